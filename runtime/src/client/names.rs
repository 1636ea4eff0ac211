//! Naming attributes in Attio's errors. Some errors name an attribute only by id (`Required value
//! for attribute with ID "403d3de2-…"`); once the client knows the schema (after a schema check,
//! or by reading it on such an error when the schema cache is on), the error also says the slug
//! and the Rust field.
//!
//! What the same reads say of uniqueness is kept too: a create whose answer is lost is resolved
//! through a unique attribute, and the live schema's `is_unique` counts as much as a field's
//! `#[attio(unique)]`.

use std::collections::{HashMap, HashSet};
use std::sync::RwLock;

use crate::error::NamedAttribute;

/// Attribute ids the client has seen, with their slugs and (when a struct was checked) fields.
#[derive(Debug, Default)]
pub(crate) struct AttributeNames {
    known: RwLock<HashMap<String, NamedAttribute>>,
    /// The objects and lists whose attributes were read on a miss: each is read once.
    read: RwLock<HashSet<(String, String)>>,
    /// The slugs of the attributes the live schema says are unique (and not archived), by
    /// `(segment, identifier)` of the object or list: `("objects", "people")`.
    unique: RwLock<HashMap<(String, String), HashSet<String>>>,
    /// Read a target's attributes when an error names an unknown id.
    pub(crate) fetch_on_miss: bool,
}

impl AttributeNames {
    pub(crate) fn new(fetch_on_miss: bool) -> Self {
        AttributeNames {
            known: RwLock::default(),
            read: RwLock::default(),
            unique: RwLock::default(),
            fetch_on_miss,
        }
    }

    /// Remembers `named` (a later entry for the same id wins, unless it would forget the field).
    pub(crate) fn remember(&self, named: NamedAttribute) {
        let mut known = self.known.write().unwrap_or_else(|e| e.into_inner());
        match known.get_mut(&named.id) {
            Some(old) if named.field.is_none() => old.slug = named.slug,
            _ => {
                known.insert(named.id.clone(), named);
            }
        }
    }

    /// Replaces what is known of the unique attributes of `target` (`("objects", "people")`)
    /// with `slugs`, those the live schema has just said are unique.
    pub(crate) fn learn_unique<'a>(
        &self,
        target: (&str, &str),
        slugs: impl IntoIterator<Item = &'a str>,
    ) {
        let slugs = slugs.into_iter().map(str::to_owned).collect();
        self.unique
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert((target.0.to_owned(), target.1.to_owned()), slugs);
    }

    /// Whether the live schema, when last read, said the attribute `slug` of `target` is unique.
    pub(crate) fn is_unique(&self, target: (&str, &str), slug: &str) -> bool {
        self.unique
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(target.0.to_owned(), target.1.to_owned()))
            .is_some_and(|slugs| slugs.contains(slug))
    }

    /// Whether the attributes of `target` should be read on a miss: the cache is on, and they
    /// were not read before (marks them read).
    pub(crate) fn should_read(&self, target: (&str, &str)) -> bool {
        self.fetch_on_miss
            && self
                .read
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert((target.0.to_owned(), target.1.to_owned()))
    }

    /// The names of the attribute ids in `message` that are known; and the ids that are not.
    /// A message that does not speak of an attribute names none.
    pub(crate) fn lookup(&self, message: &str) -> (Vec<NamedAttribute>, Vec<String>) {
        if !message.to_ascii_lowercase().contains("attribute") {
            return (Vec::new(), Vec::new());
        }
        let known = self.known.read().unwrap_or_else(|e| e.into_inner());
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for id in uuids(message) {
            match known.get(id) {
                Some(named) if !found.contains(named) => found.push(named.clone()),
                Some(_) => {}
                None => missing.push(id.to_owned()),
            }
        }
        (found, missing)
    }
}

/// The UUID-shaped words of `text` (8-4-4-4-12 hex digits), in order.
pub(crate) fn uuids(text: &str) -> impl Iterator<Item = &str> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .filter(|word| {
            let parts: Vec<&str> = word.split('-').collect();
            parts.len() == 5 && parts.iter().zip(GROUPS).all(|(p, n)| p.len() == n)
        })
}

/// The object or list a request's path is about: `("objects", "users")` for
/// `/v2/objects/users/records/…`.
pub(crate) fn target_of(path: &str) -> Option<(&str, &str)> {
    let mut segments = path.trim_start_matches('/').split(['/', '?']);
    if segments.next()? != "v2" {
        return None;
    }
    let kind = segments.next()?;
    let identifier = segments.next()?;
    (matches!(kind, "objects" | "lists") && identifier != "records").then_some((kind, identifier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_uuids_and_targets() {
        let message =
            r#"Required value for attribute with ID "403d3de2-2b4a-4d8c-9d16-0b6d4f5e7c11"."#;
        assert_eq!(
            uuids(message).collect::<Vec<_>>(),
            ["403d3de2-2b4a-4d8c-9d16-0b6d4f5e7c11"]
        );
        assert_eq!(uuids("no id-here 1234").count(), 0);
        assert_eq!(
            target_of("/v2/objects/users/records/abc"),
            Some(("objects", "users"))
        );
        assert_eq!(
            target_of("/v2/lists/sales/entries?x=1"),
            Some(("lists", "sales"))
        );
        assert_eq!(target_of("/v2/objects/records/search"), None);
        assert_eq!(target_of("/v2/notes"), None);
    }

    #[test]
    fn remembers_fields_over_bare_slugs() {
        let names = AttributeNames::new(false);
        let id = "403d3de2-2b4a-4d8c-9d16-0b6d4f5e7c11";
        names.remember(NamedAttribute {
            id: id.into(),
            slug: "user_id".into(),
            field: Some("User::user_id".into()),
        });
        names.remember(NamedAttribute {
            id: id.into(),
            slug: "user_id".into(),
            field: None,
        });
        let (found, missing) = names.lookup(&format!("attribute with ID \"{id}\""));
        assert_eq!(found[0].field.as_deref(), Some("User::user_id"));
        assert!(missing.is_empty());
    }

    #[test]
    fn the_last_read_of_a_schema_says_what_is_unique() {
        let names = AttributeNames::new(false);
        let people = ("objects", "people");
        assert!(!names.is_unique(people, "email_addresses"));
        names.learn_unique(people, ["email_addresses", "external_id"]);
        assert!(names.is_unique(people, "email_addresses"));
        assert!(!names.is_unique(("lists", "people"), "email_addresses"));
        assert!(!names.is_unique(people, "name"));
        names.learn_unique(people, ["email_addresses"]);
        assert!(
            !names.is_unique(people, "external_id"),
            "replaced, not added to"
        );
    }
}
