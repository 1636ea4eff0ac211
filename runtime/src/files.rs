//! Files and folders on records: list, create a folder, connect a file or folder of a storage
//! provider, get, delete, and upload and download, streamed both ways.
//!
//! ```no_run
//! use attio::files::Upload;
//! use futures::TryStreamExt as _;
//!
//! # async fn run(client: attio::Client, acme: attio::RecordReference) -> attio::Result<()> {
//! let contracts = client.create_folder(&acme, "Contracts", None).await?;
//! let upload = Upload::from_path("quote.pdf").await?.content_type("application/pdf");
//! let file = client.upload_file(&acme, upload.in_folder(contracts.file_id())).await?;
//!
//! // The download comes from a signed URL on another host; the API key is not sent there.
//! let mut out = tokio::fs::File::create("copy.pdf").await.unwrap();
//! client.download_file(file.file_id()).await?.copy_to(&mut out).await?;
//!
//! let everything = client.files().on(&acme).collect_all().await?;
//! client.delete_file(contracts.file_id()).await?; // the folder, and the quote in it
//! # Ok(()) }
//! ```

use std::path::Path;
use std::pin::Pin;

use tokio::io::AsyncRead;

use crate::client::{Client, UploadParts, UploadSource};
use crate::error::{Error, Result};
use crate::operation;
use crate::pages::Listing;
use crate::values::{FileId, RecordReference};
use crate::wire::{self, file::CreateBody};

pub use crate::client::Download;
pub use crate::wire::file::{FileEntry, FileIdentifier, FileKind, StorageProvider};
pub use crate::wire::parent::ParentRecord;

/// The largest file Attio accepts in one upload: 50 MB (52,428,800 bytes). An [`Upload`] past
/// it is refused before anything is sent, with [`Error::UploadTooLarge`].
///
/// ```
/// assert_eq!(attio::files::MAX_UPLOAD_BYTES, 50 * 1024 * 1024);
/// ```
pub const MAX_UPLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// Attio's default page of files, the size the listing asks for.
const PAGE: usize = 50;

/// A file to upload: its bytes (from a path or any reader), its name and media type, and the
/// folder it goes in. Sent by [`Client::upload_file`], streamed: never read into memory whole.
///
/// ```no_run
/// use attio::files::Upload;
///
/// # async fn run() -> attio::Result<()> {
/// let from_disk = Upload::from_path("report.pdf").await?; // name "report.pdf", length from disk
/// let bytes: &'static [u8] = b"id,name\n1,Acme\n";
/// let from_memory = Upload::from_reader("export.csv", bytes, bytes.len() as u64)?
///     .content_type("text/csv");
/// # Ok(()) }
/// ```
#[must_use = "a file is uploaded by `client.upload_file(&record, upload)`"]
pub struct Upload {
    name: String,
    length: u64,
    content_type: Option<String>,
    parent_folder_id: Option<FileId>,
    source: UploadSource,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("name", &self.name)
            .field("length", &self.length)
            .field("content_type", &self.content_type)
            .field("parent_folder_id", &self.parent_folder_id)
            .finish_non_exhaustive()
    }
}

impl Upload {
    /// The file at `path`, named by its file name; its length is read from the disk now, and
    /// a file past [`MAX_UPLOAD_BYTES`] is refused here.
    ///
    /// ```no_run
    /// # async fn run() -> attio::Result<()> {
    /// let upload = attio::files::Upload::from_path("slides/deck.pdf").await?;
    /// assert_eq!(upload.name(), "deck.pdf");
    /// # Ok(()) }
    /// ```
    pub async fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let metadata = tokio::fs::metadata(path)
            .await
            .map_err(|source| Error::LocalIo {
                action: format!("could not read `{}` to upload it", path.display()),
                source,
            })?;
        if !metadata.is_file() {
            return Err(Error::InvalidInput(format!(
                "`{}` is not a file; upload a file, or make a folder with `Client::create_folder`",
                path.display()
            )));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Upload::new(name, metadata.len(), UploadSource::Path(path.to_owned()))
    }

