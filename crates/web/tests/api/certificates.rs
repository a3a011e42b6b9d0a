//! From budget to a certificate in a citizen's hands: an officer creates and funds a program,
//! registers people and issues certificates; those who do not fit wait in line and are served
//! when money comes back; the recipient sees and prints theirs.

use std::sync::Arc;

use serde_json::{Value, json};
use socert_domain::Date;
use socert_store::audit::Actor;

use crate::on_both_backends;
use crate::support::{TestApp, snils};

/// Today in Khabarovsk, where the demo authority counts its days.
fn today() -> Date {
    let tz = jiff::tz::TimeZone::get("Asia/Vladivostok").unwrap_or(jiff::tz::TimeZone::UTC);
    tz.to_datetime(jiff::Timestamp::now()).date()
}

fn days(n: i64) -> jiff::Span {
    jiff::Span::new().days(n)
}

/// A home-care program for people of 60 and over: 50 000 ₽ certificates for a year.
fn home_care_program(services: &[String], quota: Option<u32>) -> Value {
    json!({
        "names": { "ru": "Уход на дому", "uk": "Догляд вдома", "en": "Home care" },
        "services": services,
        "starts": (today() - days(30)).to_string(),
        "ends": (today() + days(400)).to_string(),
        "quota": quota,
        "eligibility": { "min_age": 60, "required_any_category": [] },
        "priority_categories": ["disability_group_1"],
        "certificate": { "value": { "kind": "money", "amount": { "amount_minor": 5_000_000, "currency": "RUB" } }, "validity_months": 12 }
    })
}

fn person(n: u32, last_name: &str, birth_date: &str, categories: Value) -> Value {
    json!({
        "last_name": last_name,
        "first_name": "Анна",
        "middle_name": "Петровна",
        "birth_date": birth_date,
        "national_id": snils(100_000_000 + n),
        "municipality": "08701000",
        "address": "г. Хабаровск, ул. Муравьёва-Амурского, д. 5",
        "categories": categories,
    })
}

