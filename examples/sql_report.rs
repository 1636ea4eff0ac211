//! A pipeline report from one SQL query each: the value of the open deals of key accounts, per
//! stage and per owner, from a join of the `deals` object with a list of companies.
//!
//! ```sh
//! cargo run --example sql_report
//! ```
//!
//! It creates the list `key_accounts` (over `companies`) with a `segment` select, adds three of
//! six companies to it, creates deals for all six with stages, owners and values, then asks
//! `POST /v2/sql` two questions, each a join of `deals` with `lists.key_accounts` grouped and
//! summed, and decodes the rows into structs with `client.sql::<T>()`.
//!
//! With no `ATTIO_API_KEY` set it starts `attio-sandbox`, an Attio-compatible server, in this
//! process on 127.0.0.1 (its `sql` feature answers `POST /v2/sql` on SQLite), so it runs with no
//! account and no network. With `ATTIO_API_KEY` set it talks to Attio (or to `ATTIO_BASE_URL`;
//! SQL needs the Enterprise plan), where it creates the list, companies and deals and leaves them
//! in place: run it against a test workspace.

mod common;

use attio::prelude::*;
use std::collections::HashMap;

use attio::{ActorReference, Client, Currency, Ref, Status, attio_list, attio_object};
use serde::Deserialize;

/// The standard `companies` object: the attributes this program uses.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// The company's name.
    pub name: String,
}

/// The standard `deals` object.
#[attio_object(slug = "deals")]
#[derive(Debug, Clone)]
pub struct Deal {
    /// The deal's name.
    pub name: String,
    /// Its stage (a status of `deals.stage`: Lead, In Progress, Won 🎉, Lost).
    pub stage: Status,
    /// The workspace member who owns it.
    pub owner: ActorReference,
    /// What it is worth.
    pub value: Option<Currency>,
    /// The company it is with.
    pub associated_company: Option<Ref<Company>>,
}

/// The segment of a key account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, attio::SelectEnum)]
pub enum Segment {
    /// Large companies.
    Enterprise,
    /// Mid-sized ones.
    #[attio(rename = "Mid-market")]
    MidMarket,
}

/// An entry of the list of key accounts; the company is its parent.
#[attio_list(slug = "key_accounts", parent = Company)]
#[derive(Debug, Clone)]
pub struct KeyAccount {
    /// The account's segment.
    pub segment: Segment,
}

/// A row of the report by stage.
#[derive(Debug, Deserialize)]
struct ByStage {
    stage: String,
    deals: i64,
    value: Option<f64>,
}

/// A row of the report by owner: the owner is an actor-reference struct.
#[derive(Debug, Deserialize)]
struct ByOwner {
    owner: serde_json::Value,
    deals: i64,
    value: Option<f64>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (client, sandbox) = common::connect().await?;
    seed(&client).await?;

    // Attio reads a struct's field with `.`; the sandbox's SQLite with `->>`.
    let id_of = |column: &str| match sandbox {
        Some(_) => format!("{column} ->> 'entity_instance_id'"),
        None => format!("{column}.entity_instance_id"),
    };
    let join = format!(
        "FROM deals d JOIN lists.key_accounts k ON {} = {}",
        id_of("d.associated_company"),
        id_of("k.parent_record")
    );

    let by_stage: Vec<ByStage> = client
        .sql(&format!(
            "SELECT d.stage AS stage, count(*) AS deals, sum(d.value) AS value {join} \
             GROUP BY d.stage ORDER BY value DESC"
        ))
        .await?;
    println!("\nKey accounts' pipeline by stage");
    for row in &by_stage {
        println!(
            "  {:<12} {:>2} deals  {:>10.2}",
            row.stage,
            row.deals,
            row.value.unwrap_or(0.0)
        );
    }

    let by_owner: Vec<ByOwner> = client
        .sql(&format!(
            "SELECT d.owner AS owner, count(*) AS deals, sum(d.value) AS value {join} \
             WHERE d.stage NOT IN ('Won 🎉', 'Lost') GROUP BY d.owner ORDER BY value DESC"
        ))
        .await?;
    let names: HashMap<String, String> = client
        .workspace_members()
        .await?
        .into_iter()
        .map(|m| {
            (
                m.id.workspace_member_id.to_string(),
                format!("{} {}", m.first_name, m.last_name),
            )
        })
        .collect();
    println!("\nKey accounts' open pipeline by owner");
    for row in &by_owner {
        let id = row.owner["referenced_actor_id"]
            .as_str()
            .unwrap_or_default();
        let name = names.get(id).map_or(id, String::as_str);
        println!(
            "  {:<20} {:>2} deals  {:>10.2}",
            name,
            row.deals,
            row.value.unwrap_or(0.0)
        );
    }
    Ok(())
}

/// The list and its `segment` options, six companies (three of them key accounts) and their deals.
async fn seed(client: &Client) -> Result<(), Box<dyn std::error::Error>> {
    KeyAccount::create_list(client, "Key accounts").await?;
    client
        .create_list_attribute(KeyAccount::fields().segment(), "Segment")
        .await?;
    for title in <Segment as attio::SelectEnum>::TITLES {
        client
            .create_list_choice(KeyAccount::fields().segment(), title)
            .await?;
    }
    let members = client.workspace_members().await?;
    let owner = |i: usize| members[i % members.len()].to_actor_reference();
    let companies = [
        ("Acme", Some(Segment::Enterprise)),
        ("Globex", Some(Segment::Enterprise)),
        ("Initech", Some(Segment::MidMarket)),
        ("Hooli", None),
        ("Umbrella", None),
        ("Vandelay", None),
    ];
    let stages = ["Lead", "In Progress", "Won 🎉", "Lost"];
    let mut made = 0;
    for (i, (name, segment)) in companies.into_iter().enumerate() {
        let company = Company { name: name.into() }.create(client).await?;
        if let Some(segment) = segment {
            KeyAccount { segment }.add(client, &company).await?;
        }
        for j in 0..3 {
            let n = i * 3 + j;
            Deal {
                name: format!("{name} deal {}", j + 1),
                stage: Status::by_title(stages[n % stages.len()])?,
                owner: owner(n),
                value: Some(Currency::from_f64(10_000.0 * (n as f64 + 1.0))?),
                associated_company: Some(Ref::new(company.id.record_id.clone())),
            }
            .create(client)
            .await?;
            made += 1;
        }
    }
    println!("created the list `key_accounts`, 6 companies (3 key accounts) and {made} deals");
    Ok(())
}
