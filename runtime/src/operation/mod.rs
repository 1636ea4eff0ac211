//! Every request to Attio as data: method, path, body, whether it can change anything, whether it
//! is safe to repeat, and how to decode its answer. Built here, sent by the client
//! ([`Client::execute`](crate::Client)); no HTTP types.
//!
//! This is the one place that decides a request's envelope and whether repeating it is harmless
//! (which the retry policy then relies on).

use std::borrow::Cow;

use crate::error::{DecodeError, Error, ErrorCode, RequestLine};
use crate::values::{AttioObject, FieldInfo, ObjectKind, TokenLevel};

pub(crate) mod activities;
pub(crate) mod comments;
pub(crate) mod emails;
pub(crate) mod files;
pub(crate) mod history;
pub(crate) mod identity;
pub(crate) mod lists;
pub(crate) mod meetings;
pub(crate) mod members;
pub(crate) mod notes;
pub(crate) mod raw;
pub(crate) mod records;
pub(crate) mod schema;
pub(crate) mod search;
pub(crate) mod sequences;
pub(crate) mod sql;
pub(crate) mod tasks;
pub(crate) mod views;
pub(crate) mod webhooks;

/// A write body, `{"data": value}`: the envelope of every create and update of lists and the
/// schema.
pub(crate) fn data_body<S: serde::Serialize>(value: &S) -> crate::error::Result<Vec<u8>> {
    serde_json::to_vec(&serde_json::json!({ "data": value }))
        .map_err(|e| Error::Invariant(e.to_string()))
}

/// An HTTP method Attio's API uses (for [`Client::request`](crate::Client::request)).
///
/// ```
/// assert_eq!(attio::Method::Patch.as_str(), "PATCH");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: a read.
    Get,
    /// `POST`: a create, or a query.
    Post,
    /// `PUT`: an overwrite, or an assert.
    Put,
    /// `PATCH`: an update (multiselect values are appended).
    Patch,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method's name, e.g. `"PATCH"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One request, described but not sent, whose answer decodes as `R`. Named by the code the
/// macros generate (re-exported for it), never built or read outside this crate.
pub struct Operation<R> {
    pub(crate) method: Method,
    /// The path under the base URL, starting with `/v2/`.
    pub(crate) path: String,
    /// A JSON body, when the operation has one.
    pub(crate) body: Option<Vec<u8>>,
    /// Whether it can change anything in Attio (counts against the write rate limit).
    pub(crate) write: bool,
    /// Whether sending it twice leaves Attio as sending it once.
    pub(crate) idempotent: bool,
    /// Decodes a success answer's body.
    pub(crate) decode: Decoder<R>,
    /// What to add to Attio's errors about something the request names; the last added that
    /// applies (a typed hint added over a general one wins).
    pub(crate) hints: Vec<ErrorHint>,
    /// The struct whose values the request writes, or whose records (entries) its answer holds:
    /// the client checks its fields against the workspace on first use.
    pub(crate) declared: Option<Declared>,
}

/// Decodes a success answer's body as `R`.
pub(crate) type Decoder<R> = fn(&[u8]) -> Result<R, DecodeError>;

/// The struct a typed request is about, as the client's first-use check needs it: which object
/// or list, and the fields with their attribute slugs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Declared {
    /// The struct's name, e.g. `"Person"`.
    pub(crate) name: &'static str,
    /// The object's or list's slug.
    pub(crate) slug: &'static str,
    /// An object's, a list's or an activity's struct.
    pub(crate) kind: ObjectKind,
    /// The fields.
    pub(crate) fields: &'static [FieldInfo],
}

impl Declared {
    /// What `T` declares.
    pub(crate) fn of<T: AttioObject>() -> Self {
        Declared {
            name: T::NAME,
            slug: T::SLUG,
            kind: T::KIND,
            fields: T::FIELDS,
        }
    }

    /// `the object `people``, `the list `sales`` or `the activity `site_visits``, as messages
    /// name it.
    pub(crate) fn target(&self) -> String {
        format!("the {} `{}`", self.kind.noun(), self.slug)
    }
}

