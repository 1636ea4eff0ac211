//! File operations that are JSON requests (the upload and the download are streamed, and are
//! sent by the client's `transfer` module).
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | list (`GET /v2/files`), get | yes | reads |
//! | create (`POST /v2/files`) | no | a repeat makes a second folder or connection |
//! | delete | yes | a repeat finds nothing to delete |

use super::{Method, Operation};
use crate::values::FileId;
use crate::wire::file::{CreateBody, FileEntry};
use crate::wire::{self, CursorPage};

/// `/v2/files/{file_id}`.
pub(crate) fn file_path(id: &FileId) -> String {
    format!("/v2/files/{}", id.as_str())
}

/// `GET /v2/files?{query}[&cursor=]`: one page; `query` holds the filters and the limit.
pub(crate) fn list_page(query: &str, cursor: Option<&str>) -> Operation<CursorPage<FileEntry>> {
    let mut path = format!("/v2/files?{query}");
    if let Some(cursor) = cursor {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("cursor", cursor);
        path.push('&');
        path.push_str(&q.finish());
    }
    Operation::read(
        Method::Get,
        path,
        None,
        wire::decode_bare::<CursorPage<FileEntry>>,
    )
}

/// `POST /v2/files`.
pub(crate) fn create(body: &CreateBody<'_>) -> crate::error::Result<Operation<FileEntry>> {
    let body =
        serde_json::to_vec(body).map_err(|e| crate::error::Error::Invariant(e.to_string()))?;
    Ok(Operation::write(
        Method::Post,
        "/v2/files".to_owned(),
        Some(body),
        false,
        wire::decode_data::<FileEntry>,
    ))
}

/// `GET /v2/files/{file_id}`.
pub(crate) fn get(id: &FileId) -> Operation<FileEntry> {
    Operation::read(
        Method::Get,
        file_path(id),
        None,
        wire::decode_data::<FileEntry>,
    )
}

/// `DELETE /v2/files/{file_id}`.
pub(crate) fn delete(id: &FileId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        file_path(id),
        None,
        true,
        wire::decode_nothing,
    )
}
