//! The ledger over HTTP: balances and history of an account, one transaction, officers'
//! adjustments and reversals (idempotent, with a mandatory reason), and the invariant report.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::AuthorityId;
use socert_domain::ledger::{AccountKind, AccountRef, Command, IdempotencyKey};
use socert_store::PageRequest;
use socert_store::audit::Actor;
use socert_store::ledger::{
    Account, HistoryLine, LedgerTransaction, Posted, StoredPosting, VerifyReport,
};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::MoneyDto;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, ApiQuery, bad_cursor, page_limit, parsed_cursor};

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 500;

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountDto {
    pub id: Uuid,
    /// `funding`, `budget`, `available`, `held`, `payable`, `paid` or `copay`.
    #[schema(example = "available")]
    pub kind: String,
    /// The program, certificate, provider or recipient that owns the account.
    pub owner_id: Uuid,
    pub balance: MoneyDto,
    /// How many postings the account has.
    pub postings: i64,
    pub created_at: String,
}

impl From<&Account> for AccountDto {
    fn from(a: &Account) -> Self {
        Self {
            id: a.id,
            kind: a.account.kind.to_string(),
            owner_id: a.account.owner,
            balance: a.balance.into(),
            postings: a.postings,
            created_at: a.created_at.to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostingDto {
    pub account_kind: String,
    pub account_owner_id: Uuid,
    /// Signed: positive raises the account's balance.
    pub amount: MoneyDto,
    pub balance_after: MoneyDto,
    /// The posting's number in its account's history.
    pub seq: i64,
}

impl From<&StoredPosting> for PostingDto {
    fn from(p: &StoredPosting) -> Self {
        Self {
            account_kind: p.account.kind.to_string(),
            account_owner_id: p.account.owner,
            amount: p.amount.into(),
            balance_after: p.balance_after.into(),
            seq: p.seq,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransactionDto {
    pub id: Uuid,
    #[schema(example = "adjustment")]
    pub kind: String,
    pub idempotency_key: String,
    /// The transaction this one reverses, if it is a reversal.
    pub reverses: Option<Uuid>,
    pub memo: Option<String>,
    pub created_at: String,
    pub postings: Vec<PostingDto>,
}

impl From<&LedgerTransaction> for TransactionDto {
    fn from(t: &LedgerTransaction) -> Self {
        Self {
            id: t.id,
            kind: t.kind.to_string(),
            idempotency_key: t.idempotency_key.clone(),
            reverses: t.reverses,
            memo: t.memo.clone(),
            created_at: t.created_at.to_string(),
            postings: t.postings.iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryLineDto {
    pub seq: i64,
    pub transaction_id: Uuid,
    pub kind: String,
    pub memo: Option<String>,
    pub at: String,
    pub amount: MoneyDto,
    /// The account's balance right after this posting.
    pub balance_after: MoneyDto,
}

impl From<&HistoryLine> for HistoryLineDto {
    fn from(l: &HistoryLine) -> Self {
        Self {
            seq: l.seq,
            transaction_id: l.transaction_id,
            kind: l.kind.to_string(),
            memo: l.memo.clone(),
            at: l.at.to_string(),
            amount: l.amount.into(),
            balance_after: l.balance_after.into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryPage {
    /// Newest first.
    pub items: Vec<HistoryLineDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// `next_cursor` from the previous page.
    cursor: Option<String>,
    /// Page size, 1 to 500 (default 50).
    limit: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountSelector {
    #[schema(example = "budget")]
    pub kind: String,
    pub owner_id: Uuid,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdjustmentRequest {
    pub account: AccountSelector,
    /// Signed: positive raises the account (drawing on the authority's funding), negative lowers it.
    pub amount: MoneyDto,
    /// Why: kept with the transaction for auditors.
    #[schema(example = "Correction of the budget after regional order No. 123")]
    pub reason: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReversalRequest {
    pub memo: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ViolationDto {
    #[schema(example = "balance_mismatch")]
    pub rule: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VerifyReportDto {
    /// True when no invariant is violated.
    pub ok: bool,
    pub accounts: i64,
    pub transactions: i64,
    pub violations: Vec<ViolationDto>,
}

impl From<&VerifyReport> for VerifyReportDto {
    fn from(r: &VerifyReport) -> Self {
        Self {
            ok: r.violations.is_empty(),
            accounts: r.accounts,
            transactions: r.transactions,
            violations: r
                .violations
                .iter()
                .map(|v| ViolationDto {
                    rule: v.rule.to_owned(),
                    subject: v.subject.clone(),
                    detail: v.detail.clone(),
                })
                .collect(),
        }
    }
}

/// An account named in the path; an unknown kind is a bad parameter.
fn path_account(kind: &str, owner: Uuid) -> Result<AccountRef, ApiError> {
    let kind: AccountKind = kind
        .parse()
        .map_err(|e| ApiError::bad_parameter("kind", e))?;
    Ok(AccountRef::new(kind, owner))
}

/// The `Idempotency-Key` header every value-moving POST needs.
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<IdempotencyKey, ApiError> {
    let value = headers
        .get("idempotency-key")
        .ok_or(ApiError::MissingIdempotencyKey)?;
    let text = value
        .to_str()
        .map_err(|_| ApiError::bad_parameter("Idempotency-Key", "must be visible ASCII"))?;
    IdempotencyKey::parse(text).map_err(|e| ApiError::bad_parameter("Idempotency-Key", e))
}

/// 201 for a new transaction; 200 with `Idempotent-Replayed: true` for a replay.
fn posted_response(posted: &Posted) -> Response {
    let status = if posted.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let mut response = (status, Json(TransactionDto::from(&posted.transaction))).into_response();
    if posted.replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

/// An account's balance.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/ledger/accounts/{kind}/{owner_id}", tag = "ledger",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("kind" = String, Path, description = "Account kind, e.g. `available`"),
        ("owner_id" = Uuid, Path, description = "Owner: program, certificate, provider or recipient id"),
    ),
    responses(
        (status = 200, body = AccountDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_account(
    State(state): State<AppState>,
    ApiPath((authority, kind, owner)): ApiPath<(AuthorityId, String, Uuid)>,
) -> Result<Json<AccountDto>, ApiError> {
    let account = path_account(&kind, owner)?;
    let found = state.store.account(authority, account).await?;
    Ok(Json(AccountDto::from(&found)))
}

/// An account's postings with the running balance, newest first.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/ledger/accounts/{kind}/{owner_id}/history", tag = "ledger",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("kind" = String, Path, description = "Account kind"),
        ("owner_id" = Uuid, Path, description = "Owner id"),
        HistoryQuery,
    ),
    responses(
        (status = 200, body = HistoryPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn account_history(
    State(state): State<AppState>,
    ApiPath((authority, kind, owner)): ApiPath<(AuthorityId, String, Uuid)>,
    ApiQuery(query): ApiQuery<HistoryQuery>,
) -> Result<Json<HistoryPage>, ApiError> {
    let account = path_account(&kind, owner)?;
    let limit = page_limit(query.limit, DEFAULT_PAGE, MAX_PAGE)?;
    // Postings are numbered from 1.
    let after = parsed_cursor::<i64>(query.cursor.as_deref())?;
    if after.is_some_and(|seq| seq < 1) {
        return Err(bad_cursor());
    }
    let page = state
        .store
        .history(authority, account, &PageRequest { after, limit })
        .await?;
    Ok(Json(HistoryPage {
        items: page.items.iter().map(Into::into).collect(),
        next_cursor: page.next.map(|seq| seq.to_string()),
    }))
}

/// One ledger transaction with its postings.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/ledger/transactions/{transaction_id}", tag = "ledger",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("transaction_id" = Uuid, Path, description = "Transaction id"),
    ),
    responses(
        (status = 200, body = TransactionDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_transaction(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<TransactionDto>, ApiError> {
    let transaction = state.store.ledger_transaction(authority, id).await?;
    Ok(Json(TransactionDto::from(&transaction)))
}

/// An officer's manual adjustment of one account against the authority's funding, with a reason.
/// Needs an `Idempotency-Key`: retrying with the same key returns the first result.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/ledger/adjustments", tag = "ledger",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per command"),
    ),
    request_body = AdjustmentRequest,
    responses(
        (status = 201, description = "Posted", body = TransactionDto),
        (status = 200, description = "Replay of an earlier request with the same key", body = TransactionDto),
        (status = 400, description = "Missing or bad Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Insufficient funds, or the key was used for another command", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_adjustment(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AdjustmentRequest>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let kind: AccountKind = body
        .account
        .kind
        .parse()
        .map_err(|e| ApiError::invalid("account.kind", e))?;
    let account = AccountRef::new(kind, body.account.owner_id);
    let command = Command::Adjust {
        account,
        funding: AccountRef::new(AccountKind::Funding, authority.as_uuid()),
        amount: body.amount.parse("amount")?,
        reason: body.reason,
    };
    let posted = state
        .store
        .post_as(authority, &key, &command, Some(&actor))
        .await?;
    Ok(posted_response(&posted))
}

/// Posts the exact opposite of a transaction. Each transaction can be reversed once.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/ledger/transactions/{transaction_id}/reversal", tag = "ledger",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("transaction_id" = Uuid, Path, description = "The transaction to reverse"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per command"),
    ),
    request_body = ReversalRequest,
    responses(
        (status = 201, description = "Posted", body = TransactionDto),
        (status = 200, description = "Replay", body = TransactionDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already reversed, not reversible, or insufficient funds", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reverse_transaction(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ReversalRequest>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let posted = state
        .store
        .reverse_as(authority, &key, id, body.memo, Some(&actor))
        .await?;
    Ok(posted_response(&posted))
}

/// Checks every ledger invariant of the authority: balanced transactions, balances equal to their
/// postings, running balances, no forbidden negatives, funding mirroring all allocations.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/ledger/verify", tag = "ledger",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    responses(
        (status = 200, body = VerifyReportDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn verify(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
) -> Result<Json<VerifyReportDto>, ApiError> {
    state.store.authority(authority).await?;
    let mut report = state.store.verify_ledger(Some(authority)).await?;
    report
        .violations
        .extend(state.store.verify_programs(Some(authority)).await?);
    report
        .violations
        .extend(state.store.verify_enrollments(Some(authority)).await?);
    Ok(Json(VerifyReportDto::from(&report)))
}
