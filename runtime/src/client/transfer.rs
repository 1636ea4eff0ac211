//! Files streamed both ways: the upload (`POST /v2/files/upload`, multipart/form-data, the file
//! part streamed from its source) and the download (`GET /v2/files/{file_id}/download`, whose
//! 302 is followed once, to another host, without the bearer token, and whose body is streamed to
//! the caller). Every other request keeps the client's policy of following no redirect.

use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};
use std::time::Instant;

use bytes::Bytes;
use futures::{Stream, StreamExt as _};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, LOCATION};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt as _};

use super::Client;
use super::body::MAX_ERROR_BODY_BYTES;
use super::retry::{Decision, Failure};
use super::transport;
use crate::error::{Error, RequestLine, Result};
use crate::operation::Method;

/// The bytes of an upload's file part.
pub(crate) enum UploadSource {
    /// A file on disk, opened again for each attempt.
    Path(PathBuf),
    /// A reader, which can be sent once.
    Reader(Option<Pin<Box<dyn AsyncRead + Send>>>),
}

/// What an upload sends: the form's text fields, and the file part.
pub(crate) struct UploadParts {
    /// `object`, `record_id` and, if any, `parent_folder_id`, in that order.
    pub(crate) fields: Vec<(&'static str, String)>,
    /// The file's name, as the part's `filename`.
    pub(crate) name: String,
    /// The file's media type, if known.
    pub(crate) content_type: Option<String>,
    /// The file's length in bytes (checked against the limit before this is built).
    pub(crate) length: u64,
    /// Where the bytes come from.
    pub(crate) source: UploadSource,
}

impl UploadParts {
    /// The file part's body for one attempt: the file opened anew, or the reader (once).
    async fn body(&mut self) -> Result<Option<reqwest::Body>> {
        let reader: Pin<Box<dyn AsyncRead + Send>> = match &mut self.source {
            UploadSource::Path(path) => match tokio::fs::File::open(&path).await {
                Ok(file) => Box::pin(file),
                Err(source) => {
                    return Err(Error::LocalIo {
                        action: format!("could not open `{}` to upload it", path.display()),
                        source,
                    });
                }
            },
            UploadSource::Reader(reader) => match reader.take() {
                Some(reader) => reader,
                None => return Ok(None),
            },
        };
        // 64 KiB reads: few enough to keep pace with the socket, small enough to stay flat.
        let stream = tokio_util::io::ReaderStream::with_capacity(reader, 64 * 1024);
        Ok(Some(reqwest::Body::wrap_stream(Limited {
            inner: stream,
            left: self.length,
            name: self.name.clone(),
        })))
    }

    fn form(&self, body: reqwest::Body) -> Result<reqwest::multipart::Form> {
        let mut part = reqwest::multipart::Part::stream_with_length(body, self.length)
            .file_name(self.name.clone());
        if let Some(content_type) = &self.content_type {
            part = part.mime_str(content_type).map_err(|_| {
                Error::InvalidInput(format!(
                    "`{content_type}` is not a media type; write one such as `application/pdf`"
                ))
            })?;
        }
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in &self.fields {
            form = form.text(*name, value.clone());
        }
        Ok(form.part("file", part))
    }
}

/// A reader's stream that ends in an error when it yields more or fewer bytes than the declared
/// length (the multipart part announced that length; anything else would corrupt the form).
struct Limited<S> {
    inner: S,
    left: u64,
    name: String,
}

impl<S> Limited<S> {
    fn wrong_length(&mut self, what: &str) -> std::io::Error {
        let message = format!(
            "`{}` yielded {what} bytes than the length given for it",
            self.name
        );
        // Reported once; the stream ends after it.
        self.left = 0;
        std::io::Error::other(message)
    }
}

impl<S: Stream<Item = std::io::Result<Bytes>> + Unpin> Stream for Limited<S> {
    type Item = std::io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.inner.poll_next_unpin(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                let len = chunk.len() as u64;
                if len > self.left {
                    return Poll::Ready(Some(Err(self.wrong_length("more"))));
                }
                self.left -= len;
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(None) if self.left > 0 => {
                Poll::Ready(Some(Err(self.wrong_length("fewer"))))
            }
            other => other,
        }
    }
}

