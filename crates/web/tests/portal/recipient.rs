//! The recipient's cabinet as a representative uses it: from an offer to a quote and an
//! enrollment, deliveries confirmed or disputed, the inbox, a rating, a complaint filed and
//! withdrawn, and an enrollment cancelled, each through plain forms.

use axum::http::StatusCode;
use serde_json::json;

use super::*;

/// An NGO admitted for hourly home care with one offer at 500 ₽ an hour, above the normative:
/// the family pays the difference. Returns (authority, provider, offer).
async fn home_care_offer(app: &TestApp) -> (String, String, String) {
    let authority = app.authority("27").await;
    let service = service_id(app, &authority, "HOME-CARE-HOUR").await;
    let provider_user = app.login("provider@khabarovsk.demo").await;
    let registered = app
        .send_as(&provider_user, json_post("/api/v1/providers", &json!({
            "legal_form": "ngo",
            "full_name": "Автономная некоммерческая организация «Забота»",
            "short_name": "АНО «Забота»",
            "country": "RU",
            "tax_id": "7707083893",
            "registration_number": "1027700132195",
            "phone": "+7 4212 00-00-01",
            "email": "care@zabota.example",
            "description": "Уход на дому за пожилыми людьми.",
            "location": { "address": "г. Хабаровск, ул. Ленина, д. 2", "municipality": "Хабаровск", "latitude": 48.48, "longitude": 135.07 },
            "bank_account": "40703810000000000002",
            "bank_id": "040813608"
        })))
        .await;
    assert_eq!(registered.status, 201, "{}", text(&registered));
    let provider = registered.json()["id"].as_str().unwrap().to_owned();
    let applied = app
        .send_as(
            &provider_user,
            json_post(
                &format!("/api/v1/providers/{provider}/admissions"),
                &json!({ "authority_id": authority, "service_ids": [service] }),
            ),
        )
        .await
        .ok_json();
    let officer = app.login("officer@khabarovsk.demo").await;
    let decision = format!(
        "/api/v1/authorities/{authority}/admissions/{}/decision",
        applied["id"].as_str().unwrap()
    );
    for event in ["start_review", "admit"] {
        app.send_as(&officer, json_post(&decision, &json!({ "event": event })))
            .await
            .ok_json();
    }
    let offer = app
        .send_as(&provider_user, json_post(&format!("/api/v1/providers/{provider}/offers"), &json!({
            "authority_id": authority,
            "service_id": service,
            "title_ru": "Помощь по дому для пожилых",
            "title_en": "Help at home for older people",
            "description": "Уборка, покупки, сопровождение.",
            "price": { "amount_minor": 50_000, "currency": "RUB" },
            "capacity": 10,
            "schedule": "Пн–Пт 9:00–18:00",
            "location": { "address": "г. Хабаровск, ул. Ленина, д. 2", "municipality": "Хабаровск", "latitude": 48.48, "longitude": 135.07 },
            "home_visits": true,
            "languages": ["ru"]
        })))
        .await;
    assert_eq!(offer.status, 201, "{}", text(&offer));
    (
        authority,
        provider,
        offer.json()["id"].as_str().unwrap().to_owned(),
    )
}

async fn today_of(app: &TestApp, authority: &str) -> String {
    let tenant = app
        .store
        .authority(authority.parse().unwrap())
        .await
        .unwrap();
    tenant.date_at(jiff::Timestamp::now()).to_string()
}

fn location(response: &TestResponse) -> String {
    response.header("location").expect("a redirect").to_owned()
}

