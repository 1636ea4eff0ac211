//! Sequences: the workspace's sequence unsubscribe list. An address on it is never enrolled in a
//! sequence, and its active sequence runs are exited.

use serde::Deserialize;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::values::{EmailAddress, Timestamp};

/// The most addresses Attio takes in one request.
pub const MAX_UNSUBSCRIBE: usize = 1000;

/// An address on the unsubscribe list.
///
/// ```
/// let json = r#"{"email_address":"ada@acme.com","created_at":"2030-01-02T10:00:00.000000000Z"}"#;
/// let entry: attio::sequences::Unsubscribed = serde_json::from_str(json)?;
/// assert_eq!(entry.email_address, "ada@acme.com");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Unsubscribed {
    /// The normalised address.
    pub email_address: String,
    /// When it was added to the list (the first time, for one listed already).
    pub created_at: Timestamp,
}

impl Client {
    /// `POST /v2/sequences/unsubscribed_emails`: adds `addresses` to the sequence unsubscribe
    /// list. An address listed already is ignored (and keeps when it was added), so this is
    /// safe to repeat, and the client retries it like a read. At most [`MAX_UNSUBSCRIBE`]
    /// addresses a call, and at least one: checked before sending. Needs the scope
    /// `sequence_unsubscribe:read-write`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let listed = client
    ///     .unsubscribe_from_sequences(["ada@acme.com".parse()?, "bob@globex.com".parse()?])
    ///     .await?;
    /// assert_eq!(listed.len(), 2);
    /// # Ok(()) }
    /// ```
    pub async fn unsubscribe_from_sequences(
        &self,
        addresses: impl IntoIterator<Item = EmailAddress>,
    ) -> Result<Vec<Unsubscribed>> {
        let addresses: Vec<String> = addresses.into_iter().map(|a| a.to_string()).collect();
        if addresses.is_empty() || addresses.len() > MAX_UNSUBSCRIBE {
            return Err(Error::InvalidInput(format!(
                "the sequence unsubscribe list takes 1 to {MAX_UNSUBSCRIBE} addresses a call, \
                 not {}: send them in chunks (`addresses.chunks({MAX_UNSUBSCRIBE})`); nothing \
                 was sent",
                addresses.len()
            )));
        }
        self.execute(operation::sequences::unsubscribe(&addresses)?)
            .await
    }
}
