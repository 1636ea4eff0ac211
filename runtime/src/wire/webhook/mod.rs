//! Webhooks as the management endpoints send and return them: [`Webhook`], its
//! [`Subscription`]s and their [`Filter`]s, the [`WebhookSecret`] returned on create, and the
//! write bodies. Public through `attio::webhooks`.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::de::Deserializer;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::values::{Key, Timestamp, WebhookId, WorkspaceId};

mod event_type;
mod subscription;

pub use event_type::EventType;
pub use subscription::{Condition, Filter, FilterOperator, Subscription};

/// A webhook: where Attio delivers events, and which ones.
///
/// Returned by `Client::get_webhook`, `list_webhooks` and `update_webhook`; the secret is not
/// (Attio returns it only on create, see [`CreatedWebhook`]).
///
/// ```
/// let json = r#"{"target_url":"https://example.com/webhook",
///     "subscriptions":[{"event_type":"note.created","filter":null}],
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553"},
///     "status":"active","created_at":"2023-04-27T13:22:49.061281000Z"}"#;
/// let webhook: attio::webhooks::Webhook = serde_json::from_str(json)?;
/// assert_eq!(webhook.id.webhook_id.as_str(), "23e42eaf-323a-41da-b5bb-fd67eebda553");
/// assert_eq!(webhook.status, attio::webhooks::WebhookStatus::Active);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Webhook {
    /// The webhook's ids.
    pub id: WebhookIdentifier,
    /// Where events are delivered (Attio requires `https://`).
    pub target_url: String,
    /// What the webhook is subscribed to.
    pub subscriptions: Vec<Subscription>,
    /// Whether deliveries are succeeding.
    pub status: WebhookStatus,
    /// When the webhook was created.
    pub created_at: Timestamp,
}

/// The ids of a webhook: its workspace and itself.
///
/// ```
/// let json = r#"{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553"}"#;
/// let id: attio::webhooks::WebhookIdentifier = serde_json::from_str(json)?;
/// assert_eq!(id.workspace_id.as_str(), "14beef7a-99f7-4534-a87e-70b564330a4c");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The webhook.
    pub webhook_id: WebhookId,
}

/// Whether a webhook's deliveries are succeeding.
///
/// Active and degraded webhooks receive events; a webhook degraded for 7 days becomes inactive.
///
/// ```
/// use attio::webhooks::WebhookStatus;
/// let s: WebhookStatus = serde_json::from_str(r#""degraded""#)?;
/// assert_eq!(s, WebhookStatus::Degraded);
/// assert!(s.receives_events());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WebhookStatus {
    /// `active`
    Active,
    /// `degraded`: deliveries have been failing; still receives events.
    Degraded,
    /// `inactive`: no longer receives events.
    Inactive,
    /// A status this version of the SDK does not know.
    Other(String),
}

impl WebhookStatus {
    /// The wire name.
    ///
    /// ```
    /// assert_eq!(attio::webhooks::WebhookStatus::Inactive.as_str(), "inactive");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            WebhookStatus::Active => "active",
            WebhookStatus::Degraded => "degraded",
            WebhookStatus::Inactive => "inactive",
            WebhookStatus::Other(s) => s,
        }
    }

    /// Whether Attio still delivers events to a webhook in this status (active or degraded).
    ///
    /// ```
    /// assert!(!attio::webhooks::WebhookStatus::Inactive.receives_events());
    /// ```
    pub fn receives_events(&self) -> bool {
        matches!(self, WebhookStatus::Active | WebhookStatus::Degraded)
    }
}

impl<'de> Deserialize<'de> for WebhookStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(match key.as_str() {
            "active" => WebhookStatus::Active,
            "degraded" => WebhookStatus::Degraded,
            "inactive" => WebhookStatus::Inactive,
            other => WebhookStatus::Other(other.to_owned()),
        })
    }
}

impl Serialize for WebhookStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A webhook just created, with its secret: Attio returns the secret **only** here, so store it
/// now (it keys the signature of every delivery; see `attio::webhooks::verify`).
///
/// ```
/// let json = r#"{"target_url":"https://example.com/webhook","subscriptions":[],
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553"},
///     "status":"active","created_at":"2023-04-27T13:22:49.061281000Z",
///     "secret":"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"}"#;
/// let created: attio::webhooks::CreatedWebhook = serde_json::from_str(json)?;
/// assert!(!format!("{created:?}").contains("ca978112"));
/// assert_eq!(created.secret.expose_secret(), "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CreatedWebhook {
    /// The webhook.
    pub webhook: Webhook,
    /// The secret that keys its deliveries' signatures.
    pub secret: WebhookSecret,
}

impl<'de> Deserialize<'de> for CreatedWebhook {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            id: WebhookIdentifier,
            target_url: String,
            subscriptions: Vec<Subscription>,
            status: WebhookStatus,
            created_at: Timestamp,
            secret: WebhookSecret,
        }
        let raw = Raw::deserialize(d)?;
        Ok(CreatedWebhook {
            webhook: Webhook {
                id: raw.id,
                target_url: raw.target_url,
                subscriptions: raw.subscriptions,
                status: raw.status,
                created_at: raw.created_at,
            },
            secret: raw.secret,
        })
    }
}

/// A webhook's secret: the key of the HMAC-SHA256 that signs every delivery.
///
/// It never appears in `Debug` output, in an error, or in a log. Make one from the secret Attio
/// returned on create (stored in your configuration), or take it from [`CreatedWebhook`].
///
/// ```
/// use attio::webhooks::WebhookSecret;
///
/// let secret = WebhookSecret::new("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
/// assert_eq!(format!("{secret:?}"), "WebhookSecret([redacted])");
/// ```
#[derive(Clone)]
pub struct WebhookSecret(SecretString);

