//! The officer's cabinet: a dashboard of every authority the reader works for, the review queue
//! of provider applications with the decisions on them, programs with their budget burn, and a
//! recipient's file found by national id with a form to issue a certificate.
//!
//! Every page checks the reader's role in the page's authority by the same rule as the API's
//! policy table, and does its work through the same store calls or shared functions as the API.
//! Decisions are plain forms carrying the session's CSRF token, answered with a redirect.

use askama::Template;
use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use socert_domain::feedback::ComplaintStatus;
use socert_domain::identity::{Action, Decision, Principal, Role};
use socert_domain::program::NationalId;
use socert_domain::registry::{AdmissionEvent, AdmissionStatus};
use socert_domain::{Authority, AuthorityId};
use socert_store::programs::{IssueOutcome, WaitlistStatus};
use uuid::Uuid;

use super::public::{Fact, fact};
use super::{Ctx, Failure, Layout, MultipartForm, html, parse_id, read_multipart};
use crate::AppState;
use crate::api::dto::{XLSX, attachment};
use crate::api::feedback::complaint_event;
use crate::api::issuance::start_issuance;
use crate::api::programs::{issue_one, refusal_dtos};
use crate::api::registry::decide_admission;
use crate::api::settlement::{resolve_delivery, settle_period};
use crate::error::ApiError;
use crate::extract::LIST_UPLOAD_LIMIT;
use crate::i18n::{category_name, message, status_name};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cabinet/officer", get(dashboard))
        .route("/cabinet/officer/{authority}/admissions", get(admissions))
        .route(
            "/cabinet/officer/{authority}/admissions/{admission}",
            get(admission).post(decide),
        )
        .route("/cabinet/officer/{authority}/programs", get(programs))
        .route(
            "/cabinet/officer/{authority}/recipients",
            get(find_recipient).post(find_submit),
        )
        .route(
            "/cabinet/officer/{authority}/recipients/{recipient}",
            get(recipient).post(issue),
        )
        .route(
            "/cabinet/officer/{authority}/issuance",
            // Lists of recipients may be larger than other uploads.
            get(bulk_form)
                .post(bulk_upload)
                .layer(DefaultBodyLimit::max(LIST_UPLOAD_LIMIT)),
        )
        .route(
            "/cabinet/officer/{authority}/issuance/template.xlsx",
            get(bulk_template),
        )
        .route("/cabinet/officer/{authority}/issuance/{run}", get(bulk_run))
        .route(
            "/cabinet/officer/{authority}/settlement",
            get(settlement).post(settle),
        )
        .route(
            "/cabinet/officer/{authority}/settlement/{batch}",
            get(batch).post(pay),
        )
        .route(
            "/cabinet/officer/{authority}/deliveries/{record}",
            axum::routing::post(resolve),
        )
        .route("/cabinet/officer/{authority}/audit", get(audit))
        .route("/cabinet/officer/{authority}/complaints", get(complaints))
        .route(
            "/cabinet/officer/{authority}/complaints/{complaint}",
            get(complaint).post(decide_complaint),
        )
}

// ---------------------------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------------------------

fn may(principal: &Principal, action: Action, authority: AuthorityId) -> Option<Role> {
    match principal.decide(action, Some(authority)) {
        Decision::Allow(role) => Some(role),
        _ => None,
    }
}

/// The authority of the page's address and the role in which the reader may do `action` there,
/// by the rule of the API's policy table. Someone with no role there learns nothing of it.
async fn tenant(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    action: Action,
) -> Result<(Authority, Role), Failure> {
    let principal = ctx.signed_in()?;
    let id: AuthorityId = parse_id(authority)?;
    match principal.decide(action, Some(id)) {
        Decision::Allow(role) => Ok((state.store.authority(id).await?, role)),
        Decision::Hidden => Err(Failure::NotFound),
        _ => Err(Failure::Forbidden),
    }
}

fn admission_status(ctx: &Ctx, status: AdmissionStatus) -> String {
    ctx.t(&format!(
        "portal-officer-admission-{}",
        status.as_str().replace('_', "-")
    ))
}

// ---------------------------------------------------------------------------------------------
// Dashboard
// ---------------------------------------------------------------------------------------------

pub struct ProgramRow {
    pub name: String,
    pub period: String,
    pub budget: String,
    pub live: i64,
    pub quota: String,
    pub waiting: usize,
}

pub struct AdmissionRow {
    pub provider: String,
    pub href: String,
    pub status: String,
    pub applied: String,
    pub services: usize,
}

/// A link to one of the officer's pages of an authority.
pub struct Link {
    pub href: String,
    pub label: String,
}

pub struct Board {
    pub name: String,
    pub links: Vec<Link>,
    pub programs: Vec<ProgramRow>,
    /// `None` when the reader may not review providers (an auditor).
    pub admissions: Option<Vec<AdmissionRow>>,
}

#[derive(Template)]
#[template(path = "portal/officer_dashboard.html")]
struct DashboardPage {
    layout: Layout,
    boards: Vec<Board>,
}

async fn dashboard(ctx: Ctx, State(state): State<AppState>) -> Response {
    let result = dashboard_page(&ctx, &state).await;
    ctx.respond(result)
}

/// The applications waiting for a decision, oldest first.
async fn awaiting(
    ctx: &Ctx,
    state: &AppState,
    authority: &Authority,
) -> Result<Vec<AdmissionRow>, Failure> {
    let mut rows = Vec::new();
    for status in [AdmissionStatus::Applied, AdmissionStatus::UnderReview] {
        rows.extend(admission_rows(ctx, state, authority, status).await?);
    }
    Ok(rows)
}

async fn admission_rows(
    ctx: &Ctx,
    state: &AppState,
    authority: &Authority,
    status: AdmissionStatus,
) -> Result<Vec<AdmissionRow>, Failure> {
    let mut rows = Vec::new();
    for a in state
        .store
        .admissions_of_authority(authority.id, Some(status))
        .await?
    {
        let provider = state.store.provider(a.provider_id).await?;
        rows.push(AdmissionRow {
            provider: provider.details.short_name,
            href: format!("/cabinet/officer/{}/admissions/{}", authority.id, a.id),
            status: admission_status(ctx, a.status),
            applied: ctx.date(authority.date_at(a.applied_at)),
            services: a.services.len(),
        });
    }
    Ok(rows)
}

async fn dashboard_page(ctx: &Ctx, state: &AppState) -> Result<Response, Failure> {
    let principal = ctx.signed_in()?;
    let authorities: Vec<Authority> = state
        .store
        .list_authorities()
        .await?
        .into_iter()
        .filter(|a| may(principal, Action::ProgramsRead, a.id).is_some())
        .collect();
    if authorities.is_empty() {
        return Err(Failure::Forbidden);
    }
    let mut boards = Vec::with_capacity(authorities.len());
    for authority in authorities {
        // Counts and money only: no recipient's file is opened here.
        let mut programs = Vec::new();
        for p in state.store.programs(authority.id).await? {
            let waiting = state
                .store
                .waitlist(authority.id, p.id)
                .await?
                .iter()
                .filter(|w| w.status == WaitlistStatus::Waiting)
                .count();
            programs.push(ProgramRow {
                name: p.spec.name.get(ctx.locale).to_owned(),
                period: ctx.period(p.spec.starts, p.spec.ends),
                budget: ctx.money(p.budget),
                live: p.live_certificates,
                quota: p
                    .spec
                    .quota
                    .map_or_else(|| ctx.t("portal-officer-no-quota"), |q| q.to_string()),
                waiting,
            });
        }
        let reviews = may(principal, Action::AdmissionsDecide, authority.id).is_some();
        let admissions = if reviews {
            Some(awaiting(ctx, state, &authority).await?)
        } else {
            None
        };
        let base = format!("/cabinet/officer/{}", authority.id);
        let mut links = vec![Link {
            href: format!("{base}/programs"),
            label: ctx.t("portal-officer-link-programs"),
        }];
        if reviews {
            links.push(Link {
                href: format!("{base}/admissions"),
                label: ctx.t("portal-officer-link-admissions"),
            });
        }
        if may(principal, Action::ProgramsManage, authority.id).is_some() {
            links.push(Link {
                href: format!("{base}/issuance"),
                label: ctx.t("portal-officer-link-bulk"),
            });
        }
        links.push(Link {
            href: format!("{base}/settlement"),
            label: ctx.t("portal-officer-link-settlement"),
        });
        if may(principal, Action::RecipientsManage, authority.id).is_some() {
            links.push(Link {
                href: format!("{base}/recipients"),
                label: ctx.t("portal-officer-link-recipients"),
            });
            links.push(Link {
                href: format!("{base}/complaints"),
                label: ctx.t("portal-officer-link-complaints"),
            });
        }
        if may(principal, Action::AuditRead, authority.id).is_some() {
            links.push(Link {
                href: format!("{base}/audit"),
                label: ctx.t("portal-officer-link-audit"),
            });
        }
        boards.push(Board {
            name: authority.names.get(ctx.locale).to_owned(),
            links,
            programs,
            admissions,
        });
    }
    let page = DashboardPage {
        layout: ctx.layout(ctx.t("portal-officer-title")),
        boards,
    };
    html(&page)
}

