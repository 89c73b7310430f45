//! `poakg stats`: triples per named graph and instances per class.

use crate::context::Context;
use crate::error::CliError;
use poakg::ops;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: SummaryFormat,
}

/// Formats of the summaries `stats` and `build` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    /// Lines for a person.
    Text,
    /// One JSON object, for scripts.
    Json,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let stats = ops::stats(&store)?;
    let out = &mut *ctx.out;
    if args.format == SummaryFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &stats).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "store: {}", stats.store)?;
    writeln!(
        out,
        "publisher: {}; licence: {}",
        stats.publisher.as_deref().unwrap_or("(not described yet)"),
        stats.license
    )?;
    writeln!(out, "IRIs under: {}id/", stats.base)?;
    writeln!(out, "triples per named graph:")?;
    let width = stats
        .graphs
        .iter()
        .map(|g| g.graph.len())
        .max()
        .unwrap_or(0);
    for size in &stats.graphs {
        writeln!(out, "  {:width$}  {:>7}", size.graph, size.triples)?;
    }
    writeln!(out, "instances per class:")?;
    for ops::ClassCount { class, count } in &stats.classes {
        writeln!(out, "  {count:>7}  {class}")?;
    }
    Ok(())
}
