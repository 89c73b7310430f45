//! `poakg entities`: every entity with its class, labels, mentions, pillars
//! and passages.

use crate::choice::ChoiceParser;
use crate::context::{Context, PlanArg};
use crate::error::CliError;
use poakg::entities::EntityClass;
use poakg::listing::{self, ListFormat};
use poakg::ops;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only entities of this class (ASEANBody, Mechanism, Instrument, USAgency, PartnerAgency,
    /// Programme, Organization, CountryGroup).
    #[arg(long = "type", value_name = "CLASS")]
    pub class: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ListFormat>::new(), default_value = "table")]
    pub format: ListFormat,

    #[command(flatten)]
    pub plan: PlanArg,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let class = args
        .class
        .map(|c| EntityClass::parse(&c).ok_or(ops::Error::UnknownClass(c)))
        .transpose()?;
    let store = ctx.open_for_reading()?;
    let plan = ctx.plan(&store, &args.plan)?;
    let rows = listing::entities(&store, class, plan.as_ref().map(|p| p.iri.as_str()))?;
    poakg::output::write_records(ctx.out, args.format, &rows, ctx.width)?;
    Ok(())
}
