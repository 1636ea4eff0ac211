//! Fault injection: answer some requests with an error status, a delay or a dropped connection,
//! either *before* the request is processed (nothing changed) or *after* it was applied (the
//! change is made, only the answer is lost).
//!
//! | fault | the request is applied? | the client sees |
//! |---|---|---|
//! | [`Fault::Status`] | no | the status, with an Attio error body (a 429 also gets `Retry-After`) |
//! | [`Fault::Delay`] | yes, late | the normal answer, after the delay |
//! | [`Fault::DropConnection`] | no | the connection closed without an answer |
//! | [`Fault::DropAfterApply`] | **yes** | the connection closed without an answer |
//! | [`Fault::StatusAfterApply`] | **yes** | the status, with a proxy's plain-text body |
//! | [`Fault::ScoreLimited`] | no | on a list query only: a 429 for its complexity score, `Retry-After` seconds away |
//! | [`Fault::ConcurrentWriteConflict`] | no | on a record, entry or activity record write only: Attio's `409 concurrent_write_conflict` |
//!
//! The after-apply faults are what real networks do between a client and Attio: Attio applied
//! the write, then a load balancer answered 502, or the connection broke on the way back. A
//! client cannot tell them from the before-processing ones, which is the point.

use std::time::Duration;

use crate::util::Rng;

/// A fault the sandbox can inject into a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Answer with this HTTP status and an Attio-shaped error body (429 also gets `Retry-After`).
    Status(u16),
    /// Wait this long, then handle the request normally.
    Delay(Duration),
    /// Close the TCP connection without sending a response; the request is not processed.
    DropConnection,
    /// Process the request (a write **is applied**), then close the TCP connection without
    /// sending its answer: the answer lost on the way back.
    DropAfterApply,
    /// Process the request (a write **is applied**), then answer with this HTTP status (502 or
    /// 503, say) and a plain-text body instead of the real answer, as a load balancer between
    /// the client and Attio does.
    StatusAfterApply(u16),
    /// Answer a list query (`POST /v2/objects/{object}/records/query` or
    /// `POST /v2/lists/{list}/entries/query`) with the 429 of Attio's score-based limit: the
    /// complexity scores of the queries of the last 10 seconds add up to more than the workspace
    /// may spend. The `Retry-After` date is this long from now (rounded up to a whole second, so
    /// it can be several seconds away, unlike the per-second limits' "the next second"), and the
    /// body carries extra debugging fields, as Attio's may. Nothing is processed. Other requests
    /// pass the rule by without using it up.
    ScoreLimited(Duration),
    /// Answer a write to a record, an entry or an activity record (a `POST`, `PUT`, `PATCH` or
    /// `DELETE` under `/v2/objects/{object}/records`, `/v2/lists/{list}/entries` or
    /// `/v2/activities/{activity}/records`, queries excepted) with
    /// Attio's `409 concurrent_write_conflict`: "The record was modified by another request while
    /// this write was being validated. Please try again." Nothing is processed, as with Attio,
    /// which documents the request as safe to send again. Other requests pass the rule by without
    /// using it up.
    ConcurrentWriteConflict,
}

impl Fault {
    /// Whether the request is processed (and a write applied) before the fault strikes.
    ///
    /// ```
    /// use attio_sandbox::Fault;
    /// assert!(Fault::DropAfterApply.applies_request());
    /// assert!(Fault::StatusAfterApply(502).applies_request());
    /// assert!(!Fault::Status(503).applies_request());
    /// ```
    pub fn applies_request(&self) -> bool {
        matches!(
            self,
            Fault::Delay(_) | Fault::DropAfterApply | Fault::StatusAfterApply(_)
        )
    }
}

#[derive(Debug, Clone)]
enum Trigger {
    Next(usize),
    Fraction(f64, Rng),
}

#[derive(Debug, Clone)]
struct Rule {
    fault: Fault,
    trigger: Trigger,
}

/// What kind of request a fault rule is asked about: some faults strike only some requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Struck {
    /// A list query (`…/records/query`, `…/entries/query`, of objects, lists and activities):
    /// [`Fault::ScoreLimited`] strikes it.
    ListQuery,
    /// A write to a record, an entry or an activity record: [`Fault::ConcurrentWriteConflict`]
    /// strikes it.
    RecordWrite,
    /// Any other request.
    Other,
}

impl Struck {
    /// The kind of the request `method path`.
    ///
    /// ```
    /// use attio_sandbox::Struck;
    /// assert_eq!(Struck::of("POST", "/v2/objects/people/records"), Struck::RecordWrite);
    /// assert_eq!(Struck::of("POST", "/v2/lists/sales/entries/query"), Struck::ListQuery);
    /// assert_eq!(Struck::of("GET", "/v2/objects/people/records/1"), Struck::Other);
    /// assert_eq!(Struck::of("PATCH", "/v2/activities/phone_calls/records/1"), Struck::RecordWrite);
    /// ```
    pub fn of(method: &str, path: &str) -> Struck {
        let query = path.ends_with("/records/query") || path.ends_with("/entries/query");
        let rows = {
            let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
            matches!(
                segments.as_slice(),
                ["v2", "objects" | "activities", _, "records", ..]
                    | ["v2", "lists", _, "entries", ..]
            )
        };
        match method {
            "POST" if query => Struck::ListQuery,
            "POST" | "PUT" | "PATCH" | "DELETE" if rows && !query => Struck::RecordWrite,
            _ => Struck::Other,
        }
    }
}

