//! Who may do what: roles, role grants scoped to a tenant, the permission matrix, and the one
//! decision function every request goes through.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{AuthorityId, TokenId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the deployment: every authority, every action.
    Superadmin,
    /// Users, roles and tokens of one authority.
    Admin,
    /// Runs programs, budgets and the catalogue of one authority.
    Officer,
    /// Reads ledger, audit log and reports of one authority; changes nothing.
    Auditor,
    /// Staff of one provider (in every authority that admits it).
    Provider,
    /// A recipient or their representative.
    Recipient,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Superadmin,
        Role::Admin,
        Role::Officer,
        Role::Auditor,
        Role::Provider,
        Role::Recipient,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Superadmin => "superadmin",
            Role::Admin => "admin",
            Role::Officer => "officer",
            Role::Auditor => "auditor",
            Role::Provider => "provider",
            Role::Recipient => "recipient",
        }
    }

    /// The permission matrix. One place decides; README shows the same table.
    pub const fn permits(self, action: Action) -> bool {
        use Action as A;
        match self {
            Role::Superadmin => true,
            Role::Admin => matches!(action, A::UsersRead | A::UsersManage | A::TokensManage),
            Role::Officer => matches!(
                action,
                A::CatalogueWrite
                    | A::LedgerRead
                    | A::LedgerAdjust
                    | A::LedgerVerify
                    | A::AdmissionsDecide
                    | A::ProgramsRead
                    | A::ProgramsManage
                    | A::RecipientsManage
            ),
            Role::Auditor => matches!(
                action,
                A::LedgerRead | A::LedgerVerify | A::AuditRead | A::ProgramsRead
            ),
            Role::Provider => matches!(action, A::ProviderManage),
            Role::Recipient => false,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = IdentityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| IdentityError::UnknownRole(s.to_owned()))
    }
}

/// Everything a protected route can require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    CatalogueWrite,
    LedgerRead,
    LedgerAdjust,
    LedgerVerify,
    UsersRead,
    UsersManage,
    TokensManage,
    AuditRead,
    /// Review provider applications and decide on admission.
    AdmissionsDecide,
    /// Act for a provider: apply for admission, publish offers.
    ProviderManage,
    /// See programs, their budgets, certificates and waitlists (no personal data).
    ProgramsRead,
    /// Create and fund programs; issue, revoke and expire certificates.
    ProgramsManage,
    /// Register recipients and open their files (personal data; every read is audited).
    RecipientsManage,
}

impl Action {
    pub const ALL: [Action; 13] = [
        Action::CatalogueWrite,
        Action::LedgerRead,
        Action::LedgerAdjust,
        Action::LedgerVerify,
        Action::UsersRead,
        Action::UsersManage,
        Action::TokensManage,
        Action::AuditRead,
        Action::AdmissionsDecide,
        Action::ProviderManage,
        Action::ProgramsRead,
        Action::ProgramsManage,
        Action::RecipientsManage,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Action::CatalogueWrite => "catalogue.write",
            Action::LedgerRead => "ledger.read",
            Action::LedgerAdjust => "ledger.adjust",
            Action::LedgerVerify => "ledger.verify",
            Action::UsersRead => "users.read",
            Action::UsersManage => "users.manage",
            Action::TokensManage => "tokens.manage",
            Action::AuditRead => "audit.read",
            Action::AdmissionsDecide => "admissions.decide",
            Action::ProviderManage => "provider.manage",
            Action::ProgramsRead => "programs.read",
            Action::ProgramsManage => "programs.manage",
            Action::RecipientsManage => "recipients.manage",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error(
        "unknown role {0:?}: use one of superadmin, admin, officer, auditor, provider, recipient"
    )]
    UnknownRole(String),
    #[error("a login is 3 to 100 characters: latin letters, digits, '.', '_', '-', '+' or '@'")]
    InvalidLogin,
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    WeakPassword,
    #[error("a password may have at most {MAX_PASSWORD_CHARS} characters")]
    LongPassword,
    #[error("the role {role} {problem}")]
    BadGrant { role: Role, problem: &'static str },
}

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A sign-in name, compared case-insensitively (stored lower-case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Login(String);

impl Login {
    pub fn parse(input: &str) -> Result<Self, IdentityError> {
        let login = input.trim().to_lowercase();
        let valid = (3..=100).contains(&login.chars().count())
            && login
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '@'));
        if valid {
            Ok(Self(login))
        } else {
            Err(IdentityError::InvalidLogin)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Length rules only (NIST SP 800-63B): long passphrases beat composition rules.
pub fn check_new_password(password: &str) -> Result<(), IdentityError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(IdentityError::WeakPassword);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(IdentityError::LongPassword);
    }
    Ok(())
}

/// A role held in a scope: an authority for staff roles, plus the provider or recipient the
/// holder acts for. A superadmin's grant has no scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub authority: Option<AuthorityId>,
    pub subject: Option<Uuid>,
}

impl Grant {
    pub fn new(
        role: Role,
        authority: Option<AuthorityId>,
        subject: Option<Uuid>,
    ) -> Result<Self, IdentityError> {
        let problem = match (role, authority, subject) {
            (Role::Superadmin, None, None) => None,
            (Role::Superadmin, _, _) => {
                Some("is deployment-wide: it takes no authority or subject")
            }
            (Role::Admin | Role::Officer | Role::Auditor, Some(_), None) => None,
            (Role::Admin | Role::Officer | Role::Auditor, None, _) => Some("needs an authority"),
            (Role::Admin | Role::Officer | Role::Auditor, Some(_), Some(_)) => {
                Some("takes no subject")
            }
            // Provider staff act for their provider in every authority that admits it.
            (Role::Provider, _, Some(_)) => None,
            (Role::Provider, _, None) => Some("needs the provider it acts for"),
            (Role::Recipient, Some(_), Some(_)) => None,
            (Role::Recipient, _, _) => Some("needs an authority and the recipient it acts for"),
        };
        match problem {
            None => Ok(Self {
                role,
                authority,
                subject,
            }),
            Some(problem) => Err(IdentityError::BadGrant { role, problem }),
        }
    }
}

