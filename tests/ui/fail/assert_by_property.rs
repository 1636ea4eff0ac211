use attio::prelude::*;
use attio::attio_object;

#[attio_object(slug = "people")]
struct Person {
    name: Option<attio::PersonalName>,
    email_addresses: Vec<attio::EmailAddress>,
}

#[allow(dead_code)]
async fn run(client: &attio::Client, person: Person) -> attio::Result<()> {
    // The matching attribute must be an attribute, not its last name.
    person.assert_by(client, |f| f.name().last_name()).await?;
    Ok(())
}

fn main() {}
