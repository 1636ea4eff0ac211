//! Meetings, call recordings and transcripts end to end against the sandbox: find or create a
//! meeting (timed and all-day), read it back, list with filters page after page by cursor;
//! create, list, get and delete call recordings; page through a transcript; and what is refused
//! before sending, or by Attio with the request named. `fields` holds the fields Attio added since
//! (participant names, a recording's video URL and whole transcript); `changes` the meeting
//! updates and deletion.

mod changes;
mod fields;

use attio::meetings::{
    ExternalRef, Meeting, MeetingTime, NewMeeting, ParticipantStatus, RecordingStatus,
};
use attio::prelude::*;
use attio::{Client, EmailAddress, Error, Outcome, Ref, Timestamp, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub(crate) struct Company {
    pub(crate) name: String,
    pub(crate) domains: Vec<attio::Domain>,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct Person {
    email_addresses: Vec<EmailAddress>,
}

pub(crate) async fn setup() -> (Sandbox, Client) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    (sandbox, client)
}

pub(crate) fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub(crate) fn email(s: &str) -> EmailAddress {
    s.parse().unwrap()
}

/// A one-hour meeting on day `day` of November 2027 at 10:00 UTC, organised by Ada.
pub(crate) fn hour(ext: &str, day: u8) -> NewMeeting {
    NewMeeting::timed(
        ext,
        format!("Meeting {ext}"),
        at(&format!("2027-11-{day:02}T10:00:00Z")),
        at(&format!("2027-11-{day:02}T11:00:00Z")),
    )
    .organizer(email("ada.lovelace@acme.com"))
}

fn titles(meetings: &[Meeting]) -> Vec<&str> {
    meetings.iter().map(|m| m.title.as_str()).collect()
}

#[tokio::test]
async fn a_meeting_is_found_or_created_and_read_back() {
    let (_sandbox, client) = setup().await;
    let acme = Company {
        name: "Acme".into(),
        domains: vec!["acme.com".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();
    let acme_ref = Ref::<Company>::new(acme.id.record_id.clone());
    let ada = Person {
        email_addresses: vec![email("ada@acme.com")],
    }
    .create(&client)
    .await
    .unwrap();

    let new = || {
        NewMeeting::timed(
            "crm-42",
            "Renewal call",
            at("2027-11-27T14:00:00Z"),
            at("2027-11-27T15:00:00Z"),
        )
        .description("Pricing for next year")
        .timezone("America/New_York")
        .organizer(email("alice@attio.com"))
        .participant(email("Ada@Acme.com"), ParticipantStatus::Tentative)
        .link(&acme_ref)
    };
    let meeting = client.create_meeting(new()).await.unwrap();
    assert_eq!(meeting.title, "Renewal call");
    assert_eq!(meeting.description, "Pricing for next year");
    assert!(!meeting.is_all_day);
    assert_eq!(
        meeting.start,
        MeetingTime::At {
            datetime: at("2027-11-27T14:00:00Z"),
            timezone: Some("America/New_York".into())
        }
    );
    assert_eq!(meeting.participants.len(), 2);
    assert!(meeting.participants[0].is_organizer);
    assert_eq!(
        meeting.participants[1].email_address.as_deref(),
        Some("ada@acme.com")
    );
    assert_eq!(meeting.participants[1].status, ParticipantStatus::Tentative);
    // The linked company, then the participant's person record, linked by Attio.
    assert_eq!(meeting.linked_records.len(), 2);
    assert_eq!(meeting.linked_records[0].record_id, acme.id.record_id);
    assert_eq!(meeting.linked_records[0].object_slug, "companies");
    assert_eq!(
        meeting.linked_records[1].to_record_reference(),
        attio::RecordReference::new("people", ada.id.record_id.clone())
    );

    // Find or create: the same external reference finds the meeting.
    let again = client.create_meeting(new()).await.unwrap();
    assert_eq!(again, meeting);
    assert_eq!(
        client.get_meeting(&meeting.id.meeting_id).await.unwrap(),
        meeting
    );

    let offsite = client
        .create_meeting(
            NewMeeting::all_day(
                ExternalRef::ical(
                    "abc@google.com",
                    attio::meetings::CalendarProvider::Google,
                    false,
                ),
                "Offsite",
                "2027-06-03".parse().unwrap(),
                "2027-06-05".parse().unwrap(),
            )
            .organizer(email("alice@attio.com")),
        )
        .await
        .unwrap();
    assert!(offsite.is_all_day);
    assert_eq!(
        offsite.end,
        MeetingTime::AllDay {
            date: "2027-06-05".parse().unwrap()
        }
    );
    assert_ne!(offsite.id, meeting.id);

    // An all-day meeting ends at midnight in the listing's time zone.
    let ending_late = |zone: &'static str| {
        client
            .meetings()
            .ends_from(at("2027-06-04T23:00:00Z"))
            .timezone(zone)
            .collect_all()
    };
    assert_eq!(
        titles(&ending_late("UTC").await.unwrap()),
        ["Offsite", "Renewal call"]
    );
    assert_eq!(
        titles(&ending_late("+02:00").await.unwrap()),
        ["Renewal call"]
    );

    // Deleting a record unlinks it.
    client
        .delete_record::<Company>(&acme.id.record_id)
        .await
        .unwrap();
    let unlinked = client.get_meeting(&meeting.id.meeting_id).await.unwrap();
    assert_eq!(unlinked.linked_records.len(), 1);
    assert_eq!(unlinked.linked_records[0].object_slug, "people");
}

#[tokio::test]
async fn listing_filters_and_pages_by_cursor() {
    let (sandbox, client) = setup().await;
    let acme = Company {
        name: "Acme".into(),
        domains: vec!["acme.com".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();
    let acme_ref = Ref::<Company>::new(acme.id.record_id.clone());
    // Created out of order: listed by start.
    for (ext, day) in [
        ("d5", 5),
        ("d1", 1),
        ("d3", 3),
        ("d7", 7),
        ("d2", 2),
        ("d6", 6),
        ("d4", 4),
    ] {
        let mut m = hour(ext, day);
        if day % 2 == 0 {
            m = m
                .participant(email("bob@beta.com"), ParticipantStatus::Accepted)
                .link(&acme_ref);
        }
        client.create_meeting(m).await.unwrap();
    }

    let before = sandbox.total_requests();
    let all = client.meetings().page_size(3).collect_all().await.unwrap();
    assert_eq!(
        titles(&all),
        [
            "Meeting d1",
            "Meeting d2",
            "Meeting d3",
            "Meeting d4",
            "Meeting d5",
            "Meeting d6",
            "Meeting d7"
        ]
    );
    assert_eq!(
        sandbox.total_requests() - before,
        3,
        "three pages of 3, 3 and 1"
    );

    let latest = client
        .meetings()
        .latest_first()
        .page_size(2)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        titles(&latest)[..3],
        ["Meeting d7", "Meeting d6", "Meeting d5"]
    );

    let linked = client
        .meetings()
        .linked_to(&acme_ref)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(titles(&linked), ["Meeting d2", "Meeting d4", "Meeting d6"]);
    let with_bob = client
        .meetings()
        .participants([email("BOB@beta.com"), email("nobody@x.com")])
        .latest_first()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        titles(&with_bob),
        ["Meeting d6", "Meeting d4", "Meeting d2"]
    );

    // ends_from is inclusive, starts_before exclusive.
    let window = client
        .meetings()
        .ends_from(at("2027-11-03T11:00:00Z"))
        .starts_before(at("2027-11-05T10:00:00Z"))
        .timezone("UTC")
        .collect_all()
        .await
        .unwrap();
    assert_eq!(titles(&window), ["Meeting d3", "Meeting d4"]);
}

#[tokio::test]
async fn call_recordings_and_their_transcripts() {
    let (sandbox, client) = setup().await;
    let meeting = client
        .create_meeting(
            hour("rec", 9)
                .description(
                    "We walk through the new pricing, the renewal dates, the support plan and the \
                     migration of every team to the new workspace before the end of the year",
                )
                .participant(email("bob.builder@beta.com"), ParticipantStatus::Accepted)
                .participant(email("carol@gamma.com"), ParticipantStatus::Declined),
        )
        .await
        .unwrap();
    let m = &meeting.id.meeting_id;

    let recording = client
        .create_call_recording(m, "https://files.example.com/rec.mp4")
        .await
        .unwrap();
    assert_eq!(recording.status, RecordingStatus::Processing);
    assert_eq!(&recording.id.meeting_id, m);
    let r = &recording.id.call_recording_id;
    let got = client.get_call_recording(m, r).await.unwrap();
    assert_eq!(got.status, RecordingStatus::Completed);
    assert!(got.web_url.starts_with("https://"), "{}", got.web_url);

    let second = client
        .create_call_recording(m, "https://files.example.com/rec-2.mp4")
        .await
        .unwrap();
    let listed = client.call_recordings(m).collect_all().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, recording.id);
    assert_eq!(listed[1].id, second.id);

    let before = sandbox.total_requests();
    let segments = client.transcript(m, r).collect_all().await.unwrap();
    assert_eq!(segments.len(), 39, "one segment per word");
    assert_eq!(
        sandbox.total_requests() - before,
        2,
        "two pages of segments"
    );
    assert_eq!(segments[0].speech, "Welcome,");
    assert_eq!(segments[0].speaker.name, "Ada Lovelace");
    let speakers: std::collections::BTreeSet<&str> =
        segments.iter().map(|s| s.speaker.name.as_str()).collect();
    assert_eq!(
        speakers.into_iter().collect::<Vec<_>>(),
        ["Ada Lovelace", "Bob Builder"],
        "declined participants do not speak"
    );
    assert!(
        segments
            .windows(2)
            .all(|w| w[0].end_time <= w[1].start_time)
    );
    let text: Vec<&str> = segments.iter().map(|s| s.speech.as_str()).collect();
    assert!(
        text.join(" ").contains("the migration of every team"),
        "{text:?}"
    );

    client.delete_call_recording(m, r).await.unwrap();
    let err = client.get_call_recording(m, r).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    let err = client.delete_call_recording(m, r).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(err.to_string().contains("DELETE /v2/meetings/"), "{err}");
    assert_eq!(
        client.call_recordings(m).collect_all().await.unwrap().len(),
        1
    );
}

#[tokio::test]
async fn what_attio_would_refuse_is_refused_before_sending() {
    let (sandbox, client) = setup().await;
    let before = sandbox.total_requests();

    let lonely = NewMeeting::timed(
        "x",
        "T",
        at("2027-01-01T10:00:00Z"),
        at("2027-01-01T11:00:00Z"),
    );
    let err = client.create_meeting(lonely).await.unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(err.to_string().contains(".organizer(email)"), "{err}");
    let backwards = NewMeeting::timed(
        "x",
        "T",
        at("2027-01-01T11:00:00Z"),
        at("2027-01-01T10:00:00Z"),
    )
    .organizer(email("a@x.com"));
    let err = client.create_meeting(backwards).await.unwrap_err();
    assert!(
        err.to_string().contains("must end after it starts"),
        "{err}"
    );

    let m: attio::values::MeetingId = "cb59ab17-ad15-460c-a126-0715617c0853".parse().unwrap();
    let err = client
        .create_call_recording(&m, "http://files.example.com/a.mp4")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    assert!(err.to_string().contains("write an `https://` URL"), "{err}");
    let err = client
        .create_call_recording(&m, "https://files.example.com/a.mov")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("must end in `.mp4`"), "{err}");

    let listed = client.meetings().page_size(0).collect_all().await;
    assert!(matches!(listed, Err(Error::InvalidInput(_))), "{listed:?}");
    let listed = client.meetings().participants([]).collect_all().await;
    assert!(matches!(listed, Err(Error::InvalidInput(_))), "{listed:?}");
    let by_domain = Ref::by(Company::fields().domains(), "acme.com".parse().unwrap());
    let listed = client.meetings().linked_to(&by_domain).collect_all().await;
    assert!(matches!(listed, Err(Error::InvalidInput(_))), "{listed:?}");
    let err = client
        .create_meeting(hour("y", 3).link(&by_domain))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Ref::new(record_id)"), "{err}");
    assert_eq!(sandbox.total_requests(), before, "nothing was sent");
}

