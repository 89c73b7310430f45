//! Everything poakg writes for people and spreadsheets, done once: aligned
//! text tables that wrap long cells instead of cutting them (`table`), CSV
//! by the `csv` crate (`csv`), Markdown tables (`markdown`), and one escaper
//! per target language (`escape`: HTML, SPARQL string literals, DOT), and
//! the one model every listing writes through (`record`).
//!
//! Nothing here knows what a plan or an entity is, and nothing here opens a
//! file: callers pass the writer.

pub mod choice;
pub mod csv;
pub mod escape;
pub mod markdown;
pub mod record;
pub mod table;

pub use record::{write_records, Record, RecordFormat};
pub use table::{write_table, TEXT_WIDTH};
