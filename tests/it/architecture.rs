//! The invariants ARCHITECTURE.md states about the code's shape, checked on
//! the sources themselves so that the document cannot drift from the code.

use crate::common::{repo_file, TestResult};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its path relative to the repository.
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![repo_file(dir)];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(repo_file(""))
                    .unwrap_or(Path::new(""))
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its `#[cfg(test)]` module (tests may print
/// and unwrap).
fn non_test(code: &str) -> &str {
    code.find("#[cfg(test)]").map_or(code, |at| &code[..at])
}

#[test]
fn the_library_knows_nothing_of_the_command_line() -> TestResult {
    for (path, code) in sources("src") {
        if path.starts_with("src/bin/") {
            continue;
        }
        let code = non_test(&code);
        for word in [
            "clap",
            "println!",
            "eprintln!",
            "std::process::exit",
            "terminal_size",
            "indicatif",
        ] {
            assert!(!code.contains(word), "{path} uses {word}: the library is driven by the binary, it does not print or parse flags");
        }
    }
    Ok(())
}

#[test]
fn only_ingest_ops_and_the_store_write_graphs() -> TestResult {
    let allowed = ["src/ingest/load.rs", "src/ops/", "src/store/"];
    for (path, code) in sources("src") {
        let code = non_test(&code);
        if ["replace_graphs(", "bulk_loader(", "load_quads("]
            .iter()
            .any(|w| code.contains(w))
        {
            assert!(
                allowed.iter().any(|a| path.starts_with(a)),
                "{path} writes graphs"
            );
        }
    }
    Ok(())
}

#[test]
fn only_the_endpoint_and_push_touch_the_network() -> TestResult {
    for (path, code) in sources("src") {
        let code = non_test(&code);
        for word in [
            "TcpStream",
            "TcpListener",
            "oxhttp::Client",
            "std::net::UdpSocket",
        ] {
            if code.contains(word) {
                assert!(
                    path.starts_with("src/server/") || path == "src/push.rs",
                    "{path} uses {word}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn library_code_has_no_unwrap() -> TestResult {
    for (path, code) in sources("src") {
        if path.starts_with("src/bin/") || path.ends_with("/tests.rs") {
            continue;
        }
        assert!(
            !non_test(&code).contains(".unwrap()"),
            "{path}: .unwrap() outside tests"
        );
    }
    Ok(())
}

/// Modules stay readable at once.
#[test]
fn modules_stay_under_five_hundred_lines() -> TestResult {
    let all = sources("src");
    assert!(
        all.len() > 100 && all.iter().any(|(p, _)| p == "src/lib.rs"),
        "the sources were not found"
    );
    for (path, code) in all {
        let lines = code.lines().count();
        assert!(lines <= 500, "{path} has {lines} lines");
    }
    Ok(())
}
