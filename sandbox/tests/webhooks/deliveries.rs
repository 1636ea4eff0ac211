//! What arrives: a record's life as the documented events, signed; filters; both sides of a
//! two-way relationship; targets off loopback recorded but not sent.

use attio_sandbox::AttemptResult;
use serde_json::{Value, json};

use crate::common::id;
use crate::harness::{WAIT, attribute_id, delete, env, every, hmac_hex, subscribe};
use crate::receiver::Receiver;

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
async fn a_merge_arrives_as_two_record_merged_events_and_a_history_write_as_none() {
    let env = env().await;
    let receiver = Receiver::start(vec![]).await;
    subscribe(
        &env,
        &receiver.url,
        every(&["record.merged", "record.updated"]),
    )
    .await;
    let (a, b) = (
        id(&env.create("companies", json!({"name": "A"})).await),
        id(&env.create("companies", json!({"name": "B"})).await),
    );
    // A history write fires no webhook (Attio's documented rule).
    env.ok(
        "PUT",
        &format!("/v2/objects/companies/records/{a}/attributes/name/values"),
        Some(json!({"data": {"replace_history": true, "values": [
            {"value": "A", "active_from": "2020-01-01T00:00:00Z", "active_until": null}]}})),
    )
    .await;
    let merged = env
        .ok(
            "POST",
            "/v2/objects/companies/records/merge",
            Some(json!({"data": {"primary_record_id": a, "secondary_record_id": b}})),
        )
        .await;
    let new_id = merged["new_record_id"].as_str().unwrap();
    env.sb.wait_for_delivered(2, WAIT).await.unwrap();
    let events: Vec<Value> = receiver
        .got()
        .iter()
        .map(|g| g.json()["events"][0].clone())
        .collect();
    assert_eq!(events.len(), 2, "{events:#?}");
    for (event, original) in events.iter().zip([&a, &b]) {
        assert_eq!(event["event_type"], "record.merged");
        assert_eq!(event["id"]["record_id"], new_id);
        assert_eq!(event["duplicate_record_id"], json!(original));
        assert_eq!(event["duplicate_object_id"], event["id"]["object_id"]);
    }
}
