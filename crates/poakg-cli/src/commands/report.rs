//! `poakg report`: relationship reports on the co-mention network.

use crate::choice::ChoiceParser;
use crate::context::{Context, PlanArg};
use crate::error::CliError;
use poakg::ops;
use poakg::report::{partners as pictures_partners, pictures, reports, ReportFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub which: Kind,

    /// Output format (svg only for `report pillars`, the matrix as a heat map, `report partners`, the plans' likeness clustered, and `report goals`, plans x goals).
    #[arg(long, short = 'f', value_parser = ChoiceParser::<ReportFormat>::new(), default_value = "text", global = true)]
    pub format: ReportFormat,

    /// Add the registry's hierarchy and ownership links (org:subOrganizationOf, poa:owner) to the co-mention network.
    #[arg(long, global = true)]
    pub hierarchy: bool,

    #[command(flatten)]
    pub plan: PlanArg,
}

/// The reports of `poakg report`.
#[derive(Debug, clap::Subcommand)]
pub enum Kind {
    /// Entities named in two or more pillars, ranked by pillar span and mentions.
    CrossPillar,
    /// One entity: class, labels, passages by pillar with a snippet, co-mentioned entities, centrality.
    Entity {
        /// Label or acronym, case-insensitive (e.g. ARF, "East Asia Summit").
        name: String,
    },
    /// The pillar-by-pillar matrix of shared entities, with the entities behind each cell.
    Pillars,
    /// The shortest explained path between two entities, through the passages that link them.
    Path {
        /// Label or acronym of the first entity.
        from: String,
        /// Label or acronym of the second entity.
        to: String,
    },
    /// The most central entities, articulation points and bridges.
    Central {
        /// How many entities to list.
        #[arg(long, default_value_t = 15)]
        top: usize,
    },
    /// Communities of the co-mention network and how far they follow the pillars.
    Communities,
    /// Which plan clauses each programme activity relates to, and which sections no activity touches.
    Coverage,
    /// What the plans share: plans x mechanisms and instruments, what all or one name, likeness (svg: clustered heat map), pillar balance by theme.
    Partners,
    /// How firm the plans' commitments are: levels per plan, hedged and quantified shares, whether each partner's got firmer, the clauses strengthened and weakened most.
    Commitments,
    /// What the plans address: plans x SDGs, plans x AOIP areas and plans x modalities (counts and shares), what no plan covers (svg: heat map of plans x goals).
    Goals,
}

pub fn exec(args: Args, ctx: &mut Context<'_>) -> Result<(), CliError> {
    let store = ctx.open_for_reading()?;
    let plan = ctx.plan(&store, &args.plan)?;
    let format = args.format;
    let analyse = || ops::analyse(&store, args.hierarchy, plan.as_ref());
    // the reports drawn as tables only: the store is read before the format
    // is refused, so a store error wins over a format error
    let tables_only = |analysed: ops::Analysed| match format {
        ReportFormat::Svg => Err(CliError::SvgNotHere),
        _ => Ok(analysed),
    };
    let report = match args.which {
        // no co-mention analysis: these reports read the network or the labels only
        Kind::Partners => return partners(&store, plan.as_ref(), format, ctx),
        Kind::Commitments | Kind::Goals => {
            return labels(&store, plan.as_ref(), &args.which, format, ctx)
        }
        // the connectors need the network, not its centralities
        Kind::CrossPillar => {
            let read = ops::network(&store, plan.as_ref())?;
            if format == ReportFormat::Svg {
                return Err(CliError::SvgNotHere);
            }
            reports::cross_pillar(&read.net)
        }
        Kind::Pillars => {
            let ops::Analysed { analysis, .. } = analyse()?;
            if format == ReportFormat::Svg {
                let svg = pictures::heatmap_svg(&analysis);
                return Ok(ctx.out.write_all(svg.as_bytes())?);
            }
            reports::pillars(&analysis)
        }
        Kind::Entity { ref name } => {
            let ops::Analysed { analysis, .. } = tables_only(analyse()?)?;
            reports::entity(&analysis, find(&analysis.net, name)?)
        }
        Kind::Path { ref from, ref to } => {
            let ops::Analysed { analysis, .. } = tables_only(analyse()?)?;
            let (from, to) = (find(&analysis.net, from)?, find(&analysis.net, to)?);
            reports::path(&analysis, from, to)
        }
        Kind::Central { top } => reports::central(&tables_only(analyse()?)?.analysis, top),
        Kind::Communities => reports::communities(&tables_only(analyse()?)?.analysis),
        Kind::Coverage => {
            let ops::Analysed { analysis, passages } = tables_only(analyse()?)?;
            reports::coverage(&analysis, &passages)
        }
    };
    report.write(format, ctx.width, ctx.out)?;
    Ok(())
}

/// An entity of the network by label or acronym, or the nearest names.
fn find(net: &poakg::analysis::Network, name: &str) -> Result<usize, ops::Error> {
    net.find(name).ok_or_else(|| ops::Error::NoSuchEntity {
        name: name.to_owned(),
        suggestions: net.nearest(name, 3),
    })
}

/// `report partners`: the whole corpus is read; `--plan` picks the rows
/// about one plan.
fn partners(
    store: &poakg::store::KgStore,
    plan: Option<&ops::PlanInfo>,
    format: ReportFormat,
    ctx: &mut Context<'_>,
) -> Result<(), CliError> {
    let ops::PartnerFigures {
        figures,
        net,
        focus,
    } = ops::partners(store, plan)?;
    if format == ReportFormat::Svg {
        return Ok(ctx
            .out
            .write_all(pictures_partners::likeness_svg(&figures).as_bytes())?);
    }
    reports::partners(&figures, &net, focus).write(format, ctx.width, ctx.out)?;
    Ok(())
}

/// `report commitments` and `report goals`: the labels the build wrote.
fn labels(
    store: &poakg::store::KgStore,
    plan: Option<&ops::PlanInfo>,
    which: &Kind,
    format: ReportFormat,
    ctx: &mut Context<'_>,
) -> Result<(), CliError> {
    let profiles = ops::profiles(store, plan)?;
    if let Kind::Goals = which {
        let goals = poakg::report::goals::goals(&profiles);
        if format == ReportFormat::Svg {
            return Ok(ctx.out.write_all(goals.heatmap_svg().as_bytes())?);
        }
        goals.report().write(format, ctx.width, ctx.out)?;
        return Ok(());
    }
    if format == ReportFormat::Svg {
        return Err(CliError::SvgNotHere);
    }
    let shifts = ops::level_shifts(store, plan)?;
    poakg::report::commitments::commitments(&profiles, shifts)
        .report()
        .write(format, ctx.width, ctx.out)?;
    Ok(())
}
