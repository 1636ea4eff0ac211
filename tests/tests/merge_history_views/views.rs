//! Saved views of objects and lists: typed, by view id, paged by cursor through `Listing`,
//! archived ones on request; and a server that repeats a cursor ends the listing.

use attio::prelude::*;
use attio::{Error, Outcome, PagingProblem};
use futures::TryStreamExt as _;

use super::history::Account;
use super::{Company, setup};

#[tokio::test]
async fn an_objects_views_are_listed_page_by_page_in_view_id_order() {
    let (sandbox, client) = setup().await;
    let mut seeded = Vec::new();
    for (i, archived) in [false, true, false, false, false].into_iter().enumerate() {
        let id = sandbox
            .insert_object_view("companies", &format!("View {i}"), archived)
            .unwrap();
        seeded.push((id, format!("View {i}"), archived));
    }
    sandbox
        .insert_object_view("people", "Someone else's", false)
        .unwrap();
    seeded.sort();
    let workspace = sandbox.workspace_id();

    let all: Vec<attio::ObjectView> = client
        .object_views("companies")
        .show_archived(true)
        .page_size(2)
        .collect_all()
        .await
        .unwrap();
    let ids: Vec<String> = all.iter().map(|v| v.id.view_id.to_string()).collect();
    let expected: Vec<String> = seeded.iter().map(|(id, ..)| id.clone()).collect();
    assert_eq!(ids, expected, "every view, by view id, across three pages");
    assert!(all.iter().all(|v| v.id.workspace_id.as_str() == workspace));
    let titles: Vec<&str> = all.iter().map(|v| v.title.as_str()).collect();
    let seeded_titles: Vec<&str> = seeded.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(titles, seeded_titles);
    assert_eq!(
        sandbox.request_count("GET", "/v2/objects/companies/views"),
        3
    );

    let live = Company::views(&client).await.unwrap();
    assert_eq!(live.len(), 4, "the archived view is left out by default");

    let err = client
        .object_views("companies")
        .page_size(1001)
        .collect_all()
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err}");
    assert!(err.to_string().contains("1 to 1000"), "{err}");
}

#[tokio::test]
async fn a_lists_views_are_listed_typed() {
    let (sandbox, client) = setup().await;
    Account::create_list(&client, "Accounts").await.unwrap();
    let board = sandbox
        .insert_list_view("accounts", "Board", false)
        .unwrap();
    let views = Account::views(&client).await.unwrap();
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].id.view_id.as_str(), board);
    assert_eq!(views[0].title, "Board");
    let list = Account::list_info(&client).await.unwrap();
    assert_eq!(views[0].id.list_id, list.id.list_id);

    let err = client.list_views("nope").collect_all().await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
}

#[tokio::test]
async fn a_repeated_cursor_ends_the_listing_with_a_paging_error() {
    use axum::{Json, Router, routing::get};
    let page = serde_json::json!({
        "data": [{"id": {"workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
            "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795", "view_id": "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"},
            "title": "Loop", "created_at": "2022-11-21T13:22:49.061281000Z"}],
        "pagination": {"next_cursor": "same"}
    });
    let app = Router::new().route(
        "/v2/objects/companies/views",
        get(move || {
            let page = page.clone();
            async move { Json(page) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = attio::Client::builder()
        .api_key("t")
        .base_url(format!("http://{addr}"))
        .build()
        .unwrap();

    let mut views = client.object_views("companies").stream();
    let mut titles = Vec::new();
    let err = loop {
        match views.try_next().await {
            Ok(Some(view)) => titles.push(view.title),
            Ok(None) => panic!("the listing ended without an error"),
            Err(e) => break e,
        }
    };
    assert_eq!(
        titles,
        ["Loop", "Loop"],
        "both pages' items, then the error"
    );
    let Error::Paging { problem, pages, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        matches!(problem, PagingProblem::RepeatedCursor { .. }),
        "{problem:?}"
    );
    assert_eq!(*pages, 2);
}
