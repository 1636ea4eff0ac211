//! Hand-written `#[derive(Serialize)]` write bodies.

use serde::Serialize;

/// `{"data": {"values": V}}`
#[derive(Serialize)]
pub struct Body<V> {
    /// `data`
    pub data: Data<V>,
}

/// `{"values": V}`
#[derive(Serialize)]
pub struct Data<V> {
    /// `values`
    pub values: V,
}

impl<V> Body<V> {
    /// Wraps `values`.
    pub fn new(values: V) -> Self {
        Body {
            data: Data { values },
        }
    }
}

/// A record reference's write form.
#[derive(Serialize, Clone)]
pub struct RecordRef {
    /// `target_object`
    pub target_object: String,
    /// `target_record_id`
    pub target_record_id: String,
}

/// The user's values.
#[derive(Serialize, Clone)]
pub struct User {
    /// `user_id`
    pub user_id: String,
    /// `primary_email_address`
    pub primary_email_address: String,
    /// `person`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<RecordRef>,
    /// `workspace`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace: Option<RecordRef>,
}

/// `{"status": …}`
#[derive(Serialize, Clone)]
pub struct Status {
    /// `status`
    pub status: String,
}

/// `{"option": …}`
#[derive(Serialize, Clone)]
pub struct Select {
    /// `option`
    pub option: String,
}

/// An actor reference's write form.
#[derive(Serialize, Clone)]
pub struct ActorRef {
    /// `referenced_actor_type`
    pub referenced_actor_type: String,
    /// `referenced_actor_id`
    pub referenced_actor_id: String,
}

/// A location's ten keys.
#[derive(Serialize, Clone)]
#[allow(missing_docs)]
pub struct Location {
    pub line_1: Option<String>,
    pub line_2: Option<String>,
    pub line_3: Option<String>,
    pub line_4: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub postcode: Option<String>,
    pub country_code: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
}

/// A personal name's write form.
#[derive(Serialize, Clone)]
#[allow(missing_docs)]
pub struct Name {
    pub first_name: String,
    pub last_name: String,
    pub full_name: String,
}

/// The wide object's values.
#[derive(Serialize, Clone)]
#[allow(missing_docs)]
pub struct Wide {
    pub text: String,
    pub number: f64,
    pub checkbox: bool,
    pub currency: f64,
    pub date: String,
    pub timestamp: String,
    pub rating: u8,
    pub status: Status,
    pub select: Select,
    pub record_reference: RecordRef,
    pub actor_reference: ActorRef,
    pub location: Location,
    pub domain: String,
    pub email_address: String,
    pub phone_number: String,
    pub personal_name: Name,
    pub tags: Vec<Select>,
}
