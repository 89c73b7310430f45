//! What a plan's page shows beyond its statements: the plan it follows and
//! the plan that follows it, its table of contents (pillars and sections
//! with clause counts), the entities it names by class, and its cross-pillar
//! connectors (entities named in more than one of its pillars).

use super::links::{labels, Link};
use poakg::sparql::{self, row_text, QueryError, Row};
use poakg::store::KgStore;
use std::collections::HashMap;

/// A pillar in a plan's table of contents.
#[derive(Debug, Clone)]
pub struct TocPillar {
    /// The pillar's IRI.
    pub iri: String,
    /// The pillar, by its title.
    pub pillar: Link,
    /// Its clauses, all sections together.
    pub clauses: usize,
    /// Its sections in order, each with its clause count.
    pub sections: Vec<(Link, usize)>,
}

/// The entities of one class that a plan names.
#[derive(Debug, Clone)]
pub struct ClassGroup {
    /// The class, by its label.
    pub class: Link,
    /// Each entity with the number of the plan's passages that name it, most first.
    pub entities: Vec<(Link, usize)>,
}

/// An entity named in several pillars of one plan.
#[derive(Debug, Clone)]
pub struct Connector {
    /// The entity.
    pub entity: Link,
    /// In how many of the plan's pillars it is named.
    pub pillars: usize,
    /// In how many of the plan's passages it is named.
    pub passages: usize,
}

/// The plan-specific part of a plan's page.
#[derive(Debug, Clone, Default)]
pub struct PlanView {
    /// Plans this one follows (`dcterms:replaces`, or a stored comparison).
    pub before: Vec<Link>,
    /// Plans that follow this one.
    pub after: Vec<Link>,
    /// Pillars in order.
    pub toc: Vec<TocPillar>,
    /// Passages not in any pillar (preamble, closing paragraphs).
    pub outside_pillars: usize,
    /// Entities named, by class, largest class first.
    pub classes: Vec<ClassGroup>,
    /// Entities named in two or more pillars, most pillars first (at most 30).
    pub connectors: Vec<Connector>,
    /// What its clauses commit to: levels, goals, areas, means (charts).
    pub profile: Vec<super::profile::Chart>,
}

/// A count the query returned (0 when unbound).
fn count(row: &Row, var: &str) -> usize {
    sparql::row_number(row, var).unwrap_or(0)
}

/// Reads the plan view of `plan` (an IRI already checked to be a plan).
pub fn read(store: &KgStore, plan: &str) -> Result<PlanView, QueryError> {
    let rows = PlanRows::read(store, plan)?;
    let names = rows.names(store)?;
    let sequence = sequence(&rows.neighbours, &names);
    let counts = clause_counts(&rows.clauses);
    Ok(PlanView {
        before: sequence.before,
        after: sequence.after,
        toc: contents(&rows.parts, &counts, &names),
        outside_pillars: counts.get(&(None, None)).copied().unwrap_or(0),
        classes: classes(&rows.named, &names),
        connectors: connectors(&rows.connectors, &names),
        profile: super::profile::charts(store, plan)?,
    })
}

/// The rows a plan's page is read from, one query each.
struct PlanRows {
    /// The plans it follows and that follow it (`?rel`, `?other`).
    neighbours: Vec<Row>,
    /// Its pillars and sections in order (`?part`, `?kind`, `?pillar`).
    parts: Vec<Row>,
    /// Its passages counted by pillar and section (`?pillar`, `?section`, `?n`).
    clauses: Vec<Row>,
    /// The entities it names with their class (`?e`, `?class`, `?n`).
    named: Vec<Row>,
    /// Its cross-pillar connectors (`?e`, `?k` pillars, `?n` passages).
    connectors: Vec<Row>,
}

impl PlanRows {
    /// Runs the queries of the page of `plan`.
    fn read(store: &KgStore, plan: &str) -> Result<PlanRows, QueryError> {
        Ok(PlanRows {
            neighbours: neighbour_rows(store, plan)?,
            parts: part_rows(store, plan)?,
            clauses: clause_count_rows(store, plan)?,
            named: entity_rows(store, plan)?,
            connectors: connector_rows(store, plan)?,
        })
    }

    /// The labels of every plan, part, pillar, entity and class in the rows.
    fn names(&self, store: &KgStore) -> Result<HashMap<String, String>, QueryError> {
        let mut iris: Vec<String> = Vec::new();
        for rows in [&self.neighbours, &self.parts, &self.named, &self.connectors] {
            for row in rows {
                for var in ["other", "part", "pillar", "e", "class"] {
                    iris.extend(row_text(row, var));
                }
            }
        }
        iris.sort_unstable();
        iris.dedup();
        labels(store, &iris.iter().map(String::as_str).collect::<Vec<_>>())
    }
}

/// The plans `plan` follows (`?rel` "before") and that follow it ("after").
fn neighbour_rows(store: &KgStore, plan: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "plan neighbours",
        format!(
            "SELECT DISTINCT ?rel ?other WHERE {{
               {{ {plan} dcterms:replaces|poa:continues ?other BIND(\"before\" AS ?rel) }}
               UNION {{ ?other dcterms:replaces|poa:continues {plan} BIND(\"after\" AS ?rel) }}
               FILTER(isIRI(?other)) }} ORDER BY ?other",
            plan = poakg::sparql::iri(plan)?
        ),
    )
}

/// The pillars and sections of `plan`, in document order.
fn part_rows(store: &KgStore, plan: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "plan contents",
        format!(
            "SELECT ?part ?kind ?pillar ?pos WHERE {{
               ?part dcterms:isPartOf {plan} ; a ?kind ; poa:startOffset ?pos .
               FILTER(?kind IN (poa:Pillar, poa:Section))
               OPTIONAL {{ ?part poa:inPillar ?pillar }} }} ORDER BY ?pos",
            plan = poakg::sparql::iri(plan)?
        ),
    )
}

