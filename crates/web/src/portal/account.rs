//! Signing in and out from the browser, with the API's sessions: the same cookie, the same
//! password check, throttling and audit (the API's handlers do the work).

use std::net::SocketAddr;

use askama::Template;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Extension, Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;
use socert_domain::identity::{Principal, Role};
use socert_domain::secret;

use super::{Ctx, Failure, Layout, safe_next};
use crate::AppState;
use crate::api::session::{SignIn, sign_in, sign_out};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;

/// The sign-in form has no session to take a CSRF token from, so it uses a double-submit token:
/// a random value in this cookie and in a hidden field. Another site can make a browser post the
/// form but can neither read nor set the cookie, so the two cannot match.
const LOGIN_CSRF_COOKIE: &str = "socert_login_csrf";

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    login: Option<String>,
    password: Option<String>,
    csrf: Option<String>,
    next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LogoutForm {
    csrf: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/login.html")]
struct LoginPage {
    layout: Layout,
    login: String,
    next: String,
    csrf: String,
    /// Said next to the password field (and summarised above the form).
    error: Option<String>,
}

/// The form, with a fresh double-submit token in the cookie and the page.
fn login_page(
    ctx: &Ctx,
    jar: CookieJar,
    status: StatusCode,
    login: String,
    next: Option<&str>,
    error: Option<String>,
) -> Result<Response, Failure> {
    // Keep a token the browser has, so that two open sign-in tabs do not void each other's form;
    // after a mismatch the caller has dropped it and a new one is made.
    let token = match jar.get(LOGIN_CSRF_COOKIE).map(|c| c.value().to_owned()) {
        Some(token) if !token.is_empty() => token,
        _ => secret::new_token("").map_err(|_| Failure::Internal)?,
    };
    let cookie = Cookie::build((LOGIN_CSRF_COOKIE, token.clone()))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/login");
    let title = if error.is_some() {
        ctx.t("portal-login-title-error")
    } else {
        ctx.t("portal-login-title")
    };
    let page = LoginPage {
        layout: ctx.layout(title),
        login,
        next: safe_next(next).unwrap_or_default().to_owned(),
        csrf: token,
        error,
    };
    Ok((status, jar.add(cookie), super::html(&page)?).into_response())
}

pub async fn login_form(
    ctx: Ctx,
    jar: CookieJar,
    query: Result<Query<NextQuery>, QueryRejection>,
) -> Response {
    let next = query.ok().and_then(|Query(q)| q.next);
    let result = login_page(
        &ctx,
        jar,
        StatusCode::OK,
        String::new(),
        next.as_deref(),
        None,
    );
    ctx.respond(result)
}

/// Where someone lands after signing in when no page asked for it: their cabinet.
fn home_of(principal: Option<&Principal>) -> &'static str {
    match principal {
        Some(p) if super::reads_programs(p) => "/cabinet/officer",
        Some(p) if p.grants.iter().any(|g| g.role == Role::Recipient) => "/cabinet/certificates",
        Some(p) if super::works_for_provider(p) => "/cabinet/provider",
        _ => "/",
    }
}

pub async fn login(
    ctx: Ctx,
    State(state): State<AppState>,
    jar: CookieJar,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = login_submit(&ctx, state, jar, headers, connect, form).await;
    ctx.respond(result)
}

