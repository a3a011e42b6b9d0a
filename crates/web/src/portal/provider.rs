//! The provider's cabinet: admissions and their documents, offers, enrollment requests,
//! deliveries (one by one or from a CSV file) and claims.
//!
//! Every write goes through the API's own handler, called in-process with the access the API's
//! policy would grant (`provider.manage` for this provider), so the rules, refusals and audit are
//! the API's. Forms are plain HTML; each POST carries the session's CSRF token.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::multipart::Multipart;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Extension, Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use socert_domain::enrollment::EnrollmentStatus;
use socert_domain::identity::{Action, Decision};
use socert_domain::registry::AdmissionStatus;
use socert_domain::{AuthorityId, Locale, Money};
use socert_store::audit::Actor;
use socert_store::registry::{Offer, Provider};
use socert_store::{PageRequest, ServiceFilter};
use uuid::Uuid;

use super::public::offer_title;
use super::{Ctx, Failure, FieldError, Layout, find_error, html, parse_id, read_multipart};
use crate::AppState;
use crate::api::dto::MoneyDto;
use crate::api::enrollments::{
    ClaimBody, DecisionBody, DeliveriesBody, DeliveryBody, DeliveryReport, decide,
    provider_balance, provider_claim, provider_claims, provider_notifications, record_deliveries,
    record_deliveries_csv, submit_claim,
};
use crate::api::registry::{LocationDto, PublishOffer, publish_offer, update_own_offer};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, Upload};
use crate::i18n::message;

/// Every page of the cabinet.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cabinet/provider", get(home))
        .route("/cabinet/provider/{provider_id}", get(dashboard))
        .route("/cabinet/provider/{provider_id}/admissions", post(apply))
        .route(
            "/cabinet/provider/{provider_id}/admissions/{admission_id}/documents",
            post(upload),
        )
        .route(
            "/cabinet/provider/{provider_id}/offers",
            get(offers).post(publish),
        )
        .route(
            "/cabinet/provider/{provider_id}/offers/{offer_id}",
            get(edit_offer).post(save_offer),
        )
        .route("/cabinet/provider/{provider_id}/requests", get(requests))
        .route(
            "/cabinet/provider/{provider_id}/requests/{authority_id}/{enrollment_id}",
            post(decide_request),
        )
        .route(
            "/cabinet/provider/{provider_id}/deliveries",
            get(deliveries).post(record),
        )
        .route(
            "/cabinet/provider/{provider_id}/deliveries.csv",
            post(record_csv),
        )
        .route(
            "/cabinet/provider/{provider_id}/claims",
            get(claims).post(claim),
        )
        .route(
            "/cabinet/provider/{provider_id}/claims/{authority_id}/{claim_id}",
            get(claim_detail),
        )
}

// ---------------------------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------------------------

/// The provider the reader works for, with the actor their writes are recorded as: the rule of
/// the API's `ForProvider(provider.manage)` routes.
struct Staff {
    provider: Provider,
    actor: Actor,
    csrf: String,
}

async fn staff(ctx: &Ctx, state: &AppState, provider_id: &str) -> Result<Staff, Failure> {
    let principal = ctx.signed_in()?;
    let id: Uuid = parse_id(provider_id)?;
    let decision = principal.decide_for_provider(Action::ProviderManage, id);
    match decision {
        Decision::Allow(_) => {}
        Decision::Hidden => return Err(Failure::NotFound),
        Decision::Forbidden => return Err(Failure::Forbidden),
    }
    let provider = state.store.provider(id).await?;
    Ok(Staff {
        provider,
        actor: ctx.caller.actor(Some(decision), ctx.request_id.clone()),
        csrf: ctx.csrf_token(),
    })
}

impl Staff {
    /// A form's token must be the session's: another site cannot read it.
    fn check(&self, sent: Option<&str>) -> Result<(), Failure> {
        if super::same_secret(sent.unwrap_or_default(), &self.csrf) {
            Ok(())
        } else {
            Err(Failure::Forbidden)
        }
    }

    fn href(&self, page: &str) -> String {
        if page.is_empty() {
            format!("/cabinet/provider/{}", self.provider.id)
        } else {
            format!("/cabinet/provider/{}/{page}", self.provider.id)
        }
    }
}

/// The cabinet's own links, shown on every page of it.
pub struct Tab {
    pub href: String,
    pub label: String,
    pub current: bool,
}

fn tabs(ctx: &Ctx, staff: &Staff, current: &str) -> Vec<Tab> {
    [
        ("", "portal-provider-tab-dashboard"),
        ("offers", "portal-provider-tab-offers"),
        ("requests", "portal-provider-tab-requests"),
        ("deliveries", "portal-provider-tab-deliveries"),
        ("claims", "portal-provider-tab-claims"),
    ]
    .into_iter()
    .map(|(page, key)| Tab {
        href: staff.href(page),
        label: ctx.t(key),
        current: page == current,
    })
    .collect()
}

/// A text field as typed, trimmed.
fn typed(value: &Option<String>) -> String {
    value.as_deref().unwrap_or_default().trim().to_owned()
}

/// What the page says after a redirect: only messages of our own, picked by key.
#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

const DONE: &[&str] = &[
    "applied",
    "document",
    "published",
    "saved",
    "accepted",
    "declined",
    "recorded",
    "claimed",
];

fn done_message(ctx: &Ctx, query: Result<Query<DoneQuery>, QueryRejection>) -> Option<String> {
    let done = query.ok()?.0.done?;
    DONE.contains(&done.as_str())
        .then(|| ctx.t(&format!("portal-provider-done-{done}")))
}

fn see_other(to: String) -> Response {
    Redirect::to(&to).into_response()
}

// ---------------------------------------------------------------------------------------------
// The cabinet's entrance
// ---------------------------------------------------------------------------------------------

pub struct ProviderLink {
    pub href: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "portal/provider-choose.html")]
struct ChoosePage {
    layout: Layout,
    providers: Vec<ProviderLink>,
}

/// Staff of one provider go straight to its dashboard; staff of several choose.
pub async fn home(ctx: Ctx, State(state): State<AppState>) -> Response {
    let result = home_page(&ctx, &state).await;
    ctx.respond(result)
}

