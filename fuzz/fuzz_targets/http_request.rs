//! Any request to the endpoint (method, path and query string, headers,
//! body), answered by the same handler `poakg serve` uses, over the seed
//! store in memory, with updates allowed. Every answer is a response with
//! a documented status and a content type; a panic or a 500 is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oxhttp::model::{Body, HeaderName, HeaderValue, Method, Request};
use poakg_web::server::{Backing, Endpoint, Options};
use poakg::store::Writer;
use std::sync::LazyLock;
use std::time::Duration;

static ENDPOINT: LazyLock<Endpoint> = LazyLock::new(|| {
    let writer = Writer::begin(&poakg::store::Location::Memory, false).expect("memory store");
    let extractor = poakg::entities::Extractor::bundled().expect("registry");
    let seeds: Vec<poakg::ingest::Input> = poakg::ingest::bundled_sources()
        .into_iter()
        .map(poakg::ingest::Input::Source)
        .collect();
    let store = poakg::ops::build(writer, &seeds, true, poakg::ops::OnBadDocument::Stop, &extractor, &mut |_| {})
        .expect("the seeds build")
        .store;
    Endpoint::new(
        Backing::Writing(Writer::over_memory(store)),
        Options {
            timeout: Duration::from_secs(2),
            allow_update: true,
            max_results: 10_000,
            ..Options::default()
        },
    )
});

const METHODS: [Method; 5] = [Method::GET, Method::POST, Method::OPTIONS, Method::PUT, Method::HEAD];
const HEADERS: [&str; 6] = ["accept", "content-type", "origin", "host", "sec-fetch-site", "content-length"];

fuzz_target!(|data: &[u8]| {
    // layout: method byte, then newline-separated fields: the target, then
    // header values in HEADERS order, then the body
    let Some((&m, rest)) = data.split_first() else {
        return;
    };
    let mut fields = rest.splitn(HEADERS.len() + 2, |&b| b == b'\n');
    let target = String::from_utf8_lossy(fields.next().unwrap_or(b"/"));
    let target = if target.starts_with('/') { target.into_owned() } else { format!("/{target}") };
    let Ok(uri) = format!("http://localhost{target}").parse::<oxhttp::model::Uri>() else {
        return;
    };
    let mut request = Request::new(Body::empty());
    *request.method_mut() = METHODS[usize::from(m) % METHODS.len()].clone();
    *request.uri_mut() = uri;
    for name in HEADERS {
        if let Some(value) = fields.next() {
            if let Ok(value) = HeaderValue::from_bytes(value) {
                request
                    .headers_mut()
                    .insert(HeaderName::from_static(name), value);
            }
        }
    }
    let body = fields.next().unwrap_or_default().to_vec();
    *request.body_mut() = Body::from(body);
    let response = ENDPOINT.handle(&mut request);
    // a status the endpoint documents; never 500, which it sends only for a
    // store failure or a worker that panicked (a bug either way)
    let status = response.status().as_u16();
    assert!(
        matches!(status, 200 | 204 | 400 | 403 | 404 | 405 | 406 | 413 | 415 | 503),
        "status {status} for {:?} {target}",
        request.method()
    );
    // every answer with a body says what it is
    if status != 204 && request.method() != Method::HEAD {
        assert!(
            response.headers().contains_key("content-type"),
            "no content type for {target} ({status})"
        );
    }
});
