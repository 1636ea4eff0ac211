//! Every writable attribute type round-trips as Attio normalises it: on a custom object, and the
//! types only the standard objects have (email address, domain, personal name, status).

use attio::prelude::*;
use std::collections::BTreeSet;

use attio::{
    ActorReference, ActorType, CountryCode, Currency, Date, Location, PersonalName, PhoneNumber,
    Rating, RecordReference, SelectOption, Status,
};
use serde_json::json;

use crate::env::{ALICE, Env, email, gadgets, person};
use crate::structs::{Company, Deal, Gadget, Person};

/// Creates a custom object with an attribute of every type users can create, writes one record
/// through a struct declaring all of them, and checks every value as Attio returns it.
#[tokio::test]
async fn every_writable_type_round_trips_on_a_custom_object() {
    let env = Env::new().await;
    gadgets(&env).await;
    // Attio does not let users create these types on objects; the sandbox refuses as Attio does,
    // so they are covered on the standard objects below.
    for ty in ["email-address", "domain", "personal-name"] {
        let (status, body) = env
            .create_attribute("gadgets", &ty.replace('-', "_"), ty, json!({}))
            .await;
        assert_eq!(status, 400, "{ty}: {body}");
        assert_eq!(body["code"], "validation_type", "{ty}: {body}");
    }

    let maker = env
        .client
        .create_record(&Company {
            name: Some("Acme".into()),
            domains: vec!["acme.example".parse().unwrap()],
            categories: Vec::new(),
            foundation_date: None,
        })
        .await
        .unwrap();
    let site = Location::new()
        .with_line_1("1 Infinite Loop")
        .with_locality("Cupertino")
        .with_region("CA")
        .with_postcode("95014")
        .with_country_code("US".parse::<CountryCode>().unwrap())
        .with_coordinates("37.331741", "-122.030333")
        .unwrap();
    let gadget = Gadget {
        label: "Widget ✓".into(),
        weight: Some(-1234.5678),
        units: Some(9_007_199_254_740_991), // 2^53 - 1: the largest integer an f64 holds exactly
        in_stock: Some(true),
        price: Some("1999.99".parse().unwrap()),
        launch_date: Some(Date::new(2024, 2, 29).unwrap()),
        seen_at: Some("2023-01-02T15:04:05.123456789+02:00".parse().unwrap()),
        stars: Some(Rating::new(4).unwrap()),
        colour: Some(SelectOption::by_title("Green").unwrap()),
        tags: vec![
            SelectOption::by_title("new").unwrap(),
            SelectOption::by_title("sale").unwrap(),
        ],
        maker: Some(RecordReference::new(
            "companies",
            maker.id.record_id.clone(),
        )),
        steward: Some(ActorReference::workspace_member(ALICE).unwrap()),
        site: Some(site.clone()),
        hotline: Some(PhoneNumber::new("+44 7777 777777").unwrap()),
        contacts: vec![
            PhoneNumber::new("+15558675309").unwrap(),
            PhoneNumber::national("030 1234567", "DE".parse().unwrap()).unwrap(),
        ],
        // Read-only: whatever is here is never sent.
        created_by: ActorReference::workspace_member(ALICE).unwrap(),
    };

    let created = env.client.create_record(&gadget).await.unwrap();
    let sent = env.last_body();
    let sent_values = sent["data"]["values"].as_object().unwrap();
    assert!(!sent_values.contains_key("created_by"), "{sent}");
    assert_eq!(sent_values.len(), 15, "{sent}");
    assert_eq!(
        sent["data"]["values"]["seen_at"],
        "2023-01-02T13:04:05.123456789Z"
    );
    assert_eq!(sent["data"]["values"]["units"], 9_007_199_254_740_991_i64);

    let got = env
        .client
        .get_record::<Gadget>(&created.id.record_id)
        .await
        .unwrap();
    assert_eq!(got.values, created.values, "create and get return the same");
    let g = got.values;

    assert_eq!(g.label, "Widget ✓");
    assert_eq!(g.weight, Some(-1234.5678));
    assert_eq!(g.units, Some(9_007_199_254_740_991));
    assert_eq!(g.in_stock, Some(true));
    // Currency: the amount exactly, and the code the attribute configures (never written).
    let price = g.price.as_ref().unwrap();
    assert_eq!(price.to_f64(), 1999.99);
    assert_eq!(price.currency_code(), Some("EUR"));
    assert_eq!(g.launch_date, gadget.launch_date);
    // Timestamps: converted to UTC, nanoseconds exact.
    let seen = g.seen_at.unwrap();
    assert_eq!(seen.to_string(), "2023-01-02T13:04:05.123456789Z");
    assert_eq!(Some(seen), gadget.seen_at);
    assert_eq!(seen.unix_timestamp_nanos() % 1_000_000_000, 123_456_789);
    assert_eq!(g.stars.map(Rating::get), Some(4));
    // Select: written by title, read back with Attio's ids.
    let colour = g.colour.as_ref().unwrap();
    assert_eq!(colour.title(), Some("Green"));
    assert!(colour.option_id().is_some_and(|id| !id.is_empty()));
    assert_eq!(colour.is_archived(), Some(false));
    assert!(colour.matches(&SelectOption::by_title("Green").unwrap()));
    let tags: BTreeSet<_> = g.tags.iter().filter_map(SelectOption::title).collect();
    assert_eq!(tags, BTreeSet::from(["new", "sale"]));
    assert_eq!(g.maker, gadget.maker);
    // Actor reference: a member by id reads back equal.
    assert_eq!(g.steward, gadget.steward);
    // Location: every part, coordinates as the strings written.
    assert_eq!(g.site.as_ref(), Some(&site));
    assert_eq!(
        g.site.as_ref().map(|s| (s.latitude(), s.longitude())),
        Some((Some("37.331741"), Some("-122.030333")))
    );
    // Phone numbers: the original text kept, Attio's E.164 form and country added.
    let hotline = g.hotline.as_ref().unwrap();
    assert_eq!(hotline.as_str(), "+44 7777 777777");
    assert_eq!(hotline.normalized(), Some("+447777777777"));
    assert_eq!(
        hotline.country_code().map(|c| c.to_string()),
        Some("GB".into())
    );
    let mut contacts: Vec<_> = g
        .contacts
        .iter()
        .map(|p| {
            (
                p.as_str().to_owned(),
                p.normalized().map(str::to_owned),
                p.country_code().map(|c| c.to_string()),
            )
        })
        .collect();
    contacts.sort();
    assert_eq!(
        contacts,
        [
            (
                "+15558675309".into(),
                Some("+15558675309".into()),
                Some("US".into())
            ),
            (
                "030 1234567".into(),
                Some("+49301234567".into()),
                Some("DE".into())
            ),
        ]
    );
    // The system attribute decodes: the API token created the record.
    assert_eq!(g.created_by.actor_type(), Some(&ActorType::ApiToken));

    // A value read back writes back unchanged: PATCHing the read struct is accepted and changes
    // nothing (no multiselect duplicates, no new history).
    let again = g.clone().update(&env.client, &created.id.record_id).await;
    let again = again.unwrap().values;
    assert_eq!(again, g);
    assert_eq!(
        env.history("gadgets", &created.id.record_id, "label")
            .await
            .len(),
        1
    );

    // Actor reference by email: Attio resolves it to the member's id.
    let by_email = Gadget {
        steward: Some(ActorReference::workspace_member_by_email(email(
            "alice@attio.com",
        ))),
        ..gadget.clone()
    };
    let second = env.client.create_record(&by_email).await.unwrap();
    let steward = second.values.steward.unwrap();
    assert_eq!(steward.actor_type(), Some(&ActorType::WorkspaceMember));
    assert_eq!(steward.id(), Some(ALICE));
}

