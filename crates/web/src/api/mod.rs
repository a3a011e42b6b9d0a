//! The JSON API under `/api/v1`, its OpenAPI document and the health probes.

use axum::extract::DefaultBodyLimit;
use utoipa::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::AppState;

mod audit;
mod authorities;
pub(crate) mod documents;
pub mod dto;
pub mod enrollments;
pub mod feedback;
mod health;
pub mod import;
pub mod issuance;
mod ledger;
pub(crate) mod me;
pub mod open_data;
pub mod policy;
pub mod programs;
mod recipients;
pub mod registry;
mod services;
pub mod session;
pub mod settlement;
mod tokens;
mod users;

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
        (name = "session", description = "Signing in and out"),
        (name = "users", description = "Users and roles of an authority"),
        (name = "tokens", description = "API tokens for integrations"),
        (name = "audit", description = "The hash-chained audit log"),
        (name = "registry", description = "Providers, admission, offers and public search"),
        (name = "open data", description = "The registry as open data"),
        (name = "programs", description = "Programs, budgets, certificates and the waitlist"),
        (name = "recipients", description = "Recipients, representatives, need assessments; the recipient's own certificates"),
        (name = "enrollments", description = "Enrollment with a provider, delivery records, confirmation, claims, inboxes"),
        (name = "settlement", description = "Open claims, settlement batches, payment registers, budget burn, daily jobs"),
        (name = "feedback", description = "Ratings of providers and complaints about enrollments"),
    ),
    components(schemas(crate::error::Problem)),
    modifiers(&Security),
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
        .routes(routes!(
            session::sign_in,
            session::current,
            session::sign_out
        ))
        .routes(routes!(users::list_users, users::create_user))
        .routes(routes!(users::grant_role))
        .routes(routes!(users::revoke_role))
        .routes(routes!(users::deactivate_user))
        .routes(routes!(tokens::list_tokens, tokens::create_token))
        .routes(routes!(tokens::revoke_token))
        .routes(routes!(audit::list_events))
        .routes(routes!(audit::export_events))
        .routes(routes!(registry::register_provider))
        .routes(routes!(registry::get_provider))
        .routes(routes!(registry::apply, registry::provider_admissions))
        .routes(routes!(registry::publish_offer, registry::provider_offers))
        .routes(routes!(registry::update_offer))
        .routes(routes!(registry::authority_admissions))
        .routes(routes!(registry::decide))
        .routes(routes!(registry::search_offers))
        .routes(routes!(import::import))
        .routes(routes!(documents::upload))
        .routes(routes!(documents::list))
        .routes(routes!(documents::download))
        .routes(routes!(open_data::registry_json))
        .routes(routes!(open_data::registry_csv))
        .routes(routes!(programs::create_program, programs::list_programs))
        .routes(routes!(programs::get_program))
        .routes(routes!(programs::fund_program))
        .routes(routes!(
            programs::issue_certificate,
            programs::list_certificates
        ))
        .routes(routes!(programs::waitlist))
        .routes(routes!(programs::get_certificate))
        .routes(routes!(programs::revoke_certificate))
        .routes(routes!(programs::expire_certificates))
        // Lists of recipients may be larger than other uploads; `Upload` enforces their limit.
        .routes(routes!(issuance::start_run).layer(DefaultBodyLimit::disable()))
        .routes(routes!(issuance::get_run))
        .routes(routes!(issuance::run_report))
        .routes(routes!(recipients::create_recipient))
        .routes(routes!(recipients::get_recipient))
        .routes(routes!(recipients::add_representative))
        .routes(routes!(recipients::add_assessment))
        .routes(routes!(recipients::recipient_certificates))
        .routes(routes!(me::my_certificates))
        .routes(routes!(me::my_certificate))
        .routes(routes!(me::print_certificate))
        .routes(routes!(enrollments::quote))
        .routes(routes!(enrollments::enroll, enrollments::my_enrollments))
        .routes(routes!(enrollments::cancel))
        .routes(routes!(enrollments::my_deliveries))
        .routes(routes!(enrollments::confirm))
        .routes(routes!(enrollments::dispute))
        .routes(routes!(enrollments::certificate_use))
        .routes(routes!(enrollments::my_notifications))
        .routes(routes!(enrollments::read_notification))
        .routes(routes!(enrollments::provider_enrollments))
        .routes(routes!(enrollments::decide))
        .routes(routes!(enrollments::record_deliveries))
        .routes(routes!(enrollments::record_deliveries_csv))
        .routes(routes!(enrollments::submit_claim))
        .routes(routes!(enrollments::provider_claims))
        .routes(routes!(enrollments::provider_claim))
        .routes(routes!(enrollments::provider_balance))
        .routes(routes!(enrollments::provider_notifications))
        .routes(routes!(settlement::open_claims))
        .routes(routes!(settlement::get_claim))
        .routes(routes!(settlement::settle, settlement::list_settlements))
        .routes(routes!(settlement::get_settlement))
        .routes(routes!(settlement::register_csv_file))
        .routes(routes!(settlement::register_xlsx_file))
        .routes(routes!(settlement::mark_paid))
        .routes(routes!(settlement::resolve_dispute))
        .routes(routes!(settlement::budget_burn))
        .routes(routes!(settlement::run_daily_jobs))
        .routes(routes!(feedback::rate, feedback::my_rating))
        .routes(routes!(feedback::file_complaint))
        .routes(routes!(feedback::my_complaints))
        .routes(routes!(feedback::withdraw_complaint))
        .routes(routes!(feedback::complaint_queue))
        .routes(routes!(feedback::get_complaint))
        .routes(routes!(feedback::decide_complaint))
}

/// Documents the two ways to authenticate.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Browser session from POST /api/v1/session; writes also need the X-CSRF-Token header",
            ))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "API token from POST /api/v1/authorities/{authority_id}/tokens",
                    ))
                    .build(),
            ),
        );
    }
}
