//! [`Outage`]: whether a shared store is answering, told once per outage, and how often it did
//! not answer.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::StoreError;

/// Tracks a shared store's failures for one user of it (the limiter of a client, a `Dedup`): a
/// `tracing` warning when an outage starts, a note when it ends, and a count of the failures.
#[derive(Debug)]
pub(crate) struct Outage {
    /// What uses the store, for the log: "rate limiter", "webhook deduplication".
    user: &'static str,
    down: AtomicBool,
    errors: AtomicU64,
}

impl Outage {
    pub(crate) fn new(user: &'static str) -> Self {
        Outage {
            user,
            down: AtomicBool::new(false),
            errors: AtomicU64::new(0),
        }
    }

    /// The store did not answer: counts it, and warns if an outage starts (and then says
    /// `true`). `meanwhile` says what happens until it is back.
    pub(crate) fn failed(&self, error: &StoreError, meanwhile: &str) -> bool {
        self.errors.fetch_add(1, Ordering::Relaxed);
        let starts = !self.down.swap(true, Ordering::AcqRel);
        if starts {
            tracing::warn!(
                user = self.user,
                error = %error,
                "the shared store of the {} cannot be reached; {meanwhile} (warned once per outage)",
                self.user,
            );
        }
        starts
    }

    /// The store answered: if it was down, the outage is over.
    pub(crate) fn answered(&self) {
        if self.down.swap(false, Ordering::AcqRel) {
            tracing::info!(
                user = self.user,
                "the shared store of the {} answers again",
                self.user
            );
        }
    }

    /// Whether the last request to the store failed.
    pub(crate) fn is_down(&self) -> bool {
        self.down.load(Ordering::Acquire)
    }

    /// How many requests to the store failed.
    pub(crate) fn errors(&self) -> u64 {
        self.errors.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_once_per_outage_and_counts_every_failure() {
        let outage = Outage::new("test");
        assert!(!outage.is_down());
        let e = StoreError::new("down");
        assert!(outage.failed(&e, "waiting"), "an outage starts: warned");
        assert!(!outage.failed(&e, "waiting"), "the same outage: not again");
        assert!(outage.is_down());
        assert_eq!(outage.errors(), 2);
        outage.answered();
        assert!(!outage.is_down());
        assert!(outage.failed(&e, "waiting"), "a new outage: warned again");
        assert_eq!(outage.errors(), 3);
    }
}
