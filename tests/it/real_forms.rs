//! Plan texts in the forms they reach researchers in (issue 20): saved web
//! pages, pasted and exported text in other encodings, excerpts, archive
//! records, texts without a title or pillar line, run-in and nested
//! numbering. Each fixture of tests/fixtures/real-forms (development data)
//! and tests/fixtures/real-forms-blind (written blind from the list of
//! forms, scored once: see its README) is read as `poakg build` reads it,
//! and scored against its hand-made gold: clauses (notation and full text),
//! then title, partner, period and where it came from, kind, adoption date,
//! encoding, completeness; a file with no action clause must be refused.

use crate::common::{extractor, fold, repo_file, TestResult};
use poakg::ingest::{self, Encoding, Source};
use std::collections::BTreeSet;

/// A fixture's gold: its `@key value` lines and its clause records.
struct Gold {
    meta: Vec<(String, String)>,
    clauses: Vec<(String, String)>,
}

fn read_gold(path: &std::path::Path) -> Result<Gold, Box<dyn std::error::Error>> {
    let mut gold = Gold {
        meta: Vec::new(),
        clauses: Vec::new(),
    };
    for line in std::fs::read_to_string(path)?.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            [key, value, ..] if key.starts_with('@') => {
                gold.meta.push((key[1..].to_owned(), (*value).to_owned()));
            }
            ["clause", notation, text, ..] => gold
                .clauses
                .push(((*notation).to_owned(), (*text).to_owned())),
            _ => {}
        }
    }
    Ok(gold)
}

/// What one fixture scored.
#[derive(Default, Debug)]
struct Score {
    clauses_gold: usize,
    clauses_right: usize,
    clauses_found: usize,
    facts: usize,
    facts_right: usize,
    misses: Vec<String>,
}

fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf8Bom => "utf-8-bom",
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
        Encoding::Windows1252 => "windows-1252",
    }
}

