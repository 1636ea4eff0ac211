//! The one error type of this crate, by stage, and what each error says about the request:
//! might it have been applied?

use crate::values::{FieldError, RecordId, ValueError};

mod api;
mod decode;
mod held;
mod oauth;
mod paging;
mod redact;
mod request;
mod schema;
mod scopes;
mod sql;

pub use api::{ApiError, ErrorCode, NamedAttribute};
pub use decode::DecodeError;
pub(crate) use decode::{FieldHint, Missing};
pub use held::HeldValue;
pub use oauth::OAuthError;
pub use paging::PagingProblem;
pub(crate) use redact::Redactor;
pub use request::{RequestLine, TransportKind};
pub use schema::{Finding, Problem, SchemaReport, TypeReport};
pub use scopes::ScopeError;
pub use sql::SqlError;

/// `Result<T, attio::Error>`.
///
/// ```
/// fn parse(id: &str) -> attio::Result<attio::RecordId> {
///     id.parse().map_err(|e: attio::InvalidId| attio::Error::InvalidInput(e.to_string()))
/// }
/// assert!(parse("abc").is_ok());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong talking to Attio, by the stage it went wrong in.
///
/// Match on the variant for the stage, on [`ApiError::code`] for what Attio said, and ask
/// [`Error::outcome`] whether the request might have been applied:
///
/// ```
/// use attio::prelude::*;
/// # async fn run(client: &attio::Client, user: &User, id: &attio::RecordId) {
/// use attio::Outcome;
///
/// match user.update(client, id).await {
///     Ok(record) => println!("updated {}", record.id.record_id),
///     Err(attio::Error::Api(e)) if e.code == attio::ErrorCode::NotFound => println!("no such user"),
///     Err(e) if e.outcome() == Outcome::Unknown => eprintln!("{e}: read the record back before retrying"),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: a missing API key, a bad base URL. Nothing was sent.
    #[error("invalid client configuration: {0}")]
    Config(String),

    /// A value would be rejected by Attio, so nothing was sent.
    #[error(
        "the `{field}` field (attribute `{attribute}`) of `{object}` holds a value Attio would reject: {source}; nothing was sent"
    )]
    InvalidValue {
        /// The object's slug.
        object: &'static str,
        /// The Rust field name.
        field: &'static str,
        /// The attribute slug.
        attribute: &'static str,
        /// The rule that was broken (also in the message).
        source: ValueError,
    },

    /// Input other than a value that Attio would refuse (an attribute slug that cannot be placed in
    /// a URL, say), so nothing was sent.
    #[error("{0}; nothing was sent")]
    InvalidInput(String),

    /// The request body could not be encoded, so nothing was sent.
    #[error("{request}: could not encode the request body; nothing was sent")]
    Encode {
        /// The request that was being built.
        request: RequestLine,
        /// What serde_json reported.
        #[source]
        source: serde_json::Error,
    },

    /// Attio answered with an error body (`{status_code, type, code, message}`).
    #[error(transparent)]
    Api(#[from] ApiError),

    /// A non-success answer without Attio's error body (a proxy's page, say).
    #[error(
        "{request} answered HTTP {status} without an Attio error body ({content_type}): {snippet}{}",
        outcome_note(status_outcome(request, *status))
    )]
    Http {
        /// The request.
        request: RequestLine,
        /// The HTTP status.
        status: u16,
        /// The response's content type, or `no content type`.
        content_type: String,
        /// The start of the body, for diagnosis.
        snippet: String,
    },

    /// The request did not complete: the connection was refused or dropped, it timed out, TLS
    /// failed.
    #[error("{request} did not complete: {kind}{}", outcome_note(transport_outcome(request, *kind)))]
    Transport {
        /// The request.
        request: RequestLine,
        /// What failed.
        kind: TransportKind,
        /// The underlying failure, for diagnosis (its type is not part of this crate's API).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },

    /// The answer's body grew past the bound the client reads
    /// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes) for a
    /// success, [`MAX_ERROR_BODY_BYTES`](crate::MAX_ERROR_BODY_BYTES) for an error answer), or its
    /// `Content-Length` announced more. The client stopped reading and dropped the connection
    /// rather than drain it. A `2xx` write was applied by Attio all the same (see
    /// [`Error::outcome`]).
    ///
    /// ```
    /// # fn report(err: attio::Error) {
    /// if let attio::Error::TooLarge { received, limit, .. } = &err {
    ///     eprintln!("{err} (read {received} of at most {limit} bytes)");
    /// }
    /// # }
    /// ```
    #[error(
        "{request} answered HTTP {status} with a body larger than the client reads: {}, past the bound of {limit} bytes; the client stopped reading and dropped the connection{}{}",
        describe_size(*received, *declared),
        outcome_note(too_large_outcome(request, *status)),
        if (200..300).contains(status) { " (if an answer this large is expected, raise the bound with `ClientBuilder::max_response_bytes`)" } else { "" }
    )]
    TooLarge {
        /// The request.
        request: RequestLine,
        /// The answer's HTTP status.
        status: u16,
        /// The bytes of the body that had arrived when the client stopped reading.
        received: u64,
        /// The body's length as its `Content-Length` announced it, if it did.
        declared: Option<u64>,
        /// The bound that was passed, in bytes.
        limit: u64,
    },

    /// A file to upload is larger than Attio accepts; checked before anything is sent.
    ///
    /// ```
    /// let err = attio::Error::UploadTooLarge { name: "a.mov".into(), size: 60_000_000, limit: 52_428_800 };
    /// assert!(err.to_string().contains("60000000 bytes") && err.to_string().contains("52428800"));
    /// ```
    #[error(
        "`{name}` is {size} bytes, past the {limit} bytes (50 MB) Attio accepts in one upload; nothing was sent: compress or split the file, or keep it at a storage provider and link it with `Client::connect_file`"
    )]
    UploadTooLarge {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: u64,
        /// The most Attio accepts, in bytes.
        limit: u64,
    },

    /// A local file or stream could not be read or written: an upload's source, a download's
    /// destination. Nothing changed in Attio.
    ///
    /// ```
    /// let err = attio::Error::LocalIo { action: "could not open `a.pdf`".into(), source: std::io::ErrorKind::NotFound.into() };
    /// assert!(err.to_string().starts_with("could not open `a.pdf`"));
    /// ```
    #[error("{action}: {source}")]
    LocalIo {
        /// What was being done, e.g. "could not open `a.pdf` to upload it".
        action: String,
        /// The I/O error.
        source: std::io::Error,
    },

    /// An assert by parent (`PUT /v2/lists/{list}/entries`) found several entries of the record
    /// in the list (Attio's 400 `multiple_match_results`), so it could not tell which to change,
    /// and changed nothing.
    #[error(
        "the list `{list}` has several entries for the record {parent_record_id}, so the assert by parent could not tell which to change and changed nothing (Attio's `multiple_match_results`); update one of them by its entry id instead (`entries_of` finds them), or delete the extra ones"
    )]
    MultipleEntries {
        /// The list's slug.
        list: &'static str,
        /// The parent record that has several entries.
        parent_record_id: RecordId,
        /// Attio's answer (its request is the `PUT`).
        #[source]
        source: Box<ApiError>,
    },

    /// A success answer that does not decode into the expected type.
    #[error(transparent)]
    Decode(#[from] DecodeError),

    /// A listing's answers stopped advancing: Attio (or a server in its place) answered a cursor
    /// the listing had already sent, or the same full page again for the next offset, so paging
    /// on would never end. The listing yields the items it read (those of a page with a repeated
    /// cursor included, the repeated page's not again), then this error, and ends. The server is
    /// at fault, not the request; listings only read, so nothing was changed
    /// ([`Outcome::NotApplied`]).
    ///
    /// ```
    /// # async fn run(client: attio::Client) {
    /// match client.meetings().collect_all().await {
    ///     Ok(meetings) => println!("{} meetings", meetings.len()),
    ///     Err(attio::Error::Paging { request, problem, pages }) => {
    ///         eprintln!("{request} stopped paging after {pages} pages: {problem}")
    ///     }
    ///     Err(e) => eprintln!("{e}"),
    /// }
    /// # }
    /// ```
    #[error(
        "{request}: {problem}, so the listing stopped after {pages} page{} rather than page forever; the server is at fault, not the request, and nothing was changed",
        if *pages == 1 { "" } else { "s" }
    )]
    Paging {
        /// The listing's method and path, without the query string (which holds the cursor or
        /// the offset).
        request: RequestLine,
        /// What repeated.
        problem: PagingProblem,
        /// How many pages the listing had received, the one that repeated included.
        pages: usize,
    },

    /// The access token is not active, or lacks scopes a job asked for up front
    /// ([`Client::require_scopes`](crate::Client::require_scopes)). Nothing was sent.
    #[error(transparent)]
    Scopes(ScopeError),

    /// A SQL statement refused before sending, or stopped at Attio's time limit (`Client::sql`).
    #[error(transparent)]
    Sql(SqlError),

    /// `ensure_schema` found what creating and restoring cannot fix (an attribute's type or
    /// cardinality, something only an archive would fix, an object it has no nouns to create,
    /// …): every such finding, each naming the Rust field and what to do. Nothing was changed.
    #[error(
        "ensure_schema changed nothing: creating and restoring cannot make the workspace agree with the structs, because of what follows (fix the struct as each line says, or the workspace in Attio's settings):\n{0}"
    )]
    Schema(Box<SchemaReport>),

    /// An OAuth installation's problem: a forged or stale redirect, a workspace without a token,
    /// a revoked token (see [`OAuthError`]).
    #[error(transparent)]
    OAuth(#[from] OAuthError),

    /// A merge Attio committed (`202 Accepted`) whose new record was still not readable when the
    /// client stopped waiting ([`ClientBuilder::merge_wait`](crate::ClientBuilder::merge_wait)):
    /// Attio answers `404 merge_in_progress` while it applies a large merge. The merge **was**
    /// applied ([`Outcome::Applied`]): both original records are gone, so do not send it again;
    /// read `new_record_id` later.
    ///
    /// ```
    /// # async fn run(client: attio::Client, a: attio::RecordId, b: attio::RecordId) -> attio::Result<()> {
    /// match client.merge_records("companies", &a, &b).await {
    ///     Ok(id) => println!("merged into {id}"),
    ///     Err(attio::Error::MergePending { new_record_id, .. }) => println!("read {new_record_id} later"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    #[error(
        "{request}: the merge WAS committed, into the new record {new_record_id}, but that record was still not readable after {} ms (Attio answers 404 merge_in_progress while it applies a large merge); do not merge again (both originals are gone): read {new_record_id} later, or wait longer with ClientBuilder::merge_wait",
        waited.as_millis()
    )]
    MergePending {
        /// The merge's method and path.
        request: RequestLine,
        /// The record the merge makes, readable once Attio has applied the merge.
        new_record_id: RecordId,
        /// How long the client waited for it.
        waited: std::time::Duration,
    },

    /// Something this crate promises did not hold; please report it.
    #[error("internal error in the attio crate: {0}; please report it")]
    Invariant(String),

    /// A write whose answer was lost (a dropped connection, a timeout, a `5xx`), so it may or may
    /// not have been applied, and which the client could not settle by reading the record back:
    /// typically a create on a struct with no `#[attio(unique)]` field to look the record up by.
    /// Its [`outcome`](Error::outcome) is always [`Outcome::Unknown`]; `source` is the error of
    /// the attempt in doubt, and the message says how to make such writes resolvable.
    ///
    /// ```
    /// # fn report(err: attio::Error) {
    /// if let attio::Error::Unresolved { advice, .. } = &err {
    ///     assert_eq!(err.outcome(), attio::Outcome::Unknown);
    ///     eprintln!("{err}\n(advice: {advice})");
    /// }
    /// # }
    /// ```
    #[error("{source}; {advice}")]
    Unresolved {
        /// Why the client could not tell whether the write landed, and what to change so it can.
        advice: String,
        /// The error of the attempt whose outcome is unknown.
        source: Box<Error>,
    },

    /// A create in doubt, resolved through a multi-valued unique attribute
    /// (`people.email_addresses`, `companies.domains`), whose values turned out to be held by
    /// records other than one it could have made: spread over several records, or some held and
    /// others not. An earlier attempt that landed would hold them all in one record, so none did;
    /// and the create was refused (Attio's `uniqueness_conflict`, the `source`), so nothing was
    /// created ([`Outcome::NotApplied`]). `held` says which record holds each value: the client
    /// does not guess which record was meant.
    ///
    /// ```
    /// use attio::prelude::*;
    /// # async fn run(client: &attio::Client, person: &Person) {
    /// match person.create(client).await {
    ///     Ok(record) => println!("created {}", record.id.record_id),
    ///     Err(attio::Error::UniqueValuesHeld { held, .. }) => {
    ///         for value in &held {
    ///             eprintln!("{value}"); // `a@b.com` is held by record …
    ///         }
    ///     }
    ///     Err(e) => eprintln!("{e}"),
    /// }
    /// # }
    /// # #[attio::attio_object(slug = "people")]
    /// # struct Person { #[attio(unique)] email_addresses: Vec<attio::EmailAddress> }
    /// ```
    #[error("{source}; {}", held::describe(object, attribute, held))]
    UniqueValuesHeld {
        /// The object's slug.
        object: &'static str,
        /// The unique attribute's slug.
        attribute: &'static str,
        /// Each value the create wrote to it, with the record holding it.
        held: Vec<HeldValue>,
        /// The create's refusal (or, when the attempts ran out, the last attempt's error).
        source: Box<Error>,
    },
}

