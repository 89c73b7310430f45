//! Before the first pillar: the title (read whole, however it wraps) and
//! the preamble; and what a line of text looks like (a sentence's end, a
//! title, capitals).

use super::*;
use regex::Regex;
use std::sync::LazyLock;

static PERIOD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"^\(?\s*(?:19|20)\d\d\s*(?:[-–—‑]|to)?\s*(?:19|20)\d\d\s*\)?$")
});
/// A title line that ends with its period: "... Prosperity (2021-2025)",
/// "for the period of 2023 to 2027", "Partnership 2025–2029".
static ENDS_WITH_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(r"\b(?:19|20)\d\d\s*(?:[-–—‑]|to|until)?\s*(?:19|20)\d\d\s*\)?\s*$")
});

/// Splits the lines before the first pillar into the title and the preamble.
pub(super) fn front_matter(
    lines: &[Line<'_>],
    kinds: &[LineKind<'_>],
    repairer: &Repairer,
    repairs: &mut Vec<super::super::Repair>,
) -> (String, Option<Passage>) {
    let content: Vec<&Line<'_>> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| !matches!(k, LineKind::Blank | LineKind::Furniture))
        .map(|(l, _)| l)
        .collect();
    let title_lines = title_line_count(&content);
    let title_parts: Vec<&str> = content[..title_lines]
        .iter()
        .map(|l| l.text.trim().trim_start_matches('\u{feff}'))
        .collect();
    let title = repair::collapse_spaces(&title_parts.join(" "));
    // a title printed twice (a cover, then the first page) is one title
    let mut skip = title_lines;
    while skip < content.len() {
        let next = content[skip].text.trim();
        if title_parts.contains(&next) || repair::collapse_spaces(next) == title {
            skip += 1;
        } else {
            break;
        }
    }
    let preamble = preamble_passage(&content[skip..], repairer, repairs);
    (title, preamble)
}

/// How many of the first content lines make the title: those that run on
/// from the first; none when they do not read as a plan's title.
fn title_line_count(content: &[&Line<'_>]) -> usize {
    let mut title_lines = 0;
    let mut has_period = false;
    for (k, line) in content.iter().enumerate() {
        let text = line.text.trim();
        if !continues_title(content, k, has_period) {
            break;
        }
        has_period |= crate::corpus::meta::period_in(text).is_some();
        title_lines = k + 1;
    }
    // a page without a title line opens with a preamble sentence, a site's
    // headline or a byline: no title then (the plan's is composed later)
    let first_lines: Vec<&str> = content[..title_lines]
        .iter()
        .map(|l| l.text.trim())
        .collect();
    if reads_as_a_plan_title(&first_lines.join(" ")) {
        title_lines
    } else {
        0
    }
}

/// Whether content line `k` carries on the title of the lines before it
/// (`has_period`: whether those already give the plan's period).
fn continues_title(content: &[&Line<'_>], k: usize, has_period: bool) -> bool {
    if k == 0 {
        return true;
    }
    let line = content[k];
    let text = line.text.trim();
    let previous = content[k - 1].text.trim();
    // a title runs on without a blank line between its lines
    let adjacent = line.number == content[k - 1].number + 1;
    PERIOD_LINE.is_match(text)
        || ends_with_connector(previous)
        || (is_shouting(previous) && is_shouting(text))
        || (adjacent
            && !has_period
            && k < 4
            && !ends_sentence(previous)
            // "Partnership for Peace and Prosperity (2021-2025)",
            // "for the period of 2023 to 2027"
            && (ENDS_WITH_PERIOD.is_match(text)
                // "for the ASEAN-France Development Partnership"
                || text.starts_with(char::is_lowercase)
                // "... ASEAN-Republic of Korea" / "Strategic
                // Partnership for Peace and Prosperity": a title
                // line in title case that is no sentence
                || (is_title_cased(text)
                    && is_title_cased(previous)
                    && !ends_sentence(text)
                    && !text.ends_with(','))))
}

/// The preamble: the lines after the title, cleaned into one passage.
fn preamble_passage(
    body: &[&Line<'_>],
    repairer: &Repairer,
    repairs: &mut Vec<super::super::Repair>,
) -> Option<Passage> {
    (!body.is_empty()).then(|| {
        let parts: Vec<(usize, &str, usize)> =
            body.iter().map(|l| (l.number, l.text, l.start)).collect();
        let (text, offsets) = repairer.clean(&parts, repairs);
        Passage {
            text,
            offsets,
            raw: body.iter().map(|l| l.text).collect::<Vec<_>>().join("\n"),
            span: Span {
                start: body[0].start,
                end: body[body.len() - 1].end,
            },
        }
    })
}

/// Words a plan's title has (its kind, or what it is a plan of): a line
/// without any is a sentence or a headline, not the title.
static TITLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)\b(?:plan|plans|programme|program|framework|work\s*plan|workplan|cooperation|co-operation|partnership|roadmap|road map|agenda|action|areas|declaration|statement|strategy)\b",
    )
});

/// Whether text can be a plan's title: it names a kind of plan (or what
/// one is of), starts like a heading and does not end like a sentence.
fn reads_as_a_plan_title(text: &str) -> bool {
    let t = text.trim().trim_start_matches('\u{feff}');
    !t.is_empty()
        && t.chars().count() <= 300
        && t.starts_with(|c: char| {
            c.is_uppercase() || c.is_numeric() || c == '(' || c == '“' || c == '"'
        })
        && !t.ends_with(['.', ';', ','])
        && TITLE_WORD.is_match(t)
}

/// Characters from the start of `line` to `part`, a slice of it.
pub(super) fn char_offset_of(line: &str, part: &str) -> usize {
    let byte = (part.as_ptr() as usize)
        .saturating_sub(line.as_ptr() as usize)
        .min(line.len());
    line.get(..byte).map_or(0, |s| s.chars().count())
}

pub(super) fn non_empty(s: &str) -> Vec<&str> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![s]
    }
}

