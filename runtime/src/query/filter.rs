//! [`Filter`] and [`Sort`], and the JSON condition builder the handles share.

use std::fmt;
use std::marker::PhantomData;

use serde_json::{Map, Value, json};

use super::IntoFilter;
use crate::values::{AttributeType, WritableValue, Write};

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

    pub(super) fn into_json(self) -> Value {
        self.json
    }

    /// Both conditions: `{"$and": [self, other]}` (flattened when `self` is already an `$and`).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let f = User::fields();
    /// let both = f.user_id().contains("a").and(f.user_id().contains("b"));
    /// assert_eq!(both.to_json()["$and"].as_array().unwrap().len(), 2);
    /// ```
    pub fn and(self, other: impl IntoFilter<O>) -> Self {
        self.combine("$and", other.into_filter())
    }

    /// Either condition: `{"$or": [self, other]}` (flattened when `self` is already an `$or`).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let f = User::fields();
    /// let either = f.user_id().eq("1").or(f.user_id().eq("2")).or(f.user_id().eq("3"));
    /// assert_eq!(either.to_json()["$or"].as_array().unwrap().len(), 3);
    /// ```
    pub fn or(self, other: impl IntoFilter<O>) -> Self {
        self.combine("$or", other.into_filter())
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

/// `a & b`; `b` may also be a condition on the parent record of a list's entries (see
/// [`Parent`](crate::query::Parent)).
impl<O, R: IntoFilter<O>> std::ops::BitAnd<R> for Filter<O> {
    type Output = Filter<O>;
    fn bitand(self, rhs: R) -> Self {
        self.and(rhs)
    }
}

/// `a | b`; `b` may also be a condition on the parent record of a list's entries.
impl<O, R: IntoFilter<O>> std::ops::BitOr<R> for Filter<O> {
    type Output = Filter<O>;
    fn bitor(self, rhs: R) -> Self {
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
    pub(super) fn from_json(json: Value) -> Self {
        Sort {
            json,
            _object: PhantomData,
        }
    }

    pub(super) fn into_json(self) -> Value {
        self.json
    }

    pub(super) fn new(path: Path, direction: &str) -> Self {
        let mut m = Map::new();
        m.insert("direction".into(), direction.into());
        match path.via {
            None => m.insert("attribute".into(), path.slug.into()),
            Some(via) => m.insert("path".into(), path.path_json(via)),
        };
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

/// Where a handle's attribute is: on the queried object or list itself (`via: None`), or on the
/// parent record of a list's entries. Used by generated code.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub(super) slug: &'static str,
    pub(super) via: Option<Via>,
}

/// The parent record of a list's entries, as a filter reaches it: `[[list, "parent_record"],
/// [object, attribute]]`. Used by generated code.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParentScope {
    pub(super) list: &'static str,
    pub(super) object: &'static str,
}

impl ParentScope {
    /// The parents (of object `object`) of the entries of `list`.
    pub const fn new(list: &'static str, object: &'static str) -> Self {
        ParentScope { list, object }
    }
}

/// A parent scope, with the property a condition on the whole attribute is keyed by in Attio's
/// `constraints` (`value` for text, `option` for a select, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Via {
    scope: ParentScope,
    default_property: &'static str,
}

impl At {
    /// The attribute `slug` of `scope`'s parent (or of the queried type itself, for `None`),
    /// whose values are of `attribute_type`.
    pub(super) fn new(
        slug: &'static str,
        scope: Option<ParentScope>,
        attribute_type: AttributeType,
    ) -> Self {
        At {
            slug,
            via: scope.map(|scope| Via {
                scope,
                default_property: default_property(&attribute_type),
            }),
        }
    }
}

/// The property Attio keys a condition on an attribute of `t` by, in a `path` filter.
fn default_property(t: &AttributeType) -> &'static str {
    match t {
        AttributeType::Currency => "currency_value",
        AttributeType::Select => "option",
        AttributeType::Status => "status",
        AttributeType::RecordReference => "target_record_id",
        AttributeType::ActorReference => "referenced_actor_id",
        AttributeType::Location => "locality",
        AttributeType::Domain => "domain",
        AttributeType::EmailAddress => "email_address",
        AttributeType::PhoneNumber => "phone_number",
        AttributeType::PersonalName => "full_name",
        AttributeType::Interaction => "interacted_at",
        _ => "value",
    }
}

