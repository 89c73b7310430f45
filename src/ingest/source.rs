//! A source document: its bytes read, checked, and turned into the text a
//! parser reads (a PDF's or a web page's text extracted, see `formats`), its
//! kind guessed from content and name, and its name in IRIs.

use super::decode::{decode, Encoding, NotText};
use super::formats::{self, Extracted};
use super::IngestError;
use crate::corpus::Overrides;
use crate::vocab;
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::Path;

/// The kinds of document poakg reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A plan of action (text converted from a PDF, a PDF, a web page).
    Plan,
    /// A programme page: Markdown with YAML front matter.
    Programme,
    /// RDF data, loaded as it is (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML).
    Rdf(RdfFormat),
}

impl DocumentKind {
    /// The kind in words, for messages and the build report ("programme page").
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Plan => "plan",
            DocumentKind::Programme => "programme page",
            DocumentKind::Rdf(_) => "RDF data",
        }
    }
}

/// The format a document came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, parsed as it is (typically a plan converted from a PDF).
    Text,
    /// A PDF, its text extracted by pdf_oxide.
    Pdf,
    /// A saved web page, its text extracted.
    Html,
    /// Markdown: a programme page (with front matter), or a web page
    /// exported as Markdown, whose text is extracted.
    Markdown,
    /// RDF data in one of the formats of [`DocumentKind::Rdf`].
    Rdf,
}

impl Format {
    /// The media type recorded in provenance.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text => "text/plain",
            Format::Pdf => "application/pdf",
            Format::Html => "text/html",
            Format::Markdown => "text/markdown",
            Format::Rdf => "application/rdf",
        }
    }

    /// Whether the text parsed is extracted from the file (not the file itself).
    pub fn is_extracted(self) -> bool {
        matches!(self, Format::Pdf | Format::Html | Format::Markdown)
    }
}

/// A source document, read and checked to be text.
#[derive(Debug, Clone)]
pub struct Source {
    /// File name, as recorded in provenance.
    pub name: String,
    /// Where it was read from (the path as given), for messages.
    pub origin: String,
    /// Short name used in IRIs (`asean-us-poa-2021-2025`).
    pub slug: String,
    /// The text parsed: the file itself, or what was extracted from it.
    /// Every offset poakg records points into this text.
    pub text: String,
    /// What kind of document it is, guessed from its content and name.
    pub kind: DocumentKind,
    /// The format it came in.
    pub format: Format,
    /// Per line of `text`, whether it is a paragraph of its own (web pages).
    pub standalone: Option<Vec<bool>>,
    /// What the user says of the plan where its text is silent (build
    /// flags, or a sidecar file `<file>.meta`).
    pub overrides: Overrides,
    /// The encoding the file's text was read in (UTF-8 for a PDF, whose
    /// text is extracted).
    pub encoding: Encoding,
    /// Hex SHA-256 of the file's bytes.
    digest: String,
}

