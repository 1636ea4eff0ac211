//! Handles of text-like values: a `text` attribute, and the string properties of composite
//! values (an email's domain, a name's last name, a location's country code, ...).

use serde_json::Value;

use super::handle::{handle, text_ops};
use super::unsupported::unsupported_ops;
use crate::query::Filter;

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
unsupported_ops!(TextFilter<O>: TextOperator => [gt, gte, lt, lte, between, is_set, is_empty]);

impl<O> TextFilter<O> {
    /// `$in`: the text is one of `values`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let ids = vec!["1".to_owned(), "2".to_owned()];
    /// let f = User::fields().user_id().is_in(ids);
    /// assert_eq!(f.to_json(), &serde_json::json!({"user_id": {"$in": ["1", "2"]}}));
    /// ```
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
    ///
    /// A property is not the attribute: it filters and sorts, but cannot name the attribute where
    /// an [`AttributeHandle`](crate::values::AttributeHandle) is needed ([`Ref::by`](crate::Ref::by), a
    /// generated `assert_by` or `history`).
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { email_addresses: Vec<attio::EmailAddress> }
    /// let f = Person::fields().email_addresses().email_domain().eq("acme.com");
    /// assert_eq!(f.to_json().to_string(), r#"{"email_addresses":{"email_domain":{"$eq":"acme.com"}}}"#);
    /// ```
    TextProperty<O>
}
text_ops!(TextProperty<O>, "property");
unsupported_ops!(TextProperty<O>: TextPropertyOperator => [gt, gte, lt, lte, between, is_in, is_set, is_empty]);

handle! {
    /// A code inside a composite value (a location's country code): `$eq` and `$starts_with`
    /// only, as Attio allows.
    ///
    /// Like [`TextProperty`], it cannot name the attribute where an
    /// [`AttributeHandle`](crate::values::AttributeHandle) is needed.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { primary_location: Option<attio::Location> }
    /// let f = Person::fields().primary_location().country_code().starts_with("G");
    /// assert_eq!(f.to_json().to_string(), r#"{"primary_location":{"country_code":{"$starts_with":"G"}}}"#);
    /// ```
    CodeProperty<O>
}
unsupported_ops!(CodeProperty<O>: CodePropertyOperator => [gt, gte, lt, lte, between, contains, ends_with, is_in, is_set, is_empty]);

impl<O> CodeProperty<O> {
    /// `$eq`: the code equals `value`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")] struct Person { primary_location: Option<attio::Location> }
    /// let f = Person::fields().primary_location().country_code().eq("GB");
    /// assert_eq!(f.to_json(), &serde_json::json!({"primary_location": {"country_code": {"$eq": "GB"}}}));
    /// ```
    pub fn eq(&self, value: impl Into<String>) -> Filter<O> {
        self.path.cond("$eq", Value::String(value.into()))
    }

    /// `$starts_with`: the code starts with `value`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")] struct Person { primary_location: Option<attio::Location> }
    /// let f = Person::fields().primary_location().country_code().starts_with("G");
    /// assert_eq!(f.to_json(), &serde_json::json!({"primary_location": {"country_code": {"$starts_with": "G"}}}));
    /// ```
    pub fn starts_with(&self, value: impl Into<String>) -> Filter<O> {
        self.path.cond("$starts_with", Value::String(value.into()))
    }
}
