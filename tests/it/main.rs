//! The integration tests: one test binary (as cargo and ripgrep keep theirs),
//! so that RocksDB and Oxigraph are linked once, not once per file. Each
//! module is one area; `common` holds the harness.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

mod common;

mod analysis_values;
mod annotations;
mod architecture;
mod behaviours;
mod browser;
mod canonical;
mod cli;
mod compare;
mod concurrency;
mod corpus;
mod enrichment;
mod entities;
mod formats;
mod layouts;
mod links;
mod partners;
mod properties;
mod publishing;
mod push;
mod queries;
mod real_forms;
mod reports;
mod roundtrip;
mod scripting;
mod seed_plan;
mod server;
mod server_safety;
mod sparql_order;
mod summaries;
mod validate;
mod virtuoso;
mod vocabularies;
