//! The `poakg` binary: parse the command line, run, map errors to exit codes.

use clap::Parser;
use poakg::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // A bad flag is a user error (1), said in one line.
            let rendered = e.render().to_string();
            let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("invalid arguments");
            let first = first.trim_start_matches("error: ");
            let tip = lines
                .find(|l| l.starts_with("tip:"))
                .map(|t| format!(" ({})", t.trim_start_matches("tip: ")))
                .unwrap_or_default();
            eprintln!("poakg: error: {first}{tip}; see `poakg --help`");
            return ExitCode::from(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = poakg::app::run(cli, &mut out, &mut std::io::stderr())
        .and_then(|()| std::io::Write::flush(&mut out).map_err(poakg::app::Error::Output));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("poakg: error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
