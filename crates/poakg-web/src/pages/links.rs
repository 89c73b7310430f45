//! What every page needs: links by label (only http(s) IRIs become links),
//! the labels of IRIs read in batches, JSON made safe to embed in a
//! `<script>`, snippets around a surface form, and mentions cut out of a text.

use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;
use poakg::vocab;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// The base of the store the current request reads. Every request runs
    /// on a worker thread of its own (`server::worker`), which sets it
    /// before anything renders; so pages link to this server's `/id/...`
    /// whatever base the store mints its IRIs under, and two stores served
    /// side by side never see each other's.
    static BASE: RefCell<poakg::base::Base> = RefCell::new(poakg::base::Base::default());
}

/// Says which base the pages this thread renders are read from.
pub fn set_request_base(base: &poakg::base::Base) {
    BASE.with(|b| *b.borrow_mut() = base.clone());
}

/// The path under `id/` of one of the served store's IRIs (`entity/arf`).
pub fn data_path(iri: &str) -> Option<String> {
    BASE.with(|b| b.borrow().path_of(iri).map(str::to_owned))
}

/// A link by label; `href` is none for IRIs that must not become links.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// What the reader sees: the resource's label, else a short form of its IRI.
    pub label: String,
    /// Where it points, when it may point anywhere (see [`href`]).
    pub href: Option<String>,
}

impl Link {
    /// The link to `iri` with its label from `names` (else a short IRI).
    pub fn to(iri: &str, names: &HashMap<String, String>) -> Link {
        Link {
            label: names
                .get(iri)
                .cloned()
                .unwrap_or_else(|| vocab::display_iri(iri)),
            href: href(iri),
        }
    }
}

/// A piece of a passage's text: plain, or a mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The characters of the text this piece covers.
    pub text: String,
    /// The entity it names, for a mention.
    pub entity: Option<Link>,
}

