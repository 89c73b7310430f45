//! poakg-web: the SPARQL endpoint (`server`) and the HTML pages (`pages`)
//! of `poakg serve`, over the core library's store.
//!
//! The endpoint reads through the core's typed queries and writes (SPARQL
//! UPDATE, the graph store protocol) only through the store's writer, so
//! what a request may do to the store is fixed by the core's types.
#![warn(missing_docs)]
// An `Err` here is the HTTP response to send, built once per request.
#![allow(clippy::result_large_err)]

pub mod pages;
pub mod server;
