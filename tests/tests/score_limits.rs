//! Score-based 429s on list queries: Attio throttles `…/records/query` and `…/entries/query` by
//! complexity score over a 10-second window, answering 429 with a `Retry-After` date that can be
//! seconds away. The sandbox produces them (`Fault::ScoreLimited`); the client treats them as any
//! rate limit (waits for `Retry-After`, then carries on), and one that outlasts the retries says
//! the query may be too complex.

use attio::prelude::*;
use std::time::Duration;

use attio::{Outcome, RetryPolicy, attio_object};
use attio_sandbox::{Fault, Sandbox};
use futures::TryStreamExt;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
}

async fn sandbox_with_companies(n: usize) -> (Sandbox, attio::Client) {
    let sb = Sandbox::builder().seed(3).start().await.unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    for i in 0..n {
        Company {
            name: format!("company {i}"),
        }
        .create(&client)
        .await
        .unwrap();
    }
    (sb, client)
}

#[tokio::test]
async fn a_score_limited_query_waits_for_retry_after_and_carries_on() {
    let (sb, client) = sandbox_with_companies(3).await;
    sb.inject_fault(Fault::ScoreLimited(Duration::from_secs(1)), 1);
    let first = Company::query().stream(&client);
    let names: Vec<String> = first
        .map_ok(|r| r.values.name)
        .try_collect()
        .await
        .expect("the throttled page is retried after Retry-After");
    assert_eq!(names.len(), 3);
    let stats = client.stats();
    assert_eq!(stats.rate_limited, 1, "{stats:?}");
    assert_eq!(
        sb.request_count("POST", "/v2/objects/companies/records/query"),
        2,
        "the page, refused, then sent again"
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn other_requests_pass_a_score_limit_by() {
    let (sb, client) = sandbox_with_companies(1).await;
    sb.inject_fault(Fault::ScoreLimited(Duration::from_secs(1)), 1);
    Company {
        name: "not a query".into(),
    }
    .create(&client)
    .await
    .expect("a create is not a list query");
    assert_eq!(client.stats().rate_limited, 0);
    // The rule is still there for the next query.
    let page: Vec<_> = Company::query()
        .stream(&client)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(client.stats().rate_limited, 1);
    sb.shutdown().await;
}

#[tokio::test]
async fn a_query_throttled_past_the_retries_says_it_may_be_too_complex() {
    let (sb, _) = sandbox_with_companies(1).await;
    let client = attio_tests::sandbox_client(&sb)
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(2)
                .max_backoff(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    sb.inject_fault(Fault::ScoreLimited(Duration::from_secs(5)), 10);
    let err = Company::query()
        .stream(&client)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.outcome(), Outcome::NotApplied);
    let text = err.to_string();
    assert!(
        text.contains("complexity score") && text.contains("make it simpler"),
        "{text}"
    );
    assert_eq!(client.stats().rate_limited, 2);
    sb.shutdown().await;
}
