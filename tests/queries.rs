//! Every shipped query, run on the bundled seeds (or, for the queries over
//! comparisons, on two consecutive fixture plans), against its expected
//! result kept in tests/expected/NAME.tsv (W3C SPARQL TSV).
//!
//! After a deliberate change, regenerate with `POAKG_BLESS=1 cargo test --release --test queries`
//! and review the diff.

mod common;

use common::{repo_file, TestResult};
use poakg::ingest;
use poakg::queries::SHIPPED;
use poakg::sparql::{self, QueryText, ResultFormat};
use poakg::store::KgStore;

/// Queries over the comparisons graph: they need two consecutive plans of
/// one partner, which the seeds are not; they run on the two ASEAN-Canada
/// fixture plans, compared as a build compares them.
const ON_A_PAIR: &[&str] = &["new-clauses"];

fn canada_pair() -> Result<KgStore, Box<dyn std::error::Error>> {
    let store = KgStore::in_memory()?;
    let sources = ["canada-2016-2020", "canada-2021-2025"]
        .iter()
        .map(|f| ingest::Source::from_path(&repo_file(&format!("tests/fixtures/compare/{f}.txt"))))
        .collect::<Result<Vec<_>, _>>()?;
    ingest::build(
        &store,
        &sources,
        true,
        &poakg::entities::Extractor::bundled()?,
    )?;
    assert_eq!(poakg::ops::store_comparisons(&store)?, 1);
    Ok(store)
}

#[test]
fn shipped_queries_give_their_expected_results() -> TestResult {
    let seeds = KgStore::in_memory()?;
    ingest::build(
        &seeds,
        &ingest::bundled_sources(),
        true,
        &poakg::entities::Extractor::bundled()?,
    )?;
    let pair = canada_pair()?;
    let bless = std::env::var_os("POAKG_BLESS").is_some();
    let mut failures = Vec::new();
    for q in SHIPPED {
        let store = if ON_A_PAIR.contains(&q.name) {
            &pair
        } else {
            &seeds
        };
        let mut out = Vec::new();
        let query = QueryText {
            text: q.text.to_owned(),
            origin: q.name.to_owned(),
        };
        sparql::run(store, &query, Some(ResultFormat::Tsv), false, 80, &mut out)?;
        let got = String::from_utf8(out)?;
        assert!(
            got.lines().count() > 1,
            "{} returns no rows on its store",
            q.name
        );
        let path = repo_file(&format!("tests/expected/{}.tsv", q.name));
        if bless {
            std::fs::write(&path, &got)?;
            continue;
        }
        let expected =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if got != expected {
            failures.push(format!(
                "{}: result differs from {}\n--- got ---\n{got}",
                q.name,
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn every_expected_file_belongs_to_a_shipped_query() -> TestResult {
    for entry in std::fs::read_dir(repo_file("tests/expected"))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".tsv");
        assert!(
            SHIPPED.iter().any(|q| q.name == stem),
            "stale expected file {name}"
        );
    }
    let files: Vec<_> = std::fs::read_dir(repo_file("queries"))?.collect::<Result<_, _>>()?;
    assert_eq!(
        files.len(),
        SHIPPED.len(),
        "a .rq file in queries/ is not registered in src/queries.rs"
    );
    Ok(())
}
