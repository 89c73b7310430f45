//! The SPARQL queries shipped in `queries/`, embedded in the binary.
//!
//! Each file starts with a comment header; its first line is the one-line
//! description `poakg queries` shows.

/// A shipped query.
#[derive(Debug, Clone, Copy)]
pub struct Shipped {
    /// File stem, used as `poakg query NAME`.
    pub name: &'static str,
    /// The query as shipped, comment header included.
    pub text: &'static str,
}

macro_rules! shipped {
    ($($name:literal),* $(,)?) => {
        &[$(Shipped { name: $name, text: include_str!(concat!("../queries/", $name, ".rq")) }),*]
    };
}

/// Every shipped query, in the order `poakg queries` lists them.
pub const SHIPPED: &[Shipped] = shipped![
    "plan-overview",
    "clauses-per-pillar",
    "pillar-sections",
    "section-clauses",
    "sections",
    "keyword-search",
    "preamble",
    "programme",
    "programme-activities",
    "clause-provenance",
    "graphs",
    "new-clauses",
    "commitment-by-plan",
    "sdg-coverage",
    "aoip-by-partner",
    "weakened-clauses",
];

impl Shipped {
    /// The first comment line, without the `#`.
    pub fn description(&self) -> &'static str {
        self.text
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with('#') && l.len() > 1)
            .map_or("", |l| l.trim_start_matches('#').trim())
    }
}

/// Finds a shipped query by name (with or without `.rq`).
pub fn find(name: &str) -> Option<&'static Shipped> {
    let name = name.strip_suffix(".rq").unwrap_or(name);
    SHIPPED.iter().find(|q| q.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_query_has_a_description() {
        assert!(SHIPPED.len() >= 8);
        for q in SHIPPED {
            assert!(
                !q.description().is_empty(),
                "{} has no comment header",
                q.name
            );
        }
        assert!(find("clauses-per-pillar.rq").is_some());
        assert!(find("nope").is_none());
    }
}
