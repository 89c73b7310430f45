//! Links out (issue 23 §6): registry entities with a verified Wikidata item,
//! ASEAN and its member states get `skos:exactMatch` their item; every item
//! has its citation in ontology/wikidata-sources.tsv; the dataset
//! description counts the links in one `void:Linkset` per link property.

use crate::common::{repo_file, Env, TestResult};
use std::collections::BTreeMap;

/// id -> QID of a TSV with '#' comments and a header.
fn column(
    path: &str,
    id: usize,
    qid: usize,
) -> Result<BTreeMap<String, String>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(repo_file(path))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let q = cells.get(qid)?.trim();
            (!q.is_empty()).then(|| (cells[id].to_owned(), q.to_owned()))
        })
        .collect())
}

#[test]
fn every_wikidata_item_has_its_citation() -> TestResult {
    let registry = column("ontology/registry.tsv", 0, 7)?;
    let sources = column("ontology/wikidata-sources.tsv", 0, 1)?;
    assert!(registry.len() >= 150, "{} linked rows", registry.len());
    for (id, q) in &registry {
        assert_eq!(sources.get(id), Some(q), "{id}: {q} has no citation");
    }
    let members = std::fs::read_to_string(repo_file("ontology/members.ttl"))?;
    for code in [
        "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL",
    ] {
        let q = sources.get(&format!("member:{code}")).ok_or(code)?;
        let block = members
            .split("\n\n")
            .find(|b| b.contains(&format!("skos:notation \"{code}\"")))
            .ok_or(code)?;
        assert!(block.contains(&format!("wd:{q} .")), "{code}: {q}");
    }
    // a source row is not a citation of nothing: it names a commit-pinned file
    for line in std::fs::read_to_string(repo_file("ontology/wikidata-sources.tsv"))?
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
    {
        assert!(
            line.split('\t')
                .nth(3)
                .is_some_and(|s| s.starts_with("https://")),
            "{line}"
        );
    }
    Ok(())
}

#[test]
fn linked_entities_and_the_linksets_count_the_same() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let tsv = |q: &str| env.run(&["query", "-f", "tsv", "--query", q]).ok();
    // the 14 registry entities of the seeds with an item (counted from the
    // registry against the seed's entities), 11 member states and ASEAN
    let linked = tsv("SELECT (COUNT(*) AS ?n) WHERE { ?e skos:exactMatch ?w FILTER STRSTARTS(STR(?w), \"http://www.wikidata.org/entity/Q\") }");
    assert_eq!(linked.lines().nth(1), Some("26"), "{linked}");
    let members = tsv("SELECT ?w WHERE { ?m a poa:MemberState ; skos:notation \"TH\" ; skos:exactMatch ?w ; org:memberOf ?asean . ?asean skos:exactMatch ?a }");
    assert!(
        members.contains("<http://www.wikidata.org/entity/Q869>"),
        "{members}"
    );
    let sets = tsv("PREFIX void: <http://rdfs.org/ns/void#> SELECT ?p ?n WHERE { GRAPH ?g { ?s a void:Linkset ; void:linkPredicate ?p ; void:triples ?n ; void:objectsTarget ?t . ?t void:uriSpace \"http://www.wikidata.org/entity/\" } } ORDER BY ?p");
    assert_eq!(
        sets.lines().skip(1).collect::<Vec<_>>(),
        [
            "<http://www.w3.org/2002/07/owl#sameAs>\t1",
            "<http://www.w3.org/2004/02/skos/core#exactMatch>\t26"
        ],
        "{sets}"
    );
    Ok(())
}

#[test]
fn a_malformed_item_is_a_one_line_error() {
    let env = Env::new();
    let registry = env.file(
        "mine.tsv",
        "id\tclass\tlabel\talt_labels\tpart_of\towner\tpartner\twikidata\nfreedonia-fund\tProgramme\tFreedonia Fund\t\t\t\t\tQ12x\n",
    );
    env.run(&["build", "--registry", registry.to_str().unwrap_or_default()])
        .user_error("mine.tsv");
}
