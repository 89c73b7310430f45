//! The semantic layer: the labeller scored against the hand annotations
//! (tests/fixtures/enrichment/), the labels and their evidence in the
//! graph, level changes between plans, and `poakg classify` as a user runs
//! it.

use crate::common::{repo_file, Env, TestResult};
use poakg::enrich::{Labeller, Labels};
use poakg::ingest;
use poakg::sparql::{self, row_text};
use poakg::store::{KgStore, Writer};
use std::collections::{BTreeSet, HashMap};

/// Rows of a TSV file with a header, as maps.
fn tsv(rel: &str) -> Result<Vec<HashMap<String, String>>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(repo_file(rel))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("a header")?.split('\t').collect();
    Ok(lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t').chain(std::iter::repeat("")))
                .map(|(h, v)| ((*h).to_owned(), v.to_owned()))
                .collect()
        })
        .collect())
}

fn set(s: &str) -> BTreeSet<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

fn codes(labels: &[poakg::enrich::Label]) -> BTreeSet<String> {
    labels.iter().map(|l| l.code.clone()).collect()
}

/// Agreement with a gold file: level right (either of `lo|hi`), and F1 of
/// modalities, goals, areas (a label in `optional_*` neither right nor wrong).
#[derive(Debug, Default)]
struct Scores {
    level_right: usize,
    n: usize,
    counts: [(usize, usize, usize); 3],
}

impl Scores {
    fn add(&mut self, labels: &Labels, gold: &HashMap<String, String>) {
        self.n += 1;
        let level = labels
            .level
            .as_ref()
            .map(|l| l.value.to_string())
            .unwrap_or_default();
        self.level_right += usize::from(gold["commitment"].split('|').any(|g| g == level));
        let predicted = [
            codes(&labels.modalities),
            codes(&labels.sdgs),
            codes(&labels.aoip),
        ];
        for (k, (name, p)) in ["modalities", "sdgs", "aoip"]
            .iter()
            .zip(predicted)
            .enumerate()
        {
            let g = set(&gold[*name]);
            let optional = gold
                .get(&format!("optional_{name}"))
                .map(|s| set(s))
                .unwrap_or_default();
            let c = &mut self.counts[k];
            c.0 += p.intersection(&g).count();
            c.1 += p.difference(&g).filter(|x| !optional.contains(*x)).count();
            c.2 += g.difference(&p).count();
        }
    }

    fn level(&self) -> f64 {
        self.level_right as f64 / self.n as f64
    }

    fn f1(&self, k: usize) -> f64 {
        let (tp, fp, fn_) = self.counts[k];
        poakg::eval::Prf::of(tp, tp + fp, tp + fn_).f1
    }
}

fn seed_store() -> Result<KgStore, Box<dyn std::error::Error>> {
    let writer = Writer::in_memory()?;
    ingest::build(
        &writer,
        &ingest::bundled_sources(),
        true,
        crate::common::extractor(),
    )?;
    Ok(writer.commit()?)
}

fn clause_texts(store: &KgStore) -> Result<HashMap<String, String>, Box<dyn std::error::Error>> {
    let rows = sparql::select(
        store,
        "clause texts",
        "SELECT ?n ?t WHERE { ?c a poa:Clause ; skos:notation ?n ; poa:text ?t }",
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| Some((row_text(r, "n")?, row_text(r, "t")?)))
        .collect())
}

/// Floors below the figures measured when each set was scored (the
/// closing note of issue 22 gives them): a fall below one is a regression.
#[test]
fn the_labeller_agrees_with_the_merged_seed_annotation() -> TestResult {
    let store = seed_store()?;
    let texts = clause_texts(&store)?;
    let labeller = Labeller::bundled()?;
    let mut scores = Scores::default();
    for gold in tsv("tests/fixtures/enrichment/seed-merged.tsv")? {
        let text = texts
            .get(&gold["clause"])
            .ok_or_else(|| format!("clause {}", gold["clause"]))?;
        scores.add(&labeller.label(text), &gold);
    }
    assert_eq!(scores.n, 126);
    let figures = (scores.level(), scores.f1(0), scores.f1(1), scores.f1(2));
    println!(
        "seed: level {:.3}, modalities {:.3}, goals {:.3}, areas {:.3}",
        figures.0, figures.1, figures.2, figures.3
    );
    assert!(
        figures.0 >= 0.95 && figures.1 >= 0.87 && figures.2 >= 0.88 && figures.3 >= 0.83,
        "{figures:?}"
    );
    Ok(())
}

