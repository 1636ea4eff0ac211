//! Client-side rate limiting: [`RateLimits`], and the limiter every clone of a client shares.

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

/// Client-side request rates: Attio allows 100 reads and 25 writes per second per workspace.
///
/// Every clone of a [`Client`](crate::Client) shares one limiter, so concurrent work stays under
/// the limit instead of collecting 429s. Requests are paced evenly (no bursts), which keeps any
/// one-second window at or under the limit.
///
/// ```
/// let limits = attio::RateLimits::default().reads_per_second(50).writes_per_second(10);
/// let client = attio::Client::builder().api_key("token").rate_limits(limits).build()?;
///
/// let unlimited = attio::Client::builder().api_key("token").rate_limits(attio::RateLimits::unlimited()).build()?;
/// # Ok::<(), attio::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    reads: Option<NonZeroU32>,
    writes: Option<NonZeroU32>,
}

impl Default for RateLimits {
    /// Attio's documented limits: 100 reads and 25 writes per second.
    fn default() -> Self {
        RateLimits {
            reads: NonZeroU32::new(100),
            writes: NonZeroU32::new(25),
        }
    }
}

impl RateLimits {
    /// No client-side limiting (a 429 is still retried).
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").rate_limits(attio::RateLimits::unlimited()).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn unlimited() -> Self {
        RateLimits {
            reads: None,
            writes: None,
        }
    }

    /// Reads (GET, and record and entry queries) per second; 0 means unlimited.
    ///
    /// ```
    /// let limits = attio::RateLimits::default().reads_per_second(50);
    /// ```
    pub fn reads_per_second(mut self, n: u32) -> Self {
        self.reads = NonZeroU32::new(n);
        self
    }

    /// Writes (POST, PUT, PATCH, DELETE) per second; 0 means unlimited.
    ///
    /// ```
    /// let limits = attio::RateLimits::default().writes_per_second(5);
    /// ```
    pub fn writes_per_second(mut self, n: u32) -> Self {
        self.writes = NonZeroU32::new(n);
        self
    }
}

/// The shared limiters of one client.
#[derive(Clone)]
pub(crate) struct Limiter {
    reads: Option<Arc<DefaultDirectRateLimiter>>,
    writes: Option<Arc<DefaultDirectRateLimiter>>,
}

impl Limiter {
    pub(crate) fn new(limits: RateLimits) -> Self {
        let make = |n: Option<NonZeroU32>| {
            n.map(|n| {
                Arc::new(RateLimiter::direct(
                    Quota::per_second(n).allow_burst(NonZeroU32::MIN),
                ))
            })
        };
        Limiter {
            reads: make(limits.reads),
            writes: make(limits.writes),
        }
    }

    /// Waits until one more read (or write) fits under the limit.
    pub(crate) async fn acquire(&self, write: bool) {
        let limiter = if write { &self.writes } else { &self.reads };
        if let Some(limiter) = limiter {
            limiter.until_ready().await;
        }
    }
}
