//! The command line's own tests: what this crate decides (the commands clap
//! offers, how flags are refused, the exit codes). What each command does is
//! tested from the core crate's `tests/it`, which runs this same binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use std::process::{Command, Output};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn poakg(args: &[&str]) -> std::io::Result<Output> {
    Command::new(env!("CARGO_BIN_EXE_poakg"))
        .args(args)
        .env_remove("POAKG_STORE")
        .output()
}

#[test]
fn help_lists_every_command() -> TestResult {
    let out = poakg(&["--help"])?;
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout)?;
    for command in [
        "build", "query", "queries", "export", "stats", "entities", "plans", "mentions", "report",
        "graph", "serve", "validate", "push", "eval", "compare",
    ] {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "help does not list {command}:\n{help}"
        );
    }
    Ok(())
}

#[test]
fn an_unknown_flag_is_a_user_error_on_one_line() -> TestResult {
    // docs/commands.md: exit 1 for a user error (a bad flag included), 2
    // for an internal failure
    let out = poakg(&["report", "--no-such-flag"])?;
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr)?;
    assert!(err.contains("'--no-such-flag'"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
    Ok(())
}

#[test]
fn the_version_is_the_workspace_version() -> TestResult {
    let out = poakg(&["--version"])?;
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout)?;
    assert_eq!(text.trim(), format!("poakg {}", env!("CARGO_PKG_VERSION")));
    Ok(())
}
