//! Keeping secrets out of what the client stores: every text that came from a server (Attio's
//! message, a proxy's page, a decode error's reason, a cursor) passes through a [`Redactor`]
//! before it goes into an error or a log event, because a broken or hostile server can echo the
//! request's `Authorization` header back.

use std::borrow::Cow;
use std::sync::RwLock;

use secrecy::{ExposeSecret, SecretString};

use super::{ApiError, DecodeError, ErrorCode, RequestLine};

/// What replaces a secret.
pub(crate) const REDACTED: &str = "[redacted]";

/// Removes the client's own secrets (its key, and the secrets of the webhooks it created), and
/// any `Bearer …` token, from server text.
#[derive(Default)]
pub(crate) struct Redactor {
    secrets: RwLock<Vec<SecretString>>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor { .. }")
    }
}

impl Redactor {
    /// A redactor for `secrets` (the API key, say); see [`Redactor::add`].
    pub(crate) fn new(secrets: impl IntoIterator<Item = SecretString>) -> Self {
        let redactor = Redactor::default();
        secrets.into_iter().for_each(|s| redactor.add(s));
        redactor
    }

    /// Removes `secret` too from now on (a webhook's, once the client has seen it). Secrets
    /// shorter than [`MIN_TOKEN`] bytes are ignored: no real credential is that short, and
    /// removing every `k` from a text would garble it (a test's key of `"k"`, say).
    pub(crate) fn add(&self, secret: SecretString) {
        if secret.expose_secret().len() < MIN_TOKEN {
            return;
        }
        let mut secrets = self.secrets.write().unwrap_or_else(|e| e.into_inner());
        if !secrets
            .iter()
            .any(|s| s.expose_secret() == secret.expose_secret())
        {
            secrets.push(secret);
        }
    }

    /// `text` without the secrets and with every bearer token replaced by `[redacted]`.
    pub(crate) fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = Cow::Borrowed(text);
        let secrets = self.secrets.read().unwrap_or_else(|e| e.into_inner());
        for secret in secrets.iter() {
            let secret = secret.expose_secret();
            if out.contains(secret) {
                out = Cow::Owned(out.replace(secret, REDACTED));
            }
        }
        match bearer_tokens(&out) {
            tokens if tokens.is_empty() => out,
            tokens => {
                let mut cleaned = String::with_capacity(out.len());
                let mut at = 0;
                for (start, end) in tokens {
                    cleaned.push_str(&out[at..start]);
                    cleaned.push_str(REDACTED);
                    at = end;
                }
                cleaned.push_str(&out[at..]);
                Cow::Owned(cleaned)
            }
        }
    }

    /// Redacts `text` in place.
    pub(crate) fn string(&self, text: &mut String) {
        if let Cow::Owned(clean) = self.text(text) {
            *text = clean;
        }
    }

    /// `line` with its path redacted (a cursor in its query string is the server's text).
    pub(crate) fn line(&self, line: RequestLine) -> RequestLine {
        match self.text(line.path()) {
            Cow::Borrowed(_) => line,
            Cow::Owned(path) => RequestLine::new(line.method(), path, line.is_write()),
        }
    }

    /// Attio's error body, redacted.
    pub(crate) fn api(&self, mut e: ApiError) -> ApiError {
        self.string(&mut e.message);
        self.string(&mut e.error_type);
        if let ErrorCode::Other(code) = &mut e.code {
            self.string(code);
        }
        e
    }

    /// A decode error with the texts it took from the answer redacted (Attio's and proxies'
    /// error answers are redacted where the transport builds them, in `error_from_response`).
    pub(crate) fn decode(&self, e: DecodeError) -> DecodeError {
        e.map_texts(|text| self.string(text))
    }
}

/// The shortest run taken for a token after `Bearer`: shorter words ("a bearer of news") are
/// prose, and no credential is that short.
const MIN_TOKEN: usize = 8;

/// The byte ranges of the tokens that follow `Bearer` (any case, then spaces) in `text`.
fn bearer_tokens(text: &str) -> Vec<(usize, usize)> {
    const SCHEME: &[u8] = b"bearer";
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + SCHEME.len() <= bytes.len() {
        let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(at_word_start && bytes[i..i + SCHEME.len()].eq_ignore_ascii_case(SCHEME)) {
            i += 1;
            continue;
        }
        let mut start = i + SCHEME.len();
        let spaces = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        start += spaces;
        let len = bytes[start..]
            .iter()
            .take_while(|b| is_token_byte(**b))
            .count();
        if spaces > 0 && len >= MIN_TOKEN && &text[start..start + len] != REDACTED {
            found.push((start, start + len));
        }
        i = start + len.max(1);
    }
    found
}

/// Whether `b` can be part of a token as servers print one: anything but space, quotes and the
/// punctuation that ends a token in prose or JSON. Non-ASCII bytes count, so a multi-byte
/// character never splits.
fn is_token_byte(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b.is_ascii_control() || b"\"'`,;<>()[]{}\\".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor() -> Redactor {
        Redactor::new([SecretString::from("sk-live-0123456789".to_owned())])
    }

    #[test]
    fn the_key_and_bearer_tokens_are_removed_wherever_they_are() {
        let r = redactor();
        for (input, expected) in [
            (
                "denied: you sent Bearer sk-live-0123456789",
                "denied: you sent Bearer [redacted]",
            ),
            (
                "The token Bearer other-token.with/chars= is invalid",
                "The token Bearer [redacted] is invalid",
            ),
            ("key=sk-live-0123456789;", "key=[redacted];"),
            (
                r#"{"authorization":"bearer  abcdefgh"}"#,
                r#"{"authorization":"bearer  [redacted]"}"#,
            ),
            (
                "Authorization: BEARER xyz12345",
                "Authorization: BEARER [redacted]",
            ),
            ("no secrets here", "no secrets here"),
            ("a bearer of news", "a bearer of news"),
            ("Bearer", "Bearer"),
            ("Bearer ", "Bearer "),
            (
                "unbearerable sk-live-0123456789x",
                "unbearerable [redacted]x",
            ),
            ("Bearer é€token12", "Bearer [redacted]"),
        ] {
            assert_eq!(r.text(input), expected, "{input}");
        }
    }

    #[test]
    fn a_secret_too_short_to_be_one_leaves_text_alone() {
        let r = Redactor::new([SecretString::from("k".to_owned())]);
        assert_eq!(r.text("workspace"), "workspace");
    }

    #[test]
    fn unchanged_text_is_not_copied() {
        assert!(matches!(redactor().text("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn an_api_error_is_redacted_in_every_field() {
        let body = r#"{"status_code":401,"type":"auth Bearer abcdefgh","code":"Bearer defghijk","message":"The token Bearer sk-live-0123456789 is invalid"}"#;
        let e: ApiError = serde_json::from_str(body).unwrap();
        let e = redactor().api(e);
        let shown = format!("{e} {e:?}");
        for secret in ["sk-live", "abcdefgh", "defghijk"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
}
