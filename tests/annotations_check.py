"""Checks poakg's mentions and classifications as W3C Web Annotations, with
tools independent of poakg: pyld reads the JSON-LD export and frames it per
annotation under the W3C's own context (anno.jsonld), and every framed
annotation is validated by jsonschema against the Web Annotation Data Model's
published JSON schemas (github.com/w3c/web-annotation-tests): every "must"
assertion of annotationMusts.test, and the optional assertions that say the
target is a SpecificResource with a text quote and a text position selector.
Each selector's exact text is then compared with the passage's poa:text at
its position.

usage: annotations_check.py EXPORT.jsonld W3C_TESTS_DIR
  W3C_TESTS_DIR holds annotations/, definitions/ and anno.jsonld.
Prints one summary line; exits 1 with the first failures listed.
"""
import json
import sys
from pathlib import Path

import jsonschema
from pyld import jsonld

ANNO = "http://www.w3.org/ns/anno.jsonld"
POA_TEXT = "https://w3id.org/poakg/ontology#text"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# optional assertions our annotations must meet all the same
FEATURES = [
    "annotations/specificResource/4.2-selectorFound.json",
    "annotations/specificResource/4.2.4-textQuoteSelector.json",
    "annotations/specificResource/4.2.5-textPositionSelector.json",
]


def loader_for(tests):
    context = json.loads((tests / "anno.jsonld").read_text())

    def load(url, options=None):
        if url.rstrip("/") != ANNO:
            raise jsonld.JsonLdError("no network in this check", "loading document failed", {"url": url})
        return {"contextUrl": None, "documentUrl": url, "document": context}

    return load


def annotations(export, tests):
    """The annotations of the export, framed one per object, and the passages'
    texts by IRI."""
    expanded = jsonld.expand(json.loads(Path(export).read_text()))
    dataset = jsonld.to_rdf(expanded)["@default"]
    iri = lambda term: term["value"]
    texts = {iri(t["subject"]): t["object"]["value"] for t in dataset if iri(t["predicate"]) == POA_TEXT}
    # the annotations and what they reach through their target (framing the
    # whole graph would take minutes)
    keep = {iri(t["subject"]) for t in dataset if iri(t["predicate"]) == RDF_TYPE and iri(t["object"]) == OA + "Annotation"}
    for link in ("hasTarget", "hasSelector"):
        keep |= {iri(t["object"]) for t in dataset if iri(t["predicate"]) == OA + link and iri(t["subject"]) in keep}
    mine = {"@default": [t for t in dataset if iri(t["subject"]) in keep]}
    # back to JSON-LD with numbers as JSON numbers, as the W3C's examples have them
    nodes = jsonld.from_rdf(mine, {"useNativeTypes": True})
    frame = {
        # The W3C's context types start and end as xsd:nonNegativeInteger, a
        # coercion JSON-LD applies to strings only: the W3C's own examples
        # ("start": 412) become xsd:integer in RDF, as poakg writes them, and
        # compaction then picks a term only if it has no type. The second
        # context gives start and end that term, so the frame writes them as
        # the examples do; "@context" stays an array holding anno.jsonld.
        "@context": [ANNO, {"start": OA + "start", "end": OA + "end"}],
        "type": "Annotation",
        "target": {"@embed": "@always"},
    }
    options = {"documentLoader": loader_for(tests), "omitGraph": False}
    jsonschema_quiet()
    framed = jsonld.frame({"@graph": nodes}, frame, options)
    return framed["@graph"], texts


def jsonschema_quiet():
    import warnings

    # RefResolver is deprecated in jsonschema 4.18+, still the simplest way
    # to resolve the W3C schemas' relative "$ref"s offline
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def validators(tests):
    definitions = {p.name: json.loads(p.read_text()) for p in (tests / "definitions").glob("*.json")}
    musts = json.loads((tests / "annotations/annotationMusts.test").read_text())["assertions"]
    out = []
    for name in musts + FEATURES:
        schema = json.loads((tests / name).read_text())
        store = dict(definitions)
        store[schema.get("id", name)] = schema
        resolver = jsonschema.RefResolver(base_uri=schema.get("id", ""), referrer=schema, store=store)
        expect = schema.get("expectedResult", "valid")
        out.append((name, jsonschema.Draft4Validator(schema, resolver=resolver), expect))
    return out


def selectors(target):
    found = target.get("selector", [])
    return found if isinstance(found, list) else [found]


def main(export, tests_dir):
    tests = Path(tests_dir)
    framed, texts = annotations(export, tests)
    checks = validators(tests)
    failures, anchored = [], 0
    for annotation in framed:
        annotation = dict(annotation, **{"@context": [ANNO, {"start": OA + "start", "end": OA + "end"}]})
        for name, validator, expect in checks:
            valid = validator.is_valid(annotation)
            if valid != (expect == "valid"):
                failures.append(f"{annotation['id']}: {name} ({expect} expected)")
        target = annotation.get("target", {})
        source = target.get("source") if isinstance(target, dict) else None
        text = texts.get(source)
        by_type = {s.get("type"): s for s in selectors(target) if isinstance(s, dict)}
        position, quote = by_type.get("TextPositionSelector"), by_type.get("TextQuoteSelector")
        if text is None or position is None or quote is None:
            failures.append(f"{annotation['id']}: no passage text or selectors")
            continue
        if not isinstance(position.get("start"), int) or not isinstance(position.get("end"), int):
            failures.append(f"{annotation['id']}: the position selector has no integer start and end")
            continue
        exact = text[position["start"]:position["end"]]
        if exact != quote.get("exact"):
            failures.append(f"{annotation['id']}: text at {position['start']}..{position['end']} is {exact!r}, quote says {quote.get('exact')!r}")
        elif not text[: position["start"]].endswith(quote.get("prefix", "")) or not text[position["end"]:].startswith(quote.get("suffix", "")):
            failures.append(f"{annotation['id']}: prefix or suffix does not surround the quote")
        else:
            anchored += 1
    motivations = {}
    for a in framed:
        motivations[a.get("motivation")] = motivations.get(a.get("motivation"), 0) + 1
    print(json.dumps({"annotations": len(framed), "anchored": anchored, "assertions": len(checks), "motivations": motivations, "failures": len(failures)}))
    if failures or not framed:
        print("\n".join(failures[:20]) or "no annotations found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
