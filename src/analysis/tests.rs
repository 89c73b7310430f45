//! The analyses on small hand-made graphs whose answers are worked out on paper.

use super::metrics::*;
use super::*;

/// Two triangles joined by one edge (2-3):
///   0-1, 1-2, 0-2 ; 3-4, 4-5, 3-5 ; 2-3
fn barbell() -> UnGraph<usize, f64> {
    graph_from_edges(
        6,
        &[
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (3, 5, 1.0),
            (2, 3, 1.0),
        ],
    )
}

#[test]
fn barbell_bridges_articulation_and_betweenness() {
    let g = barbell();
    assert_eq!(articulation_points(&g), [2, 3]);
    assert_eq!(bridges(&g), [Link { from: 2, to: 3 }]);
    let c = centrality(&g);
    // node 2 lies on the shortest paths from {0,1} to {3,4,5}: 2*3 = 6 pairs
    // out of (5*4)/2 = 10 possible, normalised: 6/10.
    assert!(
        (c[2].betweenness - 0.6).abs() < 1e-9,
        "{}",
        c[2].betweenness
    );
    assert!((c[0].betweenness - 0.0).abs() < 1e-9);
    assert_eq!(c[2].degree, 3);
    assert_eq!(c[0].degree, 2);
    // symmetric graph: symmetric PageRank, summing to 1
    let total: f64 = c.iter().map(|x| x.pagerank).sum();
    assert!((total - 1.0).abs() < 1e-6);
    assert!((c[0].pagerank - c[5].pagerank).abs() < 1e-9);
    assert!(c[2].pagerank > c[0].pagerank);
}

#[test]
fn betweenness_per_component_equals_the_whole_graph_computation() {
    // a barbell, a path of four, an isolated node, an edge
    let g = graph_from_edges(
        13,
        &[
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (3, 5, 1.0),
            (2, 3, 1.0),
            (6, 7, 1.0),
            (7, 8, 1.0),
            (8, 9, 1.0),
            (11, 12, 1.0),
        ],
    );
    let whole = rustworkx_core::centrality::betweenness_centrality(&g, false, true, 200);
    let split = betweenness(&g);
    for (i, (w, s)) in whole.iter().zip(&split).enumerate() {
        assert!(
            (w.unwrap_or(0.0) - s).abs() < 1e-12,
            "node {i}: {w:?} vs {s}"
        );
    }
    assert!(split[7] > 0.0 && split[2] > split[0]);
}

#[test]
fn pagerank_matches_networkx() {
    // networkx 3: nx.pagerank(nx.path_graph(3), alpha=0.85, weight=None)
    // -> {0: 0.2567567..., 1: 0.4864864..., 2: 0.2567567...}
    let g = graph_from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
    let pr = pagerank(&g, 0.85, 100, 1e-12);
    assert!((pr[0] - 0.256_756_756).abs() < 1e-6, "{pr:?}");
    assert!((pr[1] - 0.486_486_486).abs() < 1e-6, "{pr:?}");
    // an isolated node keeps its share through the dangling-node rule
    let g = graph_from_edges(3, &[(0, 1, 1.0)]);
    let pr = pagerank(&g, 0.85, 100, 1e-12);
    assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!((pr[0] - pr[1]).abs() < 1e-12);
}

#[test]
fn components_and_communities() {
    // a triangle, an edge, an isolated node
    let g = graph_from_edges(6, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0)]);
    assert_eq!(
        components(&g).to_vecs(),
        vec![vec![0, 1, 2], vec![3, 4], vec![5]]
    );
    let c = communities(&g);
    assert_eq!(c[0], c[1]);
    assert_eq!(c[1], c[2]);
    assert_eq!(c[3], c[4]);
    assert_ne!(c[0], c[3]);
    assert_ne!(c[5], c[0]);
    // the barbell splits into its two triangles
    let b = communities(&barbell());
    assert_eq!(b[0], b[1]);
    assert_eq!(b[3], b[4]);
    assert_ne!(b[0], b[4]);
}

#[test_case::test_case(5, &[(4, 0), (2, 3)], &[&[0, 4], &[2, 3], &[1]]; "ties by first member")]
#[test_case::test_case(4, &[(3, 2), (2, 1), (1, 0)], &[&[0, 1, 2, 3]]; "a path given backwards")]
#[test_case::test_case(3, &[], &[&[0], &[1], &[2]]; "no links")]
#[test_case::test_case(0, &[], &[]; "empty graph")]
#[test_case::test_case(6, &[(5, 4), (0, 5)], &[&[0, 4, 5], &[1], &[2], &[3]]; "members sorted")]
fn components_table(n: usize, edges: &[(usize, usize)], want: &[&[usize]]) {
    let edges: Vec<(usize, usize, f64)> = edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
    let got = components(&graph_from_edges(n, &edges)).to_vecs();
    let want: Vec<Vec<usize>> = want.iter().map(|c| c.to_vec()).collect();
    assert_eq!(got, want);
}

