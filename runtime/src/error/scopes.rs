//! The token lacks scopes a job asked for up front ([`Client::require_scopes`](crate::Client::require_scopes)),
//! or is of a level some of its operations do not accept ([`Client::require_access`](crate::Client::require_access)).

use std::fmt;

use crate::values::{Scope, TokenLevel};

/// The access token cannot do what was asked of it: it is not active, it lacks scopes, or it is
/// a member's (user-level) token and some operations accept only a workspace-level one.
///
/// Returned by [`Client::require_scopes`](crate::Client::require_scopes) before a job starts, so
/// that it fails once, listing everything missing, instead of with a 403 halfway through.
///
/// ```
/// use attio::{Resource, Scope};
///
/// # async fn run(client: attio::Client) {
/// match client.require_scopes([Scope::read_write(Resource::Note)]).await {
///     Ok(identity) => println!("working in {:?}", identity.workspace.map(|w| w.name)),
///     Err(attio::Error::Scopes(e)) => eprintln!("{e}"), // lists every missing scope
///     Err(e) => eprintln!("could not ask Attio: {e}"),
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeError {
    /// The workspace's name (or slug) the token belongs to, when Attio said.
    pub workspace: Option<String>,
    /// Whether the token is active; an inactive (revoked or expired) token can do nothing.
    pub active: bool,
    /// The scopes asked for that the token does not hold, in the order asked.
    pub missing: Vec<Scope>,
    /// The token's level, when Attio said.
    pub token_level: Option<TokenLevel>,
    /// The operations asked for (`GET /v2/webhooks`) that do not accept the token's level.
    pub wrong_level: Vec<String>,
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.active {
            return f.write_str(
                "the access token is not active (revoked or expired): create a new one in Attio \
                 (Workspace settings → Developers) and set ATTIO_API_KEY to it; nothing was sent",
            );
        }
        f.write_str("the access token")?;
        if let Some(workspace) = &self.workspace {
            write!(f, " (workspace `{workspace}`)")?;
        }
        if !self.wrong_level.is_empty() {
            let level = self.token_level.map_or("of another level", |l| match l {
                TokenLevel::User => "user-level (it acts for one workspace member)",
                TokenLevel::Workspace => "workspace-level",
            });
            write!(
                f,
                " is {level}, and {} {} a workspace-level token: make an access token in Attio \
                 (Workspace settings → Developers) and use it for {}",
                self.wrong_level.join(", "),
                if self.wrong_level.len() == 1 {
                    "needs"
                } else {
                    "need"
                },
                if self.wrong_level.len() == 1 {
                    "it"
                } else {
                    "them"
                },
            )?;
            if self.missing.is_empty() {
                return f.write_str("; nothing was sent");
            }
            f.write_str("; it also")?;
        }
        let list: Vec<String> = self.missing.iter().map(Scope::to_string).collect();
        let (noun, pronoun) = if self.missing.len() == 1 {
            ("scope", "it")
        } else {
            ("scopes", "them")
        };
        write!(
            f,
            " lacks the {noun} this job needs: {}; grant {pronoun} to the token in Attio \
             (Workspace settings → Developers → the token's scopes), or use a token that has \
             {pronoun}; nothing was sent",
            list.join(", ")
        )
    }
}

impl std::error::Error for ScopeError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Resource;

    #[test]
    fn the_message_lists_every_missing_scope_and_what_to_do() {
        let e = ScopeError {
            workspace: Some("Acme".into()),
            active: true,
            missing: vec![
                Scope::read_write(Resource::Note),
                Scope::read(Resource::Task),
            ],
            token_level: Some(TokenLevel::Workspace),
            wrong_level: vec![],
        };
        let text = e.to_string();
        assert!(
            text.starts_with("the access token (workspace `Acme`) lacks the scopes this job needs: note:read-write, task:read; grant them"),
            "{text}"
        );
        assert!(text.ends_with("nothing was sent"), "{text}");
    }

    #[test]
    fn an_inactive_token_says_so() {
        let e = ScopeError {
            workspace: None,
            active: false,
            missing: vec![],
            token_level: None,
            wrong_level: vec![],
        };
        assert!(e.to_string().contains("not active"), "{e}");
    }

    #[test]
    fn a_user_level_token_is_told_which_operations_need_a_workspace_token() {
        let e = ScopeError {
            workspace: Some("Acme".into()),
            active: true,
            missing: vec![Scope::read(Resource::Webhook)],
            token_level: Some(TokenLevel::User),
            wrong_level: vec!["GET /v2/webhooks".into()],
        };
        let text = e.to_string();
        assert!(
            text.starts_with("the access token (workspace `Acme`) is user-level (it acts for one workspace member), and GET /v2/webhooks needs a workspace-level token"),
            "{text}"
        );
        assert!(
            text.contains("; it also lacks the scope this job needs: webhook:read"),
            "{text}"
        );
        assert!(text.ends_with("nothing was sent"), "{text}");
    }
}
