//! The layouts real plans come in: each fixture of tests/fixtures/layouts
//! (plan-style texts written for these tests, one layout or two each) parses
//! into the whole structure its hand-made `.expected.tsv` gives: pillars,
//! sections and clauses with their notations, titles and full texts, and
//! the plan's title, partner, period and kind.

use crate::common::{extractor, fold, repo_file, TestResult};
use poakg::ingest::plan::Plan;
use poakg::ingest::{self, Source};

/// One record of an expected file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Record {
    kind: String,
    notation: String,
    text: String,
}

struct Expected {
    meta: Vec<(String, String)>,
    records: Vec<Record>,
}

fn read_expected(path: &std::path::Path) -> Result<Expected, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let mut meta = Vec::new();
    let mut records = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let Some(key) = cols[0].strip_prefix('@') {
            meta.push((
                key.to_owned(),
                cols.get(1).copied().unwrap_or("").to_owned(),
            ));
        } else {
            records.push(Record {
                kind: cols[0].to_owned(),
                notation: cols.get(1).copied().unwrap_or("").to_owned(),
                text: cols.get(2).copied().unwrap_or("").to_owned(),
            });
        }
    }
    Ok(Expected { meta, records })
}

/// The plan's structure as records, in document order (sections the text
/// never headed are left out: the expected files list what is printed).
fn records(plan: &Plan) -> Vec<Record> {
    let mut out = Vec::new();
    for p in &plan.pillars {
        out.push(Record {
            kind: "pillar".into(),
            notation: p.notation.clone(),
            text: p.printed_title.clone(),
        });
        let mut last_section = None;
        for (section, clause) in p.clauses() {
            if let Some(s) = section.filter(|s| !s.heading_inferred) {
                if last_section != Some(&s.notation) {
                    out.push(Record {
                        kind: "section".into(),
                        notation: s.notation.clone(),
                        text: s.title.clone(),
                    });
                    last_section = Some(&s.notation);
                }
            }
            out.push(Record {
                kind: "clause".into(),
                notation: clause.notation.clone(),
                text: clause.passage.text.clone(),
            });
        }
    }
    out
}

fn compare(name: &str, got: &[Record], want: &[Record]) -> Vec<String> {
    let mut problems = Vec::new();
    let n = got.len().max(want.len());
    for i in 0..n {
        match (got.get(i), want.get(i)) {
            (Some(g), Some(w)) => {
                let same_text = if w.kind == "clause" {
                    g.text == w.text
                } else {
                    fold(&g.text) == fold(&w.text)
                };
                if g.kind != w.kind || g.notation != w.notation || !same_text {
                    problems.push(format!(
                        "{name} record {i}: got {} {} {:?}\n    want {} {} {:?}",
                        g.kind, g.notation, g.text, w.kind, w.notation, w.text
                    ));
                }
            }
            (Some(g), None) => problems.push(format!("{name}: extra {} {}", g.kind, g.notation)),
            (None, Some(w)) => problems.push(format!("{name}: missing {} {}", w.kind, w.notation)),
            (None, None) => {}
        }
        if problems.len() >= 3 {
            break;
        }
    }
    problems
}

#[test]
fn every_layout_parses_into_its_whole_structure() -> TestResult {
    check_folder("tests/fixtures/layouts", 14)
}

/// Fixtures by a second author who never saw the parser.
#[test]
fn layouts_written_blind_parse_into_their_whole_structure() -> TestResult {
    check_folder("tests/fixtures/layouts-second-author", 8)
}

