//! [`Sandbox`]: the handle to a running sandbox. Its address and key, the controls a test turns
//! (scopes, rate limits, faults, reset), what it observed (requests, webhook deliveries), and
//! seeding records.

use std::collections::{BTreeMap, HashSet};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::delivery::{DeliveryAttempt, DeliveryTimeout};
use crate::error::ApiError;
use crate::resources::workspace;
use crate::server::faults::Fault;
use crate::server::{RecordedRequest, Shared};
use crate::store::{Mode, Target};
use crate::util::lock;

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
    pub(crate) shared: Arc<Shared>,
    pub(crate) addr: SocketAddr,
    pub(crate) shutdown: watch::Sender<bool>,
    pub(crate) task: Option<JoinHandle<()>>,
}

impl Sandbox {
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

    /// Replaces the scopes `GET /v2/self` reports (see
    /// [`SandboxBuilder::scopes`](crate::SandboxBuilder::scopes)).
    pub fn set_scopes<S: Into<String>>(&self, scopes: impl IntoIterator<Item = S>) {
        Arc::make_mut(&mut lock(&self.shared.control).token).scopes =
            scopes.into_iter().map(Into::into).collect();
    }

    /// Changes the token's level (see
    /// [`SandboxBuilder::token_level`](crate::SandboxBuilder::token_level)).
    pub fn set_token_level(&self, level: crate::http::TokenLevel) {
        Arc::make_mut(&mut lock(&self.shared.control).token).level = level;
    }

    /// Revokes an access token issued through OAuth (see
    /// [`SandboxBuilder::oauth_app`](crate::SandboxBuilder::oauth_app)): from now on a request
    /// bearing it is answered `401`, as Attio answers once a workspace uninstalls the app.
    /// Whether the token was known.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) {
    /// assert!(!sandbox.revoke_token("not-issued"));
    /// # }
    /// ```
    pub fn revoke_token(&self, token: &str) -> bool {
        lock(&self.shared.control).oauth.tokens.remove(token)
    }

    /// The access tokens issued through OAuth and not revoked, for tests.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) {
    /// for token in sandbox.oauth_tokens() {
    ///     sandbox.revoke_token(&token);
    /// }
    /// # }
    /// ```
    pub fn oauth_tokens(&self) -> Vec<String> {
        lock(&self.shared.control)
            .oauth
            .tokens
            .iter()
            .cloned()
            .collect()
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

    /// The most recent requests, oldest first (see
    /// [`SandboxBuilder::record_requests`](crate::SandboxBuilder::record_requests)).
    pub fn recent_requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.control).recent.iter().cloned().collect()
    }

    /// Resets the data to a fresh workspace (standard objects only, no records, no webhooks),
    /// and clears faults, counters, recorded requests and webhook delivery attempts. Rate-limit
    /// settings are kept.
    pub fn reset(&self) {
        *lock(&self.shared.store) = workspace(self.shared.seed);
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

    /// Inserts a meeting as Attio's calendar sync makes it, from what `POST /v2/meetings` takes
    /// in `data` (found by its `external_ref` if it exists): the API can link records to it, but
    /// not delete it (`400 system_edit_unauthorized`). Its answer is the meeting.
    ///
    /// ```
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::start().await?;
    /// let meeting = sandbox.insert_calendar_meeting(serde_json::json!({
    ///     "external_ref": {"ical_uid": "evt-1@google.com", "provider": "google", "is_recurring": false},
    ///     "title": "Standup", "description": "", "is_all_day": false,
    ///     "start": {"datetime": "2030-01-01T09:00:00Z"}, "end": {"datetime": "2030-01-01T09:15:00Z"},
    ///     "participants": [{"email_address": "alice@attio.com", "is_organizer": true, "status": "accepted"}],
    /// }))?;
    /// assert_eq!(meeting["data"]["title"], "Standup");
    /// # Ok(())
    /// # }
    /// ```
    pub fn insert_calendar_meeting(&self, data: Value) -> Result<Value, ApiError> {
        let mut store = lock(&self.shared.store);
        crate::resources::meetings::insert_from_calendar(&mut store, &data)
    }

    /// Puts an email in the workspace's mailboxes, as if a connected mailbox had synced it, for
    /// `GET /v2/emails` to list: `{sent_at, direction, subject_line?, participants: [{role,
    /// email_address, name?}]}`. Its answer is the email as listed.
    ///
    /// ```
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::start().await?;
    /// let email = sandbox.insert_email(serde_json::json!({
    ///     "sent_at": "2030-01-02T10:00:00Z", "direction": "inbound", "subject_line": "Quote",
    ///     "participants": [{"role": "from", "email_address": "ada@acme.com", "name": "Ada"},
    ///                      {"role": "to", "email_address": "alice@attio.com"}],
    /// }))?;
    /// assert_eq!(email["participants"][0]["email_domain"], "acme.com");
    /// # Ok(())
    /// # }
    /// ```
    pub fn insert_email(&self, data: Value) -> Result<Value, ApiError> {
        let mut store = lock(&self.shared.store);
        crate::resources::emails::insert(&mut store, &data)
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
        let mut ids: HashSet<String> = store
            .rows(Target::Object(oi))
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
