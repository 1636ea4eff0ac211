//! What keeps activities apart: the objects' routes never see an activity and the activities'
//! routes never an object; the scopes the activities' routes require; the webhook events they
//! emit; the write conflicts the sandbox injects into record writes.

use std::time::Duration;

use attio_sandbox::Fault;
use serde_json::{Value, json};

use crate::common::{Env, id};
use crate::{create_activity, create_attribute, create_record};

#[tokio::test]
async fn objects_routes_do_not_see_activities_nor_activities_routes_objects() {
    let env = Env::new().await;
    let objects = env.ok("GET", "/v2/objects", None).await;
    assert!(
        objects
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["api_slug"] != "phone_calls")
    );
    for (method, path) in [
        ("GET", "/v2/objects/phone_calls"),
        ("GET", "/v2/objects/phone_calls/attributes"),
        ("POST", "/v2/objects/phone_calls/records/query"),
        ("POST", "/v2/objects/phone_calls/records"),
    ] {
        let err = env
            .expect_error(method, path, Some(json!({})), 404, "not_found")
            .await;
        assert_eq!(
            err["message"], "Object with slug/ID \"phone_calls\" not found.",
            "{method} {path}"
        );
    }
    let person = env
        .create("people", json!({"email_addresses": ["ada@example.com"]}))
        .await;
    for (method, path) in [
        ("GET", "/v2/activities/people".to_owned()),
        ("GET", "/v2/activities/people/attributes".to_owned()),
        ("POST", "/v2/activities/people/records/query".to_owned()),
        (
            "GET",
            format!("/v2/activities/people/records/{}", id(&person)),
        ),
    ] {
        let err = env
            .expect_error(method, &path, Some(json!({})), 404, "not_found")
            .await;
        assert_eq!(
            err["message"], "Activity with slug/ID \"people\" not found.",
            "{method} {path}"
        );
    }
    // An activity record is not a record of any object, nor a record one of an activity.
    let call = create_record(&env, "phone_calls", json!({"duration_seconds": 5})).await;
    env.expect_error(
        "GET",
        &format!("/v2/objects/people/records/{}", id(&call)),
        None,
        404,
        "not_found",
    )
    .await;
    // No value history and no merge for activity records, as in Attio.
    let (status, body) = env
        .call(
            "GET",
            &format!(
                "/v2/activities/phone_calls/records/{}/attributes/duration_seconds/values",
                id(&call)
            ),
            None,
        )
        .await;
    assert_eq!(status, 404, "{body}");
    assert!(body["message"].as_str().unwrap().starts_with("No route"));
    let (status, _) = env
        .call(
            "POST",
            "/v2/activities/phone_calls/records/merge",
            Some(json!({})),
        )
        .await;
    assert_eq!(status, 405);
}

#[tokio::test]
async fn the_activities_routes_require_their_scopes() {
    let env = Env::new().await;
    let call = create_record(&env, "phone_calls", json!({"duration_seconds": 5})).await;
    let path = format!("/v2/activities/phone_calls/records/{}", id(&call));
    let base = [
        "record_permission:read-write",
        "object_configuration:read-write",
    ];

    // Without activity_record:read: the records are refused, the definitions are not.
    env.sb.set_scopes(
        base.iter()
            .copied()
            .chain(["activity_configuration:read-write"]),
    );
    let err = env
        .expect_error("GET", &path, None, 403, "unauthorized")
        .await;
    assert_eq!(err["type"], "auth_error");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("activity_record:read"),
        "{err}"
    );
    env.expect_error(
        "POST",
        "/v2/activities/phone_calls/records/query",
        Some(json!({})),
        403,
        "unauthorized",
    )
    .await;
    env.ok("GET", "/v2/activities", None).await;
    // The older routes do not enforce scopes.
    env.ok("GET", "/v2/objects", None).await;

    // activity_record:read reads but does not write; read-write does both.
    env.sb.set_scopes(
        base.iter()
            .copied()
            .chain(["activity_configuration:read", "activity_record:read"]),
    );
    env.ok("GET", &path, None).await;
    env.expect_error(
        "PATCH",
        &path,
        Some(json!({"data": {"values": {"duration_seconds": 6}}})),
        403,
        "unauthorized",
    )
    .await;
    env.expect_error(
        "POST",
        "/v2/activities",
        Some(
            json!({"data": {"api_slug": "x", "singular_noun": "X", "plural_noun": "Xs",
            "extends": "activities"}}),
        ),
        403,
        "unauthorized",
    )
    .await;
    // The record routes need the object and record scopes too.
    env.sb
        .set_scopes(["activity_configuration:read", "activity_record:read"]);
    env.expect_error("GET", &path, None, 403, "unauthorized")
        .await;
    env.ok("GET", "/v2/activities/phone_calls", None).await;
    // And definitions need activity_configuration.
    env.sb.set_scopes(base);
    env.expect_error("GET", "/v2/activities", None, 403, "unauthorized")
        .await;
}

