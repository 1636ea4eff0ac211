//! What the examples share: how they connect.

use attio::Client;
use attio_sandbox::Sandbox;

/// Against Attio when `ATTIO_API_KEY` is set; otherwise against a sandbox started in this process
/// (keep the `Sandbox` for as long as the client is used: dropping it stops the server).
pub async fn connect() -> Result<(Client, Option<Sandbox>), Box<dyn std::error::Error>> {
    if std::env::var(attio::API_KEY_ENV).is_ok() {
        let client = Client::from_env()?;
        println!("Talking to {}", client.base_url());
        return Ok((client, None));
    }
    let sandbox = Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()?;
    println!(
        "ATTIO_API_KEY is not set: using the in-process sandbox at {}",
        sandbox.base_url()
    );
    Ok((client, Some(sandbox)))
}
