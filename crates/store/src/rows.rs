//! Rows as the database returns them, and their conversion into domain types. Conversion is where
//! stored text meets the domain's parsers, so a bad row is reported, never silently accepted.

use std::collections::HashMap;

use socert_domain::ledger::AccountRef;
use socert_domain::{
    Authority, AuthorityId, AuthoritySettings, CostHistory, CostPeriod, Country, Currency, Date,
    Locale, LocalizedText, Money, Service, ServiceCode, ServiceId, Timestamp,
};
use uuid::Uuid;

use crate::{Error, Result};

#[derive(sqlx::FromRow)]
pub(crate) struct AuthorityRow {
    id: Uuid,
    name_ru: String,
    name_uk: String,
    name_en: String,
    region_code: String,
    country: String,
    currency: String,
    locale: String,
    time_zone: String,
    confirmation_window_days: i32,
    created_at_us: i64,
}

impl AuthorityRow {
    pub(crate) fn into_domain(self) -> Result<Authority> {
        Ok(Authority {
            id: AuthorityId::from_uuid(self.id),
            names: LocalizedText::new(&self.name_ru, &self.name_uk, &self.name_en)
                .map_err(corrupt)?,
            region_code: self.region_code,
            country: Country::parse(&self.country)
                .ok_or_else(|| Error::Corrupt(format!("unknown country {:?}", self.country)))?,
            currency: self.currency.parse().map_err(corrupt)?,
            locale: Locale::parse(&self.locale).map_err(corrupt)?,
            time_zone: self.time_zone,
            settings: AuthoritySettings {
                confirmation_window_days: u16::try_from(self.confirmation_window_days)
                    .map_err(corrupt)?,
            },
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ServiceRow {
    id: Uuid,
    authority_id: Uuid,
    code: String,
    name_ru: String,
    name_uk: String,
    name_en: String,
    category: String,
    unit: String,
    version: i64,
    created_at_us: i64,
    updated_at_us: i64,
}

impl ServiceRow {
    pub(crate) fn code(&self) -> &str {
        &self.code
    }

    pub(crate) fn into_domain(self, costs: Vec<CostPeriod>) -> Result<Service> {
        Ok(Service {
            id: ServiceId::from_uuid(self.id),
            authority_id: AuthorityId::from_uuid(self.authority_id),
            code: ServiceCode::parse(&self.code).map_err(corrupt)?,
            names: LocalizedText::new(&self.name_ru, &self.name_uk, &self.name_en)
                .map_err(corrupt)?,
            category: self.category.parse().map_err(corrupt)?,
            unit: self.unit.parse().map_err(corrupt)?,
            costs: CostHistory::from_stored(costs).ok_or_else(|| {
                Error::Corrupt(format!("service {} has no normative cost", self.id))
            })?,
            version: self.version,
            created_at: timestamp(self.created_at_us)?,
            updated_at: timestamp(self.updated_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CostRow {
    service_id: Uuid,
    valid_from: String,
    valid_to: Option<String>,
    amount_minor: i64,
    currency: String,
}

impl CostRow {
    fn into_domain(self) -> Result<(Uuid, CostPeriod)> {
        let currency: Currency = self.currency.parse().map_err(corrupt)?;
        Ok((
            self.service_id,
            CostPeriod {
                cost: Money::from_minor(self.amount_minor, currency),
                valid_from: date(&self.valid_from)?,
                valid_to: self.valid_to.as_deref().map(date).transpose()?,
            },
        ))
    }
}

/// The cost history of one service from its cost rows.
pub(crate) fn cost_history(service: ServiceId, rows: Vec<CostRow>) -> Result<CostHistory> {
    let periods = rows
        .into_iter()
        .map(|row| row.into_domain().map(|(_, period)| period))
        .collect::<Result<Vec<_>>>()?;
    CostHistory::from_stored(periods)
        .ok_or_else(|| Error::Corrupt(format!("service {service} has no normative cost")))
}

/// Joins service rows with their cost rows (any order) into services.
pub(crate) fn assemble(services: Vec<ServiceRow>, costs: Vec<CostRow>) -> Result<Vec<Service>> {
    let mut by_service: HashMap<Uuid, Vec<CostPeriod>> = HashMap::new();
    for row in costs {
        let (service_id, period) = row.into_domain()?;
        by_service.entry(service_id).or_default().push(period);
    }
    services
        .into_iter()
        .map(|row| {
            let costs = by_service.remove(&row.id).unwrap_or_default();
            row.into_domain(costs)
        })
        .collect()
}

pub(crate) fn timestamp(us: i64) -> Result<Timestamp> {
    Timestamp::from_microsecond(us).map_err(corrupt)
}

/// Now, at the microsecond precision the database keeps, so what a write returns equals what a
/// later read returns.
pub(crate) fn now() -> Timestamp {
    let us = Timestamp::now().as_microsecond();
    Timestamp::from_microsecond(us).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub(crate) fn micros(at: Timestamp) -> i64 {
    at.as_microsecond()
}

pub(crate) fn date(text: &str) -> Result<Date> {
    text.parse().map_err(corrupt)
}

pub(crate) fn date_text(date: Date) -> String {
    date.to_string()
}

pub(crate) fn corrupt(err: impl std::fmt::Display) -> Error {
    Error::Corrupt(err.to_string())
}

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: Uuid,
    authority_id: Uuid,
    kind: String,
    owner_id: Uuid,
    currency: String,
    balance_minor: i64,
    last_seq: i64,
    created_at_us: i64,
}

impl AccountRow {
    pub(crate) fn into_domain(self) -> Result<crate::ledger::Account> {
        let currency: Currency = self.currency.parse().map_err(corrupt)?;
        Ok(crate::ledger::Account {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            account: AccountRef::new(self.kind.parse().map_err(corrupt)?, self.owner_id),
            balance: Money::from_minor(self.balance_minor, currency),
            postings: self.last_seq,
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TransactionRow {
    id: Uuid,
    authority_id: Uuid,
    kind: String,
    idempotency_key: String,
    reverses: Option<Uuid>,
    memo: Option<String>,
    created_at_us: i64,
}

impl TransactionRow {
    pub(crate) fn into_domain(
        self,
        postings: Vec<PostingRow>,
    ) -> Result<crate::ledger::LedgerTransaction> {
        Ok(crate::ledger::LedgerTransaction {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            kind: self.kind.parse().map_err(corrupt)?,
            idempotency_key: self.idempotency_key,
            reverses: self.reverses,
            memo: self.memo,
            created_at: timestamp(self.created_at_us)?,
            postings: postings
                .into_iter()
                .map(PostingRow::into_domain)
                .collect::<Result<_>>()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PostingRow {
    kind: String,
    owner_id: Uuid,
    currency: String,
    amount_minor: i64,
    balance_after_minor: i64,
    seq: i64,
}

impl PostingRow {
    fn into_domain(self) -> Result<crate::ledger::StoredPosting> {
        let currency: Currency = self.currency.parse().map_err(corrupt)?;
        Ok(crate::ledger::StoredPosting {
            account: AccountRef::new(self.kind.parse().map_err(corrupt)?, self.owner_id),
            amount: Money::from_minor(self.amount_minor, currency),
            balance_after: Money::from_minor(self.balance_after_minor, currency),
            seq: self.seq,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct HistoryRow {
    seq: i64,
    transaction_id: Uuid,
    kind: String,
    memo: Option<String>,
    created_at_us: i64,
    amount_minor: i64,
    balance_after_minor: i64,
}

impl HistoryRow {
    pub(crate) fn into_domain(self, currency: Currency) -> Result<crate::ledger::HistoryLine> {
        Ok(crate::ledger::HistoryLine {
            seq: self.seq,
            transaction_id: self.transaction_id,
            kind: self.kind.parse().map_err(corrupt)?,
            memo: self.memo,
            at: timestamp(self.created_at_us)?,
            amount: Money::from_minor(self.amount_minor, currency),
            balance_after: Money::from_minor(self.balance_after_minor, currency),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    id: Uuid,
    chain: Uuid,
    seq: i64,
    at_us: i64,
    actor_kind: String,
    actor_id: Option<String>,
    role: Option<String>,
    action: String,
    object_kind: String,
    object_id: String,
    request_id: Option<String>,
    diff: String,
    hash: Vec<u8>,
}

impl AuditRow {
    pub(crate) fn into_domain(self) -> Result<crate::audit::AuditEvent> {
        Ok(crate::audit::AuditEvent {
            id: self.id,
            authority: (!self.chain.is_nil()).then(|| AuthorityId::from_uuid(self.chain)),
            seq: self.seq,
            at: timestamp(self.at_us)?,
            actor_kind: self.actor_kind,
            actor_id: self.actor_id,
            role: self.role,
            action: self.action,
            object_kind: self.object_kind,
            object_id: self.object_id,
            request_id: self.request_id,
            diff: self.diff,
            hash: self.hash,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: Uuid,
    login: String,
    display_name: String,
    active: bool,
    created_at_us: i64,
}

impl UserRow {
    pub(crate) fn into_domain(
        self,
        grants: Vec<(String, Uuid, Uuid)>,
    ) -> Result<crate::identity::User> {
        Ok(crate::identity::User {
            id: socert_domain::UserId::from_uuid(self.id),
            login: socert_domain::identity::Login::parse(&self.login).map_err(corrupt)?,
            display_name: self.display_name,
            active: self.active,
            created_at: timestamp(self.created_at_us)?,
            grants: grants
                .iter()
                .map(|(role, authority, subject)| {
                    crate::identity::grant_from_row(role, *authority, *subject)
                })
                .collect::<Result<_>>()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TokenRow {
    id: Uuid,
    authority_id: Uuid,
    role: String,
    name: String,
    created_by: Option<Uuid>,
    created_at_us: i64,
    expires_at_us: Option<i64>,
    revoked_at_us: Option<i64>,
}

impl TokenRow {
    pub(crate) fn into_domain(self) -> Result<crate::identity::ApiToken> {
        Ok(crate::identity::ApiToken {
            id: socert_domain::TokenId::from_uuid(self.id),
            authority: AuthorityId::from_uuid(self.authority_id),
            role: self.role.parse().map_err(corrupt)?,
            name: self.name,
            created_by: self.created_by.map(socert_domain::UserId::from_uuid),
            created_at: timestamp(self.created_at_us)?,
            expires_at: self.expires_at_us.map(timestamp).transpose()?,
            revoked_at: self.revoked_at_us.map(timestamp).transpose()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProviderRow {
    id: Uuid,
    legal_form: String,
    full_name: String,
    short_name: String,
    country: String,
    tax_id: String,
    registration_number: String,
    phone: String,
    email: String,
    website: String,
    description: String,
    address: String,
    municipality: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    bank_account: String,
    bank_id: String,
    created_at_us: i64,
}

impl ProviderRow {
    pub(crate) fn into_domain(
        self,
        licences: Vec<(String, String, Option<String>)>,
    ) -> Result<crate::registry::Provider> {
        Ok(crate::registry::Provider {
            id: self.id,
            details: crate::registry::NewProvider {
                legal_form: self.legal_form.parse().map_err(corrupt)?,
                full_name: self.full_name,
                short_name: self.short_name,
                country: Country::parse(&self.country)
                    .ok_or_else(|| Error::Corrupt(format!("unknown country {:?}", self.country)))?,
                tax_id: self.tax_id,
                registration_number: self.registration_number,
                phone: self.phone,
                email: self.email,
                website: self.website,
                description: self.description,
                location: crate::registry::Location {
                    address: self.address,
                    municipality: self.municipality,
                    latitude: self.latitude,
                    longitude: self.longitude,
                },
                bank_account: self.bank_account,
                bank_id: self.bank_id,
                licences: licences
                    .into_iter()
                    .map(|(number, issuer, valid_to)| {
                        Ok(crate::registry::Licence {
                            number,
                            issuer,
                            valid_to: valid_to.as_deref().map(date).transpose()?,
                        })
                    })
                    .collect::<Result<_>>()?,
            },
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AdmissionRow {
    id: Uuid,
    provider_id: Uuid,
    authority_id: Uuid,
    status: String,
    reason: Option<String>,
    applied_at_us: i64,
    updated_at_us: i64,
}

impl AdmissionRow {
    pub(crate) fn id(&self) -> Uuid {
        self.id
    }

    pub(crate) fn into_domain(self, services: Vec<Uuid>) -> Result<crate::registry::Admission> {
        Ok(crate::registry::Admission {
            id: self.id,
            provider_id: self.provider_id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            status: self.status.parse().map_err(corrupt)?,
            reason: self.reason,
            services: services.into_iter().map(ServiceId::from_uuid).collect(),
            applied_at: timestamp(self.applied_at_us)?,
            updated_at: timestamp(self.updated_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OfferHitRow {
    id: Uuid,
    provider_id: Uuid,
    authority_id: Uuid,
    service_id: Uuid,
    title_ru: String,
    title_uk: String,
    title_en: String,
    description: String,
    price_minor: i64,
    currency: String,
    capacity: i64,
    seats_taken: i64,
    schedule: String,
    municipality: String,
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    age_min: Option<i32>,
    age_max: Option<i32>,
    wheelchair: bool,
    sign_language: bool,
    home_visits: bool,
    transport: bool,
    languages: String,
    created_at_us: i64,
    provider_name: String,
    legal_form: String,
    service_code: String,
    normative_minor: Option<i64>,
    rating_count: i64,
    rating_stars_sum: i64,
    version: i64,
    distance2: Option<f64>,
}

impl OfferHitRow {
    pub(crate) fn id(&self) -> Uuid {
        self.id
    }

    pub(crate) fn into_domain(self) -> Result<crate::registry::OfferHit> {
        let currency: Currency = self.currency.parse().map_err(corrupt)?;
        let small = |v: Option<i32>| v.map(u8::try_from).transpose().map_err(corrupt);
        let count = |v: i64| u32::try_from(v).map_err(corrupt);
        Ok(crate::registry::OfferHit {
            offer: crate::registry::Offer {
                id: self.id,
                details: crate::registry::NewOffer {
                    provider_id: self.provider_id,
                    authority_id: AuthorityId::from_uuid(self.authority_id),
                    service_id: ServiceId::from_uuid(self.service_id),
                    titles: [self.title_ru, self.title_uk, self.title_en],
                    description: self.description,
                    price: Money::from_minor(self.price_minor, currency),
                    capacity: count(self.capacity)?,
                    schedule: self.schedule,
                    location: crate::registry::Location {
                        address: self.address,
                        municipality: self.municipality,
                        latitude: self.latitude,
                        longitude: self.longitude,
                    },
                    age_min: small(self.age_min)?,
                    age_max: small(self.age_max)?,
                    accessibility: crate::registry::Accessibility {
                        wheelchair: self.wheelchair,
                        sign_language: self.sign_language,
                        home_visits: self.home_visits,
                        transport: self.transport,
                    },
                    languages: self
                        .languages
                        .split(',')
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect(),
                },
                seats_taken: count(self.seats_taken)?,
                created_at: timestamp(self.created_at_us)?,
                version: self.version,
            },
            provider_name: self.provider_name,
            legal_form: self.legal_form.parse().map_err(corrupt)?,
            service_code: self.service_code,
            normative: self.normative_minor.map(|m| Money::from_minor(m, currency)),
            distance_km: self.distance2.map(f64::sqrt),
            rating: socert_domain::feedback::RatingSummary {
                count: self.rating_count,
                stars_sum: self.rating_stars_sum,
            },
        })
    }
}
