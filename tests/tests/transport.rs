//! Transport behaviour: the blocking client, timeouts and cancellation. (What the tracing spans
//! show is in `tracing.rs`, alone in its process: tracing caches callsite interest globally, so a
//! subscriber set for one test races with the other tests' threads.)

use std::time::Duration;

use attio::{Client, Error, RecordId, RetryPolicy, attio_object};
use attio_sandbox::{Fault, Sandbox};

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    user_id: String,
    primary_email_address: attio::EmailAddress,
}

fn user(id: &str) -> User {
    User {
        user_id: id.into(),
        primary_email_address: format!("u{id}@company.com").parse().unwrap(),
    }
}

#[test]
fn the_blocking_client_works_without_an_async_runtime() {
    // The sandbox needs a runtime of its own; the test thread itself has none.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sandbox = rt.block_on(Sandbox::start()).unwrap();
    let client =
        attio::blocking::Client::new(attio_tests::sandbox_client(&sandbox).build().unwrap())
            .unwrap();

    let created = client.create_record(&user("blocking-1")).unwrap();
    let id = created.id.record_id.clone();
    let mut changed = user("blocking-1");
    changed.primary_email_address = "changed@company.com".parse().unwrap();
    let updated = client.update_record(&changed, &id).unwrap();
    assert_eq!(updated.values, changed);
    let read = client.get_record::<User>(&id).unwrap();
    assert_eq!(read.values, changed);
    assert_eq!(client.stats().attempts, 3);
}

#[tokio::test]
async fn the_blocking_client_refuses_to_stall_an_async_runtime() {
    let client =
        attio::blocking::Client::new(Client::builder().api_key("t").build().unwrap()).unwrap();
    let id: RecordId = "r".parse().unwrap();
    let err = client.get_record::<User>(&id).unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput(ref m) if m.contains("async runtime")),
        "{err}"
    );
}

#[tokio::test]
async fn a_slow_answer_times_out_as_a_transport_error() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox)
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let created = client.create_record(&user("slow")).await.unwrap();
    sandbox.inject_fault(Fault::Delay(Duration::from_secs(3)), 1);
    let err = client
        .get_record::<User>(&created.id.record_id)
        .await
        .unwrap_err();
    let Error::Transport { kind, .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!(kind, attio::TransportKind::Timeout, "{err}");
    assert_eq!(
        err.outcome(),
        attio::Outcome::NotApplied,
        "a read changes nothing"
    );
    let text = err.to_string();
    assert!(
        text.starts_with("GET /v2/objects/users/records/") && text.contains("timed out"),
        "{text}"
    );
}

#[tokio::test]
async fn a_timed_out_read_is_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox)
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .build()
        .unwrap();
    let created = client.create_record(&user("retried")).await.unwrap();
    sandbox.inject_fault(Fault::Delay(Duration::from_secs(3)), 1);
    let read = client
        .get_record::<User>(&created.id.record_id)
        .await
        .unwrap();
    assert_eq!(read.values, user("retried"));
    assert_eq!(client.stats().retries, 1);
}

#[tokio::test]
async fn dropping_a_request_cancels_it_and_the_client_goes_on() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let created = client.create_record(&user("cancel")).await.unwrap();
    let id = created.id.record_id.clone();
    sandbox.inject_fault(Fault::Delay(Duration::from_secs(5)), 1);
    let cancelled =
        tokio::time::timeout(Duration::from_millis(200), client.get_record::<User>(&id)).await;
    assert!(
        cancelled.is_err(),
        "the future was dropped before the answer"
    );
    let read = client.get_record::<User>(&id).await.unwrap();
    assert_eq!(read.values, user("cancel"));
}

#[test]
fn request_futures_are_send_so_they_can_be_spawned() {
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::builder().api_key("t").build().unwrap();
    let id: RecordId = "r".parse().unwrap();
    let user = user("send");
    let update = user.update(&client, &id);
    assert_send(&update);
    let get = client.get_record::<User>(&id);
    assert_send(&get);
    let create = client.create_record(&user);
    assert_send(&create);
}

#[tokio::test]
async fn a_failed_tls_handshake_is_a_tls_error_and_nothing_was_sent() {
    // A server on loopback that answers a TLS ClientHello with plain HTTP.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut hello = [0u8; 512];
            let _ = socket.read(&mut hello).await;
            let _ = socket
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    });
    let client = Client::builder()
        .api_key("t")
        .base_url(format!("https://127.0.0.1:{port}"))
        .build()
        .unwrap();
    let err = client.create_record(&user("tls")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: attio::TransportKind::Tls,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.outcome(), attio::Outcome::NotSent);
    assert_eq!(client.stats().retries, 0, "a TLS failure is not retried");
    let text = err.to_string();
    assert!(
        text.starts_with(
            "POST /v2/objects/users/records did not complete: the TLS handshake failed"
        ),
        "{text}"
    );
}
