//! Typed queries against the in-process sandbox: filters built from the generated handles,
//! combined with and/or/not, typed sorts, limit/offset, and a stream that pages by itself
//! across page boundaries.

use attio::prelude::*;
use attio::{Client, Date, SelectOption, attio_object};
use attio_sandbox::Sandbox;
use futures::TryStreamExt as _;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
    categories: Vec<SelectOption>,
    foundation_date: Option<Date>,
}

async fn sandbox() -> (Sandbox, Client) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::builder()
        .seed(3)
        .record_requests(500)
        .start()
        .await
        .unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    (sb, client)
}

/// `n` companies named `c00`, `c01`, ...; even ones are SaaS, founded in 2000 + i.
async fn seed(client: &Client, n: usize) {
    for i in 0..n {
        let category = if i % 2 == 0 { "SaaS" } else { "B2B" };
        Company {
            name: format!("c{i:02}"),
            categories: vec![SelectOption::by_title(category).unwrap()],
            foundation_date: Some(format!("{}-01-01", 2000 + i).parse().unwrap()),
        }
        .create(client)
        .await
        .unwrap();
    }
}

fn names(records: &[attio::Record<Company>]) -> Vec<String> {
    records.iter().map(|r| r.values.name.clone()).collect()
}

fn query_requests(sb: &Sandbox) -> usize {
    sb.recent_requests()
        .iter()
        .filter(|r| r.path.ends_with("/records/query"))
        .count()
}

#[tokio::test]
async fn filters_sorts_and_combinators() {
    let (sb, client) = sandbox().await;
    seed(&client, 6).await;

    let saas = Company::query()
        .filter(|f| f.categories().eq(SelectOption::by_title("SaaS").unwrap()))
        .sort(|f| f.name().desc())
        .collect_all(&client)
        .await
        .unwrap();
    assert_eq!(names(&saas), ["c04", "c02", "c00"]);

    let some = Company::query()
        .filter(|f| {
            (f.name().eq("c01") | f.foundation_date().gte("2004-01-01".parse().unwrap()))
                & !f.name().ends_with("5")
        })
        .sort(|f| f.foundation_date().asc())
        .collect_all(&client)
        .await
        .unwrap();
    assert_eq!(names(&some), ["c01", "c04"]);

    // Two filter calls AND together; offset and limit.
    let page = Company::query()
        .filter(|f| f.name().starts_with("c0"))
        .filter(|f| f.categories().eq_title("B2B"))
        .sort(|f| f.name().asc())
        .offset(1)
        .limit(1)
        .collect_all(&client)
        .await
        .unwrap();
    assert_eq!(names(&page), ["c03"]);

    let first = Company::query()
        .sort(|f| f.name().asc())
        .first(&client)
        .await
        .unwrap();
    assert_eq!(first.unwrap().values.name, "c00");
    let none = Company::query()
        .filter(|f| f.name().eq("nope"))
        .first(&client)
        .await
        .unwrap();
    assert!(none.is_none());
    sb.shutdown().await;
}

/// Pages of 3: 6 records (an exact multiple) take 3 requests (the last one empty), 7 take 3,
/// none takes 1; a limit stops early.
#[tokio::test]
async fn pages_across_boundaries() {
    let (sb, client) = sandbox().await;

    let before = query_requests(&sb);
    let empty = Company::query()
        .page_size(3)
        .collect_all(&client)
        .await
        .unwrap();
    assert!(empty.is_empty());
    assert_eq!(
        query_requests(&sb) - before,
        1,
        "an empty result is one request"
    );

    seed(&client, 6).await;
    let before = query_requests(&sb);
    let all = Company::query()
        .page_size(3)
        .sort(|f| f.name().asc())
        .collect_all(&client)
        .await
        .unwrap();
    assert_eq!(names(&all), ["c00", "c01", "c02", "c03", "c04", "c05"]);
    assert_eq!(
        query_requests(&sb) - before,
        3,
        "two full pages, then an empty one ends it"
    );

    seed_one(&client, "c06").await;
    let before = query_requests(&sb);
    let mut stream = Company::query()
        .page_size(3)
        .sort(|f| f.name().asc())
        .stream(&client);
    let mut seen = Vec::new();
    while let Some(r) = stream.try_next().await.unwrap() {
        seen.push(r.values.name);
    }
    assert_eq!(seen.len(), 7);
    assert_eq!(seen.last().map(String::as_str), Some("c06"));
    assert_eq!(
        query_requests(&sb) - before,
        3,
        "3 + 3 + 1: the short page ends it"
    );

    // A limit that is not a multiple of the page size: pages of 3, 3 and 1, then stop.
    let before = query_requests(&sb);
    let limited = Company::query()
        .page_size(3)
        .sort(|f| f.name().asc())
        .limit(4)
        .collect_all(&client)
        .await
        .unwrap();
    assert_eq!(names(&limited), ["c00", "c01", "c02", "c03"]);
    assert_eq!(query_requests(&sb) - before, 2);
    sb.shutdown().await;
}

async fn seed_one(client: &Client, name: &str) {
    Company {
        name: name.into(),
        categories: vec![],
        foundation_date: None,
    }
    .create(client)
    .await
    .unwrap();
}

#[test]
fn the_request_body_is_attio_s_json() {
    let q = Company::query()
        .filter(|f| {
            f.foundation_date()
                .between("2000-01-01".parse().unwrap(), "2010-01-01".parse().unwrap())
        })
        .sort(|f| f.foundation_date().desc())
        .page_size(50);
    assert_eq!(
        q.to_json(),
        serde_json::json!({
            "filter": {"foundation_date": {"$gte": "2000-01-01", "$lt": "2010-01-01"}},
            "sorts": [{"direction": "desc", "attribute": "foundation_date"}],
            "limit": 50,
            "offset": 0,
        })
    );
}
