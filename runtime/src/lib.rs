//! # attio
//!
//! The typed Rust SDK for [Attio](https://attio.com), the CRM. Describe your Attio objects as
//! ordinary Rust structs; `#[attio_object]` generates the code that turns them into Attio's wire
//! format and back; [`prelude`] gives them typed methods such as `update`.
//!
//! ```no_run
//! use attio::prelude::*; // the typed operations: user.update(..), User::get(..), …
//! use attio::{attio_object, Client, EmailAddress, RecordId, RecordReference};
//!
//! #[attio_object(slug = "users")]
//! #[derive(Debug, Clone, PartialEq)]
//! pub struct User {
//!     pub user_id: String,
//!     pub primary_email_address: EmailAddress,
//!     pub person: Option<RecordReference>,
//!     pub workspace: Option<RecordReference>,
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?; // ATTIO_API_KEY, optional ATTIO_BASE_URL
//! let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
//! let user = User {
//!     user_id: "123".into(),
//!     primary_email_address: "person@company.com".parse()?,
//!     person: Some(RecordReference::new("people", "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse()?)),
//!     workspace: None,
//! };
//! let record: attio::Record<User> = user.update(&client, &id).await?; // PATCH /v2/objects/users/records/{id}
//! println!("{} {}", record.id.record_id, record.values.primary_email_address);
//! # Ok(()) }
//! ```
//!
//! The [`guide`] explains each part in detail, chapter by chapter ([records](guide::records),
//! [lists](guide::lists), [schema](guide::schema), [webhooks](guide::webhooks),
//! [errors and retries](guide::errors), …). See [`values`] for the Rust type of every Attio
//! attribute type, [`attio_object`] for the macro's options, [`attio_list`] for lists and their
//! entries (a sales pipeline as a struct), [`Client`] for configuration, and [`webhooks`] to
//! verify, type and manage Attio's webhooks.

#![cfg_attr(docsrs, feature(doc_cfg))]

// Lets this crate's own tests use `#[attio_object]`, whose code names `::attio`.
#[cfg(test)]
extern crate self as attio;

// The layers, along the data's path (see ARCHITECTURE.md): each imports
// only the layers numbered below its own, and `error` (tests/tests/layers.rs checks it).
mod client; // 4. transport, rate limits, retry: one `execute(operation)`
mod error; // the one error type, by stage
mod operation; // 3. every request as data: method, path, body, idempotency, decoding
pub mod shared; // beside operation: where the limiter and webhook deduplication keep their state
pub mod values; // 1. attribute value types, ids, metadata, the object model
pub mod wire; // 2. the codec: write bodies, record and page decoding

// Typed surfaces: they build operations and hand them to the client. `pages` is the paging they
// share, and imports none of them.
pub mod activities;
#[cfg(feature = "blocking")]
#[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
pub mod blocking;
mod bulk;
pub mod changes;
pub mod comments;
pub mod emails;
mod entries;
pub mod files;
mod identity;
mod lists;
pub mod meetings;
pub mod members;
pub mod notes;
pub mod oauth;
mod pages;
pub mod prelude; // the typed operations of users' structs, as methods (extension traits)
pub mod query;
mod raw;
mod records;
mod resolve;
pub mod schema;
pub mod search;
pub mod sequences;
pub mod sql;
pub mod sync;
pub mod tasks;
pub mod webhooks;

/// The guide: each part of the SDK in detail, chapter by chapter, with examples that compile.
pub mod guide;

#[doc(hidden)]
pub mod __private;

pub use attio_macros::SelectEnum;
pub use attio_macros::attio_activity;
pub use attio_macros::attio_list;
pub use attio_macros::attio_object;

pub use bulk::{Bulk, BulkItem, BulkReport, DEFAULT_BULK_CONCURRENCY, Progress};
pub use changes::ChangeSet;
pub use client::{
    API_KEY_ENV, BASE_URL_ENV, Client, ClientBuilder, ClientStats, DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES, MAX_ERROR_BODY_BYTES, OPERATION_LIMITS, OperationLimit, RateLimits,
    RetryPolicy,
};
pub use error::{
    ApiError, DecodeError, Error, ErrorCode, HeldValue, NamedAttribute, OAuthError, Outcome,
    PagingProblem, RequestLine, Result, ScopeError, SqlError, TransportKind,
};
pub use operation::Method;
pub use pages::Listing;
pub use query::{
    ActorFilter, CheckboxFilter, ChoiceOperand, CodeProperty, DEFAULT_PAGE_SIZE, DomainFilter,
    EmailFilter, Filter, Filterable, InteractionFilter, IntoFilter, IntoSort, LocationFilter,
    NameFilter, OrderedFilter, OrderedProperty, Parent, PhoneFilter, Query, Queryable,
    RecordRefFilter, Records, RefFilter, SelectFilter, Sort, TextFilter, TextProperty,
};
pub use raw::RawRequest;
pub use values::{
    Access, ActivityObject, ActivitySchema, Actor, ActorReference, ActorType, AttioField,
    AttioList, AttioObject, AttioValue, AttributeType, Cardinality, CountryCode, Currency, Date,
    Domain, EmailAddress, EntryId, EntryObject, FieldError, FieldInfo, Interaction,
    InteractionType, InvalidId, InvalidScope, ListId, ListParent, Location, ObjectKind, ParentOf,
    PersonalName, PhoneNumber, Rating, RecordId, RecordObject, RecordReference, RecordStruct,
    Resource, Scope, Scopes, SelectOption, SelectOptionId, Status, StatusId, Timestamp, TokenLevel,
    UnknownActivitySchema, ValueContract, ValueError, ValueMeta, WithMeta, WritableField,
    WritableValue,
};
pub use values::{AttributeHandle, Ref, SelectEnum};
pub use wire::{
    Entry, EntryIdentifier, Identity, List, ListAccess, ListIdentifier, ListUpdate, ListView,
    ListViewIdentifier, MemberAccess, NewList, ObjectView, ObjectViewIdentifier, Record,
    RecordEntry, RecordIdentifier, TokenWorkspace,
};

/// The README's examples, compiled and run as doctests so that it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
