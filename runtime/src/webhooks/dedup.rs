//! [`SeenKeys`]: the `Idempotency-Key`s of the deliveries handled lately, so a delivery Attio
//! sends again is handled once.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use futures::future::{self, BoxFuture};

use super::Delivery;
use crate::shared::{DedupStore, StoreError};

/// The idempotency keys of the last `capacity` deliveries handled: Attio delivers **at least
/// once**, and a delivery it sends again has the same [`Delivery::idempotency_key`].
///
/// [`first_time`](SeenKeys::first_time) records a delivery's key and says whether it is new;
/// when handling it fails (and you answer with an error so that Attio retries), call
/// [`forget`](SeenKeys::forget), or the retry would be skipped as a repeat. When full, the oldest
/// key is forgotten first. Cloning is cheap and clones share the keys, so it can sit in an axum
/// state. It lives in memory: several instances of a receiver, or a restart, need a shared store
/// instead: a [`Dedup`](super::Dedup) over `RedisStore` (feature `redis`), or over a
/// [`DedupStore`] of your own. `SeenKeys` is a `DedupStore` too (the one `Dedup::in_memory` uses),
/// where keys inserted through the trait also expire after their time to live.
///
/// ```
/// use attio::webhooks::{http, Delivery, SeenKeys};
///
/// # fn handle(_: &Delivery) -> Result<(), ()> { Ok(()) }
/// fn receive(seen: &SeenKeys, delivery: &Delivery) -> http::StatusCode {
///     if !seen.first_time(delivery) {
///         return http::StatusCode::OK; // delivered again: already handled
///     }
///     match handle(delivery) {
///         Ok(()) => http::StatusCode::OK,
///         Err(()) => {
///             seen.forget(delivery); // let Attio's retry be handled
///             http::StatusCode::SERVICE_UNAVAILABLE
///         }
///     }
/// }
///
/// # let secret = attio::webhooks::WebhookSecret::new("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
/// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"actor":{"type":"api-token","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// # let mut headers = http::HeaderMap::new();
/// # headers.insert("attio-signature", "e08f48e5c1ce1ef149dce7d61464e74c3ae50553b89911a0390df6cad8fb6bd1".parse()?);
/// # headers.insert("idempotency-key", "5d0b7b87-1b0c-4f5d-9d4e-0d1e2f3a4b5c".parse()?);
/// let seen = SeenKeys::new(10_000);
/// let delivery = attio::webhooks::verify(&headers, body, &secret)?;
/// assert_eq!(receive(&seen, &delivery), http::StatusCode::OK);
/// assert!(!seen.first_time(&delivery)); // the second time, it is a repeat
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SeenKeys {
    inner: Arc<Mutex<Inner>>,
}

struct Inner {
    capacity: usize,
    order: VecDeque<String>,
    /// Each key, and when it expires (`None`: when the capacity pushes it out).
    keys: HashMap<String, Option<Instant>>,
}

