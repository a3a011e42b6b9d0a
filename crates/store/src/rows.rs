//! Rows as the database returns them, and their conversion into domain types. Conversion is where
//! stored text meets the domain's parsers, so a bad row is reported, never silently accepted.

use std::collections::HashMap;

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

fn corrupt(err: impl std::fmt::Display) -> Error {
    Error::Corrupt(err.to_string())
}
