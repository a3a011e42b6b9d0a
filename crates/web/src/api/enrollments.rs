//! Money follows the recipient: a recipient enrolls with an offer (with a quote first), the
//! provider accepts or declines, records deliveries, the recipient confirms or disputes them, the
//! provider claims; the inboxes of both.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::enrollment::DeliveryEvent;
use socert_domain::identity::Principal;
use socert_domain::ledger::IdempotencyKey;
use socert_domain::{AuthorityId, Date, Units};
use socert_store::audit::Actor;
use socert_store::enrollments::{
    Audience, Claim, ClaimDetail, ClaimLine, ClaimLineRequest, ClaimRequest, DeliveryRecord,
    Enrollment, EnrollmentQuote, EnrollmentRequest, LineStatus, NewDeliveryRecord, Notification,
    ProviderDecision, RecordRefusal,
};
use socert_store::programs::Certificate;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{MoneyDto, parse_date, today_in};
use crate::api::ledger::{HistoryLineDto, idempotency_key};
use crate::api::me::{of_represented, own_certificate, principal, represented};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, Upload};

// ---------------------------------------------------------------------------------------------
// DTOs
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentBody {
    pub certificate_id: Uuid,
    pub offer_id: Uuid,
    /// Units of service (visits, hours, lessons).
    #[schema(example = 20)]
    pub volume: i64,
    #[schema(example = "2026-12-01")]
    pub starts_on: String,
    /// The certificate's last valid day when not given.
    pub ends_on: Option<String>,
    /// The recipient agrees to pay what the certificate does not cover (see the quote).
    #[serde(default)]
    pub copay_agreed: bool,
}

