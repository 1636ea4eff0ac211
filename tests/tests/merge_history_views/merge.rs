//! `Company::merge` and `Client::merge_records`: the new record, the primary's values winning,
//! what followed the originals, the typed errors, and the wait for a merge Attio answers `202`.

use attio::prelude::*;
use std::time::Duration;

use attio::notes::NewNote;
use attio::{Error, ErrorCode, Outcome, RecordReference};
use attio_sandbox::MergeDeferral;

use super::{Company, Person, company, setup};

#[tokio::test]
async fn a_merge_makes_a_new_record_with_the_primarys_values_and_the_originals_are_gone() {
    let (_sandbox, client) = setup().await;
    let primary = company("Acme", &[], Some("Rockets"))
        .create(&client)
        .await
        .unwrap();
    let secondary = company("ACME Inc.", &["acme.com"], None)
        .create(&client)
        .await
        .unwrap();
    let (p, s) = (&primary.id.record_id, &secondary.id.record_id);
    // Things that name the secondary: a person's company (a two-way relationship), a note.
    let person = Person {
        email_addresses: vec!["wile@acme.com".parse().unwrap()],
        company: Some(RecordReference::new("companies", s.clone())),
    }
    .create(&client)
    .await
    .unwrap();
    let secondary_ref = RecordReference::new("companies", s.clone());
    client
        .create_note(&secondary_ref, NewNote::plaintext("Call", "About rockets"))
        .await
        .unwrap();

    let merged = Company::merge(&client, p, s).await.unwrap();

    assert_ne!(&merged.id.record_id, p);
    assert_ne!(&merged.id.record_id, s);
    // Both have a name: the primary's wins; only the secondary has domains: they are kept.
    assert_eq!(
        merged.values,
        company("Acme", &["acme.com"], Some("Rockets"))
    );
    assert_eq!(
        Company::get(&client, &merged.id.record_id).await.unwrap(),
        merged
    );
    for original in [p, s] {
        let err = Company::get(&client, original).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::NotFound), "{err}");
    }
    let person = Person::get(&client, &person.id.record_id).await.unwrap();
    assert_eq!(
        person.values.company.map(|c| c.target_record_id().clone()),
        Some(merged.id.record_id.clone()),
        "the person's company follows the merge"
    );
    let notes = client
        .notes()
        .on(&RecordReference::new(
            "companies",
            merged.id.record_id.clone(),
        ))
        .collect_all()
        .await
        .unwrap();
    assert_eq!(notes.len(), 1, "the secondary's note follows the merge");

    // A merge is not repeated: the originals are gone, so a second one is a 404.
    let again = Company::merge(&client, p, s).await.unwrap_err();
    assert_eq!(again.code(), Some(&ErrorCode::NotFound), "{again}");
    assert!(
        again
            .to_string()
            .contains("merge the record id the earlier merge returned"),
        "{again}"
    );
}

#[tokio::test]
async fn a_self_merge_and_a_missing_record_are_typed_errors() {
    let (_sandbox, client) = setup().await;
    let acme = company("Acme", &[], None).create(&client).await.unwrap();
    let id = &acme.id.record_id;

    let err = Company::merge(&client, id, id).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ErrorCode::SelfMerge);
    assert_eq!(api.status, 400);
    assert_eq!(err.outcome(), Outcome::NotApplied);
    assert!(
        err.to_string().contains("cannot be merged with itself"),
        "{err}"
    );

    let missing: attio::RecordId = "bf071e1f-6035-429d-b874-d83ea64ea13b".parse().unwrap();
    let err = client
        .merge_records("companies", id, &missing)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::NotFound), "{err}");
    assert_eq!(err.status(), Some(404));
    // Nothing was merged: the record is still there.
    Company::get(&client, id).await.unwrap();

    let err = client
        .merge_records("compa/nies", id, &missing)
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err}");
}

#[tokio::test]
async fn a_merge_answered_202_is_read_until_the_new_record_can_be() {
    let (sandbox, client) = setup().await;
    let a = company("Acme", &[], None).create(&client).await.unwrap();
    let b = company("Acme 2", &["acme.io"], None)
        .create(&client)
        .await
        .unwrap();
    sandbox.defer_merges(Some(MergeDeferral {
        reads: 3,
        delay: Duration::ZERO,
    }));

    let id = client
        .merge_records("companies", &a.id.record_id, &b.id.record_id)
        .await
        .unwrap();

    let path = format!("/v2/objects/companies/records/{id}");
    assert_eq!(
        sandbox.request_count("GET", &path),
        4,
        "three reads answered 404 merge_in_progress, the fourth the record"
    );
    let merged = Company::get(&client, &id).await.unwrap();
    assert_eq!(merged.values, company("Acme", &["acme.io"], None));
}

#[tokio::test]
async fn a_merge_still_pending_past_the_bound_says_it_was_committed() {
    let (sandbox, _) = setup().await;
    let client = attio_tests::sandbox_client(&sandbox)
        .merge_wait(Duration::from_millis(200))
        .build()
        .unwrap();
    let a = company("Acme", &[], None).create(&client).await.unwrap();
    let b = company("Acme 2", &[], None).create(&client).await.unwrap();
    sandbox.defer_merges(Some(MergeDeferral {
        reads: 0,
        delay: Duration::from_millis(1500),
    }));

    let err = Company::merge(&client, &a.id.record_id, &b.id.record_id)
        .await
        .unwrap_err();

    let Error::MergePending {
        new_record_id,
        waited,
        request,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(*waited >= Duration::from_millis(200), "{waited:?}");
    assert_eq!(request.path(), "/v2/objects/companies/records/merge");
    assert_eq!(err.outcome(), Outcome::Applied);
    let message = err.to_string();
    assert!(
        message.contains("WAS committed") && message.contains(new_record_id.as_str()),
        "{message}"
    );
    // Once Attio has applied it, the new record reads; the originals are gone either way.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let merged = Company::get(&client, new_record_id).await.unwrap();
    assert_eq!(merged.values.name, "Acme");
    assert!(Company::get(&client, &a.id.record_id).await.is_err());
}
