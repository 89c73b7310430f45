//! The cue lexicons of the labeller, as data: `ontology/commitment-cues.tsv`,
//! `ontology/modality-cues.tsv`, `ontology/sdg-cues.tsv` and
//! `ontology/aoip-cues.tsv`, embedded in the binary; each file's header says
//! its format. No word list lives in the code.

use super::phrases::{Cue, PhraseSet};
use crate::text;
use std::collections::HashMap;

/// The bundled commitment cues.
pub const COMMITMENT_CUES: &str = include_str!("../../ontology/commitment-cues.tsv");
/// The bundled modality cues.
pub const MODALITY_CUES: &str = include_str!("../../ontology/modality-cues.tsv");
/// The bundled SDG cues.
pub const SDG_CUES: &str = include_str!("../../ontology/sdg-cues.tsv");
/// The bundled AOIP cues.
pub const AOIP_CUES: &str = include_str!("../../ontology/aoip-cues.tsv");

/// A row of a cue file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct CueError {
    /// The file the row is in.
    pub file: String,
    /// Line number of the row, from 1.
    pub line: usize,
    /// What is wrong with the row.
    pub message: String,
}

/// What a verb row of the commitment cues does (see the file's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbKind {
    /// A commitment verb of its level.
    Verb,
    /// A verb with its object, with a level of its own.
    Phrase,
    /// "continue": takes the level of the verb it governs.
    Continue,
    /// An exploratory verb: level 1 whatever follows.
    Lowering,
    /// A verb that governs another, keeping its own level.
    Governing,
}

/// One verb (or verb phrase) of the commitment cues.
#[derive(Debug, Clone)]
pub struct Verb {
    /// What it does.
    pub kind: VerbKind,
    /// Its level, 1-5.
    pub level: u8,
    /// Its base form, as the file gives it ("work closely").
    pub base: String,
}

/// A hedge or condition phrase.
#[derive(Debug, Clone)]
pub struct HedgeCue {
    /// Its words, folded.
    pub words: Vec<String>,
    /// Whether it runs on to the next punctuation ("subject to ...").
    pub open: bool,
    /// Whether, governing the lead verb, it lowers the clause to level 1.
    pub lowers: bool,
    /// The phrase as the file gives it.
    pub text: String,
}

/// The commitment cues: verbs by their written forms, adverbs, hedges, units.
#[derive(Debug, Clone, Default)]
pub struct CommitmentCues {
    /// Every written form (folded words) to its verb, longest forms first
    /// within each first word.
    pub forms: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// The verbs, by index.
    pub verbs: Vec<Verb>,
    /// Adverbs that may stand inside a lead verb phrase.
    pub adverbs: Vec<String>,
    /// Hedges and conditions.
    pub hedges: Vec<HedgeCue>,
    /// Words of amounts (folded word sequences).
    pub units: Vec<Vec<String>>,
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> + '_ {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let trimmed = raw.trim();
        (!trimmed.is_empty() && !trimmed.starts_with('#'))
            .then(|| (i + 1, raw.split('\t').map(str::trim).collect()))
    })
}

fn folded_words(phrase: &str) -> Vec<String> {
    text::tokens(phrase).into_iter().map(|t| t.word).collect()
}

