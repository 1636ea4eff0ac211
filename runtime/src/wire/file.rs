//! Files and folders on records as Attio returns them ([`FileEntry`]), and the body of
//! `POST /v2/files`. Public through `attio::files`.

use serde::{Deserialize, Deserializer, Serialize};

use crate::values::{Actor, FileId, ObjectId, RecordId, Timestamp, WorkspaceId};

/// A file or a folder on a record: a file uploaded to Attio, a folder made in Attio, or a file or
/// folder of an external storage provider connected to the record. What differs between them is
/// in [`kind`](FileEntry::kind).
///
/// ```
/// use attio::files::{FileEntry, FileKind, StorageProvider};
///
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","file_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890"},
///   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","object_slug":"people",
///   "record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","storage_provider":"attio",
///   "created_by_actor":{"type":"api-token","id":"bb3f3bd4-40f4-4f80-8187-cd02385af424"},
///   "created_at":"2026-01-01T15:00:00.000000000Z","file_type":"file","name":"quote.pdf",
///   "content_type":"application/pdf","content_size":52311,"parent_folder_id":null}"#;
/// let entry: FileEntry = serde_json::from_str(json)?;
/// assert_eq!(entry.storage_provider, StorageProvider::Attio);
/// assert_eq!(entry.name(), Some("quote.pdf"));
/// assert!(matches!(entry.kind, FileKind::File { content_size: Some(52311), .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct FileEntry {
    /// The entry's ids.
    pub id: FileIdentifier,
    /// The id of the record's object.
    pub object_id: ObjectId,
    /// The slug of the record's object.
    pub object_slug: String,
    /// The record the entry is on.
    pub record_id: RecordId,
    /// Where the content is kept.
    pub storage_provider: StorageProvider,
    /// Who created the entry.
    pub created_by_actor: Actor,
    /// When the entry was created.
    pub created_at: Timestamp,
    /// A file, a folder, or a connected file or folder, with what only that kind has.
    #[serde(flatten)]
    pub kind: FileKind,
}

impl FileEntry {
    /// The entry's id (shorthand for `entry.id.file_id`).
    ///
    /// ```
    /// # fn show(entry: attio::files::FileEntry) {
    /// println!("{}", entry.file_id());
    /// # }
    /// ```
    pub fn file_id(&self) -> &FileId {
        &self.id.file_id
    }

    /// The name of a native file or folder; `None` for a connected one (its name is the
    /// provider's).
    ///
    /// ```
    /// # fn show(entry: attio::files::FileEntry) {
    /// println!("{}", entry.name().unwrap_or("(connected)"));
    /// # }
    /// ```
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            FileKind::File { name, .. } | FileKind::Folder { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The folder holding a native file or folder; `None` at the top level and for connected
    /// entries.
    ///
    /// ```
    /// # fn show(entry: attio::files::FileEntry) {
    /// if entry.parent_folder_id().is_none() { println!("top level"); }
    /// # }
    /// ```
    pub fn parent_folder_id(&self) -> Option<&FileId> {
        match &self.kind {
            FileKind::File {
                parent_folder_id, ..
            }
            | FileKind::Folder {
                parent_folder_id, ..
            } => parent_folder_id.as_ref(),
            _ => None,
        }
    }
}

/// The ids of a file entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The file or folder.
    pub file_id: FileId,
}

