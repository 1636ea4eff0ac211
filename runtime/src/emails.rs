//! Emails of the workspace's connected mailboxes: metadata (who, when, the subject), never the
//! content. Attio enables `GET /v2/emails` per workspace and app on request (it is in alpha), and
//! only for workspace-level tokens.
//!
//! There is no listing every email: say which with at least one filter, the records they are
//! linked to, participants' addresses or a domain. Several filters are combined with OR.
//!
//! ```no_run
//! # #[attio::attio_object(slug = "companies")] struct Company { name: String }
//! # async fn run(client: attio::Client, acme: attio::Ref<Company>) -> Result<(), Box<dyn std::error::Error>> {
//! let emails = client
//!     .emails()
//!     .linked_to(&acme)
//!     .domain("acme.com".parse()?)
//!     .sent_after("2030-01-01T00:00:00Z".parse()?)
//!     .collect_all()
//!     .await?;
//! for email in &emails {
//!     println!("{} {:?}", email.sent_at, email.subject_line);
//! }
//! # Ok(()) }
//! ```

use url::form_urlencoded;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::pages::Listing;
use crate::values::{Domain, EmailAddress, RecordId, Timestamp};
use crate::wire::parent::ParentRecord;

pub use crate::wire::email::{
    Email, EmailDirection, EmailIdentifier, EmailLinkedRecord, EmailParticipant, EmailRole,
};

/// The page size asked for by default (Attio's default).
pub const DEFAULT_PAGE: usize = 25;

impl Client {
    /// The emails that match the filters of [`EmailListing`], newest first, as a stream that
    /// pages by itself (`GET /v2/emails`, by cursor). At least one filter is required: without
    /// one the listing fails before sending. A page may be short, or empty, while more follow.
    pub fn emails(&self) -> EmailListing<'_> {
        EmailListing {
            client: self,
            object: None,
            records: Vec::new(),
            participants: Vec::new(),
            domain: None,
            sent_after: None,
            sent_before: None,
            page_size: DEFAULT_PAGE,
            refused: None,
        }
    }
}

/// Which emails to list; made by [`Client::emails`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct EmailListing<'c> {
    client: &'c Client,
    object: Option<String>,
    records: Vec<RecordId>,
    participants: Vec<EmailAddress>,
    domain: Option<Domain>,
    sent_after: Option<Timestamp>,
    sent_before: Option<Timestamp>,
    page_size: usize,
    /// The first filter that could not be written, refused when streamed.
    refused: Option<Error>,
}

impl EmailListing<'_> {
    /// Emails linked to `record` (a person or a company whose address or domain is a
    /// participant's). Call again for more records of the same object; Attio takes one object.
    pub fn linked_to(mut self, record: &impl ParentRecord) -> Self {
        match record.to_parent() {
            Ok(r)
                if self
                    .object
                    .as_deref()
                    .is_none_or(|o| o == r.target_object()) =>
            {
                self.object = Some(r.target_object().to_owned());
                self.records.push(r.target_record_id().clone());
            }
            Ok(r) => {
                self.refused.get_or_insert(Error::InvalidInput(format!(
                    "emails are listed for the records of one object, and `{}` is not `{}`: list \
                     the `{}` records' emails in a second listing",
                    r.target_object(),
                    self.object.as_deref().unwrap_or_default(),
                    r.target_object(),
                )));
            }
            Err(e) => {
                self.refused.get_or_insert(e);
            }
        }
        self
    }

    /// Emails with this participant (call again for more).
    pub fn participant(mut self, address: EmailAddress) -> Self {
        self.participants.push(address);
        self
    }

    /// Emails with a participant at this domain (one domain: a second call replaces the first).
    pub fn domain(mut self, domain: Domain) -> Self {
        self.domain = Some(domain);
        self
    }

    /// Only emails sent after `at`.
    pub fn sent_after(mut self, at: Timestamp) -> Self {
        self.sent_after = Some(at);
        self
    }

    /// Only emails sent before `at`.
    pub fn sent_before(mut self, at: Timestamp) -> Self {
        self.sent_before = Some(at);
        self
    }

    /// Emails per request, 1 to 100 (default 25); out of range is clamped.
    pub fn page_size(mut self, n: usize) -> Self {
        self.page_size = n.clamp(1, 100);
        self
    }

    /// The emails, fetched page after page as the stream is polled.
    pub fn stream(self) -> Listing<Email> {
        if let Some(e) = self.refused {
            return Listing::failed(e);
        }
        if self.object.is_none() && self.participants.is_empty() && self.domain.is_none() {
            return Listing::failed(Error::InvalidInput(
                "Attio lists no email without a filter: add `.linked_to(&record)`, \
                 `.participant(address)` or `.domain(domain)` (several are combined with OR); \
                 nothing was sent"
                    .into(),
            ));
        }
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("limit", &self.page_size.to_string());
        if let Some(object) = &self.object {
            let ids: Vec<&str> = self.records.iter().map(RecordId::as_str).collect();
            query.append_pair("linked_object", object);
            query.append_pair("linked_record_ids", &ids.join(","));
        }
        if !self.participants.is_empty() {
            let all: Vec<&str> = self.participants.iter().map(EmailAddress::as_str).collect();
            query.append_pair("participants", &all.join(","));
        }
        if let Some(domain) = &self.domain {
            query.append_pair("domain", domain.as_str());
        }
        if let Some(at) = &self.sent_after {
            query.append_pair("sent_after", &at.to_string());
        }
        if let Some(at) = &self.sent_before {
            query.append_pair("sent_before", &at.to_string());
        }
        let query = query.finish();
        Listing::by_cursor(self.client, move |cursor| {
            operation::emails::list_page(&query, cursor)
        })
    }

    /// Every email, or the first error.
    pub async fn collect_all(self) -> Result<Vec<Email>> {
        self.stream().collect_all().await
    }
}
