//! Data that travels inside the binary: the bundled seed documents and the
//! ontology, so that poakg works from any folder.

/// The bundled documents, as (file name, text).
pub const SEEDS: &[(&str, &str)] = &[
    (
        "asean-us-poa-2021-2025.txt",
        include_str!("../seeds/asean-us-poa-2021-2025.txt"),
    ),
    (
        "asean-us-partnership-program-2024-2029.md",
        include_str!("../seeds/asean-us-partnership-program-2024-2029.md"),
    ),
];

/// The poakg ontology (Turtle).
pub const ONTOLOGY: &str = include_str!("../ontology/poakg.ttl");

/// The concept schemes of the clause labels (commitment levels, modalities,
/// AOIP areas, the seventeen goals), loaded with the ontology.
pub const SCHEMES: &str = include_str!("../ontology/schemes.ttl");

/// ASEAN and its member states with their Wikidata items, loaded with the
/// ontology.
pub const MEMBERS: &str = include_str!("../ontology/members.ttl");