async fn service_ids(app: &TestApp, authority: &str) -> Vec<String> {
    app.all_services(authority, "", 200)
        .await
        .iter()
        .filter(|s| s["code"].as_str().unwrap().starts_with("HOME"))
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn register(app: &TestApp, authority: &str, body: &Value) -> String {
    let created = app
        .post_json(&format!("/api/v1/authorities/{authority}/recipients"), body)
        .await;
    assert_eq!(
        created.status,
        201,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    created.json()["id"].as_str().unwrap().to_owned()
}

async fn create_program(app: &TestApp, authority: &str, body: &Value, budget_minor: i64) -> String {
    let created = app
        .post_json(&format!("/api/v1/authorities/{authority}/programs"), body)
        .await;
    assert_eq!(
        created.status,
        201,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let program = created.json()["id"].as_str().unwrap().to_owned();
    let funded = app
        .post_json_with(
            &format!("/api/v1/authorities/{authority}/programs/{program}/funding"),
            &json!({ "amount": { "amount_minor": budget_minor, "currency": "RUB" } }),
            &[("idempotency-key", &format!("fund-{program}"))],
        )
        .await;
    assert_eq!(
        funded.status,
        201,
        "{}",
        String::from_utf8_lossy(&funded.body)
    );
    program
}

async fn issue(app: &TestApp, authority: &str, program: &str, recipient: &str) -> (u16, Value) {
    let response = app
        .post_json(
            &format!("/api/v1/authorities/{authority}/programs/{program}/certificates"),
            &json!({ "recipient_id": recipient }),
        )
        .await;
    (response.status.as_u16(), response.json())
}

async fn verify_clean(app: &TestApp, authority: &str) {
    let report = app
        .get(&format!("/api/v1/authorities/{authority}/ledger/verify"))
        .await
        .ok_json();
    assert_eq!(report["violations"], json!([]), "{report}");
}

on_both_backends! {
    async fn an_officer_issues_certificates_and_the_waitlist_is_served_when_money_returns(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let services = service_ids(&app, &khabarovsk).await;
        // Budget for two certificates.
        let program = create_program(&app, &khabarovsk, &home_care_program(&services, Some(10)), 10_000_000).await;

        let maria = register(&app, &khabarovsk, &person(1, "Иванова", "1950-03-01", json!([{ "category": "pensioner" }]))).await;
        let olga = register(&app, &khabarovsk, &person(2, "Петрова", "1955-07-12", json!([]))).await;
        let nina = register(&app, &khabarovsk, &person(3, "Сидорова", "1949-01-20", json!([]))).await;
        let young = register(&app, &khabarovsk, &person(4, "Кузнецова", "2001-05-05", json!([]))).await;

        let (status, first) = issue(&app, &khabarovsk, &program, &maria).await;
        assert_eq!(status, 201, "{first}");
        assert_eq!(first["outcome"], "issued");
        let certificate = &first["certificate"];
        assert_eq!(certificate["status"], "active");
        assert_eq!(certificate["value"]["amount_minor"], 5_000_000);
        assert_eq!(certificate["available"]["amount_minor"], 5_000_000);
        let number = certificate["number_display"].as_str().unwrap().to_owned();
        assert!(number.starts_with(&format!("27-{}-", today().year())), "{number}");
        socert_domain::CertificateNumber::parse(&number).expect("the check digit is right");

        // Asking again issues nothing twice.
        let (status, again) = issue(&app, &khabarovsk, &program, &maria).await;
        assert_eq!(status, 200);
        assert_eq!(again["outcome"], "already_issued");
        assert_eq!(again["certificate"]["id"], certificate["id"]);

        // Too young: refused with every failed rule, in the caller's language.
        let refused = app
            .post_json_with(
                &format!("/api/v1/authorities/{khabarovsk}/programs/{program}/certificates"),
                &json!({ "recipient_id": young }),
                &[("accept-language", "ru-RU,ru;q=0.9")],
            )
            .await;
        assert_eq!(refused.status, 422);
        let refused = refused.json();
        assert_eq!(refused["outcome"], "refused");
        assert_eq!(refused["refusals"][0]["code"], "too_young");
        let message = refused["refusals"][0]["message"].as_str().unwrap();
        assert!(message.contains("60"), "{message}");
        assert!(message.chars().any(|c| ('а'..='я').contains(&c)), "not Russian: {message}");

        let (status, _) = issue(&app, &khabarovsk, &program, &olga).await;
        assert_eq!(status, 201);
        // The budget is spent: Nina waits, first in line.
        let (status, waiting) = issue(&app, &khabarovsk, &program, &nina).await;
        assert_eq!(status, 202, "{waiting}");
        assert_eq!(waiting["outcome"], "waitlisted");
        assert_eq!(waiting["waitlist"]["position"], 1);

        let state = app.get(&format!("/api/v1/authorities/{khabarovsk}/programs/{program}")).await.ok_json();
        assert_eq!(state["budget"]["amount_minor"], 0);
        assert_eq!(state["live_certificates"], 2);

        // Maria moves away: her certificate is revoked and its money goes to Nina at once.
        let id = certificate["id"].as_str().unwrap();
        let no_reason = app.post_json(&format!("/api/v1/authorities/{khabarovsk}/certificates/{id}/revocation"), &json!({ "reason": " " })).await;
        no_reason.problem(422, "reason_required");
        let revoked = app
            .post_json(&format!("/api/v1/authorities/{khabarovsk}/certificates/{id}/revocation"), &json!({ "reason": "переезд в другой регион" }))
            .await
            .ok_json();
        assert_eq!(revoked["status"], "revoked");
        assert_eq!(revoked["returned"]["amount_minor"], 5_000_000);
        assert_eq!(revoked["available"]["amount_minor"], 0);
        let again = app.post_json(&format!("/api/v1/authorities/{khabarovsk}/certificates/{id}/revocation"), &json!({ "reason": "ещё раз" })).await;
        again.problem(422, "illegal_transition");

        let line = app.get(&format!("/api/v1/authorities/{khabarovsk}/programs/{program}/waitlist")).await.ok_json();
        assert_eq!(line["items"][0]["recipient_id"], nina.as_str());
        assert_eq!(line["items"][0]["status"], "offered");
        let ninas = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{nina}/certificates")).await.ok_json();
        assert_eq!(ninas["items"][0]["status"], "active");
        assert_eq!(ninas["items"][0]["available"]["amount_minor"], 5_000_000);

        let state = app.get(&format!("/api/v1/authorities/{khabarovsk}/programs/{program}")).await.ok_json();
        assert_eq!(state["budget"]["amount_minor"], 0);
        assert_eq!(state["live_certificates"], 2);
        verify_clean(&app, &khabarovsk).await;

        // Nina's daughter signs in and prints the certificate.
        app.sign_in("admin@khabarovsk.demo").await;
        let user = app
            .post_json(
                &format!("/api/v1/authorities/{khabarovsk}/users"),
                &json!({ "login": "daughter@example.org", "display_name": "Дочь", "password": "long enough password", "roles": [{ "role": "recipient", "subject_id": nina }] }),
            )
            .await;
        assert_eq!(user.status, 201, "{}", String::from_utf8_lossy(&user.body));
        let daughter = app.login_with("daughter@example.org", "long enough password").await.ok().unwrap();
        let mine = app
            .send_as(&daughter, axum::http::Request::get("/api/v1/me/certificates").body(axum::body::Body::empty()).unwrap())
            .await
            .ok_json();
        let items = mine["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["program"]["ru"], "Уход на дому");
        let ninas_id = items[0]["id"].as_str().unwrap();
        let detail = app
            .send_as(&daughter, axum::http::Request::get(format!("/api/v1/me/certificates/{ninas_id}")).body(axum::body::Body::empty()).unwrap())
            .await
            .ok_json();
        assert_eq!(detail["history"][0]["amount"]["amount_minor"], 5_000_000);
        let page = app
            .send_as(
                &daughter,
                axum::http::Request::get(format!("/api/v1/me/certificates/{ninas_id}/print"))
                    .header("accept-language", "uk")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(page.status, 200);
        assert!(page.header("content-type").unwrap().starts_with("text/html"));
        let html = String::from_utf8_lossy(&page.body);
        assert!(html.contains(items[0]["number_display"].as_str().unwrap()), "{html}");
        assert!(html.contains("<svg"), "QR code missing");
        assert!(html.contains("Сидорова"), "holder missing");
        // Someone else's certificate does not exist for her.
        let other = revoked["id"].as_str().unwrap();
        let hidden = app
            .send_as(&daughter, axum::http::Request::get(format!("/api/v1/me/certificates/{other}")).body(axum::body::Body::empty()).unwrap())
            .await;
        assert_eq!(hidden.status, 404);

        // Every opening of a file is in the audit log.
        app.sign_in("officer@khabarovsk.demo").await;
        app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{maria}")).await.ok_json();
        app.sign_in("auditor@khabarovsk.demo").await;
        let log = app.get(&format!("/api/v1/authorities/{khabarovsk}/audit?object_kind=recipient&limit=500")).await.ok_json();
        let reads: Vec<&Value> = log["items"].as_array().unwrap().iter().filter(|e| e["action"] == "recipient.read").collect();
        assert!(reads.iter().any(|e| e["object_id"] == maria.as_str()), "{log}");
        assert!(reads.iter().any(|e| e["object_id"] == nina.as_str()), "printing reads the holder's name: {log}");
    }

    async fn a_suspected_duplicate_is_refused_with_a_pointer_and_kept_only_with_a_reason(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let first = register(&app, &khabarovsk, &person(10, "Смирнова", "1951-02-02", json!([]))).await;
        let path = format!("/api/v1/authorities/{khabarovsk}/recipients");

        let same_id = app.post_json(&path, &person(10, "Смирнова-Ким", "1951-02-02", json!([]))).await;
        let problem = same_id.problem(409, "suspected_duplicate");
        assert_eq!(problem["existing_id"], first.as_str());
        assert_eq!(problem["field"], "national_id");

        let same_name = app.post_json(&path, &person(11, "СМИРНОВА", "1951-02-02", json!([]))).await;
        assert_eq!(same_name.problem(409, "suspected_duplicate")["existing_id"], first.as_str());

        let mut kept = person(11, "Смирнова", "1951-02-02", json!([]));
        kept["duplicate_override_reason"] = json!("Однофамилицы-близнецы, проверено по паспортам");
        let kept = app.post_json(&path, &kept).await;
        assert_eq!(kept.status, 201);
        assert_eq!(kept.json()["duplicate_of"], first.as_str());

        let mut bad = person(12, "", "2199-01-01", json!([{ "category": "astronaut" }]));
        bad["national_id"] = json!("112-233-445 96");
        app.post_json(&path, &bad).await.problem(422, "validation_failed");
    }

    async fn two_hundred_officers_race_for_fifty_certificates(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let services = service_ids(&app, &khabarovsk).await;
        let program = create_program(&app, &khabarovsk, &home_care_program(&services, None), 50 * 5_000_000).await;
        let mut people = Vec::new();
        for n in 0..200 {
            // Names never hold digits: spell the number in letters to keep the names apart.
            let spelled: String = n.to_string().chars().map(|d| "абвгдежзик".chars().nth(d.to_digit(10).unwrap() as usize).unwrap()).collect();
            people.push(register(&app, &khabarovsk, &person(100 + n, &format!("Человек-{spelled}"), "1950-01-01", json!([]))).await);
        }
        let app = Arc::new(app);
        let mut racing = tokio::task::JoinSet::new();
        for recipient in people {
            let (app, khabarovsk, program) = (app.clone(), khabarovsk.clone(), program.clone());
            racing.spawn(async move { issue(&app, &khabarovsk, &program, &recipient).await });
        }
        let mut issued = 0;
        let mut waitlisted = 0;
        while let Some(result) = racing.join_next().await {
            let (status, body) = result.unwrap();
            match body["outcome"].as_str().unwrap() {
                "issued" => issued += 1,
                "waitlisted" => waitlisted += 1,
                other => panic!("{status} {other}: {body}"),
            }
        }
        assert_eq!((issued, waitlisted), (50, 150));
        let state = app.get(&format!("/api/v1/authorities/{khabarovsk}/programs/{program}")).await.ok_json();
        assert_eq!(state["budget"]["amount_minor"], 0);
        assert_eq!(state["live_certificates"], 50);
        let line = app.get(&format!("/api/v1/authorities/{khabarovsk}/programs/{program}/waitlist")).await.ok_json();
        assert_eq!(line["items"].as_array().unwrap().iter().filter(|w| w["status"] == "waiting").count(), 150);
        verify_clean(&app, &khabarovsk).await;
    }

    async fn expired_certificates_return_their_money_and_the_next_in_line_is_served(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let services = service_ids(&app, &khabarovsk).await;
        let mut body = home_care_program(&services, Some(1));
        body["certificate"]["validity_months"] = json!(1);
        body["priority_categories"] = json!(["disability_group_1"]);
        let program = create_program(&app, &khabarovsk, &body, 20_000_000).await;
        let first = register(&app, &khabarovsk, &person(20, "Первая", "1940-01-01", json!([]))).await;
        let plain = register(&app, &khabarovsk, &person(21, "Вторая", "1940-01-01", json!([]))).await;
        let priority = register(&app, &khabarovsk, &person(22, "Третья", "1940-01-01", json!([{ "category": "disability_group_1", "valid_to": (today() + days(300)).to_string() }]))).await;
        assert_eq!(issue(&app, &khabarovsk, &program, &first).await.0, 201);
        // The quota of one is taken: both wait; the later one holds a priority category.
        assert_eq!(issue(&app, &khabarovsk, &program, &plain).await.1["waitlist"]["position"], 1);
        assert_eq!(issue(&app, &khabarovsk, &program, &priority).await.1["waitlist"]["position"], 1);

        // The daily job, run as if two months had passed.
        let authority = socert_domain::AuthorityId::from_uuid(khabarovsk.parse().unwrap());
        let expired = app.store.expire_certificates(authority, today() + days(62), &Actor::system("test")).await.unwrap();
        assert_eq!(expired, 1);
        let firsts = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{first}/certificates")).await.ok_json();
        assert_eq!(firsts["items"][0]["status"], "expired");
        assert_eq!(firsts["items"][0]["returned"]["amount_minor"], 5_000_000);
        let priority_holds = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{priority}/certificates")).await.ok_json();
        assert_eq!(priority_holds["items"][0]["status"], "active", "priority is served first");
        let plain_holds = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{plain}/certificates")).await.ok_json();
        assert_eq!(plain_holds["items"], json!([]));
        verify_clean(&app, &khabarovsk).await;
    }
}

/// Uploads a file of recipients and waits for the run to finish.
async fn upload_and_wait(app: &TestApp, authority: &str, program: &str, csv: &str) -> Value {
    let request = axum::http::Request::post(format!(
        "/api/v1/authorities/{authority}/programs/{program}/issuance-runs?file_name=people.csv"
    ))
    .header("content-type", "text/csv")
    .body(axum::body::Body::from(csv.to_owned()))
    .unwrap();
    let started = app.send(request).await;
    assert_eq!(
        started.status,
        202,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    wait_for_run(app, started.header("location").unwrap()).await
}

/// Polls an issuance run until it stops running.
async fn wait_for_run(app: &TestApp, location: &str) -> Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
    loop {
        let run = app.get(location).await.ok_json();
        if run["status"] != "running" {
            return run;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the run did not finish: {run}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

on_both_backends! {
    async fn an_officer_issues_ten_thousand_certificates_from_a_file_and_a_rerun_issues_none(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let services = service_ids(&app, &khabarovsk).await;
        let mut body = home_care_program(&services, None);
        body["eligibility"] = json!({});
        body["certificate"]["value"]["amount"]["amount_minor"] = json!(100_000);
        // Money for 9 000 of the 9 500 good rows.
        let program = create_program(&app, &khabarovsk, &body, 9_000 * 100_000).await;
        let csv = socert_domain::demo_people::people_csv(10_000, 5, 42, &["08701000"]);
        let bad: std::collections::BTreeSet<u64> = socert_domain::demo_people::bad_lines(10_000, 5, 42).into_iter().collect();
        assert_eq!(bad.len(), 500);

        let run = upload_and_wait(&app, &khabarovsk, &program, &csv).await;
        assert_eq!(run["status"], "done", "{run}");
        assert_eq!(run["rows_total"], 10_000);
        assert_eq!(run["rows_done"], 10_000);
        assert_eq!((run["issued"].as_i64(), run["waitlisted"].as_i64(), run["refused"].as_i64(), run["already_issued"].as_i64()), (Some(9_000), Some(500), Some(500), Some(0)), "{run}");

        // The report names exactly the bad lines, each with the field at fault.
        let report = app.get(run["report_url"].as_str().unwrap()).await;
        assert_eq!(report.status, 200);
        let mut reader = csv::Reader::from_reader(&report.body[..]);
        let mut refused_lines = std::collections::BTreeSet::new();
        let mut issued_numbers = std::collections::BTreeSet::new();
        for record in reader.records() {
            let record = record.unwrap();
            match &record[1] {
                "refused" => {
                    assert!(!record[4].is_empty(), "a refusal names its field: {record:?}");
                    refused_lines.insert(record[0].parse::<u64>().unwrap());
                }
                "issued" => {
                    issued_numbers.insert(record[2].to_owned());
                }
                "waitlisted" => assert!(record[5].starts_with("position "), "{record:?}"),
                other => panic!("unexpected outcome {other}"),
            }
        }
        assert_eq!(refused_lines, bad);
        assert_eq!(issued_numbers.len(), 9_000, "every certificate has its own number");

        // The same file again: nothing is issued twice.
        let rerun = upload_and_wait(&app, &khabarovsk, &program, &csv).await;
        assert_eq!((rerun["issued"].as_i64(), rerun["waitlisted"].as_i64(), rerun["refused"].as_i64(), rerun["already_issued"].as_i64()), (Some(0), Some(500), Some(500), Some(9_000)), "{rerun}");
        let state = app.get(&format!("/api/v1/authorities/{khabarovsk}/programs/{program}")).await.ok_json();
        assert_eq!(state["live_certificates"], 9_000);
        assert_eq!(state["budget"]["amount_minor"], 0);
        verify_clean(&app, &khabarovsk).await;

        // A file that is not a list of people is refused as a whole.
        let request = axum::http::Request::post(format!("/api/v1/authorities/{khabarovsk}/programs/{program}/issuance-runs"))
            .header("content-type", "text/csv")
            .body(axum::body::Body::from("name,age\nIvan,40\n"))
            .unwrap();
        let refused = app.send(request).await;
        assert_eq!(refused.problem(422, "validation_failed")["field"], "file");
    }
}

/// A list of four people as LibreOffice Calc (ru) saved it: a title above the header, birth dates
/// as date cells, one SNILS typed as a number, an empty row. Made from
/// `fixtures/recipients-libreoffice.source.csv` with
/// `soffice --headless --infilter="CSV:59,34,76,1,1/2/2/2/3/2/4/4/5/1/6/2/7/2/8/2/9/2/10/2,1049"
/// --convert-to xlsx`.
const LIBREOFFICE_LIST: &[u8] = include_bytes!("../fixtures/recipients-libreoffice.xlsx");

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

on_both_backends! {
    async fn an_officer_issues_certificates_from_an_excel_workbook(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let services = service_ids(&app, &khabarovsk).await;
        let program = create_program(&app, &khabarovsk, &home_care_program(&services, None), 100_000_000).await;
        let upload = |bytes: &'static [u8]| {
            axum::http::Request::post(format!("/api/v1/authorities/{khabarovsk}/programs/{program}/issuance-runs"))
                .header("content-type", XLSX)
                .body(axum::body::Body::from(bytes))
                .unwrap()
        };
        let started = app.send(upload(LIBREOFFICE_LIST)).await;
        assert_eq!(started.status, 202, "{}", String::from_utf8_lossy(&started.body));
        let run = started.json();
        // Without a name the run is named for what was sent.
        assert_eq!(run["file_name"], "upload.xlsx");
        assert_eq!(run["rows_total"], 4);
        let run = wait_for_run(&app, started.header("location").unwrap()).await;
        assert_eq!(run["status"], "done", "{run}");
        assert_eq!((run["issued"].as_i64(), run["refused"].as_i64()), (Some(3), Some(1)), "{run}");

        // The report counts rows as the sheet does: the header is row 3, the bad person row 6.
        let report = app.get(run["report_url"].as_str().unwrap()).await;
        let mut reader = csv::Reader::from_reader(&report.body[..]);
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        let lines: Vec<(&str, &str, &str)> = records.iter().map(|r| (&r[0], &r[1], &r[4])).collect();
        assert_eq!(lines, [
            ("4", "issued", ""),
            ("5", "issued", ""),
            ("6", "refused", "birth_date"),
            ("6", "refused", "national_id"),
            ("8", "issued", ""),
        ]);

        // The people are as the sheet shows them: the date cell a date, the numeric SNILS whole.
        let kim = &records[1][3];
        let kim = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{kim}")).await.ok_json();
        assert_eq!(kim["last_name"], "Ким");
        assert_eq!(kim["birth_date"], "1948-09-01");
        let digits: String = kim["national_id"].as_str().unwrap().chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits, "77700000269");
        assert_eq!(kim["municipality"], "08701000");

        // The same workbook again issues nothing twice.
        let started = app.send(upload(LIBREOFFICE_LIST)).await;
        let rerun = wait_for_run(&app, started.header("location").unwrap()).await;
        assert_eq!((rerun["issued"].as_i64(), rerun["already_issued"].as_i64(), rerun["refused"].as_i64()), (Some(0), Some(3), Some(1)), "{rerun}");

        // A list may be larger than other uploads (200 000 rows of CSV take about 32 MB): 11 MiB
        // of rows is read, and refused for its row count; 41 MiB is refused unread.
        let sized = |bytes: usize| {
            let mut csv = "last_name,first_name,middle_name,birth_date,national_id,municipality,address,phone,email,categories\n".to_owned();
            csv.push_str(&"x,,,,,,,,,\n".repeat(bytes / 11));
            axum::http::Request::post(format!("/api/v1/authorities/{khabarovsk}/programs/{program}/issuance-runs"))
                .header("content-type", "text/csv")
                .body(axum::body::Body::from(csv))
                .unwrap()
        };
        let rows = app.send(sized(11 << 20)).await.problem(422, "validation_failed");
        assert!(rows["detail"].as_str().unwrap().contains("200000"), "{rows}");
        let bytes = app.send(sized(41 << 20)).await.problem(413, "payload_too_large");
        assert!(bytes["detail"].as_str().unwrap().contains(&(40usize << 20).to_string()), "{bytes}");
        // Other uploads keep their 10 MiB.
        let providers = axum::http::Request::post(format!("/api/v1/authorities/{khabarovsk}/providers/import"))
            .header("content-type", "text/csv")
            .body(axum::body::Body::from(vec![b'x'; 11 << 20]))
            .unwrap();
        app.send(providers).await.problem(413, "payload_too_large");

        // An Excel 97-2003 file is refused as a whole, saying what to save it as.
        let refused = app.send(upload(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old workbook")).await;
        let problem = refused.problem(422, "validation_failed");
        assert_eq!(problem["field"], "file");
        assert!(problem["detail"].as_str().unwrap().contains("(.xlsx)"), "{problem}");
        verify_clean(&app, &khabarovsk).await;
    }
}

on_both_backends! {
    async fn a_certificate_follows_the_assessed_need_at_the_normative_cost(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let home_care = app
            .all_services(&khabarovsk, "", 200)
            .await
            .into_iter()
            .find(|s| s["code"] == "HOME-CARE-HOUR")
            .unwrap();
        let service = home_care["id"].as_str().unwrap().to_owned();
        let normative = home_care["normative_cost"]["cost"]["amount_minor"].as_i64().unwrap();
        let mut body = home_care_program(std::slice::from_ref(&service), None);
        body["certificate"] = json!({ "value": { "kind": "assessed", "service_id": service }, "validity_months": 3 });
        let program = create_program(&app, &khabarovsk, &body, 1_000_000_000).await;
        let maria = register(&app, &khabarovsk, &person(30, "Оценённая", "1945-06-06", json!([]))).await;

        // Without an assessment there is nothing to value the certificate by.
        let (status, refused) = issue(&app, &khabarovsk, &program, &maria).await;
        assert_eq!(status, 422);
        assert_eq!(refused["refusals"][0]["code"], "no_assessment");

        let assessed = app
            .post_json(
                &format!("/api/v1/authorities/{khabarovsk}/recipients/{maria}/assessments"),
                &json!({ "service_id": service, "units_per_month": 40, "valid_from": (today() - days(10)).to_string(), "valid_to": (today() + days(365)).to_string(), "source_document": "Акт оценки № 17" }),
            )
            .await;
        assert_eq!(assessed.status, 201, "{}", String::from_utf8_lossy(&assessed.body));
        let (status, issued) = issue(&app, &khabarovsk, &program, &maria).await;
        assert_eq!(status, 201, "{issued}");
        // Three months of validity touch three or four calendar months.
        let units = issued["certificate"]["units"].as_i64().unwrap();
        assert!(units == 120 || units == 160, "{issued}");
        assert_eq!(issued["certificate"]["value"]["amount_minor"].as_i64().unwrap(), units * normative);

        let file = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{maria}")).await.ok_json();
        assert_eq!(file["assessments"][0]["units_per_month"], 40);
        verify_clean(&app, &khabarovsk).await;
    }
}

on_both_backends! {
    async fn a_run_cut_off_by_a_restart_is_reported_failed_not_left_running(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let services = service_ids(&app, &khabarovsk).await;
        let program = create_program(&app, &khabarovsk, &home_care_program(&services, None), 10_000_000).await;
        let authority = socert_domain::AuthorityId::from_uuid(khabarovsk.parse().unwrap());
        let run = app.store.create_run(authority, program.parse().unwrap(), "people.csv", 10).await.unwrap();
        assert_eq!(app.store.interrupt_running_runs().await.unwrap(), 1);
        let seen = app.get(&format!("/api/v1/authorities/{khabarovsk}/issuance-runs/{}", run.id)).await.ok_json();
        assert_eq!(seen["status"], "failed");
        assert!(seen["error"].as_str().unwrap().contains("upload the file again"), "{seen}");
        assert_eq!(app.store.interrupt_running_runs().await.unwrap(), 0);
    }
}
