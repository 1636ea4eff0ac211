//! Files: `GET|POST /v2/files`, `POST /v2/files/upload`, `GET|DELETE /v2/files/{file_id}`,
//! `GET /v2/files/{file_id}/download`. The state and the signed URLs are in `model.rs`.
//!
//! As Attio: an entry is a native file (uploaded), a native folder, or a connected file or folder
//! of an external provider (`dropbox`, `box`, `google-drive`, `microsoft-onedrive`); `POST
//! /v2/files` takes its body bare (no `data` envelope) and makes a folder or a connection; an
//! upload is multipart/form-data with one binary part `file` and the fields `object`,
//! `record_id` and optional `parent_folder_id`, at most 50 MB, answered 201; deleting a folder
//! deletes what is in it; a download answers 302 to a signed URL on another host. The listing
//! pages by an opaque `cursor` (`limit` 1 to 1000, default 50) with `pagination.next_cursor`.
//!
//! Semantics chosen where Attio's documentation is silent:
//! - The transport reads a multipart upload as a stream (the route here answers a body that is
//!   not multipart); a file part past 50 MB is refused with 400 `validation_type` as soon as it
//!   passes the limit.
//! - A parent folder must be a native folder of the same record (404 when it does not exist,
//!   400 otherwise). Only native files can be downloaded (400 for folders and connections).
//! - The signed URL is served by the sandbox itself on a second loopback port, valid for five
//!   minutes; a bad or expired signature is answered 403.
//! - Deleting a record deletes its files. `object` and `record_id` filter the listing together.

mod model;

use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route, str_field};
use crate::store::Store;
use model::{Entry, Kind, not_found, render};
pub use model::{Files, MAX_UPLOAD_BYTES};

/// The routes of files.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/files", list),
    Route::write(Method::Post, "/v2/files", create),
    Route::write(Method::Post, "/v2/files/upload", not_multipart),
    Route::read(Method::Get, "/v2/files/{file_id}", get),
    Route::write(Method::Delete, "/v2/files/{file_id}", delete),
    Route::read(Method::Get, "/v2/files/{file_id}/download", download),
];

const PROVIDERS: [&str; 4] = ["dropbox", "box", "google-drive", "microsoft-onedrive"];

/// `GET /v2/files`.
fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let limit = req.usize_param("limit")?.unwrap_or(50);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::validation("limit must be between 1 and 1000."));
    }
    let offset = match req.param("cursor") {
        None => 0,
        Some(c) => c
            .strip_prefix("files.")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| ApiError::validation(format!("The cursor \"{c}\" is not valid.")))?,
    };
    let record = match (req.param("object"), req.param("record_id")) {
        (Some(object), Some(record_id)) => {
            let oi = store.object_index(object)?;
            store.record(oi, record_id)?;
            Some((store.objects[oi].id.clone(), record_id))
        }
        (None, None) => None,
        _ => {
            return Err(ApiError::validation(
                "object and record_id must be given together.",
            ));
        }
    };
    let provider = req.param("storage_provider");
    if let Some(p) = provider
        && p != "attio"
        && !PROVIDERS.contains(&p)
    {
        return Err(ApiError::validation(format!(
            "storage_provider must be one of attio, {}; \"{p}\" is not.",
            PROVIDERS.join(", ")
        )));
    }
    let folder = req.param("parent_folder_id");
    let files = store.parts.get::<Files>()?;
    let matching: Vec<&Entry> = files
        .entries
        .iter()
        .filter(|e| {
            record
                .as_ref()
                .is_none_or(|(o, r)| e.object_id == *o && e.record_id == *r)
        })
        .filter(|e| provider.is_none_or(|p| e.provider() == p))
        .filter(|e| folder.is_none_or(|f| e.parent() == Some(f)))
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(offset)
        .take(limit)
        .map(|e| render(store, e))
        .collect();
    let next = (offset + limit < matching.len()).then(|| format!("files.{}", offset + limit));
    Ok(json!({"data": page, "pagination": {"next_cursor": next}}))
}