async fn home_page(ctx: &Ctx, state: &AppState) -> Result<Response, Failure> {
    let principal = ctx.signed_in()?;
    let mut ids: Vec<Uuid> = principal
        .grants
        .iter()
        .filter(|g| g.role == socert_domain::identity::Role::Provider)
        .filter_map(|g| g.subject)
        .collect();
    ids.dedup();
    // A grant may name a provider that was never registered (the demo's placeholder): skip it.
    let mut providers = Vec::with_capacity(ids.len());
    for id in ids {
        match state.store.provider(id).await {
            Ok(p) => providers.push(ProviderLink {
                href: format!("/cabinet/provider/{id}"),
                name: p.details.short_name,
            }),
            Err(socert_store::Error::NotFound { .. }) => {}
            Err(err) => return Err(err.into()),
        }
    }
    match providers.len() {
        0 => Err(Failure::Forbidden),
        1 => Ok(see_other(providers.remove(0).href)),
        _ => html(&ChoosePage {
            layout: ctx.layout(ctx.t("portal-provider-choose-title")),
            providers,
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Dashboard: admissions, documents, applications
// ---------------------------------------------------------------------------------------------

pub struct DocumentRow {
    pub name: String,
    pub size: String,
    pub uploaded: String,
}

pub struct AdmissionCard {
    pub id: Uuid,
    pub authority: String,
    pub status: String,
    pub status_code: &'static str,
    /// The officer's words, for a rejection, suspension or exclusion.
    pub reason: Option<String>,
    pub services: Vec<String>,
    pub documents: Vec<DocumentRow>,
    pub upload_href: String,
}

pub struct ServiceChoice {
    pub name: String,
    pub field: String,
    pub checked: bool,
}

/// An authority the provider may (re)apply to, with its catalogue.
pub struct ApplyForm {
    pub authority_id: String,
    pub authority: String,
    pub services: Vec<ServiceChoice>,
}

#[derive(Template)]
#[template(path = "portal/provider-dashboard.html")]
struct DashboardPage {
    layout: Layout,
    tabs: Vec<Tab>,
    provider_name: String,
    csrf: String,
    done: Option<String>,
    admissions: Vec<AdmissionCard>,
    apply_href: String,
    apply: Vec<ApplyForm>,
    inbox: Vec<InboxRow>,
    errors: Vec<FieldError>,
}

/// One message of the provider's inbox: what happened, in words, and when.
pub struct InboxRow {
    pub date: String,
    pub authority: String,
    pub what: String,
    pub unread: bool,
}

impl DashboardPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }
}

pub async fn dashboard(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let done = done_message(&ctx, query);
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        dashboard_page(&ctx, &state, &staff, done, Vec::new(), StatusCode::OK).await
    }
    .await;
    ctx.respond(result)
}

/// The dashboard shows this many of the newest messages.
const INBOX_SIZE: usize = 10;

fn size_text(ctx: &Ctx, bytes: i64) -> String {
    let kib = (bytes + 1023) / 1024;
    message(
        ctx.locale,
        "portal-provider-doc-size",
        &[("kib", kib.into())],
    )
}

async fn dashboard_page(
    ctx: &Ctx,
    state: &AppState,
    staff: &Staff,
    done: Option<String>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, Failure> {
    let admissions = state
        .store
        .admissions_of_provider(staff.provider.id)
        .await?;
    let mut cards = Vec::with_capacity(admissions.len());
    let mut inbox = Vec::new();
    for a in &admissions {
        let authority = state.store.authority(a.authority_id).await?;
        let messages = provider_notifications(
            State(state.clone()),
            ApiPath((staff.provider.id, a.authority_id)),
        )
        .await?
        .0;
        for n in messages.items.iter().take(INBOX_SIZE) {
            let at: Option<socert_domain::Timestamp> = n.created_at.parse().ok();
            let key = format!("portal-provider-inbox-{}", n.kind.replace('_', "-"));
            let what = ctx.t(&key);
            inbox.push((
                at,
                InboxRow {
                    date: at
                        .map(|at| ctx.date(authority.date_at(at)))
                        .unwrap_or_default(),
                    authority: authority.names.get(ctx.locale).to_owned(),
                    what: if what == key { n.kind.clone() } else { what },
                    unread: !n.read,
                },
            ));
        }
        let mut services = Vec::with_capacity(a.services.len());
        for s in &a.services {
            let service = state.store.service(a.authority_id, *s).await?;
            services.push(service.names.get(ctx.locale).to_owned());
        }
        let documents = state
            .store
            .documents(a.authority_id, a.id)
            .await?
            .iter()
            .map(|d| DocumentRow {
                name: d.file_name.clone(),
                size: size_text(ctx, d.size_bytes),
                uploaded: ctx.date(authority.date_at(d.uploaded_at)),
            })
            .collect();
        cards.push(AdmissionCard {
            id: a.id,
            authority: authority.names.get(ctx.locale).to_owned(),
            status: ctx.t(&format!(
                "portal-provider-admission-{}",
                a.status.as_str().replace('_', "-")
            )),
            status_code: a.status.as_str(),
            reason: a.reason.clone().filter(|r| !r.trim().is_empty()),
            services,
            documents,
            upload_href: staff.href(&format!("admissions/{}/documents", a.id)),
        });
    }
    // An application is one per authority: a new one where there is none, again after a
    // rejection (the store refuses anything else).
    let mut apply = Vec::new();
    for authority in state.store.list_authorities().await? {
        let open = admissions
            .iter()
            .find(|a| a.authority_id == authority.id)
            .is_none_or(|a| a.status == AdmissionStatus::Rejected);
        if !open {
            continue;
        }
        let catalogue = state
            .store
            .services(
                authority.id,
                &ServiceFilter::default(),
                &PageRequest {
                    after: None,
                    limit: 500,
                },
            )
            .await?
            .items;
        if catalogue.is_empty() {
            continue;
        }
        apply.push(ApplyForm {
            authority_id: authority.id.to_string(),
            authority: authority.names.get(ctx.locale).to_owned(),
            services: catalogue
                .iter()
                .map(|s| ServiceChoice {
                    name: s.names.get(ctx.locale).to_owned(),
                    field: format!("service_{}", s.id),
                    checked: false,
                })
                .collect(),
        });
    }
    // Newest first across authorities.
    inbox.sort_by_key(|row| std::cmp::Reverse(row.0));
    let inbox = inbox
        .into_iter()
        .take(INBOX_SIZE)
        .map(|(_, row)| row)
        .collect();
    let page = DashboardPage {
        layout: ctx.layout(ctx.t("portal-provider-dashboard-title")),
        tabs: tabs(ctx, staff, ""),
        provider_name: staff.provider.details.short_name.clone(),
        csrf: staff.csrf.clone(),
        done,
        admissions: cards,
        apply_href: staff.href("admissions"),
        apply,
        inbox,
        errors,
    };
    Ok((status, html(&page)?).into_response())
}

/// The application form: the authority and a checkbox `service_<id>` per chosen service.
pub async fn apply(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        staff.check(form.get("csrf").map(String::as_str))?;
        let authority: Uuid = form
            .get("authority_id")
            .and_then(|a| a.parse().ok())
            .ok_or(Failure::NotFound)?;
        let services: Vec<Uuid> = form
            .keys()
            .filter_map(|k| k.strip_prefix("service_"))
            .filter_map(|id| id.parse().ok())
            .collect();
        if services.is_empty() {
            let errors = vec![FieldError {
                field: format!("apply-{authority}"),
                message: ctx.t("portal-provider-apply-error-services"),
            }];
            return dashboard_page(
                &ctx,
                &state,
                &staff,
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        let body = crate::api::registry::ApplyRequest {
            authority_id: authority,
            service_ids: services,
        };
        match crate::api::registry::apply(
            State(state.clone()),
            ApiPath(staff.provider.id),
            Extension(staff.actor.clone()),
            ApiJson(body),
        )
        .await
        {
            Ok(_) => Ok(see_other(format!("{}?done=applied", staff.href("")))),
            // Applied in the meantime (another tab), or a service left the catalogue.
            Err(
                err @ (ApiError::Conflict(_) | ApiError::NotFound(_) | ApiError::Invalid { .. }),
            ) => {
                let errors = vec![FieldError {
                    field: format!("apply-{authority}"),
                    message: refusal_text(&ctx, &err),
                }];
                dashboard_page(
                    &ctx,
                    &state,
                    &staff,
                    None,
                    errors,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(other) => Err(other.into()),
        }
    }
    .await;
    ctx.respond(result)
}

/// A document for an admission, as a multipart form (`csrf`, `file`).
pub async fn upload(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((provider_id, admission_id)): Path<(String, String)>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        let admission: Uuid = parse_id(&admission_id)?;
        let form = read_multipart(multipart.map_err(|_| Failure::Forbidden)?).await;
        let field = format!("file-{admission}");
        let fail = |key: &str| FieldError {
            field: field.clone(),
            message: ctx.t(key),
        };
        // A body over the limit is refused before any of it is read, token included; saying so
        // changes nothing, so it needs no token.
        if !form.too_large {
            staff.check(form.csrf.as_deref())?;
        }
        let checked = match &form.file {
            _ if form.too_large => Err(fail("portal-provider-doc-error-size")),
            None => Err(fail("portal-provider-doc-error-missing")),
            Some(file) => {
                match crate::api::documents::accepted_type(&file.content_type, &file.bytes) {
                    Ok(kind) => match crate::api::documents::clean_file_name(&file.name) {
                        Some(name) => Ok((kind, name)),
                        None => Err(fail("portal-provider-doc-error-name")),
                    },
                    Err(ApiError::PayloadTooLarge { .. }) => {
                        Err(fail("portal-provider-doc-error-size"))
                    }
                    Err(_) => Err(fail("portal-provider-doc-error-type")),
                }
            }
        };
        match checked {
            Ok((kind, name)) => {
                let bytes = form.file.map(|f| f.bytes).unwrap_or_default();
                state
                    .store
                    .add_document(
                        staff.provider.id,
                        admission,
                        &name,
                        kind,
                        &bytes,
                        &staff.actor,
                    )
                    .await?;
                Ok(see_other(format!("{}?done=document", staff.href(""))))
            }
            Err(error) => {
                dashboard_page(
                    &ctx,
                    &state,
                    &staff,
                    None,
                    vec![error],
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    }
    .await;
    ctx.respond(result)
}

// ---------------------------------------------------------------------------------------------
// Offers
// ---------------------------------------------------------------------------------------------

pub struct OfferRow {
    pub title: String,
    pub href: String,
    pub edit: String,
    pub authority: String,
    pub price: String,
    pub seats: String,
    pub municipality: String,
}

/// A service the provider is admitted for, as the value `authority:service` of one select.
pub struct ServiceOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct Check {
    pub name: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct OfferForm {
    csrf: Option<String>,
    service: Option<String>,
    title_ru: Option<String>,
    title_uk: Option<String>,
    title_en: Option<String>,
    description: Option<String>,
    price: Option<String>,
    capacity: Option<String>,
    schedule: Option<String>,
    municipality: Option<String>,
    address: Option<String>,
    latitude: Option<String>,
    longitude: Option<String>,
    age_min: Option<String>,
    age_max: Option<String>,
    wheelchair_access: Option<String>,
    sign_language: Option<String>,
    home_visits: Option<String>,
    transport: Option<String>,
    lang_ru: Option<String>,
    lang_uk: Option<String>,
    lang_en: Option<String>,
    /// The version the edited offer had when its form was shown.
    version: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/provider-offers.html")]
struct OffersPage {
    layout: Layout,
    tabs: Vec<Tab>,
    csrf: String,
    done: Option<String>,
    offers: Vec<OfferRow>,
    action: String,
    services: Vec<ServiceOption>,
    form: OfferForm,
    features: Vec<Check>,
    languages: Vec<Check>,
    errors: Vec<FieldError>,
    /// Editing a published offer rather than publishing a new one.
    editing: bool,
}

impl OffersPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }

    fn value<'a>(&self, value: &'a Option<String>) -> &'a str {
        value.as_deref().unwrap_or_default()
    }
}

pub async fn offers(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let done = done_message(&ctx, query);
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        let form = OfferForm {
            municipality: Some(staff.provider.details.location.municipality.clone()),
            address: Some(staff.provider.details.location.address.clone()),
            lang_ru: Some("true".into()),
            ..OfferForm::default()
        };
        offers_page(&ctx, &state, &staff, done, form, Vec::new(), None).await
    }
    .await;
    ctx.respond(result)
}

/// The offers page, or with `editing` the form of that offer alone.
async fn offers_page(
    ctx: &Ctx,
    state: &AppState,
    staff: &Staff,
    done: Option<String>,
    form: OfferForm,
    errors: Vec<FieldError>,
    editing: Option<Uuid>,
) -> Result<Response, Failure> {
    let mut authorities = HashMap::new();
    for a in state.store.list_authorities().await? {
        authorities.insert(a.id, a);
    }
    let authority_name = |id: AuthorityId| {
        authorities
            .get(&id)
            .map(|a| a.names.get(ctx.locale).to_owned())
            .unwrap_or_default()
    };
    let rows = state
        .store
        .offers_of_provider(staff.provider.id)
        .await?
        .iter()
        .map(|o| OfferRow {
            title: offer_title(ctx.locale, o),
            href: format!("/offers/{}", o.id),
            edit: staff.href(&format!("offers/{}", o.id)),
            authority: authority_name(o.details.authority_id),
            price: ctx.money(o.details.price),
            seats: message(
                ctx.locale,
                "portal-provider-offer-seats",
                &[
                    (
                        "free",
                        i64::from(o.details.capacity.saturating_sub(o.seats_taken)).into(),
                    ),
                    ("capacity", i64::from(o.details.capacity).into()),
                ],
            ),
            municipality: o.details.location.municipality.clone(),
        })
        .collect();
    let chosen = form.service.clone().unwrap_or_default();
    let mut services = Vec::new();
    for a in state
        .store
        .admissions_of_provider(staff.provider.id)
        .await?
        .iter()
        .filter(|a| a.status == AdmissionStatus::Admitted)
    {
        for s in &a.services {
            let service = state.store.service(a.authority_id, *s).await?;
            let value = format!("{}:{}", a.authority_id, s);
            // An offer keeps its service: its form offers no other.
            if editing.is_some() && value != chosen {
                continue;
            }
            services.push(ServiceOption {
                selected: value == chosen,
                value,
                label: format!(
                    "{} — {}",
                    service.names.get(ctx.locale),
                    authority_name(a.authority_id)
                ),
            });
        }
    }
    let check = |name: &'static str, key: &str, value: &Option<String>| Check {
        name,
        label: ctx.t(key),
        checked: value.is_some(),
    };
    let features = vec![
        check(
            "wheelchair_access",
            "portal-feature-wheelchair-access",
            &form.wheelchair_access,
        ),
        check(
            "sign_language",
            "portal-feature-sign-language",
            &form.sign_language,
        ),
        check(
            "home_visits",
            "portal-feature-home-visits",
            &form.home_visits,
        ),
        check("transport", "portal-feature-transport", &form.transport),
    ];
    let languages = vec![
        Check {
            name: "lang_ru",
            label: super::language_name(Locale::Ru).to_owned(),
            checked: form.lang_ru.is_some(),
        },
        Check {
            name: "lang_uk",
            label: super::language_name(Locale::Uk).to_owned(),
            checked: form.lang_uk.is_some(),
        },
        Check {
            name: "lang_en",
            label: super::language_name(Locale::En).to_owned(),
            checked: form.lang_en.is_some(),
        },
    ];
    let (status, title) = match (errors.is_empty(), editing.is_some()) {
        (true, false) => (StatusCode::OK, ctx.t("portal-provider-offers-title")),
        (true, true) => (StatusCode::OK, ctx.t("portal-provider-offer-edit-title")),
        (false, false) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            ctx.t("portal-provider-offers-title-errors"),
        ),
        (false, true) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            ctx.t("portal-provider-offer-edit-title-errors"),
        ),
    };
    let page = OffersPage {
        layout: ctx.layout(title),
        tabs: tabs(ctx, staff, "offers"),
        csrf: staff.csrf.clone(),
        done,
        offers: rows,
        action: match editing {
            Some(id) => staff.href(&format!("offers/{id}")),
            None => staff.href("offers"),
        },
        services,
        form,
        features,
        languages,
        errors,
        editing: editing.is_some(),
    };
    Ok((status, html(&page)?).into_response())
}

/// The form as the API's request, or the fields that cannot be read.
fn offer_request(
    ctx: &Ctx,
    form: &OfferForm,
    currency: Option<socert_domain::Currency>,
) -> Result<PublishOffer, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: &str| errors.push(offer_error(ctx, field));
    let service = typed(&form.service)
        .split_once(':')
        .and_then(|(a, s)| Some((a.parse::<Uuid>().ok()?, s.parse::<Uuid>().ok()?)));
    if service.is_none() {
        fail("service");
    }
    let price = match currency {
        Some(currency) => Money::parse(&typed(&form.price).replace(',', "."), currency)
            .ok()
            .filter(|m| m.is_positive()),
        None => None,
    };
    if price.is_none() && service.is_some() {
        fail("price");
    }
    let capacity = typed(&form.capacity).parse::<u32>().ok().filter(|c| *c > 0);
    if capacity.is_none() {
        fail("capacity");
    }
    let coordinate = |value: &Option<String>| -> Result<Option<f64>, ()> {
        let text = typed(value).replace(',', ".");
        if text.is_empty() {
            Ok(None)
        } else {
            text.parse::<f64>().map(Some).map_err(|_| ())
        }
    };
    let latitude = coordinate(&form.latitude);
    if latitude.is_err() {
        fail("latitude");
    }
    let longitude = coordinate(&form.longitude);
    if longitude.is_err() {
        fail("longitude");
    }
    let age = |value: &Option<String>| -> Result<Option<u8>, ()> {
        let text = typed(value);
        if text.is_empty() {
            Ok(None)
        } else {
            text.parse::<u8>().map(Some).map_err(|_| ())
        }
    };
    let age_min = age(&form.age_min);
    if age_min.is_err() {
        fail("age_min");
    }
    let age_max = age(&form.age_max);
    if age_max.is_err() {
        fail("age_max");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some((authority_id, service_id)), Some(price), Some(capacity)) =
        (service, price, capacity)
    else {
        return Err(errors);
    };
    let languages = [
        (&form.lang_ru, "ru"),
        (&form.lang_uk, "uk"),
        (&form.lang_en, "en"),
    ]
    .into_iter()
    .filter(|(on, _)| on.is_some())
    .map(|(_, code)| code.to_owned())
    .collect();
    Ok(PublishOffer {
        authority_id,
        service_id,
        title_ru: Some(typed(&form.title_ru)),
        title_uk: Some(typed(&form.title_uk)),
        title_en: Some(typed(&form.title_en)),
        description: typed(&form.description),
        price: MoneyDto::from(price),
        capacity,
        schedule: typed(&form.schedule),
        location: LocationDto {
            address: typed(&form.address),
            municipality: typed(&form.municipality),
            latitude: latitude.unwrap_or_default(),
            longitude: longitude.unwrap_or_default(),
        },
        age_min: age_min.unwrap_or_default(),
        age_max: age_max.unwrap_or_default(),
        wheelchair_access: form.wheelchair_access.is_some(),
        sign_language: form.sign_language.is_some(),
        home_visits: form.home_visits.is_some(),
        transport: form.transport.is_some(),
        languages,
    })
}

