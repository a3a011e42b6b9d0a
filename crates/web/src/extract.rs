//! Extractors that turn axum's rejections into problem documents, so that malformed input of any
//! kind gets a 4xx with a `code`, never axum's plain-text body.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Largest JSON body.
pub const BODY_LIMIT: usize = 1024 * 1024;
/// Largest upload (a document scan, a file of deliveries), and so the largest body of any request
/// but a list of recipients.
pub const UPLOAD_LIMIT: usize = 10 * 1024 * 1024;
/// Largest list of recipients for bulk issuance: 200 000 rows of CSV take about 32 MB.
pub const LIST_UPLOAD_LIMIT: usize = 40 * 1024 * 1024;

/// A JSON body.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Uploads may be larger than any JSON document should be.
        let req =
            req.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, BODY_LIMIT)));
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::JsonDataError(err) => {
            let text = err.body_text();
            if text.contains("unknown field") {
                ApiError::UnknownField(text)
            } else {
                ApiError::InvalidBody(text)
            }
        }
        JsonRejection::JsonSyntaxError(err) => ApiError::MalformedJson(err.body_text()),
        JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
        JsonRejection::BytesRejection(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::PayloadTooLarge { limit: BODY_LIMIT }
        }
        other => ApiError::MalformedJson(other.body_text()),
    }
}

/// Path parameters.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(ApiError::bad_parameter("path", rejection.body_text())),
        }
    }
}

/// Query-string parameters.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => Err(ApiError::bad_parameter("query", rejection.body_text())),
        }
    }
}

/// A raw upload of at most `LIMIT` bytes. A route taking more than [`UPLOAD_LIMIT`] also lifts
/// the router's default body limit (`DefaultBodyLimit::disable()`): this extractor then enforces
/// its own.
pub struct Upload<const LIMIT: usize = UPLOAD_LIMIT>(pub axum::body::Bytes);

impl<S, const LIMIT: usize> FromRequest<S> for Upload<LIMIT>
where
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let req = req.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, LIMIT)));
        axum::body::Bytes::from_request(req, state)
            .await
            .map(Upload)
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge { limit: LIMIT }
                } else {
                    ApiError::MalformedJson(rejection.body_text())
                }
            })
    }
}

/// A page size from the query string: `default` when absent, refused outside `1..=max`.
pub fn page_limit(limit: Option<u32>, default: u32, max: u32) -> Result<u32, ApiError> {
    let limit = limit.unwrap_or(default);
    if (1..=max).contains(&limit) {
        Ok(limit)
    } else {
        Err(ApiError::bad_parameter(
            "limit",
            format!("limit must be between 1 and {max}, got {limit}"),
        ))
    }
}

/// The answer to a cursor this API did not give out.
pub fn bad_cursor() -> ApiError {
    ApiError::bad_parameter("cursor", "the cursor is not one this API gave out")
}

/// A cursor that is one plain value: a number (an offset, a sequence number) or an id.
pub fn parsed_cursor<T: std::str::FromStr>(cursor: Option<&str>) -> Result<Option<T>, ApiError> {
    cursor
        .map(|c| c.parse::<T>().map_err(|_| bad_cursor()))
        .transpose()
}