impl SeenKeys {
    /// Remembers up to `capacity` keys (at least 1).
    ///
    /// ```
    /// let seen = attio::webhooks::SeenKeys::new(1_000);
    /// assert!(seen.is_empty());
    /// ```
    pub fn new(capacity: usize) -> Self {
        SeenKeys {
            inner: Arc::new(Mutex::new(Inner {
                capacity: capacity.max(1),
                order: VecDeque::new(),
                keys: HashMap::new(),
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records the delivery's key; `true` if it was not seen before (handle the delivery),
    /// `false` for a repeat. A delivery without an `Idempotency-Key` is always new.
    ///
    /// ```
    /// let seen = attio::webhooks::SeenKeys::new(2);
    /// assert!(seen.first_time_key("a"));
    /// assert!(!seen.first_time_key("a"));
    /// ```
    pub fn first_time(&self, delivery: &Delivery) -> bool {
        match &delivery.idempotency_key {
            Some(key) => self.first_time_key(key),
            None => true,
        }
    }

    /// [`first_time`](SeenKeys::first_time) for a key itself.
    ///
    /// ```
    /// let seen = attio::webhooks::SeenKeys::new(2);
    /// for key in ["a", "b", "c"] {
    ///     assert!(seen.first_time_key(key));
    /// }
    /// assert!(seen.first_time_key("a"), "the oldest key was forgotten to make room");
    /// assert!(!seen.first_time_key("c"));
    /// ```
    pub fn first_time_key(&self, key: &str) -> bool {
        self.insert_until(key, None)
    }

    /// Records `key` until `expires` (or until pushed out, for `None`) unless it is there and
    /// not expired: whether it was new.
    fn insert_until(&self, key: &str, expires: Option<Instant>) -> bool {
        let mut inner = self.lock();
        match inner.keys.get(key).copied() {
            Some(None) => return false,
            Some(Some(at)) if at > Instant::now() => return false,
            Some(Some(_)) => {
                // Expired: recorded again below, as the newest.
                inner.keys.remove(key);
                inner.order.retain(|k| k != key);
            }
            None => {}
        }
        if inner.order.len() >= inner.capacity
            && let Some(oldest) = inner.order.pop_front()
        {
            inner.keys.remove(&oldest);
        }
        inner.order.push_back(key.to_owned());
        inner.keys.insert(key.to_owned(), expires);
        true
    }

    /// Forgets the delivery's key, so that the next delivery with it is handled: call it when
    /// handling failed and Attio is to retry.
    ///
    /// ```
    /// let seen = attio::webhooks::SeenKeys::new(2);
    /// seen.first_time_key("a");
    /// seen.forget_key("a");
    /// assert!(seen.first_time_key("a"));
    /// ```
    pub fn forget(&self, delivery: &Delivery) {
        if let Some(key) = &delivery.idempotency_key {
            self.forget_key(key);
        }
    }

    /// [`forget`](SeenKeys::forget) for a key itself.
    ///
    /// ```
    /// let seen = attio::webhooks::SeenKeys::new(2);
    /// seen.forget_key("never seen"); // nothing to do
    /// assert!(seen.is_empty());
    /// ```
    pub fn forget_key(&self, key: &str) {
        let mut inner = self.lock();
        if inner.keys.remove(key).is_some() {
            inner.order.retain(|k| k != key);
        }
    }

    /// How many keys are remembered.
    ///
    /// ```
    /// let seen = attio::webhooks::SeenKeys::new(10);
    /// seen.first_time_key("a");
    /// assert_eq!(seen.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.lock().order.len()
    }

    /// Whether no key is remembered.
    ///
    /// ```
    /// assert!(attio::webhooks::SeenKeys::new(10).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Keys inserted through the trait expire after `ttl`, or sooner when the capacity pushes them
/// out. Never fails.
impl DedupStore for SeenKeys {
    fn insert<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        let expires = Instant::now().checked_add(ttl);
        Box::pin(future::ready(Ok(self.insert_until(key, expires))))
    }

    fn remove<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.forget_key(key);
        Box::pin(future::ready(Ok(())))
    }
}

impl fmt::Debug for SeenKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = self.lock();
        f.debug_struct("SeenKeys")
            .field("capacity", &inner.capacity)
            .field("len", &inner.order.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_oldest_first_and_shared_by_clones() {
        let seen = SeenKeys::new(3);
        let other = seen.clone();
        for k in ["a", "b", "c"] {
            assert!(seen.first_time_key(k));
        }
        assert!(!other.first_time_key("b"));
        assert!(other.first_time_key("d")); // "a" goes
        assert_eq!(seen.len(), 3);
        assert!(seen.first_time_key("a")); // "b" goes
        assert!(seen.first_time_key("b"));
        assert!(!seen.first_time_key("d"));
        seen.forget_key("d");
        assert_eq!(seen.len(), 2);
        assert!(seen.first_time_key("d"));
        assert_eq!(format!("{seen:?}"), "SeenKeys { capacity: 3, len: 3 }");
        assert_eq!(SeenKeys::new(0).lock().capacity, 1);
    }

    #[test]
    fn a_delivery_without_a_key_is_always_new() {
        let delivery = Delivery {
            webhook_id: "h".parse().unwrap(),
            events: vec![],
            idempotency_key: None,
        };
        let seen = SeenKeys::new(3);
        assert!(seen.first_time(&delivery));
        assert!(seen.first_time(&delivery));
        assert!(seen.is_empty());
    }

    #[tokio::test]
    async fn keys_inserted_through_the_store_trait_expire() {
        let seen = SeenKeys::new(3);
        let ttl = Duration::from_millis(30);
        assert!(seen.insert("a", ttl).await.unwrap());
        assert!(!seen.insert("a", ttl).await.unwrap());
        assert!(!seen.first_time_key("a"), "the sync API sees it too");
        assert!(seen.first_time_key("b"));
        tokio::time::sleep(Duration::from_millis(40)).await;
        assert!(seen.insert("a", ttl).await.unwrap(), "expired: new again");
        assert!(!seen.insert("b", ttl).await.unwrap(), "no expiry");
        assert_eq!(seen.len(), 2);
        seen.remove("a").await.unwrap();
        assert!(seen.insert("a", ttl).await.unwrap());
    }
}
