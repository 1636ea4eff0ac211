//! Emails (metadata from connected mailboxes, which the sandbox is given with
//! `Sandbox::insert_email`) listed by linked record, participant or domain, ORed, newest first,
//! page after page; refused without a filter before sending; and the sequence unsubscribe list.

use attio::prelude::*;
use attio::{Error, Outcome, Ref, attio_object};
use attio_sandbox::Sandbox;
use serde_json::json;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
    domains: Vec<attio::Domain>,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
}

fn subjects(emails: &[attio::emails::Email]) -> Vec<&str> {
    emails
        .iter()
        .map(|e| e.subject_line.as_deref().unwrap_or("-"))
        .collect()
}

#[tokio::test]
async fn emails_are_listed_by_record_participant_or_domain_newest_first() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let acme = Company {
        name: "Acme".into(),
        domains: vec!["acme.com".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();
    let ada = Person {
        email_addresses: vec!["ada@acme.com".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();
    for (at, direction, subject, from, to) in [
        (
            "2030-01-02T10:00:00Z",
            "inbound",
            json!("Quote"),
            "ada@acme.com",
            "alice@attio.com",
        ),
        (
            "2030-01-03T10:00:00Z",
            "outbound",
            json!("Intro"),
            "alice@attio.com",
            "bob@globex.com",
        ),
        (
            "2030-01-04T10:00:00Z",
            "inbound",
            json!(null),
            "carol@acme.com",
            "alice@attio.com",
        ),
    ] {
        sandbox
            .insert_email(
                json!({"sent_at": at, "direction": direction, "subject_line": subject,
                "participants": [{"role": "from", "email_address": from},
                                 {"role": "to", "email_address": to}]}),
            )
            .unwrap();
    }

    // No filter: refused before sending.
    let err = client.emails().collect_all().await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err}");
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(err.to_string().contains(".linked_to(&record)"), "{err}");
    assert_eq!(sandbox.request_count("GET", "/v2/emails"), 0);

    let ada_ref = Ref::<Person>::new(ada.id.record_id.clone());
    let acme_ref = Ref::<Company>::new(acme.id.record_id.clone());
    let by_ada = client
        .emails()
        .linked_to(&ada_ref)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(subjects(&by_ada), ["Quote"]);
    let linked: Vec<_> = by_ada[0]
        .linked_records
        .iter()
        .map(|l| l.object_slug.as_str())
        .collect();
    assert_eq!(
        linked,
        ["people", "companies"],
        "derived from the address and its domain"
    );
    let by_acme = client
        .emails()
        .linked_to(&acme_ref)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(subjects(&by_acme), ["-", "Quote"], "newest first");

    let bob = client
        .emails()
        .participant("bob@globex.com".parse().unwrap())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(subjects(&bob), ["Intro"]);
    assert_eq!(bob[0].direction, attio::emails::EmailDirection::Outbound);
    // Several filters: ORed.
    let either = client
        .emails()
        .domain("acme.com".parse().unwrap())
        .participant("bob@globex.com".parse().unwrap())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(subjects(&either), ["-", "Intro", "Quote"]);
    // The workspace's own address is no filter at all.
    let own = client
        .emails()
        .participant("alice@attio.com".parse().unwrap())
        .collect_all()
        .await
        .unwrap();
    assert!(own.is_empty());
    // Page after page, and bounded in time.
    let before = sandbox.request_count("GET", "/v2/emails");
    let paged = client
        .emails()
        .domain("acme.com".parse().unwrap())
        .page_size(1)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(subjects(&paged), ["-", "Quote"]);
    assert_eq!(sandbox.request_count("GET", "/v2/emails") - before, 2);
    let later = client
        .emails()
        .domain("acme.com".parse().unwrap())
        .sent_after("2030-01-03T00:00:00Z".parse().unwrap())
        .collect_all()
        .await
        .unwrap();
    assert_eq!(subjects(&later), ["-"]);

    // Records of two objects: refused before sending.
    let err = client
        .emails()
        .linked_to(&acme_ref)
        .linked_to(&ada_ref)
        .collect_all()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("one object"), "{err}");

    // A member's token: Attio serves emails to workspace-level tokens only.
    sandbox.set_token_level(attio_sandbox::TokenLevel::User);
    let err = client
        .emails()
        .domain("acme.com".parse().unwrap())
        .collect_all()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403), "{err}");
    assert!(err.to_string().contains("workspace-level"), "{err}");
}

#[tokio::test]
async fn addresses_join_the_unsubscribe_list_once_however_often_they_are_sent() {
    use attio::RetryPolicy;
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox)
        .retry_policy(RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(5)))
        .build()
        .unwrap();
    let path = "/v2/sequences/unsubscribed_emails";
    let first = client
        .unsubscribe_from_sequences(["Ada@Acme.com".parse().unwrap()])
        .await
        .unwrap();
    assert_eq!(first[0].email_address, "ada@acme.com");

    // A 502 after Attio applied it: repeatable, so sent again, and still listed once.
    sandbox.inject_fault(attio_sandbox::Fault::StatusAfterApply(502), 1);
    let again = client
        .unsubscribe_from_sequences([
            "ada@acme.com".parse().unwrap(),
            "bob@globex.com".parse().unwrap(),
        ])
        .await
        .unwrap();
    assert_eq!(sandbox.request_count("POST", path), 3);
    let listed: Vec<&str> = again.iter().map(|u| u.email_address.as_str()).collect();
    assert_eq!(listed, ["ada@acme.com", "bob@globex.com"]);
    assert_eq!(
        again[0].created_at, first[0].created_at,
        "listed already: kept"
    );

    // Refused before sending: none, or more than Attio takes.
    let none: [attio::EmailAddress; 0] = [];
    let err = client.unsubscribe_from_sequences(none).await.unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err}");
    let many = (0..1001).map(|i| {
        format!("u{i}@x.com")
            .parse::<attio::EmailAddress>()
            .unwrap()
    });
    let err = client.unsubscribe_from_sequences(many).await.unwrap_err();
    assert!(err.to_string().contains("chunks"), "{err}");
    assert_eq!(sandbox.request_count("POST", path), 3);
}
