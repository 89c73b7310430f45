//! The analyses, on a [`Network`] and its co-mention graph. Pure functions.

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef as _;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use super::pillars::{
    connectors, dominant_pillars, explained_path, pillar_matrix, ConnectorRank, Step,
};

/// Centrality of every entity in the co-mention graph.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Centrality {
    /// Number of distinct neighbours.
    pub degree: usize,
    /// Sum of the weights of its links: passages shared with each neighbour
    /// (1 for a registry link alone).
    pub weighted_degree: f64,
    /// Normalised betweenness (see [`betweenness`]).
    pub betweenness: f64,
    /// PageRank, damping 0.85 (see [`pagerank`]).
    pub pagerank: f64,
}

/// Degree, weighted degree, betweenness and PageRank of every node of a
/// co-mention graph, by node index.
pub fn centrality(graph: &UnGraph<usize, f64>) -> Vec<Centrality> {
    let betweenness = betweenness(graph);
    let pagerank = pagerank(graph, 0.85, 100, 1e-10);
    graph
        .node_indices()
        .map(|n| Centrality {
            degree: graph.neighbors(n).collect::<BTreeSet<_>>().len(),
            weighted_degree: graph.edges(n).map(|e| *e.weight()).sum(),
            betweenness: betweenness.get(n.index()).copied().unwrap_or(0.0),
            pagerank: pagerank.get(n.index()).copied().unwrap_or(0.0),
        })
        .collect()
}

/// Normalised betweenness (endpoints excluded, as networkx's default), by
/// rustworkx-core's Brandes run on each connected component separately.
///
/// Brandes' algorithm sets up arrays over the whole graph for every source
/// node, which makes it quadratic in the node count even when the graph falls
/// apart into many small components, as networks of many plans do. Shortest
/// paths never leave a component, so each component's raw scores are its
/// share of the whole; they are rescaled by the whole graph's 2/((n-1)(n-2)).
pub fn betweenness(graph: &UnGraph<usize, f64>) -> Vec<f64> {
    let n = graph.node_count();
    let mut out = vec![0.0; n];
    if n < 3 {
        return out;
    }
    let scale = 2.0 / ((n - 1) as f64 * (n - 2) as f64);
    let mut component_of = vec![usize::MAX; n];
    let components = components(graph);
    for (c, members) in components.iter().enumerate() {
        for &m in members {
            component_of[m] = c;
        }
    }
    let mut local = vec![0usize; n];
    let mut subgraphs: Vec<UnGraph<(), ()>> = components
        .iter()
        .map(|members| {
            let mut g = UnGraph::with_capacity(members.len(), members.len());
            for (i, &m) in members.iter().enumerate() {
                local[m] = i;
                g.add_node(());
            }
            g
        })
        .collect();
    for e in graph.edge_references() {
        let (a, b) = (e.source(), e.target());
        let c = component_of[a.index()];
        subgraphs[c].add_edge(
            NodeIndex::new(local[a.index()]),
            NodeIndex::new(local[b.index()]),
            (),
        );
    }
    for (members, sub) in components.iter().zip(&subgraphs) {
        if members.len() < 3 {
            continue;
        }
        // serial: in parallel, shares are summed in the order threads end,
        // so last digits moved from build to build (209 scores at 100 plans)
        let raw = rustworkx_core::centrality::betweenness_centrality(sub, false, false, usize::MAX);
        for (i, &m) in members.iter().enumerate() {
            out[m] = raw.get(i).copied().flatten().unwrap_or(0.0) * scale;
        }
    }
    out
}

