//! Meetings, call recordings and transcripts as Attio returns them, and the create bodies.
//! Public through `attio::meetings`.
//!
//! Reading is lenient where the documentation and the OpenAPI document disagree or may drift: a
//! missing or null `description` reads as empty, a missing `timezone` as `None`, an unknown
//! participant or recording status as `Other`.

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::DecodeError;
use crate::values::{
    Actor, CallRecordingId, Date, MeetingId, ObjectId, RecordId, RecordReference, Timestamp,
    WorkspaceId,
};
use crate::wire::CursorPage;

/// A meeting.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","meeting_id":"cb59ab17-ad15-460c-a126-0715617c0853"},
///   "title":"Onboarding","description":"Getting started","is_all_day":false,
///   "start":{"datetime":"2027-11-27T14:00:00.000-04:00","timezone":"America/New_York"},
///   "end":{"datetime":"2027-11-27T15:00:00.000-04:00","timezone":"America/New_York"},
///   "participants":[{"status":"accepted","is_organizer":true,"email_address":"ada@example.com"}],
///   "linked_records":[{"object_slug":"people","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d"}],
///   "created_at":"2023-01-01T15:00:00.000000000Z","created_by_actor":{"type":"api-token","id":"bb3f3bd4"}}"#;
/// let meeting: attio::meetings::Meeting = serde_json::from_str(json)?;
/// assert_eq!(meeting.title, "Onboarding");
/// let attio::meetings::MeetingTime::At { datetime, timezone } = &meeting.start else { panic!() };
/// assert_eq!(datetime.to_string(), "2027-11-27T18:00:00.000000000Z");
/// assert_eq!(timezone.as_deref(), Some("America/New_York"));
/// assert!(meeting.participants[0].is_organizer);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Meeting {
    /// The meeting's ids.
    pub id: MeetingIdentifier,
    /// The title.
    pub title: String,
    /// The description (empty when there is none).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub description: String,
    /// Whether it is an all-day event (then `start` and `end` are dates).
    pub is_all_day: bool,
    /// When it starts.
    pub start: MeetingTime,
    /// When it ends: exclusive (a one-hour meeting at 14:00 ends at 15:00; a one-day meeting on
    /// June 3rd ends on June 4th).
    pub end: MeetingTime,
    /// Who was invited, and whether they accepted.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// The records the meeting is linked to.
    #[serde(default)]
    pub linked_records: Vec<MeetingLinkedRecord>,
    /// When it was created.
    pub created_at: Timestamp,
    /// Who created it.
    pub created_by_actor: Actor,
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// The ids of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeetingIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The meeting.
    pub meeting_id: MeetingId,
}

/// When a meeting starts or ends: a date for an all-day meeting, an instant (and the IANA time
/// zone it was scheduled in, when known) for the others.
///
/// ```
/// use attio::meetings::MeetingTime;
///
/// let day: MeetingTime = serde_json::from_str(r#"{"date":"2027-11-27"}"#)?;
/// assert!(matches!(day, MeetingTime::AllDay { .. }));
/// let at: MeetingTime = serde_json::from_str(r#"{"datetime":"2027-11-27T14:00:00Z","timezone":null}"#)?;
/// assert!(matches!(at, MeetingTime::At { timezone: None, .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MeetingTime {
    /// A non-all-day meeting's start or end.
    At {
        /// The instant (Attio writes it with the time zone's offset; it is kept in UTC here).
        datetime: Timestamp,
        /// The IANA time zone, e.g. `America/New_York`, when known.
        #[serde(default)]
        timezone: Option<String>,
    },
    /// An all-day meeting's first day, or the day after its last.
    AllDay {
        /// The day.
        date: Date,
    },
}

/// Someone invited to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Participant {
    /// Whether they accepted.
    pub status: ParticipantStatus,
    /// Whether they organise it.
    #[serde(default)]
    pub is_organizer: bool,
    /// Their (normalised) email address, when known.
    #[serde(default)]
    pub email_address: Option<String>,
    /// Their name, only when it was given as they were added (a participant added without an
    /// email address); `None` for one known by address, whose display name Attio does not fill
    /// in here.
    #[serde(default)]
    pub name: Option<String>,
}

/// A participant's answer to the invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ParticipantStatus {
    /// Accepted.
    Accepted,
    /// Maybe.
    Tentative,
    /// Declined.
    Declined,
    /// Not answered yet.
    Pending,
    /// A status newer than this SDK (read only: it cannot be written).
    #[serde(other)]
    Other,
}

/// A record a meeting is linked to, as Attio returns it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MeetingLinkedRecord {
    /// The record's object slug.
    pub object_slug: String,
    /// The record's object id.
    pub object_id: ObjectId,
    /// The record.
    pub record_id: RecordId,
}

