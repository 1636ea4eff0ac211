//! What every resource uses to read a request and shape an answer: the [`Request`] a handler
//! gets (path parameters, query parameters, JSON body, the caller's token), the [`Route`] rows a
//! resource declares, the `{"data": …}` envelope, paging by `limit`/`offset`, and the checks of
//! a body's fields. It imports no resource and nothing of the transport.

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::store::Store;
use crate::util::parse_timestamp;

/// What a handler answers: the JSON body of a 200 (`Value::Null` is sent as 204 No Content), or
/// an Attio-shaped error.
pub type Answer = Result<Value, ApiError>;

/// An HTTP method that a route serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The upper-case name, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// How a route's handler reaches the store: a reading handler cannot change it; a writing one
/// can.
pub enum Handler {
    /// Reads the store.
    Read(fn(&Store, &Request<'_>) -> Answer),
    /// Changes the store.
    Write(fn(&mut Store, &Request<'_>) -> Answer),
}

/// One row of a resource's route table: a method, a path template in the syntax of Attio's
/// OpenAPI document (`/v2/notes/{note_id}`), and the handler.
pub struct Route {
    /// The method served.
    pub method: Method,
    /// The path template: literal segments and `{name}` parameters.
    pub path: &'static str,
    /// What answers it.
    pub handler: Handler,
    /// Whether Attio accepts only a workspace-level token for it.
    pub workspace_only: bool,
    /// The scopes the caller's token must hold (`resource:read` is held by `resource:read` or
    /// `resource:read-write`), checked before the handler runs; empty for the routes whose
    /// scopes the sandbox does not enforce.
    pub scopes: &'static [&'static str],
}

impl Route {
    /// A route whose handler only reads.
    pub const fn read(
        method: Method,
        path: &'static str,
        handler: fn(&Store, &Request<'_>) -> Answer,
    ) -> Self {
        Self {
            method,
            path,
            handler: Handler::Read(handler),
            workspace_only: false,
            scopes: &[],
        }
    }

    /// A route whose handler writes.
    pub const fn write(
        method: Method,
        path: &'static str,
        handler: fn(&mut Store, &Request<'_>) -> Answer,
    ) -> Self {
        Self {
            method,
            path,
            handler: Handler::Write(handler),
            workspace_only: false,
            scopes: &[],
        }
    }

    /// The same route, for workspace-level tokens only ("Supported token levels: `workspace`"
    /// in Attio's reference).
    pub const fn workspace_only(mut self) -> Self {
        self.workspace_only = true;
        self
    }

    /// The same route, refused with `403` to a token that lacks one of `scopes` ("Required
    /// scopes" in Attio's reference).
    pub const fn scopes(mut self, scopes: &'static [&'static str]) -> Self {
        self.scopes = scopes;
        self
    }
}

impl Token {
    /// Whether the token holds `scope` (`resource:read` or `resource:read-write`); a
    /// `read-write` scope holds its `read`.
    pub fn holds(&self, scope: &str) -> bool {
        let wider = scope
            .strip_suffix(":read")
            .map(|resource| format!("{resource}:read-write"));
        self.scopes
            .iter()
            .any(|s| s == scope || wider.as_deref() == Some(s.as_str()))
    }
}

/// Whether a token acts for the whole workspace or for one member (`token_level` in
/// `GET /v2/self`). A few operations accept only workspace-level tokens (their routes say so,
/// `Route::workspace_only`); a user-level token is refused there with `403`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenLevel {
    /// Acts for the whole workspace: the default.
    #[default]
    Workspace,
    /// Acts for one workspace member.
    User,
}

impl TokenLevel {
    /// `workspace` or `user`, as Attio writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenLevel::Workspace => "workspace",
            TokenLevel::User => "user",
        }
    }
}

/// The caller's token, as the transport authenticated it.
#[derive(Debug, Clone)]
pub struct Token {
    /// The scopes it holds.
    pub scopes: Vec<String>,
    /// Its level.
    pub level: TokenLevel,
    /// When it was issued, in seconds since 1970.
    pub issued_at: i64,
    /// The workspace's name, as `/v2/self` reports it.
    pub workspace_name: String,
    /// The workspace's slug, as `/v2/self` reports it.
    pub workspace_slug: String,
    /// The OAuth app's client id, for a token issued through OAuth (`/v2/self` reports the
    /// workspace's own token id otherwise).
    pub client_id: Option<String>,
}

/// A routed request, as a handler sees it.
pub struct Request<'a> {
    /// The path parameters, by the names of the route's template.
    pub params: Vec<(&'static str, String)>,
    /// Decoded query parameters.
    pub query: Vec<(String, String)>,
    /// The JSON body (`Null` when empty).
    pub body: Value,
    /// The caller's token.
    pub token: &'a Token,
}

impl Request<'_> {
    /// The path parameter `name` of the route's template (decoded); empty if the template has
    /// none of that name.
    pub fn path(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Whether the route's template has the path parameter `name`.
    pub fn has_path(&self, name: &str) -> bool {
        self.params.iter().any(|(k, _)| *k == name)
    }

    /// The query parameter `key`, if given.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A non-negative integer query parameter.
    pub fn usize_param(&self, key: &str) -> Result<Option<usize>, ApiError> {
        self.param(key)
            .map(|v| {
                v.parse().map_err(|_| {
                    ApiError::validation(format!(
                        "Query parameter {key} must be a non-negative integer."
                    ))
                })
            })
            .transpose()
    }

    /// A `true`/`false` query parameter (absent is `false`).
    pub fn bool_param(&self, key: &str) -> Result<bool, ApiError> {
        match self.param(key) {
            None | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(ApiError::validation(format!(
                "Query parameter {key} must be true or false."
            ))),
        }
    }

    /// The body's `data` object.
    pub fn data(&self) -> Result<&Map<String, Value>, ApiError> {
        self.body
            .get("data")
            .and_then(Value::as_object)
            .ok_or_else(|| ApiError::validation("The request body must be {\"data\": {...}}."))
    }

    /// The body's `data.values`.
    pub fn values(&self) -> Result<&Value, ApiError> {
        self.data()?
            .get("values")
            .ok_or_else(|| ApiError::validation("The request body must contain data.values."))
    }
}

/// An opaque cursor for `kind` (which names the listing) at `offset`.
pub fn cursor(kind: &str, offset: usize) -> String {
    hex::encode(format!("{kind}:{offset}"))
}

/// The offset a request's `cursor` points at (0 without one), refusing one made for another
/// listing.
pub fn cursor_offset(req: &Request<'_>, kind: &str) -> Result<usize, ApiError> {
    let Some(c) = req.param("cursor") else {
        return Ok(0);
    };
    hex::decode(c)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix(kind)?.strip_prefix(':')?.parse().ok())
        .ok_or_else(|| {
            ApiError::validation(format!("cursor \"{c}\" is not a cursor of this listing."))
        })
}

