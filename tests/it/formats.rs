//! Plans as PDF and as saved web pages: the same structure and words as the
//! text, offsets into the text poakg extracted (kept on the source node).

use crate::common::{clause_count, repo_file, Env, TestResult};
use poakg::ingest::{self, Source};

/// (notation, text) of every clause of a source.
fn clauses(source: &Source) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let plan = ingest::parse_plan(source)?;
    Ok(plan
        .clauses()
        .map(|c| (c.notation.clone(), c.passage.text.clone()))
        .collect())
}

#[test]
fn the_seed_plan_as_a_pdf_gives_the_same_clauses_word_for_word() -> TestResult {
    let text = std::fs::read_to_string(repo_file("seeds/asean-us-poa-2021-2025.txt"))?;
    let pdf = crate::common::pdf::from_text(&text).ok_or("the seed is WinAnsi text")?;
    let from_pdf = Source::from_bytes("seed.pdf", pdf)?;
    let from_text = Source::from_bytes("seed.txt", text.into_bytes())?;
    let (a, b) = (clauses(&from_text)?, clauses(&from_pdf)?);
    assert_eq!(a.len(), 126);
    assert_eq!(a, b);
    Ok(())
}

#[test]
fn layout_fixtures_as_pdfs_keep_their_structure() -> TestResult {
    let mut compared = 0;
    for folder in [
        "tests/fixtures/layouts",
        "tests/fixtures/layouts-second-author",
    ] {
        for entry in std::fs::read_dir(repo_file(folder))? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path)?;
            let Some(pdf) = crate::common::pdf::from_text(&text) else {
                continue; // a character the standard fonts cannot show
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("x");
            let a = clauses(&Source::from_bytes(name, text.into_bytes())?)?;
            let b = clauses(&Source::from_bytes(&format!("{name}.pdf"), pdf)?)?;
            assert_eq!(a, b, "{name}");
            compared += 1;
        }
    }
    assert!(compared >= 15, "{compared}");
    Ok(())
}

#[test]
fn a_pdf_builds_with_offsets_into_its_extracted_text() -> TestResult {
    let env = Env::new();
    let text = std::fs::read_to_string(repo_file("seeds/asean-us-poa-2021-2025.txt"))?;
    let pdf = env.file(
        "plan.pdf",
        crate::common::pdf::from_text(&text).ok_or("WinAnsi")?,
    );
    env.run(&["build", "--source", pdf.to_str().ok_or("path")?])
        .ok();
    assert_eq!(clause_count(&env), 126);
    // every clause's offsets cut its raw text out of the extracted text
    let out = env
        .run(&[
            "query",
            "--format",
            "json",
            "--query",
            "SELECT ?raw ?start ?end ?extracted ?format WHERE { ?c a poa:Clause ; poa:rawText ?raw ; poa:startOffset ?start ; poa:endOffset ?end ; prov:wasDerivedFrom ?s . ?s poa:extractedText ?extracted ; dcterms:format ?format }",
        ])
        .ok();
    let json: serde_json::Value = serde_json::from_str(&out)?;
    let rows = json["results"]["bindings"].as_array().ok_or("rows")?;
    assert_eq!(rows.len(), 126);
    for row in rows {
        assert_eq!(row["format"]["value"], "application/pdf");
        let extracted: Vec<char> = row["extracted"]["value"]
            .as_str()
            .ok_or("text")?
            .chars()
            .collect();
        let start: usize = row["start"]["value"].as_str().ok_or("start")?.parse()?;
        let end: usize = row["end"]["value"].as_str().ok_or("end")?.parse()?;
        let span: String = extracted[start..end].iter().collect();
        let raw = row["raw"]["value"].as_str().ok_or("raw")?;
        let first_line = raw.lines().next().unwrap_or("");
        assert!(
            span.starts_with(first_line.trim_start()) || span.contains(first_line.trim()),
            "{span:?} vs {raw:?}"
        );
    }
    Ok(())
}

#[test]
fn a_saved_web_page_of_a_plan_builds() -> TestResult {
    let env = Env::new();
    let page = repo_file("tests/fixtures/layouts/asean-russia-2021-2025.html");
    let out = env
        .run(&["build", "--source", page.to_str().ok_or("path")?])
        .ok();
    assert!(out.contains("25  poa:Clause"), "{out}");
    let texts = env
        .run(&[
            "query",
            "--format",
            "csv",
            "--query",
            "SELECT ?text WHERE { ?c a poa:Clause ; poa:text ?text } ",
        ])
        .ok();
    for chrome in [
        "Cookie",
        "cookie",
        "Contact Us",
        "Search",
        "All rights reserved",
    ] {
        assert!(!texts.contains(chrome), "{chrome} in {texts}");
    }
    Ok(())
}

#[test]
fn a_scanned_or_damaged_pdf_is_refused_in_one_line() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let empty = crate::common::pdf::from_text("\n\n").ok_or("WinAnsi")?;
    let path = env.file("scan.pdf", empty);
    env.run(&["build", "--source", path.to_str().ok_or("path")?])
        .user_error("no text layer");
    assert_eq!(clause_count(&env), 126);
    Ok(())
}
