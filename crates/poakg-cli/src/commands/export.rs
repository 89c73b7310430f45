//! `poakg export`: the store (or one graph) as RDF, to stdout or a file.

use crate::choice::ChoiceParser;
use crate::context::Context;
use crate::error::CliError;
use poakg::export::{self, ExportFormat};
use poakg::ops;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// RDF format.
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ExportFormat>::new(), default_value = "turtle")]
    pub format: ExportFormat,

    /// Write to this file instead of standard output (written whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Export only this named graph (an IRI, as listed by `poakg stats`).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let graph = args.graph.as_deref();
    match args.output {
        None => export::export(&store, args.format, graph, ctx.out)?,
        Some(path) => ops::write_atomically(&path, |w| {
            Ok(export::export(&store, args.format, graph, w)?)
        })?,
    }
    Ok(())
}
