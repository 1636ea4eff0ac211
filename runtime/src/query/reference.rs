//! Handles of references: untyped and typed record references, and actor references.

use std::fmt;
use std::marker::PhantomData;

use serde_json::json;

use super::filter::{At, operand};
use super::handle::{handle, not_empty_op};
use super::unsupported::unsupported_ops;
use crate::query::{Filter, Filterable, Sort};
use crate::values::{
    ActorReference, AttributeHandle, RecordId, RecordObject, RecordReference, Ref,
};

/// The JSON object `value` is (a reference's operand always is one).
fn object(value: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match value {
        serde_json::Value::Object(m) => m,
        other => serde_json::Map::from_iter([("$eq".to_owned(), other)]),
    }
}

handle! {
    /// The filter handle of a `record-reference` attribute held as [`RecordReference`]: the
    /// exact record, or a set of record ids.
    ///
    /// ```
    /// #[attio::attio_object(slug = "deals")]
    /// struct Deal { associated_company: Option<attio::RecordReference> }
    /// let acme = attio::RecordReference::new("companies", "99a03ff3-0435-47da-95cc-76b2caeb4dab".parse()?);
    /// let f = Deal::fields().associated_company().eq(&acme);
    /// assert_eq!(f.to_json()["associated_company"]["target_object"], "companies");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    RecordRefFilter<O> => RecordReference
}
not_empty_op!(RecordRefFilter<O>);
unsupported_ops!(RecordRefFilter<O>: RecordReferenceOperator => [gt, gte, lt, lte, between, contains, starts_with, ends_with]);

impl<O> RecordRefFilter<O> {
    /// The attribute references `target`.
    pub fn eq(&self, target: &RecordReference) -> Filter<O> {
        self.path.conds(object(json!({
            "target_object": target.target_object(),
            "target_record_id": { "$eq": target.target_record_id() },
        })))
    }

    /// The attribute references one of the records `ids` of object `target_object`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::RecordReference> }
    /// let ids: Vec<attio::RecordId> = vec!["a".parse()?, "b".parse()?];
    /// let f = Deal::fields().associated_company().is_in("companies", &ids);
    /// assert_eq!(f.to_json()["associated_company"]["target_record_id"]["$in"], serde_json::json!(["a", "b"]));
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn is_in<'a>(
        &self,
        target_object: &str,
        ids: impl IntoIterator<Item = &'a RecordId>,
    ) -> Filter<O> {
        let ids: Vec<&RecordId> = ids.into_iter().collect();
        self.path.conds(object(json!({
            "target_object": target_object,
            "target_record_id": { "$in": ids },
        })))
    }
}

handle! {
    /// The filter handle of an `actor-reference` attribute: `$eq` on both the actor type and id.
    ///
    /// ```
    /// #[attio::attio_object(slug = "deals")]
    /// struct Deal { owner: Option<attio::ActorReference> }
    /// let f = Deal::fields().owner();
    /// assert_eq!(f.slug(), "owner");
    /// ```
    ActorFilter<O> => ActorReference
}
unsupported_ops!(ActorFilter<O>: ActorOperator => [gt, gte, lt, lte, between, contains, starts_with, ends_with, is_in, is_set, is_empty]);

impl<O> ActorFilter<O> {
    /// The attribute is the actor `actor`.
    pub fn eq(&self, actor: &ActorReference) -> Filter<O> {
        self.path.conds(object(operand(actor)))
    }
}

/// The filter handle of a `record-reference` attribute held as [`Ref<T>`]: the target object is
/// `T`'s, so only record ids are given.
///
/// ```
/// use attio::Ref;
/// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
/// #[attio::attio_object(slug = "deals")]
/// struct Deal { associated_company: Option<Ref<Company>> }
///
/// let id: attio::RecordId = "99a03ff3-0435-47da-95cc-76b2caeb4dab".parse()?;
/// let filter = Deal::fields().associated_company().eq(&id);
/// assert_eq!(
///     filter.to_json(),
///     &serde_json::json!({"associated_company": {"target_object": "companies", "target_record_id": {"$eq": "99a03ff3-0435-47da-95cc-76b2caeb4dab"}}})
/// );
/// # Ok::<(), attio::InvalidId>(())
/// ```
pub struct RefFilter<O, T> {
    inner: RecordRefFilter<O>,
    _target: PhantomData<fn() -> T>,
}

