//! Documents that come in other formats than plain text, turned into the
//! text the plan parser reads: PDF files (`pdf`, by pdf_oxide), saved web
//! pages (`html`, by scraper), and Markdown exports of web pages (rendered
//! by pulldown-cmark, then read as HTML). The text is kept: the offsets of
//! every passage point into it.

mod dom;
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(not(feature = "pdf"))]
#[path = "pdf_off.rs"]
pub mod pdf;

/// Text extracted from a document, one line per block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The extracted text, one block a line; the offsets of every passage
    /// point into it.
    pub text: String,
    /// For each line: a paragraph of its own (a `<p>` outside any list), which
    /// never carries on a clause or a heading as a wrapped line would.
    pub standalone: Vec<bool>,
}

/// The plan text of a Markdown page (a web page exported as Markdown).
pub fn markdown(source: &str) -> Extracted {
    use pulldown_cmark::{html::push_html, Options, Parser};
    let mut html = String::with_capacity(source.len() * 2);
    push_html(&mut html, Parser::new_ext(source, Options::ENABLE_TABLES));
    html::extract(&html)
}
