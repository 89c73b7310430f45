//! Operations: what each command does, as library calls that know nothing of
//! the command line (the binary's `commands` parse flags, call one of these,
//! and print). A notebook binding or another server can call them the same way.
//!
//! - `open`: the store-opening policy (read-only, build-if-empty, writer);
//! - `build`: sources and registries read, documents ingested, analysis
//!   stored, the new generation published, and a summary returned;
//! - `inspect`: counts per graph and class, passage look-ups, query loading;
//! - `files`: reading inputs and writing outputs whole or not at all;
//! - `graphviz`: the one external program poakg starts (SVG drawing).

mod build;
mod census;
mod census_read;
mod classify;
mod compare;
mod describe;
mod error;
mod files;
pub mod graphviz;
mod inspect;
mod open;
mod partners;
mod plans;
mod profiles;
mod references;
mod summaries;
mod summary;

pub use build::{
    analyse, build, build_published, extractor, inputs, network, sources, store_analysis, Analysed,
    AnalysisSummary, BuildSummary, BuiltStore, OnBadDocument, PhaseTime,
};
pub use classify::classify;
pub use compare::{compare, consecutive, store_comparisons, PlanPair};
pub use describe::{remembered, store_description, Publication, DATASET_GRAPH, DEFAULT_LICENSE};
pub use error::Error;
pub use files::{read_text, write_atomically};
pub use inspect::{class_counts, load_query, passage_exists, ClassCount};
pub use open::{open_for_reading, IfEmpty};
pub use partners::{partners, PartnerFigures};
pub use plans::{plan_counts, plans, resolve_plan, PlanCounts, PlanInfo};
pub use profiles::{level_shifts, profiles};
pub use references::store_references;
pub use summary::{
    stats, AnalysisReport, BuildReport, DocumentReport, PlanReport, PlanSources, RefusedReport,
    Stats,
};
