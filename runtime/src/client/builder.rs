//! [`ClientBuilder`]: the settings of a [`Client`], checked when it is built.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};

use super::body::DEFAULT_MAX_RESPONSE_BYTES;
use super::limits::{Limiter, RateLimits};
use super::retry::RetryPolicy;
use super::{Client, Counters, DEFAULT_BASE_URL, Inner, USER_AGENT_VALUE, names, transport};
use crate::error::{Error, Redactor, Result};
use crate::shared::{LimiterStore, StoreDown};

/// Builds a [`Client`]; see [`Client::builder`].
///
/// ```
/// let client = attio::Client::builder()
///     .api_key("token")
///     .timeout(std::time::Duration::from_secs(30))
///     .build()?;
/// # Ok::<(), attio::Error>(())
/// ```
#[derive(Default)]
#[must_use]
pub struct ClientBuilder {
    api_key: Option<SecretString>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: RetryPolicy,
    limits: RateLimits,
    limiter_store: Option<Arc<dyn LimiterStore>>,
    limiter_scope: Option<String>,
    limiter_store_down: StoreDown,
    schema_cache: bool,
    max_response_bytes: Option<u64>,
    merge_wait: Option<Duration>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("limits", &self.limits)
            .field("limiter_store", &self.limiter_store)
            .field("limiter_scope", &self.limiter_scope)
            .field("limiter_store_down", &self.limiter_store_down)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("merge_wait", &self.merge_wait)
            .finish()
    }
}

impl ClientBuilder {
    /// The access token sent as `Authorization: Bearer <token>`. Required.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("token").build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(SecretString::from(key.into()));
        self
    }

    /// Where to send requests (default `https://api.attio.com`). Plain `http://` is accepted only
    /// for a loopback host (a local sandbox), so a typo cannot send the token in clear text.
    ///
    /// ```
    /// let sandbox = attio::Client::builder().api_key("t").base_url("http://127.0.0.1:4010").build()?;
    /// assert!(attio::Client::builder().api_key("t").base_url("http://attio.example").build().is_err());
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The most one request may take, from sending to the last byte of the answer (default 60 s).
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").timeout(std::time::Duration::from_secs(5)).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The most connecting may take (default 10 s).
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").connect_timeout(std::time::Duration::from_secs(2)).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How failed requests are retried (default [`RetryPolicy::default`]).
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").retry_policy(attio::RetryPolicy::disabled()).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Client-side rate limits, shared by every clone of the client (default: Attio's 100 reads
    /// and 25 writes per second).
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").rate_limits(attio::RateLimits::default().writes_per_second(10)).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Keeps the rate limiter's budgets in `store` instead of this client's memory, so that every
    /// client on the same store (other processes, through `RedisStore` with the `redis` feature;
    /// or other clients of this process, through one [`MemoryLimiterStore`](crate::shared::MemoryLimiterStore))
    /// shares one budget of reads and one of writes, and a `429` one of them meets pauses them
    /// all until its `Retry-After`. Give every client the same [`RateLimits`]. When the store
    /// cannot be reached, see [`limiter_store_down`](ClientBuilder::limiter_store_down).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use attio::shared::MemoryLimiterStore;
    ///
    /// let store = Arc::new(MemoryLimiterStore::new());
    /// let client = attio::Client::builder().api_key("t").limiter_store(store).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn limiter_store(mut self, store: Arc<dyn LimiterStore>) -> Self {
        self.limiter_store = Some(store);
        self
    }

    /// The name of this client's budgets in the limiter store: `{scope}:reads` and
    /// `{scope}:writes`. By default `token-` and a hash of the API key (never the key itself), so
    /// processes on one token share a budget; Attio's limits are per workspace, so processes with
    /// different tokens of one workspace should set the same scope (the workspace's id, say).
    ///
    /// ```
    /// let client = attio::Client::builder()
    ///     .api_key("t")
    ///     .limiter_scope("14beef7a-99f7-4534-a87e-70b564330a4c")
    ///     .build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn limiter_scope(mut self, scope: impl Into<String>) -> Self {
        self.limiter_scope = Some(scope.into());
        self
    }

    /// What to do while the [`limiter_store`](ClientBuilder::limiter_store) cannot be reached:
    /// fall back to pacing this process alone ([`StoreDown::Local`], the default), or wait for
    /// the store ([`StoreDown::Wait`]). Either way a `tracing` warning says so once per outage,
    /// and [`ClientStats::limiter_store_errors`](crate::ClientStats::limiter_store_errors) counts
    /// the failures.
    ///
    /// ```
    /// use attio::shared::{MemoryLimiterStore, StoreDown};
    ///
    /// let client = attio::Client::builder()
    ///     .api_key("t")
    ///     .limiter_store(std::sync::Arc::new(MemoryLimiterStore::new()))
    ///     .limiter_store_down(StoreDown::Wait)
    ///     .build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn limiter_store_down(mut self, down: StoreDown) -> Self {
        self.limiter_store_down = down;
        self
    }

    /// Lets errors that name an attribute only by id (`Required value for attribute with ID
    /// "…"`) name its slug too: on such an error the client reads the attributes of the object
    /// or list the request was about (once per attribute), and the message and
    /// [`ApiError::named_attributes`](crate::ApiError::named_attributes) say which attribute it is. Off by default; a schema check
    /// (`client.check_schema::<T>()`) teaches the client the names of `T`'s attributes and
    /// fields either way.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").schema_cache(true).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn schema_cache(mut self, enabled: bool) -> Self {
        self.schema_cache = enabled;
        self
    }

    /// The most bytes a success answer's body may hold (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`], 64 MiB). A body past it, or a `Content-Length` announcing
    /// more, fails the request with [`Error::TooLarge`] as soon as the bound is passed: the
    /// client stops reading and drops the connection, so a broken server cannot fill memory.
    /// Error answers have their own, smaller bound, [`MAX_ERROR_BODY_BYTES`](crate::MAX_ERROR_BODY_BYTES).
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").max_response_bytes(16 * 1024 * 1024).build()?;
    /// // A bound of 0 would refuse every answer: the builder says so.
    /// assert!(attio::Client::builder().api_key("t").max_response_bytes(0).build().is_err());
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn max_response_bytes(mut self, bytes: u64) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// How long a merge waits for its new record to become readable (default 30 s). Attio
    /// answers a large merge with `202 Accepted` and applies it in the background, answering
    /// `404 merge_in_progress` for the new record meanwhile; the client reads the record again,
    /// with growing pauses (50 ms doubling to 2 s), until it can, and past this bound fails with
    /// [`Error::MergePending`], which says the merge was committed. `Duration::ZERO` reads once.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").merge_wait(std::time::Duration::from_secs(120)).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn merge_wait(mut self, wait: Duration) -> Self {
        self.merge_wait = Some(wait);
        self
    }

    /// Checks the settings and builds the client.
    ///
    /// ```
    /// let err = attio::Client::builder().api_key("t").base_url("http://example.com").build().unwrap_err();
    /// assert!(err.to_string().contains("https"));
    /// assert!(attio::Client::builder().api_key("t").base_url("http://127.0.0.1:4010").build().is_ok());
    /// assert!(attio::Client::builder().build().is_err());
    /// ```
    pub fn build(self) -> Result<Client> {
        let key = self.api_key.ok_or_else(|| {
            Error::Config("no API key: call .api_key(..) or set ATTIO_API_KEY".into())
        })?;
        let token = key.expose_secret().trim();
        if token.is_empty() {
            return Err(Error::Config("the API key is empty".into()));
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
            Error::Config("the API key contains characters that cannot be sent in a header".into())
        })?;
        auth.set_sensitive(true);

        let base_url = check_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        if self.max_response_bytes == Some(0) {
            return Err(Error::Config(format!(
                "max_response_bytes(0) would refuse every answer that has a body; leave it unset \
                 for the default of {DEFAULT_MAX_RESPONSE_BYTES} bytes (64 MiB), or pass the \
                 most bytes one answer may hold"
            )));
        }

        let scope = match self.limiter_scope {
            Some(scope) if scope.trim().is_empty() => {
                return Err(Error::Config(
                    "limiter_scope(\"\") would name no budget; leave it unset for one per API \
                     key, or pass the workspace's id"
                        .into(),
                ));
            }
            Some(scope) => scope,
            None => token_scope(token),
        };
        let http = transport::http_client(
            USER_AGENT_VALUE,
            self.timeout.unwrap_or(Duration::from_secs(60)),
            self.connect_timeout.unwrap_or(Duration::from_secs(10)),
        )?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                auth,
                max_body: self
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
                redactor: Redactor::new([SecretString::from(token.to_owned())]),
                retry: self.retry,
                limiter: Limiter::new(
                    self.limits,
                    &scope,
                    self.limiter_store,
                    self.limiter_store_down,
                ),
                stats: Counters::default(),
                names: names::AttributeNames::new(self.schema_cache),
                verified: Default::default(),
                merge_wait: self.merge_wait.unwrap_or(DEFAULT_MERGE_WAIT),
            }),
        })
    }
}

