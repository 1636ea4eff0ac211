//! Values Attio would reject are refused with `Error::InvalidValue` before anything is sent.

use attio::prelude::*;
use attio::{ActorReference, AttributeType, Error, PhoneNumber, Record};
use serde_json::json;

use crate::env::{Env, gadgets};
use crate::structs::Strict;

/// A value Attio would reject is refused by the client with `Error::InvalidValue` naming the
/// field and the attribute, and nothing reaches the sandbox: not by create, not by update.
#[tokio::test]
async fn values_attio_would_reject_are_refused_before_sending() {
    let env = Env::new().await;
    gadgets(&env).await;
    let ok = Strict {
        text: "fine".into(),
        mass: Some(1.5),
        steward: None,
        contacts: Vec::new(),
    };
    let id = env.client.create_record(&ok).await.unwrap().id.record_id;
    let record_path = format!("/v2/objects/gadgets/records/{id}");

    let api_token: ActorReference = serde_json::from_value(
        json!({"referenced_actor_type": "api-token", "referenced_actor_id": "9f7a3c1e-0000-4000-8000-000000000001"}),
    )
    .expect("any actor decodes");
    let system: ActorReference = serde_json::from_value(
        json!({"referenced_actor_type": "system", "referenced_actor_id": null}),
    )
    .unwrap();
    // A phone number read from a response is kept as Attio sent it, unchecked; writing it back
    // checks it.
    let read: Record<Strict> = attio::wire::decode_record(
        json!({"data": {
            "id": {"workspace_id": "w", "object_id": "o", "record_id": "r"},
            "created_at": "2024-01-01T00:00:00.000000000Z",
            "values": {
                "label": [{"attribute_type": "text", "value": "read"}],
                "contacts": [{"attribute_type": "phone-number", "original_phone_number": "0777 CALL ME", "country_code": null, "phone_number": null}],
            },
        }})
        .to_string()
        .as_bytes(),
    )
    .expect("a response decodes without re-checking values");
    let bad_phone = read.values.contacts[0].clone();
    let cases: Vec<(&str, Strict, &str, &str, AttributeType)> = vec![
        (
            "text over 10 MB",
            Strict {
                text: "x".repeat(attio::values::MAX_TEXT_BYTES + 1),
                ..ok.clone()
            },
            "text",
            "label",
            AttributeType::Text,
        ),
        (
            "NaN",
            Strict {
                mass: Some(f64::NAN),
                ..ok.clone()
            },
            "mass",
            "weight",
            AttributeType::Number,
        ),
        (
            "infinity",
            Strict {
                mass: Some(f64::INFINITY),
                ..ok.clone()
            },
            "mass",
            "weight",
            AttributeType::Number,
        ),
        (
            "an api-token actor",
            Strict {
                steward: Some(api_token),
                ..ok.clone()
            },
            "steward",
            "steward",
            AttributeType::ActorReference,
        ),
        (
            "the system actor",
            Strict {
                steward: Some(system),
                ..ok.clone()
            },
            "steward",
            "steward",
            AttributeType::ActorReference,
        ),
    ];
    let mut cases = cases;
    cases.push((
        "a phone number with letters, in a Vec",
        Strict {
            contacts: vec![PhoneNumber::new("+15558675309").unwrap(), bad_phone],
            ..ok.clone()
        },
        "contacts",
        "contacts",
        AttributeType::PhoneNumber,
    ));

    let before = env.sb.total_requests();
    for (what, value, field, attribute, ty) in &cases {
        for op in ["create", "update"] {
            let result = match op {
                "create" => env.client.create_record(value).await,
                _ => value.update(&env.client, &id).await,
            };
            let err = result.expect_err(what);
            let text = err.to_string();
            let Error::InvalidValue {
                object,
                field: f,
                attribute: a,
                source,
            } = &err
            else {
                panic!("{what} ({op}): expected InvalidValue, got {err:?}");
            };
            assert_eq!(*object, "gadgets", "{what}");
            assert_eq!((*f, *a), (*field, *attribute), "{what} ({op})");
            assert_eq!(source.attribute_type(), ty, "{what}");
            assert!(
                text.contains(field) && text.contains(attribute),
                "{what}: {text}"
            );
        }
    }
    assert_eq!(
        env.sb.total_requests(),
        before,
        "the sandbox received nothing"
    );
    assert_eq!(
        env.sb.request_count("POST", "/v2/objects/gadgets/records"),
        1
    );
    assert_eq!(env.sb.request_count("PATCH", &record_path), 0);
    let stats = env.client.stats();
    assert_eq!(
        stats.attempts, 1,
        "only the valid create was sent: {stats:?}"
    );
}
