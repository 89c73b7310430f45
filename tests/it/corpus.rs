//! Several plans in one store, through the command line: each plan keeps its
//! own pillars, sections and clauses; listings and reports say which plan a
//! row comes from and `--plan` narrows them to one; partner, period and
//! predecessor are data; `build --add` replaces one plan's graph and keeps
//! the others; `--source` takes folders and globs.

use crate::common::{repo_file, Env, TestResult};
use test_case::test_case;

/// Two consecutive ASEAN-Canada plans and an ASEAN-Japan plan, in a folder.
fn corpus(env: &Env) -> TestResult {
    std::fs::create_dir_all(env.path("docs"))?;
    for (from, to) in [
        (
            "tests/fixtures/compare/canada-2016-2020.txt",
            "docs/canada-a.txt",
        ),
        (
            "tests/fixtures/compare/canada-2021-2025.txt",
            "docs/canada-b.txt",
        ),
        ("tests/fixtures/partners/asean-japan.txt", "docs/japan.txt"),
    ] {
        std::fs::copy(repo_file(from), env.path(to))?;
    }
    env.run(&["build", "--source", "docs"]).ok();
    Ok(())
}

/// Quads per named graph, as CSV lines `graph,count`.
fn graph_sizes(env: &Env) -> String {
    env.run(&[
        "query",
        "--format",
        "csv",
        "--query",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    ])
    .ok()
}

/// Rows of a CSV output, split on commas (these fixtures' cells have none
/// in the columns read).
fn csv_rows(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[test]
fn plans_are_listed_with_partner_period_and_predecessor() -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    let out = env.run(&["plans", "--format", "csv"]).ok();
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 4, "{out}");
    let find = |slug: &str| rows.iter().find(|r| r.iter().any(|c| c == slug)).cloned();
    let later = find("asean-ca-poa-2021-2025").ok_or("no 2021 Canada plan")?;
    assert!(later.iter().any(|c| c == "Canada"), "{later:?}");
    assert!(later.iter().any(|c| c == "2021-2025"), "{later:?}");
    // the 2021 plan names the 2016 plan as the one it follows
    assert!(
        later.iter().any(|c| c == "asean-ca-poa-2016-2020"),
        "{later:?}"
    );
    assert!(find("asean-jp-poa-2023-2027").is_some(), "{out}");
    // and the graph says so
    let ask = env
        .run(&[
            "query",
            "--format",
            "csv",
            "--query",
            "ASK { id:asean-ca-poa-2021-2025 dcterms:replaces id:asean-ca-poa-2016-2020 ;
                     poa:partner ?p ; poa:startYear ?s . ?p skos:notation \"CA\" FILTER(STR(?s) = \"2021\") }",
        ])
        .ok();
    assert!(ask.contains("true"), "{ask}");
    Ok(())
}

#[test]
fn reports_keep_plans_apart_and_plan_narrows_them() -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    // the pillar matrix has one row per plan's pillar, not pillar "1" merged
    let all = env.run(&["report", "pillars", "--format", "csv"]).ok();
    for key in ["CA:2016/1", "CA:2021/1", "JP:2023/1"] {
        assert!(all.contains(key), "no {key} in {all}");
    }
    let one = env
        .run(&["report", "pillars", "--format", "csv", "--plan", "JP:2023"])
        .ok();
    assert!(!one.contains("CA:"), "{one}");
    let rows = csv_rows(&one);
    assert!(rows.len() >= 4, "{one}");
    // connectors over the corpus say in which plans they connect pillars
    let cross = env.run(&["report", "cross-pillar", "--format", "csv"]).ok();
    let header = cross.lines().next().unwrap_or_default();
    assert!(header.contains("plans"), "{cross}");
    assert!(cross.contains("CA:2016 CA:2021"), "{cross}");
    Ok(())
}

#[test_case(&["mentions", "1.1.1", "--format", "csv"] ; "mentions")]
#[test_case(&["entities", "--format", "csv"] ; "entities")]
fn listings_say_which_plan_each_row_comes_from(args: &[&str]) -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    let all = env.run(args).ok();
    assert!(
        all.lines().next().unwrap_or_default().contains("plan"),
        "{all}"
    );
    assert!(all.contains("CA:2016") && all.contains("CA:2021"), "{all}");
    let mut narrowed: Vec<&str> = args.to_vec();
    narrowed.extend(["--plan", "asean-ca-poa-2021-2025"]);
    let one = env.run(&narrowed).ok();
    assert!(
        !one.contains("CA:2016") && !one.contains("JP:2023"),
        "{one}"
    );
    assert!(one.lines().count() > 1, "{one}");
    Ok(())
}

#[test_case("CA", "names 2 plans" ; "a partner with two plans asks which")]
#[test_case("Kanada:2021", "did you mean" ; "a misspelt partner gets suggestions")]
fn a_plan_named_ambiguously_or_wrongly_is_a_clear_error(plan: &str, what: &str) -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    let run = env.run(&["report", "pillars", "--plan", plan]);
    let line = run.user_error(plan);
    assert!(line.contains(what), "{line}");
    assert!(line.contains("asean-ca-poa-2021-2025"), "{line}");
    Ok(())
}

