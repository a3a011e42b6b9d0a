//! Money follows the recipient: a daughter enrolls her mother with a home-care provider, the
//! nurse's visits are recorded and confirmed, the provider claims and is paid, and the mother can
//! switch provider at any time without losing a kopeck.

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use socert_domain::Date;

use crate::on_both_backends;
use crate::support::{Credentials, TestApp, snils};

pub fn today() -> Date {
    let tz = jiff::tz::TimeZone::get("Asia/Vladivostok").unwrap_or(jiff::tz::TimeZone::UTC);
    tz.to_datetime(jiff::Timestamp::now()).date()
}

fn days(n: i64) -> jiff::Span {
    jiff::Span::new().days(n)
}

/// What the stories share: a program, an admitted provider with two offers, and a helper to
/// give people certificates.
pub struct World {
    pub authority: String,
    program: String,
    pub provider: String,
    /// 2 500 ₽ a visit (under the normative: no co-payment).
    pub offer: String,
    /// Another offer of the same kind, to switch to.
    pub other_offer: String,
    /// The provider's admission in the authority.
    admission: String,
    /// The palliative home-visit service the offers and the program are for.
    pub service: String,
}

pub async fn world(app: &TestApp, capacity: u32) -> World {
    let authority = app.authority("27").await;
    let service = app
        .all_services(&authority, "", 200)
        .await
        .iter()
        .find(|s| s["code"] == "PAL-HOME-VISIT")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let (provider, admission) = admitted_provider(
        app,
        &json!({
            "legal_form": "ngo",
            "full_name": "Автономная некоммерческая организация «Тёплый дом»",
            "short_name": "АНО «Тёплый дом»",
            "country": "RU",
            "tax_id": "7707083893",
            "registration_number": "1027700132195",
            "phone": "+7 4212 00-00-00",
            "email": "info@teplydom.example",
            "description": "Паллиативная помощь на дому",
            "location": { "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск", "latitude": 48.4802, "longitude": 135.0719 },
            "bank_account": "40703810000000000001",
            "bank_id": "040813608",
            "licences": []
        }),
        &authority,
        &service,
    )
    .await;

    let mut offers = Vec::new();
    for title in ["Визиты медсестры на дому", "Уход и визиты сиделки"]
    {
        let offer = app
            .post_json(
                &format!("/api/v1/providers/{provider}/offers"),
                &json!({
                    "authority_id": authority,
                    "service_id": service,
                    "title_ru": title,
                    "title_uk": "Візити медсестри вдома",
                    "description": "Выездная служба паллиативной помощи.",
                    "price": { "amount_minor": 250_000, "currency": "RUB" },
                    "capacity": capacity,
                    "schedule": "Пн–Сб 8:00–20:00",
                    "location": { "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск", "latitude": 48.4802, "longitude": 135.0719 },
                    "home_visits": true,
                    "languages": ["ru"]
                }),
            )
            .await;
        assert_eq!(
            offer.status,
            201,
            "{}",
            String::from_utf8_lossy(&offer.body)
        );
        offers.push(offer.json()["id"].as_str().unwrap().to_owned());
    }

    app.sign_in("officer@khabarovsk.demo").await;
    let program = app
        .post_json(
            &format!("/api/v1/authorities/{authority}/programs"),
            &json!({
                "names": { "ru": "Паллиативная помощь", "uk": "Паліативна допомога", "en": "Palliative care" },
                "services": [service],
                "starts": (today() - days(30)).to_string(),
                "ends": (today() + days(400)).to_string(),
                "eligibility": { "min_age": 18, "required_any_category": [] },
                "certificate": { "value": { "kind": "money", "amount": { "amount_minor": 5_000_000, "currency": "RUB" } }, "validity_months": 12 }
            }),
        )
        .await;
    assert_eq!(
        program.status,
        201,
        "{}",
        String::from_utf8_lossy(&program.body)
    );
    let program = program.json()["id"].as_str().unwrap().to_owned();
    let funded = app
        .post_json_with(
            &format!("/api/v1/authorities/{authority}/programs/{program}/funding"),
            &json!({ "amount": { "amount_minor": 1_000_000_000, "currency": "RUB" } }),
            &[("idempotency-key", "fund-palliative")],
        )
        .await;
    assert_eq!(funded.status, 201);
    World {
        authority,
        program,
        provider,
        offer: offers[0].clone(),
        other_offer: offers[1].clone(),
        admission,
        service,
    }
}

