//! An in-process, Attio-compatible HTTP server for tests and demos.
//!
//! The sandbox implements Attio's REST API v2 for objects, attributes, select options, statuses
//! and records (create, assert, get, update, delete, query, value history, search), lists and
//! their entries, notes, tasks, comments and threads, meetings, call recordings and transcripts,
//! workspace members, webhooks, files (uploads streamed in, downloads served from a second
//! loopback port behind signed URLs), activities and their records, and `/v2/self` (whose scopes
//! a test can narrow), on JSON, on its own: it does not use the `attio` client crate, so it
//! checks the client rather than mirroring it.
//!
//! **SQL.** With the `sql` feature, `POST /v2/sql` runs read-only SQL on SQLite over tables built
//! from the workspace at each query (`objects.<slug>`, `lists.<slug>`, `information_schema`); the
//! statement's time limit is [`SandboxBuilder::sql_time_limit`]. Without the feature the route
//! answers an error naming it.
//!
//! **Activities.** `GET|POST /v2/activities`, `GET|PATCH|DELETE /v2/activities/{activity}`
//! (slug or id), an activity's attributes, select options and statuses
//! (`/v2/activities/{activity}/attributes…`, the bodies and answers of the objects' attribute
//! routes, the attribute's id naming `activity_id`), and its records
//! (`POST|PUT /v2/activities/{activity}/records`, `POST …/records/query`,
//! `GET|PATCH|PUT|DELETE …/records/{record_id}`), written, queried and kept unique as records
//! are, rendered with `id.activity_id` and no `web_url`, without value history or merges. Every
//! workspace has the system activity `phone_calls` (extends `calls`), which cannot be changed or
//! deleted; an activity's `extends` is fixed at creation; objects and activities share one
//! namespace of slugs; deleting an activity deletes its records. Each schema an activity extends
//! supplies attributes (an assumption of the sandbox: `occurred_at`, plus `direction` for
//! interactions, calls and emails, `duration_seconds` for calls and `subject` for emails). These
//! routes alone enforce the token's scopes (`activity_configuration:*`, `activity_record:*`,
//! and for records `object_configuration:read` and `record_permission:read`), answering `403
//! unauthorized` without them. They emit `activity.created`, `activity.updated`,
//! `activity.deleted`, `activity-attribute.created`, `activity-attribute.updated`,
//! `activity-record.created` and `activity-record.deleted`.
//!
//! **Workspaces.** A sandbox is one workspace unless
//! [`SandboxBuilder::add_workspace`] adds more: each has its own data, API key, rate limits,
//! webhooks and `/v2/self`, and a token reaches its own workspace alone. [`Sandbox::workspace`]
//! returns a [`Workspace`] to reach one's controls and data; the [`Sandbox`] methods of the same
//! names act on the first. For an OAuth app registered with [`SandboxBuilder::oauth_app`],
//! `GET /authorize` approves into the workspace [`Sandbox::approve_into`] chose (the first by
//! default) and `POST /oauth/token` issues a token for it.
//!
//! Lists and entries:
//! - `GET|POST /v2/lists`, `GET|PATCH /v2/lists/{list}` (slug or id; no DELETE, as in Attio);
//! - list attributes, select options and statuses through the same endpoints as objects' with
//!   target `lists` (`/v2/lists/{list}/attributes…`), including `PATCH …/options/{option}` and
//!   `…/statuses/{status}`; status attributes can be created only on lists;
//! - `POST|PUT /v2/lists/{list}/entries` (create; assert by parent), `GET|PATCH|PUT|DELETE
//!   /v2/lists/{list}/entries/{entry_id}`, `POST …/entries/query`,
//!   `GET …/entries/{entry_id}/attributes/{attribute}/values`;
//! - `GET /v2/objects/{object}/records/{record_id}/entries` (the short form).
//!
//! An entry's `entry_values` holds only the list's attributes (plus its system `created_at` and
//! `created_by`); entries keep value history and follow the records' write rules (PATCH appends
//! to multiselects, PUT overwrites). Queries of records and entries accept `path` filters and
//! sorts through record-reference attributes and, for entries, `parent_record`.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sandbox = attio_sandbox::Sandbox::start().await?;
//! let url = format!("{}/v2/objects/people/records", sandbox.base_url());
//! // POST {"data":{"values":{"email_addresses":["ada@example.com"]}}} to `url`
//! // with "Authorization: Bearer {sandbox.api_key()}".
//! # let _ = url;
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! Semantics chosen where Attio's documentation is silent (see also the module docs):
//! - a write to a read-only attribute (system attributes such as `record_id`, enriched ones such
//!   as `twitter_follower_count`, interactions) answers 400 `system_edit_unauthorized`;
//! - an unknown attribute slug in `values` answers 400 `value_not_found`;
//! - `[]` (or `null`) clears an attribute on PUT and for single-select attributes on PATCH; on
//!   PATCH, `[]` for a multiselect attribute appends nothing;
//! - a bare (non-array) value for a multiselect attribute answers 400 `validation_type`;
//! - writing a value equal to the active one keeps the active value (no history entry).
//! - Two-way relationships (e.g. `users.person` ↔ `people.associated_users`,
//!   `people.company` ↔ `companies.team`) are kept in step on both sides.
//! - Renaming a select option or status changes the title of the values already written.
//!
//! **Webhooks.** `POST /v2/webhooks` and the rest manage webhooks as Attio does, except that a
//! loopback target (`127.0.0.1`, `::1`, `localhost`) may be `http://`. A change to a record
//! (`record.created`, `record.updated` once per changed attribute with its `attribute_id`,
//! `record.deleted`), a new attribute (`object-attribute.created`) or an activity's change (see
//! above) is delivered to every
//! webhook subscribed to it whose filter it passes: a POST of `{"webhook_id", "events": [...]}`
//! signed with the webhook's secret (hex HMAC-SHA256 of the body in `Attio-Signature` and
//! `X-Attio-Signature`), with an `Idempotency-Key` that stays the same across retries. Only
//! `http://` loopback targets are sent to (others are recorded, not sent); a failed delivery is
//! retried with exponential backoff ([`SandboxBuilder::webhook_retry`]). A test waits with
//! [`Sandbox::wait_for_delivered`] and inspects [`Sandbox::webhook_deliveries`]:
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = attio_sandbox::Sandbox::start().await?;
//! // POST /v2/webhooks {"data": {"target_url": "http://127.0.0.1:PORT/attio",
//! //   "subscriptions": [{"event_type": "record.created", "filter": null}]}}, then create a record…
//! let delivered = sandbox.wait_for_delivered(1, std::time::Duration::from_secs(10)).await?;
//! assert_eq!(delivered[0].events()[0]["event_type"], "record.created");
//! # Ok(())
//! # }
//! ```
//!
//! For lists and entries:
//! - a list's `api_slug` is snake_case; creating one needs `workspace_access: "full-access"` or a
//!   full-access member (else 400 `validation_type`); unknown fields in a list body answer 400
//!   `validation_type`; a PATCH with `parent_object` answers 400 `immutable_value`;
//! - a list has the system attributes `created_at` and `created_by`;
//! - creating an entry: an unknown `parent_object` or a missing parent record answers 400
//!   `value_not_found`, a parent object the list does not accept 400 `validation_type`, an
//!   attribute that is not the list's (e.g. the parent's `name`) 400 `value_not_found`;
//! - assert by parent (`PUT …/entries`) on the parent's only entry overwrites every attribute
//!   sent (multiselects included), and an empty `entry_values` is allowed; with several entries
//!   nothing is written (400 `multiple_match_results`);
//! - `parent_record_id` or `parent_object` in a PATCH/PUT of an entry answers 400
//!   `immutable_value`;
//! - deleting a record deletes its entries in every list;
//! - the record → entries answer is oldest first; `limit` above 1000 answers 400
//!   `validation_type`;
//! - a `path` filter object has exactly the keys `path` and `constraints`; it matches when some
//!   record reached through the path passes the constraints (keyed by the last attribute's
//!   properties); `parent_record` may only be followed from the list being queried; a `path`
//!   sort uses the first record reached; a bad path answers 400 `filter_error`.

