//! Retries as a policy value, and the classification of failures it decides on.

use std::time::{Duration, SystemTime};

use crate::error::{Error, ErrorCode, TransportKind};

/// When and how often a failed request is tried again.
///
/// # What is retried
///
/// | failure | retried? |
/// |---|---|
/// | `429 rate_limit_exceeded` | always: Attio did not process the request. Waits until `Retry-After` (an HTTP date, or seconds), or backs off when absent. The same for the score-based limits of list queries (`…/records/query`, `…/entries/query`), whose `Retry-After` can be seconds away; one that outlasts the retries says the query may be too complex |
/// | `409 concurrent_write_conflict` | always, creates and multiselect appends included: another request changed the record while Attio validated this write, and nothing was applied ([`Outcome::NotApplied`](crate::Outcome::NotApplied)); Attio says to try again |
/// | the connection could not be made (the request never left) | always |
/// | a TLS failure | never: an untrusted certificate stays untrusted |
/// | `5xx`, a timeout, a connection dropped mid-request | only when repeating the request cannot change the outcome: reads, queries, `PUT`, `DELETE`, and a `PATCH` of an object with no multiselect fields; a create or a multiselect append is not sent again blindly but *resolved* (below), or retried blindly with [`RetryPolicy::retry_non_idempotent`] |
/// | any other `4xx` | never: the request itself is wrong |
///
/// A create or a multiselect append whose outcome is unknown is resolved by reading Attio back:
/// an append sends again only the values the record does not show yet; a create on a struct with
/// a unique field (marked `#[attio(unique)]`, or unique in the live schema once the client has
/// checked the struct with [`Client::check_schema`](crate::Client::check_schema)) is sent again
/// and, if that meets a `uniqueness_conflict`, the record holding the unique value is returned.
/// For a multi-valued unique field (`#[attio(unique)] email_addresses: Vec<EmailAddress>`,
/// `domains: Vec<Domain>`) that is the one record holding *every* value of the create; values
/// spread over several records are a real conflict, reported as
/// [`Error::UniqueValuesHeld`](crate::Error::UniqueValuesHeld) with the record holding each value.
/// Up to [`RetryPolicy::max_attempts`] rounds, each after a backoff. A create without a unique
/// field cannot be resolved and fails with [`Error::Unresolved`](crate::Error::Unresolved).
///
/// The error that reaches you says, through [`Error::outcome`](crate::Error::outcome), whether
/// the request might have been applied: a write that met a `5xx` or a dropped connection and
/// could not be resolved is [`Outcome::Unknown`](crate::Outcome::Unknown).
///
/// Waits grow exponentially from [`RetryPolicy::initial_backoff`] with full jitter, capped by
/// [`RetryPolicy::max_backoff`]; no retry starts after [`RetryPolicy::max_attempts`] attempts or
/// once [`RetryPolicy::max_elapsed`] has passed.
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use attio::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(8)
///     .max_elapsed(Duration::from_secs(120));
/// let client = attio::Client::builder().api_key("token").retry_policy(policy).build()?;
///
/// let no_retries = attio::Client::builder().api_key("token").retry_policy(RetryPolicy::disabled()).build()?;
/// # Ok::<(), attio::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    max_attempts: u32,
    max_elapsed: Duration,
    initial_backoff: Duration,
    max_backoff: Duration,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// Up to 6 attempts within 60 s, backing off from 200 ms to at most 10 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 6,
            max_elapsed: Duration::from_secs(60),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// Never retry: every failure reaches the caller at once.
    ///
    /// ```
    /// assert_eq!(attio::RetryPolicy::disabled().attempts(), 1);
    /// ```
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The most attempts per request, the first included (at least 1).
    ///
    /// ```
    /// let policy = attio::RetryPolicy::default().max_attempts(3);
    /// assert_eq!(policy.attempts(), 3);
    /// ```
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// No retry starts once this long has passed since the first attempt.
    ///
    /// ```
    /// let policy = attio::RetryPolicy::default().max_elapsed(std::time::Duration::from_secs(10));
    /// ```
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// The wait before the first retry, doubled for each further one (before jitter).
    ///
    /// ```
    /// let policy = attio::RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(50));
    /// ```
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest wait between two attempts, `Retry-After` included.
    ///
    /// ```
    /// let policy = attio::RetryPolicy::default().max_backoff(std::time::Duration::from_secs(2));
    /// ```
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// Also retry creates and multiselect appends after a `5xx` or a dropped connection by sending
    /// them again as they are, accepting that a request Attio did process may be applied twice
    /// (by default they are resolved by reading Attio back instead; see above).
    ///
    /// ```
    /// let policy = attio::RetryPolicy::default().retry_non_idempotent(true);
    /// ```
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.retry_non_idempotent = yes;
        self
    }

    /// The most attempts per request.
    ///
    /// ```
    /// assert_eq!(attio::RetryPolicy::default().attempts(), 6);
    /// ```
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// What to do after attempt number `attempt` (1-based) failed with `failure`, `elapsed` after the
    /// first attempt started.
    pub(crate) fn decide(
        &self,
        failure: &Failure,
        idempotent: bool,
        attempt: u32,
        elapsed: Duration,
    ) -> Decision {
        let reason = match failure {
            Failure::RateLimited { .. } => RetryReason::RateLimited,
            Failure::Conflict => RetryReason::ConcurrentWrite,
            Failure::NotSent => RetryReason::NotSent,
            Failure::Server | Failure::Interrupted if idempotent || self.retry_non_idempotent => {
                match failure {
                    Failure::Server => RetryReason::ServerError,
                    _ => RetryReason::Interrupted,
                }
            }
            Failure::Server | Failure::Interrupted => {
                return Decision::Stop(StopReason::NotIdempotent);
            }
            Failure::Final => return Decision::Stop(StopReason::NotRetryable),
        };
        if attempt >= self.max_attempts {
            return Decision::Stop(StopReason::AttemptsExhausted);
        }
        let backoff = self.backoff(attempt);
        let wait = match failure {
            Failure::RateLimited {
                retry_after: Some(at),
            } => (*at).min(self.max_backoff),
            _ => backoff,
        };
        if elapsed + wait > self.max_elapsed {
            return Decision::Stop(StopReason::OutOfTime);
        }
        Decision::Retry { wait, reason }
    }

    /// Exponential backoff with full jitter for the retry after attempt `attempt`.
    pub(super) fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(1u32 << (attempt - 1).min(16))
            .min(self.max_backoff);
        // Full jitter, but never less than a tenth of the base, so a retry is never instant.
        let floor = exp / 10;
        floor + exp.saturating_sub(floor).mul_f64(fastrand::f64())
    }
}

