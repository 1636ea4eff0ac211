//! Setting a list up, end to end against the in-process sandbox: record-reference attributes
//! created from a `Ref<T>` field (the allowed object is `T`'s) or, for a plain `RecordReference`
//! field, from the objects the caller names; and the hint a `404 not_found` about a list that does
//! not exist carries.
//!
//! Run: `cargo test -p attio-tests --test list_attributes`.

use attio::prelude::*;
use attio::schema::{Attribute, Target};
use attio::{
    AttributeType, Error, ErrorCode, Method, RecordReference, Ref, attio_list, attio_object,
};
use attio_sandbox::Sandbox;
use serde_json::Value;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Person {
    job_title: Option<String>,
}

/// A list whose entries reference records: of one object (`Ref<Person>`, single and multiselect)
/// or of any allowed object (`RecordReference`).
#[attio_list(slug = "sales_pipeline", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
struct SalesEntry {
    champion: Option<Ref<Person>>,
    contacts: Vec<Ref<Person>>,
    referred_by: Option<RecordReference>,
    note: Option<String>,
}

/// The same list's entries as the first test sets it up: its two references to people (the
/// first use of `SalesEntry` would say that `referred_by` and `note` do not exist yet).
#[attio_list(slug = "sales_pipeline", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
struct Champions {
    champion: Option<Ref<Person>>,
    contacts: Vec<Ref<Person>>,
}

/// A list nobody created.
#[attio_list(slug = "renewals", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
struct Renewal {
    note: Option<String>,
}

async fn setup() -> (Sandbox, attio::Client) {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = attio_tests::sandbox_client(&sandbox)
        .build()
        .expect("a client");
    SalesEntry::create_list(&client, "Sales pipeline")
        .await
        .expect("the list is created");
    (sandbox, client)
}

/// The attribute as Attio describes it (`GET /v2/lists/{list}/attributes/{attribute}`).
async fn attribute(client: &attio::Client, slug: &str) -> Attribute {
    client
        .get_attribute(&Target::list("sales_pipeline"), slug)
        .await
        .expect("the attribute is read")
}

/// The ids of the objects a record-reference attribute allows.
fn allowed(attribute: &Attribute) -> Option<Vec<String>> {
    attribute
        .config
        .record_reference
        .as_ref()
        .and_then(|r| r.allowed_object_ids.clone())
}

/// The id of the object `slug` (`GET /v2/objects/{slug}`).
async fn object_id(client: &attio::Client, slug: &str) -> String {
    let object = client.get_object(slug).await.expect("the object is read");
    object.id.object_id.as_str().to_owned()
}

