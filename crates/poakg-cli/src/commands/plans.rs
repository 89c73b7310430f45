//! `poakg plans`: the plans in the store, with partner, period, kind, size
//! and the plan each follows.

use crate::choice::ChoiceParser;
use crate::context::Context;
use crate::error::CliError;
use poakg::listing::ListFormat;
use poakg::ops;
use poakg::output::{write_records, Record};

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

impl Record for Row<'_> {
    const COLUMNS: &'static [&'static str] = &[
        "plan", "partner", "period", "kind", "clauses", "mentions", "name", "follows",
    ];

    fn cells(&self) -> Vec<String> {
        let p = self.plan;
        let period = p.period.map_or(String::new(), |p| p.to_string());
        let follows = p
            .replaces
            .as_deref()
            .map(|r| r.rsplit('/').next().unwrap_or(r).to_owned())
            .unwrap_or_default();
        vec![
            p.label(),
            p.partner.clone().unwrap_or_default(),
            period,
            p.kind.clone(),
            self.clauses.to_string(),
            self.mentions.to_string(),
            p.slug.clone(),
            follows,
        ]
    }
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let plans = ops::plans(&store)?;
    let counts = ops::plan_counts(&store)?;
    let rows: Vec<Row<'_>> = plans
        .iter()
        .map(|p| {
            let ops::PlanCounts {
                pillars,
                sections,
                clauses,
                mentions,
            } = counts.get(&p.iri).copied().unwrap_or_default();
            Row {
                plan: p,
                pillars,
                sections,
                clauses,
                mentions,
            }
        })
        .collect();
    write_records(ctx.out, args.format, &rows, ctx.width)?;
    Ok(())
}