/// The passages of `plan` counted by pillar and section.
fn clause_count_rows(store: &KgStore, plan: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "plan clause counts",
        format!(
            "SELECT ?pillar ?section (COUNT(?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf {plan} ; poa:text ?t .
               OPTIONAL {{ ?c poa:inPillar ?pillar }} OPTIONAL {{ ?c poa:inSection ?section }} }}
             GROUP BY ?pillar ?section",
            plan = poakg::sparql::iri(plan)?
        ),
    )
}

/// The entities `plan` names, each with its classes and how many passages
/// name it, most named first.
fn entity_rows(store: &KgStore, plan: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "plan entities",
        format!(
            "SELECT ?e ?class (COUNT(DISTINCT ?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf {plan} ; schema:mentions ?e . ?e a ?class }}
             GROUP BY ?e ?class ORDER BY DESC(?n) ?e",
            plan = poakg::sparql::iri(plan)?
        ),
    )
}

/// The 30 entities named in most pillars of `plan` (at least two).
fn connector_rows(store: &KgStore, plan: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "plan connectors",
        format!(
            "SELECT ?e (COUNT(DISTINCT ?pillar) AS ?k) (COUNT(DISTINCT ?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf {plan} ; poa:inPillar ?pillar ; schema:mentions ?e }}
             GROUP BY ?e HAVING (COUNT(DISTINCT ?pillar) > 1) ORDER BY DESC(?k) DESC(?n) ?e LIMIT 30", plan = poakg::sparql::iri(plan)?),
    )
}

/// The plans a plan follows and the plans that follow it.
struct Sequence {
    /// The plans it follows.
    before: Vec<Link>,
    /// The plans that follow it.
    after: Vec<Link>,
}

/// The plans before and after, from [`neighbour_rows`].
fn sequence(rows: &[Row], names: &HashMap<String, String>) -> Sequence {
    let mut sequence = Sequence {
        before: Vec::new(),
        after: Vec::new(),
    };
    for row in rows {
        let Some(other) = row_text(row, "other") else {
            continue;
        };
        match row_text(row, "rel").as_deref() {
            Some("before") => sequence.before.push(Link::to(&other, names)),
            _ => sequence.after.push(Link::to(&other, names)),
        }
    }
    sequence
}

/// Passages by (pillar, section); (none, none) for those outside pillars.
type ClauseCounts = HashMap<(Option<String>, Option<String>), usize>;

/// The passage counts of [`clause_count_rows`], by (pillar, section).
fn clause_counts(rows: &[Row]) -> ClauseCounts {
    let mut counts = ClauseCounts::new();
    for row in rows {
        let key = (row_text(row, "pillar"), row_text(row, "section"));
        *counts.entry(key).or_default() += count(row, "n");
    }
    counts
}

/// The table of contents: each pillar of [`part_rows`] with its clause
/// count, and its sections with theirs.
fn contents(
    parts: &[Row],
    counts: &ClauseCounts,
    names: &HashMap<String, String>,
) -> Vec<TocPillar> {
    let mut toc: Vec<TocPillar> = Vec::new();
    for row in parts {
        let Some(part) = row_text(row, "part") else {
            continue;
        };
        if row_text(row, "kind").is_some_and(|k| k.ends_with("#Pillar")) {
            let clauses = counts
                .iter()
                .filter(|((p, _), _)| p.as_deref() == Some(part.as_str()))
                .map(|(_, n)| n)
                .sum();
            toc.push(TocPillar {
                pillar: Link::to(&part, names),
                iri: part.clone(),
                clauses,
                sections: Vec::new(),
            });
        } else {
            let pillar = row_text(row, "pillar");
            let n = counts
                .iter()
                .filter(|((_, s), _)| s.as_deref() == Some(part.as_str()))
                .map(|(_, n)| n)
                .sum();
            let owner = toc
                .iter_mut()
                .rev()
                .find(|t| pillar.as_deref() == Some(t.iri.as_str()));
            if let Some(owner) = owner {
                owner.sections.push((Link::to(&part, names), n));
            }
        }
    }
    toc
}

/// The entities of [`entity_rows`] grouped by class, largest class first.
fn classes(rows: &[Row], names: &HashMap<String, String>) -> Vec<ClassGroup> {
    let mut classes: Vec<ClassGroup> = Vec::new();
    for row in rows {
        let (Some(e), Some(class)) = (row_text(row, "e"), row_text(row, "class")) else {
            continue;
        };
        let class = Link::to(&class, names);
        let entry = (Link::to(&e, names), count(row, "n"));
        match classes.iter_mut().find(|g| g.class == class) {
            Some(group) => group.entities.push(entry),
            None => classes.push(ClassGroup {
                class,
                entities: vec![entry],
            }),
        }
    }
    classes.sort_by(|a, b| {
        b.entities
            .len()
            .cmp(&a.entities.len())
            .then(a.class.label.cmp(&b.class.label))
    });
    classes
}

/// The connectors of [`connector_rows`], in its order.
fn connectors(rows: &[Row], names: &HashMap<String, String>) -> Vec<Connector> {
    rows.iter()
        .filter_map(|row| {
            Some(Connector {
                entity: Link::to(&row_text(row, "e")?, names),
                pillars: count(row, "k"),
                passages: count(row, "n"),
            })
        })
        .collect()
}
