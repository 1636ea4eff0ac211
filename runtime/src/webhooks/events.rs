//! The payload of each family of webhook events: the ids it carries, flattened out of `id`, and
//! its actor. Events carry ids only (no values, no diff): re-read what changed.

use super::payload::{Bad, Payload};
use crate::values::{
    ActivityId, Actor, AttributeId, CallRecordingId, CommentId, EntryId, ListId, MeetingId, NoteId,
    ObjectId, RecordId, TaskId, ThreadId, WorkspaceId, WorkspaceMemberId,
};

/// `record.created`, `record.updated`, `record.deleted`: a record of an object.
///
/// `record.updated` names the changed attribute in `attribute_id` (Attio sends one event per
/// changed attribute); the other two leave it `None`. Fetch the record with
/// [`fetch`](RecordEvent::fetch).
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.updated",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///           "record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let delivery = Delivery::decode_unverified(body)?;
/// let Event::RecordUpdated(e) = &delivery.events()[0] else { panic!("not a record.updated") };
/// assert_eq!(e.record_id.as_str(), "bf071e1f-6035-429d-b874-d83ea64ea13b");
/// assert_eq!(e.attribute_id.as_ref().map(|a| a.as_str()), Some("41252299-f8c7-4b5e-99c9-4ff8321d2f96"));
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The record's object.
    pub object_id: ObjectId,
    /// The record.
    pub record_id: RecordId,
    /// The attribute that changed, on `record.updated`.
    pub attribute_id: Option<AttributeId>,
    /// Who made the change.
    pub actor: Actor,
}

impl RecordEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(RecordEvent {
            workspace_id: p.id("workspace_id")?,
            object_id: p.id("object_id")?,
            record_id: p.id("record_id")?,
            attribute_id: p.opt_id("attribute_id")?,
            actor: p.actor()?,
        })
    }
}

/// `record.merged`: a duplicate record was merged. `record_id` is the record that remains (or,
/// per Attio's newer reference, the new record made by the merge, with one event per original);
/// the duplicate is gone.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.merged",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
///     "duplicate_object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","duplicate_record_id":"5e3fb280-007b-495a-a530-9354bde01de1",
///     "actor":{"type":"system","id":null}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::RecordMerged(e) = &events[0] else { panic!() };
/// assert_eq!(e.duplicate_record_id.as_str(), "5e3fb280-007b-495a-a530-9354bde01de1");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordMergedEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The object of the record that remains.
    pub object_id: ObjectId,
    /// The record that remains.
    pub record_id: RecordId,
    /// The object of the duplicate.
    pub duplicate_object_id: ObjectId,
    /// The duplicate, merged into `record_id`.
    pub duplicate_record_id: RecordId,
    /// Who merged them.
    pub actor: Actor,
}

impl RecordMergedEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(RecordMergedEvent {
            workspace_id: p.id("workspace_id")?,
            object_id: p.id("object_id")?,
            record_id: p.id("record_id")?,
            duplicate_object_id: p.top("duplicate_object_id")?,
            duplicate_record_id: p.top("duplicate_record_id")?,
            actor: p.actor()?,
        })
    }
}

/// `list.created`, `list.updated`, `list.deleted`.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"list.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0"},
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ListCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.list_id.as_str(), "33ebdbe9-e529-47c9-b894-0ba25e9c15c0");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The list.
    pub list_id: ListId,
    /// Who made the change.
    pub actor: Actor,
}

impl ListEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(ListEvent {
            workspace_id: p.id("workspace_id")?,
            list_id: p.id("list_id")?,
            actor: p.actor()?,
        })
    }
}

/// `list-attribute.created`, `list-attribute.updated`: an attribute of a list.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"list-attribute.updated",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
///     "actor":{"type":"app","id":"5e3fb280-007b-495a-a530-9354bde01de1"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ListAttributeUpdated(e) = &events[0] else { panic!() };
/// assert_eq!(e.attribute_id.as_str(), "41252299-f8c7-4b5e-99c9-4ff8321d2f96");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListAttributeEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The list.
    pub list_id: ListId,
    /// The attribute.
    pub attribute_id: AttributeId,
    /// Who made the change.
    pub actor: Actor,
}

impl ListAttributeEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(ListAttributeEvent {
            workspace_id: p.id("workspace_id")?,
            list_id: p.id("list_id")?,
            attribute_id: p.id("attribute_id")?,
            actor: p.actor()?,
        })
    }
}

/// `object-attribute.created`, `object-attribute.updated`: an attribute of an object.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"object-attribute.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ObjectAttributeCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.object_id.as_str(), "97052eb9-e65e-443f-a297-f2d9a4a7f795");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ObjectAttributeEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The object.
    pub object_id: ObjectId,
    /// The attribute.
    pub attribute_id: AttributeId,
    /// Who made the change.
    pub actor: Actor,
}

