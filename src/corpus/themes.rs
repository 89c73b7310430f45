//! Pillars matched across plans by their theme, not by their number: one
//! plan's "Political and Security Cooperation" and another's
//! "Political-Security Cooperation" are one theme. The themes are data
//! (`ontology/pillar-themes.tsv`); titles outside them are matched to each
//! other by the words they share.

use std::collections::BTreeSet;

/// The shipped theme table.
pub const BUNDLED_THEMES: &str = include_str!("../../ontology/pillar-themes.tsv");

/// A theme: its id (`political-security`), its label, and the words that
/// name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Short id (`political-security`); for a made-up theme, its content
    /// words joined by `-` (`untitled` when it has none).
    pub id: String,
    /// The label reports show; for a made-up theme, the first pillar title
    /// assigned to it.
    pub label: String,
    words: BTreeSet<String>,
}

/// Words a title is made of that say nothing of its theme.
const FILLER: &[&str] = &[
    "and",
    "the",
    "of",
    "for",
    "in",
    "on",
    "to",
    "a",
    "an",
    "cooperation",
    "co",
    "operation",
    "partnership",
    "pillar",
    "part",
    "area",
    "areas",
    "relations",
    "affairs",
    "asean",
];

/// A title's lower-case words, hyphens and punctuation splitting them.
fn words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of a title that may say its theme.
fn content(title: &str) -> BTreeSet<String> {
    words(title)
        .into_iter()
        .filter(|w| !FILLER.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// The theme table, and the themes made up for titles outside it.
#[derive(Debug, Clone)]
pub struct Themes {
    /// The table's themes in file order, then the made-up ones;
    /// [`Themes::assign`] returns indices into it.
    pub themes: Vec<Theme>,
    /// How many of `themes` come from the table (the rest were made up).
    known: usize,
}

impl Themes {
    /// Parses a theme table: `id TAB label TAB words`, `#` comments.
    pub fn parse(tsv: &str) -> Result<Themes, String> {
        let mut themes = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [id, label, list] = cols[..] else {
                return Err(format!(
                    "line {}: expected 3 tab-separated columns (id, label, words), found {}",
                    i + 1,
                    cols.len()
                ));
            };
            themes.push(Theme {
                id: id.trim().to_owned(),
                label: label.trim().to_owned(),
                words: list.split_whitespace().map(str::to_lowercase).collect(),
            });
        }
        let known = themes.len();
        Ok(Themes { themes, known })
    }

    /// The shipped table.
    #[expect(
        clippy::expect_used,
        reason = "the shipped table is the program's data, parsed by its tests"
    )]
    pub fn bundled() -> Themes {
        Themes::parse(BUNDLED_THEMES).expect("the bundled theme table parses")
    }

    /// The table's theme with most of its words in `title` (on a tie the
    /// first row), if any word of the title is a theme's.
    pub fn table_theme(&self, title: &str) -> Option<&Theme> {
        let all = words(title);
        self.themes[..self.known]
            .iter()
            .enumerate()
            .map(|(i, t)| (all.iter().filter(|w| t.words.contains(*w)).count(), i))
            .filter(|(hits, _)| *hits > 0)
            .max_by_key(|&(hits, i)| (hits, std::cmp::Reverse(i)))
            .map(|(_, i)| &self.themes[i])
    }

    /// The theme of a pillar title (an index into `themes`): the table's
    /// theme with most of its words in the title; else a made-up theme
    /// whose first title shares at least half its content words with this
    /// one; else a new made-up theme named by this title.
    pub fn assign(&mut self, title: &str) -> usize {
        let all = words(title);
        let best = self.themes[..self.known]
            .iter()
            .enumerate()
            .map(|(i, t)| (all.iter().filter(|w| t.words.contains(*w)).count(), i))
            .filter(|(hits, _)| *hits > 0)
            // most words; on a tie the first row
            .max_by_key(|&(hits, i)| (hits, std::cmp::Reverse(i)));
        if let Some((_, i)) = best {
            return i;
        }
        let mine = content(title);
        for (i, t) in self.themes.iter().enumerate().skip(self.known) {
            let shared = mine.intersection(&t.words).count();
            let union = mine.union(&t.words).count();
            if union > 0 && shared * 2 >= union {
                return i;
            }
        }
        let id = mine.iter().cloned().collect::<Vec<_>>().join("-");
        self.themes.push(Theme {
            id: if id.is_empty() { "untitled".into() } else { id },
            label: title.trim().to_owned(),
            words: mine,
        });
        self.themes.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Political and Security Cooperation", "political-security")]
    #[test_case("Political-Security Cooperation", "political-security")]
    #[test_case("POLITICAL-SECURITY PARTNERSHIP", "political-security")]
    #[test_case("Economic Cooperation", "economic")]
    #[test_case("Trade and Investment", "economic")]
    #[test_case("Socio-Cultural Cooperation", "socio-cultural")]
    #[test_case("People-to-People Exchanges", "socio-cultural")]
    #[test_case("Connectivity", "connectivity")]
    #[test_case("Narrowing the Development Gap", "development")]
    #[test_case("Cross-Cutting Issues", "cross-cutting")]
    #[test_case("Implementation Arrangements", "implementation")]
    fn titles_find_their_theme(title: &str, id: &str) {
        let mut themes = Themes::bundled();
        let i = themes.assign(title);
        assert_eq!(themes.themes[i].id, id);
    }

    #[test]
    fn titles_outside_the_table_match_each_other_by_their_words() {
        let mut themes = Themes::bundled();
        let a = themes.assign("Maritime Cooperation");
        let b = themes.assign("2. MARITIME COOPERATION");
        let c = themes.assign("Climate and Environment");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(themes.themes[a].label, "Maritime Cooperation");
    }

    #[test]
    fn a_malformed_table_is_refused_with_its_line() {
        let err = Themes::parse("# c\nonly-two\tcolumns\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }
}