// ---------------------------------------------------------------------------------------------
// Provider review
// ---------------------------------------------------------------------------------------------

/// The queue's tabs: what waits for a decision, then the providers by their standing.
const QUEUES: [(&str, &[AdmissionStatus]); 5] = [
    (
        "awaiting",
        &[AdmissionStatus::Applied, AdmissionStatus::UnderReview],
    ),
    ("admitted", &[AdmissionStatus::Admitted]),
    ("suspended", &[AdmissionStatus::Suspended]),
    ("rejected", &[AdmissionStatus::Rejected]),
    ("excluded", &[AdmissionStatus::Excluded]),
];

pub struct Tab {
    pub href: String,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "portal/officer_admissions.html")]
struct AdmissionsPage {
    layout: Layout,
    authority: String,
    tabs: Vec<Tab>,
    count: String,
    rows: Vec<AdmissionRow>,
}

#[derive(Debug, Default, Deserialize)]
struct QueueQuery {
    queue: Option<String>,
}

async fn admissions(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> Response {
    let queue = query.ok().and_then(|Query(q)| q.queue);
    let result = admissions_page(&ctx, &state, &authority, queue.as_deref()).await;
    ctx.respond(result)
}

async fn admissions_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    queue: Option<&str>,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::AdmissionsDecide).await?;
    let (name, statuses) = QUEUES
        .iter()
        .find(|(name, _)| Some(*name) == queue)
        .copied()
        .unwrap_or(QUEUES[0]);
    let mut rows = Vec::new();
    for status in statuses {
        rows.extend(admission_rows(ctx, state, &authority, *status).await?);
    }
    let tabs = QUEUES
        .iter()
        .map(|(tab, _)| Tab {
            href: format!("/cabinet/officer/{}/admissions?queue={tab}", authority.id),
            label: ctx.t(&format!("portal-officer-queue-{tab}")),
            current: *tab == name,
        })
        .collect();
    let page = AdmissionsPage {
        layout: ctx.layout(ctx.t(&format!("portal-officer-queue-{name}-title"))),
        authority: authority.names.get(ctx.locale).to_owned(),
        tabs,
        count: message(
            ctx.locale,
            "portal-officer-queue-count",
            &[("count", rows.len().into())],
        ),
        rows,
    };
    html(&page)
}

pub struct DocumentRow {
    pub name: String,
    pub href: String,
    pub size: String,
}

/// The decision form of an application or a complaint: a choice of what the state allows, and a
/// text the other side reads.
pub struct DecisionBox {
    pub action: String,
    pub csrf: String,
    pub events: Vec<EventChoice>,
    pub event_error: Option<String>,
    /// The text field's name (`reason`, `response`), also its id.
    pub note_name: &'static str,
    pub note_label: String,
    pub note_hint: String,
    pub note: String,
    pub note_error: Option<String>,
    /// Said instead of the form when no decision is left.
    pub closed: String,
}

pub struct EventChoice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "portal/officer_admission.html")]
struct AdmissionPage {
    layout: Layout,
    back: String,
    facts: Vec<Fact>,
    services: Vec<String>,
    documents: Vec<DocumentRow>,
    decision: DecisionBox,
    decided: bool,
}

#[derive(Debug, Default, Deserialize)]
struct DecidedQuery {
    decided: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct DecisionForm {
    csrf: Option<String>,
    event: Option<String>,
    reason: Option<String>,
}

/// What the form says back: the choice and text to keep, and the errors next to their fields.
#[derive(Default)]
struct DecisionEcho {
    event: Option<AdmissionEvent>,
    reason: String,
    event_error: Option<String>,
    reason_error: Option<String>,
    decided: bool,
}

const EVENTS: [AdmissionEvent; 6] = [
    AdmissionEvent::StartReview,
    AdmissionEvent::Admit,
    AdmissionEvent::Reject,
    AdmissionEvent::Suspend,
    AdmissionEvent::Reinstate,
    AdmissionEvent::Exclude,
];

async fn admission(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    query: Result<Query<DecidedQuery>, QueryRejection>,
) -> Response {
    let decided = query.ok().is_some_and(|Query(q)| q.decided.is_some());
    let echo = DecisionEcho {
        decided,
        ..DecisionEcho::default()
    };
    let result = admission_page(&ctx, &state, &authority, &id, StatusCode::OK, echo).await;
    ctx.respond(result)
}

async fn admission_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    id: &str,
    status: StatusCode,
    echo: DecisionEcho,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::AdmissionsDecide).await?;
    let id: Uuid = parse_id(id)?;
    let a = state
        .store
        .admissions_of_authority(authority.id, None)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(Failure::NotFound)?;
    let provider = state.store.provider(a.provider_id).await?;
    let d = &provider.details;
    let mut facts = vec![
        fact(
            ctx,
            "portal-officer-provider-full-name",
            d.full_name.clone(),
        ),
        fact(
            ctx,
            "portal-officer-provider-legal-form",
            ctx.t(&format!(
                "portal-officer-legal-form-{}",
                d.legal_form.as_str().replace('_', "-")
            )),
        ),
        fact(ctx, "portal-officer-provider-tax-id", d.tax_id.clone()),
    ];
    if !d.registration_number.is_empty() {
        facts.push(fact(
            ctx,
            "portal-officer-provider-registration",
            d.registration_number.clone(),
        ));
    }
    facts.extend([
        fact(
            ctx,
            "portal-officer-provider-address",
            d.location.address.clone(),
        ),
        fact(ctx, "portal-officer-provider-phone", d.phone.clone()),
        fact(ctx, "portal-officer-provider-email", d.email.clone()),
        fact(
            ctx,
            "portal-officer-status",
            admission_status(ctx, a.status),
        ),
        fact(
            ctx,
            "portal-officer-applied",
            ctx.date(authority.date_at(a.applied_at)),
        ),
    ]);
    if let Some(reason) = &a.reason {
        facts.push(fact(ctx, "portal-officer-reason", reason.clone()));
    }
    let mut services = Vec::with_capacity(a.services.len());
    for s in &a.services {
        let service = state.store.service(authority.id, *s).await?;
        services.push(format!(
            "{} · {}",
            service.code,
            service.names.get(ctx.locale)
        ));
    }
    let documents = state
        .store
        .documents(authority.id, a.id)
        .await?
        .into_iter()
        .map(|doc| DocumentRow {
            // The API's download: the same access rule, always an attachment.
            href: format!(
                "/api/v1/authorities/{}/admissions/{}/documents/{}",
                authority.id, a.id, doc.id
            ),
            size: message(
                ctx.locale,
                "portal-officer-document-size",
                &[("kb", ((doc.size_bytes + 1023) / 1024).into())],
            ),
            name: doc.file_name,
        })
        .collect();
    // Only the decisions the admission's state allows are offered.
    let events = EVENTS
        .into_iter()
        .filter(|e| a.status.apply(*e, Some("-")).is_ok())
        .map(|e| EventChoice {
            value: e.as_str(),
            label: ctx.t(&format!(
                "portal-officer-event-{}",
                e.as_str().replace('_', "-")
            )),
            checked: echo.event == Some(e),
        })
        .collect();
    let title = if echo.event_error.is_some() || echo.reason_error.is_some() {
        message(
            ctx.locale,
            "portal-officer-admission-title-error",
            &[("provider", d.short_name.as_str().into())],
        )
    } else {
        message(
            ctx.locale,
            "portal-officer-admission-title",
            &[("provider", d.short_name.as_str().into())],
        )
    };
    let page = AdmissionPage {
        layout: ctx.layout(title),
        back: format!("/cabinet/officer/{}/admissions", authority.id),
        facts,
        services,
        documents,
        decision: DecisionBox {
            action: format!("/cabinet/officer/{}/admissions/{}", authority.id, a.id),
            csrf: ctx.csrf_token(),
            events,
            event_error: echo.event_error,
            note_name: "reason",
            note_label: ctx.t("portal-officer-reason-label"),
            note_hint: ctx.t("portal-officer-reason-hint"),
            note: echo.reason,
            note_error: echo.reason_error,
            closed: ctx.t("portal-officer-decision-none"),
        },
        decided: echo.decided,
    };
    Ok((status, html(&page)?).into_response())
}

