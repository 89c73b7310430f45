//! Every shipped query, run on the bundled seeds, against its expected result
//! kept in tests/expected/NAME.tsv (W3C SPARQL TSV).
//!
//! After a deliberate change, regenerate with `POAKG_BLESS=1 cargo test --release --test queries`
//! and review the diff.

mod common;

use common::{repo_file, TestResult};
use poakg::ingest;
use poakg::queries::SHIPPED;
use poakg::sparql::{self, QueryText, ResultFormat};
use poakg::store::KgStore;

#[test]
fn shipped_queries_give_their_expected_results() -> TestResult {
    let store = KgStore::in_memory()?;
    ingest::build(
        &store,
        &ingest::bundled_sources(),
        true,
        &poakg::entities::Extractor::bundled()?,
    )?;
    let bless = std::env::var_os("POAKG_BLESS").is_some();
    let mut failures = Vec::new();
    for q in SHIPPED {
        let mut out = Vec::new();
        let query = QueryText {
            text: q.text.to_owned(),
            origin: q.name.to_owned(),
        };
        sparql::run(&store, &query, Some(ResultFormat::Tsv), false, 80, &mut out)?;
        let got = String::from_utf8(out)?;
        assert!(
            got.lines().count() > 1,
            "{} returns no rows on the seeds",
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