/// An attribute, and optionally one property of its values (`email_domain`, `first_name`, ...),
/// and where the attribute is (see [`At`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Path {
    pub(super) slug: &'static str,
    pub(super) property: Option<&'static str>,
    pub(super) via: Option<Via>,
}

impl Path {
    /// The attribute's place, for a handle of one of its properties.
    pub(super) fn at(self) -> At {
        At {
            slug: self.slug,
            via: self.via,
        }
    }

    /// `{slug: {op: operand}}` or `{slug: {property: {op: operand}}}`.
    pub(super) fn cond<O>(self, op: &str, operand: Value) -> Filter<O> {
        let mut inner = Map::new();
        inner.insert(op.to_owned(), operand);
        self.conds(inner)
    }

    /// `{slug: ops}` or `{slug: {property: ops}}`: several operators (or properties) of the same
    /// attribute. On a parent's attribute: `{"path": [[list, "parent_record"], [object, slug]],
    /// "constraints": {property: ops}}`, the property being the attribute's main one when none is
    /// named.
    pub(super) fn conds<O>(self, ops: Map<String, Value>) -> Filter<O> {
        let keyed_by_property = !ops.keys().all(|k| k.starts_with('$'));
        let mut inner = Value::Object(ops);
        match (self.via, self.property) {
            (None, None) => {}
            (None, Some(p)) => inner = Value::Object(Map::from_iter([(p.to_owned(), inner)])),
            (Some(via), property) => {
                if !keyed_by_property || property.is_some() {
                    let p = property.unwrap_or(via.default_property);
                    inner = Value::Object(Map::from_iter([(p.to_owned(), inner)]));
                }
                return Filter::from_json(json!({
                    "path": self.path_json(via),
                    "constraints": inner,
                }));
            }
        }
        Filter::from_json(Value::Object(Map::from_iter([(
            self.slug.to_owned(),
            inner,
        )])))
    }

    /// `[[list, "parent_record"], [object, slug]]`.
    fn path_json(self, via: Via) -> Value {
        json!([
            [via.scope.list, "parent_record"],
            [via.scope.object, self.slug]
        ])
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
    fn a_parent_attribute_is_reached_through_a_path() {
        let at = At::new(
            "name",
            Some(ParentScope::new("sales", "companies")),
            AttributeType::Text,
        );
        let path = Path {
            slug: at.slug,
            property: None,
            via: at.via,
        };
        let f: Filter<()> = path.cond("$contains", "Acme".into());
        assert_eq!(
            f.to_json(),
            &json!({"path": [["sales", "parent_record"], ["companies", "name"]],
                    "constraints": {"value": {"$contains": "Acme"}}})
        );
        let domain = Path {
            property: Some("root_domain"),
            ..path
        };
        let f: Filter<()> = domain.cond("$eq", "acme.com".into());
        assert_eq!(
            f.to_json()["constraints"],
            json!({"root_domain": {"$eq": "acme.com"}})
        );
        let f: Filter<()> = path.conds(Map::from_iter([("target_object".into(), "x".into())]));
        assert_eq!(f.to_json()["constraints"], json!({"target_object": "x"}));
        let s: Sort<()> = Sort::new(path, "asc");
        assert_eq!(
            s.to_json(),
            &json!({"direction": "asc", "path": [["sales", "parent_record"], ["companies", "name"]]})
        );
    }

    #[test]
    fn combining_flattens_only_the_same_operator() {
        let path = Path {
            slug: "a",
            property: None,
            via: None,
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
            via: None,
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
