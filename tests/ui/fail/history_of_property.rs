use attio::prelude::*;
use attio::attio_object;

#[attio_object(slug = "people")]
struct Person {
    #[attio(read_only)]
    last_email_interaction: Option<attio::Interaction>,
}

#[allow(dead_code)]
async fn run(client: &attio::Client, id: &attio::RecordId) -> attio::Result<()> {
    // History is kept per attribute: `|f| f.last_email_interaction()` names it.
    let _ = Person::history(client, id, |f| f.last_email_interaction().interacted_at()).await?;
    Ok(())
}

fn main() {}
