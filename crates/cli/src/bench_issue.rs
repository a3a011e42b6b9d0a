//! `socert bench issue`: bulk issuance of certificates to generated recipients, the same path an
//! officer's uploaded file takes (parse, match or register people, issue in batches with the
//! ledger postings), next to plain multi-row INSERTs of as many rows on the same database, as the
//! reference measured in the same run.

use std::time::Instant;

use anyhow::{Context, ensure};
use indicatif::{ProgressBar, ProgressStyle};
use socert_domain::ledger::IdempotencyKey;
use socert_domain::program::{CertificateTemplate, ProgramSpec, TemplateValue};
use socert_domain::{Currency, LocalizedText, Money};
use socert_store::audit::Actor;
use socert_store::scratch::ScratchDatabase;
use socert_store::{Store, demo};
use socert_web::api::dto::today_in;
use socert_web::api::issuance::{BATCH_ROWS, run_issuance};

#[derive(Debug, Clone)]
pub struct IssueBench {
    pub recipients: usize,
    pub sqlite: bool,
    pub postgres_url: Option<String>,
}

/// Each certificate is worth 10 000 ₽; the budget covers everyone.
const VALUE_MINOR: i64 = 1_000_000;

pub async fn run(options: IssueBench) -> anyhow::Result<()> {
    println!(
        "socert bench issue: {} recipients from a generated CSV, batches of {BATCH_ROWS} rows",
        options.recipients
    );
    if let Some(server) = &options.postgres_url {
        let database = ScratchDatabase::postgres(server).await?;
        backend("postgres", &database, &options).await?;
    }
    if options.sqlite {
        let database = ScratchDatabase::sqlite()?;
        backend("sqlite", &database, &options).await?;
    }
    Ok(())
}

async fn backend(
    name: &str,
    database: &ScratchDatabase,
    options: &IssueBench,
) -> anyhow::Result<()> {
    let store = socert_store::open(&database.url).await?;
    store.migrate().await?;
    demo::load(store.as_ref()).await?;
    let result = measure(name, store.as_ref(), &database.url, options).await;
    store.close().await;
    result
}

