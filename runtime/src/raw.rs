//! The escape hatch: [`Client::request`], for endpoints newer than this crate, through the same
//! authentication, rate limits, retries and errors as every typed method.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::{Error, RequestLine, Result};
use crate::operation::{self, Method, raw::Declared};

/// A request to any Attio endpoint, built by [`Client::request`] and sent by
/// [`send`](RawRequest::send).
///
/// Whether it may be retried follows its method (`GET`, `PUT` and `DELETE` are retried after
/// failures that may have reached Attio; `POST` and `PATCH` only when they were never sent) unless
/// you say otherwise with [`read_only`](RawRequest::read_only) or
/// [`idempotent`](RawRequest::idempotent).
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent with `.send().await`"]
pub struct RawRequest<'c> {
    client: &'c Client,
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: Option<std::result::Result<Vec<u8>, serde_json::Error>>,
    declared: Declared,
}

impl Client {
    /// A request to `path` (under the base URL, starting with `/v2/`), for endpoints this crate
    /// does not type yet. Send it with [`RawRequest::send`], decoding the answer as any
    /// `Deserialize` type, or as `serde_json::Value`.
    ///
    /// ```no_run
    /// use attio::Method;
    /// use serde_json::{Value, json};
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let merged: Value = client
    ///     .request(Method::Post, "/v2/objects/people/records/merge")
    ///     .json(&json!({"data": {"source_record_id": "…", "target_record_id": "…"}}))
    ///     .send()
    ///     .await?;
    ///
    /// // Files are newer than this SDK's OpenAPI document.
    /// let files: Value = client
    ///     .request(Method::Get, "/v2/files")
    ///     .query("limit", 50)
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn request(&self, method: Method, path: impl Into<String>) -> RawRequest<'_> {
        RawRequest {
            client: self,
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            declared: Declared::default(),
        }
    }
}

impl RawRequest<'_> {
    /// Adds `key=value` to the query string (percent-encoded).
    pub fn query(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((key.into(), value.to_string()));
        self
    }

    /// Sends `body` as JSON. Write Attio's envelope yourself (usually `{"data": …}`).
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = Some(serde_json::to_vec(body));
        self
    }

    /// Marks a `POST` that changes nothing (a query): it counts against the read rate limit and
    /// is retried like a `GET`.
    pub fn read_only(mut self) -> Self {
        self.declared.read_only = true;
        self
    }

    /// Says whether sending the request twice leaves Attio as sending it once, when you know
    /// better than its method does (a `POST` that asserts by a unique attribute, say).
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.declared.idempotent = Some(idempotent);
        self
    }

    /// Sends the request and decodes the answer's body as `R` (an empty body as JSON `null`, so
    /// `()` and `Option<_>` accept it). Errors are the typed methods' errors, naming this request.
    pub async fn send<R: DeserializeOwned>(self) -> Result<R> {
        check_path(&self.path)?;
        let mut path = self.path;
        if !self.query.is_empty() {
            let query = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&self.query)
                .finish();
            path = format!("{path}?{query}");
        }
        let body = match self.body {
            None => None,
            Some(Ok(bytes)) => Some(bytes),
            Some(Err(source)) => {
                let write = self.method != Method::Get && !self.declared.read_only;
                return Err(Error::Encode {
                    request: RequestLine::new(self.method.as_str(), path, write),
                    source,
                });
            }
        };
        let op = operation::raw::request::<R>(self.method, path, body, self.declared);
        self.client.execute(op).await
    }
}

/// Refuses a path that is not an API path under the base URL, saying what to write instead.
fn check_path(path: &str) -> Result<()> {
    let refuse = |why: &str| {
        Err(Error::InvalidInput(format!(
            "`{path}` is not an Attio API path: {why}"
        )))
    };
    if path.starts_with("http://") || path.starts_with("https://") {
        let at = path.find("/v2/").unwrap_or(path.len());
        return refuse(&format!(
            "give the path under the client's base URL, e.g. `{}`",
            if at < path.len() {
                &path[at..]
            } else {
                "/v2/self"
            }
        ));
    }
    if !path.starts_with("/v2/") {
        let fixed = format!("/{}", path.trim_start_matches('/'));
        return refuse(&format!("it starts with `/v2/`, e.g. `{fixed}`"));
    }
    if path.contains(['?', '#']) {
        return refuse("add query parameters with `.query(key, value)`, not in the path");
    }
    if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse("it contains whitespace or control characters; percent-encode them");
    }
    if path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return refuse("`.` and `..` segments are not allowed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_path;

    #[test]
    fn a_bad_path_says_what_to_write() {
        let said = |p: &str| check_path(p).unwrap_err().to_string();
        assert!(said("https://api.attio.com/v2/self").contains("e.g. `/v2/self`"));
        assert!(said("v2/notes").contains("e.g. `/v2/notes`"));
        assert!(said("/v2/notes?limit=5").contains(".query(key, value)"));
        assert!(said("/v2/notes/../webhooks").contains("`..`"));
        assert!(said("/v2/a b").contains("whitespace"));
        assert!(check_path("/v2/objects/people/records/merge").is_ok());
    }
}
