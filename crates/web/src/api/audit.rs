//! The audit log for auditors: page and filter one authority's events, or export them as CSV.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use socert_domain::{AuthorityId, Timestamp};
use socert_store::PageRequest;
use socert_store::audit::{AuditEvent, AuditFilter};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{CSV, attachment};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiPath, ApiQuery, page_limit, parsed_cursor};

const MAX_PAGE: u32 = 1000;
/// Rows per CSV export; narrow the time range for more.
const MAX_EXPORT: u32 = 100_000;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only events by this user or token id.
    actor_id: Option<String>,
    /// Only events about this kind of object, e.g. `service`, `user`, `ledger_transaction`.
    object_kind: Option<String>,
    object_id: Option<String>,
    /// RFC 3339 instant: events at or after it.
    from: Option<String>,
    /// RFC 3339 instant: events before it.
    to: Option<String>,
    cursor: Option<String>,
    /// Page size, 1 to 1000 (default 100).
    limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventDto {
    pub id: Uuid,
    /// Position in the authority's hash chain, from 1.
    pub seq: i64,
    pub at: String,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub role: Option<String>,
    pub action: String,
    pub object_kind: String,
    pub object_id: String,
    pub request_id: Option<String>,
    /// What changed, as JSON text; personal fields are masked.
    pub diff: String,
    /// SHA-256 of the previous event's hash and this event's content, hex.
    pub hash: String,
}

impl From<&AuditEvent> for AuditEventDto {
    fn from(e: &AuditEvent) -> Self {
        Self {
            id: e.id,
            seq: e.seq,
            at: e.at.to_string(),
            actor_kind: e.actor_kind.clone(),
            actor_id: e.actor_id.clone(),
            role: e.role.clone(),
            action: e.action.clone(),
            object_kind: e.object_kind.clone(),
            object_id: e.object_id.clone(),
            request_id: e.request_id.clone(),
            diff: e.diff.clone(),
            hash: e.hash.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditEventDto>,
    pub next_cursor: Option<String>,
}

fn instant(name: &str, text: Option<&str>) -> Result<Option<Timestamp>, ApiError> {
    text.map(|t| {
        t.parse::<Timestamp>().map_err(|_| {
            ApiError::bad_parameter(
                name,
                "write an RFC 3339 instant such as 2026-11-23T09:00:00Z",
            )
        })
    })
    .transpose()
}

fn filter_and_page(
    query: &AuditQuery,
    default: u32,
    max: u32,
) -> Result<(AuditFilter, PageRequest<i64>), ApiError> {
    let limit = page_limit(query.limit, default, max)?;
    let after = parsed_cursor::<i64>(query.cursor.as_deref())?;
    let filter = AuditFilter {
        actor_id: query.actor_id.clone(),
        object_kind: query.object_kind.clone(),
        object_id: query.object_id.clone(),
        from: instant("from", query.from.as_deref())?,
        to: instant("to", query.to.as_deref())?,
    };
    Ok((filter, PageRequest { after, limit }))
}

/// The authority's audit events, newest first, filtered.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/audit", tag = "audit",
    params(("authority_id" = Uuid, Path, description = "Authority id"), AuditQuery),
    responses((status = 200, body = AuditPage), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_events(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let (filter, page) = filter_and_page(&query, 100, MAX_PAGE)?;
    let found = state
        .store
        .audit_events(Some(authority), &filter, &page)
        .await?;
    Ok(Json(AuditPage {
        items: found.items.iter().map(Into::into).collect(),
        next_cursor: found.next.map(|seq| seq.to_string()),
    }))
}

/// The same events as CSV (UTF-8, header row), newest first, up to 100 000 rows.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/audit.csv", tag = "audit",
    params(("authority_id" = Uuid, Path, description = "Authority id"), AuditQuery),
    responses((status = 200, description = "CSV", content_type = "text/csv"), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn export_events(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Response, ApiError> {
    let (filter, page) = filter_and_page(&query, MAX_EXPORT, MAX_EXPORT)?;
    let found = state
        .store
        .audit_events(Some(authority), &filter, &page)
        .await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    for event in &found.items {
        writer
            .serialize(AuditEventDto::from(event))
            .map_err(|_| ApiError::Internal)?;
    }
    let body = writer.into_inner().map_err(|_| ApiError::Internal)?;
    Ok(attachment(CSV, "audit.csv", body))
}
