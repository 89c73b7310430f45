//! What a text that is refused holds, said in the refusal: its paragraphs
//! and numbered lines, so that a user sees why and what to try.

/// What a text holds, for a refusal: its paragraphs and numbered lines
/// ("a title line and 3 paragraphs, no numbered line").
pub(super) fn what_is_there(text: &str) -> String {
    let lines = super::plan::split_lines(text);
    let mut paragraphs = 0;
    let mut numbered = 0;
    let mut in_paragraph = false;
    for line in &lines {
        match super::plan::classify(line.text) {
            super::plan::LineKind::Blank | super::plan::LineKind::Furniture => in_paragraph = false,
            super::plan::LineKind::Labeled(_) => {
                numbered += 1;
                in_paragraph = false;
            }
            super::plan::LineKind::Text => {
                if !in_paragraph {
                    paragraphs += 1;
                }
                in_paragraph = true;
            }
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match numbered {
        0 => format!(
            "{} of text, no numbered line",
            plural(paragraphs, "paragraph")
        ),
        n => format!(
            "{} of text and {}, none of them under a pillar with clauses",
            plural(paragraphs, "paragraph"),
            plural(n, "numbered line")
        ),
    }
}
