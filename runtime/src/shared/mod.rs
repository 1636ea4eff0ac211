//! Where the rate limiter and webhook deduplication keep their state: in memory (the default), or
//! in a store that several processes share, so that together they stay under Attio's limits and
//! handle a delivery once.
//!
//! Two traits say what a store does, and the client and [`Dedup`](crate::webhooks::Dedup) hold
//! them as `Arc<dyn …>`:
//!
//! - [`LimiterStore`]: one budget per key (`{scope}:{kind}`: `token-…:reads`,
//!   `token-…:writes`, and `token-…:op:GET /v2/notes` for an operation Attio limits on its own,
//!   see [`OPERATION_LIMITS`](crate::OPERATION_LIMITS)), asked before every request ([`LimiterStore::acquire`] answers go, or wait
//!   this long), and the pause a `429`'s `Retry-After` sets ([`LimiterStore::pause`]), which
//!   every process sharing the key honours. [`MemoryLimiterStore`] keeps them in memory;
//!   [`ClientBuilder::limiter_store`](crate::ClientBuilder::limiter_store) gives a client another.
//! - [`DedupStore`]: the webhook idempotency keys seen, each for a time to live.
//!   [`SeenKeys`](crate::webhooks::SeenKeys) keeps them in memory.
//!
//! With the `redis` feature, `RedisStore` implements both over one Redis server: an atomic
//! GCRA in one Lua script per request, and `SET key 1 NX PX ttl` for deduplication. When the
//! store cannot be reached, the limiter falls back to pacing the process alone (or waits for the
//! store, see [`StoreDown`]) and deduplication answers
//! [`Freshness::Unknown`](crate::webhooks::Freshness::Unknown); either says so once per outage
//! with a `tracing` warning, and counts it. The guide's chapter
//! [processes](crate::guide::processes) tells what is shared and what is not.
//!
//! ```
//! use std::sync::Arc;
//! use attio::shared::MemoryLimiterStore;
//!
//! // Two clients built separately share one budget, as two processes on one Redis would.
//! let store = Arc::new(MemoryLimiterStore::new());
//! let a = attio::Client::builder().api_key("token").limiter_store(store.clone()).build()?;
//! let b = attio::Client::builder().api_key("token").limiter_store(store).build()?;
//! # Ok::<(), attio::Error>(())
//! ```

use std::error::Error as StdError;
use std::fmt;
use std::num::NonZeroU32;
use std::time::Duration;

use futures::future::BoxFuture;

mod memory;
mod outage;
#[cfg(feature = "redis")]
mod redis_store;

pub use memory::MemoryLimiterStore;
pub(crate) use outage::Outage;
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis_store::RedisStore;

/// How many requests a budget allows per period: the limiter spaces them evenly, one every
/// [`interval`](Budget::interval), with no bursts, so that any window of one period holds at most
/// [`requests`](Budget::requests) of them.
///
/// ```
/// use std::num::NonZeroU32;
/// use std::time::Duration;
/// use attio::shared::Budget;
///
/// let reads = Budget::per_second(NonZeroU32::new(100).unwrap());
/// assert_eq!(reads.interval(), Duration::from_millis(10));
/// let queries = Budget::new(NonZeroU32::new(5).unwrap(), Duration::from_secs(10));
/// assert_eq!(queries.interval(), Duration::from_secs(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Budget {
    requests: NonZeroU32,
    period: Duration,
}

impl Budget {
    /// `requests` per `period`.
    ///
    /// ```
    /// let b = attio::shared::Budget::new(std::num::NonZeroU32::MIN, std::time::Duration::from_secs(1));
    /// assert_eq!(b.requests().get(), 1);
    /// ```
    pub fn new(requests: NonZeroU32, period: Duration) -> Self {
        Budget { requests, period }
    }

    /// `requests` per second.
    ///
    /// ```
    /// let b = attio::shared::Budget::per_second(std::num::NonZeroU32::new(25).unwrap());
    /// assert_eq!(b.period(), std::time::Duration::from_secs(1));
    /// ```
    pub fn per_second(requests: NonZeroU32) -> Self {
        Budget::new(requests, Duration::from_secs(1))
    }

