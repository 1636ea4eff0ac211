//! An in-process, Attio-compatible HTTP server for tests and demos.
//!
//! The sandbox implements Attio's REST API v2 for objects, attributes, select options, statuses
//! and records (create, assert, get, update, delete, query, value history), and for lists and
//! their entries, on JSON, on its own: it does not use the `attio` client crate, so it checks the
//! client rather than mirroring it.
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
mod error;
mod faults;
mod lists;
mod query;
mod ratelimit;
mod schema;
mod server;
mod store;
mod util;
mod values;

use std::collections::{BTreeMap, VecDeque};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use error::ApiError;
pub use faults::Fault;

use ratelimit::RateLimiter;
use server::{Control, Shared, lock};
use store::{Mode, Store};

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

    /// Binds the listener and starts serving on the current Tokio runtime.
    pub async fn start(self) -> std::io::Result<Sandbox> {
        let listener = server::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        let mut store = Store::new(self.seed);
        let api_key = self
            .api_key
            .unwrap_or_else(|| format!("sandbox_{}", store.rng.uuid().replace('-', "")));
        let shared = Arc::new(Shared {
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
            }),
        });
        let (tx, rx) = watch::channel(false);
        let task = tokio::spawn(server::serve(listener, shared.clone(), rx));
        Ok(Sandbox {
            shared,
            addr,
            shutdown: tx,
            task: Some(task),
        })
    }
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
    pub fn inject_fault(&self, fault: Fault, times: usize) {
        lock(&self.shared.control).faults.next(fault, times);
    }

    /// Injects `fault` into each request with probability `fraction`, drawn from an RNG seeded
    /// with `seed` (so a test sees the same sequence every run), until [`Sandbox::clear_faults`].
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

    /// Resets the data to a fresh workspace (standard objects only, no records), and clears
    /// faults, counters and recorded requests. Rate-limit settings are kept.
    pub fn reset(&self) {
        *lock(&self.shared.store) = Store::new(self.shared.seed);
        let mut c = lock(&self.shared.control);
        c.faults.clear();
        c.counts.clear();
        c.recent.clear();
    }

    /// Creates a record with a caller-chosen id (which need not be a UUID), as a sandbox-only
    /// shortcut for fixtures: `values` takes the same forms as `POST …/records`. Returns the
    /// record's JSON (the `data` of a GET).
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
        store.write(oi, record_id, true, &values, Mode::Create)?;
        let record = store.record(oi, record_id)?;
        Ok(store.render_record(oi, record))
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