impl EnrollmentBody {
    pub(crate) fn parse(&self) -> Result<EnrollmentRequest, ApiError> {
        Ok(EnrollmentRequest {
            certificate_id: self.certificate_id,
            offer_id: self.offer_id,
            volume: Units::new(self.volume).map_err(|e| ApiError::invalid("volume", e))?,
            starts_on: parse_date("starts_on", &self.starts_on)?,
            ends_on: self
                .ends_on
                .as_deref()
                .map(|d| parse_date("ends_on", d))
                .transpose()?,
            copay_agreed: self.copay_agreed,
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuoteDto {
    pub price_per_unit: MoneyDto,
    pub normative_per_unit: MoneyDto,
    pub volume: i64,
    /// `volume × price_per_unit`.
    pub total: MoneyDto,
    /// Paid from the certificate (held when the enrollment is made).
    pub covered: MoneyDto,
    /// Paid by the recipient to the provider, only with `copay_agreed`.
    pub copay: MoneyDto,
    /// What the certificate can spend now.
    pub available: MoneyDto,
    pub starts_on: String,
    pub ends_on: String,
}

impl From<&EnrollmentQuote> for QuoteDto {
    fn from(q: &EnrollmentQuote) -> Self {
        Self {
            price_per_unit: q.price_per_unit.into(),
            normative_per_unit: q.normative_per_unit.into(),
            volume: q.volume.count(),
            total: q.quote.total.into(),
            covered: q.quote.covered.into(),
            copay: q.quote.copay.into(),
            available: q.available.into(),
            starts_on: q.starts_on.to_string(),
            ends_on: q.ends_on.to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentDto {
    pub id: Uuid,
    pub authority_id: Uuid,
    pub certificate_id: Uuid,
    pub offer_id: Uuid,
    pub provider_id: Uuid,
    pub service_id: Uuid,
    /// `requested`, `active`, `completed`, `cancelled` or `declined`.
    pub status: String,
    pub volume: i64,
    pub price_per_unit: MoneyDto,
    pub covered_per_unit: MoneyDto,
    pub total: MoneyDto,
    pub covered: MoneyDto,
    pub copay: MoneyDto,
    pub copay_agreed: bool,
    /// Still held on the certificate for this enrollment.
    pub held: MoneyDto,
    /// Paid from the hold to the provider.
    pub captured: MoneyDto,
    /// Returned from the hold to the certificate (or the program).
    pub released: MoneyDto,
    pub recorded_units: i64,
    pub claimed_units: i64,
    pub starts_on: String,
    pub ends_on: String,
    /// `provider_suspended` while the provider is suspended; `ending` during a notice period.
    pub flag: Option<String>,
    /// Why it was declined or ended.
    pub reason: Option<String>,
    pub created_at: String,
}

impl From<&Enrollment> for EnrollmentDto {
    fn from(e: &Enrollment) -> Self {
        Self {
            id: e.id,
            authority_id: e.authority_id.as_uuid(),
            certificate_id: e.certificate_id,
            offer_id: e.offer_id,
            provider_id: e.provider_id,
            service_id: e.service_id,
            status: e.status.as_str().to_owned(),
            volume: e.volume.count(),
            price_per_unit: e.price_per_unit.into(),
            covered_per_unit: e.covered_per_unit.into(),
            total: e.total.into(),
            covered: e.covered.into(),
            copay: e.copay.into(),
            copay_agreed: e.copay_agreed,
            held: e.held.into(),
            captured: e.captured.into(),
            released: e.released.into(),
            recorded_units: e.recorded_units.count(),
            claimed_units: e.claimed_units.count(),
            starts_on: e.starts_on.to_string(),
            ends_on: e.ends_on.to_string(),
            flag: e.flag.clone(),
            reason: e.reason.clone(),
            created_at: e.created_at.to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentList {
    pub items: Vec<EnrollmentDto>,
}

fn enrollment_list(items: &[Enrollment]) -> Json<EnrollmentList> {
    Json(EnrollmentList {
        items: items.iter().map(EnrollmentDto::from).collect(),
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryDto {
    pub id: Uuid,
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    pub delivered_on: String,
    /// Local time of day, `HH:MM`.
    pub delivered_at: Option<String>,
    pub units: i64,
    pub worker: String,
    pub note: String,
    /// `recorded`, `confirmed`, `disputed`, `auto_confirmed` or `voided`.
    pub status: String,
    /// Confirmed automatically on this day unless disputed before.
    pub confirm_due_on: String,
    pub dispute_reason: Option<String>,
}

impl From<&DeliveryRecord> for DeliveryDto {
    fn from(r: &DeliveryRecord) -> Self {
        Self {
            id: r.id,
            enrollment_id: r.enrollment_id,
            provider_id: r.provider_id,
            delivered_on: r.delivered_on.to_string(),
            delivered_at: r.delivered_at.clone(),
            units: r.units.count(),
            worker: r.worker.clone(),
            note: r.note.clone(),
            status: r.status.as_str().to_owned(),
            confirm_due_on: r.confirm_due_on.to_string(),
            dispute_reason: r.dispute_reason.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryList {
    pub items: Vec<DeliveryDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeBody {
    /// What was wrong; the provider and the officer read it.
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// `accept` or `decline`.
    #[schema(example = "accept")]
    pub decision: String,
    /// Required to decline: the recipient reads it.
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryBody {
    pub enrollment_id: Uuid,
    #[schema(example = "2026-12-03")]
    pub delivered_on: String,
    #[schema(example = "10:30")]
    pub delivered_at: Option<String>,
    #[schema(example = 1)]
    pub units: i64,
    /// Who delivered it (staff name or number).
    pub worker: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveriesBody {
    pub records: Vec<DeliveryBody>,
}

/// What happened to one record of a batch (JSON or CSV): made, or refused with a reason code.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryOutcome {
    /// Position in the request (JSON: 1-based index; CSV: line number).
    pub line: i64,
    /// `recorded` or `refused`.
    pub outcome: &'static str,
    pub record: Option<DeliveryDto>,
    /// `ZERO_UNITS`, `NOT_ACTIVE`, `OUT_OF_PERIOD`, `OVER_VOLUME`, `NO_ENROLLMENT` or
    /// `INVALID` (the row could not be read; see `field`).
    pub code: Option<&'static str>,
    pub field: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryReport {
    pub recorded: usize,
    pub refused: usize,
    pub items: Vec<DeliveryOutcome>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimBody {
    #[schema(example = "2026-12-01")]
    pub period_from: String,
    #[schema(example = "2026-12-31")]
    pub period_to: String,
    /// Leave out to claim every confirmed record of the period not yet paid.
    pub lines: Option<Vec<ClaimLineBody>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimLineBody {
    pub delivery_record_id: Uuid,
    /// All of the record's units when not given.
    pub units: Option<i64>,
    /// The agreed price per unit when not given.
    pub price_per_unit: Option<MoneyDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimDto {
    pub id: Uuid,
    pub authority_id: Uuid,
    pub provider_id: Uuid,
    pub period_from: String,
    pub period_to: String,
    pub lines: i64,
    pub approved_lines: i64,
    pub approved: MoneyDto,
    /// Paid from certificates (in the provider's payable until settled).
    pub captured: MoneyDto,
    /// Paid by recipients to the provider directly (co-payments).
    pub copay: MoneyDto,
    pub batch_id: Option<Uuid>,
    /// `open` or `paid` once settled.
    pub batch_status: Option<String>,
    pub created_at: String,
    /// Whole days since it was submitted.
    pub age_days: i64,
}

impl From<&Claim> for ClaimDto {
    fn from(c: &Claim) -> Self {
        let age = socert_domain::Timestamp::now().as_second() - c.created_at.as_second();
        Self {
            id: c.id,
            authority_id: c.authority_id.as_uuid(),
            provider_id: c.provider_id,
            period_from: c.period_from.to_string(),
            period_to: c.period_to.to_string(),
            lines: c.lines,
            approved_lines: c.approved_lines,
            approved: c.approved.into(),
            captured: c.captured.into(),
            copay: c.copay.into(),
            batch_id: c.batch_id,
            batch_status: c.batch_status.clone(),
            created_at: c.created_at.to_string(),
            age_days: age.max(0) / 86_400,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimLineDto {
    pub line_no: i64,
    pub delivery_record_id: Uuid,
    pub enrollment_id: Option<Uuid>,
    pub delivered_on: Option<String>,
    pub units_claimed: i64,
    pub units_approved: i64,
    pub price_per_unit: MoneyDto,
    pub amount: MoneyDto,
    pub captured: MoneyDto,
    pub copay: MoneyDto,
    /// `approved`, `rejected` or `paid`.
    pub status: &'static str,
    /// For rejected lines: `NO_ENROLLMENT`, `OVER_VOLUME`, `PRICE_MISMATCH`, `DUPLICATE`,
    /// `NOT_CONFIRMED` or `OUT_OF_PERIOD` (see the README's table).
    pub reason: Option<&'static str>,
    /// The reason in words.
    pub reason_text: Option<&'static str>,
}

impl From<&ClaimLine> for ClaimLineDto {
    fn from(l: &ClaimLine) -> Self {
        let reason = match l.status {
            LineStatus::Rejected(r) => Some(r),
            _ => None,
        };
        Self {
            line_no: l.line_no,
            delivery_record_id: l.delivery_record_id,
            enrollment_id: l.enrollment_id,
            delivered_on: l.delivered_on.map(|d| d.to_string()),
            units_claimed: l.units_claimed.count(),
            units_approved: l.units_approved.count(),
            price_per_unit: l.price_per_unit.into(),
            amount: l.amount.into(),
            captured: l.captured.into(),
            copay: l.copay.into(),
            status: l.status.as_str(),
            reason: reason.map(|r| r.as_str()),
            reason_text: reason.map(|r| r.description()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimDetailDto {
    #[serde(flatten)]
    pub claim: ClaimDto,
    pub line_items: Vec<ClaimLineDto>,
}

impl From<&ClaimDetail> for ClaimDetailDto {
    fn from(d: &ClaimDetail) -> Self {
        Self {
            claim: (&d.claim).into(),
            line_items: d.lines.iter().map(ClaimLineDto::from).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimList {
    pub items: Vec<ClaimDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceDto {
    /// Approved and not yet paid.
    pub payable: MoneyDto,
    pub paid: MoneyDto,
    /// Movements of the payable balance (approved claims in, payments out), newest first.
    pub payable_history: Vec<HistoryLineDto>,
    /// Payments received, newest first; each memo names the batch and the bank's reference.
    pub paid_history: Vec<HistoryLineDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationDto {
    pub id: Uuid,
    /// e.g. `enrollment_accepted`, `delivery_to_confirm`, `payment_made`.
    pub kind: String,
    pub payload: serde_json::Value,
    pub created_at: String,
    pub read: bool,
}

impl From<&Notification> for NotificationDto {
    fn from(n: &Notification) -> Self {
        Self {
            id: n.id,
            kind: n.kind.clone(),
            payload: n.payload.clone(),
            created_at: n.created_at.to_string(),
            read: n.read_at.is_some(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationList {
    pub items: Vec<NotificationDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaidLineDto {
    pub delivery_record_id: Uuid,
    pub delivered_on: Option<String>,
    pub units: i64,
    /// Paid from the certificate.
    pub captured: MoneyDto,
    pub copay: MoneyDto,
    /// The authority has paid the provider for it.
    pub paid: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateUse {
    pub enrollments: Vec<EnrollmentDto>,
    pub deliveries: Vec<DeliveryDto>,
    pub paid_lines: Vec<PaidLineDto>,
}

// ---------------------------------------------------------------------------------------------
// The recipient
// ---------------------------------------------------------------------------------------------

/// The certificate `request` spends (one of the caller's) and today in its authority.
async fn certificate_and_today(
    state: &AppState,
    caller: &Caller,
    request: &EnrollmentRequest,
) -> Result<(Certificate, Date), ApiError> {
    let certificate = own_certificate(state, caller, request.certificate_id).await?;
    let today = today_in(&state.store.authority(certificate.authority_id).await?);
    Ok((certificate, today))
}

/// Prices `request` on one of the caller's certificates (the API's quote and the portal's).
pub(crate) async fn quote_own(
    state: &AppState,
    caller: &Caller,
    request: &EnrollmentRequest,
) -> Result<EnrollmentQuote, ApiError> {
    // A quote shows the co-payment rather than refusing it.
    let request = EnrollmentRequest {
        copay_agreed: true,
        ..request.clone()
    };
    let (certificate, today) = certificate_and_today(state, caller, &request).await?;
    Ok(state
        .store
        .quote_enrollment(certificate.authority_id, &request, today)
        .await?)
}

/// Enrolls with one of the caller's certificates, once per key (the API and the portal).
pub(crate) async fn enroll_own(
    state: &AppState,
    caller: &Caller,
    request: &EnrollmentRequest,
    key: &IdempotencyKey,
    actor: &Actor,
) -> Result<(Enrollment, bool), ApiError> {
    let (certificate, today) = certificate_and_today(state, caller, request).await?;
    Ok(state
        .store
        .enroll(certificate.authority_id, request, key, today, actor)
        .await?)
}

/// What an enrollment would cost: price, the part the certificate covers, and the co-payment.
/// Nothing is held.
#[utoipa::path(post, path = "/api/v1/me/enrollments/quote", tag = "enrollments",
    request_body = EnrollmentBody,
    responses(
        (status = 200, body = QuoteDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn quote(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiJson(body): ApiJson<EnrollmentBody>,
) -> Result<Json<QuoteDto>, ApiError> {
    let quote = quote_own(&state, &caller, &body.parse()?).await?;
    Ok(Json((&quote).into()))
}

/// Enrolls with an offer: the covered part is held on the certificate and the provider is asked
/// to accept. A co-payment needs `copay_agreed`. Needs an `Idempotency-Key`.
#[utoipa::path(post, path = "/api/v1/me/enrollments", tag = "enrollments",
    params(("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per enrollment")),
    request_body = EnrollmentBody,
    responses(
        (status = 201, body = EnrollmentDto),
        (status = 200, description = "Replay of an earlier request with the same key", body = EnrollmentDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn enroll(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<EnrollmentBody>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let (enrollment, replayed) = enroll_own(&state, &caller, &body.parse()?, &key, &actor).await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(EnrollmentDto::from(&enrollment))).into_response())
}

/// Enrollments of every person the caller acts for, newest first.
#[utoipa::path(get, path = "/api/v1/me/enrollments", tag = "enrollments",
    responses((status = 200, body = EnrollmentList)))]
pub async fn my_enrollments(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<EnrollmentList>, ApiError> {
    Ok(enrollment_list(
        &enrollments_of(&state, principal(&caller)?).await?,
    ))
}

/// Enrollments of every person `principal` acts for (the API and the portal).
pub(crate) async fn enrollments_of(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<Enrollment>, ApiError> {
    let mut items = Vec::new();
    for (authority, recipient) in represented(principal) {
        items.extend(
            state
                .store
                .enrollments_of_recipient(authority, recipient)
                .await?,
        );
    }
    Ok(items)
}

/// One of the caller's enrollments, or 404.
pub(crate) async fn own_enrollment(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> Result<Enrollment, ApiError> {
    of_represented(
        principal(caller)?,
        |authority| async move { state.store.enrollment(authority, id).await.ok() },
        |e| e.recipient_id,
    )
    .await
    .ok_or(ApiError::NotFound("enrollment"))
}

/// Ends the enrollment (to switch provider): what it holds beyond deliveries not yet paid goes
/// back to the certificate at once. With a notice period set by the authority, service goes on
/// until the notice ends.
#[utoipa::path(post, path = "/api/v1/me/enrollments/{enrollment_id}/cancellation", tag = "enrollments",
    params(("enrollment_id" = Uuid, Path, description = "Enrollment id")),
    responses(
        (status = 200, body = EnrollmentDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<EnrollmentDto>, ApiError> {
    Ok(Json(
        (&cancel_own(&state, &caller, id, &actor).await?).into(),
    ))
}

/// Ends one of the caller's enrollments (the API and the portal).
pub(crate) async fn cancel_own(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    actor: &Actor,
) -> Result<Enrollment, ApiError> {
    let e = own_enrollment(state, caller, id).await?;
    let today = today_in(&state.store.authority(e.authority_id).await?);
    Ok(state
        .store
        .cancel_enrollment(e.authority_id, id, today, actor)
        .await?)
}

/// Delivery records of every person the caller acts for, newest first.
#[utoipa::path(get, path = "/api/v1/me/deliveries", tag = "enrollments",
    responses((status = 200, body = DeliveryList)))]
pub async fn my_deliveries(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<DeliveryList>, ApiError> {
    let records = deliveries_of(&state, principal(&caller)?).await?;
    Ok(Json(DeliveryList {
        items: records.iter().map(DeliveryDto::from).collect(),
    }))
}

/// Delivery records of every person `principal` acts for (the API and the portal).
pub(crate) async fn deliveries_of(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<DeliveryRecord>, ApiError> {
    let mut items = Vec::new();
    for (authority, recipient) in represented(principal) {
        items.extend(
            state
                .store
                .delivery_records_of_recipient(authority, recipient)
                .await?,
        );
    }
    Ok(items)
}

async fn own_record(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> Result<DeliveryRecord, ApiError> {
    of_represented(
        principal(caller)?,
        |authority| async move { state.store.delivery_record(authority, id).await.ok() },
        |r| r.recipient_id,
    )
    .await
    .ok_or(ApiError::NotFound("delivery record"))
}

/// The recipient confirms the service was delivered as recorded.
#[utoipa::path(post, path = "/api/v1/me/deliveries/{record_id}/confirmation", tag = "enrollments",
    params(("record_id" = Uuid, Path, description = "Delivery record id")),
    responses(
        (status = 200, body = DeliveryDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn confirm(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<DeliveryDto>, ApiError> {
    let after = resolve_own(&state, &caller, id, DeliveryEvent::Confirm, None, &actor).await?;
    Ok(Json((&after).into()))
}

/// The recipient confirms or disputes one of their delivery records (the API and the portal).
pub(crate) async fn resolve_own(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    event: DeliveryEvent,
    reason: Option<&str>,
    actor: &Actor,
) -> Result<DeliveryRecord, ApiError> {
    let r = own_record(state, caller, id).await?;
    Ok(state
        .store
        .resolve_delivery(r.authority_id, id, event, reason, actor)
        .await?)
}

/// The recipient disputes a record: it is not paid unless an officer confirms it.
#[utoipa::path(post, path = "/api/v1/me/deliveries/{record_id}/dispute", tag = "enrollments",
    params(("record_id" = Uuid, Path, description = "Delivery record id")),
    request_body = DisputeBody,
    responses(
        (status = 200, body = DeliveryDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn dispute(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<DisputeBody>,
) -> Result<Json<DeliveryDto>, ApiError> {
    let after = resolve_own(
        &state,
        &caller,
        id,
        DeliveryEvent::Dispute,
        Some(&body.reason),
        &actor,
    )
    .await?;
    Ok(Json((&after).into()))
}

/// What was delivered and paid on one of the caller's certificates.
#[utoipa::path(get, path = "/api/v1/me/certificates/{certificate_id}/use", tag = "enrollments",
    params(("certificate_id" = Uuid, Path, description = "Certificate id")),
    responses(
        (status = 200, body = CertificateUse),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn certificate_use(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<CertificateUse>, ApiError> {
    let c = own_certificate(&state, &caller, id).await?;
    let enrollments: Vec<Enrollment> = state
        .store
        .enrollments_of_recipient(c.authority_id, c.recipient_id)
        .await?
        .into_iter()
        .filter(|e| e.certificate_id == c.id)
        .collect();
    let mut deliveries = Vec::new();
    for e in &enrollments {
        for r in state
            .store
            .delivery_records_of_enrollment(c.authority_id, e.id)
            .await?
        {
            deliveries.push(DeliveryDto::from(&r));
        }
    }
    let paid_lines = state
        .store
        .paid_lines_of_certificate(c.id)
        .await?
        .iter()
        .map(|l| PaidLineDto {
            delivery_record_id: l.delivery_record_id,
            delivered_on: l.delivered_on.map(|d| d.to_string()),
            units: l.units.count(),
            captured: l.captured.into(),
            copay: l.copay.into(),
            paid: l.paid,
        })
        .collect();
    Ok(Json(CertificateUse {
        enrollments: enrollments.iter().map(EnrollmentDto::from).collect(),
        deliveries,
        paid_lines,
    }))
}

/// The inbox of every person the caller acts for, newest first.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "enrollments",
    responses((status = 200, body = NotificationList)))]
pub async fn my_notifications(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<NotificationList>, ApiError> {
    let items = notifications_of(&state, principal(&caller)?).await?;
    Ok(Json(NotificationList {
        items: items.iter().map(NotificationDto::from).collect(),
    }))
}

/// The inbox of every person `principal` acts for, newest first (the API and the portal).
pub(crate) async fn notifications_of(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<Notification>, ApiError> {
    let mut items = Vec::new();
    for (authority, recipient) in represented(principal) {
        items.extend(
            state
                .store
                .inbox(authority, Audience::Recipient(recipient))
                .await?,
        );
    }
    items.sort_by_key(|n| std::cmp::Reverse(n.created_at));
    Ok(items)
}

/// Marks one of the caller's notifications read.
#[utoipa::path(post, path = "/api/v1/me/notifications/{notification_id}/read", tag = "enrollments",
    params(("notification_id" = Uuid, Path, description = "Notification id")),
    responses(
        (status = 204, description = "Marked read"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn read_notification(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, ApiError> {
    read_own_notification(&state, principal(&caller)?, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Marks a notification of someone `principal` acts for read (the API and the portal).
pub(crate) async fn read_own_notification(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<(), ApiError> {
    for (authority, recipient) in represented(principal) {
        if state
            .store
            .mark_read(authority, Audience::Recipient(recipient), id)
            .await
            .is_ok()
        {
            return Ok(());
        }
    }
    Err(ApiError::NotFound("notification"))
}

// ---------------------------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------------------------

/// The provider's enrollments in every authority, newest first.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/enrollments", tag = "enrollments",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    responses((status = 200, body = EnrollmentList)))]
pub async fn provider_enrollments(
    State(state): State<AppState>,
    ApiPath(provider): ApiPath<Uuid>,
) -> Result<Json<EnrollmentList>, ApiError> {
    Ok(enrollment_list(
        &state.store.enrollments_of_provider(provider).await?,
    ))
}

/// Accepts an enrollment request (takes a seat; 409 `offer_full` when none is left) or declines
/// it with a reason (the hold returns to the certificate).
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/enrollments/{enrollment_id}/decision", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("enrollment_id" = Uuid, Path, description = "Enrollment id"),
    ),
    request_body = DecisionBody,
    responses(
        (status = 200, body = EnrollmentDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn decide(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((provider, authority, id)): ApiPath<(Uuid, AuthorityId, Uuid)>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Json<EnrollmentDto>, ApiError> {
    let e = state.store.enrollment(authority, id).await?;
    if e.provider_id != provider {
        return Err(ApiError::NotFound("enrollment"));
    }
    let decision = match body.decision.as_str() {
        "accept" => ProviderDecision::Accept,
        "decline" => ProviderDecision::Decline {
            reason: body.reason.unwrap_or_default(),
        },
        other => {
            return Err(ApiError::invalid(
                "decision",
                format!("{other:?} is not a decision: send accept or decline"),
            ));
        }
    };
    let after = state
        .store
        .decide_enrollment(authority, id, decision, &actor)
        .await?;
    Ok(Json((&after).into()))
}

fn parse_delivery(body: &DeliveryBody) -> Result<NewDeliveryRecord, (String, String)> {
    let bad = |field: &str, message: String| (field.to_owned(), message);
    let delivered_on: Date = body.delivered_on.trim().parse().map_err(|_| {
        bad(
            "delivered_on",
            format!("{:?} is not a date: write YYYY-MM-DD", body.delivered_on),
        )
    })?;
    let delivered_at = match body.delivered_at.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) => {
            let ok = t.len() == 5
                && t.as_bytes()[2] == b':'
                && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
                && t[3..].parse::<u8>().is_ok_and(|m| m < 60);
            if !ok {
                return Err(bad(
                    "delivered_at",
                    format!("{t:?} is not a time of day: write HH:MM"),
                ));
            }
            Some(t.to_owned())
        }
    };
    let units = Units::new(body.units).map_err(|e| bad("units", e.to_string()))?;
    let worker = body.worker.trim();
    if worker.is_empty() || worker.chars().count() > 200 {
        return Err(bad(
            "worker",
            "say who delivered the service (up to 200 characters)".into(),
        ));
    }
    if body.note.chars().count() > 2000 {
        return Err(bad(
            "note",
            "the note is longer than 2000 characters".into(),
        ));
    }
    Ok(NewDeliveryRecord {
        enrollment_id: body.enrollment_id,
        delivered_on,
        delivered_at,
        units,
        worker: worker.to_owned(),
        note: body.note.trim().to_owned(),
    })
}

/// Parses rows (line number, row), records the valid ones in one go, and reports every row.
async fn record_rows(
    state: &AppState,
    actor: &Actor,
    provider: Uuid,
    authority: AuthorityId,
    rows: Vec<crate::delivery_csv::Row>,
) -> Result<DeliveryReport, ApiError> {
    let today = today_in(&state.store.authority(authority).await?);
    let mut items: Vec<DeliveryOutcome> = Vec::with_capacity(rows.len());
    let mut valid = Vec::new();
    let mut slots = Vec::new();
    for (line, row) in rows {
        match row.and_then(|body| parse_delivery(&body)) {
            Ok(record) => {
                slots.push(items.len());
                valid.push(record);
                items.push(DeliveryOutcome {
                    line,
                    outcome: "recorded",
                    record: None,
                    code: None,
                    field: None,
                    message: None,
                });
            }
            Err((field, message)) => items.push(DeliveryOutcome {
                line,
                outcome: "refused",
                record: None,
                code: Some("INVALID"),
                field: Some(field),
                message: Some(message),
            }),
        }
    }
    if !valid.is_empty() {
        let results = state
            .store
            .record_deliveries(authority, provider, &valid, today, actor)
            .await?;
        for (slot, result) in slots.into_iter().zip(results) {
            let item = &mut items[slot];
            match result {
                Ok(record) => item.record = Some(DeliveryDto::from(&record)),
                Err(refusal) => {
                    item.outcome = "refused";
                    item.code = Some(refusal.code());
                    item.field = Some(refusal_field(&refusal).to_owned());
                    item.message = Some(refusal.message());
                }
            }
        }
    }
    let recorded = items.iter().filter(|i| i.outcome == "recorded").count();
    Ok(DeliveryReport {
        recorded,
        refused: items.len() - recorded,
        items,
    })
}

fn refusal_field(refusal: &RecordRefusal) -> &'static str {
    use socert_domain::enrollment::DeliveryRefusal as R;
    match refusal {
        RecordRefusal::NoEnrollment | RecordRefusal::Rule(R::NotActive { .. }) => "enrollment_id",
        RecordRefusal::Rule(R::ZeroUnits | R::OverVolume { .. }) => "units",
        RecordRefusal::Rule(R::OutOfPeriod { .. }) => "delivered_on",
    }
}

/// Records delivered service (one record or many). Each record is checked on its own: beyond the
/// enrolled volume, outside the enrollment's dates or on an enrollment that is not active, it is
/// refused with a reason code; the others are recorded and the recipient is asked to confirm.
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/deliveries", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
    ),
    request_body = DeliveriesBody,
    responses(
        (status = 200, body = DeliveryReport),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_deliveries(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((provider, authority)): ApiPath<(Uuid, AuthorityId)>,
    ApiJson(body): ApiJson<DeliveriesBody>,
) -> Result<Json<DeliveryReport>, ApiError> {
    if body.records.is_empty() || body.records.len() > 5000 {
        return Err(ApiError::invalid(
            "records",
            "send from 1 to 5000 records at a time",
        ));
    }
    let rows = body
        .records
        .into_iter()
        .enumerate()
        .map(|(i, r)| (i as i64 + 1, Ok(r)))
        .collect();
    Ok(Json(
        record_rows(&state, &actor, provider, authority, rows).await?,
    ))
}

/// Records delivered service from a CSV file (`enrollment_id,delivered_on,delivered_at,units,
/// worker,note`; `;` also accepted) or an XLSX workbook with those columns, with a report line
/// for every row.
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/deliveries.csv", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
    ),
    request_body(description = "CSV, or an XLSX workbook (its first visible sheet); the format is told by the file's bytes",
        content(
            (String = "text/csv"),
            (inline(crate::api::dto::FileBytes) = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
    responses(
        (status = 200, body = DeliveryReport),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_deliveries_csv(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((provider, authority)): ApiPath<(Uuid, AuthorityId)>,
    Upload(bytes): Upload,
) -> Result<Json<DeliveryReport>, ApiError> {
    let rows = crate::delivery_csv::parse(&bytes)?;
    Ok(Json(
        record_rows(&state, &actor, provider, authority, rows).await?,
    ))
}

/// Submits a claim for a period: lines are built from confirmed records (or given), each line is
/// approved or rejected with a reason code, approved lines are paid from the certificates' holds
/// into the provider's payable. Needs an `Idempotency-Key`.
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/claims", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per claim"),
    ),
    request_body = ClaimBody,
    responses(
        (status = 201, body = ClaimDetailDto),
        (status = 200, description = "Replay of an earlier request with the same key", body = ClaimDetailDto),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn submit_claim(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((provider, authority)): ApiPath<(Uuid, AuthorityId)>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ClaimBody>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let lines = match &body.lines {
        None => None,
        Some(lines) if lines.len() > 10_000 => {
            return Err(ApiError::invalid(
                "lines",
                "send at most 10 000 lines per claim",
            ));
        }
        Some(lines) => Some(
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    Ok(ClaimLineRequest {
                        delivery_record_id: l.delivery_record_id,
                        units: l
                            .units
                            .map(Units::new)
                            .transpose()
                            .map_err(|e| ApiError::invalid(format!("lines[{i}].units"), e))?,
                        price_per_unit: l
                            .price_per_unit
                            .as_ref()
                            .map(|p| p.parse(&format!("lines[{i}].price_per_unit")))
                            .transpose()?,
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()?,
        ),
    };
    let request = ClaimRequest {
        provider_id: provider,
        period_from: parse_date("period_from", &body.period_from)?,
        period_to: parse_date("period_to", &body.period_to)?,
        lines,
    };
    let (detail, replayed) = state
        .store
        .submit_claim(authority, &request, &key, &actor)
        .await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(ClaimDetailDto::from(&detail))).into_response())
}

/// The provider's claims in every authority, newest first.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/claims", tag = "enrollments",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    responses((status = 200, body = ClaimList)))]
pub async fn provider_claims(
    State(state): State<AppState>,
    ApiPath(provider): ApiPath<Uuid>,
) -> Result<Json<ClaimList>, ApiError> {
    let claims = state.store.claims_of_provider(provider).await?;
    Ok(Json(ClaimList {
        items: claims.iter().map(ClaimDto::from).collect(),
    }))
}

/// One claim with every line's status and reason.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/claims/{claim_id}", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("claim_id" = Uuid, Path, description = "Claim id"),
    ),
    responses(
        (status = 200, body = ClaimDetailDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn provider_claim(
    State(state): State<AppState>,
    ApiPath((provider, authority, id)): ApiPath<(Uuid, AuthorityId, Uuid)>,
) -> Result<Json<ClaimDetailDto>, ApiError> {
    let detail = state.store.claim(authority, id).await?;
    if detail.claim.provider_id != provider {
        return Err(ApiError::NotFound("claim"));
    }
    Ok(Json((&detail).into()))
}

/// What the authority owes the provider (approved, not yet paid) and has paid, with the history
/// of both.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/balance", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
    ),
    responses((status = 200, body = BalanceDto)))]
pub async fn provider_balance(
    State(state): State<AppState>,
    ApiPath((provider, authority)): ApiPath<(Uuid, AuthorityId)>,
) -> Result<Json<BalanceDto>, ApiError> {
    use socert_domain::ledger::{AccountKind, AccountRef};
    let currency = state.store.authority(authority).await?.currency;
    // An account not opened yet (no claim approved, nothing paid) is zero with no history.
    let account = async |kind| {
        let account = AccountRef::new(kind, provider);
        let page = socert_store::PageRequest {
            after: None,
            limit: 100,
        };
        match state.store.account(authority, account).await {
            Ok(found) => {
                let history = state.store.history(authority, account, &page).await?;
                Ok((
                    found.balance,
                    history.items.iter().map(HistoryLineDto::from).collect(),
                ))
            }
            Err(socert_store::Error::NoAccount(_) | socert_store::Error::NotFound { .. }) => {
                Ok((socert_domain::Money::zero(currency), Vec::new()))
            }
            Err(err) => Err(ApiError::from(err)),
        }
    };
    let (payable, payable_history) = account(AccountKind::Payable).await?;
    let (paid, paid_history) = account(AccountKind::Paid).await?;
    Ok(Json(BalanceDto {
        payable: payable.into(),
        paid: paid.into(),
        payable_history,
        paid_history,
    }))
}

/// The provider's inbox in one authority, newest first.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/authorities/{authority_id}/notifications", tag = "enrollments",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("authority_id" = Uuid, Path, description = "Authority id"),
    ),
    responses((status = 200, body = NotificationList)))]
pub async fn provider_notifications(
    State(state): State<AppState>,
    ApiPath((provider, authority)): ApiPath<(Uuid, AuthorityId)>,
) -> Result<Json<NotificationList>, ApiError> {
    let items = state
        .store
        .inbox(authority, Audience::Provider(provider))
        .await?;
    Ok(Json(NotificationList {
        items: items.iter().map(NotificationDto::from).collect(),
    }))
}
