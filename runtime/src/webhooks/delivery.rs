//! [`Delivery`]: one POST from Attio, and [`verify`], which checks its signature and decodes it;
//! [`UnverifiedDelivery`]: a body decoded without checking anything, of another type so that it
//! cannot pass for a verified one.

use http::HeaderMap;
use serde::Deserialize;
use serde_json::Value;

use super::signature::{self, LEGACY_SIGNATURE_HEADER, SIGNATURE_HEADER};
use super::{Event, WebhookError};
use crate::values::WebhookId;
use crate::wire;
use crate::wire::webhook::WebhookSecret;

/// The header that names a delivery, the same across Attio's retries of it.
pub(crate) const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// One delivery from Attio: the webhook it is for, its events, and the key that stays the same
/// when Attio delivers it again.
///
/// Attio delivers **at least once**: a delivery that was not answered with a 2xx in time comes
/// again, with the same `idempotency_key`; remember the keys you have handled and skip repeats.
/// A delivery holds one event today, but Attio may batch them: handle every one of `events`.
///
/// Only [`verify`] (and the `axum` feature's `VerifiedDelivery` extractor, which calls it) makes
/// a `Delivery`, so a function that takes one holds data whose signature was checked. A body
/// decoded without verifying it ([`Delivery::decode_unverified`]) is an [`UnverifiedDelivery`].
///
/// ```
/// use attio::webhooks::{http, verify, Event, WebhookSecret};
///
/// # fn seen_before(_: &str) -> bool { false }
/// fn receive(headers: &http::HeaderMap, body: &[u8], secret: &WebhookSecret) -> Result<(), attio::webhooks::WebhookError> {
///     let delivery = verify(headers, body, secret)?;
///     if delivery.idempotency_key.as_deref().is_some_and(seen_before) {
///         return Ok(()); // a repeat: already handled
///     }
///     for event in &delivery.events {
///         if let Event::RecordUpdated(e) = event {
///             println!("record {} changed attribute {:?}", e.record_id, e.attribute_id);
///         }
///     }
///     Ok(())
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Delivery {
    /// The webhook that delivered it.
    pub webhook_id: WebhookId,
    /// Every event in it, in order.
    pub events: Vec<Event>,
    /// The `Idempotency-Key` header: the same when Attio delivers this again.
    pub idempotency_key: Option<String>,
}

impl Delivery {
    /// Decodes a delivery's body **without verifying it**, for tests, fixtures and deliveries
    /// stored after they were verified: the result is an [`UnverifiedDelivery`], not a
    /// `Delivery`, so it cannot reach code that expects verified data. A receiver calls
    /// [`verify`] instead.
    ///
    /// ```
    /// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"a-new.type","x":1}]}"#;
    /// let delivery = attio::webhooks::Delivery::decode_unverified(body)?;
    /// assert!(matches!(&delivery.events()[0], attio::webhooks::Event::Other { event_type, .. } if event_type == "a-new.type"));
    ///
    /// let err = attio::webhooks::Delivery::decode_unverified(br#"{"webhook_id":"h","events":[{"event_type":"record.created","id":{}}]}"#).unwrap_err();
    /// assert!(err.to_string().contains("`events[0].id.workspace_id`"), "{err}");
    /// # Ok::<(), attio::webhooks::WebhookError>(())
    /// ```
    pub fn decode_unverified(body: &[u8]) -> Result<UnverifiedDelivery, WebhookError> {
        let (webhook_id, events) = decode(body)?;
        Ok(UnverifiedDelivery { webhook_id, events })
    }
}

/// A delivery's body decoded **without verifying its signature** ([`Delivery::decode_unverified`]):
/// what anyone who can reach your endpoint could have sent. For tests, fixtures, and deliveries
/// you stored after verifying them.
///
/// It is not a [`Delivery`], and does not turn into one: a handler that takes a `Delivery` (or a
/// [`SeenKeys`](super::SeenKeys) check) cannot be given unverified data by mistake. Read it with
/// [`webhook_id`](UnverifiedDelivery::webhook_id), [`events`](UnverifiedDelivery::events) and
/// [`into_events`](UnverifiedDelivery::into_events); to handle a delivery as received, call
/// [`verify`] on the headers and the raw body.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.deleted","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"actor":{"type":"system","id":null}}]}"#;
/// let unverified = Delivery::decode_unverified(body)?;
/// assert_eq!(unverified.webhook_id().as_str(), "23e42eaf-323a-41da-b5bb-fd67eebda553");
/// for event in unverified.into_events() {
///     assert!(matches!(event, Event::RecordDeleted(_)));
/// }
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnverifiedDelivery {
    webhook_id: WebhookId,
    events: Vec<Event>,
}

impl UnverifiedDelivery {
    /// The webhook the body says delivered it (unverified).
    ///
    /// ```
    /// let d = attio::webhooks::Delivery::decode_unverified(br#"{"webhook_id":"w1","events":[]}"#)?;
    /// assert_eq!(d.webhook_id().as_str(), "w1");
    /// # Ok::<(), attio::webhooks::WebhookError>(())
    /// ```
    pub fn webhook_id(&self) -> &WebhookId {
        &self.webhook_id
    }

