//! Bearer API tokens for integrations: created by an authority admin for one role in the
//! authority, shown once, stored only as a SHA-256 fingerprint, revocable at any time.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use socert_domain::identity::Role;
use socert_domain::{AuthorityId, Timestamp, TokenId, UserId, secret};
use socert_store::audit::{Actor, ActorKind};
use socert_store::identity::{ApiToken, NewToken};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenRequest {
    /// What the token is for, e.g. the integration's name.
    #[schema(example = "Regional payments gateway")]
    pub name: String,
    /// `officer`, `auditor` or `admin`.
    #[schema(example = "auditor")]
    pub role: String,
    /// Days until the token stops working (default: never).
    pub expires_in_days: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenDto {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub created_by: Option<Uuid>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl From<&ApiToken> for TokenDto {
    fn from(t: &ApiToken) -> Self {
        Self {
            id: t.id.as_uuid(),
            name: t.name.clone(),
            role: t.role.to_string(),
            created_by: t.created_by.map(|u| u.as_uuid()),
            created_at: t.created_at.to_string(),
            expires_at: t.expires_at.map(|t| t.to_string()),
            revoked_at: t.revoked_at.map(|t| t.to_string()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedToken {
    pub token: TokenDto,
    /// The secret, shown this once: send it as `Authorization: Bearer <secret>`.
    pub secret: String,
}

/// The authority's API tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/tokens", tag = "tokens",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = Vec<TokenDto>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_tokens(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<Vec<TokenDto>>, ApiError> {
    let tokens = state.store.tokens_of(authority).await?;
    Ok(Json(tokens.iter().map(TokenDto::from).collect()))
}

/// Creates a token; the response carries its secret, which cannot be read again.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/tokens", tag = "tokens",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    request_body = NewTokenRequest,
    responses((status = 201, body = CreatedToken), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create_token(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<NewTokenRequest>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    let role: Role = body
        .role
        .parse()
        .map_err(|e| ApiError::invalid("role", e))?;
    if !matches!(role, Role::Officer | Role::Auditor | Role::Admin) {
        return Err(ApiError::invalid(
            "role",
            "a token acts as officer, auditor or admin",
        ));
    }
    let name = body.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::invalid(
            "name",
            "give a name of 1 to 200 characters",
        ));
    }
    let expires_at = body
        .expires_in_days
        .map(|days| {
            Timestamp::now().checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days)))
        })
        .transpose()
        .map_err(|_| ApiError::invalid("expires_in_days", "too far in the future"))?;
    let secret = secret::new_token("sct_").map_err(|_| ApiError::Internal)?;
    let created_by = match actor.kind {
        ActorKind::User => actor.id.as_deref().and_then(|id| id.parse::<UserId>().ok()),
        _ => None,
    };
    let token = state
        .store
        .create_token(
            NewToken {
                token_hash: secret::fingerprint(&secret),
                authority,
                role,
                name,
                created_by,
                expires_at,
            },
            &actor,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            token: TokenDto::from(&token),
            secret,
        }),
    ))
}

/// Revokes a token: it stops working at once.
#[utoipa::path(delete, path = "/api/v1/authorities/{authority_id}/tokens/{token_id}", tag = "tokens",
    params(("authority_id" = Uuid, Path, description = "Authority id"), ("token_id" = Uuid, Path, description = "Token id")),
    responses((status = 200, body = TokenDto), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_token(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, TokenId)>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<TokenDto>, ApiError> {
    let token = state.store.revoke_token(authority, id, &actor).await?;
    Ok(Json(TokenDto::from(&token)))
}
