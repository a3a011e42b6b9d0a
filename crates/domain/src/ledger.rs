//! The double-entry ledger's vocabulary: accounts, postings, transactions and the commands that
//! move value (DESIGN.md section 5).
//!
//! A posting's amount is signed: positive raises the account's balance, negative lowers it. A
//! transaction's postings sum to zero per currency, so value is only ever moved, never created or
//! destroyed; the only account allowed below zero is the authority's `funding` account, the source
//! every budget is drawn from.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Currency, Money, MoneyError};

/// The longest idempotency key a client may send.
pub const MAX_KEY_LEN: usize = 200;
/// The largest amount one command may move: 10^15 kopecks, ten trillion rubles, far above any
/// regional budget. The bound keeps balance arithmetic in the database far from i64 overflow.
pub const MAX_AMOUNT_MINOR: i64 = 1_000_000_000_000_000;
/// The longest memo or adjustment reason.
pub const MAX_MEMO_CHARS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// The authority's source of funds; goes negative by exactly what it has allocated.
    Funding,
    /// A program's unallocated budget.
    Budget,
    /// What a certificate can still spend.
    Available,
    /// What a certificate has reserved for enrollments, not yet delivered.
    Held,
    /// What the authority owes a provider for approved claims.
    Payable,
    /// What the authority has paid a provider.
    Paid,
    /// Co-payments a recipient agreed to pay a provider (tracked, paid outside socert).
    Copay,
}

impl AccountKind {
    pub const ALL: [AccountKind; 7] = [
        AccountKind::Funding,
        AccountKind::Budget,
        AccountKind::Available,
        AccountKind::Held,
        AccountKind::Payable,
        AccountKind::Paid,
        AccountKind::Copay,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            AccountKind::Funding => "funding",
            AccountKind::Budget => "budget",
            AccountKind::Available => "available",
            AccountKind::Held => "held",
            AccountKind::Payable => "payable",
            AccountKind::Paid => "paid",
            AccountKind::Copay => "copay",
        }
    }

    /// Only the funding source may be negative; every other balance is real money that exists.
    pub const fn may_go_negative(self) -> bool {
        matches!(self, AccountKind::Funding)
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccountKind {
    type Err = LedgerError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| LedgerError::UnknownAccountKind(s.to_owned()))
    }
}

/// Names an account: its kind and the id of what owns it (program, certificate, provider,
/// recipient, or the authority itself for `funding`). `certificate:{id}:held` in DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AccountRef {
    pub kind: AccountKind,
    pub owner: Uuid,
}

impl AccountRef {
    pub const fn new(kind: AccountKind, owner: Uuid) -> Self {
        Self { kind, owner }
    }
}

impl fmt::Display for AccountRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind, self.owner)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionKind {
    Transfer,
    Hold,
    Capture,
    Release,
    Reversal,
    Adjustment,
}

impl TransactionKind {
    pub const ALL: [TransactionKind; 6] = [
        TransactionKind::Transfer,
        TransactionKind::Hold,
        TransactionKind::Capture,
        TransactionKind::Release,
        TransactionKind::Reversal,
        TransactionKind::Adjustment,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            TransactionKind::Transfer => "transfer",
            TransactionKind::Hold => "hold",
            TransactionKind::Capture => "capture",
            TransactionKind::Release => "release",
            TransactionKind::Reversal => "reversal",
            TransactionKind::Adjustment => "adjustment",
        }
    }

    /// The audit log's name for posting this kind of transaction.
    pub const fn audit_action(self) -> &'static str {
        match self {
            TransactionKind::Transfer => "ledger.transfer",
            TransactionKind::Hold => "ledger.hold",
            TransactionKind::Capture => "ledger.capture",
            TransactionKind::Release => "ledger.release",
            TransactionKind::Reversal => "ledger.reversal",
            TransactionKind::Adjustment => "ledger.adjustment",
        }
    }
}

