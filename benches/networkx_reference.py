"""The same analyses with networkx, on an edge list written by benches/analysis.rs.

usage: networkx_reference.py EDGES.tsv REPEATS
Prints one line per analysis: name<TAB>best seconds over REPEATS runs.
"""
import sys
import time

import networkx as nx


def best(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(path, repeats):
    g = nx.Graph()
    with open(path) as f:
        n = int(f.readline())
        g.add_nodes_from(range(n))
        for line in f:
            a, b, w = line.split("\t")
            g.add_edge(int(a), int(b), weight=float(w))
    print(f"betweenness\t{best(lambda: nx.betweenness_centrality(g, normalized=True, endpoints=False), repeats)}")
    print(f"pagerank\t{best(lambda: nx.pagerank(g, alpha=0.85, weight=None), repeats)}")
    print(f"components\t{best(lambda: list(nx.connected_components(g)), repeats)}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
