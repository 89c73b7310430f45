//! The build summary and the store's statistics as serialisable values: what
//! `build --format json` and `stats --format json` write, so a script reads
//! the same figures a person reads in the text.

use super::{class_counts, remembered, BuildSummary, ClassCount, Error, DEFAULT_LICENSE};
use crate::ingest::Loaded;
use crate::store::{GraphSize, KgStore};
use serde::Serialize;

/// A build, as a script reads it.
#[derive(Debug, Serialize)]
pub struct BuildReport {
    /// The documents built, in input order.
    pub documents: Vec<DocumentReport>,
    /// The documents refused, each with its reason.
    pub refused: Vec<RefusedReport>,
    /// What the analysis found (absent when no entity was named).
    pub analysis: Option<AnalysisReport>,
    /// Instances per class in the document graphs.
    pub classes: Vec<ClassCount>,
    /// Where the build's time went, phase by phase.
    pub phases: Vec<super::PhaseTime>,
}

/// One document of a build.
#[derive(Debug, Serialize)]
pub struct DocumentReport {
    /// Where it was read from.
    pub origin: String,
    /// plan, programme page or RDF.
    pub kind: &'static str,
    /// The named graph it went into.
    pub graph: String,
    /// Quads written to its own graph.
    pub triples: usize,
    /// Numbered clauses (plans) or activities (programme pages).
    pub clauses: usize,
    /// Entity mentions in its passages.
    pub mentions: usize,
    /// Distinct entities it names.
    pub entities: usize,
    /// Entities found by the rules, not in the registry.
    pub discovered: usize,
    /// The encoding its text was read in.
    pub encoding: String,
    /// What the plan is, and where each fact came from (plans only).
    pub plan: Option<PlanReport>,
    /// Doubts: lines not placed, metadata not found.
    pub warnings: Vec<String>,
}

/// What a plan is, with the origin of each fact.
#[derive(Debug, Serialize)]
pub struct PlanReport {
    /// Its title.
    pub title: String,
    /// The partner's code (`US`, `JP`), when the text or a flag gave one.
    pub partner: Option<String>,
    /// Plan of Action, Work Plan, ...
    pub kind: String,
    /// First and last year.
    pub period: Option<crate::corpus::Period>,
    /// Where title, partner, period and kind came from.
    pub sources: PlanSources,
}

/// Where each of a plan's facts came from (`title line`, `preamble`, `file name`...).
#[derive(Debug, Serialize)]
pub struct PlanSources {
    /// Of the title.
    pub title: &'static str,
    /// Of the partner.
    pub partner: &'static str,
    /// Of the period.
    pub period: &'static str,
    /// Of the kind.
    pub kind: &'static str,
}

/// A refused document.
#[derive(Debug, Serialize)]
pub struct RefusedReport {
    /// Where it was read from.
    pub origin: String,
    /// The one-line reason.
    pub error: String,
}

/// The analysis' three figures.
#[derive(Debug, Serialize)]
pub struct AnalysisReport {
    /// Entities that connect pillars.
    pub connectors: usize,
    /// Communities of the co-mention network.
    pub communities: usize,
    /// Normalised mutual information of the communities with the pillars.
    pub nmi: f64,
}

impl BuildSummary {
    /// The summary as a serialisable value.
    pub fn report(&self) -> BuildReport {
        BuildReport {
            documents: self.documents.iter().map(document).collect(),
            refused: self
                .refused
                .iter()
                .map(|r| RefusedReport {
                    origin: r.origin.clone(),
                    error: r.error.to_string(),
                })
                .collect(),
            analysis: self.analysis.map(|a| AnalysisReport {
                connectors: a.connectors,
                communities: a.communities,
                nmi: a.nmi,
            }),
            classes: self.classes.clone(),
            phases: self.phases.clone(),
        }
    }
}

fn document(doc: &Loaded) -> DocumentReport {
    DocumentReport {
        origin: doc.origin.clone(),
        kind: doc.kind.name(),
        graph: doc.graph.as_str().to_owned(),
        triples: doc.triples,
        clauses: doc.clauses,
        mentions: doc.mentions,
        entities: doc.entities,
        discovered: doc.discovered,
        encoding: doc.encoding.to_string(),
        plan: doc.meta.as_ref().map(|meta| PlanReport {
            title: meta.title.clone(),
            partner: meta.partner.as_ref().map(|p| p.code.clone()),
            kind: meta.kind.clone(),
            period: meta.period,
            sources: PlanSources {
                title: meta.sources.title.name(),
                partner: meta.sources.partner.name(),
                period: meta.sources.period.name(),
                kind: meta.sources.kind.name(),
            },
        }),
        warnings: doc.warnings.clone(),
    }
}

/// The store's statistics: where it is, who publishes it under which
/// licence, triples per named graph and instances per class.
#[derive(Debug, Serialize)]
pub struct Stats {
    /// Where the store is.
    pub store: String,
    /// Absent until a build described the dataset.
    pub publisher: Option<String>,
    /// The licence's IRI, or the default statement.
    pub license: String,
    /// The base its data IRIs are minted under.
    pub base: String,
    /// Quads per named graph.
    pub graphs: Vec<GraphSize>,
    /// Instances per class in the document graphs.
    pub classes: Vec<ClassCount>,
}

/// The statistics of a store.
pub fn stats(store: &KgStore) -> Result<Stats, Error> {
    let published = remembered(store)?;
    Ok(Stats {
        store: store.location().to_string(),
        publisher: published.publisher,
        license: published
            .license
            .unwrap_or_else(|| DEFAULT_LICENSE.to_owned()),
        base: store.base().as_str().to_owned(),
        graphs: store.graph_sizes()?,
        classes: class_counts(store)?,
    })
}
