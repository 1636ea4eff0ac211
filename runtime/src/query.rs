//! Typed record queries: [`Query`], the filter handles each attribute type offers, and
//! [`Records`], the stream of results that pages by itself.
//!
//! `#[attio_object]` generates, for a struct `User`, a struct `UserFields` with one public field
//! per attribute: a *filter handle* whose type says which operators Attio accepts for that
//! attribute type ([`TextFilter`] for text, [`OrderedFilter`] for numbers, dates and timestamps,
//! [`SelectFilter`] for selects and statuses, ...). A handle's methods build [`Filter`]s (combine
//! them with `&`, `|` and `!`) and [`Sort`]s; a value of the wrong type does not compile.
//!
//! ```no_run
//! use attio::{attio_object, Client};
//! use futures::TryStreamExt as _;
//!
//! #[attio_object(slug = "deals")]
//! struct Deal {
//!     name: String,
//!     stage: attio::Status,
//!     value: Option<attio::Currency>,
//! }
//!
//! # async fn run(client: Client) -> Result<(), Box<dyn std::error::Error>> {
//! let min = attio::Currency::from_f64(10_000.0)?;
//! let big_open_deals = Deal::query()
//!     .filter(|f| f.value().gte(min) & !f.stage().eq_title("Lost"))
//!     .sort(|f| f.value().desc())
//!     .limit(100);
//! let mut records = big_open_deals.stream(&client);
//! while let Some(deal) = records.try_next().await? {
//!     println!("{}", deal.values.name);
//! }
//! # Ok(()) }
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::{self, Stream, StreamExt as _};
use serde_json::{Map, Value, json};

use crate::client::Client;
use crate::error::Result;
use crate::operation::records;
use crate::values::{
    ActorReference, AttioValue, Currency, Date, Domain, EmailAddress, Interaction, Location,
    PersonalName, PhoneNumber, Rating, RecordReference, SelectOption, Status, Timestamp, WithMeta,
    WritableValue, Write,
};
use crate::values::{AttioObject, RecordId};
use crate::wire::Record;

/// Attio's default (and this SDK's) number of records per query page.
pub const DEFAULT_PAGE_SIZE: usize = 500;

/// An object whose attributes can be named through typed handles: implemented by
/// `#[attio_object]`, which generates the handle struct ([`Queryable::Fields`], named
/// `<Struct>Fields`).
///
/// ```
/// use attio::Queryable as _;
///
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     user_id: String,
/// }
///
/// assert_eq!(User::fields().user_id().slug(), "user_id");
/// ```
pub trait Queryable: AttioObject {
    /// One public field per attribute, each a filter handle ([`TextFilter`], ...).
    type Fields;

    /// The handles.
    fn fields() -> Self::Fields;
}

/// A handle naming one attribute of object `O` whose values are of type
/// [`Value`](AttributeHandle::Value): the fields of a generated `<Struct>Fields`.
///
/// Used wherever an attribute is named: filters and sorts, the matching attribute of an assert,
/// value history.
pub trait AttributeHandle<O> {
    /// The attribute's value type (without `Option`, `Vec` or `WithMeta`).
    type Value: AttioValue;

    /// The attribute's api slug.
    fn slug(&self) -> &'static str;
}

/// A value type that can be filtered on: says which filter handle its attributes get.
///
/// Implemented for every Attio value type, for [`Ref<T>`](crate::Ref), and by
/// `#[derive(SelectEnum)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no filter handle",
    note = "every Attio value type (and attio::Ref<T>, and enums with #[derive(attio::SelectEnum)]) can be filtered on"
)]
pub trait Filterable: AttioValue {
    /// The handle's type for an attribute of object `O`.
    type Handle<O>: AttributeHandle<O>;

