//! Parsed documents to quads under the poakg vocabulary.
//!
//! IRIs are minted from the document's slug and the structure's own notation
//! (`id/<slug>/clause/1.2.16`), so rebuilding the same document yields the same
//! IRIs and user queries and links stay valid across builds.

use super::plan::{Passage, Pillar, Plan, Section, Span};
use super::programme::{Block, Programme};
use super::Source;
use crate::corpus::{Partner, PlanMeta};
use crate::vocab::{ext::*, id, poa};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

/// Collects the quads of one document graph.
struct Sink {
    graph: GraphName,
    quads: Vec<Quad>,
    /// The language of the document's words (BCP 47).
    language: String,
}

impl Sink {
    fn new(graph: &NamedNode, language: &str) -> Self {
        Sink {
            graph: graph.clone().into(),
            quads: Vec::with_capacity(4096),
            language: language.to_owned(),
        }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    /// A code, a digest, a name of a file: a plain string.
    fn str(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    /// Words of the document (a title, a label, a passage): tagged with
    /// its language, as RDF labels and texts are.
    fn words(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        // the tag was checked where the user gave it (Overrides)
        let literal = Literal::new_language_tagged_literal_unchecked(value, self.language.as_str());
        self.add(s, p, literal);
    }

    fn int(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(value.to_string(), xsd::INTEGER),
        );
    }

    fn year(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: i32) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(format!("{value:04}"), xsd::G_YEAR),
        );
    }

    /// The years a plan or programme runs, as DCAT and Dublin Core model
    /// them: `dcterms:temporal` a `dcterms:PeriodOfTime` (`<doc#period>`)
    /// with `dcat:startDate` and `dcat:endDate` (xsd:gYear).
    fn period(&mut self, doc: &NamedNode, start: i32, end: i32) {
        let period = NamedNode::new_unchecked(format!("{}#period", doc.as_str()));
        self.add(doc, DCT_TEMPORAL, period.clone());
        self.add(&period, rdf::TYPE, DCT_PERIOD_OF_TIME);
        self.year(&period, DCAT_START_DATE, start);
        self.year(&period, DCAT_END_DATE, end);
    }

    fn span(&mut self, s: &NamedNode, span: Span, source: &NamedNode) {
        self.int(s, poa::START_OFFSET, span.start);
        self.int(s, poa::END_OFFSET, span.end);
        self.add(s, PROV_WAS_DERIVED_FROM, source.clone());
    }

    fn passage(&mut self, s: &NamedNode, passage: &Passage, source: &NamedNode) {
        self.words(s, poa::TEXT, &passage.text);
        self.words(s, poa::RAW_TEXT, &passage.raw);
        self.span(s, passage.span, source);
    }
}

fn node(path: &str) -> NamedNode {
    NamedNode::new_unchecked(id(path))
}

/// IRI of a plan's preamble.
pub fn preamble_iri(slug: &str) -> NamedNode {
    node(&format!("{slug}/preamble"))
}

/// IRI of a plan's clause, by notation.
pub fn clause_iri(slug: &str, notation: &str) -> NamedNode {
    node(&format!("{slug}/clause/{notation}"))
}

/// IRI of a programme page's paragraph or activity (`kind`), numbered from 1.
pub fn block_iri(slug: &str, kind: &str, n: usize) -> NamedNode {
    node(&format!("{slug}/{kind}/{n}"))
}

/// Describes the source file itself (name, digest, size) for provenance.
fn source_node(sink: &mut Sink, source: &Source, slug: &str, media_type: &str) -> NamedNode {
    let s = node(&format!("{slug}/source"));
    sink.add(&s, rdf::TYPE, poa::SOURCE_DOCUMENT);
    sink.str(&s, DCT_IDENTIFIER, &source.name);
    sink.str(&s, poa::SHA256, &source.sha256());
    sink.int(&s, poa::CHAR_LENGTH, source.text.chars().count());
    sink.str(&s, DCT_FORMAT, media_type);
    if source.encoding.is_notable() {
        // the file's text encoding where it is not plain UTF-8 (W3C's
        // Content in RDF term; absent means UTF-8)
        sink.str(&s, CNT_CHARACTER_ENCODING, source.encoding.label());
    }
    if source.format.is_extracted() && source.kind == super::DocumentKind::Plan {
        // the offsets of every passage point into this text, not the file
        sink.words(&s, poa::EXTRACTED_TEXT, &source.text);
    }
    s
}

