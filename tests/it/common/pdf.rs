//! PDFs for the tests, written with lopdf (independent of the reader poakg
//! uses): each line of a text typeset as it is, Helvetica 9 pt, a new page
//! at each form feed and every 60 lines.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// The text as a PDF, or None when a character has no WinAnsi code (the
/// standard fonts' encoding).
pub fn from_text(text: &str) -> Option<Vec<u8>> {
    let mut pages: Vec<Vec<Vec<u8>>> = vec![Vec::new()];
    for (i, raw) in text.split('\n').enumerate() {
        let mut parts = raw.split('\u{c}').peekable();
        while let Some(part) = parts.next() {
            let line = part.trim_end_matches('\r');
            if !(i == 0 && line.is_empty() && parts.peek().is_some()) {
                let bytes: Option<Vec<u8>> = line.chars().map(win_ansi).collect();
                let page = pages.last_mut().expect("a page");
                if page.len() >= 60 {
                    pages.push(Vec::new());
                }
                pages.last_mut().expect("a page").push(bytes?);
            }
            if parts.peek().is_some() {
                pages.push(Vec::new());
            }
        }
    }
    Some(write(&pages))
}

fn win_ansi(c: char) -> Option<u8> {
    Some(match c {
        '’' => 0x92,
        '‘' => 0x91,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        '•' => 0x95,
        '\t' => b' ',
        c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
        _ => return None,
    })
}

fn write(pages: &[Vec<Vec<u8>>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for lines in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new("TL", vec![12.into()]),
            Operation::new("Td", vec![40.into(), 800.into()]),
        ];
        for line in lines {
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(line.clone(), lopdf::StringFormat::Literal)],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }
            .encode()
            .expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        // wide pages: the seed's glued lines run to 150 characters
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 900.into(), 842.into()],
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("the PDF is written");
    out
}