async fn login_submit(
    ctx: &Ctx,
    state: AppState,
    jar: CookieJar,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    form: LoginForm,
) -> Result<Response, Failure> {
    let login = form.login.unwrap_or_default();
    let next = form.next.as_deref();
    let cookie_token = jar
        .get(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if !super::same_secret(form.csrf.as_deref().unwrap_or_default(), &cookie_token) {
        // Most often a form left open past a restart of the browser: say so and offer a new one.
        let error = Some(ctx.t("portal-login-error-expired"));
        let jar = jar.remove(Cookie::build(LOGIN_CSRF_COOKIE).path("/login"));
        return login_page(ctx, jar, StatusCode::FORBIDDEN, login, next, error);
    }
    let body = SignIn {
        login: login.trim().to_owned(),
        password: form.password.unwrap_or_default(),
    };
    match sign_in(
        State(state.clone()),
        jar.clone(),
        headers,
        connect,
        ApiJson(body),
    )
    .await
    {
        Ok(signed_in) => {
            let target = match safe_next(next) {
                Some(next) => next.to_owned(),
                None => {
                    // The session just made is the one the next page will see; read its roles.
                    let session = set_cookies(&signed_in).into_iter().find_map(|c| {
                        Cookie::parse(c)
                            .ok()
                            .filter(|c| c.name() == crate::auth::SESSION_COOKIE)
                            .map(|c| c.value().to_owned())
                    });
                    match session {
                        Some(token) => home_after_sign_in(&state, &token).await?.to_owned(),
                        None => "/".to_owned(),
                    }
                }
            };
            let mut response = Redirect::to(&target).into_response();
            copy_set_cookies(&signed_in, &mut response);
            Ok(response)
        }
        Err(ApiError::InvalidCredentials) => {
            let error = Some(ctx.t("portal-login-error-credentials"));
            login_page(ctx, jar, StatusCode::UNAUTHORIZED, login, next, error)
        }
        Err(ApiError::TooManyAttempts { retry_after_secs }) => {
            let error = Some(crate::i18n::message(
                ctx.locale,
                "portal-login-error-throttled",
                &[("seconds", retry_after_secs.into())],
            ));
            login_page(ctx, jar, StatusCode::TOO_MANY_REQUESTS, login, next, error)
        }
        Err(other) => Err(other.into()),
    }
}

/// The cabinet of the user a fresh session token belongs to: the page context was made before
/// sign-in and knows no roles yet.
async fn home_after_sign_in(state: &AppState, token: &str) -> Result<&'static str, Failure> {
    let session = state
        .store
        .session(&secret::fingerprint(token), socert_domain::Timestamp::now())
        .await?;
    let principal = session.map(|s| Principal {
        user: Some(s.user.id),
        token: None,
        grants: s.user.grants,
    });
    Ok(home_of(principal.as_ref()))
}

fn set_cookies(response: &Response) -> Vec<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

fn copy_set_cookies(from: &Response, to: &mut Response) {
    for value in from.headers().get_all(header::SET_COOKIE) {
        to.headers_mut().append(header::SET_COOKIE, value.clone());
    }
}

pub async fn logout(
    ctx: Ctx,
    State(state): State<AppState>,
    jar: CookieJar,
    form: Result<Form<LogoutForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = logout_submit(&ctx, state, jar, form).await;
    ctx.respond(result)
}

async fn logout_submit(
    ctx: &Ctx,
    state: AppState,
    jar: CookieJar,
    form: LogoutForm,
) -> Result<Response, Failure> {
    let Caller::Session { csrf_token, .. } = &ctx.caller else {
        // Already signed out (another tab, an expired session): nothing to end.
        return Ok(Redirect::to("/").into_response());
    };
    if !super::same_secret(form.csrf.as_deref().unwrap_or_default(), csrf_token) {
        return Err(Failure::Forbidden);
    }
    let actor = ctx.caller.actor(None, ctx.request_id.clone());
    let signed_out = sign_out(
        State(state),
        Extension(ctx.caller.clone()),
        Extension(actor),
        jar,
    )
    .await?;
    let mut response = Redirect::to("/").into_response();
    copy_set_cookies(&signed_out, &mut response);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use socert_domain::AuthorityId;
    use socert_domain::identity::Grant;

    use super::*;

    fn principal(role: Role, subject: bool) -> Principal {
        let authority = (role != Role::Superadmin).then(AuthorityId::new);
        let subject = subject.then(uuid::Uuid::now_v7);
        Principal {
            user: None,
            token: None,
            grants: vec![Grant::new(role, authority, subject).unwrap()],
        }
    }

    #[test]
    fn each_role_lands_where_it_may_go() {
        assert_eq!(home_of(None), "/");
        for (role, subject, home) in [
            (Role::Officer, false, "/cabinet/officer"),
            (Role::Auditor, false, "/cabinet/officer"),
            (Role::Superadmin, false, "/cabinet/officer"),
            // An admin manages users, not programs: the dashboard would refuse them.
            (Role::Admin, false, "/"),
            (Role::Recipient, true, "/cabinet/certificates"),
        ] {
            assert_eq!(home_of(Some(&principal(role, subject))), home, "{role}");
        }
        let provider = Principal {
            user: None,
            token: None,
            grants: vec![Grant::new(Role::Provider, None, Some(uuid::Uuid::now_v7())).unwrap()],
        };
        assert_eq!(home_of(Some(&provider)), "/cabinet/provider");
    }
}