impl fmt::Display for TransactionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TransactionKind {
    type Err = LedgerError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TransactionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| LedgerError::UnknownTransactionKind(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("postings of a transaction must sum to zero, but {currency} sums to {sum}")]
    Unbalanced { currency: Currency, sum: i64 },
    #[error("a transaction needs at least two postings")]
    TooFewPostings,
    #[error("a posting of zero moves nothing")]
    ZeroPosting,
    #[error("the amount must be more than zero, got {0}")]
    NonPositiveAmount(Money),
    #[error("one command may move at most {MAX_AMOUNT_MINOR} minor units")]
    AmountTooLarge,
    #[error("from and to are the same account")]
    SameAccount,
    #[error("an adjustment needs a reason")]
    MissingReason,
    #[error("the text is longer than {MAX_MEMO_CHARS} characters")]
    MemoTooLong,
    #[error("the idempotency key must be 1 to {MAX_KEY_LEN} visible ASCII characters")]
    InvalidKey,
    #[error("unknown account kind {0:?}")]
    UnknownAccountKind(String),
    #[error("unknown transaction kind {0:?}")]
    UnknownTransactionKind(String),
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// A client-chosen key that makes a command safe to retry: the same key returns the first result.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(key: &str) -> Result<Self, LedgerError> {
        let valid = !key.is_empty()
            && key.len() <= MAX_KEY_LEN
            && key.bytes().all(|b| b.is_ascii_graphic());
        if valid {
            Ok(Self(key.to_owned()))
        } else {
            Err(LedgerError::InvalidKey)
        }
    }

    /// A new unique key, for commands socert issues itself (jobs, benchmarks).
    pub fn fresh() -> Self {
        Self(Uuid::now_v7().simple().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub account: AccountRef,
    pub amount: Money,
}

/// Postings that sum to zero per currency. The only way to build one is [`Entry::new`], so an
/// unbalanced entry cannot reach storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    kind: TransactionKind,
    postings: Vec<Posting>,
    memo: Option<String>,
}

impl Entry {
    pub fn new(
        kind: TransactionKind,
        postings: Vec<Posting>,
        memo: Option<String>,
    ) -> Result<Self, LedgerError> {
        if postings.len() < 2 {
            return Err(LedgerError::TooFewPostings);
        }
        if postings.iter().any(|p| p.amount.minor() == 0) {
            return Err(LedgerError::ZeroPosting);
        }
        if postings
            .iter()
            .any(|p| p.amount.minor().unsigned_abs() > MAX_AMOUNT_MINOR.unsigned_abs())
        {
            return Err(LedgerError::AmountTooLarge);
        }
        if memo
            .as_ref()
            .is_some_and(|m| m.chars().count() > MAX_MEMO_CHARS)
        {
            return Err(LedgerError::MemoTooLong);
        }
        let mut sums: BTreeMap<Currency, Money> = BTreeMap::new();
        for posting in &postings {
            let currency = posting.amount.currency();
            let sum = sums.entry(currency).or_insert(Money::zero(currency));
            *sum = sum.checked_add(posting.amount)?;
        }
        if let Some(sum) = sums.values().find(|sum| sum.minor() != 0) {
            return Err(LedgerError::Unbalanced {
                currency: sum.currency(),
                sum: sum.minor(),
            });
        }
        Ok(Self {
            kind,
            postings,
            memo,
        })
    }

    pub fn kind(&self) -> TransactionKind {
        self.kind
    }

    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    pub fn memo(&self) -> Option<&str> {
        self.memo.as_deref()
    }

    /// The entry that undoes this one: every posting negated.
    pub fn reversed(&self, memo: Option<String>) -> Result<Entry, LedgerError> {
        let postings = self
            .postings
            .iter()
            .map(|p| {
                Ok(Posting {
                    account: p.account,
                    amount: p.amount.checked_neg()?,
                })
            })
            .collect::<Result<Vec<_>, LedgerError>>()?;
        Entry::new(TransactionKind::Reversal, postings, memo)
    }
}

/// The value-moving commands the rest of socert issues. Each becomes one balanced [`Entry`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Any account to any account, e.g. funding -> program budget -> certificate available.
    Transfer {
        from: AccountRef,
        to: AccountRef,
        amount: Money,
        memo: Option<String>,
    },
    /// Reserve part of a certificate for an enrollment: available -> held.
    Hold { certificate: Uuid, amount: Money },
    /// Pay for delivered service from the reservation: held -> provider payable.
    Capture {
        certificate: Uuid,
        provider: Uuid,
        amount: Money,
    },
    /// Return an unused reservation: held -> available.
    Release { certificate: Uuid, amount: Money },
    /// An officer's correction of one account against the authority's funding, with a reason.
    /// A positive amount raises the account.
    Adjust {
        account: AccountRef,
        funding: AccountRef,
        amount: Money,
        reason: String,
    },
}

