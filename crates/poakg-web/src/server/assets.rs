//! The files the pages load, embedded in the binary so that every page
//! works offline and makes no request to another site: Cytoscape.js at the
//! version pinned in `assets/web/package-lock.json`, and the pages' scripts.

use oxhttp::model::{Body, HeaderName, HeaderValue, Response, StatusCode};

/// (path under `/assets/`, bytes) of every embedded file.
const FILES: &[(&str, &[u8])] = &[
    (
        "cytoscape.min.js",
        include_bytes!("../../assets/web/cytoscape.min.js"),
    ),
    ("network.js", include_bytes!("../../assets/web/network.js")),
    ("query.js", include_bytes!("../../assets/web/query.js")),
];

/// The embedded file at `/assets/NAME`, if there is one.
pub fn get(name: &str) -> Option<Response<Body>> {
    let (_, bytes) = FILES.iter().find(|(n, _)| *n == name)?;
    let mut r = super::http::response(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        bytes.to_vec(),
    );
    // the files change only with the binary
    r.headers_mut().insert(
        HeaderName::from_static("cache-control"),
        HeaderValue::from_static("public, max-age=3600"),
    );
    Some(r)
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    /// The embedded Cytoscape.js is the file `assets/web/update.sh` fetched
    /// at the pinned version (its digest recorded in SHA256SUMS).
    #[test]
    fn embedded_cytoscape_is_the_pinned_build() {
        let sums = include_str!("../../assets/web/SHA256SUMS");
        let (_, bytes) = super::FILES[0];
        let digest: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(
            sums.lines()
                .any(|l| l.starts_with(&digest) && l.ends_with("cytoscape.min.js")),
            "assets/web/cytoscape.min.js does not match SHA256SUMS"
        );
    }
}
