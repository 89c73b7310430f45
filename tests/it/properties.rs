//! Properties the parsers keep on any input, checked on generated text
//! (proptest): no panic on any UTF-8, and provenance that holds — every
//! character of a cleaned passage maps to an offset inside the source that
//! holds the same character (repairs aside), in order.

use poakg::ingest::{plan, programme};
use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Characters that stress offsets: multi-byte, case-changing length,
/// combining marks, line breaks of every kind, form feeds, BOM.
fn odd_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '\u{212A}', '\u{130}', '\u{301}', 'é', '’', '–', '—', '•', '\u{feff}', '\u{c}', '\r', '\n',
        '\t', ' ', '(', ')', '.', ';', ':', '-', 'I', 'l', '0', '9', '中', '😀',
    ])
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,12}",
        2 => "[A-Z][a-z]{2,10}",
        1 => "[A-Z]{2,6}",
        1 => prop::collection::vec(odd_char(), 1..4).prop_map(|c| c.into_iter().collect()),
        1 => Just("ASEAN-U.S.".to_owned()),
        1 => Just("self\u{212A}\u{212A}based".to_owned()),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..25),
        prop::sample::select(vec![";", ".", "; and", ",", ""]),
    )
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")))
}

/// Text shaped like a plan: a title, a preamble, numbered pillars, sections
/// and clauses (sometimes out of sequence), wrapped at random, with page
/// furniture and noise lines between.
fn plan_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => sentence(),
        1 => (1u32..4).prop_map(|p| format!("{p}. PILLAR {p}")),
        1 => (1u32..4, 1u32..4).prop_map(|(p, s)| format!("{p}.{s}. Section title")),
        3 => (1u32..4, 1u32..4, 1u32..6, sentence()).prop_map(|(p, s, c, t)| format!("{p}.{s}.{c}. {t}")),
        1 => Just("Page 3 of 9".to_owned()),
        1 => Just(String::new()),
        1 => (1u32..30).prop_map(|n| n.to_string()),
    ];
    (
        sentence(),
        prop::collection::vec(line, 0..60),
        prop::sample::select(vec!["\n", "\r\n", "\r", "\u{c}\n"]),
    )
        .prop_map(|(title, lines, eol)| {
            let mut text = format!("Plan of Action {title} (2021-2025){eol}");
            for l in lines {
                text.push_str(&l);
                text.push_str(eol);
            }
            text
        })
}

/// Text that is a plan: pillars, sections and clauses in sequence (each
/// clause a sentence, some wrapped), with furniture, blank lines and stray
/// numbers between, in any line ending.
fn plan_in_sequence() -> impl Strategy<Value = String> {
    let clause = (sentence(), 0usize..3).prop_map(|(s, wrap)| {
        // a wrap after the `wrap`-th word
        let mut words: Vec<String> = s.split(' ').map(str::to_owned).collect();
        if wrap > 0 && words.len() > wrap {
            words[wrap - 1].push('\n');
        }
        format!("{};", words.join(" ").trim_end_matches([';', '.', ',']))
    });
    let noise = prop_oneof![
        4 => Just(None),
        1 => Just(Some("Page 2 of 9".to_owned())),
        1 => Just(Some(String::new())),
        1 => (1u32..30).prop_map(|n| Some(n.to_string())),
    ];
    (
        sentence(),
        prop::collection::vec(
            prop::collection::vec(prop::collection::vec((clause, noise), 1..5), 1..4),
            1..4,
        ),
        prop::sample::select(vec!["\n", "\r\n", "\u{c}\n"]),
    )
        .prop_map(|(preamble, pillars, eol)| {
            let mut text =
                format!("Plan of Action for the Partnership (2021-2025){eol}{preamble}.{eol}");
            for (p, sections) in pillars.iter().enumerate() {
                text.push_str(&format!("{}. PILLAR NUMBER {}{eol}", p + 1, p + 1));
                for (s, clauses) in sections.iter().enumerate() {
                    text.push_str(&format!("{}.{}. Section Heading{eol}", p + 1, s + 1));
                    for (c, (clause, noise)) in clauses.iter().enumerate() {
                        text.push_str(&format!(
                            "{}.{}.{}. {}{eol}",
                            p + 1,
                            s + 1,
                            c + 1,
                            clause.replace('\n', eol)
                        ));
                        if let Some(n) = noise {
                            text.push_str(n);
                            text.push_str(eol);
                        }
                    }
                }
            }
            text
        })
}