/// What to tell the user when Attio refuses a request for something it names (a list that does
/// not exist, a parent record that is not the list's parent object's), rendered only when it is
/// needed.
pub(crate) struct ErrorHint {
    /// Whether Attio's error (its code and message) is about that thing, and not about another
    /// the request names.
    pub(crate) about: fn(&ErrorCode, &str) -> bool,
    /// The hint, from the thing's name and the Rust type that declares it, if any.
    pub(crate) render: fn(&str, Option<&'static str>) -> String,
    /// The thing's name, e.g. a list's slug.
    pub(crate) name: Cow<'static, str>,
    /// The Rust type that declares it (`SalesEntry`), when the request is typed.
    pub(crate) declared_by: Option<&'static str>,
}

impl<R> Operation<R> {
    /// A read: `GET`, or a query `POST`. Reads change nothing, so repeating one is harmless.
    pub(crate) fn read(
        method: Method,
        path: String,
        body: Option<Vec<u8>>,
        decode: fn(&[u8]) -> Result<R, DecodeError>,
    ) -> Self {
        Operation {
            method,
            path,
            body,
            write: false,
            idempotent: true,
            decode,
            hints: Vec::new(),
            declared: None,
        }
    }

    /// A write, `idempotent` when repeating it cannot change the outcome.
    pub(crate) fn write(
        method: Method,
        path: String,
        body: Option<Vec<u8>>,
        idempotent: bool,
        decode: fn(&[u8]) -> Result<R, DecodeError>,
    ) -> Self {
        Operation {
            method,
            path,
            body,
            write: true,
            idempotent,
            decode,
            hints: Vec::new(),
            declared: None,
        }
    }

    /// About the struct `T`: its values are what the request writes, or its records (entries)
    /// are what the answer holds.
    pub(crate) fn declaring<T: AttioObject>(mut self) -> Self {
        self.declared = Some(Declared::of::<T>());
        self.on_records_of::<T>()
    }

    /// On the records of `T`: when `T` is an activity's struct, a 404 about the activity says how
    /// to create it (under the hints added later, which are more specific).
    pub(crate) fn on_records_of<T: AttioObject>(mut self) -> Self {
        if let ObjectKind::Activity { .. } = T::KIND {
            self.hints.insert(0, activities::missing_activity::<T>());
        }
        self
    }

    /// The operation without its decoder, and the decoder. Sending, retrying and explaining an
    /// error do not depend on the answer's type: the client does them on the first, compiled
    /// once, and only decodes with the second, which is all that a user's build compiles per
    /// answer type.
    pub(crate) fn split(self) -> (Operation<()>, Decoder<R>) {
        let Operation {
            method,
            path,
            body,
            write,
            idempotent,
            decode,
            hints,
            declared,
        } = self;
        let request = Operation {
            method,
            path,
            body,
            write,
            idempotent,
            decode: |_| Ok(()),
            hints,
            declared,
        };
        (request, decode)
    }

    /// With `hint` added to an error of Attio's that it is about, over the hints added before.
    pub(crate) fn with_hint(mut self, hint: ErrorHint) -> Self {
        self.hints.push(hint);
        self
    }

    /// The error the request failed with, with what the operation knows about it added: the
    /// last added [`ErrorHint`] that applies to Attio's error.
    pub(crate) fn explain(&self, error: Error) -> Error {
        match error {
            Error::Api(e) => match self
                .hints
                .iter()
                .rev()
                .find(|h| (h.about)(&e.code, &e.message))
            {
                Some(hint) => Error::Api(e.with_hint((hint.render)(&hint.name, hint.declared_by))),
                None if e.status == 403
                    && !TokenLevel::supported_by(self.method.as_str(), &self.path)
                        .contains(&TokenLevel::User) =>
                {
                    Error::Api(e.with_hint(format!(
                        "{} {} accepts only a workspace-level access token; if this one acts \
                         for a workspace member (user-level, see `client.whoami().await?.token_level`), \
                         make an access token in Attio (Workspace settings → Developers) and use it here",
                        self.method.as_str(),
                        self.path.split('?').next().unwrap_or_default(),
                    )))
                }
                None => Error::Api(e),
            },
            error => error,
        }
    }

    /// The method and path, as errors name them.
    pub(crate) fn line(&self) -> RequestLine {
        RequestLine::new(self.method.as_str(), self.path.clone(), self.write)
    }
}

impl<R> std::fmt::Debug for Operation<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("body", &self.body.as_deref().map(String::from_utf8_lossy))
            .field("write", &self.write)
            .field("idempotent", &self.idempotent)
            .finish()
    }
}
