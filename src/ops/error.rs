//! The error of the operations: every layer's error, and the few that only
//! an operation can tell (an unknown name, an empty store).

use crate::entities::lexicon::LexiconError;
use crate::entities::registry::RegistryError;
use crate::entities::ExtractorError;
use crate::eval::GoldError;
use crate::export::ExportError;
use crate::ingest::IngestError;
use crate::push::PushError;
use crate::sparql::QueryError;
use crate::store::StoreError;
use crate::validate::ValidateError;
use std::path::PathBuf;

/// Any failure of an operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Partners(#[from] crate::corpus::partners::PartnersError),
    #[error(transparent)]
    Gold(#[from] GoldError),
    #[error(transparent)]
    Validate(#[from] ValidateError),
    #[error(transparent)]
    Push(#[from] PushError),
    #[error(transparent)]
    Picture(#[from] super::graphviz::PictureError),
    #[error("--type {0}: unknown class (one of {classes})", classes = crate::entities::EntityClass::ALL.map(|c| c.name()).join(", "))]
    UnknownClass(String),
    #[error("no passage {0:?} in the store (try a clause notation such as 1.2.16, or `preamble`)")]
    UnknownPassage(String),
    #[error("no entity named {name:?}; did you mean {}?", .suggestions.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", "))]
    NoSuchEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("no plan {name:?} in the store; did you mean {}?", .suggestions.join(", "))]
    NoSuchPlan {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("{name:?} names {} plans: {}; name one (a partner with a year, such as US:2021, or a name from `poakg plans`)", .candidates.len(), .candidates.join(", "))]
    AmbiguousPlan {
        name: String,
        candidates: Vec<String>,
    },
    #[error("compare needs two different plans: both name {0}")]
    SamePlan(String),
    #[error("the store holds {0} plans: name one with --plan (a partner and year such as US:2021, a name from `poakg plans`)")]
    WhichPlan(usize),
    #[error("the store at {0} names no entities: nothing to analyse (build it from a plan, e.g. `poakg build`)")]
    NothingToAnalyse(String),
    #[error("{0}: no such file, and no shipped query of that name (see `poakg queries`)")]
    UnknownQuery(String),
    #[error("{}: {message}", path.display())]
    Input { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
}

impl From<ExtractorError> for Error {
    fn from(e: ExtractorError) -> Self {
        match e {
            ExtractorError::Registry(e) => Error::Registry(e),
            ExtractorError::Lexicon(e) => Error::Lexicon(e),
            ExtractorError::Partners(e) => Error::Partners(e),
        }
    }
}

impl Error {
    /// Whether the user can fix it (input, query, flags, names) rather than
    /// an internal failure (storage, writing output).
    pub fn is_user_error(&self) -> bool {
        match self {
            Error::Ingest(IngestError::Store(_) | IngestError::Ontology(_)) => false,
            Error::Ingest(_) => true,
            Error::Store(e) => matches!(
                e,
                StoreError::Locked { .. } | StoreError::Open { .. } | StoreError::NoLocation
            ),
            Error::Query(e) => e.is_user_error(),
            Error::Export(e) => e.is_user_error(),
            Error::Validate(e) => e.is_user_error(),
            Error::Push(e) => e.is_user_error(),
            Error::Picture(e) => e.is_user_error(),
            Error::Registry(_)
            | Error::Lexicon(_)
            | Error::Partners(_)
            | Error::Gold(_)
            | Error::UnknownClass(_)
            | Error::UnknownPassage(_)
            | Error::NoSuchEntity { .. }
            | Error::NoSuchPlan { .. }
            | Error::AmbiguousPlan { .. }
            | Error::WhichPlan(_)
            | Error::SamePlan(_)
            | Error::NothingToAnalyse(_)
            | Error::UnknownQuery(_)
            | Error::Input { .. }
            | Error::File { .. } => true,
            Error::Output(_) => false,
        }
    }

    /// A closed pipe (`poakg export | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        let io = match self {
            Error::Output(e) => Some(e),
            Error::Query(QueryError::Io(e)) => Some(e),
            Error::Export(ExportError::Io(e)) => Some(e),
            _ => None,
        };
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
