//! Verification against the independent vectors: header names, tampered and re-serialised bodies,
//! wrong secrets, missing and malformed signatures, a signed body that is not a delivery.

use attio::webhooks::{Event, WebhookError, WebhookSecret, verify};
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

use crate::vectors::{
    BODY, MALFORMED_BODY, MALFORMED_SIGNATURE, SIGNATURE, SIGNATURE_OTHER_SECRET, secret, signed,
};

#[test]
fn the_independent_vector_verifies_under_each_header_name() {
    for header in ["Attio-Signature", "X-Attio-Signature"] {
        let delivery = verify(&signed(header, SIGNATURE), BODY, &secret()).unwrap();
        assert_eq!(
            delivery.webhook_id.as_str(),
            "23e42eaf-323a-41da-b5bb-fd67eebda553"
        );
        // Every event, in order, each with the attribute it names.
        let attributes: Vec<&str> = delivery
            .events
            .iter()
            .map(|e| match e {
                Event::RecordUpdated(e) => e.attribute_id.as_ref().unwrap().as_str(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            attributes,
            [
                "41252299-f8c7-4b5e-99c9-4ff8321d2f96",
                "8f3d5e0a-1c2b-4d6e-9f70-a1b2c3d4e5f6"
            ]
        );
        assert_eq!(
            delivery.events[1].actor().unwrap().actor_type,
            Some(attio::ActorType::System)
        );
    }
}

#[test]
fn a_tampered_body_fails() {
    let tampered = String::from_utf8(BODY.to_vec())
        .unwrap()
        .replace("8f3d5e0a", "8f3d5e0b");
    let err = verify(
        &signed("Attio-Signature", SIGNATURE),
        tampered.as_bytes(),
        &secret(),
    )
    .unwrap_err();
    assert!(
        matches!(err, WebhookError::SignatureMismatch { .. }),
        "{err:?}"
    );
    assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn a_re_serialised_body_fails_though_it_is_the_same_json() {
    let value: Value = serde_json::from_slice(BODY).unwrap();
    for again in [
        serde_json::to_vec(&value).unwrap(),
        serde_json::to_vec_pretty(&value).unwrap(),
    ] {
        assert_ne!(again, BODY);
        assert_eq!(serde_json::from_slice::<Value>(&again).unwrap(), value);
        let err = verify(&signed("Attio-Signature", SIGNATURE), &again, &secret()).unwrap_err();
        assert!(
            matches!(err, WebhookError::SignatureMismatch { .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("exactly as received"),
            "the error says what to check: {err}"
        );
    }
}

#[test]
fn a_wrong_secret_fails_and_the_right_one_for_it_verifies() {
    let other = WebhookSecret::new("another-webhooks-secret");
    let err = verify(&signed("Attio-Signature", SIGNATURE), BODY, &other).unwrap_err();
    assert!(
        matches!(err, WebhookError::SignatureMismatch { .. }),
        "{err:?}"
    );
    assert!(!err.to_string().contains("another-webhooks-secret"));
    verify(
        &signed("X-Attio-Signature", SIGNATURE_OTHER_SECRET),
        BODY,
        &other,
    )
    .unwrap();
    // The key is the secret string's bytes, not the bytes its hex encodes: a signature keyed by
    // those (Python: `hmac.new(bytes.fromhex(SECRET), BODY, hashlib.sha256)`) does not verify.
    let keyed_by_decoded_hex = "661754e6be3b2b025f6ac072a1bd94e3a207267357467e14baf82b8dd84ccc45";
    assert!(
        verify(
            &signed("Attio-Signature", keyed_by_decoded_hex),
            BODY,
            &secret()
        )
        .is_err()
    );
}

#[test]
fn missing_and_malformed_signatures_are_told_apart() {
    assert_eq!(
        verify(&HeaderMap::new(), BODY, &secret()).unwrap_err(),
        WebhookError::MissingSignature
    );
    // A header Attio does not send is not read.
    let err = verify(&signed("Signature", SIGNATURE), BODY, &secret()).unwrap_err();
    assert_eq!(err, WebhookError::MissingSignature);
    assert!(err.to_string().contains("Attio-Signature"), "{err}");

    for (bad, says) in [
        ("zz", "not a hex digit"),
        (&SIGNATURE[..40], "40 hex digits, not 64"),
        (&format!("sha256={SIGNATURE}"), "sha256="),
        ("", "empty"),
    ] {
        let err = verify(&signed("X-Attio-Signature", bad), BODY, &secret()).unwrap_err();
        match &err {
            WebhookError::MalformedSignature { header, reason } => {
                assert_eq!(*header, "X-Attio-Signature");
                assert!(reason.contains(says), "{bad:?}: {reason}");
            }
            other => panic!("{bad:?}: {other:?}"),
        }
        assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
    }
}

#[test]
fn a_signed_body_that_is_not_a_delivery_is_a_400_that_names_the_path() {
    let err = verify(
        &signed("Attio-Signature", MALFORMED_SIGNATURE),
        MALFORMED_BODY,
        &secret(),
    )
    .unwrap_err();
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
    assert!(
        err.to_string().contains("`events[0].id.workspace_id`"),
        "{err}"
    );
}
