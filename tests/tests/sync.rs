//! `client.sync(items).by(key)` end to end on the sandbox: only what differs is written.

use attio_sandbox::Sandbox;

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
enum Tag {
    Trial,
    Paying,
    Churned,
}

#[attio::attio_object(slug = "accounts", singular = "Account", plural = "Accounts")]
#[derive(Debug, Clone, PartialEq)]
struct Account {
    #[attio(unique)]
    account_id: String,
    name: Option<String>,
    tags: Vec<Tag>,
    seats: Option<i64>,
}

fn account(i: usize) -> Account {
    Account {
        account_id: format!("acc-{i:03}"),
        name: Some(format!("Account {i}")),
        tags: vec![Tag::Trial, Tag::Paying],
        seats: Some(i as i64),
    }
}

/// The writes the sandbox received, by method, for the accounts' records.
fn writes(sandbox: &Sandbox) -> (usize, usize, usize, usize) {
    let mut counts = (0, 0, 0, 0);
    for ((method, path), n) in sandbox.request_counts() {
        if !path.starts_with("/v2/objects/accounts/records") || path.ends_with("/query") {
            continue;
        }
        match method.as_str() {
            "POST" => counts.0 += n,
            "PATCH" => counts.1 += n,
            "PUT" => counts.2 += n,
            "DELETE" => counts.3 += n,
            _ => {}
        }
    }
    counts
}

#[tokio::test]
async fn a_sync_writes_only_what_differs() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    client.ensure_schema::<Account>().await.unwrap();

    // First run: everything is new.
    let first: Vec<Account> = (0..30).map(account).collect();
    let report = client
        .sync(first.clone())
        .by(Account::fields().account_id())
        .run(|_| {})
        .await
        .unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (30, 0, 0),
        "{report}"
    );
    assert!(report.failed.is_empty(), "{report}");

    // Second run: 2 renamed, 1 with its tags reordered (equal), 1 with a tag more, 1 with its
    // name cleared, 1 new, and 2 gone (deleted).
    let before = writes(&sandbox);
    let since = |before: (usize, usize, usize, usize)| {
        let now = writes(&sandbox);
        (
            now.0 - before.0,
            now.1 - before.1,
            now.2 - before.2,
            now.3 - before.3,
        )
    };
    let mut second: Vec<Account> = (0..28).map(account).collect();
    second[1].name = Some("Renamed 1".into());
    second[2].name = Some("Renamed 2".into());
    second[3].tags = vec![Tag::Paying, Tag::Trial];
    second[4].tags.push(Tag::Churned);
    second[5].name = None;
    second.push(account(99));
    let sync = client
        .sync(second.clone())
        .by(Account::fields().account_id())
        .delete_missing(true);
    let plan = sync.plan().await.unwrap();
    assert_eq!(plan.read, 30);
    assert_eq!(plan.creates.len(), 1);
    assert_eq!(plan.updates.len(), 4, "{plan}");
    assert_eq!(plan.unchanged, 24);
    assert_eq!(plan.deletes.len(), 2);
    let tags = plan.updates.iter().find(|u| u.key == "acc-004").unwrap();
    assert!(
        tags.overwrite,
        "a multiselect becomes exactly the item's: PUT"
    );
    assert_eq!(tags.values.len(), 1, "only the changed attribute is sent");
    let cleared = plan.updates.iter().find(|u| u.key == "acc-005").unwrap();
    assert_eq!(cleared.values, [("name", serde_json::json!([]))]);
    assert_eq!(since(before), (0, 0, 0, 0), "a plan writes nothing");

    let mut calls = 0;
    let report = sync.run(|p| calls = p.done).await.unwrap();
    assert_eq!(
        (
            report.created,
            report.updated,
            report.unchanged,
            report.deleted
        ),
        (1, 4, 24, 2),
        "{report}"
    );
    assert_eq!(calls, 7);
    assert_eq!(since(before), (1, 3, 1, 2), "one request per change");

    // Attio now holds exactly the items: a third sync plans nothing.
    let plan = client
        .sync(second.clone())
        .by(Account::fields().account_id())
        .delete_missing(true)
        .plan()
        .await
        .unwrap();
    assert_eq!(
        (
            plan.creates.len(),
            plan.updates.len(),
            plan.deletes.len(),
            plan.unchanged
        ),
        (0, 0, 0, 29),
        "{plan}"
    );
    let stored = Account::query().stream(&client);
    let mut stored: Vec<Account> = futures::TryStreamExt::try_collect::<Vec<_>>(stored)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.values)
        .collect();
    stored.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    assert_eq!(stored.len(), 29);
    assert_eq!(stored[1].name.as_deref(), Some("Renamed 1"));
    assert_eq!(stored[5].name, None);
}

#[tokio::test]
async fn items_that_cannot_be_matched_are_reported_not_written() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    client.ensure_schema::<Account>().await.unwrap();

    let err = client.sync(vec![account(1)]).plan().await.unwrap_err();
    assert!(
        err.to_string().contains(".by(User::fields().user_id())"),
        "{err}"
    );

    let report = client
        .sync(vec![account(1), account(1), account(2)])
        .by(Account::fields().account_id())
        .run(|_| {})
        .await
        .unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(report.failed.len(), 1, "{report}");
    assert_eq!(report.failed[0].key, "acc-001");
    assert!(
        report.failed[0]
            .error
            .to_string()
            .contains("repeats the key `account_id`"),
        "{report}"
    );
}