/// The events of every delivery attempted so far, once `n` are recorded.
async fn events(env: &Env, n: usize) -> Vec<Value> {
    let attempts = env
        .sb
        .wait_for_deliveries(Duration::from_secs(20), |a| a.len() >= n)
        .await
        .expect("deliveries");
    attempts
        .iter()
        .map(|a| serde_json::from_str::<Value>(&a.body).unwrap()["events"][0].clone())
        .collect()
}

#[tokio::test]
async fn activities_announce_themselves_as_webhook_events() {
    let env = Env::new().await;
    let types = [
        "activity.created",
        "activity.updated",
        "activity.deleted",
        "activity-attribute.created",
        "activity-attribute.updated",
        "activity-record.created",
        "activity-record.deleted",
    ];
    let subscriptions: Vec<Value> = types
        .iter()
        .map(|t| json!({"event_type": t, "filter": null}))
        .collect();
    // Off loopback: recorded, not sent (the sandbox's rule), which is all this test reads.
    env.ok(
        "POST",
        "/v2/webhooks",
        Some(json!({"data": {"target_url": "https://example.com/attio",
            "subscriptions": subscriptions}})),
    )
    .await;

    let visits = create_activity(&env, "site_visits", "activities").await;
    let aid = visits["id"]["activity_id"].as_str().unwrap().to_owned();
    env.ok(
        "PATCH",
        "/v2/activities/site_visits",
        Some(json!({"data": {"plural_noun": "Visits"}})),
    )
    .await;
    let page = create_attribute(&env, "site_visits", "page", "text", json!({})).await;
    let attribute_id = page["id"]["attribute_id"].as_str().unwrap().to_owned();
    env.ok(
        "PATCH",
        "/v2/activities/site_visits/attributes/page",
        Some(json!({"data": {"title": "Page"}})),
    )
    .await;
    let record = create_record(&env, "site_visits", json!({"page": "/a"})).await;
    let rid = id(&record);
    // An update announces nothing: Attio lists no activity-record.updated.
    env.ok(
        "PATCH",
        &format!("/v2/activities/site_visits/records/{rid}"),
        Some(json!({"data": {"values": {"page": "/b"}}})),
    )
    .await;
    let second = id(&create_record(&env, "site_visits", json!({})).await);
    let (status, _) = env
        .call(
            "DELETE",
            &format!("/v2/activities/site_visits/records/{rid}"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = env.call("DELETE", "/v2/activities/site_visits", None).await;
    assert_eq!(status, 200);

    let got = events(&env, 9).await;
    let ws = env.sb.workspace_id();
    let activity = json!({"workspace_id": ws, "activity_id": aid});
    let attribute = json!({"workspace_id": ws, "activity_id": aid, "attribute_id": attribute_id});
    let row = |r: &str| json!({"workspace_id": ws, "activity_id": aid, "record_id": r});
    let expected = [
        ("activity.created", activity.clone()),
        ("activity.updated", activity.clone()),
        ("activity-attribute.created", attribute.clone()),
        ("activity-attribute.updated", attribute),
        ("activity-record.created", row(&rid)),
        ("activity-record.created", row(&second)),
        ("activity-record.deleted", row(&rid)),
        ("activity-record.deleted", row(&second)),
        ("activity.deleted", activity),
    ];
    let seen: Vec<(String, Value)> = got
        .iter()
        .map(|e| {
            (
                e["event_type"].as_str().unwrap().to_owned(),
                e["id"].clone(),
            )
        })
        .collect();
    let expected: Vec<(String, Value)> = expected
        .into_iter()
        .map(|(t, id)| (t.to_owned(), id))
        .collect();
    assert_eq!(seen, expected);
    assert_eq!(got[0]["actor"]["type"], "api-token");
}

#[tokio::test]
async fn injected_write_conflicts_strike_activity_record_writes() {
    let env = Env::new().await;
    let call = create_record(&env, "phone_calls", json!({"duration_seconds": 5})).await;
    let path = format!("/v2/activities/phone_calls/records/{}", id(&call));
    env.sb.inject_fault(Fault::ConcurrentWriteConflict, 1);
    // A read passes the rule by.
    env.ok("GET", &path, None).await;
    env.expect_error(
        "PATCH",
        &path,
        Some(json!({"data": {"values": {"duration_seconds": 6}}})),
        409,
        "concurrent_write_conflict",
    )
    .await;
    let after = env.ok("GET", &path, None).await;
    assert_eq!(after["values"]["duration_seconds"][0]["value"], 5.0);
}
