//! poakg: a knowledge graph and semantic query engine for intergovernmental
//! partnership plans.
//!
//! Text → triples (`ingest`) → store (`store`) → queries (`sparql`, `queries`)
//! → exports (`export`, `jsonld`), validation (`validate`) and uploads to
//! other stores (`push`). The endpoint and the pages are the `poakg-web`
//! crate's; the command line is `poakg-cli`'s. See ARCHITECTURE.md for the map and its invariants.
#![deny(missing_docs)]

pub mod analysis;
pub mod anchor;
pub mod base;
pub mod compare;
pub mod corpus;
pub mod enrich;
pub mod entities;
pub mod eval;
pub mod export;
pub mod ingest;
#[cfg(feature = "jsonld")]
pub mod jsonld;
#[cfg(not(feature = "jsonld"))]
#[path = "jsonld_off.rs"]
pub mod jsonld;
pub mod listing;
pub mod ops;
pub mod output;
pub mod push;
pub mod queries;
pub mod remote;
pub mod report;
pub mod seeds;
pub mod sparql;
pub mod store;
pub mod text;
#[cfg(feature = "shacl")]
pub mod validate;
pub mod vocab;