on_both_backends! {
    async fn citizens_read_how_it_works_in_their_language(app: TestApp) {
        for (code, heading) in [("ru", "Как это работает"), ("uk", "Як це працює"), ("en", "How it works")] {
            let page = text(&app.send_raw(get_as(&format!("/how-it-works?lang={code}"), None, None)).await);
            assert_eq!(h1(&page), heading);
            assert_eq!(page.matches("<section aria-labelledby=\"how-").count(), 8);
        }
        let home = text(&app.send_raw(get_as("/", None, None)).await);
        assert!(home.matches("href=\"/how-it-works\"").count() >= 2, "from the page and the footer");
    }

    async fn a_representative_enrolls_confirms_rates_complains_and_cancels(app: TestApp) {
        let (names, certificates) = a_representative_with_two_people(&app).await;
        let (authority, provider, offer) = home_care_offer(&app).await;
        let today = today_of(&app, &authority).await;
        let me = session_cookie(&app.login("recipient@khabarovsk.demo").await);
        let cookie = format!("{me}; socert_lang=en");

        // The offer page leads a recipient to enroll; a stranger sees no such button.
        let page = text(&app.send_raw(get_as(&format!("/offers/{offer}"), Some(&cookie), None)).await);
        assert!(page.contains(&format!("href=\"/cabinet/enroll?offer={offer}\"")), "{page}");
        let anonymous = text(&app.send_raw(get_as(&format!("/offers/{offer}"), None, None)).await);
        assert!(!anonymous.contains("/cabinet/enroll"));

        // The form lists the certificates of both people; a bad volume is said next to its field.
        let page = text(&app.send_raw(get_as(&format!("/cabinet/enroll?offer={offer}"), Some(&cookie), None)).await);
        assert_eq!(h1(&page), "Enroll with a provider");
        for (name, certificate) in names.iter().zip(&certificates) {
            assert!(page.contains(&format!("value=\"{certificate}\"")) && page.contains(name.as_str()));
        }
        assert!(!page.contains(&certificates[2]));
        let bad = app.send_raw(get_as(&format!("/cabinet/enroll?offer={offer}&certificate={}&volume=lots&starts_on={today}", certificates[0]), Some(&cookie), None)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(&bad);
        assert!(page.contains("aria-describedby=\"volume-error volume-hint\""), "{page}");
        assert!(page.contains("<title>Check the form:"));

        // The quote: 10 hours at 500 ₽, the normative of each from the certificate, the rest co-paid.
        let quote = format!("/cabinet/enroll?offer={offer}&certificate={}&volume=10&starts_on={today}", certificates[0]);
        let page = text(&app.send_raw(get_as(&quote, Some(&cookie), None)).await);
        for amount in ["₽5,000.00", "₽4,284.80", "₽715.20"] {
            assert!(page.contains(amount), "{amount} in\n{page}");
        }
        assert!(page.contains("name=\"copay_agreed\""));
        let csrf = hidden(&page, "csrf");
        let key = hidden(&page, "idempotency_key");
        let form = |agreed: bool, csrf: &str| {
            format!(
                "csrf={csrf}&idempotency_key={key}&offer={offer}&certificate={}&volume=10&starts_on={today}{}",
                certificates[0],
                if agreed { "&copay_agreed=true" } else { "" }
            )
        };
        // No CSRF token, no enrollment; no agreement to the co-payment, the box says why.
        let forged = app.send_raw(form_post("/cabinet/enrollments", Some(&cookie), &form(true, "forged"))).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let unagreed = app.send_raw(form_post("/cabinet/enrollments", Some(&cookie), &form(false, &csrf))).await;
        assert_eq!(unagreed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&unagreed).contains("aria-describedby=\"copay_agreed-error\""));
        let made = app.send_raw(form_post("/cabinet/enrollments", Some(&cookie), &form(true, &csrf))).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", text(&made));
        let enrollment_href = location(&made);
        // A second click sends the same key: the same enrollment, not a second one.
        let again = app.send_raw(form_post("/cabinet/enrollments", Some(&cookie), &form(true, &csrf))).await;
        assert_eq!(location(&again), enrollment_href);
        let enrollment = enrollment_href.rsplit('/').next().unwrap().to_owned();

        let page = text(&app.send_raw(get_as(&enrollment_href, Some(&cookie), None)).await);
        assert!(page.contains("Requested, waiting for the provider"), "{page}");
        assert!(page.contains("You can rate the provider once a delivery is confirmed."));
        let list = text(&app.send_raw(get_as("/cabinet/enrollments", Some(&cookie), None)).await);
        assert!(list.contains(&enrollment_href) && list.contains("Help at home for older people"));
        // Two people: a picker narrows the list to one of them.
        assert!(list.contains("id=\"person\""));
        let other = text(&app.send_raw(get_as(&format!("/cabinet/enrollments?person={}", "00000000-0000-0000-0000-000000000000"), Some(&cookie), None)).await);
        assert!(other.contains(&enrollment_href), "an unknown person shows everyone");

        // Rating before any delivery is refused, and said next to the stars.
        let refused = app.send_raw(form_post(&format!("{enrollment_href}/rating"), Some(&cookie), &format!("csrf={csrf}&stars=5"))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&refused).contains("You can rate the provider once a delivery is confirmed."));

        // The provider accepts and records an hour; the recipient disputes without a reason
        // (refused), then confirms.
        let provider_user = app.login("provider@khabarovsk.demo").await;
        app.send_as(&provider_user, json_post(
            &format!("/api/v1/providers/{provider}/authorities/{authority}/enrollments/{enrollment}/decision"),
            &json!({ "decision": "accept" }),
        )).await.ok_json();
        let recorded = app.send_as(&provider_user, json_post(
            &format!("/api/v1/providers/{provider}/authorities/{authority}/deliveries"),
            &json!({ "records": [{ "enrollment_id": enrollment, "delivered_on": today, "units": 1, "worker": "Ольга" }] }),
        )).await.ok_json();
        let record = recorded["items"][0]["record"]["id"].as_str().unwrap().to_owned();

        let page = text(&app.send_raw(get_as("/cabinet/notifications", Some(&cookie), None)).await);
        assert!(page.contains("The provider accepted your enrollment."), "{page}");
        assert!(page.contains("A delivery is waiting for your confirmation."));
        assert!(page.contains("Notifications (2 new)"), "the nav counts unread:\n{page}");

        let page = text(&app.send_raw(get_as("/cabinet/deliveries", Some(&cookie), None)).await);
        assert!(page.contains(&format!("action=\"/cabinet/deliveries/{record}/confirm\"")), "{page}");
        let empty = app.send_raw(form_post(&format!("/cabinet/deliveries/{record}/dispute"), Some(&cookie), &format!("csrf={csrf}&reason=+"))).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&empty).contains(&format!("aria-describedby=\"reason-{record}-error\"")));
        let confirmed = app.send_raw(form_post(&format!("/cabinet/deliveries/{record}/confirm"), Some(&cookie), &format!("csrf={csrf}"))).await;
        assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_as("/cabinet/deliveries", Some(&cookie), None)).await);
        assert!(page.contains("Nothing is waiting for your confirmation.") && page.contains("Confirmed"));

        // Now the stars are offered and a rating is kept.
        let page = text(&app.send_raw(get_as(&enrollment_href, Some(&cookie), None)).await);
        assert!(page.contains("type=\"radio\" id=\"stars-5\" name=\"stars\" value=\"5\""), "{page}");
        let rated = app.send_raw(form_post(&format!("{enrollment_href}/rating"), Some(&cookie), &format!("csrf={csrf}&stars=4"))).await;
        assert_eq!(rated.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_as(&enrollment_href, Some(&cookie), None)).await);
        assert!(page.contains("Your rating: 4 stars"));
        // Everyone sees it on the offer, the provider and in the search, which can sort by it.
        for path in [format!("/offers/{offer}?lang=en"), format!("/providers/{provider}?lang=en"), "/search?category=home_care&sort=rating&lang=en".to_owned()] {
            let public = text(&app.send_raw(get_as(&path, None, None)).await);
            assert!(public.contains("4.0 ★ (1 rating)"), "{path}:\n{public}");
        }
        let public = text(&app.send_raw(get_as(&format!("/offers/{offer}?lang=ru"), None, None)).await);
        assert!(public.contains("4,0 ★ (1 оценка)"));

        // A complaint: empty is refused at the field; filed, it is listed, then withdrawn.
        let key = hidden(&page, "idempotency_key");
        let empty = app.send_raw(form_post(&format!("{enrollment_href}/complaints"), Some(&cookie), &format!("csrf={csrf}&idempotency_key={key}&text="))).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&empty).contains("aria-describedby=\"complaint-error complaint-hint\""));
        let filed = app.send_raw(form_post(&format!("{enrollment_href}/complaints"), Some(&cookie), &format!("csrf={csrf}&idempotency_key={key}&text=The+carer+came+late+twice"))).await;
        assert_eq!(location(&filed), "/cabinet/complaints");
        let page = text(&app.send_raw(get_as("/cabinet/complaints", Some(&cookie), None)).await);
        assert!(page.contains("The carer came late twice") && page.contains(">Open<"), "{page}");
        let complaint = {
            let start = page.find("/cabinet/complaints/").unwrap() + "/cabinet/complaints/".len();
            page[start..start + 36].to_owned()
        };
        let withdrawn = app.send_raw(form_post(&format!("/cabinet/complaints/{complaint}/withdraw"), Some(&cookie), &format!("csrf={csrf}"))).await;
        assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
        let page = text(&app.send_raw(get_as("/cabinet/complaints?lang=ru", Some(&me), None)).await);
        assert!(page.contains("Отозвана") && !page.contains("/withdraw\""), "{page}");

        // Cancelling asks first, then ends the enrollment after the notice.
        let page = text(&app.send_raw(get_as(&format!("{enrollment_href}/cancel?lang=en"), Some(&me), None)).await);
        assert_eq!(h1(&page), "Cancel the enrollment?");
        let cancelled = app.send_raw(form_post(&format!("{enrollment_href}/cancel"), Some(&cookie), &format!("csrf={csrf}"))).await;
        assert_eq!(location(&cancelled), enrollment_href);
        let page = text(&app.send_raw(get_as(&enrollment_href, Some(&cookie), None)).await);
        assert!(page.contains("Ending on") || page.contains("Cancelled"), "{page}");
        assert!(!page.contains("/cancel\""));

        // The certificate prints in the reader's language, with a print button for scripts.
        let printed = app.send_raw(get_as(&format!("/cabinet/certificates/{}/print", certificates[0]), Some(&cookie), None)).await;
        assert_eq!(printed.status, StatusCode::OK);
        let page = text(&printed);
        assert!(page.contains(names[0].as_str()) && page.contains("data-print hidden") && page.contains("<html lang=\"en\""), "{page}");
        assert!(page.contains("<script src=\"/static/portal.js\" defer></script>"));
        let foreign = app.send_raw(get_as(&format!("/cabinet/certificates/{}/print", certificates[2]), Some(&cookie), None)).await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND);
        let script = app.send_raw(get_as("/static/portal.js", None, None)).await;
        assert_eq!(script.header("content-type"), Some("text/javascript; charset=utf-8"));

        // Someone else's enrollment does not exist for them; the cabinet is for recipients.
        let officer = session_cookie(&app.login("officer@khabarovsk.demo").await);
        let foreign = app.send_raw(get_as(&enrollment_href, Some(&officer), None)).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        let signed_out = app.send_raw(get_as("/cabinet/deliveries", None, None)).await;
        assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    }
}
