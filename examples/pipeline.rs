//! A sales pipeline over companies: typed lists and entries, end to end.
//!
//! ```sh
//! cargo run --example pipeline
//! ```
//!
//! It creates the list `sales_pipeline` (over `companies`) with a `stage` status attribute and a
//! `deal_value`, adds five companies to it, moves them through the stages, queries the pipeline
//! by stage and by the company's name, and prints a report with each deal's stage history.
//!
//! With no `ATTIO_API_KEY` set it starts `attio-sandbox`, an Attio-compatible server, in this
//! process on 127.0.0.1, so it runs with no account and no network. With `ATTIO_API_KEY` set it
//! talks to Attio (or to `ATTIO_BASE_URL`), where it creates the list and the companies and leaves
//! them in place: run it against a test workspace.

mod common;

use attio::prelude::*;
use std::collections::BTreeMap;

use attio::{Currency, Entry, RecordId, SelectEnum as _, attio_list, attio_object};
use futures::TryStreamExt as _;

/// The standard `companies` object: the attributes this program uses.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// The company's name.
    pub name: String,
}

/// The pipeline's stages: the statuses of the list's `stage` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, attio::SelectEnum)]
#[attio(status)]
pub enum Stage {
    /// A company we should talk to.
    Lead,
    /// A deal in negotiation.
    #[attio(rename = "In Progress")]
    InProgress,
    /// Signed.
    #[attio(rename = "Won 🎉")]
    Won,
    /// Not this time.
    Lost,
}

/// An entry of the pipeline: the list's own attributes. The company is the entry's parent.
#[attio_list(slug = "sales_pipeline", parent = Company)]
#[derive(Debug, Clone)]
pub struct Deal {
    /// Where the deal is.
    pub stage: Stage,
    /// What it is worth.
    pub deal_value: Option<Currency>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (client, _sandbox) = common::connect().await?;

    // The list, its `stage` statuses (from the enum) and its `deal_value`.
    let list = Deal::create_list(&client, "Sales pipeline").await?;
    println!(
        "created list {} ({}) over {:?}",
        list.name, list.api_slug, list.parent_object
    );
    client
        .create_list_attribute(Deal::fields().stage(), "Stage")
        .await?;
    for title in Stage::TITLES {
        client
            .create_list_choice(Deal::fields().stage(), title)
            .await?;
    }
    client
        .create_list_attribute(Deal::fields().deal_value(), "Deal value")
        .await?;

    // Five companies, each added to the pipeline as a lead.
    let mut deals: BTreeMap<String, Entry<Deal>> = BTreeMap::new();
    for (name, value) in [
        ("Acme Corp", 12_000.0),
        ("Acme Labs", 4_500.0),
        ("Globex", 30_000.0),
        ("Initech", 8_000.0),
        ("Umbrella", 50_000.0),
    ] {
        let company = Company { name: name.into() }.create(&client).await?;
        let lead = Deal {
            stage: Stage::Lead,
            deal_value: Some(Currency::from_f64(value)?),
        };
        let entry = lead.add(&client, &company).await?;
        deals.insert(name.to_owned(), entry);
    }
    println!("added {} companies as leads", deals.len());

    // Move them through the stages, one attribute at a time.
    for (name, stages) in [
        ("Acme Corp", &[Stage::InProgress, Stage::Won][..]),
        ("Acme Labs", &[Stage::InProgress][..]),
        ("Globex", &[Stage::InProgress, Stage::Lost][..]),
        ("Umbrella", &[Stage::InProgress, Stage::Won][..]),
    ] {
        let id = &deals[name].id.entry_id;
        for stage in stages {
            Deal::changes().set_stage(*stage).apply(&client, id).await?;
        }
    }

    // Queries: by stage, and by stage and the company's name (a filter through the parent).
    let open: Vec<Entry<Deal>> = Deal::query()
        .filter(|f| f.stage().is_in([Stage::Lead, Stage::InProgress]))
        .sort(|f| f.deal_value().desc())
        .stream(&client)
        .try_collect()
        .await?;
    let open_acme = Deal::query()
        .filter(|f| {
            f.stage().is_in([Stage::Lead, Stage::InProgress]) & f.parent().name().contains("Acme")
        })
        .collect_all(&client)
        .await?;
    let won = Deal::query()
        .filter(|f| f.stage().eq(Stage::Won))
        .sort(|f| f.parent().name().asc())
        .collect_all(&client)
        .await?;

    // The report.
    let names: BTreeMap<RecordId, String> = deals
        .iter()
        .map(|(name, e)| (e.parent_record_id.clone(), name.clone()))
        .collect();
    let name_of = |e: &Entry<Deal>| names.get(&e.parent_record_id).cloned().unwrap_or_default();
    let value_of = |e: &Entry<Deal>| {
        e.values
            .deal_value
            .as_ref()
            .map_or_else(|| "-".to_owned(), |v| v.to_string())
    };
    println!();
    println!("open deals, largest first:");
    for e in &open {
        println!(
            "  {:<10} {:<12} {}",
            name_of(e),
            title(e.values.stage),
            value_of(e)
        );
    }
    println!(
        "open deals with \"Acme\" in the company's name: {}",
        open_acme.len()
    );
    for e in &open_acme {
        println!("  {}", name_of(e));
    }
    println!("won, by company name:");
    for e in &won {
        let history = Deal::history(&client, &e.id.entry_id, |f| f.stage()).await?;
        let path: Vec<&str> = history.iter().map(|s| title(s.value)).collect();
        println!(
            "  {:<10} {:<12} {}",
            name_of(e),
            value_of(e),
            path.join(" -> ")
        );
    }
    let mut by_stage: BTreeMap<Stage, usize> = BTreeMap::new();
    for stage in [Stage::Lead, Stage::InProgress, Stage::Won, Stage::Lost] {
        let n = Deal::query()
            .filter(|f| f.stage().eq(stage))
            .collect_all(&client)
            .await?
            .len();
        by_stage.insert(stage, n);
    }
    println!("deals by stage:");
    for (stage, n) in &by_stage {
        println!("  {:<12} {n}", title(*stage));
    }
    Ok(())
}

/// The stage's title in Attio.
fn title(stage: Stage) -> &'static str {
    stage.title().unwrap_or("?")
}
