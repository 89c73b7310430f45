//! Everything poakg writes for people and spreadsheets, done once: aligned
//! text tables that wrap long cells instead of cutting them (`table`), CSV
//! by the `csv` crate (`csv`), Markdown tables (`markdown`), and one escaper
//! per target language (`escape`: HTML, SPARQL string literals, DOT).
//!
//! Nothing here knows what a plan or an entity is, and nothing here opens a
//! file: callers pass the writer.

pub mod choice;
pub mod csv;
pub mod escape;
pub mod markdown;
pub mod table;

pub use table::{write_table, TEXT_WIDTH};
