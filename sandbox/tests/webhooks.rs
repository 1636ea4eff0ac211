//! Webhooks in the sandbox: the management endpoints and their errors, and deliveries to a
//! receiver on loopback (a hyper server here): the documented events, signed, with one
//! `Idempotency-Key` across retries, filtered, and nothing left hanging at shutdown.

mod common;

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use attio_sandbox::{AttemptResult, Sandbox, WebhookRetry};
use common::{Env, id};
use hmac::{Hmac, KeyInit, Mac};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{HeaderMap, Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use sha2::Sha256;

/// A guard against hanging, never an assertion about time.
const WAIT: Duration = Duration::from_secs(20);

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Got {
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("no {name} header"))
    }
}

/// A webhook receiver on loopback that answers the scripted statuses in order, then 200.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Got>>>,
}

impl Receiver {
    async fn start(statuses: Vec<u16>) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/attio", listener.local_addr().unwrap());
        let got = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::from(statuses)));
        let record = got.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (record, script) = (record.clone(), script.clone());
                let svc = service_fn(move |req: Request<Incoming>| {
                    let (record, script) = (record.clone(), script.clone());
                    async move {
                        let headers = req.headers().clone();
                        let body = req.into_body().collect().await.unwrap().to_bytes().to_vec();
                        record.lock().unwrap().push(Got { headers, body });
                        let status = script.lock().unwrap().pop_front().unwrap_or(200);
                        let mut resp = Response::new(Full::new(Bytes::from_static(b"ok")));
                        *resp.status_mut() = status.try_into().unwrap();
                        Ok::<_, Infallible>(resp)
                    }
                });
                tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), svc));
            }
        });
        Receiver { url, got }
    }

    fn got(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }
}

fn fast() -> WebhookRetry {
    WebhookRetry::default()
        .first_delay(Duration::from_millis(20))
        .attempts(3)
}

