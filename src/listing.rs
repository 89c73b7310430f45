//! Entity listings read back from the store by SPARQL (`poakg entities`,
//! `poakg mentions`, `poakg eval`), so they work on any data loaded, and the
//! table / CSV / JSON writers they share.

use crate::entities::EntityClass;
use crate::eval::Found;
use crate::sparql::{self, QueryError, Row};
use crate::store::KgStore;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::output::Record;
/// Output formats of the listings (the output layer's one model).
pub use crate::output::RecordFormat as ListFormat;

/// One entity with its mentions summarised.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    /// The entity's IRI.
    pub iri: String,
    /// The local name of its class (`Mechanism`, `ASEANBody`, ...).
    pub class: String,
    /// Its preferred label.
    pub label: String,
    /// Its alternative labels, sorted.
    pub alt_labels: Vec<String>,
    /// How many times it is mentioned (in the chosen plan only, if one is given).
    pub mentions: usize,
    /// The plans that name it (short names: `US:2021`).
    pub plans: Vec<String>,
    /// Notations of the pillars of the passages that mention it; prefixed by
    /// the plan (`US:2021/1`) when several plans are listed.
    pub pillars: Vec<String>,
    /// Notations of the passages that mention it, in plan and document order;
    /// prefixed by the plan (`US:2021/1.2.3`) when several plans are listed.
    pub passages: Vec<String>,
}

/// One mention.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    /// The plan (or programme) it is in (short name for plans: `US:2021`).
    pub plan: String,
    /// The notation of the passage it is in (`1.2.16`, `preamble`).
    pub passage: String,
    /// The passage's `poa:position` in its document (-1 if it has none); used
    /// only for sorting, not written out.
    #[serde(skip)]
    pub position: i64,
    /// The preferred label of the entity mentioned.
    pub entity: String,
    /// The local name of the entity's class (`Mechanism`, ...).
    pub class: String,
    /// Start offset in the source text, in characters from 0 (-1 if missing).
    pub start: i64,
    /// End offset in the source text, in characters, exclusive (-1 if missing).
    pub end: i64,
    /// The text as it appears in the passage.
    pub surface: String,
    /// How it was found: `registry` or a rule (`rule:acronym`, ...).
    pub found_by: String,
}

fn class_filter() -> String {
    EntityClass::ALL
        .iter()
        .map(|c| format!("poa:{}", c.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn text(row: &Row, var: &str) -> String {
    sparql::row_text(row, var).unwrap_or_default()
}

fn number(row: &Row, var: &str) -> i64 {
    text(row, var).parse().unwrap_or(-1)
}

fn class_name(iri: &str) -> String {
    iri.rsplit('#').next().unwrap_or(iri).to_owned()
}

/// The short name of a document: a plan's (`US:2021`), else the last part
/// of its IRI.
fn doc_name(names: &HashMap<String, String>, doc: &str) -> String {
    names
        .get(doc)
        .cloned()
        .unwrap_or_else(|| doc.rsplit('/').next().unwrap_or(doc).to_owned())
}

/// Every mention, optionally of one passage (by notation) and of one plan
/// (by IRI), in document order.
pub fn mentions(
    store: &KgStore,
    passage: Option<&str>,
    plan: Option<&str>,
) -> Result<Vec<MentionRow>, QueryError> {
    let names = crate::analysis::load::plan_names(store)?;
    let filter = match passage {
        Some(p) => format!(
            "FILTER(?key = {})",
            crate::output::escape::sparql_string(p)?
        ),
        None => String::new(),
    };
    let rows = sparql::select(store,
        "mentions",
        format!(
            "SELECT ?doc ?key ?pos ?label ?class ?start ?end ?surface ?by WHERE {{
               ?m a poa:Mention ; oa:hasBody ?e ; oa:hasTarget/oa:hasSource ?p ; poa:startOffset ?start ; poa:endOffset ?end ;
                  poa:surfaceForm ?surface ; poa:foundBy ?by .
               ?e a ?class ; skos:prefLabel ?label . FILTER(?class IN ({}))
               ?p skos:notation ?key . OPTIONAL {{ ?p poa:position ?pos }} OPTIONAL {{ ?p dcterms:isPartOf ?doc }}
               {filter}
             }}",
            class_filter()
        ),
    )?;
    let mut out: Vec<MentionRow> = rows
        .iter()
        .filter(|r| plan.is_none_or(|plan| text(r, "doc") == plan))
        .map(|r| MentionRow {
            plan: doc_name(&names, &text(r, "doc")),
            passage: text(r, "key"),
            position: number(r, "pos"),
            entity: text(r, "label"),
            class: class_name(&text(r, "class")),
            start: number(r, "start"),
            end: number(r, "end"),
            surface: text(r, "surface"),
            found_by: text(r, "by"),
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.plan, a.position, a.start, -a.end, &a.entity)
            .cmp(&(&b.plan, b.position, b.start, -b.end, &b.entity))
    });
    Ok(out)
}

