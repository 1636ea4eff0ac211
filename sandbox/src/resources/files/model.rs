//! The files' state: the entries of every record (a [`Part`]), an uploaded file's bytes, and the
//! key that signs download URLs.

use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::error::ApiError;
use crate::schema::Object;
use crate::store::{Part, Store};
use crate::util::{Rng, format_ns};

/// How long a signed download URL stays valid, in seconds.
pub const URL_TTL_SECS: u64 = 300;

/// The largest upload Attio accepts: 50 MB.
pub const MAX_UPLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// The workspace's file entries in creation order, and the key of its signed URLs.
#[derive(Debug)]
pub struct Files {
    /// Every entry.
    pub entries: Vec<Entry>,
    /// The HMAC key of download URLs: from the clock, not the store's seed, so that seeding a
    /// store leaves its ids as they were.
    key: String,
}

impl Default for Files {
    fn default() -> Self {
        let mut rng = Rng::from_clock();
        Files {
            entries: Vec::new(),
            key: format!("{}{}", rng.uuid(), rng.uuid()),
        }
    }
}

/// A deleted record's files go with it.
impl Part for Files {
    fn record_deleted(&mut self, object: &Object, record_id: &str) {
        self.entries
            .retain(|e| !(e.object_id == object.id && e.record_id == record_id));
    }
}

/// What kind of entry, with what only that kind has.
#[derive(Debug, Clone)]
pub enum Kind {
    /// An uploaded file.
    File {
        /// Name.
        name: String,
        /// Media type, if the upload gave one.
        content_type: Option<String>,
        /// The bytes.
        content: Bytes,
        /// The folder holding it.
        parent: Option<String>,
    },
    /// A folder made in Attio.
    Folder {
        /// Name.
        name: String,
        /// The folder holding it.
        parent: Option<String>,
    },
    /// A connected file (`folder` false) or folder.
    Connected {
        /// A folder rather than a file.
        folder: bool,
        /// The provider's name.
        provider: String,
        /// The id at the provider.
        external_id: String,
        /// The OneDrive drive.
        drive: Option<String>,
    },
}

/// One stored entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its id.
    pub id: String,
    /// The record's object's id.
    pub object_id: String,
    /// The record's object's slug.
    pub object_slug: String,
    /// The record.
    pub record_id: String,
    /// Created, in ns since 1970.
    pub created_at: i128,
    /// What it is.
    pub kind: Kind,
}

impl Entry {
    /// The folder holding a native entry.
    pub fn parent(&self) -> Option<&str> {
        match &self.kind {
            Kind::File { parent, .. } | Kind::Folder { parent, .. } => parent.as_deref(),
            Kind::Connected { .. } => None,
        }
    }

    /// `attio` for native entries, else the provider.
    pub fn provider(&self) -> &str {
        match &self.kind {
            Kind::Connected { provider, .. } => provider,
            _ => "attio",
        }
    }
}

/// An entry as Attio answers it.
pub fn render(store: &Store, e: &Entry) -> Value {
    let mut v = json!({
        "id": {"workspace_id": store.workspace_id, "file_id": e.id},
        "object_id": e.object_id,
        "object_slug": e.object_slug,
        "record_id": e.record_id,
        "storage_provider": e.provider(),
        "created_by_actor": {"type": "api-token", "id": store.token_id},
        "created_at": format_ns(e.created_at),
    });
    let extra = match &e.kind {
        Kind::File {
            name,
            content_type,
            content,
            parent,
        } => json!({
            "file_type": "file",
            "name": name,
            "content_type": content_type,
            "content_size": content.len(),
            "parent_folder_id": parent,
        }),
        Kind::Folder { name, parent } => {
            json!({"file_type": "folder", "name": name, "parent_folder_id": parent})
        }
        Kind::Connected {
            folder,
            external_id,
            drive,
            ..
        } => json!({
            "file_type": if *folder { "connected-folder" } else { "connected-file" },
            "external_provider_file_id": external_id,
            "microsoft_drive_id": drive,
        }),
    };
    if let (Some(v), Value::Object(extra)) = (v.as_object_mut(), extra) {
        v.extend(extra);
    }
    v
}

