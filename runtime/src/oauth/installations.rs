//! [`Installations`]: one [`Client`] per workspace that installed the app, built from the tokens
//! a [`TokenStore`] keeps.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::client::{Client, ClientBuilder, DEFAULT_BASE_URL};
use crate::error::{Error, ErrorCode, OAuthError, Result};

use super::app::Installation;
use super::store::{MemoryTokenStore, TokenStore};

type Configure = Arc<dyn Fn(ClientBuilder) -> ClientBuilder + Send + Sync>;

/// The workspaces that installed the app, each with its own [`Client`] (its own rate limits,
/// retries and statistics, as Attio counts each token's limits apart). Clients are built on
/// first use from the [`TokenStore`]'s token and kept: asking again for a workspace returns a
/// clone of the same client. Cloning `Installations` shares the store and the clients.
///
/// A token Attio refuses (`401`: the workspace uninstalled the app, or revoked the token) is
/// that workspace's problem alone: pass the result of a call through
/// [`revoked`](Self::revoked), which removes the token and turns the `401` into
/// [`OAuthError::Revoked`] naming the workspace, and leaves every other workspace's client as it
/// was.
///
/// ```no_run
/// # async fn run(app: attio::oauth::OAuthApp, code: &str) -> attio::Result<()> {
/// use attio::oauth::Installations;
///
/// let installations = Installations::memory().api_base(app.api_base_url());
/// let installed = installations.install(app.exchange(code).await?).await?;
/// let client = installations.client(installed.workspace_id.as_str()).await?;
/// let me = client.whoami().await;
/// let me = installations.revoked(installed.workspace_id.as_str(), me).await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Installations {
    store: Arc<dyn TokenStore>,
    api_base: String,
    configure: Option<Configure>,
    clients: Arc<Mutex<HashMap<String, Client>>>,
}

impl fmt::Debug for Installations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Installations")
            .field("api_base", &self.api_base)
            .field("clients", &self.clients().len())
            .finish_non_exhaustive()
    }
}

impl Installations {
    /// Installations whose tokens `store` keeps.
    ///
    /// ```
    /// let installations = attio::oauth::Installations::new(
    ///     std::sync::Arc::new(attio::oauth::MemoryTokenStore::default()),
    /// );
    /// ```
    pub fn new(store: Arc<dyn TokenStore>) -> Self {
        Installations {
            store,
            api_base: DEFAULT_BASE_URL.to_owned(),
            configure: None,
            clients: Arc::default(),
        }
    }

    /// Installations whose tokens are kept in memory ([`MemoryTokenStore`]).
    ///
    /// ```
    /// let installations = attio::oauth::Installations::memory();
    /// ```
    pub fn memory() -> Self {
        Self::new(Arc::new(MemoryTokenStore::default()))
    }

    /// The API the clients talk to (default `https://api.attio.com`).
    ///
    /// ```
    /// let installations = attio::oauth::Installations::memory().api_base("http://127.0.0.1:4010");
    /// ```
    pub fn api_base(mut self, url: impl Into<String>) -> Self {
        self.api_base = url.into();
        self
    }

    /// Settings every workspace's client is built with (rate limits, retries, timeouts); the
    /// token and the base URL are set after it.
    ///
    /// ```
    /// let installations = attio::oauth::Installations::memory()
    ///     .configure(|b| b.rate_limits(attio::RateLimits::default().writes_per_second(10)));
    /// ```
    pub fn configure(
        mut self,
        f: impl Fn(ClientBuilder) -> ClientBuilder + Send + Sync + 'static,
    ) -> Self {
        self.configure = Some(Arc::new(f));
        self
    }

    /// Keeps the installation's token in the store (replacing the workspace's earlier one, as a
    /// reinstall does) and builds its client. The installation comes back, for its workspace's
    /// name and id.
    ///
    /// ```no_run
    /// # async fn run(app: attio::oauth::OAuthApp, code: &str) -> attio::Result<()> {
    /// let installations = attio::oauth::Installations::memory();
    /// let installed = installations.install(app.exchange(code).await?).await?;
    /// println!("installed in {}", installed.workspace_name);
    /// # Ok(()) }
    /// ```
    pub async fn install(&self, installation: Installation) -> Result<Installation> {
        let id = installation.workspace_id.as_str();
        let token = installation.token();
        let client = self.build(token.expose())?;
        self.store.put(id, token).await?;
        self.clients().insert(id.to_owned(), client);
        Ok(installation)
    }

    /// The workspace's client: the same one (a clone) each time, built on first use from the
    /// store's token; [`OAuthError::NotInstalled`] when the store has none.
    ///
    /// ```no_run
    /// # async fn run(installations: attio::oauth::Installations) -> attio::Result<()> {
    /// let client = installations.client("14beef7a-99f7-4534-a87e-70b564330a4c").await?;
    /// # Ok(()) }
    /// ```
    pub async fn client(&self, workspace_id: &str) -> Result<Client> {
        if let Some(client) = self.clients().get(workspace_id) {
            return Ok(client.clone());
        }
        let Some(token) = self.store.get(workspace_id).await? else {
            return Err(OAuthError::NotInstalled {
                workspace_id: workspace_id.to_owned(),
            }
            .into());
        };
        let client = self.build(token.expose())?;
        // Another task may have built one meanwhile: keep the first, so every caller shares it.
        Ok(self
            .clients()
            .entry(workspace_id.to_owned())
            .or_insert(client)
            .clone())
    }

    /// Forgets the workspace: its token leaves the store and its client the cache.
    ///
    /// ```no_run
    /// # async fn run(installations: attio::oauth::Installations) -> attio::Result<()> {
    /// installations.uninstall("14beef7a-99f7-4534-a87e-70b564330a4c").await?;
    /// # Ok(()) }
    /// ```
    pub async fn uninstall(&self, workspace_id: &str) -> Result<()> {
        self.clients().remove(workspace_id);
        self.store.remove(workspace_id).await
    }

    /// Passes `result` (of a call with the workspace's client) through, except an `401
    /// unauthorized` from Attio: the token was revoked, so the workspace is
    /// [uninstalled](Self::uninstall) and the error becomes [`OAuthError::Revoked`] naming it.
    /// Other workspaces are untouched.
    ///
    /// ```no_run
    /// # async fn run(installations: attio::oauth::Installations, ws: &str) -> attio::Result<()> {
    /// let client = installations.client(ws).await?;
    /// match installations.revoked(ws, client.whoami().await).await {
    ///     Err(attio::Error::OAuth(attio::OAuthError::Revoked { workspace_id })) => {
    ///         println!("{workspace_id} uninstalled the app");
    ///     }
    ///     other => { other?; }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn revoked<T>(&self, workspace_id: &str, result: Result<T>) -> Result<T> {
        match result {
            Err(e) if is_revoked(&e) => {
                self.uninstall(workspace_id).await?;
                Err(OAuthError::Revoked {
                    workspace_id: workspace_id.to_owned(),
                }
                .into())
            }
            other => other,
        }
    }

    fn build(&self, token: &str) -> Result<Client> {
        let builder = Client::builder();
        let builder = match &self.configure {
            Some(f) => f(builder),
            None => builder,
        };
        builder.api_key(token).base_url(&self.api_base).build()
    }

    fn clients(&self) -> MutexGuard<'_, HashMap<String, Client>> {
        // A panic elsewhere while holding the lock leaves the map whole: keep using it.
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Whether `e` is Attio refusing the token itself.
fn is_revoked(e: &Error) -> bool {
    matches!(e, Error::Api(api) if api.status == 401 || api.code == ErrorCode::Unauthorized)
}
