//! The seed's User end to end: references written by the generated `update` read back exactly,
//! with each value's metadata.

use attio::prelude::*;
use attio::{ActorType, AttributeType, Record, RecordReference};
use serde_json::json;

use crate::env::{Env, email, person};
use crate::structs::{Person, User, UserWithMeta, Workspace};

/// Creates a person, a workspace and a user, points the user at both with the generated
/// `update`, and reads back exactly what was written, plus each value's metadata.
#[tokio::test]
async fn user_update_with_references_reads_back_what_was_written() {
    let env = Env::new().await;
    let c = &env.client;

    let ada = c
        .create_record(&Person {
            name: Some("Lovelace, Ada".parse().unwrap()),
            ..person(&["ada@example.com"])
        })
        .await
        .unwrap();
    let ws = c
        .create_record(&Workspace {
            workspace_id: "ws-1".into(),
            name: Some("Analytical Engines".into()),
        })
        .await
        .unwrap();
    assert_eq!(ws.values.workspace_id, "ws-1");

    let mut user = User {
        user_id: "123".into(),
        primary_email_address: email("Person@Company.com"),
        person: None,
        workspace: None,
    };
    let created = c.create_record(&user).await.unwrap();
    assert_eq!(created.values.user_id, "123");
    assert_eq!(created.values.person, None);
    let id = created.id.record_id.clone();

    user.person = Some(RecordReference::new("people", ada.id.record_id.clone()));
    user.workspace = Some(RecordReference::new("workspaces", ws.id.record_id.clone()));
    let updated: Record<User> = user.update(c, &id).await.unwrap();
    assert_eq!(updated.id, created.id, "the same record");
    assert_eq!(updated.created_at, created.created_at);

    // The PATCH sent only the user's values, in the documented write forms.
    let sent = env.last_body();
    assert_eq!(
        sent,
        json!({"data": {"values": {
            "user_id": "123",
            "primary_email_address": "Person@Company.com",
            "person": {"target_object": "people", "target_record_id": ada.id.record_id.as_str()},
            "workspace": {"target_object": "workspaces", "target_record_id": ws.id.record_id.as_str()},
        }}})
    );

    // What comes back equals what was written, as Attio normalises it: the email keeps the
    // original text and gains Attio's normalised parts.
    let got = c.get_record::<User>(&id).await.unwrap();
    assert_eq!(got.values.user_id, user.user_id);
    assert_eq!(got.values.person, user.person);
    assert_eq!(got.values.workspace, user.workspace);
    let e = &got.values.primary_email_address;
    assert_eq!(e.as_str(), "Person@Company.com");
    assert_eq!(e.normalized(), "person@company.com");
    assert_eq!(
        (e.local_part(), e.domain(), e.root_domain()),
        ("person", "company.com", "company.com")
    );
    assert_eq!(got.values, updated.values);
    assert_eq!(got.id, created.id);
    assert!(
        got.web_url.as_deref().unwrap_or("").contains(id.as_str()),
        "{:?}",
        got.web_url
    );

    // Two-way relationship: the person now lists the user.
    let ada_now = c.get_record::<Person>(&ada.id.record_id).await.unwrap();
    assert_eq!(
        ada_now.values.associated_users,
        [RecordReference::new("users", id.clone())]
    );

    // The same record through WithMeta<T>: every value is active, was written by the API token,
    // and says its type; the references became active when the update ran, after the create.
    let meta = c.get_record::<UserWithMeta>(&id).await.unwrap();
    let v = &meta.values;
    assert_eq!(*v.user_id, "123");
    assert_eq!(
        v.primary_email_address.value,
        got.values.primary_email_address
    );
    let person_ref = v.person.as_ref().unwrap();
    assert_eq!(Some(&person_ref.value), user.person.as_ref());
    let all = [
        (&v.user_id.meta, AttributeType::Text),
        (&v.primary_email_address.meta, AttributeType::EmailAddress),
        (&person_ref.meta, AttributeType::RecordReference),
        (
            &v.workspace.as_ref().unwrap().meta,
            AttributeType::RecordReference,
        ),
    ];
    for (m, ty) in all {
        let from = m.active_from.expect("active_from is set");
        assert!(
            from >= created.created_at,
            "{from} < {}",
            created.created_at
        );
        assert_eq!(m.active_until, None);
        assert!(m.is_active());
        let actor = m.created_by_actor.as_ref().expect("created_by_actor");
        assert_eq!(actor.actor_type, Some(ActorType::ApiToken));
        assert!(actor.id.as_deref().is_some_and(|id| !id.is_empty()));
        assert_eq!(m.attribute_type.as_ref(), Some(&ty));
    }
    assert!(
        person_ref.meta.active_from > v.user_id.meta.active_from,
        "the reference was written by the later update"
    );
}
