//! The web portal: server-rendered pages for citizens, recipients and officers in Russian,
//! Ukrainian and English, served by the same binary as the JSON API.
//!
//! Pages work without JavaScript: every form is a plain HTML form, the only stylesheet is
//! `PORTAL_CSS`, the only script is the optional `/static/portal.js` (print and "use my location"
//! buttons), and nothing is inline, so the site's content security policy holds unchanged. Sign-in uses the API's sessions (same cookie, same throttling); data comes from the
//! same store calls the API makes. Failures are HTML pages in the reader's language, never
//! problem documents.

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Multipart, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::CookieJar;
use socert_domain::identity::{Action, Decision, Role};
use socert_domain::{Locale, Money, Timestamp};
use socert_store::audit::Actor;

use crate::AppState;
use crate::auth::{Caller, request_id, session_caller};
use crate::error::ApiError;
use crate::i18n::{message, negotiate};

mod account;
mod cabinet;
mod officer;
mod provider;
mod public;
mod recipient;

/// Where pages expect their stylesheet.
pub const PORTAL_CSS_PATH: &str = "/static/portal.css";
/// The portal's one stylesheet.
pub const PORTAL_CSS: &str = include_str!("../../static/portal.css");
/// The reader's chosen language, once they pick one with `?lang=`.
const LANG_COOKIE: &str = "socert_lang";

/// Every portal page.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(public::home))
        .route("/search", get(public::search))
        .route("/offers/{offer_id}", get(public::offer))
        .route("/providers/{provider_id}", get(public::provider))
        .route("/open-data", get(public::open_data))
        .route("/login", get(account::login_form).post(account::login))
        .route("/logout", post(account::logout))
        .route("/cabinet/certificates", get(cabinet::certificates))
        .route(
            "/cabinet/certificates/{certificate_id}",
            get(cabinet::certificate),
        )
        .merge(officer::routes())
        .merge(provider::routes())
        .route(PORTAL_CSS_PATH, get(stylesheet))
        .merge(recipient::routes())
        .layer(middleware::from_fn(remember_language))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panic_page))
}

/// A bug in a page handler: an HTML page in all three languages (the reader's is not known any
/// more), where the API would answer with a problem document.
fn panic_page(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("portal page panicked");
    let mut body = String::from(
        "<!doctype html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    let title = message(Locale::Ru, "portal-error-internal-title", &[]);
    body.push_str(&format!(
        "<title>{title} · socert</title>\n<link rel=\"stylesheet\" href=\"{PORTAL_CSS_PATH}\">\n\
         </head>\n<body>\n<main id=\"main\" class=\"wrap\">\n<h1>{title}</h1>\n"
    ));
    for locale in Locale::ALL {
        let text = message(locale, "portal-error-internal-text", &[]);
        let home = message(locale, "portal-error-home", &[]);
        body.push_str(&format!(
            "<p lang=\"{}\">{text} <a href=\"/\">{home}</a></p>\n",
            locale.code()
        ));
    }
    body.push_str("</main>\n</body>\n</html>\n");
    (StatusCode::INTERNAL_SERVER_ERROR, html_headers(), body).into_response()
}

/// An address nothing answers: a problem document under the API's paths, a page elsewhere (a
/// person typed or followed it).
pub async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || path == "/api" || path.starts_with("/healthz") {
        return ApiError::NoRoute.into_response();
    }
    let (mut parts, _) = request.into_parts();
    match Ctx::from_request_parts(&mut parts, &state).await {
        Ok(ctx) => ctx.failure(Failure::NotFound),
        Err(response) => response,
    }
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PORTAL_CSS,
    )
        .into_response()
}

/// The `lang` parameter of a query string, if it names one of our languages.
fn lang_param(query: Option<&str>) -> Option<Locale> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "lang")
        .and_then(|(_, value)| Locale::parse(value).ok())
}