/// How an attempt failed, as far as retrying is concerned.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Failure {
    /// 429: not processed. `retry_after` is how long Attio asks to wait.
    RateLimited { retry_after: Option<Duration> },
    /// 409 `concurrent_write_conflict`.
    Conflict,
    /// The connection could not be made: the request never left.
    NotSent,
    /// A 5xx answer.
    Server,
    /// A timeout or a connection lost after the request may have been sent.
    Interrupted,
    /// Anything else: retrying cannot help.
    Final,
}

impl Failure {
    /// How `error`, the result of one attempt, bears on retrying; `retry_after` is the answer's
    /// `Retry-After`, if any.
    pub(crate) fn of(error: &Error, retry_after: Option<Duration>) -> Failure {
        match error {
            Error::Transport { kind, .. } => match kind {
                TransportKind::Connect => Failure::NotSent,
                // A certificate the client does not trust stays untrusted.
                TransportKind::Tls => Failure::Final,
                _ => Failure::Interrupted,
            },
            _ => match (error.status(), error.code()) {
                (Some(429), _) => Failure::RateLimited { retry_after },
                (Some(409), Some(ErrorCode::ConcurrentWriteConflict)) => Failure::Conflict,
                (Some(500..=599), _) => Failure::Server,
                _ => Failure::Final,
            },
        }
    }
}

/// The policy's verdict.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decision {
    Retry { wait: Duration, reason: RetryReason },
    Stop(StopReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryReason {
    RateLimited,
    ConcurrentWrite,
    NotSent,
    ServerError,
    Interrupted,
}

impl RetryReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RetryReason::RateLimited => "rate_limited",
            RetryReason::ConcurrentWrite => "concurrent_write_conflict",
            RetryReason::NotSent => "connection_refused",
            RetryReason::ServerError => "server_error",
            RetryReason::Interrupted => "interrupted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopReason {
    NotRetryable,
    NotIdempotent,
    AttemptsExhausted,
    OutOfTime,
}

