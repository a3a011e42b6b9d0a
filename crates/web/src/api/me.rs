//! The recipient's own view: the certificates of every person the signed-in user acts for
//! (themselves, or the people they represent), their balances and history, and a printable
//! certificate.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use socert_domain::identity::{Principal, Role};
use socert_domain::ledger::{AccountKind, AccountRef};
use socert_domain::{AuthorityId, Locale};
use socert_store::PageRequest;
use socert_store::audit::Actor;
use socert_store::programs::Certificate;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::Names;
use crate::api::ledger::HistoryLineDto;
use crate::api::programs::{CertificateDto, locale_of};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiPath;

#[derive(Debug, Serialize, ToSchema)]
pub struct MyCertificateDto {
    #[serde(flatten)]
    pub certificate: CertificateDto,
    /// The program's name in every language.
    pub program: Names,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyCertificates {
    pub items: Vec<MyCertificateDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyCertificateDetail {
    #[serde(flatten)]
    pub certificate: MyCertificateDto,
    /// Movements of the spendable balance, newest last.
    pub history: Vec<HistoryLineDto>,
}

/// The (authority, recipient) pairs the caller acts for.
pub(crate) fn represented(principal: &Principal) -> Vec<(AuthorityId, Uuid)> {
    principal
        .grants
        .iter()
        .filter(|g| g.role == Role::Recipient)
        .filter_map(|g| Some((g.authority?, g.subject?)))
        .collect()
}

pub(crate) fn principal(caller: &Caller) -> Result<&Principal, ApiError> {
    caller.principal().ok_or(ApiError::Unauthenticated)
}

async fn with_program(state: &AppState, c: &Certificate) -> Result<MyCertificateDto, ApiError> {
    let program = state.store.program(c.authority_id, c.program_id).await?;
    Ok(MyCertificateDto {
        certificate: c.into(),
        program: (&program.spec.name).into(),
    })
}

/// One of the caller's certificates, or 404 (also for someone else's: no hint it exists).
pub(crate) async fn own_certificate(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> Result<Certificate, ApiError> {
    certificate_of(state, principal(caller)?, id)
        .await
        .ok_or(ApiError::NotFound("certificate"))
}

/// Movements of the certificate's spendable balance, newest last (the last 500).
pub(crate) async fn balance_history(
    state: &AppState,
    c: &Certificate,
) -> Result<socert_store::Page<socert_store::ledger::HistoryLine, i64>, socert_store::Error> {
    state
        .store
        .history(
            c.authority_id,
            AccountRef::new(AccountKind::Available, c.id),
            &PageRequest {
                after: None,
                limit: 500,
            },
        )
        .await
}

/// The certificate `id` if it belongs to someone `principal` acts for (the API and the portal).
pub(crate) async fn certificate_of(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Option<Certificate> {
    of_represented(
        principal,
        |authority| async move { state.store.certificate(authority, id).await.ok() },
        |c| c.recipient_id,
    )
    .await
}

/// What `lookup` finds in an authority where `principal` acts for someone, if it belongs to
/// that person (`owner`): one rule for every `/api/v1/me` object, so nobody reads another's.
pub(crate) async fn of_represented<T, F>(
    principal: &Principal,
    lookup: impl Fn(AuthorityId) -> F,
    owner: impl Fn(&T) -> Uuid,
) -> Option<T>
where
    F: std::future::Future<Output = Option<T>>,
{
    for (authority, recipient) in represented(principal) {
        if let Some(found) = lookup(authority).await
            && owner(&found) == recipient
        {
            return Some(found);
        }
    }
    None
}

/// Certificates of every person the signed-in user acts for, newest first.
#[utoipa::path(get, path = "/api/v1/me/certificates", tag = "recipients",
    responses(
        (status = 200, body = MyCertificates),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn my_certificates(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<MyCertificates>, ApiError> {
    let mut items = Vec::new();
    for (authority, recipient) in represented(principal(&caller)?) {
        for c in state
            .store
            .certificates_of_recipient(authority, recipient)
            .await?
        {
            items.push(with_program(&state, &c).await?);
        }
    }
    Ok(Json(MyCertificates { items }))
}

/// One certificate with its balance history.
#[utoipa::path(get, path = "/api/v1/me/certificates/{certificate_id}", tag = "recipients",
    params(("certificate_id" = Uuid, Path, description = "Certificate id")),
    responses(
        (status = 200, body = MyCertificateDetail),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn my_certificate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<MyCertificateDetail>, ApiError> {
    let c = own_certificate(&state, &caller, id).await?;
    let history = balance_history(&state, &c).await?;
    Ok(Json(MyCertificateDetail {
        certificate: with_program(&state, &c).await?,
        history: history.items.iter().map(HistoryLineDto::from).collect(),
    }))
}

/// One of the caller's certificates as a printable page in the language `pick_locale` chooses
/// from the authority's own (the API and the portal).
pub(crate) async fn printable_certificate(
    state: &AppState,
    caller: &Caller,
    actor: &Actor,
    id: Uuid,
    pick_locale: impl FnOnce(Locale) -> Locale,
) -> Result<String, ApiError> {
    let c = own_certificate(state, caller, id).await?;
    let authority = state.store.authority(c.authority_id).await?;
    let locale = pick_locale(authority.locale);
    let program = state.store.program(c.authority_id, c.program_id).await?;
    // The holder's name comes from their file: the read is audited like any other.
    let file = state
        .store
        .recipient_file(c.authority_id, c.recipient_id, actor)
        .await?;
    let units = match (c.units, program.spec.template.value.service()) {
        (Some(units), Some(service)) => {
            let service = state.store.service(c.authority_id, service).await?;
            Some(units.with_unit(service.unit))
        }
        _ => None,
    };
    Ok(crate::print::render_certificate(
        &crate::print::PrintableCertificate {
            number: c.number.clone(),
            holder: file.recipient.details.name.to_string(),
            program: program.spec.name.get(locale).to_owned(),
            authority: authority.names.get(locale).to_owned(),
            value: c.value,
            units,
            valid_from: c.valid_from,
            valid_to: c.valid_to,
            status: c.status,
            issued_on: c.valid_from,
        },
        locale,
    ))
}

/// The certificate as a printable page (A4, with a QR code of its number), in the caller's
/// language (`Accept-Language`, else the authority's).
#[utoipa::path(get, path = "/api/v1/me/certificates/{certificate_id}/print", tag = "recipients",
    params(("certificate_id" = Uuid, Path, description = "Certificate id")),
    responses(
        (status = 200, description = "HTML page", content_type = "text/html"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn print_certificate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let page = printable_certificate(&state, &caller, &actor, id, |authority| {
        locale_of(&headers, authority)
    })
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        page,
    )
        .into_response())
}
