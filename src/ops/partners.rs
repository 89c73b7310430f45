//! The partners report's figures, read from a store.

use super::{plans, Error, PlanInfo};
use crate::analysis::partners::{Partners, PlanLabel};
use crate::analysis::themes::Themes;
use crate::analysis::{load, Network};
use crate::store::KgStore;

/// The partners report's inputs, read from a store.
#[derive(Debug)]
pub struct PartnerFigures {
    /// The figures of every plan of the store.
    pub figures: Partners,
    /// The network they were read from (for entity names).
    pub net: Network,
    /// The index among the plans of the plan asked about, if any.
    pub focus: Option<usize>,
}

/// The figures of every plan of the store, the network they were read
/// from, and the index of `focus` among the plans.
pub fn partners(store: &KgStore, focus: Option<&PlanInfo>) -> Result<PartnerFigures, Error> {
    let plans = plans(store)?;
    if plans.is_empty() {
        return Err(Error::NothingToAnalyse(store.location().to_string()));
    }
    let load::NetworkRead {
        net,
        passages: listed,
    } = load::network_and_passages(store, None)?;
    let labels: Vec<PlanLabel> = plans
        .iter()
        .map(|p| PlanLabel {
            iri: p.iri.clone(),
            name: p.label(),
            partner: p.partner.clone(),
            period: p.period,
        })
        .collect();
    let figures = Partners::compute(&net, &listed, &labels, Themes::bundled());
    let focus = focus.and_then(|f| plans.iter().position(|p| p.iri == f.iri));
    Ok(PartnerFigures {
        figures,
        net,
        focus,
    })
}