fn error(file: &str, line: usize, message: impl Into<String>) -> CueError {
    CueError {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

fn parse_level(file: &str, line: usize, s: &str) -> Result<u8, CueError> {
    match s.parse::<u8>() {
        Ok(n @ 1..=5) => Ok(n),
        _ => Err(error(file, line, format!("level {s:?} is not 1-5"))),
    }
}

impl CommitmentCues {
    /// Parses a commitment cue file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<CommitmentCues, CueError> {
        let mut cues = CommitmentCues::default();
        for (line, cols) in rows(text) {
            let [kind, level, base, rest @ ..] = cols.as_slice() else {
                return Err(error(
                    file,
                    line,
                    "expected `kind<TAB>level<TAB>base form<TAB>other forms`",
                ));
            };
            let others = rest.first().copied().unwrap_or("");
            let verb_kind = match *kind {
                "verb" => VerbKind::Verb,
                "phrase" => VerbKind::Phrase,
                "continue" => VerbKind::Continue,
                "lowering" => VerbKind::Lowering,
                "governing" => VerbKind::Governing,
                "adverb" => {
                    cues.adverbs.push(text::fold(base));
                    continue;
                }
                "unit" => {
                    cues.units.push(folded_words(base));
                    continue;
                }
                "hedge" => {
                    cues.hedges.push(hedge(file, line, level, base)?);
                    continue;
                }
                other => {
                    return Err(error(file, line, format!(
                        "unknown kind {other:?} (verb, phrase, continue, lowering, governing, adverb, hedge, unit)"
                    )))
                }
            };
            let level = parse_level(file, line, level)?;
            let index = cues.verbs.len();
            cues.verbs.push(Verb {
                kind: verb_kind,
                level,
                base: (*base).to_owned(),
            });
            let forms = std::iter::once(*base).chain(others.split(',').map(str::trim));
            for form in forms.filter(|f| !f.is_empty()) {
                let words = folded_words(form);
                if let Some(first) = words.first() {
                    cues.forms
                        .entry(first.clone())
                        .or_default()
                        .push((words, index));
                }
            }
        }
        for list in cues.forms.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        Ok(cues)
    }
}

fn hedge(file: &str, line: usize, level: &str, phrase: &str) -> Result<HedgeCue, CueError> {
    let lowers = match level {
        "lowers" => true,
        "-" => false,
        other => {
            return Err(error(
                file,
                line,
                format!("hedge level {other:?} is not `lowers` or `-`"),
            ))
        }
    };
    let open = phrase.ends_with("...");
    let words = folded_words(phrase.trim_end_matches('.'));
    if words.is_empty() {
        return Err(error(file, line, "empty hedge"));
    }
    Ok(HedgeCue {
        words,
        open,
        lowers,
        text: phrase.trim_end_matches("...").trim().to_owned(),
    })
}

/// Parses a cue file of rows `code<TAB>[target<TAB>weight<TAB>]cue` into a
/// phrase set. `columns` names the columns in order; `code`, `cue` are
/// required, `target` and `weight` optional (weight 2 when absent). A
/// header row (its first column named like the first column) is skipped.
pub fn parse_cues(
    file: &str,
    text: &str,
    columns: &[&str],
    skip_stop: bool,
) -> Result<PhraseSet, CueError> {
    let col = |name: &str| columns.iter().position(|c| *c == name);
    let (Some(code_at), Some(cue_at)) = (col("code"), col("cue")) else {
        return Err(error(file, 0, "a cue file needs `code` and `cue` columns"));
    };
    let mut set = PhraseSet::new(true, skip_stop);
    for (line, cols) in rows(text) {
        if cols
            .first()
            .is_some_and(|c| matches!(*c, "goal" | "area" | "code"))
        {
            continue; // the header row
        }
        let get = |at: Option<usize>| at.and_then(|i| cols.get(i)).copied();
        let (Some(code), Some(cue)) = (get(Some(code_at)), get(Some(cue_at))) else {
            return Err(error(
                file,
                line,
                format!("expected {} columns", columns.join(", ")),
            ));
        };
        let weight = match get(col("weight")) {
            None => 2,
            Some(w) => w
                .parse::<u8>()
                .ok()
                .filter(|w| (1..=3).contains(w))
                .ok_or_else(|| error(file, line, format!("weight {w:?} is not 1, 2 or 3")))?,
        };
        let target = get(col("target")).filter(|t| *t != "-").unwrap_or("");
        if code.is_empty() || cue.is_empty() {
            return Err(error(file, line, "empty code or cue"));
        }
        set.add(Cue {
            code: code.to_owned(),
            target: target.to_owned(),
            weight,
            text: cue.to_owned(),
        });
    }
    Ok(set)
}
