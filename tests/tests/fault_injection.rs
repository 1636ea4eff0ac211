//! Nothing is lost: thousands of writes through a sandbox that fails ~20% of requests and
//! enforces Attio's rate limits, then every record read back and checked against what each call
//! returned.
//!
//! ```sh
//! cargo test -p attio-tests --test fault_injection -- --nocapture            # N = 2,000
//! ATTIO_FAULT_N=200 cargo test -p attio-tests --test fault_injection -- --nocapture
//! ```
//!
//! Phases (N from `ATTIO_FAULT_N`, default 2,000):
//!
//! 1. **Create** N people under faults (503s, 429s, dropped connections), with the sandbox's write
//!    limit raised to 100/s and the client's limiter matched to it, so the phase takes ~20 s
//!    instead of 80 s. Creates are not idempotent; this client opts in with
//!    `retry_non_idempotent(true)`. Each person has a unique email address (a unique attribute),
//!    so a create that was applied twice would come back as `uniqueness_conflict`.
//! 2. **Update** every record once, 16 at a time, under the same faults, at Attio's real write
//!    limit (25/s, sandbox and clients; the two clients below split it 17 + 8). Three kinds of update,
//!    by record index:
//!    - a single-value `job_title` PATCH (idempotent: retried after 5xx and drops);
//!    - an email append (`Vec` field: not idempotent) with the default policy, so a 503 or a drop
//!      is not retried blindly but resolved: the record is read back and the email sent again
//!      only if it is missing;
//!    - the same append with `retry_non_idempotent(true)`.
//! 3. **Verify** with faults cleared and limits off: every record, its active values and its value
//!    history.
//!
//! What must hold: every call that returned `Ok` landed, exactly once; no multiselect value is
//! duplicated and none is removed; no call fails (an append in doubt is resolved by reading the
//! record back, so even the default policy reports none); the clients' attempt counters equal the
//! requests the sandbox received.
//!
//! The faults here strike *before* a request is processed; `exactly_once.rs` adds the ones that
//! strike after Attio applied the write (answers lost, a proxy's 502).

use attio::prelude::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use attio::{Client, EmailAddress, Error, RateLimits, Record, RecordId, RetryPolicy, attio_object};
use attio_sandbox::{Fault, Sandbox};
use futures::StreamExt;
use serde_json::{Value, json};

/// A person as created: one email address, a job title.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Contact {
    email_addresses: Vec<EmailAddress>,
    job_title: Option<String>,
}

/// A single-value update: a PATCH of it is idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Title {
    job_title: Option<String>,
}

/// A multiselect append: a PATCH of it is not idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Append {
    email_addresses: Vec<EmailAddress>,
}

const CONCURRENCY: usize = 16;
/// Attio's write limit, enforced by the sandbox during the update phase.
const WRITES_PER_SECOND: u32 = 25;
/// The write limit for the create phase (sandbox and client), to keep the test short.
const CREATE_WRITES_PER_SECOND: u32 = 100;

