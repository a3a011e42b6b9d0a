//! The access policy of every API route: the single table `authorize` enforces. A route missing
//! here is refused at run time, and the permission test fails for it.

use axum::http::Method;
use socert_domain::identity::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone with a browser session (their own session; API tokens have none).
    SignedIn,
    /// A role allowing the action in the route's `{authority_id}`.
    Allowed(Action),
    /// Staff of the route's `{provider_id}` (or a superadmin).
    ForProvider(Action),
}

use Access::{Allowed, ForProvider, Public, SignedIn};
use Action as A;

/// A route under one authority.
macro_rules! authority {
    ($suffix:literal) => {
        concat!("/api/v1/authorities/{authority_id}", $suffix)
    };
}

/// (method, route, access)
#[rustfmt::skip]
pub const POLICY: &[(&str, &str, Access)] = &[
    ("GET", "/healthz", Public),
    ("GET", "/readyz", Public),
    ("POST", "/api/v1/session", Public),
    ("GET", "/api/v1/session", SignedIn),
    ("DELETE", "/api/v1/session", SignedIn),
    ("GET", "/api/v1/authorities", Public),
    ("GET", authority!(""), Public),
    ("GET", authority!("/services"), Public),
    ("POST", authority!("/services"), Allowed(A::CatalogueWrite)),
    ("GET", authority!("/services/{service_id}"), Public),
    ("PATCH", authority!("/services/{service_id}"), Allowed(A::CatalogueWrite)),
    ("GET", authority!("/ledger/accounts/{kind}/{owner_id}"), Allowed(A::LedgerRead)),
    ("GET", authority!("/ledger/accounts/{kind}/{owner_id}/history"), Allowed(A::LedgerRead)),
    ("GET", authority!("/ledger/transactions/{transaction_id}"), Allowed(A::LedgerRead)),
    ("POST", authority!("/ledger/adjustments"), Allowed(A::LedgerAdjust)),
    ("POST", authority!("/ledger/transactions/{transaction_id}/reversal"), Allowed(A::LedgerAdjust)),
    ("GET", authority!("/ledger/verify"), Allowed(A::LedgerVerify)),
    ("GET", authority!("/users"), Allowed(A::UsersRead)),
    ("POST", authority!("/users"), Allowed(A::UsersManage)),
    ("POST", authority!("/users/{user_id}/roles"), Allowed(A::UsersManage)),
    ("DELETE", authority!("/users/{user_id}/roles/{role}"), Allowed(A::UsersManage)),
    ("POST", authority!("/users/{user_id}/deactivate"), Allowed(A::UsersManage)),
    ("GET", authority!("/tokens"), Allowed(A::TokensManage)),
    ("POST", authority!("/tokens"), Allowed(A::TokensManage)),
    ("DELETE", authority!("/tokens/{token_id}"), Allowed(A::TokensManage)),
    ("GET", authority!("/audit"), Allowed(A::AuditRead)),
    ("GET", authority!("/audit.csv"), Allowed(A::AuditRead)),
    ("GET", authority!("/admissions"), Allowed(A::AdmissionsDecide)),
    ("POST", authority!("/admissions/{admission_id}/decision"), Allowed(A::AdmissionsDecide)),
    ("POST", authority!("/providers/import"), Allowed(A::AdmissionsDecide)),
    ("GET", authority!("/admissions/{admission_id}/documents"), Allowed(A::AdmissionsDecide)),
    ("GET", authority!("/admissions/{admission_id}/documents/{document_id}"), Allowed(A::AdmissionsDecide)),
    ("POST", "/api/v1/providers/{provider_id}/admissions/{admission_id}/documents", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers", SignedIn),
    ("GET", "/api/v1/providers/{provider_id}", Public),
    ("GET", "/api/v1/providers/{provider_id}/admissions", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers/{provider_id}/admissions", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers/{provider_id}/offers", ForProvider(A::ProviderManage)),
    ("GET", "/api/v1/providers/{provider_id}/offers", ForProvider(A::ProviderManage)),
    ("PUT", "/api/v1/providers/{provider_id}/offers/{offer_id}", ForProvider(A::ProviderManage)),
    ("GET", "/api/v1/public/offers", Public),
    ("GET", "/api/v1/open/registry.json", Public),
    ("GET", "/api/v1/open/registry.csv", Public),
    ("GET", authority!("/programs"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/programs"), Allowed(A::ProgramsManage)),
    ("GET", authority!("/programs/{program_id}"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/programs/{program_id}/funding"), Allowed(A::ProgramsManage)),
    ("GET", authority!("/programs/{program_id}/certificates"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/programs/{program_id}/certificates"), Allowed(A::ProgramsManage)),
    ("GET", authority!("/programs/{program_id}/waitlist"), Allowed(A::ProgramsRead)),
    ("GET", authority!("/certificates/{certificate_id}"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/certificates/{certificate_id}/revocation"), Allowed(A::ProgramsManage)),
    ("POST", authority!("/jobs/expire-certificates"), Allowed(A::ProgramsManage)),
    ("POST", authority!("/programs/{program_id}/issuance-runs"), Allowed(A::ProgramsManage)),
    ("GET", authority!("/issuance-runs/{run_id}"), Allowed(A::ProgramsRead)),
    ("GET", authority!("/issuance-runs/{run_id}/report.csv"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/recipients"), Allowed(A::RecipientsManage)),
    ("GET", authority!("/recipients/{recipient_id}"), Allowed(A::RecipientsManage)),
    ("POST", authority!("/recipients/{recipient_id}/representatives"), Allowed(A::RecipientsManage)),
    ("POST", authority!("/recipients/{recipient_id}/assessments"), Allowed(A::RecipientsManage)),
    ("GET", authority!("/recipients/{recipient_id}/certificates"), Allowed(A::RecipientsManage)),
    ("GET", "/api/v1/me/certificates", SignedIn),
    ("GET", "/api/v1/me/certificates/{certificate_id}", SignedIn),
    ("GET", "/api/v1/me/certificates/{certificate_id}/print", SignedIn),
    ("GET", "/api/v1/me/certificates/{certificate_id}/use", SignedIn),
    ("POST", "/api/v1/me/enrollments/quote", SignedIn),
    ("POST", "/api/v1/me/enrollments", SignedIn),
    ("GET", "/api/v1/me/enrollments", SignedIn),
    ("POST", "/api/v1/me/enrollments/{enrollment_id}/cancellation", SignedIn),
    ("GET", "/api/v1/me/deliveries", SignedIn),
    ("POST", "/api/v1/me/deliveries/{record_id}/confirmation", SignedIn),
    ("POST", "/api/v1/me/deliveries/{record_id}/dispute", SignedIn),
    ("GET", "/api/v1/me/notifications", SignedIn),
    ("POST", "/api/v1/me/notifications/{notification_id}/read", SignedIn),
    ("GET", "/api/v1/providers/{provider_id}/enrollments", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers/{provider_id}/authorities/{authority_id}/enrollments/{enrollment_id}/decision", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers/{provider_id}/authorities/{authority_id}/deliveries", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers/{provider_id}/authorities/{authority_id}/deliveries.csv", ForProvider(A::ProviderManage)),
    ("POST", "/api/v1/providers/{provider_id}/authorities/{authority_id}/claims", ForProvider(A::ProviderManage)),
    ("GET", "/api/v1/providers/{provider_id}/claims", ForProvider(A::ProviderManage)),
    ("GET", "/api/v1/providers/{provider_id}/authorities/{authority_id}/claims/{claim_id}", ForProvider(A::ProviderManage)),
    ("GET", "/api/v1/providers/{provider_id}/authorities/{authority_id}/balance", ForProvider(A::ProviderManage)),
    ("GET", "/api/v1/providers/{provider_id}/authorities/{authority_id}/notifications", ForProvider(A::ProviderManage)),
    ("GET", authority!("/claims"), Allowed(A::ProgramsRead)),
    ("GET", authority!("/claims/{claim_id}"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/settlements"), Allowed(A::ProgramsManage)),
    ("GET", authority!("/settlements"), Allowed(A::ProgramsRead)),
    ("GET", authority!("/settlements/{batch_id}"), Allowed(A::ProgramsRead)),
    ("GET", authority!("/settlements/{batch_id}/register.csv"), Allowed(A::ProgramsRead)),
    ("GET", authority!("/settlements/{batch_id}/register.xlsx"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/settlements/{batch_id}/payment"), Allowed(A::ProgramsManage)),
    ("POST", authority!("/deliveries/{record_id}/resolution"), Allowed(A::ProgramsManage)),
    ("GET", authority!("/reports/budget-burn"), Allowed(A::ProgramsRead)),
    ("POST", authority!("/jobs/daily"), Allowed(A::ProgramsManage)),
    ("PUT", "/api/v1/me/enrollments/{enrollment_id}/rating", SignedIn),
    ("GET", "/api/v1/me/enrollments/{enrollment_id}/rating", SignedIn),
    ("POST", "/api/v1/me/enrollments/{enrollment_id}/complaints", SignedIn),
    ("GET", "/api/v1/me/complaints", SignedIn),
    ("POST", "/api/v1/me/complaints/{complaint_id}/withdrawal", SignedIn),
    // Complaints are personal data (a recipient's words): officers who open recipients' files.
    ("GET", authority!("/complaints"), Allowed(A::RecipientsManage)),
    ("GET", authority!("/complaints/{complaint_id}"), Allowed(A::RecipientsManage)),
    ("POST", authority!("/complaints/{complaint_id}/decision"), Allowed(A::RecipientsManage)),
];

/// The access rule of `route` (as axum matched it) for `method`.
pub fn policy_for(method: &Method, route: &str) -> Option<Access> {
    POLICY
        .iter()
        .find(|(m, r, _)| *m == method.as_str() && *r == route)
        .map(|(_, _, access)| *access)
}
