//! `poakg build`: ingest documents into a new generation of the store and
//! print what was built.

use crate::context::Context;
use crate::error::CliError;
use poakg::ops::{self, BuildSummary};
use poakg::store::Writer;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A document to ingest instead of the bundled seeds (repeatable): a plan as text (.txt),
    /// a programme page (Markdown with YAML front matter), or RDF (.ttl, .nt, .nq, .trig, .jsonld, .rdf).
    #[arg(long = "source", value_name = "FILE")]
    pub sources: Vec<PathBuf>,

    /// Keep the documents already in the store; by default the store afterwards holds exactly this build's documents.
    #[arg(long)]
    pub add: bool,

    /// An entity registry to use besides the bundled one (repeatable; same TSV format as
    /// ontology/registry.tsv; a row whose id is already known replaces it).
    #[arg(long = "registry", value_name = "FILE")]
    pub registries: Vec<PathBuf>,

    /// Word lists to add to the discovery rules' (repeatable; same TSV format as ontology/lexicon.tsv).
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let extractor = ops::extractor(&args.registries, &args.lexicons)?;
    let sources = ops::sources(&args.sources)?;
    let writer = Writer::begin(&ctx.location, args.add)?;
    let (store, summary) = ops::build(writer, &sources, !args.add, &extractor)?;
    writeln!(ctx.out, "built the store at {}", store.location())?;
    print(ctx.out, &summary)?;
    Ok(())
}

fn print(out: &mut dyn Write, summary: &BuildSummary) -> std::io::Result<()> {
    for doc in &summary.documents {
        writeln!(
            out,
            "  {} ({}): {} triples in <{}>",
            doc.name, doc.kind, doc.triples, doc.graph
        )?;
        if doc.mentions > 0 {
            writeln!(
                out,
                "    {} entity mentions of {} entities ({} found by rules, not in the registry)",
                doc.mentions, doc.entities, doc.discovered
            )?;
        }
        if doc.repairs > 0 {
            writeln!(
                out,
                "    repaired {} conversion error(s) in the cleaned text",
                doc.repairs
            )?;
        }
        for warning in &doc.warnings {
            writeln!(out, "    warning: {warning}")?;
        }
    }
    if let Some((connectors, communities, nmi)) = summary.analysis {
        writeln!(
            out,
            "  analysis: {connectors} cross-pillar connectors, {communities} communities (NMI with pillars {nmi:.3}) in <{}>",
            poakg::vocab::ANALYSIS_GRAPH
        )?;
    }
    writeln!(out, "instances per class:")?;
    for (class, count) in &summary.classes {
        writeln!(out, "  {count:>6}  {class}")?;
    }
    Ok(())
}
