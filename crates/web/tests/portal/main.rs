//! Story tests of the web portal: pages in three languages, signing in through the form, who may
//! open which cabinet, and the registry search. Every story runs on SQLite and PostgreSQL, with the
//! API tests' `TestApp`.

// The harness offers more verbs than the portal's stories use.
mod provider;
#[allow(dead_code)]
#[path = "../api/support.rs"]
mod support;

mod officer;
mod recipient;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use support::{Credentials, TestApp, TestResponse};

fn text(response: &TestResponse) -> String {
    String::from_utf8_lossy(&response.body).into_owned()
}

/// The one `<h1>` of a page, checking there is exactly one.
fn h1(page: &str) -> String {
    assert_eq!(page.matches("<h1").count(), 1, "one h1 in\n{page}");
    let start = page.find("<h1").unwrap();
    let open_end = start + page[start..].find('>').unwrap() + 1;
    let close = open_end + page[open_end..].find("</h1>").unwrap();
    page[open_end..close].trim().to_owned()
}

fn lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("html lang") + 12;
    let end = start + page[start..].find('"').unwrap();
    &page[start..end]
}

/// The value of the hidden `name` field of a form.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in\n{page}"))
        + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end].to_owned()
}

fn set_cookie<'a>(response: &'a TestResponse, name: &str) -> Option<&'a str> {
    response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .and_then(|c| c.split(';').next())
}

fn get_as(path: &str, cookie: Option<&str>, accept_language: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if let Some(language) = accept_language {
        request = request.header(header::ACCEPT_LANGUAGE, language);
    }
    request.body(Body::empty()).unwrap()
}

