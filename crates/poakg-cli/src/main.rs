//! The `poakg` binary: parse the command line, run one command, print an
//! error as one line and exit with its code. Each command lives in
//! `commands/` (its flags and its `exec`), and each `exec` calls the library
//! (`poakg::ops` and the layers), which knows nothing of the command line.
// The binary is where printing and exit codes belong (denied in the libraries).
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

mod choice;
mod cli;
mod commands;
mod context;
mod error;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("poakg: error: {}", error::one_line(&e));
            return ExitCode::from(error::USER);
        }
    };
    let stdout = std::io::stdout();
    let terminal = std::io::IsTerminal::is_terminal(&stdout);
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let result = context::Context::new(&cli, &mut out, &mut err, terminal)
        .and_then(|mut ctx| commands::exec(cli.command, &mut ctx));
    let result = result.and_then(|()| {
        std::io::Write::flush(&mut out)
            .map_err(|e| error::CliError::from(poakg::ops::Error::Output(e)))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("poakg: error: {}", e.message());
            ExitCode::from(e.exit_code())
        }
    }
}
