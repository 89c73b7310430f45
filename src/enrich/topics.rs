//! What a passage is about and by what means: the goals, the AOIP areas and
//! the modalities, from the cue lexicons.

use super::phrases::{Hit, PhraseSet};
use super::{Evidence, Label, Labeller, LeadVerb, AOIP_AREAS, MODALITIES};
use crate::text::Token;
use std::collections::BTreeMap;

/// At most this many goals per passage (the guidelines' rule).
const MAX_GOALS: usize = 3;
/// A label needs cues of this much weight (one strong cue, or two weak).
const THRESHOLD: u32 = 2;

/// A code's score: its cues' weights, and the decisive hit.
struct Score {
    weight: u32,
    best: Hit,
    best_weight: u8,
}

/// Each code's score from `hits`: every distinct cue counts once, a cue
/// inside a longer cue of the same code not at all.
fn scores(set: &PhraseSet, hits: &[Hit]) -> BTreeMap<String, Score> {
    let mut out: BTreeMap<String, Score> = BTreeMap::new();
    let mut counted: Vec<usize> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let cue = &set.cues[h.cue];
        let inside = hits.iter().enumerate().any(|(j, o)| {
            j != i
                && set.cues[o.cue].code == cue.code
                && o.first <= h.first
                && o.last >= h.last
                && (o.last - o.first) > (h.last - h.first)
        });
        if inside || counted.contains(&h.cue) {
            continue;
        }
        counted.push(h.cue);
        let s = out.entry(cue.code.clone()).or_insert(Score {
            weight: 0,
            best: *h,
            best_weight: 0,
        });
        s.weight += u32::from(cue.weight);
        if cue.weight > s.best_weight {
            s.best = *h;
            s.best_weight = cue.weight;
        }
    }
    out
}

fn evidence(set: &PhraseSet, file: &str, text: &str, tokens: &[Token], h: &Hit) -> Evidence {
    let cue = &set.cues[h.cue];
    let target = if cue.target.is_empty() {
        String::new()
    } else {
        format!("{} ", cue.target)
    };
    Evidence::of(
        text,
        &tokens[h.first..=h.last],
        format!("{file}:{target}{}", cue.text),
    )
}

/// The goals a passage addresses, most central first.
pub(super) fn goals(set: &PhraseSet, text: &str, tokens: &[Token]) -> Vec<Label> {
    let hits = set.find(tokens);
    let mut ranked: Vec<(String, Score)> = scores(set, &hits)
        .into_iter()
        .filter(|(_, s)| s.weight >= THRESHOLD)
        .collect();
    ranked.sort_by(|(_, a), (_, b)| {
        b.weight
            .cmp(&a.weight)
            .then(a.best.first.cmp(&b.best.first))
    });
    ranked
        .into_iter()
        .take(MAX_GOALS)
        .map(|(code, s)| Label {
            evidence: evidence(set, "sdg-cues", text, tokens, &s.best),
            code,
        })
        .collect()
}

/// The AOIP areas: from their own cues, and from the goals found (a cue
/// `sdg:N` of the area lexicon stands for goal N).
pub(super) fn areas(set: &PhraseSet, text: &str, tokens: &[Token], goals: &[Label]) -> Vec<Label> {
    let hits = set.find(tokens);
    let found = scores(set, &hits);
    // a passage led by peace and security falls in no area but the sea's
    let security = goals.first().is_some_and(|g| g.code == "16");
    AOIP_AREAS
        .iter()
        .filter(|&&area| !security || area == "maritime")
        .filter_map(|&area| {
            if let Some(s) = found.get(area).filter(|s| s.weight >= THRESHOLD) {
                return Some(Label {
                    code: area.to_owned(),
                    evidence: evidence(set, "aoip-cues", text, tokens, &s.best),
                });
            }
            let by_goal = set.cues.iter().filter(|c| c.code == area).find_map(|c| {
                let goal = c.text.strip_prefix("sdg:")?;
                goals.iter().find(|g| g.code == goal).map(|g| (c, g))
            })?;
            let (cue, goal) = by_goal;
            Some(Label {
                code: area.to_owned(),
                evidence: Evidence {
                    found_by: format!("aoip-cues:{} (goal {})", cue.text, goal.code),
                    ..goal.evidence.clone()
                },
            })
        })
        .collect()
}

