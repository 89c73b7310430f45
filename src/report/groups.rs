//! The reports about groups: the pillar-by-pillar matrix and the
//! communities of the co-mention network.

use super::{Report, Table};
use crate::analysis::{metrics, Analysis};
use serde_json::json;
use std::collections::BTreeMap;

/// The pillar-by-pillar matrix: for each pair of pillars, how many
/// entities are named in both (on the diagonal, in the pillar at all), and
/// which.
pub fn pillars(a: &Analysis) -> Report {
    let matrix = metrics::pillar_matrix(&a.net);
    let pillars: Vec<String> = a.net.pillar_titles.keys().cloned().collect();
    let mut header = vec!["pillar".to_string()];
    header.extend(pillars.iter().cloned());
    let rows: Vec<Vec<String>> = pillars
        .iter()
        .map(|p| {
            let mut row = vec![format!("{p} {}", a.net.pillar_titles[p])];
            row.extend(
                pillars
                    .iter()
                    .map(|q| matrix[&(p.clone(), q.clone())].len().to_string()),
            );
            row
        })
        .collect();
    let mut cell_rows = Vec::new();
    let mut cells = Vec::new();
    for (i, p) in pillars.iter().enumerate() {
        for q in &pillars[i + 1..] {
            let shared = &matrix[&(p.clone(), q.clone())];
            let names: Vec<String> = shared
                .iter()
                .map(|&e| a.net.entities[e].label.clone())
                .collect();
            cell_rows.push(vec![
                format!("{p} × {q}"),
                shared.len().to_string(),
                names.join("; "),
            ]);
            cells.push(json!({"pillars": [p, q], "entities": names}));
        }
    }
    Report {
        title: "Entities shared between pillars".into(),
        notes: vec!["Each cell counts the entities named in both pillars; the diagonal counts those named in the pillar at all.".into()],
        tables: vec![
            Table { title: "Matrix".into(), header, rows },
            Table { title: "Entities behind each cell".into(), header: ["pillars", "shared", "entities"].map(String::from).to_vec(), rows: cell_rows },
        ],
        json: json!({
            "report": "pillars",
            "pillars": pillars.iter().map(|p| json!({"notation": p, "title": a.net.pillar_titles[p]})).collect::<Vec<_>>(),
            "matrix": pillars.iter().map(|p| pillars.iter().map(|q| matrix[&(p.clone(), q.clone())].len()).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "cells": cells,
        }),
    }
}

/// The communities of the co-mention network with two or more named
/// entities: members by mentions, and how many of them have each dominant
/// pillar, with NMI and purity against those pillars.
pub fn communities(a: &Analysis) -> Report {
    let dominant = metrics::dominant_pillars(&a.net);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (e, &c) in a.communities.iter().enumerate() {
        if a.mentions[e] > 0 {
            groups.entry(c).or_default().push(e);
        }
    }
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for (c, members) in &groups {
        if members.len() < 2 {
            continue;
        }
        let mut by_pillar: BTreeMap<String, usize> = BTreeMap::new();
        for &e in members {
            *by_pillar
                .entry(dominant[e].clone().unwrap_or_else(|| "-".into()))
                .or_default() += 1;
        }
        let mut sorted = members.clone();
        sorted.sort_by(|&x, &y| {
            a.mentions[y]
                .cmp(&a.mentions[x])
                .then_with(|| a.net.entities[x].label.cmp(&a.net.entities[y].label))
        });
        let names: Vec<String> = sorted
            .iter()
            .map(|&e| a.net.entities[e].label.clone())
            .collect();
        let pillars = by_pillar
            .iter()
            .map(|(p, n)| format!("{p}:{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        rows.push(vec![
            c.to_string(),
            members.len().to_string(),
            pillars.clone(),
            names.join("; "),
        ]);
        items.push(
            json!({"community": c, "size": members.len(), "pillars": by_pillar, "members": names}),
        );
    }
    let singles = groups.values().filter(|m| m.len() == 1).count();
    Report {
        title: "Communities of the co-mention network".into(),
        notes: vec![
            "Method: Leiden (crate leiden-rs, modularity, fixed seed).".into(),
            format!("Against each entity's dominant pillar: NMI {:.3}, purity {:.3} ({} single-entity communities not listed).", a.nmi, a.purity, singles),
        ],
        tables: vec![Table { title: String::new(), header: ["#", "size", "pillars", "members"].map(String::from).to_vec(), rows }],
        json: json!({"report": "communities", "method": "leiden", "nmi": a.nmi, "purity": a.purity, "communities": items}),
    }
}
