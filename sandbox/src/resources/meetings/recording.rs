//! Call recordings and transcripts: `GET|POST /v2/meetings/{meeting_id}/call_recordings`,
//! `GET|DELETE …/call_recordings/{call_recording_id}` and `GET …/{call_recording_id}/transcript`.
//!
//! As Attio: a recording needs an `https` `video_url` of an `.mp4` file (400 `validation_type`
//! otherwise; Attio's "Invalid video URL protocol. Only https is supported" for another scheme),
//! a missing meeting is 404 `not_found`, and a delete answers 204 without a body. Listings page
//! by cursor (see `model.rs`).
//!
//! Semantics chosen where Attio's documentation is silent, or the sandbox cannot do what Attio
//! does:
//! - **Processing.** A new call recording answers `processing`; the sandbox cannot fetch the
//!   video, so the recording is `completed` from the next request that reads it (get, list or
//!   transcript). `call-recording.created` is delivered when it is created.
//! - **Transcripts.** The sandbox cannot transcribe, so a recording's transcript is derived from
//!   its meeting, deterministically: the organiser (the first participant if none is marked)
//!   welcomes everyone to the meeting by its title, every accepted or tentative participant says
//!   hello, the organiser reads the description (if any) and thanks everyone. Speakers are named
//!   from their email's local part (`ada.lovelace@…` is "Ada Lovelace"). Each word is one segment
//!   (as in Attio's example), timed from the words' lengths; a page holds 20 segments.
//!   `raw_transcript` (every page) is the whole transcript, one `[mm:ss] Name: line` per line.
//!   A participant added by name only speaks under that name.
//! - **Get.** `GET …/call_recordings/{id}` also answers `video_url`, always `null` (as Attio's is
//!   for a recording created through the API), and the whole `transcript`
//!   (`{segments, raw_transcript}`), `null` while the recording is processing.

use serde_json::{Map, Value, json};

use super::model::{Meeting, Meetings, Recording, bad, limit, meeting, offset, page, string};
use crate::error::ApiError;
use crate::http::Request;
use crate::store::{Event, Store};
use crate::util::format_ns;

/// Segments per page of a transcript.
const TRANSCRIPT_PAGE: usize = 20;

fn recording_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Call recording with ID \"{id}\" was not found."))
}

fn web_url(m: &str, r: &str) -> String {
    format!("https://app.attio.com/sandbox/calls/{m}/{r}")
}

fn render_recording(store: &Store, r: &Recording) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "meeting_id": r.meeting_id, "call_recording_id": r.id},
        "status": if r.completed { "completed" } else { "processing" },
        "web_url": web_url(&r.meeting_id, &r.id),
        "created_by_actor": {"type": "api-token", "id": store.token_id},
        "created_at": format_ns(r.created_at),
    })
}

fn video_url(d: &Map<String, Value>) -> Result<String, ApiError> {
    let url = string(d, "video_url")?;
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(bad("data.video_url must be a URL."));
    };
    if !scheme.eq_ignore_ascii_case("https") {
        return Err(bad("Invalid video URL protocol. Only https is supported"));
    }
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let host = path.split('/').next().unwrap_or("");
    if host.is_empty() || !path.to_ascii_lowercase().ends_with(".mp4") {
        return Err(bad("data.video_url must be the URL of an .mp4 file."));
    }
    Ok(url.to_owned())
}

/// `POST /v2/meetings/{meeting_id}/call_recordings`.
pub(super) fn create_recording(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let meeting_id = req.path("meeting_id");
    if meeting(store, meeting_id).is_err() {
        return Err(ApiError::not_found("The referenced meeting was not found."));
    }
    video_url(req.data()?)?;
    let recording = Recording {
        id: store.rng.uuid(),
        meeting_id: meeting_id.to_owned(),
        completed: false,
        created_at: store.tick(),
    };
    let answer = json!({"data": render_recording(store, &recording)});
    let event = Event::new("call-recording.created")
        .id("meeting_id", meeting_id)
        .id("call_recording_id", &recording.id);
    store
        .parts
        .get_mut::<Meetings>()?
        .recordings
        .push(recording);
    store.emit(event);
    Ok(answer)
}

/// The index of a meeting's recording, after checking the meeting; finishes its processing.
fn recording(store: &mut Store, meeting_id: &str, id: &str) -> Result<usize, ApiError> {
    meeting(store, meeting_id)?;
    let recordings = &mut store.parts.get_mut::<Meetings>()?.recordings;
    let at = recordings
        .iter()
        .position(|r| r.id == id && r.meeting_id == meeting_id)
        .ok_or_else(|| recording_not_found(id))?;
    recordings[at].completed = true;
    Ok(at)
}

