//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod lists;
pub mod openapi;

use attio_sandbox::Sandbox;
use serde_json::{Value, json};

/// A started sandbox plus an HTTP client.
pub struct Env {
    pub sb: Sandbox,
    pub http: reqwest::Client,
}

impl Env {
    pub async fn new() -> Self {
        Self::with(Sandbox::builder().seed(1).start().await.expect("start")).await
    }

    pub async fn with(sb: Sandbox) -> Self {
        Self { sb, http: client() }
    }

    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = format!("{}{}", self.sb.base_url(), path);
        let mut req = self
            .http
            .request(method.parse().expect("method"), url)
            .bearer_auth(self.sb.api_key());
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("send");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (s, v) = self.call(method, path, body).await;
        assert_eq!(s, 200, "{method} {path}: {v}");
        v["data"].clone()
    }

    /// Calls and asserts an error answer with this status and code; returns the error body.
    pub async fn expect_error(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        status: u16,
        code: &str,
    ) -> Value {
        let (s, err) = self.call(method, path, body.clone()).await;
        assert_eq!(
            (s, err["code"].as_str()),
            (status, Some(code)),
            "{method} {path} {body:?}: {err}"
        );
        err
    }

    pub async fn create(&self, object: &str, values: Value) -> Value {
        self.ok(
            "POST",
            &format!("/v2/objects/{object}/records"),
            Some(json!({"data": {"values": values}})),
        )
        .await
    }

    pub async fn create_err(&self, object: &str, values: Value) -> (u16, Value) {
        self.call(
            "POST",
            &format!("/v2/objects/{object}/records"),
            Some(json!({"data": {"values": values}})),
        )
        .await
    }

    pub async fn custom_attr(&self, object: &str, slug: &str, ty: &str, extra: Value) {
        let mut data = json!({"title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
        if let (Some(d), Some(e)) = (data.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                d.insert(k.clone(), v.clone());
            }
        }
        self.ok(
            "POST",
            &format!("/v2/objects/{object}/attributes"),
            Some(json!({"data": data})),
        )
        .await;
    }
}

pub fn id(record: &Value) -> String {
    record["id"]["record_id"]
        .as_str()
        .expect("record id")
        .to_owned()
}

/// The active values of an attribute with the common fields removed.
pub fn vals(record: &Value, slug: &str) -> Vec<Value> {
    stripped(&record["values"][slug], slug)
}

/// Values (a JSON array) without their common fields (`active_from`, `active_until`,
/// `created_by_actor`, `attribute_type`).
pub fn stripped(values: &Value, slug: &str) -> Vec<Value> {
    values
        .as_array()
        .unwrap_or_else(|| panic!("no values for {slug}: {values}"))
        .iter()
        .map(|v| {
            let mut v = v.clone();
            if let Some(m) = v.as_object_mut() {
                for k in [
                    "active_from",
                    "active_until",
                    "created_by_actor",
                    "attribute_type",
                ] {
                    m.remove(k);
                }
            }
            v
        })
        .collect()
}

/// A reqwest client (the workspace builds reqwest with `rustls-no-provider`, so install ring).
pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
