//! An in-process, Attio-compatible HTTP server for tests and demos.
//!
//! The sandbox implements Attio's REST API v2 for objects, attributes, select options, statuses
//! and records (create, assert, get, update, delete, query, value history, search), lists and
//! their entries, notes, tasks, comments and threads, meetings, call recordings and transcripts,
//! workspace members, webhooks and `/v2/self` (whose scopes a test can narrow), on JSON, on its
//! own: it does not use the `attio` client crate, so it checks the client rather than mirroring it.
//!
//! Lists and entries:
//! - `GET|POST /v2/lists`, `GET|PATCH /v2/lists/{list}` (slug or id; no DELETE, as in Attio);
//! - list attributes, select options and statuses through the same endpoints as objects' with
//!   target `lists` (`/v2/lists/{list}/attributes…`), including `PATCH …/options/{option}` and
//!   `…/statuses/{status}`; status attributes can be created only on lists;
//! - `POST|PUT /v2/lists/{list}/entries` (create; assert by parent), `GET|PATCH|PUT|DELETE
//!   /v2/lists/{list}/entries/{entry_id}`, `POST …/entries/query`,
//!   `GET …/entries/{entry_id}/attributes/{attribute}/values`;
//! - `GET /v2/objects/{object}/records/{record_id}/entries` (the short form).
//!
//! An entry's `entry_values` holds only the list's attributes (plus its system `created_at` and
//! `created_by`); entries keep value history and follow the records' write rules (PATCH appends
//! to multiselects, PUT overwrites). Queries of records and entries accept `path` filters and
//! sorts through record-reference attributes and, for entries, `parent_record`.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sandbox = attio_sandbox::Sandbox::start().await?;
//! let url = format!("{}/v2/objects/people/records", sandbox.base_url());
//! // POST {"data":{"values":{"email_addresses":["ada@example.com"]}}} to `url`
//! // with "Authorization: Bearer {sandbox.api_key()}".
//! # let _ = url;
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! Semantics chosen where Attio's documentation is silent (see also the module docs):
//! - a write to a read-only attribute (system attributes such as `record_id`, enriched ones such
//!   as `twitter_follower_count`, interactions) answers 400 `system_edit_unauthorized`;
//! - an unknown attribute slug in `values` answers 400 `value_not_found`;
//! - `[]` (or `null`) clears an attribute on PUT and for single-select attributes on PATCH; on
//!   PATCH, `[]` for a multiselect attribute appends nothing;
//! - a bare (non-array) value for a multiselect attribute answers 400 `validation_type`;
//! - writing a value equal to the active one keeps the active value (no history entry).
//! - Two-way relationships (e.g. `users.person` ↔ `people.associated_users`,
//!   `people.company` ↔ `companies.team`) are kept in step on both sides.
//! - Renaming a select option or status changes the title of the values already written.
//!
//! **Webhooks.** `POST /v2/webhooks` and the rest manage webhooks as Attio does, except that a
//! loopback target (`127.0.0.1`, `::1`, `localhost`) may be `http://`. A change to a record
//! (`record.created`, `record.updated` once per changed attribute with its `attribute_id`,
//! `record.deleted`) or a new attribute (`object-attribute.created`) is delivered to every
//! webhook subscribed to it whose filter it passes: a POST of `{"webhook_id", "events": [...]}`
//! signed with the webhook's secret (hex HMAC-SHA256 of the body in `Attio-Signature` and
//! `X-Attio-Signature`), with an `Idempotency-Key` that stays the same across retries. Only
//! `http://` loopback targets are sent to (others are recorded, not sent); a failed delivery is
//! retried with exponential backoff ([`SandboxBuilder::webhook_retry`]). A test waits with
//! [`Sandbox::wait_for_delivered`] and inspects [`Sandbox::webhook_deliveries`]:
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = attio_sandbox::Sandbox::start().await?;
//! // POST /v2/webhooks {"data": {"target_url": "http://127.0.0.1:PORT/attio",
//! //   "subscriptions": [{"event_type": "record.created", "filter": null}]}}, then create a record…
//! let delivered = sandbox.wait_for_delivered(1, std::time::Duration::from_secs(10)).await?;
//! assert_eq!(delivered[0].events()[0]["event_type"], "record.created");
//! # Ok(())
//! # }
//! ```
//!
//! For lists and entries:
//! - a list's `api_slug` is snake_case; creating one needs `workspace_access: "full-access"` or a
//!   full-access member (else 400 `validation_type`); unknown fields in a list body answer 400
//!   `validation_type`; a PATCH with `parent_object` answers 400 `immutable_value`;
//! - a list has the system attributes `created_at` and `created_by`;
//! - creating an entry: an unknown `parent_object` or a missing parent record answers 400
//!   `value_not_found`, a parent object the list does not accept 400 `validation_type`, an
//!   attribute that is not the list's (e.g. the parent's `name`) 400 `value_not_found`;
//! - assert by parent (`PUT …/entries`) on the parent's only entry overwrites every attribute
//!   sent (multiselects included), and an empty `entry_values` is allowed; with several entries
//!   nothing is written (400 `multiple_match_results`);
//! - `parent_record_id` or `parent_object` in a PATCH/PUT of an entry answers 400
//!   `immutable_value`;
//! - deleting a record deletes its entries in every list;
//! - the record → entries answer is oldest first; `limit` above 1000 answers 400
//!   `validation_type`;
//! - a `path` filter object has exactly the keys `path` and `constraints`; it matches when some
//!   record reached through the path passes the constraints (keyed by the last attribute's
//!   properties); `parent_record` may only be followed from the list being queried; a `path`
//!   sort uses the first record reached; a bad path answers 400 `filter_error`.

