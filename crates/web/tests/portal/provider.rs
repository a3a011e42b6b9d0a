//! Stories of the provider's cabinet: a new provider applies through the portal, attaches a
//! document, publishes an offer once admitted, accepts a family's request, records deliveries one
//! by one and from a CSV file, and tries to claim. Nobody else gets in.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

use super::{
    a_representative_with_two_people, form_post, get_as, h1, hidden, json_post, multipart,
    service_id, session_cookie, text,
};
use crate::on_both_backends;

fn location(response: &super::support::TestResponse) -> String {
    response.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned()
}

on_both_backends! {
    async fn a_provider_goes_from_application_to_deliveries(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let home_care = service_id(&app, &khabarovsk, "HOME-CARE-HOUR").await;
        let staff = app.login("provider@khabarovsk.demo").await;
        let cookie = session_cookie(&staff);
        let registered = app
            .send_as(&staff, json_post("/api/v1/providers", &json!({
                "legal_form": "ngo",
                "full_name": "Автономная некоммерческая организация «Забота»",
                "short_name": "АНО «Забота»",
                "country": "RU",
                "tax_id": "7736050003",
                "registration_number": "1027700070518",
                "phone": "+7 4212 00-00-01",
                "email": "info@zabota.example",
                "location": { "address": "г. Хабаровск, ул. Карла Маркса, д. 5", "municipality": "Хабаровск" },
                "bank_account": "40703810000000000002",
                "bank_id": "040813608"
            })))
            .await;
        assert_eq!(registered.status, 201, "{}", text(&registered));
        let provider = registered.json()["id"].as_str().unwrap().to_owned();
        let home = format!("/cabinet/provider/{provider}");

        // Signing in through the form lands provider staff in their cabinet.
        let entrance = app.send_raw(get_as("/cabinet/provider", Some(&cookie), None)).await;
        assert_eq!(entrance.status, StatusCode::SEE_OTHER, "{}", text(&entrance));
        assert_eq!(location(&entrance), home);
        let page = text(&app.send_raw(get_as(&format!("{home}?lang=en"), Some(&cookie), None)).await);
        assert_eq!(h1(&page), "Provider&#39;s cabinet: АНО «Забота»");
        assert!(page.contains("The provider has not applied to any authority yet."));
        assert!(page.contains("href=\"/cabinet/provider\""), "the nav names the cabinet");
        let csrf = hidden(&page, "csrf");

        // Applying with no service chosen says so next to the services.
        let empty = app
            .send_raw(form_post(&format!("{home}/admissions?lang=en"), Some(&cookie), &format!("csrf={csrf}&authority_id={khabarovsk}")))
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&empty).contains(&format!("id=\"apply-{khabarovsk}-error\"")));
        // Without the session's token nothing happens.
        let forged = app
            .send_raw(form_post(&format!("{home}/admissions"), Some(&cookie), &format!("csrf=x&authority_id={khabarovsk}&service_{home_care}=on")))
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let applied = app
            .send_raw(form_post(&format!("{home}/admissions"), Some(&cookie), &format!("csrf={csrf}&authority_id={khabarovsk}&service_{home_care}=on")))
            .await;
        assert_eq!(applied.status, StatusCode::SEE_OTHER, "{}", text(&applied));
        let page = text(&app.send_raw(get_as(&format!("{home}?done=applied&lang=en"), Some(&cookie), None)).await);
        assert!(page.contains("The application was sent to the authority."));
        assert!(page.contains("Applied, waiting for review"));
        assert!(page.contains("Home care for the elderly"));
        let admission = app.send_as(&staff, Request::get(format!("/api/v1/providers/{provider}/admissions")).body(Body::empty()).unwrap()).await.json()[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();

        // Documents: a PDF is attached, a text file is refused next to the file field.
        let upload = format!("{home}/admissions/{admission}/documents");
        let pdf = app.send_raw(multipart(&upload, &cookie, &[("csrf", &csrf)], ("Лицензия.pdf", "application/pdf", b"%PDF-1.4 test"))).await;
        assert_eq!(pdf.status, StatusCode::SEE_OTHER, "{}", text(&pdf));
        let bad = app.send_raw(multipart(&format!("{upload}?lang=en"), &cookie, &[("csrf", &csrf)], ("notes.txt", "text/plain", b"hello"))).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(&bad);
        assert!(page.contains(&format!("aria-describedby=\"file-{admission}-error")), "{page}");
        assert!(page.contains("Only PDF, JPEG and PNG files are accepted."));
        // A scan over 10 MB is refused before it is read, and said so next to the field.
        let big = vec![b'%'; 11 << 20];
        let too_large = app.send_raw(multipart(&format!("{upload}?lang=en"), &cookie, &[("csrf", &csrf)], ("scan.pdf", "application/pdf", &big))).await;
        assert_eq!(too_large.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&too_large).contains("The file is larger than 10 MB."), "{}", text(&too_large));
        assert!(page.contains("Лицензия.pdf"), "the attached one is listed");

        // Not admitted yet: no offer can be published.
        let page = text(&app.send_raw(get_as(&format!("{home}/offers?lang=en"), Some(&cookie), None)).await);
        assert!(page.contains("Offers can be published once an authority has admitted the provider."));
        let officer = app.login("officer@khabarovsk.demo").await;
        let admitted = app
            .send_as(&officer, json_post(&format!("/api/v1/authorities/{khabarovsk}/admissions/{admission}/decision"), &json!({ "event": "admit" })))
            .await;
        assert_eq!(admitted.status, 200, "{}", text(&admitted));
        // The officer is no staff of this provider: the cabinet does not exist for them.
        let officer_cookie = session_cookie(&officer);
        assert_eq!(app.send_raw(get_as(&home, Some(&officer_cookie), None)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.send_as(&officer, Request::get(format!("/api/v1/providers/{provider}/offers")).body(Body::empty()).unwrap()).await.status,
            StatusCode::NOT_FOUND
        );

        // Publishing: a wrong price is said next to the price, the rest is kept.
        let offer = format!(
            "csrf={csrf}&service={khabarovsk}%3A{home_care}&title_ru=%D0%A3%D1%85%D0%BE%D0%B4&title_en=Care+at+home&price=abc&capacity=5\
             &municipality=%D0%A5%D0%B0%D0%B1%D0%B0%D1%80%D0%BE%D0%B2%D1%81%D0%BA&address=%D1%83%D0%BB.+%D0%9B%D0%B5%D0%BD%D0%B8%D0%BD%D0%B0%2C+1\
             &wheelchair_access=true&lang_ru=true"
        );
        let wrong = app.send_raw(form_post(&format!("{home}/offers?lang=en"), Some(&cookie), &offer)).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(&wrong);
        assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"price-error price-hint\""), "{page}");
        assert!(page.contains("value=\"Care at home\""));
        let published = app.send_raw(form_post(&format!("{home}/offers"), Some(&cookie), &offer.replace("price=abc", "price=412%2C00"))).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", text(&published));
        let page = text(&app.send_raw(get_as(&format!("{home}/offers?done=published&lang=en"), Some(&cookie), None)).await);
        assert!(page.contains(">Care at home</a>"), "{page}");
        assert!(page.contains("5 of 5 seats free"));
        let offers = app.send_as(&staff, Request::get(format!("/api/v1/providers/{provider}/offers")).body(Body::empty()).unwrap()).await;
        assert_eq!(offers.status, 200);
        let offer_id = offers.json()[0]["id"].as_str().unwrap().to_owned();
        assert_eq!(offers.json()[0]["price"]["amount_minor"], 41_200);

        // A correction: the form comes filled in as published; a second save from the same
        // reading is refused, since the offer changed in between.
        let edit = format!("{home}/offers/{offer_id}");
        let page = text(&app.send_raw(get_as(&format!("{edit}?lang=en"), Some(&cookie), None)).await);
        assert!(page.contains("<h1>Edit the offer</h1>"), "{page}");
        assert!(page.contains("value=\"412.00\""), "{page}");
        assert!(page.contains("name=\"version\" value=\"1\""));
        let change = format!("{}&version=1", offer.replace("price=abc", "price=398").replace("capacity=5", "capacity=6"));
        let saved = app.send_raw(form_post(&edit, Some(&cookie), &change)).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", text(&saved));
        let page = text(&app.send_raw(get_as(&format!("{home}/offers?done=saved&lang=en"), Some(&cookie), None)).await);
        assert!(page.contains("The offer was changed."), "{page}");
        assert!(page.contains("6 of 6 seats free"));
        let stale = app.send_raw(form_post(&format!("{edit}?lang=en"), Some(&cookie), &change)).await;
        assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&stale).contains("Someone changed this offer after you opened it"));
        let forged = app.send_raw(form_post(&edit, Some(&cookie), &change.replace(&format!("csrf={csrf}"), "csrf=forged"))).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let offers = app.send_as(&staff, Request::get(format!("/api/v1/providers/{provider}/offers")).body(Body::empty()).unwrap()).await;
        assert_eq!(offers.json()[0]["price"]["amount_minor"], 39_800);
        assert_eq!(offers.json()[0]["version"], 2);

        // A family asks; the provider accepts in the cabinet.
        let (_, certificates) = a_representative_with_two_people(&app).await;
        let family = app.login("recipient@khabarovsk.demo").await;
        let today = app.store.authority(khabarovsk.parse().unwrap()).await.unwrap().date_at(jiff::Timestamp::now());
        let mut request = json_post("/api/v1/me/enrollments", &json!({
            "certificate_id": certificates[0], "offer_id": offer_id, "volume": 10, "starts_on": today.to_string()
        }));
        request.headers_mut().insert("idempotency-key", "portal-provider-enroll".parse().unwrap());
        let enrolled = app.send_as(&family, request).await;
        assert_eq!(enrolled.status, 201, "{}", text(&enrolled));
        let enrollment = enrolled.json()["id"].as_str().unwrap().to_owned();
        let page = text(&app.send_raw(get_as(&format!("{home}/requests?lang=en"), Some(&cookie), None)).await);
        assert!(page.contains(&enrollment), "{page}");
        // The inbox on the dashboard says so in words.
        let page = text(&app.send_raw(get_as(&format!("{home}?lang=en"), Some(&cookie), None)).await);
        assert!(page.contains("A family asks to enroll with one of your offers."), "{page}");
        let decide = format!("{home}/requests/{khabarovsk}/{enrollment}");
        let no_reason = app.send_raw(form_post(&format!("{decide}?lang=en"), Some(&cookie), &format!("csrf={csrf}&decision=decline&reason="))).await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&no_reason).contains("Say why the request is declined."));
        let accepted = app.send_raw(form_post(&decide, Some(&cookie), &format!("csrf={csrf}&decision=accept"))).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER);
        assert_eq!(location(&accepted), format!("{home}/requests?done=accepted"));
        let page = text(&app.send_raw(get_as(&format!("{home}/requests?lang=en"), Some(&cookie), None)).await);
        assert!(page.contains("No requests are waiting for a decision."));

        // Deliveries: one through the form, then a file with a good and a bad row.
        let page = text(&app.send_raw(get_as(&format!("{home}/deliveries?lang=en"), Some(&cookie), None)).await);
        assert!(page.contains(&format!("value=\"{khabarovsk}:{enrollment}\"")), "{page}");
        let zero = app
            .send_raw(form_post(&format!("{home}/deliveries?lang=en"), Some(&cookie), &format!("csrf={csrf}&enrollment={khabarovsk}%3A{enrollment}&delivered_on={today}&units=0&worker=Anna")))
            .await;
        assert_eq!(zero.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&zero).contains("aria-describedby=\"units-error\""));
        let recorded = app
            .send_raw(form_post(&format!("{home}/deliveries"), Some(&cookie), &format!("csrf={csrf}&enrollment={khabarovsk}%3A{enrollment}&delivered_on={today}&units=1&worker=Anna&note=")))
            .await;
        assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", text(&recorded));
        let csv = format!("enrollment_id,delivered_on,delivered_at,units,worker,note\n{enrollment},{today},,1,Anna,\n{enrollment},not-a-date,,1,Anna,\n");
        let report = app
            .send_raw(multipart(&format!("{home}/deliveries.csv?lang=en"), &cookie, &[("csrf", &csrf), ("authority_id", &khabarovsk)], ("visits.csv", "text/csv", csv.as_bytes())))
            .await;
        assert_eq!(report.status, StatusCode::OK, "{}", text(&report));
        let page = text(&report);
        assert!(page.contains("Recorded: 1. Refused: 1."), "{page}");
        assert!(page.contains("The row could not be read. (column Date)"), "{page}");
        let big = vec![b'x'; 11 << 20];
        let too_large = app
            .send_raw(multipart(&format!("{home}/deliveries.csv?lang=en"), &cookie, &[("csrf", &csrf), ("authority_id", &khabarovsk)], ("visits.csv", "text/csv", &big)))
            .await;
        assert_eq!(too_large.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&too_large).contains("The file is larger than 10 MB."), "{}", text(&too_large));

        // Nothing is confirmed yet: a claim is refused in words.
        let page = text(&app.send_raw(get_as(&format!("{home}/claims?lang=en"), Some(&cookie), None)).await);
        let key = hidden(&page, "key");
        let claim = app
            .send_raw(form_post(&format!("{home}/claims?lang=en"), Some(&cookie), &format!("csrf={csrf}&key={key}&authority_id={khabarovsk}&period_from={today}&period_to={today}")))
            .await;
        assert_eq!(claim.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", text(&claim));
        assert!(text(&claim).contains("There are no confirmed deliveries in this period"));

        // The family confirms; the claim is approved and its lines are explained.
        let deliveries = app.send_as(&family, Request::get("/api/v1/me/deliveries").body(Body::empty()).unwrap()).await.json();
        let record = deliveries["items"][0]["id"].as_str().unwrap().to_owned();
        let confirmed = app.send_as(&family, json_post(&format!("/api/v1/me/deliveries/{record}/confirmation"), &json!({}))).await;
        assert!(confirmed.status.is_success(), "{}", text(&confirmed));
        let page = text(&app.send_raw(get_as(&format!("{home}/claims?lang=en"), Some(&cookie), None)).await);
        let key = hidden(&page, "key");
        let claimed = app
            .send_raw(form_post(&format!("{home}/claims"), Some(&cookie), &format!("csrf={csrf}&key={key}&authority_id={khabarovsk}&period_from={today}&period_to={today}")))
            .await;
        assert_eq!(claimed.status, StatusCode::SEE_OTHER, "{}", text(&claimed));
        assert_eq!(location(&claimed), format!("{home}/claims?done=claimed"));
        let page = text(&app.send_raw(get_as(&format!("{}&lang=en", location(&claimed)), Some(&cookie), None)).await);
        assert!(page.contains("The claim was submitted."));
        assert!(page.contains("₽398.00"), "the payable balance, at the corrected price: {page}");
        let start = page.find(&format!("href=\"{home}/claims/{khabarovsk}/")).expect("a link to the claim") + 6;
        let href = &page[start..start + page[start..].find('"').unwrap()];
        let detail = text(&app.send_raw(get_as(&format!("{href}?lang=en"), Some(&cookie), None)).await);
        assert!(h1(&detail).starts_with("Claim for "), "{detail}");
        assert!(detail.contains(">approved</span>"), "{detail}");
        // Another provider's staff cannot read it.
        let officer_view = app.send_raw(get_as(href, Some(&officer_cookie), None)).await;
        assert_eq!(officer_view.status, StatusCode::NOT_FOUND);
    }
}
