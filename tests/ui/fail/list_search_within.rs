// Search finds records of objects; a list is not an object.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client) -> attio::Result<()> {
    client.search("acme").within::<SalesEntry>().send().await?;
    Ok(())
}

fn main() {
    let _ = run;
}
