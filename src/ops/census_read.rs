//! The census a build left in the dataset description, read back so that
//! the next build that adds to the store can bring it up to date from what
//! it wrote (see `census::updated`).

use super::census::Census;
use super::Error;
use crate::sparql::{self, row_text};
use crate::store::KgStore;
use std::collections::BTreeMap;

/// The census the description in graph `graph` states; None when it states
/// no per-graph digests (a store built by an earlier version, or written by
/// SPARQL UPDATE since): then the counts cannot be trusted to follow from
/// the last build and are counted anew.
pub fn previous(store: &KgStore, graph: &str) -> Result<Option<Census>, Error> {
    let rows = |origin: &str, pattern: &str| {
        sparql::select(
            store,
            origin,
            format!(
                "PREFIX void: <http://rdfs.org/ns/void#>
                 PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
                 SELECT * WHERE {{ GRAPH <{graph}> {{ {pattern} }} }}"
            ),
        )
    };
    let pairs = |origin: &str, pattern: &str| -> Result<BTreeMap<String, String>, Error> {
        Ok(rows(origin, pattern)?
            .iter()
            .filter_map(|r| Some((row_text(r, "k")?, row_text(r, "v")?)))
            .collect())
    };
    let digests = pairs(
        "previous digests",
        "?n a sd:NamedGraph ; sd:name ?k ; poa:canonicalSha256 ?v",
    )?;
    if digests.is_empty() {
        return Ok(None);
    }
    let totals = rows(
        "previous totals",
        "?d a void:Dataset ; poa:graphDigest ?n ; void:triples ?triples ; void:entities ?entities",
    )?;
    let Some(totals) = totals.first() else {
        return Ok(None);
    };
    let number = |text: Option<String>| text.and_then(|t| t.parse::<usize>().ok());
    let counts = |map: BTreeMap<String, String>| -> BTreeMap<String, usize> {
        map.into_iter()
            .filter_map(|(k, v)| Some((k, number(Some(v))?)))
            .collect()
    };
    let (Some(triples), Some(entities)) = (
        number(row_text(totals, "triples")),
        number(row_text(totals, "entities")),
    ) else {
        return Ok(None);
    };
    Ok(Some(Census {
        triples,
        entities,
        classes: counts(pairs(
            "previous classes",
            "?d void:classPartition ?p . ?p void:class ?k ; void:entities ?v",
        )?),
        properties: counts(pairs(
            "previous properties",
            "?d void:propertyPartition ?p . ?p void:property ?k ; void:triples ?v",
        )?),
        links: counts(pairs(
            "previous links",
            "?s a void:Linkset ; void:linkPredicate ?k ; void:triples ?v",
        )?),
        digests,
    }))
}
