//! Aligning the clauses of an earlier plan with those of a later one.
//!
//! 1. Every pair of clauses gets a similarity in [0, 1]: the mean of the
//!    cosines of their word and character-trigram TF-IDF vectors
//!    ([`super::text`]).
//! 2. An optimal one-to-one assignment (Kuhn-Munkres, crate `pathfinding`)
//!    maximises the total similarity of the pairs at or above a threshold,
//!    with a small bonus for pairs at the same relative place in their plans
//!    (plans keep their order more often than not, so of two equally similar
//!    candidates the one in place wins). Pairs under the threshold are no
//!    pairs: the later clause is new, the earlier one dropped.
//! 3. A later clause left over that is mostly made of the words of an
//!    earlier clause (already paired) is the other half of a split: beside
//!    its other half it may be less similar than a pair, moved elsewhere it
//!    must be as similar as a pair; an earlier clause left over that is mostly inside a
//!    paired later clause is merged into it.
//! 4. A pair whose texts are the same words (up to spacing, line breaks and
//!    punctuation) is carried over; any other pair is revised.

use super::text::{cosine, same_words, Vectors};

/// Thresholds of the aligner. The defaults were set once, on the reasoning
/// given beside each, and are not fitted to any one pair of plans.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Least similarity of a one-to-one pair: below it, two clauses of the
    /// genre share only its frame ("Support ASEAN efforts to promote ...").
    pub pair: f32,
    /// Least similarity of a split or merge part to its whole.
    pub part: f32,
    /// Least share of a part's word weight found in the whole.
    pub containment: f32,
    /// Weight of the place bonus (at most this much added to a similarity).
    pub place: f32,
    /// Least share of an earlier clause's word weight its counterpart
    /// leaves out for the clause next to that counterpart to be the other
    /// half of a split (a quarter: a half that is a clause's worth).
    pub residual: f32,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            pair: 0.30,
            part: 0.25,
            containment: 0.6,
            place: 0.05,
            residual: 0.25,
        }
    }
}

/// What became of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Change {
    /// Paired with a clause of the same words (up to case, spacing and
    /// punctuation).
    CarriedOver,
    /// Paired with a clause whose words differ.
    Revised,
    /// A later clause with no earlier counterpart.
    New,
    /// An earlier clause with no later counterpart.
    Dropped,
}

impl Change {
    /// The name in reports and in alignment files.
    pub fn name(self) -> &'static str {
        match self {
            Change::CarriedOver => "carried-over",
            Change::Revised => "revised",
            Change::New => "new",
            Change::Dropped => "dropped",
        }
    }

    /// The local name of the ontology's individual (`poa:CarriedOver`).
    pub fn term(self) -> &'static str {
        match self {
            Change::CarriedOver => "CarriedOver",
            Change::Revised => "Revised",
            Change::New => "New",
            Change::Dropped => "Dropped",
        }
    }

    /// Parses a name as [`Change::name`] gives it (`carried-over`), ignoring
    /// surrounding white space; None for anything else.
    pub fn parse(name: &str) -> Option<Change> {
        [
            Change::CarriedOver,
            Change::Revised,
            Change::New,
            Change::Dropped,
        ]
        .into_iter()
        .find(|c| c.name() == name.trim())
    }
}

/// How a pair came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Link {
    /// One earlier clause and one later clause; also the link of new and
    /// dropped rows.
    OneToOne,
    /// One earlier clause, this later clause and another.
    Split,
    /// This earlier clause and another, one later clause.
    Merge,
}

/// One row of an alignment: a pair, a new later clause or a dropped earlier one.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Row {
    /// Index into the earlier plan's clauses.
    pub earlier: Option<usize>,
    /// Index into the later plan's clauses.
    pub later: Option<usize>,
    /// What became of the clause, or of the pair.
    pub change: Change,
    /// How the pair was made.
    pub link: Link,
    /// Of the pair's texts, in [0, 1]; 0 for new and dropped clauses.
    pub similarity: f64,
}

/// The similarity of every earlier clause (rows) with every later one.
pub struct Similarities {
    /// TF-IDF vectors of all the clauses: the earlier ones, then the later
    /// ones (later clause `j` at `earlier + j`).
    pub vectors: Vectors,
    /// Number of earlier clauses.
    pub earlier: usize,
    /// Number of later clauses.
    pub later: usize,
    sims: Vec<f32>,
}

impl Similarities {
    /// Weighs both plans' clauses together (IDF over all of them) and scores
    /// every pair: the mean of the word and trigram cosines, in [0, 1].
    pub fn new(earlier: &[&str], later: &[&str]) -> Similarities {
        let all: Vec<&str> = earlier.iter().chain(later).copied().collect();
        let vectors = Vectors::new(&all);
        let (n, m) = (earlier.len(), later.len());
        let mut sims = vec![0.0; n * m];
        for i in 0..n {
            for j in 0..m {
                let w = cosine(&vectors.words[i], &vectors.words[n + j]);
                let g = cosine(&vectors.trigrams[i], &vectors.trigrams[n + j]);
                sims[i * m + j] = (0.5 * (w + g)).clamp(0.0, 1.0);
            }
        }
        Similarities {
            vectors,
            earlier: n,
            later: m,
            sims,
        }
    }

