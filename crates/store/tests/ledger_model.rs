//! Property test: random sequences of ledger commands against a simple model of balances. The
//! store must accept exactly the commands the model can afford, refuse the rest with
//! `InsufficientFunds`, keep every invariant (`verify` clean) and treat replays as no-ops.

use std::collections::HashMap;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use socert_domain::ledger::{AccountKind as K, AccountRef, Command, IdempotencyKey};
use socert_domain::{
    Authority, AuthorityId, AuthoritySettings, Country, Currency, Locale, LocalizedText, Money,
};
use socert_store::scratch::ScratchDatabase;
use socert_store::{Error, Store};
use uuid::Uuid;

const CERTIFICATES: usize = 3;
const PROVIDERS: usize = 2;

#[derive(Debug, Clone)]
enum Op {
    Issue {
        certificate: usize,
        rubles: i64,
    },
    Hold {
        certificate: usize,
        rubles: i64,
    },
    Capture {
        certificate: usize,
        provider: usize,
        rubles: i64,
    },
    Release {
        certificate: usize,
        rubles: i64,
    },
    Reverse {
        posted: usize,
    },
    Replay {
        posted: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let amount = 1i64..3_000;
    prop_oneof![
        (0..CERTIFICATES, amount.clone()).prop_map(|(certificate, rubles)| Op::Issue {
            certificate,
            rubles
        }),
        (0..CERTIFICATES, amount.clone()).prop_map(|(certificate, rubles)| Op::Hold {
            certificate,
            rubles
        }),
        (0..CERTIFICATES, 0..PROVIDERS, amount.clone()).prop_map(
            |(certificate, provider, rubles)| Op::Capture {
                certificate,
                provider,
                rubles
            }
        ),
        (0..CERTIFICATES, amount).prop_map(|(certificate, rubles)| Op::Release {
            certificate,
            rubles
        }),
        any::<usize>().prop_map(|posted| Op::Reverse { posted }),
        any::<usize>().prop_map(|posted| Op::Replay { posted }),
    ]
}

fn rub(rubles: i64) -> Money {
    Money::from_minor(rubles * 100, Currency::Rub)
}

/// Expected balances, and what was posted so far (for reversals and replays).
struct Model {
    balances: HashMap<AccountRef, i64>,
    posted: Vec<Posted>,
}

struct Posted {
    key: IdempotencyKey,
    command: Option<Command>,
    transaction: Uuid,
    moves: Vec<(AccountRef, i64)>,
    reversed: bool,
}

impl Model {
    fn affordable(&self, moves: &[(AccountRef, i64)]) -> bool {
        moves.iter().all(|(account, delta)| {
            account.kind.may_go_negative()
                || self.balances.get(account).copied().unwrap_or(0) + delta >= 0
        })
    }

