//! Saved views: `GET /v2/objects/{object}/views` and `GET /v2/lists/{list}/views`.
//!
//! As Attio documents them: views are ordered by view id (`id.view_id` ascending) and paged by
//! cursor; `limit` is 1 to 1000 (default 500); archived views are left out unless
//! `show_archived=true`; the answer is `{data, pagination: {next_cursor}}`, `next_cursor` null on
//! the last page. Views are made in Attio's web app, not through the API, so the sandbox's come
//! from its handle (`Sandbox::insert_view`). Where Attio is silent: a cursor is the view id the
//! next page starts at, behind a prefix; one the sandbox did not hand out is `400`.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route};
use crate::store::{Part, Store, Target};
use crate::util::format_ns;

/// The routes of views.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/objects/{object}/views", object_views),
    Route::read(Method::Get, "/v2/lists/{list}/views", list_views),
];

/// The prefix of the cursors the sandbox hands out.
const CURSOR: &str = "view-cursor.";

/// The workspace's saved views, in creation order.
#[derive(Debug, Default)]
pub struct Views(Vec<View>);

impl Part for Views {}

/// A stored view.
#[derive(Debug, Clone)]
pub struct View {
    /// `id.view_id`.
    pub id: String,
    /// The id of the object or list it belongs to.
    pub owner: String,
    /// Its title in the web app.
    pub title: String,
    /// Whether it is archived.
    pub archived: bool,
    /// Created, ns.
    pub created_at: i128,
}

/// Adds a view named `title` to the object or list `target`; returns its id.
pub fn insert(
    store: &mut Store,
    target: Target,
    title: &str,
    archived: bool,
) -> Result<String, ApiError> {
    let owner = store.schema(target).id.clone();
    let id = store.rng.uuid();
    let created_at = store.tick();
    store.parts.get_mut::<Views>()?.0.push(View {
        id: id.clone(),
        owner,
        title: title.to_owned(),
        archived,
        created_at,
    });
    Ok(id)
}

/// `GET /v2/objects/{object}/views`.
fn object_views(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    page(store, Target::Object(oi), req)
}

/// `GET /v2/lists/{list}/views`.
fn list_views(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    page(store, Target::List(li), req)
}

/// One page of the views of `target`, by view id, from the request's cursor on.
fn page(store: &Store, target: Target, req: &Request<'_>) -> Result<Value, ApiError> {
    let limit = match req.usize_param("limit")? {
        None => 500,
        Some(n) if (1..=1000).contains(&n) => n,
        Some(n) => {
            return Err(ApiError::validation(format!(
                "limit must be between 1 and 1000, not {n}."
            )));
        }
    };
    let from = match req.param("cursor") {
        None => None,
        Some(c) => Some(c.strip_prefix(CURSOR).ok_or_else(|| {
            ApiError::validation(
                "cursor is not one this endpoint returned: pass pagination.next_cursor of the previous page, or leave it out for the first page.",
            )
        })?),
    };
    let archived = req.bool_param("show_archived")?;
    let owner = &store.schema(target).id;
    let mut views: Vec<&View> = store
        .parts
        .get::<Views>()?
        .0
        .iter()
        .filter(|v| &v.owner == owner && (archived || !v.archived))
        .filter(|v| from.is_none_or(|from| v.id.as_str() >= from))
        .collect();
    views.sort_by(|a, b| a.id.cmp(&b.id));
    let next_cursor = views.get(limit).map(|v| format!("{CURSOR}{}", v.id));
    let owner_key = match target {
        Target::Object(_) => "object_id",
        Target::List(_) => "list_id",
        // Views are served for objects and lists only.
        Target::Activity(_) => "activity_id",
    };
    let data: Vec<Value> = views
        .iter()
        .take(limit)
        .map(|v| {
            json!({
                "id": {"workspace_id": store.workspace_id, owner_key: v.owner, "view_id": v.id},
                "title": v.title,
                "created_at": format_ns(v.created_at),
            })
        })
        .collect();
    Ok(json!({"data": data, "pagination": {"next_cursor": next_cursor}}))
}