/// PageRank by power iteration on a petgraph graph, as networkx computes it
/// (`nx.pagerank(g, alpha, weight=None)`): links unweighted, a dangling node
/// spreads its rank evenly, stop when the L1 change is below `tol` × n.
///
/// Not `petgraph::algo::page_rank`: that one scans every pair of nodes in
/// every iteration (O(|V|²|E|), hours on a graph of 100,000 nodes) and leaves
/// out the teleport share of linked nodes, so its scores differ from the
/// standard definition.
pub fn pagerank(graph: &UnGraph<usize, f64>, damping: f64, max_iter: usize, tol: f64) -> Vec<f64> {
    let n = graph.node_count();
    if n == 0 {
        return Vec::new();
    }
    let degree: Vec<f64> = graph
        .node_indices()
        .map(|v| graph.edges(v).count() as f64)
        .collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..max_iter {
        let dangling: f64 = (0..n).filter(|&v| degree[v] == 0.0).map(|v| rank[v]).sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        let mut next = vec![base; n];
        for e in graph.edge_references() {
            let (a, b) = (e.source().index(), e.target().index());
            next[b] += damping * rank[a] / degree[a];
            if a != b {
                next[a] += damping * rank[b] / degree[b];
            }
        }
        let change: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        rank = next;
        if change < tol * n as f64 {
            break;
        }
    }
    rank
}

/// Entities whose removal disconnects the network, sorted.
pub fn articulation_points(graph: &UnGraph<usize, f64>) -> Vec<usize> {
    let mut points: Vec<usize> = rustworkx_core::connectivity::articulation_points(graph, None)
        .into_iter()
        .map(|n| n.index())
        .collect();
    points.sort_unstable();
    points
}

/// A link between two entities (indices into the network's entities), the
/// lower index first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Link {
    /// The entity of the lower index.
    pub from: usize,
    /// The other.
    pub to: usize,
}

/// Links whose removal disconnects the network, sorted.
pub fn bridges(graph: &UnGraph<usize, f64>) -> Vec<Link> {
    let mut out: Vec<Link> = rustworkx_core::connectivity::bridges(graph)
        .into_iter()
        .map(|(a, b)| Link {
            from: a.index().min(b.index()),
            to: a.index().max(b.index()),
        })
        .collect();
    out.sort_unstable();
    out
}

/// A partition of the nodes into connected components, held flat: every
/// member in one vector, grouped by component (largest first, ties by first
/// member), each group sorted. A handful of allocations whatever the number
/// of components, where a vector per component made the many singletons of
/// a plan's network cost more than the search itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Components {
    members: Vec<usize>,
    /// Component `i` is `members[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
}

impl Components {
    /// The number of components.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no components (the graph has no nodes).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The members of component `i`, sorted.
    pub fn get(&self, i: usize) -> &[usize] {
        &self.members[self.starts[i]..self.starts[i + 1]]
    }

    /// The components, largest first.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The components as owned vectors, largest first, each sorted.
    pub fn to_vecs(&self) -> Vec<Vec<usize>> {
        self.iter().map(<[usize]>::to_vec).collect()
    }
}

/// Connected components by a depth-first labelling over the graph's
/// adjacency: linear, no hashing. Components are numbered in order of their
/// smallest node, so one scan of the labels, placing each node at its
/// component's next free slot, gathers every component already sorted.
pub fn components(graph: &UnGraph<usize, f64>) -> Components {
    const UNSEEN: u32 = u32::MAX;
    let n = graph.node_count();
    let mut label = vec![UNSEEN; n];
    let mut sizes: Vec<usize> = Vec::new();
    let mut stack: Vec<NodeIndex> = Vec::with_capacity(n);
    for start in 0..n {
        if label[start] != UNSEEN {
            continue;
        }
        let id = sizes.len() as u32;
        label[start] = id;
        let mut size = 0;
        stack.push(NodeIndex::new(start));
        while let Some(v) = stack.pop() {
            size += 1;
            for w in graph.neighbors(v) {
                let seen = &mut label[w.index()];
                if *seen == UNSEEN {
                    *seen = id;
                    stack.push(w);
                }
            }
        }
        sizes.push(size);
    }
    // largest first; equal sizes keep the order of their first members
    let mut order: Vec<u32> = (0..sizes.len() as u32).collect();
    order.sort_unstable_by_key(|&c| (std::cmp::Reverse(sizes[c as usize]), c));
    let mut next = vec![0usize; sizes.len()];
    let mut starts = Vec::with_capacity(sizes.len() + 1);
    let mut at = 0;
    for &c in &order {
        starts.push(at);
        next[c as usize] = at;
        at += sizes[c as usize];
    }
    starts.push(at);
    let mut members = vec![0; n];
    for (v, &c) in label.iter().enumerate() {
        let slot = &mut next[c as usize];
        members[*slot] = v;
        *slot += 1;
    }
    Components { members, starts }
}

