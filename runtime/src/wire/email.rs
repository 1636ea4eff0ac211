//! Emails as `GET /v2/emails` returns them: metadata only, never content. Public through
//! `attio::emails`.

use serde::Deserialize;

use crate::values::{ObjectId, RecordId, Timestamp, WorkspaceId};

/// An email of the workspace's connected mailboxes: who, when and the subject, never the body.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","mailbox_id":"m1","email_id":"e1"},
///   "sent_at":"2030-01-02T10:00:00.000000000Z","direction":"inbound","subject_line":null,
///   "participants":[{"role":"from","email_address":"ada@acme.com","email_domain":"acme.com","name":"Ada"}],
///   "linked_records":[]}"#;
/// let email: attio::emails::Email = serde_json::from_str(json)?;
/// assert_eq!(email.direction, attio::emails::EmailDirection::Inbound);
/// assert_eq!(email.participants[0].role, attio::emails::EmailRole::Sender);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Email {
    /// The email's ids.
    pub id: EmailIdentifier,
    /// When it was sent, from the email's own headers.
    pub sent_at: Timestamp,
    /// Sent from the workspace, or received by it.
    pub direction: EmailDirection,
    /// The subject; `None` when there is none, or the mailbox is shared as metadata only.
    #[serde(default)]
    pub subject_line: Option<String>,
    /// Who was on it (`bcc` only shows on outbound email).
    #[serde(default)]
    pub participants: Vec<EmailParticipant>,
    /// The people and companies whose addresses or domains are the participants', as the records
    /// are now (derived on each request, not stored).
    #[serde(default)]
    pub linked_records: Vec<EmailLinkedRecord>,
}

/// The ids of an email.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[non_exhaustive]
pub struct EmailIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The mailbox whose copy was read (an email is listed once, whatever the mailboxes).
    pub mailbox_id: String,
    /// The email.
    pub email_id: String,
}

/// Whether an email was sent from the workspace or received by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EmailDirection {
    /// Received.
    Inbound,
    /// Sent.
    Outbound,
    /// A direction newer than this SDK.
    #[serde(other)]
    Other,
}

/// Someone on an email.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct EmailParticipant {
    /// Their role on it.
    pub role: EmailRole,
    /// Their normalised address.
    pub email_address: String,
    /// Its domain.
    #[serde(default)]
    pub email_domain: String,
    /// Their name as the email gave it, if it did.
    #[serde(default)]
    pub name: Option<String>,
}

/// A participant's role on an email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EmailRole {
    /// The sender (`from`; not named `From`, which would shadow the standard trait's name in
    /// compiler messages).
    #[serde(rename = "from")]
    Sender,
    /// The reply-to address.
    ReplyTo,
    /// A recipient.
    To,
    /// Copied.
    Cc,
    /// Blind-copied.
    Bcc,
    /// A role newer than this SDK.
    #[serde(other)]
    Other,
}

/// A record an email is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct EmailLinkedRecord {
    /// The record's object slug.
    pub object_slug: String,
    /// The record's object id.
    pub object_id: ObjectId,
    /// The record.
    pub record_id: RecordId,
}
