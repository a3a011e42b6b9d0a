//! The officer's cabinet as officers use it: reviewing a provider's application through the
//! forms, finding a person by SNILS and issuing them a certificate, and what others may not do.

use super::*;
use support::snils;

/// The officer reads English: the stories check the words said.
fn get_en(path: &str, cookie: &str) -> Request<Body> {
    get_as(path, Some(cookie), Some("en"))
}

fn post_en(path: &str, cookie: &str, body: &str) -> Request<Body> {
    let mut request = form_post(path, Some(cookie), body);
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
    request
}

/// The run page an upload redirected to, once the run has finished.
async fn finished_run(app: &TestApp, started: &support::TestResponse, cookie: &str) -> String {
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", text(started));
    let run = started.header("location").unwrap().to_owned();
    assert!(run.contains("/issuance/"), "{run}");
    let mut page = String::new();
    for _ in 0..100 {
        page = text(&app.send_raw(get_en(&run, cookie)).await);
        if page.contains("Issuance finished") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(h1(&page), "Issuance finished", "{page}");
    page
}

/// The upload form as a browser sends it with a CSV file, read in English.
fn multipart_post(path: &str, cookie: &str, fields: &[(&str, &str)], file: &str) -> Request<Body> {
    multipart_post_bytes(path, cookie, fields, file.as_bytes())
}

/// The upload form with a file of any bytes, read in English.
fn multipart_post_bytes(
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    file: &[u8],
) -> Request<Body> {
    let mut request = multipart(path, cookie, fields, ("people.csv", "text/csv", file));
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
    request
}

/// `who` calls the API with a JSON body (or none) and an idempotency key (or none).
async fn as_family(
    app: &TestApp,
    who: &support::Credentials,
    path: &str,
    body: serde_json::Value,
    key: &str,
) -> TestResponse {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send_as(who, request).await
}

/// An admitted provider's enrollment for a family in Khabarovsk with two visits recorded: the
/// family disputes one and complains. Returns (authority, provider, the disputed record).
async fn a_disputed_visit_and_a_complaint(app: &TestApp) -> (String, String, String) {
    let (khabarovsk, provider, admission, palliative) = palliative_ngo_applies(app).await;
    app.sign_in("officer@khabarovsk.demo").await;
    app.post_json(
        &format!("/api/v1/authorities/{khabarovsk}/admissions/{admission}/decision"),
        &json!({ "event": "admit" }),
    )
    .await
    .ok_json();
    app.sign_in("provider@khabarovsk.demo").await;
    let place = json!({ "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск" });
    let offer = app.post_json(&format!("/api/v1/providers/{provider}/offers"), &json!({
        "authority_id": khabarovsk, "service_id": palliative, "title_ru": "Визиты медсестры",
        "price": { "amount_minor": 250_000, "currency": "RUB" }, "capacity": 5, "location": place
    })).await.ok_json()["id"].as_str().unwrap().to_owned();
    app.sign_in("officer@khabarovsk.demo").await;
    let today = jiff::tz::TimeZone::get("Asia/Vladivostok")
        .unwrap_or(jiff::tz::TimeZone::UTC)
        .to_datetime(jiff::Timestamp::now())
        .date();
    let program = app.post_json(&format!("/api/v1/authorities/{khabarovsk}/programs"), &json!({
        "names": { "ru": "Паллиатив", "uk": "Паліатив", "en": "Palliative" }, "services": [palliative],
        "starts": (today - jiff::Span::new().days(30)).to_string(), "ends": (today + jiff::Span::new().days(300)).to_string(),
        "certificate": { "value": { "kind": "money", "amount": { "amount_minor": 2_000_000, "currency": "RUB" } }, "validity_months": 6 }
    })).await.ok_json()["id"].as_str().unwrap().to_owned();
    app.post_json_with(
        &format!("/api/v1/authorities/{khabarovsk}/programs/{program}/funding"),
        &json!({ "amount": { "amount_minor": 4_000_000, "currency": "RUB" } }),
        &[("idempotency-key", "fund-dispute")],
    )
    .await
    .ok_json();
    let person = app
        .post_json(
            &format!("/api/v1/authorities/{khabarovsk}/recipients"),
            &json!({
                "last_name": "Лебедева", "first_name": "Зоя", "birth_date": "1944-04-04",
                "national_id": snils(710_000_001), "municipality": "08701000"
            }),
        )
        .await
        .ok_json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let certificate = app
        .post_json(
            &format!("/api/v1/authorities/{khabarovsk}/programs/{program}/certificates"),
            &json!({ "recipient_id": person }),
        )
        .await
        .json()["certificate"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.sign_in("admin@khabarovsk.demo").await;
    app.post_json(&format!("/api/v1/authorities/{khabarovsk}/users"), &json!({ "login": "son@example.org", "display_name": "Сын", "password": "long enough password", "roles": [{ "role": "recipient", "subject_id": person }] })).await.ok_json();
    let son = app
        .login_with("son@example.org", "long enough password")
        .await
        .ok()
        .unwrap();
    let enrolled = as_family(app, &son, "/api/v1/me/enrollments", json!({ "certificate_id": certificate, "offer_id": offer, "volume": 4, "starts_on": today.to_string() }), "enroll-son").await;
    assert_eq!(enrolled.status, 201, "{}", text(&enrolled));
    let enrollment = enrolled.json()["id"].as_str().unwrap().to_owned();
    app.sign_in("provider@khabarovsk.demo").await;
    let at = format!("/api/v1/providers/{provider}/authorities/{khabarovsk}");
    app.post_json(
        &format!("{at}/enrollments/{enrollment}/decision"),
        &json!({ "decision": "accept" }),
    )
    .await
    .ok_json();
    let visit = |hour: u32| json!({ "enrollment_id": enrollment, "delivered_on": today.to_string(), "delivered_at": format!("{hour:02}:00"), "units": 1, "worker": "Иванова А. С.", "note": "" });
    let report = app
        .post_json(
            &format!("{at}/deliveries"),
            &json!({ "records": [visit(9), visit(15)] }),
        )
        .await
        .ok_json();
    let records: Vec<String> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["record"]["id"].as_str().unwrap().to_owned())
        .collect();
    let confirmed = as_family(
        app,
        &son,
        &format!("/api/v1/me/deliveries/{}/confirmation", records[0]),
        json!(null),
        "c",
    )
    .await;
    assert_eq!(confirmed.status, 200, "{}", text(&confirmed));
    let disputed = as_family(
        app,
        &son,
        &format!("/api/v1/me/deliveries/{}/dispute", records[1]),
        json!({ "reason": "Медсестра не приходила" }),
        "d",
    )
    .await;
    assert_eq!(disputed.status, 200, "{}", text(&disputed));
    let complained = as_family(
        app,
        &son,
        &format!("/api/v1/me/enrollments/{enrollment}/complaints"),
        json!({ "text": "Визит 15:00 не состоялся." }),
        "complaint-1",
    )
    .await;
    assert_eq!(complained.status, 201, "{}", text(&complained));
    (khabarovsk, provider, records[1].clone())
}

/// A funded program in Khabarovsk for everyone of 18 and over, and one person on file; returns
/// (authority, program, recipient, the person's SNILS).
async fn a_program_and_a_person(app: &TestApp, serial: u32) -> (String, String, String, String) {
    let khabarovsk = app.authority("27").await;
    app.sign_in("officer@khabarovsk.demo").await;
    let services: Vec<String> = app
        .all_services(&khabarovsk, "", 200)
        .await
        .iter()
        .filter(|s| s["code"].as_str().unwrap().starts_with("HOME"))
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    let today = jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    let created = app
        .post_json(
            &format!("/api/v1/authorities/{khabarovsk}/programs"),
            &json!({
                "names": { "ru": "Помощь на дому", "uk": "Допомога вдома", "en": "Help at home" },
                "services": services,
                "starts": (today - jiff::Span::new().days(10)).to_string(),
                "ends": (today + jiff::Span::new().days(300)).to_string(),
                "eligibility": { "min_age": 18 },
                "certificate": { "value": { "kind": "money", "amount": { "amount_minor": 1_000_000, "currency": "RUB" } }, "validity_months": 6 }
            }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", text(&created));
    let program = created.json()["id"].as_str().unwrap().to_owned();
    let funded = app
        .post_json_with(
            &format!("/api/v1/authorities/{khabarovsk}/programs/{program}/funding"),
            &json!({ "amount": { "amount_minor": 5_000_000, "currency": "RUB" } }),
            &[("idempotency-key", &format!("portal-officer-{program}"))],
        )
        .await;
    assert_eq!(funded.status, 201, "{}", text(&funded));
    let national_id = snils(700_000_000 + serial);
    let person = app
        .post_json(
            &format!("/api/v1/authorities/{khabarovsk}/recipients"),
            &json!({
                "last_name": "Соколова",
                "first_name": "Вера",
                "middle_name": "Ильинична",
                "birth_date": "1950-03-08",
                "national_id": national_id,
                "municipality": "08701000",
                "address": "г. Хабаровск, ул. Серышева, д. 3"
            }),
        )
        .await;
    assert_eq!(person.status, 201, "{}", text(&person));
    let recipient = person.json()["id"].as_str().unwrap().to_owned();
    (khabarovsk, program, recipient, national_id)
}

on_both_backends! {
    async fn an_officer_reviews_an_application_and_admits_then_suspends_the_provider(app: TestApp) {
        let (khabarovsk, provider, admission, _) = palliative_ngo_applies(&app).await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);

        // The dashboard links the application; its page shows who applied and for what.
        let page = text(&app.send_raw(get_en("/cabinet/officer?lang=en", &officer)).await);
        let href = format!("/cabinet/officer/{khabarovsk}/admissions/{admission}");
        assert!(page.contains(&href), "{page}");
        let queue = text(&app.send_raw(get_en(&format!("/cabinet/officer/{khabarovsk}/admissions"), &officer)).await);
        assert_eq!(h1(&queue), "Provider applications awaiting a decision");
        assert!(queue.contains("1 provider"), "{queue}");
        let page = text(&app.send_raw(get_en(&href, &officer)).await);
        assert_eq!(h1(&page), "Application of АНО «Тёплый дом»");
        assert!(page.contains("PAL-HOME-VISIT"), "{page}");
        assert!(page.contains("7707083893"));
        assert!(page.contains("value=\"admit\"") && page.contains("value=\"reject\""));
        assert!(!page.contains("value=\"suspend\""), "only what the status allows is offered");
        let csrf = hidden(&page, "csrf");

        // A form from elsewhere, without the session's token, changes nothing.
        let forged = app.send_raw(post_en(&href, &officer, "event=admit")).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);

        // Rejecting needs a reason: the form comes back with the message next to the field.
        let refused = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}&event=reject&reason=+"))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(&refused);
        assert!(page.contains("aria-describedby=\"reason-hint reason-error\""), "{page}");
        assert!(page.contains("Give the reason the provider will see."));
        assert!(page.contains("value=\"reject\" checked"));
        let nothing = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}"))).await;
        assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&nothing).contains("Choose a decision."));

        // Admitting: redirected back to the page, which says so; the provider is in the registry.
        let admitted = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}&event=admit"))).await;
        assert_eq!(admitted.status, StatusCode::SEE_OTHER);
        assert_eq!(admitted.header("location"), Some(format!("{href}?decided=1").as_str()));
        let page = text(&app.send_raw(get_en(&format!("{href}?decided=1"), &officer)).await);
        assert!(page.contains("The decision is recorded."));
        assert!(page.contains("value=\"suspend\"") && page.contains("value=\"exclude\""));
        app.sign_in("officer@khabarovsk.demo").await;
        let listed = app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions?status=admitted")).await.ok_json();
        assert!(listed.as_array().unwrap().iter().any(|a| a["provider_id"] == provider.as_str()));

        // Suspending with a reason; the reason is shown, and the queue of suspended lists them.
        let suspended = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}&event=suspend&reason=%D0%9B%D0%B8%D1%86%D0%B5%D0%BD%D0%B7%D0%B8%D1%8F+%D0%B8%D1%81%D1%82%D0%B5%D0%BA%D0%BB%D0%B0"))).await;
        assert_eq!(suspended.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_en(&href, &officer)).await);
        assert!(page.contains("Лицензия истекла"), "{page}");
        let page = text(&app.send_raw(get_en(&format!("/cabinet/officer/{khabarovsk}/admissions?queue=suspended"), &officer)).await);
        assert!(page.contains("АНО «Тёплый дом»"));
        // A decision the status no longer allows is refused next to the choice.
        let stale = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}&event=admit"))).await;
        assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&stale).contains("aria-describedby=\"event-error\""));

        // Another region's officer does not learn the application exists; an auditor may not decide.
        let other = session_cookie(&app.login("officer@krasnoyarsk.demo").await);
        assert_eq!(app.send_raw(get_en(&href, &other)).await.status, StatusCode::NOT_FOUND);
        let auditor = session_cookie(&app.login("auditor@khabarovsk.demo").await);
        assert_eq!(app.send_raw(get_en(&href, &auditor)).await.status, StatusCode::FORBIDDEN);
        let programs = app.send_raw(get_en(&format!("/cabinet/officer/{khabarovsk}/programs"), &auditor)).await;
        assert_eq!(programs.status, StatusCode::OK);
        assert_eq!(app.send_raw(get_en(&format!("/cabinet/officer/{khabarovsk}/admissions/{}", uuid::Uuid::now_v7()), &officer)).await.status, StatusCode::NOT_FOUND);
    }

    async fn an_officer_finds_a_person_by_snils_and_issues_a_certificate(app: TestApp) {
        let (khabarovsk, program, recipient, national_id) = a_program_and_a_person(&app, 1).await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let find = format!("/cabinet/officer/{khabarovsk}/recipients");

        // The store finds the person in their authority only.
        let authority: socert_domain::AuthorityId = khabarovsk.parse().unwrap();
        let id = socert_domain::program::NationalId::parse(socert_domain::Country::Russia, &national_id).unwrap();
        assert_eq!(app.store.recipient_by_national_id(authority, &id).await.unwrap(), Some(recipient.parse().unwrap()));
        let krasnoyarsk: socert_domain::AuthorityId = app.authority("24").await.parse().unwrap();
        assert_eq!(app.store.recipient_by_national_id(krasnoyarsk, &id).await.unwrap(), None);

        // A mistyped number, and one nobody has: said next to the field.
        let page = text(&app.send_raw(get_en(&find, &officer)).await);
        let csrf = hidden(&page, "csrf");
        let forged = app.send_raw(post_en(&find, &officer, &format!("national_id={national_id}"))).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let bad = app.send_raw(post_en(&find, &officer, &format!("csrf={csrf}&national_id=12345678900"))).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(&bad);
        assert!(page.contains("aria-describedby=\"national_id-hint national_id-error\""), "{page}");
        assert!(page.contains("This is not a valid national id"));
        let unknown = app.send_raw(post_en(&find, &officer, &format!("csrf={csrf}&national_id={}", snils(799_999_999)))).await;
        assert!(text(&unknown).contains("Nobody with this national id"));

        // Written as on the document, the number leads to the person's file; the read is audited.
        let typed = format!("{}-{}-{}+{}", &national_id[0..3], &national_id[3..6], &national_id[6..9], &national_id[9..]);
        let found = app.send_raw(post_en(&find, &officer, &format!("csrf={csrf}&national_id={typed}"))).await;
        assert_eq!(found.status, StatusCode::SEE_OTHER);
        let file = format!("{find}/{recipient}");
        assert_eq!(found.header("location"), Some(file.as_str()));
        app.sign_in("auditor@khabarovsk.demo").await;
        let reads_before = app.get(&format!("/api/v1/authorities/{khabarovsk}/audit?object_kind=recipient&object_id={recipient}")).await.ok_json()["items"].as_array().unwrap().len();
        let page = text(&app.send_raw(get_en(&file, &officer)).await);
        assert!(page.contains("Соколова Вера Ильинична"), "{page}");
        assert!(page.contains("This person holds no certificates."));
        let reads_after = app.get(&format!("/api/v1/authorities/{khabarovsk}/audit?object_kind=recipient&object_id={recipient}")).await.ok_json()["items"].as_array().unwrap().len();
        assert_eq!(reads_after, reads_before + 1);

        // Issuing through the form: redirected to the file, which lists the certificate.
        let csrf = hidden(&page, "csrf");
        let issued = app.send_raw(post_en(&file, &officer, &format!("csrf={csrf}&program={program}"))).await;
        assert_eq!(issued.status, StatusCode::SEE_OTHER);
        assert_eq!(issued.header("location"), Some(format!("{file}?outcome=issued").as_str()));
        let page = text(&app.send_raw(get_en(&format!("{file}?outcome=issued"), &officer)).await);
        assert!(page.contains("The certificate is issued."));
        assert!(page.contains("Help at home"));
        // Sending the form again issues nothing twice.
        let again = app.send_raw(post_en(&file, &officer, &format!("csrf={csrf}&program={program}"))).await;
        assert_eq!(again.header("location"), Some(format!("{file}?outcome=already_issued").as_str()));
        app.sign_in("officer@khabarovsk.demo").await;
        let held = app.get(&format!("/api/v1/authorities/{khabarovsk}/recipients/{recipient}/certificates")).await.ok_json();
        assert_eq!(held["items"].as_array().unwrap().len(), 1, "{held}");
        // No program chosen: the form again, the message tied to the field.
        let none = app.send_raw(post_en(&file, &officer, &format!("csrf={csrf}&program=nonsense"))).await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&none).contains("aria-describedby=\"program-error\""));
        let forged = app.send_raw(post_en(&file, &officer, &format!("program={program}"))).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);

        // The programs page shows the money given to the certificate.
        let page = text(&app.send_raw(get_en(&format!("/cabinet/officer/{khabarovsk}/programs?lang=en"), &officer)).await);
        assert_eq!(h1(&page), "Programs and budget");
        assert!(page.contains("Help at home"));

        // A recipient's file is not for an auditor, nor for another region's officer.
        let auditor = session_cookie(&app.login("auditor@khabarovsk.demo").await);
        assert_eq!(app.send_raw(get_en(&file, &auditor)).await.status, StatusCode::FORBIDDEN);
        let other = session_cookie(&app.login("officer@krasnoyarsk.demo").await);
        assert_eq!(app.send_raw(get_en(&file, &other)).await.status, StatusCode::NOT_FOUND);
    }

    async fn an_officer_uploads_a_list_and_sees_the_row_that_was_refused(app: TestApp) {
        let (khabarovsk, program, _, _) = a_program_and_a_person(&app, 2).await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let form = format!("/cabinet/officer/{khabarovsk}/issuance");
        let page = text(&app.send_raw(get_en(&form, &officer)).await);
        assert_eq!(h1(&page), "Issue certificates from a file");
        assert!(page.contains("enctype=\"multipart/form-data\""));
        let csrf = hidden(&page, "csrf");

        // An empty list to fill in is offered; an auditor, who may not issue, gets none.
        let template = format!("{form}/template.xlsx");
        assert!(page.contains(&format!("href=\"{template}\" download")), "{page}");
        let download = app.send_raw(get_en(&template, &officer)).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.header("content-type"), Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assert!(download.body.starts_with(b"PK\x03\x04"));
        let auditor = session_cookie(&app.login("auditor@khabarovsk.demo").await);
        assert_eq!(app.send_raw(get_en(&template, &auditor)).await.status, StatusCode::FORBIDDEN);
        let file = format!(
            "last_name,first_name,middle_name,birth_date,national_id,municipality,address,phone,email,categories\n\
             Орлова,Нина,Петровна,1951-01-02,{},08701000,г. Хабаровск,,,\n\
             Белов,Иван,,1952-02-03,12345678900,08701000,г. Хабаровск,,,\n",
            snils(700_100_001)
        );

        // Without the session's token nothing is uploaded; without a file, the field says so.
        let forged = app.send_raw(multipart_post(&form, &officer, &[("program", &program)], &file)).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let empty = app.send_raw(multipart_post(&form, &officer, &[("csrf", &csrf), ("program", &program)], "")).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&empty).contains("aria-describedby=\"file-hint file-error\""));
        let unreadable = app.send_raw(multipart_post(&form, &officer, &[("csrf", &csrf), ("program", &program)], "name\nx\n")).await;
        assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&unreadable).contains("cannot be read as a list of recipients"));

        let started = app.send_raw(multipart_post(&form, &officer, &[("csrf", &csrf), ("program", &program)], &file)).await;
        let page = finished_run(&app, &started, &officer).await;
        assert!(page.contains("2 of 2"), "{page}");
        // The bad row is listed with its field; the good one needs no attention.
        assert!(page.contains("<th scope=\"row\" class=\"num\">3</th><td>refused</td><td>national_id</td>"), "{page}");
        assert!(!page.contains("<th scope=\"row\" class=\"num\">2</th>"));

        // The same list as LibreOffice saved it: the report counts rows as the sheet shows them.
        let workbook = include_bytes!("../fixtures/recipients-libreoffice.xlsx");
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let fields = [("csrf", csrf.as_str()), ("program", program.as_str())];
        let mut upload = multipart(&form, &officer, &fields, ("Список.xlsx", xlsx, workbook));
        upload.headers_mut().insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
        let page = finished_run(&app, &app.send_raw(upload).await, &officer).await;
        assert!(page.contains("Список.xlsx") && page.contains("4 of 4"), "{page}");

        // A list over the limit for lists is refused next to the field, not as a forged form.
        let huge = vec![b'x'; 41 << 20];
        let too_large = app.send_raw(multipart_post_bytes(&form, &officer, &fields, &huge)).await;
        assert_eq!(too_large.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&too_large).contains("The file is larger than 40 MB"), "{}", text(&too_large));

        // An old Excel file is refused in the officer's language, saying what to save it as.
        let old = ("Список.xls", "application/vnd.ms-excel", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".as_slice());
        let mut upload = multipart(&form, &officer, &fields, old);
        upload.headers_mut().insert(header::ACCEPT_LANGUAGE, "ru".parse().unwrap());
        let refused = app.send_raw(upload).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&refused).contains("это книга Excel 97-2003 (.xls): сохраните её как «Книга Excel (.xlsx)»"), "{}", text(&refused));
        assert!(page.contains("<th scope=\"row\" class=\"num\">6</th><td>refused</td><td>birth_date</td>"), "{page}");
    }

    async fn settling_a_period_with_nothing_to_pay_says_so_next_to_the_date(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let path = format!("/cabinet/officer/{khabarovsk}/settlement");
        let page = text(&app.send_raw(get_en(&path, &officer)).await);
        assert_eq!(h1(&page), "Settlement with providers");
        assert!(page.contains("No payment batches yet."));
        assert!(page.contains("No delivery is disputed."));
        let csrf = hidden(&page, "csrf");
        let key = hidden(&page, "key");
        assert!(key.starts_with("portal-settle-"));

        let nothing = app.send_raw(post_en(&path, &officer, &format!("csrf={csrf}&key={key}&period_to=2026-12-01"))).await;
        assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(&nothing);
        assert!(page.contains("aria-describedby=\"period_to-hint period_to-error\""), "{page}");
        assert!(page.contains("No approved claim of a period ending by this date"));
        assert!(page.contains("value=\"2026-12-01\""));
        let bad = app.send_raw(post_en(&path, &officer, &format!("csrf={csrf}&key={key}&period_to=yesterday"))).await;
        assert!(text(&bad).contains("Give a date"));
        let keyless = app.send_raw(post_en(&path, &officer, &format!("csrf={csrf}&period_to=2026-12-01"))).await;
        assert_eq!(keyless.status, StatusCode::FORBIDDEN);

        // An auditor reads the page but is offered no form; an unknown batch is not found.
        let auditor = session_cookie(&app.login("auditor@khabarovsk.demo").await);
        let page = text(&app.send_raw(get_en(&path, &auditor)).await);
        assert!(!page.contains("name=\"period_to\""));
        let refused = app.send_raw(post_en(&path, &auditor, &format!("csrf={}&key={key}&period_to=2026-12-01", hidden(&page, "csrf")))).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let missing = app.send_raw(get_en(&format!("{path}/{}", uuid::Uuid::now_v7()), &officer)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    }

    async fn the_complaints_queue_is_for_officers_who_open_recipients_files(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let path = format!("/cabinet/officer/{khabarovsk}/complaints");
        let page = text(&app.send_raw(get_en(&path, &officer)).await);
        assert_eq!(h1(&page), "Complaints: New");
        assert!(page.contains("status=in_review"));
        let page = text(&app.send_raw(get_en(&format!("{path}?status=upheld"), &officer)).await);
        assert_eq!(h1(&page), "Complaints: Upheld");
        assert!(page.contains("aria-current=\"page\">Upheld"));
        let missing = app.send_raw(get_en(&format!("{path}/{}", uuid::Uuid::now_v7()), &officer)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        let auditor = session_cookie(&app.login("auditor@khabarovsk.demo").await);
        assert_eq!(app.send_raw(get_en(&path, &auditor)).await.status, StatusCode::FORBIDDEN);
    }

    async fn an_auditor_pages_through_the_log_filtered_by_object_and_date(app: TestApp) {
        let (khabarovsk, _, recipient, _) = a_program_and_a_person(&app, 3).await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let file = format!("/cabinet/officer/{khabarovsk}/recipients/{recipient}");
        assert_eq!(app.send_raw(get_en(&file, &officer)).await.status, StatusCode::OK);
        let log = format!("/cabinet/officer/{khabarovsk}/audit");
        // The log is for those who may read it: an officer may not.
        assert_eq!(app.send_raw(get_en(&log, &officer)).await.status, StatusCode::FORBIDDEN);

        let auditor = session_cookie(&app.login("auditor@khabarovsk.demo").await);
        let page = text(&app.send_raw(get_en(&log, &auditor)).await);
        assert_eq!(h1(&page), "Audit log");
        assert!(page.contains("recipient.read"), "newest first: {page}");
        let today = jiff::tz::TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date();
        let from = today.yesterday().unwrap();
        let to = today.tomorrow().unwrap();
        let page = text(&app.send_raw(get_en(&format!("{log}?kind=recipient&from={from}&to={to}"), &auditor)).await);
        assert!(page.contains("recipient.read"), "{page}");
        assert!(page.contains(&format!("recipient {recipient}")));
        assert!(page.contains("/audit.csv?object_kind=recipient&#38;from="), "{page}");
        let page = text(&app.send_raw(get_en(&format!("{log}?kind=recipient&to={}", from.yesterday().unwrap()), &auditor)).await);
        assert!(!page.contains(&format!("recipient {recipient}")));
        let bad = text(&app.send_raw(get_en(&format!("{log}?from=someday"), &auditor)).await);
        assert!(bad.contains("aria-describedby=\"dates-error\""), "{bad}");
    }

    async fn an_officer_resolves_a_dispute_settles_pays_and_answers_the_complaint(app: TestApp) {
        let (khabarovsk, provider, disputed) = a_disputed_visit_and_a_complaint(&app).await;
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);

        // The disputed visit waits on the settlement page; the officer confirms it was made.
        let settlement = format!("/cabinet/officer/{khabarovsk}/settlement");
        let waiting = app.store.disputed_deliveries(khabarovsk.parse().unwrap()).await.unwrap();
        assert_eq!(waiting.iter().map(|r| r.id.to_string()).collect::<Vec<_>>(), vec![disputed.as_str()]);
        let page = text(&app.send_raw(get_en(&settlement, &officer)).await);
        assert!(page.contains("Медсестра не приходила"), "{page}");
        let csrf = hidden(&page, "csrf");
        let resolve = format!("/cabinet/officer/{khabarovsk}/deliveries/{disputed}");
        let resolved = app.send_raw(post_en(&resolve, &officer, &format!("csrf={csrf}&event=confirm"))).await;
        assert_eq!(resolved.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_en(&format!("{settlement}?resolved=1"), &officer)).await);
        assert!(page.contains("No delivery is disputed."), "{page}");

        // The provider claims both visits; the officer settles the period and records the payment.
        app.sign_in("provider@khabarovsk.demo").await;
        let today = jiff::tz::TimeZone::get("Asia/Vladivostok").unwrap_or(jiff::tz::TimeZone::UTC).to_datetime(jiff::Timestamp::now()).date();
        let records = app.get(&format!("/api/v1/providers/{provider}/enrollments")).await.ok_json();
        assert!(!records["items"].as_array().unwrap().is_empty());
        let mine: Vec<String> = app.store.delivery_records_of_recipient(khabarovsk.parse().unwrap(), app.store.delivery_record(khabarovsk.parse().unwrap(), disputed.parse().unwrap()).await.unwrap().recipient_id).await.unwrap().iter().map(|r| r.id.to_string()).collect();
        let claim = app.post_json_with(
            &format!("/api/v1/providers/{provider}/authorities/{khabarovsk}/claims"),
            &json!({ "period_from": today.first_of_month().to_string(), "period_to": today.to_string(), "lines": mine.iter().map(|id| json!({ "delivery_record_id": id })).collect::<Vec<_>>() }),
            &[("idempotency-key", "claim-portal")],
        ).await;
        assert_eq!(claim.status, 201, "{}", text(&claim));
        let page = text(&app.send_raw(get_en(&settlement, &officer)).await);
        let key = hidden(&page, "key");
        let settled = app.send_raw(post_en(&settlement, &officer, &format!("csrf={csrf}&key={key}&period_to={today}"))).await;
        assert_eq!(settled.status, StatusCode::SEE_OTHER, "{}", text(&settled));
        let batch = settled.header("location").unwrap().to_owned();
        // The same form sent twice settles once: the key brings back the same batch.
        let again = app.send_raw(post_en(&settlement, &officer, &format!("csrf={csrf}&key={key}&period_to={today}"))).await;
        assert_eq!(again.header("location"), Some(batch.as_str()));
        let page = text(&app.send_raw(get_en(&batch, &officer)).await);
        assert_eq!(h1(&page), "Payment batch");
        assert!(page.contains("АНО «Тёплый дом»") && page.contains("register.csv"), "{page}");
        let missing = app.send_raw(post_en(&batch, &officer, &format!("csrf={csrf}&paid_on={today}&bank_reference=+"))).await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&missing).contains("aria-describedby=\"bank_reference-error\""));
        let paid = app.send_raw(post_en(&batch, &officer, &format!("csrf={csrf}&paid_on={today}&bank_reference=PP-42"))).await;
        assert_eq!(paid.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_en(&batch, &officer)).await);
        assert!(page.contains("PP-42") && !page.contains("name=\"bank_reference\""), "{page}");

        // The complaint: listed without its words, read (audited), answered.
        let queue = text(&app.send_raw(get_en(&format!("/cabinet/officer/{khabarovsk}/complaints"), &officer)).await);
        assert!(!queue.contains("не состоялся"));
        let start = queue.find(&format!("/cabinet/officer/{khabarovsk}/complaints/")).unwrap();
        let href = queue[start..start + queue[start..].find('"').unwrap()].to_owned();
        let page = text(&app.send_raw(get_en(&href, &officer)).await);
        assert!(page.contains("Визит 15:00 не состоялся."), "{page}");
        let blank = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}&event=uphold&response=+"))).await;
        assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&blank).contains("aria-describedby=\"response-hint response-error\""));
        let upheld = app.send_raw(post_en(&href, &officer, &format!("csrf={csrf}&event=uphold&response=%D0%9F%D1%80%D0%BE%D0%B2%D0%B5%D1%80%D0%B8%D0%BC"))).await;
        assert_eq!(upheld.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_en(&href, &officer)).await);
        assert!(page.contains("Проверим") && page.contains("This complaint is closed."), "{page}");
    }
}