/// What the plan is, read from its title and preamble: the `@title`,
/// `@partner`, `@period` and `@kind` lines of the expected file.
fn check_meta(
    name: &str,
    source: &Source,
    want: &[(String, String)],
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let doc = ingest::ingest(source, extractor())?;
    let meta = doc.meta.ok_or("a plan has metadata")?;
    let mut problems = Vec::new();
    for (key, value) in want {
        let ok = match key.as_str() {
            "title" => fold(&meta.title) == fold(value),
            "partner" => meta
                .partner
                .as_ref()
                .is_some_and(|p| p.names().any(|n| fold(n) == fold(value))),
            "period" => meta.period.map(|p| p.to_string()).as_deref() == Some(value),
            "kind" => fold(&meta.kind) == fold(value),
            _ => true,
        };
        if !ok {
            problems.push(format!(
                "{name}: @{key} {value:?}, read {:?}",
                match key.as_str() {
                    "title" => meta.title.clone(),
                    "partner" => meta
                        .partner
                        .as_ref()
                        .map(|p| p.label.clone())
                        .unwrap_or_default(),
                    "period" => format!("{:?}", meta.period),
                    _ => meta.kind.clone(),
                }
            ));
        }
    }
    Ok(problems)
}

fn check_folder(folder: &str, at_least: usize) -> TestResult {
    let dir = repo_file(folder);
    let mut problems = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let Some(stem) = [".txt", ".html", ".md"]
            .iter()
            .find_map(|ext| name.strip_suffix(ext))
        else {
            continue;
        };
        let expected_path = dir.join(format!("{stem}.expected.tsv"));
        if !expected_path.is_file() {
            continue; // README.md
        }
        let expected = read_expected(&expected_path)?;
        let source = Source::from_path(&path)?;
        match ingest::parse_plan(&source) {
            Ok(plan) => problems.extend(compare(stem, &records(&plan), &expected.records)),
            Err(e) => problems.push(format!("{stem}: {e}")),
        }
        problems.extend(check_meta(stem, &source, &expected.meta)?);
        checked += 1;
    }
    assert!(checked >= at_least, "{checked} fixtures");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

const AGREE: &str = "ASEAN and Freedonia agree.";

/// Titles as layouts print them: broken over lines, with the period's dash
/// lost, in words, repeated on the first page; a preamble that follows
/// without a blank line is not part of the title.
#[test_case::test_case("Plan of Action\nfor the ASEAN-Freedonia Partnership\n2024 – 2028\n\nASEAN and Freedonia agree.\n", "Plan of Action for the ASEAN-Freedonia Partnership 2024 – 2028", AGREE ; "lowercase continuation")]
#[test_case::test_case("Work Plan of ASEAN and Freedonia\nfor the period of 2023 to 2027\nASEAN and Freedonia agree.\n", "Work Plan of ASEAN and Freedonia for the period of 2023 to 2027", AGREE ; "period in words")]
#[test_case::test_case("Plan of Action to Implement the ASEAN-Freedonia Partnership\n2025 2029\nASEAN and Freedonia agree.\n", "Plan of Action to Implement the ASEAN-Freedonia Partnership 2025 2029", AGREE ; "dash lost")]
#[test_case::test_case("ASEAN-Freedonia Plan of Action (2022-2026)\nASEAN-Freedonia Plan of Action (2022-2026)\nASEAN and Freedonia agree.\n", "ASEAN-Freedonia Plan of Action (2022-2026)", AGREE ; "printed twice")]
#[test_case::test_case("ASEAN-Freedonia Plan of Action\nRecalling the Summit of 2019, ASEAN and Freedonia agree.\n", "ASEAN-Freedonia Plan of Action", "Recalling the Summit of 2019, ASEAN and Freedonia agree." ; "preamble without a blank line")]
fn titles_are_read_whole(head: &str, title: &str, preamble: &str) -> TestResult {
    let text = format!("{head}\n1. POLITICAL COOPERATION\n1.1. Dialogue\n1.1.1. Hold consultations;\n1.1.2. Meet yearly.\n");
    let source = Source::from_bytes("t.txt", text.into_bytes())?;
    let plan = ingest::parse_plan(&source)?;
    assert_eq!(plan.title, title);
    assert_eq!(plan.preamble.map(|p| p.text).unwrap_or_default(), preamble);
    Ok(())
}
