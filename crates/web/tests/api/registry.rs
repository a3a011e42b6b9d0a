//! A provider goes from application to being found by a recipient: register, apply, get
//! admitted, publish an offer, be found by inflected words; suspension hides it again.

use serde_json::{Value, json};
use socert_domain::AuthorityId;
use socert_domain::demo_registry::{DemoRegion, demo_offer_texts};

use crate::on_both_backends;
use crate::support::TestApp;

fn palliative_ngo() -> Value {
    json!({
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
        "bank_id": "040813608",
        "licences": [{ "number": "Л041-01154-27/00000001", "issuer": "Минздрав Хабаровского края", "valid_to": "2030-12-31" }]
    })
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

/// Every offer id a search finds, following its cursors page by page.
async fn all_pages(app: &TestApp, query: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut path = format!("/api/v1/public/offers?{query}");
    loop {
        let page = app.get(&path).await.ok_json();
        ids.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["offer"]["id"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/public/offers?{query}&cursor={cursor}"),
            None => return ids,
        }
    }
}

async fn search(app: &TestApp, query: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/public/offers?{query}"))
        .await
        .ok_json()["items"]
        .as_array()
        .unwrap()
        .clone()
}

on_both_backends! {
    async fn a_provider_is_admitted_publishes_and_is_found(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let palliative = service_id(&app, &khabarovsk, "PAL-HOME-VISIT").await;

        app.sign_in("provider@khabarovsk.demo").await;
        let provider = app.post_json("/api/v1/providers", &palliative_ngo()).await;
        assert_eq!(provider.status, 201, "{}", String::from_utf8_lossy(&provider.body));
        let provider_id = provider.json()["id"].as_str().unwrap().to_owned();
        let applied = app
            .post_json(&format!("/api/v1/providers/{provider_id}/admissions"), &json!({ "authority_id": khabarovsk, "service_ids": [palliative] }))
            .await;
        assert_eq!(applied.status, 201);
        let admission_id = applied.json()["id"].as_str().unwrap().to_owned();

        // Not admitted yet: nothing can be published, nothing is found.
        let offer = json!({
            "authority_id": khabarovsk,
            "service_id": palliative,
            "title_ru": "Паллиативная помощь на дому: визиты медсестры",
            "title_uk": "Паліативна допомога вдома: візити медсестри",
            "description": "Выездная служба паллиативной помощи, обезболивание и уход.",
            "price": { "amount_minor": 320_000, "currency": "RUB" },
            "capacity": 12,
            "schedule": "Пн–Сб 8:00–20:00",
            "location": { "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск", "latitude": 48.4802, "longitude": 135.0719 },
            "wheelchair_access": true,
            "home_visits": true,
            "languages": ["ru"]
        });
        app.post_json(&format!("/api/v1/providers/{provider_id}/offers"), &offer).await.problem(409, "not_admitted");

        // Another region's officer does not even see the application.
        app.sign_in("officer@krasnoyarsk.demo").await;
        app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions")).await.problem(404, "not_found");

        app.sign_in("officer@khabarovsk.demo").await;
        let queue = app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions?status=applied")).await.ok_json();
        assert_eq!(queue.as_array().unwrap().len(), 1);
        let decision = format!("/api/v1/authorities/{khabarovsk}/admissions/{admission_id}/decision");
        app.post_json(&decision, &json!({ "event": "start_review" })).await.ok_json();
        app.post_json(&decision, &json!({ "event": "reject" })).await.problem(422, "reason_required");
        assert_eq!(app.post_json(&decision, &json!({ "event": "admit" })).await.ok_json()["status"], "admitted");
        app.post_json(&decision, &json!({ "event": "admit" })).await.problem(422, "illegal_transition");

        app.sign_in("provider@khabarovsk.demo").await;
        let published = app.post_json(&format!("/api/v1/providers/{provider_id}/offers"), &offer).await;
        assert_eq!(published.status, 201, "{}", String::from_utf8_lossy(&published.body));

        // A daughter looks for care for her mother, typing the words her own way.
        app.sign_out_locally();
        for query in ["q=паллиативная+помощь", "q=паллиативной+помощи+на+дому", "q=паліативної+допомоги", "q=Palliative+care"] {
            let found = search(&app, query).await;
            assert_eq!(found.len(), 1, "{query}");
            let hit = &found[0];
            assert_eq!(hit["provider_name"], "АНО «Тёплый дом»");
            assert_eq!(hit["service_code"], "PAL-HOME-VISIT");
            // 3 200 ₽ against a normative of 2 992,50 ₽ (2 850 ₽ indexed by 5% from July).
            assert_eq!(hit["normative_cost"]["amount_minor"], 299_250, "{hit}");
            assert_eq!(hit["copay"]["amount_minor"], 20_750);
        }
        assert!(search(&app, "q=робототехника").await.is_empty());
        assert_eq!(search(&app, "q=помощь&wheelchair_access=true&home_visits=true&category=palliative_care").await.len(), 1);
        assert!(search(&app, "q=помощь&within_normative=true").await.is_empty());
        assert!(search(&app, "q=помощь&sign_language=true").await.is_empty());
        let near = search(&app, "near=48.50,135.10&sort=distance").await;
        assert!((near[0]["distance_km"].as_f64().unwrap() - 3.0).abs() < 1.0, "{}", near[0]);
        app.get("/api/v1/public/offers?sort=distance").await.problem(400, "invalid_parameter");

        // Suspension hides the offer at once; the provider sees why.
        app.sign_in("officer@khabarovsk.demo").await;
        app.post_json(&decision, &json!({ "event": "suspend", "reason": "Лицензия на проверке" })).await.ok_json();
        app.sign_out_locally();
        assert!(search(&app, "q=паллиативная+помощь").await.is_empty());
        app.sign_in("provider@khabarovsk.demo").await;
        let mine = app.get(&format!("/api/v1/providers/{provider_id}/admissions")).await.ok_json();
        assert_eq!(mine[0]["status"], "suspended");
        assert_eq!(mine[0]["reason"], "Лицензия на проверке");
        app.sign_in("officer@khabarovsk.demo").await;
        app.post_json(&decision, &json!({ "event": "reinstate" })).await.ok_json();
        app.sign_out_locally();
        assert_eq!(search(&app, "q=паллиативная+помощь").await.len(), 1);

        // The provider corrects the offer: a doctor now comes too, and at a new price. An edit
        // made from an older reading is refused, and the region and service cannot change.
        app.sign_in("provider@khabarovsk.demo").await;
        let offer_id = published.json()["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/providers/{provider_id}/offers/{offer_id}");
        let mut corrected = offer.clone();
        corrected["title_ru"] = json!("Паллиативная помощь на дому: врач и медсестра");
        corrected["price"] = json!({ "amount_minor": 290_000, "currency": "RUB" });
        let edited = app.put_json(&path, &corrected, Some("\"1\"")).await;
        assert_eq!(edited.status, 200, "{}", String::from_utf8_lossy(&edited.body));
        assert_eq!(edited.headers["etag"], "\"2\"");
        assert_eq!(edited.json()["version"], 2);
        app.put_json(&path, &offer, Some("\"1\"")).await.problem(412, "version_mismatch");
        let mut moved = corrected.clone();
        moved["service_id"] = json!(service_id(&app, &khabarovsk, "PAL-HOSPICE-DAY").await);
        app.put_json(&path, &moved, Some("\"2\"")).await.problem(404, "not_found");
        app.sign_in("provider@krasnoyarsk.demo").await;
        app.put_json(&path, &corrected, None).await.problem(404, "not_found");
        app.sign_out_locally();
        let found = search(&app, "q=врач").await;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0]["offer"]["title_ru"], "Паллиативная помощь на дому: врач и медсестра");
        assert_eq!(found[0]["copay"]["amount_minor"], 0, "under the normative now");
        assert!(search(&app, "q=визиты").await.is_empty(), "the old title's words are gone");

        // The open registry lists it, in JSON and CSV, without bank details.
        let open = app.get(&format!("/api/v1/open/registry.json?authority_id={khabarovsk}")).await.ok_json();
        assert_eq!(open["schema_version"], 1);
        let records = open["records"].as_array().unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0]["tax_id"], "7707083893");
        assert_eq!(records[0]["copay_minor"], 0, "the corrected price");
        assert!(!open.to_string().contains("40703810000000000001"), "no bank account in open data");
        let csv = app.get("/api/v1/open/registry.csv").await;
        let text = String::from_utf8(csv.body.to_vec()).unwrap();
        assert!(text.starts_with("authority_id,provider_id,provider_short_name,"));
        assert_eq!(text.lines().count(), 2);
        assert!(text.contains("PAL-HOME-VISIT"));
    }

    async fn tax_ids_are_checked_digit_by_digit(app: TestApp) {
        app.sign_in("provider@khabarovsk.demo").await;
        let mut wrong = palliative_ngo();
        wrong["tax_id"] = json!("7707083894");
        let problem = app.post_json("/api/v1/providers", &wrong).await.problem(422, "validation_failed");
        assert_eq!(problem["field"], "tax_id");
        assert!(problem["detail"].as_str().unwrap().contains("check digit"), "{problem}");
        let mut entrepreneur = palliative_ngo();
        entrepreneur["legal_form"] = json!("individual_entrepreneur");
        app.post_json("/api/v1/providers", &entrepreneur).await.problem(422, "validation_failed");
        assert_eq!(app.post_json("/api/v1/providers", &palliative_ngo()).await.status, 201);
        app.post_json("/api/v1/providers", &palliative_ngo()).await.problem(409, "already_exists");
        // Another provider's staff cannot act for it.
        app.sign_in("provider@krasnoyarsk.demo").await;
        let other = uuid::Uuid::now_v7();
        app.get(&format!("/api/v1/providers/{other}/admissions")).await.problem(404, "not_found");
    }
}

