//! Reading the passage-entity network from the store by SPARQL.

use super::{EntityNode, Network, Passage};
use crate::corpus::meta::kind_code;
use crate::corpus::{PlanId, Span};
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
        plan: None,
        is_activity: text(row, "activity").as_deref() == Some("true"),
    })
}

/// A network read from a store, and every passage with a text.
#[derive(Debug, Clone, Default)]
pub struct NetworkRead {
    /// The passages naming entities, the entities and their links.
    pub net: Network,
    /// Every clause and activity with a text, whether it names an entity
    /// or not.
    pub passages: Vec<Passage>,
}

/// Loads every passage that names an entity, every entity, and the registry links.
pub fn network(store: &KgStore) -> Result<Network, QueryError> {
    Ok(network_and_passages(store, None)?.net)
}

/// The short name of each plan of the store (`US:2021`), by IRI.
pub fn plan_names(store: &KgStore) -> Result<HashMap<String, String>, QueryError> {
    let mut names = HashMap::new();
    for row in select(
        store,
        "plans",
        "SELECT ?plan ?code ?kind ?start ?end WHERE { ?plan a poa:PlanOfAction ; dcterms:title ?t . OPTIONAL { ?plan poa:partner/skos:notation ?code } OPTIONAL { ?plan dcterms:type ?type OPTIONAL { ?type skos:prefLabel ?kind } } OPTIONAL { ?plan poa:startYear ?start } OPTIONAL { ?plan poa:endYear ?end } }",
    )? {
        let Some(plan) = text(&row, "plan") else { continue };
        let year = |var: &str| text(&row, var).and_then(|y| y.get(..4)?.parse::<u16>().ok());
        let span = match (year("start"), year("end")) {
            (Some(a), Some(b)) => Span::Period(crate::corpus::Period::new(a, b)),
            (Some(a), None) => Span::Adopted(a),
            _ => Span::Unknown,
        };
        // the kind's name gives its code; without the scheme in the store,
        // a listed kind's concept IRI ends in its code
        let kind = match (text(&row, "kind"), text(&row, "type")) {
            (Some(name), _) => kind_code(&name),
            (None, Some(concept)) => concept.rsplit('/').next().unwrap_or("poa").to_owned(),
            (None, None) => "poa".to_owned(),
        };
        let short = match text(&row, "code") {
            Some(code) => PlanId::new(&code, &kind, span).short(),
            None => plan.rsplit('/').next().unwrap_or(&plan).to_owned(),
        };
        names.insert(plan, short);
    }
    Ok(names)
}

/// The network, and every clause and programme activity with a text whether
/// or not it names an entity (for the coverage report), read together; with
/// `plan`, the passages of that plan only (and programme activities). With
/// several plans, pillars are named by their plan (`US:2021/1`), so that
/// pillar "1" of two plans is two pillars.
pub fn network_and_passages(
    store: &KgStore,
    plan: Option<&str>,
) -> Result<NetworkRead, QueryError> {
    let mut net = Network::default();
    let plan_names = plan_names(store)?;
    let naming = read_pillars(store, plan, &plan_names, &mut net)?;
    let entity_index = read_entities(store, &mut net)?;
    let passages = read_passages(store, plan, &naming, &mut net)?;
    read_mentions(store, &passages.index, &entity_index, &mut net)?;
    drop_unmentioning(&mut net);
    read_hierarchy(store, &entity_index, &mut net)?;
    Ok(NetworkRead {
        net,
        passages: passages.listed,
    })
}

/// How pillars (and sections and clauses) are named: by their notation,
/// qualified by their plan's short name when several plans have pillars.
struct PillarNaming<'a> {
    /// Plan IRI -> short name (`US:2021`).
    plan_names: &'a HashMap<String, String>,
    /// Whether several plans have pillars.
    several: bool,
}

impl PillarNaming<'_> {
    /// The key of `notation` in the plan `plan_iri`.
    fn key(&self, plan_iri: Option<&str>, notation: String) -> String {
        match plan_iri.and_then(|p| self.plan_names.get(p)) {
            Some(short) if self.several => format!("{short}/{notation}"),
            _ => notation,
        }
    }
}

