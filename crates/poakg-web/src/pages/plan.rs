//! What a plan's page shows beyond its statements: the plan it follows and
//! the plan that follows it, its table of contents (pillars and sections
//! with clause counts), the entities it names by class, and its cross-pillar
//! connectors (entities named in more than one of its pillars).

use super::links::{labels, Link};
use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;

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
}

/// A count the query returned (0 when unbound).
fn count(row: &sparql::Row, var: &str) -> usize {
    sparql::row_number(row, var).unwrap_or(0)
}

/// Reads the plan view of `plan` (an IRI already checked to be a plan).
pub fn read(store: &KgStore, plan: &str) -> Result<PlanView, QueryError> {
    let mut iris: Vec<String> = Vec::new();
    let neighbours = sparql::select(
        store,
        "plan neighbours",
        format!(
            "SELECT DISTINCT ?rel ?other WHERE {{
               {{ <{plan}> dcterms:replaces|poa:continues ?other BIND(\"before\" AS ?rel) }}
               UNION {{ ?other dcterms:replaces|poa:continues <{plan}> BIND(\"after\" AS ?rel) }}
               FILTER(isIRI(?other)) }} ORDER BY ?other"
        ),
    )?;
    let parts = sparql::select(
        store,
        "plan contents",
        format!(
            "SELECT ?part ?kind ?pillar ?pos WHERE {{
               ?part dcterms:isPartOf <{plan}> ; a ?kind ; poa:startOffset ?pos .
               FILTER(?kind IN (poa:Pillar, poa:Section))
               OPTIONAL {{ ?part poa:inPillar ?pillar }} }} ORDER BY ?pos"
        ),
    )?;
    let clauses = sparql::select(
        store,
        "plan clause counts",
        format!(
            "SELECT ?pillar ?section (COUNT(?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf <{plan}> ; poa:text ?t .
               OPTIONAL {{ ?c poa:inPillar ?pillar }} OPTIONAL {{ ?c poa:inSection ?section }} }}
             GROUP BY ?pillar ?section"
        ),
    )?;
    let named = sparql::select(
        store,
        "plan entities",
        format!(
            "SELECT ?e ?class (COUNT(DISTINCT ?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf <{plan}> ; schema:mentions ?e . ?e a ?class }}
             GROUP BY ?e ?class ORDER BY DESC(?n) ?e"
        ),
    )?;
    let connectors = sparql::select(
        store,
        "plan connectors",
        format!(
            "SELECT ?e (COUNT(DISTINCT ?pillar) AS ?k) (COUNT(DISTINCT ?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf <{plan}> ; poa:inPillar ?pillar ; schema:mentions ?e }}
             GROUP BY ?e HAVING (COUNT(DISTINCT ?pillar) > 1) ORDER BY DESC(?k) DESC(?n) ?e LIMIT 30"
        ),
    )?;
    for rows in [&neighbours, &parts, &named, &connectors] {
        for row in rows {
            for var in ["other", "part", "pillar", "e", "class"] {
                iris.extend(row_text(row, var));
            }
        }
    }
    iris.sort_unstable();
    iris.dedup();
    let names = labels(store, &iris.iter().map(String::as_str).collect::<Vec<_>>())?;
    let link = |iri: &str| Link::to(iri, &names);

    let mut view = PlanView::default();
    for row in &neighbours {
        let Some(other) = row_text(row, "other") else {
            continue;
        };
        match row_text(row, "rel").as_deref() {
            Some("before") => view.before.push(link(&other)),
            _ => view.after.push(link(&other)),
        }
    }
    let mut counts: std::collections::HashMap<(Option<String>, Option<String>), usize> =
        std::collections::HashMap::new();
    for row in &clauses {
        let key = (row_text(row, "pillar"), row_text(row, "section"));
        *counts.entry(key).or_default() += count(row, "n");
    }
    view.outside_pillars = counts.get(&(None, None)).copied().unwrap_or(0);
    for row in &parts {
        let Some(part) = row_text(row, "part") else {
            continue;
        };
        if row_text(row, "kind").is_some_and(|k| k.ends_with("#Pillar")) {
            let clauses = counts
                .iter()
                .filter(|((p, _), _)| p.as_deref() == Some(part.as_str()))
                .map(|(_, n)| n)
                .sum();
            view.toc.push(TocPillar {
                pillar: link(&part),
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
            let owner = view
                .toc
                .iter_mut()
                .rev()
                .find(|t| pillar.as_deref() == Some(t.iri.as_str()));
            if let Some(owner) = owner {
                owner.sections.push((link(&part), n));
            }
        }
    }
    for row in &named {
        let (Some(e), Some(class)) = (row_text(row, "e"), row_text(row, "class")) else {
            continue;
        };
        let class = link(&class);
        let entry = (link(&e), count(row, "n"));
        match view.classes.iter_mut().find(|g| g.class == class) {
            Some(group) => group.entities.push(entry),
            None => view.classes.push(ClassGroup {
                class,
                entities: vec![entry],
            }),
        }
    }
    view.classes.sort_by(|a, b| {
        b.entities
            .len()
            .cmp(&a.entities.len())
            .then(a.class.label.cmp(&b.class.label))
    });
    view.connectors = connectors
        .iter()
        .filter_map(|row| {
            Some(Connector {
                entity: link(&row_text(row, "e")?),
                pillars: count(row, "k"),
                passages: count(row, "n"),
            })
        })
        .collect();
    Ok(view)
}
