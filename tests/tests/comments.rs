//! Comments and threads end to end against the sandbox: a thread started on a record, a reply,
//! listing, deleting; and what is refused before sending.

use attio::comments::NewComment;
use attio::prelude::*;
use attio::values::WorkspaceMemberId;
use attio::{Error, Outcome, Ref, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
}

#[tokio::test]
async fn a_thread_is_started_replied_to_listed_and_deleted() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let alice: WorkspaceMemberId = "50cf242c-7fa3-4cad-87d0-75b1af71c57b".parse().unwrap();
    let deal = Company {
        name: "Acme".into(),
    }
    .create(&client)
    .await
    .unwrap();
    let deal_ref = Ref::<Company>::new(deal.id.record_id.clone());

    let first = client
        .create_comment(NewComment::on_record(
            &deal_ref,
            &alice,
            "Close it, bob@attio.com",
        ))
        .await
        .unwrap();
    assert_eq!(first.record.record_id, deal.id.record_id);
    assert_eq!(first.record.object_id, deal.id.object_id);
    assert!(first.entry.is_none());
    assert_eq!(first.author.id.as_deref(), Some(alice.as_str()));

    let reply = client
        .create_comment(NewComment::reply(&first.thread_id, &alice, "Done."))
        .await
        .unwrap();
    assert_eq!(reply.thread_id, first.thread_id);

    let threads = client
        .threads()
        .on_record(&deal_ref)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(threads.len(), 1);
    let contents: Vec<&str> = threads[0]
        .comments
        .iter()
        .map(|c| c.content_plaintext.as_str())
        .collect();
    assert_eq!(contents, ["Close it, bob@attio.com", "Done."]);
    assert_eq!(
        client.get_thread(&first.thread_id).await.unwrap(),
        threads[0]
    );

    client.delete_comment(&reply.id.comment_id).await.unwrap();
    assert_eq!(
        client
            .get_thread(&first.thread_id)
            .await
            .unwrap()
            .comments
            .len(),
        1
    );
    client.delete_comment(&first.id.comment_id).await.unwrap();
    let gone = client.get_thread(&first.thread_id).await.unwrap_err();
    assert_eq!(
        gone.status(),
        Some(404),
        "deleting the first comment deletes the thread"
    );

    // Refused before sending, saying what to write.
    let before = sandbox.total_requests();
    let err = client.threads().collect_all().await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    assert!(err.to_string().contains(".on_record(&record)"), "{err}");
    let err = client
        .create_comment(NewComment::on_record(&deal_ref, &alice, "  "))
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert_eq!(sandbox.total_requests(), before);

    // An author who is not a member is Attio's error, naming the request.
    let stranger: WorkspaceMemberId = "00000000-0000-0000-0000-000000000000".parse().unwrap();
    let err = client
        .create_comment(NewComment::on_record(&deal_ref, &stranger, "hi"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(err.to_string().contains("POST /v2/comments"), "{err}");
}

#[tokio::test]
async fn a_threads_comments_page_by_cursor_and_filter_by_creation() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox)
        .rate_limits(attio::RateLimits::unlimited())
        .build()
        .unwrap();
    let alice: WorkspaceMemberId = "50cf242c-7fa3-4cad-87d0-75b1af71c57b".parse().unwrap();
    let acme = Company {
        name: "Acme".into(),
    }
    .create(&client)
    .await
    .unwrap();
    let acme = Ref::<Company>::new(acme.id.record_id);
    let first = client
        .create_comment(NewComment::on_record(&acme, &alice, "c0"))
        .await
        .unwrap();
    let mut seen_at = None;
    for i in 1..=260 {
        let reply = client
            .create_comment(NewComment::reply(
                &first.thread_id,
                &alice,
                &format!("c{i}"),
            ))
            .await
            .unwrap();
        if i == 257 {
            seen_at = Some(reply.created_at);
        }
    }
    let path = format!("/v2/threads/{}", first.thread_id.as_str());

    // The whole thread: 261 comments over two pages of at most 250.
    let thread = client.get_thread(&first.thread_id).await.unwrap();
    let texts: Vec<String> = thread
        .comments
        .iter()
        .map(|c| c.content_plaintext.clone())
        .collect();
    assert_eq!(
        texts,
        (0..=260).map(|i| format!("c{i}")).collect::<Vec<_>>()
    );
    assert_eq!(sandbox.request_count("GET", &path), 2);

    // Pages of 100: three requests, in order.
    let all = client
        .thread_comments(&first.thread_id)
        .page_size(100)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 261);
    assert_eq!(sandbox.request_count("GET", &path), 5);

    // Polling for replies: only those after the 257th.
    let newer: Vec<String> = client
        .thread_comments(&first.thread_id)
        .created_after(seen_at.unwrap())
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.content_plaintext)
        .collect();
    assert_eq!(newer, ["c258", "c259", "c260"]);

    // A bad limit is Attio's 400, which the raw escape hatch shows.
    let err = client
        .request(attio::Method::Get, path)
        .query("limit", "251")
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
}
