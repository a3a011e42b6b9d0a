//! Every API route, with every role and a foreign tenant, against the permission matrix. The
//! routes come from the OpenAPI document, so a new route without a policy fails here.

use axum::body::Body;
use axum::http::{Method, Request, header};
use serde_json::json;
use socert_domain::identity::Role;
use socert_web::api::policy::{Access, policy_for};

use crate::on_both_backends;
use crate::support::Credentials;

/// A concrete path for a route template: the demo authority, and fresh ids elsewhere.
fn concrete(route: &str, authority: &str) -> String {
    let nobody = uuid::Uuid::now_v7().to_string();
    route
        .replace("{authority_id}", authority)
        .replace("{kind}", "budget")
        .replace("{role}", "officer")
        .split('/')
        .map(|part| {
            if part.starts_with('{') {
                nobody.as_str()
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

on_both_backends! {
    async fn every_route_allows_exactly_the_roles_the_matrix_says(app: TestApp) {
        let khabarovsk = app.authority("27").await;
        let mut callers: Vec<(String, Option<Role>, Option<Credentials>)> = vec![("anonymous".into(), None, None)];
        for role in [Role::Admin, Role::Officer, Role::Auditor, Role::Provider, Role::Recipient] {
            let login = format!("{role}@khabarovsk.demo");
            callers.push((login.clone(), Some(role), Some(app.login(&login).await)));
        }
        callers.push(("superadmin@socert.demo".into(), Some(Role::Superadmin), Some(app.login("superadmin@socert.demo").await)));
        let foreign = app.login("officer@krasnoyarsk.demo").await;
        app.sign_in("admin@khabarovsk.demo").await;
        let token = app
            .post_json(&format!("/api/v1/authorities/{khabarovsk}/tokens"), &json!({ "name": "matrix", "role": "auditor" }))
            .await
            .json()["secret"]
            .as_str()
            .unwrap()
            .to_owned();
        app.sign_out_locally();
        callers.push(("auditor token".into(), Some(Role::Auditor), Some(Credentials::Bearer(token))));

        let document = serde_json::to_value(socert_web::openapi()).unwrap();
        let mut operations: Vec<(Method, String)> = Vec::new();
        for (route, item) in document["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                operations.push((method.to_uppercase().parse().unwrap(), route.clone()));
            }
        }
        // Signing out ends the caller's session: do it last.
        operations.sort_by_key(|(method, route)| (route == "/api/v1/session" && method == Method::DELETE, route.clone()));
        assert!(operations.len() >= 25, "{} operations", operations.len());

        for (method, route) in &operations {
            let access = policy_for(method, route).unwrap_or_else(|| panic!("{method} {route} has no access policy"));
            let path = concrete(route, &khabarovsk);
            let request = || {
                let builder = Request::builder().method(method.clone()).uri(&path);
                if matches!(*method, Method::POST | Method::PATCH) {
                    builder.header(header::CONTENT_TYPE, "application/json").body(Body::from("{}")).unwrap()
                } else {
                    builder.body(Body::empty()).unwrap()
                }
            };
            for (who, role, credentials) in &callers {
                let response = match credentials {
                    Some(c) => app.send_as(c, request()).await,
                    None => app.send_raw(request()).await,
                };
                let status = response.status.as_u16();
                let context = format!("{method} {path} as {who}: {status} {}", String::from_utf8_lossy(&response.body));
                match (access, role) {
                    (Access::Public, _) => assert!(status != 401 && status != 403, "{context}"),
                    (Access::SignedIn | Access::Allowed(_), None) => assert_eq!(status, 401, "{context}"),
                    (Access::SignedIn, Some(_)) => match credentials {
                        Some(Credentials::Bearer(_)) => assert_eq!(status, 401, "{context}"),
                        _ => assert!(status != 401 && status != 403, "{context}"),
                    },
                    (Access::ForProvider(_), None) => assert_eq!(status, 401, "{context}"),
                    // Nobody but a superadmin works for a provider that was never registered.
                    (Access::ForProvider(_), Some(Role::Superadmin)) => {
                        assert!(status != 401 && status != 403, "{context}")
                    }
                    (Access::ForProvider(_), Some(_)) => assert_eq!(status, 404, "{context}"),
                    (Access::Allowed(action), Some(role)) => {
                        if role.permits(action) {
                            assert!(status != 401 && status != 403, "{context}");
                        } else {
                            assert_eq!(status, 403, "{context}");
                        }
                    }
                }
            }
            // An officer of another region learns nothing about this one.
            if let Access::Allowed(_) = access {
                let response = app.send_as(&foreign, request()).await;
                assert_eq!(response.status.as_u16(), 404, "{method} {path} as a foreign officer");
            }
        }
    }
}
