//! What the plans commit to: per plan, the distribution of commitment
//! levels, the share of clauses hedged and quantified; per partner across
//! periods, whether commitments got firmer; the clauses strengthened and
//! weakened most (`report commitments`). The data is one typed value
//! (`Commitments`): its JSON is its serialisation, its tables are drawn
//! from it.

use super::report_json;
use super::{Report, Table};
use serde::Serialize;
use std::collections::BTreeMap;

/// One clause's labels, as the reports read them back from the store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseLabels {
    /// The clause's IRI.
    pub iri: String,
    /// Its notation.
    pub notation: String,
    /// Its commitment level, if it has one.
    pub level: Option<u8>,
    /// Whether it has a hedge.
    pub hedged: bool,
    /// Whether it names a quantity.
    pub quantified: bool,
    /// Its modality codes.
    pub modalities: Vec<String>,
    /// Its goals (numbers).
    pub sdgs: Vec<String>,
    /// Its AOIP areas.
    pub aoip: Vec<String>,
}

/// A plan's clauses and their labels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanProfile {
    /// The plan's IRI.
    pub iri: String,
    /// Its short name (`US 2021-2025`).
    pub name: String,
    /// Its partner's name.
    pub partner: String,
    /// The first year it covers.
    pub start: Option<u16>,
    /// Its clauses, in order.
    pub clauses: Vec<ClauseLabels>,
}

/// A clause pair whose commitment level changed from one plan to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelShift {
    /// The earlier plan's short name.
    pub earlier_plan: String,
    /// The later plan's short name.
    pub later_plan: String,
    /// The earlier clause's notation.
    pub earlier: String,
    /// The later clause's notation.
    pub later: String,
    /// The earlier clause's text.
    pub earlier_text: String,
    /// The later clause's text.
    pub later_text: String,
    /// The earlier clause's level.
    pub earlier_level: u8,
    /// The later clause's level.
    pub later_level: u8,
    /// Later minus earlier.
    pub change: i64,
}

/// One plan's commitment figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCommitments {
    /// The plan's short name.
    pub plan: String,
    /// Its partner.
    pub partner: String,
    /// Clauses with a level.
    pub clauses: usize,
    /// Clauses at each level, 1 to 5.
    pub levels: [usize; 5],
    /// The mean level.
    pub mean_level: f64,
    /// Share of its clauses with a hedge.
    pub hedged_share: f64,
    /// Share of its clauses naming a quantity.
    pub quantified_share: f64,
}

/// One partner's plans in time order, and whether they got firmer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerTrend {
    /// The partner.
    pub partner: String,
    /// Its plans' mean levels, earliest first.
    pub plans: Vec<PlanMean>,
    /// The last plan's mean level minus the first's.
    pub change: f64,
    /// `firmer`, `softer`, `steady` (within 0.1) or `one plan`.
    pub verdict: &'static str,
}

/// A plan's mean commitment level; serialised as `[plan, mean]`, the shape
/// the report's JSON has always had.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMean {
    /// The plan's short name.
    pub plan: String,
    /// The mean level of its clauses.
    pub mean: f64,
}

impl Serialize for PlanMean {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.plan, self.mean).serialize(s)
    }
}

/// The commitments report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commitments {
    /// Per plan.
    pub plans: Vec<PlanCommitments>,
    /// Per partner across periods.
    pub partners: Vec<PartnerTrend>,
    /// Clause pairs that got firmer, most first.
    pub strengthened: Vec<LevelShift>,
    /// Clause pairs that got weaker, most first.
    pub weakened: Vec<LevelShift>,
}

/// `n` of `of` as a share in [0, 1]; 0 of nothing is 0.
pub(super) fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

