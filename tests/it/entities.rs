//! Entity extraction quality, measured on hand annotations: sections of the
//! seed plan (tests/fixtures/gold), three plan-style texts naming only
//! invented bodies and instruments (tests/fixtures/genre), which the registry
//! cannot know, and plans with other partners (tests/fixtures/partners*).

use crate::common::{repo_file, TestResult};
use poakg::entities::registry::Registry;
use poakg::entities::{EntityClass, Extractor};
use poakg::eval::{self, Gold, Score};
use poakg::ingest::{self, Source};
use poakg::listing;
use poakg::store::{KgStore, Writer};
use test_case::test_case;

fn score_file(
    sources: Vec<Source>,
    extractor: &Extractor,
    gold: &str,
) -> Result<Score, Box<dyn std::error::Error>> {
    let writer = Writer::in_memory()?;
    ingest::build(&writer, &sources, true, extractor)?;
    let store = writer.commit()?;
    let path = repo_file(gold);
    let gold = Gold::parse(
        &path.display().to_string(),
        &std::fs::read_to_string(&path)?,
    )?;
    Ok(eval::score(&gold, &listing::found_pairs(&store, None)?))
}

fn report(s: &Score) -> String {
    format!(
        "P {:.3} R {:.3} class {:.3}\nmisses: {:?}\nfalse finds: {:?}\nwrong class: {:?}",
        s.precision(),
        s.recall(),
        s.class_accuracy(),
        s.misses
            .iter()
            .map(|m| format!("{} {}", m.passage, m.entity))
            .collect::<Vec<_>>(),
        s.false_finds
            .iter()
            .map(|f| format!("{} {}", f.passage, f.label))
            .collect::<Vec<_>>(),
        s.wrong_class
            .iter()
            .map(|(g, _)| format!("{} {}", g.passage, g.entity))
            .collect::<Vec<_>>(),
    )
}

#[test]
fn seed_sections_against_the_hand_annotation() -> TestResult {
    let s = score_file(
        ingest::bundled_sources(),
        &Extractor::bundled()?,
        "tests/fixtures/gold/asean-us-poa-sections.tsv",
    )?;
    let r = report(&s);
    assert!(s.gold >= 80, "{r}");
    assert!(s.precision() >= 0.95, "{r}");
    assert!(s.recall() >= 0.95, "{r}");
    assert!(s.class_accuracy() >= 0.95, "{r}");
    Ok(())
}

/// The seed's score above is circular: every entity of its gold is in the
/// registry. Here the registry keeps only the rows the seed does not name
/// (no label or alternative label of theirs occurs in either seed text),
/// so the score is what the rules do on text they have not memorised.
#[test]
fn seed_sections_by_the_rules_alone() -> TestResult {
    let bundled = Extractor::bundled()?;
    let seeds: String = ingest::bundled_sources()
        .iter()
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let mut rows = String::from("id\tclass\tlabel\talt_labels\tpart_of\towner\tpartner\n");
    let mut kept = 0;
    for e in &bundled.registry().entries {
        let named = std::iter::once(&e.label)
            .chain(&e.alt_labels)
            .any(|l| seeds.contains(l.as_str()));
        if !named {
            kept += 1;
            rows.push_str(&format!(
                "{}\t{}\t{}\t{}\t\t\t{}\n",
                e.id,
                e.class.name(),
                e.label,
                e.alt_labels.join(" | "),
                e.partner.clone().unwrap_or_default()
            ));
        }
    }
    let registry = Registry::parse("not-in-the-seed.tsv", &rows)?;
    assert!(
        kept >= 100 && kept < bundled.registry().entries.len(),
        "{kept} rows kept"
    );
    let s = score_file(
        ingest::bundled_sources(),
        &Extractor::with_partners(
            registry,
            poakg::entities::lexicon::Lexicon::bundled()?,
            poakg::corpus::partners::Partners::bundled()?,
        ),
        "tests/fixtures/gold/asean-us-poa-sections.tsv",
    )?;
    let r = report(&s);
    eprintln!(
        "seed sections, rules alone ({kept} registry rows the seed does not name): P {:.3} R {:.3} class {:.3}",
        s.precision(),
        s.recall(),
        s.class_accuracy()
    );
    assert!(s.gold >= 80, "{r}");
    // floors at the figures measured when this test was written
    assert!(s.precision() >= SEED_RULES_ALONE.0, "{r}");
    assert!(s.recall() >= SEED_RULES_ALONE.1, "{r}");
    assert!(s.class_accuracy() >= SEED_RULES_ALONE.2, "{r}");
    Ok(())
}

/// Precision, recall and class accuracy of the rules alone on the seed.
const SEED_RULES_ALONE: (f64, f64, f64) = (0.79, 0.66, 0.89);