/// The record a create or upload names: its object's index, after checking the record exists.
fn record_of(store: &Store, object: &str, record_id: &str) -> Result<usize, ApiError> {
    let oi = store.object_index(object)?;
    store.record(oi, record_id)?;
    Ok(oi)
}

/// Checks that `parent` is a native folder of the record.
fn check_parent(store: &Store, parent: &str, object_id: &str, record_id: &str) -> Answer {
    let folder = store
        .parts
        .get::<Files>()?
        .entries
        .iter()
        .find(|e| e.id == parent)
        .ok_or_else(|| {
            ApiError::not_found(format!("Parent folder with ID \"{parent}\" not found."))
        })?;
    if !matches!(folder.kind, Kind::Folder { .. }) {
        return Err(ApiError::validation(format!(
            "parent_folder_id \"{parent}\" is not a folder stored in Attio."
        )));
    }
    if folder.object_id != object_id || folder.record_id != record_id {
        return Err(ApiError::validation(format!(
            "The folder \"{parent}\" belongs to another record."
        )));
    }
    Ok(Value::Null)
}

type Answer = Result<Value, ApiError>;

/// An optional string field: absent or null is `None`.
fn opt_str<'a>(d: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, ApiError> {
    match d.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::validation(format!(
            "{key} must be a string or null."
        ))),
    }
}

/// `POST /v2/files`.
fn create(store: &mut Store, req: &Request<'_>) -> Answer {
    let d = req.body.as_object().ok_or_else(|| {
        ApiError::validation(
            "The request body must be an object with object, record_id and file_type.",
        )
    })?;
    let file_type = str_field(d, "file_type")?;
    let allowed: &[&str] = match file_type {
        "folder" => &[
            "object",
            "record_id",
            "file_type",
            "name",
            "parent_folder_id",
        ],
        "connected-file" | "connected-folder" => &[
            "object",
            "record_id",
            "file_type",
            "storage_provider",
            "external_provider_file_id",
            "microsoft_drive_id",
        ],
        other => {
            return Err(ApiError::validation(format!(
                "file_type must be \"folder\", \"connected-file\" or \"connected-folder\", not \"{other}\"."
            )));
        }
    };
    if let Some(key) = d.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(ApiError::validation(format!(
            "{key} is not a field of a {file_type} entry."
        )));
    }
    let oi = record_of(store, str_field(d, "object")?, str_field(d, "record_id")?)?;
    let record_id = str_field(d, "record_id")?.to_owned();
    let object_id = store.objects[oi].id.clone();
    let kind = if file_type == "folder" {
        let name = str_field(d, "name")?;
        if name.trim().is_empty() {
            return Err(ApiError::validation("name must not be empty."));
        }
        let parent = opt_str(d, "parent_folder_id")?;
        if let Some(parent) = parent {
            check_parent(store, parent, &object_id, &record_id)?;
        }
        Kind::Folder {
            name: name.to_owned(),
            parent: parent.map(str::to_owned),
        }
    } else {
        let provider = str_field(d, "storage_provider")?;
        if !PROVIDERS.contains(&provider) {
            return Err(ApiError::validation(format!(
                "storage_provider must be one of {}; \"{provider}\" is not.",
                PROVIDERS.join(", ")
            )));
        }
        let drive = opt_str(d, "microsoft_drive_id")?;
        if drive.is_some() && provider != "microsoft-onedrive" {
            return Err(ApiError::validation(
                "microsoft_drive_id is only used with microsoft-onedrive.",
            ));
        }
        Kind::Connected {
            folder: file_type == "connected-folder",
            provider: provider.to_owned(),
            external_id: str_field(d, "external_provider_file_id")?.to_owned(),
            drive: drive.map(str::to_owned),
        }
    };
    add(store, oi, record_id, kind)
}

/// Stores a new entry on the record and answers it.
fn add(store: &mut Store, oi: usize, record_id: String, kind: Kind) -> Answer {
    let entry = Entry {
        id: store.rng.uuid(),
        object_id: store.objects[oi].id.clone(),
        object_slug: store.objects[oi].api_slug.clone(),
        record_id,
        created_at: store.tick(),
        kind,
    };
    let answer = json!({"data": render(store, &entry)});
    store.parts.get_mut::<Files>()?.entries.push(entry);
    Ok(answer)
}

