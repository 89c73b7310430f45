//! The command layer's errors and the exit-code policy, in one place:
//! 0 success, 1 what the user can fix (input, query, flags), 2 internal.

use poakg::ops;

/// Exit code of a user error.
pub const USER: u8 = 1;
/// Exit code of an internal failure.
pub const INTERNAL: u8 = 2;

/// Any failure of a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Ops(#[from] ops::Error),
    #[error("--format svg is for `report pillars` (the heat map) and `graph`; use text, markdown, json or csv")]
    SvgNotHere,
    #[error("--allow-update on {0}, which is not a loopback address: add --public if you mean it")]
    UnsafeUpdate(std::net::SocketAddr),
    #[error("--timeout {0}: must be a positive number of seconds, at most a year ({max})", max = crate::context::MAX_TIMEOUT_SECONDS)]
    BadTimeout(f64),
    #[error("cannot serve on {bind}: {source}")]
    Serve {
        bind: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the store does not conform to the shapes: {0} violation(s)")]
    Violations(usize),
    #[error("{refused} of {given} documents were refused (listed above); the {built} built are in the store")]
    SomeRefused {
        refused: usize,
        given: usize,
        built: usize,
    },
}

impl<E> From<E> for CliError
where
    ops::Error: From<E>,
    E: LayerError,
{
    fn from(e: E) -> Self {
        CliError::Ops(ops::Error::from(e))
    }
}

/// The library's layer errors, converted through `ops::Error`.
pub trait LayerError {}
impl LayerError for poakg::store::StoreError {}
impl LayerError for poakg::sparql::QueryError {}
impl LayerError for poakg::export::ExportError {}
impl LayerError for poakg::ingest::IngestError {}
impl LayerError for poakg::eval::GoldError {}
impl LayerError for poakg::validate::ValidateError {}
impl LayerError for poakg::push::PushError {}
impl LayerError for poakg::ops::graphviz::PictureError {}
impl LayerError for std::io::Error {}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        let user = match self {
            CliError::Ops(e) => e.is_user_error(),
            CliError::SvgNotHere
            | CliError::UnsafeUpdate(_)
            | CliError::BadTimeout(_)
            | CliError::Serve { .. }
            | CliError::Violations(_)
            | CliError::SomeRefused { .. } => true,
        };
        if user {
            USER
        } else {
            INTERNAL
        }
    }

    /// A closed pipe (`poakg export | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Ops(e) if e.is_broken_pipe())
    }
}

/// A clap error in one line, with its tip if it has one.
pub fn one_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid arguments");
    let mut first = first.trim_start_matches("error: ").to_owned();
    let mut rest = lines.peekable();
    // "the following required arguments were not provided:" lists them on
    // the lines below: keep them, or the line names nothing
    if first.ends_with(':') {
        let mut items = Vec::new();
        while let Some(item) = rest.next_if(|l| !l.starts_with("Usage:") && !l.starts_with("tip:"))
        {
            items.push(item);
        }
        first = format!("{first} {}", items.join(", "));
    }
    let tip = rest
        .find(|l| l.starts_with("tip:"))
        .map(|t| format!(" ({})", t.trim_start_matches("tip: ")))
        .unwrap_or_default();
    format!("{}{tip}; see `poakg --help`", first.trim_end())
}
