//! Every record, object and attribute answer validates against its operation's response schema
//! in Attio's OpenAPI document (the schema preparation is in `common/openapi.rs`).
//!
//! No `oneOf` needed loosening: the sandbox's value shapes each match exactly one member.
//!
//! One test, as before: the answers are checked in one sequence against one sandbox, each part of
//! it a function in a module by subject: `objects` (objects, attributes, options, statuses),
//! `records`, `meetings` (and call recordings, transcripts), `notes_tasks` (notes, tasks, search,
//! comments), `webhooks` and `files`.

#[path = "../common/mod.rs"]
mod common;

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
