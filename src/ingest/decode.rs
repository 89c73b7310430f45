//! Bytes to text: the encodings plan texts reach researchers in. UTF-8
//! with or without a byte-order mark; UTF-16 as a word processor's
//! "Unicode text" export writes it (a byte-order mark, or none but the
//! tell-tale zero bytes of ASCII text); and Windows-1252, the code page of
//! older Windows exports, with its curly quotes and dashes. Decoding is
//! `encoding_rs`'s (the WHATWG Encoding Standard's decoders, as browsers
//! use them); this module only decides which one applies.

use std::fmt;

/// The encoding a text file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or ASCII), no byte-order mark.
    Utf8,
    /// UTF-8 opening with a byte-order mark (kept in the text, so that
    /// offsets count every character of the file).
    Utf8Bom,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252 (a superset of ISO 8859-1 for printable text).
    Windows1252,
}

impl Encoding {
    /// The encoding's name as the Encoding Standard and IANA give it.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// Whether the text was anything but plain UTF-8 (worth a word in the
    /// build's report).
    pub fn is_notable(self) -> bool {
        self != Encoding::Utf8
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Encoding::Utf8Bom => f.write_str("UTF-8 with a byte-order mark"),
            other => f.write_str(other.label()),
        }
    }
}

/// Why bytes are no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// A NUL byte outside UTF-16: binary data. Carries its byte offset.
    Nul(usize),
    /// UTF-16 that does not decode (a lone surrogate). Carries the byte
    /// offset of the first bad unit.
    BadUtf16(usize),
    /// Neither UTF-8 nor readable as Windows-1252 (control bytes no text
    /// holds). Carries the line of the first invalid UTF-8 byte.
    Unreadable(usize),
}

/// Decodes a text file's bytes, saying in which encoding they were read.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, encoding_rs::UTF_16LE, Encoding::Utf16Le, 2);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, encoding_rs::UTF_16BE, Encoding::Utf16Be, 2);
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return match utf16_without_mark(bytes) {
            Some(Encoding::Utf16Le) => utf16(bytes, encoding_rs::UTF_16LE, Encoding::Utf16Le, 0),
            Some(_) => utf16(bytes, encoding_rs::UTF_16BE, Encoding::Utf16Be, 0),
            None => Err(NotText::Nul(nul)),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if text.starts_with('\u{feff}') => Ok((text.to_owned(), Encoding::Utf8Bom)),
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            // bytes Windows-1252 leaves undefined decode to C1 controls, and
            // text has no C0 controls but tab, line breaks and form feed
            let control = |c: char| {
                ('\u{80}'..='\u{9f}').contains(&c)
                    || c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
            };
            if text.chars().any(control) {
                let valid = e.valid_up_to();
                let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
                return Err(NotText::Unreadable(line));
            }
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

fn utf16(
    bytes: &[u8],
    decoder: &'static encoding_rs::Encoding,
    encoding: Encoding,
    skipped: usize,
) -> Result<(String, Encoding), NotText> {
    let (text, had_errors) = decoder.decode_without_bom_handling(bytes);
    if had_errors || bytes.len() % 2 == 1 {
        let at = text
            .find('\u{fffd}')
            .map_or(bytes.len(), |i| 2 * text[..i].encode_utf16().count());
        return Err(NotText::BadUtf16(skipped + at));
    }
    Ok((text.into_owned(), encoding))
}

/// UTF-16 text with no byte-order mark: mostly ASCII, so one byte of every
/// pair is zero, always the same one (odd bytes for little-endian).
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let zero_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 10 <= pairs {
        Some(Encoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn utf16le(s: &str, mark: bool) -> Vec<u8> {
        let mut out = if mark { vec![0xff, 0xfe] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut out = vec![0xfe, 0xff];
        out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        out
    }

    const TEXT: &str = "Plan of Action – ASEAN–Türkiye “2024-2028”\n1.1.1 Hold talks;\n";

    #[test_case(TEXT.as_bytes().to_vec(), Encoding::Utf8 ; "utf-8")]
    #[test_case(utf16le(TEXT, true), Encoding::Utf16Le ; "utf-16le with a mark")]
    #[test_case(utf16le(TEXT, false), Encoding::Utf16Le ; "utf-16le without a mark")]
    #[test_case(utf16be(TEXT), Encoding::Utf16Be ; "utf-16be")]
    fn every_unicode_encoding_gives_the_same_text(bytes: Vec<u8>, encoding: Encoding) {
        assert_eq!(decode(&bytes), Ok((TEXT.to_owned(), encoding)));
    }

    #[test]
    fn a_utf8_mark_stays_in_the_text() {
        let bytes = [b"\xef\xbb\xbf".as_slice(), b"Plan"].concat();
        assert_eq!(
            decode(&bytes),
            Ok(("\u{feff}Plan".to_owned(), Encoding::Utf8Bom))
        );
    }

    #[test]
    fn windows_1252_reads_its_quotes_and_dashes() {
        // 0x93 0x94 curly double quotes, 0x96 en dash, 0xe9 e acute
        let bytes = b"the \x93Caf\xe9 Plan\x94 2021\x962025\n";
        assert_eq!(
            decode(bytes),
            Ok((
                "the “Café Plan” 2021–2025\n".to_owned(),
                Encoding::Windows1252
            ))
        );
    }

    #[test]
    fn binary_data_is_no_text() {
        assert_eq!(decode(b"PK\x03\x04\x00\x01zip"), Err(NotText::Nul(4)));
        // bytes Windows-1252 leaves undefined, and control bytes
        assert_eq!(
            decode(b"ok\nthen \x81\x02 junk"),
            Err(NotText::Unreadable(2))
        );
        // a lone surrogate in UTF-16
        assert!(matches!(
            decode(&[0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]),
            Err(NotText::BadUtf16(_))
        ));
    }
}
