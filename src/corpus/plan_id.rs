//! A plan's identity: its partner, its kind and its period (or, with no
//! period, the year it was adopted). The one place that writes and reads
//! the forms a plan is named by: the slug in IRIs (`asean-us-poa-2021-2025`),
//! the IRI, the entity id a mention of the plan carries (`plan:<slug>`), the
//! short name (`US:2021`) and the label of tables (`US 2021-2025`).

use super::Period;
use crate::vocab;
use oxigraph::model::NamedNode;
use std::fmt;

/// Kinds of document, as titles call them, with the short form used in IRIs.
pub const KINDS: &[(&str, &str)] = &[
    ("Plan of Action", "poa"),
    ("Work Plan", "wp"),
    ("Workplan", "wp"),
    ("Framework of Cooperation", "foc"),
    ("Framework for Cooperation", "foc"),
    ("Practical Cooperation Areas", "pca"),
    ("Action Plan", "ap"),
    ("Programme of Action", "poa"),
    ("Program of Action", "poa"),
    ("Plan of Cooperation", "pc"),
    ("Programme of Cooperation", "pc"),
    ("Joint Statement", "js"),
    ("Joint Declaration", "jd"),
    ("Roadmap", "rm"),
];

/// The short form of a kind in IRIs.
pub fn kind_code(kind: &str) -> String {
    KINDS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(kind))
        .map(|(_, c)| (*c).to_owned())
        .unwrap_or_else(|| {
            kind.split_whitespace()
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect()
        })
}

/// A kind of document as a concept of the `document-kind` scheme
/// (`ontology/schemes.ttl`), which a plan's `dcterms:type` points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindConcept {
    /// The concept's IRI: a listed kind's by its code (`concept/kind/wp`),
    /// another's by its name (`concept/kind/memorandum-of-understanding`),
    /// so two unlisted kinds with the same initials stay apart.
    pub iri: NamedNode,
    /// Whether the scheme declares it; a plan of an unlisted kind declares
    /// the concept in its own graph.
    pub listed: bool,
}

impl KindConcept {
    /// The concept of `kind` as a plan spells it ("Workplan" is `wp`).
    pub fn of(kind: &str) -> KindConcept {
        let listed = KINDS.iter().find(|(k, _)| k.eq_ignore_ascii_case(kind));
        let local = match listed {
            Some((_, code)) => (*code).to_owned(),
            None => crate::text::slug(kind),
        };
        KindConcept {
            iri: NamedNode::new_unchecked(vocab::id(&format!("concept/kind/{local}"))),
            listed: listed.is_some(),
        }
    }
}

/// When a plan runs, as far as its text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Span {
    /// The first and last years it covers.
    Period(Period),
    /// No period, but the year it was adopted (two plans of one partner and
    /// kind with no period are told apart by it).
    Adopted(u16),
    /// Neither.
    Unknown,
}

/// Who, what and when: what a plan is, independent of its file name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId {
    /// The partner's code as the partner table gives it (`US`, `EU`).
    pub partner: String,
    /// The kind's code (`poa`, `wp`; see `meta::kind_code`).
    pub kind: String,
    /// When it runs.
    pub span: Span,
}

/// The prefix of the entity id of a mention of a plan (`plan:<slug>`).
const ENTITY_PREFIX: &str = "plan:";

impl PlanId {
    /// The identity of a plan of `partner` (a code) of the kind coded `kind`.
    pub fn new(partner: &str, kind: &str, span: Span) -> PlanId {
        PlanId {
            partner: partner.to_owned(),
            kind: kind.to_owned(),
            span,
        }
    }

    /// The plan's name in IRIs: `asean-us-poa-2021-2025`, `asean-us-js-2019`.
    pub fn slug(&self) -> String {
        let base = format!("asean-{}-{}", self.partner.to_lowercase(), self.kind);
        match self.span {
            Span::Period(p) => format!("{base}-{p}"),
            Span::Adopted(year) => format!("{base}-{year}"),
            Span::Unknown => base,
        }
    }

    /// The plan's IRI.
    pub fn iri(&self) -> NamedNode {
        NamedNode::new_unchecked(vocab::id(&self.slug()))
    }

    /// The entity id a mention of this plan carries: `plan:<slug>`.
    pub fn entity_id(&self) -> String {
        PlanId::entity_id_of_slug(&self.slug())
    }

    /// The entity id of the plan whose slug is `slug` (a plan named by its
    /// file, with no partner, has a slug but no identity).
    pub fn entity_id_of_slug(slug: &str) -> String {
        format!("{ENTITY_PREFIX}{slug}")
    }

    /// The short name users type and reports print: `US:2021` (the partner
    /// and the first year), `US` when the period is unknown.
    pub fn short(&self) -> String {
        match self.span {
            Span::Period(Period { first: year, .. }) | Span::Adopted(year) => {
                format!("{}:{year}", self.partner)
            }
            Span::Unknown => self.partner.clone(),
        }
    }