impl World {
    /// Registers person `n` and issues a certificate of the program; returns (recipient,
    /// certificate). The officer must be signed in (signing in for each of a hundred people
    /// would spend the test on password hashing).
    pub async fn certificate_for(&self, app: &TestApp, n: u32) -> (String, String) {
        let recipient = app
            .post_json(
                &format!("/api/v1/authorities/{}/recipients", self.authority),
                &json!({
                    "last_name": "Петрова",
                    "first_name": "Нина",
                    "middle_name": "Ивановна",
                    // People differ by birth date: the same name and birthday would be a suspected duplicate.
                    "birth_date": (jiff::civil::date(1945, 1, 1) + days(i64::from(n))).to_string(),
                    "national_id": snils(200_000_000 + n),
                    "municipality": "08701000",
                    "address": "г. Хабаровск, ул. Карла Маркса, д. 10",
                    "categories": []
                }),
            )
            .await;
        assert_eq!(
            recipient.status,
            201,
            "{}",
            String::from_utf8_lossy(&recipient.body)
        );
        let recipient = recipient.json()["id"].as_str().unwrap().to_owned();
        let issued = app
            .post_json(
                &format!(
                    "/api/v1/authorities/{}/programs/{}/certificates",
                    self.authority, self.program
                ),
                &json!({ "recipient_id": recipient }),
            )
            .await;
        assert_eq!(
            issued.status,
            201,
            "{}",
            String::from_utf8_lossy(&issued.body)
        );
        let certificate = issued.json()["certificate"]["id"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| issued.json()["id"].as_str().map(str::to_owned))
            .unwrap();
        (recipient, certificate)
    }

    /// A user acting for `recipient` (their daughter), signed in.
    pub async fn family(&self, app: &TestApp, recipient: &str, login: &str) -> Credentials {
        app.sign_in("admin@khabarovsk.demo").await;
        let user = app
            .post_json(
                &format!("/api/v1/authorities/{}/users", self.authority),
                &json!({ "login": login, "display_name": "Дочь", "password": "long enough password", "roles": [{ "role": "recipient", "subject_id": recipient }] }),
            )
            .await;
        assert_eq!(user.status, 201, "{}", String::from_utf8_lossy(&user.body));
        app.login_with(login, "long enough password")
            .await
            .ok()
            .unwrap()
    }

    pub fn provider_path(&self, rest: &str) -> String {
        format!(
            "/api/v1/providers/{}/authorities/{}{rest}",
            self.provider, self.authority
        )
    }
}

/// A provider registered by the demo provider's user, applied for `service` of `authority`,
/// reviewed and admitted by the officer; the provider's user is signed in again after. The
/// provider's id and its admission's.
pub async fn admitted_provider(
    app: &TestApp,
    registration: &Value,
    authority: &str,
    service: &str,
) -> (String, String) {
    app.sign_in("provider@khabarovsk.demo").await;
    let provider = app.post_json("/api/v1/providers", registration).await;
    assert_eq!(
        provider.status,
        201,
        "{}",
        String::from_utf8_lossy(&provider.body)
    );
    let provider = provider.json()["id"].as_str().unwrap().to_owned();
    let applied = app
        .post_json(
            &format!("/api/v1/providers/{provider}/admissions"),
            &json!({ "authority_id": authority, "service_ids": [service] }),
        )
        .await
        .ok_json();
    let admission = applied["id"].as_str().unwrap().to_owned();
    app.sign_in("officer@khabarovsk.demo").await;
    let decision = format!("/api/v1/authorities/{authority}/admissions/{admission}/decision");
    app.post_json(&decision, &json!({ "event": "start_review" }))
        .await
        .ok_json();
    app.post_json(&decision, &json!({ "event": "admit" }))
        .await
        .ok_json();
    app.sign_in("provider@khabarovsk.demo").await;
    (provider, admission)
}

pub async fn as_user(
    app: &TestApp,
    who: &Credentials,
    method: &str,
    path: &str,
    body: Option<&Value>,
    key: Option<&str>,
) -> crate::support::TestResponse {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
        None => request.body(Body::empty()).unwrap(),
    };
    app.send_as(who, request).await
}

pub async fn verify_clean(app: &TestApp, authority: &str) {
    app.sign_in("auditor@khabarovsk.demo").await;
    let report = app
        .get(&format!("/api/v1/authorities/{authority}/ledger/verify"))
        .await
        .ok_json();
    assert_eq!(report["violations"], json!([]), "{report}");
}

async fn balance(app: &TestApp, authority: &str, kind: &str, owner: &str) -> i64 {
    app.sign_in("auditor@khabarovsk.demo").await;
    app.get(&format!(
        "/api/v1/authorities/{authority}/ledger/accounts/{kind}/{owner}"
    ))
    .await
    .ok_json()["balance"]["amount_minor"]
        .as_i64()
        .unwrap()
}

