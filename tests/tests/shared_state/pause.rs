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

/// A person: the standard `people` object, to query.
#[attio::attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct Person {
    job_title: Option<String>,
}

/// A list query's 429 (its complexity score over Attio's limit) pauses the other client's list
/// queries until its `Retry-After`, and not its other reads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_score_429_pauses_the_fleets_queries_and_not_its_reads() {
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
    sb.inject_fault(Fault::ScoreLimited(Duration::from_millis(800)), 1);
    let first = tokio::spawn({
        let a = a.clone();
        async move { Person::query().first(&a).await }
    });
    while a.stats().retries == 0 {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let refused_at = sb.recent_requests()[0].received_at;
    // A plain read goes at once, during the pause of queries.
    b.whoami().await.expect("b's read succeeds");
    let read_at = sb.recent_requests()[1].received_at;
    assert_eq!(sb.recent_requests()[1].method, "GET");
    let resume = refused_at + Duration::from_millis(800);
    assert!(
        read_at < resume,
        "b's read waited for the queries' pause: {read_at:?} >= {resume:?}"
    );
    // A query waits for it.
    Person::query()
        .first(&b)
        .await
        .expect("b's query succeeds, after the pause");
    first
        .await
        .expect("a's task ends")
        .expect("a's query succeeds when retried");
    let queries: Vec<_> = sb
        .recent_requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(queries.len(), 3, "a's 429, a's retry, b's query");
    for q in &queries[1..] {
        assert!(
            q.received_at >= refused_at + Duration::from_millis(700),
            "a query sent during the pause: {:?}",
            q.received_at
        );
    }
    assert_eq!(b.stats().rate_limited, 0, "b met no 429 of its own");
    sb.shutdown().await;
}
