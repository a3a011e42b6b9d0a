//! The audit log in storage. Every audited command appends its event inside its own database
//! transaction (`append_audit!`), so the change and its record commit or fail together.

use async_trait::async_trait;
use serde_json::Value;
use socert_domain::identity::Role;
use socert_domain::{AuthorityId, Timestamp};
use uuid::Uuid;

use crate::{Page, PageRequest, Result};

/// Who did it, as recorded in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    /// User id, token id, or the name of a system job.
    pub id: Option<String>,
    pub role: Option<Role>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    User,
    Token,
    System,
    Anonymous,
}

impl ActorKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::User => "user",
            ActorKind::Token => "token",
            ActorKind::System => "system",
            ActorKind::Anonymous => "anonymous",
        }
    }
}

impl Actor {
    /// socert itself: demo loading, scheduled jobs, command-line tools.
    pub fn system(job: &str) -> Self {
        Self {
            kind: ActorKind::System,
            id: Some(job.to_owned()),
            role: None,
            request_id: None,
        }
    }
}

/// What an audited command records about itself.
pub(crate) struct Draft<'a> {
    pub chain: Option<AuthorityId>,
    pub action: &'a str,
    pub object_kind: &'a str,
    pub object_id: String,
    pub diff: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub id: Uuid,
    pub authority: Option<AuthorityId>,
    pub seq: i64,
    pub at: Timestamp,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub role: Option<String>,
    pub action: String,
    pub object_kind: String,
    pub object_id: String,
    pub request_id: Option<String>,
    pub diff: String,
    pub hash: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor_id: Option<String>,
    pub object_kind: Option<String>,
    pub object_id: Option<String>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
}

/// The first place a chain stops adding up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub authority: Option<AuthorityId>,
    pub seq: i64,
    pub event_id: Option<Uuid>,
    pub problem: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditVerification {
    pub chains: usize,
    pub events: i64,
    pub broken: Vec<BrokenLink>,
}

#[async_trait]
pub trait AuditStore {
    /// Events of one authority's chain (or the deployment's, for `None`), newest first; the page
    /// key is the event's sequence number.
    async fn audit_events(
        &self,
        authority: Option<AuthorityId>,
        filter: &AuditFilter,
        page: &PageRequest<i64>,
    ) -> Result<Page<AuditEvent, i64>>;

    /// Recomputes every chain and reports the first broken link of each.
    async fn verify_audit(&self) -> Result<AuditVerification>;
}

/// Field names whose values never reach the audit log in clear.
const SECRET_FIELDS: &[&str] = &["password", "password_hash", "token", "secret", "csrf_token"];
const PERSONAL_FIELDS: &[&str] = &[
    "login",
    "display_name",
    "name",
    "full_name",
    "first_name",
    "last_name",
    "middle_name",
    "birth_date",
    "snils",
    "rnokpp",
    "national_id",
    "phone",
    "email",
    "address",
    "health",
    "needs",
    "diagnosis",
];

/// The diff with secrets removed and personal values masked, recursively.
pub fn masked(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = if SECRET_FIELDS.contains(&key.as_str()) {
                        Value::String("[secret]".to_owned())
                    } else if PERSONAL_FIELDS.contains(&key.as_str()) && !value.is_null() {
                        Value::String("[personal]".to_owned())
                    } else {
                        masked(value)
                    };
                    (key, value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(masked).collect()),
        other => other,
    }
}

pub(crate) fn chain_id(authority: Option<AuthorityId>) -> Uuid {
    authority.map_or(Uuid::nil(), |a| a.as_uuid())
}

/// Appends an audit event in the caller's transaction: bump the chain head (locking it), hash,
/// insert, move the head's hash.
macro_rules! append_audit {
    ($conn:expr, $actor:expr, $draft:expr, $now:expr) => {{
        let actor: &$crate::audit::Actor = $actor;
        let draft: $crate::audit::Draft<'_> = $draft;
        let now: socert_domain::Timestamp = $now;
        let conn = $conn;
        let chain = $crate::audit::chain_id(draft.chain);
        sqlx::query($crate::sql::AUDIT_HEAD_INIT)
            .bind(chain)
            .bind(&socert_domain::audit::GENESIS[..])
            .execute(&mut *conn)
            .await?;
        let (seq, previous): (i64, Vec<u8>) = sqlx::query_as($crate::sql::AUDIT_HEAD_BUMP)
            .bind(chain)
            .fetch_one(&mut *conn)
            .await?;
        let diff = $crate::audit::masked(draft.diff).to_string();
        let chain_text = chain.to_string();
        let role = actor.role.map(|r| r.as_str());
        let content = socert_domain::audit::AuditContent {
            chain: &chain_text,
            seq,
            at: now,
            actor_kind: actor.kind.as_str(),
            actor_id: actor.id.as_deref(),
            role,
            action: draft.action,
            object_kind: draft.object_kind,
            object_id: &draft.object_id,
            request_id: actor.request_id.as_deref(),
            diff: &diff,
        };
        let hash = socert_domain::audit::chain_hash(&previous, &content);
        sqlx::query($crate::sql::AUDIT_INSERT)
            .bind(uuid::Uuid::now_v7())
            .bind(chain)
            .bind(seq)
            .bind($crate::rows::micros(now))
            .bind(actor.kind.as_str())
            .bind(actor.id.as_deref())
            .bind(role)
            .bind(draft.action)
            .bind(draft.object_kind)
            .bind(&draft.object_id)
            .bind(actor.request_id.as_deref())
            .bind(&diff)
            .bind(&previous[..])
            .bind(&hash[..])
            .execute(&mut *conn)
            .await?;
        sqlx::query($crate::sql::AUDIT_HEAD_SET_HASH)
            .bind(chain)
            .bind(&hash[..])
            .execute(&mut *conn)
            .await?;
    }};
}

