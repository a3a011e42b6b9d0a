//! A family rates the home-care provider once the nurse has come, and complains when she does
//! not; the officer reads the complaint (the read is audited), reviews it and answers.

use serde_json::{Value, json};

use crate::enrollments::{World, admitted_provider, as_user, deliver, today, world};
use crate::on_both_backends;
use crate::support::{Credentials, TestApp};

/// A family enrolled person `n` with the world's home-care offer, and the provider accepted;
/// returns the family's credentials and the enrollment.
async fn enrolled(app: &TestApp, w: &World, n: u32, login: &str) -> (Credentials, String) {
    app.sign_in("officer@khabarovsk.demo").await;
    let (person, certificate) = w.certificate_for(app, n).await;
    let family = w.family(app, &person, login).await;
    let request = json!({ "certificate_id": certificate, "offer_id": w.offer, "volume": 4, "starts_on": today().to_string() });
    let enrolled = as_user(
        app,
        &family,
        "POST",
        "/api/v1/me/enrollments",
        Some(&request),
        Some(&format!("rate-{n}")),
    )
    .await;
    assert_eq!(
        enrolled.status,
        201,
        "{}",
        String::from_utf8_lossy(&enrolled.body)
    );
    let enrollment = enrolled.json()["id"].as_str().unwrap().to_owned();
    app.sign_in("provider@khabarovsk.demo").await;
    app.post_json(
        &w.provider_path(&format!("/enrollments/{enrollment}/decision")),
        &json!({ "decision": "accept" }),
    )
    .await
    .ok_json();
    (family, enrollment)
}

