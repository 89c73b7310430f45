//! One module per command: its flags (`Args`) and its `exec`, which calls
//! the library and prints. Nothing here computes what the library can.

pub mod build;
pub mod classify;
pub mod compare;
pub mod completions;
pub mod entities;
pub mod eval;
pub mod export;
pub mod graph;
pub mod mentions;
pub mod plans;
pub mod push;
pub mod queries;
pub mod query;
pub mod report;
pub mod serve;
pub mod stats;
#[cfg(feature = "shacl")]
pub mod validate;

use crate::cli::Command;
use crate::context::Context;
use crate::error::CliError;

/// Runs one command.
pub fn exec(command: Command, ctx: &mut Context<'_>) -> Result<(), CliError> {
    match command {
        Command::Build(args) => build::exec(args, ctx),
        Command::Query(args) => query::exec(args, ctx),
        Command::Queries => queries::exec(ctx),
        Command::Export(args) => export::exec(args, ctx),
        Command::Stats(args) => stats::exec(args, ctx),
        Command::Entities(args) => entities::exec(args, ctx),
        Command::Mentions(args) => mentions::exec(args, ctx),
        Command::Plans(args) => plans::exec(args, ctx),
        Command::Report(args) => report::exec(args, ctx),
        Command::Graph(args) => graph::exec(args, ctx),
        Command::Serve(args) => serve::exec(args, ctx),
        #[cfg(feature = "shacl")]
        Command::Validate(args) => validate::exec(args, ctx),
        Command::Push(args) => push::exec(args, ctx),
        Command::Eval(args) => eval::exec(args, ctx),
        Command::Compare(args) => compare::exec(args, ctx),
        Command::Classify(args) => classify::exec(args, ctx),
        Command::Completions(args) => completions::exec(&args, ctx),
        Command::Man => completions::man(ctx),
    }
}
