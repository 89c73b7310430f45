//! What each command does: the glue between the CLI, the ingesters, the store,
//! queries and exports. `main.rs` only parses arguments and maps errors to
//! exit codes.

use crate::analysis::{self, Analysis, Passage};
use crate::cli::{Cli, Command, GraphFormat, ReportKind, ValidateFormat};
use crate::entities::registry::{Registry, RegistryError};
use crate::entities::{EntityClass, Extractor};
use crate::eval::{self, Gold, GoldError};
use crate::export::{self, ExportError};
use crate::ingest::{self, IngestError, Source};
use crate::listing;
use crate::push::{self, PushError};
use crate::queries;
use crate::report::pictures::{self, PictureError};
use crate::report::{reports, ReportFormat};
use crate::sparql::{self, QueryError, QueryText};
use crate::store::{KgStore, Location, StoreError};
use crate::validate::{self, ValidateError};
use crate::vocab;
use oxigraph::sparql::QueryResults;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Any failure of a command.
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
    Gold(#[from] GoldError),
    #[error("--type {0}: unknown class (one of ASEANBody, Mechanism, Instrument, USAgency, Programme, Organization, CountryGroup)")]
    UnknownClass(String),
    #[error("no passage {0:?} in the store (try a clause notation such as 1.2.16, or `preamble`)")]
    UnknownPassage(String),
    #[error("no entity named {name:?}; did you mean {}?", .suggestions.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", "))]
    NoSuchEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("the store at {0} names no entities: nothing to analyse (build it from a plan, e.g. `poakg build`)")]
    NothingToAnalyse(String),
    #[error("--format svg is for `report pillars` (the heat map) and `graph`; use text, markdown, json or csv")]
    SvgNotHere,
    #[error(transparent)]
    Picture(#[from] PictureError),
    #[error("--allow-update on {0}, which is not a loopback address: add --public if you mean it")]
    UnsafeUpdate(std::net::SocketAddr),
    #[error("--timeout {0}: must be a positive number of seconds")]
    BadTimeout(f64),
    #[error("cannot serve on {bind}: {source}")]
    Serve {
        bind: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Validate(#[from] ValidateError),
    #[error("the store does not conform to the shapes: {0} violation(s)")]
    Violations(usize),
    #[error(transparent)]
    Push(#[from] PushError),
    #[error("{0}: no such file, and no shipped query of that name (see `poakg queries`)")]
    UnknownQuery(String),
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
}

impl Error {
    /// 1 for what the user can fix (input, query, flags), 2 for internal failures.
    pub fn exit_code(&self) -> u8 {
        let user = match self {
            Error::Ingest(IngestError::Store(_)) | Error::Ingest(IngestError::Ontology(_)) => false,
            Error::Ingest(_) | Error::UnknownQuery(_) | Error::File { .. } => true,
            Error::Registry(_)
            | Error::Gold(_)
            | Error::UnknownClass(_)
            | Error::UnknownPassage(_) => true,
            Error::NoSuchEntity { .. } | Error::NothingToAnalyse(_) | Error::SvgNotHere => true,
            Error::UnsafeUpdate(_) | Error::BadTimeout(_) | Error::Serve { .. } => true,
            Error::Picture(e) => matches!(e, PictureError::NoGraphviz),
            Error::Store(e) => matches!(
                e,
                StoreError::Locked { .. } | StoreError::Open { .. } | StoreError::NoLocation
            ),
            Error::Query(e) => e.is_user_error(),
            Error::Export(e) => e.is_user_error(),
            Error::Validate(e) => e.is_user_error(),
            Error::Violations(_) => true,
            Error::Push(e) => e.is_user_error(),
            Error::Output(_) => false,
        };
        if user {
            1
        } else {
            2
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

/// Runs a parsed command line, writing results to `out` and reports to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Error> {
    let location = Location::resolve(cli.store.as_deref(), cli.memory)?;
    match cli.command {
        Command::Build {
            sources,
            add,
            registries,
        } => {
            let extractor = extractor(&registries)?;
            let sources = if sources.is_empty() {
                ingest::bundled_sources()
            } else {
                sources
                    .iter()
                    .map(|p| Source::from_path(p))
                    .collect::<Result<Vec<_>, _>>()?
            };
            let store = KgStore::open(&location)?;
            build(&store, &sources, !add, &extractor, out)?;
        }
        Command::Entities { class, format } => {
            let class = class
                .map(|c| EntityClass::parse(&c).ok_or(Error::UnknownClass(c)))
                .transpose()?;
            let store = open_for_reading(&location, err)?;
            let rows = listing::entities(&store, class)?;
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.label.clone(),
                        r.class.clone(),
                        r.alt_labels.join(" | "),
                        r.mentions.to_string(),
                        r.pillars.join(" "),
                        r.passages.join(" "),
                    ]
                })
                .collect();
            listing::write_rows(
                out,
                format,
                &[
                    "entity",
                    "class",
                    "alt labels",
                    "mentions",
                    "pillars",
                    "passages",
                ],
                &cells,
                &rows,
            )?;
        }
        Command::Mentions { passage, format } => {
            let store = open_for_reading(&location, err)?;
            let rows = listing::mentions(&store, passage.as_deref())?;
            if let (Some(p), true) = (&passage, rows.is_empty()) {
                let exists = sparql::evaluate(
                    &store,
                    &QueryText {
                        text: format!(
                            "ASK {{ ?p skos:notation \"{}\" }}",
                            p.replace(['"', '\\'], "")
                        ),
                        origin: "mentions".into(),
                    },
                )?;
                if matches!(exists, QueryResults::Boolean(false)) {
                    return Err(Error::UnknownPassage(p.clone()));
                }
            }
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.passage.clone(),
                        r.start.to_string(),
                        r.end.to_string(),
                        r.surface.clone(),
                        r.entity.clone(),
                        r.class.clone(),
                        r.found_by.clone(),
                    ]
                })
                .collect();
            listing::write_rows(
                out,
                format,
                &[
                    "passage", "start", "end", "surface", "entity", "class", "found by",
                ],
                &cells,
                &rows,
            )?;
        }
        Command::Report {
            which,
            format,
            hierarchy,
        } => {
            let store = open_for_reading(&location, err)?;
            let (analysis, passages) = analyse(&store, hierarchy)?;
            let find = |name: &str| {
                analysis.net.find(name).ok_or_else(|| Error::NoSuchEntity {
                    name: name.to_owned(),
                    suggestions: analysis.net.nearest(name, 3),
                })
            };
            if format == ReportFormat::Svg {
                return match which {
                    ReportKind::Pillars => {
                        Ok(out.write_all(pictures::heatmap_svg(&analysis).as_bytes())?)
                    }
                    _ => Err(Error::SvgNotHere),
                };
            }
            let report = match which {
                ReportKind::CrossPillar => reports::cross_pillar(&analysis),
                ReportKind::Entity { name } => reports::entity(&analysis, find(&name)?),
                ReportKind::Pillars => reports::pillars(&analysis),
                ReportKind::Path { from, to } => reports::path(&analysis, find(&from)?, find(&to)?),
                ReportKind::Central { top } => reports::central(&analysis, top),
                ReportKind::Communities => reports::communities(&analysis),
                ReportKind::Coverage => reports::coverage(&analysis, &passages),
            };
            report.write(format, out)?;
        }
        Command::Graph {
            format,
            output,
            hierarchy,
        } => {
            let store = open_for_reading(&location, err)?;
            let (analysis, _) = analyse(&store, hierarchy)?;
            let dot = pictures::dot(&analysis);
            let bytes = match format {
                GraphFormat::Dot => dot.into_bytes(),
                GraphFormat::Svg => pictures::svg_from_dot(&dot)?,
            };
            match output {
                None => out.write_all(&bytes)?,
                Some(path) => write_atomically(&path, |w| Ok(w.write_all(&bytes)?))?,
            }
        }
        Command::Serve {
            bind,
            timeout,
            allow_update,
            public,
            max_body,
            max_results,
            max_concurrent,
        } => {
            if allow_update && !bind.ip().is_loopback() && !public {
                return Err(Error::UnsafeUpdate(bind));
            }
            if !(timeout > 0.0 && timeout.is_finite()) {
                return Err(Error::BadTimeout(timeout));
            }
            let store = open_for_reading(&location, err)?;
            let options = crate::server::Options {
                bind,
                timeout: std::time::Duration::from_secs_f64(timeout),
                allow_update,
                max_body,
                max_results,
                max_concurrent: max_concurrent.max(1),
            };
            crate::server::announce(err, &options)?;
            crate::server::serve(store, options, |line| eprintln!("{line}"))
                .map_err(|source| Error::Serve { bind, source })?;
        }
        Command::Eval { gold, show } => {
            let text = std::fs::read_to_string(&gold).map_err(|source| Error::File {
                path: gold.clone(),
                source,
            })?;
            let gold_set = Gold::parse(&gold.display().to_string(), &text)?;
            let store = open_for_reading(&location, err)?;
            let found = listing::found_pairs(&store)?;
            let score = eval::score(&gold_set, &found);
            print_score(out, &score, show)?;
        }
        Command::Query {
            target,
            query,
            format,
        } => {
            let query = match (query, target) {
                (Some(text), _) => QueryText {
                    text,
                    origin: "--query".into(),
                },
                (None, Some(target)) => load_query(&target)?,
                (None, None) => return Err(Error::UnknownQuery(String::new())),
            };
            // A query that does not parse is refused before the store is touched.
            sparql::check(&query)?;
            let store = open_for_reading(&location, err)?;
            let terminal = std::io::stdout().is_terminal();
            sparql::run(&store, &query, format, terminal, out)?;
        }
        Command::Queries => {
            let width = queries::SHIPPED
                .iter()
                .map(|q| q.name.len())
                .max()
                .unwrap_or(0);
            for q in queries::SHIPPED {
                writeln!(out, "{:width$}  {}", q.name, q.description())?;
            }
        }
        Command::Export {
            format,
            output,
            graph,
        } => {
            let store = open_for_reading(&location, err)?;
            match output {
                None => export::export(&store, format, graph.as_deref(), out)?,
                Some(path) => write_atomically(&path, |w| {
                    Ok(export::export(&store, format, graph.as_deref(), w)?)
                })?,
            }
        }
        Command::Stats => {
            let store = open_for_reading(&location, err)?;
            stats(&store, out)?;
        }
        Command::Validate { shapes, format } => {
            let (origin, text) = match &shapes {
                Some(path) => (
                    path.display().to_string(),
                    std::fs::read_to_string(path).map_err(|source| Error::File {
                        path: path.clone(),
                        source,
                    })?,
                ),
                None => (
                    "ontology/shapes.ttl".to_owned(),
                    validate::BUNDLED_SHAPES.to_owned(),
                ),
            };
            let shapes = validate::parse_shapes(&origin, &text)?;
            let store = open_for_reading(&location, err)?;
            let findings = validate::validate(&store, &shapes)?;
            write_findings(out, format, &findings)?;
            let violations = findings.iter().filter(|f| f.is_violation()).count();
            if violations > 0 {
                return Err(Error::Violations(violations));
            }
        }
        Command::Push {
            endpoint,
            graph,
            user,
            password,
            timeout,
        } => {
            if !(timeout > 0.0 && timeout.is_finite()) {
                return Err(Error::BadTimeout(timeout));
            }
            let store = open_for_reading(&location, err)?;
            let target = push::Target {
                endpoint,
                graph,
                user,
                password,
                timeout: std::time::Duration::from_secs_f64(timeout),
            };
            let mut failed = None;
            let pushed = push::push(&store, &target, |p| {
                if let Err(e) = writeln!(
                    out,
                    "pushed {:>6} triples  {:>4}  {:>7.1} ms  <{}>",
                    p.triples,
                    p.status,
                    p.elapsed.as_secs_f64() * 1000.0,
                    p.graph
                ) {
                    failed.get_or_insert(e);
                }
            })?;
            if let Some(e) = failed {
                return Err(Error::Output(e));
            }
            let total: usize = pushed.iter().map(|p| p.triples).sum();
            writeln!(
                out,
                "{} graph(s), {total} triples to {}",
                pushed.len(),
                target.endpoint
            )?;
        }
    }
    Ok(())
}

