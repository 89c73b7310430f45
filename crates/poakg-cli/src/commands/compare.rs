//! `poakg compare A B`: what the later plan carried over, revised, added
//! and dropped, pair by pair, with why each pair was made.

use crate::context::Context;
use crate::error::CliError;
use poakg::ops;
use poakg::report::compare::PlanNames;
use poakg::report::ReportFormat;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier plan (as for --plan: US:2016, asean-us-poa-2016-2020, an IRI, a title fragment).
    pub earlier: String,

    /// The later plan.
    pub later: String,

    /// text, markdown, json, csv (the side-by-side tables), or html (a page with the two texts aligned and the changed words marked).
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: CompareFormat,

    /// Write to this file instead of standard output (written whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Formats of `poakg compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Text,
    Markdown,
    Json,
    Csv,
    Html,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let plans = ops::plans(&store)?;
    let earlier = ops::resolve_plan(&plans, &args.earlier)?;
    let later = ops::resolve_plan(&plans, &args.later)?;
    let comparison = ops::compare(&store, earlier, later)?;
    let names = PlanNames {
        earlier: earlier.label(),
        later: later.label(),
    };
    let width = ctx.width;
    let write = |out: &mut dyn std::io::Write| -> Result<(), ops::Error> {
        let format = match args.format {
            CompareFormat::Html => {
                let page = poakg_web::pages::compare::render(&comparison, &names)
                    .map_err(|e| ops::Error::Output(std::io::Error::other(e)))?;
                return Ok(out.write_all(page.as_bytes())?);
            }
            CompareFormat::Text => ReportFormat::Text,
            CompareFormat::Markdown => ReportFormat::Markdown,
            CompareFormat::Json => ReportFormat::Json,
            CompareFormat::Csv => ReportFormat::Csv,
        };
        let report = poakg::report::compare::compare(&comparison, &names);
        Ok(report.write(format, width, out)?)
    };
    match &args.output {
        None => write(ctx.out)?,
        Some(path) => ops::write_atomically(path, |w| write(w))?,
    }
    Ok(())
}