    /// The handle for the attribute `slug`; used by generated code.
    #[doc(hidden)]
    fn handle<O>(slug: &'static str) -> Self::Handle<O>;
}

/// A condition on records of object `O`: made by a filter handle, combined with `&` (and), `|`
/// (or) and `!` (not).
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User { user_id: String, primary_email_address: attio::EmailAddress }
///
/// let f = User::fields();
/// let filter = f.user_id().eq("1") | (f.user_id().starts_with("2") & !f.primary_email_address().ends_with("@example.com"));
/// assert_eq!(
///     filter.to_json().to_string(),
///     r#"{"$or":[{"user_id":{"$eq":"1"}},{"$and":[{"user_id":{"$starts_with":"2"}},{"$not":{"primary_email_address":{"$ends_with":"@example.com"}}}]}]}"#
/// );
/// ```
pub struct Filter<O> {
    json: Value,
    _object: PhantomData<fn() -> O>,
}

impl<O> Clone for Filter<O> {
    fn clone(&self) -> Self {
        Filter::from_json(self.json.clone())
    }
}

impl<O> fmt::Debug for Filter<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Filter({})", self.json)
    }
}

impl<O> Filter<O> {
    fn from_json(json: Value) -> Self {
        Filter {
            json,
            _object: PhantomData,
        }
    }

    /// Both conditions: `{"$and": [self, other]}` (flattened when `self` is already an `$and`).
    pub fn and(self, other: Filter<O>) -> Self {
        self.combine("$and", other)
    }

    /// Either condition: `{"$or": [self, other]}` (flattened when `self` is already an `$or`).
    pub fn or(self, other: Filter<O>) -> Self {
        self.combine("$or", other)
    }

    /// Every condition of `filters` (`$and`); an empty list matches every record.
    ///
    /// ```
    /// #[attio::attio_object(slug = "users")]
    /// struct User { user_id: String }
    /// let f = User::fields();
    /// let all = attio::Filter::all([f.user_id().contains("a"), f.user_id().contains("b")]);
    /// assert_eq!(all.to_json()["$and"].as_array().unwrap().len(), 2);
    /// ```
    pub fn all(filters: impl IntoIterator<Item = Filter<O>>) -> Self {
        Filter::from_json(
            json!({ "$and": filters.into_iter().map(|f| f.json).collect::<Vec<_>>() }),
        )
    }

    /// Any condition of `filters` (`$or`).
    pub fn any(filters: impl IntoIterator<Item = Filter<O>>) -> Self {
        Filter::from_json(json!({ "$or": filters.into_iter().map(|f| f.json).collect::<Vec<_>>() }))
    }

    fn combine(self, op: &str, other: Filter<O>) -> Self {
        match self.json {
            Value::Object(mut m) if m.len() == 1 && m.contains_key(op) => {
                if let Some(Value::Array(items)) = m.get_mut(op) {
                    items.push(other.json);
                }
                Filter::from_json(Value::Object(m))
            }
            json => Filter::from_json(Value::Object(Map::from_iter([(
                op.to_owned(),
                Value::Array(vec![json, other.json]),
            )]))),
        }
    }

    /// The filter as Attio's JSON (the request's `filter` key).
    pub fn to_json(&self) -> &Value {
        &self.json
    }
}

impl<O> std::ops::BitAnd for Filter<O> {
    type Output = Filter<O>;
    fn bitand(self, rhs: Self) -> Self {
        self.and(rhs)
    }
}

impl<O> std::ops::BitOr for Filter<O> {
    type Output = Filter<O>;
    fn bitor(self, rhs: Self) -> Self {
        self.or(rhs)
    }
}

impl<O> std::ops::Not for Filter<O> {
    type Output = Filter<O>;
    fn not(self) -> Self {
        Filter::from_json(json!({ "$not": self.json }))
    }
}

/// An order for query results: made by a handle's `asc()` or `desc()`.
pub struct Sort<O> {
    json: Value,
    _object: PhantomData<fn() -> O>,
}

impl<O> Clone for Sort<O> {
    fn clone(&self) -> Self {
        Sort {
            json: self.json.clone(),
            _object: PhantomData,
        }
    }
}

impl<O> fmt::Debug for Sort<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sort({})", self.json)
    }
}

impl<O> Sort<O> {
    fn new(path: Path, direction: &str) -> Self {
        let mut m = Map::new();
        m.insert("direction".into(), direction.into());
        m.insert("attribute".into(), path.slug.into());
        if let Some(p) = path.property {
            m.insert("field".into(), p.into());
        }
        Sort {
            json: Value::Object(m),
            _object: PhantomData,
        }
    }

