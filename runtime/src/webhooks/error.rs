//! [`WebhookError`]: why a delivery was refused, and the HTTP status to answer with.

use http::StatusCode;

/// Why a webhook delivery was refused: its signature (missing, malformed, or not matching the
/// body), its body, or the receiver's own configuration. Each message says what to check; none
/// holds the secret.
///
/// [`status`](WebhookError::status) is the answer to give Attio: `401` for a signature problem,
/// `400` for a body that does not decode, `500` for an empty secret (the receiver's
/// configuration: Attio retries, so nothing is lost once it is fixed).
///
/// ```
/// use attio::webhooks::{http, verify, WebhookError, WebhookSecret};
///
/// let err = verify(&http::HeaderMap::new(), b"{}", &WebhookSecret::new("s")).unwrap_err();
/// assert!(matches!(err, WebhookError::MissingSignature));
/// assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The secret to verify with is empty.
    #[error(
        "the webhook secret is empty: pass the secret Attio returned when the webhook was created \
         (`CreatedWebhook::secret`), and check the configuration it is read from"
    )]
    EmptySecret,

    /// Neither `Attio-Signature` nor `X-Attio-Signature` is present.
    #[error(
        "the request has no `Attio-Signature` or `X-Attio-Signature` header: check that it comes \
         from Attio, and that no proxy in front of this receiver drops the header"
    )]
    MissingSignature,

    /// The signature header is not 64 hex digits.
    #[error(
        "the `{header}` header is not a signature as Attio sends them: {reason}; Attio sends the \
         HMAC-SHA256 of the body as 64 hex digits: check that no proxy rewrites the header"
    )]
    MalformedSignature {
        /// The header read: `Attio-Signature` or `X-Attio-Signature`.
        header: &'static str,
        /// What is wrong with it.
        reason: String,
    },

    /// The signature is well-formed but is not the HMAC of this body under this secret.
    #[error(
        "the `{header}` header does not match the body: check that the secret is this webhook's \
         (each webhook has its own, returned when it was created){}, and that the body is \
         verified exactly as received, before it is parsed or re-serialised as JSON",
        whitespace_note(*secret_has_whitespace)
    )]
    SignatureMismatch {
        /// The header read: `Attio-Signature` or `X-Attio-Signature`.
        header: &'static str,
        /// Whether the secret starts or ends with whitespace, which is part of the key and a
        /// common mistake (a newline read from a file, say).
        secret_has_whitespace: bool,
    },

    /// The body is not an Attio delivery.
    #[error("the delivery's body does not decode at `{path}`: {reason}")]
    MalformedBody {
        /// The JSON path that failed, e.g. `events[0].id.record_id`.
        path: String,
        /// Why.
        reason: String,
    },

    /// The `Idempotency-Key` header is not visible ASCII text.
    #[error(
        "the `Idempotency-Key` header is not text: it cannot be used to recognise a delivery \
         sent again"
    )]
    MalformedIdempotencyKey,
}

fn whitespace_note(secret_has_whitespace: bool) -> &'static str {
    if secret_has_whitespace {
        "; the secret starts or ends with whitespace, which is part of the key: trim it"
    } else {
        ""
    }
}

impl WebhookError {
    /// The status to answer the delivery with: `401` for a signature problem, `400` for a
    /// malformed body or header, `500` for an empty secret.
    ///
    /// ```
    /// let err = attio::webhooks::WebhookError::EmptySecret;
    /// assert_eq!(err.status(), attio::webhooks::http::StatusCode::INTERNAL_SERVER_ERROR);
    /// ```
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::EmptySecret => StatusCode::INTERNAL_SERVER_ERROR,
            WebhookError::MissingSignature
            | WebhookError::MalformedSignature { .. }
            | WebhookError::SignatureMismatch { .. } => StatusCode::UNAUTHORIZED,
            WebhookError::MalformedBody { .. } | WebhookError::MalformedIdempotencyKey => {
                StatusCode::BAD_REQUEST
            }
        }
    }

    /// Whether the delivery was refused because of its signature (so it may not come from
    /// Attio at all).
    ///
    /// ```
    /// assert!(attio::webhooks::WebhookError::MissingSignature.is_signature());
    /// ```
    pub fn is_signature(&self) -> bool {
        self.status() == StatusCode::UNAUTHORIZED
    }
}
