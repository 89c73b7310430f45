//! `poakg build`: ingest documents into a new generation of the store, with
//! progress on a terminal, and print what was built.

use crate::context::Context;
use crate::error::CliError;
use poakg::corpus::Overrides;
use poakg::ingest::Loaded;
use poakg::ops::{self, BuildSummary, OnBadDocument};
use poakg::store::Writer;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to ingest instead of the bundled seeds (repeatable): a file, a folder
    /// (searched recursively) or a quoted glob ('plans/**/*.pdf'). Plans as text, PDF,
    /// web page or Markdown; programme pages (Markdown with YAML front matter); RDF
    /// (.ttl, .nt, .nq, .trig, .jsonld, .rdf). A file's `<file>.meta` sidecar says what
    /// its text does not (partner, period, kind, title).
    #[arg(long = "source", value_name = "PATH")]
    pub sources: Vec<PathBuf>,

    /// Keep the documents already in the store, replacing only those built again; by
    /// default the store afterwards holds exactly this build's documents.
    #[arg(long)]
    pub add: bool,

    /// Stop at the first document that does not read or parse, building nothing; by
    /// default such a document is refused, every other one is built, the refusals are
    /// listed (file: reason) and the exit code is 1.
    #[arg(long)]
    pub strict: bool,

    /// An entity registry to use besides the bundled one (repeatable; same TSV format as
    /// ontology/registry.tsv; a row whose id is already known replaces it).
    #[arg(long = "registry", value_name = "FILE", help_heading = "Entities")]
    pub registries: Vec<PathBuf>,

    /// Word lists to add to the discovery rules' (repeatable; same TSV format as ontology/lexicon.tsv).
    #[arg(long = "lexicon", value_name = "FILE", help_heading = "Entities")]
    pub lexicons: Vec<PathBuf>,

    /// The plans' dialogue partner, where the text does not say (a name or code: Japan, JP, EU).
    #[arg(
        long,
        value_name = "PARTNER",
        help_heading = "What the plans are (over their text and sidecars)"
    )]
    pub partner: Option<String>,

    /// The plans' period, where the text does not say (2021-2025).
    #[arg(long, value_name = "YEARS", value_parser = parse_period, help_heading = "What the plans are (over their text and sidecars)")]
    pub period: Option<poakg::corpus::Period>,

    /// The kind of document (Plan of Action, Work Plan, Framework of Cooperation, ...).
    #[arg(
        long,
        value_name = "KIND",
        help_heading = "What the plans are (over their text and sidecars)"
    )]
    pub kind: Option<String>,

    /// The language of the plans' text (a BCP 47 tag; en unless set): their titles,
    /// labels and passages carry it.
    #[arg(long, value_name = "TAG", value_parser = parse_language, help_heading = "What the plans are (over their text and sidecars)")]
    pub language: Option<String>,

    /// Mint every data IRI under this base (default https://w3id.org/poakg/): plans,
    /// clauses, entities, graphs become {base}id/...; the vocabulary keeps its IRIs.
    /// Remembered by the store; `serve` answers /id/... under it.
    #[arg(long, value_name = "IRI", value_parser = parse_base, help_heading = "Publishing")]
    pub base: Option<poakg::base::Base>,

    /// Who publishes the graph (an IRI, or a name), for the dataset's description;
    /// remembered by the store (`poakg stats` shows it).
    #[arg(long, value_name = "IRI_OR_NAME", help_heading = "Publishing")]
    pub publisher: Option<String>,

    /// The graph's licence (an IRI; CC BY 4.0 unless set), remembered by the store.
    #[arg(long, value_name = "IRI", help_heading = "Publishing")]
    pub license: Option<String>,

    /// Output format of the build summary (json: one object, for scripts).
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: super::stats::SummaryFormat,

    /// The plan's title, where the text has none.
    #[arg(
        long,
        value_name = "TITLE",
        help_heading = "What the plans are (over their text and sidecars)"
    )]
    pub title: Option<String>,
}

fn parse_base(value: &str) -> Result<poakg::base::Base, String> {
    poakg::base::Base::new(value).map_err(|e| e.to_string())
}

fn parse_language(value: &str) -> Result<String, String> {
    poakg::corpus::meta::language_tag(value)
        .ok_or_else(|| format!("expected a BCP 47 language tag, e.g. en or fr, not {value:?}"))
}

