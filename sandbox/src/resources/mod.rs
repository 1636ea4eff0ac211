//! The resources: one module per family of Attio's endpoints, each with its route table
//! (`ROUTES`) beside the handlers that take a request, call the store, and answer JSON.
//!
//! A resource imports the shared request helpers (`crate::http`), the store, queries, schema and
//! values; never another resource, the router or the transport. State that a resource keeps
//! beside records and entries is a store [`Part`](crate::store::Part), installed here when a
//! workspace is made.
//!
//! Adding an operation: write its handler in its resource module and add a row to that module's
//! `ROUTES`. Adding a resource: a new module with its `ROUTES`, listed in [`ROUTES`] below (and
//! in [`install`] if it keeps state).

pub mod comments;
pub mod emails;
pub mod files;
pub mod identity;
pub mod lists;
pub mod meetings;
pub mod notes;
pub mod records;
pub mod schema;
pub mod search;
pub mod sequences;
pub mod sql;
pub mod tasks;
pub mod views;
pub mod webhooks;

use crate::http::Route;
use crate::store::Store;

/// Every resource's route table, in the order `attio_sandbox::routes()` lists them.
pub const ROUTES: &[&[Route]] = &[
    schema::ROUTES,
    records::ROUTES,
    search::ROUTES,
    sql::ROUTES,
    lists::ROUTES,
    notes::ROUTES,
    tasks::ROUTES,
    comments::ROUTES,
    meetings::ROUTES,
    emails::ROUTES,
    sequences::ROUTES,
    webhooks::ROUTES,
    identity::ROUTES,
    views::ROUTES,
    files::ROUTES,
];

/// A new workspace: the store with the state each resource keeps in it installed.
pub fn workspace(seed: Option<u64>) -> Store {
    let mut store = Store::new(seed);
    install(&mut store);
    store
}

/// Installs, in a new workspace, the state each resource keeps in the store.
fn install(store: &mut Store) {
    store.parts.install(notes::Notes::default());
    store.parts.install(tasks::Tasks::default());
    store.parts.install(comments::Comments::default());
    store.parts.install(meetings::Meetings::default());
    store.parts.install(emails::Emails::default());
    store.parts.install(sequences::Unsubscribed::default());
    store.parts.install(views::Views::default());
    store.parts.install(files::Files::default());
    store.parts.install(sql::SqlSettings::default());
}
