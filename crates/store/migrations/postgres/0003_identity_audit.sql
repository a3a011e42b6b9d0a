-- Users, role grants, browser sessions, API tokens, login throttling, and the hash-chained audit
-- log. Secrets are never stored: sessions and tokens by SHA-256, passwords as argon2id PHC strings.

CREATE TABLE users (
    id UUID PRIMARY KEY NOT NULL,
    login TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_at_us BIGINT NOT NULL,
    CONSTRAINT users_login_unique UNIQUE (login)
);

-- authority_id and subject_id hold the nil UUID when the grant has no such scope, so that the
-- primary key treats "none" as a value (NULLs would never collide).
CREATE TABLE user_roles (
    user_id UUID NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('superadmin', 'admin', 'officer', 'auditor', 'provider', 'recipient')),
    authority_id UUID NOT NULL,
    subject_id UUID NOT NULL,
    granted_at_us BIGINT NOT NULL,
    PRIMARY KEY (user_id, role, authority_id, subject_id)
);

CREATE INDEX user_roles_by_authority ON user_roles (authority_id, user_id);

CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    expires_at_us BIGINT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id UUID PRIMARY KEY NOT NULL,
    token_hash BYTEA NOT NULL,
    authority_id UUID NOT NULL REFERENCES authorities (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'auditor')),
    name TEXT NOT NULL,
    created_by UUID REFERENCES users (id),
    created_at_us BIGINT NOT NULL,
    expires_at_us BIGINT,
    revoked_at_us BIGINT,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash)
);

CREATE INDEX api_tokens_by_authority ON api_tokens (authority_id, created_at_us);

-- Failed sign-ins per account (`login:...`) and per client address (`ip:...`).
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    blocked_until_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL
);

-- One chain per authority (the nil UUID for deployment-wide events). The head row is locked by
-- every append, which orders the events of a chain.
CREATE TABLE audit_heads (
    chain UUID PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL,
    hash BYTEA NOT NULL
);

CREATE TABLE audit_events (
    id UUID PRIMARY KEY NOT NULL,
    chain UUID NOT NULL,
    seq BIGINT NOT NULL,
    at_us BIGINT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    role TEXT,
    action TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    request_id TEXT,
    diff TEXT NOT NULL,
    prev_hash BYTEA NOT NULL,
    hash BYTEA NOT NULL,
    CONSTRAINT audit_events_seq_unique UNIQUE (chain, seq)
);

CREATE INDEX audit_events_by_time ON audit_events (chain, at_us);

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
