// The operations are methods of the traits in `attio::prelude`: without the import, rustc names
// the trait to bring into scope.
#[attio::attio_object(slug = "users")]
struct User {
    user_id: String,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    let user = User::get(&client, &id).await?;
    user.values.update(&client, &id).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
