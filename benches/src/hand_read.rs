//! Hand-written `#[derive(Deserialize)]` structs mirroring Attio's record response.

use serde::Deserialize;

/// `{"data": [record, …]}`
#[derive(Deserialize, Debug)]
pub struct Page<V> {
    /// `data`
    pub data: Vec<Record<V>>,
}

/// One record.
#[derive(Deserialize, Debug)]
pub struct Record<V> {
    /// `id`
    pub id: RecordIdentifier,
    /// `created_at`
    pub created_at: String,
    /// `web_url`
    #[serde(default)]
    pub web_url: Option<String>,
    /// `values`
    pub values: V,
}

/// The record's ids.
#[derive(Deserialize, Debug)]
#[allow(missing_docs)]
pub struct RecordIdentifier {
    pub workspace_id: String,
    pub object_id: String,
    pub record_id: String,
}

/// `created_by_actor`
#[derive(Deserialize, Debug)]
#[allow(missing_docs)]
pub struct Actor {
    #[serde(rename = "type")]
    pub actor_type: Option<String>,
    pub id: Option<String>,
}

macro_rules! value_object {
    ($(#[$m:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Deserialize, Debug)]
        #[allow(missing_docs)]
        pub struct $name {
            pub active_from: Option<String>,
            pub active_until: Option<String>,
            pub created_by_actor: Option<Actor>,
            pub attribute_type: String,
            $(pub $field: $ty,)*
        }
    };
}

value_object!(
    /// A `text` value object.
    Text { value: String }
);
value_object!(
    /// An `email-address` value object.
    Email {
        original_email_address: String,
        email_address: String,
        email_domain: String,
        email_root_domain: String,
        email_local_specifier: String,
    }
);
value_object!(
    /// A `record-reference` value object.
    RecordRef {
        target_object: String,
        target_record_id: String,
    }
);

/// The user's values: every attribute an array of value objects.
#[derive(Deserialize, Debug)]
#[allow(missing_docs)]
pub struct User {
    pub user_id: Vec<Text>,
    pub primary_email_address: Vec<Email>,
    #[serde(default)]
    pub person: Vec<RecordRef>,
    #[serde(default)]
    pub workspace: Vec<RecordRef>,
}
