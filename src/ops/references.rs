//! The references graph (`https://w3id.org/poakg/id/graph/references`),
//! rewritten by every build: the plans that plans name or replace but that
//! are not in the store get a name and a class there, so that they are
//! entities like any other; when such a plan is built, its own graph names
//! it and it leaves this one.

use super::Error;
use crate::sparql;
use crate::store::Writer;
use crate::vocab::{
    self,
    ext::{SKOS_ALT_LABEL, SKOS_PREF_LABEL},
    poa,
};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{NamedNode, Quad};

/// Recomputes the references graph of a store being written.
pub fn store_references(writer: &Writer) -> Result<usize, Error> {
    let store = writer.store();
    let rows = sparql::select(
        store,
        "references",
        format!(
            // from the few labelled IRIs to their citers, not from every
            // mention to its body: the other way round took 602 s of a
            // 1,000-plan build (the union joined millions of mentions)
            "SELECT ?plan (MIN(?label) AS ?name) (GROUP_CONCAT(DISTINCT ?label; SEPARATOR=\"\\u001f\") AS ?names) WHERE {{
               ?plan rdfs:label ?label .
               FILTER(STRSTARTS(STR(?plan), \"{id}\") && !STRSTARTS(STR(?plan), \"{id}entity/\"))
               FILTER EXISTS {{ {{ ?x dcterms:replaces ?plan }} UNION {{ ?m oa:hasBody ?plan ; a poa:Mention }} }}
               FILTER NOT EXISTS {{ ?plan dcterms:title ?title }}
             }} GROUP BY ?plan",
            id = store.base().data_namespace()
        ),
    )?;
    let graph = NamedNode::new_unchecked(vocab::REFERENCES_GRAPH);
    let mut quads = Vec::new();
    for row in &rows {
        let (Some(plan), Some(name)) =
            (sparql::row_text(row, "plan"), sparql::row_text(row, "name"))
        else {
            continue;
        };
        let plan = NamedNode::new_unchecked(plan);
        // an instrument its citers name; a plan of the store only once built
        quads.push(Quad::new(
            plan.clone(),
            rdf::TYPE,
            poa::INSTRUMENT,
            graph.clone(),
        ));
        for other in sparql::row_text(row, "names")
            .unwrap_or_default()
            .split('\u{1f}')
        {
            if !other.is_empty() && other != name {
                quads.push(Quad::new(
                    plan.clone(),
                    SKOS_ALT_LABEL,
                    vocab::english(other),
                    graph.clone(),
                ));
            }
        }
        quads.push(Quad::new(
            plan,
            SKOS_PREF_LABEL,
            vocab::english(&name),
            graph.clone(),
        ));
    }
    store.replace_graphs(&[(&graph, &quads)], false)?;
    Ok(rows.len())
}
