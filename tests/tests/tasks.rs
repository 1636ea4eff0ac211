//! Tasks end to end against the sandbox: create with links (by id and by a unique attribute) and
//! assignees (by id and by email), update what Attio lets change, list with filters page after
//! page, delete; and what is refused before sending.

use attio::prelude::*;
use attio::tasks::{NewTask, Task, TaskUpdate};
use attio::{ActorReference, Client, Error, Outcome, Ref, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
    domains: Vec<attio::Domain>,
}

const ALICE: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

async fn setup() -> (Sandbox, Client) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    (sandbox, client)
}

#[tokio::test]
async fn a_task_is_created_updated_listed_and_deleted() {
    let (_sandbox, client) = setup().await;
    let acme = Company {
        name: "Acme".into(),
        domains: vec!["acme.com".parse().unwrap()],
    }
    .create(&client)
    .await
    .unwrap();

    let by_domain = Ref::by(Company::fields().domains(), "acme.com".parse().unwrap());
    let task = client
        .create_task(
            NewTask::new("Send Acme the quote")
                .deadline("2030-06-30T17:00:00Z".parse().unwrap())
                .link(&by_domain)
                .assign(ActorReference::workspace_member_by_email(
                    "alice@attio.com".parse().unwrap(),
                )),
        )
        .await
        .unwrap();
    assert_eq!(task.content_plaintext, "Send Acme the quote");
    assert!(!task.is_completed);
    assert_eq!(task.linked_records.len(), 1);
    assert_eq!(task.linked_records[0].target_record_id, acme.id.record_id);
    assert_eq!(task.linked_records[0].target_object_id, acme.id.object_id);
    assert_eq!(task.assignees[0].referenced_actor_id, ALICE);
    assert_eq!(
        task.deadline_at.unwrap().to_string(),
        "2030-06-30T17:00:00.000000000Z"
    );

    let done = client
        .update_task(
            &task.id.task_id,
            TaskUpdate::new().completed(true).deadline(None),
        )
        .await
        .unwrap();
    assert!(done.is_completed);
    assert_eq!(done.deadline_at, None);
    assert_eq!(done.linked_records, task.linked_records, "untouched");
    assert_eq!(client.get_task(&task.id.task_id).await.unwrap(), done);

    let acme_ref = Ref::<Company>::new(acme.id.record_id.clone());
    let linked: Vec<Task> = client
        .tasks()
        .linked_to(&acme_ref)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(linked, std::slice::from_ref(&done));
    assert!(
        client
            .tasks()
            .completed(false)
            .collect_all()
            .await
            .unwrap()
            .is_empty()
    );

    client.delete_task(&task.id.task_id).await.unwrap();
    assert_eq!(
        client
            .get_task(&task.id.task_id)
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
}

#[tokio::test]
async fn listing_filters_sorts_and_pages() {
    let (_sandbox, client) = setup().await;
    let alice = ActorReference::workspace_member(ALICE).unwrap();
    for i in 0..12 {
        let task = NewTask::new(format!("t{i}")).completed(i % 3 == 0);
        let task = if i % 2 == 0 {
            task.assign(alice.clone())
        } else {
            task
        };
        client.create_task(task).await.unwrap();
    }
    let contents = |tasks: Vec<Task>| -> Vec<String> {
        tasks.into_iter().map(|t| t.content_plaintext).collect()
    };
    let mine = client
        .tasks()
        .assigned_to(&alice)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(contents(mine), ["t0", "t2", "t4", "t6", "t8", "t10"]);
    let nobodys = client
        .tasks()
        .unassigned()
        .completed(true)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(contents(nobodys), ["t3", "t9"]);
    let newest = client
        .tasks()
        .newest_first()
        .limit(3)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(contents(newest), ["t11", "t10", "t9"]);
}

#[tokio::test]
async fn what_attio_would_refuse_is_refused_before_sending() {
    let (sandbox, client) = setup().await;
    let before = sandbox.total_requests();

    let err = client.create_task(NewTask::new("  ")).await.unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(err.to_string().contains("1 to 2000 characters"), "{err}");
    let err = client
        .create_task(NewTask::new("x".repeat(2001)))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("this one has 2001"), "{err}");

    let id = "649e34f4-c39a-4f4d-99ef-48a36bef8f04".parse().unwrap();
    let err = client
        .update_task(&id, TaskUpdate::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    assert!(err.to_string().contains("changes nothing"), "{err}");

    let by_domain = Ref::by(Company::fields().domains(), "acme.com".parse().unwrap());
    let listed = client.tasks().linked_to(&by_domain).collect_all().await;
    assert!(matches!(listed, Err(Error::InvalidInput(_))), "{listed:?}");
    assert_eq!(sandbox.total_requests(), before, "nothing was sent");

    // A link Attio cannot resolve is its error, naming the request.
    let nobody = Ref::by(
        Company::fields().domains(),
        "nobody.example".parse().unwrap(),
    );
    let err = client
        .create_task(NewTask::new("x").link(&nobody))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(err.to_string().contains("POST /v2/tasks"), "{err}");
}

#[tokio::test]
async fn completed_at_is_null_until_completed_and_cleared_when_reopened() {
    let (_sandbox, client) = setup().await;
    let task = client.create_task(NewTask::new("Call back")).await.unwrap();
    assert_eq!(task.completed_at, None);
    let id = task.id.task_id.clone();
    let done = client
        .update_task(&id, TaskUpdate::new().completed(true))
        .await
        .unwrap();
    let at = done.completed_at.expect("a completed task says when");
    assert!(at >= task.created_at, "{at} before {}", task.created_at);
    // Completing it again keeps the first time; reading it back says the same.
    let again = client
        .update_task(&id, TaskUpdate::new().completed(true))
        .await
        .unwrap();
    assert_eq!(again.completed_at, Some(at));
    assert_eq!(client.get_task(&id).await.unwrap().completed_at, Some(at));
    let reopened = client
        .update_task(&id, TaskUpdate::new().completed(false))
        .await
        .unwrap();
    assert_eq!(reopened.completed_at, None);
    // Created completed: completed when created.
    let born_done = client
        .create_task(NewTask::new("Already done").completed(true))
        .await
        .unwrap();
    assert_eq!(born_done.completed_at, Some(born_done.created_at));
}
