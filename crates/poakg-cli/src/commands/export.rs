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
    #[arg(long, value_name = "IRI", conflicts_with = "canonical")]
    pub graph: Option<String>,

    /// RDFC-1.0 canonical N-Quads of every graph but the dataset description's (needs
    /// --format nquads); prints the SHA-256 of the result on stderr.
    #[arg(long)]
    pub canonical: bool,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    if args.canonical {
        return canonical(&args, ctx);
    }
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

/// `export --canonical`: the canonical N-Quads, and their hash on stderr.
fn canonical(args: &Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    if args.format != ExportFormat::Nquads {
        return Err(CliError::CanonicalNeedsNquads);
    }
    let store = ctx.open_for_reading()?;
    let hash = match &args.output {
        None => export::canonical_nquads(&store, ctx.out)?,
        Some(path) => {
            let mut hash = String::new();
            ops::write_atomically(path, |w| {
                hash = export::canonical_nquads(&store, w)?;
                Ok(())
            })?;
            hash
        }
    };
    writeln!(ctx.err, "sha256 {hash}")?;
    Ok(())
}
