//! The `socert` binary as a new user meets it: help, zero-setup serve, demo reset, clear errors.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn socert(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_socert"));
    command
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("SOCERT_LOG", "warn");
    command
}

fn http_get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read response");
    response
}

/// Runs SQL on the working directory's database behind socert's back, as a DBA could.
fn run_sql(dir: &std::path::Path, statements: &[&'static str]) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        use sqlx::Connection;
        let url = format!("sqlite://{}", dir.join("socert.db").display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        for statement in statements {
            sqlx::query(*statement).execute(&mut conn).await.unwrap();
        }
    });
}

#[test]
fn help_documents_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let output = socert(dir.path()).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for word in [
        "serve",
        "migrate",
        "demo",
        "--database-url",
        "--config",
        "DATABASE_URL",
    ] {
        assert!(help.contains(word), "help mentions {word}:\n{help}");
    }
    let serve_help = socert(dir.path())
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let serve_help = String::from_utf8(serve_help.stdout).unwrap();
    assert!(serve_help.contains("--bind") && serve_help.contains("--no-demo"));
}

#[test]
fn serve_works_with_no_setup_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = socert(dir.path())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let banner = lines
        .by_ref()
        .map(|line| line.unwrap())
        .find(|line| line.contains("http://"))
        .expect("a banner line");
    let address = banner
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("banner names the address: {banner}"))
        .to_owned();

    assert!(dir.path().join("socert.db").exists(), "creates socert.db");
    let ready = http_get(&address, "/readyz");
    assert!(ready.starts_with("HTTP/1.1 200"), "{ready}");
    let authorities = http_get(&address, "/api/v1/authorities");
    assert!(authorities.contains("Khabarovsk"), "demo data is loaded");
    assert!(authorities.contains("Krasnoyarsk"), "demo data is loaded");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exits cleanly: {status}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "stops within 20 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn demo_refuses_to_overwrite_data_unless_reset() {
    let dir = tempfile::tempdir().unwrap();
    let first = socert(dir.path()).arg("demo").output().unwrap();
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stdout).contains("2 authorities"));

    let second = socert(dir.path()).arg("demo").output().unwrap();
    assert_eq!(second.status.code(), Some(1));
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(message.contains("socert demo --reset"), "{message}");

    let reset = socert(dir.path())
        .args(["demo", "--reset"])
        .output()
        .unwrap();
    assert!(reset.status.success());
    assert!(String::from_utf8_lossy(&reset.stdout).contains("32 services"));
}

#[test]
fn a_bad_database_url_is_a_readable_error_without_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let output = socert(dir.path())
        .args([
            "migrate",
            "--database-url",
            "mysql://root:hunter2@localhost/db",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.starts_with("error: "), "{message}");
    assert!(message.contains("sqlite:// or postgres://"), "{message}");
    assert!(!message.contains("hunter2"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn migrate_reports_an_up_to_date_database() {
    let dir = tempfile::tempdir().unwrap();
    let output = socert(dir.path()).arg("migrate").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("up to date"));
}

#[test]
fn verify_passes_a_clean_ledger_and_names_each_violation() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        socert(dir.path())
            .arg("demo")
            .output()
            .unwrap()
            .status
            .success()
    );
    let clean = socert(dir.path()).arg("verify").output().unwrap();
    assert!(clean.status.success(), "{clean:?}");
    assert!(String::from_utf8_lossy(&clean.stdout).contains("every invariant holds"));

    // Someone edits a cached balance behind socert's back.
    run_sql(
        dir.path(),
        &["UPDATE ledger_accounts SET balance_minor = balance_minor + 1 WHERE kind = 'funding'"],
    );
    let broken = socert(dir.path()).arg("verify").output().unwrap();
    assert_eq!(broken.status.code(), Some(1));
    let report = String::from_utf8_lossy(&broken.stdout);
    assert!(
        report.contains("VIOLATION balance_mismatch: account funding:"),
        "{report}"
    );
    assert!(report.contains("VIOLATION authority_not_zero"), "{report}");
    assert!(String::from_utf8_lossy(&broken.stderr).contains("ledger invariant violation"));
}