/// Wraps an answer in Attio's `{"data": …}` envelope.
pub fn data(v: Value) -> Value {
    json!({"data": v})
}

/// The items from `offset` on, at most `limit` of them.
pub fn page<T>(items: Vec<T>, limit: Option<usize>, offset: Option<usize>) -> Vec<T> {
    items
        .into_iter()
        .skip(offset.unwrap_or(0))
        .take(limit.unwrap_or(usize::MAX))
        .collect()
}

/// The items that the request's `limit` and `offset` query parameters select, in the envelope.
pub fn paged(items: Vec<Value>, req: &Request<'_>) -> Answer {
    Ok(data(Value::Array(page(
        items,
        req.usize_param("limit")?,
        req.usize_param("offset")?,
    ))))
}

/// `data.created_at` of a note or comment, which may be backdated: a timestamp from 1970 up to
/// `now` (ns since 1970), or `now` when it is absent or null.
pub fn created_at(d: &Map<String, Value>, now: i128) -> Result<i128, ApiError> {
    let Some(v) = d.get("created_at").filter(|v| !v.is_null()) else {
        return Ok(now);
    };
    let at = v
        .as_str()
        .and_then(parse_timestamp)
        .map(|t| t.unix_timestamp_nanos())
        .ok_or_else(|| ApiError::validation("data.created_at must be a timestamp."))?;
    if at < 0 || at > now {
        return Err(ApiError::validation(
            "data.created_at must not be before 1970 or in the future.",
        ));
    }
    Ok(at)
}

/// 400 `validation_type` if `d` has a key not in `allowed`.
pub fn only_fields(d: &Map<String, Value>, allowed: &[&str]) -> Result<(), ApiError> {
    match d.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(ApiError::validation(format!("Unknown field data.{k}."))),
        None => Ok(()),
    }
}

/// The string field `data.{key}` (400 `validation_type` if it is missing or not a string).
pub fn str_field<'a>(d: &'a Map<String, Value>, key: &str) -> Result<&'a str, ApiError> {
    d.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::validation(format!("data.{key} must be a string.")))
}
