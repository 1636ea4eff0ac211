//! A 429 one client meets pauses the other, through the store, until its `Retry-After`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use attio_sandbox::{Fault, Sandbox};
use attio_tests::redis_server::RedisServer;

use super::{client_on, store};

/// Sleeps until just after the start of the next second, so that the sandbox's `Retry-After`
/// (the start of the second after the 429's) is most of a second away.
async fn until_the_next_second() {
    let into = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after the epoch")
        .subsec_millis();
    tokio::time::sleep(Duration::from_millis(u64::from(1_000 - into) + 20)).await;
}

/// The whole second after `at`: where the sandbox's `Retry-After` for a 429 answered at `at`
/// points (an HTTP date, whole seconds: `at` + 1 s, rounded down).
fn retry_after_for(at: SystemTime) -> SystemTime {
    let secs = at
        .duration_since(UNIX_EPOCH)
        .expect("after the epoch")
        .as_secs();
    UNIX_EPOCH + Duration::from_secs(secs + 1)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_one_client_meets_pauses_the_other_until_retry_after() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sb = Sandbox::builder()
        .record_requests(100)
        .start()
        .await
        .expect("the sandbox starts");
    let a = client_on(&sb, store(&redis)).build().expect("client a");
    let b = client_on(&sb, store(&redis)).build().expect("client b");

    until_the_next_second().await;
    sb.inject_fault(Fault::Status(429), 1);
    let first = tokio::spawn({
        let a = a.clone();
        async move { a.whoami().await }
    });
    // `a` has met the 429 and recorded the pause once it counts the retry it is waiting for.
    while a.stats().retries == 0 {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let refused_at = sb.recent_requests()[0].received_at;
    let resume = retry_after_for(refused_at);
    let b_asked = SystemTime::now();
    assert!(
        b_asked < resume,
        "b asks during the pause ({b_asked:?} < {resume:?})"
    );
    b.whoami()
        .await
        .expect("b's read succeeds, after the pause");
    first
        .await
        .expect("a's task ends")
        .expect("a's read succeeds when retried");

    let requests = sb.recent_requests();
    assert_eq!(requests.len(), 3, "a's 429, a's retry, b's read");
    for r in &requests[1..] {
        assert!(
            r.received_at >= resume,
            "sent during the pause: {:?} < {resume:?}",
            r.received_at
        );
    }
    let (sa, sb_stats) = (a.stats(), b.stats());
    assert_eq!((sa.rate_limited, sa.attempts), (1, 2), "{sa:?}");
    assert_eq!(
        (sb_stats.rate_limited, sb_stats.attempts),
        (0, 1),
        "b waited instead of meeting a 429 of its own: {sb_stats:?}"
    );
    sb.shutdown().await;
}
