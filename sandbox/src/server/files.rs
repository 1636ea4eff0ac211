//! The transport's part of files: an upload's multipart body read as it streams in (with the
//! 50 MB limit applied as it passes), a download's answer turned into a 302 to the download
//! host, and the download host itself, a second listener on loopback that serves signed URLs
//! and records the headers of every request it receives (so a test can show that no bearer
//! token reaches it).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_DISPOSITION, CONTENT_TYPE, HeaderMap, HeaderValue, LOCATION};
use hyper::{Request, Response, StatusCode};
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::Shared;
use crate::error::ApiError;
use crate::resources::files::{self, MAX_UPLOAD_BYTES, Upload};
use crate::util::{lock, query_pairs};

/// The most a text field of an upload may hold.
const MAX_FIELD_BYTES: usize = 64 * 1024;

/// How many requests the download host remembers.
const RECORDED: usize = 256;

/// A request the download host received (see `Sandbox::download_requests`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadRequest {
    /// The path, e.g. `/files/{file_id}`.
    pub path: String,
    /// Every header, as `(lower-case name, value)`.
    pub headers: Vec<(String, String)>,
}

impl DownloadRequest {
    /// Whether it carried a header `name` (any case).
    ///
    /// ```
    /// let r = attio_sandbox::DownloadRequest { path: "/files/x".into(), headers: vec![("host".into(), "127.0.0.1".into())] };
    /// assert!(r.has_header("Host") && !r.has_header("authorization"));
    /// ```
    pub fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }
}

/// The download host: where it listens, and what it received.
#[derive(Debug)]
pub struct DownloadHost {
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    /// The last requests received.
    pub received: Mutex<VecDeque<DownloadRequest>>,
}

impl DownloadHost {
    /// The host listening at `addr`.
    pub fn new(addr: SocketAddr) -> Self {
        DownloadHost {
            origin: format!("http://{addr}"),
            received: Mutex::default(),
        }
    }
}

/// Whether a request is an upload to stream: `POST /v2/files/upload` with a multipart body.
pub fn is_upload(method: &str, path: &str, headers: &HeaderMap) -> bool {
    method == "POST"
        && path == "/v2/files/upload"
        && headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// Reads an upload's form as it streams in: the text fields, and the file's bytes, refused as
/// soon as they pass 50 MB.
pub async fn read_upload(content_type: &str, body: Incoming) -> Result<Upload, ApiError> {
    let boundary = multer::parse_boundary(content_type).map_err(|_| {
        ApiError::validation("The multipart/form-data Content-Type has no boundary.")
    })?;
    let malformed =
        |e: multer::Error| ApiError::validation(format!("The multipart body is malformed: {e}."));
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let mut upload = Upload {
        fields: Vec::new(),
        file: None,
    };
    while let Some(mut field) = form.next_field().await.map_err(malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            if upload.file.is_some() {
                return Err(ApiError::validation(
                    "The form has more than one file part.",
                ));
            }
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let media = field.content_type().map(ToString::to_string);
            let mut chunks = Vec::new();
            let mut size = 0u64;
            while let Some(chunk) = field.chunk().await.map_err(malformed)? {
                size += chunk.len() as u64;
                if size > MAX_UPLOAD_BYTES {
                    return Err(ApiError::validation(format!(
                        "The file is larger than the maximum of {MAX_UPLOAD_BYTES} bytes (50 MB)."
                    )));
                }
                chunks.push(chunk);
            }
            upload.file = Some((file_name, media, join(chunks, size)));
        } else {
            let mut text = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(malformed)? {
                text.extend_from_slice(&chunk);
                if text.len() > MAX_FIELD_BYTES {
                    return Err(ApiError::validation(format!(
                        "The form field {name} is longer than {MAX_FIELD_BYTES} bytes."
                    )));
                }
            }
            let text = String::from_utf8(text).map_err(|_| {
                ApiError::validation(format!("The form field {name} is not UTF-8 text."))
            })?;
            upload.fields.push((name, text));
        }
    }
    Ok(upload)
}

/// The chunks as one buffer, copied once.
fn join(chunks: Vec<Bytes>, size: u64) -> Bytes {
    if chunks.len() == 1 {
        return chunks.into_iter().next().unwrap_or_default();
    }
    let mut whole = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    for chunk in chunks {
        whole.extend_from_slice(&chunk);
    }
    Bytes::from(whole)
}

/// Whether the routed request was a download, whose answer is a redirect.
pub fn is_download(method: &str, segments: &[String]) -> bool {
    method == "GET"
        && segments.len() == 4
        && segments[0] == "v2"
        && segments[1] == "files"
        && segments[3] == "download"
}

/// The 302 to the download host, from the handler's `{"location": path}`.
pub fn redirect(shared: &Shared, answer: &Value) -> Response<Full<Bytes>> {
    let path = answer
        .get("location")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let url = format!("{}{path}", shared.downloads.origin);
    let mut resp = Response::new(Full::new(Bytes::new()));
    *resp.status_mut() = StatusCode::FOUND;
    if let Ok(v) = HeaderValue::from_str(&url) {
        resp.headers_mut().insert(LOCATION, v);
    }
    resp
}

/// Serves signed URLs on `listener` until `shutdown` changes or its sender is dropped.
pub async fn serve_downloads(
    listener: TcpListener,
    shared: Arc<Shared>,
    shutdown: watch::Receiver<bool>,
) {
    super::accept(listener, shared, shutdown, |shared, req| async move {
        Ok::<_, std::convert::Infallible>(serve_one(&shared, &req))
    })
    .await
}

/// One request to the download host: recorded, then the file if the URL's signature holds.
fn serve_one(shared: &Shared, req: &Request<Incoming>) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_owned();
    let headers = req
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    {
        let mut received = lock(&shared.downloads.received);
        if received.len() == RECORDED {
            received.pop_front();
        }
        received.push_back(DownloadRequest {
            path: path.clone(),
            headers,
        });
    }
    let plain = |status: StatusCode, text: &str| {
        let mut resp = Response::new(Full::new(Bytes::from(text.to_owned())));
        *resp.status_mut() = status;
        resp.headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        resp
    };
    let Some(id) = path.strip_prefix("/files/").filter(|id| !id.contains('/')) else {
        return plain(StatusCode::NOT_FOUND, "Not found\n");
    };
    if req.method() != hyper::Method::GET {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "Only GET\n");
    }
    let query = query_pairs(req.uri().query());
    let now = SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // File ids are unique across workspaces: the one holding it answers (the first, with its
    // errors, when none does).
    let workspace = shared
        .workspaces
        .iter()
        .find(|w| files::holds(&lock(&w.store), id))
        .unwrap_or(&shared.workspaces[0]);
    let opened = files::open_signed(&lock(&workspace.store), id, &query, now);
    match opened {
        Ok((content, media, name)) => {
            let mut resp = Response::new(Full::new(content));
            let media = media.unwrap_or_else(|| "application/octet-stream".to_owned());
            if let Ok(v) = HeaderValue::from_str(&media) {
                resp.headers_mut().insert(CONTENT_TYPE, v);
            }
            let disposition = format!("attachment; filename=\"{}\"", name.replace('"', ""));
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                resp.headers_mut().insert(CONTENT_DISPOSITION, v);
            }
            resp
        }
        Err(e) => plain(
            StatusCode::from_u16(e.status).unwrap_or(StatusCode::FORBIDDEN),
            &format!("{}\n", e.message),
        ),
    }
}
