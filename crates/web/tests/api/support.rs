//! `TestApp`: the whole application on a fresh database of either backend, driven in-process
//! through tower, with verbs in the domain's words.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use socert_store::scratch::ScratchDatabase;
use socert_store::{Store, demo};
use socert_web::{AppState, app};
use tower::ServiceExt;

/// Runs each story on both backends: `mod name { fn sqlite(); fn postgres(); }`.
#[macro_export]
macro_rules! on_both_backends {
    ($(async fn $name:ident($app:ident: TestApp) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn story($app: $crate::support::TestApp) $body

                #[tokio::test]
                async fn sqlite() {
                    story($crate::support::TestApp::sqlite().await).await
                }

                #[tokio::test]
                async fn postgres() {
                    story($crate::support::TestApp::postgres().await).await
                }
            }
        )*
    };
}

pub struct TestApp {
    router: Router,
    pub store: Arc<dyn Store>,
    /// Who the requests of this app are sent as, unless a request says otherwise.
    signed_in: std::sync::Mutex<Option<Credentials>>,
    /// Held so that dropping the app removes its database.
    _database: ScratchDatabase,
}

/// How a request proves who sends it.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// A browser session: the cookie and the CSRF token the sign-in returned.
    Session { cookie: String, csrf: String },
    /// An API token.
    Bearer(String),
}

impl Credentials {
    pub fn apply(&self, mut request: Request<Body>) -> Request<Body> {
        let headers = request.headers_mut();
        match self {
            Credentials::Session { cookie, csrf } => {
                headers.insert(header::COOKIE, cookie.parse().unwrap());
                headers.insert("x-csrf-token", csrf.parse().unwrap());
            }
            Credentials::Bearer(token) => {
                headers.insert(
                    header::AUTHORIZATION,
                    format!("Bearer {token}").parse().unwrap(),
                );
            }
        }
        request
    }
}

impl TestApp {
    /// A fresh SQLite file with the demo data.
    pub async fn sqlite() -> Self {
        Self::start(ScratchDatabase::sqlite().expect("temporary SQLite file")).await
    }

    /// A fresh PostgreSQL database with the demo data, dropped when the test ends. The server is
    /// `SOCERT_TEST_POSTGRES_URL` (default: the local one at 127.0.0.1:5432).
    pub async fn postgres() -> Self {
        let database = ScratchDatabase::postgres_for_tests()
            .await
            .unwrap_or_else(|err| {
                panic!(
                    "PostgreSQL is needed for the postgres half of the suite ({err}). Start it \
                 (see README) or point SOCERT_TEST_POSTGRES_URL at a server."
                )
            });
        Self::start(database).await
    }

    async fn start(database: ScratchDatabase) -> Self {
        let store = socert_store::open(&database.url).await.expect("open store");
        store.migrate().await.expect("migrate");
        demo::load(store.as_ref()).await.expect("demo data");
        let router = app(AppState {
            store: store.clone(),
        });
        Self {
            router,
            store,
            signed_in: std::sync::Mutex::new(None),
            _database: database,
        }
    }

    /// Signs in as a demo user (password `DEMO_PASSWORD`) and returns the session.
    pub async fn login(&self, login: &str) -> Credentials {
        self.login_with(login, demo::DEMO_PASSWORD)
            .await
            .unwrap_or_else(|r| {
                panic!(
                    "{login} could not sign in: {} {}",
                    r.status,
                    String::from_utf8_lossy(&r.body)
                )
            })
    }

    pub async fn login_with(
        &self,
        login: &str,
        password: &str,
    ) -> Result<Credentials, TestResponse> {
        let body = serde_json::json!({ "login": login, "password": password });
        let request = Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = self.send_raw(request).await;
        if response.status != StatusCode::OK {
            return Err(response);
        }
        let cookie = response
            .header("set-cookie")
            .and_then(|c| c.split(';').next())
            .expect("a session cookie")
            .to_owned();
        let csrf = response.json()["csrf_token"].as_str().unwrap().to_owned();
        Ok(Credentials::Session { cookie, csrf })
    }