impl WebhookSecret {
    /// The secret, exactly as given: its bytes are the HMAC key (Attio's secrets are hex
    /// strings, and the key is the string, not the bytes it encodes).
    ///
    /// ```
    /// let secret = attio::webhooks::WebhookSecret::new(std::env::var("ATTIO_WEBHOOK_SECRET").unwrap_or_default());
    /// ```
    pub fn new(secret: impl Into<String>) -> Self {
        WebhookSecret(SecretString::from(secret.into()))
    }

    /// The secret itself, to store it. Keep it out of logs.
    ///
    /// ```
    /// let secret = attio::webhooks::WebhookSecret::new("s3cret");
    /// assert_eq!(secret.expose_secret(), "s3cret");
    /// ```
    pub fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret([redacted])")
    }
}

impl From<String> for WebhookSecret {
    fn from(secret: String) -> Self {
        WebhookSecret::new(secret)
    }
}

impl From<&str> for WebhookSecret {
    fn from(secret: &str) -> Self {
        WebhookSecret::new(secret)
    }
}

impl<'de> Deserialize<'de> for WebhookSecret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(WebhookSecret::new)
    }
}

/// The changes of a `PATCH /v2/webhooks/{id}`: a new target URL, new subscriptions (which
/// **replace** the webhook's whole list), or both.
///
/// ```
/// use attio::webhooks::{EventType, Subscription, WebhookUpdate};
///
/// let update = WebhookUpdate::new()
///     .target_url("https://example.com/attio")
///     .subscriptions([Subscription::new(EventType::RecordCreated)]);
/// assert!(!update.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct WebhookUpdate {
    target_url: Option<String>,
    subscriptions: Option<Vec<Subscription>>,
}

impl WebhookUpdate {
    /// An update that changes nothing yet.
    ///
    /// ```
    /// assert!(attio::webhooks::WebhookUpdate::new().is_empty());
    /// ```
    pub fn new() -> Self {
        WebhookUpdate::default()
    }

    /// Deliver to `url` from now on.
    ///
    /// ```
    /// let u = attio::webhooks::WebhookUpdate::new().target_url("https://example.com/hook");
    /// ```
    pub fn target_url(mut self, url: impl Into<String>) -> Self {
        self.target_url = Some(url.into());
        self
    }

    /// Replace every subscription with `subscriptions`.
    ///
    /// ```
    /// use attio::webhooks::{EventType, Subscription, WebhookUpdate};
    /// let u = WebhookUpdate::new().subscriptions([Subscription::new(EventType::TaskCreated)]);
    /// ```
    pub fn subscriptions(mut self, subscriptions: impl IntoIterator<Item = Subscription>) -> Self {
        self.subscriptions = Some(subscriptions.into_iter().collect());
        self
    }

    /// Whether the update changes nothing.
    ///
    /// ```
    /// assert!(attio::webhooks::WebhookUpdate::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.target_url.is_none() && self.subscriptions.is_none()
    }

    /// The new target URL, when set.
    pub(crate) fn new_target_url(&self) -> Option<&str> {
        self.target_url.as_deref()
    }
}

/// `{"data": {"target_url"?, "subscriptions"?}}`, with what is set.
struct Body<'a> {
    target_url: Option<&'a str>,
    subscriptions: Option<&'a [Subscription]>,
}

impl Serialize for Body<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Data<'a>(&'a Body<'a>);
        impl Serialize for Data<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                if let Some(url) = self.0.target_url {
                    map.serialize_entry("target_url", url)?;
                }
                if let Some(subscriptions) = self.0.subscriptions {
                    map.serialize_entry("subscriptions", subscriptions)?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("data", &Data(self))?;
        map.end()
    }
}

/// The body of `POST /v2/webhooks`.
pub(crate) fn create_body(target_url: &str, subscriptions: &[Subscription]) -> Vec<u8> {
    // Strings and open enums only: serializing into a Vec cannot fail.
    serde_json::to_vec(&Body {
        target_url: Some(target_url),
        subscriptions: Some(subscriptions),
    })
    .unwrap_or_default()
}

/// The body of `PATCH /v2/webhooks/{id}`.
pub(crate) fn update_body(update: &WebhookUpdate) -> Vec<u8> {
    serde_json::to_vec(&Body {
        target_url: update.target_url.as_deref(),
        subscriptions: update.subscriptions.as_deref(),
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_hold_what_is_set() {
        let subs = [Subscription::new(EventType::NoteCreated)];
        assert_eq!(
            create_body("https://example.com/webhook", &subs),
            br#"{"data":{"target_url":"https://example.com/webhook","subscriptions":[{"event_type":"note.created","filter":null}]}}"#
        );
        assert_eq!(
            update_body(&WebhookUpdate::new().target_url("https://x.test")),
            br#"{"data":{"target_url":"https://x.test"}}"#
        );
        assert_eq!(
            update_body(&WebhookUpdate::new().subscriptions([])),
            br#"{"data":{"subscriptions":[]}}"#
        );
    }

    #[test]
    fn the_secret_stays_out_of_debug() {
        let json = r#"{"target_url":"https://example.com/webhook","subscriptions":[],"id":{"workspace_id":"w","webhook_id":"h"},"status":"paused","created_at":"2023-04-27T13:22:49.061281000Z","secret":"topsecret"}"#;
        let created: CreatedWebhook = serde_json::from_str(json).unwrap();
        let debug = format!("{created:?}");
        assert!(!debug.contains("topsecret"), "{debug}");
        assert_eq!(
            created.webhook.status,
            WebhookStatus::Other("paused".into())
        );
        assert_eq!(created.secret.expose_secret(), "topsecret");
    }
}
