//! SQL (`POST /v2/sql`) end to end against the in-process sandbox (SQLite behind the sandbox's
//! `sql` feature): the worked examples of Attio's SQL guides through `client.sql::<T>()`, each
//! compared with the same question asked through typed record and entry queries; writes visible
//! to the next query; statements other than `SELECT` refused before sending (and by the sandbox,
//! asked directly); the time limit as a typed error; Attio's message on an invalid query.
//!
//! Run: `cargo test -p attio-tests --test sql`.

use attio::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use attio::{
    ActorReference, Currency, Error, ErrorCode, Record, Ref, SqlError, Status, attio_list,
    attio_object,
};
use attio_sandbox::Sandbox;
use serde::Deserialize;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
}

#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct Deal {
    name: String,
    stage: Status,
    owner: ActorReference,
    value: Option<Currency>,
    associated_company: Option<Ref<Company>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, attio::SelectEnum)]
enum Tier {
    Enterprise,
    Startup,
}

/// The guides' list: `lists.sales`, an entry per company.
#[attio_list(slug = "sales", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
struct SalesEntry {
    tier: Tier,
}

struct World {
    sandbox: Sandbox,
    client: attio::Client,
}

async fn world() -> World {
    world_with(Sandbox::builder()).await
}

/// Three companies in the list, and six deals across them and the four stages.
async fn world_with(builder: attio_sandbox::SandboxBuilder) -> World {
    let sandbox = builder.start().await.expect("the sandbox starts");
    let client = attio_tests::sandbox_client(&sandbox)
        .build()
        .expect("a client");
    SalesEntry::create_list(&client, "Sales")
        .await
        .expect("the list");
    client
        .create_list_attribute(SalesEntry::fields().tier(), "Tier")
        .await
        .expect("tier");
    for title in <Tier as attio::SelectEnum>::TITLES {
        client
            .create_list_choice(SalesEntry::fields().tier(), title)
            .await
            .expect("an option");
    }
    let owner = client.workspace_members().await.expect("members")[0].to_actor_reference();
    let deals = [
        (
            "Acme",
            Tier::Enterprise,
            &[
                ("Acme renewal", "Won 🎉", 120_000.0),
                ("Acme expansion", "Lead", 40_000.0),
            ][..],
        ),
        (
            "Globex",
            Tier::Enterprise,
            &[
                ("Globex pilot", "In Progress", 75_000.0),
                ("Globex seats", "Lost", 9_500.0),
            ][..],
        ),
        (
            "Initech",
            Tier::Startup,
            &[
                ("Initech starter", "Lead", 5_000.0),
                ("Initech upgrade", "In Progress", 60_000.5),
            ][..],
        ),
    ];
    for (company, tier, its_deals) in deals {
        let company = Company {
            name: company.into(),
        }
        .create(&client)
        .await
        .expect("company");
        SalesEntry { tier }
            .add(&client, &company)
            .await
            .expect("entry");
        for (name, stage, value) in its_deals {
            deal(&client, &owner, &company, name, stage, *value).await;
        }
    }
    World { sandbox, client }
}

async fn deal(
    client: &attio::Client,
    owner: &ActorReference,
    company: &Record<Company>,
    name: &str,
    stage: &str,
    value: f64,
) -> Record<Deal> {
    Deal {
        name: name.into(),
        stage: Status::by_title(stage).expect("a title"),
        owner: owner.clone(),
        value: Some(Currency::from_f64(value).expect("an amount")),
        associated_company: Some(Ref::new(company.id.record_id.clone())),
    }
    .create(client)
    .await
    .expect("deal")
}

/// Every deal, through the typed query.
async fn typed_deals(client: &attio::Client) -> Vec<Record<Deal>> {
    Deal::query().collect_all(client).await.expect("deals")
}

fn value(d: &Record<Deal>) -> Option<f64> {
    d.values.value.as_ref().map(Currency::to_f64)
}

