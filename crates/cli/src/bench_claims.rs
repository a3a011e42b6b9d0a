//! `socert bench claims`: providers' staff submitting delivery records and claims over HTTP on
//! loopback (concurrent clients, one provider each), then the settlement of a period of
//! 2 000 000 claim lines; next to `pgbench -b tpcb-like` and a raw `GROUP BY` over the same
//! lines, measured in the same run.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail, ensure};
use indicatif::ProgressBar;
use socert_domain::identity::{Grant, Role};
use socert_domain::ledger::IdempotencyKey;
use socert_domain::{AuthorityId, Currency, Date, Money, Units};
use socert_store::audit::Actor;
use socert_store::enrollments::{EnrollmentRequest, ProviderDecision};
use socert_store::identity::{NewSession, NewUser};
use socert_store::scratch::ScratchDatabase;
use socert_store::{Store, demo};
use socert_web::api::dto::today_in;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct ClaimsBench {
    pub clients: usize,
    pub seconds: u64,
    /// Claim lines in the settled period (those made over HTTP, the rest generated).
    pub lines: u64,
    pub lines_per_claim: usize,
    pub sqlite: bool,
    pub postgres_url: Option<String>,
}

/// Certificates per client: the delivery records of a client spread over them.
const ENROLLMENTS_PER_CLIENT: usize = 20;
/// 10 000 000 ₽ per certificate: no certificate runs out during a run.
const VALUE_MINOR: i64 = 1_000_000_000;

struct Stats {
    requests: usize,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
}

pub async fn run(options: ClaimsBench) -> anyhow::Result<()> {
    println!(
        "socert bench claims: {} clients, {} s per HTTP phase, {} lines per request, {} claim lines settled",
        options.clients, options.seconds, options.lines_per_claim, options.lines
    );
    if let Some(server) = &options.postgres_url {
        let pgbench = crate::bench::pgbench_tps(server, options.clients, options.seconds).await;
        let database = ScratchDatabase::postgres(server).await?;
        let figures = backend("postgres", &database, &options).await?;
        match pgbench {
            Ok(tps) => {
                println!("  pgbench -b tpcb-like (same clients and duration): {tps:.0} tps");
                println!(
                    "  claim lines/s / pgbench tps = {:.2}  (target >= 0.4)",
                    figures.claim_lines_per_second / tps
                );
            }
            Err(err) => println!("  pgbench reference not available: {err:#}"),
        }
    }
    if options.sqlite {
        let database = ScratchDatabase::sqlite()?;
        backend("sqlite", &database, &options).await?;
    }
    Ok(())
}

struct Figures {
    claim_lines_per_second: f64,
}

/// The bench's world: one provider, offer and batch of enrollments per client, and a session
/// acting for all of those providers.
struct Setup {
    authority: AuthorityId,
    today: Date,
    cookie: String,
    csrf: String,
    /// Per client: its provider and its enrollments.
    clients: Vec<(Uuid, Vec<Uuid>)>,
}