    /// The requests allowed per [`period`](Budget::period).
    ///
    /// ```
    /// let b = attio::shared::Budget::per_second(std::num::NonZeroU32::new(25).unwrap());
    /// assert_eq!(b.requests().get(), 25);
    /// ```
    pub fn requests(&self) -> NonZeroU32 {
        self.requests
    }

    /// The period the requests are counted over.
    ///
    /// ```
    /// let b = attio::shared::Budget::per_second(std::num::NonZeroU32::MIN);
    /// assert_eq!(b.period().as_secs(), 1);
    /// ```
    pub fn period(&self) -> Duration {
        self.period
    }

    /// The least time between two requests: `period / requests`.
    ///
    /// ```
    /// let b = attio::shared::Budget::per_second(std::num::NonZeroU32::new(4).unwrap());
    /// assert_eq!(b.interval(), std::time::Duration::from_millis(250));
    /// ```
    pub fn interval(&self) -> Duration {
        self.period / self.requests.get()
    }
}

/// A store's answer to [`LimiterStore::acquire`].
///
/// ```
/// use std::time::Duration;
/// use attio::shared::Acquire;
///
/// let answer = Acquire::Wait(Duration::from_millis(40));
/// assert_ne!(answer, Acquire::Go);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquire {
    /// Send the request now: it was counted against the budget.
    Go,
    /// Nothing was counted: ask again after this long (the budget's next free slot, or the end of
    /// a pause).
    Wait(Duration),
}

/// What a client does when its [`LimiterStore`] cannot be reached (see
/// [`ClientBuilder::limiter_store_down`](crate::ClientBuilder::limiter_store_down)).
///
/// ```
/// use attio::shared::StoreDown;
/// assert_eq!(StoreDown::default(), StoreDown::Local);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StoreDown {
    /// Fail open (the default): pace this process alone, with an in-memory limiter at the same
    /// limits, until the store answers again. Requests go on; several processes together may then
    /// exceed the limits, and the `429`s that follow are retried.
    #[default]
    Local,
    /// Fail closed: requests wait, asking the store again every quarter of a second, until it
    /// answers. Nothing exceeds the shared budget; nothing is sent while the store is down.
    Wait,
}