    /// The label of tables: `US 2021-2025`.
    pub fn label(&self) -> String {
        match self.span {
            Span::Period(p) => format!("{} {p}", self.partner),
            Span::Adopted(year) => format!("{} {year}", self.partner),
            Span::Unknown => self.partner.clone(),
        }
    }

    /// Reads a slug back (`asean-us-poa-2021-2025`); the partner's code
    /// comes back in capitals, as the partner table writes it.
    pub fn parse_slug(slug: &str) -> Option<PlanId> {
        let rest = slug.strip_prefix("asean-")?;
        let parts: Vec<&str> = rest.split('-').collect();
        let year = |s: &str| s.parse::<u16>().ok().filter(|y| (1900..2200).contains(y));
        let (head, span) = match parts.as_slice() {
            [head @ .., a, b] if head.len() >= 2 && year(a).is_some() && year(b).is_some() => {
                (head, Span::Period(Period::new(year(a)?, year(b)?)))
            }
            [head @ .., a] if head.len() >= 2 && year(a).is_some() => {
                (head, Span::Adopted(year(a)?))
            }
            head if head.len() >= 2 => (head, Span::Unknown),
            _ => return None,
        };
        let (kind, partner) = head.split_last()?;
        if kind.is_empty() || partner.iter().any(|p| p.is_empty()) {
            return None;
        }
        Some(PlanId::new(&partner.join("-").to_uppercase(), kind, span))
    }

    /// The slug of the plan an entity id names (`plan:<slug>`), if it names
    /// a plan.
    pub fn slug_of_entity(entity_id: &str) -> Option<&str> {
        entity_id.strip_prefix(ENTITY_PREFIX)
    }

    /// Whether an entity id names a plan.
    pub fn is_plan_entity(entity_id: &str) -> bool {
        entity_id.starts_with(ENTITY_PREFIX)
    }
}

impl fmt::Display for PlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::{Period, PlanId, Span};
    use test_case::test_case;

    #[test_case(
        "asean-us-poa-2021-2025",
        "US",
        "poa",
        Span::Period(Period::new(2021, 2025)),
        "US:2021",
        "US 2021-2025"
    )]
    #[test_case(
        "asean-eu-js-2019",
        "EU",
        "js",
        Span::Adopted(2019),
        "EU:2019",
        "EU 2019"
    )]
    #[test_case("asean-jp-wp", "JP", "wp", Span::Unknown, "JP", "JP")]
    fn every_form_of_a_plan_name(
        slug: &str,
        partner: &str,
        kind: &str,
        span: Span,
        short: &str,
        label: &str,
    ) {
        let id = PlanId::new(partner, kind, span);
        assert_eq!(id.slug(), slug);
        assert_eq!(PlanId::parse_slug(slug), Some(id.clone()));
        assert_eq!(id.short(), short);
        assert_eq!(id.label(), label);
        assert_eq!(id.entity_id(), format!("plan:{slug}"));
        assert_eq!(PlanId::slug_of_entity(&id.entity_id()), Some(slug));
        assert_eq!(
            id.iri().as_str(),
            format!("https://w3id.org/poakg/id/{slug}")
        );
    }

    /// Every spelling the table reads names its kind's concept in
    /// `ontology/schemes.ttl` (as prefLabel or altLabel), so the two stay
    /// in step.
    #[test]
    fn every_kind_spelling_labels_its_concept() -> Result<(), Box<dyn std::error::Error>> {
        use oxigraph::io::{RdfFormat, RdfParser};
        let mut labels = std::collections::HashSet::new();
        for triple in
            RdfParser::from_format(RdfFormat::Turtle).for_slice(crate::seeds::SCHEMES.as_bytes())
        {
            let triple = triple?;
            if let oxigraph::model::Term::Literal(l) = &triple.object {
                labels.insert((triple.subject.to_string(), l.value().to_owned()));
            }
        }
        for (spelling, _) in super::KINDS {
            let concept = super::KindConcept::of(spelling);
            assert!(concept.listed);
            assert!(
                labels.contains(&(concept.iri.to_string(), (*spelling).to_owned())),
                "{spelling} does not label {concept:?}"
            );
        }
        let other = super::KindConcept::of("Memorandum of Understanding");
        assert!(!other.listed);
        assert!(other
            .iri
            .as_str()
            .ends_with("/concept/kind/memorandum-of-understanding"));
        Ok(())
    }

    #[test_case("asean-us" ; "no kind")]
    #[test_case("us-poa-2021-2025" ; "no ASEAN")]
    #[test_case("asean--poa-2021-2025" ; "empty partner")]
    fn not_a_slug(slug: &str) {
        assert_eq!(PlanId::parse_slug(slug), None);
    }
}
