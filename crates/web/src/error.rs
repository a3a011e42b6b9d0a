//! The one place where failures become HTTP: every error is an RFC 9457 `application/problem+json`
//! document with a stable `code` that clients can branch on.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use socert_domain::ledger::LedgerError;
use socert_domain::{MoneyError, ServiceError, TextError};
use socert_store::Error as StoreError;
use utoipa::ToSchema;

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `urn:socert:problem:{code}`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: &'static str,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code, e.g. `not_found`, `validation_failed`.
    pub code: &'static str,
    /// The request field or parameter at fault, when there is one (e.g. `names.uk`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The record this one conflicts with (e.g. the recipient a new one may duplicate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_id: Option<uuid::Uuid>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("no such route")]
    NoRoute,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("{message}")]
    BadParameter { name: String, message: String },
    #[error("{0}")]
    MalformedJson(String),
    #[error("{0}")]
    UnknownField(String),
    #[error("{0}")]
    InvalidBody(String),
    #[error("send the body as JSON with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("upload a PDF, JPEG or PNG file, with its Content-Type")]
    UnsupportedUpload,
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("{0}")]
    AlreadyExists(String),
    #[error("{0}")]
    VersionMismatch(String),
    #[error(transparent)]
    Rule(#[from] ServiceError),
    #[error(transparent)]
    Ledger(LedgerError),
    #[error("{0}")]
    InsufficientFunds(String),
    #[error("this Idempotency-Key was already used for a different request")]
    IdempotencyConflict,
    #[error("send an Idempotency-Key header: a key you choose, so that a retry cannot pay twice")]
    MissingIdempotencyKey,
    #[error("{0}")]
    AlreadyReversed(String),
    #[error("{0}")]
    NotReversible(String),
    #[error(transparent)]
    Registry(socert_domain::registry::RegistryError),
    #[error("the provider is not admitted for this service in this authority")]
    NotAdmitted,
    #[error("sign in first, or send a valid bearer token")]
    Unauthenticated,
    #[error("your roles here do not allow {0}")]
    Forbidden(socert_domain::identity::Action),
    #[error("the login or the password is wrong")]
    InvalidCredentials,
    #[error("too many failed sign-in attempts; try again in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("send the session's CSRF token in the X-CSRF-Token header")]
    CsrfFailed,
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Program(socert_domain::program::ProgramError),
    #[error(transparent)]
    Recipient(socert_domain::program::RecipientError),
    #[error(transparent)]
    Certificate(socert_domain::CertificateError),
    #[error("{reason}; to keep both records, send duplicate_override_reason saying why")]
    SuspectedDuplicate {
        existing: uuid::Uuid,
        reason: &'static str,
    },
    /// A business rule said no, with a stable code (`offer_full`, `certificate_not_active`, ...).
    #[error("{message}")]
    Refused { code: &'static str, message: String },
    #[error(transparent)]
    Enrollment(socert_domain::enrollment::EnrollmentError),
    #[error("the service is temporarily unavailable; try again shortly")]
    Unavailable,
    #[error("internal error; quote the x-request-id header when reporting it")]
    Internal,
}

impl ApiError {
    /// A field of the request body that failed to parse into a domain type.
    pub fn invalid(field: impl Into<String>, err: impl std::fmt::Display) -> Self {
        ApiError::Invalid {
            field: field.into(),
            message: err.to_string(),
        }
    }

    pub fn bad_parameter(name: impl Into<String>, err: impl std::fmt::Display) -> Self {
        ApiError::BadParameter {
            name: name.into(),
            message: err.to_string(),
        }
    }

    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        use ApiError as E;
        match self {
            E::NotFound(_) | E::NoRoute => (StatusCode::NOT_FOUND, "not_found", "Not found"),
            E::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "Method not allowed",
            ),
            E::Invalid { .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Invalid value",
            ),
            E::BadParameter { .. } => (
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                "Invalid parameter",
            ),
            E::MalformedJson(_) => (StatusCode::BAD_REQUEST, "malformed_json", "Malformed JSON"),
            E::UnknownField(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_field",
                "Unknown field",
            ),
            E::InvalidBody(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_body",
                "Invalid request body",
            ),
            E::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported media type",
            ),
            E::UnsupportedUpload => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported file type",
            ),
            E::PayloadTooLarge { .. } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Payload too large",
            ),
            E::AlreadyExists(_) => (StatusCode::CONFLICT, "already_exists", "Already exists"),
            E::VersionMismatch(_) => (
                StatusCode::PRECONDITION_FAILED,
                "version_mismatch",
                "Changed by someone else",
            ),
            E::Rule(rule) => match rule {
                ServiceError::InvalidCode(_) | ServiceError::UnknownValue { .. } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    "Invalid value",
                ),
                ServiceError::NonPositiveCost(_) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "non_positive_cost",
                    "Cost must be positive",
                ),
                ServiceError::WrongCurrency { .. } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "currency_mismatch",
                    "Wrong currency",
                ),
                ServiceError::PeriodNotAfterCurrent { .. } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "cost_period_conflict",
                    "Cost period cannot start then",
                ),
            },
            E::Ledger(rule) => match rule {
                LedgerError::NonPositiveAmount(_)
                | LedgerError::AmountTooLarge
                | LedgerError::ZeroPosting => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_amount",
                    "Invalid amount",
                ),
                LedgerError::SameAccount => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "same_account",
                    "Same account",
                ),
                LedgerError::Money(MoneyError::CurrencyMismatch { .. }) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "currency_mismatch",
                    "Wrong currency",
                ),
                _ => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    "Invalid value",
                ),
            },
            E::InsufficientFunds(_) => (
                StatusCode::CONFLICT,
                "insufficient_funds",
                "Insufficient funds",
            ),
            E::IdempotencyConflict => (
                StatusCode::CONFLICT,
                "idempotency_key_reused",
                "Idempotency key reused",
            ),
            E::MissingIdempotencyKey => (
                StatusCode::BAD_REQUEST,
                "missing_idempotency_key",
                "Idempotency-Key required",
            ),
            E::AlreadyReversed(_) => (StatusCode::CONFLICT, "already_reversed", "Already reversed"),
            E::NotReversible(_) => (StatusCode::CONFLICT, "not_reversible", "Not reversible"),
            E::Registry(rule) => match rule {
                socert_domain::registry::RegistryError::IllegalTransition { .. } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "illegal_transition",
                    "Not allowed now",
                ),
                socert_domain::registry::RegistryError::ReasonRequired { .. } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "reason_required",
                    "Reason required",
                ),
                _ => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    "Invalid value",
                ),
            },
            E::NotAdmitted => (StatusCode::CONFLICT, "not_admitted", "Not admitted"),
            E::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated", "Not signed in"),
            E::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden", "Not allowed"),
            E::InvalidCredentials => (
                StatusCode::UNAUTHORIZED,
                "invalid_credentials",
                "Wrong login or password",
            ),
            E::TooManyAttempts { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "Too many attempts",
            ),
            E::CsrfFailed => (StatusCode::FORBIDDEN, "csrf_failed", "CSRF check failed"),
            E::Conflict(_) => (StatusCode::CONFLICT, "conflict", "Conflict"),
            E::Program(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_program",
                "Invalid program",
            ),
            E::Recipient(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Invalid value",
            ),
            E::Certificate(socert_domain::CertificateError::IllegalTransition { .. }) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "illegal_transition",
                "Not allowed now",
            ),
            E::Certificate(socert_domain::CertificateError::ReasonRequired { .. }) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "reason_required",
                "Reason required",
            ),
            E::Certificate(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Invalid value",
            ),
            E::Refused {
                code:
                    code @ ("offer_full" | "already_ending" | "already_paid" | "capacity_below_seats"),
                ..
            } => (StatusCode::CONFLICT, *code, "Not possible now"),
            E::Refused { code, .. } => (StatusCode::UNPROCESSABLE_ENTITY, *code, "Refused"),
            E::Enrollment(socert_domain::enrollment::EnrollmentError::CopayNotAgreed {
                ..
            }) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "copay_not_agreed",
                "Co-payment not agreed",
            ),
            E::Enrollment(socert_domain::enrollment::EnrollmentError::NotCovered) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "not_covered",
                "Not covered",
            ),
            E::Enrollment(
                socert_domain::enrollment::EnrollmentError::IllegalTransition { .. }
                | socert_domain::enrollment::EnrollmentError::IllegalDeliveryTransition { .. },
            ) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "illegal_transition",
                "Not allowed now",
            ),
            E::Enrollment(socert_domain::enrollment::EnrollmentError::ReasonRequired {
                ..
            }) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "reason_required",
                "Reason required",
            ),
            E::Enrollment(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Invalid value",
            ),
            E::SuspectedDuplicate { .. } => (
                StatusCode::CONFLICT,
                "suspected_duplicate",
                "Suspected duplicate",
            ),
            E::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
            ),
            E::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
            ),
        }
    }

    fn field(&self) -> Option<String> {
        match self {
            ApiError::Invalid { field, .. } => Some(field.clone()),
            ApiError::BadParameter { name, .. } => Some(name.clone()),
            ApiError::Rule(
                ServiceError::NonPositiveCost(_) | ServiceError::WrongCurrency { .. },
            ) => Some("normative_cost".to_owned()),
            ApiError::Rule(ServiceError::PeriodNotAfterCurrent { .. }) => {
                Some("valid_from".to_owned())
            }
            ApiError::Ledger(LedgerError::MissingReason | LedgerError::MemoTooLong) => {
                Some("reason".to_owned())
            }
            ApiError::Ledger(
                LedgerError::NonPositiveAmount(_)
                | LedgerError::AmountTooLarge
                | LedgerError::ZeroPosting
                | LedgerError::Money(_),
            ) => Some("amount".to_owned()),
            ApiError::MissingIdempotencyKey => Some("Idempotency-Key".to_owned()),
            ApiError::Registry(socert_domain::registry::RegistryError::ReasonRequired {
                ..
            })
            | ApiError::Certificate(socert_domain::CertificateError::ReasonRequired { .. }) => {
                Some("reason".to_owned())
            }
            ApiError::Recipient(socert_domain::program::RecipientError::Required { field })
            | ApiError::Recipient(socert_domain::program::RecipientError::TooLong {
                field, ..
            }) => Some((*field).to_owned()),
            ApiError::SuspectedDuplicate { .. } => Some("national_id".to_owned()),
            _ => None,
        }
    }

    pub fn problem(&self) -> Problem {
        let (status, code, title) = self.parts();
        Problem {
            kind: format!("urn:socert:problem:{code}"),
            title,
            status: status.as_u16(),
            detail: self.to_string(),
            code,
            field: self.field(),
            existing_id: match self {
                ApiError::SuspectedDuplicate { existing, .. } => Some(*existing),
                _ => None,
            },
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound { what } => ApiError::NotFound(what),
            StoreError::Conflict(message) => ApiError::AlreadyExists(message),
            err @ StoreError::VersionMismatch { .. } => ApiError::VersionMismatch(err.to_string()),
            StoreError::Rule(rule) => ApiError::Rule(rule),
            StoreError::Ledger(rule) => ApiError::Ledger(rule),
            err @ StoreError::NoAccount(_) => {
                tracing::debug!(error = %err, "no such account");
                ApiError::NotFound("account")
            }
            err @ StoreError::InsufficientFunds { .. } => {
                ApiError::InsufficientFunds(err.to_string())
            }
            StoreError::IdempotencyConflict => ApiError::IdempotencyConflict,
            err @ StoreError::AlreadyReversed(_) => ApiError::AlreadyReversed(err.to_string()),
            err @ StoreError::NotReversible => ApiError::NotReversible(err.to_string()),
            StoreError::Registry(rule) => ApiError::Registry(rule),
            StoreError::NotAdmitted => ApiError::NotAdmitted,
            StoreError::Program(rule) => ApiError::Program(rule),
            StoreError::Recipient(rule) => ApiError::Recipient(rule),
            StoreError::Certificate(rule) => ApiError::Certificate(rule),
            StoreError::Refused { code, message } => ApiError::Refused { code, message },
            StoreError::Enrollment(rule) => ApiError::Enrollment(rule),
            StoreError::DuplicateRecipient { existing, reason } => {
                ApiError::SuspectedDuplicate { existing, reason }
            }
            StoreError::Unavailable(source) => {
                tracing::warn!(error = %source, "database unavailable");
                ApiError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "storage failure");
                ApiError::Internal
            }
        }
    }
}

impl From<MoneyError> for ApiError {
    fn from(err: MoneyError) -> Self {
        ApiError::invalid("normative_cost", err)
    }
}

impl From<TextError> for ApiError {
    fn from(err: TextError) -> Self {
        let field = match &err {
            TextError::Empty(locale) | TextError::TooLong { locale, .. } => {
                format!("names.{locale}")
            }
        };
        ApiError::invalid(field, err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        let this = &self;
        let status =
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        if let ApiError::TooManyAttempts { retry_after_secs } = this
            && let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            headers.insert(header::RETRY_AFTER, value);
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"socert\""),
            );
        }
        response
    }
}
