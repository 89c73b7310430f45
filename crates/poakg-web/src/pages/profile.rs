//! A plan's profile on its page: how many of its clauses sit at each
//! commitment level, address each goal, fall in each AOIP area and name each
//! means of cooperation, as small bar charts drawn here (inline SVG, no
//! script, no request elsewhere), each bar linking to its concept's page.

use poakg::enrich::{AOIP_AREAS, MODALITIES};
use poakg::output::escape::html;
use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;
use poakg::vocab;
use std::collections::HashMap;
use std::fmt::Write as _;

/// One chart of the profile.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Its heading.
    pub title: &'static str,
    /// The chart, as SVG markup (every text in it escaped).
    pub svg: String,
}

/// Clause counts of a plan by kind of label ("level", "sdg", "aoip",
/// "modality") and code.
fn counts(store: &KgStore, plan: &str) -> Result<HashMap<(String, String), usize>, QueryError> {
    let rows = sparql::select(
        store,
        "a plan's profile",
        format!(
            "SELECT ?kind ?code (COUNT(DISTINCT ?c) AS ?n) WHERE {{
               ?c dcterms:isPartOf {plan} ; a poa:Clause .
               {{ ?c poa:commitmentLevel ?v BIND(\"level\" AS ?kind) BIND(STR(?v) AS ?code) }}
               UNION {{ ?c poa:sdg ?g . ?g skos:notation ?code BIND(\"sdg\" AS ?kind) }}
               UNION {{ ?c poa:aoipArea ?a . ?a skos:notation ?code BIND(\"aoip\" AS ?kind) }}
               UNION {{ ?c poa:modality ?m . ?m skos:notation ?code BIND(\"modality\" AS ?kind) }}
             }} GROUP BY ?kind ?code",
            plan = sparql::iri(plan)?
        ),
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some((
                (row_text(r, "kind")?, row_text(r, "code")?),
                sparql::row_number(r, "n")?,
            ))
        })
        .collect())
}

/// This server's page of a concept: the one mapping `links::href` keeps
/// (`/id/...` for ours, `/goal/N` for the UN's goals).
fn page(iri: &str) -> String {
    super::links::href(iri).unwrap_or_default()
}

/// Horizontal bars: (label, count, link) each, scaled to the largest.
fn bars(rows: &[(String, usize, String)]) -> String {
    let (row_h, label_w, bar_w) = (18usize, 170usize, 220usize);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let height = row_h * rows.len() + 4;
    let width = label_w + bar_w + 40;
    // as wide as the page allows, up to its own width: it shrinks on a phone
    let mut svg = format!("<svg class=\"profile-chart\" xmlns=\"http://www.w3.org/2000/svg\" style=\"width: 100%; max-width: {width}px; height: auto\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">");
    for (i, (label, n, link)) in rows.iter().enumerate() {
        let y = i * row_h;
        let w = bar_w * n / max;
        let _ = write!(
            svg,
            "<a href=\"{}\"><title>{}: {n} clauses</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#3182bd\"/><text x=\"{}\" y=\"{}\">{n}</text></a>",
            html(link),
            html(label),
            label_w - 6,
            y + 13,
            html(label),
            y + 3,
            row_h - 5,
            label_w + w + 4,
            y + 13
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The profile charts of `plan`; none when its clauses carry no label.
pub fn charts(store: &KgStore, plan: &str) -> Result<Vec<Chart>, QueryError> {
    let counts = counts(store, plan)?;
    if counts.is_empty() {
        return Ok(Vec::new());
    }
    let get = |kind: &str, code: &str| {
        counts
            .get(&(kind.to_owned(), code.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    let levels: Vec<(String, usize, String)> = (1..=5u8)
        .map(|l| {
            (
                format!("level {l}"),
                get("level", &l.to_string()),
                page(&vocab::level_concept(l)),
            )
        })
        .collect();
    let goals = (1..=17u8)
        .map(|g| {
            (
                format!("SDG {g}"),
                get("sdg", &g.to_string()),
                page(&vocab::sdg_concept(&g.to_string())),
            )
        })
        .collect::<Vec<_>>();
    let areas = AOIP_AREAS
        .iter()
        .map(|a| {
            (
                (*a).to_owned(),
                get("aoip", a),
                page(&vocab::aoip_concept(a)),
            )
        })
        .collect::<Vec<_>>();
    let means = MODALITIES
        .iter()
        .map(|m| {
            (
                m.replace('_', " "),
                get("modality", m),
                page(&vocab::modality_concept(m)),
            )
        })
        .collect::<Vec<_>>();
    Ok(vec![
        Chart {
            title: "Commitment levels",
            svg: bars(&levels),
        },
        Chart {
            title: "Sustainable Development Goals",
            svg: bars(&goals),
        },
        Chart {
            title: "AOIP areas",
            svg: bars(&areas),
        },
        Chart {
            title: "Means of cooperation",
            svg: bars(&means),
        },
    ])
}