impl MeetingLinkedRecord {
    /// The record as a [`RecordReference`] (by object slug).
    pub fn to_record_reference(&self) -> RecordReference {
        RecordReference::new(self.object_slug.clone(), self.record_id.clone())
    }
}

/// The reference Attio matches meetings by, so that creating one twice finds the first.
///
/// ```
/// use attio::meetings::{ExternalRef, CalendarProvider};
///
/// let mine = ExternalRef::from("crm-meeting-42");
/// let google = ExternalRef::ical("abc123@google.com", CalendarProvider::Google, false);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ExternalRef {
    /// An id from your system: unique across recurring meetings and stable over time.
    Id(String),
    /// A calendar event's iCal UID: required for meetings synced from Google or Microsoft
    /// calendars, to avoid duplicates.
    Ical {
        /// The iCal UID.
        ical_uid: String,
        /// The calendar provider.
        provider: CalendarProvider,
        /// Whether the meeting recurs.
        is_recurring: bool,
        /// The original start of a recurring event's exception.
        #[serde(skip_serializing_if = "Option::is_none")]
        original_start_time: Option<Timestamp>,
    },
}

impl ExternalRef {
    /// A calendar event by its iCal UID.
    pub fn ical(uid: impl Into<String>, provider: CalendarProvider, is_recurring: bool) -> Self {
        ExternalRef::Ical {
            ical_uid: uid.into(),
            provider,
            is_recurring,
            original_start_time: None,
        }
    }

    /// For an exception of a recurring event: its original start (no effect on an id).
    pub fn original_start_time(self, at: Timestamp) -> Self {
        match self {
            ExternalRef::Ical {
                ical_uid,
                provider,
                is_recurring,
                ..
            } => ExternalRef::Ical {
                ical_uid,
                provider,
                is_recurring,
                original_start_time: Some(at),
            },
            id => id,
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        match self {
            ExternalRef::Id(id) => id.trim().is_empty(),
            ExternalRef::Ical { ical_uid, .. } => ical_uid.trim().is_empty(),
        }
    }
}

impl From<&str> for ExternalRef {
    fn from(id: &str) -> Self {
        ExternalRef::Id(id.to_owned())
    }
}

impl From<String> for ExternalRef {
    fn from(id: String) -> Self {
        ExternalRef::Id(id)
    }
}

/// The calendar a meeting was synced from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CalendarProvider {
    /// Google Calendar.
    Google,
    /// Microsoft Outlook / Exchange.
    Microsoft,
}

/// One participant in the create body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ParticipantInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) email_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
    pub(crate) is_organizer: bool,
    pub(crate) status: ParticipantStatus,
}

/// Everything `POST /v2/meetings` sends (all keys Attio requires, plus links).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct MeetingInput<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) start: &'a MeetingTime,
    pub(crate) end: &'a MeetingTime,
    pub(crate) is_all_day: bool,
    pub(crate) participants: &'a [ParticipantInput],
    pub(crate) linked_records: Vec<LinkInput<'a>>,
    pub(crate) external_ref: &'a ExternalRef,
}

/// A linked record in the create body: `{object, record_id}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct LinkInput<'a> {
    pub(crate) object: &'a str,
    pub(crate) record_id: &'a RecordId,
}

/// The body of `PATCH` / `PUT /v2/meetings/{meeting_id}`: `{"data": {"linked_records": […]}}`.
pub(crate) fn links_body(links: &[LinkInput<'_>]) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "data": { "linked_records": links } }))
        .unwrap_or_default()
}

/// The body of `POST /v2/meetings`.
pub(crate) fn create_body(input: &MeetingInput<'_>) -> Vec<u8> {
    // Strings, ids, booleans and timestamps: serializing cannot fail.
    serde_json::to_vec(&serde_json::json!({ "data": input })).unwrap_or_default()
}

/// The body of `POST /v2/meetings/{meeting_id}/call_recordings`.
pub(crate) fn recording_body(video_url: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({"data": {"video_url": video_url}})).unwrap_or_default()
}

/// A call recording of a meeting.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","meeting_id":"cb59ab17-ad15-460c-a126-0715617c0853",
///   "call_recording_id":"e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a"},"status":"completed",
///   "web_url":"https://app.attio.com/acme/calls/cb59ab17/e8f2a3b7",
///   "created_by_actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
///   "created_at":"2023-01-01T15:00:00.000000000Z"}"#;
/// let recording: attio::meetings::CallRecording = serde_json::from_str(json)?;
/// assert_eq!(recording.status, attio::meetings::RecordingStatus::Completed);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CallRecording {
    /// The recording's ids.
    pub id: CallRecordingIdentifier,
    /// Whether it is ready.
    pub status: RecordingStatus,
    /// Where to watch it in Attio.
    #[serde(default)]
    pub web_url: String,
    /// Who created it.
    pub created_by_actor: Actor,
    /// When it was created.
    pub created_at: Timestamp,
    /// A short-lived URL (an hour) to download the video, in the answer of
    /// [`Client::get_call_recording`](crate::Client::get_call_recording) only; always `None` for a
    /// recording created through the API, whose video Attio does not serve back.
    #[serde(default)]
    pub video_url: Option<String>,
    /// The whole transcript, in the answer of
    /// [`Client::get_call_recording`](crate::Client::get_call_recording) only, and `None` while there
    /// is none (a recording still processing). Long transcripts page better through
    /// [`Client::transcript`](crate::Client::transcript).
    #[serde(default)]
    pub transcript: Option<RecordingTranscript>,
}

