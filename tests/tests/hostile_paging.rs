//! Listings against a hostile server: a real HTTP server on loopback that answers like Attio,
//! but whose paging never advances (the same cursor forever, a cursor cycle, the same full page
//! whatever the offset). Every paging form (cursor: meetings, call recordings, transcripts;
//! offset in the query string: notes, tasks, threads; offset in the body: record and entry
//! queries) must end with `Error::Paging` after a few requests instead of paging forever, and a
//! well-behaved listing (the sandbox) must still page to the end.
//!
//! Run: `cargo test -p attio-tests --test hostile_paging`.

use attio::prelude::*;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use attio::meetings::NewMeeting;
use attio::values::{CallRecordingId, MeetingId};
use attio::{Error, Outcome, PagingProblem, RecordReference};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::Uri;
use futures::{Stream, StreamExt as _};
use serde_json::{Value, json};

/// What one request asked the hostile server: its number (from 0), `limit` (from the query
/// string or the body; 0 if neither says), and `cursor`.
struct Asked {
    n: usize,
    limit: usize,
    cursor: Option<String>,
}

type Answer = dyn Fn(&Asked) -> Value + Send + Sync;

#[derive(Clone)]
struct Shared {
    hits: Arc<AtomicUsize>,
    answer: Arc<Answer>,
}

/// A server that answers every request with `answer(asked)` as JSON, and counts the requests.
/// Stopped when dropped.
struct Hostile {
    addr: SocketAddr,
    hits: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Hostile {
    async fn start(answer: impl Fn(&Asked) -> Value + Send + Sync + 'static) -> Hostile {
        let shared = Shared {
            hits: Arc::default(),
            answer: Arc::new(answer),
        };
        let hits = shared.hits.clone();
        let app = axum::Router::new().fallback(handle).with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("a local address");
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("the server serves");
        });
        Hostile { addr, hits, task }
    }

    fn client(&self) -> attio::Client {
        attio::Client::builder()
            .api_key("k")
            .base_url(format!("http://{}", self.addr))
            .build()
            .expect("a client")
    }

    /// Requests received so far.
    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(State(shared): State<Shared>, uri: Uri, body: Bytes) -> axum::Json<Value> {
    let n = shared.hits.fetch_add(1, Ordering::SeqCst);
    let query: Vec<(&str, &str)> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let param = |key: &str| {
        query
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| (*v).to_owned())
    };
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let limit = param("limit")
        .and_then(|l| l.parse().ok())
        .or_else(|| body["limit"].as_u64().and_then(|l| usize::try_from(l).ok()))
        .unwrap_or(0);
    let asked = Asked {
        n,
        limit,
        cursor: param("cursor"),
    };
    axum::Json((shared.answer)(&asked))
}

/// Fails the test, rather than hanging it, if `f` does not finish within 10 seconds.
async fn within<F: Future>(f: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(10), f)
        .await
        .expect("the listing stopped (rather than paging forever)")
}

/// Everything `stream` yields, to its end. Checks that only the last item is an error, and
/// returns how many items came before it and the error.
async fn drain<T>(stream: impl Stream<Item = attio::Result<T>>) -> (usize, Error) {
    let mut all: Vec<attio::Result<T>> = within(stream.collect()).await;
    let Some(Err(error)) = all.pop() else {
        panic!("the listing ends with an error");
    };
    assert!(
        all.iter().all(Result::is_ok),
        "only the last item is an error"
    );
    (all.len(), error)
}

/// The cursor that `error` (an `Error::Paging`) says repeated, and how many pages it counted.
fn repeated_cursor(error: &Error) -> (&str, usize) {
    match error {
        Error::Paging {
            problem: PagingProblem::RepeatedCursor { cursor },
            pages,
            ..
        } => (cursor, *pages),
        other => panic!("expected a repeated cursor, got: {other}"),
    }
}

/// The offset and limit of the page that `error` (an `Error::Paging`) says repeated.
fn repeated_page(error: &Error) -> (usize, usize, usize) {
    match error {
        Error::Paging {
            problem: PagingProblem::RepeatedPage { offset, limit },
            pages,
            ..
        } => (*offset, *limit, *pages),
        other => panic!("expected a repeated page, got: {other}"),
    }
}

