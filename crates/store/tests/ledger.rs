//! The ledger's promises, on both backends: money is only moved, never lost or overspent; every
//! command is idempotent; history is append-only; `verify` finds any inconsistency.

use std::sync::Arc;

use socert_domain::ledger::{AccountKind as K, AccountRef, Command, IdempotencyKey};
use socert_domain::{
    Authority, AuthorityId, AuthoritySettings, Country, Currency, Locale, LocalizedText, Money,
};
use socert_store::scratch::ScratchDatabase;

mod common;
use common::raw_connection;
use socert_store::{Error, PageRequest, Store};
use uuid::Uuid;

/// A region with one funded program, on a fresh database.
struct Region {
    store: Arc<dyn Store>,
    authority: AuthorityId,
    program: Uuid,
    db: ScratchDatabase,
}

fn rub(rubles: i64) -> Money {
    Money::from_minor(rubles * 100, Currency::Rub)
}

fn key(text: impl AsRef<str>) -> IdempotencyKey {
    IdempotencyKey::parse(text.as_ref()).unwrap()
}

fn fresh_key() -> IdempotencyKey {
    key(Uuid::now_v7().to_string())
}

async fn open(db: ScratchDatabase, budget_rubles: i64) -> Region {
    let store = socert_store::open(&db.url).await.expect("open");
    store.migrate().await.expect("migrate");
    let authority = new_authority(store.as_ref()).await;
    let program = Uuid::now_v7();
    let region = Region {
        store,
        authority,
        program,
        db,
    };
    region.open(K::Budget, program).await;
    region
        .transfer(
            region.funding(),
            AccountRef::new(K::Budget, program),
            budget_rubles,
        )
        .await
        .expect("fund the program");
    region
}

async fn new_authority(store: &dyn Store) -> AuthorityId {
    let authority = Authority {
        id: AuthorityId::new(),
        names: LocalizedText::new("Край", "Край", "Krai").unwrap(),
        region_code: "27".to_owned(),
        country: Country::Russia,
        currency: Currency::Rub,
        locale: Locale::Ru,
        time_zone: "Asia/Vladivostok".to_owned(),
        settings: AuthoritySettings::default(),
        created_at: socert_domain::Timestamp::now(),
    };
    store
        .create_authority(&authority, &socert_store::audit::Actor::system("test"))
        .await
        .unwrap();
    store
        .open_account(
            authority.id,
            AccountRef::new(K::Funding, authority.id.as_uuid()),
            Currency::Rub,
        )
        .await
        .unwrap();
    authority.id
}

impl Region {
    async fn sqlite(budget_rubles: i64) -> Self {
        open(ScratchDatabase::sqlite().unwrap(), budget_rubles).await
    }

    async fn postgres(budget_rubles: i64) -> Self {
        open(
            ScratchDatabase::postgres_for_tests()
                .await
                .expect("PostgreSQL"),
            budget_rubles,
        )
        .await
    }

    fn funding(&self) -> AccountRef {
        AccountRef::new(K::Funding, self.authority.as_uuid())
    }

    fn budget(&self) -> AccountRef {
        AccountRef::new(K::Budget, self.program)
    }

    async fn open(&self, kind: K, owner: Uuid) {
        self.store
            .open_account(self.authority, AccountRef::new(kind, owner), Currency::Rub)
            .await
            .unwrap();
    }

    async fn transfer(&self, from: AccountRef, to: AccountRef, rubles: i64) -> Result<Uuid, Error> {
        let command = Command::Transfer {
            from,
            to,
            amount: rub(rubles),
            memo: None,
        };
        Ok(self
            .store
            .post(self.authority, &fresh_key(), &command)
            .await?
            .transaction
            .id)
    }

    /// Issues a certificate worth `rubles` from the program budget.
    async fn certificate(&self, rubles: i64) -> Result<Uuid, Error> {
        let id = Uuid::now_v7();
        self.open(K::Available, id).await;
        self.open(K::Held, id).await;
        self.transfer(self.budget(), AccountRef::new(K::Available, id), rubles)
            .await?;
        Ok(id)
    }

    async fn provider(&self) -> Uuid {
        let id = Uuid::now_v7();
        self.open(K::Payable, id).await;
        id
    }

