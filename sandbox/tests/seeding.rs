//! Seeding many records at once: checked as single inserts are, uniqueness included.

use attio_sandbox::Sandbox;
use serde_json::json;

fn id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

#[tokio::test]
async fn a_batch_is_checked_like_single_inserts() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox
        .insert_record(
            "users",
            &id(0),
            json!({"user_id": "u-0", "primary_email_address": "u0@example.com"}),
        )
        .unwrap();
    let batch = (1..500).map(|i| {
        (
            id(i),
            json!({"user_id": format!("u-{i}"), "primary_email_address": format!("u{i}@example.com")}),
        )
    });
    assert_eq!(sandbox.insert_records("users", batch).unwrap(), 499);

    // A unique value taken by an earlier record, or earlier in the batch, stops the batch there.
    let err = sandbox
        .insert_records(
            "users",
            [
                (
                    id(900),
                    json!({"user_id": "u-900", "primary_email_address": "u900@example.com"}),
                ),
                (
                    id(901),
                    json!({"user_id": "u-3", "primary_email_address": "u901@example.com"}),
                ),
            ],
        )
        .unwrap_err();
    assert_eq!(err.code, "uniqueness_conflict");
    let err = sandbox
        .insert_records(
            "users",
            [
                (
                    id(902),
                    json!({"user_id": "u-902", "primary_email_address": "dup@example.com"}),
                ),
                (
                    id(903),
                    json!({"user_id": "u-903", "primary_email_address": "dup@example.com"}),
                ),
            ],
        )
        .unwrap_err();
    assert_eq!(err.code, "uniqueness_conflict");
    // A record the batch could not write is reported, not half-written.
    let err = sandbox
        .insert_records("users", [(id(904), json!({"user_id": "u-904"}))])
        .unwrap_err();
    assert_eq!(err.code, "missing_value");

    // After a batch, single writes check uniqueness as before.
    let err = sandbox
        .insert_record(
            "users",
            &id(905),
            json!({"user_id": "u-902", "primary_email_address": "x@example.com"}),
        )
        .unwrap_err();
    assert_eq!(err.code, "uniqueness_conflict");
}