fn percent(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

/// Reads the figures from the plans' profiles and the stored level changes.
pub fn commitments(profiles: &[PlanProfile], shifts: Vec<LevelShift>) -> Commitments {
    let plans: Vec<PlanCommitments> = profiles
        .iter()
        .map(|p| {
            let levelled: Vec<u8> = p.clauses.iter().filter_map(|c| c.level).collect();
            let mut levels = [0; 5];
            for l in &levelled {
                levels[usize::from(l.clamp(&1, &5) - 1)] += 1;
            }
            let sum: usize = levelled.iter().map(|&l| usize::from(l)).sum();
            PlanCommitments {
                plan: p.name.clone(),
                partner: p.partner.clone(),
                clauses: levelled.len(),
                levels,
                mean_level: share(sum, levelled.len()),
                hedged_share: share(
                    p.clauses.iter().filter(|c| c.hedged).count(),
                    p.clauses.len(),
                ),
                quantified_share: share(
                    p.clauses.iter().filter(|c| c.quantified).count(),
                    p.clauses.len(),
                ),
            }
        })
        .collect();
    let mut by_partner: BTreeMap<&str, Vec<(Option<u16>, &PlanCommitments)>> = BTreeMap::new();
    for (profile, figures) in profiles.iter().zip(&plans) {
        by_partner
            .entry(&profile.partner)
            .or_default()
            .push((profile.start, figures));
    }
    let partners = by_partner
        .into_iter()
        .map(|(partner, mut list)| {
            list.sort_by_key(|(start, f)| (*start, f.plan.clone()));
            let means: Vec<PlanMean> = list
                .iter()
                .map(|(_, f)| PlanMean {
                    plan: f.plan.clone(),
                    mean: f.mean_level,
                })
                .collect();
            let change = match (means.first(), means.last()) {
                (Some(a), Some(b)) => b.mean - a.mean,
                _ => 0.0,
            };
            let verdict = match change {
                _ if means.len() < 2 => "one plan",
                c if c > 0.1 => "firmer",
                c if c < -0.1 => "softer",
                _ => "steady",
            };
            PartnerTrend {
                partner: partner.to_owned(),
                plans: means,
                change,
                verdict,
            }
        })
        .collect();
    let (strengthened, weakened) = shifts.into_iter().partition(|s| s.change > 0);
    Commitments {
        plans,
        partners,
        strengthened,
        weakened,
    }
}

/// At most this many pairs in each of the strengthened and weakened tables.
const SHIFTS_SHOWN: usize = 15;

fn shift_rows(shifts: &[LevelShift]) -> Vec<Vec<String>> {
    shifts
        .iter()
        .take(SHIFTS_SHOWN)
        .map(|s| {
            vec![
                format!("{} {} {}", s.earlier_plan, s.earlier, s.earlier_text),
                format!("{} {} {}", s.later_plan, s.later, s.later_text),
                format!("{} -> {} ({:+})", s.earlier_level, s.later_level, s.change),
            ]
        })
        .collect()
}

impl Commitments {
    /// The report: its tables drawn from the figures, its JSON their serialisation.
    pub fn report(&self) -> Report {
        let header = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        let plan_rows = self
            .plans
            .iter()
            .map(|p| {
                let mut row = vec![p.plan.clone(), p.clauses.to_string()];
                row.extend(p.levels.iter().map(ToString::to_string));
                row.extend([
                    format!("{:.2}", p.mean_level),
                    percent(p.hedged_share),
                    percent(p.quantified_share),
                ]);
                row
            })
            .collect();
        let partner_rows = self
            .partners
            .iter()
            .map(|t| {
                let plans = t
                    .plans
                    .iter()
                    .map(|m| format!("{}: {:.2}", m.plan, m.mean))
                    .collect::<Vec<_>>()
                    .join(" -> ");
                vec![
                    t.partner.clone(),
                    plans,
                    format!("{:+.2}", t.change),
                    t.verdict.to_owned(),
                ]
            })
            .collect();
        let pair = header(&["earlier", "later", "level"]);
        Report {
            title: "Commitments: how firm the plans are".into(),
            notes: vec![
                "Levels 1-5 of the enrichment guidelines: 1 exploratory or conditional, 2 encouraging, 3 supporting, 4 active joint cooperation, 5 concrete executable action. Hedged: the clause has a hedge or condition (\"where appropriate\", \"subject to national laws\"); quantified: it names a number, an amount or a date to reach.".into(),
            ],
            tables: vec![
                Table { title: "Levels by plan".into(), header: header(&["plan", "clauses", "1", "2", "3", "4", "5", "mean", "hedged", "quantified"]), rows: plan_rows },
                Table { title: "Across periods, by partner".into(), header: header(&["partner", "plans (mean level)", "change", "verdict"]), rows: partner_rows },
                Table { title: "Strengthened most".into(), header: pair.clone(), rows: shift_rows(&self.strengthened) },
                Table { title: "Weakened most".into(), header: pair, rows: shift_rows(&self.weakened) },
            ],
            json: report_json("commitments", self),
        }
    }
}
