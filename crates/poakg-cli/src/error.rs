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
    #[error("--format svg is for `report pillars`, `report partners`, `report goals` and `graph`; use text, markdown, json or csv")]
    SvgNotHere,
    #[error("--canonical writes N-Quads: use it with --format nquads")]
    CanonicalNeedsNquads,
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
    #[cfg(feature = "shacl")]
    #[error("the store does not conform to the shapes: {0} violation(s)")]
    Violations(usize),
    /// `validate` could not run (exit 2, apart from "does not conform", 1).
    #[error("{}", .0.message())]
    CouldNotValidate(Box<CliError>),
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
#[cfg(feature = "shacl")]
impl LayerError for poakg::validate::ValidateError {}
impl LayerError for poakg::push::PushError {}
impl LayerError for poakg::ops::graphviz::PictureError {}
impl LayerError for std::io::Error {}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        let user = match self {
            CliError::Ops(e) => e.is_user_error(),
            CliError::CouldNotValidate(_) => false,
            CliError::SvgNotHere
            | CliError::CanonicalNeedsNquads
            | CliError::UnsafeUpdate(_)
            | CliError::BadTimeout(_)
            | CliError::Serve { .. }
            | CliError::SomeRefused { .. } => true,
            #[cfg(feature = "shacl")]
            CliError::Violations(_) => true,
        };
        if user {
            USER
        } else {
            INTERNAL
        }
    }

    /// The error in the command line's words: the library's errors carry
    /// values and name no flag; where a flag is what the user should reach
    /// for, it is named here.
    pub fn message(&self) -> String {
        let CliError::Ops(e) = self else {
            return self.to_string();
        };
        flag_wording(e).unwrap_or_else(|| e.to_string())
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

/// The library error `e` worded with the flags that give its values, where
/// a flag is what the user should reach for; None keeps the library's words.
fn flag_wording(e: &ops::Error) -> Option<String> {
    use poakg::export::ExportError;
    use poakg::push::PushError;
    use poakg::sparql::QueryError;
    use poakg::store::StoreError;
    let text = match e {
        ops::Error::EmptyStore(at) => format!("the store at {at} is empty: build it first (poakg build --source PATH, or poakg build for the bundled seeds)"),
        ops::Error::UnknownClass(name) => format!(
            "--type {name}: unknown class (one of {})",
            poakg::entities::EntityClass::ALL.map(|c| c.name()).join(", ")
        ),
        ops::Error::Store(StoreError::BaseMismatch { held, asked }) => format!(
            "the store mints its IRIs under {held}; build --add cannot move them under {asked} (build without --add to change --base)"
        ),
                ops::Error::WhichPlan(n) => format!("the store holds {n} plans: name one with --plan (a partner and year such as US:2021, a name from `poakg plans`)"),
        ops::Error::NoQuery => "no query given: name a .rq file or a shipped query (see `poakg queries`), or give the text with --query".into(),
        ops::Error::Query(QueryError::Format { origin, format, kind, allowed }) => {
            format!("{origin}: --format {format} does not apply to {kind} results; use {allowed}")
        }
        ops::Error::Export(ExportError::BadGraph(g)) | ops::Error::Push(PushError::BadGraph(g)) => {
            format!("--graph {g}: not an IRI")
        }
        ops::Error::Export(ExportError::NoSuchGraph { graph, known }) => {
            format!("--graph <{graph}>: no such graph in the store (graphs: {known})")
        }
        ops::Error::Push(PushError::NoSuchGraph(g)) => {
            format!("--graph <{g}>: no such graph in the store (see `poakg stats`)")
        }
        ops::Error::Push(PushError::BadEndpoint(url)) => {
            format!("--endpoint {url}: not an http:// or https:// URL")
        }
        ops::Error::Push(PushError::HalfCredentials) => {
            "--password needs --user (and --user needs --password)".into()
        }
        ops::Error::Store(StoreError::Locked { path }) => format!("the store at {} is in use by another poakg process (a build, or `serve --allow-update`); wait for it to finish or use --store to pick another folder", path.display()),
        ops::Error::Store(StoreError::NoLocation) => format!(
            "no folder for the store: set --store, {}, or a home directory",
            poakg::store::STORE_ENV
        ),
        ops::Error::Picture(poakg::ops::graphviz::PictureError::NoGraphviz) => "SVG needs Graphviz's `dot` program, which is not installed (Debian: apt-get install graphviz); `--format dot` writes the DOT source instead".into(),
        _ => return None,
    };
    Some(text)
}

/// A build warning with the flag that answers it (the library says what is
/// missing; `build`'s flags are how a user gives it).
pub fn with_flags(warning: &str) -> String {
    const OVERRIDE: &str = "(give it as an override or in a sidecar)";
    let flag = if warning.starts_with("no period") {
        "(give one with --period or a sidecar)"
    } else if warning.starts_with("no partner") {
        "(give one with --partner)"
    } else {
        return warning.to_owned();
    };
    warning.replace(OVERRIDE, flag)
}