#[tokio::test]
async fn select_where_order_by_as_the_typed_query_answers() {
    let w = world().await;
    #[derive(Debug, Deserialize, PartialEq)]
    struct Row {
        name: String,
        value: f64,
    }
    // "Query basics" of the querying guide.
    let rows: Vec<Row> = w
        .client
        .sql("SELECT name, value FROM deals WHERE value > 50000 ORDER BY value DESC;")
        .await
        .expect("the query runs");
    let mut typed: Vec<Row> = typed_deals(&w.client)
        .await
        .iter()
        .filter_map(|d| {
            Some(Row {
                name: d.values.name.clone(),
                value: value(d)?,
            })
        })
        .filter(|r| r.value > 50_000.0)
        .collect();
    typed.sort_by(|a, b| b.value.total_cmp(&a.value));
    assert_eq!(rows, typed);
    assert_eq!(rows.len(), 3, "{rows:?}");

    // ORDER BY … LIMIT: the two largest deals.
    let top: Vec<Row> = w
        .client
        .sql("SELECT name, value FROM objects.deals ORDER BY value DESC LIMIT 2")
        .await
        .expect("the query runs");
    assert_eq!(top, typed.into_iter().take(2).collect::<Vec<_>>());
}

#[tokio::test]
async fn group_by_with_counts_and_sums_as_folding_the_typed_stream() {
    let w = world().await;
    #[derive(Debug, Deserialize, PartialEq)]
    struct Row {
        stage: String,
        deals: i64,
        total: f64,
    }
    let rows: Vec<Row> = w
        .client
        .sql("SELECT stage, count(*) AS deals, sum(value) AS total FROM deals GROUP BY stage ORDER BY stage")
        .await
        .expect("the query runs");
    let mut folded: BTreeMap<String, (i64, f64)> = BTreeMap::new();
    for d in typed_deals(&w.client).await {
        let stage = d.values.stage.title().expect("a title").to_owned();
        let slot = folded.entry(stage).or_default();
        slot.0 += 1;
        slot.1 += value(&d).unwrap_or(0.0);
    }
    let folded: Vec<Row> = folded
        .into_iter()
        .map(|(stage, (deals, total))| Row {
            stage,
            deals,
            total,
        })
        .collect();
    assert_eq!(rows, folded);
}

#[tokio::test]
async fn a_list_joined_with_its_object_as_the_typed_entries_and_records_answer() {
    let w = world().await;
    #[derive(Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Row {
        entry_id: String,
        name: String,
    }
    // The join of the querying guide, with the reference's field read by `->>` (SQLite's).
    let rows: Vec<Row> = w
        .client
        .sql(
            "SELECT lists.sales.entry_id, companies.name FROM lists.sales \
             JOIN companies ON companies.record_id = lists.sales.parent_record ->> 'entity_instance_id'",
        )
        .await
        .expect("the join runs");
    let mut typed = Vec::new();
    for entry in SalesEntry::query()
        .collect_all(&w.client)
        .await
        .expect("entries")
    {
        let company = Company::get(&w.client, &entry.parent_record_id)
            .await
            .expect("its company");
        typed.push(Row {
            entry_id: entry.id.entry_id.to_string(),
            name: company.values.name,
        });
    }
    let sql: BTreeSet<Row> = rows.into_iter().collect();
    assert_eq!(sql, typed.into_iter().collect::<BTreeSet<Row>>());
    assert_eq!(sql.len(), 3);
}

#[tokio::test]
async fn pipeline_value_per_tier_from_a_join_of_deals_and_the_list() {
    let w = world().await;
    #[derive(Debug, Deserialize, PartialEq)]
    struct Row {
        tier: String,
        deals: i64,
        open_value: f64,
    }
    let rows: Vec<Row> = w
        .client
        .sql(
            "SELECT s.tier, count(*) AS deals, sum(d.value) AS open_value \
             FROM lists.sales s JOIN deals d \
               ON d.associated_company ->> 'entity_instance_id' = s.parent_record ->> 'entity_instance_id' \
             WHERE d.stage NOT IN ('Won 🎉', 'Lost') \
             GROUP BY s.tier ORDER BY open_value DESC",
        )
        .await
        .expect("the query runs");
    let tiers: BTreeMap<String, Tier> = SalesEntry::query()
        .collect_all(&w.client)
        .await
        .expect("entries")
        .into_iter()
        .map(|e| (e.parent_record_id.to_string(), e.values.tier))
        .collect();
    let mut folded: BTreeMap<&str, (i64, f64)> = BTreeMap::new();
    for d in typed_deals(&w.client).await {
        let stage = d.values.stage.title().unwrap_or_default();
        let company = d
            .values
            .associated_company
            .as_ref()
            .and_then(Ref::record_id);
        let Some(tier) = company.and_then(|c| tiers.get(c.as_str())) else {
            continue;
        };
        if stage != "Won 🎉" && stage != "Lost" {
            let slot = folded
                .entry(attio::SelectEnum::title(tier).unwrap_or_default())
                .or_default();
            slot.0 += 1;
            slot.1 += value(&d).unwrap_or(0.0);
        }
    }
    let mut folded: Vec<Row> = folded
        .into_iter()
        .map(|(t, (deals, open_value))| Row {
            tier: t.into(),
            deals,
            open_value,
        })
        .collect();
    folded.sort_by(|a, b| b.open_value.total_cmp(&a.open_value));
    assert_eq!(rows, folded);
}