const WORKSPACE: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const RECORD: &str = "891dcbfc-9141-415d-9b2a-2238a6cc012d";
const MEETING: &str = "cb59ab17-ad15-460c-a126-0715617c0853";
const RECORDING: &str = "e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a";
const ACTOR: &str = r#"{"type":"api-token","id":"bb3f3bd4-40f4-4f80-8187-cd02385af424"}"#;
const AT: &str = "2023-01-01T15:00:00.000000000Z";

fn actor() -> Value {
    serde_json::from_str(ACTOR).expect("an actor")
}

fn meeting(i: usize) -> Value {
    json!({
        "id": {"workspace_id": WORKSPACE, "meeting_id": MEETING},
        "title": format!("Meeting {i}"), "description": "", "is_all_day": false,
        "start": {"datetime": "2027-11-27T14:00:00.000Z", "timezone": null},
        "end": {"datetime": "2027-11-27T15:00:00.000Z", "timezone": null},
        "participants": [], "linked_records": [],
        "created_at": AT, "created_by_actor": actor(),
    })
}

fn recording() -> Value {
    json!({
        "id": {"workspace_id": WORKSPACE, "meeting_id": MEETING, "call_recording_id": RECORDING},
        "status": "completed", "web_url": "https://app.attio.com/acme/calls/1",
        "created_by_actor": actor(), "created_at": AT,
    })
}

fn note() -> Value {
    json!({
        "id": {"workspace_id": WORKSPACE, "note_id": "ff3f3bd4-40f4-4f80-8187-cd02385af424"},
        "parent_object": "people", "parent_record_id": RECORD, "title": "Call",
        "meeting_id": null, "content_plaintext": "Went well", "content_markdown": "Went well",
        "tags": [], "created_by_actor": actor(), "created_at": AT,
    })
}

fn task() -> Value {
    json!({
        "id": {"workspace_id": WORKSPACE, "task_id": "649e34f4-c39a-4f4d-99ef-48a36bef8f04"},
        "content_plaintext": "Follow up", "deadline_at": null, "is_completed": false,
        "linked_records": [], "assignees": [], "created_by_actor": actor(), "created_at": AT,
    })
}

fn thread() -> Value {
    let thread_id = "a649e4d9-435c-43fb-83ba-847b4876f27a";
    json!({
        "id": {"workspace_id": WORKSPACE, "thread_id": thread_id},
        "comments": [{
            "id": {"workspace_id": WORKSPACE, "comment_id": "aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2"},
            "thread_id": thread_id, "content_plaintext": "Let's close this.", "entry": null,
            "record": {"record_id": RECORD, "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795"},
            "resolved_at": null, "resolved_by": {"type": null, "id": null},
            "created_at": AT, "author": actor(),
        }],
        "created_at": AT,
    })
}

/// The seed document's `users` record, as Attio answered it.
fn user_record() -> Value {
    let (_, response) = attio_tests::seed();
    let mut response: Value = serde_json::from_str(&response).expect("the seed's answer is JSON");
    response["data"].take()
}

fn entry() -> Value {
    json!({
        "id": {"workspace_id": WORKSPACE, "list_id": "33ebdbe9-e529-47c9-b894-0ba25e9c15c0",
               "entry_id": "2e6e29ea-c4e0-4f44-842d-78a891f8c156"},
        "parent_record_id": RECORD, "parent_object": "companies", "created_at": AT,
        "entry_values": {
            "stage": [{"active_from": AT, "active_until": null,
                       "created_by_actor": {"type": "system", "id": null},
                       "attribute_type": "text", "value": "Lead"}],
            "created_at": [],
        },
    })
}

/// `{"data": [item × limit]}`: a full page, the same whatever the offset.
fn full_page(asked: &Asked, item: fn() -> Value) -> Value {
    json!({"data": vec![item(); asked.limit]})
}

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales", parent = Company)]
struct Sales {
    stage: Option<String>,
}

