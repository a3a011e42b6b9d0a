//! The OpenAPI document is generated from the handlers; the snapshot makes every API change
//! visible in review.

use crate::support::TestApp;

#[test]
fn the_openapi_document_matches_the_snapshot() {
    let document = serde_json::to_value(socert_web::openapi()).unwrap();
    insta::assert_json_snapshot!("openapi", document);
}

#[tokio::test]
async fn the_document_and_the_docs_page_are_served() {
    let app = TestApp::sqlite().await;
    let served = app.get("/api/openapi.json").await.ok_json();
    assert_eq!(served, serde_json::to_value(socert_web::openapi()).unwrap());
    assert_eq!(served["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
    let paths = served["paths"].as_object().unwrap();
    for path in [
        "/healthz",
        "/readyz",
        "/api/v1/authorities",
        "/api/v1/authorities/{authority_id}/services",
        "/api/v1/authorities/{authority_id}/services/{service_id}",
    ] {
        assert!(paths.contains_key(path), "{path} is documented");
    }

    let docs = app.get("/api/docs/").await;
    assert_eq!(docs.status, 200);
    let html = String::from_utf8_lossy(&docs.body);
    assert!(html.contains("swagger"), "the docs page is Swagger UI");
    assert!(
        !html.contains("https://"),
        "no CDN: every asset is served by the binary"
    );
    let script = app.get("/api/docs/swagger-ui-bundle.js").await;
    assert_eq!(script.status, 200);
    assert!(script.body.len() > 100_000);
}