/// 404 for a file id that names nothing.
pub fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("File with ID \"{id}\" not found."))
}

impl Files {
    /// The entry `id`, or 404.
    pub fn get(&self, id: &str) -> Result<&Entry, ApiError> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| not_found(id))
    }

    /// Removes `id` and, for a folder, everything under it: the ids removed.
    pub fn remove_tree(&mut self, id: &str) -> Vec<String> {
        let mut gone = vec![id.to_owned()];
        // Descendants are found level by level: a child's parent is removed before it is.
        let mut at = 0;
        while at < gone.len() {
            let parent = gone[at].clone();
            gone.extend(
                self.entries
                    .iter()
                    .filter(|e| e.parent() == Some(parent.as_str()))
                    .map(|e| e.id.clone()),
            );
            at += 1;
        }
        self.entries.retain(|e| !gone.contains(&e.id));
        gone
    }

    /// The signature of a download URL of `id` valid until `expires` (seconds since 1970).
    pub fn sign(&self, id: &str, expires: u64) -> String {
        match <Hmac<Sha256> as KeyInit>::new_from_slice(self.key.as_bytes()) {
            Ok(mut mac) => {
                mac.update(format!("{id}:{expires}").as_bytes());
                hex::encode(mac.finalize().into_bytes())
            }
            // HMAC takes keys of any length; this cannot happen.
            Err(_) => String::new(),
        }
    }

    /// The path and query of a signed URL of `id`, valid for [`URL_TTL_SECS`] from `now`.
    pub fn signed_path(&self, id: &str, now: u64) -> String {
        let expires = now + URL_TTL_SECS;
        format!(
            "/files/{id}?expires={expires}&signature={}",
            self.sign(id, expires)
        )
    }

    /// The file a signed URL names, if its signature holds and it has not expired at `now`:
    /// its bytes, media type and name. 403 for a bad or expired signature (as a storage host
    /// answers), 404 for a file deleted since.
    pub fn open_signed(
        &self,
        id: &str,
        expires: Option<u64>,
        signature: Option<&str>,
        now: u64,
    ) -> Result<(Bytes, Option<String>, String), ApiError> {
        let forbidden = |why: &str| ApiError::new(403, "auth_error", "forbidden", why.to_owned());
        let (Some(expires), Some(signature)) = (expires, signature) else {
            return Err(forbidden("The URL is not signed."));
        };
        // Compared in full; a sandbox need not fear timing attacks.
        if self.sign(id, expires) != signature {
            return Err(forbidden("The URL's signature does not match."));
        }
        if now > expires {
            return Err(forbidden("The signed URL has expired."));
        }
        match &self.get(id)?.kind {
            Kind::File {
                content,
                content_type,
                name,
                ..
            } => Ok((content.clone(), content_type.clone(), name.clone())),
            _ => Err(not_found(id)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_path_opens_until_it_expires_and_not_when_altered() {
        let mut files = Files::default();
        files.entries.push(Entry {
            id: "f".into(),
            object_id: "o".into(),
            object_slug: "people".into(),
            record_id: "r".into(),
            created_at: 0,
            kind: Kind::File {
                name: "a.txt".into(),
                content_type: None,
                content: Bytes::from_static(b"hi"),
                parent: None,
            },
        });
        let path = files.signed_path("f", 1_000);
        let (_, query) = path.split_once('?').unwrap();
        let signature = query.split("signature=").nth(1).unwrap();
        let expires = 1_000 + URL_TTL_SECS;
        assert_eq!(
            files
                .open_signed("f", Some(expires), Some(signature), 1_001)
                .unwrap()
                .0,
            Bytes::from_static(b"hi")
        );
        let refused = |e: Option<u64>, s: Option<&str>, now| {
            files.open_signed("f", e, s, now).unwrap_err().status
        };
        assert_eq!(refused(Some(expires), Some(signature), expires + 1), 403);
        assert_eq!(refused(Some(expires + 1), Some(signature), 0), 403);
        assert_eq!(refused(Some(expires), Some("00"), 0), 403);
        assert_eq!(refused(None, None, 0), 403);
        assert_ne!(Files::default().sign("f", 1), files.sign("f", 1));
    }
}