/// Reads the pillars (of `plan` only, if given) into the network's pillar
/// titles, and how they are named.
fn read_pillars<'a>(
    store: &KgStore,
    plan: Option<&str>,
    plan_names: &'a HashMap<String, String>,
    net: &mut Network,
) -> Result<PillarNaming<'a>, QueryError> {
    let pillar_rows: Vec<Row> = select(
        store,
        "pillars",
        "SELECT DISTINCT ?n ?t ?plan WHERE { ?p a poa:Pillar ; skos:notation ?n ; skos:prefLabel ?t . OPTIONAL { ?p dcterms:isPartOf ?plan } }",
    )?
    .into_iter()
    .filter(|row| plan.is_none() || text(row, "plan").as_deref() == plan)
    .collect();
    let plans_with_pillars: std::collections::BTreeSet<String> =
        pillar_rows.iter().filter_map(|r| text(r, "plan")).collect();
    let naming = PillarNaming {
        plan_names,
        several: plans_with_pillars.len() > 1,
    };
    for row in &pillar_rows {
        if let (Some(n), Some(t)) = (text(row, "n"), text(row, "t")) {
            net.pillar_titles
                .entry(naming.key(text(row, "plan").as_deref(), n))
                .or_insert(t);
        }
    }
    Ok(naming)
}

