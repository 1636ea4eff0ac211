//! Per-field change sets against the in-process sandbox: append keeps old values, replace
//! removes them, clear empties, an untouched field stays, and the fewest requests are sent.

use attio::prelude::*;
use attio::{Client, Domain, SelectOption, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
    description: Option<String>,
    domains: Vec<Domain>,
    categories: Vec<SelectOption>,
    #[attio(read_only)]
    logo_url: Option<String>,
}

async fn sandbox() -> (Sandbox, Client) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::builder()
        .seed(5)
        .record_requests(200)
        .start()
        .await
        .unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    (sb, client)
}

fn option(t: &str) -> SelectOption {
    SelectOption::by_title(t).unwrap()
}

fn domain(d: &str) -> Domain {
    d.parse().unwrap()
}

fn titles(c: &Company) -> Vec<String> {
    let mut t: Vec<String> = c.categories.iter().map(|o| o.to_string()).collect();
    t.sort();
    t
}

fn domains(c: &Company) -> Vec<String> {
    let mut t: Vec<String> = c.domains.iter().map(|d| d.to_string()).collect();
    t.sort();
    t
}

fn writes(sb: &Sandbox) -> Vec<String> {
    sb.recent_requests()
        .into_iter()
        .filter(|r| r.method == "PATCH" || r.method == "PUT")
        .map(|r| r.method)
        .collect()
}

async fn acme(client: &Client) -> attio::RecordId {
    Company {
        name: "Acme".into(),
        description: Some("Anvils".into()),
        domains: vec![domain("acme.com")],
        categories: vec![option("SaaS")],
        logo_url: None,
    }
    .create(client)
    .await
    .unwrap()
    .id
    .record_id
}

#[tokio::test]
async fn append_and_set_are_one_patch() {
    let (sb, client) = sandbox().await;
    let id = acme(&client).await;
    let changes = Company::changes()
        .append_categories([option("B2B")])
        .set_name("Acme Inc");
    assert_eq!(changes.request_count(), 1);
    let after = changes.apply(&client, &id).await.unwrap().values;
    assert_eq!(
        titles(&after),
        ["B2B", "SaaS"],
        "append keeps the old values"
    );
    assert_eq!(after.name, "Acme Inc");
    assert_eq!(after.description.as_deref(), Some("Anvils"), "untouched");
    assert_eq!(domains(&after), ["acme.com"], "untouched");
    assert_eq!(writes(&sb), ["PATCH"]);
    sb.shutdown().await;
}

#[tokio::test]
async fn replace_and_clear_are_one_put() {
    let (sb, client) = sandbox().await;
    let id = acme(&client).await;
    let after = Company::changes()
        .replace_categories([option("Fintech"), option("B2C")])
        .clear_description()
        .apply(&client, &id)
        .await
        .unwrap()
        .values;
    assert_eq!(
        titles(&after),
        ["B2C", "Fintech"],
        "replace removes the old values"
    );
    assert_eq!(after.description, None, "clear empties");
    assert_eq!(after.name, "Acme", "untouched");
    assert_eq!(domains(&after), ["acme.com"], "untouched");
    assert_eq!(writes(&sb), ["PUT"]);
    sb.shutdown().await;
}

#[tokio::test]
async fn append_with_a_multiselect_clear_is_put_then_patch() {
    let (sb, client) = sandbox().await;
    let id = acme(&client).await;
    let changes = Company::changes()
        .clear_categories()
        .append_domains([domain("acme.io")]);
    assert_eq!(changes.request_count(), 2);
    let after = changes.apply(&client, &id).await.unwrap().values;
    assert!(after.categories.is_empty(), "clear empties a multiselect");
    assert_eq!(domains(&after), ["acme.com", "acme.io"]);
    assert_eq!(after.description.as_deref(), Some("Anvils"));
    assert_eq!(writes(&sb), ["PUT", "PATCH"]);
    sb.shutdown().await;
}

#[tokio::test]
async fn an_empty_change_set_reads_the_record() {
    let (sb, client) = sandbox().await;
    let id = acme(&client).await;
    let changes = Company::changes();
    assert!(changes.is_empty());
    let after = changes.apply(&client, &id).await.unwrap().values;
    assert_eq!(after.name, "Acme");
    assert!(writes(&sb).is_empty());
    sb.shutdown().await;
}

/// The methods of the requests the sandbox recorded, in order.
fn methods(sb: &attio_sandbox::Sandbox) -> Vec<String> {
    sb.recent_requests().into_iter().map(|r| r.method).collect()
}

#[tokio::test]
async fn a_change_set_resumes_from_the_step_in_doubt() {
    use attio_sandbox::Fault;
    let (sb, client) = sandbox().await;
    let id = acme(&client).await;
    let before = methods(&sb).len();
    // The PUT goes through; the PATCH of the append is applied, then its answer is lost.
    sb.inject_fault(Fault::Delay(std::time::Duration::ZERO), 1);
    sb.inject_fault(Fault::DropAfterApply, 1);
    let after = Company::changes()
        .clear_categories()
        .append_domains([domain("acme.io")])
        .apply(&client, &id)
        .await
        .expect("the PATCH in doubt is resolved by reading the record back")
        .values;
    assert!(after.categories.is_empty());
    assert_eq!(domains(&after), ["acme.com", "acme.io"], "appended once");
    // The PUT was not sent again, and neither was the PATCH: the read-back showed it landed.
    assert_eq!(methods(&sb)[before..], ["PUT", "PATCH", "GET"]);

    // The PATCH refused before processing (a 503): read back, the domain is missing, sent again.
    let before = methods(&sb).len();
    sb.inject_fault(Fault::Delay(std::time::Duration::ZERO), 1);
    sb.inject_fault(Fault::Status(503), 1);
    let after = Company::changes()
        .clear_description()
        .replace_categories([option("B2B")])
        .append_domains([domain("acme.dev")])
        .apply(&client, &id)
        .await
        .unwrap()
        .values;
    assert_eq!(titles(&after), ["B2B"]);
    assert_eq!(domains(&after), ["acme.com", "acme.dev", "acme.io"]);
    assert_eq!(methods(&sb)[before..], ["PUT", "PATCH", "GET", "PATCH"]);
    let last = sb.recent_requests().pop().unwrap();
    assert_eq!(
        last.body, r#"{"data":{"values":{"domains":["acme.dev"]}}}"#,
        "only the missing value is sent again"
    );
    sb.shutdown().await;
}
