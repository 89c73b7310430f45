//! Alignments as triples, under the contract:
//!
//! ```text
//! ?cmp a poa:PlanComparison ; poa:earlier ?planA ; poa:later ?planB .
//! ?b poa:continues ?a .
//! ?x a poa:ClauseChange ; dcterms:isPartOf ?cmp ; poa:earlier ?a ; poa:later ?b ;
//!    poa:change poa:CarriedOver | poa:Revised | poa:New | poa:Dropped ;
//!    poa:similarity 0.93 ; poa:levelChange -1 .
//! ```

use super::Comparison;
use crate::vocab::{self, ext, poa};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

/// The last segment of a plan IRI, for minting the comparison's IRIs.
fn slug(iri: &str) -> &str {
    iri.trim_end_matches('/').rsplit('/').next().unwrap_or(iri)
}

/// The comparison's node: `id:comparison/<earlier>--<later>`.
pub fn comparison_iri(c: &Comparison) -> String {
    vocab::id(&format!(
        "comparison/{}--{}",
        slug(&c.earlier_plan),
        slug(&c.later_plan)
    ))
}

/// The comparison's quads, in `graph`.
pub fn quads(c: &Comparison, graph: &NamedNode) -> Vec<Quad> {
    let g = GraphName::NamedNode(graph.clone());
    let node = |iri: &str| NamedNode::new_unchecked(iri);
    let mut out = Vec::with_capacity(c.rows.len() * 6 + 3);
    let mut add =
        |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: oxigraph::model::Term| {
            out.push(Quad::new(s.clone(), p, o, g.clone()));
        };
    let cmp_iri = comparison_iri(c);
    let cmp = node(&cmp_iri);
    add(&cmp, rdf::TYPE, poa::PLAN_COMPARISON.into_owned().into());
    add(&cmp, poa::EARLIER, node(&c.earlier_plan).into());
    add(&cmp, poa::LATER, node(&c.later_plan).into());
    for (k, row) in c.rows.iter().enumerate() {
        let x = node(&format!("{cmp_iri}/{}", k + 1));
        add(&x, rdf::TYPE, poa::CLAUSE_CHANGE.into_owned().into());
        add(&x, ext::DCT_IS_PART_OF, cmp.clone().into());
        let earlier = row.earlier.map(|i| node(&c.earlier[i].iri));
        let later = row.later.map(|j| node(&c.later[j].iri));
        if let Some(a) = &earlier {
            add(&x, poa::EARLIER, a.clone().into());
        }
        if let Some(b) = &later {
            add(&x, poa::LATER, b.clone().into());
        }
        if let (Some(a), Some(b)) = (&earlier, &later) {
            add(b, poa::CONTINUES, a.clone().into());
        }
        add(
            &x,
            poa::CHANGE,
            node(&format!("{}{}", vocab::POA, row.change.term())).into(),
        );
        add(
            &x,
            poa::SIMILARITY,
            Literal::new_typed_literal(format!("{:.4}", row.similarity), xsd::DOUBLE).into(),
        );
        if let Some(change) = c.level_change(row) {
            add(
                &x,
                poa::LEVEL_CHANGE,
                Literal::new_typed_literal(change.to_string(), xsd::INTEGER).into(),
            );
        }
    }
    out
}
