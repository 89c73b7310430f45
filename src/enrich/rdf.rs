//! A passage's labels as triples: the labels on the passage itself, for
//! simple queries (`?clause poa:commitmentLevel 3`), and one
//! `poa:Classification` (a Web Annotation, motivated by classifying) per
//! label, with the words that decided it, their offsets in the passage text
//! and the cue or rule that matched.

use super::{Evidence, Labels};
use crate::vocab::{self, ext::*, id, poa};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

/// One passage's labels to write.
pub struct Labelled<'a> {
    /// The passage's IRI.
    pub iri: &'a NamedNode,
    /// Its short key for classification IRIs ("1.2.16", "preamble").
    pub key: &'a str,
    /// What the labeller said.
    pub labels: &'a Labels,
    /// The passage's text (`poa:text`), which the evidence's selectors quote.
    pub text: &'a str,
}

struct Sink<'a> {
    graph: GraphName,
    out: &'a mut Vec<Quad>,
}

impl Sink<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.out.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    fn int(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, n: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(n.to_string(), xsd::INTEGER),
        );
    }

    /// One classification: the passage, the label's property, its body (a
    /// concept, or a value), and the evidence.
    fn classification(
        &mut self,
        node: &NamedNode,
        target: (&NamedNode, &str),
        property: NamedNodeRef<'_>,
        body: Term,
        e: &Evidence,
    ) {
        self.add(node, rdf::TYPE, poa::CLASSIFICATION);
        self.add(node, rdf::TYPE, OA_ANNOTATION);
        self.add(node, OA_MOTIVATED_BY, OA_CLASSIFYING);
        let anchor = crate::anchor::Anchor {
            annotation: node,
            source: target.0,
            text: target.1,
            start: e.start,
            end: e.end,
        };
        crate::anchor::target_quads(&anchor, &self.graph, self.out);
        self.add(node, poa::LABEL_PROPERTY, property);
        match body {
            Term::Literal(value) => self.add(node, OA_BODY_VALUE, value),
            other => self.add(node, OA_HAS_BODY, other),
        }
        self.add(
            node,
            poa::SURFACE_FORM,
            Literal::new_simple_literal(&e.surface),
        );
        self.int(node, poa::START_OFFSET, e.start);
        self.int(node, poa::END_OFFSET, e.end);
        self.add(
            node,
            poa::FOUND_BY,
            Literal::new_simple_literal(&e.found_by),
        );
    }
}

fn concept(iri: String) -> Term {
    NamedNode::new_unchecked(iri).into()
}

/// The quads of the labels of a document's passages, in its graph.
pub fn label_quads(passages: &[Labelled<'_>], slug: &str, graph: &NamedNode) -> Vec<Quad> {
    let mut out = Vec::new();
    let mut sink = Sink {
        graph: GraphName::NamedNode(graph.clone()),
        out: &mut out,
    };
    for p in passages {
        let mut n = 0;
        let mut next = || {
            n += 1;
            NamedNode::new_unchecked(id(&format!("{slug}/classification/{}/{n}", p.key)))
        };
        let l = p.labels;
        let s = p.iri;
        let t = (s, p.text);
        if let Some(verb) = &l.lead_verb {
            let value = Literal::new_simple_literal(&verb.phrase);
            sink.add(s, poa::LEAD_VERB, value.clone());
            sink.classification(&next(), t, poa::LEAD_VERB, value.into(), &verb.evidence);
        }
        if let Some(level) = &l.level {
            sink.int(s, poa::COMMITMENT_LEVEL, level.value.into());
            sink.classification(
                &next(),
                t,
                poa::COMMITMENT_LEVEL,
                concept(vocab::level_concept(level.value)),
                &level.evidence,
            );
        }
        for h in &l.hedges {
            let value = Literal::new_simple_literal(&h.phrase);
            sink.add(s, poa::HEDGE, value.clone());
            sink.classification(&next(), t, poa::HEDGE, value.into(), &h.evidence);
        }
        if let Some(q) = &l.quantified {
            let value = Literal::from(true);
            sink.add(s, poa::QUANTIFIED, value.clone());
            sink.classification(&next(), t, poa::QUANTIFIED, value.into(), q);
        }
        for m in &l.modalities {
            let c = concept(vocab::modality_concept(&m.code));
            sink.add(s, poa::MODALITY, c.clone());
            sink.classification(&next(), t, poa::MODALITY, c, &m.evidence);
        }
        for (rank, g) in l.sdgs.iter().enumerate() {
            let c = concept(vocab::sdg_concept(&g.code));
            sink.add(s, poa::SDG, c.clone());
            let node = next();
            sink.classification(&node, t, poa::SDG, c, &g.evidence);
            sink.int(&node, poa::SDG_RANK, rank + 1);
        }
        for a in &l.aoip {
            let c = concept(vocab::aoip_concept(&a.code));
            sink.add(s, poa::AOIP_AREA, c.clone());
            sink.classification(&next(), t, poa::AOIP_AREA, c, &a.evidence);
        }
    }
    out
}