    fn apply(&mut self, moves: &[(AccountRef, i64)]) {
        for (account, delta) in moves {
            *self.balances.entry(*account).or_insert(0) += delta;
        }
    }
}

fn moves_of(command: &Command) -> Vec<(AccountRef, i64)> {
    command
        .entry()
        .unwrap()
        .postings()
        .iter()
        .map(|p| (p.account, p.amount.minor()))
        .collect()
}

async fn run(store: &dyn Store, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let authority = AuthorityId::new();
    store
        .create_authority(
            &Authority {
                id: authority,
                names: LocalizedText::new("Край", "Край", "Krai").unwrap(),
                region_code: "24".to_owned(),
                country: Country::Russia,
                currency: Currency::Rub,
                locale: Locale::Ru,
                time_zone: "Asia/Krasnoyarsk".to_owned(),
                settings: AuthoritySettings::default(),
                created_at: socert_domain::Timestamp::now(),
            },
            &socert_store::audit::Actor::system("test"),
        )
        .await
        .unwrap();
    let program = Uuid::now_v7();
    let certificates: Vec<Uuid> = (0..CERTIFICATES).map(|_| Uuid::now_v7()).collect();
    let providers: Vec<Uuid> = (0..PROVIDERS).map(|_| Uuid::now_v7()).collect();
    let funding = AccountRef::new(K::Funding, authority.as_uuid());
    let budget = AccountRef::new(K::Budget, program);
    let mut accounts = vec![funding, budget];
    for c in &certificates {
        accounts.push(AccountRef::new(K::Available, *c));
        accounts.push(AccountRef::new(K::Held, *c));
    }
    accounts.extend(providers.iter().map(|p| AccountRef::new(K::Payable, *p)));
    for account in &accounts {
        store
            .open_account(authority, *account, Currency::Rub)
            .await
            .unwrap();
    }
    let mut model = Model {
        balances: HashMap::new(),
        posted: Vec::new(),
    };
    let seed = Command::Transfer {
        from: funding,
        to: budget,
        amount: rub(8_000),
        memo: None,
    };
    let seed_key = IdempotencyKey::parse("seed").unwrap();
    let seeded = store.post(authority, &seed_key, &seed).await.unwrap();
    model.apply(&moves_of(&seed));
    model.posted.push(Posted {
        key: seed_key,
        moves: moves_of(&seed),
        command: Some(seed),
        transaction: seeded.transaction.id,
        reversed: false,
    });

    for op in ops {
        let key = IdempotencyKey::parse(&Uuid::now_v7().to_string()).unwrap();
        let command = match op {
            Op::Issue {
                certificate,
                rubles,
            } => Some(Command::Transfer {
                from: budget,
                to: AccountRef::new(K::Available, certificates[certificate]),
                amount: rub(rubles),
                memo: None,
            }),
            Op::Hold {
                certificate,
                rubles,
            } => Some(Command::Hold {
                certificate: certificates[certificate],
                amount: rub(rubles),
            }),
            Op::Capture {
                certificate,
                provider,
                rubles,
            } => Some(Command::Capture {
                certificate: certificates[certificate],
                provider: providers[provider],
                amount: rub(rubles),
            }),
            Op::Release {
                certificate,
                rubles,
            } => Some(Command::Release {
                certificate: certificates[certificate],
                amount: rub(rubles),
            }),
            Op::Reverse { .. } | Op::Replay { .. } => None,
        };
        match (op, command) {
            (_, Some(command)) => {
                let moves = moves_of(&command);
                let result = store.post(authority, &key, &command).await;
                if model.affordable(&moves) {
                    let posted = result
                        .map_err(|e| TestCaseError::fail(format!("{command:?} refused: {e}")))?;
                    model.apply(&moves);
                    model.posted.push(Posted {
                        key,
                        command: Some(command),
                        transaction: posted.transaction.id,
                        moves,
                        reversed: false,
                    });
                } else {
                    prop_assert!(
                        matches!(result, Err(Error::InsufficientFunds { .. })),
                        "{command:?} should be unaffordable: {result:?}"
                    );
                }
            }
            (Op::Reverse { posted }, None) => {
                let index = posted % model.posted.len();
                let target = &model.posted[index];
                let undo: Vec<(AccountRef, i64)> =
                    target.moves.iter().map(|(a, d)| (*a, -d)).collect();
                let result = store
                    .reverse(authority, &key, target.transaction, None)
                    .await;
                if target.command.is_none() {
                    prop_assert!(
                        matches!(result, Err(Error::NotReversible)),
                        "a reversal is not reversible: {result:?}"
                    );
                } else if target.reversed {
                    prop_assert!(
                        matches!(result, Err(Error::AlreadyReversed(_))),
                        "{result:?}"
                    );
                } else if model.affordable(&undo) {
                    let done = result
                        .map_err(|e| TestCaseError::fail(format!("reversal refused: {e}")))?;
                    model.apply(&undo);
                    model.posted[index].reversed = true;
                    model.posted.push(Posted {
                        key,
                        command: None,
                        transaction: done.transaction.id,
                        moves: undo,
                        reversed: false,
                    });
                } else {
                    prop_assert!(
                        matches!(result, Err(Error::InsufficientFunds { .. })),
                        "{result:?}"
                    );
                }
            }
            (Op::Replay { posted }, None) => {
                let target = &model.posted[posted % model.posted.len()];
                if let Some(command) = &target.command {
                    let replay = store.post(authority, &target.key, command).await.unwrap();
                    prop_assert!(replay.replayed);
                    prop_assert_eq!(replay.transaction.id, target.transaction);
                }
            }
            (op, None) => unreachable!("{op:?}"),
        }
    }
    for account in &accounts {
        let stored = store
            .account(authority, *account)
            .await
            .unwrap()
            .balance
            .minor();
        prop_assert_eq!(
            stored,
            model.balances.get(account).copied().unwrap_or(0),
            "{}",
            account
        );
    }
    let report = store.verify_ledger(Some(authority)).await.unwrap();
    prop_assert!(report.violations.is_empty(), "{:?}", report.violations);
    Ok(())
}

fn check(database: impl FnOnce(&tokio::runtime::Runtime) -> ScratchDatabase) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let database = database(&runtime);
    let store: Arc<dyn Store> = runtime.block_on(async {
        let store = socert_store::open(&database.url).await.unwrap();
        store.migrate().await.unwrap();
        store
    });
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&prop::collection::vec(op(), 1..40), |ops| {
        runtime.block_on(run(store.as_ref(), ops))
    });
    runtime.block_on(store.close());
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn random_command_sequences_keep_every_invariant_on_sqlite() {
    check(|_| ScratchDatabase::sqlite().unwrap());
}

#[test]
fn random_command_sequences_keep_every_invariant_on_postgres() {
    check(|runtime| {
        runtime
            .block_on(ScratchDatabase::postgres_for_tests())
            .expect("PostgreSQL")
    });
}
