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

    /// `PUT /v2/objects/{slug}/records/{record_id}` with `{"data":{"values":{...}}}`: replaces
    /// the values of every attribute sent (multiselects included). Sending the same PUT twice
    /// leaves the record as sending it once: idempotent.
    pub(crate) fn overwrite<T: AttioObject>(values: &T, id: &RecordId) -> Result<Self> {
        Ok(Request {
            method: Method::PUT,
            path: record_path::<T>(id),
            body: Some(write_body(values)?),
            idempotent: true,
        })
    }

    /// `DELETE /v2/objects/{slug}/records/{record_id}`: idempotent (a repeat finds nothing to
    /// delete, and answers 404, which the caller sees only if the first answer was lost).
    pub(crate) fn delete<T: AttioObject>(id: &RecordId) -> Self {
        Request {
            method: Method::DELETE,
            path: record_path::<T>(id),
            body: None,
            idempotent: true,
        }
    }

    /// `PUT /v2/objects/{slug}/records?matching_attribute={attribute}`: creates the record, or
    /// updates the one whose unique `attribute` has the value sent.
    ///
    /// Idempotent only when the object has no writable multiselect field other than the matching
    /// attribute. A repeat finds the record the first attempt created or updated (by the same
    /// unique value), writes the same single values, and adds no value to the matching attribute
    /// that it does not already hold. Attio documents that an assert *overwrites* the other
    /// multiselect attributes, which would be idempotent too, but that is not verified against
    /// the live API, and were they appended, a repeat would add their values twice; so such
    /// asserts are treated as not idempotent (retried only when they never reached Attio).
    pub(crate) fn assert<T: AttioObject>(values: &T, attribute: &'static str) -> Result<Self> {
        crate::record::check_path_segment(attribute).map_err(|reason| {
            Error::Config(format!(
                "invalid matching attribute {attribute:?}: {reason}"
            ))
        })?;
        let other_multiselect = T::FIELDS.iter().any(|f| {
            !f.read_only && f.cardinality == crate::Cardinality::Multiple && f.slug != attribute
        });
        Ok(Request {
            method: Method::PUT,
            path: format!(
                "/v2/objects/{}/records?matching_attribute={attribute}",
                T::SLUG
            ),
            body: Some(write_body(values)?),
            idempotent: !other_multiselect,
        })
    }

    /// `GET /v2/objects/{slug}/records/{record_id}/attributes/{attribute}/values?show_historic=true`.
    pub(crate) fn history<T: AttioObject>(id: &RecordId, attribute: &'static str) -> Result<Self> {
        crate::record::check_path_segment(attribute).map_err(|reason| {
            Error::Config(format!("invalid attribute slug {attribute:?}: {reason}"))
        })?;
        Ok(Request {
            method: Method::GET,
            path: format!(
                "{}/attributes/{attribute}/values?show_historic=true",
                record_path::<T>(id)
            ),
            body: None,
            idempotent: true,
        })
    }

    /// `POST /v2/objects/{slug}/records/query` with `body`: a read, idempotent.
    pub(crate) fn query<T: AttioObject>(body: &serde_json::Value) -> Result<Self> {
        Ok(Request {
            method: Method::POST,
            path: format!("/v2/objects/{}/records/query", T::SLUG),
            body: Some(serde_json::to_vec(body).map_err(Error::Encode)?),
            idempotent: true,
        })
    }

    /// A `PATCH` or `PUT` of the record `id` with a prepared `{"data":{"values":{...}}}` body.
    pub(crate) fn write_values<T: AttioObject>(
        method: Method,
        id: &RecordId,
        body: Vec<u8>,
        idempotent: bool,
    ) -> Self {
        Request {
            method,
            path: record_path::<T>(id),
            body: Some(body),
            idempotent,
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
        #[crate::attio_object(slug = "users")]
        struct Users {}

        let id: RecordId = "72ef5feaf-4919-4208-b332-1339ab8ba040".parse().unwrap();
        let req = Request::update(&Users {}, &id).unwrap();
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
