//! Every attribute type's documented write forms are accepted, normalised per type, and record
//! references resolve in each of their forms.

use serde_json::{Value, json};

use crate::common::{id, vals};
use crate::fixtures::env_with_customs;

/// Which object each documented example attribute lives on in these tests.
fn object_for(slug: &str) -> &'static str {
    match slug {
        "email_addresses" | "name" | "phone_numbers" => "people",
        "primary_email_address" => "users",
        "owner" | "associated_company" | "associated_people" | "stage" => "deals",
        _ => "companies",
    }
}

#[tokio::test]
async fn every_documented_write_form_is_accepted() {
    let env = env_with_customs().await;
    // The documented examples, copied into the repository from shared/attio/examples.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("examples dir") {
        let path = entry.expect("entry").path();
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let Some(forms) = doc["write_forms"].as_array() else {
            continue;
        };
        for form in forms {
            let values = form["values"].as_object().expect("values").clone();
            let (slug, v) = values.iter().next().expect("one attribute");
            let object = object_for(slug);
            let mut record = json!({slug: v});
            // Fill in what the object requires.
            let base = match object {
                "deals" => json!({"name": "Deal", "stage": "Lead", "owner": "alice@attio.com"}),
                "users" => {
                    json!({"user_id": format!("u{checked}"), "primary_email_address": format!("u{checked}@x.com")})
                }
                _ => json!({}),
            };
            for (k, val) in base.as_object().unwrap() {
                record
                    .as_object_mut()
                    .unwrap()
                    .entry(k.clone())
                    .or_insert(val.clone());
            }
            if object == "people" && slug == "email_addresses" {
                record = json!({slug: [format!("p{checked}@new.com")]});
                if v[0].is_object() {
                    record = json!({slug: [{"email_address": format!("p{checked}@new.com")}]});
                }
            }
            if object == "companies" && slug == "domains" {
                let n = checked;
                record = match &v[0] {
                    Value::Object(_) => json!({slug: [{"domain": format!("d{n}.com")}]}),
                    _ => json!({slug: [format!("d{n}.com"), format!("e{n}.com")]}),
                };
            }
            let (status, body) = env.create_err(object, record.clone()).await;
            assert_eq!(
                status,
                200,
                "{} {}: {record} -> {body}",
                path.display(),
                form["form"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
}

#[tokio::test]
async fn normalisation_per_type() {
    let env = env_with_customs().await;
    let c = env
        .create(
            "companies",
            json!({
                "domains": ["https://www.Acme.co.uk/about?x=1"],
                "amount_owed": "4.99",
                "a_custom_checkbox_attribute": [true],
                "performance": {"value": 5},
                "my_timestamp_attribute": "2023-01-02T13:00:00.000000000+02:00",
                "foundation_date": "2023-01-02T23:00:00-10:00",
                "primary_location": "1 Infinite Loop, Cupertino, CA, 95014, US",
                "categories": ["3D Printing", {"option": "B2B"}],
            }),
        )
        .await;
    assert_eq!(
        vals(&c, "domains"),
        [json!({"domain": "www.acme.co.uk", "root_domain": "acme.co.uk"})]
    );
    assert_eq!(
        vals(&c, "amount_owed"),
        [json!({"currency_value": 4.99, "currency_code": "GBP"})]
    );
    assert_eq!(
        vals(&c, "a_custom_checkbox_attribute"),
        [json!({"value": true})]
    );
    assert_eq!(vals(&c, "performance"), [json!({"value": 5})]);
    assert_eq!(
        vals(&c, "my_timestamp_attribute"),
        [json!({"value": "2023-01-02T11:00:00.000000000Z"})]
    );
    assert_eq!(
        vals(&c, "foundation_date"),
        [json!({"value": "2023-01-03"})]
    );
    assert_eq!(vals(&c, "primary_location")[0]["locality"], "Cupertino");
    let cats = vals(&c, "categories");
    assert_eq!(cats.len(), 2);
    assert_eq!(cats[0]["option"]["title"], "3D Printing");
    assert_eq!(
        cats[0]["option"]["id"]["option_id"],
        "14938464-cae9-4e50-8856-0fb584844f24"
    );
    let p = env
        .create("people", json!({"phone_numbers": [{"original_phone_number": "07777777777", "country_code": "GB"}, "+15558675309"], "name": "Ada"}))
        .await;
    assert_eq!(
        vals(&p, "phone_numbers"),
        [
            json!({"original_phone_number": "07777777777", "country_code": "GB", "phone_number": "+447777777777"}),
            json!({"original_phone_number": "+15558675309", "country_code": "US", "phone_number": "+15558675309"})
        ]
    );
    assert_eq!(
        vals(&p, "name"),
        [json!({"first_name": "Ada", "last_name": "", "full_name": "Ada"})]
    );
    let d = env.create("deals", json!({"name": "D", "stage": {"status": "Won 🎉"}, "owner": {"workspace_member_email_address": "bob@attio.com"}, "value": 10})).await;
    assert_eq!(
        vals(&d, "value"),
        [json!({"currency_value": 10.0, "currency_code": "USD"})]
    );
    assert_eq!(vals(&d, "stage")[0]["status"]["celebration_enabled"], true);
    assert_eq!(
        vals(&d, "owner")[0]["referenced_actor_type"],
        "workspace-member"
    );
}

#[tokio::test]
async fn record_reference_forms_resolve() {
    let env = env_with_customs().await;
    let company = env
        .ok(
            "POST",
            "/v2/objects/companies/records/query",
            Some(json!({"filter": {"domains": "company.com"}})),
        )
        .await;
    let company_id = id(&company[0]);
    let d = env
        .create(
            "deals",
            json!({"name": "D", "stage": "Lead", "owner": "alice@attio.com", "associated_company": "company.com",
                "associated_people": [{"target_object": "people", "email_addresses": [{"email_address": "alice@website.com"}]}, "person@company.com"]}),
        )
        .await;
    assert_eq!(
        vals(&d, "associated_company")[0]["target_record_id"],
        company_id
    );
    assert_eq!(vals(&d, "associated_people").len(), 2);
    let c = env
        .ok(
            "GET",
            &format!("/v2/objects/companies/records/{company_id}"),
            None,
        )
        .await;
    assert_eq!(vals(&c, "associated_deals")[0]["target_record_id"], id(&d));
}
