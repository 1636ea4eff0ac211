//! The [`AttioObject`] trait: what `#[attio_object]` implements for a struct; and
//! [`AttributeHandle`], what names one of its attributes.

use serde::de::MapAccess;
use serde::ser::SerializeMap;

use super::{AttioValue, AttributeType, Cardinality, FieldError};

/// A Rust struct that describes an Attio object: its slug, its attributes, and how its values
/// are written and read.
///
/// Implemented by [`#[attio_object]`](crate::attio_object); you do not implement it by hand. The
/// generated impl is data (the slug and the field table) and the two loops that encode and decode
/// the struct's fields; everything else is ordinary generic code in this crate.
///
/// ```
/// use attio::AttioObject;
///
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     user_id: String,
///     #[attio(rename = "primary_email_address")]
///     email: attio::EmailAddress,
/// }
///
/// assert_eq!(User::SLUG, "users");
/// assert_eq!(User::FIELDS[1].slug, "primary_email_address");
/// assert_eq!(User::FIELDS[1].attribute_type, attio::AttributeType::EmailAddress);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio object",
    label = "not an #[attio_object] struct",
    note = "add #[attio::attio_object(slug = \"...\")] to `{Self}` to describe an Attio object with it; attio::Ref<T> references a record of the object T describes (use attio::RecordReference for a reference whose object is not described by a struct)"
)]
pub trait AttioObject: Sized {
    /// The object's `api_slug`, e.g. `"people"`, used in every record path.
    const SLUG: &'static str;

    /// One entry per field, in declaration order.
    const FIELDS: &'static [FieldInfo];

    /// Writes every writable field that has something to send, as `slug: write form` entries.
    #[doc(hidden)]
    fn encode_values<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// Reads a record's `values` object.
    #[doc(hidden)]
    fn decode_values<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;

    /// Checks every writable field against the rules Attio enforces, naming the first field that
    /// breaks one.
    fn validate(&self) -> Result<(), FieldError>;
}

/// What the struct declares about one attribute.
///
/// ```
/// use attio::{AttioObject, Cardinality};
///
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     email_addresses: Vec<attio::EmailAddress>,
/// }
///
/// let field = &Person::FIELDS[0];
/// assert_eq!(field.slug, "email_addresses");
/// assert_eq!(field.cardinality, Cardinality::Multiple);
/// assert!(!field.read_only);
/// assert_eq!(field.rust_type, "Vec<attio::EmailAddress>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldInfo {
    /// The Rust field name.
    pub name: &'static str,
    /// The attribute's `api_slug` (the field name, or its `#[attio(rename = "...")]`).
    pub slug: &'static str,
    /// The attribute type the field's Rust type holds.
    pub attribute_type: AttributeType,
    /// `T`, `Option<T>` or `Vec<T>`.
    pub cardinality: Cardinality,
    /// `#[attio(read_only)]`: decoded, never sent.
    pub read_only: bool,
    /// The field's Rust type as written, e.g. `Option<f64>`.
    pub rust_type: &'static str,
    /// `#[attio(unique)]`: the attribute is unique in Attio, so no two records share a value.
    /// A create whose outcome is unknown (its answer was lost) is resolved by looking the record
    /// up by this attribute, instead of failing; see [`Client::create_record`](crate::Client::create_record).
    ///
    /// ```
    /// use attio::AttioObject;
    ///
    /// #[attio::attio_object(slug = "users")]
    /// struct User {
    ///     #[attio(unique)]
    ///     user_id: String,
    ///     primary_email_address: attio::EmailAddress,
    /// }
    ///
    /// assert!(User::FIELDS[0].unique);
    /// assert!(!User::FIELDS[1].unique);
    /// ```
    pub unique: bool,
}

impl FieldInfo {
    /// Describes a field; used by generated code.
    #[doc(hidden)]
    pub const fn new(
        name: &'static str,
        slug: &'static str,
        attribute_type: AttributeType,
        cardinality: Cardinality,
        read_only: bool,
        rust_type: &'static str,
    ) -> Self {
        FieldInfo {
            name,
            slug,
            attribute_type,
            cardinality,
            read_only,
            rust_type,
            unique: false,
        }
    }

    /// The same field, marked `#[attio(unique)]`; used by generated code.
    #[doc(hidden)]
    pub const fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
}

/// A handle naming one attribute of object `O` whose values are of type
/// [`Value`](AttributeHandle::Value): the handles of a generated `<Struct>Fields` (`O::fields()`).
///
/// Used wherever an attribute itself is named: the unique attribute of
/// [`Ref::by`](crate::Ref::by) and of a generated `assert_by`, and the attribute of a generated
/// `history`. A handle of a *property* of an attribute (`f.email_addresses().email_domain()`,
/// `f.name().last_name()`, `f.last_email_interaction().interacted_at()`, ...) filters and sorts
/// but is not an `AttributeHandle`: it does not name the attribute.
///
/// ```
/// use attio::AttributeHandle;
///
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     email_addresses: Vec<attio::EmailAddress>,
/// }
///
/// fn slug_of<H: AttributeHandle<Person>>(handle: H) -> &'static str {
///     handle.slug()
/// }
/// assert_eq!(slug_of(Person::fields().email_addresses()), "email_addresses");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not name an attribute",
    label = "not the handle of an attribute",
    note = "a property of an attribute (`f.email_addresses().email_domain()`, `f.name().last_name()`, `f.last_email_interaction().interacted_at()`, ...) cannot name the attribute: pass the attribute's own handle, e.g. `f.email_addresses()`",
    note = "an attribute's handle is a method of its object's `fields()` (the `f` of `|f| f.email_addresses()`)",
    note = "in a list's queries, `f.parent().name()` names an attribute of the entries' parent records, not of the list: read its history on the parent, e.g. `Company::history(&client, &entry.parent_record_id, |f| f.name())`"
)]
pub trait AttributeHandle<O> {
    /// The attribute's value type (without `Option`, `Vec` or `WithMeta`).
    type Value: AttioValue;

    /// The attribute's api slug.
    fn slug(&self) -> &'static str;
}
