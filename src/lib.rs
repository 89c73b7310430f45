//! poakg: a knowledge graph and semantic query engine for intergovernmental
//! partnership plans.
//!
//! Text → triples (`ingest`) → store (`store`) → queries (`sparql`, `queries`)
//! → exports (`export`, `jsonld`), validation (`validate`), the endpoint
//! (`server`) and uploads to other stores (`push`). See ARCHITECTURE.md for the map and its invariants.
#![warn(missing_docs)]

pub mod analysis;
pub mod compare;
pub mod corpus;
pub mod entities;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod jsonld;
pub mod listing;
pub mod ops;
pub mod output;
pub mod pages;
pub mod push;
pub mod queries;
pub mod report;
pub mod seeds;
pub mod server;
pub mod sparql;
pub mod store;
pub mod validate;
pub mod vocab;