/// A language picked with `?lang=` stays picked on later pages: the choice goes into a cookie.
async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = lang_param(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(locale) = chosen {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            locale.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// What every portal handler knows about the request: who asks, in which language, from where.
pub struct Ctx {
    pub locale: Locale,
    pub caller: Caller,
    /// The signed-in user's display name.
    pub user_name: Option<String>,
    pub path: String,
    pub query: Option<String>,
    pub request_id: Option<String>,
    /// Unread notifications of the people a recipient acts for (shown in the navigation).
    pub unread: usize,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let jar = CookieJar::from_headers(&parts.headers);
        let query = parts.uri.query().map(str::to_owned);
        // `?lang=` first (a link of the switcher), then the remembered choice, then the browser's.
        let locale = lang_param(query.as_deref())
            .or_else(|| {
                jar.get(LANG_COOKIE)
                    .and_then(|c| Locale::parse(c.value()).ok())
            })
            .unwrap_or_else(|| {
                let header = parts
                    .headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok());
                negotiate(header, Locale::Ru)
            });
        let mut ctx = Ctx {
            locale,
            caller: Caller::Anonymous,
            user_name: None,
            path: parts.uri.path().to_owned(),
            query,
            request_id: request_id(&parts.headers),
            unread: 0,
        };
        let found = match session_caller(state, &jar, Timestamp::now()).await {
            Ok(caller) => caller,
            Err(err) => return Err(ctx.failure(Failure::from(err))),
        };
        if let Some(user) = found.principal().and_then(|p| p.user) {
            match state.store.user(user).await {
                Ok(user) => ctx.user_name = Some(user.display_name),
                Err(err) => return Err(ctx.failure(Failure::from(err))),
            }
        }
        if let Some(p) = found.principal()
            && p.grants.iter().any(|g| g.role == Role::Recipient)
        {
            ctx.unread = recipient::unread(state, p).await;
        }
        ctx.caller = found;
        Ok(ctx)
    }
}

/// Why a page could not be shown.
#[derive(Debug)]
pub enum Failure {
    NotFound,
    Forbidden,
    /// Not signed in: off to the sign-in page, and back here after.
    SignIn,
    Internal,
}

impl From<ApiError> for Failure {
    fn from(err: ApiError) -> Self {
        match err {
            ApiError::NotFound(_) | ApiError::NoRoute => Failure::NotFound,
            ApiError::Forbidden(_) | ApiError::CsrfFailed => Failure::Forbidden,
            ApiError::Unauthenticated => Failure::SignIn,
            other => {
                tracing::error!(err = %other, "portal page failed");
                Failure::Internal
            }
        }
    }
}

impl From<socert_store::Error> for Failure {
    fn from(err: socert_store::Error) -> Self {
        Failure::from(ApiError::from(err))
    }
}

impl From<askama::Error> for Failure {
    fn from(err: askama::Error) -> Self {
        tracing::error!(%err, "portal template did not render");
        Failure::Internal
    }
}

/// One link of the main navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// One link of the language switcher.
pub struct LangLink {
    pub href: String,
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// What the frame around every page shows: title, navigation, languages, who is signed in.
pub struct Layout {
    pub locale: Locale,
    pub title: String,
    pub user_name: Option<String>,
    /// For the sign-out form.
    pub csrf: String,
    pub nav: Vec<NavLink>,
    pub languages: Vec<LangLink>,
}

impl Layout {
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        message(self.locale, key, &[])
    }
}

/// Whether `principal` may read programs somewhere (an officer, an auditor, a superadmin): the
/// rule of the officer's dashboard, as the API's `programs.read` routes apply it.
pub fn reads_programs(principal: &socert_domain::identity::Principal) -> bool {
    principal.grants.iter().any(|g| {
        matches!(
            principal.decide(Action::ProgramsRead, g.authority),
            Decision::Allow(_)
        )
    })
}

/// Whether `principal` is staff of some provider: the provider's cabinet is theirs.
pub fn works_for_provider(principal: &socert_domain::identity::Principal) -> bool {
    principal
        .grants
        .iter()
        .any(|g| g.role == Role::Provider && g.subject.is_some())
}

