//! The schema: objects (`objects.rs`), activities (`activities.rs`), their and lists'
//! attributes (`attributes.rs`, `attribute_update.rs`), and select options and statuses
//! (`choices.rs`). Attribute routes serve objects and lists alike through `{target}` (`objects`
//! or `lists`), and activities through the same handlers under `/v2/activities/{activity}`.
//!
//! The activities' routes declare Attio's required scopes, which the router enforces:
//! `activity_configuration:read` to read, `activity_configuration:read-write` to write (and
//! `activity_record:read-write` too to delete an activity, with its records).

mod activities;
mod attribute_update;
mod attributes;
mod choices;
mod objects;

use crate::http::{Method, Route};

const READ: &[&str] = &["activity_configuration:read"];
const WRITE: &[&str] = &["activity_configuration:read-write"];
const DELETE: &[&str] = &[
    "activity_configuration:read-write",
    "activity_record:read-write",
];

/// The routes of objects, activities, attributes, options and statuses.
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
    Route::read(Method::Get, "/v2/activities", activities::list).scopes(READ),
    Route::write(Method::Post, "/v2/activities", activities::create).scopes(WRITE),
    Route::read(Method::Get, "/v2/activities/{activity}", activities::get).scopes(READ),
    Route::write(
        Method::Patch,
        "/v2/activities/{activity}",
        activities::update,
    )
    .scopes(WRITE),
    Route::write(
        Method::Delete,
        "/v2/activities/{activity}",
        activities::delete,
    )
    .scopes(DELETE),
    Route::read(
        Method::Get,
        "/v2/activities/{activity}/attributes",
        attributes::list,
    )
    .scopes(READ),
    Route::write(
        Method::Post,
        "/v2/activities/{activity}/attributes",
        attributes::create,
    )
    .scopes(WRITE),
    Route::read(
        Method::Get,
        "/v2/activities/{activity}/attributes/{attribute}",
        attributes::get,
    )
    .scopes(READ),
    Route::write(
        Method::Patch,
        "/v2/activities/{activity}/attributes/{attribute}",
        attribute_update::update,
    )
    .scopes(WRITE),
    Route::read(
        Method::Get,
        "/v2/activities/{activity}/attributes/{attribute}/options",
        choices::list_options,
    )
    .scopes(READ),
    Route::write(
        Method::Post,
        "/v2/activities/{activity}/attributes/{attribute}/options",
        choices::create_option,
    )
    .scopes(WRITE),
    Route::write(
        Method::Patch,
        "/v2/activities/{activity}/attributes/{attribute}/options/{option}",
        choices::update_option,
    )
    .scopes(WRITE),
    Route::read(
        Method::Get,
        "/v2/activities/{activity}/attributes/{attribute}/statuses",
        choices::list_statuses,
    )
    .scopes(READ),
    Route::write(
        Method::Post,
        "/v2/activities/{activity}/attributes/{attribute}/statuses",
        choices::create_status,
    )
    .scopes(WRITE),
    Route::write(
        Method::Patch,
        "/v2/activities/{activity}/attributes/{attribute}/statuses/{status}",
        choices::update_status,
    )
    .scopes(WRITE),
];