#[test]
fn nmi_of_identical_and_independent_labellings() {
    let same = nmi_and_purity(&[0, 0, 1, 1], &[5, 5, 7, 7]);
    assert!((same.nmi - 1.0).abs() < 1e-9 && (same.purity - 1.0).abs() < 1e-9);
    let apart = nmi_and_purity(&[0, 1, 0, 1], &[0, 0, 1, 1]);
    assert!(apart.nmi.abs() < 1e-9, "{}", apart.nmi);
    assert!((apart.purity - 0.5).abs() < 1e-9);
}

#[test]
fn nmi_is_the_same_to_the_last_digit_every_time() {
    // many labels, so that a hash map's order would change the sums
    let a: Vec<usize> = (0..400).map(|i| (i * 7 + i / 13) % 37).collect();
    let b: Vec<usize> = (0..400).map(|i| (i * 11 + i / 5) % 23).collect();
    let first = nmi_and_purity(&a, &b);
    for _ in 0..50 {
        let again = nmi_and_purity(&a, &b);
        assert_eq!(again.nmi.to_bits(), first.nmi.to_bits());
        assert_eq!(again.purity.to_bits(), first.purity.to_bits());
    }
}

/// Passages p0 (pillar 1) naming A, B; p1 (pillar 2) naming B, C; p2 (pillar 2) naming D.
fn small_network() -> Network {
    let passage = |key: &str, pillar: &str| Passage {
        iri: format!("p:{key}"),
        key: key.into(),
        pillar: Some(pillar.into()),
        section: None,
        position: 0,
        text: String::new(),
        plan: None,
        document: "d".into(),
        is_activity: false,
    };
    let entity = |label: &str, alt: &[&str]| EntityNode {
        iri: format!("e:{label}"),
        label: label.into(),
        class: crate::entities::EntityClass::Mechanism,
        alt_labels: alt.iter().map(|s| s.to_string()).collect(),
    };
    Network {
        passages: vec![
            passage("1.1.1", "1"),
            passage("2.1.1", "2"),
            passage("2.1.2", "2"),
        ],
        entities: vec![
            entity("Alpha Forum", &["AF"]),
            entity("Beta Summit", &[]),
            entity("Gamma Plan", &[]),
            entity("Delta Fund", &[]),
        ],
        mentions: [(0, 0), (0, 1), (1, 1), (1, 2), (2, 3)]
            .into_iter()
            .map(|(passage, entity)| Naming { passage, entity })
            .collect(),
        hierarchy: vec![RegistryLink {
            child: 3,
            parent: 0,
        }],
        pillar_titles: [
            ("1".to_string(), "One".to_string()),
            ("2".to_string(), "Two".to_string()),
        ]
        .into_iter()
        .collect(),
    }
}

#[test]
fn spans_connectors_and_matrix() {
    let net = small_network();
    assert_eq!(
        net.pillar_span(1).into_iter().collect::<Vec<_>>(),
        ["1", "2"]
    );
    let conn = connectors(&net);
    assert_eq!(conn.len(), 1);
    assert_eq!(conn[0].entity, 1);
    let m = pillar_matrix(&net);
    assert_eq!(m[&("1".to_string(), "2".to_string())], [1]);
    assert_eq!(m[&("2".to_string(), "2".to_string())], [1, 2, 3]);
}

#[test]
fn comention_weights_and_hierarchy_option() {
    let net = small_network();
    let g = net.comention_graph(false);
    assert_eq!(g.edge_count(), 2);
    let h = net.comention_graph(true);
    assert_eq!(h.edge_count(), 3);
}

#[test]
fn explained_path_goes_through_the_clauses() {
    let net = small_network();
    let path = explained_path(&net, 0, 2).expect("a path");
    let steps: Vec<(usize, Option<usize>)> = path.iter().map(|s| (s.entity, s.via)).collect();
    assert_eq!(steps, [(0, Some(0)), (1, Some(1)), (2, None)]);
    assert!(explained_path(&net, 0, 3).is_none());
}

#[test]
fn names_resolve_case_insensitively_with_suggestions() {
    let net = small_network();
    assert_eq!(net.find("alpha forum"), Some(0));
    assert_eq!(net.find("af"), Some(0));
    assert_eq!(net.find("Gama Plan"), None);
    assert_eq!(net.nearest("Gama Plan", 1), ["Gamma Plan"]);
}