impl<O, T> Clone for RefFilter<O, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O, T> Copy for RefFilter<O, T> {}

impl<O, T> fmt::Debug for RefFilter<O, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = std::any::type_name::<T>();
        f.debug_struct("RefFilter")
            .field("attribute", &self.inner.slug())
            .field("target", &target.rsplit("::").next().unwrap_or(target))
            .finish()
    }
}

unsupported_ops!(RefFilter<O, T>: RecordReferenceOperator => [gt, gte, lt, lte, between, contains, starts_with, ends_with]);

impl<O, T: RecordObject> RefFilter<O, T> {
    /// The attribute's api slug.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// assert_eq!(Deal::fields().associated_company().slug(), "associated_company");
    /// ```
    pub fn slug(&self) -> &'static str {
        self.inner.slug()
    }

    /// The attribute references the record `id` of `T`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// let id: attio::RecordId = "x".parse()?;
    /// let f = Deal::fields().associated_company().eq(&id);
    /// assert_eq!(f.to_json()["associated_company"]["target_object"], "companies");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn eq(&self, id: &RecordId) -> Filter<O> {
        self.inner.eq(&RecordReference::new(T::SLUG, id.clone()))
    }

    /// The attribute references one of the records `ids` of `T`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// let ids: Vec<attio::RecordId> = vec!["a".parse()?, "b".parse()?];
    /// let f = Deal::fields().associated_company().is_in(&ids);
    /// assert_eq!(f.to_json()["associated_company"]["target_record_id"]["$in"], serde_json::json!(["a", "b"]));
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn is_in<'a>(&self, ids: impl IntoIterator<Item = &'a RecordId>) -> Filter<O> {
        self.inner.is_in(T::SLUG, ids)
    }

    /// `$not_empty: true`: the attribute references a record.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// let f = Deal::fields().associated_company().is_set();
    /// assert_eq!(f.to_json(), &serde_json::json!({"associated_company": {"$not_empty": true}}));
    /// ```
    pub fn is_set(&self) -> Filter<O> {
        self.inner.is_set()
    }

    /// `$not_empty: false`: the attribute references no record.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// let f = Deal::fields().associated_company().is_empty();
    /// assert_eq!(f.to_json(), &serde_json::json!({"associated_company": {"$not_empty": false}}));
    /// ```
    pub fn is_empty(&self) -> Filter<O> {
        self.inner.is_empty()
    }

    /// Results in ascending order of this attribute.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// assert_eq!(Deal::fields().associated_company().asc().to_json()["direction"], "asc");
    /// ```
    pub fn asc(&self) -> Sort<O> {
        self.inner.asc()
    }

    /// Results in descending order of this attribute.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_object(slug = "deals")] struct Deal { associated_company: Option<attio::Ref<Company>> }
    /// assert_eq!(Deal::fields().associated_company().desc().to_json()["direction"], "desc");
    /// ```
    pub fn desc(&self) -> Sort<O> {
        self.inner.desc()
    }
}

impl<O, T: RecordObject> AttributeHandle<O> for RefFilter<O, T> {
    type Value = Ref<T>;
    fn slug(&self) -> &'static str {
        self.inner.slug()
    }
}

impl<T: RecordObject> Filterable for Ref<T> {
    type Handle<O> = RefFilter<O, T>;
    fn handle<O>(at: At) -> Self::Handle<O> {
        RefFilter {
            inner: <RecordReference as Filterable>::handle(at),
            _target: PhantomData,
        }
    }
}
