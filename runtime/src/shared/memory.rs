//! [`MemoryLimiterStore`]: budgets and pauses in this process's memory.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use futures::future::{self, BoxFuture};

use super::{Acquire, Budget, LimiterStore, StoreError};

/// A [`LimiterStore`] in memory: what a client uses unless given another, and what it falls back
/// to when a shared store cannot be reached.
///
/// Every client holding the same `MemoryLimiterStore` (cloning it shares it) shares its budgets,
/// in one process. Requests are spaced evenly, one every [`Budget::interval`], with no bursts:
/// the same GCRA as [`RedisStore`](crate::shared)'s script (a key's next slot; a request before it
/// waits, one at or after it goes and moves the slot an interval on), on this process's clock.
///
/// ```
/// use std::num::NonZeroU32;
/// use attio::shared::{Acquire, Budget, MemoryLimiterStore};
///
/// let store = MemoryLimiterStore::new();
/// let budget = Budget::per_second(NonZeroU32::new(10).unwrap());
/// assert_eq!(store.check("scope:reads", budget), Acquire::Go);
/// // The next slot is a tenth of a second away.
/// assert!(matches!(store.check("scope:reads", budget), Acquire::Wait(_)));
/// // Another key is another budget.
/// assert_eq!(store.check("scope:writes", budget), Acquire::Go);
/// ```
#[derive(Clone, Default)]
pub struct MemoryLimiterStore {
    keys: Arc<Mutex<HashMap<String, Key>>>,
}

#[derive(Default)]
struct Key {
    /// When the key's next request may go (its theoretical arrival time).
    next: Option<Instant>,
    paused_until: Option<Instant>,
}

impl MemoryLimiterStore {
    /// An empty store.
    ///
    /// ```
    /// let store = attio::shared::MemoryLimiterStore::new();
    /// ```
    pub fn new() -> Self {
        MemoryLimiterStore::default()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Key>> {
        self.keys.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// [`LimiterStore::acquire`], without a future: a store in memory answers at once.
    ///
    /// ```
    /// use std::num::NonZeroU32;
    /// use attio::shared::{Acquire, Budget, MemoryLimiterStore};
    ///
    /// let store = MemoryLimiterStore::new();
    /// assert_eq!(store.check("k", Budget::per_second(NonZeroU32::MIN)), Acquire::Go);
    /// ```
    pub fn check(&self, key: &str, budget: Budget) -> Acquire {
        let now = Instant::now();
        let mut keys = self.lock();
        let entry = keys.entry(key.to_owned()).or_default();
        if let Some(until) = entry.paused_until {
            if until > now {
                return Acquire::Wait(until - now);
            }
            entry.paused_until = None;
        }
        match entry.next {
            Some(next) if next > now => Acquire::Wait(next - now),
            _ => {
                entry.next = Some(now + budget.interval());
                Acquire::Go
            }
        }
    }

    /// [`LimiterStore::pause`], without a future.
    ///
    /// ```
    /// use std::num::NonZeroU32;
    /// use std::time::Duration;
    /// use attio::shared::{Acquire, Budget, MemoryLimiterStore};
    ///
    /// let store = MemoryLimiterStore::new();
    /// store.pause_for("k", Duration::from_secs(2));
    /// store.pause_for("k", Duration::from_secs(1)); // the later end is kept
    /// let Acquire::Wait(wait) = store.check("k", Budget::per_second(NonZeroU32::MIN)) else { panic!() };
    /// assert!(wait > Duration::from_millis(1500));
    /// ```
    pub fn pause_for(&self, key: &str, wait: Duration) {
        let until = Instant::now() + wait;
        let mut keys = self.lock();
        let entry = keys.entry(key.to_owned()).or_default();
        if entry.paused_until.is_none_or(|t| t < until) {
            entry.paused_until = Some(until);
        }
    }
}

impl LimiterStore for MemoryLimiterStore {
    fn acquire<'a>(
        &'a self,
        key: &'a str,
        budget: Budget,
    ) -> BoxFuture<'a, Result<Acquire, StoreError>> {
        Box::pin(future::ready(Ok(self.check(key, budget))))
    }

    fn pause<'a>(&'a self, key: &'a str, wait: Duration) -> BoxFuture<'a, Result<(), StoreError>> {
        self.pause_for(key, wait);
        Box::pin(future::ready(Ok(())))
    }
}

impl fmt::Debug for MemoryLimiterStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryLimiterStore")
            .field("keys", &self.lock().len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU32;

    use super::*;

    fn per_second(n: u32) -> Budget {
        Budget::per_second(NonZeroU32::new(n).unwrap())
    }

    #[test]
    fn spaces_requests_evenly_per_key() {
        let store = MemoryLimiterStore::new();
        assert_eq!(store.check("a", per_second(10)), Acquire::Go);
        let Acquire::Wait(wait) = store.check("a", per_second(10)) else {
            panic!("a second request at once waits")
        };
        assert!(wait <= Duration::from_millis(100), "{wait:?}");
        assert_eq!(store.check("b", per_second(10)), Acquire::Go);
        // A key's next slot stands whichever budget asks next, as in Redis: two clients with
        // different limits on one key do not reset each other's spacing.
        assert!(matches!(store.check("a", per_second(20)), Acquire::Wait(_)));
    }

    #[test]
    fn a_pause_holds_every_request_of_its_key_and_keeps_the_later_end() {
        let store = MemoryLimiterStore::new();
        store.pause_for("a", Duration::from_millis(300));
        store.pause_for("a", Duration::from_millis(100));
        let Acquire::Wait(wait) = store.check("a", per_second(1000)) else {
            panic!("paused")
        };
        assert!(wait > Duration::from_millis(200), "{wait:?}");
        assert_eq!(store.check("b", per_second(1000)), Acquire::Go);
        store.pause_for("c", Duration::ZERO);
        assert_eq!(store.check("c", per_second(1000)), Acquire::Go);
        assert_eq!(
            format!("{store:?}"),
            "MemoryLimiterStore { keys: 3 }".to_owned()
        );
    }

    #[test]
    fn clones_share_their_budgets() {
        let store = MemoryLimiterStore::new();
        let clone = store.clone();
        assert_eq!(store.check("a", per_second(1)), Acquire::Go);
        assert!(matches!(clone.check("a", per_second(1)), Acquire::Wait(_)));
    }
}
