//! A `poakg serve` on a free loopback port for the endpoint tests, and the
//! requests they send.

use super::http::{self, Response};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server on a free loopback port, killed when dropped.
pub struct Served {
    pub child: Child,
    pub base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `poakg --memory serve` with `extra` flags.
pub fn serve(extra: &[&str]) -> Result<Served, Box<dyn std::error::Error>> {
    serve_store(&["--memory"], extra)
}

/// `poakg STORE serve --bind ... EXTRA`, where `store` is `--memory` or
/// `--store DIR`; waits until /health answers.
pub fn serve_store(store: &[&str], extra: &[&str]) -> Result<Served, Box<dyn std::error::Error>> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let bind = format!("127.0.0.1:{port}");
    let child = Command::new(super::poakg_binary())
        .args(store)
        .args(["serve", "--bind", &bind])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let served = Served {
        child,
        base: format!("http://{bind}"),
    };
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if get(&served, "/health", None).is_ok_and(|(s, _, _)| s == 200) {
            return Ok(served);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("the server did not come up".into())
}

/// Status, content type, body.
pub type Reply = (u16, String, String);

pub fn reply(r: Response) -> Reply {
    let ct = r.header("content-type").unwrap_or("").to_owned();
    (r.status, ct, r.body)
}

pub fn get(s: &Served, path: &str, accept: Option<&str>) -> std::io::Result<Reply> {
    let headers: Vec<(&str, &str)> = accept.map(|a| ("Accept", a)).into_iter().collect();
    http::request(&s.base, "GET", path, &headers, b"").map(reply)
}

pub fn post(
    s: &Served,
    content_type: &str,
    body: impl Into<Vec<u8>>,
    accept: &str,
) -> std::io::Result<Reply> {
    http::request(
        &s.base,
        "POST",
        "/sparql",
        &[("Content-Type", content_type), ("Accept", accept)],
        &body.into(),
    )
    .map(reply)
}

pub fn encode(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}
