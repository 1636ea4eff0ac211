//! Token levels: whether an access token acts for the whole workspace or for one member, and the
//! operations that accept only one of them.

use std::fmt;

/// Whether an access token acts for the whole workspace or for a single workspace member
/// (`token_level` in `GET /v2/self`, [`Identity::token_level`](crate::Identity::token_level)).
///
/// Most operations accept both. A few accept only a workspace-level token:
/// [`TokenLevel::supported_by`] says which, and
/// [`Client::require_access`](crate::Client::require_access) checks them before a job starts.
///
/// ```
/// use attio::TokenLevel;
///
/// assert_eq!(TokenLevel::supported_by("GET", "/v2/webhooks"), [TokenLevel::Workspace]);
/// assert_eq!(
///     TokenLevel::supported_by("GET", "/v2/notes?limit=10"),
///     [TokenLevel::Workspace, TokenLevel::User]
/// );
/// assert_eq!(TokenLevel::User.to_string(), "user");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenLevel {
    /// Acts for the whole workspace (an access token made in the workspace's settings).
    Workspace,
    /// Acts for one workspace member.
    User,
}

/// The operations Attio documents as supporting workspace-level tokens only (method, path
/// template), as its reference says ("Supported token levels: `workspace`"); every other
/// operation supports both levels.
pub const WORKSPACE_ONLY: &[(&str, &str)] = &[
    ("GET", "/v2/emails"),
    ("GET", "/v2/meetings"),
    (
        "GET",
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript",
    ),
    ("GET", "/v2/webhooks"),
    ("POST", "/v2/webhooks"),
    ("GET", "/v2/webhooks/{webhook_id}"),
    ("PATCH", "/v2/webhooks/{webhook_id}"),
    ("DELETE", "/v2/webhooks/{webhook_id}"),
];

impl TokenLevel {
    /// The level's name as Attio writes it: `workspace` or `user`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenLevel::Workspace => "workspace",
            TokenLevel::User => "user",
        }
    }

    /// The level named `name` (`workspace` or `user`); `None` for a name this crate does not
    /// know.
    ///
    /// ```
    /// assert_eq!(attio::TokenLevel::parse("workspace"), Some(attio::TokenLevel::Workspace));
    /// assert_eq!(attio::TokenLevel::parse("team"), None);
    /// ```
    pub fn parse(name: &str) -> Option<TokenLevel> {
        match name {
            "workspace" => Some(TokenLevel::Workspace),
            "user" => Some(TokenLevel::User),
            _ => None,
        }
    }

    /// The token levels the operation `method path` supports, `path` concrete
    /// (`/v2/webhooks/0f1c…`, a query string allowed) or a template (`/v2/webhooks/{webhook_id}`).
    pub fn supported_by(method: &str, path: &str) -> &'static [TokenLevel] {
        const BOTH: &[TokenLevel] = &[TokenLevel::Workspace, TokenLevel::User];
        const WORKSPACE: &[TokenLevel] = &[TokenLevel::Workspace];
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let workspace_only = WORKSPACE_ONLY
            .iter()
            .any(|(m, template)| m.eq_ignore_ascii_case(method) && matches(template, path));
        if workspace_only { WORKSPACE } else { BOTH }
    }
}

/// Whether `path` (no query string) is an instance of `template`: the same segments, `{…}`
/// matching any one.
pub(crate) fn matches(template: &str, path: &str) -> bool {
    let mut t = template.trim_matches('/').split('/');
    let mut p = path.trim_matches('/').split('/');
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(t), Some(p)) if (t.starts_with('{') && !p.is_empty()) || t == p => {}
            _ => return false,
        }
    }
}

impl fmt::Display for TokenLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_concrete_paths_segment_by_segment() {
        assert_eq!(
            TokenLevel::supported_by(
                "get",
                "/v2/meetings/m1/call_recordings/r1/transcript?cursor=x"
            ),
            [TokenLevel::Workspace]
        );
        assert_eq!(
            TokenLevel::supported_by("GET", "/v2/meetings/m1"),
            [TokenLevel::Workspace, TokenLevel::User]
        );
        assert_eq!(
            TokenLevel::supported_by("POST", "/v2/meetings"),
            [TokenLevel::Workspace, TokenLevel::User]
        );
        assert_eq!(
            TokenLevel::supported_by("DELETE", "/v2/webhooks//"),
            [TokenLevel::Workspace, TokenLevel::User],
            "an empty segment is no id"
        );
    }
}
