//! What can go wrong with an OAuth installation besides a request: a redirect whose `state` is
//! not the session's, a workspace that never installed the app, a token Attio revoked.

/// An OAuth installation's problem (see [`attio::oauth`](crate::oauth)).
///
/// ```
/// let e = attio::OAuthError::Revoked { workspace_id: "ws_1".into() };
/// assert!(e.to_string().contains("ws_1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthError {
    /// The redirect's `state` is not the one stored in this session: a forged redirect (another
    /// site sending the user's browser to the callback with its own code), or a stale one (an
    /// old tab, a session that expired). Nothing was exchanged.
    #[error(
        "the OAuth redirect's `state` does not match the one stored in this session (a forged or stale redirect); refuse it and start the authorization again"
    )]
    StateMismatch,

    /// No token is stored for this workspace: the app was never installed there, or it was
    /// uninstalled. Nothing was sent.
    #[error(
        "the app is not installed in workspace {workspace_id}: no token is stored for it; send the workspace's admin through the authorization again"
    )]
    NotInstalled {
        /// The workspace's id.
        workspace_id: String,
    },

    /// The code was exchanged, but Attio reports the new token as inactive or without a
    /// workspace (`GET /v2/self`), so there is nothing to install.
    #[error(
        "Attio reports the new OAuth token as inactive or without a workspace; ask the workspace's admin to install the app again"
    )]
    Inactive,

    /// Attio refused the workspace's token (`401`): the app was uninstalled there, or the token
    /// was revoked. The token was removed from the store; other workspaces are unaffected.
    #[error(
        "the token of workspace {workspace_id} was revoked (Attio answered 401), so it was removed; the workspace must install the app again"
    )]
    Revoked {
        /// The workspace's id.
        workspace_id: String,
    },
}
