//! Webhook management operations: create, list (one page), get, update (`PATCH`), delete.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | create (`POST /v2/webhooks`) | no | a repeat creates a second webhook, with its own secret |
//! | list, get | yes | reads |
//! | update (`PATCH`) | yes | it sets the target URL and replaces the whole subscription list |
//! | delete | yes | a repeat finds nothing to delete |

use super::{Method, Operation};
use crate::values::WebhookId;
use crate::wire;
use crate::wire::webhook::{self, CreatedWebhook, Subscription, Webhook, WebhookUpdate};

/// `/v2/webhooks/{webhook_id}`; the id is a checked path segment.
fn webhook_path(id: &WebhookId) -> String {
    format!("/v2/webhooks/{}", id.as_str())
}

/// `POST /v2/webhooks` with the target URL and subscriptions: not repeatable.
pub(crate) fn create(
    target_url: &str,
    subscriptions: &[Subscription],
) -> Operation<CreatedWebhook> {
    Operation::write(
        Method::Post,
        "/v2/webhooks".to_owned(),
        Some(webhook::create_body(target_url, subscriptions)),
        false,
        wire::decode_data::<CreatedWebhook>,
    )
}

/// `GET /v2/webhooks?limit={limit}&offset={offset}`: one page.
pub(crate) fn list_page(limit: u32, offset: u64) -> Operation<Vec<Webhook>> {
    Operation::read(
        Method::Get,
        format!("/v2/webhooks?limit={limit}&offset={offset}"),
        None,
        wire::decode_data::<Vec<Webhook>>,
    )
}

/// `GET /v2/webhooks/{webhook_id}`.
pub(crate) fn get(id: &WebhookId) -> Operation<Webhook> {
    Operation::read(
        Method::Get,
        webhook_path(id),
        None,
        wire::decode_data::<Webhook>,
    )
}

/// `PATCH /v2/webhooks/{webhook_id}` with what `update` sets: repeatable.
pub(crate) fn update(id: &WebhookId, update: &WebhookUpdate) -> Operation<Webhook> {
    Operation::write(
        Method::Patch,
        webhook_path(id),
        Some(webhook::update_body(update)),
        true,
        wire::decode_data::<Webhook>,
    )
}

/// `DELETE /v2/webhooks/{webhook_id}`: repeatable.
pub(crate) fn delete(id: &WebhookId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        webhook_path(id),
        None,
        true,
        wire::decode_nothing,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::webhook::EventType;

    #[test]
    fn methods_paths_and_idempotency() {
        let id: WebhookId = "23e42eaf-323a-41da-b5bb-fd67eebda553".parse().unwrap();
        let c = create("https://example.com/webhook", &[]);
        assert_eq!((c.method, c.path.as_str()), (Method::Post, "/v2/webhooks"));
        assert!(c.write && !c.idempotent);

        let l = list_page(100, 200);
        assert_eq!(l.path, "/v2/webhooks?limit=100&offset=200");
        assert!(!l.write && l.idempotent && l.body.is_none());

        let g = get(&id);
        assert_eq!(
            (g.method, g.path.as_str()),
            (
                Method::Get,
                "/v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553"
            )
        );

        let u = update(
            &id,
            &WebhookUpdate::new().subscriptions([Subscription::new(EventType::TaskDeleted)]),
        );
        assert_eq!(u.method, Method::Patch);
        assert!(u.write && u.idempotent);
        assert_eq!(
            u.body.as_deref(),
            Some(
                &br#"{"data":{"subscriptions":[{"event_type":"task.deleted","filter":null}]}}"#[..]
            )
        );

        let d = delete(&id);
        assert_eq!(d.method, Method::Delete);
        assert!(d.write && d.idempotent);
        assert_eq!((d.decode)(b"{}"), Ok(()));
    }

    #[test]
    fn answers_decode() {
        let one = br#"{"data":{"target_url":"https://example.com/webhook","subscriptions":[{"event_type":"note.created","filter":{"$and":[{"field":"parent_object_id","operator":"equals","value":"97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}}],"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553"},"status":"active","created_at":"2023-04-27T13:22:49.061281000Z"}}"#;
        let id: WebhookId = "23e42eaf-323a-41da-b5bb-fd67eebda553".parse().unwrap();
        let webhook = (get(&id).decode)(one).unwrap();
        assert_eq!(webhook.id.webhook_id, id);
        assert_eq!(webhook.subscriptions[0].event_type, EventType::NoteCreated);
        let err = (list_page(10, 0).decode)(br#"{"data":[{"target_url":1}]}"#).unwrap_err();
        assert_eq!(err.path(), "data[0].target_url");
    }
}
