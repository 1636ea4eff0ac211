//! The unique attribute a create in doubt is resolved through, and, for a multi-valued one, which
//! record holds which of the create's values.
//!
//! A single-value unique attribute (`users.user_id`) names one record: the one holding the value.
//! A multi-valued one (`people.email_addresses`, `companies.domains`) is unique value by value:
//! no two records share an email address, and a create writing one another record holds is a
//! `uniqueness_conflict`. So a create whose earlier attempt landed finds *one* record holding
//! *every* value it wrote, and that record is the create's. Any other spread of the values (over
//! several records, or some held and some not) means no attempt landed, and the conflict is real.

use serde_json::Value;

use super::{Entries, shows};
use crate::error::HeldValue;
use crate::values::{AttioObject, Cardinality, RecordId};

/// What a create in doubt is resolved through: the values it writes to a unique attribute.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Key {
    /// A single-value attribute and its value: the record holding it is the create's.
    One { slug: &'static str, value: Value },
    /// A multi-valued attribute and every value the create writes to it (at least one): the
    /// create's record, if an attempt landed, holds them all.
    Every {
        slug: &'static str,
        values: Vec<Value>,
    },
}

impl Key {
    /// The attribute's slug.
    pub(super) fn slug(&self) -> &'static str {
        match self {
            Key::One { slug, .. } | Key::Every { slug, .. } => slug,
        }
    }
}

/// The attribute a create writing `entries` is resolved through. Of the writable fields of `T`
/// whose attribute is unique (marked `#[attio(unique)]`, or `learned(slug)`: the checked live
/// schema says so), the first single-value one the create writes a value to; else the first
/// multi-valued one it writes values to.
pub(super) fn unique_key<T: AttioObject>(
    entries: &Entries,
    learned: impl Fn(&str) -> bool,
) -> Option<Key> {
    let written = |slug: &str| {
        entries
            .iter()
            .find(|(s, v)| *s == slug && !v.is_null() && !is_empty_array(v))
            .map(|(_, v)| v)
    };
    let unique = || {
        T::FIELDS
            .iter()
            .filter(|f| !f.read_only && (f.unique || learned(f.slug)))
    };
    let single = unique()
        .filter(|f| f.cardinality != Cardinality::Multiple)
        .find_map(|f| {
            written(f.slug).map(|v| Key::One {
                slug: f.slug,
                value: v.clone(),
            })
        });
    single.or_else(|| {
        unique()
            .filter(|f| f.cardinality == Cardinality::Multiple)
            .find_map(|f| {
                let values: Vec<Value> = match written(f.slug)? {
                    Value::Array(items) => items.iter().filter(|v| !v.is_null()).cloned().collect(),
                    one => vec![one.clone()],
                };
                (!values.is_empty()).then_some(Key::Every {
                    slug: f.slug,
                    values,
                })
            })
    })
}

/// The slugs of `T`'s writable unique attributes (marked, or `learned`), for an error that says
/// the create wrote none of them.
pub(super) fn unique_slugs<T: AttioObject>(learned: impl Fn(&str) -> bool) -> Vec<&'static str> {
    T::FIELDS
        .iter()
        .filter(|f| !f.read_only && (f.unique || learned(f.slug)))
        .map(|f| f.slug)
        .collect()
}

fn is_empty_array(v: &Value) -> bool {
    v.as_array().is_some_and(Vec::is_empty)
}

/// Where the values of a create are, as [`holding`] finds them.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Holding {
    /// No record holds any of them: the conflict, if any, is over another attribute.
    Nobody,
    /// The record at this index holds every one of them, and no other record holds any.
    One(usize),
    /// Any other spread: each value with the record holding it (a value held by no record
    /// appears once with `None`).
    Split(Vec<HeldValue>),
}

