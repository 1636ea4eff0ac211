//! [`Client`]: executes operations against Attio (or a sandbox) over HTTPS, under the rate limits,
//! retrying as the policy allows.

use std::fmt;
use std::hash::{DefaultHasher, Hasher as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::header::HeaderValue;
use secrecy::SecretString;
use tracing::Instrument as _;

use crate::error::{ApiError, Error, NamedAttribute, Redactor, RequestLine, Result};
use crate::operation::Operation;

mod body;
mod builder;
mod declared;
mod limits;
mod names;
mod retry;
mod transfer;
mod transport;

pub use body::{DEFAULT_MAX_RESPONSE_BYTES, MAX_ERROR_BODY_BYTES};
pub use builder::ClientBuilder;
pub use limits::{OPERATION_LIMITS, OperationLimit, RateLimits};
pub use retry::RetryPolicy;
pub use transfer::Download;
pub(crate) use transfer::{UploadParts, UploadSource};

use limits::Limiter;
use retry::{Decision, Failure};

/// Attio's API, where requests go unless told otherwise.
///
/// ```
/// assert_eq!(attio::DEFAULT_BASE_URL, "https://api.attio.com");
/// ```
pub const DEFAULT_BASE_URL: &str = "https://api.attio.com";

/// The environment variable [`Client::from_env`] reads the API key from.
///
/// ```
/// assert_eq!(attio::API_KEY_ENV, "ATTIO_API_KEY");
/// ```
pub const API_KEY_ENV: &str = "ATTIO_API_KEY";

/// The environment variable [`Client::from_env`] reads an optional base URL from.
///
/// ```
/// assert_eq!(attio::BASE_URL_ENV, "ATTIO_BASE_URL");
/// ```
pub const BASE_URL_ENV: &str = "ATTIO_BASE_URL";

const USER_AGENT_VALUE: &str = concat!("attio-rs/", env!("CARGO_PKG_VERSION"));

/// A connection to Attio's API: cheap to clone, share it across tasks.
///
/// ```no_run
/// # async fn run() -> attio::Result<()> {
/// // ATTIO_API_KEY, and optionally ATTIO_BASE_URL (say, a sandbox's).
/// let client = attio::Client::from_env()?;
///
/// // Or explicitly:
/// let client = attio::Client::builder()
///     .api_key("your-token")
///     .base_url("https://api.attio.com")
///     .build()?;
/// # Ok(()) }
/// ```
///
/// The API key never appears in `Debug` output or in an error:
///
/// ```
/// let client = attio::Client::builder().api_key("secret-token").build().unwrap();
/// assert!(!format!("{client:?}").contains("secret-token"));
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    auth: HeaderValue,
    max_body: u64,
    redactor: Redactor,
    retry: RetryPolicy,
    limiter: Limiter,
    stats: Counters,
    names: names::AttributeNames,
    /// The structs whose fields were checked against the workspace (see `declared`).
    verified: declared::Verified,
    /// How long a merge waits for its new record to be readable.
    merge_wait: Duration,
}

#[derive(Default)]
struct Counters {
    attempts: AtomicU64,
    retries: AtomicU64,
    rate_limited: AtomicU64,
    failures: AtomicU64,
}

/// What a client (and its clones) has done so far: useful in tests and progress reports.
///
/// ```
/// let client = attio::Client::builder().api_key("t").build().unwrap();
/// assert_eq!(client.stats().attempts, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientStats {
    /// HTTP requests sent (every attempt counts).
    pub attempts: u64,
    /// Attempts that were retries of an earlier one.
    pub retries: u64,
    /// 429 answers received.
    pub rate_limited: u64,
    /// Operations that returned an error to the caller.
    pub failures: u64,
    /// Times the shared limiter store ([`ClientBuilder::limiter_store`]) did not answer, each
    /// met by falling back to the local limiter or by waiting, as
    /// [`ClientBuilder::limiter_store_down`] says. Always 0 without a shared store.
    pub limiter_store_errors: u64,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("api_key", &"[redacted]")
            .finish()
    }
}