async fn decide(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = decide_submit(&ctx, &state, &authority, &id, form).await;
    ctx.respond(result)
}

async fn decide_submit(
    ctx: &Ctx,
    state: &AppState,
    authority_text: &str,
    id_text: &str,
    form: DecisionForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority_text, Action::AdmissionsDecide).await?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let id = parse_id(id_text)?;
    let reason = form.reason.unwrap_or_default().trim().to_owned();
    let event = form
        .event
        .as_deref()
        .and_then(|e| EVENTS.into_iter().find(|x| x.as_str() == e));
    let again = |echo: DecisionEcho| async move {
        admission_page(
            ctx,
            state,
            authority_text,
            id_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            echo,
        )
        .await
    };
    let Some(event) = event else {
        return again(DecisionEcho {
            reason,
            event_error: Some(ctx.t("portal-officer-error-event")),
            ..DecisionEcho::default()
        })
        .await;
    };
    let needs_reason = matches!(
        event,
        AdmissionEvent::Reject | AdmissionEvent::Suspend | AdmissionEvent::Exclude
    );
    if needs_reason && reason.is_empty() {
        return again(DecisionEcho {
            event: Some(event),
            reason_error: Some(ctx.t("portal-officer-error-reason")),
            ..DecisionEcho::default()
        })
        .await;
    }
    let actor = ctx.actor(role);
    let reason = (!reason.is_empty()).then_some(reason);
    match decide_admission(state, authority.id, id, event, reason.clone(), &actor).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/cabinet/officer/{}/admissions/{id}?decided=1",
            authority.id
        ))
        .into_response()),
        // Someone else decided first: the page shows where it stands now.
        Err(ApiError::Registry(_)) => {
            again(DecisionEcho {
                event: Some(event),
                reason: reason.unwrap_or_default(),
                event_error: Some(ctx.t("portal-officer-error-transition")),
                ..DecisionEcho::default()
            })
            .await
        }
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------

pub struct BurnRow {
    pub name: String,
    pub period: String,
    pub budget_left: String,
    pub allocated: String,
    pub available: String,
    pub held: String,
    pub spent: String,
    pub certificates: i64,
    pub quota: String,
    pub waiting: usize,
}

#[derive(Template)]
#[template(path = "portal/officer_programs.html")]
struct ProgramsPage {
    layout: Layout,
    authority: String,
    rows: Vec<BurnRow>,
}

async fn programs(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> Response {
    let result = programs_page(&ctx, &state, &authority).await;
    ctx.respond(result)
}

async fn programs_page(ctx: &Ctx, state: &AppState, authority: &str) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::ProgramsRead).await?;
    // The API's budget-burn report, with the names in the reader's language.
    let burn = state.store.budget_burn(authority.id).await?;
    let mut rows = Vec::new();
    for p in state.store.programs(authority.id).await? {
        let Some(b) = burn.iter().find(|b| b.program_id == p.id) else {
            continue;
        };
        let waiting = state
            .store
            .waitlist(authority.id, p.id)
            .await?
            .iter()
            .filter(|w| w.status == WaitlistStatus::Waiting)
            .count();
        rows.push(BurnRow {
            name: p.spec.name.get(ctx.locale).to_owned(),
            period: ctx.period(p.spec.starts, p.spec.ends),
            budget_left: ctx.money(b.budget_left),
            allocated: ctx.money(b.allocated),
            available: ctx.money(b.available),
            held: ctx.money(b.held),
            spent: ctx.money(b.spent),
            certificates: b.certificates,
            quota: p
                .spec
                .quota
                .map_or_else(|| ctx.t("portal-officer-no-quota"), |q| q.to_string()),
            waiting,
        });
    }
    let page = ProgramsPage {
        layout: ctx.layout(ctx.t("portal-officer-programs-title")),
        authority: authority.names.get(ctx.locale).to_owned(),
        rows,
    };
    html(&page)
}

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal/officer_recipients.html")]
struct FindPage {
    layout: Layout,
    authority: String,
    action: String,
    csrf: String,
    national_id: String,
    error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct FindForm {
    csrf: Option<String>,
    national_id: Option<String>,
}

async fn find_recipient(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> Response {
    let result = find_page(&ctx, &state, &authority, None).await;
    ctx.respond(result)
}

/// The number is posted, not put in the address: it stays out of browser history and of the
/// logs of anything between the officer and us.
async fn find_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    form: Result<Form<FindForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = match ctx.check_csrf(form.csrf.as_deref()) {
        Ok(()) => {
            find_page(
                &ctx,
                &state,
                &authority,
                Some(form.national_id.unwrap_or_default()),
            )
            .await
        }
        Err(failure) => Err(failure),
    };
    ctx.respond(result)
}

async fn find_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    national_id: Option<String>,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::RecipientsManage).await?;
    let submitted = national_id.is_some();
    let typed = national_id.unwrap_or_default().trim().to_owned();
    let mut error = None;
    if submitted && typed.is_empty() {
        error = Some(ctx.t("portal-officer-error-national-id"));
    } else if submitted {
        match NationalId::parse(authority.country, &typed) {
            Err(_) => error = Some(ctx.t("portal-officer-error-national-id")),
            Ok(id) => match state
                .store
                .recipient_by_national_id(authority.id, &id)
                .await?
            {
                Some(found) => {
                    return Ok(Redirect::to(&format!(
                        "/cabinet/officer/{}/recipients/{found}",
                        authority.id
                    ))
                    .into_response());
                }
                None => error = Some(ctx.t("portal-officer-error-no-recipient")),
            },
        }
    }
    let title = if error.is_some() {
        ctx.t("portal-officer-find-title-error")
    } else {
        ctx.t("portal-officer-find-title")
    };
    let page = FindPage {
        layout: ctx.layout(title),
        authority: authority.names.get(ctx.locale).to_owned(),
        action: format!("/cabinet/officer/{}/recipients", authority.id),
        csrf: ctx.csrf_token(),
        national_id: typed,
        error,
    };
    let status = if page.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, html(&page)?).into_response())
}

pub struct HeldCertificate {
    pub number: String,
    pub program: String,
    pub status: String,
    pub available: String,
    pub validity: String,
}

