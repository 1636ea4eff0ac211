//! The signed deliveries, with signatures computed outside this crate (Python's standard
//! library), the ids they name, and the `deals` struct their record is fetched as.

use attio::attio_object;
use attio::webhooks::WebhookSecret;
use axum::http::{HeaderMap, HeaderValue};

/// The secret of Attio's documentation example.
pub(crate) const SECRET: &str = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";

/// A delivery with two events (two attributes of one record changed), with newlines and
/// indentation: the signature covers these exact bytes.
pub(crate) const BODY: &[u8] = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[
  {"event_type":"record.updated","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},"actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}},
  {"event_type":"record.updated","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","attribute_id":"8f3d5e0a-1c2b-4d6e-9f70-a1b2c3d4e5f6"},"actor":{"type":"system","id":null}}
]}"#;

/// HMAC-SHA256 of `BODY` keyed by `SECRET`, computed independently of this crate with Python's
/// standard library:
/// `python3 -c 'import hmac,hashlib; print(hmac.new(SECRET, BODY, hashlib.sha256).hexdigest())'`
/// (SECRET and BODY as bytes, exactly as above).
pub(crate) const SIGNATURE: &str =
    "4bfe3743199f0fb58594d2268995c75b550c9d75f300c773469ea85f582dd512";

/// The same body keyed by `"another-webhooks-secret"` (Python, as above).
pub(crate) const SIGNATURE_OTHER_SECRET: &str =
    "90f0a20cf57d1ec2652666d1d49518070e160802a2187c927d5a1a4531e334c4";

/// A body that is validly signed (Python, keyed by `SECRET`) but is not a delivery.
pub(crate) const MALFORMED_BODY: &[u8] = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{}}]}"#;
pub(crate) const MALFORMED_SIGNATURE: &str =
    "be3f55399d407dfcc9e554739df5db7acf6e5acc69b9580d682a00839d1696af";

pub(crate) const RECORD_ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";
pub(crate) const OBJECT_ID: &str = "97052eb9-e65e-443f-a297-f2d9a4a7f795";

#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Deal {
    pub(crate) name: String,
}

pub(crate) fn signed(header: &'static str, signature: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(header, HeaderValue::from_str(signature).unwrap());
    h
}

pub(crate) fn secret() -> WebhookSecret {
    WebhookSecret::new(SECRET)
}
