//! The co-mention network as the network page draws it: the entities most
//! often named (at most a limit, so that a corpus of many plans still draws
//! in a browser), each with its label, class, page and the pillars naming
//! it; an edge between two entities named in the same passage, weighted by
//! how many passages they share. Read by SPARQL, optionally for one plan;
//! served as JSON to the page's script (`/network.json`).

use super::links::{href, labels};
use super::PageError;
use askama::Template;
use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;
use poakg::vocab;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An entity of the network.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Its IRI.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its class, by label (`Mechanism`).
    pub class: String,
    /// Its page on this server, when it has one.
    pub href: Option<String>,
    /// How many passages name it.
    pub passages: usize,
    /// The titles of the pillars that name it (pillars of different plans
    /// with the same title are one).
    pub pillars: Vec<String>,
}

/// Two entities named in the same passages.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// One entity's IRI.
    pub source: String,
    /// The other's.
    pub target: String,
    /// How many passages name both.
    pub weight: usize,
}

/// The network the page draws.
#[derive(Debug, Clone, Serialize)]
pub struct Network {
    /// Entities, most named first.
    pub nodes: Vec<Node>,
    /// Co-mentions among them.
    pub edges: Vec<Edge>,
    /// Every class among the nodes, sorted.
    pub classes: Vec<String>,
    /// Every pillar title among the nodes, sorted.
    pub pillars: Vec<String>,
    /// How many entities are named in all (the nodes are the first `limit`).
    pub entities: usize,
}

/// Reads the network of the whole store, or of the plan `plan` (an IRI),
/// keeping the `limit` most named entities.
pub fn read(store: &KgStore, plan: Option<&str>, limit: usize) -> Result<Network, QueryError> {
    let mentions = Mentions::read(store, plan)?;
    let ranked = mentions.most_named(limit);
    let kept: BTreeSet<&str> = ranked.iter().map(|(e, _)| e.as_str()).collect();
    let mut iris: Vec<&str> = kept.iter().copied().collect();
    let pillar_iris: BTreeSet<&str> = ranked
        .iter()
        .flat_map(|(e, _)| {
            mentions
                .pillars_of
                .get(*e)
                .into_iter()
                .flatten()
                .map(String::as_str)
        })
        .collect();
    iris.extend(pillar_iris.iter().copied());
    let classes = class_of(store, &kept)?;
    let mut class_iris: Vec<&str> = classes.values().map(String::as_str).collect();
    class_iris.sort_unstable();
    class_iris.dedup();
    iris.extend(class_iris);
    let names = labels(store, &iris)?;
    let nodes = nodes(&ranked, &mentions, &classes, &names);
    let edges = edges(&ranked, &mentions);
    let classes: BTreeSet<String> = nodes.iter().map(|n| n.class.clone()).collect();
    let pillars: BTreeSet<String> = nodes
        .iter()
        .flat_map(|n| n.pillars.iter().cloned())
        .collect();
    Ok(Network {
        nodes,
        edges,
        classes: classes.into_iter().collect(),
        pillars: pillars.into_iter().collect(),
        entities: mentions.passages_of.len(),
    })
}

/// Who is named where: for each entity, its passages and its pillars.
struct Mentions {
    /// The passages naming each entity.
    passages_of: HashMap<String, BTreeSet<String>>,
    /// The pillars of the passages naming each entity.
    pillars_of: HashMap<String, BTreeSet<String>>,
}

impl Mentions {
    /// Reads the mentions of the whole store, or of the plan `plan`.
    fn read(store: &KgStore, plan: Option<&str>) -> Result<Mentions, QueryError> {
        let scope = match plan {
            Some(p) => format!("?c dcterms:isPartOf {} .", sparql::iri(p)?),
            None => String::new(),
        };
        let rows = sparql::select(
            store,
            "network",
            format!("SELECT ?c ?e ?pillar WHERE {{ {scope} ?c schema:mentions ?e OPTIONAL {{ ?c poa:inPillar ?pillar }} }}"),
        )?;
        let mut mentions = Mentions {
            passages_of: HashMap::new(),
            pillars_of: HashMap::new(),
        };
        for row in &rows {
            let (Some(c), Some(e)) = (row_text(row, "c"), row_text(row, "e")) else {
                continue;
            };
            if let Some(p) = row_text(row, "pillar") {
                mentions.pillars_of.entry(e.clone()).or_default().insert(p);
            }
            mentions.passages_of.entry(e).or_default().insert(c);
        }
        Ok(mentions)
    }

