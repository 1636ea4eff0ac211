//! Records over HTTP: create/get/update/delete, every attribute type's write forms, errors,
//! multiselect semantics, assert, history, query.
//!
//! One test binary; a module a subject: `fixtures` (companies with custom attributes, the
//! timestamp shape), `crud` (create, get, the seed request), `write_forms` (every type's write
//! forms, normalisation, record references), `rejected` (errors), `updates` (PATCH appends, PUT
//! overwrites, assert, history, delete) and `queries`.

#[path = "../common/mod.rs"]
mod common;

mod crud;
mod fixtures;
mod queries;
mod rejected;
mod updates;
mod write_forms;
