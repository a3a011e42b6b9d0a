//! The provider registry over HTTP: a provider registers and applies for admission, an officer
//! decides, an admitted provider publishes offers, and anyone searches them.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::identity::{Grant, Role};
use socert_domain::registry::{AdmissionEvent, AdmissionStatus, LegalForm};
use socert_domain::taxid::{Edrpou, Inn, Ogrn, Ogrnip, Rnokpp};
use socert_domain::{AuthorityId, Country, Locale, ServiceCategory, ServiceId, Timestamp, search};
use socert_store::audit::Actor;
use socert_store::registry::{
    Accessibility, Admission, Licence, Location, NewOffer, NewProvider, Offer, OfferHit,
    OfferQuery, OfferSort, Provider,
};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{MoneyDto, parse_date, today_in};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, ApiPath, ApiQuery, page_limit, parsed_cursor};

const DEFAULT_PAGE: u32 = 20;
const MAX_PAGE: u32 = 100;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LocationDto {
    #[schema(example = "г. Хабаровск, ул. Муравьёва-Амурского, д. 10")]
    pub address: String,
    #[schema(example = "Хабаровск")]
    pub municipality: String,
    #[schema(example = 48.4802)]
    pub latitude: Option<f64>,
    #[schema(example = 135.0719)]
    pub longitude: Option<f64>,
}

impl LocationDto {
    fn parse(&self, field: &str) -> Result<Location, ApiError> {
        let address = self.address.trim();
        let municipality = self.municipality.trim();
        if address.is_empty() || municipality.is_empty() {
            return Err(ApiError::invalid(
                field,
                "give the address and the municipality",
            ));
        }
        match (self.latitude, self.longitude) {
            (Some(lat), Some(lon))
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) =>
            {
                return Err(ApiError::invalid(
                    format!("{field}.latitude"),
                    "coordinates are out of range",
                ));
            }
            (Some(_), None) | (None, Some(_)) => {
                return Err(ApiError::invalid(
                    format!("{field}.longitude"),
                    "give both latitude and longitude, or neither",
                ));
            }
            _ => {}
        }
        Ok(Location {
            address: address.to_owned(),
            municipality: municipality.to_owned(),
            latitude: self.latitude,
            longitude: self.longitude,
        })
    }
}

