//! The ratio: interleaved A/B rounds, the median, the printed comparison line and machine facts.

use std::time::{Duration, Instant};

/// The median of `xs` (sorted in place).
pub fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Times `ours` and `baseline` in alternating rounds of `iters` calls each, for about `budget`,
/// and returns the median time per call of each and the median of the per-round ratios (ours /
/// baseline). Alternating rounds makes the ratio robust to load that comes and goes.
pub fn interleaved(
    budget: Duration,
    iters: u32,
    mut ours: impl FnMut(),
    mut baseline: impl FnMut(),
) -> (Duration, Duration, f64) {
    let (mut a, mut b, mut r) = (Vec::new(), Vec::new(), Vec::new());
    // Warm up both.
    for _ in 0..iters {
        ours();
        baseline();
    }
    let start = Instant::now();
    let mut round = 0u32;
    while start.elapsed() < budget || round < 10 {
        let time = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_secs_f64() / f64::from(iters)
        };
        // Alternate which side goes first.
        let (ta, tb) = if round.is_multiple_of(2) {
            let ta = time(&mut ours);
            (ta, time(&mut baseline))
        } else {
            let tb = time(&mut baseline);
            (time(&mut ours), tb)
        };
        a.push(ta);
        b.push(tb);
        r.push(ta / tb);
        round += 1;
    }
    (
        Duration::from_secs_f64(median(&mut a)),
        Duration::from_secs_f64(median(&mut b)),
        median(&mut r),
    )
}

/// Prints one comparison line: `name: typed X vs BASELINE Y  ratio = R  (target)`.
pub fn print_ratio(
    name: &str,
    ours: Duration,
    baseline_name: &str,
    baseline: Duration,
    ratio: f64,
    target: &str,
) {
    println!(
        "{name}: typed {ours:.2?} vs {baseline_name} {baseline:.2?}  ratio = {ratio:.3}  ({target})"
    );
}

/// Machine facts for the printed reports: `nproc` and the CPU model.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cpus} CPUs, {model}")
}
