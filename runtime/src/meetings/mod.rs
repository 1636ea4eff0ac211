//! Meetings, their call recordings and the recordings' transcripts.
//!
//! Creating a meeting *finds or creates* it by its [`ExternalRef`] (your id for it, or a calendar
//! event's iCal UID), so it is safe to repeat. A call recording is created from a public `https`
//! URL of an `.mp4` video; Attio fetches and transcribes it asynchronously (its
//! [`RecordingStatus`] goes from `Processing` to `Completed`), and its transcript is then listed
//! segment by segment.
//!
//! ```no_run
//! use attio::meetings::{NewMeeting, ParticipantStatus};
//! use futures::TryStreamExt as _;
//!
//! # async fn run(client: attio::Client, acme: attio::RecordReference) -> Result<(), Box<dyn std::error::Error>> {
//! let meeting = client
//!     .create_meeting(
//!         NewMeeting::timed(
//!             "crm-meeting-42",
//!             "Renewal call",
//!             "2027-11-27T14:00:00Z".parse()?,
//!             "2027-11-27T15:00:00Z".parse()?,
//!         )
//!         .timezone("Europe/London")
//!         .organizer("alice@attio.com".parse()?)
//!         .participant("ada@acme.com".parse()?, ParticipantStatus::Accepted)
//!         .link(&acme),
//!     )
//!     .await?;
//! let id = &meeting.id.meeting_id;
//! let recording = client
//!     .create_call_recording(id, "https://files.example.com/renewal.mp4")
//!     .await?;
//! let mut words = client.transcript(id, &recording.id.call_recording_id);
//! while let Some(segment) = words.try_next().await? {
//!     println!("{}: {}", segment.speaker.name, segment.speech);
//! }
//! let upcoming = client
//!     .meetings()
//!     .linked_to(&acme)
//!     .ends_from("2027-01-01T00:00:00Z".parse()?)
//!     .collect_all()
//!     .await?;
//! # Ok(()) }
//! ```

mod changes;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::pages::{Filters, Listing};
use crate::values::{CallRecordingId, Date, EmailAddress, MeetingId, RecordReference, Timestamp};
use crate::wire::meeting::{self, LinkInput, MeetingInput, ParticipantInput};
use crate::wire::parent::ParentRecord;

pub use crate::wire::meeting::{
    CalendarProvider, CallRecording, CallRecordingIdentifier, ExternalRef, Meeting,
    MeetingIdentifier, MeetingLinkedRecord, MeetingTime, Participant, ParticipantStatus,
    RecordingStatus, RecordingTranscript, Speaker, TranscriptSegment,
};

/// Attio's largest page of meetings and of call recordings.
pub const MAX_PAGE: usize = 200;

/// A meeting to find or create: its external reference, title and times; participants (at least
/// one) and linked records are added with the builder's methods. All-day or not is decided by
/// the constructor, so the start, end and `is_all_day` always agree.
///
/// ```
/// use attio::meetings::{NewMeeting, ParticipantStatus};
///
/// let offsite = NewMeeting::all_day(
///     "offsite-2027",
///     "Offsite",
///     "2027-06-03".parse()?,
///     "2027-06-05".parse()?, // exclusive: June 3rd and 4th
/// )
/// .description("Two days in Lisbon")
/// .organizer("alice@attio.com".parse()?)
/// .participant("bob@attio.com".parse()?, ParticipantStatus::Tentative);
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug)]
#[must_use = "a meeting is created by `client.create_meeting(meeting)`"]
pub struct NewMeeting {
    external_ref: ExternalRef,
    title: String,
    description: String,
    start: MeetingTime,
    end: MeetingTime,
    is_all_day: bool,
    participants: Vec<ParticipantInput>,
    links: Vec<Result<RecordReference>>,
}

impl NewMeeting {
    /// A meeting from `start` to `end` (exclusive: a one-hour meeting at 14:00 ends at 15:00).
    pub fn timed(
        external_ref: impl Into<ExternalRef>,
        title: impl Into<String>,
        start: Timestamp,
        end: Timestamp,
    ) -> Self {
        let at = |datetime| MeetingTime::At {
            datetime,
            timezone: None,
        };
        NewMeeting::new(external_ref, title, at(start), at(end), false)
    }

    /// An all-day meeting from `first_day` up to `end_day`, exclusive (a meeting on June 3rd
    /// alone ends on June 4th).
    pub fn all_day(
        external_ref: impl Into<ExternalRef>,
        title: impl Into<String>,
        first_day: Date,
        end_day: Date,
    ) -> Self {
        let day = |date| MeetingTime::AllDay { date };
        NewMeeting::new(external_ref, title, day(first_day), day(end_day), true)
    }