impl From<&Location> for LocationDto {
    fn from(l: &Location) -> Self {
        Self {
            address: l.address.clone(),
            municipality: l.municipality.clone(),
            latitude: l.latitude,
            longitude: l.longitude,
        }
    }
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LicenceDto {
    pub number: String,
    pub issuer: String,
    #[schema(format = Date)]
    pub valid_to: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterProvider {
    /// `state`, `municipal`, `ngo`, `business` or `individual_entrepreneur`.
    #[schema(example = "ngo")]
    pub legal_form: String,
    pub full_name: String,
    pub short_name: String,
    /// `RU` or `UA`.
    #[schema(example = "RU")]
    pub country: String,
    /// RU: INN (10 digits for organisations, 12 for entrepreneurs). UA: EDRPOU (8) or RNOKPP (10).
    pub tax_id: String,
    /// RU: OGRN (13 digits) or OGRNIP (15) for entrepreneurs. UA: omit.
    pub registration_number: Option<String>,
    pub phone: String,
    pub email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub description: String,
    pub location: LocationDto,
    pub bank_account: String,
    pub bank_id: String,
    #[serde(default)]
    pub licences: Vec<LicenceDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderDto {
    pub id: Uuid,
    pub legal_form: String,
    pub full_name: String,
    pub short_name: String,
    pub country: String,
    pub tax_id: String,
    pub registration_number: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub description: String,
    pub location: LocationDto,
    pub licences: Vec<LicenceDto>,
    pub created_at: String,
}

impl From<&Provider> for ProviderDto {
    fn from(p: &Provider) -> Self {
        let d = &p.details;
        Self {
            id: p.id,
            legal_form: d.legal_form.to_string(),
            full_name: d.full_name.clone(),
            short_name: d.short_name.clone(),
            country: d.country.code().to_owned(),
            tax_id: d.tax_id.clone(),
            registration_number: d.registration_number.clone(),
            phone: d.phone.clone(),
            email: d.email.clone(),
            website: d.website.clone(),
            description: d.description.clone(),
            location: (&d.location).into(),
            licences: d
                .licences
                .iter()
                .map(|l| LicenceDto {
                    number: l.number.clone(),
                    issuer: l.issuer.clone(),
                    valid_to: l.valid_to.map(|d| d.to_string()),
                })
                .collect(),
            created_at: p.created_at.to_string(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyRequest {
    pub authority_id: Uuid,
    /// Services of the authority's catalogue the provider wants to deliver.
    pub service_ids: Vec<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdmissionDto {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub authority_id: Uuid,
    #[schema(example = "under_review")]
    pub status: String,
    /// Why it was rejected, suspended or excluded.
    pub reason: Option<String>,
    pub service_ids: Vec<Uuid>,
    pub applied_at: String,
    pub updated_at: String,
}

impl From<&Admission> for AdmissionDto {
    fn from(a: &Admission) -> Self {
        Self {
            id: a.id,
            provider_id: a.provider_id,
            authority_id: a.authority_id.as_uuid(),
            status: a.status.to_string(),
            reason: a.reason.clone(),
            service_ids: a.services.iter().map(|s| s.as_uuid()).collect(),
            applied_at: a.applied_at.to_string(),
            updated_at: a.updated_at.to_string(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// `start_review`, `admit`, `reject`, `suspend`, `reinstate` or `exclude`.
    #[schema(example = "admit")]
    pub event: String,
    /// Required to reject, suspend or exclude; the provider sees it.
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AdmissionsQuery {
    /// Only admissions in this status, e.g. `applied`.
    status: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishOffer {
    pub authority_id: Uuid,
    pub service_id: Uuid,
    /// At least one of the three languages.
    pub title_ru: Option<String>,
    pub title_uk: Option<String>,
    pub title_en: Option<String>,
    #[serde(default)]
    pub description: String,
    /// Price of one unit; above the normative cost the difference is the recipient's co-payment.
    pub price: MoneyDto,
    pub capacity: u32,
    #[serde(default)]
    pub schedule: String,
    pub location: LocationDto,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    #[serde(default)]
    pub wheelchair_access: bool,
    #[serde(default)]
    pub sign_language: bool,
    #[serde(default)]
    pub home_visits: bool,
    #[serde(default)]
    pub transport: bool,
    /// Languages of the service: `ru`, `uk`, `en`.
    #[serde(default)]
    pub languages: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferDto {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub authority_id: Uuid,
    pub service_id: Uuid,
    pub title_ru: String,
    pub title_uk: String,
    pub title_en: String,
    pub description: String,
    pub price: MoneyDto,
    pub capacity: u32,
    pub free_seats: u32,
    pub schedule: String,
    pub location: LocationDto,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub wheelchair_access: bool,
    pub sign_language: bool,
    pub home_visits: bool,
    pub transport: bool,
    pub languages: Vec<String>,
    /// Moves on with every change: send it back in `If-Match` (as `"N"`) to edit the offer.
    pub version: i64,
}

impl From<&Offer> for OfferDto {
    fn from(o: &Offer) -> Self {
        let d = &o.details;
        Self {
            id: o.id,
            provider_id: d.provider_id,
            authority_id: d.authority_id.as_uuid(),
            service_id: d.service_id.as_uuid(),
            title_ru: d.titles[0].clone(),
            title_uk: d.titles[1].clone(),
            title_en: d.titles[2].clone(),
            description: d.description.clone(),
            price: d.price.into(),
            capacity: d.capacity,
            free_seats: d.capacity.saturating_sub(o.seats_taken),
            schedule: d.schedule.clone(),
            location: (&d.location).into(),
            age_min: d.age_min,
            age_max: d.age_max,
            wheelchair_access: d.accessibility.wheelchair,
            sign_language: d.accessibility.sign_language,
            home_visits: d.accessibility.home_visits,
            transport: d.accessibility.transport,
            languages: d.languages.clone(),
            version: o.version,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferHitDto {
    pub offer: OfferDto,
    pub provider_name: String,
    pub legal_form: String,
    pub service_code: String,
    /// The authority's normative cost of one unit today; `null` if none is in force.
    pub normative_cost: Option<MoneyDto>,
    /// What an entitled recipient pays per unit above the normative (by agreement); 0 within it.
    pub copay: Option<MoneyDto>,
    /// Distance from `near`, in kilometres.
    pub distance_km: Option<f64>,
    /// The provider's ratings by recipients.
    pub provider_rating: crate::api::feedback::RatingSummaryDto,
}

impl From<&OfferHit> for OfferHitDto {
    fn from(h: &OfferHit) -> Self {
        let copay = h.normative.and_then(|normative| {
            socert_domain::registry::price_breakdown(h.offer.details.price, normative)
                .ok()
                .map(|b| b.copay.into())
        });
        Self {
            offer: (&h.offer).into(),
            provider_name: h.provider_name.clone(),
            legal_form: h.legal_form.to_string(),
            service_code: h.service_code.clone(),
            normative_cost: h.normative.map(Into::into),
            copay,
            distance_km: h.distance_km.map(|d| (d * 10.0).round() / 10.0),
            provider_rating: h.rating.into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferPage {
    pub items: Vec<OfferHitDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find in offer and provider names and descriptions, in Russian, Ukrainian or
    /// English; inflected forms match ("паллиативная помощь" finds "паллиативной помощи").
    q: Option<String>,
    authority_id: Option<Uuid>,
    category: Option<String>,
    service_id: Option<Uuid>,
    municipality: Option<String>,
    wheelchair_access: Option<bool>,
    sign_language: Option<bool>,
    home_visits: Option<bool>,
    transport: Option<bool>,
    /// Age of the person the service is for.
    age: Option<u8>,
    /// Only offers with free seats.
    free_seats: Option<bool>,
    /// Only offers priced within the normative cost (no co-payment).
    within_normative: Option<bool>,
    /// `latitude,longitude` of the searcher, for distances and `sort=distance`.
    near: Option<String>,
    /// `relevance` (default), `distance`, `price` (cheapest first) or `rating` (best rated
    /// providers first, weighted so that a few ratings count less than many).
    sort: Option<String>,
    cursor: Option<String>,
    /// Page size, 1 to 100 (default 20).
    limit: Option<u32>,
}

fn required(field: &str, value: &str) -> Result<String, ApiError> {
    let value = value.trim();
    if value.is_empty() {
        Err(ApiError::invalid(field, "this field is required"))
    } else {
        Ok(value.to_owned())
    }
}

/// Checks the tax ids against the legal form and country; returns them in canonical digits.
fn tax_ids(
    form: LegalForm,
    country: Country,
    tax_id: &str,
    registration: Option<&str>,
) -> Result<(String, String), ApiError> {
    let invalid = |field: &str, e: &dyn std::fmt::Display| ApiError::invalid(field, e);
    match country {
        Country::Russia => {
            let inn = Inn::parse(tax_id).map_err(|e| invalid("tax_id", &e))?;
            let registration = registration.ok_or_else(|| {
                ApiError::invalid(
                    "registration_number",
                    "give the OGRN (or OGRNIP for an entrepreneur)",
                )
            })?;
            if form.is_person() {
                if inn.is_legal_entity() {
                    return Err(ApiError::invalid(
                        "tax_id",
                        "an individual entrepreneur has a 12-digit INN",
                    ));
                }
                let ogrnip =
                    Ogrnip::parse(registration).map_err(|e| invalid("registration_number", &e))?;
                Ok((inn.as_str().to_owned(), ogrnip.as_str().to_owned()))
            } else {
                if !inn.is_legal_entity() {
                    return Err(ApiError::invalid(
                        "tax_id",
                        "an organisation has a 10-digit INN",
                    ));
                }
                let ogrn =
                    Ogrn::parse(registration).map_err(|e| invalid("registration_number", &e))?;
                Ok((inn.as_str().to_owned(), ogrn.as_str().to_owned()))
            }
        }
        Country::Ukraine => {
            let id = if form.is_person() {
                Rnokpp::parse(tax_id)
                    .map_err(|e| invalid("tax_id", &e))?
                    .as_str()
                    .to_owned()
            } else {
                Edrpou::parse(tax_id)
                    .map_err(|e| invalid("tax_id", &e))?
                    .as_str()
                    .to_owned()
            };
            Ok((id, String::new()))
        }
    }
}

impl RegisterProvider {
    /// The provider as the registry stores it, or the first field that is wrong.
    pub fn parse(&self) -> Result<NewProvider, ApiError> {
        let legal_form: LegalForm = self
            .legal_form
            .parse()
            .map_err(|e| ApiError::invalid("legal_form", e))?;
        let country = Country::parse(self.country.trim())
            .ok_or_else(|| ApiError::invalid("country", "use RU or UA"))?;
        let (tax_id, registration_number) = tax_ids(
            legal_form,
            country,
            &self.tax_id,
            self.registration_number.as_deref(),
        )?;
        let licences = self
            .licences
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Ok(Licence {
                    number: required(&format!("licences[{i}].number"), &l.number)?,
                    issuer: required(&format!("licences[{i}].issuer"), &l.issuer)?,
                    valid_to: l
                        .valid_to
                        .as_deref()
                        .map(|d| parse_date(&format!("licences[{i}].valid_to"), d))
                        .transpose()?,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        Ok(NewProvider {
            legal_form,
            full_name: required("full_name", &self.full_name)?,
            short_name: required("short_name", &self.short_name)?,
            country,
            tax_id,
            registration_number,
            phone: required("phone", &self.phone)?,
            email: required("email", &self.email)?,
            website: self.website.trim().to_owned(),
            description: self.description.trim().to_owned(),
            location: self.location.parse("location")?,
            bank_account: required("bank_account", &self.bank_account)?,
            bank_id: required("bank_id", &self.bank_id)?,
            licences,
        })
    }
}

/// Registers a provider; the signed-in user becomes its staff.
#[utoipa::path(post, path = "/api/v1/providers", tag = "registry",
    request_body = RegisterProvider,
    responses(
        (status = 201, body = ProviderDto),
        (status = 409, description = "The tax id is registered already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, e.g. a check digit", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_provider(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<RegisterProvider>,
) -> Result<(StatusCode, Json<ProviderDto>), ApiError> {
    let new = body.parse()?;
    let provider = state.store.create_provider(new, &actor).await?;
    if let Some(user) = actor.id.as_deref().and_then(|id| id.parse().ok()) {
        let grant =
            Grant::new(Role::Provider, None, Some(provider.id)).map_err(|_| ApiError::Internal)?;
        state.store.grant(user, grant, &actor).await?;
    }
    Ok((StatusCode::CREATED, Json(ProviderDto::from(&provider))))
}

/// A provider's public profile (no bank details; no personal tax ids of entrepreneurs).
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}", tag = "registry",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    responses((status = 200, body = ProviderDto), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_provider(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<ProviderDto>, ApiError> {
    let provider = state.store.provider(id).await?;
    let mut public = ProviderDto::from(&provider);
    // An entrepreneur's INN and OGRNIP identify a person: not for everyone's eyes.
    if provider.details.legal_form.is_person() {
        public.tax_id.clear();
        public.registration_number.clear();
    }
    Ok(Json(public))
}

/// Applies for admission in an authority (or again, after a rejection).
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/admissions", tag = "registry",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    request_body = ApplyRequest,
    responses(
        (status = 201, body = AdmissionDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already applied", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    ApiPath(provider): ApiPath<Uuid>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<ApplyRequest>,
) -> Result<(StatusCode, Json<AdmissionDto>), ApiError> {
    if body.service_ids.is_empty() {
        return Err(ApiError::invalid(
            "service_ids",
            "name at least one service",
        ));
    }
    let authority = AuthorityId::from_uuid(body.authority_id);
    state.store.authority(authority).await?;
    let services: Vec<ServiceId> = body
        .service_ids
        .iter()
        .copied()
        .map(ServiceId::from_uuid)
        .collect();
    let admission = state
        .store
        .apply_for_admission(provider, authority, &services, &actor)
        .await?;
    Ok((StatusCode::CREATED, Json(AdmissionDto::from(&admission))))
}

/// The provider's admissions everywhere, with status and any reason given.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/admissions", tag = "registry",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    responses((status = 200, body = Vec<AdmissionDto>)))]
pub async fn provider_admissions(
    State(state): State<AppState>,
    ApiPath(provider): ApiPath<Uuid>,
) -> Result<Json<Vec<AdmissionDto>>, ApiError> {
    let admissions = state.store.admissions_of_provider(provider).await?;
    Ok(Json(admissions.iter().map(Into::into).collect()))
}

/// The authority's review queue and admitted providers.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/admissions", tag = "registry",
    params(("authority_id" = Uuid, Path, description = "Authority id"), AdmissionsQuery),
    responses((status = 200, body = Vec<AdmissionDto>)))]
pub async fn authority_admissions(
    State(state): State<AppState>,
    ApiPath(authority): ApiPath<AuthorityId>,
    ApiQuery(query): ApiQuery<AdmissionsQuery>,
) -> Result<Json<Vec<AdmissionDto>>, ApiError> {
    let status = query
        .status
        .as_deref()
        .map(str::parse::<AdmissionStatus>)
        .transpose()
        .map_err(|e| ApiError::bad_parameter("status", e))?;
    let admissions = state
        .store
        .admissions_of_authority(authority, status)
        .await?;
    Ok(Json(admissions.iter().map(Into::into).collect()))
}

/// Reviews, admits, rejects, suspends, reinstates or excludes a provider.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/admissions/{admission_id}/decision", tag = "registry",
    params(("authority_id" = Uuid, Path, description = "Authority id"), ("admission_id" = Uuid, Path, description = "Admission id")),
    request_body = Decision,
    responses(
        (status = 200, body = AdmissionDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not allowed from the current status, or a reason is missing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn decide(
    State(state): State<AppState>,
    ApiPath((authority, admission)): ApiPath<(AuthorityId, Uuid)>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<Decision>,
) -> Result<Json<AdmissionDto>, ApiError> {
    let event = admission_event(&body.event)?;
    let decided =
        decide_admission(&state, authority, admission, event, body.reason, &actor).await?;
    Ok(Json(AdmissionDto::from(&decided)))
}

/// The admission event an officer's word names.
pub(crate) fn admission_event(word: &str) -> Result<AdmissionEvent, ApiError> {
    Ok(match word {
        "start_review" => AdmissionEvent::StartReview,
        "admit" => AdmissionEvent::Admit,
        "reject" => AdmissionEvent::Reject,
        "suspend" => AdmissionEvent::Suspend,
        "reinstate" => AdmissionEvent::Reinstate,
        "exclude" => AdmissionEvent::Exclude,
        other => {
            return Err(ApiError::invalid(
                "event",
                format!(
                    "unknown event {other:?}: use start_review, admit, reject, suspend, reinstate or exclude"
                ),
            ));
        }
    })
}

/// An officer's decision on an admission, with its consequences for enrolled recipients: the
/// API's and the portal's one path.
pub(crate) async fn decide_admission(
    state: &AppState,
    authority: AuthorityId,
    admission: Uuid,
    event: AdmissionEvent,
    reason: Option<String>,
    actor: &Actor,
) -> Result<Admission, ApiError> {
    let decided = state
        .store
        .decide_admission(authority, admission, event, reason, actor)
        .await?;
    // Enrolled recipients are told; on exclusion their holds return. Should this step fail, the
    // daily job's sweep of enrollments with excluded providers finishes it.
    if matches!(
        event,
        AdmissionEvent::Suspend | AdmissionEvent::Reinstate | AdmissionEvent::Exclude
    ) {
        let today = crate::api::dto::today_in(&state.store.authority(authority).await?);
        state
            .store
            .provider_admission_changed(
                authority,
                decided.provider_id,
                decided.status.as_str(),
                today,
                actor,
            )
            .await?;
    }
    Ok(decided)
}

/// Publishes an offer for a service the provider is admitted for.
#[utoipa::path(post, path = "/api/v1/providers/{provider_id}/offers", tag = "registry",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    request_body = PublishOffer,
    responses(
        (status = 201, body = OfferDto),
        (status = 409, description = "Not admitted for this service in this authority", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn publish_offer(
    State(state): State<AppState>,
    ApiPath(provider_id): ApiPath<Uuid>,
    Extension(actor): Extension<Actor>,
    ApiJson(body): ApiJson<PublishOffer>,
) -> Result<(StatusCode, Json<OfferDto>), ApiError> {
    let (details, document) = offer_details(&state, provider_id, &body).await?;
    let offer = state.store.publish_offer(details, document, &actor).await?;
    Ok((StatusCode::CREATED, Json(OfferDto::from(&offer))))
}

/// Changes one of the provider's offers: everything but its region and service, which the body
/// repeats. Send the ETag of the offer as read in `If-Match`: if someone changed it since, the
/// answer is 412 and nothing changes. Enrollments keep the price they agreed.
#[utoipa::path(put, path = "/api/v1/providers/{provider_id}/offers/{offer_id}", tag = "registry",
    params(
        ("provider_id" = Uuid, Path, description = "Provider id"),
        ("offer_id" = Uuid, Path, description = "Offer id"),
        ("If-Match" = Option<String>, Header, description = "The offer's ETag as read, e.g. \"3\""),
    ),
    request_body = PublishOffer,
    responses(
        (status = 200, body = OfferDto, headers(("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The capacity is below the seats taken", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since you read it", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_offer(
    State(state): State<AppState>,
    ApiPath((provider_id, offer_id)): ApiPath<(Uuid, Uuid)>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PublishOffer>,
) -> Result<Response, ApiError> {
    let expected = crate::api::services::if_match(&headers)?;
    let offer = update_own_offer(&state, provider_id, offer_id, &body, expected, &actor).await?;
    let mut response = Json(OfferDto::from(&offer)).into_response();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", offer.version)) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    Ok(response)
}

/// The edit of an offer, for the API and the provider's cabinet.
pub(crate) async fn update_own_offer(
    state: &AppState,
    provider_id: Uuid,
    offer_id: Uuid,
    body: &PublishOffer,
    expected_version: Option<i64>,
    actor: &Actor,
) -> Result<Offer, ApiError> {
    let (details, document) = offer_details(state, provider_id, body).await?;
    Ok(state
        .store
        .update_offer(offer_id, details, document, expected_version, actor)
        .await?)
}

/// An offer as the provider describes it, checked, with the words it is found by.
async fn offer_details(
    state: &AppState,
    provider_id: Uuid,
    body: &PublishOffer,
) -> Result<(NewOffer, String), ApiError> {
    let authority_id = AuthorityId::from_uuid(body.authority_id);
    let authority = state.store.authority(authority_id).await?;
    let service_id = ServiceId::from_uuid(body.service_id);
    let service = state.store.service(authority_id, service_id).await?;
    let provider = state.store.provider(provider_id).await?;
    let titles = [&body.title_ru, &body.title_uk, &body.title_en]
        .map(|t| t.as_deref().unwrap_or_default().trim().to_owned());
    if titles.iter().all(String::is_empty) {
        return Err(ApiError::invalid(
            "title_ru",
            "give a title in at least one language",
        ));
    }
    let price = body.price.parse("price")?;
    if price.currency() != authority.currency {
        return Err(ApiError::invalid(
            "price.currency",
            format!("this authority pays in {}", authority.currency),
        ));
    }
    if !price.is_positive() {
        return Err(ApiError::invalid(
            "price",
            "the price must be more than zero",
        ));
    }
    if let (Some(min), Some(max)) = (body.age_min, body.age_max)
        && min > max
    {
        return Err(ApiError::invalid("age_max", "age_max is below age_min"));
    }
    let languages = body
        .languages
        .iter()
        .map(|l| {
            Locale::parse(l)
                .map(|l| l.code().to_owned())
                .map_err(|e| ApiError::invalid("languages", e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let location = body.location.parse("location")?;
    let document = search::search_document(&[
        &titles[0],
        &titles[1],
        &titles[2],
        &body.description,
        &provider.details.short_name,
        &provider.details.full_name,
        service.names.get(Locale::Ru),
        service.names.get(Locale::Uk),
        service.names.get(Locale::En),
        &location.municipality,
    ]);
    Ok((
        NewOffer {
            provider_id,
            authority_id,
            service_id,
            titles,
            description: body.description.trim().to_owned(),
            price,
            capacity: body.capacity,
            schedule: body.schedule.trim().to_owned(),
            location,
            age_min: body.age_min,
            age_max: body.age_max,
            accessibility: Accessibility {
                wheelchair: body.wheelchair_access,
                sign_language: body.sign_language,
                home_visits: body.home_visits,
                transport: body.transport,
            },
            languages,
        },
        document,
    ))
}

/// The provider's own offers in every authority, listed or not, newest first.
#[utoipa::path(get, path = "/api/v1/providers/{provider_id}/offers", tag = "registry",
    params(("provider_id" = Uuid, Path, description = "Provider id")),
    responses((status = 200, body = Vec<OfferDto>)))]
pub async fn provider_offers(
    State(state): State<AppState>,
    ApiPath(provider): ApiPath<Uuid>,
) -> Result<Json<Vec<OfferDto>>, ApiError> {
    let offers = state.store.offers_of_provider(provider).await?;
    Ok(Json(offers.iter().map(Into::into).collect()))
}

/// Public search of offers by admitted providers. No sign-in needed.
#[utoipa::path(get, path = "/api/v1/public/offers", tag = "registry",
    params(SearchQuery),
    responses((status = 200, body = OfferPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn search_offers(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Json<OfferPage>, ApiError> {
    let limit = page_limit(query.limit, DEFAULT_PAGE, MAX_PAGE)?;
    let offset = parsed_cursor::<u32>(query.cursor.as_deref())?.unwrap_or(0);
    let near = query
        .near
        .as_deref()
        .map(|text| {
            text.split_once(',')
                .and_then(|(lat, lon)| {
                    Some((
                        lat.trim().parse::<f64>().ok()?,
                        lon.trim().parse::<f64>().ok()?,
                    ))
                })
                .filter(|(lat, lon)| (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon))
                .ok_or_else(|| {
                    ApiError::bad_parameter(
                        "near",
                        "write it as latitude,longitude, e.g. 48.48,135.07",
                    )
                })
        })
        .transpose()?;
    let sort = match query.sort.as_deref() {
        None | Some("relevance") => OfferSort::Relevance,
        Some("price") => OfferSort::Price,
        Some("rating") => OfferSort::Rating,
        Some("distance") if near.is_some() => OfferSort::Distance,
        Some("distance") => {
            return Err(ApiError::bad_parameter(
                "sort",
                "sort=distance needs near=latitude,longitude",
            ));
        }
        Some(other) => {
            return Err(ApiError::bad_parameter(
                "sort",
                format!("unknown sort {other:?}: use relevance, distance, price or rating"),
            ));
        }
    };
    let category = query
        .category
        .as_deref()
        .map(str::parse::<ServiceCategory>)
        .transpose()
        .map_err(|e| ApiError::bad_parameter("category", e))?;
    // Normative costs change at midnight where the authority is; across authorities, UTC.
    let today = match query.authority_id {
        Some(id) => today_in(&state.store.authority(AuthorityId::from_uuid(id)).await?),
        None => jiff::tz::TimeZone::UTC.to_datetime(Timestamp::now()).date(),
    };
    let search = OfferQuery {
        authority: query.authority_id.map(AuthorityId::from_uuid),
        text: query.q.as_deref().and_then(search::search_query),
        category,
        service: query.service_id.map(ServiceId::from_uuid),
        municipality: query
            .municipality
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty()),
        accessibility: Accessibility {
            wheelchair: query.wheelchair_access.unwrap_or(false),
            sign_language: query.sign_language.unwrap_or(false),
            home_visits: query.home_visits.unwrap_or(false),
            transport: query.transport.unwrap_or(false),
        },
        age: query.age,
        free_seats: query.free_seats.unwrap_or(false),
        within_normative: query.within_normative.unwrap_or(false),
        near,
        sort,
        today,
        offset,
        // One more than asked tells whether another page follows.
        limit: limit + 1,
        offers: Vec::new(),
        provider: None,
    };
    let mut hits = state.store.search_offers(&search).await?;
    let more = hits.len() > limit as usize;
    hits.truncate(limit as usize);
    Ok(Json(OfferPage {
        items: hits.iter().map(Into::into).collect(),
        next_cursor: more.then(|| (offset + limit).to_string()),
    }))
}
