//! IRIs of the vocabularies poakg writes and reads.
//!
//! Everything the ingesters emit and the queries rely on is named here, once, so
//! that the contract vocabulary (see `ontology/poakg.ttl`) cannot drift between
//! the writer and the readers.

use oxigraph::model::NamedNodeRef;

/// Namespace of the poakg ontology (the contract vocabulary).
pub const POA: &str = "https://w3id.org/poakg/ontology#";
/// Namespace of data IRIs minted by poakg.
pub const ID: &str = "https://w3id.org/poakg/id/";
/// IRI of the named graph holding the entities named by the documents (their
/// classes, labels and relations; the mentions stay in each document's graph).
pub const ENTITY_GRAPH: &str = "https://w3id.org/poakg/id/graph/entities";
/// IRI of the named graph holding analysis results (centrality, communities, ...).
pub const ANALYSIS_GRAPH: &str = "https://w3id.org/poakg/id/graph/analysis";
/// IRI of the named graph naming the plans that plans refer to but that are
/// not in the store.
pub const REFERENCES_GRAPH: &str = "https://w3id.org/poakg/id/graph/references";
/// IRI of the named graph holding the alignments of consecutive plans.
pub const COMPARISONS_GRAPH: &str = "https://w3id.org/poakg/id/graph/comparisons";
/// IRI of the named graph holding the ontology itself.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/poakg/ontology";

/// Path segments and graph names under [`ID`] that poakg keeps for itself:
/// a document whose name gives one of these slugs would write into poakg's
/// own graphs (`entities.txt` into the entities graph) or mint IRIs inside
/// another namespace (`entity.txt`).
pub const RESERVED_SLUGS: &[&str] = &[
    "entity",
    "entities",
    "graph",
    "analysis",
    "ontology",
    "partner",
    "partners",
    "comparison",
    "alignment",
    "references",
    "member",
    "asean",
];

/// Prefixes used in Turtle output, in tables and offered to user queries.
pub const PREFIXES: &[(&str, &str)] = &[
    ("poa", POA),
    ("id", ID),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("eli", "http://data.europa.eu/eli/ontology#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("schema", "https://schema.org/"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("sh", "http://www.w3.org/ns/shacl#"),
];

macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        $(
            /// The IRI of the term the constant is named after: the module's
            /// namespace and the term's local name (`poa::PILLAR` is `poa:Pillar`).
            pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
    };
}

/// Classes and properties of the poakg ontology.
pub mod poa {
    use super::NamedNodeRef;
    terms!("https://w3id.org/poakg/ontology#";
        PLAN_OF_ACTION = "PlanOfAction",
        DIALOGUE_PARTNER = "DialoguePartner",
        PARTNER = "partner",
        PARTNERSHIP_KIND = "partnershipKind",
        INSTRUMENT = "Instrument",
        PREAMBLE = "Preamble",
        PILLAR = "Pillar",
        SECTION = "Section",
        CLAUSE = "Clause",
        PROGRAMME = "Programme",
        ACTIVITY = "Activity",
        PARAGRAPH = "Paragraph",
        SOURCE_DOCUMENT = "SourceDocument",
        IN_PILLAR = "inPillar",
        IN_SECTION = "inSection",
        TEXT = "text",
        RAW_TEXT = "rawText",
        POSITION = "position",
        START_OFFSET = "startOffset",
        END_OFFSET = "endOffset",
        START_YEAR = "startYear",
        END_YEAR = "endYear",
        SHA256 = "sha256",
        EXTRACTED_TEXT = "extractedText",
        CHAR_LENGTH = "charLength",
        HEADING_INFERRED = "headingInferred",
        COMPLETE = "complete",
        CUT_CLAUSE = "cutClause",
        TITLE_SOURCE = "titleSource",
        PARTNER_SOURCE = "partnerSource",
        PERIOD_SOURCE = "periodSource",
        KIND_SOURCE = "kindSource",
        CLIENT = "client",
        SOLUTION = "solution",
        REGION = "region",
        COUNTRY = "country",
        IMAGE_PATH = "imagePath",
        MENTION = "Mention",
        OWNER = "owner",
        FOUND_BY = "foundBy",
        SURFACE_FORM = "surfaceForm",
        PILLAR_SPAN = "pillarSpan",
        MENTION_COUNT = "mentionCount",
        DEGREE = "degree",
        WEIGHTED_DEGREE = "weightedDegree",
        BETWEENNESS = "betweenness",
        PAGE_RANK = "pageRank",
        COMMUNITY = "community",
        COMPONENT = "component",
        ARTICULATION_POINT = "articulationPoint",
        PLAN_COMPARISON = "PlanComparison",
        CLAUSE_CHANGE = "ClauseChange",
        CONTINUES = "continues",
        EARLIER = "earlier",
        LATER = "later",
        CHANGE = "change",
        SIMILARITY = "similarity",
        CLASSIFICATION = "Classification",
        LEAD_VERB = "leadVerb",
        COMMITMENT_LEVEL = "commitmentLevel",
        HEDGE = "hedge",
        QUANTIFIED = "quantified",
        MODALITY = "modality",
        SDG = "sdg",
        SDG_RANK = "sdgRank",
        AOIP_AREA = "aoipArea",
        LABEL_PROPERTY = "labelProperty",
        LEVEL_CHANGE = "levelChange",
        CANONICAL_SHA256 = "canonicalSha256",
        CLAUSE_COUNT = "clauseCount",
        PILLAR_COUNT = "pillarCount",
        SECTION_COUNT = "sectionCount",
        ENTITY_MENTION_COUNT = "entityMentionCount",
        NAMING_COUNT = "namingCount",
        ENTITY_COUNT = "entityCount",
        PLAN_COUNT = "planCount",
        GRAPH_DIGEST = "graphDigest",
    );
}