mod api;
mod comments;
mod error;
mod faults;
mod identity;
mod lists;
mod meetings;
mod notes;
mod query;
mod ratelimit;
mod recordings;
mod schema;
mod search;
mod server;
mod store;
mod tasks;
mod util;
mod values;
mod webhooks;

use std::collections::{BTreeMap, VecDeque};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use error::ApiError;
pub use faults::Fault;
pub use webhooks::{AttemptResult, DeliveryAttempt, DeliveryTimeout, WebhookRetry};

use ratelimit::RateLimiter;
use server::{Control, Shared, lock};
use store::{Mode, Store};
use webhooks::{Deliverer, Health};

/// A request the sandbox received (see [`Sandbox::recent_requests`]).
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
}

/// Configures and starts a [`Sandbox`].
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// let sandbox = attio_sandbox::Sandbox::builder()
///     .api_key("test-key")
///     .rate_limits(true)
///     .start()
///     .await?;
/// assert_eq!(sandbox.api_key(), "test-key");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct SandboxBuilder {
    api_key: Option<String>,
    listen: SocketAddr,
    rate_limits: bool,
    reads_per_second: u32,
    writes_per_second: u32,
    seed: Option<u64>,
    record_requests: usize,
    scopes: Vec<String>,
    webhook_retry: WebhookRetry,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            api_key: None,
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            rate_limits: false,
            reads_per_second: 100,
            writes_per_second: 25,
            seed: None,
            record_requests: 100,
            scopes: identity::all_scopes(),
            webhook_retry: WebhookRetry::default(),
        }
    }
}

impl SandboxBuilder {
    /// The bearer token the sandbox accepts (default: a random `sandbox_…` token).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The address to listen on (default `127.0.0.1:0`, a free port).
    pub fn listen(mut self, addr: SocketAddr) -> Self {
        self.listen = addr;
        self
    }

    /// Enforces Attio's rate limits (default off).
    pub fn rate_limits(mut self, enabled: bool) -> Self {
        self.rate_limits = enabled;
        self
    }

    /// Reads allowed per second when rate limits are on (default 100, as Attio).
    pub fn reads_per_second(mut self, n: u32) -> Self {
        self.reads_per_second = n;
        self
    }

    /// Writes allowed per second when rate limits are on (default 25, as Attio).
    pub fn writes_per_second(mut self, n: u32) -> Self {
        self.writes_per_second = n;
        self
    }

    /// Seeds the id generator, so ids are the same on every run.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// How many recent requests to keep for [`Sandbox::recent_requests`] (default 100; 0 = none).
    pub fn record_requests(mut self, n: usize) -> Self {
        self.record_requests = n;
        self
    }