pub struct ProgramChoice {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "portal/officer_recipient.html")]
struct RecipientPage {
    layout: Layout,
    back: String,
    action: String,
    csrf: String,
    facts: Vec<Fact>,
    certificates: Vec<HeldCertificate>,
    /// `None` when the reader may not issue (no `programs.manage`).
    programs: Option<Vec<ProgramChoice>>,
    /// What the last issuance did, said above the form.
    outcome: Option<String>,
    /// Why the certificate was not issued, next to the program field.
    errors: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct OutcomeQuery {
    outcome: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct IssueForm {
    csrf: Option<String>,
    program: Option<String>,
}

async fn recipient(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    query: Result<Query<OutcomeQuery>, QueryRejection>,
) -> Response {
    let outcome = query.ok().and_then(|Query(q)| q.outcome);
    let said = match outcome.as_deref() {
        Some(o @ ("issued" | "already_issued" | "waitlisted")) => {
            Some(ctx.t(&format!("portal-officer-outcome-{}", o.replace('_', "-"))))
        }
        _ => None,
    };
    let result = recipient_page(
        &ctx,
        &state,
        &authority,
        &id,
        StatusCode::OK,
        said,
        None,
        Vec::new(),
    )
    .await;
    ctx.respond(result)
}

#[allow(clippy::too_many_arguments)]
async fn recipient_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    id: &str,
    status: StatusCode,
    outcome: Option<String>,
    chosen: Option<Uuid>,
    errors: Vec<String>,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority, Action::RecipientsManage).await?;
    let id = parse_id(id)?;
    // The read of the file is recorded by the store, as the API's is.
    let file = state
        .store
        .recipient_file(authority.id, id, &ctx.actor(role))
        .await?;
    let r = &file.recipient.details;
    let mut facts = vec![
        fact(ctx, "portal-officer-recipient-name", r.name.to_string()),
        fact(
            ctx,
            "portal-officer-recipient-birth",
            ctx.date(r.birth_date),
        ),
        fact(
            ctx,
            "portal-officer-recipient-national-id",
            r.national_id.to_string(),
        ),
        fact(
            ctx,
            "portal-officer-recipient-municipality",
            r.municipality.clone(),
        ),
        fact(ctx, "portal-officer-recipient-address", r.address.clone()),
    ];
    if !r.categories.is_empty() {
        let names: Vec<String> = r
            .categories
            .iter()
            .map(|c| category_name(ctx.locale, c.category))
            .collect();
        facts.push(fact(
            ctx,
            "portal-officer-recipient-categories",
            names.join(", "),
        ));
    }
    let programs = state.store.programs(authority.id).await?;
    let mut certificates = Vec::new();
    for c in state
        .store
        .certificates_of_recipient(authority.id, id)
        .await?
    {
        let program = programs
            .iter()
            .find(|p| p.id == c.program_id)
            .map(|p| p.spec.name.get(ctx.locale).to_owned())
            .unwrap_or_default();
        certificates.push(HeldCertificate {
            number: c.number.to_string(),
            program,
            status: status_name(ctx.locale, c.status),
            available: ctx.money(c.available),
            validity: ctx.period(c.valid_from, c.valid_to),
        });
    }
    let principal = ctx.signed_in()?;
    let issues = may(principal, Action::ProgramsManage, authority.id).is_some();
    let programs = issues.then(|| {
        programs
            .iter()
            .map(|p| ProgramChoice {
                id: p.id.to_string(),
                name: p.spec.name.get(ctx.locale).to_owned(),
                selected: Some(p.id) == chosen,
            })
            .collect()
    });
    let title = if errors.is_empty() {
        ctx.t("portal-officer-recipient-title")
    } else {
        ctx.t("portal-officer-recipient-title-error")
    };
    let page = RecipientPage {
        layout: ctx.layout(title),
        back: format!("/cabinet/officer/{}/recipients", authority.id),
        action: format!("/cabinet/officer/{}/recipients/{id}", authority.id),
        csrf: ctx.csrf_token(),
        facts,
        certificates,
        programs,
        outcome,
        errors,
    };
    Ok((status, html(&page)?).into_response())
}

async fn issue(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    form: Result<Form<IssueForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = issue_submit(&ctx, &state, &authority, &id, form).await;
    ctx.respond(result)
}

async fn issue_submit(
    ctx: &Ctx,
    state: &AppState,
    authority_text: &str,
    id_text: &str,
    form: IssueForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority_text, Action::ProgramsManage).await?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let recipient = parse_id(id_text)?;
    let chosen = form.program.as_deref().and_then(|p| p.parse::<Uuid>().ok());
    let again = |chosen: Option<Uuid>, errors: Vec<String>| async move {
        recipient_page(
            ctx,
            state,
            authority_text,
            id_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            chosen,
            errors,
        )
        .await
    };
    let Some(program) = chosen else {
        return again(None, vec![ctx.t("portal-officer-error-program")]).await;
    };
    if state.store.program(authority.id, program).await.is_err() {
        return again(None, vec![ctx.t("portal-officer-error-program")]).await;
    }
    let outcome = issue_one(state, &authority, program, recipient, &ctx.actor(role)).await?;
    let word = match &outcome {
        IssueOutcome::Issued(_) => "issued",
        IssueOutcome::AlreadyIssued(_) => "already_issued",
        IssueOutcome::Waitlisted { .. } => "waitlisted",
        IssueOutcome::Refused(why) => {
            let reasons = refusal_dtos(why, ctx.locale)
                .into_iter()
                .map(|r| r.message)
                .collect();
            return again(Some(program), reasons).await;
        }
    };
    Ok(Redirect::to(&format!(
        "/cabinet/officer/{}/recipients/{recipient}?outcome={word}",
        authority.id
    ))
    .into_response())
}

// ---------------------------------------------------------------------------------------------
// Bulk issuance
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal/officer_bulk.html")]
struct BulkPage {
    layout: Layout,
    authority: String,
    action: String,
    /// Where to download an empty list to fill in.
    template: String,
    csrf: String,
    programs: Vec<ProgramChoice>,
    program_error: Option<String>,
    file_error: Option<String>,
}

async fn bulk_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> Response {
    let result = bulk_page(&ctx, &state, &authority, StatusCode::OK, None, None, None).await;
    ctx.respond(result)
}

#[allow(clippy::too_many_arguments)]
async fn bulk_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    status: StatusCode,
    chosen: Option<Uuid>,
    program_error: Option<String>,
    file_error: Option<String>,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::ProgramsManage).await?;
    let programs = state
        .store
        .programs(authority.id)
        .await?
        .iter()
        .map(|p| ProgramChoice {
            id: p.id.to_string(),
            name: p.spec.name.get(ctx.locale).to_owned(),
            selected: Some(p.id) == chosen,
        })
        .collect();
    let title = if program_error.is_some() || file_error.is_some() {
        ctx.t("portal-officer-bulk-title-error")
    } else {
        ctx.t("portal-officer-bulk-title")
    };
    let page = BulkPage {
        layout: ctx.layout(title),
        authority: authority.names.get(ctx.locale).to_owned(),
        action: format!("/cabinet/officer/{}/issuance", authority.id),
        template: format!("/cabinet/officer/{}/issuance/template.xlsx", authority.id),
        csrf: ctx.csrf_token(),
        programs,
        program_error,
        file_error,
    };
    Ok((status, html(&page)?).into_response())
}