pub(crate) use append_audit;

macro_rules! impl_audit {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::AuditStore for $store {
            async fn audit_events(
                &self,
                authority: Option<socert_domain::AuthorityId>,
                filter: &$crate::audit::AuditFilter,
                page: &$crate::PageRequest<i64>,
            ) -> $crate::Result<$crate::Page<$crate::audit::AuditEvent, i64>> {
                let rows: Vec<$crate::rows::AuditRow> = sqlx::query_as($crate::sql::AUDIT_LIST)
                    .bind($crate::audit::chain_id(authority))
                    .bind(filter.actor_id.as_deref())
                    .bind(filter.object_kind.as_deref())
                    .bind(filter.object_id.as_deref())
                    .bind(filter.from.map($crate::rows::micros))
                    .bind(filter.to.map($crate::rows::micros))
                    .bind(page.after)
                    .bind(i64::from(page.limit) + 1)
                    .fetch_all(&self.pool)
                    .await?;
                let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
                let mut items = rows
                    .into_iter()
                    .map(|row| row.into_domain())
                    .collect::<$crate::Result<Vec<_>>>()?;
                let has_more = items.len() > limit;
                items.truncate(limit);
                let next = if has_more { items.last().map(|e| e.seq) } else { None };
                Ok($crate::Page { items, next })
            }

            async fn verify_audit(&self) -> $crate::Result<$crate::audit::AuditVerification> {
                let heads: Vec<(uuid::Uuid, i64, Vec<u8>)> =
                    sqlx::query_as($crate::sql::AUDIT_HEADS).fetch_all(&self.pool).await?;
                let mut report = $crate::audit::AuditVerification {
                    chains: heads.len(),
                    ..Default::default()
                };
                for (chain, head_seq, head_hash) in heads {
                    let authority = (!chain.is_nil()).then(|| socert_domain::AuthorityId::from_uuid(chain));
                    let mut previous = socert_domain::audit::GENESIS.to_vec();
                    let mut expected_seq = 1i64;
                    let mut broken = None;
                    'chain: loop {
                        let rows: Vec<$crate::rows::AuditRow> = sqlx::query_as($crate::sql::AUDIT_CHAIN_BATCH)
                            .bind(chain)
                            .bind(expected_seq - 1)
                            .fetch_all(&self.pool)
                            .await?;
                        if rows.is_empty() {
                            break;
                        }
                        for row in rows {
                            let event = row.into_domain()?;
                            report.events += 1;
                            let problem = $crate::audit::check_link(&event, &chain, expected_seq, &previous);
                            if let Some(problem) = problem {
                                broken = Some($crate::audit::BrokenLink {
                                    authority,
                                    seq: event.seq,
                                    event_id: Some(event.id),
                                    problem,
                                });
                                break 'chain;
                            }
                            previous = event.hash.clone();
                            expected_seq += 1;
                        }
                    }
                    if broken.is_none() && (expected_seq - 1 != head_seq || previous != head_hash) {
                        broken = Some($crate::audit::BrokenLink {
                            authority,
                            seq: expected_seq,
                            event_id: None,
                            problem: format!(
                                "the chain ends at event {} but its head says {}: events were removed",
                                expected_seq - 1,
                                head_seq
                            ),
                        });
                    }
                    report.broken.extend(broken);
                }
                Ok(report)
            }
        }
    };
}

pub(crate) use impl_audit;

/// What is wrong with `event` as the link after `previous`, if anything.
pub(crate) fn check_link(
    event: &AuditEvent,
    chain: &Uuid,
    expected_seq: i64,
    previous: &[u8],
) -> Option<String> {
    if event.seq != expected_seq {
        return Some(format!(
            "expected event {expected_seq}, found {}: events were removed",
            event.seq
        ));
    }
    let chain_text = chain.to_string();
    let content = socert_domain::audit::AuditContent {
        chain: &chain_text,
        seq: event.seq,
        at: event.at,
        actor_kind: &event.actor_kind,
        actor_id: event.actor_id.as_deref(),
        role: event.role.as_deref(),
        action: &event.action,
        object_kind: &event.object_kind,
        object_id: &event.object_id,
        request_id: event.request_id.as_deref(),
        diff: &event.diff,
    };
    let recomputed = socert_domain::audit::chain_hash(previous, &content);
    (recomputed[..] != event.hash[..])
        .then(|| "its content no longer matches its hash: the event was edited".to_owned())
}
