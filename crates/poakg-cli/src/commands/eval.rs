//! `poakg eval`: the graph's entities scored against a hand annotation.

use crate::context::{Context, PlanArg};
use crate::error::CliError;
use poakg::eval::{self, Gold};
use poakg::{listing, ops};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The annotation file; see docs/entities.md ("Scoring against a hand annotation").
    #[arg(value_name = "GOLD.tsv")]
    pub gold: PathBuf,

    /// How many misses and false finds to print (0 for none).
    #[arg(long, default_value_t = 50)]
    pub show: usize,

    #[command(flatten)]
    pub plan: PlanArg,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let text = ops::read_text(&args.gold)?;
    let gold = Gold::parse(&args.gold.display().to_string(), &text)?;
    let store = ctx.open_for_reading()?;
    // an annotation names passages by notation: one plan's
    let plan = match ctx.plan(&store, &args.plan)? {
        Some(p) => Some(p),
        None => {
            let plans = ops::plans(&store)?;
            if plans.len() > 1 {
                return Err(ops::Error::WhichPlan(plans.len()).into());
            }
            plans.into_iter().next()
        }
    };
    let found = listing::found_pairs(&store, plan.as_ref().map(|p| p.iri.as_str()))?;
    let score = eval::score(&gold, &found);
    print(ctx.out, &score, args.show)?;
    Ok(())
}

fn print(out: &mut dyn Write, s: &eval::Score, show: usize) -> std::io::Result<()> {
    writeln!(out, "gold pairs     {}", s.gold)?;
    writeln!(out, "found pairs    {}", s.found)?;
    writeln!(out, "matched        {}", s.matched)?;
    writeln!(out, "precision      {:.3}", s.precision())?;
    writeln!(out, "recall         {:.3}", s.recall())?;
    writeln!(out, "F1             {:.3}", s.f1())?;
    writeln!(out, "class accuracy {:.3}", s.class_accuracy())?;
    if show > 0 {
        writeln!(out, "misses ({}):", s.misses.len())?;
        for m in s.misses.iter().take(show) {
            writeln!(out, "  {:<9} {} [{}]", m.passage, m.entity, m.class.name())?;
        }
        writeln!(out, "false finds ({}):", s.false_finds.len())?;
        for f in s.false_finds.iter().take(show) {
            writeln!(out, "  {:<9} {} [{}]", f.passage, f.label, f.class.name())?;
        }
        writeln!(out, "wrong class ({}):", s.wrong_class.len())?;
        for (g, f) in s.wrong_class.iter().take(show) {
            writeln!(
                out,
                "  {:<9} {} [gold {}, found {}]",
                g.passage,
                g.entity,
                g.class.name(),
                f.class.name()
            )?;
        }
    }
    Ok(())
}