/// An empty list to fill in (see [`crate::recipient_csv::template_xlsx`]).
async fn bulk_template(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> Response {
    let result = async {
        tenant(&ctx, &state, &authority, Action::ProgramsManage).await?;
        let bytes = crate::recipient_csv::template_xlsx().map_err(|err| {
            tracing::error!(error = %err, "recipients template workbook failed");
            ApiError::Internal
        })?;
        Ok(attachment(XLSX, "recipients.xlsx", bytes))
    }
    .await;
    ctx.respond(result)
}

async fn bulk_upload(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let form = match multipart {
        Ok(multipart) => read_multipart(multipart).await,
        Err(_) => MultipartForm::default(),
    };
    let result = bulk_submit(&ctx, &state, &authority, form).await;
    ctx.respond(result)
}

async fn bulk_submit(
    ctx: &Ctx,
    state: &AppState,
    authority_text: &str,
    form: MultipartForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority_text, Action::ProgramsManage).await?;
    let again = |chosen, program_error, file_error| async move {
        bulk_page(
            ctx,
            state,
            authority_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            chosen,
            program_error,
            file_error,
        )
        .await
    };
    // A body over the limit is refused before any of it is read, token included; saying so
    // changes nothing, so it needs no token.
    if form.too_large {
        let megabytes = (LIST_UPLOAD_LIMIT / (1024 * 1024)).to_string();
        let said = message(
            ctx.locale,
            "portal-officer-error-file-size",
            &[("megabytes", megabytes.into())],
        );
        return again(None, None, Some(said)).await;
    }
    // A form that is not multipart carries no token either.
    ctx.check_csrf(form.csrf.as_deref())?;
    let chosen = form.field("program").and_then(|p| p.parse::<Uuid>().ok());
    let Some(program) = chosen else {
        return again(None, Some(ctx.t("portal-officer-error-program")), None).await;
    };
    let Some(file) = form.file.filter(|f| !f.bytes.is_empty()) else {
        return again(chosen, None, Some(ctx.t("portal-officer-error-file-empty"))).await;
    };
    match start_issuance(
        state,
        &authority,
        program,
        Some(file.name.as_str()).filter(|name| !name.is_empty()),
        &file.bytes,
        ctx.locale,
        ctx.actor(role),
    )
    .await
    {
        Ok(run) => Ok(Redirect::to(&format!(
            "/cabinet/officer/{}/issuance/{}",
            authority.id, run.id
        ))
        .into_response()),
        Err(ApiError::NotFound(_)) => {
            again(None, Some(ctx.t("portal-officer-error-program")), None).await
        }
        Err(ApiError::Invalid { message, .. }) => {
            let said = message_with(ctx, "portal-officer-error-file", &message);
            again(chosen, None, Some(said)).await
        }
        Err(err) => Err(err.into()),
    }
}

fn message_with(ctx: &Ctx, key: &str, detail: &str) -> String {
    message(ctx.locale, key, &[("detail", detail.to_owned().into())])
}

pub struct ReportRow {
    pub line: i64,
    pub outcome: String,
    pub field: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "portal/officer_run.html")]
struct RunPage {
    layout: Layout,
    back: String,
    here: String,
    running: bool,
    facts: Vec<Fact>,
    error: Option<String>,
    report_href: String,
    rows: Vec<ReportRow>,
}

async fn bulk_run(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, run)): Path<(String, String)>,
) -> Response {
    let result = run_page(&ctx, &state, &authority, &run).await;
    ctx.respond(result)
}

async fn run_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    run: &str,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::ProgramsRead).await?;
    let run = state.store.run(authority.id, parse_id(run)?).await?;
    let running = run.status == "running";
    let count = |key: &str, n: i64| fact(ctx, key, n.to_string());
    let facts = vec![
        fact(ctx, "portal-officer-run-file", run.file_name.clone()),
        fact(
            ctx,
            "portal-officer-run-progress",
            message(
                ctx.locale,
                "portal-officer-run-rows",
                &[
                    ("done", run.rows_done.into()),
                    ("total", run.rows_total.into()),
                ],
            ),
        ),
        count("portal-officer-run-issued", run.issued),
        count("portal-officer-run-waitlisted", run.waitlisted),
        count("portal-officer-run-already", run.already),
        count("portal-officer-run-refused", run.refused),
    ];
    // Rows that need the officer's attention: every refusal, with each reason on its own line.
    let mut rows = Vec::new();
    for row in state.store.run_rows(authority.id, run.id).await? {
        if row.outcome == "issued" || row.outcome == "already_issued" {
            continue;
        }
        let outcome = ctx.t(&format!(
            "portal-officer-outcome-word-{}",
            row.outcome.replace('_', "-")
        ));
        let details = row.details();
        if details.is_empty() {
            rows.push(ReportRow {
                line: row.line,
                outcome: outcome.clone(),
                field: String::new(),
                message: String::new(),
            });
        }
        for (field, text) in details {
            rows.push(ReportRow {
                line: row.line,
                outcome: outcome.clone(),
                field,
                message: text,
            });
        }
    }
    let title = if running {
        ctx.t("portal-officer-run-title-running")
    } else {
        ctx.t("portal-officer-run-title-done")
    };
    let page = RunPage {
        layout: ctx.layout(title),
        back: format!("/cabinet/officer/{}/issuance", authority.id),
        here: format!("/cabinet/officer/{}/issuance/{}", authority.id, run.id),
        running,
        facts,
        error: run
            .error
            .as_ref()
            .map(|_| ctx.t("portal-officer-run-failed")),
        report_href: format!(
            "/api/v1/authorities/{}/issuance-runs/{}/report.csv",
            authority.id, run.id
        ),
        rows,
    };
    html(&page)
}

// ---------------------------------------------------------------------------------------------
// Settlement
// ---------------------------------------------------------------------------------------------

pub struct BatchRow {
    pub href: String,
    pub period_to: String,
    pub status: String,
    pub total: String,
    pub payments: i64,
    pub claims: i64,
    pub paid_on: String,
}

pub struct DisputeRow {
    pub action: String,
    pub provider: String,
    pub delivered_on: String,
    pub units: i64,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "portal/officer_settlement.html")]
struct SettlementPage {
    layout: Layout,
    authority: String,
    action: String,
    csrf: String,
    /// False for a reader who may look but not settle (an auditor).
    manages: bool,
    /// Generated with the form: sending it twice settles once.
    key: String,
    period_to: String,
    period_error: Option<String>,
    open_claims: usize,
    batches: Vec<BatchRow>,
    disputes: Vec<DisputeRow>,
    resolved: bool,
}

#[derive(Debug, Default, Deserialize)]
struct ResolvedQuery {
    resolved: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct SettleForm {
    csrf: Option<String>,
    key: Option<String>,
    period_to: Option<String>,
}

async fn settlement(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    query: Result<Query<ResolvedQuery>, QueryRejection>,
) -> Response {
    let resolved = query.ok().is_some_and(|Query(q)| q.resolved.is_some());
    let result = settlement_page(
        &ctx,
        &state,
        &authority,
        StatusCode::OK,
        None,
        None,
        resolved,
    )
    .await;
    ctx.respond(result)
}

fn batch_status(ctx: &Ctx, status: &str) -> String {
    ctx.t(&format!("portal-officer-batch-{status}"))
}

#[allow(clippy::too_many_arguments)]
async fn settlement_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    status: StatusCode,
    period_to: Option<String>,
    period_error: Option<String>,
    resolved: bool,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::ProgramsRead).await?;
    let principal = ctx.signed_in()?;
    let manages = may(principal, Action::ProgramsManage, authority.id).is_some();
    let open_claims = state.store.open_claims(authority.id).await?.len();
    let batches = state
        .store
        .batches(authority.id)
        .await?
        .into_iter()
        .map(|b| BatchRow {
            href: format!("/cabinet/officer/{}/settlement/{}", authority.id, b.id),
            period_to: ctx.date(b.period_to),
            status: batch_status(ctx, &b.status),
            total: ctx.money(b.total),
            payments: b.payments,
            claims: b.claims,
            paid_on: b.paid_on.map(|d| ctx.date(d)).unwrap_or_default(),
        })
        .collect();
    let mut disputes = Vec::new();
    for r in state.store.disputed_deliveries(authority.id).await? {
        let provider = state.store.provider(r.provider_id).await?;
        disputes.push(DisputeRow {
            action: format!("/cabinet/officer/{}/deliveries/{}", authority.id, r.id),
            provider: provider.details.short_name,
            delivered_on: ctx.date(r.delivered_on),
            units: r.units.count(),
            reason: r.dispute_reason.unwrap_or_default(),
        });
    }
    let title = if period_error.is_some() {
        ctx.t("portal-officer-settlement-title-error")
    } else {
        ctx.t("portal-officer-settlement-title")
    };
    let page = SettlementPage {
        layout: ctx.layout(title),
        authority: authority.names.get(ctx.locale).to_owned(),
        action: format!("/cabinet/officer/{}/settlement", authority.id),
        csrf: ctx.csrf_token(),
        manages,
        key: format!("portal-settle-{}", Uuid::now_v7()),
        period_to: period_to.unwrap_or_else(|| crate::api::dto::today_in(&authority).to_string()),
        period_error,
        open_claims,
        batches,
        disputes,
        resolved,
    };
    Ok((status, html(&page)?).into_response())
}

