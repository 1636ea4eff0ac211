//! [`Parts`]: the state that resources keep in the store beside records and entries (notes,
//! tasks, threads, meetings, …), one value per type.
//!
//! The store holds a part without knowing its type, so a resource adds state of its own without
//! a change here: it implements [`Part`] for its state and installs a default value when the
//! workspace is made (`resources::install`). A part hears of a deleted record through
//! [`Part::record_deleted`], so what hangs off a record goes with it.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;

use crate::error::ApiError;
use crate::schema::Object;

/// A resource's state in the store.
pub trait Part: Any + Send + fmt::Debug {
    /// The record `record_id` of `object` was deleted: drop or unlink what belongs to it (a
    /// part may have stored the object's id or its slug). Does nothing by default.
    fn record_deleted(&mut self, object: &Object, record_id: &str) {
        let _ = (object, record_id);
    }

    /// The record `from` of `object` was merged into the new record `into`: what named `from`
    /// now names `into`. Does nothing by default.
    fn record_merged(&mut self, object: &Object, from: &str, into: &str) {
        let _ = (object, from, into);
    }
}

/// One value of each installed [`Part`] type.
#[derive(Debug, Default)]
pub struct Parts(HashMap<TypeId, Box<dyn Part>>);

impl Parts {
    /// Installs `part`, replacing the one of its type.
    pub fn install<T: Part>(&mut self, part: T) {
        self.0.insert(TypeId::of::<T>(), Box::new(part));
    }

    /// The installed part of type `T`.
    pub fn get<T: Part>(&self) -> Result<&T, ApiError> {
        self.0
            .get(&TypeId::of::<T>())
            .and_then(|p| (p.as_ref() as &dyn Any).downcast_ref())
            .ok_or_else(not_installed::<T>)
    }

    /// The installed part of type `T`, mutably.
    pub fn get_mut<T: Part>(&mut self) -> Result<&mut T, ApiError> {
        self.0
            .get_mut(&TypeId::of::<T>())
            .and_then(|p| (p.as_mut() as &mut dyn Any).downcast_mut())
            .ok_or_else(not_installed::<T>)
    }

    /// Tells every part that a record was merged into a new one.
    pub fn record_merged(&mut self, object: &Object, from: &str, into: &str) {
        for part in self.0.values_mut() {
            part.record_merged(object, from, into);
        }
    }

    /// Tells every part that a record was deleted.
    pub fn record_deleted(&mut self, object: &Object, record_id: &str) {
        for part in self.0.values_mut() {
            part.record_deleted(object, record_id);
        }
    }
}

/// A handler asked for a part that the workspace was made without: a fault of the sandbox, not
/// of the request, so it answers 500 rather than panicking.
fn not_installed<T>() -> ApiError {
    ApiError::new(
        500,
        "internal_server_error",
        "internal_server_error",
        format!(
            "The sandbox's state {} is not installed.",
            std::any::type_name::<T>()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Counter(Vec<String>);

    impl Part for Counter {
        fn record_deleted(&mut self, object: &Object, record_id: &str) {
            self.0.push(format!("{}/{record_id}", object.api_slug));
        }
    }

    #[test]
    fn parts_are_found_by_type_and_hear_of_deletions() {
        let mut parts = Parts::default();
        assert_eq!(parts.get::<Counter>().unwrap_err().status, 500);
        parts.install(Counter::default());
        let object = Object {
            id: "o".into(),
            api_slug: "people".into(),
            singular_noun: "Person".into(),
            plural_noun: "People".into(),
            created_at: String::new(),
            attributes: Vec::new(),
            system: true,
        };
        parts.record_deleted(&object, "r1");
        assert_eq!(parts.get::<Counter>().unwrap().0, ["people/r1"]);
        parts.get_mut::<Counter>().unwrap().0.clear();
        assert!(parts.get::<Counter>().unwrap().0.is_empty());
    }
}
