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
#[cfg(feature = "shacl")]
use crate::validate::ValidateError;
use std::path::PathBuf;

/// Any failure of an operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading, parsing or ingesting a source document failed.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// A store exists at this location and holds no document.
    #[error("the store at {0} is empty: build it first")]
    EmptyStore(String),
    /// A build refused every document it was given: nothing was published.
    /// Carries the refusals, in input order.
    #[error("{}", nothing_built(.0))]
    NothingBuilt(Vec<crate::ingest::Refused>),
    /// Opening, locking or reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A SPARQL query failed: the user's or one of poakg's own.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// Exporting the store failed.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A row of the entity registry (shipped or the user's) cannot be read.
    #[error(transparent)]
    Registry(#[from] RegistryError),
    /// A row of a lexicon file (shipped or the user's) cannot be read.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// A row of the partner table cannot be read.
    #[error(transparent)]
    Partners(#[from] crate::corpus::partners::PartnersError),
    /// A gold annotation file (`poakg eval`) cannot be parsed.
    #[error(transparent)]
    Gold(#[from] GoldError),
    /// SHACL validation could not run.
    #[error(transparent)]
    #[cfg(feature = "shacl")]
    Validate(#[from] ValidateError),
    /// A licence that is not an IRI.
    #[error("licence {0:?}: not an IRI (e.g. https://creativecommons.org/licenses/by/4.0/)")]
    BadLicense(String),
    /// A row of a cue lexicon cannot be read.
    #[error(transparent)]
    Cues(#[from] crate::enrich::CueError),
    /// A file of passages to label cannot be read.
    #[error(transparent)]
    Passages(#[from] crate::enrich::PassagesError),
    /// Uploading graphs to another store failed.
    #[error(transparent)]
    Push(#[from] PushError),
    /// Drawing SVG with Graphviz failed.
    #[error(transparent)]
    Picture(#[from] super::graphviz::PictureError),
    /// A class name that names no entity class; carries the name given.
    #[error("{0}: unknown entity class (one of {classes})", classes = crate::entities::EntityClass::ALL.map(|c| c.name()).join(", "))]
    UnknownClass(String),
    /// No passage of the store has the notation given (carried).
    #[error("no passage {0:?} in the store (try a clause notation such as 1.2.16, or `preamble`)")]
    UnknownPassage(String),
    /// No entity of the network has the name given.
    #[error("no entity named {name:?}{}", did_you_mean(&.suggestions.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>()))]
    NoSuchEntity {
        /// The name given.
        name: String,
        /// Labels of the nearest entities by edit distance, nearest first.
        suggestions: Vec<String>,
    },
    /// No plan of the store answers to the name given.
    #[error("no plan {name:?} in the store{}", did_you_mean(.suggestions))]
    NoSuchPlan {
        /// The name given, trimmed.
        name: String,
        /// Up to three nearest plans by edit distance, as `short (slug)`.
        suggestions: Vec<String>,
    },
    /// The name given fits several plans (a partner without a year, a common
    /// title fragment).
    #[error("{name:?} names {} plans: {}; name one (a partner with a year, such as US:2021, or a name from `poakg plans`)", .candidates.len(), .candidates.join(", "))]
    AmbiguousPlan {
        /// The name given, trimmed.
        name: String,
        /// Every plan it fits, as `short (slug)`.
        candidates: Vec<String>,
    },
    /// `compare` was given one plan twice; carries it as `short (slug)`.
    #[error("compare needs two different plans: both name {0}")]
    SamePlan(String),
    /// A command that works on one plan found several in the store and no
    /// plan named; carries how many plans the store holds.
    #[error("the store holds {0} plans: name one (a partner and year such as US:2021, or a plan's name)")]
    WhichPlan(usize),
    /// An analysis found nothing to work on (no entity mentions, or no plans);
    /// carries the store's location.
    #[error("the store at {0} holds no plan that names an entity: nothing to analyse (build it from a plan, e.g. `poakg build`)")]
    NothingToAnalyse(String),
    /// The query named is neither a file nor a shipped query; carries the name.
    #[error("{0}: no such file, and no shipped query of that name (see `poakg queries`)")]
    UnknownQuery(String),
    /// A query was asked for with neither a file, a shipped query's name nor
    /// its text.
    #[error("no query given: name a .rq file or a shipped query, or give the query's text")]
    NoQuery,
    /// An input path of a build is unusable: missing, a folder with no
    /// documents, a glob pattern that is bad or matches no file, or an
    /// unreadable folder entry.
    #[error("{}: {message}", path.display())]
    Input {
        /// The path or pattern as given.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Reading an input file or writing an output file failed.
    #[error("{path}: {source}")]
    File {
        /// The file read, or the file being written (not its temporary copy).
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Writing output failed (standard output, or flushing an output file).
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
            Error::NothingBuilt(refused) => refused.iter().all(|r| r.error.is_about_a_document()),
            Error::Store(e) => matches!(
                e,
                StoreError::Locked { .. }
                    | StoreError::Open { .. }
                    | StoreError::NoLocation
                    | StoreError::BaseMismatch { .. }
            ),
            Error::Query(e) => e.is_user_error(),
            Error::Export(e) => e.is_user_error(),
            #[cfg(feature = "shacl")]
            Error::Validate(e) => e.is_user_error(),
            Error::Push(e) => e.is_user_error(),
            Error::Picture(e) => e.is_user_error(),
            Error::Registry(_)
            | Error::Lexicon(_)
            | Error::Partners(_)
            | Error::Gold(_)
            | Error::Passages(_)
            | Error::BadLicense(_)
            | Error::UnknownClass(_)
            | Error::UnknownPassage(_)
            | Error::NoSuchEntity { .. }
            | Error::NoSuchPlan { .. }
            | Error::AmbiguousPlan { .. }
            | Error::WhichPlan(_)
            | Error::EmptyStore(_)
            | Error::SamePlan(_)
            | Error::NothingToAnalyse(_)
            | Error::UnknownQuery(_)
            | Error::NoQuery
            | Error::Input { .. }
            | Error::File { .. } => true,
            // the cue lexicons are the program's own data
            Error::Output(_) | Error::Cues(_) => false,
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

/// "; did you mean A, B?" when there is something to suggest, else nothing.
fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// One refusal as its own error; several as one line naming each file.
fn nothing_built(refused: &[crate::ingest::Refused]) -> String {
    match refused {
        [one] => one.error.to_string(),
        many => format!(
            "no document was built; {} refused: {}",
            many.len(),
            many.iter()
                .map(|r| r.error.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn nothing_to_suggest_asks_nothing() {
        let none = Error::NoSuchPlan {
            name: "x".into(),
            suggestions: vec![],
        };
        assert_eq!(none.to_string(), "no plan \"x\" in the store");
        let some = Error::NoSuchEntity {
            name: "ARFF".into(),
            suggestions: vec!["ARF".into()],
        };
        assert_eq!(
            some.to_string(),
            "no entity named \"ARFF\"; did you mean \"ARF\"?"
        );
    }
}
