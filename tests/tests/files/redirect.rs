//! The download's redirect: followed once, to the signed URL, without the bearer token; every
//! other redirect refused, as before.

use attio::files::Upload;
use attio::{Client, Error};
use attio_tests::{Canned, Stub};

use super::setup;

#[tokio::test]
async fn the_download_host_receives_no_authorization_header() {
    let (sandbox, client, acme) = setup().await;
    let upload = Upload::from_reader("secret.txt", &b"top secret"[..], 10).unwrap();
    let file = client.upload_file(&acme, upload).await.unwrap();
    let download = client.download_file(file.file_id()).await.unwrap();
    let mut copy = Vec::new();
    download.copy_to(&mut copy).await.unwrap();
    assert_eq!(copy, b"top secret");

    let received = sandbox.download_requests();
    assert_eq!(received.len(), 1, "{received:?}");
    let request = &received[0];
    assert_eq!(request.path, format!("/files/{}", file.file_id().as_str()));
    assert!(request.has_header("host"), "{request:?}");
    assert!(!request.has_header("authorization"), "{request:?}");
    assert!(
        request
            .headers
            .iter()
            .all(|(_, v)| !v.contains(sandbox.api_key())),
        "the API key reached the download host: {request:?}"
    );
    assert_ne!(sandbox.download_base_url(), sandbox.base_url());
    // Attio's host saw the token, as it must.
    assert_eq!(
        sandbox.request_count(
            "GET",
            &format!("/v2/files/{}/download", file.file_id().as_str())
        ),
        1
    );
}

#[tokio::test]
async fn a_tampered_or_unsigned_url_is_refused_by_the_download_host() {
    let (sandbox, client, acme) = setup().await;
    let upload = Upload::from_reader("a.txt", &b"abc"[..], 3).unwrap();
    let file = client.upload_file(&acme, upload).await.unwrap();
    let bare = super::bare_http();
    let answer = bare
        .get(format!(
            "{}/v2/files/{}/download",
            sandbox.base_url(),
            file.file_id().as_str()
        ))
        .bearer_auth(sandbox.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 302);
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(sandbox.download_base_url()),
        "{location}"
    );
    assert_eq!(
        bare.get(&location)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
        "abc"
    );
    let tampered = location.replace("signature=", "signature=0");
    assert_eq!(bare.get(&tampered).send().await.unwrap().status(), 403);
    let unsigned = location.split('?').next().unwrap().to_owned();
    assert_eq!(bare.get(&unsigned).send().await.unwrap().status(), 403);
}

/// A client of `stub`.
fn client_of(stub: &Stub) -> Client {
    Client::builder()
        .api_key("secret-token")
        .base_url(stub.url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_redirect_on_any_other_request_is_still_refused() {
    let elsewhere = Stub::start(vec![Canned::json(200, "{}")]).await;
    let attio = Stub::start(vec![
        Canned::with_type(302, "text/plain", "")
            .header("location", &format!("{}/x", elsewhere.url())),
    ])
    .await;
    let client = client_of(&attio);
    let id = "a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse().unwrap();
    let err = client.get_file(&id).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 302, .. }), "{err:?}");
    let err = client.delete_file(&id).await.unwrap_err();
    assert_eq!(err.status(), Some(302), "{err}");
    let upload = Upload::from_reader("a.txt", &b"a"[..], 1).unwrap();
    let record = attio::RecordReference::new("people", "bf071e1f".parse().unwrap());
    let err = client.upload_file(&record, upload).await.unwrap_err();
    assert_eq!(err.status(), Some(302), "{err}");
    assert!(elsewhere.received().is_empty(), "a redirect was followed");
}

#[tokio::test]
async fn the_download_follows_one_redirect_and_not_a_second() {
    let third = Stub::start(vec![Canned::with_type(200, "text/plain", "never")]).await;
    let second = Stub::start(vec![
        Canned::with_type(302, "text/plain", "")
            .header("location", &format!("{}/again", third.url())),
    ])
    .await;
    let attio = Stub::start(vec![
        Canned::with_type(302, "text/plain", "")
            .header("location", &format!("{}/signed?sig=abc", second.url())),
    ])
    .await;
    let client = client_of(&attio);
    let id = "a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse().unwrap();
    let err = client.download_file(&id).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 302, .. }), "{err:?}");
    // The error names the signed URL's host and path, not its query (a credential).
    let text = err.to_string();
    assert!(
        text.contains("/signed") && !text.contains("sig=abc"),
        "{text}"
    );
    assert_eq!(
        attio.received()[0].header("authorization"),
        Some("Bearer secret-token")
    );
    let at_second = second.received();
    assert_eq!(at_second.len(), 1);
    assert_eq!(at_second[0].header("authorization"), None);
    assert!(
        third.received().is_empty(),
        "a second redirect was followed"
    );
}

#[tokio::test]
async fn the_request_to_attio_is_retried_and_the_redirect_then_followed() {
    let storage = Stub::start(vec![Canned::with_type(200, "text/plain", "the bytes")]).await;
    let attio = Stub::start(vec![
        Canned::json(
            503,
            r#"{"status_code":503,"type":"api_error","code":"unavailable","message":"Try again"}"#,
        ),
        Canned::with_type(302, "text/plain", "")
            .header("location", &format!("{}/f?s=1", storage.url())),
    ])
    .await;
    let client = client_of(&attio);
    let id = "a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse().unwrap();
    let mut copy = Vec::new();
    client
        .download_file(&id)
        .await
        .unwrap()
        .copy_to(&mut copy)
        .await
        .unwrap();
    assert_eq!(copy, b"the bytes");
    assert_eq!(attio.received().len(), 2);
    assert_eq!(storage.received().len(), 1);
    assert_eq!(client.stats().retries, 1);
}

#[tokio::test]
async fn an_upload_from_a_path_is_retried_after_a_429_and_one_from_a_reader_is_not() {
    let entry = r#"{"data":{"id":{"workspace_id":"w","file_id":"f"},"object_id":"o","object_slug":"people",
        "record_id":"r","storage_provider":"attio","created_by_actor":{"type":"api-token","id":"t"},
        "created_at":"2026-01-01T00:00:00Z","file_type":"file","name":"a.txt","content_type":null,
        "content_size":3,"parent_folder_id":null}}"#;
    let limited = r#"{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Slow down"}"#;
    let attio = Stub::start(vec![
        Canned::json(429, limited).header("retry-after", "0"),
        Canned::json(201, entry),
        Canned::json(429, limited).header("retry-after", "0"),
    ])
    .await;
    let client = client_of(&attio);
    let record = attio::RecordReference::new("people", "r".parse().unwrap());
    let path = std::env::temp_dir().join(format!("attio-files-{}-retry.txt", std::process::id()));
    std::fs::write(&path, b"abc").unwrap();
    let upload = Upload::from_path(&path).await.unwrap();
    let file = client.upload_file(&record, upload).await.unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(file.name(), Some("a.txt"));
    let received = attio.received();
    assert_eq!(received.len(), 2);
    // The same form both times (but for the boundary), the file read anew.
    assert_eq!(received[0].body.len(), received[1].body.len());
    for sent in &received {
        assert!(String::from_utf8_lossy(&sent.body).contains("\r\n\r\nabc\r\n"));
    }

    let upload = Upload::from_reader("b.txt", &b"xyz"[..], 3).unwrap();
    let err = client.upload_file(&record, upload).await.unwrap_err();
    assert_eq!(err.status(), Some(429), "{err}");
    assert_eq!(attio.received().len(), 3);
}