#[tokio::test]
async fn the_information_schema_queries_of_the_available_data_page() {
    let w = world().await;
    #[derive(Debug, Deserialize)]
    struct TableRow {
        table_schema: String,
        table_name: String,
    }
    let tables: Vec<TableRow> = w
        .client
        .sql(
            "SELECT table_schema, table_name FROM information_schema.tables
             WHERE table_schema NOT IN ('information_schema', 'pg_catalog')
             ORDER BY table_schema, table_name;",
        )
        .await
        .expect("the tables");
    let names: Vec<String> = tables
        .iter()
        .map(|t| format!("{}.{}", t.table_schema, t.table_name))
        .collect();
    for expected in [
        "lists.sales",
        "objects.companies",
        "objects.deals",
        "objects.people",
    ] {
        assert!(
            names.contains(&expected.to_owned()),
            "{expected} in {names:?}"
        );
    }
    let helper: Vec<String> = w
        .client
        .sql_tables()
        .await
        .expect("tables")
        .iter()
        .map(|t| t.qualified())
        .collect();
    assert_eq!(helper, names);

    let columns = w
        .client
        .sql_rows(
            "SELECT table_schema, table_name, column_name, ordinal_position, data_type, is_nullable FROM information_schema.columns
             WHERE table_schema IN ('objects', 'lists')
             ORDER BY table_schema, table_name, ordinal_position;",
        )
        .await
        .expect("the columns");
    assert!(
        columns
            .iter()
            .all(|c| c["table_schema"] == "objects" || c["table_schema"] == "lists")
    );
    let deals = w.client.sql_columns("deals").await.expect("deals' columns");
    let described: Vec<(&str, &str)> = deals
        .iter()
        .map(|c| (c.column_name.as_str(), c.data_type.as_str()))
        .collect();
    for pair in [
        ("record_id", "text"),
        ("created_at", "timestamp with time zone"),
        ("name", "text"),
        ("stage", "text"),
        ("value", "double precision"),
        ("associated_company", "USER-DEFINED"),
        ("associated_people", "ARRAY"),
    ] {
        assert!(described.contains(&pair), "{pair:?} in {described:?}");
    }
    assert!(!deals[0].is_nullable && deals.iter().any(|c| c.is_nullable));
    let sales = w
        .client
        .sql_columns("lists.sales")
        .await
        .expect("the list's columns");
    let names: Vec<&str> = sales.iter().map(|c| c.column_name.as_str()).collect();
    assert_eq!(names[..2], ["entry_id", "parent_record"]);
    assert!(names.contains(&"tier"));
}

#[tokio::test]
async fn a_write_is_in_the_next_query() {
    let w = world().await;
    #[derive(Deserialize)]
    struct Count {
        n: i64,
    }
    let count = |client: attio::Client| async move {
        let rows: Vec<Count> = client
            .sql("SELECT count(*) AS n FROM deals")
            .await
            .expect("count");
        rows[0].n
    };
    let before = count(w.client.clone()).await;
    let owner = w.client.workspace_members().await.expect("members")[0].to_actor_reference();
    let acme = Company {
        name: "Umbrella".into(),
    }
    .create(&w.client)
    .await
    .expect("company");
    let made = deal(&w.client, &owner, &acme, "Umbrella deal", "Lead", 1.0).await;
    assert_eq!(count(w.client.clone()).await, before + 1);
    let rows = w
        .client
        .sql_rows(&format!(
            "SELECT associated_company, value FROM deals WHERE record_id = '{}'",
            made.id.record_id
        ))
        .await
        .expect("the new deal");
    assert_eq!(
        rows[0]["associated_company"]["entity_instance_id"],
        acme.id.record_id.to_string()
    );
    assert_eq!(rows[0]["value"], 1.0);
    w.client
        .delete_record::<Deal>(&made.id.record_id)
        .await
        .expect("deleted");
    assert_eq!(count(w.client.clone()).await, before);
}

