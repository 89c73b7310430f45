//! What every command gets: where the store is, the output streams, how
//! wide tables are, and the command line's store-opening policy (a reading
//! command on an empty store builds it from the bundled seeds, and says so).

use crate::cli::Cli;
use crate::error::CliError;
use poakg::ops::{self, IfEmpty, PlanInfo};
use poakg::store::{KgStore, Location};
use std::io::Write;
use std::time::Duration;

/// The longest `--timeout` accepted: a year (a larger duration overflows the
/// clock arithmetic of timers).
pub const MAX_TIMEOUT_SECONDS: f64 = 365.0 * 24.0 * 3600.0;

pub struct Context<'a> {
    pub location: Location,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether standard output is a terminal.
    pub terminal: bool,
    /// The width text tables are laid out in.
    pub width: usize,
}

impl<'a> Context<'a> {
    pub fn new(
        cli: &Cli,
        out: &'a mut dyn Write,
        err: &'a mut dyn Write,
        terminal: bool,
    ) -> Result<Context<'a>, CliError> {
        Ok(Context {
            location: Location::resolve(cli.store.as_deref(), cli.memory)?,
            out,
            err,
            terminal,
            width: cli
                .width
                .map_or_else(|| terminal_width(terminal), usize::from),
        })
    }

    /// Opens the store for reading; an empty store is first built from the
    /// bundled seeds, with a note on stderr.
    pub fn open_for_reading(&mut self) -> Result<KgStore, CliError> {
        let err = &mut *self.err;
        let mut noted = Ok(());
        let store = ops::open_for_reading(&self.location, IfEmpty::BuildSeeds, &mut |note| {
            noted = writeln!(err, "poakg: {note}");
        })?;
        noted.map_err(ops::Error::Output)?;
        Ok(store)
    }
}

/// `--plan`: the plan a reading command narrows to.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlanArg {
    /// Only this plan: its IRI, its name in IRIs (asean-us-poa-2021-2025), a partner with
    /// a year (US:2021, "Japan 2023-2027"), or a fragment of its title; by default all plans.
    #[arg(long, value_name = "PLAN", global = true)]
    pub plan: Option<String>,
}

impl Context<'_> {
    /// The plan `--plan` names, if any (a miss suggests the nearest).
    pub fn plan(&self, store: &KgStore, arg: &PlanArg) -> Result<Option<PlanInfo>, CliError> {
        let Some(name) = &arg.plan else {
            return Ok(None);
        };
        let plans = ops::plans(store)?;
        Ok(Some(ops::resolve_plan(&plans, name)?.clone()))
    }
}

/// A `--timeout` in seconds as a duration: positive, finite, at most a year.
pub fn seconds(value: f64) -> Result<Duration, CliError> {
    if !(value > 0.0 && value <= MAX_TIMEOUT_SECONDS) {
        return Err(CliError::BadTimeout(value));
    }
    Duration::try_from_secs_f64(value).map_err(|_| CliError::BadTimeout(value))
}

/// The width to lay tables out for: the terminal's when standard output is
/// one; else no limit, so that each row stays on one line for `grep`.
fn terminal_width(stdout_is_terminal: bool) -> usize {
    if !stdout_is_terminal {
        return usize::MAX;
    }
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .filter(|&w| w >= 20)
        .unwrap_or(poakg::output::TEXT_WIDTH)
}
