//! The counts a build leaves in the analysis graph, so that listings, pages
//! and reports read one row per plan, pillar, entity or class instead of
//! counting every mention of the store each time they are asked (at 1,000
//! plans the listing's per-plan mention count alone was a join of 300,000
//! annotations with their targets, 3 s).
//!
//! - a plan: `poa:pillarCount`, `poa:sectionCount`, `poa:clauseCount`,
//!   `poa:entityMentionCount` (its `poa:Mention` annotations),
//!   `poa:namingCount` and `poa:entityCount`;
//! - a pillar: `poa:sectionCount`, `poa:clauseCount`, `poa:namingCount`,
//!   `poa:entityCount`;
//! - an entity: `poa:planCount` (beside the analysis' `poa:mentionCount`);
//! - an entity class: `poa:entityCount`, `poa:namingCount`.
//!
//! The structure and the namings (a passage and an entity it names, once
//! each: `schema:mentions`) are counted by SPARQL aggregates that touch each
//! part and link once; the mention annotations per document graph, which
//! never joins an annotation with its target; the entities' and classes'
//! counts come from the network the analysis has already read.

use super::{Error, PlanCounts};
use crate::analysis::Network;
use crate::sparql::{self, row_text};
use crate::store::KgStore;
use crate::vocab::{self, poa};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a plan holds, counted by the build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    pillars: usize,
    sections: usize,
    clauses: usize,
    mentions: usize,
    namings: usize,
    entities: usize,
}

/// The summary quads of the store, in `graph`; `net` is the network the
/// analysis read (none when no passage names an entity).
pub fn quads(
    store: &KgStore,
    net: Option<&Network>,
    graph: &NamedNode,
) -> Result<Vec<Quad>, Error> {
    let mut sink = Sink {
        graph: GraphName::NamedNode(graph.clone()),
        quads: Vec::new(),
    };
    let plans = plan_tallies(store)?;
    for (plan, t) in &plans {
        let s = NamedNode::new_unchecked(plan.as_str());
        sink.count(&s, poa::PILLAR_COUNT, t.pillars);
        sink.count(&s, poa::SECTION_COUNT, t.sections);
        sink.count(&s, poa::CLAUSE_COUNT, t.clauses);
        sink.count(&s, poa::ENTITY_MENTION_COUNT, t.mentions);
        sink.count(&s, poa::NAMING_COUNT, t.namings);
        sink.count(&s, poa::ENTITY_COUNT, t.entities);
    }
    pillar_quads(store, &mut sink)?;
    if let Some(net) = net {
        entity_and_class_quads(net, &plans, &mut sink);
    }
    Ok(sink.quads)
}

/// Quads of integer counts into one graph.
struct Sink {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Sink {
    fn count(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, n: usize) {
        self.quads.push(Quad::new(
            s.clone(),
            p.into_owned(),
            Literal::new_typed_literal(n.to_string(), xsd::INTEGER),
            self.graph.clone(),
        ));
    }
}

/// Every plan's tally, by IRI (sorted, so that two builds write the same).
fn plan_tallies(store: &KgStore) -> Result<BTreeMap<String, Tally>, Error> {
    let mut out = wholes(store, "poa:PlanOfAction")?;
    count_parts(store, "dcterms:isPartOf", &mut out)?;
    mention_counts(store, &mut out)?;
    Ok(out)
}

/// Every instance of `class` (a plan or a pillar), each with a tally of
/// nothing yet.
fn wholes(store: &KgStore, class: &str) -> Result<BTreeMap<String, Tally>, Error> {
    let rows = sparql::select(
        store,
        "wholes to summarise",
        format!("SELECT ?x WHERE {{ ?x a {class} }}"),
    )?;
    Ok(rows
        .iter()
        .filter_map(|row| row_text(row, "x").map(|x| (x, Tally::default())))
        .collect())
}

/// The pillars, sections and clauses of each whole of `out`, and the
/// namings of its passages, a part reaching its whole by `link`
/// (`dcterms:isPartOf` a plan, `poa:inPillar` a pillar).
fn count_parts(
    store: &KgStore,
    link: &str,
    out: &mut BTreeMap<String, Tally>,
) -> Result<(), Error> {
    for row in sparql::select(
        store,
        "structure counts",
        format!(
            "SELECT ?whole ?class (COUNT(?x) AS ?n) WHERE {{
               VALUES ?class {{ poa:Pillar poa:Section poa:Clause }}
               ?x a ?class ; {link} ?whole }} GROUP BY ?whole ?class"
        ),
    )? {
        let (Some(t), Some(class), Some(n)) = (
            row_text(&row, "whole").and_then(|w| out.get_mut(&w)),
            row_text(&row, "class"),
            sparql::row_number::<usize>(&row, "n"),
        ) else {
            continue;
        };
        match class.rsplit('#').next() {
            Some("Pillar") => t.pillars = n,
            Some("Section") => t.sections = n,
            _ => t.clauses = n,
        }
    }
    for row in sparql::select(
        store,
        "naming counts",
        format!(
            "SELECT ?whole (COUNT(*) AS ?n) (COUNT(DISTINCT ?e) AS ?k) WHERE {{
               ?c {link} ?whole ; schema:mentions ?e }} GROUP BY ?whole"
        ),
    )? {
        let Some(t) = row_text(&row, "whole").and_then(|w| out.get_mut(&w)) else {
            continue;
        };
        t.namings = sparql::row_number(&row, "n").unwrap_or(0);
        t.entities = sparql::row_number(&row, "k").unwrap_or(0);
    }
    Ok(())
}

