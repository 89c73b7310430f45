//! The command line, run as a user would, each test in a temporary folder.

use crate::common::{clause_count, Env, TestResult};
use test_case::test_case;

/// A small plan of the same genre, not the seed.
const OTHER_PLAN: &str = "\
Plan of Action to Implement the ASEAN-Freedonia Partnership (2022-2026)
ASEAN and Freedonia will cooperate in the areas below.
1. POLITICAL-SECURITY COOPERATION
1.1. Dialogue
1.1.1. Hold annual consultations;
1.1.2. Support the ASEAN Regional Forum;
2. ECONOMIC COOPERATION
2.1. Trade
2.1.1. Implement the trade work plan.
";

#[test]
fn build_prints_counts_per_class() {
    let env = Env::new();
    let out = env.run(&["build"]).ok();
    assert!(out.contains("asean-us-poa-2021-2025.txt (plan)"), "{out}");
    assert!(
        out.contains("asean-us-partnership-program-2024-2029.md (programme page)"),
        "{out}"
    );
    for line in [
        "126  poa:Clause",
        "27  poa:Section",
        "5  poa:Pillar",
        "4  poa:Activity",
        "1  poa:Preamble",
    ] {
        assert!(out.contains(line), "missing {line:?} in {out}");
    }
}

#[test]
fn reading_an_empty_store_builds_it_first() {
    let env = Env::new();
    let run = env.run(&["query", "clauses-per-pillar", "--format", "csv"]);
    let out = run.ok();
    assert!(
        run.stderr()
            .contains("is empty; building it from the bundled seeds"),
        "{}",
        run.stderr()
    );
    let counts: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap_or_default())
        .collect();
    assert_eq!(counts, ["38", "37", "36", "12", "3"]);
    // the second run finds the store built and says nothing
    let again = env.run(&["query", "clauses-per-pillar", "--format", "csv"]);
    assert_eq!(again.ok(), out);
    assert!(again.stderr().is_empty(), "{}", again.stderr());
}

#[test]
fn queries_lists_the_shipped_queries() {
    let env = Env::new();
    let out = env.run(&["queries"]).ok();
    assert!(out.lines().count() >= 8);
    let line = out
        .lines()
        .find(|l| l.starts_with("clauses-per-pillar "))
        .unwrap_or_default();
    assert!(
        line.ends_with("Number of numbered clauses in each pillar, in pillar order."),
        "{out}"
    );
}

#[test]
fn query_from_a_file_and_as_text() -> TestResult {
    let env = Env::new();
    let file = env.file(
        "q.rq",
        "SELECT ?t WHERE { ?s a poa:Section ; skos:notation \"4.4\" ; skos:prefLabel ?t }",
    );
    let out = env
        .run(&["query", file.to_str().ok_or("path")?, "--format", "tsv"])
        .ok();
    assert_eq!(out, "?t\n\"Development Cooperation\"@en\n");
    let ask = env
        .run(&[
            "query",
            "--query",
            "ASK { ?c skos:notation \"1.2.16\" }",
            "--format",
            "json",
        ])
        .ok();
    assert!(ask.contains("\"boolean\":true"), "{ask}");
    let table = env
        .run(&[
            "query",
            "--query",
            "SELECT ?n WHERE { ?p a poa:Pillar ; skos:notation ?n } ORDER BY ?n",
            "--format",
            "table",
        ])
        .ok();
    assert_eq!(table, "n\n-\n1\n2\n3\n4\n5\n(5 rows)\n");
    Ok(())
}

#[test]
fn construct_prints_turtle_by_default() {
    let env = Env::new();
    let out = env
        .run(&[
            "query",
            "--query",
            "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a poa:Pillar ; skos:prefLabel ?l }",
        ])
        .ok();
    assert!(out.contains("@prefix skos:"), "{out}");
    assert!(out.contains("\"Cross-Pillar Cooperation\""), "{out}");
}

#[test]
fn graph_clause_addresses_one_document() {
    let env = Env::new();
    let q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/poakg/id/graph/asean-us-partnership-program-2024-2029> { ?c a poa:Clause } }";
    let out = env.run(&["query", "--format", "csv", "--query", q]).ok();
    assert_eq!(out.replace("\r\n", "\n"), "n\n0\n");
}