    fn new(
        external_ref: impl Into<ExternalRef>,
        title: impl Into<String>,
        start: MeetingTime,
        end: MeetingTime,
        is_all_day: bool,
    ) -> Self {
        NewMeeting {
            external_ref: external_ref.into(),
            title: title.into(),
            description: String::new(),
            start,
            end,
            is_all_day,
            participants: Vec::new(),
            links: Vec::new(),
        }
    }

    /// The description (default: empty).
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = text.into();
        self
    }

    /// The IANA time zone of a timed meeting, e.g. `America/New_York` (no effect on an all-day
    /// meeting). Attio treats an unknown zone as UTC.
    pub fn timezone(mut self, zone: impl Into<String>) -> Self {
        let zone = zone.into();
        for time in [&mut self.start, &mut self.end] {
            if let MeetingTime::At { timezone, .. } = time {
                *timezone = Some(zone.clone());
            }
        }
        self
    }

    /// Adds the organiser (status accepted).
    pub fn organizer(self, email: EmailAddress) -> Self {
        self.push(email, true, ParticipantStatus::Accepted)
    }

    /// Adds a participant who is not the organiser.
    pub fn participant(self, email: EmailAddress, status: ParticipantStatus) -> Self {
        self.push(email, false, status)
    }

    /// Adds a participant known by name only, with no email address (Attio makes no person
    /// record for them); Attio returns the name as [`Participant::name`].
    ///
    /// ```
    /// use attio::meetings::{NewMeeting, ParticipantStatus};
    /// let call = NewMeeting::timed("call-7", "Call", "2027-01-01T10:00:00Z".parse()?, "2027-01-01T10:30:00Z".parse()?)
    ///     .organizer("alice@attio.com".parse()?)
    ///     .participant_named("Dial-in guest", ParticipantStatus::Accepted);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn participant_named(mut self, name: impl Into<String>, status: ParticipantStatus) -> Self {
        self.participants.push(ParticipantInput {
            email_address: None,
            name: Some(name.into()),
            is_organizer: false,
            status,
        });
        self
    }

    fn push(mut self, email: EmailAddress, is_organizer: bool, status: ParticipantStatus) -> Self {
        self.participants.push(ParticipantInput {
            email_address: Some(email.to_string()),
            name: None,
            is_organizer,
            status,
        });
        self
    }

    /// Links a record, named by its id (call again for more).
    pub fn link(mut self, record: &impl ParentRecord) -> Self {
        self.links.push(record.to_parent());
        self
    }

    fn body(self) -> Result<Vec<u8>> {
        let refuse = |why: String| Err(Error::InvalidInput(why));
        if self.external_ref.is_blank() {
            return refuse(
                "a meeting's external reference is empty: give your system's id for the meeting \
                 (or a calendar event's iCal UID with `ExternalRef::ical`), which Attio uses to \
                 find it again instead of creating a duplicate"
                    .into(),
            );
        }
        if self.title.trim().is_empty() {
            return refuse(
                "a meeting needs a title: `NewMeeting::timed(ext, \"Title\", …)`".into(),
            );
        }
        let in_order = match (&self.start, &self.end) {
            (MeetingTime::At { datetime: s, .. }, MeetingTime::At { datetime: e, .. }) => s < e,
            (MeetingTime::AllDay { date: s }, MeetingTime::AllDay { date: e }) => s < e,
            _ => false,
        };
        if !in_order {
            return refuse(format!(
                "a meeting must end after it starts (the end is exclusive: a one-day meeting on \
                 June 3rd ends on June 4th), and this one runs from {} to {}",
                show(&self.start),
                show(&self.end)
            ));
        }
        if self.participants.is_empty() {
            return refuse(
                "a meeting needs at least one participant: add `.organizer(email)` or \
                 `.participant(email, ParticipantStatus::Accepted)`"
                    .into(),
            );
        }
        if self
            .participants
            .iter()
            .any(|p| p.status == ParticipantStatus::Other)
        {
            return refuse(
                "`ParticipantStatus::Other` is only read, never written: use Accepted, \
                 Tentative, Declined or Pending"
                    .into(),
            );
        }
        let links = self.links.into_iter().collect::<Result<Vec<_>>>()?;
        Ok(meeting::create_body(&MeetingInput {
            title: &self.title,
            description: &self.description,
            start: &self.start,
            end: &self.end,
            is_all_day: self.is_all_day,
            participants: &self.participants,
            linked_records: links
                .iter()
                .map(|r| LinkInput {
                    object: r.target_object(),
                    record_id: r.target_record_id(),
                })
                .collect(),
            external_ref: &self.external_ref,
        }))
    }
}

fn show(time: &MeetingTime) -> String {
    match time {
        MeetingTime::At { datetime, .. } => datetime.to_string(),
        MeetingTime::AllDay { date } => date.to_string(),
    }
}

