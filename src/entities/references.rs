//! References to plans in a plan's own text: "this Plan of Action", "this
//! POA", "the present Work Plan" name the plan itself; "the previous Plan of
//! Action (2016-2020)", or its kind with the predecessor's period, name the
//! plan it follows. Both are entities of the corpus (the plan nodes), so a
//! plan named in five plans is one node with five plans' mentions.

use super::extract::{DocContext, PlanRef};
use super::{Entity, EntityClass, Extraction, Mention, Method};
use regex::Regex;

/// Abbreviations a kind goes by in its own text.
fn abbreviations(kind: &str) -> &'static [&'static str] {
    match kind {
        "Plan of Action" => &["POA", "PoA"],
        "Practical Cooperation Areas" => &["PCAs", "PCA"],
        "Framework of Cooperation" => &["FOC"],
        _ => &[],
    }
}

fn alternation(plan: &PlanRef) -> String {
    let mut names: Vec<String> = vec![regex::escape(&plan.kind)];
    // "Work Plan" is also printed "Workplan"
    if plan.kind == "Work Plan" {
        names.push("Workplan".into());
    }
    names.extend(abbreviations(&plan.kind).iter().map(|a| regex::escape(a)));
    names.join("|")
}

const YEARS: &str = r"\(?\s*((?:19|20)\d\d)\s*(?:[-–—]|\bto\b)\s*((?:19|20)\d\d)\s*\)?";

/// Adds the plan references of every passage.
pub fn plan_references(passages: &[Vec<char>], context: &DocContext, out: &mut Extraction) {
    let Some(this) = &context.this_plan else {
        return;
    };
    let patterns = Patterns::new(this);
    for (p, chars) in passages.iter().enumerate() {
        let text: String = chars.iter().collect();
        let char_at = char_positions(&text);
        let mut found = patterns.dated(&text, context);
        patterns.previous(&text, context, &mut found);
        patterns.own(&text, this, &mut found);
        for reference in found {
            let (start, end) = (char_at[reference.start], char_at[reference.end]);
            add_reference(out, p, chars, start, end, reference.plan, context);
        }
    }
}

/// A plan named in a passage, by byte range.
struct Reference<'c> {
    /// Byte offset of its start.
    start: usize,
    /// Byte offset of its end.
    end: usize,
    /// The plan it names.
    plan: &'c PlanRef,
}

impl Reference<'_> {
    /// Whether it overlaps the bytes `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// The patterns that name this plan and the plan it follows.
struct Patterns {
    /// this / the present / these + the kind.
    own: Option<Regex>,
    /// The abbreviation alone ("the POA").
    bare: Option<Regex>,
    /// The kind with a period: the previous plan, or this one.
    dated: Option<Regex>,
    /// "previous", "preceding", "former" before a kind.
    previous_word: Option<Regex>,
    /// The kind at the start of a text.
    kind_first: Option<Regex>,
    /// A period at the start of a text.
    years_first: Option<Regex>,
}

impl Patterns {
    /// The patterns for a plan of this kind.
    fn new(this: &PlanRef) -> Patterns {
        let kinds = alternation(this);
        // the abbreviation alone ("the POA"), not followed by a period
        let abbreviation = abbreviations(&this.kind)
            .iter()
            .map(|a| regex::escape(a))
            .collect::<Vec<_>>()
            .join("|");
        Patterns {
            own: Regex::new(&format!(
                r"\b(?:[Tt]his|[Tt]hese|[Tt]he present|[Tt]he current)\s+({kinds})\b"
            ))
            .ok(),
            bare: (!abbreviation.is_empty())
                .then(|| Regex::new(&format!(r"\b[Tt]he\s+({abbreviation})\b")).ok())
                .flatten(),
            dated: Regex::new(&format!(
                r"\b(?:[Pp]revious|[Pp]receding|[Ll]ast|[Ff]ormer|[Ff]irst)?\s*(?:set of\s+)?({kinds})(?:\s+for the years)?\s*{YEARS}"
            ))
            .ok(),
            previous_word: Regex::new(r"\b(?:[Pp]revious|[Pp]receding|[Ff]ormer)\s+(?:set of\s+)?")
                .ok(),
            kind_first: Regex::new(&format!(r"^({kinds})\b")).ok(),
            years_first: Regex::new(&format!(r"^\s*{YEARS}")).ok(),
        }
    }

