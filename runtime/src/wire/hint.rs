//! On a decode failure (and only then): which Rust field failed, and what to write instead.
//!
//! The JSON path of the failure names the attribute (`data.values.<slug>[i]...`, or
//! `data.entry_values.<slug>[i]...` in an entry); the struct's
//! field table names the Rust field and its declared type; the body, read again as plain JSON,
//! says which type Attio sent, or which attributes the record has when the field's is missing.
//!
//! Also what the client's first-use check of a struct reads in an answer ([`keys_of`]: which
//! fields' attributes a record in it has no key for), and the live slug a missing one most likely
//! meant ([`nearest_attribute`], shared with the schema check and plan).

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
                hint.missing = Some(Missing {
                    present,
                    nearest,
                    listed_by: None,
                });
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

/// What an answer says about a struct's fields: whether each record (entry) in it has a key for
/// every field's attribute.
#[derive(Debug, PartialEq)]
pub(crate) enum Keys {
    /// The answer holds no record (an empty page, or a shape without `values`): it says nothing.
    Unknown,
    /// Every record has a key for every field.
    All,
    /// The fields whose key some record lacks, each with the JSON path where it was looked for
    /// (`data.values.job_titel`, `data[2].entry_values.stage`), in the order of the fields.
    Absent(Vec<(&'static FieldInfo, String)>),
}

/// Which of `fields` the records (or entries) of the answer `body` have no key for. Attio writes
/// an attribute with no value as `[]`, so an absent key is a sign, not a proof, that the
/// attribute does not exist: the client asks the schema before saying so.
pub(crate) fn keys_of(body: &[u8], fields: &'static [FieldInfo]) -> Keys {
    let Ok(root) = serde_json::from_slice::<Value>(body) else {
        return Keys::Unknown;
    };
    let records: Vec<(String, &Value)> = match root.get("data") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("data[{i}]"), item))
            .collect(),
        Some(item @ Value::Object(_)) => vec![("data".to_owned(), item)],
        _ => Vec::new(),
    };
    let mut absent: Vec<(&'static FieldInfo, String)> = Vec::new();
    let mut seen = false;
    for (at, record) in &records {
        let Some((key, Value::Object(values))) = ["values", "entry_values"]
            .into_iter()
            .find_map(|key| record.get(key).map(|v| (key, v)))
        else {
            continue;
        };
        seen = true;
        for field in fields {
            if !values.contains_key(field.slug) && !absent.iter().any(|(f, _)| f.slug == field.slug)
            {
                absent.push((field, format!("{at}.{key}.{}", field.slug)));
            }
        }
    }
    match (seen, absent.is_empty()) {
        (false, _) => Keys::Unknown,
        (true, true) => Keys::All,
        (true, false) => {
            absent.sort_by_key(|(f, _)| fields.iter().position(|g| g.slug == f.slug));
            Keys::Absent(absent)
        }
    }
}

/// The live slug nearest to `slug`, when one is close enough to be a likely meaning: what the
/// schema check names as "the nearest", and what a typo'd field's error asks about.
pub(crate) fn nearest_attribute<'a>(
    slug: &str,
    live: impl Iterator<Item = &'a str>,
) -> Option<String> {
    // Jaro-Winkler favours a shared start, as renamed slugs tend to have (`employees` and
    // `employee_count`); the edit distance catches typos anywhere; and a slug that became part
    // of a longer one (`code` and `project_code`) is likely the same attribute.
    let contains = |a: &str, b: &str| b.len() >= 3 && a.split('_').any(|w| w == b);
    live.map(|candidate| {
        let mut score = strsim::jaro_winkler(slug, candidate)
            .max(strsim::normalized_damerau_levenshtein(slug, candidate));
        if contains(candidate, slug) || contains(slug, candidate) {
            score = score.max(0.9);
        }
        (score, candidate)
    })
    .filter(|(score, _)| *score >= 0.85)
    .max_by(|a, b| a.0.total_cmp(&b.0))
    .map(|(_, candidate)| candidate.to_owned())
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

    #[crate::attio_object(slug = "people")]
    struct Person {
        name: Option<String>,
        job_titel: Option<String>,
    }

    #[test]
    fn keys_of_finds_fields_no_record_has() {
        let fields = <Person as AttioObject>::FIELDS;
        let page = br#"{"data":[{"values":{"name":[],"job_titel":[]}},{"values":{"name":[]}}]}"#;
        assert_eq!(
            keys_of(page, fields),
            Keys::Absent(vec![(&fields[1], "data[1].values.job_titel".to_owned())])
        );
        let entry = br#"{"data":{"entry_values":{"name":[],"job_titel":[]}}}"#;
        assert_eq!(keys_of(entry, fields), Keys::All);
        assert_eq!(keys_of(br#"{"data":[]}"#, fields), Keys::Unknown);
        assert_eq!(keys_of(b"not json", fields), Keys::Unknown);
    }

    #[test]
    fn nearest_attribute_finds_typos_and_renames() {
        let live = ["job_title", "name", "source"];
        assert_eq!(
            nearest_attribute("job_titel", live.into_iter()).as_deref(),
            Some("job_title")
        );
        assert_eq!(
            nearest_attribute("lead_source", live.into_iter()).as_deref(),
            Some("source")
        );
        assert_eq!(nearest_attribute("budget", live.into_iter()), None);
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
