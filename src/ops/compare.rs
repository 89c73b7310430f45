//! Comparing plans: any two on request (`poakg compare A B`), and after
//! every build each plan with the one it follows, stored in the comparisons
//! graph (`https://w3id.org/poakg/id/graph/comparisons`) for SPARQL.

use super::{Error, PlanInfo};
use crate::compare::{self, Comparison};
use crate::store::{KgStore, Writer};
use crate::vocab;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::HashMap;

/// Aligns plan `later` with plan `earlier`.
pub fn compare(store: &KgStore, earlier: &PlanInfo, later: &PlanInfo) -> Result<Comparison, Error> {
    if earlier.iri == later.iri {
        return Err(Error::SamePlan(format!(
            "{} ({})",
            earlier.label(),
            earlier.slug
        )));
    }
    Ok(Comparison::new(
        &earlier.iri,
        &later.iri,
        compare::clauses(store, &earlier.iri)?,
        compare::clauses(store, &later.iri)?,
    ))
}

/// A plan and the plan it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanPair<'a> {
    /// The plan followed.
    pub earlier: &'a PlanInfo,
    /// The plan that follows it.
    pub later: &'a PlanInfo,
}

/// Each plan with the plan it follows: the plan its text says it replaces
/// when that plan is in the store, else the previous plan of the same
/// partner and kind by period (one that ends before it starts, or failing
/// that the latest that starts before it).
pub fn consecutive(plans: &[PlanInfo]) -> Vec<PlanPair<'_>> {
    let mut out = Vec::new();
    for later in plans {
        let named = later
            .replaces
            .as_deref()
            .and_then(|iri| plans.iter().find(|p| p.iri == iri));
        let by_period = || {
            let start = later.period?.first;
            plans
                .iter()
                .filter(|p| {
                    p.iri != later.iri
                        && p.partner_code.is_some()
                        && p.partner_code == later.partner_code
                        && p.kind == later.kind
                        && p.period.is_some_and(|p| p.first < start)
                })
                .max_by_key(|p| (p.period.map(|p| p.last <= start), p.period))
        };
        if let Some(earlier) = named.or_else(by_period) {
            out.push(PlanPair { earlier, later });
        }
    }
    out
}

/// Plan pairs compared at a time: their quads are written together, so
/// that memory holds a batch, not the corpus's comparisons.
const BATCH: usize = 64;

/// Recomputes the comparisons graph of a store being written; returns the
/// number of plan pairs compared. The pairs of a batch are aligned on all
/// cores; batches are written one after another by the bulk loader (the
/// store is a generation not yet published, so the graph is seen whole or
/// not at all). A build that adds to a store aligns again only the pairs
/// with a plan it wrote; the others keep the alignment they had.
pub fn store_comparisons(writer: &Writer) -> Result<usize, Error> {
    let store = writer.store();
    let graph = NamedNode::new_unchecked(vocab::COMPARISONS_GRAPH);
    if let Some(changed) = store.changed_graphs() {
        let kept = kept_alignments(store, &store.base().node(graph.as_str()))?;
        if !kept.alignments.is_empty() {
            return update_comparisons(store, &graph, kept, &changed);
        }
    }
    store.replace_graphs(&[(&graph, &[])], false)?;
    // the plans a text names as predecessors, not what an earlier build
    // inferred
    let all = super::plans::plans_as_stated(store)?;
    let pairs = consecutive(&all);
    align(store, &pairs, &graph)?;
    Ok(pairs.len())
}

