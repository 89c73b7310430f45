//! SHACL validation of the store (`poakg validate`) with rudof's `shacl`
//! engine, against `ontology/shapes.ttl` or the user's shapes.
//!
//! The data graph is the union of every graph in the store, the ontology
//! graph included, so that class targets and `sh:class` follow the
//! ontology's `rdfs:subClassOf` links.

use crate::store::KgStore;
use crate::vocab;
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::store::StorageError;
use rudof_rdf::rdf_core::{RDFFormat, SHACLPath};
use rudof_rdf::rdf_impl::{OxigraphInMemory, ReaderMode};
use shacl::ir::IRSchema;
use shacl::types::Severity;
use shacl::validator::processor::{GraphValidation, ShaclProcessor};
use shacl::validator::report::ValidationResult;
use shacl::validator::store::Graph;
use shacl::validator::{ShaclConfig, ShaclValidationMode};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The shapes that ship with poakg.
pub const BUNDLED_SHAPES: &str = include_str!("../ontology/shapes.ttl");

const SH: &str = "http://www.w3.org/ns/shacl#"; // also in vocab::PREFIXES

/// Why validation could not run.
#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    /// The shapes do not parse as Turtle or are not valid SHACL (a panic of
    /// the parser is caught and reported here too).
    #[error("{origin}: not valid SHACL shapes: {message}")]
    Shapes {
        /// The shapes' name, as given to [`parse_shapes`].
        origin: String,
        /// The parser's message, on one line.
        message: String,
    },
    /// Reading the store failed.
    #[error("store: {0}")]
    Storage(#[from] StorageError),
    /// The SHACL engine failed or panicked while loading or validating the
    /// data; carries its message, on one line.
    #[error("the SHACL engine failed on this data: {0}")]
    Engine(String),
}

impl ValidateError {
    /// Whether the user can fix it (their shapes) rather than a failure of
    /// the store or the engine.
    pub fn is_user_error(&self) -> bool {
        matches!(self, ValidateError::Shapes { .. })
    }
}

/// One result of the validation report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// sh:Violation, sh:Warning or sh:Info (local name).
    pub severity: String,
    /// The focus node: the node that does not conform.
    pub focus: Term,
    /// The result path as SPARQL property path text, prefixed names allowed.
    pub path: Option<String>,
    /// The result path's IRI, when the path is one predicate (the report's
    /// `sh:resultPath`; longer paths would need their RDF list form).
    pub path_iri: Option<String>,
    /// The result's message (an untagged one preferred), on one line; empty
    /// when there is none.
    pub message: String,
    /// The value node at fault, when the result names one.
    pub value: Option<Term>,
    /// The constraint component (e.g. `sh:MinCountConstraintComponent`).
    pub component: Term,
    /// The shape that produced the result, when known.
    pub shape: Option<Term>,
}

impl Finding {
    /// Whether it is an `sh:Violation` (the report then does not conform).
    pub fn is_violation(&self) -> bool {
        self.severity == "Violation"
    }
}

/// Parses shapes from Turtle; `origin` names them in errors.
pub fn parse_shapes(origin: &str, turtle: &str) -> Result<IRSchema, ValidateError> {
    let shapes =
        guard(|| IRSchema::from_str(turtle, &RDFFormat::Turtle, None, &ReaderMode::Strict))
            .map_err(|message| ValidateError::Shapes {
                origin: origin.to_owned(),
                message,
            })?;
    shapes.map_err(|e| ValidateError::Shapes {
        origin: origin.to_owned(),
        message: one_line(&e.to_string()),
    })
}

/// Validates every graph of the store, merged, against `shapes`. Findings
/// are sorted and without repeats (the engine may report a result twice).
pub fn validate(store: &KgStore, shapes: &IRSchema) -> Result<Vec<Finding>, ValidateError> {
    let quads: Vec<Quad> = store.inner().iter().collect::<Result<_, _>>()?;
    validate_quads(&quads, shapes)
}

