//! Extraction on small hand-made passages.

use super::*;
use crate::entities::registry::Registry;

const REGISTRY: &str = "id\tclass\tlabel\talt_labels\tpart_of\towner
admm\tASEANBody\tASEAN Defence Ministers' Meeting\tADMM\t\t
admm-plus\tMechanism\tADMM-Plus\tASEAN Defence Ministers' Meeting Plus\tadmm\t
admm-plus-ewg-hma\tMechanism\tADMM-Plus Experts' Working Group on Humanitarian Mine Action\t\tadmm-plus\t
arf\tMechanism\tASEAN Regional Forum\tARF\t\t
arf-hpoa-2\tInstrument\tARF Hanoi Plan of Action II\t\t\tarf
eas\tMechanism\tEast Asia Summit\tEAS\t\t
usascp\tProgramme\tU.S.-ASEAN Smart Cities Partnership\tUSASCP | U.S.-ASEAN Smart Cites Partnership\t\t
";

fn extractor() -> Extractor {
    Extractor::new(
        Registry::parse("test.tsv", REGISTRY).expect("registry parses"),
        crate::entities::lexicon::Lexicon::bundled().expect("lexicon parses"),
    )
}

fn found(ex: &Extraction, passage: usize) -> Vec<(&str, &str)> {
    ex.mentions
        .iter()
        .filter(|m| m.passage == passage)
        .map(|m| (m.entity.as_str(), m.surface.as_str()))
        .collect()
}

#[test]
fn nested_names_yield_each_entity_but_not_the_plus_body() {
    let ex = extractor().extract(&["Support the work of the ADMM-Plus Experts’ Working Group on Humanitarian Mine Action and the ARF Hanoi Plan of Action II (2020-2025);"]);
    assert_eq!(
        found(&ex, 0),
        [
            (
                "admm-plus-ewg-hma",
                "ADMM-Plus Experts’ Working Group on Humanitarian Mine Action"
            ),
            ("admm-plus", "ADMM-Plus"),
            ("arf-hpoa-2", "ARF Hanoi Plan of Action II"),
            ("arf", "ARF"),
        ]
    );
    // parents come along for the hierarchy even when not mentioned
    assert!(ex.entities.contains_key("admm"));
}

#[test]
fn variants_link_to_one_entity() {
    let ex = extractor().extract(&[
        "through the EAS and the East Asia Summit",
        "the U.S.-ASEAN Smart Cites Partnership (USASCP) and the US-ASEAN Smart Cities Partnership",
    ]);
    let ids: Vec<&str> = ex.mentions.iter().map(|m| m.entity.as_str()).collect();
    assert_eq!(ids, ["eas", "eas", "usascp", "usascp", "usascp"]);
}

#[test]
fn unknown_acronym_definitions_and_later_uses_are_found() {
    let ex = extractor().extract(&[
        "Support the ASEAN Network of Port Authorities (ANPA) in its work;",
        "Hold annual meetings of ANPA with the ARF.",
    ]);
    let anpa = ex
        .entities
        .get("asean-network-of-port-authorities")
        .expect("discovered");
    assert_eq!(anpa.class, EntityClass::ASEANBody);
    assert_eq!(anpa.alt_labels, ["ANPA"]);
    assert_eq!(
        found(&ex, 1),
        [
            ("asean-network-of-port-authorities", "ANPA"),
            ("arf", "ARF")
        ]
    );
    let methods: Vec<Method> = ex.mentions.iter().map(|m| m.method).collect();
    assert_eq!(
        methods,
        [
            Method::AcronymDefinition,
            Method::AcronymDefinition,
            Method::Acronym,
            Method::Registry
        ]
    );
}

#[test]
fn unknown_instruments_are_found_by_their_head() {
    let ex = extractor().extract(&["Implement the ASEAN-Freedonia Work Plan on Maritime Safety 2022-2026 in line with the 2021 EAS Leaders' Statement on Ocean Governance;"]);
    let labels: Vec<(&str, EntityClass)> = ex
        .entities
        .values()
        .filter(|e| e.method != Method::Registry)
        .map(|e| (e.label.as_str(), e.class))
        .collect();
    assert!(
        labels.contains(&(
            "ASEAN-Freedonia Work Plan on Maritime Safety 2022-2026",
            EntityClass::Instrument
        )),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(
            |(l, c)| l.contains("Leaders' Statement on Ocean Governance")
                && *c == EntityClass::Instrument
        ),
        "{labels:?}"
    );
    // the nested EAS is still a mention of the registry's East Asia Summit
    assert!(ex.mentions.iter().any(|m| m.entity == "eas"));
}

#[test]
fn partners_and_generic_phrases_are_not_entities() {
    let ex = extractor().extract(&["ASEAN and the United States will support ASEAN Member States in capacity building for MSMEs, with the private sector and STEM education."]);
    assert!(ex.mentions.is_empty(), "{:?}", ex.mentions);
}

#[test]
fn variant_spellings() {
    let v = variants("ADMM-Plus Experts' Working Group on Counter-Terrorism");
    assert!(
        v.contains(&"ADMM-Plus Expert Working Group on Counter Terrorism".to_string()),
        "{v:?}"
    );
    assert_eq!(variants("ARF"), ["ARF"]);
}

#[test]
fn slugs() {
    assert_eq!(
        slug("SOMTC + U.S. Consultations"),
        "somtc-plus-us-consultations"
    );
    assert_eq!(slug("Experts’ Working Group"), "experts-working-group");
    assert_eq!(
        slug("Agence Française de Développement"),
        "agence-francaise-de-developpement"
    );
    assert_eq!(slug("Bộ Ngoại giao Việt Nam"), "bo-ngoai-giao-viet-nam");
}
