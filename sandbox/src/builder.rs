//! [`SandboxBuilder`]: the settings of a sandbox, and starting one (binding the listener, making
//! the workspace, spawning the server and the delivery task).

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::watch;

use crate::delivery::{Deliverer, Health, OnHealth, WebhookRetry};
use crate::http::{Token, TokenLevel};
use crate::resources::{identity, workspace};
use crate::sandbox::Sandbox;
use crate::server::ratelimit::RateLimiter;
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

    /// Registers an OAuth app: `GET /authorize` with this `client_id` approves at once into this
    /// sandbox's workspace and redirects to the app's `redirect_uri` with a one-time `code` (and
    /// the app's `state`), and `POST /oauth/token` exchanges the code, with this secret, for an
    /// access token the API accepts beside the API key. A sandbox is one workspace: to install
    /// into several, start several sandboxes with the same app (and
    /// [`workspace`](Self::workspace) names that tell them apart).
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let sandbox = attio_sandbox::Sandbox::builder()
    ///     .oauth_app("my-client-id", "my-client-secret")
    ///     .workspace("Acme", "acme")
    ///     .start()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn oauth_app(mut self, client_id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.oauth_app = Some((client_id.into(), secret.into()));
        self
    }

    /// The workspace's name and slug, as `GET /v2/self` reports them (default `Sandbox`,
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

    /// Binds the listener and starts serving on the current Tokio runtime.
    pub async fn start(self) -> std::io::Result<Sandbox> {
        let listener = server::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        let mut store = workspace(self.seed);
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
                counts: Default::default(),
                recent: Default::default(),
                recent_capacity: self.record_requests,
                token: Arc::new(Token {
                    scopes: self.scopes,
                    level: self.token_level,
                    issued_at: std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_secs() as i64),
                    workspace_name: self.workspace.0,
                    workspace_slug: self.workspace.1,
                    client_id: None,
                }),
                oauth: server::oauth::OAuth {
                    app: self.oauth_app,
                    ..Default::default()
                },
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
fn on_health(shared: Weak<Shared>) -> OnHealth {
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