/// What kind of entry a [`FileEntry`] is (Attio's `file_type`), with the fields only that kind
/// has.
///
/// ```
/// # fn show(entry: attio::files::FileEntry) {
/// use attio::files::FileKind;
/// match &entry.kind {
///     FileKind::File { name, content_size, .. } => println!("{name}: {content_size:?} bytes"),
///     FileKind::Folder { name, .. } => println!("{name}/"),
///     FileKind::ConnectedFile { external_provider_file_id, .. }
///     | FileKind::ConnectedFolder { external_provider_file_id, .. } => {
///         println!("connected: {external_provider_file_id}")
///     }
///     _ => println!("a kind this version does not know"),
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "file_type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FileKind {
    /// A file uploaded to Attio.
    File {
        /// The file's name.
        name: String,
        /// Its media type, e.g. `application/pdf`, when known.
        #[serde(default)]
        content_type: Option<String>,
        /// Its size in bytes, when known.
        #[serde(default, deserialize_with = "size")]
        content_size: Option<u64>,
        /// The folder holding it; `None` at the top level.
        #[serde(default)]
        parent_folder_id: Option<FileId>,
    },
    /// A folder made in Attio.
    Folder {
        /// The folder's name.
        name: String,
        /// The folder holding it; `None` at the top level.
        #[serde(default)]
        parent_folder_id: Option<FileId>,
        /// Whether the folder holds any entries. Attio's 2026-10 models give it in the answer of
        /// `GET /v2/files/{file_id}` only, so a listed or created folder reads `None`, as does one
        /// from an answer that sends `null`.
        #[serde(default)]
        has_children: Option<bool>,
    },
    /// A file of an external storage provider, connected to the record.
    ConnectedFile {
        /// The file's id at the provider.
        external_provider_file_id: String,
        /// The OneDrive drive (for `microsoft-onedrive` only).
        #[serde(default)]
        microsoft_drive_id: Option<String>,
    },
    /// A folder of an external storage provider, connected to the record.
    ConnectedFolder {
        /// The folder's id at the provider.
        external_provider_file_id: String,
        /// The OneDrive drive (for `microsoft-onedrive` only).
        #[serde(default)]
        microsoft_drive_id: Option<String>,
    },
    /// A kind of entry this version of the SDK does not know.
    #[serde(other)]
    Unknown,
}

/// A size in bytes, which Attio types as a JSON number: an integral value, even written `12.0`.
fn size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let Some(n) = Option::<serde_json::Number>::deserialize(d)? else {
        return Ok(None);
    };
    if let Some(n) = n.as_u64() {
        return Ok(Some(n));
    }
    match n.as_f64() {
        Some(f) if f >= 0.0 && f.fract() == 0.0 && f < 2f64.powi(53) => Ok(Some(f as u64)),
        _ => Err(serde::de::Error::custom(format!(
            "a file's size is a whole number of bytes, and {n} is not"
        ))),
    }
}

/// Where a file's content is kept: Attio itself, or an external provider.
///
/// ```
/// use attio::files::StorageProvider;
/// assert_eq!(StorageProvider::GoogleDrive.as_str(), "google-drive");
/// assert_eq!("box".parse::<StorageProvider>(), Ok(StorageProvider::BoxCom));
/// assert!("ftp".parse::<StorageProvider>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum StorageProvider {
    /// Attio's own storage: uploaded files and folders made in Attio.
    Attio,
    /// Dropbox.
    Dropbox,
    /// Box (box.com; `box` on the wire). Not named `Box`: a public item of that name would make
    /// the compiler write `std::boxed::Box` in every diagnostic of a crate that uses this one.
    #[serde(rename = "box")]
    BoxCom,
    /// Google Drive.
    GoogleDrive,
    /// Microsoft OneDrive.
    MicrosoftOnedrive,
    /// A provider this version of the SDK does not know.
    #[serde(other)]
    Unknown,
}

const PROVIDERS: [(StorageProvider, &str); 5] = [
    (StorageProvider::Attio, "attio"),
    (StorageProvider::Dropbox, "dropbox"),
    (StorageProvider::BoxCom, "box"),
    (StorageProvider::GoogleDrive, "google-drive"),
    (StorageProvider::MicrosoftOnedrive, "microsoft-onedrive"),
];

