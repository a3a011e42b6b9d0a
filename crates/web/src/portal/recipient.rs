//! The recipient's cabinet: enrolling with an offer (a quote first), enrollments and cancelling
//! them, deliveries to confirm or dispute, the inbox, ratings and complaints.
//!
//! Every action is the API's own shared function (`api::enrollments`, `api::feedback`), so the
//! portal cannot allow what the API refuses. Forms carry the session's CSRF token; the ones that
//! move value or make a record carry an idempotency key made when the form was shown, so a
//! double click or a reload makes one enrollment, not two.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use socert_domain::enrollment::{DeliveryEvent, DeliveryStatus, EnrollmentError, EnrollmentStatus};
use socert_domain::feedback::{ComplaintStatus, Stars};
use socert_domain::identity::{Principal, Role};
use socert_domain::ledger::IdempotencyKey;
use socert_domain::{AuthorityId, CertificateStatus, Date, Units};
use socert_store::enrollments::{Audience, DeliveryRecord, Enrollment, EnrollmentRequest};
use uuid::Uuid;

use super::public::{Fact, fact, offer_title, offers_where};
use super::{Ctx, Failure, FieldError, Layout, find_error, html, parse_id};
use crate::AppState;
use crate::api::dto::today_in;
use crate::api::enrollments::{
    cancel_own, deliveries_of, enroll_own, enrollments_of, notifications_of, own_enrollment,
    quote_own, read_own_notification, resolve_own,
};
use crate::api::feedback::{complain_own, complaints_of, rate_own, withdraw_own};
use crate::api::me::{printable_certificate, represented};
use crate::error::ApiError;
use crate::i18n::message;

/// The recipient's pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cabinet/enroll", get(enroll_form))
        .route("/cabinet/enrollments", get(enrollments).post(enroll))
        .route("/cabinet/enrollments/{id}", get(enrollment))
        .route(
            "/cabinet/enrollments/{id}/cancel",
            get(cancel_form).post(cancel),
        )
        .route("/cabinet/enrollments/{id}/rating", post(rate))
        .route("/cabinet/enrollments/{id}/complaints", post(complain))
        .route("/cabinet/deliveries", get(deliveries))
        .route("/cabinet/deliveries/{id}/confirm", post(confirm))
        .route("/cabinet/deliveries/{id}/dispute", post(dispute))
        .route("/cabinet/notifications", get(notifications))
        .route("/cabinet/notifications/{id}/read", post(read))
        .route("/cabinet/complaints", get(complaints))
        .route("/cabinet/complaints/{id}/withdraw", post(withdraw))
        .route("/cabinet/certificates/{id}/print", get(print))
        .route(PORTAL_JS_PATH, get(script))
        .route("/how-it-works", get(how_it_works))
}

/// Where pages load their one script from.
pub const PORTAL_JS_PATH: &str = "/static/portal.js";
/// Conveniences for browsers that run scripts (print, "use my location"); nothing needs them.
const PORTAL_JS: &str = include_str!("../../static/portal.js");

async fn script() -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/javascript; charset=utf-8",
            ),
            (axum::http::header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PORTAL_JS,
    )
        .into_response()
}