/// Checks a call recording's video URL as Attio documents it: `https`, an `.mp4` file.
fn check_video_url(video_url: &str) -> Result<()> {
    let url = url::Url::parse(video_url).map_err(|e| {
        Error::InvalidInput(format!(
            "a call recording's video URL must be a public https URL of an .mp4 file, and \
             `{video_url}` is not a URL ({e}); write e.g. `https://files.example.com/call.mp4`"
        ))
    })?;
    if url.scheme() != "https" {
        return Err(Error::InvalidInput(format!(
            "Attio fetches call recordings over https only, and `{video_url}` is {}: write an \
             `https://` URL",
            url.scheme()
        )));
    }
    if !url.path().to_ascii_lowercase().ends_with(".mp4") {
        return Err(Error::InvalidInput(format!(
            "Attio accepts call recordings as .mp4 files (up to 500 MB), and `{video_url}` does \
             not name one: its path must end in `.mp4`"
        )));
    }
    Ok(())
}

impl Client {
    /// `POST /v2/meetings`: finds the meeting with this external reference, or creates it.
    /// Repeatable (a repeat finds the meeting), so it is retried like a read. What Attio would
    /// refuse (no participants, an end before the start, a blank reference) is refused before
    /// sending.
    pub async fn create_meeting(&self, meeting: NewMeeting) -> Result<Meeting> {
        self.execute(operation::meetings::create(meeting.body()?))
            .await
    }

    /// `GET /v2/meetings/{meeting_id}`.
    pub async fn get_meeting(&self, id: &MeetingId) -> Result<Meeting> {
        self.execute(operation::meetings::get(id)).await
    }

    /// The workspace's meetings, filtered with [`MeetingListing`]'s methods, as a stream that
    /// pages by itself (`GET /v2/meetings`, by cursor, 200 at a time), earliest first.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let with_ada = client
    ///     .meetings()
    ///     .participants(["ada@acme.com".parse()?])
    ///     .latest_first()
    ///     .collect_all()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn meetings(&self) -> MeetingListing<'_> {
        MeetingListing {
            client: self,
            filters: Filters::new(),
            latest_first: false,
            page_size: MAX_PAGE,
        }
    }

    /// `POST /v2/meetings/{meeting_id}/call_recordings`: a recording of the meeting from a
    /// public `https` URL of an `.mp4` video (checked before sending), which Attio fetches and
    /// transcribes asynchronously. Not repeatable (a repeat makes a second recording).
    pub async fn create_call_recording(
        &self,
        meeting: &MeetingId,
        video_url: &str,
    ) -> Result<CallRecording> {
        check_video_url(video_url)?;
        self.execute(operation::meetings::create_recording(meeting, video_url))
            .await
    }

    /// `GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`.
    pub async fn get_call_recording(
        &self,
        meeting: &MeetingId,
        recording: &CallRecordingId,
    ) -> Result<CallRecording> {
        self.execute(operation::meetings::get_recording(meeting, recording))
            .await
    }

    /// `DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`: the recording
    /// and its transcript.
    pub async fn delete_call_recording(
        &self,
        meeting: &MeetingId,
        recording: &CallRecordingId,
    ) -> Result<()> {
        self.execute(operation::meetings::delete_recording(meeting, recording))
            .await
    }

    /// A meeting's call recordings, as a stream that pages by itself (by cursor, 200 at a time).
    pub fn call_recordings(&self, meeting: &MeetingId) -> Listing<CallRecording> {
        let meeting = meeting.clone();
        Listing::by_cursor(self, move |cursor| {
            operation::meetings::list_recordings_page(&meeting, MAX_PAGE, cursor)
        })
    }

    /// A call recording's transcript, segment by segment, as a stream that pages by itself (by
    /// cursor). Collect it with [`Listing::collect_all`].
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, m: attio::values::MeetingId, r: attio::values::CallRecordingId) -> attio::Result<()> {
    /// let text: Vec<String> = client
    ///     .transcript(&m, &r)
    ///     .collect_all()
    ///     .await?
    ///     .into_iter()
    ///     .map(|s| s.speech)
    ///     .collect();
    /// println!("{}", text.join(" "));
    /// # Ok(()) }
    /// ```
    pub fn transcript(
        &self,
        meeting: &MeetingId,
        recording: &CallRecordingId,
    ) -> Listing<TranscriptSegment> {
        let (meeting, recording) = (meeting.clone(), recording.clone());
        Listing::by_cursor(self, move |cursor| {
            operation::meetings::transcript_page(&meeting, &recording, cursor)
        })
    }
}

/// Which meetings to list; made by [`Client::meetings`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct MeetingListing<'c> {
    client: &'c Client,
    filters: Filters,
    latest_first: bool,
    page_size: usize,
}

