// A list attribute is created from the list struct's fields, not from the parent object's.
#[attio::attio_object(slug = "deals")]
struct Deal {
    name: String,
    value: Option<attio::Currency>,
}

#[attio::attio_list(slug = "deal_pipeline", parent = Deal)]
struct DealEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client) -> attio::Result<()> {
    client.create_list_attribute(Deal::fields().value(), "Value").await?;
    Ok(())
}

fn main() {
    let _ = run;
}