#[tokio::test]
async fn attios_errors_name_the_request() {
    let (_sandbox, client) = setup().await;
    let missing: attio::values::MeetingId = "cb59ab17-ad15-460c-a126-0715617c0853".parse().unwrap();
    let err = client.get_meeting(&missing).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(
        err.to_string()
            .contains("GET /v2/meetings/cb59ab17-ad15-460c-a126-0715617c0853"),
        "{err}"
    );
    let err = client
        .create_call_recording(&missing, "https://files.example.com/a.mp4")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(err.to_string().contains("/call_recordings"), "{err}");
    let err = client
        .transcript(
            &missing,
            &"e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a".parse().unwrap(),
        )
        .collect_all()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));

    // A linked record that does not exist is Attio's 400, naming the request.
    let ghost = attio::RecordReference::new(
        "companies",
        "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap(),
    );
    let err = client
        .create_meeting(hour("z", 4).link(&ghost))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(err.to_string().contains("POST /v2/meetings"), "{err}");
}

#[tokio::test]
async fn a_new_call_recording_is_the_documented_webhook_event() {
    use attio::webhooks::{Delivery, Event};

    let (sandbox, client) = setup().await;
    let _: serde_json::Value = client
        .request(attio::Method::Post, "/v2/webhooks")
        .json(
            &serde_json::json!({"data": {"target_url": "https://example.com/attio",
            "subscriptions": [{"event_type": "call-recording.created", "filter": null}]}}),
        )
        .send()
        .await
        .unwrap();
    let meeting = client.create_meeting(hour("hook", 8)).await.unwrap();
    let recording = client
        .create_call_recording(&meeting.id.meeting_id, "https://files.example.com/hook.mp4")
        .await
        .unwrap();

    // A guard against hanging, never an assertion about time.
    let wait = std::time::Duration::from_secs(20);
    let attempts = sandbox
        .wait_for_deliveries(wait, |a| !a.is_empty())
        .await
        .unwrap();
    let delivery = Delivery::decode_unverified(attempts[0].body.as_bytes()).unwrap();
    let Event::CallRecordingCreated(event) = &delivery.events()[0] else {
        panic!("{:?}", delivery.events())
    };
    assert_eq!(event.meeting_id, meeting.id.meeting_id);
    assert_eq!(event.call_recording_id, recording.id.call_recording_id);
}

