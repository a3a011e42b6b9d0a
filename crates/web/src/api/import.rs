//! Bulk import of providers from CSV by an officer: every row is checked on its own; valid rows
//! are registered and admitted (each in its own transaction), invalid rows are reported with the
//! field and the reason, and rows whose tax id is already known change nothing.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, header};
use serde::{Deserialize, Serialize};
use socert_domain::{AuthorityId, ServiceId};
use socert_store::Store;
use socert_store::audit::Actor;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::registry::{LocationDto, RegisterProvider};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiPath, Upload};
use crate::recipient_csv::RowError;

/// One CSV row. Header names are the field names; `services` lists catalogue codes separated by
/// `;`; `latitude`/`longitude` may be empty.
#[derive(Debug, Deserialize)]
struct ImportRow {
    legal_form: String,
    full_name: String,
    short_name: String,
    country: String,
    tax_id: String,
    #[serde(default)]
    registration_number: String,
    phone: String,
    email: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    description: String,
    address: String,
    municipality: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    bank_account: String,
    bank_id: String,
    services: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RowOutcome {
    /// Line number in the file (the header is line 1).
    pub line: u64,
    /// `imported`, `unchanged` (tax id already registered) or `refused`.
    pub status: &'static str,
    pub provider_id: Option<Uuid>,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct ImportReport {
    pub imported: usize,
    pub unchanged: usize,
    pub refused: usize,
    pub rows: Vec<RowOutcome>,
}

fn refused(line: u64, field: &str, message: impl ToString) -> RowOutcome {
    RowOutcome {
        line,
        status: "refused",
        provider_id: None,
        errors: vec![RowError {
            field: field.to_owned(),
            message: message.to_string(),
        }],
    }
}

/// Imports `csv` into `authority`'s registry, calling `progress(done, total)` after each row.
pub async fn import_providers(
    store: &dyn Store,
    authority: AuthorityId,
    csv: &[u8],
    actor: &Actor,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> socert_store::Result<ImportReport> {
    let mut codes: HashMap<String, ServiceId> = HashMap::new();
    let mut after = None;
    loop {
        let page = store
            .services(
                authority,
                &socert_store::ServiceFilter::default(),
                &socert_store::PageRequest { after, limit: 200 },
            )
            .await?;
        codes.extend(page.items.iter().map(|s| (s.code.to_string(), s.id)));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv);
    let records: Vec<_> = reader.deserialize::<ImportRow>().collect();
    let total = records.len();
    let mut report = ImportReport::default();
    for (index, record) in records.into_iter().enumerate() {
        let line = index as u64 + 2;
        let outcome = match record {
            Err(err) => {
                let field = match err.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err
                        .field()
                        .map_or_else(|| "row".to_owned(), |f| format!("column {}", f + 1)),
                    _ => "row".to_owned(),
                };
                refused(line, &field, err)
            }
            Ok(row) => import_row(store, authority, &codes, row, line, actor).await?,
        };
        match outcome.status {
            "imported" => report.imported += 1,
            "unchanged" => report.unchanged += 1,
            _ => report.refused += 1,
        }
        report.rows.push(outcome);
        progress(index + 1, total);
    }
    Ok(report)
}

async fn import_row(
    store: &dyn Store,
    authority: AuthorityId,
    codes: &HashMap<String, ServiceId>,
    row: ImportRow,
    line: u64,
    actor: &Actor,
) -> socert_store::Result<RowOutcome> {
    let request = RegisterProvider {
        legal_form: row.legal_form,
        full_name: row.full_name,
        short_name: row.short_name,
        country: row.country,
        tax_id: row.tax_id,
        registration_number: Some(row.registration_number).filter(|r| !r.is_empty()),
        phone: row.phone,
        email: row.email,
        website: row.website,
        description: row.description,
        location: LocationDto {
            address: row.address,
            municipality: row.municipality,
            latitude: row.latitude,
            longitude: row.longitude,
        },
        bank_account: row.bank_account,
        bank_id: row.bank_id,
        licences: Vec::new(),
    };
    let provider = match request.parse() {
        Ok(provider) => provider,
        Err(err) => {
            let problem = err.problem();
            return Ok(refused(
                line,
                problem.field.as_deref().unwrap_or("row"),
                problem.detail,
            ));
        }
    };
    let mut services = Vec::new();
    let mut unknown = Vec::new();
    for code in row
        .services
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match codes.get(&code.to_ascii_uppercase()) {
            Some(id) => services.push(*id),
            None => unknown.push(code.to_owned()),
        }
    }
    if !unknown.is_empty() || services.is_empty() {
        let message = if unknown.is_empty() {
            "list at least one service code of this authority".to_owned()
        } else {
            format!("not in this authority's catalogue: {}", unknown.join(", "))
        };
        return Ok(refused(line, "services", message));
    }
    let (id, created) = store
        .import_provider(provider, authority, &services, actor)
        .await?;
    Ok(RowOutcome {
        line,
        status: if created { "imported" } else { "unchanged" },
        provider_id: Some(id),
        errors: Vec::new(),
    })
}

/// Imports providers from a CSV body (`Content-Type: text/csv`), up to 10 MiB; larger files go
/// through `socert import providers`. Answers with a report per row.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/providers/import", tag = "registry",
    params(("authority_id" = Uuid, Path, description = "Authority id")),
    request_body(content = String, content_type = "text/csv"),
    responses(
        (status = 200, body = ImportReport),
        (status = 415, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    Upload(body): Upload,
) -> Result<Json<ImportReport>, ApiError> {
    let is_csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/csv"));
    if !is_csv {
        return Err(ApiError::UnsupportedMediaType);
    }
    state.store.authority(authority).await?;
    let report =
        import_providers(state.store.as_ref(), authority, &body, &actor, &|_, _| {}).await?;
    Ok(Json(report))
}
