//! What a new user meets at run time, read as they would read it: each error's `Display` says what
//! happened, which Rust field is concerned, what to write instead, and whether the request was
//! applied.

use attio::prelude::*;
use attio::{Client, Error, Outcome, RecordId};
use attio_sandbox::Sandbox;

/// A deal as it should be declared.
#[attio::attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct Deal {
    name: String,
    stage: attio::Status,
    owner: attio::ActorReference,
    value: Option<attio::Currency>,
}

/// The mistake: a currency attribute read as a number.
#[attio::attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct DealWithNumber {
    name: String,
    value: Option<f64>,
}

/// The mistake: a typo in a field name, on a field that must have a value.
#[attio::attio_object(slug = "users")]
#[derive(Debug)]
struct UserWithTypo {
    user_id: String,
    primary_emial_address: String,
}

/// A person as it should be declared: `job_title` is optional.
#[attio::attio_object(slug = "people")]
#[derive(Debug)]
struct Person {
    job_title: Option<String>,
    description: Option<String>,
}

/// The mistake: a typo in a field name, on an optional field, which would read `None` forever.
#[attio::attio_object(slug = "people")]
#[derive(Debug)]
struct PersonWithTypo {
    job_titel: Option<String>,
    description: Option<String>,
}

#[attio::attio_object(slug = "users")]
#[derive(Debug)]
struct User {
    user_id: String,
    primary_email_address: attio::EmailAddress,
}

async fn deal(client: &Client) -> RecordId {
    let deal = Deal {
        name: "Acme renewal".into(),
        stage: attio::Status::by_title("Lead").unwrap(),
        owner: attio::ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b")
            .unwrap(),
        value: None,
    };
    deal.create(client).await.unwrap().id.record_id
}

#[tokio::test]
async fn a_currency_read_as_a_number_names_the_field_the_type_and_that_the_write_landed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let id = deal(&client).await;

    let wrong = DealWithNumber {
        name: "Acme renewal".into(),
        value: Some(12_500.0),
    };
    let err = wrong.update(&client, &id).await.unwrap_err();
    let text = err.to_string();
    eprintln!("{text}");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    for expected in [
        "the response to PATCH /v2/objects/deals/records/",
        "did not decode at `data.values.value[0]`",
        "expected a `number` value, found a `currency` value",
        "The field `value` of `DealWithNumber` (attribute `value`) is declared as Option<f64>",
        "declare it as Option<attio::Currency>",
        "the request WAS applied",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in: {text}");
    }
    assert_eq!(err.outcome(), Outcome::Applied);
    let Error::Decode(decode) = &err else {
        unreachable!()
    };
    assert_eq!(decode.field(), Some("value"));
    assert_eq!(decode.suggested_type(), Some("Option<attio::Currency>"));

    // It did land: the struct declared as Attio has it reads the value.
    let read = Deal::get(&client, &id).await.unwrap();
    assert_eq!(
        read.values.value.as_ref().map(|v| v.to_f64()),
        Some(12_500.0),
        "{read:?}"
    );
}

#[tokio::test]
async fn a_field_typo_lists_the_attributes_the_record_has_and_the_nearest() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let user = User {
        user_id: "u-1".into(),
        primary_email_address: "person@company.com".parse().unwrap(),
    };
    let id = user.create(&client).await.unwrap().id.record_id;

    let err = UserWithTypo::get(&client, &id).await.unwrap_err();
    let text = err.to_string();
    eprintln!("{text}");
    for expected in [
        "the response to GET /v2/objects/users/records/",
        "the record has no attribute `primary_emial_address`",
        "did you mean `primary_email_address`?",
        "#[attio(rename = \"primary_email_address\")]",
        "the record has: ",
        "user_id",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in: {text}");
    }
    assert!(
        !text.contains("Option<_>"),
        "the advice to make it optional would hide the typo: {text}"
    );
    assert_eq!(err.outcome(), Outcome::NotApplied, "a read changes nothing");
}

async fn person(client: &Client) -> RecordId {
    let person = Person {
        job_title: None,
        description: Some("met at the fair".into()),
    };
    person.create(client).await.unwrap().id.record_id
}

#[tokio::test]
async fn an_optional_field_typo_is_reported_with_the_nearest_slug_on_first_read() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let id = person(&client).await;

    let err = PersonWithTypo::get(&client, &id).await.unwrap_err();
    let text = err.to_string();
    eprintln!("{text}");
    for expected in [
        "the response to GET /v2/objects/people/records/",
        "did not decode at `data.values.job_titel`",
        "the object `people` has no attribute `job_titel`",
        "The field `job_titel` of `PersonWithTypo` reads it",
        "did you mean `job_title`?",
        "#[attio(rename = \"job_title\")]",
        "the object `people` has: ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in: {text}");
    }
    assert_eq!(err.outcome(), Outcome::NotApplied, "a read changes nothing");
    let Error::Decode(decode) = &err else {
        panic!("a decode error: {err:?}")
    };
    assert_eq!(decode.field(), Some("job_titel"));
    assert_eq!(decode.nearest_attribute(), Some("job_title"));

    // A listing meets the same check: every read of the struct says so, not only the first.
    let err = PersonWithTypo::query()
        .collect_all(&client)
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("did not decode at `data[0].values.job_titel`"),
        "{err}"
    );
}