/// Another home-care provider of the authority, admitted with one offer and never rated: the
/// yardstick the world's provider is ranked against.
async fn unrated_competitor(app: &TestApp, w: &World) {
    let (provider, _) = admitted_provider(
        app,
        &json!({
            "legal_form": "business",
            "full_name": "Общество с ограниченной ответственностью «Забота»",
            "short_name": "ООО «Забота»",
            "country": "RU",
            "tax_id": "7736050003",
            "registration_number": "1027700070518",
            "phone": "+7 4212 00-00-01",
            "email": "info@zabota.example",
            "description": "Сиделки и медсёстры",
            "location": { "address": "г. Хабаровск, ул. Серышева, д. 5", "municipality": "Хабаровск", "latitude": 48.47, "longitude": 135.08 },
            "bank_account": "40702810000000000002",
            "bank_id": "040813608",
            "licences": []
        }),
        &w.authority,
        &w.service,
    )
    .await;
    let offer = app
        .post_json(
            &format!("/api/v1/providers/{provider}/offers"),
            &json!({
                "authority_id": w.authority,
                "service_id": w.service,
                "title_ru": "Сиделка на дому",
                "description": "Уход за тяжелобольными.",
                "price": { "amount_minor": 240_000, "currency": "RUB" },
                "capacity": 3,
                "schedule": "Ежедневно",
                "location": { "address": "г. Хабаровск, ул. Серышева, д. 5", "municipality": "Хабаровск", "latitude": 48.47, "longitude": 135.08 },
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
}

/// The world's provider's place in a search of its service sorted by rating (0 = first), and its
/// rating as shown.
async fn place_by_rating(app: &TestApp, w: &World) -> (usize, Value) {
    let page = app
        .get(&format!(
            "/api/v1/public/offers?authority_id={}&service_id={}&sort=rating&limit=100",
            w.authority, w.service
        ))
        .await
        .ok_json();
    let items = page["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        3,
        "two offers of the world's provider, one of its competitor: {page}"
    );
    let place = items
        .iter()
        .position(|i| i["offer"]["provider_id"] == w.provider.as_str())
        .unwrap();
    (place, items[place]["provider_rating"].clone())
}

on_both_backends! {
    async fn families_rate_the_provider_they_received_service_from(app: TestApp) {
        let w = world(&app, 5).await;
        unrated_competitor(&app, &w).await;
        let (daughter, enrollment) = enrolled(&app, &w, 11, "rating-daughter@example.org").await;
        let rating = format!("/api/v1/me/enrollments/{enrollment}/rating");

        // Nothing delivered yet: nothing to rate.
        as_user(&app, &daughter, "PUT", &rating, Some(&json!({ "stars": 5 })), None).await.problem(422, "nothing_to_rate");
        let visits = deliver(&app, &w, &enrollment, 2).await;
        as_user(&app, &daughter, "PUT", &rating, Some(&json!({ "stars": 5 })), None).await.problem(422, "nothing_to_rate");
        as_user(&app, &daughter, "POST", &format!("/api/v1/me/deliveries/{}/confirmation", visits[0]), None, None).await.ok_json();

        // Six stars is no rating; two is, and rating again replaces it.
        let refused = as_user(&app, &daughter, "PUT", &rating, Some(&json!({ "stars": 6 })), None).await;
        assert_eq!(refused.problem(422, "validation_failed")["field"], "stars");
        let first = as_user(&app, &daughter, "PUT", &rating, Some(&json!({ "stars": 2 })), None).await.ok_json();
        assert_eq!(first["stars"], 2);
        as_user(&app, &daughter, "PUT", &rating, Some(&json!({ "stars": 4 })), None).await.ok_json();
        assert_eq!(as_user(&app, &daughter, "GET", &rating, None, None).await.ok_json()["stars"], 4);

        // Another family's five stars: 4.5 from two ratings, and the provider's offers now come
        // before the unrated competitor's when sorted by rating.
        let (son, other) = enrolled(&app, &w, 12, "rating-son@example.org").await;
        let visits = deliver(&app, &w, &other, 1).await;
        as_user(&app, &son, "POST", &format!("/api/v1/me/deliveries/{}/confirmation", visits[0]), None, None).await.ok_json();
        as_user(&app, &son, "PUT", &format!("/api/v1/me/enrollments/{other}/rating"), Some(&json!({ "stars": 5 })), None).await.ok_json();
        let (place, shown) = place_by_rating(&app, &w).await;
        assert_eq!(shown, json!({ "count": 2, "average": 4.5 }));
        assert_eq!(place, 0);

        // Both change their minds: one star each puts the provider below the unrated one.
        as_user(&app, &daughter, "PUT", &rating, Some(&json!({ "stars": 1 })), None).await.ok_json();
        as_user(&app, &son, "PUT", &format!("/api/v1/me/enrollments/{other}/rating"), Some(&json!({ "stars": 1 })), None).await.ok_json();
        let (place, shown) = place_by_rating(&app, &w).await;
        assert_eq!(shown, json!({ "count": 2, "average": 1.0 }));
        assert_eq!(place, 1);
        let page = app
            .get(&format!("/api/v1/public/offers?authority_id={}&service_id={}&sort=rating&limit=100", w.authority, w.service))
            .await
            .ok_json();
        let after: Vec<&Value> = page["items"].as_array().unwrap()[place..].iter().collect();
        assert!(after.iter().all(|i| i["offer"]["provider_id"] == w.provider.as_str()), "only its own offers after it: {page}");

        // Someone else cannot rate this family's enrollment.
        as_user(&app, &son, "PUT", &rating, Some(&json!({ "stars": 5 })), None).await.problem(404, "not_found");
    }

    async fn a_complaint_is_read_reviewed_and_answered(app: TestApp) {
        let w = world(&app, 5).await;
        let (daughter, enrollment) = enrolled(&app, &w, 21, "complaint-daughter@example.org").await;
        let complaints = format!("/api/v1/me/enrollments/{enrollment}/complaints");
        let words = "Медсестра не пришла 3 и 5 числа, мама осталась без перевязки.";

        let blank = as_user(&app, &daughter, "POST", &complaints, Some(&json!({ "text": "   " })), Some("c-1")).await;
        assert_eq!(blank.problem(422, "validation_failed")["field"], "text");
        let filed = as_user(&app, &daughter, "POST", &complaints, Some(&json!({ "text": words })), Some("c-1")).await;
        assert_eq!(filed.status, 201, "{}", String::from_utf8_lossy(&filed.body));
        let complaint = filed.json();
        assert_eq!(complaint["status"], "open");
        let id = complaint["id"].as_str().unwrap().to_owned();
        // Sent twice (a flaky connection): one complaint.
        let again = as_user(&app, &daughter, "POST", &complaints, Some(&json!({ "text": words })), Some("c-1")).await;
        assert_eq!(again.status, 200);
        assert_eq!(again.json()["id"], id.as_str());
        let mine = as_user(&app, &daughter, "GET", "/api/v1/me/complaints", None, None).await.ok_json();
        assert_eq!(mine["items"].as_array().unwrap().len(), 1);
        assert_eq!(mine["items"][0]["text"], words);

        // The queue shows the complaint without its words; opening it is audited.
        app.sign_in("officer@khabarovsk.demo").await;
        let queue = app.get(&format!("/api/v1/authorities/{}/complaints?status=open", w.authority)).await.ok_json();
        assert_eq!(queue["items"][0]["id"], id.as_str());
        assert_eq!(queue["items"][0].get("text"), None);
        app.get(&format!("/api/v1/authorities/{}/complaints?status=pending", w.authority)).await.problem(400, "invalid_parameter");
        let opened = app.get(&format!("/api/v1/authorities/{}/complaints/{id}", w.authority)).await.ok_json();
        assert_eq!(opened["text"], words);
        app.sign_in("auditor@khabarovsk.demo").await;
        let audit = app.get(&format!("/api/v1/authorities/{}/audit?object_kind=complaint&object_id={id}", w.authority)).await.ok_json();
        let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert!(actions.contains(&"complaint.file") && actions.contains(&"complaint.read"), "{actions:?}");
        assert!(!audit.to_string().contains("перевязки"), "the audit log never holds the complaint's words");

        // Other people: the provider may not, and another region's officer finds nothing.
        app.sign_in("provider@khabarovsk.demo").await;
        assert_eq!(app.get(&format!("/api/v1/authorities/{}/complaints", w.authority)).await.status, 403);
        app.sign_in("officer@krasnoyarsk.demo").await;
        assert_eq!(app.get(&format!("/api/v1/authorities/{}/complaints/{id}", w.authority)).await.status, 404);

        // Reviewed, then upheld with an answer the family reads in the inbox.
        app.sign_in("officer@khabarovsk.demo").await;
        let decision = format!("/api/v1/authorities/{}/complaints/{id}/decision", w.authority);
        app.post_json(&decision, &json!({ "event": "uphold" })).await.problem(422, "response_required");
        assert_eq!(app.post_json(&decision, &json!({ "event": "start_review" })).await.ok_json()["status"], "in_review");
        app.post_json(&decision, &json!({ "event": "start_review" })).await.problem(422, "illegal_transition");
        let upheld = app
            .post_json(&decision, &json!({ "event": "uphold", "response": "Жалоба обоснована: назначена проверка поставщика." }))
            .await
            .ok_json();
        assert_eq!(upheld["status"], "upheld");
        let inbox = as_user(&app, &daughter, "GET", "/api/v1/me/notifications", None, None).await.ok_json();
        assert_eq!(inbox["items"][0]["kind"], "complaint_decided");
        let mine = as_user(&app, &daughter, "GET", "/api/v1/me/complaints", None, None).await.ok_json();
        assert_eq!(mine["items"][0]["response"], "Жалоба обоснована: назначена проверка поставщика.");

        // Decided complaints stay decided; an undecided one can be withdrawn by the family.
        as_user(&app, &daughter, "POST", &format!("/api/v1/me/complaints/{id}/withdrawal"), None, None).await.problem(422, "illegal_transition");
        let second = as_user(&app, &daughter, "POST", &complaints, Some(&json!({ "text": "Опоздание на час." })), Some("c-2")).await.json();
        let withdrawn = as_user(&app, &daughter, "POST", &format!("/api/v1/me/complaints/{}/withdrawal", second["id"].as_str().unwrap()), None, None).await.ok_json();
        assert_eq!(withdrawn["status"], "withdrawn");

        app.reset_demo("complaints").await;
    }
}
