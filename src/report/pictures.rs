//! Pictures: the co-mention network in Graphviz DOT (and SVG through
//! Graphviz), the pillar matrix as an SVG heat map (drawn here).

use crate::analysis::{metrics, Analysis};
use petgraph::visit::EdgeRef as _;
use std::fmt::Write as _;

/// Node fill by pillar span: 1 pillar pale, 5 pillars dark.
const SPAN_COLOURS: [&str; 6] = [
    "#f0f0f0", "#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c",
];

/// The co-mention network as DOT: nodes coloured by pillar span, sized by
/// betweenness, edges as thick as the passages shared.
pub fn dot(a: &Analysis) -> String {
    let mut out = String::from("graph comention {\n  graph [overlap=false, splines=true, outputorder=edgesfirst, fontname=\"Helvetica\"];\n  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=10];\n");
    let max_b = a
        .centrality
        .iter()
        .map(|c| c.betweenness)
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    for (e, ent) in a.net.entities.iter().enumerate() {
        if a.mentions[e] == 0 {
            continue;
        }
        let span = a.net.pillar_span(e).len().min(5);
        let size = 0.3 + 1.2 * a.centrality[e].betweenness / max_b;
        let _ = writeln!(
            out,
            "  n{e} [label=\"{}\", tooltip=\"{} ({}), pillars: {}\", fillcolor=\"{}\", fontcolor=\"{}\", width={size:.2}, height={:.2}];",
            crate::output::escape::dot(&ent.label),
            crate::output::escape::dot(&ent.label),
            ent.class,
            a.net.pillar_span(e).into_iter().collect::<Vec<_>>().join(" "),
            SPAN_COLOURS[span],
            if span >= 4 { "white" } else { "black" },
            size * 0.6
        );
    }
    for edge in a.graph.edge_references() {
        let (x, y) = (edge.source(), edge.target());
        let w = *edge.weight();
        let _ = writeln!(
            out,
            "  n{} -- n{} [penwidth={:.1}];",
            x.index(),
            y.index(),
            0.5 + w.min(6.0)
        );
    }
    out.push_str("}\n");
    out
}

/// A heat map's colour for `v` in [0, 1]: white to dark blue.
pub(super) fn blue(v: f64) -> String {
    let shade = |from: f64, to: f64| (from + (to - from) * v.clamp(0.0, 1.0)).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        shade(247.0, 8.0),
        shade(251.0, 48.0),
        shade(255.0, 107.0)
    )
}

/// The pillar-by-pillar matrix as an SVG heat map, with counts in the cells.
pub fn heatmap_svg(a: &Analysis) -> String {
    let matrix = metrics::pillar_matrix(&a.net);
    let pillars: Vec<String> = a.net.pillar_titles.keys().cloned().collect();
    let n = pillars.len();
    let (cell, left, top) = (70usize, 260usize, 60usize);
    let (width, height) = (left + cell * n + 20, top + cell * n + 40);
    let max = matrix.values().map(Vec::len).max().unwrap_or(1).max(1) as f64;
    let mut out = String::new();
    let _ = writeln!(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\">");
    let _ = writeln!(out, "  <title>Entities shared between pillars</title>");
    let _ = writeln!(
        out,
        "  <rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"
    );
    let _ = writeln!(out, "  <text x=\"{}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Entities shared between pillars</text>", 10);
    for (j, q) in pillars.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\">{}</text>",
            left + j * cell + cell / 2,
            top - 8,
            crate::output::escape::html(q)
        );
    }
    for (i, p) in pillars.iter().enumerate() {
        let y = top + i * cell;
        let _ = writeln!(
            out,
            "  <text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{} {}</text>",
            left - 8,
            y + cell / 2 + 4,
            crate::output::escape::html(p),
            crate::output::escape::html(&a.net.pillar_titles[p])
        );
        for (j, q) in pillars.iter().enumerate() {
            let names: Vec<&str> = matrix[&(p.clone(), q.clone())]
                .iter()
                .map(|&e| a.net.entities[e].label.as_str())
                .collect();
            let v = names.len() as f64 / max;
            let colour = blue(v);
            let text_colour = if v > 0.5 { "white" } else { "black" };
            let x = left + j * cell;
            let _ = writeln!(
                out,
                "  <g><title>{} × {}: {}</title>",
                crate::output::escape::html(p),
                crate::output::escape::html(q),
                crate::output::escape::html(&names.join("; "))
            );
            let _ = writeln!(out, "    <rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{colour}\" stroke=\"white\" stroke-width=\"2\"/>");
            let _ = writeln!(out, "    <text x=\"{}\" y=\"{}\" font-size=\"16\" text-anchor=\"middle\" fill=\"{text_colour}\">{}</text></g>", x + cell / 2, y + cell / 2 + 6, names.len());
        }
    }
    let _ = writeln!(out, "  <text x=\"10\" y=\"{}\" font-size=\"11\" fill=\"#555\">Cell: entities named in both pillars (diagonal: in the pillar). Hover for names.</text>", height - 12);
    out.push_str("</svg>\n");
    out
}
