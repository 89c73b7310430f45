//! What ARCHITECTURE.md states about the code's shape and that neither the
//! crate boundaries, the types nor the lints can say: the core's dependency
//! list (read from `cargo metadata`), where the network is touched, and the
//! size of modules and functions.

use crate::common::{repo_file, TestResult};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates' source folders, relative to the repository.
const SOURCE_DIRS: [&str; 3] = ["src", "crates/poakg-web/src", "crates/poakg-cli/src"];

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

fn all_sources() -> Vec<(String, String)> {
    SOURCE_DIRS.iter().flat_map(|d| sources(d)).collect()
}

/// `cargo metadata` of the workspace for this machine's platform (the
/// others' crates need not be downloaded), as JSON.
fn metadata() -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let rustc = std::process::Command::new("rustc").arg("-vV").output()?;
    let host = String::from_utf8(rustc.stdout)?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .ok_or("rustc -vV names no host")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(repo_file(""))
        .output()?;
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// The names of the packages `root` depends on for its library (normal
/// dependencies, followed transitively; dev- and build-dependencies left out).
fn normal_closure(meta: &serde_json::Value, root: &str) -> BTreeSet<String> {
    let nodes: BTreeMap<&str, &serde_json::Value> = meta["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let name_of = |id: &str| -> String {
        meta["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["id"] == id)
            .and_then(|p| p["name"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let Some(start) = nodes.keys().find(|id| name_of(id) == root).copied() else {
        return BTreeSet::new();
    };
    let mut seen = BTreeSet::from([start]);
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if let (true, Some(next)) = (normal, dep["pkg"].as_str()) {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
    }
    seen.into_iter().map(name_of).collect()
}

#[test]
fn the_workspace_is_a_core_a_web_crate_and_a_command_line_crate() -> TestResult {
    let meta = metadata()?;
    let members: BTreeSet<String> = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| {
            meta["workspace_members"]
                .as_array()
                .is_some_and(|m| m.contains(&p["id"]))
        })
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        members,
        BTreeSet::from(["poakg".into(), "poakg-web".into(), "poakg-cli".into()])
    );
    let core = normal_closure(&meta, "poakg");
    assert!(
        core.contains("oxigraph") && core.contains("petgraph"),
        "{core:?}"
    );
    for foreign in [
        "clap",
        "askama",
        "indicatif",
        "terminal_size",
        "poakg-web",
        "poakg-cli",
    ] {
        assert!(
            !core.contains(foreign),
            "the core library depends on {foreign}: it knows nothing of the command line or the web pages"
        );
    }
    let web = normal_closure(&meta, "poakg-web");
    assert!(web.contains("askama") && !web.contains("clap"), "{web:?}");
    Ok(())
}

#[test]
fn the_core_asks_for_no_http_server() -> TestResult {
    let meta = metadata()?;
    let core = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "poakg")
        .ok_or("the core package")?;
    let oxhttp = core["dependencies"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["name"] == "oxhttp")
        .ok_or("the core's HTTP client")?;
    let features: Vec<&str> = oxhttp["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f.as_str())
        .collect();
    assert!(features.contains(&"client"), "{features:?}");
    assert!(
        !features.contains(&"server"),
        "the core asks oxhttp for a server: {features:?}"
    );
    Ok(())
}

#[test]
fn only_the_endpoint_push_and_remote_queries_touch_the_network() -> TestResult {
    for (path, code) in all_sources() {
        for word in [
            "TcpStream",
            "TcpListener",
            "oxhttp::Client",
            "std::net::UdpSocket",
        ] {
            if code.contains(word) {
                assert!(
                    path.starts_with("crates/poakg-web/src/server/")
                        || path.starts_with("src/push/")
                        || path == "src/remote.rs",
                    "{path} uses {word}"
                );
            }
        }
    }
    Ok(())
}

/// Modules stay readable at once.
#[test]
fn modules_stay_under_five_hundred_lines() -> TestResult {
    let all = all_sources();
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

/// `code` with its strings (raw ones included), character literals and
/// comments blanked out, line breaks kept: the braces left are the code's.
fn code_only(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut k = 0;
    // everything up to `end` becomes line breaks only
    let skip_to = |out: &mut String, from: usize, end: usize| {
        out.extend(
            chars[from..end.min(chars.len())]
                .iter()
                .filter(|c| **c == '\n'),
        );
    };
    while k < chars.len() {
        let rest = |n: usize| chars.get(k + n).copied();
        let end = match (chars[k], rest(1)) {
            ('/', Some('/')) => (k..chars.len())
                .find(|&e| chars[e] == '\n')
                .unwrap_or(chars.len()),
            ('/', Some('*')) => (k + 2..chars.len())
                .find(|&e| chars[e - 1] == '*' && chars[e] == '/')
                .map_or(chars.len(), |e| e + 1),
            ('r', Some('"' | '#')) if k == 0 || !chars[k - 1].is_alphanumeric() => {
                let hashes = chars[k + 1..].iter().take_while(|c| **c == '#').count();
                let open = k + 1 + hashes;
                if chars.get(open) != Some(&'"') {
                    out.push(chars[k]);
                    k += 1;
                    continue;
                }
                let closing = |e: usize| {
                    chars[e] == '"' && (1..=hashes).all(|h| chars.get(e + h) == Some(&'#'))
                };
                (open + 1..chars.len())
                    .find(|&e| closing(e))
                    .map_or(chars.len(), |e| e + 1 + hashes)
            }
            ('"', _) => {
                let mut e = k + 1;
                while e < chars.len() && chars[e] != '"' {
                    e += if chars[e] == '\\' { 2 } else { 1 };
                }
                e + 1
            }
            ('\'', Some('\\')) => (k + 2..chars.len())
                .find(|&e| chars[e] == '\'')
                .map_or(chars.len(), |e| e + 1),
            ('\'', Some(_)) if rest(2) == Some('\'') => k + 3,
            (c, _) => {
                out.push(c);
                k += 1;
                continue;
            }
        };
        skip_to(&mut out, k, end);
        k = end;
    }
    out
}

/// Each function of `code` (up to its first `#[cfg(test)]`) over `max`
/// lines, from its `fn` line to its closing brace, as `name (N lines)`.
fn long_functions(code: &str, max: usize) -> Vec<String> {
    let stripped = code_only(code);
    let lines: Vec<&str> = stripped
        .lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .collect();
    let mut long = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| *w == "fn") else {
            continue;
        };
        let head_ok = words[..at]
            .iter()
            .all(|w| w.starts_with("pub") || matches!(*w, "const" | "async" | "unsafe" | "extern"));
        if !head_ok {
            continue;
        }
        let (mut depth, mut opened) = (0i64, false);
        for (k, code) in lines[start..].iter().enumerate() {
            if !opened && code.contains(';') && !code.contains('{') {
                break; // a declaration without a body
            }
            for c in code.chars() {
                match c {
                    '{' => (depth, opened) = (depth + 1, true),
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if opened && depth == 0 {
                if k + 1 > max {
                    let name = words[at + 1].split(['(', '<']).next().unwrap_or_default();
                    long.push(format!("{name} ({} lines)", k + 1));
                }
                break;
            }
        }
    }
    long
}

#[test]
fn the_counter_of_function_lengths_counts() {
    let body = "    let x = \"}\";\n    let s = \"a\n    {\";\n";
    let code = format!(
        "pub(crate) fn short() {{\n{body}}}\n\nfn long(a: &str) -> Result<(), ()> {{\n{}}}\n",
        "    a; // }\n".repeat(5)
    );
    assert_eq!(long_functions(&code, 5), ["long (7 lines)"]);
    assert!(long_functions(&code, 7).is_empty());
    assert_eq!(
        code_only("let c = '{'; /* } */ let r = r#\"}\"#; 'a"),
        "let c = ;  let r = ; 'a"
    );
}

/// Functions stay readable at once: none over 80 lines outside tests.
#[test]
fn functions_stay_under_eighty_lines() -> TestResult {
    let long: Vec<String> = all_sources()
        .iter()
        .flat_map(|(path, code)| {
            long_functions(code, 80)
                .into_iter()
                .map(move |f| format!("{path}: {f}"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "functions over 80 lines:\n{}",
        long.join("\n")
    );
    Ok(())
}
