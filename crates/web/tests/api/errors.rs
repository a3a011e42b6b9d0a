//! Bad input of every kind gets a 4xx problem document with a stable code, never a 500 and never
//! a plain-text body.

use axum::body::Body;
use axum::http::{Request, header};
use serde_json::{Value, json};

use crate::on_both_backends;

fn valid_service() -> Value {
    json!({
        "code": "SPORT-SWIM-LESSON",
        "names": { "ru": "Плавание", "uk": "Плавання", "en": "Swimming" },
        "category": "sports",
        "unit": "lesson",
        "normative_cost": { "amount_minor": 30_000, "currency": "RUB" }
    })
}

/// `valid_service()` with one field replaced (or removed, for `null`).
fn service_with(field: &str, value: Value) -> Value {
    let mut body = valid_service();
    if value.is_null() {
        body.as_object_mut().unwrap().remove(field);
    } else {
        body[field] = value;
    }
    body
}

on_both_backends! {
    async fn bad_request_bodies_are_explained(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let path = format!("/api/v1/authorities/{khabarovsk}/services");
        let cases: Vec<(&str, Value, u16, &str, Option<&str>)> = vec![
            ("unknown field", service_with("colour", json!("red")), 422, "unknown_field", None),
            ("wrong type", service_with("code", json!(42)), 422, "invalid_body", None),
            ("missing field", service_with("unit", Value::Null), 422, "invalid_body", None),
            ("float money", service_with("normative_cost", json!({ "amount_minor": 300.5, "currency": "RUB" })), 422, "invalid_body", None),
            ("bad code", service_with("code", json!("плавание")), 422, "validation_failed", Some("code")),
            ("bad category", service_with("category", json!("swimming")), 422, "validation_failed", Some("category")),
            ("bad unit", service_with("unit", json!("minute")), 422, "validation_failed", Some("unit")),
            ("empty name", service_with("names", json!({ "ru": "Плавание", "uk": " ", "en": "Swimming" })), 422, "validation_failed", Some("names.uk")),
            ("unknown currency", service_with("normative_cost", json!({ "amount_minor": 1, "currency": "XXX" })), 422, "validation_failed", Some("normative_cost.currency")),
            ("foreign currency", service_with("normative_cost", json!({ "amount_minor": 100, "currency": "UAH" })), 422, "currency_mismatch", Some("normative_cost")),
            ("zero cost", service_with("normative_cost", json!({ "amount_minor": 0, "currency": "RUB" })), 422, "non_positive_cost", Some("normative_cost")),
            ("bad date", service_with("valid_from", json!("01.02.2026")), 422, "validation_failed", Some("valid_from")),
        ];
        for (case, body, status, code, field) in cases {
            let response = app.post_json(&path, &body).await;
            assert!(response.header("x-request-id").is_some(), "{case}");
            let problem = response.problem(status, code);
            assert_eq!(problem["field"].as_str(), field, "{case}: {problem}");
        }
        // Nothing of the above was stored.
        let services = app.all_services(&khabarovsk, "&category=sports", 200).await;
        assert_eq!(services.len(), 1);
    }

    async fn malformed_and_oversized_requests_are_refused(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let path = format!("/api/v1/authorities/{khabarovsk}/services");
        let raw = |body: Body, content_type: Option<&str>| {
            let mut request = Request::post(&path);
            if let Some(ct) = content_type {
                request = request.header(header::CONTENT_TYPE, ct);
            }
            request.body(body).unwrap()
        };
        app.send(raw(Body::from("{\"code\": "), Some("application/json")))
            .await
            .problem(400, "malformed_json");
        app.send(raw(Body::from(valid_service().to_string()), None))
            .await
            .problem(415, "unsupported_media_type");
        app.send(raw(Body::from(valid_service().to_string()), Some("text/plain")))
            .await
            .problem(415, "unsupported_media_type");
        let huge = format!("{{\"code\": \"{}\"}}", "A".repeat(2 * 1024 * 1024));
        app.send(raw(Body::from(huge), Some("application/json")))
            .await
            .problem(413, "payload_too_large");
    }

    async fn unknown_ids_routes_and_parameters_are_refused(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let nobody = "01900000-0000-7000-8000-000000000000";
        let cases: Vec<(String, u16, &str)> = vec![
            (format!("/api/v1/authorities/{nobody}"), 404, "not_found"),
            (format!("/api/v1/authorities/{nobody}/services"), 404, "not_found"),
            (format!("/api/v1/authorities/{khabarovsk}/services/{nobody}"), 404, "not_found"),
            ("/api/v1/authorities/not-a-uuid/services".to_owned(), 400, "invalid_parameter"),
            (format!("/api/v1/authorities/{khabarovsk}/services?limit=0"), 400, "invalid_parameter"),
            (format!("/api/v1/authorities/{khabarovsk}/services?limit=201"), 400, "invalid_parameter"),
            (format!("/api/v1/authorities/{khabarovsk}/services?limit=ten"), 400, "invalid_parameter"),
            (format!("/api/v1/authorities/{khabarovsk}/services?cursor=!!!"), 400, "invalid_parameter"),
            (format!("/api/v1/authorities/{khabarovsk}/services?category=opera"), 400, "invalid_parameter"),
            (format!("/api/v1/authorities/{khabarovsk}/services?sort=price"), 400, "invalid_parameter"),
            ("/api/v1/nothing-here".to_owned(), 404, "not_found"),
        ];
        for (path, status, code) in cases {
            let response = app.get(&path).await;
            assert!(response.header("x-request-id").is_some(), "{path}");
            response.problem(status, code);
        }
        app.send(Request::delete("/api/v1/authorities").body(Body::empty()).unwrap())
            .await
            .problem(405, "method_not_allowed");
    }

    async fn updates_need_something_to_change_and_a_well_formed_if_match(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let service = app.all_services(&khabarovsk, "", 1).await.remove(0);
        let path = format!("/api/v1/authorities/{khabarovsk}/services/{}", service["id"].as_str().unwrap());
        app.patch_json(&path, &json!({}), None).await.problem(422, "invalid_body");
        let problem = app
            .patch_json(&path, &json!({ "normative_cost": { "amount_minor": 1, "currency": "RUB" } }), None)
            .await
            .problem(422, "validation_failed");
        assert_eq!(problem["field"], "valid_from");
        app.patch_json(&path, &json!({ "valid_from": "2030-01-01" }), None)
            .await
            .problem(422, "validation_failed");
        app.patch_json(&path, &json!({ "names": { "ru": "а", "uk": "б", "en": "c" } }), Some("version 1"))
            .await
            .problem(400, "invalid_parameter");
        // Nothing changed.
        assert_eq!(app.get(&path).await.ok_json()["version"], service["version"]);
    }

    async fn every_response_names_its_request(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let first = app.get("/api/v1/authorities").await;
        let second = app.get("/api/v1/authorities").await;
        let (a, b) = (first.header("x-request-id").unwrap(), second.header("x-request-id").unwrap());
        assert_ne!(a, b);
        // A caller's own request id is kept, so logs on both sides can be joined.
        let mine = app
            .send(Request::get("/healthz").header("x-request-id", "caller-123").body(Body::empty()).unwrap())
            .await;
        assert_eq!(mine.header("x-request-id"), Some("caller-123"));
    }
}