/// A 10-digit INN with its check digit (weights from the Federal Tax Service's INN structure).
fn inn10(prefix: &str) -> String {
    let weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    let sum: u32 = prefix
        .chars()
        .zip(weights)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    format!("{prefix}{}", sum % 11 % 10)
}

/// A 13-digit OGRN: the first 12 digits modulo 11, last digit.
fn ogrn(prefix: &str) -> String {
    let number: u64 = prefix.parse().unwrap();
    format!("{prefix}{}", number % 11 % 10)
}

fn import_row(inn: &str, ogrn: &str, services: &str, latitude: &str) -> String {
    let longitude = if latitude.is_empty() { "" } else { "135.07" };
    format!(
        "business,ООО «Добрые руки {inn}»,«Добрые руки»,RU,{inn},{ogrn},+7 4212 11-22-33,info@dobrye-ruki.example,,Уход на дому,\"г. Хабаровск, ул. Мира, д. 5\",Хабаровск,{latitude},{longitude},40702810000000000002,040813608,{services}\n"
    )
}

on_both_backends! {
    async fn an_officer_imports_vetted_providers_from_csv_twice(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let header = "legal_form,full_name,short_name,country,tax_id,registration_number,phone,email,website,description,address,municipality,latitude,longitude,bank_account,bank_id,services\n";
        let good_a = import_row(&inn10("270100001"), &ogrn("102270000001"), "HOME-CARE-HOUR;SICK-CARE-HOUR", "48.48");
        let good_b = import_row(&inn10("270100002"), &ogrn("102270000002"), "social-taxi-trip", "");
        let mut bad_inn = inn10("270100003");
        let last = bad_inn.pop().unwrap().to_digit(10).unwrap();
        bad_inn.push(char::from_digit((last + 1) % 10, 10).unwrap());
        let bad_digit = import_row(&bad_inn, &ogrn("102270000003"), "HOME-CARE-HOUR", "48.48");
        let bad_service = import_row(&inn10("270100004"), &ogrn("102270000004"), "BALLET-LESSON", "48.48");
        let bad_latitude = import_row(&inn10("270100005"), &ogrn("102270000005"), "HOME-CARE-HOUR", "north");
        let csv = format!("{header}{good_a}{bad_digit}{good_b}{bad_service}{bad_latitude}");

        app.sign_in("officer@khabarovsk.demo").await;
        let send = || {
            axum::http::Request::post(format!("/api/v1/authorities/{khabarovsk}/providers/import"))
                .header("content-type", "text/csv")
                .body(axum::body::Body::from(csv.clone()))
                .unwrap()
        };
        let report = app.send(send()).await.ok_json();
        assert_eq!((report["imported"].as_u64(), report["unchanged"].as_u64(), report["refused"].as_u64()), (Some(2), Some(0), Some(3)), "{report}");
        let refused: Vec<(u64, String)> = report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "refused")
            .map(|r| (r["line"].as_u64().unwrap(), r["errors"][0]["field"].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(refused, [(3, "tax_id".to_owned()), (5, "services".to_owned()), (6, "column 13".to_owned())]);

        let again = app.send(send()).await.ok_json();
        assert_eq!((again["imported"].as_u64(), again["unchanged"].as_u64(), again["refused"].as_u64()), (Some(0), Some(2), Some(3)));
        let admitted = app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions?status=admitted")).await.ok_json();
        assert_eq!(admitted.as_array().unwrap().len(), 2);
        assert_eq!(admitted[0]["service_ids"].as_array().unwrap().len() + admitted[1]["service_ids"].as_array().unwrap().len(), 3);

        let wrong_type = axum::http::Request::post(format!("/api/v1/authorities/{khabarovsk}/providers/import"))
            .header("content-type", "application/json")
            .body(axum::body::Body::from("{}"))
            .unwrap();
        app.send(wrong_type).await.problem(415, "unsupported_media_type");
    }
}

on_both_backends! {
    async fn a_provider_attaches_documents_the_officer_reviews(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let palliative = service_id(&app, &khabarovsk, "PAL-HOME-VISIT").await;
        app.sign_in("provider@khabarovsk.demo").await;
        let provider_id = app.post_json("/api/v1/providers", &palliative_ngo()).await.json()["id"].as_str().unwrap().to_owned();
        let admission_id = app
            .post_json(&format!("/api/v1/providers/{provider_id}/admissions"), &json!({ "authority_id": khabarovsk, "service_ids": [palliative] }))
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let upload = |content_type: &str, bytes: &'static [u8]| {
            axum::http::Request::post(format!("/api/v1/providers/{provider_id}/admissions/{admission_id}/documents"))
                .header("content-type", content_type)
                .header("x-file-name", "Лицензия 2026.pdf")
                .body(axum::body::Body::from(bytes))
                .unwrap()
        };
        let pdf: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
        let stored = app.send(upload("application/pdf", pdf)).await;
        assert_eq!(stored.status, 201, "{}", String::from_utf8_lossy(&stored.body));
        let document_id = stored.json()["id"].as_str().unwrap().to_owned();
        // A script renamed to .pdf is not a PDF.
        app.send(upload("application/pdf", b"<script>alert(1)</script>")).await.problem(415, "unsupported_media_type");
        app.send(upload("text/html", b"<html></html>")).await.problem(415, "unsupported_media_type");

        app.sign_in("officer@khabarovsk.demo").await;
        let listed = app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions/{admission_id}/documents")).await.ok_json();
        assert_eq!(listed.as_array().unwrap().len(), 1);
        assert_eq!(listed[0]["file_name"], "Лицензия 2026.pdf");
        let file = app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions/{admission_id}/documents/{document_id}")).await;
        assert_eq!(file.status, 200);
        assert_eq!(&file.body[..], pdf);
        assert_eq!(file.header("content-type"), Some("application/pdf"));
        assert!(file.header("content-disposition").unwrap().starts_with("attachment;"));

        app.sign_in("officer@krasnoyarsk.demo").await;
        app.get(&format!("/api/v1/authorities/{khabarovsk}/admissions/{admission_id}/documents")).await.problem(404, "not_found");
    }
}

