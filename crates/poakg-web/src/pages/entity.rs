//! What an entity's page shows beyond its statements: the passages that
//! name it, grouped by plan (each with how many of its passages name it)
//! and pillar with a snippet around the mention, a page of plans at a time;
//! the entities named with it most often; and its analysis figures in words
//! ("named in 3 of 5 pillars; ranks 2nd of 146 by betweenness").

use super::links::{highlight, labels, ordinal, snippet, Link, Piece};
use poakg::sparql::{self, row_number, row_text, QueryError, Row};
use poakg::store::KgStore;
use std::collections::{HashMap, HashSet};

/// At most this many passages are listed on one page of an entity's.
pub const PASSAGES: usize = 500;

/// Plans (or programmes) whose passages one page lists.
pub const PLANS_PER_PAGE: usize = 20;

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
    /// How many of its passages name the entity.
    pub count: usize,
    /// By pillar, in document order.
    pub pillars: Vec<PillarGroup>,
}

/// The entity-specific part of an entity's page.
#[derive(Debug, Clone, Default)]
pub struct EntityView {
    /// Where it is named: the plans of this page.
    pub plans: Vec<PlanGroup>,
    /// How many passages name it, in all plans.
    pub passages: usize,
    /// This page, from 1.
    pub page: usize,
    /// How many pages of plans there are.
    pub pages: usize,
    /// Whether this page's plans name it in more than [`PASSAGES`] passages
    /// (the first of them are listed).
    pub truncated: bool,
    /// Entities named in the same passages, with how many passages they share, most first.
    pub with: Vec<(Link, usize)>,
    /// Its analysis figures, each a sentence.
    pub figures: Vec<String>,
}

/// The documents naming an entity, by IRI, each with how many of its
/// passages and pillars name it.
struct Naming {
    document: String,
    passages: usize,
    pillars: usize,
}

/// Reads the entity view of `entity` with the plans of page `page` (from
/// 1; a page past the last lists no plan); none when no passage names it.
pub fn read(store: &KgStore, entity: &str, page: usize) -> Result<Option<EntityView>, QueryError> {
    let documents = documents_naming(store, entity)?;
    if documents.is_empty() {
        return Ok(None);
    }
    let start = page.saturating_sub(1).saturating_mul(PLANS_PER_PAGE);
    let shown: Vec<&str> = documents
        .iter()
        .skip(start)
        .take(PLANS_PER_PAGE)
        .map(|d| d.document.as_str())
        .collect();
    let rows = passages_naming(store, entity, &shown)?;
    let with = named_with(store, entity)?;
    let figures = figure_rows(store, entity)?;
    let all_pillars = pillars_of_documents(store, entity)?;
    let ranked = ranked_entities(store)?;
    let names = names_of(store, &rows, &with)?;
    let counts: HashMap<&str, usize> = documents
        .iter()
        .map(|d| (d.document.as_str(), d.passages))
        .collect();
    let plans = group_passages(&rows, &names, &counts);
    let truncated = shown.iter().filter_map(|d| counts.get(d)).sum::<usize>() > PASSAGES;
    let passages = documents.iter().map(|d| d.passages).sum();
    let mut sentences = vec![reach(&documents, all_pillars)];
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
        plans,
        passages,
        page,
        pages: documents.len().div_ceil(PLANS_PER_PAGE),
        truncated,
        figures: sentences,
    }))
}

/// The documents whose passages name `entity`, by IRI, with how many
/// passages and pillars of each name it: counted from the index, without
/// reading a passage's text.
fn documents_naming(store: &KgStore, entity: &str) -> Result<Vec<Naming>, QueryError> {
    let rows = sparql::select(
        store,
        "documents naming an entity",
        format!(
            "SELECT ?doc (COUNT(DISTINCT ?c) AS ?n) (COUNT(DISTINCT ?pillar) AS ?k) WHERE {{
               ?c schema:mentions {entity} ; dcterms:isPartOf ?doc ; poa:text ?t .
               OPTIONAL {{ ?c poa:inPillar ?pillar }} }} GROUP BY ?doc",
            entity = poakg::sparql::iri(entity)?
        ),
    )?;
    let mut out: Vec<Naming> = rows
        .iter()
        .filter_map(|row| {
            Some(Naming {
                document: row_text(row, "doc")?,
                passages: row_number(row, "n")?,
                pillars: row_number(row, "k").unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| a.document.cmp(&b.document));
    Ok(out)
}

/// Every mention of `entity` in the documents `documents`: its passage with
/// notation, text, plan, pillar and offset, and the surface form, in
/// document order.
fn passages_naming(
    store: &KgStore,
    entity: &str,
    documents: &[&str],
) -> Result<Vec<Row>, QueryError> {
    if documents.is_empty() {
        return Ok(Vec::new());
    }
    let values = documents
        .iter()
        .map(|d| poakg::sparql::iri(d).map(|n| n.to_string()))
        .collect::<Result<Vec<_>, _>>()?
        .join(" ");
    sparql::select(
        store,
        "passages naming an entity",
        format!(
            "SELECT ?c ?n ?t ?doc ?pillar ?surface ?pos WHERE {{
               VALUES ?doc {{ {values} }}
               ?c dcterms:isPartOf ?doc ; schema:mentions {entity} ; poa:text ?t ; poa:startOffset ?pos .
               ?m oa:hasTarget/oa:hasSource ?c ; oa:hasBody {entity} ; poa:surfaceForm ?surface .
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

/// The passages naming the entity (`rows`, in document order) grouped by
/// plan and pillar, each passage once (at most [`PASSAGES`]); `counts` says
/// how many passages of each plan name it.
fn group_passages(
    rows: &[Row],
    names: &HashMap<String, String>,
    counts: &HashMap<&str, usize>,
) -> Vec<PlanGroup> {
    let mut plans: Vec<PlanGroup> = Vec::new();
    let mut seen = HashSet::new();
    for row in rows {
        let (Some(c), Some(doc)) = (row_text(row, "c"), row_text(row, "doc")) else {
            continue;
        };
        if !seen.insert(c.clone()) {
            continue; // a passage naming it twice is listed once
        }
        let plan = Link::to(&doc, names);
        if plans.last().is_none_or(|g| g.plan != plan) {
            plans.push(PlanGroup {
                plan,
                count: counts.get(doc.as_str()).copied().unwrap_or(0),
                pillars: Vec::new(),
            });
        }
        // past the cap, every plan of the page still gets its heading and count
        let Some(group) = plans.last_mut().filter(|_| seen.len() <= PASSAGES) else {
            continue;
        };
        let pillar = row_text(row, "pillar").map(|p| Link::to(&p, names));
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
    plans
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

/// The sentence saying how widely the entity is named (in `documents`), of
/// `all_pillars` pillars in the documents naming it.
fn reach(documents: &[Naming], all_pillars: usize) -> String {
    let plans = documents.len();
    let passages: usize = documents.iter().map(|d| d.passages).sum();
    let pillars: usize = documents.iter().map(|d| d.pillars).sum();
    let mut sentence = format!(
        "Named in {} passage{} of {} document{}",
        passages,
        plural(passages),
        plans,
        plural(plans)
    );
    if all_pillars > 0 {
        sentence += &format!(
            ", in {} of the {} pillars of {}",
            pillars,
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
