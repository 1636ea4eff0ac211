//! [`Workspace`]: one workspace of a running sandbox, borrowed from the
//! [`Sandbox`](crate::Sandbox): its key and id, the controls that are its own (scopes, rate
//! limits, OAuth tokens), its webhook deliveries, and seeding its records. The `Sandbox` methods
//! of the same names act on the first workspace through this type, so each has one body.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::delivery::{DeliveryAttempt, DeliveryTimeout};
use crate::error::ApiError;
use crate::resources::views;
use crate::server::Shared;
use crate::server::workspace::WorkspaceState;
use crate::store::{MergeDeferral, Mode, Target};
use crate::util::lock;

/// One workspace of a [`Sandbox`](crate::Sandbox): its own API key, data, rate limits, webhooks
/// and OAuth tokens. [`Sandbox::workspace`](crate::Sandbox::workspace) finds one by slug;
/// [`Sandbox::workspaces`](crate::Sandbox::workspaces) lists them all.
///
/// ```
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let sandbox = attio_sandbox::Sandbox::builder()
///     .workspace("Acme", "acme")
///     .add_workspace("Globex", "globex")
///     .start()
///     .await?;
/// let globex = sandbox.workspace("globex")?;
/// assert_eq!((globex.name(), globex.slug()), ("Globex".to_owned(), "globex".to_owned()));
/// globex.insert_record(
///     "companies",
///     "6d1b0e0e-3d4f-4b9e-9a57-0f0e7e5d2c11",
///     serde_json::json!({"name": "Globex Inc"}),
/// )?;
/// # Ok(()) }
/// # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
/// ```
#[derive(Clone, Copy)]
pub struct Workspace<'s> {
    shared: &'s Shared,
    index: usize,
    state: &'s WorkspaceState,
}

impl std::fmt::Debug for Workspace<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = lock(&self.state.token);
        f.debug_struct("Workspace")
            .field("name", &token.workspace_name)
            .field("slug", &token.workspace_slug)
            .finish_non_exhaustive()
    }
}

/// No workspace of the sandbox has this slug: [`Sandbox::workspace`](crate::Sandbox::workspace)
/// and [`Sandbox::approve_into`](crate::Sandbox::approve_into) refuse it, naming the slugs there
/// are.
///
/// ```
/// # async fn demo() -> std::io::Result<()> {
/// let sandbox = attio_sandbox::Sandbox::builder().workspace("Acme", "acme").start().await?;
/// let err = sandbox.workspace("globex").unwrap_err();
/// assert_eq!(err.slug, "globex");
/// assert!(err.to_string().contains("acme"));
/// # Ok(()) }
/// # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownWorkspace {
    /// The slug asked for.
    pub slug: String,
    /// The slugs of the sandbox's workspaces, the first first.
    pub known: Vec<String>,
}

impl std::fmt::Display for UnknownWorkspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the sandbox has no workspace with the slug \"{}\"; its workspaces are {}; add one \
             with SandboxBuilder::add_workspace",
            self.slug,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownWorkspace {}

impl<'s> Workspace<'s> {
    /// The first workspace of `shared`.
    pub(crate) fn first(shared: &'s Shared) -> Self {
        Self {
            shared,
            index: 0,
            // Never empty: the builder makes the first workspace before any other.
            state: &shared.workspaces[0],
        }
    }

    /// The `index`th workspace of `shared`, if there is one.
    pub(crate) fn at(shared: &'s Shared, index: usize) -> Option<Self> {
        let state = shared.workspaces.get(index)?;
        Some(Self {
            shared,
            index,
            state,
        })
    }

    /// The workspace whose slug is `slug`.
    pub(crate) fn find(shared: &'s Shared, slug: &str) -> Result<Self, UnknownWorkspace> {
        let known: Vec<String> = shared.workspaces.iter().map(|w| w.slug()).collect();
        match known.iter().position(|k| k == slug) {
            Some(index) => Self::at(shared, index).ok_or_else(|| UnknownWorkspace {
                slug: slug.to_owned(),
                known: known.clone(),
            }),
            None => Err(UnknownWorkspace {
                slug: slug.to_owned(),
                known,
            }),
        }
    }

    /// Its index among the sandbox's workspaces: 0 for the first.
    pub(crate) fn index(&self) -> usize {
        self.index
    }

    /// The workspace's name, as `GET /v2/self` reports it.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// assert_eq!(sandbox.workspace("globex")?.name(), "Globex");
    /// # Ok(()) }
    /// ```
    pub fn name(&self) -> String {
        lock(&self.state.token).workspace_name.clone()
    }

