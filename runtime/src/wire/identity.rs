//! `GET /v2/self`: who the access token is. Its answer is not wrapped in `data`.

use serde::Deserialize;
use time::OffsetDateTime;

use crate::values::{Scopes, Timestamp, TokenLevel, WorkspaceId, WorkspaceMemberId};

/// Who the access token is: its workspace and its scopes (`GET /v2/self`, from
/// [`Client::whoami`](crate::Client::whoami)).
///
/// An inactive token (revoked, or expired) is answered with `active: false` and nothing else.
///
/// ```
/// let body = br#"{"active":true,"scope":"record_permission:read note:read-write","client_id":"c",
///   "token_type":"Bearer","exp":null,"iat":1700000000,"sub":"w","aud":"c","iss":"attio.com",
///   "authorized_by_workspace_member_id":"m","workspace_id":"w","workspace_name":"Acme",
///   "workspace_slug":"acme","workspace_logo_url":null,"token_level":"workspace"}"#;
/// let me: attio::Identity = attio::wire::decode_bare(body)?;
/// assert!(me.active);
/// assert_eq!(me.workspace.unwrap().name, "Acme");
/// assert!(me.scopes.contains(attio::Scope::read(attio::Resource::Note)));
/// assert_eq!(me.issued_at.unwrap().to_string(), "2023-11-14T22:13:20.000000000Z");
/// assert_eq!(me.token_level, Some(attio::TokenLevel::Workspace));
/// # Ok::<(), attio::DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Identity {
    /// Whether the token can be used at all.
    pub active: bool,
    /// The workspace the token belongs to (absent for an inactive token).
    pub workspace: Option<TokenWorkspace>,
    /// What the token may read and write.
    pub scopes: Scopes,
    /// The OAuth client (app) the token was issued to, if any.
    pub client_id: Option<String>,
    /// The workspace member who authorized the token, if any.
    pub authorized_by: Option<WorkspaceMemberId>,
    /// When the token was issued.
    pub issued_at: Option<Timestamp>,
    /// When the token expires; `None` when it does not.
    pub expires_at: Option<Timestamp>,
    /// Whether the token acts for the whole workspace or for one member; `None` when Attio did
    /// not say (an inactive token, or a level this crate does not know).
    pub token_level: Option<TokenLevel>,
}

/// The workspace an access token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenWorkspace {
    /// The workspace id.
    pub id: WorkspaceId,
    /// Its name, e.g. `Acme`.
    pub name: String,
    /// Its slug, e.g. `acme`.
    pub slug: String,
    /// Its logo, when it has one.
    pub logo_url: Option<String>,
}

/// `/v2/self` as Attio sends it: every field but `active` may be absent (an inactive token).
#[derive(Deserialize)]
struct SelfAnswer {
    active: bool,
    #[serde(default)]
    scope: Scopes,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    iat: Option<i64>,
    #[serde(default)]
    exp: Option<i64>,
    #[serde(default)]
    authorized_by_workspace_member_id: Option<WorkspaceMemberId>,
    #[serde(default)]
    workspace_id: Option<WorkspaceId>,
    #[serde(default)]
    workspace_name: Option<String>,
    #[serde(default)]
    workspace_slug: Option<String>,
    #[serde(default)]
    workspace_logo_url: Option<String>,
    #[serde(default)]
    token_level: Option<String>,
}

fn unix_seconds<E: serde::de::Error>(seconds: Option<i64>) -> Result<Option<Timestamp>, E> {
    seconds
        .map(|s| {
            OffsetDateTime::from_unix_timestamp(s)
                .ok()
                .and_then(|t| Timestamp::from_offset_date_time(t).ok())
                .ok_or_else(|| E::custom(format!("{s} is not a time in seconds since 1970")))
        })
        .transpose()
}

impl<'de> Deserialize<'de> for Identity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Identity, D::Error> {
        let answer = SelfAnswer::deserialize(d)?;
        let workspace = answer.workspace_id.map(|id| TokenWorkspace {
            name: answer.workspace_name.unwrap_or_default(),
            slug: answer.workspace_slug.unwrap_or_default(),
            logo_url: answer.workspace_logo_url,
            id,
        });
        Ok(Identity {
            active: answer.active,
            workspace,
            scopes: answer.scope,
            client_id: answer.client_id,
            authorized_by: answer.authorized_by_workspace_member_id,
            issued_at: unix_seconds(answer.iat)?,
            expires_at: unix_seconds(answer.exp)?,
            token_level: answer.token_level.as_deref().and_then(TokenLevel::parse),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inactive_token_is_only_active_false() {
        let me: Identity = crate::wire::decode_bare(br#"{"active":false}"#).unwrap();
        assert!(!me.active);
        assert!(me.workspace.is_none());
        assert!(me.scopes.is_empty());
    }

    #[test]
    fn a_bad_iat_names_the_field() {
        let err = crate::wire::decode_bare::<Identity>(br#"{"active":true,"iat":"soon"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("invalid type"), "{err}");
    }
}
