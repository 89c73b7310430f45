//! Parsing rules on small made-up plans (none of them is the seed plan).

use super::front::title_case_if_shouting;
use super::*;
use test_case::test_case;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SMALL_PLAN: &str = "\
Plan of Action to Implement the ASEAN-Freedonia Comprehensive Partnership
(2023-2027)
This Plan of Action guides cooperation between ASEAN and Freedonia.
Both sides will pursue the priority areas below.
1.
POLITICAL-SECURITY COOPERATION
1.1. Political Dialogue
1.1.1. Hold annual consultations between the two sides, in line with
Article 3.1 of the ASEAN Charter;
1.1.2 Support the ASEAN Institute for Peace and Reconciliation;
   1.2.
Maritime
Cooperation
1.2.1. Promote maritime domain awareness through version
2.0 of the regional information-sharing platform;
- 7 -
Confidential
1.2.2. Continue cooperation on search and rescue;
2. ECONOMIC COOPERATION
2.1 Trade Facilitation
2.1.1 Implement the ASEAN Single Window with Freedonian customs;
";

#[test]
fn recovers_pillars_sections_and_clauses() -> TestResult {
    let plan = parse(SMALL_PLAN)?;
    assert_eq!(
        plan.title,
        "Plan of Action to Implement the ASEAN-Freedonia Comprehensive Partnership (2023-2027)"
    );
    assert_eq!(plan.period, Some(crate::corpus::Period::new(2023, 2027)));
    let preamble = plan.preamble.as_ref().ok_or("no preamble")?;
    assert!(preamble.text.starts_with("This Plan of Action guides"));
    assert!(preamble.text.ends_with("priority areas below."));
    let titles: Vec<_> = plan.pillars.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Political-Security Cooperation", "Economic Cooperation"]
    );
    let sections: Vec<_> = plan
        .pillars
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| (s.notation(), s.title.clone()))
        .collect();
    assert_eq!(
        sections,
        [
            ("1.1".into(), "Political Dialogue".to_string()),
            ("1.2".into(), "Maritime Cooperation".into()),
            ("2.1".into(), "Trade Facilitation".into())
        ]
    );
    let clauses: Vec<_> = plan.clauses().map(Clause::notation).collect();
    assert_eq!(clauses, ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1"]);
    Ok(())
}

#[test]
fn numbers_inside_sentences_stay_text() -> TestResult {
    let plan = parse(SMALL_PLAN)?;
    let texts: Vec<_> = plan.clauses().map(|c| c.passage.text.as_str()).collect();
    assert_eq!(
        texts[0],
        "Hold annual consultations between the two sides, in line with Article 3.1 of the ASEAN Charter;"
    );
    assert_eq!(
        texts[2],
        "Promote maritime domain awareness through version 2.0 of the regional information-sharing platform;"
    );
    Ok(())
}

#[test]
fn footers_of_other_wordings_are_dropped() -> TestResult {
    let plan = parse(SMALL_PLAN)?;
    for clause in plan.clauses() {
        assert!(
            !clause.passage.text.contains("Confidential"),
            "{}",
            clause.passage.text
        );
        assert!(
            !clause.passage.text.contains("- 7 -"),
            "{}",
            clause.passage.text
        );
    }
    Ok(())
}

#[test_case("Page 12 of 40" ; "page of")]
#[test_case("12" ; "bare page number")]
#[test_case("\u{c}" ; "form feed")]
#[test_case("Page 12\n\nFinal" ; "two furniture lines")]
fn clause_cut_by_a_page_break_is_rejoined(furniture: &str) -> TestResult {
    let text = format!(
        "A Plan of Action\n1. ONE PILLAR\n1.1. A Section\n1.1.1 Strengthen the\nregional\n{furniture}\n  architecture through dialogue;\n1.1.2 Review progress.\n"
    );
    let plan = parse(&text)?;
    let clauses: Vec<_> = plan.clauses().map(|c| c.passage.text.as_str()).collect();
    assert_eq!(
        clauses,
        [
            "Strengthen the regional architecture through dialogue;",
            "Review progress."
        ]
    );
    Ok(())
}

#[test]
fn stray_section_number_inside_a_clause() -> TestResult {
    let text = "\
A Plan of Action
1. ONE
1.1 First
1.1.1 Improve the provision of
 1.2

essential services, including through the network;
Development Cooperation

1.2.1 Continue to support the realisation of goals;
";
    let plan = parse(text)?;
    let sections = &plan.pillars[0].sections;
    assert_eq!(sections[1].title, "Development Cooperation");
    assert_eq!(
        sections[0].clauses[0].passage.text,
        "Improve the provision of essential services, including through the network;"
    );
    assert_eq!(
        sections[1].clauses[0].passage.text,
        "Continue to support the realisation of goals;"
    );
    Ok(())
}

#[test]
fn section_without_heading_takes_the_pillar_title() -> TestResult {
    let text = "A Plan of Action\n1. ONE\n1.1 First\n1.1.1 Do this.\n2. FOLLOW-UP MECHANISM\n2.1.1. Review the plan;\n2.1.2. Report annually.\n";
    let plan = parse(text)?;
    let section = &plan.pillars[1].sections[0];
    assert_eq!(section.notation(), "2.1");
    assert!(section.heading_inferred);
    assert_eq!(section.title, "Follow-up Mechanism");
    assert_eq!(section.clauses.len(), 2);
    Ok(())
}

