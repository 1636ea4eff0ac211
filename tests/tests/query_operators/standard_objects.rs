//! The standard objects: status, actor and currency on deals; email address, personal name, phone
//! number and location parts on people; domains on companies.

use attio::prelude::*;
use attio::{Currency, Location, PersonalName, PhoneNumber, Status};

use crate::gizmos::gizmos;
use crate::harness::{ALICE, Env, country, member, tags_in_order};
use crate::objects::{Company, Deal, Person, PersonFields};

#[tokio::test]
async fn deal_stage_owner_and_value() {
    let env = Env::new().await;
    let c = &env.client;
    let bob = env.member("bob@attio.com").await;
    let mut in_progress = None;
    for (name, stage, owner, value) in [
        ("D1", "Lead", ALICE, Some("100")),
        ("D2", "In Progress", bob.as_str(), Some("2500.5")),
        ("D3", "Won 🎉", ALICE, None),
        ("D4", "Lost", bob.as_str(), Some("50")),
    ] {
        let created = Deal {
            name: name.into(),
            stage: Status::by_title(stage).unwrap(),
            owner: member(owner),
            value: value.map(|v| v.parse().unwrap()),
        }
        .create(c)
        .await
        .unwrap();
        if stage == "In Progress" {
            in_progress = created.values.stage.status_id().map(str::to_owned);
        }
    }
    let in_progress = in_progress.expect("a status id");

    // Status: by title, by status id, as a string, `$in`, `$not_empty`.
    expect!(
        c,
        Deal,
        |f| f.stage().eq(Status::by_title("Lead").unwrap()),
        ["D1"]
    );
    expect!(
        c,
        Deal,
        |f| f.stage().eq(Status::by_id(in_progress.clone()).unwrap()),
        ["D2"]
    );
    expect!(c, Deal, |f| f.stage().eq_title("Won 🎉"), ["D3"]);
    expect!(c, Deal, |f| f.stage().eq_title(in_progress.clone()), ["D2"]);
    expect!(
        c,
        Deal,
        |f| f.stage().is_in([
            Status::by_title("Lead").unwrap(),
            Status::by_title("Lost").unwrap()
        ]),
        ["D1", "D4"]
    );
    expect!(c, Deal, |f| f.stage().is_set(), ["D1", "D2", "D3", "D4"]);
    expect!(c, Deal, |f| f.stage().is_empty(), []);

    // Actor reference on a system-style attribute.
    expect!(c, Deal, |f| f.owner().eq(&member(&bob)), ["D2", "D4"]);
    expect!(c, Deal, |f| f.owner().eq(&member(ALICE)), ["D1", "D3"]);

    // Currency with the attribute's default code (USD).
    let usd = |s: &str| -> Currency { s.parse().unwrap() };
    expect!(c, Deal, |f| f.value().gte(usd("100")), ["D1", "D2"]);
    expect!(c, Deal, |f| f.value().eq(usd("2500.50")), ["D2"]);
    expect!(c, Deal, |f| f.value().lt(usd("100")), ["D4"]);

    // Combined across types.
    expect!(
        c,
        Deal,
        |f| !f.stage().eq_title("Lost") & f.owner().eq(&member(ALICE)),
        ["D1", "D3"]
    );
    expect!(
        c,
        Deal,
        |f| f.value().gt(usd("1000")) | f.stage().eq_title("Won 🎉"),
        ["D2", "D3"]
    );
    env.sb.shutdown().await;
}

