//! Every record, object and attribute answer validates against its operation's response schema
//! in Attio's OpenAPI document (the schema preparation is in `common/openapi.rs`).
//!
//! No `oneOf` needed loosening: the sandbox's value shapes each match exactly one member.

mod common;

use common::openapi::{Checker, checker};
use common::{Env, id};
use serde_json::{Value, json};

#[tokio::test]
async fn responses_match_the_openapi_schemas() {
    let mut c = checker();
    let env = Env::new().await;

    macro_rules! call {
        ($method:expr, $path:expr, $template:expr, $body:expr) => {{
            let path: String = $path.into();
            let (status, body) = env.call($method, &path, $body).await;
            c.check($method, $template, status, &body);
            body
        }};
    }

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

    call!("GET", "/v2/objects", "/v2/objects", None);
    call!(
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        )
    );
    call!(
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        )
    );
    call!("GET", "/v2/objects/people", "/v2/objects/{object}", None);
    call!("GET", "/v2/objects/nope", "/v2/objects/{object}", None);
    call!(
        "PATCH",
        "/v2/objects/projects",
        "/v2/objects/{object}",
        Some(json!({"data": {"singular_noun": "Initiative"}}))
    );
    call!(
        "PATCH",
        "/v2/objects/projects",
        "/v2/objects/{object}",
        Some(json!({"data": {}}))
    );
    call!(
        "PATCH",
        "/v2/objects/nope",
        "/v2/objects/{object}",
        Some(json!({"data": {"plural_noun": "Nopes"}}))
    );
    for object in ["people", "companies", "deals", "users", "workspaces"] {
        call!(
            "GET",
            format!("/v2/objects/{object}/attributes"),
            "/v2/{target}/{identifier}/attributes",
            None
        );
    }
    for (slug, ty, config) in [
        (
            "amount",
            "currency",
            json!({"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}),
        ),
        (
            "owner_ref",
            "record-reference",
            json!({"record_reference": {"allowed_objects": ["people"]}}),
        ),
        ("tier", "select", json!({})),
        ("score", "rating", json!({})),
        ("done", "checkbox", json!({})),
        ("when", "timestamp", json!({})),
        ("since", "date", json!({})),
        ("count", "number", json!({})),
        ("hq", "location", json!({})),
        ("phone", "phone-number", json!({})),
        ("lead", "actor-reference", json!({})),
    ] {
        call!(
            "POST",
            "/v2/objects/projects/attributes",
            "/v2/{target}/{identifier}/attributes",
            Some(
                json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": ty, "is_required": false, "is_unique": false, "is_multiselect": false, "config": config}})
            )
        );
    }
    call!(
        "GET",
        "/v2/objects/projects/attributes/tier",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None
    );
    call!(
        "GET",
        "/v2/objects/projects/attributes/nope",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None
    );
    call!(
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}}))
    );
    call!(
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}}))
    );
    call!(
        "GET",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        None
    );
    call!(
        "GET",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        None
    );
    call!(
        "POST",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        Some(json!({"data": {"title": "Paused"}}))
    );

    let records = "/v2/objects/{object}/records";
    let one = "/v2/objects/{object}/records/{record_id}";
    let person = call!(
        "POST",
        "/v2/objects/people/records",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "name": "Lovelace, Ada", "phone_numbers": ["+447777777777"],
            "primary_location": "1 Infinite Loop, Cupertino, CA, 95014, US", "description": "d"}}})
        )
    );
    let pid = id(&person["data"]);
    let company = call!(
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(
            json!({"data": {"values": {"domains": ["x.com"], "name": "X", "categories": ["SaaS"], "team": [{"target_object": "people", "target_record_id": pid}], "foundation_date": "2020"}}})
        )
    );
    let cid = id(&company["data"]);
    call!(
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(json!({"data": {"values": {"categories": ["Nope"]}}}))
    );
    call!(
        "POST",
        "/v2/objects/nope/records",
        records,
        Some(json!({"data": {"values": {}}}))
    );
    let deal = call!(
        "POST",
        "/v2/objects/deals/records",
        records,
        Some(
            json!({"data": {"values": {"name": "D", "stage": "In Progress", "owner": "alice@attio.com", "value": 12.5, "associated_company": "x.com"}}})
        )
    );
    let did = id(&deal["data"]);
    let project = call!(
        "POST",
        "/v2/objects/projects/records",
        records,
        Some(
            json!({"data": {"values": {"amount": "4.99", "owner_ref": "ada@x.com", "tier": "Gold", "score": 4, "done": "true",
            "when": "2023-01-02T13:00", "since": "2023-01", "count": 3.25,
            "hq": {"line_1": "1 Infinite Loop", "line_2": null, "line_3": null, "line_4": null, "locality": "Cupertino", "region": "CA",
                   "postcode": "95014", "country_code": "US", "latitude": "37.331741", "longitude": "-122.030333"},
            "phone": [{"original_phone_number": "07777777777", "country_code": "GB"}], "lead": {"referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}}})
        )
    );
    let prid = id(&project["data"]);

    // Meetings, call recordings and transcripts.
    let meetings = "/v2/meetings";
    let timed = json!({"data": {"title": "Kick-off", "description": "Plan the quarter, agree on goals for every team and decide who owns each of them before we meet again",
        "start": {"datetime": "2027-11-27T14:00:00Z", "timezone": "America/New_York"},
        "end": {"datetime": "2027-11-27T15:00:00Z", "timezone": "America/New_York"}, "is_all_day": false,
        "participants": [{"email_address": "ada.lovelace@x.com", "is_organizer": true, "status": "accepted"},
                         {"email_address": "bob@x.com", "is_organizer": "false", "status": "tentative"}],
        "linked_records": [{"object": "companies", "record_id": cid}], "external_ref": "ext-1"}});
    let meeting = call!("POST", meetings, meetings, Some(timed.clone()));
    call!("POST", meetings, meetings, Some(timed));
    call!(
        "POST",
        meetings,
        meetings,
        Some(
            json!({"data": {"title": "Offsite", "description": "", "start": {"date": "2027-06-03"},
            "end": {"date": "2027-06-05"}, "is_all_day": true,
            "participants": [{"email_address": "ada.lovelace@x.com", "is_organizer": true, "status": "accepted"}],
            "external_ref": {"ical_uid": "abc@google.com", "provider": "google", "is_recurring": false}}})
        )
    );
    call!(
        "POST",
        meetings,
        meetings,
        Some(
            json!({"data": {"title": "Nobody", "description": "", "start": {"date": "2027-06-03"},
            "end": {"date": "2027-06-04"}, "is_all_day": true, "participants": [], "external_ref": "ext-2"}})
        )
    );
    let mid = meeting["data"]["id"]["meeting_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = call!("GET", "/v2/meetings?limit=1", meetings, None);
    let next = first["pagination"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let last = call!(
        "GET",
        format!("/v2/meetings?limit=1&sort=start_desc&cursor={next}"),
        meetings,
        None
    );
    assert_eq!(last["pagination"]["next_cursor"], Value::Null);
    call!(
        "GET",
        format!(
            "/v2/meetings?linked_object=companies&linked_record_id={cid}&participants=bob@x.com&ends_from=2027-01-01T00:00:00Z&starts_before=2028-01-01T00:00:00Z&timezone=UTC"
        ),
        meetings,
        None
    );
    let meeting_one = "/v2/meetings/{meeting_id}";
    call!("GET", format!("/v2/meetings/{mid}"), meeting_one, None);
    call!(
        "GET",
        "/v2/meetings/cb59ab17-ad15-460c-a126-0715617c0853",
        meeting_one,
        None
    );
    let recordings = "/v2/meetings/{meeting_id}/call_recordings";
    let recording_one = "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}";
    let rec = call!(
        "POST",
        format!("/v2/meetings/{mid}/call_recordings"),
        recordings,
        Some(json!({"data": {"video_url": "https://files.example.com/kick-off.mp4"}}))
    );
    assert_eq!(rec["data"]["status"], "processing");
    call!(
        "POST",
        format!("/v2/meetings/{mid}/call_recordings"),
        recordings,
        Some(json!({"data": {"video_url": "http://files.example.com/kick-off.mp4"}}))
    );
    call!(
        "POST",
        "/v2/meetings/cb59ab17-ad15-460c-a126-0715617c0853/call_recordings",
        recordings,
        Some(json!({"data": {"video_url": "https://files.example.com/kick-off.mp4"}}))
    );
    let rid = rec["data"]["id"]["call_recording_id"]
        .as_str()
        .unwrap()
        .to_owned();
    call!(
        "GET",
        format!("/v2/meetings/{mid}/call_recordings?limit=10"),
        recordings,
        None
    );
    let got = call!(
        "GET",
        format!("/v2/meetings/{mid}/call_recordings/{rid}"),
        recording_one,
        None
    );
    assert_eq!(got["data"]["status"], "completed");
    call!(
        "GET",
        format!("/v2/meetings/{mid}/call_recordings/e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a"),
        recording_one,
        None
    );
    let transcript = format!("/v2/meetings/{mid}/call_recordings/{rid}/transcript");
    let template = "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript";
    let page1 = call!("GET", transcript.clone(), template, None);
    let next = page1["pagination"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let page2 = call!("GET", format!("{transcript}?cursor={next}"), template, None);
    assert_eq!(page2["pagination"]["next_cursor"], Value::Null);
    call!(
        "DELETE",
        format!("/v2/meetings/{mid}/call_recordings/{rid}"),
        recording_one,
        None
    );
    call!(
        "DELETE",
        format!("/v2/meetings/{mid}/call_recordings/{rid}"),
        recording_one,
        None
    );
    call!(
        "PUT",
        "/v2/objects/people/records?matching_attribute=email_addresses",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "job_title": "Countess"}}})
        )
    );
    call!(
        "PUT",
        "/v2/objects/people/records?matching_attribute=nope",
        records,
        Some(json!({"data": {"values": {"email_addresses": ["ada@x.com"]}}}))
    );
    for (o, rid) in [
        ("people", &pid),
        ("companies", &cid),
        ("deals", &did),
        ("projects", &prid),
    ] {
        call!("GET", format!("/v2/objects/{o}/records/{rid}"), one, None);
    }
    call!("GET", "/v2/objects/people/records/missing", one, None);
    let note = call!(
        "POST",
        "/v2/notes",
        "/v2/notes",
        Some(
            json!({"data": {"parent_object": "people", "parent_record_id": pid, "title": "Call",
            "format": "markdown", "content": "# Hi\n- **bold**", "created_at": "2023-01-01T00:00:00Z"}})
        )
    );
    let nid = note["data"]["id"]["note_id"].as_str().unwrap().to_owned();
    call!(
        "GET",
        format!("/v2/notes/{nid}"),
        "/v2/notes/{note_id}",
        None
    );
    call!(
        "GET",
        format!("/v2/notes?parent_object=people&parent_record_id={pid}&limit=50"),
        "/v2/notes",
        None
    );
    call!("GET", "/v2/notes/missing", "/v2/notes/{note_id}", None);
    call!(
        "DELETE",
        format!("/v2/notes/{nid}"),
        "/v2/notes/{note_id}",
        None
    );
    let task = call!(
        "POST",
        "/v2/tasks",
        "/v2/tasks",
        Some(
            json!({"data": {"content": "Follow up", "format": "plaintext",
            "deadline_at": "2030-01-01T15:00:00Z", "is_completed": false,
            "linked_records": [{"target_object": "people", "target_record_id": pid}],
            "assignees": [{"workspace_member_email_address": "alice@attio.com"}]}})
        )
    );
    let tid = task["data"]["id"]["task_id"].as_str().unwrap().to_owned();
    call!(
        "GET",
        format!("/v2/tasks/{tid}"),
        "/v2/tasks/{task_id}",
        None
    );
    call!(
        "PATCH",
        format!("/v2/tasks/{tid}"),
        "/v2/tasks/{task_id}",
        Some(json!({"data": {"is_completed": true, "deadline_at": null}}))
    );
    call!(
        "GET",
        format!(
            "/v2/tasks?linked_object=people&linked_record_id={pid}&is_completed=true&sort=created_at:desc"
        ),
        "/v2/tasks",
        None
    );
    call!("GET", "/v2/tasks/missing", "/v2/tasks/{task_id}", None);
    call!(
        "DELETE",
        format!("/v2/tasks/{tid}"),
        "/v2/tasks/{task_id}",
        None
    );
    let hits = call!(
        "POST",
        "/v2/objects/records/search",
        "/v2/objects/records/search",
        Some(
            json!({"query": "", "objects": ["people", "companies", "deals"], "request_as": {"type": "workspace"}, "limit": 25})
        )
    );
    assert!(!hits["data"].as_array().unwrap().is_empty());
    let first = call!(
        "POST",
        "/v2/comments",
        "/v2/comments",
        Some(
            json!({"data": {"format": "plaintext", "content": "Close it",
            "author": {"type": "workspace-member", "id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
            "record": {"object": "people", "record_id": pid}}})
        )
    );
    let thread = first["data"]["thread_id"].as_str().unwrap().to_owned();
    let reply = call!(
        "POST",
        "/v2/comments",
        "/v2/comments",
        Some(json!({"data": {"format": "plaintext", "content": "Done",
            "author": {"type": "workspace-member", "id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
            "thread_id": thread}}))
    );
    let cid = reply["data"]["id"]["comment_id"]
        .as_str()
        .unwrap()
        .to_owned();
    call!(
        "GET",
        format!("/v2/comments/{cid}"),
        "/v2/comments/{comment_id}",
        None
    );
    call!(
        "GET",
        format!("/v2/threads/{thread}"),
        "/v2/threads/{thread_id}",
        None
    );
    call!(
        "GET",
        format!("/v2/threads?object=people&record_id={pid}"),
        "/v2/threads",
        None
    );
    call!(
        "DELETE",
        format!("/v2/comments/{cid}"),
        "/v2/comments/{comment_id}",
        None
    );
    call!(
        "GET",
        "/v2/comments/missing",
        "/v2/comments/{comment_id}",
        None
    );
    let attr = "/v2/{target}/{identifier}/attributes/{attribute}";
    let renamed = call!(
        "PATCH",
        "/v2/objects/projects/attributes/tier",
        attr,
        Some(
            json!({"data": {"title": "Role", "description": "What they do", "is_archived": true}})
        )
    );
    assert_eq!(renamed["data"]["title"], json!("Role"), "{renamed}");
    assert_eq!(renamed["data"]["is_archived"], json!(true));
    call!(
        "PATCH",
        "/v2/objects/projects/attributes/tier",
        attr,
        Some(json!({"data": {"is_archived": false, "api_slug": "level"}}))
    );
    call!(
        "PATCH",
        "/v2/objects/projects/attributes/level",
        attr,
        Some(json!({"data": {"api_slug": "tier"}}))
    );
    // The document lists only `system_edit_unauthorized` for this 400; a type change is refused
    // with `immutable_value`, as for every other immutable field, outside the document.
    let (status, refused) = env
        .call(
            "PATCH",
            "/v2/objects/projects/attributes/tier",
            Some(json!({"data": {"type": "number"}})),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(refused["code"], json!("immutable_value"));
    let system = call!(
        "PATCH",
        "/v2/objects/people/attributes/job_title",
        attr,
        Some(json!({"data": {"title": "Role"}}))
    );
    assert_eq!(system["code"], json!("system_edit_unauthorized"));
    let me = call!("GET", "/v2/self", "/v2/self", None);
    assert_eq!(me["active"], json!(true));
    assert!(
        me["scope"]
            .as_str()
            .unwrap()
            .contains("record_permission:read-write")
    );
    call!(
        "PATCH",
        format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"job_title": "Analyst"}}}))
    );
    call!(
        "PATCH",
        format!("/v2/objects/deals/records/{did}"),
        one,
        Some(json!({"data": {"values": {"name": []}}}))
    );
    call!(
        "PUT",
        format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"email_addresses": ["ada@y.com"]}}}))
    );
    call!(
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"name": "Ada Lovelace"}}))
    );
    call!(
        "POST",
        "/v2/objects/projects/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({}))
    );
    call!(
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"nope": 1}}))
    );
    call!(
        "POST",
        "/v2/objects/nope/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({}))
    );
    let values = "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values";
    for a in [
        "job_title",
        "email_addresses",
        "name",
        "phone_numbers",
        "primary_location",
        "record_id",
        "created_at",
        "created_by",
    ] {
        call!(
            "GET",
            format!("/v2/objects/people/records/{pid}/attributes/{a}/values?show_historic=true"),
            values,
            None
        );
    }
    for a in [
        "amount",
        "owner_ref",
        "tier",
        "score",
        "done",
        "when",
        "since",
        "count",
        "hq",
        "phone",
        "lead",
    ] {
        call!(
            "GET",
            format!("/v2/objects/projects/records/{prid}/attributes/{a}/values"),
            values,
            None
        );
    }
    call!(
        "GET",
        format!("/v2/objects/deals/records/{did}/attributes/stage/values"),
        values,
        None
    );
    call!(
        "GET",
        format!("/v2/objects/companies/records/{cid}/attributes/categories/values"),
        values,
        None
    );
    call!(
        "GET",
        format!(
            "/v2/objects/people/records/{pid}/attributes/first_email_interaction/values?show_historic=true"
        ),
        values,
        None
    );
    call!(
        "GET",
        format!("/v2/objects/people/records/{pid}/attributes/nope/values"),
        values,
        None
    );
    call!(
        "DELETE",
        format!("/v2/objects/people/records/{pid}"),
        one,
        None
    );
    call!(
        "DELETE",
        format!("/v2/objects/people/records/{pid}"),
        one,
        None
    );

    // Webhooks (https targets: the spec's pattern; the sandbox's loopback http:// is its own).
    let hooks = "/v2/webhooks";
    let hook = "/v2/webhooks/{webhook_id}";
    let created = call!(
        "POST",
        hooks,
        hooks,
        Some(
            json!({"data": {"target_url": "https://example.com/webhook", "subscriptions": [
            {"event_type": "note.created", "filter": {"$and": [
                {"field": "parent_object_id", "operator": "equals", "value": "97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}},
            {"event_type": "record.updated", "filter": {"$or": [
                {"field": "id.attribute_id", "operator": "not_equals", "value": "x"}]}},
            {"event_type": "task.created", "filter": null}]}})
        )
    );
    let wid = created["data"]["id"]["webhook_id"]
        .as_str()
        .expect("webhook id")
        .to_owned();
    call!(
        "POST",
        hooks,
        hooks,
        Some(json!({"data": {"target_url": "http://example.com/webhook", "subscriptions": []}}))
    );
    call!(
        "POST",
        hooks,
        hooks,
        Some(
            json!({"data": {"target_url": "https://example.com/webhook", "subscriptions": [{"event_type": "nope", "filter": null}]}})
        )
    );
    call!("GET", hooks, hooks, None);
    call!("GET", "/v2/webhooks?limit=50&offset=0", hooks, None);
    call!("GET", format!("/v2/webhooks/{wid}"), hook, None);
    call!(
        "GET",
        "/v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553",
        hook,
        None
    );
    call!(
        "PATCH",
        format!("/v2/webhooks/{wid}"),
        hook,
        Some(
            json!({"data": {"target_url": "https://example.org/hook", "subscriptions": [{"event_type": "record.deleted", "filter": null}]}})
        )
    );
    call!(
        "PATCH",
        "/v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553",
        hook,
        Some(json!({"data": {"target_url": "https://example.org/hook"}}))
    );
    call!("DELETE", format!("/v2/webhooks/{wid}"), hook, None);
    call!("DELETE", format!("/v2/webhooks/{wid}"), hook, None);
    assert!(c.checked >= 92, "{}", c.checked);
}
