//! What a new user meets at run time, read as they would read it: each error's `Display` says what
//! happened, which Rust field is concerned, what to write instead, and whether the request was
//! applied.

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