fn check_passage(source: &[char], text: &str, offsets: &[usize]) -> Result<(), TestCaseError> {
    prop_assert_eq!(text.chars().count(), offsets.len());
    let mut last = 0;
    for (c, &o) in text.chars().zip(offsets) {
        prop_assert!(
            o <= source.len(),
            "offset {} past the end ({})",
            o,
            source.len()
        );
        prop_assert!(o + 1 >= last, "offsets go back: {} after {}", o, last);
        last = o;
        // spaces join lines; hyphens and `l` may be repairs
        if c != ' ' && c != '-' && c != 'l' {
            prop_assert_eq!(
                source.get(o).copied(),
                Some(c),
                "offset {} in {:?}",
                o,
                text
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plan_parse_never_panics_on_any_text(s in any::<String>()) {
        let _ = plan::parse(&s);
    }

    #[test]
    fn programme_parse_never_panics_on_any_text(s in any::<String>()) {
        let _ = programme::parse(&format!("---\ntitle: t\n---\n{s}"));
        let _ = programme::parse(&s);
    }
}

/// Runs `check` on `cases` generated inputs; fails on the first failing one.
fn run_cases<S: Strategy>(
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
    runner
        .run(&strategy, check)
        .map_err(|e| format!("{e}").into())
}

#[test]
fn parsed_plans_keep_exact_provenance() -> Result<(), Box<dyn std::error::Error>> {
    let parsed = AtomicUsize::new(0);
    let clauses = AtomicUsize::new(0);
    let texts = prop_oneof![plan_like(), plan_in_sequence()];
    run_cases(300, texts, |s| {
        if let Ok(p) = plan::parse(&s) {
            parsed.fetch_add(1, Ordering::Relaxed);
            let source: Vec<char> = s.chars().collect();
            for clause in p.clauses() {
                clauses.fetch_add(1, Ordering::Relaxed);
                check_passage(&source, &clause.passage.text, &clause.passage.offsets)?;
                prop_assert!(clause.passage.span.start <= clause.passage.span.end);
                prop_assert!(clause.passage.span.end <= source.len());
            }
            if let Some(pre) = &p.preamble {
                check_passage(&source, &pre.text, &pre.offsets)?;
            }
        }
        Ok(())
    })?;
    // the property says something only if many generated texts parsed
    let (parsed, clauses) = (parsed.into_inner(), clauses.into_inner());
    // about half the texts are plans in sequence: most of those must parse
    assert!(
        parsed >= 100,
        "only {parsed} of 300+ generated plans parsed"
    );
    assert!(clauses >= 500, "only {clauses} clauses checked");
    Ok(())
}

#[test]
fn programme_blocks_keep_exact_provenance() -> Result<(), Box<dyn std::error::Error>> {
    let parsed = AtomicUsize::new(0);
    let blocks = AtomicUsize::new(0);
    let body = prop::collection::vec(
        prop_oneof![
            sentence(),
            Just("## Activities".to_owned()),
            sentence().prop_map(|s| format!("* {s}"))
        ],
        0..30,
    );
    run_cases(300, body, |body| {
        let page = format!("---\ntitle: A page\n---\n\n{}\n", body.join("\n\n"));
        if let Ok(p) = programme::parse(&page) {
            parsed.fetch_add(1, Ordering::Relaxed);
            let source: Vec<char> = page.chars().collect();
            for block in p.paragraphs.iter().chain(&p.activities) {
                blocks.fetch_add(1, Ordering::Relaxed);
                prop_assert_eq!(block.text.chars().count(), block.offsets.len());
                for &o in &block.offsets {
                    prop_assert!(o <= source.len());
                }
                prop_assert!(block.span.end <= source.len());
            }
        }
        Ok(())
    })?;
    let (parsed, blocks) = (parsed.into_inner(), blocks.into_inner());
    assert!(
        parsed >= 250,
        "only {parsed} of 300+ generated pages parsed"
    );
    assert!(blocks >= 1000, "only {blocks} blocks checked");
    Ok(())
}
