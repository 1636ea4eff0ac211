//! `domain`: a host name such as `app.attio.com`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::{AttioValue, AttributeType, Key, ValueError, WritableValue};

/// The root domain of `host` as this SDK computes it: its last two labels, lowercased.
pub(crate) fn root_domain_of(host: &str) -> String {
    let mut labels = host.rsplitn(3, '.');
    let last = labels.next().unwrap_or("");
    let root = match labels.next() {
        Some(second) => format!("{second}.{last}"),
        None => last.to_owned(),
    };
    root.to_lowercase()
}

/// A domain name: Attio's `domain` attribute type (`companies.domains`).
///
/// Construction checks that the text is a host name: two or more dot-separated labels of letters,
/// digits and `-` (not at either end of a label), each at most 63 bytes, 253 bytes in all. Attio
/// trims paths and query strings from what it is sent; this type instead *rejects* a URL (with a
/// scheme, path, query, port or user) and tells you to pass the host, so nothing is dropped
/// silently.
///
/// The root domain ([`Domain::root_domain`]) is computed by Attio and returned on read. For a value
/// you build, this SDK takes the last two labels (`app.attio.com` → `attio.com`). That is wrong
/// for public suffixes with more than one label (`shop.example.co.uk` → `co.uk`, where Attio would
/// say `example.co.uk`); the root domain is never written, so this only affects what you read back
/// from a value you built yourself.
///
/// **Write form:** the bare string (`"app.attio.com"`). **Serde:** the same string.
/// Equality compares the domain and its root domain.
///
/// ```
/// use attio::Domain;
///
/// let d: Domain = "app.attio.com".parse()?;
/// assert_eq!(d.as_str(), "app.attio.com");
/// assert_eq!(d.root_domain(), "attio.com");
/// let err = "https://attio.com/pricing".parse::<Domain>().unwrap_err();
/// assert!(err.message().contains("pass the host"));
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Domain {
    domain: String,
    root_domain: String,
}

fn domain_error(message: String) -> ValueError {
    ValueError::new(AttributeType::Domain, message)
}

/// Checks that `s` is a host name with at least two labels.
fn check_host(s: &str) -> Result<(), ValueError> {
    let shown = s.escape_debug();
    if s.is_empty() {
        return Err(domain_error(
            "a domain must not be empty; expected a host name such as `attio.com`".into(),
        ));
    }
    if s.contains("://") || s.contains(['/', '?', '#', '@', ':']) {
        return Err(domain_error(format!(
            "`{shown}` is a URL, not a domain; pass the host only, e.g. `app.attio.com` for `https://app.attio.com/path`"
        )));
    }
    if s.len() > 253 {
        return Err(domain_error(format!(
            "a domain is at most 253 bytes, this one is {}",
            s.len()
        )));
    }
    let labels: Vec<&str> = s.split('.').collect();
    if labels.len() < 2 {
        return Err(domain_error(format!(
            "`{shown}` has a single label; expected a host name with a dot, such as `attio.com`"
        )));
    }
    for label in labels {
        if label.is_empty() {
            return Err(domain_error(format!(
                "`{shown}` has an empty label (two dots in a row, or a dot at either end); expected e.g. `app.attio.com`"
            )));
        }
        if label.len() > 63 {
            return Err(domain_error(format!(
                "the label `{label}` is longer than 63 bytes"
            )));
        }
        if let Some(c) = label.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
            return Err(domain_error(format!(
                "`{shown}` contains `{}`; a domain is made of letters, digits, `-` and `.`",
                c.escape_debug()
            )));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(domain_error(format!(
                "the label `{label}` starts or ends with `-`, which host names do not allow"
            )));
        }
    }
    Ok(())
}

impl Domain {
    /// Checks `domain` and wraps it.
    ///
    /// ```
    /// assert!(attio::Domain::new("attio.com").is_ok());
    /// assert!(attio::Domain::new("attio").is_err());
    /// assert!(attio::Domain::new("attio.com/").is_err());
    /// ```
    pub fn new(domain: impl Into<String>) -> Result<Self, ValueError> {
        let domain = domain.into();
        check_host(&domain)?;
        let root_domain = root_domain_of(&domain);
        Ok(Domain {
            domain,
            root_domain,
        })
    }

