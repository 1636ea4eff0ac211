//! [`Dedup`]: webhook deduplication over a [`DedupStore`], which several receivers can share, and
//! its three answers ([`Freshness`]).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::{Delivery, SeenKeys};
use crate::shared::{DedupStore, Outage, StoreError};

/// How long a key is remembered unless told otherwise: a week, so that a delivery Attio retries
/// days later is still recognised.
///
/// ```
/// assert_eq!(attio::webhooks::DEFAULT_DEDUP_TTL.as_secs(), 7 * 24 * 60 * 60);
/// ```
pub const DEFAULT_DEDUP_TTL: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// What happens while the store is down, for the warning.
const UNKNOWN_MEANWHILE: &str = "deliveries are reported as Freshness::Unknown until it is back";

/// What [`Dedup::check`] knows of a delivery.
///
/// ```
/// use attio::webhooks::Freshness;
/// # fn handle() {}
/// # fn answer(freshness: Freshness) -> u16 {
/// match freshness {
///     Freshness::New => { handle(); 200 }
///     Freshness::Seen => 200, // handled already, here or by another receiver
///     // The store cannot be reached: handle it if doing so twice is harmless, or ask Attio to
///     // come back later.
///     Freshness::Unknown => 503,
/// }
/// # }
/// # assert_eq!(answer(Freshness::Unknown), 503);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Freshness {
    /// Not seen within the time to live (or the delivery has no `Idempotency-Key`): handle it. Its
    /// key is recorded now.
    New,
    /// Seen before, by this receiver or another on the same store: a repeat.
    Seen,
    /// The store could not be reached, so it is not known: never reported as new, so that a
    /// receiver chooses (handle it anyway if that is harmless, or answer 5xx so that Attio comes
    /// back later).
    Unknown,
}

/// Webhook deduplication over a [`DedupStore`]: every receiver on the same store (several
/// replicas behind one URL, or one that restarted) sees a delivery once.
///
/// [`check`](Dedup::check) records the delivery's key for the time to live ([`DEFAULT_DEDUP_TTL`]
/// unless [`ttl`](Dedup::ttl) says otherwise) and answers [`Freshness`]: new, seen, or unknown
/// when the store cannot be reached (never "new" then: a `tracing` warning says so once per
/// outage, and [`store_errors`](Dedup::store_errors) counts). When handling fails and you answer
/// with an error so that Attio retries, call [`forget`](Dedup::forget). Cloning is cheap; clones
/// share the store.
///
/// ```
/// use attio::webhooks::{http, Dedup, Delivery, Freshness};
///
/// # async fn handle(_: &Delivery) -> Result<(), ()> { Ok(()) }
/// async fn receive(dedup: &Dedup, delivery: &Delivery) -> http::StatusCode {
///     match dedup.check(delivery).await {
///         Freshness::Seen => return http::StatusCode::OK, // already handled
///         Freshness::Unknown => return http::StatusCode::SERVICE_UNAVAILABLE, // Attio retries
///         Freshness::New => {}
///     }
///     match handle(delivery).await {
///         Ok(()) => http::StatusCode::OK,
///         Err(()) => {
///             let _ = dedup.forget(delivery).await; // let Attio's retry be handled
///             http::StatusCode::SERVICE_UNAVAILABLE
///         }
///     }
/// }
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let secret = attio::webhooks::WebhookSecret::new("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
/// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"actor":{"type":"api-token","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// # let mut headers = http::HeaderMap::new();
/// # headers.insert("attio-signature", "e08f48e5c1ce1ef149dce7d61464e74c3ae50553b89911a0390df6cad8fb6bd1".parse()?);
/// # headers.insert("idempotency-key", "5d0b7b87-1b0c-4f5d-9d4e-0d1e2f3a4b5c".parse()?);
/// // In memory here; `Dedup::new(Arc::new(RedisStore::new(url)?))` for a fleet of receivers.
/// let dedup = Dedup::in_memory(10_000);
/// let delivery = attio::webhooks::verify(&headers, body, &secret)?;
/// assert_eq!(receive(&dedup, &delivery).await, http::StatusCode::OK);
/// assert_eq!(dedup.check(&delivery).await, Freshness::Seen);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Dedup {
    store: Arc<dyn DedupStore>,
    ttl: Duration,
    outage: Arc<Outage>,
}

impl Dedup {
    /// Deduplication over `store`, keeping keys for [`DEFAULT_DEDUP_TTL`].
    ///
    /// ```no_run
    /// # #[cfg(feature = "redis")]
    /// # async fn run() -> attio::Result<()> {
    /// use std::sync::Arc;
    /// use attio::shared::RedisStore;
    /// use attio::webhooks::Dedup;
    ///
    /// let dedup = Dedup::new(Arc::new(RedisStore::new("redis://127.0.0.1:6379")?));
    /// # Ok(()) }
    /// ```
    pub fn new(store: Arc<dyn DedupStore>) -> Self {
        Dedup {
            store,
            ttl: DEFAULT_DEDUP_TTL,
            outage: Arc::new(Outage::new("webhook deduplication")),
        }
    }

    /// Deduplication in this process's memory, over a [`SeenKeys`] of `capacity` keys: for a
    /// single receiver, with the same API as a shared one.
    ///
    /// ```
    /// let dedup = attio::webhooks::Dedup::in_memory(10_000);
    /// ```
    pub fn in_memory(capacity: usize) -> Self {
        Dedup::new(Arc::new(SeenKeys::new(capacity)))
    }

