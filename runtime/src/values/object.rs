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

    /// The struct's name, for messages (`"User"`).
    const NAME: &'static str;

    /// An object's records (with the nouns to create it with), or a list's entries.
    const KIND: ObjectKind;

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

/// An [`AttioObject`] whose values are *records*: every `#[attio_object]` struct and every
/// `#[attio_activity]` struct, and no `#[attio_list]` struct (a list's struct describes
/// *entries*, which have their own API).
///
/// The record operations that objects and activities share ask for it: create, get, update,
/// overwrite, assert, delete, typed queries and streams, change sets, bulk writes, sync, and the
/// schema's check, plan and ensure. An object's record lives at `/v2/objects/{slug}/records`, an
/// activity's at `/v2/activities/{slug}/records`; the struct's [`AttioObject::KIND`] says which.
/// A list's struct passed to one of them is a compile error that names the entry API to use
/// instead. It is implemented by the macros; you do not implement it by hand.
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_activity(slug = "site_visits", extends = "interactions")]
/// struct SiteVisit { occurred_at: attio::Timestamp }
///
/// fn records_path<T: attio::RecordStruct>() -> String {
///     format!("/v2/{}/{}/records", T::KIND.collection(), T::SLUG)
/// }
/// assert_eq!(records_path::<Company>(), "/v2/objects/companies/records");
/// assert_eq!(records_path::<SiteVisit>(), "/v2/activities/site_visits/records");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio object or activity",
    label = "not an #[attio_object] or #[attio_activity] struct",
    note = "add #[attio::attio_object(slug = \"...\")] (or #[attio::attio_activity(slug = \"...\", extends = \"...\")]) to `{Self}` to describe the records of an Attio object (or activity) with it"
)]
pub trait RecordStruct: AttioObject {}

impl<T: StructKind> RecordStruct for T where T::Kind: kind::HasRecords<T> {}

/// An [`AttioObject`] whose values are the records of an *object*: every `#[attio_object]`
/// struct, and neither an `#[attio_list]` struct (entries) nor an `#[attio_activity]` struct
/// (activity records).
///
/// What only object records have asks for it: [`Ref<T>`](crate::Ref) (a record reference points
/// at an object's record), merging, the parent of a list's entries, the parent of notes, tasks and
/// comments, record search, value histories, the saved views, and the records of `record.*`
/// webhook events. A list's or an activity's struct passed to one of them is a compile error that
/// names the API to use instead. It is implemented by the macros; you do not implement it by hand.
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: Option<attio::Status> }
///
/// fn object_slug<T: attio::RecordObject>() -> &'static str {
///     T::SLUG
/// }
/// assert_eq!(object_slug::<Company>(), "companies");
/// // object_slug::<SalesEntry>() does not compile: `SalesEntry` is a list, not an object.
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio object",
    label = "not an #[attio_object] struct",
    note = "add #[attio::attio_object(slug = \"...\")] to `{Self}` to describe an Attio object with it; attio::Ref<T> references a record of the object T describes (use attio::RecordReference for a reference whose object is not described by a struct)"
)]
pub trait RecordObject: RecordStruct {}

impl<T: StructKind> RecordObject for T where T::Kind: kind::HasRecords<T> + kind::NotActivity<T> {}

/// An [`AttioObject`] whose values are the records of an *activity*: every `#[attio_activity]`
/// struct. What only activities have asks for it: the activity a struct describes
/// ([`Client::activity_of`](crate::Client::activity_of)) and the records of `activity-record.*`
/// webhook events. An object's or a list's struct passed to one of them is a compile error that
/// names the API to use instead. It is implemented by the macros; you do not implement it by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio activity",
    label = "not an #[attio_activity] struct",
    note = "add #[attio::attio_activity(slug = \"...\", extends = \"interactions\")] to `{Self}` to describe an Attio activity with it"
)]
pub trait ActivityObject: RecordStruct {}

impl<T: StructKind> ActivityObject for T where T::Kind: kind::HasRecords<T> + kind::IsActivity<T> {}

