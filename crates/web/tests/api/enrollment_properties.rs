//! For any interleaving of enroll, accept, decline, deliver, confirm, dispute, void, auto-confirm,
//! claim and switch on one certificate, nothing is overspent and every kopeck is somewhere:
//! available + held + paid out of it (captured by claims) = the certificate's value, what its
//! enrollments hold is what the ledger holds, and `socert verify` finds nothing. On both backends.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use socert_domain::enrollment::DeliveryEvent;
use socert_domain::ledger::{AccountKind, AccountRef, IdempotencyKey};
use socert_domain::{AuthorityId, Units};
use socert_store::audit::Actor;
use socert_store::enrollments::{
    ClaimRequest, EnrollmentRequest, NewDeliveryRecord, ProviderDecision,
};
use uuid::Uuid;

use crate::enrollments::{today, world};
use crate::support::TestApp;

const VALUE: i64 = 5_000_000;

#[derive(Debug, Clone)]
enum Op {
    Enroll {
        other_offer: bool,
        volume: i64,
        copay_agreed: bool,
    },
    Accept(usize),
    Decline(usize),
    Deliver {
        enrollment: usize,
        units: i64,
    },
    Confirm(usize),
    Dispute(usize),
    Void(usize),
    AutoConfirm,
    Claim,
    Switch(usize),
}

/// Weighted toward the first enrollments, so that sequences get far: enroll, accept, deliver
/// past what the certificate holds, confirm, claim.
fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), 1..30_i64, any::<bool>()).prop_map(|(other_offer, volume, copay_agreed)| {
            Op::Enroll {
                other_offer,
                volume,
                copay_agreed,
            }
        }),
        3 => (0..2_usize).prop_map(Op::Accept),
        1 => (0..3_usize).prop_map(Op::Decline),
        5 => (0..2_usize, 1..10_i64).prop_map(|(enrollment, units)| Op::Deliver { enrollment, units }),
        2 => (0..8_usize).prop_map(Op::Confirm),
        1 => (0..8_usize).prop_map(Op::Dispute),
        1 => (0..8_usize).prop_map(Op::Void),
        2 => Just(Op::AutoConfirm),
        2 => Just(Op::Claim),
        1 => (0..3_usize).prop_map(Op::Switch),
    ]
}

/// Errors a random sequence may meet: refusals and illegal moves, never a broken database.
fn expected(err: &socert_store::Error) -> bool {
    !matches!(
        err,
        socert_store::Error::Corrupt(_)
            | socert_store::Error::Database(_)
            | socert_store::Error::Unavailable(_)
    )
}

struct Case<'a> {
    app: &'a TestApp,
    authority: AuthorityId,
    provider: Uuid,
    offers: [Uuid; 2],
    certificate: Uuid,
    enrollments: Vec<Uuid>,
    records: Vec<Uuid>,
    step: usize,
    actor: Actor,
}