/// W3C and common vocabularies reused by poakg.
pub mod ext {
    use super::NamedNodeRef;
    terms!("http://www.w3.org/2004/02/skos/core#";
        SKOS_CONCEPT = "Concept",
        SKOS_CONCEPT_SCHEME = "ConceptScheme",
        SKOS_NOTATION = "notation",
        SKOS_PREF_LABEL = "prefLabel",
        SKOS_ALT_LABEL = "altLabel",
        SKOS_HIDDEN_LABEL = "hiddenLabel",
        SKOS_IN_SCHEME = "inScheme",
        SKOS_TOP_CONCEPT_OF = "topConceptOf",
        SKOS_HAS_TOP_CONCEPT = "hasTopConcept",
        SKOS_BROADER = "broader",
        SKOS_EXACT_MATCH = "exactMatch",
    );
    terms!("http://purl.org/dc/terms/";
        DCT_TITLE = "title",
        DCT_TYPE = "type",
        DCT_REPLACES = "replaces",
        DCT_ABSTRACT = "abstract",
        DCT_IS_PART_OF = "isPartOf",
        DCT_HAS_PART = "hasPart",
        DCT_SOURCE = "source",
        DCT_IDENTIFIER = "identifier",
        DCT_FORMAT = "format",
        DCT_TEMPORAL = "temporal",
        DCT_DATE = "date",
        DCT_ISSUED = "issued",
        DCT_PERIOD_OF_TIME = "PeriodOfTime",
    );
    terms!("http://www.w3.org/ns/dcat#";
        DCAT_START_DATE = "startDate",
        DCAT_END_DATE = "endDate",
    );
    terms!("http://www.w3.org/ns/prov#";
        PROV_WAS_DERIVED_FROM = "wasDerivedFrom",
    );
    terms!("http://www.w3.org/2000/01/rdf-schema#";
        RDFS_LABEL = "label",
        RDFS_RESOURCE = "Resource",
    );
    terms!("http://www.w3.org/2002/07/owl#";
        OWL_SAME_AS = "sameAs",
    );
    terms!("http://www.w3.org/2011/content#";
        CNT_CHARACTER_ENCODING = "characterEncoding",
    );
    terms!("https://schema.org/";
        SCHEMA_URL = "url",
        SCHEMA_MENTIONS = "mentions",
    );
    terms!("http://www.w3.org/ns/org#";
        ORG_SUB_ORGANIZATION_OF = "subOrganizationOf",
    );
    terms!("http://www.w3.org/ns/oa#";
        OA_HAS_BODY = "hasBody",
        OA_HAS_TARGET = "hasTarget",
        OA_BODY_VALUE = "bodyValue",
        OA_MOTIVATED_BY = "motivatedBy",
        OA_CLASSIFYING = "classifying",
        OA_IDENTIFYING = "identifying",
        OA_ANNOTATION = "Annotation",
        OA_SPECIFIC_RESOURCE = "SpecificResource",
        OA_HAS_SOURCE = "hasSource",
        OA_HAS_SELECTOR = "hasSelector",
        OA_TEXT_POSITION_SELECTOR = "TextPositionSelector",
        OA_TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
        OA_START = "start",
        OA_END = "end",
        OA_EXACT = "exact",
        OA_PREFIX = "prefix",
        OA_SUFFIX = "suffix",
    );
}