impl Command {
    /// The balanced entry this command posts.
    pub fn entry(&self) -> Result<Entry, LedgerError> {
        use AccountKind as K;
        let certificate = |kind, id| AccountRef::new(kind, id);
        match self {
            Command::Transfer {
                from,
                to,
                amount,
                memo,
            } => {
                if from == to {
                    return Err(LedgerError::SameAccount);
                }
                move_value(TransactionKind::Transfer, *from, *to, *amount, memo.clone())
            }
            Command::Hold {
                certificate: id,
                amount,
            } => move_value(
                TransactionKind::Hold,
                certificate(K::Available, *id),
                certificate(K::Held, *id),
                *amount,
                None,
            ),
            Command::Capture {
                certificate: id,
                provider,
                amount,
            } => move_value(
                TransactionKind::Capture,
                certificate(K::Held, *id),
                AccountRef::new(K::Payable, *provider),
                *amount,
                None,
            ),
            Command::Release {
                certificate: id,
                amount,
            } => move_value(
                TransactionKind::Release,
                certificate(K::Held, *id),
                certificate(K::Available, *id),
                *amount,
                None,
            ),
            Command::Adjust {
                account,
                funding,
                amount,
                reason,
            } => {
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(LedgerError::MissingReason);
                }
                if account == funding {
                    return Err(LedgerError::SameAccount);
                }
                Entry::new(
                    TransactionKind::Adjustment,
                    vec![
                        Posting {
                            account: *funding,
                            amount: amount.checked_neg()?,
                        },
                        Posting {
                            account: *account,
                            amount: *amount,
                        },
                    ],
                    Some(reason.to_owned()),
                )
            }
        }
    }

    /// A canonical description of the command. Replaying a key with a different fingerprint is a
    /// client bug (the same key reused for another command), not a retry.
    pub fn fingerprint(&self) -> String {
        match self {
            Command::Transfer {
                from,
                to,
                amount,
                memo,
            } => format!(
                "transfer|{from}|{to}|{amount}|{}",
                memo.as_deref().unwrap_or_default()
            ),
            Command::Hold {
                certificate,
                amount,
            } => format!("hold|{certificate}|{amount}"),
            Command::Capture {
                certificate,
                provider,
                amount,
            } => format!("capture|{certificate}|{provider}|{amount}"),
            Command::Release {
                certificate,
                amount,
            } => format!("release|{certificate}|{amount}"),
            Command::Adjust {
                account,
                funding,
                amount,
                reason,
            } => format!("adjust|{account}|{funding}|{amount}|{}", reason.trim()),
        }
    }
}

