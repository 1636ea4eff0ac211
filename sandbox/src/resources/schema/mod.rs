//! The schema: objects (`objects.rs`), their and lists' attributes (`attributes.rs`,
//! `attribute_update.rs`), and select options and statuses (`choices.rs`). Attribute routes serve
//! objects and lists alike through `{target}` (`objects` or `lists`).

mod attribute_update;
mod attributes;
mod choices;
mod objects;

use crate::http::{Method, Route};

/// The routes of objects, attributes, options and statuses.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/objects", objects::list),
    Route::write(Method::Post, "/v2/objects", objects::create),
    Route::read(Method::Get, "/v2/objects/{object}", objects::get),
    Route::write(Method::Patch, "/v2/objects/{object}", objects::update),
    Route::write(Method::Delete, "/v2/objects/{object}", objects::delete),
    Route::read(
        Method::Get,
        "/v2/{target}/{identifier}/attributes",
        attributes::list,
    ),
    Route::write(
        Method::Post,
        "/v2/{target}/{identifier}/attributes",
        attributes::create,
    ),
    Route::read(
        Method::Get,
        "/v2/{target}/{identifier}/attributes/{attribute}",
        attributes::get,
    ),
    Route::write(
        Method::Patch,
        "/v2/{target}/{identifier}/attributes/{attribute}",
        attribute_update::update,
    ),
    Route::read(
        Method::Get,
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        choices::list_options,
    ),
    Route::write(
        Method::Post,
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        choices::create_option,
    ),
    Route::write(
        Method::Patch,
        "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}",
        choices::update_option,
    ),
    Route::read(
        Method::Get,
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        choices::list_statuses,
    ),
    Route::write(
        Method::Post,
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        choices::create_status,
    ),
    Route::write(
        Method::Patch,
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}",
        choices::update_status,
    ),
];
