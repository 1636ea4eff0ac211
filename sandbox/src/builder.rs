//! [`SandboxBuilder`]: the settings of a sandbox, and starting one (binding the listener, making
//! the workspaces, spawning the server and each workspace's delivery task).

use std::collections::HashSet;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use tokio::sync::watch;

use crate::delivery::{Deliverer, Health, OnHealth, WebhookRetry};
use crate::http::{Token, TokenLevel};
use crate::resources::sql::{self, SqlSettings};
use crate::resources::{identity, workspace};
use crate::sandbox::Sandbox;
use crate::server::ratelimit::RateLimiter;
use crate::server::workspace::WorkspaceState;
use crate::server::{self, Control, Shared};
use crate::util::lock;

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
    token_level: TokenLevel,
    webhook_retry: WebhookRetry,
    oauth_app: Option<(String, String)>,
    workspace: (String, String),
    more_workspaces: Vec<(String, String)>,
    sql_time_limit: Duration,
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
            token_level: TokenLevel::Workspace,
            webhook_retry: WebhookRetry::default(),
            oauth_app: None,
            workspace: ("Sandbox".into(), "sandbox".into()),
            more_workspaces: Vec::new(),
            sql_time_limit: sql::DEFAULT_TIME_LIMIT,
        }
    }
}

impl SandboxBuilder {
    /// The bearer token the sandbox's first workspace accepts (default: a random `sandbox_…`
    /// token). Each workspace added with [`add_workspace`](Self::add_workspace) accepts this key
    /// followed by `-` and its slug.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The address to listen on (default `127.0.0.1:0`, a free port).
    pub fn listen(mut self, addr: SocketAddr) -> Self {
        self.listen = addr;
        self
    }

    /// Enforces Attio's rate limits (default off), in every workspace: each has its own budget.
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

    /// How long a `POST /v2/sql` statement may run before it is interrupted and answered with a
    /// `408` (default 30 seconds, Attio's execution limit), in every workspace. A test of the
    /// timeout sets a short one.
    ///
    /// ```
    /// let builder = attio_sandbox::Sandbox::builder().sql_time_limit(std::time::Duration::from_millis(200));
    /// # drop(builder);
    /// ```
    pub fn sql_time_limit(mut self, limit: Duration) -> Self {
        self.sql_time_limit = limit;
        self
    }

    /// How many recent requests to keep for [`Sandbox::recent_requests`] (default 100; 0 = none).
    pub fn record_requests(mut self, n: usize) -> Self {
        self.record_requests = n;
        self
    }

    /// The scopes `GET /v2/self` reports for the token, e.g. `["record_permission:read"]`
    /// (default: every scope, `read-write`), in every workspace. Reported, and enforced only on
    /// the activities' routes (`/v2/activities…`), which answer `403 unauthorized` to a token
    /// without their required scopes: the other endpoints answer as they would for a token
    /// holding every scope.
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

    /// The token's level (default [`TokenLevel::Workspace`]): `GET /v2/self` reports it, and with
    /// [`TokenLevel::User`] the operations Attio reserves for workspace-level tokens (listing
    /// meetings, transcripts, emails, webhooks) answer `403`.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use attio_sandbox::{Sandbox, TokenLevel};
    /// let sandbox = Sandbox::builder().token_level(TokenLevel::User).start().await?;
    /// # Ok(()) }
    /// ```
    pub fn token_level(mut self, level: TokenLevel) -> Self {
        self.token_level = level;
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

    /// Registers an OAuth app: `GET /authorize` with this `client_id` approves at once into one
    /// of the sandbox's workspaces (the first, unless
    /// [`Sandbox::approve_into`](crate::Sandbox::approve_into) chose another) and redirects to
    /// the app's `redirect_uri` with a one-time `code` (and the app's `state`), and
    /// `POST /oauth/token` exchanges the code, with this secret, for an access token the API
    /// accepts for that workspace alone. To install into several workspaces, add them with
    /// [`add_workspace`](Self::add_workspace) and approve into each in turn.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let sandbox = attio_sandbox::Sandbox::builder()
    ///     .oauth_app("my-client-id", "my-client-secret")
    ///     .workspace("Acme", "acme")
    ///     .add_workspace("Globex", "globex")
    ///     .start()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn oauth_app(mut self, client_id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.oauth_app = Some((client_id.into(), secret.into()));
        self
    }

    /// The first workspace's name and slug, as `GET /v2/self` reports them (default `Sandbox`,
    /// `sandbox`).
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let sandbox = attio_sandbox::Sandbox::builder().workspace("Acme", "acme").start().await?;
    /// # Ok(()) }
    /// ```
    pub fn workspace(mut self, name: impl Into<String>, slug: impl Into<String>) -> Self {
        self.workspace = (name.into(), slug.into());
        self
    }

