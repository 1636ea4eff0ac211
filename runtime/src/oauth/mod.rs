//! OAuth installs across workspaces: an app that many Attio workspaces install, each with its own
//! token and its own [`Client`](crate::Client).
//!
//! The flow (Attio's authorization code grant; see the [guide](crate::guide::oauth)):
//!
//! 1. [`OAuthApp::authorize_url`] gives the URL of Attio's consent screen and a [`CsrfState`] to
//!    keep in the user's session.
//! 2. Attio redirects back to the app's redirect URI with `code` and `state`; the app checks the
//!    state ([`CsrfState::check`]) and refuses a forged or stale redirect.
//! 3. [`OAuthApp::exchange`] trades the code for a token and learns, from `GET /v2/self`, which
//!    workspace installed the app: an [`Installation`].
//! 4. [`Installations::install`] keeps the token in a [`TokenStore`] (in memory by default);
//!    [`Installations::client`] hands out that workspace's client, the same one each time.
//!
//! ```no_run
//! use attio::oauth::{CsrfState, Installations, OAuthApp};
//!
//! # async fn run(returned_code: &str, returned_state: &str, session_state: String) -> attio::Result<()> {
//! let app = OAuthApp::new("client-id", "client-secret", "https://example.com/oauth/callback");
//! let (url, state) = app.authorize_url(); // redirect the user to `url`, keep `state`
//! // ... later, in the callback:
//! CsrfState::from_stored(session_state).check(returned_state)?;
//! let installations = Installations::memory();
//! let installed = installations.install(app.exchange(returned_code).await?).await?;
//! let client = installations.client(installed.workspace_id.as_str()).await?;
//! # Ok(()) }
//! ```

mod app;
mod installations;
mod store;

pub use app::{CsrfState, DEFAULT_AUTHORIZE_HOST, DEFAULT_TOKEN_URL, Installation, OAuthApp};
pub use installations::Installations;
pub use store::{AccessToken, MemoryTokenStore, TokenStore};