pub(super) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with([';', '.', ':', '!', '?']) || t.ends_with("; and") || t.ends_with("; or")
}

pub(super) fn ends_with_connector(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "of" | "the" | "and" | "to" | "for" | "on" | "in" | "between" | "with" | "a" | "an"
    )
}

/// Starts like a heading and does not end like a sentence fragment.
pub(super) fn looks_like_title(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(|c: char| c.is_uppercase() || c == '(')
        && !t.ends_with([';', ','])
        && t.chars().count() <= 160
}

pub(super) fn is_shouting(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Most words of four letters or more start with a capital.
pub(super) fn is_title_cased(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    !long.is_empty()
        && long
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            * 2
            >= long.len()
}

/// "POLITICAL AND SECURITY COOPERATION" -> "Political and Security Cooperation";
/// "FOLLOW-UP MECHANISM" -> "Follow-up Mechanism". Text with lower case is kept.
pub(crate) fn title_case_if_shouting(text: &str) -> String {
    let text = repair::collapse_spaces(text);
    if !is_shouting(&text) {
        return text;
    }
    const MINOR: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
    ];
    const PARTICLES: &[&str] = &[
        "up", "in", "on", "off", "out", "down", "over", "based", "led",
    ];
    let cap = |w: &str| {
        let mut cs = w.chars();
        cs.next().map_or_else(String::new, |f| {
            f.to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect()
        })
    };
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            word.split('-')
                .enumerate()
                .map(|(j, part)| {
                    let lower = part.to_lowercase();
                    // A parenthesised acronym, "(ICT)", stays as printed.
                    let keep_acronym = part.starts_with('(') && part.ends_with(')');
                    if keep_acronym {
                        part.to_owned()
                    } else if (i > 0 && j == 0 && MINOR.contains(&lower.as_str()))
                        || (j > 0 && PARTICLES.contains(&lower.as_str()))
                    {
                        lower
                    } else {
                        cap(part)
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}