async fn backend(
    name: &str,
    database: &ScratchDatabase,
    options: &ClaimsBench,
) -> anyhow::Result<Figures> {
    let store: Arc<dyn Store> = socert_store::open(&database.url).await?;
    store.migrate().await?;
    demo::load_with_registry(store.as_ref()).await?;
    let result = async {
        let enrolling = spinner(&format!("{name}: enrolling"));
        let setup = setup(store.as_ref(), &database.url, options).await?;
        enrolling.finish_and_clear();
        println!("\n{name}:");

        let address = serve(store.clone()).await?;
        let records = measure(options, &setup, address, Phase::Deliveries, None).await?;
        println!(
            "  delivery records over HTTP: {:.0} records/s ({} requests of {} records, p50 {:.1} ms, p99 {:.1} ms)",
            records.per_second * options.lines_per_claim as f64,
            records.requests,
            options.lines_per_claim,
            records.p50_ms,
            records.p99_ms
        );
        // The recipients say nothing for the confirmation window: everything confirms itself.
        let later = setup.today.saturating_add(jiff::Span::new().days(10));
        // Claims go faster than recording: top up (in-process, unmeasured) so that the claims
        // phase has records for its whole duration.
        let topping = spinner(&format!("{name}: recording more deliveries for the claims phase"));
        let topped = top_up(store.clone(), &setup, options.seconds as usize * 2_500).await?;
        topping.finish_and_clear();
        let jobs = store
            .run_daily_jobs(setup.authority, later, &Actor::system("bench"))
            .await?;
        println!("  recorded {topped} more records in-process for the claims phase");
        let pending = pending_records(store.as_ref(), &setup).await?;
        let claims = measure(options, &setup, address, Phase::Claims, Some(pending)).await?;
        let claim_lines_per_second = claims.per_second * options.lines_per_claim as f64;
        println!(
            "  auto-confirmed {} records; claims over HTTP: {:.0} claim lines/s ({} claims of {} lines, p50 {:.1} ms, p99 {:.1} ms per claim)",
            jobs.auto_confirmed,
            claim_lines_per_second,
            claims.requests,
            options.lines_per_claim,
            claims.p50_ms,
            claims.p99_ms
        );
        let mut report = store.verify_ledger(Some(setup.authority)).await?;
        report
            .violations
            .extend(store.verify_enrollments(Some(setup.authority)).await?);
        println!(
            "  verify after the HTTP phases: {} violation(s)",
            report.violations.len()
        );

        let made = (claims.requests * options.lines_per_claim) as u64;
        let generated = options.lines.saturating_sub(made);
        let started = Instant::now();
        let generating = spinner(&format!("{name}: generating {generated} more claim lines"));
        generate_lines(&database.url, &setup, generated, options.lines_per_claim).await?;
        store.analyze().await?;
        generating.finish_and_clear();
        println!(
            "  generated {generated} claim lines in {:.1} s (to {} in the period)",
            started.elapsed().as_secs_f64(),
            made + generated
        );

        let raw = raw_group_by(&database.url, setup.authority).await?;
        let started = Instant::now();
        let batch = store
            .settle(
                setup.authority,
                setup.today,
                &IdempotencyKey::fresh(),
                &Actor::system("bench"),
            )
            .await?
            .context("nothing was settled")?;
        let settle_s = started.elapsed().as_secs_f64();
        let raw_again = raw_group_by(&database.url, setup.authority).await?;
        let raw_s = raw.0.min(raw_again.0);
        ensure!(
            batch.batch.total.minor() == raw.1,
            "settled {} but the lines sum to {}",
            batch.batch.total.minor(),
            raw.1
        );
        println!(
            "  settlement of {} lines in {} claims: {:.3} s ({} payments, {}); raw GROUP BY over the lines: {:.3} s -> settlement / raw = {:.2}  (target <= 10)",
            raw.2,
            batch.batch.claims,
            settle_s,
            batch.payments.len(),
            batch.batch.total.format(socert_domain::Locale::En),
            raw_s,
            settle_s / raw_s
        );
        anyhow::Ok(Figures {
            claim_lines_per_second,
        })
    }
    .await;
    store.close().await;
    result
}

