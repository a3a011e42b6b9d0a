//! The ledger in storage: accounts with cached balances, append-only transactions and postings.
//!
//! How a command posts (the same on both backends):
//! 1. insert the transaction row under its idempotency key (`ON CONFLICT DO NOTHING`); no row back
//!    means the key was used before: return that transaction if the command is the same, refuse
//!    if it is not;
//! 2. move each account's balance with a conditional UPDATE (`balance + delta >= 0` unless the
//!    account may go negative), in ascending account-id order so that concurrent commands lock
//!    rows in one fixed order and cannot deadlock; no row back means insufficient funds, and the
//!    whole transaction rolls back;
//! 3. append the postings with the running balance the UPDATE returned (`move_and_post`, the one
//!    step written per backend: a single data-modifying CTE on PostgreSQL, two statements on
//!    SQLite where a round trip costs nothing).
//!
//! On PostgreSQL the UPDATE holds the row lock until commit, and a second UPDATE of the same row
//! re-checks its condition against the committed balance; on SQLite `BEGIN IMMEDIATE` makes the
//! whole command exclusive. Transient failures (serialization, deadlock, busy) are retried a few
//! times with backoff before the caller sees them.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use socert_domain::ledger::{AccountRef, Command, Entry, IdempotencyKey, TransactionKind};
use socert_domain::{AuthorityId, Currency, Money, Timestamp};
use uuid::Uuid;

use crate::audit::Actor;
use crate::{Error, Page, PageRequest, Result};

/// Attempts per command, counting the first.
pub(crate) const MAX_ATTEMPTS: u32 = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub account: AccountRef,
    pub balance: Money,
    /// Number of postings on this account.
    pub postings: i64,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPosting {
    pub account: AccountRef,
    pub amount: Money,
    pub balance_after: Money,
    /// This posting's number in its account's history (1, 2, 3, ...).
    pub seq: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerTransaction {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub kind: TransactionKind,
    pub idempotency_key: String,
    pub reverses: Option<Uuid>,
    pub memo: Option<String>,
    pub created_at: Timestamp,
    pub postings: Vec<StoredPosting>,
}

/// The result of a command: the transaction, and whether it was posted earlier under the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub transaction: LedgerTransaction,
    pub replayed: bool,
}

/// One line of an account's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    pub seq: i64,
    pub transaction_id: Uuid,
    pub kind: TransactionKind,
    pub memo: Option<String>,
    pub at: Timestamp,
    pub amount: Money,
    pub balance_after: Money,
}

/// What `socert verify` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub accounts: i64,
    pub transactions: i64,
    pub violations: Vec<Violation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Which invariant: `unbalanced_transaction`, `too_few_postings`, `balance_mismatch`,
    /// `running_balance_mismatch`, `negative_balance`, `authority_not_zero`.
    pub rule: &'static str,
    pub subject: String,
    pub detail: String,
}

/// What a command posts: a ready entry, or the reversal of an earlier transaction (whose postings
/// are read inside the same database transaction).
#[derive(Debug, Clone)]
pub(crate) enum Plan {
    Entry(Entry),
    Reverse {
        transaction: Uuid,
        memo: Option<String>,
    },
}

#[async_trait]
pub trait LedgerStore {
    /// Opens an account (idempotent: opening it again returns the existing one).
    async fn open_account(
        &self,
        authority: AuthorityId,
        account: AccountRef,
        currency: Currency,
    ) -> Result<Account>;

    async fn account(&self, authority: AuthorityId, account: AccountRef) -> Result<Account>;

    /// Posts a command once per idempotency key, without an audit event: for commands that are
    /// part of a larger command audited itself (an enrollment's hold), jobs and benchmarks.
    async fn post(
        &self,
        authority: AuthorityId,
        key: &IdempotencyKey,
        command: &Command,
    ) -> Result<Posted> {
        self.post_as(authority, key, command, None).await
    }

