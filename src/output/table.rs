//! Aligned text tables for a terminal: columns padded with two spaces
//! between them, a rule under the header, and long cells wrapped onto more
//! lines within the width, never cut, so that a finding is always readable
//! whole ("U.S.-ASEAN Smart Cities Partnership", not "U.S.-ASEAN Smart Cities Par…").

use std::io::Write;

/// The width text is laid out for when the output is not a terminal.
pub const TEXT_WIDTH: usize = 80;

/// The longest word kept whole when a column must wrap.
const MAX_WORD: usize = 40;

/// Space between columns.
const GAP: usize = 2;

/// Writes `header`, a rule and `rows` in aligned columns within `width`
/// characters (wider only when even the narrowest columns do not fit).
pub fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
    width: usize,
) -> std::io::Result<()> {
    let one_line = |s: &String| s.replace(['\n', '\r', '\t'], " ");
    let header: Vec<String> = header.iter().map(one_line).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(one_line).collect())
        .collect();
    let widths = fit(&header, &rows, width);
    write_row(out, &header, &widths)?;
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    writeln!(out, "{}", rule.join(&" ".repeat(GAP)))?;
    for row in &rows {
        write_row(out, row, &widths)?;
    }
    Ok(())
}

/// The columns `s` takes on a terminal: a CJK character two, a combining
/// mark none (unicode-width, the crate terminals' own tables follow).
fn len(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The columns a run of characters takes.
fn chars_width(chars: &[char]) -> usize {
    chars
        .iter()
        .map(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0))
        .sum()
}

/// Column widths: each column's natural width; the column with the most
/// room above its longest word (at most 40 wide, so that names and IRI
/// slugs stay whole) gives way first, until the table fits.
fn fit(header: &[String], rows: &[Vec<String>], width: usize) -> Vec<usize> {
    let columns = header.len();
    let mut natural: Vec<usize> = header.iter().map(|h| len(h)).collect();
    let mut least: Vec<usize> = header
        .iter()
        .map(|h| {
            h.split_whitespace()
                .map(len)
                .max()
                .unwrap_or(0)
                .min(MAX_WORD)
        })
        .collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            natural[i] = natural[i].max(len(cell));
            let word = cell.split_whitespace().map(len).max().unwrap_or(0);
            least[i] = least[i].max(word.min(MAX_WORD));
        }
    }
    let least: Vec<usize> = least
        .iter()
        .zip(&natural)
        .map(|(l, n)| (*l).max(6).min(*n))
        .collect();
    let mut widths = natural;
    let gaps = GAP * columns.saturating_sub(1);
    while widths.iter().sum::<usize>() + gaps > width {
        let shrinkable = (0..columns)
            .filter(|&i| widths[i] > least[i])
            .max_by_key(|&i| (widths[i] - least[i], widths[i], i));
        match shrinkable {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    // still too wide with every column at its longest word: break words,
    // the widest column first
    while widths.iter().sum::<usize>() + gaps > width {
        match (0..columns)
            .filter(|&i| widths[i] > 6)
            .max_by_key(|&i| (widths[i], i))
        {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    widths
}

/// Writes one row, as many lines as its tallest wrapped cell needs.
fn write_row(out: &mut dyn Write, cells: &[String], widths: &[usize]) -> std::io::Result<()> {
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| wrap(cells.get(i).map_or("", String::as_str), w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let mut text = String::new();
        for (i, column) in wrapped.iter().enumerate() {
            if i > 0 {
                text.push_str(&" ".repeat(GAP));
            }
            let cell = column.get(line).map_or("", String::as_str);
            text.push_str(cell);
            text.push_str(&" ".repeat(widths[i].saturating_sub(len(cell))));
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}

/// `text` in lines of at most `width` columns, broken between words; a
/// word longer than the width is broken inside.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let Some(last) = lines.last_mut() else {
                lines.push(String::new());
                continue;
            };
            let used = len(last);
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if chars_width(&word) <= room {
                if used > 0 {
                    last.push(' ');
                }
                last.extend(&word);
                break;
            }
            if used > 0 {
                lines.push(String::new());
                continue;
            }
            // a word longer than a whole line: broken after its last hyphen,
            // slash or underscore that fits (`asean-ca-poa-` / `2016-2020`),
            // else at the width
            // the most characters that fit the width (at least one)
            let fits = (1..=word.len())
                .take_while(|&n| chars_width(&word[..n]) <= width)
                .last()
                .unwrap_or(1);
            let cut = word[..fits]
                .iter()
                .rposition(|c| matches!(c, '-' | '/' | '_'))
                .map_or(fits, |at| at + 1);
            last.extend(&word[..cut]);
            word.drain(..cut);
            lines.push(String::new());
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn wide_and_combining_characters_align() -> std::io::Result<()> {
        let header = vec!["name".to_owned(), "n".to_owned()];
        let rows = vec![
            vec!["กระทรวงการต่างประเทศ".to_owned(), "1".to_owned()],
            vec!["Bộ Ngoại giao Việt Nam".to_owned(), "2".to_owned()],
            vec!["日本国際協力機構".to_owned(), "3".to_owned()],
            vec!["JICA".to_owned(), "4".to_owned()],
        ];
        let mut out = Vec::new();
        write_table(&mut out, &header, &rows, 80)?;
        let text = String::from_utf8(out).map_err(std::io::Error::other)?;
        // the count column starts at the same screen column on every row
        let starts: Vec<usize> = text
            .lines()
            .skip(2)
            .map(|l| len(l.trim_end_matches(|c: char| c.is_ascii_digit())))
            .collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{text}");
        Ok(())
    }

    use super::*;

    fn render(header: &[&str], rows: &[&[&str]], width: usize) -> String {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        let mut out = Vec::new();
        write_table(&mut out, &header, &rows, width).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn long_cells_wrap_instead_of_being_cut() {
        let name = "U.S.-ASEAN Smart Cities Partnership";
        let text = render(
            &["entity", "pillars", "passages"],
            &[&[name, "1 2 3 4", &"1.2.3 ".repeat(20)]],
            40,
        );
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(!text.contains('…'));
        let words: Vec<&str> = text.split_whitespace().collect();
        for w in name.split(' ') {
            assert!(words.contains(&w), "{w} lost in {text}");
        }
    }

    #[test]
    fn a_table_that_fits_is_not_wrapped() {
        let text = render(&["a", "bb"], &[&["x", "yy"]], 80);
        assert_eq!(text, "a  bb\n-  --\nx  yy\n");
    }

    #[test]
    fn words_longer_than_the_column_are_broken() {
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn long_names_break_after_a_hyphen_where_one_fits() {
        assert_eq!(
            wrap("asean-ca-poa-2016-2020", 14),
            ["asean-ca-poa-", "2016-2020"]
        );
        assert_eq!(wrap("a/b-cdefghij", 5), ["a/b-", "cdefg", "hij"]);
    }
}