/// Which of `records` (each an id and its values of the attribute as Attio returns them) holds
/// which of `sent`, the write forms of the create's values.
pub(super) fn holding(sent: &[Value], records: &[(&RecordId, &[Value])]) -> Holding {
    let holders: Vec<Vec<usize>> = sent
        .iter()
        .map(|value| {
            records
                .iter()
                .enumerate()
                .filter(|(_, (_, reads))| reads.iter().any(|read| holds(read, value)))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    if holders.iter().all(Vec::is_empty) {
        return Holding::Nobody;
    }
    if let Some(first) = holders.first().and_then(|h| h.first())
        && holders.iter().all(|h| h.as_slice() == [*first])
    {
        return Holding::One(*first);
    }
    let mut held = Vec::new();
    for (value, holders) in sent.iter().zip(&holders) {
        let text = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_owned);
        if holders.is_empty() {
            held.push(HeldValue::new(text.clone(), None));
        }
        for i in holders {
            held.push(HeldValue::new(text.clone(), Some(records[*i].0.clone())));
        }
    }
    Holding::Split(held)
}

/// Whether `read`, a value as Attio returns it, is the one whose write form is `sent`, without
/// regard to case: Attio keeps email addresses and domains lowercased, whatever case was written.
fn holds(read: &Value, sent: &Value) -> bool {
    shows(&lowercased(read), &lowercased(sent))
}

fn lowercased(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.to_lowercase()),
        Value::Array(items) => Value::Array(items.iter().map(lowercased).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), lowercased(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[crate::attio_object(slug = "people")]
    struct Person {
        #[attio(unique)]
        email_addresses: Vec<crate::EmailAddress>,
        job_title: Option<String>,
    }

    #[crate::attio_object(slug = "users")]
    struct User {
        #[attio(unique)]
        user_id: String,
        #[attio(unique)]
        primary_email_address: crate::EmailAddress,
    }

    #[crate::attio_object(slug = "companies")]
    struct Company {
        name: Option<String>,
        domains: Vec<crate::Domain>,
    }

    fn entries<T: AttioObject>(values: &T) -> Entries {
        super::super::entries_of(values).unwrap()
    }

    fn email(address: &str) -> Value {
        json!({"email_address": address.to_lowercase(), "original_email_address": address, "attribute_type": "email-address"})
    }

    fn id(s: &str) -> RecordId {
        s.parse().unwrap()
    }

    #[test]
    fn a_single_value_key_comes_first_then_a_multi_valued_one() {
        let user = User {
            user_id: "u1".into(),
            primary_email_address: "a@b.com".parse().unwrap(),
        };
        assert_eq!(
            unique_key::<User>(&entries(&user), |_| false),
            Some(Key::One {
                slug: "user_id",
                value: json!("u1")
            })
        );
        let person = Person {
            email_addresses: vec!["A@b.com".parse().unwrap(), "c@d.com".parse().unwrap()],
            job_title: Some("CTO".into()),
        };
        let key = unique_key::<Person>(&entries(&person), |_| false);
        assert_eq!(
            key,
            Some(Key::Every {
                slug: "email_addresses",
                values: vec![json!("A@b.com"), json!("c@d.com")]
            })
        );
        assert_eq!(key.map(|k| k.slug()), Some("email_addresses"));
        // No value written: nothing to resolve through.
        let nobody = Person {
            email_addresses: vec![],
            job_title: None,
        };
        assert_eq!(unique_key::<Person>(&entries(&nobody), |_| false), None);
        assert_eq!(unique_slugs::<Person>(|_| false), ["email_addresses"]);
    }

    #[test]
    fn the_checked_schema_adds_unique_attributes() {
        let company = Company {
            name: Some("Acme".into()),
            domains: vec!["acme.com".parse().unwrap()],
        };
        assert_eq!(unique_key::<Company>(&entries(&company), |_| false), None);
        assert!(unique_slugs::<Company>(|_| false).is_empty());
        let learned = |slug: &str| slug == "domains";
        assert_eq!(
            unique_key::<Company>(&entries(&company), learned),
            Some(Key::Every {
                slug: "domains",
                values: vec![json!("acme.com")]
            })
        );
        // A single value the schema says is unique is preferred.
        let learned = |slug: &str| slug == "domains" || slug == "name";
        assert_eq!(
            unique_key::<Company>(&entries(&company), learned),
            Some(Key::One {
                slug: "name",
                value: json!("Acme")
            })
        );
    }

    #[test]
    fn one_record_holding_every_value_is_the_creates() {
        let sent = [json!("A@b.com"), json!("c@d.com")];
        let (r1, r2) = (id("r1"), id("r2"));
        let both = [email("a@b.com"), email("c@d.com")];
        assert_eq!(holding(&sent, &[(&r1, &both)]), Holding::One(0));
        // Extra values on that record do not matter.
        let more = [email("c@d.com"), email("x@y.com"), email("a@b.com")];
        assert_eq!(holding(&sent, &[(&r1, &more)]), Holding::One(0));
        assert_eq!(holding(&sent, &[]), Holding::Nobody);
        let other = [email("x@y.com")];
        assert_eq!(holding(&sent, &[(&r2, &other)]), Holding::Nobody);
        assert_eq!(
            holding(&sent, &[(&r2, &other), (&r1, &both)]),
            Holding::One(1)
        );
    }

    #[test]
    fn values_spread_over_records_are_a_conflict_that_names_each_holder() {
        let sent = [json!("a@b.com"), json!("c@d.com"), json!("e@f.com")];
        let (r1, r2) = (id("r1"), id("r2"));
        let first = [email("a@b.com")];
        let second = [email("C@D.com")];
        let Holding::Split(held) = holding(&sent, &[(&r1, &first), (&r2, &second)]) else {
            panic!("a split")
        };
        assert_eq!(
            held,
            [
                HeldValue::new("a@b.com", Some(r1.clone())),
                HeldValue::new("c@d.com", Some(r2.clone())),
                HeldValue::new("e@f.com", None),
            ]
        );
        // Some held by one record, the rest by none: not the create's record either.
        let Holding::Split(held) = holding(&sent[..2], &[(&r1, &first)]) else {
            panic!("a split")
        };
        assert_eq!(
            held,
            [
                HeldValue::new("a@b.com", Some(r1)),
                HeldValue::new("c@d.com", None),
            ]
        );
    }

    #[test]
    fn object_write_forms_and_domains_are_matched_too() {
        let sent = [json!({"email_address": "a@b.com"})];
        let r1 = id("r1");
        assert_eq!(
            holding(&sent, &[(&r1, &[email("A@B.com")])]),
            Holding::One(0)
        );
        let domain =
            json!({"domain": "acme.com", "root_domain": "acme.com", "attribute_type": "domain"});
        assert_eq!(
            holding(&[json!("Acme.com")], &[(&r1, &[domain])]),
            Holding::One(0)
        );
        let Holding::Split(held) = holding(
            &[json!({"email_address": "x@y.com"})],
            &[(&r1, &[email("x@y.com")]), (&id("r2"), &[email("x@y.com")])],
        ) else {
            panic!("two holders of one value")
        };
        assert_eq!(held.len(), 2);
        assert_eq!(held[0].value, r#"{"email_address":"x@y.com"}"#);
    }
}