#[test]
fn wrapped_section_title_on_the_number_line() -> TestResult {
    let text = "A Plan of Action\n1. ONE\n1.1 Initiative for ASEAN Integration (IAI) and Narrowing the Development Gap\n(NDG)\n1.1.1 Continue support.\n";
    let plan = parse(text)?;
    assert_eq!(
        plan.pillars[0].sections[0].title,
        "Initiative for ASEAN Integration (IAI) and Narrowing the Development Gap (NDG)"
    );
    Ok(())
}

#[test]
fn offsets_point_at_the_raw_span() -> TestResult {
    let plan = parse(SMALL_PLAN)?;
    let chars: Vec<char> = SMALL_PLAN.chars().collect();
    for clause in plan.clauses() {
        let span: String = chars[clause.passage.span.start..clause.passage.span.end]
            .iter()
            .collect();
        assert!(span.starts_with(&clause.notation()), "{span}");
        assert!(span.ends_with(';'), "{span}");
        assert!(clause.passage.raw.starts_with(&clause.notation()));
    }
    Ok(())
}

#[test]
fn unnumbered_sub_heading_is_not_clause_text() -> TestResult {
    let text =
        "A Plan of Action\n1. ONE\n1.1 First\n1.1.1 Do this;\nMaritime Security\n1.1.2 Do that.\n";
    let plan = parse(text)?;
    assert_eq!(
        plan.pillars[0].sections[0].clauses[0].passage.text,
        "Do this;"
    );
    assert_eq!(plan.warnings.len(), 1, "{:?}", plan.warnings);
    Ok(())
}

#[test_case("" => PlanError::Empty ; "empty")]
#[test_case("   \n\n  " => PlanError::Empty ; "blank")]
#[test_case("It was a bright cold day in April, and the clocks were striking thirteen.\nWinston Smith slipped quickly through the glass doors.\n" => PlanError::NoStructure ; "prose")]
#[test_case("1. Buy milk\n2. Buy eggs\n" => PlanError::NoStructure ; "list without clauses")]
fn not_a_plan(text: &str) -> PlanError {
    parse(text).expect_err("must be rejected")
}

#[test]
fn a_cut_text_keeps_its_whole_clauses() -> TestResult {
    let cut = &SMALL_PLAN[..SMALL_PLAN.find("with Freedonian").ok_or("marker")?];
    let plan = parse(cut)?;
    assert_eq!(plan.cut.as_deref(), Some("2.1.1"));
    let kept: Vec<String> = plan.clauses().map(|c| c.notation.clone()).collect();
    assert_eq!(kept, ["1.1.1", "1.1.2", "1.2.1", "1.2.2"]);
    assert!(plan
        .warnings
        .iter()
        .any(|w| w.contains("2.1.1") && w.contains("incomplete")));
    // a text cut inside its only clause has nothing whole to keep
    let only = "Plan of Action (2023-2027)\n1. PILLAR\n1.1 Dialogue\n1.1.1 Hold talks on\n";
    assert!(matches!(parse(only), Err(PlanError::Truncated(_))));
    Ok(())
}

#[test_case(
    "POLITICAL AND SECURITY COOPERATION",
    "Political and Security Cooperation"
)]
#[test_case("FOLLOW-UP MECHANISM", "Follow-up Mechanism")]
#[test_case("SOCIO-CULTURAL COOPERATION", "Socio-Cultural Cooperation")]
#[test_case(
    "INFORMATION AND COMMUNICATIONS TECHNOLOGY (ICT)",
    "Information and Communications Technology (ICT)"
)]
#[test_case("Already Title Case", "Already Title Case")]
fn shouted_titles_become_title_case(printed: &str, expected: &str) {
    assert_eq!(title_case_if_shouting(printed), expected);
}

#[test]
fn sections_with_no_pillar_line_get_the_pillars_their_numbers_imply() -> TestResult {
    let text = "Plan of Action of ASEAN and Freedonia (2024-2028)\nASEAN and Freedonia agree.\n\
                1.1 Political Dialogue\n1.1.1 Hold talks every year;\n1.1.2 Share views on security;\n\
                1.2 Maritime Cooperation\n1.2.1 Train coast guards;\n\
                2.1 Trade\n2.1.1 Lower tariffs on 2.0 versions of nothing;\n2.1.2 Meet the ministers.\n";
    let plan = parse(text)?;
    let pillars: Vec<(&str, &str, bool)> = plan
        .pillars
        .iter()
        .map(|p| (p.notation.as_str(), p.title.as_str(), p.heading_inferred))
        .collect();
    assert_eq!(pillars, [("1", "Pillar 1", true), ("2", "Economic", true)]);
    let clauses: Vec<String> = plan.clauses().map(|c| c.notation.clone()).collect();
    assert_eq!(clauses, ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2"]);
    // the headings put in are no text of the source: every offset points at it
    let chars: Vec<char> = text.chars().collect();
    for clause in plan.clauses() {
        let span: String = chars[clause.passage.span.start..clause.passage.span.end]
            .iter()
            .collect();
        assert!(span.starts_with(&clause.notation), "{span}");
        assert!(
            !clause.passage.text.contains("INFERRED"),
            "{}",
            clause.passage.text
        );
    }
    Ok(())
}
