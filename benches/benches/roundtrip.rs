//! Round trip over HTTP: N updates against the sandbox on loopback (its rate limits off, the
//! client's `RateLimits::unlimited()`) through the generated `update`, against a bare `reqwest`
//! loop that encodes the same bytes with hand-written serde structs, sends them with the same
//! concurrency and decodes the answer into hand-written structs. Target: at least 90% of the bare
//! loop's throughput.
//!
//! The sandbox runs on its own thread (a current-thread Tokio runtime), the client on another.
//! Rounds alternate between the two sides; the medians are compared.
//!
//! `cargo bench -p attio-benches --bench roundtrip` (ROUNDTRIP_N, ROUNDTRIP_CONCURRENCY,
//! ROUNDTRIP_ROUNDS override the defaults 1000, 8, 21).

use attio::prelude::*;
use std::time::Instant;

use attio::{Client, RateLimits, RecordId};
use attio_benches::{
    ThreadSandbox, hand_read, hand_update_user, hand_write, machine, median, update_user,
};
use futures::{StreamExt, stream};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};

const RECORDS: usize = 64;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(serde::Deserialize)]
struct Envelope {
    data: hand_read::Record<hand_read::User>,
}

async fn typed(
    client: &Client,
    ids: &[RecordId],
    users: &[attio_benches::User],
    n: usize,
    c: usize,
) {
    stream::iter(0..n)
        .map(|i| {
            let k = i % ids.len();
            users[k].update(client, &ids[k])
        })
        .buffer_unordered(c)
        .for_each(|r| {
            let record = r.expect("typed update");
            std::hint::black_box(record);
            async {}
        })
        .await;
}

struct Bare {
    http: reqwest::Client,
    urls: Vec<String>,
    auth: HeaderValue,
}

async fn bare(b: &Bare, users: &[hand_write::User], n: usize, c: usize) {
    stream::iter(0..n)
        .map(|i| {
            let k = i % b.urls.len();
            async move {
                let body = serde_json::to_vec(&hand_write::Body::new(&users[k])).unwrap();
                let response = b
                    .http
                    .patch(&b.urls[k])
                    .header(AUTHORIZATION, b.auth.clone())
                    .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                    .body(body)
                    .send()
                    .await
                    .expect("sent");
                assert!(response.status().is_success(), "{}", response.status());
                let bytes = response.bytes().await.expect("body");
                let envelope: Envelope = serde_json::from_slice(&bytes).expect("decoded");
                assert!(!envelope.data.values.user_id.is_empty());
                envelope
            }
        })
        .buffer_unordered(c)
        .for_each(|r| {
            std::hint::black_box(r);
            async {}
        })
        .await;
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return; // `cargo test --benches`: nothing quick to check here.
    }
    let n = env_or("ROUNDTRIP_N", 1000);
    let c = env_or("ROUNDTRIP_CONCURRENCY", 8);
    let rounds = env_or("ROUNDTRIP_ROUNDS", 21);
    let _ = rustls::crypto::ring::default_provider().install_default();

    let sb = ThreadSandbox::start(false, RECORDS);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder()
        .api_key(&sb.api_key)
        .base_url(&sb.base_url)
        .rate_limits(RateLimits::unlimited())
        .build()
        .unwrap();
    let mut auth = HeaderValue::from_str(&format!("Bearer {}", sb.api_key)).unwrap();
    auth.set_sensitive(true);
    let b = Bare {
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        urls: sb
            .ids
            .iter()
            .map(|id| format!("{}/v2/objects/users/records/{id}", sb.base_url))
            .collect(),
        auth,
    };
    let users: Vec<_> = (0..RECORDS).map(update_user).collect();
    let hand_users: Vec<_> = (0..RECORDS).map(hand_update_user).collect();

    println!(
        "== roundtrip: {n} updates per round, concurrency {c}, {rounds} rounds per side ({}) ==",
        machine()
    );
    // Warm up both (connections, allocator, sandbox).
    rt.block_on(typed(&client, &sb.ids, &users, n / 4, c));
    rt.block_on(bare(&b, &hand_users, n / 4, c));

    let (mut ts, mut bs, mut rs) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let run_typed = || {
            let t = Instant::now();
            rt.block_on(typed(&client, &sb.ids, &users, n, c));
            n as f64 / t.elapsed().as_secs_f64()
        };
        let run_bare = || {
            let t = Instant::now();
            rt.block_on(bare(&b, &hand_users, n, c));
            n as f64 / t.elapsed().as_secs_f64()
        };
        let (t, bb) = if round.is_multiple_of(2) {
            let t = run_typed();
            (t, run_bare())
        } else {
            let bb = run_bare();
            (run_typed(), bb)
        };
        println!("round {round}: typed {t:.0}/s, bare reqwest {bb:.0}/s");
        ts.push(t);
        bs.push(bb);
        rs.push(t / bb);
    }
    let stats = client.stats();
    assert_eq!(stats.failures, 0);
    let (mt, mb) = (median(&mut ts), median(&mut bs));
    println!(
        "roundtrip: typed {mt:.0} updates/s vs bare reqwest {mb:.0} updates/s (medians)  ratio = {:.3}  (median of per-round ratios {:.3}; target >= 0.90)",
        mt / mb,
        median(&mut rs)
    );
    drop(sb);
}
