//! Checks that need a program from outside the crate (Chromium and its
//! driver, Oxigraph's server, Python with rdflib, pyld or networkx,
//! Graphviz). Under CI (`CI` set, as `.ci/run` sets it) a missing program is
//! a failure, so a green CI run means every check ran. Elsewhere the test
//! says what it skipped, and the run lists every skip again, one line each,
//! when the test binary ends, so that no skip hides in the middle of the
//! output.

use std::sync::{Mutex, Once};

static SKIPPED: Mutex<Vec<String>> = Mutex::new(Vec::new());
static AT_EXIT: Once = Once::new();

/// Whether this run is CI's.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A check that cannot run here: an error under CI, else recorded for the
/// end-of-run list. `check` names the test, `why` what is missing and how
/// to get it.
pub fn skip(check: &str, why: &str) -> Result<(), Box<dyn std::error::Error>> {
    if in_ci() {
        return Err(
            format!("{check} cannot run: {why}; under CI every external check must run").into(),
        );
    }
    eprintln!("skipped {check}: {why}");
    if let Ok(mut list) = SKIPPED.lock() {
        list.push(format!("skipped {check}: {why}"));
    }
    AT_EXIT.call_once(|| {
        // SAFETY: registering a plain extern "C" function with no captured
        // state; it runs once, after the harness has printed its summary.
        unsafe {
            libc::atexit(list_skips);
        }
    });
    Ok(())
}

/// An environment variable that turns a check off or rewrites expected
/// data: refused under CI.
pub fn refuse_under_ci(variable: &str) -> Result<(), Box<dyn std::error::Error>> {
    if in_ci() && std::env::var_os(variable).is_some() {
        return Err(format!(
            "{variable} is set: CI refuses it (it would skip a check or rewrite expected data)"
        )
        .into());
    }
    Ok(())
}

extern "C" fn list_skips() {
    let list = SKIPPED.lock().map(|l| l.clone()).unwrap_or_default();
    if list.is_empty() {
        return;
    }
    eprintln!("\nexternal checks that did not run ({}):", list.len());
    for line in list {
        eprintln!("  {line}");
    }
}
