//! `report partners`: what the plans of a corpus share and how they differ,
//! one typed value ([`PartnersReport`]) whose serialisation is the JSON and
//! from which `partner_tables` draws the tables; and the clustered likeness
//! heat map (SVG).

use super::report_json;
use super::Report;
use crate::analysis::partners::Partners;
use crate::analysis::partners::{PlanFigures, Share};
use crate::analysis::Network;
use crate::entities::EntityClass;
use crate::output::escape;
use serde::Serialize;
use std::fmt::Write as _;

/// The classes of the plans x entities matrix: the mechanisms and the
/// instruments (every class is counted in the table by class).
const MATRIX_CLASSES: [EntityClass; 2] = [EntityClass::Mechanism, EntityClass::Instrument];

/// A mechanism or instrument and the passages naming it in each plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixEntity {
    /// Its label.
    pub entity: String,
    /// Its IRI.
    pub iri: String,
    /// Its class.
    pub class: EntityClass,
    /// Passages naming it, per plan in the order of the plans.
    pub passages: Vec<usize>,
}

/// An entity of the corpus, and how it is named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusEntity {
    /// With one plan naming it alone, that plan's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// Its label.
    pub entity: String,
    /// Its IRI.
    pub iri: String,
    /// Its class.
    #[serde(skip)]
    pub class: EntityClass,
    /// The passages naming it (in that plan, for one plan's).
    #[serde(skip)]
    pub passages: usize,
}

/// The likeness of two plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanLikeness {
    /// One plan's name.
    pub a: String,
    /// The other's.
    pub b: String,
    /// Jaccard index of the entities they name.
    pub entities: f64,
    /// Cosine of their TF-IDF word vectors.
    pub text: f64,
    /// The mean of both.
    pub overall: f64,
}

/// A plan's distinct entities per class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanClasses {
    /// The plan's name.
    pub plan: String,
    /// Distinct entities per class, in the order of the classes.
    pub entities: Vec<usize>,
}

/// A plan's share of clauses and mentions per theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanBalance {
    /// The plan's name.
    pub plan: String,
    /// Shares per theme, in the order of the themes.
    pub shares: Vec<Share>,
}

/// The entities of one class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassTotals {
    /// The class.
    pub class: String,
    /// Its entities.
    pub entities: usize,
    /// Those every plan names.
    pub in_every_plan: usize,
    /// Those one plan names.
    pub in_one_plan: usize,
}

/// A pillar matched to a theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemePillar {
    /// The theme.
    pub theme: String,
    /// The plan's name.
    pub plan: String,
    /// The pillar's notation.
    pub pillar: String,
    /// Its title.
    pub title: String,
}

/// What the plans of a corpus share (`report partners`); with a focus,
/// the rows about that plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnersReport {
    /// The plans and their sizes.
    pub plans: Vec<PlanFigures>,
    /// Plans x mechanisms and instruments, most widely named first.
    pub matrix: Vec<MatrixEntity>,
    /// The entities every plan names.
    pub shared_by_all: Vec<CorpusEntity>,
    /// The entities one plan alone names.
    pub unique: Vec<CorpusEntity>,
    /// Pairs of plans, most alike first.
    pub likeness: Vec<PlanLikeness>,
    /// The plans' names in the clustering's order.
    pub order: Vec<String>,
    /// The themes pillars are matched by.
    pub themes: Vec<String>,
    /// The classes of the entities named, sorted.
    pub classes: Vec<String>,
    /// Each plan's distinct entities per class.
    pub by_class: Vec<PlanClasses>,
    /// Each plan's balance across the themes.
    pub balance: Vec<PlanBalance>,
    /// Per class, the entities and how widely they are named.
    #[serde(skip)]
    pub class_totals: Vec<ClassTotals>,
    /// Which pillar of which plan went into each theme.
    #[serde(skip)]
    pub matched: Vec<ThemePillar>,
    /// The plan the rows are about (an index into `plans`), if one.
    #[serde(skip)]
    pub focus: Option<usize>,
    /// Entities one plan names, across the corpus (not only the focus).
    #[serde(skip)]
    pub unique_in_corpus: usize,
}

