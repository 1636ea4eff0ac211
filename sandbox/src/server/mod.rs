//! Transport: the accept loop, one hyper HTTP/1 connection per task, and the request pipeline
//! (record → fault → auth → rate limit → route and dispatch → hand the webhook deliveries the
//! outbox holds to the delivery task → an after-processing fault, if one was picked, replaces the
//! answer). Fault rules are in `faults.rs`, rate limits in `ratelimit.rs`. Authentication maps
//! the token to one of the sandbox's workspaces (`workspace.rs`), whose rate limits, data and
//! deliveries the rest of the request uses; faults, counts and recorded requests are the
//! server's, whichever workspace a request reaches.

pub mod faults;
pub mod files;
pub mod oauth;
pub mod ratelimit;
pub mod workspace;

use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{ALLOW, AUTHORIZATION, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::error::ApiError;
use crate::routes;
use crate::util::{lock, percent_decode, query_pairs};
use faults::{Fault, Faults, Struck};
use workspace::WorkspaceState;

/// A request the sandbox received (see `Sandbox::recent_requests`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// HTTP method, e.g. `PATCH`.
    pub method: String,
    /// Path without the query string, e.g. `/v2/objects/people/records`.
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// The body as text (lossy UTF-8).
    pub body: String,
    /// When it arrived, by the clock the rate limits count seconds on: a test counts the
    /// requests of each second with it.
    pub received_at: SystemTime,
}

/// The sandbox's runtime controls and observations, separate from the workspaces: they concern
/// the server as a whole, whichever workspace a request reaches.
#[derive(Debug)]
pub struct Control {
    /// Fault rules.
    pub faults: Faults,
    /// Requests received per (method, path).
    pub counts: BTreeMap<(String, String), usize>,
    /// The last requests received.
    pub recent: VecDeque<RecordedRequest>,
    /// How many requests `recent` keeps.
    pub recent_capacity: usize,
    /// The OAuth app, its codes and the tokens it was issued, each with the workspace it was
    /// approved into (see `oauth.rs`).
    pub oauth: oauth::OAuth,
}

/// State shared between the handle and the server tasks.
#[derive(Debug)]
pub struct Shared {
    /// Controls.
    pub control: Mutex<Control>,
    /// The workspaces, the first first; never empty.
    pub workspaces: Vec<WorkspaceState>,
    /// The host that serves signed download URLs (see `files.rs`).
    pub downloads: files::DownloadHost,
}

/// Returned by the service to make hyper close the connection without a response.
#[derive(Debug)]
struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for DropConnection {}

/// Accepts connections until `shutdown` changes or its sender is dropped.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>, shutdown: watch::Receiver<bool>) {
    accept(listener, shared, shutdown, handle).await
}

/// The accept loop of a listener of the sandbox (the API's, and the download host's): one hyper
/// HTTP/1 connection per task, each request answered by `answer`, until `shutdown` changes or
/// its sender is dropped.
pub(crate) async fn accept<F, Fut, E>(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
    answer: F,
) where
    F: Fn(Arc<Shared>, Request<Incoming>) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Response<Full<Bytes>>, E>> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = shutdown.changed() => return,
        };
        let Ok((stream, _)) = accepted else { continue };
        let shared = shared.clone();
        let mut stop = shutdown.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| answer(shared.clone(), req));
            let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), svc);
            tokio::select! {
                _ = conn => {}
                _ = stop.changed() => {}
            }
        });
    }
}

pub(crate) fn json_response(status: u16, body: &Value) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(body.to_string())));
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}

fn error_response(err: &ApiError, retry_at: Option<SystemTime>) -> Response<Full<Bytes>> {
    let mut resp = json_response(err.status, &err.body());
    if err.status == 429 {
        let at = retry_at.unwrap_or_else(|| SystemTime::now() + std::time::Duration::from_secs(1));
        if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(at)) {
            resp.headers_mut().insert(RETRY_AFTER, v);
        }
    }
    resp
}

