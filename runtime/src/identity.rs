//! Who the access token is, and whether it can do what a job needs: [`Client::whoami`] and
//! [`Client::require_scopes`].

use crate::client::Client;
use crate::error::{Error, Result, ScopeError};
use crate::operation;
use crate::values::Scope;
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
        let identity = self.whoami().await?;
        let missing = identity.scopes.missing(needed);
        if identity.active && missing.is_empty() {
            return Ok(identity);
        }
        Err(Error::Scopes(ScopeError {
            workspace: identity.workspace.as_ref().map(|w| w.name.clone()),
            active: identity.active,
            missing,
        }))
    }
}
