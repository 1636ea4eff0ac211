//! Tasks: create, read, update (deadline, completion, links, assignees), list and delete.
//!
//! ```no_run
//! use attio::tasks::{NewTask, TaskUpdate};
//! use attio::{ActorReference, Ref};
//!
//! #[attio::attio_object(slug = "companies")]
//! struct Company { domains: Vec<attio::Domain> }
//!
//! # async fn run(client: attio::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let acme = Ref::by(Company::fields().domains(), "acme.com".parse()?);
//! let task = client
//!     .create_task(
//!         NewTask::new("Send Acme the renewal quote")
//!             .deadline("2025-06-30T17:00:00Z".parse()?)
//!             .link(&acme)
//!             .assign(ActorReference::workspace_member_by_email("alice@attio.com".parse()?)),
//!     )
//!     .await?;
//! client.update_task(&task.id.task_id, TaskUpdate::new().completed(true)).await?;
//! let open = client.tasks().completed(false).collect_all().await?;
//! # Ok(()) }
//! ```

use serde_json::{Value, json};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::pages::{Filters, Listing};
use crate::values::{
    ActorReference, RecordObject, RecordReference, Ref, TaskId, Timestamp, WritableValue,
};
use crate::wire::parent::ParentRecord;
use crate::wire::task;

pub use crate::wire::task::{Assignee, LinkedRecord, Task, TaskIdentifier};

/// Attio's longest task content, in characters.
pub const MAX_CONTENT_CHARS: usize = 2000;

/// Attio's largest page of tasks.
const MAX_PAGE: usize = 500;

/// A record a task can be linked to: a [`RecordReference`], or a typed [`Ref<T>`], by id or
/// [by a unique attribute](Ref::by) (Attio resolves it).
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not name a record a task can be linked to",
    label = "not a record",
    note = "pass `&attio::Ref::<Company>::new(record_id)`, `&attio::Ref::by(Company::fields().domains(), domain)`, or `&attio::RecordReference::new(\"companies\", record_id)`"
)]
pub trait Linked {
    /// The record's write form in `linked_records`, or why it cannot be written.
    fn to_link(&self) -> Result<Value>;
}

impl Linked for RecordReference {
    fn to_link(&self) -> Result<Value> {
        Ok(json!({
            "target_object": self.target_object(),
            "target_record_id": self.target_record_id(),
        }))
    }
}

impl<T: RecordObject> Linked for Ref<T> {
    fn to_link(&self) -> Result<Value> {
        self.validate().map_err(|e| {
            Error::InvalidInput(format!("a task's linked record is not valid: {e}"))
        })?;
        serde_json::to_value(self).map_err(|e| Error::Invariant(e.to_string()))
    }
}

impl<L: Linked + ?Sized> Linked for &L {
    fn to_link(&self) -> Result<Value> {
        (**self).to_link()
    }
}

fn assignee(actor: &ActorReference) -> Result<Value> {
    actor.validate().map_err(|e| {
        Error::InvalidInput(format!(
            "a task can be assigned only to workspace members: {e}; write \
             `ActorReference::workspace_member(id)` or `ActorReference::workspace_member_by_email(email)`"
        ))
    })?;
    serde_json::to_value(actor).map_err(|e| Error::Invariant(e.to_string()))
}

/// A task to create. Attio requires every key; what you do not set is sent as Attio's default
/// (no deadline, not completed, no links, no assignees).
///
/// ```
/// use attio::tasks::NewTask;
///
/// let task = NewTask::new("Call Ada back").completed(false);
/// ```
#[derive(Debug)]
#[must_use = "a task is created by `client.create_task(task)`"]
pub struct NewTask {
    content: String,
    deadline_at: Option<Timestamp>,
    is_completed: bool,
    links: Vec<Result<Value>>,
    assignees: Vec<ActorReference>,
}

impl NewTask {
    /// A task with `content`: plain text, 1 to 2,000 characters.
    pub fn new(content: impl Into<String>) -> Self {
        NewTask {
            content: content.into(),
            deadline_at: None,
            is_completed: false,
            links: Vec::new(),
            assignees: Vec::new(),
        }
    }

    /// When it is due.
    pub fn deadline(mut self, at: Timestamp) -> Self {
        self.deadline_at = Some(at);
        self
    }

    /// Whether it is already done (default: not).
    pub fn completed(mut self, done: bool) -> Self {
        self.is_completed = done;
        self
    }

    /// Links a record (call again for more).
    pub fn link(mut self, record: &impl Linked) -> Self {
        self.links.push(record.to_link());
        self
    }

    /// Assigns a workspace member (call again for more).
    pub fn assign(mut self, member: ActorReference) -> Self {
        self.assignees.push(member);
        self
    }

    fn body(self) -> Result<Vec<u8>> {
        let chars = self.content.chars().count();
        if self.content.trim().is_empty() || chars > MAX_CONTENT_CHARS {
            return Err(Error::InvalidInput(format!(
                "a task's content must be 1 to {MAX_CONTENT_CHARS} characters, and this one has {chars}"
            )));
        }
        let links = self.links.into_iter().collect::<Result<Vec<_>>>()?;
        let people = self
            .assignees
            .iter()
            .map(assignee)
            .collect::<Result<Vec<_>>>()?;
        Ok(task::create_body(
            &self.content,
            self.deadline_at.as_ref(),
            self.is_completed,
            &links,
            &people,
        ))
    }
}

