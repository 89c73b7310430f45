//! Reading the passage-entity network from the store by SPARQL.

use super::{EntityNode, Network, Passage};
use crate::entities::EntityClass;
use crate::sparql::QueryError;
use crate::store::KgStore;
use std::collections::HashMap;

use crate::sparql::{row_text as text, select, Row};

/// A passage from a row of `?p ?key ?pos ?pillar ?section ?text ?doc ?activity`.
fn passage(row: &Row) -> Option<Passage> {
    Some(Passage {
        iri: text(row, "p")?,
        key: text(row, "key").unwrap_or_default(),
        pillar: text(row, "pillar"),
        section: text(row, "section"),
        position: text(row, "pos").and_then(|s| s.parse().ok()).unwrap_or(0),
        text: text(row, "text").unwrap_or_default(),
        document: text(row, "doc").unwrap_or_default(),
        is_activity: text(row, "activity").as_deref() == Some("true"),
    })
}

/// Loads every passage that names an entity, every entity, and the registry links.
pub fn network(store: &KgStore) -> Result<Network, QueryError> {
    let classes = EntityClass::ALL
        .iter()
        .map(|c| format!("poa:{}", c.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut net = Network::default();
    for row in select(
        store,
        "pillars",
        "SELECT DISTINCT ?n ?t WHERE { ?p a poa:Pillar ; skos:notation ?n ; skos:prefLabel ?t }",
    )? {
        if let (Some(n), Some(t)) = (text(&row, "n"), text(&row, "t")) {
            net.pillar_titles.entry(n).or_insert(t);
        }
    }
    let entity_rows = select(
        store,
        "entities",
        &format!("SELECT ?e ?label ?class ?alt WHERE {{ ?e a ?class ; skos:prefLabel ?label . FILTER(?class IN ({classes})) OPTIONAL {{ ?e skos:altLabel ?alt }} }} ORDER BY ?e"),
    )?;
    let mut entity_index: HashMap<String, usize> = HashMap::new();
    for row in &entity_rows {
        let (Some(iri), Some(label), Some(class)) =
            (text(row, "e"), text(row, "label"), text(row, "class"))
        else {
            continue;
        };
        let i = *entity_index.entry(iri.clone()).or_insert_with(|| {
            net.entities.push(EntityNode {
                iri,
                label,
                class: class.rsplit('#').next().unwrap_or(&class).to_owned(),
                alt_labels: Vec::new(),
            });
            net.entities.len() - 1
        });
        if let Some(alt) = text(row, "alt") {
            if !net.entities[i].alt_labels.contains(&alt) {
                net.entities[i].alt_labels.push(alt);
            }
        }
    }
    let passage_rows = select(
        store,
        "passages",
        "SELECT ?p ?e ?key ?pos ?pillar ?section ?text ?doc ?activity WHERE {
           ?p schema:mentions ?e ; skos:notation ?key .
           OPTIONAL { ?p poa:position ?pos }
           OPTIONAL { ?p poa:inPillar/skos:notation ?pillar }
           OPTIONAL { ?p poa:inSection/skos:notation ?section }
           OPTIONAL { ?p poa:text ?text }
           OPTIONAL { ?p dcterms:isPartOf ?doc }
           BIND(EXISTS { ?p a poa:Activity } AS ?activity)
         } ORDER BY ?doc ?pos ?p",
    )?;
    let mut passage_index: HashMap<String, usize> = HashMap::new();
    for row in &passage_rows {
        let (Some(p), Some(e)) = (text(row, "p"), text(row, "e")) else {
            continue;
        };
        let Some(&ei) = entity_index.get(&e) else {
            continue;
        };
        let pi = match passage_index.get(&p) {
            Some(&pi) => pi,
            None => {
                let Some(found) = passage(row) else { continue };
                net.passages.push(found);
                passage_index.insert(p, net.passages.len() - 1);
                net.passages.len() - 1
            }
        };
        net.mentions.insert((pi, ei));
    }
    for row in select(
        store,
        "hierarchy",
        "SELECT ?a ?b WHERE { { ?a org:subOrganizationOf ?b } UNION { ?a poa:owner ?b } }",
    )? {
        if let (Some(a), Some(b)) = (
            text(&row, "a").and_then(|a| entity_index.get(&a).copied()),
            text(&row, "b").and_then(|b| entity_index.get(&b).copied()),
        ) {
            net.hierarchy.push((a, b));
        }
    }
    net.hierarchy.sort_unstable();
    net.hierarchy.dedup();
    Ok(net)
}

/// Every clause and programme activity with its text, whether or not it names
/// an entity (for the coverage report).
pub fn all_passages(store: &KgStore) -> Result<Vec<Passage>, QueryError> {
    let rows = select(
        store,
        "passages",
        "SELECT ?p ?key ?pos ?pillar ?section ?text ?doc ?activity WHERE {
           { ?p a poa:Clause } UNION { ?p a poa:Activity }
           ?p skos:notation ?key ; poa:text ?text .
           OPTIONAL { ?p poa:position ?pos }
           OPTIONAL { ?p poa:inPillar/skos:notation ?pillar }
           OPTIONAL { ?p poa:inSection/skos:notation ?section }
           OPTIONAL { ?p dcterms:isPartOf ?doc }
           BIND(EXISTS { ?p a poa:Activity } AS ?activity)
         } ORDER BY ?doc ?pos ?p",
    )?;
    Ok(rows.iter().filter_map(passage).collect())
}
