// An `activity-record.*` event names an activity's record; an object's struct cannot read it.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

async fn run(
    client: attio::Client,
    event: attio::webhooks::ActivityRecordEvent,
) -> attio::Result<()> {
    event.fetch::<Company>(&client).await?;
    client.activity_of::<Company>().await?;
    Ok(())
}

fn main() {
    let _ = run;
}
