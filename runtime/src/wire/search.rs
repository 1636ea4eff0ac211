//! Record search results ([`SearchHit`]) and the search body. Public through `attio::search`.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::wire::RecordIdentifier;

/// A record found by a search: its ids, its label, and for people and companies what it was
/// likely found by.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
///   "record_text":"Alan Turing","record_image":null,"object_slug":"people",
///   "email_addresses":["alan@example.com"],"phone_numbers":[]}"#;
/// let hit: attio::search::SearchHit = serde_json::from_str(json)?;
/// assert_eq!(hit.record_text, "Alan Turing");
/// assert_eq!(hit.email_addresses, ["alan@example.com"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SearchHit {
    /// The record's ids.
    pub id: RecordIdentifier,
    /// A human-readable label (a person's or company's name, another record's label).
    pub record_text: String,
    /// The record's image, if it has one.
    #[serde(default)]
    pub record_image: Option<String>,
    /// The slug of the record's object.
    pub object_slug: String,
    /// A person's email addresses (empty for other objects).
    #[serde(default)]
    pub email_addresses: Vec<String>,
    /// A person's phone numbers (empty for other objects).
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    /// A company's domains (empty for other objects).
    #[serde(default)]
    pub domains: Vec<String>,
}

/// The body of `POST /v2/objects/records/search`.
pub(crate) fn search_body(
    query: &str,
    objects: &[String],
    request_as: &Value,
    limit: u8,
) -> Vec<u8> {
    let body =
        json!({"query": query, "objects": objects, "request_as": request_as, "limit": limit});
    serde_json::to_vec(&body).unwrap_or_default()
}
