//! `poakg plans`: the plans in the store, with partner, period, kind, size
//! and the plan each follows.

use crate::choice::ChoiceParser;
use crate::context::Context;
use crate::error::CliError;
use poakg::listing::{self, ListFormat};
use poakg::ops;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ListFormat>::new(), default_value = "table")]
    pub format: ListFormat,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    plan: &'a ops::PlanInfo,
    pillars: usize,
    sections: usize,
    clauses: usize,
    mentions: usize,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let plans = ops::plans(&store)?;
    let counts = ops::plan_counts(&store)?;
    let mut cells = Vec::new();
    let mut json = Vec::new();
    for p in &plans {
        let ops::PlanCounts {
            pillars,
            sections,
            clauses,
            mentions,
        } = counts.get(&p.iri).copied().unwrap_or_default();
        let period = p.period.map_or(String::new(), |(a, b)| format!("{a}-{b}"));
        let follows = p
            .replaces
            .as_deref()
            .map(|r| r.rsplit('/').next().unwrap_or(r).to_owned())
            .unwrap_or_default();
        cells.push(vec![
            p.label(),
            p.partner.clone().unwrap_or_default(),
            period,
            p.kind.clone(),
            clauses.to_string(),
            mentions.to_string(),
            p.slug.clone(),
            follows,
        ]);
        json.push(Row {
            plan: p,
            pillars,
            sections,
            clauses,
            mentions,
        });
    }
    listing::write_rows(
        ctx.out,
        args.format,
        &[
            "plan", "partner", "period", "kind", "clauses", "mentions", "name", "follows",
        ],
        &cells,
        &json,
        ctx.width,
    )?;
    Ok(())
}