/// Validates the merged graphs of `quads` against `shapes`.
pub fn validate_quads(quads: &[Quad], shapes: &IRSchema) -> Result<Vec<Finding>, ValidateError> {
    let mut data = OxigraphInMemory::new();
    for q in quads {
        data.add_triple_ref(&q.subject, &q.predicate, &q.object)
            .map_err(|e| ValidateError::Engine(one_line(&e.to_string())))?;
    }
    let mut validation = GraphValidation::new(Graph::from(data));
    let config = ShaclConfig::default();
    let report = guard(|| validation.validate(shapes, &ShaclValidationMode::Native, &config))
        .map_err(ValidateError::Engine)?
        .map_err(|e| ValidateError::Engine(one_line(&e.to_string())))?;
    let mut findings: Vec<Finding> = report.results().iter().map(finding).collect();
    findings.sort_by_cached_key(|f| {
        (
            f.focus.to_string(),
            f.path.clone(),
            f.component.to_string(),
            f.value.as_ref().map(ToString::to_string),
            f.message.clone(),
            f.severity.clone(),
        )
    });
    findings.dedup();
    Ok(findings)
}

fn finding(r: &ValidationResult) -> Finding {
    let severity = match r.severity() {
        Severity::Violation => "Violation".to_owned(),
        Severity::Warning => "Warning".to_owned(),
        Severity::Info => "Info".to_owned(),
        Severity::Debug => "Debug".to_owned(),
        Severity::Trace => "Trace".to_owned(),
        Severity::Generic(iri) => iri.as_str().to_owned(),
    };
    // The shape's own sh:message (untagged, else any) over the engine's text.
    let messages = r.message();
    let message = messages
        .iter()
        .find(|(lang, _)| lang.is_none())
        .or_else(|| messages.iter().next())
        .map(|(_, text)| text.clone())
        .unwrap_or_default();
    Finding {
        severity,
        focus: Term::from(r.focus_node().clone()),
        path: r.path().map(path_text),
        path_iri: match r.path() {
            Some(SHACLPath::Predicate { pred }) => Some(pred.as_str().to_owned()),
            _ => None,
        },
        message: one_line(&message),
        value: r.value().cloned().map(Term::from),
        component: Term::from(r.constraint_component().clone()),
        shape: r.source().cloned().map(Term::from),
    }
}

fn path_text(path: &SHACLPath) -> String {
    match path {
        SHACLPath::Predicate { pred } => vocab::display_iri(pred.as_str()),
        other => other.to_string(),
    }
}

/// A term for a report line: prefixed IRIs, literals as in Turtle.
pub fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => vocab::display_iri(n.as_str()),
        other => other.to_string(),
    }
}

/// The findings as a SHACL validation report (sh:ValidationReport), for
/// tools that read the standard vocabulary.
pub fn report_quads(findings: &[Finding]) -> Vec<oxigraph::model::Triple> {
    use oxigraph::model::Triple;
    let sh = |local: &str| NamedNode::new_unchecked(format!("{SH}{local}"));
    let rdf_type = NamedNode::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    let report = BlankNode::new_unchecked("report");
    let mut out = vec![
        Triple::new(report.clone(), rdf_type.clone(), sh("ValidationReport")),
        Triple::new(
            report.clone(),
            sh("conforms"),
            Literal::from(!findings.iter().any(Finding::is_violation)),
        ),
    ];
    for (i, f) in findings.iter().enumerate() {
        let node = BlankNode::new_unchecked(format!("r{i}"));
        let subject = NamedOrBlankNode::from(node.clone());
        out.push(Triple::new(report.clone(), sh("result"), node.clone()));
        out.push(Triple::new(
            subject.clone(),
            rdf_type.clone(),
            sh("ValidationResult"),
        ));
        out.push(Triple::new(
            subject.clone(),
            sh("focusNode"),
            f.focus.clone(),
        ));
        let severity = match f.severity.as_str() {
            s @ ("Violation" | "Warning" | "Info" | "Debug" | "Trace") => sh(s),
            iri => NamedNode::new_unchecked(iri),
        };
        out.push(Triple::new(subject.clone(), sh("resultSeverity"), severity));
        out.push(Triple::new(
            subject.clone(),
            sh("sourceConstraintComponent"),
            f.component.clone(),
        ));
        if !f.message.is_empty() {
            out.push(Triple::new(
                subject.clone(),
                sh("resultMessage"),
                Literal::new_simple_literal(&f.message),
            ));
        }
        if let Some(value) = &f.value {
            out.push(Triple::new(subject.clone(), sh("value"), value.clone()));
        }
        if let Some(path) = f.path_iri.as_deref().and_then(|p| NamedNode::new(p).ok()) {
            out.push(Triple::new(subject.clone(), sh("resultPath"), path));
        }
        if let Some(Term::NamedNode(shape)) = &f.shape {
            out.push(Triple::new(
                subject.clone(),
                sh("sourceShape"),
                shape.clone(),
            ));
        }
    }
    out
}

