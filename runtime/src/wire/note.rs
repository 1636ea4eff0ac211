//! Notes as Attio returns them ([`Note`]) and the create body. Public through `attio::notes`.

use serde::{Deserialize, Serialize};

use crate::values::{
    Actor, MeetingId, NoteId, RecordId, RecordReference, Timestamp, WorkspaceId, WorkspaceMemberId,
};

/// A note on a record.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","note_id":"ff3f3bd4-40f4-4f80-8187-cd02385af424"},
///   "parent_object":"people","parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d",
///   "title":"Call","meeting_id":null,"content_plaintext":"Went well","content_markdown":"Went **well**",
///   "tags":[{"type":"workspace-member","workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}],
///   "created_by_actor":{"type":"api-token","id":"bb3f3bd4-40f4-4f80-8187-cd02385af424"},
///   "created_at":"2023-01-01T15:00:00.000000000Z"}"#;
/// let note: attio::notes::Note = serde_json::from_str(json)?;
/// assert_eq!(note.title, "Call");
/// assert_eq!(note.parent_object, "people");
/// assert_eq!(note.content_markdown, "Went **well**");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Note {
    /// The note's ids.
    pub id: NoteIdentifier,
    /// The slug (or id) of the parent record's object.
    pub parent_object: String,
    /// The record the note is on.
    pub parent_record_id: RecordId,
    /// The title, plain text.
    pub title: String,
    /// The meeting the note belongs to, if any.
    #[serde(default)]
    pub meeting_id: Option<MeetingId>,
    /// The content as plain text (`\n` between lines).
    pub content_plaintext: String,
    /// The content as Attio's markdown subset.
    #[serde(default)]
    pub content_markdown: String,
    /// Workspace members and records mentioned in the note.
    #[serde(default)]
    pub tags: Vec<NoteTag>,
    /// Who created it.
    pub created_by_actor: Actor,
    /// When it was created.
    pub created_at: Timestamp,
}

/// The ids of a note.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NoteIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The note.
    pub note_id: NoteId,
}

/// Something a note mentions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NoteTag {
    /// A workspace member.
    WorkspaceMember {
        /// The member.
        workspace_member_id: WorkspaceMemberId,
    },
    /// A record.
    Record {
        /// The record's object (slug or id).
        object: String,
        /// The record.
        record_id: RecordId,
    },
}

/// The format of a note's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteFormat {
    /// Plain text; `\n` separates lines.
    Plaintext,
    /// Attio's markdown subset: headings 1 to 3, lists, bold, italic, `~~strike~~`,
    /// `==highlight==`, links; no images.
    Markdown,
}

/// The body of `POST /v2/notes`.
pub(crate) fn create_body(
    parent: &RecordReference,
    title: &str,
    format: NoteFormat,
    content: &str,
    created_at: Option<&Timestamp>,
    meeting_id: Option<&MeetingId>,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct Data<'a> {
        parent_object: &'a str,
        parent_record_id: &'a RecordId,
        title: &'a str,
        format: NoteFormat,
        content: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        created_at: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        meeting_id: Option<&'a MeetingId>,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        data: Data<'a>,
    }
    let body = Body {
        data: Data {
            parent_object: parent.target_object(),
            parent_record_id: parent.target_record_id(),
            title,
            format,
            content,
            created_at: created_at.map(ToString::to_string),
            meeting_id,
        },
    };
    // Strings, ids and a timestamp: serializing cannot fail.
    serde_json::to_vec(&body).unwrap_or_default()
}

/// The body of `PATCH /v2/notes/{note_id}`: the title and/or the content with its format (only
/// what changes).
pub(crate) fn update_body(title: Option<&str>, content: Option<(NoteFormat, &str)>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Data<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<NoteFormat>,
        #[serde(skip_serializing_if = "Option::is_none")]
        content: Option<&'a str>,
    }
    let data = Data {
        title,
        format: content.map(|(format, _)| format),
        content: content.map(|(_, text)| text),
    };
    serde_json::to_vec(&serde_json::json!({ "data": data })).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_create_body_is_attios() {
        let parent = RecordReference::new("people", "891dcbfc".parse().unwrap());
        let body = create_body(&parent, "T", NoteFormat::Markdown, "# Hi", None, None);
        assert_eq!(
            String::from_utf8(body).unwrap(),
            r##"{"data":{"parent_object":"people","parent_record_id":"891dcbfc","title":"T","format":"markdown","content":"# Hi"}}"##
        );
    }
}
