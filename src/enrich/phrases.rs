//! Cue phrases matched on a text's words: each cue is a run of words
//! (stemmed, or folded only), found wherever the text has that run.

use crate::text::{self, Token};
use std::collections::HashMap;

/// One cue of a lexicon.
#[derive(Debug, Clone)]
pub struct Cue {
    /// What it labels: a modality code, a goal number, an AOIP area.
    pub code: String,
    /// The SDG target it comes from ("14.4"), empty when none.
    pub target: String,
    /// 3: enough alone; 2: strong; 1: counts only with another cue.
    pub weight: u8,
    /// The cue as the file gives it.
    pub text: String,
}

/// A cue found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the cue in its set.
    pub cue: usize,
    /// Index of its first token in the text's tokens.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
}

/// A set of cues, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    /// The cues, in file order.
    pub cues: Vec<Cue>,
    words: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
    stemmed: bool,
    skip_stop: bool,
}

impl PhraseSet {
    /// An empty set; `stemmed` matches on stems, `skip_stop` skips English
    /// function words on both sides (so "illegal, unreported and
    /// unregulated fishing" meets the cue "illegal unreported unregulated
    /// fishing").
    pub fn new(stemmed: bool, skip_stop: bool) -> PhraseSet {
        PhraseSet {
            stemmed,
            skip_stop,
            ..PhraseSet::default()
        }
    }

    fn key<'t>(&self, t: &'t Token) -> &'t str {
        if self.stemmed {
            &t.stem
        } else {
            &t.word
        }
    }

    /// Adds a cue (one with no words is ignored).
    pub fn add(&mut self, cue: Cue) {
        let words: Vec<String> = text::tokens(&cue.text)
            .iter()
            .filter(|t| !(self.skip_stop && t.stop))
            .map(|t| self.key(t).to_owned())
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let index = self.cues.len();
        self.cues.push(cue);
        self.words.push(words);
        self.by_first.entry(first).or_default().push(index);
    }

    /// Every cue found in `tokens`, in text order (at one place, every cue
    /// that matches, longest first). Indexes are into `tokens`.
    pub fn find(&self, tokens: &[Token]) -> Vec<Hit> {
        let kept: Vec<usize> = (0..tokens.len())
            .filter(|&i| !(self.skip_stop && tokens[i].stop))
            .collect();
        // borrowed, not cloned: this runs three times per passage
        let keys: Vec<&str> = kept.iter().map(|&i| self.key(&tokens[i])).collect();
        let mut hits = Vec::new();
        for (k, key) in keys.iter().enumerate() {
            let Some(candidates) = self.by_first.get(*key) else {
                continue;
            };
            for &c in candidates {
                let words = &self.words[c];
                if keys.len() - k >= words.len()
                    && keys[k..k + words.len()]
                        .iter()
                        .zip(words)
                        .all(|(a, b)| *a == b.as_str())
                {
                    hits.push(Hit {
                        cue: c,
                        first: kept[k],
                        last: kept[k + words.len() - 1],
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(code: &str, text: &str) -> Cue {
        Cue {
            code: code.into(),
            target: String::new(),
            weight: 2,
            text: text.into(),
        }
    }

    #[test]
    fn stemmed_cues_skip_function_words_and_inflections() {
        let mut set = PhraseSet::new(true, true);
        set.add(cue("14", "illegal unreported unregulated fishing"));
        set.add(cue("4", "training course"));
        let tokens = text::tokens(
            "Combat illegal, unreported and unregulated fishing through training courses",
        );
        let hits = set.find(&tokens);
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].first, hits[0].last), (1, 5));
        assert_eq!((hits[1].first, hits[1].last), (7, 8));
    }
}
