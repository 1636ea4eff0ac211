//! A meeting's linked records, added to or replaced, and a meeting deleted.

use crate::client::Client;
use crate::error::Result;
use crate::operation;
use crate::values::MeetingId;
use crate::wire::meeting::{self, LinkInput, Meeting};
use crate::wire::parent::ParentRecord;

/// The records, as the body names them; the first that cannot be named is the error.
fn links_body<R: ParentRecord>(records: impl IntoIterator<Item = R>) -> Result<Vec<u8>> {
    let records = records
        .into_iter()
        .map(|r| r.to_parent())
        .collect::<Result<Vec<_>>>()?;
    let links: Vec<LinkInput<'_>> = records
        .iter()
        .map(|r| LinkInput {
            object: r.target_object(),
            record_id: r.target_record_id(),
        })
        .collect();
    Ok(meeting::links_body(&links))
}

impl Client {
    /// `PATCH /v2/meetings/{meeting_id}`: links `records` to the meeting, beside those linked
    /// already (a record linked already is left as it is; nothing else of the meeting changes).
    /// Repeatable, so retried like a read. The meeting as it now is.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "deals")] struct Deal { name: String }
    /// # async fn run(client: attio::Client, id: attio::values::MeetingId, deal: attio::Ref<Deal>) -> attio::Result<()> {
    /// let meeting = client.link_meeting_records(&id, [&deal]).await?;
    /// println!("{} linked", meeting.linked_records.len());
    /// # Ok(()) }
    /// ```
    pub async fn link_meeting_records<R: ParentRecord>(
        &self,
        id: &MeetingId,
        records: impl IntoIterator<Item = R>,
    ) -> Result<Meeting> {
        let body = links_body(records)?;
        self.execute(operation::meetings::set_links(id, true, body))
            .await
    }

    /// `PUT /v2/meetings/{meeting_id}`: the meeting's linked records become `records`, every
    /// other one unlinked (those Attio linked from the participants too); no records unlinks all.
    /// The meeting as it now is.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::MeetingId) -> attio::Result<()> {
    /// let none: [attio::RecordReference; 0] = [];
    /// let meeting = client.replace_meeting_records(&id, none).await?; // unlinks every record
    /// assert!(meeting.linked_records.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn replace_meeting_records<R: ParentRecord>(
        &self,
        id: &MeetingId,
        records: impl IntoIterator<Item = R>,
    ) -> Result<Meeting> {
        let body = links_body(records)?;
        self.execute(operation::meetings::set_links(id, false, body))
            .await
    }

    /// `DELETE /v2/meetings/{meeting_id}`, with its call recordings. A meeting that calendar
    /// sync made cannot be deleted through the API: Attio refuses it (`400
    /// system_edit_unauthorized`); delete the calendar event, or disconnect the calendar, instead.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::MeetingId) -> attio::Result<()> {
    /// client.delete_meeting(&id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_meeting(&self, id: &MeetingId) -> Result<()> {
        self.execute(operation::meetings::delete(id)).await
    }
}