/// The form field an API refusal of an offer is about.
fn offer_field(api_field: &str) -> &'static str {
    match api_field {
        "title_ru" | "title_uk" | "title_en" => "title_ru",
        f if f.starts_with("price") => "price",
        "age_max" | "age_min" => "age_max",
        "languages" => "lang_ru",
        "location.latitude" => "latitude",
        "location.longitude" => "longitude",
        f if f.starts_with("location") => "address",
        "capacity" => "capacity",
        _ => "service",
    }
}

/// The offer form's field at fault, with the message it has for itself.
fn offer_error(ctx: &Ctx, field: &str) -> FieldError {
    let key = format!("portal-provider-offer-error-{}", field.replace('_', "-"));
    FieldError {
        field: field.to_owned(),
        message: ctx.t(&key),
    }
}

/// The authority of the service an offer form names (`authority:service`).
fn form_authority(form: &OfferForm) -> Option<AuthorityId> {
    typed(&form.service)
        .split_once(':')
        .and_then(|(a, _)| a.parse().ok())
}

pub async fn publish(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    form: Result<Form<OfferForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        staff.check(form.csrf.as_deref())?;
        let currency = match form_authority(&form) {
            Some(id) => Some(state.store.authority(id).await?.currency),
            None => None,
        };
        let body = match offer_request(&ctx, &form, currency) {
            Ok(body) => body,
            Err(errors) => {
                return offers_page(&ctx, &state, &staff, None, form, errors, None).await;
            }
        };
        let published = publish_offer(
            State(state.clone()),
            ApiPath(staff.provider.id),
            Extension(staff.actor.clone()),
            ApiJson(body),
        )
        .await;
        let error = match published {
            Ok(_) => {
                return Ok(see_other(format!(
                    "{}?done=published",
                    staff.href("offers")
                )));
            }
            Err(ApiError::Invalid { field, .. }) => offer_error(&ctx, offer_field(&field)),
            Err(ApiError::NotAdmitted | ApiError::NotFound(_)) => offer_error(&ctx, "service"),
            Err(other) => return Err(other.into()),
        };
        offers_page(&ctx, &state, &staff, None, form, vec![error], None).await
    }
    .await;
    ctx.respond(result)
}

