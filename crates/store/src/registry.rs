//! The provider registry in storage: providers, admissions with documents, offers, and the
//! public search over offers of admitted providers.

use async_trait::async_trait;
use socert_domain::registry::{AdmissionEvent, AdmissionStatus, LegalForm};
use socert_domain::{AuthorityId, Country, Date, Money, ServiceCategory, ServiceId, Timestamp};
use uuid::Uuid;

use crate::Result;
use crate::audit::Actor;

#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub address: String,
    pub municipality: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    pub number: String,
    pub issuer: String,
    pub valid_to: Option<Date>,
}

/// A provider as registered; its tax ids were validated at the edge.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProvider {
    pub legal_form: LegalForm,
    pub full_name: String,
    pub short_name: String,
    pub country: Country,
    pub tax_id: String,
    pub registration_number: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub description: String,
    pub location: Location,
    pub bank_account: String,
    pub bank_id: String,
    pub licences: Vec<Licence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    pub id: Uuid,
    pub details: NewProvider,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admission {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub authority_id: AuthorityId,
    pub status: AdmissionStatus,
    /// Why it was rejected, suspended or excluded; shown to the provider.
    pub reason: Option<String>,
    pub services: Vec<ServiceId>,
    pub applied_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Accessibility {
    pub wheelchair: bool,
    pub sign_language: bool,
    pub home_visits: bool,
    pub transport: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewOffer {
    pub provider_id: Uuid,
    pub authority_id: AuthorityId,
    pub service_id: ServiceId,
    /// Title in Russian, Ukrainian, English; at least one is given, the others may be empty.
    pub titles: [String; 3],
    pub description: String,
    pub price: Money,
    pub capacity: u32,
    pub schedule: String,
    pub location: Location,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub accessibility: Accessibility,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub id: Uuid,
    pub details: NewOffer,
    pub seats_taken: u32,
    pub created_at: Timestamp,
    /// Moves on with every change: the ETag an edit names in If-Match.
    pub version: i64,
}

/// An uploaded admission document, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMeta {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferSort {
    Relevance,
    Distance,
    Price,
    /// Best rated providers first (the weighted average of `socert_domain::feedback`).
    Rating,
}

impl OfferSort {
    pub const fn as_str(self) -> &'static str {
        match self {
            OfferSort::Relevance => "relevance",
            OfferSort::Distance => "distance",
            OfferSort::Price => "price",
            OfferSort::Rating => "rating",
        }
    }
}

/// A public search. `text` is already stemmed (`socert_domain::search::search_query`).
#[derive(Debug, Clone)]
pub struct OfferQuery {
    pub authority: Option<AuthorityId>,
    pub text: Option<String>,
    pub category: Option<ServiceCategory>,
    pub service: Option<ServiceId>,
    pub municipality: Option<String>,
    pub accessibility: Accessibility,
    pub age: Option<u8>,
    pub free_seats: bool,
    pub within_normative: bool,
    pub near: Option<(f64, f64)>,
    pub sort: OfferSort,
    /// Normative costs in force on this day price the co-payment.
    pub today: Date,
    pub offset: u32,
    pub limit: u32,
    /// Only these offers (a page showing one offer, a list of enrollments); empty: any.
    pub offers: Vec<Uuid>,
    /// Only this provider's offers (its public page).
    pub provider: Option<Uuid>,
}

