//! `poakg completions SHELL` and `poakg man`: the shell completion script and
//! the man page, both generated from the parser's own definition.

use crate::cli::Cli;
use crate::context::Context;
use crate::error::CliError;
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn exec(args: &Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "poakg", ctx.out);
    Ok(())
}

/// The man page of `poakg` with a section per command.
pub fn man(ctx: &mut Context<'_>) -> Result<(), CliError> {
    let command = Cli::command();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(ctx.out)?;
    page.render_name_section(ctx.out)?;
    page.render_synopsis_section(ctx.out)?;
    page.render_description_section(ctx.out)?;
    page.render_options_section(ctx.out)?;
    page.render_subcommands_section(ctx.out)?;
    render_exit_status(ctx.out)?;
    page.render_version_section(ctx.out)?;
    page.render_authors_section(ctx.out)?;
    Ok(())
}

/// The exit codes every command shares (and `validate`'s own).
fn render_exit_status(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    writeln!(out, ".TP\n0\nSuccess.")?;
    writeln!(
        out,
        ".TP\n1\nSomething the user can fix: a file, a query, a flag; a document refused by a build; for validate, the data does not conform."
    )?;
    writeln!(
        out,
        ".TP\n2\nAn internal failure; for validate, the data could not be validated (shapes missing or unreadable)."
    )
}