/// Communities by the Leiden algorithm (crate `leiden-rs`, modularity, fixed
/// seed so that reports are reproducible). Returns a community number per
/// node, numbered by size (0 the largest, ties by first member).
pub fn communities(graph: &UnGraph<usize, f64>) -> Vec<usize> {
    let n = graph.node_count();
    let raw: Vec<usize> = match leiden_rs::from_petgraph(graph) {
        Ok(data) if graph.edge_count() > 0 => {
            let config = leiden_rs::LeidenConfig {
                seed: Some(7),
                ..Default::default()
            };
            match leiden_rs::Leiden::new(config).run(&data) {
                Ok(result) => (0..n).map(|i| result.partition.community_of(i)).collect(),
                Err(_) => (0..n).collect(),
            }
        }
        _ => (0..n).collect(),
    };
    // Isolated nodes are communities of their own whatever the algorithm says.
    let raw: Vec<usize> = raw
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if graph.neighbors(NodeIndex::new(i)).next().is_none() {
                n + i
            } else {
                c
            }
        })
        .collect();
    let mut first: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // label -> (size, first member)
    for (i, &c) in raw.iter().enumerate() {
        let e = first.entry(c).or_insert((0, i));
        e.0 += 1;
    }
    let mut order: Vec<(usize, usize, usize)> = first
        .into_iter()
        .map(|(c, (size, at))| (c, size, at))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let rank: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(r, (c, _, _))| (*c, r))
        .collect();
    raw.iter().map(|c| rank[c]).collect()
}

/// How far one labelling follows another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    /// Normalised mutual information, in [0, 1].
    pub nmi: f64,
    /// Purity of the first labelling against the second, in [0, 1].
    pub purity: f64,
}

/// Normalised mutual information between two labellings (arithmetic mean
/// normalisation, as scikit-learn's default), and purity of `a` against `b`.
/// Sums run in label order, so the figures are the same to the last digit
/// from run to run (a hash map's order made them differ).
pub fn nmi_and_purity(a: &[usize], b: &[usize]) -> Agreement {
    let n = a.len() as f64;
    if a.is_empty() {
        return Agreement {
            nmi: 0.0,
            purity: 0.0,
        };
    }
    let mut joint: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut pa: BTreeMap<usize, f64> = BTreeMap::new();
    let mut pb: BTreeMap<usize, f64> = BTreeMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *joint.entry((x, y)).or_default() += 1.0;
        *pa.entry(x).or_default() += 1.0;
        *pb.entry(y).or_default() += 1.0;
    }
    let entropy =
        |p: &BTreeMap<usize, f64>| -p.values().map(|c| (c / n) * (c / n).ln()).sum::<f64>();
    let mi: f64 = joint
        .iter()
        .map(|((x, y), c)| (c / n) * ((c * n) / (pa[x] * pb[y])).ln())
        .sum();
    let (ha, hb) = (entropy(&pa), entropy(&pb));
    let nmi = if ha + hb == 0.0 {
        1.0
    } else {
        2.0 * mi / (ha + hb)
    };
    let mut best: BTreeMap<usize, f64> = BTreeMap::new();
    for ((x, _), c) in &joint {
        let e = best.entry(*x).or_default();
        *e = e.max(*c);
    }
    Agreement {
        nmi: nmi.clamp(0.0, 1.0),
        purity: best.values().sum::<f64>() / n,
    }
}

/// Helper for tests and reports: a graph from an edge list over `n` nodes.
pub fn graph_from_edges(n: usize, edges: &[(usize, usize, f64)]) -> UnGraph<usize, f64> {
    let mut g = UnGraph::with_capacity(n, edges.len());
    for i in 0..n {
        g.add_node(i);
    }
    for &(a, b, w) in edges {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), w);
    }
    g
}
