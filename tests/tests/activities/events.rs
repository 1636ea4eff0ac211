//! The webhook events of activities: an activity record's creation and deletion, read back with
//! `ActivityRecordEvent::fetch`, and refused by `Event::fetch` (an object's records only).

use attio::prelude::*;
use std::time::Duration;

use attio::webhooks::{Delivery, Event};

use crate::{SiteVisit, setup};

#[tokio::test]
async fn an_activity_records_events_are_delivered_and_read_back_typed() {
    let (sandbox, client) = setup().await;
    client.ensure_schema::<SiteVisit>().await.unwrap();
    let _: serde_json::Value = client
        .request(attio::Method::Post, "/v2/webhooks")
        .json(
            &serde_json::json!({"data": {"target_url": "https://example.com/attio",
            "subscriptions": [
                {"event_type": "activity-record.created", "filter": null},
                {"event_type": "activity-record.deleted", "filter": null}
            ]}}),
        )
        .send()
        .await
        .unwrap();
    let visit = SiteVisit {
        visit_id: "hook".into(),
        occurred_at: "2026-11-01T09:00:00Z".parse().unwrap(),
        pages: vec![crate::Page::Home],
        note: None,
        visitor: None,
    };
    let record = visit.create(&client).await.unwrap();
    SiteVisit::delete(&client, &record.id.record_id)
        .await
        .unwrap();

    // A guard against hanging, never an assertion about time.
    let wait = Duration::from_secs(20);
    let attempts = sandbox
        .wait_for_deliveries(wait, |a| a.len() >= 2)
        .await
        .unwrap();
    let events: Vec<Event> = attempts
        .iter()
        .flat_map(|a| {
            Delivery::decode_unverified(a.body.as_bytes())
                .unwrap()
                .into_events()
        })
        .collect();
    let created = events
        .iter()
        .find_map(|e| match e {
            Event::ActivityRecordCreated(e) => Some(e),
            _ => None,
        })
        .expect("an activity-record.created event");
    assert_eq!(created.record_id, record.id.record_id);
    assert!(
        events.iter().any(
            |e| matches!(e, Event::ActivityRecordDeleted(d) if d.record_id == record.id.record_id)
        ),
        "{events:?}"
    );

    // Deleted since: the fetch reaches Attio, which no longer has it.
    let gone = created.fetch::<SiteVisit>(&client).await.unwrap_err();
    assert_eq!(gone.status(), Some(404), "{gone}");
    // An object's fetch refuses the event before sending, naming the API to use.
    let refused = Event::ActivityRecordCreated(created.clone())
        .fetch::<crate::Person>(&client)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("ActivityRecordEvent::fetch"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_fetch_reads_the_record_the_event_names() {
    let (sandbox, client) = setup().await;
    client.ensure_schema::<SiteVisit>().await.unwrap();
    let _: serde_json::Value = client
        .request(attio::Method::Post, "/v2/webhooks")
        .json(
            &serde_json::json!({"data": {"target_url": "https://example.com/attio",
            "subscriptions": [{"event_type": "activity-record.created", "filter": null}]}}),
        )
        .send()
        .await
        .unwrap();
    let visit = SiteVisit {
        visit_id: "kept".into(),
        occurred_at: "2026-11-01T09:00:00Z".parse().unwrap(),
        pages: vec![crate::Page::Pricing],
        note: Some("came back".into()),
        visitor: None,
    };
    visit.create(&client).await.unwrap();
    let attempts = sandbox
        .wait_for_deliveries(Duration::from_secs(20), |a| !a.is_empty())
        .await
        .unwrap();
    let delivery = Delivery::decode_unverified(attempts[0].body.as_bytes()).unwrap();
    let Event::ActivityRecordCreated(event) = &delivery.events()[0] else {
        panic!("{:?}", delivery.events())
    };
    let read = event.fetch::<SiteVisit>(&client).await.unwrap();
    assert_eq!(read.values, visit);
}