    /// The sort as Attio's JSON (one item of the request's `sorts`).
    pub fn to_json(&self) -> &Value {
        &self.json
    }
}

/// An attribute, and optionally one property of its values (`email_domain`, `first_name`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Path {
    slug: &'static str,
    property: Option<&'static str>,
}

impl Path {
    /// `{slug: {op: operand}}` or `{slug: {property: {op: operand}}}`.
    fn cond<O>(self, op: &str, operand: Value) -> Filter<O> {
        let mut inner = Map::new();
        inner.insert(op.to_owned(), operand);
        let mut inner = Value::Object(inner);
        if let Some(p) = self.property {
            inner = Value::Object(Map::from_iter([(p.to_owned(), inner)]));
        }
        Filter::from_json(Value::Object(Map::from_iter([(
            self.slug.to_owned(),
            inner,
        )])))
    }
}

/// The write form of a value, which for the comparable types is also the filter operand.
fn operand<V: WritableValue>(v: &V) -> Value {
    serde_json::to_value(Write(v)).unwrap_or(Value::Null)
}

/// Declares a handle struct: `Path`, `Copy`, `Debug`, `slug()`, `asc()`/`desc()`.
macro_rules! handle {
    ($(#[$m:meta])* $name:ident<O $(, $p:ident)?> => $value:ty) => {
        $(#[$m])*
        pub struct $name<O $(, $p)?> {
            path: Path,
            _marker: PhantomData<fn() -> (O, $($p)?)>,
        }

        impl<O $(, $p)?> Clone for $name<O $(, $p)?> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<O $(, $p)?> Copy for $name<O $(, $p)?> {}

        impl<O $(, $p)?> fmt::Debug for $name<O $(, $p)?> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("attribute", &self.path.slug)
                    .field("property", &self.path.property)
                    .finish()
            }
        }

        impl<O $(, $p)?> $name<O $(, $p)?> {
            #[allow(dead_code)]
            fn at(slug: &'static str, property: Option<&'static str>) -> Self {
                $name { path: Path { slug, property }, _marker: PhantomData }
            }

            /// The attribute's api slug.
            pub fn slug(&self) -> &'static str {
                self.path.slug
            }

            /// Results in ascending order of this attribute (or property).
            pub fn asc(&self) -> Sort<O> {
                Sort::new(self.path, "asc")
            }

            /// Results in descending order of this attribute (or property).
            pub fn desc(&self) -> Sort<O> {
                Sort::new(self.path, "desc")
            }
        }

        impl<O $(, $p: AttioValue)?> AttributeHandle<O> for $name<O $(, $p)?> {
            type Value = $value;
            fn slug(&self) -> &'static str {
                self.path.slug
            }
        }
    };
}

/// The text operators on a handle whose `path` names a string property.
macro_rules! text_ops {
    ($name:ident<O $(, $p:ident)?>, $what:literal) => {
        impl<O $(, $p)?> $name<O $(, $p)?> {
            #[doc = concat!("`$eq`: the ", $what, " equals `value`.")]
            pub fn eq(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$eq", Value::String(value.into()))
            }

            #[doc = concat!("`$contains`: the ", $what, " contains `value` (case-insensitive).")]
            pub fn contains(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$contains", Value::String(value.into()))
            }

            #[doc = concat!("`$starts_with`: the ", $what, " starts with `value`.")]
            pub fn starts_with(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$starts_with", Value::String(value.into()))
            }

            #[doc = concat!("`$ends_with`: the ", $what, " ends with `value`.")]
            pub fn ends_with(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$ends_with", Value::String(value.into()))
            }
        }
    };
}

/// `$not_empty` on a handle.
macro_rules! not_empty_op {
    ($name:ident<O $(, $p:ident)?>) => {
        impl<O $(, $p)?> $name<O $(, $p)?> {
            /// `$not_empty: true`: the attribute has a value.
            pub fn is_set(&self) -> Filter<O> {
                self.path.cond("$not_empty", Value::Bool(true))
            }

            /// `$not_empty: false`: the attribute has no value.
            pub fn is_empty(&self) -> Filter<O> {
                self.path.cond("$not_empty", Value::Bool(false))
            }
        }
    };
}

