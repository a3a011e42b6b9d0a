//! An authority officer looks after the service catalogue: browses it, adds a service, and sets a
//! new normative cost from a date while the old one stays in the history.

use serde_json::{Value, json};

use crate::on_both_backends;

fn social_taxi_to_dialysis() -> Value {
    json!({
        "code": "taxi-dialysis-trip",
        "names": {
            "ru": "Социальное такси на гемодиализ",
            "uk": "Соціальне таксі на гемодіаліз",
            "en": "Social taxi to dialysis"
        },
        "category": "social_taxi",
        "unit": "trip",
        "normative_cost": { "amount_minor": 72_000, "currency": "RUB" },
        "valid_from": "2026-01-01"
    })
}

on_both_backends! {
    async fn a_visitor_sees_both_demo_regions(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let list = app.get("/api/v1/authorities").await.ok_json();
        let items = list["items"].as_array().unwrap();
        let mut regions: Vec<&str> = items.iter().map(|a| a["region_code"].as_str().unwrap()).collect();
        regions.sort_unstable();
        assert_eq!(regions, ["24", "27"]);
        for authority in items {
            assert_eq!(authority["currency"], "RUB");
            assert_eq!(authority["locale"], "ru");
            assert_eq!(authority["settings"]["confirmation_window_days"], 5);
        }
        let khabarovsk = app.authority("27").await;
        let one = app.get(&format!("/api/v1/authorities/{khabarovsk}")).await.ok_json();
        assert_eq!(one["names"]["en"], "Khabarovsk Krai Ministry of Social Protection");
    }

    async fn an_officer_browses_the_catalogue_page_by_page(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let all = app.all_services(&khabarovsk, "", 200).await;
        assert!(all.len() >= 12, "a realistic catalogue has at least 12 services");
        let paged = app.all_services(&khabarovsk, "", 5).await;
        assert_eq!(paged, all, "pages of 5 add up to the whole catalogue, in the same order");
        let codes: Vec<&str> = all.iter().map(|s| s["code"].as_str().unwrap()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted, "ordered by code");
        let categories: std::collections::BTreeSet<&str> =
            all.iter().map(|s| s["category"].as_str().unwrap()).collect();
        assert!(categories.len() >= 10, "{categories:?}");

        let home_care = app.all_services(&khabarovsk, "&category=home_care", 1).await;
        assert_eq!(home_care.len(), 2);
        assert!(home_care.iter().all(|s| s["category"] == "home_care"));

        // Each region prices its own catalogue.
        let krasnoyarsk = app.authority("24").await;
        let taxi_cost = |services: &[Value]| {
            services.iter().find(|s| s["code"] == "SOCIAL-TAXI-TRIP").unwrap()["cost_history"][0]["cost"]
                ["amount_minor"]
                .as_i64()
                .unwrap()
        };
        let other = app.all_services(&krasnoyarsk, "", 200).await;
        assert_eq!(taxi_cost(&all), 65_000);
        assert_eq!(taxi_cost(&other), 60_000);
    }

    async fn demo_services_carry_their_mid_year_indexation(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let all = app.all_services(&khabarovsk, "", 200).await;
        let home_care = all.iter().find(|s| s["code"] == "HOME-CARE-HOUR").unwrap();
        assert_eq!(
            home_care["cost_history"],
            json!([
                { "cost": { "amount_minor": 41_200, "currency": "RUB" }, "valid_from": "2026-01-01", "valid_to": "2026-07-01" },
                { "cost": { "amount_minor": 42_848, "currency": "RUB" }, "valid_from": "2026-07-01", "valid_to": null },
            ])
        );
    }

    async fn an_officer_adds_a_service_and_changes_its_cost(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let created = app
            .post_json(&format!("/api/v1/authorities/{khabarovsk}/services"), &social_taxi_to_dialysis())
            .await;
        assert_eq!(created.status, 201);
        assert_eq!(created.header("etag"), Some("\"1\""));
        let location = created.header("location").unwrap().to_owned();
        let service = created.json();
        assert_eq!(service["code"], "TAXI-DIALYSIS-TRIP", "codes are stored upper-case");
        assert_eq!(service["normative_cost"]["cost"]["amount_minor"], 72_000);
        assert_eq!(location, format!("/api/v1/authorities/{khabarovsk}/services/{}", service["id"].as_str().unwrap()));
        assert_eq!(app.get(&location).await.ok_json(), service);

        // The regional order raises the cost from next year; today's cost does not change.
        let raised = app
            .patch_json(
                &location,
                &json!({ "normative_cost": { "amount_minor": 75_500, "currency": "RUB" }, "valid_from": "2099-01-01" }),
                Some("\"1\""),
            )
            .await;
        assert_eq!(raised.header("etag"), Some("\"2\""));
        let raised = raised.ok_json();
        assert_eq!(raised["version"], 2);
        assert_eq!(raised["normative_cost"]["cost"]["amount_minor"], 72_000);
        assert_eq!(
            raised["cost_history"],
            json!([
                { "cost": { "amount_minor": 72_000, "currency": "RUB" }, "valid_from": "2026-01-01", "valid_to": "2099-01-01" },
                { "cost": { "amount_minor": 75_500, "currency": "RUB" }, "valid_from": "2099-01-01", "valid_to": null },
            ])
        );
        assert_eq!(app.get(&location).await.ok_json()["cost_history"], raised["cost_history"]);

        // A colleague working from the old version is told, not silently overwritten.
        app.patch_json(&location, &json!({ "names": { "ru": "Такси", "uk": "Таксі", "en": "Taxi" } }), Some("\"1\""))
            .await
            .problem(412, "version_mismatch");

        // Renaming keeps the costs.
        let renamed = app
            .patch_json(&location, &json!({ "names": { "ru": "Такси на диализ", "uk": "Таксі на діаліз", "en": "Dialysis taxi" } }), Some("\"2\""))
            .await
            .ok_json();
        assert_eq!(renamed["names"]["en"], "Dialysis taxi");
        assert_eq!(renamed["cost_history"], raised["cost_history"]);

        // The past is not rewritten: a new period must start after the one in force began.
        let problem = app
            .patch_json(&location, &json!({ "normative_cost": { "amount_minor": 1, "currency": "RUB" }, "valid_from": "2099-01-01" }), None)
            .await
            .problem(422, "cost_period_conflict");
        assert_eq!(problem["field"], "valid_from");
    }

    async fn a_code_is_unique_within_an_authority_but_not_across(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let krasnoyarsk = app.authority("24").await;
        let body = social_taxi_to_dialysis();
        assert_eq!(app.post_json(&format!("/api/v1/authorities/{khabarovsk}/services"), &body).await.status, 201);
        app.post_json(&format!("/api/v1/authorities/{khabarovsk}/services"), &body)
            .await
            .problem(409, "already_exists");
        // The same code is free in another region, for that region's officer.
        app.sign_in("officer@krasnoyarsk.demo").await;
        assert_eq!(app.post_json(&format!("/api/v1/authorities/{krasnoyarsk}/services"), &body).await.status, 201);
    }

    async fn a_service_of_one_authority_is_not_found_under_another(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let krasnoyarsk = app.authority("24").await;
        let service = app.all_services(&khabarovsk, "", 1).await.remove(0);
        let id = service["id"].as_str().unwrap();
        app.get(&format!("/api/v1/authorities/{krasnoyarsk}/services/{id}"))
            .await
            .problem(404, "not_found");
        app.patch_json(
            &format!("/api/v1/authorities/{krasnoyarsk}/services/{id}"),
            &json!({ "names": { "ru": "а", "uk": "б", "en": "c" } }),
            None,
        )
        .await
        .problem(404, "not_found");
    }
}
