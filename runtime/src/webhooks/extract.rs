//! [`VerifiedDelivery`]: an axum extractor that verifies and decodes a delivery, or refuses the
//! request with the right status. Enable the `axum` feature.

use std::fmt;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, Request};
use axum::response::{IntoResponse, Response};

use super::{Delivery, WebhookError, verify};
use crate::wire::webhook::WebhookSecret;

/// A webhook delivery whose signature has been verified, decoded: an axum extractor.
///
/// It takes the [`WebhookSecret`] from the router's state (the state itself, or any state with
/// `FromRef` to it), reads the raw body, and calls [`verify`]. A request it refuses is answered
/// for you: `401` for a missing, malformed or wrong signature, `400` for a body that is not a
/// delivery, `500` for an empty secret, and axum's own answer when the body cannot be read (too
/// large, say); the reason is in the answer's body and in a `tracing` warning.
///
/// Answer quickly with a 2xx (Attio waits a few seconds, then retries), and deduplicate on
/// [`Delivery::idempotency_key`]: Attio delivers at least once.
///
/// ```
/// use attio::webhooks::{Event, VerifiedDelivery, WebhookSecret};
/// use axum::{routing::post, Router};
///
/// async fn attio_webhook(VerifiedDelivery(delivery): VerifiedDelivery) -> &'static str {
///     for event in &delivery.events {
///         if let Event::RecordUpdated(e) = event {
///             println!("{} changed {:?}", e.record_id, e.attribute_id);
///         }
///     }
///     "ok"
/// }
///
/// let secret = WebhookSecret::new(std::env::var("ATTIO_WEBHOOK_SECRET").unwrap_or_default());
/// let app: Router = Router::new().route("/attio", post(attio_webhook)).with_state(secret);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedDelivery(pub Delivery);

impl VerifiedDelivery {
    /// The delivery.
    ///
    /// ```
    /// fn events(d: attio::webhooks::VerifiedDelivery) -> usize {
    ///     d.into_inner().events.len()
    /// }
    /// ```
    pub fn into_inner(self) -> Delivery {
        self.0
    }
}

impl std::ops::Deref for VerifiedDelivery {
    type Target = Delivery;
    fn deref(&self) -> &Delivery {
        &self.0
    }
}

/// Why [`VerifiedDelivery`] refused a request; answers it with the right status.
///
/// ```
/// use axum::response::IntoResponse;
///
/// let rejection = attio::webhooks::WebhookRejection::from(attio::webhooks::WebhookError::MissingSignature);
/// assert_eq!(rejection.into_response().status(), axum::http::StatusCode::UNAUTHORIZED);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The delivery was read but refused: its signature, its body, or the secret.
    Invalid(WebhookError),
    /// The body could not be read.
    Body(BytesRejection),
}

impl From<WebhookError> for WebhookRejection {
    fn from(e: WebhookError) -> Self {
        WebhookRejection::Invalid(e)
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookRejection::Invalid(e) => e.fmt(f),
            WebhookRejection::Body(e) => write!(f, "the delivery's body could not be read: {e}"),
        }
    }
}

impl std::error::Error for WebhookRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WebhookRejection::Invalid(e) => Some(e),
            WebhookRejection::Body(e) => Some(e),
        }
    }
}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        match self {
            WebhookRejection::Invalid(e) => (e.status(), e.to_string()).into_response(),
            WebhookRejection::Body(e) => e.into_response(),
        }
    }
}

impl<S> FromRequest<S> for VerifiedDelivery
where
    S: Send + Sync,
    WebhookSecret: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let secret = WebhookSecret::from_ref(state);
        let headers = req.headers().clone();
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            tracing::warn!(error = %e, "refused an Attio webhook delivery");
            WebhookRejection::Body(e)
        })?;
        match verify(&headers, &body, &secret) {
            Ok(delivery) => Ok(VerifiedDelivery(delivery)),
            Err(e) => {
                tracing::warn!(error = %e, status = e.status().as_u16(), "refused an Attio webhook delivery");
                Err(WebhookRejection::Invalid(e))
            }
        }
    }
}
