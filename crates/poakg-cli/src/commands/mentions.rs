//! `poakg mentions`: the entity mentions of a passage, or of all.

use crate::choice::ChoiceParser;
use crate::context::{Context, PlanArg};
use crate::error::CliError;
use poakg::listing::{self, ListFormat};
use poakg::ops;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A clause notation (1.2.16), `preamble`, or a programme passage (activity 2).
    #[arg(value_name = "CLAUSE")]
    pub passage: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ListFormat>::new(), default_value = "table")]
    pub format: ListFormat,

    #[command(flatten)]
    pub plan: PlanArg,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let plan = ctx.plan(&store, &args.plan)?;
    let rows = listing::mentions(
        &store,
        args.passage.as_deref(),
        plan.as_ref().map(|p| p.iri.as_str()),
    )?;
    if let (Some(p), true) = (&args.passage, rows.is_empty()) {
        if !ops::passage_exists(&store, p)? {
            return Err(ops::Error::UnknownPassage(p.clone()).into());
        }
    }
    poakg::output::write_records(ctx.out, args.format, &rows, ctx.width)?;
    Ok(())
}
