-- The double-entry ledger (DESIGN.md section 5).
-- Balances are cached on the account row and changed only by conditional UPDATEs in the same
-- transaction as the postings, so "enough money?" is one indexed row check under the write lock
-- rather than a SUM over history; `socert verify` proves the cache equals the postings.

CREATE TABLE ledger_accounts (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    kind TEXT NOT NULL CHECK (kind IN ('funding', 'budget', 'available', 'held', 'payable', 'paid', 'copay')),
    owner_id BLOB NOT NULL,
    currency TEXT NOT NULL,
    balance_minor BIGINT NOT NULL DEFAULT 0,
    -- Number of postings so far; each posting takes the next number, giving a gap-free history.
    last_seq BIGINT NOT NULL DEFAULT 0,
    created_at_us BIGINT NOT NULL,
    CONSTRAINT ledger_accounts_owner_unique UNIQUE (authority_id, kind, owner_id),
    -- Only the authority's funding source may go below zero.
    CONSTRAINT ledger_accounts_non_negative CHECK (kind = 'funding' OR balance_minor >= 0)
);

CREATE TABLE ledger_transactions (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    -- Canonical text of the command; a replayed key must carry the same one.
    fingerprint TEXT NOT NULL,
    reverses BLOB REFERENCES ledger_transactions (id),
    memo TEXT,
    created_at_us BIGINT NOT NULL,
    CONSTRAINT ledger_transactions_key_unique UNIQUE (authority_id, idempotency_key),
    CONSTRAINT ledger_transactions_reversed_once UNIQUE (reverses)
);

CREATE TABLE ledger_postings (
    account_id BLOB NOT NULL REFERENCES ledger_accounts (id),
    seq BIGINT NOT NULL,
    transaction_id BLOB NOT NULL REFERENCES ledger_transactions (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor <> 0),
    balance_after_minor BIGINT NOT NULL,
    PRIMARY KEY (account_id, seq)
);

CREATE INDEX ledger_postings_by_transaction ON ledger_postings (transaction_id);

-- Postings and transactions are append-only: corrections are reversing transactions. The only
-- exception is `socert demo --reset`, which marks its own transaction in ledger_maintenance
-- (invisible to every other transaction) before deleting everything.
CREATE TABLE ledger_maintenance (wiping INTEGER NOT NULL);

CREATE TRIGGER ledger_postings_no_update BEFORE UPDATE ON ledger_postings
BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only'); END;

CREATE TRIGGER ledger_postings_no_delete BEFORE DELETE ON ledger_postings
WHEN NOT EXISTS (SELECT 1 FROM ledger_maintenance)
BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only'); END;

CREATE TRIGGER ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;

CREATE TRIGGER ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions
WHEN NOT EXISTS (SELECT 1 FROM ledger_maintenance)
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;