/// Loads the network from the store and runs every analysis; also gives
/// every clause and activity (read with the network, for `report coverage`).
fn analyse(store: &KgStore, hierarchy: bool) -> Result<(Analysis, Vec<Passage>), Error> {
    let (net, passages) = analysis::load::network_and_passages(store)?;
    if net.mentions.is_empty() {
        return Err(Error::NothingToAnalyse(store.location().to_string()));
    }
    Ok((Analysis::compute(net, hierarchy), passages))
}

/// Recomputes the analysis graph from the store (after a build).
pub fn store_analysis(store: &KgStore) -> Result<Option<Analysis>, Error> {
    let net = analysis::load::network(store)?;
    let graph = oxigraph::model::NamedNode::new_unchecked(crate::vocab::ANALYSIS_GRAPH);
    if net.mentions.is_empty() {
        store.replace_graphs(&[(&graph, &[])], false)?;
        return Ok(None);
    }
    let analysis = Analysis::compute(net, false);
    let quads = analysis::rdf::quads(&analysis, &graph);
    store.replace_graphs(&[(&graph, &quads)], false)?;
    Ok(Some(analysis))
}

/// The bundled registry extended with the user's.
fn extractor(extra: &[PathBuf]) -> Result<Extractor, Error> {
    let mut registry = Registry::parse("ontology/registry.tsv", crate::entities::BUNDLED_REGISTRY)?;
    for path in extra {
        let text = std::fs::read_to_string(path).map_err(|source| Error::File {
            path: path.clone(),
            source,
        })?;
        registry.extend(Registry::parse(&path.display().to_string(), &text)?);
    }
    Ok(Extractor::new(registry))
}