impl MeetingListing<'_> {
    fn push(mut self, key: &'static str, value: Result<String>) -> Self {
        self.filters.push(key, value);
        self
    }

    /// Only meetings linked to `record` (named by its id).
    pub fn linked_to(mut self, record: &impl ParentRecord) -> Self {
        self.filters.linked_to(record);
        self
    }

    /// Only meetings with at least one of these participants.
    pub fn participants(self, emails: impl IntoIterator<Item = EmailAddress>) -> Self {
        let list: Vec<String> = emails.into_iter().map(|e| e.to_string()).collect();
        let list = if list.is_empty() {
            Err(Error::InvalidInput(
                "`participants` needs at least one email address (leave it out to list every \
                 meeting)"
                    .into(),
            ))
        } else {
            Ok(list.join(","))
        };
        self.push("participants", list)
    }

    /// Only meetings that end at or after `at`.
    pub fn ends_from(self, at: Timestamp) -> Self {
        self.push("ends_from", Ok(at.to_string()))
    }

    /// Only meetings that start before `at` (exclusive).
    pub fn starts_before(self, at: Timestamp) -> Self {
        self.push("starts_before", Ok(at.to_string()))
    }

    /// The IANA time zone in which all-day meetings are compared with [`ends_from`] and
    /// [`starts_before`] (default UTC).
    ///
    /// [`ends_from`]: MeetingListing::ends_from
    /// [`starts_before`]: MeetingListing::starts_before
    pub fn timezone(self, zone: impl Into<String>) -> Self {
        self.push("timezone", Ok(zone.into()))
    }

    /// Latest start first (default: earliest first).
    pub fn latest_first(mut self) -> Self {
        self.latest_first = true;
        self
    }

    /// How many meetings to fetch per request, 1 to [`MAX_PAGE`] (the default).
    pub fn page_size(mut self, n: usize) -> Self {
        self.page_size = n;
        self
    }

    /// The meetings, fetched page after page as the stream is polled.
    pub fn stream(self) -> Listing<Meeting> {
        if !(1..=MAX_PAGE).contains(&self.page_size) {
            return Listing::failed(Error::InvalidInput(format!(
                "a page of meetings holds 1 to {MAX_PAGE}, not {}: write `.page_size({MAX_PAGE})` \
                 or less",
                self.page_size
            )));
        }
        let mut query = match self.filters.into_query() {
            Ok(query) => query,
            Err(e) => return Listing::failed(e),
        };
        let sort = if self.latest_first {
            "start_desc"
        } else {
            "start_asc"
        };
        query.append_pair("sort", sort);
        query.append_pair("limit", &self.page_size.to_string());
        let query = query.finish();
        Listing::by_cursor(self.client, move |cursor| {
            operation::meetings::list_page(&query, cursor)
        })
    }

    /// Every meeting, or the first error.
    pub async fn collect_all(self) -> Result<Vec<Meeting>> {
        self.stream().collect_all().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ada() -> EmailAddress {
        "ada@example.com".parse().unwrap()
    }

    fn refusal(meeting: NewMeeting) -> String {
        match meeting.body() {
            Err(Error::InvalidInput(why)) => why,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn what_attio_refuses_cannot_be_sent() {
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        let m = NewMeeting::timed(
            "x",
            "T",
            t("2027-01-01T10:00:00Z"),
            t("2027-01-01T11:00:00Z"),
        );
        assert!(refusal(m).contains("at least one participant"));
        let m = NewMeeting::timed(
            "x",
            "T",
            t("2027-01-01T11:00:00Z"),
            t("2027-01-01T11:00:00Z"),
        );
        assert!(refusal(m.organizer(ada())).contains("end after it starts"));
        let m = NewMeeting::timed(
            " ",
            "T",
            t("2027-01-01T10:00:00Z"),
            t("2027-01-01T11:00:00Z"),
        );
        assert!(refusal(m.organizer(ada())).contains("external reference is empty"));
        let d = |s: &str| s.parse::<Date>().unwrap();
        let m = NewMeeting::all_day("x", "T", d("2027-06-03"), d("2027-06-04"))
            .participant(ada(), ParticipantStatus::Other);
        assert!(refusal(m).contains("only read"));
    }

    #[test]
    fn a_video_url_must_be_an_https_mp4() {
        assert!(check_video_url("https://x.example/call.MP4").is_ok());
        let err = check_video_url("http://x.example/call.mp4").unwrap_err();
        assert!(err.to_string().contains("https only"), "{err}");
        let err = check_video_url("https://x.example/call.mov").unwrap_err();
        assert!(err.to_string().contains(".mp4"), "{err}");
        let err = check_video_url("call.mp4").unwrap_err();
        assert!(err.to_string().contains("is not a URL"), "{err}");
    }
}
