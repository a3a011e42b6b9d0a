//! `socert bench search`: public registry search over HTTP on loopback against a large synthetic
//! registry, next to the same searches made directly against the store (SQL plus decoding, no
//! HTTP, no JSON) in the same run.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use socert_domain::demo_registry::{DemoRegion, demo_offer_texts};
use socert_domain::{ServiceCategory, Timestamp, search};
use socert_store::registry::{OfferQuery, OfferSort};
use socert_store::scratch::ScratchDatabase;
use socert_store::{Store, demo};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Debug, Clone)]
pub struct SearchBench {
    pub providers: u32,
    pub offers_per_provider: u32,
    pub clients: usize,
    pub seconds: u64,
    pub sqlite: bool,
    pub postgres_url: Option<String>,
}

/// The mix of public searches: words people type, with and without filters and distance.
const QUERIES: &[&str] = &[
    "q=паллиативная+помощь",
    "q=уход+на+дому&sort=price",
    "q=такси&near=48.48,135.07&sort=distance",
    "q=робототехника&age=10",
    "q=плавание",
    "category=home_care&wheelchair_access=true",
    "q=санаторий&within_normative=true",
    "near=48.48,135.07&sort=distance&free_seats=true",
    "q=помощь&home_visits=true",
    "q=занятия+для+детей",
];

struct Stats {
    count: usize,
    qps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

pub async fn run(options: SearchBench) -> anyhow::Result<()> {
    println!(
        "socert bench search: {} providers, {} offers, {} clients, {} s per measurement",
        options.providers,
        u64::from(options.providers) * u64::from(options.offers_per_provider),
        options.clients,
        options.seconds
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
    options: &SearchBench,
) -> anyhow::Result<()> {
    let store = socert_store::open(&database.url).await?;
    store.migrate().await?;
    demo::load(store.as_ref()).await?;
    let authority = store
        .list_authorities()
        .await?
        .into_iter()
        .find(|a| a.region_code == "27")
        .context("demo authority")?;
    let services: Vec<_> = store
        .services(
            authority.id,
            &socert_store::ServiceFilter::default(),
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
    // Realistic text: the demo offers' titles and descriptions, reused.
    let texts = demo_offer_texts(DemoRegion::Khabarovsk);
    let started = Instant::now();
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(format!("{name}: loading the registry"));
    bar.enable_steady_tick(Duration::from_millis(200));
    let offers = store
        .bulk_fill(
            authority.id,
            &services,
            options.providers,
            options.offers_per_provider,
            &texts,
        )
        .await?;
    bar.finish_and_clear();
    println!(
        "\n{name}: loaded {offers} offers in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // Fresh planner statistics, as autovacuum would have gathered them on a live server.
    store.analyze().await?;

    per_query(&store).await?;
    let raw = measure_raw(&store, options).await?;
    let http = measure_http(&store, options).await?;
    store.close().await;
    for (label, s) in [("raw store", &raw), ("HTTP", &http)] {
        println!(
            "  {label:<10} {:>7.0} queries/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({} queries)",
            s.qps, s.p50_ms, s.p99_ms, s.count
        );
    }
    let bound = 2.0 * raw.p99_ms + 2.0;
    println!(
        "  HTTP p99 {:.2} ms vs bound 2 x raw p99 + 2 ms = {bound:.2} ms: {}",
        http.p99_ms,
        if http.p99_ms <= bound {
            "met"
        } else {
            "NOT met"
        }
    );
    println!(
        "  HTTP throughput {:.0} queries/s vs target 1000: {}",
        http.qps,
        if http.qps >= 1000.0 { "met" } else { "NOT met" }
    );
    Ok(())
}

/// Each query of the mix alone, three times, so a slow one stands out.
async fn per_query(store: &Arc<dyn Store>) -> anyhow::Result<()> {
    for text in QUERIES {
        let query = query_for(text);
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let began = Instant::now();
            store.search_offers(&query).await?;
            best = best.min(began.elapsed());
        }
        println!("  {:>9.2} ms  {text}", best.as_secs_f64() * 1000.0);
    }
    Ok(())
}

fn query_for(text: &str) -> OfferQuery {
    let mut q = OfferQuery::everything(
        jiff::tz::TimeZone::UTC.to_datetime(Timestamp::now()).date(),
        21,
    );
    for pair in text.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = value.replace('+', " ");
        match key {
            "q" => q.text = search::search_query(&value),
            "sort" => {
                q.sort = match value.as_str() {
                    "price" => OfferSort::Price,
                    "distance" => OfferSort::Distance,
                    _ => OfferSort::Relevance,
                }
            }
            "near" => {
                q.near = value
                    .split_once(',')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
            }
            "age" => q.age = value.parse().ok(),
            "category" => q.category = value.parse::<ServiceCategory>().ok(),
            "wheelchair_access" => q.accessibility.wheelchair = true,
            "home_visits" => q.accessibility.home_visits = true,
            "within_normative" => q.within_normative = true,
            "free_seats" => q.free_seats = true,
            _ => {}
        }
    }
    q
}

async fn measure_raw(store: &Arc<dyn Store>, options: &SearchBench) -> anyhow::Result<Stats> {
    let queries: Arc<Vec<OfferQuery>> = Arc::new(QUERIES.iter().map(|q| query_for(q)).collect());
    load(options, |client| {
        let store = store.clone();
        let queries = queries.clone();
        async move {
            let mut n = client;
            move || {
                n += 1;
                let query = queries[n % queries.len()].clone();
                let store = store.clone();
                async move {
                    let began = Instant::now();
                    store.search_offers(&query).await?;
                    Ok::<_, anyhow::Error>(began.elapsed())
                }
            }
        }
    })
    .await
}

async fn measure_http(store: &Arc<dyn Store>, options: &SearchBench) -> anyhow::Result<Stats> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let state = socert_web::AppState {
        store: store.clone(),
    };
    let server = tokio::spawn(socert_web::serve(
        listener,
        state,
        async move {
            let _ = stop_rx.await;
        },
        Duration::from_secs(1),
    ));
    let result = load(options, |client| async move {
        let mut n = client;
        let connection = Arc::new(tokio::sync::Mutex::new(
            tokio::net::TcpStream::connect(address).await.ok(),
        ));
        move || {
            n += 1;
            let path = format!("/api/v1/public/offers?{}", QUERIES[n % QUERIES.len()]);
            let connection = connection.clone();
            async move {
                let mut guard = connection.lock().await;
                let stream = guard.as_mut().context("connection failed")?;
                let began = Instant::now();
                get(stream, &path).await?;
                Ok(began.elapsed())
            }
        }
    })
    .await;
    let _ = stop_tx.send(());
    let _ = server.await;
    result
}

/// One keep-alive HTTP/1.1 GET; reads the whole response, which must be 200.
async fn get(stream: &mut tokio::net::TcpStream, path: &str) -> anyhow::Result<()> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let (status, _) = read_response(stream).await?;
    if status != 200 {
        bail!("search failed with status {status}");
    }
    Ok(())
}