/// Whether a hit stands inside a proper name ("Senior Officials Meeting"):
/// every word of it capitalised or a function word, not at the passage's
/// start, with a capitalised word next to it.
fn in_name(tokens: &[Token], h: &Hit) -> bool {
    let words = &tokens[h.first..=h.last];
    let capitalised = words.iter().all(|t| t.capital || t.stop) && words.iter().any(|t| t.capital);
    let before = h.first > 0 && tokens[h.first - 1].capital && !tokens[h.first].after_break;
    let after = tokens
        .get(h.last + 1)
        .is_some_and(|t| t.capital && !t.after_break);
    capitalised && h.first > 0 && (before || after)
}

/// Whether a hit stands inside a longer hit of another code ("study" in
/// "study tour"); a cue that is two codes' ("joint research") is listed
/// under both.
fn inside_longer(set: &PhraseSet, hits: &[Hit], h: &Hit) -> bool {
    hits.iter().any(|o| {
        o.first <= h.first
            && o.last >= h.last
            && (o.last - o.first) > (h.last - h.first)
            && set.cues[o.cue].code != set.cues[h.cue].code
    })
}

/// The first instrument named in the passage at or after token `from`
/// (within `within` tokens): a capitalised name on an instrument head.
fn instrument_after(
    labeller: &Labeller,
    tokens: &[Token],
    from: usize,
    within: usize,
) -> Option<(usize, usize)> {
    (from..tokens.len().min(from + within)).find_map(|i| {
        labeller.instrument_heads.iter().find_map(|head| {
            let end = i + head.len();
            (end <= tokens.len()
                && tokens[i].capital
                && tokens[i..end].iter().zip(head).all(|(t, w)| t.word == *w))
            .then_some((i, end - 1))
        })
    })
}

/// The means of cooperation a passage names.
pub(super) fn modalities(
    labeller: &Labeller,
    text: &str,
    tokens: &[Token],
    lead: Option<&LeadVerb>,
) -> Vec<Label> {
    let set = &labeller.modalities;
    let hits = set.find(tokens);
    let mut out: BTreeMap<&str, Evidence> = BTreeMap::new();
    for h in &hits {
        let code = set.cues[h.cue].code.as_str();
        // a named body is no means ("Senior Officials Meeting"), but a
        // named fund, scholarship or exchange programme is
        let names_a_means = matches!(
            code,
            "funding" | "people_exchange" | "capacity_building" | "joint_activity"
        );
        if out.contains_key(code)
            || (!names_a_means && in_name(tokens, h))
            || inside_longer(set, &hits, h)
        {
            continue;
        }
        if code == "instrument_implementation" {
            let Some((_, end)) = instrument_after(labeller, tokens, h.last + 1, 16) else {
                continue;
            };
            let cue = &set.cues[h.cue];
            let e = Evidence::of(
                text,
                &tokens[h.first..=end],
                format!("modality-cues:{} + instrument name", cue.text),
            );
            out.insert(code, e);
            continue;
        }
        out.insert(code, evidence(set, "modality-cues", text, tokens, h));
    }
    // "Support the ASEAN Outlook on the Indo-Pacific": the lead verb's object is an instrument
    if let Some(lead) = lead.filter(|_| !out.contains_key("instrument_implementation")) {
        let after = tokens
            .iter()
            .position(|t| t.start >= lead.evidence.end)
            .unwrap_or(tokens.len());
        let object = tokens.get(after).filter(|t| !t.after_break).map(|_| after);
        let close = object.and_then(|a| {
            let name_start = a + usize::from(tokens[a].word == "the");
            let run = tokens[name_start..]
                .iter()
                .take_while(|t| (t.capital || t.stop) && !t.after_break)
                .count();
            instrument_after(labeller, tokens, name_start, run)
        });
        if let Some((_, end)) = close {
            let span = &tokens[after..=end];
            out.insert(
                "instrument_implementation",
                Evidence::of(text, span, "rule:lead-verb-object-is-instrument".into()),
            );
        }
    }
    MODALITIES
        .iter()
        .filter_map(|&m| {
            out.remove(m).map(|evidence| Label {
                code: m.to_owned(),
                evidence,
            })
        })
        .collect()
}