/// The quads of a plan of action named `slug` (its identity: partner,
/// kind, period).
pub fn plan_quads(
    plan: &Plan,
    meta: &PlanMeta,
    source: &Source,
    slug: &str,
    graph: &NamedNode,
) -> Vec<Quad> {
    let mut sink = Sink::new(graph, &meta.language);
    let src = source_node(&mut sink, source, slug, source.format.media_type());
    let nodes = PlanNodes {
        slug,
        doc: node(slug),
        scheme: node(&format!("{slug}/scheme")),
        src,
    };
    plan_description(&mut sink, &nodes, plan, meta);
    let PlanNodes {
        doc, scheme, src, ..
    } = &nodes;
    sink.add(scheme, rdf::TYPE, SKOS_CONCEPT_SCHEME);
    // DCAT-AP asks a concept scheme for a dcterms:title
    sink.words(
        scheme,
        DCT_TITLE,
        &format!("Pillars and sections of the {}", meta.title),
    );
    sink.words(
        scheme,
        SKOS_PREF_LABEL,
        &format!("Pillars and sections of the {}", meta.title),
    );
    sink.add(scheme, DCT_IS_PART_OF, doc.clone());

    let mut position = 0;
    if let Some(preamble) = &plan.preamble {
        let p = preamble_iri(slug);
        sink.add(&p, rdf::TYPE, poa::PREAMBLE);
        sink.str(&p, SKOS_NOTATION, "preamble");
        sink.add(&p, DCT_IS_PART_OF, doc.clone());
        sink.int(&p, poa::POSITION, position);
        sink.passage(&p, preamble, src);
    }
    for pillar in &plan.pillars {
        pillar_quads(&mut sink, &nodes, pillar, &mut position);
    }
    sink.quads
}

/// The nodes every part of a plan's graph links to.
struct PlanNodes<'a> {
    /// The plan's name in IRIs.
    slug: &'a str,
    /// The plan itself.
    doc: NamedNode,
    /// The concept scheme of its pillars and sections.
    scheme: NamedNode,
    /// The source file.
    src: NamedNode,
}

/// What the plan node says of the plan: types, title, kind, where each
/// fact came from, completeness, date, period, partner, predecessor.
fn plan_description(sink: &mut Sink, nodes: &PlanNodes<'_>, plan: &Plan, meta: &PlanMeta) {
    let PlanNodes { doc, src, .. } = nodes;
    sink.add(doc, rdf::TYPE, poa::PLAN_OF_ACTION);
    // a plan is also an instrument that texts name ("this Plan of Action")
    sink.add(doc, rdf::TYPE, poa::INSTRUMENT);
    sink.words(doc, DCT_TITLE, &meta.title);
    sink.words(doc, RDFS_LABEL, &meta.title);
    sink.words(doc, SKOS_PREF_LABEL, &meta.title);
    kind(sink, doc, &meta.kind);
    // where each fact of the plan came from (title line, preamble, file
    // name, composed, user)
    for (term, origin) in [
        (poa::TITLE_SOURCE, meta.sources.title),
        (poa::PARTNER_SOURCE, meta.sources.partner),
        (poa::PERIOD_SOURCE, meta.sources.period),
        (poa::KIND_SOURCE, meta.sources.kind),
    ] {
        sink.str(doc, term, origin.name());
    }
    sink.add(doc, DCT_SOURCE, src.clone());
    sink.add(doc, PROV_WAS_DERIVED_FROM, src.clone());
    if let Some(cut) = &plan.cut {
        // an excerpt that ends inside a clause: the clause is left out
        sink.add(doc, poa::COMPLETE, Literal::from(false));
        sink.str(doc, poa::CUT_CLAUSE, cut);
    }
    if let Some(date) = meta.issued {
        sink.add(
            doc,
            DCT_ISSUED,
            Literal::new_typed_literal(date.to_string(), xsd::DATE),
        );
    }
    if let Some(period) = meta.period {
        let (start, end) = (i32::from(period.first), i32::from(period.last));
        sink.year(doc, poa::START_YEAR, start);
        sink.year(doc, poa::END_YEAR, end);
        sink.period(doc, start, end);
    }
    if let Some(partner) = &meta.partner {
        sink.add(
            doc,
            poa::PARTNER,
            crate::entities::rdf::partner_iri(&partner.code),
        );
    }
    if let (Some(previous), Some(title)) = (meta.predecessor_slug(), meta.predecessor_title()) {
        let earlier = node(&previous);
        sink.add(doc, DCT_REPLACES, earlier.clone());
        // its name, for when it is not loaded (see the references graph)
        sink.words(&earlier, RDFS_LABEL, &title);
    }
}

