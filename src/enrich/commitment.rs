//! What a clause commits to, and how firmly: its lead verb, its level on the
//! guidelines' 1-5 scale, its hedges and whether it names a quantity.

use super::lexicon::{CommitmentCues, VerbKind};
use super::{Evidence, Hedge, LeadVerb, Level};
use crate::text::Token;

/// A verb form found at a token.
#[derive(Debug, Clone, Copy)]
struct Found {
    verb: usize,
    first: usize,
    last: usize,
}

/// The lead verb phrase as found: where it runs, and its level with the
/// verb that decided it.
struct Lead {
    first: usize,
    last: usize,
    level: u8,
    decided_by: String,
}

impl CommitmentCues {
    /// The longest verb form starting at token `i`.
    fn form_at(&self, tokens: &[Token], i: usize) -> Option<Found> {
        let list = self.forms.get(&tokens.get(i)?.word)?;
        list.iter().find_map(|(words, verb)| {
            let end = i + words.len();
            (end <= tokens.len() && tokens[i..end].iter().zip(words).all(|(t, w)| t.word == *w))
                .then_some(Found {
                    verb: *verb,
                    first: i,
                    last: end - 1,
                })
        })
    }

    fn is_adverb(&self, t: &Token) -> bool {
        self.adverbs.contains(&t.word)
    }

    fn skip_adverbs(&self, tokens: &[Token], mut i: usize) -> usize {
        while tokens
            .get(i)
            .is_some_and(|t| self.is_adverb(t) && !t.after_break)
        {
            i += 1;
        }
        i
    }

    /// The verb a continuing or governing verb governs: after optional
    /// adverbs, "to" and a verb, or a verb's -ing form.
    fn governed(&self, tokens: &[Token], after: usize) -> Option<Found> {
        let i = self.skip_adverbs(tokens, after);
        let t = tokens.get(i)?;
        if t.after_break {
            return None;
        }
        if t.word == "to" {
            let j = self.skip_adverbs(tokens, i + 1);
            return self
                .form_at(tokens, j)
                .filter(|f| !tokens[f.first].after_break);
        }
        self.form_at(tokens, i)
            .filter(|f| tokens[f.first].word.ends_with("ing"))
    }

    /// The lead verb phrase starting with the form `found`.
    fn lead_from(&self, tokens: &[Token], found: Found) -> Lead {
        let verb = &self.verbs[found.verb];
        let own = Lead {
            first: found.first,
            last: found.last,
            level: verb.level,
            decided_by: format!("{} ({})", verb.base, verb.level),
        };
        let inner = match verb.kind {
            VerbKind::Verb | VerbKind::Phrase => return own,
            _ => self.governed(tokens, found.last + 1),
        };
        let Some(inner) = inner else { return own };
        let led = self.lead_from(tokens, inner);
        let (level, decided_by) = match verb.kind {
            VerbKind::Continue => (led.level, led.decided_by),
            _ => (verb.level, own.decided_by),
        };
        Lead {
            first: found.first,
            last: led.last,
            level,
            decided_by,
        }
    }

    /// The first verb of the lists in the clause, read from its start; a
    /// capitalised word inside a name is not a verb.
    fn first_verb(&self, tokens: &[Token]) -> Option<Found> {
        let start = numbering_end(tokens);
        (start..tokens.len())
            .filter(|&i| i == start || !tokens[i].capital || tokens[i].after_break)
            .find_map(|i| self.form_at(tokens, i))
    }

    /// Every hedge in the clause, in text order, longest at each place.
    pub(super) fn hedges(&self, text: &str, tokens: &[Token]) -> Vec<(Hedge, usize, usize)> {
        let mut out: Vec<(Hedge, usize, usize)> = Vec::new();
        for i in 0..tokens.len() {
            if out.last().is_some_and(|(_, _, last)| i <= *last) {
                continue;
            }
            let best = self.hedges.iter().filter(|h| {
                tokens.len() - i >= h.words.len()
                    && tokens[i..i + h.words.len()]
                        .iter()
                        .zip(&h.words)
                        .all(|(t, w)| t.word == *w)
            });
            let Some(h) = best.max_by_key(|h| h.words.len()) else {
                continue;
            };
            let mut last = i + h.words.len() - 1;
            if h.open {
                while tokens.get(last + 1).is_some_and(|t| !t.after_break) && last - i < 12 {
                    last += 1;
                }
            }
            let evidence = Evidence::of(
                text,
                &tokens[i..=last],
                format!("commitment-cues:hedge {}", h.text),
            );
            let phrase = evidence.surface.to_lowercase();
            out.push((
                Hedge {
                    phrase,
                    lowers: h.lowers,
                    evidence,
                },
                i,
                last,
            ));
        }
        out
    }