impl OfferQuery {
    /// Every offer of every admitted provider, by relevance, priced on `today`; narrow it by
    /// setting fields.
    pub fn everything(today: Date, limit: u32) -> Self {
        Self {
            authority: None,
            text: None,
            category: None,
            service: None,
            municipality: None,
            accessibility: Accessibility::default(),
            age: None,
            free_seats: false,
            within_normative: false,
            near: None,
            sort: OfferSort::Relevance,
            today,
            offset: 0,
            limit,
            offers: Vec::new(),
            provider: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OfferHit {
    pub offer: Offer,
    pub provider_name: String,
    pub legal_form: LegalForm,
    pub service_code: String,
    pub normative: Option<Money>,
    pub distance_km: Option<f64>,
    /// The provider's ratings.
    pub rating: socert_domain::feedback::RatingSummary,
}

#[async_trait]
pub trait RegistryStore {
    async fn create_provider(&self, new: NewProvider, actor: &Actor) -> Result<Provider>;
    async fn provider(&self, id: Uuid) -> Result<Provider>;
    /// Applies (or re-applies after a rejection) for admission in an authority for services of
    /// its catalogue.
    async fn apply_for_admission(
        &self,
        provider: Uuid,
        authority: AuthorityId,
        services: &[ServiceId],
        actor: &Actor,
    ) -> Result<Admission>;
    async fn admissions_of_provider(&self, provider: Uuid) -> Result<Vec<Admission>>;
    async fn admissions_of_authority(
        &self,
        authority: AuthorityId,
        status: Option<AdmissionStatus>,
    ) -> Result<Vec<Admission>>;
    /// Moves an admission through its state machine; refused transitions are `Registry` errors.
    async fn decide_admission(
        &self,
        authority: AuthorityId,
        admission: Uuid,
        event: AdmissionEvent,
        reason: Option<String>,
        actor: &Actor,
    ) -> Result<Admission>;
    /// Bulk import by an officer of providers already vetted: registers the provider and admits
    /// it for `services`, all in one transaction. A provider whose tax id is known is left as it
    /// is (`Ok((id, false))`), so importing a file twice changes nothing.
    async fn import_provider(
        &self,
        new: NewProvider,
        authority: AuthorityId,
        services: &[ServiceId],
        actor: &Actor,
    ) -> Result<(Uuid, bool)>;

    /// Attaches a document (licence, charter, ...) to the provider's own admission.
    async fn add_document(
        &self,
        provider: Uuid,
        admission: Uuid,
        file_name: &str,
        content_type: &str,
        content: &[u8],
        actor: &Actor,
    ) -> Result<DocumentMeta>;
    async fn documents(&self, authority: AuthorityId, admission: Uuid)
    -> Result<Vec<DocumentMeta>>;
    async fn document(
        &self,
        authority: AuthorityId,
        admission: Uuid,
        document: Uuid,
    ) -> Result<(DocumentMeta, Vec<u8>)>;

    /// Benchmarks only: inserts `providers` admitted providers with `offers_per_provider` offers
    /// each, in large multi-row statements, with titles and descriptions drawn from `texts`
    /// (title, description, search text). Not audited.
    async fn bulk_fill(
        &self,
        authority: AuthorityId,
        services: &[ServiceId],
        providers: u32,
        offers_per_provider: u32,
        texts: &[(String, String, String)],
    ) -> Result<u64>;

    /// Publishes an offer for a service the provider is admitted for in that authority.
    async fn publish_offer(
        &self,
        new: NewOffer,
        search_text: String,
        actor: &Actor,
    ) -> Result<Offer>;
    async fn search_offers(&self, query: &OfferQuery) -> Result<Vec<OfferHit>>;

    /// Every offer of the provider, listed or not, newest first (the provider's own view).
    async fn offers_of_provider(&self, provider: Uuid) -> Result<Vec<Offer>>;

    /// Changes an offer of `provider`: everything but its authority and service, which `changes`
    /// must repeat. With `expected_version`, refused when someone changed the offer since
    /// (`VersionMismatch`); the capacity cannot go below the seats taken (`capacity_below_seats`).
    /// Enrollments keep the price they agreed.
    async fn update_offer(
        &self,
        offer: Uuid,
        changes: NewOffer,
        search_text: String,
        expected_version: Option<i64>,
        actor: &Actor,
    ) -> Result<Offer>;
}

/// Kilometres per degree of latitude; longitude degrees shrink by cos(latitude), computed once
/// per query in Rust so the SQL needs only arithmetic (SQLite has no trigonometry built in).
pub(crate) const KM_PER_DEGREE: f64 = 111.32;

macro_rules! impl_registry {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::RegistryStore for $store {
            async fn create_provider(
                &self,
                new: $crate::registry::NewProvider,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::registry::Provider> {
                let id = uuid::Uuid::now_v7();
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                $crate::registry::insert_provider!(&mut *tx, id, &new, now)
                    .map_err(|err| {
                        if $crate::error::is_unique_violation(&err, "providers_tax_id_unique", "providers.country, providers.tax_id") {
                            $crate::Error::Conflict(format!("a provider with tax id {} is already registered", new.tax_id))
                        } else {
                            err.into()
                        }
                    })?;
                for licence in &new.licences {
                    sqlx::query($crate::sql::INSERT_LICENCE)
                        .bind(id)
                        .bind(&licence.number)
                        .bind(&licence.issuer)
                        .bind(licence.valid_to.map($crate::rows::date_text))
                        .execute(&mut *tx)
                        .await?;
                }
                let draft = $crate::audit::Draft {
                    chain: None,
                    action: "provider.create",
                    object_kind: "provider",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": {
                        "legal_form": new.legal_form.as_str(),
                        "short_name": new.short_name,
                        "tax_id": new.tax_id,
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok($crate::registry::Provider { id, details: new, created_at: now })
            }

            async fn import_provider(
                &self,
                new: $crate::registry::NewProvider,
                authority: socert_domain::AuthorityId,
                services: &[socert_domain::ServiceId],
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<(uuid::Uuid, bool)> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let known: Option<uuid::Uuid> = sqlx::query_scalar($crate::sql::PROVIDER_BY_TAX_ID)
                    .bind(new.country.code())
                    .bind(&new.tax_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(id) = known {
                    tx.rollback().await?;
                    return Ok((id, false));
                }
                $crate::registry::check_services!(&mut *tx, authority, services);
                let id = uuid::Uuid::now_v7();
                $crate::registry::insert_provider!(&mut *tx, id, &new, now)?;
                let admission = uuid::Uuid::now_v7();
                sqlx::query($crate::sql::INSERT_ADMITTED)
                    .bind(admission)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                for service in services {
                    sqlx::query($crate::sql::INSERT_ADMISSION_SERVICE)
                        .bind(admission)
                        .bind(service.as_uuid())
                        .execute(&mut *tx)
                        .await?;
                }
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "provider.import",
                    object_kind: "provider",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": {
                        "legal_form": new.legal_form.as_str(),
                        "short_name": new.short_name,
                        "status": "admitted",
                        "services": services.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok((id, true))
            }

            async fn provider(&self, id: uuid::Uuid) -> $crate::Result<$crate::registry::Provider> {
                let row: Option<$crate::rows::ProviderRow> = sqlx::query_as($crate::sql::GET_PROVIDER)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                let row = row.ok_or($crate::Error::NotFound { what: "provider" })?;
                let licences = sqlx::query_as($crate::sql::LICENCES_OF_PROVIDER)
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
                row.into_domain(licences)
            }

            async fn apply_for_admission(
                &self,
                provider: uuid::Uuid,
                authority: socert_domain::AuthorityId,
                services: &[socert_domain::ServiceId],
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::registry::Admission> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                $crate::registry::check_services!(&mut *tx, authority, services);
                let existing: Option<$crate::rows::AdmissionRow> = sqlx::query_as($crate::sql::ADMISSION_OF)
                    .bind(provider)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await?;
                let id = match existing {
                    None => {
                        let id = uuid::Uuid::now_v7();
                        sqlx::query($crate::sql::INSERT_ADMISSION)
                            .bind(id)
                            .bind(provider)
                            .bind(authority.as_uuid())
                            .bind($crate::rows::micros(now))
                            .execute(&mut *tx)
                            .await
                            .map_err(|err| match err.as_database_error() {
                                Some(db) if db.is_foreign_key_violation() => $crate::Error::NotFound { what: "provider" },
                                _ => err.into(),
                            })?;
                        id
                    }
                    Some(row) => {
                        let reopened = sqlx::query($crate::sql::REAPPLY)
                            .bind(row.id())
                            .bind($crate::rows::micros(now))
                            .execute(&mut *tx)
                            .await?
                            .rows_affected();
                        if reopened == 0 {
                            return Err($crate::Error::Conflict(
                                "this provider has already applied in this authority".to_owned(),
                            ));
                        }
                        sqlx::query($crate::sql::CLEAR_ADMISSION_SERVICES).bind(row.id()).execute(&mut *tx).await?;
                        row.id()
                    }
                };
                for service in services {
                    sqlx::query($crate::sql::INSERT_ADMISSION_SERVICE)
                        .bind(id)
                        .bind(service.as_uuid())
                        .execute(&mut *tx)
                        .await?;
                }
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "admission.apply",
                    object_kind: "admission",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "provider": provider, "services": services.iter().map(|s| s.to_string()).collect::<Vec<_>>() }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.admission_by_id(authority, id).await
            }

            async fn admissions_of_provider(
                &self,
                provider: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::registry::Admission>> {
                let rows: Vec<$crate::rows::AdmissionRow> = sqlx::query_as($crate::sql::ADMISSIONS_OF_PROVIDER)
                    .bind(provider)
                    .fetch_all(&self.pool)
                    .await?;
                self.with_services(rows).await
            }

            async fn admissions_of_authority(
                &self,
                authority: socert_domain::AuthorityId,
                status: Option<socert_domain::registry::AdmissionStatus>,
            ) -> $crate::Result<Vec<$crate::registry::Admission>> {
                let rows: Vec<$crate::rows::AdmissionRow> = sqlx::query_as($crate::sql::ADMISSIONS_OF_AUTHORITY)
                    .bind(authority.as_uuid())
                    .bind(status.map(|s| s.as_str()))
                    .fetch_all(&self.pool)
                    .await?;
                self.with_services(rows).await
            }

            async fn decide_admission(
                &self,
                authority: socert_domain::AuthorityId,
                admission: uuid::Uuid,
                event: socert_domain::registry::AdmissionEvent,
                reason: Option<String>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::registry::Admission> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let row: Option<$crate::rows::AdmissionRow> = sqlx::query_as($crate::sql::GET_ADMISSION)
                    .bind(admission)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await?;
                let current = row.ok_or($crate::Error::NotFound { what: "admission" })?.into_domain(Vec::new())?;
                let reason = reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
                let next = current.status.apply(event, reason.as_deref())?;
                let kept_reason = match next {
                    socert_domain::registry::AdmissionStatus::Admitted => None,
                    _ => reason.clone().or(current.reason.clone()),
                };
                let moved = sqlx::query($crate::sql::SET_ADMISSION_STATUS)
                    .bind(admission)
                    .bind(current.status.as_str())
                    .bind(next.as_str())
                    .bind(kept_reason.as_deref())
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if moved == 0 {
                    return Err($crate::Error::Conflict("the admission was decided by someone else; reload it".to_owned()));
                }
                sqlx::query($crate::sql::LIST_OFFERS)
                    .bind(current.provider_id)
                    .bind(authority.as_uuid())
                    .bind(next == socert_domain::registry::AdmissionStatus::Admitted)
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "admission.decide",
                    object_kind: "admission",
                    object_id: admission.to_string(),
                    diff: serde_json::json!({
                        "event": event.as_str(),
                        "before": { "status": current.status.as_str() },
                        "after": { "status": next.as_str(), "reason": kept_reason },
                    }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.admission_by_id(authority, admission).await
            }

            async fn add_document(
                &self,
                provider: uuid::Uuid,
                admission: uuid::Uuid,
                file_name: &str,
                content_type: &str,
                content: &[u8],
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::registry::DocumentMeta> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let authority: Option<uuid::Uuid> = sqlx::query_scalar($crate::sql::AUTHORITY_OF_PROVIDER_ADMISSION)
                    .bind(admission)
                    .bind(provider)
                    .fetch_optional(&mut *tx)
                    .await?;
                let authority = authority.ok_or($crate::Error::NotFound { what: "admission" })?;
                let meta = $crate::registry::DocumentMeta {
                    id: uuid::Uuid::now_v7(),
                    file_name: file_name.to_owned(),
                    content_type: content_type.to_owned(),
                    size_bytes: i64::try_from(content.len()).unwrap_or(i64::MAX),
                    uploaded_at: now,
                };
                sqlx::query($crate::sql::INSERT_DOCUMENT)
                    .bind(meta.id)
                    .bind(admission)
                    .bind(&meta.file_name)
                    .bind(&meta.content_type)
                    .bind(meta.size_bytes)
                    .bind(content)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(socert_domain::AuthorityId::from_uuid(authority)),
                    action: "admission.document",
                    object_kind: "admission",
                    object_id: admission.to_string(),
                    diff: serde_json::json!({ "document": meta.id, "file_name": meta.file_name, "size_bytes": meta.size_bytes }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok(meta)
            }

            async fn documents(
                &self,
                authority: socert_domain::AuthorityId,
                admission: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::registry::DocumentMeta>> {
                self.admission_by_id(authority, admission).await?;
                let rows: Vec<(uuid::Uuid, String, String, i64, i64)> = sqlx::query_as($crate::sql::DOCUMENTS_OF_ADMISSION)
                    .bind(admission)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(id, file_name, content_type, size_bytes, at)| {
                        Ok($crate::registry::DocumentMeta { id, file_name, content_type, size_bytes, uploaded_at: $crate::rows::timestamp(at)? })
                    })
                    .collect()
            }

            async fn document(
                &self,
                authority: socert_domain::AuthorityId,
                admission: uuid::Uuid,
                document: uuid::Uuid,
            ) -> $crate::Result<($crate::registry::DocumentMeta, Vec<u8>)> {
                let row: Option<(uuid::Uuid, String, String, i64, i64, Vec<u8>)> = sqlx::query_as($crate::sql::GET_DOCUMENT)
                    .bind(document)
                    .bind(admission)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let (id, file_name, content_type, size_bytes, at, content) =
                    row.ok_or($crate::Error::NotFound { what: "document" })?;
                Ok((
                    $crate::registry::DocumentMeta { id, file_name, content_type, size_bytes, uploaded_at: $crate::rows::timestamp(at)? },
                    content,
                ))
            }

            async fn bulk_fill(
                &self,
                authority: socert_domain::AuthorityId,
                services: &[socert_domain::ServiceId],
                providers: u32,
                offers_per_provider: u32,
                texts: &[(String, String, String)],
            ) -> $crate::Result<u64> {
                const BATCH: u32 = 500;
                let now = $crate::rows::micros($crate::rows::now());
                // Each offer carries its service's code and category (migration 11).
                let mut codes = std::collections::HashMap::new();
                for service in services {
                    let (code, category): (String, String) = sqlx::query_as("SELECT code, category FROM services WHERE id = $1")
                        .bind(service.as_uuid())
                        .fetch_one(&self.pool)
                        .await?;
                    codes.insert(*service, (code, category));
                }
                let mut offers = 0u64;
                let mut start = 0u32;
                while start < providers {
                    let end = (start + BATCH).min(providers);
                    let ids: Vec<uuid::Uuid> = (start..end).map(|_| uuid::Uuid::now_v7()).collect();
                    let mut tx = self.begin_write().await?;
                    let mut insert = sqlx::QueryBuilder::new(
                        "INSERT INTO providers (id, legal_form, full_name, short_name, country, tax_id, registration_number, \
                         phone, email, website, description, address, municipality, latitude, longitude, bank_account, bank_id, \
                         created_at_us, updated_at_us) ",
                    );
                    insert.push_values(ids.iter().enumerate(), |mut row, (i, id)| {
                        let n = start as usize + i;
                        row.push_bind(*id)
                            .push_bind("business")
                            .push_bind(format!("Общество с ограниченной ответственностью «Поставщик {n}»"))
                            .push_bind(format!("ООО «Поставщик {n}»"))
                            .push_bind("RU")
                            .push_bind(format!("bench-{n}"))
                            .push_bind("")
                            .push_bind("+7 4212 00-00-00")
                            .push_bind("bench@provider.example")
                            .push_bind("")
                            .push_bind("")
                            .push_bind("г. Хабаровск")
                            .push_bind(["Хабаровск", "Комсомольск-на-Амуре", "Амурск", "Бикин"][n % 4])
                            .push_bind(48.0 + (n % 1000) as f64 / 1000.0)
                            .push_bind(135.0 + (n % 997) as f64 / 997.0)
                            .push_bind("")
                            .push_bind("")
                            .push_bind(now)
                            .push_bind(now);
                    });
                    insert.build().execute(&mut *tx).await?;
                    let admissions: Vec<uuid::Uuid> = ids.iter().map(|_| uuid::Uuid::now_v7()).collect();
                    let mut insert = sqlx::QueryBuilder::new(
                        "INSERT INTO admissions (id, provider_id, authority_id, status, reason, applied_at_us, updated_at_us) ",
                    );
                    insert.push_values(ids.iter().zip(&admissions), |mut row, (provider, admission)| {
                        row.push_bind(*admission)
                            .push_bind(*provider)
                            .push_bind(authority.as_uuid())
                            .push_bind("admitted")
                            .push_bind(None::<String>)
                            .push_bind(now)
                            .push_bind(now);
                    });
                    insert.build().execute(&mut *tx).await?;
                    let mut offer_rows = Vec::new();
                    for (i, provider) in ids.iter().enumerate() {
                        for k in 0..offers_per_provider as usize {
                            let n = (start as usize + i) * offers_per_provider as usize + k;
                            offer_rows.push((uuid::Uuid::now_v7(), *provider, services[n % services.len()], &texts[n % texts.len()], n, start as usize + i));
                        }
                    }
                    let mut insert = sqlx::QueryBuilder::new("INSERT INTO admission_services (admission_id, service_id) ");
                    let mut pairs: Vec<(uuid::Uuid, uuid::Uuid)> = offer_rows
                        .iter()
                        .map(|(_, provider, service, _, _, _)| {
                            let index = ids.iter().position(|p| p == provider).unwrap_or(0);
                            (admissions[index], service.as_uuid())
                        })
                        .collect();
                    pairs.sort();
                    pairs.dedup();
                    insert.push_values(pairs, |mut row, (admission, service)| {
                        row.push_bind(admission).push_bind(service);
                    });
                    insert.build().execute(&mut *tx).await?;
                    for chunk in offer_rows.chunks(400) {
                        let mut insert = sqlx::QueryBuilder::new(
                            "INSERT INTO offers (id, provider_id, authority_id, service_id, title_ru, title_uk, title_en, \
                             description, price_minor, currency, capacity, seats_taken, schedule, municipality, address, latitude, \
                             longitude, age_min, age_max, wheelchair, sign_language, home_visits, transport, languages, search_text, \
                             search_title, created_at_us, updated_at_us, listed, provider_name, legal_form, service_code, category) ",
                        );
                        insert.push_values(chunk, |mut row, (id, provider, service, text, n, p)| {
                            let (code, category) = codes.get(service).cloned().unwrap_or_default();
                            row.push_bind(*id)
                                .push_bind(*provider)
                                .push_bind(authority.as_uuid())
                                .push_bind(service.as_uuid())
                                .push_bind(&text.0)
                                .push_bind("")
                                .push_bind("")
                                .push_bind(&text.1)
                                .push_bind(20_000 + (*n as i64 % 40) * 1_000)
                                .push_bind("RUB")
                                .push_bind(20i64)
                                .push_bind((*n as i64) % 21)
                                .push_bind("Пн–Пт 9:00–18:00")
                                .push_bind(["Хабаровск", "Комсомольск-на-Амуре", "Амурск", "Бикин"][n % 4])
                                .push_bind("г. Хабаровск")
                                .push_bind(48.0 + (*n % 1000) as f64 / 1000.0)
                                .push_bind(135.0 + (*n % 997) as f64 / 997.0)
                                .push_bind(None::<i32>)
                                .push_bind(None::<i32>)
                                .push_bind(n % 3 == 0)
                                .push_bind(n % 7 == 0)
                                .push_bind(n % 2 == 0)
                                .push_bind(n % 5 == 0)
                                .push_bind("ru")
                                .push_bind(&text.2)
                                .push_bind(socert_domain::search::search_document(&[&text.0]))
                                .push_bind(now)
                                .push_bind(now)
                                .push_bind(true)
                                .push_bind(format!("ООО «Поставщик {p}»"))
                                .push_bind("business")
                                .push_bind(code)
                                .push_bind(category);
                        });
                        insert.build().execute(&mut *tx).await?;
                        for (id, _, _, text, _, _) in chunk {
                            Self::index_offer(&mut tx, *id, &text.2, &socert_domain::search::search_document(&[&text.0])).await?;
                        }
                        offers += chunk.len() as u64;
                    }
                    tx.commit().await?;
                    start = end;
                }
                Ok(offers)
            }

            async fn publish_offer(
                &self,
                new: $crate::registry::NewOffer,
                search_text: String,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::registry::Offer> {
                let id = uuid::Uuid::now_v7();
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let search_title = socert_domain::search::search_document(
                    &new.titles.iter().map(String::as_str).collect::<Vec<_>>(),
                );
                let admitted: i64 = sqlx::query_scalar($crate::sql::ADMITTED_FOR)
                    .bind(new.provider_id)
                    .bind(new.authority_id.as_uuid())
                    .bind(new.service_id.as_uuid())
                    .fetch_one(&mut *tx)
                    .await?;
                if admitted == 0 {
                    return Err($crate::Error::NotAdmitted);
                }
                // An offer of a provider rated before ranks as its provider does.
                let (rating_count, stars_sum): (i64, i64) = sqlx::query_as($crate::feedback::sql::PROVIDER_RATING)
                    .bind(new.provider_id)
                    .fetch_one(&mut *tx)
                    .await?;
                let rating_key = socert_domain::feedback::RatingSummary { count: rating_count, stars_sum }.ranking_millistars();
                sqlx::query($crate::sql::INSERT_OFFER)
                    .bind(id)
                    .bind(new.provider_id)
                    .bind(new.authority_id.as_uuid())
                    .bind(new.service_id.as_uuid())
                    .bind(&new.titles[0])
                    .bind(&new.titles[1])
                    .bind(&new.titles[2])
                    .bind(&new.description)
                    .bind(new.price.minor())
                    .bind(new.price.currency().code())
                    .bind(i64::from(new.capacity))
                    .bind(&new.schedule)
                    .bind(&new.location.municipality)
                    .bind(&new.location.address)
                    .bind(new.location.latitude)
                    .bind(new.location.longitude)
                    .bind(new.age_min.map(i32::from))
                    .bind(new.age_max.map(i32::from))
                    .bind(new.accessibility.wheelchair)
                    .bind(new.accessibility.sign_language)
                    .bind(new.accessibility.home_visits)
                    .bind(new.accessibility.transport)
                    .bind(new.languages.join(","))
                    .bind(&search_text)
                    .bind(&search_title)
                    .bind($crate::rows::micros(now))
                    .bind(i32::try_from(rating_key).map_err($crate::rows::corrupt)?)
                    .execute(&mut *tx)
                    .await?;
                Self::index_offer(&mut tx, id, &search_text, &search_title).await?;
                {
                    let draft = $crate::audit::Draft {
                        chain: Some(new.authority_id),
                        action: "offer.publish",
                        object_kind: "offer",
                        object_id: id.to_string(),
                        diff: serde_json::json!({ "after": {
                            "provider": new.provider_id,
                            "service": new.service_id.to_string(),
                            "title_ru": new.titles[0],
                            "price_minor": new.price.minor(),
                            "capacity": new.capacity,
                        } }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                }
                tx.commit().await?;
                Ok($crate::registry::Offer { id, details: new, seats_taken: 0, created_at: now, version: 1 })
            }

            async fn search_offers(
                &self,
                query: &$crate::registry::OfferQuery,
            ) -> $crate::Result<Vec<$crate::registry::OfferHit>> {
                use $crate::registry::OfferSort;
                // Built from the filters actually given, so every statement is one the planner
                // can plan well; catch-all `$n IS NULL OR …` conditions get poor generic plans.
                let stems = query.text.as_deref().map(Self::fts_query);
                let mut sql = sqlx::QueryBuilder::new("");
                match (&stems, query.sort) {
                    // Relevance in two tiers: offers whose title has every word first, then the
                    // rest, each tier in registry order. Each branch takes the first page of its
                    // matches as the index yields them (storage order, which follows insertion for
                    // an append-mostly table) instead of scoring or sorting every match of a
                    // common word; the page is then ordered by tier and id.
                    (Some(stems), OfferSort::Relevance) => {
                        let window = i64::from(query.offset) + i64::from(query.limit);
                        // The title tier alone first: when it fills the window, no body hit can
                        // reach the page, and scanning for body hits of a common word would be
                        // most of the query's work.
                        let titles = match self.title_prefix_hits(query, stems, window).await? {
                            Some(rows) => rows,
                            None => {
                                let mut titles = sqlx::QueryBuilder::new("");
                                Self::push_offer_select(&mut titles, query, 0);
                                Self::push_title_match(&mut titles, stems);
                                titles.push(" LIMIT ").push_bind(window);
                                titles.build_query_as::<$crate::rows::OfferHitRow>().fetch_all(&self.pool).await?
                            }
                        };
                        if titles.len() as i64 >= window {
                            let mut rows = titles;
                            rows.sort_by_key(|row| row.id());
                            return rows
                                .into_iter()
                                .skip(query.offset as usize)
                                .take(query.limit as usize)
                                .map(|row| row.into_domain())
                                .collect();
                        }
                        sql.push("WITH title_hits AS (");
                        Self::push_offer_select(&mut sql, query, 0);
                        Self::push_title_match(&mut sql, stems);
                        sql.push(" LIMIT ").push_bind(window);
                        // Twice the window: it may hold title hits again, at most one window of
                        // them. Excluding them in the branch itself would correlate the two
                        // conditions and mislead the planner into scanning the whole table.
                        sql.push("), body_hits AS (");
                        Self::push_offer_select(&mut sql, query, 1);
                        Self::push_any_match(&mut sql, stems);
                        sql.push(" LIMIT ").push_bind(2 * window);
                        sql.push(
                            ") SELECT * FROM (SELECT * FROM title_hits UNION ALL SELECT * FROM body_hits \
                             WHERE id NOT IN (SELECT id FROM title_hits)) hits ORDER BY tier, id",
                        );
                    }
                    (stems, sort) => {
                        Self::push_offer_select(&mut sql, query, 0);
                        if let Some(stems) = stems {
                            Self::push_any_match(&mut sql, stems);
                        }
                        sql.push(" ORDER BY ");
                        match (sort, query.near) {
                            (OfferSort::Price, _) => {
                                sql.push("o.price_minor, o.id");
                            }
                            (OfferSort::Rating, _) => {
                                sql.push("o.rating_millistars DESC, o.id");
                            }
                            (OfferSort::Distance, Some((lat, lon))) => Self::push_distance_order(&mut sql, lat, lon),
                            _ => {
                                sql.push("o.id");
                            }
                        }
                    }
                }
                sql.push(" LIMIT ")
                    .push_bind(i64::from(query.limit))
                    .push(" OFFSET ")
                    .push_bind(i64::from(query.offset));
                let rows = sql.build_query_as::<$crate::rows::OfferHitRow>().fetch_all(&self.pool).await?;
                rows.into_iter().map(|row| row.into_domain()).collect()
            }

            async fn offers_of_provider(
                &self,
                provider: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::registry::Offer>> {
                let rows: Vec<$crate::rows::OfferHitRow> = sqlx::query_as($crate::sql::OFFERS_OF_PROVIDER)
                    .bind(provider)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|row| Ok(row.into_domain()?.offer)).collect()
            }

            async fn update_offer(
                &self,
                offer: uuid::Uuid,
                changes: $crate::registry::NewOffer,
                search_text: String,
                expected_version: Option<i64>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::registry::Offer> {
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let current: Option<(uuid::Uuid, uuid::Uuid, uuid::Uuid, i64, i64, String, i64, i64)> =
                    sqlx::query_as($crate::sql::OFFER_FOR_EDIT).bind(offer).fetch_optional(&mut *tx).await?;
                let Some((provider, authority, service, seats_taken, version, title_before, price_before, capacity_before)) = current
                else {
                    return Err($crate::Error::NotFound { what: "offer" });
                };
                if provider != changes.provider_id
                    || authority != changes.authority_id.as_uuid()
                    || service != changes.service_id.as_uuid()
                {
                    return Err($crate::Error::NotFound { what: "offer" });
                }
                if expected_version.is_some_and(|v| v != version) {
                    return Err($crate::Error::VersionMismatch { what: "offer", current: version });
                }
                if i64::from(changes.capacity) < seats_taken {
                    return Err($crate::Error::Refused {
                        code: "capacity_below_seats",
                        message: format!(
                            "{seats_taken} seats are taken: the capacity cannot be less (end enrollments first)"
                        ),
                    });
                }
                let search_title = socert_domain::search::search_document(
                    &changes.titles.iter().map(String::as_str).collect::<Vec<_>>(),
                );
                let (version, seats_taken, created_at_us): (i64, i64, i64) = sqlx::query_as($crate::sql::UPDATE_OFFER)
                    .bind(offer)
                    .bind(&changes.titles[0])
                    .bind(&changes.titles[1])
                    .bind(&changes.titles[2])
                    .bind(&changes.description)
                    .bind(changes.price.minor())
                    .bind(i64::from(changes.capacity))
                    .bind(&changes.schedule)
                    .bind(&changes.location.municipality)
                    .bind(&changes.location.address)
                    .bind(changes.location.latitude)
                    .bind(changes.location.longitude)
                    .bind(changes.age_min.map(i32::from))
                    .bind(changes.age_max.map(i32::from))
                    .bind(changes.accessibility.wheelchair)
                    .bind(changes.accessibility.sign_language)
                    .bind(changes.accessibility.home_visits)
                    .bind(changes.accessibility.transport)
                    .bind(changes.languages.join(","))
                    .bind(&search_text)
                    .bind(&search_title)
                    .bind($crate::rows::micros(now))
                    .fetch_one(&mut *tx)
                    .await?;
                Self::reindex_offer(&mut tx, offer, &search_text, &search_title).await?;
                {
                    let draft = $crate::audit::Draft {
                        chain: Some(changes.authority_id),
                        action: "offer.update",
                        object_kind: "offer",
                        object_id: offer.to_string(),
                        diff: serde_json::json!({
                            "before": { "title_ru": title_before, "price_minor": price_before, "capacity": capacity_before },
                            "after": {
                                "title_ru": changes.titles[0],
                                "price_minor": changes.price.minor(),
                                "capacity": changes.capacity,
                                "version": version,
                            },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                }
                tx.commit().await?;
                Ok($crate::registry::Offer {
                    id: offer,
                    details: changes,
                    seats_taken: u32::try_from(seats_taken).map_err($crate::rows::corrupt)?,
                    created_at: $crate::rows::timestamp(created_at_us)?,
                    version,
                })
            }
        }

        impl $store {
            /// `SELECT … FROM … WHERE <filters>` of one search branch, tagged with its tier.
            fn push_offer_select(sql: &mut sqlx::QueryBuilder<$db>, query: &$crate::registry::OfferQuery, tier: i32) {
                let today = $crate::rows::date_text(query.today);
                sql.push($crate::sql::SEARCH_COLUMNS);
                match query.near {
                    Some((lat, lon)) => {
                        let kx = $crate::registry::KM_PER_DEGREE * lat.to_radians().cos();
                        sql.push("((o.latitude - ")
                            .push_bind(lat)
                            .push(") * 111.32) * ((o.latitude - ")
                            .push_bind(lat)
                            .push(") * 111.32) + ((o.longitude - ")
                            .push_bind(lon)
                            .push(") * ")
                            .push_bind(kx)
                            .push(") * ((o.longitude - ")
                            .push_bind(lon)
                            .push(") * ")
                            .push_bind(kx)
                            .push(")");
                    }
                    None => {
                        sql.push("CAST(NULL AS DOUBLE PRECISION)");
                    }
                }
                sql.push(" AS distance2, ").push(if tier == 0 { "0" } else { "1" }).push(" AS tier");
                sql.push($crate::sql::SEARCH_FROM)
                    .push_bind(today.clone())
                    .push(" AND (nc.valid_to IS NULL OR nc.valid_to > ")
                    .push_bind(today)
                    .push(") WHERE o.listed");
                if let Some(authority) = query.authority {
                    sql.push(" AND o.authority_id = ").push_bind(authority.as_uuid());
                }
                if let Some(category) = query.category {
                    sql.push(" AND o.category = ").push_bind(category.as_str());
                }
                if let Some(service) = query.service {
                    sql.push(" AND o.service_id = ").push_bind(service.as_uuid());
                }
                if !query.offers.is_empty() {
                    sql.push(" AND o.id IN (");
                    let mut ids = sql.separated(", ");
                    for id in &query.offers {
                        ids.push_bind(*id);
                    }
                    sql.push(")");
                }
                if let Some(provider) = query.provider {
                    sql.push(" AND o.provider_id = ").push_bind(provider);
                }
                if let Some(municipality) = &query.municipality {
                    sql.push(" AND o.municipality = ").push_bind(municipality.clone());
                }
                let flags = &query.accessibility;
                for (wanted, column) in [
                    (flags.wheelchair, " AND o.wheelchair"),
                    (flags.sign_language, " AND o.sign_language"),
                    (flags.home_visits, " AND o.home_visits"),
                    (flags.transport, " AND o.transport"),
                    (query.free_seats, " AND o.seats_taken < o.capacity"),
                    (query.within_normative, " AND nc.amount_minor IS NOT NULL AND o.price_minor <= nc.amount_minor"),
                ] {
                    if wanted {
                        sql.push(column);
                    }
                }
                if let Some(age) = query.age {
                    sql.push(" AND (o.age_min IS NULL OR o.age_min <= ")
                        .push_bind(i32::from(age))
                        .push(") AND (o.age_max IS NULL OR o.age_max >= ")
                        .push_bind(i32::from(age))
                        .push(")");
                }
            }

            async fn admission_by_id(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::registry::Admission> {
                let row: Option<$crate::rows::AdmissionRow> = sqlx::query_as($crate::sql::GET_ADMISSION)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let row = row.ok_or($crate::Error::NotFound { what: "admission" })?;
                Ok(self.with_services(vec![row]).await?.remove(0))
            }

            async fn with_services(
                &self,
                rows: Vec<$crate::rows::AdmissionRow>,
            ) -> $crate::Result<Vec<$crate::registry::Admission>> {
                let mut admissions = Vec::with_capacity(rows.len());
                for row in rows {
                    let services: Vec<uuid::Uuid> = sqlx::query_scalar($crate::sql::SERVICES_OF_ADMISSION)
                        .bind(row.id())
                        .fetch_all(&self.pool)
                        .await?;
                    admissions.push(row.into_domain(services)?);
                }
                Ok(admissions)
            }
        }
    };
}

pub(crate) use impl_registry;

/// Inserts a provider row in the caller's transaction; evaluates to the query's result.
macro_rules! insert_provider {
    ($conn:expr, $id:expr, $new:expr, $now:expr) => {{
        let new: &$crate::registry::NewProvider = $new;
        sqlx::query($crate::sql::INSERT_PROVIDER)
            .bind($id)
            .bind(new.legal_form.as_str())
            .bind(&new.full_name)
            .bind(&new.short_name)
            .bind(new.country.code())
            .bind(&new.tax_id)
            .bind(&new.registration_number)
            .bind(&new.phone)
            .bind(&new.email)
            .bind(&new.website)
            .bind(&new.description)
            .bind(&new.location.address)
            .bind(&new.location.municipality)
            .bind(new.location.latitude)
            .bind(new.location.longitude)
            .bind(&new.bank_account)
            .bind(&new.bank_id)
            .bind($crate::rows::micros($now))
            .execute($conn)
            .await
    }};
}

pub(crate) use insert_provider;

/// Refuses, in the caller's transaction, any service that is not in the authority's catalogue.
macro_rules! check_services {
    ($conn:expr, $authority:expr, $services:expr) => {{
        let authority: socert_domain::AuthorityId = $authority;
        let conn = $conn;
        for service in $services {
            let found: i64 = sqlx::query_scalar($crate::sql::SERVICE_IN_AUTHORITY)
                .bind(service.as_uuid())
                .bind(authority.as_uuid())
                .fetch_one(&mut *conn)
                .await?;
            if found == 0 {
                return Err($crate::Error::NotFound { what: "service" });
            }
        }
    }};
}

pub(crate) use check_services;
