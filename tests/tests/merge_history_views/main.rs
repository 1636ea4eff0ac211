//! Record merge, attribute-history writes and saved views, end to end against the sandbox: one
//! test binary, a module per subject.

mod history;
mod merge;
mod views;

use attio::{Client, Domain, EmailAddress, RecordReference, attio_object};
use attio_sandbox::Sandbox;

/// The standard `companies` object, in part.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
pub struct Company {
    /// Single-valued text.
    pub name: String,
    /// Multi-valued and unique.
    pub domains: Vec<Domain>,
    /// Optional text.
    pub description: Option<String>,
}

/// The standard `people` object, in part.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Multi-valued and unique.
    pub email_addresses: Vec<EmailAddress>,
    /// The other side of `companies.team`.
    pub company: Option<RecordReference>,
}

/// A sandbox and a client of it.
pub async fn setup() -> (Sandbox, Client) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    (sandbox, client)
}

/// A company with `name`, `domains` and maybe a description.
pub fn company(name: &str, domains: &[&str], description: Option<&str>) -> Company {
    Company {
        name: name.into(),
        domains: domains.iter().map(|d| d.parse().unwrap()).collect(),
        description: description.map(Into::into),
    }
}
