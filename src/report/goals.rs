//! What the plans address and by what means: plans x SDGs, plans x AOIP
//! areas and plans x modalities (clause counts and shares), what no plan
//! covers, and the plans x goals heat map (`report goals`). One typed
//! value (`Goals`) gives the JSON, the tables and the picture.

use super::commitments::{share, PlanProfile};
use super::report_json;
use super::{Report, Table};
use crate::enrich::{AOIP_AREAS, MODALITIES};
use crate::output::escape::html;
use serde::Serialize;
use std::fmt::Write as _;

/// The seventeen goals' numbers, in order.
fn goal_codes() -> Vec<String> {
    (1..=17).map(|g: u8| g.to_string()).collect()
}

/// One plan's counts of clauses per code of a scheme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCounts {
    /// The plan's short name.
    pub plan: String,
    /// Its clauses.
    pub clauses: usize,
    /// Clauses per code, in the scheme's order (every code, zeros too); a
    /// JSON object in that order.
    #[serde(serialize_with = "in_order")]
    pub counts: Vec<CodeCount>,
}

/// The clauses of a plan labelled with one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeCount {
    /// The code (`3`, `maritime`, `capacity_building`).
    pub code: String,
    /// Clauses labelled with it.
    pub clauses: usize,
}

/// Counts as a JSON object from code to clauses, keeping their order ("2"
/// before "10").
fn in_order<S: serde::Serializer>(counts: &[CodeCount], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap as _;
    let mut map = s.serialize_map(Some(counts.len()))?;
    for c in counts {
        map.serialize_entry(&c.code, &c.clauses)?;
    }
    map.end()
}

/// The goals report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goals {
    /// Plans x goals.
    pub sdgs: Vec<PlanCounts>,
    /// Plans x AOIP areas.
    pub aoip: Vec<PlanCounts>,
    /// Plans x modalities.
    pub modalities: Vec<PlanCounts>,
    /// Goals no plan addresses.
    pub uncovered_sdgs: Vec<String>,
    /// Areas no plan falls in.
    pub uncovered_aoip: Vec<String>,
    /// Modalities no plan names.
    pub uncovered_modalities: Vec<String>,
}

fn counts(
    profiles: &[PlanProfile],
    codes: &[String],
    of: impl Fn(&super::commitments::ClauseLabels) -> &Vec<String>,
) -> Vec<PlanCounts> {
    profiles
        .iter()
        .map(|p| PlanCounts {
            plan: p.name.clone(),
            clauses: p.clauses.len(),
            counts: codes
                .iter()
                .map(|code| CodeCount {
                    code: code.clone(),
                    clauses: p.clauses.iter().filter(|c| of(c).contains(code)).count(),
                })
                .collect(),
        })
        .collect()
}

fn uncovered(rows: &[PlanCounts]) -> Vec<String> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    first
        .counts
        .iter()
        .enumerate()
        .filter(|(i, _)| rows.iter().all(|r| r.counts[*i].clauses == 0))
        .map(|(_, c)| c.code.clone())
        .collect()
}

/// The figures of the plans' profiles.
pub fn goals(profiles: &[PlanProfile]) -> Goals {
    let owned = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    let sdgs = counts(profiles, &goal_codes(), |c| &c.sdgs);
    let aoip = counts(profiles, &owned(&AOIP_AREAS), |c| &c.aoip);
    let modalities = counts(profiles, &owned(&MODALITIES), |c| &c.modalities);
    Goals {
        uncovered_sdgs: uncovered(&sdgs),
        uncovered_aoip: uncovered(&aoip),
        uncovered_modalities: uncovered(&modalities),
        sdgs,
        aoip,
        modalities,
    }
}