/// A call recording's transcript, whole, as `GET …/call_recordings/{id}` returns it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RecordingTranscript {
    /// The segments, in order.
    #[serde(default)]
    pub segments: Vec<TranscriptSegment>,
    /// The transcript as one text.
    #[serde(default)]
    pub raw_transcript: String,
}

/// The ids of a call recording (and of its transcript).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CallRecordingIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The meeting recorded.
    pub meeting_id: MeetingId,
    /// The recording.
    pub call_recording_id: CallRecordingId,
}

/// Where a call recording is in Attio's processing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RecordingStatus {
    /// Just created: Attio is fetching and transcribing it.
    Processing,
    /// Ready, with a transcript.
    Completed,
    /// Processing failed.
    Failed,
    /// A status newer than this SDK.
    #[serde(other)]
    Other,
}

/// One segment of a transcript: a few words, when they were said and by whom.
///
/// ```
/// let json = r#"{"speech":"Hello,","start_time":0.51,"end_time":0.81,"speaker":{"name":"Alex Bell"}}"#;
/// let segment: attio::meetings::TranscriptSegment = serde_json::from_str(json)?;
/// assert_eq!(segment.speaker.name, "Alex Bell");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TranscriptSegment {
    /// What was said.
    pub speech: String,
    /// Seconds from the start of the recording.
    pub start_time: f64,
    /// Seconds from the start of the recording.
    pub end_time: f64,
    /// Who said it.
    pub speaker: Speaker,
}

/// The speaker of a transcript segment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// Their name.
    pub name: String,
}

/// Decodes one page of `GET …/transcript`: `{"data": {id, transcript: […], raw_transcript,
/// web_url}, "pagination": {"next_cursor"}}`, as the page's segments.
pub(crate) fn decode_transcript_page(
    body: &[u8],
) -> Result<CursorPage<TranscriptSegment>, DecodeError> {
    #[derive(Deserialize)]
    struct Data {
        transcript: Vec<TranscriptSegment>,
    }
    #[derive(Deserialize)]
    struct Pagination {
        #[serde(default)]
        next_cursor: Option<String>,
    }
    #[derive(Deserialize)]
    struct Page {
        data: Data,
        #[serde(default)]
        pagination: Option<Pagination>,
    }
    let page: Page = super::decode_bare(body)?;
    Ok(CursorPage {
        data: page.data.transcript,
        next_cursor: page.pagination.and_then(|p| p.next_cursor),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_create_body_has_every_required_key() {
        let start = MeetingTime::AllDay {
            date: "2027-11-27".parse().unwrap(),
        };
        let end = MeetingTime::AllDay {
            date: "2027-11-28".parse().unwrap(),
        };
        let ext = ExternalRef::from("x1");
        let people = [ParticipantInput {
            email_address: Some("ada@example.com".into()),
            name: None,
            is_organizer: true,
            status: ParticipantStatus::Accepted,
        }];
        let body = create_body(&MeetingInput {
            title: "T",
            description: "",
            start: &start,
            end: &end,
            is_all_day: true,
            participants: &people,
            linked_records: Vec::new(),
            external_ref: &ext,
        });
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"data": {"title": "T", "description": "", "start": {"date": "2027-11-27"},
                "end": {"date": "2027-11-28"}, "is_all_day": true,
                "participants": [{"email_address": "ada@example.com", "is_organizer": true, "status": "accepted"}],
                "linked_records": [], "external_ref": "x1"}})
        );
    }

    #[test]
    fn a_transcript_page_decodes_to_its_segments() {
        let body = br#"{"data":{"id":{"workspace_id":"w","meeting_id":"m","call_recording_id":"c"},
            "transcript":[{"speech":"Hi","start_time":0,"end_time":0.4,"speaker":{"name":"Ada"}}],
            "raw_transcript":"[00:00] Ada: Hi","web_url":"https://app.attio.com/x"},
            "pagination":{"next_cursor":null}}"#;
        let page = decode_transcript_page(body).unwrap();
        assert_eq!(page.data[0].speech, "Hi");
        assert_eq!(page.next_cursor, None);
        let err = decode_transcript_page(br#"{"data":{"transcript":[{"speech":1}]}}"#).unwrap_err();
        assert_eq!(err.path(), "data.transcript[0].speech");
    }
}
