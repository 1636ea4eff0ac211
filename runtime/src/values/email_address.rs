//! `email-address`: an email address and the parts Attio derives from it.

use std::fmt;
use std::str::FromStr;

use email_address::Options;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::domain::root_domain_of;
use super::{AttioValue, AttributeType, Key, ValueError, WritableValue};

/// An email address: Attio's `email-address` attribute type (`people.email_addresses`,
/// `users.primary_email_address`).
///
/// Construction checks the syntax with the [`email_address`](https://docs.rs/email_address) crate
/// (RFC 5322 `local@domain`, no display name, no domain literal, and a domain with at least two
/// labels) and splits it into the parts Attio returns: the normalised address (lowercased), the
/// local part, the domain and the root domain. Attio computes these parts itself; for a value read
/// from Attio, the getters return Attio's. For a value you build, the root domain is the domain's
/// last two labels, which is wrong for multi-label public suffixes (`a@x.co.uk` gives `co.uk`, where
/// Attio says `x.co.uk`). None of the parts is ever written.
///
/// **Write form:** the bare address string as given (`"person@company.com"`).
/// **Serde:** the same string. Equality compares the address and every part.
///
/// ```
/// use attio::EmailAddress;
///
/// let e: EmailAddress = "Person@Company.com".parse()?;
/// assert_eq!(e.as_str(), "Person@Company.com");
/// assert_eq!(e.normalized(), "person@company.com");
/// assert_eq!(e.local_part(), "person");
/// assert_eq!(e.domain(), "company.com");
/// assert_eq!(e.root_domain(), "company.com");
/// assert!("not an email".parse::<EmailAddress>().is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress {
    original: String,
    normalized: String,
    local_part: String,
    domain: String,
    root_domain: String,
}

const OPTIONS: Options = Options {
    minimum_sub_domains: 2,
    allow_domain_literal: false,
    allow_display_text: false,
    allow_long_local_parts: false,
};

fn check(address: &str) -> Result<(), ValueError> {
    email_address::EmailAddress::parse_with_options(address, OPTIONS)
        .map(|_| ())
        .map_err(|e| {
            ValueError::new(
                AttributeType::EmailAddress,
                format!(
                    "`{}` is not an email address ({e}); expected `local-part@domain`, e.g. `person@company.com`",
                    address.escape_debug()
                ),
            )
        })
}

impl EmailAddress {
    /// Checks `address` and splits it into its parts.
    ///
    /// ```
    /// assert!(attio::EmailAddress::new("alice@attio.com").is_ok());
    /// assert!(attio::EmailAddress::new("Alice <alice@attio.com>").is_err());
    /// assert!(attio::EmailAddress::new("alice@localhost").is_err());
    /// ```
    pub fn new(address: impl Into<String>) -> Result<Self, ValueError> {
        let original = address.into();
        check(&original)?;
        let normalized = original.to_lowercase();
        // `check` found an `@`; split at the last one, as the domain cannot contain one.
        let (local, domain) = normalized.rsplit_once('@').unwrap_or(("", ""));
        Ok(EmailAddress {
            local_part: local.to_owned(),
            domain: domain.to_owned(),
            root_domain: root_domain_of(domain),
            normalized: normalized.clone(),
            original,
        })
    }

    /// The address as given (Attio's `original_email_address`).
    ///
    /// ```
    /// assert_eq!("A@b.com".parse::<attio::EmailAddress>().unwrap().as_str(), "A@b.com");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.original
    }

    /// The normalised address (Attio's `email_address`; lowercased for a value you build).
    ///
    /// ```
    /// assert_eq!("A@B.com".parse::<attio::EmailAddress>().unwrap().normalized(), "a@b.com");
    /// ```
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// The part before the `@` (Attio's `email_local_specifier`).
    ///
    /// ```
    /// assert_eq!("alice+crm@b.com".parse::<attio::EmailAddress>().unwrap().local_part(), "alice+crm");
    /// ```
    pub fn local_part(&self) -> &str {
        &self.local_part
    }

    /// The part after the `@` (Attio's `email_domain`).
    ///
    /// ```
    /// assert_eq!("a@mail.attio.com".parse::<attio::EmailAddress>().unwrap().domain(), "mail.attio.com");
    /// ```
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The root domain (Attio's `email_root_domain`; see the type's docs for values you build).
    ///
    /// ```
    /// assert_eq!("a@mail.attio.com".parse::<attio::EmailAddress>().unwrap().root_domain(), "attio.com");
    /// ```
    pub fn root_domain(&self) -> &str {
        &self.root_domain
    }
}