async fn setup(store: &dyn Store, url: &str, options: &ClaimsBench) -> anyhow::Result<Setup> {
    let authority = store
        .list_authorities()
        .await?
        .into_iter()
        .find(|a| a.region_code == "27")
        .context("the demo authority 27 is missing")?;
    let today = today_in(&authority);
    let actor = Actor::system("bench-claims");
    let services: Vec<_> = store
        .services(
            authority.id,
            &Default::default(),
            &socert_store::PageRequest {
                after: None,
                limit: 1000,
            },
        )
        .await?
        .items
        .iter()
        .map(|s| s.id)
        .collect();
    let spec = crate::bench_issue::money_program(services, today, VALUE_MINOR)?;
    let program = store.create_program(authority.id, &spec, &actor).await?;
    let people = options.clients * ENROLLMENTS_PER_CLIENT;
    store
        .fund_program(
            authority.id,
            program.id,
            Money::from_minor(VALUE_MINOR * people as i64, Currency::Rub),
            &IdempotencyKey::fresh(),
            today,
            &actor,
        )
        .await?;
    let csv = socert_domain::demo_people::people_csv(people, 0, 2027, &["08701000"]);
    let rows = socert_web::recipient_csv::parse_recipients(
        csv.as_bytes(),
        authority.country,
        today,
        authority.locale,
    )?;
    let run = store
        .create_run(authority.id, program.id, "bench.csv", rows.len() as i64)
        .await?;
    socert_web::api::issuance::run_issuance(
        store,
        authority.id,
        program.id,
        run.id,
        &rows,
        today,
        authority.locale,
        &actor,
        &|_| {},
    )
    .await?;
    let certificates = store
        .certificates_of_program(
            authority.id,
            program.id,
            &socert_store::PageRequest {
                after: None,
                limit: people as u32,
            },
        )
        .await?
        .items;
    ensure!(
        certificates.len() == people,
        "issued {} certificates of {people}",
        certificates.len()
    );

    // One offer of a different provider per client, with room for everyone.
    raw_execute(url, "UPDATE offers SET capacity = 1000000".to_owned()).await?;
    let offers = offers_of_distinct_providers(store, authority.id, today, options.clients).await?;

    let mut clients = Vec::new();
    for (c, (offer, provider, price)) in offers.iter().enumerate() {
        let mut enrollments = Vec::new();
        for certificate in
            &certificates[c * ENROLLMENTS_PER_CLIENT..(c + 1) * ENROLLMENTS_PER_CLIENT]
        {
            // More visits than 10 s of recording can use up; prices above the normative leave
            // a co-payment, which these recipients agree to.
            let volume = (VALUE_MINOR / price).min(5_000);
            let request = EnrollmentRequest {
                certificate_id: certificate.id,
                offer_id: *offer,
                volume: Units::new(volume)?,
                starts_on: today,
                ends_on: None,
                copay_agreed: true,
            };
            let (e, _) = store
                .enroll(
                    authority.id,
                    &request,
                    &IdempotencyKey::fresh(),
                    today,
                    &actor,
                )
                .await?;
            store
                .decide_enrollment(authority.id, e.id, ProviderDecision::Accept, &actor)
                .await?;
            enrollments.push(e.id);
        }
        clients.push((*provider, enrollments));
    }

    // The providers' staff: one user acting for every bench provider, signed in.
    let grants = clients
        .iter()
        .map(|(provider, _)| Grant::new(Role::Provider, None, Some(*provider)))
        .collect::<Result<Vec<_>, _>>()?;
    let user = store
        .create_user(
            NewUser {
                login: socert_domain::identity::Login::parse("bench-staff@socert.test")?,
                display_name: "Bench staff".into(),
                password_hash: socert_domain::secret::hash_password("bench password, unused")?,
                grants,
            },
            &actor,
        )
        .await?;
    let cookie = socert_domain::secret::new_token("")?;
    let csrf = socert_domain::secret::new_token("")?;
    store
        .create_session(
            NewSession {
                token_hash: socert_domain::secret::fingerprint(&cookie),
                user: user.id,
                csrf_token: csrf.clone(),
                expires_at: jiff::Timestamp::now() + jiff::SignedDuration::from_hours(12),
            },
            &actor,
        )
        .await?;
    Ok(Setup {
        authority: authority.id,
        today,
        cookie,
        csrf,
        clients,
    })
}

