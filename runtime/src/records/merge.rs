//! Record merge: `POST /v2/objects/{object}/records/merge`, and the wait for the new record.
//!
//! Attio merges two records of one object into a **new** record (the primary's values win where
//! both have one) and answers its id; both originals can no longer be read. A small merge is
//! readable at once (`200`); a large one is committed and applied in the background (`202`),
//! and reading the new record answers `404 merge_in_progress` until it is done. The client
//! reads the new record until it can, within [`ClientBuilder::merge_wait`]: so when a merge
//! call returns, the record is there to read. Past the bound the error is
//! [`Error::MergePending`], which says the merge was committed.
//!
//! [`ClientBuilder::merge_wait`]: crate::ClientBuilder::merge_wait

use std::time::{Duration, Instant};

use crate::client::Client;
use crate::error::{Error, ErrorCode, Result};
use crate::operation::{self, Operation};
use crate::values::{RecordId, RecordObject};
use crate::wire::Record;

impl Client {
    /// `POST /v2/objects/{slug}/records/merge`: merges the record `secondary` into `primary` and
    /// returns the **new** record the merge makes, typed. Usually called as
    /// `Company::merge(&client, &primary, &secondary)` ([`RecordExt::merge`](crate::prelude::RecordExt::merge)).
    ///
    /// Where both records have a value for an attribute, the primary's wins; the secondary's
    /// values are kept only where the primary has none. The new record has a new id, and both
    /// originals are gone (reading either answers `404`). When Attio answers `202` (a large
    /// merge, committed but still being applied), the client reads the new record until it
    /// can, within [`ClientBuilder::merge_wait`](crate::ClientBuilder::merge_wait); past that,
    /// [`Error::MergePending`]. A merge is not repeated on a lost answer (a repeat would find
    /// both originals gone).
    ///
    /// Errors: the same id twice is [`ErrorCode::SelfMerge`] (`400`); a record that does not
    /// exist, or was merged before, is [`ErrorCode::NotFound`] (`404`).
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # async fn run(client: attio::Client, acme: attio::RecordId, acme_dup: attio::RecordId) -> attio::Result<()> {
    /// let merged = client.merge_record::<Company>(&acme, &acme_dup).await?;
    /// println!("{} is now {}", merged.values.name, merged.id.record_id);
    /// # Ok(()) }
    /// ```
    pub async fn merge_record<T: RecordObject>(
        &self,
        primary: &RecordId,
        secondary: &RecordId,
    ) -> Result<Record<T>> {
        let merge = operation::records::merge(T::SLUG, primary, secondary)?;
        let request = merge.line();
        let id = self.execute(merge).await?;
        self.read_merged(request, &id, || operation::records::get::<T>(&id))
            .await
    }

    /// `POST /v2/objects/{object}/records/merge` for any object, by slug or id: merges
    /// `secondary` into `primary` and returns the id of the **new** record, once it can be read
    /// (see [`merge_record`](Client::merge_record), which returns the record itself, typed).
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, a: attio::RecordId, b: attio::RecordId) -> attio::Result<()> {
    /// let merged: attio::RecordId = client.merge_records("companies", &a, &b).await?;
    /// # Ok(()) }
    /// ```
    pub async fn merge_records(
        &self,
        object: &str,
        primary: &RecordId,
        secondary: &RecordId,
    ) -> Result<RecordId> {
        let merge = operation::records::merge(object, primary, secondary)?;
        let request = merge.line();
        let id = self.execute(merge).await?;
        self.read_merged(request, &id, || operation::records::probe(object, &id))
            .await?;
        Ok(id)
    }

    /// Reads the merge's new record (`read` builds the request) until it is no longer
    /// `404 merge_in_progress`, pausing 50 ms, doubling up to 2 s, within the client's merge
    /// wait; then [`Error::MergePending`].
    async fn read_merged<R>(
        &self,
        request: crate::error::RequestLine,
        id: &RecordId,
        read: impl Fn() -> Operation<R>,
    ) -> Result<R> {
        let bound = self.merge_wait();
        let started = Instant::now();
        let mut pause = Duration::from_millis(50);
        loop {
            match self.execute(read()).await {
                Err(Error::Api(e)) if e.code == ErrorCode::MergeInProgress => {
                    let waited = started.elapsed();
                    if waited >= bound {
                        return Err(Error::MergePending {
                            request,
                            new_record_id: id.clone(),
                            waited,
                        });
                    }
                    tokio::time::sleep(pause.min(bound - waited)).await;
                    pause = (pause * 2).min(Duration::from_secs(2));
                }
                answer => return answer,
            }
        }
    }
}
