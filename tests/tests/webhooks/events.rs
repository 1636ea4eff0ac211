//! Every event type of the OpenAPI document decodes with every id; comments on entries and on
//! records; an unknown type arrives whole.

use attio::webhooks::{Delivery, Event, EventType};
use serde_json::{Value, json};

/// Every `event_type` enum in the OpenAPI document (one per place it appears), checked equal.
fn openapi_event_types() -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(map) => {
                if let Some(list) = map
                    .get("properties")
                    .and_then(|p| p.get("event_type"))
                    .and_then(|t| t.get("enum"))
                    .and_then(Value::as_array)
                {
                    out.push(
                        list.iter()
                            .map(|s| s.as_str().unwrap().to_owned())
                            .collect(),
                    );
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let doc: Value = serde_json::from_str(include_str!("../../fixtures/openapi.json")).unwrap();
    let mut found = Vec::new();
    walk(&doc, &mut found);
    assert!(found.len() >= 5, "the enum is in every webhook schema");
    assert!(found.windows(2).all(|w| w[0] == w[1]), "{found:?}");
    found.swap_remove(0)
}

/// The payload of `event_type` as Attio's reference documents it (ids in `id`, the other
/// top-level keys beside it), and nothing more.
pub(crate) fn documented_event(event_type: &str) -> Value {
    let (ids, top): (&[&str], &[&str]) = match event_type {
        "record.merged" => (
            &["object_id", "record_id"],
            &["duplicate_object_id", "duplicate_record_id"],
        ),
        "record.updated" => (&["object_id", "record_id", "attribute_id"], &[]),
        t if t.starts_with("record.") => (&["object_id", "record_id"], &[]),
        "list-entry.updated" => (
            &["list_id", "entry_id", "attribute_id"],
            &["parent_object_id", "parent_record_id"],
        ),
        t if t.starts_with("list-entry.") => (
            &["list_id", "entry_id"],
            &["parent_object_id", "parent_record_id"],
        ),
        t if t.starts_with("list-attribute.") => (&["list_id", "attribute_id"], &[]),
        t if t.starts_with("list.") => (&["list_id"], &[]),
        t if t.starts_with("object-attribute.") => (&["object_id", "attribute_id"], &[]),
        t if t.starts_with("note.") || t == "note-content.updated" => {
            (&["note_id"], &["parent_object_id", "parent_record_id"])
        }
        t if t.starts_with("task.") => (&["task_id"], &[]),
        t if t.starts_with("comment.") => (
            &["comment_id"],
            &["thread_id", "object_id", "record_id", "list_id", "entry_id"],
        ),
        "workspace-member.created" => (&["workspace_member_id"], &[]),
        "call-recording.created" => (&["meeting_id", "call_recording_id"], &[]),
        t if t.starts_with("activity-record.") => (&["activity_id", "record_id"], &[]),
        t if t.starts_with("activity.") => (&["activity_id"], &[]),
        t if t.starts_with("activity-attribute.") => (&["activity_id", "attribute_id"], &[]),
        other => panic!("no documented shape for {other}"),
    };
    let mut id = serde_json::Map::new();
    id.insert("workspace_id".into(), json!("ws-0001"));
    for key in ids {
        id.insert((*key).into(), json!(format!("{key}-0001")));
    }
    let mut event = serde_json::Map::new();
    event.insert("event_type".into(), json!(event_type));
    event.insert("id".into(), Value::Object(id));
    event.insert(
        "actor".into(),
        json!({"type": "workspace-member", "id": "member-0001"}),
    );
    for key in top {
        event.insert((*key).into(), json!(format!("{key}-0001")));
    }
    Value::Object(event)
}

#[test]
fn every_event_type_of_the_openapi_document_decodes_with_every_id() {
    let types = openapi_event_types();
    assert_eq!(types.len(), 27, "{types:?}");
    // The newer ones Attio's event reference lists, beyond the document.
    let all = types.iter().map(String::as_str).chain([
        "activity-record.created",
        "activity-record.deleted",
        "activity-attribute.created",
        "activity-attribute.updated",
        "activity.created",
        "activity.updated",
        "activity.deleted",
    ]);
    let mut decoded = Vec::new();
    for t in all {
        let event = documented_event(t);
        let body =
            serde_json::to_vec(&json!({"webhook_id": "hook-0001", "events": [event]})).unwrap();
        let delivery = Delivery::decode_unverified(&body).unwrap_or_else(|e| panic!("{t}: {e}"));
        let event = &delivery.events()[0];
        assert!(!matches!(event, Event::Other { .. }), "{t} is known");
        assert_eq!(event.event_type().as_str(), t);
        assert_eq!(event.event_type(), t.parse::<EventType>().unwrap());
        assert!(EventType::KNOWN.contains(&event.event_type()), "{t}");
        assert_eq!(event.workspace_id().unwrap().as_str(), "ws-0001");
        // No id the payload carries is dropped (attribute_id among them).
        let debug = format!("{event:?}");
        let payload = documented_event(t);
        for (key, value) in payload["id"].as_object().unwrap().iter().chain(
            payload
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| !["id", "actor", "event_type"].contains(&k.as_str())),
        ) {
            assert!(
                debug.contains(value.as_str().unwrap()),
                "{t}: {key} is kept: {debug}"
            );
        }
        decoded.push(event.event_type());
    }
    assert_eq!(decoded.len(), EventType::KNOWN.len());
}

#[test]
fn a_comment_on_an_entry_and_on_a_record() {
    let mut on_record = documented_event("comment.resolved");
    on_record["list_id"] = Value::Null;
    on_record["entry_id"] = Value::Null;
    let body =
        json!({"webhook_id": "h", "events": [documented_event("comment.created"), on_record]});
    let delivery = Delivery::decode_unverified(&serde_json::to_vec(&body).unwrap()).unwrap();
    let Event::CommentCreated(on_entry) = &delivery.events()[0] else {
        panic!()
    };
    assert_eq!(
        on_entry.entry_id.as_ref().unwrap().as_str(),
        "entry_id-0001"
    );
    let Event::CommentResolved(on_record) = &delivery.events()[1] else {
        panic!()
    };
    assert_eq!(
        (on_record.list_id.as_ref(), on_record.entry_id.as_ref()),
        (None, None)
    );
}

#[test]
fn an_unknown_type_arrives_whole_as_the_open_variant() {
    let unknown =
        json!({"event_type": "entry.created", "id": {"collection_id": "c"}, "whatever": [1]});
    let body = json!({"webhook_id": "h", "events": [documented_event("task.created"), unknown]});
    let delivery = Delivery::decode_unverified(&serde_json::to_vec(&body).unwrap()).unwrap();
    assert!(matches!(delivery.events()[0], Event::TaskCreated(_)));
    match &delivery.events()[1] {
        Event::Other { event_type, raw } => {
            assert_eq!(event_type, "entry.created");
            assert_eq!(raw, &unknown);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        delivery.events()[1].event_type(),
        EventType::Other("entry.created".into())
    );
}
