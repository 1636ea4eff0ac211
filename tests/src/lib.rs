//! Shared helpers for the workspace's integration tests.
//!
//! [`Stub`] is a recording HTTP server on loopback: it answers every request with a canned
//! response and keeps what it received, for tests where the exact bytes matter. [`seed`] reads the
//! request and response out of the seed document, verbatim, and [`User`] and [`UserWithMeta`] are
//! its struct. [`sandbox_client`] points a client at a sandbox. [`exactly_once`] is the fault
//! suite of writes whose answers are lost. [`hostile::Hostile`] is a server that misbehaves on
//! purpose. [`redis_server::RedisServer`] is a real Redis server for the tests of shared state.

pub mod exactly_once;
pub mod hostile;
pub mod redis_server;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// One request the stub received.
#[derive(Debug, Clone)]
pub struct Received {
    /// The request method.
    pub method: Method,
    /// The path and query.
    pub uri: Uri,
    /// Every header.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl Received {
    /// A header's value as text, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the request body is JSON")
    }
}

/// A canned answer.
#[derive(Debug, Clone)]
pub struct Canned {
    /// The status.
    pub status: StatusCode,
    /// Extra headers (name, value), e.g. content type or Location.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Canned {
    /// A JSON answer.
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Canned {
            status: StatusCode::from_u16(status).expect("a valid status"),
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.into(),
        }
    }

    /// An answer with a given content type.
    pub fn with_type(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Canned {
            status: StatusCode::from_u16(status).expect("a valid status"),
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

#[derive(Clone)]
struct StubState {
    received: Arc<Mutex<Vec<Received>>>,
    answers: Arc<Mutex<Vec<Canned>>>,
}

/// A recording HTTP server on `127.0.0.1`, stopped when dropped.
pub struct Stub {
    addr: SocketAddr,
    state: StubState,
    task: tokio::task::JoinHandle<()>,
}

impl Stub {
    /// Starts a stub that gives `answers` in turn, repeating the last one.
    pub async fn start(answers: Vec<Canned>) -> Stub {
        assert!(!answers.is_empty(), "a stub needs at least one answer");
        let state = StubState {
            received: Arc::default(),
            answers: Arc::new(Mutex::new(answers)),
        };
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("a local address");
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("the stub serves");
        });
        Stub { addr, state, task }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().expect("not poisoned").clone()
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(
    State(state): State<StubState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    state.received.lock().expect("not poisoned").push(Received {
        method,
        uri,
        headers,
        body,
    });
    let canned = {
        let mut answers = state.answers.lock().expect("not poisoned");
        if answers.len() > 1 {
            answers.remove(0)
        } else {
            answers[0].clone()
        }
    };
    let mut response = (canned.status, canned.body).into_response();
    for (name, value) in canned.headers {
        response.headers_mut().insert(
            axum::http::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            axum::http::HeaderValue::from_str(&value).expect("a header value"),
        );
    }
    response
}

/// A writer that keeps everything a tracing subscriber prints; see [`Captured::traces`].
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// Captures every event and span (to TRACE) on this thread until the guard is dropped. Keep
    /// such a test alone in its binary: tracing caches callsite interest process-wide, so a
    /// subscriber set by one test races with the other tests' threads.
    pub fn traces() -> (Captured, tracing::subscriber::DefaultGuard) {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        (captured, tracing::subscriber::set_default(subscriber))
    }

    /// Everything written so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("not poisoned")).into_owned()
    }

    /// Forgets what was written so far.
    pub fn clear(&self) {
        self.0.lock().expect("not poisoned").clear();
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("not poisoned").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A client builder aimed at `sandbox`, with its API key: add settings, then `.build()`.
pub fn sandbox_client(sandbox: &attio_sandbox::Sandbox) -> attio::ClientBuilder {
    attio::Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
}

/// The seed document's struct: the standard `users` object, as the document's request writes it.
#[attio::attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// Unique in Attio.
    pub user_id: String,
    /// Required in Attio.
    pub primary_email_address: attio::EmailAddress,
    /// The other side of `people.associated_users`.
    pub person: Option<attio::RecordReference>,
    /// The other side of `workspaces.users`.
    pub workspace: Option<attio::RecordReference>,
}

/// The seed document's struct with every value's metadata (`active_from`, `created_by_actor`, …).
#[attio::attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct UserWithMeta {
    /// Unique in Attio.
    pub user_id: attio::WithMeta<String>,
    /// Required in Attio.
    pub primary_email_address: attio::WithMeta<attio::EmailAddress>,
    /// The other side of `people.associated_users`.
    pub person: Option<attio::WithMeta<attio::RecordReference>>,
    /// The other side of `workspaces.users`.
    pub workspace: Option<attio::WithMeta<attio::RecordReference>>,
}

/// The seed document, "Update a user record", as Attio published it.
pub const SEED: &str = include_str!("../fixtures/seed/update-a-user-record.txt");

/// The request body (`--data '…'`) and the response body of the seed document, verbatim.
pub fn seed() -> (String, String) {
    let start = SEED.find("--data '").expect("the seed has a --data") + "--data '".len();
    let len = SEED[start..].find("}'").expect("the --data ends") + 1;
    let request = SEED[start..start + len].to_owned();
    let resp_start = SEED
        .find("{\n\"data\": {\n\"id\"")
        .expect("the seed has a response");
    let mut stream =
        serde_json::Deserializer::from_str(&SEED[resp_start..]).into_iter::<serde_json::Value>();
    stream.next().expect("a JSON value").expect("valid JSON");
    let response = SEED[resp_start..resp_start + stream.byte_offset()].to_owned();
    (request, response)
}
