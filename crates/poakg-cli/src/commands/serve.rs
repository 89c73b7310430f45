//! `poakg serve`: the SPARQL endpoint.

use crate::context::{seconds, Context};
use crate::error::CliError;
use poakg::store::{Location, Writer};
use poakg_web::server::{self, Backing, Options};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,

    /// Time limit of every request that reads or writes the store, in seconds; a query running longer is cancelled.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,

    /// Accept SPARQL updates (refused with 403 otherwise; never from another site's page); on a non-loopback address only with --public.
    #[arg(long)]
    pub allow_update: bool,

    /// Allow --allow-update on an address other than loopback.
    #[arg(long)]
    pub public: bool,

    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1_048_576)]
    pub max_body: usize,

    /// Most rows or triples one request may return.
    #[arg(long, default_value_t = 1_000_000)]
    pub max_results: usize,

    /// Most requests working on the store at once; more are answered 503.
    #[arg(long, default_value_t = 16)]
    pub max_concurrent: usize,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    if args.allow_update && !args.bind.ip().is_loopback() && !args.public {
        return Err(CliError::UnsafeUpdate(args.bind));
    }
    let timeout = seconds(args.timeout)?;
    let store = ctx.open_for_reading()?;
    let backing = if !args.allow_update {
        Backing::Reading(store)
    } else if ctx.location == Location::Memory {
        Backing::Writing(Writer::over_memory(store))
    } else {
        // the endpoint becomes the store's one writer: it writes a
        // generation of its own and publishes each update
        drop(store);
        Backing::Writing(Writer::begin(&ctx.location, true)?)
    };
    let options = Options {
        bind: args.bind,
        timeout,
        allow_update: args.allow_update,
        max_body: args.max_body,
        max_results: args.max_results,
        max_concurrent: args.max_concurrent.max(1),
    };
    server::announce(ctx.err, &options)?;
    let bind = args.bind;
    server::serve(backing, options, |line| eprintln!("{line}"))
        .map_err(|source| CliError::Serve { bind, source })
}
