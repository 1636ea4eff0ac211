//! Unit tests of the error type: outcomes, messages, codes.

use super::*;

fn line(method: &'static str, write: bool) -> RequestLine {
    RequestLine::new(method, "/v2/objects/users/records/r".into(), write)
}

#[test]
fn every_outcome_follows_the_stage() {
    let transport = |kind, write| Error::Transport {
        request: line(if write { "PATCH" } else { "GET" }, write),
        kind,
        source: "boom".into(),
    };
    assert_eq!(
        transport(TransportKind::Connect, true).outcome(),
        Outcome::NotSent
    );
    assert_eq!(
        transport(TransportKind::Tls, true).outcome(),
        Outcome::NotSent
    );
    assert_eq!(
        transport(TransportKind::Timeout, true).outcome(),
        Outcome::Unknown
    );
    assert_eq!(
        transport(TransportKind::ConnectionDropped, false).outcome(),
        Outcome::NotApplied
    );
    let http = |status, write| Error::Http {
        request: line("POST", write),
        status,
        content_type: "text/html".into(),
        snippet: String::new(),
    };
    assert_eq!(http(502, true).outcome(), Outcome::Unknown);
    assert_eq!(http(502, false).outcome(), Outcome::NotApplied);
    assert_eq!(http(429, true).outcome(), Outcome::NotApplied);
    let text = http(502, true).to_string();
    assert!(
        text.starts_with("POST /v2/objects/users/records/r answered HTTP 502"),
        "{text}"
    );
    assert!(text.contains("may or may not have been applied"), "{text}");
}

#[test]
fn api_errors_name_their_request() {
    let body = r#"{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Record not found"}"#;
    let api: ApiError = serde_json::from_str(body).unwrap();
    assert_eq!(
        api.to_string(),
        "Attio answered 404 not_found: Record not found"
    );
    let err = Error::Api(api.with_request(line("PATCH", true)));
    assert_eq!(
        err.to_string(),
        "PATCH /v2/objects/users/records/r: Attio answered 404 not_found: Record not found"
    );
    assert_eq!(err.outcome(), Outcome::NotApplied);
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert_eq!(err.request().unwrap().method(), "PATCH");
}

#[test]
fn a_throttled_list_query_says_it_may_be_too_complex() {
    let body = r#"{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later","debug":{"window_seconds":10}}"#;
    let api: ApiError = serde_json::from_str(body).unwrap();
    let query = RequestLine::new("POST", "/v2/objects/people/records/query".into(), false);
    let text = Error::Api(api.clone().with_request(query)).to_string();
    assert!(text.contains("complexity score"), "{text}");
    let entries = RequestLine::new("POST", "/v2/lists/sales/entries/query".into(), false);
    assert!(
        api.clone()
            .with_request(entries)
            .to_string()
            .contains("make it simpler")
    );
    let text = Error::Api(api.with_request(line("PATCH", true))).to_string();
    assert!(!text.contains("complexity score"), "{text}");
}
