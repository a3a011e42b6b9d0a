//! The service catalogue: authorities and their services with normative-cost history.

use async_trait::async_trait;
use socert_domain::{Authority, AuthorityId, NewService, Service, ServiceId};

use crate::audit::Actor;
use crate::{Page, PageRequest, Result, ServiceFilter, ServiceUpdate};

#[async_trait]
pub trait CatalogueStore {
    async fn list_authorities(&self) -> Result<Vec<Authority>>;
    async fn authority(&self, id: AuthorityId) -> Result<Authority>;
    async fn create_authority(&self, authority: &Authority, actor: &Actor) -> Result<()>;

    async fn services(
        &self,
        authority: AuthorityId,
        filter: &ServiceFilter,
        page: &PageRequest,
    ) -> Result<Page<Service>>;
    async fn service(&self, authority: AuthorityId, id: ServiceId) -> Result<Service>;
    async fn create_service(&self, new: NewService, actor: &Actor) -> Result<Service>;
    /// Applies `update` atomically. With `expected_version`, refuses with
    /// [`crate::Error::VersionMismatch`] when someone else changed the service first.
    async fn update_service(
        &self,
        authority: AuthorityId,
        id: ServiceId,
        update: ServiceUpdate,
        expected_version: Option<i64>,
        actor: &Actor,
    ) -> Result<Service>;
}

