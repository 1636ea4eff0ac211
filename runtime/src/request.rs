//! Descriptions of operations (method, path, body), separate from their execution.

use reqwest::Method;

use crate::error::{Error, Result};
use crate::object::AttioObject;
use crate::record::RecordId;

/// One HTTP request to Attio, described but not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Request {
    pub(crate) method: Method,
    /// The path under the base URL, starting with `/v2/`.
    pub(crate) path: String,
    /// A JSON body, when the operation has one.
    pub(crate) body: Option<Vec<u8>>,
    /// Whether sending it twice leaves Attio as sending it once (see [`RetryPolicy`](crate::RetryPolicy)).
    pub(crate) idempotent: bool,
}

impl Request {
    /// `PATCH /v2/objects/{slug}/records/{record_id}` with `{"data":{"values":{...}}}`.
    pub(crate) fn update<T: AttioObject>(values: &T, id: &RecordId) -> Result<Self> {
        Ok(Request {
            method: Method::PATCH,
            path: record_path::<T>(id),
            body: Some(write_body(values)?),
            // A PATCH appends to multiselects: repeating it could add the values twice.
            idempotent: !has_multiselect::<T>(),
        })
    }

    /// `POST /v2/objects/{slug}/records` with `{"data":{"values":{...}}}`: never idempotent.
    pub(crate) fn create<T: AttioObject>(values: &T) -> Result<Self> {
        Ok(Request {
            method: Method::POST,
            path: format!("/v2/objects/{}/records", T::SLUG),
            body: Some(write_body(values)?),
            idempotent: false,
        })
    }

    /// `GET /v2/objects/{slug}/records/{record_id}`.
    pub(crate) fn get<T: AttioObject>(id: &RecordId) -> Self {
        Request {
            method: Method::GET,
            path: record_path::<T>(id),
            body: None,
            idempotent: true,
        }
    }

    /// Whether the request counts against Attio's write limit (queries are reads, though POSTed).
    pub(crate) fn is_write(&self) -> bool {
        match self.method {
            Method::GET | Method::HEAD | Method::OPTIONS => false,
            Method::POST => !self.path.ends_with("/query"),
            _ => true,
        }
    }
}

/// Whether `T` has a writable multiselect field, whose values a PATCH appends.
pub(crate) fn has_multiselect<T: AttioObject>() -> bool {
    T::FIELDS
        .iter()
        .any(|f| !f.read_only && f.cardinality == crate::Cardinality::Multiple)
}

/// `/v2/objects/{slug}/records/{record_id}`; both parts are checked path segments.
pub(crate) fn record_path<T: AttioObject>(id: &RecordId) -> String {
    format!("/v2/objects/{}/records/{}", T::SLUG, id.as_str())
}

/// Validates `values` and encodes the write body straight to bytes.
pub(crate) fn write_body<T: AttioObject>(values: &T) -> Result<Vec<u8>> {
    values.validate()?;
    serde_json::to_vec(&crate::__private::WriteBody(values)).map_err(Error::Encode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_path_places_the_id_verbatim() {
        struct Users;
        impl AttioObject for Users {
            const SLUG: &'static str = "users";
            const FIELDS: &'static [crate::FieldInfo] = &[];
            fn encode_values<M: serde::ser::SerializeMap>(
                &self,
                _: &mut M,
            ) -> std::result::Result<(), M::Error> {
                Ok(())
            }
            fn decode_values<'de, A: serde::de::MapAccess<'de>>(
                _: A,
            ) -> std::result::Result<Self, A::Error> {
                Ok(Users)
            }
            fn validate(&self) -> Result<()> {
                Ok(())
            }
        }
        let id: RecordId = "72ef5feaf-4919-4208-b332-1339ab8ba040".parse().unwrap();
        let req = Request::update(&Users, &id).unwrap();
        assert_eq!(req.method, Method::PATCH);
        assert_eq!(
            req.path,
            "/v2/objects/users/records/72ef5feaf-4919-4208-b332-1339ab8ba040"
        );
        assert_eq!(req.body.as_deref(), Some(&br#"{"data":{"values":{}}}"#[..]));
        assert!(req.idempotent, "no multiselect fields");
        assert!(req.is_write());
    }
}
