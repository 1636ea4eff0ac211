//! Files end to end against the sandbox: entries (list, folders, connections, get, delete with
//! descendants, errors) in `entries`; uploads and downloads, streamed, in `transfer`; and the
//! download's redirect (followed once, without the bearer token; every other redirect refused)
//! in `redirect`.

mod entries;
mod redirect;
mod transfer;

use attio::prelude::*;
use attio::{Client, RecordReference, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
}

/// A sandbox, a client of it, and a company record to hang files on.
async fn setup() -> (Sandbox, Client, RecordReference) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let acme = company(&client, "Acme").await;
    (sandbox, client, acme)
}

/// A new company record.
async fn company(client: &Client, name: &str) -> RecordReference {
    let record = Company { name: name.into() }.create(client).await.unwrap();
    RecordReference::new("companies", record.id.record_id)
}

/// A bare reqwest client that follows no redirect (the process's crypto provider installed
/// first, as reqwest without one needs).
fn bare_http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Uploads, downloads and listings can be spawned: their futures and streams are `Send`.
#[test]
fn the_transfers_can_be_spawned() {
    fn send<T: Send>(_: T) {}
    let client = Client::builder().api_key("t").build().unwrap();
    let record = RecordReference::new("people", "r".parse().unwrap());
    let id: attio::values::FileId = "f".parse().unwrap();
    // A reader that is `Send` but not `Sync` is accepted.
    struct NotSync(
        std::io::Cursor<Vec<u8>>,
        std::marker::PhantomData<std::cell::Cell<()>>,
    );
    impl tokio::io::AsyncRead for NotSync {
        fn poll_read(
            mut self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
            buf: &mut tokio::io::ReadBuf<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
        }
    }
    let reader = NotSync(std::io::Cursor::new(vec![1]), std::marker::PhantomData);
    let upload = attio::files::Upload::from_reader("a", reader, 1).unwrap();
    send(client.upload_file(&record, upload));
    send(client.download_file(&id));
    send(client.files().on(&record).stream());
}
