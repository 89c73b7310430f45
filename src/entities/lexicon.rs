//! The word lists of the discovery rules, as data: `ontology/lexicon.tsv`,
//! embedded in the binary, extended by users' files in the same format
//! (`poakg build --lexicon FILE`), as the registry is.
//!
//! Format (see the file's header): UTF-8, tab-separated, `#` comment lines,
//! rows `list<TAB>word[<TAB>rule]`.

use super::EntityClass;
use crate::corpus::partners::Partners;
use std::collections::HashSet;

/// How a head classifies the name built on it (see `discover::classify`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadRule {
    /// Always an instrument (Work Plan, Treaty, ...).
    Instrument,
    /// Forum-like: a mechanism unless clearly ASEAN's own.
    Forum,
    /// Meeting-like: ASEAN's own body unless a partner takes part.
    Body,
    /// Centre-like: ASEAN's own body, else an organisation.
    Institution,
    /// Agency-like: a partner's agency when named after one, else an organisation.
    Agency,
    /// Always an organisation.
    Organization,
    /// Always a programme (Initiative, Prize, ...).
    Programme,
    /// A country group ("Mekong Countries"), unless the words before the
    /// head make the name generic ("ASEAN Member States").
    CountryGroup,
}

impl HeadRule {
    const NAMES: [(&'static str, HeadRule); 8] = [
        ("instrument", HeadRule::Instrument),
        ("forum", HeadRule::Forum),
        ("body", HeadRule::Body),
        ("institution", HeadRule::Institution),
        ("agency", HeadRule::Agency),
        ("organization", HeadRule::Organization),
        ("programme", HeadRule::Programme),
        ("country-group", HeadRule::CountryGroup),
    ];

    fn parse(s: &str) -> Option<HeadRule> {
        HeadRule::NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, r)| *r)
    }
}

/// The word lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Heads as word sequences, in file order (longer phrases first).
    heads: Vec<(Vec<String>, HeadRule)>,
    head_words: HashSet<String>,
    connectors: HashSet<String>,
    complements: HashSet<String>,
    generic: HashSet<String>,
    partner_markers: HashSet<String>,
    group_generic: HashSet<String>,
    countries_generic: HashSet<String>,
    places: HashSet<String>,
    /// Word sequences that name a partner (its code, names and adjectives,
    /// from the partner table), longest first, with the class of that
    /// partner's agencies.
    partner_leads: Vec<(Vec<String>, EntityClass)>,
    /// The first word of each of those sequences ("United", "Japanese").
    party_words: HashSet<String>,
    /// The partners' one-word names in capitals ("US", "U.S.", "ROK").
    party_short: HashSet<String>,
}

/// A row of a lexicon file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct LexiconError {
    /// The file the row is in, as named to [`Lexicon::parse`] or [`Lexicon::add`].
    pub file: String,
    /// Line number of the row, from 1.
    pub line: usize,
    /// What is wrong with the row.
    pub message: String,
}

/// The bundled lexicon.
pub const BUNDLED_LEXICON: &str = include_str!("../../ontology/lexicon.tsv");

/// A head found at the start of some words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// Its length in words.
    pub words: usize,
    /// The rule it gives.
    pub rule: HeadRule,
}

