//! The officer's side of paying providers: open claims and their ageing, settlement batches and
//! their payment registers (CSV, XLSX), recording the bank's payment, settling disputed
//! deliveries, budget burn per program, and the daily jobs.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::AuthorityId;
use socert_domain::enrollment::DeliveryEvent;
use socert_store::audit::Actor;
use socert_store::enrollments::{BatchDetail, JobReport, PaymentBatch};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{CSV, MoneyDto, XLSX, attachment, parse_date, today_in};
use crate::api::enrollments::{ClaimDetailDto, ClaimDto, ClaimList, DeliveryDto};
use crate::api::ledger::idempotency_key;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::extract::ApiPath;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettlementBody {
    /// Claims of periods ending on or before this day are settled.
    #[schema(example = "2026-12-15")]
    pub period_to: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentDto {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub provider_name: String,
    pub tax_id: String,
    pub bank_account: String,
    pub bank_id: String,
    pub amount: MoneyDto,
    pub claims: Vec<Uuid>,
    pub lines: i64,
    /// For the bank transfer: carries the batch and claim ids.
    pub reference: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BatchDto {
    pub id: Uuid,
    pub period_to: String,
    /// `open` or `paid`.
    pub status: String,
    pub total: MoneyDto,
    pub payment_count: i64,
    pub claims: i64,
    pub paid_on: Option<String>,
    pub bank_reference: Option<String>,
    pub created_at: String,
}

impl From<&PaymentBatch> for BatchDto {
    fn from(b: &PaymentBatch) -> Self {
        Self {
            id: b.id,
            period_to: b.period_to.to_string(),
            status: b.status.clone(),
            total: b.total.into(),
            payment_count: b.payments,
            claims: b.claims,
            paid_on: b.paid_on.map(|d| d.to_string()),
            bank_reference: b.bank_reference.clone(),
            created_at: b.created_at.to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BatchDetailDto {
    #[serde(flatten)]
    pub batch: BatchDto,
    pub payments: Vec<PaymentDto>,
}

impl From<&BatchDetail> for BatchDetailDto {
    fn from(d: &BatchDetail) -> Self {
        Self {
            batch: (&d.batch).into(),
            payments: d
                .payments
                .iter()
                .map(|p| PaymentDto {
                    id: p.id,
                    provider_id: p.provider_id,
                    provider_name: p.provider_name.clone(),
                    tax_id: p.tax_id.clone(),
                    bank_account: p.bank_account.clone(),
                    bank_id: p.bank_id.clone(),
                    amount: p.total.into(),
                    claims: p.claims.clone(),
                    lines: p.lines,
                    reference: p.reference(d.batch.id),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BatchList {
    pub items: Vec<BatchDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentBody {
    #[schema(example = "2026-12-17")]
    pub paid_on: String,
    /// The bank's reference of the payment order.
    pub bank_reference: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionBody {
    /// `confirm` (the service was delivered) or `void` (it was not).
    #[schema(example = "void")]
    pub event: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BurnDto {
    pub program_id: Uuid,
    pub name: String,
    pub budget_left: MoneyDto,
    /// Given to certificates, net of returns.
    pub allocated: MoneyDto,
    pub available: MoneyDto,
    pub held: MoneyDto,
    /// Paid from certificates to providers (approved claims).
    pub spent: MoneyDto,
    pub certificates: i64,
    pub open_enrollments: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BurnReport {
    pub items: Vec<BurnDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobReportDto {
    pub auto_confirmed: u64,
    pub reminded: u64,
    pub enrollments_ended: u64,
    pub holds_released: u64,
    pub batches: u64,
}

impl From<JobReport> for JobReportDto {
    fn from(r: JobReport) -> Self {
        Self {
            auto_confirmed: r.auto_confirmed,
            reminded: r.reminded,
            enrollments_ended: r.enrollments_ended,
            holds_released: r.holds_released,
            batches: r.batches,
        }
    }
}

/// Claims not yet paid, oldest first, with their age in days.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/claims", tag = "settlement",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = ClaimList)))]
pub async fn open_claims(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<ClaimList>, ApiError> {
    let claims = state.store.open_claims(authority).await?;
    Ok(Json(ClaimList {
        items: claims.iter().map(ClaimDto::from).collect(),
    }))
}

/// One claim with every line's status and reason.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/claims/{claim_id}", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("claim_id" = Uuid, Path, description = "Claim id"),
    ),
    responses(
        (status = 200, body = ClaimDetailDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_claim(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<ClaimDetailDto>, ApiError> {
    Ok(Json((&state.store.claim(authority, id).await?).into()))
}

/// Closes a period: approved claims of periods ending on or before `period_to` are grouped per
/// provider into one payment batch. Needs an `Idempotency-Key`; 422 `nothing_to_settle` when no
/// claim waits.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/settlements", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per settlement"),
    ),
    request_body = SettlementBody,
    responses(
        (status = 201, body = BatchDetailDto),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn settle(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath(authority): ApiPath<AuthorityId>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SettlementBody>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let period_to = parse_date("period_to", &body.period_to)?;
    let batch = settle_period(&state, authority, period_to, &key, &actor).await?;
    Ok((StatusCode::CREATED, Json(BatchDetailDto::from(&batch))).into_response())
}

/// Settles claims of periods ending by `period_to` into one batch (the API's and the portal's
/// path); `nothing_to_settle` when no claim waits.
pub(crate) async fn settle_period(
    state: &AppState,
    authority: AuthorityId,
    period_to: socert_domain::Date,
    key: &socert_domain::ledger::IdempotencyKey,
    actor: &Actor,
) -> Result<BatchDetail, ApiError> {
    state
        .store
        .settle(authority, period_to, key, actor)
        .await?
        .ok_or_else(|| {
            ApiError::from(socert_store::Error::Refused {
                code: "nothing_to_settle",
                message: format!(
                    "no approved claim of a period ending by {period_to} waits for payment"
                ),
            })
        })
}

/// Settlement batches, newest first.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/settlements", tag = "settlement",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = BatchList)))]
pub async fn list_settlements(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<BatchList>, ApiError> {
    let batches = state.store.batches(authority).await?;
    Ok(Json(BatchList {
        items: batches.iter().map(BatchDto::from).collect(),
    }))
}

/// One batch with its payments.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/settlements/{batch_id}", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("batch_id" = Uuid, Path, description = "Batch id"),
    ),
    responses(
        (status = 200, body = BatchDetailDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_settlement(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<BatchDetailDto>, ApiError> {
    Ok(Json((&state.store.batch(authority, id).await?).into()))
}

/// The header of the payment register, in both formats.
pub const REGISTER_COLUMNS: [&str; 10] = [
    "batch_id",
    "payment_id",
    "provider_name",
    "tax_id",
    "bank_account",
    "bank_id",
    "amount",
    "currency",
    "lines",
    "reference",
];

/// The payment register's rows: one per provider, amounts in major units with two decimals.
pub fn register_rows(detail: &BatchDetail) -> Vec<[String; 10]> {
    detail
        .payments
        .iter()
        .map(|p| {
            let minor = p.total.minor();
            let per = p.total.currency().minor_per_major();
            [
                detail.batch.id.to_string(),
                p.id.to_string(),
                p.provider_full_name.clone(),
                p.tax_id.clone(),
                p.bank_account.clone(),
                p.bank_id.clone(),
                format!("{}.{:02}", minor / per, minor % per),
                p.total.currency().code().to_owned(),
                p.lines.to_string(),
                p.reference(detail.batch.id),
            ]
        })
        .collect()
}

/// The batch's payment register as CSV (UTF-8, `,`): the same bytes every time it is exported.
pub fn register_csv(detail: &BatchDetail) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(REGISTER_COLUMNS)
        .map_err(|_| ApiError::Internal)?;
    for row in register_rows(detail) {
        out.write_record(&row).map_err(|_| ApiError::Internal)?;
    }
    out.into_inner().map_err(|_| ApiError::Internal)
}

/// The batch's payment register as an Excel workbook. The document's creation time is the
/// batch's, so re-exporting gives the same file.
pub fn register_xlsx(detail: &BatchDetail) -> Result<Vec<u8>, ApiError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
    let fail = |err: rust_xlsxwriter::XlsxError| {
        tracing::error!(error = %err, "payment register workbook failed");
        ApiError::Internal
    };
    let created =
        ExcelDateTime::from_timestamp(detail.batch.created_at.as_second()).map_err(fail)?;
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title("socert payment register")
            .set_creation_datetime(&created),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("payments").map_err(fail)?;
    for (col, name) in REGISTER_COLUMNS.iter().enumerate() {
        sheet.write_string(0, col as u16, *name).map_err(fail)?;
    }
    for (i, (row, p)) in register_rows(detail)
        .iter()
        .zip(&detail.payments)
        .enumerate()
    {
        let r = i as u32 + 1;
        for (col, value) in row.iter().enumerate() {
            if col == 6 {
                // The amount as a number (exact: minor units / 100 has at most two decimals).
                let per = p.total.currency().minor_per_major() as f64;
                sheet
                    .write_number(r, col as u16, p.total.minor() as f64 / per)
                    .map_err(fail)?;
            } else if col == 8 {
                sheet
                    .write_number(r, col as u16, p.lines as f64)
                    .map_err(fail)?;
            } else {
                sheet.write_string(r, col as u16, value).map_err(fail)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(fail)
}

/// The payment register of a batch as CSV.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/settlements/{batch_id}/register.csv", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("batch_id" = Uuid, Path, description = "Batch id"),
    ),
    responses(
        (status = 200, description = "CSV file", content_type = "text/csv"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_csv_file(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Response, ApiError> {
    let detail = state.store.batch(authority, id).await?;
    Ok(attachment(
        CSV,
        &format!("payment-register-{id}.csv"),
        register_csv(&detail)?,
    ))
}

/// The payment register of a batch as an Excel workbook.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/settlements/{batch_id}/register.xlsx", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("batch_id" = Uuid, Path, description = "Batch id"),
    ),
    responses(
        (status = 200, description = "XLSX file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_xlsx_file(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Response, ApiError> {
    let detail = state.store.batch(authority, id).await?;
    Ok(attachment(
        XLSX,
        &format!("payment-register-{id}.xlsx"),
        register_xlsx(&detail)?,
    ))
}

/// Records that the bank paid the batch: each provider's payable becomes paid. A second time is
/// refused with 409.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/settlements/{batch_id}/payment", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("batch_id" = Uuid, Path, description = "Batch id"),
    ),
    request_body = PaymentBody,
    responses(
        (status = 200, body = BatchDetailDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn mark_paid(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    ApiJson(body): ApiJson<PaymentBody>,
) -> Result<Json<BatchDetailDto>, ApiError> {
    let paid_on = parse_date("paid_on", &body.paid_on)?;
    let detail = state
        .store
        .mark_paid(authority, id, paid_on, &body.bank_reference, &actor)
        .await?;
    Ok(Json((&detail).into()))
}

/// Settles a disputed delivery record: `confirm` (it is paid) or `void` (it is not, and its
/// units no longer count toward the volume).
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/deliveries/{record_id}/resolution", tag = "settlement",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("record_id" = Uuid, Path, description = "Delivery record id"),
    ),
    request_body = ResolutionBody,
    responses(
        (status = 200, body = DeliveryDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn resolve_dispute(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    ApiJson(body): ApiJson<ResolutionBody>,
) -> Result<Json<DeliveryDto>, ApiError> {
    let after = resolve_delivery(&state, authority, id, &body.event, &actor).await?;
    Ok(Json((&after).into()))
}

/// An officer's resolution of a disputed delivery record, `confirm` or `void`: the API's and
/// the portal's one path.
pub(crate) async fn resolve_delivery(
    state: &AppState,
    authority: AuthorityId,
    id: Uuid,
    word: &str,
    actor: &Actor,
) -> Result<socert_store::enrollments::DeliveryRecord, ApiError> {
    let record = state.store.delivery_record(authority, id).await?;
    let event = match word {
        "confirm" if record.status == socert_domain::enrollment::DeliveryStatus::Disputed => {
            DeliveryEvent::Confirm
        }
        "confirm" => {
            return Err(ApiError::from(socert_store::Error::Refused {
                code: "not_disputed",
                message: "only a disputed record is settled by an officer; the recipient confirms the others".into(),
            }));
        }
        "void" => DeliveryEvent::Void,
        other => {
            return Err(ApiError::invalid(
                "event",
                format!("{other:?} is not a resolution: send confirm or void"),
            ));
        }
    };
    Ok(state
        .store
        .resolve_delivery(authority, id, event, None, actor)
        .await?)
}

/// Budget burn per program: what is left, given to certificates, held for enrollments and spent.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/reports/budget-burn", tag = "settlement",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = BurnReport)))]
pub async fn budget_burn(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<BurnReport>, ApiError> {
    let items = state
        .store
        .budget_burn(authority)
        .await?
        .into_iter()
        .map(|b| BurnDto {
            program_id: b.program_id,
            name: b.name_en,
            budget_left: b.budget_left.into(),
            allocated: b.allocated.into(),
            available: b.available.into(),
            held: b.held.into(),
            spent: b.spent.into(),
            certificates: b.certificates,
            open_enrollments: b.open_enrollments,
        })
        .collect();
    Ok(Json(BurnReport { items }))
}

/// Runs today's jobs now (they also run hourly in `socert serve`): auto-confirmation, reminders,
/// ending enrollments, releasing holds, and settlement on a settlement day.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/jobs/daily", tag = "settlement",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses((status = 200, body = JobReportDto)))]
pub async fn run_daily_jobs(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<JobReportDto>, ApiError> {
    let today = today_in(&state.store.authority(authority).await?);
    let report = state.store.run_daily_jobs(authority, today, &actor).await?;
    Ok(Json(report.into()))
}

/// Today's jobs in every authority, each on its own local date (run hourly by `socert serve`).
pub async fn daily_jobs_everywhere(
    store: &dyn socert_store::Store,
) -> Result<JobReport, socert_store::Error> {
    let actor = Actor::system("daily-jobs");
    let mut total = JobReport::default();
    for authority in store.list_authorities().await? {
        let report = store
            .run_daily_jobs(authority.id, today_in(&authority), &actor)
            .await?;
        total.auto_confirmed += report.auto_confirmed;
        total.reminded += report.reminded;
        total.enrollments_ended += report.enrollments_ended;
        total.holds_released += report.holds_released;
        total.batches += report.batches;
    }
    Ok(total)
}
