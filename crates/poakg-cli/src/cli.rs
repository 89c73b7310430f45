//! The command line: global flags and the list of commands. Each command's
//! own flags live beside its `exec` in `commands/`.

use crate::commands;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// poakg: a knowledge graph and SPARQL engine for intergovernmental
/// partnership plans (Plans of Action and programme pages).
#[derive(Debug, Parser)]
#[command(name = "poakg", version, about, long_about = None)]
pub struct Cli {
    /// Folder of the on-disk store (default: $POAKG_STORE, else the platform's data folder).
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "memory")]
    pub store: Option<PathBuf>,

    /// Keep the store in memory for this run only (built from the bundled seeds when empty).
    #[arg(long, global = true)]
    pub memory: bool,

    /// Lay text tables out in N columns (default: the terminal's width; when
    /// the output is a pipe or a file, one row per line, never wrapped).
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest the bundled seeds (or the given files) into the store and print what was built.
    Build(commands::build::Args),
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all graphs.
    Query(commands::query::Args),
    /// List the shipped queries with their one-line descriptions.
    Queries,
    /// Write the graph out as RDF.
    Export(commands::export::Args),
    /// Show triples per named graph and instances per class.
    Stats(commands::stats::Args),
    /// List every entity with its class, labels, mention count, pillars and passages.
    Entities(commands::entities::Args),
    /// List the plans in the store: partner, period, kind, clauses, mentions, the plan each follows.
    Plans(commands::plans::Args),
    /// List the entity mentions of a passage (or of all), with offsets, surface forms and how each was found.
    Mentions(commands::mentions::Args),
    /// Relationship reports: which mechanisms and instruments connect the pillars, and how.
    Report(commands::report::Args),
    /// Draw the entity co-mention network (nodes coloured by pillar span, sized by betweenness).
    Graph(commands::graph::Args),
    /// Serve the store as a SPARQL 1.1 endpoint (Protocol, Graph Store reading, linked data, HTML form).
    Serve(commands::serve::Args),
    /// Check the store against SHACL shapes (ontology/shapes.ttl unless --shapes); exit 0 when it conforms, 1 on any violation, 2 when it cannot validate.
    #[cfg(feature = "shacl")]
    Validate(commands::validate::Args),
    /// Upload the store's graphs to another triple store (SPARQL 1.1 Graph Store Protocol, PUT per graph).
    Push(commands::push::Args),
    /// Score the graph's entities against a hand annotation (TSV: clause, entity, class).
    Eval(commands::eval::Args),
    /// Compare two plans: which clauses of the later were carried over, revised or are new, which of the earlier were dropped, and why.
    Compare(commands::compare::Args),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(commands::completions::Args),
    /// Print the man page (roff): `poakg man > poakg.1`.
    Man,
    /// Label passages with what each commits to (lead verb, level, hedges, modalities, SDGs, AOIP areas) and the evidence, without a store.
    Classify(commands::classify::Args),
}
