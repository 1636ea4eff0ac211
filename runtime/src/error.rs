//! The one error type of this crate, by stage.

use std::fmt;

use crate::values::ValueError;

/// `Result<T, attio::Error>`.
///
/// ```
/// fn parse(id: &str) -> attio::Result<attio::RecordId> {
///     id.parse().map_err(|e: attio::InvalidId| attio::Error::Config(e.to_string()))
/// }
/// assert!(parse("abc").is_ok());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong talking to Attio, by the stage it went wrong in.
///
/// Match on the variant for the stage, and on [`ApiError::code`] for what Attio said:
///
/// ```
/// # async fn run(client: &attio::Client, user: &User, id: &attio::RecordId) {
/// match user.update(client, id).await {
///     Ok(record) => println!("updated {}", record.id.record_id),
///     Err(attio::Error::Api(e)) if e.code == attio::ErrorCode::NotFound => println!("no such user"),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: a missing API key, a bad base URL.
    #[error("invalid client configuration: {0}")]
    Config(String),

    /// A value would be rejected by Attio, so nothing was sent.
    #[error(
        "the `{field}` field (attribute `{attribute}`) of `{object}` holds a value Attio would reject"
    )]
    InvalidValue {
        /// The object's slug.
        object: &'static str,
        /// The Rust field name.
        field: &'static str,
        /// The attribute slug.
        attribute: &'static str,
        /// The rule that was broken.
        #[source]
        source: ValueError,
    },

    /// The request body could not be encoded.
    #[error("could not encode the request body")]
    Encode(#[source] serde_json::Error),

    /// Attio answered with an error body (`{status_code, type, code, message}`).
    #[error(transparent)]
    Api(#[from] ApiError),

    /// A non-success answer without Attio's error body (a proxy's page, say).
    #[error(
        "{method} {path} answered HTTP {status} without an Attio error body ({content_type}): {snippet}"
    )]
    Http {
        /// The request method.
        method: String,
        /// The request path.
        path: String,
        /// The HTTP status.
        status: u16,
        /// The response's content type, or `no content type`.
        content_type: String,
        /// The start of the body, for diagnosis.
        snippet: String,
    },

    /// The request did not complete: connection refused or reset, timeout, TLS failure.
    #[error("{method} {path} did not complete")]
    Transport {
        /// The request method.
        method: String,
        /// The request path.
        path: String,
        /// What failed.
        #[source]
        source: reqwest::Error,
    },

    /// A success response that does not decode into the expected type.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

/// Attio's error body: every non-2xx answer carries one.
///
/// ```
/// let body = r#"{"status_code":400,"type":"invalid_request_error","code":"value_not_found","message":"Cannot find select option with title \"Nope\"."}"#;
/// let e: attio::ApiError = serde_json::from_str(body).unwrap();
/// assert_eq!(e.code, attio::ErrorCode::ValueNotFound);
/// assert_eq!(e.status, 400);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize, thiserror::Error)]
#[error("Attio answered {status} {code}: {message}")]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status, as Attio mirrors it in the body.
    #[serde(rename = "status_code")]
    pub status: u16,
    /// The error's family: `invalid_request_error`, `auth_error`, `rate_limit_error`, ….
    #[serde(rename = "type")]
    pub error_type: String,
    /// What went wrong, as a matchable code.
    pub code: ErrorCode,
    /// Attio's explanation.
    pub message: String,
}

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $wire:literal,)*) => {
        /// Attio's error `code`, as an open enum: codes this SDK does not know yet arrive as
        /// [`ErrorCode::Other`].
        ///
        /// ```
        /// assert_eq!("uniqueness_conflict".parse::<attio::ErrorCode>().unwrap(), attio::ErrorCode::UniquenessConflict);
        /// assert_eq!(attio::ErrorCode::Other("new_code".into()).as_str(), "new_code");
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
            /// A code this version of the SDK does not know.
            Other(String),
        }

        impl ErrorCode {
            /// The wire form of the code.
            ///
            /// ```
            /// assert_eq!(attio::ErrorCode::NotFound.as_str(), "not_found");
            /// ```
            pub fn as_str(&self) -> &str {
                match self {
                    $(ErrorCode::$variant => $wire,)*
                    ErrorCode::Other(s) => s,
                }
            }
        }

        impl std::str::FromStr for ErrorCode {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
                Ok(match s {
                    $($wire => ErrorCode::$variant,)*
                    other => ErrorCode::Other(other.to_owned()),
                })
            }
        }
    };
}

error_codes! {
    /// 400: malformed body or parameters, a value of the wrong type, an empty update.
    ValidationType = "validation_type",
    /// 400: an unknown select option, status, matching attribute, or referenced record.
    ValueNotFound = "value_not_found",
    /// 400: a required attribute was not provided.
    MissingValue = "missing_value",
    /// 400: a query filter Attio cannot apply.
    FilterError = "filter_error",
    /// 400: a value that cannot change (an entry's parent).
    ImmutableValue = "immutable_value",
    /// 400: an entry assert matched several entries.
    MultipleMatchResults = "multiple_match_results",
    /// 400: an edit of a system attribute.
    SystemEditUnauthorized = "system_edit_unauthorized",
    /// 400: a unique attribute would get a value another record already has.
    UniquenessConflict = "uniqueness_conflict",
    /// 401: a missing or invalid token.
    Unauthorized = "unauthorized",
    /// 403: the workspace's plan does not allow this.
    BillingError = "billing_error",
    /// 403: a quota is used up.
    QuotaExceeded = "quota_exceeded",
    /// 404: no such object, record, attribute, list or entry.
    NotFound = "not_found",
    /// 404: the record is being merged; retry later.
    MergeInProgress = "merge_in_progress",
    /// 409: a slug or title that is already taken.
    SlugConflict = "slug_conflict",
    /// 409: another request modified the record at the same time; safe to retry.
    ConcurrentWriteConflict = "concurrent_write_conflict",
    /// 429: too many requests; always safe to retry after `Retry-After`.
    RateLimitExceeded = "rate_limit_exceeded",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let key = crate::values::Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}

/// A response body that did not decode, with the JSON path where it failed.
///
/// ```
/// # #[attio::attio_object(slug = "users")] #[derive(Debug)] struct User { user_id: String }
/// let body = br#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_id":[{"value":12}]}}}"#;
/// let err = attio::__private::decode_data::<attio::Record<User>>("PATCH", "/v2/objects/users/records/r", body).unwrap_err();
/// assert_eq!(err.path(), "data.values.user_id[0].value");
/// ```
#[derive(Debug, thiserror::Error)]
#[error("the response to {method} {request_path} did not decode at `{json_path}`")]
pub struct DecodeError {
    pub(crate) method: String,
    pub(crate) request_path: String,
    pub(crate) json_path: String,
    #[source]
    pub(crate) source: serde_json::Error,
}

impl DecodeError {
    /// The JSON path that failed, e.g. `data.values.user_id[0].value`.
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// eprintln!("the response did not decode at {}", err.path());
    /// # }
    /// ```
    pub fn path(&self) -> &str {
        &self.json_path
    }
}