/// Runs `f`, turning a panic inside the engine into an error message, so that
/// no input reaches a panic of poakg itself.
fn guard<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "internal error".to_owned())
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    const SHAPES: &str = r#"
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
          sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ;
                        sh:datatype xsd:string ; sh:message "a thing has one name" ] ;
          sh:property [ sh:path ex:part ; sh:class ex:Thing ; sh:message "parts are things" ] .
    "#;

    fn quads(turtle: &str) -> Vec<Quad> {
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(turtle.as_bytes())
            .collect::<Result<_, _>>()
            .expect("test Turtle parses")
    }

    fn check(turtle: &str) -> Result<Vec<(String, Option<String>, String)>, ValidateError> {
        let shapes = parse_shapes("test shapes", SHAPES)?;
        Ok(validate_quads(&quads(turtle), &shapes)?
            .into_iter()
            .map(|f| (term_text(&f.focus), f.path, f.message))
            .collect())
    }

    #[test_case::test_case("ex:a a ex:Thing ; ex:name \"A\" .", &[]; "conforming")]
    #[test_case::test_case("ex:a a ex:Thing .", &[("ex:a", "a thing has one name")]; "missing name")]
    #[test_case::test_case("ex:a a ex:Thing ; ex:name \"A\", \"B\" .", &[("ex:a", "a thing has one name")]; "two names")]
    #[test_case::test_case("ex:a a ex:Thing ; ex:name 3 .", &[("ex:a", "a thing has one name")]; "wrong datatype")]
    #[test_case::test_case("ex:a a ex:Thing ; ex:name \"A\" ; ex:part ex:b .", &[("ex:a", "parts are things")]; "part not a thing")]
    fn findings(data: &str, want: &[(&str, &str)]) -> TestResult {
        let got = check(&format!("@prefix ex: <http://example.org/> . {data}"))?;
        let got: Vec<(String, String)> = got
            .into_iter()
            .map(|(focus, _, message)| (focus, message))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(f, m)| {
                (
                    format!("<http://example.org/{}>", f.trim_start_matches("ex:")),
                    m.to_string(),
                )
            })
            .collect();
        assert_eq!(got, want);
        Ok(())
    }

    #[test]
    fn bad_shapes_name_their_origin() {
        let err = parse_shapes("my-shapes.ttl", "this is not turtle").unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("my-shapes.ttl: not valid SHACL shapes"),
            "{text}"
        );
        assert!(!text.contains('\n'));
    }

    #[test]
    fn report_is_standard_shacl() -> TestResult {
        let shapes = parse_shapes("test", SHAPES)?;
        let found = validate_quads(
            &quads("@prefix ex: <http://example.org/> . ex:a a ex:Thing ."),
            &shapes,
        )?;
        let triples = report_quads(&found);
        let text: Vec<String> = triples.iter().map(|t| t.to_string()).collect();
        assert!(
            text.iter().any(|t| t.contains("#conforms> \"false\"")),
            "{text:?}"
        );
        assert!(text
            .iter()
            .any(|t| t.contains("#focusNode> <http://example.org/a>")));
        assert!(text
            .iter()
            .any(|t| t.contains("MinCountConstraintComponent")));
        // the predicate the shape constrains, as the standard names it
        assert!(
            text.iter()
                .any(|t| t.contains("#resultPath> <http://example.org/")),
            "{text:?}"
        );
        Ok(())
    }
}
