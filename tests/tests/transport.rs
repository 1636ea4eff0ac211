//! Transport behaviour: the blocking client, timeouts and cancellation. (What the tracing spans
//! show is in `tracing.rs`, alone in its process: tracing caches callsite interest globally, so a
//! subscriber set for one test races with the other tests' threads.)

use attio::prelude::*;
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

/// A blocking client for the sandbox, and a record of it read twice: the first call on a thread
/// and the later ones take the same path, each call deciding afresh how to wait.
fn blocking_create_and_get(client: &attio::blocking::Client, id: &str) {
    let created = client.create_record(&user(id)).unwrap();
    let read = client.get_record::<User>(&created.id.record_id).unwrap();
    assert_eq!(read.values, user(id));
    let again = client.get_record::<User>(&created.id.record_id).unwrap();
    assert_eq!(again.values, user(id));
}

async fn sandbox_and_blocking_client() -> (Sandbox, attio::blocking::Client) {
    let sandbox = Sandbox::start().await.unwrap();
    let client =
        attio::blocking::Client::new(attio_tests::sandbox_client(&sandbox).build().unwrap())
            .unwrap();
    (sandbox, client)
}

#[test]
fn the_blocking_client_works_on_a_plain_thread() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sandbox = rt.block_on(Sandbox::start()).unwrap();
    let client =
        attio::blocking::Client::new(attio_tests::sandbox_client(&sandbox).build().unwrap())
            .unwrap();
    std::thread::spawn(move || blocking_create_and_get(&client, "plain-thread"))
        .join()
        .unwrap();
}

#[tokio::test]
async fn the_blocking_client_works_in_spawn_blocking_of_a_current_thread_runtime() {
    // The sandbox is served by this same runtime, whose one thread is free while the blocking
    // thread waits.
    let (_sandbox, client) = sandbox_and_blocking_client().await;
    tokio::task::spawn_blocking(move || {
        blocking_create_and_get(&client, "current-thread-spawn-blocking");
        // A second client, and the first again, on the same blocking thread.
        let clone = client.clone();
        blocking_create_and_get(&clone, "current-thread-spawn-blocking-2");
        blocking_create_and_get(&client, "current-thread-spawn-blocking-3");
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_blocking_client_works_anywhere_in_a_multi_thread_runtime() {
    let (_sandbox, client) = sandbox_and_blocking_client().await;

    let in_pool = client.clone();
    tokio::task::spawn_blocking(move || blocking_create_and_get(&in_pool, "multi-spawn-blocking"))
        .await
        .unwrap();

    // This future is the runtime's `block_on` future, on the test's own thread.
    blocking_create_and_get(&client, "multi-block-on");

    // A task on a worker: the worker's other tasks move away while it blocks.
    let on_worker = client.clone();
    tokio::spawn(async move {
        assert!(tokio::runtime::worker_index().is_some(), "on a worker");
        blocking_create_and_get(&on_worker, "multi-worker");
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn the_blocking_client_on_the_only_worker_hands_the_sandbox_to_another_thread() {
    let (_sandbox, client) = sandbox_and_blocking_client().await;
    tokio::spawn(async move { blocking_create_and_get(&client, "only-worker") })
        .await
        .unwrap();
}

#[tokio::test]
async fn the_blocking_client_refuses_the_thread_driving_a_current_thread_runtime() {
    // Blocking here would stall the sandbox, served by this runtime's one thread: a deadlock.
    let (_sandbox, client) = sandbox_and_blocking_client().await;
    let started = std::time::Instant::now();
    let err = client.create_record(&user("refused")).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "refused at once"
    );
    assert!(
        matches!(err, Error::InvalidInput(ref m)
            if m.contains("async runtime") && m.contains("spawn_blocking")),
        "{err}"
    );
    assert_eq!(client.stats().attempts, 0, "nothing was sent");

    // A task of that runtime is on the same thread, and refused the same way.
    let in_task = client.clone();
    let id: RecordId = "r".parse().unwrap();
    let err = tokio::spawn(async move { in_task.get_record::<User>(&id) })
        .await
        .unwrap()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err}");

    // Where the message says to move the call, it works.
    tokio::task::spawn_blocking(move || blocking_create_and_get(&client, "moved"))
        .await
        .unwrap();
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
