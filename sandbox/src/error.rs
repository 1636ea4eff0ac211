//! Attio-shaped error responses.

use serde_json::{Value, json};

/// An error the sandbox answers with, in Attio's four-field body
/// `{"status_code","type","code","message"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status (mirrored in the body's `status_code`).
    pub status: u16,
    /// The body's `type`, e.g. `invalid_request_error`.
    pub kind: &'static str,
    /// The body's `code`, e.g. `validation_type`.
    pub code: &'static str,
    /// A human-readable message.
    pub message: String,
}

impl ApiError {
    /// An error with the given status, type and code.
    pub fn new(
        status: u16,
        kind: &'static str,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            kind,
            code,
            message: message.into(),
        }
    }

    /// 400 `validation_type`: a malformed body, a value of the wrong type, an empty PATCH.
    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request_error", "validation_type", message)
    }

    /// 400 `value_not_found`: an unknown attribute, select option, status, member or target record.
    pub fn value_not_found(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request_error", "value_not_found", message)
    }

    /// 400 `missing_value`: a required attribute has no value.
    pub fn missing_value(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request_error", "missing_value", message)
    }

    /// 400 `uniqueness_conflict`: a unique attribute's value is already taken by another record.
    pub fn uniqueness(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request_error", "uniqueness_conflict", message)
    }

    /// 400 `filter_error`: a query filter or sort the sandbox cannot apply.
    pub fn filter(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request_error", "filter_error", message)
    }

    /// 400 `validation_type` for a PATCH that changes nothing, with Attio's message.
    pub fn empty_payload() -> Self {
        Self::validation(
            "You passed an empty payload. Please ensure you are updating at least one property in your request.",
        )
    }

    /// 400 `immutable_value`: a change to something fixed at creation (an entry's parent, a
    /// list's parent object).
    pub fn immutable(message: impl Into<String>) -> Self {
        Self::new(400, "invalid_request_error", "immutable_value", message)
    }

    /// 400 `multiple_match_results`: an assert matched several records or entries.
    pub fn multiple_matches(message: impl Into<String>) -> Self {
        Self::new(
            400,
            "invalid_request_error",
            "multiple_match_results",
            message,
        )
    }

    /// 400 `system_edit_unauthorized`: a write to a read-only (system or enriched) attribute.
    pub fn system_edit(message: impl Into<String>) -> Self {
        Self::new(
            400,
            "invalid_request_error",
            "system_edit_unauthorized",
            message,
        )
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, "invalid_request_error", "not_found", message)
    }

    /// 409 `slug_conflict`.
    pub fn slug_conflict(message: impl Into<String>) -> Self {
        Self::new(409, "invalid_request_error", "slug_conflict", message)
    }

    /// 401 `unauthorized`.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(401, "auth_error", "unauthorized", message)
    }

    /// 429 `rate_limit_exceeded`, with Attio's documented message.
    pub fn rate_limited() -> Self {
        Self::new(
            429,
            "rate_limit_error",
            "rate_limit_exceeded",
            "Rate limit exceeded, please try again later",
        )
    }

    /// 409 `concurrent_write_conflict`, with Attio's documented message: another request changed
    /// the record while this write was validated; nothing was applied.
    pub fn concurrent_write_conflict() -> Self {
        Self::new(
            409,
            "invalid_request_error",
            "concurrent_write_conflict",
            "The record was modified by another request while this write was being validated. Please try again.",
        )
    }

    /// An Attio-shaped error for an arbitrary status (used by fault injection).
    pub fn for_status(status: u16) -> Self {
        match status {
            401 => Self::unauthorized("Injected fault: unauthorized."),
            403 => Self::new(403, "auth_error", "forbidden", "Injected fault: forbidden."),
            404 => Self::not_found("Injected fault: not found."),
            409 => Self::concurrent_write_conflict(),
            429 => Self::rate_limited(),
            400..=499 => Self::validation("Injected fault."),
            _ => Self::new(
                status,
                "internal_server_error",
                "internal_server_error",
                "Injected fault: internal server error.",
            ),
        }
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        json!({
            "status_code": self.status,
            "type": self.kind,
            "code": self.code,
            "message": self.message,
        })
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.message)
    }
}

impl std::error::Error for ApiError {}
