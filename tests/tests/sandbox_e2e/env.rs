//! The harness: a seeded sandbox with a client and raw HTTP (`Env`), small constructors, and the
//! `gadgets` custom object with an attribute of every type users can create.

use attio::{Client, EmailAddress, Error, RecordId, RetryPolicy};
use attio_sandbox::Sandbox;
use serde_json::{Value, json};

use crate::structs::Person;

pub(crate) struct Env {
    pub(crate) sb: Sandbox,
    pub(crate) client: Client,
    http: reqwest::Client,
}

impl Env {
    pub(crate) async fn new() -> Env {
        let sb = Sandbox::builder()
            .seed(7)
            .record_requests(1000)
            .start()
            .await
            .expect("the sandbox starts");
        let client = client_for(&sb, RetryPolicy::default());
        // The workspace builds reqwest without a bundled crypto provider (the client installed
        // ring above; this is a no-op then).
        let _ = rustls::crypto::ring::default_provider().install_default();
        Env {
            sb,
            client,
            http: reqwest::Client::new(),
        }
    }

    /// A raw request to the sandbox: (status, body).
    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .http
            .request(
                method.parse().unwrap(),
                format!("{}{path}", self.sb.base_url()),
            )
            .bearer_auth(self.sb.api_key());
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("the sandbox answers");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("a body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A raw request that must succeed: its `data`.
    pub(crate) async fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, v) = self.call(method, path, body).await;
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["data"].clone()
    }

    async fn create_object(&self, slug: &str) {
        self.ok(
            "POST",
            "/v2/objects",
            Some(json!({"data": {"api_slug": slug, "singular_noun": slug, "plural_noun": slug}})),
        )
        .await;
    }

    /// `POST /v2/objects/{object}/attributes`: (status, body).
    pub(crate) async fn create_attribute(
        &self,
        object: &str,
        slug: &str,
        ty: &str,
        extra: Value,
    ) -> (u16, Value) {
        let mut data = json!({"title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
        for (k, v) in extra.as_object().unwrap() {
            data[k] = v.clone();
        }
        self.call(
            "POST",
            &format!("/v2/objects/{object}/attributes"),
            Some(json!({"data": data})),
        )
        .await
    }

    /// Every value of an attribute, historic ones included, oldest first.
    pub(crate) async fn history(&self, object: &str, id: &RecordId, attribute: &str) -> Vec<Value> {
        let v = self
            .ok(
                "GET",
                &format!(
                    "/v2/objects/{object}/records/{id}/attributes/{attribute}/values?show_historic=true"
                ),
                None,
            )
            .await;
        v.as_array().unwrap().clone()
    }

    /// The body of the last request the sandbox received, as JSON.
    pub(crate) fn last_body(&self) -> Value {
        let last = self.sb.recent_requests().pop().expect("a request was made");
        serde_json::from_str(&last.body).expect("a JSON body")
    }
}

pub(crate) fn client_for(sb: &Sandbox, policy: RetryPolicy) -> Client {
    attio_tests::sandbox_client(sb)
        .retry_policy(policy.initial_backoff(std::time::Duration::from_millis(5)))
        .build()
        .expect("a client")
}

pub(crate) fn email(s: &str) -> EmailAddress {
    s.parse().unwrap()
}

pub(crate) fn person(emails: &[&str]) -> Person {
    Person {
        email_addresses: emails.iter().map(|e| email(e)).collect(),
        name: None,
        job_title: None,
        phone_numbers: Vec::new(),
        primary_location: None,
        associated_users: Vec::new(),
    }
}

pub(crate) fn api_error(result: Result<impl std::fmt::Debug, Error>) -> attio::ApiError {
    match result {
        Err(Error::Api(e)) => e,
        other => panic!("expected an Attio error body, got {other:?}"),
    }
}

pub(crate) const ALICE: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

pub(crate) async fn gadgets(env: &Env) {
    env.create_object("gadgets").await;
    let attrs: [(&str, &str, Value); 16] = [
        ("label", "text", json!({"is_required": true})),
        ("weight", "number", json!({})),
        ("units", "number", json!({})),
        ("in_stock", "checkbox", json!({})),
        (
            "price",
            "currency",
            json!({"config": {"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}}),
        ),
        ("launch_date", "date", json!({})),
        ("seen_at", "timestamp", json!({})),
        ("stars", "rating", json!({})),
        ("colour", "select", json!({})),
        ("tags", "select", json!({"is_multiselect": true})),
        (
            "maker",
            "record-reference",
            json!({"config": {"record_reference": {"allowed_objects": ["companies"]}}}),
        ),
        ("steward", "actor-reference", json!({})),
        ("site", "location", json!({})),
        ("hotline", "phone-number", json!({})),
        ("contacts", "phone-number", json!({"is_multiselect": true})),
        ("serial", "text", json!({"is_unique": true})),
    ];
    for (slug, ty, extra) in attrs {
        let (status, body) = env.create_attribute("gadgets", slug, ty, extra).await;
        assert_eq!(status, 200, "{slug}: {body}");
    }
    for (attr, title) in [
        ("colour", "Red"),
        ("colour", "Green"),
        ("tags", "new"),
        ("tags", "sale"),
        ("tags", "fragile"),
    ] {
        env.ok(
            "POST",
            &format!("/v2/objects/gadgets/attributes/{attr}/options"),
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
}
