//! Fields Attio added to meetings and call recordings: a participant's `name`, a recording's
//! `video_url` and whole `transcript`.

use attio::meetings::{ParticipantStatus, RecordingStatus};

use crate::{email, hour, setup};

#[tokio::test]
async fn a_participant_added_by_name_reads_back_named_and_one_by_address_unnamed() {
    let (_sandbox, client) = setup().await;
    let meeting = client
        .create_meeting(
            hour("named", 3)
                .participant(email("bob@beta.com"), ParticipantStatus::Accepted)
                .participant_named("Dial-in guest", ParticipantStatus::Tentative),
        )
        .await
        .unwrap();
    let read = client.get_meeting(&meeting.id.meeting_id).await.unwrap();
    let people: Vec<(Option<&str>, Option<&str>)> = read
        .participants
        .iter()
        .map(|p| (p.email_address.as_deref(), p.name.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            (Some("ada.lovelace@acme.com"), None),
            (Some("bob@beta.com"), None),
            (None, Some("Dial-in guest")),
        ]
    );
}

#[tokio::test]
async fn a_recording_made_through_the_api_has_no_video_url_and_its_whole_transcript() {
    let (_sandbox, client) = setup().await;
    let meeting = client
        .create_meeting(
            hour("transcribed", 4).participant_named("Dial-in guest", ParticipantStatus::Accepted),
        )
        .await
        .unwrap();
    let m = &meeting.id.meeting_id;
    let created = client
        .create_call_recording(m, "https://files.example.com/t.mp4")
        .await
        .unwrap();
    assert_eq!(created.status, RecordingStatus::Processing);
    assert_eq!(created.transcript, None, "not part of the create's answer");
    let r = &created.id.call_recording_id;
    let got = client.get_call_recording(m, r).await.unwrap();
    assert_eq!(
        got.video_url, None,
        "never served back for an API-made recording"
    );
    let whole = got
        .transcript
        .expect("a completed recording has its transcript");
    let paged: Vec<String> = client
        .transcript(m, r)
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.speech)
        .collect();
    let words: Vec<String> = whole.segments.iter().map(|s| s.speech.clone()).collect();
    assert_eq!(words, paged, "the same segments as the paged transcript");
    assert!(
        whole
            .raw_transcript
            .contains("Dial-in guest: Hi, Dial-in guest here."),
        "{}",
        whole.raw_transcript
    );
}
