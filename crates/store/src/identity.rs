//! Users, their role grants, browser sessions, API tokens and sign-in throttling.
//!
//! Only hashes of session and token secrets are stored; the web layer makes the secrets, hashes
//! them and hands the hashes here.

use async_trait::async_trait;
use socert_domain::identity::{Grant, Login, Role};
use socert_domain::{AuthorityId, Timestamp, TokenId, UserId};
use uuid::Uuid;

use crate::audit::Actor;
use crate::{Error, Result};

/// Failures allowed before sign-in slows down.
pub const FREE_FAILURES: i64 = 5;
/// The longest wait between attempts.
pub const MAX_BLOCK_SECONDS: i64 = 15 * 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub login: Login,
    pub display_name: String,
    pub active: bool,
    pub created_at: Timestamp,
    pub grants: Vec<Grant>,
}

/// What sign-in checks a password against.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: UserId,
    pub password_hash: String,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub login: Login,
    pub display_name: String,
    pub password_hash: String,
    pub grants: Vec<Grant>,
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: Vec<u8>,
    pub user: UserId,
    pub csrf_token: String,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: TokenId,
    pub authority: AuthorityId,
    pub role: Role,
    pub name: String,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

#[derive(Debug, Clone)]
pub struct NewToken {
    pub token_hash: Vec<u8>,
    pub authority: AuthorityId,
    pub role: Role,
    pub name: String,
    pub created_by: Option<UserId>,
    pub expires_at: Option<Timestamp>,
}

#[async_trait]
pub trait IdentityStore {
    async fn create_user(&self, new: NewUser, actor: &Actor) -> Result<User>;
    async fn user(&self, id: UserId) -> Result<User>;
    async fn credentials(&self, login: &Login) -> Result<Option<Credentials>>;
    /// Users holding any role in `authority`.
    async fn users_of(&self, authority: AuthorityId) -> Result<Vec<User>>;
    async fn grant(&self, user: UserId, grant: Grant, actor: &Actor) -> Result<User>;
    async fn revoke(&self, user: UserId, grant: Grant, actor: &Actor) -> Result<User>;
    /// Deactivates a user and ends all their sessions at once.
    async fn deactivate(
        &self,
        user: UserId,
        chain: Option<AuthorityId>,
        actor: &Actor,
    ) -> Result<User>;

