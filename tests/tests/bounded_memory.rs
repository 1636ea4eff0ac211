//! A server cannot make the client hold more than its bound: a 2 GiB answer and an endless
//! chunked answer, success and error alike, each end in `Error::TooLarge`, and the process's
//! peak resident memory (`VmHWM`, the kernel's high-water mark, read from `/proc/self/status`)
//! stays under 100 MB above where it was before the first of them. Alone in its test binary, so
//! no other test's memory counts.

use attio::{Client, Error, RetryPolicy};
use attio_tests::hostile::{Answer, Hostile};

const GIB: u64 = 1024 * 1024 * 1024;

/// The process's peak resident set so far, in bytes.
#[cfg(target_os = "linux")]
fn high_water_mark() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmHWM line");
    kib * 1024
}

#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_and_endless_answers_end_in_a_typed_error_in_bounded_memory() {
    let cases = [
        (
            "2 GiB announced, 200",
            Answer::Declared {
                status: 200,
                declared: 2 * GIB,
            },
            200,
        ),
        (
            "2 GiB announced, 400",
            Answer::Declared {
                status: 400,
                declared: 2 * GIB,
            },
            400,
        ),
        (
            "2 GiB unframed, 200",
            Answer::Unframed {
                status: 200,
                total: 2 * GIB,
            },
            200,
        ),
        (
            "2 GiB unframed, 400",
            Answer::Unframed {
                status: 400,
                total: 2 * GIB,
            },
            400,
        ),
        ("endless chunked, 200", Answer::Endless { status: 200 }, 200),
        ("endless chunked, 400", Answer::Endless { status: 400 }, 400),
    ];
    let servers =
        futures::future::join_all(cases.iter().map(|(_, a, _)| Hostile::start(a.clone()))).await;
    let clients: Vec<Client> = servers
        .iter()
        .map(|s| {
            Client::builder()
                .api_key("k")
                .base_url(s.url())
                .retry_policy(RetryPolicy::disabled())
                .build()
                .unwrap()
        })
        .collect();

    let baseline = high_water_mark();
    for ((name, _, status), client) in cases.iter().zip(&clients) {
        let err = client.get_object("people").await.unwrap_err();
        let Error::TooLarge {
            status: got,
            received,
            declared,
            limit,
            ..
        } = &err
        else {
            panic!("{name}: expected TooLarge, got {err:?}");
        };
        assert_eq!(got, status, "{name}");
        let expected_limit = if *status == 200 {
            attio::DEFAULT_MAX_RESPONSE_BYTES
        } else {
            attio::MAX_ERROR_BODY_BYTES
        };
        assert_eq!(*limit, expected_limit, "{name}");
        match declared {
            Some(length) => {
                assert_eq!(*length, 2 * GIB, "{name}");
                assert_eq!(
                    *received, 0,
                    "{name}: refused on the announced length alone"
                );
            }
            None => assert!(
                *received > *limit && *received < *limit + 1024 * 1024,
                "{name}: stopped at {received}, bound {limit}"
            ),
        }
        let text = err.to_string();
        assert!(
            text.contains("GET /v2/objects/people") && text.contains(&limit.to_string()),
            "{name}: {text}"
        );
        assert_eq!(err.outcome(), attio::Outcome::NotApplied, "{name}: a read");
        println!("{name}: {text}");
    }
    let peak = high_water_mark();
    let above = peak.saturating_sub(baseline);
    println!(
        "peak resident memory: {:.1} MB before, {:.1} MB after, {:.1} MB above the baseline (bound 100 MB)",
        baseline as f64 / 1e6,
        peak as f64 / 1e6,
        above as f64 / 1e6
    );
    assert!(above < 100_000_000, "{above} bytes above the baseline");
}

#[cfg(not(target_os = "linux"))]
#[test]
fn huge_and_endless_answers_end_in_a_typed_error_in_bounded_memory() {
    println!(
        "not run: the peak resident memory is read from /proc/self/status, which only Linux has"
    );
}
