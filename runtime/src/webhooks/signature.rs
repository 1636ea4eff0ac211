//! The signature of a delivery: hex HMAC-SHA256 of the raw body, keyed by the secret string,
//! compared in constant time.

use super::WebhookError;
use crate::wire::webhook::WebhookSecret;

/// The header Attio signs deliveries in.
pub(crate) const SIGNATURE_HEADER: &str = "Attio-Signature";
/// The same signature, for legacy middleware that drops headers not starting with `X-`.
pub(crate) const LEGACY_SIGNATURE_HEADER: &str = "X-Attio-Signature";

/// The length of a SHA-256 MAC in bytes; Attio writes it as twice as many hex digits.
const MAC_LEN: usize = 32;

/// Checks that `signature` (the value of the `Attio-Signature` header) is the hex HMAC-SHA256 of
/// `body` keyed by `secret`, in constant time.
///
/// For receivers whose HTTP types are not the `http` crate's; with them, [`verify`](super::verify)
/// finds the header and decodes the delivery too. `body` must be the bytes as received: JSON
/// parsed and written again has other bytes, and fails.
///
/// ```
/// use attio::webhooks::{verify_signature, WebhookError, WebhookSecret};
///
/// let secret = WebhookSecret::new("secret");
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[]}"#;
/// // Computed with Python's hmac module, not with this crate.
/// let signature = "af8cb9ca48645bfe8cea8d28cae1eb95a111091710248847d42620509ef46d79";
/// verify_signature(signature, body, &secret)?;
///
/// let err = verify_signature(signature, b"{}", &secret).unwrap_err();
/// assert!(matches!(err, WebhookError::SignatureMismatch { .. }));
/// assert!(matches!(
///     verify_signature("sha256=abc", body, &secret),
///     Err(WebhookError::MalformedSignature { .. })
/// ));
/// # Ok::<(), WebhookError>(())
/// ```
pub fn verify_signature(
    signature: &str,
    body: &[u8],
    secret: &WebhookSecret,
) -> Result<(), WebhookError> {
    check(SIGNATURE_HEADER, signature.as_bytes(), body, secret)
}

/// Checks the value of header `header` against `body` and `secret`.
pub(crate) fn check(
    header: &'static str,
    value: &[u8],
    body: &[u8],
    secret: &WebhookSecret,
) -> Result<(), WebhookError> {
    let key = secret.expose_secret();
    if key.is_empty() {
        return Err(WebhookError::EmptySecret);
    }
    let expected =
        parse(value).map_err(|reason| WebhookError::MalformedSignature { header, reason })?;
    let mismatch = || WebhookError::SignatureMismatch {
        header,
        secret_has_whitespace: key.trim() != key,
    };
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key.as_bytes());
    // `verify` compares in constant time.
    ring::hmac::verify(&key, body, &expected).map_err(|_| mismatch())
}

/// The MAC a header value holds: 64 hex digits (either case), surrounding whitespace ignored.
fn parse(value: &[u8]) -> Result<[u8; MAC_LEN], String> {
    let value = value.trim_ascii();
    if value.is_empty() {
        return Err("it is empty".into());
    }
    if value.len() >= 7 && value[..7].eq_ignore_ascii_case(b"sha256=") {
        return Err("it starts with `sha256=`, a prefix Attio does not send".into());
    }
    if let Some(at) = value.iter().position(|b| !b.is_ascii_hexdigit()) {
        let shown = match value[at] {
            b if b.is_ascii_graphic() => format!("`{}`", b as char),
            b => format!("byte 0x{b:02x}"),
        };
        return Err(format!("{shown} at position {at} is not a hex digit"));
    }
    if value.len() != 2 * MAC_LEN {
        return Err(format!(
            "it has {} hex digits, not {}",
            value.len(),
            2 * MAC_LEN
        ));
    }
    let mut mac = [0; MAC_LEN];
    hex::decode_to_slice(value, &mut mac).map_err(|e| e.to_string())?;
    Ok(mac)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expected MACs below were computed independently of this crate, with Python's standard
    /// library:
    ///
    /// ```text
    /// python3 -c 'import hmac,hashlib;print(hmac.new(b"<secret>",b"<body>",hashlib.sha256).hexdigest())'
    /// ```
    const SECRET: &str = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
    const BODY: &[u8] = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.updated","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},"actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
    const EXPECTED: &str = "65517190b78a23034fdd81b9c4425deabc4d9b467b193cbe63a0c4ed690fec5f";

    fn secret() -> WebhookSecret {
        WebhookSecret::new(SECRET)
    }

    #[test]
    fn the_independent_vector_verifies_in_either_case() {
        verify_signature(EXPECTED, BODY, &secret()).unwrap();
        verify_signature(&EXPECTED.to_uppercase(), BODY, &secret()).unwrap();
        verify_signature(&format!(" {EXPECTED}\n"), BODY, &secret()).unwrap();
    }

    #[test]
    fn a_tampered_body_or_a_wrong_secret_fails() {
        let mut tampered = BODY.to_vec();
        let at = tampered.iter().position(|&b| b == b'9').unwrap();
        tampered[at] = b'8';
        assert!(matches!(
            verify_signature(EXPECTED, &tampered, &secret()),
            Err(WebhookError::SignatureMismatch { .. })
        ));
        let err = verify_signature(EXPECTED, BODY, &WebhookSecret::new(format!("{SECRET}\n")))
            .unwrap_err();
        assert!(err.to_string().contains("trim it"), "{err}");
        let err = verify_signature(EXPECTED, BODY, &WebhookSecret::new("other")).unwrap_err();
        assert!(!err.to_string().contains("trim it"), "{err}");
        assert!(!err.to_string().contains(SECRET));
    }

    #[test]
    fn malformed_signatures_say_what_is_wrong() {
        let reason = |sig: &[u8]| match check(SIGNATURE_HEADER, sig, BODY, &secret()) {
            Err(WebhookError::MalformedSignature { reason, .. }) => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason(b""), "it is empty");
        assert!(reason(format!("sha256={EXPECTED}").as_bytes()).contains("sha256="));
        assert_eq!(reason(b"abcg"), "`g` at position 3 is not a hex digit");
        assert_eq!(
            reason(b"ab\xffcd"),
            "byte 0xff at position 2 is not a hex digit"
        );
        assert_eq!(
            reason(&EXPECTED.as_bytes()[..62]),
            "it has 62 hex digits, not 64"
        );
        assert_eq!(
            check(
                SIGNATURE_HEADER,
                EXPECTED.as_bytes(),
                BODY,
                &WebhookSecret::new("")
            ),
            Err(WebhookError::EmptySecret)
        );
    }
}