fn table(title: &str, rows: &[PlanCounts]) -> Table {
    let mut header = vec!["plan".to_owned(), "clauses".to_owned()];
    header.extend(
        rows.first()
            .map(|r| r.counts.iter().map(|c| c.code.clone()).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    Table {
        title: title.to_owned(),
        header,
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![r.plan.clone(), r.clauses.to_string()];
                row.extend(r.counts.iter().map(|c| {
                    format!(
                        "{} ({:.0}%)",
                        c.clauses,
                        share(c.clauses, r.clauses) * 100.0
                    )
                }));
                row
            })
            .collect(),
    }
}

impl Goals {
    /// The report: tables drawn from the figures, JSON their serialisation.
    pub fn report(&self) -> Report {
        let none = |v: &[String]| {
            if v.is_empty() {
                "-".to_owned()
            } else {
                v.join(", ")
            }
        };
        Report {
            title: "Goals, areas and means: what the plans address".into(),
            notes: vec![
                "Cells: clauses labelled, and their share of the plan's clauses. Goals are the UN Sustainable Development Goals 1-17 (at most three per clause); areas those of the ASEAN Outlook on the Indo-Pacific; means the nine modalities of the enrichment guidelines.".into(),
            ],
            tables: vec![
                table("Plans x Sustainable Development Goals", &self.sdgs),
                table("Plans x AOIP areas", &self.aoip),
                table("Plans x modalities", &self.modalities),
                Table {
                    title: "Covered by no plan".into(),
                    header: vec!["scheme".into(), "codes".into()],
                    rows: vec![
                        vec!["goals".into(), none(&self.uncovered_sdgs)],
                        vec!["AOIP areas".into(), none(&self.uncovered_aoip)],
                        vec!["modalities".into(), none(&self.uncovered_modalities)],
                    ],
                },
            ],
            json: report_json("goals", self),
        }
    }

    /// Plans x goals as an SVG heat map: the share of each plan's clauses
    /// addressing each goal, the count in the cell.
    pub fn heatmap_svg(&self) -> String {
        let (cell, left, top) = (44usize, 180usize, 70usize);
        let (width, height) = (left + cell * 17 + 20, top + cell * self.sdgs.len() + 50);
        let max = self
            .sdgs
            .iter()
            .flat_map(|r| r.counts.iter().map(|c| share(c.clauses, r.clauses)))
            .fold(0.0_f64, f64::max)
            .max(1e-9);
        let mut out = String::new();
        let _ = writeln!(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\">");
        let _ = writeln!(out, "  <title>Plans x Sustainable Development Goals</title>\n  <rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        let _ = writeln!(out, "  <text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Plans x Sustainable Development Goals</text>");
        for g in 1..=17usize {
            let _ = writeln!(
                out,
                "  <text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">SDG {g}</text>",
                left + (g - 1) * cell + cell / 2,
                top - 8
            );
        }
        for (i, row) in self.sdgs.iter().enumerate() {
            let y = top + i * cell;
            let _ = writeln!(
                out,
                "  <text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
                left - 8,
                y + cell / 2 + 4,
                html(&row.plan)
            );
            for (
                j,
                CodeCount {
                    code: goal,
                    clauses: n,
                },
            ) in row.counts.iter().enumerate()
            {
                let v = share(*n, row.clauses) / max;
                let x = left + j * cell;
                let ink = if v > 0.5 { "white" } else { "black" };
                let _ = writeln!(
                    out,
                    "  <g><title>{} x SDG {goal}: {n} of {} clauses</title>",
                    html(&row.plan),
                    row.clauses
                );
                let _ = writeln!(out, "    <rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{}\" stroke=\"white\" stroke-width=\"2\"/>", super::pictures::blue(v));
                let _ = writeln!(out, "    <text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"{ink}\">{n}</text></g>", x + cell / 2, y + cell / 2 + 5);
            }
        }
        let _ = writeln!(out, "  <text x=\"10\" y=\"{}\" font-size=\"11\" fill=\"#555\">Cell: clauses addressing the goal; shade: their share of the plan's clauses. Hover for details.</text>", height - 12);
        out.push_str("</svg>\n");
        out
    }
}
