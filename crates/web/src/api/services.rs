//! The service catalogue of an authority: list, read, add, and change the normative cost.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use socert_domain::{
    Authority, AuthorityId, LocalizedText, NewService, Service, ServiceCategory, ServiceCode,
    ServiceId, Unit,
};
use socert_store::audit::Actor;
use socert_store::{PageRequest, ServiceFilter, ServiceUpdate};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::dto::{MoneyDto, Names, ServiceDto, ServicePage, parse_date, today_in};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, ApiQuery, bad_cursor, page_limit};

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 200;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ServicesQuery {
    /// Only services of this category, e.g. `home_care`.
    category: Option<String>,
    /// `next_cursor` from the previous page.
    cursor: Option<String>,
    /// Page size, 1 to 200 (default 50).
    limit: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateService {
    /// 2-32 latin letters, digits, `-`, `_`, `.`; unique within the authority.
    #[schema(example = "SOCIAL-TAXI-TRIP")]
    pub code: String,
    pub names: Names,
    #[schema(example = "social_taxi")]
    pub category: String,
    #[schema(example = "trip")]
    pub unit: String,
    /// Cost of one unit, in the authority's currency.
    pub normative_cost: MoneyDto,
    /// First day the cost is in force (default: today in the authority's time zone).
    #[schema(example = "2026-01-01", format = Date)]
    pub valid_from: Option<String>,
}

/// A change to a service. Send `names`, or `normative_cost` with `valid_from`, or both.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateService {
    pub names: Option<Names>,
    /// The new cost of one unit; the cost in force until `valid_from` is kept in the history.
    pub normative_cost: Option<MoneyDto>,
    #[schema(example = "2027-01-01", format = Date)]
    pub valid_from: Option<String>,
}