/// What a macro-generated struct describes: an object's records ([`kind::ObjectStruct`]), an
/// activity's records ([`kind::ActivityStruct`]) or a list's entries ([`kind::ListStruct`]).
/// Implemented by `#[attio_object]`, `#[attio_activity]` and `#[attio_list]`; it is how
/// [`RecordStruct`], [`RecordObject`] and [`ActivityObject`] tell them apart, with an error naming
/// the right API when one is used where another belongs.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio object",
    label = "not an #[attio_object] struct",
    note = "add #[attio::attio_object(slug = \"...\")] to `{Self}` to describe an Attio object with it; attio::Ref<T> references a record of the object T describes (use attio::RecordReference for a reference whose object is not described by a struct)"
)]
pub trait StructKind: AttioObject {
    /// [`kind::ObjectStruct`], [`kind::ActivityStruct`] or [`kind::ListStruct`].
    type Kind;
}

/// The three kinds of [`StructKind`], and the checks that a struct is of the kind expected.
#[doc(hidden)]
pub mod kind {
    /// What an `#[attio_object]` struct describes: an object's records.
    pub enum ObjectStruct {}

    /// What an `#[attio_activity]` struct describes: an activity's records.
    pub enum ActivityStruct {}

    /// What an `#[attio_list]` struct describes: entries.
    pub enum ListStruct {}

