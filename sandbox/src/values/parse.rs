//! Parsing of the text forms Attio accepts for domains, email addresses, phone numbers,
//! personal names and locations, into the fields Attio stores.

use serde_json::{Map, Value, json};

use super::body::{Body, body};

fn valid_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic) && tld.chars().count() >= 2)
}

/// Second-level public suffixes the sandbox knows about, so `x.co.uk` has root `x.co.uk`.
const TWO_LABEL_SUFFIXES: &[&str] = &[
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "com.br",
    "co.in", "co.za",
];

/// The root domain of a host: its last two labels (three for a few known two-label public
/// suffixes such as `co.uk`). Limitation: this is not the full Public Suffix List.
pub fn root_domain(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let take = if labels.len() >= 3
        && TWO_LABEL_SUFFIXES.contains(&labels[labels.len() - 2..].join(".").as_str())
    {
        3
    } else {
        2
    };
    labels[labels.len().saturating_sub(take)..].join(".")
}

/// Normalises a domain input: lower-cased; scheme, credentials, port, path, query and fragment
/// stripped. Returns `(domain, root_domain)`.
pub fn normalise_domain(input: &str) -> Option<(String, String)> {
    let mut s = input.trim().to_lowercase();
    if let Some(i) = s.find("://") {
        s = s[i + 3..].to_owned();
    }
    if let Some(i) = s.find(['/', '?', '#']) {
        s.truncate(i);
    }
    if let Some(i) = s.rfind('@') {
        s = s[i + 1..].to_owned();
    }
    if let Some(i) = s.find(':') {
        s.truncate(i);
    }
    let s = s.trim_end_matches('.').to_owned();
    valid_host(&s).then(|| {
        let root = root_domain(&s);
        (s, root)
    })
}

/// Normalises an email address into Attio's five read fields.
pub fn normalise_email(input: &str) -> Option<Body> {
    let original = input.trim();
    let (local, domain) = original.split_once('@')?;
    if local.is_empty()
        || domain.contains('@')
        || local
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "(),:;<>[\\]\"".contains(c))
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return None;
    }
    let domain = domain.to_lowercase();
    if !valid_host(&domain) {
        return None;
    }
    let local = local.to_lowercase();
    Some(body(json!({
        "original_email_address": original,
        "email_address": format!("{local}@{domain}"),
        "email_domain": domain,
        "email_root_domain": root_domain(&domain),
        "email_local_specifier": local,
    })))
}

/// Country calling codes the sandbox knows, with the country they map to (`+1` is `US`).
const CALLING_CODES: &[(&str, &str)] = &[
    ("1", "US"),
    ("7", "RU"),
    ("20", "EG"),
    ("27", "ZA"),
    ("30", "GR"),
    ("31", "NL"),
    ("32", "BE"),
    ("33", "FR"),
    ("34", "ES"),
    ("36", "HU"),
    ("39", "IT"),
    ("40", "RO"),
    ("41", "CH"),
    ("43", "AT"),
    ("44", "GB"),
    ("45", "DK"),
    ("46", "SE"),
    ("47", "NO"),
    ("48", "PL"),
    ("49", "DE"),
    ("51", "PE"),
    ("52", "MX"),
    ("54", "AR"),
    ("55", "BR"),
    ("56", "CL"),
    ("57", "CO"),
    ("60", "MY"),
    ("61", "AU"),
    ("62", "ID"),
    ("63", "PH"),
    ("64", "NZ"),
    ("65", "SG"),
    ("66", "TH"),
    ("81", "JP"),
    ("82", "KR"),
    ("84", "VN"),
    ("86", "CN"),
    ("90", "TR"),
    ("91", "IN"),
    ("92", "PK"),
    ("234", "NG"),
    ("254", "KE"),
    ("351", "PT"),
    ("352", "LU"),
    ("353", "IE"),
    ("354", "IS"),
    ("358", "FI"),
    ("420", "CZ"),
    ("852", "HK"),
    ("886", "TW"),
    ("966", "SA"),
    ("971", "AE"),
    ("972", "IL"),
];

