//! Saved views: `GET /v2/objects/{object}/views` and `GET /v2/lists/{list}/views`, one page at
//! a time by cursor. Reads.

use serde::de::DeserializeOwned;

use super::{Method, Operation};
use crate::error::{Error, Result};
use crate::values::check_path_segment;
use crate::wire::{self, CursorPage};

/// The most views one page may hold (Attio's bound), and the default.
pub(crate) const MAX_PAGE: usize = 1000;
/// Attio's default page size.
pub(crate) const DEFAULT_PAGE: usize = 500;

/// `"objects"` or `"lists"`, and the object's or list's slug or id.
#[derive(Debug, Clone)]
pub(crate) struct Owner {
    pub(crate) kind: &'static str,
    pub(crate) key: String,
}

impl Owner {
    /// The object or list `key`, checked as a path segment.
    pub(crate) fn new(kind: &'static str, key: &str) -> Result<Self> {
        check_path_segment(key).map_err(|reason| {
            let noun = if kind == "lists" { "list" } else { "object" };
            Error::InvalidInput(format!(
                "the {noun} {key:?} whose views to list cannot be sent: {reason}"
            ))
        })?;
        Ok(Owner {
            kind,
            key: key.to_owned(),
        })
    }
}

/// `GET /v2/{objects|lists}/{key}/views?limit=…[&show_archived=true][&cursor=…]`: one page.
pub(crate) fn page<V: DeserializeOwned>(
    owner: &Owner,
    limit: usize,
    show_archived: bool,
    cursor: Option<&str>,
) -> Operation<CursorPage<V>> {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("limit", &limit.to_string());
    if show_archived {
        query.append_pair("show_archived", "true");
    }
    if let Some(cursor) = cursor {
        query.append_pair("cursor", cursor);
    }
    Operation::read(
        Method::Get,
        format!("/v2/{}/{}/views?{}", owner.kind, owner.key, query.finish()),
        None,
        wire::decode_bare::<CursorPage<V>>,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ObjectView;

    #[test]
    fn a_page_names_its_limit_archived_views_and_cursor() {
        let owner = Owner::new("objects", "companies").unwrap();
        let op = page::<ObjectView>(&owner, 2, true, Some("a b"));
        assert_eq!(
            op.path,
            "/v2/objects/companies/views?limit=2&show_archived=true&cursor=a+b"
        );
        assert!(!op.write && op.idempotent);
        let first = page::<ObjectView>(&owner, 500, false, None);
        assert_eq!(first.path, "/v2/objects/companies/views?limit=500");
        let err = Owner::new("lists", "sa/les").unwrap_err().to_string();
        assert!(err.contains("the list \"sa/les\""), "{err}");
    }
}