impl Source {
    /// Checks the bytes, extracts text from PDF and web pages, and guesses
    /// the kind from content and name.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Source, IngestError> {
        let digest = hex_sha256(&bytes);
        let lower = name.to_lowercase();
        let extension = Path::new(&lower)
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let pdf = bytes.trim_ascii_start().starts_with(b"%PDF-") || extension == "pdf";
        if pdf {
            let text = formats::pdf::extract(&bytes).map_err(|source| IngestError::Pdf {
                name: name.to_owned(),
                source,
            })?;
            return Source::new(name, text, DocumentKind::Plan, Format::Pdf, None, digest);
        }
        let (text, encoding) = decode(&bytes).map_err(|e| match e {
            NotText::Nul(offset) => IngestError::Binary {
                name: name.to_owned(),
                offset,
            },
            NotText::BadUtf16(offset) => IngestError::BadUtf16 {
                name: name.to_owned(),
                offset,
            },
            NotText::Unreadable(line) => IngestError::NotUtf8 {
                name: name.to_owned(),
                line,
            },
        })?;
        let mut source = Source::from_text(name, &extension, text, digest)?;
        source.encoding = encoding;
        Ok(source)
    }

    /// A text document's kind and format from its content and extension.
    fn from_text(
        name: &str,
        extension: &str,
        text: String,
        digest: String,
    ) -> Result<Source, IngestError> {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        // YAML front matter opens with a line of exactly three dashes (a
        // Markdown plan may open with a longer rule, `----`)
        let front_matter = start
            .strip_prefix("---")
            .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"));
        let html_head = start.get(..15).map(str::to_ascii_lowercase);
        let html = matches!(extension, "html" | "htm" | "xhtml")
            || html_head.is_some_and(|h| h.starts_with("<!doctype html") || h.starts_with("<html"));
        let markdown = matches!(extension, "md" | "markdown");
        let rdf = match extension {
            "ttl" => Some(RdfFormat::Turtle),
            "nt" => Some(RdfFormat::NTriples),
            "nq" => Some(RdfFormat::NQuads),
            "trig" => Some(RdfFormat::TriG),
            "rdf" | "owl" => Some(RdfFormat::RdfXml),
            "jsonld" => Some(RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            }),
            _ => None,
        };
        if let Some(format) = rdf {
            return Source::new(
                name,
                text,
                DocumentKind::Rdf(format),
                Format::Rdf,
                None,
                digest,
            );
        }
        if front_matter {
            return Source::new(
                name,
                text,
                DocumentKind::Programme,
                Format::Markdown,
                None,
                digest,
            );
        }
        let (extracted, format) = if html {
            (formats::html::extract(&text), Format::Html)
        } else if markdown {
            (formats::markdown(&text), Format::Markdown)
        } else {
            return Source::new(name, text, DocumentKind::Plan, Format::Text, None, digest);
        };
        let Extracted { text, standalone } = extracted;
        Source::new(
            name,
            text,
            DocumentKind::Plan,
            format,
            Some(standalone),
            digest,
        )
    }

    fn new(
        name: &str,
        text: String,
        kind: DocumentKind,
        format: Format,
        standalone: Option<Vec<bool>>,
        digest: String,
    ) -> Result<Source, IngestError> {
        let slug = slug(name);
        if vocab::RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err(IngestError::ReservedName {
                name: name.to_owned(),
                graph: vocab::document_graph(&slug),
            });
        }
        Ok(Source {
            name: name.to_owned(),
            origin: name.to_owned(),
            slug,
            text,
            kind,
            format,
            standalone,
            overrides: Overrides::default(),
            encoding: Encoding::Utf8,
            digest,
        })
    }

    /// Reads a file given on the command line.
    pub fn from_path(path: &Path) -> Result<Source, IngestError> {
        let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
            path: path.to_owned(),
            source,
        })?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut source = Source::from_bytes(&name, bytes)?;
        source.origin = path.display().to_string();
        let mut sidecar = path.as_os_str().to_owned();
        sidecar.push(".meta");
        let sidecar = std::path::PathBuf::from(sidecar);
        if sidecar.is_file() {
            let text = std::fs::read_to_string(&sidecar).map_err(|source| IngestError::Io {
                path: sidecar.clone(),
                source,
            })?;
            source.overrides = read_sidecar(&sidecar.display().to_string(), &text)?;
        }
        Ok(source)
    }

    /// The named graph this document's triples live in.
    pub fn graph(&self) -> NamedNode {
        NamedNode::new_unchecked(vocab::document_graph(&self.slug))
    }

    /// Hex SHA-256 of the document's bytes (the file as read).
    pub fn sha256(&self) -> String {
        self.digest.clone()
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// File stem as a lower-case IRI-safe slug.
pub fn slug(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map_or(name.into(), |s| s.to_string_lossy());
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "document".to_owned()
    } else {
        out
    }
}

/// A sidecar `<file>.meta`: what the user says of a plan whose text does not
/// (lines `partner: JP`, `period: 2023-2027`, `kind: Work Plan`, `title: ...`,
/// `language: fr`;
/// `#` comments).
pub fn read_sidecar(name: &str, text: &str) -> Result<Overrides, IngestError> {
    let mut o = Overrides::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| IngestError::Sidecar {
            name: name.to_owned(),
            line: i + 1,
            message,
        };
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| bad("expected `key: value`".into()))?;
        let value = value.trim().to_owned();
        match key.trim() {
            "partner" => o.partner = Some(value),
            "kind" => o.kind = Some(value),
            "title" => o.title = Some(value),
            "language" => {
                o.language = Some(crate::corpus::meta::language_tag(&value).ok_or_else(|| {
                    bad(format!(
                        "language {value:?}: expected a BCP 47 tag, e.g. en or fr"
                    ))
                })?)
            }
            "period" => {
                o.period = Some(crate::corpus::meta::period_in(&value).ok_or_else(|| {
                    bad(format!(
                        "period {value:?}: expected two years, e.g. 2021-2025"
                    ))
                })?)
            }
            other => {
                return Err(bad(format!(
                    "unknown key {other:?} (partner, period, kind, title, language)"
                )))
            }
        }
    }
    Ok(o)
}
