//! After a call: find the company by a fuzzy search, log a note on it, and open a task for its
//! account owner, checking up front that the token may do all of it.
//!
//! ```sh
//! cargo run --example follow_up
//! ```
//!
//! With no `ATTIO_API_KEY` set it runs against `attio-sandbox` in this process (no account, no
//! network), after creating the company it then finds. With `ATTIO_API_KEY` set it searches your
//! workspace for "Acme" and writes a note and a task on the first company found.

use attio::notes::NewNote;
use attio::prelude::*;
use attio::tasks::NewTask;
use attio::{ActorReference, Client, Domain, Resource, Scope, attio_object};

/// A company: the standard `companies` object.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// Its name.
    pub name: String,
    /// Its domains.
    pub domains: Vec<Domain>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (client, _sandbox) = match std::env::var(attio::API_KEY_ENV) {
        Ok(_) => (Client::from_env()?, None),
        Err(_) => {
            let sandbox = attio_sandbox::Sandbox::start().await?;
            let client = Client::builder()
                .api_key(sandbox.api_key())
                .base_url(sandbox.base_url())
                .build()?;
            println!("ATTIO_API_KEY is not set: using the in-process sandbox");
            Company {
                name: "Acme Corporation".into(),
                domains: vec!["acme.example".parse()?],
            }
            .create(&client)
            .await?;
            (client, Some(sandbox))
        }
    };

    // One check, one error listing everything missing, before anything is written.
    let me = client
        .require_scopes([
            Scope::read(Resource::RecordPermission),
            Scope::read(Resource::ObjectConfiguration),
            Scope::read_write(Resource::Note),
            Scope::read_write(Resource::Task),
            Scope::read(Resource::UserManagement),
        ])
        .await?;
    if let Some(workspace) = &me.workspace {
        println!("workspace {} ({})", workspace.name, workspace.slug);
    }

    // Search is fuzzy and eventually consistent: fine for a person's "find Acme".
    let hits = client
        .search("acme")
        .within::<Company>()
        .limit(5)
        .send()
        .await?;
    let Some(hit) = hits.first() else {
        println!("no company matches \"acme\"");
        return Ok(());
    };
    println!("found {} ({:?})", hit.record_text, hit.domains);
    let acme = hit
        .to_ref::<Company>()
        .ok_or("a search within companies found something else")?;

    let note = client
        .create_note(
            &acme,
            NewNote::markdown(
                "Call with Acme",
                "## Outcome\n- they want the **annual** plan\n- send the quote by Friday",
            ),
        )
        .await?;
    println!(
        "note    {}: {}",
        note.id.note_id,
        note.content_plaintext.replace('\n', " / ")
    );

    let owner = ActorReference::workspace_member_by_email("alice@attio.com".parse()?);
    let task = client
        .create_task(
            NewTask::new("Send Acme the annual-plan quote")
                .deadline("2030-01-31T17:00:00Z".parse()?)
                .link(&acme)
                .assign(owner.clone()),
        )
        .await?;
    println!("task    {}: {}", task.id.task_id, task.content_plaintext);

    let open = client
        .tasks()
        .linked_to(&acme)
        .completed(false)
        .collect_all()
        .await?;
    let notes = client.notes().on(&acme).collect_all().await?;
    println!(
        "{} has {} note(s) and {} open task(s)",
        hit.record_text,
        notes.len(),
        open.len()
    );
    Ok(())
}