    async fn create_session(&self, session: NewSession, actor: &Actor) -> Result<()>;
    /// The live session with this token hash (user active, not expired).
    async fn session(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<Session>>;
    async fn end_session(&self, token_hash: &[u8], actor: &Actor) -> Result<()>;

    async fn create_token(&self, new: NewToken, actor: &Actor) -> Result<ApiToken>;
    /// The live token with this hash (not revoked, not expired).
    async fn token(&self, token_hash: &[u8], now: Timestamp) -> Result<Option<ApiToken>>;
    async fn tokens_of(&self, authority: AuthorityId) -> Result<Vec<ApiToken>>;
    async fn revoke_token(
        &self,
        authority: AuthorityId,
        id: TokenId,
        actor: &Actor,
    ) -> Result<ApiToken>;

    /// When sign-in under any of `keys` may be tried again, if it is blocked now.
    async fn login_blocked_until(
        &self,
        keys: &[String],
        now: Timestamp,
    ) -> Result<Option<Timestamp>>;
    async fn record_login_failure(&self, keys: &[String], now: Timestamp) -> Result<()>;
    async fn clear_login_failures(&self, keys: &[String]) -> Result<()>;
}

/// How long sign-in under a key is blocked after `failures` failures: nothing for the first
/// five, then 1, 2, 4, ... seconds, at most fifteen minutes.
pub fn block_seconds(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = u32::try_from(failures - FREE_FAILURES)
        .unwrap_or(u32::MAX)
        .min(20);
    (1i64 << doublings).min(MAX_BLOCK_SECONDS)
}

pub(crate) fn scope_ids(grant: &Grant) -> (Uuid, Uuid) {
    (
        grant.authority.map_or(Uuid::nil(), |a| a.as_uuid()),
        grant.subject.unwrap_or(Uuid::nil()),
    )
}

pub(crate) fn grant_from_row(role: &str, authority: Uuid, subject: Uuid) -> Result<Grant> {
    let role: Role = role.parse().map_err(|e| Error::Corrupt(format!("{e}")))?;
    Grant::new(
        role,
        (!authority.is_nil()).then(|| AuthorityId::from_uuid(authority)),
        (!subject.is_nil()).then_some(subject),
    )
    .map_err(|e| Error::Corrupt(e.to_string()))
}

macro_rules! impl_identity {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::IdentityStore for $store {
            async fn create_user(
                &self,
                new: $crate::identity::NewUser,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::identity::User> {
                let id = socert_domain::UserId::new();
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::sql::INSERT_USER)
                    .bind(id.as_uuid())
                    .bind(new.login.as_str())
                    .bind(&new.display_name)
                    .bind(&new.password_hash)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(|err| {
                        if $crate::error::is_unique_violation(&err, "users_login_unique", "users.login") {
                            $crate::Error::Conflict("this login is taken".to_owned())
                        } else {
                            err.into()
                        }
                    })?;
                for grant in &new.grants {
                    let (authority, subject) = $crate::identity::scope_ids(grant);
                    sqlx::query($crate::sql::INSERT_GRANT)
                        .bind(id.as_uuid())
                        .bind(grant.role.as_str())
                        .bind(authority)
                        .bind(subject)
                        .bind($crate::rows::micros(now))
                        .execute(&mut *tx)
                        .await?;
                }
                let chain = new.grants.iter().find_map(|g| g.authority);
                let draft = $crate::audit::Draft {
                    chain,
                    action: "user.create",
                    object_kind: "user",
                    object_id: id.to_string(),
                    diff: serde_json::json!({
                        "after": {
                            "login": new.login.as_str(),
                            "display_name": new.display_name,
                            "grants": new.grants.iter().map(|g| g.role.as_str()).collect::<Vec<_>>(),
                        }
                    }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.user(id).await
            }

            async fn user(&self, id: socert_domain::UserId) -> $crate::Result<$crate::identity::User> {
                let row: Option<$crate::rows::UserRow> = sqlx::query_as($crate::sql::GET_USER)
                    .bind(id.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let row = row.ok_or($crate::Error::NotFound { what: "user" })?;
                let grants: Vec<(String, uuid::Uuid, uuid::Uuid)> = sqlx::query_as($crate::sql::GRANTS_OF_USER)
                    .bind(id.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                row.into_domain(grants)
            }

            async fn credentials(
                &self,
                login: &socert_domain::identity::Login,
            ) -> $crate::Result<Option<$crate::identity::Credentials>> {
                let row: Option<(uuid::Uuid, String, bool)> = sqlx::query_as($crate::sql::CREDENTIALS)
                    .bind(login.as_str())
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(|(id, password_hash, active)| $crate::identity::Credentials {
                    user: socert_domain::UserId::from_uuid(id),
                    password_hash,
                    active,
                }))
            }

            async fn users_of(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::identity::User>> {
                let ids: Vec<uuid::Uuid> = sqlx::query_scalar($crate::sql::USERS_OF_AUTHORITY)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                let mut users = Vec::with_capacity(ids.len());
                for id in ids {
                    users.push(self.user(socert_domain::UserId::from_uuid(id)).await?);
                }
                Ok(users)
            }

            async fn grant(
                &self,
                user: socert_domain::UserId,
                grant: socert_domain::identity::Grant,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::identity::User> {
                let now = $crate::rows::now();
                let (authority, subject) = $crate::identity::scope_ids(&grant);
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::sql::INSERT_GRANT_IF_NEW)
                    .bind(user.as_uuid())
                    .bind(grant.role.as_str())
                    .bind(authority)
                    .bind(subject)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(|err| match err.as_database_error() {
                        Some(db) if db.is_foreign_key_violation() => $crate::Error::NotFound { what: "user" },
                        _ => err.into(),
                    })?;
                let draft = $crate::audit::Draft {
                    chain: grant.authority,
                    action: "user.grant",
                    object_kind: "user",
                    object_id: user.to_string(),
                    diff: serde_json::json!({ "granted": { "role": grant.role.as_str(), "subject": grant.subject } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.user(user).await
            }

            async fn revoke(
                &self,
                user: socert_domain::UserId,
                grant: socert_domain::identity::Grant,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::identity::User> {
                let now = $crate::rows::now();
                let (authority, subject) = $crate::identity::scope_ids(&grant);
                let mut tx = self.begin_write().await?;
                let removed = sqlx::query($crate::sql::DELETE_GRANT)
                    .bind(user.as_uuid())
                    .bind(grant.role.as_str())
                    .bind(authority)
                    .bind(subject)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if removed == 0 {
                    return Err($crate::Error::NotFound { what: "role grant" });
                }
                let draft = $crate::audit::Draft {
                    chain: grant.authority,
                    action: "user.revoke",
                    object_kind: "user",
                    object_id: user.to_string(),
                    diff: serde_json::json!({ "revoked": { "role": grant.role.as_str(), "subject": grant.subject } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.user(user).await
            }

            async fn deactivate(
                &self,
                user: socert_domain::UserId,
                chain: Option<socert_domain::AuthorityId>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::identity::User> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let changed = sqlx::query($crate::sql::DEACTIVATE_USER)
                    .bind(user.as_uuid())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Err($crate::Error::NotFound { what: "user" });
                }
                let ended = sqlx::query($crate::sql::END_SESSIONS_OF_USER)
                    .bind(user.as_uuid())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                let draft = $crate::audit::Draft {
                    chain,
                    action: "user.deactivate",
                    object_kind: "user",
                    object_id: user.to_string(),
                    diff: serde_json::json!({ "before": { "active": true }, "after": { "active": false }, "sessions_ended": ended }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.user(user).await
            }

            async fn create_session(
                &self,
                session: $crate::identity::NewSession,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<()> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::sql::INSERT_SESSION)
                    .bind(&session.token_hash)
                    .bind(session.user.as_uuid())
                    .bind(&session.csrf_token)
                    .bind($crate::rows::micros(now))
                    .bind($crate::rows::micros(session.expires_at))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: None,
                    action: "session.create",
                    object_kind: "user",
                    object_id: session.user.to_string(),
                    diff: serde_json::json!({ "expires_at": session.expires_at.to_string() }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok(())
            }

            async fn session(
                &self,
                token_hash: &[u8],
                now: socert_domain::Timestamp,
            ) -> $crate::Result<Option<$crate::identity::Session>> {
                let row: Option<(uuid::Uuid, String, i64)> = sqlx::query_as($crate::sql::LIVE_SESSION)
                    .bind(token_hash)
                    .bind($crate::rows::micros(now))
                    .fetch_optional(&self.pool)
                    .await?;
                let Some((user, csrf_token, expires_at_us)) = row else {
                    return Ok(None);
                };
                Ok(Some($crate::identity::Session {
                    user: self.user(socert_domain::UserId::from_uuid(user)).await?,
                    csrf_token,
                    expires_at: $crate::rows::timestamp(expires_at_us)?,
                }))
            }

            async fn end_session(&self, token_hash: &[u8], actor: &$crate::audit::Actor) -> $crate::Result<()> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let user: Option<uuid::Uuid> = sqlx::query_scalar($crate::sql::END_SESSION)
                    .bind(token_hash)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(user) = user {
                    let draft = $crate::audit::Draft {
                        chain: None,
                        action: "session.end",
                        object_kind: "user",
                        object_id: user.to_string(),
                        diff: serde_json::json!({}),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn create_token(
                &self,
                new: $crate::identity::NewToken,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::identity::ApiToken> {
                let id = socert_domain::TokenId::new();
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::sql::INSERT_TOKEN)
                    .bind(id.as_uuid())
                    .bind(&new.token_hash)
                    .bind(new.authority.as_uuid())
                    .bind(new.role.as_str())
                    .bind(&new.name)
                    .bind(new.created_by.map(|u| u.as_uuid()))
                    .bind($crate::rows::micros(now))
                    .bind(new.expires_at.map($crate::rows::micros))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(new.authority),
                    action: "token.create",
                    object_kind: "api_token",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": { "role": new.role.as_str(), "name": new.name, "expires_at": new.expires_at.map(|t| t.to_string()) } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok($crate::identity::ApiToken {
                    id,
                    authority: new.authority,
                    role: new.role,
                    name: new.name,
                    created_by: new.created_by,
                    created_at: now,
                    expires_at: new.expires_at,
                    revoked_at: None,
                })
            }

            async fn token(
                &self,
                token_hash: &[u8],
                now: socert_domain::Timestamp,
            ) -> $crate::Result<Option<$crate::identity::ApiToken>> {
                let row: Option<$crate::rows::TokenRow> = sqlx::query_as($crate::sql::LIVE_TOKEN)
                    .bind(token_hash)
                    .bind($crate::rows::micros(now))
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|r| r.into_domain()).transpose()
            }

            async fn tokens_of(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::identity::ApiToken>> {
                let rows: Vec<$crate::rows::TokenRow> = sqlx::query_as($crate::sql::TOKENS_OF_AUTHORITY)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn revoke_token(
                &self,
                authority: socert_domain::AuthorityId,
                id: socert_domain::TokenId,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::identity::ApiToken> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let row: Option<$crate::rows::TokenRow> = sqlx::query_as($crate::sql::REVOKE_TOKEN)
                    .bind(id.as_uuid())
                    .bind(authority.as_uuid())
                    .bind($crate::rows::micros(now))
                    .fetch_optional(&mut *tx)
                    .await?;
                let token = row.ok_or($crate::Error::NotFound { what: "token" })?.into_domain()?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "token.revoke",
                    object_kind: "api_token",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": { "revoked_at": now.to_string() } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok(token)
            }

            async fn login_blocked_until(
                &self,
                keys: &[String],
                now: socert_domain::Timestamp,
            ) -> $crate::Result<Option<socert_domain::Timestamp>> {
                let mut latest: Option<i64> = None;
                for key in keys {
                    let until: Option<i64> = sqlx::query_scalar($crate::sql::THROTTLE_UNTIL)
                        .bind(key)
                        .fetch_optional(&self.pool)
                        .await?;
                    latest = latest.max(until);
                }
                match latest {
                    Some(until) if until > $crate::rows::micros(now) => Ok(Some($crate::rows::timestamp(until)?)),
                    _ => Ok(None),
                }
            }

            async fn record_login_failure(
                &self,
                keys: &[String],
                now: socert_domain::Timestamp,
            ) -> $crate::Result<()> {
                let mut tx = self.begin_write().await?;
                for key in keys {
                    let failures: i64 = sqlx::query_scalar($crate::sql::THROTTLE_FAIL)
                        .bind(key)
                        .bind($crate::rows::micros(now))
                        .fetch_one(&mut *tx)
                        .await?;
                    let until = $crate::rows::micros(now)
                        + $crate::identity::block_seconds(failures) * 1_000_000;
                    sqlx::query($crate::sql::THROTTLE_BLOCK)
                        .bind(key)
                        .bind(until)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn clear_login_failures(&self, keys: &[String]) -> $crate::Result<()> {
                let mut tx = self.begin_write().await?;
                for key in keys {
                    sqlx::query($crate::sql::THROTTLE_CLEAR).bind(key).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_identity;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_slows_down_after_five_failures_up_to_fifteen_minutes() {
        assert_eq!(block_seconds(4), 0);
        assert_eq!(block_seconds(5), 1);
        assert_eq!(block_seconds(6), 2);
        assert_eq!(block_seconds(9), 16);
        assert_eq!(block_seconds(40), MAX_BLOCK_SECONDS);
    }
}