/// An offer's form filled in as it is now, to change it.
pub async fn edit_offer(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((provider_id, offer_id)): Path<(String, String)>,
) -> Response {
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        let offer_id: Uuid = parse_id(&offer_id)?;
        let offer = state
            .store
            .offers_of_provider(staff.provider.id)
            .await?
            .into_iter()
            .find(|o| o.id == offer_id)
            .ok_or(Failure::NotFound)?;
        let form = form_of(&offer);
        offers_page(&ctx, &state, &staff, None, form, Vec::new(), Some(offer.id)).await
    }
    .await;
    ctx.respond(result)
}

/// The form of an offer as published.
fn form_of(offer: &Offer) -> OfferForm {
    let d = &offer.details;
    let filled = |text: &str| Some(text.to_owned());
    let on = |flag: bool| flag.then(|| "true".to_owned());
    let minor = d.price.minor();
    OfferForm {
        csrf: None,
        service: Some(format!("{}:{}", d.authority_id, d.service_id)),
        title_ru: filled(&d.titles[0]),
        title_uk: filled(&d.titles[1]),
        title_en: filled(&d.titles[2]),
        description: filled(&d.description),
        price: Some(format!("{}.{:02}", minor / 100, minor % 100)),
        capacity: Some(d.capacity.to_string()),
        schedule: filled(&d.schedule),
        municipality: filled(&d.location.municipality),
        address: filled(&d.location.address),
        latitude: d.location.latitude.map(|v| v.to_string()),
        longitude: d.location.longitude.map(|v| v.to_string()),
        age_min: d.age_min.map(|v| v.to_string()),
        age_max: d.age_max.map(|v| v.to_string()),
        wheelchair_access: on(d.accessibility.wheelchair),
        sign_language: on(d.accessibility.sign_language),
        home_visits: on(d.accessibility.home_visits),
        transport: on(d.accessibility.transport),
        lang_ru: on(d.languages.iter().any(|l| l == "ru")),
        lang_uk: on(d.languages.iter().any(|l| l == "uk")),
        lang_en: on(d.languages.iter().any(|l| l == "en")),
        version: Some(offer.version.to_string()),
    }
}

