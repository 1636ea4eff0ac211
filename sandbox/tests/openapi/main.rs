//! Every record, object and attribute answer validates against its operation's response schema
//! in Attio's OpenAPI document (the schema preparation is in `common/openapi.rs`).
//!
//! No `oneOf` needed loosening: the sandbox's value shapes each match exactly one member.
//!
//! One test, as before: the answers are checked in one sequence against one sandbox, each part of
//! it a function in a module by subject: `objects` (objects, attributes, options, statuses),
//! `records`, `meetings` (and call recordings, transcripts), `notes_tasks` (notes, tasks, search,
//! comments), `webhooks` and `files`; and `activities`, in a test of its own, against the
//! reconstructed fragments of the activities' operations.

#[path = "../common/mod.rs"]
mod common;

mod activities;
mod files;
mod meetings;
mod merge_history_views;
mod notes_tasks;
mod objects;
mod records;
mod webhooks;

use common::Env;
use common::openapi::{Checker, checker};
use serde_json::json;

#[tokio::test]
async fn responses_match_the_openapi_schemas() {
    let mut c = checker();
    let env = Env::new().await;

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

    objects::objects_and_attributes(&env, &mut c).await;
    let (pid, cid, did, prid) = records::create(&env, &mut c).await;
    meetings::meetings_recordings_transcripts(&env, &mut c, &cid).await;
    records::assert_and_get(&env, &mut c, &pid, &cid, &did, &prid).await;
    notes_tasks::notes_tasks_search(&env, &mut c, &pid).await;
    notes_tasks::comments(&env, &mut c, &pid).await;
    notes_tasks::emails_and_sequences(&env, &mut c).await;
    files::files(&env, &mut c, &cid).await;
    objects::attribute_updates_and_self(&env, &mut c).await;
    records::update_query_values_delete(&env, &mut c, &pid, &cid, &did, &prid).await;
    webhooks::webhooks(&env, &mut c).await;
    merge_history_views::merge(&env, &mut c).await;
    merge_history_views::history(&env, &mut c).await;
    merge_history_views::views(&env, &mut c).await;
    assert!(c.checked >= 150, "{}", c.checked);
}

/// The activities' answers (definitions, attributes and options, records; answered, refused,
/// and refused for want of a scope) hold to their fragments.
#[tokio::test]
async fn activity_answers_match_the_openapi_schemas() {
    let mut c = checker();
    let env = Env::new().await;
    activities::activities(&env, &mut c).await;
    assert!(c.checked >= 39, "{}", c.checked);
}

/// `POST /v2/sql`'s answers (rows, and the `filter_error` of an invalid query or of a statement
/// that is not a `SELECT`) hold to Attio's fragment. Only with the `sql` feature, which
/// `cargo test --workspace` enables (the tests crate asks for it).
#[cfg(feature = "sql")]
#[tokio::test]
async fn sql_answers_match_the_openapi_schema() {
    let mut c = checker();
    let env = Env::new().await;
    env.create(
        "companies",
        json!({"name": "Acme", "domains": ["acme.com"]}),
    )
    .await;
    for sql in [
        "SELECT record_id, name, domains, created_at FROM companies",
        "SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = 'objects'",
        "SELECT nope FROM companies",
        "DELETE FROM companies",
    ] {
        c.call(
            &env,
            "POST",
            "/v2/sql",
            "/v2/sql",
            Some(json!({ "sql": sql })),
        )
        .await;
    }
    assert_eq!(c.checked, 4);
}

/// Without the `sql` feature (`cargo test -p attio-sandbox`), `POST /v2/sql` answers an
/// Attio-shaped error that names the feature, and a body without `sql` is a validation error.
#[cfg(not(feature = "sql"))]
#[tokio::test]
async fn without_the_sql_feature_the_route_names_it() {
    let env = Env::new().await;
    let (status, body) = env
        .call("POST", "/v2/sql", Some(json!({"sql": "SELECT 1"})))
        .await;
    assert_eq!(status, 501, "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(message.contains("`sql` feature"), "{message}");
    let (status, body) = env.call("POST", "/v2/sql", Some(json!({}))).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("validation_type"))
    );
}