async fn settle(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    form: Result<Form<SettleForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = settle_submit(&ctx, &state, &authority, form).await;
    ctx.respond(result)
}

async fn settle_submit(
    ctx: &Ctx,
    state: &AppState,
    authority_text: &str,
    form: SettleForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority_text, Action::ProgramsManage).await?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let typed = form.period_to.unwrap_or_default().trim().to_owned();
    let again = |typed: String, error: String| async move {
        settlement_page(
            ctx,
            state,
            authority_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(typed),
            Some(error),
            false,
        )
        .await
    };
    let Ok(period_to) = crate::api::dto::parse_date("period_to", &typed) else {
        return again(typed, ctx.t("portal-officer-error-date")).await;
    };
    // A form without its key (or with a spoiled one) is not sent by our page.
    let key = form
        .key
        .as_deref()
        .and_then(|k| socert_domain::ledger::IdempotencyKey::parse(k).ok())
        .ok_or(Failure::Forbidden)?;
    match settle_period(state, authority.id, period_to, &key, &ctx.actor(role)).await {
        Ok(detail) => Ok(Redirect::to(&format!(
            "/cabinet/officer/{}/settlement/{}",
            authority.id, detail.batch.id
        ))
        .into_response()),
        Err(ApiError::Refused { .. }) => {
            again(typed, ctx.t("portal-officer-error-nothing-to-settle")).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
struct ResolveForm {
    csrf: Option<String>,
    event: Option<String>,
}

async fn resolve(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, record)): Path<(String, String)>,
    form: Result<Form<ResolveForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = resolve_submit(&ctx, &state, &authority, &record, form).await;
    ctx.respond(result)
}

async fn resolve_submit(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    record: &str,
    form: ResolveForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority, Action::ProgramsManage).await?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let record = parse_id(record)?;
    let event = form.event.unwrap_or_default();
    match resolve_delivery(state, authority.id, record, &event, &ctx.actor(role)).await {
        // Resolved now, or by someone else a moment ago: either way the list shows where it stands.
        Ok(_) | Err(ApiError::Refused { .. } | ApiError::Invalid { .. }) => {}
        Err(err) => return Err(err.into()),
    }
    Ok(Redirect::to(&format!(
        "/cabinet/officer/{}/settlement?resolved=1",
        authority.id
    ))
    .into_response())
}

pub struct PaymentRow {
    pub provider: String,
    pub tax_id: String,
    pub bank_account: String,
    pub amount: String,
    pub lines: i64,
}

#[derive(Template)]
#[template(path = "portal/officer_batch.html")]
struct BatchPage {
    layout: Layout,
    back: String,
    action: String,
    csrf: String,
    facts: Vec<Fact>,
    csv_href: String,
    xlsx_href: String,
    payments: Vec<PaymentRow>,
    /// The payment form, while the batch is open and the reader may record it.
    payable: bool,
    paid_on: String,
    bank_reference: String,
    paid_on_error: Option<String>,
    reference_error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct PayForm {
    csrf: Option<String>,
    paid_on: Option<String>,
    bank_reference: Option<String>,
}

#[derive(Default)]
struct PayEcho {
    paid_on: Option<String>,
    bank_reference: String,
    paid_on_error: Option<String>,
    reference_error: Option<String>,
}

async fn batch(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
) -> Response {
    let result = batch_page(
        &ctx,
        &state,
        &authority,
        &id,
        StatusCode::OK,
        PayEcho::default(),
    )
    .await;
    ctx.respond(result)
}

async fn batch_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    id: &str,
    status: StatusCode,
    echo: PayEcho,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::ProgramsRead).await?;
    let detail = state.store.batch(authority.id, parse_id(id)?).await?;
    let b = &detail.batch;
    let mut facts = vec![
        fact(ctx, "portal-officer-batch-period", ctx.date(b.period_to)),
        fact(ctx, "portal-officer-status", batch_status(ctx, &b.status)),
        fact(ctx, "portal-officer-batch-total", ctx.money(b.total)),
        fact(ctx, "portal-officer-batch-claims", b.claims.to_string()),
    ];
    if let Some(paid_on) = b.paid_on {
        facts.push(fact(ctx, "portal-officer-batch-paid-on", ctx.date(paid_on)));
    }
    if let Some(reference) = &b.bank_reference {
        facts.push(fact(
            ctx,
            "portal-officer-batch-reference",
            reference.clone(),
        ));
    }
    let payments = detail
        .payments
        .iter()
        .map(|p| PaymentRow {
            provider: p.provider_name.clone(),
            tax_id: p.tax_id.clone(),
            bank_account: p.bank_account.clone(),
            amount: ctx.money(p.total),
            lines: p.lines,
        })
        .collect();
    let principal = ctx.signed_in()?;
    let payable =
        b.status == "open" && may(principal, Action::ProgramsManage, authority.id).is_some();
    let title = if echo.paid_on_error.is_some() || echo.reference_error.is_some() {
        ctx.t("portal-officer-batch-title-error")
    } else {
        ctx.t("portal-officer-batch-title")
    };
    let api = format!("/api/v1/authorities/{}/settlements/{}", authority.id, b.id);
    let page = BatchPage {
        layout: ctx.layout(title),
        back: format!("/cabinet/officer/{}/settlement", authority.id),
        action: format!("/cabinet/officer/{}/settlement/{}", authority.id, b.id),
        csrf: ctx.csrf_token(),
        facts,
        csv_href: format!("{api}/register.csv"),
        xlsx_href: format!("{api}/register.xlsx"),
        payments,
        payable,
        paid_on: echo
            .paid_on
            .unwrap_or_else(|| crate::api::dto::today_in(&authority).to_string()),
        bank_reference: echo.bank_reference,
        paid_on_error: echo.paid_on_error,
        reference_error: echo.reference_error,
    };
    Ok((status, html(&page)?).into_response())
}

async fn pay(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    form: Result<Form<PayForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = pay_submit(&ctx, &state, &authority, &id, form).await;
    ctx.respond(result)
}

