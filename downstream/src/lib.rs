//! What a user writes: their own struct for a standard object, and a function of their
//! application that uses the client.

use attio::prelude::*;

/// The people in the workspace, as this application sees them.
#[attio::attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The person's email addresses; Attio keeps each one unique.
    #[attio(unique)]
    pub email_addresses: Vec<attio::EmailAddress>,
    /// Their job title, if known.
    pub job_title: Option<String>,
}

/// Records a new contact, or finds the one who has `email` already.
pub async fn add_contact(
    client: &attio::Client,
    email: &str,
    title: Option<&str>,
) -> Result<attio::Record<Person>, Box<dyn std::error::Error>> {
    let person = Person {
        email_addresses: vec![email.parse()?],
        job_title: title.map(str::to_owned),
    };
    Ok(person.assert_by(client, |p| p.email_addresses()).await?)
}
