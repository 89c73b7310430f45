//! `poakg graph`: the co-mention network as DOT, or SVG drawn by Graphviz.

use crate::context::{Context, PlanArg};
use crate::error::CliError;
use poakg::ops;
use poakg::report::pictures;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// dot (Graphviz source) or svg (rendered by Graphviz's `dot`, which must be installed).
    #[arg(long, short = 'f', value_enum, default_value = "dot")]
    pub format: GraphFormat,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Add the registry's hierarchy and ownership links.
    #[arg(long)]
    pub hierarchy: bool,

    #[command(flatten)]
    pub plan: PlanArg,
}

/// Formats of `poakg graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT source.
    Dot,
    /// SVG rendered by Graphviz.
    Svg,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let plan = ctx.plan(&store, &args.plan)?;
    let analysis = ops::analyse(&store, args.hierarchy, plan.as_ref())?.analysis;
    let dot = pictures::dot(&analysis);
    let bytes = match args.format {
        GraphFormat::Dot => dot.into_bytes(),
        GraphFormat::Svg => ops::graphviz::svg_from_dot(&dot)?,
    };
    match args.output {
        None => ctx.out.write_all(&bytes)?,
        Some(path) => ops::write_atomically(&path, |w| Ok(w.write_all(&bytes)?))?,
    }
    Ok(())
}