#[test]
fn adding_a_plan_keeps_the_others_and_rebuilding_one_replaces_it() -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    let before = graph_sizes(&env);
    let korea = repo_file("tests/fixtures/partners/asean-korea.txt");
    let korea = korea.to_str().ok_or("path")?;
    env.run(&["build", "--add", "--source", korea]).ok();
    let plans = env.run(&["plans", "--format", "csv"]).ok();
    assert_eq!(plans.lines().count(), 5, "{plans}");
    // the same plan again: its graph replaced, not doubled, the others intact
    env.run(&["build", "--add", "--source", korea]).ok();
    let after = graph_sizes(&env);
    let size = |stats: &str, graph: &str| -> Option<String> {
        stats
            .lines()
            .find(|l| l.contains(graph))
            .map(|l| l.rsplit(',').next().unwrap_or_default().to_owned())
    };
    for graph in [
        "graph/asean-ca-poa-2016-2020",
        "graph/asean-jp-poa-2023-2027",
    ] {
        assert_eq!(size(&before, graph), size(&after, graph), "{graph}");
        assert!(size(&after, graph).is_some(), "{after}");
    }
    let once = graph_sizes(&env);
    env.run(&["build", "--add", "--source", korea]).ok();
    let twice = graph_sizes(&env);
    assert_eq!(
        size(&once, "graph/asean-kr-poa"),
        size(&twice, "graph/asean-kr-poa")
    );
    Ok(())
}

#[test]
fn sources_take_globs_and_refuse_what_names_nothing() -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    let out = env.run(&["build", "--source", "docs/canada-*.txt"]).ok();
    assert!(
        out.contains("canada-a.txt") && out.contains("canada-b.txt"),
        "{out}"
    );
    assert!(!out.contains("japan.txt"), "{out}");
    env.run(&["build", "--source", "docs/*.pdf"])
        .user_error("docs/*.pdf: no file matches");
    env.run(&["build", "--source", "nowhere"])
        .user_error("nowhere: no such file or folder");
    std::fs::create_dir_all(env.path("empty"))?;
    env.run(&["build", "--source", "empty"])
        .user_error("empty: a folder with no documents");
    // the failed builds left the last good one in place
    assert_eq!(
        env.run(&["plans", "--format", "csv"]).ok().lines().count(),
        3
    );
    Ok(())
}

#[test]
fn two_files_of_one_plan_are_refused_naming_both() -> TestResult {
    let env = Env::new();
    corpus(&env)?;
    std::fs::copy(env.path("docs/japan.txt"), env.path("docs/japan-copy.txt"))?;
    // the second is refused naming both; the others are built
    let run = env.run(&["build", "--source", "docs"]);
    run.user_error("1 of 4 documents were refused");
    let err = run.stderr();
    let line = err
        .lines()
        .find(|l| l.starts_with("refused "))
        .ok_or("no refusal listed")?;
    assert!(
        line.contains("japan-copy.txt") && line.contains("japan.txt") && line.contains("same plan"),
        "{line}"
    );
    // --strict stops there, naming both
    let line = env
        .run(&["build", "--strict", "--source", "docs"])
        .user_error("japan-copy.txt");
    assert!(
        line.contains("japan.txt") && line.contains("same plan"),
        "{line}"
    );
    Ok(())
}

#[test]
fn overrides_give_what_the_text_does_not() -> TestResult {
    let env = Env::new();
    // a plan whose title names no partner and no period
    let text = std::fs::read_to_string(repo_file("tests/fixtures/partners/asean-japan.txt"))?;
    let body: String = text.lines().skip(1).collect::<Vec<_>>().join("\n");
    env.file("untitled.txt", format!("Plan of Action\n{body}\n"));
    let out = env
        .run(&[
            "build",
            "--source",
            "untitled.txt",
            "--partner",
            "Japan",
            "--period",
            "2031-2035",
        ])
        .ok();
    assert!(out.contains("asean-jp-poa-2031-2035"), "{out}");
    // a sidecar says the same for one file, and a flag beats it
    env.file("untitled.txt.meta", "partner: KR\nperiod: 2041-2045\n");
    let out = env.run(&["build", "--source", "untitled.txt"]).ok();
    assert!(out.contains("asean-kr-poa-2041-2045"), "{out}");
    let out = env
        .run(&["build", "--source", "untitled.txt", "--period", "2046-2050"])
        .ok();
    assert!(out.contains("asean-kr-poa-2046-2050"), "{out}");
    env.file("untitled.txt.meta", "partner KR\n");
    env.run(&["build", "--source", "untitled.txt"])
        .user_error("untitled.txt.meta, line 1");
    Ok(())
}

#[test]
fn a_build_off_a_terminal_draws_no_progress_and_many_documents_are_summed_up() -> TestResult {
    let env = Env::new();
    std::fs::create_dir_all(env.path("many"))?;
    let text = std::fs::read_to_string(repo_file("tests/fixtures/partners/asean-japan.txt"))?;
    for i in 0..25 {
        env.file(&format!("many/plan-{i:02}.txt"), &text);
        env.file(
            &format!("many/plan-{i:02}.txt.meta"),
            format!("period: {}-{}\n", 1970 + 5 * i, 1974 + 5 * i),
        );
    }
    let run = env.run(&["build", "--source", "many"]);
    let out = run.ok();
    assert!(run.stderr().is_empty(), "{}", run.stderr());
    assert!(out.contains("25 documents:"), "{out}");
    Ok(())
}