/// How many unread notifications the people `principal` acts for have (for the navigation, on
/// every page: a count, not the inboxes).
pub(super) async fn unread(state: &AppState, principal: &Principal) -> usize {
    let mut unread = 0;
    for (authority, person) in represented(principal) {
        match state
            .store
            .unread_count(authority, Audience::Recipient(person))
            .await
        {
            Ok(count) => unread += usize::try_from(count).unwrap_or(usize::MAX),
            // The count is a courtesy: a page still shows without it.
            Err(_) => return 0,
        }
    }
    unread
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/// The signed-in reader, if they act for at least one person.
fn recipient(ctx: &Ctx) -> Result<&Principal, Failure> {
    let principal = ctx.signed_in()?;
    if represented(principal).is_empty() {
        return Err(Failure::Forbidden);
    }
    Ok(principal)
}

/// A rule's refusal in the reader's words, or `None` when the failure is not theirs to correct.
fn refusal(ctx: &Ctx, err: &ApiError) -> Option<String> {
    let code = match err {
        ApiError::Refused { code, .. } => code.replace('_', "-"),
        ApiError::Enrollment(EnrollmentError::CopayNotAgreed { .. }) => "copay-not-agreed".into(),
        ApiError::Enrollment(EnrollmentError::NotCovered) => "not-covered".into(),
        ApiError::Enrollment(EnrollmentError::ZeroUnits) => "zero-units".into(),
        ApiError::Enrollment(
            EnrollmentError::IllegalTransition { .. }
            | EnrollmentError::IllegalDeliveryTransition { .. },
        ) => "illegal-transition".into(),
        ApiError::Enrollment(EnrollmentError::ReasonRequired { .. }) => "reason-required".into(),
        ApiError::InsufficientFunds(_) => "insufficient-funds".into(),
        ApiError::IdempotencyConflict => "idempotency-key-reused".into(),
        ApiError::Invalid { .. } => "invalid".into(),
        _ => return None,
    };
    let key = format!("portal-recipient-refused-{code}");
    let text = ctx.t(&key);
    Some(if text == key {
        ctx.t("portal-recipient-refused-other")
    } else {
        text
    })
}

/// The person's name for each (authority, person) the reader acts for; reading a file is audited.
async fn names(
    ctx: &Ctx,
    state: &AppState,
    principal: &Principal,
) -> Result<HashMap<Uuid, String>, Failure> {
    let actor = ctx.actor(Role::Recipient);
    let mut out = HashMap::new();
    for (authority, person) in represented(principal) {
        match state.store.recipient_file(authority, person, &actor).await {
            Ok(file) => {
                out.insert(person, file.recipient.details.name.to_string());
            }
            Err(socert_store::Error::NotFound { .. }) => {}
            Err(err) => return Err(err.into()),
        }
    }
    Ok(out)
}

/// One choice of the person picker.
pub struct PersonOption {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

/// The `?person=` filter of the list pages, shown when the reader acts for several people.
#[derive(Debug, Default, Deserialize)]
pub struct PersonQuery {
    person: Option<String>,
}

fn person_picker(
    names: &HashMap<Uuid, String>,
    chosen: Option<Uuid>,
) -> (Vec<PersonOption>, Option<Uuid>) {
    let chosen = chosen.filter(|c| names.contains_key(c));
    let mut options: Vec<PersonOption> = names
        .iter()
        .map(|(id, name)| PersonOption {
            id: id.to_string(),
            name: name.clone(),
            selected: chosen == Some(*id),
        })
        .collect();
    options.sort_by(|a, b| a.name.cmp(&b.name));
    if options.len() < 2 {
        options.clear();
    }
    (options, chosen)
}

fn chosen_person(query: Result<Query<PersonQuery>, QueryRejection>) -> Option<Uuid> {
    query
        .ok()
        .and_then(|Query(q)| q.person)
        .and_then(|p| p.parse().ok())
}

/// Offer titles and provider names by offer id, for the offers of `enrollments`.
async fn offer_titles(
    ctx: &Ctx,
    state: &AppState,
    offers: &[Uuid],
) -> Result<HashMap<Uuid, (String, String)>, Failure> {
    let hits = offers_where(state, |q| q.offers = offers.to_vec()).await?;
    Ok(hits
        .iter()
        .map(|h| {
            (
                h.offer.id,
                (offer_title(ctx.locale, &h.offer), h.provider_name.clone()),
            )
        })
        .collect())
}

async fn provider_name(state: &AppState, id: Uuid) -> Result<String, Failure> {
    Ok(state.store.provider(id).await?.details.short_name)
}

fn enrollment_status(ctx: &Ctx, e: &Enrollment) -> String {
    let status = ctx.t(&format!(
        "portal-recipient-enrollment-{}",
        e.status.as_str()
    ));
    match e.flag.as_deref() {
        Some("ending") => message(
            ctx.locale,
            "portal-recipient-enrollment-ending",
            &[("date", ctx.date(e.ends_on).into())],
        ),
        Some("provider_suspended") => format!(
            "{status} ({})",
            ctx.t("portal-recipient-enrollment-suspended")
        ),
        _ => status,
    }
}

fn delivery_status(ctx: &Ctx, status: DeliveryStatus) -> String {
    ctx.t(&format!(
        "portal-recipient-delivery-{}",
        status.as_str().replace('_', "-")
    ))
}

fn units(ctx: &Ctx, n: Units) -> String {
    message(
        ctx.locale,
        "portal-recipient-units",
        &[("count", n.count().into())],
    )
}

/// A form's page again with its problems, or the failure page when it is not the reader's to fix.
fn refused_or(ctx: &Ctx, err: ApiError) -> Result<String, Failure> {
    refusal(ctx, &err).ok_or_else(|| Failure::from(err))
}

// ---------------------------------------------------------------------------------------------
// Enrolling: the quote, then the enrollment
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct EnrollQuery {
    offer: Option<String>,
    certificate: Option<String>,
    volume: Option<String>,
    starts_on: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct EnrollForm {
    csrf: Option<String>,
    idempotency_key: Option<String>,
    offer: Option<String>,
    certificate: Option<String>,
    volume: Option<String>,
    starts_on: Option<String>,
    copay_agreed: Option<String>,
}

pub struct CertificateOption {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

/// What the enrollment would cost, as the quote says.
pub struct Breakdown {
    pub facts: Vec<Fact>,
    pub copay: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/recipient_enroll.html")]
struct EnrollPage {
    layout: Layout,
    csrf: String,
    offer_id: String,
    offer_title: String,
    offer_href: String,
    provider: String,
    price: String,
    certificates: Vec<CertificateOption>,
    certificate: String,
    volume: String,
    starts_on: String,
    errors: Vec<FieldError>,
    breakdown: Option<Breakdown>,
    idempotency_key: String,
}

impl EnrollPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }
}

pub async fn enroll_form(
    ctx: Ctx,
    State(state): State<AppState>,
    query: Result<Query<EnrollQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let result = enroll_page(&ctx, &state, query, None).await;
    ctx.respond(result)
}

/// What a filled form asks for, or the fields to correct.
fn enroll_request(
    ctx: &Ctx,
    offer: Uuid,
    query: &EnrollQuery,
    copay_agreed: bool,
) -> Result<EnrollmentRequest, Vec<FieldError>> {
    let mut errors = Vec::new();
    let certificate = query.certificate.as_deref().and_then(|c| c.parse().ok());
    if certificate.is_none() {
        errors.push(FieldError {
            field: "certificate".to_owned(),
            message: ctx.t("portal-recipient-error-certificate"),
        });
    }
    let volume = query
        .volume
        .as_deref()
        .map(str::trim)
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|v| (1..=10_000).contains(v))
        .and_then(|v| Units::new(v).ok());
    if volume.is_none() {
        errors.push(FieldError {
            field: "volume".to_owned(),
            message: ctx.t("portal-recipient-error-volume"),
        });
    }
    let starts_on = query
        .starts_on
        .as_deref()
        .and_then(|d| d.trim().parse::<Date>().ok());
    if starts_on.is_none() {
        errors.push(FieldError {
            field: "starts_on".to_owned(),
            message: ctx.t("portal-recipient-error-starts-on"),
        });
    }
    match (certificate, volume, starts_on) {
        (Some(certificate_id), Some(volume), Some(starts_on)) => Ok(EnrollmentRequest {
            certificate_id,
            offer_id: offer,
            volume,
            starts_on,
            ends_on: None,
            copay_agreed,
        }),
        _ => Err(errors),
    }
}

/// The field a refusal is about, so that the message stands next to it.
fn refusal_field(err: &ApiError) -> &'static str {
    match err {
        ApiError::Refused { code, .. } if *code == "outside_validity" => "starts_on",
        ApiError::Enrollment(EnrollmentError::CopayNotAgreed { .. }) => "copay_agreed",
        ApiError::Enrollment(EnrollmentError::ZeroUnits) => "volume",
        _ => "certificate",
    }
}

/// The enroll page: the choices, and with them filled in, the quote and the button to enroll.
/// `posted` is what went wrong when enrolling, to say next to its field.
async fn enroll_page(
    ctx: &Ctx,
    state: &AppState,
    query: EnrollQuery,
    posted: Option<FieldError>,
) -> Result<Response, Failure> {
    let principal = recipient(ctx)?;
    let offer_id = parse_id(query.offer.as_deref().unwrap_or_default())?;
    let hit = offers_where(state, |q| q.offers = vec![offer_id])
        .await?
        .into_iter()
        .next()
        .ok_or(Failure::NotFound)?;
    let authority_id = hit.offer.details.authority_id;
    let authority = state.store.authority(authority_id).await?;
    let names = names(ctx, state, principal).await?;
    // Active certificates of the people the reader acts for, in the offer's region, of programs
    // that pay for the offer's service: no choice that can only be refused.
    let mut options = Vec::new();
    for (authority, person) in represented(principal) {
        if authority != authority_id {
            continue;
        }
        for c in state
            .store
            .certificates_of_recipient(authority, person)
            .await?
        {
            if c.status != CertificateStatus::Active {
                continue;
            }
            let program = state.store.program(c.authority_id, c.program_id).await?;
            if !program
                .spec
                .services
                .contains(&hit.offer.details.service_id)
            {
                continue;
            }
            let label = message(
                ctx.locale,
                "portal-recipient-certificate-option",
                &[
                    ("number", c.number.to_string().into()),
                    ("program", program.spec.name.get(ctx.locale).into()),
                    (
                        "person",
                        names.get(&person).cloned().unwrap_or_default().into(),
                    ),
                    ("available", ctx.money(c.available).into()),
                ],
            );
            options.push((c.id, label));
        }
    }
    let filled = query.volume.is_some() || query.starts_on.is_some();
    let chosen = query
        .certificate
        .as_deref()
        .and_then(|c| c.parse::<Uuid>().ok())
        .filter(|c| options.iter().any(|(id, _)| id == c))
        .or_else(|| (options.len() == 1).then(|| options[0].0));
    let query = EnrollQuery {
        certificate: chosen.map(|c| c.to_string()),
        ..query
    };
    let mut errors = Vec::new();
    let mut breakdown = None;
    if filled && !options.is_empty() {
        match enroll_request(ctx, offer_id, &query, true) {
            Err(found) => errors = found,
            Ok(request) => match quote_own(state, &ctx.caller, &request).await {
                Ok(q) => {
                    let line = |key: &str, value: String| fact(ctx, key, value);
                    let copay = q
                        .quote
                        .copay
                        .is_positive()
                        .then(|| ctx.money(q.quote.copay));
                    breakdown = Some(Breakdown {
                        facts: vec![
                            line(
                                "portal-recipient-price-per-unit",
                                ctx.money(q.price_per_unit),
                            ),
                            line(
                                "portal-recipient-normative-per-unit",
                                ctx.money(q.normative_per_unit),
                            ),
                            line("portal-recipient-volume", units(ctx, q.volume)),
                            line(
                                "portal-recipient-period",
                                ctx.period(q.starts_on, q.ends_on),
                            ),
                            line("portal-recipient-total", ctx.money(q.quote.total)),
                            line("portal-covered", ctx.money(q.quote.covered)),
                            line(
                                "portal-copay",
                                copay.clone().unwrap_or_else(|| ctx.t("portal-no-copay")),
                            ),
                            line("portal-cert-available", ctx.money(q.available)),
                        ],
                        copay,
                    });
                }
                Err(err) => {
                    let field = refusal_field(&err);
                    errors.push(FieldError {
                        field: field.to_owned(),
                        message: refused_or(ctx, err)?,
                    });
                }
            },
        }
    }
    if let Some(e) = posted {
        errors.push(e);
    }
    let title = offer_title(ctx.locale, &hit.offer);
    let heading = if errors.is_empty() {
        message(
            ctx.locale,
            "portal-recipient-enroll-title",
            &[("offer", title.as_str().into())],
        )
    } else {
        message(
            ctx.locale,
            "portal-recipient-enroll-title-errors",
            &[("offer", title.as_str().into())],
        )
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = EnrollPage {
        layout: ctx.layout(heading),
        csrf: ctx.csrf_token(),
        offer_id: offer_id.to_string(),
        offer_href: format!("/offers/{offer_id}"),
        provider: hit.provider_name.clone(),
        price: ctx.money(hit.offer.details.price),
        offer_title: title,
        certificates: options
            .iter()
            .map(|(id, label)| CertificateOption {
                id: id.to_string(),
                label: label.clone(),
                selected: chosen == Some(*id),
            })
            .collect(),
        certificate: chosen.map(|c| c.to_string()).unwrap_or_default(),
        volume: query.volume.clone().unwrap_or_default(),
        starts_on: query
            .starts_on
            .clone()
            .unwrap_or_else(|| today_in(&authority).to_string()),
        errors,
        breakdown,
        idempotency_key: IdempotencyKey::fresh().as_str().to_owned(),
    };
    Ok((status, html(&page)?).into_response())
}

pub async fn enroll(
    ctx: Ctx,
    State(state): State<AppState>,
    form: Result<Form<EnrollForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = enroll_submit(&ctx, &state, form).await;
    ctx.respond(result)
}

async fn enroll_submit(ctx: &Ctx, state: &AppState, form: EnrollForm) -> Result<Response, Failure> {
    recipient(ctx)?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let offer = parse_id(form.offer.as_deref().unwrap_or_default())?;
    let query = EnrollQuery {
        offer: form.offer.clone(),
        certificate: form.certificate.clone(),
        volume: form.volume.clone(),
        starts_on: form.starts_on.clone(),
    };
    let Ok(request) = enroll_request(ctx, offer, &query, form.copay_agreed.is_some()) else {
        // The page shows what to correct.
        return enroll_page(ctx, state, query, None).await;
    };
    let key = form
        .idempotency_key
        .as_deref()
        .and_then(|k| IdempotencyKey::parse(k).ok())
        .ok_or(Failure::Forbidden)?;
    let actor = ctx.actor(Role::Recipient);
    match enroll_own(state, &ctx.caller, &request, &key, &actor).await {
        Ok((e, _)) => Ok(Redirect::to(&format!("/cabinet/enrollments/{}", e.id)).into_response()),
        Err(err) => {
            let field = refusal_field(&err);
            let message = refused_or(ctx, err)?;
            enroll_page(
                ctx,
                state,
                query,
                Some(FieldError {
                    field: field.to_owned(),
                    message,
                }),
            )
            .await
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Enrollments
// ---------------------------------------------------------------------------------------------

pub struct EnrollmentRow {
    pub href: String,
    pub title: String,
    pub provider: String,
    pub person: String,
    pub status: String,
    pub status_code: &'static str,
    pub period: String,
    pub volume: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "portal/recipient_enrollments.html")]
struct EnrollmentsPage {
    layout: Layout,
    people: Vec<PersonOption>,
    rows: Vec<EnrollmentRow>,
}

pub async fn enrollments(
    ctx: Ctx,
    State(state): State<AppState>,
    query: Result<Query<PersonQuery>, QueryRejection>,
) -> Response {
    let result = enrollments_page(&ctx, &state, chosen_person(query)).await;
    ctx.respond(result)
}

async fn enrollments_page(
    ctx: &Ctx,
    state: &AppState,
    person: Option<Uuid>,
) -> Result<Response, Failure> {
    let principal = recipient(ctx)?;
    let names = names(ctx, state, principal).await?;
    let (people, person) = person_picker(&names, person);
    let mut list: Vec<Enrollment> = enrollments_of(state, principal)
        .await?
        .into_iter()
        .filter(|e| person.is_none_or(|p| e.recipient_id == p))
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.created_at));
    let offers: Vec<Uuid> = list.iter().map(|e| e.offer_id).collect();
    let titles = offer_titles(ctx, state, &offers).await?;
    let mut rows = Vec::with_capacity(list.len());
    for e in &list {
        let (title, provider) = match titles.get(&e.offer_id) {
            Some(found) => found.clone(),
            None => (
                ctx.t("portal-recipient-offer-gone"),
                provider_name(state, e.provider_id).await?,
            ),
        };
        rows.push(EnrollmentRow {
            href: format!("/cabinet/enrollments/{}", e.id),
            title,
            provider,
            person: names.get(&e.recipient_id).cloned().unwrap_or_default(),
            status: enrollment_status(ctx, e),
            status_code: e.status.as_str(),
            period: ctx.period(e.starts_on, e.ends_on),
            volume: units(ctx, e.volume),
            total: ctx.money(e.total),
        });
    }
    let page = EnrollmentsPage {
        layout: ctx.layout(ctx.t("portal-recipient-enrollments-title")),
        people,
        rows,
    };
    html(&page)
}

pub struct DeliveryRow {
    pub id: String,
    pub date: String,
    pub units: String,
    pub worker: String,
    pub note: String,
    pub status: String,
    pub status_code: &'static str,
    pub awaiting: bool,
    pub confirm_due: String,
    pub dispute_reason: Option<String>,
    pub enrollment_href: String,
    pub what: String,
}

fn delivery_row(ctx: &Ctx, r: &DeliveryRecord, what: String) -> DeliveryRow {
    let date = match &r.delivered_at {
        Some(at) => format!("{} {at}", ctx.date(r.delivered_on)),
        None => ctx.date(r.delivered_on),
    };
    DeliveryRow {
        id: r.id.to_string(),
        date,
        units: units(ctx, r.units),
        worker: r.worker.clone(),
        note: r.note.clone(),
        status: delivery_status(ctx, r.status),
        status_code: r.status.as_str(),
        awaiting: r.status == DeliveryStatus::Recorded,
        confirm_due: message(
            ctx.locale,
            "portal-recipient-confirm-due",
            &[("date", ctx.date(r.confirm_due_on).into())],
        ),
        dispute_reason: r.dispute_reason.clone(),
        enrollment_href: format!("/cabinet/enrollments/{}", r.enrollment_id),
        what,
    }
}

/// What went wrong with a form of the enrollment page, said next to its field.
#[derive(Default)]
struct EnrollmentErrors {
    rating: Option<String>,
    complaint: Option<String>,
    complaint_text: String,
}

pub struct StarOption {
    pub value: u8,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "portal/recipient_enrollment.html")]
struct EnrollmentPage {
    layout: Layout,
    id: String,
    csrf: String,
    facts: Vec<Fact>,
    offer_href: Option<String>,
    provider_href: String,
    cancellable: bool,
    deliveries: Vec<DeliveryRow>,
    any_awaiting: bool,
    /// Why rating is not possible yet, or `None` when the stars are offered.
    cannot_rate: Option<String>,
    stars: Vec<StarOption>,
    rated: Option<String>,
    rating_error: Option<String>,
    complaint_error: Option<String>,
    complaint_text: String,
    idempotency_key: String,
}

pub async fn enrollment(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let result = enrollment_page(&ctx, &state, &id, EnrollmentErrors::default()).await;
    ctx.respond(result)
}

async fn mine(ctx: &Ctx, state: &AppState, id: &str) -> Result<Enrollment, Failure> {
    recipient(ctx)?;
    let id = parse_id(id)?;
    Ok(own_enrollment(state, &ctx.caller, id).await?)
}

async fn enrollment_page(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    errors: EnrollmentErrors,
) -> Result<Response, Failure> {
    let e = mine(ctx, state, id).await?;
    let titles = offer_titles(ctx, state, &[e.offer_id]).await?;
    let provider = provider_name(state, e.provider_id).await?;
    let (title, offer_href) = match titles.get(&e.offer_id) {
        Some((title, _)) => (title.clone(), Some(format!("/offers/{}", e.offer_id))),
        None => (ctx.t("portal-recipient-offer-gone"), None),
    };
    let records = state
        .store
        .delivery_records_of_enrollment(e.authority_id, e.id)
        .await?;
    let line = |key: &str, value: String| fact(ctx, key, value);
    let mut facts = vec![
        line("portal-recipient-service", title.clone()),
        line("portal-recipient-provider", provider),
        line("portal-recipient-status", enrollment_status(ctx, &e)),
        line(
            "portal-recipient-period",
            ctx.period(e.starts_on, e.ends_on),
        ),
        line("portal-recipient-volume", units(ctx, e.volume)),
        line("portal-recipient-delivered", units(ctx, e.recorded_units)),
        line(
            "portal-recipient-price-per-unit",
            ctx.money(e.price_per_unit),
        ),
        line("portal-recipient-total", ctx.money(e.total)),
        line("portal-covered", ctx.money(e.covered)),
        line(
            "portal-copay",
            if e.copay.is_positive() {
                ctx.money(e.copay)
            } else {
                ctx.t("portal-no-copay")
            },
        ),
        line("portal-cert-held", ctx.money(e.held)),
        line("portal-recipient-captured", ctx.money(e.captured)),
    ];
    if let Some(reason) = &e.reason {
        facts.push(line("portal-recipient-reason", reason.clone()));
    }
    let confirmed = records.iter().any(|r| {
        matches!(
            r.status,
            DeliveryStatus::Confirmed | DeliveryStatus::AutoConfirmed
        )
    });
    let rating = state
        .store
        .rating_of_enrollment(e.authority_id, e.id)
        .await?;
    let current = rating.as_ref().map(|r| r.stars.get());
    let stars = (1..=5u8)
        .map(|value| StarOption {
            value,
            label: message(
                ctx.locale,
                "portal-recipient-stars",
                &[("count", value.into())],
            ),
            checked: current == Some(value),
        })
        .collect();
    let title_key = if errors.rating.is_some() || errors.complaint.is_some() {
        "portal-recipient-enrollment-title-errors"
    } else {
        "portal-recipient-enrollment-title"
    };
    let status = if errors.rating.is_some() || errors.complaint.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = EnrollmentPage {
        layout: ctx.layout(message(
            ctx.locale,
            title_key,
            &[("offer", title.as_str().into())],
        )),
        id: e.id.to_string(),
        csrf: ctx.csrf_token(),
        facts,
        offer_href,
        provider_href: format!("/providers/{}", e.provider_id),
        cancellable: matches!(
            e.status,
            EnrollmentStatus::Requested | EnrollmentStatus::Active
        ) && e.flag.as_deref() != Some("ending"),
        any_awaiting: records.iter().any(|r| r.status == DeliveryStatus::Recorded),
        deliveries: records
            .iter()
            .map(|r| delivery_row(ctx, r, String::new()))
            .collect(),
        cannot_rate: (!confirmed).then(|| ctx.t("portal-recipient-rate-not-yet")),
        stars,
        rated: current
            .map(|c| message(ctx.locale, "portal-recipient-rated", &[("count", c.into())])),
        rating_error: errors.rating,
        complaint_error: errors.complaint,
        complaint_text: errors.complaint_text,
        idempotency_key: IdempotencyKey::fresh().as_str().to_owned(),
    };
    Ok((status, html(&page)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct CsrfForm {
    csrf: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/recipient_cancel.html")]
struct CancelPage {
    layout: Layout,
    id: String,
    csrf: String,
    what: String,
    active: bool,
}

pub async fn cancel_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let result = cancel_page(&ctx, &state, &id).await;
    ctx.respond(result)
}

async fn cancel_page(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, Failure> {
    let e = mine(ctx, state, id).await?;
    let titles = offer_titles(ctx, state, &[e.offer_id]).await?;
    let provider = provider_name(state, e.provider_id).await?;
    let what = match titles.get(&e.offer_id) {
        Some((title, _)) => format!("{title} — {provider}"),
        None => provider,
    };
    let page = CancelPage {
        layout: ctx.layout(ctx.t("portal-recipient-cancel-title")),
        id: e.id.to_string(),
        csrf: ctx.csrf_token(),
        what,
        active: e.status == EnrollmentStatus::Active,
    };
    html(&page)
}

pub async fn cancel(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = cancel_submit(&ctx, &state, &id, form).await;
    ctx.respond(result)
}

async fn cancel_submit(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    form: CsrfForm,
) -> Result<Response, Failure> {
    ctx.check_csrf(form.csrf.as_deref())?;
    let e = mine(ctx, state, id).await?;
    let actor = ctx.actor(Role::Recipient);
    match cancel_own(state, &ctx.caller, e.id, &actor).await {
        // Cancelled twice (two tabs): the enrollment page says how it stands.
        Ok(_) | Err(ApiError::Refused { .. } | ApiError::Enrollment(_)) => {
            Ok(Redirect::to(&format!("/cabinet/enrollments/{}", e.id)).into_response())
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RatingForm {
    csrf: Option<String>,
    stars: Option<String>,
}

pub async fn rate(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<RatingForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = rate_submit(&ctx, &state, &id, form).await;
    ctx.respond(result)
}

async fn rate_submit(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    form: RatingForm,
) -> Result<Response, Failure> {
    ctx.check_csrf(form.csrf.as_deref())?;
    let e = mine(ctx, state, id).await?;
    let stars = form
        .stars
        .as_deref()
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| Stars::new(s).ok());
    let error = match stars {
        None => ctx.t("portal-recipient-error-stars"),
        Some(stars) => {
            let actor = ctx.actor(Role::Recipient);
            match rate_own(state, &ctx.caller, e.id, stars, &actor).await {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/cabinet/enrollments/{}", e.id)).into_response()
                    );
                }
                Err(err) => refused_or(ctx, err)?,
            }
        }
    };
    let errors = EnrollmentErrors {
        rating: Some(error),
        ..Default::default()
    };
    enrollment_page(ctx, state, id, errors).await
}

#[derive(Debug, Default, Deserialize)]
pub struct ComplaintForm {
    csrf: Option<String>,
    idempotency_key: Option<String>,
    text: Option<String>,
}

pub async fn complain(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<ComplaintForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = complain_submit(&ctx, &state, &id, form).await;
    ctx.respond(result)
}

async fn complain_submit(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    form: ComplaintForm,
) -> Result<Response, Failure> {
    ctx.check_csrf(form.csrf.as_deref())?;
    let e = mine(ctx, state, id).await?;
    let text = form.text.unwrap_or_default();
    let key = form
        .idempotency_key
        .as_deref()
        .and_then(|k| IdempotencyKey::parse(k).ok())
        .ok_or(Failure::Forbidden)?;
    let error = if text.trim().is_empty() {
        ctx.t("portal-recipient-error-complaint-empty")
    } else {
        let actor = ctx.actor(Role::Recipient);
        match complain_own(state, &ctx.caller, e.id, &text, &key, &actor).await {
            Ok(_) => return Ok(Redirect::to("/cabinet/complaints").into_response()),
            Err(ApiError::Invalid { .. }) => ctx.t("portal-recipient-error-complaint-long"),
            Err(err) => refused_or(ctx, err)?,
        }
    };
    let errors = EnrollmentErrors {
        complaint: Some(error),
        complaint_text: text,
        ..Default::default()
    };
    enrollment_page(ctx, state, id, errors).await
}

// ---------------------------------------------------------------------------------------------
// Deliveries
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal/recipient_deliveries.html")]
struct DeliveriesPage {
    layout: Layout,
    csrf: String,
    people: Vec<PersonOption>,
    awaiting: Vec<DeliveryRow>,
    earlier: Vec<DeliveryRow>,
    /// The record whose dispute needs a reason, and the message.
    error: Option<(String, String)>,
}

impl DeliveriesPage {
    fn error_of(&self, id: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|(of, _)| of == id)
            .map(|(_, m)| m.as_str())
    }
}

pub async fn deliveries(
    ctx: Ctx,
    State(state): State<AppState>,
    query: Result<Query<PersonQuery>, QueryRejection>,
) -> Response {
    let result = deliveries_page(&ctx, &state, chosen_person(query), None).await;
    ctx.respond(result)
}

async fn deliveries_page(
    ctx: &Ctx,
    state: &AppState,
    person: Option<Uuid>,
    error: Option<(String, String)>,
) -> Result<Response, Failure> {
    let principal = recipient(ctx)?;
    let names = names(ctx, state, principal).await?;
    let (people, person) = person_picker(&names, person);
    let enrollments: HashMap<Uuid, Enrollment> = enrollments_of(state, principal)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let offers: Vec<Uuid> = enrollments.values().map(|e| e.offer_id).collect();
    let titles = offer_titles(ctx, state, &offers).await?;
    let mut records: Vec<DeliveryRecord> = deliveries_of(state, principal)
        .await?
        .into_iter()
        .filter(|r| person.is_none_or(|p| r.recipient_id == p))
        .collect();
    records.sort_by_key(|r| std::cmp::Reverse((r.delivered_on, r.created_at)));
    let (mut awaiting, mut earlier) = (Vec::new(), Vec::new());
    for r in &records {
        let what = enrollments
            .get(&r.enrollment_id)
            .and_then(|e| titles.get(&e.offer_id))
            .map(|(title, provider)| format!("{title} — {provider}"))
            .unwrap_or_else(|| ctx.t("portal-recipient-offer-gone"));
        let row = delivery_row(ctx, r, what);
        if row.awaiting {
            awaiting.push(row);
        } else {
            earlier.push(row);
        }
    }
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let title = if error.is_some() {
        ctx.t("portal-recipient-deliveries-title-errors")
    } else {
        ctx.t("portal-recipient-deliveries-title")
    };
    let page = DeliveriesPage {
        layout: ctx.layout(title),
        csrf: ctx.csrf_token(),
        people,
        awaiting,
        earlier,
        error,
    };
    Ok((status, html(&page)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct DisputeForm {
    csrf: Option<String>,
    reason: Option<String>,
}

pub async fn confirm(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = resolve_submit(&ctx, &state, &id, form.csrf, DeliveryEvent::Confirm, None).await;
    ctx.respond(result)
}

pub async fn dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<DisputeForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let reason = form.reason.unwrap_or_default();
    let result = resolve_submit(
        &ctx,
        &state,
        &id,
        form.csrf,
        DeliveryEvent::Dispute,
        Some(reason),
    )
    .await;
    ctx.respond(result)
}

async fn resolve_submit(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    csrf: Option<String>,
    event: DeliveryEvent,
    reason: Option<String>,
) -> Result<Response, Failure> {
    recipient(ctx)?;
    ctx.check_csrf(csrf.as_deref())?;
    let record = parse_id(id)?;
    let actor = ctx.actor(Role::Recipient);
    match resolve_own(state, &ctx.caller, record, event, reason.as_deref(), &actor).await {
        Ok(_) => Ok(Redirect::to("/cabinet/deliveries").into_response()),
        Err(err) => {
            let message = refused_or(ctx, err)?;
            deliveries_page(ctx, state, None, Some((record.to_string(), message))).await
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

pub struct NotificationRow {
    pub id: String,
    pub date: String,
    pub text: String,
    pub unread: bool,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/recipient_notifications.html")]
struct NotificationsPage {
    layout: Layout,
    csrf: String,
    rows: Vec<NotificationRow>,
    unread: usize,
}

pub async fn notifications(ctx: Ctx, State(state): State<AppState>) -> Response {
    let result = notifications_page(&ctx, &state).await;
    ctx.respond(result)
}

async fn notifications_page(ctx: &Ctx, state: &AppState) -> Result<Response, Failure> {
    let principal = recipient(ctx)?;
    let items = notifications_of(state, principal).await?;
    let mut authorities = HashMap::new();
    for a in state.store.list_authorities().await? {
        authorities.insert(a.id, a);
    }
    let rows: Vec<NotificationRow> = items
        .iter()
        .map(|n| {
            let key = format!("portal-recipient-notice-{}", n.kind.replace('_', "-"));
            let mut text = ctx.t(&key);
            if text == key {
                text = ctx.t("portal-recipient-notice-other");
            }
            let date = authorities.get(&n.authority_id).map_or_else(
                || n.created_at.to_string(),
                |a: &socert_domain::Authority| ctx.date(a.date_at(n.created_at)),
            );
            let href = match n.payload.get("enrollment_id").and_then(|v| v.as_str()) {
                Some(e) => Some(format!("/cabinet/enrollments/{e}")),
                None if n.kind.starts_with("complaint") => Some("/cabinet/complaints".into()),
                None if n.kind.contains("deliver") || n.kind.contains("confirm") => {
                    Some("/cabinet/deliveries".into())
                }
                None => None,
            };
            NotificationRow {
                id: n.id.to_string(),
                date,
                text,
                unread: n.read_at.is_none(),
                href,
            }
        })
        .collect();
    let unread = rows.iter().filter(|r| r.unread).count();
    let page = NotificationsPage {
        layout: ctx.layout(ctx.t("portal-recipient-notifications-title")),
        csrf: ctx.csrf_token(),
        rows,
        unread,
    };
    html(&page)
}

pub async fn read(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = read_submit(&ctx, &state, &id, form).await;
    ctx.respond(result)
}

async fn read_submit(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    form: CsrfForm,
) -> Result<Response, Failure> {
    let principal = recipient(ctx)?;
    ctx.check_csrf(form.csrf.as_deref())?;
    read_own_notification(state, principal, parse_id(id)?).await?;
    Ok(Redirect::to("/cabinet/notifications").into_response())
}

// ---------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------

pub struct ComplaintRow {
    pub id: String,
    pub date: String,
    pub provider: String,
    pub enrollment_href: String,
    pub status: String,
    pub status_code: &'static str,
    pub text: String,
    pub response: Option<String>,
    pub withdrawable: bool,
}

#[derive(Template)]
#[template(path = "portal/recipient_complaints.html")]
struct ComplaintsPage {
    layout: Layout,
    csrf: String,
    people: Vec<PersonOption>,
    rows: Vec<ComplaintRow>,
}

pub async fn complaints(
    ctx: Ctx,
    State(state): State<AppState>,
    query: Result<Query<PersonQuery>, QueryRejection>,
) -> Response {
    let result = complaints_page(&ctx, &state, chosen_person(query)).await;
    ctx.respond(result)
}

async fn complaints_page(
    ctx: &Ctx,
    state: &AppState,
    person: Option<Uuid>,
) -> Result<Response, Failure> {
    let principal = recipient(ctx)?;
    let names = names(ctx, state, principal).await?;
    let (people, person) = person_picker(&names, person);
    let mut list = complaints_of(state, principal).await?;
    list.retain(|c| person.is_none_or(|p| c.recipient_id == p));
    list.sort_by_key(|c| std::cmp::Reverse(c.created_at));
    let authorities: HashMap<AuthorityId, socert_domain::Authority> = state
        .store
        .list_authorities()
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut rows = Vec::with_capacity(list.len());
    for c in &list {
        let date = authorities
            .get(&c.authority_id)
            .map(|a| ctx.date(a.date_at(c.created_at)))
            .unwrap_or_default();
        rows.push(ComplaintRow {
            id: c.id.to_string(),
            date,
            provider: provider_name(state, c.provider_id).await?,
            enrollment_href: format!("/cabinet/enrollments/{}", c.enrollment_id),
            status: ctx.t(&format!(
                "portal-recipient-complaint-{}",
                c.status.as_str().replace('_', "-")
            )),
            status_code: c.status.as_str(),
            text: c.body.clone(),
            response: c.response.clone(),
            withdrawable: matches!(c.status, ComplaintStatus::Open | ComplaintStatus::InReview),
        });
    }
    let page = ComplaintsPage {
        layout: ctx.layout(ctx.t("portal-recipient-complaints-title")),
        csrf: ctx.csrf_token(),
        people,
        rows,
    };
    html(&page)
}

pub async fn withdraw(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = withdraw_submit(&ctx, &state, &id, form).await;
    ctx.respond(result)
}

async fn withdraw_submit(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    form: CsrfForm,
) -> Result<Response, Failure> {
    recipient(ctx)?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let actor = ctx.actor(Role::Recipient);
    match withdraw_own(state, &ctx.caller, parse_id(id)?, &actor).await {
        // Decided or withdrawn meanwhile: the list shows how it stands.
        Ok(_) | Err(ApiError::Refused { .. }) => {
            Ok(Redirect::to("/cabinet/complaints").into_response())
        }
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Printing a certificate
// ---------------------------------------------------------------------------------------------

pub async fn print(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let result = print_page(&ctx, &state, &id).await;
    ctx.respond(result)
}

/// The API's printable certificate in the reader's language, with a way back and a print button
/// (shown by `portal.js`; without scripts the browser's own print menu does the same).
async fn print_page(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, Failure> {
    recipient(ctx)?;
    let id = parse_id(id)?;
    let actor = ctx.actor(Role::Recipient);
    let locale = ctx.locale;
    let page = printable_certificate(state, &ctx.caller, &actor, id, |_| locale).await?;
    // Our own messages: free of markup, so they go in as they are.
    let toolbar = format!(
        "<body>\n<nav class=\"print-toolbar\" aria-label=\"{nav}\">\n\
         <a href=\"/cabinet/certificates/{id}\">{back}</a>\n\
         <button type=\"button\" data-print hidden>{print}</button>\n</nav>\n",
        nav = ctx.t("portal-recipient-print-toolbar"),
        back = ctx.t("portal-recipient-print-back"),
        print = ctx.t("portal-recipient-print"),
    );
    let page = page.replacen("<body>\n", &toolbar, 1).replacen(
        "</body>",
        &format!("<script src=\"{PORTAL_JS_PATH}\" defer></script>\n</body>"),
        1,
    );
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (axum::http::header::CACHE_CONTROL, "no-store"),
        ],
        page,
    )
        .into_response())
}

// ---------------------------------------------------------------------------------------------
// Ratings as people see them, and how it all works
// ---------------------------------------------------------------------------------------------

/// A provider's ratings in words: "4,5 ★ (12 ratings)", or that nobody has rated yet.
pub(super) fn rating_text(ctx: &Ctx, count: i64, average: Option<f64>) -> String {
    match average {
        Some(average) if count > 0 => {
            let number = format!("{average:.1}");
            let number = match ctx.locale {
                socert_domain::Locale::Ru | socert_domain::Locale::Uk => number.replace('.', ","),
                socert_domain::Locale::En => number,
            };
            message(
                ctx.locale,
                "portal-recipient-rating-summary",
                &[("average", number.into()), ("count", count.into())],
            )
        }
        _ => ctx.t("portal-recipient-rating-none"),
    }
}

/// The same for the store's summary.
pub(super) fn rating_of(ctx: &Ctx, summary: socert_domain::feedback::RatingSummary) -> String {
    let dto = crate::api::feedback::RatingSummaryDto::from(summary);
    rating_text(ctx, dto.count, dto.average)
}

pub struct HowSection {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "portal/recipient_how.html")]
struct HowPage {
    layout: Layout,
    lead: String,
    sections: Vec<HowSection>,
}

/// For citizens: what a certificate is and how to use it, from getting one to complaining.
pub async fn how_it_works(ctx: Ctx) -> Response {
    let sections = [
        "who", "get", "choose", "enroll", "confirm", "switch", "complain", "data",
    ]
    .into_iter()
    .map(|part| HowSection {
        id: format!("how-{part}"),
        title: ctx.t(&format!("portal-recipient-how-{part}-title")),
        text: ctx.t(&format!("portal-recipient-how-{part}-text")),
    })
    .collect();
    let page = HowPage {
        layout: ctx.layout(ctx.t("portal-recipient-how-title")),
        lead: ctx.t("portal-recipient-how-lead"),
        sections,
    };
    ctx.respond(html(&page))
}