pub async fn save_offer(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((provider_id, offer_id)): Path<(String, String)>,
    form: Result<Form<OfferForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        staff.check(form.csrf.as_deref())?;
        let offer_id: Uuid = parse_id(&offer_id)?;
        let authority = form_authority(&form).ok_or(Failure::NotFound)?;
        let currency = state.store.authority(authority).await?.currency;
        let editing = Some(offer_id);
        let body = match offer_request(&ctx, &form, Some(currency)) {
            Ok(body) => body,
            Err(errors) => {
                return offers_page(&ctx, &state, &staff, None, form, errors, editing).await;
            }
        };
        let version = typed(&form.version).parse::<i64>().ok();
        let saved = update_own_offer(
            &state,
            staff.provider.id,
            offer_id,
            &body,
            version,
            &staff.actor,
        )
        .await;
        let said = |field: &str, key: &str| FieldError {
            field: field.to_owned(),
            message: ctx.t(key),
        };
        let error = match saved {
            Ok(_) => return Ok(see_other(format!("{}?done=saved", staff.href("offers")))),
            Err(ApiError::VersionMismatch(_)) => {
                said("title_ru", "portal-provider-offer-error-version")
            }
            Err(ApiError::Refused {
                code: "capacity_below_seats",
                ..
            }) => said(
                "capacity",
                "portal-provider-offer-error-capacity-below-seats",
            ),
            Err(ApiError::Invalid { field, .. }) => offer_error(&ctx, offer_field(&field)),
            Err(other) => return Err(other.into()),
        };
        offers_page(&ctx, &state, &staff, None, form, vec![error], editing).await
    }
    .await;
    ctx.respond(result)
}

// ---------------------------------------------------------------------------------------------
// Enrollment requests
// ---------------------------------------------------------------------------------------------

pub struct RequestRow {
    pub id: String,
    pub offer: String,
    pub volume: i64,
    pub period: String,
    pub total: String,
    pub copay: String,
    pub action: String,
}

#[derive(Template)]
#[template(path = "portal/provider-requests.html")]
struct RequestsPage {
    layout: Layout,
    tabs: Vec<Tab>,
    csrf: String,
    done: Option<String>,
    requests: Vec<RequestRow>,
    /// A refusal of the whole action (no seat left, the request was withdrawn).
    refused: Option<String>,
    errors: Vec<FieldError>,
}

impl RequestsPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }
}

pub async fn requests(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let done = done_message(&ctx, query);
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        requests_page(&ctx, &state, &staff, done, None, Vec::new()).await
    }
    .await;
    ctx.respond(result)
}

async fn offer_titles(
    ctx: &Ctx,
    state: &AppState,
    provider: Uuid,
) -> Result<HashMap<Uuid, String>, Failure> {
    Ok(state
        .store
        .offers_of_provider(provider)
        .await?
        .iter()
        .map(|o| (o.id, offer_title(ctx.locale, o)))
        .collect())
}

