//! Files both ways: a 50 MB file uploaded (`Client::upload_file`, multipart streamed from the
//! disk) and downloaded (`Client::download_file`, the redirect followed without the token, the
//! body streamed into a sink) against the sandbox, beside bare reqwest sending the same requests:
//! the same multipart form streamed from the same file with the same 64 KiB reads, and the same
//! redirect followed by hand. Interleaved rounds; prints the median throughput of each, the
//! ratio (target: ours >= 0.9x bare reqwest), and the peak heap of the client's threads during
//! each transfer (the sandbox's thread, which stores the file, is left out; target: < 4 MB).
//! Rounds are paced (see `settle`) so that neither side is timed waiting for a rate limit.
//!
//! `cargo bench -p attio-benches --bench files` (FILES_ROUNDS overrides 7 rounds).

use std::path::Path;
use std::time::Instant;

use attio::files::{MAX_UPLOAD_BYTES, Upload};
use attio::{Client, RecordReference};
use attio_benches::{ThreadSandbox, alloc, machine, median};
use futures::StreamExt as _;
use tokio::io::AsyncWriteExt as _;

#[global_allocator]
static A: alloc::Counting = alloc::Counting;

/// One transfer's seconds and peak heap (bytes above what was live before it).
type Measured = (f64, i64);

/// Runs `transfer`, measuring its time and the peak of live heap bytes above the start.
async fn measured<F: Future<Output = ()>>(transfer: F) -> Measured {
    let before = alloc::live();
    alloc::reset_peak();
    let started = Instant::now();
    transfer.await;
    (started.elapsed().as_secs_f64(), alloc::peak() - before)
}

/// The multipart form bare reqwest sends: the fields, then the file streamed from disk.
async fn bare_form(path: &Path, record: &RecordReference) -> reqwest::multipart::Form {
    let file = tokio::fs::File::open(path).await.unwrap();
    let stream = tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024);
    let part = reqwest::multipart::Part::stream_with_length(
        reqwest::Body::wrap_stream(stream),
        MAX_UPLOAD_BYTES,
    )
    .file_name("fifty.bin");
    reqwest::multipart::Form::new()
        .text("object", record.target_object().to_owned())
        .text("record_id", record.target_record_id().as_str().to_owned())
        .part("file", part)
}

/// Bare reqwest's upload: the file's id.
async fn bare_upload(
    http: &reqwest::Client,
    sb: &ThreadSandbox,
    path: &Path,
    record: &RecordReference,
) -> String {
    let answer = http
        .post(format!("{}/v2/files/upload", sb.base_url))
        .bearer_auth(&sb.api_key)
        .multipart(bare_form(path, record).await)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 201);
    let body: serde_json::Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    body["data"]["id"]["file_id"].as_str().unwrap().to_owned()
}

/// Bare reqwest's download: the redirect by hand (no token to the other host), the body into a
/// sink; the bytes read.
async fn bare_download(http: &reqwest::Client, sb: &ThreadSandbox, id: &str) -> u64 {
    let answer = http
        .get(format!("{}/v2/files/{id}/download", sb.base_url))
        .bearer_auth(&sb.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 302);
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    let answer = http.get(location).send().await.unwrap();
    assert!(answer.status().is_success());
    let mut body = answer.bytes_stream();
    let mut sink = tokio::io::sink();
    let mut read = 0u64;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.unwrap();
        sink.write_all(&chunk).await.unwrap();
        read += chunk.len() as u64;
    }
    read
}

/// A pause after each round's delete, outside the measures: the client spaces its writes by its
/// write limit (25/s: 40 ms) and its uploads by Attio's 1 request/s, so an upload measured right
/// after a delete would time the limiter's wait, which bare reqwest does not have.
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
}

/// One upload and one download through the SDK (the file deleted after): their measures.
async fn ours_round(
    client: &Client,
    record: &RecordReference,
    path: &Path,
) -> (Measured, Measured) {
    let mut id = None;
    let up = measured(async {
        let upload = Upload::from_path(path).await.unwrap();
        id = Some(client.upload_file(record, upload).await.unwrap().id.file_id);
    })
    .await;
    let id = id.unwrap();
    let down = measured(async {
        let download = client.download_file(&id).await.unwrap();
        let written = download.copy_to(&mut tokio::io::sink()).await.unwrap();
        assert_eq!(written, MAX_UPLOAD_BYTES);
    })
    .await;
    client.delete_file(&id).await.unwrap();
    settle().await;
    (up, down)
}

