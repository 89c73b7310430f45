//! `poakg push`: the store's graphs to another triple store.

use crate::context::{seconds, Context};
use crate::error::CliError;
use poakg::{ops, push};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The server's Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph) or
    /// http://localhost:3030/ds/data (Fuseki).
    #[arg(long, value_name = "URL")]
    pub endpoint: String,

    /// Push only this named graph (an IRI, as listed by `poakg stats`).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,

    /// User name for HTTP Basic authentication (with --password).
    #[arg(long, value_name = "U", requires = "password")]
    pub user: Option<String>,

    /// Password for HTTP Basic authentication (with --user).
    #[arg(long, value_name = "P", requires = "user")]
    pub password: Option<String>,

    /// Seconds allowed for each graph's upload.
    #[arg(long, default_value_t = 300.0, value_name = "SECONDS")]
    pub timeout: f64,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let timeout = seconds(args.timeout)?;
    let store = ctx.open_for_reading()?;
    let target = push::Target {
        endpoint: args.endpoint,
        graph: args.graph,
        user: args.user,
        password: args.password,
        timeout,
    };
    let out = &mut *ctx.out;
    let mut failed = None;
    let pushed = push::push(&store, &target, |p| {
        if let Err(e) = writeln!(
            out,
            "pushed {:>6} triples  {:>4}  {:>7.1} ms  <{}>",
            p.triples,
            p.status,
            p.elapsed.as_secs_f64() * 1000.0,
            p.graph
        ) {
            failed.get_or_insert(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(ops::Error::Output(e).into());
    }
    let total: usize = pushed.iter().map(|p| p.triples).sum();
    writeln!(
        out,
        "{} graph(s), {total} triples to {}",
        pushed.len(),
        target.endpoint
    )?;
    Ok(())
}