/// Parses `Retry-After`: an HTTP date (what Attio sends) or delta-seconds; the wait from now.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    // An HTTP date has whole seconds, and Attio's is "usually the following second": wait until
    // the end of that second rather than its start, so the retry does not land early.
    Some(
        at.duration_since(now)
            .unwrap_or(Duration::ZERO)
            .saturating_add(Duration::from_millis(50)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> RetryPolicy {
        RetryPolicy::default()
    }

    #[test]
    fn rate_limits_and_conflicts_are_always_retried() {
        for failure in [
            Failure::RateLimited { retry_after: None },
            Failure::Conflict,
            Failure::NotSent,
        ] {
            for idempotent in [true, false] {
                assert!(
                    matches!(
                        policy().decide(&failure, idempotent, 1, Duration::ZERO),
                        Decision::Retry { .. }
                    ),
                    "{failure:?} idempotent={idempotent}"
                );
            }
        }
    }

    #[test]
    fn server_errors_are_retried_only_when_idempotent_or_opted_in() {
        for failure in [Failure::Server, Failure::Interrupted] {
            assert!(matches!(
                policy().decide(&failure, true, 1, Duration::ZERO),
                Decision::Retry { .. }
            ));
            assert_eq!(
                policy().decide(&failure, false, 1, Duration::ZERO),
                Decision::Stop(StopReason::NotIdempotent)
            );
            assert!(matches!(
                policy()
                    .retry_non_idempotent(true)
                    .decide(&failure, false, 1, Duration::ZERO),
                Decision::Retry { .. }
            ));
        }
        assert_eq!(
            policy().decide(&Failure::Final, true, 1, Duration::ZERO),
            Decision::Stop(StopReason::NotRetryable)
        );
    }

    #[test]
    fn attempts_and_time_are_bounded() {
        let p = policy().max_attempts(3);
        assert!(matches!(
            p.decide(&Failure::Server, true, 2, Duration::ZERO),
            Decision::Retry { .. }
        ));
        assert_eq!(
            p.decide(&Failure::Server, true, 3, Duration::ZERO),
            Decision::Stop(StopReason::AttemptsExhausted)
        );
        assert_eq!(
            RetryPolicy::disabled().decide(
                &Failure::RateLimited { retry_after: None },
                true,
                1,
                Duration::ZERO
            ),
            Decision::Stop(StopReason::AttemptsExhausted)
        );
        assert_eq!(
            p.decide(&Failure::Server, true, 1, Duration::from_secs(61)),
            Decision::Stop(StopReason::OutOfTime)
        );
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let wait = Duration::from_millis(1500);
        let Decision::Retry { wait: got, .. } = policy().decide(
            &Failure::RateLimited {
                retry_after: Some(wait),
            },
            false,
            1,
            Duration::ZERO,
        ) else {
            panic!()
        };
        assert_eq!(got, wait);
        let Decision::Retry { wait: got, .. } =
            policy().max_backoff(Duration::from_secs(1)).decide(
                &Failure::RateLimited {
                    retry_after: Some(Duration::from_secs(30)),
                },
                false,
                1,
                Duration::ZERO,
            )
        else {
            panic!()
        };
        assert_eq!(got, Duration::from_secs(1));
    }

    #[test]
    fn backoff_grows_with_jitter_within_bounds() {
        let p = policy()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_secs(1));
        for attempt in 1..20 {
            let base = Duration::from_millis(100)
                .saturating_mul(1 << (attempt - 1).min(16))
                .min(Duration::from_secs(1));
            for _ in 0..50 {
                let b = p.backoff(attempt);
                assert!(
                    b >= base / 10 && b <= base,
                    "attempt {attempt}: {b:?} vs {base:?}"
                );
            }
        }
    }

    #[test]
    fn retry_after_parses_http_dates_and_seconds() {
        let now = httpdate::parse_http_date("Tue, 23 May 2023 14:42:00 GMT").unwrap();
        assert_eq!(
            parse_retry_after("Tue, 23 May 2023 14:42:01 GMT", now),
            Some(Duration::from_millis(1050))
        );
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after("Tue, 23 May 2023 14:41:00 GMT", now),
            Some(Duration::from_millis(50)),
            "a date in the past means now"
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
