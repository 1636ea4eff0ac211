//! Every record, object and attribute answer validates against its operation's response schema
//! in Attio's OpenAPI document (the schema preparation is in `common/openapi.rs`).
//!
//! No `oneOf` needed loosening: the sandbox's value shapes each match exactly one member.

mod common;

use common::openapi::{Checker, checker};
use common::{Env, id};
use serde_json::json;

#[tokio::test]
async fn responses_match_the_openapi_schemas() {
    let mut c = checker();
    let env = Env::new().await;

    macro_rules! call {
        ($method:expr, $path:expr, $template:expr, $body:expr) => {{
            let path: String = $path.into();
            let (status, body) = env.call($method, &path, $body).await;
            c.check($method, $template, status, &body);
            body
        }};
    }

    // The checker does reject a wrong shape.
    let wrong = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Checker {
            spec: c.spec.clone(),
            checked: 0,
        }
        .check(
            "GET",
            "/v2/objects",
            200,
            &json!({"data": [{"api_slug": 1}]}),
        )
    }));
    assert!(
        wrong.is_err(),
        "the validator must reject an invalid object list"
    );

    call!("GET", "/v2/objects", "/v2/objects", None);
    call!(
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        )
    );
    call!(
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        )
    );
    call!("GET", "/v2/objects/people", "/v2/objects/{object}", None);
    call!("GET", "/v2/objects/nope", "/v2/objects/{object}", None);
    for object in ["people", "companies", "deals", "users", "workspaces"] {
        call!(
            "GET",
            format!("/v2/objects/{object}/attributes"),
            "/v2/{target}/{identifier}/attributes",
            None
        );
    }
    for (slug, ty, config) in [
        (
            "amount",
            "currency",
            json!({"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}),
        ),
        (
            "owner_ref",
            "record-reference",
            json!({"record_reference": {"allowed_objects": ["people"]}}),
        ),
        ("tier", "select", json!({})),
        ("score", "rating", json!({})),
        ("done", "checkbox", json!({})),
        ("when", "timestamp", json!({})),
        ("since", "date", json!({})),
        ("count", "number", json!({})),
        ("hq", "location", json!({})),
        ("phone", "phone-number", json!({})),
        ("lead", "actor-reference", json!({})),
    ] {
        call!(
            "POST",
            "/v2/objects/projects/attributes",
            "/v2/{target}/{identifier}/attributes",
            Some(
                json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": ty, "is_required": false, "is_unique": false, "is_multiselect": false, "config": config}})
            )
        );
    }
    call!(
        "GET",
        "/v2/objects/projects/attributes/tier",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None
    );
    call!(
        "GET",
        "/v2/objects/projects/attributes/nope",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None
    );
    call!(
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}}))
    );
    call!(
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}}))
    );
    call!(
        "GET",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        None
    );
    call!(
        "GET",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        None
    );
    call!(
        "POST",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        Some(json!({"data": {"title": "Paused"}}))
    );

    let records = "/v2/objects/{object}/records";
    let one = "/v2/objects/{object}/records/{record_id}";
    let person = call!(
        "POST",
        "/v2/objects/people/records",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "name": "Lovelace, Ada", "phone_numbers": ["+447777777777"],
            "primary_location": "1 Infinite Loop, Cupertino, CA, 95014, US", "description": "d"}}})
        )
    );
    let pid = id(&person["data"]);
    let company = call!(
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(
            json!({"data": {"values": {"domains": ["x.com"], "name": "X", "categories": ["SaaS"], "team": [{"target_object": "people", "target_record_id": pid}], "foundation_date": "2020"}}})
        )
    );
    let cid = id(&company["data"]);
    call!(
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(json!({"data": {"values": {"categories": ["Nope"]}}}))
    );
    call!(
        "POST",
        "/v2/objects/nope/records",
        records,
        Some(json!({"data": {"values": {}}}))
    );
    let deal = call!(
        "POST",
        "/v2/objects/deals/records",
        records,
        Some(
            json!({"data": {"values": {"name": "D", "stage": "In Progress", "owner": "alice@attio.com", "value": 12.5, "associated_company": "x.com"}}})
        )
    );
    let did = id(&deal["data"]);
    let project = call!(
        "POST",
        "/v2/objects/projects/records",
        records,
        Some(
            json!({"data": {"values": {"amount": "4.99", "owner_ref": "ada@x.com", "tier": "Gold", "score": 4, "done": "true",
            "when": "2023-01-02T13:00", "since": "2023-01", "count": 3.25,
            "hq": {"line_1": "1 Infinite Loop", "line_2": null, "line_3": null, "line_4": null, "locality": "Cupertino", "region": "CA",
                   "postcode": "95014", "country_code": "US", "latitude": "37.331741", "longitude": "-122.030333"},
            "phone": [{"original_phone_number": "07777777777", "country_code": "GB"}], "lead": {"referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}}})
        )
    );
    let prid = id(&project["data"]);
    call!(
        "PUT",
        "/v2/objects/people/records?matching_attribute=email_addresses",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "job_title": "Countess"}}})
        )
    );
    call!(
        "PUT",
        "/v2/objects/people/records?matching_attribute=nope",
        records,
        Some(json!({"data": {"values": {"email_addresses": ["ada@x.com"]}}}))
    );
    for (o, rid) in [
        ("people", &pid),
        ("companies", &cid),
        ("deals", &did),
        ("projects", &prid),
    ] {
        call!("GET", format!("/v2/objects/{o}/records/{rid}"), one, None);
    }
    call!("GET", "/v2/objects/people/records/missing", one, None);
    call!(
        "PATCH",
        format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"job_title": "Analyst"}}}))
    );
    call!(
        "PATCH",
        format!("/v2/objects/deals/records/{did}"),
        one,
        Some(json!({"data": {"values": {"name": []}}}))
    );
    call!(
        "PUT",
        format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"email_addresses": ["ada@y.com"]}}}))
    );
    call!(
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"name": "Ada Lovelace"}}))
    );
    call!(
        "POST",
        "/v2/objects/projects/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({}))
    );
    call!(
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"nope": 1}}))
    );
    call!(
        "POST",
        "/v2/objects/nope/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({}))
    );
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
        call!(
            "GET",
            format!("/v2/objects/people/records/{pid}/attributes/{a}/values?show_historic=true"),
            values,
            None
        );
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
        call!(
            "GET",
            format!("/v2/objects/projects/records/{prid}/attributes/{a}/values"),
            values,
            None
        );
    }
    call!(
        "GET",
        format!("/v2/objects/deals/records/{did}/attributes/stage/values"),
        values,
        None
    );
    call!(
        "GET",
        format!("/v2/objects/companies/records/{cid}/attributes/categories/values"),
        values,
        None
    );
    call!(
        "GET",
        format!(
            "/v2/objects/people/records/{pid}/attributes/first_email_interaction/values?show_historic=true"
        ),
        values,
        None
    );
    call!(
        "GET",
        format!("/v2/objects/people/records/{pid}/attributes/nope/values"),
        values,
        None
    );
    call!(
        "DELETE",
        format!("/v2/objects/people/records/{pid}"),
        one,
        None
    );
    call!(
        "DELETE",
        format!("/v2/objects/people/records/{pid}"),
        one,
        None
    );
    assert!(c.checked >= 60, "{}", c.checked);
}
