//! The record operations `#[attio_object]` generates, against the in-process sandbox: create,
//! get, overwrite (PUT) versus update (PATCH), assert by a typed unique attribute, delete, and
//! the value history of one attribute.

use attio::prelude::*;
use attio::{Client, Domain, EmailAddress, ErrorCode, RecordId, SelectOption, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    user_id: String,
    primary_email_address: EmailAddress,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: Option<String>,
    domains: Vec<Domain>,
    categories: Vec<SelectOption>,
}

async fn sandbox() -> (Sandbox, Client) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::builder()
        .seed(11)
        .record_requests(200)
        .start()
        .await
        .unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    (sb, client)
}

fn user(id: &str) -> User {
    User {
        user_id: id.into(),
        primary_email_address: format!("u{id}@example.com").parse().unwrap(),
    }
}

fn option(title: &str) -> SelectOption {
    SelectOption::by_title(title).unwrap()
}

fn titles(c: &Company) -> Vec<String> {
    let mut t: Vec<String> = c.categories.iter().map(|o| o.to_string()).collect();
    t.sort();
    t
}

#[tokio::test]
async fn create_get_delete() {
    let (sb, client) = sandbox().await;
    let created = user("1").create(&client).await.unwrap();
    assert_eq!(created.values, user("1"));
    let id = created.id.record_id.clone();

    let got = User::get(&client, &id).await.unwrap();
    assert_eq!(got.values, user("1"));

    // A second create with the same unique value is refused, typed.
    let err = user("1").create(&client).await.unwrap_err();
    match err {
        attio::Error::Api(api) => assert_eq!(api.code, ErrorCode::UniquenessConflict),
        other => panic!("{other:?}"),
    }

    User::delete(&client, &id).await.unwrap();
    let err = User::get(&client, &id).await.unwrap_err();
    assert!(
        matches!(err, attio::Error::Api(ref api) if api.status == 404),
        "{err:?}"
    );
    sb.shutdown().await;
}

#[tokio::test]
async fn update_appends_and_overwrite_replaces() {
    let (sb, client) = sandbox().await;
    let company = Company {
        name: Some("Acme".into()),
        domains: vec!["acme.com".parse().unwrap()],
        categories: vec![option("SaaS")],
    };
    let id = company.create(&client).await.unwrap().id.record_id;

    // PATCH: the categories sent are added to the record's.
    let more = Company {
        name: None,
        domains: vec![],
        categories: vec![option("B2B")],
    };
    let after = more.update(&client, &id).await.unwrap().values;
    assert_eq!(titles(&after), ["B2B", "SaaS"]);
    assert_eq!(
        after.name.as_deref(),
        Some("Acme"),
        "None leaves the name alone"
    );

    // PUT: the categories become exactly the ones sent; an empty Vec clears the domains.
    let exact = Company {
        name: None,
        domains: vec![],
        categories: vec![option("Fintech")],
    };
    let after = exact.overwrite(&client, &id).await.unwrap().values;
    assert_eq!(titles(&after), ["Fintech"]);
    assert!(after.domains.is_empty());
    assert_eq!(after.name.as_deref(), Some("Acme"));
    sb.shutdown().await;
}

#[tokio::test]
async fn assert_by_a_typed_unique_attribute_creates_then_updates() {
    let (sb, client) = sandbox().await;
    let first = user("7").assert_by(&client, |f| f.user_id()).await.unwrap();
    let changed = User {
        user_id: "7".into(),
        primary_email_address: "new@example.com".parse().unwrap(),
    };
    let second = changed.assert_by(&client, |f| f.user_id()).await.unwrap();
    assert_eq!(first.id.record_id, second.id.record_id, "the same record");
    assert_eq!(second.values, changed);
    let all = User::query().collect_all(&client).await.unwrap();
    assert_eq!(all.len(), 1);

    let puts = sb
        .recent_requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(puts, 2);
    sb.shutdown().await;
}

#[tokio::test]
async fn history_is_typed_and_keeps_past_values() {
    let (sb, client) = sandbox().await;
    let id: RecordId = user("h").create(&client).await.unwrap().id.record_id;
    let mut next = user("h");
    next.primary_email_address = "second@example.com".parse().unwrap();
    next.update(&client, &id).await.unwrap();

    let history: Vec<attio::WithMeta<EmailAddress>> =
        User::history(&client, &id, |f| f.primary_email_address())
            .await
            .unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].value.to_string(), "uh@example.com");
    assert!(!history[0].meta.is_active());
    assert_eq!(history[1].value.to_string(), "second@example.com");
    assert!(history[1].meta.is_active());
    sb.shutdown().await;
}
