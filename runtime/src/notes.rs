//! Notes on records: create, read, update, list and delete.
//!
//! ```no_run
//! use attio::notes::NewNote;
//! use futures::TryStreamExt as _;
//!
//! #[attio::attio_object(slug = "companies")]
//! struct Company { name: String }
//!
//! # async fn run(client: attio::Client, acme: attio::RecordId) -> attio::Result<()> {
//! let acme = attio::Ref::<Company>::new(acme);
//! let note = client
//!     .create_note(&acme, NewNote::markdown("Call with Acme", "## Next steps\n- send the **quote**"))
//!     .await?;
//! println!("{}", note.content_plaintext);
//!
//! let all: Vec<attio::notes::Note> = client.notes().on(&acme).collect_all().await?;
//! client.delete_note(&note.id.note_id).await?;
//! # Ok(()) }
//! ```

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::pages::Listing;
use crate::values::{MeetingId, NoteId, RecordReference, Timestamp};

pub use crate::wire::note::{Note, NoteFormat, NoteIdentifier, NoteTag};
pub use crate::wire::parent::ParentRecord;

/// Attio's largest page of notes.
const MAX_PAGE: usize = 50;

/// A note to create: a title and content in a [`NoteFormat`]; the parent is given to
/// [`Client::create_note`].
///
/// ```
/// use attio::notes::NewNote;
///
/// let note = NewNote::plaintext("Call", "Went well.\nFollow up in May.")
///     .created_at("2024-03-01T10:00:00Z".parse()?);
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use = "a note is created by `client.create_note(&parent, note)`"]
pub struct NewNote {
    title: String,
    format: NoteFormat,
    content: String,
    created_at: Option<Timestamp>,
    meeting_id: Option<MeetingId>,
}

impl NewNote {
    /// A plain-text note; `\n` separates lines.
    pub fn plaintext(title: impl Into<String>, content: impl Into<String>) -> Self {
        NewNote::new(title, NoteFormat::Plaintext, content)
    }

    /// A note in Attio's markdown subset: headings 1 to 3, lists, `**bold**`, `*italic*`,
    /// `~~strike~~`, `==highlight==` and links; no images.
    pub fn markdown(title: impl Into<String>, content: impl Into<String>) -> Self {
        NewNote::new(title, NoteFormat::Markdown, content)
    }

    fn new(title: impl Into<String>, format: NoteFormat, content: impl Into<String>) -> Self {
        NewNote {
            title: title.into(),
            format,
            content: content.into(),
            created_at: None,
            meeting_id: None,
        }
    }

    /// Backdates the note (for a migration, say): from 1970 up to now. Default: now.
    pub fn created_at(mut self, at: Timestamp) -> Self {
        self.created_at = Some(at);
        self
    }

    /// The meeting the note belongs to.
    pub fn meeting(mut self, meeting_id: MeetingId) -> Self {
        self.meeting_id = Some(meeting_id);
        self
    }

    /// Refuses what Attio would refuse, before sending.
    fn check(&self) -> Result<()> {
        if let Some(at) = self.created_at {
            let epoch = Timestamp::from_offset_date_time(time::OffsetDateTime::UNIX_EPOCH);
            if epoch.is_ok_and(|epoch| at < epoch) || at > Timestamp::now() {
                return Err(Error::InvalidInput(format!(
                    "a note's `created_at` must be between 1970 and now, and {at} is not"
                )));
            }
        }
        Ok(())
    }
}

/// What to change in a note: its title, its content (which replaces the whole note's content), or
/// both. Its parent cannot change. Made with [`NoteUpdate::title`], [`NoteUpdate::plaintext`] or
/// [`NoteUpdate::markdown`]; applied by [`Client::update_note`].
///
/// ```
/// use attio::notes::NoteUpdate;
///
/// let retitled = NoteUpdate::title("Call with Acme (renewal)");
/// let rewritten = NoteUpdate::markdown("## Outcome\n- signed").and_title("Signed");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use = "an update is applied by `client.update_note(&id, update)`"]
pub struct NoteUpdate {
    title: Option<String>,
    content: Option<(NoteFormat, String)>,
}

