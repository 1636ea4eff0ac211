//! The management endpoints (create, get, list, PATCH, delete) and their errors.

use serde_json::json;

use crate::harness::{delete, env, every};

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
