//! Clause texts as weighted vectors, for similarity: TF-IDF over the words
//! (the IDF taken over both plans, so that "ASEAN", "support" and
//! "cooperation", which every clause of the genre uses, weigh little) and
//! TF-IDF over character trigrams (so that a reworded name, "ICT
//! Masterplan" / "Digital Masterplan", or a changed inflection still
//! overlaps). Vectors are sparse, sorted by term id and L2-normalised, so a
//! cosine is one merge of two short lists: a 150 x 150 clause matrix takes
//! milliseconds.

use std::collections::HashMap;

/// A sparse vector: (term id, weight), sorted by term id.
pub type Vector = Vec<(u32, f32)>;

/// Letters and digits only, lower case, words separated by one space:
/// what "the same words, up to spacing, line breaks and punctuation" means.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Whether two texts are the same words: equal once everything but letters
/// and digits is removed ("U.S." and "US", dashes, apostrophes, spacing).
pub fn same_words(a: &str, b: &str) -> bool {
    crate::text::fold(a) == crate::text::fold(b)
}

pub use crate::text::{content_words, words};

/// Term ids and document frequencies over a set of texts.
#[derive(Debug, Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
}

impl Vocabulary {
    fn add_document(&mut self, terms: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = terms
            .iter()
            .map(|t| {
                let next = self.ids.len() as u32;
                *self.ids.entry(t.clone()).or_insert(next)
            })
            .collect();
        for &id in &ids {
            if id as usize >= self.df.len() {
                self.df.resize(id as usize + 1, 0);
            }
        }
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        for id in unique {
            self.df[id as usize] += 1;
        }
        ids.sort_unstable();
        ids
    }

    fn idf(&self, id: u32, documents: usize) -> f32 {
        (((documents + 1) as f32) / ((self.df[id as usize] + 1) as f32)).ln() + 1.0
    }
}

/// Each text's content-word TF-IDF vector, L2-normalised, with IDF over all
/// of them: [`Vectors::words`] without the trigrams and weights a
/// comparison also needs (comparing whole plans, which are long, needs the
/// words only).
pub fn word_vectors(texts: &[&str]) -> Vec<Vector> {
    let (vocab, ids) = word_ids(texts);
    ids.iter()
        .map(|ids| weigh(ids, &vocab, texts.len(), true))
        .collect()
}

/// Each text's content-word ids, sorted, and the vocabulary that counts
/// their document frequencies.
fn word_ids(texts: &[&str]) -> (Vocabulary, Vec<Vec<u32>>) {
    let mut vocab = Vocabulary::default();
    let ids = texts
        .iter()
        .map(|t| vocab.add_document(&content_words(t).collect::<Vec<_>>()))
        .collect();
    (vocab, ids)
}

/// Vectors of every text of a collection, weighted by the collection's IDF.
#[derive(Debug)]
pub struct Vectors {
    /// Each text's content-word TF-IDF vector, L2-normalised, in the order
    /// of the texts.
    pub words: Vec<Vector>,
    /// Each text's character-trigram TF-IDF vector (over its normalised
    /// text), L2-normalised, in the order of the texts.
    pub trigrams: Vec<Vector>,
    /// The IDF-weighted word sets, unnormalised, for containment.
    word_weights: Vec<Vector>,
}

fn trigrams(text: &str) -> Vec<String> {
    let norm: Vec<char> = format!(" {} ", normalise(text)).chars().collect();
    norm.windows(3).map(|w| w.iter().collect()).collect()
}

/// Counted term ids to a TF-IDF vector (L2-normalised when `unit`).
fn weigh(ids: &[u32], vocab: &Vocabulary, documents: usize, unit: bool) -> Vector {
    let mut out: Vector = Vec::new();
    for &id in ids {
        match out.last_mut() {
            Some((last, w)) if *last == id => *w += 1.0,
            _ => out.push((id, 1.0)),
        }
    }
    for (id, w) in &mut out {
        // sublinear term frequency: a word said twice is not twice the clause
        *w = (1.0 + w.ln()) * vocab.idf(*id, documents);
    }
    if unit {
        let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut out {
                *w /= norm;
            }
        }
    }
    out
}