impl NoteUpdate {
    /// A new title (plain text), the content left as it is.
    pub fn title(title: impl Into<String>) -> Self {
        NoteUpdate {
            title: Some(title.into()),
            content: None,
        }
    }

    /// New plain-text content, replacing the whole note's; the title left as it is.
    pub fn plaintext(content: impl Into<String>) -> Self {
        NoteUpdate {
            title: None,
            content: Some((NoteFormat::Plaintext, content.into())),
        }
    }

    /// New content in Attio's markdown subset, replacing the whole note's.
    pub fn markdown(content: impl Into<String>) -> Self {
        NoteUpdate {
            title: None,
            content: Some((NoteFormat::Markdown, content.into())),
        }
    }

    /// The title changes too.
    pub fn and_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

impl Client {
    /// `PATCH /v2/notes/{note_id}`: a new title and/or new content, which replaces the whole
    /// note's content (there is no appending). The parent record cannot change. The note as it
    /// now is. Repeatable: a repeat sets the same title and content again.
    ///
    /// ```no_run
    /// use attio::notes::NoteUpdate;
    ///
    /// # async fn run(client: attio::Client, id: attio::values::NoteId) -> attio::Result<()> {
    /// let note = client
    ///     .update_note(&id, NoteUpdate::markdown("## Outcome\n- **signed**").and_title("Signed"))
    ///     .await?;
    /// assert_eq!(note.title, "Signed");
    /// # Ok(()) }
    /// ```
    pub async fn update_note(&self, id: &NoteId, update: NoteUpdate) -> Result<Note> {
        let content = update
            .content
            .as_ref()
            .map(|(format, text)| (*format, text.as_str()));
        self.execute(operation::notes::update(
            id,
            update.title.as_deref(),
            content,
        ))
        .await
    }

    /// `POST /v2/notes`: creates a note on `parent`. Not repeatable (a repeat makes a second
    /// note), so it is retried only when it was never sent.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, person: attio::RecordReference) -> attio::Result<()> {
    /// let note = client
    ///     .create_note(&person, attio::notes::NewNote::plaintext("Intro", "Met at the conference."))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_note(&self, parent: &impl ParentRecord, note: NewNote) -> Result<Note> {
        let parent = parent.to_parent()?;
        note.check()?;
        let op = operation::notes::create(
            &parent,
            &note.title,
            note.format,
            &note.content,
            note.created_at.as_ref(),
            note.meeting_id.as_ref(),
        );
        self.execute(op).await
    }

    /// `GET /v2/notes/{note_id}`.
    pub async fn get_note(&self, id: &NoteId) -> Result<Note> {
        self.execute(operation::notes::get(id)).await
    }

    /// `DELETE /v2/notes/{note_id}`.
    pub async fn delete_note(&self, id: &NoteId) -> Result<()> {
        self.execute(operation::notes::delete(id)).await
    }

    /// The workspace's notes, or one record's with [`NoteListing::on`], as a stream that pages
    /// by itself (`GET /v2/notes`, 50 at a time).
    pub fn notes(&self) -> NoteListing<'_> {
        NoteListing {
            client: self,
            parent: None,
            limit: None,
        }
    }
}

/// Which notes to list; made by [`Client::notes`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct NoteListing<'c> {
    client: &'c Client,
    parent: Option<Result<RecordReference>>,
    limit: Option<usize>,
}

impl NoteListing<'_> {
    /// Only the notes on `parent`.
    pub fn on(mut self, parent: &impl ParentRecord) -> Self {
        self.parent = Some(parent.to_parent());
        self
    }

    /// At most `n` notes in all.
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = Some(n);
        self
    }

    /// The notes, fetched page after page as the stream is polled.
    pub fn stream(self) -> Listing<Note> {
        let parent = match self.parent.transpose() {
            Ok(parent) => parent,
            Err(e) => return Listing::failed(e),
        };
        Listing::by_offset(
            self.client,
            MAX_PAGE,
            0,
            self.limit,
            move |limit, offset| operation::notes::list_page(parent.as_ref(), limit, offset),
        )
    }

    /// Every note, or the first error.
    pub async fn collect_all(self) -> Result<Vec<Note>> {
        self.stream().collect_all().await
    }
}