fn print_score(out: &mut dyn Write, s: &eval::Score, show: usize) -> Result<(), Error> {
    writeln!(out, "gold pairs     {}", s.gold)?;
    writeln!(out, "found pairs    {}", s.found)?;
    writeln!(out, "matched        {}", s.matched)?;
    writeln!(out, "precision      {:.3}", s.precision())?;
    writeln!(out, "recall         {:.3}", s.recall())?;
    writeln!(out, "F1             {:.3}", s.f1())?;
    writeln!(out, "class accuracy {:.3}", s.class_accuracy())?;
    if show > 0 {
        writeln!(out, "misses ({}):", s.misses.len())?;
        for m in s.misses.iter().take(show) {
            writeln!(out, "  {:<9} {} [{}]", m.passage, m.entity, m.class.name())?;
        }
        writeln!(out, "false finds ({}):", s.false_finds.len())?;
        for f in s.false_finds.iter().take(show) {
            writeln!(out, "  {:<9} {} [{}]", f.passage, f.label, f.class.name())?;
        }
        writeln!(out, "wrong class ({}):", s.wrong_class.len())?;
        for (g, f) in s.wrong_class.iter().take(show) {
            writeln!(
                out,
                "  {:<9} {} [gold {}, found {}]",
                g.passage,
                g.entity,
                g.class.name(),
                f.class.name()
            )?;
        }
    }
    Ok(())
}

