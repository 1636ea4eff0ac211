//! [`Sandbox`]: the handle to a running sandbox. Its address, its workspaces, the controls a
//! test turns (faults, reset, which workspace OAuth approves into), what it observed (requests),
//! and the first workspace's key, controls, deliveries and seeding, through
//! [`Workspace`](crate::workspace::Workspace), which holds their one implementation.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::delivery::{DeliveryAttempt, DeliveryTimeout};
use crate::error::ApiError;
use crate::resources::sql::SqlSettings;
use crate::resources::workspace;
use crate::server::faults::Fault;
use crate::server::{RecordedRequest, Shared};
use crate::store::MergeDeferral;
use crate::util::lock;
use crate::workspace::{UnknownWorkspace, Workspace};

/// A running sandbox. Dropping it (or [`Sandbox::shutdown`]) stops the server.
///
/// A sandbox holds one workspace, or several (see
/// [`SandboxBuilder::add_workspace`](crate::SandboxBuilder::add_workspace)). The methods that
/// concern one workspace (its key, id, scopes, rate limits, OAuth tokens, webhook deliveries,
/// seeding) act on the first; [`Sandbox::workspace`] reaches the others. Faults, request counts,
/// recorded requests and [`Sandbox::reset`] concern the whole server.
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

    /// The bearer token of the first workspace.
    pub fn api_key(&self) -> &str {
        self.first().api_key()
    }

    /// The base URL of the download host, e.g. `http://127.0.0.1:PORT`: the other loopback
    /// port where `GET /v2/files/{file_id}/download` redirects, to a signed URL valid for five
    /// minutes.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let sandbox = attio_sandbox::Sandbox::start().await?;
    /// assert_ne!(sandbox.download_base_url(), sandbox.base_url());
    /// # Ok(()) }
    /// ```
    pub fn download_base_url(&self) -> &str {
        &self.shared.downloads.origin
    }

    /// The requests the download host received (the last 256), with their headers: a test
    /// shows with them that no bearer token reached it.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) {
    /// assert!(sandbox.download_requests().iter().all(|r| !r.has_header("authorization")));
    /// # }
    /// ```
    pub fn download_requests(&self) -> Vec<crate::server::files::DownloadRequest> {
        lock(&self.shared.downloads.received)
            .iter()
            .cloned()
            .collect()
    }

    /// The first workspace's id, which appears in every id object of its data.
    pub fn workspace_id(&self) -> String {
        self.first().workspace_id()
    }

    /// Replaces the token's scopes, which `GET /v2/self` reports and the activities' routes
    /// enforce (see [`SandboxBuilder::scopes`](crate::SandboxBuilder::scopes)).
    pub fn set_scopes<S: Into<String>>(&self, scopes: impl IntoIterator<Item = S>) {
        self.first().set_scopes(scopes);
    }

    /// Changes the level of the first workspace's token (see
    /// [`SandboxBuilder::token_level`](crate::SandboxBuilder::token_level)).
    pub fn set_token_level(&self, level: crate::http::TokenLevel) {
        self.first().set_token_level(level);
    }

    /// Revokes an access token issued through OAuth into the first workspace (see
    /// [`SandboxBuilder::oauth_app`](crate::SandboxBuilder::oauth_app)): from now on a request
    /// bearing it is answered `401`, as Attio answers once a workspace uninstalls the app.
    /// Whether the token was one of the first workspace's ([`Workspace::revoke_token`] revokes
    /// another's).
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) {
    /// assert!(!sandbox.revoke_token("not-issued"));
    /// # }
    /// ```
    pub fn revoke_token(&self, token: &str) -> bool {
        self.first().revoke_token(token)
    }

    /// The access tokens issued through OAuth into the first workspace and not revoked, for
    /// tests.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) {
    /// for token in sandbox.oauth_tokens() {
    ///     sandbox.revoke_token(&token);
    /// }
    /// # }
    /// ```
    pub fn oauth_tokens(&self) -> Vec<String> {
        self.first().oauth_tokens()
    }

    /// Turns the first workspace's rate limiting on or off.
    pub fn set_rate_limits(&self, enabled: bool) {
        self.first().set_rate_limits(enabled);
    }

    /// Sets the first workspace's per-second read and write limits (used when rate limiting is
    /// on).
    pub fn set_rate_limit_values(&self, reads_per_second: u32, writes_per_second: u32) {
        self.first()
            .set_rate_limit_values(reads_per_second, writes_per_second);
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

    /// Adds a saved view named `title` to the object `object` (a slug or id) of the first
    /// workspace, archived or not, and returns its id: Attio's views are made in its web app, so
    /// the sandbox's are seeded. They are listed by `GET /v2/objects/{object}/views`, by view id.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::ApiError> {
    /// let id = sandbox.insert_object_view("companies", "All companies", false)?;
    /// # Ok(()) }
    /// ```
    pub fn insert_object_view(
        &self,
        object: &str,
        title: &str,
        archived: bool,
    ) -> Result<String, ApiError> {
        self.first().insert_object_view(object, title, archived)
    }

    /// Adds a saved view named `title` to the list `list` (a slug or id) of the first workspace;
    /// see [`insert_object_view`](Sandbox::insert_object_view).
    pub fn insert_list_view(
        &self,
        list: &str,
        title: &str,
        archived: bool,
    ) -> Result<String, ApiError> {
        self.first().insert_list_view(list, title, archived)
    }

    /// Answers the first workspace's merges as Attio answers a large one, until called with
    /// `None`: `202 Accepted`, with the new record answering `404 merge_in_progress` to its first
    /// `deferral.reads` reads and until `deferral.delay` has passed. With `None` (the default),
    /// merges are applied at once and answered `200`.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) {
    /// use attio_sandbox::MergeDeferral;
    /// sandbox.defer_merges(Some(MergeDeferral { reads: 3, ..Default::default() }));
    /// # }
    /// ```
    pub fn defer_merges(&self, deferral: Option<MergeDeferral>) {
        self.first().defer_merges(deferral)
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

    /// Resets every workspace's data to a fresh workspace (standard objects only, no records, no
    /// webhooks), and clears faults, counters, recorded requests and webhook delivery attempts.
    /// Rate-limit settings, the SQL time limit, OAuth tokens and the workspace OAuth approves
    /// into are kept.
    pub fn reset(&self) {
        for w in &self.shared.workspaces {
            let mut store = lock(&w.store);
            let sql = store
                .parts
                .get::<SqlSettings>()
                .copied()
                .unwrap_or_default();
            *store = workspace(w.seed);
            store.parts.install(sql);
            drop(store);
            w.deliverer.clear();
        }
        let mut c = lock(&self.shared.control);
        c.faults.clear();
        c.counts.clear();
        c.recent.clear();
    }

    /// Every delivery attempt of the first workspace's webhooks so far, oldest first: retries are
    /// separate attempts of the same delivery (the same `idempotency_key`, a higher `attempt`).
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) {
    /// for a in sandbox.webhook_deliveries() {
    ///     println!("{} attempt {}: {:?}", a.idempotency_key, a.attempt, a.result);
    /// }
    /// # }
    /// ```
    pub fn webhook_deliveries(&self) -> Vec<DeliveryAttempt> {
        self.first().webhook_deliveries()
    }

    /// Waits until `done` holds for the delivery attempts of the first workspace's webhooks (it
    /// is called again after each attempt), for at most `timeout`; returns the attempts, or on
    /// timeout an error that holds them.
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
        self.first().wait_for_deliveries(timeout, done).await
    }

    /// Waits until `n` deliveries of the first workspace's webhooks (distinct idempotency keys)
    /// have been delivered (answered with a 2xx), for at most `timeout`; returns the successful
    /// attempts in the order they arrived.
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
        self.first().wait_for_delivered(n, timeout).await
    }

    /// Creates a record in the first workspace with a caller-chosen id (which need not be a
    /// UUID), as a sandbox-only shortcut for fixtures: `values` takes the same forms as
    /// `POST …/records`. Returns the record's JSON (the `data` of a GET). Like any create, it is
    /// delivered as `record.created` to the webhooks subscribed to it.
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
        self.first().insert_record(object, record_id, values)
    }

    /// Inserts a meeting into the first workspace as Attio's calendar sync makes it, from what `POST /v2/meetings` takes
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
        self.first().insert_calendar_meeting(data)
    }

    /// Puts an email in the first workspace's mailboxes, as if a connected mailbox had synced it, for
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
        self.first().insert_email(data)
    }

    /// Inserts many records into `object` of the first workspace at once, for seeding large data
    /// sets (benchmarks, load tests): each is checked and written as
    /// [`insert_record`](Sandbox::insert_record) does, but unique attributes are checked against
    /// one index built for the batch instead of a scan of every record per insert, so 100,000
    /// records take seconds rather than hours. Stops at the first record that fails (the ones
    /// before it stay) and returns its error; else the number inserted.
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
        self.first().insert_records(object, records)
    }

    /// The workspace whose slug is `slug` (see
    /// [`SandboxBuilder::add_workspace`](crate::SandboxBuilder::add_workspace)), or an error that
    /// names the slugs there are.
    ///
    /// ```
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::builder()
    ///     .workspace("Acme", "acme")
    ///     .add_workspace("Globex", "globex")
    ///     .start()
    ///     .await?;
    /// assert_eq!(sandbox.workspace("acme")?.api_key(), sandbox.api_key());
    /// assert!(sandbox.workspace("initech").is_err());
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
    /// ```
    pub fn workspace(&self, slug: &str) -> Result<Workspace<'_>, UnknownWorkspace> {
        Workspace::find(&self.shared, slug)
    }

    /// Every workspace of the sandbox, the first first.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) {
    /// for w in sandbox.workspaces() {
    ///     println!("{} {} {}", w.slug(), w.workspace_id(), w.api_key());
    /// }
    /// # }
    /// ```
    pub fn workspaces(&self) -> Vec<Workspace<'_>> {
        (0..self.shared.workspaces.len())
            .filter_map(|i| Workspace::at(&self.shared, i))
            .collect()
    }

    /// Chooses the workspace that `GET /authorize` approves the next installs into, by slug
    /// (the first workspace until this is called); a token exchanged for such a code reaches
    /// that workspace alone. An unknown slug is refused and changes nothing.
    ///
    /// ```
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::builder()
    ///     .oauth_app("client-id", "client-secret")
    ///     .workspace("Acme", "acme")
    ///     .add_workspace("Globex", "globex")
    ///     .start()
    ///     .await?;
    /// sandbox.approve_into("globex")?; // the next authorizations install into Globex
    /// assert!(sandbox.approve_into("initech").is_err());
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
    /// ```
    pub fn approve_into(&self, slug: &str) -> Result<(), UnknownWorkspace> {
        let index = self.workspace(slug)?.index();
        lock(&self.shared.control).oauth.approve_into = index;
        Ok(())
    }

    /// The first workspace, through which the methods above that concern one workspace act.
    fn first(&self) -> Workspace<'_> {
        Workspace::first(&self.shared)
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