macro_rules! impl_catalogue {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::CatalogueStore for $store {
            async fn list_authorities(&self) -> $crate::Result<Vec<socert_domain::Authority>> {
                let rows: Vec<$crate::rows::AuthorityRow> =
                    sqlx::query_as($crate::sql::LIST_AUTHORITIES)
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map(|row| row.into_domain()).collect()
            }

            async fn authority(
                &self,
                id: socert_domain::AuthorityId,
            ) -> $crate::Result<socert_domain::Authority> {
                let row: Option<$crate::rows::AuthorityRow> =
                    sqlx::query_as($crate::sql::GET_AUTHORITY)
                        .bind(id.as_uuid())
                        .fetch_optional(&self.pool)
                        .await?;
                row.ok_or($crate::Error::NotFound { what: "authority" })?
                    .into_domain()
            }

            async fn create_authority(
                &self,
                authority: &socert_domain::Authority,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<()> {
                use socert_domain::Locale;
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::sql::INSERT_AUTHORITY)
                    .bind(authority.id.as_uuid())
                    .bind(authority.names.get(Locale::Ru))
                    .bind(authority.names.get(Locale::Uk))
                    .bind(authority.names.get(Locale::En))
                    .bind(&authority.region_code)
                    .bind(authority.country.code())
                    .bind(authority.currency.code())
                    .bind(authority.locale.code())
                    .bind(&authority.time_zone)
                    .bind(i32::from(authority.settings.confirmation_window_days))
                    .bind($crate::rows::micros(authority.created_at))
                    .execute(&mut *tx)
                    .await?;
                // Every authority has a funding account from the start: the source of all its
                // budgets and the counter-account of officers' adjustments.
                sqlx::query($crate::sql::OPEN_ACCOUNT)
                    .bind(uuid::Uuid::now_v7())
                    .bind(authority.id.as_uuid())
                    .bind(socert_domain::ledger::AccountKind::Funding.as_str())
                    .bind(authority.id.as_uuid())
                    .bind(authority.currency.code())
                    .bind($crate::rows::micros(authority.created_at))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority.id),
                    action: "authority.create",
                    object_kind: "authority",
                    object_id: authority.id.to_string(),
                    diff: serde_json::json!({ "after": {
                        "name_en": authority.names.get(Locale::En),
                        "region_code": authority.region_code,
                        "currency": authority.currency.code(),
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, $crate::rows::now());
                tx.commit().await?;
                Ok(())
            }

            async fn services(
                &self,
                authority: socert_domain::AuthorityId,
                filter: &$crate::ServiceFilter,
                page: &$crate::PageRequest,
            ) -> $crate::Result<$crate::Page<socert_domain::Service>> {
                self.authority_currency(authority).await?;
                let category = filter.category.map(|c| c.as_str());
                let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
                // One row more than asked tells whether another page follows.
                let mut rows: Vec<$crate::rows::ServiceRow> =
                    sqlx::query_as($crate::sql::LIST_SERVICES)
                        .bind(authority.as_uuid())
                        .bind(category)
                        .bind(page.after.as_deref())
                        .bind(i64::from(page.limit) + 1)
                        .fetch_all(&self.pool)
                        .await?;
                let has_more = rows.len() > limit;
                rows.truncate(limit);
                let next = if has_more {
                    rows.last().map(|row| row.code().to_owned())
                } else {
                    None
                };
                let costs = match (rows.first(), rows.last()) {
                    (Some(first), Some(last)) => {
                        sqlx::query_as($crate::sql::COSTS_OF_PAGE)
                            .bind(authority.as_uuid())
                            .bind(category)
                            .bind(first.code())
                            .bind(last.code())
                            .fetch_all(&self.pool)
                            .await?
                    }
                    _ => Vec::new(),
                };
                Ok($crate::Page {
                    items: $crate::rows::assemble(rows, costs)?,
                    next,
                })
            }

            async fn service(
                &self,
                authority: socert_domain::AuthorityId,
                id: socert_domain::ServiceId,
            ) -> $crate::Result<socert_domain::Service> {
                let row: Option<$crate::rows::ServiceRow> =
                    sqlx::query_as($crate::sql::GET_SERVICE)
                        .bind(id.as_uuid())
                        .bind(authority.as_uuid())
                        .fetch_optional(&self.pool)
                        .await?;
                let row = row.ok_or($crate::Error::NotFound { what: "service" })?;
                let costs = sqlx::query_as($crate::sql::COSTS_OF_SERVICE)
                    .bind(id.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                $crate::rows::assemble(vec![row], costs)?
                    .pop()
                    .ok_or($crate::Error::NotFound { what: "service" })
            }

            async fn create_service(
                &self,
                new: socert_domain::NewService,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<socert_domain::Service> {
                use socert_domain::Locale;
                let now = $crate::rows::now();
                let id = socert_domain::ServiceId::new();
                let mut tx = self.begin_write().await?;
                let currency = $crate::catalogue::currency_of(
                    sqlx::query_scalar($crate::sql::AUTHORITY_CURRENCY)
                        .bind(new.authority_id.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?,
                )?;
                let costs =
                    socert_domain::CostHistory::starting(new.cost, new.cost_from, currency)?;
                sqlx::query($crate::sql::INSERT_SERVICE)
                    .bind(id.as_uuid())
                    .bind(new.authority_id.as_uuid())
                    .bind(new.code.as_str())
                    .bind(new.names.get(Locale::Ru))
                    .bind(new.names.get(Locale::Uk))
                    .bind(new.names.get(Locale::En))
                    .bind(new.category.as_str())
                    .bind(new.unit.as_str())
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await
                    .map_err(|err| {
                        if $crate::error::is_unique_violation(
                            &err,
                            "services_code_unique",
                            "services.authority_id, services.code",
                        ) {
                            $crate::Error::Conflict(format!(
                                "a service with code {} already exists in this authority",
                                new.code
                            ))
                        } else {
                            err.into()
                        }
                    })?;
                for period in costs.periods() {
                    $crate::catalogue::insert_cost!(&mut *tx, id, period, now);
                }
                let draft = $crate::audit::Draft {
                    chain: Some(new.authority_id),
                    action: "service.create",
                    object_kind: "service",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": {
                        "code": new.code.as_str(),
                        "name_en": new.names.get(Locale::En),
                        "category": new.category.as_str(),
                        "unit": new.unit.as_str(),
                        "normative_cost_minor": new.cost.minor(),
                        "valid_from": new.cost_from.to_string(),
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok(socert_domain::Service {
                    id,
                    authority_id: new.authority_id,
                    code: new.code,
                    names: new.names,
                    category: new.category,
                    unit: new.unit,
                    costs,
                    version: 1,
                    created_at: now,
                    updated_at: now,
                })
            }

            async fn update_service(
                &self,
                authority: socert_domain::AuthorityId,
                id: socert_domain::ServiceId,
                update: $crate::ServiceUpdate,
                expected_version: Option<i64>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<socert_domain::Service> {
                use socert_domain::Locale;
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let bumped: Option<i64> = sqlx::query_scalar($crate::sql::BUMP_SERVICE_VERSION)
                    .bind(id.as_uuid())
                    .bind(authority.as_uuid())
                    .bind($crate::rows::micros(now))
                    .bind(expected_version)
                    .fetch_optional(&mut *tx)
                    .await?;
                if bumped.is_none() {
                    let current: Option<i64> = sqlx::query_scalar($crate::sql::SERVICE_VERSION)
                        .bind(id.as_uuid())
                        .bind(authority.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?;
                    return Err(match current {
                        None => $crate::Error::NotFound { what: "service" },
                        Some(current) => $crate::Error::VersionMismatch {
                            what: "service",
                            current,
                        },
                    });
                }
                if let Some(names) = &update.names {
                    sqlx::query($crate::sql::RENAME_SERVICE)
                        .bind(id.as_uuid())
                        .bind(names.get(Locale::Ru))
                        .bind(names.get(Locale::Uk))
                        .bind(names.get(Locale::En))
                        .execute(&mut *tx)
                        .await?;
                }
                if let Some((cost, valid_from)) = update.cost {
                    let currency = $crate::catalogue::currency_of(
                        sqlx::query_scalar($crate::sql::AUTHORITY_CURRENCY)
                            .bind(authority.as_uuid())
                            .fetch_optional(&mut *tx)
                            .await?,
                    )?;
                    let rows = sqlx::query_as($crate::sql::COSTS_OF_SERVICE)
                        .bind(id.as_uuid())
                        .fetch_all(&mut *tx)
                        .await?;
                    let history = $crate::rows::cost_history(id, rows)?;
                    let change = history.change(cost, valid_from, currency)?;
                    sqlx::query($crate::sql::CLOSE_OPEN_COST)
                        .bind(id.as_uuid())
                        .bind($crate::rows::date_text(change.close_at))
                        .bind($crate::rows::date_text(change.close_from))
                        .execute(&mut *tx)
                        .await?;
                    $crate::catalogue::insert_cost!(&mut *tx, id, &change.opened, now);
                }
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "service.update",
                    object_kind: "service",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": {
                        "name_en": update.names.as_ref().map(|n| n.get(Locale::En)),
                        "normative_cost_minor": update.cost.map(|(cost, _)| cost.minor()),
                        "valid_from": update.cost.map(|(_, from)| from.to_string()),
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.service(authority, id).await
            }
        }

        impl $store {
            async fn authority_currency(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<socert_domain::Currency> {
                $crate::catalogue::currency_of(
                    sqlx::query_scalar($crate::sql::AUTHORITY_CURRENCY)
                        .bind(authority.as_uuid())
                        .fetch_optional(&self.pool)
                        .await?,
                )
            }
        }
    };
}

pub(crate) use impl_catalogue;

/// Inserts one cost period of a service inside the caller's transaction.
macro_rules! insert_cost {
    ($executor:expr, $service:expr, $period:expr, $now:expr) => {{
        let period: &socert_domain::CostPeriod = $period;
        sqlx::query($crate::sql::INSERT_COST)
            .bind($service.as_uuid())
            .bind($crate::rows::date_text(period.valid_from))
            .bind(period.valid_to.map($crate::rows::date_text))
            .bind(period.cost.minor())
            .bind(period.cost.currency().code())
            .bind($crate::rows::micros($now))
            .execute($executor)
            .await?;
    }};
}

pub(crate) use insert_cost;

/// The authority's currency from an `AUTHORITY_CURRENCY` lookup; a missing row means no authority.
pub(crate) fn currency_of(code: Option<String>) -> crate::Result<socert_domain::Currency> {
    let code = code.ok_or(crate::Error::NotFound { what: "authority" })?;
    code.parse()
        .map_err(|_| crate::Error::Corrupt(format!("unknown currency {code:?}")))
}