/// (offer, provider, price) of `count` offers, each of a different admitted provider.
async fn offers_of_distinct_providers(
    store: &dyn Store,
    authority: AuthorityId,
    today: Date,
    count: usize,
) -> anyhow::Result<Vec<(Uuid, Uuid, i64)>> {
    let mut query = socert_store::registry::OfferQuery::everything(today, 500);
    query.authority = Some(authority);
    let hits = store.search_offers(&query).await?;
    let mut seen = std::collections::HashSet::new();
    let offers: Vec<(Uuid, Uuid, i64)> = hits
        .into_iter()
        .filter(|h| seen.insert(h.offer.details.provider_id))
        .map(|h| {
            (
                h.offer.id,
                h.offer.details.provider_id,
                h.offer.details.price.minor(),
            )
        })
        .take(count)
        .collect();
    ensure!(
        offers.len() == count,
        "only {} providers have offers",
        offers.len()
    );
    Ok(offers)
}

/// Serves the application on a free loopback port for the rest of the process.
async fn serve(store: Arc<dyn Store>) -> anyhow::Result<std::net::SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(socert_web::serve(
        listener,
        socert_web::AppState { store },
        std::future::pending(),
        Duration::from_secs(1),
    ));
    Ok(address)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Deliveries,
    Claims,
}

/// Records deliveries through the store until each client has `per_client` records; returns how
/// many it made.
async fn top_up(store: Arc<dyn Store>, setup: &Setup, per_client: usize) -> anyhow::Result<usize> {
    let mut tasks = Vec::new();
    for (provider, enrollments) in setup.clients.clone() {
        let store = store.clone();
        let (authority, today) = (setup.authority, setup.today);
        tasks.push(tokio::spawn(async move {
            let mut have = 0;
            for e in &enrollments {
                have += store
                    .delivery_records_of_enrollment(authority, *e)
                    .await?
                    .len();
            }
            let mut made = 0;
            let actor = Actor::system("bench");
            while have + made < per_client {
                let batch: Vec<_> = (0..1000.min(per_client - have - made))
                    .map(|i| socert_store::enrollments::NewDeliveryRecord {
                        enrollment_id: enrollments[(made + i) % enrollments.len()],
                        delivered_on: today,
                        delivered_at: None,
                        units: Units::new(1).unwrap_or(Units::ZERO),
                        worker: "Иванова А. С.".into(),
                        note: String::new(),
                    })
                    .collect();
                let results = store
                    .record_deliveries(authority, provider, &batch, today, &actor)
                    .await?;
                let ok = results.iter().filter(|r| r.is_ok()).count();
                ensure!(ok > 0, "the enrollments' volume is used up");
                made += ok;
            }
            anyhow::Ok(made)
        }));
    }
    let mut made = 0;
    for task in tasks {
        made += task.await??;
    }
    Ok(made)
}

/// Per client, the confirmed records not yet claimed.
async fn pending_records(store: &dyn Store, setup: &Setup) -> anyhow::Result<Vec<Vec<Uuid>>> {
    let mut out = Vec::new();
    for (_, enrollments) in &setup.clients {
        let mut records = Vec::new();
        for e in enrollments {
            records.extend(
                store
                    .delivery_records_of_enrollment(setup.authority, *e)
                    .await?
                    .into_iter()
                    .filter(|r| r.status.is_confirmed())
                    .map(|r| r.id),
            );
        }
        out.push(records);
    }
    Ok(out)
}

