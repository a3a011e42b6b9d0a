//! Programs and certificates: an officer defines a program, funds its budget and issues
//! certificates one by one; people who do not fit the quota or the budget wait in line.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::certificate::{EligibilityRules, RecipientCategory, Refusal};
use socert_domain::program::{CertificateTemplate, ProgramSpec, TemplateValue};
use socert_domain::{AuthorityId, Locale, ServiceId, Units};
use socert_store::audit::Actor;
use socert_store::programs::{Certificate, IssueOutcome, NotIssued, Program, WaitlistItem};
use socert_store::{PageRequest, Store};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{MoneyDto, Names, parse_date, today_in};
use crate::api::ledger::idempotency_key;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, ApiQuery, page_limit, parsed_cursor};

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

/// Who is eligible. Everything is optional: an empty rule set admits everyone.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EligibilityDto {
    /// Minimum age in full years on the issue date, inclusive.
    pub min_age: Option<u8>,
    /// Maximum age in full years, inclusive (`17` admits people until their 18th birthday).
    pub max_age: Option<u8>,
    /// Municipality codes where the person must live; empty admits all.
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// The person must hold one of these categories, valid on the day.
    #[serde(default)]
    #[schema(example = json!(["disability_group_1", "pensioner"]))]
    pub required_any_category: Vec<String>,
    #[serde(default)]
    pub low_income_required: bool,
}