async fn requests_page(
    ctx: &Ctx,
    state: &AppState,
    staff: &Staff,
    done: Option<String>,
    refused: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Response, Failure> {
    let titles = offer_titles(ctx, state, staff.provider.id).await?;
    let rows = state
        .store
        .enrollments_of_provider(staff.provider.id)
        .await?
        .iter()
        .filter(|e| e.status == EnrollmentStatus::Requested)
        .map(|e| RequestRow {
            id: e.id.to_string(),
            offer: titles.get(&e.offer_id).cloned().unwrap_or_default(),
            volume: e.volume.count(),
            period: ctx.period(e.starts_on, e.ends_on),
            total: ctx.money(e.total),
            copay: ctx.money(e.copay),
            action: staff.href(&format!("requests/{}/{}", e.authority_id, e.id)),
        })
        .collect();
    let status = if errors.is_empty() && refused.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = RequestsPage {
        layout: ctx.layout(ctx.t("portal-provider-requests-title")),
        tabs: tabs(ctx, staff, "requests"),
        csrf: staff.csrf.clone(),
        done,
        requests: rows,
        refused,
        errors,
    };
    Ok((status, html(&page)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    csrf: Option<String>,
    decision: Option<String>,
    reason: Option<String>,
}

/// The words for a refusal of the API, by its code; a generic sentence for codes without their
/// own message.
fn refusal_text(ctx: &Ctx, err: &ApiError) -> String {
    let code = match err {
        ApiError::Refused { code, .. } => *code,
        ApiError::Conflict(_) => "conflict",
        _ => "other",
    };
    let key = format!("portal-provider-refused-{}", code.replace('_', "-"));
    let text = ctx.t(&key);
    if text == key {
        ctx.t("portal-provider-refused-other")
    } else {
        text
    }
}

pub async fn decide_request(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((provider_id, authority_id, enrollment_id)): Path<(String, String, String)>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        staff.check(form.csrf.as_deref())?;
        let authority: AuthorityId = parse_id(&authority_id)?;
        let id: Uuid = parse_id(&enrollment_id)?;
        let decision = match form.decision.as_deref() {
            Some("accept") => "accept",
            Some("decline") => "decline",
            _ => return Err(Failure::NotFound),
        };
        let reason = typed(&form.reason);
        if decision == "decline" && reason.is_empty() {
            let errors = vec![FieldError {
                field: format!("reason-{id}"),
                message: ctx.t("portal-provider-decline-error-reason"),
            }];
            return requests_page(&ctx, &state, &staff, None, None, errors).await;
        }
        let body = DecisionBody {
            decision: decision.to_owned(),
            reason: (decision == "decline").then_some(reason),
        };
        match decide(
            State(state.clone()),
            Extension(staff.actor.clone()),
            ApiPath((staff.provider.id, authority, id)),
            ApiJson(body),
        )
        .await
        {
            Ok(_) => {
                let done = if decision == "accept" {
                    "accepted"
                } else {
                    "declined"
                };
                Ok(see_other(format!("{}?done={done}", staff.href("requests"))))
            }
            Err(err @ (ApiError::NotFound(_) | ApiError::Forbidden(_))) => Err(err.into()),
            Err(
                err @ (ApiError::Invalid { .. }
                | ApiError::Refused { .. }
                | ApiError::Conflict(_)
                | ApiError::Enrollment(_)),
            ) => {
                let refused = Some(refusal_text(&ctx, &err));
                requests_page(&ctx, &state, &staff, None, refused, Vec::new()).await
            }
            Err(other) => Err(other.into()),
        }
    }
    .await;
    ctx.respond(result)
}

// ---------------------------------------------------------------------------------------------
// Deliveries
// ---------------------------------------------------------------------------------------------

pub struct EnrollmentOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct AuthorityOption {
    pub value: String,
    pub label: String,
}

pub struct ReportRow {
    pub line: i64,
    pub recorded: bool,
    pub outcome: String,
    pub why: String,
}

pub struct Report {
    pub summary: String,
    pub rows: Vec<ReportRow>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DeliveryForm {
    csrf: Option<String>,
    enrollment: Option<String>,
    delivered_on: Option<String>,
    units: Option<String>,
    worker: Option<String>,
    note: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/provider-deliveries.html")]
struct DeliveriesPage {
    layout: Layout,
    tabs: Vec<Tab>,
    csrf: String,
    done: Option<String>,
    action: String,
    csv_action: String,
    enrollments: Vec<EnrollmentOption>,
    authorities: Vec<AuthorityOption>,
    form: DeliveryForm,
    errors: Vec<FieldError>,
    report: Option<Report>,
}

impl DeliveriesPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }

    fn value<'a>(&self, value: &'a Option<String>) -> &'a str {
        value.as_deref().unwrap_or_default()
    }
}

pub async fn deliveries(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let done = done_message(&ctx, query);
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        let form = DeliveryForm {
            worker: ctx.user_name.clone(),
            units: Some("1".into()),
            ..DeliveryForm::default()
        };
        deliveries_page(&ctx, &state, &staff, done, form, Vec::new(), None).await
    }
    .await;
    ctx.respond(result)
}

async fn deliveries_page(
    ctx: &Ctx,
    state: &AppState,
    staff: &Staff,
    done: Option<String>,
    form: DeliveryForm,
    errors: Vec<FieldError>,
    report: Option<Report>,
) -> Result<Response, Failure> {
    let titles = offer_titles(ctx, state, staff.provider.id).await?;
    let chosen = form.enrollment.clone().unwrap_or_default();
    let enrollments = state
        .store
        .enrollments_of_provider(staff.provider.id)
        .await?
        .iter()
        .filter(|e| e.status == EnrollmentStatus::Active)
        .map(|e| {
            let value = format!("{}:{}", e.authority_id, e.id);
            EnrollmentOption {
                selected: value == chosen,
                label: message(
                    ctx.locale,
                    "portal-provider-enrollment-option",
                    &[
                        (
                            "offer",
                            titles.get(&e.offer_id).cloned().unwrap_or_default().into(),
                        ),
                        ("id", e.id.to_string().into()),
                        ("recorded", e.recorded_units.count().into()),
                        ("volume", e.volume.count().into()),
                    ],
                ),
                value,
            }
        })
        .collect();
    let mut authorities = Vec::new();
    for a in state
        .store
        .admissions_of_provider(staff.provider.id)
        .await?
    {
        let authority = state.store.authority(a.authority_id).await?;
        authorities.push(AuthorityOption {
            value: authority.id.to_string(),
            label: authority.names.get(ctx.locale).to_owned(),
        });
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = DeliveriesPage {
        layout: ctx.layout(ctx.t("portal-provider-deliveries-title")),
        tabs: tabs(ctx, staff, "deliveries"),
        csrf: staff.csrf.clone(),
        done,
        action: staff.href("deliveries"),
        csv_action: staff.href("deliveries.csv"),
        enrollments,
        authorities,
        form,
        errors,
        report,
    };
    Ok((status, html(&page)?).into_response())
}

/// A reason code of a delivery row in words.
fn delivery_code_text(ctx: &Ctx, code: &str) -> String {
    ctx.t(&format!(
        "portal-provider-delivery-code-{}",
        code.to_ascii_lowercase().replace('_', "-")
    ))
}

fn field_name(ctx: &Ctx, field: &str) -> String {
    match field {
        "enrollment_id" | "delivered_on" | "delivered_at" | "units" | "worker" | "note" => ctx.t(
            &format!("portal-provider-column-{}", field.replace('_', "-")),
        ),
        other => other.to_owned(),
    }
}

pub async fn record(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    form: Result<Form<DeliveryForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        staff.check(form.csrf.as_deref())?;
        let mut errors = Vec::new();
        let enrollment = typed(&form.enrollment)
            .split_once(':')
            .and_then(|(a, e)| Some((a.parse::<AuthorityId>().ok()?, e.parse::<Uuid>().ok()?)));
        if enrollment.is_none() {
            errors.push(FieldError {
                field: "enrollment".into(),
                message: delivery_code_text(&ctx, "NO_ENROLLMENT"),
            });
        }
        let units = typed(&form.units).parse::<i64>().ok().filter(|u| *u > 0);
        if units.is_none() {
            errors.push(FieldError {
                field: "units".into(),
                message: delivery_code_text(&ctx, "ZERO_UNITS"),
            });
        }
        let (Some((authority, enrollment_id)), Some(units), true) =
            (enrollment, units, errors.is_empty())
        else {
            return deliveries_page(&ctx, &state, &staff, None, form, errors, None).await;
        };
        let body = DeliveriesBody {
            records: vec![DeliveryBody {
                enrollment_id,
                delivered_on: typed(&form.delivered_on),
                delivered_at: None,
                units,
                worker: typed(&form.worker),
                note: typed(&form.note),
            }],
        };
        let report = record_deliveries(
            State(state.clone()),
            Extension(staff.actor.clone()),
            ApiPath((staff.provider.id, authority)),
            ApiJson(body),
        )
        .await?
        .0;
        match report.items.first() {
            Some(item) if item.outcome == "recorded" => Ok(see_other(format!(
                "{}?done=recorded",
                staff.href("deliveries")
            ))),
            Some(item) => {
                let field = match item.field.as_deref() {
                    Some("enrollment_id") | None => "enrollment",
                    Some("delivered_on" | "delivered_at") => "delivered_on",
                    Some(other) => other,
                };
                let code = item.code.unwrap_or("INVALID");
                let message = if code == "INVALID" {
                    ctx.t(&format!(
                        "portal-provider-delivery-error-{}",
                        field.replace('_', "-")
                    ))
                } else {
                    delivery_code_text(&ctx, code)
                };
                let errors = vec![FieldError {
                    field: field.to_owned(),
                    message,
                }];
                deliveries_page(&ctx, &state, &staff, None, form, errors, None).await
            }
            None => Err(Failure::Internal),
        }
    }
    .await;
    ctx.respond(result)
}