/// Builds the store from `sources` and prints what was built.
pub fn build(
    store: &KgStore,
    sources: &[Source],
    drop_others: bool,
    extractor: &Extractor,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let ingested = ingest::build(store, sources, drop_others, extractor)?;
    let analysis = store_analysis(store)?;
    store.settle()?;
    writeln!(out, "built the store at {}", store.location())?;
    for doc in &ingested {
        writeln!(
            out,
            "  {} ({}): {} triples in <{}>",
            doc.source_name,
            doc.kind.name(),
            doc.quads.len(),
            doc.graph.as_str()
        )?;
        if !doc.entities.mentions.is_empty() {
            let discovered = doc
                .entities
                .entities
                .values()
                .filter(|e| e.method != crate::entities::Method::Registry)
                .count();
            writeln!(
                out,
                "    {} entity mentions of {} entities ({} found by rules, not in the registry)",
                doc.entities.mentions.len(),
                doc.entities.entities.len(),
                discovered
            )?;
        }
        if doc.repairs > 0 {
            writeln!(
                out,
                "    repaired {} conversion error(s) in the cleaned text",
                doc.repairs
            )?;
        }
        for warning in &doc.warnings {
            writeln!(out, "    warning: {warning}")?;
        }
    }
    if let Some(a) = analysis {
        let connectors = analysis::metrics::connectors(&a.net).len();
        writeln!(out, "  analysis: {connectors} cross-pillar connectors, {} communities (NMI with pillars {:.3}) in <{}>", a.communities.iter().collect::<std::collections::BTreeSet<_>>().len(), a.nmi, crate::vocab::ANALYSIS_GRAPH)?;
    }
    writeln!(out, "instances per class:")?;
    for (class, count) in class_counts(store)? {
        writeln!(out, "  {count:>6}  {class}")?;
    }
    Ok(())
}

