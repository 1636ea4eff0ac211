//! [`Filter`] and [`Sort`], and the JSON condition builder the handles share.

use std::fmt;
use std::marker::PhantomData;

use serde_json::{Map, Value, json};

use crate::values::WritableValue;
use crate::values::Write;

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
    pub(super) fn from_json(json: Value) -> Self {
        Filter {
            json,
            _object: PhantomData,
        }
    }

    /// Both conditions: `{"$and": [self, other]}` (flattened when `self` is already an `$and`).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let f = User::fields();
    /// let both = f.user_id().contains("a").and(f.user_id().contains("b"));
    /// assert_eq!(both.to_json()["$and"].as_array().unwrap().len(), 2);
    /// ```
    pub fn and(self, other: Filter<O>) -> Self {
        self.combine("$and", other)
    }

    /// Either condition: `{"$or": [self, other]}` (flattened when `self` is already an `$or`).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let f = User::fields();
    /// let either = f.user_id().eq("1").or(f.user_id().eq("2")).or(f.user_id().eq("3"));
    /// assert_eq!(either.to_json()["$or"].as_array().unwrap().len(), 3);
    /// ```
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
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let f = User::fields();
    /// let any = attio::Filter::any([f.user_id().eq("1"), f.user_id().eq("2")]);
    /// assert_eq!(any.to_json()["$or"].as_array().unwrap().len(), 2);
    /// ```
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
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let filter = User::fields().user_id().eq("1");
    /// assert_eq!(filter.to_json(), &serde_json::json!({"user_id": {"$eq": "1"}}));
    /// ```
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
///
/// ```
/// # #[attio::attio_object(slug = "people")] struct Person { name: Option<attio::PersonalName> }
/// let by_last_name = Person::fields().name().last_name().asc();
/// assert_eq!(
///     by_last_name.to_json(),
///     &serde_json::json!({"attribute": "name", "field": "last_name", "direction": "asc"})
/// );
/// ```
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
    pub(super) fn new(path: Path, direction: &str) -> Self {
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
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let sort = User::fields().user_id().desc();
    /// assert_eq!(sort.to_json(), &serde_json::json!({"attribute": "user_id", "direction": "desc"}));
    /// ```
    pub fn to_json(&self) -> &Value {
        &self.json
    }
}

/// An attribute, and optionally one property of its values (`email_domain`, `first_name`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Path {
    pub(super) slug: &'static str,
    pub(super) property: Option<&'static str>,
}

impl Path {
    /// `{slug: {op: operand}}` or `{slug: {property: {op: operand}}}`.
    pub(super) fn cond<O>(self, op: &str, operand: Value) -> Filter<O> {
        let mut inner = Map::new();
        inner.insert(op.to_owned(), operand);
        self.conds(inner)
    }

    /// `{slug: ops}` or `{slug: {property: ops}}`: several operators on the same attribute.
    pub(super) fn conds<O>(self, ops: Map<String, Value>) -> Filter<O> {
        let mut inner = Value::Object(ops);
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
pub(super) fn operand<V: WritableValue>(v: &V) -> Value {
    serde_json::to_value(Write(v)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_flattens_only_the_same_operator() {
        let path = Path {
            slug: "a",
            property: None,
        };
        let f: Filter<()> = path.cond("$eq", 1.into());
        let and3 = f.clone().and(f.clone()).and(f.clone());
        assert_eq!(and3.to_json()["$and"].as_array().map(Vec::len), Some(3));
        let mixed = f.clone().and(f.clone()).or(f.clone());
        assert_eq!(mixed.to_json()["$or"].as_array().map(Vec::len), Some(2));
        assert_eq!((!f).to_json(), &json!({"$not": {"a": {"$eq": 1}}}));
    }

    #[test]
    fn a_property_nests_the_condition_and_names_the_sort_field() {
        let path = Path {
            slug: "name",
            property: Some("last_name"),
        };
        let f: Filter<()> = path.cond("$eq", "Smith".into());
        assert_eq!(
            f.to_json(),
            &json!({"name": {"last_name": {"$eq": "Smith"}}})
        );
        let s: Sort<()> = Sort::new(path, "desc");
        assert_eq!(
            s.to_json(),
            &json!({"direction": "desc", "attribute": "name", "field": "last_name"})
        );
    }
}
