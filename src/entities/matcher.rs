//! Finding known names in passage text: every label and variant of every
//! entity, matched in one pass with Aho-Corasick.
//!
//! Text and names are normalised character for character (curly quotes and
//! dashes to ASCII, white space to a space), so positions in the normalised
//! text are positions in the passage. All-capital names (acronyms: ARF, SOME)
//! match case-sensitively, other names case-insensitively. A match must stand
//! between word boundaries. Overlapping matches are all reported; the caller
//! decides which to keep.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One match: the pattern's owner and the char range in the passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The owner of the name matched, as given to [`Matcher::new`].
    pub owner: usize,
    /// Start of the match, in chars of the passage.
    pub start: usize,
    /// End of the match (exclusive), in chars of the passage.
    pub end: usize,
}

/// A compiled set of names, each belonging to an owner (an entity index).
pub struct Matcher {
    sensitive: Option<AhoCorasick>,
    sensitive_owner: Vec<usize>,
    insensitive: Option<AhoCorasick>,
    insensitive_owner: Vec<usize>,
}

use crate::text::normalise_char;

fn normalise(text: &str, fold_case: bool) -> String {
    text.chars()
        .map(normalise_char)
        .map(|c| if fold_case { c.to_ascii_lowercase() } else { c })
        .collect()
}

/// Whether a name is matched case-sensitively: it has no lower-case letter.
fn is_acronym(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
}

impl Matcher {
    /// Compiles `(owner, name)` pairs. Names shorter than two characters are ignored.
    pub fn new<'a>(names: impl IntoIterator<Item = (usize, &'a str)>) -> Matcher {
        Matcher::build(names, false)
    }

    /// Like [`Matcher::new`], but every name matches with its case as given
    /// (for names the rules found, which are proper names: "Terms of
    /// Reference" must not match "terms of reference").
    pub fn case_sensitive<'a>(names: impl IntoIterator<Item = (usize, &'a str)>) -> Matcher {
        Matcher::build(names, true)
    }

    fn build<'a>(
        names: impl IntoIterator<Item = (usize, &'a str)>,
        all_sensitive: bool,
    ) -> Matcher {
        let mut sensitive = Vec::new();
        let mut sensitive_owner = Vec::new();
        let mut insensitive = Vec::new();
        let mut insensitive_owner = Vec::new();
        for (owner, name) in names {
            let name = name.trim();
            if name.chars().count() < 2 {
                continue;
            }
            if all_sensitive || is_acronym(name) {
                sensitive.push(normalise(name, false));
                sensitive_owner.push(owner);
            } else {
                insensitive.push(normalise(name, true));
                insensitive_owner.push(owner);
            }
        }
        #[expect(
            clippy::expect_used,
            reason = "plain strings fail only past aho-corasick's 2^31 states, gigabytes of names"
        )]
        let build = |patterns: &[String]| {
            (!patterns.is_empty()).then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(patterns)
                    .expect("patterns are plain strings")
            })
        };
        Matcher {
            sensitive: build(&sensitive),
            sensitive_owner,
            insensitive: build(&insensitive),
            insensitive_owner,
        }
    }

    /// Every match in `text`, overlapping ones included, sorted by position.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (automaton, owners, fold) in [
            (&self.sensitive, &self.sensitive_owner, false),
            (&self.insensitive, &self.insensitive_owner, true),
        ] {
            let Some(ac) = automaton else { continue };
            let haystack = normalise(text, fold);
            let chars: Vec<char> = haystack.chars().collect();
            // byte offset -> char index, for the boundary checks and the result
            let mut char_at = vec![0; haystack.len() + 1];
            for (ci, (bi, _)) in haystack.char_indices().enumerate() {
                char_at[bi] = ci;
            }
            char_at[haystack.len()] = chars.len();
            for m in ac.find_overlapping_iter(&haystack) {
                let (start, end) = (char_at[m.start()], char_at[m.end()]);
                let before = start.checked_sub(1).map(|i| chars[i]);
                let after = chars.get(end).copied();
                let boundary_before = !before.is_some_and(char::is_alphanumeric);
                let boundary_after = !after.is_some_and(char::is_alphanumeric);
                if boundary_before && boundary_after {
                    hits.push(Hit {
                        owner: owners[m.pattern().as_usize()],
                        start,
                        end,
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.owner));
        hits.dedup();
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_case_sensitive_names_are_not() {
        let m = Matcher::new([(0, "SOME"), (1, "East Asia Summit")]);
        let hits = m.find("some ideas at the EAST ASIA SUMMIT with SOME");
        let owners: Vec<usize> = hits.iter().map(|h| h.owner).collect();
        assert_eq!(owners, [1, 0]);
    }

    #[test]
    fn curly_quotes_dashes_and_boundaries() {
        let m = Matcher::new([
            (0, "Experts' Working Group"),
            (1, "Mekong - U.S. Partnership"),
            (2, "ARF"),
        ]);
        let text = "the Experts’ Working Group, the Mekong – U.S. Partnership, ARFs and the ARF.";
        let hits = m.find(text);
        assert_eq!(hits.iter().map(|h| h.owner).collect::<Vec<_>>(), [0, 1, 2]);
        let chars: Vec<char> = text.chars().collect();
        let last = &hits[2];
        assert_eq!(
            chars[last.start..last.end].iter().collect::<String>(),
            "ARF"
        );
    }

    #[test]
    fn nested_matches_are_all_reported() {
        let m = Matcher::new([(0, "ARF"), (1, "ARF Hanoi Plan of Action II")]);
        let hits = m.find("the ARF Hanoi Plan of Action II (2020-2025)");
        assert_eq!(
            hits.iter().map(|h| (h.owner, h.start)).collect::<Vec<_>>(),
            [(1, 4), (0, 4)]
        );
    }
}