async fn handle(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().map(str::to_owned);
    let auth = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    // An upload's multipart body is read as it streams in, after the checks every request has.
    let upload = files::is_upload(&method, &path, req.headers())
        .then(|| {
            req.headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .flatten();
    let (bytes, streamed) = match upload {
        Some(content_type) => (Bytes::new(), Some((content_type, req.into_body()))),
        None => match req.into_body().collect().await {
            Ok(b) => (b.to_bytes(), None),
            Err(_) => return Err(DropConnection),
        },
    };
    let fault = {
        let mut c = lock(&shared.control);
        *c.counts.entry((method.clone(), path.clone())).or_default() += 1;
        if c.recent_capacity > 0 {
            if c.recent.len() == c.recent_capacity {
                c.recent.pop_front();
            }
            let body = match streamed {
                Some(_) => "(multipart/form-data, streamed)".to_owned(),
                None => String::from_utf8_lossy(&bytes).into_owned(),
            };
            c.recent.push_back(RecordedRequest {
                method: method.clone(),
                path: path.clone(),
                query: query.clone(),
                body,
                received_at: SystemTime::now(),
            });
        }
        c.faults.pick(Struck::of(&method, &path))
    };
    match fault {
        Some(Fault::DropConnection) => return Err(DropConnection),
        Some(Fault::Status(s)) => return Ok(error_response(&ApiError::for_status(s), None)),
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::ScoreLimited(wait)) => return Ok(score_limited(wait)),
        Some(Fault::ConcurrentWriteConflict) => {
            return Ok(error_response(&ApiError::concurrent_write_conflict(), None));
        }
        Some(Fault::DropAfterApply | Fault::StatusAfterApply(_)) | None => {}
    }
    let answer = match streamed {
        Some((content_type, body)) => {
            upload_answer(&shared, auth.as_deref(), &content_type, body).await
        }
        None => respond(
            &shared,
            &method,
            &path,
            query.as_deref(),
            auth.as_deref(),
            &bytes,
        ),
    };
    // After-processing faults: the request was handled (a write applied); its answer is lost.
    match fault {
        Some(Fault::DropAfterApply) => Err(DropConnection),
        Some(Fault::StatusAfterApply(s)) => Ok(proxy_response(s)),
        _ => Ok(answer),
    }
}

/// The 429 of the score-based limit on list queries: `Retry-After` `wait` from now, rounded up to
/// a whole second (an HTTP date has no finer resolution), and debugging fields in the body.
fn score_limited(wait: std::time::Duration) -> Response<Full<Bytes>> {
    let mut err = ApiError::rate_limited();
    err.message = "Rate limit exceeded: the complexity score of this workspace's list queries over the last 10 seconds is over its limit, please try again later".into();
    let mut body = err.body();
    body["debug"] = serde_json::json!({"limit": "query_score", "window_seconds": 10});
    let mut resp = json_response(429, &body);
    let at = SystemTime::now() + wait;
    let secs = at
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() + u64::from(d.subsec_nanos() > 0));
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(at)) {
        resp.headers_mut().insert(RETRY_AFTER, v);
    }
    resp
}

/// What a load balancer in front of Attio answers when it loses the backend's answer: the status
/// and a plain-text body, not Attio's JSON error.
fn proxy_response(status: u16) -> Response<Full<Bytes>> {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let text = format!(
        "{} {}\n",
        code.as_u16(),
        code.canonical_reason().unwrap_or("Bad Gateway")
    );
    let mut resp = Response::new(Full::new(Bytes::from(text)));
    *resp.status_mut() = code;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    resp
}

/// A request let through: its decoded path segments and who calls (the workspace its token
/// belongs to).
type Admitted<'s> = (Vec<String>, workspace::Caller<'s>);