fn move_value(
    kind: TransactionKind,
    from: AccountRef,
    to: AccountRef,
    amount: Money,
    memo: Option<String>,
) -> Result<Entry, LedgerError> {
    if !amount.is_positive() {
        return Err(LedgerError::NonPositiveAmount(amount));
    }
    Entry::new(
        kind,
        vec![
            Posting {
                account: from,
                amount: amount.checked_neg()?,
            },
            Posting {
                account: to,
                amount,
            },
        ],
        memo,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rub(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Rub)
    }

    fn account(kind: AccountKind) -> AccountRef {
        AccountRef::new(kind, Uuid::from_u128(7))
    }

    #[test]
    fn unbalanced_entries_cannot_be_built() {
        let postings = vec![
            Posting {
                account: account(AccountKind::Budget),
                amount: rub(-100),
            },
            Posting {
                account: account(AccountKind::Available),
                amount: rub(99),
            },
        ];
        assert_eq!(
            Entry::new(TransactionKind::Transfer, postings, None),
            Err(LedgerError::Unbalanced {
                currency: Currency::Rub,
                sum: -1
            })
        );
    }

    #[test]
    fn currencies_balance_separately() {
        let uah = Money::from_minor(100, Currency::Uah);
        let postings = vec![
            Posting {
                account: account(AccountKind::Budget),
                amount: rub(-100),
            },
            Posting {
                account: account(AccountKind::Available),
                amount: uah,
            },
        ];
        assert!(matches!(
            Entry::new(TransactionKind::Transfer, postings, None),
            Err(LedgerError::Unbalanced { .. })
        ));
    }

    #[test]
    fn degenerate_entries_are_refused() {
        let one = vec![Posting {
            account: account(AccountKind::Budget),
            amount: rub(5),
        }];
        assert_eq!(
            Entry::new(TransactionKind::Transfer, one, None),
            Err(LedgerError::TooFewPostings)
        );
        let zeros = vec![
            Posting {
                account: account(AccountKind::Budget),
                amount: rub(0),
            },
            Posting {
                account: account(AccountKind::Held),
                amount: rub(0),
            },
        ];
        assert_eq!(
            Entry::new(TransactionKind::Transfer, zeros, None),
            Err(LedgerError::ZeroPosting)
        );
    }

    #[test]
    fn a_hold_moves_available_to_held_of_the_same_certificate() {
        let certificate = Uuid::from_u128(42);
        let entry = Command::Hold {
            certificate,
            amount: rub(100_000),
        }
        .entry()
        .unwrap();
        assert_eq!(entry.kind(), TransactionKind::Hold);
        assert_eq!(
            entry.postings(),
            &[
                Posting {
                    account: AccountRef::new(AccountKind::Available, certificate),
                    amount: rub(-100_000)
                },
                Posting {
                    account: AccountRef::new(AccountKind::Held, certificate),
                    amount: rub(100_000)
                },
            ]
        );
    }

    #[test]
    fn commands_refuse_nonsense() {
        let certificate = Uuid::from_u128(1);
        assert!(matches!(
            Command::Hold {
                certificate,
                amount: rub(0)
            }
            .entry(),
            Err(LedgerError::NonPositiveAmount(_))
        ));
        assert!(matches!(
            Command::Release {
                certificate,
                amount: rub(-5)
            }
            .entry(),
            Err(LedgerError::NonPositiveAmount(_))
        ));
        let same = account(AccountKind::Budget);
        assert_eq!(
            Command::Transfer {
                from: same,
                to: same,
                amount: rub(1),
                memo: None
            }
            .entry(),
            Err(LedgerError::SameAccount)
        );
        assert_eq!(
            Command::Adjust {
                account: account(AccountKind::Budget),
                funding: AccountRef::new(AccountKind::Funding, Uuid::from_u128(9)),
                amount: rub(1),
                reason: "  ".to_owned()
            }
            .entry(),
            Err(LedgerError::MissingReason)
        );
    }

    #[test]
    fn idempotency_keys_are_short_visible_ascii() {
        assert!(IdempotencyKey::parse("enroll-2026-11-23-0001").is_ok());
        assert!(IdempotencyKey::parse("").is_err());
        assert!(IdempotencyKey::parse("with space").is_err());
        assert!(IdempotencyKey::parse("ключ").is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(MAX_KEY_LEN + 1)).is_err());
    }

    #[test]
    fn fingerprints_tell_commands_apart() {
        let certificate = Uuid::from_u128(1);
        let a = Command::Hold {
            certificate,
            amount: rub(100),
        };
        let b = Command::Hold {
            certificate,
            amount: rub(101),
        };
        let c = Command::Release {
            certificate,
            amount: rub(100),
        };
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_ne!(a.fingerprint(), c.fingerprint());
        assert_eq!(a.fingerprint(), a.clone().fingerprint());
    }

    proptest! {
        #[test]
        fn every_command_entry_balances_and_its_reversal_cancels_it(
            amount in 1i64..=MAX_AMOUNT_MINOR,
            kind in 0usize..4,
        ) {
            let certificate = Uuid::from_u128(3);
            let provider = Uuid::from_u128(4);
            let command = match kind {
                0 => Command::Hold { certificate, amount: rub(amount) },
                1 => Command::Capture { certificate, provider, amount: rub(amount) },
                2 => Command::Release { certificate, amount: rub(amount) },
                _ => Command::Transfer {
                    from: AccountRef::new(AccountKind::Budget, provider),
                    to: AccountRef::new(AccountKind::Available, certificate),
                    amount: rub(amount),
                    memo: None,
                },
            };
            let entry = command.entry().unwrap();
            let sum: i128 = entry.postings().iter().map(|p| i128::from(p.amount.minor())).sum();
            prop_assert_eq!(sum, 0);
            let reversal = entry.reversed(None).unwrap();
            for (p, r) in entry.postings().iter().zip(reversal.postings()) {
                prop_assert_eq!(p.account, r.account);
                prop_assert_eq!(i128::from(p.amount.minor()) + i128::from(r.amount.minor()), 0);
            }
        }
    }
}
