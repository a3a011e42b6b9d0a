//! The JSON API under `/api/v1`, its OpenAPI document and the health probes.

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

mod authorities;
pub mod dto;
mod health;
mod ledger;
mod services;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "socert API",
        description = "Social certificates: money follows the recipient. Errors are RFC 9457 \
            problem documents (`application/problem+json`) with a stable `code`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "health", description = "Liveness and readiness probes"),
        (name = "authorities", description = "Regional authorities (tenants)"),
        (name = "catalogue", description = "Service catalogue and normative costs"),
        (name = "ledger", description = "Double-entry ledger: balances, history, adjustments, verification"),
    ),
    components(schemas(crate::error::Problem))
)]
struct ApiDoc;

/// Every route with its OpenAPI description; the router and the document come from one list.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::healthz))
        .routes(routes!(health::readyz))
        .routes(routes!(authorities::list_authorities))
        .routes(routes!(authorities::get_authority))
        .routes(routes!(services::list_services, services::create_service))
        .routes(routes!(services::get_service, services::update_service))
        .routes(routes!(ledger::get_account))
        .routes(routes!(ledger::account_history))
        .routes(routes!(ledger::get_transaction))
        .routes(routes!(ledger::create_adjustment))
        .routes(routes!(ledger::reverse_transaction))
        .routes(routes!(ledger::verify))
}
