//! Cell formatting shared by the reports: numbers, pillar spans, passage
//! lists, snippets with the entity highlighted.

use crate::analysis::{Network, Passage};
use std::collections::BTreeSet;

pub(super) fn f3(v: f64) -> String {
    format!("{v:.3}")
}

pub(super) fn span_text(span: &BTreeSet<String>) -> String {
    span.iter().cloned().collect::<Vec<_>>().join(" ")
}

pub(super) fn clause_keys(net: &Network, e: usize) -> Vec<String> {
    let mut ps = net.passages_of(e);
    ps.sort_by_key(|&p| (net.passages[p].document.clone(), net.passages[p].position));
    ps.into_iter()
        .map(|p| net.passages[p].key.clone())
        .collect()
}

pub(super) fn snippet(p: &Passage, labels: &[String], width: usize) -> String {
    let lower = p.text.to_lowercase();
    let at = labels
        .iter()
        .filter_map(|l| lower.find(&l.to_lowercase()))
        .min()
        .unwrap_or(0);
    let chars: Vec<char> = p.text.chars().collect();
    let at_char = p.text[..at.min(p.text.len())].chars().count();
    let start = at_char.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}
