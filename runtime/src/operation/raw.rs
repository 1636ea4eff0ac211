//! Requests to endpoints this crate does not type ([`Client::request`](crate::Client::request)):
//! what is safe to repeat is decided by the method unless the caller says otherwise.
//!
//! | method | a write? | repeatable? |
//! |---|---|---|
//! | `GET` | no | yes |
//! | `PUT`, `DELETE` | yes | yes (an overwrite, an assert, a delete) |
//! | `POST`, `PATCH` | yes | no (a create; an append) |
//!
//! A `POST` that only reads (a query) can be marked as a read, which makes it repeatable too.

use serde::de::DeserializeOwned;

use super::{Method, Operation};
use crate::error::DecodeError;
use crate::wire;

/// What the caller said about a raw request, over the method's defaults.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Declared {
    /// The request changes nothing (a query sent as `POST`).
    pub(crate) read_only: bool,
    /// Whether repeating it is harmless, when the caller knows better than the method.
    pub(crate) idempotent: Option<bool>,
}

/// `method path` with `body`, decoding the answer as `R` (an empty answer decodes as JSON `null`).
pub(crate) fn request<R: DeserializeOwned>(
    method: Method,
    path: String,
    body: Option<Vec<u8>>,
    declared: Declared,
) -> Operation<R> {
    if method == Method::Get || declared.read_only {
        return Operation::read(method, path, body, decode::<R>);
    }
    let by_method = matches!(method, Method::Put | Method::Delete);
    let idempotent = declared.idempotent.unwrap_or(by_method);
    Operation::write(method, path, body, idempotent, decode::<R>)
}

fn decode<R: DeserializeOwned>(body: &[u8]) -> Result<R, DecodeError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        wire::decode_bare(b"null")
    } else {
        wire::decode_bare(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_method_decides_unless_the_caller_says() {
        let op = request::<()>(Method::Post, "/v2/x".into(), None, Declared::default());
        assert!(op.write && !op.idempotent);
        let op = request::<()>(Method::Delete, "/v2/x".into(), None, Declared::default());
        assert!(op.write && op.idempotent);
        let query = Declared {
            read_only: true,
            idempotent: None,
        };
        let op = request::<()>(Method::Post, "/v2/x/query".into(), None, query);
        assert!(!op.write && op.idempotent);
        let keyed = Declared {
            read_only: false,
            idempotent: Some(true),
        };
        let op = request::<()>(Method::Post, "/v2/x".into(), None, keyed);
        assert!(op.write && op.idempotent);
    }

    #[test]
    fn an_empty_answer_is_null() {
        let op = request::<Option<u8>>(Method::Delete, "/v2/x".into(), None, Declared::default());
        assert_eq!((op.decode)(b"").unwrap(), None);
        assert_eq!((op.decode)(b"3").unwrap(), Some(3));
    }
}
