//! `read_only` fields decode but are never sent, `rename` maps a field to its slug, and whether a
//! PATCH is retried follows the struct's shape.

use attio::prelude::*;
use std::collections::BTreeSet;

use attio::{
    ActorReference, ActorType, AttioObject, AttributeType, Cardinality, RecordReference,
    RetryPolicy, Timestamp, WithMeta,
};
use attio_sandbox::Fault;
use serde_json::json;

use crate::env::{ALICE, Env, client_for, email, person};
use crate::structs::{PersonEmails, PersonTitle, PersonView, User};

/// `#[attio(read_only)]` fields decode from every response but never appear in a request body;
/// `#[attio(rename)]` fields are sent and read under the attribute's slug.
#[tokio::test]
async fn read_only_fields_decode_but_are_not_sent_and_rename_maps_to_the_slug() {
    let env = Env::new().await;
    let c = &env.client;

    let fields: Vec<_> = PersonView::FIELDS
        .iter()
        .map(|f| (f.name, f.slug, f.read_only))
        .collect();
    assert_eq!(
        fields,
        [
            ("emails", "email_addresses", false),
            ("title", "job_title", false),
            ("record_id", "record_id", true),
            ("created_at", "created_at", true),
            ("created_by", "created_by", true),
            ("twitter_follower_count", "twitter_follower_count", true),
            ("last_email_interaction", "last_email_interaction", true),
            ("associated_users", "associated_users", true),
        ]
    );
    assert_eq!(PersonView::FIELDS[0].cardinality, Cardinality::Multiple);
    assert_eq!(
        PersonView::FIELDS[6].attribute_type,
        AttributeType::Interaction
    );

    let bogus_ts: Timestamp = "2000-01-01T00:00:00Z".parse().unwrap();
    let view = PersonView {
        emails: vec![email("ro@example.com")],
        title: Some("Reader".into()),
        // None of these is sent: Attio would refuse every one of them.
        record_id: "not-sent".into(),
        created_at: bogus_ts,
        created_by: WithMeta::new(ActorReference::workspace_member(ALICE).unwrap()),
        twitter_follower_count: Some(1e6),
        last_email_interaction: None,
        associated_users: vec![RecordReference::new(
            "users",
            "00000000-0000-4000-8000-000000000000".parse().unwrap(),
        )],
    };
    let created = c.create_record(&view).await.unwrap();
    assert_eq!(
        env.last_body(),
        json!({"data": {"values": {"email_addresses": ["ro@example.com"], "job_title": "Reader"}}})
    );
    let v = &created.values;
    assert_eq!(v.record_id, created.id.record_id.as_str());
    assert_eq!(v.created_at, created.created_at);
    assert_eq!(v.created_by.actor_type(), Some(&ActorType::ApiToken));
    assert_eq!(
        v.created_by.meta.attribute_type,
        Some(AttributeType::ActorReference)
    );
    assert_eq!(v.twitter_follower_count, None);
    assert_eq!(v.last_email_interaction, None);
    assert!(v.associated_users.is_empty());
    assert_eq!(v.title.as_deref(), Some("Reader"));
    assert_eq!(v.emails, [email("ro@example.com")]);

    // The read-only Vec decodes what Attio maintains.
    let user = c
        .create_record(&User {
            user_id: "ro-user".into(),
            primary_email_address: email("ro-user@example.com"),
            person: Some(RecordReference::new("people", created.id.record_id.clone())),
            workspace: None,
        })
        .await
        .unwrap();
    let mut read = c
        .get_record::<PersonView>(&created.id.record_id)
        .await
        .unwrap()
        .values;
    assert_eq!(
        read.associated_users,
        [RecordReference::new("users", user.id.record_id.clone())]
    );

    // Writing back the read struct (with its read-only values filled in) sends only the
    // writable slugs.
    read.title = Some("Editor".into());
    let r = read.update(c, &created.id.record_id).await.unwrap();
    let sent = env.last_body();
    let keys: BTreeSet<_> = sent["data"]["values"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["email_addresses".to_owned(), "job_title".to_owned()])
    );
    assert_eq!(r.values.title.as_deref(), Some("Editor"));
    assert_eq!(r.values.associated_users, read.associated_users);
}

/// Whether a PATCH is retried after a 503 follows the struct's shape: a struct whose only `Vec`
/// is read-only is idempotent and retried; one with a writable `Vec` is not sent again blindly
/// but resolved (the record read back, only what is missing sent again), unless opted in.
#[tokio::test]
async fn idempotency_follows_the_struct_shape() {
    let env = Env::new().await;
    let id = env
        .client
        .create_record(&person(&["i@example.com"]))
        .await
        .unwrap()
        .id
        .record_id;
    let path = format!("/v2/objects/people/records/{id}");

    env.sb.inject_fault(Fault::Status(503), 1);
    let r = PersonTitle {
        job_title: Some("Retried".into()),
        email_addresses: Vec::new(),
    }
    .update(&env.client, &id)
    .await
    .unwrap();
    assert_eq!(r.values.job_title.as_deref(), Some("Retried"));
    assert_eq!(env.sb.request_count("PATCH", &path), 2);

    env.sb.inject_fault(Fault::Status(503), 1);
    let append = PersonEmails {
        email_addresses: vec![email("j@example.com")],
        job_title: None,
    };
    let r = append.update(&env.client, &id).await.unwrap();
    assert_eq!(r.values.email_addresses.len(), 2);
    // The 503 struck before processing: read back, the address was missing, so it was sent again.
    assert_eq!(
        env.sb.request_count("PATCH", &path),
        4,
        "the 503, then the resend"
    );
    assert_eq!(env.sb.request_count("GET", &path), 1, "the read-back");
    assert_eq!(
        env.client.stats().retries,
        1,
        "only the title PATCH was retried"
    );

    let opted = client_for(&env.sb, RetryPolicy::default().retry_non_idempotent(true));
    env.sb.inject_fault(Fault::DropConnection, 1);
    let r = append.update(&opted, &id).await.unwrap();
    assert_eq!(r.values.email_addresses.len(), 2, "already there");
    assert_eq!(env.sb.request_count("PATCH", &path), 6, "retried once");
    assert_eq!(opted.stats().retries, 1);

    // 429 is retried for anything, appends included, after the Retry-After date.
    env.sb.inject_fault(Fault::Status(429), 1);
    let before = std::time::SystemTime::now();
    let r = PersonEmails {
        email_addresses: vec![email("k@example.com")],
        job_title: None,
    }
    .update(&env.client, &id)
    .await
    .unwrap();
    assert_eq!(r.values.email_addresses.len(), 3);
    assert_eq!(env.sb.request_count("PATCH", &path), 8);
    // The 429's Retry-After is an HTTP date one second ahead (truncated to the second): the retry
    // may not be sent before it.
    let secs = before
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let retry_after = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs + 1);
    assert!(std::time::SystemTime::now() >= retry_after);
}
