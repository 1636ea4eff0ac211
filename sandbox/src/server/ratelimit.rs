//! Attio's rate limits: per-second windows for reads and writes.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Per-second request windows for reads and writes.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    /// Whether limits are enforced.
    pub enabled: bool,
    /// Reads allowed per second.
    pub reads_per_second: u32,
    /// Writes allowed per second.
    pub writes_per_second: u32,
    second: u64,
    reads: u32,
    writes: u32,
}

impl RateLimiter {
    /// A limiter with the given limits.
    pub fn new(enabled: bool, reads_per_second: u32, writes_per_second: u32) -> Self {
        Self {
            enabled,
            reads_per_second,
            writes_per_second,
            second: 0,
            reads: 0,
            writes: 0,
        }
    }

    /// Counts one request; `Err(retry_at)` if it exceeds the current second's budget. A refused
    /// request is not counted, matching Attio's "a 429 was not processed".
    pub fn check(&mut self, is_write: bool, now: SystemTime) -> Result<(), SystemTime> {
        if !self.enabled {
            return Ok(());
        }
        let secs = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        if secs != self.second {
            self.second = secs;
            self.reads = 0;
            self.writes = 0;
        }
        let (used, limit) = if is_write {
            (&mut self.writes, self.writes_per_second)
        } else {
            (&mut self.reads, self.reads_per_second)
        };
        if *used >= limit {
            return Err(UNIX_EPOCH + Duration::from_secs(secs + 1));
        }
        *used += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_reset_each_second() {
        let mut rl = RateLimiter::new(true, 2, 1);
        let t = UNIX_EPOCH + Duration::from_millis(10_500);
        assert!(rl.check(false, t).is_ok());
        assert!(rl.check(false, t).is_ok());
        assert_eq!(
            rl.check(false, t),
            Err(UNIX_EPOCH + Duration::from_secs(11))
        );
        assert!(rl.check(true, t).is_ok());
        assert!(rl.check(true, t).is_err());
        assert!(rl.check(false, t + Duration::from_millis(600)).is_ok());
        let mut off = RateLimiter::new(false, 0, 0);
        assert!(off.check(true, t).is_ok());
    }
}