fn report_of(ctx: &Ctx, report: &DeliveryReport) -> Report {
    Report {
        summary: message(
            ctx.locale,
            "portal-provider-csv-summary",
            &[
                ("recorded", (report.recorded as i64).into()),
                ("refused", (report.refused as i64).into()),
            ],
        ),
        rows: report
            .items
            .iter()
            .map(|i| {
                let recorded = i.outcome == "recorded";
                let why = match (i.code, i.field.as_deref()) {
                    (Some(code), Some(field)) => message(
                        ctx.locale,
                        "portal-provider-csv-why",
                        &[
                            ("reason", delivery_code_text(ctx, code).into()),
                            ("column", field_name(ctx, field).into()),
                        ],
                    ),
                    (Some(code), None) => delivery_code_text(ctx, code),
                    _ => String::new(),
                };
                ReportRow {
                    line: i.line,
                    recorded,
                    outcome: ctx.t(if recorded {
                        "portal-provider-csv-recorded"
                    } else {
                        "portal-provider-csv-refused"
                    }),
                    why,
                }
            })
            .collect(),
    }
}

/// A CSV file of deliveries (multipart: `csrf`, `authority_id`, `file`), answered with the
/// report of every row on the same page.
pub async fn record_csv(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        let upload = read_multipart(multipart.map_err(|_| Failure::Forbidden)?).await;
        let form = DeliveryForm {
            worker: ctx.user_name.clone(),
            units: Some("1".into()),
            ..DeliveryForm::default()
        };
        let file_error = |key: &str| {
            vec![FieldError {
                field: "file".into(),
                message: ctx.t(key),
            }]
        };
        // A body over the limit is refused before any of it is read, token included; saying so
        // changes nothing, so it needs no token.
        if upload.too_large {
            let errors = file_error("portal-provider-csv-error-size");
            return deliveries_page(&ctx, &state, &staff, None, form, errors, None).await;
        }
        staff.check(upload.csrf.as_deref())?;
        let authority = upload
            .field("authority_id")
            .and_then(|a| a.parse::<AuthorityId>().ok());
        let (Some(authority), Some(file)) = (authority, upload.file) else {
            let errors = file_error("portal-provider-csv-error-missing");
            return deliveries_page(&ctx, &state, &staff, None, form, errors, None).await;
        };
        match record_deliveries_csv(
            State(state.clone()),
            Extension(staff.actor.clone()),
            ApiPath((staff.provider.id, authority)),
            Upload(file.bytes.into()),
        )
        .await
        {
            Ok(report) => {
                let report = report_of(&ctx, &report.0);
                deliveries_page(&ctx, &state, &staff, None, form, Vec::new(), Some(report)).await
            }
            Err(ApiError::Invalid { .. }) => {
                let errors = file_error("portal-provider-csv-error-file");
                deliveries_page(&ctx, &state, &staff, None, form, errors, None).await
            }
            Err(other) => Err(other.into()),
        }
    }
    .await;
    ctx.respond(result)
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

pub struct ClaimRow {
    pub href: String,
    pub authority: String,
    pub period: String,
    pub lines: String,
    pub approved: String,
    pub status: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ClaimForm {
    csrf: Option<String>,
    key: Option<String>,
    authority_id: Option<String>,
    period_from: Option<String>,
    period_to: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/provider-claims.html")]
struct ClaimsPage {
    layout: Layout,
    tabs: Vec<Tab>,
    csrf: String,
    done: Option<String>,
    action: String,
    /// A fresh idempotency key: submitting the form twice makes one claim.
    key: String,
    authorities: Vec<AuthorityOption>,
    form: ClaimForm,
    claims: Vec<ClaimRow>,
    balances: Vec<BalanceRow>,
    refused: Option<String>,
    errors: Vec<FieldError>,
}

/// What an authority owes the provider and has paid it.
pub struct BalanceRow {
    pub authority: String,
    pub payable: String,
    pub paid: String,
}

fn money_of(ctx: &Ctx, money: &MoneyDto) -> String {
    money
        .parse("amount")
        .map(|m| ctx.money(m))
        .unwrap_or_default()
}

impl ClaimsPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }

    fn value<'a>(&self, value: &'a Option<String>) -> &'a str {
        value.as_deref().unwrap_or_default()
    }

    fn chosen(&self, value: &str) -> bool {
        self.form.authority_id.as_deref() == Some(value)
    }
}

pub async fn claims(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Response {
    let done = done_message(&ctx, query);
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        claims_page(
            &ctx,
            &state,
            &staff,
            done,
            ClaimForm::default(),
            None,
            Vec::new(),
        )
        .await
    }
    .await;
    ctx.respond(result)
}

/// A date the API gives as text, as the reader writes dates (as given if it is not one).
fn text_date(ctx: &Ctx, text: &str) -> String {
    text.parse()
        .map(|d| ctx.date(d))
        .unwrap_or_else(|_| text.to_owned())
}

/// A claim's period; its dates come as text, as the API gives them.
fn claim_period(ctx: &Ctx, from: &str, to: &str) -> String {
    message(
        ctx.locale,
        "cert-valid-range",
        &[
            ("from", text_date(ctx, from).into()),
            ("to", text_date(ctx, to).into()),
        ],
    )
}