impl Client {
    /// Sends `POST /v2/files/upload` under the write limit: the answer's body. A file on disk is
    /// retried as the policy allows for a request that is not repeatable (opened anew each
    /// time); a reader is sent once. The answer is decoded by `decode`.
    pub(crate) async fn send_upload<R>(
        &self,
        mut parts: UploadParts,
        decode: fn(&[u8]) -> std::result::Result<R, crate::error::DecodeError>,
    ) -> Result<R> {
        let inner = &self.inner;
        let line = RequestLine::new("POST", "/v2/files/upload".to_owned(), true);
        let url = format!("{}/v2/files/upload", inner.base_url);
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let Some(body) = parts.body().await? else {
                return Err(Error::Invariant("an upload's reader was sent twice".into()));
            };
            let form = parts.form(body)?;
            inner
                .limiter
                .acquire(true, Method::Post, "/v2/files/upload")
                .await;
            inner.stats.attempts.fetch_add(1, Ordering::Relaxed);
            let sent = inner
                .http
                .post(&url)
                .header(AUTHORIZATION, inner.auth.clone())
                .multipart(form)
                .send()
                .await;
            let (error, retry_after) = match sent {
                Ok(response) => {
                    match transport::read_answer(response, &line, inner.max_body, &inner.redactor)
                        .await
                    {
                        Ok(body) => {
                            return decode(&body).map_err(|e| self.undecodable(e, line.clone()));
                        }
                        Err(failed) => failed,
                    }
                }
                Err(e) => (transport::transport_error(&line, e), None),
            };
            let failure = Failure::of(&error, retry_after);
            if let Failure::RateLimited { .. } = failure {
                inner.stats.rate_limited.fetch_add(1, Ordering::Relaxed);
            }
            let again = matches!(parts.source, UploadSource::Path(_));
            match inner
                .retry
                .decide(&failure, false, attempt, started.elapsed())
            {
                Decision::Retry { wait, .. } if again => {
                    inner.stats.retries.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(wait).await;
                }
                _ => {
                    inner.stats.failures.fetch_add(1, Ordering::Relaxed);
                    return Err(error);
                }
            }
        }
    }

    /// `GET {path}` (a file's download), then the one redirect it answers, fetched without the
    /// bearer token: the file's bytes as a stream.
    pub(crate) async fn send_download(&self, path: String) -> Result<Download> {
        let inner = &self.inner;
        let line = RequestLine::new("GET", path, false);
        let url = format!("{}{}", inner.base_url, line.path());
        let started = Instant::now();
        let mut attempt = 0;
        // The request to Attio is a read: retried as the policy allows, as every read is.
        let response = loop {
            attempt += 1;
            inner.limiter.acquire(false, Method::Get, line.path()).await;
            inner.stats.attempts.fetch_add(1, Ordering::Relaxed);
            let (error, retry_after) = match inner
                .http
                .get(&url)
                .header(AUTHORIZATION, inner.auth.clone())
                .send()
                .await
            {
                Ok(r) if r.status().is_success() || r.status().is_redirection() => break r,
                Ok(r) => {
                    match transport::read_answer(r, &line, MAX_ERROR_BODY_BYTES, &inner.redactor)
                        .await
                    {
                        Err(failed) => failed,
                        Ok(_) => (
                            Error::Invariant("a refused answer read as a success".into()),
                            None,
                        ),
                    }
                }
                Err(e) => (transport::transport_error(&line, e), None),
            };
            let failure = Failure::of(&error, retry_after);
            if let Failure::RateLimited { .. } = failure {
                inner.stats.rate_limited.fetch_add(1, Ordering::Relaxed);
            }
            match inner
                .retry
                .decide(&failure, true, attempt, started.elapsed())
            {
                Decision::Retry { wait, .. } => {
                    inner.stats.retries.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(wait).await;
                }
                Decision::Stop(_) => return Err(self.failed(error)),
            }
        };
        let status = response.status();
        if status.is_success() {
            // Served directly, without a redirect: the same host, which had the token anyway.
            return self.stream(response, line);
        }
        if !matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
            // 300, 304 and the like: a redirection that names no one place to go.
            return Err(self.failed(self.refused(response, &line).await));
        }
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|l| reqwest::Url::parse(&url).ok()?.join(l).ok());
        let Some(target) = location else {
            return Err(self.failed(Error::Http {
                request: line,
                status: status.as_u16(),
                content_type: "no content type".to_owned(),
                snippet: "a redirect without a usable Location".to_owned(),
            }));
        };
        drop(response);
        // The signed URL's query is a credential: errors name the host and path only.
        let signed = RequestLine::new(
            "GET",
            format!(
                "{}://{}{}",
                target.scheme(),
                target.host_str().unwrap_or(""),
                target.path()
            ),
            false,
        );
        // A separate request with no Authorization header: the token stays with Attio's host.
        let response = inner
            .http
            .get(target)
            .send()
            .await
            .map_err(|e| self.failed(transport::transport_error(&signed, e)))?;
        if !response.status().is_success() {
            // A second redirect is refused like any other (the client follows none).
            return Err(self.failed(self.refused(response, &signed).await));
        }
        self.stream(response, signed)
    }

    /// The error for an answer that is neither the file nor its redirect.
    async fn refused(&self, response: reqwest::Response, line: &RequestLine) -> Error {
        match transport::read_answer(response, line, MAX_ERROR_BODY_BYTES, &self.inner.redactor)
            .await
        {
            Err((error, _)) => error,
            Ok(_) => Error::Invariant("a refused answer read as a success".into()),
        }
    }

    /// Counts a failed operation.
    fn failed(&self, error: Error) -> Error {
        self.inner.stats.failures.fetch_add(1, Ordering::Relaxed);
        error
    }

    /// The answer's body as a [`Download`], bounded by the client's `max_response_bytes`.
    fn stream(&self, response: reqwest::Response, line: RequestLine) -> Result<Download> {
        let limit = self.inner.max_body;
        let declared = response.content_length();
        let status = response.status().as_u16();
        let too_large = move |line: &RequestLine, received: u64| Error::TooLarge {
            request: line.clone(),
            status,
            received,
            declared,
            limit,
        };
        if declared.is_some_and(|d| d > limit) {
            return Err(self.failed(too_large(&line, 0)));
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|t| self.redact(t));
        // After an error the stream ends: `scan` stops at the first `None`.
        let body = response
            .bytes_stream()
            .scan((0u64, false), move |(received, failed), chunk| {
                let item = match chunk {
                    _ if *failed => None,
                    Ok(chunk) => {
                        *received = received.saturating_add(chunk.len() as u64);
                        *failed = *received > limit;
                        Some(match *failed {
                            true => Err(too_large(&line, *received)),
                            false => Ok(chunk),
                        })
                    }
                    Err(e) => {
                        *failed = true;
                        Some(Err(transport::transport_error(&line, e)))
                    }
                };
                std::future::ready(item)
            });
        Ok(Download {
            body: Box::pin(body),
            content_length: declared,
            content_type,
        })
    }
}