/// What one certificate is worth.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ValueDto {
    /// A sum of money.
    Money { amount: MoneyDto },
    /// Units of one service at its normative cost on the issue date.
    Units { service_id: Uuid, units: i64 },
    /// The recipient's assessed monthly need for one service, for each month of validity.
    Assessed { service_id: Uuid },
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateDto {
    pub value: ValueDto,
    /// Months from the issue date (cut at the program's end), 1 to 60.
    #[schema(example = 12)]
    pub validity_months: u8,
    /// A PFDO "certificate of account": no money until an enrollment funds it.
    #[serde(default)]
    pub of_account: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramRequest {
    pub names: Names,
    /// Catalogue services the program's certificates pay for.
    pub services: Vec<Uuid>,
    #[schema(example = "2026-01-01")]
    pub starts: String,
    #[schema(example = "2026-12-31")]
    pub ends: String,
    /// Most certificates at once; absent: only the budget limits.
    pub quota: Option<u32>,
    pub max_funded: Option<u32>,
    #[serde(default)]
    pub eligibility: EligibilityDto,
    /// Waiting people holding one of these categories are served first.
    #[serde(default)]
    pub priority_categories: Vec<String>,
    pub certificate: TemplateDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgramDto {
    pub id: Uuid,
    pub authority_id: Uuid,
    pub names: Names,
    pub services: Vec<Uuid>,
    pub starts: String,
    pub ends: String,
    pub quota: Option<u32>,
    pub max_funded: Option<u32>,
    pub eligibility: EligibilityDto,
    pub priority_categories: Vec<String>,
    pub certificate: TemplateDto,
    /// Certificates issued and not revoked or expired.
    pub live_certificates: i64,
    /// Unallocated money left in the program's budget.
    pub budget: MoneyDto,
}

impl From<&Program> for ProgramDto {
    fn from(p: &Program) -> Self {
        let spec = &p.spec;
        let value = match &spec.template.value {
            TemplateValue::Money { amount } => ValueDto::Money {
                amount: (*amount).into(),
            },
            TemplateValue::Units { service, units } => ValueDto::Units {
                service_id: service.as_uuid(),
                units: units.count(),
            },
            TemplateValue::Assessed { service } => ValueDto::Assessed {
                service_id: service.as_uuid(),
            },
        };
        let names = |c: &[RecipientCategory]| c.iter().map(|c| c.as_str().to_owned()).collect();
        Self {
            id: p.id,
            authority_id: p.authority_id.as_uuid(),
            names: (&spec.name).into(),
            services: spec.services.iter().map(|s| s.as_uuid()).collect(),
            starts: spec.starts.to_string(),
            ends: spec.ends.to_string(),
            quota: spec.quota,
            max_funded: spec.max_funded,
            eligibility: EligibilityDto {
                min_age: spec.rules.min_age,
                max_age: spec.rules.max_age,
                municipalities: spec.rules.municipalities.clone(),
                required_any_category: names(&spec.rules.required_any_category),
                low_income_required: spec.rules.low_income_required,
            },
            priority_categories: names(&spec.priority_categories),
            certificate: TemplateDto {
                value,
                validity_months: spec.template.validity_months,
                of_account: spec.template.of_account,
            },
            live_certificates: p.live_certificates,
            budget: p.budget.into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgramList {
    pub items: Vec<ProgramDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingRequest {
    /// Moved from the authority's funding into the program's budget.
    pub amount: MoneyDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FundingDto {
    pub transaction_id: Uuid,
    /// The program after funding (people waiting were served first).
    pub program: ProgramDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateDto {
    pub id: Uuid,
    /// The 13 digits, e.g. `2720260000016`.
    pub number: String,
    /// As printed, e.g. `27-2026-000001-6`.
    pub number_display: String,
    pub authority_id: Uuid,
    pub program_id: Uuid,
    pub recipient_id: Uuid,
    #[schema(example = "active")]
    pub status: String,
    /// Money reserved from the program budget at issue.
    pub value: MoneyDto,
    /// For certificates in units of a service.
    pub units: Option<i64>,
    /// Spendable now.
    pub available: MoneyDto,
    /// Reserved for enrollments.
    pub held: MoneyDto,
    /// Returned to the budget on revocation or expiry.
    pub returned: MoneyDto,
    pub valid_from: String,
    pub valid_to: String,
    /// Why it was revoked.
    pub reason: Option<String>,
    pub issued_at: String,
}

impl From<&Certificate> for CertificateDto {
    fn from(c: &Certificate) -> Self {
        Self {
            id: c.id,
            number: c.number.as_str().to_owned(),
            number_display: c.number.to_string(),
            authority_id: c.authority_id.as_uuid(),
            program_id: c.program_id,
            recipient_id: c.recipient_id,
            status: c.status.as_str().to_owned(),
            value: c.value.into(),
            units: c.units.map(Units::count),
            available: c.available.into(),
            held: c.held.into(),
            returned: c.returned.into(),
            valid_from: c.valid_from.to_string(),
            valid_to: c.valid_to.to_string(),
            reason: c.reason.clone(),
            issued_at: c.issued_at.to_string(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueRequest {
    pub recipient_id: Uuid,
}

/// One failed eligibility rule, in the caller's language.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RefusalDto {
    /// Stable code, e.g. `too_old`, `category_expired`, `no_assessment`.
    pub code: String,
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WaitlistPlace {
    pub entry_id: Uuid,
    /// 1 = next in line.
    pub position: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IssueResponse {
    /// `issued`, `already_issued`, `waitlisted` or `refused`.
    pub outcome: &'static str,
    pub certificate: Option<CertificateDto>,
    pub waitlist: Option<WaitlistPlace>,
    /// Every rule the person fails, when refused.
    pub refusals: Vec<RefusalDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificatePage {
    pub items: Vec<CertificateDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// 1 to 500, default 100.
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WaitlistItemDto {
    pub id: Uuid,
    pub recipient_id: Uuid,
    pub priority: bool,
    pub requested_at: String,
    /// `waiting`, `offered` (a certificate was issued), `accepted` or `expired`.
    pub status: &'static str,
    pub certificate_id: Option<Uuid>,
    pub reason: Option<String>,
}

impl From<&WaitlistItem> for WaitlistItemDto {
    fn from(w: &WaitlistItem) -> Self {
        Self {
            id: w.id,
            recipient_id: w.recipient_id,
            priority: w.priority,
            requested_at: w.requested_at.to_string(),
            status: w.status.as_str(),
            certificate_id: w.certificate_id,
            reason: w.reason.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WaitlistDto {
    pub items: Vec<WaitlistItemDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevocationRequest {
    /// Shown to the recipient.
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExpiryDto {
    /// Certificates expired by this run.
    pub expired: usize,
    /// The authority's local date the run used.
    pub today: String,
}

// ---------------------------------------------------------------------------------------------
// Parsing at the edge
// ---------------------------------------------------------------------------------------------

pub(crate) fn categories(
    field: &str,
    names: &[String],
) -> Result<Vec<RecipientCategory>, ApiError> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            name.parse()
                .map_err(|err| ApiError::invalid(format!("{field}[{i}]"), err))
        })
        .collect()
}

fn spec_of(body: &ProgramRequest) -> Result<ProgramSpec, ApiError> {
    let value = match &body.certificate.value {
        ValueDto::Money { amount } => TemplateValue::Money {
            amount: amount.parse("certificate.value.amount")?,
        },
        ValueDto::Units { service_id, units } => TemplateValue::Units {
            service: ServiceId::from_uuid(*service_id),
            units: Units::new(*units)
                .map_err(|err| ApiError::invalid("certificate.value.units", err))?,
        },
        ValueDto::Assessed { service_id } => TemplateValue::Assessed {
            service: ServiceId::from_uuid(*service_id),
        },
    };
    let spec = ProgramSpec {
        name: (&body.names).try_into()?,
        services: body
            .services
            .iter()
            .map(|s| ServiceId::from_uuid(*s))
            .collect(),
        starts: parse_date("starts", &body.starts)?,
        ends: parse_date("ends", &body.ends)?,
        quota: body.quota,
        max_funded: body.max_funded,
        rules: EligibilityRules {
            min_age: body.eligibility.min_age,
            max_age: body.eligibility.max_age,
            municipalities: body
                .eligibility
                .municipalities
                .iter()
                .map(|m| m.trim().to_owned())
                .collect(),
            required_any_category: categories(
                "eligibility.required_any_category",
                &body.eligibility.required_any_category,
            )?,
            low_income_required: body.eligibility.low_income_required,
        },
        priority_categories: categories("priority_categories", &body.priority_categories)?,
        template: CertificateTemplate {
            value,
            validity_months: body.certificate.validity_months,
            of_account: body.certificate.of_account,
        },
    };
    spec.validate().map_err(ApiError::Program)?;
    Ok(spec)
}

/// The language of the answer: the caller's `Accept-Language`, else the authority's own.
pub(crate) fn locale_of(headers: &HeaderMap, fallback: Locale) -> Locale {
    let header = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    crate::i18n::negotiate(header, fallback)
}

pub(crate) fn refusal_dtos(why: &NotIssued, locale: Locale) -> Vec<RefusalDto> {
    match why {
        NotIssued::Ineligible(refusals) => refusals
            .iter()
            .map(|r| RefusalDto {
                code: refusal_code(r).to_owned(),
                message: crate::i18n::refusal(locale, r),
            })
            .collect(),
        NotIssued::NoValue(err) => vec![RefusalDto {
            code: match err {
                socert_domain::program::ProgramError::NoAssessment(_) => "no_assessment",
                socert_domain::program::ProgramError::NoNormative(_) => "no_normative_cost",
                _ => "no_value",
            }
            .to_owned(),
            message: err.to_string(),
        }],
        NotIssued::UnknownRecipient => vec![RefusalDto {
            code: "unknown_recipient".to_owned(),
            message: "no such recipient in this authority".to_owned(),
        }],
    }
}

fn refusal_code(refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::TooYoung { .. } => "too_young",
        Refusal::TooOld { .. } => "too_old",
        Refusal::WrongMunicipality { .. } => "wrong_municipality",
        Refusal::MissingCategory { .. } => "missing_category",
        Refusal::CategoryExpired { .. } => "category_expired",
        Refusal::LowIncomeRequired => "low_income_required",
    }
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

/// Creates a program with an empty budget: fund it next.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/programs", tag = "programs",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    request_body = ProgramRequest,
    responses(
        (status = 201, body = ProgramDto),
        (status = 404, description = "Unknown authority or service", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_program(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<ProgramRequest>,
) -> Result<Response, ApiError> {
    let spec = spec_of(&body)?;
    let program = state.store.create_program(authority, &spec, &actor).await?;
    Ok((StatusCode::CREATED, Json(ProgramDto::from(&program))).into_response())
}

#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/programs", tag = "programs",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = ProgramList)))]
pub async fn list_programs(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<ProgramList>, ApiError> {
    let programs = state.store.programs(authority).await?;
    Ok(Json(ProgramList {
        items: programs.iter().map(ProgramDto::from).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/programs/{program_id}", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("program_id" = Uuid, Path, description = "Program id"),
    ),
    responses(
        (status = 200, body = ProgramDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_program(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<ProgramDto>, ApiError> {
    let program = state.store.program(authority, id).await?;
    Ok(Json(ProgramDto::from(&program)))
}

/// Moves money from the authority's funding into the program's budget, then offers certificates
/// to people waiting, in order. Needs an `Idempotency-Key`.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/programs/{program_id}/funding", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("program_id" = Uuid, Path, description = "Program id"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per command"),
    ),
    request_body = FundingRequest,
    responses(
        (status = 201, body = FundingDto),
        (status = 200, description = "Replay of an earlier request with the same key", body = FundingDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn fund_program(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<FundingRequest>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let amount = body.amount.parse("amount")?;
    let today = today_in(&state.store.authority(authority).await?);
    let posted = state
        .store
        .fund_program(authority, id, amount, &key, today, &actor)
        .await?;
    let program = state.store.program(authority, id).await?;
    let status = if posted.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let body = FundingDto {
        transaction_id: posted.transaction.id,
        program: ProgramDto::from(&program),
    };
    Ok((status, Json(body)).into_response())
}

/// Issues a certificate to a registered recipient: eligibility, quota and budget are checked in
/// one transaction. When quota or budget is exhausted (or others wait ahead) the person joins the
/// waitlist. Asking again for someone who holds a certificate returns theirs.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/programs/{program_id}/certificates", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("program_id" = Uuid, Path, description = "Program id"),
    ),
    request_body = IssueRequest,
    responses(
        (status = 201, description = "Issued", body = IssueResponse),
        (status = 200, description = "The person already holds a certificate of this program", body = IssueResponse),
        (status = 202, description = "Waitlisted", body = IssueResponse),
        (status = 422, description = "Refused: every failed rule is listed", body = IssueResponse),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn issue_certificate(
    State(state): State<AppState>,
    ApiPath((authority, program)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<IssueRequest>,
) -> Result<Response, ApiError> {
    let tenant = state.store.authority(authority).await?;
    let locale = locale_of(&headers, tenant.locale);
    let outcome = issue_one(&state, &tenant, program, body.recipient_id, &actor).await?;
    let (status, response) = issue_response(&outcome, locale);
    Ok((status, Json(response)).into_response())
}

/// Issues one person a certificate of `program` today (in the authority's time): the API's and
/// the portal's one path.
pub(crate) async fn issue_one(
    state: &AppState,
    tenant: &socert_domain::Authority,
    program: Uuid,
    recipient: Uuid,
    actor: &Actor,
) -> Result<IssueOutcome, ApiError> {
    state
        .store
        .issue(tenant.id, program, &[recipient], today_in(tenant), actor)
        .await?
        .pop()
        .ok_or(ApiError::Internal)
}

pub(crate) fn issue_response(
    outcome: &IssueOutcome,
    locale: Locale,
) -> (StatusCode, IssueResponse) {
    let empty = IssueResponse {
        outcome: "",
        certificate: None,
        waitlist: None,
        refusals: Vec::new(),
    };
    match outcome {
        IssueOutcome::Issued(c) => (
            StatusCode::CREATED,
            IssueResponse {
                outcome: "issued",
                certificate: Some(c.into()),
                ..empty
            },
        ),
        IssueOutcome::AlreadyIssued(c) => (
            StatusCode::OK,
            IssueResponse {
                outcome: "already_issued",
                certificate: Some(c.into()),
                ..empty
            },
        ),
        IssueOutcome::Waitlisted { entry, position } => (
            StatusCode::ACCEPTED,
            IssueResponse {
                outcome: "waitlisted",
                waitlist: Some(WaitlistPlace {
                    entry_id: *entry,
                    position: *position,
                }),
                ..empty
            },
        ),
        IssueOutcome::Refused(NotIssued::UnknownRecipient) => (
            StatusCode::NOT_FOUND,
            IssueResponse {
                outcome: "refused",
                refusals: refusal_dtos(&NotIssued::UnknownRecipient, locale),
                ..empty
            },
        ),
        IssueOutcome::Refused(why) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            IssueResponse {
                outcome: "refused",
                refusals: refusal_dtos(why, locale),
                ..empty
            },
        ),
    }
}

/// A program's certificates in issue order, 100 per page.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/programs/{program_id}/certificates", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("program_id" = Uuid, Path, description = "Program id"),
        PageQuery,
    ),
    responses(
        (status = 200, body = CertificatePage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_certificates(
    State(state): State<AppState>,
    ApiPath((authority, program)): ApiPath<(AuthorityId, Uuid)>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<CertificatePage>, ApiError> {
    state.store.program(authority, program).await?;
    let limit = page_limit(query.limit, 100, 500)?;
    let after = parsed_cursor::<Uuid>(query.cursor.as_deref())?;
    let page = state
        .store
        .certificates_of_program(authority, program, &PageRequest { after, limit })
        .await?;
    Ok(Json(CertificatePage {
        items: page.items.iter().map(CertificateDto::from).collect(),
        next_cursor: page.next.map(|id| id.to_string()),
    }))
}

/// The line for a program: people waiting first (priority categories, then time), then those who
/// were offered a certificate or left the line.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/programs/{program_id}/waitlist", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("program_id" = Uuid, Path, description = "Program id"),
    ),
    responses(
        (status = 200, body = WaitlistDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn waitlist(
    State(state): State<AppState>,
    ApiPath((authority, program)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<WaitlistDto>, ApiError> {
    let items = state.store.waitlist(authority, program).await?;
    Ok(Json(WaitlistDto {
        items: items.iter().map(WaitlistItemDto::from).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/certificates/{certificate_id}", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("certificate_id" = Uuid, Path, description = "Certificate id"),
    ),
    responses(
        (status = 200, body = CertificateDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_certificate(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<CertificateDto>, ApiError> {
    let certificate = state.store.certificate(authority, id).await?;
    Ok(Json(CertificateDto::from(&certificate)))
}

/// Revokes a certificate with a reason the recipient sees. Its unspent value returns to the
/// program budget, and the next person waiting is offered a certificate.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/certificates/{certificate_id}/revocation", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("certificate_id" = Uuid, Path, description = "Certificate id"),
    ),
    request_body = RevocationRequest,
    responses(
        (status = 200, body = CertificateDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason, or the certificate is already closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn revoke_certificate(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<RevocationRequest>,
) -> Result<Json<CertificateDto>, ApiError> {
    let today = today_in(&state.store.authority(authority).await?);
    let certificate = state
        .store
        .revoke_certificate(authority, id, &body.reason, today, &actor)
        .await?;
    Ok(Json(CertificateDto::from(&certificate)))
}

/// Runs the daily expiry job now for this authority: certificates valid only until before today
/// expire, their unspent value returns to the budgets, and people waiting are served.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/jobs/expire-certificates", tag = "programs",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses(
        (status = 200, body = ExpiryDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn expire_certificates(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<ExpiryDto>, ApiError> {
    let today = today_in(&state.store.authority(authority).await?);
    let expired = state
        .store
        .expire_certificates(authority, today, &actor)
        .await?;
    Ok(Json(ExpiryDto {
        expired,
        today: today.to_string(),
    }))
}

/// Expires certificates in every authority (the daily job of `socert serve`).
pub async fn expire_everywhere(store: &dyn Store) -> Result<usize, socert_store::Error> {
    let actor = Actor::system("expiry-job");
    let mut expired = 0;
    for authority in store.list_authorities().await? {
        let today = today_in(&authority);
        expired += store
            .expire_certificates(authority.id, today, &actor)
            .await?;
    }
    Ok(expired)
}
