//! The command-line interface, and nothing else: every flag's help is here.

use crate::export::ExportFormat;
use crate::listing::ListFormat;
use crate::report::ReportFormat;
use crate::sparql::ResultFormat;
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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest the bundled seeds (or the given files) into the store and print what was built.
    Build {
        /// A document to ingest instead of the bundled seeds (repeatable): a plan as text (.txt),
        /// a programme page (Markdown with YAML front matter), or RDF (.ttl, .nt, .nq, .trig, .jsonld, .rdf).
        #[arg(long = "source", value_name = "FILE")]
        sources: Vec<PathBuf>,

        /// Keep the documents already in the store; by default the store afterwards holds exactly this build's documents.
        #[arg(long)]
        add: bool,

        /// An entity registry to use besides the bundled one (repeatable; same TSV format as
        /// ontology/registry.tsv; a row whose id is already known replaces it).
        #[arg(long = "registry", value_name = "FILE")]
        registries: Vec<PathBuf>,
    },

    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all graphs.
    Query {
        /// A .rq file, or the name of a shipped query (see `poakg queries`).
        #[arg(
            value_name = "FILE|NAME",
            required_unless_present = "query",
            conflicts_with = "query"
        )]
        target: Option<String>,

        /// The query text itself.
        #[arg(long, short = 'q', value_name = "SPARQL")]
        query: Option<String>,

        /// Output format (default: table on a terminal, else csv; turtle for CONSTRUCT/DESCRIBE).
        #[arg(long, short = 'f', value_enum)]
        format: Option<ResultFormat>,
    },

    /// List the shipped queries with their one-line descriptions.
    Queries,

    /// Write the graph out as RDF.
    Export {
        /// RDF format.
        #[arg(long, short = 'f', value_enum, default_value = "turtle")]
        format: ExportFormat,

        /// Write to this file instead of standard output (written whole or not at all).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,

        /// Export only this named graph (an IRI, as listed by `poakg stats`).
        #[arg(long, value_name = "IRI")]
        graph: Option<String>,
    },

    /// Show triples per named graph and instances per class.
    Stats,

    /// List every entity with its class, labels, mention count, pillars and passages.
    Entities {
        /// Only entities of this class (ASEANBody, Mechanism, Instrument, USAgency, Programme,
        /// Organization, CountryGroup).
        #[arg(long = "type", value_name = "CLASS")]
        class: Option<String>,

        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value = "table")]
        format: ListFormat,
    },

    /// List the entity mentions of a passage (or of all), with offsets, surface forms and how each was found.
    Mentions {
        /// A clause notation (1.2.16), `preamble`, or a programme passage (activity 2).
        #[arg(value_name = "CLAUSE")]
        passage: Option<String>,

        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value = "table")]
        format: ListFormat,
    },

    /// Relationship reports: which mechanisms and instruments connect the pillars, and how.
    Report {
        #[command(subcommand)]
        which: ReportKind,

        /// Output format (svg only for `report pillars`: the matrix as a heat map).
        #[arg(long, short = 'f', value_enum, default_value = "text", global = true)]
        format: ReportFormat,

        /// Add the registry's hierarchy and ownership links (org:subOrganizationOf, poa:owner) to the co-mention network.
        #[arg(long, global = true)]
        hierarchy: bool,
    },

    /// Draw the entity co-mention network (nodes coloured by pillar span, sized by betweenness).
    Graph {
        /// dot (Graphviz source) or svg (rendered by Graphviz's `dot`, which must be installed).
        #[arg(long, short = 'f', value_enum, default_value = "dot")]
        format: GraphFormat,

        /// Write to this file instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,

        /// Add the registry's hierarchy and ownership links.
        #[arg(long)]
        hierarchy: bool,
    },

    /// Serve the store as a SPARQL 1.1 endpoint (Protocol, Graph Store reading, linked data, HTML form).
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,

        /// Per-query time limit in seconds; a query running longer is cancelled.
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,

        /// Accept SPARQL updates (refused with 403 otherwise); on a non-loopback address only with --public.
        #[arg(long)]
        allow_update: bool,

        /// Allow --allow-update on an address other than loopback.
        #[arg(long)]
        public: bool,

        /// Largest request body accepted, in bytes.
        #[arg(long, default_value_t = 1_048_576)]
        max_body: usize,

        /// Most rows or triples one query may return.
        #[arg(long, default_value_t = 1_000_000)]
        max_results: usize,

        /// Most queries evaluated at once; more are answered 503.
        #[arg(long, default_value_t = 16)]
        max_concurrent: usize,
    },

    /// Check the store against SHACL shapes (ontology/shapes.ttl unless --shapes); exit 1 on any violation.
    Validate {
        /// A Turtle file of SHACL shapes to use instead of the bundled ones.
        #[arg(long, value_name = "FILE")]
        shapes: Option<PathBuf>,

        /// Report format: one line per result, or a SHACL validation report in Turtle.
        #[arg(long, short = 'f', value_enum, default_value = "text")]
        format: ValidateFormat,
    },

    /// Upload the store's graphs to another triple store (SPARQL 1.1 Graph Store Protocol, PUT per graph).
    Push {
        /// The server's Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph) or
        /// http://localhost:3030/ds/data (Fuseki).
        #[arg(long, value_name = "URL")]
        endpoint: String,

        /// Push only this named graph (an IRI, as listed by `poakg stats`).
        #[arg(long, value_name = "IRI")]
        graph: Option<String>,

        /// User name for HTTP Basic authentication (with --password).
        #[arg(long, value_name = "U", requires = "password")]
        user: Option<String>,

        /// Password for HTTP Basic authentication (with --user).
        #[arg(long, value_name = "P", requires = "user")]
        password: Option<String>,

        /// Seconds allowed for each graph's upload.
        #[arg(long, default_value_t = 300.0, value_name = "SECONDS")]
        timeout: f64,
    },

    /// Score the graph's entities against a hand annotation (TSV: clause, entity, class).
    Eval {
        /// The annotation file; see README ("Scoring against a hand annotation").
        #[arg(value_name = "GOLD.tsv")]
        gold: PathBuf,

        /// How many misses and false finds to print (0 for none).
        #[arg(long, default_value_t = 50)]
        show: usize,
    },
}

/// The reports of `poakg report`.
#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// Entities named in two or more pillars, ranked by pillar span and mentions.
    CrossPillar,
    /// One entity: class, labels, passages by pillar with a snippet, co-mentioned entities, centrality.
    Entity {
        /// Label or acronym, case-insensitive (e.g. ARF, "East Asia Summit").
        name: String,
    },
    /// The pillar-by-pillar matrix of shared entities, with the entities behind each cell.
    Pillars,
    /// The shortest explained path between two entities, through the passages that link them.
    Path {
        /// Label or acronym of the first entity.
        from: String,
        /// Label or acronym of the second entity.
        to: String,
    },
    /// The most central entities, articulation points and bridges.
    Central {
        /// How many entities to list.
        #[arg(long, default_value_t = 15)]
        top: usize,
    },
    /// Communities of the co-mention network and how far they follow the pillars.
    Communities,
    /// Which plan clauses each programme activity relates to, and which sections no activity touches.
    Coverage,
}

/// Formats of `poakg validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    /// One aligned line per result: severity, focus node, path, message, value.
    Text,
    /// A SHACL validation report (sh:ValidationReport) in Turtle.
    Turtle,
}

/// Formats of `poakg graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT source.
    Dot,
    /// SVG rendered by Graphviz.
    Svg,
}