async fn pay_submit(
    ctx: &Ctx,
    state: &AppState,
    authority_text: &str,
    id_text: &str,
    form: PayForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority_text, Action::ProgramsManage).await?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let id = parse_id(id_text)?;
    let typed = form.paid_on.unwrap_or_default().trim().to_owned();
    let reference = form.bank_reference.unwrap_or_default().trim().to_owned();
    let paid_on = crate::api::dto::parse_date("paid_on", &typed).ok();
    if paid_on.is_none() || reference.is_empty() {
        let echo = PayEcho {
            paid_on_error: paid_on
                .is_none()
                .then(|| ctx.t("portal-officer-error-date")),
            reference_error: reference
                .is_empty()
                .then(|| ctx.t("portal-officer-error-reference")),
            paid_on: Some(typed),
            bank_reference: reference,
        };
        return batch_page(
            ctx,
            state,
            authority_text,
            id_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            echo,
        )
        .await;
    }
    let paid_on = paid_on.ok_or(Failure::Internal)?;
    match state
        .store
        .mark_paid(authority.id, id, paid_on, &reference, &ctx.actor(role))
        .await
    {
        // Paid now, or recorded by someone else already: the page shows it either way.
        Ok(_)
        | Err(socert_store::Error::Refused {
            code: "already_paid",
            ..
        }) => Ok(Redirect::to(&format!(
            "/cabinet/officer/{}/settlement/{id}",
            authority.id
        ))
        .into_response()),
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------

fn complaint_status(ctx: &Ctx, status: ComplaintStatus) -> String {
    ctx.t(&format!(
        "portal-officer-complaint-{}",
        status.as_str().replace('_', "-")
    ))
}

pub struct ComplaintRow {
    pub href: String,
    pub filed: String,
    pub provider: String,
    pub status: String,
    pub age: String,
}

#[derive(Template)]
#[template(path = "portal/officer_complaints.html")]
struct ComplaintsPage {
    layout: Layout,
    authority: String,
    tabs: Vec<Tab>,
    rows: Vec<ComplaintRow>,
}

#[derive(Debug, Default, Deserialize)]
struct StatusQuery {
    status: Option<String>,
}

async fn complaints(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    query: Result<Query<StatusQuery>, QueryRejection>,
) -> Response {
    let status = query.ok().and_then(|Query(q)| q.status);
    let result = complaints_page(&ctx, &state, &authority, status.as_deref()).await;
    ctx.respond(result)
}

async fn complaints_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    status: Option<&str>,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::RecipientsManage).await?;
    let status = status
        .and_then(|s| s.parse::<ComplaintStatus>().ok())
        .unwrap_or(ComplaintStatus::Open);
    // The queue shows no complaint's words: those are read, and audited, one at a time.
    let now = socert_domain::Timestamp::now();
    let mut rows = Vec::new();
    for c in state
        .store
        .complaints_of_authority(authority.id, Some(status))
        .await?
    {
        let provider = state.store.provider(c.provider_id).await?;
        let days = (now.as_second() - c.created_at.as_second()) / 86_400;
        rows.push(ComplaintRow {
            href: format!("/cabinet/officer/{}/complaints/{}", authority.id, c.id),
            filed: ctx.date(authority.date_at(c.created_at)),
            provider: provider.details.short_name,
            status: complaint_status(ctx, c.status),
            age: message(ctx.locale, "portal-officer-days", &[("count", days.into())]),
        });
    }
    let tabs = ComplaintStatus::ALL
        .iter()
        .map(|s| Tab {
            href: format!(
                "/cabinet/officer/{}/complaints?status={}",
                authority.id,
                s.as_str()
            ),
            label: complaint_status(ctx, *s),
            current: *s == status,
        })
        .collect();
    let page = ComplaintsPage {
        layout: ctx.layout(message(
            ctx.locale,
            "portal-officer-complaints-title",
            &[("status", complaint_status(ctx, status).into())],
        )),
        authority: authority.names.get(ctx.locale).to_owned(),
        tabs,
        rows,
    };
    html(&page)
}

#[derive(Template)]
#[template(path = "portal/officer_complaint.html")]
struct ComplaintPage {
    layout: Layout,
    back: String,
    facts: Vec<Fact>,
    text: String,
    decision: DecisionBox,
    decided: bool,
}

#[derive(Debug, Default, Deserialize)]
struct ComplaintForm {
    csrf: Option<String>,
    event: Option<String>,
    response: Option<String>,
}

#[derive(Default)]
struct ComplaintEcho {
    event: Option<String>,
    response: String,
    event_error: Option<String>,
    response_error: Option<String>,
    decided: bool,
}

const COMPLAINT_EVENTS: [&str; 3] = ["start_review", "uphold", "dismiss"];

async fn complaint(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    query: Result<Query<DecidedQuery>, QueryRejection>,
) -> Response {
    let echo = ComplaintEcho {
        decided: query.ok().is_some_and(|Query(q)| q.decided.is_some()),
        ..ComplaintEcho::default()
    };
    let result = complaint_page(&ctx, &state, &authority, &id, StatusCode::OK, echo).await;
    ctx.respond(result)
}

async fn complaint_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    id: &str,
    status: StatusCode,
    echo: ComplaintEcho,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority, Action::RecipientsManage).await?;
    // The recipient's words: the read is recorded, as the API's is.
    let c = state
        .store
        .complaint(authority.id, parse_id(id)?, Some(&ctx.actor(role)))
        .await?;
    let provider = state.store.provider(c.provider_id).await?;
    let mut facts = vec![
        fact(ctx, "portal-officer-provider", provider.details.short_name),
        fact(
            ctx,
            "portal-officer-status",
            complaint_status(ctx, c.status),
        ),
        fact(
            ctx,
            "portal-officer-complaint-filed",
            ctx.date(authority.date_at(c.created_at)),
        ),
    ];
    if let Some(response) = &c.response {
        facts.push(fact(
            ctx,
            "portal-officer-complaint-response",
            response.clone(),
        ));
    }
    let events = COMPLAINT_EVENTS
        .into_iter()
        .filter(|word| {
            complaint_event(word, "-".to_owned()).is_ok_and(|event| c.status.apply(&event).is_ok())
        })
        .map(|word| EventChoice {
            value: word,
            label: ctx.t(&format!(
                "portal-officer-complaint-event-{}",
                word.replace('_', "-")
            )),
            checked: echo.event.as_deref() == Some(word),
        })
        .collect();
    let title = if echo.event_error.is_some() || echo.response_error.is_some() {
        ctx.t("portal-officer-complaint-title-error")
    } else {
        ctx.t("portal-officer-complaint-title")
    };
    let page = ComplaintPage {
        layout: ctx.layout(title),
        back: format!("/cabinet/officer/{}/complaints", authority.id),
        facts,
        text: c.body,
        decision: DecisionBox {
            action: format!("/cabinet/officer/{}/complaints/{}", authority.id, c.id),
            csrf: ctx.csrf_token(),
            events,
            event_error: echo.event_error,
            note_name: "response",
            note_label: ctx.t("portal-officer-response-label"),
            note_hint: ctx.t("portal-officer-response-hint"),
            note: echo.response,
            note_error: echo.response_error,
            closed: ctx.t("portal-officer-complaint-closed"),
        },
        decided: echo.decided,
    };
    Ok((status, html(&page)?).into_response())
}

async fn decide_complaint(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((authority, id)): Path<(String, String)>,
    form: Result<Form<ComplaintForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = complaint_submit(&ctx, &state, &authority, &id, form).await;
    ctx.respond(result)
}

async fn complaint_submit(
    ctx: &Ctx,
    state: &AppState,
    authority_text: &str,
    id_text: &str,
    form: ComplaintForm,
) -> Result<Response, Failure> {
    let (authority, role) = tenant(ctx, state, authority_text, Action::RecipientsManage).await?;
    ctx.check_csrf(form.csrf.as_deref())?;
    let id = parse_id(id_text)?;
    let response = form.response.unwrap_or_default().trim().to_owned();
    let word = form
        .event
        .filter(|w| COMPLAINT_EVENTS.contains(&w.as_str()));
    let again = |echo: ComplaintEcho| async move {
        complaint_page(
            ctx,
            state,
            authority_text,
            id_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            echo,
        )
        .await
    };
    let Some(word) = word else {
        return again(ComplaintEcho {
            response,
            event_error: Some(ctx.t("portal-officer-error-event")),
            ..ComplaintEcho::default()
        })
        .await;
    };
    if word != "start_review" && response.is_empty() {
        return again(ComplaintEcho {
            event: Some(word),
            response_error: Some(ctx.t("portal-officer-error-response")),
            ..ComplaintEcho::default()
        })
        .await;
    }
    let event = complaint_event(&word, response.clone())?;
    match state
        .store
        .decide_complaint(authority.id, id, &event, &ctx.actor(role))
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/cabinet/officer/{}/complaints/{id}?decided=1",
            authority.id
        ))
        .into_response()),
        // Decided or withdrawn meanwhile: the page shows where it stands now.
        Err(socert_store::Error::Refused { .. }) => {
            again(ComplaintEcho {
                event: Some(word),
                response,
                event_error: Some(ctx.t("portal-officer-error-transition")),
                ..ComplaintEcho::default()
            })
            .await
        }
        Err(err) => Err(err.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------

/// Kinds of object the log is filtered by, as the store records them.
const AUDIT_KINDS: [&str; 10] = [
    "recipient",
    "certificate",
    "program",
    "admission",
    "provider",
    "complaint",
    "payment_batch",
    "ledger_transaction",
    "user",
    "service",
];

/// Events per page.
const AUDIT_PAGE: u32 = 50;

pub struct KindChoice {
    pub value: &'static str,
    pub selected: bool,
}

pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object: String,
}

