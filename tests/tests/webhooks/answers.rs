//! The recording stub's canned answers (a created webhook, a deal record) and a client aimed at it.

use attio::{Client, RetryPolicy};
use attio_tests::{Canned, Stub};
use serde_json::{Value, json};

use crate::vectors::{RECORD_ID, SECRET};

pub(crate) const WEBHOOK: &str = r#"{"target_url":"https://example.com/webhook","subscriptions":[{"event_type":"note.created","filter":{"$and":[{"field":"parent_object_id","operator":"equals","value":"97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}}],"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553"},"status":"active","created_at":"2023-04-27T13:22:49.061281000Z"}"#;

pub(crate) fn created_answer() -> Canned {
    let mut webhook: Value = serde_json::from_str(WEBHOOK).unwrap();
    webhook["secret"] = json!(SECRET);
    Canned::json(
        200,
        serde_json::to_vec(&json!({ "data": webhook })).unwrap(),
    )
}

pub(crate) fn client(stub: &Stub) -> Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client::builder()
        .api_key("t")
        .base_url(stub.url())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap()
}

pub(crate) fn deal_answer(object_id: &str) -> Canned {
    Canned::json(
        200,
        format!(
            r#"{{"data":{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"{object_id}","record_id":"{RECORD_ID}"}},"created_at":"2023-01-01T00:00:00.000000000Z","values":{{"name":[{{"active_from":"2023-01-01T00:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"system","id":null}},"attribute_type":"text","value":"Big one"}}]}}}}}}"#
        ),
    )
}