/// The concept of a commitment level (1-5), of the scheme in `ontology/schemes.ttl`.
pub fn level_concept(level: u8) -> String {
    id(&format!("concept/level/{level}"))
}

/// The concept of a modality code (`capacity_building`).
pub fn modality_concept(code: &str) -> String {
    id(&format!("concept/modality/{code}"))
}

/// The concept of an AOIP area (`maritime`).
pub fn aoip_concept(code: &str) -> String {
    id(&format!("concept/aoip/{code}"))
}

/// Where the UN mints the IRIs of the Sustainable Development Goals.
pub const SDG_NS: &str = "http://metadata.un.org/sdg/";

/// The UN's own IRI of a Sustainable Development Goal (1-17).
pub fn sdg_concept(goal: &str) -> String {
    format!("{SDG_NS}{goal}")
}

/// The concept scheme of the kinds of document (`ontology/schemes.ttl`).
pub fn kind_scheme() -> String {
    id("scheme/document-kind")
}

/// The language of the texts and names poakg reads, where nothing says
/// otherwise (BCP 47).
pub const DEFAULT_LANGUAGE: &str = "en";

/// A name from poakg's own tables (partners, registry, the dataset's
/// description), which are written in English.
pub fn english(name: &str) -> oxigraph::model::Literal {
    oxigraph::model::Literal::new_language_tagged_literal_unchecked(name, DEFAULT_LANGUAGE)
}

/// Mints data IRIs under [`ID`].
pub fn id(path: &str) -> String {
    format!("{ID}{path}")
}

/// The named graph that holds the triples of the document with this slug.
pub fn document_graph(slug: &str) -> String {
    id(&format!("graph/{slug}"))
}

/// Shortens `iri` to a prefixed name when one of [`PREFIXES`] covers it.
pub fn compact(iri: &str) -> Option<String> {
    PREFIXES.iter().find_map(|(prefix, ns)| {
        let local = iri.strip_prefix(ns)?;
        let plain = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        plain.then(|| format!("{prefix}:{local}"))
    })
}

/// An IRI for display: prefixed when a namespace covers it (slashes and dots
/// allowed in the local part, unlike Turtle), else in angle brackets.
pub fn display_iri(iri: &str) -> String {
    PREFIXES
        .iter()
        .find_map(|(prefix, ns)| {
            let local = iri.strip_prefix(ns)?;
            (!local.is_empty()).then(|| format!("{prefix}:{local}"))
        })
        .unwrap_or_else(|| format!("<{iri}>"))
}

/// A serializer with poakg's prefixes declared where the format has
/// prefixes (the one place they are set for RDF output).
pub fn serializer(format: oxigraph::io::RdfFormat) -> std::io::Result<oxigraph::io::RdfSerializer> {
    use oxigraph::io::RdfFormat;
    let mut serializer = oxigraph::io::RdfSerializer::from_format(format);
    if matches!(
        format,
        RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::JsonLd { .. } | RdfFormat::RdfXml
    ) {
        for (prefix, ns) in PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *ns)
                .map_err(std::io::Error::other)?;
        }
    }
    Ok(serializer)
}

/// `PREFIX` lines for every known prefix, to prepend to user queries.
pub fn sparql_prefix_block() -> String {
    PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compacts_known_namespaces_only() {
        assert_eq!(
            compact(&format!("{POA}Clause")).as_deref(),
            Some("poa:Clause")
        );
        assert_eq!(compact("http://example.org/x"), None);
        // a local part with a slash is not a valid prefixed-name local part here
        assert_eq!(compact(&id("plan/clause/1.2")), None);
    }
}
