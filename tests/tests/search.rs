//! Record search end to end against the sandbox: by name, domain and email, across objects, typed
//! references from hits, and what is refused before sending.

use attio::prelude::*;
use attio::{ActorReference, Error, Outcome, PersonalName, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct Person {
    name: Option<PersonalName>,
    email_addresses: Vec<attio::EmailAddress>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
    domains: Vec<attio::Domain>,
}

#[tokio::test]
async fn search_finds_people_and_companies_by_name_domain_and_email() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let alan = Person {
        name: Some(PersonalName::new("Alan", "Turing").unwrap()),
        email_addresses: vec!["alan@bletchley.example".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();
    Person {
        name: Some(PersonalName::new("Ada", "Lovelace").unwrap()),
        email_addresses: vec!["ada@engine.example".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();
    let bletchley = Company {
        name: "Bletchley Park".into(),
        domains: vec!["bletchley.example".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();

    let hits = client
        .search("alan tur")
        .within::<Person>()
        .send()
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].record_text, "Alan Turing");
    assert_eq!(hits[0].email_addresses, ["alan@bletchley.example"]);
    let alan_ref = hits[0].to_ref::<Person>().unwrap();
    assert_eq!(alan_ref.record_id(), Some(&alan.id.record_id));
    assert!(hits[0].to_ref::<Company>().is_none());

    let hits = client
        .search("bletchley")
        .within::<Person>()
        .within::<Company>()
        .send()
        .await
        .unwrap();
    let found: Vec<(&str, &str)> = hits
        .iter()
        .map(|h| (h.object_slug.as_str(), h.record_text.as_str()))
        .collect();
    assert_eq!(
        found,
        [("people", "Alan Turing"), ("companies", "Bletchley Park")]
    );
    assert_eq!(hits[1].domains, ["bletchley.example"]);
    assert_eq!(hits[1].id.record_id, bletchley.id.record_id);

    let as_alice = ActorReference::workspace_member_by_email("alice@attio.com".parse().unwrap());
    let hits = client
        .search("")
        .objects(["people"])
        .as_member(&as_alice)
        .limit(1)
        .send()
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);

    // Refused before sending, each saying what to write.
    let before = sandbox.total_requests();
    let err = client.search("x").send().await.unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(err.to_string().contains(".within::<T>()"), "{err}");
    let err = client
        .search("x")
        .within::<Person>()
        .limit(26)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    assert!(err.to_string().contains("1 to 25 results"), "{err}");
    assert_eq!(sandbox.total_requests(), before);

    // An unknown object is Attio's 404, naming the request.
    let err = client
        .search("x")
        .objects(["nope"])
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(
        err.to_string().contains("POST /v2/objects/records/search"),
        "{err}"
    );
}
