//! An authority admin manages the people who work in the authority: creates users, grants and
//! revokes roles, deactivates users (their sessions end at once).

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::Deserialize;
use socert_domain::identity::{Grant, Login, Role, check_new_password};
use socert_domain::{AuthorityId, UserId, secret};
use socert_store::audit::Actor;
use socert_store::identity::NewUser;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::session::UserDto;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, ApiQuery};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    #[schema(example = "m.ivanova@minsoc.khv.example")]
    pub login: String,
    #[schema(example = "Мария Иванова")]
    pub display_name: String,
    /// At least 10 characters.
    pub password: String,
    /// Roles in this authority: `admin`, `officer`, `auditor`, or `provider`/`recipient` with
    /// `subject_id`.
    pub roles: Vec<RoleRequest>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRequest {
    #[schema(example = "officer")]
    pub role: String,
    pub subject_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RevokeQuery {
    /// The provider or recipient, for `provider` and `recipient` roles.
    subject_id: Option<Uuid>,
}

/// A role in this authority. Admins cannot hand out deployment-wide roles.
fn grant_in(
    authority: AuthorityId,
    role: &str,
    subject: Option<Uuid>,
    field: &str,
) -> Result<Grant, ApiError> {
    let role: Role = role.parse().map_err(|e| ApiError::invalid(field, e))?;
    if role == Role::Superadmin {
        return Err(ApiError::invalid(
            field,
            "superadmin is granted with `socert user create --superadmin`",
        ));
    }
    Grant::new(role, Some(authority), subject).map_err(|e| ApiError::invalid(field, e))
}

/// A user with at least one role in `authority`; others are not this admin's business.
async fn member(
    state: &AppState,
    authority: AuthorityId,
    user: UserId,
) -> Result<socert_store::identity::User, ApiError> {
    let found = state.store.user(user).await?;
    if found.grants.iter().any(|g| g.authority == Some(authority)) {
        Ok(found)
    } else {
        Err(ApiError::NotFound("user"))
    }
}

/// Users holding a role in the authority.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/users", tag = "users",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = Vec<UserDto>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_users(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<Vec<UserDto>>, ApiError> {
    let users = state.store.users_of(authority).await?;
    Ok(Json(users.iter().map(UserDto::from).collect()))
}

/// Creates a user with roles in the authority.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/users", tag = "users",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    request_body = NewUserRequest,
    responses(
        (status = 201, body = UserDto),
        (status = 409, description = "The login is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_user(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<NewUserRequest>,
) -> Result<(StatusCode, Json<UserDto>), ApiError> {
    let login = Login::parse(&body.login).map_err(|e| ApiError::invalid("login", e))?;
    let display_name = body.display_name.trim().to_owned();
    if display_name.is_empty() || display_name.chars().count() > 200 {
        return Err(ApiError::invalid(
            "display_name",
            "give a name of 1 to 200 characters",
        ));
    }
    check_new_password(&body.password).map_err(|e| ApiError::invalid("password", e))?;
    if body.roles.is_empty() {
        return Err(ApiError::invalid(
            "roles",
            "give the user at least one role in this authority",
        ));
    }
    let grants = body
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| grant_in(authority, &r.role, r.subject_id, &format!("roles[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let password = body.password;
    let password_hash = tokio::task::spawn_blocking(move || secret::hash_password(&password))
        .await
        .map_err(|_| ApiError::Internal)?
        .map_err(|_| ApiError::Internal)?;
    let user = state
        .store
        .create_user(
            NewUser {
                login,
                display_name,
                password_hash,
                grants,
            },
            &actor,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(UserDto::from(&user))))
}

/// Grants a role in the authority to a user (who may work in other authorities too).
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/users/{user_id}/roles", tag = "users",
    params(("authority_id" = Uuid, Path, description = "Authority id"), ("user_id" = Uuid, Path, description = "User id")),
    request_body = RoleRequest,
    responses((status = 200, body = UserDto), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn grant_role(
    State(state): State<AppState>,
    ApiPath((authority, user)): ApiPath<(AuthorityId, UserId)>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<RoleRequest>,
) -> Result<Json<UserDto>, ApiError> {
    let grant = grant_in(authority, &body.role, body.subject_id, "role")?;
    let user = state.store.grant(user, grant, &actor).await?;
    Ok(Json(UserDto::from(&user)))
}

/// Revokes a role in the authority.
#[utoipa::path(delete, path = "/api/v1/authorities/{authority_id}/users/{user_id}/roles/{role}", tag = "users",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("user_id" = Uuid, Path, description = "User id"),
        ("role" = String, Path, description = "The role to revoke"),
        RevokeQuery,
    ),
    responses((status = 200, body = UserDto), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_role(
    State(state): State<AppState>,
    ApiPath((authority, user, role)): ApiPath<(AuthorityId, UserId, String)>,
    ApiQuery(query): ApiQuery<RevokeQuery>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<UserDto>, ApiError> {
    member(&state, authority, user).await?;
    let grant = grant_in(authority, &role, query.subject_id, "role")?;
    let user = state.store.revoke(user, grant, &actor).await?;
    Ok(Json(UserDto::from(&user)))
}

/// Deactivates a user whose every role is in this authority; all their sessions end at once.
/// A user who also works elsewhere keeps their account: revoke their roles here instead.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/users/{user_id}/deactivate", tag = "users",
    params(("authority_id" = Uuid, Path, description = "Authority id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, body = UserDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The user also works in another authority", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn deactivate_user(
    State(state): State<AppState>,
    ApiPath((authority, user)): ApiPath<(AuthorityId, UserId)>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<UserDto>, ApiError> {
    let found = member(&state, authority, user).await?;
    let elsewhere = found.grants.iter().any(|g| g.authority != Some(authority));
    if elsewhere && actor.role != Some(Role::Superadmin) {
        return Err(ApiError::Conflict(
            "this user also has roles in another authority; revoke their roles here instead"
                .to_owned(),
        ));
    }
    let user = state
        .store
        .deactivate(user, Some(authority), &actor)
        .await?;
    Ok(Json(UserDto::from(&user)))
}
