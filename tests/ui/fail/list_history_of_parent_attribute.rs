// A parent attribute's handle filters entries but names no attribute of the list.
use attio::prelude::*;

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, id: attio::EntryId) -> attio::Result<()> {
    SalesEntry::history(&client, &id, |f| f.parent().name()).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