/// Whether a failed request might have changed anything in Attio: what to do next depends on it.
///
/// | outcome | when | safe to send again? |
/// |---|---|---|
/// | [`NotSent`](Outcome::NotSent) | refused before sending (bad input, configuration), or the connection could not be made | yes |
/// | [`NotApplied`](Outcome::NotApplied) | Attio refused it (a 4xx, a 429), or it was a read, which changes nothing | yes, once the cause is fixed |
/// | [`Applied`](Outcome::Applied) | Attio applied it, but its answer did not decode or was too large to read | no: read the record back |
/// | [`Unknown`](Outcome::Unknown) | a write that met a 5xx, a timeout or a dropped connection | only if repeating it is harmless |
///
/// ```
/// let err = attio::Error::InvalidInput("bad slug".into());
/// assert_eq!(err.outcome(), attio::Outcome::NotSent);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// The request never reached Attio.
    NotSent,
    /// The request reached Attio, which did not apply it (or it was a read).
    NotApplied,
    /// Attio applied the request; only its answer was lost.
    Applied,
    /// The request may or may not have been applied.
    Unknown,
}

impl Outcome {
    /// Words for an error message.
    fn note(self) -> &'static str {
        match self {
            Outcome::NotSent => "; nothing was sent",
            Outcome::NotApplied => "",
            Outcome::Applied => {
                "; the request WAS applied by Attio: read the record back instead of sending it again"
            }
            Outcome::Unknown => {
                "; the request may or may not have been applied: read the record back before sending it again"
            }
        }
    }
}

