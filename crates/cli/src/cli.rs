//! Commands and their wiring. Each command is a short function: load config, open the store, act.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use socert_domain::identity::{Grant, Login, Role, check_new_password};
use socert_domain::{AuthorityId, secret};
use socert_store::audit::Actor;
use socert_store::identity::NewUser;
use socert_store::{Store, demo, redact_url};
use socert_web::AppState;
use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};

/// socert: social certificates, where money follows the recipient.
///
/// Configuration comes from defaults, then `socert.toml` in the working directory (or --config),
/// then SOCERT_* environment variables (SOCERT_BIND, SOCERT_LOG, SOCERT_LOG_FORMAT, SOCERT_DEMO,
/// SOCERT_SHUTDOWN_GRACE_SECONDS) and DATABASE_URL, then these flags.
#[derive(Debug, Parser)]
#[command(name = "socert", version, about, long_about)]
pub struct Args {
    /// Configuration file (TOML). Default: socert.toml if it exists.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Database: sqlite://PATH (default sqlite://socert.db) or postgres://USER@HOST/DB.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate the database, load demo data if it is empty, and serve the API.
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// Do not load demo data into an empty database.
        #[arg(long)]
        no_demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load demo data (two authorities with their service catalogues).
    Demo {
        /// Delete ALL data first, then load the demo data afresh.
        #[arg(long)]
        reset: bool,
    },
    /// Check every ledger invariant; exits non-zero naming each violation.
    Verify,
    /// Manage users.
    User {
        #[command(subcommand)]
        what: UserCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        what: AuditCommand,
    },
    /// Issue certificates of a program to the people of a CSV file or XLSX workbook (columns in
    /// the README), with a progress bar and a per-row report. Running the same file again issues
    /// nothing twice.
    Issue {
        /// The CSV file or XLSX workbook of recipients.
        file: PathBuf,
        /// The authority running the program.
        #[arg(long, value_name = "ID")]
        authority: String,
        /// The program whose certificates to issue.
        #[arg(long, value_name = "ID")]
        program: String,
        /// Also write the per-row report as CSV to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Close a settlement period: approved claims of periods ending on or before the date become
    /// one payment batch (once per authority and date); write its payment register.
    Settle {
        /// The authority paying.
        #[arg(long, value_name = "ID")]
        authority: String,
        /// Last day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        period_to: String,
        /// Write the payment register here (`.csv` or `.xlsx`).
        #[arg(long, value_name = "FILE")]
        register: Option<PathBuf>,
    },
    /// Import data from files.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Export open data.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Measure performance on a throwaway database (never the configured one).
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create a user: a deployment-wide superadmin, or staff of one authority. The password is
    /// read from standard input with --password-stdin, or from SOCERT_NEW_PASSWORD.
    Create {
        /// Sign-in name, e.g. an e-mail address.
        #[arg(long)]
        login: String,
        /// Name shown to colleagues.
        #[arg(long)]
        name: String,
        /// Make the user a superadmin of the whole deployment.
        #[arg(long, conflicts_with_all = ["authority", "role"])]
        superadmin: bool,
        /// Authority id for a staff role.
        #[arg(long, requires = "role")]
        authority: Option<String>,
        /// admin, officer or auditor.
        #[arg(long, requires = "authority")]
        role: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Register and admit providers from a CSV file (columns in the README). Valid rows are
    /// imported, invalid rows reported; a tax id already registered is left unchanged, so running
    /// the same file twice changes nothing.
    Providers {
        /// The CSV file.
        file: PathBuf,
        /// The authority that admits them.
        #[arg(long, value_name = "ID")]
        authority: String,
        /// Also write the per-row report as CSV to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// The registry of admitted providers and their offers (schema in the README).
    Registry {
        /// json or csv.
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
        /// Only this authority's registry.
        #[arg(long, value_name = "ID")]
        authority: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Recompute every hash chain; exits non-zero naming the first broken link of each chain.
    Verify,
}

#[derive(Debug, Subcommand)]
enum BenchCommand {
    /// Public registry search: queries/s and p50/p99 over HTTP on loopback, next to the same
    /// searches made directly against the store, on a synthetic registry.
    Search {
        /// Admitted providers to generate.
        #[arg(long, default_value_t = 100_000)]
        providers: u32,
        /// Offers per provider.
        #[arg(long, default_value_t = 3)]
        offers_per_provider: u32,
        /// Concurrent clients.
        #[arg(long, default_value_t = 8)]
        clients: usize,
        /// Seconds per measurement.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Which backends: sqlite, postgres or both.
        #[arg(long, default_value = "postgres", value_parser = ["sqlite", "postgres", "both"])]
        backend: String,
        /// PostgreSQL server (default: DATABASE_URL if it is PostgreSQL, else the local one).
        #[arg(long, value_name = "URL")]
        postgres_url: Option<String>,
    },
    /// Bulk issuance of certificates: recipients/s through the same path as an uploaded file,
    /// with plain INSERTs of as many rows as the reference.
    Issue {
        /// Recipients in the generated file.
        #[arg(long, default_value_t = 100_000)]
        recipients: usize,
        /// Which backends: sqlite, postgres or both.
        #[arg(long, default_value = "both", value_parser = ["sqlite", "postgres", "both"])]
        backend: String,
        /// PostgreSQL server (default: DATABASE_URL if it is PostgreSQL, else the local one).
        #[arg(long, value_name = "URL")]
        postgres_url: Option<String>,
    },
    /// Providers submitting delivery records and claims over HTTP (claim lines/s, p50/p99), then
    /// the settlement of a period of 2 000 000 claim lines; `pgbench -b tpcb-like` and a raw
    /// GROUP BY over the same lines as references.
    Claims {
        /// Concurrent clients (one provider each).
        #[arg(long, default_value_t = 8)]
        clients: usize,
        /// Seconds per HTTP phase (deliveries, then claims).
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Claim lines in the settled period.
        #[arg(long, default_value_t = 2_000_000)]
        lines: u64,
        /// Records per delivery request and lines per claim.
        #[arg(long, default_value_t = 50)]
        lines_per_claim: usize,
        /// Which backends: sqlite, postgres or both.
        #[arg(long, default_value = "postgres", value_parser = ["sqlite", "postgres", "both"])]
        backend: String,
        /// PostgreSQL server (default: DATABASE_URL if it is PostgreSQL, else the local one).
        #[arg(long, value_name = "URL")]
        postgres_url: Option<String>,
    },
    /// Ledger transfers/s and latency, spread over many accounts and on one hot account, with
    /// `pgbench -b tpcb-like` on PostgreSQL as the reference.
    Ledger {
        /// Concurrent clients.
        #[arg(long, default_value_t = 8)]
        clients: usize,
        /// Seconds per workload.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Budget accounts in the spread workload.
        #[arg(long, default_value_t = 1000)]
        accounts: usize,
        /// Which backends: sqlite, postgres or both.
        #[arg(long, default_value = "both", value_parser = ["sqlite", "postgres", "both"])]
        backend: String,
        /// PostgreSQL server for the run (default: DATABASE_URL if it is PostgreSQL, else the
        /// local server). A scratch database is created there and dropped after.
        #[arg(long, value_name = "URL")]
        postgres_url: Option<String>,
    },
}

pub async fn run(args: Args) -> anyhow::Result<()> {
    let mut config = Config::load(args.config.as_deref())?;
    if let Some(url) = args.database_url {
        config.database_url = url;
    }
    // Benchmarks serve thousands of requests: one log line each would drown their figures.
    if matches!(args.command, Command::Bench { .. }) && std::env::var_os("SOCERT_LOG").is_none() {
        config.log = "warn".to_owned();
    }
    init_logging(&config)?;
    match args.command {
        Command::Serve { bind, no_demo } => {
            if let Some(bind) = bind {
                config.bind = bind;
            }
            if no_demo {
                config.demo = false;
            }
            serve(config).await
        }
        Command::Migrate => {
            let store = open(&config).await?;
            println!(
                "Database {} is up to date.",
                redact_url(&config.database_url)
            );
            store.close().await;
            Ok(())
        }
        Command::Demo { reset } => {
            let store = open(&config).await?;
            let result = load_demo(store.as_ref(), reset).await;
            store.close().await;
            result
        }
        Command::Verify => {
            let store = open(&config).await?;
            let result = verify(store.as_ref()).await;
            store.close().await;
            result
        }
        Command::User {
            what:
                UserCommand::Create {
                    login,
                    name,
                    superadmin,
                    authority,
                    role,
                    password_stdin,
                },
        } => {
            let grant = if superadmin {
                Grant::new(Role::Superadmin, None, None)?
            } else {
                let authority = authority
                    .context("give --superadmin, or --authority and --role")?
                    .parse::<AuthorityId>()
                    .context("--authority must be an authority id (a UUID)")?;
                let role: Role = role.as_deref().unwrap_or_default().parse()?;
                anyhow::ensure!(
                    matches!(role, Role::Admin | Role::Officer | Role::Auditor),
                    "--role must be admin, officer or auditor"
                );
                Grant::new(role, Some(authority), None)?
            };
            let password = read_new_password(password_stdin)?;
            let store = open(&config).await?;
            let result = create_user(store.as_ref(), &login, &name, &password, grant).await;
            store.close().await;
            result
        }
        Command::Issue {
            file,
            authority,
            program,
            report,
        } => {
            let authority = authority
                .parse::<AuthorityId>()
                .context("--authority must be an authority id (a UUID)")?;
            let program = program
                .parse::<uuid::Uuid>()
                .context("--program must be a program id (a UUID)")?;
            let csv =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let store = open(&config).await?;
            let result = issue_certificates(
                store.as_ref(),
                authority,
                program,
                &file,
                &csv,
                report.as_deref(),
            )
            .await;
            store.close().await;
            result
        }
        Command::Settle {
            authority,
            period_to,
            register,
        } => {
            let authority = authority
                .parse::<AuthorityId>()
                .context("--authority must be an authority id (a UUID)")?;
            let period_to: socert_domain::Date = period_to.parse().with_context(|| {
                format!("--period-to {period_to:?} is not a date: write YYYY-MM-DD")
            })?;
            let store = open(&config).await?;
            let result = settle(store.as_ref(), authority, period_to, register.as_deref()).await;
            store.close().await;
            result
        }
        Command::Import {
            what:
                ImportCommand::Providers {
                    file,
                    authority,
                    report,
                },
        } => {
            let authority = authority
                .parse::<AuthorityId>()
                .context("--authority must be an authority id (a UUID)")?;
            let csv =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let store = open(&config).await?;
            let result = import_providers(store.as_ref(), authority, &csv, report.as_deref()).await;
            store.close().await;
            result
        }
        Command::Export {
            what:
                ExportCommand::Registry {
                    format,
                    authority,
                    output,
                },
        } => {
            let authority = authority
                .map(|a| a.parse::<AuthorityId>())
                .transpose()
                .context("--authority must be an authority id (a UUID)")?;
            let store = open(&config).await?;
            let result =
                export_registry(store.as_ref(), authority, &format, output.as_deref()).await;
            store.close().await;
            result
        }
        Command::Audit {
            what: AuditCommand::Verify,
        } => {
            let store = open(&config).await?;
            let result = verify_audit(store.as_ref()).await;
            store.close().await;
            result
        }
        Command::Bench {
            what:
                BenchCommand::Search {
                    providers,
                    offers_per_provider,
                    clients,
                    seconds,
                    backend,
                    postgres_url,
                },
        } => {
            let server = postgres_url.unwrap_or_else(|| postgres_server(&config));
            crate::bench_search::run(crate::bench_search::SearchBench {
                providers,
                offers_per_provider,
                clients,
                seconds,
                sqlite: backend != "postgres",
                postgres_url: (backend != "sqlite").then_some(server),
            })
            .await
        }
        Command::Bench {
            what:
                BenchCommand::Issue {
                    recipients,
                    backend,
                    postgres_url,
                },
        } => {
            let server = postgres_url.unwrap_or_else(|| postgres_server(&config));
            crate::bench_issue::run(crate::bench_issue::IssueBench {
                recipients,
                sqlite: backend != "postgres",
                postgres_url: (backend != "sqlite").then_some(server),
            })
            .await
        }
        Command::Bench {
            what:
                BenchCommand::Claims {
                    clients,
                    seconds,
                    lines,
                    lines_per_claim,
                    backend,
                    postgres_url,
                },
        } => {
            anyhow::ensure!(
                (1..=5000).contains(&lines_per_claim) && clients > 0,
                "--lines-per-claim must be 1 to 5000 and --clients at least 1"
            );
            let server = postgres_url.unwrap_or_else(|| postgres_server(&config));
            crate::bench_claims::run(crate::bench_claims::ClaimsBench {
                clients,
                seconds,
                lines,
                lines_per_claim,
                sqlite: backend != "postgres",
                postgres_url: (backend != "sqlite").then_some(server),
            })
            .await
        }
        Command::Bench {
            what:
                BenchCommand::Ledger {
                    clients,
                    seconds,
                    accounts,
                    backend,
                    postgres_url,
                },
        } => {
            let server = postgres_url.unwrap_or_else(|| postgres_server(&config));
            crate::bench::ledger(crate::bench::LedgerBench {
                clients,
                seconds,
                accounts,
                sqlite: backend != "postgres",
                postgres_url: (backend != "sqlite").then_some(server),
            })
            .await
        }
    }
}

async fn issue_certificates(
    store: &dyn Store,
    authority: AuthorityId,
    program: uuid::Uuid,
    file: &std::path::Path,
    csv: &[u8],
    report_file: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let tenant = store
        .authority(authority)
        .await
        .context("no such authority")?;
    store
        .program(authority, program)
        .await
        .context("no such program in this authority")?;
    let today = socert_web::api::dto::today_in(&tenant);
    let rows =
        socert_web::recipient_csv::parse_recipients(csv, tenant.country, today, tenant.locale)
            .with_context(|| format!("{} is not a file of recipients", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let run = store
        .create_run(authority, program, &name, rows.len() as i64)
        .await?;
    let bar = indicatif::ProgressBar::new(rows.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("issuing [{bar:40}] {pos}/{len} rows, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let result = socert_web::api::issuance::run_issuance(
        store,
        authority,
        program,
        run.id,
        &rows,
        today,
        tenant.locale,
        &Actor::system("cli-issue"),
        &|done| bar.set_position(done as u64),
    )
    .await;
    bar.finish_and_clear();
    store
        .finish_run(
            run.id,
            result.as_ref().err().map(|e| e.to_string()).as_deref(),
        )
        .await?;
    result?;
    let rows = store.run_rows(authority, run.id).await?;
    for row in rows.iter().filter(|r| r.outcome == "refused") {
        for (field, message) in row.details() {
            println!("line {}: {field}: {message}", row.line);
        }
    }
    if let Some(path) = report_file {
        let csv = socert_web::api::issuance::report_csv(&rows)?;
        std::fs::write(path, csv).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let run = store.run(authority, run.id).await?;
    println!(
        "Issued {}, waitlisted {}, already issued {}, refused {} of {} rows (run {}).",
        run.issued, run.waitlisted, run.already, run.refused, run.rows_total, run.id
    );
    Ok(())
}

async fn import_providers(
    store: &dyn Store,
    authority: AuthorityId,
    csv: &[u8],
    report_file: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    store
        .authority(authority)
        .await
        .context("no such authority")?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("importing [{bar:40}] {pos}/{len} rows")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let report = socert_web::api::import::import_providers(
        store,
        authority,
        csv,
        &Actor::system("cli-import"),
        &progress,
    )
    .await?;
    bar.finish_and_clear();
    for row in report.rows.iter().filter(|r| r.status == "refused") {
        for error in &row.errors {
            println!("line {}: {}: {}", row.line, error.field, error.message);
        }
    }
    if let Some(path) = report_file {
        let mut writer = csv::Writer::from_path(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        writer.write_record(["line", "status", "provider_id", "field", "message"])?;
        for row in &report.rows {
            let id = row.provider_id.map(|id| id.to_string()).unwrap_or_default();
            if row.errors.is_empty() {
                writer.write_record([row.line.to_string().as_str(), row.status, &id, "", ""])?;
            }
            for error in &row.errors {
                writer.write_record([
                    row.line.to_string().as_str(),
                    row.status,
                    &id,
                    &error.field,
                    &error.message,
                ])?;
            }
        }
        writer.flush()?;
    }
    println!(
        "Imported {}, unchanged {}, refused {} of {} rows.",
        report.imported,
        report.unchanged,
        report.refused,
        report.rows.len()
    );
    Ok(())
}

async fn export_registry(
    store: &dyn Store,
    authority: Option<AuthorityId>,
    format: &str,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use socert_web::api::open_data;
    let records = open_data::registry_records(store, authority).await?;
    let count = records.len();
    let bytes = if format == "json" {
        serde_json::to_vec_pretty(&open_data::to_json(records))?
    } else {
        open_data::to_csv(&records)?
    };
    match output {
        Some(path) => {
            std::fs::write(path, bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("Exported {count} offers to {}.", path.display());
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(())
}

fn read_new_password(from_stdin: bool) -> anyhow::Result<String> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        std::env::var("SOCERT_NEW_PASSWORD").context(
            "give the password on standard input with --password-stdin, or in SOCERT_NEW_PASSWORD",
        )?
    };
    check_new_password(&password)?;
    Ok(password)
}

async fn create_user(
    store: &dyn Store,
    login: &str,
    name: &str,
    password: &str,
    grant: Grant,
) -> anyhow::Result<()> {
    let login = Login::parse(login)?;
    let name = name.trim();
    anyhow::ensure!(!name.is_empty(), "--name must not be empty");
    let password_hash = secret::hash_password(password)?;
    let user = store
        .create_user(
            NewUser {
                login,
                display_name: name.to_owned(),
                password_hash,
                grants: vec![grant],
            },
            &Actor::system("cli"),
        )
        .await?;
    println!(
        "Created user {} ({}) as {}.",
        user.login, user.id, grant.role
    );
    Ok(())
}

async fn verify_audit(store: &dyn Store) -> anyhow::Result<()> {
    let report = store.verify_audit().await?;
    for link in &report.broken {
        let chain = link
            .authority
            .map_or_else(|| "deployment".to_owned(), |a| format!("authority {a}"));
        let event = link
            .event_id
            .map(|id| format!(" (event {id})"))
            .unwrap_or_default();
        println!(
            "BROKEN {chain}, event #{}{event}: {}",
            link.seq, link.problem
        );
    }
    anyhow::ensure!(
        report.broken.is_empty(),
        "{} of {} audit chains are broken",
        report.broken.len(),
        report.chains
    );
    println!(
        "Audit log verified: {} chains, {} events, every link holds.",
        report.chains, report.events
    );
    Ok(())
}

/// `socert settle`: one batch per authority and period end (the key makes a re-run return the
/// same batch), and its register.
async fn settle(
    store: &dyn Store,
    authority: AuthorityId,
    period_to: socert_domain::Date,
    register: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    store.authority(authority).await?;
    let key = socert_domain::ledger::IdempotencyKey::parse(&format!("cli-settle:{period_to}"))?;
    let Some(batch) = store
        .settle(authority, period_to, &key, &Actor::system("cli-settle"))
        .await?
    else {
        println!(
            "Nothing to settle: no approved claim of a period ending by {period_to} waits for payment."
        );
        return Ok(());
    };
    println!(
        "Payment batch {}: {} payment(s), {} claim(s), {} in total (period up to {}).",
        batch.batch.id,
        batch.payments.len(),
        batch.batch.claims,
        batch.batch.total.format(socert_domain::Locale::En),
        batch.batch.period_to
    );
    if let Some(path) = register {
        let xlsx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        let bytes = if xlsx {
            socert_web::api::settlement::register_xlsx(&batch)
        } else {
            socert_web::api::settlement::register_csv(&batch)
        }
        .map_err(|e| anyhow::anyhow!("cannot write the register: {e}"))?;
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        println!("Payment register written to {}.", path.display());
    }
    Ok(())
}

/// The PostgreSQL server benchmarks make their scratch databases on.
fn postgres_server(config: &Config) -> String {
    if config.database_url.starts_with("postgres") {
        config.database_url.clone()
    } else {
        socert_store::scratch::DEFAULT_TEST_POSTGRES_URL.to_owned()
    }
}

async fn verify(store: &dyn Store) -> anyhow::Result<()> {
    let mut report = store.verify_ledger(None).await?;
    report.violations.extend(store.verify_programs(None).await?);
    report
        .violations
        .extend(store.verify_enrollments(None).await?);
    for violation in &report.violations {
        println!(
            "VIOLATION {}: {}: {}",
            violation.rule, violation.subject, violation.detail
        );
    }
    anyhow::ensure!(
        report.violations.is_empty(),
        "{} ledger invariant violation(s) in {} accounts and {} transactions",
        report.violations.len(),
        report.accounts,
        report.transactions
    );
    println!(
        "Ledger verified: {} accounts, {} transactions, every invariant holds; program budgets reconcile with their certificates.",
        report.accounts, report.transactions
    );
    Ok(())
}

fn init_logging(config: &Config) -> anyhow::Result<()> {
    // sqlx reports slow statements at WARN, with their text: useful, but not per benchmark query.
    let sqlx_level = if config.log == "warn" {
        "error"
    } else {
        "warn"
    };
    let filter = EnvFilter::try_new(format!("{},sqlx={sqlx_level}", config.log))
        .with_context(|| format!("invalid log filter {:?}", config.log))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    match config.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
    Ok(())
}

/// Opens and migrates the configured database.
async fn open(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    let shown = redact_url(&config.database_url);
    let store = socert_store::open(&config.database_url)
        .await
        .with_context(|| format!("cannot open database {shown}"))?;
    store
        .migrate()
        .await
        .with_context(|| format!("cannot migrate database {shown}"))?;
    Ok(store)
}

async fn load_demo(store: &dyn Store, reset: bool) -> anyhow::Result<()> {
    let summary = if reset {
        demo::reset(store).await?
    } else {
        match demo::load_if_empty(store).await? {
            Some(summary) => summary,
            None => anyhow::bail!(
                "the database already has data; run `socert demo --reset` to replace ALL of it with demo data"
            ),
        }
    };
    println!(
        "Demo data loaded: {} authorities, {} services, {} providers with {} offers.",
        summary.authorities, summary.services, summary.providers, summary.offers
    );
    print_demo_users(&summary);
    Ok(())
}

/// For local use only: the demo users share a published password.
fn print_demo_users(summary: &demo::DemoSummary) {
    println!(
        "Demo users (password {:?}, for local use only): {}",
        demo::DEMO_PASSWORD,
        summary.logins.join(", ")
    );
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let store = open(&config).await?;
    if config.demo
        && let Some(summary) = demo::load_if_empty(store.as_ref()).await?
    {
        tracing::info!(
            authorities = summary.authorities,
            services = summary.services,
            providers = summary.providers,
            offers = summary.offers,
            "empty database: demo data loaded"
        );
        print_demo_users(&summary);
    }
    let interrupted = store.interrupt_running_runs().await?;
    if interrupted > 0 {
        tracing::warn!(
            interrupted,
            "bulk issuance runs cut off by the last stop were marked failed"
        );
    }
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let address = listener.local_addr()?;
    println!("socert is serving http://{address} (API docs: http://{address}/api/docs)");
    tracing::info!(%address, database = %redact_url(&config.database_url), "listening");
    let jobs = tokio::spawn(expiry_job(store.clone()));
    socert_web::serve(
        listener,
        AppState {
            store: store.clone(),
        },
        shutdown_signal(),
        Duration::from_secs(config.shutdown_grace_seconds),
    )
    .await
    .context("server failed")?;
    jobs.abort();
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// The daily certificate expiry and enrollment jobs (auto-confirmation, reminders, ending
/// enrollments, scheduled settlement), checked every hour: each authority runs on its own local
/// date, so a run right after local midnight catches the day's work within the hour. A failed
/// run is logged and tried again next hour; every step is its own transaction and idempotent.
async fn expiry_job(store: std::sync::Arc<dyn Store>) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match socert_web::api::programs::expire_everywhere(store.as_ref()).await {
            Ok(0) => {}
            Ok(expired) => tracing::info!(expired, "certificates expired"),
            Err(err) => {
                tracing::error!(error = %err, "certificate expiry failed; retrying in an hour")
            }
        }
        // After expiry, so that enrollments of certificates expired today end in the same run.
        match socert_web::api::settlement::daily_jobs_everywhere(store.as_ref()).await {
            Ok(report) => tracing::info!(
                auto_confirmed = report.auto_confirmed,
                reminded = report.reminded,
                enrollments_ended = report.enrollments_ended,
                holds_released = report.holds_released,
                batches = report.batches,
                "daily jobs ran"
            ),
            Err(err) => tracing::error!(error = %err, "daily jobs failed; retrying in an hour"),
        }
    }
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM (what service managers send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
