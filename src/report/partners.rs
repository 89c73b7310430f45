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
    let n = p.plans.len();
    let names: Vec<&str> = p.plans.iter().map(|f| f.plan.name.as_str()).collect();
    let in_focus = |counts: &[usize]| focus.is_none_or(|f| counts[f] > 0);
    let plans_rows = p
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
    let label = |e: usize| net.entities[e].label.clone();
    let class = |e: usize| net.entities[e].class.clone();
    // the matrix: mechanisms and instruments, most widely named first
    let mut matrix: Vec<(usize, &Vec<usize>)> = p
        .presence
        .iter()
        .filter(|(e, c)| MATRIX_CLASSES.contains(&net.entities[**e].class.as_str()) && in_focus(c))
        .map(|(e, c)| (*e, c))
        .collect();
    matrix.sort_by_key(|(e, _)| (std::cmp::Reverse(p.plans_naming(*e)), label(*e)));
    let wide = n <= COLUMNS_UP_TO;
    let mut matrix_header: Vec<String> = ["entity", "class", "plans"].map(String::from).to_vec();
    if wide {
        matrix_header.extend(names.iter().map(|s| s.to_string()));
    } else {
        matrix_header.push("named in".into());
    }
    let matrix_rows = matrix
        .iter()
        .map(|(e, counts)| {
            let mut row = vec![label(*e), class(*e), p.plans_naming(*e).to_string()];
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
                        .map(|(i, _)| names[i])
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            row
        })
        .collect();
    let shared: Vec<usize> = p.shared_by_all();
    let shared_rows = shared
        .iter()
        .map(|&e| {
            vec![
                label(e),
                class(e),
                p.presence[&e].iter().sum::<usize>().to_string(),
            ]
        })
        .collect();
    let unique: Vec<(usize, usize)> = p
        .unique()
        .into_iter()
        .filter(|(plan, _)| focus.is_none_or(|f| f == *plan))
        .collect();
    let unique_rows = unique
        .iter()
        .map(|&(plan, e)| {
            vec![
                names[plan].to_string(),
                label(e),
                class(e),
                p.presence[&e][plan].to_string(),
            ]
        })
        .collect();
    // by class: distinct entities per plan, and how many every plan / one plan names
    let mut classes: Vec<String> = p.presence.keys().map(|&e| class(e)).collect();
    classes.sort();
    classes.dedup();
    // one pass over the entities: per class, the entities, those every plan
    // names and those one plan names; per plan and class, distinct entities
    let mut per_class = vec![[0usize; 3]; classes.len()];
    let mut per_plan_class = vec![vec![0usize; classes.len()]; n];
    for (&e, counts) in &p.presence {
        let Ok(c) = classes.binary_search_by(|x| x.as_str().cmp(&net.entities[e].class)) else {
            continue;
        };
        let naming = counts.iter().filter(|&&x| x > 0).count();
        per_class[c][0] += 1;
        per_class[c][1] += usize::from(naming == n);
        per_class[c][2] += usize::from(naming == 1);
        for (plan, &x) in counts.iter().enumerate() {
            per_plan_class[plan][c] += usize::from(x > 0);
        }
    }
    let class_rows = classes
        .iter()
        .zip(&per_class)
        .map(|(c, [all, every, one])| {
            vec![
                c.clone(),
                all.to_string(),
                every.to_string(),
                one.to_string(),
            ]
        })
        .collect();
    let mut plan_class_header = vec!["plan".to_string()];
    plan_class_header.extend(classes.iter().cloned());
    let plan_class_rows = (0..n)
        .filter(|&plan| focus.is_none_or(|f| f == plan))
        .map(|plan| {
            let mut row = vec![names[plan].to_string()];
            row.extend(per_plan_class[plan].iter().map(usize::to_string));
            row
        })
        .collect();
    // likeness, most alike first
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
    let likeness_rows = pairs
        .iter()
        .map(|&(i, j)| {
            let l = p.likeness[i][j];
            vec![
                names[i].to_string(),
                names[j].to_string(),
                format!("{:.3}", l.entities),
                format!("{:.3}", l.text),
                format!("{:.3}", l.overall()),
            ]
        })
        .collect();
    let mut balance_header = vec!["plan".to_string()];
    balance_header.extend(p.themes.iter().cloned());
    let balance = |mentions: bool| -> Vec<Vec<String>> {
        (0..n)
            .map(|plan| {
                let mut row = vec![names[plan].to_string()];
                row.extend(
                    p.balance[plan]
                        .iter()
                        .map(|s| pct(if mentions { s.mentions } else { s.clauses })),
                );
                row
            })
            .collect()
    };
    let matched_rows = p
        .matched
        .iter()
        .map(|(t, plan, notation, title)| {
            vec![
                p.themes[*t].clone(),
                names[*plan].to_string(),
                notation.clone(),
                title.clone(),
            ]
        })
        .collect();
    let focus_note = focus.map(|f| format!("Rows about {} only.", names[f]));
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
    let table = |title: &str, header: &[&str], rows| Table {
        title: title.into(),
        header: header.iter().map(|s| s.to_string()).collect(),
        rows,
    };
    Report {
        title: "Partners: what the plans share".into(),
        notes,
        tables: vec![
            table(
                "Plans",
                &[
                    "plan", "partner", "period", "clauses", "mentions", "entities",
                ],
                plans_rows,
            ),
            Table {
                title: "Mechanisms and instruments by plan (passages naming each)".into(),
                header: matrix_header,
                rows: matrix_rows,
            },
            table(
                "Named in every plan",
                &["entity", "class", "passages"],
                shared_rows,
            ),
            table(
                "Named in one plan only",
                &["plan", "entity", "class", "passages"],
                unique_rows,
            ),
            table(
                "Entities by class",
                &["class", "entities", "in every plan", "in one plan"],
                class_rows,
            ),
            Table {
                title: "Distinct entities by plan and class".into(),
                header: plan_class_header,
                rows: plan_class_rows,
            },
            table(
                "Likeness of plans",
                &["plan", "plan", "entities", "text", "overall"],
                likeness_rows,
            ),
            Table {
                title: "Pillar balance: share of clauses (%)".into(),
                header: balance_header.clone(),
                rows: balance(false),
            },
            Table {
                title: "Pillar balance: share of mentions (%)".into(),
                header: balance_header,
                rows: balance(true),
            },
            table(
                "Pillars matched by theme",
                &["theme", "plan", "pillar", "title"],
                matched_rows,
            ),
        ],
        json: json!({
            "report": "partners",
            "plans": p.plans,
            "matrix": matrix.iter().map(|(e, counts)| json!({"entity": label(*e), "iri": net.entities[*e].iri, "class": class(*e), "passages": counts})).collect::<Vec<_>>(),
            "shared_by_all": shared.iter().map(|&e| json!({"entity": label(e), "iri": net.entities[e].iri})).collect::<Vec<_>>(),
            "unique": unique.iter().map(|&(plan, e)| json!({"plan": names[plan], "entity": label(e), "iri": net.entities[e].iri})).collect::<Vec<_>>(),
            "likeness": pairs.iter().map(|&(i, j)| { let l = p.likeness[i][j]; json!({"a": names[i], "b": names[j], "entities": l.entities, "text": l.text, "overall": l.overall()}) }).collect::<Vec<_>>(),
            "order": p.order.iter().map(|&i| names[i]).collect::<Vec<_>>(),
            "themes": p.themes,
            "classes": classes,
            "by_class": (0..n).map(|plan| json!({"plan": names[plan], "entities": per_plan_class[plan]})).collect::<Vec<_>>(),
            "balance": (0..n).map(|plan| json!({"plan": names[plan], "shares": p.balance[plan]})).collect::<Vec<_>>(),
        }),
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