fn outcome_note(outcome: Outcome) -> &'static str {
    outcome.note()
}

fn status_outcome(request: &RequestLine, status: u16) -> Outcome {
    if status >= 500 && request.is_write() {
        Outcome::Unknown
    } else {
        Outcome::NotApplied
    }
}

/// A body past the bound: a success answer means Attio applied a write (as when it does not
/// decode); an error answer's status decides as for any other.
fn too_large_outcome(request: &RequestLine, status: u16) -> Outcome {
    if (200..300).contains(&status) && request.is_write() {
        Outcome::Applied
    } else {
        status_outcome(request, status)
    }
}

fn describe_size(received: u64, declared: Option<u64>) -> String {
    match declared {
        Some(length) if received == 0 => format!("its Content-Length announced {length} bytes"),
        Some(length) => format!("{received} of the {length} bytes it announced had arrived"),
        None => format!("{received} bytes had arrived"),
    }
}

fn transport_outcome(request: &RequestLine, kind: TransportKind) -> Outcome {
    if !kind.was_sent() {
        Outcome::NotSent
    } else if request.is_write() {
        Outcome::Unknown
    } else {
        Outcome::NotApplied
    }
}

impl From<FieldError> for Error {
    fn from(e: FieldError) -> Self {
        Error::InvalidValue {
            object: e.object,
            field: e.field,
            attribute: e.attribute,
            source: e.source,
        }
    }
}