impl PartnersReport {
    /// The figures of `p`, whose entity indices point into `net`; with
    /// `focus`, the rows about that plan (its entities, what it shares and
    /// alone names, its likeness to each other plan).
    pub fn of(p: &Partners, net: &Network, focus: Option<usize>) -> Self {
        let names: Vec<String> = p.plans.iter().map(|f| f.plan.name.clone()).collect();
        let entity = |e: usize, plan: Option<usize>| {
            let node = &net.entities[e];
            let counts = &p.presence[&e];
            CorpusEntity {
                plan: plan.map(|i| names[i].clone()),
                entity: node.label.clone(),
                iri: node.iri.clone(),
                class: node.class,
                passages: plan.map_or_else(|| counts.iter().sum(), |i| counts[i]),
            }
        };
        let classes = ClassCounts::of(p, net);
        PartnersReport {
            plans: p.plans.clone(),
            matrix: matrix(p, net, focus),
            shared_by_all: p
                .shared_by_all()
                .into_iter()
                .map(|e| entity(e, None))
                .collect(),
            unique: p
                .unique()
                .into_iter()
                .filter(|u| focus.is_none_or(|f| f == u.plan))
                .map(|u| entity(u.entity, Some(u.plan)))
                .collect(),
            likeness: likeness(p, &names, focus),
            order: p.order.iter().map(|&i| names[i].clone()).collect(),
            themes: p.themes.clone(),
            by_class: names
                .iter()
                .zip(&classes.per_plan)
                .map(|(plan, entities)| PlanClasses {
                    plan: plan.clone(),
                    entities: entities.clone(),
                })
                .collect(),
            balance: names
                .iter()
                .zip(&p.balance)
                .map(|(plan, shares)| PlanBalance {
                    plan: plan.clone(),
                    shares: shares.clone(),
                })
                .collect(),
            class_totals: classes.totals,
            classes: classes.classes,
            matched: p
                .matched
                .iter()
                .map(|m| ThemePillar {
                    theme: p.themes[m.theme].clone(),
                    plan: names[m.plan].clone(),
                    pillar: m.notation.clone(),
                    title: m.title.clone(),
                })
                .collect(),
            focus,
            unique_in_corpus: p.unique().len(),
        }
    }

    /// The plans' names, in order.
    pub(super) fn names(&self) -> impl Iterator<Item = &str> {
        self.plans.iter().map(|f| f.plan.name.as_str())
    }

    /// The report's JSON: the figures, named.
    pub(super) fn json(&self) -> serde_json::Value {
        report_json("partners", self)
    }
}

/// The report on `p`; with `focus`, the rows about that plan.
pub fn partners(p: &Partners, net: &Network, focus: Option<usize>) -> Report {
    PartnersReport::of(p, net, focus).report()
}

/// The mechanisms and instruments (those the focus names, if one) and the
/// passages naming each in each plan, most widely named first.
fn matrix(p: &Partners, net: &Network, focus: Option<usize>) -> Vec<MatrixEntity> {
    let mut matrix: Vec<(usize, &Vec<usize>)> = p
        .presence
        .iter()
        .filter(|(e, c)| {
            MATRIX_CLASSES.contains(&net.entities[**e].class) && focus.is_none_or(|f| c[f] > 0)
        })
        .map(|(e, c)| (*e, c))
        .collect();
    matrix.sort_by_key(|(e, _)| {
        (
            std::cmp::Reverse(p.plans_naming(*e)),
            &net.entities[*e].label,
        )
    });
    matrix
        .into_iter()
        .map(|(e, counts)| MatrixEntity {
            entity: net.entities[e].label.clone(),
            iri: net.entities[e].iri.clone(),
            class: net.entities[e].class,
            passages: counts.clone(),
        })
        .collect()
}

/// The likeness of the pairs of plans (those with the focus, if one), most
/// alike first; `names` are the plans' names.
fn likeness(p: &Partners, names: &[String], focus: Option<usize>) -> Vec<PlanLikeness> {
    likeness_pairs(p, focus)
        .into_iter()
        .map(|(i, j)| {
            let l = p.likeness[i][j];
            PlanLikeness {
                a: names[i].clone(),
                b: names[j].clone(),
                entities: l.entities,
                text: l.text,
                overall: l.overall(),
            }
        })
        .collect()
}

