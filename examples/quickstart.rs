//! The quickstart: the seed document's "update a user record", end to end.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! With no `ATTIO_API_KEY` set it starts `attio-sandbox`, an Attio-compatible server, in this
//! process on 127.0.0.1, so it runs with no account and no network. With `ATTIO_API_KEY` set it
//! talks to Attio (or to `ATTIO_BASE_URL`): it then creates a person, a workspace and a user in
//! your workspace, updates the user, and leaves the three records in place.

use attio::prelude::*;
use attio::schema::Contract;
use attio::{
    Client, EmailAddress, PersonalName, Record, RecordId, RecordReference, WithMeta, attio_object,
};

/// A person: the standard `people` object, the attributes this program uses.
#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
pub struct Person {
    /// First, last and full name.
    pub name: Option<PersonalName>,
    /// A multiselect attribute: a `Vec`.
    pub email_addresses: Vec<EmailAddress>,
}

/// A workspace of your product: the standard `workspaces` object.
#[attio_object(slug = "workspaces")]
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Your product's id for the workspace (unique).
    pub workspace_id: String,
    /// Its display name.
    pub name: Option<String>,
}

/// A user of your product: the standard `users` object, as the seed document shows it.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// Your product's id for the user (unique, required).
    pub user_id: String,
    /// The user's email (unique, required).
    pub primary_email_address: EmailAddress,
    /// The person record of the user.
    pub person: Option<RecordReference>,
    /// The workspace record the user belongs to.
    pub workspace: Option<RecordReference>,
}

/// The same user read back with every value's metadata.
#[attio_object(slug = "users")]
#[derive(Debug, Clone)]
pub struct UserHistory {
    /// `user_id` with when and by whom it was written.
    pub user_id: WithMeta<String>,
    /// `primary_email_address`, with metadata.
    pub primary_email_address: WithMeta<EmailAddress>,
    /// `person`, with metadata.
    pub person: Option<WithMeta<RecordReference>>,
    /// `workspace`, with metadata.
    pub workspace: Option<WithMeta<RecordReference>>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Against Attio when a key is set; otherwise against a sandbox in this process.
    let (client, _sandbox) = match std::env::var(attio::API_KEY_ENV) {
        Ok(_) => {
            let client = Client::from_env()?;
            println!("Talking to {}", client.base_url());
            (client, None)
        }
        Err(_) => {
            let sandbox = attio_sandbox::Sandbox::start().await?;
            let client = Client::builder()
                .api_key(sandbox.api_key())
                .base_url(sandbox.base_url())
                .build()?;
            println!(
                "ATTIO_API_KEY is not set: using the in-process sandbox at {}",
                sandbox.base_url()
            );
            (client, Some(sandbox))
        }
    };

    // Before writing: do the structs agree with the workspace? One read per object; a
    // disagreement names the field and says what to write instead.
    let report = client
        .check_schemas(&[
            Contract::of::<Person>(),
            Contract::of::<Workspace>(),
            Contract::of::<User>(),
        ])
        .await?;
    if !report.is_compatible() {
        return Err(format!("the structs do not match the workspace:\n{report}").into());
    }
    println!(
        "schema check      {} structs agree with the workspace",
        report.types.len()
    );

    // The records the user will point at.
    let person = client
        .create_record(&Person {
            name: Some(PersonalName::new("Ada", "Lovelace")?),
            email_addresses: vec!["person@company.com".parse()?],
        })
        .await?;
    println!("created person    {}", person.id.record_id);
    let workspace = client
        .create_record(&Workspace {
            workspace_id: "quickstart-workspace".into(),
            name: Some("Quickstart".into()),
        })
        .await?;
    println!("created workspace {}", workspace.id.record_id);

    // The user of the seed document, first without its references.
    let created: Record<User> = client
        .create_record(&User {
            user_id: "123".into(),
            primary_email_address: "person@company.com".parse()?,
            person: None,
            workspace: None,
        })
        .await?;
    let id: RecordId = created.id.record_id.clone();
    println!("created user      {id}");

    // The seed's update, through the generated `update`: PATCH /v2/objects/users/records/{id}.
    let user = User {
        user_id: "123".into(),
        primary_email_address: "person@company.com".parse()?,
        person: Some(RecordReference::new("people", person.id.record_id.clone())),
        workspace: Some(RecordReference::new(
            "workspaces",
            workspace.id.record_id.clone(),
        )),
    };
    let updated = user.update(&client, &id).await?;
    assert_eq!(updated.values, user, "Attio echoes what was written");

    // Read it back, with metadata.
    let read = client.get_record::<UserHistory>(&id).await?;
    let v = &read.values;
    println!();
    println!("user {} (created {})", read.id.record_id, read.created_at);
    println!("  user_id               {}", *v.user_id);
    println!(
        "  primary_email_address {} (domain {})",
        v.primary_email_address.value,
        v.primary_email_address.domain()
    );
    for (name, reference) in [("person", &v.person), ("workspace", &v.workspace)] {
        if let Some(r) = reference {
            println!(
                "  {name:<21} {}/{} (since {}, by {})",
                r.target_object(),
                r.target_record_id(),
                r.meta
                    .active_from
                    .map_or_else(|| "?".to_owned(), |t| t.to_string()),
                r.meta
                    .created_by_actor
                    .as_ref()
                    .and_then(|a| a.actor_type.as_ref())
                    .map_or("?", |t| t.as_str()),
            );
        }
    }
    let stats = client.stats();
    println!();
    println!(
        "{} requests, {} retried, {} failed",
        stats.attempts, stats.retries, stats.failures
    );
    Ok(())
}