/// Who is asking: a signed-in user or an API token, with the grants they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user: Option<UserId>,
    pub token: Option<TokenId>,
    pub grants: Vec<Grant>,
}

/// The outcome of an authorization check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Allowed, acting in this role.
    Allow(Role),
    /// The principal has no role in the tenant: answer as if the object did not exist, so that
    /// tenants cannot learn of each other's objects.
    Hidden,
    /// The principal works in the tenant but its roles do not allow the action.
    Forbidden,
}

impl Principal {
    /// May this principal act for `provider`? Superadmins may; provider staff may for their own
    /// provider; anyone else does not see it.
    pub fn decide_for_provider(&self, action: Action, provider: Uuid) -> Decision {
        if self.grants.iter().any(|g| g.role == Role::Superadmin) {
            return Decision::Allow(Role::Superadmin);
        }
        let mut own = self
            .grants
            .iter()
            .filter(|g| g.role == Role::Provider && g.subject == Some(provider))
            .peekable();
        if own.peek().is_none() {
            return Decision::Hidden;
        }
        own.find(|g| g.role.permits(action))
            .map_or(Decision::Forbidden, |g| Decision::Allow(g.role))
    }

    pub fn decide(&self, action: Action, authority: Option<AuthorityId>) -> Decision {
        if self.grants.iter().any(|g| g.role == Role::Superadmin) {
            return Decision::Allow(Role::Superadmin);
        }
        let Some(authority) = authority else {
            return Decision::Forbidden;
        };
        let mut in_tenant = self
            .grants
            .iter()
            .filter(|g| g.authority == Some(authority))
            .peekable();
        if in_tenant.peek().is_none() {
            return Decision::Hidden;
        }
        in_tenant
            .find(|g| g.role.permits(action))
            .map_or(Decision::Forbidden, |g| Decision::Allow(g.role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role, authority: AuthorityId) -> Principal {
        Principal {
            user: Some(UserId::new()),
            token: None,
            grants: vec![Grant::new(role, Some(authority), None).unwrap()],
        }
    }

    #[test]
    fn foreign_tenants_see_nothing_and_own_tenant_without_the_role_is_forbidden() {
        let home = AuthorityId::new();
        let other = AuthorityId::new();
        let officer = staff(Role::Officer, home);
        assert_eq!(
            officer.decide(Action::LedgerAdjust, Some(home)),
            Decision::Allow(Role::Officer)
        );
        assert_eq!(
            officer.decide(Action::LedgerAdjust, Some(other)),
            Decision::Hidden
        );
        assert_eq!(
            officer.decide(Action::UsersManage, Some(home)),
            Decision::Forbidden
        );
        let auditor = staff(Role::Auditor, home);
        assert_eq!(
            auditor.decide(Action::LedgerAdjust, Some(home)),
            Decision::Forbidden
        );
        assert_eq!(
            auditor.decide(Action::AuditRead, Some(home)),
            Decision::Allow(Role::Auditor)
        );
    }

    #[test]
    fn a_superadmin_may_do_anything_anywhere() {
        let root = Principal {
            user: Some(UserId::new()),
            token: None,
            grants: vec![Grant::new(Role::Superadmin, None, None).unwrap()],
        };
        for action in Action::ALL {
            assert_eq!(
                root.decide(action, Some(AuthorityId::new())),
                Decision::Allow(Role::Superadmin)
            );
        }
    }

    #[test]
    fn several_roles_in_several_tenants_combine() {
        let (a, b) = (AuthorityId::new(), AuthorityId::new());
        let person = Principal {
            user: Some(UserId::new()),
            token: None,
            grants: vec![
                Grant::new(Role::Auditor, Some(a), None).unwrap(),
                Grant::new(Role::Officer, Some(a), None).unwrap(),
                Grant::new(Role::Admin, Some(b), None).unwrap(),
            ],
        };
        assert_eq!(
            person.decide(Action::LedgerAdjust, Some(a)),
            Decision::Allow(Role::Officer)
        );
        assert_eq!(
            person.decide(Action::AuditRead, Some(a)),
            Decision::Allow(Role::Auditor)
        );
        assert_eq!(
            person.decide(Action::UsersManage, Some(b)),
            Decision::Allow(Role::Admin)
        );
        assert_eq!(
            person.decide(Action::LedgerRead, Some(b)),
            Decision::Forbidden
        );
    }

    #[test]
    fn grants_must_fit_their_role() {
        let a = AuthorityId::new();
        assert!(Grant::new(Role::Superadmin, Some(a), None).is_err());
        assert!(Grant::new(Role::Officer, None, None).is_err());
        assert!(Grant::new(Role::Provider, Some(a), None).is_err());
        assert!(Grant::new(Role::Provider, None, Some(Uuid::now_v7())).is_ok());
        assert!(Grant::new(Role::Recipient, None, Some(Uuid::now_v7())).is_err());
    }

    #[test]
    fn logins_and_passwords() {
        assert_eq!(
            Login::parse(" Officer.Khv@Example.RU ").unwrap().as_str(),
            "officer.khv@example.ru"
        );
        assert!(Login::parse("ab").is_err());
        assert!(Login::parse("имя").is_err());
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("correct horse battery").is_ok());
    }
}
