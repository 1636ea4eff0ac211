//! [`AttioList`]: what `#[attio_list]` implements for a struct describing a list's entries;
//! [`ListParent`], what an object must be for its records to be the parents of entries;
//! [`ParentOf`], what names one such record when an entry is added; and [`EntryObject`], the
//! check that a struct is a list's.

use super::object::{StructKind, kind};
use super::{AttioObject, AttioValue, RecordId, RecordObject, Ref};

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
    note = "add #[attio::attio_list(slug = \"...\", parent = Company)] to `{Self}` to describe the entries of an Attio list with it",
    note = "if `{Self}` is an #[attio_object] struct, it describes an object's records, not a list's entries: the entry API takes the #[attio_list] struct of the list (`client.get_entry::<SalesEntry>(..)`, `SalesEntry::fields().stage()`), and `{Self}` is the list's `parent = ...`"
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

/// A record of `P`, the parent object of the list `L`'s entries, named by its id: what an entry
/// is added (or asserted) for.
///
/// [`Ref<P>`](crate::Ref) and [`Record<P>`](crate::Record) implement it, for the list's parent
/// `P` only: adding a company to a list whose entries have deals as parents does not compile,
/// and the error names the parent to pass. A plain [`RecordId`] does not implement it, since it
/// does not say which object its record belongs to: when you know an id is a `P` record's, say so
/// with [`Ref::<P>::new(id)`](crate::Ref::new) (Attio refuses it if it is not, and the error
/// says which list's parent object it looked in).
///
/// ```
/// use attio::{ParentOf, Ref};
///
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: Option<attio::Status> }
///
/// fn parent_id(parent: &impl ParentOf<SalesEntry>) -> Option<&attio::RecordId> {
///     parent.parent_record_id()
/// }
/// let acme = Ref::<Company>::new("99a03ff3-0435-47da-95cc-76b2caeb4dab".parse()?);
/// assert_eq!(parent_id(&acme).map(|id| id.as_str()), Some("99a03ff3-0435-47da-95cc-76b2caeb4dab"));
/// // A reference by a unique attribute has no id: an entry cannot be added for it.
/// assert_eq!(parent_id(&Ref::by(Company::fields().name(), "Acme")), None);
/// # Ok::<(), attio::InvalidId>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a record of `{P}`: the entries of `{L}` have parent `{P}`",
    label = "not a `{P}` record",
    note = "this list's entries have parent `{P}` (its `#[attio_list(parent = ...)]`): pass a `&attio::Ref<{P}>`, or the `&attio::Record<{P}>` that `{P}::get`, `create`, `assert_by` or a query return",
    note = "a record of another object cannot be the parent of this list's entries; a plain `attio::RecordId` does not say which object its record belongs to: for an id you know is a `{P}` record's, write `&attio::Ref::<{P}>::new(id)`"
)]
pub trait ParentOf<L: AttioList, P = <L as AttioList>::Parent> {
    /// The parent record's id; `None` for a reference [by a unique attribute](Ref::by), which
    /// Attio cannot add an entry for.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// use attio::ParentOf;
    /// let acme = attio::Ref::<Company>::new("x".parse()?);
    /// assert_eq!(ParentOf::<SalesEntry>::parent_record_id(&acme).unwrap().as_str(), "x");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    fn parent_record_id(&self) -> Option<&RecordId>;
}

/// A reference to a record of the list's parent object.
impl<L, P> ParentOf<L, P> for Ref<P>
where
    L: AttioList<Parent = P>,
    P: RecordObject,
{
    fn parent_record_id(&self) -> Option<&RecordId> {
        self.record_id()
    }
}

/// An [`AttioObject`] whose values are a list's entries: every `#[attio_list]` struct, and no
/// `#[attio_object]` struct. The list attribute API asks for it (`create_list_attribute`,
/// `create_list_reference_attribute`, `create_list_choice`), so that an object's handle passed to
/// it (`Deal::fields().value()`) is a compile error that says to use the list struct's fields. It
/// is implemented by the macros; you do not implement it by hand.
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: Option<attio::Status> }
///
/// fn list_slug<T: attio::EntryObject>() -> &'static str {
///     T::SLUG
/// }
/// assert_eq!(list_slug::<SalesEntry>(), "sales_pipeline");
/// // list_slug::<Company>() does not compile: `Company` is an object, not a list.
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio list",
    label = "not an #[attio_list] struct",
    note = "add #[attio::attio_list(slug = \"...\", parent = Company)] to `{Self}` to describe the entries of an Attio list with it"
)]
pub trait EntryObject: AttioObject {}

impl<T: StructKind> EntryObject for T where T::Kind: kind::IsList<T> {}

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