/// Reads every entity of the entity classes into the network, in IRI
/// order; returns the index of each by IRI.
fn read_entities(store: &KgStore, net: &mut Network) -> Result<HashMap<String, usize>, QueryError> {
    let classes = EntityClass::ALL
        .iter()
        .map(|c| format!("poa:{}", c.name()))
        .collect::<Vec<_>>()
        .join(" ");
    let mut entity_rows = select(
        store,
        "entities",
        // VALUES joins on the store's term ids; a FILTER IN decoded every
        // class IRI to compare it (40% of a report's start, callgrind).
        format!("SELECT ?e ?label ?class ?alt WHERE {{ VALUES ?class {{ {classes} }} ?e a ?class ; skos:prefLabel ?label . OPTIONAL {{ ?e skos:altLabel ?alt }} }}"),
    )?;
    // Sorted here, not by ORDER BY: Oxigraph decodes both terms' strings
    // from the store at every comparison of a sort.
    entity_rows.sort_by_cached_key(|row| text(row, "e"));
    let mut entity_index: HashMap<String, usize> = HashMap::new();
    for row in &entity_rows {
        let (Some(iri), Some(label), Some(class)) =
            (text(row, "e"), text(row, "label"), text(row, "class"))
        else {
            continue;
        };
        // the query asks for the entity classes only
        let Some(class) = crate::entities::EntityClass::parse(&class) else {
            continue;
        };
        let i = *entity_index.entry(iri.clone()).or_insert_with(|| {
            net.entities.push(EntityNode {
                iri,
                label,
                class,
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
    Ok(entity_index)
}

/// The passages read: the listed ones apart, and where each is in the network.
struct PassagesRead {
    /// Every clause and activity with a text.
    listed: Vec<Passage>,
    /// Passage IRI -> index into the network's passages.
    index: HashMap<String, usize>,
}

/// Reads the passages (of `plan` only, if given, and programme activities)
/// into the network, in document order.
fn read_passages(
    store: &KgStore,
    plan: Option<&str>,
    naming: &PillarNaming,
    net: &mut Network,
) -> Result<PassagesRead, QueryError> {
    // Passages and their mentions are read apart: one row per mention with
    // the passage's text in it decoded every text once per entity named.
    let passage_rows = select(
        store,
        "passages",
        "SELECT ?p ?key ?pos ?pillar ?section ?text ?doc ?activity ?listed WHERE {
           ?p skos:notation ?key .
           OPTIONAL { ?p poa:position ?pos }
           OPTIONAL { ?p poa:inPillar/skos:notation ?pillar }
           OPTIONAL { ?p poa:inSection/skos:notation ?section }
           OPTIONAL { ?p poa:text ?text }
           OPTIONAL { ?p dcterms:isPartOf ?doc }
           BIND(EXISTS { ?p a poa:Activity } AS ?activity)
           BIND((?activity || EXISTS { ?p a poa:Clause }) AS ?listed)
           FILTER(?listed || EXISTS { ?p schema:mentions ?any })
         }",
    )?;
    let several = naming.several;
    let mut passages: Vec<(Passage, bool)> = passage_rows
        .iter()
        .filter_map(|row| {
            let mut p = passage(row)?;
            if plan.is_some_and(|plan| p.document != plan) && !p.is_activity {
                return None;
            }
            if several {
                p.plan = naming.plan_names.get(&p.document).cloned();
            }
            p.pillar = p.pillar.map(|n| naming.key(Some(&p.document), n));
            p.section = p.section.map(|n| naming.key(Some(&p.document), n));
            if several && !p.is_activity {
                p.key = naming.key(Some(&p.document), p.key);
            }
            Some((p, text(row, "listed").as_deref() == Some("true")))
        })
        .collect();
    passages.sort_by(|(a, _), (b, _)| passage_order(a, b));
    let mut read = PassagesRead {
        listed: Vec::new(),
        index: HashMap::new(),
    };
    for (found, is_listed) in passages {
        if read.index.contains_key(&found.iri) {
            continue;
        }
        if is_listed && !found.text.is_empty() {
            read.listed.push(found.clone());
        }
        read.index.insert(found.iri.clone(), net.passages.len());
        net.passages.push(found);
    }
    Ok(read)
}

/// Reads the mentions of entities by passages into the network.
fn read_mentions(
    store: &KgStore,
    passage_index: &HashMap<String, usize>,
    entity_index: &HashMap<String, usize>,
    net: &mut Network,
) -> Result<(), QueryError> {
    for row in select(
        store,
        "mentions",
        "SELECT ?p ?e WHERE { ?p schema:mentions ?e }",
    )? {
        if let (Some(pi), Some(ei)) = (
            text(&row, "p").and_then(|p| passage_index.get(&p).copied()),
            text(&row, "e").and_then(|e| entity_index.get(&e).copied()),
        ) {
            net.mentions.insert(super::Naming {
                passage: pi,
                entity: ei,
            });
        }
    }
    Ok(())
}

/// Reads the links between entities (sub-organisation, owner) into the
/// network's hierarchy, sorted.
fn read_hierarchy(
    store: &KgStore,
    entity_index: &HashMap<String, usize>,
    net: &mut Network,
) -> Result<(), QueryError> {
    for row in select(
        store,
        "hierarchy",
        "SELECT ?a ?b WHERE { { ?a org:subOrganizationOf ?b } UNION { ?a poa:owner ?b } }",
    )? {
        if let (Some(a), Some(b)) = (
            text(&row, "a").and_then(|a| entity_index.get(&a).copied()),
            text(&row, "b").and_then(|b| entity_index.get(&b).copied()),
        ) {
            net.hierarchy.push(super::RegistryLink {
                child: a,
                parent: b,
            });
        }
    }
    net.hierarchy.sort_unstable();
    net.hierarchy.dedup();
    Ok(())
}

/// Drops the passages whose mentions all point outside the entity classes
/// (a user's own data may use schema:mentions for anything), renumbering.
fn drop_unmentioning(net: &mut Network) {
    let mut used = vec![false; net.passages.len()];
    for m in &net.mentions {
        used[m.passage] = true;
    }
    if used.iter().all(|&u| u) {
        return;
    }
    let mut renumber = vec![usize::MAX; used.len()];
    let mut kept = Vec::new();
    for (i, passage) in std::mem::take(&mut net.passages).into_iter().enumerate() {
        if used[i] {
            renumber[i] = kept.len();
            kept.push(passage);
        }
    }
    net.passages = kept;
    net.mentions = std::mem::take(&mut net.mentions)
        .into_iter()
        .map(|m| super::Naming {
            passage: renumber[m.passage],
            ..m
        })
        .collect();
}

/// Document order: by document, then position in it, then IRI. (Sorted
/// here, not by ORDER BY, for the reason given for the entities.)
fn passage_order(a: &Passage, b: &Passage) -> std::cmp::Ordering {
    (&a.document, a.position, &a.iri).cmp(&(&b.document, b.position, &b.iri))
}