/// The types users cannot create on a custom object — email address, domain, personal name —
/// and status, on the standard objects that have them.
#[tokio::test]
async fn standard_object_types_round_trip() {
    let env = Env::new().await;
    let c = &env.client;

    let p = Person {
        name: Some(PersonalName::with_full_name("Jean", "Dupont", "Dr Jean Dupont").unwrap()),
        job_title: Some("Chemist".into()),
        phone_numbers: vec![PhoneNumber::new("+33 1 23 45 67 89").unwrap()],
        primary_location: Some("10 Rue de Rivoli, Paris, Ile-de-France, 75001, FR".parse_loc()),
        ..person(&["Jean.Dupont+lab@Example.co.uk"])
    };
    let created = c.create_record(&p).await.unwrap();
    let got = c
        .get_record::<Person>(&created.id.record_id)
        .await
        .unwrap()
        .values;
    assert_eq!(got.name, p.name);
    let [e] = got.email_addresses.as_slice() else {
        panic!("{:?}", got.email_addresses)
    };
    assert_eq!(e.as_str(), "Jean.Dupont+lab@Example.co.uk");
    assert_eq!(e.normalized(), "jean.dupont+lab@example.co.uk");
    assert_eq!(e.local_part(), "jean.dupont+lab");
    assert_eq!(e.domain(), "example.co.uk");
    assert_eq!(
        e.root_domain(),
        "example.co.uk",
        "Attio's root domain, not the last two labels"
    );
    assert_eq!(got.phone_numbers[0].normalized(), Some("+33123456789"));
    assert_eq!(got.primary_location, p.primary_location);
    // A name given as "Last, First" is split as Attio splits it.
    let mut q = person(&["cher@example.com"]);
    q.name = Some("Sarkisian, Cherilyn".parse().unwrap());
    let q = c.create_record(&q).await.unwrap().values;
    assert_eq!(
        q.name
            .as_ref()
            .map(|n| (n.first_name(), n.last_name(), n.full_name())),
        Some(("Cherilyn", "Sarkisian", "Cherilyn Sarkisian"))
    );

    let co = c
        .create_record(&Company {
            name: Some("Attio".into()),
            domains: vec!["App.Attio.com".parse().unwrap()],
            categories: vec![
                SelectOption::by_title("SaaS").unwrap(),
                SelectOption::by_id("14938464-cae9-4e50-8856-0fb584844f24").unwrap(),
            ],
            foundation_date: Some("2019-06-01".parse().unwrap()),
        })
        .await
        .unwrap();
    let co = c
        .get_record::<Company>(&co.id.record_id)
        .await
        .unwrap()
        .values;
    assert_eq!(co.domains.len(), 1);
    assert_eq!(co.domains[0].as_str(), "app.attio.com");
    assert_eq!(co.domains[0].root_domain(), "attio.com");
    let cats: BTreeSet<_> = co
        .categories
        .iter()
        .filter_map(SelectOption::title)
        .collect();
    assert_eq!(cats, BTreeSet::from(["3D Printing", "SaaS"]));
    assert_eq!(
        co.foundation_date.map(|d| d.to_string()),
        Some("2019-06-01".into())
    );

    let deal = Deal {
        name: "Big one".into(),
        stage: Status::by_title("In Progress").unwrap(),
        owner: ActorReference::workspace_member(ALICE).unwrap(),
        value: Some(Currency::new(4_999_999, 2).unwrap()),
        associated_company: None,
    };
    let d = c.create_record(&deal).await.unwrap().values;
    assert_eq!(d.stage.title(), Some("In Progress"));
    assert_eq!(
        d.stage.status_id(),
        Some("11f07f01-c10f-4e05-a522-33e050bc52ee")
    );
    assert_eq!(d.stage.celebration_enabled(), Some(false));
    assert_eq!(d.owner, deal.owner);
    let value = d.value.unwrap();
    assert_eq!(value.to_f64(), 49_999.99);
    assert_eq!(value.currency_code(), Some("USD"));
}

trait ParseLoc {
    fn parse_loc(self) -> Location;
}

impl ParseLoc for &str {
    /// The location the sandbox parses this free text into, built explicitly (the SDK writes
    /// the 10-key object form).
    fn parse_loc(self) -> Location {
        let parts: Vec<&str> = self.split(", ").collect();
        Location::new()
            .with_line_1(parts[0])
            .with_locality(parts[1])
            .with_region(parts[2])
            .with_postcode(parts[3])
            .with_country_code(parts[4].parse().unwrap())
    }
}
