//! Decode: a 500-record query page (every value object with its metadata, as Attio sends it)
//! into `Vec<Record<User>>`, against hand-written `#[derive(Deserialize)]` structs mirroring the
//! response, and against `serde_json::Value`. Target: within 20% of the hand-written structs and
//! faster than `Value`. Also prints allocations and bytes allocated per record for all three.
//!
//! `cargo bench -p attio-benches --bench decode`

use std::hint::black_box;
use std::time::Duration;

use attio_benches::{
    PAGE_SIZE, alloc, decode_hand, decode_typed, decode_value, interleaved, machine, print_ratio,
    user_page,
};
use criterion::{Criterion, Throughput};

#[global_allocator]
static COUNTING: alloc::Counting = alloc::Counting;

fn criterion_benches(c: &mut Criterion, page: &[u8]) {
    let mut g = c.benchmark_group("decode/users-page-500");
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.bench_function("typed", |b| b.iter(|| decode_typed(black_box(page))));
    g.bench_function("hand-written", |b| b.iter(|| decode_hand(black_box(page))));
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| decode_value(black_box(page)))
    });
    g.finish();
}

fn summary(page: &[u8], budget: Duration) {
    println!(
        "\n== decode summary: {PAGE_SIZE} records, {} KiB ({}) ==",
        page.len() / 1024,
        machine()
    );
    let (t, h, r) = interleaved(
        budget,
        5,
        || drop(black_box(decode_typed(black_box(page)))),
        || drop(black_box(decode_hand(black_box(page)))),
    );
    print_ratio("decode/page", t, "hand-written", h, r, "target <= 1.20");
    let (t, v, r) = interleaved(
        budget,
        5,
        || drop(black_box(decode_typed(black_box(page)))),
        || drop(black_box(decode_value(black_box(page)))),
    );
    print_ratio("decode/page", t, "serde_json::Value", v, r, "target < 1.00");

    let per = |name: &str, (count, bytes): (u64, u64)| {
        println!(
            "allocations per record, {name}: {:.1} allocations, {:.0} bytes",
            count as f64 / PAGE_SIZE as f64,
            bytes as f64 / PAGE_SIZE as f64
        );
    };
    let (_, c, b) = alloc::measure(|| decode_typed(page));
    per("typed", (c, b));
    let (_, c, b) = alloc::measure(|| decode_hand(page));
    per("hand-written", (c, b));
    let (_, c, b) = alloc::measure(|| decode_value(page));
    per("serde_json::Value", (c, b));
}

fn main() {
    let page = user_page(PAGE_SIZE);
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    criterion_benches(&mut c, &page);
    c.final_summary();
    if !std::env::args().any(|a| a == "--test" || a == "--list") {
        summary(&page, Duration::from_secs(8));
    }
}
