//! Signing in and out of the browser session.

use axum::Json;
use std::net::SocketAddr;

use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::{Deserialize, Serialize};
use socert_domain::identity::Login;
use socert_domain::{Timestamp, secret};
use socert_store::audit::{Actor, ActorKind};
use socert_store::identity::{NewSession, User};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::auth::{Caller, SESSION_COOKIE, SESSION_HOURS, client_ip, request_id};
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;

/// A hash of a random password nobody knows: verifying against it when the login is unknown costs
/// the same as for a real user, so response time does not reveal which logins exist.
static DECOY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let password = secret::new_token("").unwrap_or_default();
    secret::hash_password(&password).unwrap_or_default()
});

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    #[schema(example = "officer@khabarovsk.demo")]
    pub login: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GrantDto {
    #[schema(example = "officer")]
    pub role: String,
    pub authority_id: Option<Uuid>,
    /// The provider or recipient the role acts for.
    pub subject_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    pub id: Uuid,
    pub login: String,
    pub display_name: String,
    pub active: bool,
    pub created_at: String,
    pub grants: Vec<GrantDto>,
}

impl From<&User> for UserDto {
    fn from(u: &User) -> Self {
        Self {
            id: u.id.as_uuid(),
            login: u.login.to_string(),
            display_name: u.display_name.clone(),
            active: u.active,
            created_at: u.created_at.to_string(),
            grants: u
                .grants
                .iter()
                .map(|g| GrantDto {
                    role: g.role.to_string(),
                    authority_id: g.authority.map(|a| a.as_uuid()),
                    subject_id: g.subject,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionDto {
    pub user: UserDto,
    /// Send as `X-CSRF-Token` with every state-changing request made with the session cookie.
    pub csrf_token: String,
}

/// Signs in with login and password; sets the session cookie. After five failed attempts for a
/// login or from an address, further attempts wait longer and longer (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/session", tag = "session",
    request_body = SignIn,
    responses(
        (status = 200, body = SessionDto, headers(("Set-Cookie" = String))),
        (status = 401, description = "Login or password is wrong", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign_in(
    State(state): State<AppState>,
    jar: CookieJar,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<Response, ApiError> {
    let ip = client_ip(connect.as_ref().map(|Extension(info)| info));
    let secure = is_https(&headers);
    let request_id = request_id(&headers);
    // An impossible login still counts against the address and gets the generic answer.
    let login = Login::parse(&body.login).ok();
    let mut keys = vec![format!("ip:{ip}")];
    if let Some(login) = &login {
        keys.push(format!("login:{login}"));
    }
    let now = Timestamp::now();
    if let Some(until) = state.store.login_blocked_until(&keys, now).await? {
        let wait = until.duration_since(now).as_secs().max(1);
        return Err(ApiError::TooManyAttempts {
            retry_after_secs: u64::try_from(wait).unwrap_or(1),
        });
    }
    let credentials = match &login {
        Some(login) => state.store.credentials(login).await?,
        None => None,
    };
    let password = body.password;
    let stored = credentials
        .as_ref()
        .map_or_else(|| DECOY_HASH.clone(), |c| c.password_hash.clone());
    // argon2 is deliberately slow: keep it off the async workers.
    let matches = tokio::task::spawn_blocking(move || secret::verify_password(&password, &stored))
        .await
        .map_err(|_| ApiError::Internal)?;
    let user = match credentials {
        Some(c) if matches && c.active => c.user,
        _ => {
            state.store.record_login_failure(&keys, now).await?;
            return Err(ApiError::InvalidCredentials);
        }
    };
    state.store.clear_login_failures(&keys).await?;
    let token = secret::new_token("").map_err(|_| ApiError::Internal)?;
    let csrf_token = secret::new_token("").map_err(|_| ApiError::Internal)?;
    let expires_at = now
        .checked_add(jiff::SignedDuration::from_hours(SESSION_HOURS))
        .map_err(|_| ApiError::Internal)?;
    let actor = Actor {
        kind: ActorKind::User,
        id: Some(user.to_string()),
        role: None,
        request_id,
    };
    state
        .store
        .create_session(
            NewSession {
                token_hash: secret::fingerprint(&token),
                user,
                csrf_token: csrf_token.clone(),
                expires_at,
            },
            &actor,
        )
        .await?;
    let user = state.store.user(user).await?;
    let cookie = Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .path("/");
    Ok((
        jar.add(cookie),
        Json(SessionDto {
            user: UserDto::from(&user),
            csrf_token,
        }),
    )
        .into_response())
}

/// The signed-in user and the CSRF token of this session.
#[utoipa::path(get, path = "/api/v1/session", tag = "session",
    responses(
        (status = 200, body = SessionDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn current(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<SessionDto>, ApiError> {
    match caller {
        Caller::Session {
            principal,
            csrf_token,
            ..
        } => {
            let user = principal.user.ok_or(ApiError::Unauthenticated)?;
            let user = state.store.user(user).await?;
            Ok(Json(SessionDto {
                user: UserDto::from(&user),
                csrf_token,
            }))
        }
        _ => Err(ApiError::Unauthenticated),
    }
}

/// Signs out: ends the session at once and clears the cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session",
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Missing or wrong X-CSRF-Token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign_out(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    jar: CookieJar,
) -> Result<Response, ApiError> {
    let Caller::Session { token_hash, .. } = caller else {
        return Err(ApiError::Unauthenticated);
    };
    state.store.end_session(&token_hash, &actor).await?;
    let removal = Cookie::build((SESSION_COOKIE, "")).path("/");
    Ok((jar.remove(removal), axum::http::StatusCode::NO_CONTENT).into_response())
}

/// Behind a TLS-terminating proxy the cookie must be `Secure`.
fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
        || headers
            .get(header::FORWARDED)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("proto=https"))
}
