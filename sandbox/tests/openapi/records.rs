//! Records: created with values of every type, asserted, read, updated, queried, their attribute
//! values listed, deleted.

use serde_json::json;

use crate::common::openapi::Checker;
use crate::common::{Env, id};

/// Creates a person, a company, a deal and a project (and is refused two); returns their ids.
pub(crate) async fn create(env: &Env, c: &mut Checker) -> (String, String, String, String) {
    let records = "/v2/objects/{object}/records";
    let person = c.call(
        env,
        "POST",
        "/v2/objects/people/records",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "name": "Lovelace, Ada", "phone_numbers": ["+447777777777"],
            "primary_location": "1 Infinite Loop, Cupertino, CA, 95014, US", "description": "d"}}})
        ),
    )
    .await;
    let pid = id(&person["data"]);
    let company = c.call(
        env,
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(
            json!({"data": {"values": {"domains": ["x.com"], "name": "X", "categories": ["SaaS"], "team": [{"target_object": "people", "target_record_id": pid}], "foundation_date": "2020"}}})
        ),
    )
    .await;
    let cid = id(&company["data"]);
    c.call(
        env,
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(json!({"data": {"values": {"categories": ["Nope"]}}})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/nope/records",
        records,
        Some(json!({"data": {"values": {}}})),
    )
    .await;
    let deal = c.call(
        env,
        "POST",
        "/v2/objects/deals/records",
        records,
        Some(
            json!({"data": {"values": {"name": "D", "stage": "In Progress", "owner": "alice@attio.com", "value": 12.5, "associated_company": "x.com"}}})
        ),
    )
    .await;
    let did = id(&deal["data"]);
    let project = c.call(
        env,
        "POST",
        "/v2/objects/projects/records",
        records,
        Some(
            json!({"data": {"values": {"amount": "4.99", "owner_ref": "ada@x.com", "tier": "Gold", "score": 4, "done": "true",
            "when": "2023-01-02T13:00", "since": "2023-01", "count": 3.25,
            "hq": {"line_1": "1 Infinite Loop", "line_2": null, "line_3": null, "line_4": null, "locality": "Cupertino", "region": "CA",
                   "postcode": "95014", "country_code": "US", "latitude": "37.331741", "longitude": "-122.030333"},
            "phone": [{"original_phone_number": "07777777777", "country_code": "GB"}], "lead": {"referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}}})
        ),
    )
    .await;
    let prid = id(&project["data"]);
    (pid, cid, did, prid)
}

/// Asserts a person by email (and is refused an unknown matching attribute), reads each record.
pub(crate) async fn assert_and_get(
    env: &Env,
    c: &mut Checker,
    pid: &str,
    cid: &str,
    did: &str,
    prid: &str,
) {
    let records = "/v2/objects/{object}/records";
    let one = "/v2/objects/{object}/records/{record_id}";
    c.call(
        env,
        "PUT",
        "/v2/objects/people/records?matching_attribute=email_addresses",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "job_title": "Countess"}}})
        ),
    )
    .await;
    c.call(
        env,
        "PUT",
        "/v2/objects/people/records?matching_attribute=nope",
        records,
        Some(json!({"data": {"values": {"email_addresses": ["ada@x.com"]}}})),
    )
    .await;
    for (o, rid) in [
        ("people", &pid),
        ("companies", &cid),
        ("deals", &did),
        ("projects", &prid),
    ] {
        c.call(
            env,
            "GET",
            &format!("/v2/objects/{o}/records/{rid}"),
            one,
            None,
        )
        .await;
    }
    c.call(env, "GET", "/v2/objects/people/records/missing", one, None)
        .await;
}

/// Updates, queries, every attribute's values, deletes.
pub(crate) async fn update_query_values_delete(
    env: &Env,
    c: &mut Checker,
    pid: &str,
    cid: &str,
    did: &str,
    prid: &str,
) {
    let one = "/v2/objects/{object}/records/{record_id}";
    c.call(
        env,
        "PATCH",
        &format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"job_title": "Analyst"}}})),
    )
    .await;
    c.call(
        env,
        "PATCH",
        &format!("/v2/objects/deals/records/{did}"),
        one,
        Some(json!({"data": {"values": {"name": []}}})),
    )
    .await;
    c.call(
        env,
        "PUT",
        &format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"email_addresses": ["ada@y.com"]}}})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"name": "Ada Lovelace"}})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/projects/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"nope": 1}})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/nope/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({})),
    )
    .await;
    let values = "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values";
    for a in [
        "job_title",
        "email_addresses",
        "name",
        "phone_numbers",
        "primary_location",
        "record_id",
        "created_at",
        "created_by",
    ] {
        c.call(
            env,
            "GET",
            &format!("/v2/objects/people/records/{pid}/attributes/{a}/values?show_historic=true"),
            values,
            None,
        )
        .await;
    }
    for a in [
        "amount",
        "owner_ref",
        "tier",
        "score",
        "done",
        "when",
        "since",
        "count",
        "hq",
        "phone",
        "lead",
    ] {
        c.call(
            env,
            "GET",
            &format!("/v2/objects/projects/records/{prid}/attributes/{a}/values"),
            values,
            None,
        )
        .await;
    }
    c.call(
        env,
        "GET",
        &format!("/v2/objects/deals/records/{did}/attributes/stage/values"),
        values,
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        &format!("/v2/objects/companies/records/{cid}/attributes/categories/values"),
        values,
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        &format!(
            "/v2/objects/people/records/{pid}/attributes/first_email_interaction/values?show_historic=true"
        ),
        values,
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        &format!("/v2/objects/people/records/{pid}/attributes/nope/values"),
        values,
        None,
    )
    .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/objects/people/records/{pid}"),
        one,
        None,
    )
    .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/objects/people/records/{pid}"),
        one,
        None,
    )
    .await;
}