/// The genre texts, scored with the bundled registry and with an empty one:
/// their defined acronyms and their instruments must be found by the rules alone.
#[test_case("asean-freedonia")]
#[test_case("asean-norway")]
#[test_case("asean-chile")]
fn unseen_plans_are_read_by_the_rules(stem: &str) -> TestResult {
    let text = std::fs::read(repo_file(&format!("tests/fixtures/genre/{stem}.txt")))?;
    let source = Source::from_bytes(&format!("{stem}.txt"), text)?;
    let gold = format!("tests/fixtures/genre/{stem}.tsv");
    let bundled = score_file(vec![source.clone()], &Extractor::bundled()?, &gold)?;
    let empty = Registry::parse(
        "empty.tsv",
        "id\tclass\tlabel\talt_labels\tpart_of\towner\n",
    )?;
    let rules_only = score_file(
        vec![source],
        &Extractor::with_partners(
            empty,
            poakg::entities::lexicon::Lexicon::bundled()?,
            poakg::corpus::partners::Partners::bundled()?,
        ),
        &gold,
    )?;
    for (what, s) in [("bundled registry", &bundled), ("rules alone", &rules_only)] {
        let r = report(s);
        eprintln!(
            "{stem}, {what}: P {:.3} R {:.3} class {:.3}",
            s.precision(),
            s.recall(),
            s.class_accuracy()
        );
        assert!(s.precision() >= 0.9, "{what}: {r}");
        assert!(s.recall() >= 0.9, "{what}: {r}");
        assert!(s.class_accuracy() >= 0.9, "{what}: {r}");
    }
    Ok(())
}

/// Plans with other dialogue partners, each hand-annotated: five written
/// beside the rules (tests/fixtures/partners) and three written blind, by
/// someone who had not seen the rules (tests/fixtures/partners-second-author). The
/// partner's own agencies, its possessive names and the mechanisms of its
/// partnership must be found, and no other partner's committee.
#[test_case("partners/asean-eu")]
#[test_case("partners/asean-india")]
#[test_case("partners/asean-japan")]
#[test_case("partners/asean-korea")]
#[test_case("partners/asean-uk")]
#[test_case("partners-second-author/asean-australia-2025-2029")]
#[test_case("partners-second-author/asean-canada-2026-2030")]
#[test_case("partners-second-author/asean-newzealand-2026-2030")]
fn partner_plans_against_their_hand_annotations(stem: &str) -> TestResult {
    let text = std::fs::read(repo_file(&format!("tests/fixtures/{stem}.txt")))?;
    let name = stem.rsplit('/').next().unwrap_or(stem);
    let source = Source::from_bytes(&format!("{name}.txt"), text)?;
    let s = score_file(
        vec![source],
        &Extractor::bundled()?,
        &format!("tests/fixtures/{stem}.tsv"),
    )?;
    let r = report(&s);
    assert!(s.gold >= 40, "{r}");
    assert!(s.precision() >= 0.95, "{r}");
    assert!(s.recall() >= 0.92, "{r}");
    assert!(s.class_accuracy() >= 0.95, "{r}");
    Ok(())
}

/// A store built from the bundled seeds.
fn seed_store() -> Result<KgStore, Box<dyn std::error::Error>> {
    let writer = Writer::in_memory()?;
    ingest::build(
        &writer,
        &ingest::bundled_sources(),
        true,
        &Extractor::bundled()?,
    )?;
    let store = writer.commit()?;
    Ok(store)
}

/// Pillar spans that the cross-pillar analysis builds on.
#[test_case("ASEAN Regional Forum", &["1", "3"])]
#[test_case("U.S.-ASEAN Smart Cities Partnership", &["1", "2", "4"])]
#[test_case("ASEAN-U.S. Leaders' Statement on Cybersecurity Cooperation", &["1", "2"])]
#[test_case("East Asia Summit", &["1", "3"])]
fn seed_entities_span_the_right_pillars(label: &str, pillars: &[&str]) -> TestResult {
    let rows = listing::entities(&seed_store()?, None, None)?;
    let row = rows
        .iter()
        .find(|r| r.label == label)
        .ok_or_else(|| format!("no entity {label:?}"))?;
    assert_eq!(row.pillars, pillars, "{row:?}");
    Ok(())
}

#[test]
fn every_class_is_used_on_the_seeds() -> TestResult {
    let rows = listing::entities(&seed_store()?, None, None)?;
    // the U.S. seed names U.S. agencies; other partners' agencies come from
    // the partner fixtures (tests/fixtures/partners)
    for class in EntityClass::ALL
        .into_iter()
        .filter(|c| *c != EntityClass::PartnerAgency)
    {
        assert!(
            rows.iter()
                .any(|r| r.class == class.name() && r.mentions > 0),
            "no mentioned {}",
            class.name()
        );
    }
    // partners and generic phrases are never entities
    for not_entity in [
        "ASEAN",
        "United States",
        "ASEAN Member States",
        "MSMEs",
        "STEM",
        "capacity building",
    ] {
        assert!(
            !rows.iter().any(|r| r.label == not_entity),
            "{not_entity} is listed as an entity"
        );
    }
    Ok(())
}

