// A list's entries have one parent object: a company is not a parent of a list over deals.
use attio::prelude::*;

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_object(slug = "deals")]
struct Deal {
    name: String,
}

#[attio::attio_list(slug = "deal_pipeline", parent = Deal)]
struct DealEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, entry: DealEntry) -> attio::Result<()> {
    let acme = Company { name: "Acme".into() }.create(&client).await?;
    entry.add(&client, &acme).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
