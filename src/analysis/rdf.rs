//! Analysis results as triples, for the analysis graph.

use super::Analysis;
use crate::vocab::poa;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad};

/// One quad per measure per entity that is named at least once.
pub fn quads(analysis: &Analysis, graph: &NamedNode) -> Vec<Quad> {
    let g = GraphName::NamedNode(graph.clone());
    let mut out = Vec::new();
    let articulation: std::collections::HashSet<usize> =
        analysis.articulation.iter().copied().collect();
    let mut component_of = vec![0; analysis.net.entities.len()];
    for (i, c) in analysis.components.iter().enumerate() {
        for &e in c {
            component_of[e] = i;
        }
    }
    for (e, entity) in analysis.net.entities.iter().enumerate() {
        if analysis.mentions[e] == 0 {
            continue;
        }
        let s = NamedNode::new_unchecked(entity.iri.clone());
        let mut add = |p: NamedNodeRef<'_>, o: Literal| {
            out.push(Quad::new(s.clone(), p.into_owned(), o, g.clone()))
        };
        let int = |v: usize| Literal::new_typed_literal(v.to_string(), xsd::INTEGER);
        // `+ 0.0` turns -0 (the sum of no weights in Rust) into 0
        let dbl = |v: f64| Literal::new_typed_literal(format!("{:e}", v + 0.0), xsd::DOUBLE);
        let c = &analysis.centrality[e];
        // the most pillars of one plan it is named in
        add(poa::PILLAR_SPAN, int(analysis.net.widest_span(e)));
        add(poa::MENTION_COUNT, int(analysis.mentions[e]));
        add(poa::DEGREE, int(c.degree));
        add(poa::WEIGHTED_DEGREE, dbl(c.weighted_degree));
        add(poa::BETWEENNESS, dbl(c.betweenness));
        add(poa::PAGE_RANK, dbl(c.pagerank));
        add(poa::COMMUNITY, int(analysis.communities[e]));
        add(poa::COMPONENT, int(component_of[e]));
        if articulation.contains(&e) {
            add(poa::ARTICULATION_POINT, Literal::from(true));
        }
    }
    out
}