#[test]
fn bundled_registry_is_well_formed() -> TestResult {
    let extractor = Extractor::bundled()?;
    let registry = extractor.registry();
    assert!(registry.entries.len() >= 300);
    let lexicon = extractor.lexicon();
    let mut ids = std::collections::HashSet::new();
    for known in &registry.entries {
        assert!(ids.insert(known.id.clone()), "id {} twice", known.id);
        for label in std::iter::once(&known.label).chain(&known.alt_labels) {
            let words: Vec<&str> = label.split_whitespace().collect();
            // a label that is only a head ("Plan of Action", "Summit") or a
            // generic word would match in every plan
            let only_a_head = lexicon
                .head_at(&words)
                .is_some_and(|h| h.words == words.len());
            let only_generic = words
                .iter()
                .all(|w| lexicon.is_generic(w) || lexicon.is_connector(w));
            assert!(
                !words.is_empty() && !only_a_head && !only_generic,
                "{}: label {label:?} names nothing in particular",
                known.id
            );
        }
    }
    Ok(())
}

/// A plan of `partner` naming three of its departments the three ways
/// plans do: by adjective or short name, "of <partner>", and possessive.
fn agencies_plan(partner: &str, adjective: &str) -> String {
    // "of the United States", "of the UAE", "of Freedonia"
    let article = if partner.contains(' ') || partner.chars().all(|c| c.is_uppercase()) {
        "the "
    } else {
        ""
    };
    format!(
        "Plan of Action to Implement the ASEAN-{partner} Strategic Partnership (2024-2028)\n\
         ASEAN and {partner} agree on the following.\n\
         1. POLITICAL-SECURITY COOPERATION\n\
         1.1 Energy and food\n\
         1.1.1 Work with the {adjective} Department of Energy on grid interconnection;\n\
         1.1.2 Invite the Department of Agriculture of {article}{partner} to share seed banks;\n\
         1.1.3 Exchange experts with {partner}'s Department of Commerce on trade data.\n"
    )
}

/// The classes the extractor gives the names with these words.
fn agency_classes(
    extractor: &Extractor,
    text: &str,
) -> Result<Vec<(String, EntityClass)>, Box<dyn std::error::Error>> {
    let source = Source::from_bytes("plan.txt", text.as_bytes().to_vec())?;
    let doc = ingest::ingest(&source, extractor)?;
    let mut found: Vec<(String, EntityClass)> = doc
        .entities
        .entities
        .values()
        .filter(|e| {
            ["Energy", "Agriculture", "Commerce"]
                .iter()
                .any(|w| e.label.contains(w))
        })
        .map(|e| (e.label.clone(), e.class))
        .collect();
    found.sort();
    Ok(found)
}

/// No partner is a case of the code: the agencies of a partner the table
/// does not know, and of one whose adjective is unusual, are found as the
/// United States' are, with the class the table gives each partner's
/// agencies.
#[test]
fn every_partner_s_agencies_are_found_alike() -> TestResult {
    let bundled = Extractor::bundled()?;
    let us = agency_classes(&bundled, &agencies_plan("United States", "U.S."))?;
    assert_eq!(us.len(), 3, "{us:?}");
    assert!(
        us.iter().all(|(_, c)| *c == EntityClass::USAgency),
        "{us:?}"
    );
    // the table's adjective for the United Arab Emirates
    let uae = agency_classes(&bundled, &agencies_plan("UAE", "Emirati"))?;
    assert_eq!(uae.len(), 3, "{uae:?}");
    assert!(
        uae.iter().all(|(_, c)| *c == EntityClass::PartnerAgency),
        "{uae:?}"
    );
    // a partner the table does not know: its name before or after the agency
    let unknown = agency_classes(&bundled, &agencies_plan("Freedonia", "Freedonia"))?;
    assert_eq!(unknown.len(), 3, "{unknown:?}");
    assert!(
        unknown
            .iter()
            .all(|(_, c)| *c == EntityClass::PartnerAgency),
        "{unknown:?}"
    );
    // a table of the user's own, with an unusual adjective
    let table = "code\tlabel\tvariants\tadjectives\twikidata\tkind\tagency_class\n\
                 NC\tNordic Council\tNordic countries\tNordic\t\tdevelopment\t\n";
    let nordic_extractor = Extractor::with_partners(
        Registry::parse("ontology/registry.tsv", poakg::entities::BUNDLED_REGISTRY)?,
        poakg::entities::lexicon::Lexicon::bundled()?,
        poakg::corpus::Partners::parse("partners.tsv", table)?,
    );
    let nordic = agency_classes(
        &nordic_extractor,
        &agencies_plan("Nordic Council", "Nordic"),
    )?;
    assert_eq!(nordic.len(), 3, "{nordic:?}");
    assert!(
        nordic.iter().all(|(_, c)| *c == EntityClass::PartnerAgency),
        "{nordic:?}"
    );
    Ok(())
}