/// Every entity, with labels, mention count, plans, pillars and passages;
/// with `plan` (an IRI), the entities that plan names, counted in it.
pub fn entities(
    store: &KgStore,
    class: Option<EntityClass>,
    plan: Option<&str>,
) -> Result<Vec<EntityRow>, QueryError> {
    let names = crate::analysis::load::plan_names(store)?;
    // with several plans, notations are qualified by their plan (US:2021/1.2.3)
    let several = plan.is_none() && names.len() > 1;
    let mut by_iri = entity_labels(store)?;
    let mut uses = EntityUses::read(store, &names, plan, several, &mut by_iri)?;
    let named: BTreeSet<String> = uses.plans.keys().cloned().collect();
    let mut out: Vec<EntityRow> = by_iri
        .into_values()
        .filter(|r| class.is_none_or(|c| c.name() == r.class))
        .filter(|r| plan.is_none() || named.contains(&r.iri))
        .map(|mut r| {
            r.alt_labels.sort();
            uses.fill(&mut r);
            r
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.label.cmp(&b.label))
    });
    Ok(out)
}

/// Every entity of the store with its class and labels (no uses yet), by IRI.
fn entity_labels(store: &KgStore) -> Result<BTreeMap<String, EntityRow>, QueryError> {
    let rows = sparql::select(
        store,
        "entities",
        format!(
            "SELECT ?e ?class ?label ?alt WHERE {{
               ?e a ?class ; skos:prefLabel ?label . FILTER(?class IN ({}))
               OPTIONAL {{ ?e skos:altLabel ?alt }}
             }}",
            class_filter()
        ),
    )?;
    let mut by_iri: BTreeMap<String, EntityRow> = BTreeMap::new();
    for r in &rows {
        let iri = text(r, "e");
        let row = by_iri.entry(iri.clone()).or_insert_with(|| EntityRow {
            iri,
            class: class_name(&text(r, "class")),
            label: text(r, "label"),
            alt_labels: Vec::new(),
            mentions: 0,
            plans: Vec::new(),
            pillars: Vec::new(),
            passages: Vec::new(),
        });
        let alt = text(r, "alt");
        if !alt.is_empty() && !row.alt_labels.contains(&alt) {
            row.alt_labels.push(alt);
        }
    }
    Ok(by_iri)
}

/// Where each entity is mentioned, by entity IRI.
struct EntityUses {
    /// The passages naming it, as (document, position, notation): in plan
    /// and document order.
    passages: BTreeMap<String, BTreeSet<(String, i64, String)>>,
    /// The pillars of those passages.
    pillars: BTreeMap<String, BTreeSet<String>>,
    /// The short names of the documents naming it.
    plans: BTreeMap<String, BTreeSet<String>>,
}

