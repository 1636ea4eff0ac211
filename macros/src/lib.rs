//! The `#[attio_object]` attribute macro. Use it through the `attio` crate, which re-exports it:
//! `use attio::attio_object;`.
//!
//! The macro is built in three phases, one module each: `attr` and `ast` parse the input into a
//! model, `check` applies the rules across fields, and `codegen` emits code from a valid
//! model. Every mistake is collected in a `ctxt::Ctxt` and reported together; when there is
//! one, `fallback` re-emits the struct alone, with the errors.

mod ast;
mod attr;
mod check;
mod codegen;
mod ctxt;
mod expand;
mod fallback;
mod select_enum;
#[cfg(test)]
mod snapshot;
mod suggest;
mod symbol;

use proc_macro::TokenStream;

/// Describes an Attio object as a Rust struct, and generates its typed API: the encoding, the
/// record operations, typed queries and per-attribute change sets.
///
/// ```
/// use attio::{attio_object, EmailAddress, RecordReference};
///
/// #[attio_object(slug = "users")]
/// #[derive(Debug, Clone, PartialEq)]
/// pub struct User {
///     pub user_id: String,
///     pub primary_email_address: EmailAddress,
///     pub person: Option<RecordReference>,
///     pub workspace: Option<RecordReference>,
/// }
///
/// assert_eq!(User::SLUG, "users");
/// ```
///
/// Each named field is one attribute of the object: its name is the attribute's api slug (or
/// give one with `#[attio(rename = "...")]`) and its type says both the attribute type and the
/// cardinality:
///
/// | Field type | Meaning |
/// |---|---|
/// | `T` | the attribute always has a value |
/// | `Option<T>` | the attribute may be empty |
/// | `Vec<T>` | a multiselect attribute |
///
/// where `T` is an Attio value type (`String`, `bool`, numbers, `attio::EmailAddress`,
/// `attio::RecordReference`, `attio::Ref<T>`, an enum with `#[derive(attio::SelectEnum)]`, ...;
/// see `attio::values`), optionally wrapped in `attio::WithMeta<T>` to keep the metadata Attio
/// returns with each value.
///
/// The struct is emitted unchanged (minus the `#[attio(...)]` attributes); your own derives,
/// including serde's `Serialize` and `Deserialize` with their `#[serde(...)]` attributes, are
/// untouched and independent of the Attio encoding.
///
/// # What it generates
///
/// For a struct `User` (the names follow your struct's), with the struct's visibility:
///
/// | Item | What it is |
/// |---|---|
/// | `impl attio::AttioObject for User` | the slug, the field table `User::FIELDS` (each field's name, attribute slug, attribute type, cardinality, read-only flag and Rust type), and the encoding to and from Attio's `values` objects |
/// | `User::SLUG` | the object's api slug, `"users"` |
/// | `User::query()`, `User::fields()` and the struct `UserFields` | [typed queries](#queries-and-attribute-handles), and the handles that name attributes |
/// | `User::changes()` and the struct `UserChanges` | [per-attribute change sets](#change-sets) |
///
/// `UserFields` and `UserChanges` are declared next to `User`, in the same module. Everything
/// generated is documented here, once; in your crate's documentation each generated item carries
/// a one-line summary that points here.
///
/// The [record operations](#record-operations) (`user.create(..)`, `User::get(..)`, …) are not
/// generated: they are methods of the extension traits in `attio::prelude`, implemented for every
/// `#[attio_object]` struct. Write `use attio::prelude::*;` where you call them.
///
/// ## Record operations
///
/// From `attio::prelude::RecordExt`. Each forwards to the public
/// `attio::Client` method named below (whose documentation has the details), and returns a `Send`
/// future of an `attio::Result`:
///
/// | Method | Request | `Client` method | Output |
/// |---|---|---|---|
/// | `user.update(&client, &id)` | `PATCH /v2/objects/{slug}/records/{id}` | `update_record` | `Record<User>` |
/// | `user.overwrite(&client, &id)` | `PUT /v2/objects/{slug}/records/{id}` | `overwrite_record` | `Record<User>` |
/// | `user.create(&client)` | `POST /v2/objects/{slug}/records` | `create_record` | `Record<User>` |
/// | `user.assert_by(&client, \|f\| f.user_id())` | `PUT /v2/objects/{slug}/records?matching_attribute=user_id` | `assert_record` | `Record<User>` |
/// | `User::get(&client, &id)` | `GET /v2/objects/{slug}/records/{id}` | `get_record` | `Record<User>` |
/// | `User::delete(&client, &id)` | `DELETE /v2/objects/{slug}/records/{id}` | `delete_record` | `()` |
/// | `User::history(&client, &id, \|f\| f.user_id())` | `GET .../records/{id}/attributes/user_id/values?show_historic=true` | `value_history` | `Vec<WithMeta<String>>` |
/// | `User::write_history(&client, &id, \|f\| f.user_id(), &values)` | `PUT .../records/{id}/attributes/user_id/values` | `write_value_history` | `Vec<WithMeta<String>>` |
/// | `User::views(&client)` | `GET /v2/objects/{slug}/views`, every page | `object_views_of` | `Vec<ObjectView>` (archived ones left out) |
/// | `User::merge(&client, &primary, &secondary)` | `POST /v2/objects/{slug}/records/merge`, then `GET` the new record | `merge_record` | `Record<User>` (the new record) |
///
/// - `update` and `overwrite` write every writable field that has something to send: a `None` is
///   left out (the attribute keeps its value) and `#[attio(read_only)]` fields are never sent.
///   Both replace single values; they differ on multiselect (`Vec<T>`) fields: `update` *adds* the
///   `Vec`'s values to the record's, `overwrite` makes them the record's *only* values (an empty
///   `Vec` clears the attribute). `overwrite` is idempotent, so it is safe to retry.
/// - `create` is not idempotent: it is retried only when the request never reached Attio, and
///   fails with `ErrorCode::UniquenessConflict` when a unique attribute's value is taken.
/// - `assert_by` creates the record, or updates the one whose unique attribute `matching` (named
///   through its handle) has this struct's value. It is retried on transient failures only when
///   the struct has no multiselect field besides the matching one.
/// - `history` returns every value the attribute has had, current and past, oldest first, each
///   with its metadata (`active_from`, `active_until`, `created_by_actor`).
/// - `write_history` replaces the attribute's **whole** value history with `values` (a
///   `&[WithMeta<T>]`, each with `active_from` and, unless still active, `active_until`): how a
///   history is migrated from another CRM. Every value the attribute had is destroyed.
/// - `merge` merges the record `secondary` into `primary` (the primary's values win where both
///   have one) and returns the **new** record Attio makes, once it can be read (a large merge is
///   applied in the background; the wait is bounded by `ClientBuilder::merge_wait`). Both
///   originals are gone afterwards.
///
/// ```no_run
/// use attio::prelude::*;
/// # use attio::{attio_object, EmailAddress, RecordReference};
/// # #[attio_object(slug = "users")]
/// # #[derive(Debug, Clone, PartialEq)]
/// # pub struct User {
/// #     pub user_id: String,
/// #     pub primary_email_address: EmailAddress,
/// #     pub person: Option<RecordReference>,
/// #     pub workspace: Option<RecordReference>,
/// # }
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = attio::Client::from_env()?;
/// let user = User {
///     user_id: "123".into(),
///     primary_email_address: "person@company.com".parse()?,
///     person: None,
///     workspace: None,
/// };
/// let created: attio::Record<User> = user.create(&client).await?;
/// let id = created.id.record_id;
/// let _ = user.update(&client, &id).await?;
/// let _ = user.overwrite(&client, &id).await?;
/// let _ = user.assert_by(&client, |f| f.user_id()).await?;
/// let read = User::get(&client, &id).await?;
/// assert_eq!(read.values.user_id, "123");
/// for email in User::history(&client, &id, |f| f.primary_email_address()).await? {
///     println!("{} from {:?}", email.value, email.meta.active_from);
/// }
/// User::delete(&client, &id).await?;
/// # Ok(()) }
/// ```
///
/// ## Queries and attribute handles
///
/// `User::fields()` returns `UserFields`, which has one method per field, named as the field,
/// returning the attribute's handle. The handle's type follows the field's value type
/// (`attio::TextFilter` for `String`, `attio::OrderedFilter` for numbers, dates and currencies,
/// `attio::SelectFilter` for selects, statuses and select enums, ...; see `attio::Filterable`),
/// and offers the operators Attio allows for it. A handle names an attribute wherever one is
/// named: in filters (combined with `&`, `|` and `!`) and sorts, as the matching attribute of
/// `assert_by`, and as the attribute of `history`. `User::query()` starts an `attio::Query<User>`,
/// whose `filter` and `sort` take a closure over the handles:
///
/// ```
/// #[attio::attio_object(slug = "deals")]
/// struct Deal {
///     name: String,
///     value: Option<attio::Currency>,
///     categories: Vec<attio::SelectOption>,
/// }
///
/// let query = Deal::query()
///     .filter(|f| f.name().contains("Acme") & !f.categories().is_empty())
///     .sort(|f| f.value().desc())
///     .limit(10);
/// // Sent by `query.collect_all(&client)`, `query.first(&client)` or `query.stream(&client)`.
/// let acme = Deal::fields().name().contains("Acme");
/// assert_eq!(acme.to_json().to_string(), r#"{"name":{"$contains":"Acme"}}"#);
/// assert_eq!(Deal::fields().name().slug(), "name");
/// ```
///
/// ## Change sets
///
/// `User::changes()` returns an empty `UserChanges`: a builder, over `attio::ChangeSet<User>`,
/// that says attribute by attribute what to change. For each writable field `x` it has:
///
/// | Method | For fields | Does |
/// |---|---|---|
/// | `set_x(value)` | every writable field | sets the value (of a `Vec<T>` field: its only value) |
/// | `clear_x()` | `Option<T>` and `Vec<T>` | removes every value |
/// | `append_x(values)` | `Vec<T>` | adds the values, keeping the others |
/// | `replace_x(values)` | `Vec<T>` | makes these the only values |
///
/// and then `apply(&client, &id)`, which sends the changes in the fewest requests (one `PATCH`
/// or `PUT`, or a `PUT` then a `PATCH` when appends meet replacements; see `attio::ChangeSet`)
/// and returns the record as it is afterwards, `request_count()`, and `is_empty()`. Attributes
/// not mentioned are untouched; read-only fields have no methods. A value that breaks Attio's
/// rules is reported by `apply`, before anything is sent.
///
/// `set_x` takes the field's value type, and `append_x` / `replace_x` anything iterable over it;
/// both also take what converts into it (`&str` for a `String`, a narrower number for a number,
/// an `attio::RecordId` for an `attio::Ref<T>`, and for a `WithMeta<T>` field what a `T` field
/// takes: see `attio::values::FromInput`). Where the argument's type is left open, it is the
/// field's: `["ada@example.com".parse()?]` parses email addresses for an email field.
///
/// ```no_run
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     email_addresses: Vec<attio::EmailAddress>,
///     job_title: Option<String>,
///     #[attio(read_only)]
///     avatar_url: Option<String>,
/// }
///
/// # async fn run(client: attio::Client, id: attio::RecordId) -> Result<(), Box<dyn std::error::Error>> {
/// let changes = Person::changes()
///     .append_email_addresses(["ada@example.com".parse()?])
///     .set_job_title("Engineer");
/// assert_eq!(changes.request_count(), 1); // one PATCH
/// let record = changes.apply(&client, &id).await?;
///
/// Person::changes().clear_job_title().replace_email_addresses([]).apply(&client, &id).await?;
/// # Ok(()) }
/// ```
///
/// # Object arguments: `#[attio_object(...)]`
///
/// - `slug = "..."` (required): the object's api slug, lowercase ASCII letters, digits and
///   underscores, e.g. `slug = "people"`, `slug = "companies"`, `slug = "users"`.
/// - `crate = "..."`: the path to the `attio` crate, when it is not reachable as `::attio` (for
///   example when another crate re-exports it):
///
/// ```
/// mod reexport {
///     pub use ::attio;
/// }
///
/// #[attio::attio_object(slug = "users", crate = "crate::reexport::attio")]
/// struct User {
///     user_id: String,
/// }
/// # fn main() {}
/// ```
///
/// # Field options: `#[attio(...)]`
///
/// - `rename = "..."`: the attribute's api slug, when the field's name differs from it:
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     #[attio(rename = "primary_email_address")]
///     email: attio::EmailAddress,
/// }
///
/// use attio::AttioObject as _;
/// assert_eq!(User::FIELDS[0].slug, "primary_email_address");
/// ```
///
/// - `read_only`: the field is decoded from responses but never sent. Required for the types
///   Attio does not accept writes of (`attio::Interaction`), and useful for enriched or
///   system attributes:
///
/// ```
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     name: attio::PersonalName,
///     #[attio(read_only)]
///     last_email_interaction: Option<attio::Interaction>,
/// }
/// ```
///
/// Both can be combined: `#[attio(rename = "created_at", read_only)]`.
///
/// - `unique`: the attribute is unique in Attio (no two records share a value, as `users.user_id`
///   or a custom attribute created with `is_unique`; for a multi-valued one, as
///   `people.email_addresses` or `companies.domains`, no two records share any one value). A
///   create whose answer was lost (a dropped connection, a 502 after Attio applied it) is then
///   resolved by looking the record up by this attribute (by all of a `Vec<T>` field's values),
///   and returns the record as if nothing had gone wrong; without a unique field such a create
///   fails with an error whose outcome is unknown. It goes on a field that is written (not
///   `read_only`); a single-value one is used before a `Vec<T>` one:
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     #[attio(unique)]
///     user_id: String,
///     primary_email_address: attio::EmailAddress,
/// }
///
/// use attio::AttioObject as _;
/// assert!(User::FIELDS[0].unique);
///
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     #[attio(unique)]
///     email_addresses: Vec<attio::EmailAddress>,
/// }
/// assert!(Person::FIELDS[0].unique);
/// ```
///
/// # Errors
///
/// Mistakes are compile errors, all reported at once, each pointing at the mistake: a missing or
/// malformed slug, an unknown or repeated option, two fields mapped to the same attribute, a
/// field whose type is not an Attio value type, a read-only type without `#[attio(read_only)]`,
/// and field shapes such as `Option<Option<T>>` that say nothing `Option<T>` does not. The macro
/// applies to structs with named fields only, without generic parameters.
#[proc_macro_attribute]
pub fn attio_object(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::attio_object(args.into(), input.into()).into()
}