    /// `length` bytes read from `reader`, named `name`. The length goes in the form before the
    /// bytes do, so it must be exact: a reader that ends early or yields more fails the upload.
    /// A length past [`MAX_UPLOAD_BYTES`] is refused here. A reader is sent once, so an upload
    /// from one is not retried.
    ///
    /// ```
    /// let upload = attio::files::Upload::from_reader("notes.txt", &b"hello"[..], 5)?;
    /// assert_eq!(upload.len(), 5);
    ///
    /// let err = attio::files::Upload::from_reader("huge.bin", &b""[..], 60_000_000).unwrap_err();
    /// assert!(matches!(err, attio::Error::UploadTooLarge { size: 60_000_000, .. }));
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn from_reader(
        name: impl Into<String>,
        reader: impl AsyncRead + Send + 'static,
        length: u64,
    ) -> Result<Self> {
        let reader: Pin<Box<dyn AsyncRead + Send>> = Box::pin(reader);
        Upload::new(name.into(), length, UploadSource::Reader(Some(reader)))
    }

    fn new(name: String, length: u64, source: UploadSource) -> Result<Self> {
        if name.trim().is_empty() {
            return Err(Error::InvalidInput(
                "an upload needs a file name, such as \"report.pdf\"".into(),
            ));
        }
        if length > MAX_UPLOAD_BYTES {
            return Err(Error::UploadTooLarge {
                name,
                size: length,
                limit: MAX_UPLOAD_BYTES,
            });
        }
        Ok(Upload {
            name,
            length,
            content_type: None,
            parent_folder_id: None,
            source,
        })
    }

    /// The file's media type, e.g. `application/pdf` (sent as the part's `Content-Type`).
    ///
    /// ```
    /// let upload = attio::files::Upload::from_reader("a.csv", &b"x"[..], 1)?.content_type("text/csv");
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Puts the file in the folder `folder` (of the same record); at the top level otherwise.
    ///
    /// ```
    /// let folder: attio::values::FileId = "a1b2c3d4-e5f6-7890-abcd-ef1234567890".parse()?;
    /// let upload = attio::files::Upload::from_reader("a.txt", &b"x"[..], 1)?.in_folder(&folder);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_folder(mut self, folder: &FileId) -> Self {
        self.parent_folder_id = Some(folder.clone());
        self
    }

    /// The file's name.
    ///
    /// ```
    /// assert_eq!(attio::files::Upload::from_reader("a.txt", &b"x"[..], 1)?.name(), "a.txt");
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's length in bytes.
    ///
    /// ```
    /// assert_eq!(attio::files::Upload::from_reader("a.txt", &b"xy"[..], 2)?.len(), 2);
    /// # Ok::<(), attio::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> u64 {
        self.length
    }
}

/// A file or folder of an external storage provider, to connect to a record with
/// [`Client::connect_file`].
///
/// ```
/// use attio::files::{Connect, StorageProvider};
///
/// let file = Connect::file(StorageProvider::GoogleDrive, "1AbCdEf");
/// let folder = Connect::folder(StorageProvider::MicrosoftOnedrive, "01ABC").microsoft_drive("b!xyz");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a connection is made by `client.connect_file(&record, connect)`"]
pub struct Connect {
    folder: bool,
    provider: StorageProvider,
    external_id: String,
    drive: Option<String>,
}

impl Connect {
    /// A file, by its id at `provider`.
    pub fn file(provider: StorageProvider, external_id: impl Into<String>) -> Self {
        Connect {
            folder: false,
            provider,
            external_id: external_id.into(),
            drive: None,
        }
    }

    /// A folder, by its id at `provider`.
    pub fn folder(provider: StorageProvider, external_id: impl Into<String>) -> Self {
        Connect {
            folder: true,
            ..Connect::file(provider, external_id)
        }
    }

    /// The OneDrive drive holding it (for [`StorageProvider::MicrosoftOnedrive`] only).
    pub fn microsoft_drive(mut self, drive_id: impl Into<String>) -> Self {
        self.drive = Some(drive_id.into());
        self
    }

