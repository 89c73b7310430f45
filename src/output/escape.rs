//! One escaper per language poakg writes text into.

/// Text for HTML element content and double-quoted attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A user's value that has no place in a one-line SPARQL string literal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} holds a line break or another control character")]
pub struct ControlCharacter {
    /// The value as the user gave it.
    pub value: String,
}

/// `s` as a SPARQL string literal, quotes included (`"a \"b\""`). Names typed
/// by a user (a clause notation, an entity name) never hold line breaks or
/// control characters: those are refused, so that a pasted fragment of a
/// query is reported instead of searched for.
pub fn sparql_string(s: &str) -> Result<String, ControlCharacter> {
    if s.chars().any(char::is_control) {
        return Err(ControlCharacter {
            value: s.to_owned(),
        });
    }
    Ok(format!(
        "\"{}\"",
        s.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

/// Text inside a double-quoted DOT (Graphviz) string.
pub fn dot(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn sparql_strings_escape_quotes_and_refuse_line_breaks() {
        assert_eq!(
            sparql_string(r#"a "b" \c"#).as_deref(),
            Ok(r#""a \"b\" \\c""#)
        );
        assert!(sparql_string("1.2.16\n} DELETE").is_err());
        assert!(sparql_string("tab\there").is_err());
    }

    #[test]
    fn dot_strings_stay_on_one_line() {
        assert_eq!(dot("a \"b\"\nc"), "a \\\"b\\\" c");
    }
}