impl FromStr for EmailAddress {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        EmailAddress::new(s)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = ValueError;
    fn try_from(s: String) -> Result<Self, ValueError> {
        EmailAddress::new(s)
    }
}

impl TryFrom<&str> for EmailAddress {
    type Error = ValueError;
    fn try_from(s: &str) -> Result<Self, ValueError> {
        EmailAddress::new(s)
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.original
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.original)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EmailAddress({:?})", self.original)
    }
}

impl Serialize for EmailAddress {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.original)
    }
}

impl<'de> Deserialize<'de> for EmailAddress {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        EmailAddress::new(key.as_str()).map_err(serde::de::Error::custom)
    }
}

super::read_shape! {
    /// The keys of an `email-address` value object.
    pub struct EmailShape {
        original_email_address: String,
        email_address: String,
        email_domain: String,
        email_root_domain: String,
        email_local_specifier: String,
    }
}

impl AttioValue for EmailAddress {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::EmailAddress;
    type Shape = EmailShape;

    /// Keeps what Attio returned without re-checking the syntax; parts Attio left out are computed.
    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let original = shape
            .original_email_address
            .or_else(|| shape.email_address.clone())
            .ok_or("an email-address value object needs a non-null `original_email_address` or `email_address` key")?;
        let normalized = shape
            .email_address
            .unwrap_or_else(|| original.to_lowercase());
        let (local, domain) = normalized.rsplit_once('@').unwrap_or((&normalized, ""));
        let local_part = shape
            .email_local_specifier
            .unwrap_or_else(|| local.to_owned());
        let domain = shape.email_domain.unwrap_or_else(|| domain.to_owned());
        let root_domain = shape
            .email_root_domain
            .unwrap_or_else(|| root_domain_of(&domain));
        Ok(EmailAddress {
            original,
            normalized,
            local_part,
            domain,
            root_domain,
        })
    }
}

impl WritableValue for EmailAddress {
    fn validate(&self) -> Result<(), ValueError> {
        check(&self.original)
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.original)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};

    #[test]
    fn validates_syntax() {
        for ok in [
            "a@b.co",
            "first.last+tag@sub.example.com",
            "\"quoted name\"@example.com",
        ] {
            assert!(ok.parse::<EmailAddress>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.com",
            "a@b",
            "a b@c.com",
            "A <a@b.com>",
            "a@[127.0.0.1]",
            "a@b..com",
            "a@-b.com",
        ] {
            let err = bad.parse::<EmailAddress>().unwrap_err();
            assert!(
                err.message().contains("expected `local-part@domain`"),
                "{err}"
            );
        }
    }

    #[test]
    fn splits_into_parts() {
        let e = EmailAddress::new("Alice@Mail.Example.CO.UK").unwrap();
        assert_eq!(e.as_str(), "Alice@Mail.Example.CO.UK");
        assert_eq!(e.normalized(), "alice@mail.example.co.uk");
        assert_eq!(e.local_part(), "alice");
        assert_eq!(e.domain(), "mail.example.co.uk");
        assert_eq!(e.root_domain(), "co.uk");
    }

    #[test]
    fn decodes_and_encodes() {
        let json = r#"{"attribute_type":"email-address","email_address":"person@company.com","original_email_address":"Person@company.com","email_domain":"company.com","email_root_domain":"company.com","email_local_specifier":"person"}"#;
        let e: EmailAddress = decode(json).unwrap();
        assert_eq!(e.as_str(), "Person@company.com");
        assert_eq!(e.normalized(), "person@company.com");
        assert_eq!(encode(&e), serde_json::json!("Person@company.com"));
        // The docs mislabel users.primary_email_address as text: decoding ignores the label.
        let e: EmailAddress =
            decode(r#"{"attribute_type":"text","email_address":"a@x.co.uk"}"#).unwrap();
        assert_eq!(
            (e.as_str(), e.domain(), e.root_domain()),
            ("a@x.co.uk", "x.co.uk", "co.uk")
        );
        let err =
            decode::<EmailAddress>(r#"{"attribute_type":"text","value":"a@b.com"}"#).unwrap_err();
        assert!(err.contains("found a `text` value"), "{err}");
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"a@x.co.uk\"");
        assert!(serde_json::from_str::<EmailAddress>("\"nope\"").is_err());
    }
}
