//! `attio-sandbox --listen 127.0.0.1:PORT --api-key KEY`: serves until killed, after printing
//! its base URL on one line of stdout.

use std::io::Write;
use std::net::SocketAddr;

use clap::Parser;

/// An Attio-compatible sandbox server.
#[derive(Debug, Parser)]
#[command(name = "attio-sandbox", version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// Bearer token to accept (random if omitted).
    #[arg(long)]
    api_key: Option<String>,
    /// Enforce Attio's rate limits (100 reads/s, 25 writes/s).
    #[arg(long)]
    rate_limits: bool,
    /// Seed for deterministic ids.
    #[arg(long)]
    seed: Option<u64>,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let mut builder = attio_sandbox::Sandbox::builder()
        .listen(args.listen)
        .rate_limits(args.rate_limits);
    if let Some(key) = args.api_key {
        builder = builder.api_key(key);
    }
    if let Some(seed) = args.seed {
        builder = builder.seed(seed);
    }
    let sandbox = builder.start().await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", sandbox.base_url())?;
    out.flush()?;
    drop(out);
    std::future::pending::<()>().await;
    Ok(())
}
