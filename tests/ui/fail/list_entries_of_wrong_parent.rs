// The entries of a record in a list: the record is typed too, so a bare id or a record of another
// object does not compile.
use attio::prelude::*;

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_object(slug = "people")]
struct Person {
    job_title: Option<String>,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(
    client: attio::Client,
    id: attio::RecordId,
    ada: attio::Record<Person>,
) -> attio::Result<()> {
    SalesEntry::entries_of(&client, &id).await?;
    client.entries_of::<SalesEntry, _>(&ada).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
