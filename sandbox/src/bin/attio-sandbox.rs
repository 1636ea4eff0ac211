//! `attio-sandbox --listen 127.0.0.1:PORT --api-key KEY [--workspace Name:slug ...]`: serves
//! until killed, after printing its base URL on one line of stdout.

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
    /// A workspace, as `Name:slug`; repeat it for several. The first is the one the API key
    /// reaches; each other's key is the API key followed by `-` and its slug.
    #[arg(long = "workspace", value_name = "NAME:SLUG", value_parser = name_and_slug)]
    workspaces: Vec<(String, String)>,
}

/// `Name:slug`, split at its last colon.
fn name_and_slug(arg: &str) -> Result<(String, String), String> {
    match arg.rsplit_once(':') {
        Some((name, slug)) if !name.is_empty() && !slug.is_empty() => {
            Ok((name.to_owned(), slug.to_owned()))
        }
        _ => Err(format!(
            "`{arg}` is not a workspace: write its name and slug as `Acme:acme`"
        )),
    }
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
    let mut workspaces = args.workspaces.into_iter();
    if let Some((name, slug)) = workspaces.next() {
        builder = builder.workspace(name, slug);
    }
    for (name, slug) in workspaces {
        builder = builder.add_workspace(name, slug);
    }
    let sandbox = builder.start().await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", sandbox.base_url())?;
    out.flush()?;
    drop(out);
    std::future::pending::<()>().await;
    Ok(())
}