impl Client {
    /// A builder for a client with an explicit API key, base URL and timeouts.
    ///
    /// ```
    /// let client = attio::Client::builder()
    ///     .api_key("token")
    ///     .timeout(std::time::Duration::from_secs(10))
    ///     .build()?;
    /// assert_eq!(client.base_url(), "https://api.attio.com");
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client from the environment: the API key from `ATTIO_API_KEY` (required) and the base URL
    /// from `ATTIO_BASE_URL` (optional, default `https://api.attio.com`).
    ///
    /// ```no_run
    /// let client = attio::Client::from_env()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn from_env() -> Result<Self> {
        let key = std::env::var(API_KEY_ENV).map_err(|_| {
            Error::Config(format!(
                "{API_KEY_ENV} is not set; create an access token in Attio under Settings → Developers and export it"
            ))
        })?;
        let mut builder = Client::builder().api_key(key);
        if let Ok(url) = std::env::var(BASE_URL_ENV) {
            builder = builder.base_url(url);
        }
        builder.build()
    }

    /// The base URL requests go to, without a trailing slash.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").base_url("http://127.0.0.1:4010/").build()?;
    /// assert_eq!(client.base_url(), "http://127.0.0.1:4010");
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Counts of attempts, retries and failures across this client and its clones.
    ///
    /// ```
    /// # async fn run(client: attio::Client) {
    /// let stats = client.stats();
    /// println!("{} requests, {} retries, {} failures", stats.attempts, stats.retries, stats.failures);
    /// # }
    /// ```
    pub fn stats(&self) -> ClientStats {
        let c = &self.inner.stats;
        ClientStats {
            attempts: c.attempts.load(Ordering::Relaxed),
            retries: c.retries.load(Ordering::Relaxed),
            rate_limited: c.rate_limited.load(Ordering::Relaxed),
            failures: c.failures.load(Ordering::Relaxed),
            limiter_store_errors: self.inner.limiter.store_errors(),
        }
    }

    /// How long a merge waits for its new record ([`ClientBuilder::merge_wait`]).
    pub(crate) fn merge_wait(&self) -> Duration {
        self.inner.merge_wait
    }

    /// The retry policy the client was built with.
    pub(crate) fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// Waits before round `round + 1` of resolving a write in doubt, as long as a retry after
    /// attempt `round` would.
    pub(crate) async fn pause_before_resolving(&self, round: u32) {
        tokio::time::sleep(self.inner.retry.backoff(round.max(1))).await;
    }

    /// Sends `op` under the rate limits, retrying as the policy allows, and decodes its answer.
    pub(crate) async fn execute<R>(&self, op: Operation<R>) -> Result<R> {
        Ok(self.exchange(op, |_| ()).await?.0)
    }

    /// As [`execute`](Client::execute), with a hash of the answer's body as it came: a listing
    /// compares it with the previous page's to tell a server that ignores `offset`.
    pub(crate) async fn execute_page<R>(&self, op: Operation<R>) -> Result<(R, u64)> {
        self.exchange(op, |body| {
            let mut hasher = DefaultHasher::new();
            hasher.write(body);
            hasher.finish()
        })
        .await
    }

    /// Sends `op` and decodes its answer, and what `also` makes of the answer's body.
    async fn exchange<R, X>(
        &self,
        op: Operation<R>,
        also: impl FnOnce(&[u8]) -> X,
    ) -> Result<(R, X)> {
        let (op, decode) = op.split();
        let (body, line) = self.fetch(&op).await?;
        let answer = match decode(&body) {
            Ok(answer) => answer,
            Err(e) => return Err(self.undecodable(e, line)),
        };
        self.check_answer(&op, &body, line).await?;
        Ok((answer, also(&body)))
    }

    /// Sends `op` and returns its answer's body, or the error with what the client and the
    /// operation can add to it.
    async fn fetch(&self, op: &Operation<()>) -> Result<(bytes::Bytes, RequestLine)> {
        // A path can carry a server's text (a cursor it handed out): redacted like any other.
        let line = self.inner.redactor.line(op.line());
        let (path, query) = line.path().split_once('?').unwrap_or((line.path(), ""));
        let span = tracing::debug_span!(
            "attio.request",
            method = %line.method(),
            path = %path,
            query = %query_names(query),
            attempt = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        // `instrument`, not `span.enter()`: an entered guard held across `.await` would make every
        // request future `!Send`, so it could not be spawned.
        match self.send(op, &line, &span).instrument(span.clone()).await {
            Ok(body) => Ok((body, line)),
            Err(Error::Api(e)) => {
                let mut e = self.name_attributes(e, &line).await;
                if let Some(declared) = &op.declared {
                    e = self.explain_unknown_attribute(e, declared).await;
                }
                Err(op.explain(Error::Api(e)))
            }
            Err(e) => Err(op.explain(e)),
        }
    }

    /// After an answer decoded: the first answers about a struct say whether each of its fields
    /// names an attribute.
    async fn check_answer(&self, op: &Operation<()>, body: &[u8], line: RequestLine) -> Result<()> {
        if let Some(declared) = &op.declared
            && let Err(e) = self.check_declared(declared, body).await
        {
            return Err(self.undecodable(e, line));
        }
        Ok(())
    }

    /// The error for an answer that did not decode (or names an attribute that does not exist).
    fn undecodable(&self, e: crate::error::DecodeError, line: RequestLine) -> Error {
        self.inner.stats.failures.fetch_add(1, Ordering::Relaxed);
        Error::Decode(self.inner.redactor.decode(e.with_request(line)))
    }

    /// Adds the slug (and the Rust field, when known) of each attribute `e`'s message names by
    /// id. With the schema cache on, an unknown id makes it read the attributes of the request's
    /// object or list first; a failure to read them leaves the error as it was.
    async fn name_attributes(&self, e: ApiError, line: &RequestLine) -> ApiError {
        let names = &self.inner.names;
        let (mut found, missing) = names.lookup(&e.message);
        if !missing.is_empty()
            && let Some(target) = names::target_of(line.path())
            && names.should_read(target)
        {
            self.read_attribute_names(target).await;
            found = names.lookup(&e.message).0;
        }
        e.with_named(found)
    }

    /// Reads the attributes (archived too) of `("objects" | "lists", identifier)` into the
    /// names; a failure to read them is ignored.
    async fn read_attribute_names(&self, (kind, identifier): (&str, &str)) {
        use crate::wire::schema::Target;
        let target = match kind {
            "lists" => Target::list(identifier),
            _ => Target::object(identifier),
        };
        self.live_attributes(&target).await;
    }

    /// `POST url` with a form body and no bearer token, as OAuth's token exchange is sent; see
    /// `transport::post_form`.
    pub(crate) async fn post_form(
        url: &str,
        form: &[(&str, &str)],
        redactor: &Redactor,
    ) -> Result<bytes::Bytes> {
        transport::post_form(USER_AGENT_VALUE, url, form, redactor).await
    }

    /// `text` from a server (a cursor, say) without this client's secrets or any bearer token.
    pub(crate) fn redact(&self, text: &str) -> String {
        self.inner.redactor.text(text).into_owned()
    }

    /// Keeps `secret` (a webhook's, say) out of every error and log event from now on, as the
    /// key is: a server that echoes it back has it replaced by `[redacted]`.
    pub(crate) fn remember_secret(&self, secret: &str) {
        self.inner
            .redactor
            .add(SecretString::from(secret.to_owned()));
    }

    /// Remembers an attribute's slug (and the Rust field holding it, as `"User::user_id"`) for
    /// naming it in errors.
    pub(crate) fn remember_attribute(&self, id: &str, slug: &str, field: Option<String>) {
        self.inner.names.remember(NamedAttribute {
            id: id.to_owned(),
            slug: slug.to_owned(),
            field,
        });
    }

    /// Remembers which of `attributes`, every attribute of `target` as just read, are unique
    /// (archived ones do not count): a create in doubt of a struct for `target` is resolved
    /// through them as through its `#[attio(unique)]` fields.
    pub(crate) fn remember_unique(
        &self,
        target: &crate::wire::schema::Target,
        attributes: &[crate::wire::schema::Attribute],
    ) {
        self.inner.names.learn_unique(
            (target.segment(), target.identifier()),
            attributes
                .iter()
                .filter(|a| a.is_unique && !a.is_archived)
                .map(|a| a.api_slug.as_str()),
        );
    }

    /// Whether the live schema, as last read, says the attribute `slug` of the object `object`
    /// is unique.
    pub(crate) fn knows_unique(&self, object: &str, slug: &str) -> bool {
        self.inner.names.is_unique(("objects", object), slug)
    }

    /// Sends `op` until an attempt succeeds or the policy stops: a success answer's body, or the
    /// error of the last attempt.
    async fn send(
        &self,
        op: &Operation<()>,
        line: &RequestLine,
        span: &tracing::Span,
    ) -> Result<bytes::Bytes> {
        let inner = &self.inner;
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            inner.limiter.acquire(op.write, op.method, &op.path).await;
            inner.stats.attempts.fetch_add(1, Ordering::Relaxed);
            let sent = Instant::now();
            let endpoint = transport::Endpoint {
                http: &inner.http,
                base_url: &inner.base_url,
                auth: &inner.auth,
                max_body: inner.max_body,
                redactor: &inner.redactor,
            };
            let (error, retry_after) = match transport::send_once(&endpoint, op, line).await {
                Ok(body) => {
                    span.record("status", 200);
                    tracing::debug!(
                        elapsed_ms = sent.elapsed().as_millis() as u64,
                        "attio request succeeded"
                    );
                    return Ok(body);
                }
                Err(failed) => failed,
            };
            if let Some(status) = error.status() {
                span.record("status", status);
            }
            let failure = Failure::of(&error, retry_after);
            if let Failure::RateLimited { .. } = failure {
                inner.stats.rate_limited.fetch_add(1, Ordering::Relaxed);
            }
            match inner
                .retry
                .decide(&failure, op.idempotent, attempt, started.elapsed())
            {
                Decision::Retry { wait, reason } => {
                    tracing::info!(
                        attempt,
                        reason = reason.as_str(),
                        wait_ms = wait.as_millis() as u64,
                        "retrying attio request"
                    );
                    if let Failure::RateLimited {
                        retry_after: Some(_),
                    } = failure
                    {
                        // Attio asked the workspace to wait: every client sharing the store does.
                        inner
                            .limiter
                            .pause(op.write, op.method, &op.path, wait)
                            .await;
                    }
                    inner.stats.retries.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(wait).await;
                }
                Decision::Stop(why) => {
                    tracing::debug!(attempt, stop = ?why, error = %error, "attio request failed");
                    inner.stats.failures.fetch_add(1, Ordering::Relaxed);
                    return Err(error);
                }
            }
        }
    }
}

/// The parameter names of a query string (`limit,offset`), for a span: their values (a cursor,
/// a search term) stay out of the logs.
fn query_names(query: &str) -> String {
    let mut names: Vec<String> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(name, _)| name.into_owned())
        .collect();
    names.dedup();
    names.join(",")
}
