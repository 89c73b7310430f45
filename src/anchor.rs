//! Where an annotation points, as the W3C Web Annotation Data Model says:
//! a mention or a classification targets an `oa:SpecificResource` whose
//! source is the passage, selected both by position (`oa:TextPositionSelector`,
//! start and end in characters of the passage's `poa:text`, as `xsd:integer`:
//! what the W3C's JSON-LD context makes of a JSON number) and by quote
//! (`oa:TextQuoteSelector`, the exact words with up to 32 characters before
//! and after), so that an annotation tool can anchor it in the published
//! text, and re-anchor it by its quote if the text is ever re-cut.

use crate::vocab::ext::{
    OA_END, OA_EXACT, OA_HAS_SELECTOR, OA_HAS_SOURCE, OA_HAS_TARGET, OA_PREFIX,
    OA_SPECIFIC_RESOURCE, OA_START, OA_SUFFIX, OA_TEXT_POSITION_SELECTOR, OA_TEXT_QUOTE_SELECTOR,
};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

/// Characters of context a quote selector keeps on each side (the figure
/// annotation clients such as Hypothesis use).
pub const CONTEXT_CHARS: usize = 32;

/// The words a selector quotes, with their context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The characters `start..end`.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just before.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after.
    pub suffix: String,
}

/// The quote of characters `start..end` of `text` (character, not byte,
/// positions, as the model counts them); positions past the end are cut to it.
pub fn quote(text: &str, start: usize, end: usize) -> Quote {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let collect = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    Quote {
        exact: collect(start, end),
        prefix: collect(start.saturating_sub(CONTEXT_CHARS), start),
        suffix: collect(end, (end + CONTEXT_CHARS).min(chars.len())),
    }
}

/// A part of a passage an annotation points at.
pub struct Anchor<'a> {
    /// The annotation (a mention or a classification).
    pub annotation: &'a NamedNode,
    /// The passage.
    pub source: &'a NamedNode,
    /// The passage's `poa:text`.
    pub text: &'a str,
    /// First character, in the passage's text.
    pub start: usize,
    /// Just past the last character.
    pub end: usize,
}

/// The annotation's `oa:hasTarget` and the target's description: the
/// specific resource `<annotation#target>` and its two selectors
/// `<annotation#position>` and `<annotation#quote>` (hash IRIs, so that
/// they are described with the annotation they belong to).
pub fn target_quads(anchor: &Anchor<'_>, graph: &GraphName, out: &mut Vec<Quad>) {
    let part =
        |name: &str| NamedNode::new_unchecked(format!("{}#{name}", anchor.annotation.as_str()));
    let (target, position, quoted) = (part("target"), part("position"), part("quote"));
    let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
        out.push(Quad::new(s.clone(), p.into_owned(), o, graph.clone()));
    };
    let int = |n: usize| Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into();
    let text = |s: String| Literal::new_simple_literal(s).into();
    add(anchor.annotation, OA_HAS_TARGET, target.clone().into());
    add(&target, rdf::TYPE, OA_SPECIFIC_RESOURCE.into());
    add(&target, OA_HAS_SOURCE, anchor.source.clone().into());
    add(&target, OA_HAS_SELECTOR, position.clone().into());
    add(&target, OA_HAS_SELECTOR, quoted.clone().into());
    add(&position, rdf::TYPE, OA_TEXT_POSITION_SELECTOR.into());
    add(&position, OA_START, int(anchor.start));
    add(&position, OA_END, int(anchor.end));
    let q = quote(anchor.text, anchor.start, anchor.end);
    add(&quoted, rdf::TYPE, OA_TEXT_QUOTE_SELECTOR.into());
    add(&quoted, OA_EXACT, text(q.exact));
    if !q.prefix.is_empty() {
        add(&quoted, OA_PREFIX, text(q.prefix));
    }
    if !q.suffix.is_empty() {
        add(&quoted, OA_SUFFIX, text(q.suffix));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_count_characters_not_bytes() {
        let text = "Thái Lan và Việt Nam cùng hợp tác";
        let q = quote(text, 12, 20);
        assert_eq!(q.exact, "Việt Nam");
        assert_eq!(q.prefix, "Thái Lan và ");
        assert_eq!(q.suffix, " cùng hợp tác");
    }

    #[test]
    fn context_is_cut_at_32_characters_and_at_the_ends() {
        let text = format!("{}ASEAN{}", "a".repeat(40), "b".repeat(40));
        let q = quote(&text, 40, 45);
        assert_eq!(q.exact, "ASEAN");
        assert_eq!(q.prefix, "a".repeat(32));
        assert_eq!(q.suffix, "b".repeat(32));
        let at_start = quote("ASEAN Charter", 0, 5);
        assert_eq!(
            (at_start.prefix.as_str(), at_start.suffix.as_str()),
            ("", " Charter")
        );
        assert_eq!(quote("short", 3, 99).exact, "rt");
    }

    #[test]
    fn a_target_has_its_source_and_both_selectors() {
        let annotation = NamedNode::new_unchecked("https://example.org/m/1");
        let source = NamedNode::new_unchecked("https://example.org/p");
        let mut out = Vec::new();
        let anchor = Anchor {
            annotation: &annotation,
            source: &source,
            text: "the ASEAN Charter",
            start: 4,
            end: 9,
        };
        target_quads(&anchor, &GraphName::DefaultGraph, &mut out);
        let has = |s: &str, p: NamedNodeRef<'_>, o: &str| {
            out.iter().any(|q| {
                q.subject.to_string() == s && q.predicate == p && q.object.to_string() == o
            })
        };
        assert!(has(
            "<https://example.org/m/1>",
            OA_HAS_TARGET,
            "<https://example.org/m/1#target>"
        ));
        assert!(has(
            "<https://example.org/m/1#target>",
            OA_HAS_SOURCE,
            "<https://example.org/p>"
        ));
        assert!(has(
            "<https://example.org/m/1#position>",
            OA_START,
            "\"4\"^^<http://www.w3.org/2001/XMLSchema#integer>"
        ));
        assert!(has(
            "<https://example.org/m/1#quote>",
            OA_EXACT,
            "\"ASEAN\""
        ));
        assert!(has(
            "<https://example.org/m/1#quote>",
            OA_PREFIX,
            "\"the \""
        ));
        assert!(has(
            "<https://example.org/m/1#quote>",
            OA_SUFFIX,
            "\" Charter\""
        ));
        assert_eq!(out.len(), 12);
    }
}
