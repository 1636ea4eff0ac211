//! Inputs Attio refuses, each with its status and error code.

use serde_json::{Value, json};

use crate::fixtures::env_with_customs;

#[tokio::test]
async fn rejected_inputs() {
    let env = env_with_customs().await;
    let cases: Vec<(&str, Value, u16, &str)> = vec![
        ("companies", json!({"name": 5}), 400, "validation_type"),
        (
            "companies",
            json!({"name": ["a", "b"]}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"domains": "acme.com"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"domains": ["not a domain"]}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"a_custom_checkbox_attribute": "yes"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"amount_owed": 1.23456}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"performance": 6}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"performance": 2.5}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"foundation_date": "yesterday"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"my_timestamp_attribute": "2023-13-01"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"primary_location": {"line_1": "x"}}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"categories": ["Nope"]}),
            400,
            "value_not_found",
        ),
        (
            "companies",
            json!({"no_such_attribute": "x"}),
            400,
            "value_not_found",
        ),
        (
            "companies",
            json!({"logo_url": "x"}),
            400,
            "system_edit_unauthorized",
        ),
        (
            "companies",
            json!({"record_id": "x"}),
            400,
            "system_edit_unauthorized",
        ),
        (
            "companies",
            json!({"first_email_interaction": "x"}),
            400,
            "system_edit_unauthorized",
        ),
        (
            "companies",
            json!({"domains": ["company.com"]}),
            400,
            "uniqueness_conflict",
        ),
        (
            "companies",
            json!({"team": [{"target_object": "people", "target_record_id": "nope"}]}),
            400,
            "value_not_found",
        ),
        (
            "companies",
            json!({"team": ["nobody@nowhere.com"]}),
            400,
            "value_not_found",
        ),
        (
            "people",
            json!({"email_addresses": ["not-an-email"]}),
            400,
            "validation_type",
        ),
        (
            "people",
            json!({"name": {"first_name": "A"}}),
            400,
            "validation_type",
        ),
        (
            "people",
            json!({"phone_numbers": ["07777777777"]}),
            400,
            "validation_type",
        ),
        (
            "deals",
            json!({"name": "D", "stage": "Nope", "owner": "alice@attio.com"}),
            400,
            "value_not_found",
        ),
        (
            "deals",
            json!({"name": "D", "stage": "Lead", "owner": "stranger@x.com"}),
            400,
            "value_not_found",
        ),
        (
            "deals",
            json!({"name": "D", "stage": "Lead"}),
            400,
            "missing_value",
        ),
        (
            "users",
            json!({"user_id": "123", "primary_email_address": "other@x.com"}),
            400,
            "uniqueness_conflict",
        ),
        ("nope", json!({}), 404, "not_found"),
    ];
    for (object, values, status, code) in cases {
        let (s, body) = env.create_err(object, values.clone()).await;
        assert_eq!(
            (s, body["code"].as_str().unwrap_or("")),
            (status, code),
            "{object} {values}: {body}"
        );
        assert_eq!(body["status_code"], status);
        assert!(body["type"].is_string() && body["message"].is_string());
    }
    let (s, body) = env
        .call(
            "POST",
            "/v2/objects/people/records",
            Some(json!({"nope": 1})),
        )
        .await;
    assert_eq!((s, body["code"].as_str()), (400, Some("validation_type")));
    let (s, _) = env
        .call("GET", "/v2/objects/people/records/missing", None)
        .await;
    assert_eq!(s, 404);
}

/// A multi-valued unique attribute is unique value by value, as Attio documents: no two people
/// share an email address (whatever its case), no two companies a domain. A create or an append
/// holding one value another record has is a `uniqueness_conflict` and changes nothing; the
/// records holding any of several values are found by an `$or` of shorthand filters.
#[tokio::test]
async fn multi_valued_unique_attributes_are_unique_value_by_value() {
    let env = crate::common::Env::new().await;
    let a = env
        .create("people", json!({"email_addresses": ["a@held.example"]}))
        .await;
    let b = env
        .create("people", json!({"email_addresses": ["b@held.example"]}))
        .await;
    let (s, body) = env
        .create_err(
            "people",
            json!({"email_addresses": ["new@held.example", "A@Held.example"]}),
        )
        .await;
    assert_eq!(
        (s, body["code"].as_str()),
        (400, Some("uniqueness_conflict"))
    );
    let query = |filter: Value| {
        env.ok(
            "POST",
            "/v2/objects/people/records/query",
            Some(json!({ "filter": filter })),
        )
    };
    let none = query(json!({"email_addresses": "new@held.example"})).await;
    assert_eq!(none, json!([]), "the refused create made nothing");
    let b_id = crate::common::id(&b);
    let (s, body) = env
        .call(
            "PATCH",
            &format!("/v2/objects/people/records/{b_id}"),
            Some(json!({"data": {"values": {"email_addresses": ["a@held.example"]}}})),
        )
        .await;
    assert_eq!(
        (s, body["code"].as_str()),
        (400, Some("uniqueness_conflict"))
    );
    let both = query(json!({"$or": [
        {"email_addresses": "A@held.example"},
        {"email_addresses": "b@held.example"},
    ]}))
    .await;
    let mut ids: Vec<String> = both
        .as_array()
        .map(|records| records.iter().map(crate::common::id).collect())
        .unwrap_or_default();
    ids.sort();
    let mut expected = vec![crate::common::id(&a), b_id];
    expected.sort();
    assert_eq!(ids, expected);

    env.create("companies", json!({"domains": ["acme.example"]}))
        .await;
    let (s, body) = env
        .create_err(
            "companies",
            json!({"domains": ["acme-eu.example", "ACME.example"]}),
        )
        .await;
    assert_eq!(
        (s, body["code"].as_str()),
        (400, Some("uniqueness_conflict"))
    );
}
