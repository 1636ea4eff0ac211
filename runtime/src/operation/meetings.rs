//! Meeting, call recording and transcript operations.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | create a meeting (`POST /v2/meetings`) | yes | Attio finds the meeting by its `external_ref` before creating one |
//! | list, get meetings | yes | reads |
//! | create a call recording (`POST …/call_recordings`) | no | a repeat makes a second recording |
//! | list, get call recordings, get a transcript | yes | reads |
//! | delete a call recording | yes | a repeat finds nothing to delete |
//! | link records (`PATCH /v2/meetings/{meeting_id}`) | yes | records already linked are ignored |
//! | replace the linked records (`PUT`) | yes | an overwrite |
//! | delete a meeting | yes | a repeat finds nothing to delete |

use super::{Method, Operation};
use crate::values::{CallRecordingId, MeetingId};
use crate::wire::meeting::{self, CallRecording, Meeting, TranscriptSegment};
use crate::wire::{self, CursorPage};

fn meeting_path(id: &MeetingId) -> String {
    format!("/v2/meetings/{}", id.as_str())
}

fn recordings_path(meeting: &MeetingId) -> String {
    format!("{}/call_recordings", meeting_path(meeting))
}

fn recording_path(meeting: &MeetingId, recording: &CallRecordingId) -> String {
    format!("{}/{}", recordings_path(meeting), recording.as_str())
}

/// `?key=value&…` with `cursor` appended when there is one.
pub(super) fn with_cursor(path: String, query: &str, cursor: Option<&str>) -> String {
    let mut q = url::form_urlencoded::Serializer::new(query.to_owned());
    if let Some(cursor) = cursor {
        q.append_pair("cursor", cursor);
    }
    let q = q.finish();
    if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    }
}

/// `POST /v2/meetings` (find or create) with a body from `wire::meeting::create_body`.
pub(crate) fn create(body: Vec<u8>) -> Operation<Meeting> {
    Operation::write(
        Method::Post,
        "/v2/meetings".to_owned(),
        Some(body),
        true,
        wire::decode_data::<Meeting>,
    )
}

/// `PATCH /v2/meetings/{meeting_id}` (`append`) or `PUT` with `{"data": {"linked_records": …}}`.
pub(crate) fn set_links(id: &MeetingId, append: bool, body: Vec<u8>) -> Operation<Meeting> {
    let method = if append { Method::Patch } else { Method::Put };
    Operation::write(
        method,
        meeting_path(id),
        Some(body),
        true,
        wire::decode_data::<Meeting>,
    )
}

/// `DELETE /v2/meetings/{meeting_id}`.
pub(crate) fn delete(id: &MeetingId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        meeting_path(id),
        None,
        true,
        wire::decode_nothing,
    )
}

/// `GET /v2/meetings/{meeting_id}`.
pub(crate) fn get(id: &MeetingId) -> Operation<Meeting> {
    Operation::read(
        Method::Get,
        meeting_path(id),
        None,
        wire::decode_data::<Meeting>,
    )
}

/// `GET /v2/meetings?{query}[&cursor=]`: one page; `query` is already encoded (filters, sort,
/// limit).
pub(crate) fn list_page(query: &str, cursor: Option<&str>) -> Operation<CursorPage<Meeting>> {
    Operation::read(
        Method::Get,
        with_cursor("/v2/meetings".to_owned(), query, cursor),
        None,
        wire::decode_bare::<CursorPage<Meeting>>,
    )
}

/// `POST /v2/meetings/{meeting_id}/call_recordings`.
pub(crate) fn create_recording(meeting: &MeetingId, video_url: &str) -> Operation<CallRecording> {
    Operation::write(
        Method::Post,
        recordings_path(meeting),
        Some(meeting::recording_body(video_url)),
        false,
        wire::decode_data::<CallRecording>,
    )
}

/// `GET /v2/meetings/{meeting_id}/call_recordings?limit=[&cursor=]`: one page.
pub(crate) fn list_recordings_page(
    meeting: &MeetingId,
    limit: usize,
    cursor: Option<&str>,
) -> Operation<CursorPage<CallRecording>> {
    Operation::read(
        Method::Get,
        with_cursor(recordings_path(meeting), &format!("limit={limit}"), cursor),
        None,
        wire::decode_bare::<CursorPage<CallRecording>>,
    )
}

/// `GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`.
pub(crate) fn get_recording(
    meeting: &MeetingId,
    recording: &CallRecordingId,
) -> Operation<CallRecording> {
    Operation::read(
        Method::Get,
        recording_path(meeting, recording),
        None,
        wire::decode_data::<CallRecording>,
    )
}

/// `DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`.
pub(crate) fn delete_recording(meeting: &MeetingId, recording: &CallRecordingId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        recording_path(meeting, recording),
        None,
        true,
        wire::decode_nothing,
    )
}

/// `GET …/call_recordings/{call_recording_id}/transcript[?cursor=]`: one page of segments.
pub(crate) fn transcript_page(
    meeting: &MeetingId,
    recording: &CallRecordingId,
    cursor: Option<&str>,
) -> Operation<CursorPage<TranscriptSegment>> {
    let path = format!("{}/transcript", recording_path(meeting, recording));
    Operation::read(
        Method::Get,
        with_cursor(path, "", cursor),
        None,
        meeting::decode_transcript_page,
    )
}