    /// The scopes `GET /v2/self` reports for the token, e.g. `["record_permission:read"]`
    /// (default: every scope, `read-write`). Reported, not enforced: the other endpoints answer
    /// as they would for a token holding every scope.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let sandbox = attio_sandbox::Sandbox::builder()
    ///     .scopes(["record_permission:read-write", "note:read"])
    ///     .start()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn scopes<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// How failed webhook deliveries are retried (default [`WebhookRetry::default`]: 5 attempts,
    /// retries after 1 s, 2 s, 4 s and 8 s).
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use std::time::Duration;
    /// use attio_sandbox::{Sandbox, WebhookRetry};
    ///
    /// let sandbox = Sandbox::builder()
    ///     .webhook_retry(WebhookRetry::default().first_delay(Duration::from_millis(50)).attempts(3))
    ///     .start()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn webhook_retry(mut self, retry: WebhookRetry) -> Self {
        self.webhook_retry = retry;
        self
    }

    /// Binds the listener and starts serving on the current Tokio runtime.
    pub async fn start(self) -> std::io::Result<Sandbox> {
        let listener = server::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        let mut store = Store::new(self.seed);
        let api_key = self
            .api_key
            .unwrap_or_else(|| format!("sandbox_{}", store.rng.uuid().replace('-', "")));
        let (tx, rx) = watch::channel(false);
        let retry = self.webhook_retry;
        let shared = Arc::new_cyclic(|me: &Weak<Shared>| Shared {
            deliverer: Deliverer::start(retry, rx.clone(), on_health(me.clone())),
            api_key,
            seed: self.seed,
            store: Mutex::new(store),
            control: Mutex::new(Control {
                limiter: RateLimiter::new(
                    self.rate_limits,
                    self.reads_per_second,
                    self.writes_per_second,
                ),
                faults: Default::default(),
                counts: BTreeMap::new(),
                recent: VecDeque::new(),
                recent_capacity: self.record_requests,
                scopes: self.scopes,
                issued_at: std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
            }),
        });
        let task = tokio::spawn(server::serve(listener, shared.clone(), rx));
        Ok(Sandbox {
            shared,
            addr,
            shutdown: tx,
            task: Some(task),
        })
    }
}

/// Sets a webhook's status as its deliveries succeed (`active`) or run out of attempts
/// (`degraded`).
fn on_health(shared: Weak<Shared>) -> webhooks::OnHealthFn {
    Arc::new(move |webhook_id: &str, health: Health| {
        let Some(shared) = shared.upgrade() else {
            return;
        };
        let mut store = lock(&shared.store);
        if let Some(w) = store.webhooks.iter_mut().find(|w| w.id == webhook_id) {
            w.status = match health {
                Health::Delivered => "active",
                Health::Exhausted => "degraded",
            };
        }
    })
}