/// Runs the phase's requests from every client for `seconds` (or until a client has nothing
/// left to claim).
async fn measure(
    options: &ClaimsBench,
    setup: &Setup,
    address: std::net::SocketAddr,
    phase: Phase,
    pending: Option<Vec<Vec<Uuid>>>,
) -> anyhow::Result<Stats> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    let mut pending = pending.unwrap_or_default();
    for (c, (provider, enrollments)) in setup.clients.iter().enumerate() {
        let stop = stop.clone();
        let base = format!(
            "/api/v1/providers/{provider}/authorities/{}",
            setup.authority
        );
        let headers = format!(
            "Cookie: {}={}\r\nX-CSRF-Token: {}\r\nContent-Type: application/json\r\n",
            socert_web::auth::SESSION_COOKIE,
            setup.cookie,
            setup.csrf
        );
        let enrollments = enrollments.clone();
        let mut records = std::mem::take(pending.get_mut(c).unwrap_or(&mut Vec::new()));
        let today = setup.today.to_string();
        let per_request = options.lines_per_claim;
        tasks.push(tokio::spawn(async move {
            let mut stream = tokio::net::TcpStream::connect(address).await?;
            let mut latencies = Vec::new();
            let mut n = 0_usize;
            while !stop.load(Ordering::Relaxed) {
                let (path, body, key) = match phase {
                    Phase::Deliveries => {
                        let items: Vec<serde_json::Value> = (0..per_request)
                            .map(|i| {
                                serde_json::json!({
                                    "enrollment_id": enrollments[(n + i) % enrollments.len()],
                                    "delivered_on": today,
                                    "units": 1,
                                    "worker": "Иванова А. С.",
                                })
                            })
                            .collect();
                        (
                            format!("{base}/deliveries"),
                            serde_json::json!({ "records": items }),
                            None,
                        )
                    }
                    Phase::Claims => {
                        if records.len() < per_request {
                            break;
                        }
                        let lines: Vec<serde_json::Value> = records
                            .drain(..per_request)
                            .map(|r| serde_json::json!({ "delivery_record_id": r }))
                            .collect();
                        (
                            format!("{base}/claims"),
                            serde_json::json!({ "period_from": today, "period_to": today, "lines": lines }),
                            Some(format!("bench-claim-{c}-{n}")),
                        )
                    }
                };
                n += per_request;
                let began = Instant::now();
                post(&mut stream, &path, &headers, key.as_deref(), &body.to_string()).await?;
                latencies.push(began.elapsed());
            }
            anyhow::Ok((latencies, Instant::now()))
        }));
    }
    let started = Instant::now();
    let bar = ProgressBar::new(options.seconds);
    for second in 1..=options.seconds {
        if tasks.iter().all(|t| t.is_finished()) {
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        bar.set_position(second);
    }
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    // Until the last client stopped: a client that ran out of records to claim stops early.
    let mut last = started;
    for task in tasks {
        let (done, ended) = task.await??;
        latencies.extend(done);
        last = last.max(ended);
    }
    bar.finish_and_clear();
    let elapsed = (last - started).as_secs_f64();
    let (p50_ms, p99_ms) = crate::bench_search::p50_p99_ms(&mut latencies);
    Ok(Stats {
        requests: latencies.len(),
        per_second: latencies.len() as f64 / elapsed,
        p50_ms,
        p99_ms,
    })
}