/// Reads one HTTP/1.1 response with a `Content-Length` body: its status and body.
pub(crate) async fn read_response(
    stream: &mut tokio::net::TcpStream,
) -> anyhow::Result<(u16, Vec<u8>)> {
    let mut buffer = Vec::with_capacity(64 * 1024);
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            bail!("the server closed the connection");
        }
        buffer.extend_from_slice(&chunk[..read]);
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
            let status: u16 = head
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .context("no status line")?;
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .context("no content-length")?;
            while buffer.len() < end + 4 + length {
                let read = stream.read(&mut chunk).await?;
                if read == 0 {
                    bail!("the server closed the connection");
                }
                buffer.extend_from_slice(&chunk[..read]);
            }
            return Ok((status, buffer[end + 4..end + 4 + length].to_vec()));
        }
    }
}

/// Runs `clients` loops of the operation each client's factory makes, for `seconds`.
async fn load<Make, MakeFuture, Op, OpFuture>(
    options: &SearchBench,
    make: Make,
) -> anyhow::Result<Stats>
where
    Make: Fn(usize) -> MakeFuture,
    MakeFuture: std::future::Future<Output = Op> + Send + 'static,
    Op: FnMut() -> OpFuture + Send + 'static,
    OpFuture: std::future::Future<Output = anyhow::Result<Duration>> + Send,
{
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for client in 0..options.clients {
        let stop = stop.clone();
        let maker = make(client);
        tasks.push(tokio::spawn(async move {
            let mut op = maker.await;
            let mut latencies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                latencies.push(op().await?);
            }
            Ok::<_, anyhow::Error>(latencies)
        }));
    }
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(options.seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let (p50_ms, p99_ms) = p50_p99_ms(&mut latencies);
    Ok(Stats {
        count: latencies.len(),
        qps: latencies.len() as f64 / elapsed,
        p50_ms,
        p99_ms,
    })
}

/// The median and 99th percentile of `latencies`, in milliseconds (0 when there are none).
pub(crate) fn p50_p99_ms(latencies: &mut [Duration]) -> (f64, f64) {
    latencies.sort_unstable();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len().max(1) - 1) as f64 * p).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    (percentile(0.5), percentile(0.99))
}
