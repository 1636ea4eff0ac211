//! Multiselect semantics: PATCH appends, PUT overwrites, assert mixes both; history and delete.

use serde_json::{Value, json};

use crate::common::{Env, id, vals};

#[tokio::test]
async fn patch_appends_put_overwrites_assert_mixes() {
    let env = Env::new().await;
    let p = env.create("people", json!({"email_addresses": ["a@x.com"], "phone_numbers": ["+447777777777"], "job_title": "A"})).await;
    let rid = id(&p);
    let path = format!("/v2/objects/people/records/{rid}");
    let emails = |r: &Value| {
        vals(r, "email_addresses")
            .iter()
            .map(|v| v["email_address"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    let r = env
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"email_addresses": ["b@x.com"], "job_title": "B"}}})),
        )
        .await;
    assert_eq!(emails(&r), ["b@x.com", "a@x.com"]);
    assert_eq!(vals(&r, "job_title"), [json!({"value": "B"})]);
    let r = env
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"email_addresses": []}}})),
        )
        .await;
    assert_eq!(emails(&r), ["b@x.com", "a@x.com"]);

    let r = env
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"email_addresses": ["c@x.com", "a@x.com"]}}})),
        )
        .await;
    assert_eq!(emails(&r), ["c@x.com", "a@x.com"]);
    assert_eq!(
        vals(&r, "job_title"),
        [json!({"value": "B"})],
        "omitted attributes are untouched"
    );

    // Assert by email: the matching attribute appends, other multiselects are overwritten.
    let r = env
        .ok(
            "PUT",
            "/v2/objects/people/records?matching_attribute=email_addresses",
            Some(json!({"data": {"values": {"email_addresses": ["a@x.com", "d@x.com"], "phone_numbers": ["+33123456789"]}}})),
        )
        .await;
    assert_eq!(id(&r), rid);
    assert_eq!(emails(&r), ["d@x.com", "c@x.com", "a@x.com"]);
    assert_eq!(vals(&r, "phone_numbers").len(), 1);
    assert_eq!(vals(&r, "phone_numbers")[0]["country_code"], "FR");

    // Assert with no match creates.
    let r = env
        .ok(
            "PUT",
            "/v2/objects/people/records?matching_attribute=email_addresses",
            Some(json!({"data": {"values": {"email_addresses": ["new@x.com"]}}})),
        )
        .await;
    assert_ne!(id(&r), rid);
    let (s, b) = env
        .call(
            "PUT",
            "/v2/objects/people/records?matching_attribute=nope",
            Some(json!({"data": {"values": {"email_addresses": ["n@x.com"]}}})),
        )
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("value_not_found")));

    // PUT [] clears single and multi.
    let r = env
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"job_title": [], "phone_numbers": []}}})),
        )
        .await;
    assert!(vals(&r, "job_title").is_empty() && vals(&r, "phone_numbers").is_empty());

    // Empty PATCH payload.
    let (s, b) = env
        .call("PATCH", &path, Some(json!({"data": {"values": {}}})))
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("validation_type")));

    // History: replaced values get active_until, sorted oldest first.
    let h = env
        .ok(
            "GET",
            &format!("{path}/attributes/job_title/values?show_historic=true"),
            None,
        )
        .await;
    let h = h.as_array().unwrap();
    assert_eq!(
        h.iter()
            .map(|v| v["value"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["A", "B"]
    );
    assert!(h.iter().all(|v| v["active_until"].is_string()));
    assert!(h[0]["active_from"].as_str() < h[1]["active_from"].as_str());
    assert_eq!(h[0]["active_until"], h[1]["active_from"]);
    let current = env
        .ok(
            "GET",
            &format!("{path}/attributes/email_addresses/values?show_historic=false"),
            None,
        )
        .await;
    assert_eq!(current.as_array().unwrap().len(), 3);
    let all = env
        .ok(
            "GET",
            &format!(
                "{path}/attributes/email_addresses/values?show_historic=true&limit=2&offset=1"
            ),
            None,
        )
        .await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    let (s, _) = env
        .call("GET", &format!("{path}/attributes/nope/values"), None)
        .await;
    assert_eq!(s, 404);

    // Delete.
    let (s, b) = env.call("DELETE", &path, None).await;
    assert_eq!((s, b), (200, json!({})));
    let (s, _) = env.call("DELETE", &path, None).await;
    assert_eq!(s, 404);
}
