//! One attempt over HTTP: the reqwest client (with its TLS configuration), the request, and the
//! answer's classification into a body or an [`Error`]. The only module that names reqwest.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, RETRY_AFTER};

use super::body::{BoundedBody, MAX_ERROR_BODY_BYTES};
use super::retry::parse_retry_after;
use crate::error::{ApiError, Error, Redactor, RequestLine, Result, TransportKind};
use crate::operation::{Method, Operation};

/// The HTTP client: reqwest over rustls, with ring as the crypto provider and the platform's
/// certificate verifier, configured for this client alone. The process-wide rustls provider is
/// left to the application.
pub(crate) fn http_client(
    user_agent: &'static str,
    timeout: Duration,
    connect_timeout: Duration,
) -> Result<reqwest::Client> {
    use rustls_platform_verifier::BuilderVerifierExt as _;

    // rustls 0.23.48 deprecates ring's provider because ring has no post-quantum key exchange.
    // It stays: the alternative, aws-lc-rs, builds C code with cmake, which many machines lack.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_platform_verifier())
        .map_err(|e| Error::Config(format!("could not configure TLS: {e}")))?
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .user_agent(HeaderValue::from_static(user_agent))
        .timeout(timeout)
        .connect_timeout(connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))
}

fn method(m: Method) -> reqwest::Method {
    match m {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Patch => reqwest::Method::PATCH,
        Method::Delete => reqwest::Method::DELETE,
    }
}

/// A failed attempt: the error, and the answer's `Retry-After`, if any.
pub(crate) type Failed = (Error, Option<Duration>);

/// What one attempt needs besides the operation: where to send it, the credentials, how much of
/// an answer to read, and what to keep out of errors.
pub(crate) struct Endpoint<'a> {
    pub(crate) http: &'a reqwest::Client,
    pub(crate) base_url: &'a str,
    pub(crate) auth: &'a HeaderValue,
    pub(crate) max_body: u64,
    pub(crate) redactor: &'a Redactor,
}

/// Sends `op` once: the body of a success answer, or the error (its server texts redacted).
pub(crate) async fn send_once(
    to: &Endpoint<'_>,
    op: &Operation<()>,
    line: &RequestLine,
) -> std::result::Result<bytes::Bytes, Failed> {
    let url = format!("{}{}", to.base_url, op.path);
    let mut builder = to
        .http
        .request(method(op.method), url)
        .header(AUTHORIZATION, to.auth.clone());
    if let Some(body) = &op.body {
        builder = builder
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body.clone());
    }
    let response = builder
        .send()
        .await
        .map_err(|e| (transport_error(line, e), None))?;
    read_answer(response, line, to.max_body, to.redactor).await
}

/// A failure of the HTTP stack while sending `line` or reading its answer.
pub(crate) fn transport_error(line: &RequestLine, source: reqwest::Error) -> Error {
    Error::Transport {
        request: line.clone(),
        kind: kind_of(&source),
        source: Box::new(source.without_url()),
    }
}

/// Reads `response`'s body against its bound (`max_success` for a success, the error bound
/// otherwise): the body of a success, or the error with its server texts redacted, and the
/// answer's `Retry-After`. Dropping `response` on an early return closes the connection instead
/// of draining it.
pub(crate) async fn read_answer(
    mut response: reqwest::Response,
    line: &RequestLine,
    max_success: u64,
    redactor: &Redactor,
) -> std::result::Result<bytes::Bytes, Failed> {
    let status = response.status();
    let headers = response.headers();
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let retry_after = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, SystemTime::now()));
    let limit = if status.is_success() {
        max_success
    } else {
        MAX_ERROR_BODY_BYTES
    };
    let declared = response.content_length();
    let too_large = |received: u64| {
        let error = Error::TooLarge {
            request: line.clone(),
            status: status.as_u16(),
            received,
            declared,
            limit,
        };
        (error, retry_after)
    };
    let mut body = BoundedBody::new(limit, declared).map_err(|over| too_large(over.received))?;
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| (transport_error(line, e), retry_after))?
    {
        body.push(chunk).map_err(|over| too_large(over.received))?;
    }
    let body = body.finish();
    if status.is_success() {
        return Ok(body);
    }
    let error = error_from_response(
        line,
        status.as_u16(),
        content_type,
        &body,
        retry_after,
        redactor,
    );
    Err((error, retry_after))
}