#[test_case(&["query", "--query", "SELECT ?x WHERE { ?x ?y }"], "--query: SPARQL syntax error at 1:" ; "syntax error with position")]
#[test_case(&["query", "no-such-query"], "no-such-query: no such file, and no shipped query" ; "unknown query")]
#[test_case(&["query"], "required arguments were not provided: <FILE|NAME>" ; "no query at all")]
#[test_case(&["query", "--query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"], "does not apply to CONSTRUCT/DESCRIBE" ; "format for graph results")]
#[test_case(&["build", "--source", "missing.txt"], "missing.txt" ; "missing source")]
#[test_case(&["export", "--graph", "https://example.org/none"], "no such graph" ; "unknown graph")]
#[test_case(&["query", "--formt", "csv"], "--formt" ; "bad flag")]
#[test_case(&["query", "--query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"], "SERVICE <http://127.0.0.1:9/sparql>: poakg does not call remote endpoints" ; "no federated calls")]
fn user_errors_exit_1_with_one_line(args: &[&str], what: &str) {
    let env = Env::new();
    env.run(args).user_error(what);
}

#[test_case("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" as &[u8], "binary data" ; "binary")]
#[test_case("broken.pdf", b"%PDF-1.7\n\0\x01\x02" as &[u8], "not a readable PDF" ; "damaged pdf")]
#[test_case("empty.txt", b"" as &[u8], "the text is empty" ; "empty")]
#[test_case("prose.txt", b"Call me Ishmael. Some years ago, never mind how long precisely,\nhaving little money in my purse, I thought I would sail about.\n" as &[u8], "does not look like a plan" ; "prose")]
#[test_case("junk.txt", b"caf\x81\x02\n" as &[u8], "not text in UTF-8, UTF-16 or Windows-1252" ; "no text encoding")]
#[test_case("page.md", b"---\ntitle: [broken\n---\n" as &[u8], "front matter, line" ; "bad yaml")]
#[test_case("bad.ttl", b"<a> <b> ." as &[u8], "bad.ttl" ; "bad turtle")]
fn bad_input_keeps_the_previous_graph(name: &str, contents: &[u8], what: &str) -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let path = env.file(name, contents);
    let err = env
        .run(&["build", "--source", path.to_str().ok_or("path")?])
        .user_error(what);
    assert!(err.contains(name), "{err}");
    assert_eq!(clause_count(&env), 126);
    Ok(())
}

#[test]
fn a_cut_text_keeps_its_whole_clauses_and_strict_refuses_it() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let seed =
        std::fs::read_to_string(crate::common::repo_file("seeds/asean-us-poa-2021-2025.txt"))?;
    let cut = &seed[..seed
        .find("through the ADMM-Plus framework")
        .ok_or("marker")?];
    let path = env.file("cut.txt", cut);
    let path = path.to_str().ok_or("path")?;
    // --strict refuses an excerpt as before, and loses nothing
    env.run(&["build", "--strict", "--source", path])
        .user_error("looks truncated");
    assert_eq!(clause_count(&env), 126);
    // by default the whole clauses before the cut are kept, the plan is
    // marked incomplete and the cut clause named
    let out = env.run(&["build", "--source", path]).ok();
    assert!(out.contains("the text is cut"), "{out}");
    let kept = clause_count(&env);
    assert!(kept > 0 && kept < 126, "{kept} clauses");
    let marked = env
        .run(&[
            "query",
            "--format",
            "csv",
            "--query",
            "SELECT ?cut WHERE { ?p poa:complete false ; poa:cutClause ?cut }",
        ])
        .ok();
    let cut_clause = marked
        .lines()
        .nth(1)
        .ok_or("no incomplete plan")?
        .trim()
        .to_owned();
    let cut_at = cut
        .rfind(&format!("\n{cut_clause}"))
        .ok_or("the cut clause is not in the text")?;
    assert!(
        cut[cut_at..].lines().count() <= 4,
        "{cut_clause} is not the last clause"
    );
    Ok(())
}

#[test]
fn another_plan_of_the_genre_replaces_the_seeds() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let path = env.file("freedonia.txt", OTHER_PLAN);
    let out = env
        .run(&["build", "--source", path.to_str().ok_or("path")?])
        .ok();
    assert!(out.contains("3  poa:Clause"), "{out}");
    assert_eq!(clause_count(&env), 3);
    // --add keeps what is there
    env.run(&["build", "--add"]).ok();
    assert_eq!(clause_count(&env), 129);
    Ok(())
}

#[test]
fn a_store_held_by_another_process_is_reported() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let held = poakg::store::Writer::begin(&poakg::store::Location::Disk(env.store()), true)?;
    // a writer is refused with a clear message; readers are not blocked
    env.run(&["build"])
        .user_error("in use by another poakg process");
    env.run(&["stats"]).ok();
    drop(held);
    env.run(&["build"]).ok();
    Ok(())
}

