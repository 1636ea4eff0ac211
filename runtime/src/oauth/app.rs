//! The app's side of Attio's authorization code flow: the authorize URL and its `state`, and the
//! exchange of the redirect's code for an [`Installation`].

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::client::{Client, DEFAULT_BASE_URL};
use crate::error::{Error, OAuthError, Redactor, Result};
use crate::values::{Scopes, WorkspaceId};

use super::store::AccessToken;

/// What a query parameter's value escapes: all but RFC 3986's unreserved characters.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Where Attio's consent screen is (`{host}/authorize`).
pub const DEFAULT_AUTHORIZE_HOST: &str = "https://app.attio.com";
/// Where a code is exchanged for a token.
pub const DEFAULT_TOKEN_URL: &str = "https://app.attio.com/oauth/token";

/// An OAuth app registered in Attio's developer dashboard: its client id and secret, and the
/// redirect URI the dashboard lists. The secret never appears in `Debug`.
///
/// ```
/// let app = attio::oauth::OAuthApp::new("client-id", "client-secret", "https://example.com/callback");
/// assert!(!format!("{app:?}").contains("client-secret"));
/// ```
#[derive(Clone)]
pub struct OAuthApp {
    client_id: String,
    client_secret: SecretString,
    redirect_uri: String,
    authorize_host: String,
    token_url: String,
    api_base: String,
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("redirect_uri", &self.redirect_uri)
            .field("authorize_host", &self.authorize_host)
            .field("token_url", &self.token_url)
            .field("api_base", &self.api_base)
            .finish()
    }
}

impl OAuthApp {
    /// The app with Attio's own hosts (see [`authorize_host`](Self::authorize_host),
    /// [`token_url`](Self::token_url) and [`api_base`](Self::api_base) to point it elsewhere, at
    /// a sandbox, say).
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "https://example.com/callback");
    /// ```
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        OAuthApp {
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
            redirect_uri: redirect_uri.into(),
            authorize_host: DEFAULT_AUTHORIZE_HOST.to_owned(),
            token_url: DEFAULT_TOKEN_URL.to_owned(),
            api_base: DEFAULT_BASE_URL.to_owned(),
        }
    }

    /// The host of the consent screen (default `https://app.attio.com`); the user is sent to
    /// `{host}/authorize`.
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "http://localhost/cb")
    ///     .authorize_host("http://127.0.0.1:4010");
    /// assert!(app.authorize_url().0.starts_with("http://127.0.0.1:4010/authorize?"));
    /// ```
    pub fn authorize_host(mut self, host: impl Into<String>) -> Self {
        self.authorize_host = host.into().trim_end_matches('/').to_owned();
        self
    }

    /// The URL a code is exchanged at (default `https://app.attio.com/oauth/token`).
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "http://localhost/cb")
    ///     .token_url("http://127.0.0.1:4010/oauth/token");
    /// ```
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        self.token_url = url.into();
        self
    }

    /// The API the tokens are for (default `https://api.attio.com`): where
    /// [`exchange`](Self::exchange) asks `/v2/self` which workspace installed the app.
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "http://localhost/cb")
    ///     .api_base("http://127.0.0.1:4010");
    /// assert_eq!(app.api_base_url(), "http://127.0.0.1:4010");
    /// ```
    pub fn api_base(mut self, url: impl Into<String>) -> Self {
        self.api_base = url.into();
        self
    }

    /// The API base URL (see [`api_base`](Self::api_base)).
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "http://localhost/cb");
    /// assert_eq!(app.api_base_url(), "https://api.attio.com");
    /// ```
    pub fn api_base_url(&self) -> &str {
        &self.api_base
    }

    /// The app's client id.
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "http://localhost/cb");
    /// assert_eq!(app.client_id(), "id");
    /// ```
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Where to send the user to install the app, and the [`CsrfState`] to keep in their
    /// session until Attio redirects back: `{host}/authorize?client_id=…&response_type=code&
    /// redirect_uri=…&state=…`, with a fresh random `state` (128 bits, hex) each call.
    ///
    /// ```
    /// let app = attio::oauth::OAuthApp::new("id", "secret", "https://example.com/callback");
    /// let (url, state) = app.authorize_url();
    /// assert!(url.starts_with("https://app.attio.com/authorize?client_id=id&response_type=code"));
    /// assert!(url.ends_with(&format!("&state={}", state.as_str())));
    /// assert_eq!(state.as_str().len(), 32);
    /// ```
    pub fn authorize_url(&self) -> (String, CsrfState) {
        let state = CsrfState::random();
        let url = format!(
            "{}/authorize?client_id={}&response_type=code&redirect_uri={}&state={}",
            self.authorize_host,
            utf8_percent_encode(&self.client_id, QUERY_VALUE),
            utf8_percent_encode(&self.redirect_uri, QUERY_VALUE),
            state.0,
        );
        (url, state)
    }

    /// Exchanges the redirect's `code` for an access token (`POST` to the token URL, form
    /// fields `client_id`, `client_secret`, `grant_type=authorization_code`, `code`), then asks
    /// `GET /v2/self` with the new token which workspace installed the app. Check the redirect's
    /// `state` first ([`CsrfState::check`]).
    ///
    /// A code Attio refuses (unknown, used, expired) is an [`Error::Api`] with Attio's code; a
    /// token Attio reports inactive is [`OAuthError::Inactive`]; an answer without a token is an
    /// [`Error::Config`] (the token URL is not Attio's). The client secret and the token appear
    /// in no error.
    ///
    /// ```no_run
    /// # async fn run(app: attio::oauth::OAuthApp, code: &str) -> attio::Result<()> {
    /// let installation = app.exchange(code).await?;
    /// println!("installed in {}", installation.workspace_name);
    /// # Ok(()) }
    /// ```
    pub async fn exchange(&self, code: &str) -> Result<Installation> {
        let redactor = Redactor::new([self.client_secret.clone()]);
        let body = Client::post_form(
            &self.token_url,
            &[
                ("client_id", &self.client_id),
                ("client_secret", self.client_secret.expose_secret()),
                ("grant_type", "authorization_code"),
                ("code", code),
            ],
            &redactor,
        )
        .await?;
        #[derive(Deserialize)]
        struct Token {
            access_token: String,
            #[serde(default)]
            token_type: Option<String>,
        }
        let token: Token = serde_json::from_slice(&body).map_err(|e| {
            Error::Config(format!(
                "the OAuth token endpoint {} answered 200 without an `access_token` (at line {}, column {}); check that the token URL is Attio's",
                self.token_url,
                e.line(),
                e.column()
            ))
        })?;
        if let Some(kind) = token
            .token_type
            .filter(|t| !t.eq_ignore_ascii_case("bearer"))
        {
            return Err(Error::Config(format!(
                "the OAuth token endpoint {} issued a `{kind}` token, not a bearer token; check that the token URL is Attio's",
                self.token_url
            )));
        }
        let access_token = SecretString::from(token.access_token);
        let client = Client::builder()
            .api_key(access_token.expose_secret())
            .base_url(&self.api_base)
            .build()?;
        let me = client.whoami().await?;
        let Some(workspace) = me.workspace.filter(|_| me.active) else {
            return Err(OAuthError::Inactive.into());
        };
        Ok(Installation {
            workspace_id: workspace.id,
            workspace_name: workspace.name,
            workspace_slug: workspace.slug,
            scopes: me.scopes,
            access_token,
        })
    }
}