#[tokio::test]
async fn people_email_name_phone_and_location_parts() {
    let env = Env::new().await;
    let c = &env.client;
    let london = Location::new()
        .with_locality("London")
        .with_region("England")
        .with_postcode("NW1 6XE")
        .with_country_code(country("GB"));
    let people = [
        Person {
            job_title: Some("ada".into()),
            email_addresses: vec!["ada@mail.engine.org".parse().unwrap()],
            name: Some(PersonalName::new("Ada", "Lovelace").unwrap()),
            phone_numbers: vec![PhoneNumber::new("+44 7777 777777").unwrap()],
            primary_location: Some(london),
        },
        Person {
            job_title: Some("grace".into()),
            email_addresses: vec![
                "grace.hopper@navy.mil".parse().unwrap(),
                "g@cobol.example.co.uk".parse().unwrap(),
            ],
            name: Some(PersonalName::new("Grace", "Hopper").unwrap()),
            phone_numbers: vec![PhoneNumber::new("+15558675309").unwrap()],
            primary_location: Some(
                Location::new()
                    .with_locality("Arlington")
                    .with_region("Virginia")
                    .with_postcode("22201")
                    .with_country_code(country("US")),
            ),
        },
        Person {
            job_title: Some("alan".into()),
            email_addresses: vec!["alan@bletchley.example".parse().unwrap()],
            name: Some(PersonalName::new("Alan", "Turing").unwrap()),
            phone_numbers: Vec::new(),
            primary_location: Some(
                Location::new()
                    .with_locality("Manchester")
                    .with_region("England")
                    .with_postcode("M13 9PL")
                    .with_country_code(country("GB")),
            ),
        },
        Person {
            job_title: Some("anon".into()),
            email_addresses: vec!["anon@engine.org".parse().unwrap()],
            name: None,
            phone_numbers: Vec::new(),
            primary_location: None,
        },
    ];
    for p in people {
        p.create(c).await.unwrap();
    }

    // Email address: the address itself, then its parts.
    let e = |f: &PersonFields| f.email_addresses();
    expect!(c, Person, |f| e(f).eq("alan@bletchley.example"), ["alan"]);
    expect!(c, Person, |f| e(f).contains("COBOL"), ["grace"]);
    expect!(
        c,
        Person,
        |f| e(f).starts_with("a"),
        ["ada", "alan", "anon"]
    );
    expect!(c, Person, |f| e(f).ends_with(".mil"), ["grace"]);
    expect!(
        c,
        Person,
        |f| e(f).email_domain().eq("engine.org"),
        ["anon"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_domain().ends_with("engine.org"),
        ["ada", "anon"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_root_domain().eq("engine.org"),
        ["ada", "anon"]
    );
    // Two-label public suffix: the root of cobol.example.co.uk is example.co.uk.
    expect!(
        c,
        Person,
        |f| e(f).email_root_domain().eq("example.co.uk"),
        ["grace"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_local_specifier().eq("grace.hopper"),
        ["grace"]
    );
    expect!(
        c,
        Person,
        |f| e(f).email_local_specifier().starts_with("an"),
        ["anon"]
    );

    // Personal name: the full name, then its parts.
    expect!(c, Person, |f| f.name().eq("Alan Turing"), ["alan"]);
    expect!(c, Person, |f| f.name().ends_with("Hopper"), ["grace"]);
    expect!(c, Person, |f| f.name().contains("a l"), ["ada"]);
    expect!(c, Person, |f| f.name().first_name().eq("Grace"), ["grace"]);
    expect!(
        c,
        Person,
        |f| f.name().last_name().starts_with("Tur"),
        ["alan"]
    );
    expect!(
        c,
        Person,
        |f| f.name().full_name().contains("LOVE"),
        ["ada"]
    );
    expect!(c, Person, |f| f.name().is_set(), ["ada", "alan", "grace"]);
    expect!(c, Person, |f| f.name().is_empty(), ["anon"]);

    // Phone number: E.164 text, country code.
    expect!(
        c,
        Person,
        |f| f.phone_numbers().eq("+447777777777"),
        ["ada"]
    );
    expect!(
        c,
        Person,
        |f| f.phone_numbers().starts_with("+1"),
        ["grace"]
    );
    expect!(
        c,
        Person,
        |f| f.phone_numbers().country_code().eq("GB"),
        ["ada"]
    );

    // Location parts.
    let loc = |f: &PersonFields| f.primary_location();
    expect!(c, Person, |f| loc(f).locality().eq("London"), ["ada"]);
    expect!(
        c,
        Person,
        |f| loc(f).country_code().eq("GB"),
        ["ada", "alan"]
    );
    expect!(
        c,
        Person,
        |f| loc(f).region().eq("England"),
        ["ada", "alan"]
    );
    expect!(
        c,
        Person,
        |f| loc(f).postcode().starts_with("222"),
        ["grace"]
    );
    expect!(c, Person, |f| loc(f).locality().ends_with("ter"), ["alan"]);

    // Sorting on a property of a composite value.
    let by_last = Person::query()
        .filter(|f| f.name().is_set())
        .sort(|f| f.name().last_name().asc());
    assert_eq!(
        tags_in_order(by_last.clone(), c).await,
        ["grace", "ada", "alan"]
    );
    let by_last_desc = Person::query()
        .filter(|f| f.name().is_set())
        .sort(|f| f.name().last_name().desc());
    assert_eq!(
        tags_in_order(by_last_desc, c).await,
        ["alan", "ada", "grace"]
    );
    env.sb.shutdown().await;
}

#[tokio::test]
async fn company_domains() {
    let env = Env::new().await;
    gizmos(&env).await; // creates Attio, Acme and Nodomain
    let c = &env.client;
    expect!(c, Company, |f| f.domains().eq("app.attio.com"), ["Attio"]);
    expect!(c, Company, |f| f.domains().eq("acme.org"), ["Acme"]);
    expect!(c, Company, |f| f.domains().contains("ACME"), ["Acme"]);
    expect!(c, Company, |f| f.domains().starts_with("app."), ["Attio"]);
    expect!(
        c,
        Company,
        |f| f.domains().ends_with(".com"),
        ["Acme", "Attio"]
    );
    expect!(
        c,
        Company,
        |f| f.domains().root_domain().eq("attio.com"),
        ["Attio"]
    );
    expect!(
        c,
        Company,
        |f| f.domains().root_domain().eq("example.com"),
        ["Acme"]
    );
    expect!(c, Company, |f| f.domains().is_set(), ["Acme", "Attio"]);
    expect!(c, Company, |f| f.domains().is_empty(), ["Nodomain"]);
    expect!(
        c,
        Company,
        |f| f.name().is_in(["Attio", "Nodomain"]),
        ["Attio", "Nodomain"]
    );
    env.sb.shutdown().await;
}