fn n() -> usize {
    std::env::var("ATTIO_FAULT_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n >= 3)
        .unwrap_or(2_000)
}

fn inject_faults(sb: &Sandbox) {
    // Rules are tried in order; the first that fires wins: ~10% 503, ~4.5% 429, ~2.6% drops.
    sb.inject_fault_fraction(Fault::Status(503), 0.10, 0x5eed_0001);
    sb.inject_fault_fraction(Fault::Status(429), 0.05, 0x5eed_0002);
    sb.inject_fault_fraction(Fault::DropConnection, 0.03, 0x5eed_0003);
}

fn client(sb: &Sandbox, writes_per_second: u32, opt_in: bool) -> Client {
    attio_tests::sandbox_client(sb)
        .retry_policy(
            RetryPolicy::default()
                // Ten attempts: exhausting them takes ten faults in a row (~1e-8 per call).
                .max_attempts(10)
                .initial_backoff(Duration::from_millis(20))
                .max_backoff(Duration::from_secs(2))
                .retry_non_idempotent(opt_in),
        )
        .rate_limits(RateLimits::default().writes_per_second(writes_per_second))
        .build()
        .expect("a client")
}

fn contact_email(i: usize) -> EmailAddress {
    format!("person{i}@fault.example").parse().unwrap()
}

fn append_email(i: usize) -> EmailAddress {
    format!("append{i}@fault.example").parse().unwrap()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// `Title`, default policy.
    Title,
    /// `Append`, default policy.
    Append,
    /// `Append`, `retry_non_idempotent(true)`.
    AppendOptIn,
}

fn kind(i: usize) -> Kind {
    match i % 3 {
        0 => Kind::Title,
        1 => Kind::Append,
        _ => Kind::AppendOptIn,
    }
}

/// How an error the caller saw bears on the retry table.
fn classify(e: &Error) -> &'static str {
    match e {
        Error::Api(api) if (500..=599).contains(&api.status) => "5xx",
        Error::Transport { .. } => "dropped",
        Error::Api(api) if api.status == 429 => "429",
        _ => "other",
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_lost_under_faults_and_rate_limits() {
    let n = n();
    let started = Instant::now();
    let sb = Sandbox::builder()
        .seed(42)
        .rate_limits(true)
        .reads_per_second(100)
        .writes_per_second(CREATE_WRITES_PER_SECOND)
        .record_requests(0)
        .start()
        .await
        .expect("the sandbox starts");
    inject_faults(&sb);

    // -- 1. Create ------------------------------------------------------------------------------
    let creator = client(&sb, CREATE_WRITES_PER_SECOND, true);
    let before = sb.total_requests();
    let created: Vec<(usize, Result<Record<Contact>, Error>)> = futures::stream::iter(0..n)
        .map(|i| {
            let c = creator.clone();
            async move {
                let contact = Contact {
                    email_addresses: vec![contact_email(i)],
                    job_title: Some("created".into()),
                };
                (i, c.create_record(&contact).await)
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let create_requests = sb.total_requests() - before;
    let create_stats = creator.stats();
    let mut ids: BTreeMap<usize, RecordId> = BTreeMap::new();
    let mut create_errors = Vec::new();
    for (i, r) in created {
        match r {
            Ok(record) => {
                assert_eq!(record.values.email_addresses, [contact_email(i)]);
                ids.insert(i, record.id.record_id);
            }
            Err(e) => create_errors.push((i, e.to_string())),
        }
    }
    let create_summary = format!(
        "create: attempted {n}, ok {}, failed {}, attempts {}, retries {}, 429s {}, sandbox requests {create_requests}, {:.1}s",
        ids.len(),
        create_errors.len(),
        create_stats.attempts,
        create_stats.retries,
        create_stats.rate_limited,
        started.elapsed().as_secs_f64(),
    );
    println!("{create_summary}");
    assert!(
        create_errors.is_empty(),
        "{create_summary}: with retry_non_idempotent every fault is retried; errors: {create_errors:?}"
    );
    assert_eq!(
        create_stats.attempts as usize, create_requests,
        "{create_summary}: one client attempt per request received"
    );
    assert_eq!(
        create_stats.attempts,
        n as u64 + create_stats.retries,
        "{create_summary}"
    );
    assert!(
        create_stats.retries > 0,
        "{create_summary}: the faults were injected"
    );

    // -- 2. Update ------------------------------------------------------------------------------
    sb.set_rate_limit_values(100, WRITES_PER_SECOND);
    // Two clients (two limiters) share Attio's 25 writes/s in proportion to their share of calls.
    let default_client = client(&sb, 17, false);
    let opt_in_client = client(&sb, WRITES_PER_SECOND - 17, true);
    let phase = Instant::now();
    let before = sb.total_requests();
    let updated: Vec<(usize, Result<(), Error>)> = futures::stream::iter(ids.clone())
        .map(|(i, id)| {
            let default_client = default_client.clone();
            let opt_in_client = opt_in_client.clone();
            async move {
                let result = match kind(i) {
                    Kind::Title => Title {
                        job_title: Some(format!("updated {i}")),
                    }
                    .update(&default_client, &id)
                    .await
                    .map(|r| {
                        assert_eq!(r.values.job_title, Some(format!("updated {i}")));
                    }),
                    k => {
                        let client = if k == Kind::Append {
                            &default_client
                        } else {
                            &opt_in_client
                        };
                        Append {
                            email_addresses: vec![append_email(i)],
                        }
                        .update(client, &id)
                        .await
                        .map(|r| {
                            assert!(r.values.email_addresses.contains(&append_email(i)));
                        })
                    }
                };
                (i, result)
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let update_requests = sb.total_requests() - before;
    let update_secs = phase.elapsed().as_secs_f64();
    sb.clear_faults();
    sb.set_rate_limits(false);

    let mut outcome: BTreeMap<usize, Result<(), Error>> = updated.into_iter().collect();
    let mut ok_by_kind: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut failed_by_cause: BTreeMap<(Kind, &str), usize> = BTreeMap::new();
    for (i, r) in &outcome {
        match r {
            Ok(()) => *ok_by_kind.entry(kind(*i)).or_default() += 1,
            Err(e) => *failed_by_cause.entry((kind(*i), classify(e))).or_default() += 1,
        }
    }
    let (d, o) = (default_client.stats(), opt_in_client.stats());
    let update_attempts = d.attempts + o.attempts;
    let update_retries = d.retries + o.retries;
    let update_failed: usize = failed_by_cause.values().sum();

    // -- 3. Verify ------------------------------------------------------------------------------
    let reader = attio_tests::sandbox_client(&sb)
        .retry_policy(RetryPolicy::disabled())
        .rate_limits(RateLimits::unlimited())
        .build()
        .unwrap();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let history = |id: RecordId, attribute: &'static str| {
        let http = http.clone();
        let url = format!(
            "{}/v2/objects/people/records/{id}/attributes/{attribute}/values?show_historic=true",
            sb.base_url()
        );
        let key = sb.api_key().to_owned();
        async move {
            let resp = http.get(url).bearer_auth(key).send().await.unwrap();
            assert_eq!(resp.status(), 200);
            let body: Value = resp.json().await.unwrap();
            body["data"].as_array().unwrap().clone()
        }
    };
    let read: Vec<(usize, Record<Contact>, Vec<Value>)> = futures::stream::iter(ids.clone())
        .map(|(i, id)| {
            let reader = reader.clone();
            let history = &history;
            async move {
                let record = reader.get_record::<Contact>(&id).await.expect("read back");
                let attribute = if kind(i) == Kind::Title {
                    "job_title"
                } else {
                    "email_addresses"
                };
                (i, record, history(id, attribute).await)
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;

    let mut lost = Vec::new();
    let mut duplicated = Vec::new();
    let mut disallowed = Vec::new();
    let mut failed_landed = 0;
    let mut failed_not_landed = 0;
    for (i, record, history) in &read {
        let i = *i;
        let v = &record.values;
        let result = outcome.remove(&i).expect("an outcome per record");
        let emails: Vec<String> = v
            .email_addresses
            .iter()
            .map(|e| e.normalized().to_owned())
            .collect();
        let mut unique = emails.clone();
        unique.sort();
        unique.dedup();
        if unique.len() != emails.len() {
            duplicated.push((i, emails.clone()));
        }
        if !emails.contains(&contact_email(i).normalized().to_owned()) {
            lost.push((i, "the created email was removed".to_owned()));
        }
        match kind(i) {
            Kind::Title => {
                let titles: Vec<(String, bool)> = history
                    .iter()
                    .map(|h| {
                        (
                            h["value"].as_str().unwrap_or_default().to_owned(),
                            h["active_until"].is_null(),
                        )
                    })
                    .collect();
                let want = format!("updated {i}");
                match &result {
                    Ok(()) => {
                        if v.job_title.as_deref() != Some(want.as_str()) {
                            lost.push((i, format!("title is {:?}", v.job_title)));
                        }
                        if titles != [("created".to_owned(), false), (want.clone(), true)] {
                            duplicated.push((i, titles.iter().map(|t| t.0.clone()).collect()));
                        }
                    }
                    Err(e) => disallowed.push((i, kind(i), e.to_string())),
                }
                if emails.len() != 1 {
                    lost.push((i, format!("a title update changed the emails: {emails:?}")));
                }
            }
            k => {
                let want = append_email(i).normalized().to_owned();
                let copies = emails.iter().filter(|e| **e == want).count();
                let in_history = history
                    .iter()
                    .filter(|h| h["email_address"] == json!(want))
                    .count();
                if history.iter().any(|h| !h["active_until"].is_null()) {
                    lost.push((i, "an append deactivated a value".to_owned()));
                }
                if copies > 1 || in_history > 1 {
                    duplicated.push((i, emails.clone()));
                }
                match &result {
                    Ok(()) if copies == 1 => {}
                    Ok(()) => lost.push((i, format!("an Ok append is missing: {emails:?}"))),
                    // Allowed: the policy does not retry a non-idempotent append after a 5xx or a
                    // dropped connection unless opted in.
                    Err(e) if k == Kind::Append && matches!(classify(e), "5xx" | "dropped") => {
                        if copies == 1 {
                            failed_landed += 1;
                        } else {
                            failed_not_landed += 1;
                        }
                    }
                    Err(e) => disallowed.push((i, k, e.to_string())),
                }
                if emails.len() != 1 + copies {
                    lost.push((i, format!("unexpected emails {emails:?}")));
                }
            }
        }
    }
    assert!(outcome.is_empty(), "every record was read back");
    let people = {
        let mut total = 0;
        loop {
            let resp = http
                .post(format!("{}/v2/objects/people/records/query", sb.base_url()))
                .bearer_auth(sb.api_key())
                .json(&json!({"limit": 500, "offset": total}))
                .send()
                .await
                .unwrap();
            let page: Value = resp.json().await.unwrap();
            let got = page["data"].as_array().map_or(0, Vec::len);
            total += got;
            if got < 500 {
                break total;
            }
        }
    };

    let summary = format!(
        "update: attempted {}, ok {ok_by_kind:?}, failed {update_failed} {failed_by_cause:?} \
         (of which the append landed: {failed_landed}, did not land: {failed_not_landed}), \
         attempts {update_attempts}, retried {update_retries}, 429s {}, client failures {}, \
         sandbox requests {update_requests}, {update_secs:.1}s | people in the sandbox {people} | \
         lost {}, duplicated {}, disallowed failures {} | total {:.1}s",
        ids.len(),
        d.rate_limited + o.rate_limited,
        d.failures + o.failures,
        lost.len(),
        duplicated.len(),
        disallowed.len(),
        started.elapsed().as_secs_f64(),
    );
    println!("{summary}");

    assert!(lost.is_empty(), "{summary}: lost {lost:?}");
    assert!(
        duplicated.is_empty(),
        "{summary}: duplicated {duplicated:?}"
    );
    assert!(
        disallowed.is_empty(),
        "{summary}: errors the policy should have retried: {disallowed:?}"
    );
    assert_eq!(people, n, "{summary}: exactly one person per create");
    assert_eq!(
        update_attempts as usize, update_requests,
        "{summary}: one client attempt per request received"
    );
    assert!(
        update_attempts >= ids.len() as u64 + update_retries,
        "{summary}: every call makes one attempt, plus its retries, plus the read-backs and \
         resends that resolve an append in doubt"
    );
    assert_eq!(
        o.failures, 0,
        "{summary}: the opted-in client retries everything"
    );
    assert!(update_retries > 0, "{summary}: the faults were injected");
    assert_eq!(
        update_failed, 0,
        "{summary}: an append in doubt is resolved by reading the record back, so none fails"
    );
    if n >= 300 {
        assert!(
            d.failures > 0,
            "{summary}: with ~12% of requests failing, some default-policy appends were in doubt \
             (and resolved)"
        );
    }
}