    /// The domain, as given or as Attio returned it.
    ///
    /// ```
    /// assert_eq!("attio.com".parse::<attio::Domain>().unwrap().as_str(), "attio.com");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.domain
    }

    /// The root domain: Attio's `root_domain` for a value read from Attio, otherwise the last two
    /// labels (see the type's docs for the public-suffix limitation).
    ///
    /// ```
    /// assert_eq!("a.b.example.com".parse::<attio::Domain>().unwrap().root_domain(), "example.com");
    /// ```
    pub fn root_domain(&self) -> &str {
        &self.root_domain
    }
}

impl FromStr for Domain {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Domain::new(s)
    }
}

impl TryFrom<String> for Domain {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, ValueError> {
        Domain::new(s)
    }
}

impl TryFrom<&str> for Domain {
    type Error = ValueError;
    fn try_from(s: &str) -> Result<Self, ValueError> {
        Domain::new(s)
    }
}

impl AsRef<str> for Domain {
    fn as_ref(&self) -> &str {
        &self.domain
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.domain)
    }
}

impl fmt::Debug for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Domain({:?})", self.domain)
    }
}

impl Serialize for Domain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.domain)
    }
}

impl<'de> Deserialize<'de> for Domain {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Domain::new(key.as_str()).map_err(serde::de::Error::custom)
    }
}

super::read_shape! {
    /// The keys of a `domain` value object.
    pub struct DomainShape {
        domain: String,
        root_domain: String,
    }
}

impl AttioValue for Domain {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Domain;
    type Shape = DomainShape;

    /// Keeps what Attio returned without re-checking it ([`validate`](WritableValue::validate)
    /// checks before a write).
    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let domain = shape
            .domain
            .ok_or("a domain value object needs a non-null `domain` key")?;
        let root_domain = shape.root_domain.unwrap_or_else(|| root_domain_of(&domain));
        Ok(Domain {
            domain,
            root_domain,
        })
    }
}

impl WritableValue for Domain {
    fn validate(&self) -> Result<(), ValueError> {
        check_host(&self.domain)
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};

    #[test]
    fn validates_host_names() {
        for ok in [
            "attio.com",
            "app.attio.com",
            "xn--mnchen-3ya.de",
            "münchen.de",
            "a-b.co.uk",
            "1.2.3.4",
        ] {
            assert!(ok.parse::<Domain>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "attio",
            "attio.com.",
            ".attio.com",
            "a..com",
            "-a.com",
            "a-.com",
            "a b.com",
            "a_b.com",
        ] {
            assert!(bad.parse::<Domain>().is_err(), "{bad}");
        }
        for url in [
            "https://attio.com",
            "attio.com/pricing",
            "attio.com?x=1",
            "attio.com:443",
            "user@attio.com",
            "attio.com#top",
        ] {
            let err = url.parse::<Domain>().unwrap_err();
            assert!(err.message().contains("pass the host only"), "{err}");
        }
        assert!(Domain::new(format!("{}.com", "a".repeat(64))).is_err());
        assert!(Domain::new(format!("{}com", "a.".repeat(130))).is_err());
    }

    #[test]
    fn root_domain_is_the_last_two_labels() {
        assert_eq!(
            Domain::new("app.attio.com").unwrap().root_domain(),
            "attio.com"
        );
        assert_eq!(Domain::new("Attio.COM").unwrap().root_domain(), "attio.com");
        assert_eq!(
            Domain::new("shop.example.co.uk").unwrap().root_domain(),
            "co.uk"
        );
    }

    #[test]
    fn decodes_and_encodes() {
        let d: Domain = decode(
            r#"{"attribute_type":"domain","domain":"shop.example.co.uk","root_domain":"example.co.uk"}"#,
        )
        .unwrap();
        assert_eq!(d.root_domain(), "example.co.uk");
        assert_eq!(encode(&d), serde_json::json!("shop.example.co.uk"));
        let d: Domain = decode(r#"{"domain":"app.attio.com"}"#).unwrap();
        assert_eq!(d.root_domain(), "attio.com");
        assert!(decode::<Domain>(r#"{"root_domain":"attio.com"}"#).is_err());
        let odd: Domain = decode(r#"{"domain":"localhost"}"#).unwrap();
        assert!(odd.validate().is_err());
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"app.attio.com\"");
        assert_eq!(
            serde_json::from_str::<Domain>("\"app.attio.com\"").unwrap(),
            d
        );
    }
}