fn parse_period(value: &str) -> Result<poakg::corpus::Period, String> {
    poakg::corpus::meta::period_in(value)
        .ok_or_else(|| format!("expected two years, e.g. 2021-2025, not {value:?}"))
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let extractor = ops::extractor(&args.registries, &args.lexicons)?;
    let overrides = Overrides {
        partner: args.partner,
        period: args.period,
        kind: args.kind,
        title: args.title,
        language: args.language,
    };
    let inputs = ops::inputs(&args.sources, &overrides)?;
    let mut writer = Writer::begin(&ctx.location, args.add)?;
    if let Some(base) = args.base {
        writer.set_base(base)?;
    }
    let progress = Progress::new(inputs.len());
    let on_bad = if args.strict {
        OnBadDocument::Stop
    } else {
        OnBadDocument::Refuse
    };
    let publication = ops::Publication {
        publisher: args.publisher,
        license: args.license,
    };
    let built = ops::build_published(
        writer,
        &inputs,
        !args.add,
        on_bad,
        &extractor,
        &publication,
        &mut |doc| progress.document(doc),
    );
    progress.finish();
    let ops::BuiltStore { store, summary } = built?;
    if args.format == super::stats::SummaryFormat::Json {
        serde_json::to_writer_pretty(&mut *ctx.out, &summary.report())
            .map_err(std::io::Error::from)?;
        writeln!(ctx.out)?;
    } else {
        writeln!(ctx.out, "built the store at {}", store.location())?;
        print(ctx.out, &summary, store.base())?;
    }
    if summary.refused.is_empty() {
        return Ok(());
    }
    for refused in &summary.refused {
        writeln!(ctx.err, "refused {}", refused.error)?;
    }
    Err(CliError::SomeRefused {
        refused: summary.refused.len(),
        given: inputs.len(),
        built: summary.documents.len(),
    })
}

/// Documents, clauses and entity mentions done, elapsed and remaining time,
/// on stderr; nothing when stderr is not a terminal (indicatif's rule).
struct Progress {
    bar: indicatif::ProgressBar,
    clauses: std::cell::Cell<usize>,
    mentions: std::cell::Cell<usize>,
}

impl Progress {
    fn new(documents: usize) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(documents as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} documents, {msg} (eta {eta})",
        ) {
            bar.set_style(style);
        }
        Progress {
            bar,
            clauses: 0.into(),
            mentions: 0.into(),
        }
    }

    fn document(&self, doc: &Loaded) {
        self.clauses.set(self.clauses.get() + doc.clauses);
        self.mentions.set(self.mentions.get() + doc.mentions);
        self.bar.set_message(format!(
            "{} clauses, {} entity mentions",
            self.clauses.get(),
            self.mentions.get()
        ));
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Every document in detail when there are a few; a count and the
/// documents with warnings when there are many.
fn print(
    out: &mut dyn Write,
    summary: &BuildSummary,
    base: &poakg::base::Base,
) -> std::io::Result<()> {
    const DETAIL: usize = 20;
    let docs = &summary.documents;
    if docs.len() <= DETAIL {
        for doc in docs {
            print_document(out, doc)?;
        }
    } else {
        let sum = |f: fn(&Loaded) -> usize| docs.iter().map(f).sum::<usize>();
        writeln!(
            out,
            "  {} documents: {} clauses, {} triples, {} entity mentions",
            docs.len(),
            sum(|d| d.clauses),
            sum(|d| d.triples),
            sum(|d| d.mentions)
        )?;
        let warned: Vec<&Loaded> = docs.iter().filter(|d| !d.warnings.is_empty()).collect();
        if warned.is_empty() {
            writeln!(out, "  no document has warnings")?;
        } else {
            writeln!(out, "  {} documents with warnings:", warned.len())?;
            for doc in warned {
                print_document(out, doc)?;
            }
        }
    }
    if let Some(ops::AnalysisSummary {
        connectors,
        communities,
        nmi,
    }) = summary.analysis
    {
        writeln!(
            out,
            "  analysis: {connectors} cross-pillar connectors, {communities} communities (NMI with pillars {nmi:.3}) in <{}>",
            base.iri(poakg::vocab::ANALYSIS_GRAPH)
        )?;
    }
    writeln!(out, "instances per class:")?;
    for ops::ClassCount { class, count } in &summary.classes {
        writeln!(out, "  {count:>6}  {class}")?;
    }
    Ok(())
}

fn print_document(out: &mut dyn Write, doc: &Loaded) -> std::io::Result<()> {
    writeln!(
        out,
        "  {} ({}): {} triples in <{}>",
        doc.origin,
        doc.kind.name(),
        doc.triples,
        doc.graph.as_str()
    )?;
    if let Some(meta) = &doc.meta {
        writeln!(out, "    {}", meta.describe())?;
        writeln!(out, "    read from: {}", meta.describe_sources())?;
    }
    if doc.encoding.is_notable() {
        writeln!(out, "    read as {}", doc.encoding)?;
    }
    if doc.mentions > 0 {
        writeln!(
            out,
            "    {} clauses; {} entity mentions of {} entities ({} found by rules, not in the registry)",
            doc.clauses, doc.mentions, doc.entities, doc.discovered
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
        writeln!(out, "    warning: {}", crate::error::with_flags(warning))?;
    }
    Ok(())
}
