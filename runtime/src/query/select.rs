//! The handle of `select` and `status` attributes, and the operand of their options.

use serde_json::Value;

use super::handle::{handle, not_empty_op};
use super::unsupported::unsupported_ops;
use crate::query::Filter;
use crate::values::{SelectOption, Status};

/// A value that names a select option or a status: its id when known, else its title.
///
/// Implemented for [`SelectOption`], [`Status`], and by `#[derive(attio::SelectEnum)]`.
///
/// ```
/// use attio::ChoiceOperand as _;
/// assert_eq!(attio::Status::by_title("Won 🎉")?.choice_operand(), "Won 🎉");
/// # Ok::<(), attio::ValueError>(())
/// ```
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
    ///
    /// ```
    /// #[attio::attio_object(slug = "deals")]
    /// struct Deal { stage: attio::Status }
    /// let f = Deal::fields().stage().is_in([attio::Status::by_title("Lead")?, attio::Status::by_title("Won")?]);
    /// assert_eq!(f.to_json(), &serde_json::json!({"stage": {"$in": ["Lead", "Won"]}}));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    SelectFilter<O, V> => V
}
not_empty_op!(SelectFilter<O, V>);
unsupported_ops!(SelectFilter<O, V>: SelectOperator => [gt, gte, lt, lte, between, contains, starts_with, ends_with]);

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
    ///
    /// ```
    /// # #[attio::attio_object(slug = "deals")] struct Deal { stage: attio::Status }
    /// let f = Deal::fields().stage().eq_title("Lost");
    /// assert_eq!(f.to_json(), &serde_json::json!({"stage": {"$eq": "Lost"}}));
    /// ```
    pub fn eq_title(&self, title_or_id: impl Into<String>) -> Filter<O> {
        self.path.cond("$eq", Value::String(title_or_id.into()))
    }
}

impl<O, V> SelectFilter<O, V> {
    /// The handle of the select or status attribute `slug`, for `#[derive(SelectEnum)]`.
    pub(crate) fn for_enum(at: super::filter::At) -> Self {
        Self::at(at, None)
    }
}