#[tokio::test]
async fn a_ref_field_creates_an_attribute_that_allows_its_object_only() {
    let (sandbox, client) = setup().await;
    client
        .create_list_attribute(SalesEntry::fields().champion(), "Champion")
        .await
        .expect("champion is created");
    client
        .create_list_attribute(SalesEntry::fields().contacts(), "Contacts")
        .await
        .expect("contacts is created");
    let people = object_id(&client, "people").await;
    let champion = attribute(&client, "champion").await;
    assert_eq!(champion.attribute_type, AttributeType::RecordReference);
    assert!(!champion.is_multiselect);
    assert_eq!(allowed(&champion), Some(vec![people.clone()]));
    let contacts = attribute(&client, "contacts").await;
    assert!(contacts.is_multiselect);
    assert_eq!(allowed(&contacts), Some(vec![people]));

    // The attribute takes people, and the sandbox refuses a company in it, as Attio does.
    let acme = Ref::<Company>::from(
        &Company {
            name: "Acme".into(),
        }
        .create(&client)
        .await
        .expect("a company"),
    );
    let ada = Person {
        job_title: Some("CTO".into()),
    }
    .create(&client)
    .await
    .expect("a person")
    .id
    .record_id;
    let entry = Champions {
        champion: Some(Ref::new(ada.clone())),
        contacts: vec![Ref::new(ada.clone())],
    }
    .add(&client, &acme)
    .await
    .expect("an entry with a champion");
    assert_eq!(entry.values.champion, Some(Ref::new(ada)));
    let wrong: Result<Value, _> = client
        .request(Method::Post, "/v2/lists/sales_pipeline/entries")
        .json(&serde_json::json!({"data": {
            "parent_record_id": acme.record_id().map(|id| id.as_str()),
            "parent_object": "companies",
            "entry_values": {"champion": [&acme]},
        }}))
        .send()
        .await;
    assert_eq!(
        wrong.expect_err("a company is not allowed").code(),
        Some(&ErrorCode::ValueNotFound)
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_record_reference_field_needs_its_allowed_objects() {
    let (sandbox, client) = setup().await;

    // Without allowed objects Attio refuses the attribute: the client says so before sending.
    let attempts = client.stats().attempts;
    let err = client
        .create_list_attribute(SalesEntry::fields().referred_by(), "Referred by")
        .await
        .expect_err("a RecordReference field does not say its objects");
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("create_list_reference_attribute") && text.contains("attio::Ref<"),
        "{text}"
    );
    assert_eq!(client.stats().attempts, attempts, "nothing was sent");

    // Named by the caller, they are sent (as slugs) and stored (as ids).
    client
        .create_list_reference_attribute(
            SalesEntry::fields().referred_by(),
            "Referred by",
            ["people", "companies"],
        )
        .await
        .expect("referred_by is created");
    let referred_by = attribute(&client, "referred_by").await;
    assert_eq!(
        allowed(&referred_by),
        Some(vec![
            object_id(&client, "people").await,
            object_id(&client, "companies").await
        ])
    );

    // Refused before sending: no objects, objects for a `Ref<T>` field other than T's, and
    // objects for an attribute that is not a record reference.
    let attempts = client.stats().attempts;
    let none: [&str; 0] = [];
    for err in [
        client
            .create_list_reference_attribute(SalesEntry::fields().referred_by(), "Again", none)
            .await,
        client
            .create_list_reference_attribute(
                SalesEntry::fields().champion(),
                "Champion",
                ["companies"],
            )
            .await,
        client
            .create_list_reference_attribute(SalesEntry::fields().note(), "Note", ["people"])
            .await,
    ] {
        let err = err.expect_err("refused");
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    }
    assert_eq!(client.stats().attempts, attempts, "nothing was sent");

    // A `Ref<T>` field given exactly T's object is fine; an object that does not exist is Attio's
    // (the sandbox's) 400.
    client
        .create_list_reference_attribute(SalesEntry::fields().champion(), "Champion", ["people"])
        .await
        .expect("champion is created");
    assert_eq!(
        allowed(&attribute(&client, "champion").await),
        Some(vec![object_id(&client, "people").await])
    );
    let err = client
        .create_list_reference_attribute(SalesEntry::fields().contacts(), "Contacts", ["people"])
        .await;
    assert!(err.is_ok(), "{err:?}");
    #[attio_list(slug = "sales_pipeline", parent = Company)]
    struct Unknown {
        elsewhere: Option<RecordReference>,
    }
    let err = client
        .create_list_reference_attribute(
            Unknown::fields().elsewhere(),
            "Elsewhere",
            ["no_such_object"],
        )
        .await
        .expect_err("an unknown object");
    assert_eq!(err.status(), Some(400), "{err}");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_missing_list_says_how_to_create_it_or_find_its_slug() {
    let (sandbox, client) = setup().await;

    // By slug: every list, or the settings, or create it.
    let err = client.get_list("sales_pipline").await.expect_err("a typo");
    let Error::Api(api) = &err else {
        panic!("expected Attio's 404, got {err:?}")
    };
    assert_eq!((api.status, &api.code), (404, &ErrorCode::NotFound));
    let hint = api.hint().expect("a hint");
    assert!(
        hint.contains("`sales_pipline`")
            && hint.contains("client.lists()")
            && hint.contains("client.create_list("),
        "{hint}"
    );
    let text = err.to_string();
    assert!(
        text.starts_with("GET /v2/lists/sales_pipline: Attio answered 404 not_found: ")
            && text.contains(hint),
        "{text}"
    );
    let err = client
        .update_list("nope", &attio::ListUpdate::new().name("Nope"))
        .await
        .expect_err("no such list");
    assert!(err.to_string().contains("`nope`"), "{err}");

    // Through a struct: the struct's own `create_list`, or its slug.
    let acme = Company {
        name: "Acme".into(),
    }
    .create(&client)
    .await
    .expect("a company");
    let entry_id: attio::EntryId = "00000000-0000-4000-8000-000000000000".parse().unwrap();
    let renewal = Renewal { note: None };
    for err in [
        renewal.add(&client, &acme).await.map(drop),
        renewal.assert_by_parent(&client, &acme).await.map(drop),
        Renewal::get(&client, &entry_id).await.map(drop),
        renewal.update(&client, &entry_id).await.map(drop),
        renewal.overwrite(&client, &entry_id).await.map(drop),
        Renewal::delete(&client, &entry_id).await,
        Renewal::history(&client, &entry_id, |f| f.note())
            .await
            .map(drop),
        Renewal::query().collect_all(&client).await.map(drop),
        Renewal::list_info(&client).await.map(drop),
        client
            .create_list_attribute(Renewal::fields().note(), "Note")
            .await,
    ] {
        let err = err.expect_err("the list does not exist");
        let Error::Api(api) = &err else {
            panic!("expected Attio's 404, got {err:?}")
        };
        assert_eq!(api.code, ErrorCode::NotFound, "{err}");
        // Attio's words differ by route (`Could not find list ...` for an add).
        assert!(
            api.message
                .to_lowercase()
                .contains("list with slug/id \"renewals\""),
            "{err}"
        );
        let hint = api.hint().unwrap_or_else(|| panic!("no hint in {err}"));
        assert!(
            hint.contains("`renewals`")
                && hint.contains("Renewal::create_list(&client")
                && hint.contains("client.create_list_of::<Renewal>"),
            "{hint}"
        );
    }

    // An entry that does not exist, in a list that does: Attio's message alone.
    let err = client
        .get_entry::<SalesEntry>(&entry_id)
        .await
        .expect_err("no such entry");
    let Error::Api(api) = &err else {
        panic!("expected Attio's 404, got {err:?}")
    };
    assert_eq!(api.code, ErrorCode::NotFound);
    assert_eq!(api.hint(), None, "{err}");

    // Once created as the hint says, the list is there.
    Renewal::create_list(&client, "Renewals")
        .await
        .expect("created");
    assert!(Renewal::query().collect_all(&client).await.is_ok());
    sandbox.shutdown().await;
}
