//! The structure recovered from the bundled ASEAN-US plan, checked against the
//! plan as printed (counts and headings read off the document by hand).

use poakg::ingest::plan::{self, Plan};
use poakg::seeds::SEEDS;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn seed_plan() -> Result<Plan, plan::PlanError> {
    plan::parse(SEEDS[0].1)
}

#[test]
fn five_pillars_with_their_titles() -> TestResult {
    let plan = seed_plan()?;
    let pillars: Vec<(u32, &str)> = plan
        .pillars
        .iter()
        .map(|p| (p.number, p.title.as_str()))
        .collect();
    assert_eq!(
        pillars,
        [
            (1, "Political and Security Cooperation"),
            (2, "Economic Cooperation"),
            (3, "Socio-Cultural Cooperation"),
            (4, "Cross-Pillar Cooperation"),
            (5, "Follow-up Mechanism"),
        ]
    );
    assert_eq!(
        plan.title,
        "Plan of Action to Implement the ASEAN-United States Strategic Partnership (2021-2025)"
    );
    assert_eq!(plan.period, Some(poakg::corpus::Period::new(2021, 2025)));
    Ok(())
}

#[test]
fn twenty_seven_sections_with_cleaned_titles() -> TestResult {
    let plan = seed_plan()?;
    let sections: Vec<(String, &str)> = plan
        .pillars
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| (s.notation(), s.title.as_str()))
        .collect();
    let expected = [
        ("1.1", "Political Cooperation"),
        ("1.2", "Security Cooperation"),
        ("1.3", "Transnational Crime and Counter-Terrorism"),
        ("1.4", "Maritime Cooperation"),
        ("1.5", "Good Governance and Human Rights"),
        ("2.1", "Trade and Investment"),
        ("2.2", "Finance Cooperation"),
        ("2.3", "Intellectual Property Rights (IPR)"),
        ("2.4", "Micro, Small and Medium Enterprises (MSMEs)"),
        ("2.5", "Information and Communications Technology (ICT)"),
        ("2.6", "Transport"),
        ("2.7", "Energy"),
        ("2.8", "Food, Agriculture and Forestry"),
        ("2.9", "Science and Technology"),
        ("3.1", "Disaster Management and Humanitarian Assistance"),
        ("3.2", "Environment"),
        ("3.3", "Public Health"),
        ("3.4", "Education and Youth"),
        ("3.5", "Culture"),
        ("3.6", "Social Welfare and Gender"),
        ("3.7", "Human Capital Development"),
        ("4.1", "Connectivity"),
        (
            "4.2",
            "Initiative for ASEAN Integration (IAI) and Narrowing the Development Gap (NDG)",
        ),
        ("4.3", "Smart Cities"),
        ("4.4", "Development Cooperation"),
        ("4.5", "Strengthening the ASEAN Secretariat"),
        ("5.1", "Follow-up Mechanism"),
    ];
    let got: Vec<(&str, &str)> = sections.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    assert_eq!(got, expected);
    let inferred: Vec<String> = plan
        .pillars
        .iter()
        .flat_map(|p| &p.sections)
        .filter(|s| s.heading_inferred)
        .map(|s| s.notation())
        .collect();
    assert_eq!(inferred, ["5.1"]);
    Ok(())
}

#[test]
fn one_hundred_twenty_six_clauses_per_pillar() -> TestResult {
    let plan = seed_plan()?;
    let per_pillar: Vec<usize> = plan
        .pillars
        .iter()
        .map(|p| p.sections.iter().map(|s| s.clauses.len()).sum())
        .collect();
    assert_eq!(per_pillar, [38, 37, 36, 12, 3]);
    assert_eq!(plan.clauses().count(), 126);
    // numbering within each section runs 1..n without gaps
    for section in plan.pillars.iter().flat_map(|p| &p.sections) {
        for (i, clause) in section.clauses.iter().enumerate() {
            assert_eq!(
                clause.notation,
                format!("{}.{}", section.notation, i + 1),
                "{}",
                clause.notation()
            );
        }
    }
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    Ok(())
}

#[test]
fn clause_texts_are_clean() -> TestResult {
    let plan = seed_plan()?;
    for clause in plan.clauses() {
        let text = &clause.passage.text;
        assert!(
            !text.contains('\n') && !text.contains('\u{c}'),
            "{}",
            clause.notation()
        );
        assert!(!text.contains("  "), "{}: double space", clause.notation());
        assert!(
            !text.contains("Page 9 of 20") && !text.contains("Final") && !text.contains("---"),
            "{}: {text}",
            clause.notation()
        );
        assert!(!text.contains("Ied"), "{}: {text}", clause.notation());
    }
    Ok(())
}

#[test]
fn cut_clauses_are_rejoined_and_damage_repaired() -> TestResult {
    let plan = seed_plan()?;
    let text = |n: &str| {
        plan.clauses()
            .find(|c| c.notation() == n)
            .map(|c| c.passage.text.clone())
            .unwrap_or_default()
    };
    assert!(text("4.3.3").ends_with("to improve the provision of essential services and quality of life, including through the ASCN;"), "{}", text("4.3.3"));
    assert!(text("2.4.7")
        .starts_with("Encourage the expansion of financing support mechanisms for MSMEs"));
    assert!(text("1.2.1").contains("through ASEAN-led fora such as the EAS"));
    assert!(text("1.4.2").contains("exercise of self-restraint,"));
    assert!(text("1.3.3").contains("evidence-based prevention policies"));
    assert!(text("1.2.15").contains("security decision-making processes"));
    assert!(text("4.1.2").contains("supporting ASEAN to co-organise project"));
    assert!(text("2.6.2").contains("such as U.S.-ASEAN Smart Cities Partnership"));
    assert!(text("3.3.3").contains("threat of Multi-Drug Resistance"));
    assert!(text("2.4.4").contains("promote inclusive entrepreneurship through the development of social entrepreneurship programs;"));
    let preamble = plan.preamble.as_ref().ok_or("no preamble")?;
    assert!(preamble
        .text
        .contains("Joint Statements of the ASEAN-U.S. Summits."));
    assert!(preamble
        .text
        .starts_with("This Plan of Action (POA) guides"));
    assert!(preamble.text.ends_with("regulations, and policies."));
    Ok(())
}

/// Letters and digits only, lower-cased: what must survive cleaning unchanged.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn clause_texts_match_the_source_word_for_word() -> TestResult {
    let plan = seed_plan()?;
    let source: Vec<char> = SEEDS[0].1.chars().collect();
    for clause in plan.clauses() {
        let span: String = source[clause.passage.span.start..clause.passage.span.end]
            .iter()
            .collect();
        // the raw span minus the clause number, furniture and stray heading lines
        let mut raw: String = span
            .lines()
            .filter(|l| {
                !matches!(
                    l.trim(),
                    "Page 9 of 20" | "Final" | "4.4" | "Development Cooperation"
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        raw = raw
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .to_owned();
        let raw = raw.replace("-Ied", "-led");
        assert_eq!(
            letters(&clause.passage.text),
            letters(&raw),
            "{}",
            clause.notation()
        );
    }
    Ok(())
}
