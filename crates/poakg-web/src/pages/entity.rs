//! What an entity's page shows beyond its statements: every passage that
//! names it, grouped by plan and pillar with a snippet around the mention;
//! the entities named with it most often; and its analysis figures in words
//! ("named in 3 of 5 pillars; ranks 2nd of 146 by betweenness").

use super::links::{highlight, labels, ordinal, snippet, Link, Piece};
use poakg::sparql::{self, row_number, row_text, QueryError, Row};
use poakg::store::KgStore;
use std::collections::{HashMap, HashSet};

/// At most this many passages are listed on one entity's page.
pub const PASSAGES: usize = 500;

/// A passage that names the entity.
#[derive(Debug, Clone)]
pub struct Named {
    /// The passage, by its notation, linked to its page.
    pub passage: Link,
    /// Its text around the first mention, the mention marked.
    pub snippet: Vec<Piece>,
}

/// The passages of one pillar (or of no pillar) of one plan.
#[derive(Debug, Clone)]
pub struct PillarGroup {
    /// The pillar; none for the preamble, paragraphs and activities.
    pub pillar: Option<Link>,
    /// Its passages that name the entity, in document order.
    pub passages: Vec<Named>,
}

/// The passages of one plan or programme.
#[derive(Debug, Clone)]
pub struct PlanGroup {
    /// The plan or programme.
    pub plan: Link,
    /// By pillar, in document order.
    pub pillars: Vec<PillarGroup>,
}

/// The entity-specific part of an entity's page.
#[derive(Debug, Clone, Default)]
pub struct EntityView {
    /// Where it is named.
    pub plans: Vec<PlanGroup>,
    /// How many passages name it (all of them, even past [`PASSAGES`]).
    pub passages: usize,
    /// Entities named in the same passages, with how many passages they share, most first.
    pub with: Vec<(Link, usize)>,
    /// Its analysis figures, each a sentence.
    pub figures: Vec<String>,
}

/// Reads the entity view of `entity`; none when no passage names it.
pub fn read(store: &KgStore, entity: &str) -> Result<Option<EntityView>, QueryError> {
    let rows = passages_naming(store, entity)?;
    if rows.is_empty() {
        return Ok(None);
    }
    let with = named_with(store, entity)?;
    let figures = figure_rows(store, entity)?;
    let all_pillars = pillars_of_documents(store, entity)?;
    let ranked = ranked_entities(store)?;
    let names = names_of(store, &rows, &with)?;
    let spread = group_passages(&rows, &names);
    let mut sentences = vec![reach(&spread, all_pillars)];
    if let Some(row) = figures.first() {
        sentences.extend(analysis_figures(row, ranked));
    }
    Ok(Some(EntityView {
        with: with
            .iter()
            .filter_map(|r| {
                let o = row_text(r, "o")?;
                Some((Link::to(&o, &names), row_number(r, "k")?))
            })
            .collect(),
        plans: spread.plans,
        passages: spread.passages,
        figures: sentences,
    }))
}

/// Every mention of `entity`: its passage with notation, text, plan, pillar
/// and offset, and the surface form, in document order.
fn passages_naming(store: &KgStore, entity: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "passages naming an entity",
        format!(
            "SELECT ?c ?n ?t ?doc ?pillar ?surface ?pos WHERE {{
               ?m a poa:Mention ; oa:hasBody {entity} ; oa:hasTarget/oa:hasSource ?c ; poa:surfaceForm ?surface .
               ?c poa:text ?t ; dcterms:isPartOf ?doc ; poa:startOffset ?pos .
               OPTIONAL {{ ?c skos:notation ?n }} OPTIONAL {{ ?c poa:inPillar ?pillar }} }}
             ORDER BY ?doc ?pos",
            entity = poakg::sparql::iri(entity)?
        ),
    )
}

/// The 20 entities named most often in the same passages as `entity`
/// (`?o`), with how many passages each shares with it (`?k`).
fn named_with(store: &KgStore, entity: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "entities named with an entity",
        format!(
            "SELECT ?o (COUNT(DISTINCT ?c) AS ?k) WHERE {{ ?c schema:mentions {entity}, ?o FILTER(?o != {entity}) }}
             GROUP BY ?o ORDER BY DESC(?k) ?o LIMIT 20", entity = poakg::sparql::iri(entity)?),
    )
}

/// The analysis figures of `entity`: betweenness, how many entities rank
/// higher by it, degree and whether it is an articulation point.
fn figure_rows(store: &KgStore, entity: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "entity figures",
        format!(
            "SELECT ?b ?degree ?cut (COUNT(DISTINCT ?x) AS ?higher) WHERE {{
               OPTIONAL {{ {entity} poa:betweenness ?b OPTIONAL {{ ?x poa:betweenness ?bx FILTER(?bx > ?b) }} }}
               OPTIONAL {{ {entity} poa:degree ?degree }} OPTIONAL {{ {entity} poa:articulationPoint ?cut }} }}
             GROUP BY ?b ?degree ?cut", entity = poakg::sparql::iri(entity)?),
    )
}

/// How many pillars the documents naming `entity` have in all.
fn pillars_of_documents(store: &KgStore, entity: &str) -> Result<usize, QueryError> {
    let totals = sparql::select(
        store,
        "entity totals",
        format!(
            // the documents first, then their pillars: as one join with an
            // OPTIONAL, Oxigraph took 1.3 s on 1,000 plans (0.09 s this way)
            "SELECT (COUNT(DISTINCT ?p) AS ?pillars) WHERE {{
               {{ SELECT DISTINCT ?doc WHERE {{ ?c schema:mentions {entity} ; dcterms:isPartOf ?doc }} }}
               ?p dcterms:isPartOf ?doc ; a poa:Pillar }}", entity = poakg::sparql::iri(entity)?),
    )?;
    Ok(totals
        .first()
        .and_then(|r| row_number(r, "pillars"))
        .unwrap_or(0))
}

