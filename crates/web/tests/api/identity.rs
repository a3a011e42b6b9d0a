//! People sign in, work, and lose access the moment they should; integrations use tokens; every
//! change leaves a trace in the audit log without personal data.

use axum::body::Body;
use axum::http::{Request, header};
use serde_json::{Value, json};
use socert_domain::{Timestamp, secret};
use socert_store::audit::Actor;
use socert_store::identity::NewSession;

use crate::on_both_backends;
use crate::support::Credentials;

fn new_service(code: &str) -> Value {
    json!({
        "code": code,
        "names": { "ru": "Услуга", "uk": "Послуга", "en": "Service" },
        "category": "sports",
        "unit": "lesson",
        "normative_cost": { "amount_minor": 30_000, "currency": "RUB" }
    })
}

fn post(path: &str, body: &Value) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

on_both_backends! {
    async fn an_officer_signs_in_works_and_signs_out(app: TestApp) {
        let session = app.login("officer@khabarovsk.demo").await;
        let me = app.send_as(&session, Request::get("/api/v1/session").body(Body::empty()).unwrap()).await.ok_json();
        assert_eq!(me["user"]["login"], "officer@khabarovsk.demo");
        assert_eq!(me["user"]["grants"][0]["role"], "officer");

        let out = app.send_as(&session, Request::delete("/api/v1/session").body(Body::empty()).unwrap()).await;
        assert_eq!(out.status, 204);
        assert!(out.header("set-cookie").is_some_and(|c| c.starts_with("socert_session=;")));
        // The old cookie is worth nothing now.
        app.send_as(&session, Request::get("/api/v1/session").body(Body::empty()).unwrap())
            .await
            .problem(401, "unauthenticated");
    }

    async fn wrong_passwords_and_unknown_logins_get_the_same_answer(app: TestApp) {
        let wrong = app.login_with("officer@khabarovsk.demo", "not the password").await.unwrap_err();
        let unknown = app.login_with("nobody@khabarovsk.demo", "not the password").await.unwrap_err();
        let (a, b) = (wrong.problem(401, "invalid_credentials"), unknown.problem(401, "invalid_credentials"));
        assert_eq!(a["detail"], b["detail"]);
    }

    async fn repeated_failures_slow_sign_in_down(app: TestApp) {
        for _ in 0..5 {
            app.login_with("auditor@khabarovsk.demo", "guessing").await.unwrap_err().problem(401, "invalid_credentials");
        }
        // Even the right password waits now.
        let blocked = app.login_with("auditor@khabarovsk.demo", socert_store::demo::DEMO_PASSWORD).await.unwrap_err();
        blocked.problem(429, "too_many_attempts");
        let retry: u64 = blocked.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=900).contains(&retry));
    }

    async fn an_expired_session_is_no_session(app: TestApp) {
        let officer = app.store.credentials(&"officer@khabarovsk.demo".parse_login()).await.unwrap().unwrap();
        let token = secret::new_token("").unwrap();
        let past = Timestamp::now().checked_sub(jiff::SignedDuration::from_secs(1)).unwrap();
        app.store
            .create_session(
                NewSession { token_hash: secret::fingerprint(&token), user: officer.user, csrf_token: "csrf".into(), expires_at: past },
                &Actor::system("test"),
            )
            .await
            .unwrap();
        let stale = Credentials::Session { cookie: format!("socert_session={token}"), csrf: "csrf".into() };
        app.send_as(&stale, Request::get("/api/v1/session").body(Body::empty()).unwrap())
            .await
            .problem(401, "unauthenticated");
    }

    async fn cookie_writes_need_the_csrf_token(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let path = format!("/api/v1/authorities/{khabarovsk}/services");
        let Credentials::Session { cookie, csrf } = app.login("officer@khabarovsk.demo").await else { unreachable!() };
        let forged = post(&path, &new_service("CSRF-1"));
        let mut forged = forged;
        forged.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
        app.send_raw(forged).await.problem(403, "csrf_failed");
        let wrong = Credentials::Session { cookie: cookie.clone(), csrf: "guess".into() };
        app.send_as(&wrong, post(&path, &new_service("CSRF-2"))).await.problem(403, "csrf_failed");
        let right = Credentials::Session { cookie, csrf };
        assert_eq!(app.send_as(&right, post(&path, &new_service("CSRF-3"))).await.status, 201);
    }

    async fn an_integration_token_works_until_revoked(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("admin@khabarovsk.demo").await;
        let created = app
            .post_json(&format!("/api/v1/authorities/{khabarovsk}/tokens"), &json!({ "name": "Catalogue sync", "role": "officer" }))
            .await;
        assert_eq!(created.status, 201);
        let created = created.json();
        let secret = created["secret"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("sct_"));
        let listed = app.get(&format!("/api/v1/authorities/{khabarovsk}/tokens")).await.ok_json();
        assert_eq!(listed.as_array().unwrap().len(), 1);
        assert!(!listed.to_string().contains(&secret), "the secret is shown once only");

        let bearer = Credentials::Bearer(secret);
        let services = format!("/api/v1/authorities/{khabarovsk}/services");
        // No CSRF token needed: a bearer token is never sent by a browser on its own.
        assert_eq!(app.send_as(&bearer, post(&services, &new_service("SYNC-1"))).await.status, 201);
        let token_id = created["token"]["id"].as_str().unwrap();
        let revoke = Request::delete(format!("/api/v1/authorities/{khabarovsk}/tokens/{token_id}")).body(Body::empty()).unwrap();
        assert!(app.send(revoke).await.ok_json()["revoked_at"].is_string());
        app.send_as(&bearer, post(&services, &new_service("SYNC-2"))).await.problem(401, "unauthenticated");
        app.send_as(&Credentials::Bearer("sct_made_up".into()), Request::get("/api/v1/session").body(Body::empty()).unwrap())
            .await
            .problem(401, "unauthenticated");
    }

    async fn a_deactivated_user_is_out_at_once(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("admin@khabarovsk.demo").await;
        let created = app
            .post_json(
                &format!("/api/v1/authorities/{khabarovsk}/users"),
                &json!({ "login": "p.petrov@minsoc.example", "display_name": "Пётр Петров", "password": "long enough password", "roles": [{ "role": "officer" }] }),
            )
            .await;
        assert_eq!(created.status, 201, "{}", String::from_utf8_lossy(&created.body));
        let user_id = created.json()["id"].as_str().unwrap().to_owned();
        let petrov = app.login_with("P.Petrov@minsoc.example", "long enough password").await.unwrap();
        let me = Request::get("/api/v1/session").body(Body::empty()).unwrap();
        assert_eq!(app.send_as(&petrov, me).await.status, 200);

        let deactivated = app
            .send(Request::post(format!("/api/v1/authorities/{khabarovsk}/users/{user_id}/deactivate")).body(Body::empty()).unwrap())
            .await
            .ok_json();
        assert_eq!(deactivated["active"], false);
        let me = Request::get("/api/v1/session").body(Body::empty()).unwrap();
        app.send_as(&petrov, me).await.problem(401, "unauthenticated");
        app.login_with("p.petrov@minsoc.example", "long enough password").await.unwrap_err().problem(401, "invalid_credentials");
    }

    async fn an_admin_grants_and_revokes_roles(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let officer = app.login("officer@khabarovsk.demo").await;
        let audit = format!("/api/v1/authorities/{khabarovsk}/audit");
        app.send_as(&officer, Request::get(&audit).body(Body::empty()).unwrap()).await.problem(403, "forbidden");

        app.sign_in("admin@khabarovsk.demo").await;
        let users = app.get(&format!("/api/v1/authorities/{khabarovsk}/users")).await.ok_json();
        let officer_id = users.as_array().unwrap().iter().find(|u| u["login"] == "officer@khabarovsk.demo").unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let granted = app
            .post_json(&format!("/api/v1/authorities/{khabarovsk}/users/{officer_id}/roles"), &json!({ "role": "auditor" }))
            .await
            .ok_json();
        assert_eq!(granted["grants"].as_array().unwrap().len(), 2);
        assert_eq!(app.send_as(&officer, Request::get(&audit).body(Body::empty()).unwrap()).await.status, 200);

        let revoke = Request::delete(format!("/api/v1/authorities/{khabarovsk}/users/{officer_id}/roles/auditor")).body(Body::empty()).unwrap();
        assert_eq!(app.send(revoke).await.ok_json()["grants"].as_array().unwrap().len(), 1);
        app.send_as(&officer, Request::get(&audit).body(Body::empty()).unwrap()).await.problem(403, "forbidden");
        // Admins hand out roles of their own authority only.
        app.post_json(&format!("/api/v1/authorities/{khabarovsk}/users/{officer_id}/roles"), &json!({ "role": "superadmin" }))
            .await
            .problem(422, "validation_failed");
    }

    async fn the_auditor_reads_who_did_what_without_personal_data(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        app.sign_in("officer@khabarovsk.demo").await;
        let service = app.post_json(&format!("/api/v1/authorities/{khabarovsk}/services"), &new_service("AUDITED-1")).await.json();
        let me = app.get("/api/v1/session").await.ok_json();

        app.sign_in("auditor@khabarovsk.demo").await;
        let page = app
            .get(&format!("/api/v1/authorities/{khabarovsk}/audit?object_kind=service&object_id={}", service["id"].as_str().unwrap()))
            .await
            .ok_json();
        let event = &page["items"][0];
        assert_eq!(event["action"], "service.create");
        assert_eq!(event["actor_kind"], "user");
        assert_eq!(event["actor_id"], me["user"]["id"]);
        assert_eq!(event["role"], "officer");
        assert!(event["request_id"].is_string());
        assert_eq!(event["hash"].as_str().unwrap().len(), 64);

        let users = app.get(&format!("/api/v1/authorities/{khabarovsk}/audit?object_kind=user&limit=100")).await.ok_json();
        let created: Vec<&Value> = users["items"].as_array().unwrap().iter().filter(|e| e["action"] == "user.create").collect();
        assert_eq!(created.len(), 5, "five demo users of this authority");
        for event in created {
            let diff: Value = serde_json::from_str(event["diff"].as_str().unwrap()).unwrap();
            assert_eq!(diff["after"]["login"], "[personal]");
            assert_eq!(diff["after"]["display_name"], "[personal]");
        }

        let csv = app.get(&format!("/api/v1/authorities/{khabarovsk}/audit.csv")).await;
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        let text = String::from_utf8(csv.body.to_vec()).unwrap();
        assert!(text.starts_with("id,seq,at,actor_kind,actor_id,role,action,object_kind,object_id,request_id,diff,hash\n"));
        assert!(text.contains("service.create"));
        assert!(text.lines().count() > 10);
    }
}

trait ParseLogin {
    fn parse_login(&self) -> socert_domain::identity::Login;
}

impl ParseLogin for str {
    fn parse_login(&self) -> socert_domain::identity::Login {
        socert_domain::identity::Login::parse(self).unwrap()
    }
}