#[doc = include_str!("attio_activity.md")]
#[proc_macro_attribute]
pub fn attio_activity(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::attio_activity(args.into(), input.into()).into()
}

#[doc = include_str!("attio_list.md")]
#[proc_macro_attribute]
pub fn attio_list(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::attio_list(args.into(), input.into()).into()
}

/// Maps a fieldless enum to the options of a `select` attribute, or with `#[attio(status)]` to
/// the statuses of a `status` attribute: implements `attio::SelectEnum`, and with it the value,
/// write, filter and filter-operand traits, so the enum is a field type like `attio::SelectOption`.
///
/// Each variant is the option whose title is the variant's name, or the title given with
/// `#[attio(rename = "...")]`. A value is written as `{"option": "<title>"}` (`{"status": ...}`)
/// and read by its title; a title the enum does not know is a decoding error naming the known
/// titles, unless one variant is marked `#[attio(other)]`: a unit variant, or one holding a
/// `String` (the title) or the untyped value (`attio::SelectOption` / `attio::Status`).
///
/// ```
/// use attio::SelectEnum as _;
///
/// #[derive(Debug, Clone, PartialEq, attio::SelectEnum)]
/// #[attio(status)]
/// enum Stage {
///     Lead,
///     #[attio(rename = "In Progress")]
///     InProgress,
///     #[attio(rename = "Won 🎉")]
///     Won,
///     Lost,
///     #[attio(other)]
///     Other(String),
/// }
///
/// #[attio::attio_object(slug = "deals")]
/// struct Deal {
///     stage: Stage,
/// }
///
/// assert_eq!(Stage::TITLES, ["Lead", "In Progress", "Won 🎉", "Lost"]);
/// let won = Deal::fields().stage().eq(Stage::Won);
/// assert_eq!(won.to_json().to_string(), r#"{"stage":{"$eq":"Won 🎉"}}"#);
/// ```
///
/// Options on the enum: `status`, and `crate = "..."` (the path to the `attio` crate, as for
/// `#[attio_object]`). On a variant: `rename = "..."` and `other`.
///
/// # Errors
///
/// Compile errors, all reported at once: the derive on a struct or union, generic parameters, a
/// variant with fields that is not the catch-all, two variants with the same title, two
/// catch-alls, a catch-all with a `rename` or with more than one field, and unknown or repeated
/// options.
#[proc_macro_derive(SelectEnum, attributes(attio))]
pub fn derive_select_enum(input: TokenStream) -> TokenStream {
    select_enum::derive(input.into()).into()
}