fn form_post(path: &str, cookie: Option<&str>, body: &str) -> Request<Body> {
    let mut request =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

const BOUNDARY: &str = "socert-test-boundary";

/// A multipart form: text fields, then one file.
fn multipart(
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    file: (&str, &str, &[u8]),
) -> Request<Body> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    let (file_name, content_type, bytes) = file;
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

fn session_cookie(credentials: &Credentials) -> String {
    match credentials {
        Credentials::Session { cookie, .. } => cookie.clone(),
        Credentials::Bearer(_) => panic!("a browser session was expected"),
    }
}

async fn service_id(app: &TestApp, authority: &str, code: &str) -> String {
    app.all_services(authority, "", 200)
        .await
        .iter()
        .find(|s| s["code"] == code)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The demo provider user registers an NGO in Khabarovsk and applies to deliver palliative care;
/// returns (authority, provider, admission, service) ids.
async fn palliative_ngo_applies(app: &TestApp) -> (String, String, String, String) {
    let khabarovsk = app.authority("27").await;
    let palliative = service_id(app, &khabarovsk, "PAL-HOME-VISIT").await;
    let provider = app.login("provider@khabarovsk.demo").await;
    let registered = app
        .send_as(&provider, json_post("/api/v1/providers", &json!({
            "legal_form": "ngo",
            "full_name": "Автономная некоммерческая организация «Тёплый дом»",
            "short_name": "АНО «Тёплый дом»",
            "country": "RU",
            "tax_id": "7707083893",
            "registration_number": "1027700132195",
            "phone": "+7 4212 00-00-00",
            "email": "info@teply-dom.example",
            "description": "Помогаем тяжелобольным людям и их семьям.",
            "location": { "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск", "latitude": 48.4802, "longitude": 135.0719 },
            "bank_account": "40703810000000000001",
            "bank_id": "040813608"
        })))
        .await;
    assert_eq!(registered.status, 201, "{}", text(&registered));
    let provider_id = registered.json()["id"].as_str().unwrap().to_owned();
    let applied = app
        .send_as(
            &provider,
            json_post(
                &format!("/api/v1/providers/{provider_id}/admissions"),
                &json!({ "authority_id": khabarovsk, "service_ids": [palliative] }),
            ),
        )
        .await;
    assert_eq!(applied.status, 201, "{}", text(&applied));
    let admission = applied.json()["id"].as_str().unwrap().to_owned();
    (khabarovsk, provider_id, admission, palliative)
}

fn json_post(path: &str, body: &serde_json::Value) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// A funded home-care program in Khabarovsk and certificates for three older people; the demo
/// recipient user is made the representative of the first two. Returns the names of the two and
/// the certificate ids of all three.
async fn a_representative_with_two_people(app: &TestApp) -> (Vec<String>, Vec<String>) {
    use socert_domain::certificate::{EligibilityRules, age_on};
    use socert_domain::identity::{Grant, Login, Role};
    use socert_domain::ledger::IdempotencyKey;
    use socert_domain::program::{CertificateTemplate, ProgramSpec, TemplateValue};
    use socert_domain::{AuthorityId, LocalizedText, Money, ServiceCategory};
    use socert_store::audit::Actor;
    use socert_store::programs::{IssueOutcome, Upserted};
    use socert_store::{PageRequest, ServiceFilter};

    let store = app.store.as_ref();
    let actor = Actor::system("portal-test");
    let authority: AuthorityId = app.authority("27").await.parse().unwrap();
    let tenant = store.authority(authority).await.unwrap();
    let today = tenant.date_at(jiff::Timestamp::now());
    let services = store
        .services(
            authority,
            &ServiceFilter {
                category: Some(ServiceCategory::HomeCare),
            },
            &PageRequest {
                after: None,
                limit: 100,
            },
        )
        .await
        .unwrap()
        .items
        .iter()
        .map(|s| s.id)
        .collect();
    let value = Money::from_minor(4_500_000, tenant.currency);
    let spec = ProgramSpec {
        name: LocalizedText::new("Уход на дому", "Догляд удома", "Home care").unwrap(),
        services,
        starts: today.checked_sub(jiff::Span::new().days(1)).unwrap(),
        ends: today.checked_add(jiff::Span::new().days(400)).unwrap(),
        quota: None,
        max_funded: None,
        rules: EligibilityRules {
            min_age: Some(60),
            ..Default::default()
        },
        priority_categories: vec![],
        template: CertificateTemplate {
            value: TemplateValue::Money { amount: value },
            validity_months: 12,
            of_account: false,
        },
    };
    let program = store
        .create_program(authority, &spec, &actor)
        .await
        .unwrap();
    let key = IdempotencyKey::parse("portal-test-budget").unwrap();
    store
        .fund_program(
            authority,
            program.id,
            value.checked_mul(3).unwrap(),
            &key,
            today,
            &actor,
        )
        .await
        .unwrap();
    let people: Vec<_> = socert_domain::demo_people::people(40, 7, &["khabarovsk"])
        .into_iter()
        .filter(|p| age_on(p.birth_date, today) >= 60)
        .take(3)
        .collect();
    assert_eq!(people.len(), 3);
    let ids: Vec<_> = store
        .upsert_recipients(authority, &people, &actor)
        .await
        .unwrap()
        .into_iter()
        .map(|u| match u {
            Upserted::Created(id) | Upserted::Existing(id) => id,
            other => panic!("{other:?}"),
        })
        .collect();
    let certificates = store
        .issue(authority, program.id, &ids, today, &actor)
        .await
        .unwrap()
        .into_iter()
        .map(|outcome| match outcome {
            IssueOutcome::Issued(c) => c.id.to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    let user = store
        .credentials(&Login::parse("recipient@khabarovsk.demo").unwrap())
        .await
        .unwrap()
        .unwrap()
        .user;
    for person in &ids[..2] {
        store
            .grant(
                user,
                Grant::new(Role::Recipient, Some(authority), Some(*person)).unwrap(),
                &actor,
            )
            .await
            .unwrap();
    }
    (
        people[..2].iter().map(|p| p.name.to_string()).collect(),
        certificates,
    )
}

on_both_backends! {
    async fn public_pages_speak_the_readers_language(app: TestApp) {
        for (code, home, search) in [
            ("ru", "Социальный сертификат: деньги следуют за вами", "Найти социальную услугу"),
            ("uk", "Соціальний сертифікат: гроші йдуть за вами", "Знайти соціальну послугу"),
            ("en", "Social certificates: the money follows you", "Find a social service"),
        ] {
            for (path, heading) in [("/", home), ("/search", search)] {
                let response = app.send_raw(get_as(&format!("{path}?lang={code}"), None, None)).await;
                assert_eq!(response.status, StatusCode::OK, "{path} {code}");
                let page = text(&response);
                assert_eq!(lang(&page), code);
                assert_eq!(h1(&page), heading);
                assert!(page.contains("<title>") && page.contains("· socert</title>"));
                // The choice is remembered for the next page.
                assert_eq!(set_cookie(&response, "socert_lang"), Some(format!("socert_lang={code}").as_str()));
            }
            for path in ["/open-data", "/login"] {
                let page = text(&app.send_raw(get_as(path, Some(&format!("socert_lang={code}")), None)).await);
                assert_eq!(lang(&page), code, "{path}");
                h1(&page);
            }
        }
        // Without a choice, the browser's languages decide; Russian when none of ours is named.
        for (accept, code) in [(Some("uk-UA,uk;q=0.9,en;q=0.5"), "uk"), (Some("en-GB"), "en"), (Some("de"), "ru"), (None, "ru")] {
            let page = text(&app.send_raw(get_as("/", None, accept)).await);
            assert_eq!(lang(&page), code, "{accept:?}");
        }
        // Every page is served with the site's security policy and runs no inline code.
        let response = app.send_raw(get_as("/search", None, None)).await;
        assert!(response.header("content-security-policy").unwrap().contains("script-src 'self'"));
        let page = text(&response);
        assert!(!page.contains("style=") && !page.contains("<style"));
        // Scripts only from our own files (the search form's "use my location"), never inline.
        assert!(page.matches("<script").count() == page.matches("<script src=\"/static/").count());
        let css = app.send_raw(get_as("/static/portal.css", None, None)).await;
        assert_eq!(css.status, StatusCode::OK);
        assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    }

    async fn unknown_pages_are_html_and_the_api_keeps_problem_documents(app: TestApp) {
        let missing = app.send_raw(get_as("/no-such-page?lang=uk", None, None)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(missing.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(h1(&text(&missing)), "Сторінку не знайдено");
        for path in ["/offers/not-an-id", "/offers/01900000-0000-7000-8000-000000000000", "/providers/01900000-0000-7000-8000-000000000000"] {
            let response = app.send_raw(get_as(path, None, None)).await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(h1(&text(&response)), "Страница не найдена");
        }
        app.get("/api/v1/nothing-here").await.problem(404, "not_found");
    }

    async fn signing_in_through_the_form_needs_its_csrf_token(app: TestApp) {
        let form = app.send_raw(get_as("/login?next=/cabinet/certificates&lang=en", None, None)).await;
        assert_eq!(form.status, StatusCode::OK);
        let page = text(&form);
        assert_eq!(h1(&page), "Sign in to socert");
        assert!(page.contains("<label for=\"login\">") && page.contains("<label for=\"password\">"));
        let token = hidden(&page, "csrf");
        let cookie = set_cookie(&form, "socert_login_csrf").unwrap().to_owned();
        assert_eq!(cookie, format!("socert_login_csrf={token}"));
        let credentials = "login=recipient%40khabarovsk.demo&password=socert-demo-2026&next=%2Fcabinet%2Fcertificates";

        // Another site can make a browser post the form, but not with the token of our cookie.
        for (cookie, body) in [
            (None, credentials.to_owned()),
            (Some(cookie.as_str()), credentials.to_owned()),
            (Some(cookie.as_str()), format!("{credentials}&csrf=forged")),
            (Some("socert_login_csrf=forged"), format!("{credentials}&csrf={token}")),
        ] {
            let refused = app.send_raw(form_post("/login", cookie, &body)).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{body}");
            assert!(set_cookie(&refused, "socert_session").is_none());
        }

        // A wrong password: the form again, the error tied to the field, the login kept; the same
        // words for a login that does not exist.
        let mut wrong_pages = Vec::new();
        for login in ["recipient%40khabarovsk.demo", "nobody%40khabarovsk.demo"] {
            let wrong = app
                .send_raw(form_post("/login", Some(&cookie), &format!("login={login}&password=nope&csrf={token}")))
                .await;
            assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
            assert!(set_cookie(&wrong, "socert_session").is_none());
            let page = text(&wrong);
            assert!(page.contains("aria-describedby=\"password-error\""), "{page}");
            assert!(page.contains("id=\"password-error\""));
            wrong_pages.push(page.split("id=\"password-error\"").nth(1).unwrap().split("</p>").next().unwrap().to_owned());
        }
        assert_eq!(wrong_pages[0], wrong_pages[1]);

        let signed_in = app.send_raw(form_post("/login", Some(&cookie), &format!("{credentials}&csrf={token}"))).await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
        assert_eq!(signed_in.header("location"), Some("/cabinet/certificates"));
        let session = set_cookie(&signed_in, "socert_session").unwrap().to_owned();
        let all = signed_in.headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
        assert!(all.iter().any(|c| c.contains("HttpOnly") && c.starts_with("socert_session=")), "{all:?}");

        // The cookie is the API's session too.
        let me = app.send_raw(get_as("/api/v1/session", Some(&session), None)).await.ok_json();
        assert_eq!(me["user"]["login"], "recipient@khabarovsk.demo");
        let cabinet = app.send_raw(get_as("/cabinet/certificates?lang=ru", Some(&session), None)).await;
        assert_eq!(cabinet.status, StatusCode::OK);
        let page = text(&cabinet);
        assert_eq!(h1(&page), "Мои сертификаты");
        let csrf = me["csrf_token"].as_str().unwrap();
        assert_eq!(hidden(&page, "csrf"), csrf);

        // Signing out needs the session's token as well.
        let refused = app.send_raw(form_post("/logout", Some(&session), "csrf=forged")).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(app.send_raw(get_as("/api/v1/session", Some(&session), None)).await.status, 200);
        let out = app.send_raw(form_post("/logout", Some(&session), &format!("csrf={csrf}"))).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert_eq!(out.header("location"), Some("/"));
        assert_eq!(app.send_raw(get_as("/api/v1/session", Some(&session), None)).await.status, 401);
    }

    async fn cabinets_are_for_their_roles(app: TestApp) {
        // Nobody signed in: off to sign in, and back after; only our own pages count as back.
        let anonymous = app.send_raw(get_as("/cabinet/officer", None, None)).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
        assert_eq!(anonymous.header("location"), Some("/login?next=/cabinet/officer"));
        let anonymous = app.send_raw(get_as("/cabinet/certificates", None, None)).await;
        assert_eq!(anonymous.header("location"), Some("/login?next=/cabinet/certificates"));
        let page = text(&app.send_raw(get_as("/login?next=https://evil.example/", None, None)).await);
        assert_eq!(hidden(&page, "next"), "");

        palliative_ngo_applies(&app).await;

        // A recipient does not reach the officer's dashboard: a page in their language says why.
        let recipient = session_cookie(&app.login("recipient@khabarovsk.demo").await);
        let refused = app.send_raw(get_as("/cabinet/officer?lang=uk", Some(&recipient), None)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(refused.header("content-type"), Some("text/html; charset=utf-8"));
        let page = text(&refused);
        assert_eq!(lang(&page), "uk");
        assert_eq!(h1(&page), "Доступ заборонено");
        assert!(!page.contains("href=\"/cabinet/officer\""), "no menu link to a page one cannot open");

        // The officer sees the dashboard of their authority with the application to review.
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let dashboard = app.send_raw(get_as("/cabinet/officer?lang=ru", Some(&officer), None)).await;
        assert_eq!(dashboard.status, StatusCode::OK);
        let page = text(&dashboard);
        assert_eq!(h1(&page), "Сводка");
        assert!(page.contains("Министерство"), "{page}");
        assert!(page.contains("АНО «Тёплый дом»"), "{page}");
        assert!(page.contains("href=\"/cabinet/officer\" aria-current=\"page\""));
        // Another region's officer sees no trace of it.
        let other = session_cookie(&app.login("officer@krasnoyarsk.demo").await);
        let page = text(&app.send_raw(get_as("/cabinet/officer", Some(&other), None)).await);
        assert!(!page.contains("Тёплый дом"));
        // An officer acts for no recipient: their certificate page says so instead of failing.
        let page = text(&app.send_raw(get_as("/cabinet/certificates?lang=en", Some(&officer), None)).await);
        assert!(page.contains("does not act for any recipient"), "{page}");
    }

    async fn a_citizen_finds_a_provider_by_inflected_words(app: TestApp) {
        let (khabarovsk, provider_id, admission, palliative) = palliative_ngo_applies(&app).await;
        let officer = app.login("officer@khabarovsk.demo").await;
        let decision = format!("/api/v1/authorities/{khabarovsk}/admissions/{admission}/decision");
        for event in ["start_review", "admit"] {
            app.send_as(&officer, json_post(&decision, &json!({ "event": event }))).await.ok_json();
        }
        let provider = app.login("provider@khabarovsk.demo").await;
        let offer = app
            .send_as(&provider, json_post(&format!("/api/v1/providers/{provider_id}/offers"), &json!({
                "authority_id": khabarovsk,
                "service_id": palliative,
                "title_ru": "Паллиативная помощь на дому: визиты медсестры",
                "title_uk": "Паліативна допомога вдома: візити медсестри",
                "title_en": "Palliative care at home: nurse visits",
                "price": { "amount_minor": 9_999_900, "currency": "RUB" },
                "capacity": 12,
                "location": { "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск", "latitude": 48.4802, "longitude": 135.0719 },
                "wheelchair_access": true,
                "home_visits": true,
                "languages": ["ru"]
            })))
            .await;
        assert_eq!(offer.status, 201, "{}", text(&offer));
        let offer_id = offer.json()["id"].as_str().unwrap().to_owned();

        let found = app
            .send_raw(get_as("/search?q=%D0%BF%D0%B0%D0%BB%D0%BB%D0%B8%D0%B0%D1%82%D0%B8%D0%B2%D0%BD%D0%BE%D0%B9+%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D0%B8&wheelchair_access=true&lat=48%2C5&lon=135.1&sort=distance&lang=ru", None, None))
            .await;
        assert_eq!(found.status, StatusCode::OK);
        let page = text(&found);
        assert!(page.contains(&format!("href=\"/offers/{offer_id}\">Паллиативная помощь на дому: визиты медсестры</a>")), "{page}");
        assert!(page.contains(&format!("href=\"/providers/{provider_id}\">АНО «Тёплый дом»</a>")));
        // Money and distance as a Russian reader writes them; the price above the normative
        // leaves a co-payment.
        assert!(page.contains("99\u{a0}999,00\u{a0}₽"), "{page}");
        assert!(page.contains(" км"), "{page}");
        let copay = page.split("Ваша доплата</dt><dd>").nth(1).unwrap();
        assert!(!copay.starts_with("нет"), "{copay}");

        // English reader, same offer.
        let page = text(&app.send_raw(get_as(&format!("/offers/{offer_id}?lang=en"), None, None)).await);
        assert_eq!(h1(&page), "Palliative care at home: nurse visits");
        assert!(page.contains("₽99,999.00"));
        let page = text(&app.send_raw(get_as(&format!("/providers/{provider_id}"), None, None)).await);
        assert_eq!(h1(&page), "АНО «Тёплый дом»");
        assert!(page.contains(&format!("/offers/{offer_id}")));

        // Sorting by distance without a location: the field says what is missing.
        let missing = app.send_raw(get_as("/search?q=x&sort=distance&lang=en", None, None)).await;
        assert_eq!(missing.status, StatusCode::BAD_REQUEST);
        let page = text(&missing);
        assert!(page.contains("aria-describedby=\"lat-error coords-hint\""), "{page}");
        assert!(page.contains("Enter your latitude and longitude to sort by distance."));
        assert!(page.starts_with("<!doctype html>"));
    }
    async fn a_representative_sees_every_person_and_each_certificates_history(app: TestApp) {
        let (names, certificates) = a_representative_with_two_people(&app).await;
        let recipient = session_cookie(&app.login("recipient@khabarovsk.demo").await);
        let page = text(&app.send_raw(get_as("/cabinet/certificates?lang=ru", Some(&recipient), None)).await);
        assert_eq!(h1(&page), "Мои сертификаты");
        // One section per person, each with their certificate, in their own words and money.
        for (name, certificate) in names.iter().zip(&certificates) {
            assert!(page.contains(&format!("\">{name}</h2>")), "{name} in\n{page}");
            assert!(page.contains(&format!("href=\"/cabinet/certificates/{certificate}\"")));
        }
        assert_eq!(page.matches("<section class=\"person\"").count(), 2);
        assert!(page.contains("45\u{a0}000,00\u{a0}₽"));
        assert!(page.contains("Действует"));
        assert!(!page.contains(&certificates[2]), "a third person's certificate is not theirs");

        let detail = app.send_raw(get_as(&format!("/cabinet/certificates/{}?lang=en", certificates[0]), Some(&recipient), None)).await;
        assert_eq!(detail.status, StatusCode::OK);
        let page = text(&detail);
        assert!(h1(&page).starts_with("Certificate No. <span class=\"nowrap\">27-"), "{page}");
        assert!(page.contains("₽45,000.00"));
        assert_eq!(page.matches("<tr><td>").count(), 1, "the issue is the one line of history:\n{page}");
        assert!(page.contains(&format!("href=\"/cabinet/certificates/{}/print\"", certificates[0])));
        // Someone else's certificate does not exist for them; neither does it for a stranger.
        let other = app.send_raw(get_as(&format!("/cabinet/certificates/{}", certificates[2]), Some(&recipient), None)).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let other = app.send_raw(get_as(&format!("/cabinet/certificates/{}", certificates[0]), Some(&officer), None)).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        // The dashboard counts them without naming anyone.
        let page = text(&app.send_raw(get_as("/cabinet/officer", Some(&officer), None)).await);
        assert!(page.contains("<td class=\"num\">3</td>"), "{page}");
        for name in &names {
            assert!(!page.contains(name.as_str()));
        }
    }
}