/// Services of an authority's catalogue, ordered by code.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/services", tag = "catalogue",
    params(("authority_id" = Uuid, Path, description = "Authority id"), ServicesQuery),
    responses(
        (status = 200, body = ServicePage),
        (status = 400, description = "Bad query parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_services(
    State(state): State<AppState>,
    ApiPath(authority_id): ApiPath<AuthorityId>,
    ApiQuery(query): ApiQuery<ServicesQuery>,
) -> Result<Json<ServicePage>, ApiError> {
    let category = query
        .category
        .as_deref()
        .map(str::parse::<ServiceCategory>)
        .transpose()
        .map_err(|err| ApiError::bad_parameter("category", err))?;
    let limit = page_limit(query.limit, DEFAULT_PAGE, MAX_PAGE)?;
    let after = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let authority = state.store.authority(authority_id).await?;
    let page = state
        .store
        .services(
            authority_id,
            &ServiceFilter { category },
            &PageRequest { after, limit },
        )
        .await?;
    let today = today_in(&authority);
    Ok(Json(ServicePage {
        items: page
            .items
            .iter()
            .map(|s| ServiceDto::new(s, today))
            .collect(),
        next_cursor: page.next.as_deref().map(encode_cursor),
    }))
}

/// One service with its full cost history. The `ETag` header carries its version.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/services/{service_id}", tag = "catalogue",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("service_id" = Uuid, Path, description = "Service id"),
    ),
    responses(
        (status = 200, body = ServiceDto, headers(("ETag" = String, description = "Version, for If-Match"))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_service(
    State(state): State<AppState>,
    ApiPath((authority_id, service_id)): ApiPath<(AuthorityId, ServiceId)>,
) -> Result<Response, ApiError> {
    let authority = state.store.authority(authority_id).await?;
    let service = state.store.service(authority_id, service_id).await?;
    Ok(service_response(StatusCode::OK, &authority, &service))
}

/// Adds a service to the catalogue with its first normative cost.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/services", tag = "catalogue",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    request_body = CreateService,
    responses(
        (status = 201, body = ServiceDto, headers(("Location" = String), ("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_service(
    State(state): State<AppState>,
    ApiPath(authority_id): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<CreateService>,
) -> Result<Response, ApiError> {
    let authority = state.store.authority(authority_id).await?;
    let new = NewService {
        authority_id,
        code: ServiceCode::parse(&body.code).map_err(|e| ApiError::invalid("code", e))?,
        names: LocalizedText::try_from(&body.names)?,
        category: body
            .category
            .parse::<ServiceCategory>()
            .map_err(|e| ApiError::invalid("category", e))?,
        unit: body
            .unit
            .parse::<Unit>()
            .map_err(|e| ApiError::invalid("unit", e))?,
        cost: body.normative_cost.parse("normative_cost")?,
        cost_from: match &body.valid_from {
            Some(text) => parse_date("valid_from", text)?,
            None => today_in(&authority),
        },
    };
    let service = state.store.create_service(new, &actor).await?;
    let mut response = service_response(StatusCode::CREATED, &authority, &service);
    let location = format!("/api/v1/authorities/{authority_id}/services/{}", service.id);
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// Renames a service and/or sets a new normative cost from a date. The cost in force until then
/// stays in the history. Send `If-Match` with the `ETag` you read to avoid overwriting someone
/// else's change.
#[utoipa::path(patch, path = "/api/v1/authorities/{authority_id}/services/{service_id}", tag = "catalogue",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("service_id" = Uuid, Path, description = "Service id"),
        ("If-Match" = Option<String>, Header, description = "ETag of the version you changed"),
    ),
    request_body = UpdateService,
    responses(
        (status = 200, body = ServiceDto, headers(("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since you read it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid or the cost period is not allowed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_service(
    State(state): State<AppState>,
    ApiPath((authority_id, service_id)): ApiPath<(AuthorityId, ServiceId)>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<UpdateService>,
) -> Result<Response, ApiError> {
    let expected_version = if_match(&headers)?;
    let names = body
        .names
        .as_ref()
        .map(LocalizedText::try_from)
        .transpose()?;
    let cost = match (&body.normative_cost, &body.valid_from) {
        (Some(cost), Some(from)) => Some((
            cost.parse("normative_cost")?,
            parse_date("valid_from", from)?,
        )),
        (None, None) => None,
        (Some(_), None) => {
            return Err(ApiError::invalid(
                "valid_from",
                "say from which date the new normative cost is in force",
            ));
        }
        (None, Some(_)) => {
            return Err(ApiError::invalid(
                "normative_cost",
                "valid_from was given without a normative_cost",
            ));
        }
    };
    if names.is_none() && cost.is_none() {
        return Err(ApiError::InvalidBody(
            "nothing to change: send names, or normative_cost with valid_from".to_owned(),
        ));
    }
    let authority = state.store.authority(authority_id).await?;
    let service = state
        .store
        .update_service(
            authority_id,
            service_id,
            ServiceUpdate { names, cost },
            expected_version,
            &actor,
        )
        .await?;
    Ok(service_response(StatusCode::OK, &authority, &service))
}

fn service_response(status: StatusCode, authority: &Authority, service: &Service) -> Response {
    let body = ServiceDto::new(service, today_in(authority));
    let mut response = (status, Json(body)).into_response();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", service.version)) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// The version named by `If-Match: "N"`; `None` when the header is absent or `*`.
pub(crate) fn if_match(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    let bad = || ApiError::bad_parameter("If-Match", "If-Match must be an ETag such as \"3\"");
    let text = value.to_str().map_err(|_| bad())?.trim();
    if text == "*" {
        return Ok(None);
    }
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .and_then(|t| t.parse::<i64>().ok())
        .map(Some)
        .ok_or_else(bad)
}

fn encode_cursor(code: &str) -> String {
    URL_SAFE_NO_PAD.encode(code)
}

fn decode_cursor(cursor: &str) -> Result<String, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(bad_cursor)
}
