//! An authority officer looks after a program budget through the ledger API: adjusts it with a
//! reason, retries safely, reads the history, reverses a mistake, and checks the books.

use axum::body::Body;
use axum::http::{Request, header};
use serde_json::{Value, json};
use socert_domain::Currency;
use socert_domain::ledger::{AccountKind, AccountRef};

use crate::on_both_backends;
use crate::support::{TestApp, TestResponse};

async fn adjust(app: &TestApp, authority: &str, key: Option<&str>, body: &Value) -> TestResponse {
    let mut request = Request::post(format!(
        "/api/v1/authorities/{authority}/ledger/adjustments"
    ))
    .header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    app.send(request.body(Body::from(body.to_string())).unwrap())
        .await
}

async fn open_budget(app: &TestApp, authority: &str) -> String {
    let program = uuid::Uuid::now_v7();
    app.store
        .open_account(
            authority.parse().unwrap(),
            AccountRef::new(AccountKind::Budget, program),
            Currency::Rub,
        )
        .await
        .unwrap();
    program.to_string()
}

fn budget_adjustment(program: &str, amount_minor: i64, reason: &str) -> Value {
    json!({
        "account": { "kind": "budget", "owner_id": program },
        "amount": { "amount_minor": amount_minor, "currency": "RUB" },
        "reason": reason
    })
}

