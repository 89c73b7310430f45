//! `poakg query`: run a SPARQL query (a file, a shipped query, or text).

use crate::choice::ChoiceParser;
use crate::context::Context;
use crate::error::CliError;
use poakg::ops;
use poakg::sparql::{self, QueryText, ResultFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A .rq file, the name of a shipped query (see `poakg queries`), or - for standard input.
    #[arg(
        value_name = "FILE|NAME",
        required_unless_present = "query",
        conflicts_with = "query"
    )]
    pub target: Option<String>,

    /// The query text itself.
    #[arg(long, short = 'q', value_name = "SPARQL")]
    pub query: Option<String>,

    /// Output format (default: table on a terminal, else csv; turtle for CONSTRUCT/DESCRIBE).
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ResultFormat>::new())]
    pub format: Option<ResultFormat>,

    /// Write the results to this file (whole, or not at all) instead of standard output;
    /// its extension chooses the format when --format does not (.csv .tsv .json .srj .xml
    /// .srx .ttl .nt .jsonld .rdf).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// Run the query against this SPARQL endpoint (SPARQL 1.1 Protocol) instead of the
    /// store: a portal's Virtuoso, Fuseki, GraphDB or another `poakg serve`.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Time limit of a query sent to --endpoint, in seconds.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 60.0,
        requires = "endpoint"
    )]
    pub timeout: f64,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let query = match (args.query, args.target) {
        (Some(text), _) => QueryText {
            text,
            origin: "--query".into(),
        },
        // `-`: the query on standard input (a script pipes it in)
        (None, Some(target)) if target == "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|source| {
                ops::Error::File {
                    path: "standard input".into(),
                    source,
                }
            })?;
            QueryText {
                text,
                origin: "standard input".into(),
            }
        }
        (None, Some(target)) => ops::load_query(&target)?,
        (None, None) => return Err(ops::Error::NoQuery.into()),
    };
    // A query that does not parse is refused before the store is touched.
    sparql::check(&query)?;
    let to_file = args.output.is_some();
    let options = sparql::ResultOptions {
        format: args
            .format
            .or_else(|| args.output.as_deref().and_then(format_of_extension)),
        // tables for a person at a terminal, CSV for a pipe or a file
        tabular_default: if ctx.terminal && !to_file {
            sparql::ResultFormat::Table
        } else {
            sparql::ResultFormat::Csv
        },
        width: ctx.width,
    };
    let target = match args.endpoint {
        Some(endpoint) => Target::Endpoint(endpoint, crate::context::seconds(args.timeout)?),
        None => Target::Store(Box::new(ctx.open_for_reading()?)),
    };
    let run = |out: &mut dyn std::io::Write| -> Result<(), ops::Error> {
        match &target {
            Target::Endpoint(url, timeout) => {
                poakg::remote::run(url, &query, &options, *timeout, out)?;
            }
            Target::Store(store) => sparql::run(store, &query, &options, out)?,
        }
        Ok(())
    };
    match &args.output {
        Some(path) => ops::write_atomically(path, run)?,
        None => run(ctx.out)?,
    }
    Ok(())
}

/// Where the query runs.
enum Target {
    /// Another SPARQL endpoint, with the time limit of the request.
    Endpoint(String, std::time::Duration),
    Store(Box<poakg::store::KgStore>),
}

/// The result format a file's extension names.
fn format_of_extension(path: &std::path::Path) -> Option<ResultFormat> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "csv" => ResultFormat::Csv,
        "tsv" => ResultFormat::Tsv,
        "json" | "srj" => ResultFormat::Json,
        "xml" | "srx" => ResultFormat::Xml,
        "ttl" => ResultFormat::Turtle,
        "nt" => ResultFormat::Ntriples,
        "jsonld" => ResultFormat::Jsonld,
        "rdf" | "owl" => ResultFormat::Rdfxml,
        _ => return None,
    })
}
