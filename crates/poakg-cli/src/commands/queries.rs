//! `poakg queries`: the shipped queries with their descriptions.

use crate::context::Context;
use crate::error::CliError;
use poakg::queries::SHIPPED;

pub fn exec(ctx: &mut Context<'_>) -> Result<(), CliError> {
    let width = SHIPPED.iter().map(|q| q.name.len()).max().unwrap_or(0);
    for q in SHIPPED {
        writeln!(ctx.out, "{:width$}  {}", q.name, q.description())?;
    }
    Ok(())
}
