//! `poakg validate`: the store against SHACL shapes.

use crate::context::Context;
use crate::error::CliError;
use poakg::{ops, sparql, validate};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A Turtle file of SHACL shapes to use instead of the bundled ones.
    #[arg(long, value_name = "FILE")]
    pub shapes: Option<PathBuf>,

    /// Report format: one line per result, or a SHACL validation report in Turtle.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ValidateFormat,
}

/// Formats of `poakg validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    /// One aligned line per result: severity, focus node, path, message, value.
    Text,
    /// A SHACL validation report (sh:ValidationReport) in Turtle.
    Turtle,
}

/// Exit codes: 0 the data conforms, 1 it does not, 2 it could not be
/// validated (a shapes file missing or unreadable, a store that fails).
pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    run(args, ctx).map_err(|e| match e {
        CliError::Violations(_) => e,
        other => CliError::CouldNotValidate(Box::new(other)),
    })
}

fn run(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let (origin, text) = match &args.shapes {
        Some(path) => (path.display().to_string(), ops::read_text(path)?),
        None => (
            "ontology/shapes.ttl".to_owned(),
            validate::BUNDLED_SHAPES.to_owned(),
        ),
    };
    let shapes = validate::parse_shapes(&origin, &text)?;
    let store = ctx.open_for_reading()?;
    let findings = validate::validate(&store, &shapes)?;
    let violations = findings.iter().filter(|f| f.is_violation()).count();
    match args.format {
        ValidateFormat::Turtle => sparql::write_triples(
            ctx.out,
            oxigraph::io::RdfFormat::Turtle,
            &validate::report_quads(&findings),
        )?,
        ValidateFormat::Text => {
            let rows: Vec<Vec<String>> = findings
                .iter()
                .map(|f| {
                    vec![
                        f.severity.clone(),
                        validate::term_text(&f.focus),
                        f.path.clone().unwrap_or_default(),
                        f.message.clone(),
                        f.value
                            .as_ref()
                            .map(validate::term_text)
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            if !rows.is_empty() {
                let header: Vec<String> = ["severity", "focus node", "path", "message", "value"]
                    .map(String::from)
                    .to_vec();
                // one line per result, whatever its length (the format's
                // promise: results can be grepped), so no width to wrap in
                poakg::output::write_table(ctx.out, &header, &rows, usize::MAX)?;
            }
            writeln!(
                ctx.out,
                "{}: {} result(s), {violations} violation(s)",
                if violations == 0 {
                    "conforms"
                } else {
                    "does not conform"
                },
                findings.len()
            )?;
        }
    }
    if violations > 0 {
        return Err(CliError::Violations(violations));
    }
    Ok(())
}
