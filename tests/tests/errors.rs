//! Non-2xx answers surface Attio's error body as a typed error; bodies that do not decode name the
//! JSON path that failed; the API key never shows up in an error.

use attio::prelude::*;
use attio::{Client, Error, ErrorCode, RecordId, RetryPolicy, attio_object};
use attio_tests::{Canned, Stub};

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    user_id: String,
}

const TOKEN: &str = "very-secret-token-4a7b";

async fn update_against(answer: Canned) -> Error {
    let stub = Stub::start(vec![answer]).await;
    let client = Client::builder()
        .api_key(TOKEN)
        .base_url(stub.url())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    let err = User {
        user_id: "123".into(),
    }
    .update(&client, &id)
    .await
    .unwrap_err();
    for text in [format!("{err}"), format!("{err:?}"), format!("{client:?}")] {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
    err
}

#[tokio::test]
async fn every_documented_error_body_is_a_typed_api_error() {
    let examples: serde_json::Value = serde_json::from_str(include_str!(
        "../fixtures/examples/error.examples-from-openapi.json"
    ))
    .unwrap();
    let mut seen = 0;
    let mut bodies = Vec::new();
    collect_error_bodies(&examples, &mut bodies);
    for body in bodies {
        let status = body["status_code"].as_u64().unwrap() as u16;
        let err = update_against(Canned::json(status, body.to_string())).await;
        let Error::Api(api) = err else {
            panic!("expected an API error for {body}, got {err:?}")
        };
        assert_eq!(api.status, status);
        assert_eq!(api.code.as_str(), body["code"].as_str().unwrap());
        assert_eq!(api.message, body["message"].as_str().unwrap());
        assert!(
            !matches!(api.code, ErrorCode::Other(_)),
            "a documented code is known: {}",
            api.code
        );
        seen += 1;
    }
    assert!(
        seen >= 3,
        "the fixture holds several error bodies, saw {seen}"
    );
}

fn collect_error_bodies(v: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("status_code") && map.contains_key("code") {
                out.push(v.clone());
            } else {
                map.values().for_each(|v| collect_error_bodies(v, out));
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_error_bodies(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn unauthorized_and_rate_limited_bodies() {
    let fixture: serde_json::Value = serde_json::from_str(include_str!(
        "../fixtures/examples/error.unauthorized-401.json"
    ))
    .unwrap();
    let err = update_against(Canned::json(401, fixture["response"]["body"].to_string())).await;
    assert!(
        matches!(err, Error::Api(ref e) if e.code == ErrorCode::Unauthorized),
        "{err:?}"
    );

    let err = update_against(
        Canned::json(
            429,
            r#"{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later","extra":{"debug":1}}"#,
        )
        .header("retry-after", "Tue, 23 May 2023 14:42:01 GMT"),
    )
    .await;
    assert!(
        matches!(err, Error::Api(ref e) if e.code == ErrorCode::RateLimitExceeded),
        "{err:?}"
    );
}

#[tokio::test]
async fn unknown_codes_are_kept() {
    let err = update_against(Canned::json(
        400,
        r#"{"status_code":400,"type":"invalid_request_error","code":"a_future_code","message":"no"}"#,
    ))
    .await;
    let Error::Api(api) = err else { panic!() };
    assert_eq!(api.code, ErrorCode::Other("a_future_code".into()));
    let text = api.to_string();
    assert!(
        text.starts_with("PATCH /v2/objects/users/records/")
            && text.ends_with(": Attio answered 400 a_future_code: no"),
        "{text}"
    );
}

#[tokio::test]
async fn an_html_error_page_is_an_http_error() {
    let err = update_against(Canned::with_type(
        502,
        "text/html",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    ))
    .await;
    let Error::Http {
        status,
        ref content_type,
        ref snippet,
        ..
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!(status, 502);
    assert_eq!(content_type, "text/html");
    assert!(snippet.contains("502 Bad Gateway"));
}

#[tokio::test]
async fn a_truncated_body_is_a_decode_error() {
    let err = update_against(Canned::json(200, r#"{"data":{"id":{"workspace_id":"w","#)).await;
    let Error::Decode(e) = err else {
        panic!("{err:?}")
    };
    assert!(e.path().starts_with("data.id"), "{}", e.path());
}

#[tokio::test]
async fn a_wrongly_typed_value_names_its_path() {
    let body = r#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_id":[{"attribute_type":"text","value":12}]}}}"#;
    let err = update_against(Canned::json(200, body)).await;
    let Error::Decode(e) = err else {
        panic!("{err:?}")
    };
    assert_eq!(e.path(), "data.values.user_id[0].value");
    assert!(e.to_string().contains("data.values.user_id[0].value"));
}

#[tokio::test]
async fn an_empty_required_value_says_what_to_do() {
    let body = r#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_id":[]}}}"#;
    let err = update_against(Canned::json(200, body)).await;
    let Error::Decode(e) = err else {
        panic!("{err:?}")
    };
    assert_eq!(e.path(), "data.values.user_id");
    let text = e.to_string();
    assert!(
        text.contains("no current value") && text.contains("declare it as Option<String>"),
        "{text}"
    );
    assert_eq!(
        e.outcome(),
        attio::Outcome::Applied,
        "the PATCH landed: {text}"
    );
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder()
        .api_key(TOKEN)
        .base_url(url)
        .build()
        .unwrap();
    let id: RecordId = "r1".parse().unwrap();
    let err = User {
        user_id: "1".into(),
    }
    .update(&client, &id)
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(!format!("{err:?}").contains(TOKEN));
}

#[test]
fn decode_paths_point_into_query_pages_and_past_later_attributes() {
    let record = |user_id: &str| {
        format!(
            r#"{{"id":{{"workspace_id":"w","object_id":"o","record_id":"r"}},"created_at":"2022-11-21T13:22:49.061281000Z","values":{{"user_id":{user_id},"extra":[]}}}}"#
        )
    };
    let ok = record(r#"[{"attribute_type":"text","value":"1"}]"#);
    let page = format!(r#"{{"data":[{ok},{ok},{}]}}"#, record("[]"));
    let err = attio::wire::decode_page::<User>(page.as_bytes()).unwrap_err();
    assert_eq!(err.path(), "data[2].values.user_id");

    let page = format!(
        r#"{{"data":[{ok},{}]}}"#,
        record(r#"[{"attribute_type":"text","value":7}]"#)
    );
    let err = attio::wire::decode_page::<User>(page.as_bytes()).unwrap_err();
    assert_eq!(err.path(), "data[1].values.user_id[0].value");

    let single = format!(r#"{{"data":{}}}"#, record("[]"));
    let err = attio::wire::decode_record::<User>(single.as_bytes()).unwrap_err();
    assert_eq!(err.path(), "data.values.user_id");
    // A later, successful decode on the same thread is not confused by the earlier failure.
    let single = format!(r#"{{"data":{}}}"#, record("[}"));
    let err = attio::wire::decode_record::<User>(single.as_bytes()).unwrap_err();
    assert_eq!(err.path(), "data.values.user_id");
}

/// Attio's document of 2026-09-08 lists `merge_in_progress` among the `400`s of
/// `PUT /v2/objects/{object}/records`, where reading a record being merged answers it with
/// `404`: the code reads the same at either status.
#[tokio::test]
async fn merge_in_progress_is_read_at_400_as_at_404() {
    for status in [400, 404] {
        let body = serde_json::json!({
            "status_code": status,
            "type": "invalid_request_error",
            "code": "merge_in_progress",
            "message": "The record is being merged.",
        });
        let Error::Api(api) = update_against(Canned::json(status, body.to_string())).await else {
            panic!("expected an API error")
        };
        assert_eq!((api.status, api.code), (status, ErrorCode::MergeInProgress));
    }
}
