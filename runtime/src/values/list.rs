//! [`AttioList`]: what `#[attio_list]` implements for a struct describing a list's entries; and
//! [`ListParent`], what an object must be for its records to be the parents of entries.

use super::{AttioObject, AttioValue};

/// A Rust struct that describes the entries of an Attio list: the list's slug (its
/// [`AttioObject::SLUG`]), its own attributes (the struct's fields, encoded and decoded as an
/// object's are), and the object its entries' parent records belong to.
///
/// Implemented by [`#[attio_list]`](crate::attio_list); you do not implement it by hand.
///
/// ```
/// use attio::{AttioList, AttioObject};
///
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: attio::Status }
///
/// assert_eq!(<SalesEntry as AttioObject>::SLUG, "sales_pipeline");
/// assert_eq!(<<SalesEntry as AttioList>::Parent as AttioObject>::SLUG, "companies");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio list",
    label = "not an #[attio_list] struct",
    note = "add #[attio::attio_list(slug = \"...\", parent = Company)] to `{Self}` to describe the entries of an Attio list with it"
)]
pub trait AttioList: AttioObject {
    /// The object of the entries' parent records (`Company` for a pipeline over companies).
    type Parent: ListParent;
}

/// An object whose records can be the parents of list entries: every `#[attio_object]` struct.
///
/// `#[attio_list(parent = X)]` requires it of `X`; a list's own struct is not one (an entry's
/// parent is a record, never another entry).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the parent of a list's entries: it is not an #[attio_object] struct",
    label = "not an #[attio_object] struct",
    note = "a list's `parent` is the struct of the object its entries belong to, declared with #[attio::attio_object(slug = \"...\")], e.g. `#[attio_object(slug = \"companies\")] struct Company {{ name: String }}` and then `#[attio_list(slug = \"sales_pipeline\", parent = Company)]`"
)]
pub trait ListParent: AttioObject {}

/// A value type a list's attribute can hold: every Attio value type but
/// [`PersonalName`](crate::PersonalName) and [`Interaction`](crate::Interaction), which only
/// objects' records have, and every `#[derive(SelectEnum)]` enum (the derive implements it).
/// `#[attio_list]` requires it of each field's value type.
#[diagnostic::on_unimplemented(
    message = "a list's entries cannot hold `{Self}` values: lists have no attributes of this type",
    label = "not a type of list attribute",
    note = "a field of an #[attio_list] struct is `T`, `Option<T>` or `Vec<T>`, where T is String, bool, a number, or attio::{{Currency, Date, Timestamp, Rating, Status, SelectOption, RecordReference, Ref<T>, ActorReference, Location, Domain, EmailAddress, PhoneNumber}}, or an enum with #[derive(attio::SelectEnum)]; personal names and interactions belong to the parent record: filter on them with `f.parent()`, read them with the parent's `get`"
)]
pub trait ListValue: AttioValue {}

macro_rules! list_values {
    ($($ty:ty),* $(,)?) => {
        $(impl ListValue for $ty {})*
    };
}

list_values!(
    String,
    bool,
    f64,
    f32,
    i64,
    i32,
    i16,
    i8,
    u64,
    u32,
    u16,
    u8,
    super::Currency,
    super::Date,
    super::Timestamp,
    super::Rating,
    super::Status,
    super::SelectOption,
    super::RecordReference,
    super::ActorReference,
    super::Location,
    super::Domain,
    super::EmailAddress,
    super::PhoneNumber,
);

impl<T: ListValue> ListValue for super::WithMeta<T> {}
impl<T: super::RecordObject> ListValue for super::Ref<T> where super::Ref<T>: AttioValue {}

/// The slug of the object of `T`'s entries' parent records; named by generated code (through
/// `T`'s `AttioList` impl, so that a parent that is not an object is reported once, by the
/// `ListParent` bound).
#[doc(hidden)]
pub const fn parent_slug<T: AttioList>() -> &'static str {
    <T::Parent as AttioObject>::SLUG
}