/// The pairs of plans (those with the focus, if one), most alike first.
fn likeness_pairs(p: &Partners, focus: Option<usize>) -> Vec<(usize, usize)> {
    let n = p.plans.len();
    let mut pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| focus.is_none_or(|f| f == i || f == j))
        .collect();
    pairs.sort_by(|a, b| {
        p.likeness[b.0][b.1]
            .overall()
            .total_cmp(&p.likeness[a.0][a.1].overall())
            .then(a.cmp(b))
    });
    pairs
}

/// Entities by class, counted in one pass over the entities.
struct ClassCounts {
    /// The classes of the entities named, sorted.
    classes: Vec<String>,
    /// Per class: the entities, those every plan names and those one plan
    /// names.
    totals: Vec<ClassTotals>,
    /// Per plan and class, the distinct entities named.
    per_plan: Vec<Vec<usize>>,
}

impl ClassCounts {
    /// Counts the entities of `p` by class.
    fn of(p: &Partners, net: &Network) -> ClassCounts {
        let n = p.plans.len();
        let mut classes: Vec<String> = p
            .presence
            .keys()
            .map(|&e| net.entities[e].class.to_string())
            .collect();
        classes.sort();
        classes.dedup();
        let mut totals: Vec<ClassTotals> = classes
            .iter()
            .map(|c| ClassTotals {
                class: c.clone(),
                entities: 0,
                in_every_plan: 0,
                in_one_plan: 0,
            })
            .collect();
        let mut per_plan = vec![vec![0usize; classes.len()]; n];
        for (&e, counts) in &p.presence {
            let Ok(c) = classes.binary_search_by(|x| x.as_str().cmp(net.entities[e].class.name()))
            else {
                continue;
            };
            let naming = counts.iter().filter(|&&x| x > 0).count();
            totals[c].entities += 1;
            totals[c].in_every_plan += usize::from(naming == n);
            totals[c].in_one_plan += usize::from(naming == 1);
            for (plan, &x) in counts.iter().enumerate() {
                per_plan[plan][c] += usize::from(x > 0);
            }
        }
        ClassCounts {
            classes,
            totals,
            per_plan,
        }
    }
}

/// The plans' overall likeness as an SVG heat map, rows and columns in the
/// clustering's order so that alike plans form blocks.
pub fn likeness_svg(p: &Partners) -> String {
    let n = p.order.len();
    let (cell, left, top) = (36usize, 170usize, 150usize);
    let (width, height) = (left + cell * n + 20, top + cell * n + 40);
    let mut out = String::new();
    let _ = writeln!(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\">");
    let _ = writeln!(out, "  <title>Likeness of plans</title>\n  <rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
    let _ = writeln!(out, "  <text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Likeness of plans (clustered)</text>");
    let name = |i: usize| escape::html(&p.plans[i].plan.name);
    for (col, &j) in p.order.iter().enumerate() {
        let x = left + col * cell + cell / 2;
        let _ = writeln!(out, "  <text x=\"{x}\" y=\"{}\" font-size=\"11\" transform=\"rotate(-60 {x} {})\">{}</text>", top - 6, top - 6, name(j));
    }
    for (row, &i) in p.order.iter().enumerate() {
        let y = top + row * cell;
        let _ = writeln!(
            out,
            "  <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            left - 6,
            y + cell / 2 + 4,
            name(i)
        );
        for (col, &j) in p.order.iter().enumerate() {
            let l = p.likeness[i][j];
            let v = l.overall().clamp(0.0, 1.0);
            let colour = super::pictures::blue(v);
            let x = left + col * cell;
            let _ = writeln!(
                out,
                "  <g><title>{} × {}: overall {:.2} (entities {:.2}, text {:.2})</title><rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{colour}\" stroke=\"white\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\">{:.0}</text></g>",
                name(i), name(j), l.overall(), l.entities, l.text,
                x + cell / 2, y + cell / 2 + 4,
                if v > 0.5 { "white" } else { "black" },
                v * 100.0
            );
        }
    }
    let _ = writeln!(out, "  <text x=\"10\" y=\"{}\" font-size=\"11\" fill=\"#555\">Cell: mean of entity Jaccard and text cosine, in %. Order: average-linkage clustering. Hover for figures.</text>", height - 12);
    out.push_str("</svg>\n");
    out
}