#[tokio::test]
async fn a_statement_that_is_not_a_select_is_refused_before_it_is_sent() {
    let w = world().await;
    let sent_before = w
        .sandbox
        .recent_requests()
        .iter()
        .filter(|r| r.path == "/v2/sql")
        .count();
    for statement in [
        "DELETE FROM deals",
        "SELECT 1; DROP TABLE deals",
        "WITH gone AS (DELETE FROM deals RETURNING *) SELECT * FROM gone",
    ] {
        match w.client.sql_rows(statement).await {
            Err(Error::Sql(SqlError::NotReadOnly { reason })) => {
                assert!(
                    reason.contains("read") || reason.contains("statements"),
                    "{reason}"
                )
            }
            other => panic!("{statement}: {other:?}"),
        }
    }
    let sent_after = w
        .sandbox
        .recent_requests()
        .iter()
        .filter(|r| r.path == "/v2/sql")
        .count();
    assert_eq!(sent_before, sent_after, "nothing was sent");

    // The sandbox refuses them too, asked without the client's check.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    for statement in [
        "DELETE FROM objects.deals",
        "UPDATE deals SET name = 'x'",
        "PRAGMA table_info(deals)",
    ] {
        let answer = http
            .post(format!("{}/v2/sql", w.sandbox.base_url()))
            .bearer_auth(w.sandbox.api_key())
            .json(&serde_json::json!({ "sql": statement }))
            .send()
            .await
            .expect("an answer");
        assert_eq!(answer.status(), 400, "{statement}");
        let body: serde_json::Value = answer.json().await.expect("json");
        assert_eq!(body["code"], "filter_error", "{body}");
        assert!(
            body["message"]
                .as_str()
                .unwrap_or_default()
                .contains("Only SELECT"),
            "{body}"
        );
    }
    assert_eq!(typed_deals(&w.client).await.len(), 6, "no deal was deleted");
}

#[tokio::test]
async fn an_invalid_query_carries_attios_code_and_message() {
    let w = world().await;
    let err = w
        .client
        .sql_rows("SELECT nope FROM deals")
        .await
        .expect_err("no such column");
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 400);
    assert_eq!(api.code, ErrorCode::FilterError);
    assert!(api.message.contains("nope"), "{}", api.message);
    assert!(err.to_string().contains("POST /v2/sql"), "{err}");

    // Attio's struct field access is not SQLite's: the answer says what to write.
    let err = w
        .client
        .sql_rows("SELECT lists.sales.parent_record.entity_instance_id FROM lists.sales")
        .await
        .expect_err("no struct access in SQLite");
    assert!(err.to_string().contains("->>"), "{err}");
}

#[tokio::test]
async fn a_query_past_the_time_limit_is_cancelled_and_typed() {
    let w = world_with(Sandbox::builder().sql_time_limit(Duration::from_millis(300))).await;
    let started = std::time::Instant::now();
    let err = w
        .client
        .sql_rows("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n")
        .await
        .expect_err("it never ends");
    match &err {
        Error::Sql(SqlError::Timeout {
            status,
            limit,
            message,
            request,
        }) => {
            assert_eq!(*status, 408);
            assert_eq!(limit.as_secs(), 30, "Attio's limit");
            assert!(message.contains("cancelled"), "{message}");
            assert_eq!(request.path(), "/v2/sql");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "not retried: {:?}",
        started.elapsed()
    );
    assert_eq!(err.outcome(), attio::Outcome::NotApplied);
    // The workspace answers the next query.
    assert_eq!(
        w.client.sql_rows("SELECT 1 AS one").await.expect("runs")[0]["one"],
        1
    );
}
