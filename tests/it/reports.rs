//! The relationship reports and pictures, run as a user would.

use crate::common::{Env, TestResult};
use test_case::test_case;

#[test]
fn cross_pillar_report_gets_the_seed_facts_right() -> TestResult {
    let env = Env::new();
    let json = env
        .run(&["report", "cross-pillar", "--format", "json"])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json)?;
    let connectors = v["connectors"].as_array().ok_or("connectors")?;
    let pillars_of = |label: &str| -> Vec<String> {
        connectors
            .iter()
            .find(|c| c["entity"] == label)
            .map(|c| {
                c["pillars"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(pillars_of("ASEAN Regional Forum"), ["1", "3"]);
    assert_eq!(
        pillars_of("U.S.-ASEAN Smart Cities Partnership"),
        ["1", "2", "4"]
    );
    assert_eq!(
        pillars_of("ASEAN-U.S. Leaders' Statement on Cybersecurity Cooperation"),
        ["1", "2"]
    );
    assert_eq!(pillars_of("East Asia Summit"), ["1", "3"]);
    // ranked by span first
    assert_eq!(
        connectors[0]["entity"],
        "U.S.-ASEAN Smart Cities Partnership"
    );
    Ok(())
}

#[test_case("text")]
#[test_case("markdown")]
#[test_case("csv")]
fn text_reports_fit_an_80_column_terminal(format: &str) {
    let env = Env::new();
    for report in [
        &["report", "cross-pillar"][..],
        &["report", "pillars"],
        &["report", "central"],
        &["report", "communities"],
        &["report", "coverage"],
        &["report", "entity", "EAS"],
    ] {
        // piped, text is not wrapped; --width lays it out for a terminal
        let mut args = report.to_vec();
        args.extend(["--format", format, "--width", "80"]);
        let out = env.run(&args).ok();
        assert!(!out.trim().is_empty(), "{args:?}");
        match format {
            "text" => assert!(
                out.lines().all(|l| l.chars().count() <= 80),
                "{args:?}:\n{out}"
            ),
            "csv" => check_csv(&out, &args),
            _ => check_markdown(&out, &args),
        }
        // a fact checked by hand on the seed: the ASEAN Regional Forum is
        // named in pillars 1 and 3 (clauses 1.1.x and 3.x), in any format
        if report[1] == "cross-pillar" {
            let row = out
                .lines()
                .find(|l| l.contains("ASEAN Regional Forum"))
                .unwrap_or_else(|| panic!("{args:?}: no row of the ARF:\n{out}"));
            assert!(row.contains('1') && row.contains('3'), "{args:?}: {row}");
        }
    }
}

/// CSV as RFC 4180 readers take it: each table of the report (tables are
/// separated by a blank line) a header, at least one record, every record
/// as wide as its header.
fn check_csv(out: &str, args: &[&str]) {
    let normalised = out.replace("\r\n", "\n");
    for table in normalised.split("\n\n").filter(|t| !t.trim().is_empty()) {
        check_csv_table(table, args);
    }
}

fn check_csv_table(out: &str, args: &[&str]) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(out.as_bytes());
    let width = reader.headers().map(|h| h.len()).unwrap_or(0);
    assert!(width >= 2, "{args:?}: header of {width} columns:\n{out}");
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{args:?}: not CSV: {e}\n{out}"));
    assert!(!records.is_empty(), "{args:?}: no record");
}

/// Markdown tables as GitHub renders them: a header row, a delimiter row of
/// dashes, and rows of as many cells.
fn check_markdown(out: &str, args: &[&str]) {
    let lines: Vec<&str> = out.lines().collect();
    let tables: Vec<usize> = (1..lines.len())
        .filter(|&i| {
            lines[i].starts_with("|") && lines[i].contains("---") && lines[i - 1].starts_with('|')
        })
        .collect();
    assert!(!tables.is_empty(), "{args:?}: no Markdown table:\n{out}");
    // cells between unescaped pipes (`\|` is a pipe inside a cell)
    let cells = |l: &str| {
        let inner = l
            .trim()
            .strip_prefix('|')
            .unwrap_or(l)
            .strip_suffix('|')
            .unwrap_or(l);
        let mut n = 1;
        let mut escaped = false;
        for c in inner.chars() {
            if c == '|' && !escaped {
                n += 1;
            }
            escaped = c == '\\' && !escaped;
        }
        n
    };
    for at in tables {
        let width = cells(lines[at - 1]);
        assert_eq!(
            cells(lines[at]),
            width,
            "{args:?}: delimiter row of {}",
            lines[at]
        );
        let rows: Vec<&&str> = lines[at + 1..]
            .iter()
            .take_while(|l| l.starts_with('|'))
            .collect();
        assert!(!rows.is_empty(), "{args:?}: a table with no row");
        for row in rows {
            assert_eq!(cells(row), width, "{args:?}: {row}");
        }
    }
}

#[test]
fn entity_report_resolves_acronyms_and_suggests_names() {
    let env = Env::new();
    let out = env.run(&["report", "entity", "arf"]).ok();
    assert!(out.starts_with("ASEAN Regional Forum\n"), "{out}");
    assert!(out.contains("pillars: 1 3"), "{out}");
    assert!(out.contains("3.1.5"), "{out}");
    let err = env
        .run(&["report", "entity", "East Asia Sumit"])
        .user_error("no entity named \"East Asia Sumit\"; did you mean \"East Asia Summit\"");
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn path_report_explains_each_hop() -> TestResult {
    let env = Env::new();
    let json = env
        .run(&[
            "report",
            "path",
            "ARF",
            "ADMM-Plus Experts' Working Group on Humanitarian Mine Action",
            "--format",
            "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json)?;
    let path = v["path"].as_array().ok_or("path")?;
    assert_eq!(path.len(), 3, "{json}");
    assert_eq!(path[0]["entity"], "ASEAN Regional Forum");
    assert_eq!(
        path[2]["entity"],
        "ADMM-Plus Experts' Working Group on Humanitarian Mine Action"
    );
    Ok(())
}

#[test]
fn pictures() -> TestResult {
    let env = Env::new();
    let svg = env.run(&["report", "pillars", "--format", "svg"]).ok();
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
        "{svg}"
    );
    assert!(svg.contains("Political and Security Cooperation"));
    let dot = env.path("net.dot");
    env.run(&[
        "graph",
        "--format",
        "dot",
        "--output",
        dot.to_str().ok_or("path")?,
    ])
    .ok();
    let text = std::fs::read_to_string(&dot)?;
    assert!(text.starts_with("graph comention {") && text.contains("\"East Asia Summit\""));
    env.run(&["report", "central", "--format", "svg"])
        .user_error("--format svg is for `report pillars`");
    let have_dot = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    let svg_graph = env.run(&["graph", "--format", "svg"]);
    if !have_dot {
        svg_graph.user_error("apt-get install graphviz");
        return crate::common::external::skip(
            "the graph as SVG",
            "Graphviz's dot is not installed (apt-get install graphviz)",
        );
    }
    let svg = svg_graph.ok();
    assert!(
        svg.contains("<svg") && svg.contains("East Asia Summit"),
        "{svg}"
    );
    Ok(())
}

#[test]
fn analysis_results_are_queryable() {
    let env = Env::new();
    let out = env
        .run(&["query", "--format", "csv", "--query", "SELECT ?span WHERE { ?e skos:prefLabel \"East Asia Summit\"@en ; poa:pillarSpan ?span ; poa:betweenness ?b ; poa:community ?c }"])
        .ok();
    assert_eq!(out.replace("\r\n", "\n"), "span\n2\n");
}

#[test]
fn a_store_without_entities_says_so() -> TestResult {
    let env = Env::new();
    let data = env.file(
        "data.ttl",
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
    );
    env.run(&["build", "--source", data.to_str().ok_or("path")?])
        .ok();
    env.run(&["report", "cross-pillar"])
        .user_error("holds no plan that names an entity: nothing to analyse");
    Ok(())
}
