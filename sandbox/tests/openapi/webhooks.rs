//! Webhooks: created, refused, listed, read, updated, deleted.

use serde_json::json;

use crate::common::Env;
use crate::common::openapi::Checker;

/// The webhook endpoints (https targets: the spec's pattern; the sandbox's loopback http:// is
/// its own).
pub(crate) async fn webhooks(env: &Env, c: &mut Checker) {
    // Webhooks (https targets: the spec's pattern; the sandbox's loopback http:// is its own).
    let hooks = "/v2/webhooks";
    let hook = "/v2/webhooks/{webhook_id}";
    let created = c.call(
        env,
        "POST",
        hooks,
        hooks,
        Some(
            json!({"data": {"target_url": "https://example.com/webhook", "subscriptions": [
            {"event_type": "note.created", "filter": {"$and": [
                {"field": "parent_object_id", "operator": "equals", "value": "97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}},
            {"event_type": "record.updated", "filter": {"$or": [
                {"field": "id.attribute_id", "operator": "not_equals", "value": "x"}]}},
            {"event_type": "task.created", "filter": null}]}})
        ),
    )
    .await;
    let wid = created["data"]["id"]["webhook_id"]
        .as_str()
        .expect("webhook id")
        .to_owned();
    c.call(
        env,
        "POST",
        hooks,
        hooks,
        Some(json!({"data": {"target_url": "http://example.com/webhook", "subscriptions": []}})),
    )
    .await;
    c.call(
        env,
        "POST",
        hooks,
        hooks,
        Some(
            json!({"data": {"target_url": "https://example.com/webhook", "subscriptions": [{"event_type": "nope", "filter": null}]}})
        ),
    )
    .await;
    c.call(env, "GET", hooks, hooks, None).await;
    c.call(env, "GET", "/v2/webhooks?limit=50&offset=0", hooks, None)
        .await;
    c.call(env, "GET", &format!("/v2/webhooks/{wid}"), hook, None)
        .await;
    c.call(
        env,
        "GET",
        "/v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553",
        hook,
        None,
    )
    .await;
    c.call(
        env,
        "PATCH",
        &format!("/v2/webhooks/{wid}"),
        hook,
        Some(
            json!({"data": {"target_url": "https://example.org/hook", "subscriptions": [{"event_type": "record.deleted", "filter": null}]}})
        ),
    )
    .await;
    c.call(
        env,
        "PATCH",
        "/v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553",
        hook,
        Some(json!({"data": {"target_url": "https://example.org/hook"}})),
    )
    .await;
    c.call(env, "DELETE", &format!("/v2/webhooks/{wid}"), hook, None)
        .await;
    c.call(env, "DELETE", &format!("/v2/webhooks/{wid}"), hook, None)
        .await;
}
