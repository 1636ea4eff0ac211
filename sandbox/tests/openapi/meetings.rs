//! Meetings (timed and all-day, listed, paged, filtered), call recordings and transcripts.

use serde_json::{Value, json};

use crate::common::Env;
use crate::common::openapi::Checker;

/// Meetings linked to the company `cid`, their call recordings and transcripts.
pub(crate) async fn meetings_recordings_transcripts(env: &Env, c: &mut Checker, cid: &str) {
    // Meetings, call recordings and transcripts.
    let meetings = "/v2/meetings";
    let timed = json!({"data": {"title": "Kick-off", "description": "Plan the quarter, agree on goals for every team and decide who owns each of them before we meet again",
        "start": {"datetime": "2027-11-27T14:00:00Z", "timezone": "America/New_York"},
        "end": {"datetime": "2027-11-27T15:00:00Z", "timezone": "America/New_York"}, "is_all_day": false,
        "participants": [{"email_address": "ada.lovelace@x.com", "is_organizer": true, "status": "accepted"},
                         {"email_address": "bob@x.com", "is_organizer": "false", "status": "tentative"}],
        "linked_records": [{"object": "companies", "record_id": cid}], "external_ref": "ext-1"}});
    let meeting = c
        .call(env, "POST", meetings, meetings, Some(timed.clone()))
        .await;
    c.call(env, "POST", meetings, meetings, Some(timed)).await;
    c.call(
        env,
        "POST",
        meetings,
        meetings,
        Some(
            json!({"data": {"title": "Offsite", "description": "", "start": {"date": "2027-06-03"},
            "end": {"date": "2027-06-05"}, "is_all_day": true,
            "participants": [{"email_address": "ada.lovelace@x.com", "is_organizer": true, "status": "accepted"}],
            "external_ref": {"ical_uid": "abc@google.com", "provider": "google", "is_recurring": false}}})
        ),
    )
    .await;
    c.call(
        env,
        "POST",
        meetings,
        meetings,
        Some(
            json!({"data": {"title": "Nobody", "description": "", "start": {"date": "2027-06-03"},
            "end": {"date": "2027-06-04"}, "is_all_day": true, "participants": [], "external_ref": "ext-2"}})
        ),
    )
    .await;
    let mid = meeting["data"]["id"]["meeting_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = c
        .call(env, "GET", "/v2/meetings?limit=1", meetings, None)
        .await;
    let next = first["pagination"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let last = c
        .call(
            env,
            "GET",
            &format!("/v2/meetings?limit=1&sort=start_desc&cursor={next}"),
            meetings,
            None,
        )
        .await;
    assert_eq!(last["pagination"]["next_cursor"], Value::Null);
    c.call(
        env,
        "GET",
        &format!(
            "/v2/meetings?linked_object=companies&linked_record_id={cid}&participants=bob@x.com&ends_from=2027-01-01T00:00:00Z&starts_before=2028-01-01T00:00:00Z&timezone=UTC"
        ),
        meetings,
        None,
    )
    .await;
    let meeting_one = "/v2/meetings/{meeting_id}";
    c.call(
        env,
        "GET",
        &format!("/v2/meetings/{mid}"),
        meeting_one,
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/meetings/cb59ab17-ad15-460c-a126-0715617c0853",
        meeting_one,
        None,
    )
    .await;
    let recordings = "/v2/meetings/{meeting_id}/call_recordings";
    let recording_one = "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}";
    let rec = c
        .call(
            env,
            "POST",
            &format!("/v2/meetings/{mid}/call_recordings"),
            recordings,
            Some(json!({"data": {"video_url": "https://files.example.com/kick-off.mp4"}})),
        )
        .await;
    assert_eq!(rec["data"]["status"], "processing");
    c.call(
        env,
        "POST",
        &format!("/v2/meetings/{mid}/call_recordings"),
        recordings,
        Some(json!({"data": {"video_url": "http://files.example.com/kick-off.mp4"}})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/meetings/cb59ab17-ad15-460c-a126-0715617c0853/call_recordings",
        recordings,
        Some(json!({"data": {"video_url": "https://files.example.com/kick-off.mp4"}})),
    )
    .await;
    let rid = rec["data"]["id"]["call_recording_id"]
        .as_str()
        .unwrap()
        .to_owned();
    c.call(
        env,
        "GET",
        &format!("/v2/meetings/{mid}/call_recordings?limit=10"),
        recordings,
        None,
    )
    .await;
    let got = c
        .call(
            env,
            "GET",
            &format!("/v2/meetings/{mid}/call_recordings/{rid}"),
            recording_one,
            None,
        )
        .await;
    assert_eq!(got["data"]["status"], "completed");
    c.call(
        env,
        "GET",
        &format!("/v2/meetings/{mid}/call_recordings/e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a"),
        recording_one,
        None,
    )
    .await;
    let transcript = format!("/v2/meetings/{mid}/call_recordings/{rid}/transcript");
    let template = "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript";
    let page1 = c.call(env, "GET", &transcript, template, None).await;
    let next = page1["pagination"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let page2 = c
        .call(
            env,
            "GET",
            &format!("{transcript}?cursor={next}"),
            template,
            None,
        )
        .await;
    assert_eq!(page2["pagination"]["next_cursor"], Value::Null);
    c.call(
        env,
        "DELETE",
        &format!("/v2/meetings/{mid}/call_recordings/{rid}"),
        recording_one,
        None,
    )
    .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/meetings/{mid}/call_recordings/{rid}"),
        recording_one,
        None,
    )
    .await;
    // Linked records appended, replaced, then the meeting deleted; a calendar meeting is not.
    let one = "/v2/meetings/{meeting_id}";
    let path = format!("/v2/meetings/{mid}");
    let link = json!({"data": {"linked_records": [{"object": "companies", "record_id": cid}]}});
    c.call(env, "PATCH", &path, one, Some(link.clone())).await;
    c.call(
        env,
        "PUT",
        &path,
        one,
        Some(json!({"data": {"linked_records": []}})),
    )
    .await;
    let ghost = json!({"data": {"linked_records": [{"object": "companies", "record_id": "0b4e2b3a-9c1d-4f6e-8a7b-5c4d3e2f1a0b"}]}});
    c.call(env, "PATCH", &path, one, Some(ghost)).await;
    c.call(
        env,
        "PUT",
        &path,
        one,
        Some(json!({"data": {"title": "x"}})),
    )
    .await;
    c.call(env, "DELETE", &path, one, None).await;
    c.call(env, "DELETE", &path, one, None).await;
    c.call(env, "PATCH", &path, one, Some(link)).await;
    let synced = env
        .sb
        .insert_calendar_meeting(json!({"title": "Standup", "description": "", "is_all_day": false,
            "start": {"datetime": "2030-01-01T09:00:00Z"}, "end": {"datetime": "2030-01-01T09:15:00Z"},
            "participants": [{"email_address": "ada.lovelace@x.com", "is_organizer": true, "status": "accepted"}],
            "external_ref": {"ical_uid": "evt@google.com", "provider": "google", "is_recurring": false}}))
        .unwrap();
    let synced = synced["data"]["id"]["meeting_id"]
        .as_str()
        .unwrap()
        .to_owned();
    c.call(env, "DELETE", &format!("/v2/meetings/{synced}"), one, None)
        .await;
}
