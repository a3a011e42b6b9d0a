//! Recipients: people entitled to certificates, with their representatives and need assessments.
//! Personal data: only officers of the person's authority see it, and every read of a file is
//! written to the audit log.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::certificate::CategoryEvidence;
use socert_domain::program::{NationalId, Relation, text_field};
use socert_domain::{AuthorityId, Locale, ServiceId, Units};
use socert_store::audit::Actor;
use socert_store::programs::{
    Assessment, NewAssessment, NewRepresentative, RecipientFile, Representative,
};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::parse_date;
use crate::api::programs::CertificateDto;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath};
use crate::recipient_csv::{RecipientText, RowError, check_recipient};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryDto {
    #[schema(example = "pensioner")]
    pub category: String,
    /// Last day the evidence is valid; absent: without end.
    #[schema(example = "2027-12-31")]
    pub valid_to: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientRequest {
    #[schema(example = "Иванова")]
    pub last_name: String,
    #[schema(example = "Мария")]
    pub first_name: String,
    #[serde(default)]
    pub middle_name: String,
    #[schema(example = "1948-05-09")]
    pub birth_date: String,
    /// SNILS in Russia, RNOKPP in Ukraine (the authority's country decides); checksum-validated.
    #[schema(example = "112-233-445 95")]
    pub national_id: String,
    /// Municipality code (e.g. OKTMO), as programs' residence rules use it.
    pub municipality: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub categories: Vec<CategoryDto>,
    /// Keep the record even though it resembles one on file, and say why (audited).
    pub duplicate_override_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RepresentativeDto {
    pub id: Uuid,
    pub full_name: String,
    /// `parent`, `guardian` or `trustee`.
    pub relation: &'static str,
    pub power_document: String,
    pub valid_to: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentDto {
    pub id: Uuid,
    pub service_id: Uuid,
    pub units_per_month: i64,
    pub valid_from: String,
    pub valid_to: String,
    pub source_document: String,
}

/// A recipient's file as an officer sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecipientDto {
    pub id: Uuid,
    pub authority_id: Uuid,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: String,
    pub birth_date: String,
    /// `snils` or `rnokpp`.
    pub national_id_kind: &'static str,
    pub national_id: String,
    pub municipality: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub categories: Vec<CategoryDto>,
    /// Set when the record was kept despite resembling this one.
    pub duplicate_of: Option<Uuid>,
    pub representatives: Vec<RepresentativeDto>,
    pub assessments: Vec<AssessmentDto>,
}

impl From<&RecipientFile> for RecipientDto {
    fn from(file: &RecipientFile) -> Self {
        let r = &file.recipient;
        let d = &r.details;
        Self {
            id: r.id,
            authority_id: r.authority_id.as_uuid(),
            last_name: d.name.last.clone(),
            first_name: d.name.first.clone(),
            middle_name: d.name.middle.clone(),
            birth_date: d.birth_date.to_string(),
            national_id_kind: d.national_id.kind(),
            national_id: d.national_id.digits().to_owned(),
            municipality: d.municipality.clone(),
            address: d.address.clone(),
            phone: d.phone.clone(),
            email: d.email.clone(),
            categories: d
                .categories
                .iter()
                .map(|c| CategoryDto {
                    category: c.category.as_str().to_owned(),
                    valid_to: c.valid_to.map(|d| d.to_string()),
                })
                .collect(),
            duplicate_of: r.duplicate_of,
            representatives: file
                .representatives
                .iter()
                .map(RepresentativeDto::from)
                .collect(),
            assessments: file.assessments.iter().map(AssessmentDto::from).collect(),
        }
    }
}

impl From<&Representative> for RepresentativeDto {
    fn from(p: &Representative) -> Self {
        Self {
            id: p.id,
            full_name: p.details.full_name.clone(),
            relation: p.details.relation.as_str(),
            power_document: p.details.power_document.clone(),
            valid_to: p.details.valid_to.map(|d| d.to_string()),
        }
    }
}

impl From<&Assessment> for AssessmentDto {
    fn from(a: &Assessment) -> Self {
        Self {
            id: a.id,
            service_id: a.details.service_id.as_uuid(),
            units_per_month: a.details.units_per_month.count(),
            valid_from: a.details.valid_from.to_string(),
            valid_to: a.details.valid_to.to_string(),
            source_document: a.details.source_document.clone(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RepresentativeRequest {
    pub full_name: String,
    /// `parent`, `guardian` or `trustee`.
    pub relation: String,
    /// The document the representative acts on (birth certificate, court decision, power of
    /// attorney), e.g. its number and date.
    pub power_document: String,
    pub valid_to: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRequest {
    pub service_id: Uuid,
    /// E.g. 40 hours of home care per month.
    pub units_per_month: i64,
    pub valid_from: String,
    pub valid_to: String,
    /// The assessment act the volume comes from.
    pub source_document: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecipientCertificates {
    pub items: Vec<CertificateDto>,
}

/// A field error of the request, in the shape the shared recipient check reports.
fn row_error(err: ApiError) -> RowError {
    match err {
        ApiError::Invalid { field, message } => RowError::new(&field, message),
        other => RowError::new("body", other),
    }
}

/// Checks a category list from a request.
pub(crate) fn category_evidence(
    field: &str,
    items: &[CategoryDto],
) -> Result<Vec<CategoryEvidence>, ApiError> {
    items
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(CategoryEvidence {
                category: c
                    .category
                    .parse()
                    .map_err(|err| ApiError::invalid(format!("{field}[{i}].category"), err))?,
                valid_to: c
                    .valid_to
                    .as_deref()
                    .map(|d| parse_date(&format!("{field}[{i}].valid_to"), d))
                    .transpose()?,
            })
        })
        .collect()
}

/// Registers a recipient. A person with the same national id, or the same name and birth date,
/// is refused as a suspected duplicate (409 with `existing_id`) unless
/// `duplicate_override_reason` says why both records are needed.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/recipients", tag = "recipients",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    request_body = RecipientRequest,
    responses(
        (status = 201, body = RecipientDto),
        (status = 409, description = "Suspected duplicate; `existing_id` points to the record on file", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_recipient(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<RecipientRequest>,
) -> Result<Response, ApiError> {
    let tenant = state.store.authority(authority).await?;
    let text = RecipientText {
        last_name: &body.last_name,
        first_name: &body.first_name,
        middle_name: &body.middle_name,
        municipality: &body.municipality,
        address: &body.address,
        phone: &body.phone,
        email: &body.email,
    };
    let recipient = check_recipient(
        &text,
        parse_date("birth_date", &body.birth_date).map_err(row_error),
        NationalId::parse(tenant.country, &body.national_id)
            .map_err(|err| RowError::new("national_id", err)),
        category_evidence("categories", &body.categories).map_err(|err| vec![row_error(err)]),
        crate::api::dto::today_in(&tenant),
        // Problem details of the API are in English, as everywhere else in it.
        Locale::En,
    )
    // The first problem answers, as for every other body.
    .map_err(|errors| {
        errors.into_iter().next().map_or(ApiError::Internal, |e| {
            ApiError::invalid(e.field, e.message)
        })
    })?;
    let created = state
        .store
        .create_recipient(
            authority,
            &recipient,
            body.duplicate_override_reason.as_deref(),
            &actor,
        )
        .await?;
    let file = RecipientFile {
        recipient: created,
        representatives: Vec::new(),
        assessments: Vec::new(),
    };
    Ok((StatusCode::CREATED, Json(RecipientDto::from(&file))).into_response())
}

/// Opens a recipient's file. Every read is recorded in the audit log (who, when, whose file).
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/recipients/{recipient_id}", tag = "recipients",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("recipient_id" = Uuid, Path, description = "Recipient id"),
    ),
    responses(
        (status = 200, body = RecipientDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_recipient(
    State(state): State<AppState>,
    ApiPath((authority, id)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
) -> Result<Json<RecipientDto>, ApiError> {
    let file = state.store.recipient_file(authority, id, &actor).await?;
    Ok(Json(RecipientDto::from(&file)))
}

/// Records who may act for the recipient (parent, guardian, trustee) and on what document.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/recipients/{recipient_id}/representatives", tag = "recipients",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("recipient_id" = Uuid, Path, description = "Recipient id"),
    ),
    request_body = RepresentativeRequest,
    responses(
        (status = 201, body = RepresentativeDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_representative(
    State(state): State<AppState>,
    ApiPath((authority, recipient)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<RepresentativeRequest>,
) -> Result<Response, ApiError> {
    let new = NewRepresentative {
        full_name: text_field("full_name", &body.full_name, 300, false)
            .map_err(ApiError::Recipient)?,
        relation: body
            .relation
            .parse::<Relation>()
            .map_err(|err| ApiError::invalid("relation", err))?,
        power_document: text_field("power_document", &body.power_document, 500, false)
            .map_err(ApiError::Recipient)?,
        valid_to: body
            .valid_to
            .as_deref()
            .map(|d| parse_date("valid_to", d))
            .transpose()?,
    };
    let added = state
        .store
        .add_representative(authority, recipient, &new, &actor)
        .await?;
    Ok((StatusCode::CREATED, Json(RepresentativeDto::from(&added))).into_response())
}

/// Records a need assessment: a service and its monthly volume for a period, from an assessment
/// act. Programs whose certificates follow the assessed need read it at issue.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/recipients/{recipient_id}/assessments", tag = "recipients",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("recipient_id" = Uuid, Path, description = "Recipient id"),
    ),
    request_body = AssessmentRequest,
    responses(
        (status = 201, body = AssessmentDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_assessment(
    State(state): State<AppState>,
    ApiPath((authority, recipient)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<AssessmentRequest>,
) -> Result<Response, ApiError> {
    let new = NewAssessment {
        service_id: ServiceId::from_uuid(body.service_id),
        units_per_month: Units::new(body.units_per_month)
            .map_err(|err| ApiError::invalid("units_per_month", err))?,
        valid_from: parse_date("valid_from", &body.valid_from)?,
        valid_to: parse_date("valid_to", &body.valid_to)?,
        source_document: text_field("source_document", &body.source_document, 500, false)
            .map_err(ApiError::Recipient)?,
    };
    let added = state
        .store
        .add_assessment(authority, recipient, &new, &actor)
        .await?;
    Ok((StatusCode::CREATED, Json(AssessmentDto::from(&added))).into_response())
}

/// The recipient's certificates in every program, newest first.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/recipients/{recipient_id}/certificates", tag = "recipients",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("recipient_id" = Uuid, Path, description = "Recipient id"),
    ),
    responses(
        (status = 200, body = RecipientCertificates),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn recipient_certificates(
    State(state): State<AppState>,
    ApiPath((authority, recipient)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<RecipientCertificates>, ApiError> {
    let items = state
        .store
        .certificates_of_recipient(authority, recipient)
        .await?;
    Ok(Json(RecipientCertificates {
        items: items.iter().map(CertificateDto::from).collect(),
    }))
}
