//! Files on a record: a folder, a file uploaded into it (streamed from disk), a link to a file
//! kept in Google Drive, the record's files listed, the upload downloaded back (streamed, from a
//! signed URL on another host that never sees the API key), and the folder deleted with what is
//! in it.
//!
//! ```sh
//! cargo run --example files
//! ```
//!
//! With no `ATTIO_API_KEY` set it starts `attio-sandbox` in this process on 127.0.0.1, so it runs
//! with no account and no network. With `ATTIO_API_KEY` set it talks to Attio (or to
//! `ATTIO_BASE_URL`): it creates a company named "Files example" with a folder and a file in your
//! workspace, then deletes the folder and the file (the company stays).

mod common;

use attio::files::{Connect, FileKind, StorageProvider, Upload};
use attio::prelude::*;
use attio::{RecordReference, attio_object};

/// A company: the standard `companies` object, the one attribute this program writes.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// The company's name.
    pub name: String,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (client, sandbox) = common::connect().await?;

    let company = Company {
        name: "Files example".into(),
    }
    .create(&client)
    .await?;
    let record = RecordReference::new("companies", company.id.record_id.clone());

    // A folder, and a file uploaded into it from disk (streamed; at most 50 MB).
    let folder = client.create_folder(&record, "Contracts", None).await?;
    let path = std::env::temp_dir().join("attio-example-quote.txt");
    let text = "Quote for Files example: 12 seats, 12 months.\n".repeat(1000);
    tokio::fs::write(&path, &text).await?;
    let upload = Upload::from_path(&path)
        .await?
        .content_type("text/plain")
        .in_folder(folder.file_id());
    let file = client.upload_file(&record, upload).await?;
    tokio::fs::remove_file(&path).await?;
    if let FileKind::File { content_size, .. } = &file.kind {
        println!("Uploaded {:?}: {content_size:?} bytes", file.name());
    }

    // A file that stays in Google Drive, linked to the record.
    let linked = client
        .connect_file(
            &record,
            Connect::file(StorageProvider::GoogleDrive, "1AbCdEfGhIj"),
        )
        .await?;

    for entry in client.files().on(&record).collect_all().await? {
        println!(
            "  {} {:<16} {}",
            entry.storage_provider,
            entry.name().unwrap_or("(connected)"),
            entry.file_id()
        );
    }

    // Download it back: the redirect's other host gets no Authorization header.
    let mut copy = Vec::new();
    let bytes = client
        .download_file(file.file_id())
        .await?
        .copy_to(&mut copy)
        .await?;
    assert_eq!(copy, text.as_bytes());
    println!("Downloaded {bytes} bytes, the same as uploaded");
    if let Some(sandbox) = &sandbox {
        let to_storage = sandbox.download_requests();
        let leaked = to_storage.iter().any(|r| r.has_header("authorization"));
        println!(
            "The storage host received {} request(s), {} an Authorization header",
            to_storage.len(),
            if leaked { "WITH" } else { "none with" }
        );
    }

    // Deleting the folder deletes the file in it.
    client.delete_file(folder.file_id()).await?;
    client.delete_file(linked.file_id()).await?;
    let left = client.files().on(&record).collect_all().await?;
    println!("{} file(s) left on the record", left.len());
    Ok(())
}