/// One keep-alive HTTP/1.1 POST; the answer must be 200 or 201.
async fn post(
    stream: &mut tokio::net::TcpStream,
    path: &str,
    headers: &str,
    key: Option<&str>,
    body: &str,
) -> anyhow::Result<()> {
    let key = key
        .map(|k| format!("Idempotency-Key: {k}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: bench\r\n{headers}{key}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let (status, answer) = crate::bench_search::read_response(stream).await?;
    if status != 200 && status != 201 {
        bail!(
            "POST {path} answered {status}: {}",
            String::from_utf8_lossy(&answer)
        );
    }
    Ok(())
}

/// Adds `count` approved claim lines in claims of `per_claim` lines, spread over the clients'
/// providers, with set-based SQL (as if many providers had claimed over months).
async fn generate_lines(
    url: &str,
    setup: &Setup,
    count: u64,
    per_claim: usize,
) -> anyhow::Result<()> {
    if count == 0 {
        return Ok(());
    }
    let claims = count.div_ceil(per_claim as u64);
    let postgres = url.starts_with("postgres");
    let authority = setup.authority.as_uuid();
    let today = setup.today.to_string();
    let now = jiff::Timestamp::now().as_microsecond();
    for (c, (provider, _)) in setup.clients.iter().enumerate() {
        let share = claims / setup.clients.len() as u64
            + u64::from((c as u64) < claims % setup.clients.len() as u64);
        if share == 0 {
            continue;
        }
        let (authority_sql, provider_sql) = if postgres {
            (
                format!("'{authority}'::uuid"),
                format!("'{provider}'::uuid"),
            )
        } else {
            (
                format!("X'{}'", authority.simple()),
                format!("X'{}'", provider.simple()),
            )
        };
        let new_id = if postgres {
            "gen_random_uuid()"
        } else {
            "randomblob(16)"
        };
        let series = |n: u64| {
            if postgres {
                format!("generate_series(1, {n}) AS g(n)")
            } else {
                format!(
                    "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {n}) SELECT n FROM s) AS g"
                )
            }
        };
        let per = per_claim as i64;
        raw_execute(url, format!(
            "INSERT INTO claims (id, authority_id, provider_id, period_from, period_to, currency, lines, approved_lines, \
             approved_minor, captured_minor, copay_minor, batch_id, request_key, created_at_us) \
             SELECT {new_id}, {authority_sql}, {provider_sql}, '{today}', '{today}', 'RUB', {per}, {per}, \
             {per} * 100000, {per} * 100000, 0, NULL, 'bench-gen-{c}-' || g.n, {now} FROM {}",
            series(share)
        ))
        .await?;
    }
    raw_execute(url, format!(
        "INSERT INTO claim_lines (claim_id, line_no, delivery_record_id, enrollment_id, certificate_id, delivered_on, \
         units_claimed, units_approved, price_minor, amount_minor, captured_minor, copay_minor, status, reason) \
         SELECT c.id, g.n, {}, NULL, NULL, '{today}', 1, 1, 100000, 100000, 100000, 0, 'approved', NULL \
         FROM claims c CROSS JOIN {} WHERE c.request_key LIKE 'bench-gen-%'",
        if postgres {
            "gen_random_uuid()"
        } else {
            "randomblob(16)"
        },
        if postgres {
            format!("generate_series(1, {per_claim}) AS g(n)")
        } else {
            format!(
                "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {per_claim}) SELECT n FROM s) AS g"
            )
        }
    ))
    .await
}

/// The reference: the per-provider sums a settlement needs, straight from the lines.
/// Returns (seconds, total minor, lines).
async fn raw_group_by(url: &str, authority: AuthorityId) -> anyhow::Result<(f64, i64, i64)> {
    let authority_sql = if url.starts_with("postgres") {
        format!("'{}'::uuid", authority.as_uuid())
    } else {
        format!("X'{}'", authority.as_uuid().simple())
    };
    let (seconds, rows) = raw_sums(
        url,
        format!(
            "SELECT CAST(SUM(l.captured_minor) AS BIGINT), COUNT(*) FROM claim_lines l JOIN claims c ON c.id = l.claim_id \
             WHERE c.authority_id = {authority_sql} AND l.status = 'approved' GROUP BY c.provider_id"
        ),
    )
    .await?;
    Ok((
        seconds,
        rows.iter().map(|r| r.0).sum(),
        rows.iter().map(|r| r.1).sum(),
    ))
}

fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_message(message.to_owned());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Runs `sql` (made here, from ids and numbers only) on a connection of its own.
async fn raw_execute(url: &str, sql: String) -> anyhow::Result<()> {
    if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(url).await?;
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await?;
        pool.close().await;
    } else {
        let pool = sqlite_pool(url).await?;
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await?;
        pool.close().await;
    }
    Ok(())
}

/// Times `sql` (rows of two BIGINTs) on a connection of its own.
async fn raw_sums(url: &str, sql: String) -> anyhow::Result<(f64, Vec<(i64, i64)>)> {
    if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(url).await?;
        let started = Instant::now();
        let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&pool)
            .await?;
        let seconds = started.elapsed().as_secs_f64();
        pool.close().await;
        Ok((seconds, rows))
    } else {
        let pool = sqlite_pool(url).await?;
        let started = Instant::now();
        let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&pool)
            .await?;
        let seconds = started.elapsed().as_secs_f64();
        pool.close().await;
        Ok((seconds, rows))
    }
}

async fn sqlite_pool(url: &str) -> anyhow::Result<sqlx::SqlitePool> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .busy_timeout(Duration::from_secs(60));
    Ok(sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?)
}
