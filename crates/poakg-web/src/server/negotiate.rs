//! Content negotiation: picking a format from an Accept header.

/// Formats the endpoint can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    SparqlJson,
    SparqlXml,
    Csv,
    Tsv,
    Turtle,
    NTriples,
    JsonLd,
    RdfXml,
    Html,
    /// Plain JSON (the network page's data).
    Json,
}

/// The media type a `?format=` name of `/sparql` asks for (the download
/// links of the query page): a results format, or a graph format.
pub fn media_of_result_format(name: &str) -> Option<&'static str> {
    Some(match name {
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "json" => "application/sparql-results+json",
        "xml" => "application/sparql-results+xml",
        other => return media_of_format(other),
    })
}

/// The media type a `?format=` name asks for (the alternates of a page).
pub fn media_of_format(name: &str) -> Option<&'static str> {
    Some(match name {
        "turtle" | "ttl" => "text/turtle",
        "jsonld" | "json-ld" => "application/ld+json",
        "ntriples" | "nt" => "application/n-triples",
        "rdfxml" | "rdf" => "application/rdf+xml",
        "html" => "text/html",
        _ => return None,
    })
}

impl Media {
    pub fn content_type(self) -> &'static str {
        match self {
            Media::SparqlJson => "application/sparql-results+json",
            Media::SparqlXml => "application/sparql-results+xml",
            Media::Csv => "text/csv; charset=utf-8",
            Media::Tsv => "text/tab-separated-values; charset=utf-8",
            Media::Turtle => "text/turtle; charset=utf-8",
            Media::NTriples => "application/n-triples",
            Media::JsonLd => "application/ld+json",
            Media::RdfXml => "application/rdf+xml",
            Media::Html => "text/html; charset=utf-8",
            Media::Json => "application/json",
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            Media::SparqlJson => &["application/sparql-results+json", "application/json"],
            Media::SparqlXml => &[
                "application/sparql-results+xml",
                "application/xml",
                "text/xml",
            ],
            Media::Csv => &["text/csv"],
            Media::Tsv => &["text/tab-separated-values"],
            Media::Turtle => &["text/turtle", "application/x-turtle"],
            Media::NTriples => &["application/n-triples", "text/plain"],
            Media::JsonLd => &["application/ld+json", "application/json"],
            Media::RdfXml => &["application/rdf+xml", "application/xml"],
            Media::Html => &["text/html", "application/xhtml+xml"],
            Media::Json => &["application/json"],
        }
    }
}

/// Results of SELECT and ASK.
pub const TABULAR: &[Media] = &[Media::SparqlJson, Media::SparqlXml, Media::Csv, Media::Tsv];
/// Results of CONSTRUCT and DESCRIBE, and graphs.
pub const GRAPH: &[Media] = &[Media::Turtle, Media::NTriples, Media::JsonLd, Media::RdfXml];

/// The best of `offered` for `accept` (the first offered is the default when
/// the header is missing or says `*/*`); None when nothing acceptable is offered.
pub fn choose(accept: Option<&str>, offered: &[Media]) -> Option<Media> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let range = pieces.next()?.trim().to_ascii_lowercase();
            let q = pieces
                .filter_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.trim().parse::<f32>().ok())
                })
                .next()
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, range))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, range) in &ranges {
        if range == "*/*" {
            return offered.first().copied();
        }
        if let Some(prefix) = range.strip_suffix("/*") {
            // a wildcard matches a format's own type, not its aliases
            if let Some(m) = offered
                .iter()
                .find(|m| m.names()[0].starts_with(&format!("{prefix}/")))
            {
                return Some(*m);
            }
            continue;
        }
        if let Some(m) = offered.iter().find(|m| m.names().contains(&range.as_str())) {
            return Some(*m);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_by_quality_then_order() {
        assert_eq!(choose(None, TABULAR), Some(Media::SparqlJson));
        assert_eq!(choose(Some("text/csv"), TABULAR), Some(Media::Csv));
        assert_eq!(
            choose(
                Some("text/csv;q=0.5, application/sparql-results+xml"),
                TABULAR
            ),
            Some(Media::SparqlXml)
        );
        assert_eq!(choose(Some("*/*"), GRAPH), Some(Media::Turtle));
        assert_eq!(
            choose(Some("application/ld+json"), GRAPH),
            Some(Media::JsonLd)
        );
        assert_eq!(choose(Some("image/png"), GRAPH), None);
        assert_eq!(choose(Some("text/*"), TABULAR), Some(Media::Csv));
    }
}
