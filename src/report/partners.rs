//! `report partners`: what the plans of a corpus share and how they differ
//! (tables from [`Partners`]), and the clustered likeness heat map (SVG).

use super::{Report, Table};
use crate::analysis::partners::Partners;
use crate::analysis::Network;
use crate::output::escape;
use serde_json::json;
use std::fmt::Write as _;

/// The classes of the plans x entities matrix: the mechanisms and the
/// instruments (every class is counted in the table by class).
const MATRIX_CLASSES: [&str; 2] = ["Mechanism", "Instrument"];

/// Up to this many plans, the matrix has a column per plan; beyond, a list
/// of the plans naming each entity (the JSON has the whole matrix): a text
/// table of more columns does not fit 80 columns.
const COLUMNS_UP_TO: usize = 4;

fn pct(v: f64) -> String {
    format!("{:.0}", v * 100.0)
}

/// The report; with `focus`, the rows about that plan (its entities, what
/// it shares and alone names, its likeness to each other plan).
pub fn partners(p: &Partners, net: &Network, focus: Option<usize>) -> Report {
    let v = View {
        p,
        net,
        names: p.plans.iter().map(|f| f.plan.name.as_str()).collect(),
        focus,
    };
    let n = p.plans.len();
    let matrix = v.matrix_entities();
    let shared: Vec<usize> = p.shared_by_all();
    let unique: Vec<(usize, usize)> = p
        .unique()
        .into_iter()
        .filter(|(plan, _)| focus.is_none_or(|f| f == *plan))
        .collect();
    let classes = ClassCounts::of(p, net);
    let pairs = v.likeness_pairs();
    let focus_note = focus.map(|f| format!("Rows about {} only.", v.names[f]));
    let notes: Vec<String> = [
        Some(format!(
            "{n} plans. {} entities named in every plan; {} named in one plan only. Likeness: Jaccard index of the entities two plans name, cosine of their TF-IDF word vectors, and the mean of both. Pillar balance: share of each plan's clauses (and mentions) in each theme, in %; pillars are matched by theme, not by number.",
            shared.len(),
            p.unique().len()
        )),
        focus_note,
    ]
    .into_iter()
    .flatten()
    .collect();
    Report {
        title: "Partners: what the plans share".into(),
        notes,
        tables: vec![
            v.plans_table(),
            v.matrix_table(&matrix),
            v.shared_table(&shared),
            v.unique_table(&unique),
            classes.class_table(),
            v.plan_class_table(&classes),
            v.likeness_table(&pairs),
            v.balance_table(false),
            v.balance_table(true),
            v.matched_table(),
        ],
        json: v.json(&matrix, &shared, &unique, &pairs, &classes),
    }
}

/// A table of fixed column names.
fn table(title: &str, header: &[&str], rows: Vec<Vec<String>>) -> Table {
    Table {
        title: title.into(),
        header: header.iter().map(|s| s.to_string()).collect(),
        rows,
    }
}

/// What the report's tables are made from.
struct View<'a> {
    /// The figures.
    p: &'a Partners,
    /// The network the entity indices point into.
    net: &'a Network,
    /// The plans' names, in the order of `p.plans`.
    names: Vec<&'a str>,
    /// The plan the rows are about, if one.
    focus: Option<usize>,
}

/// An entity of the matrix and the passages naming it in each plan.
type MatrixRow<'a> = (usize, &'a Vec<usize>);

impl<'a> View<'a> {
    /// Entity `e`'s label.
    fn label(&self, e: usize) -> String {
        self.net.entities[e].label.clone()
    }

    /// Entity `e`'s class.
    fn class(&self, e: usize) -> String {
        self.net.entities[e].class.to_string()
    }

    /// Whether a row with these passages per plan is about the focus.
    fn in_focus(&self, counts: &[usize]) -> bool {
        self.focus.is_none_or(|f| counts[f] > 0)
    }

    /// One row per plan: partner, period, clauses, mentions, entities.
    fn plans_table(&self) -> Table {
        let rows = self
            .p
            .plans
            .iter()
            .map(|f| {
                vec![
                    f.plan.name.clone(),
                    f.plan.partner.clone().unwrap_or_else(|| "-".into()),
                    f.plan
                        .period
                        .map_or("-".into(), |(a, b)| format!("{a}-{b}")),
                    f.clauses.to_string(),
                    f.mentions.to_string(),
                    f.entities.to_string(),
                ]
            })
            .collect();
        table(
            "Plans",
            &[
                "plan", "partner", "period", "clauses", "mentions", "entities",
            ],
            rows,
        )
    }