async fn measure(
    name: &str,
    store: &dyn Store,
    url: &str,
    options: &IssueBench,
) -> anyhow::Result<()> {
    let authority = store
        .list_authorities()
        .await?
        .into_iter()
        .find(|a| a.region_code == "27")
        .context("the demo authority 27 is missing")?;
    let services = store
        .services(
            authority.id,
            &Default::default(),
            &socert_store::PageRequest {
                after: None,
                limit: 10,
            },
        )
        .await?;
    let service = services.items.first().context("no demo services")?.id;
    let today = today_in(&authority);
    let actor = Actor::system("bench-issue");
    let spec = money_program(vec![service], today, VALUE_MINOR)?;
    let program = store.create_program(authority.id, &spec, &actor).await?;
    let budget = Money::from_minor(VALUE_MINOR * options.recipients as i64, Currency::Rub);
    store
        .fund_program(
            authority.id,
            program.id,
            budget,
            &IdempotencyKey::fresh(),
            today,
            &actor,
        )
        .await?;

    let csv = socert_domain::demo_people::people_csv(options.recipients, 0, 2026, &["08701000"]);
    let started = Instant::now();
    let rows = socert_web::recipient_csv::parse_recipients(
        csv.as_bytes(),
        authority.country,
        today,
        authority.locale,
    )?;
    let parse_s = started.elapsed().as_secs_f64();
    // The same people as an officer's workbook: reading it must give the same rows.
    let workbook = as_workbook(&csv)?;
    let started = Instant::now();
    let from_workbook = socert_web::recipient_csv::parse_recipients(
        &workbook,
        authority.country,
        today,
        authority.locale,
    )?;
    let parse_xlsx_s = started.elapsed().as_secs_f64();
    ensure!(
        from_workbook == rows,
        "the workbook of the same people read differently from the CSV file"
    );
    drop(from_workbook);
    let run = store
        .create_run(authority.id, program.id, "bench.csv", rows.len() as i64)
        .await?;
    let bar = ProgressBar::new(rows.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{prefix:>10} [{bar:40}] {pos}/{len} rows {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_prefix(name.to_owned());
    let started = Instant::now();
    run_issuance(
        store,
        authority.id,
        program.id,
        run.id,
        &rows,
        today,
        authority.locale,
        &actor,
        &|done| bar.set_position(done as u64),
    )
    .await?;
    let issue_s = started.elapsed().as_secs_f64();
    bar.finish_and_clear();
    store.finish_run(run.id, None).await?;

    let run = store.run(authority.id, run.id).await?;
    // Generated people occasionally share a name and a birth date: the second is refused as a
    // suspected duplicate, as an officer's file would be. Nothing else may go astray.
    ensure!(
        run.issued + run.refused == options.recipients as i64
            && run.refused * 1000 <= options.recipients as i64
            && run.waitlisted == 0,
        "expected {} certificates, the run issued {} (refused {}, waitlisted {})",
        options.recipients,
        run.issued,
        run.refused,
        run.waitlisted
    );
    let mut report = store.verify_ledger(Some(authority.id)).await?;
    report
        .violations
        .extend(store.verify_programs(Some(authority.id)).await?);

    let reference_s = raw_inserts(url, options.recipients).await?;
    let rate = options.recipients as f64 / issue_s;
    let csv_mb = csv.len() as f64 / 1e6;
    let xlsx_mb = workbook.len() as f64 / 1e6;
    let reference_rate = options.recipients as f64 / reference_s;
    println!(
        "{name:>10}: {} certificates issued ({} suspected duplicates refused) in {issue_s:.1} s = {rate:.0} rows/s \
         (CSV of {csv_mb:.1} MB parsed in {parse_s:.2} s, the same rows as XLSX of {xlsx_mb:.1} MB in {parse_xlsx_s:.2} s); plain INSERT of as many rows {reference_rate:.0} rows/s -> ratio {:.2}; \
         {} ledger/program violations",
        run.issued,
        run.refused,
        rate / reference_rate,
        report.violations.len()
    );
    Ok(())
}

/// A CSV file as a workbook an officer would save: text cells, birth dates as date cells.
fn as_workbook(csv: &str) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut birth_column = None;
    for (row, record) in reader.records().enumerate() {
        let record = record?;
        let row = u32::try_from(row)?;
        if row == 0 {
            birth_column = record.iter().position(|name| name == "birth_date");
        }
        for (column, field) in record.iter().enumerate() {
            let column = u16::try_from(column)?;
            let day = (row > 0 && birth_column == Some(column.into()))
                .then(|| field.parse::<jiff::civil::Date>().ok())
                .flatten();
            match day {
                Some(day) => {
                    let cell = ExcelDateTime::from_ymd(
                        day.year() as u16,
                        day.month() as u8,
                        day.day() as u8,
                    )?;
                    sheet.write_with_format(row, column, &cell, &date)?;
                }
                None => {
                    sheet.write(row, column, field)?;
                }
            }
        }
    }
    Ok(book.save_to_buffer()?)
}

/// The reference: as many rows, as wide as a certificate row, in the same batch size, each batch
/// its own transaction, with nothing else done (no people, no checks, no ledger, no report).
/// A year-long benchmark program for anyone, paying certificates of `value_minor` rubles (minor
/// units) for `services`.
pub(crate) fn money_program(
    services: Vec<socert_domain::ServiceId>,
    today: socert_domain::Date,
    value_minor: i64,
) -> anyhow::Result<ProgramSpec> {
    Ok(ProgramSpec {
        name: LocalizedText::new("Бенчмарк", "Бенчмарк", "Benchmark")?,
        services,
        starts: today,
        ends: today.checked_add(jiff::Span::new().days(365))?,
        quota: None,
        max_funded: None,
        rules: Default::default(),
        priority_categories: Vec::new(),
        template: CertificateTemplate {
            value: TemplateValue::Money {
                amount: Money::from_minor(value_minor, Currency::Rub),
            },
            validity_months: 12,
            of_account: false,
        },
    })
}

async fn raw_inserts(url: &str, rows: usize) -> anyhow::Result<f64> {
    const CREATE: &str = "CREATE TABLE bench_reference (id BLOB PRIMARY KEY NOT NULL, owner BLOB NOT NULL, \
        number TEXT NOT NULL, status TEXT NOT NULL, value_minor BIGINT NOT NULL, valid_from TEXT NOT NULL, \
        valid_to TEXT NOT NULL, issued_at_us BIGINT NOT NULL)";
    const CREATE_PG: &str = "CREATE TABLE bench_reference (id UUID PRIMARY KEY NOT NULL, owner UUID NOT NULL, \
        number TEXT NOT NULL, status TEXT NOT NULL, value_minor BIGINT NOT NULL, valid_from TEXT NOT NULL, \
        valid_to TEXT NOT NULL, issued_at_us BIGINT NOT NULL)";
    const INSERT: &str = "INSERT INTO bench_reference (id, owner, number, status, value_minor, valid_from, valid_to, issued_at_us) ";
    macro_rules! timed_inserts {
        ($pool:expr, $db:ty, $create:expr) => {{
            let pool = $pool;
            sqlx::query($create).execute(&pool).await?;
            let started = Instant::now();
            for batch in (0..rows).collect::<Vec<_>>().chunks(BATCH_ROWS) {
                let mut tx = pool.begin().await?;
                let mut sql = sqlx::QueryBuilder::<$db>::new(INSERT);
                sql.push_values(batch, |mut row, n| {
                    row.push_bind(uuid::Uuid::now_v7())
                        .push_bind(uuid::Uuid::now_v7())
                        .push_bind(format!("{n:013}"))
                        .push_bind("active")
                        .push_bind(VALUE_MINOR)
                        .push_bind("2026-01-01")
                        .push_bind("2026-12-31")
                        .push_bind(*n as i64);
                });
                sql.build().execute(&mut *tx).await?;
                tx.commit().await?;
            }
            let seconds = started.elapsed().as_secs_f64();
            pool.close().await;
            seconds
        }};
    }
    Ok(if url.starts_with("postgres") {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(1)
            .connect(url)
            .await?;
        timed_inserts!(pool, sqlx::Postgres, CREATE_PG)
    } else {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:");
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(path)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .synchronous(sqlx::sqlite::SqliteSynchronous::Full);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await?;
        timed_inserts!(pool, sqlx::Sqlite, CREATE)
    })
}