#[tokio::test]
async fn writing_an_optional_field_typo_names_the_nearest_slug() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();

    let typo = PersonWithTypo {
        job_titel: Some("CTO".into()),
        description: None,
    };
    let err = typo.create(&client).await.unwrap_err();
    let text = err.to_string();
    eprintln!("{text}");
    assert_eq!(err.code(), Some(&attio::ErrorCode::ValueNotFound), "{text}");
    let Error::Api(api) = &err else {
        panic!("an API error: {err:?}")
    };
    let hint = api.hint().expect("a hint");
    assert_eq!(
        hint,
        "`PersonWithTypo::job_titel` writes the attribute `job_titel`, which the object `people` does not have: did you mean `job_title`? Write #[attio(rename = \"job_title\")] on `job_titel`, or rename the field"
    );
    assert!(text.contains(hint), "{text}");
    assert_eq!(err.outcome(), Outcome::NotApplied);
}

#[tokio::test]
async fn an_empty_optional_attribute_reads_none_without_a_schema_read() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let id = person(&client).await;

    let before = client.stats().attempts;
    let read = Person::get(&client, &id).await.unwrap();
    assert_eq!(read.values.job_title, None);
    assert_eq!(read.values.description.as_deref(), Some("met at the fair"));
    // The answer has `"job_title": []`: the struct is verified by the answer alone.
    assert_eq!(client.stats().attempts, before + 1);
}

#[tokio::test]
async fn an_answer_that_leaves_out_an_existing_attribute_still_reads_none() {
    // Should Attio leave an empty attribute out of an answer, the schema says it exists: the
    // field reads `None`, and the schema is read once.
    let record = r#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},
        "created_at":"2022-11-21T13:22:49.061281000Z","values":{"description":[]}}}"#;
    let attributes = r#"{"data":[
        {"id":{"workspace_id":"w","object_id":"o","attribute_id":"a1"},"title":"Job title","api_slug":"job_title","type":"text"},
        {"id":{"workspace_id":"w","object_id":"o","attribute_id":"a2"},"title":"Description","api_slug":"description","type":"text"}]}"#;
    let stub = attio_tests::Stub::start(vec![
        attio_tests::Canned::json(200, record),
        attio_tests::Canned::json(200, attributes),
        attio_tests::Canned::json(200, record),
    ])
    .await;
    let client = Client::builder()
        .api_key("t")
        .base_url(stub.url())
        .build()
        .unwrap();
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    for _ in 0..2 {
        let read = Person::get(&client, &id).await.unwrap();
        assert_eq!(read.values.job_title, None);
    }
    let paths: Vec<String> = stub
        .received()
        .iter()
        .map(|r| r.uri.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/v2/objects/people/records/5e3fb280-007b-495a-a530-9354bde01de1",
            "/v2/objects/people/attributes",
            "/v2/objects/people/records/5e3fb280-007b-495a-a530-9354bde01de1",
        ]
    );
}

#[tokio::test]
async fn an_api_error_names_its_request_and_that_nothing_was_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let missing: RecordId = "00000000-0000-4000-8000-000000000000".parse().unwrap();
    let err = User::get(&client, &missing).await.unwrap_err();
    let text = err.to_string();
    eprintln!("{text}");
    assert!(
        text.starts_with(
            "GET /v2/objects/users/records/00000000-0000-4000-8000-000000000000: Attio answered 404 not_found"
        ),
        "{text}"
    );
    assert_eq!(err.code(), Some(&attio::ErrorCode::NotFound));
    assert_eq!(err.outcome(), Outcome::NotApplied);
    assert_eq!(err.request().map(|r| r.method()), Some("GET"));
}

#[tokio::test]
async fn a_refused_connection_was_not_sent() {
    // A port nothing listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .api_key("t")
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(attio::RetryPolicy::disabled())
        .build()
        .unwrap();
    let user = User {
        user_id: "u".into(),
        primary_email_address: "a@b.com".parse().unwrap(),
    };
    let err = user.create(&client).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: attio::TransportKind::Connect,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.outcome(), Outcome::NotSent);
    let text = err.to_string();
    eprintln!("{text}");
    assert!(
        text.starts_with("POST /v2/objects/users/records did not complete: could not connect"),
        "{text}"
    );
    assert!(text.contains("nothing was sent"), "{text}");
}