    /// [`LedgerStore::post`], and with `audit` also recorded in the audit log in the same
    /// transaction (commands a person issues directly, such as an officer's adjustment).
    async fn post_as(
        &self,
        authority: AuthorityId,
        key: &IdempotencyKey,
        command: &Command,
        audit: Option<&Actor>,
    ) -> Result<Posted>;

    /// Posts the exact opposite of an earlier transaction. A transaction is reversed at most once.
    async fn reverse(
        &self,
        authority: AuthorityId,
        key: &IdempotencyKey,
        transaction: Uuid,
        memo: Option<String>,
    ) -> Result<Posted> {
        self.reverse_as(authority, key, transaction, memo, None)
            .await
    }

    /// [`LedgerStore::reverse`], recorded in the audit log when `audit` is given.
    async fn reverse_as(
        &self,
        authority: AuthorityId,
        key: &IdempotencyKey,
        transaction: Uuid,
        memo: Option<String>,
        audit: Option<&Actor>,
    ) -> Result<Posted>;

    async fn ledger_transaction(
        &self,
        authority: AuthorityId,
        id: Uuid,
    ) -> Result<LedgerTransaction>;

    /// An account's postings, newest first; the page key is the posting number.
    async fn history(
        &self,
        authority: AuthorityId,
        account: AccountRef,
        page: &PageRequest<i64>,
    ) -> Result<Page<HistoryLine, i64>>;

    /// Checks every ledger invariant over one authority, or over all of them.
    async fn verify_ledger(&self, authority: Option<AuthorityId>) -> Result<VerifyReport>;
}

/// Account ids and currencies never change once opened, so they are remembered to save a query
/// per account per command. Cleared on wipe.
#[derive(Default)]
pub(crate) struct AccountCache(Mutex<HashMap<(AuthorityId, AccountRef), (Uuid, Currency)>>);

impl AccountCache {
    pub(crate) fn get(
        &self,
        authority: AuthorityId,
        account: AccountRef,
    ) -> Option<(Uuid, Currency)> {
        self.0.lock().ok()?.get(&(authority, account)).copied()
    }

    pub(crate) fn put(
        &self,
        authority: AuthorityId,
        account: AccountRef,
        id: Uuid,
        currency: Currency,
    ) {
        if let Ok(mut map) = self.0.lock() {
            map.insert((authority, account), (id, currency));
        }
    }

    pub(crate) fn clear(&self) {
        if let Ok(mut map) = self.0.lock() {
            map.clear();
        }
    }
}

/// Transient failures worth retrying: PostgreSQL serialization failure and deadlock, SQLite busy
/// or locked (primary codes 5 and 6, in any extended form).
pub(crate) fn is_transient(err: &Error) -> bool {
    let Error::Database(sqlx::Error::Database(db)) = err else {
        return false;
    };
    match db.code().as_deref() {
        Some("40001" | "40P01") => true,
        Some(code) => code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6)),
        None => false,
    }
}

/// Backoff before attempt `attempt` (1-based retries): 2, 4, 8... ms plus up to 100% jitter.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let base = 2u64 << attempt.min(8);
    let jitter = u64::from(Uuid::now_v7().as_u128() as u16) % base.max(1);
    Duration::from_millis(base + jitter)
}

/// Sums an entry's postings per account, in lock order: descending account id. Any fixed order
/// prevents deadlocks; descending takes the oldest accounts last, and the oldest are the shared,
/// contended ones (an authority's funding, a program's budget, opened before the certificates
/// drawing on them), so their row locks are held for the shortest time before commit.
pub(crate) fn deltas(
    postings: &[(Uuid, AccountRef, Money)],
) -> Result<Vec<(Uuid, AccountRef, Money)>> {
    let mut merged: Vec<(Uuid, AccountRef, Money)> = Vec::with_capacity(postings.len());
    let mut sorted = postings.to_vec();
    sorted.sort_by_key(|(id, _, _)| std::cmp::Reverse(*id));
    for (id, account, amount) in sorted {
        match merged.last_mut() {
            Some((last, _, sum)) if *last == id => {
                *sum = sum
                    .checked_add(amount)
                    .map_err(socert_domain::ledger::LedgerError::from)?;
            }
            _ => merged.push((id, account, amount)),
        }
    }
    merged.retain(|(_, _, amount)| amount.minor() != 0);
    Ok(merged)
}

