//! `socert bench ledger`: ledger throughput and latency on a throwaway database, next to
//! `pgbench -b tpcb-like` measured in the same run with the same clients and duration.
//!
//! Workloads: `spread` transfers between random pairs of many budget accounts (little
//! contention); `hot` draws every transfer from one budget account (every command waits for the
//! same row lock). A ledger transfer is comparable to a TPC-B transaction: one transaction row,
//! two balance updates, two history rows.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use socert_domain::ledger::{AccountKind, AccountRef, Command, IdempotencyKey};
use socert_domain::{
    Authority, AuthorityId, AuthoritySettings, Country, Currency, Locale, LocalizedText, Money,
    Timestamp,
};
use socert_store::scratch::ScratchDatabase;
use socert_store::{Error as StoreError, Store};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct LedgerBench {
    pub clients: usize,
    pub seconds: u64,
    pub accounts: usize,
    pub sqlite: bool,
    /// Server for the PostgreSQL run (a scratch database is created there and dropped after).
    pub postgres_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Workload {
    Spread,
    Hot,
}

struct Measured {
    committed: u64,
    refused: u64,
    tps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

pub async fn ledger(options: LedgerBench) -> anyhow::Result<()> {
    anyhow::ensure!(
        options.clients > 0 && options.seconds > 0 && options.accounts >= 2,
        "clients and seconds must be positive and accounts at least 2"
    );
    println!(
        "socert bench ledger: {} clients, {} s per workload, {} accounts",
        options.clients, options.seconds, options.accounts
    );
    if options.sqlite {
        let database = ScratchDatabase::sqlite()?;
        run_backend("sqlite", &database, &options, None).await?;
    }
    if let Some(server) = &options.postgres_url {
        let database = ScratchDatabase::postgres(server).await.with_context(|| {
            format!(
                "cannot create a scratch database on {}",
                socert_store::redact_url(server)
            )
        })?;
        let pgbench = pgbench(server, &options).await;
        run_backend(
            "postgres",
            &database,
            &options,
            pgbench.as_ref().ok().copied(),
        )
        .await?;
        if let Err(err) = pgbench {
            println!("pgbench reference not available: {err:#}");
        }
    }
    Ok(())
}

async fn run_backend(
    name: &str,
    database: &ScratchDatabase,
    options: &LedgerBench,
    pgbench_tps: Option<f64>,
) -> anyhow::Result<()> {
    let store = socert_store::open(&database.url).await?;
    store.migrate().await?;
    let (authority, budgets) = setup(store.as_ref(), options.accounts).await?;
    let spread = measure(name, Workload::Spread, &store, authority, &budgets, options).await?;
    let hot = measure(name, Workload::Hot, &store, authority, &budgets, options).await?;
    let report = store.verify_ledger(None).await?;
    store.close().await;

    println!();
    println!("{name}:");
    for (label, m) in [("spread", &spread), ("hot", &hot)] {
        println!(
            "  {label:<7} {:>9.0} transfers/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({} committed, {} refused)",
            m.tps, m.p50_ms, m.p99_ms, m.committed, m.refused
        );
    }
    println!(
        "  hot / spread = {:.2}  (target >= 0.5)",
        hot.tps / spread.tps
    );
    if let Some(reference) = pgbench_tps {
        println!("  pgbench -b tpcb-like (same clients and duration): {reference:.0} tps");
        println!(
            "  spread / pgbench = {:.2}  (target >= 0.8)",
            spread.tps / reference
        );
    }
    println!(
        "  verify: {} accounts, {} transactions, {} invariant violations",
        report.accounts,
        report.transactions,
        report.violations.len()
    );
    if !report.violations.is_empty() {
        bail!(
            "the ledger is inconsistent after the benchmark: {:?}",
            report.violations
        );
    }
    Ok(())
}

/// An authority with `accounts` budget accounts, each funded well beyond what the run can spend.
async fn setup(
    store: &dyn Store,
    accounts: usize,
) -> anyhow::Result<(AuthorityId, Vec<AccountRef>)> {
    let authority = AuthorityId::new();
    store
        .create_authority(
            &Authority {
                id: authority,
                names: LocalizedText::new(
                    "Нагрузочный край",
                    "Навантажувальний край",
                    "Benchmark Krai",
                )?,
                region_code: "00".to_owned(),
                country: Country::Russia,
                currency: Currency::Rub,
                locale: Locale::Ru,
                time_zone: "UTC".to_owned(),
                settings: AuthoritySettings::default(),
                created_at: Timestamp::now(),
            },
            &socert_store::audit::Actor::system("bench"),
        )
        .await?;
    let funding = AccountRef::new(AccountKind::Funding, authority.as_uuid());
    let bar = progress(accounts as u64, "opening and funding accounts");
    let mut budgets = Vec::with_capacity(accounts);
    for _ in 0..accounts {
        let budget = AccountRef::new(AccountKind::Budget, Uuid::now_v7());
        store.open_account(authority, budget, Currency::Rub).await?;
        let fund = Command::Transfer {
            from: funding,
            to: budget,
            amount: Money::from_minor(1_000_000_000_000, Currency::Rub),
            memo: None,
        };
        store.post(authority, &key(), &fund).await?;
        budgets.push(budget);
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok((authority, budgets))
}

async fn measure(
    backend: &str,
    workload: Workload,
    store: &Arc<dyn Store>,
    authority: AuthorityId,
    budgets: &[AccountRef],
    options: &LedgerBench,
) -> anyhow::Result<Measured> {
    let duration = Duration::from_secs(options.seconds);
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let budgets: Arc<Vec<AccountRef>> = Arc::new(budgets.to_vec());
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(options.clients);
    for client in 0..options.clients {
        let (store, stop, done, budgets) =
            (store.clone(), stop.clone(), done.clone(), budgets.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies_us: Vec<u32> = Vec::new();
            let mut refused = 0u64;
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (client as u64 + 1));
            while !stop.load(Ordering::Relaxed) {
                let (from, to) = match workload {
                    Workload::Spread => {
                        let from = rng.below(budgets.len());
                        let mut to = rng.below(budgets.len() - 1);
                        if to >= from {
                            to += 1;
                        }
                        (budgets[from], budgets[to])
                    }
                    Workload::Hot => (budgets[0], budgets[1 + rng.below(budgets.len() - 1)]),
                };
                let command = Command::Transfer {
                    from,
                    to,
                    amount: Money::from_minor(100, Currency::Rub),
                    memo: None,
                };
                let began = Instant::now();
                match store.post(authority, &key(), &command).await {
                    Ok(_) => {
                        latencies_us
                            .push(u32::try_from(began.elapsed().as_micros()).unwrap_or(u32::MAX));
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(StoreError::InsufficientFunds { .. }) => refused += 1,
                    Err(err) => return Err(anyhow::Error::new(err)),
                }
            }
            Ok::<_, anyhow::Error>((latencies_us, refused))
        }));
    }
    let bar = progress(
        options.seconds,
        &format!("{backend} {workload:?}").to_lowercase(),
    );
    while started.elapsed() < duration {
        tokio::time::sleep(Duration::from_secs(1).min(duration.saturating_sub(started.elapsed())))
            .await;
        bar.set_position(started.elapsed().as_secs().min(options.seconds));
        bar.set_message(format!("{} transfers", done.load(Ordering::Relaxed)));
    }
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    let mut refused = 0;
    for task in tasks {
        let (mut own, own_refused) = task.await??;
        latencies.append(&mut own);
        refused += own_refused;
    }
    let elapsed = started.elapsed().as_secs_f64();
    bar.finish_and_clear();
    latencies.sort_unstable();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let index = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        f64::from(latencies[index]) / 1000.0
    };
    Ok(Measured {
        committed: latencies.len() as u64,
        refused,
        tps: latencies.len() as f64 / elapsed,
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
    })
}

