//! Rust types for Attio's attribute values, and the traits that connect them to the wire.
//!
//! Every Attio attribute has one of 17 types. Each has a Rust representation here:
//!
//! | Attio type | Rust type |
//! |---|---|
//! | `text` | [`String`] |
//! | `number` | [`f64`], [`f32`], [`i64`], [`i32`], [`u32`], [`u64`] … |
//! | `checkbox` | [`bool`] |
//! | `currency` | [`Currency`] |
//! | `date` | [`Date`] |
//! | `timestamp` | [`Timestamp`] |
//! | `rating` | [`Rating`] |
//! | `status` | [`Status`] |
//! | `select` | [`SelectOption`] |
//! | `record-reference` | [`RecordReference`] |
//! | `actor-reference` | [`ActorReference`] |
//! | `location` | [`Location`] |
//! | `domain` | [`Domain`] |
//! | `email-address` | [`EmailAddress`] |
//! | `phone-number` | [`PhoneNumber`] |
//! | `interaction` | [`Interaction`] (read-only) |
//! | `personal-name` | [`PersonalName`] |
//!
//! A field's shape says its cardinality: `T` for a required attribute, `Option<T>` for an optional
//! one, `Vec<T>` for a multiselect one. Wrap any value type in [`WithMeta`] to keep the metadata
//! Attio returns with every value (`active_from`, `active_until`, `created_by_actor`).

mod activity;
mod attribute_type;
mod error;
mod field;
mod id;
mod list;
mod meta;
pub(crate) mod object;
mod scope;
mod timestamp;
mod token_level;
mod value;

pub use activity::{ActivitySchema, UnknownActivitySchema};
pub use attribute_type::AttributeType;
pub use error::{FieldError, ValueError};
pub(crate) use field::Write;
pub use field::{AttioField, Cardinality, ValueOf, WritableField};
pub(crate) use id::check_path_segment;
pub use id::{
    ActivityId, AttributeId, CallRecordingId, CommentId, EntryId, FileId, InvalidId, ListId,
    MeetingId, NoteId, ObjectId, RecordId, TaskId, ThreadId, ViewId, WebhookId, WorkspaceId,
    WorkspaceMemberId,
};
#[doc(hidden)]
pub use list::parent_slug;
pub use list::{AttioList, EntryObject, ListParent, ListValue, ParentOf};
pub use meta::{Actor, ActorType, ValueMeta, WithMeta};
pub use object::{
    ActivityObject, AttioObject, AttributeHandle, Choices, FieldInfo, ObjectKind, RecordObject,
    RecordStruct, ValueContract,
};
// Public (and hidden) here, besides the macros' re-exports, so that rustc's messages name them
// briefly (`HasRecords<SalesEntry>`, not by their full path).
#[doc(hidden)]
pub use object::{StructKind, kind};
pub use scope::{Access, InvalidScope, Resource, Scope, Scopes};
pub use timestamp::Timestamp;
pub(crate) use token_level::matches as path_matches;
pub use token_level::{TokenLevel, WORKSPACE_ONLY};
pub(crate) use value::read_shape;
pub use value::{AttioValue, Key, ReadShape, Value, ValueObject, WritableValue};

mod actor_reference;
mod checkbox;
mod choice;
mod country_code;
mod currency;
mod date;
mod digits;
mod domain;
mod email_address;
mod input;
mod interaction;
mod location;
mod number;
mod personal_name;
mod phone_number;
mod rating;
mod record_reference;
mod select;
pub(crate) mod select_enum;
mod status;
mod text;
mod typed_reference;

pub use actor_reference::ActorReference;
pub use country_code::CountryCode;
pub use currency::Currency;
pub use date::Date;
pub use domain::Domain;
pub use email_address::EmailAddress;
pub use input::{FieldInput, FromInput};
pub(crate) use input::{Token, field_value};
pub use interaction::{Interaction, InteractionType};
pub use location::Location;
pub use personal_name::PersonalName;
pub use phone_number::PhoneNumber;
pub use rating::Rating;
pub use record_reference::RecordReference;
pub use select::{SelectOption, SelectOptionId};
pub use select_enum::SelectEnum;
pub use status::{Status, StatusId};
pub use text::MAX_TEXT_BYTES;
pub use typed_reference::Ref;

/// Test helpers shared by the value types' unit tests.
#[cfg(test)]
pub(crate) mod test_util {
    use super::{AttioValue, ValueObject, WritableValue, Write};
    use serde::de::DeserializeSeed;

    /// The write form of `v`, as JSON.
    pub fn encode<T: WritableValue>(v: &T) -> serde_json::Value {
        serde_json::to_value(Write(v)).unwrap()
    }

    /// Decodes one value object.
    pub fn decode<T: AttioValue>(json: &str) -> Result<T, String> {
        let mut d = serde_json::Deserializer::from_str(json);
        ValueObject::<T>::new()
            .deserialize(&mut d)
            .map(|(v, _)| v)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod cardinality_tests {
    use super::AttioField;

    fn decode<F: AttioField>(json: &str) -> Result<F, serde_json::Error> {
        F::decode(&mut serde_json::Deserializer::from_str(json))
    }

    const HISTORIC: &str = r#"{"active_from":"2023-01-01T00:00:00.000000000Z","active_until":"2023-02-01T00:00:00.000000000Z","attribute_type":"text","value":"old"}"#;
    const CURRENT: &str = r#"{"active_from":"2023-02-01T00:00:00.000000000Z","active_until":null,"attribute_type":"text","value":"new"}"#;

    #[test]
    fn only_current_values_are_the_attributes_value() {
        let both = format!("[{HISTORIC},{CURRENT}]");
        let only_old = format!("[{HISTORIC}]");
        assert_eq!(decode::<String>(&both).unwrap(), "new");
        assert_eq!(
            decode::<Option<String>>(&both).unwrap().as_deref(),
            Some("new")
        );
        assert_eq!(
            decode::<Vec<String>>(&both).unwrap(),
            vec!["new".to_owned()]
        );
        assert_eq!(decode::<Option<String>>(&only_old).unwrap(), None);
        assert!(decode::<Vec<String>>(&only_old).unwrap().is_empty());
        let err = decode::<String>(&only_old).unwrap_err().to_string();
        assert!(err.contains("no current value"), "{err}");
        assert_eq!(decode::<Option<String>>("[]").unwrap(), None);
        assert_eq!(decode::<Option<String>>("null").unwrap(), None);
    }
}