#[derive(Template)]
#[template(path = "portal/officer_audit.html")]
struct AuditLogPage {
    layout: Layout,
    authority: String,
    action: String,
    kinds: Vec<KindChoice>,
    from: String,
    to: String,
    date_error: Option<String>,
    rows: Vec<AuditRow>,
    next: Option<String>,
    csv_href: String,
}

#[derive(Debug, Default, Deserialize)]
struct AuditLogQuery {
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    cursor: Option<String>,
}

async fn audit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(authority): Path<String>,
    query: Result<Query<AuditLogQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let result = audit_page(&ctx, &state, &authority, query).await;
    ctx.respond(result)
}

/// Midnight of `date` where the authority is, as an instant.
fn start_of(authority: &Authority, date: socert_domain::Date) -> Option<socert_domain::Timestamp> {
    let tz = jiff::tz::TimeZone::get(&authority.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    tz.to_timestamp(date.at(0, 0, 0, 0)).ok()
}

async fn audit_page(
    ctx: &Ctx,
    state: &AppState,
    authority: &str,
    query: AuditLogQuery,
) -> Result<Response, Failure> {
    let (authority, _) = tenant(ctx, state, authority, Action::AuditRead).await?;
    let kind = query
        .kind
        .as_deref()
        .and_then(|k| AUDIT_KINDS.into_iter().find(|x| *x == k));
    let from_text = query.from.unwrap_or_default().trim().to_owned();
    let to_text = query.to.unwrap_or_default().trim().to_owned();
    let date = |text: &str| -> Result<Option<socert_domain::Date>, ()> {
        if text.is_empty() {
            Ok(None)
        } else {
            text.parse().map(Some).map_err(|_| ())
        }
    };
    let (from, to) = match (date(&from_text), date(&to_text)) {
        (Ok(from), Ok(to)) => (from, to),
        _ => (None, None),
    };
    let date_error = (date(&from_text).is_err() || date(&to_text).is_err())
        .then(|| ctx.t("portal-officer-error-date"));
    // `to` is the last day shown: events before the next midnight.
    let from_at = from.and_then(|d| start_of(&authority, d));
    let to_at = to
        .and_then(|d| d.tomorrow().ok())
        .and_then(|d| start_of(&authority, d));
    let filter = socert_store::audit::AuditFilter {
        object_kind: kind.map(str::to_owned),
        from: from_at,
        to: to_at,
        ..Default::default()
    };
    let after = query.cursor.as_deref().and_then(|c| c.parse::<i64>().ok());
    let found = state
        .store
        .audit_events(
            Some(authority.id),
            &filter,
            &socert_store::PageRequest {
                after,
                limit: AUDIT_PAGE,
            },
        )
        .await?;
    let rows = found
        .items
        .iter()
        .map(|e| AuditRow {
            seq: e.seq,
            at: format!(
                "{} {}",
                ctx.date(authority.date_at(e.at)),
                jiff::tz::TimeZone::get(&authority.time_zone)
                    .unwrap_or(jiff::tz::TimeZone::UTC)
                    .to_datetime(e.at)
                    .time()
                    .strftime("%H:%M")
            ),
            actor: match (&e.role, &e.actor_id) {
                (Some(role), Some(id)) => format!("{role} · {id}"),
                (None, Some(id)) => id.clone(),
                (Some(role), None) => role.clone(),
                (None, None) => e.actor_kind.clone(),
            },
            action: e.action.clone(),
            object: format!("{} {}", e.object_kind, e.object_id),
        })
        .collect();
    // The same filter in the API's terms, for the pages that follow and for the CSV.
    let mut params: Vec<(&str, String)> = Vec::new();
    if let Some(kind) = kind {
        params.push(("object_kind", kind.to_owned()));
    }
    if let Some(at) = from_at {
        params.push(("from", at.to_string()));
    }
    if let Some(at) = to_at {
        params.push(("to", at.to_string()));
    }
    let encode = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", super::form_urlencoded_component(v)))
            .collect::<Vec<_>>()
            .join("&")
    };
    let here: Vec<(&str, String)> = [
        ("kind", kind.unwrap_or_default().to_owned()),
        ("from", from_text.clone()),
        ("to", to_text.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    let next = found.next.map(|seq| {
        let mut pairs = here.clone();
        pairs.push(("cursor", seq.to_string()));
        format!("/cabinet/officer/{}/audit?{}", authority.id, encode(&pairs))
    });
    let page = AuditLogPage {
        layout: ctx.layout(if date_error.is_some() {
            ctx.t("portal-officer-audit-title-error")
        } else {
            ctx.t("portal-officer-audit-title")
        }),
        authority: authority.names.get(ctx.locale).to_owned(),
        action: format!("/cabinet/officer/{}/audit", authority.id),
        kinds: AUDIT_KINDS
            .into_iter()
            .map(|k| KindChoice {
                value: k,
                selected: Some(k) == kind,
            })
            .collect(),
        from: from_text,
        to: to_text,
        date_error,
        rows,
        next,
        csv_href: format!(
            "/api/v1/authorities/{}/audit.csv?{}",
            authority.id,
            encode(&params)
        ),
    };
    html(&page)
}

#[cfg(test)]
mod tests {
    use socert_domain::Locale;
    use socert_domain::registry::LegalForm;

    use super::*;

    #[test]
    fn every_status_decision_and_queue_has_words_in_every_language() {
        let mut keys: Vec<String> = AdmissionStatus::ALL
            .iter()
            .map(|s| format!("portal-officer-admission-{}", s.as_str().replace('_', "-")))
            .collect();
        keys.extend(
            EVENTS
                .iter()
                .map(|e| format!("portal-officer-event-{}", e.as_str().replace('_', "-"))),
        );
        keys.extend(
            LegalForm::ALL
                .iter()
                .map(|f| format!("portal-officer-legal-form-{}", f.as_str().replace('_', "-"))),
        );
        for (queue, _) in QUEUES {
            keys.push(format!("portal-officer-queue-{queue}"));
            keys.push(format!("portal-officer-queue-{queue}-title"));
        }
        for outcome in ["issued", "already-issued", "waitlisted"] {
            keys.push(format!("portal-officer-outcome-{outcome}"));
        }
        for status in ComplaintStatus::ALL {
            keys.push(format!(
                "portal-officer-complaint-{}",
                status.as_str().replace('_', "-")
            ));
        }
        for word in COMPLAINT_EVENTS {
            keys.push(format!(
                "portal-officer-complaint-event-{}",
                word.replace('_', "-")
            ));
        }
        for status in ["open", "paid"] {
            keys.push(format!("portal-officer-batch-{status}"));
        }
        for outcome in ["waitlisted", "refused"] {
            keys.push(format!("portal-officer-outcome-word-{outcome}"));
        }
        for locale in Locale::ALL {
            for key in &keys {
                assert_ne!(&message(locale, key, &[]), key, "{locale} lacks {key}");
            }
        }
    }

    #[test]
    fn queue_counts_agree_with_the_number() {
        let count =
            |locale, n: i64| message(locale, "portal-officer-queue-count", &[("count", n.into())]);
        assert_eq!(count(Locale::Ru, 1), "1 поставщик");
        assert_eq!(count(Locale::Ru, 3), "3 поставщика");
        assert_eq!(count(Locale::Ru, 11), "11 поставщиков");
        assert_eq!(count(Locale::Uk, 22), "22 надавачі");
        assert_eq!(count(Locale::En, 1), "1 provider");
        assert_eq!(count(Locale::En, 2), "2 providers");
    }
}
