//! A struct's fields checked against the workspace the first time the client uses the struct, so
//! that a field whose attribute does not exist is an error that names the nearest live slug, not a
//! field that quietly reads `None`.
//!
//! # The problem
//!
//! A field named after no attribute (`job_titel: Option<String>` on `people`, for `job_title`) is
//! a typo Attio cannot report on a read: nothing asks for the attribute by name. A required field
//! fails to decode (the record has no key for it, and the [`DecodeError`] names the nearest key),
//! but an `Option<T>` field would read `None`, and a `Vec<T>` field `[]`, forever.
//!
//! # The design: the answer raises the question, the schema answers it
//!
//! Attio writes an attribute with no value as `[]` rather than leaving it out, and the sandbox
//! renders every attribute of a record that way. But Attio's documentation does not promise a
//! key for *every* attribute: the OpenAPI document types a record's `values` as an open map of
//! arrays with no required keys; the published example answers show a few keys each (the
//! "update a user record" answer has `user_id`, `primary_email_address`, `person` and
//! `workspace`, not the `created_at`, `created_by` and `record_id` that every object has); and
//! the people object's page says that some enriched attributes may be hidden from the API on some
//! billing plans. An absent key is therefore a sign that the attribute does not exist, not a
//! proof, and failing a decode on it alone could turn a field that reads `None` correctly today
//! into an error tomorrow.
//!
//! So the schema decides. Until a struct is verified on a client, each answer that decodes is
//! scanned ([`keys_of`]): when every record in it has a key for every field, as the sandbox's
//! answers have, the struct is verified at no cost. When a field's key is absent, the client
//! reads the attributes of the object or list (archived ones too): a field whose attribute
//! exists is fine (the answer only left it out), and the struct is verified; a field whose
//! attribute does not exist fails the call with a [`DecodeError`] that names the field, the slug
//! it looked for and the nearest live slug, and the next answer is checked again. A schema that
//! cannot be read (a token without `object_configuration:read`, say) leaves the answer as
//! decoded, and the check is not tried again for that struct.
//!
//! A write that sends a value for such an attribute is refused by Attio (`400 value_not_found`;
//! the sandbox says "Cannot find attribute with slug/ID …"); the client then reads the schema the
//! same way and adds the same hint to the [`ApiError`].

use std::collections::HashSet;
use std::sync::RwLock;

use super::Client;
use crate::error::{ApiError, DecodeError, ErrorCode, FieldHint, Missing};
use crate::operation::Declared;
use crate::operation::schema as ops;
use crate::values::FieldInfo;
use crate::wire::schema::{Attribute, Target};
use crate::wire::{Keys, keys_of, nearest_attribute};

/// The most pages of attributes read for one check: a server that ignores `offset` cannot keep
/// the client reading.
const MAX_ATTRIBUTE_PAGES: usize = 20;

/// The structs this client has found to name only existing attributes (or could not check).
#[derive(Debug, Default)]
pub(crate) struct Verified(RwLock<HashSet<VerifiedKey>>);

/// A struct, as its declaration names it: name, slug, list or object, and its field table.
type VerifiedKey = (&'static str, &'static str, &'static str, usize);

fn key(declared: &Declared) -> VerifiedKey {
    (
        declared.name,
        declared.slug,
        declared.kind.collection(),
        declared.fields.as_ptr() as usize,
    )
}

impl Verified {
    fn contains(&self, declared: &Declared) -> bool {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&key(declared))
    }

    fn insert(&self, declared: &Declared) {
        self.0
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key(declared));
    }
}

impl Declared {
    /// Where its attributes live.
    fn schema_target(&self) -> Target {
        Target::of_kind(self.kind, self.slug)
    }
}