    async fn balance(&self, kind: K, owner: Uuid) -> i64 {
        self.store
            .account(self.authority, AccountRef::new(kind, owner))
            .await
            .unwrap()
            .balance
            .minor()
    }

    async fn assert_verified(&self) {
        let report = self.store.verify_ledger(None).await.unwrap();
        assert!(report.violations.is_empty(), "{:#?}", report.violations);
    }
}

#[derive(Clone, Copy)]
enum Db {
    Sqlite,
    Postgres,
}

impl Db {
    /// A region whose program has `budget_rubles` to allocate.
    async fn region(self, budget_rubles: i64) -> Region {
        match self {
            Db::Sqlite => Region::sqlite(budget_rubles).await,
            Db::Postgres => Region::postgres(budget_rubles).await,
        }
    }
}

/// Runs each story on both backends, with real parallelism for the concurrency stories.
macro_rules! on_both_backends {
    ($(async fn $name:ident($db:ident: Db) $body:block)*) => {
        $(
            mod $name {
                use super::*;

                async fn story($db: Db) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn sqlite() {
                    story(Db::Sqlite).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn postgres() {
                    story(Db::Postgres).await
                }
            }
        )*
    };
}

on_both_backends! {
    async fn a_certificate_is_held_captured_and_released_to_the_kopeck(db: Db) {
        let region = db.region(100_000).await;
        let certificate = region.certificate(10_000).await.unwrap();
        let provider = region.provider().await;
        let s = &region.store;
        let a = region.authority;

        let hold = s.post(a, &key("enroll-1"), &Command::Hold { certificate, amount: rub(3_000) }).await.unwrap();
        assert!(!hold.replayed);
        assert_eq!(region.balance(K::Available, certificate).await, 700_000);
        assert_eq!(region.balance(K::Held, certificate).await, 300_000);

        s.post(a, &key("claim-1"), &Command::Capture { certificate, provider, amount: rub(1_000) }).await.unwrap();
        s.post(a, &key("switch-1"), &Command::Release { certificate, amount: rub(2_000) }).await.unwrap();
        assert_eq!(region.balance(K::Available, certificate).await, 900_000);
        assert_eq!(region.balance(K::Held, certificate).await, 0);
        assert_eq!(region.balance(K::Payable, provider).await, 100_000);
        assert_eq!(region.balance(K::Budget, region.program).await, 9_000_000);
        assert_eq!(region.balance(K::Funding, a.as_uuid()).await, -10_000_000);

        // The certificate's history, newest first, with running balances.
        let page = s
            .history(a, AccountRef::new(K::Available, certificate), &PageRequest { after: None, limit: 2 })
            .await
            .unwrap();
        let lines: Vec<(i64, i64, i64)> = page.items.iter().map(|l| (l.seq, l.amount.minor(), l.balance_after.minor())).collect();
        assert_eq!(lines, [(3, 200_000, 900_000), (2, -300_000, 700_000)]);
        let rest = s
            .history(a, AccountRef::new(K::Available, certificate), &PageRequest { after: page.next, limit: 2 })
            .await
            .unwrap();
        assert_eq!(rest.items.len(), 1);
        assert_eq!(rest.items[0].balance_after.minor(), 1_000_000);
        assert_eq!(rest.next, None);
        region.assert_verified().await;
    }

    async fn replaying_a_command_returns_the_first_result_and_posts_nothing(db: Db) {
        let region = db.region(100_000).await;
        let certificate = region.certificate(10_000).await.unwrap();
        let (s, a) = (&region.store, region.authority);
        let hold = Command::Hold { certificate, amount: rub(1_500) };
        let first = s.post(a, &key("hold-42"), &hold).await.unwrap();
        let again = s.post(a, &key("hold-42"), &hold).await.unwrap();
        assert!(again.replayed);
        assert_eq!(again.transaction, first.transaction);
        assert_eq!(region.balance(K::Held, certificate).await, 150_000);

        let other = Command::Hold { certificate, amount: rub(1_600) };
        assert!(matches!(s.post(a, &key("hold-42"), &other).await, Err(Error::IdempotencyConflict)));
        assert_eq!(region.balance(K::Held, certificate).await, 150_000);
        region.assert_verified().await;
    }

    async fn overspending_is_refused_and_leaves_no_trace(db: Db) {
        let region = db.region(100_000).await;
        let certificate = region.certificate(1_000).await.unwrap();
        let (s, a) = (&region.store, region.authority);
        let err = s.post(a, &fresh_key(), &Command::Hold { certificate, amount: rub(1_001) }).await.unwrap_err();
        assert!(matches!(err, Error::InsufficientFunds { account, .. } if account == AccountRef::new(K::Available, certificate)), "{err}");
        let err = s.post(a, &fresh_key(), &Command::Release { certificate, amount: rub(1) }).await.unwrap_err();
        assert!(matches!(err, Error::InsufficientFunds { .. }), "{err}");
        assert!(matches!(region.certificate(100_000).await, Err(Error::InsufficientFunds { .. })));
        assert_eq!(region.balance(K::Available, certificate).await, 100_000);
        let missing = Command::Hold { certificate: Uuid::now_v7(), amount: rub(1) };
        assert!(matches!(s.post(a, &fresh_key(), &missing).await, Err(Error::NoAccount(_))));
        region.assert_verified().await;
    }

    async fn a_reversal_undoes_exactly_once(db: Db) {
        let region = db.region(100_000).await;
        let certificate = region.certificate(5_000).await.unwrap();
        let provider = region.provider().await;
        let (s, a) = (&region.store, region.authority);
        s.post(a, &fresh_key(), &Command::Hold { certificate, amount: rub(2_000) }).await.unwrap();
        let capture = s
            .post(a, &fresh_key(), &Command::Capture { certificate, provider, amount: rub(500) })
            .await
            .unwrap()
            .transaction;
        let reversal = s.reverse(a, &key("undo-capture"), capture.id, Some("claim line voided".into())).await.unwrap();
        assert_eq!(reversal.transaction.reverses, Some(capture.id));
        assert_eq!(region.balance(K::Held, certificate).await, 200_000);
        assert_eq!(region.balance(K::Payable, provider).await, 0);
        // Replaying the reversal is harmless; reversing again with a new key is refused.
        assert!(s.reverse(a, &key("undo-capture"), capture.id, Some("claim line voided".into())).await.unwrap().replayed);
        assert!(matches!(s.reverse(a, &fresh_key(), capture.id, None).await, Err(Error::AlreadyReversed(_))));
        assert!(matches!(s.reverse(a, &fresh_key(), reversal.transaction.id, None).await, Err(Error::NotReversible)));
        assert!(matches!(s.reverse(a, &fresh_key(), Uuid::now_v7(), None).await, Err(Error::NotFound { .. })));
        region.assert_verified().await;
    }

    async fn sixty_four_parallel_holds_on_ten_thousand_rubles_leave_exactly_ten(db: Db) {
        let region = db.region(100_000).await;
        let certificate = region.certificate(10_000).await.unwrap();
        let region = Arc::new(region);
        let tasks: Vec<_> = (0..64)
            .map(|_| {
                let region = region.clone();
                tokio::spawn(async move {
                    region
                        .store
                        .post(region.authority, &fresh_key(), &Command::Hold { certificate, amount: rub(1_000) })
                        .await
                })
            })
            .collect();
        let (mut held, mut refused) = (0, 0);
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => held += 1,
                Err(Error::InsufficientFunds { .. }) => refused += 1,
                Err(other) => panic!("unexpected error: {other}"),
            }
        }
        assert_eq!((held, refused), (10, 54));
        assert_eq!(region.balance(K::Available, certificate).await, 0);
        assert_eq!(region.balance(K::Held, certificate).await, 1_000_000);
        region.assert_verified().await;
    }

    async fn a_budget_hit_by_many_issuances_funds_exactly_what_it_has(db: Db) {
        let region = Arc::new(db.region(10_000).await);
        let tasks: Vec<_> = (0..64)
            .map(|_| {
                let region = region.clone();
                tokio::spawn(async move { region.certificate(1_000).await })
            })
            .collect();
        let mut issued = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => issued += 1,
                Err(Error::InsufficientFunds { .. }) => {}
                Err(other) => panic!("unexpected error: {other}"),
            }
        }
        assert_eq!(issued, 10);
        assert_eq!(region.balance(K::Budget, region.program).await, 0);
        region.assert_verified().await;
    }

    async fn racing_retries_of_one_command_post_it_once(db: Db) {
        let region = Arc::new(db.region(100_000).await);
        let certificate = region.certificate(10_000).await.unwrap();
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let region = region.clone();
                tokio::spawn(async move {
                    region
                        .store
                        .post(region.authority, &key("the-same-click"), &Command::Hold { certificate, amount: rub(100) })
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut ids = std::collections::BTreeSet::new();
        let mut fresh = 0;
        for task in tasks {
            let posted = task.await.unwrap();
            ids.insert(posted.transaction.id);
            fresh += usize::from(!posted.replayed);
        }
        assert_eq!((ids.len(), fresh), (1, 1));
        assert_eq!(region.balance(K::Held, certificate).await, 10_000);
        region.assert_verified().await;
    }

    async fn history_is_append_only_and_tampering_is_found(db: Db) {
        let region = db.region(100_000).await;
        let certificate = region.certificate(10_000).await.unwrap();
        region.store.post(region.authority, &fresh_key(), &Command::Hold { certificate, amount: rub(10) }).await.unwrap();
        let mut conn = raw_connection(&region.db.url).await;
        for statement in [
            "UPDATE ledger_postings SET amount_minor = amount_minor + 1",
            "DELETE FROM ledger_postings",
            "UPDATE ledger_transactions SET memo = 'edited'",
            "DELETE FROM ledger_transactions",
        ] {
            let refused = conn.execute(statement).await;
            assert!(refused.is_err(), "{statement} must be refused");
        }
        // The cached balance is the one thing a raw UPDATE can touch; verify catches it.
        conn.execute("UPDATE ledger_accounts SET balance_minor = balance_minor + 5 WHERE kind = 'held'").await.unwrap();
        let report = region.store.verify_ledger(Some(region.authority)).await.unwrap();
        let rules: Vec<&str> = report.violations.iter().map(|v| v.rule).collect();
        assert!(rules.contains(&"balance_mismatch"), "{rules:?}");
        assert!(rules.contains(&"authority_not_zero"), "{rules:?}");
    }

    async fn a_command_cut_off_mid_way_is_wholly_there_or_wholly_absent(db: Db) {
        let region = Arc::new(db.region(1_000_000).await);
        let provider = region.provider().await;
        let certificate = region.certificate(100_000).await.unwrap();
        region.store.post(region.authority, &fresh_key(), &Command::Hold { certificate, amount: rub(100_000) }).await.unwrap();
        // Drop each capture after it has been polled `polls` times: every time a command waits
        // on the database is a poll, so growing `polls` cuts it at each of its await points in
        // turn (before BEGIN, between postings, around COMMIT) until it runs to completion.
        let (mut completed, mut cut) = (0i64, 0);
        for polls in 1..=40 {
            let command = Command::Capture { certificate, provider, amount: rub(1) };
            let store = region.store.clone();
            let authority = region.authority;
            let attempt = CancelAfterPolls {
                inner: Box::pin(async move { store.post(authority, &fresh_key(), &command).await }),
                remaining: polls,
            }
            .await;
            match attempt {
                Some(result) => {
                    result.unwrap();
                    completed += 1;
                }
                None => cut += 1,
            }
        }
        assert!(cut > 0 && completed > 0, "{cut} cut off, {completed} completed");
        // Whatever was cut off left nothing behind; whatever committed is whole.
        region.assert_verified().await;
        let payable = region.balance(K::Payable, provider).await;
        let held = region.balance(K::Held, certificate).await;
        assert_eq!(payable + held, 10_000_000);
        assert!(payable >= completed * 100, "every completed capture is there");
    }
}

/// Runs a future for at most `remaining` polls, then drops it where it stands.
struct CancelAfterPolls<F> {
    inner: std::pin::Pin<Box<F>>,
    remaining: usize,
}

impl<F: std::future::Future> std::future::Future for CancelAfterPolls<F> {
    type Output = Option<F::Output>;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        if self.remaining == 0 {
            return std::task::Poll::Ready(None);
        }
        self.remaining -= 1;
        self.inner.as_mut().poll(cx).map(Some)
    }
}
