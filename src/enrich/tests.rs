use super::*;

fn labeller() -> Labeller {
    match Labeller::bundled() {
        Ok(l) => l,
        Err(e) => panic!("bundled cues: {e}"),
    }
}

#[test]
fn every_evidence_is_the_text_between_its_offsets() {
    let l = labeller();
    let text = "Promote, where feasible, dialogue and training on marine debris, including USD 5 million for 300 fishers by 2027;";
    let labels = l.label(text);
    let mut all: Vec<&Evidence> = labels
        .modalities
        .iter()
        .chain(&labels.sdgs)
        .chain(&labels.aoip)
        .map(|l| &l.evidence)
        .collect();
    all.extend(labels.level.as_ref().map(|l| &l.evidence));
    all.extend(labels.hedges.iter().map(|h| &h.evidence));
    all.extend(labels.quantified.as_ref());
    assert!(all.len() >= 6, "{labels:#?}");
    for e in all {
        assert_eq!(crate::text::slice(text, e.start, e.end), e.surface);
    }
}