impl StorageProvider {
    /// The provider's name as Attio writes it, e.g. `microsoft-onedrive` (`unknown` for
    /// [`StorageProvider::Unknown`]).
    pub fn as_str(self) -> &'static str {
        PROVIDERS
            .iter()
            .find(|(p, _)| *p == self)
            .map_or("unknown", |(_, s)| s)
    }
}

impl std::str::FromStr for StorageProvider {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        PROVIDERS
            .iter()
            .find(|(_, name)| *name == s)
            .map(|(p, _)| *p)
            .ok_or_else(|| {
                let names: Vec<&str> = PROVIDERS.iter().map(|(_, n)| *n).collect();
                format!(
                    "`{s}` is not a storage provider Attio knows; write one of {}",
                    names.join(", ")
                )
            })
    }
}

impl std::fmt::Display for StorageProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The body of `POST /v2/files`: a native folder (`name`, `parent_folder_id`) or a connected
/// file or folder (`storage_provider`, `external_provider_file_id`, `microsoft_drive_id`). Attio
/// takes it bare, without the `{"data": …}` envelope of other creates.
#[derive(Debug, Serialize)]
pub(crate) struct CreateBody<'a> {
    pub(crate) object: &'a str,
    pub(crate) record_id: &'a RecordId,
    pub(crate) file_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) parent_folder_id: Option<&'a FileId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) storage_provider: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) external_provider_file_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) microsoft_drive_id: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: &str) -> String {
        format!(
            r#"{{"id":{{"workspace_id":"w","file_id":"f"}},"object_id":"o","object_slug":"people",
            "record_id":"r","storage_provider":"dropbox","created_by_actor":{{"type":null,"id":null}},
            "created_at":"2026-01-01T15:00:00Z",{kind}}}"#
        )
    }

    #[test]
    fn every_kind_decodes_and_an_unknown_one_is_kept_as_unknown() {
        let connected: FileEntry = serde_json::from_str(&entry(
            r#""file_type":"connected-folder","external_provider_file_id":"x","microsoft_drive_id":null"#,
        ))
        .unwrap();
        assert!(
            matches!(connected.kind, FileKind::ConnectedFolder { ref external_provider_file_id, .. } if external_provider_file_id == "x")
        );
        assert_eq!(connected.name(), None);
        let odd: FileEntry = serde_json::from_str(&entry(r#""file_type":"shortcut""#)).unwrap();
        assert_eq!(odd.kind, FileKind::Unknown);
        let sized: FileEntry = serde_json::from_str(&entry(
            r#""file_type":"file","name":"a","content_type":null,"content_size":12.0,"parent_folder_id":"p""#,
        ))
        .unwrap();
        assert!(matches!(
            sized.kind,
            FileKind::File {
                content_size: Some(12),
                ..
            }
        ));
        assert_eq!(sized.parent_folder_id().map(FileId::as_str), Some("p"));
        let bad = serde_json::from_str::<FileEntry>(&entry(
            r#""file_type":"file","name":"a","content_size":1.5"#,
        ));
        assert!(bad.unwrap_err().to_string().contains("whole number"));
    }

    /// A folder as the 2026-10 model of `GET /v2/files/{file_id}` has it, with `has_children`,
    /// and as the listing (and the 2025 document) have it, without.
    #[test]
    fn a_folder_reads_has_children_when_given() {
        let folder = |extra: &str| {
            serde_json::from_str::<FileEntry>(&entry(&format!(
                r#""file_type":"folder","name":"Contracts","parent_folder_id":null{extra}"#
            )))
            .unwrap()
            .kind
        };
        let read = |kind: FileKind| match kind {
            FileKind::Folder { has_children, .. } => has_children,
            other => panic!("not a folder: {other:?}"),
        };
        assert_eq!(read(folder(r#","has_children":true"#)), Some(true));
        assert_eq!(read(folder(r#","has_children":false"#)), Some(false));
        assert_eq!(read(folder(r#","has_children":null"#)), None);
        assert_eq!(read(folder("")), None);
    }
}
