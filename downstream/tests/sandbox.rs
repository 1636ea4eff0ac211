//! The application's tests, against the sandbox as a dev-dependency.

use downstream::{Person, add_contact};

#[tokio::test]
async fn a_contact_is_added_once() {
    let sandbox = attio_sandbox::Sandbox::start().await.unwrap();
    let client = attio::Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()
        .unwrap();

    let first = add_contact(&client, "ada@example.com", Some("Engineer"))
        .await
        .unwrap();
    let again = add_contact(&client, "ada@example.com", Some("Engineer"))
        .await
        .unwrap();
    assert_eq!(first.id.record_id, again.id.record_id);

    let people = Person::query()
        .filter(|p| p.email_addresses().eq("ada@example.com"))
        .collect_all(&client)
        .await
        .unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].values.job_title.as_deref(), Some("Engineer"));
}