#[test]
fn a_superadmin_is_created_from_the_command_line_and_the_audit_log_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let demo = socert(dir.path()).arg("demo").output().unwrap();
    let printed = String::from_utf8_lossy(&demo.stdout);
    assert!(
        printed.contains("officer@khabarovsk.demo") && printed.contains("socert-demo-2026"),
        "{printed}"
    );

    let mut create = socert(dir.path())
        .args([
            "user",
            "create",
            "--superadmin",
            "--login",
            "root@region.example",
            "--name",
            "Root",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    create
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long enough passphrase\n")
        .unwrap();
    let created = create.wait_with_output().unwrap();
    assert!(created.status.success(), "{created:?}");
    assert!(String::from_utf8_lossy(&created.stdout).contains("as superadmin"));

    let weak = socert(dir.path())
        .args([
            "user",
            "create",
            "--superadmin",
            "--login",
            "weak@region.example",
            "--name",
            "Weak",
        ])
        .env("SOCERT_NEW_PASSWORD", "short")
        .output()
        .unwrap();
    assert_eq!(weak.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10 characters"));

    let verified = socert(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(verified.status.success(), "{verified:?}");
    assert!(String::from_utf8_lossy(&verified.stdout).contains("every link holds"));

    // A DBA edits history: the first broken link is named.
    run_sql(
        dir.path(),
        &[
            "DROP TRIGGER audit_events_no_update",
            "UPDATE audit_events SET action = 'nothing.happened' WHERE seq = 4",
        ],
    );
    let broken = socert(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(1));
    let report = String::from_utf8_lossy(&broken.stdout);
    assert!(
        report.contains("BROKEN authority") && report.contains("event #4"),
        "{report}"
    );
}

/// One value from the working directory's database.
fn query_text(dir: &std::path::Path, sql: &'static str) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        use sqlx::Connection;
        let url = format!("sqlite://{}", dir.join("socert.db").display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        let id: uuid::Uuid = sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap();
        id.to_string()
    })
}

#[test]
fn an_officer_issues_certificates_from_a_file_once_and_verify_reconciles_the_program() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        socert(dir.path())
            .arg("demo")
            .output()
            .unwrap()
            .status
            .success()
    );
    let authority = query_text(
        dir.path(),
        "SELECT id FROM authorities WHERE region_code = '27'",
    );
    let program = query_text(
        dir.path(),
        "SELECT p.id FROM programs p JOIN authorities a ON a.id = p.authority_id WHERE a.region_code = '27'",
    );
    let file = dir.path().join("people.csv");
    std::fs::write(
        &file,
        socert_domain::demo_people::people_csv(30, 10, 5, &["khabarovsk"]),
    )
    .unwrap();
    let bad = socert_domain::demo_people::bad_lines(30, 10, 5);
    let issue = || {
        socert(dir.path())
            .args([
                "issue",
                "people.csv",
                "--authority",
                &authority,
                "--program",
                &program,
                "--report",
                "report.csv",
            ])
            .output()
            .unwrap()
    };

    let first = issue();
    assert!(first.status.success(), "{first:?}");
    let out = String::from_utf8_lossy(&first.stdout);
    for line in &bad {
        assert!(
            out.contains(&format!("line {line}: ")),
            "bad line {line} is reported:\n{out}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("report.csv")).unwrap();
    assert!(report.starts_with("line,outcome,certificate_number,recipient_id,field,message"));

    let second = issue();
    assert!(second.status.success(), "{second:?}");
    let again = String::from_utf8_lossy(&second.stdout);
    assert!(
        again.contains("Issued 0,"),
        "nothing is issued twice:\n{again}"
    );

    // A workbook as LibreOffice saved it goes the same way; its rows are named as the sheet
    // numbers them. An Excel 97-2003 file is refused readably.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../web/tests/fixtures/recipients-libreoffice.xlsx"
    );
    std::fs::copy(fixture, dir.path().join("list.xlsx")).unwrap();
    std::fs::write(
        dir.path().join("old.xls"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
    )
    .unwrap();
    let issue_file = |name: &str| {
        socert(dir.path())
            .args([
                "issue",
                name,
                "--authority",
                &authority,
                "--program",
                &program,
            ])
            .output()
            .unwrap()
    };
    let workbook = issue_file("list.xlsx");
    assert!(workbook.status.success(), "{workbook:?}");
    let out = String::from_utf8_lossy(&workbook.stdout);
    assert!(out.contains("line 6: "), "{out}");
    let old = issue_file("old.xls");
    assert!(!old.status.success());
    let said = String::from_utf8_lossy(&old.stderr);
    assert!(said.contains("Excel Workbook (.xlsx)"), "{said}");
    assert!(!said.contains("panicked"), "{said}");

    let clean = socert(dir.path()).arg("verify").output().unwrap();
    assert!(clean.status.success(), "{clean:?}");
    assert!(String::from_utf8_lossy(&clean.stdout).contains("program budgets reconcile"));

    // Someone marks money as returned that never went back to the budget.
    run_sql(
        dir.path(),
        &["UPDATE certificates SET returned_minor = 100"],
    );
    let broken = socert(dir.path()).arg("verify").output().unwrap();
    assert_eq!(broken.status.code(), Some(1));
    let report = String::from_utf8_lossy(&broken.stdout);
    assert!(
        report.contains("VIOLATION certificate_mismatch"),
        "{report}"
    );
    assert!(
        report.contains("VIOLATION program_budget_mismatch"),
        "{report}"
    );
}

#[test]
fn settle_says_when_there_is_nothing_to_pay_and_refuses_bad_dates() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        socert(dir.path())
            .arg("demo")
            .output()
            .unwrap()
            .status
            .success()
    );
    let authority = query_text(
        dir.path(),
        "SELECT id FROM authorities WHERE region_code = '27'",
    );
    let settled = socert(dir.path())
        .args([
            "settle",
            "--authority",
            &authority,
            "--period-to",
            "2026-11-15",
            "--register",
            "register.csv",
        ])
        .output()
        .unwrap();
    assert!(settled.status.success(), "{settled:?}");
    let out = String::from_utf8_lossy(&settled.stdout);
    assert!(out.contains("Nothing to settle"), "{out}");
    assert!(!dir.path().join("register.csv").exists());

    let bad = socert(dir.path())
        .args([
            "settle",
            "--authority",
            &authority,
            "--period-to",
            "15.11.2026",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("is not a date: write YYYY-MM-DD"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
