//! Tests of the discovery rules, on the bundled lexicon.

use super::*;
use crate::entities::lexicon::Lexicon;
use crate::entities::EntityClass;
use test_case::test_case;

fn lex() -> Lexicon {
    let mut lex = Lexicon::bundled().expect("the bundled lexicon parses");
    let partners = crate::corpus::partners::Partners::bundled().expect("the partner table parses");
    lex.learn_partners(&partners);
    lex
}

#[test_case("ASEAN Committee on Coastal Resilience", Some(EntityClass::ASEANBody))]
#[test_case(
    "ASEAN-Freedonia Joint Cooperation Committee",
    Some(EntityClass::Mechanism)
)]
#[test_case("East Asia Summit", Some(EntityClass::Mechanism))]
#[test_case(
    "ASEAN Roadmap on Digital Trade Facilitation 2023-2030",
    Some(EntityClass::Instrument)
)]
#[test_case(
    "ASEAN Working Group on the Convention on Migratory Birds",
    Some(EntityClass::ASEANBody)
)]
#[test_case("U.S. Department of Energy", Some(EntityClass::USAgency))]
#[test_case(
    "Japan International Cooperation Agency",
    Some(EntityClass::PartnerAgency)
)]
#[test_case("Emirati Space Agency", Some(EntityClass::PartnerAgency))]
#[test_case(
    "Norwegian Institute of Marine Research",
    Some(EntityClass::PartnerAgency)
)]
#[test_case("Freedonian Space Agency", Some(EntityClass::Organization); "a partner the table does not know")]
#[test_case("International Energy Agency", Some(EntityClass::Organization))]
#[test_case(
    "Freedonia-ASEAN Youth Fellowship Programme",
    Some(EntityClass::Programme)
)]
#[test_case("ASEAN Network of Port Authorities", Some(EntityClass::ASEANBody))]
#[test_case("Nuclear Weapon States", Some(EntityClass::CountryGroup))]
#[test_case(
    "ASEAN Committee on Coastal Resilience Strategic Plan 2023-2027",
    Some(EntityClass::Instrument)
)]
#[test_case(
    "Terms of Reference of the ASEAN Network of Women Peace Mediators",
    Some(EntityClass::Instrument)
)]
#[test_case(
    "Senior Officials Meeting of the ASEAN Ministers on Agriculture and Forestry",
    Some(EntityClass::ASEANBody)
)]
#[test_case("ASEAN Member States", None)]
#[test_case("Plan of Action", None)]
#[test_case("Terms of Reference", None)]
#[test_case("Ministerial and Senior Officials Meetings", None)]
#[test_case("ASEAN Centrality", None)]
#[test_case("Sustainable Development", None)]
fn classes_by_head(name: &str, class: Option<EntityClass>) {
    assert_eq!(classify(&lex(), name), class);
}

fn names(found: &[Candidate]) -> Vec<(&str, Option<&str>)> {
    found
        .iter()
        .map(|c| (c.name.as_str(), c.acronym.as_ref().map(|a| a.text.as_str())))
        .collect()
}

#[test]
fn acronym_definitions_find_the_name_by_its_initials() {
    let text = "Support the work of the ASEAN Network of Port Authorities (ANPA) and the Treaty of Amity and Cooperation in Southeast Asia (TAC), as well as Information and Communications Technology (ICT).";
    let found = acronym_definitions(&lex(), text);
    assert_eq!(
        names(&found),
        [
            ("ASEAN Network of Port Authorities", Some("ANPA")),
            (
                "Treaty of Amity and Cooperation in Southeast Asia",
                Some("TAC")
            )
        ]
    );
    let chars: Vec<char> = text.chars().collect();
    let first = &found[0];
    assert_eq!(
        chars[first.start..first.end].iter().collect::<String>(),
        "ASEAN Network of Port Authorities"
    );
}

#[test]
fn head_nouns_with_years_and_complements() {
    let text = "Implement the ASEAN-Freedonia Work Plan on Maritime Safety 2022-2026 and the 2021 ASEAN-Freedonia Leaders' Statement on Ocean Governance, through the ASEAN Committee on Coastal Resilience.";
    let found = head_noun_names(&lex(), text);
    assert_eq!(
        names(&found),
        [
            (
                "ASEAN-Freedonia Work Plan on Maritime Safety 2022-2026",
                None
            ),
            (
                "2021 ASEAN-Freedonia Leaders' Statement on Ocean Governance",
                None
            ),
            ("ASEAN Committee on Coastal Resilience", None)
        ]
    );
}

#[test]
fn occasions_of_a_body_name_the_body() {
    let found = head_noun_names(&lex(), "adopted at the 34th ASEAN Summit in Bangkok, under the Treaty of Amity and Cooperation in Southeast Asia");
    assert_eq!(
        names(&found),
        [
            ("ASEAN Summit", None),
            ("Treaty of Amity and Cooperation in Southeast Asia", None)
        ]
    );
}

#[test]
fn coordinated_names_are_split() {
    let found = head_noun_names(&lex(), "Support the ASEAN Convention on Counter Terrorism and ASEAN Plan of Action on Cyber Resilience (2020-2025), reporting to the ACJDC and to the ASEAN-Chile Foreign Ministers' Meeting;");
    assert_eq!(
        names(&found),
        [
            ("ASEAN Convention on Counter Terrorism", None),
            ("ASEAN Plan of Action on Cyber Resilience (2020-2025)", None),
            ("ASEAN-Chile Foreign Ministers' Meeting", None)
        ]
    );
}

#[test]
fn named_groups_of_countries() {
    let found = head_noun_names(
        &lex(),
        "drawing on the experience of the Nordic countries and of ASEAN Member States;",
    );
    assert_eq!(names(&found), [("Nordic countries", None)]);
    assert_eq!(found[0].class, EntityClass::CountryGroup);
}
