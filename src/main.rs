//! The `poakg` binary: parse the command line, run, map errors to exit codes.

use clap::Parser;
use poakg::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version are not errors; a bad flag is a user error (1).
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
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