    /// Every event in it, in order (unverified).
    ///
    /// ```
    /// let d = attio::webhooks::Delivery::decode_unverified(br#"{"webhook_id":"w1","events":[{"event_type":"brand.new","x":1}]}"#)?;
    /// assert!(matches!(&d.events()[0], attio::webhooks::Event::Other { event_type, .. } if event_type == "brand.new"));
    /// # Ok::<(), attio::webhooks::WebhookError>(())
    /// ```
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The events, owned (unverified).
    ///
    /// ```
    /// let d = attio::webhooks::Delivery::decode_unverified(br#"{"webhook_id":"w1","events":[]}"#)?;
    /// assert!(d.into_events().is_empty());
    /// # Ok::<(), attio::webhooks::WebhookError>(())
    /// ```
    pub fn into_events(self) -> Vec<Event> {
        self.events
    }
}

/// Decodes a delivery's body: its webhook id and its events, naming the JSON path that fails.
fn decode(body: &[u8]) -> Result<(WebhookId, Vec<Event>), WebhookError> {
    #[derive(Deserialize)]
    struct Raw {
        webhook_id: WebhookId,
        events: Vec<Value>,
    }
    let raw: Raw = serde_json::from_slice(body).map_err(|e| {
        let (path, reason) = wire::locate_failure(body, &e);
        WebhookError::MalformedBody { path, reason }
    })?;
    let events = raw
        .events
        .into_iter()
        .enumerate()
        .map(|(i, event)| {
            Event::from_json(event).map_err(|bad| WebhookError::MalformedBody {
                path: format!("events[{i}]{}", bad.path),
                reason: bad.reason,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((raw.webhook_id, events))
}

/// Verifies a delivery and decodes it: the signature in `Attio-Signature` (or, when that is
/// absent, `X-Attio-Signature`) must be the HMAC-SHA256 of `body` keyed by `secret`, compared in
/// constant time; then the body decodes as a [`Delivery`], with the `Idempotency-Key` header.
///
/// `body` must be the raw bytes as received: JSON that was parsed and written again has other
/// bytes, and fails. Only the body is signed (Attio sends no timestamp), so a captured delivery
/// can be replayed: deduplicate on [`Delivery::idempotency_key`].
///
/// For any framework on the `http` crate's types; the type is re-exported as
/// [`attio::webhooks::http::HeaderMap`](super::http::HeaderMap), so no dependency on `http` is
/// needed to name it. With axum, the `axum` feature's `VerifiedDelivery` extractor calls this.
///
/// ```
/// use attio::webhooks::{http, verify, Event, WebhookSecret};
///
/// let secret = WebhookSecret::new("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"actor":{"type":"api-token","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let mut headers = http::HeaderMap::new();
/// // Computed with Python's hmac module, not with this crate.
/// headers.insert("attio-signature", "e08f48e5c1ce1ef149dce7d61464e74c3ae50553b89911a0390df6cad8fb6bd1".parse()?);
/// headers.insert("idempotency-key", "5d0b7b87-1b0c-4f5d-9d4e-0d1e2f3a4b5c".parse()?);
/// let delivery = verify(&headers, body, &secret)?;
/// assert!(matches!(delivery.events[0], Event::RecordCreated(_)));
/// assert_eq!(delivery.idempotency_key.as_deref(), Some("5d0b7b87-1b0c-4f5d-9d4e-0d1e2f3a4b5c"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify(
    headers: &HeaderMap,
    body: &[u8],
    secret: &WebhookSecret,
) -> Result<Delivery, WebhookError> {
    if secret.expose_secret().is_empty() {
        return Err(WebhookError::EmptySecret);
    }
    let (header, value) = match headers.get(SIGNATURE_HEADER) {
        Some(value) => (SIGNATURE_HEADER, value),
        None => match headers.get(LEGACY_SIGNATURE_HEADER) {
            Some(value) => (LEGACY_SIGNATURE_HEADER, value),
            None => return Err(WebhookError::MissingSignature),
        },
    };
    signature::check(header, value.as_bytes(), body, secret)?;
    let idempotency_key = match headers.get(IDEMPOTENCY_KEY_HEADER) {
        Some(key) => Some(
            key.to_str()
                .map_err(|_| WebhookError::MalformedIdempotencyKey)?
                .to_owned(),
        ),
        None => None,
    };
    let (webhook_id, events) = decode(body)?;
    Ok(Delivery {
        webhook_id,
        events,
        idempotency_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `BODY` signed with `SECRET`; the digest was computed with Python's `hmac` module
    /// (`hmac.new(SECRET, BODY, hashlib.sha256).hexdigest()`), not with this crate.
    const SECRET: &str = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
    const BODY: &[u8] = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"actor":{"type":"api-token","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
    const SIGNATURE: &str = "e08f48e5c1ce1ef149dce7d61464e74c3ae50553b89911a0390df6cad8fb6bd1";

    fn headers(pairs: &[(&'static str, &[u8])]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, http::HeaderValue::from_bytes(value).unwrap());
        }
        h
    }

    #[test]
    fn either_header_name_verifies_and_attio_signature_wins() {
        let secret = WebhookSecret::new(SECRET);
        for name in ["Attio-Signature", "X-Attio-Signature", "attio-signature"] {
            let d = verify(&headers(&[(name, SIGNATURE.as_bytes())]), BODY, &secret).unwrap();
            assert_eq!(
                d.webhook_id.as_str(),
                "23e42eaf-323a-41da-b5bb-fd67eebda553"
            );
            assert_eq!(d.idempotency_key, None);
        }
        // Both present: `Attio-Signature` is the one read.
        let err = verify(
            &headers(&[
                ("attio-signature", b"00"),
                ("x-attio-signature", SIGNATURE.as_bytes()),
            ]),
            BODY,
            &secret,
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                WebhookError::MalformedSignature {
                    header: "Attio-Signature",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn the_idempotency_key_is_read_and_must_be_text() {
        let secret = WebhookSecret::new(SECRET);
        let d = verify(
            &headers(&[
                ("attio-signature", SIGNATURE.as_bytes()),
                ("idempotency-key", b"k-1"),
            ]),
            BODY,
            &secret,
        )
        .unwrap();
        assert_eq!(d.idempotency_key.as_deref(), Some("k-1"));
        let err = verify(
            &headers(&[
                ("attio-signature", SIGNATURE.as_bytes()),
                ("idempotency-key", b"k\xff"),
            ]),
            BODY,
            &secret,
        )
        .unwrap_err();
        assert_eq!(err, WebhookError::MalformedIdempotencyKey);
        assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
    }

    #[test]
    fn nothing_is_decoded_before_the_signature_holds() {
        let secret = WebhookSecret::new(SECRET);
        // A body that would not decode is refused for its signature, not its content.
        let err = verify(
            &headers(&[("attio-signature", SIGNATURE.as_bytes())]),
            b"not json",
            &secret,
        )
        .unwrap_err();
        assert!(
            matches!(err, WebhookError::SignatureMismatch { .. }),
            "{err:?}"
        );
        assert_eq!(
            verify(&HeaderMap::new(), BODY, &secret).unwrap_err(),
            WebhookError::MissingSignature
        );
        assert_eq!(
            verify(
                &headers(&[("attio-signature", SIGNATURE.as_bytes())]),
                BODY,
                &WebhookSecret::new("")
            )
            .unwrap_err(),
            WebhookError::EmptySecret
        );
    }

    #[test]
    fn a_body_that_is_not_a_delivery_names_the_path() {
        let err = |body: &[u8]| match Delivery::decode_unverified(body).unwrap_err() {
            WebhookError::MalformedBody { path, reason } => (path, reason),
            other => panic!("{other:?}"),
        };
        assert_eq!(err(br#"{"webhook_id":"h","events":[1]}"#).0, "events[0]");
        assert_eq!(err(br#"{"webhook_id":"a/b","events":[]}"#).0, "webhook_id");
        let (path, reason) = err(br#"{"webhook_id":"h"}"#);
        assert!(
            reason.contains("missing field `events`"),
            "{path}: {reason}"
        );
        let (path, _) = err(br#"{"webhook_id":"h","events":[{"event_type":"record.created","id":{"workspace_id":"w","object_id":"o","record_id":"r"},"actor":{"type":"system","id":null}},{"event_type":"note.created","id":{"workspace_id":"w","note_id":"n"},"actor":{"type":"system","id":null}}]}"#);
        assert_eq!(path, "events[1].parent_object_id");
        let (path, _) = err(b"{\"webhook_id\":");
        assert_eq!(path, "webhook_id");
    }

    #[test]
    fn every_event_of_a_batch_is_kept_in_order() {
        let body = br#"{"webhook_id":"h","events":[
            {"event_type":"record.updated","id":{"workspace_id":"w","object_id":"o","record_id":"r","attribute_id":"a1"},"actor":{"type":"workspace-member","id":"m"}},
            {"event_type":"record.updated","id":{"workspace_id":"w","object_id":"o","record_id":"r","attribute_id":"a2"},"actor":{"type":"system","id":null}},
            {"event_type":"brand.new","id":{"x":"y"}}]}"#;
        let d = Delivery::decode_unverified(body).unwrap();
        assert_eq!(d.events().len(), 3);
        let attrs: Vec<_> = d.events()[..2]
            .iter()
            .map(|e| {
                e.as_record()
                    .unwrap()
                    .attribute_id
                    .as_ref()
                    .unwrap()
                    .as_str()
                    .to_owned()
            })
            .collect();
        assert_eq!(attrs, ["a1", "a2"]);
        assert!(
            matches!(&d.events()[2], Event::Other { event_type, .. } if event_type == "brand.new")
        );
    }
}