/// The plan's kind: `dcterms:type` a concept of the `document-kind`
/// scheme; a kind the scheme does not list is declared here.
fn kind(sink: &mut Sink, doc: &NamedNode, kind: &str) {
    let concept = crate::corpus::KindConcept::of(kind);
    sink.add(doc, DCT_TYPE, concept.iri.clone());
    if !concept.listed {
        let scheme = NamedNode::new_unchecked(crate::vocab::kind_scheme());
        sink.add(&concept.iri, rdf::TYPE, SKOS_CONCEPT);
        sink.add(&concept.iri, SKOS_IN_SCHEME, scheme);
        sink.words(&concept.iri, SKOS_PREF_LABEL, kind);
    }
}

/// A pillar, its sections and its clauses; clauses are numbered on from
/// `position`.
fn pillar_quads(sink: &mut Sink, nodes: &PlanNodes<'_>, pillar: &Pillar, position: &mut usize) {
    let PlanNodes {
        slug,
        doc,
        scheme,
        src,
    } = nodes;
    let pn = node(&format!("{slug}/pillar/{}", pillar.notation));
    sink.add(&pn, rdf::TYPE, poa::PILLAR);
    sink.str(&pn, SKOS_NOTATION, &pillar.notation);
    sink.words(&pn, SKOS_PREF_LABEL, &pillar.title);
    if pillar.printed_title != pillar.title {
        sink.words(&pn, SKOS_HIDDEN_LABEL, &pillar.printed_title);
    }
    sink.add(&pn, SKOS_IN_SCHEME, scheme.clone());
    sink.add(&pn, SKOS_TOP_CONCEPT_OF, scheme.clone());
    sink.add(scheme, SKOS_HAS_TOP_CONCEPT, pn.clone());
    sink.add(&pn, DCT_IS_PART_OF, doc.clone());
    sink.int(&pn, poa::POSITION, pillar.number as usize);
    if pillar.heading_inferred {
        sink.add(&pn, poa::HEADING_INFERRED, Literal::from(true));
    }
    sink.span(&pn, pillar.span, src);
    let section_nodes: Vec<(&str, NamedNode)> = pillar
        .sections
        .iter()
        .map(|section| {
            (
                section.notation.as_str(),
                section_quads(sink, nodes, section, &pn),
            )
        })
        .collect();
    for (section, clause) in pillar.clauses() {
        *position += 1;
        let cn = clause_iri(slug, &clause.notation);
        sink.add(&cn, rdf::TYPE, poa::CLAUSE);
        sink.str(&cn, SKOS_NOTATION, &clause.notation);
        if let Some(section) = section {
            if let Some((_, sn)) = section_nodes.iter().find(|(n, _)| *n == section.notation) {
                sink.add(&cn, poa::IN_SECTION, sn.clone());
            }
        }
        sink.add(&cn, poa::IN_PILLAR, pn.clone());
        sink.add(&cn, DCT_IS_PART_OF, doc.clone());
        sink.int(&cn, poa::POSITION, *position);
        sink.passage(&cn, &clause.passage, src);
    }
}

/// A section of the pillar `pn` (its clauses aside); returns its node.
fn section_quads(
    sink: &mut Sink,
    nodes: &PlanNodes<'_>,
    section: &Section,
    pn: &NamedNode,
) -> NamedNode {
    let PlanNodes {
        slug,
        doc,
        scheme,
        src,
    } = nodes;
    let sn = node(&format!("{slug}/section/{}", section.notation));
    sink.add(&sn, rdf::TYPE, poa::SECTION);
    sink.str(&sn, SKOS_NOTATION, &section.notation);
    sink.words(&sn, SKOS_PREF_LABEL, &section.title);
    sink.add(&sn, poa::IN_PILLAR, pn.clone());
    sink.add(&sn, SKOS_BROADER, pn.clone());
    sink.add(&sn, SKOS_IN_SCHEME, scheme.clone());
    sink.add(&sn, DCT_IS_PART_OF, doc.clone());
    sink.int(&sn, poa::POSITION, section.number as usize);
    if section.heading_inferred {
        sink.add(&sn, poa::HEADING_INFERRED, Literal::from(true));
    }
    sink.span(&sn, section.span, src);
    sn
}