/// `POST url` with a form-encoded body and no bearer token (OAuth's code exchange), on its own
/// HTTP client configured as every client's is: the success body, or the error, every server
/// text passed through `redactor` (which holds the app's secret).
pub(crate) async fn post_form(
    user_agent: &'static str,
    url: &str,
    form: &[(&str, &str)],
    redactor: &Redactor,
) -> Result<bytes::Bytes> {
    let http = http_client(user_agent, Duration::from_secs(30), Duration::from_secs(10))?;
    let path = url::Url::parse(url)
        .map(|u| u.path().to_owned())
        .map_err(|e| Error::Config(format!("the OAuth token URL `{url}` is not a URL: {e}")))?;
    let line = RequestLine::new("POST", path, true);
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let response = http
        .post(url)
        .header(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        )
        .body(body)
        .send()
        .await
        .map_err(|e| transport_error(&line, e))?;
    // A token answer is small: the error bound serves for a success too.
    read_answer(response, &line, MAX_ERROR_BODY_BYTES, redactor)
        .await
        .map_err(|(error, _)| error)
}

/// What kind of transport failure `e` is.
fn kind_of(e: &reqwest::Error) -> TransportKind {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        // An `io::Error` hides the error it wraps from `source()`; look inside it too.
        let inner = s
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn std::error::Error + 'static));
        if s.is::<rustls::Error>() || inner.is_some_and(|i| i.is::<rustls::Error>()) {
            return TransportKind::Tls;
        }
        if s.downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_parse)
        {
            return TransportKind::MalformedResponse;
        }
        source = inner.or_else(|| s.source());
    }
    if e.is_connect() {
        TransportKind::Connect
    } else if e.is_timeout() {
        TransportKind::Timeout
    } else if e.is_request() || e.is_body() || e.is_decode() {
        TransportKind::ConnectionDropped
    } else {
        TransportKind::Other
    }
}

/// Attio's error body when the answer carries one, or a description of what came instead; every
/// text from the answer is redacted whole, before it is cut to a snippet, so no part of a secret
/// survives the cut.
pub(crate) fn error_from_response(
    line: &RequestLine,
    status: u16,
    content_type: Option<String>,
    body: &[u8],
    retry_after: Option<Duration>,
    redactor: &Redactor,
) -> Error {
    if let Ok(api) = serde_json::from_slice::<ApiError>(body) {
        let api = redactor.api(api);
        return Error::Api(api.with_request(line.clone()).with_retry_after(retry_after));
    }
    let lossy = String::from_utf8_lossy(body);
    let text = redactor.text(&lossy);
    let mut snippet: String = text.chars().take(200).filter(|c| !c.is_control()).collect();
    if text.chars().count() > 200 {
        snippet.push('…');
    }
    Error::Http {
        request: line.clone(),
        status,
        content_type: content_type.map_or_else(
            || "no content type".to_owned(),
            |t| redactor.text(&t).into_owned(),
        ),
        snippet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_attio_error_bodies_are_described() {
        let line = RequestLine::new("GET", "/v2/objects".into(), false);
        let err = error_from_response(
            &line,
            502,
            Some("text/html".into()),
            b"<html>Bad gateway</html>",
            None,
            &Redactor::default(),
        );
        let text = err.to_string();
        assert!(
            text.contains("GET /v2/objects")
                && text.contains("502")
                && text.contains("text/html")
                && text.contains("Bad gateway"),
            "{text}"
        );
        let err = error_from_response(
            &line,
            404,
            None,
            br#"{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Object not found"}"#,
            None,
            &Redactor::default(),
        );
        assert!(
            matches!(err, Error::Api(ref e) if e.code == crate::ErrorCode::NotFound),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "GET /v2/objects: Attio answered 404 not_found: Object not found"
        );
    }

    #[test]
    fn building_a_client_leaves_the_process_crypto_provider_alone() {
        http_client("t", Duration::from_secs(1), Duration::from_secs(1)).unwrap();
        assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    }
}