#[test]
fn the_labeller_agrees_with_the_varied_clauses_annotation() -> TestResult {
    let labeller = Labeller::bundled()?;
    let texts: HashMap<String, String> = tsv("tests/fixtures/enrichment/varied-clauses.tsv")?
        .into_iter()
        .map(|r| (r["id"].clone(), r["text"].clone()))
        .collect();
    let mut scores = Scores::default();
    let mut hedges_right = 0;
    let mut quantified_right = 0;
    let gold = tsv("tests/fixtures/enrichment/varied-gold.tsv")?;
    for g in &gold {
        let labels = labeller.label(&texts[&g["clause"]]);
        scores.add(&labels, g);
        let found: BTreeSet<String> = labels.hedges.iter().map(|h| h.phrase.clone()).collect();
        let wanted: BTreeSet<String> = g["hedges"]
            .split(" | ")
            .filter(|h| !h.is_empty())
            .map(str::to_lowercase)
            .collect();
        hedges_right += usize::from(found.is_empty() == wanted.is_empty());
        quantified_right += usize::from(labels.quantified.is_some() == (g["quantified"] == "yes"));
    }
    let n = gold.len() as f64;
    let figures = (scores.level(), scores.f1(0), scores.f1(1), scores.f1(2));
    println!(
        "varied: level {:.3}, modalities {:.3}, goals {:.3}, areas {:.3}, hedged {:.3}, quantified {:.3}",
        figures.0, figures.1, figures.2, figures.3, hedges_right as f64 / n, quantified_right as f64 / n
    );
    assert!(
        figures.0 >= 0.95 && figures.1 >= 0.80 && figures.2 >= 0.88 && figures.3 >= 0.88,
        "{figures:?}"
    );
    assert!(hedges_right as f64 / n >= 0.85 && quantified_right as f64 / n >= 0.85);
    Ok(())
}

/// Every label's evidence is the passage text between its offsets, and
/// every label on a passage has a classification.
#[test]
fn every_classification_quotes_its_passage_between_its_offsets() -> TestResult {
    let store = seed_store()?;
    let rows = sparql::select(
        &store,
        "classifications",
        "SELECT ?t ?s ?start ?end ?p WHERE { ?x a poa:Classification ; oa:hasTarget/oa:hasSource ?c ; poa:surfaceForm ?s ;
           poa:startOffset ?start ; poa:endOffset ?end ; poa:labelProperty ?p ; oa:motivatedBy oa:classifying . ?c poa:text ?t }",
    )?;
    assert!(rows.len() > 500, "{} classifications", rows.len());
    for r in &rows {
        let (text, surface) = (
            row_text(r, "t").ok_or("text")?,
            row_text(r, "s").ok_or("surface")?,
        );
        let start: usize = row_text(r, "start").ok_or("start")?.parse()?;
        let end: usize = row_text(r, "end").ok_or("end")?.parse()?;
        let between: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(between, surface, "{:?}", row_text(r, "p"));
    }
    let unevidenced = sparql::select(
        &store,
        "labels without evidence",
        "SELECT ?c ?p ?v WHERE { VALUES ?p { poa:commitmentLevel poa:modality poa:sdg poa:aoipArea poa:leadVerb poa:hedge }
           ?c ?p ?v . FILTER NOT EXISTS { ?x a poa:Classification ; oa:hasTarget/oa:hasSource ?c ; poa:labelProperty ?p } }",
    )?;
    assert!(
        unevidenced.is_empty(),
        "{} labels without a classification",
        unevidenced.len()
    );
    let ranks = sparql::select(
        &store,
        "first goals",
        "SELECT ?x WHERE { ?x poa:labelProperty poa:sdg ; poa:sdgRank 1 }",
    )?;
    let with_goals = sparql::select(
        &store,
        "passages with goals",
        "SELECT DISTINCT ?c WHERE { ?c poa:sdg ?g }",
    )?;
    assert_eq!(
        ranks.len(),
        with_goals.len(),
        "one first goal per passage with goals"
    );
    Ok(())
}