/// `GET /v2/meetings/{meeting_id}/call_recordings`.
pub(super) fn list_recordings(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let meeting_id = req.path("meeting_id");
    meeting(store, meeting_id)?;
    let limit = limit(req)?;
    let kind = format!("recordings:{meeting_id}");
    let offset = offset(req, &kind)?;
    let mut items = Vec::new();
    for r in store
        .parts
        .get_mut::<Meetings>()?
        .recordings
        .iter_mut()
        .filter(|r| r.meeting_id == meeting_id)
    {
        r.completed = true;
    }
    for r in store
        .parts
        .get::<Meetings>()?
        .recordings
        .iter()
        .filter(|r| r.meeting_id == meeting_id)
    {
        items.push(render_recording(store, r));
    }
    Ok(page(items, &kind, offset, limit))
}

/// `GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`.
pub(super) fn get_recording(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let at = recording(store, req.path("meeting_id"), req.path("call_recording_id"))?;
    let r = &store.parts.get::<Meetings>()?.recordings[at];
    let mut data = render_recording(store, r);
    // Made through the API: Attio serves no video back. The transcript once processed.
    data["video_url"] = Value::Null;
    data["transcript"] = match r.completed {
        true => {
            let (segments, raw) = whole_transcript(meeting(store, &r.meeting_id)?);
            json!({"segments": segments, "raw_transcript": raw})
        }
        false => Value::Null,
    };
    Ok(json!({"data": data}))
}

/// `DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`: answers 204 (`Null`).
pub(super) fn delete_recording(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (meeting_id, id) = (req.path("meeting_id"), req.path("call_recording_id"));
    let recordings = &mut store.parts.get_mut::<Meetings>()?.recordings;
    let at = recordings
        .iter()
        .position(|r| r.id == id && r.meeting_id == meeting_id)
        .ok_or_else(|| ApiError::not_found("The referenced call recording was not found."))?;
    recordings.remove(at);
    Ok(Value::Null)
}

/// How a participant is named in the transcript: the name given, or one made from the address.
fn participant_name(p: &super::model::Participant) -> String {
    match (&p.name, &p.email) {
        (Some(name), _) => name.clone(),
        (None, Some(email)) => speaker_name(email),
        (None, None) => "Guest".to_owned(),
    }
}

/// "ada.lovelace@x" → "Ada Lovelace".
fn speaker_name(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sandbox's transcript of a meeting: `(speaker, line)` in order.
fn script(m: &Meeting) -> Vec<(String, String)> {
    let host = m
        .participants
        .iter()
        .find(|p| p.is_organizer)
        .or_else(|| m.participants.first())
        .map_or_else(|| "Host".to_owned(), participant_name);
    let mut lines = vec![(host.clone(), format!("Welcome, everyone, to {}.", m.title))];
    for p in &m.participants {
        let name = participant_name(p);
        if name != host && (p.status == "accepted" || p.status == "tentative") {
            lines.push((name.clone(), format!("Hi, {name} here.")));
        }
    }
    if !m.description.trim().is_empty() {
        lines.push((host.clone(), m.description.trim().to_owned()));
    }
    lines.push((host, "Thanks, everyone.".to_owned()));
    lines
}

/// `GET …/call_recordings/{call_recording_id}/transcript`.
/// A meeting's transcript: its segments, and the raw text (`[mm:ss] Name: line` per line).
fn whole_transcript(m: &Meeting) -> (Vec<Value>, String) {
    let (mut segments, mut raw, mut clock) = (Vec::new(), Vec::new(), 0.5_f64);
    let round = |t: f64| (t * 100.0).round() / 100.0;
    for (speaker, line) in script(m) {
        let secs = clock as u64;
        raw.push(format!(
            "[{:02}:{:02}] {speaker}: {line}",
            secs / 60,
            secs % 60
        ));
        for word in line.split_whitespace() {
            let end = clock + 0.2 + 0.06 * word.chars().count() as f64;
            segments.push(
                json!({"speech": word, "start_time": round(clock), "end_time": round(end),
                "speaker": {"name": speaker}}),
            );
            clock = end;
        }
        clock += 0.6;
    }
    (segments, raw.join("\n"))
}

pub(super) fn transcript(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (meeting_id, id) = (req.path("meeting_id"), req.path("call_recording_id"));
    recording(store, meeting_id, id)?;
    let kind = format!("transcript:{id}");
    let offset = offset(req, &kind)?;
    let (segments, raw) = whole_transcript(meeting(store, meeting_id)?);
    let mut answer = page(segments, &kind, offset, TRANSCRIPT_PAGE);
    let segments = answer["data"].take();
    answer["data"] = json!({
        "id": {"workspace_id": store.workspace_id, "meeting_id": meeting_id, "call_recording_id": id},
        "transcript": segments,
        "raw_transcript": raw,
        "web_url": format!("{}/transcript", web_url(meeting_id, id)),
    });
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_named_from_their_email() {
        assert_eq!(speaker_name("ada.lovelace@x.com"), "Ada Lovelace");
        assert_eq!(
            speaker_name("bob_the-builder+crm@x.com"),
            "Bob The Builder Crm"
        );
    }
}
