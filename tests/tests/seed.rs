//! The seed document ("Update a user record") works verbatim: `update` sends exactly its request,
//! and its response decodes with every field and every value's metadata intact.

use attio::prelude::*;
use attio::{ActorType, AttributeType, Client, EmailAddress, RecordId, RecordReference};
use attio_tests::{Canned, Stub, User, UserWithMeta, seed};
use serde_json::Value;

fn seed_user() -> User {
    User {
        user_id: "123".into(),
        primary_email_address: "person@company.com".parse().unwrap(),
        person: Some(RecordReference::new(
            "people",
            "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap(),
        )),
        // Not a UUID (nine hex digits in the first group), as the seed has it: accepted verbatim.
        workspace: Some(RecordReference::new(
            "workspaces",
            "72ef5feaf-4919-4208-b332-1339ab8ba040".parse().unwrap(),
        )),
    }
}

fn client(stub: &Stub) -> Client {
    Client::builder()
        .api_key("seed-token")
        .base_url(stub.url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn update_sends_the_seed_request_exactly() {
    let (request, response) = seed();
    let stub = Stub::start(vec![Canned::json(200, response)]).await;
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();

    seed_user().update(&client(&stub), &id).await.unwrap();

    let received = stub.received();
    assert_eq!(received.len(), 1);
    let got = &received[0];
    assert_eq!(got.method, "PATCH");
    assert_eq!(
        got.uri.path(),
        "/v2/objects/users/records/5e3fb280-007b-495a-a530-9354bde01de1"
    );
    assert_eq!(got.uri.query(), None);
    assert_eq!(got.header("authorization"), Some("Bearer seed-token"));
    assert_eq!(got.header("content-type"), Some("application/json"));
    let expected: Value = serde_json::from_str(&request).unwrap();
    assert_eq!(got.json(), expected, "the body is the seed's --data");
    let agent = got.header("user-agent").unwrap();
    assert!(agent.starts_with("attio-rs/"), "{agent}");
}

#[tokio::test]
async fn the_seed_response_decodes_with_every_field() {
    let (_, response) = seed();
    let stub = Stub::start(vec![Canned::json(200, response)]).await;
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();

    let record = seed_user().update(&client(&stub), &id).await.unwrap();

    assert_eq!(
        record.id.workspace_id,
        "14beef7a-99f7-4534-a87e-70b564330a4c"
    );
    assert_eq!(record.id.object_id, "97052eb9-e65e-443f-a297-f2d9a4a7f795");
    assert_eq!(
        record.id.record_id.as_str(),
        "bf071e1f-6035-429d-b874-d83ea64ea13b"
    );
    assert_eq!(
        record.created_at.to_string(),
        "2022-11-21T13:22:49.061281000Z"
    );
    assert_eq!(record.web_url, None);
    assert_eq!(record.values, seed_user());
    assert_eq!(
        record.values.primary_email_address.to_string(),
        "person@company.com"
    );
}

#[tokio::test]
async fn the_seed_response_keeps_every_values_metadata() {
    let (_, response) = seed();
    let stub = Stub::start(vec![Canned::json(200, response)]).await;
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    let body = UserWithMeta {
        user_id: "123".to_owned().into(),
        primary_email_address: "person@company.com".parse::<EmailAddress>().unwrap().into(),
        person: None,
        workspace: None,
    };

    let record = body.update(&client(&stub), &id).await.unwrap();
    let v = &record.values;

    let metas = [
        (&v.user_id.meta, AttributeType::Text),
        (&v.primary_email_address.meta, AttributeType::EmailAddress),
        (
            &v.person.as_ref().unwrap().meta,
            AttributeType::RecordReference,
        ),
        (
            &v.workspace.as_ref().unwrap().meta,
            AttributeType::RecordReference,
        ),
    ];
    for (meta, ty) in metas {
        assert_eq!(
            meta.active_from.unwrap().to_string(),
            "2023-01-01T15:00:00.000000000Z"
        );
        assert_eq!(meta.active_until, None);
        assert!(meta.is_active());
        let actor = meta.created_by_actor.as_ref().unwrap();
        assert_eq!(actor.actor_type, Some(ActorType::System));
        assert_eq!(actor.id, None);
        assert_eq!(meta.attribute_type.as_ref(), Some(&ty));
    }
    assert_eq!(*v.user_id, "123");
    assert_eq!(
        v.workspace.as_ref().unwrap().target_record_id().as_str(),
        "72ef5feaf-4919-4208-b332-1339ab8ba040"
    );
}

#[test]
fn the_seed_document_is_what_the_fixtures_hold() {
    let (request, response) = seed();
    let request: Value = serde_json::from_str(&request).unwrap();
    assert_eq!(request["data"]["values"]["user_id"], "123");
    let response: Value = serde_json::from_str(&response).unwrap();
    assert_eq!(
        response["data"]["values"].as_object().unwrap().len(),
        4,
        "person, primary_email_address, user_id, workspace"
    );
}