macro_rules! impl_ledger {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::LedgerStore for $store {
            async fn open_account(
                &self,
                authority: socert_domain::AuthorityId,
                account: socert_domain::ledger::AccountRef,
                currency: socert_domain::Currency,
            ) -> $crate::Result<$crate::ledger::Account> {
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::sql::OPEN_ACCOUNT)
                    .bind(uuid::Uuid::now_v7())
                    .bind(authority.as_uuid())
                    .bind(account.kind.as_str())
                    .bind(account.owner)
                    .bind(currency.code())
                    .bind($crate::rows::micros($crate::rows::now()))
                    .execute(&mut *tx)
                    .await
                    .map_err(|err| match err.as_database_error() {
                        Some(db) if db.is_foreign_key_violation() => {
                            $crate::Error::NotFound { what: "authority" }
                        }
                        _ => err.into(),
                    })?;
                tx.commit().await?;
                let opened = self.account(authority, account).await?;
                if opened.balance.currency() != currency {
                    return Err($crate::Error::Conflict(format!(
                        "account {account} is already open in {}",
                        opened.balance.currency()
                    )));
                }
                Ok(opened)
            }

            async fn account(
                &self,
                authority: socert_domain::AuthorityId,
                account: socert_domain::ledger::AccountRef,
            ) -> $crate::Result<$crate::ledger::Account> {
                let row: Option<$crate::rows::AccountRow> = sqlx::query_as($crate::sql::GET_ACCOUNT)
                    .bind(authority.as_uuid())
                    .bind(account.kind.as_str())
                    .bind(account.owner)
                    .fetch_optional(&self.pool)
                    .await?;
                row.ok_or($crate::Error::NotFound { what: "account" })?.into_domain()
            }

            async fn post_as(
                &self,
                authority: socert_domain::AuthorityId,
                key: &socert_domain::ledger::IdempotencyKey,
                command: &socert_domain::ledger::Command,
                audit: Option<&$crate::audit::Actor>,
            ) -> $crate::Result<$crate::ledger::Posted> {
                let entry = command.entry()?;
                let fingerprint = command.fingerprint();
                self.apply_with_retries(authority, key, &fingerprint, &$crate::ledger::Plan::Entry(entry), audit)
                    .await
            }

            async fn reverse_as(
                &self,
                authority: socert_domain::AuthorityId,
                key: &socert_domain::ledger::IdempotencyKey,
                transaction: uuid::Uuid,
                memo: Option<String>,
                audit: Option<&$crate::audit::Actor>,
            ) -> $crate::Result<$crate::ledger::Posted> {
                let fingerprint = format!(
                    "reverse|{transaction}|{}",
                    memo.as_deref().unwrap_or_default()
                );
                let plan = $crate::ledger::Plan::Reverse { transaction, memo };
                self.apply_with_retries(authority, key, &fingerprint, &plan, audit).await
            }

            async fn ledger_transaction(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::ledger::LedgerTransaction> {
                let mut conn = self.pool.acquire().await?;
                $crate::ledger::load_transaction!(&mut *conn, authority, id)
            }

            async fn history(
                &self,
                authority: socert_domain::AuthorityId,
                account: socert_domain::ledger::AccountRef,
                page: &$crate::PageRequest<i64>,
            ) -> $crate::Result<$crate::Page<$crate::ledger::HistoryLine, i64>> {
                let found = self.account(authority, account).await?;
                let rows: Vec<$crate::rows::HistoryRow> = sqlx::query_as($crate::sql::ACCOUNT_HISTORY)
                    .bind(found.id)
                    .bind(page.after)
                    .bind(i64::from(page.limit) + 1)
                    .fetch_all(&self.pool)
                    .await?;
                let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
                let mut items = rows
                    .into_iter()
                    .map(|row| row.into_domain(found.balance.currency()))
                    .collect::<$crate::Result<Vec<_>>>()?;
                let has_more = items.len() > limit;
                items.truncate(limit);
                let next = if has_more { items.last().map(|line| line.seq) } else { None };
                Ok($crate::Page { items, next })
            }

            async fn verify_ledger(
                &self,
                authority: Option<socert_domain::AuthorityId>,
            ) -> $crate::Result<$crate::ledger::VerifyReport> {
                use $crate::ledger::Violation;
                let scope = authority.map(|a| a.as_uuid());
                let mut report = $crate::ledger::VerifyReport::default();
                (report.accounts, report.transactions) = sqlx::query_as($crate::sql::V_COUNTS)
                    .bind(scope)
                    .fetch_one(&self.pool)
                    .await?;
                let unbalanced: Vec<(uuid::Uuid, String, i64)> = sqlx::query_as($crate::sql::V_UNBALANCED)
                    .bind(scope)
                    .fetch_all(&self.pool)
                    .await?;
                for (id, currency, sum) in unbalanced {
                    report.violations.push(Violation {
                        rule: "unbalanced_transaction",
                        subject: format!("transaction {id}"),
                        detail: format!("postings in {currency} sum to {sum}, not 0"),
                    });
                }
                let thin: Vec<(uuid::Uuid, i64)> = sqlx::query_as($crate::sql::V_TOO_FEW_POSTINGS)
                    .bind(scope)
                    .fetch_all(&self.pool)
                    .await?;
                for (id, count) in thin {
                    report.violations.push(Violation {
                        rule: "too_few_postings",
                        subject: format!("transaction {id}"),
                        detail: format!("has {count} postings; at least 2 are needed"),
                    });
                }
                let mismatched: Vec<(uuid::Uuid, String, uuid::Uuid, i64, i64, i64, i64)> =
                    sqlx::query_as($crate::sql::V_BALANCES)
                        .bind(scope)
                        .fetch_all(&self.pool)
                        .await?;
                for (id, kind, owner, balance, posted, last_seq, count) in mismatched {
                    report.violations.push(Violation {
                        rule: "balance_mismatch",
                        subject: format!("account {kind}:{owner} ({id})"),
                        detail: format!(
                            "cached balance {balance} but postings sum to {posted}; {last_seq} postings numbered, {count} stored"
                        ),
                    });
                }
                let running: Vec<(uuid::Uuid, i64)> = sqlx::query_as($crate::sql::V_RUNNING)
                    .bind(scope)
                    .fetch_all(&self.pool)
                    .await?;
                for (account, seq) in running {
                    report.violations.push(Violation {
                        rule: "running_balance_mismatch",
                        subject: format!("account {account}, posting {seq}"),
                        detail: "balance_after differs from the sum of postings up to it".to_owned(),
                    });
                }
                let negative: Vec<(uuid::Uuid, String, uuid::Uuid, i64)> = sqlx::query_as($crate::sql::V_NEGATIVE)
                    .bind(scope)
                    .fetch_all(&self.pool)
                    .await?;
                for (id, kind, owner, balance) in negative {
                    report.violations.push(Violation {
                        rule: "negative_balance",
                        subject: format!("account {kind}:{owner} ({id})"),
                        detail: format!("balance {balance} is below zero"),
                    });
                }
                let totals: Vec<(uuid::Uuid, String, i64)> = sqlx::query_as($crate::sql::V_AUTHORITY_TOTALS)
                    .bind(scope)
                    .fetch_all(&self.pool)
                    .await?;
                for (authority, currency, total) in totals {
                    report.violations.push(Violation {
                        rule: "authority_not_zero",
                        subject: format!("authority {authority}"),
                        detail: format!(
                            "balances in {currency} sum to {total}; funding must mirror everything allocated"
                        ),
                    });
                }
                Ok(report)
            }
        }

        impl $store {
            async fn apply_with_retries(
                &self,
                authority: socert_domain::AuthorityId,
                key: &socert_domain::ledger::IdempotencyKey,
                fingerprint: &str,
                plan: &$crate::ledger::Plan,
                audit: Option<&$crate::audit::Actor>,
            ) -> $crate::Result<$crate::ledger::Posted> {
                let mut attempt = 1;
                loop {
                    match self.apply(authority, key, fingerprint, plan, audit).await {
                        Err(err) if attempt < $crate::ledger::MAX_ATTEMPTS && $crate::ledger::is_transient(&err) => {
                            tracing::debug!(attempt, error = %err, "ledger command retried");
                            tokio::time::sleep($crate::ledger::backoff(attempt)).await;
                            attempt += 1;
                        }
                        result => return result,
                    }
                }
            }

            /// The account id and currency of `account`, from the cache or the database.
            async fn resolve_account(
                &self,
                authority: socert_domain::AuthorityId,
                account: socert_domain::ledger::AccountRef,
            ) -> $crate::Result<(uuid::Uuid, socert_domain::Currency)> {
                if let Some(found) = self.accounts.get(authority, account) {
                    return Ok(found);
                }
                let row: Option<(uuid::Uuid, String)> = sqlx::query_as($crate::sql::ACCOUNT_ID)
                    .bind(authority.as_uuid())
                    .bind(account.kind.as_str())
                    .bind(account.owner)
                    .fetch_optional(&self.pool)
                    .await?;
                let (id, currency) = row.ok_or_else(|| $crate::Error::NoAccount(account))?;
                let currency: socert_domain::Currency = currency
                    .parse()
                    .map_err(|_| $crate::Error::Corrupt(format!("unknown currency {currency:?}")))?;
                self.accounts.put(authority, account, id, currency);
                Ok((id, currency))
            }

            async fn apply(
                &self,
                authority: socert_domain::AuthorityId,
                key: &socert_domain::ledger::IdempotencyKey,
                fingerprint: &str,
                plan: &$crate::ledger::Plan,
                audit: Option<&$crate::audit::Actor>,
            ) -> $crate::Result<$crate::ledger::Posted> {
                use socert_domain::ledger::TransactionKind;
                // Resolve accounts of a ready entry before taking any lock.
                let mut resolved = Vec::new();
                if let $crate::ledger::Plan::Entry(entry) = plan {
                    for posting in entry.postings() {
                        let (id, currency) = self.resolve_account(authority, posting.account).await?;
                        if currency != posting.amount.currency() {
                            return Err(socert_domain::ledger::LedgerError::from(
                                socert_domain::MoneyError::CurrencyMismatch {
                                    left: currency,
                                    right: posting.amount.currency(),
                                },
                            )
                            .into());
                        }
                        resolved.push((id, posting.account, posting.amount));
                    }
                }
                let id = uuid::Uuid::now_v7();
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let (kind, memo, reverses) = match plan {
                    $crate::ledger::Plan::Entry(entry) => (entry.kind(), entry.memo().map(str::to_owned), None),
                    $crate::ledger::Plan::Reverse { transaction, memo } => {
                        (TransactionKind::Reversal, memo.clone(), Some(*transaction))
                    }
                };
                let inserted: Option<uuid::Uuid> = sqlx::query_scalar($crate::sql::INSERT_TRANSACTION)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .bind(kind.as_str())
                    .bind(key.as_str())
                    .bind(fingerprint)
                    .bind(reverses)
                    .bind(memo.as_deref())
                    .bind($crate::rows::micros(now))
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(|err| {
                        if $crate::error::is_unique_violation(
                            &err,
                            "ledger_transactions_reversed_once",
                            "ledger_transactions.reverses",
                        ) {
                            $crate::Error::AlreadyReversed(reverses.unwrap_or_default())
                        } else if err.as_database_error().is_some_and(|db| db.is_foreign_key_violation()) {
                            $crate::Error::NotFound { what: "transaction" }
                        } else {
                            err.into()
                        }
                    })?;
                if inserted.is_none() {
                    // The key was used before: a retry of the same command gets its first result.
                    let (first, first_fingerprint): (uuid::Uuid, String) =
                        sqlx::query_as($crate::sql::TRANSACTION_BY_KEY)
                            .bind(authority.as_uuid())
                            .bind(key.as_str())
                            .fetch_one(&mut *tx)
                            .await?;
                    if first_fingerprint != fingerprint {
                        return Err($crate::Error::IdempotencyConflict);
                    }
                    let transaction = $crate::ledger::load_transaction!(&mut *tx, authority, first)?;
                    tx.rollback().await?;
                    return Ok($crate::ledger::Posted { transaction, replayed: true });
                }
                if let $crate::ledger::Plan::Reverse { transaction, .. } = plan {
                    let original = $crate::ledger::load_transaction!(&mut *tx, authority, *transaction)?;
                    if original.kind == TransactionKind::Reversal {
                        return Err($crate::Error::NotReversible);
                    }
                    for posting in &original.postings {
                        let (account_id, _) = self.resolve_account(authority, posting.account).await?;
                        let amount = posting
                            .amount
                            .checked_neg()
                            .map_err(socert_domain::ledger::LedgerError::from)?;
                        resolved.push((account_id, posting.account, amount));
                    }
                }
                let mut postings = Vec::with_capacity(resolved.len());
                for (account_id, account, delta) in $crate::ledger::deltas(&resolved)? {
                    let moved = Self::move_and_post(&mut tx, account_id, delta.minor(), id).await?;
                    let (balance_after, seq) = moved.ok_or($crate::Error::InsufficientFunds {
                        account,
                        requested: socert_domain::Money::from_minor(-delta.minor(), delta.currency()),
                    })?;
                    postings.push($crate::ledger::StoredPosting {
                        account,
                        amount: delta,
                        balance_after: socert_domain::Money::from_minor(balance_after, delta.currency()),
                        seq,
                    });
                }
                if let Some(actor) = audit {
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: kind.audit_action(),
                        object_kind: "ledger_transaction",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "memo": memo,
                            "reverses": reverses,
                            "postings": postings.iter().map(|p| serde_json::json!({
                                "account": p.account.to_string(),
                                "amount_minor": p.amount.minor(),
                            })).collect::<Vec<_>>(),
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                }
                tx.commit().await?;
                postings.sort_by_key(|p| (p.amount.minor(), p.account));
                Ok($crate::ledger::Posted {
                    transaction: $crate::ledger::LedgerTransaction {
                        id,
                        authority_id: authority,
                        kind,
                        idempotency_key: key.as_str().to_owned(),
                        reverses,
                        memo,
                        created_at: now,
                        postings,
                    },
                    replayed: false,
                })
            }
        }
    };
}

/// Reads a transaction with its postings through `$executor` (a connection or a transaction).
macro_rules! load_transaction {
    ($executor:expr, $authority:expr, $id:expr) => {{
        let authority: socert_domain::AuthorityId = $authority;
        let id: uuid::Uuid = $id;
        let conn = $executor;
        let head: Option<$crate::rows::TransactionRow> =
            sqlx::query_as($crate::sql::GET_TRANSACTION)
                .bind(id)
                .bind(authority.as_uuid())
                .fetch_optional(&mut *conn)
                .await?;
        match head {
            None => Err($crate::Error::NotFound {
                what: "transaction",
            }),
            Some(head) => {
                let postings: Vec<$crate::rows::PostingRow> =
                    sqlx::query_as($crate::sql::POSTINGS_OF_TRANSACTION)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?;
                head.into_domain(postings)
            }
        }
    }};
}

pub(crate) use impl_ledger;
pub(crate) use load_transaction;