#[tokio::test]
async fn the_sandbox_refuses_what_attio_refuses_naming_the_field() {
    let (_sandbox, client) = setup().await;
    let raw = |body: serde_json::Value| {
        client
            .request(attio::Method::Post, "/v2/meetings")
            .json(&body)
            .send::<serde_json::Value>()
    };
    let err = raw(serde_json::json!({"data": {"title": "T"}}))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(
        err.to_string().contains("data.external_ref is required"),
        "{err}"
    );
    let err = raw(
        serde_json::json!({"data": {"title": "T", "description": "", "is_all_day": true,
        "start": {"datetime": "2027-01-01T10:00:00Z"}, "end": {"date": "2027-01-02"},
        "participants": [], "external_ref": "e"}}),
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("data.start must be {\"date\""),
        "{err}"
    );
    let err = raw(
        serde_json::json!({"data": {"title": "T", "description": "", "is_all_day": true,
        "start": {"date": "2027-01-01"}, "end": {"date": "2027-01-02"},
        "participants": [], "external_ref": "e"}}),
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("No participants were provided."),
        "{err}"
    );

    // Limits and cursors.
    let list = |key: &'static str, value: &'static str| {
        client
            .request(attio::Method::Get, "/v2/meetings")
            .query(key, value)
            .send::<serde_json::Value>()
    };
    let err = list("limit", "201").await.unwrap_err();
    assert!(err.to_string().contains("between 1 and 200"), "{err}");
    let err = list("cursor", "not-a-cursor").await.unwrap_err();
    assert!(
        err.to_string().contains("not a cursor of this listing"),
        "{err}"
    );
    let empty = list("limit", "200").await.unwrap();
    assert_eq!(
        empty,
        serde_json::json!({"data": [], "pagination": {"next_cursor": null}})
    );
}
