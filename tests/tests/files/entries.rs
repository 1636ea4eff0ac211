//! Listing, folders, connected files, get and delete.

use attio::files::{Connect, FileKind, StorageProvider, Upload};
use attio::{Error, ErrorCode, Outcome};
use futures::TryStreamExt as _;

use super::{company, setup};

#[tokio::test]
async fn folders_and_connections_are_created_listed_and_read() {
    let (_sandbox, client, acme) = setup().await;
    let contracts = client
        .create_folder(&acme, "Contracts", None)
        .await
        .unwrap();
    assert_eq!(contracts.name(), Some("Contracts"));
    assert_eq!(contracts.storage_provider, StorageProvider::Attio);
    assert_eq!(contracts.object_slug, "companies");
    assert_eq!(&contracts.record_id, acme.target_record_id());
    let drafts = client
        .create_folder(&acme, "Drafts", Some(contracts.file_id()))
        .await
        .unwrap();
    assert_eq!(drafts.parent_folder_id(), Some(contracts.file_id()));

    let drive = client
        .connect_file(
            &acme,
            Connect::file(StorageProvider::MicrosoftOnedrive, "01ABC").microsoft_drive("b!x"),
        )
        .await
        .unwrap();
    assert!(matches!(
        &drive.kind,
        FileKind::ConnectedFile { external_provider_file_id, microsoft_drive_id: Some(d) }
            if external_provider_file_id == "01ABC" && d == "b!x"
    ));
    let dropbox = client
        .connect_file(&acme, Connect::folder(StorageProvider::Dropbox, "id:9"))
        .await
        .unwrap();
    assert!(matches!(dropbox.kind, FileKind::ConnectedFolder { .. }));
    assert_eq!(dropbox.name(), None);

    assert_eq!(client.get_file(drafts.file_id()).await.unwrap(), drafts);
    let all = client.files().on(&acme).collect_all().await.unwrap();
    let ids: Vec<_> = all.iter().map(|f| f.file_id().clone()).collect();
    assert_eq!(
        ids,
        [
            contracts.file_id(),
            drafts.file_id(),
            drive.file_id(),
            dropbox.file_id()
        ]
        .map(Clone::clone)
    );
    let inside = client
        .files()
        .in_folder(contracts.file_id())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(inside, std::slice::from_ref(&drafts));
    let on_dropbox = client
        .files()
        .on(&acme)
        .provider(StorageProvider::Dropbox)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(on_dropbox, [dropbox]);

    // Another record's files are not this one's.
    let other = company(&client, "Globex").await;
    client.create_folder(&other, "Theirs", None).await.unwrap();
    assert_eq!(
        client.files().on(&acme).collect_all().await.unwrap().len(),
        4
    );
    assert_eq!(client.files().collect_all().await.unwrap().len(), 5);
}

#[tokio::test]
async fn a_listing_pages_by_cursor_past_one_page() {
    let (sandbox, client, acme) = setup().await;
    for i in 0..53 {
        client
            .create_folder(&acme, &format!("F{i}"), None)
            .await
            .unwrap();
    }
    let names: Vec<String> = client
        .files()
        .on(&acme)
        .stream()
        .map_ok(|f| f.name().unwrap_or_default().to_owned())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names.len(), 53);
    assert_eq!(names[52], "F52");
    assert_eq!(sandbox.request_count("GET", "/v2/files"), 2);
}

#[tokio::test]
async fn deleting_a_folder_deletes_everything_in_it() {
    let (_sandbox, client, acme) = setup().await;
    let top = client.create_folder(&acme, "Top", None).await.unwrap();
    let mid = client
        .create_folder(&acme, "Mid", Some(top.file_id()))
        .await
        .unwrap();
    let upload = Upload::from_reader("deep.txt", &b"deep"[..], 4)
        .unwrap()
        .in_folder(mid.file_id());
    let deep = client.upload_file(&acme, upload).await.unwrap();
    let beside = client.create_folder(&acme, "Beside", None).await.unwrap();

    client.delete_file(top.file_id()).await.unwrap();
    for gone in [&top, &mid, &deep] {
        let err = client.get_file(gone.file_id()).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::NotFound), "{err}");
    }
    let left = client.files().on(&acme).collect_all().await.unwrap();
    assert_eq!(left, [beside]);
}

#[tokio::test]
async fn missing_files_and_wrong_records_are_typed_errors() {
    let (_sandbox, client, acme) = setup().await;
    let missing: attio::values::FileId = "a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse().unwrap();
    for err in [
        client.get_file(&missing).await.unwrap_err(),
        client.delete_file(&missing).await.unwrap_err(),
        client.download_file(&missing).await.unwrap_err(),
    ] {
        assert_eq!(err.status(), Some(404), "{err}");
        assert_eq!(err.code(), Some(&ErrorCode::NotFound), "{err}");
        assert!(err.to_string().contains("a1b2c3d4"), "{err}");
    }

    // An object that does not exist, and a record that does not.
    let wrong_object = attio::RecordReference::new("spaceships", acme.target_record_id().clone());
    let err = client
        .create_folder(&wrong_object, "X", None)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
    assert!(err.to_string().contains("spaceships"), "{err}");
    let nobody = attio::RecordReference::new("companies", missing.as_str().parse().unwrap());
    let upload = Upload::from_reader("a.txt", &b"a"[..], 1).unwrap();
    let err = client.upload_file(&nobody, upload).await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
    assert_eq!(err.outcome(), Outcome::NotApplied);

    // A parent that is not a folder of this record.
    let other = company(&client, "Globex").await;
    let theirs = client.create_folder(&other, "Theirs", None).await.unwrap();
    let err = client
        .create_folder(&acme, "Mine", Some(theirs.file_id()))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    assert!(err.to_string().contains("another record"), "{err}");

    // A folder is not downloadable.
    let err = client.download_file(theirs.file_id()).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
}

#[tokio::test]
async fn what_attio_would_refuse_is_refused_before_sending() {
    let (sandbox, client, acme) = setup().await;
    let before = sandbox.total_requests();
    let err = client.create_folder(&acme, "  ", None).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err}");
    let err = client
        .connect_file(&acme, Connect::file(StorageProvider::Attio, "x"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("upload_file"), "{err}");
    let err = client
        .connect_file(
            &acme,
            Connect::file(StorageProvider::BoxCom, "x").microsoft_drive("d"),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("microsoft-onedrive"), "{err}");
    let err = Upload::from_reader("", &b""[..], 0).unwrap_err();
    assert!(err.to_string().contains("file name"), "{err}");
    assert_eq!(sandbox.total_requests(), before);
}