impl Lexicon {
    /// The bundled lexicon.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        Lexicon::parse("ontology/lexicon.tsv", BUNDLED_LEXICON)
    }

    /// Parses lexicon text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        lexicon.add(file, text)?;
        Ok(lexicon)
    }

    /// Adds the rows of another lexicon file (a user's) to these.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (i, raw) in text.lines().enumerate() {
            let err = |message: String| LexiconError {
                file: file.to_owned(),
                line: i + 1,
                message,
            };
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
            let (list, word) = match cols.as_slice() {
                [list, word, ..] if !word.is_empty() => (*list, (*word).to_owned()),
                _ => return Err(err("expected `list<TAB>word[<TAB>rule]`".into())),
            };
            let set = match list {
                "head" => {
                    let rule = cols.get(2).copied().unwrap_or("");
                    let rule = HeadRule::parse(rule).ok_or_else(|| {
                        err(format!(
                            "head {word:?}: rule {rule:?} is not one of {}",
                            HeadRule::NAMES.map(|(n, _)| n).join(", ")
                        ))
                    })?;
                    let words: Vec<String> = word.split_whitespace().map(str::to_owned).collect();
                    self.head_words.extend(words.iter().cloned());
                    self.heads.push((words, rule));
                    continue;
                }
                "connector" => &mut self.connectors,
                "complement" => &mut self.complements,
                "generic" => &mut self.generic,
                "partner-marker" => &mut self.partner_markers,
                "group-generic" => &mut self.group_generic,
                "countries-generic" => &mut self.countries_generic,
                "place" => &mut self.places,
                other => {
                    return Err(err(format!(
                        "unknown list {other:?} (head, connector, complement, generic, partner-marker, group-generic, countries-generic, place)"
                    )))
                }
            };
            set.insert(word);
        }
        // the longest head wins at any position: "Plan of Action" before "Action Plan"
        // is a matter of order in the file; a user's longer phrase still comes first
        self.heads
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        Ok(())
    }

    /// The heads that make a name an instrument ("Work Plan", "Treaty"), as
    /// folded word sequences, longest first.
    pub fn instrument_heads(&self) -> Vec<Vec<String>> {
        self.heads
            .iter()
            .filter(|(_, rule)| *rule == HeadRule::Instrument)
            .map(|(words, _)| words.iter().map(|w| crate::text::fold(w)).collect())
            .collect()
    }

    /// Learns the partners' names and adjectives from the partner table, so
    /// that the rules tell a partner's body by data, for every partner alike.
    pub fn learn_partners(&mut self, partners: &Partners) {
        for p in &partners.rows {
            let class = EntityClass::parse(&p.agency_class).unwrap_or(EntityClass::PartnerAgency);
            let names = std::iter::once(p.code.as_str())
                .chain(p.names())
                .chain(p.adjectives.iter().map(String::as_str));
            for name in names {
                let words: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
                if let Some(first) = words.first() {
                    self.party_words.insert(first.clone());
                }
                if words.len() == 1 && !name.chars().any(char::is_lowercase) {
                    self.party_short.insert(name.to_owned());
                }
                if !words.is_empty() && !self.partner_leads.iter().any(|(w, _)| *w == words) {
                    self.partner_leads.push((words, class));
                }
            }
        }
        self.partner_leads
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }

    /// The class of a partner's agencies when a partner's name or adjective
    /// leads `words` and more follows that is not a place ("Japanese
    /// Ministry ...", not "Japan Sea ...").
    pub fn partner_agency(&self, words: &[&str]) -> Option<EntityClass> {
        self.partner_leads
            .iter()
            .find(|(lead, _)| {
                words.len() > lead.len()
                    && lead.iter().zip(words).all(|(l, w)| l == w)
                    && !self.is_place(words[lead.len()])
            })
            .map(|(_, class)| *class)
    }

    /// Where a partner's name ends `words` after "of" or "of the" ("...
    /// of the United States"): the index of its first word. A head inside
    /// it ("States") is the partner's, not the name's.
    pub fn partner_name_at_end(&self, words: &[&str]) -> Option<usize> {
        self.partner_leads.iter().find_map(|(lead, _)| {
            let start = words.len().checked_sub(lead.len())?;
            let after_of = start >= 1
                && (words[start - 1] == "of"
                    || (start >= 2 && words[start - 1] == "the" && words[start - 2] == "of"));
            (after_of && lead.iter().zip(&words[start..]).all(|(l, w)| l == w)).then_some(start)
        })
    }

    /// Whether `w` opens the name of a party to the partnership: ASEAN or a
    /// partner of the table ("United" of "United Kingdom", "U.S.").
    pub fn is_party_word(&self, w: &str) -> bool {
        w == "ASEAN" || self.party_words.contains(w)
    }

    /// Whether `w` is ASEAN or a partner's one-word name in capitals ("US",
    /// "U.S.", "ROK"), which may stand before a spelled-out name.
    pub fn is_party_short(&self, w: &str) -> bool {
        w == "ASEAN" || self.party_short.contains(w)
    }

    /// The head starting `words`.
    pub fn head_at(&self, words: &[&str]) -> Option<Head> {
        self.heads
            .iter()
            .find(|(h, _)| words.len() >= h.len() && h.iter().zip(words).all(|(p, w)| p == w))
            .map(|(h, rule)| Head {
                words: h.len(),
                rule: *rule,
            })
    }

    /// Whether `w` is a word of some head ("Plan", "Action", "Summit").
    pub fn is_head_word(&self, w: &str) -> bool {
        self.head_words.contains(w)
    }
    /// Whether `w` is a lower-case word that may stand inside a name ("of",
    /// "and").
    pub fn is_connector(&self, w: &str) -> bool {
        self.connectors.contains(w)
    }
    /// Whether `w` is a connector after which a head takes a complement ("on"
    /// in "Work Plan on Youth").
    pub fn is_complement(&self, w: &str) -> bool {
        self.complements.contains(w)
    }
    /// Whether `w` is a capitalised word that describes rather than names
    /// ("Joint", "Annual").
    pub fn is_generic(&self, w: &str) -> bool {
        self.generic.contains(w)
    }
    /// Whether `w` makes a name a joint mechanism with partners ("Plus",
    /// "Expanded").
    pub fn is_partner_marker(&self, w: &str) -> bool {
        self.partner_markers.contains(w)
    }
    /// Whether `w`, before a country-group head, makes the name generic
    /// ("Member" in "ASEAN Member States").
    pub fn is_group_generic(&self, w: &str) -> bool {
        self.group_generic.contains(w)
    }
    /// Whether `w`, before a lower-case "countries", makes the phrase generic
    /// ("ASEAN countries").
    pub fn is_countries_generic(&self, w: &str) -> bool {
        self.countries_generic.contains(w)
    }
    /// Whether `w` is a word of geography ("Ocean", "Sea"): after a partner's
    /// adjective the name is a place's, not the partner's.
    pub fn is_place(&self, w: &str) -> bool {
        self.places.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_reads() -> Result<(), LexiconError> {
        let lex = Lexicon::bundled()?;
        assert_eq!(
            lex.head_at(&["Plan", "of", "Action", "on"]),
            Some(Head {
                words: 3,
                rule: HeadRule::Instrument
            })
        );
        let summit = Head {
            words: 1,
            rule: HeadRule::Forum,
        };
        assert_eq!(lex.head_at(&["Summit"]), Some(summit));
        assert!(lex.is_connector("of") && lex.is_generic("Joint"));
        Ok(())
    }

    #[test]
    fn users_add_words_and_bad_rows_name_their_line() -> Result<(), LexiconError> {
        let mut lex = Lexicon::bundled()?;
        assert_eq!(lex.head_at(&["Compact"]), None);
        lex.add("mine.tsv", "# mine\nhead\tCompact\tinstrument\n")?;
        let compact = Head {
            words: 1,
            rule: HeadRule::Instrument,
        };
        assert_eq!(lex.head_at(&["Compact"]), Some(compact));
        let err = lex
            .add("mine.tsv", "head\tPact\tweapon\n")
            .expect_err("bad rule");
        assert_eq!(err.line, 1);
        assert!(err.to_string().contains("mine.tsv, line 1"), "{err}");
        assert!(lex.add("x.tsv", "\n\nverbs\trun\n").is_err());
        Ok(())
    }
}