/// A running sandbox. Dropping it (or [`Sandbox::shutdown`]) stops the server.
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// use attio_sandbox::{Fault, Sandbox};
/// let sandbox = Sandbox::start().await?;
/// sandbox.inject_fault(Fault::Status(503), 2); // the next two requests fail
/// println!("{} {}", sandbox.base_url(), sandbox.api_key());
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox with the default settings on a free port of `127.0.0.1`.
    pub async fn start() -> std::io::Result<Sandbox> {
        SandboxBuilder::default().start().await
    }

    /// A builder for non-default settings.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The base URL, e.g. `http://127.0.0.1:PORT` (routes are under `/v2`, as Attio's).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The socket address the sandbox listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The bearer token the sandbox accepts.
    pub fn api_key(&self) -> &str {
        &self.shared.api_key
    }

    /// The workspace id that appears in every id object.
    pub fn workspace_id(&self) -> String {
        lock(&self.shared.store).workspace_id.clone()
    }

    /// Replaces the scopes `GET /v2/self` reports (see [`SandboxBuilder::scopes`]).
    pub fn set_scopes<S: Into<String>>(&self, scopes: impl IntoIterator<Item = S>) {
        lock(&self.shared.control).scopes = scopes.into_iter().map(Into::into).collect();
    }

    /// Turns rate limiting on or off.
    pub fn set_rate_limits(&self, enabled: bool) {
        lock(&self.shared.control).limiter.enabled = enabled;
    }

    /// Sets the per-second read and write limits (used when rate limiting is on).
    pub fn set_rate_limit_values(&self, reads_per_second: u32, writes_per_second: u32) {
        let mut c = lock(&self.shared.control);
        c.limiter.reads_per_second = reads_per_second;
        c.limiter.writes_per_second = writes_per_second;
    }

    /// Injects `fault` into the next `times` requests.
    ///
    /// A before-processing fault ([`Fault::Status`], [`Fault::DropConnection`]) changes nothing;
    /// an after-processing one ([`Fault::DropAfterApply`], [`Fault::StatusAfterApply`]) applies
    /// the request and then loses its answer, so a write lands while its client sees a failure:
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use attio_sandbox::{Fault, Sandbox};
    /// let sandbox = Sandbox::start().await?;
    /// sandbox.inject_fault(Fault::StatusAfterApply(502), 1); // the next write lands, answered 502
    /// sandbox.inject_fault(Fault::DropAfterApply, 1); // the one after lands, its answer is lost
    /// # Ok(())
    /// # }
    /// ```
    pub fn inject_fault(&self, fault: Fault, times: usize) {
        lock(&self.shared.control).faults.next(fault, times);
    }

    /// Injects `fault` into each request with probability `fraction`, drawn from an RNG seeded
    /// with `seed` (so a test sees the same sequence every run), until [`Sandbox::clear_faults`].
    /// Rules are tried in the order they were added; the first that fires wins.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use attio_sandbox::{Fault, Sandbox};
    /// let sandbox = Sandbox::start().await?;
    /// sandbox.inject_fault_fraction(Fault::Status(503), 0.05, 1); // refused, not applied
    /// sandbox.inject_fault_fraction(Fault::DropAfterApply, 0.05, 2); // applied, answer lost
    /// sandbox.inject_fault_fraction(Fault::StatusAfterApply(502), 0.03, 3); // applied, answered 502
    /// # Ok(())
    /// # }
    /// ```
    pub fn inject_fault_fraction(&self, fault: Fault, fraction: f64, seed: u64) {
        lock(&self.shared.control)
            .faults
            .fraction(fault, fraction, seed);
    }

    /// Removes every injected fault.
    pub fn clear_faults(&self) {
        lock(&self.shared.control).faults.clear();
    }

    /// How many requests were received for this method and path (query string excluded),
    /// including ones answered with errors or faults.
    pub fn request_count(&self, method: &str, path: &str) -> usize {
        lock(&self.shared.control)
            .counts
            .get(&(method.to_ascii_uppercase(), path.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// Every `(method, path)` received with its count.
    pub fn request_counts(&self) -> BTreeMap<(String, String), usize> {
        lock(&self.shared.control).counts.clone()
    }

    /// The total number of requests received.
    pub fn total_requests(&self) -> usize {
        lock(&self.shared.control).counts.values().sum()
    }

    /// The most recent requests, oldest first (see [`SandboxBuilder::record_requests`]).
    pub fn recent_requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.control).recent.iter().cloned().collect()
    }

    /// Resets the data to a fresh workspace (standard objects only, no records, no webhooks),
    /// and clears faults, counters, recorded requests and webhook delivery attempts. Rate-limit
    /// settings are kept.
    pub fn reset(&self) {
        *lock(&self.shared.store) = Store::new(self.shared.seed);
        let mut c = lock(&self.shared.control);
        c.faults.clear();
        c.counts.clear();
        c.recent.clear();
        self.shared.deliverer.clear();
    }

    /// Every webhook delivery attempt so far, oldest first: retries are separate attempts of the
    /// same delivery (the same `idempotency_key`, a higher `attempt`).
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) {
    /// for a in sandbox.webhook_deliveries() {
    ///     println!("{} attempt {}: {:?}", a.idempotency_key, a.attempt, a.result);
    /// }
    /// # }
    /// ```
    pub fn webhook_deliveries(&self) -> Vec<DeliveryAttempt> {
        self.shared.deliverer.attempts()
    }

    /// Waits until `done` holds for the delivery attempts made so far (it is called again after
    /// each attempt), for at most `timeout`; returns the attempts, or on timeout an error that
    /// holds them.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::DeliveryTimeout> {
    /// use std::time::Duration;
    /// // Wait for a retry: some delivery's second attempt.
    /// let attempts = sandbox
    ///     .wait_for_deliveries(Duration::from_secs(10), |a| a.iter().any(|a| a.attempt == 2))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_deliveries(
        &self,
        timeout: Duration,
        done: impl Fn(&[DeliveryAttempt]) -> bool,
    ) -> Result<Vec<DeliveryAttempt>, DeliveryTimeout> {
        self.shared.deliverer.wait(timeout, done).await
    }

    /// Waits until `n` deliveries (distinct idempotency keys) have been delivered (answered with
    /// a 2xx), for at most `timeout`; returns the successful attempts in the order they arrived.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    /// let delivered = sandbox.wait_for_delivered(1, std::time::Duration::from_secs(10)).await?;
    /// println!("{}", delivered[0].body);
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_delivered(
        &self,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<DeliveryAttempt>, DeliveryTimeout> {
        let delivered = |a: &[DeliveryAttempt]| {
            let mut keys: Vec<&str> = a
                .iter()
                .filter(|a| a.delivered())
                .map(|a| a.idempotency_key.as_str())
                .collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len() >= n
        };
        let attempts = self.wait_for_deliveries(timeout, delivered).await?;
        Ok(attempts.into_iter().filter(|a| a.delivered()).collect())
    }

    /// Creates a record with a caller-chosen id (which need not be a UUID), as a sandbox-only
    /// shortcut for fixtures: `values` takes the same forms as `POST …/records`. Returns the
    /// record's JSON (the `data` of a GET). Like any create, it is delivered as `record.created`
    /// to the webhooks subscribed to it.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::start().await?;
    /// sandbox.insert_record(
    ///     "workspaces",
    ///     "72ef5feaf-4919-4208-b332-1339ab8ba040",
    ///     serde_json::json!({"workspace_id": "ws-1"}),
    /// )?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn insert_record(
        &self,
        object: &str,
        record_id: &str,
        values: Value,
    ) -> Result<Value, ApiError> {
        let mut store = lock(&self.shared.store);
        let oi = store.object_index(object)?;
        if store.record(oi, record_id).is_ok() {
            return Err(ApiError::uniqueness(format!(
                "A record with ID \"{record_id}\" already exists."
            )));
        }
        let written = store.write(oi, record_id, true, &values, Mode::Create);
        self.shared
            .deliverer
            .send(std::mem::take(&mut store.outbox));
        written?;
        let record = store.record(oi, record_id)?;
        Ok(store.render_record(oi, record))
    }

    /// Inserts many records into `object` at once, for seeding large data sets (benchmarks, load
    /// tests): each is checked and written as [`insert_record`](Sandbox::insert_record) does, but
    /// unique attributes are checked against one index built for the batch instead of a scan of
    /// every record per insert, so 100,000 records take seconds rather than hours. Stops at the
    /// first record that fails (the ones before it stay) and returns its error; else the number
    /// inserted.
    ///
    /// ```
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::start().await?;
    /// let users = (0..1000).map(|i| {
    ///     let id = format!("00000000-0000-4000-8000-{i:012}");
    ///     (id, serde_json::json!({"user_id": format!("u-{i}"), "primary_email_address": format!("u{i}@example.com")}))
    /// });
    /// assert_eq!(sandbox.insert_records("users", users)?, 1000);
    /// # Ok(())
    /// # }
    /// ```
    pub fn insert_records(
        &self,
        object: &str,
        records: impl IntoIterator<Item = (String, Value)>,
    ) -> Result<usize, ApiError> {
        let mut store = lock(&self.shared.store);
        let oi = store.object_index(object)?;
        store.seeding = Some(store.unique_keys(oi));
        let mut ids: std::collections::HashSet<String> = store
            .rows(store::Target::Object(oi))
            .iter()
            .map(|r| r.id.clone())
            .collect();
        let mut inserted = 0;
        let mut result = Ok(());
        for (record_id, values) in records {
            if !ids.insert(record_id.clone()) {
                result = Err(ApiError::uniqueness(format!(
                    "A record with ID \"{record_id}\" already exists."
                )));
                break;
            }
            if let Err(e) = store.write(oi, &record_id, true, &values, Mode::Create) {
                result = Err(e);
                break;
            }
            inserted += 1;
        }
        store.seeding = None;
        self.shared
            .deliverer
            .send(std::mem::take(&mut store.outbox));
        result.map(|()| inserted)
    }

    /// Stops serving and waits for the accept loop to finish.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
