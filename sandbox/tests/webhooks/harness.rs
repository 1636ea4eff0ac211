//! A sandbox with fast webhook retries, and helpers: subscribe, delete, signatures, attribute ids.

use std::time::Duration;

use attio_sandbox::{Sandbox, WebhookRetry};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::common::Env;

/// A guard against hanging, never an assertion about time.
pub(crate) const WAIT: Duration = Duration::from_secs(20);

pub(crate) fn fast() -> WebhookRetry {
    WebhookRetry::default()
        .first_delay(Duration::from_millis(20))
        .attempts(3)
}

pub(crate) async fn env() -> Env {
    Env::with(
        Sandbox::builder()
            .seed(7)
            .webhook_retry(fast())
            .start()
            .await
            .unwrap(),
    )
    .await
}

pub(crate) fn hmac_hex(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Creates a webhook; returns `(webhook_id, secret)`.
pub(crate) async fn subscribe(env: &Env, target: &str, subscriptions: Value) -> (String, String) {
    let created = env
        .ok(
            "POST",
            "/v2/webhooks",
            Some(json!({"data": {"target_url": target, "subscriptions": subscriptions}})),
        )
        .await;
    (
        created["id"]["webhook_id"].as_str().unwrap().to_owned(),
        created["secret"].as_str().unwrap().to_owned(),
    )
}

/// DELETE, which answers `{}` rather than `{"data": ...}`.
pub(crate) async fn delete(env: &Env, path: &str) -> Value {
    let (status, body) = env.call("DELETE", path, None).await;
    assert_eq!(status, 200, "DELETE {path}: {body}");
    body
}

pub(crate) fn every(types: &[&str]) -> Value {
    types
        .iter()
        .map(|t| json!({"event_type": t, "filter": null}))
        .collect()
}

pub(crate) async fn attribute_id(env: &Env, object: &str, slug: &str) -> String {
    let a = env
        .ok(
            "GET",
            &format!("/v2/objects/{object}/attributes/{slug}"),
            None,
        )
        .await;
    a["id"]["attribute_id"].as_str().unwrap().to_owned()
}