/// Language names as their speakers write them: a reader who does not understand the current
/// language still finds their own.
fn language_name(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "Русский",
        Locale::Uk => "Українська",
        Locale::En => "English",
    }
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        message(self.locale, key, &[])
    }

    pub fn money(&self, money: Money) -> String {
        money.format(self.locale)
    }

    pub fn principal(&self) -> Option<&socert_domain::identity::Principal> {
        match &self.caller {
            Caller::Session { principal, .. } => Some(principal),
            _ => None,
        }
    }

    fn reads_programs(&self) -> bool {
        self.principal().is_some_and(reads_programs)
    }

    fn acts_for_recipients(&self) -> bool {
        self.principal()
            .is_some_and(|p| p.grants.iter().any(|g| g.role == Role::Recipient))
    }

    /// This page in `locale`: the same path and query with `lang` replaced.
    fn in_language(&self, locale: Locale) -> String {
        let mut pairs: Vec<&str> = self
            .query
            .as_deref()
            .unwrap_or_default()
            .split('&')
            .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
            .collect();
        let lang = format!("lang={}", locale.code());
        pairs.push(&lang);
        format!("{}?{}", self.path, pairs.join("&"))
    }

    /// The frame of a page titled `title`.
    pub fn layout(&self, title: String) -> Layout {
        let mut nav = vec![
            ("/", "portal-nav-home"),
            ("/search", "portal-nav-search"),
            ("/open-data", "portal-nav-open-data"),
        ];
        if self.acts_for_recipients() {
            nav.push(("/cabinet/certificates", "portal-nav-certificates"));
            nav.push(("/cabinet/enrollments", "portal-recipient-nav-enrollments"));
            nav.push(("/cabinet/deliveries", "portal-recipient-nav-deliveries"));
            nav.push((
                "/cabinet/notifications",
                "portal-recipient-nav-notifications",
            ));
            nav.push(("/cabinet/complaints", "portal-recipient-nav-complaints"));
        }
        if self.reads_programs() {
            nav.push(("/cabinet/officer", "portal-nav-officer"));
        }
        if self.principal().is_some_and(works_for_provider) {
            nav.push(("/cabinet/provider", "portal-nav-provider"));
        }
        let csrf = self.csrf_token();
        Layout {
            locale: self.locale,
            title,
            user_name: self.user_name.clone(),
            csrf,
            nav: nav
                .into_iter()
                .map(|(href, key)| NavLink {
                    href,
                    label: if key == "portal-recipient-nav-notifications" && self.unread > 0 {
                        message(
                            self.locale,
                            "portal-recipient-nav-notifications-unread",
                            &[("count", self.unread.into())],
                        )
                    } else {
                        self.t(key)
                    },
                    current: self.path == href,
                })
                .collect(),
            languages: Locale::ALL
                .into_iter()
                .map(|locale| LangLink {
                    href: self.in_language(locale),
                    code: locale.code(),
                    name: language_name(locale),
                    current: locale == self.locale,
                })
                .collect(),
        }
    }

    /// The session's CSRF token, for the forms of a page; empty when signed out.
    pub fn csrf_token(&self) -> String {
        match &self.caller {
            Caller::Session { csrf_token, .. } => csrf_token.clone(),
            _ => String::new(),
        }
    }

    /// Who is signed in, or off to the sign-in page.
    pub fn signed_in(&self) -> Result<&socert_domain::identity::Principal, Failure> {
        self.principal().ok_or(Failure::SignIn)
    }

    /// A date as the reader writes dates.
    pub fn date(&self, date: socert_domain::Date) -> String {
        crate::i18n::format_date(self.locale, date)
    }

    /// "from – to", as a certificate's validity is written.
    pub fn period(&self, from: socert_domain::Date, to: socert_domain::Date) -> String {
        message(
            self.locale,
            "cert-valid-range",
            &[
                ("from", self.date(from).into()),
                ("to", self.date(to).into()),
            ],
        )
    }

    /// A posted form must carry this session's CSRF token: another site cannot read it.
    pub fn check_csrf(&self, sent: Option<&str>) -> Result<(), Failure> {
        match &self.caller {
            Caller::Session { csrf_token, .. }
                if same_secret(sent.unwrap_or_default(), csrf_token) =>
            {
                Ok(())
            }
            Caller::Session { .. } => Err(Failure::Forbidden),
            _ => Err(Failure::SignIn),
        }
    }

    /// The audit record's actor for this reader acting as `role`.
    pub fn actor(&self, role: Role) -> Actor {
        self.caller
            .actor(Some(Decision::Allow(role)), self.request_id.clone())
    }

    /// The answer for a page that could not be shown.
    pub fn failure(&self, failure: Failure) -> Response {
        let (status, key) = match failure {
            Failure::SignIn => return self.to_sign_in(),
            Failure::NotFound => (StatusCode::NOT_FOUND, "not-found"),
            Failure::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            Failure::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        let page = ErrorPage {
            layout: self.layout(self.t(&format!("portal-error-{key}-title"))),
            text: self.t(&format!("portal-error-{key}-text")),
            request_id: (status == StatusCode::INTERNAL_SERVER_ERROR)
                .then(|| self.request_id.clone())
                .flatten(),
        };
        match page.render() {
            Ok(body) => (status, html_headers(), body).into_response(),
            Err(_) => status.into_response(),
        }
    }

    /// To the sign-in page, coming back to this page after.
    fn to_sign_in(&self) -> Response {
        let here = match &self.query {
            Some(q) => format!("{}?{q}", self.path),
            None => self.path.clone(),
        };
        let next: String = form_urlencoded_component(&here);
        Redirect::to(&format!("/login?next={next}")).into_response()
    }

    /// A page, or the failure page in its place.
    pub fn respond(&self, result: Result<Response, Failure>) -> Response {
        result.unwrap_or_else(|failure| self.failure(failure))
    }
}