    /// From now on, requests of this app are sent as `login`.
    pub async fn sign_in(&self, login: &str) {
        let credentials = self.login(login).await;
        *self.signed_in.lock().unwrap() = Some(credentials);
    }

    /// From now on, requests are sent by nobody in particular.
    pub fn sign_out_locally(&self) {
        *self.signed_in.lock().unwrap() = None;
    }

    /// Sends `request` as the signed-in user (if any and if the request carries no credentials).
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let has_own = request.headers().contains_key(header::COOKIE)
            || request.headers().contains_key(header::AUTHORIZATION);
        let signed_in = self.signed_in.lock().unwrap().clone();
        let request = match signed_in {
            Some(credentials) if !has_own => credentials.apply(request),
            _ => request,
        };
        self.send_raw(request).await
    }

    pub async fn send_as(&self, credentials: &Credentials, request: Request<Body>) -> TestResponse {
        self.send_raw(credentials.apply(request)).await
    }

    pub async fn send_raw(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> TestResponse {
        self.send_json(Method::POST, path, body, None).await
    }

    /// POST with extra headers (an `Idempotency-Key`, an `Accept-Language`).
    pub async fn post_json_with(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn patch_json(
        &self,
        path: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> TestResponse {
        self.send_json(Method::PATCH, path, body, if_match).await
    }

    pub async fn put_json(&self, path: &str, body: &Value, if_match: Option<&str>) -> TestResponse {
        self.send_json(Method::PUT, path, body, if_match).await
    }

    async fn send_json(
        &self,
        method: Method,
        path: &str,
        body: &Value,
        if_match: Option<&str>,
    ) -> TestResponse {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(tag) = if_match {
            request = request.header(header::IF_MATCH, tag);
        }
        self.send(request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    /// The id of the demo authority with this region code (`27` Khabarovsk, `24` Krasnoyarsk).
    pub async fn authority(&self, region_code: &str) -> String {
        let list = self.get("/api/v1/authorities").await.ok_json();
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["region_code"] == region_code)
            .unwrap_or_else(|| panic!("no demo authority {region_code}"))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// `socert demo --reset` after a story: whatever the story left (enrollments, claims,
    /// payments, ratings, complaints, notifications) goes, and the demo comes back whole.
    pub async fn reset_demo(&self, then_empty: &str) {
        socert_store::demo::reset(&*self.store)
            .await
            .expect("demo reset after a story");
        self.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = self.authority("27").await;
        let path = format!("/api/v1/authorities/{khabarovsk}/{then_empty}");
        let listed = self.get(&path).await.ok_json();
        assert_eq!(
            listed["items"],
            serde_json::json!([]),
            "{path} after the reset"
        );
    }

    /// Every service of an authority, following cursors with pages of `limit`.
    pub async fn all_services(&self, authority: &str, query: &str, limit: u32) -> Vec<Value> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!("/api/v1/authorities/{authority}/services?limit={limit}{query}");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page = self.get(&path).await.ok_json();
            let got = page["items"].as_array().unwrap();
            assert!(got.len() <= limit as usize);
            items.extend(got.iter().cloned());
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => return items,
            }
        }
    }
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!(
                "body is not JSON ({err}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The JSON body, after checking the status is 2xx.
    pub fn ok_json(&self) -> Value {
        assert!(
            self.status.is_success(),
            "expected success, got {}: {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        self.json()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Checks this is a problem document with `status` and `code`, and returns it.
    pub fn problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let problem = self.json();
        assert_eq!(problem["code"], code, "{problem}");
        assert_eq!(problem["status"], status);
        assert_eq!(problem["type"], format!("urn:socert:problem:{code}"));
        assert!(!problem["detail"].as_str().unwrap_or_default().is_empty());
        problem
    }
}

/// A valid SNILS with the nine-digit serial `serial` (the control number as the Pension Fund rule
/// computes it). Stories pick serials far apart so their people never collide.
pub fn snils(serial: u32) -> String {
    let body = format!("{serial:09}");
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * (9 - i as u32))
        .sum();
    let control = match sum % 101 {
        100 => 0,
        c => c,
    };
    format!("{body}{control:02}")
}
