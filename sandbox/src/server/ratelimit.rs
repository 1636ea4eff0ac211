//! Attio's rate limits: per-second windows for the workspace's reads and writes, and for the
//! operations Attio limits on their own ([`OPERATION_LIMITS`]).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The operations Attio limits on their own, beside the workspace's reads and writes: method,
/// path template, requests a second. A request must fit under both.
pub const OPERATION_LIMITS: &[(&str, &str, u32)] = &[
    // "Temporarily limited to 10 requests per second."
    ("GET", "/v2/notes", 10),
    // At most one upload a second.
    ("POST", "/v2/files/upload", 1),
];

/// The row of [`OPERATION_LIMITS`] the request `method` on `segments` (the path's, decoded)
/// falls under, if any.
fn operation_limit(method: &str, segments: &[String]) -> Option<usize> {
    OPERATION_LIMITS.iter().position(|(m, template, _)| {
        let parts: Vec<&str> = template.trim_start_matches('/').split('/').collect();
        *m == method
            && parts.len() == segments.len()
            && parts
                .iter()
                .zip(segments)
                .all(|(p, s)| p.starts_with('{') || p == s)
    })
}

/// Per-second request windows for reads and writes, and for each limited operation.
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
    /// Requests this second per row of [`OPERATION_LIMITS`].
    operations: [u32; OPERATION_LIMITS.len()],
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
            operations: [0; OPERATION_LIMITS.len()],
        }
    }

    /// Counts one request, `method` on the path `segments`; `Err(retry_at)` if it exceeds the
    /// current second's budget of the workspace's reads (writes), or of its operation. A refused
    /// request is not counted, matching Attio's "a 429 was not processed".
    pub fn check(
        &mut self,
        is_write: bool,
        method: &str,
        segments: &[String],
        now: SystemTime,
    ) -> Result<(), SystemTime> {
        if !self.enabled {
            return Ok(());
        }
        let secs = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        if secs != self.second {
            self.second = secs;
            self.reads = 0;
            self.writes = 0;
            self.operations = [0; OPERATION_LIMITS.len()];
        }
        let next_second = UNIX_EPOCH + Duration::from_secs(secs + 1);
        let operation = operation_limit(method, segments);
        if let Some(row) = operation
            && self.operations[row] >= OPERATION_LIMITS[row].2
        {
            return Err(next_second);
        }
        let (used, limit) = if is_write {
            (&mut self.writes, self.writes_per_second)
        } else {
            (&mut self.reads, self.reads_per_second)
        };
        if *used >= limit {
            return Err(next_second);
        }
        *used += 1;
        if let Some(row) = operation {
            self.operations[row] += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Vec<String> {
        p.trim_start_matches('/')
            .split('/')
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn windows_reset_each_second() {
        let mut rl = RateLimiter::new(true, 2, 1);
        let t = UNIX_EPOCH + Duration::from_millis(10_500);
        let (read, write) = (path("/v2/self"), path("/v2/notes"));
        assert!(rl.check(false, "GET", &read, t).is_ok());
        assert!(rl.check(false, "GET", &read, t).is_ok());
        assert_eq!(
            rl.check(false, "GET", &read, t),
            Err(UNIX_EPOCH + Duration::from_secs(11))
        );
        assert!(rl.check(true, "POST", &write, t).is_ok());
        assert!(rl.check(true, "POST", &write, t).is_err());
        assert!(
            rl.check(false, "GET", &read, t + Duration::from_millis(600))
                .is_ok()
        );
        let mut off = RateLimiter::new(false, 0, 0);
        assert!(off.check(true, "POST", &write, t).is_ok());
    }

    #[test]
    fn listing_notes_is_limited_on_its_own_within_the_reads() {
        let mut rl = RateLimiter::new(true, 100, 25);
        let t = UNIX_EPOCH + Duration::from_millis(20_100);
        let (notes, note) = (path("/v2/notes"), path("/v2/notes/n1"));
        for _ in 0..10 {
            assert!(rl.check(false, "GET", &notes, t).is_ok());
        }
        assert_eq!(
            rl.check(false, "GET", &notes, t),
            Err(UNIX_EPOCH + Duration::from_secs(21))
        );
        assert!(
            rl.check(false, "GET", &note, t).is_ok(),
            "a note: reads only"
        );
        assert!(
            rl.check(true, "POST", &notes, t).is_ok(),
            "a create: writes only"
        );
        assert!(rl.check(true, "POST", &path("/v2/files/upload"), t).is_ok());
        assert!(
            rl.check(true, "POST", &path("/v2/files/upload"), t)
                .is_err()
        );
        assert!(
            rl.check(false, "GET", &notes, t + Duration::from_secs(1))
                .is_ok()
        );
    }
}