/// Normalises a phone number. With a `+` prefix it is taken as E.164 and the country comes from
/// the calling code (longest known prefix) unless `country` is given; without one, `country`
/// must be given and its trunk prefix (`0`, or `1` for `US`/`CA`) is dropped.
/// Limitation: only the calling codes in a built-in table are known (GB, US, FR, DE and ~50 more).
pub fn normalise_phone(original: &str, country: Option<&str>) -> Option<Value> {
    let trimmed = original.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if trimmed
        .chars()
        .any(|c| !(c.is_ascii_digit() || " -().+/".contains(c)))
        || trimmed[1.min(trimmed.len())..].contains('+')
    {
        return None;
    }
    let (e164, cc) = if trimmed.starts_with('+') {
        let derived = (1..=3).rev().find_map(|n| {
            let prefix = digits.get(..n)?;
            CALLING_CODES
                .iter()
                .find(|(code, _)| *code == prefix)
                .map(|(_, cc)| *cc)
        })?;
        let cc = match country {
            Some(c) if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
                c.to_ascii_uppercase()
            }
            Some(_) => return None,
            None => derived.to_owned(),
        };
        (format!("+{digits}"), cc)
    } else {
        let cc = country?.to_ascii_uppercase();
        let code = if cc == "CA" {
            "1"
        } else {
            CALLING_CODES.iter().find(|(_, c)| *c == cc)?.0
        };
        let national = if code == "1" {
            digits
                .strip_prefix('1')
                .filter(|_| digits.len() == 11)
                .unwrap_or(&digits)
        } else {
            digits.strip_prefix('0').unwrap_or(&digits)
        };
        (format!("+{code}{national}"), cc)
    };
    let n = e164.len() - 1;
    if !(8..=15).contains(&n) {
        return None;
    }
    Some(json!({"original_phone_number": original, "country_code": cc, "phone_number": e164}))
}

/// Parses `"Last, First"` (no comma: first name only; extra commas stay in the first name).
pub fn parse_name(input: &str) -> Option<Value> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    let (first, last) = match s.split_once(',') {
        Some((last, first)) => (first.trim(), last.trim()),
        None => (s, ""),
    };
    let full = [first, last]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(json!({"first_name": first, "last_name": last, "full_name": full}))
}

const LOCATION_KEYS: [&str; 10] = [
    "line_1",
    "line_2",
    "line_3",
    "line_4",
    "locality",
    "region",
    "postcode",
    "country_code",
    "latitude",
    "longitude",
];

fn empty_location() -> Body {
    LOCATION_KEYS
        .iter()
        .map(|k| ((*k).to_owned(), Value::Null))
        .collect()
}

/// Parses a free-text address best-effort: `line_1[, more lines], locality, region, postcode,
/// country_code`, where a trailing two-letter part is the country and a part with digits at the
/// end is the postcode.
pub fn parse_location(input: &str) -> Body {
    let mut parts: Vec<String> = input
        .split(',')
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = empty_location();
    if parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        out.insert(
            "country_code".into(),
            json!(parts.pop().map(|p| p.to_ascii_uppercase())),
        );
    }
    if parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.chars().any(|c| c.is_ascii_digit()))
    {
        out.insert("postcode".into(), json!(parts.pop()));
    }
    match parts.len() {
        0 => {}
        1 => {
            let key = if parts[0].chars().any(|c| c.is_ascii_digit()) {
                "line_1"
            } else {
                "locality"
            };
            out.insert(key.into(), json!(parts[0]));
        }
        2 => {
            out.insert("line_1".into(), json!(parts[0]));
            out.insert("locality".into(), json!(parts[1]));
        }
        n => {
            out.insert("line_1".into(), json!(parts[0]));
            for (i, extra) in parts[1..n - 2].iter().take(3).enumerate() {
                out.insert(format!("line_{}", i + 2), json!(extra));
            }
            out.insert("locality".into(), json!(parts[n - 2]));
            out.insert("region".into(), json!(parts[n - 1]));
        }
    }
    out
}

fn coordinate(v: &Value, max: f64) -> Result<Value, String> {
    let text = match v {
        Value::Null => return Ok(Value::Null),
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return Err("latitude/longitude as strings".into()),
    };
    let x: f64 = text
        .parse()
        .map_err(|_| "latitude/longitude as decimal strings".to_owned())?;
    let dp = text.split_once('.').map_or(0, |(_, f)| f.len());
    if !x.is_finite() || x.abs() > max || dp > 9 || text.contains(['e', 'E']) {
        return Err(format!(
            "a coordinate within ±{max} with at most 9 decimal places"
        ));
    }
    Ok(Value::String(text))
}

