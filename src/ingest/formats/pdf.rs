//! PDF to text, by pdf_oxide (pure Rust, in process). Pages are separated by
//! form feeds, as pdftotext separates them, so that the plan parser sees the
//! page breaks its running-header rule relies on.
//!
//! Chosen over Poppler's pdftotext after measuring both on the seed plan
//! typeset as a PDF: both give its 615 lines word for word when the lines fit
//! the page, pdftotext drops what runs past the page edge while pdf_oxide
//! keeps it, and pdf_oxide needs no program installed beside poakg.

/// Why a PDF gives no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The reader cannot open the file, or fails on it (its message).
    #[error("not a readable PDF: {0}")]
    Unreadable(String),
    /// The PDF holds fewer than 20 letters and digits: a scan, most likely.
    #[error("the PDF has no text layer (a scan?): poakg reads text, it does no OCR")]
    NoText,
}

/// The text of every page, pages separated by form feeds.
pub fn extract(bytes: &[u8]) -> Result<String, PdfError> {
    let bytes = bytes.to_vec();
    // a damaged file must not take the process down: the reader's panics
    // become an error like any other
    let result = std::panic::catch_unwind(move || -> Result<String, PdfError> {
        let unreadable = |e: &dyn std::fmt::Display| PdfError::Unreadable(e.to_string());
        let document =
            pdf_oxide::document::PdfDocument::from_bytes(bytes).map_err(|e| unreadable(&e))?;
        let pages = document.page_count().map_err(|e| unreadable(&e))?;
        let mut text = String::new();
        for page in 0..pages {
            if page > 0 {
                text.push('\u{c}');
            }
            let page_text = document.extract_text(page).map_err(|e| unreadable(&e))?;
            text.push_str(page_text.trim_end_matches('\n'));
            text.push('\n');
        }
        Ok(text)
    });
    let text =
        result.map_err(|_| PdfError::Unreadable("the PDF reader failed on this file".into()))??;
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Err(PdfError::NoText);
    }
    Ok(text)
}
