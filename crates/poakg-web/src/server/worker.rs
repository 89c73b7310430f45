//! The limits every route that touches the store goes through: a slot among
//! `--max-concurrent`, a worker thread, the `--timeout` (with a cancellation
//! token for SPARQL), and a panic reported as a 500 instead of a timeout.

use super::http::{ok, text};
use super::negotiate::Media;
use super::{State, StoreRef};
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::sparql::CancellationToken;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Instant;

/// What a worker hands back: a body in a format, an empty success, or a
/// status with a message.
pub enum Reply {
    Ok(Media, Vec<u8>),
    NoContent,
    Text(StatusCode, String),
}

impl Reply {
    pub fn text(status: StatusCode, message: impl Into<String>) -> Reply {
        Reply::Text(status, message.into())
    }

    fn into_response(self) -> Response<Body> {
        match self {
            Reply::Ok(media, body) => ok(media, body),
            Reply::NoContent => super::http::no_content(),
            Reply::Text(status, message) => text(status, message),
        }
    }
}

/// Holds one of the concurrent slots while alive.
struct Slot(Arc<State>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::SeqCst);
    }
}

fn take_slot(running: &AtomicUsize, max: usize) -> bool {
    if running.fetch_add(1, Ordering::SeqCst) >= max {
        running.fetch_sub(1, Ordering::SeqCst);
        return false;
    }
    true
}

/// What a job gets: the store, and the moment it must stop by.
pub struct Job {
    pub store: StoreRef,
    pub deadline: Instant,
}

impl Job {
    /// Whether the time is up (for loops over quads, which have no token).
    pub fn expired(&self) -> bool {
        Instant::now() >= self.deadline
    }
}

/// Runs `job` on a worker thread within the endpoint's limits. At the
/// timeout the client gets 503 and `token` (if any) is cancelled: Oxigraph
/// checks it as it reads the store, so a runaway query stops; its slot stays
/// taken until it does, so runaways cannot pile up.
pub fn run_limited(
    state: &Arc<State>,
    token: Option<CancellationToken>,
    job: impl FnOnce(&Job) -> Reply + Send + 'static,
) -> Response<Body> {
    if !take_slot(&state.running, state.options.max_concurrent) {
        return text(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many requests running; try again",
        );
    }
    let slot = Slot(Arc::clone(state));
    let store = match state.store() {
        Ok(store) => store,
        Err(e) => {
            return text(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("internal error: {e}"),
            )
        }
    };
    let job_state = Job {
        store,
        deadline: Instant::now() + state.options.timeout,
    };
    let (sender, receiver) = mpsc::channel::<Reply>();
    std::thread::spawn(move || {
        let _slot = slot;
        crate::pages::links::set_request_base(job_state.store.kg().base());
        let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&job_state)))
            .unwrap_or_else(|_| {
                Reply::text(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error: the request's worker failed (see the server log)",
                )
            });
        let _ = sender.send(reply);
    });
    match receiver.recv_timeout(state.options.timeout) {
        Ok(reply) => reply.into_response(),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            if let Some(token) = token {
                token.cancel();
            }
            timed_out(state)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error: the request's worker stopped without answering",
        ),
    }
}

/// The answer at the time limit.
pub fn timed_out(state: &State) -> Response<Body> {
    text(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the request ran past the {}s time limit and was cancelled",
            state.options.timeout.as_secs_f64()
        ),
    )
}

/// The same, as a worker's reply.
pub fn timed_out_reply(state_timeout: std::time::Duration) -> Reply {
    Reply::text(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the request ran past the {}s time limit and was cancelled",
            state_timeout.as_secs_f64()
        ),
    )
}