/// A file's content as it arrives: a stream of chunks, never held whole. Made by
/// [`Client::download_file`]; read it as a [`Stream`] or copy it with
/// [`copy_to`](Download::copy_to). Bounded by the client's
/// [`max_response_bytes`](crate::ClientBuilder::max_response_bytes) (64 MiB by default, past
/// Attio's 50 MB uploads), and by its [`timeout`](crate::ClientBuilder::timeout), which covers
/// the whole transfer.
///
/// ```no_run
/// use futures::TryStreamExt as _;
///
/// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
/// let mut download = client.download_file(&id).await?;
/// let mut total = 0;
/// while let Some(chunk) = download.try_next().await? {
///     total += chunk.len();
/// }
/// println!("{total} bytes");
/// # Ok(()) }
/// ```
#[must_use = "a download does nothing until it is read"]
pub struct Download {
    body: Pin<Box<dyn Stream<Item = Result<Bytes>> + Send>>,
    content_length: Option<u64>,
    content_type: Option<String>,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("content_length", &self.content_length)
            .field("content_type", &self.content_type)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// The file's length, as the storage host announced it.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
    /// let download = client.download_file(&id).await?;
    /// println!("{:?} bytes to come", download.content_length());
    /// # Ok(()) }
    /// ```
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The file's media type, as the storage host announced it.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
    /// let download = client.download_file(&id).await?;
    /// println!("{}", download.content_type().unwrap_or("unknown type"));
    /// # Ok(()) }
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// Writes the file to `to` chunk by chunk, and flushes it: the bytes written.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
    /// let mut file = tokio::fs::File::create("quote.pdf").await.unwrap();
    /// let written = client.download_file(&id).await?.copy_to(&mut file).await?;
    /// println!("{written} bytes saved");
    /// # Ok(()) }
    /// ```
    pub async fn copy_to<W: AsyncWrite + Unpin + ?Sized>(mut self, to: &mut W) -> Result<u64> {
        let mut written = 0u64;
        let write_error = |source| Error::LocalIo {
            action: "could not write the downloaded file".to_owned(),
            source,
        };
        while let Some(chunk) = self.body.next().await {
            let chunk = chunk?;
            to.write_all(&chunk).await.map_err(write_error)?;
            written += chunk.len() as u64;
        }
        to.flush().await.map_err(write_error)?;
        Ok(written)
    }
}

impl Stream for Download {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.body.poll_next_unpin(cx)
    }
}