#[test]
fn classify_reads_lines_tables_and_standard_input() -> TestResult {
    let env = Env::new();
    env.file(
        "lines.txt",
        "Promote, where feasible, dialogue on marine debris;\n\nExplore cooperation on malaria.\n",
    );
    let csv = env.run(&["classify", "lines.txt", "--format", "csv"]).ok();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "id",
            "lead_verb",
            "level",
            "hedges",
            "modalities",
            "sdgs",
            "aoip",
            "evidence"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 2, "{csv}");
    assert_eq!(
        (&rows[0][0], &rows[0][1], &rows[0][2], &rows[0][3]),
        ("1", "promote", "1", "where feasible")
    );
    assert!(rows[0][5].split(',').any(|g| g == "14"), "{csv}");
    assert_eq!((&rows[1][0], &rows[1][2]), ("3", "1"));
    assert!(rows[1][5].starts_with('3'), "{csv}");

    env.file(
        "passages.csv",
        "note,id,text\nx,a1,\"Convene an annual dialogue, as appropriate, on fisheries\"\n",
    );
    let json = env
        .run(&["classify", "passages.csv", "--format", "json"])
        .ok();
    let value: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(value[0]["id"], "a1");
    assert_eq!(value[0]["level"]["value"], 5, "{json}");
    assert_eq!(value[0]["lead_verb"]["phrase"], "convene");

    let mut child = env
        .command(&["classify", "-", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    std::io::Write::write_all(
        child.stdin.as_mut().ok_or("stdin")?,
        b"Provide USD 5 million for scholarships\n",
    )?;
    let out = child.wait_with_output()?;
    let text = String::from_utf8(out.stdout)?;
    assert!(
        text.contains("quantified: 5 million") || text.contains("quantified: USD 5 million"),
        "{text}"
    );
    Ok(())
}

#[test_case::test_case("empty.txt", b"" ; "an empty file")]
#[test_case::test_case("bad.txt", b"Support \xff\xfe trade\n" ; "invalid UTF-8")]
#[test_case::test_case("bad.csv", b"id,body\n1,Support trade\n" ; "a table without a text column")]
fn classify_refuses_bad_input_in_one_line(name: &str, bytes: &[u8]) {
    let env = Env::new();
    env.file(name, bytes);
    let line = env.run(&["classify", name]).user_error(name);
    assert!(!line.contains("--"), "{line}");
}

/// The Canada pair: revised clauses carry the change of level.
#[test]
fn revised_pairs_carry_their_level_change() -> TestResult {
    let writer = Writer::in_memory()?;
    let sources = ["canada-2016-2020", "canada-2021-2025"]
        .iter()
        .map(|f| ingest::Source::from_path(&repo_file(&format!("tests/fixtures/compare/{f}.txt"))))
        .collect::<Result<Vec<_>, _>>()?;
    ingest::build(&writer, &sources, true, crate::common::extractor())?;
    poakg::ops::store_comparisons(&writer)?;
    let store = writer.commit()?;
    let rows = sparql::select(
        &store,
        "level changes",
        "SELECT ?d ?la ?lb WHERE { ?x poa:levelChange ?d ; poa:earlier ?a ; poa:later ?b .
           ?a poa:commitmentLevel ?la . ?b poa:commitmentLevel ?lb }",
    )?;
    assert!(rows.len() > 30, "{} pairs with a level change", rows.len());
    for r in &rows {
        let n = |v: &str| {
            row_text(r, v)
                .and_then(|x| x.parse::<i64>().ok())
                .unwrap_or(99)
        };
        assert_eq!(n("d"), n("lb") - n("la"));
    }
    Ok(())
}
