"""poakg's stored network analyses recomputed with networkx, for comparison.

usage: networkx_check.py GRAPH.json

GRAPH.json (written by tests/it/analysis_values.rs) holds the co-mention
graph as poakg builds it for the analysis graph and the values poakg stored:

  {"nodes": [iri, ...],            every entity node, named or not
   "edges": [[a, b, weight], ...], weight: the passages naming both
   "betweenness": {iri: x},        poa:betweenness,
   "pagerank": {iri: x},           poa:pageRank,
   "community": {iri: id},         poa:community,
   "component": {iri: id},         poa:component,
   "degree": {iri: n},             poa:degree and
   "weighted_degree": {iri: x}}    poa:weightedDegree of every entity named
                                   at least once (those poakg stores values for)

networkx computes the measures as poakg defines them (src/analysis/metrics.rs):
betweenness unweighted, normalised by 2/((n-1)(n-2)) with n every node of the
graph, endpoints excluded (networkx's default normalisation); PageRank
unweighted, damping 0.85, a dangling node spreading its rank evenly, stopping
when the L1 change is below n * 1e-10; components of the whole graph. The
degrees, plain and weighted, check the edge list itself (the weights are
otherwise used only by the communities). poakg's Leiden partition is scored
by networkx's weighted modularity (resolution 1: what poakg's Leiden
maximises), each node without a stored community (an entity never named,
hence isolated) in a community of its own; networkx's Louvain on the same
weights (seed 7) is scored too, as a reference.

Prints one JSON object (the differences are max over the stored nodes of
|poakg - networkx|) and exits 0; the caller judges the numbers.
"""
import json
import sys

import networkx as nx


def max_diff(stored, computed):
    """The largest |stored - computed| over the stored nodes, and its node."""
    worst, at = 0.0, None
    for node, value in stored.items():
        d = abs(float(value) - computed[node])
        if at is None or d > worst:
            worst, at = d, node
    return worst, at


def pagerank_of(g):
    """networkx's PageRank as poakg defines it, and which code computed it:
    nx.pagerank needs numpy and scipy; without them, networkx's own
    pure-Python power iteration (the same algorithm, kept in networkx as its
    reference implementation)."""
    args = dict(alpha=0.85, weight=None, tol=1e-10, max_iter=1000)
    try:
        return nx.pagerank(g, **args), "nx.pagerank"
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, **args), "networkx _pagerank_python (no numpy/scipy)"


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.Graph()
    g.add_nodes_from(data["nodes"])
    for a, b, w in data["edges"]:
        g.add_edge(a, b, weight=float(w))
    stored = set(data["betweenness"])
    missing = sorted(stored - set(g.nodes))
    if missing:
        raise SystemExit(f"stored values for entities not in the graph: {missing[:5]}")

    betweenness = nx.betweenness_centrality(g, normalized=True, endpoints=False, weight=None)
    pagerank, pagerank_by = pagerank_of(g)
    bc_diff, bc_at = max_diff(data["betweenness"], betweenness)
    pr_diff, pr_at = max_diff(data["pagerank"], pagerank)

    degree_diff, _ = max_diff(data["degree"], dict(g.degree()))
    weighted_diff, _ = max_diff(data["weighted_degree"], dict(g.degree(weight="weight")))

    components = [frozenset(c) for c in nx.connected_components(g)]
    # poakg's components, as sets of the stored nodes, against networkx's
    # restricted to them
    theirs = {}
    for node, c in data.get("component", {}).items():
        theirs.setdefault(c, set()).add(node)
    ours = [c & stored for c in components if c & stored]
    partition_matches = sorted(map(sorted, theirs.values())) == sorted(map(sorted, ours))

    groups = {}
    for node, c in data["community"].items():
        groups.setdefault(c, set()).add(node)
    partition = list(groups.values()) + [{n} for n in g.nodes if n not in data["community"]]
    modularity = nx.community.modularity(g, partition, weight="weight", resolution=1)
    louvain = nx.community.louvain_communities(g, weight="weight", resolution=1, seed=7)

    print(json.dumps({
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "stored_nodes": len(stored),
        "degree_max_diff": degree_diff,
        "weighted_degree_max_diff": weighted_diff,
        "betweenness_max_diff": bc_diff,
        "betweenness_worst_node": bc_at,
        "pagerank_max_diff": pr_diff,
        "pagerank_worst_node": pr_at,
        "pagerank_by": pagerank_by,
        "pagerank_sum_stored": sum(map(float, data["pagerank"].values())),
        "components_networkx": len(components),
        "components_with_stored_nodes": len(ours),
        "components_poakg": len(theirs),
        "component_partition_matches": partition_matches,
        "communities_poakg": len(groups),
        "modularity": modularity,
        "louvain_modularity": nx.community.modularity(g, louvain, weight="weight"),
        "louvain_communities": len(louvain),
    }, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