impl Client {
    /// After an answer about `declared` decoded: until the struct is verified, the check
    /// described in the module's documentation. An error is a field whose attribute does not
    /// exist.
    pub(super) async fn check_declared(
        &self,
        declared: &Declared,
        body: &[u8],
    ) -> Result<(), DecodeError> {
        let verified = &self.inner.verified;
        if verified.contains(declared) {
            return Ok(());
        }
        let absent = match keys_of(body, declared.fields) {
            Keys::Unknown => return Ok(()),
            Keys::All => {
                verified.insert(declared);
                return Ok(());
            }
            Keys::Absent(absent) => absent,
        };
        let Some(live) = self.live_attributes(&declared.schema_target()).await else {
            tracing::debug!(
                rust_type = declared.name,
                "the schema could not be read to check the struct's fields; the answer stands"
            );
            verified.insert(declared);
            return Ok(());
        };
        let missing: Vec<(&'static FieldInfo, String)> = absent
            .into_iter()
            .filter(|(field, _)| !live.iter().any(|a| a.api_slug == field.slug))
            .collect();
        match missing.split_first() {
            None => {
                verified.insert(declared);
                Ok(())
            }
            Some(((field, path), others)) => {
                Err(no_such_attribute(declared, field, path, others, &live))
            }
        }
    }

    /// Attio's refusal of a request about `declared`, with a hint when it is about a field whose
    /// attribute does not exist: the field, the slug, and the nearest live slug. Any other
    /// error, or a schema that cannot be read, leaves `e` as it was.
    pub(super) async fn explain_unknown_attribute(
        &self,
        e: ApiError,
        declared: &Declared,
    ) -> ApiError {
        // `value_not_found` is Attio's answer to a value for an unknown attribute (a `404` that
        // speaks of an attribute, just in case). Other refusals, a `uniqueness_conflict` that
        // names the attribute say, are not about its existence: no schema read for them.
        let unknown = e.code == ErrorCode::ValueNotFound
            || (e.code == ErrorCode::NotFound
                && e.message.to_ascii_lowercase().contains("attribute"));
        if !unknown {
            return e;
        }
        let named: Vec<&'static FieldInfo> = declared
            .fields
            .iter()
            .filter(|f| mentions(&e.message, f.slug))
            .collect();
        if named.is_empty() {
            return e;
        }
        let Some(live) = self.live_attributes(&declared.schema_target()).await else {
            return e;
        };
        let Some(field) = named
            .into_iter()
            .find(|f| !live.iter().any(|a| a.api_slug == f.slug))
        else {
            return e;
        };
        let target = declared.target();
        let (rust, name, slug) = (declared.name, field.name, field.slug);
        let hint = match nearest_live(slug, &live) {
            Some(near) => format!(
                "`{rust}::{name}` writes the attribute `{slug}`, which {target} does not have: did you mean `{near}`? Write #[attio(rename = \"{near}\")] on `{name}`, or rename the field"
            ),
            None => format!(
                "`{rust}::{name}` writes the attribute `{slug}`, which {target} does not have: name an existing attribute with #[attio(rename = \"...\")], or create `{slug}` (`client.ensure_schema::<{rust}>()` does)"
            ),
        };
        // Slugs are the server's text: redacted like any other.
        e.with_hint(self.redact(&hint))
    }

    /// Every attribute (archived ones too) of `target`, page by page, sent directly rather than
    /// through `execute` so that a failure here is not explained in turn; `None` when they
    /// cannot be read. Their ids and slugs are remembered for naming attributes in errors.
    pub(super) async fn live_attributes(&self, target: &Target) -> Option<Vec<Attribute>> {
        let path = ops::attributes_path(target).ok()?;
        let span = tracing::debug_span!("attio.schema_cache");
        let mut all: Vec<Attribute> = Vec::new();
        for _ in 0..MAX_ATTRIBUTE_PAGES {
            let (op, decode) =
                ops::attributes_page(&path, true, ops::ATTRIBUTE_PAGE, all.len()).split();
            let line = op.line();
            let body = self.send(&op, &line, &span).await.ok()?;
            let page = decode(&body).ok()?;
            let last = page.len() < ops::ATTRIBUTE_PAGE;
            all.extend(page);
            if last {
                break;
            }
        }
        self.remember_unique(target, &all);
        for attribute in &all {
            self.remember_attribute(
                attribute.id.attribute_id.as_str(),
                &attribute.api_slug,
                None,
            );
        }
        Some(all)
    }
}

/// The unarchived slug of `live` nearest to `slug`.
fn nearest_live(slug: &str, live: &[Attribute]) -> Option<String> {
    nearest_attribute(
        slug,
        live.iter()
            .filter(|a| !a.is_archived)
            .map(|a| a.api_slug.as_str()),
    )
}

/// The decode error for `field`, whose attribute `declared`'s object (or list) does not have;
/// `others` are further such fields.
fn no_such_attribute(
    declared: &Declared,
    field: &'static FieldInfo,
    path: &str,
    others: &[(&'static FieldInfo, String)],
    live: &[Attribute],
) -> DecodeError {
    let target = declared.target();
    let mut reason = format!(
        "{target} has no attribute `{}`, so the field would never hold a value",
        field.slug
    );
    for (other, _) in others {
        reason.push_str(&format!(
            "; nor `{}` (the field `{}`)",
            other.slug, other.name
        ));
    }
    let mut present: Vec<String> = live
        .iter()
        .filter(|a| !a.is_archived)
        .map(|a| a.api_slug.clone())
        .collect();
    present.sort();
    let hint = FieldHint {
        object: declared.name,
        field: field.name,
        attribute: field.slug,
        declared: field.rust_type,
        instead: None,
        missing: Some(Missing {
            present,
            nearest: nearest_live(field.slug, live),
            listed_by: Some(target),
        }),
    };
    DecodeError::new(path.to_owned(), reason, Some(hint))
}

/// Whether `message` names `slug` as a whole word (`"job_titel"`, not `job_titel_2`).
fn mentions(message: &str, slug: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    message.match_indices(slug).any(|(at, _)| {
        let before = message[..at].chars().next_back();
        let after = message[at + slug.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_whole_words_only() {
        let message = r#"Cannot find attribute with slug/ID "job_titel" on object "people"."#;
        assert!(mentions(message, "job_titel"));
        assert!(mentions(message, "people"));
        assert!(!mentions(message, "job"));
        assert!(!mentions(message, "titel"));
        assert!(!mentions("", "job_titel"));
    }
}
