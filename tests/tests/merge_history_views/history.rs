//! `write_history` of records and entries: a history migrated from another CRM reads back
//! through `value_history` equal, values and timestamps; and what Attio refuses is refused.

use attio::prelude::*;
use attio::{EmailAddress, Error, ErrorCode, Outcome, Timestamp, WithMeta, attio_list};

use super::{Company, Person, company, setup};

/// A list over companies with one text attribute.
#[attio_list(slug = "accounts", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// Single-valued text.
    pub tier: Option<String>,
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// `(value, active_from, active_until)` of each value, as compared.
fn intervals<T: Clone>(values: &[WithMeta<T>]) -> Vec<(T, Option<Timestamp>, Option<Timestamp>)> {
    values
        .iter()
        .map(|v| (v.value.clone(), v.meta.active_from, v.meta.active_until))
        .collect()
}

#[tokio::test]
async fn a_migrated_record_history_reads_back_equal() {
    let (_sandbox, client) = setup().await;
    let acme = company("Acme Corporation", &[], None)
        .create(&client)
        .await
        .unwrap();
    let id = &acme.id.record_id;
    // Sent out of order, with a gap between the second and third, and the current value open.
    let names = vec![
        WithMeta::new("Acme Corporation".to_owned())
            .active_from(at("2022-03-01T08:00:00.123456789Z")),
        WithMeta::new("Acme (old name)".to_owned())
            .active_from(at("2019-01-01T00:00:00Z"))
            .active_until(at("2020-06-15T09:30:00Z")),
        WithMeta::new("Acme Ltd".to_owned())
            .active_from(at("2020-06-15T09:30:00Z"))
            .active_until(at("2021-12-31T23:59:59Z")),
    ];

    let written = Company::write_history(&client, id, |f| f.name(), &names)
        .await
        .unwrap();
    let read = Company::history(&client, id, |f| f.name()).await.unwrap();

    let mut expected = intervals(&names);
    expected.sort_by_key(|(_, from, _)| *from);
    assert_eq!(
        intervals(&read),
        expected,
        "oldest first, values and timestamps"
    );
    assert_eq!(intervals(&written), expected);
    assert_eq!(
        Company::get(&client, id).await.unwrap().values.name,
        "Acme Corporation",
        "the open value is the current one"
    );

    // A multi-valued attribute: two values active at once, one of them since closed.
    let emails = vec![
        WithMeta::new("ada@old.example".parse::<EmailAddress>().unwrap())
            .active_from(at("2018-01-01T00:00:00Z"))
            .active_until(at("2020-01-01T00:00:00Z")),
        WithMeta::new("ada@new.example".parse::<EmailAddress>().unwrap())
            .active_from(at("2019-06-01T00:00:00Z")),
    ];
    let ada = Person {
        email_addresses: vec!["ada@now.example".parse().unwrap()],
        company: None,
    }
    .create(&client)
    .await
    .unwrap();
    Person::write_history(&client, &ada.id.record_id, |f| f.email_addresses(), &emails)
        .await
        .unwrap();
    let read = Person::history(&client, &ada.id.record_id, |f| f.email_addresses())
        .await
        .unwrap();
    assert_eq!(
        intervals(&read),
        intervals(&emails),
        "the old current value is gone"
    );
}

#[tokio::test]
async fn a_migrated_entry_history_reads_back_equal() {
    let (_sandbox, client) = setup().await;
    Account::create_list(&client, "Accounts").await.unwrap();
    client
        .create_list_attribute(Account::fields().tier(), "Tier")
        .await
        .unwrap();
    let acme = company("Acme", &[], None).create(&client).await.unwrap();
    let entry = Account { tier: None }.add(&client, &acme).await.unwrap();
    let tiers = vec![
        WithMeta::new("Bronze".to_owned())
            .active_from(at("2021-01-01T00:00:00Z"))
            .active_until(at("2022-01-01T00:00:00Z")),
        WithMeta::new("Gold".to_owned()).active_from(at("2022-01-01T00:00:00Z")),
    ];
    Account::write_history(&client, &entry.id.entry_id, |f| f.tier(), &tiers)
        .await
        .unwrap();
    let read = Account::history(&client, &entry.id.entry_id, |f| f.tier())
        .await
        .unwrap();
    assert_eq!(intervals(&read), intervals(&tiers));
    let now = Account::get(&client, &entry.id.entry_id).await.unwrap();
    assert_eq!(now.values.tier.as_deref(), Some("Gold"));
}

#[tokio::test]
async fn overlapping_or_future_intervals_and_unwritable_attributes_are_refused() {
    let (_sandbox, client) = setup().await;
    let acme = company("Acme", &[], None).create(&client).await.unwrap();
    let id = &acme.id.record_id;

    let two_open = vec![
        WithMeta::new("A".to_owned()).active_from(at("2020-01-01T00:00:00Z")),
        WithMeta::new("B".to_owned()).active_from(at("2021-01-01T00:00:00Z")),
    ];
    let err = Company::write_history(&client, id, |f| f.name(), &two_open)
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 400);
    assert_eq!(api.code, ErrorCode::MultipleValuesForSingleValueAttribute);
    assert_eq!(err.outcome(), Outcome::NotApplied);
    // Nothing changed.
    let read = Company::history(&client, id, |f| f.name()).await.unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].value, "Acme");

    let future = vec![WithMeta::new("A".to_owned()).active_from(at("2999-01-01T00:00:00Z"))];
    let err = Company::write_history(&client, id, |f| f.name(), &future)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::ValidationType), "{err}");

    // `people.company` is a relationship: its history cannot be written.
    let ada = Person {
        email_addresses: vec!["ada@x.example".parse().unwrap()],
        company: None,
    }
    .create(&client)
    .await
    .unwrap();
    let link = vec![
        WithMeta::new(attio::RecordReference::new("companies", id.clone()))
            .active_from(at("2020-01-01T00:00:00Z")),
    ];
    let err = Person::write_history(&client, &ada.id.record_id, |f| f.company(), &link)
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        Some(&ErrorCode::SystemEditUnauthorized),
        "{err}"
    );

    // Refused before sending: an undated value.
    let undated = vec![WithMeta::new("A".to_owned())];
    let err = Company::write_history(&client, id, |f| f.name(), &undated)
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err}");
}
