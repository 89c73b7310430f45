//! Where a store mints its data IRIs: under a portal's own domain
//! (`poakg build --base https://data.example.org/poakg/`) or under
//! `https://w3id.org/poakg/` by default.
//!
//! poakg's writers mint every IRI under the default base ([`vocab::ID`]);
//! the store moves the data IRIs under its own base as quads go in (the one
//! place every write passes), and readers ask the store's [`Base`] for the
//! IRIs they look up. The vocabulary does not move: the ontology
//! (`…/ontology#`), its concept schemes and concepts (`id/scheme/…`,
//! `id/concept/…`) and ASEAN and its member states (`id/asean`,
//! `id/member/…`) name the same things in every portal, so shipped queries
//! and other portals' data keep meaning the same.

use crate::vocab;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use std::borrow::Cow;

/// Why an IRI cannot be a base.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseError {
    /// Not an absolute http(s) IRI ending in `/`, or one with a query or
    /// fragment; carries the IRI and what is wrong with it.
    #[error("{iri:?} cannot be a base: {reason}")]
    Malformed {
        /// The IRI given.
        iri: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// A store's base IRI: data IRIs are `{base}id/{path}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Base {
    iri: String,
    /// `{iri}id/`, kept beside it: every link a page renders and every
    /// graph a build checks asks for it.
    namespace: String,
}

/// Paths under `id/` that belong to the vocabulary and never move.
const VOCABULARY_PATHS: &[&str] = &["scheme/", "concept/", "member/"];

impl Default for Base {
    fn default() -> Base {
        Base::of(Base::DEFAULT)
    }
}

impl Base {
    /// The base of poakg's own IRIs (w3id.org redirects it; see `docs/w3id/`).
    pub const DEFAULT: &'static str = "https://w3id.org/poakg/";

    /// `iri` as a base: an absolute http or https IRI ending in `/`, with
    /// no query or fragment, not inside poakg's default data namespace.
    pub fn new(iri: &str) -> Result<Base, BaseError> {
        let bad = |reason| BaseError::Malformed {
            iri: iri.to_owned(),
            reason,
        };
        if NamedNode::new(iri).is_err() {
            return Err(bad("not an absolute IRI"));
        }
        let rest = iri
            .strip_prefix("https://")
            .or_else(|| iri.strip_prefix("http://"))
            .ok_or_else(|| bad("a base is an http or https IRI"))?;
        if rest.is_empty() || rest.starts_with('/') {
            return Err(bad("no host"));
        }
        if iri.contains(['?', '#']) {
            return Err(bad("a base has no query or fragment"));
        }
        if !iri.ends_with('/') {
            return Err(bad("a base ends with / (IRIs are minted as {base}id/...)"));
        }
        if iri != Base::DEFAULT && iri.starts_with(Base::DEFAULT) {
            return Err(bad("it lies inside poakg's own namespace"));
        }
        Ok(Base::of(iri))
    }

    /// A base already checked (or the default).
    fn of(iri: &str) -> Base {
        Base {
            iri: iri.to_owned(),
            namespace: format!("{iri}id/"),
        }
    }

    /// The base as written (`https://w3id.org/poakg/`).
    pub fn as_str(&self) -> &str {
        &self.iri
    }

    /// Whether this is poakg's default base (then nothing moves).
    pub fn is_default(&self) -> bool {
        self.iri == Base::DEFAULT
    }

    /// The namespace of the store's data IRIs (`{base}id/`).
    pub fn data_namespace(&self) -> &str {
        &self.namespace
    }

    /// `iri` (as poakg's writers mint it, under the default base) under
    /// this base; the vocabulary's and other namespaces' IRIs unchanged.
    pub fn iri<'a>(&self, iri: &'a str) -> Cow<'a, str> {
        match self.movable_path(iri) {
            Some(path) if !self.is_default() => Cow::Owned(format!("{}{path}", self.namespace)),
            _ => Cow::Borrowed(iri),
        }
    }

    /// [`Base::iri`] as a node.
    pub fn node(&self, iri: &str) -> NamedNode {
        NamedNode::new_unchecked(self.iri(iri).into_owned())
    }

    /// The path under `id/` of one of the store's IRIs (`entity/arf`),
    /// whether under this base or, for the vocabulary, the default one.
    pub fn path_of<'a>(&self, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(self.namespace.as_str())
            .or_else(|| iri.strip_prefix(vocab::ID))
    }

    /// The IRI the store holds for a path under `id/` (`entity/arf`).
    pub fn iri_of_path(&self, path: &str) -> String {
        self.iri(&vocab::id(path)).into_owned()
    }

    /// Whether `iri` is one of the data IRIs the store mints (under this
    /// base, the vocabulary excepted).
    pub fn is_data(&self, iri: &str) -> bool {
        iri.strip_prefix(self.namespace.as_str())
            .is_some_and(|path| !is_vocabulary(path))
    }

    /// The path of a default-base IRI that moves with the base.
    fn movable_path<'a>(&self, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(vocab::ID)
            .filter(|path| !is_vocabulary(path))
    }

    /// A quad with its data IRIs under this base (a no-op for the default).
    pub fn quad(&self, quad: Quad) -> Quad {
        if self.is_default() {
            return quad;
        }
        Quad {
            subject: match quad.subject {
                NamedOrBlankNode::NamedNode(n) => NamedOrBlankNode::NamedNode(self.moved(n)),
                other => other,
            },
            predicate: quad.predicate,
            object: match quad.object {
                Term::NamedNode(n) => Term::NamedNode(self.moved(n)),
                other => other,
            },
            graph_name: match quad.graph_name {
                GraphName::NamedNode(n) => GraphName::NamedNode(self.moved(n)),
                other => other,
            },
        }
    }

    /// Quads with their data IRIs under this base.
    pub fn quads(&self, quads: Vec<Quad>) -> Vec<Quad> {
        if self.is_default() {
            return quads;
        }
        quads.into_iter().map(|q| self.quad(q)).collect()
    }

    fn moved(&self, node: NamedNode) -> NamedNode {
        match self.iri(node.as_str()) {
            Cow::Borrowed(_) => node,
            Cow::Owned(iri) => NamedNode::new_unchecked(iri),
        }
    }
}

