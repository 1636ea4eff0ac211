//! Record merge (`200`, `202`, `400 self_merge`, `404`), attribute-history writes and saved
//! views: the newer operations, each answer checked against its fragment's schema.

use attio_sandbox::MergeDeferral;
use serde_json::{Value, json};

use crate::common::openapi::Checker;
use crate::common::{Env, id};

const MERGE: &str = "/v2/objects/{object}/records/merge";

async fn company(env: &Env, name: &str) -> String {
    id(&env.create("companies", json!({ "name": name })).await)
}

fn merge_body(primary: &str, secondary: &str) -> Option<Value> {
    Some(json!({"data": {"primary_record_id": primary, "secondary_record_id": secondary}}))
}

/// Merges at once (`200`), deferred (`202`, the new record `404 merge_in_progress` for one
/// read), with itself (`400`) and with a record that is gone (`404`).
pub(crate) async fn merge(env: &Env, c: &mut Checker) {
    let path = "/v2/objects/companies/records/merge";
    let (a, b) = (company(env, "A").await, company(env, "B").await);
    let merged = c.call(env, "POST", path, MERGE, merge_body(&a, &b)).await;
    let new_id = merged["data"]["new_record_id"].as_str().unwrap().to_owned();
    assert!(new_id != a && new_id != b, "{merged}");
    let (status, _) = env.call("POST", path, merge_body(&a, &b)).await;
    assert_eq!(status, 404, "a repeated merge finds the originals gone");
    c.call(env, "POST", path, MERGE, merge_body(&new_id, &a))
        .await;
    c.call(env, "POST", path, MERGE, merge_body(&new_id, &new_id))
        .await;

    env.sb.defer_merges(Some(MergeDeferral {
        reads: 1,
        ..Default::default()
    }));
    let (x, y) = (company(env, "X").await, company(env, "Y").await);
    let (status, body) = env.call("POST", path, merge_body(&x, &y)).await;
    assert_eq!(status, 202, "{body}");
    c.check("POST", MERGE, status, &body);
    env.sb.defer_merges(None);
    let record = format!(
        "/v2/objects/companies/records/{}",
        body["data"]["new_record_id"].as_str().unwrap()
    );
    let (status, pending) = env.call("GET", &record, None).await;
    assert_eq!(
        (status, &pending["code"]),
        (404, &json!("merge_in_progress"))
    );
    let (status, read) = env.call("GET", &record, None).await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(read["data"]["values"]["name"][0]["value"], "X");
}