impl Case<'_> {
    fn key(&mut self, what: &str) -> IdempotencyKey {
        self.step += 1;
        IdempotencyKey::parse(&format!("{what}-{}-{}", self.certificate, self.step)).unwrap()
    }

    async fn run(&mut self, op: &Op) -> Result<(), socert_store::Error> {
        let store = &self.app.store;
        match op {
            Op::Enroll {
                other_offer,
                volume,
                copay_agreed,
            } => {
                let request = EnrollmentRequest {
                    certificate_id: self.certificate,
                    offer_id: self.offers[usize::from(*other_offer)],
                    volume: Units::new(*volume).unwrap(),
                    starts_on: today(),
                    ends_on: None,
                    copay_agreed: *copay_agreed,
                };
                let key = self.key("enroll");
                let (e, _) = store
                    .enroll(self.authority, &request, &key, today(), &self.actor)
                    .await?;
                self.enrollments.push(e.id);
            }
            Op::Accept(i) | Op::Decline(i) => {
                let Some(id) = self.enrollments.get(*i).copied() else {
                    return Ok(());
                };
                let decision = match op {
                    Op::Accept(_) => ProviderDecision::Accept,
                    _ => ProviderDecision::Decline {
                        reason: "no nurse free".into(),
                    },
                };
                store
                    .decide_enrollment(self.authority, id, decision, &self.actor)
                    .await?;
            }
            Op::Deliver { enrollment, units } => {
                let Some(id) = self.enrollments.get(*enrollment).copied() else {
                    return Ok(());
                };
                let record = NewDeliveryRecord {
                    enrollment_id: id,
                    delivered_on: today(),
                    delivered_at: None,
                    units: Units::new(*units).unwrap(),
                    worker: "Иванова".into(),
                    note: String::new(),
                };
                for made in store
                    .record_deliveries(
                        self.authority,
                        self.provider,
                        &[record],
                        today(),
                        &self.actor,
                    )
                    .await?
                    .into_iter()
                    .flatten()
                {
                    self.records.push(made.id);
                }
            }
            Op::Confirm(i) | Op::Dispute(i) | Op::Void(i) => {
                let Some(id) = self.records.get(*i).copied() else {
                    return Ok(());
                };
                let (event, reason) = match op {
                    Op::Confirm(_) => (DeliveryEvent::Confirm, None),
                    Op::Dispute(_) => (DeliveryEvent::Dispute, Some("not delivered")),
                    _ => (DeliveryEvent::Void, None),
                };
                store
                    .resolve_delivery(self.authority, id, event, reason, &self.actor)
                    .await?;
            }
            Op::AutoConfirm => {
                store
                    .run_daily_jobs(
                        self.authority,
                        today() + jiff::Span::new().days(10),
                        &self.actor,
                    )
                    .await?;
            }
            Op::Claim => {
                let request = ClaimRequest {
                    provider_id: self.provider,
                    period_from: today(),
                    period_to: today(),
                    lines: Some(
                        self.records
                            .iter()
                            .map(|r| socert_store::enrollments::ClaimLineRequest {
                                delivery_record_id: *r,
                                units: None,
                                price_per_unit: None,
                            })
                            .collect(),
                    ),
                };
                if request.lines.as_ref().is_some_and(Vec::is_empty) {
                    return Ok(());
                }
                let key = self.key("claim");
                store
                    .submit_claim(self.authority, &request, &key, &self.actor)
                    .await?;
            }
            Op::Switch(i) => {
                let Some(id) = self.enrollments.get(*i).copied() else {
                    return Ok(());
                };
                store
                    .cancel_enrollment(self.authority, id, today(), &self.actor)
                    .await?;
            }
        }
        Ok(())
    }

    /// available + held + captured = value; held = what the enrollments hold.
    async fn check(&self) -> Result<(), TestCaseError> {
        let store = &self.app.store;
        let balance = async |kind| {
            store
                .account(self.authority, AccountRef::new(kind, self.certificate))
                .await
                .unwrap()
                .balance
                .minor()
        };
        let available = balance(AccountKind::Available).await;
        let held = balance(AccountKind::Held).await;
        let enrollments = store
            .enrollments_of_recipient(
                self.authority,
                store
                    .certificate(self.authority, self.certificate)
                    .await
                    .unwrap()
                    .recipient_id,
            )
            .await
            .unwrap();
        let captured: i64 = enrollments.iter().map(|e| e.captured.minor()).sum();
        let holding: i64 = enrollments.iter().map(|e| e.held.minor()).sum();
        prop_assert!(available >= 0 && held >= 0);
        prop_assert_eq!(available + held + captured, VALUE);
        prop_assert_eq!(held, holding);
        for e in &enrollments {
            prop_assert!(e.recorded_units <= e.volume && e.claimed_units <= e.volume);
        }
        Ok(())
    }
}

fn property_on(app: TestApp, runtime: &tokio::runtime::Runtime) {
    let w = runtime.block_on(world(&app, 1000));
    let authority: AuthorityId = w.authority.parse().unwrap();
    let provider: Uuid = w.provider.parse().unwrap();
    let offers = [w.offer.parse().unwrap(), w.other_offer.parse().unwrap()];
    let person = std::cell::Cell::new(0_u32);
    // 64 cases: fewer did not reliably reach a claim beyond what a short certificate holds (a
    // mutation there survived 16 cases and was caught by 64).
    let mut runner = TestRunner::new(Config {
        cases: 64,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&proptest::collection::vec(op(), 1..40), |ops| {
        runtime.block_on(async {
            person.set(person.get() + 1);
            let (_, certificate) = w.certificate_for(&app, 5_000 + person.get()).await;
            let mut case = Case {
                app: &app,
                authority,
                provider,
                offers,
                certificate: certificate.parse().unwrap(),
                enrollments: Vec::new(),
                records: Vec::new(),
                step: 0,
                actor: Actor::system("property"),
            };
            for op in &ops {
                if let Err(err) = case.run(op).await {
                    prop_assert!(expected(&err), "{op:?} failed: {err}");
                }
                case.check().await?;
            }
            let mut report = app.store.verify_ledger(Some(authority)).await.unwrap();
            report
                .violations
                .extend(app.store.verify_programs(Some(authority)).await.unwrap());
            report
                .violations
                .extend(app.store.verify_enrollments(Some(authority)).await.unwrap());
            prop_assert!(report.violations.is_empty(), "{:?}", report.violations);
            Ok(())
        })
    });
    if let Err(err) = result {
        panic!("{err}");
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn no_interleaving_overspends_a_certificate_sqlite() {
    let rt = runtime();
    let app = rt.block_on(TestApp::sqlite());
    property_on(app, &rt);
}

#[test]
fn no_interleaving_overspends_a_certificate_postgres() {
    let rt = runtime();
    let app = rt.block_on(TestApp::postgres());
    property_on(app, &rt);
}