    /// The workspace's slug, as `GET /v2/self` reports it.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) {
    /// let slugs: Vec<String> = sandbox.workspaces().iter().map(|w| w.slug()).collect();
    /// # }
    /// ```
    pub fn slug(&self) -> String {
        self.state.slug()
    }

    /// The bearer token that reaches this workspace and no other.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// let key = sandbox.workspace("globex")?.api_key().to_owned();
    /// # Ok(()) }
    /// ```
    pub fn api_key(&self) -> &'s str {
        &self.state.api_key
    }

    /// The workspace id that appears in every id object of this workspace.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// assert_ne!(sandbox.workspace("globex")?.workspace_id(), sandbox.workspace_id());
    /// # Ok(()) }
    /// ```
    pub fn workspace_id(&self) -> String {
        lock(&self.state.store).workspace_id.clone()
    }

    /// Replaces the scopes of this workspace's tokens, which `GET /v2/self` reports and the
    /// activities' routes enforce (see
    /// [`SandboxBuilder::scopes`](crate::SandboxBuilder::scopes)).
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// sandbox.workspace("globex")?.set_scopes(["record_permission:read"]);
    /// # Ok(()) }
    /// ```
    pub fn set_scopes<S: Into<String>>(&self, scopes: impl IntoIterator<Item = S>) {
        Arc::make_mut(&mut lock(&self.state.token)).scopes =
            scopes.into_iter().map(Into::into).collect();
    }

    /// Revokes an access token issued through OAuth into this workspace (see
    /// [`SandboxBuilder::oauth_app`](crate::SandboxBuilder::oauth_app)): from now on a request
    /// bearing it is answered `401`, as Attio answers once a workspace uninstalls the app.
    /// Whether the token was one of this workspace's; another workspace's is left alone.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// let globex = sandbox.workspace("globex")?;
    /// for token in globex.oauth_tokens() {
    ///     assert!(globex.revoke_token(&token));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn revoke_token(&self, token: &str) -> bool {
        let mut control = lock(&self.shared.control);
        let tokens = &mut control.oauth.tokens;
        tokens.get(token) == Some(&self.index) && tokens.remove(token).is_some()
    }

    /// The access tokens issued through OAuth into this workspace and not revoked, for tests.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// assert!(sandbox.workspace("globex")?.oauth_tokens().is_empty());
    /// # Ok(()) }
    /// ```
    pub fn oauth_tokens(&self) -> Vec<String> {
        let control = lock(&self.shared.control);
        let mut tokens: Vec<String> = control
            .oauth
            .tokens
            .iter()
            .filter(|(_, i)| **i == self.index)
            .map(|(t, _)| t.clone())
            .collect();
        tokens.sort();
        tokens
    }

    /// Turns this workspace's rate limiting on or off.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// sandbox.workspace("globex")?.set_rate_limits(true);
    /// # Ok(()) }
    /// ```
    pub fn set_rate_limits(&self, enabled: bool) {
        lock(&self.state.limiter).enabled = enabled;
    }

    /// Sets this workspace's per-second read and write limits (used when rate limiting is on).
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// sandbox.workspace("globex")?.set_rate_limit_values(10, 2);
    /// # Ok(()) }
    /// ```
    pub fn set_rate_limit_values(&self, reads_per_second: u32, writes_per_second: u32) {
        let mut limiter = lock(&self.state.limiter);
        limiter.reads_per_second = reads_per_second;
        limiter.writes_per_second = writes_per_second;
    }

    /// Every delivery attempt of this workspace's webhooks so far, oldest first: retries are
    /// separate attempts of the same delivery (the same `idempotency_key`, a higher `attempt`).
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), attio_sandbox::UnknownWorkspace> {
    /// for a in sandbox.workspace("globex")?.webhook_deliveries() {
    ///     println!("{} attempt {}: {:?}", a.idempotency_key, a.attempt, a.result);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn webhook_deliveries(&self) -> Vec<DeliveryAttempt> {
        self.state.deliverer.attempts()
    }

    /// Waits until `done` holds for the delivery attempts of this workspace's webhooks (it is
    /// called again after each attempt), for at most `timeout`; returns the attempts, or on
    /// timeout an error that holds them.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    /// use std::time::Duration;
    /// let globex = sandbox.workspace("globex")?;
    /// let attempts = globex
    ///     .wait_for_deliveries(Duration::from_secs(10), |a| a.iter().any(|a| a.attempt == 2))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_deliveries(
        &self,
        timeout: Duration,
        done: impl Fn(&[DeliveryAttempt]) -> bool,
    ) -> Result<Vec<DeliveryAttempt>, DeliveryTimeout> {
        self.state.deliverer.wait(timeout, done).await
    }

    /// Waits until `n` deliveries of this workspace's webhooks (distinct idempotency keys) have
    /// been delivered (answered with a 2xx), for at most `timeout`; returns the successful
    /// attempts in the order they arrived.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    /// let globex = sandbox.workspace("globex")?;
    /// let delivered = globex.wait_for_delivered(1, std::time::Duration::from_secs(10)).await?;
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

    /// Adds a saved view to the object `object` of this workspace, as
    /// [`Sandbox::insert_object_view`](crate::Sandbox::insert_object_view) does in the first.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    /// let id = sandbox.workspace("globex")?.insert_object_view("companies", "All", false)?;
    /// # Ok(()) }
    /// ```
    pub fn insert_object_view(
        &self,
        object: &str,
        title: &str,
        archived: bool,
    ) -> Result<String, ApiError> {
        let mut store = lock(&self.state.store);
        let target = Target::Object(store.object_index(object)?);
        views::insert(&mut store, target, title, archived)
    }

    /// Adds a saved view to the list `list` of this workspace, as
    /// [`Sandbox::insert_list_view`](crate::Sandbox::insert_list_view) does in the first.
    pub fn insert_list_view(
        &self,
        list: &str,
        title: &str,
        archived: bool,
    ) -> Result<String, ApiError> {
        let mut store = lock(&self.state.store);
        let target = Target::List(store.list_index(list)?);
        views::insert(&mut store, target, title, archived)
    }

    /// Defers this workspace's merges, as
    /// [`Sandbox::defer_merges`](crate::Sandbox::defer_merges) does the first's.
    pub fn defer_merges(&self, deferral: Option<MergeDeferral>) {
        lock(&self.state.store).merge_deferral = deferral;
    }

    /// Creates a record in this workspace with a caller-chosen id, as
    /// [`Sandbox::insert_record`](crate::Sandbox::insert_record) does in the first.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    /// sandbox.workspace("globex")?.insert_record(
    ///     "companies",
    ///     "0f4e2a8c-5b7d-4c1e-9f3a-2d6b8e1c4a70",
    ///     serde_json::json!({"name": "Globex Inc"}),
    /// )?;
    /// # Ok(()) }
    /// ```
    pub fn insert_record(
        &self,
        object: &str,
        record_id: &str,
        values: Value,
    ) -> Result<Value, ApiError> {
        let mut store = lock(&self.state.store);
        let oi = store.object_index(object)?;
        if store.record(oi, record_id).is_ok() {
            return Err(ApiError::uniqueness(format!(
                "A record with ID \"{record_id}\" already exists."
            )));
        }
        let written = store.write(oi, record_id, true, &values, Mode::Create);
        self.state.deliverer.send(std::mem::take(&mut store.outbox));
        written?;
        let record = store.record(oi, record_id)?;
        Ok(store.render_record(oi, record))
    }

    /// Changes the level of this workspace's token (see
    /// [`SandboxBuilder::token_level`](crate::SandboxBuilder::token_level)).
    pub fn set_token_level(&self, level: crate::http::TokenLevel) {
        Arc::make_mut(&mut lock(&self.state.token)).level = level;
    }

    /// Inserts a meeting into this workspace as Attio's calendar sync makes it, as
    /// [`Sandbox::insert_calendar_meeting`](crate::Sandbox::insert_calendar_meeting) does in the
    /// first.
    pub fn insert_calendar_meeting(&self, data: Value) -> Result<Value, ApiError> {
        let mut store = lock(&self.state.store);
        crate::resources::meetings::insert_from_calendar(&mut store, &data)
    }

    /// Puts an email in this workspace's mailboxes, as
    /// [`Sandbox::insert_email`](crate::Sandbox::insert_email) does in the first.
    pub fn insert_email(&self, data: Value) -> Result<Value, ApiError> {
        let mut store = lock(&self.state.store);
        crate::resources::emails::insert(&mut store, &data)
    }

    /// Inserts many records into `object` of this workspace at once, as
    /// [`Sandbox::insert_records`](crate::Sandbox::insert_records) does in the first.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    /// let companies = (0..100).map(|i| {
    ///     (format!("00000000-0000-4000-8000-{i:012}"), serde_json::json!({"name": format!("C{i}")}))
    /// });
    /// assert_eq!(sandbox.workspace("globex")?.insert_records("companies", companies)?, 100);
    /// # Ok(()) }
    /// ```
    pub fn insert_records(
        &self,
        object: &str,
        records: impl IntoIterator<Item = (String, Value)>,
    ) -> Result<usize, ApiError> {
        let mut store = lock(&self.state.store);
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
        self.state.deliverer.send(std::mem::take(&mut store.outbox));
        result.map(|()| inserted)
    }
}