    /// The kind with a period that is this plan's or the previous one's.
    fn dated<'c>(&self, text: &str, context: &'c DocContext) -> Vec<Reference<'c>> {
        let mut found = Vec::new();
        let Some(re) = &self.dated else {
            return found;
        };
        for c in re.captures_iter(text) {
            let (Some(kind), Some(a), Some(b)) = (c.get(1), c.get(2), c.get(3)) else {
                continue;
            };
            let period = (a.as_str().parse().ok().zip(b.as_str().parse().ok()))
                .map(|(first, last)| crate::corpus::Period::new(first, last));
            let whole = c.get(0).map_or(kind.end(), |m| m.end());
            let target = [&context.previous_plan, &context.this_plan]
                .into_iter()
                .flatten()
                .find(|plan| plan.period == period);
            if let Some(plan) = target {
                found.push(Reference {
                    start: kind.start(),
                    end: whole,
                    plan,
                });
            }
        }
        found
    }

    /// "the previous Plan of Action" with no period, where nothing was found.
    fn previous<'c>(&self, text: &str, context: &'c DocContext, found: &mut Vec<Reference<'c>>) {
        let (Some(re), Some(previous)) = (&self.previous_word, &context.previous_plan) else {
            return;
        };
        let Some(kind_re) = &self.kind_first else {
            return;
        };
        for m in re.find_iter(text) {
            if let Some(k) = kind_re.find(&text[m.end()..]) {
                let (s, e) = (m.end() + k.start(), m.end() + k.end());
                if !found.iter().any(|f| f.overlaps(s, e)) {
                    found.push(Reference {
                        start: s,
                        end: e,
                        plan: previous,
                    });
                }
            }
        }
    }

    /// "this Plan of Action", "the POA" (with no period after), where
    /// nothing was found.
    fn own<'c>(&self, text: &str, this: &'c PlanRef, found: &mut Vec<Reference<'c>>) {
        for re in [&self.own, &self.bare].into_iter().flatten() {
            for c in re.captures_iter(text) {
                if let Some(k) = c.get(1) {
                    let followed_by_years = self
                        .years_first
                        .as_ref()
                        .is_some_and(|y| y.is_match(&text[k.end()..]));
                    if !followed_by_years && !found.iter().any(|f| f.overlaps(k.start(), k.end())) {
                        found.push(Reference {
                            start: k.start(),
                            end: k.end(),
                            plan: this,
                        });
                    }
                }
            }
        }
    }
}

/// Adds a mention of `plan` at chars `start..end` of passage `p`, unless a
/// registry name already covers it (the full title).
fn add_reference(
    out: &mut Extraction,
    p: usize,
    chars: &[char],
    start: usize,
    end: usize,
    plan: &PlanRef,
    context: &DocContext,
) {
    if out
        .mentions
        .iter()
        .any(|m| m.passage == p && m.start <= start && end <= m.end)
    {
        return;
    }
    out.entities
        .entry(plan.id.clone())
        .or_insert_with(|| Entity {
            id: plan.id.clone(),
            class: EntityClass::Instrument,
            label: plan.title.clone(),
            alt_labels: Vec::new(),
            part_of: None,
            owner: None,
            partner: context.partner.as_ref().map(|p| p.code.clone()),
            method: Method::PlanReference,
            wikidata: None,
        });
    out.mentions.push(Mention {
        passage: p,
        entity: plan.id.clone(),
        start,
        end,
        surface: chars[start..end].iter().collect(),
        method: Method::PlanReference,
    });
}

/// Byte offset -> char index of `text` (one past the end included).
fn char_positions(text: &str) -> Vec<usize> {
    let mut at = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        at[b] = n;
        n += 1;
    }
    at[text.len()] = n;
    // bytes inside a character map to its start (never used as an end)
    for b in 1..text.len() {
        if !text.is_char_boundary(b) {
            at[b] = at[b - 1];
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(id: &str, period: (u16, u16)) -> PlanRef {
        PlanRef {
            id: id.into(),
            title: format!("Plan of Action ({}-{})", period.0, period.1),
            kind: "Plan of Action".into(),
            period: Some(crate::corpus::Period::new(period.0, period.1)),
        }
    }

    fn run(text: &str) -> Vec<(String, String)> {
        let context = DocContext {
            partner: None,
            this_plan: Some(plan("plan:this", (2021, 2025))),
            previous_plan: Some(plan("plan:prev", (2016, 2020))),
        };
        let mut out = Extraction::default();
        plan_references(&[text.chars().collect()], &context, &mut out);
        out.mentions
            .iter()
            .map(|m| (m.entity.clone(), m.surface.clone()))
            .collect()
    }

    #[test]
    fn this_plan_and_the_previous_one() {
        assert_eq!(
            run("This Plan of Action (POA) builds on the previous Plan of Action (2016-2020); through this POA, the two sides"),
            [
                ("plan:prev".into(), "Plan of Action (2016-2020)".into()),
                ("plan:this".into(), "Plan of Action".into()),
                ("plan:this".into(), "POA".into()),
            ]
        );
        assert_eq!(
            run("reports on the POA to the PMC+1"),
            [("plan:this".into(), "POA".into())]
        );
        // another instrument of the same kind is not this plan
        assert!(run("the ASEAN Plan of Action on Science (2016-2025)").is_empty());
    }
}
