//! PDF reading in a build without the `pdf` feature: the same API, which
//! refuses every PDF with a reason (the PDF reader is left out of such a
//! build).

/// Why a PDF yields no text.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// This build has no PDF reader.
    #[error("this poakg was built without PDF reading (feature `pdf`)")]
    NotBuilt,
}

/// Refuses: this build reads no PDF.
pub fn extract(_bytes: &[u8]) -> Result<String, PdfError> {
    Err(PdfError::NotBuilt)
}
