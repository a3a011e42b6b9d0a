use axum::Json;
use axum::extract::State;
use socert_domain::AuthorityId;

use crate::AppState;
use crate::api::dto::{AuthorityDto, AuthorityList};
use crate::error::{ApiError, Problem};
use crate::extract::ApiPath;

/// All authorities (tenants) of this deployment.
#[utoipa::path(get, path = "/api/v1/authorities", tag = "authorities",
    responses((status = 200, body = AuthorityList)))]
pub async fn list_authorities(
    State(state): State<AppState>,
) -> Result<Json<AuthorityList>, ApiError> {
    let authorities = state.store.list_authorities().await?;
    Ok(Json(AuthorityList {
        items: authorities.iter().map(AuthorityDto::from).collect(),
    }))
}

/// One authority.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}", tag = "authorities",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses(
        (status = 200, body = AuthorityDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_authority(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<AuthorityId>,
) -> Result<Json<AuthorityDto>, ApiError> {
    let authority = state.store.authority(id).await?;
    Ok(Json(AuthorityDto::from(&authority)))
}