impl Error {
    /// Whether the request might have been applied; see [`Outcome`].
    ///
    /// ```
    /// # fn report(err: attio::Error) {
    /// match err.outcome() {
    ///     attio::Outcome::Applied => println!("it landed; re-read it"),
    ///     attio::Outcome::Unknown => println!("check before retrying"),
    ///     _ => println!("nothing changed"),
    /// }
    /// # }
    /// ```
    pub fn outcome(&self) -> Outcome {
        match self {
            Error::Config(_)
            | Error::InvalidValue { .. }
            | Error::InvalidInput(_)
            | Error::Encode { .. }
            | Error::Scopes(_)
            | Error::Sql(SqlError::NotReadOnly { .. })
            | Error::Schema(_)
            | Error::OAuth(OAuthError::StateMismatch | OAuthError::NotInstalled { .. })
            | Error::Invariant(_)
            | Error::UploadTooLarge { .. } => Outcome::NotSent,
            Error::LocalIo { .. } => Outcome::NotApplied,
            Error::OAuth(OAuthError::Inactive | OAuthError::Revoked { .. }) => Outcome::NotApplied,
            Error::Api(e) => match &e.request {
                Some(request) => status_outcome(request, e.status),
                None if e.status >= 500 => Outcome::Unknown,
                None => Outcome::NotApplied,
            },
            Error::Http {
                request, status, ..
            } => status_outcome(request, *status),
            Error::Transport { request, kind, .. } => transport_outcome(request, *kind),
            Error::TooLarge {
                request, status, ..
            } => too_large_outcome(request, *status),
            Error::MultipleEntries { .. } => Outcome::NotApplied,
            Error::Decode(e) => e.outcome(),
            Error::Paging { .. } => Outcome::NotApplied,
            Error::Unresolved { .. } => Outcome::Unknown,
            Error::UniqueValuesHeld { .. } | Error::Sql(SqlError::Timeout { .. }) => {
                Outcome::NotApplied
            }
            Error::MergePending { .. } => Outcome::Applied,
        }
    }

