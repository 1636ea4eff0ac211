//! [`ParentRecord`]: a record named by its id, as Attio names the record a note hangs off, a
//! meeting is linked to or a comment is on, and the one a listing is filtered to
//! (`linked_object`, `linked_record_id`). Public through `attio::notes`; it lives here, below the
//! surfaces and `pages`, so that all of them can take one.

use crate::error::{Error, Result};
use crate::values::{RecordObject, RecordReference, Ref};

/// A record that notes (and tasks, and comments) can hang off: a [`RecordReference`], or a typed
/// [`Ref<T>`] by record id.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not name a record to attach this to",
    label = "not a record",
    note = "pass a typed reference by id, `&attio::Ref::<Company>::new(record_id)`, or an untyped `&attio::RecordReference::new(\"companies\", record_id)`"
)]
pub trait ParentRecord {
    /// The record as `(object, record id)`, or why it cannot be one.
    fn to_parent(&self) -> Result<RecordReference>;
}

impl ParentRecord for RecordReference {
    fn to_parent(&self) -> Result<RecordReference> {
        Ok(self.clone())
    }
}

impl<T: RecordObject> ParentRecord for Ref<T> {
    fn to_parent(&self) -> Result<RecordReference> {
        self.to_record_reference().ok_or_else(|| {
            Error::InvalidInput(format!(
                "a parent record must be named by its id, and this `Ref<{slug}>` names one by an \
                 attribute: find the record first (e.g. with `assert_by` or a query) and write \
                 `Ref::new(record_id)`",
                slug = T::SLUG
            ))
        })
    }
}

impl<P: ParentRecord + ?Sized> ParentRecord for &P {
    fn to_parent(&self) -> Result<RecordReference> {
        (**self).to_parent()
    }
}
