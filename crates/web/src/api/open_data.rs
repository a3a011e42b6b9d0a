//! Open data: the registry of admitted providers and their offers, as JSON and CSV, with a stable
//! schema (documented in the README). One row per offer; providers' bank details are never
//! published, and an individual entrepreneur's personal tax ids are left out.

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use socert_domain::{AuthorityId, Timestamp};
use socert_store::Store;
use socert_store::registry::{OfferQuery, Provider};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{CSV, attachment};
use crate::error::{ApiError, Problem};
use crate::extract::ApiQuery;

/// Bumped only when a column changes meaning or disappears; new columns are added at the end.
pub const SCHEMA_VERSION: u32 = 1;
/// More offers than any region publishes; an export is one query.
const EXPORT_LIMIT: u32 = 1_000_000;

/// One offer of an admitted provider.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistryRecord {
    pub authority_id: Uuid,
    pub provider_id: Uuid,
    pub provider_short_name: String,
    pub provider_full_name: String,
    pub legal_form: String,
    /// INN/EDRPOU of an organisation; empty for an individual entrepreneur.
    pub tax_id: String,
    /// OGRN of an organisation; empty for an individual entrepreneur.
    pub registration_number: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub offer_id: Uuid,
    pub service_code: String,
    pub title_ru: String,
    pub title_uk: String,
    pub title_en: String,
    pub price_minor: i64,
    pub currency: String,
    /// Normative cost of one unit in force on the export date; empty if none.
    pub normative_minor: Option<i64>,
    /// What an entitled recipient pays per unit above the normative.
    pub copay_minor: Option<i64>,
    pub capacity: u32,
    pub free_seats: u32,
    pub municipality: String,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub wheelchair_access: bool,
    pub sign_language: bool,
    pub home_visits: bool,
    pub transport: bool,
    /// Comma-separated language codes.
    pub languages: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistryExport {
    pub schema_version: u32,
    pub generated_at: String,
    pub records: Vec<RegistryRecord>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only this authority's registry.
    authority_id: Option<Uuid>,
}

/// Every offer of every admitted provider (of one authority, if given), ordered by offer id.
pub async fn registry_records(
    store: &dyn Store,
    authority: Option<AuthorityId>,
) -> socert_store::Result<Vec<RegistryRecord>> {
    let today = jiff::tz::TimeZone::UTC.to_datetime(Timestamp::now()).date();
    let hits = store
        .search_offers(&OfferQuery {
            authority,
            ..OfferQuery::everything(today, EXPORT_LIMIT)
        })
        .await?;
    let mut providers: HashMap<Uuid, Provider> = HashMap::new();
    let mut records = Vec::with_capacity(hits.len());
    for hit in hits {
        let offer = &hit.offer;
        let id = offer.details.provider_id;
        if let std::collections::hash_map::Entry::Vacant(slot) = providers.entry(id) {
            slot.insert(store.provider(id).await?);
        }
        let Some(provider) = providers.get(&id) else {
            continue;
        };
        let p = &provider.details;
        let person = p.legal_form.is_person();
        let copay = hit
            .normative
            .and_then(|n| socert_domain::registry::price_breakdown(offer.details.price, n).ok());
        records.push(RegistryRecord {
            authority_id: offer.details.authority_id.as_uuid(),
            provider_id: id,
            provider_short_name: p.short_name.clone(),
            provider_full_name: p.full_name.clone(),
            legal_form: p.legal_form.to_string(),
            tax_id: if person {
                String::new()
            } else {
                p.tax_id.clone()
            },
            registration_number: if person {
                String::new()
            } else {
                p.registration_number.clone()
            },
            phone: p.phone.clone(),
            email: p.email.clone(),
            website: p.website.clone(),
            offer_id: offer.id,
            service_code: hit.service_code.clone(),
            title_ru: offer.details.titles[0].clone(),
            title_uk: offer.details.titles[1].clone(),
            title_en: offer.details.titles[2].clone(),
            price_minor: offer.details.price.minor(),
            currency: offer.details.price.currency().code().to_owned(),
            normative_minor: hit.normative.map(|n| n.minor()),
            copay_minor: copay.map(|b| b.copay.minor()),
            capacity: offer.details.capacity,
            free_seats: offer.details.capacity.saturating_sub(offer.seats_taken),
            municipality: offer.details.location.municipality.clone(),
            address: offer.details.location.address.clone(),
            latitude: offer.details.location.latitude,
            longitude: offer.details.location.longitude,
            age_min: offer.details.age_min,
            age_max: offer.details.age_max,
            wheelchair_access: offer.details.accessibility.wheelchair,
            sign_language: offer.details.accessibility.sign_language,
            home_visits: offer.details.accessibility.home_visits,
            transport: offer.details.accessibility.transport,
            languages: offer.details.languages.join(","),
        });
    }
    Ok(records)
}

/// The records as CSV (UTF-8, header row).
pub fn to_csv(records: &[RegistryRecord]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer.serialize(record)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

pub fn to_json(records: Vec<RegistryRecord>) -> RegistryExport {
    RegistryExport {
        schema_version: SCHEMA_VERSION,
        generated_at: Timestamp::now().to_string(),
        records,
    }
}

/// The open registry as JSON.
#[utoipa::path(get, path = "/api/v1/open/registry.json", tag = "open data",
    params(ExportQuery),
    responses((status = 200, body = RegistryExport), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn registry_json(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Json<RegistryExport>, ApiError> {
    let records = registry_records(
        state.store.as_ref(),
        query.authority_id.map(AuthorityId::from_uuid),
    )
    .await?;
    Ok(Json(to_json(records)))
}

/// The open registry as CSV, one row per offer.
#[utoipa::path(get, path = "/api/v1/open/registry.csv", tag = "open data",
    params(ExportQuery),
    responses((status = 200, description = "CSV", content_type = "text/csv")))]
pub async fn registry_csv(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let records = registry_records(
        state.store.as_ref(),
        query.authority_id.map(AuthorityId::from_uuid),
    )
    .await?;
    let body = to_csv(&records).map_err(|_| ApiError::Internal)?;
    Ok(attachment(CSV, "registry.csv", body))
}