/// Sub-handles for the string properties of a composite value.
macro_rules! properties {
    ($name:ident, $($(#[$m:meta])* $prop:ident),* $(,)?) => {
        impl<O> $name<O> {
            $(
                $(#[$m])*
                pub fn $prop(&self) -> TextProperty<O> {
                    TextProperty::at(self.path.slug, Some(stringify!($prop)))
                }
            )*
        }
    };
}

handle! {
    /// The filter handle of a `text` attribute: `$eq`, `$in`, `$contains`, `$starts_with`,
    /// `$ends_with`, as Attio allows for text.
    ///
    /// ```
    /// #[attio::attio_object(slug = "users")]
    /// struct User { user_id: String }
    /// let f = User::fields().user_id().is_in(["1", "2"]);
    /// assert_eq!(f.to_json().to_string(), r#"{"user_id":{"$in":["1","2"]}}"#);
    /// ```
    TextFilter<O> => String
}
text_ops!(TextFilter<O>, "text");

impl<O> TextFilter<O> {
    /// `$in`: the text is one of `values`.
    pub fn is_in<S: Into<String>>(&self, values: impl IntoIterator<Item = S>) -> Filter<O> {
        let values = values
            .into_iter()
            .map(|v| Value::String(v.into()))
            .collect();
        self.path.cond("$in", Value::Array(values))
    }
}

handle! {
    /// One string property of a composite value (an email's domain, a name's last name, a
    /// location's locality, ...): `$eq`, `$contains`, `$starts_with`, `$ends_with`.
    TextProperty<O> => String
}
text_ops!(TextProperty<O>, "property");

handle! {
    /// The filter handle of a `number`, `currency`, `rating`, `date` or `timestamp` attribute:
    /// `$eq`, `$gt`, `$gte`, `$lt`, `$lte`, each taking the attribute's own Rust type `V`.
    ///
    /// ```
    /// #[attio::attio_object(slug = "companies")]
    /// struct Company { name: String, foundation_date: Option<attio::Date> }
    /// let f = Company::fields();
    /// let since_2020 = f.foundation_date().gte("2020-01-01".parse()?);
    /// assert_eq!(since_2020.to_json().to_string(), r#"{"foundation_date":{"$gte":"2020-01-01"}}"#);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    OrderedFilter<O, V> => V
}

impl<O, V: WritableValue> OrderedFilter<O, V> {
    /// `$eq`: the value equals `value`.
    pub fn eq(&self, value: V) -> Filter<O> {
        self.path.cond("$eq", operand(&value))
    }
    /// `$gt`: the value is greater than `value`.
    pub fn gt(&self, value: V) -> Filter<O> {
        self.path.cond("$gt", operand(&value))
    }
    /// `$gte`: the value is at least `value`.
    pub fn gte(&self, value: V) -> Filter<O> {
        self.path.cond("$gte", operand(&value))
    }
    /// `$lt`: the value is less than `value`.
    pub fn lt(&self, value: V) -> Filter<O> {
        self.path.cond("$lt", operand(&value))
    }
    /// `$lte`: the value is at most `value`.
    pub fn lte(&self, value: V) -> Filter<O> {
        self.path.cond("$lte", operand(&value))
    }
    /// `$gte` and `$lt`: `from <= value < until`.
    pub fn between(&self, from: V, until: V) -> Filter<O> {
        let mut ops = Map::new();
        ops.insert("$gte".into(), operand(&from));
        ops.insert("$lt".into(), operand(&until));
        let mut inner = Value::Object(ops);
        if let Some(p) = self.path.property {
            inner = Value::Object(Map::from_iter([(p.to_owned(), inner)]));
        }
        Filter::from_json(Value::Object(Map::from_iter([(
            self.path.slug.to_owned(),
            inner,
        )])))
    }
}

handle! {
    /// The filter handle of a `checkbox` attribute: `$eq` only.
    CheckboxFilter<O> => bool
}

impl<O> CheckboxFilter<O> {
    /// `$eq`: the checkbox is `value`.
    pub fn eq(&self, value: bool) -> Filter<O> {
        self.path.cond("$eq", Value::Bool(value))
    }
}

/// A value that names a select option or a status: its id when known, else its title.
pub trait ChoiceOperand {
    /// What a filter compares the option or status with: an id or a title.
    fn choice_operand(&self) -> String;
}

impl ChoiceOperand for SelectOption {
    fn choice_operand(&self) -> String {
        self.option_id()
            .or(self.title())
            .unwrap_or_default()
            .to_owned()
    }
}

impl ChoiceOperand for Status {
    fn choice_operand(&self) -> String {
        self.status_id()
            .or(self.title())
            .unwrap_or_default()
            .to_owned()
    }
}

handle! {
    /// The filter handle of a `select` or `status` attribute (`V` is [`SelectOption`],
    /// [`Status`], or an enum with `#[derive(attio::SelectEnum)]`): equality by option id or
    /// title, `$in`, `$not_empty`.
    SelectFilter<O, V> => V
}
not_empty_op!(SelectFilter<O, V>);

impl<O, V: ChoiceOperand> SelectFilter<O, V> {
    /// `$eq`: the option (or, for a multiselect, one of the options) is `value`.
    pub fn eq(&self, value: V) -> Filter<O> {
        self.path.cond("$eq", Value::String(value.choice_operand()))
    }

    /// `$in`: the option is one of `values`.
    pub fn is_in(&self, values: impl IntoIterator<Item = V>) -> Filter<O> {
        let values = values
            .into_iter()
            .map(|v| Value::String(v.choice_operand()))
            .collect();
        self.path.cond("$in", Value::Array(values))
    }

    /// `$eq` by title or id, as a string: for options that are not a Rust value.
    pub fn eq_title(&self, title_or_id: impl Into<String>) -> Filter<O> {
        self.path.cond("$eq", Value::String(title_or_id.into()))
    }
}

impl<O, V> SelectFilter<O, V> {
    /// The handle of the select or status attribute `slug`, for `#[derive(SelectEnum)]`.
    pub(crate) fn for_enum(slug: &'static str) -> Self {
        Self::at(slug, None)
    }
}

handle! {
    /// The filter handle of a `record-reference` attribute held as [`RecordReference`]: the
    /// exact record, or a set of record ids.
    RecordRefFilter<O> => RecordReference
}
not_empty_op!(RecordRefFilter<O>);

impl<O> RecordRefFilter<O> {
    /// The attribute references `target`.
    pub fn eq(&self, target: &RecordReference) -> Filter<O> {
        Filter::from_json(json!({ self.path.slug: {
            "target_object": target.target_object(),
            "target_record_id": { "$eq": target.target_record_id() },
        }}))
    }

    /// The attribute references one of the records `ids` of object `target_object`.
    pub fn is_in<'a>(
        &self,
        target_object: &str,
        ids: impl IntoIterator<Item = &'a RecordId>,
    ) -> Filter<O> {
        let ids: Vec<&RecordId> = ids.into_iter().collect();
        Filter::from_json(json!({ self.path.slug: {
            "target_object": target_object,
            "target_record_id": { "$in": ids },
        }}))
    }
}

handle! {
    /// The filter handle of an `actor-reference` attribute: `$eq` on both the actor type and id.
    ActorFilter<O> => ActorReference
}

impl<O> ActorFilter<O> {
    /// The attribute is the actor `actor`.
    pub fn eq(&self, actor: &ActorReference) -> Filter<O> {
        Filter::from_json(json!({ self.path.slug: operand(actor) }))
    }
}

handle! {
    /// The filter handle of an `email-address` attribute: text operators on the address, and
    /// handles for its parts.
    EmailFilter<O> => EmailAddress
}
text_ops!(EmailFilter<O>, "email address");
properties!(EmailFilter,
    /// The domain, `company.com` in `person@company.com`.
    email_domain,
    /// The root domain.
    email_root_domain,
    /// The local part, `person` in `person@company.com`.
    email_local_specifier,
);

handle! {
    /// The filter handle of a `domain` attribute: text operators on the domain, `$not_empty`,
    /// and the root domain.
    DomainFilter<O> => Domain
}
text_ops!(DomainFilter<O>, "domain");
not_empty_op!(DomainFilter<O>);
properties!(DomainFilter,
    /// The root domain, `attio.com` in `app.attio.com`.
    root_domain,
);

handle! {
    /// The filter handle of a `personal-name` attribute: text operators on the full name,
    /// `$not_empty`, and the first and last names.
    NameFilter<O> => PersonalName
}
text_ops!(NameFilter<O>, "full name");
not_empty_op!(NameFilter<O>);
properties!(NameFilter,
    /// The first name.
    first_name,
    /// The last name.
    last_name,
    /// The full name.
    full_name,
);

handle! {
    /// The filter handle of a `phone-number` attribute: text operators on the E.164 number, and
    /// its country code.
    PhoneFilter<O> => PhoneNumber
}
text_ops!(PhoneFilter<O>, "phone number");
properties!(PhoneFilter,
    /// The country code, e.g. `GB`.
    country_code,
);

handle! {
    /// The filter handle of a `location` attribute: handles for its address parts (latitude and
    /// longitude cannot be filtered on).
    LocationFilter<O> => Location
}
properties!(LocationFilter,
    /// Address line 1.
    line_1,
    /// Address line 2.
    line_2,
    /// Address line 3.
    line_3,
    /// Address line 4.
    line_4,
    /// The city or town.
    locality,
    /// The region, state or county.
    region,
    /// The postcode.
    postcode,
);

impl<O> LocationFilter<O> {
    /// The ISO 3166 country code, with the only operators Attio allows on it: `$eq` and
    /// `$starts_with`.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { primary_location: Option<attio::Location> }
    /// let f = Person::fields().primary_location().country_code().eq("GB");
    /// assert_eq!(f.to_json().to_string(), r#"{"primary_location":{"country_code":{"$eq":"GB"}}}"#);
    /// ```
    pub fn country_code(&self) -> CodeProperty<O> {
        CodeProperty::at(self.path.slug, Some("country_code"))
    }
}

handle! {
    /// A code inside a composite value (a location's country code): `$eq` and `$starts_with`
    /// only, as Attio allows.
    CodeProperty<O> => String
}

impl<O> CodeProperty<O> {
    /// `$eq`: the code equals `value`.
    pub fn eq(&self, value: impl Into<String>) -> Filter<O> {
        self.path.cond("$eq", Value::String(value.into()))
    }

    /// `$starts_with`: the code starts with `value`.
    pub fn starts_with(&self, value: impl Into<String>) -> Filter<O> {
        self.path.cond("$starts_with", Value::String(value.into()))
    }
}

handle! {
    /// The filter handle of an `interaction` attribute: when it happened.
    InteractionFilter<O> => Interaction
}

impl<O> InteractionFilter<O> {
    /// The interaction's time, with the timestamp operators.
    pub fn interacted_at(&self) -> OrderedFilter<O, Timestamp> {
        OrderedFilter::at(self.path.slug, Some("interacted_at"))
    }
}

macro_rules! filterable {
    ($($ty:ty => $handle:ident<O $(, $v:ty)?>),* $(,)?) => {
        $(
            impl Filterable for $ty {
                type Handle<O> = $handle<O $(, $v)?>;
                fn handle<O>(slug: &'static str) -> Self::Handle<O> {
                    $handle::at(slug, None)
                }
            }
        )*
    };
}

filterable! {
    String => TextFilter<O>,
    bool => CheckboxFilter<O>,
    f64 => OrderedFilter<O, f64>,
    f32 => OrderedFilter<O, f32>,
    i64 => OrderedFilter<O, i64>,
    i32 => OrderedFilter<O, i32>,
    i16 => OrderedFilter<O, i16>,
    i8 => OrderedFilter<O, i8>,
    u64 => OrderedFilter<O, u64>,
    u32 => OrderedFilter<O, u32>,
    u16 => OrderedFilter<O, u16>,
    u8 => OrderedFilter<O, u8>,
    Rating => OrderedFilter<O, Rating>,
    Date => OrderedFilter<O, Date>,
    Timestamp => OrderedFilter<O, Timestamp>,
    SelectOption => SelectFilter<O, SelectOption>,
    Status => SelectFilter<O, Status>,
    RecordReference => RecordRefFilter<O>,
    ActorReference => ActorFilter<O>,
    EmailAddress => EmailFilter<O>,
    Domain => DomainFilter<O>,
    PersonalName => NameFilter<O>,
    PhoneNumber => PhoneFilter<O>,
    Location => LocationFilter<O>,
    Interaction => InteractionFilter<O>,
}

/// A currency attribute is compared on its amount (`currency_value`).
impl Filterable for Currency {
    type Handle<O> = OrderedFilter<O, Currency>;
    fn handle<O>(slug: &'static str) -> Self::Handle<O> {
        OrderedFilter::at(slug, Some("currency_value"))
    }
}

impl<T: Filterable> Filterable for WithMeta<T> {
    type Handle<O> = T::Handle<O>;
    fn handle<O>(slug: &'static str) -> Self::Handle<O> {
        T::handle(slug)
    }
}

/// A query on the records of `T`: filters, sorts, limit and offset, run as a stream of records
/// that fetches page after page ([`Query::stream`]), or all at once ([`Query::collect_all`]).
///
/// Made by the generated `T::query()` (or [`Query::new`]). Filters and sorts name attributes
/// through `T`'s handles (`|f| f.user_id().eq("123")`), so only operators Attio accepts for the
/// attribute type, with values of its Rust type, compile.
///
/// ```no_run
/// #[attio::attio_object(slug = "users")]
/// struct User { user_id: String, primary_email_address: attio::EmailAddress }
///
/// # async fn run(client: attio::Client) -> attio::Result<()> {
/// let users = User::query()
///     .filter(|f| f.primary_email_address().email_domain().eq("company.com"))
///     .sort(|f| f.user_id().asc())
///     .collect_all(&client)
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a query does nothing until it is run with stream, collect_all or first"]
pub struct Query<T> {
    filter: Option<Filter<T>>,
    sorts: Vec<Sort<T>>,
    limit: Option<usize>,
    offset: usize,
    page_size: usize,
}

impl<T> Clone for Query<T> {
    fn clone(&self) -> Self {
        Query {
            filter: self.filter.clone(),
            sorts: self.sorts.clone(),
            limit: self.limit,
            offset: self.offset,
            page_size: self.page_size,
        }
    }
}

impl<T> fmt::Debug for Query<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query")
            .field("filter", &self.filter)
            .field("sorts", &self.sorts)
            .field("limit", &self.limit)
            .field("offset", &self.offset)
            .field("page_size", &self.page_size)
            .finish()
    }
}