/// What to change on a task: its deadline, completion, links or assignees (Attio cannot change a
/// task's content). Links and assignees, when set, replace the task's.
///
/// ```
/// use attio::tasks::TaskUpdate;
///
/// let done = TaskUpdate::new().completed(true).deadline(None);
/// ```
#[derive(Debug, Default)]
#[must_use = "an update is applied by `client.update_task(&id, update)`"]
pub struct TaskUpdate {
    deadline_at: Option<Option<Timestamp>>,
    is_completed: Option<bool>,
    links: Option<Vec<Result<Value>>>,
    assignees: Option<Vec<ActorReference>>,
}

impl TaskUpdate {
    /// Changes nothing yet.
    pub fn new() -> Self {
        TaskUpdate::default()
    }

    /// Sets the deadline, or removes it with `None`.
    pub fn deadline(mut self, at: Option<Timestamp>) -> Self {
        self.deadline_at = Some(at);
        self
    }

    /// Marks the task done or not done.
    pub fn completed(mut self, done: bool) -> Self {
        self.is_completed = Some(done);
        self
    }

    /// Replaces the linked records.
    pub fn links<L: Linked>(mut self, records: impl IntoIterator<Item = L>) -> Self {
        self.links = Some(records.into_iter().map(|r| r.to_link()).collect());
        self
    }

    /// Replaces the assignees.
    pub fn assignees(mut self, members: impl IntoIterator<Item = ActorReference>) -> Self {
        self.assignees = Some(members.into_iter().collect());
        self
    }

    fn body(self) -> Result<Vec<u8>> {
        if self.deadline_at.is_none()
            && self.is_completed.is_none()
            && self.links.is_none()
            && self.assignees.is_none()
        {
            return Err(Error::InvalidInput(
                "this task update changes nothing: set `.deadline(…)`, `.completed(…)`, \
                 `.links(…)` or `.assignees(…)` (a task's content cannot be changed)"
                    .into(),
            ));
        }
        let links = self
            .links
            .map(|l| l.into_iter().collect::<Result<Vec<_>>>())
            .transpose()?;
        let people = self
            .assignees
            .map(|a| a.iter().map(assignee).collect::<Result<Vec<_>>>())
            .transpose()?;
        Ok(task::update_body(
            self.deadline_at.as_ref().map(Option::as_ref),
            self.is_completed,
            links.as_deref(),
            people.as_deref(),
        ))
    }
}

impl Client {
    /// `POST /v2/tasks`. Not repeatable (a repeat makes a second task), so it is retried only
    /// when it was never sent. Content, links and assignees are checked before sending.
    pub async fn create_task(&self, task: NewTask) -> Result<Task> {
        self.execute(operation::tasks::create(task.body()?)).await
    }

    /// `PATCH /v2/tasks/{task_id}`: changes what `update` sets.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::TaskId) -> attio::Result<()> {
    /// client.update_task(&id, attio::tasks::TaskUpdate::new().completed(true)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_task(&self, id: &TaskId, update: TaskUpdate) -> Result<Task> {
        self.execute(operation::tasks::update(id, update.body()?))
            .await
    }

    /// `GET /v2/tasks/{task_id}`.
    pub async fn get_task(&self, id: &TaskId) -> Result<Task> {
        self.execute(operation::tasks::get(id)).await
    }

    /// `DELETE /v2/tasks/{task_id}`.
    pub async fn delete_task(&self, id: &TaskId) -> Result<()> {
        self.execute(operation::tasks::delete(id)).await
    }

    /// The workspace's tasks, filtered with [`TaskListing`]'s methods, as a stream that pages by
    /// itself (`GET /v2/tasks`, 500 at a time), oldest first.
    pub fn tasks(&self) -> TaskListing<'_> {
        TaskListing {
            client: self,
            filters: Filters::new(),
            newest_first: false,
            limit: None,
        }
    }
}

/// Which tasks to list; made by [`Client::tasks`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct TaskListing<'c> {
    client: &'c Client,
    filters: Filters,
    newest_first: bool,
    limit: Option<usize>,
}

impl TaskListing<'_> {
    fn push(mut self, key: &'static str, value: Result<String>) -> Self {
        self.filters.push(key, value);
        self
    }

    /// Only tasks linked to `record` (named by its id).
    pub fn linked_to(mut self, record: &impl ParentRecord) -> Self {
        self.filters.linked_to(record);
        self
    }

    /// Only tasks assigned to `member` (by id or email address).
    pub fn assigned_to(self, member: &ActorReference) -> Self {
        let key = member
            .id()
            .map(str::to_owned)
            .or_else(|| member.email().map(ToString::to_string))
            .ok_or_else(|| {
                Error::InvalidInput("tasks can be filtered only by a workspace member".into())
            });
        self.push("assignee", key)
    }

    /// Only tasks with no assignee.
    pub fn unassigned(self) -> Self {
        self.push("assignee", Ok("null".into()))
    }

    /// Only completed (`true`) or open (`false`) tasks.
    pub fn completed(self, done: bool) -> Self {
        self.push("is_completed", Ok(done.to_string()))
    }

    /// Newest first (default: oldest first).
    pub fn newest_first(mut self) -> Self {
        self.newest_first = true;
        self
    }

    /// At most `n` tasks in all.
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = Some(n);
        self
    }

    /// The tasks, fetched page after page as the stream is polled.
    pub fn stream(self) -> Listing<Task> {
        let mut query = match self.filters.into_query() {
            Ok(query) => query,
            Err(e) => return Listing::failed(e),
        };
        let sort = if self.newest_first { "desc" } else { "asc" };
        query.append_pair("sort", &format!("created_at:{sort}"));
        let query = query.finish();
        Listing::by_offset(
            self.client,
            MAX_PAGE,
            0,
            self.limit,
            move |limit, offset| operation::tasks::list_page(&query, limit, offset),
        )
    }

    /// Every task, or the first error.
    pub async fn collect_all(self) -> Result<Vec<Task>> {
        self.stream().collect_all().await
    }
}
