//! Fault injection: answer some requests with an error status, a delay or a dropped connection.

use std::time::Duration;

use crate::util::Rng;

/// A fault the sandbox can inject into a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Answer with this HTTP status and an Attio-shaped error body (429 also gets `Retry-After`).
    Status(u16),
    /// Wait this long, then handle the request normally.
    Delay(Duration),
    /// Close the TCP connection without sending a response.
    DropConnection,
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

    /// Decides the fault (if any) for the next request.
    pub fn pick(&mut self) -> Option<Fault> {
        let mut fired = None;
        for rule in &mut self.rules {
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
        assert_eq!(f.pick(), Some(Fault::Status(500)));
        assert_eq!(f.pick(), Some(Fault::Status(500)));
        assert_eq!(f.pick(), None);
    }

    #[test]
    fn fractions_are_deterministic() {
        let run = || {
            let mut f = Faults::default();
            f.fraction(Fault::Status(503), 0.5, 42);
            (0..100).map(|_| f.pick().is_some()).collect::<Vec<_>>()
        };
        let a = run();
        assert_eq!(a, run());
        let hits = a.iter().filter(|x| **x).count();
        assert!((30..70).contains(&hits), "{hits}");
    }
}
