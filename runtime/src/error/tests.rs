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

#[test]
fn a_listing_that_does_not_advance_names_its_request_and_cursor() {
    let listing = RequestLine::new("GET", "/v2/meetings?limit=200&cursor=c1".into(), false);
    let err = Error::Paging {
        request: listing.without_query(),
        problem: PagingProblem::RepeatedCursor {
            cursor: "c1".into(),
        },
        pages: 2,
    };
    assert_eq!(
        err.to_string(),
        "GET /v2/meetings: Attio answered the cursor `c1` that it had already given, so the \
         listing stopped after 2 pages rather than page forever; the server is at fault, not the \
         request, and nothing was changed"
    );
    assert_eq!(err.outcome(), Outcome::NotApplied);
    assert_eq!(err.request().map(RequestLine::path), Some("/v2/meetings"));

    let long = "é".repeat(100);
    let text = PagingProblem::RepeatedCursor { cursor: long }.to_string();
    assert!(text.contains(&format!("`{}…`", "é".repeat(80))), "{text}");
    let text = PagingProblem::RepeatedCursor {
        cursor: "a\nb".into(),
    }
    .to_string();
    assert_eq!(
        text,
        r"Attio answered the cursor `a\nb` that it had already given"
    );

    let err = Error::Paging {
        request: RequestLine::new("GET", "/v2/notes".into(), false),
        problem: PagingProblem::RepeatedPage {
            offset: 50,
            limit: 50,
        },
        pages: 2,
    };
    let text = err.to_string();
    assert!(
        text.starts_with("GET /v2/notes: the page at offset 50 (limit 50) came back identical"),
        "{text}"
    );
    assert!(text.contains("the server ignores `offset`"), "{text}");
}
