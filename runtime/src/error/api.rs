//! [`ApiError`]: Attio's error body, with what the client adds to it (the request, the
//! attributes its message names by id, a hint); and [`ErrorCode`], its `code` as an open enum.

use std::fmt;
use std::time::Duration;

use super::{RequestLine, status_outcome};
use crate::values::Key;

/// Attio's error body: every non-2xx answer carries one.
///
/// ```
/// let body = r#"{"status_code":400,"type":"invalid_request_error","code":"value_not_found","message":"Cannot find select option with title \"Nope\"."}"#;
/// let e: attio::ApiError = serde_json::from_str(body).unwrap();
/// assert_eq!(e.code, attio::ErrorCode::ValueNotFound);
/// assert_eq!(e.status, 400);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
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
    /// The request Attio answered (set by the client).
    #[serde(skip)]
    pub(crate) request: Option<Box<RequestLine>>,
    /// What the client adds to Attio's message (boxed: most errors have none, and an error
    /// stays small).
    #[serde(skip)]
    pub(crate) notes: Option<Box<Notes>>,
    /// The answer's `Retry-After`, as a wait from when it arrived (set by the client).
    #[serde(skip)]
    pub(crate) retry_after: Option<Duration>,
}

/// What the client knows about an error beyond Attio's message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Notes {
    /// The attributes the message names by id, when the client knows them.
    pub(crate) named: Vec<NamedAttribute>,
    /// What to do about it (see [`ApiError::hint`]).
    pub(crate) hint: Option<String>,
}

/// An attribute that an error names only by id, as the client knows it: its slug, and the Rust
/// field that holds it when a struct was checked (`client.check_schema::<T>()`), or the schema
/// cache is on ([`ClientBuilder::schema_cache`](crate::ClientBuilder::schema_cache)).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NamedAttribute {
    /// The attribute's id, as the message has it.
    pub id: String,
    /// Its api slug.
    pub slug: String,
    /// `"User::user_id"`, when known.
    pub field: Option<String>,
}

impl ApiError {
    /// The request Attio answered with this error.
    ///
    /// ```
    /// # fn show(e: &attio::ApiError) {
    /// if let Some(request) = e.request() {
    ///     eprintln!("{request}: {}", e.message);
    /// }
    /// # }
    /// ```
    pub fn request(&self) -> Option<&RequestLine> {
        self.request.as_deref()
    }

    /// The attributes the message names by id, with their slugs and Rust fields, when the
    /// client knows the schema.
    pub fn named_attributes(&self) -> &[NamedAttribute] {
        self.notes.as_ref().map_or(&[], |n| &n.named)
    }

    /// What to do about the error, when the client can say more than Attio's message: for a
    /// `404 not_found` about a list that does not exist, how to create it or find its slug. It is
    /// also part of the error's `Display`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) {
    /// if let Err(attio::Error::Api(e)) = client.get_list("sales_pipline").await {
    ///     eprintln!("{}", e.message); // List with slug/ID "sales_pipline" not found.
    ///     if let Some(hint) = e.hint() {
    ///         eprintln!("{hint}"); // No list that the token can see has the slug or id ...
    ///     }
    /// }
    /// # }
    /// ```
    pub fn hint(&self) -> Option<&str> {
        self.notes.as_ref().and_then(|n| n.hint.as_deref())
    }

    /// How long Attio asked to wait before sending again, from the answer's `Retry-After` (an
    /// HTTP date or seconds), measured from when the answer arrived. Attio sends it with every
    /// `429`; it is also part of the error's `Display`.
    ///
    /// ```
    /// # fn report(err: attio::Error) {
    /// if let attio::Error::Api(e) = &err {
    ///     if let Some(wait) = e.retry_after() {
    ///         eprintln!("rate limited: try again in {} ms", wait.as_millis());
    ///     }
    /// }
    /// # }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    pub(crate) fn with_retry_after(mut self, wait: Option<Duration>) -> Self {
        self.retry_after = wait;
        self
    }

    pub(crate) fn with_request(mut self, request: RequestLine) -> Self {
        self.request = Some(Box::new(request));
        self
    }

    pub(crate) fn with_named(mut self, named: Vec<NamedAttribute>) -> Self {
        if !named.is_empty() {
            self.notes.get_or_insert_default().named = named;
        }
        self
    }

    pub(crate) fn with_hint(mut self, hint: String) -> Self {
        self.notes.get_or_insert_default().hint = Some(hint);
        self
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(request) = &self.request {
            write!(f, "{request}: ")?;
        }
        write!(
            f,
            "Attio answered {} {}: {}",
            self.status, self.code, self.message
        )?;
        for named in self.named_attributes() {
            write!(f, " [the attribute {} is `{}`", named.id, named.slug)?;
            if let Some(field) = &named.field {
                write!(f, ", the field `{field}`")?;
            }
            f.write_str("]")?;
        }
        if let Some(hint) = self.hint() {
            let sep = if self.message.ends_with(['.', '!', '?']) {
                " "
            } else {
                ". "
            };
            write!(f, "{sep}{hint}")?;
        }
        if let Some(wait) = self.retry_after {
            write!(
                f,
                "; Retry-After asked to wait {:.1} s before sending again",
                wait.as_secs_f64()
            )?;
        }
        if let Some(request) = &self.request {
            f.write_str(status_outcome(request, self.status).note())?;
            if self.status == 429 && is_list_query(request) {
                f.write_str(SCORE_LIMIT_NOTE)?;
            }
        }
        Ok(())
    }
}

/// What a 429 that outlasted the retries means for a list query.
const SCORE_LIMIT_NOTE: &str = "; Attio also limits list queries by their complexity score (their filters and sorts, and the size of the object or list), summed over 10 seconds: if this persists, the query alone may be over the limit, so make it simpler (fewer filters and sorts, a smaller `limit`) or run fewer queries at once";

/// `POST …/records/query` or `POST …/entries/query`: the requests Attio limits by complexity score.
fn is_list_query(request: &RequestLine) -> bool {
    request.method() == "POST"
        && (request.path().ends_with("/records/query")
            || request.path().ends_with("/entries/query"))
}

impl std::error::Error for ApiError {}

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
    /// 400: a history write whose intervals overlap on a single-valued attribute (at most one
    /// value is active at a time).
    MultipleValuesForSingleValueAttribute = "multiple_values_for_single_value_attribute",
    /// 400: the same value twice where Attio keeps it once (a history write with one value
    /// active twice at once).
    DuplicateValues = "duplicate_values",
    /// 400: a merge of a record with itself (the primary and secondary ids are the same).
    SelfMerge = "self_merge",
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
    /// 404 (400 from `PUT …/records`): the record is being merged; retry later.
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
        let key = Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}
