//! Authentication of the pushes: HTTP Basic, or HTTP Digest (RFC 7616, by
//! the digest_auth crate) when the server challenges for it, as Virtuoso's
//! Graph Store endpoint does.

use super::PushError;
use base64::Engine as _;
use oxhttp::model::header::{AUTHORIZATION, CONTENT_TYPE};
use oxhttp::model::{Method, Request};

/// The credentials, and the Digest challenge once a server sent one.
pub(super) struct Auth<'a> {
    pub(super) user: &'a str,
    pub(super) password: &'a str,
    pub(super) digest: Option<digest_auth::WwwAuthenticateHeader>,
}

impl Auth<'_> {
    /// The Authorization header of a PUT of `body` to `url`: Basic, or the
    /// answer to the server's Digest challenge.
    fn header(&mut self, method: &str, url: &str, body: &[u8]) -> Result<String, String> {
        let Some(prompt) = self.digest.as_mut() else {
            let pair = format!("{}:{}", self.user, self.password);
            return Ok(format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            ));
        };
        let mut context =
            digest_auth::AuthContext::new(self.user, self.password, request_target(url));
        context.method = digest_auth::HttpMethod::from(method);
        context.body = Some(std::borrow::Cow::Borrowed(body));
        prompt
            .respond(&context)
            .map(|answer| answer.to_header_string())
            .map_err(|e| format!("cannot answer the server's Digest challenge: {e}"))
    }

    /// Asks the server which scheme it wants before any data is sent: a
    /// server that wants Digest (Virtuoso) answers a PUT with Basic by 401
    /// and closes the connection while the body is still on its way. HEAD
    /// reads nothing and changes nothing, and sends no password; whatever it
    /// answers, the PUTs then report the server's real answer.
    pub(super) fn probe(&mut self, client: &oxhttp::Client, url: &str) -> Result<(), PushError> {
        // without credentials, as curl's --anyauth asks: Virtuoso answers
        // Basic credentials with a 401 that carries no challenge
        let head = |authorization: Option<String>| {
            let mut request = Request::builder().method(Method::HEAD).uri(url);
            if let Some(value) = authorization {
                request = request.header(AUTHORIZATION, value);
            }
            request
                .body(Vec::new())
                .ok()
                .and_then(|r| client.request(r).ok())
        };
        let Some(response) = head(None) else {
            return Ok(());
        };
        if response.status().as_u16() != 401 || !self.challenged(&response) {
            return Ok(());
        }
        // the Digest answer, tried before any data goes: a server that
        // refuses it closes the connection while a PUT's body is on its way
        let answer = self.header("HEAD", url, b"").ok();
        match head(answer) {
            Some(response) if response.status().as_u16() == 401 => Err(PushError::Refused {
                url: url.to_owned(),
                status: 401,
                body: "the user name and password were refused (HTTP Digest)".to_owned(),
            }),
            _ => Ok(()),
        }
    }

    /// Takes a 401's Digest challenge; false when there is none to take (no
    /// challenge, not Digest, or one already answered and refused).
    pub(super) fn challenged(
        &mut self,
        response: &oxhttp::model::Response<oxhttp::model::Body>,
    ) -> bool {
        let challenge = response
            .headers()
            .get_all(oxhttp::model::header::WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.trim_start().to_ascii_lowercase().starts_with("digest"));
        match challenge.and_then(|c| digest_auth::parse(c).ok()) {
            // a new nonce (or a stale one) is a fresh challenge (Virtuoso
            // does not take the nonce its HEAD answer gave for a PUT); the
            // same nonce again means the credentials were refused
            Some(prompt)
                if prompt.stale || self.digest.as_ref().is_none_or(|d| d.nonce != prompt.nonce) =>
            {
                self.digest = Some(prompt);
                true
            }
            _ => false,
        }
    }
}

/// The path and query of a URL (what Digest signs as its `uri`).
fn request_target(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |at| &after_scheme[at..])
}

/// One PUT of N-Triples to `url`, with credentials when there are some.
pub(super) fn put(
    client: &oxhttp::Client,
    url: &str,
    body: &[u8],
    auth: Option<&mut Auth<'_>>,
) -> Result<oxhttp::model::Response<oxhttp::model::Body>, PushError> {
    let http = |message: String| PushError::Http {
        url: url.to_owned(),
        message,
    };
    let mut request = Request::builder()
        .method(Method::PUT)
        .uri(url)
        .header(CONTENT_TYPE, "application/n-triples");
    if let Some(auth) = auth {
        request = request.header(AUTHORIZATION, auth.header("PUT", url, body).map_err(http)?);
    }
    let request = request
        .body(body.to_vec())
        .map_err(|e| http(e.to_string()))?;
    client.request(request).map_err(|e| http(e.to_string()))
}
