//! A meeting's linked records added to (`PATCH`) and replaced (`PUT`), and meetings deleted,
//! those calendar sync made excepted.

use attio::prelude::*;
use attio::{RecordReference, Ref};
use serde_json::json;

use crate::{Company, hour, setup};

async fn company(
    client: &attio::Client,
    name: &str,
    domain: &str,
) -> (Ref<Company>, attio::RecordId) {
    let record = Company {
        name: name.into(),
        domains: vec![domain.parse().unwrap()],
    }
    .create(client)
    .await
    .unwrap();
    (Ref::new(record.id.record_id.clone()), record.id.record_id)
}

#[tokio::test]
async fn linked_records_are_appended_then_replaced_then_all_unlinked() {
    let (sandbox, client) = setup().await;
    let (acme, acme_id) = company(&client, "Acme", "acme.com").await;
    let (globex, globex_id) = company(&client, "Globex", "globex.com").await;
    let meeting = client
        .create_meeting(hour("links", 5).link(&acme))
        .await
        .unwrap();
    let id = &meeting.id.meeting_id;
    let linked = |m: &attio::meetings::Meeting| -> Vec<attio::RecordId> {
        m.linked_records
            .iter()
            .map(|l| l.record_id.clone())
            .collect()
    };

    // Appended; one linked already is ignored, not doubled.
    let after = client
        .link_meeting_records(id, [&acme, &globex])
        .await
        .unwrap();
    assert_eq!(linked(&after), [acme_id.clone(), globex_id.clone()]);
    let body = sandbox
        .recent_requests()
        .into_iter()
        .find(|r| r.method == "PATCH")
        .unwrap()
        .body;
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        body,
        json!({"data": {"linked_records": [
            {"object": "companies", "record_id": acme_id},
            {"object": "companies", "record_id": globex_id},
        ]}})
    );
    // Nothing else of the meeting changed.
    assert_eq!(after.title, meeting.title);
    assert_eq!(after.participants, meeting.participants);

    // Replaced: only Globex stays.
    let after = client.replace_meeting_records(id, [&globex]).await.unwrap();
    assert_eq!(linked(&after), std::slice::from_ref(&globex_id));
    // An empty list unlinks every record.
    let none: [RecordReference; 0] = [];
    let after = client.replace_meeting_records(id, none).await.unwrap();
    assert!(after.linked_records.is_empty());
    assert!(
        client
            .get_meeting(id)
            .await
            .unwrap()
            .linked_records
            .is_empty()
    );

    // A record that does not exist is Attio's 400, naming it.
    let ghost = RecordReference::new(
        "companies",
        "0b4e2b3a-9c1d-4f6e-8a7b-5c4d3e2f1a0b".parse().unwrap(),
    );
    let err = client.link_meeting_records(id, [&ghost]).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    assert_eq!(err.code(), Some(&attio::ErrorCode::ValueNotFound), "{err}");
}

#[tokio::test]
async fn a_meeting_is_deleted_with_its_recordings_but_not_one_calendar_sync_made() {
    let (sandbox, client) = setup().await;
    let meeting = client.create_meeting(hour("gone", 6)).await.unwrap();
    let id = &meeting.id.meeting_id;
    client
        .create_call_recording(id, "https://files.example.com/gone.mp4")
        .await
        .unwrap();
    client.delete_meeting(id).await.unwrap();
    let err = client.get_meeting(id).await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
    let err = client.delete_meeting(id).await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");

    let synced = sandbox
        .insert_calendar_meeting(json!({
            "external_ref": {"ical_uid": "evt-7@google.com", "provider": "google", "is_recurring": false},
            "title": "Standup", "description": "", "is_all_day": false,
            "start": {"datetime": "2030-01-01T09:00:00Z"}, "end": {"datetime": "2030-01-01T09:15:00Z"},
            "participants": [{"email_address": "alice@attio.com", "is_organizer": true, "status": "accepted"}],
        }))
        .unwrap();
    let synced: attio::values::MeetingId = synced["data"]["id"]["meeting_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let err = client.delete_meeting(&synced).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    assert_eq!(
        err.code(),
        Some(&attio::ErrorCode::SystemEditUnauthorized),
        "{err}"
    );
    assert!(err.to_string().contains("calendar sync"), "{err}");
    // Its links can still change.
    let (acme, _) = company(&client, "Acme", "acme.com").await;
    client.link_meeting_records(&synced, [&acme]).await.unwrap();
    client.get_meeting(&synced).await.unwrap();
}