impl ObjectAttributeEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(ObjectAttributeEvent {
            workspace_id: p.id("workspace_id")?,
            object_id: p.id("object_id")?,
            attribute_id: p.id("attribute_id")?,
            actor: p.actor()?,
        })
    }
}

/// `list-entry.created`, `list-entry.updated`, `list-entry.deleted`: an entry of a list, and the
/// record it is an entry for.
///
/// `list-entry.updated` names the changed attribute in `attribute_id`. The entry is read, typed
/// with the `#[attio_list]` struct of its list, by [`fetch`](EntryEvent::fetch)
/// (`e.fetch::<SalesEntry>(&client)`, which checks it is in the event's list), and the record it
/// is for with [`fetch_parent`](EntryEvent::fetch_parent).
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"list-entry.updated",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0",
///           "entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
///     "parent_object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","parent_record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b",
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ListEntryUpdated(e) = &events[0] else { panic!() };
/// assert_eq!(e.entry_id.as_str(), "2e6e29ea-c4e0-4f44-842d-78a891f8c156");
/// assert_eq!(e.parent_record_id.as_str(), "bf071e1f-6035-429d-b874-d83ea64ea13b");
/// assert!(e.attribute_id.is_some());
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EntryEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The list.
    pub list_id: ListId,
    /// The entry.
    pub entry_id: EntryId,
    /// The attribute that changed, on `list-entry.updated`.
    pub attribute_id: Option<AttributeId>,
    /// The object of the record the entry is for.
    pub parent_object_id: ObjectId,
    /// The record the entry is for.
    pub parent_record_id: RecordId,
    /// Who made the change.
    pub actor: Actor,
}

impl EntryEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(EntryEvent {
            workspace_id: p.id("workspace_id")?,
            list_id: p.id("list_id")?,
            entry_id: p.id("entry_id")?,
            attribute_id: p.opt_id("attribute_id")?,
            parent_object_id: p.top("parent_object_id")?,
            parent_record_id: p.top("parent_record_id")?,
            actor: p.actor()?,
        })
    }
}

/// `note.created`, `note.updated`, `note-content.updated`, `note.deleted`: a note, and the
/// record it is on.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"note.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","note_id":"ff3f3bd4-40f4-4f80-8187-cd02385af424"},
///     "parent_object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","parent_record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b",
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::NoteCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.note_id.as_str(), "ff3f3bd4-40f4-4f80-8187-cd02385af424");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NoteEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The note.
    pub note_id: NoteId,
    /// The object of the record the note is on.
    pub parent_object_id: ObjectId,
    /// The record the note is on.
    pub parent_record_id: RecordId,
    /// Who made the change.
    pub actor: Actor,
}

impl NoteEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(NoteEvent {
            workspace_id: p.id("workspace_id")?,
            note_id: p.id("note_id")?,
            parent_object_id: p.top("parent_object_id")?,
            parent_record_id: p.top("parent_record_id")?,
            actor: p.actor()?,
        })
    }
}

/// `task.created`, `task.updated`, `task.deleted`.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"task.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","task_id":"649e34f4-c39a-4f4d-99ef-48a36bef8f04"},
///     "actor":{"type":"api-token","id":"5e3fb280-007b-495a-a530-9354bde01de1"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::TaskCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.task_id.as_str(), "649e34f4-c39a-4f4d-99ef-48a36bef8f04");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaskEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The task.
    pub task_id: TaskId,
    /// Who made the change.
    pub actor: Actor,
}

impl TaskEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(TaskEvent {
            workspace_id: p.id("workspace_id")?,
            task_id: p.id("task_id")?,
            actor: p.actor()?,
        })
    }
}

/// `comment.created`, `comment.resolved`, `comment.unresolved`, `comment.deleted`: a comment,
/// its thread, the record it is about, and the list entry when it is on one.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"comment.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","comment_id":"aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2"},
///     "thread_id":"a649e4d9-435c-43fb-83ba-847b4876f27a","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///     "record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","list_id":null,"entry_id":null,
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::CommentCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.thread_id.as_str(), "a649e4d9-435c-43fb-83ba-847b4876f27a");
/// assert_eq!(e.entry_id, None);
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CommentEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The comment.
    pub comment_id: CommentId,
    /// The thread the comment is in.
    pub thread_id: ThreadId,
    /// The object of the record the comment is about.
    pub object_id: ObjectId,
    /// The record the comment is about.
    pub record_id: RecordId,
    /// The list, when the comment is on a list entry.
    pub list_id: Option<ListId>,
    /// The list entry, when the comment is on one.
    pub entry_id: Option<EntryId>,
    /// Who made the change.
    pub actor: Actor,
}

