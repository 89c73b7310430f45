//! What a build's writes changed, graph by graph, so that what is derived
//! from the whole store (the dataset description's counts and digests) can
//! be brought up to date from the change instead of re-read from every quad.
//!
//! Once tracking starts, the first write to a named graph (a replacement, a
//! removal, or quads added by the bulk loader) keeps the graph's quads as
//! they were before it: the cost follows the graphs a build writes, not the
//! store.

use super::StoreError;
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The graphs written since tracking began, each with its quads from before
/// its first write (empty for a graph that did not exist).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Graph IRI (under the store's base) -> its quads before the build.
    pub before: BTreeMap<String, Vec<Quad>>,
}

impl Changes {
    /// Whether `graph` (an IRI under the store's base) was written.
    pub fn touched(&self, graph: &str) -> bool {
        self.before.contains_key(graph)
    }
}

/// Keeps [`Changes`] while tracking is on; does nothing otherwise.
#[derive(Debug, Default)]
pub(super) struct Tracker {
    changes: Mutex<Option<Changes>>,
}

impl Tracker {
    /// Starts tracking (again, from nothing).
    pub(super) fn start(&self) {
        if let Ok(mut held) = self.changes.lock() {
            *held = Some(Changes::default());
        }
    }

    /// Stops tracking and gives what changed; None when tracking was off.
    pub(super) fn take(&self) -> Option<Changes> {
        self.changes.lock().ok().and_then(|mut held| held.take())
    }

    /// The graphs written so far, when tracking.
    pub(super) fn touched(&self) -> Option<std::collections::BTreeSet<String>> {
        let held = self.changes.lock().ok()?;
        held.as_ref().map(|c| c.before.keys().cloned().collect())
    }

    /// Notes that `graphs` are about to be written: the first time a graph
    /// is named, its current quads are kept.
    pub(super) fn before_write<'a>(
        &self,
        store: &Store,
        graphs: impl IntoIterator<Item = &'a NamedNode>,
    ) -> Result<(), StoreError> {
        let Ok(mut held) = self.changes.lock() else {
            return Ok(());
        };
        let Some(changes) = held.as_mut() else {
            return Ok(());
        };
        for graph in graphs {
            if changes.before.contains_key(graph.as_str()) {
                continue;
            }
            let quads = store
                .quads_for_pattern(
                    None,
                    None,
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                )
                .collect::<Result<Vec<_>, _>>()?;
            changes.before.insert(graph.as_str().to_owned(), quads);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};

    fn quad(graph: &str, object: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked("https://example.org/s"),
            NamedNode::new_unchecked("https://example.org/p"),
            Literal::new_simple_literal(object),
            GraphName::NamedNode(NamedNode::new_unchecked(graph)),
        )
    }

    #[test]
    fn keeps_each_graph_as_it_was_before_its_first_write() -> Result<(), StoreError> {
        let store = Store::new()?;
        store.insert(&quad("https://example.org/g", "old"))?;
        let tracker = Tracker::default();
        let g = NamedNode::new_unchecked("https://example.org/g");
        let h = NamedNode::new_unchecked("https://example.org/h");
        // not tracking: nothing kept
        tracker.before_write(&store, [&g])?;
        assert_eq!(tracker.take(), None);
        tracker.start();
        tracker.before_write(&store, [&g, &h])?;
        store.insert(&quad("https://example.org/g", "new"))?;
        // a second write keeps the first state
        tracker.before_write(&store, [&g])?;
        let changes = tracker.take().ok_or(StoreError::NoLocation)?;
        assert_eq!(
            changes.before["https://example.org/g"],
            vec![quad("https://example.org/g", "old")]
        );
        assert!(changes.before["https://example.org/h"].is_empty());
        assert!(changes.touched("https://example.org/h"));
        assert!(!changes.touched("https://example.org/k"));
        assert_eq!(tracker.take(), None, "taking stops tracking");
        Ok(())
    }
}
