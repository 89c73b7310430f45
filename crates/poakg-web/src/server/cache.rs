//! Values read from one published generation of the store, kept until a
//! newer generation is served. A published generation never changes (a
//! build publishes a new one), so what a page reads from all of it, the
//! plans with their counts, need not be read again for every request. A
//! store the endpoint writes (`--allow-update`, `--memory`) is read anew
//! each time: an update may change it.

use super::StoreRef;
use poakg::store::KgStore;
use std::sync::{Arc, Mutex, PoisonError};

/// One value per generation: the newest generation's.
pub struct PerGeneration<T> {
    held: Mutex<Option<Held<T>>>,
}

/// A value and the generation it was read from.
struct Held<T> {
    store: Arc<KgStore>,
    value: Arc<T>,
}

impl<T> Default for PerGeneration<T> {
    fn default() -> Self {
        PerGeneration {
            held: Mutex::new(None),
        }
    }
}

impl<T> PerGeneration<T> {
    /// The value of `store`'s generation: the one kept, else `read` of it
    /// (kept when the generation is published and read-only).
    pub fn get_or_read<E>(
        &self,
        store: &StoreRef,
        read: impl FnOnce(&KgStore) -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let StoreRef::Read(generation) = store else {
            return read(store.kg()).map(Arc::new);
        };
        if let Some(held) = self.lock().as_ref() {
            if Arc::ptr_eq(&held.store, generation) {
                return Ok(held.value.clone());
            }
        }
        // read without the lock: two first requests may both read, and
        // neither waits for the other
        let value = Arc::new(read(generation)?);
        *self.lock() = Some(Held {
            store: generation.clone(),
            value: value.clone(),
        });
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Held<T>>> {
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
