//! `socert`: the command that serves, migrates and seeds a socert deployment.

use std::process::ExitCode;

use clap::Parser;

mod bench;
mod bench_claims;
mod bench_issue;
mod bench_search;
mod cli;
mod config;

#[tokio::main]
async fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
