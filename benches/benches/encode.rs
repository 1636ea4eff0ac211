//! Encode: a typed object's write body against a hand-written `#[derive(Serialize)]` struct that
//! produces the same bytes (checked by the package's tests). Target: within 5%.
//!
//! `cargo bench -p attio-benches --bench encode`

use std::hint::black_box;
use std::time::Duration;

use attio_benches::{
    encode_hand, encode_typed, hand_user, hand_wide, interleaved, machine, print_ratio, user, wide,
};
use criterion::{Criterion, Throughput};

fn criterion_benches(c: &mut Criterion) {
    let (typed_user, hand_user) = (user(1), hand_user(1));
    let (typed_wide, hand_wide) = (wide(), hand_wide());
    let mut out = Vec::with_capacity(4096);

    let mut g = c.benchmark_group("encode/user");
    g.throughput(Throughput::Elements(1));
    g.bench_function("typed", |b| {
        b.iter(|| encode_typed(black_box(&typed_user), &mut out))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| encode_hand(black_box(&hand_user), &mut out))
    });
    g.finish();

    let mut g = c.benchmark_group("encode/wide");
    g.throughput(Throughput::Elements(1));
    g.bench_function("typed", |b| {
        b.iter(|| encode_typed(black_box(&typed_wide), &mut out))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| encode_hand(black_box(&hand_wide), &mut out))
    });
    g.finish();
}

fn summary(budget: Duration) {
    println!("\n== encode summary ({}) ==", machine());
    let (typed_user, hand_user) = (user(1), hand_user(1));
    let (typed_wide, hand_wide) = (wide(), hand_wide());
    let (mut a, mut b) = (Vec::with_capacity(4096), Vec::with_capacity(4096));
    let (t, h, r) = interleaved(
        budget,
        20_000,
        || encode_typed(black_box(&typed_user), &mut a),
        || encode_hand(black_box(&hand_user), &mut b),
    );
    print_ratio("encode/user", t, "hand-written", h, r, "target <= 1.05");
    let (t, h, r) = interleaved(
        budget,
        5_000,
        || encode_typed(black_box(&typed_wide), &mut a),
        || encode_hand(black_box(&hand_wide), &mut b),
    );
    print_ratio("encode/wide", t, "hand-written", h, r, "target <= 1.05");
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    criterion_benches(&mut c);
    c.final_summary();
    // `cargo test --benches` runs each bench once in test mode: skip the summary there.
    if !std::env::args().any(|a| a == "--test" || a == "--list") {
        summary(Duration::from_secs(6));
    }
}