mod builder;
mod delivery;
mod error;
mod http;
mod query;
mod resources;
mod routes;
mod sandbox;
mod schema;
mod server;
mod store;
mod util;
mod values;
mod webhook_url;
mod workspace;

pub use builder::SandboxBuilder;
pub use delivery::{AttemptResult, DeliveryAttempt, DeliveryTimeout, WebhookRetry};
pub use error::ApiError;
pub use http::TokenLevel;
pub use sandbox::Sandbox;
pub use server::RecordedRequest;
pub use server::faults::{Fault, Struck};
pub use server::files::DownloadRequest;
pub use store::MergeDeferral;
pub use workspace::{UnknownWorkspace, Workspace};

/// Every operation the sandbox serves, as `(method, path template)`: the route table itself, in
/// the path syntax of Attio's OpenAPI document (`/v2/notes/{note_id}`; `{target}` is `objects` or
/// `lists`). A request to a path that a template matches, with another method, is answered 405
/// with Attio's error body and an `Allow` header; a path that none matches, 404 naming the
/// nearest route when one is a few letters away.
///
/// ```
/// let routes: Vec<(&str, &str)> = attio_sandbox::routes().collect();
/// assert!(routes.contains(&("PATCH", "/v2/objects/{object}/records/{record_id}")));
/// ```
pub fn routes() -> impl Iterator<Item = (&'static str, &'static str)> {
    routes::all().map(|r| (r.method.as_str(), r.path))
}
