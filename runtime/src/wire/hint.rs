//! On a decode failure (and only then): which Rust field failed, and what to write instead.
//!
//! The JSON path of the failure names the attribute (`data.values.<slug>[i]...`, or
//! `data.entry_values.<slug>[i]...` in an entry); the struct's
//! field table names the Rust field and its declared type; the body, read again as plain JSON,
//! says which type Attio sent, or which attributes the record has when the field's is missing.

use serde_json::Value;

use crate::error::{FieldHint, Missing};
use crate::values::{AttioObject, AttributeType, Cardinality, FieldInfo};

/// The struct a decode expected.
#[derive(Clone, Copy)]
pub(crate) struct Object {
    name: &'static str,
    fields: &'static [FieldInfo],
}

/// One step of a JSON path.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Object {
    pub(crate) fn of<T: AttioObject>() -> Self {
        let full = std::any::type_name::<T>();
        Object {
            name: full.rsplit("::").next().unwrap_or(full),
            fields: T::FIELDS,
        }
    }

    /// The hint for a failure at `json_path` in `body`, when it is inside a record's values.
    pub(crate) fn hint(self, body: &[u8], json_path: &str) -> Option<FieldHint> {
        let steps = steps(json_path);
        let at = steps
            .windows(2)
            .position(|w| matches!(w, [Step::Key("values" | "entry_values"), Step::Key(_)]))?;
        let Step::Key(slug) = steps[at + 1] else {
            return None;
        };
        let field = self.fields.iter().find(|f| f.slug == slug)?;
        let mut hint = FieldHint {
            object: self.name,
            field: field.name,
            attribute: field.slug,
            declared: field.rust_type,
            instead: None,
            missing: None,
        };
        let Ok(root) = serde_json::from_slice::<Value>(body) else {
            return Some(hint);
        };
        let Some(Value::Object(values)) = walk(&root, &steps[..=at]) else {
            return Some(hint);
        };
        match values.get(slug) {
            None => {
                let mut present: Vec<String> = values.keys().cloned().collect();
                present.sort();
                let nearest = nearest(slug, &present);
                hint.missing = Some(Missing { present, nearest });
            }
            Some(array) => {
                hint.instead = match steps.get(at + 2) {
                    // One value object failed: was it of another type?
                    Some(Step::Index(i)) => array
                        .get(i)
                        .and_then(|v| v.get("attribute_type"))
                        .and_then(Value::as_str)
                        .map(|t| t.parse::<AttributeType>().unwrap_or_else(|n| match n {}))
                        .filter(|found| *found != field.attribute_type)
                        .and_then(|found| declare(field, &found)),
                    // The attribute as a whole: no current value for a required field.
                    _ if field.cardinality == Cardinality::Required => {
                        Some(format!("Option<{}>", field.rust_type))
                    }
                    _ => None,
                };
            }
        }
        Some(hint)
    }
}

/// The type to declare `field` as for values of type `found`, keeping its shape.
fn declare(field: &FieldInfo, found: &AttributeType) -> Option<String> {
    let mut value = found.rust_type()?.to_owned();
    if field.rust_type.contains("WithMeta<") {
        value = format!("attio::WithMeta<{value}>");
    }
    Some(match field.cardinality {
        Cardinality::Required => value,
        Cardinality::Optional => format!("Option<{value}>"),
        Cardinality::Multiple => format!("Vec<{value}>"),
    })
}

/// The present slug nearest to `slug`, when one is near enough to be a typo.
fn nearest(slug: &str, present: &[String]) -> Option<String> {
    present
        .iter()
        .map(|p| (strsim::levenshtein(slug, p), p))
        .filter(|(d, p)| *d <= (slug.len().max(p.len()) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p.clone())
}

/// `data[3].values.name[0].value` as steps.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(end) = rest.find(']') {
            if let Ok(i) = rest[1..end].parse() {
                out.push(Step::Index(i));
            }
            rest = &rest[end + 1..];
        }
    }
    out
}

fn walk<'v>(mut value: &'v Value, steps: &[Step<'_>]) -> Option<&'v Value> {
    for step in steps {
        value = match step {
            Step::Key(k) => value.get(*k)?,
            Step::Index(i) => value.get(*i)?,
        };
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_steps() {
        assert_eq!(
            steps("data[3].values.name[0].value"),
            vec![
                Step::Key("data"),
                Step::Index(3),
                Step::Key("values"),
                Step::Key("name"),
                Step::Index(0),
                Step::Key("value")
            ]
        );
        assert_eq!(steps("."), vec![]);
    }

    #[test]
    fn nearest_finds_typos_only() {
        let present = ["email_addresses".to_owned(), "name".to_owned()];
        assert_eq!(
            nearest("email_adresses", &present).as_deref(),
            Some("email_addresses")
        );
        assert_eq!(nearest("job_title", &present), None);
    }
}