    /// The request the error concerns (method and path), when there was one.
    ///
    /// ```
    /// let err = attio::Error::Config("no key".into());
    /// assert!(err.request().is_none());
    /// ```
    pub fn request(&self) -> Option<&RequestLine> {
        match self {
            Error::Encode { request, .. }
            | Error::Sql(SqlError::Timeout { request, .. })
            | Error::Http { request, .. }
            | Error::Transport { request, .. }
            | Error::TooLarge { request, .. } => Some(request),
            Error::Api(e) => e.request.as_deref(),
            Error::MultipleEntries { source, .. } => source.request.as_deref(),
            Error::Decode(e) => e.request(),
            Error::Paging { request, .. } | Error::MergePending { request, .. } => Some(request),
            Error::Unresolved { source, .. } | Error::UniqueValuesHeld { source, .. } => {
                source.request()
            }
            _ => None,
        }
    }

    /// Attio's error code, for an [`Error::Api`].
    ///
    /// ```
    /// let err = attio::Error::InvalidInput("x".into());
    /// assert_eq!(err.code(), None);
    /// ```
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Api(e) => Some(&e.code),
            Error::MultipleEntries { source, .. } => Some(&source.code),
            Error::Unresolved { source, .. } | Error::UniqueValuesHeld { source, .. } => {
                source.code()
            }
            _ => None,
        }
    }

    /// The HTTP status of Attio's answer, when there was one.
    ///
    /// ```
    /// let err = attio::Error::InvalidInput("x".into());
    /// assert_eq!(err.status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::MultipleEntries { source, .. } => Some(source.status),
            Error::Http { status, .. } | Error::TooLarge { status, .. } => Some(*status),
            Error::Sql(SqlError::Timeout { status, .. }) => Some(*status),
            Error::Unresolved { source, .. } | Error::UniqueValuesHeld { source, .. } => {
                source.status()
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