/// The queue of fault rules; the first rule that fires wins.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    rules: Vec<Rule>,
}

impl Faults {
    /// Injects `fault` into the next `n` requests.
    pub fn next(&mut self, fault: Fault, n: usize) {
        self.rules.push(Rule {
            fault,
            trigger: Trigger::Next(n),
        });
    }

    /// Injects `fault` into each request with probability `fraction`, from a seeded RNG.
    pub fn fraction(&mut self, fault: Fault, fraction: f64, seed: u64) {
        self.rules.push(Rule {
            fault,
            trigger: Trigger::Fraction(fraction.clamp(0.0, 1.0), Rng::new(seed)),
        });
    }

    /// Removes every rule.
    pub fn clear(&mut self) {
        self.rules.clear();
    }

    /// Decides the fault (if any) for the next request, of kind `kind` (a list query is the only
    /// request [`Fault::ScoreLimited`] strikes, a record or entry write the only one
    /// [`Fault::ConcurrentWriteConflict`] strikes).
    pub fn pick(&mut self, kind: Struck) -> Option<Fault> {
        let mut fired = None;
        for rule in &mut self.rules {
            let passes_by = match rule.fault {
                Fault::ScoreLimited(_) => kind != Struck::ListQuery,
                Fault::ConcurrentWriteConflict => kind != Struck::RecordWrite,
                _ => false,
            };
            if passes_by {
                continue;
            }
            let fire = match &mut rule.trigger {
                Trigger::Next(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                Trigger::Next(_) => false,
                Trigger::Fraction(f, rng) => rng.next_f64() < *f,
            };
            if fire {
                fired = Some(rule.fault.clone());
                break;
            }
        }
        self.rules
            .retain(|r| !matches!(r.trigger, Trigger::Next(0)));
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_n_then_nothing() {
        let mut f = Faults::default();
        f.next(Fault::Status(500), 2);
        assert_eq!(f.pick(Struck::Other), Some(Fault::Status(500)));
        assert_eq!(f.pick(Struck::Other), Some(Fault::Status(500)));
        assert_eq!(f.pick(Struck::Other), None);
    }

    #[test]
    fn after_apply_faults_queue_like_the_others() {
        let mut f = Faults::default();
        f.next(Fault::DropAfterApply, 1);
        f.next(Fault::StatusAfterApply(502), 1);
        assert_eq!(f.pick(Struck::Other), Some(Fault::DropAfterApply));
        assert_eq!(f.pick(Struck::Other), Some(Fault::StatusAfterApply(502)));
        assert_eq!(f.pick(Struck::Other), None);
        assert!(Fault::DropAfterApply.applies_request());
        assert!(Fault::StatusAfterApply(503).applies_request());
        assert!(Fault::Delay(Duration::ZERO).applies_request());
        assert!(!Fault::DropConnection.applies_request());
        assert!(!Fault::Status(502).applies_request());
    }

    #[test]
    fn score_limits_strike_queries_only() {
        let mut f = Faults::default();
        f.next(Fault::ScoreLimited(Duration::from_secs(3)), 1);
        assert_eq!(f.pick(Struck::Other), None, "not a query: the rule is kept");
        assert_eq!(
            f.pick(Struck::ListQuery),
            Some(Fault::ScoreLimited(Duration::from_secs(3)))
        );
        assert_eq!(f.pick(Struck::ListQuery), None);
        assert!(!Fault::ScoreLimited(Duration::ZERO).applies_request());
    }

    #[test]
    fn write_conflicts_strike_record_and_entry_writes_only() {
        let mut f = Faults::default();
        f.next(Fault::ConcurrentWriteConflict, 1);
        for (method, path) in [
            ("GET", "/v2/objects/people/records/x"),
            ("POST", "/v2/objects/people/records/query"),
            ("POST", "/v2/notes"),
        ] {
            assert_eq!(f.pick(Struck::of(method, path)), None, "{method} {path}");
        }
        assert_eq!(
            f.pick(Struck::of("PATCH", "/v2/lists/sales/entries/e")),
            Some(Fault::ConcurrentWriteConflict)
        );
        assert_eq!(
            f.pick(Struck::of("POST", "/v2/objects/people/records")),
            None
        );
        f.next(Fault::ConcurrentWriteConflict, 1);
        assert_eq!(
            f.pick(Struck::of("GET", "/v2/activities/a/records/x")),
            None
        );
        assert_eq!(
            f.pick(Struck::of("DELETE", "/v2/activities/a/records/x")),
            Some(Fault::ConcurrentWriteConflict)
        );
        assert!(!Fault::ConcurrentWriteConflict.applies_request());
    }

    #[test]
    fn fractions_are_deterministic() {
        let run = || {
            let mut f = Faults::default();
            f.fraction(Fault::Status(503), 0.5, 42);
            (0..100)
                .map(|_| f.pick(Struck::Other).is_some())
                .collect::<Vec<_>>()
        };
        let a = run();
        assert_eq!(a, run());
        let hits = a.iter().filter(|x| **x).count();
        assert!((30..70).contains(&hits), "{hits}");
    }
}