async fn claims_page(
    ctx: &Ctx,
    state: &AppState,
    staff: &Staff,
    done: Option<String>,
    form: ClaimForm,
    refused: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Response, Failure> {
    let mut authorities = Vec::new();
    let mut names = HashMap::new();
    for a in state
        .store
        .admissions_of_provider(staff.provider.id)
        .await?
    {
        let authority = state.store.authority(a.authority_id).await?;
        names.insert(
            authority.id.as_uuid(),
            authority.names.get(ctx.locale).to_owned(),
        );
        authorities.push(AuthorityOption {
            value: authority.id.to_string(),
            label: authority.names.get(ctx.locale).to_owned(),
        });
    }
    let mut balances = Vec::with_capacity(authorities.len());
    for a in &authorities {
        let authority: AuthorityId = a.value.parse().map_err(|_| Failure::Internal)?;
        let balance = provider_balance(
            State(state.clone()),
            ApiPath((staff.provider.id, authority)),
        )
        .await?
        .0;
        balances.push(BalanceRow {
            authority: a.label.clone(),
            payable: money_of(ctx, &balance.payable),
            paid: money_of(ctx, &balance.paid),
        });
    }
    let list = provider_claims(State(state.clone()), ApiPath(staff.provider.id))
        .await?
        .0;
    let claims = list
        .items
        .iter()
        .map(|c| ClaimRow {
            href: staff.href(&format!("claims/{}/{}", c.authority_id, c.id)),
            authority: names.get(&c.authority_id).cloned().unwrap_or_default(),
            period: claim_period(ctx, &c.period_from, &c.period_to),
            lines: message(
                ctx.locale,
                "portal-provider-claim-lines",
                &[
                    ("approved", c.approved_lines.into()),
                    ("lines", c.lines.into()),
                ],
            ),
            approved: money_of(ctx, &c.approved),
            status: ctx.t(match c.batch_status.as_deref() {
                Some("paid") => "portal-provider-claim-paid",
                Some(_) => "portal-provider-claim-in-batch",
                None => "portal-provider-claim-submitted",
            }),
        })
        .collect();
    let key = socert_domain::secret::new_token("claim-").map_err(|_| Failure::Internal)?;
    let status = if errors.is_empty() && refused.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ClaimsPage {
        layout: ctx.layout(ctx.t("portal-provider-claims-title")),
        tabs: tabs(ctx, staff, "claims"),
        csrf: staff.csrf.clone(),
        done,
        action: staff.href("claims"),
        key,
        authorities,
        form,
        claims,
        balances,
        refused,
        errors,
    };
    Ok((status, html(&page)?).into_response())
}

pub async fn claim(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    form: Result<Form<ClaimForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        staff.check(form.csrf.as_deref())?;
        let mut errors = Vec::new();
        let authority = typed(&form.authority_id).parse::<AuthorityId>().ok();
        if authority.is_none() {
            errors.push(FieldError {
                field: "authority_id".into(),
                message: ctx.t("portal-provider-claim-error-authority"),
            });
        }
        let from = typed(&form.period_from).parse::<socert_domain::Date>().ok();
        let to = typed(&form.period_to).parse::<socert_domain::Date>().ok();
        if from.is_none() {
            errors.push(FieldError {
                field: "period_from".into(),
                message: ctx.t("portal-provider-claim-error-date"),
            });
        }
        match (from, to) {
            (_, None) => errors.push(FieldError {
                field: "period_to".into(),
                message: ctx.t("portal-provider-claim-error-date"),
            }),
            (Some(from), Some(to)) if to < from => errors.push(FieldError {
                field: "period_to".into(),
                message: ctx.t("portal-provider-claim-error-order"),
            }),
            _ => {}
        }
        let (Some(authority), true) = (authority, errors.is_empty()) else {
            return claims_page(&ctx, &state, &staff, None, form, None, errors).await;
        };
        let mut headers = HeaderMap::new();
        let key = HeaderValue::from_str(&typed(&form.key)).map_err(|_| Failure::Forbidden)?;
        headers.insert("idempotency-key", key);
        let body = ClaimBody {
            period_from: typed(&form.period_from),
            period_to: typed(&form.period_to),
            lines: None,
        };
        match submit_claim(
            State(state.clone()),
            Extension(staff.actor.clone()),
            ApiPath((staff.provider.id, authority)),
            headers,
            ApiJson(body),
        )
        .await
        {
            Ok(_) => Ok(see_other(format!("{}?done=claimed", staff.href("claims")))),
            Err(
                err @ (ApiError::Refused { .. }
                | ApiError::Conflict(_)
                | ApiError::Invalid { .. }
                | ApiError::IdempotencyConflict
                | ApiError::BadParameter { .. }
                | ApiError::MissingIdempotencyKey),
            ) => {
                let refused = Some(refusal_text(&ctx, &err));
                claims_page(&ctx, &state, &staff, None, form, refused, Vec::new()).await
            }
            Err(other) => Err(other.into()),
        }
    }
    .await;
    ctx.respond(result)
}

pub struct LineRow {
    pub line: i64,
    pub delivered: String,
    pub units: String,
    pub amount: String,
    pub status: String,
    pub status_code: &'static str,
    /// Why a line was rejected, in words.
    pub reason: String,
}

#[derive(Template)]
#[template(path = "portal/provider-claim.html")]
struct ClaimPage {
    layout: Layout,
    tabs: Vec<Tab>,
    done: Option<String>,
    errors: Vec<FieldError>,
    approved: String,
    lines: Vec<LineRow>,
}

/// One claim with the outcome of every line and the reason of each rejection.
pub async fn claim_detail(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((provider_id, authority_id, claim_id)): Path<(String, String, String)>,
) -> Response {
    let result = async {
        let staff = staff(&ctx, &state, &provider_id).await?;
        let authority: AuthorityId = parse_id(&authority_id)?;
        let id: Uuid = parse_id(&claim_id)?;
        let detail = provider_claim(
            State(state.clone()),
            ApiPath((staff.provider.id, authority, id)),
        )
        .await?
        .0;
        let period = claim_period(&ctx, &detail.claim.period_from, &detail.claim.period_to);
        let lines = detail
            .line_items
            .iter()
            .map(|l| LineRow {
                line: l.line_no,
                delivered: (l.delivered_on.as_deref())
                    .map(|d| text_date(&ctx, d))
                    .unwrap_or_default(),
                units: message(
                    ctx.locale,
                    "portal-provider-claim-units",
                    &[
                        ("approved", l.units_approved.into()),
                        ("claimed", l.units_claimed.into()),
                    ],
                ),
                amount: money_of(&ctx, &l.amount),
                status: ctx.t(&format!("portal-provider-line-{}", l.status)),
                status_code: l.status,
                reason: l
                    .reason
                    .map(|r| {
                        ctx.t(&format!(
                            "portal-provider-line-reason-{}",
                            r.to_ascii_lowercase().replace('_', "-")
                        ))
                    })
                    .unwrap_or_default(),
            })
            .collect();
        let title = message(
            ctx.locale,
            "portal-provider-claim-title",
            &[("period", period.as_str().into())],
        );
        let page = ClaimPage {
            layout: ctx.layout(title),
            tabs: tabs(&ctx, &staff, "claims"),
            done: None,
            errors: Vec::new(),
            approved: money_of(&ctx, &detail.claim.approved),
            lines,
        };
        html(&page)
    }
    .await;
    ctx.respond(result)
}
