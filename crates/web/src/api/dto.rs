//! JSON shapes of the API. They mirror domain types but stay separate from them, so the wire format
//! changes only on purpose (the OpenAPI snapshot test shows every change).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::{
    Authority, CostPeriod, Currency, Date, Locale, LocalizedText, Money, Service, Timestamp,
};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A name in Russian, Ukrainian and English; all three are required.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[schema(example = "Социальное такси")]
    pub ru: String,
    #[schema(example = "Соціальне таксі")]
    pub uk: String,
    #[schema(example = "Social taxi")]
    pub en: String,
}

impl From<&LocalizedText> for Names {
    fn from(text: &LocalizedText) -> Self {
        Self {
            ru: text.get(Locale::Ru).to_owned(),
            uk: text.get(Locale::Uk).to_owned(),
            en: text.get(Locale::En).to_owned(),
        }
    }
}

impl TryFrom<&Names> for LocalizedText {
    type Error = ApiError;

    fn try_from(names: &Names) -> Result<Self, ApiError> {
        Ok(LocalizedText::new(&names.ru, &names.uk, &names.en)?)
    }
}

/// Money as whole minor units (kopecks) and an ISO 4217 currency code. Never a float.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyDto {
    #[schema(example = 65000)]
    pub amount_minor: i64,
    #[schema(example = "RUB")]
    pub currency: String,
}

impl From<Money> for MoneyDto {
    fn from(money: Money) -> Self {
        Self {
            amount_minor: money.minor(),
            currency: money.currency().code().to_owned(),
        }
    }
}

impl MoneyDto {
    pub fn parse(&self, field: &str) -> Result<Money, ApiError> {
        let currency: Currency = self
            .currency
            .parse()
            .map_err(|err| ApiError::invalid(format!("{field}.currency"), err))?;
        Ok(Money::from_minor(self.amount_minor, currency))
    }
}

pub fn parse_date(field: &str, text: &str) -> Result<Date, ApiError> {
    text.parse::<Date>().map_err(|_| {
        ApiError::invalid(
            field,
            format!("{text:?} is not a date; write it as YYYY-MM-DD"),
        )
    })
}

fn instant(at: Timestamp) -> String {
    at.to_string()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthoritySettingsDto {
    /// Days a recipient has to dispute a delivery before it is confirmed automatically.
    pub confirmation_window_days: u16,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorityDto {
    pub id: Uuid,
    pub names: Names,
    #[schema(example = "27")]
    pub region_code: String,
    #[schema(example = "RU")]
    pub country: String,
    #[schema(example = "RUB")]
    pub currency: String,
    #[schema(example = "ru")]
    pub locale: String,
    #[schema(example = "Asia/Vladivostok")]
    pub time_zone: String,
    pub settings: AuthoritySettingsDto,
    /// RFC 3339 instant in UTC.
    pub created_at: String,
}

impl From<&Authority> for AuthorityDto {
    fn from(a: &Authority) -> Self {
        Self {
            id: a.id.as_uuid(),
            names: (&a.names).into(),
            region_code: a.region_code.clone(),
            country: a.country.code().to_owned(),
            currency: a.currency.code().to_owned(),
            locale: a.locale.code().to_owned(),
            time_zone: a.time_zone.clone(),
            settings: AuthoritySettingsDto {
                confirmation_window_days: a.settings.confirmation_window_days,
            },
            created_at: instant(a.created_at),
        }
    }
}

/// The normative cost of one unit over a period. `valid_to` is exclusive; `null` means open-ended.
#[derive(Debug, Serialize, ToSchema)]
pub struct CostPeriodDto {
    pub cost: MoneyDto,
    #[schema(example = "2026-01-01", format = Date)]
    pub valid_from: String,
    #[schema(example = "2026-07-01", format = Date)]
    pub valid_to: Option<String>,
}

impl From<&CostPeriod> for CostPeriodDto {
    fn from(p: &CostPeriod) -> Self {
        Self {
            cost: p.cost.into(),
            valid_from: p.valid_from.to_string(),
            valid_to: p.valid_to.map(|d| d.to_string()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceDto {
    pub id: Uuid,
    pub authority_id: Uuid,
    #[schema(example = "SOCIAL-TAXI-TRIP")]
    pub code: String,
    pub names: Names,
    #[schema(example = "social_taxi")]
    pub category: String,
    #[schema(example = "trip")]
    pub unit: String,
    /// The cost in force today in the authority's time zone; `null` if none is in force yet.
    pub normative_cost: Option<CostPeriodDto>,
    /// Every cost period, oldest first.
    pub cost_history: Vec<CostPeriodDto>,
    /// Send back as `If-Match` when changing the service.
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl ServiceDto {
    pub fn new(service: &Service, today: Date) -> Self {
        Self {
            id: service.id.as_uuid(),
            authority_id: service.authority_id.as_uuid(),
            code: service.code.to_string(),
            names: (&service.names).into(),
            category: service.category.to_string(),
            unit: service.unit.to_string(),
            normative_cost: service.costs.on(today).map(Into::into),
            cost_history: service.costs.periods().iter().map(Into::into).collect(),
            version: service.version,
            created_at: instant(service.created_at),
            updated_at: instant(service.updated_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorityList {
    pub items: Vec<AuthorityDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServicePage {
    pub items: Vec<ServiceDto>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Today's date where the authority is; UTC if its time zone is unknown to this machine.
pub fn today_in(authority: &Authority) -> Date {
    authority.date_at(socert_domain::Timestamp::now())
}

// The bytes of an uploaded file, for the OpenAPI document only: `Vec<u8>` would be described as
// an array of integers. (A plain comment: a doc comment would become the schema's description.)
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct FileBytes(#[allow(dead_code)] Vec<u8>);

/// The content type of the CSV files the API writes.
pub const CSV: &str = "text/csv; charset=utf-8";
/// The content type of XLSX workbooks.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file to save: its content type, the name to save it under, and its bytes.
pub fn attachment(content_type: &'static str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