    /// Refuses what Attio would refuse, before sending.
    fn check(&self) -> Result<()> {
        if matches!(
            self.provider,
            StorageProvider::Attio | StorageProvider::Unknown
        ) {
            return Err(Error::InvalidInput(format!(
                "only an external provider's file can be connected, not `{}`'s; upload the file with `Client::upload_file`, or name dropbox, box, google-drive or microsoft-onedrive",
                self.provider
            )));
        }
        if self.external_id.trim().is_empty() {
            return Err(Error::InvalidInput(
                "a connected file needs its id at the provider".into(),
            ));
        }
        if self.drive.is_some() && self.provider != StorageProvider::MicrosoftOnedrive {
            return Err(Error::InvalidInput(format!(
                "a Microsoft drive id is for microsoft-onedrive files only, and this one is at {}; remove `.microsoft_drive(..)`",
                self.provider
            )));
        }
        Ok(())
    }
}

impl Client {
    /// The files and folders of the workspace, or of one record with [`FileListing::on`], as a
    /// stream that pages by itself (`GET /v2/files`, by cursor).
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, person: attio::RecordReference) -> attio::Result<()> {
    /// let files = client.files().on(&person).collect_all().await?;
    /// for file in &files {
    ///     println!("{} {:?}", file.file_id(), file.name());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn files(&self) -> FileListing<'_> {
        FileListing {
            client: self,
            record: None,
            provider: None,
            folder: None,
        }
    }

    /// `POST /v2/files`: a folder named `name` on `record`, in the folder `parent` or at the top
    /// level. Not repeatable (a repeat makes a second folder), so it is retried only when it was
    /// never sent.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, deal: attio::RecordReference) -> attio::Result<()> {
    /// let folder = client.create_folder(&deal, "Contracts", None).await?;
    /// let drafts = client.create_folder(&deal, "Drafts", Some(folder.file_id())).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_folder(
        &self,
        record: &impl ParentRecord,
        name: &str,
        parent: Option<&FileId>,
    ) -> Result<FileEntry> {
        let record = record.to_parent()?;
        if name.trim().is_empty() {
            return Err(Error::InvalidInput(
                "a folder needs a name, such as \"Contracts\"".into(),
            ));
        }
        let body = CreateBody {
            name: Some(name),
            parent_folder_id: parent,
            ..create_body(&record, "folder")
        };
        self.execute(operation::files::create(&body)?).await
    }

    /// `POST /v2/files`: connects a file or folder of a storage provider to `record`. Not
    /// repeatable, so it is retried only when it was never sent.
    ///
    /// ```no_run
    /// use attio::files::{Connect, StorageProvider};
    ///
    /// # async fn run(client: attio::Client, deal: attio::RecordReference) -> attio::Result<()> {
    /// let linked = client
    ///     .connect_file(&deal, Connect::file(StorageProvider::Dropbox, "id:a4ayc_80_OEAAAAAAAAAXw"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn connect_file(
        &self,
        record: &impl ParentRecord,
        connect: Connect,
    ) -> Result<FileEntry> {
        let record = record.to_parent()?;
        connect.check()?;
        let kind = match connect.folder {
            true => "connected-folder",
            false => "connected-file",
        };
        let body = CreateBody {
            storage_provider: Some(connect.provider.as_str()),
            external_provider_file_id: Some(&connect.external_id),
            microsoft_drive_id: connect.drive.as_deref(),
            ..create_body(&record, kind)
        };
        self.execute(operation::files::create(&body)?).await
    }

    /// `GET /v2/files/{file_id}`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
    /// let file = client.get_file(&id).await?;
    /// println!("{:?} on {} {}", file.name(), file.object_slug, file.record_id);
    /// # Ok(()) }
    /// ```
    pub async fn get_file(&self, id: &FileId) -> Result<FileEntry> {
        self.execute(operation::files::get(id)).await
    }

    /// `DELETE /v2/files/{file_id}`: a file, or a folder with everything in it.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
    /// client.delete_file(&id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_file(&self, id: &FileId) -> Result<()> {
        self.execute(operation::files::delete(id)).await
    }

    /// `POST /v2/files/upload`: uploads `upload` to `record` as multipart/form-data, the bytes
    /// streamed from their source. Attio answers with the new file. An upload from a path is
    /// retried when the policy allows for a request that is not repeatable (never sent, or
    /// refused with 429); one from a reader is sent once.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, person: attio::RecordReference) -> attio::Result<()> {
    /// let upload = attio::files::Upload::from_path("cv.pdf").await?;
    /// let file = client.upload_file(&person, upload).await?;
    /// println!("uploaded {}", file.file_id());
    /// # Ok(()) }
    /// ```
    pub async fn upload_file(
        &self,
        record: &impl ParentRecord,
        upload: Upload,
    ) -> Result<FileEntry> {
        let record = record.to_parent()?;
        let mut fields = vec![
            ("object", record.target_object().to_owned()),
            ("record_id", record.target_record_id().as_str().to_owned()),
        ];
        if let Some(folder) = &upload.parent_folder_id {
            fields.push(("parent_folder_id", folder.as_str().to_owned()));
        }
        let parts = UploadParts {
            fields,
            name: upload.name,
            content_type: upload.content_type,
            length: upload.length,
            source: upload.source,
        };
        self.send_upload(parts, wire::decode_data::<FileEntry>)
            .await
    }

    /// `GET /v2/files/{file_id}/download`: the file's bytes as a stream. Attio answers with a
    /// redirect to a signed URL on another host; the client follows that one redirect with a
    /// request of its own that carries no `Authorization` header, and hands the body over as
    /// it arrives. No other request follows redirects.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::FileId) -> attio::Result<()> {
    /// let mut out = tokio::fs::File::create("download.bin").await.unwrap();
    /// let bytes = client.download_file(&id).await?.copy_to(&mut out).await?;
    /// # Ok(()) }
    /// ```
    pub async fn download_file(&self, id: &FileId) -> Result<Download> {
        let path = format!("{}/download", operation::files::file_path(id));
        self.send_download(path).await
    }
}