impl<T: Queryable> Default for Query<T> {
    fn default() -> Self {
        Query::new()
    }
}

impl<T: Queryable> Query<T> {
    /// Every record of `T`, in Attio's order.
    pub fn new() -> Self {
        Query {
            filter: None,
            sorts: Vec::new(),
            limit: None,
            offset: 0,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }

    /// Keeps the records that match; called again, the conditions are ANDed.
    pub fn filter(mut self, f: impl FnOnce(&T::Fields) -> Filter<T>) -> Self {
        let new = f(&T::fields());
        self.filter = Some(match self.filter.take() {
            Some(old) => old.and(new),
            None => new,
        });
        self
    }

    /// Orders the records; called again, the new sort breaks ties of the earlier ones.
    pub fn sort(mut self, f: impl FnOnce(&T::Fields) -> Sort<T>) -> Self {
        self.sorts.push(f(&T::fields()));
        self
    }

    /// At most `n` records in all (across pages).
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = Some(n);
        self
    }

    /// Skips the first `n` matching records.
    pub fn offset(mut self, n: usize) -> Self {
        self.offset = n;
        self
    }

    /// Records per request (default and Attio's default: 500). At least 1.
    pub fn page_size(mut self, n: usize) -> Self {
        self.page_size = n.max(1);
        self
    }

