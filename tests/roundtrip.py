"""Re-reads poakg's exports with rdflib, an independent RDF parser, and checks
that every format gives the same graph (isomorphic) as the N-Triples export,
and every quad format the same graphs as the N-Quads export.

usage: roundtrip.py DIR   (DIR holds export.nt, .ttl, .jsonld, .rdf, .nq, .trig)
"""
import sys
from pathlib import Path

import rdflib
from rdflib.compare import isomorphic


def graph(path, fmt):
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return g


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
    print(f"{len(ref)} triples in {len(nq)} graphs read back by rdflib {rdflib.__version__}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
