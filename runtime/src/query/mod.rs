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

mod composite;
mod filter;
mod handle;
mod ordered;
mod pager;
mod parent;
mod reference;
mod select;
mod text;
mod unsupported;

pub use crate::values::AttributeHandle;
pub use composite::{
    DomainFilter, EmailFilter, InteractionFilter, LocationFilter, NameFilter, PhoneFilter,
};
pub use filter::{At, Filter, ParentScope, Sort};
pub use ordered::{CheckboxFilter, OrderedFilter, OrderedProperty};
pub use pager::{DEFAULT_PAGE_SIZE, Query, Records};
pub use parent::{IntoFilter, IntoSort, Parent, parent_fields};
pub use reference::{ActorFilter, RecordRefFilter, RefFilter};
pub use select::{ChoiceOperand, SelectFilter};
pub use text::{CodeProperty, TextFilter, TextProperty};

use crate::values::{
    ActorReference, AttioObject, AttioValue, Currency, Date, Domain, EmailAddress, Interaction,
    Location, PersonalName, PhoneNumber, Rating, RecordReference, SelectOption, Status, Timestamp,
    WithMeta,
};

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
    /// One method per attribute, each returning a filter handle ([`TextFilter`], ...).
    type Fields;

    /// What a query yields: [`Record<Self>`](crate::Record) for an object,
    /// [`Entry<Self>`](crate::Entry) for a list.
    type Item: Send + 'static;

    /// The handles.
    fn fields() -> Self::Fields;

    /// The handles, for the attributes of `Self` reached as the parent record of a list's entries
    /// (`O` is then [`Parent<List>`](Parent)); used by generated code.
    #[doc(hidden)]
    type Scoped<O>;

    /// The handles of [`Queryable::Scoped`]; used by generated code.
    #[doc(hidden)]
    fn scoped<O>(scope: ParentScope) -> Self::Scoped<O>;

    /// The request for one page of a query, whose body is `body`; used by generated code.
    #[doc(hidden)]
    fn page(body: &serde_json::Value) -> crate::operation::Operation<Vec<Self::Item>>;
}

/// A value type that can be filtered on: says which filter handle its attributes get.
///
/// Implemented for every Attio value type, for [`Ref<T>`](crate::values::Ref), and by
/// `#[derive(SelectEnum)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no filter handle",
    note = "every Attio value type (and attio::Ref<T>, and enums with #[derive(attio::SelectEnum)]) can be filtered on"
)]
pub trait Filterable: AttioValue {
    /// The handle's type for an attribute of object `O`.
    type Handle<O>: AttributeHandle<O>;

    /// The handle for the attribute at `at`; used by generated code.
    #[doc(hidden)]
    fn handle<O>(at: At) -> Self::Handle<O>;
}

macro_rules! filterable {
    ($($ty:ty => $handle:ident<O $(, $v:ty)?>),* $(,)?) => {
        $(
            impl Filterable for $ty {
                type Handle<O> = $handle<O $(, $v)?>;
                fn handle<O>(at: At) -> Self::Handle<O> {
                    $handle::at(at, None)
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
    fn handle<O>(at: At) -> Self::Handle<O> {
        OrderedFilter::at(at, Some("currency_value"))
    }
}

impl<T: Filterable> Filterable for WithMeta<T> {
    type Handle<O> = T::Handle<O>;
    fn handle<O>(at: At) -> Self::Handle<O> {
        T::handle(at)
    }
}

/// The filter handle of a field of type `F` on object `O`; used by generated code.
#[doc(hidden)]
pub type HandleOf<O, F> = <<F as crate::values::AttioField>::Value as Filterable>::Handle<O>;

/// The handle of the attribute `slug` of a field of type `F`, on the queried type itself or, with
/// a `scope`, on the parent record of a list's entries; used by generated code.
#[doc(hidden)]
#[inline]
pub fn handle<O, F: crate::values::AttioField<Value: Filterable>>(
    scope: Option<ParentScope>,
    slug: &'static str,
) -> HandleOf<O, F> {
    <F::Value as Filterable>::handle(At::new(
        slug,
        scope,
        <F::Value as AttioValue>::ATTRIBUTE_TYPE,
    ))
}

/// The filter handle of a select enum's attribute; used by generated code.
#[doc(hidden)]
#[inline]
pub fn enum_handle<O, E: crate::values::SelectEnum>(at: At) -> SelectFilter<O, E> {
    SelectFilter::for_enum(at)
}
