//! Outside programs the tests and the load benchmark start: Oxigraph's
//! server (oxigraph-cli), and free loopback ports to run them on.

use std::path::PathBuf;

/// The `oxigraph` binary: $POAKG_OXIGRAPH, then ~/.cache/poakg/tools/bin
/// (where .ci/run installs it), then PATH.
pub fn oxigraph_binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("POAKG_OXIGRAPH") {
        return Some(PathBuf::from(p));
    }
    if let Some(home) = std::env::var_os("HOME") {
        let p = PathBuf::from(home).join(".cache/poakg/tools/bin/oxigraph");
        if p.is_file() {
            return Some(p);
        }
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("oxigraph"))
        .find(|p| p.is_file())
}

/// A loopback port nobody listens on (bound, read, released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}
