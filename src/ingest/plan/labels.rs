//! The labels that number a plan's pillars, sections and clauses, in every
//! scheme the genre uses: decimal paths (`1.`, `1.2`, `1.2.16.`), Roman
//! numerals (`I.`, `iv)`), letters (`A.`, `b.`), bracketed labels (`(a)`,
//! `(ii)`), parts (`PART A:`, `Pillar 2`), with bullets before them (`• 1.`).
//!
//! A label can be read in more than one way (`I.` is the first Roman numeral
//! or the ninth letter; `(i)` likewise): every reading is returned, and the
//! structure parser keeps the one that fits the numbering sequence.

use regex::Regex;
use std::sync::LazyLock;

/// The scheme a label is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `1`, `1.2`, `1.2.16` (its depth is the number of parts).
    Decimal,
    /// `I`, `IV`, `XII`.
    UpperRoman,
    /// `i`, `iv`, `xii`.
    LowerRoman,
    /// `A`, `B`, `C`.
    UpperLetter,
    /// `a`, `b`, `c`.
    LowerLetter,
}

/// How the label is set off: `1.` / `A.`, `(a)`, `a)`, `PART A`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wrap {
    /// Bare, or followed by a dot or colon: `1.`, `1.2`, `A.`, `b:`.
    Plain,
    /// In brackets: `(a)`, `(ii)`, `(1)`.
    Paren,
    /// Followed by a closing bracket: `a)`, `1)`.
    Close,
    /// After a keyword: `PART A`, `Pillar 2`, `Priority Area III`.
    Part,
}

/// A style with its wrapping and, for decimal paths, its depth: labels of
/// one key are siblings when their values follow each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The scheme the label is written in.
    pub style: Style,
    /// How the label is set off.
    pub wrap: Wrap,
    /// The number of parts of a decimal path (`1.2.16` is 3); 1 for any
    /// other label.
    pub depth: usize,
}

/// One reading of a label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    /// The scheme, wrapping and depth of this reading.
    pub key: Key,
    /// The values: a decimal path's numbers, or the one value of another
    /// style (`iv` is 4, `c` is 3).
    pub values: Vec<u32>,
    /// The label as printed, without bullets, trailing dots or colons, and
    /// without a PART keyword: `1.2.16`, `IV`, `b`, `(a)`.
    pub printed: String,
    /// Whether a dot followed the label (`1.` rather than `1`).
    pub dot: bool,
    /// What follows the label on its line, trimmed (may be empty).
    pub rest: &'a str,
}

impl Label<'_> {
    /// The last value (the label's own place in its sequence).
    pub fn value(&self) -> u32 {
        self.values.last().copied().unwrap_or(0)
    }

    /// Whether this reading is numeric: a decimal path, or a number in any
    /// wrapping (`(1)`, `Pillar 2`).
    pub fn is_decimal(&self) -> bool {
        self.key.style == Style::Decimal
    }
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| crate::text::regex(r"^(?:[•▪◦●·*\-–]\s+)+"));
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| {
    // "1.2.16.", "1.1", "1)", and "2 ." with a space before the dot
    crate::text::regex(r"^(\d{1,2}(?:\.\d{1,3}){0,3})(?: ?(\.|\)|:))?(?:\s+(.*))?$")
});
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"^\(([a-zA-Z]{1,5}|\d{1,2})\)(?:\s+(.*))?$"));
static PLAIN: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"^([a-zA-Z]{1,5})(\.|\)|:)(?:\s+(.*))?$"));
static PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"^(?i:part|pillar|chapter|priority\s+area|area|theme|cluster|component|(?:strategic\s+)?thrust)\s+([IVXL]{1,6}|[A-Z]|\d{1,2})\b\s*(?:[:.\-–—]\s*|\s+)?(.*)$",
    )
});

/// Every reading of the label at the start of `text` (already trimmed), most
/// likely first; empty when the line does not start with a label.
pub fn read(text: &str) -> Vec<Label<'_>> {
    let text = match BULLET.find(text) {
        Some(m) => &text[m.end()..],
        None => text,
    };
    if let Some(c) = DECIMAL.captures(text) {
        return decimal_reading(&c).into_iter().collect();
    }
    if let Some(c) = PART.captures(text) {
        return part_readings(&c);
    }
    match short_label(text) {
        Some(short) => short_readings(short),
        None => Vec::new(),
    }
}

/// The reading of a decimal path ("1.2.16.", "1)"), if no part is zero.
fn decimal_reading<'a>(c: &regex::Captures<'a>) -> Option<Label<'a>> {
    let values: Option<Vec<u32>> = c[1].split('.').map(|n| n.parse().ok()).collect();
    // a zero never numbers a heading or clause ("2.0 of the framework")
    let values = values.filter(|v| v.iter().all(|&n| n > 0))?;
    let wrap = if c.get(2).is_some_and(|m| m.as_str() == ")") {
        Wrap::Close
    } else {
        Wrap::Plain
    };
    Some(Label {
        key: Key {
            style: Style::Decimal,
            wrap,
            depth: values.len(),
        },
        printed: c[1].to_owned(),
        values,
        dot: c.get(2).is_some_and(|m| m.as_str() == "."),
        rest: c.get(3).map_or("", |m| m.as_str().trim()),
    })
}

