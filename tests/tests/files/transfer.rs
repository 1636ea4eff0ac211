//! Uploads from a path and from a reader, downloads streamed back, and the 50 MB limit.

use attio::files::{FileKind, MAX_UPLOAD_BYTES, Upload};
use attio::{Error, Outcome};
use futures::TryStreamExt as _;

use super::setup;

/// `len` bytes that are not all alike.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

/// A path in the temporary directory, unique to this test and process.
fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("attio-files-{}-{name}", std::process::id()))
}

#[tokio::test]
async fn a_file_uploaded_from_a_path_downloads_byte_for_byte() {
    let (_sandbox, client, acme) = setup().await;
    let bytes = pattern(3 * 1024 * 1024 + 17);
    let path = temp_path("quote.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let upload = Upload::from_path(&path)
        .await
        .unwrap()
        .content_type("application/pdf");
    assert_eq!(
        upload.name(),
        format!("attio-files-{}-quote.pdf", std::process::id())
    );
    let file = client.upload_file(&acme, upload).await.unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        &file.kind,
        FileKind::File { content_type: Some(t), content_size: Some(size), parent_folder_id: None, .. }
            if t == "application/pdf" && *size == bytes.len() as u64
    ));

    let download = client.download_file(file.file_id()).await.unwrap();
    assert_eq!(download.content_length(), Some(bytes.len() as u64));
    assert_eq!(download.content_type(), Some("application/pdf"));
    let mut copy = Vec::new();
    let written = download.copy_to(&mut copy).await.unwrap();
    assert_eq!(written, bytes.len() as u64);
    assert!(
        copy == bytes,
        "the downloaded bytes differ from the uploaded ones"
    );
}

#[tokio::test]
async fn a_file_uploaded_from_a_reader_streams_back_in_chunks() {
    let (_sandbox, client, acme) = setup().await;
    let bytes = pattern(700_000);
    let reader = std::io::Cursor::new(bytes.clone());
    let upload = Upload::from_reader("export.csv", reader, bytes.len() as u64).unwrap();
    let file = client.upload_file(&acme, upload).await.unwrap();
    assert_eq!(file.name(), Some("export.csv"));
    let chunks: Vec<_> = client
        .download_file(file.file_id())
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(chunks.concat(), bytes);
}

#[tokio::test]
async fn an_upload_past_50_mb_is_refused_before_sending() {
    let (sandbox, client, acme) = setup().await;
    let path = temp_path("huge.bin");
    // A sparse file: its length is what counts, and it takes no disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_UPLOAD_BYTES + 1)
        .unwrap();
    let err = Upload::from_path(&path).await.unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(
        matches!(err, Error::UploadTooLarge { size, limit, .. } if size == MAX_UPLOAD_BYTES + 1 && limit == MAX_UPLOAD_BYTES),
        "{err:?}"
    );
    assert_eq!(err.outcome(), Outcome::NotSent);
    let text = err.to_string();
    assert!(
        text.contains("52428801") && text.contains("52428800"),
        "{text}"
    );
    let err = Upload::from_reader("big", tokio::io::empty(), MAX_UPLOAD_BYTES + 1).unwrap_err();
    assert!(matches!(err, Error::UploadTooLarge { .. }), "{err:?}");
    // Exactly the limit is accepted (not sent here: it only has to be built).
    let edge = Upload::from_reader("edge", tokio::io::empty(), MAX_UPLOAD_BYTES).unwrap();
    assert_eq!(edge.len(), MAX_UPLOAD_BYTES);
    assert_eq!(sandbox.request_count("POST", "/v2/files/upload"), 0);
    drop((client, acme));
}

#[tokio::test]
async fn the_sandbox_refuses_a_file_part_past_50_mb_from_another_client() {
    let (sandbox, _client, acme) = setup().await;
    let chunks = (0..=50).map(|_| Ok::<_, std::io::Error>(vec![7u8; 1024 * 1024]));
    let part =
        reqwest::multipart::Part::stream(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
            .file_name("big.bin");
    let form = reqwest::multipart::Form::new()
        .text("object", "companies")
        .text("record_id", acme.target_record_id().as_str().to_owned())
        .part("file", part);
    let answer = super::bare_http()
        .post(format!("{}/v2/files/upload", sandbox.base_url()))
        .bearer_auth(sandbox.api_key())
        .multipart(form)
        .send()
        .await;
    // The sandbox answers as soon as the part passes the limit; the client may still be sending.
    if let Ok(answer) = answer {
        assert_eq!(answer.status(), 400);
        let body: serde_json::Value = answer.json().await.unwrap();
        assert!(
            body["message"].as_str().unwrap().contains("50 MB"),
            "{body}"
        );
    }
    let files = attio_tests::sandbox_client(&sandbox).build().unwrap();
    assert!(files.files().collect_all().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_reader_that_yields_more_or_less_than_its_length_fails_the_upload() {
    let (_sandbox, client, acme) = setup().await;
    let longer = Upload::from_reader("a.txt", &b"abcdef"[..], 3).unwrap();
    let err = client.upload_file(&acme, longer).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    let shorter = Upload::from_reader("b.txt", &b"ab"[..], 3).unwrap();
    let err = client.upload_file(&acme, shorter).await.unwrap_err();
    assert!(
        err.request()
            .is_some_and(|r| r.path() == "/v2/files/upload"),
        "{err:?}"
    );
    assert!(
        client
            .files()
            .on(&acme)
            .collect_all()
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_download_past_the_clients_bound_ends_in_too_large() {
    let (sandbox, client, acme) = setup().await;
    let bytes = pattern(4096);
    let upload = Upload::from_reader("a.bin", std::io::Cursor::new(bytes), 4096).unwrap();
    let file = client.upload_file(&acme, upload).await.unwrap();
    let small = attio_tests::sandbox_client(&sandbox)
        .max_response_bytes(1000)
        .build()
        .unwrap();
    let err = small.download_file(file.file_id()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::TooLarge {
                limit: 1000,
                declared: Some(4096),
                ..
            }
        ),
        "{err:?}"
    );
    // The signed URL's query (a credential) is not in the error.
    assert!(!err.to_string().contains("signature"), "{err}");
}
