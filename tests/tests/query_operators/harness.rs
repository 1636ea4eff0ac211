//! The harness: a seeded sandbox with a client (`Env`), `expect!` (the exact set of records a
//! filter matches), and constructors for the values the filters compare.

use attio::{
    ActorReference, Client, CountryCode, Date, Filter, Query, Rating, Record, SelectOption,
    Timestamp,
};
use attio_sandbox::Sandbox;
use serde_json::Value;

use crate::objects::Tagged;

pub(crate) const ALICE: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

pub(crate) struct Env {
    pub(crate) sb: Sandbox,
    pub(crate) client: Client,
    http: reqwest::Client,
}

impl Env {
    pub(crate) async fn new() -> Env {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let sb = Sandbox::builder()
            .seed(11)
            .start()
            .await
            .expect("the sandbox starts");
        let client = attio_tests::sandbox_client(&sb).build().expect("a client");
        Env {
            sb,
            client,
            http: reqwest::Client::new(),
        }
    }

    /// A raw request that must succeed: its `data`.
    pub(crate) async fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let mut req = self
            .http
            .request(
                method.parse().unwrap(),
                format!("{}{path}", self.sb.base_url()),
            )
            .bearer_auth(self.sb.api_key());
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("the sandbox answers");
        let status = resp.status().as_u16();
        let v: Value = serde_json::from_str(&resp.text().await.unwrap()).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["data"].clone()
    }

    /// The id of the workspace member with this email.
    pub(crate) async fn member(&self, email: &str) -> String {
        let members = self.ok("GET", "/v2/workspace_members", None).await;
        members
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["email_address"] == email)
            .and_then(|m| m["id"]["workspace_member_id"].as_str())
            .expect("the member exists")
            .to_owned()
    }
}

/// The tags of the records `filter` matches, sorted.
pub(crate) async fn matching<T: Tagged>(
    client: &Client,
    filter: impl FnOnce(&T::Fields) -> Filter<T>,
) -> Vec<String> {
    let mut tags = tags_in_order(Query::<T>::new().filter(filter), client).await;
    tags.sort();
    tags
}

/// The tags of the records a query returns, in its order.
pub(crate) async fn tags_in_order<T: Tagged>(query: Query<T>, client: &Client) -> Vec<String> {
    query
        .collect_all(client)
        .await
        .expect("the query runs")
        .iter()
        .map(|r: &Record<T>| r.values.tag())
        .collect()
}

/// Asserts that the filter matches exactly the records tagged as listed (in any order).
macro_rules! expect {
    ($client:expr, $ty:ty, $filter:expr, [$($tag:expr),* $(,)?]) => {{
        let got = $crate::harness::matching::<$ty>($client, $filter).await;
        let mut want: Vec<&str> = vec![$($tag),*];
        want.sort_unstable();
        assert_eq!(got, want, "{}", stringify!($filter));
    }};
}

pub(crate) fn option(title: &str) -> SelectOption {
    SelectOption::by_title(title).unwrap()
}

pub(crate) fn stamp(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub(crate) fn date(s: &str) -> Date {
    s.parse().unwrap()
}

pub(crate) fn stars(n: u8) -> Rating {
    Rating::new(n).unwrap()
}

pub(crate) fn country(code: &str) -> CountryCode {
    code.parse().unwrap()
}

pub(crate) fn member(id: &str) -> ActorReference {
    ActorReference::workspace_member(id).unwrap()
}
