//! Where installations' tokens are kept: the [`TokenStore`] trait, and [`MemoryTokenStore`].

use std::collections::HashMap;
use std::sync::Mutex;

use futures::future::{self, BoxFuture};
use secrecy::{ExposeSecret, SecretString};

use crate::error::Result;

/// A workspace's access token: never in `Debug`; [`expose`](Self::expose) reads it, for a
/// store that keeps it.
///
/// ```
/// let token = attio::oauth::AccessToken::new("oauth-token-123");
/// assert_eq!(token.expose(), "oauth-token-123");
/// assert!(!format!("{token:?}").contains("oauth-token-123"));
/// ```
#[derive(Clone)]
pub struct AccessToken(SecretString);

impl AccessToken {
    /// A token read from a store.
    ///
    /// ```
    /// let token = attio::oauth::AccessToken::new("t");
    /// ```
    pub fn new(token: impl Into<String>) -> Self {
        AccessToken(SecretString::from(token.into()))
    }

    /// The token's text.
    ///
    /// ```
    /// assert_eq!(attio::oauth::AccessToken::new("t").expose(), "t");
    /// ```
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessToken([redacted])")
    }
}

/// Keeps each workspace's access token, by workspace id. The futures are boxed so that the
/// trait stays object safe (`Arc<dyn TokenStore>`). Keep tokens encrypted at rest in a real
/// store; an error is an [`Error`](crate::Error) (an [`Error::Config`](crate::Error::Config)
/// naming the store's failure, say).
///
/// One backed by the application's database (a sketch; `Db` stands for your pool):
///
/// ```no_run
/// use attio::oauth::TokenStore;
/// use attio::oauth::AccessToken;
/// use futures::future::BoxFuture;
///
/// # struct Db;
/// # impl Db {
/// #     async fn select_token(&self, _: &str) -> Result<Option<String>, String> { Ok(None) }
/// #     async fn upsert_token(&self, _: &str, _: &str) -> Result<(), String> { Ok(()) }
/// #     async fn delete_token(&self, _: &str) -> Result<(), String> { Ok(()) }
/// # }
/// struct DbTokens(Db);
///
/// fn db_error(e: String) -> attio::Error {
///     attio::Error::Config(format!("the token table could not be read or written: {e}"))
/// }
///
/// impl TokenStore for DbTokens {
///     fn get<'a>(&'a self, workspace_id: &'a str) -> BoxFuture<'a, attio::Result<Option<AccessToken>>> {
///         Box::pin(async move {
///             let token = self.0.select_token(workspace_id).await.map_err(db_error)?;
///             Ok(token.map(AccessToken::new))
///         })
///     }
///     fn put<'a>(&'a self, workspace_id: &'a str, token: AccessToken) -> BoxFuture<'a, attio::Result<()>> {
///         Box::pin(async move {
///             self.0.upsert_token(workspace_id, token.expose()).await.map_err(db_error)
///         })
///     }
///     fn remove<'a>(&'a self, workspace_id: &'a str) -> BoxFuture<'a, attio::Result<()>> {
///         Box::pin(async move { self.0.delete_token(workspace_id).await.map_err(db_error) })
///     }
/// }
///
/// let installations = attio::oauth::Installations::new(std::sync::Arc::new(DbTokens(Db)));
/// ```
pub trait TokenStore: Send + Sync {
    /// The workspace's token, or `None` when it has none.
    fn get<'a>(&'a self, workspace_id: &'a str) -> BoxFuture<'a, Result<Option<AccessToken>>>;
    /// Keeps `token` as the workspace's, replacing any before it.
    fn put<'a>(&'a self, workspace_id: &'a str, token: AccessToken) -> BoxFuture<'a, Result<()>>;
    /// Forgets the workspace's token (nothing when it has none).
    fn remove<'a>(&'a self, workspace_id: &'a str) -> BoxFuture<'a, Result<()>>;
}

/// Tokens in this process's memory: the default, for tests and single-process apps (they are
/// lost on restart).
///
/// ```
/// # async fn run() -> attio::Result<()> {
/// use attio::oauth::{MemoryTokenStore, TokenStore};
/// let store = MemoryTokenStore::default();
/// store.put("ws_1", attio::oauth::AccessToken::new("token-1")).await?;
/// assert!(store.get("ws_1").await?.is_some());
/// store.remove("ws_1").await?;
/// assert!(store.get("ws_1").await?.is_none());
/// # Ok(()) }
/// ```
#[derive(Default)]
pub struct MemoryTokenStore {
    tokens: Mutex<HashMap<String, AccessToken>>,
}

impl std::fmt::Debug for MemoryTokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemoryTokenStore { .. }")
    }
}

impl MemoryTokenStore {
    fn tokens(&self) -> std::sync::MutexGuard<'_, HashMap<String, AccessToken>> {
        // A panic elsewhere while holding the lock leaves the map whole: keep using it.
        self.tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl TokenStore for MemoryTokenStore {
    fn get<'a>(&'a self, workspace_id: &'a str) -> BoxFuture<'a, Result<Option<AccessToken>>> {
        Box::pin(future::ready(Ok(self.tokens().get(workspace_id).cloned())))
    }

    fn put<'a>(&'a self, workspace_id: &'a str, token: AccessToken) -> BoxFuture<'a, Result<()>> {
        self.tokens().insert(workspace_id.to_owned(), token);
        Box::pin(future::ready(Ok(())))
    }

    fn remove<'a>(&'a self, workspace_id: &'a str) -> BoxFuture<'a, Result<()>> {
        self.tokens().remove(workspace_id);
        Box::pin(future::ready(Ok(())))
    }
}