fn score_fixture(path: &std::path::Path, gold: &Gold) -> Score {
    let mut score = Score {
        clauses_gold: gold.clauses.len(),
        ..Score::default()
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let refused = gold.meta.iter().any(|(k, _)| k == "refused");
    let doc = Source::from_path(path)
        .map_err(|e| e.to_string())
        .and_then(|s| {
            ingest::ingest(&s, extractor())
                .map(|d| (s, d))
                .map_err(|e| e.to_string())
        });
    let (source, doc) = match doc {
        Ok(ok) => ok,
        Err(e) => {
            score.facts = 1;
            if refused {
                score.facts_right = 1;
            } else {
                score.misses.push(format!("{name}: refused: {e}"));
            }
            return score;
        }
    };
    if refused {
        score.facts = 1;
        score
            .misses
            .push(format!("{name}: built, but holds no action clause"));
        return score;
    }
    let got: BTreeSet<(String, String)> = ingest::parse_plan(&source)
        .map(|p| {
            p.clauses()
                .map(|c| (c.notation.clone(), c.passage.text.clone()))
                .collect()
        })
        .unwrap_or_default();
    score.clauses_found = got.len();
    for clause in &gold.clauses {
        if got.contains(clause) {
            score.clauses_right += 1;
        } else if score.misses.len() < 40 {
            let same_number = got.iter().find(|(n, _)| *n == clause.0);
            score.misses.push(format!(
                "{name}: clause {} {}",
                clause.0,
                same_number.map_or("missing".to_owned(), |(_, t)| format!("read as {t:?}"))
            ));
        }
    }
    let Some(meta) = &doc.meta else {
        score.misses.push(format!("{name}: no metadata"));
        return score;
    };
    for (key, want) in &gold.meta {
        let got = match key.as_str() {
            "title" if want == "~composed" => {
                if meta.sources.title == poakg::corpus::meta::Origin::Composed {
                    want.clone()
                } else {
                    meta.title.clone()
                }
            }
            "title" => meta.title.clone(),
            "partner" => meta
                .partner
                .as_ref()
                .and_then(|p| {
                    p.names()
                        .find(|n| fold(n) == fold(want))
                        .or(Some(p.label.as_str()))
                })
                .unwrap_or("")
                .to_owned(),
            "period" => meta.period.map_or("~none".to_owned(), |p| p.to_string()),
            "period-source" => match meta.sources.period.name() {
                "title line" => "title".to_owned(),
                "file name" => "filename".to_owned(),
                other => other.to_owned(),
            },
            "kind" => meta.kind.clone(),
            "issued" => meta.issued.map(|d| d.to_string()).unwrap_or_default(),
            "encoding" => encoding_name(doc.encoding).to_owned(),
            "complete" => if doc.cut.is_some() { "false" } else { "true" }.to_owned(),
            "cut" => doc.cut.clone().unwrap_or_default(),
            _ => continue,
        };
        score.facts += 1;
        if fold(&got) == fold(want) {
            score.facts_right += 1;
        } else {
            score
                .misses
                .push(format!("{name}: @{key} {want:?}, read {got:?}"));
        }
    }
    score
}

/// Scores every fixture of a folder: (clauses right, clauses in the gold,
/// facts right, facts), with the misses printed.
fn score_folder(folder: &str) -> Result<(usize, usize, usize, usize), Box<dyn std::error::Error>> {
    let dir = repo_file(folder);
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    let mut total = (0, 0, 0, 0);
    let mut fixtures = 0;
    for entry in entries {
        let path = entry.path();
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(stem) = [".txt", ".html", ".md"]
            .iter()
            .find_map(|x| file.strip_suffix(x))
        else {
            continue;
        };
        let gold_path = dir.join(format!("{stem}.expected.tsv"));
        if !gold_path.is_file() {
            continue;
        }
        let gold = read_gold(&gold_path)?;
        let s = score_fixture(&path, &gold);
        eprintln!(
            "{stem}: clauses {}/{} (found {}), facts {}/{}",
            s.clauses_right, s.clauses_gold, s.clauses_found, s.facts_right, s.facts
        );
        for miss in &s.misses {
            eprintln!("  {miss}");
        }
        total.0 += s.clauses_right;
        total.1 += s.clauses_gold;
        total.2 += s.facts_right;
        total.3 += s.facts;
        fixtures += 1;
    }
    assert!(fixtures >= 10, "{fixtures} fixtures in {folder}");
    eprintln!(
        "{folder}: clauses {}/{}, facts {}/{}",
        total.0, total.1, total.2, total.3
    );
    Ok(total)
}

#[test]
fn real_forms_development_fixtures() -> TestResult {
    let (clauses, of, facts, of_facts) = score_folder("tests/fixtures/real-forms")?;
    // floors at today's figures (a regression fails; raise them as the
    // reading gets better)
    assert!(clauses * 100 >= of * FLOOR_DEV.0, "clauses {clauses}/{of}");
    assert!(
        facts * 100 >= of_facts * FLOOR_DEV.1,
        "facts {facts}/{of_facts}"
    );
    Ok(())
}

#[test]
fn real_forms_blind_fixtures() -> TestResult {
    let (clauses, of, facts, of_facts) = score_folder("tests/fixtures/real-forms-blind")?;
    assert!(
        clauses * 100 >= of * FLOOR_BLIND.0,
        "clauses {clauses}/{of}"
    );
    assert!(
        facts * 100 >= of_facts * FLOOR_BLIND.1,
        "facts {facts}/{of_facts}"
    );
    Ok(())
}

/// Least per cent of clauses and facts right: (clauses, facts). The blind
/// set's first score (clauses 57/173, facts 29/43) is its blind figure; it
/// has been development data since.
const FLOOR_DEV: (usize, usize) = (99, 100);
const FLOOR_BLIND: (usize, usize) = (100, 96);

/// The entities of the fixtures with a hand annotation (`NAME.entities.tsv`):
/// precision, recall and class accuracy over each folder.
fn entity_scores(folder: &str) -> Result<(f64, f64, f64, usize), Box<dyn std::error::Error>> {
    let dir = repo_file(folder);
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    let (mut right, mut found, mut gold, mut class_right) = (0, 0, 0, 0);
    for entry in entries {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(stem) = name.strip_suffix(".entities.tsv") else {
            continue;
        };
        let Some(text) = [".txt", ".html"]
            .iter()
            .map(|x| dir.join(format!("{stem}{x}")))
            .find(|p| p.is_file())
        else {
            continue;
        };
        let writer = poakg::store::Writer::in_memory()?;
        ingest::build(&writer, &[Source::from_path(&text)?], true, extractor())?;
        let store = writer.commit()?;
        let annotation = poakg::eval::Gold::parse(&name, &std::fs::read_to_string(&path)?)?;
        let s = poakg::eval::score(&annotation, &poakg::listing::found_pairs(&store, None)?);
        eprintln!(
            "{stem}: entities P {:.3} R {:.3} class {:.3} (gold {})",
            s.precision(),
            s.recall(),
            s.class_accuracy(),
            s.gold
        );
        for m in s.misses.iter().take(8) {
            eprintln!("  missed {} {}", m.passage, m.entity);
        }
        for f in s.false_finds.iter().take(8) {
            eprintln!("  false {} {}", f.passage, f.label);
        }
        gold += s.gold;
        right += s.matched;
        found += s.found;
        class_right += s.class_right;
    }
    let p = right as f64 / found.max(1) as f64;
    let r = right as f64 / gold.max(1) as f64;
    let c = class_right as f64 / right.max(1) as f64;
    eprintln!("{folder}: entities P {p:.3} R {r:.3} class {c:.3} over {gold} gold pairs");
    Ok((p, r, c, gold))
}

#[test]
fn real_forms_entities_against_their_hand_annotations() -> TestResult {
    for (folder, floor) in [
        ("tests/fixtures/real-forms", ENTITY_FLOOR_DEV),
        ("tests/fixtures/real-forms-blind", ENTITY_FLOOR_BLIND),
    ] {
        let (p, r, c, gold) = entity_scores(folder)?;
        assert!(gold >= 40, "{folder}: {gold} gold pairs");
        assert!(
            p >= floor.0 && r >= floor.1 && c >= floor.2,
            "{folder}: P {p:.3} R {r:.3} class {c:.3}"
        );
    }
    Ok(())
}

/// Least precision, recall and class accuracy of the entities: (P, R, class).
const ENTITY_FLOOR_DEV: (f64, f64, f64) = (0.88, 0.97, 0.96);
const ENTITY_FLOOR_BLIND: (f64, f64, f64) = (0.92, 0.89, 0.95);