/// How many entities have a betweenness (the entities ranked by it).
fn ranked_entities(store: &KgStore) -> Result<usize, QueryError> {
    let ranked = sparql::select(
        store,
        "ranked entities",
        "SELECT (COUNT(?x) AS ?n) WHERE { ?x poa:betweenness ?b }",
    )?;
    Ok(ranked
        .first()
        .and_then(|r| row_number::<usize>(r, "n"))
        .unwrap_or(0))
}

/// The labels of the passages, documents and pillars naming the entity and
/// of the entities named with it.
fn names_of(
    store: &KgStore,
    rows: &[Row],
    with: &[Row],
) -> Result<HashMap<String, String>, QueryError> {
    let mut iris: Vec<String> = Vec::new();
    for row in rows {
        iris.extend(
            ["c", "doc", "pillar"]
                .iter()
                .filter_map(|v| row_text(row, v)),
        );
    }
    iris.extend(with.iter().filter_map(|r| row_text(r, "o")));
    iris.sort_unstable();
    iris.dedup();
    labels(store, &iris.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Where an entity is named: its passages grouped by plan and pillar, and
/// how widely it is named.
struct Spread {
    /// The passages listed (at most [`PASSAGES`]), by plan and pillar.
    plans: Vec<PlanGroup>,
    /// How many passages name it, all of them.
    passages: usize,
    /// How many documents name it.
    documents: usize,
    /// How many pillars name it.
    pillars: usize,
}

/// The passages naming the entity (`rows`, in document order) grouped by
/// plan and pillar, each passage once.
fn group_passages(rows: &[Row], names: &HashMap<String, String>) -> Spread {
    let mut plans: Vec<PlanGroup> = Vec::new();
    let mut passages = 0;
    let mut seen = HashSet::new();
    let mut pillars_named = HashSet::new();
    let mut docs = HashSet::new();
    for row in rows {
        let (Some(c), Some(doc)) = (row_text(row, "c"), row_text(row, "doc")) else {
            continue;
        };
        if !seen.insert(c.clone()) {
            continue; // a passage naming it twice is listed once
        }
        passages += 1;
        docs.insert(doc.clone());
        let pillar = row_text(row, "pillar");
        if let Some(p) = &pillar {
            pillars_named.insert(p.clone());
        }
        if passages > PASSAGES {
            continue;
        }
        let plan = Link::to(&doc, names);
        if plans.last().is_none_or(|g| g.plan != plan) {
            plans.push(PlanGroup {
                plan,
                pillars: Vec::new(),
            });
        }
        let Some(group) = plans.last_mut() else {
            continue;
        };
        let pillar = pillar.map(|p| Link::to(&p, names));
        if group.pillars.last().is_none_or(|g| g.pillar != pillar) {
            group.pillars.push(PillarGroup {
                pillar,
                passages: Vec::new(),
            });
        }
        if let Some(g) = group.pillars.last_mut() {
            g.passages.push(named_passage(row, &c));
        }
    }
    Spread {
        plans,
        passages,
        documents: docs.len(),
        pillars: pillars_named.len(),
    }
}

/// The passage `c` of a row of [`passages_naming`], by its notation, with
/// a snippet around the mention.
fn named_passage(row: &Row, c: &str) -> Named {
    let text = row_text(row, "t").unwrap_or_default();
    let surface = row_text(row, "surface").unwrap_or_default();
    Named {
        passage: Link {
            label: row_text(row, "n").unwrap_or_else(|| poakg::vocab::display_iri(c)),
            href: super::links::href(c),
        },
        snippet: highlight(
            &snippet(&text, &surface, 160),
            &[(
                surface,
                Link {
                    label: String::new(),
                    href: None,
                },
            )],
        ),
    }
}

/// The sentence saying how widely the entity is named, of `all_pillars`
/// pillars in the documents naming it.
fn reach(spread: &Spread, all_pillars: usize) -> String {
    let plans = spread.documents;
    let mut sentence = format!(
        "Named in {} passage{} of {} document{}",
        spread.passages,
        plural(spread.passages),
        plans,
        plural(plans)
    );
    if all_pillars > 0 {
        sentence += &format!(
            ", in {} of the {} pillars of {}",
            spread.pillars,
            all_pillars,
            if plans == 1 {
                "its plan"
            } else {
                "those plans"
            }
        );
    }
    sentence + "."
}

/// The sentences of the entity's analysis figures (`row`, of
/// [`figure_rows`]), its betweenness ranked among `ranked` entities.
fn analysis_figures(row: &Row, ranked: usize) -> Vec<String> {
    let mut sentences = Vec::new();
    if let (Some(_), Some(higher)) = (
        row_number::<f64>(row, "b"),
        row_number::<usize>(row, "higher"),
    ) {
        sentences.push(format!(
            "Ranks {} of {ranked} entities by betweenness (how often it lies on the shortest paths between other entities).",
            ordinal(higher + 1)
        ));
    }
    if let Some(degree) = row_number::<usize>(row, "degree") {
        sentences.push(format!(
            "Named in the same passages as {degree} other entit{}.",
            if degree == 1 { "y" } else { "ies" }
        ));
    }
    if row_text(row, "cut").as_deref() == Some("true") {
        sentences.push(
            "Without it, the co-mention network would fall apart into more pieces (an articulation point)."
                .to_owned(),
        );
    }
    sentences
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
