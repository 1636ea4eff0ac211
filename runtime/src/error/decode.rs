//! [`DecodeError`]: a success answer that did not decode, told in terms of the Rust struct.

use std::fmt;

use super::{Outcome, RequestLine};

/// A response body that did not decode: where (the JSON path), why, which Rust field, and what to
/// declare instead.
///
/// ```
/// # #[attio::attio_object(slug = "users")] #[derive(Debug)] struct User { user_id: String }
/// let body = br#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_id":[{"attribute_type":"number","value":12}]}}}"#;
/// let err = attio::wire::decode_record::<User>(body).unwrap_err();
/// assert_eq!(err.path(), "data.values.user_id[0].value");
/// assert_eq!(err.field(), Some("user_id"));
/// assert!(err.to_string().contains("declare it as f64"), "{err}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    request: Option<RequestLine>,
    json_path: String,
    reason: String,
    hint: Option<FieldHint>,
}

/// What the struct says about the field that failed, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldHint {
    /// The Rust struct's name.
    pub(crate) object: &'static str,
    /// The Rust field.
    pub(crate) field: &'static str,
    /// The attribute slug.
    pub(crate) attribute: &'static str,
    /// The field's Rust type as written.
    pub(crate) declared: &'static str,
    /// What it should be declared as, when the answer says.
    pub(crate) instead: Option<String>,
    /// The attribute is missing from the answer: the attributes it has, and the nearest slug.
    pub(crate) missing: Option<Missing>,
}

/// The attributes there are, when the field's attribute was not among them: the keys of a record
/// in the answer (a required field), or the attributes the object's schema lists (an optional or
/// `Vec` field, whose attribute the client's first-use check found missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Missing {
    pub(crate) present: Vec<String>,
    pub(crate) nearest: Option<String>,
    /// `None`: `present` are the record's keys. `Some("the object `people`")`: they are the
    /// attributes its schema lists.
    pub(crate) listed_by: Option<String>,
}

impl DecodeError {
    pub(crate) fn new(json_path: String, reason: String, hint: Option<FieldHint>) -> Self {
        DecodeError(Box::new(Inner {
            request: None,
            json_path,
            reason,
            hint,
        }))
    }

    /// The JSON path that failed, e.g. `data.values.user_id[0].value`.
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// eprintln!("the response did not decode at {}", err.path());
    /// # }
    /// ```
    pub fn path(&self) -> &str {
        &self.0.json_path
    }

    /// Why it failed, e.g. ``expected a `number` value, found a `currency` value``.
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// eprintln!("{}", err.reason());
    /// # }
    /// ```
    pub fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The Rust field whose attribute failed, when the failure is inside a record's values.
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// if let Some(field) = err.field() { eprintln!("fix the field `{field}`"); }
    /// # }
    /// ```
    pub fn field(&self) -> Option<&str> {
        self.0.hint.as_ref().map(|h| h.field)
    }

    /// The Rust type to declare the field as instead, when the answer says
    /// (e.g. `Option<attio::Currency>`).
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// if let Some(ty) = err.suggested_type() { eprintln!("declare it as {ty}"); }
    /// # }
    /// ```
    pub fn suggested_type(&self) -> Option<&str> {
        self.0.hint.as_ref().and_then(|h| h.instead.as_deref())
    }

    /// The live attribute slug the field most likely meant, when its attribute is missing: for a
    /// typo'd field (`job_titel`), the nearest slug the record or the object has (`job_title`).
    ///
    /// ```
    /// #[attio::attio_object(slug = "users")]
    /// #[derive(Debug)]
    /// struct User { user_idd: String }
    ///
    /// let body = br#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_id":[]}}}"#;
    /// let err = attio::wire::decode_record::<User>(body).unwrap_err();
    /// assert_eq!(err.field(), Some("user_idd"));
    /// assert_eq!(err.nearest_attribute(), Some("user_id"));
    /// ```
    pub fn nearest_attribute(&self) -> Option<&str> {
        self.0
            .hint
            .as_ref()
            .and_then(|h| h.missing.as_ref())
            .and_then(|m| m.nearest.as_deref())
    }

    /// The request whose answer this was, when it came from the client.
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// if let Some(r) = err.request() { eprintln!("{} {}", r.method(), r.path()); }
    /// # }
    /// ```
    pub fn request(&self) -> Option<&RequestLine> {
        self.0.request.as_ref()
    }

    /// [`Outcome::Applied`] for a write (Attio applied it; only the answer was lost), otherwise
    /// [`Outcome::NotApplied`].
    ///
    /// ```
    /// # fn report(err: &attio::DecodeError) {
    /// if err.outcome() == attio::Outcome::Applied { eprintln!("the write landed"); }
    /// # }
    /// ```
    pub fn outcome(&self) -> Outcome {
        match &self.0.request {
            Some(r) if r.is_write() => Outcome::Applied,
            _ => Outcome::NotApplied,
        }
    }

    /// Applies `f` to every text that came from the answer (the path, the reason, the names of
    /// the attributes the record had), e.g. to redact secrets a server echoed into them.
    pub(crate) fn map_texts(mut self, mut f: impl FnMut(&mut String)) -> Self {
        let inner = &mut *self.0;
        f(&mut inner.json_path);
        f(&mut inner.reason);
        if let Some(hint) = &mut inner.hint {
            if let Some(instead) = &mut hint.instead {
                f(instead);
            }
            if let Some(missing) = &mut hint.missing {
                missing.present.iter_mut().for_each(&mut f);
                if let Some(nearest) = &mut missing.nearest {
                    f(nearest);
                }
            }
        }
        self
    }

    pub(crate) fn with_request(mut self, request: RequestLine) -> Self {
        self.0.request = Some(request);
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.request {
            Some(r) => write!(f, "the response to {r}")?,
            None => f.write_str("the response")?,
        }
        write!(
            f,
            " did not decode at `{}`: {}",
            self.0.json_path, self.0.reason
        )?;
        if let Some(h) = &self.0.hint {
            match &h.missing {
                Some(m) => {
                    write!(f, ". The field `{}` of `{}` reads it", h.field, h.object)?;
                    if let Some(nearest) = &m.nearest {
                        write!(
                            f,
                            "; did you mean `{nearest}`? (rename the field, or add #[attio(rename = \"{nearest}\")])"
                        )?;
                    }
                    match (&m.listed_by, m.present.is_empty()) {
                        (None, true) => f.write_str("; the record has no attributes")?,
                        (None, false) => write!(f, "; the record has: {}", m.present.join(", "))?,
                        (Some(target), true) => write!(f, "; {target} has no attributes")?,
                        (Some(target), false) => {
                            write!(f, "; {target} has: {}", m.present.join(", "))?
                        }
                    }
                    match (&m.nearest, &m.listed_by) {
                        (Some(_), _) => {}
                        (None, None) => write!(
                            f,
                            "; if the attribute may really be absent, declare the field as Option<_>"
                        )?,
                        (None, Some(_)) => write!(
                            f,
                            "; name an existing attribute with #[attio(rename = \"...\")], or create `{}` (`client.ensure_schema::<{}>()` does)",
                            h.attribute, h.object
                        )?,
                    }
                }
                None => {
                    write!(
                        f,
                        ". The field `{}` of `{}` (attribute `{}`) is declared as {}",
                        h.field, h.object, h.attribute, h.declared
                    )?;
                    if let Some(instead) = &h.instead {
                        write!(f, "; declare it as {instead}")?;
                    }
                }
            }
        }
        if self.outcome() == Outcome::Applied {
            f.write_str(Outcome::Applied.note())?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}