    /// How long a key is remembered (default [`DEFAULT_DEDUP_TTL`], a week): a delivery seen
    /// longer ago than this is new again.
    ///
    /// ```
    /// let dedup = attio::webhooks::Dedup::in_memory(1_000).ttl(std::time::Duration::from_secs(24 * 3600));
    /// ```
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// Records the delivery's key and says whether it is new, seen, or unknown (the store could
    /// not be reached). A delivery without an `Idempotency-Key` is always new.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use attio::webhooks::{Dedup, Freshness};
    /// let dedup = Dedup::in_memory(10);
    /// assert_eq!(dedup.check_key("k").await, Freshness::New);
    /// # }
    /// ```
    pub async fn check(&self, delivery: &Delivery) -> Freshness {
        match &delivery.idempotency_key {
            Some(key) => self.check_key(key).await,
            None => Freshness::New,
        }
    }

    /// [`check`](Dedup::check) for a key itself.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use attio::webhooks::{Dedup, Freshness};
    /// let dedup = Dedup::in_memory(10);
    /// assert_eq!(dedup.check_key("k").await, Freshness::New);
    /// assert_eq!(dedup.clone().check_key("k").await, Freshness::Seen);
    /// # }
    /// ```
    pub async fn check_key(&self, key: &str) -> Freshness {
        match self.store.insert(key, self.ttl).await {
            Ok(new) => {
                self.outage.answered();
                if new { Freshness::New } else { Freshness::Seen }
            }
            Err(e) => {
                self.outage.failed(&e, UNKNOWN_MEANWHILE);
                Freshness::Unknown
            }
        }
    }

    /// Forgets the delivery's key, so that Attio's retry of it is handled: call it when handling
    /// failed. An error means the key stays (the retry would be taken for a repeat until the
    /// time to live passes): log it, or keep the delivery to handle it yourself.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), attio::shared::StoreError> {
    /// use attio::webhooks::{Dedup, Freshness};
    /// let dedup = Dedup::in_memory(10);
    /// dedup.check_key("k").await;
    /// dedup.forget_key("k").await?;
    /// assert_eq!(dedup.check_key("k").await, Freshness::New);
    /// # Ok(()) }
    /// ```
    pub async fn forget(&self, delivery: &Delivery) -> Result<(), StoreError> {
        match &delivery.idempotency_key {
            Some(key) => self.forget_key(key).await,
            None => Ok(()),
        }
    }

    /// [`forget`](Dedup::forget) for a key itself.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), attio::shared::StoreError> {
    /// attio::webhooks::Dedup::in_memory(10).forget_key("never seen").await?;
    /// # Ok(()) }
    /// ```
    pub async fn forget_key(&self, key: &str) -> Result<(), StoreError> {
        let removed = self.store.remove(key).await;
        match &removed {
            Ok(()) => self.outage.answered(),
            Err(e) => {
                self.outage.failed(e, UNKNOWN_MEANWHILE);
            }
        }
        removed
    }

    /// How many times the store could not be reached (each a [`Freshness::Unknown`] or a failed
    /// `forget`), across clones.
    ///
    /// ```
    /// assert_eq!(attio::webhooks::Dedup::in_memory(10).store_errors(), 0);
    /// ```
    pub fn store_errors(&self) -> u64 {
        self.outage.errors()
    }
}

impl fmt::Debug for Dedup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dedup")
            .field("store", &self.store)
            .field("ttl", &self.ttl)
            .field("store_errors", &self.store_errors())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use futures::future::{self, BoxFuture};

    use super::*;

    /// A store that is always down.
    #[derive(Debug)]
    struct Down;

    impl DedupStore for Down {
        fn insert<'a>(
            &'a self,
            _: &'a str,
            _: Duration,
        ) -> BoxFuture<'a, Result<bool, StoreError>> {
            Box::pin(future::ready(Err(StoreError::new("down"))))
        }
        fn remove<'a>(&'a self, _: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
            Box::pin(future::ready(Err(StoreError::new("down"))))
        }
    }

    #[tokio::test]
    async fn a_store_that_is_down_makes_every_key_unknown_never_new() {
        let dedup = Dedup::new(Arc::new(Down));
        assert_eq!(dedup.check_key("a").await, Freshness::Unknown);
        assert_eq!(dedup.check_key("a").await, Freshness::Unknown);
        assert!(dedup.forget_key("a").await.is_err());
        assert_eq!(dedup.clone().store_errors(), 3);
        let delivery = Delivery {
            webhook_id: "h".parse().unwrap(),
            events: vec![],
            idempotency_key: None,
        };
        assert_eq!(dedup.check(&delivery).await, Freshness::New, "no key");
        assert!(dedup.forget(&delivery).await.is_ok());
    }

    #[tokio::test]
    async fn in_memory_keys_live_for_their_ttl() {
        let dedup = Dedup::in_memory(10).ttl(Duration::from_millis(30));
        assert_eq!(dedup.check_key("a").await, Freshness::New);
        assert_eq!(dedup.check_key("a").await, Freshness::Seen);
        tokio::time::sleep(Duration::from_millis(40)).await;
        assert_eq!(dedup.check_key("a").await, Freshness::New);
        assert!(format!("{dedup:?}").contains("SeenKeys"));
    }
}