/// [`store_comparisons`] for a build that adds to a store: the pairs with a
/// plan the build wrote are aligned again, the pairs that are gone removed,
/// the others left as they are; only the difference is written.
fn update_comparisons(
    store: &KgStore,
    graph: &NamedNode,
    mut kept: Kept,
    changed: &std::collections::BTreeSet<String>,
) -> Result<usize, Error> {
    let all = super::plans::plans_as_stated(store)?;
    let pairs = consecutive(&all);
    let namespace = store.base().data_namespace().to_owned();
    let written = |p: &PlanInfo| changed.contains(&format!("{namespace}graph/{}", p.slug));
    let mut fresh: Vec<PlanPair<'_>> = Vec::new();
    let mut inferred = std::collections::HashSet::new();
    for pair in &pairs {
        let (earlier, later) = (pair.earlier, pair.later);
        inferred.extend(inferred_predecessor(earlier, later, graph).map(|q| store.base().quad(q)));
        let key = (earlier.iri.clone(), later.iri.clone());
        if written(earlier) || written(later) || kept.alignments.remove(&key).is_none() {
            fresh.push(*pair);
        }
    }
    // what is left of the kept alignments belongs to pairs realigned or gone
    let mut remove: Vec<Quad> = kept.alignments.into_values().flatten().collect();
    remove.extend(kept.replaces.difference(&inferred).cloned());
    let mut add: Vec<Quad> = inferred.difference(&kept.replaces).cloned().collect();
    add.extend(alignment_quads(store, &fresh, graph)?);
    store.edit_graph(graph, remove, add)?;
    Ok(pairs.len())
}

/// The `dcterms:replaces` a build infers for `later`, when its text names
/// no predecessor.
fn inferred_predecessor(earlier: &PlanInfo, later: &PlanInfo, graph: &NamedNode) -> Option<Quad> {
    later.replaces.is_none().then(|| {
        Quad::new(
            NamedNode::new_unchecked(&later.iri),
            vocab::ext::DCT_REPLACES.into_owned(),
            NamedNode::new_unchecked(&earlier.iri),
            graph.clone(),
        )
    })
}

/// What the comparisons graph holds before a build that adds to a store.
struct Kept {
    /// The alignment quads, by (earlier, later) plan IRI: each comparison's
    /// own nodes, and the `poa:continues` links between the two plans'
    /// clauses (clause IRIs sit under their plan's).
    alignments: HashMap<(String, String), Vec<Quad>>,
    /// The predecessors an earlier build inferred (`dcterms:replaces`).
    replaces: std::collections::HashSet<Quad>,
}

/// Reads [`Kept`] from `graph` (an IRI under the store's base).
fn kept_alignments(store: &KgStore, graph: &NamedNode) -> Result<Kept, Error> {
    let quads: Vec<Quad> = match store.graph_quads(Some(graph))? {
        Some(all) => all
            .collect::<Result<_, _>>()
            .map_err(crate::store::StoreError::from)?,
        None => Vec::new(),
    };
    // each comparison's plans, from its poa:earlier and poa:later
    let mut pairs: HashMap<&str, (String, String)> = HashMap::new();
    for quad in &quads {
        let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(plan)) = (&quad.subject, &quad.object)
        else {
            continue;
        };
        if comparison_of(s.as_str()) != Some(s.as_str()) {
            continue;
        }
        let entry = pairs.entry(s.as_str()).or_default();
        if quad.predicate.as_ref() == vocab::poa::EARLIER {
            entry.0 = plan.as_str().to_owned();
        } else if quad.predicate.as_ref() == vocab::poa::LATER {
            entry.1 = plan.as_str().to_owned();
        }
    }
    let mut kept = Kept {
        alignments: HashMap::new(),
        replaces: std::collections::HashSet::new(),
    };
    for quad in &quads {
        let (NamedOrBlankNode::NamedNode(s), object) = (&quad.subject, &quad.object) else {
            continue;
        };
        let key = match object {
            _ if quad.predicate.as_ref() == vocab::ext::DCT_REPLACES => {
                kept.replaces.insert(quad.clone());
                continue;
            }
            Term::NamedNode(a) if quad.predicate.as_ref() == vocab::poa::CONTINUES => {
                (plan_of_clause(a.as_str()), plan_of_clause(s.as_str()))
            }
            _ => match comparison_of(s.as_str()).and_then(|c| pairs.get(c)) {
                Some(pair) => pair.clone(),
                None => continue,
            },
        };
        kept.alignments.entry(key).or_default().push(quad.clone());
    }
    Ok(kept)
}