on_both_backends! {
    async fn an_officer_funds_a_budget_retries_safely_and_reverses_a_mistake(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let program = open_budget(&app, &khabarovsk).await;
        let fund = budget_adjustment(&program, 18_500_000_000, "Regional order 45-p: palliative care 2027");

        let first = adjust(&app, &khabarovsk, Some("order-45-p"), &fund).await;
        assert_eq!(first.status, 201);
        let first = first.json();
        assert_eq!(first["kind"], "adjustment");
        assert_eq!(first["memo"], "Regional order 45-p: palliative care 2027");

        // The officer's browser retried: same key, same body, same answer, nothing posted twice.
        let retry = adjust(&app, &khabarovsk, Some("order-45-p"), &fund).await;
        assert_eq!(retry.status, 200);
        assert_eq!(retry.header("idempotent-replayed"), Some("true"));
        assert_eq!(retry.json(), first);
        // The same key for a different adjustment is a client bug, not a retry.
        adjust(&app, &khabarovsk, Some("order-45-p"), &budget_adjustment(&program, 1, "other"))
            .await
            .problem(409, "idempotency_key_reused");

        let account_path = format!("/api/v1/authorities/{khabarovsk}/ledger/accounts/budget/{program}");
        let account = app.get(&account_path).await.ok_json();
        assert_eq!(account["balance"], json!({ "amount_minor": 18_500_000_000i64, "currency": "RUB" }));
        assert_eq!(account["postings"], 1);

        // A typo: 1 000 000 rubles too much were added; the officer takes them back...
        let typo = adjust(&app, &khabarovsk, Some("order-46-p"), &budget_adjustment(&program, 100_000_000, "Order 46-p")).await.json();
        // ...and cannot take more than the budget holds.
        adjust(&app, &khabarovsk, Some("too-much"), &budget_adjustment(&program, -18_600_000_001, "Error"))
            .await
            .problem(409, "insufficient_funds");
        let reversal_path = format!("/api/v1/authorities/{khabarovsk}/ledger/transactions/{}/reversal", typo["id"].as_str().unwrap());
        let reversal = app
            .send(
                Request::post(&reversal_path)
                    .header(header::CONTENT_TYPE, "application/json")
                    .header("idempotency-key", "undo-46-p")
                    .body(Body::from(json!({ "memo": "Order 46-p entered twice" }).to_string()))
                    .unwrap(),
            )
            .await;
        assert_eq!(reversal.status, 201);
        assert_eq!(reversal.json()["reverses"], typo["id"]);
        let again = app
            .send(
                Request::post(&reversal_path)
                    .header(header::CONTENT_TYPE, "application/json")
                    .header("idempotency-key", "undo-46-p-again")
                    .body(Body::from("{}"))
                    .unwrap(),
            )
            .await;
        again.problem(409, "already_reversed");

        // History, newest first, with the balance after each posting; two pages of two.
        let history = app.get(&format!("{account_path}/history?limit=2")).await.ok_json();
        let lines: Vec<(i64, i64)> = history["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| (l["amount"]["amount_minor"].as_i64().unwrap(), l["balance_after"]["amount_minor"].as_i64().unwrap()))
            .collect();
        assert_eq!(lines, [(-100_000_000, 18_500_000_000), (100_000_000, 18_600_000_000)]);
        let cursor = history["next_cursor"].as_str().unwrap();
        let rest = app.get(&format!("{account_path}/history?limit=2&cursor={cursor}")).await.ok_json();
        assert_eq!(rest["items"].as_array().unwrap().len(), 1);
        assert_eq!(rest["next_cursor"], Value::Null);

        let transaction = app
            .get(&format!("/api/v1/authorities/{khabarovsk}/ledger/transactions/{}", first["id"].as_str().unwrap()))
            .await
            .ok_json();
        assert_eq!(transaction, first);

        let report = app.get(&format!("/api/v1/authorities/{khabarovsk}/ledger/verify")).await.ok_json();
        assert_eq!(report["ok"], true, "{report}");
        assert_eq!(report["transactions"], 3);
    }

    async fn adjustments_need_a_key_a_reason_and_a_real_amount(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let program = open_budget(&app, &khabarovsk).await;
        let problem = adjust(&app, &khabarovsk, None, &budget_adjustment(&program, 100, "x")).await.problem(400, "missing_idempotency_key");
        assert_eq!(problem["field"], "Idempotency-Key");
        adjust(&app, &khabarovsk, Some("has space"), &budget_adjustment(&program, 100, "x")).await.problem(400, "invalid_parameter");
        let problem = adjust(&app, &khabarovsk, Some("k1"), &budget_adjustment(&program, 100, "  ")).await.problem(422, "validation_failed");
        assert_eq!(problem["field"], "reason");
        adjust(&app, &khabarovsk, Some("k2"), &budget_adjustment(&program, 0, "zero")).await.problem(422, "invalid_amount");
        let mut uah = budget_adjustment(&program, 100, "wrong money");
        uah["amount"]["currency"] = json!("UAH");
        adjust(&app, &khabarovsk, Some("k3"), &uah).await.problem(422, "currency_mismatch");
        let mut funding = budget_adjustment(&khabarovsk, 100, "self");
        funding["account"]["kind"] = json!("funding");
        adjust(&app, &khabarovsk, Some("k4"), &funding).await.problem(422, "same_account");
        let mut unknown = budget_adjustment(&program, 100, "x");
        unknown["account"]["kind"] = json!("wallet");
        adjust(&app, &khabarovsk, Some("k5"), &unknown).await.problem(422, "validation_failed");
        adjust(&app, &khabarovsk, Some("k6"), &budget_adjustment(&uuid::Uuid::now_v7().to_string(), 100, "x"))
            .await
            .problem(404, "not_found");
        // None of it moved money.
        let account = app.get(&format!("/api/v1/authorities/{khabarovsk}/ledger/accounts/budget/{program}")).await.ok_json();
        assert_eq!(account["postings"], 0);
        app.get(&format!("/api/v1/authorities/{khabarovsk}/ledger/accounts/wallet/{program}")).await.problem(400, "invalid_parameter");
    }

    async fn another_authority_cannot_see_or_move_the_budget(app: TestApp) {
        app.sign_in("officer@khabarovsk.demo").await;
        let khabarovsk = app.authority("27").await;
        let krasnoyarsk = app.authority("24").await;
        let program = open_budget(&app, &khabarovsk).await;
        app.get(&format!("/api/v1/authorities/{krasnoyarsk}/ledger/accounts/budget/{program}"))
            .await
            .problem(404, "not_found");
        adjust(&app, &krasnoyarsk, Some("k"), &budget_adjustment(&program, 100, "x")).await.problem(404, "not_found");
        let funded = adjust(&app, &khabarovsk, Some("k"), &budget_adjustment(&program, 100, "x")).await.json();
        app.get(&format!("/api/v1/authorities/{krasnoyarsk}/ledger/transactions/{}", funded["id"].as_str().unwrap()))
            .await
            .problem(404, "not_found");
    }
}
