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

/// A condition on the parent record is a condition on the entry.
impl<E> From<Filter<Parent<E>>> for Filter<E> {
    fn from(f: Filter<Parent<E>>) -> Self {
        Filter::from_json(f.into_json())
    }
}

/// A condition on the entry, combined with one on its parent (`parent & entry`).
impl<E> From<Filter<E>> for Filter<Parent<E>> {
    fn from(f: Filter<E>) -> Self {
        Filter::from_json(f.into_json())
    }
}

/// An order of the parent records is an order of the entries.
impl<E> From<Sort<Parent<E>>> for Sort<E> {
    fn from(s: Sort<Parent<E>>) -> Self {
        Sort::from_json(s.into_json())
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
