//! Multiselect: `update` appends to a multiselect attribute and replaces a single value; the
//! history keeps what was replaced.

use attio::prelude::*;
use std::collections::BTreeSet;

use attio::{ActorReference, Record, SelectOption};
use serde_json::json;

use crate::env::{ALICE, Env, email, gadgets};
use crate::structs::{Gadget, PersonEmails};

/// `update` of a struct with a `Vec` field appends to the multiselect attribute and replaces the
/// single-value one; repeating it adds nothing new; the replaced single value stays in the history
/// with `active_until` set, and no multiselect value is ever deactivated.
#[tokio::test]
async fn multiselect_update_appends_and_history_keeps_replaced_values() {
    let env = Env::new().await;
    let c = &env.client;
    let created = c
        .create_record(&PersonEmails {
            email_addresses: vec![email("a@example.com")],
            job_title: Some("Engineer".into()),
        })
        .await
        .unwrap();
    let id = created.id.record_id.clone();
    let emails = |r: &Record<PersonEmails>| -> Vec<String> {
        r.values
            .email_addresses
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect()
    };

    let update = PersonEmails {
        email_addresses: vec![email("b@example.com")],
        job_title: Some("Manager".into()),
    };
    let r = update.update(c, &id).await.unwrap();
    assert_eq!(
        env.last_body(),
        json!({"data": {"values": {"email_addresses": ["b@example.com"], "job_title": "Manager"}}}),
        "a Vec is sent as an array of what it holds, nothing else"
    );
    // Appended (Attio prepends new values), the old one kept.
    assert_eq!(emails(&r), ["b@example.com", "a@example.com"]);
    assert_eq!(r.values.job_title.as_deref(), Some("Manager"));

    // The same update again: the PATCH appends what it holds, which is already there.
    let r = update.update(c, &id).await.unwrap();
    assert_eq!(emails(&r), ["b@example.com", "a@example.com"]);

    // A struct with new values adds them; an empty Vec adds nothing (and removes nothing).
    let r = PersonEmails {
        email_addresses: vec![email("c@example.com"), email("d@example.com")],
        job_title: None,
    }
    .update(c, &id)
    .await
    .unwrap();
    assert_eq!(r.values.email_addresses.len(), 4);
    assert_eq!(
        r.values.job_title.as_deref(),
        Some("Manager"),
        "None leaves it"
    );
    let r = PersonEmails {
        email_addresses: Vec::new(),
        job_title: Some("Director".into()),
    }
    .update(c, &id)
    .await
    .unwrap();
    let set: BTreeSet<_> = emails(&r).into_iter().collect();
    assert_eq!(
        set,
        BTreeSet::from(
            [
                "a@example.com",
                "b@example.com",
                "c@example.com",
                "d@example.com"
            ]
            .map(String::from)
        )
    );
    assert_eq!(
        r.values,
        c.get_record::<PersonEmails>(&id).await.unwrap().values
    );

    // History of the single value: each replaced value is deactivated when the next arrived.
    let titles = env.history("people", &id, "job_title").await;
    let seen: Vec<_> = titles
        .iter()
        .map(|v| (v["value"].as_str().unwrap(), v["active_until"].is_null()))
        .collect();
    assert_eq!(
        seen,
        [("Engineer", false), ("Manager", false), ("Director", true)]
    );
    for w in titles.windows(2) {
        assert_eq!(
            w[0]["active_until"], w[1]["active_from"],
            "a value is replaced at the instant the next one starts"
        );
    }
    // Appends never deactivate anything: four values, all active.
    let history = env.history("people", &id, "email_addresses").await;
    assert_eq!(history.len(), 4);
    assert!(history.iter().all(|v| v["active_until"].is_null()));

    // A non-unique multiselect (select options on a custom object) behaves the same.
    gadgets(&env).await;
    let g = Gadget {
        label: "g".into(),
        weight: None,
        units: None,
        in_stock: None,
        price: None,
        launch_date: None,
        seen_at: None,
        stars: None,
        colour: None,
        tags: vec![SelectOption::by_title("new").unwrap()],
        maker: None,
        steward: None,
        site: None,
        hotline: None,
        contacts: Vec::new(),
        created_by: ActorReference::workspace_member(ALICE).unwrap(),
    };
    let gid = c.create_record(&g).await.unwrap().id.record_id;
    let tags = |r: &Record<Gadget>| -> BTreeSet<String> {
        r.values
            .tags
            .iter()
            .filter_map(|t| t.title().map(str::to_owned))
            .collect()
    };
    let mut more = g.clone();
    more.tags = vec![
        SelectOption::by_title("sale").unwrap(),
        SelectOption::by_title("new").unwrap(),
    ];
    let r = more.update(c, &gid).await.unwrap();
    assert_eq!(tags(&r), BTreeSet::from(["new".into(), "sale".into()]));
    assert_eq!(r.values.tags.len(), 2, "no duplicate `new`");
    let r = more.update(c, &gid).await.unwrap();
    assert_eq!(r.values.tags.len(), 2, "the same update again adds nothing");
}