#[tokio::test]
async fn a_cursor_listing_answered_the_same_cursor_forever_stops_with_a_paging_error() {
    let server = Hostile::start(|_| json!({"data": [], "pagination": {"next_cursor": "c1"}})).await;
    let client = server.client();
    let error = within(client.meetings().collect_all()).await.unwrap_err();
    assert_eq!(repeated_cursor(&error), ("c1", 2));
    assert_eq!(
        server.hits(),
        2,
        "the first page, then the one with cursor c1"
    );
    assert_eq!(error.outcome(), Outcome::NotApplied);
    assert_eq!(error.request().map(|r| r.path()), Some("/v2/meetings"));
    let text = error.to_string();
    assert!(text.starts_with("GET /v2/meetings: "), "{text}");
    assert!(
        text.contains("the cursor `c1` that it had already given"),
        "{text}"
    );
    assert!(
        text.contains("after 2 pages rather than page forever"),
        "{text}"
    );
    assert!(text.contains("nothing was changed"), "{text}");
}

#[tokio::test]
async fn the_items_of_the_page_that_repeats_a_cursor_come_before_the_error() {
    let server = Hostile::start(|asked| {
        json!({"data": [meeting(2 * asked.n), meeting(2 * asked.n + 1)],
               "pagination": {"next_cursor": "same"}})
    })
    .await;
    let client = server.client();
    let (items, error) = drain(client.meetings().page_size(2).stream()).await;
    assert_eq!(items, 4, "both pages' meetings, once each");
    assert_eq!(repeated_cursor(&error), ("same", 2));
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn a_cursor_cycle_stops_when_it_comes_back_to_a_cursor_already_sent() {
    // A → B → A: call recordings whose second cursor leads back to the first.
    let server = Hostile::start(|asked| {
        let next = match asked.cursor.as_deref() {
            None => "A",
            Some("A") => "B",
            Some(_) => "A",
        };
        json!({"data": [recording()], "pagination": {"next_cursor": next}})
    })
    .await;
    let client = server.client();
    let meeting: MeetingId = MEETING.parse().unwrap();
    let (items, error) = drain(client.call_recordings(&meeting)).await;
    assert_eq!(items, 3, "each page's recording");
    assert_eq!(repeated_cursor(&error), ("A", 3));
    assert!(server.hits() <= 3, "{} requests", server.hits());
    let text = error.to_string();
    let path = format!("GET /v2/meetings/{MEETING}/call_recordings: ");
    assert!(text.starts_with(&path), "{text}");
    assert!(text.contains("the cursor `A`"), "{text}");
}

#[tokio::test]
async fn a_repeated_transcript_cursor_is_shown_cut_after_80_characters() {
    let long: String = "0123456789".repeat(12);
    let cursor = long.clone();
    let server = Hostile::start(move |_| {
        json!({"data": {"transcript": [{"speech": "Hello,", "start_time": 0.5, "end_time": 0.8,
                                        "speaker": {"name": "Alex Bell"}}]},
               "pagination": {"next_cursor": cursor}})
    })
    .await;
    let client = server.client();
    let meeting: MeetingId = MEETING.parse().unwrap();
    let recording: CallRecordingId = RECORDING.parse().unwrap();
    let (items, error) = drain(client.transcript(&meeting, &recording)).await;
    assert_eq!(items, 2);
    assert_eq!(repeated_cursor(&error), (long.as_str(), 2));
    assert_eq!(server.hits(), 2);
    let text = error.to_string();
    assert!(text.contains(&format!("`{}…`", &long[..80])), "{text}");
    assert!(!text.contains(&long), "{text}");
    assert!(text.contains("/transcript: "), "{text}");
}

#[tokio::test]
async fn notes_answered_the_same_full_page_whatever_the_offset_stop_with_a_paging_error() {
    let server = Hostile::start(|asked| full_page(asked, note)).await;
    let client = server.client();
    let (items, error) = drain(client.notes().stream()).await;
    assert_eq!(items, 50, "the first page once, not the repeated one again");
    assert_eq!(repeated_page(&error), (50, 50, 2));
    assert_eq!(server.hits(), 2);
    assert_eq!(error.outcome(), Outcome::NotApplied);
    let text = error.to_string();
    assert!(
        text.starts_with("GET /v2/notes: the page at offset 50"),
        "{text}"
    );
    assert!(text.contains("the server ignores `offset`"), "{text}");
}

#[tokio::test]
async fn a_repeated_short_page_is_the_end_of_the_data_not_an_error() {
    let server = Hostile::start(|_| json!({"data": [note(), note(), note()]})).await;
    let client = server.client();
    let notes = within(client.notes().collect_all()).await.unwrap();
    assert_eq!(notes.len(), 3);
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn tasks_answered_the_same_full_page_whatever_the_offset_stop_with_a_paging_error() {
    let server = Hostile::start(|asked| full_page(asked, task)).await;
    let client = server.client();
    let (items, error) = drain(client.tasks().stream()).await;
    assert_eq!(items, 500);
    assert_eq!(repeated_page(&error), (500, 500, 2));
    assert_eq!(server.hits(), 2);
    assert!(error.to_string().starts_with("GET /v2/tasks: "), "{error}");
}

#[tokio::test]
async fn threads_answered_the_same_full_page_whatever_the_offset_stop_with_a_paging_error() {
    let server = Hostile::start(|asked| full_page(asked, thread)).await;
    let client = server.client();
    let person = RecordReference::new("people", RECORD.parse().unwrap());
    let error = within(client.threads().on_record(&person).collect_all())
        .await
        .unwrap_err();
    assert_eq!(repeated_page(&error), (50, 50, 2));
    assert_eq!(server.hits(), 2);
    assert!(
        error.to_string().starts_with("GET /v2/threads: "),
        "{error}"
    );
}

#[tokio::test]
async fn a_record_query_answered_the_same_full_page_stops_with_a_paging_error() {
    let server = Hostile::start(|asked| full_page(asked, user_record)).await;
    let client = server.client();
    let (items, error) = drain(attio_tests::User::query().page_size(2).stream(&client)).await;
    assert_eq!(items, 2);
    assert_eq!(repeated_page(&error), (2, 2, 2));
    assert_eq!(server.hits(), 2);
    let text = error.to_string();
    assert!(
        text.starts_with("POST /v2/objects/users/records/query: the page at offset 2 (limit 2)"),
        "{text}"
    );
}

#[tokio::test]
async fn an_entry_query_answered_the_same_full_page_stops_with_a_paging_error() {
    let server = Hostile::start(|asked| full_page(asked, entry)).await;
    let client = server.client();
    let (items, error) = drain(Sales::query().page_size(3).stream(&client)).await;
    assert_eq!(items, 3);
    assert_eq!(repeated_page(&error), (3, 3, 2));
    assert_eq!(server.hits(), 2);
    let text = error.to_string();
    assert!(
        text.starts_with("POST /v2/lists/sales/entries/query: "),
        "{text}"
    );
}

#[tokio::test]
async fn well_behaved_listings_still_page_to_the_end() {
    let sandbox = attio_sandbox::Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    for i in 0..5 {
        attio_tests::User {
            user_id: format!("u{i}"),
            primary_email_address: format!("u{i}@example.com").parse().unwrap(),
            person: None,
            workspace: None,
        }
        .create(&client)
        .await
        .unwrap();
        let start: attio::Timestamp = format!("2027-11-0{}T10:00:00Z", i + 1).parse().unwrap();
        let end: attio::Timestamp = format!("2027-11-0{}T11:00:00Z", i + 1).parse().unwrap();
        let meeting = NewMeeting::timed(format!("m{i}"), format!("Meeting {i}"), start, end)
            .organizer("ada@example.com".parse().unwrap());
        client.create_meeting(meeting).await.unwrap();
    }
    // Offset paging across full pages (2, 2, then 1).
    let users = within(attio_tests::User::query().page_size(2).collect_all(&client))
        .await
        .unwrap();
    assert_eq!(users.len(), 5);
    // Cursor paging, one meeting a page.
    let meetings = within(client.meetings().page_size(1).collect_all())
        .await
        .unwrap();
    assert_eq!(meetings.len(), 5);
}