/// Authentication and the rate limit, which every request to `/v2` passes: the request let
/// through, or the answer that refuses it.
fn admit<'s>(
    shared: &'s Shared,
    method: &str,
    path: &str,
    auth: Option<&str>,
) -> Result<Admitted<'s>, Box<Response<Full<Bytes>>>> {
    let caller =
        workspace::authenticate(shared, auth).map_err(|e| Box::new(error_response(&e, None)))?;
    let segments: Vec<String> = path
        .trim_start_matches('/')
        .split('/')
        .map(percent_decode)
        .collect();
    let write = is_write(method, &segments);
    if let Err(at) =
        lock(&caller.workspace.limiter).check(write, method, &segments, SystemTime::now())
    {
        return Err(Box::new(error_response(
            &ApiError::rate_limited(),
            Some(at),
        )));
    }
    Ok((segments, caller))
}

/// `POST /v2/files/upload` with a multipart body: admitted, read as it streams in (no lock is
/// held meanwhile), then stored; 201 with the file.
async fn upload_answer(
    shared: &Shared,
    auth: Option<&str>,
    content_type: &str,
    body: Incoming,
) -> Response<Full<Bytes>> {
    let caller = match admit(shared, "POST", "/v2/files/upload", auth) {
        Ok((_, caller)) => caller,
        Err(refused) => return *refused,
    };
    let form = match files::read_upload(content_type, body).await {
        Ok(form) => form,
        Err(e) => return error_response(&e, None),
    };
    let result = {
        let mut store = lock(&caller.workspace.store);
        let result = crate::resources::files::upload(&mut store, form);
        caller
            .workspace
            .deliverer
            .send(std::mem::take(&mut store.outbox));
        result
    };
    match result {
        Ok(v) => json_response(201, &v),
        Err(e) => error_response(&e, None),
    }
}

fn respond(
    shared: &Shared,
    method: &str,
    path: &str,
    query: Option<&str>,
    auth: Option<&str>,
    bytes: &[u8],
) -> Response<Full<Bytes>> {
    if let Some(answer) = oauth::respond(shared, method, path, query, bytes) {
        return answer;
    }
    let (segments, caller) = match admit(shared, method, path, auth) {
        Ok(admitted) => admitted,
        Err(refused) => return *refused,
    };
    let body = if bytes.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        match serde_json::from_slice(bytes) {
            Ok(v) => v,
            Err(e) => {
                return error_response(
                    &ApiError::validation(format!("The request body is not valid JSON: {e}.")),
                    None,
                );
            }
        }
    };
    let token = caller.token();
    let (result, status) = {
        let mut store = lock(&caller.workspace.store);
        store.answer_status = None;
        let result = routes::dispatch(
            &mut store,
            method,
            &segments,
            query_pairs(query),
            body,
            &token,
        );
        // Queued under the lock, so deliveries keep the order of the changes across requests.
        caller
            .workspace
            .deliverer
            .send(std::mem::take(&mut store.outbox));
        (result, store.answer_status.take().unwrap_or(200))
    };
    match result {
        Ok(v) if files::is_download(method, &segments) => files::redirect(shared, &v),
        Ok(Value::Null) => {
            let mut resp = Response::new(Full::new(Bytes::new()));
            *resp.status_mut() = StatusCode::NO_CONTENT;
            resp
        }
        Ok(v) => json_response(status, &v),
        Err(e) if e.status == 405 => {
            let mut resp = error_response(&e, None);
            let allow = routes::allowed_methods(&segments).join(", ");
            if let Ok(v) = HeaderValue::from_str(&allow) {
                resp.headers_mut().insert(ALLOW, v);
            }
            resp
        }
        Err(e) => error_response(&e, None),
    }
}

/// Whether a request counts as a write for rate limiting (queries and searches count as reads).
fn is_write(method: &str, segments: &[String]) -> bool {
    !(method == "GET"
        || (method == "POST"
            && segments
                .last()
                .is_some_and(|s| s == "query" || s == "search")))
}

/// Binds a listener on `addr`.
pub async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await
}