    /// Implemented by [`ObjectStruct`] and [`ActivityStruct`]: the check behind
    /// [`RecordStruct`](super::RecordStruct). Its message is the one a user sees for a list's
    /// struct used where records are expected.
    #[diagnostic::on_unimplemented(
        message = "`{T}` is a list (#[attio_list]), not an object: its entries are not records",
        label = "the struct of a list, where the struct of an object (#[attio_object]) is expected",
        note = "an entry has its own API, with the same names as a record's: `entry.add(&client, &parent)` (or `client.add_entry(&entry, &parent)`, where `parent` is the parent's `Record<Parent>` or a `Ref<Parent>`) instead of `create_record`, `{T}::get(&client, &entry_id)` (or `client.get_entry::<{T}>(&entry_id)`) instead of `get_record`, `entry.update(..)`, `entry.overwrite(..)`, `entry.assert_by_parent(..)`, `{T}::delete(..)`, `{T}::history(..)`, `{T}::changes()`, `{T}::query()`, `{T}::entries_of(&client, &parent)`, `client.bulk().add_entries(..)`",
        note = "the record an entry belongs to is a record of the list's parent object (the `parent = ...` of #[attio_list]): reference it as `attio::Ref<Parent>` and read it with `Parent::get(&client, &entry.parent_record_id)`"
    )]
    pub trait HasRecords<T> {}

    impl<T> HasRecords<T> for ObjectStruct {}
    impl<T> HasRecords<T> for ActivityStruct {}

    /// Implemented by [`ObjectStruct`] and [`ListStruct`] (a list's struct is refused by
    /// [`HasRecords`] first): the check that keeps an activity's struct out of what only object
    /// records have. Its message is the one a user sees for an activity's struct used there.
    #[diagnostic::on_unimplemented(
        message = "`{T}` is an activity (#[attio_activity]), not an object: this API is for the records of objects only",
        label = "the struct of an activity, where the struct of an object (#[attio_object]) is expected",
        note = "an activity record is written and read with the record API that objects and activities share: `visit.create(&client)`, `{T}::get(&client, &id)`, `visit.update(..)`, `visit.overwrite(..)`, `visit.assert_by(..)`, `{T}::delete(..)`, `{T}::query()`, `{T}::changes()`, `client.bulk().create(..)`, `client.sync(..)`",
        note = "what only object records have: a record reference (`attio::Ref<T>` points at an object's record; an activity links to people and companies through its own `Ref<Person>` or `Ref<Company>` fields), merging, value histories, being a list's parent or the parent of notes, tasks and comments, record search, saved views and `record.*` webhook events (an activity's records have `activity-record.*` events: `ActivityRecordEvent::fetch::<{T}>`)"
    )]
    pub trait NotActivity<T> {}

    impl<T> NotActivity<T> for ObjectStruct {}
    impl<T> NotActivity<T> for ListStruct {}

    /// Implemented by [`ActivityStruct`] only: the check behind
    /// [`ActivityObject`](super::ActivityObject). Its message is the one a user sees for an
    /// object's or a list's struct used where an activity's is expected.
    #[diagnostic::on_unimplemented(
        message = "`{T}` is not an activity (#[attio_activity]): this API is for the records of activities only",
        label = "not the struct of an activity",
        note = "describe the activity with #[attio::attio_activity(slug = \"site_visits\", extends = \"interactions\")] on its own struct",
        note = "the events of an object's records are read with `RecordEvent::fetch` (`record.*` events, an #[attio_object] struct), those of a list's entries with `EntryEvent::fetch` (`list-entry.*` events, an #[attio_list] struct)"
    )]
    pub trait IsActivity<T> {}

    impl<T> IsActivity<T> for ActivityStruct {}

    /// Implemented by [`ListStruct`] only: the check behind
    /// [`EntryObject`](super::super::EntryObject). Its message is the one a user sees for an
    /// object's or an activity's struct (or its fields) used where a list's is expected.
    #[diagnostic::on_unimplemented(
        message = "`{T}` is not a list (#[attio_list]): `{T}::fields()` are the attributes of `{T}` records, not of a list's entries",
        label = "an attribute of `{T}` (an object or an activity), where an attribute of a list (#[attio_list]) is expected",
        note = "a list attribute is created from the fields of the list's own #[attio_list] struct: for `#[attio_list(slug = \"...\", parent = {T})] struct {T}Entry {{ stage: attio::Status }}`, write `client.create_list_attribute({T}Entry::fields().stage(), \"Stage\")`; declare the attribute as a field of that struct first",
        note = "to create the attributes of `{T}` itself, use `client.ensure_schema::<{T}>()`, which creates every attribute `{T}`'s fields declare that the workspace lacks"
    )]
    pub trait IsList<T> {}

    impl<T> IsList<T> for ListStruct {}
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
    /// The attribute's title in Attio's web app, for creating it: `#[attio(title = "...")]`,
    /// else the first line of the field's doc comment, else the field name.
    pub title: &'static str,
    /// `#[attio(unique)]`: the attribute is unique in Attio, so no two records share a value (for
    /// a multi-valued attribute such as `people.email_addresses`, no two share any one value).
    /// Recorded for schema checks; and a create whose outcome is unknown (its answer was lost)
    /// is resolved by looking the record up by this attribute, instead of failing; see
    /// [`Client::create_record`](crate::Client::create_record).
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
    /// What the field's value type knows beyond its attribute type: the titles of a
    /// `SelectEnum`, the object of a `Ref<T>`.
    pub value: ValueContract,
}

/// What a value type promises about an attribute beyond its [`AttributeType`]: the titles a
/// `#[derive(SelectEnum)]` enum names, and the object a [`Ref<T>`](crate::Ref) points at. A
/// schema check compares these with the live options, statuses and allowed objects.
///
/// ```
/// use attio::AttioValue;
///
/// #[derive(attio::SelectEnum)]
/// enum Tier { Gold, Silver, #[attio(other)] Other(String) }
///
/// let contract = <Tier as AttioValue>::CONTRACT;
/// let choices = contract.choices.unwrap();
/// assert_eq!(choices.titles, ["Gold", "Silver"]);
/// assert!(choices.catch_all);
/// assert_eq!(<String as AttioValue>::CONTRACT, attio::ValueContract::PLAIN);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValueContract {
    /// The options or statuses an enum names; `None` for every other type (an untyped
    /// `SelectOption` or `Status` takes whatever the workspace has).
    pub choices: Option<Choices>,
    /// The object a typed reference points at (`Some("companies")` for `Ref<Company>`).
    pub references: Option<&'static str>,
}