    /// The `limit` entities named in most passages, with their counts, most
    /// first (ties by IRI).
    fn most_named(&self, limit: usize) -> Vec<(&String, usize)> {
        let mut ranked: Vec<(&String, usize)> =
            self.passages_of.iter().map(|(e, p)| (e, p.len())).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        ranked.truncate(limit);
        ranked
    }
}

/// The nodes of the `ranked` entities, by label, with their class and the
/// titles of their pillars.
fn nodes(
    ranked: &[(&String, usize)],
    mentions: &Mentions,
    classes: &HashMap<String, String>,
    names: &HashMap<String, String>,
) -> Vec<Node> {
    let name = |iri: &str| {
        names
            .get(iri)
            .cloned()
            .unwrap_or_else(|| vocab::display_iri(iri))
    };
    ranked
        .iter()
        .map(|(e, n)| Node {
            id: (*e).clone(),
            label: name(e),
            class: classes
                .get(*e)
                .map_or_else(|| "Other".to_owned(), |c| name(c)),
            href: href(e),
            passages: *n,
            pillars: mentions
                .pillars_of
                .get(*e)
                .map(|ps| {
                    let titles: BTreeSet<String> = ps.iter().map(|p| name(p)).collect();
                    titles.into_iter().collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// An edge between every two `ranked` entities named in the same passages,
/// weighted by how many passages they share.
fn edges(ranked: &[(&String, usize)], mentions: &Mentions) -> Vec<Edge> {
    // passage -> kept entities, then every pair once
    let mut in_passage: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (e, _) in ranked {
        for c in &mentions.passages_of[*e] {
            in_passage.entry(c).or_default().push(e);
        }
    }
    let mut weights: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for members in in_passage.values() {
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                let key = if a < b { (*a, *b) } else { (*b, *a) };
                *weights.entry(key).or_default() += 1;
            }
        }
    }
    weights
        .into_iter()
        .map(|((a, b), weight)| Edge {
            source: a.to_owned(),
            target: b.to_owned(),
            weight,
        })
        .collect()
}

/// IRIs as the terms of a VALUES clause, each a typed term.
fn iri_values(iris: &[&str]) -> Result<String, QueryError> {
    let mut values = String::new();
    for iri in iris {
        values.push_str(&sparql::iri(iri)?.to_string());
        values.push(' ');
    }
    Ok(values)
}

/// The first poa: class of each entity (entities have one).
fn class_of(
    store: &KgStore,
    entities: &BTreeSet<&str>,
) -> Result<HashMap<String, String>, QueryError> {
    let mut out = HashMap::new();
    let list: Vec<&str> = entities.iter().copied().collect();
    for chunk in list.chunks(400) {
        let values = iri_values(chunk)?;
        for row in sparql::select(
            store,
            "network classes",
            format!("SELECT ?e ?class WHERE {{ VALUES ?e {{ {values} }} ?e a ?class FILTER(STRSTARTS(STR(?class), STR(poa:))) }} ORDER BY ?e ?class"),
        )? {
            if let (Some(e), Some(c)) = (row_text(&row, "e"), row_text(&row, "class")) {
                out.entry(e).or_insert(c);
            }
        }
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage<'a> {
    /// The query string the page's script passes on to `/network.json`.
    data: &'a str,
    plans: &'a [PlanChoice],
    plan: &'a str,
}

/// A plan the network page offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChoice {
    /// Its slug, the value chosen.
    pub slug: String,
    /// What the list shows: its title and label.
    pub title: String,
}

/// Renders the network page; `plans` are the plans to choose from, `plan`
/// the slug chosen (empty for all).
pub fn render(plans: &[PlanChoice], plan: &str) -> Result<String, PageError> {
    let data = if plan.is_empty() {
        "/network.json".to_owned()
    } else {
        format!(
            "/network.json?plan={}",
            form_urlencoded::byte_serialize(plan.as_bytes()).collect::<String>()
        )
    };
    Ok(NetworkPage {
        data: &data,
        plans,
        plan,
    }
    .render()?)
}