    /// Similarity of earlier clause `i` and later clause `j`, in [0, 1].
    pub fn get(&self, i: usize, j: usize) -> f32 {
        self.sims[i * self.later + j]
    }

    /// Share of later clause `j`'s words found in earlier clause `i`.
    fn later_in_earlier(&self, j: usize, i: usize) -> f32 {
        self.vectors.containment(self.earlier + j, i)
    }

    /// Whether later clause `j`, beside earlier clause `i`'s counterpart
    /// `k`, says what `k` left out of `i`: the other half of a split that
    /// also adds words of its own ("... and share expertise on low-carbon
    /// development" split off and extended).
    fn takes_up_the_rest(&self, i: usize, j: usize, k: Option<usize>, params: &Params) -> bool {
        let Some(k) = k.filter(|k| k.abs_diff(j) <= 1) else {
            return false;
        };
        let crate::compare::text::Residual { left_out, taken_up } =
            self.vectors
                .residual_in(i, self.earlier + k, self.earlier + j);
        self.get(i, j) >= params.part
            && left_out >= params.residual
            && taken_up >= params.containment
    }

    /// Share of earlier clause `i`'s words found in later clause `j`.
    fn earlier_in_later(&self, i: usize, j: usize) -> f32 {
        self.vectors.containment(i, self.earlier + j)
    }
}

/// Aligns `earlier` with `later` (clause texts in plan order). Rows follow
/// the later plan; dropped earlier clauses come last, in their order.
pub fn align(earlier: &[&str], later: &[&str], params: &Params) -> Vec<Row> {
    let s = Similarities::new(earlier, later);
    align_with(&s, earlier, later, params)
}

/// [`align`] on similarities already computed.
pub fn align_with(s: &Similarities, earlier: &[&str], later: &[&str], params: &Params) -> Vec<Row> {
    let pairs = Pairs::assigned(s, params);
    let split_of = splits(s, &pairs, params);
    let merged_into = merges(s, &pairs, params);
    let pair = |i: usize, j: usize, link: Link| Row {
        earlier: Some(i),
        later: Some(j),
        change: if same_words(earlier[i], later[j]) {
            Change::CarriedOver
        } else {
            Change::Revised
        },
        link,
        similarity: f64::from(s.get(i, j)),
    };
    let mut rows: Vec<Row> = Vec::new();
    for j in 0..s.later {
        let merged: Vec<usize> = (0..s.earlier)
            .filter(|&i| merged_into[i] == Some(j))
            .collect();
        match (pairs.of_later[j], split_of[j]) {
            (Some(i), _) => {
                let mut sources = vec![i];
                sources.extend(&merged);
                sources.sort_unstable();
                let link = if merged.is_empty() {
                    if split_of.contains(&Some(i)) {
                        Link::Split
                    } else {
                        Link::OneToOne
                    }
                } else {
                    Link::Merge
                };
                rows.extend(sources.into_iter().map(|i| pair(i, j, link)));
            }
            (None, Some(i)) => rows.push(pair(i, j, Link::Split)),
            (None, None) => rows.push(Row {
                earlier: None,
                later: Some(j),
                change: Change::New,
                link: Link::OneToOne,
                similarity: 0.0,
            }),
        }
    }
    rows.extend(
        (0..s.earlier)
            .filter(|&i| pairs.of_earlier[i].is_none() && merged_into[i].is_none())
            .map(|i| Row {
                earlier: Some(i),
                later: None,
                change: Change::Dropped,
                link: Link::OneToOne,
                similarity: 0.0,
            }),
    );
    rows
}

/// The one-to-one pairs of [`assign`], looked up from either side.
struct Pairs {
    /// Later clause -> its earlier counterpart.
    of_later: Vec<Option<usize>>,
    /// Earlier clause -> its later counterpart.
    of_earlier: Vec<Option<usize>>,
}

impl Pairs {
    /// The optimal one-to-one pairs of `s`.
    fn assigned(s: &Similarities, params: &Params) -> Pairs {
        let mut pairs = Pairs {
            of_later: vec![None; s.later],
            of_earlier: vec![None; s.earlier],
        };
        for (i, j) in assign(s, params) {
            pairs.of_later[j] = Some(i);
            pairs.of_earlier[i] = Some(j);
        }
        pairs
    }
}