/// Whether a path under `id/` names part of the vocabulary.
fn is_vocabulary(path: &str) -> bool {
    path == "asean" || VOCABULARY_PATHS.iter().any(|p| path.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://data.example.org/poakg/" ; "a portal's folder")]
    #[test_case("http://localhost:7878/" ; "a local server")]
    #[test_case(Base::DEFAULT ; "the default")]
    fn good_bases(iri: &str) {
        assert_eq!(
            Base::new(iri).map(|b| b.as_str().to_owned()),
            Ok(iri.to_owned())
        );
    }

    #[test_case("data.example.org/poakg/", "not an absolute IRI")]
    #[test_case("ftp://example.org/", "http or https")]
    #[test_case("https://example.org/kg", "ends with /")]
    #[test_case("https://example.org/kg/?x=1", "no query")]
    #[test_case("https://w3id.org/poakg/id/mine/", "inside poakg's own namespace")]
    fn bad_bases(iri: &str, reason: &str) {
        let err = Base::new(iri).map(|b| b.as_str().to_owned());
        assert!(
            matches!(&err, Err(e) if e.to_string().contains(reason)),
            "{err:?}"
        );
    }

    #[test_case("https://w3id.org/poakg/id/asean-us-poa-2021-2025/clause/1.2", "https://data.example.org/kg/id/asean-us-poa-2021-2025/clause/1.2" ; "a clause moves")]
    #[test_case("https://w3id.org/poakg/id/graph/entities", "https://data.example.org/kg/id/graph/entities" ; "a graph moves")]
    #[test_case("https://w3id.org/poakg/id/concept/level/3", "https://w3id.org/poakg/id/concept/level/3" ; "a concept stays")]
    #[test_case("https://w3id.org/poakg/id/scheme/sdg", "https://w3id.org/poakg/id/scheme/sdg" ; "a scheme stays")]
    #[test_case("https://w3id.org/poakg/id/asean", "https://w3id.org/poakg/id/asean" ; "asean stays")]
    #[test_case("https://w3id.org/poakg/id/member/th", "https://w3id.org/poakg/id/member/th" ; "a member state stays")]
    #[test_case("https://w3id.org/poakg/ontology#Clause", "https://w3id.org/poakg/ontology#Clause" ; "the ontology stays")]
    #[test_case("http://www.wikidata.org/entity/Q7768", "http://www.wikidata.org/entity/Q7768" ; "others stay")]
    fn what_moves(iri: &str, moved: &str) -> Result<(), BaseError> {
        let base = Base::new("https://data.example.org/kg/")?;
        assert_eq!(base.iri(iri), moved);
        assert_eq!(Base::default().iri(iri), iri);
        let path = base.path_of(moved);
        assert_eq!(path, iri.strip_prefix(vocab::ID));
        Ok(())
    }

    #[test]
    fn a_quad_moves_in_every_position() -> Result<(), BaseError> {
        let base = Base::new("https://data.example.org/kg/")?;
        let n = |s: &str| NamedNode::new_unchecked(s);
        let quad = Quad::new(
            n("https://w3id.org/poakg/id/p/clause/1"),
            n("https://w3id.org/poakg/ontology#inPillar"),
            n("https://w3id.org/poakg/id/p/pillar/1"),
            n("https://w3id.org/poakg/id/graph/p"),
        );
        let moved = base.quad(quad);
        assert_eq!(
            moved.subject.to_string(),
            "<https://data.example.org/kg/id/p/clause/1>"
        );
        assert_eq!(
            moved.predicate.as_str(),
            "https://w3id.org/poakg/ontology#inPillar"
        );
        assert_eq!(
            moved.object.to_string(),
            "<https://data.example.org/kg/id/p/pillar/1>"
        );
        assert_eq!(
            moved.graph_name.to_string(),
            "<https://data.example.org/kg/id/graph/p>"
        );
        Ok(())
    }
}
