//! `attio`: see `attio --help`, and the `attio_cli` library that does the work.

use clap::Parser as _;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = attio_cli::cli::Cli::parse();
    let result = attio_cli::run(cli, &mut std::io::stdout().lock(), &mut std::io::stderr()).await;
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