    /// The lead verb, the level, and the hedges of a clause.
    pub(super) fn label(
        &self,
        text: &str,
        tokens: &[Token],
    ) -> (Option<LeadVerb>, Option<Level>, Vec<Hedge>) {
        let hedges = self.hedges(text, tokens);
        let Some(found) = self.first_verb(tokens) else {
            return (None, None, hedges.into_iter().map(|(h, _, _)| h).collect());
        };
        let mut lead = self.lead_from(tokens, found);
        // adverbs just before the verb belong to its phrase ("actively contribute")
        while lead.first > 0
            && self.is_adverb(&tokens[lead.first - 1])
            && !tokens[lead.first].after_break
        {
            lead.first -= 1;
        }
        let span = &tokens[lead.first..=lead.last];
        let verb_evidence =
            Evidence::of(text, span, format!("commitment-cues:{}", lead.decided_by));
        let lead_verb = LeadVerb {
            phrase: verb_evidence.surface.to_lowercase(),
            evidence: verb_evidence.clone(),
        };
        let governing = hedges.iter().find(|(h, first, _)| {
            h.lowers
                && (*first < lead.first || (*first <= lead.last + 2 && tokens[*first].after_break))
        });
        let level = match governing {
            Some((h, _, _)) if lead.level > 1 => Level {
                value: 1,
                evidence: Evidence {
                    found_by: format!("{} governs the lead verb", h.evidence.found_by),
                    ..h.evidence.clone()
                },
            },
            _ => Level {
                value: lead.level,
                evidence: verb_evidence,
            },
        };
        (
            Some(lead_verb),
            Some(level),
            hedges.into_iter().map(|(h, _, _)| h).collect(),
        )
    }

    /// The first quantity the clause names: an amount, a share, a count of
    /// something, or a year to be reached by.
    pub(super) fn quantity(&self, text: &str, tokens: &[Token]) -> Option<Evidence> {
        let chars: Vec<char> = text.chars().collect();
        (0..tokens.len()).find_map(|i| {
            let t = &tokens[i];
            if !t.word.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let unit_at = |j: usize| {
                self.units
                    .iter()
                    .find(|u| {
                        tokens.len() >= j + u.len()
                            && tokens[j..j + u.len()]
                                .iter()
                                .zip(u.iter())
                                .all(|(t, w)| t.word == *w)
                    })
                    .map(|u| j + u.len() - 1)
            };
            let year = t.word.len() == 4 && (t.word.starts_with("19") || t.word.starts_with("20"));
            let (first, last, why) = if let Some(last) = (i + 1..=i + 2).find_map(unit_at) {
                (i, last, "amount")
            } else if i > 0 && unit_at(i - 1).is_some() {
                (i - 1, i, "amount")
            } else if chars.get(t.end) == Some(&'%') {
                (i, i, "share")
            } else if year
                && i > 0
                && matches!(tokens[i - 1].word.as_str(), "by" | "until" | "before")
            {
                (i - 1, i, "target year")
            } else if !year
                && i > 0
                && !tokens[i - 1].capital
                && tokens.get(i + 1).is_some_and(|n| {
                    !n.capital && !n.stop && !n.after_break && n.word.ends_with('s')
                })
            {
                (i, i + 1, "count")
            } else {
                return None;
            };
            let mut e = Evidence::of(
                text,
                &tokens[first..=last],
                format!("rule:quantity-{}", why.replace(' ', "-")),
            );
            if why == "share" {
                e.end += 1;
                e.surface.push('%');
            }
            Some(e)
        })
    }
}

/// Where a clause's own words start: after a leading number or letter
/// ("1.2.3", "(a)", "iv.").
fn numbering_end(tokens: &[Token]) -> usize {
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        let number = t.word.chars().all(|c| c.is_ascii_digit());
        let letter =
            t.word.len() == 1 || (t.word.len() <= 4 && t.word.chars().all(|c| "ivxl".contains(c)));
        let next_breaks = tokens.get(i + 1).is_none_or(|n| n.after_break);
        if number || (letter && next_breaks && i < 3) {
            i += 1;
        } else {
            break;
        }
    }
    i
}