/// The comparison a node of the comparisons graph belongs to: itself
/// (`{id}comparison/{a}--{b}`) or its parent (a change, `…--{b}/3`).
fn comparison_of(iri: &str) -> Option<&str> {
    let (parent, last) = iri.rsplit_once('/')?;
    if last.contains("--") {
        return Some(iri);
    }
    let (_, above) = parent.rsplit_once('/')?;
    above.contains("--").then_some(parent)
}

/// The plan IRI of a clause IRI (`{plan}/clause/2.1`).
fn plan_of_clause(clause: &str) -> String {
    clause
        .split_once("/clause/")
        .map_or(clause, |(plan, _)| plan)
        .to_owned()
}

/// Aligns `pairs` and adds their quads to `graph`, a batch at a time.
fn align(store: &KgStore, pairs: &[PlanPair<'_>], graph: &NamedNode) -> Result<(), Error> {
    align_batches(store, pairs, graph, true, &mut |quads| {
        Ok(store.bulk_add(quads)?)
    })
}

/// The quads of aligning `pairs`, without the predecessors inferred.
fn alignment_quads(
    store: &KgStore,
    pairs: &[PlanPair<'_>],
    graph: &NamedNode,
) -> Result<Vec<Quad>, Error> {
    let mut out = Vec::new();
    align_batches(store, pairs, graph, false, &mut |quads| {
        out.extend(quads);
        Ok(())
    })?;
    Ok(out)
}

/// Aligns `pairs` a batch at a time on all cores, handing each batch's
/// quads to `write` (with the inferred predecessors when
/// `with_predecessors`).
fn align_batches(
    store: &KgStore,
    pairs: &[PlanPair<'_>],
    graph: &NamedNode,
    with_predecessors: bool,
    write: &mut dyn FnMut(Vec<Quad>) -> Result<(), Error>,
) -> Result<(), Error> {
    if pairs.is_empty() {
        return Ok(());
    }
    let wanted: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.earlier.iri.as_str(), p.later.iri.as_str()])
        .collect();
    let clauses = compare::load::clauses_of(store, &wanted)?;
    let take = |iri: &str| clauses.get(iri).cloned().unwrap_or_default();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for batch in pairs.chunks(BATCH) {
        let parts: Vec<Vec<Quad>> = std::thread::scope(|scope| {
            let workers: Vec<_> = batch
                .chunks(batch.len().div_ceil(threads))
                .map(|part| {
                    let take = &take;
                    scope.spawn(move || {
                        let mut quads = Vec::new();
                        for &PlanPair { earlier, later } in part {
                            if with_predecessors {
                                quads.extend(inferred_predecessor(earlier, later, graph));
                            }
                            let c = Comparison::new(
                                &earlier.iri,
                                &later.iri,
                                take(&earlier.iri),
                                take(&later.iri),
                            );
                            quads.extend(compare::rdf::quads(&c, graph));
                        }
                        quads
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        write(parts.concat())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(slug: &str, code: &str, period: (u16, u16), replaces: Option<&str>) -> PlanInfo {
        PlanInfo {
            iri: vocab::id(slug),
            slug: slug.into(),
            title: slug.into(),
            kind: "Plan of Action".into(),
            partner_code: Some(code.into()),
            partner: None,
            period: Some(crate::corpus::Period::new(period.0, period.1)),
            replaces: replaces.map(vocab::id),
        }
    }

    #[test]
    fn each_plan_follows_the_previous_of_its_partner() {
        let plans = [
            plan("us-2016", "US", (2016, 2020), None),
            plan("us-2021", "US", (2021, 2025), None),
            plan("jp-2023", "JP", (2023, 2027), Some("jp-2018")),
            plan("jp-2018", "JP", (2018, 2022), None),
            plan("us-2011", "US", (2011, 2015), None),
        ];
        let pairs: Vec<(&str, &str)> = consecutive(&plans)
            .into_iter()
            .map(|p| (p.earlier.slug.as_str(), p.later.slug.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("us-2011", "us-2016"),
                ("us-2016", "us-2021"),
                ("jp-2018", "jp-2023")
            ]
        );
    }
}