/// Prints validation results: aligned lines, or a SHACL report in Turtle.
fn write_findings(
    out: &mut dyn Write,
    format: ValidateFormat,
    findings: &[validate::Finding],
) -> Result<(), Error> {
    match format {
        ValidateFormat::Turtle => {
            sparql::write_triples(
                out,
                oxigraph::io::RdfFormat::Turtle,
                &validate::report_quads(findings),
            )?;
        }
        ValidateFormat::Text => {
            let rows: Vec<Vec<String>> = findings
                .iter()
                .map(|f| {
                    vec![
                        f.severity.clone(),
                        validate::term_text(&f.focus),
                        f.path.clone().unwrap_or_default(),
                        f.message.clone(),
                        f.value
                            .as_ref()
                            .map(validate::term_text)
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            if !rows.is_empty() {
                let header: Vec<String> = ["severity", "focus node", "path", "message", "value"]
                    .iter()
                    .map(|h| h.to_string())
                    .collect();
                sparql::write_table(out, &header, &rows)?;
            }
            let violations = findings.iter().filter(|f| f.is_violation()).count();
            writeln!(
                out,
                "{}: {} result(s), {violations} violation(s)",
                if violations == 0 {
                    "conforms"
                } else {
                    "does not conform"
                },
                findings.len()
            )?;
        }
    }
    Ok(())
}

/// Opens the store; an empty one is first built from the bundled seeds.
fn open_for_reading(location: &Location, err: &mut dyn Write) -> Result<KgStore, Error> {
    if let Some(store) = KgStore::open_read_only(location)? {
        if store.has_documents()? {
            return Ok(store);
        }
    }
    let store = KgStore::open(location)?;
    if !store.has_documents()? {
        writeln!(
            err,
            "poakg: the store at {location} is empty; building it from the bundled seeds"
        )?;
        // the same path as `poakg build` (ingest, analysis graph, flush),
        // its summary unprinted
        build(
            &store,
            &ingest::bundled_sources(),
            true,
            &extractor(&[])?,
            &mut std::io::sink(),
        )?;
    }
    Ok(store)
}

/// A query given as a file path or as the name of a shipped query.
fn load_query(target: &str) -> Result<QueryText, Error> {
    let path = Path::new(target);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|source| Error::File {
            path: path.to_owned(),
            source,
        })?;
        return Ok(QueryText {
            text,
            origin: target.to_owned(),
        });
    }
    queries::find(target)
        .map(|q| QueryText {
            text: q.text.to_owned(),
            origin: format!("queries/{}.rq", q.name),
        })
        .ok_or_else(|| Error::UnknownQuery(target.to_owned()))
}

/// Writes to a temporary file beside `path`, then renames it into place, so a
/// failed export never leaves a half-written file.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let file_err = |source| Error::File {
        path: path.to_owned(),
        source,
    };
    let tmp = path.with_extension(format!(
        "{}.partial",
        path.extension().map_or("".into(), |e| e.to_string_lossy())
    ));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(file_err)?);
    let result = write(&mut file).and_then(|()| file.flush().map_err(Error::Output));
    drop(file);
    match result {
        Ok(()) => std::fs::rename(&tmp, path).map_err(file_err),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Instances per class in the document graphs, as (prefixed class, count).
pub fn class_counts(store: &KgStore) -> Result<Vec<(String, usize)>, Error> {
    let text = format!(
        "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?class }} FILTER(?g != <{}>) }} GROUP BY ?class ORDER BY ?class",
        vocab::ONTOLOGY_GRAPH
    );
    let query = QueryText {
        text,
        origin: "class counts".into(),
    };
    let mut counts = Vec::new();
    if let QueryResults::Solutions(solutions) = sparql::evaluate(store, &query)? {
        for row in solutions {
            let row = row.map_err(|e| QueryError::Evaluation {
                origin: query.origin.clone(),
                message: e.to_string(),
            })?;
            let class = row
                .get("class")
                .map(sparql::display_term)
                .unwrap_or_default();
            let n = row
                .get("n")
                .map(sparql::display_term)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            counts.push((class, n));
        }
    }
    Ok(counts)
}

fn stats(store: &KgStore, out: &mut dyn Write) -> Result<(), Error> {
    writeln!(out, "store: {}", store.location())?;
    writeln!(out, "triples per named graph:")?;
    let sizes = store.graph_sizes()?;
    let width = sizes.iter().map(|(g, _)| g.len()).max().unwrap_or(0);
    for (graph, count) in &sizes {
        writeln!(out, "  {graph:width$}  {count:>7}")?;
    }
    writeln!(out, "instances per class:")?;
    for (class, count) in class_counts(store)? {
        writeln!(out, "  {count:>7}  {class}")?;
    }
    Ok(())
}
