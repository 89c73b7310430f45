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
    let options = sparql::ResultOptions {
        format: args.format,
        // tables for a person at a terminal, CSV for a pipe or a file
        tabular_default: if ctx.terminal {
            sparql::ResultFormat::Table
        } else {
            sparql::ResultFormat::Csv
        },
        width: ctx.width,
    };
    if let Some(endpoint) = &args.endpoint {
        let timeout = crate::context::seconds(args.timeout)?;
        poakg::remote::run(endpoint, &query, &options, timeout, ctx.out)?;
        return Ok(());
    }
    let store = ctx.open_for_reading()?;
    sparql::run(&store, &query, &options, ctx.out)?;
    Ok(())
}