/// The same upload and download through bare reqwest: their measures.
async fn bare_round(
    client: &Client,
    http: &reqwest::Client,
    sb: &ThreadSandbox,
    record: &RecordReference,
    path: &Path,
) -> (Measured, Measured) {
    let mut id = String::new();
    let up = measured(async {
        id = bare_upload(http, sb, path, record).await;
    })
    .await;
    let down = measured(async {
        assert_eq!(bare_download(http, sb, &id).await, MAX_UPLOAD_BYTES);
    })
    .await;
    client.delete_file(&id.parse().unwrap()).await.unwrap();
    settle().await;
    (up, down)
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return; // `cargo test --benches`: 50 MB transfers run only under `cargo bench`.
    }
    let rounds: usize = std::env::var("FILES_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let sb = ThreadSandbox::start(false, 1);
    let record = RecordReference::new("users", sb.ids[0].clone());
    let path = std::env::temp_dir().join(format!("attio-bench-files-{}", std::process::id()));
    {
        let chunk: Vec<u8> = (0..1024 * 1024).map(|i| (i % 251) as u8).collect();
        let mut file = std::fs::File::create(&path).unwrap();
        for _ in 0..MAX_UPLOAD_BYTES / chunk.len() as u64 {
            std::io::Write::write_all(&mut file, &chunk).unwrap();
        }
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder()
        .api_key(&sb.api_key)
        .base_url(&sb.base_url)
        .build()
        .unwrap();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    println!(
        "== files: a 50 MB file up and down, {rounds} interleaved rounds ({}) ==",
        machine()
    );
    let mb = MAX_UPLOAD_BYTES as f64 / 1e6;
    let (mut up, mut bare_up, mut down, mut bare_down) = (vec![], vec![], vec![], vec![]);
    let (mut up_ratio, mut down_ratio) = (vec![], vec![]);
    let mut peaks = [0i64; 4];
    rt.block_on(async {
        for round in 0..=rounds {
            // Alternate which side goes first, so that what one leaves behind (the sandbox's
            // freed 50 MB, a warm connection) falls on both.
            let (ours, theirs) = if round % 2 == 0 {
                let ours = ours_round(&client, &record, &path).await;
                (ours, bare_round(&client, &http, &sb, &record, &path).await)
            } else {
                let theirs = bare_round(&client, &http, &sb, &record, &path).await;
                (ours_round(&client, &record, &path).await, theirs)
            };
            let ((ours_up, ours_down), (theirs_up, theirs_down)) = (ours, theirs);
            if round == 0 {
                continue; // warm-up
            }
            for (peak, m) in peaks
                .iter_mut()
                .zip([ours_up, theirs_up, ours_down, theirs_down])
            {
                *peak = (*peak).max(m.1);
            }
            up.push(mb / ours_up.0);
            bare_up.push(mb / theirs_up.0);
            down.push(mb / ours_down.0);
            bare_down.push(mb / theirs_down.0);
            // Throughput ratio: ours / bare (1.0 is as fast).
            up_ratio.push(theirs_up.0 / ours_up.0);
            down_ratio.push(theirs_down.0 / ours_down.0);
        }
    });
    let _ = std::fs::remove_file(&path);
    let kib = |b: i64| b as f64 / 1024.0;
    println!(
        "files upload:   attio {:.1} MB/s vs bare reqwest {:.1} MB/s  ratio = {:.3}  (target >= 0.9)",
        median(&mut up),
        median(&mut bare_up),
        median(&mut up_ratio)
    );
    println!(
        "files download: attio {:.1} MB/s vs bare reqwest {:.1} MB/s  ratio = {:.3}  (target >= 0.9)",
        median(&mut down),
        median(&mut bare_down),
        median(&mut down_ratio)
    );
    println!(
        "files peak heap during a transfer: upload attio {:.0} KiB (bare {:.0} KiB), download attio {:.0} KiB (bare {:.0} KiB)  (target < 4096 KiB)",
        kib(peaks[0]),
        kib(peaks[1]),
        kib(peaks[2]),
        kib(peaks[3])
    );
}