/// An id in a page's address; anything else names no page.
pub(super) fn parse_id<T: std::str::FromStr>(text: &str) -> Result<T, Failure> {
    text.parse().map_err(|_| Failure::NotFound)
}

/// A field's problem, shown next to it and named by `aria-describedby`.
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// The problem of `field` among a form's `errors`.
pub(super) fn find_error<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

/// Whether a token sent with a form is the expected one, compared in constant time; an empty one
/// never is.
fn same_secret(sent: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

/// `text` percent-encoded for a query-string value.
pub(crate) fn form_urlencoded_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Pages carry personal data once signed in: no shared cache may keep them.
fn html_headers() -> [(header::HeaderName, &'static str); 2] {
    [
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CACHE_CONTROL, "no-store"),
    ]
}

/// A rendered page as a 200 response.
pub fn html(page: &impl Template) -> Result<Response, Failure> {
    Ok((html_headers(), page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "portal/error.html")]
struct ErrorPage {
    layout: Layout,
    text: String,
    request_id: Option<String>,
}

/// A `next` address to return to after signing in: only a path on this site, so that a link
/// cannot send someone from our sign-in page to another site.
pub fn safe_next(next: Option<&str>) -> Option<&str> {
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.contains('\\')
            && !n.chars().any(char::is_control)
    })
}

/// A file of a multipart form.
pub(super) struct UploadedFile {
    pub(super) name: String,
    pub(super) content_type: String,
    pub(super) bytes: Vec<u8>,
}

/// A multipart form of the portal: its CSRF token, other text fields, and one file (`file`).
#[derive(Default)]
pub(super) struct MultipartForm {
    pub(super) csrf: Option<String>,
    fields: Vec<(String, String)>,
    pub(super) file: Option<UploadedFile>,
    /// The body was cut off at the upload limit.
    pub(super) too_large: bool,
}

impl MultipartForm {
    /// A text field other than `csrf` and `file`.
    pub(super) fn field(&self, name: &str) -> Option<&str> {
        (self.fields.iter())
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Reads a multipart form. A body over the route's limit ends the reading with `too_large` set
/// (the fields before the file, the CSRF token among them, are kept).
pub(super) async fn read_multipart(mut multipart: Multipart) -> MultipartForm {
    let mut form = MultipartForm::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(err) => {
                form.too_large = err.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        };
        match field.name().unwrap_or_default().to_owned().as_str() {
            "csrf" => form.csrf = field.text().await.ok(),
            "file" => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let content_type = field.content_type().unwrap_or_default().to_owned();
                match field.bytes().await {
                    // A browser sends an empty part when no file was chosen.
                    Ok(bytes) if bytes.is_empty() && name.is_empty() => {}
                    Ok(bytes) => {
                        form.file = Some(UploadedFile {
                            name,
                            content_type,
                            bytes: bytes.to_vec(),
                        });
                    }
                    Err(err) => {
                        form.too_large = err.status() == StatusCode::PAYLOAD_TOO_LARGE;
                        form.file = Some(UploadedFile {
                            name,
                            content_type,
                            bytes: Vec::new(),
                        });
                    }
                }
            }
            name => {
                if let Ok(value) = field.text().await {
                    form.fields.push((name.to_owned(), value));
                }
            }
        }
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_are_followed_after_sign_in() {
        for good in ["/", "/cabinet/officer", "/search?q=%D0%B0&sort=price"] {
            assert_eq!(safe_next(Some(good)), Some(good));
        }
        for bad in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "evil",
            "/a\r\nSet-Cookie: x",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?}");
        }
    }

    #[test]
    fn the_lang_parameter_is_read_from_the_query() {
        assert_eq!(lang_param(Some("q=a&lang=uk")), Some(Locale::Uk));
        assert_eq!(lang_param(Some("lang=de")), None);
        assert_eq!(lang_param(None), None);
    }

    #[tokio::test]
    async fn a_panic_gives_a_page_in_every_language() {
        let response = panic_page(Box::new("boom"));
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let page = String::from_utf8(body.to_vec()).unwrap();
        assert_eq!(page.matches("<h1>").count(), 1);
        for locale in Locale::ALL {
            let text = message(locale, "portal-error-internal-text", &[]);
            assert!(page.contains(&text), "{locale}: {page}");
            // Our own messages go in unescaped: they must stay free of markup.
            assert!(!text.contains(['<', '&', '"']), "{locale}");
        }
    }

    #[test]
    fn next_addresses_are_percent_encoded() {
        assert_eq!(
            form_urlencoded_component("/search?q=a b&sort=price"),
            "/search%3Fq%3Da%20b%26sort%3Dprice"
        );
    }
}
