"""Re-reads poakg's exports with rdflib, an independent RDF parser, and checks
that every format gives the same graph (isomorphic) as the N-Triples export,
and every quad format the same graphs as the N-Quads export. The JSON-LD
export is also expanded to RDF by pyld (the JSON-LD reference processor's
Python port), and its keys checked to be the context's terms.

usage: roundtrip.py DIR   (DIR holds export.nt, .ttl, .jsonld, .rdf, .nq, .trig)
"""
import sys
from pathlib import Path

import json

import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic


def graph(path, fmt):
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return g


XSD_DOUBLE = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#double")


def split_doubles(g):
    """The graph without its xsd:double triples, and those apart as
    {(subject, predicate): [values]}: pyld writes doubles in its own canonical
    form ("%1.15E", 16 digits) even when the document gives their lexical
    form, so they are compared as numbers, to 1e-14."""
    rest, doubles = rdflib.Graph(), {}
    for s, p, o in g:
        if isinstance(o, rdflib.Literal) and o.datatype == XSD_DOUBLE:
            doubles.setdefault((s, p), []).append(float(o))
        else:
            rest.add((s, p, o))
    return rest, {k: sorted(v) for k, v in doubles.items()}


def same_doubles(a, b):
    return a.keys() == b.keys() and all(
        len(a[k]) == len(b[k])
        and all(abs(x - y) <= 1e-14 * max(abs(x), abs(y), 1e-300) for x, y in zip(a[k], b[k]))
        for k in a
    )


def dataset(path, fmt):
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def main(folder):
    d = Path(folder)
    failures = []
    ref = graph(d / "export.nt", "nt")
    for name, fmt in [("export.ttl", "turtle"), ("export.jsonld", "json-ld"), ("export.rdf", "xml")]:
        g = graph(d / name, fmt)
        if not isomorphic(g, ref):
            failures.append(f"{name}: {len(g)} triples, not isomorphic to the N-Triples export ({len(ref)})")
    doc = json.loads((d / "export.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    g = rdflib.Graph()
    g.parse(data=nquads, format="nt")
    (g_rest, g_doubles), (ref_rest, ref_doubles) = split_doubles(g), split_doubles(ref)
    if not isomorphic(g_rest, ref_rest) or not same_doubles(g_doubles, ref_doubles):
        failures.append(f"export.jsonld through pyld: {len(g)} triples, not isomorphic to the N-Triples export ({len(ref)})")
    if not isinstance(doc.get("@context"), dict) or "@graph" not in doc and "graph" not in doc:
        failures.append("export.jsonld: not a compacted document with an embedded context")
    keys = {k for node in doc.get("graph", doc.get("@graph", [])) for k in node}
    for term in ("prefLabel", "mentions", "inPillar", "notation", "type", "id"):
        if term not in keys:
            failures.append(f"export.jsonld: no {term!r} key (compaction against the context)")
    nq = dataset(d / "export.nq", "nquads")
    trig = dataset(d / "export.trig", "trig")
    if set(nq) != set(trig):
        failures.append(f"graph names differ: {sorted(set(nq) ^ set(trig))}")
    for name in set(nq) & set(trig):
        if not isomorphic(nq[name], trig[name]):
            failures.append(f"graph {name}: TriG and N-Quads differ")
    union = rdflib.Graph()
    for g in nq.values():
        for t in g:
            union.add(t)
    if not isomorphic(union, ref):
        failures.append(f"union of the N-Quads graphs ({len(union)}) differs from the N-Triples export ({len(ref)})")
    for f in failures:
        print(f)
    print(f"{len(ref)} triples in {len(nq)} graphs read back by rdflib {rdflib.__version__} (JSON-LD also by pyld)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