    /// The body of one page's request.
    fn body(&self, limit: usize, offset: usize) -> Value {
        let mut m = Map::new();
        if let Some(f) = &self.filter {
            m.insert("filter".into(), f.json.clone());
        }
        if !self.sorts.is_empty() {
            m.insert(
                "sorts".into(),
                Value::Array(self.sorts.iter().map(|s| s.json.clone()).collect()),
            );
        }
        m.insert("limit".into(), limit.into());
        m.insert("offset".into(), offset.into());
        Value::Object(m)
    }

    /// The request body of the first page, as Attio's JSON.
    ///
    /// ```
    /// #[attio::attio_object(slug = "users")]
    /// struct User { user_id: String }
    /// let q = User::query().filter(|f| f.user_id().eq("1")).sort(|f| f.user_id().desc()).limit(10);
    /// assert_eq!(
    ///     q.to_json().to_string(),
    ///     r#"{"filter":{"user_id":{"$eq":"1"}},"limit":10,"offset":0,"sorts":[{"attribute":"user_id","direction":"desc"}]}"#
    /// );
    /// ```
    pub fn to_json(&self) -> Value {
        let first = self.limit.map_or(self.page_size, |l| l.min(self.page_size));
        self.body(first, self.offset)
    }
}

impl<T: Queryable + Send + 'static> Query<T> {
    /// The matching records, one at a time, fetching the next page (`POST
    /// /v2/objects/{slug}/records/query` with `limit` and `offset`) when the previous one is used
    /// up. It ends after a page shorter than the page size (Attio's end of data), or at the
    /// limit. An error ends it after being yielded.
    pub fn stream(self, client: &Client) -> Records<T> {
        struct State<T> {
            query: Query<T>,
            client: Client,
            offset: usize,
            remaining: Option<usize>,
            done: bool,
        }
        let state = State {
            offset: self.offset,
            remaining: self.limit,
            query: self,
            client: client.clone(),
            done: false,
        };
        let pages = stream::unfold(state, |mut s| async move {
            if s.done || s.remaining == Some(0) {
                return None;
            }
            let limit = s
                .remaining
                .map_or(s.query.page_size, |r| r.min(s.query.page_size));
            let op = records::query_page::<T>(&s.query.body(limit, s.offset));
            match s.client.execute(op).await {
                Ok(page) => {
                    s.done = page.len() < limit;
                    s.offset += page.len();
                    if let Some(r) = &mut s.remaining {
                        *r = r.saturating_sub(page.len());
                    }
                    Some((page.into_iter().map(Ok).collect::<Vec<_>>(), s))
                }
                Err(e) => {
                    s.done = true;
                    Some((vec![Err(e)], s))
                }
            }
        });
        Records(Box::pin(pages.flat_map(stream::iter)))
    }

    /// Every matching record (every page), or the first error.
    pub async fn collect_all(self, client: &Client) -> Result<Vec<Record<T>>> {
        use futures::TryStreamExt as _;
        self.stream(client).try_collect().await
    }

    /// The first matching record, if any: one request, with `limit: 1`.
    pub async fn first(self, client: &Client) -> Result<Option<Record<T>>> {
        use futures::TryStreamExt as _;
        self.limit(1).stream(client).try_next().await
    }
}

/// The records a [`Query`] finds, as a [`Stream`]; see [`Query::stream`].
#[must_use = "streams do nothing unless polled"]
pub struct Records<T>(Pin<Box<dyn Stream<Item = Result<Record<T>>> + Send>>);

impl<T> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Records { .. }")
    }
}

impl<T> Stream for Records<T> {
    type Item = Result<Record<T>>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}

/// The filter handle of a field of type `F` on object `O`; used by generated code.
#[doc(hidden)]
pub type HandleOf<O, F> = <<F as crate::values::AttioField>::Value as Filterable>::Handle<O>;

/// The handle of the attribute `slug` of a field of type `F`; used by generated code.
#[doc(hidden)]
#[inline]
pub fn handle<O, F: crate::values::AttioField<Value: Filterable>>(
    slug: &'static str,
) -> HandleOf<O, F> {
    <F::Value as Filterable>::handle(slug)
}

/// The filter handle of a select enum's attribute; used by generated code.
#[doc(hidden)]
#[inline]
pub fn enum_handle<O, E: crate::values::SelectEnum>(slug: &'static str) -> SelectFilter<O, E> {
    SelectFilter::for_enum(slug)
}