/// The readings of a part label after its keyword ("PART A:", "Pillar 2").
fn part_readings<'a>(c: &regex::Captures<'a>) -> Vec<Label<'a>> {
    let label = c.get(1).map_or("", |m| m.as_str());
    let rest = c.get(2).map_or("", |m| m.as_str().trim());
    readings(label)
        .into_iter()
        .map(|(style, value)| Label {
            key: Key {
                style,
                wrap: Wrap::Part,
                depth: 1,
            },
            values: vec![value],
            printed: label.to_owned(),
            dot: false,
            rest,
        })
        .collect()
}

/// A bracketed or plainly set-off label ("(a)", "iv)", "B."), before it is read.
struct ShortLabel<'a> {
    /// The label's letters or digits, without brackets or punctuation.
    label: &'a str,
    /// How it is set off.
    wrap: Wrap,
    /// Whether a dot followed it.
    dot: bool,
    /// What follows it on its line (not trimmed).
    rest: &'a str,
}

/// The bracketed or plain label at the start of `text`, if any.
fn short_label(text: &str) -> Option<ShortLabel<'_>> {
    if let Some(c) = PAREN.captures(text) {
        return Some(ShortLabel {
            label: c.get(1).map_or("", |m| m.as_str()),
            wrap: Wrap::Paren,
            dot: false,
            rest: c.get(2).map_or("", |m| m.as_str()),
        });
    }
    let c = PLAIN.captures(text)?;
    let punct = c.get(2).map_or("", |m| m.as_str());
    let wrap = if punct == ")" {
        Wrap::Close
    } else {
        Wrap::Plain
    };
    Some(ShortLabel {
        label: c.get(1).map_or("", |m| m.as_str()),
        wrap,
        dot: punct == ".",
        rest: c.get(3).map_or("", |m| m.as_str()),
    })
}

/// The readings of a bracketed or plain label: a bracketed number ("(1)"),
/// or a letter or Roman numeral in each way it can be read.
fn short_readings(short: ShortLabel<'_>) -> Vec<Label<'_>> {
    let ShortLabel {
        label,
        wrap,
        dot,
        rest,
    } = short;
    if let Ok(n) = label.parse::<u32>() {
        // "(1)": a bracketed number
        if n == 0 {
            return Vec::new();
        }
        return vec![Label {
            key: Key {
                style: Style::Decimal,
                wrap,
                depth: 1,
            },
            values: vec![n],
            printed: format!("({label})"),
            dot,
            rest: rest.trim(),
        }];
    }
    let printed = if wrap == Wrap::Paren {
        format!("({label})")
    } else {
        label.to_owned()
    };
    readings(label)
        .into_iter()
        .map(|(style, value)| Label {
            key: Key {
                style,
                wrap,
                depth: 1,
            },
            values: vec![value],
            printed: printed.clone(),
            dot,
            rest: rest.trim(),
        })
        .collect()
}

/// The readings of a letter or Roman label: a single letter is a letter,
/// and a Roman numeral too when it spells one (`I`, `V`, `X`, `C`, `L`);
/// longer labels are Roman numerals or nothing.
fn readings(label: &str) -> Vec<(Style, u32)> {
    let upper = label.chars().all(|c| c.is_ascii_uppercase());
    let lower = label.chars().all(|c| c.is_ascii_lowercase());
    if let Ok(n) = label.parse::<u32>() {
        return if n > 0 {
            vec![(Style::Decimal, n)]
        } else {
            vec![]
        };
    }
    if !(upper || lower) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let roman = roman_value(label);
    let mut chars = label.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let letter = u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1;
        let style = if upper {
            Style::UpperLetter
        } else {
            Style::LowerLetter
        };
        // "I." and "i." open Roman lists far more often than they are the ninth letter
        if roman == Some(1) {
            out.push((
                if upper {
                    Style::UpperRoman
                } else {
                    Style::LowerRoman
                },
                1,
            ));
            out.push((style, letter));
            return out;
        }
        out.push((style, letter));
    }
    if let Some(n) = roman {
        out.push((
            if upper {
                Style::UpperRoman
            } else {
                Style::LowerRoman
            },
            n,
        ));
    }
    out
}

/// The value of a Roman numeral written in the usual subtractive form.
pub fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    // only the canonical spelling ("IIII" and "VX" are not numerals)
    (to_roman(n).eq_ignore_ascii_case(s)).then_some(n)
}

