//! Handles of ordered values: numbers, currencies, ratings, dates and timestamps (and an
//! interaction's time), and checkboxes.

use serde_json::{Map, Value};

use super::filter::operand;
use super::handle::handle;
use super::unsupported::unsupported_ops;
use crate::query::Filter;
use crate::values::WritableValue;

/// `$eq`, `$gt`, `$gte`, `$lt`, `$lte` and `between` on a handle of values of type `V`.
macro_rules! ordered_ops {
    ($name:ident, $what:literal) => {
        impl<O, V: WritableValue> $name<O, V> {
            #[doc = concat!("`$eq`: the ", $what, " equals `value`.")]
            pub fn eq(&self, value: V) -> Filter<O> {
                self.path.cond("$eq", operand(&value))
            }
            #[doc = concat!("`$gt`: the ", $what, " is greater than `value`.")]
            pub fn gt(&self, value: V) -> Filter<O> {
                self.path.cond("$gt", operand(&value))
            }
            #[doc = concat!("`$gte`: the ", $what, " is at least `value`.")]
            pub fn gte(&self, value: V) -> Filter<O> {
                self.path.cond("$gte", operand(&value))
            }
            #[doc = concat!("`$lt`: the ", $what, " is less than `value`.")]
            pub fn lt(&self, value: V) -> Filter<O> {
                self.path.cond("$lt", operand(&value))
            }
            #[doc = concat!("`$lte`: the ", $what, " is at most `value`.")]
            pub fn lte(&self, value: V) -> Filter<O> {
                self.path.cond("$lte", operand(&value))
            }
            #[doc = concat!("`$gte` and `$lt`: `from <= ", $what, " < until`.")]
            pub fn between(&self, from: V, until: V) -> Filter<O> {
                let mut ops = Map::new();
                ops.insert("$gte".into(), operand(&from));
                ops.insert("$lt".into(), operand(&until));
                self.path.conds(ops)
            }
        }
    };
}

handle! {
    /// The filter handle of a `number`, `currency`, `rating`, `date` or `timestamp` attribute:
    /// `$eq`, `$gt`, `$gte`, `$lt`, `$lte`, each taking the attribute's own Rust type `V`.
    ///
    /// A currency attribute is compared (and sorted) on its amount, `currency_value`; its handle
    /// still names the attribute itself, for [`Ref::by`](crate::Ref::by) and `history`.
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
ordered_ops!(OrderedFilter, "value");
unsupported_ops!(OrderedFilter<O, V>: OrderedOperator => [contains, starts_with, ends_with, is_in, is_set, is_empty]);

handle! {
    /// An ordered property of a composite value, an interaction's time
    /// ([`InteractionFilter::interacted_at`](crate::InteractionFilter::interacted_at)): `$eq`,
    /// `$gt`, `$gte`, `$lt`, `$lte`, each taking the property's Rust type `V`.
    ///
    /// Like [`TextProperty`](crate::query::TextProperty), it cannot name the attribute where an
    /// [`AttributeHandle`](crate::values::AttributeHandle) is needed.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person {
    ///     #[attio(read_only)]
    ///     last_email_interaction: Option<attio::Interaction>,
    /// }
    /// let f = Person::fields().last_email_interaction().interacted_at();
    /// let before_2024 = f.lt("2024-01-01T00:00:00Z".parse()?);
    /// assert_eq!(
    ///     before_2024.to_json(),
    ///     &serde_json::json!({"last_email_interaction": {"interacted_at": {"$lt": "2024-01-01T00:00:00.000000000Z"}}})
    /// );
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    OrderedProperty<O, V>
}
ordered_ops!(OrderedProperty, "property");
unsupported_ops!(OrderedProperty<O, V>: OrderedPropertyOperator => [contains, starts_with, ends_with, is_in, is_set, is_empty]);

handle! {
    /// The filter handle of a `checkbox` attribute: `$eq` only.
    ///
    /// ```
    /// #[attio::attio_object(slug = "people")]
    /// struct Person { is_active: bool }
    /// let f = Person::fields().is_active().eq(true);
    /// assert_eq!(f.to_json(), &serde_json::json!({"is_active": {"$eq": true}}));
    /// ```
    CheckboxFilter<O> => bool
}
unsupported_ops!(CheckboxFilter<O>: CheckboxOperator => [gt, gte, lt, lte, between, contains, starts_with, ends_with, is_in, is_set, is_empty]);

impl<O> CheckboxFilter<O> {
    /// `$eq`: the checkbox is `value`.
    pub fn eq(&self, value: bool) -> Filter<O> {
        self.path.cond("$eq", Value::Bool(value))
    }
}