/// Splits: for each later clause left over, the earlier clause it is
/// mostly made of, whose counterpart stands next to it.
fn splits(s: &Similarities, pairs: &Pairs, params: &Params) -> Vec<Option<usize>> {
    let mut split_of: Vec<Option<usize>> = vec![None; s.later];
    for j in (0..s.later).filter(|&j| pairs.of_later[j].is_none()) {
        let best = (0..s.earlier)
            .filter(|&i| {
                // beside its other half, a part may say less; moved away
                // (to another section or pillar), it must be a pair by itself
                let least = match pairs.of_earlier[i] {
                    Some(k) if k.abs_diff(j) <= 2 => params.part,
                    Some(_) => params.pair,
                    None => f32::INFINITY,
                };
                let contained =
                    s.get(i, j) >= least && s.later_in_earlier(j, i) >= params.containment;
                contained || s.takes_up_the_rest(i, j, pairs.of_earlier[i], params)
            })
            .max_by(|&a, &b| s.get(a, j).total_cmp(&s.get(b, j)));
        split_of[j] = best;
    }
    split_of
}

/// Merges: for each earlier clause left over, the paired later clause it
/// is mostly inside, whose other source stands near it.
fn merges(s: &Similarities, pairs: &Pairs, params: &Params) -> Vec<Option<usize>> {
    let mut merged_into: Vec<Option<usize>> = vec![None; s.earlier];
    for i in (0..s.earlier).filter(|&i| pairs.of_earlier[i].is_none()) {
        let best = (0..s.later)
            .filter(|&j| {
                pairs.of_later[j].is_some_and(|k| k.abs_diff(i) <= 6)
                    && s.get(i, j) >= params.part
                    && s.earlier_in_later(i, j) >= params.containment
            })
            .max_by(|&a, &b| s.get(i, a).total_cmp(&s.get(i, b)));
        merged_into[i] = best;
    }
    merged_into
}

/// The optimal one-to-one pairs (earlier, later) at or above the pair
/// threshold.
fn assign(s: &Similarities, params: &Params) -> Vec<(usize, usize)> {
    let (n, m) = (s.earlier, s.later);
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // weights in millionths; kuhn_munkres wants no more rows than columns
    let transpose = n > m;
    let (rows, cols) = if transpose { (m, n) } else { (n, m) };
    let weight = |r: usize, c: usize| -> i64 {
        let (i, j) = if transpose { (c, r) } else { (r, c) };
        let sim = s.get(i, j);
        if sim < params.pair {
            return 0;
        }
        let place = 1.0 - ((i as f32 + 0.5) / n as f32 - (j as f32 + 0.5) / m as f32).abs();
        ((sim + params.place * place) * 1e6) as i64
    };
    let mut data = Vec::with_capacity(rows * cols);
    for r in 0..rows {
        for c in 0..cols {
            data.push(weight(r, c));
        }
    }
    let Ok(matrix) = pathfinding::matrix::Matrix::from_vec(rows, cols, data) else {
        return Vec::new();
    };
    let (_, assignment) = pathfinding::kuhn_munkres::kuhn_munkres(&matrix);
    assignment
        .into_iter()
        .enumerate()
        .map(|(r, c)| if transpose { (c, r) } else { (r, c) })
        .filter(|&(i, j)| s.get(i, j) >= params.pair)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EARLIER: &[&str] = &[
        "Hold annual consultations between the ASEAN Foreign Ministers and Freedonia.",
        "Explore cooperation on cybersecurity capacity building through the ARF.",
        "Support the AHA Centre in disaster management and promote climate adaptation in the region.",
        "Promote people-to-people exchanges among young leaders and students.",
    ];
    const LATER: &[&str] = &[
        "Hold annual consultations between the ASEAN Foreign Ministers and Freedonia;",
        "Implement cooperation on cybersecurity capacity building through the ARF and the ADMM-Plus.",
        "Support the AHA Centre in disaster management.",
        "Promote climate adaptation in the region.",
        "Establish a joint fund for ocean science research.",
    ];

    #[test]
    fn carried_over_revised_split_new_and_dropped() {
        let rows = align(EARLIER, LATER, &Params::default());
        let find = |j: usize| rows.iter().filter(move |r| r.later == Some(j));
        assert_eq!(
            find(0).next().map(|r| (r.earlier, r.change)),
            Some((Some(0), Change::CarriedOver))
        );
        assert_eq!(
            find(1).next().map(|r| (r.earlier, r.change)),
            Some((Some(1), Change::Revised))
        );
        assert_eq!(find(2).next().map(|r| r.earlier), Some(Some(2)));
        assert_eq!(
            find(3).next().map(|r| (r.earlier, r.link)),
            Some((Some(2), Link::Split))
        );
        assert_eq!(find(4).next().map(|r| r.change), Some(Change::New));
        assert!(rows
            .iter()
            .any(|r| r.earlier == Some(3) && r.change == Change::Dropped));
    }

    #[test]
    fn empty_plans_align_to_nothing() {
        assert!(align(&[], &[], &Params::default()).is_empty());
        let rows = align(&["Do a thing."], &[], &Params::default());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].change, Change::Dropped);
    }
}