/// The `poa:Mention` annotations of each plan: those of its document graph
/// when the graph holds that plan alone (as every built plan's does), else
/// those that target its passages.
fn mention_counts(store: &KgStore, out: &mut BTreeMap<String, Tally>) -> Result<(), Error> {
    let mut plans_of: HashMap<String, Vec<String>> = HashMap::new();
    for row in sparql::select(
        store,
        "plan graphs",
        "SELECT ?g ?plan WHERE { GRAPH ?g { ?plan a poa:PlanOfAction } }",
    )? {
        if let (Some(g), Some(plan)) = (row_text(&row, "g"), row_text(&row, "plan")) {
            plans_of.entry(g).or_default().push(plan);
        }
    }
    // a plan stated in another plan's graph too, or in several graphs, has
    // its annotations found through their targets
    let mut graphs_of: HashMap<&str, usize> = HashMap::new();
    for plan in plans_of.values().flatten() {
        *graphs_of.entry(plan.as_str()).or_default() += 1;
    }
    let alone = |plans: &[String]| match plans {
        [plan] if graphs_of.get(plan.as_str()) == Some(&1) => Some(plan.clone()),
        _ => None,
    };
    let shared: BTreeSet<String> = plans_of
        .values()
        .filter(|plans| alone(plans).is_none())
        .flatten()
        .cloned()
        .collect();
    for row in sparql::select(
        store,
        "mentions by graph",
        "SELECT ?g (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m a poa:Mention } } GROUP BY ?g",
    )? {
        let (Some(g), Some(n)) = (row_text(&row, "g"), sparql::row_number(&row, "n")) else {
            continue;
        };
        let plan = plans_of.get(&g).and_then(|plans| alone(plans));
        if let Some(t) = plan.and_then(|plan| out.get_mut(&plan)) {
            t.mentions = n;
        }
    }
    for plan in shared {
        let rows = sparql::select(
            store,
            "plan mentions",
            format!(
                "SELECT (COUNT(?m) AS ?n) WHERE {{ ?m a poa:Mention ; oa:hasTarget/oa:hasSource ?p . ?p dcterms:isPartOf {} }}",
                sparql::iri(&plan)?
            ),
        )?;
        if let Some(t) = out.get_mut(&plan) {
            t.mentions = rows
                .first()
                .and_then(|r| sparql::row_number(r, "n"))
                .unwrap_or(0);
        }
    }
    Ok(())
}

/// Each pillar's sections, clauses, namings and entities named.
fn pillar_quads(store: &KgStore, sink: &mut Sink) -> Result<(), Error> {
    let mut pillars = wholes(store, "poa:Pillar")?;
    count_parts(store, "poa:inPillar", &mut pillars)?;
    for (pillar, t) in &pillars {
        let s = NamedNode::new_unchecked(pillar.as_str());
        sink.count(&s, poa::SECTION_COUNT, t.sections);
        sink.count(&s, poa::CLAUSE_COUNT, t.clauses);
        sink.count(&s, poa::NAMING_COUNT, t.namings);
        sink.count(&s, poa::ENTITY_COUNT, t.entities);
    }
    Ok(())
}

/// Each named entity's plans, and each class's named entities and namings.
fn entity_and_class_quads(net: &Network, plans: &BTreeMap<String, Tally>, sink: &mut Sink) {
    let mut plans_of: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); net.entities.len()];
    let mut namings = vec![0usize; net.entities.len()];
    for m in &net.mentions {
        namings[m.entity] += 1;
        let document = net.passages[m.passage].document.as_str();
        if plans.contains_key(document) {
            plans_of[m.entity].insert(document);
        }
    }
    let mut classes: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (e, entity) in net.entities.iter().enumerate() {
        if namings[e] == 0 {
            continue;
        }
        let s = NamedNode::new_unchecked(entity.iri.as_str());
        sink.count(&s, poa::PLAN_COUNT, plans_of[e].len());
        let class = classes.entry(entity.class.iri()).or_default();
        class.0 += 1;
        class.1 += namings[e];
    }
    for (class, (entities, namings)) in &classes {
        let s = NamedNode::new_unchecked(class.as_str());
        sink.count(&s, poa::ENTITY_COUNT, *entities);
        sink.count(&s, poa::NAMING_COUNT, *namings);
    }
}

/// The plan summaries of the analysis graph, by plan IRI (empty for a
/// store whose last build wrote none).
pub fn read_plan_summaries(store: &KgStore) -> Result<HashMap<String, PlanCounts>, Error> {
    let graph = store.base().iri(vocab::ANALYSIS_GRAPH).into_owned();
    let rows = sparql::select(
        store,
        "plan summaries",
        format!(
            "SELECT ?plan ?pillars ?sections ?clauses ?mentions WHERE {{ GRAPH <{graph}> {{
               ?plan poa:entityMentionCount ?mentions ; poa:pillarCount ?pillars ;
                 poa:sectionCount ?sections ; poa:clauseCount ?clauses }} }}"
        ),
    )?;
    let n = |row: &sparql::Row, var: &str| sparql::row_number(row, var).unwrap_or(0);
    Ok(rows
        .iter()
        .filter_map(|row| {
            let plan = row_text(row, "plan")?;
            let summary = PlanCounts {
                pillars: n(row, "pillars"),
                sections: n(row, "sections"),
                clauses: n(row, "clauses"),
                mentions: n(row, "mentions"),
            };
            Some((plan, summary))
        })
        .collect())
}
