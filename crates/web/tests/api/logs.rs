//! Logs carry no personal data and no secrets: a request's body, query and cookies never reach
//! them, whatever happens to the request.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;

use crate::support::TestApp;

/// Everything the app logs, in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_national_id_and_passwords_never_reach_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let snils = "112-233-445 95";
    let password = "Osen-2026-zolotaya";
    let wrong_password = "Vesna-2025-zelenaya";
    let app = TestApp::sqlite().await;
    let khabarovsk = app.authority("27").await;
    app.sign_in("admin@khabarovsk.demo").await;
    let created = app
        .post_json(
            &format!("/api/v1/authorities/{khabarovsk}/users"),
            &json!({ "login": "kassir@example.ru", "display_name": format!("Кассир, СНИЛС {snils}"), "password": password, "roles": [{ "role": "auditor" }] }),
        )
        .await;
    assert_eq!(created.status, 201);
    app.login_with("kassir@example.ru", wrong_password)
        .await
        .unwrap_err();
    app.login_with("kassir@example.ru", password).await.unwrap();
    // A malformed body that echoes personal data must not be logged either.
    app.post_json(
        &format!("/api/v1/authorities/{khabarovsk}/users"),
        &json!({ "login": snils, "password": password }),
    )
    .await
    .problem(422, "invalid_body");
    app.get(&format!(
        "/api/v1/authorities/{khabarovsk}/audit?object_id=112-233-445%2095"
    ))
    .await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("finished processing request"),
        "requests are logged:\n{logs}"
    );
    for secret in [
        snils,
        "112-233-445",
        password,
        wrong_password,
        "kassir@example.ru",
    ] {
        assert!(
            !logs.contains(secret),
            "{secret:?} leaked into the logs:\n{logs}"
        );
    }
}
