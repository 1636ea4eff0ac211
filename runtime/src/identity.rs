//! Who the access token is, and whether it can do what a job needs: [`Client::whoami`] and
//! [`Client::require_scopes`].

use crate::client::Client;
use crate::error::{Error, Result, ScopeError};
use crate::operation;
use crate::operation::Method;
use crate::values::{Scope, TokenLevel};
use crate::wire::Identity;

impl Client {
    /// `GET /v2/self`: the token's workspace and scopes. Needs no scope.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let me = client.whoami().await?;
    /// if let Some(workspace) = &me.workspace {
    ///     println!("{} ({}): {}", workspace.name, workspace.slug, me.scopes);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn whoami(&self) -> Result<Identity> {
        self.execute(operation::identity::whoami()).await
    }

    /// Checks, before a job starts, that the token is active and holds every scope in `needed`
    /// (`read-write` satisfies `read`): the token's [`Identity`], or one [`Error::Scopes`] listing
    /// every missing scope, instead of a 403 halfway through the job.
    ///
    /// ```no_run
    /// use attio::{Resource, Scope};
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client
    ///     .require_scopes([
    ///         Scope::read_write(Resource::RecordPermission),
    ///         Scope::read(Resource::ObjectConfiguration),
    ///         Scope::read_write(Resource::Note),
    ///     ])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn require_scopes(
        &self,
        needed: impl IntoIterator<Item = Scope>,
    ) -> Result<Identity> {
        self.require_access(needed, []).await
    }

    /// As [`Client::require_scopes`], and also checks that the token's level suits each of
    /// `operations` (method and path, a template or a concrete path): a few of Attio's operations
    /// (listing meetings, transcripts, emails, webhooks; see [`TokenLevel::supported_by`]) accept
    /// only a workspace-level token, and a member's (user-level) token is refused with one
    /// [`Error::Scopes`] naming them, before the job starts.
    ///
    /// ```no_run
    /// use attio::{Method, Resource, Scope};
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client
    ///     .require_access(
    ///         [Scope::read(Resource::Meeting), Scope::read(Resource::RecordPermission)],
    ///         [(Method::Get, "/v2/meetings"), (Method::Get, "/v2/notes")],
    ///     )
    ///     .await?; // a user-level token: "… GET /v2/meetings needs a workspace-level token …"
    /// # Ok(()) }
    /// ```
    pub async fn require_access<'a>(
        &self,
        needed: impl IntoIterator<Item = Scope>,
        operations: impl IntoIterator<Item = (Method, &'a str)>,
    ) -> Result<Identity> {
        let identity = self.whoami().await?;
        let missing = identity.scopes.missing(needed);
        let wrong_level: Vec<String> = match identity.token_level {
            Some(level) => operations
                .into_iter()
                .filter(|(method, path)| {
                    !TokenLevel::supported_by(method.as_str(), path).contains(&level)
                })
                .map(|(method, path)| format!("{} {path}", method.as_str()))
                .collect(),
            // Attio did not say: nothing to hold against the token.
            None => Vec::new(),
        };
        if identity.active && missing.is_empty() && wrong_level.is_empty() {
            return Ok(identity);
        }
        Err(Error::Scopes(ScopeError {
            workspace: identity.workspace.as_ref().map(|w| w.name.clone()),
            active: identity.active,
            missing,
            token_level: identity.token_level,
            wrong_level,
        }))
    }
}