/// The `state` of one authorization, kept in the user's session between
/// [`OAuthApp::authorize_url`] and the redirect, and checked against the redirect's.
///
/// ```
/// let app = attio::oauth::OAuthApp::new("id", "secret", "https://example.com/callback");
/// let (_url, state) = app.authorize_url();
/// let stored = state.as_str().to_owned(); // in the session
/// let state = attio::oauth::CsrfState::from_stored(stored);
/// assert!(state.check("forged").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrfState(String);

impl CsrfState {
    fn random() -> Self {
        let mut bytes = [0u8; 16];
        // The operating system's generator. It does not fail on the systems this crate supports;
        // if it ever did, fastrand (seeded per process, but not a cryptographic generator) keeps
        // the flow going rather than panic, with a warning, since the state is then weaker.
        if let Err(e) = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes)
        {
            tracing::warn!(error = %e, "the system's random generator failed; the OAuth state comes from a weaker one");
            bytes.iter_mut().for_each(|b| *b = fastrand::u8(..));
        }
        CsrfState(hex::encode(bytes))
    }

    /// A state read back from the session.
    ///
    /// ```
    /// let state = attio::oauth::CsrfState::from_stored("00ff");
    /// assert_eq!(state.as_str(), "00ff");
    /// ```
    pub fn from_stored(state: impl Into<String>) -> Self {
        CsrfState(state.into())
    }

    /// The text to keep in the session.
    ///
    /// ```
    /// assert_eq!(attio::oauth::CsrfState::from_stored("ab").as_str(), "ab");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the redirect's `state` is this one, compared in constant time: `Ok`, or
    /// [`OAuthError::StateMismatch`] for a forged or stale redirect (refuse it; do not exchange
    /// its code).
    ///
    /// ```
    /// let state = attio::oauth::CsrfState::from_stored("0123abcd");
    /// assert!(state.check("0123abcd").is_ok());
    /// assert_eq!(state.check("0123abce"), Err(attio::OAuthError::StateMismatch));
    /// ```
    pub fn check(&self, returned: &str) -> std::result::Result<(), OAuthError> {
        let (a, b) = (self.0.as_bytes(), returned.as_bytes());
        let differ = a
            .iter()
            .zip(b)
            .fold(u8::from(a.len() != b.len()), |acc, (x, y)| acc | (x ^ y));
        if differ == 0 && !a.is_empty() {
            Ok(())
        } else {
            Err(OAuthError::StateMismatch)
        }
    }
}

/// One workspace's installation of the app: which workspace, what it granted, and the access
/// token (never in `Debug`). Hand it to [`Installations::install`](super::Installations::install).
///
/// ```no_run
/// # async fn run(app: attio::oauth::OAuthApp) -> attio::Result<()> {
/// let installation = app.exchange("code").await?;
/// assert!(!format!("{installation:?}").contains(installation.access_token()));
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct Installation {
    /// The workspace that installed the app.
    pub workspace_id: WorkspaceId,
    /// Its name.
    pub workspace_name: String,
    /// Its slug (as in `app.attio.com/{slug}`).
    pub workspace_slug: String,
    /// The scopes the token holds.
    pub scopes: Scopes,
    access_token: SecretString,
}

impl Installation {
    /// The access token, for a store that keeps it (encrypt it at rest).
    ///
    /// ```no_run
    /// # fn run(installation: attio::oauth::Installation) {
    /// let token: &str = installation.access_token();
    /// # }
    /// ```
    pub fn access_token(&self) -> &str {
        self.access_token.expose_secret()
    }

    pub(crate) fn token(&self) -> AccessToken {
        AccessToken::new(self.access_token.expose_secret())
    }
}

impl fmt::Debug for Installation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Installation")
            .field("workspace_id", &self.workspace_id)
            .field("workspace_name", &self.workspace_name)
            .field("workspace_slug", &self.workspace_slug)
            .field("scopes", &self.scopes)
            .field("access_token", &"[redacted]")
            .finish()
    }
}