impl CommentEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(CommentEvent {
            workspace_id: p.id("workspace_id")?,
            comment_id: p.id("comment_id")?,
            thread_id: p.top("thread_id")?,
            object_id: p.top("object_id")?,
            record_id: p.top("record_id")?,
            list_id: p.opt_top("list_id")?,
            entry_id: p.opt_top("entry_id")?,
            actor: p.actor()?,
        })
    }
}

/// `workspace-member.created`.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"workspace-member.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
///     "actor":{"type":"system","id":null}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::WorkspaceMemberCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.actor.id, None);
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WorkspaceMemberEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The new member.
    pub workspace_member_id: WorkspaceMemberId,
    /// Who added them.
    pub actor: Actor,
}

impl WorkspaceMemberEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(WorkspaceMemberEvent {
            workspace_id: p.id("workspace_id")?,
            workspace_member_id: p.id("workspace_member_id")?,
            actor: p.actor()?,
        })
    }
}

/// `call-recording.created`: a call recording whose media finished uploading.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"call-recording.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","meeting_id":"7c8a5c3e-3f0e-4a4b-9f0e-1b2c3d4e5f60",
///           "call_recording_id":"d0c5b1f2-8e3a-4b6c-9d7e-0f1a2b3c4d5e"},
///     "actor":{"type":"system","id":null}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::CallRecordingCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.meeting_id.as_str(), "7c8a5c3e-3f0e-4a4b-9f0e-1b2c3d4e5f60");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallRecordingEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The meeting recorded.
    pub meeting_id: MeetingId,
    /// The recording.
    pub call_recording_id: CallRecordingId,
    /// Who made the recording.
    pub actor: Actor,
}

impl CallRecordingEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(CallRecordingEvent {
            workspace_id: p.id("workspace_id")?,
            meeting_id: p.id("meeting_id")?,
            call_recording_id: p.id("call_recording_id")?,
            actor: p.actor()?,
        })
    }
}

/// `activity.created`, `activity.updated`, `activity.deleted` (newer than the OpenAPI document):
/// an activity itself (not one of its records).
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"activity.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","activity_id":"b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ActivityCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.activity_id.as_str(), "b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActivityEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The activity.
    pub activity_id: ActivityId,
    /// Who made the change.
    pub actor: Actor,
}

impl ActivityEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(ActivityEvent {
            workspace_id: p.id("workspace_id")?,
            activity_id: p.id("activity_id")?,
            actor: p.actor()?,
        })
    }
}

/// `activity-record.created`, `activity-record.deleted` (newer than the OpenAPI document): a
/// record of an activity. Read it with [`fetch`](ActivityRecordEvent::fetch).
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"activity-record.created",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","activity_id":"b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
///           "record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
///     "actor":{"type":"system","id":null}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ActivityRecordCreated(e) = &events[0] else { panic!() };
/// assert_eq!(e.record_id.as_str(), "bf071e1f-6035-429d-b874-d83ea64ea13b");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActivityRecordEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The activity.
    pub activity_id: ActivityId,
    /// The record.
    pub record_id: RecordId,
    /// Who made the change.
    pub actor: Actor,
}

impl ActivityRecordEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(ActivityRecordEvent {
            workspace_id: p.id("workspace_id")?,
            activity_id: p.id("activity_id")?,
            record_id: p.id("record_id")?,
            actor: p.actor()?,
        })
    }
}

/// `activity-attribute.created`, `activity-attribute.updated` (newer than the OpenAPI
/// document): an attribute of an activity.
///
/// ```
/// use attio::webhooks::{Delivery, Event};
///
/// let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"activity-attribute.updated",
///     "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","activity_id":"b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
///           "attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
///     "actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}"#;
/// let events = Delivery::decode_unverified(body)?.into_events();
/// let Event::ActivityAttributeUpdated(e) = &events[0] else { panic!() };
/// assert_eq!(e.attribute_id.as_str(), "41252299-f8c7-4b5e-99c9-4ff8321d2f96");
/// # Ok::<(), attio::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActivityAttributeEvent {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The activity.
    pub activity_id: ActivityId,
    /// The attribute.
    pub attribute_id: AttributeId,
    /// Who made the change.
    pub actor: Actor,
}

impl ActivityAttributeEvent {
    pub(crate) fn from_payload(p: &Payload<'_>) -> Result<Self, Bad> {
        Ok(ActivityAttributeEvent {
            workspace_id: p.id("workspace_id")?,
            activity_id: p.id("activity_id")?,
            attribute_id: p.id("attribute_id")?,
            actor: p.actor()?,
        })
    }
}
