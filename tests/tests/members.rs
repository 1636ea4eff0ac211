//! Workspace members end to end against the sandbox, and a task assigned through one.

use attio::members::AccessLevel;
use attio::tasks::NewTask;
use attio_sandbox::Sandbox;

#[tokio::test]
async fn members_are_listed_read_and_assignable() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let members = client.workspace_members().await.unwrap();
    let emails: Vec<&str> = members.iter().map(|m| m.email_address.as_str()).collect();
    assert_eq!(emails, ["alice@attio.com", "bob@attio.com"]);
    let bob = &members[1];
    assert_eq!(bob.first_name, "Bob");
    assert_ne!(bob.access_level, AccessLevel::Other);
    assert_eq!(bob.id.workspace_id.as_str(), sandbox.workspace_id());

    let again = client
        .get_workspace_member(&bob.id.workspace_member_id)
        .await
        .unwrap();
    assert_eq!(&again, bob);

    let task = client
        .create_task(NewTask::new("Call Ada").assign(bob.to_actor_reference()))
        .await
        .unwrap();
    assert_eq!(
        task.assignees[0].referenced_actor_id,
        bob.id.workspace_member_id.as_str()
    );

    let missing = "00000000-0000-0000-0000-000000000000".parse().unwrap();
    let err = client.get_workspace_member(&missing).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(
        err.to_string().contains("GET /v2/workspace_members/"),
        "{err}"
    );
}
