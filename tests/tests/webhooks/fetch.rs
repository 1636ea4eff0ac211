//! Fetching the record an event names, checked against the event's object; events that name no
//! fetchable record are refused before sending.

use attio::Error;
use attio::webhooks::{Delivery, verify};
use attio_tests::Stub;
use serde_json::json;

use crate::answers::{client, deal_answer};
use crate::events::documented_event;
use crate::vectors::{BODY, Deal, OBJECT_ID, RECORD_ID, SIGNATURE, secret, signed};

#[tokio::test]
async fn a_record_event_fetches_its_typed_record_checked_against_its_object() {
    let delivery = verify(&signed("Attio-Signature", SIGNATURE), BODY, &secret()).unwrap();

    let stub = Stub::start(vec![deal_answer(OBJECT_ID)]).await;
    let deal = delivery.events[0]
        .fetch::<Deal>(&client(&stub))
        .await
        .unwrap();
    assert_eq!(deal.values.name, "Big one");
    let sent = &stub.received()[0];
    assert_eq!(
        (sent.method.as_str(), sent.uri.to_string()),
        ("GET", format!("/v2/objects/deals/records/{RECORD_ID}"))
    );

    // Attio found the id under `deals`, but the record is of another object than the event's.
    let stub = Stub::start(vec![deal_answer("00000000-0000-0000-0000-000000000000")]).await;
    let err = delivery.events[0]
        .fetch::<Deal>(&client(&stub))
        .await
        .unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.path(), "data.id.object_id");
    assert!(
        err.to_string().contains("not about a `deals` record"),
        "{err}"
    );
}

#[tokio::test]
async fn events_that_name_no_fetchable_record_are_refused_before_sending() {
    let stub = Stub::start(vec![deal_answer(OBJECT_ID)]).await;
    let client = client(&stub);
    let body = json!({"webhook_id": "h", "events": [
        documented_event("record.deleted"),
        documented_event("list-entry.created"),
        documented_event("task.created"),
    ]});
    let delivery = Delivery::decode_unverified(&serde_json::to_vec(&body).unwrap()).unwrap();
    let messages = [
        "no longer exists",
        "names a list entry, not a record",
        "does not name a record",
    ];
    for (event, says) in delivery.events().iter().zip(messages) {
        let err = event.fetch::<Deal>(&client).await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
        assert!(err.to_string().contains(says), "{err}");
    }
    assert!(stub.received().is_empty());
}
