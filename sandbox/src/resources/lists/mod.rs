//! Lists and their entries: the routes. List handlers and the rules of creating and updating a
//! list are in `list.rs`; entry handlers in `entry.rs`.

mod entry;
mod list;

use crate::http::{Method, Route};

/// The routes of lists and entries.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/lists", list::list),
    Route::write(Method::Post, "/v2/lists", list::create),
    Route::read(Method::Get, "/v2/lists/{list}", list::get),
    Route::write(Method::Patch, "/v2/lists/{list}", list::update),
    Route::read(Method::Post, "/v2/lists/{list}/entries/query", entry::query),
    Route::write(Method::Post, "/v2/lists/{list}/entries", entry::create),
    Route::write(
        Method::Put,
        "/v2/lists/{list}/entries",
        entry::assert_by_parent,
    ),
    Route::read(
        Method::Get,
        "/v2/lists/{list}/entries/{entry_id}",
        entry::get,
    ),
    Route::write(
        Method::Patch,
        "/v2/lists/{list}/entries/{entry_id}",
        entry::update,
    ),
    Route::write(
        Method::Put,
        "/v2/lists/{list}/entries/{entry_id}",
        entry::overwrite,
    ),
    Route::write(
        Method::Delete,
        "/v2/lists/{list}/entries/{entry_id}",
        entry::delete,
    ),
    Route::read(
        Method::Get,
        "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
        entry::value_history,
    ),
    Route::write(
        Method::Put,
        "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
        entry::write_history,
    ),
    Route::read(
        Method::Get,
        "/v2/objects/{object}/records/{record_id}/entries",
        entry::record_entries,
    ),
];