    /// The entities of the matrix: mechanisms and instruments, most widely
    /// named first.
    fn matrix_entities(&self) -> Vec<MatrixRow<'a>> {
        let (p, net) = (self.p, self.net);
        let mut matrix: Vec<MatrixRow<'a>> = p
            .presence
            .iter()
            .filter(|(e, c)| {
                MATRIX_CLASSES.contains(&net.entities[**e].class.name()) && self.in_focus(c)
            })
            .map(|(e, c)| (*e, c))
            .collect();
        matrix.sort_by_key(|(e, _)| (std::cmp::Reverse(p.plans_naming(*e)), self.label(*e)));
        matrix
    }

    /// The plans x entities matrix: a column per plan when they are few,
    /// else the list of plans naming each entity.
    fn matrix_table(&self, matrix: &[MatrixRow]) -> Table {
        let wide = self.names.len() <= COLUMNS_UP_TO;
        let mut header: Vec<String> = ["entity", "class", "plans"].map(String::from).to_vec();
        if wide {
            header.extend(self.names.iter().map(|s| s.to_string()));
        } else {
            header.push("named in".into());
        }
        let rows = matrix
            .iter()
            .map(|(e, counts)| {
                let mut row = vec![
                    self.label(*e),
                    self.class(*e),
                    self.p.plans_naming(*e).to_string(),
                ];
                if wide {
                    row.extend(
                        counts
                            .iter()
                            .map(|&c| if c == 0 { "-".into() } else { c.to_string() }),
                    );
                } else {
                    row.push(
                        counts
                            .iter()
                            .enumerate()
                            .filter(|(_, &c)| c > 0)
                            .map(|(i, _)| self.names[i])
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                }
                row
            })
            .collect();
        Table {
            title: "Mechanisms and instruments by plan (passages naming each)".into(),
            header,
            rows,
        }
    }

    /// The entities every plan names, with their passages in all.
    fn shared_table(&self, shared: &[usize]) -> Table {
        let rows = shared
            .iter()
            .map(|&e| {
                vec![
                    self.label(e),
                    self.class(e),
                    self.p.presence[&e].iter().sum::<usize>().to_string(),
                ]
            })
            .collect();
        table(
            "Named in every plan",
            &["entity", "class", "passages"],
            rows,
        )
    }

    /// The entities one plan alone names, as (plan, entity).
    fn unique_table(&self, unique: &[(usize, usize)]) -> Table {
        let rows = unique
            .iter()
            .map(|&(plan, e)| {
                vec![
                    self.names[plan].to_string(),
                    self.label(e),
                    self.class(e),
                    self.p.presence[&e][plan].to_string(),
                ]
            })
            .collect();
        table(
            "Named in one plan only",
            &["plan", "entity", "class", "passages"],
            rows,
        )
    }

    /// Distinct entities by plan (the focus only, if one) and class.
    fn plan_class_table(&self, classes: &ClassCounts) -> Table {
        let mut header = vec!["plan".to_string()];
        header.extend(classes.classes.iter().cloned());
        let rows = (0..self.names.len())
            .filter(|&plan| self.focus.is_none_or(|f| f == plan))
            .map(|plan| {
                let mut row = vec![self.names[plan].to_string()];
                row.extend(classes.per_plan[plan].iter().map(usize::to_string));
                row
            })
            .collect();
        Table {
            title: "Distinct entities by plan and class".into(),
            header,
            rows,
        }
    }

    /// The pairs of plans (those with the focus, if one), most alike first.
    fn likeness_pairs(&self) -> Vec<(usize, usize)> {
        let (n, p, focus) = (self.names.len(), self.p, self.focus);
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

    /// The likeness of each pair of plans.
    fn likeness_table(&self, pairs: &[(usize, usize)]) -> Table {
        let rows = pairs
            .iter()
            .map(|&(i, j)| {
                let l = self.p.likeness[i][j];
                vec![
                    self.names[i].to_string(),
                    self.names[j].to_string(),
                    format!("{:.3}", l.entities),
                    format!("{:.3}", l.text),
                    format!("{:.3}", l.overall()),
                ]
            })
            .collect();
        table(
            "Likeness of plans",
            &["plan", "plan", "entities", "text", "overall"],
            rows,
        )
    }

    /// Each plan's share of clauses (or of `mentions`) by theme, in %.
    fn balance_table(&self, mentions: bool) -> Table {
        let mut header = vec!["plan".to_string()];
        header.extend(self.p.themes.iter().cloned());
        let rows = (0..self.names.len())
            .map(|plan| {
                let mut row = vec![self.names[plan].to_string()];
                row.extend(
                    self.p.balance[plan]
                        .iter()
                        .map(|s| pct(if mentions { s.mentions } else { s.clauses })),
                );
                row
            })
            .collect();
        Table {
            title: if mentions {
                "Pillar balance: share of mentions (%)"
            } else {
                "Pillar balance: share of clauses (%)"
            }
            .into(),
            header,
            rows,
        }
    }

    /// Which pillar of which plan went into each theme.
    fn matched_table(&self) -> Table {
        let rows = self
            .p
            .matched
            .iter()
            .map(|m| {
                vec![
                    self.p.themes[m.theme].clone(),
                    self.names[m.plan].to_string(),
                    m.notation.clone(),
                    m.title.clone(),
                ]
            })
            .collect();
        table(
            "Pillars matched by theme",
            &["theme", "plan", "pillar", "title"],
            rows,
        )
    }

    /// The report as JSON.
    fn json(
        &self,
        matrix: &[MatrixRow],
        shared: &[usize],
        unique: &[(usize, usize)],
        pairs: &[(usize, usize)],
        classes: &ClassCounts,
    ) -> serde_json::Value {
        let (p, net, names) = (self.p, self.net, &self.names);
        let n = names.len();
        json!({
            "report": "partners",
            "plans": p.plans,
            "matrix": matrix.iter().map(|(e, counts)| json!({"entity": self.label(*e), "iri": net.entities[*e].iri, "class": self.class(*e), "passages": counts})).collect::<Vec<_>>(),
            "shared_by_all": shared.iter().map(|&e| json!({"entity": self.label(e), "iri": net.entities[e].iri})).collect::<Vec<_>>(),
            "unique": unique.iter().map(|&(plan, e)| json!({"plan": names[plan], "entity": self.label(e), "iri": net.entities[e].iri})).collect::<Vec<_>>(),
            "likeness": pairs.iter().map(|&(i, j)| { let l = p.likeness[i][j]; json!({"a": names[i], "b": names[j], "entities": l.entities, "text": l.text, "overall": l.overall()}) }).collect::<Vec<_>>(),
            "order": p.order.iter().map(|&i| names[i]).collect::<Vec<_>>(),
            "themes": p.themes,
            "classes": classes.classes,
            "by_class": (0..n).map(|plan| json!({"plan": names[plan], "entities": classes.per_plan[plan]})).collect::<Vec<_>>(),
            "balance": (0..n).map(|plan| json!({"plan": names[plan], "shares": p.balance[plan]})).collect::<Vec<_>>(),
        })
    }
}

/// Entities by class, counted in one pass over the entities.
struct ClassCounts {
    /// The classes of the entities named, sorted.
    classes: Vec<String>,
    /// Per class: the entities, those every plan names and those one plan
    /// names.
    per_class: Vec<[usize; 3]>,
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
        let mut per_class = vec![[0usize; 3]; classes.len()];
        let mut per_plan = vec![vec![0usize; classes.len()]; n];
        for (&e, counts) in &p.presence {
            let Ok(c) = classes.binary_search_by(|x| x.as_str().cmp(net.entities[e].class.name()))
            else {
                continue;
            };
            let naming = counts.iter().filter(|&&x| x > 0).count();
            per_class[c][0] += 1;
            per_class[c][1] += usize::from(naming == n);
            per_class[c][2] += usize::from(naming == 1);
            for (plan, &x) in counts.iter().enumerate() {
                per_plan[plan][c] += usize::from(x > 0);
            }
        }
        ClassCounts {
            classes,
            per_class,
            per_plan,
        }
    }

    /// Per class: the entities, those in every plan, those in one plan.
    fn class_table(&self) -> Table {
        let rows = self
            .classes
            .iter()
            .zip(&self.per_class)
            .map(|(c, [all, every, one])| {
                vec![
                    c.clone(),
                    all.to_string(),
                    every.to_string(),
                    one.to_string(),
                ]
            })
            .collect();
        table(
            "Entities by class",
            &["class", "entities", "in every plan", "in one plan"],
            rows,
        )
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
