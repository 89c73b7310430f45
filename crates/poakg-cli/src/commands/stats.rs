//! `poakg stats`: triples per named graph and instances per class.

use crate::context::Context;
use crate::error::CliError;
use poakg::ops;

pub fn exec(ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let out = &mut *ctx.out;
    writeln!(out, "store: {}", store.location())?;
    let published = ops::remembered(&store)?;
    writeln!(
        out,
        "publisher: {}; licence: {}",
        published
            .publisher
            .as_deref()
            .unwrap_or("(not described yet)"),
        published.license.as_deref().unwrap_or(ops::DEFAULT_LICENSE)
    )?;
    writeln!(out, "triples per named graph:")?;
    let sizes = store.graph_sizes()?;
    let width = sizes.iter().map(|(g, _)| g.len()).max().unwrap_or(0);
    for (graph, count) in &sizes {
        writeln!(out, "  {graph:width$}  {count:>7}")?;
    }
    writeln!(out, "instances per class:")?;
    for ops::ClassCount { class, count } in ops::class_counts(&store)? {
        writeln!(out, "  {count:>7}  {class}")?;
    }
    Ok(())
}
