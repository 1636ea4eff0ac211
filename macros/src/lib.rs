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
mod symbol;

use proc_macro::TokenStream;

/// Describes an Attio object as a Rust struct.
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
/// `attio::RecordReference`, ..., see `attio::values`), optionally wrapped in `attio::WithMeta<T>`
/// to keep the metadata Attio returns with each value.
///
/// ```ignore
/// use attio::{attio_object, EmailAddress, RecordReference};
///
/// #[attio_object(slug = "users")]
/// #[derive(Debug, Clone, PartialEq)]
/// pub struct User {
///     pub user_id: String,
///     #[attio(rename = "primary_email_address")]
///     pub email: EmailAddress,
///     pub person: Option<RecordReference>,
///     #[attio(read_only)]
///     pub avatar_url: Option<String>,
/// }
/// ```
///
/// The struct is emitted unchanged (minus the `#[attio(...)]` attributes); your own derives,
/// including serde's `Serialize` and `Deserialize` with their `#[serde(...)]` attributes, are
/// untouched and independent of the Attio encoding. The macro adds:
///
/// - an `attio::AttioObject` impl: the slug, the field table (`FIELDS`), and the encoding to and
///   from Attio's `values` objects;
/// - `User::SLUG`, the object slug;
/// - `user.update(&client, &id)`, which `PATCH`es the record with the struct's values.
///
/// # Object arguments: `#[attio_object(...)]`
///
/// - `slug = "..."` (required): the object's api slug, lowercase ASCII letters, digits and
///   underscores, e.g. `slug = "people"`, `slug = "companies"`, `slug = "users"`.
/// - `crate = "..."`: the path to the `attio` crate, when it is not reachable as `::attio` (for
///   example when another crate re-exports it):
///
/// ```ignore
/// mod reexport {
///     pub use ::attio;
/// }
///
/// #[attio_object(slug = "users", crate = "crate::reexport::attio")]
/// struct User {
///     user_id: String,
/// }
/// ```
///
/// # Field options: `#[attio(...)]`
///
/// - `rename = "..."`: the attribute's api slug, when the field's name differs from it:
///
/// ```ignore
/// #[attio_object(slug = "users")]
/// struct User {
///     #[attio(rename = "primary_email_address")]
///     email: attio::EmailAddress,
/// }
/// ```
///
/// - `read_only`: the field is decoded from responses but never sent. Required for the types
///   Attio does not accept writes of (`attio::Interaction`), and useful for enriched or
///   system attributes:
///
/// ```ignore
/// #[attio_object(slug = "people")]
/// struct Person {
///     name: attio::PersonalName,
///     #[attio(read_only)]
///     last_email_interaction: Option<attio::Interaction>,
/// }
/// ```
///
/// Both can be combined: `#[attio(rename = "created_at", read_only)]`.
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
/// ```ignore
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
