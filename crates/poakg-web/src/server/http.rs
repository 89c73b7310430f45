//! HTTP plumbing of the endpoint: responses, request parameters and bodies,
//! and the cross-origin policy (CORS for reads, no cross-site writes).

use oxhttp::model::{Body, HeaderName, HeaderValue, Request, Response, StatusCode};
use std::io::Read;

use super::negotiate::Media;

/// A plain-text answer (errors and short notes).
pub fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    response(
        status,
        "text/plain; charset=utf-8",
        format!("{}\n", message.into()).into_bytes(),
    )
}

/// A 200 answer in a negotiated format.
pub fn ok(media: Media, body: Vec<u8>) -> Response<Body> {
    response(StatusCode::OK, media.content_type(), body)
}

/// A 204 answer.
pub fn no_content() -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NO_CONTENT;
    r
}

/// An answer with a status, a content type and a body.
pub fn response(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        HeaderName::from_static("content-type"),
        HeaderValue::from_static(content_type),
    );
    r
}

/// A request header as text, if present and printable.
pub fn header<'a>(request: &'a Request<Body>, name: &str) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

/// Decodes `application/x-www-form-urlencoded` pairs.
pub fn form(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect()
}

/// The first value of a form or query-string parameter.
pub fn param(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// The content type without parameters, lower-cased.
pub fn content_type(request: &Request<Body>) -> String {
    header(request, "content-type")
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Reads the body, refusing more than `max` bytes with 413.
pub fn read_body(request: &mut Request<Body>, max: usize) -> Result<String, Response<Body>> {
    let too_large = || {
        text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over {max} bytes"),
        )
    };
    let declared = header(request, "content-length").and_then(|l| l.parse::<u64>().ok());
    let max64 = u64::try_from(max).unwrap_or(u64::MAX);
    if declared.is_some_and(|d| d > max64) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    // one byte more than allowed tells an over-long body from a full one;
    // saturating: `--max-body` may be as large as the type allows
    let mut limited = request.body_mut().take(max64.saturating_add(1));
    if let Err(e) = limited.read_to_end(&mut bytes) {
        return Err(text(
            StatusCode::BAD_REQUEST,
            format!("cannot read the body: {e}"),
        ));
    }
    if bytes.len() > max {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| text(StatusCode::BAD_REQUEST, "the body is not UTF-8"))
}

/// Whether a request comes from a page of another site. Browsers send
/// `Origin` (and `Sec-Fetch-Site`) with every POST, including the form posts
/// they send without a preflight; tools such as curl send neither.
pub fn is_cross_site(request: &Request<Body>) -> bool {
    if let Some(site) = header(request, "sec-fetch-site") {
        if !matches!(site.trim(), "same-origin" | "none") {
            return true;
        }
    }
    let Some(origin) = request.headers().get("origin") else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    let origin_host = origin
        .trim()
        .strip_prefix("http://")
        .or_else(|| origin.trim().strip_prefix("https://"))
        .map(|h| h.trim_end_matches('/'));
    let host = header(request, "host").map(str::trim);
    match (origin_host, host) {
        (Some(o), Some(h)) => !o.eq_ignore_ascii_case(h),
        _ => true, // "null", or no Host to compare with
    }
}

/// CORS headers, for answers that only read: any page may read the public
/// data (a SPARQL client such as YASGUI), none may write.
pub fn add_cors(response: &mut Response<Body>) {
    let headers = response.headers_mut();
    headers.insert(
        HeaderName::from_static("access-control-allow-origin"),
        HeaderValue::from_static("*"),
    );
    headers.insert(
        HeaderName::from_static("access-control-allow-methods"),
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        HeaderName::from_static("access-control-allow-headers"),
        HeaderValue::from_static("Content-Type, Accept"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&'static str, &'static str)]) -> Request<Body> {
        let mut r = Request::new(Body::empty());
        for (k, v) in headers {
            r.headers_mut()
                .insert(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        r
    }

    #[test]
    fn cross_site_requests_are_told_apart() {
        assert!(!is_cross_site(&request(&[])), "curl sends no Origin");
        assert!(!is_cross_site(&request(&[
            ("origin", "http://127.0.0.1:7878"),
            ("host", "127.0.0.1:7878")
        ])));
        assert!(is_cross_site(&request(&[
            ("origin", "http://evil.example"),
            ("host", "127.0.0.1:7878")
        ])));
        assert!(is_cross_site(&request(&[
            ("origin", "null"),
            ("host", "127.0.0.1:7878")
        ])));
        assert!(is_cross_site(&request(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_cross_site(&request(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
    }
}
