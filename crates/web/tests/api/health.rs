use crate::on_both_backends;

on_both_backends! {
    async fn the_operator_probes_liveness_and_readiness(app: TestApp) {
        let live = app.get("/healthz").await;
        assert_eq!(live.ok_json()["status"], "ok");
        assert!(live.header("x-request-id").is_some());

        let ready = app.get("/readyz").await.ok_json();
        assert_eq!(ready["status"], "ready");
        let expected = match app.store.backend() {
            socert_store::Backend::Sqlite => "sqlite",
            socert_store::Backend::Postgres => "postgres",
        };
        assert_eq!(ready["database"], expected);
    }

    async fn readiness_fails_with_a_problem_when_the_database_is_gone(app: TestApp) {
        app.store.close().await;
        let response = app.get("/readyz").await;
        response.problem(503, "unavailable");
        assert_eq!(response.header("retry-after"), Some("5"));
        // Liveness does not depend on the database.
        assert_eq!(app.get("/healthz").await.status, 200);
    }
}
