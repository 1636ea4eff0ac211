//! Which record holds each value of a create's multi-valued unique attribute, for
//! [`Error::UniqueValuesHeld`](crate::Error::UniqueValuesHeld).

use std::fmt;

use crate::values::RecordId;

/// One value a create wrote to a multi-valued unique attribute (`people.email_addresses`,
/// `companies.domains`), and the record that holds it in Attio, if any.
///
/// ```
/// # fn report(err: &attio::Error) {
/// if let attio::Error::UniqueValuesHeld { attribute, held, .. } = err {
///     for value in held {
///         match &value.record_id {
///             Some(id) => eprintln!("{attribute} {} belongs to {id}", value.value),
///             None => eprintln!("{attribute} {} is free", value.value),
///         }
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct HeldValue {
    /// The value as the create wrote it: `person@company.com`, or the JSON of an object form.
    pub value: String,
    /// The record that holds it, or `None` when no record does.
    pub record_id: Option<RecordId>,
}

impl HeldValue {
    /// The value `value` (as written), held by `record_id`.
    ///
    /// ```
    /// let id: attio::RecordId = "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse()?;
    /// let held = attio::HeldValue::new("a@b.com", Some(id));
    /// assert_eq!(held.to_string(), "`a@b.com` is held by record 891dcbfc-9141-415d-9b2a-2238a6cc012d");
    /// assert_eq!(attio::HeldValue::new("c@b.com", None).to_string(), "`c@b.com` is held by no record");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn new(value: impl Into<String>, record_id: Option<RecordId>) -> Self {
        HeldValue {
            value: value.into(),
            record_id,
        }
    }
}

impl fmt::Display for HeldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record_id {
            Some(id) => write!(f, "`{}` is held by record {}", self.value, id.as_str()),
            None => write!(f, "`{}` is held by no record", self.value),
        }
    }
}

/// The message of [`Error::UniqueValuesHeld`](crate::Error::UniqueValuesHeld), after its source's.
pub(super) fn describe(object: &str, attribute: &str, held: &[HeldValue]) -> String {
    let list = held
        .iter()
        .map(HeldValue::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "the create of a `{object}` record was in doubt, and its `{attribute}` values are not held by one record, as they would be had an earlier attempt of it landed: {list}; so nothing was created, and the client does not guess which record you mean: merge those records in Attio, update the one you mean (`update_record` adds the missing values to a `Vec` field), or create the record without the values other records hold"
    )
}