pub(super) fn location_object(m: &Map<String, Value>) -> Result<Body, String> {
    if m.len() != LOCATION_KEYS.len() || LOCATION_KEYS.iter().any(|k| !m.contains_key(*k)) {
        return Err(format!(
            "an object with exactly these keys: {}",
            LOCATION_KEYS.join(", ")
        ));
    }
    let mut out = empty_location();
    for key in &LOCATION_KEYS[..7] {
        match &m[*key] {
            v @ (Value::String(_) | Value::Null) => {
                out.insert((*key).into(), v.clone());
            }
            _ => return Err(format!("{key} as a string or null")),
        }
    }
    match &m["country_code"] {
        Value::Null => {}
        Value::String(c) if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            out.insert("country_code".into(), json!(c.to_ascii_uppercase()));
        }
        _ => return Err("country_code as an ISO 3166 alpha-2 code or null".into()),
    }
    out.insert("latitude".into(), coordinate(&m["latitude"], 90.0)?);
    out.insert("longitude".into(), coordinate(&m["longitude"], 180.0)?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        let e = normalise_email(" Alice.Smith+tag@App.Attio.com ").unwrap();
        assert_eq!(e["original_email_address"], "Alice.Smith+tag@App.Attio.com");
        assert_eq!(e["email_address"], "alice.smith+tag@app.attio.com");
        assert_eq!(e["email_domain"], "app.attio.com");
        assert_eq!(e["email_root_domain"], "attio.com");
        assert_eq!(e["email_local_specifier"], "alice.smith+tag");
        for bad in [
            "",
            "a",
            "a@",
            "@b.com",
            "a@b",
            "a b@c.com",
            "a@@b.com",
            "a@b..com",
            "a@b.c0m",
        ] {
            assert!(normalise_email(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn domains() {
        let d = |s| normalise_domain(s);
        assert_eq!(
            d("app.attio.com"),
            Some(("app.attio.com".into(), "attio.com".into()))
        );
        assert_eq!(
            d("https://www.Example.com:8080/path?q=1"),
            Some(("www.example.com".into(), "example.com".into()))
        );
        assert_eq!(
            d("shop.example.co.uk"),
            Some(("shop.example.co.uk".into(), "example.co.uk".into()))
        );
        assert_eq!(d("localhost"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn phones() {
        let p = |n, c| normalise_phone(n, c);
        assert_eq!(p("+447777777777", None).unwrap()["country_code"], "GB");
        assert_eq!(
            p("07777777777", Some("GB")).unwrap()["phone_number"],
            "+447777777777"
        );
        assert_eq!(
            p("(555) 867-5309", Some("US")).unwrap()["phone_number"],
            "+15558675309"
        );
        assert_eq!(
            p("01 23 45 67 89", Some("FR")).unwrap()["phone_number"],
            "+33123456789"
        );
        assert_eq!(
            p("030 1234567", Some("DE")).unwrap()["phone_number"],
            "+49301234567"
        );
        assert_eq!(p("+15558675309", None).unwrap()["country_code"], "US");
        assert!(p("07777777777", None).is_none());
        assert!(p("+44", None).is_none());
        assert!(p("call me", None).is_none());
        assert!(p("+999 1234 5678", None).is_none());
    }

    #[test]
    fn names() {
        assert_eq!(
            parse_name("Smith, John").unwrap(),
            json!({"first_name":"John","last_name":"Smith","full_name":"John Smith"})
        );
        assert_eq!(
            parse_name("John").unwrap(),
            json!({"first_name":"John","last_name":"","full_name":"John"})
        );
        assert_eq!(
            parse_name("Smith, John, Jr").unwrap()["first_name"],
            "John, Jr"
        );
        assert!(parse_name("  ").is_none());
    }

    #[test]
    fn locations() {
        let l = parse_location("1 Infinite Loop, Cupertino, CA, 95014, US");
        assert_eq!(l["line_1"], "1 Infinite Loop");
        assert_eq!(l["locality"], "Cupertino");
        assert_eq!(l["region"], "CA");
        assert_eq!(l["postcode"], "95014");
        assert_eq!(l["country_code"], "US");
        assert_eq!(l.len(), 10);
        assert_eq!(parse_location("London")["locality"], "London");
    }
}
