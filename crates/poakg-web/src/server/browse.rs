//! The pages people browse that are not data IRIs: the home page (the
//! plans in the store), the network page and its data, and the query page.
//! Each reads the store within the same limits as queries.

use super::http::text;
use super::negotiate::Media;
use super::worker::{run_limited, Reply};
use super::State;
use crate::pages;
use oxhttp::model::{Body, Response, StatusCode};
use std::sync::Arc;

/// Entities the network shows by default, and at most.
const NETWORK_NODES: (usize, usize) = (300, 2000);

fn failed(e: impl std::fmt::Display) -> Reply {
    Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// The home page: the plans in the store, sorted and paged as `sort` and
/// `page` ask; the counts are the summaries the build left.
pub fn home(state: &Arc<State>, sort: Option<String>, page: Option<String>) -> Response<Body> {
    let listing = match pages::home::Listing::from_params(sort.as_deref(), page.as_deref()) {
        Ok(listing) => listing,
        Err(reason) => return text(StatusCode::BAD_REQUEST, reason),
    };
    let state_now = state.clone();
    run_limited(state, None, move |job| {
        let rows = match state_now.plans.get_or_read(&job.store, plan_rows) {
            Ok(rows) => rows,
            Err(e) => return failed(e),
        };
        let last = pages::home::last_page(rows.len());
        if listing.page > last {
            return Reply::text(
                StatusCode::NOT_FOUND,
                format!("no page {} of the plans: the last is {last}", listing.page),
            );
        }
        match pages::home::render(rows.as_ref().clone(), listing) {
            Ok(page) => Reply::Ok(Media::Html, page.into_bytes()),
            Err(e) => failed(e),
        }
    })
}

/// The plans of the store as the home page lists them, with the counts the
/// build left.
fn plan_rows(
    store: &poakg::store::KgStore,
) -> Result<Vec<pages::home::PlanRow>, poakg::ops::Error> {
    let plans = poakg::ops::plans(store)?;
    let counts = poakg::ops::plan_counts(store)?;
    Ok(plans
        .iter()
        .map(|p| pages::home::PlanRow {
            title: p.title.clone(),
            href: pages::links::href(&p.iri),
            partner: p.partner.clone().unwrap_or_else(|| "-".into()),
            period: p.period.map_or("-".into(), |p| p.to_string()),
            kind: p.kind.clone(),
            counts: counts.get(&p.iri).copied().unwrap_or_default().in_order(),
        })
        .collect())
}

/// The query page.
pub fn query() -> Response<Body> {
    match pages::query::render() {
        Ok(page) => super::http::ok(Media::Html, page.into_bytes()),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// The network page; `plan` (a slug, possibly empty) preselects a plan.
pub fn network_page(state: &Arc<State>, plan: Option<String>) -> Response<Body> {
    run_limited(state, None, move |job| {
        let plans = match poakg::ops::plans(job.store.kg()) {
            Ok(p) => p,
            Err(e) => return failed(e),
        };
        let plan = plan.unwrap_or_default();
        if !plan.is_empty() && !plans.iter().any(|p| p.slug == plan) {
            return Reply::text(
                StatusCode::NOT_FOUND,
                format!("no plan {plan:?} in this store"),
            );
        }
        let choices: Vec<pages::network::PlanChoice> = plans
            .iter()
            .map(|p| pages::network::PlanChoice {
                slug: p.slug.clone(),
                title: format!("{} ({})", p.title, p.label()),
            })
            .collect();
        match pages::network::render(&choices, &plan) {
            Ok(page) => Reply::Ok(Media::Html, page.into_bytes()),
            Err(e) => failed(e),
        }
    })
}

/// The network as JSON: `plan` (a plan as `--plan` names it) narrows it to
/// one plan, `limit` sets how many entities it keeps.
pub fn network_json(
    state: &Arc<State>,
    plan: Option<String>,
    limit: Option<String>,
) -> Response<Body> {
    let limit = match limit.as_deref().map(str::parse::<usize>) {
        None => NETWORK_NODES.0,
        Some(Ok(n)) if (1..=NETWORK_NODES.1).contains(&n) => n,
        Some(_) => {
            return text(
                StatusCode::BAD_REQUEST,
                format!("limit must be a number from 1 to {}", NETWORK_NODES.1),
            )
        }
    };
    run_limited(state, None, move |job| {
        let store = job.store.kg();
        let iri = match plan.as_deref().filter(|p| !p.is_empty()) {
            None => None,
            Some(name) => {
                let plans = match poakg::ops::plans(store) {
                    Ok(p) => p,
                    Err(e) => return failed(e),
                };
                match poakg::ops::resolve_plan(&plans, name) {
                    Ok(p) => Some(p.iri.clone()),
                    Err(e) => return Reply::text(StatusCode::NOT_FOUND, e.to_string()),
                }
            }
        };
        match pages::network::read(store, iri.as_deref(), limit) {
            Ok(net) => match serde_json::to_vec(&net) {
                Ok(body) => Reply::Ok(Media::Json, body),
                Err(e) => failed(e),
            },
            Err(e) => failed(e),
        }
    })
}