on_both_backends! {
    async fn offers_named_for_the_words_come_before_those_that_only_mention_them(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let palliative = service_id(&app, &khabarovsk, "PAL-HOME-VISIT").await;
        app.sign_in("provider@khabarovsk.demo").await;
        let provider_id = app.post_json("/api/v1/providers", &palliative_ngo()).await.json()["id"].as_str().unwrap().to_owned();
        let admission = app
            .post_json(&format!("/api/v1/providers/{provider_id}/admissions"), &json!({ "authority_id": khabarovsk, "service_ids": [palliative] }))
            .await
            .json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.sign_in("officer@khabarovsk.demo").await;
        app.post_json(&format!("/api/v1/authorities/{khabarovsk}/admissions/{admission}/decision"), &json!({ "event": "admit" }))
            .await
            .ok_json();
        app.sign_in("provider@khabarovsk.demo").await;
        let offer = |title: &str, description: &str| {
            json!({
                "authority_id": khabarovsk, "service_id": palliative, "title_ru": title, "description": description,
                "price": { "amount_minor": 250_000, "currency": "RUB" }, "capacity": 5,
                "location": { "address": "г. Хабаровск, ул. Ленина, д. 1", "municipality": "Хабаровск" }
            })
        };
        // Published first, so registry order alone would put it first.
        let mentions = app
            .post_json(&format!("/api/v1/providers/{provider_id}/offers"), &offer("Визиты медсестры", "Входит в программу паллиативной помощи."))
            .await
            .json()["id"]
            .clone();
        let named = app
            .post_json(&format!("/api/v1/providers/{provider_id}/offers"), &offer("Паллиативная помощь на дому", "Визиты врача и медсестры."))
            .await
            .json()["id"]
            .clone();
        app.sign_out_locally();
        let found = search(&app, "q=паллиативной+помощи").await;
        let order: Vec<&Value> = found.iter().map(|h| &h["offer"]["id"]).collect();
        assert_eq!(order, [&named, &mentions]);
        // The second page of one continues after the first.
        let first = app.get("/api/v1/public/offers?q=паллиативной+помощи&limit=1").await.ok_json();
        let cursor = first["next_cursor"].as_str().unwrap();
        let second = app.get(&format!("/api/v1/public/offers?q=паллиативной+помощи&limit=1&cursor={cursor}")).await.ok_json();
        assert_eq!(first["items"][0]["offer"]["id"], named);
        assert_eq!(second["items"][0]["offer"]["id"], mentions);
        assert_eq!(second["next_cursor"], Value::Null);
    }

    async fn paging_through_a_common_word_gives_the_same_offers_once_statistics_exist(app: TestApp) {
        // A registry of 900 offers with the demo texts: "паллиативная помощь" names about one
        // in twenty. With planner statistics PostgreSQL reads the first title matches from the
        // table's first pages instead of the index; the pages must not change.
        let khabarovsk: AuthorityId = app.authority("27").await.parse().unwrap();
        let services: Vec<_> = app
            .store
            .services(khabarovsk, &socert_store::ServiceFilter::default(), &socert_store::PageRequest { after: None, limit: 1000 })
            .await
            .unwrap()
            .items
            .iter()
            .map(|s| s.id)
            .collect();
        let texts = demo_offer_texts(DemoRegion::Khabarovsk);
        app.store.bulk_fill(khabarovsk, &services, 300, 3, &texts).await.unwrap();
        let query = "q=паллиативная+помощь&limit=7";
        let before = all_pages(&app, query).await;
        app.store.analyze().await.unwrap();
        let after = all_pages(&app, query).await;
        assert!(before.len() > 3 * 7, "several pages: {}", before.len());
        assert_eq!(after, before);
        let unique: std::collections::HashSet<&String> = after.iter().collect();
        assert_eq!(unique.len(), after.len(), "no offer on two pages");
    }
}