async fn env() -> Env {
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

fn hmac_hex(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Creates a webhook; returns `(webhook_id, secret)`.
async fn subscribe(env: &Env, target: &str, subscriptions: Value) -> (String, String) {
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
async fn delete(env: &Env, path: &str) -> Value {
    let (status, body) = env.call("DELETE", path, None).await;
    assert_eq!(status, 200, "DELETE {path}: {body}");
    body
}

fn every(types: &[&str]) -> Value {
    types
        .iter()
        .map(|t| json!({"event_type": t, "filter": null}))
        .collect()
}

async fn attribute_id(env: &Env, object: &str, slug: &str) -> String {
    let a = env
        .ok(
            "GET",
            &format!("/v2/objects/{object}/attributes/{slug}"),
            None,
        )
        .await;
    a["id"]["attribute_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn management_endpoints_and_their_errors() {
    let env = env().await;
    let ws = env.sb.workspace_id();
    let subs = json!([{"event_type": "note.created", "filter": {"$and": [
        {"field": "parent_object_id", "operator": "equals", "value": "97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}}]);
    let created = env
        .ok(
            "POST",
            "/v2/webhooks",
            Some(
                json!({"data": {"target_url": "https://example.com/webhook", "subscriptions": subs}}),
            ),
        )
        .await;
    let wid = created["id"]["webhook_id"].as_str().unwrap().to_owned();
    assert_eq!(created["id"]["workspace_id"], json!(ws));
    assert_eq!(created["subscriptions"], subs);
    assert_eq!(created["status"], "active");
    let secret = created["secret"].as_str().unwrap();
    assert!(
        secret.len() == 64 && secret.bytes().all(|b| b.is_ascii_hexdigit()),
        "{secret}"
    );

    // The secret only on create.
    let got = env.ok("GET", &format!("/v2/webhooks/{wid}"), None).await;
    assert!(got.get("secret").is_none(), "{got}");
    let mut without = created.clone();
    without.as_object_mut().unwrap().remove("secret");
    assert_eq!(got, without);
    let listed = env.ok("GET", "/v2/webhooks", None).await;
    assert_eq!(listed, json!([without]));

    // Loopback may be http://.
    for target in [
        "http://127.0.0.1:9/a",
        "http://[::1]:9/a",
        "http://localhost/a",
    ] {
        env.ok(
            "POST",
            "/v2/webhooks",
            Some(json!({"data": {"target_url": target, "subscriptions": every(&["record.created"])}})),
        )
        .await;
    }
    assert_eq!(
        env.ok("GET", "/v2/webhooks", None)
            .await
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let page = env.ok("GET", "/v2/webhooks?limit=10&offset=3", None).await;
    assert_eq!(page.as_array().unwrap().len(), 1);

    // PATCH replaces the subscriptions, keeps the rest.
    let patched = env
        .ok(
            "PATCH",
            &format!("/v2/webhooks/{wid}"),
            Some(json!({"data": {"subscriptions": every(&["record.deleted", "task.created"])}})),
        )
        .await;
    assert_eq!(
        patched["subscriptions"],
        every(&["record.deleted", "task.created"])
    );
    assert_eq!(patched["target_url"], "https://example.com/webhook");
    let patched = env
        .ok(
            "PATCH",
            &format!("/v2/webhooks/{wid}"),
            Some(json!({"data": {"target_url": "https://example.org/hook"}})),
        )
        .await;
    assert_eq!(patched["target_url"], "https://example.org/hook");
    assert_eq!(
        patched["subscriptions"],
        every(&["record.deleted", "task.created"])
    );
    assert!(patched.get("secret").is_none());

    // Errors: Attio's 400 validation_type, naming what is wrong.
    let one = every(&["record.created"]);
    for (body, says) in [
        (
            json!({"data": {"target_url": "http://example.com/hook", "subscriptions": one}}),
            "https://",
        ),
        (
            json!({"data": {"target_url": "ftp://127.0.0.1/hook", "subscriptions": one}}),
            "https://",
        ),
        (
            json!({"data": {"target_url": "example.com", "subscriptions": one}}),
            "https://",
        ),
        (
            json!({"data": {"target_url": 3, "subscriptions": one}}),
            "target_url must be a string",
        ),
        (
            json!({"data": {"target_url": "https://x.com", "subscriptions": []}}),
            "at least one",
        ),
        (
            json!({"data": {"target_url": "https://x.com"}}),
            "subscriptions must be an array",
        ),
        (
            json!({"data": {"target_url": "https://x.com", "subscriptions": [{"event_type": "record.created"}]}}),
            "filter is required",
        ),
        (
            json!({"data": {"target_url": "https://x.com", "subscriptions": [{"event_type": "task.completed", "filter": null}]}}),
            "not an event type",
        ),
        (
            json!({"data": {"target_url": "https://x.com", "subscriptions": [{"event_type": "record.created", "filter": {"object": {"$eq": "deals"}}}]}}),
            "data.subscriptions[0].filter must have exactly one key",
        ),
        (
            json!({"data": {"target_url": "https://x.com", "subscriptions": [1]}}),
            "data.subscriptions[0] must be an object",
        ),
        (json!({"target_url": "https://x.com"}), "{\"data\""),
    ] {
        let (status, err) = env.call("POST", "/v2/webhooks", Some(body.clone())).await;
        assert_eq!(
            (status, err["code"].as_str()),
            (400, Some("validation_type")),
            "{body}: {err}"
        );
        assert!(
            err["message"].as_str().unwrap().contains(says),
            "{body}: {err}"
        );
    }
    let (status, err) = env
        .call(
            "PATCH",
            &format!("/v2/webhooks/{wid}"),
            Some(json!({"data": {}})),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (400, Some("validation_type")),
        "{err}"
    );
    let (status, _) = env
        .call(
            "PATCH",
            &format!("/v2/webhooks/{wid}"),
            Some(json!({"data": {"target_url": "http://10.0.0.1/"}})),
        )
        .await;
    assert_eq!(status, 400);

    // Delete, then 404 everywhere.
    assert_eq!(
        delete(&env, &format!("/v2/webhooks/{wid}")).await,
        json!({})
    );
    for method in ["GET", "PATCH", "DELETE"] {
        let body = (method == "PATCH").then(|| json!({"data": {"target_url": "https://x.com"}}));
        let (status, err) = env.call(method, &format!("/v2/webhooks/{wid}"), body).await;
        assert_eq!(
            (status, err["code"].as_str()),
            (404, Some("not_found")),
            "{method}"
        );
        assert_eq!(
            err["message"],
            json!(format!("Webhook with ID \"{wid}\" was not found."))
        );
    }
    // A body that is not JSON.
    let resp = env
        .http
        .post(format!("{}/v2/webhooks", env.sb.base_url()))
        .bearer_auth(env.sb.api_key())
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
}

#[tokio::test]
async fn a_record_s_life_arrives_as_the_documented_events_signed() {
    let env = env().await;
    let receiver = Receiver::start(vec![]).await;
    let (wid, secret) = subscribe(
        &env,
        &receiver.url,
        every(&["record.created", "record.updated", "record.deleted"]),
    )
    .await;
    let person = env
        .create(
            "people",
            json!({"email_addresses": ["ada@example.com"], "job_title": "Countess"}),
        )
        .await;
    let pid = id(&person);
    let object_id = person["id"]["object_id"].as_str().unwrap().to_owned();
    // Two attributes change, one is written with its current value.
    env.ok(
        "PATCH",
        &format!("/v2/objects/people/records/{pid}"),
        Some(json!({"data": {"values": {"job_title": "Analyst", "description": "Poet", "email_addresses": ["ada@example.com"]}}})),
    )
    .await;
    // Writing the same values again changes nothing: no event.
    env.ok(
        "PATCH",
        &format!("/v2/objects/people/records/{pid}"),
        Some(json!({"data": {"values": {"job_title": "Analyst"}}})),
    )
    .await;
    delete(&env, &format!("/v2/objects/people/records/{pid}")).await;

    let delivered = env.sb.wait_for_delivered(4, WAIT).await.unwrap();
    let got = receiver.got();
    assert_eq!(got.len(), 4);
    let ws = env.sb.workspace_id();
    let token_actor = got[0].json()["events"][0]["actor"].clone();
    assert_eq!(token_actor["type"], "api-token");
    assert!(token_actor["id"].is_string());
    let job_title = attribute_id(&env, "people", "job_title").await;
    let description = attribute_id(&env, "people", "description").await;
    let ids = |extra: Option<&str>| {
        let mut id = json!({"workspace_id": ws, "object_id": object_id, "record_id": pid});
        if let Some(a) = extra {
            id["attribute_id"] = json!(a);
        }
        id
    };
    let expected = [
        json!({"event_type": "record.created", "id": ids(None), "actor": token_actor}),
        json!({"event_type": "record.updated", "id": ids(Some(&description)), "actor": token_actor}),
        json!({"event_type": "record.updated", "id": ids(Some(&job_title)), "actor": token_actor}),
        json!({"event_type": "record.deleted", "id": ids(None), "actor": token_actor}),
    ];
    let mut events: Vec<Value> = got.iter().map(|g| g.json()["events"][0].clone()).collect();
    // The two updates come from one request; their order is not documented.
    events[1..3].sort_by_key(|e| e["id"]["attribute_id"].as_str().map(str::to_owned));
    let mut want = expected.to_vec();
    want[1..3].sort_by_key(|e| e["id"]["attribute_id"].as_str().map(str::to_owned));
    assert_eq!(events, want);

    let mut keys = Vec::new();
    for (g, d) in got.iter().zip(&delivered) {
        let body = g.json();
        assert_eq!(body["webhook_id"], json!(wid));
        assert_eq!(body["events"].as_array().unwrap().len(), 1);
        let signature = hmac_hex(&secret, &g.body);
        assert_eq!(g.header("attio-signature"), signature);
        assert_eq!(g.header("x-attio-signature"), signature);
        assert_eq!(g.header("content-type"), "application/json");
        assert_eq!(g.header("idempotency-key"), d.idempotency_key);
        assert_eq!(g.body, d.body.as_bytes());
        assert_eq!(d.signature, signature);
        assert_eq!((d.attempt, &d.result), (1, &AttemptResult::Status(200)));
        keys.push(d.idempotency_key.clone());
    }
    keys.dedup();
    assert_eq!(keys.len(), 4, "one key per delivery");
}

#[tokio::test]
async fn filters_choose_the_events_and_a_webhook_gets_each_event_once() {
    let env = env().await;
    let receiver = Receiver::start(vec![]).await;
    let job_title = attribute_id(&env, "people", "job_title").await;
    let people = env.ok("GET", "/v2/objects/people", None).await["id"]["object_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (wid, _) = subscribe(
        &env,
        &receiver.url,
        json!([
            {"event_type": "record.updated", "filter": {"$and": [
                {"field": "id.attribute_id", "operator": "equals", "value": job_title},
                {"field": "actor.type", "operator": "not_equals", "value": "system"}]}},
            // Matches the same events again: still one delivery per event.
            {"event_type": "record.updated", "filter": {"$or": [
                {"field": "id.attribute_id", "operator": "equals", "value": job_title}]}},
            {"event_type": "record.created", "filter": {"$and": [
                {"field": "id.object_id", "operator": "equals", "value": people}]}},
        ]),
    )
    .await;
    let person = env.create("people", json!({"job_title": "A"})).await;
    env.create("companies", json!({"name": "Not people"})).await;
    let pid = id(&person);
    env.ok(
        "PATCH",
        &format!("/v2/objects/people/records/{pid}"),
        Some(json!({"data": {"values": {"description": "not job_title", "job_title": "B"}}})),
    )
    .await;
    // A marker that the rest has been processed: deliveries are first sent in order.
    env.ok(
        "PATCH",
        &format!("/v2/objects/people/records/{pid}"),
        Some(json!({"data": {"values": {"job_title": "C"}}})),
    )
    .await;
    env.sb.wait_for_delivered(3, WAIT).await.unwrap();
    let events: Vec<(String, Option<String>)> = receiver
        .got()
        .iter()
        .map(|g| {
            let e = &g.json()["events"][0];
            assert_eq!(g.json()["webhook_id"], json!(wid));
            (
                e["event_type"].as_str().unwrap().to_owned(),
                e["id"]["attribute_id"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            ("record.created".to_owned(), None),
            ("record.updated".to_owned(), Some(job_title.clone())),
            ("record.updated".to_owned(), Some(job_title)),
        ]
    );
}

#[tokio::test]
async fn a_failed_delivery_is_retried_with_the_same_key_and_body() {
    let env = env().await;
    let receiver = Receiver::start(vec![500, 503]).await;
    let (wid, secret) = subscribe(&env, &receiver.url, every(&["record.created"])).await;
    env.create("people", json!({"job_title": "A"})).await;
    let delivered = env.sb.wait_for_delivered(1, WAIT).await.unwrap();
    let attempts = env.sb.webhook_deliveries();
    let results: Vec<(u32, AttemptResult)> = attempts
        .iter()
        .map(|a| (a.attempt, a.result.clone()))
        .collect();
    assert_eq!(
        results,
        [
            (1, AttemptResult::Status(500)),
            (2, AttemptResult::Status(503)),
            (3, AttemptResult::Status(200)),
        ]
    );
    let got = receiver.got();
    assert_eq!(got.len(), 3);
    for g in &got {
        assert_eq!(g.header("idempotency-key"), delivered[0].idempotency_key);
        assert_eq!(g.body, got[0].body);
        assert_eq!(g.header("attio-signature"), hmac_hex(&secret, &g.body));
    }
    let webhook = env.ok("GET", &format!("/v2/webhooks/{wid}"), None).await;
    assert_eq!(webhook["status"], "active");
}

#[tokio::test]
async fn a_delivery_that_runs_out_of_attempts_degrades_the_webhook() {
    let env = Env::with(
        Sandbox::builder()
            .webhook_retry(fast().timeout(Duration::from_millis(100)))
            .start()
            .await
            .unwrap(),
    )
    .await;
    // A listener that never accepts: connections wait in its backlog, and no answer comes.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let (wid, _) = subscribe(
        &env,
        &format!("http://{}/silent", silent.local_addr().unwrap()),
        every(&["record.created"]),
    )
    .await;
    env.create("people", json!({"job_title": "A"})).await;
    let attempts = env
        .sb
        .wait_for_deliveries(WAIT, |a| a.len() >= 3)
        .await
        .unwrap();
    assert!(
        attempts
            .iter()
            .all(|a| matches!(&a.result, AttemptResult::Failed(why) if why.contains("no answer"))),
        "{attempts:?}"
    );
    assert_eq!(
        attempts.iter().map(|a| a.attempt).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let webhook = env.ok("GET", &format!("/v2/webhooks/{wid}"), None).await;
    assert_eq!(webhook["status"], "degraded");
}

#[tokio::test]
async fn targets_off_loopback_are_recorded_not_sent_and_deleted_webhooks_get_nothing() {
    let env = env().await;
    let (wid, secret) = subscribe(
        &env,
        "https://example.com/webhook",
        every(&["record.created"]),
    )
    .await;
    env.create("people", json!({"job_title": "A"})).await;
    let attempts = env
        .sb
        .wait_for_deliveries(WAIT, |a| !a.is_empty())
        .await
        .unwrap();
    assert_eq!(attempts.len(), 1);
    assert!(matches!(attempts[0].result, AttemptResult::NotSent(_)));
    assert_eq!(attempts[0].webhook_id, wid);
    assert_eq!(attempts[0].events()[0]["event_type"], "record.created");
    assert_eq!(
        attempts[0].signature,
        hmac_hex(&secret, attempts[0].body.as_bytes())
    );

    delete(&env, &format!("/v2/webhooks/{wid}")).await;
    let receiver = Receiver::start(vec![]).await;
    subscribe(&env, &receiver.url, every(&["object-attribute.created"])).await;
    env.create("people", json!({"job_title": "B"})).await;
    env.custom_attr("people", "nickname", "text", json!({}))
        .await;
    let delivered = env.sb.wait_for_delivered(1, WAIT).await.unwrap();
    let event = &delivered[0].events()[0];
    assert_eq!(event["event_type"], "object-attribute.created");
    assert_eq!(
        event["id"]["attribute_id"],
        json!(attribute_id(&env, "people", "nickname").await)
    );
    // The record created after the delete was not delivered anywhere.
    assert_eq!(env.sb.webhook_deliveries().len(), 2);
}

#[tokio::test]
async fn both_sides_of_a_two_way_relationship_are_updated_events() {
    let env = env().await;
    let receiver = Receiver::start(vec![]).await;
    subscribe(
        &env,
        &receiver.url,
        every(&["record.created", "record.updated"]),
    )
    .await;
    let company = env.create("companies", json!({"domains": ["x.com"]})).await;
    let person = env
        .create(
            "people",
            json!({"company": [{"target_object": "companies", "target_record_id": id(&company)}]}),
        )
        .await;
    env.sb.wait_for_delivered(3, WAIT).await.unwrap();
    let team = attribute_id(&env, "companies", "team").await;
    let events: Vec<Value> = receiver
        .got()
        .iter()
        .map(|g| g.json()["events"][0].clone())
        .collect();
    assert_eq!(events[1]["event_type"], "record.created");
    assert_eq!(events[1]["id"]["record_id"], json!(id(&person)));
    assert_eq!(events[2]["event_type"], "record.updated");
    assert_eq!(events[2]["id"]["record_id"], json!(id(&company)));
    assert_eq!(events[2]["id"]["attribute_id"], json!(team));
}

#[tokio::test]
async fn shutdown_does_not_wait_for_pending_retries() {
    let sb = Sandbox::builder()
        .webhook_retry(WebhookRetry::default().first_delay(Duration::from_secs(3600)))
        .start()
        .await
        .unwrap();
    let env = Env::with(sb).await;
    let receiver = Receiver::start(vec![500]).await;
    subscribe(&env, &receiver.url, every(&["record.created"])).await;
    env.create("people", json!({"job_title": "A"})).await;
    env.sb
        .wait_for_deliveries(WAIT, |a| !a.is_empty())
        .await
        .unwrap();
    let Env { sb, .. } = env;
    tokio::time::timeout(WAIT, sb.shutdown())
        .await
        .expect("shutdown returns with a retry pending");
}

#[tokio::test]
async fn waiting_too_long_says_what_arrived() {
    let env = env().await;
    let err = env
        .sb
        .wait_for_delivered(1, Duration::from_millis(10))
        .await
        .unwrap_err();
    assert!(err.attempts.is_empty());
    assert!(err.to_string().contains("did not arrive"), "{err}");
}
