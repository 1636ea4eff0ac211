//! Record merge (`200`, `202`, `400 self_merge`, `404`), attribute-history writes and saved
//! views: the newer operations, each answer checked against its fragment's schema.

use attio_sandbox::MergeDeferral;
use serde_json::{Value, json};

use crate::common::openapi::Checker;
use crate::common::{Env, id};

const MERGE: &str = "/v2/objects/{object}/records/merge";

async fn company(env: &Env, name: &str) -> String {
    id(&env.create("companies", json!({ "name": name })).await)
}

fn merge_body(primary: &str, secondary: &str) -> Option<Value> {
    Some(json!({"data": {"primary_record_id": primary, "secondary_record_id": secondary}}))
}

/// Merges at once (`200`), deferred (`202`, the new record `404 merge_in_progress` for one
/// read), with itself (`400`) and with a record that is gone (`404`).
pub(crate) async fn merge(env: &Env, c: &mut Checker) {
    let path = "/v2/objects/companies/records/merge";
    let (a, b) = (company(env, "A").await, company(env, "B").await);
    let merged = c.call(env, "POST", path, MERGE, merge_body(&a, &b)).await;
    let new_id = merged["data"]["new_record_id"].as_str().unwrap().to_owned();
    assert!(new_id != a && new_id != b, "{merged}");
    let (status, _) = env.call("POST", path, merge_body(&a, &b)).await;
    assert_eq!(status, 404, "a repeated merge finds the originals gone");
    c.call(env, "POST", path, MERGE, merge_body(&new_id, &a))
        .await;
    c.call(env, "POST", path, MERGE, merge_body(&new_id, &new_id))
        .await;

    env.sb.defer_merges(Some(MergeDeferral {
        reads: 1,
        ..Default::default()
    }));
    let (x, y) = (company(env, "X").await, company(env, "Y").await);
    let (status, body) = env.call("POST", path, merge_body(&x, &y)).await;
    assert_eq!(status, 202, "{body}");
    c.check("POST", MERGE, status, &body);
    env.sb.defer_merges(None);
    let record = format!(
        "/v2/objects/companies/records/{}",
        body["data"]["new_record_id"].as_str().unwrap()
    );
    let (status, pending) = env.call("GET", &record, None).await;
    assert_eq!(
        (status, &pending["code"]),
        (404, &json!("merge_in_progress"))
    );
    let (status, read) = env.call("GET", &record, None).await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(read["data"]["values"]["name"][0]["value"], "X");
}

/// A record attribute's whole history written (`200`), and refused: overlapping intervals on a
/// single-valued attribute, a missing `active_until` key (`400`), a missing record (`404`).
pub(crate) async fn history(env: &Env, c: &mut Checker) {
    let template = "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values";
    let acme = company(env, "Acme").await;
    let path = format!("/v2/objects/companies/records/{acme}/attributes/name/values");
    let body = |values: Value| Some(json!({"data": {"values": values, "replace_history": true}}));
    let written = c
        .call(env, "PUT", &path, template, body(json!([
            {"value": "Acme Corporation", "active_from": "2021-06-15T09:30:00Z", "active_until": null},
            {"value": "Acme (old name)", "active_from": "2020-01-01T00:00:00Z", "active_until": "2021-06-15T09:30:00Z"},
        ])))
        .await;
    let names: Vec<&Value> = written["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["value"])
        .collect();
    assert_eq!(
        names,
        [&json!("Acme (old name)"), &json!("Acme Corporation")]
    );
    let read = env
        .ok("GET", &format!("{path}?show_historic=true"), None)
        .await;
    assert_eq!(read, written["data"], "the history reads back as written");
    let overlap = c
        .call(env, "PUT", &path, template, body(json!([
            {"value": "A", "active_from": "2020-01-01T00:00:00Z", "active_until": "2021-01-01T00:00:00Z"},
            {"value": "B", "active_from": "2020-06-01T00:00:00Z", "active_until": null},
        ])))
        .await;
    assert_eq!(
        overlap["code"],
        "multiple_values_for_single_value_attribute"
    );
    let (status, no_until) = env
        .call(
            "PUT",
            &path,
            body(json!([{"value": "A", "active_from": "2020-01-01T00:00:00Z"}])),
        )
        .await;
    assert_eq!(status, 400, "{no_until}");
    c.check("PUT", template, status, &no_until);
    let gone =
        "/v2/objects/companies/records/bf071e1f-6035-429d-b874-d83ea64ea13b/attributes/name/values";
    c.call(
        env,
        "PUT",
        gone,
        template,
        body(json!([{"value": "A", "active_from": "2020-01-01T00:00:00Z", "active_until": null}])),
    )
    .await;
}

/// An object's views, paged (`200` with a next cursor, then the last page), and refused: a
/// `limit` out of bounds, a cursor the sandbox did not hand out (`400`), an object that does not
/// exist (`404`, documented).
pub(crate) async fn views(env: &Env, c: &mut Checker) {
    let template = "/v2/objects/{object}/views";
    let mut ids: Vec<String> = (0..3)
        .map(|i| {
            env.sb
                .insert_object_view("deals", &format!("Pipeline {i}"), i == 1)
                .unwrap()
        })
        .collect();
    ids.sort();
    let first = c
        .call(
            env,
            "GET",
            "/v2/objects/deals/views?limit=1&show_archived=true",
            template,
            None,
        )
        .await;
    assert_eq!(first["data"][0]["id"]["view_id"], ids[0].as_str());
    let cursor = first["pagination"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let rest = c
        .call(
            env,
            "GET",
            &format!("/v2/objects/deals/views?show_archived=true&cursor={cursor}"),
            template,
            None,
        )
        .await;
    let rest_ids: Vec<&Value> = rest["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["id"]["view_id"])
        .collect();
    assert_eq!(rest_ids, [&json!(ids[1]), &json!(ids[2])]);
    assert_eq!(rest["pagination"]["next_cursor"], Value::Null);
    let live = c
        .call(env, "GET", "/v2/objects/deals/views", template, None)
        .await;
    assert_eq!(
        live["data"].as_array().map(Vec::len),
        Some(2),
        "the archived view is left out"
    );
    for bad in ["limit=0", "limit=1001", "cursor=nope"] {
        let (status, _) = env
            .call("GET", &format!("/v2/objects/deals/views?{bad}"), None)
            .await;
        assert_eq!(status, 400, "{bad}");
    }
    c.call(env, "GET", "/v2/objects/nope/views", template, None)
        .await;
}