/// A store could not answer: it is unreachable, or answered something unexpected. Its `Display`
/// says what to check; the library error, if any, is its [`source`](std::error::Error::source).
///
/// ```
/// let e = attio::shared::StoreError::new("the store is read-only; point it at a primary");
/// assert_eq!(e.to_string(), "the store is read-only; point it at a primary");
/// ```
#[derive(Debug)]
pub struct StoreError {
    message: String,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl StoreError {
    /// An error that says `message` (what failed, and what to check).
    ///
    /// ```
    /// let e = attio::shared::StoreError::new("no answer within 1 s; check the network");
    /// assert!(std::error::Error::source(&e).is_none());
    /// ```
    pub fn new(message: impl Into<String>) -> Self {
        StoreError {
            message: message.into(),
            source: None,
        }
    }

    /// An error that says `message`, caused by `source` (the store client's own error).
    ///
    /// ```
    /// let io = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    /// let e = attio::shared::StoreError::with_source("Redis refused the connection; is it running?", io);
    /// assert!(std::error::Error::source(&e).is_some());
    /// ```
    pub fn with_source(
        message: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        StoreError {
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for StoreError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// Where a rate limiter keeps its budgets and pauses, so that every client using the same store
/// (in one process, or in many) shares them.
///
/// A key names one budget: the client uses `{scope}:reads` and `{scope}:writes`, where the scope
/// is [`ClientBuilder::limiter_scope`](crate::ClientBuilder::limiter_scope) (by default a hash of
/// the API key); limits of single operations, should Attio add them, fit as further kinds. The
/// methods return boxed futures, so that a client can hold the store as `Arc<dyn LimiterStore>`.
///
/// An implementation must count atomically: two processes asking at once must not both get
/// [`Acquire::Go`] for the same slot.
///
/// ```
/// use std::time::Duration;
/// use futures::future::BoxFuture;
/// use attio::shared::{Acquire, Budget, LimiterStore, MemoryLimiterStore, StoreError};
///
/// /// A store that counts how often it is asked, over the in-memory one.
/// #[derive(Debug, Default)]
/// struct Counting { inner: MemoryLimiterStore, asked: std::sync::atomic::AtomicU64 }
///
/// impl LimiterStore for Counting {
///     fn acquire<'a>(&'a self, key: &'a str, budget: Budget) -> BoxFuture<'a, Result<Acquire, StoreError>> {
///         self.asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
///         self.inner.acquire(key, budget)
///     }
///     fn pause<'a>(&'a self, key: &'a str, wait: Duration) -> BoxFuture<'a, Result<(), StoreError>> {
///         self.inner.pause(key, wait)
///     }
/// }
///
/// let client = attio::Client::builder()
///     .api_key("token")
///     .limiter_store(std::sync::Arc::new(Counting::default()))
///     .build()?;
/// # Ok::<(), attio::Error>(())
/// ```
pub trait LimiterStore: Send + Sync + fmt::Debug {
    /// Counts one request against `key`'s `budget` if it fits now and no pause is running
    /// ([`Acquire::Go`]); otherwise counts nothing and says how long to wait before asking again.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), attio::shared::StoreError> {
    /// use attio::shared::{Acquire, Budget, LimiterStore, MemoryLimiterStore};
    /// let store = MemoryLimiterStore::new();
    /// let budget = Budget::per_second(std::num::NonZeroU32::new(5).unwrap());
    /// assert_eq!(store.acquire("scope:writes", budget).await?, Acquire::Go);
    /// assert!(matches!(store.acquire("scope:writes", budget).await?, Acquire::Wait(_)));
    /// # Ok(()) }
    /// ```
    fn acquire<'a>(
        &'a self,
        key: &'a str,
        budget: Budget,
    ) -> BoxFuture<'a, Result<Acquire, StoreError>>;

    /// Pauses `key` for `wait` from now (a `429`'s `Retry-After`): until then, `acquire` answers
    /// wait. A pause that ends later is kept.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), attio::shared::StoreError> {
    /// use std::time::Duration;
    /// use attio::shared::{Acquire, Budget, LimiterStore, MemoryLimiterStore};
    /// let store = MemoryLimiterStore::new();
    /// store.pause("scope:reads", Duration::from_secs(1)).await?;
    /// let budget = Budget::per_second(std::num::NonZeroU32::new(100).unwrap());
    /// assert!(matches!(store.acquire("scope:reads", budget).await?, Acquire::Wait(_)));
    /// # Ok(()) }
    /// ```
    fn pause<'a>(&'a self, key: &'a str, wait: Duration) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// Where webhook deduplication keeps the idempotency keys it has seen, each for a time to live,
/// so that every receiver using the same store recognises a delivery another one handled.
///
/// [`SeenKeys`](crate::webhooks::SeenKeys) keeps them in memory; with the `redis` feature,
/// `RedisStore` in Redis. [`Dedup`](crate::webhooks::Dedup) asks the store and turns an error
/// into [`Freshness::Unknown`](crate::webhooks::Freshness::Unknown).
///
/// ```
/// use std::time::Duration;
/// use attio::shared::DedupStore;
/// use attio::webhooks::SeenKeys;
///
/// # async fn run() -> Result<(), attio::shared::StoreError> {
/// let store = SeenKeys::new(1_000);
/// assert!(store.insert("key", Duration::from_secs(60)).await?, "new");
/// assert!(!store.insert("key", Duration::from_secs(60)).await?, "seen");
/// store.remove("key").await?;
/// assert!(store.insert("key", Duration::from_secs(60)).await?, "new again");
/// # Ok(()) }
/// ```
pub trait DedupStore: Send + Sync + fmt::Debug {
    /// Records `key` for `ttl` unless it is there already: `true` if it was not (a new key),
    /// `false` if it was (a repeat). Atomic: of two receivers inserting one key at once, one gets
    /// `true`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), attio::shared::StoreError> {
    /// use attio::shared::DedupStore;
    /// let store = attio::webhooks::SeenKeys::new(10);
    /// assert!(store.insert("k", std::time::Duration::from_secs(60)).await?);
    /// # Ok(()) }
    /// ```
    fn insert<'a>(&'a self, key: &'a str, ttl: Duration)
    -> BoxFuture<'a, Result<bool, StoreError>>;

    /// Forgets `key`, so that its next insert is new again.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), attio::shared::StoreError> {
    /// use attio::shared::DedupStore;
    /// attio::webhooks::SeenKeys::new(10).remove("never seen").await?;
    /// # Ok(()) }
    /// ```
    fn remove<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>>;
}
