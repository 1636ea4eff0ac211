//! [`Parent`]: the parent record of a list's entries, as queries on the entries reach it.

use std::marker::PhantomData;

use super::{Filter, ParentScope, Queryable, Sort};
use crate::values::{AttioList, AttioObject};

/// The parent records of the entries of the list `E`, in the type of a filter or sort on them:
/// `f.parent()` in a query on `E` returns the parent object's handles, whose conditions are
/// `Filter<Parent<E>>` and sort `Sort<Parent<E>>`. They are sent in Attio's `path` form
/// (`{"path": [["sales_pipeline", "parent_record"], ["companies", "name"]], "constraints": ...}`),
/// and combine with the entry's own conditions (`&`, `|`): either side converts into the other.
///
/// A handle of a parent attribute names no attribute of the list, so it cannot be passed where
/// one is expected (an entry's `history`).
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: attio::Status }
///
/// let query = SalesEntry::query()
///     .filter(|f| f.stage().eq_title("Lead") & f.parent().name().contains("Acme"))
///     .sort(|f| f.parent().name().asc());
/// assert_eq!(
///     query.to_json()["filter"]["$and"][1],
///     serde_json::json!({"path": [["sales_pipeline", "parent_record"], ["companies", "name"]],
///                        "constraints": {"value": {"$contains": "Acme"}}})
/// );
/// ```
pub struct Parent<E>(PhantomData<fn() -> E>);

/// What a query on `O` accepts as a condition (a `Filter<O>`, or for a list's entries also a
/// condition on their parent records): the argument of [`Query::filter`](super::Query::filter),
/// `&`, `|`, [`Filter::and`] and [`Filter::or`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a condition on `{O}`",
    label = "a condition on another object or list",
    note = "a query on `{O}` is filtered through its own handles, the `f` of `|f| f.name().eq(...)`; for a list's entries, the parent record's attributes are `f.parent().name()`"
)]
pub trait IntoFilter<O> {
    /// The condition, as one on `O`.
    fn into_filter(self) -> Filter<O>;
}

impl<O> IntoFilter<O> for Filter<O> {
    fn into_filter(self) -> Filter<O> {
        self
    }
}

/// A condition on the parent record is a condition on the entry.
impl<E> IntoFilter<E> for Filter<Parent<E>> {
    fn into_filter(self) -> Filter<E> {
        Filter::from_json(self.into_json())
    }
}

/// A condition on the entry, combined with one on its parent (`parent & entry`).
impl<E> IntoFilter<Parent<E>> for Filter<E> {
    fn into_filter(self) -> Filter<Parent<E>> {
        Filter::from_json(self.into_json())
    }
}

/// What a query on `O` accepts as an order (a `Sort<O>`, or for a list's entries also an order
/// of their parent records): the argument of [`Query::sort`](super::Query::sort).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an order of `{O}`",
    label = "an order of another object or list",
    note = "a query on `{O}` is sorted through its own handles, the `f` of `|f| f.name().asc()`; for a list's entries, by the parent record's attributes with `f.parent().name().asc()`"
)]
pub trait IntoSort<O> {
    /// The order, as one of `O`.
    fn into_sort(self) -> Sort<O>;
}

impl<O> IntoSort<O> for Sort<O> {
    fn into_sort(self) -> Sort<O> {
        self
    }
}

/// An order of the parent records is an order of the entries.
impl<E> IntoSort<E> for Sort<Parent<E>> {
    fn into_sort(self) -> Sort<E> {
        Sort::from_json(self.into_json())
    }
}

/// The handles of the parent object of the list `E`, reached from its entries; used by the
/// generated `f.parent()`.
#[doc(hidden)]
#[inline]
pub fn parent_fields<E: AttioList>() -> <E::Parent as Queryable>::Scoped<Parent<E>>
where
    E::Parent: Queryable,
{
    <E::Parent as Queryable>::scoped(ParentScope::new(
        <E as AttioObject>::SLUG,
        <E::Parent as AttioObject>::SLUG,
    ))
}