/// Records `count` visits today; returns their ids.
pub async fn deliver(app: &TestApp, w: &World, enrollment: &str, count: usize) -> Vec<String> {
    app.sign_in("provider@khabarovsk.demo").await;
    let records: Vec<Value> = (0..count)
        .map(|i| json!({ "enrollment_id": enrollment, "delivered_on": today().to_string(), "delivered_at": format!("{:02}:00", 8 + i % 12), "units": 1, "worker": "Иванова А. С.", "note": "" }))
        .collect();
    let report = app
        .post_json(
            &w.provider_path("/deliveries"),
            &json!({ "records": records }),
        )
        .await
        .ok_json();
    assert_eq!(report["recorded"], count, "{report}");
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["record"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Ids, which differ per run, replaced by their role.
fn normalized(text: &str, names: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (id, name) in names {
        out = out.replace(id, name);
    }
    out
}

on_both_backends! {
    async fn a_month_of_home_care_from_enrollment_to_payment(app: TestApp) {
        let w = world(&app, 5).await;
        let (nina, certificate) = w.certificate_for(&app, 1).await;
        let daughter = w.family(&app, &nina, "daughter@example.org").await;

        // The daughter finds the nurse's offer and asks what 20 visits would cost.
        app.sign_out_locally();
        let found = app.get("/api/v1/public/offers?q=визиты+медсестры").await.ok_json();
        assert!(found["items"].as_array().unwrap().iter().any(|o| o["offer"]["id"] == w.offer.as_str()), "{found}");
        let request = json!({ "certificate_id": certificate, "offer_id": w.offer, "volume": 20, "starts_on": today().to_string() });
        let quote = as_user(&app, &daughter, "POST", "/api/v1/me/enrollments/quote", Some(&request), None).await.ok_json();
        assert_eq!(quote["total"]["amount_minor"], 5_000_000);
        assert_eq!(quote["covered"]["amount_minor"], 5_000_000);
        assert_eq!(quote["copay"]["amount_minor"], 0);

        // She enrolls (twice, as a retry would): one enrollment, one hold.
        let enrolled = as_user(&app, &daughter, "POST", "/api/v1/me/enrollments", Some(&request), Some("enroll-nina-1")).await;
        assert_eq!(enrolled.status, 201, "{}", String::from_utf8_lossy(&enrolled.body));
        let enrollment = enrolled.json()["id"].as_str().unwrap().to_owned();
        let again = as_user(&app, &daughter, "POST", "/api/v1/me/enrollments", Some(&request), Some("enroll-nina-1")).await;
        assert_eq!(again.status, 200);
        assert_eq!(again.json()["id"], enrollment.as_str());
        assert_eq!(balance(&app, &w.authority, "held", &certificate).await, 5_000_000);
        assert_eq!(balance(&app, &w.authority, "available", &certificate).await, 0);

        // The provider sees the request and accepts.
        app.sign_in("provider@khabarovsk.demo").await;
        let inbox = app.get(&w.provider_path("/notifications")).await.ok_json();
        assert_eq!(inbox["items"][0]["kind"], "enrollment_requested");
        let accepted = app.post_json(&w.provider_path(&format!("/enrollments/{enrollment}/decision")), &json!({ "decision": "accept" })).await.ok_json();
        assert_eq!(accepted["status"], "active");

        // 20 visits; a 21st is beyond the volume and refused with its reason.
        let records = deliver(&app, &w, &enrollment, 20).await;
        let extra = app
            .post_json(&w.provider_path("/deliveries"), &json!({ "records": [{ "enrollment_id": enrollment, "delivered_on": today().to_string(), "units": 1, "worker": "Иванова А. С." }] }))
            .await
            .ok_json();
        assert_eq!(extra["items"][0]["code"], "OVER_VOLUME", "{extra}");

        // Nina's daughter confirms 18, disputes one, says nothing about the last.
        let mine = as_user(&app, &daughter, "GET", "/api/v1/me/deliveries", None, None).await.ok_json();
        assert_eq!(mine["items"].as_array().unwrap().len(), 20);
        for id in &records[..18] {
            let done = as_user(&app, &daughter, "POST", &format!("/api/v1/me/deliveries/{id}/confirmation"), None, None).await.ok_json();
            assert_eq!(done["status"], "confirmed");
        }
        as_user(&app, &daughter, "POST", &format!("/api/v1/me/deliveries/{}/dispute", records[18]), Some(&json!({ "reason": "" })), None)
            .await
            .problem(422, "reason_required");
        let disputed = as_user(&app, &daughter, "POST", &format!("/api/v1/me/deliveries/{}/dispute", records[18]), Some(&json!({ "reason": "Медсестра не приходила" })), None).await.ok_json();
        assert_eq!(disputed["status"], "disputed");

        // Five days later the last record confirms itself (the daily job, as the clock moves on).
        let job = socert_store::audit::Actor::system("daily-jobs");
        let authority_id: socert_domain::AuthorityId = w.authority.parse().unwrap();
        let report = app.store.run_daily_jobs(authority_id, today() + days(4), &job).await.unwrap();
        assert_eq!(report.auto_confirmed, 0);
        assert_eq!(report.reminded, 1, "reminded the day before");
        let report = app.store.run_daily_jobs(authority_id, today() + days(5), &job).await.unwrap();
        assert_eq!(report.auto_confirmed, 1);
        let last = as_user(&app, &daughter, "GET", "/api/v1/me/deliveries", None, None).await.ok_json();
        assert!(last["items"].as_array().unwrap().iter().any(|r| r["id"] == records[19].as_str() && r["status"] == "auto_confirmed"));

        // The provider claims the month: a line twice, a line asking 2 units of a 1-unit visit,
        // and the disputed visit are rejected, each with its reason; the rest are paid.
        app.sign_in("provider@khabarovsk.demo").await;
        let mut lines: Vec<Value> = records.iter().map(|id| json!({ "delivery_record_id": id })).collect();
        lines[1] = json!({ "delivery_record_id": records[1], "units": 2 });
        lines.push(json!({ "delivery_record_id": records[0] }));
        let claim_body = json!({ "period_from": today().first_of_month().to_string(), "period_to": today().to_string(), "lines": lines });
        let claimed = app.post_json_with(&w.provider_path("/claims"), &claim_body, &[("idempotency-key", "claim-1")]).await;
        assert_eq!(claimed.status, 201, "{}", String::from_utf8_lossy(&claimed.body));
        let claim = claimed.json();
        assert_eq!(claim["lines"], 21);
        assert_eq!(claim["approved_lines"], 18);
        assert_eq!(claim["captured"]["amount_minor"], 18 * 250_000);
        let reasons: Vec<(i64, &str)> = claim["line_items"].as_array().unwrap().iter()
            .filter(|l| l["status"] == "rejected")
            .map(|l| (l["line_no"].as_i64().unwrap(), l["reason"].as_str().unwrap()))
            .collect();
        assert_eq!(reasons, [(2, "OVER_VOLUME"), (19, "NOT_CONFIRMED"), (21, "DUPLICATE")]);
        let replay = app.post_json_with(&w.provider_path("/claims"), &claim_body, &[("idempotency-key", "claim-1")]).await;
        assert_eq!(replay.status, 200);
        assert_eq!(replay.json()["id"], claim["id"]);
        let claim_id = claim["id"].as_str().unwrap().to_owned();
        let owed = app.get(&w.provider_path("/balance")).await.ok_json();
        assert_eq!(owed["payable"]["amount_minor"], 4_500_000);

        // The officer sees the open claim and settles the period.
        app.sign_in("officer@khabarovsk.demo").await;
        let open = app.get(&format!("/api/v1/authorities/{}/claims", w.authority)).await.ok_json();
        assert_eq!(open["items"].as_array().unwrap().len(), 1);
        let settled = app
            .post_json_with(&format!("/api/v1/authorities/{}/settlements", w.authority), &json!({ "period_to": today().to_string() }), &[("idempotency-key", "settle-1")])
            .await;
        assert_eq!(settled.status, 201, "{}", String::from_utf8_lossy(&settled.body));
        let batch = settled.json();
        assert_eq!(batch["total"]["amount_minor"], 4_500_000);
        let batch_id = batch["id"].as_str().unwrap().to_owned();
        let payment_id = batch["payments"][0]["id"].as_str().unwrap().to_owned();
        app.post_json_with(&format!("/api/v1/authorities/{}/settlements", w.authority), &json!({ "period_to": today().to_string() }), &[("idempotency-key", "settle-2")])
            .await
            .problem(422, "nothing_to_settle");

        // The payment register, exported twice, is the same file; its reference names the claim.
        let register = format!("/api/v1/authorities/{}/settlements/{batch_id}/register", w.authority);
        let csv = app.get(&format!("{register}.csv")).await;
        assert_eq!(csv.status, 200);
        assert_eq!(app.get(&format!("{register}.csv")).await.body, csv.body);
        let xlsx = app.get(&format!("{register}.xlsx")).await;
        assert_eq!(xlsx.status, 200);
        assert!(xlsx.body.starts_with(b"PK"), "an xlsx file is a zip");
        assert_eq!(app.get(&format!("{register}.xlsx")).await.body, xlsx.body);
        let csv = String::from_utf8(csv.body.to_vec()).unwrap();
        insta::assert_snapshot!(
            "payment_register_csv",
            normalized(&csv, &[(&batch_id, "{batch}"), (&payment_id, "{payment}"), (&claim_id, "{claim}")])
        );

        // The bank paid: payable becomes paid, once.
        let paid = app
            .post_json(&format!("{}/payment", register.trim_end_matches("/register")), &json!({ "paid_on": today().to_string(), "bank_reference": "ПП 1234" }))
            .await
            .ok_json();
        assert_eq!(paid["status"], "paid");
        app.post_json(&format!("{}/payment", register.trim_end_matches("/register")), &json!({ "paid_on": today().to_string(), "bank_reference": "ПП 1234" }))
            .await
            .problem(409, "already_paid");
        app.sign_in("provider@khabarovsk.demo").await;
        let owed = app.get(&w.provider_path("/balance")).await.ok_json();
        assert_eq!(owed["payable"]["amount_minor"], 0);
        assert_eq!(owed["paid"]["amount_minor"], 4_500_000);
        assert_eq!(owed["paid_history"][0]["amount"]["amount_minor"], 4_500_000);
        assert!(owed["paid_history"][0]["memo"].as_str().unwrap().contains("ПП 1234"), "{owed}");
        assert_eq!(owed["payable_history"].as_array().unwrap().len(), 2, "claimed, then paid out");
        let claim = app.get(&w.provider_path(&format!("/claims/{claim_id}"))).await.ok_json();
        assert_eq!(claim["line_items"][0]["status"], "paid");
        assert_eq!(claim["line_items"][1]["reason_text"], "more units than the delivery record has, or the enrolled volume is used up");
        let inbox = app.get(&w.provider_path("/notifications")).await.ok_json();
        assert_eq!(inbox["items"][0]["kind"], "payment_made");

        // To the kopeck: paid + held + available = the certificate's value.
        let paid = balance(&app, &w.authority, "paid", &w.provider).await;
        let held = balance(&app, &w.authority, "held", &certificate).await;
        let available = balance(&app, &w.authority, "available", &certificate).await;
        assert_eq!((paid, held, available), (4_500_000, 500_000, 0));
        verify_clean(&app, &w.authority).await;

        // The daughter sees what was delivered and paid, and her inbox.
        let used = as_user(&app, &daughter, "GET", &format!("/api/v1/me/certificates/{certificate}/use"), None, None).await.ok_json();
        assert_eq!(used["paid_lines"].as_array().unwrap().len(), 18);
        assert!(used["paid_lines"].as_array().unwrap().iter().all(|l| l["paid"] == true));
        let inbox = as_user(&app, &daughter, "GET", "/api/v1/me/notifications", None, None).await.ok_json();
        let kinds: Vec<&str> = inbox["items"].as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
        for kind in ["enrollment_accepted", "delivery_to_confirm", "auto_confirmation_soon", "delivery_auto_confirmed"] {
            assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
        }

        // The officer's budget burn shows the program's money where it is.
        app.sign_in("officer@khabarovsk.demo").await;
        let burn = app.get(&format!("/api/v1/authorities/{}/reports/budget-burn", w.authority)).await.ok_json();
        let line = burn["items"].as_array().unwrap().iter().find(|p| p["program_id"] == w.program.as_str()).unwrap().clone();
        assert_eq!(line["spent"]["amount_minor"], 4_500_000, "{line}");
        assert_eq!(line["held"]["amount_minor"], 500_000);

        app.reset_demo("claims").await;
    }

    async fn switching_mid_month_returns_exactly_the_unspent_hold(app: TestApp) {
        let w = world(&app, 5).await;
        let (nina, certificate) = w.certificate_for(&app, 2).await;
        let daughter = w.family(&app, &nina, "son@example.org").await;
        let request = json!({ "certificate_id": certificate, "offer_id": w.offer, "volume": 12, "starts_on": today().to_string() });
        let enrolled = as_user(&app, &daughter, "POST", "/api/v1/me/enrollments", Some(&request), Some("enroll-2")).await;
        assert_eq!(enrolled.status, 201, "{}", String::from_utf8_lossy(&enrolled.body));
        let enrollment = enrolled.json()["id"].as_str().unwrap().to_owned();
        app.sign_in("provider@khabarovsk.demo").await;
        app.post_json(&w.provider_path(&format!("/enrollments/{enrollment}/decision")), &json!({ "decision": "accept" })).await.ok_json();

        // Four visits: three confirmed and claimed, one recorded and not yet paid.
        let records = deliver(&app, &w, &enrollment, 4).await;
        for id in &records[..3] {
            as_user(&app, &daughter, "POST", &format!("/api/v1/me/deliveries/{id}/confirmation"), None, None).await.ok_json();
        }
        app.sign_in("provider@khabarovsk.demo").await;
        let claim = app
            .post_json_with(&w.provider_path("/claims"), &json!({ "period_from": today().to_string(), "period_to": today().to_string() }), &[("idempotency-key", "claim-switch")])
            .await;
        assert_eq!(claim.status, 201, "{}", String::from_utf8_lossy(&claim.body));
        assert_eq!(claim.json()["approved_lines"], 3);

        // She switches: 12 visits were held, 3 are paid, 1 is owed; 8 come back at once.
        let ended = as_user(&app, &daughter, "POST", &format!("/api/v1/me/enrollments/{enrollment}/cancellation"), None, None).await.ok_json();
        assert_eq!(ended["status"], "cancelled");
        assert_eq!(ended["released"]["amount_minor"], 8 * 250_000);
        assert_eq!(ended["held"]["amount_minor"], 250_000);
        assert_eq!(balance(&app, &w.authority, "available", &certificate).await, 5_000_000 - 12 * 250_000 + 8 * 250_000);
        as_user(&app, &daughter, "POST", &format!("/api/v1/me/enrollments/{enrollment}/cancellation"), None, None)
            .await
            .problem(422, "illegal_transition");

        // A cancelled enrollment takes no more visits; the owed one is still paid.
        app.sign_in("provider@khabarovsk.demo").await;
        let late = app
            .post_json(&w.provider_path("/deliveries"), &json!({ "records": [{ "enrollment_id": enrollment, "delivered_on": today().to_string(), "units": 1, "worker": "Иванова А. С." }] }))
            .await
            .ok_json();
        assert_eq!(late["items"][0]["code"], "NOT_ACTIVE");
        as_user(&app, &daughter, "POST", &format!("/api/v1/me/deliveries/{}/confirmation", records[3]), None, None).await.ok_json();
        app.sign_in("provider@khabarovsk.demo").await;
        let owed = app
            .post_json_with(&w.provider_path("/claims"), &json!({ "period_from": today().to_string(), "period_to": today().to_string() }), &[("idempotency-key", "claim-switch-2")])
            .await
            .ok_json();
        assert_eq!(owed["captured"]["amount_minor"], 250_000);
        assert_eq!(balance(&app, &w.authority, "held", &certificate).await, 0);

        // The money returned buys visits elsewhere.
        let elsewhere = json!({ "certificate_id": certificate, "offer_id": w.other_offer, "volume": 16, "starts_on": today().to_string() });
        let second = as_user(&app, &daughter, "POST", "/api/v1/me/enrollments", Some(&elsewhere), Some("enroll-2b")).await;
        assert_eq!(second.status, 201, "{}", String::from_utf8_lossy(&second.body));
        assert_eq!(second.json()["covered"]["amount_minor"], 16 * 250_000);
        assert_eq!(balance(&app, &w.authority, "available", &certificate).await, 0);
        // And nothing more: the certificate cannot pay for another visit.
        let more = json!({ "certificate_id": certificate, "offer_id": w.offer, "volume": 1, "starts_on": today().to_string() });
        as_user(&app, &daughter, "POST", "/api/v1/me/enrollments", Some(&more), Some("enroll-2c"))
            .await
            .problem(422, "copay_not_agreed");
        verify_clean(&app, &w.authority).await;
    }

    async fn a_certificate_of_account_is_funded_by_the_enrollment_up_to_its_nominal(app: TestApp) {
        let w = world(&app, 50).await;
        // PFDO style: 10 000 ₽ a year per child, funded only on enrollment, at most 1 funded.
        app.sign_in("officer@khabarovsk.demo").await;
        let program = app
            .post_json(
                &format!("/api/v1/authorities/{}/programs", w.authority),
                &json!({
                    "names": { "ru": "Сертификат учёта", "uk": "Сертифікат обліку", "en": "Certificate of account" },
                    "services": [w.service],
                    "starts": (today() - days(30)).to_string(),
                    "ends": (today() + days(400)).to_string(),
                    "max_funded": 1,
                    "eligibility": { "min_age": 18, "required_any_category": [] },
                    "certificate": { "value": { "kind": "money", "amount": { "amount_minor": 1_000_000, "currency": "RUB" } }, "validity_months": 12, "of_account": true }
                }),
            )
            .await;
        assert_eq!(program.status, 201, "{}", String::from_utf8_lossy(&program.body));
        let program_id = program.json()["id"].as_str().unwrap().to_owned();
        app.post_json_with(
            &format!("/api/v1/authorities/{}/programs/{program_id}/funding", w.authority),
            &json!({ "amount": { "amount_minor": 100_000_000, "currency": "RUB" } }),
            &[("idempotency-key", "fund-account")],
        )
        .await
        .ok_json();
        let of_account = World { program: program_id.clone(), ..w };
        let (anna, first) = of_account.certificate_for(&app, 7).await;
        let (boris, second) = of_account.certificate_for(&app, 8).await;
        assert_eq!(balance(&app, &of_account.authority, "available", &first).await, 0, "nothing until enrollment");

        // Six visits would cost 15 000 ₽: the nominal funds four, the rest needs a co-payment.
        let family = of_account.family(&app, &anna, "anna-mother@example.org").await;
        let request = json!({ "certificate_id": first, "offer_id": of_account.offer, "volume": 4, "starts_on": today().to_string() });
        let enrolled = as_user(&app, &family, "POST", "/api/v1/me/enrollments", Some(&request), Some("pfdo-1")).await;
        assert_eq!(enrolled.status, 201, "{}", String::from_utf8_lossy(&enrolled.body));
        assert_eq!(enrolled.json()["covered"]["amount_minor"], 1_000_000);
        assert_eq!(balance(&app, &of_account.authority, "held", &first).await, 1_000_000);
        assert_eq!(balance(&app, &of_account.authority, "budget", &program_id).await, 99_000_000);
        let more = json!({ "certificate_id": first, "offer_id": of_account.other_offer, "volume": 1, "starts_on": today().to_string() });
        as_user(&app, &family, "POST", "/api/v1/me/enrollments", Some(&more), Some("pfdo-2"))
            .await
            .problem(422, "copay_not_agreed");

        // The program funds one certificate only: the second child waits for next year's cap.
        let other = of_account.family(&app, &boris, "boris-father@example.org").await;
        let request = json!({ "certificate_id": second, "offer_id": of_account.offer, "volume": 1, "starts_on": today().to_string() });
        as_user(&app, &other, "POST", "/api/v1/me/enrollments", Some(&request), Some("pfdo-3"))
            .await
            .problem(422, "funding_cap_reached");
        verify_clean(&app, &of_account.authority).await;
    }

    async fn a_suspended_provider_takes_nobody_new_and_an_excluded_one_lets_everyone_go(app: TestApp) {
        let w = world(&app, 5).await;
        let (nina, certificate) = w.certificate_for(&app, 3).await;
        let family = w.family(&app, &nina, "nina-son@example.org").await;
        let request = json!({ "certificate_id": certificate, "offer_id": w.offer, "volume": 8, "starts_on": today().to_string() });
        let enrolled = as_user(&app, &family, "POST", "/api/v1/me/enrollments", Some(&request), Some("susp-1")).await;
        assert_eq!(enrolled.status, 201, "{}", String::from_utf8_lossy(&enrolled.body));
        let enrollment = enrolled.json()["id"].as_str().unwrap().to_owned();

        // Suspended: the request is flagged, the family told, and the provider cannot accept.
        app.sign_in("officer@khabarovsk.demo").await;
        let decision = format!("/api/v1/authorities/{}/admissions/{}/decision", w.authority, w.admission);
        app.post_json(&decision, &json!({ "event": "suspend", "reason": "Лицензия на проверке" })).await.ok_json();
        let mine = as_user(&app, &family, "GET", "/api/v1/me/enrollments", None, None).await.ok_json();
        assert_eq!(mine["items"][0]["flag"], "provider_suspended");
        let inbox = as_user(&app, &family, "GET", "/api/v1/me/notifications", None, None).await.ok_json();
        assert_eq!(inbox["items"][0]["kind"], "provider_suspended");
        app.sign_in("provider@khabarovsk.demo").await;
        app.post_json(&w.provider_path(&format!("/enrollments/{enrollment}/decision")), &json!({ "decision": "accept" }))
            .await
            .problem(422, "provider_not_admitted");

        // Reinstated: the flag goes, the provider accepts.
        app.sign_in("officer@khabarovsk.demo").await;
        app.post_json(&decision, &json!({ "event": "reinstate" })).await.ok_json();
        app.sign_in("provider@khabarovsk.demo").await;
        let accepted = app.post_json(&w.provider_path(&format!("/enrollments/{enrollment}/decision")), &json!({ "decision": "accept" })).await.ok_json();
        assert_eq!(accepted["status"], "active");
        assert_eq!(accepted["flag"], Value::Null);
        assert_eq!(balance(&app, &w.authority, "held", &certificate).await, 8 * 250_000);

        // Excluded after a suspension: the enrollment ends and the whole hold comes back.
        app.sign_in("officer@khabarovsk.demo").await;
        app.post_json(&decision, &json!({ "event": "suspend", "reason": "Жалобы" })).await.ok_json();
        app.post_json(&decision, &json!({ "event": "exclude", "reason": "Лицензия отозвана" })).await.ok_json();
        let mine = as_user(&app, &family, "GET", "/api/v1/me/enrollments", None, None).await.ok_json();
        assert_eq!(mine["items"][0]["status"], "cancelled");
        assert_eq!(mine["items"][0]["released"]["amount_minor"], 8 * 250_000);
        assert_eq!(balance(&app, &w.authority, "held", &certificate).await, 0);
        assert_eq!(balance(&app, &w.authority, "available", &certificate).await, 5_000_000);
        let inbox = as_user(&app, &family, "GET", "/api/v1/me/notifications", None, None).await.ok_json();
        assert_eq!(inbox["items"][0]["kind"], "provider_excluded");
        verify_clean(&app, &w.authority).await;
    }

    async fn a_hundred_recipients_race_for_ten_seats(app: TestApp) {
        let w = world(&app, 10).await;
        let authority: socert_domain::AuthorityId = w.authority.parse().unwrap();
        let offer: uuid::Uuid = w.offer.parse().unwrap();
        let mut certificates = Vec::new();
        for n in 0..100 {
            certificates.push(w.certificate_for(&app, 100 + n).await.1.parse::<uuid::Uuid>().unwrap());
        }
        let actor = socert_store::audit::Actor::system("race");
        let enrolled = futures_join(certificates.iter().enumerate().map(|(i, c)| {
            let store = app.store.clone();
            let actor = actor.clone();
            let c = *c;
            tokio::spawn(async move {
                let request = socert_store::enrollments::EnrollmentRequest {
                    certificate_id: c,
                    offer_id: offer,
                    volume: socert_domain::Units::new(4).unwrap(),
                    starts_on: today(),
                    ends_on: None,
                    copay_agreed: false,
                };
                let key = socert_domain::ledger::IdempotencyKey::parse(&format!("race-{i}")).unwrap();
                store.enroll(authority, &request, &key, today(), &actor).await.map(|(e, _)| e.id)
            })
        }))
        .await;
        let ids: Vec<uuid::Uuid> = enrolled.into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(ids.len(), 100);
        let decided = futures_join(ids.iter().map(|id| {
            let store = app.store.clone();
            let actor = actor.clone();
            let id = *id;
            tokio::spawn(async move {
                store.decide_enrollment(authority, id, socert_store::enrollments::ProviderDecision::Accept, &actor).await
            })
        }))
        .await;
        let active = decided.iter().filter(|r| r.is_ok()).count();
        let full = decided
            .iter()
            .filter(|r| matches!(r, Err(socert_store::Error::Refused { code: "offer_full", .. })))
            .count();
        assert_eq!((active, full), (10, 90));
        app.sign_in("provider@khabarovsk.demo").await;
        let all = app.get(&format!("/api/v1/providers/{}/enrollments", w.provider)).await.ok_json();
        let active = all["items"].as_array().unwrap().iter().filter(|e| e["status"] == "active").count();
        assert_eq!(active, 10);
        // Ten seats are taken: the provider cannot shrink the offer below them.
        let mine = app.get(&format!("/api/v1/providers/{}/offers", w.provider)).await.ok_json();
        let mut edit = mine.as_array().unwrap().iter().find(|o| o["id"] == w.offer.as_str()).unwrap().clone();
        let etag = format!("\"{}\"", edit["version"]);
        for read_only in ["id", "provider_id", "free_seats", "version"] {
            edit.as_object_mut().unwrap().remove(read_only);
        }
        edit["capacity"] = json!(9);
        let path = format!("/api/v1/providers/{}/offers/{}", w.provider, w.offer);
        app.put_json(&path, &edit, Some(&etag)).await.problem(409, "capacity_below_seats");
        edit["capacity"] = json!(10);
        assert_eq!(app.put_json(&path, &edit, Some(&etag)).await.ok_json()["free_seats"], 0);
        // A full offer takes no new requests either.
        app.sign_in("officer@khabarovsk.demo").await;
        let (nina, certificate) = w.certificate_for(&app, 999).await;
        let late = w.family(&app, &nina, "late@example.org").await;
        let request = json!({ "certificate_id": certificate, "offer_id": w.offer, "volume": 1, "starts_on": today().to_string() });
        as_user(&app, &late, "POST", "/api/v1/me/enrollments", Some(&request), Some("late")).await.problem(409, "offer_full");
        verify_clean(&app, &w.authority).await;
    }
}

/// Awaits every task, in order.
async fn futures_join<T: Send + 'static>(
    tasks: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for task in tasks.collect::<Vec<_>>() {
        out.push(task.await.unwrap());
    }
    out
}
