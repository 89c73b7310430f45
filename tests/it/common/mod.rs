//! Test harness: a temporary folder per test and a way to run the binary in it
//! with its own store.

#![allow(dead_code)]

pub mod external;
pub mod http;
pub mod pdf;
pub mod served;
pub mod shared;
pub mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A temporary folder holding a store and any input files of one test.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn store(&self) -> PathBuf {
        self.path("store")
    }

    /// Writes an input file into the folder and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write input file");
        path
    }

    /// `poakg --store <dir>/store ARGS` run in the folder.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(poakg_binary());
        cmd.arg("--store")
            .arg(self.store())
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("POAKG_STORE");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run(self.command(args).output().expect("run poakg"))
    }
}

/// The outcome of one run of the binary.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    /// Asserts success and returns stdout.
    pub fn ok(&self) -> String {
        assert_eq!(
            self.code(),
            0,
            "stdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        self.stdout()
    }
    /// Asserts a user error: exit 1 and one error line naming `what` (other
    /// stderr lines may be progress notes), and returns that line.
    pub fn user_error(&self, what: &str) -> String {
        let err = self.stderr();
        assert_eq!(self.code(), 1, "stdout: {}\nstderr: {err}", self.stdout());
        let errors: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("poakg: error: "))
            .collect();
        assert_eq!(errors.len(), 1, "not one error line: {err}");
        assert!(
            errors[0].contains(what),
            "the error does not name {what:?}: {err}"
        );
        errors[0].to_owned()
    }
}

/// Number of clauses in the store, via SPARQL.
pub fn clause_count(env: &Env) -> usize {
    let out = env
        .run(&[
            "query",
            "--format",
            "tsv",
            "--query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:Clause }",
        ])
        .ok();
    out.lines()
        .nth(1)
        .and_then(|l| l.split('"').nth(1).or(Some(l)))
        .and_then(|n| n.trim().parse().ok())
        .expect("a count")
}

pub fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The bundled extractor, built once for the tests that parse in process.
pub fn extractor() -> &'static poakg::entities::Extractor {
    static EXTRACTOR: std::sync::OnceLock<poakg::entities::Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| poakg::entities::Extractor::bundled().expect("bundled registry"))
}

/// Text compared as people read it: spacing collapsed, case ignored.
pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The `poakg` binary of this build. It is poakg-cli's (the core crate has
/// no binary), built beside this test binary: `cargo test` from the
/// workspace root builds it first, since poakg-cli has tests of its own.
pub fn poakg_binary() -> std::path::PathBuf {
    static BINARY: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BINARY
        .get_or_init(|| {
            let exe = std::env::current_exe().expect("the test binary's path");
            // target/<profile>/deps/it-HASH -> target/<profile>/poakg
            let dir = exe
                .parent()
                .and_then(std::path::Path::parent)
                .expect("the test binary sits in target/<profile>/deps");
            let binary = dir.join(format!("poakg{}", std::env::consts::EXE_SUFFIX));
            assert!(
                binary.exists(),
                "{} is missing: run the tests from the workspace root (`cargo test --release`), which builds poakg-cli's binary",
                binary.display()
            );
            binary
        })
        .clone()
}
