//! The hand-written baselines' values: what a careful user would write with plain serde, twins of
//! the typed values.

use crate::hand_write;
use crate::ids::uuid;

/// The `i`th user, hand-written.
pub fn hand_user(i: usize) -> hand_write::User {
    hand_write::User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com"),
        person: Some(hand_write::RecordRef {
            target_object: "people".into(),
            target_record_id: uuid(1, i),
        }),
        workspace: Some(hand_write::RecordRef {
            target_object: "workspaces".into(),
            target_record_id: uuid(2, i),
        }),
    }
}

/// The wide object, hand-written (dates and timestamps held as their strings).
pub fn hand_wide() -> hand_write::Wide {
    use hand_write::*;
    let s = |v: &str| Some(v.to_owned());
    Wide {
        text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.".into(),
        number: 3.25,
        checkbox: true,
        currency: 4.99,
        date: "2023-11-24".into(),
        timestamp: "2019-01-17T15:17:48.000000000Z".into(),
        rating: 4,
        status: Status {
            status: "11f07f01-c10f-4e05-a522-33e050bc52ee".into(),
        },
        select: Select {
            option: "14938464-cae9-4e50-8856-0fb584844f24".into(),
        },
        record_reference: RecordRef {
            target_object: "people".into(),
            target_record_id: "891dcbfc-9141-415d-9b2a-2238a6cc012d".into(),
        },
        actor_reference: ActorRef {
            referenced_actor_type: "workspace-member".into(),
            referenced_actor_id: "50cf242c-7fa3-4cad-87d0-75b1af71c57b".into(),
        },
        location: Location {
            line_1: s("1 Infinite Loop"),
            line_2: None,
            line_3: None,
            line_4: None,
            locality: s("Cupertino"),
            region: s("CA"),
            postcode: s("95014"),
            country_code: s("US"),
            latitude: s("37.331741"),
            longitude: s("-122.030333"),
        },
        domain: "app.attio.com".into(),
        email_address: "person@company.com".into(),
        phone_number: "+447777777777".into(),
        personal_name: Name {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            full_name: "Ada Lovelace".into(),
        },
        tags: vec![
            Select {
                option: "Aerospace & Defense".into(),
            },
            Select {
                option: "3D Printing".into(),
            },
        ],
    }
}

/// The hand-written twin of [`update_user`](crate::update_user).
pub fn hand_update_user(i: usize) -> hand_write::User {
    hand_write::User {
        user_id: format!("user-{i}"),
        primary_email_address: format!("person{i}@company.com"),
        person: None,
        workspace: None,
    }
}
