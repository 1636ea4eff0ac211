//! Record queries: filters, sorts, limit and offset, and filter errors.

use serde_json::{Value, json};

use crate::common::{Env, vals};

#[tokio::test]
async fn queries_filter_sort_and_page() {
    let env = Env::new().await;
    for (name, email, n) in [
        ("Lovelace, Ada", "ada@x.com", 3),
        ("Hopper, Grace", "grace@y.com", 1),
        ("Turing, Alan", "alan@x.com", 2),
    ] {
        env.create(
            "people",
            json!({"name": name, "email_addresses": [email], "job_title": format!("t{n}")}),
        )
        .await;
    }
    let q = |body: Value| {
        let env = &env;
        async move {
            let r = env
                .ok("POST", "/v2/objects/people/records/query", Some(body))
                .await;
            r.as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    vals(r, "name")[0]["first_name"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        q(json!({"filter": {"name": "Ada Lovelace"}})).await,
        ["Ada"]
    );
    assert_eq!(q(json!({"filter": {"email_addresses": {"email_domain": "x.com"}}, "sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}]})).await, ["Ada", "Alan"]);
    assert_eq!(q(json!({"filter": {"name": {"first_name": {"$contains": "A"}}}, "sorts": [{"direction": "desc", "attribute": "name", "field": "first_name"}]})).await, ["Grace", "Alan", "Ada"]);
    assert_eq!(q(json!({"filter": {"$or": [{"job_title": "t1"}, {"job_title": {"$starts_with": "T3"}}]}, "sorts": [{"direction": "asc", "attribute": "job_title"}]})).await, ["Grace", "Ada"]);
    assert_eq!(
        q(json!({"filter": {"$not": {"email_addresses": {"email_domain": "x.com"}}}})).await,
        ["Grace"]
    );
    assert_eq!(q(json!({"filter": {"$and": [{"job_title": {"$in": ["t1", "t2"]}}, {"name": {"last_name": {"$ends_with": "ing"}}}]}})).await, ["Alan"]);
    assert_eq!(
        q(json!({"filter": {"description": {"$not_empty": true}}})).await,
        Vec::<String>::new()
    );
    assert_eq!(q(json!({"sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}], "limit": 1, "offset": 1})).await, ["Lovelace"].map(|_| "Ada"));
    // JSON does not tell 1 from 1.0: an integral value is accepted in either form.
    assert_eq!(q(json!({"sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}], "limit": 1.0, "offset": 1.0})).await, ["Ada"]);
    for bad in [
        json!({"limit": 1.5}),
        json!({"limit": -1}),
        json!({"offset": -1.0}),
        json!({"offset": 0.5}),
        json!({"limit": "1"}),
    ] {
        env.expect_error(
            "POST",
            "/v2/objects/people/records/query",
            Some(bad.clone()),
            400,
            "validation_type",
        )
        .await;
    }
    assert_eq!(
        q(json!({"filter": {"created_at": {"$gte": "2000-01-01T00:00:00Z"}}}))
            .await
            .len(),
        3
    );
    for bad in [
        json!({"filter": {"nope": "x"}}),
        json!({"filter": {"job_title": {"$gt": "x"}}}),
        json!({"filter": {"job_title": {"$bogus": "x"}}}),
        json!({"filter": {"name": {"middle_name": "x"}}}),
        json!({"filter": {"$or": {"job_title": "x"}}}),
        json!({"filter": "x"}),
    ] {
        let (s, b) = env
            .call(
                "POST",
                "/v2/objects/people/records/query",
                Some(bad.clone()),
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (400, Some("filter_error")),
            "{bad}"
        );
    }
    let (s, _) = env
        .call("POST", "/v2/objects/nope/records/query", Some(json!({})))
        .await;
    assert_eq!(s, 404);
}