/// `pgbench -b tpcb-like` TPS with `clients` clients for `seconds`, for other benchmarks' ratios.
pub(crate) async fn pgbench_tps(server: &str, clients: usize, seconds: u64) -> anyhow::Result<f64> {
    pgbench(
        server,
        &LedgerBench {
            clients,
            seconds,
            accounts: 0,
            sqlite: false,
            postgres_url: None,
        },
    )
    .await
}

/// Runs `pgbench -b tpcb-like` on its own scratch database with the same clients and duration.
/// Scale equals the client count so that, like our spread workload, clients rarely share a
/// branch row.
async fn pgbench(server: &str, options: &LedgerBench) -> anyhow::Result<f64> {
    let database = ScratchDatabase::postgres(server).await?;
    let scale = options.clients.max(1).to_string();
    let init = tokio::process::Command::new("pgbench")
        .args(["-i", "-q", "-s", &scale, &database.url])
        .output()
        .await
        .context("cannot run pgbench (install postgresql-client)")?;
    if !init.status.success() {
        bail!(
            "pgbench -i failed: {}",
            String::from_utf8_lossy(&init.stderr)
        );
    }
    let bar = progress(options.seconds, "pgbench tpcb-like");
    let threads = options.clients.min(2).to_string();
    let run = tokio::process::Command::new("pgbench")
        .args([
            "-b",
            "tpcb-like",
            "-M",
            "prepared",
            "-n",
            "-c",
            &options.clients.to_string(),
            "-j",
            &threads,
            "-T",
            &options.seconds.to_string(),
            &database.url,
        ])
        .output();
    let ticker = async {
        for second in 1..=options.seconds {
            tokio::time::sleep(Duration::from_secs(1)).await;
            bar.set_position(second);
        }
    };
    let (output, ()) = tokio::join!(run, ticker);
    bar.finish_and_clear();
    let output = output.context("cannot run pgbench")?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .find_map(|line| line.strip_prefix("tps = "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .with_context(|| {
            format!(
                "no tps in pgbench output: {text} {}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
}

fn progress(length: u64, message: &str) -> ProgressBar {
    let bar = ProgressBar::new(length);
    bar.set_style(
        ProgressStyle::with_template("{prefix:>28} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_prefix(message.to_owned());
    bar
}

fn key() -> IdempotencyKey {
    IdempotencyKey::fresh()
}

/// xorshift64*: a tiny deterministic generator so each client's account choices are reproducible
/// and cost nothing next to a database round trip.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}