/// The create body's fields every kind has.
fn create_body<'a>(record: &'a RecordReference, kind: &'static str) -> CreateBody<'a> {
    CreateBody {
        object: record.target_object(),
        record_id: record.target_record_id(),
        file_type: kind,
        name: None,
        parent_folder_id: None,
        storage_provider: None,
        external_provider_file_id: None,
        microsoft_drive_id: None,
    }
}

/// Which files to list; made by [`Client::files`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct FileListing<'c> {
    client: &'c Client,
    record: Option<Result<RecordReference>>,
    provider: Option<StorageProvider>,
    folder: Option<FileId>,
}

impl FileListing<'_> {
    /// Only the files and folders of `record`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, person: attio::RecordReference) -> attio::Result<()> {
    /// let files = client.files().on(&person).collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub fn on(mut self, record: &impl ParentRecord) -> Self {
        self.record = Some(record.to_parent());
        self
    }

    /// Only those kept at `provider`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let native = client.files().provider(attio::files::StorageProvider::Attio).collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub fn provider(mut self, provider: StorageProvider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Only what is directly in the folder `folder`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, folder: attio::values::FileId) -> attio::Result<()> {
    /// let inside = client.files().in_folder(&folder).collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub fn in_folder(mut self, folder: &FileId) -> Self {
        self.folder = Some(folder.clone());
        self
    }

    /// The entries, fetched page after page as the stream is polled.
    ///
    /// ```no_run
    /// use futures::TryStreamExt as _;
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let mut files = client.files().stream();
    /// while let Some(file) = files.try_next().await? {
    ///     println!("{}", file.file_id());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream(self) -> Listing<FileEntry> {
        let record = match self.record.transpose() {
            Ok(record) => record,
            Err(e) => return Listing::failed(e),
        };
        if self.provider == Some(StorageProvider::Unknown) {
            return Listing::failed(Error::InvalidInput(
                "files cannot be listed by an unknown provider; name attio, dropbox, box, google-drive or microsoft-onedrive".into(),
            ));
        }
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(record) = &record {
            query.append_pair("object", record.target_object());
            query.append_pair("record_id", record.target_record_id().as_str());
        }
        if let Some(provider) = self.provider {
            query.append_pair("storage_provider", provider.as_str());
        }
        if let Some(folder) = &self.folder {
            query.append_pair("parent_folder_id", folder.as_str());
        }
        query.append_pair("limit", &PAGE.to_string());
        let query = query.finish();
        Listing::by_cursor(self.client, move |cursor| {
            operation::files::list_page(&query, cursor)
        })
    }

    /// Every entry, or the first error.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let all = client.files().collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub async fn collect_all(self) -> Result<Vec<FileEntry>> {
        self.stream().collect_all().await
    }
}