/// Where a link to `iri` points: this server's page for a data IRI, the IRI
/// itself for other http(s) IRIs, and no link at all for any other scheme
/// (a `javascript:` IRI loaded from RDF must not become a clickable link).
pub fn href(iri: &str) -> Option<String> {
    // a UN goal's page here lists the clauses addressing it
    if let Some(page) = super::labels::goal_page(iri) {
        return Some(page);
    }
    if let Some(path) = data_path(iri) {
        return Some(format!("/id/{path}"));
    }
    let lower = iri.get(..8).unwrap_or(iri).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| iri.to_owned())
}

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` only occur
/// in JSON strings, where their `\u` escapes mean the same.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Labels of IRIs: skos:prefLabel, else dcterms:title, else rdfs:label, else
/// "§ notation" for passages and parts. Read 400 IRIs per query.
pub fn labels(store: &KgStore, iris: &[&str]) -> Result<HashMap<String, String>, QueryError> {
    let mut best: HashMap<String, (u8, String)> = HashMap::new();
    for chunk in iris.chunks(400) {
        // typed terms; a string that is no IRI has no label to look up
        let values: String = chunk
            .iter()
            .filter_map(|i| sparql::iri(i).ok())
            .map(|i| format!("{i} "))
            .collect();
        for row in sparql::select(
            store,
            "labels",
            format!(
                "SELECT ?s ?l ?rank WHERE {{ VALUES ?s {{ {values} }}
                   {{ ?s skos:prefLabel ?l BIND(1 AS ?rank) }} UNION {{ ?s dcterms:title ?l BIND(2 AS ?rank) }}
                   UNION {{ ?s rdfs:label ?l BIND(3 AS ?rank) }} UNION {{ ?s skos:notation ?n BIND(CONCAT('§ ', STR(?n)) AS ?l) BIND(4 AS ?rank) }} }}"
            ),
        )? {
            let (Some(s), Some(l)) = (row_text(&row, "s"), row_text(&row, "l")) else { continue };
            let rank = row_text(&row, "rank").and_then(|r| r.parse().ok()).unwrap_or(9);
            let entry = best.entry(s).or_insert((u8::MAX, String::new()));
            if rank < entry.0 {
                *entry = (rank, l);
            }
        }
    }
    Ok(best.into_iter().map(|(k, (_, l))| (k, l)).collect())
}

/// The text cut into plain pieces and mentions, each surface form found in
/// the text left to right, longest first where two start together.
pub fn highlight(text: &str, mentions: &[(String, Link)]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize, &Link)> = Vec::new();
    for (surface, entity) in mentions {
        if surface.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|t| t.find(surface.as_str())) {
            spans.push((from + at, from + at + surface.len(), entity));
            from += at + surface.len();
        }
    }
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, entity) in spans {
        if start < at {
            continue; // inside a longer mention already taken
        }
        if start > at {
            pieces.push(Piece {
                text: text[at..start].to_owned(),
                entity: None,
            });
        }
        pieces.push(Piece {
            text: text[start..end].to_owned(),
            entity: Some(entity.clone()),
        });
        at = end;
    }
    if at < text.len() {
        pieces.push(Piece {
            text: text[at..].to_owned(),
            entity: None,
        });
    }
    pieces
}

/// About `width` characters of `text` around the first occurrence of
/// `surface` (the start of the text when it does not occur), cut at word
/// boundaries and marked with ellipses where cut.
pub fn snippet(text: &str, surface: &str, width: usize) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= width {
        return text.to_owned();
    }
    let hit = text.find(surface).unwrap_or(0);
    let hit_char = chars.iter().position(|&(b, _)| b >= hit).unwrap_or(0);
    let half = width.saturating_sub(surface.chars().count()) / 2;
    let mut from = hit_char.saturating_sub(half);
    let mut to = (from + width).min(chars.len());
    from = to.saturating_sub(width).min(from);
    // widen to whole words
    while from > 0 && !chars[from - 1].1.is_whitespace() {
        from -= 1;
    }
    while to < chars.len() && !chars[to].1.is_whitespace() {
        to += 1;
    }
    let start = chars[from].0;
    let end = chars.get(to).map_or(text.len(), |&(b, _)| b);
    format!(
        "{}{}{}",
        if from > 0 { "… " } else { "" },
        text[start..end].trim(),
        if to < chars.len() { " …" } else { "" }
    )
}

/// An ordinal in words for small numbers (`1st`, `2nd`, `23rd`, `11th`).
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str) -> Link {
        Link {
            label: name.into(),
            href: Some(format!("/id/entity/{name}")),
        }
    }

    #[test]
    fn mentions_are_cut_out_of_the_text_longest_first() {
        let pieces = highlight(
            "Through the ARF and the ARF Hanoi Plan, act.",
            &[
                ("ARF".into(), entity("arf")),
                ("ARF Hanoi Plan".into(), entity("hanoi")),
            ],
        );
        let marked: Vec<(&str, Option<&str>)> = pieces
            .iter()
            .map(|p| (p.text.as_str(), p.entity.as_ref().map(|e| e.label.as_str())))
            .collect();
        assert_eq!(
            marked,
            [
                ("Through the ", None),
                ("ARF", Some("arf")),
                (" and the ", None),
                ("ARF Hanoi Plan", Some("hanoi")),
                (", act.", None)
            ]
        );
    }

    #[test]
    fn only_http_iris_become_links() {
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href("JavaScript:alert(1)"), None);
        assert_eq!(
            href("https://w3id.org/poakg/id/entity/arf").as_deref(),
            Some("/id/entity/arf")
        );
    }

    #[test]
    fn embedded_json_cannot_close_its_script() {
        let safe = script_safe(r#"{"a": "</script><script>alert(1)</script> & <!--"}"#);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["a"], "</script><script>alert(1)</script> & <!--");
    }

    #[test]
    fn snippets_keep_the_mention_and_whole_words() {
        let text = "One two three four five six seven eight nine ten ASEAN Regional Forum eleven twelve thirteen fourteen fifteen";
        let s = snippet(text, "ASEAN Regional Forum", 40);
        assert!(s.contains("ASEAN Regional Forum"), "{s}");
        assert!(s.starts_with("… ") && s.ends_with(" …"), "{s}");
        for word in s.trim_matches(|c| c == '…' || c == ' ').split(' ') {
            assert!(text.split(' ').any(|w| w == word), "{word} cut in {s}");
        }
        assert_eq!(snippet("short", "x", 40), "short");
        // multi-byte text is cut on characters
        let greek = "αβγ ".repeat(30);
        assert!(snippet(&greek, "zz", 10).chars().count() < 20);
    }

    #[test]
    fn ordinals_read_as_english() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }
}
