//! Authentication and authorization, in one place.
//!
//! `authenticate` turns a session cookie or a bearer token into a [`Caller`] (and checks the CSRF
//! token of cookie-authenticated writes); `authorize` looks the matched route up in the policy
//! table (`api::policy::POLICY`) and lets the request through only if the caller's roles allow
//! the route's action in the route's authority. Handlers never check permissions themselves.

use std::net::SocketAddr;

use axum::extract::connect_info::ConnectInfo;
use axum::extract::{MatchedPath, RawPathParams, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use socert_domain::identity::{Decision, Grant, Principal};
use socert_domain::{AuthorityId, Timestamp, secret};
use socert_store::audit::{Actor, ActorKind};
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::api::policy::{Access, policy_for};
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "socert_session";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Sessions end this long after sign-in.
pub const SESSION_HOURS: i64 = 12;

/// Who is calling, as established by `authenticate`.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    /// Signed in with a browser session.
    Session {
        principal: Principal,
        token_hash: Vec<u8>,
        csrf_token: String,
    },
    /// An integration with a bearer API token.
    Token {
        principal: Principal,
    },
}

impl Caller {
    pub fn principal(&self) -> Option<&Principal> {
        match self {
            Caller::Anonymous => None,
            Caller::Session { principal, .. } | Caller::Token { principal } => Some(principal),
        }
    }

    /// The audit record's actor for this caller acting in `role`.
    pub fn actor(&self, decision: Option<Decision>, request_id: Option<String>) -> Actor {
        let role = match decision {
            Some(Decision::Allow(role)) => Some(role),
            _ => None,
        };
        let (kind, id) = match self {
            Caller::Anonymous => (ActorKind::Anonymous, None),
            Caller::Session { principal, .. } => {
                (ActorKind::User, principal.user.map(|u| u.to_string()))
            }
            Caller::Token { principal } => {
                (ActorKind::Token, principal.token.map(|t| t.to_string()))
            }
        };
        Actor {
            kind,
            id,
            role,
            request_id,
        }
    }
}

pub fn request_id(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The client's address, for throttling sign-in per address.
pub fn client_ip(connect: Option<&ConnectInfo<SocketAddr>>) -> String {
    connect.map_or_else(
        || "unknown".to_owned(),
        |ConnectInfo(addr)| addr.ip().to_string(),
    )
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub async fn authenticate(
    State(state): State<AppState>,
    jar: CookieJar,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let now = Timestamp::now();
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let caller = if let Some(value) = bearer {
        // The scheme name is case-insensitive (RFC 9110, section 11.1).
        let token = value
            .get(..7)
            .filter(|scheme| scheme.eq_ignore_ascii_case("bearer "))
            .and_then(|_| value.get(7..))
            .ok_or(ApiError::Unauthenticated)?;
        let found = state
            .store
            .token(&secret::fingerprint(token.trim()), now)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        let grant = Grant::new(found.role, Some(found.authority), None)
            .map_err(|_| ApiError::Unauthenticated)?;
        Caller::Token {
            principal: Principal {
                user: None,
                token: Some(found.id),
                grants: vec![grant],
            },
        }
    } else {
        session_caller(&state, &jar, now).await?
    };
    // A browser attaches the cookie to any request, even one another site makes it send; only a
    // page of ours knows the CSRF token. Bearer tokens are never sent implicitly.
    if let Caller::Session { csrf_token, .. } = &caller
        && is_write(request.method())
    {
        let sent = request
            .headers()
            .get(CSRF_HEADER)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        if !bool::from(sent.ct_eq(csrf_token.as_bytes())) {
            return Err(ApiError::CsrfFailed);
        }
    }
    request.extensions_mut().insert(caller);
    Ok(next.run(request).await)
}

/// The caller a browser's session cookie names, or `Anonymous` without a live session. The portal
/// pages use this too, so both front doors share one notion of being signed in.
pub async fn session_caller(
    state: &AppState,
    jar: &CookieJar,
    now: Timestamp,
) -> Result<Caller, ApiError> {
    let Some(cookie) = jar.get(SESSION_COOKIE) else {
        return Ok(Caller::Anonymous);
    };
    let token_hash = secret::fingerprint(cookie.value());
    Ok(match state.store.session(&token_hash, now).await? {
        Some(session) => Caller::Session {
            principal: Principal {
                user: Some(session.user.id),
                token: None,
                grants: session.user.grants,
            },
            token_hash,
            csrf_token: session.csrf_token,
        },
        // An expired or ended session is simply no session.
        None => Caller::Anonymous,
    })
}

pub async fn authorize(
    matched: MatchedPath,
    params: RawPathParams,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(access) = policy_for(request.method(), matched.as_str()) else {
        // Fail closed: a route nobody wrote a policy for is refused, and the test suite fails.
        tracing::error!(route = matched.as_str(), "route has no access policy");
        return Err(ApiError::Internal);
    };
    let caller = request
        .extensions()
        .get::<Caller>()
        .cloned()
        .unwrap_or(Caller::Anonymous);
    let request_id = request_id(request.headers());
    let decision = match access {
        Access::Public => None,
        Access::SignedIn => {
            if !matches!(caller, Caller::Session { .. }) {
                return Err(ApiError::Unauthenticated);
            }
            None
        }
        Access::Allowed(action) => {
            let principal = caller.principal().ok_or(ApiError::Unauthenticated)?;
            let authority = params
                .iter()
                .find(|(name, _)| *name == "authority_id")
                .map(|(_, value)| value.parse::<AuthorityId>())
                .transpose()
                .map_err(|e| ApiError::bad_parameter("authority_id", e))?;
            Some(allowed(
                principal.decide(action, authority),
                action,
                "authority",
            )?)
        }
        Access::ForProvider(action) => {
            let principal = caller.principal().ok_or(ApiError::Unauthenticated)?;
            let provider = params
                .iter()
                .find(|(name, _)| *name == "provider_id")
                .map(|(_, value)| value.parse::<uuid::Uuid>())
                .transpose()
                .map_err(|e| ApiError::bad_parameter("provider_id", e))?
                .ok_or(ApiError::Internal)?;
            Some(allowed(
                principal.decide_for_provider(action, provider),
                action,
                "provider",
            )?)
        }
    };
    let actor = caller.actor(decision, request_id);
    request.extensions_mut().insert(actor);
    Ok(next.run(request).await)
}

/// A decision as the caller sees it: allowed, not found (no role where the object lives), or
/// forbidden (a role there, but not this permission).
fn allowed(
    decision: Decision,
    action: socert_domain::identity::Action,
    scope: &'static str,
) -> Result<Decision, ApiError> {
    match decision {
        Decision::Allow(_) => Ok(decision),
        Decision::Hidden => Err(ApiError::NotFound(scope)),
        Decision::Forbidden => Err(ApiError::Forbidden(action)),
    }
}