impl EntityUses {
    /// Reads the mentions (of `plan` only, if given), adding their counts
    /// to the rows of `by_iri`; with `several`, notations are qualified by
    /// their plan.
    fn read(
        store: &KgStore,
        names: &HashMap<String, String>,
        plan: Option<&str>,
        several: bool,
        by_iri: &mut BTreeMap<String, EntityRow>,
    ) -> Result<EntityUses, QueryError> {
        let rows = sparql::select(store,
            "entity mentions",
            "SELECT ?e ?doc ?key ?pos ?pillar (COUNT(?m) AS ?n) WHERE {
               ?m a poa:Mention ; oa:hasBody ?e ; oa:hasTarget/oa:hasSource ?p .
               ?p skos:notation ?key . OPTIONAL { ?p poa:position ?pos } OPTIONAL { ?p poa:inPillar/skos:notation ?pillar }
               OPTIONAL { ?p dcterms:isPartOf ?doc }
             } GROUP BY ?e ?doc ?key ?pos ?pillar"
                .to_owned(),
        )?;
        let mut uses = EntityUses {
            passages: BTreeMap::new(),
            pillars: BTreeMap::new(),
            plans: BTreeMap::new(),
        };
        for u in &rows {
            let doc = text(u, "doc");
            if plan.is_some_and(|plan| doc != plan) {
                continue;
            }
            let doc_short = doc_name(names, &doc);
            let qualify = |n: String| {
                if several && names.contains_key(&doc) {
                    format!("{doc_short}/{n}")
                } else {
                    n
                }
            };
            let e = text(u, "e");
            uses.plans
                .entry(e.clone())
                .or_default()
                .insert(doc_short.clone());
            if let Some(row) = by_iri.get_mut(&e) {
                row.mentions += usize::try_from(number(u, "n")).unwrap_or(0);
            }
            uses.passages.entry(e.clone()).or_default().insert((
                doc_short.clone(),
                number(u, "pos"),
                qualify(text(u, "key")),
            ));
            let pillar = text(u, "pillar");
            if !pillar.is_empty() {
                uses.pillars.entry(e).or_default().insert(qualify(pillar));
            }
        }
        Ok(uses)
    }

    /// Moves the plans, passages and pillars of `row`'s entity into it.
    fn fill(&mut self, row: &mut EntityRow) {
        row.plans = self
            .plans
            .remove(&row.iri)
            .unwrap_or_default()
            .into_iter()
            .collect();
        row.passages = self
            .passages
            .remove(&row.iri)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, _, k)| k)
            .collect();
        row.pillars = self
            .pillars
            .remove(&row.iri)
            .unwrap_or_default()
            .into_iter()
            .collect();
    }
}

/// Passage-entity pairs for scoring, of one plan (by IRI) or of all.
pub fn found_pairs(store: &KgStore, plan: Option<&str>) -> Result<Vec<Found>, QueryError> {
    let in_plan = match plan {
        Some(p) => format!("?p dcterms:isPartOf {} .", sparql::iri(p)?),
        None => String::new(),
    };
    let rows = sparql::select(
        store,
        "found entities",
        format!(
            "SELECT DISTINCT ?key ?e ?class ?label ?alt WHERE {{
               ?p schema:mentions ?e ; skos:notation ?key . {in_plan}
               ?e a ?class ; skos:prefLabel ?label . FILTER(?class IN ({}))
               OPTIONAL {{ ?e skos:altLabel ?alt }}
             }}",
            class_filter()
        ),
    )?;
    let mut pairs: BTreeMap<(String, String), Found> = BTreeMap::new();
    for r in &rows {
        let Some(class) = EntityClass::parse(&class_name(&text(r, "class"))) else {
            continue;
        };
        let entry = pairs
            .entry((text(r, "key"), text(r, "e")))
            .or_insert_with(|| Found {
                passage: text(r, "key"),
                label: text(r, "label"),
                labels: Vec::new(),
                class,
            });
        let alt = text(r, "alt");
        if !alt.is_empty() {
            entry.labels.push(alt);
        }
    }
    Ok(pairs.into_values().collect())
}

impl Record for EntityRow {
    const COLUMNS: &'static [&'static str] = &[
        "entity",
        "class",
        "alt labels",
        "mentions",
        "plans",
        "pillars",
        "passages",
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.label.clone(),
            self.class.clone(),
            self.alt_labels.join(" | "),
            self.mentions.to_string(),
            self.plans.join(" "),
            self.pillars.join(" "),
            self.passages.join(" "),
        ]
    }
}

impl Record for MentionRow {
    const COLUMNS: &'static [&'static str] = &[
        "plan", "passage", "start", "end", "surface", "entity", "class", "found by",
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.plan.clone(),
            self.passage.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.surface.clone(),
            self.entity.clone(),
            self.class.clone(),
            self.found_by.clone(),
        ]
    }
}
