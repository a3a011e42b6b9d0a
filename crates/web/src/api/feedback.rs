//! Recipient feedback: a star rating of the provider of an enrollment, and complaints that
//! officers review and decide.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::AuthorityId;
use socert_domain::feedback::{ComplaintEvent, ComplaintStatus, RatingSummary, Stars};
use socert_domain::identity::Principal;
use socert_domain::ledger::IdempotencyKey;
use socert_store::audit::Actor;
use socert_store::feedback::{Complaint, Rating};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::enrollments::own_enrollment;
use crate::api::ledger::idempotency_key;
use crate::api::me::{of_represented, principal, represented};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, ApiQuery};

/// A provider's ratings as people see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct RatingSummaryDto {
    /// How many recipients rated.
    pub count: i64,
    /// The average, to two decimals; `null` before the first rating.
    #[schema(example = 4.5)]
    pub average: Option<f64>,
}

impl From<RatingSummary> for RatingSummaryDto {
    fn from(r: RatingSummary) -> Self {
        Self {
            count: r.count,
            // Hundredths of a star are exact integers; the float is only for display.
            average: r.average_centistars().map(|c| c as f64 / 100.0),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingBody {
    /// 1 to 5.
    #[schema(value_type = i64, example = 5)]
    pub stars: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RatingDto {
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    pub stars: u8,
    pub rated_at: String,
}

impl From<&Rating> for RatingDto {
    fn from(r: &Rating) -> Self {
        Self {
            enrollment_id: r.enrollment_id,
            provider_id: r.provider_id,
            stars: r.stars.get(),
            rated_at: r.rated_at.to_string(),
        }
    }
}

/// Rates the provider of one of the caller's enrollments (1 to 5 stars); rating again replaces
/// the rating. 422 `nothing_to_rate` until a delivery of the enrollment is confirmed.
#[utoipa::path(put, path = "/api/v1/me/enrollments/{enrollment_id}/rating", tag = "feedback",
    params(("enrollment_id" = Uuid, Path, description = "Enrollment id")),
    request_body = RatingBody,
    responses(
        (status = 200, body = RatingDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn rate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<RatingBody>,
) -> Result<Json<RatingDto>, ApiError> {
    let stars = Stars::new(body.stars).map_err(|e| ApiError::invalid("stars", e))?;
    let rating = rate_own(&state, &caller, id, stars, &actor).await?;
    Ok(Json((&rating).into()))
}

/// Rates the provider of one of the caller's enrollments (the API and the portal).
pub(crate) async fn rate_own(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    stars: Stars,
    actor: &Actor,
) -> Result<Rating, ApiError> {
    let enrollment = own_enrollment(state, caller, id).await?;
    Ok(state
        .store
        .rate(enrollment.authority_id, id, stars, actor)
        .await?)
}

/// The caller's rating of an enrollment's provider; 404 when not rated.
#[utoipa::path(get, path = "/api/v1/me/enrollments/{enrollment_id}/rating", tag = "feedback",
    params(("enrollment_id" = Uuid, Path, description = "Enrollment id")),
    responses(
        (status = 200, body = RatingDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn my_rating(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<RatingDto>, ApiError> {
    let enrollment = own_enrollment(&state, &caller, id).await?;
    let rating = state
        .store
        .rating_of_enrollment(enrollment.authority_id, id)
        .await?
        .ok_or(ApiError::NotFound("rating"))?;
    Ok(Json((&rating).into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintBody {
    /// What went wrong, in the recipient's words (at most 4 000 characters). Only the recipient,
    /// their representatives and the authority's officers read it.
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintDto {
    pub id: Uuid,
    pub authority_id: Uuid,
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    #[schema(example = "open")]
    pub status: String,
    pub text: String,
    /// The officer's answer, once decided.
    pub response: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl From<&Complaint> for ComplaintDto {
    fn from(c: &Complaint) -> Self {
        Self {
            id: c.id,
            authority_id: c.authority_id.as_uuid(),
            enrollment_id: c.enrollment_id,
            provider_id: c.provider_id,
            status: c.status.as_str().to_owned(),
            text: c.body.clone(),
            response: c.response.clone(),
            created_at: c.created_at.to_string(),
            updated_at: c.updated_at.to_string(),
        }
    }
}

/// A complaint in the officers' queue: without its words, which are read (and audited) one
/// complaint at a time.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintSummaryDto {
    pub id: Uuid,
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    pub status: String,
    pub created_at: String,
    /// Days since it was filed.
    pub age_days: i64,
}

impl From<&Complaint> for ComplaintSummaryDto {
    fn from(c: &Complaint) -> Self {
        Self {
            id: c.id,
            enrollment_id: c.enrollment_id,
            provider_id: c.provider_id,
            status: c.status.as_str().to_owned(),
            created_at: c.created_at.to_string(),
            age_days: (socert_domain::Timestamp::now().as_second() - c.created_at.as_second())
                / 86_400,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintList {
    pub items: Vec<ComplaintDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintQueue {
    pub items: Vec<ComplaintSummaryDto>,
}

/// Files a complaint about one of the caller's enrollments. Needs an `Idempotency-Key`.
#[utoipa::path(post, path = "/api/v1/me/enrollments/{enrollment_id}/complaints", tag = "feedback",
    params(
        ("enrollment_id" = Uuid, Path, description = "Enrollment id"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen key, unique per complaint"),
    ),
    request_body = ComplaintBody,
    responses(
        (status = 201, body = ComplaintDto),
        (status = 200, description = "Replay of an earlier request with the same key", body = ComplaintDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn file_complaint(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ComplaintBody>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let (complaint, replayed) = complain_own(&state, &caller, id, &body.text, &key, &actor).await?;
    let status = if replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(ComplaintDto::from(&complaint))).into_response())
}

/// Files a complaint about one of the caller's enrollments, once per key (the API and the
/// portal).
pub(crate) async fn complain_own(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    text: &str,
    key: &IdempotencyKey,
    actor: &Actor,
) -> Result<(Complaint, bool), ApiError> {
    socert_domain::feedback::complaint_text(text).map_err(|e| ApiError::invalid("text", e))?;
    let enrollment = own_enrollment(state, caller, id).await?;
    Ok(state
        .store
        .file_complaint(enrollment.authority_id, id, text, key, actor)
        .await?)
}

/// Complaints of every person the caller acts for, newest first.
#[utoipa::path(get, path = "/api/v1/me/complaints", tag = "feedback",
    responses((status = 200, body = ComplaintList)))]
pub async fn my_complaints(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<ComplaintList>, ApiError> {
    let complaints = complaints_of(&state, principal(&caller)?).await?;
    Ok(Json(ComplaintList {
        items: complaints.iter().map(ComplaintDto::from).collect(),
    }))
}

/// Complaints of every person `principal` acts for (the API and the portal).
pub(crate) async fn complaints_of(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<Complaint>, ApiError> {
    let mut items = Vec::new();
    for (authority, recipient) in represented(principal) {
        items.extend(
            state
                .store
                .complaints_of_recipient(authority, recipient)
                .await?,
        );
    }
    Ok(items)
}

/// Withdraws one of the caller's complaints that is not decided yet.
#[utoipa::path(post, path = "/api/v1/me/complaints/{complaint_id}/withdrawal", tag = "feedback",
    params(("complaint_id" = Uuid, Path, description = "Complaint id")),
    responses(
        (status = 200, body = ComplaintDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn withdraw_complaint(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(actor): Extension<Actor>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<ComplaintDto>, ApiError> {
    Ok(Json(
        (&withdraw_own(&state, &caller, id, &actor).await?).into(),
    ))
}

/// Withdraws one of the caller's complaints (the API and the portal).
pub(crate) async fn withdraw_own(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    actor: &Actor,
) -> Result<Complaint, ApiError> {
    let own = of_represented(
        principal(caller)?,
        |authority| async move { state.store.complaint(authority, id, None).await.ok() },
        |c: &Complaint| c.recipient_id,
    )
    .await
    .ok_or(ApiError::NotFound("complaint"))?;
    Ok(state
        .store
        .decide_complaint(own.authority_id, id, &ComplaintEvent::Withdraw, actor)
        .await?)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// Only complaints in this status: open, in_review, upheld, dismissed or withdrawn.
    status: Option<String>,
}

/// The authority's complaints, oldest first (without their words: open one to read it).
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/complaints", tag = "feedback",
    params(("authority_id" = Uuid, Path, description = "Authority id"), QueueQuery),
    responses((status = 200, body = ComplaintQueue), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn complaint_queue(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<ComplaintQueue>, ApiError> {
    let status = query
        .status
        .as_deref()
        .map(str::parse::<ComplaintStatus>)
        .transpose()
        .map_err(|e| ApiError::bad_parameter("status", e))?;
    let items = state
        .store
        .complaints_of_authority(authority, status)
        .await?
        .iter()
        .map(ComplaintSummaryDto::from)
        .collect();
    Ok(Json(ComplaintQueue { items }))
}

/// One complaint with its words; the read is recorded in the audit log.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/complaints/{complaint_id}", tag = "feedback",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("complaint_id" = Uuid, Path, description = "Complaint id"),
    ),
    responses(
        (status = 200, body = ComplaintDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_complaint(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<ComplaintDto>, ApiError> {
    Ok(Json(
        (&state.store.complaint(authority, id, Some(&actor)).await?).into(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintDecisionBody {
    /// `start_review`, `uphold` or `dismiss`.
    #[schema(example = "uphold")]
    pub event: String,
    /// What the recipient reads; required to uphold or dismiss.
    pub response: Option<String>,
}

/// Moves a complaint on: start reviewing it, or decide it (uphold or dismiss, with a response the
/// recipient reads in their inbox). An upheld complaint is the officer's ground to review the
/// provider's admission (a separate decision).
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/complaints/{complaint_id}/decision", tag = "feedback",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("complaint_id" = Uuid, Path, description = "Complaint id"),
    ),
    request_body = ComplaintDecisionBody,
    responses(
        (status = 200, body = ComplaintDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn decide_complaint(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    ApiJson(body): ApiJson<ComplaintDecisionBody>,
) -> Result<Json<ComplaintDto>, ApiError> {
    let event = complaint_event(&body.event, body.response.unwrap_or_default())?;
    let after = state
        .store
        .decide_complaint(authority, id, &event, &actor)
        .await?;
    Ok(Json((&after).into()))
}

/// The officer's decision a word names (`start_review`, `uphold`, `dismiss`), with the response
/// the recipient reads: the API's and the portal's one reading.
pub(crate) fn complaint_event(word: &str, response: String) -> Result<ComplaintEvent, ApiError> {
    Ok(match word {
        "start_review" => ComplaintEvent::StartReview,
        "uphold" => ComplaintEvent::Uphold { response },
        "dismiss" => ComplaintEvent::Dismiss { response },
        other => {
            return Err(ApiError::invalid(
                "event",
                format!("{other:?} is not a decision: send start_review, uphold or dismiss"),
            ));
        }
    })
}