impl ValueContract {
    /// Nothing beyond the attribute type.
    pub const PLAIN: ValueContract = ValueContract {
        choices: None,
        references: None,
    };

    /// The titles of an enum, and whether it has an `#[attio(other)]` catch-all.
    #[doc(hidden)]
    pub const fn choices(titles: &'static [&'static str], catch_all: bool) -> Self {
        ValueContract {
            choices: Some(Choices { titles, catch_all }),
            references: None,
        }
    }

    /// A reference to records of the object `slug`.
    #[doc(hidden)]
    pub const fn references(slug: &'static str) -> Self {
        ValueContract {
            choices: None,
            references: Some(slug),
        }
    }
}

/// The options or statuses a `#[derive(SelectEnum)]` enum names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Choices {
    /// The variants' titles, in declaration order.
    pub titles: &'static [&'static str],
    /// Whether an `#[attio(other)]` variant takes the titles the enum does not name (else one
    /// fails to decode).
    pub catch_all: bool,
}

/// What an [`AttioObject`] struct describes: an object's records, an activity's records, or a
/// list's entries.
///
/// ```
/// use attio::{AttioObject, ObjectKind};
///
/// #[attio::attio_object(slug = "projects", singular = "Project", plural = "Projects")]
/// struct Project { name: String }
/// #[attio::attio_list(slug = "roadmap", parent = Project)]
/// struct RoadmapEntry { rank: Option<f64> }
/// #[attio::attio_activity(slug = "site_visits", extends = "interactions")]
/// struct SiteVisit { occurred_at: attio::Timestamp }
///
/// assert_eq!(Project::KIND, ObjectKind::Object { nouns: Some(("Project", "Projects")) });
/// assert_eq!(RoadmapEntry::KIND, ObjectKind::List { parent: "projects" });
/// assert_eq!(
///     SiteVisit::KIND,
///     ObjectKind::Activity { nouns: None, extends: attio::ActivitySchema::Interactions }
/// );
/// assert_eq!(SiteVisit::KIND.collection(), "activities");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// `#[attio_object]`: records of an object, with the nouns to create it with
    /// (`singular = "...", plural = "..."`), when given.
    Object {
        /// `(singular, plural)`.
        nouns: Option<(&'static str, &'static str)>,
    },
    /// `#[attio_list]`: entries of a list over records of the object `parent`.
    List {
        /// The parent object's slug.
        parent: &'static str,
    },
    /// `#[attio_activity]`: records of an activity, which extends the schema `extends`, with the
    /// nouns to create it with, when given.
    Activity {
        /// `(singular, plural)`.
        nouns: Option<(&'static str, &'static str)>,
        /// The schema the activity extends (fixed once the activity exists).
        extends: super::ActivitySchema,
    },
}

impl ObjectKind {
    /// The path segment its collections live under: `objects`, `lists` or `activities`
    /// (`/v2/{collection}/{slug}/…`).
    pub const fn collection(&self) -> &'static str {
        match self {
            ObjectKind::Object { .. } => "objects",
            ObjectKind::List { .. } => "lists",
            ObjectKind::Activity { .. } => "activities",
        }
    }

    /// What a message calls it: `object`, `list` or `activity`.
    pub const fn noun(&self) -> &'static str {
        match self {
            ObjectKind::Object { .. } => "object",
            ObjectKind::List { .. } => "list",
            ObjectKind::Activity { .. } => "activity",
        }
    }
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
            title: name,
            unique: false,
            value: ValueContract::PLAIN,
        }
    }

    /// Adds what the schema contract records beyond the codec: the title, uniqueness and the
    /// value type's contract; used by generated code.
    #[doc(hidden)]
    pub const fn contract(
        mut self,
        title: &'static str,
        unique: bool,
        value: ValueContract,
    ) -> Self {
        self.title = title;
        self.unique = unique;
        self.value = value;
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