/// `POST /v2/files/upload` with a body that is not multipart/form-data (the transport hands
/// multipart bodies to [`upload`] as they stream in).
fn not_multipart(_store: &mut Store, _req: &Request<'_>) -> Answer {
    Err(ApiError::validation(
        "The request body must be multipart/form-data with a binary part \"file\" and the fields object, record_id and optional parent_folder_id.",
    ))
}

/// An upload as the transport read it.
#[derive(Debug)]
pub struct Upload {
    /// The text fields, by name.
    pub fields: Vec<(String, String)>,
    /// The file part: its file name, media type and bytes.
    pub file: Option<(String, Option<String>, Bytes)>,
}

/// `POST /v2/files/upload`, once the form has been read: the new file (answered 201).
pub fn upload(store: &mut Store, form: Upload) -> Answer {
    let field = |name: &str| {
        form.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if let Some((name, _)) = form
        .fields
        .iter()
        .find(|(k, _)| !["object", "record_id", "parent_folder_id"].contains(&k.as_str()))
    {
        return Err(ApiError::validation(format!(
            "{name} is not a field of an upload; send file, object, record_id and optional parent_folder_id."
        )));
    }
    let required = |name: &str| {
        field(name)
            .ok_or_else(|| ApiError::validation(format!("The form field {name} is required.")))
    };
    let oi = record_of(store, required("object")?, required("record_id")?)?;
    let record_id = required("record_id")?.to_owned();
    let parent = field("parent_folder_id").filter(|p| !p.is_empty());
    if let Some(parent) = parent {
        check_parent(store, parent, &store.objects[oi].id, &record_id)?;
    }
    let Some((name, content_type, content)) = form.file else {
        return Err(ApiError::validation(
            "The form needs a binary part named file.",
        ));
    };
    let kind = Kind::File {
        name: if name.is_empty() { "file".into() } else { name },
        content_type,
        content,
        parent: parent.map(str::to_owned),
    };
    add(store, oi, record_id, kind)
}

/// `GET /v2/files/{file_id}`.
fn get(store: &Store, req: &Request<'_>) -> Answer {
    let files = store.parts.get::<Files>()?;
    Ok(json!({"data": render(store, files.get(req.path("file_id"))?)}))
}

/// `DELETE /v2/files/{file_id}`: the entry and, for a folder, everything in it.
fn delete(store: &mut Store, req: &Request<'_>) -> Answer {
    let id = req.path("file_id");
    let files = store.parts.get_mut::<Files>()?;
    files.get(id)?;
    files.remove_tree(id);
    Ok(json!({}))
}

/// `GET /v2/files/{file_id}/download`: `{"location": path}`, the path and query of the signed
/// URL, which the transport answers as a 302 to the download host.
fn download(store: &Store, req: &Request<'_>) -> Answer {
    let id = req.path("file_id");
    let files = store.parts.get::<Files>()?;
    match files.get(id)?.kind {
        Kind::File { .. } => {}
        _ => {
            return Err(ApiError::validation(format!(
                "The entry \"{id}\" is not a file stored in Attio; only those can be downloaded."
            )));
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(json!({"location": files.signed_path(id, now)}))
}
/// Whether the file or folder `id` is in this workspace's store: the download host, which
/// serves every workspace, asks each which one holds the file a signed URL names.
pub fn holds(store: &Store, id: &str) -> bool {
    store
        .parts
        .get::<Files>()
        .is_ok_and(|files| files.get(id).is_ok())
}

/// What a signed URL serves (see [`Files::open_signed`]), by the path's file id and the query.
pub fn open_signed(
    store: &Store,
    id: &str,
    query: &[(String, String)],
    now: u64,
) -> Result<(Bytes, Option<String>, String), ApiError> {
    let param = |k: &str| query.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let expires = param("expires").and_then(|e| e.parse().ok());
    store
        .parts
        .get::<Files>()
        .map_err(|_| not_found(id))?
        .open_signed(id, expires, param("signature"), now)
}