/// The quads of a programme page.
pub fn programme_quads(page: &Programme, source: &Source, graph: &NamedNode) -> Vec<Quad> {
    let mut sink = Sink::new(graph, crate::vocab::DEFAULT_LANGUAGE);
    let slug = &source.slug;
    let src = source_node(&mut sink, source, slug, "text/markdown");
    let doc = node(slug);
    sink.add(&doc, rdf::TYPE, poa::PROGRAMME);
    sink.words(&doc, DCT_TITLE, &page.title);
    sink.words(&doc, RDFS_LABEL, &page.title);
    // A programme is an entity, and every entity has one name (the SHACL
    // shapes caught the page's programme without one).
    sink.words(&doc, SKOS_PREF_LABEL, &page.title);
    sink.add(&doc, DCT_SOURCE, src.clone());
    sink.add(&doc, PROV_WAS_DERIVED_FROM, src.clone());
    if let Some(summary) = &page.summary {
        sink.words(&doc, DCT_ABSTRACT, summary);
    }
    if let Some(date) = &page.date {
        let is_datetime = date.len() == 20 && date.as_bytes()[10] == b'T' && date.ends_with('Z');
        let datatype = if is_datetime {
            xsd::DATE_TIME
        } else {
            xsd::STRING
        };
        sink.add(&doc, DCT_DATE, Literal::new_typed_literal(date, datatype));
    }
    if let Some(start) = page.start {
        sink.year(&doc, poa::START_YEAR, start);
    }
    if let Some(end) = page.end {
        sink.year(&doc, poa::END_YEAR, end);
    }
    if let (Some(start), Some(end)) = (page.start, page.end) {
        sink.period(&doc, start, end);
    }
    for (values, property) in [
        (&page.clients, poa::CLIENT),
        (&page.solutions, poa::SOLUTION),
        (&page.regions, poa::REGION),
        (&page.countries, poa::COUNTRY),
    ] {
        for v in values {
            sink.str(&doc, property, v);
        }
    }
    let mut position = 0;
    for (kind, class, blocks) in [
        ("paragraph", poa::PARAGRAPH, &page.paragraphs),
        ("activity", poa::ACTIVITY, &page.activities),
    ] {
        for (i, block) in blocks.iter().enumerate() {
            position += 1;
            let b = block_iri(slug, kind, i + 1);
            sink.add(&b, rdf::TYPE, class);
            sink.str(&b, SKOS_NOTATION, &format!("{kind} {}", i + 1));
            sink.add(&b, DCT_IS_PART_OF, doc.clone());
            sink.int(&b, poa::POSITION, position);
            block_quads(&mut sink, &b, block, &src);
        }
    }
    sink.quads
}

fn block_quads(sink: &mut Sink, b: &NamedNode, block: &Block, src: &NamedNode) {
    sink.words(b, poa::TEXT, &block.text);
    sink.words(b, poa::RAW_TEXT, &block.raw);
    sink.span(b, block.span, src);
    for link in &block.links {
        // Only absolute links are IRIs; relative ones are kept as text.
        match NamedNode::new(link.as_str()) {
            Ok(iri) if link.contains("://") => sink.add(b, SCHEMA_URL, iri),
            _ => sink.str(b, SCHEMA_URL, link),
        }
    }
    for image in &block.images {
        sink.str(b, poa::IMAGE_PATH, image);
    }
}

/// The description of a partner (in the shared entities graph): its names,
/// its code, its Wikidata item, the kind of partnership.
pub fn partner_quads(partner: &Partner) -> Vec<oxigraph::model::Triple> {
    use oxigraph::model::Triple;
    let p = crate::entities::rdf::partner_iri(&partner.code);
    let mut out = vec![
        Triple::new(p.clone(), rdf::TYPE, poa::DIALOGUE_PARTNER),
        Triple::new(
            p.clone(),
            SKOS_PREF_LABEL,
            crate::vocab::english(&partner.label),
        ),
        Triple::new(
            p.clone(),
            SKOS_NOTATION,
            Literal::new_simple_literal(&partner.code),
        ),
        Triple::new(
            p.clone(),
            poa::PARTNERSHIP_KIND,
            Literal::new_simple_literal(&partner.kind),
        ),
    ];
    for v in &partner.variants {
        out.push(Triple::new(
            p.clone(),
            SKOS_ALT_LABEL,
            crate::vocab::english(v),
        ));
    }
    if let Some(w) = partner
        .wikidata
        .as_deref()
        .and_then(|w| NamedNode::new(w).ok())
    {
        out.push(Triple::new(p.clone(), OWL_SAME_AS, w));
    }
    out
}