#[test]
fn export_to_a_file_and_one_graph() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let out = env.path("plan.nt");
    env.run(&[
        "export",
        "--format",
        "ntriples",
        "--graph",
        "https://w3id.org/poakg/id/graph/asean-us-poa-2021-2025",
        "--output",
        out.to_str().ok_or("path")?,
    ])
    .ok();
    let text = std::fs::read_to_string(&out)?;
    assert!(text.contains("<https://w3id.org/poakg/id/asean-us-poa-2021-2025/clause/1.2.16>"));
    assert!(!text.contains("activity/1"), "only the plan's graph");
    assert!(!env.path("plan.nt.partial").exists());
    Ok(())
}

#[test]
fn stats_shows_graphs_and_classes() {
    let env = Env::new();
    let out = env.run(&["stats"]).ok();
    assert!(
        out.contains("https://w3id.org/poakg/id/graph/asean-us-poa-2021-2025"),
        "{out}"
    );
    assert!(out.contains("https://w3id.org/poakg/ontology "), "{out}");
    assert!(out.contains("126  poa:Clause"), "{out}");
}

#[test]
fn entities_and_mentions_commands() {
    let env = Env::new();
    let csv = env
        .run(&["entities", "--type", "Mechanism", "--format", "csv"])
        .ok();
    let arf = csv
        .lines()
        .find(|l| l.starts_with("ASEAN Regional Forum,"))
        .unwrap_or_default();
    assert!(arf.contains(",Mechanism,ARF,"), "{csv}");
    assert!(arf.contains(",1 3,"), "pillars 1 and 3: {arf}");
    assert!(!csv.contains(",Instrument,"), "--type filters: {csv}");
    let mentions = env.run(&["mentions", "1.2.1", "--format", "csv"]).ok();
    for expected in [
        "ASEAN Regional Forum",
        "ARF",
        "registry",
        "East Asia Summit",
    ] {
        assert!(
            mentions.contains(expected),
            "{expected} missing from {mentions}"
        );
    }
    // piped, a row is one line (grep finds a name whole); with --width the
    // table fits it, long names wrapped rather than cut
    let piped = env.run(&["mentions", "1.2.1"]).ok();
    assert!(
        piped
            .lines()
            .any(|l| l.contains("ASEAN Defence Ministers' Meeting-Plus")),
        "{piped}"
    );
    assert!(piped.lines().any(|l| l.chars().count() > 80), "{piped}");
    let table = env.run(&["mentions", "1.2.1", "--width", "80"]).ok();
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    assert!(!table.contains('…'), "{table}");
    let words: Vec<&str> = table.split_whitespace().collect();
    for word in ["ASEAN", "Defence", "Ministers'", "Meeting-Plus"] {
        assert!(words.contains(&word), "{word} missing from {table}");
    }
    let json = env.run(&["mentions", "1.2.1", "--format", "json"]).ok();
    assert!(json.trim_start().starts_with('['), "{json}");
}

#[test_case(&["entities", "--type", "Forum"], "unknown class" ; "unknown class")]
#[test_case(&["mentions", "9.9.9"], "no passage \"9.9.9\"" ; "unknown passage")]
#[test_case(&["eval", "missing.tsv"], "missing.tsv" ; "missing gold")]
fn entity_command_errors(args: &[&str], what: &str) {
    Env::new().run(args).user_error(what);
}

#[test]
fn eval_scores_a_hand_annotation() -> TestResult {
    let env = Env::new();
    let gold = env.file("gold.tsv", "# scope: 1.2.1\nclause\tentity\tclass\n1.2.1\tASEAN Regional Forum\tMechanism\n1.2.1\tEast Asia Summit\tMechanism\n1.2.1\tNo Such Body\tASEANBody\n");
    let out = env.run(&["eval", gold.to_str().ok_or("path")?]).ok();
    assert!(out.contains("recall         0.667"), "{out}");
    assert!(out.contains("1.2.1     No Such Body [ASEANBody]"), "{out}");
    let bad = env.file("bad.tsv", "clause\tentity\tclass\n1.2.1\tX\tForum\n");
    env.run(&["eval", bad.to_str().ok_or("path")?])
        .user_error("bad.tsv, line 2: unknown class");
    Ok(())
}

#[test]
fn query_reads_standard_input() -> crate::common::TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let mut child = env
        .command(&["query", "-", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    std::io::Write::write_all(
        child.stdin.as_mut().ok_or("stdin")?,
        b"SELECT (COUNT(?c) AS ?n) WHERE { ?c a poa:Clause }",
    )?;
    let out = child.wait_with_output()?;
    assert_eq!(String::from_utf8(out.stdout)?, "n\r\n126\r\n");
    Ok(())
}