impl Vectors {
    /// Vectors of `texts`, with IDF over all of them.
    pub fn new(texts: &[&str]) -> Vectors {
        let (word_vocab, word_ids) = word_ids(texts);
        let mut gram_vocab = Vocabulary::default();
        let gram_ids: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| gram_vocab.add_document(&trigrams(t)))
            .collect();
        let n = texts.len();
        let word_weights: Vec<Vector> = word_ids
            .iter()
            .map(|ids| {
                let mut set = ids.clone();
                set.dedup();
                set.iter().map(|&id| (id, word_vocab.idf(id, n))).collect()
            })
            .collect();
        Vectors {
            words: word_ids
                .iter()
                .map(|ids| weigh(ids, &word_vocab, n, true))
                .collect(),
            trigrams: gram_ids
                .iter()
                .map(|ids| weigh(ids, &gram_vocab, n, true))
                .collect(),
            word_weights,
        }
    }

    /// How much of text `x`'s word weight text `y` also has, in [0, 1]:
    /// near 1 when `x` is a part of `y` (a split's half, a merge's source).
    pub fn containment(&self, x: usize, y: usize) -> f32 {
        let total: f32 = self.word_weights[x].iter().map(|(_, w)| w).sum();
        if total == 0.0 {
            return 0.0;
        }
        let shared = merge_sum(&self.word_weights[x], &self.word_weights[y], |a, _| a);
        shared / total
    }
}

impl Vectors {
    /// Of text `x`'s word weight that text `k` lacks: its share of `x`'s
    /// weight, and the share of it that text `y` has. When `x` was split into
    /// `k` and `y`, `y` holds what `k` left out, so the second is high
    /// even where `y` adds much of its own.
    pub fn residual_in(&self, x: usize, k: usize, y: usize) -> Residual {
        let total: f32 = self.word_weights[x].iter().map(|(_, w)| w).sum();
        if total == 0.0 {
            return Residual {
                left_out: 0.0,
                taken_up: 0.0,
            };
        }
        let residual: Vector = self.word_weights[x]
            .iter()
            .filter(|(id, _)| {
                self.word_weights[k]
                    .binary_search_by_key(id, |(t, _)| *t)
                    .is_err()
            })
            .copied()
            .collect();
        let left: f32 = residual.iter().map(|(_, w)| w).sum();
        if left == 0.0 {
            return Residual {
                left_out: 0.0,
                taken_up: 0.0,
            };
        }
        let covered = merge_sum(&residual, &self.word_weights[y], |a, _| a);
        Residual {
            left_out: left / total,
            taken_up: covered / left,
        }
    }
}

/// What [`Vectors::residual_in`] measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Residual {
    /// The share of a text's word weight another text lacks.
    pub left_out: f32,
    /// The share of that left-out weight a third text has.
    pub taken_up: f32,
}

/// Cosine of two unit vectors.
pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    merge_sum(a, b, |x, y| x * y)
}

/// Sum of `f` over the terms two sorted vectors share.
fn merge_sum(a: &Vector, b: &Vector, f: impl Fn(f32, f32) -> f32) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f(a[i].1, b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_ignores_typography_only() {
        assert!(same_words(
            "Support the U.S.-ASEAN Centre;",
            "Support the US ASEAN Centre."
        ));
        assert!(!same_words("Support the Centre", "Support the new Centre"));
    }

    #[test]
    fn identical_texts_have_cosine_one_and_unrelated_near_zero() {
        let v = Vectors::new(&[
            "Strengthen maritime cooperation through the ARF",
            "Strengthen maritime cooperation through the ARF",
            "Promote digital trade and e-commerce among MSMEs",
        ]);
        assert!((cosine(&v.words[0], &v.words[1]) - 1.0).abs() < 1e-5);
        assert!(cosine(&v.words[0], &v.words[2]) < 0.1);
        assert!(cosine(&v.trigrams[0], &v.trigrams[2]) < 0.3);
    }

    #[test]
    fn a_half_is_contained_in_the_whole() {
        let v = Vectors::new(&[
            "Support disaster management through the AHA Centre and promote climate adaptation",
            "Support disaster management through the AHA Centre",
            "Promote digital trade",
        ]);
        assert!(v.containment(1, 0) > 0.9);
        assert!(v.containment(0, 1) < 0.8);
        assert!(v.containment(2, 0) < 0.5);
    }
}
