//! Admission documents: a provider uploads licences and charters to its application; the
//! authority's officers list and download them. PDF, JPEG and PNG only, checked by content.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use socert_domain::AuthorityId;
use socert_store::audit::Actor;
use socert_store::registry::DocumentMeta;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiPath, Upload};

/// Accepted types and how their files begin: the declared type must match the bytes.
const ACCEPTED: &[(&str, &[u8])] = &[
    ("application/pdf", b"%PDF-"),
    ("image/jpeg", &[0xFF, 0xD8, 0xFF]),
    (
        "image/png",
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A],
    ),
];

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentDto {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: String,
}

impl From<&DocumentMeta> for DocumentDto {
    fn from(d: &DocumentMeta) -> Self {
        Self {
            id: d.id,
            file_name: d.file_name.clone(),
            content_type: d.content_type.clone(),
            size_bytes: d.size_bytes,
            uploaded_at: d.uploaded_at.to_string(),
        }
    }
}

/// A file name safe to store and to send back in Content-Disposition.
fn file_name(headers: &HeaderMap) -> Result<String, ApiError> {
    // Raw UTF-8 bytes are accepted: names of Russian documents are rarely ASCII.
    let raw = headers
        .get("x-file-name")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    clean_file_name(&raw).ok_or_else(|| {
        ApiError::bad_parameter(
            "X-File-Name",
            "name the file (UTF-8, up to 200 characters) in the X-File-Name header",
        )
    })
}

/// `raw` as a file name safe to store and to send back, or `None` if nothing usable is left.
pub(crate) fn clean_file_name(raw: &str) -> Option<String> {
    let name: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .collect();
    (!name.is_empty() && name.chars().count() <= 200).then_some(name)
}

/// The accepted type of a document declared as `declared`, if its bytes agree; the API and the
/// portal's upload form accept the same files.
pub(crate) fn accepted_type(declared: &str, body: &[u8]) -> Result<&'static str, ApiError> {
    let (content_type, magic) = ACCEPTED
        .iter()
        .find(|(kind, _)| declared.starts_with(kind))
        .ok_or(ApiError::UnsupportedUpload)?;
    if body.len() > crate::extract::UPLOAD_LIMIT {
        return Err(ApiError::PayloadTooLarge {
            limit: crate::extract::UPLOAD_LIMIT,
        });
    }
    if !body.starts_with(magic) {
        return Err(ApiError::UnsupportedUpload);
    }
    Ok(content_type)
}

/// Uploads a document (up to 10 MiB) to the provider's admission. Send the bytes as the body
/// with `Content-Type` and the file name in `X-File-Name`.
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/admissions/{admission_id}/documents", tag = "registry",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("admission_id" = Uuid, Path, description = "Admission id"),
        ("X-File-Name" = String, Header, description = "The file's name"),
    ),
    request_body(content = inline(crate::api::dto::FileBytes), content_type = "application/pdf"),
    responses(
        (status = 201, body = DocumentDto),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not a PDF, JPEG or PNG", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    ApiPath((provider, admission)): ApiPath<(Uuid, Uuid)>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    Upload(body): Upload,
) -> Result<(StatusCode, Json<DocumentDto>), ApiError> {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let content_type = accepted_type(declared, &body)?;
    let name = file_name(&headers)?;
    let meta = state
        .store
        .add_document(provider, admission, &name, content_type, &body, &actor)
        .await?;
    Ok((StatusCode::CREATED, Json(DocumentDto::from(&meta))))
}

/// The documents of an application, for the authority's review.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/admissions/{admission_id}/documents", tag = "registry",
    params(("authority_id" = Uuid, Path, description = "Authority id"), ("admission_id" = Uuid, Path, description = "Admission id")),
    responses((status = 200, body = Vec<DocumentDto>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    ApiPath((authority, admission)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<Vec<DocumentDto>>, ApiError> {
    let documents = state.store.documents(authority, admission).await?;
    Ok(Json(documents.iter().map(Into::into).collect()))
}

/// Downloads one document.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/admissions/{admission_id}/documents/{document_id}", tag = "registry",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("admission_id" = Uuid, Path, description = "Admission id"),
        ("document_id" = Uuid, Path, description = "Document id"),
    ),
    responses((status = 200, description = "The file"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn download(
    State(state): State<AppState>,
    ApiPath((authority, admission, document)): ApiPath<(AuthorityId, Uuid, Uuid)>,
) -> Result<Response, ApiError> {
    let (meta, content) = state.store.document(authority, admission, document).await?;
    let mut response = content.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&meta.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    // Always a download, never rendered in our origin.
    let disposition = format!(
        "attachment; filename=\"{}\"",
        meta.file_name
            .replace(|c: char| !c.is_ascii_graphic() && c != ' ', "_")
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
