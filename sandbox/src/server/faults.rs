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

    /// Decides the fault (if any) for the next request; `query` when it is a list query (the
    /// only requests [`Fault::ScoreLimited`] strikes).
    pub fn pick(&mut self, query: bool) -> Option<Fault> {
        let mut fired = None;
        for rule in &mut self.rules {
            if matches!(rule.fault, Fault::ScoreLimited(_)) && !query {
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
        assert_eq!(f.pick(false), Some(Fault::Status(500)));
        assert_eq!(f.pick(false), Some(Fault::Status(500)));
        assert_eq!(f.pick(false), None);
    }

    #[test]
    fn after_apply_faults_queue_like_the_others() {
        let mut f = Faults::default();
        f.next(Fault::DropAfterApply, 1);
        f.next(Fault::StatusAfterApply(502), 1);
        assert_eq!(f.pick(false), Some(Fault::DropAfterApply));
        assert_eq!(f.pick(false), Some(Fault::StatusAfterApply(502)));
        assert_eq!(f.pick(false), None);
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
        assert_eq!(f.pick(false), None, "not a query: the rule is kept");
        assert_eq!(
            f.pick(true),
            Some(Fault::ScoreLimited(Duration::from_secs(3)))
        );
        assert_eq!(f.pick(true), None);
        assert!(!Fault::ScoreLimited(Duration::ZERO).applies_request());
    }

    #[test]
    fn fractions_are_deterministic() {
        let run = || {
            let mut f = Faults::default();
            f.fraction(Fault::Status(503), 0.5, 42);
            (0..100)
                .map(|_| f.pick(false).is_some())
                .collect::<Vec<_>>()
        };
        let a = run();
        assert_eq!(a, run());
        let hits = a.iter().filter(|x| **x).count();
        assert!((30..70).contains(&hits), "{hits}");
    }
}