/// How long a merge waits for its new record by default.
const DEFAULT_MERGE_WAIT: Duration = Duration::from_secs(30);

/// The default limiter scope: `token-` and the first 8 bytes of the key's SHA-256, in hex. It
/// names the key in a shared store without revealing it.
fn token_scope(token: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, token.as_bytes());
    format!("token-{}", hex::encode(&digest.as_ref()[..8]))
}

/// Parses the base URL; refuses plain HTTP except to a loopback host.
fn check_base_url(raw: &str) -> Result<String> {
    let url = Url::parse(raw.trim())
        .map_err(|e| Error::Config(format!("the base URL `{raw}` is not a URL: {e}")))?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Config(format!(
            "the base URL `{raw}` must not have a query or fragment"
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config(
            "the base URL must not carry credentials; pass the token with .api_key(..)".into(),
        ));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(Error::Config(format!(
                "the base URL `{raw}` uses plain http to a host that is not loopback; use https so the token is not sent in clear text"
            )));
        }
        other => {
            return Err(Error::Config(format!(
                "the base URL `{raw}` has scheme `{other}`; expected https"
            )));
        }
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert_eq!(
            check_base_url("https://api.attio.com/").unwrap(),
            "https://api.attio.com"
        );
        assert_eq!(
            check_base_url("http://localhost:8080").unwrap(),
            "http://localhost:8080"
        );
        assert_eq!(
            check_base_url("http://[::1]:8080/").unwrap(),
            "http://[::1]:8080"
        );
        assert!(check_base_url("http://10.0.0.1").is_err());
        assert!(check_base_url("ftp://api.attio.com").is_err());
        assert!(check_base_url("https://user:pw@api.attio.com").is_err());
        assert!(check_base_url("not a url").is_err());
    }

    #[test]
    fn the_default_scope_names_the_key_without_revealing_it() {
        let scope = token_scope("secret-token");
        assert!(scope.starts_with("token-") && scope.len() == 22, "{scope}");
        assert!(!scope.contains("secret"));
        assert_eq!(scope, token_scope("secret-token"));
        assert_ne!(scope, token_scope("other-token"));
        let err = Client::builder()
            .api_key("t")
            .limiter_scope(" ")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("workspace"), "{err}");
    }
}