    /// Adds a further workspace, after the first (see [`workspace`](Self::workspace)) and any
    /// added before. Each workspace has its own data (made and seeded as the first's), its own
    /// API key (the first's followed by `-` and the slug), its own rate limits (the settings
    /// above, one budget each), its own webhooks and deliveries, and its own `/v2/self` answer;
    /// a token of one reaches no other. [`Sandbox::workspace`](crate::Sandbox::workspace)
    /// reaches its controls and data. Starting fails when two workspaces share a slug.
    ///
    /// ```
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let sandbox = attio_sandbox::Sandbox::builder()
    ///     .api_key("key")
    ///     .workspace("Acme", "acme")
    ///     .add_workspace("Globex", "globex")
    ///     .start()
    ///     .await?;
    /// let globex = sandbox.workspace("globex")?;
    /// assert_eq!(globex.api_key(), "key-globex");
    /// assert_ne!(globex.workspace_id(), sandbox.workspace_id());
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
    /// ```
    pub fn add_workspace(mut self, name: impl Into<String>, slug: impl Into<String>) -> Self {
        self.more_workspaces.push((name.into(), slug.into()));
        self
    }

    /// Binds the listener and starts serving on the current Tokio runtime. Fails, binding
    /// nothing, when two workspaces share a slug.
    pub async fn start(self) -> std::io::Result<Sandbox> {
        let mut slugs = HashSet::new();
        let mut names = std::iter::once(&self.workspace).chain(&self.more_workspaces);
        if let Some((_, slug)) = names.find(|(_, slug)| !slugs.insert(slug)) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "two of the sandbox's workspaces have the slug \"{slug}\"; give each its own \
                     (SandboxBuilder::workspace, SandboxBuilder::add_workspace)"
                ),
            ));
        }
        let listener = server::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        // The download host: signed URLs are served on another port, as another host.
        let downloads = server::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let downloads_addr = downloads.local_addr()?;
        let issued_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let token = |(name, slug): &(String, String)| Token {
            scopes: self.scopes.clone(),
            level: self.token_level,
            issued_at,
            workspace_name: name.clone(),
            workspace_slug: slug.clone(),
            client_id: None,
        };
        let settings = SqlSettings {
            time_limit: self.sql_time_limit,
        };
        let workspace = |seed| {
            let mut store = workspace(seed);
            store.parts.install(settings);
            store
        };
        let mut first = workspace(self.seed);
        let api_key = self
            .api_key
            .clone()
            .unwrap_or_else(|| format!("sandbox_{}", first.rng.uuid().replace('-', "")));
        let mut made = vec![(api_key.clone(), self.seed, first, token(&self.workspace))];
        for (i, more) in (1u64..).zip(&self.more_workspaces) {
            let seed = self.seed.map(|s| s.wrapping_add(i));
            let key = format!("{api_key}-{}", more.1);
            made.push((key, seed, workspace(seed), token(more)));
        }
        let (tx, rx) = watch::channel(false);
        let shared = Arc::new_cyclic(|me: &Weak<Shared>| Shared {
            workspaces: made
                .into_iter()
                .enumerate()
                .map(|(i, (api_key, seed, store, token))| WorkspaceState {
                    deliverer: Deliverer::start(
                        self.webhook_retry,
                        rx.clone(),
                        on_health(me.clone(), i),
                    ),
                    api_key,
                    seed,
                    store: Mutex::new(store),
                    limiter: Mutex::new(RateLimiter::new(
                        self.rate_limits,
                        self.reads_per_second,
                        self.writes_per_second,
                    )),
                    token: Mutex::new(Arc::new(token)),
                })
                .collect(),
            downloads: server::files::DownloadHost::new(downloads_addr),
            control: Mutex::new(Control {
                faults: Default::default(),
                counts: Default::default(),
                recent: Default::default(),
                recent_capacity: self.record_requests,
                oauth: server::oauth::OAuth {
                    app: self.oauth_app.clone(),
                    ..Default::default()
                },
            }),
        });
        tokio::spawn(server::files::serve_downloads(
            downloads,
            shared.clone(),
            rx.clone(),
        ));
        let task = tokio::spawn(server::serve(listener, shared.clone(), rx));
        Ok(Sandbox {
            shared,
            addr,
            shutdown: tx,
            task: Some(task),
        })
    }
}

/// Sets a webhook of the `i`th workspace's status as its deliveries succeed (`active`) or run
/// out of attempts (`degraded`).
fn on_health(shared: Weak<Shared>, i: usize) -> OnHealth {
    Arc::new(move |webhook_id: &str, health: Health| {
        let Some(shared) = shared.upgrade() else {
            return;
        };
        let Some(workspace) = shared.workspaces.get(i) else {
            return;
        };
        let mut store = lock(&workspace.store);
        if let Some(w) = store.webhooks.iter_mut().find(|w| w.id == webhook_id) {
            w.status = match health {
                Health::Delivered => "active",
                Health::Exhausted => "degraded",
            };
        }
    })
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
}
