"""What a researcher would script instead of poakg, on the same triples.

usage: peer_reference.py DATA.nt QUERIES_DIR
Loads the N-Triples into rdflib, runs the shipped clauses-per-pillar query and
the mentions query, builds the entity co-mention network (two entities linked
when one passage names both) and runs networkx betweenness, PageRank and
connected components on it. Prints one line per step: name<TAB>seconds, and
total<TAB>seconds. It parses no plan text: the triples are poakg's own output.
"""
import sys
import time
from itertools import combinations

import networkx as nx
import rdflib

MENTIONS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX poa: <https://w3id.org/poakg/ontology#>
SELECT ?passage ?entity WHERE { ?m a poa:Mention ; oa:hasBody ?entity ; oa:hasTarget ?passage }
"""


def main(path, queries):
    steps = []
    t0 = time.perf_counter()

    def step(name, t):
        steps.append((name, time.perf_counter() - t))

    t = time.perf_counter()
    g = rdflib.Graph()
    g.parse(path, format="nt")
    step("load", t)

    t = time.perf_counter()
    with open(f"{queries}/clauses-per-pillar.rq", encoding="utf-8") as f:
        rows = list(g.query(f.read()))
    step(f"clauses-per-pillar ({len(rows)} rows)", t)

    t = time.perf_counter()
    by_passage = {}
    for passage, entity in g.query(MENTIONS):
        by_passage.setdefault(passage, set()).add(entity)
    step(f"mentions ({sum(len(v) for v in by_passage.values())} pairs)", t)

    t = time.perf_counter()
    net = nx.Graph()
    for entities in by_passage.values():
        net.add_nodes_from(entities)
        net.add_edges_from(combinations(sorted(entities), 2))
    step(f"network ({net.number_of_nodes()} nodes, {net.number_of_edges()} edges)", t)

    t = time.perf_counter()
    nx.betweenness_centrality(net)
    step("betweenness", t)
    t = time.perf_counter()
    nx.pagerank(net)
    step("pagerank", t)
    t = time.perf_counter()
    list(nx.connected_components(net))
    step("components", t)

    for name, s in steps:
        print(f"{name}\t{s:.3f}")
    print(f"total\t{time.perf_counter() - t0:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
