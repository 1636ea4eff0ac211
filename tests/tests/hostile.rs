//! What a misbehaving server gets from the client: a typed error that says what happened and
//! whether the request may have been applied. Bodies past the bound (with a small bound, against
//! the sandbox, and huge ones from a hostile server), answers that are not HTTP, and a `429`
//! whose `Retry-After` the error carries. The memory bound itself is measured in
//! `bounded_memory.rs`, and secrets echoed back in `secrets.rs`.

use std::time::Duration;

use attio::{Client, Error, Outcome, RetryPolicy, TransportKind, attio_object};
use attio_sandbox::Sandbox;
use attio_tests::hostile::{Answer, Hostile};
use attio_tests::{Canned, Stub};

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    #[attio(unique)]
    user_id: String,
    primary_email_address: attio::EmailAddress,
}

fn user(id: &str) -> User {
    User {
        user_id: id.into(),
        primary_email_address: format!("{id}@company.com").parse().unwrap(),
    }
}

fn client(url: String) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(url)
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_success_answer_past_a_small_bound_fails_typed_and_a_write_says_it_was_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let small = attio_tests::sandbox_client(&sandbox)
        .max_response_bytes(300)
        .build()
        .unwrap();

    let err = small.create_record(&user("bound-1")).await.unwrap_err();
    let Error::TooLarge {
        status,
        declared,
        limit,
        ..
    } = &err
    else {
        panic!("expected TooLarge, got {err:?}");
    };
    assert_eq!((*status, *limit), (200, 300));
    assert!(declared.is_some_and(|d| d > 300), "{declared:?}");
    assert_eq!(err.outcome(), Outcome::Applied, "{err}");
    let text = err.to_string();
    assert!(
        text.contains("POST /v2/objects/users/records")
            && text.contains("bound of 300 bytes")
            && text.contains("WAS applied"),
        "{text}"
    );
    // Applied indeed, and not sent twice: a too-large success is not retried.
    let roomy = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let found = User::query()
        .filter(|u| u.user_id().eq("bound-1"))
        .collect_all(&roomy)
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(small.stats().attempts, 1);

    // A read past the bound changed nothing.
    let err = User::query().collect_all(&small).await.unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { status: 200, .. }),
        "{err:?}"
    );
    assert_eq!(err.outcome(), Outcome::NotApplied);

    // The default bound reads the same answers.
    assert_eq!(User::query().collect_all(&roomy).await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_announced_length_past_the_bound_is_refused_before_reading() {
    let server = Hostile::start(Answer::Declared {
        status: 200,
        declared: 1 << 40,
    })
    .await;
    let err = client(server.url()).get_object("people").await.unwrap_err();
    let text = err.to_string();
    assert!(
        matches!(
            err,
            Error::TooLarge {
                received: 0,
                declared: Some(1_099_511_627_776),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        text.contains("Content-Length announced 1099511627776 bytes"),
        "{text}"
    );
}

#[tokio::test]
async fn an_error_answer_has_its_own_small_bound_and_is_still_retried_by_its_status() {
    let server = Hostile::start(Answer::Unframed {
        status: 503,
        total: 10 * 1024 * 1024,
    })
    .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(3)
                .initial_backoff(Duration::from_millis(1)),
        )
        .build()
        .unwrap();
    let err = client.get_object("people").await.unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { status: 503, limit, .. } if limit == attio::MAX_ERROR_BODY_BYTES),
        "{err:?}"
    );
    assert_eq!(err.status(), Some(503));
    assert_eq!(server.requests(), 3, "a 503 is retried, whatever its body");
}

#[tokio::test]
async fn an_answer_that_is_not_http_is_its_own_kind_and_keeps_the_outcome_right() {
    let big_header = {
        let mut answer = b"HTTP/1.1 200 OK\r\nx-filler: ".to_vec();
        answer.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
        answer.extend_from_slice(b"\r\n\r\n{}");
        answer
    };
    for (name, raw) in [
        ("garbage", b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec()),
        ("a bad status line", b"HTTP/1.1 abc nope\r\n\r\n".to_vec()),
        ("oversized headers", big_header),
    ] {
        let server = Hostile::start(Answer::Raw(raw)).await;
        let client = client(server.url());

        let err = client.get_object("people").await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::Transport {
                    kind: TransportKind::MalformedResponse,
                    ..
                }
            ),
            "{name}: {err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("the server's answer was not valid HTTP"),
            "{name}: {text}"
        );
        assert_eq!(err.outcome(), Outcome::NotApplied, "{name}: a read");

        // A create whose answer was garbage is in doubt; resolving it meets the same garbage.
        let err = client.create_record(&user("x")).await.unwrap_err();
        assert!(
            err.to_string()
                .contains("the server's answer was not valid HTTP"),
            "{name}: {err}"
        );
        assert_eq!(
            err.outcome(),
            Outcome::Unknown,
            "{name}: a write that reached a server may have been applied"
        );
    }
}

#[tokio::test]
async fn a_429_error_carries_the_retry_after_it_was_given() {
    let limited = Canned::json(
        429,
        r#"{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later"}"#,
    )
    .header("retry-after", "7");
    let stub = Stub::start(vec![limited]).await;
    let err = client(stub.url()).get_object("people").await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.retry_after(), Some(Duration::from_secs(7)));
    let text = err.to_string();
    assert!(text.contains("Retry-After asked to wait 7.0 s"), "{text}");

    // An HTTP date, as Attio sends it.
    let at = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(30));
    let limited = Canned::json(
        429,
        r#"{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"later"}"#,
    )
    .header("retry-after", &at);
    let stub = Stub::start(vec![limited]).await;
    let err = client(stub.url()).get_object("people").await.unwrap_err();
    let wait = match &err {
        Error::Api(api) => api.retry_after().unwrap(),
        other => panic!("{other:?}"),
    };
    assert!(
        wait > Duration::from_secs(28) && wait <= Duration::from_secs(31),
        "{wait:?}"
    );
}
