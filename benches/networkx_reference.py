"""The same analyses with networkx, on an edge list written by benches/analysis.rs.

usage: networkx_reference.py EDGES.tsv REPEATS [LIMIT_SECONDS]
Prints one line per analysis: name<TAB>best seconds over REPEATS runs, or
name<TAB>>LIMIT when one run did not finish within LIMIT seconds (networkx's
betweenness sets up a dict over every node for every source, so it is
quadratic in the node count even on a graph of many small components).
"""
import signal
import sys
import time

import networkx as nx


class TooLong(Exception):
    pass


def best(fn, repeats, limit):
    def alarm(signum, frame):
        raise TooLong()

    signal.signal(signal.SIGALRM, alarm)
    times = []
    for _ in range(repeats):
        signal.alarm(limit)
        t = time.perf_counter()
        try:
            fn()
        except TooLong:
            return f">{limit}"
        finally:
            signal.alarm(0)
        times.append(time.perf_counter() - t)
    return min(times)


def main(path, repeats, limit):
    g = nx.Graph()
    with open(path) as f:
        n = int(f.readline())
        g.add_nodes_from(range(n))
        for line in f:
            a, b, w = line.split("\t")
            g.add_edge(int(a), int(b), weight=float(w))
    print(f"pagerank\t{best(lambda: nx.pagerank(g, alpha=0.85, weight=None), repeats, limit)}", flush=True)
    print(f"components\t{best(lambda: list(nx.connected_components(g)), repeats, limit)}", flush=True)
    print(f"betweenness\t{best(lambda: nx.betweenness_centrality(g, normalized=True, endpoints=False), repeats, limit)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 3600)