/// `n` as an upper-case Roman numeral.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The label of value `n` in the scheme of `key` (for a heading that the
/// text does not number: the next label of its sequence).
pub fn label_for(key: Key, n: u32) -> String {
    let letter = |base: u8| {
        u8::try_from(n.saturating_sub(1) % 26)
            .map(|o| char::from(base + o).to_string())
            .unwrap_or_default()
    };
    let bare = match key.style {
        Style::Decimal => n.to_string(),
        Style::UpperRoman => to_roman(n),
        Style::LowerRoman => to_roman(n).to_lowercase(),
        Style::UpperLetter => letter(b'A'),
        Style::LowerLetter => letter(b'a'),
    };
    if key.wrap == Wrap::Paren {
        format!("({bare})")
    } else {
        bare
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn first(text: &str) -> (Style, Wrap, Vec<u32>, String, String) {
        let l = read(text).into_iter().next().expect("a label");
        (
            l.key.style,
            l.key.wrap,
            l.values,
            l.printed,
            l.rest.to_owned(),
        )
    }

    #[test_case("1.2.16. Continue", Style::Decimal, Wrap::Plain, &[1, 2, 16], "1.2.16", "Continue" ; "decimal path")]
    #[test_case("4.1", Style::Decimal, Wrap::Plain, &[4, 1], "4.1", "" ; "alone")]
    #[test_case("• 1.2. Trade", Style::Decimal, Wrap::Plain, &[1, 2], "1.2", "Trade" ; "bullet")]
    #[test_case("IV. ECONOMIC", Style::UpperRoman, Wrap::Plain, &[4], "IV", "ECONOMIC" ; "roman")]
    #[test_case("I. POLITICAL", Style::UpperRoman, Wrap::Plain, &[1], "I", "POLITICAL" ; "roman one first")]
    #[test_case("(iii) Promote", Style::LowerRoman, Wrap::Paren, &[3], "(iii)", "Promote" ; "bracketed roman")]
    #[test_case("(b) Convene", Style::LowerLetter, Wrap::Paren, &[2], "(b)", "Convene" ; "bracketed letter")]
    #[test_case("a. Maintain", Style::LowerLetter, Wrap::Plain, &[1], "a", "Maintain" ; "letter")]
    #[test_case("PART A: POLITICAL", Style::UpperLetter, Wrap::Part, &[1], "A", "POLITICAL" ; "part")]
    #[test_case("1.1\tPromote", Style::Decimal, Wrap::Plain, &[1, 1], "1.1", "Promote" ; "tab")]
    #[test_case("2 . Science", Style::Decimal, Wrap::Plain, &[2], "2", "Science" ; "space before the dot")]
    #[test_case("PILLAR II: ECONOMIC", Style::UpperRoman, Wrap::Part, &[2], "II", "ECONOMIC" ; "pillar keyword roman")]
    #[test_case("Priority Area 3: Socio-Cultural", Style::Decimal, Wrap::Part, &[3], "3", "Socio-Cultural" ; "priority area")]
    #[test_case("Pillar 1 - Political", Style::Decimal, Wrap::Part, &[1], "1", "Political" ; "pillar with a dash")]
    fn labels(text: &str, style: Style, wrap: Wrap, values: &[u32], printed: &str, rest: &str) {
        assert_eq!(
            first(text),
            (
                style,
                wrap,
                values.to_vec(),
                printed.to_owned(),
                rest.to_owned()
            )
        );
    }

    #[test_case("2.0 of the framework" ; "zero")]
    #[test_case("1982 United Nations Convention" ; "year")]
    #[test_case("5G ecosystem" ; "digit word")]
    #[test_case("Article 3.1 of the Charter" ; "inside a sentence")]
    #[test_case("ASEAN and the U.S." ; "words")]
    #[test_case("IIII. x" ; "not a numeral")]
    fn not_labels(text: &str) {
        assert!(read(text).is_empty(), "{:?}", read(text));
    }

    #[test]
    fn ambiguous_labels_have_both_readings() {
        let readings: Vec<(Style, u32)> = read("(i) x")
            .iter()
            .map(|l| (l.key.style, l.value()))
            .collect();
        assert_eq!(readings, [(Style::LowerRoman, 1), (Style::LowerLetter, 9)]);
        let c: Vec<(Style, u32)> = read("C. x")
            .iter()
            .map(|l| (l.key.style, l.value()))
            .collect();
        assert_eq!(c, [(Style::UpperLetter, 3), (Style::UpperRoman, 100)]);
    }

    #[test]
    fn roman_numerals_round_trip() {
        for n in 1..=120 {
            assert_eq!(roman_value(&to_roman(n)), Some(n));
        }
        assert_eq!(roman_value("IC"), None);
        let key = Key {
            style: Style::UpperRoman,
            wrap: Wrap::Plain,
            depth: 1,
        };
        assert_eq!(label_for(key, 4), "IV");
    }
}
