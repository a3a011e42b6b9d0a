//! Programs, recipients and certificates in storage.
//!
//! How a certificate is issued (the same on both backends, one database transaction):
//! 1. lock the program row (an UPDATE that changes nothing), so that issuances, revocations and
//!    expiries of one program take turns: the quota count and the waitlist stay consistent;
//! 2. lock the program's budget account the same way, and read what is left;
//! 3. put the new requests and the people already waiting in one line, in waitlist order
//!    (priority categories first, then time), check each person's eligibility, and serve the line
//!    from the front while quota and budget allow ([`plan`], pure); once someone has to wait,
//!    everyone behind them waits too, so nobody jumps the queue;
//! 4. write the certificates, open their ledger accounts and move their value out of the budget
//!    as one ledger transaction (one conditional UPDATE of the budget, one posting per
//!    certificate), count them against the quota, and record the waitlist;
//! 5. append one audit event for the whole step.
//!
//! A bulk file is the same step per batch of rows, so issuing 100 000 people is a few hundred
//! transactions, not 100 000.

use std::collections::HashMap;

use async_trait::async_trait;
use socert_domain::certificate::{
    self, CategoryEvidence, Person, Refusal, WaitlistEntry, waitlist_order,
};
use socert_domain::program::{
    IssuedValue, NewRecipient, ProgramError, ProgramSpec, Relation, certificate_value,
};
use socert_domain::{
    AuthorityId, CertificateNumber, CertificateStatus, Currency, Date, Money, ServiceId, Timestamp,
    Units,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::Actor;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub spec: ProgramSpec,
    /// Certificates issued and not revoked or expired (what the quota counts).
    pub live_certificates: i64,
    /// What is left in the program's budget account.
    pub budget: Money,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub details: NewRecipient,
    /// Kept despite resembling this record, for the recorded reason.
    pub duplicate_of: Option<Uuid>,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRepresentative {
    pub full_name: String,
    pub relation: Relation,
    /// The power of attorney, court decision or birth certificate the representative acts on.
    pub power_document: String,
    pub valid_to: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representative {
    pub id: Uuid,
    pub recipient_id: Uuid,
    pub details: NewRepresentative,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssessment {
    pub service_id: ServiceId,
    pub units_per_month: Units,
    pub valid_from: Date,
    pub valid_to: Date,
    pub source_document: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub id: Uuid,
    pub recipient_id: Uuid,
    pub details: NewAssessment,
}

/// Everything an officer sees when opening a recipient's file (an audited read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientFile {
    pub recipient: Recipient,
    pub representatives: Vec<Representative>,
    pub assessments: Vec<Assessment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub program_id: Uuid,
    pub recipient_id: Uuid,
    pub number: CertificateNumber,
    pub status: CertificateStatus,
    /// Money reserved from the budget when issued.
    pub value: Money,
    pub units: Option<Units>,
    /// Money returned to the budget on revocation or expiry.
    pub returned: Money,
    /// Spendable now (ledger `available`).
    pub available: Money,
    /// Reserved for enrollments (ledger `held`).
    pub held: Money,
    pub valid_from: Date,
    pub valid_to: Date,
    pub reason: Option<String>,
    pub issued_at: Timestamp,
}

/// Why a person was not issued a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotIssued {
    /// Eligibility rules the person fails (all of them).
    Ineligible(Vec<Refusal>),
    /// The certificate's value cannot be computed (no normative cost, no assessment).
    NoValue(ProgramError),
    /// No such recipient in this authority.
    UnknownRecipient,
}

/// What happened to one request for a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueOutcome {
    Issued(Certificate),
    /// The person already holds a live certificate of this program: nothing was issued twice.
    AlreadyIssued(Certificate),
    /// Quota or budget is exhausted (or others wait ahead): the person waits in line.
    Waitlisted {
        entry: Uuid,
        position: i64,
    },
    Refused(NotIssued),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitlistStatus {
    Waiting,
    /// A certificate was issued to the person when their turn came.
    Offered,
    Accepted,
    /// Left the line: no longer eligible when their turn came.
    Expired,
}

impl WaitlistStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            WaitlistStatus::Waiting => "waiting",
            WaitlistStatus::Offered => "offered",
            WaitlistStatus::Accepted => "accepted",
            WaitlistStatus::Expired => "expired",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            WaitlistStatus::Waiting,
            WaitlistStatus::Offered,
            WaitlistStatus::Accepted,
            WaitlistStatus::Expired,
        ]
        .into_iter()
        .find(|w| w.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitlistItem {
    pub id: Uuid,
    pub recipient_id: Uuid,
    pub priority: bool,
    pub requested_at: Timestamp,
    pub status: WaitlistStatus,
    pub certificate_id: Option<Uuid>,
    pub reason: Option<String>,
}

/// How a bulk row's recipient was matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upserted {
    Created(Uuid),
    /// The same person (national id, name and birth date) was already on file.
    Existing(Uuid),
    /// Someone on file looks like this person but differs: refused, with a pointer.
    SuspectedDuplicate {
        existing: Uuid,
        reason: DuplicateReason,
    },
}

/// Why a bulk row is taken for a suspected duplicate (the report says it in the reader's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateReason {
    /// The row's national id is on file with another name or birth date.
    OtherPersonWithId,
    /// The row's name and birth date are on file with another national id.
    SamePersonOtherId,
}

/// Counts of a bulk issuance run, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuanceRun {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub program_id: Uuid,
    pub file_name: String,
    /// `running`, `done` or `failed`.
    pub status: String,
    pub rows_total: i64,
    pub rows_done: i64,
    pub issued: i64,
    pub waitlisted: i64,
    pub refused: i64,
    pub already: i64,
    pub error: Option<String>,
    pub created_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

/// One line of a run's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRow {
    pub line: i64,
    /// `issued`, `waitlisted`, `refused` or `already_issued`.
    pub outcome: &'static str,
    pub recipient_id: Option<Uuid>,
    pub certificate_number: Option<String>,
    /// JSON array of `{field, message}`.
    pub detail: String,
}

#[async_trait]
pub trait ProgramStore {
    /// Creates a program and opens its budget account (empty: fund it with `fund_program`).
    async fn create_program(
        &self,
        authority: AuthorityId,
        spec: &ProgramSpec,
        actor: &Actor,
    ) -> Result<Program>;

    async fn program(&self, authority: AuthorityId, id: Uuid) -> Result<Program>;

    async fn programs(&self, authority: AuthorityId) -> Result<Vec<Program>>;

    /// Moves `amount` from the authority's funding into the program's budget (idempotent on
    /// `key`), then serves the waitlist.
    async fn fund_program(
        &self,
        authority: AuthorityId,
        program: Uuid,
        amount: Money,
        key: &socert_domain::ledger::IdempotencyKey,
        today: Date,
        actor: &Actor,
    ) -> Result<crate::ledger::Posted>;

    /// Registers a recipient. A person with the same national id, or the same name and birth
    /// date, is refused as a suspected duplicate unless `override_reason` says why both records
    /// are needed (audited).
    async fn create_recipient(
        &self,
        authority: AuthorityId,
        new: &NewRecipient,
        override_reason: Option<&str>,
        actor: &Actor,
    ) -> Result<Recipient>;

    /// Matches or registers the people of a bulk file, in one transaction.
    async fn upsert_recipients(
        &self,
        authority: AuthorityId,
        people: &[NewRecipient],
        actor: &Actor,
    ) -> Result<Vec<Upserted>>;

    /// Opens a recipient's file: recorded in the audit log as a read of personal data.
    async fn recipient_file(
        &self,
        authority: AuthorityId,
        id: Uuid,
        actor: &Actor,
    ) -> Result<RecipientFile>;

    async fn add_representative(
        &self,
        authority: AuthorityId,
        recipient: Uuid,
        new: &NewRepresentative,
        actor: &Actor,
    ) -> Result<Representative>;

    async fn add_assessment(
        &self,
        authority: AuthorityId,
        recipient: Uuid,
        new: &NewAssessment,
        actor: &Actor,
    ) -> Result<Assessment>;

    /// Issues certificates of `program` to `recipients` on `today` (the authority's local date),
    /// one outcome per recipient in the same order. Also serves people already waiting ahead.
    async fn issue(
        &self,
        authority: AuthorityId,
        program: Uuid,
        recipients: &[Uuid],
        today: Date,
        actor: &Actor,
    ) -> Result<Vec<IssueOutcome>>;

    /// Issues to people waiting for `program` while quota and budget allow; returns how many
    /// were served.
    async fn serve_waitlist(
        &self,
        authority: AuthorityId,
        program: Uuid,
        today: Date,
        actor: &Actor,
    ) -> Result<usize>;

    async fn certificate(&self, authority: AuthorityId, id: Uuid) -> Result<Certificate>;

    async fn certificate_by_number(
        &self,
        authority: AuthorityId,
        number: &CertificateNumber,
    ) -> Result<Certificate>;

    async fn certificates_of_recipient(
        &self,
        authority: AuthorityId,
        recipient: Uuid,
    ) -> Result<Vec<Certificate>>;

    /// A page of a program's certificates in issue order.
    async fn certificates_of_program(
        &self,
        authority: AuthorityId,
        program: Uuid,
        page: &crate::PageRequest<Uuid>,
    ) -> Result<crate::Page<Certificate, Uuid>>;

    async fn waitlist(&self, authority: AuthorityId, program: Uuid) -> Result<Vec<WaitlistItem>>;

    /// Revokes a certificate with a reason the recipient sees; its unspent available value goes
    /// back to the program budget and the waitlist is served.
    async fn revoke_certificate(
        &self,
        authority: AuthorityId,
        id: Uuid,
        reason: &str,
        today: Date,
        actor: &Actor,
    ) -> Result<Certificate>;

    /// Expires every certificate of `authority` valid only until before `today`, returning
    /// unspent value to the budgets and serving the waitlists. Returns how many expired.
    async fn expire_certificates(
        &self,
        authority: AuthorityId,
        today: Date,
        actor: &Actor,
    ) -> Result<usize>;

    async fn create_run(
        &self,
        authority: AuthorityId,
        program: Uuid,
        file_name: &str,
        rows_total: i64,
    ) -> Result<IssuanceRun>;

    /// Appends report lines and adds to the run's counts, in one transaction.
    async fn record_run_rows(&self, run: Uuid, rows: &[RunRow]) -> Result<()>;

    async fn finish_run(&self, run: Uuid, error: Option<&str>) -> Result<()>;

    /// Marks runs still `running` as failed: called when the server starts, after a crash or
    /// restart cut them off (re-uploading the file finishes the job; nothing is issued twice).
    /// Assumes one server per database, as `socert serve` is deployed.
    async fn interrupt_running_runs(&self) -> Result<u64>;

    async fn run(&self, authority: AuthorityId, run: Uuid) -> Result<IssuanceRun>;

    async fn run_rows(&self, authority: AuthorityId, run: Uuid) -> Result<Vec<RunRow>>;

    /// Reconciles every program's budget with its certificates (DESIGN.md section 5, rule 7):
    /// funded = budget left + (value issued - value returned), and each certificate's
    /// `available + held + spent = value - returned`.
    async fn verify_programs(
        &self,
        authority: Option<AuthorityId>,
    ) -> Result<Vec<crate::ledger::Violation>>;

    /// The authority's recipient with this national id (SNILS, RNOKPP), if one is on file. Only
    /// the id: opening the file is `recipient_file`, which records the read.
    async fn recipient_by_national_id(
        &self,
        authority: AuthorityId,
        national_id: &socert_domain::program::NationalId,
    ) -> Result<Option<Uuid>>;
}

// ---------------------------------------------------------------------------------------------
// Planning (pure)
// ---------------------------------------------------------------------------------------------

/// A person in line for a certificate: a new request or someone already waiting.
#[derive(Debug, Clone)]
pub(crate) struct InLine {
    pub recipient: Uuid,
    pub person: Person,
    pub entry: WaitlistEntry,
    /// Already stored in the waitlist (else a new request).
    pub stored: bool,
    pub assessed_per_month: Option<Units>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Issue(IssuedValue),
    Wait,
    Refuse(NotIssued),
}

/// Decides, front to back, who in `line` gets a certificate now. `line` must be in waitlist
/// order. Pure: the caller holds the locks and writes the result.
pub(crate) fn plan(
    spec: &ProgramSpec,
    line: &[InLine],
    quota_left: Option<i64>,
    budget_left: Money,
    normative: Option<Money>,
    today: Date,
) -> Result<Vec<Step>> {
    let validity = spec.validity(today)?;
    let mut quota_left = quota_left;
    let mut budget_left = budget_left;
    let mut blocked = false;
    let mut steps = Vec::with_capacity(line.len());
    for person in line {
        if let Err(refusals) = certificate::check(&spec.rules, &person.person, today) {
            steps.push(Step::Refuse(NotIssued::Ineligible(refusals)));
            continue;
        }
        let value = match certificate_value(
            &spec.template,
            validity,
            normative,
            person.assessed_per_month,
            budget_left.currency(),
        ) {
            Ok(value) => value,
            Err(err) => {
                steps.push(Step::Refuse(NotIssued::NoValue(err)));
                continue;
            }
        };
        let fits = quota_left.is_none_or(|q| q > 0) && value.money.minor() <= budget_left.minor();
        if blocked || !fits {
            blocked = true;
            steps.push(Step::Wait);
            continue;
        }
        budget_left = budget_left
            .checked_sub(value.money)
            .map_err(socert_domain::ledger::LedgerError::from)?;
        quota_left = quota_left.map(|q| q - 1);
        steps.push(Step::Issue(value));
    }
    Ok(steps)
}

/// Sorts `line` into waitlist order.
pub(crate) fn into_order(mut line: Vec<InLine>) -> Vec<InLine> {
    line.sort_by(|a, b| waitlist_order(&a.entry, &b.entry));
    line
}

/// Key of the ledger transaction moving an issuance step's value out of the budget.
pub(crate) fn issue_key(step: Uuid) -> String {
    format!("issue:{step}")
}

/// The JSON `detail` of a report line: `[{field, message}]`.
pub fn detail_json(items: &[(String, String)]) -> String {
    serde_json::Value::Array(
        items
            .iter()
            .map(|(field, message)| serde_json::json!({ "field": field, "message": message }))
            .collect(),
    )
    .to_string()
}

impl RunRow {
    /// The `(field, message)` pairs of [`RunRow::detail`], as [`detail_json`] wrote them.
    pub fn details(&self) -> Vec<(String, String)> {
        serde_json::from_str::<Vec<serde_json::Value>>(&self.detail)
            .unwrap_or_default()
            .into_iter()
            .map(|d| {
                let text = |key: &str| d[key].as_str().unwrap_or_default().to_owned();
                (text("field"), text("message"))
            })
            .collect()
    }
}

/// Recipient categories as stored rows.
pub(crate) fn categories_of(
    rows: Vec<(Uuid, String, Option<String>)>,
) -> Result<HashMap<Uuid, Vec<CategoryEvidence>>> {
    let mut by_recipient: HashMap<Uuid, Vec<CategoryEvidence>> = HashMap::new();
    for (recipient, category, valid_to) in rows {
        by_recipient
            .entry(recipient)
            .or_default()
            .push(CategoryEvidence {
                category: category.parse().map_err(crate::rows::corrupt)?,
                valid_to: valid_to.as_deref().map(crate::rows::date).transpose()?,
            });
    }
    Ok(by_recipient)
}

pub(crate) fn currency_of(text: &str) -> Result<Currency> {
    text.parse().map_err(crate::rows::corrupt)
}

pub(crate) use crate::programs_sql as sql;

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/// Rules and priority categories, stored as one JSON text.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct StoredRules {
    pub rules: socert_domain::certificate::EligibilityRules,
    pub priority_categories: Vec<socert_domain::certificate::RecipientCategory>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProgramRow {
    id: Uuid,
    authority_id: Uuid,
    name_ru: String,
    name_uk: String,
    name_en: String,
    starts: String,
    ends: String,
    quota: Option<i64>,
    max_funded: Option<i64>,
    rules: String,
    value_kind: String,
    value_minor: Option<i64>,
    value_service_id: Option<Uuid>,
    value_units: Option<i64>,
    validity_months: i32,
    of_account: bool,
    live_certificates: i64,
    created_at_us: i64,
    budget_minor: i64,
    currency: String,
}

impl ProgramRow {
    pub(crate) fn id(&self) -> Uuid {
        self.id
    }

    pub(crate) fn into_domain(self, services: Vec<Uuid>) -> Result<Program> {
        use crate::rows::{corrupt, date, timestamp};
        use socert_domain::program::{CertificateTemplate, TemplateValue};
        let currency = currency_of(&self.currency)?;
        let stored: StoredRules = serde_json::from_str(&self.rules).map_err(corrupt)?;
        let service = || {
            self.value_service_id
                .map(ServiceId::from_uuid)
                .ok_or_else(|| crate::Error::Corrupt("program value without service".into()))
        };
        let value = match self.value_kind.as_str() {
            "money" => TemplateValue::Money {
                amount: Money::from_minor(self.value_minor.unwrap_or_default(), currency),
            },
            "units" => TemplateValue::Units {
                service: service()?,
                units: Units::new(self.value_units.unwrap_or_default()).map_err(corrupt)?,
            },
            "assessed" => TemplateValue::Assessed {
                service: service()?,
            },
            other => return Err(corrupt(format!("unknown value kind {other:?}"))),
        };
        let count = |n: Option<i64>| n.map(u32::try_from).transpose().map_err(corrupt);
        Ok(Program {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            spec: ProgramSpec {
                name: socert_domain::LocalizedText::new(
                    &self.name_ru,
                    &self.name_uk,
                    &self.name_en,
                )
                .map_err(corrupt)?,
                services: services.into_iter().map(ServiceId::from_uuid).collect(),
                starts: date(&self.starts)?,
                ends: date(&self.ends)?,
                quota: count(self.quota)?,
                max_funded: count(self.max_funded)?,
                rules: stored.rules,
                priority_categories: stored.priority_categories,
                template: CertificateTemplate {
                    value,
                    validity_months: u8::try_from(self.validity_months).map_err(corrupt)?,
                    of_account: self.of_account,
                },
            },
            live_certificates: self.live_certificates,
            budget: Money::from_minor(self.budget_minor, currency),
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

/// The template's value as stored: kind, money, service, units.
pub(crate) fn value_columns(
    value: &socert_domain::program::TemplateValue,
) -> (&'static str, Option<i64>, Option<Uuid>, Option<i64>) {
    use socert_domain::program::TemplateValue;
    match value {
        TemplateValue::Money { amount } => ("money", Some(amount.minor()), None, None),
        TemplateValue::Units { service, units } => {
            ("units", None, Some(service.as_uuid()), Some(units.count()))
        }
        TemplateValue::Assessed { service } => ("assessed", None, Some(service.as_uuid()), None),
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RecipientRow {
    id: Uuid,
    authority_id: Uuid,
    last_name: String,
    first_name: String,
    middle_name: String,
    birth_date: String,
    national_id_kind: String,
    national_id: String,
    municipality: String,
    address: String,
    phone: String,
    email: String,
    duplicate_of: Option<Uuid>,
    created_at_us: i64,
}

impl RecipientRow {
    pub(crate) fn into_domain(self, categories: Vec<CategoryEvidence>) -> Result<Recipient> {
        use crate::rows::{corrupt, date, timestamp};
        use socert_domain::program::{NationalId, PersonName};
        let country = match self.national_id_kind.as_str() {
            "snils" => socert_domain::Country::Russia,
            _ => socert_domain::Country::Ukraine,
        };
        Ok(Recipient {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            details: NewRecipient {
                name: PersonName::new(&self.last_name, &self.first_name, &self.middle_name)
                    .map_err(corrupt)?,
                birth_date: date(&self.birth_date)?,
                national_id: NationalId::parse(country, &self.national_id).map_err(corrupt)?,
                municipality: self.municipality,
                address: self.address,
                phone: self.phone,
                email: self.email,
                categories,
            },
            duplicate_of: self.duplicate_of,
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CertificateRow {
    id: Uuid,
    authority_id: Uuid,
    program_id: Uuid,
    recipient_id: Uuid,
    number: String,
    status: String,
    currency: String,
    value_minor: i64,
    units: Option<i64>,
    returned_minor: i64,
    valid_from: String,
    valid_to: String,
    reason: Option<String>,
    issued_at_us: i64,
    available_minor: i64,
    held_minor: i64,
}

impl CertificateRow {
    pub(crate) fn into_domain(self) -> Result<Certificate> {
        use crate::rows::{corrupt, date, timestamp};
        let currency = currency_of(&self.currency)?;
        let money = |minor| Money::from_minor(minor, currency);
        Ok(Certificate {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            program_id: self.program_id,
            recipient_id: self.recipient_id,
            number: CertificateNumber::parse(&self.number).map_err(corrupt)?,
            status: self.status.parse().map_err(corrupt)?,
            value: money(self.value_minor),
            units: self.units.map(Units::new).transpose().map_err(corrupt)?,
            returned: money(self.returned_minor),
            available: money(self.available_minor),
            held: money(self.held_minor),
            valid_from: date(&self.valid_from)?,
            valid_to: date(&self.valid_to)?,
            reason: self.reason,
            issued_at: timestamp(self.issued_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RunRecord {
    id: Uuid,
    authority_id: Uuid,
    program_id: Uuid,
    file_name: String,
    status: String,
    rows_total: i64,
    rows_done: i64,
    issued: i64,
    waitlisted: i64,
    refused: i64,
    already: i64,
    error: Option<String>,
    created_at_us: i64,
    finished_at_us: Option<i64>,
}

impl RunRecord {
    pub(crate) fn into_domain(self) -> Result<IssuanceRun> {
        use crate::rows::timestamp;
        Ok(IssuanceRun {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            program_id: self.program_id,
            file_name: self.file_name,
            status: self.status,
            rows_total: self.rows_total,
            rows_done: self.rows_done,
            issued: self.issued,
            waitlisted: self.waitlisted,
            refused: self.refused,
            already: self.already,
            error: self.error,
            created_at: timestamp(self.created_at_us)?,
            finished_at: self.finished_at_us.map(timestamp).transpose()?,
        })
    }
}

pub(crate) fn outcome_name(text: &str) -> Result<&'static str> {
    ["issued", "waitlisted", "refused", "already_issued"]
        .into_iter()
        .find(|o| *o == text)
        .ok_or_else(|| crate::rows::corrupt(format!("unknown run outcome {text:?}")))
}

pub(crate) fn waitlist_status(text: &str) -> Result<WaitlistStatus> {
    WaitlistStatus::parse(text)
        .ok_or_else(|| crate::rows::corrupt(format!("unknown waitlist status {text:?}")))
}

// ---------------------------------------------------------------------------------------------
// Implementation, expanded once per backend
// ---------------------------------------------------------------------------------------------

/// `IN (...)` over `ids`, appended to `sql`.
macro_rules! push_in {
    ($sql:expr, $ids:expr) => {{
        let mut separated = $sql.push(" IN (").separated(", ");
        for id in $ids {
            separated.push_bind(id.clone());
        }
        separated.push_unseparated(")");
    }};
}

macro_rules! impl_programs {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::programs::ProgramStore for $store {
            async fn create_program(
                &self,
                authority: socert_domain::AuthorityId,
                spec: &socert_domain::program::ProgramSpec,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::programs::Program> {
                use $crate::programs::sql;
                spec.validate()?;
                let id = uuid::Uuid::now_v7();
                let now = $crate::rows::now();
                let currency: Option<String> = sqlx::query_scalar("SELECT currency FROM authorities WHERE id = $1")
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let currency = currency.ok_or($crate::Error::NotFound { what: "authority" })?;
                if let socert_domain::program::TemplateValue::Money { amount } = &spec.template.value
                    && amount.currency().code() != currency
                {
                    return Err($crate::Error::Conflict(format!(
                        "the certificate value must be in {currency}, the authority's currency"
                    )));
                }
                let stored = $crate::programs::StoredRules {
                    rules: spec.rules.clone(),
                    priority_categories: spec.priority_categories.clone(),
                };
                let (kind, minor, service, units) = $crate::programs::value_columns(&spec.template.value);
                let mut tx = self.begin_write().await?;
                sqlx::query(sql::INSERT_PROGRAM)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .bind(spec.name.get(socert_domain::Locale::Ru))
                    .bind(spec.name.get(socert_domain::Locale::Uk))
                    .bind(spec.name.get(socert_domain::Locale::En))
                    .bind($crate::rows::date_text(spec.starts))
                    .bind($crate::rows::date_text(spec.ends))
                    .bind(spec.quota.map(i64::from))
                    .bind(spec.max_funded.map(i64::from))
                    .bind(serde_json::to_string(&stored).map_err($crate::rows::corrupt)?)
                    .bind(kind)
                    .bind(minor)
                    .bind(service)
                    .bind(units)
                    .bind(i32::from(spec.template.validity_months))
                    .bind(spec.template.of_account)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                let mut services = spec.services.clone();
                services.sort();
                services.dedup();
                for service in &services {
                    let known: Option<uuid::Uuid> = sqlx::query_scalar(
                        "SELECT id FROM services WHERE id = $1 AND authority_id = $2",
                    )
                    .bind(service.as_uuid())
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await?;
                    if known.is_none() {
                        return Err($crate::Error::NotFound { what: "service" });
                    }
                    sqlx::query(sql::INSERT_PROGRAM_SERVICE)
                        .bind(id)
                        .bind(service.as_uuid())
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query($crate::sql::OPEN_ACCOUNT)
                    .bind(uuid::Uuid::now_v7())
                    .bind(authority.as_uuid())
                    .bind(socert_domain::ledger::AccountKind::Budget.as_str())
                    .bind(id)
                    .bind(&currency)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "program.create",
                    object_kind: "program",
                    object_id: id.to_string(),
                    diff: serde_json::json!({ "after": {
                        "name_en": spec.name.get(socert_domain::Locale::En),
                        "starts": $crate::rows::date_text(spec.starts),
                        "ends": $crate::rows::date_text(spec.ends),
                        "quota": spec.quota,
                        "value_kind": kind,
                        "value_minor": minor,
                        "of_account": spec.template.of_account,
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                self.program(authority, id).await
            }

            async fn program(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::programs::Program> {
                let mut conn = self.pool.acquire().await?;
                Self::load_program(&mut *conn, authority, id).await
            }

            async fn programs(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::programs::Program>> {
                let rows: Vec<$crate::programs::ProgramRow> =
                    sqlx::query_as($crate::programs::sql::PROGRAMS_OF_AUTHORITY)
                        .bind(authority.as_uuid())
                        .fetch_all(&self.pool)
                        .await?;
                let mut programs = Vec::with_capacity(rows.len());
                for row in rows {
                    let services: Vec<uuid::Uuid> = sqlx::query_scalar($crate::programs::sql::PROGRAM_SERVICES)
                        .bind(row.id())
                        .fetch_all(&self.pool)
                        .await?;
                    programs.push(row.into_domain(services)?);
                }
                Ok(programs)
            }

            async fn fund_program(
                &self,
                authority: socert_domain::AuthorityId,
                program: uuid::Uuid,
                amount: socert_domain::Money,
                key: &socert_domain::ledger::IdempotencyKey,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::ledger::Posted> {
                use socert_domain::ledger::{AccountKind, AccountRef, Command};
                self.program(authority, program).await?;
                let command = Command::Transfer {
                    from: AccountRef::new(AccountKind::Funding, authority.as_uuid()),
                    to: AccountRef::new(AccountKind::Budget, program),
                    amount,
                    memo: Some("program budget".to_owned()),
                };
                let posted = $crate::LedgerStore::post_as(self, authority, key, &command, Some(actor)).await?;
                $crate::programs::ProgramStore::serve_waitlist(self, authority, program, today, actor).await?;
                Ok(posted)
            }

            async fn create_recipient(
                &self,
                authority: socert_domain::AuthorityId,
                new: &socert_domain::program::NewRecipient,
                override_reason: Option<&str>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::programs::Recipient> {
                let now = $crate::rows::now();
                let override_reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
                let mut tx = self.begin_write().await?;
                let suspect = Self::suspected_duplicate(&mut tx, authority, new).await?;
                let duplicate_of = match (suspect, override_reason) {
                    (None, _) => None,
                    (Some((existing, _)), Some(_)) => Some(existing),
                    (Some((existing, reason)), None) => {
                        return Err($crate::Error::DuplicateRecipient { existing, reason });
                    }
                };
                let id = uuid::Uuid::now_v7();
                Self::insert_recipient(&mut tx, authority, id, new, duplicate_of, override_reason, now).await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: if duplicate_of.is_some() { "recipient.create_duplicate" } else { "recipient.create" },
                    object_kind: "recipient",
                    object_id: id.to_string(),
                    diff: serde_json::json!({
                        "after": {
                            "national_id": new.national_id.digits(),
                            "birth_date": $crate::rows::date_text(new.birth_date),
                            "municipality": new.municipality,
                            "categories": new.categories.iter().map(|c| c.category.as_str()).collect::<Vec<_>>(),
                        },
                        "duplicate_of": duplicate_of,
                        "override_reason": override_reason.filter(|_| duplicate_of.is_some()),
                    }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok($crate::programs::Recipient {
                    id,
                    authority_id: authority,
                    details: new.clone(),
                    duplicate_of,
                    created_at: now,
                })
            }

            async fn upsert_recipients(
                &self,
                authority: socert_domain::AuthorityId,
                people: &[socert_domain::program::NewRecipient],
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<Vec<$crate::programs::Upserted>> {
                use $crate::programs::Upserted;
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                // Who is already on file, by national id and by name, in two queries.
                let mut by_id: std::collections::HashMap<String, (uuid::Uuid, String, String)> = Default::default();
                let mut by_name: std::collections::HashMap<(String, String), uuid::Uuid> = Default::default();
                for chunk in people.chunks(500) {
                    // The authority is checked in Rust, not in SQL: see `persons`.
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "SELECT id, authority_id, national_id, name_key, birth_date FROM recipients WHERE national_id",
                    );
                    let ids: Vec<String> = chunk.iter().map(|p| p.national_id.digits().to_owned()).collect();
                    $crate::programs::push_in!(sql, ids.iter());
                    sql.push(" ORDER BY id");
                    let rows: Vec<(uuid::Uuid, uuid::Uuid, String, String, String)> =
                        sql.build_query_as().fetch_all(&mut *tx).await?;
                    for (id, _, national_id, name_key, birth) in rows.into_iter().filter(|r| r.1 == authority.as_uuid()) {
                        by_id.entry(national_id).or_insert((id, name_key, birth));
                    }
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "SELECT id, authority_id, name_key, birth_date FROM recipients WHERE name_key",
                    );
                    let names: Vec<String> = chunk.iter().map(|p| p.name.key()).collect();
                    $crate::programs::push_in!(sql, names.iter());
                    sql.push(" ORDER BY id");
                    let rows: Vec<(uuid::Uuid, uuid::Uuid, String, String)> =
                        sql.build_query_as().fetch_all(&mut *tx).await?;
                    for (id, _, name_key, birth) in rows.into_iter().filter(|r| r.1 == authority.as_uuid()) {
                        by_name.entry((name_key, birth)).or_insert(id);
                    }
                }
                let mut outcomes = Vec::with_capacity(people.len());
                let mut created = Vec::new();
                for person in people {
                    let name_key = person.name.key();
                    let birth = $crate::rows::date_text(person.birth_date);
                    let outcome = match by_id.get(person.national_id.digits()) {
                        Some((id, key, born)) if *key == name_key && *born == birth => Upserted::Existing(*id),
                        Some((id, _, _)) => Upserted::SuspectedDuplicate {
                            existing: *id,
                            reason: $crate::programs::DuplicateReason::OtherPersonWithId,
                        },
                        None => match by_name.get(&(name_key.clone(), birth.clone())) {
                            Some(id) => Upserted::SuspectedDuplicate {
                                existing: *id,
                                reason: $crate::programs::DuplicateReason::SamePersonOtherId,
                            },
                            None => {
                                let id = uuid::Uuid::now_v7();
                                created.push((id, person));
                                // A later row of the same batch matches this one.
                                by_id.insert(person.national_id.digits().to_owned(), (id, name_key.clone(), birth.clone()));
                                by_name.insert((name_key, birth), id);
                                Upserted::Created(id)
                            }
                        },
                    };
                    outcomes.push(outcome);
                }
                for chunk in created.chunks(400) {
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO recipients (id, authority_id, last_name, first_name, middle_name, name_key, \
                         birth_date, national_id_kind, national_id, municipality, address, phone, email, \
                         duplicate_of, duplicate_reason, created_at_us, updated_at_us) ",
                    );
                    sql.push_values(chunk, |mut row, (id, p)| {
                        row.push_bind(*id)
                            .push_bind(authority.as_uuid())
                            .push_bind(p.name.last.clone())
                            .push_bind(p.name.first.clone())
                            .push_bind(p.name.middle.clone())
                            .push_bind(p.name.key())
                            .push_bind($crate::rows::date_text(p.birth_date))
                            .push_bind(p.national_id.kind())
                            .push_bind(p.national_id.digits().to_owned())
                            .push_bind(p.municipality.clone())
                            .push_bind(p.address.clone())
                            .push_bind(p.phone.clone())
                            .push_bind(p.email.clone())
                            .push_bind(None::<uuid::Uuid>)
                            .push_bind(None::<String>)
                            .push_bind($crate::rows::micros(now))
                            .push_bind($crate::rows::micros(now));
                    });
                    sql.build().execute(&mut *tx).await?;
                }
                let categories: Vec<(uuid::Uuid, &'static str, Option<String>)> = created
                    .iter()
                    .flat_map(|(id, p)| {
                        let mut seen = std::collections::HashSet::new();
                        p.categories
                            .iter()
                            .filter(move |c| seen.insert(c.category))
                            .map(move |c| (*id, c.category.as_str(), c.valid_to.map($crate::rows::date_text)))
                    })
                    .collect();
                for chunk in categories.chunks(1000) {
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO recipient_categories (recipient_id, category, valid_to) ",
                    );
                    sql.push_values(chunk, |mut row, (id, category, valid_to)| {
                        row.push_bind(*id).push_bind(*category).push_bind(valid_to.clone());
                    });
                    sql.build().execute(&mut *tx).await?;
                }
                if !created.is_empty() {
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "recipient.import",
                        object_kind: "recipient",
                        object_id: format!("{} recipients", created.len()),
                        diff: serde_json::json!({
                            "created": created.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>(),
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                }
                tx.commit().await?;
                Ok(outcomes)
            }

            async fn recipient_file(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::programs::RecipientFile> {
                use $crate::programs::sql;
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let recipient = Self::load_recipient(&mut tx, authority, id).await?;
                let representatives: Vec<(uuid::Uuid, uuid::Uuid, String, String, String, Option<String>)> =
                    sqlx::query_as(sql::REPRESENTATIVES_OF).bind(id).fetch_all(&mut *tx).await?;
                let representatives = representatives
                    .into_iter()
                    .map(|(id, recipient_id, full_name, relation, power_document, valid_to)| {
                        Ok($crate::programs::Representative {
                            id,
                            recipient_id,
                            details: $crate::programs::NewRepresentative {
                                full_name,
                                relation: relation.parse().map_err($crate::rows::corrupt)?,
                                power_document,
                                valid_to: valid_to.as_deref().map($crate::rows::date).transpose()?,
                            },
                        })
                    })
                    .collect::<$crate::Result<Vec<_>>>()?;
                let assessments: Vec<(uuid::Uuid, uuid::Uuid, uuid::Uuid, i64, String, String, String)> =
                    sqlx::query_as(sql::ASSESSMENTS_OF).bind(id).fetch_all(&mut *tx).await?;
                let assessments = assessments
                    .into_iter()
                    .map(|(id, recipient_id, service, units, from, to, source_document)| {
                        Ok($crate::programs::Assessment {
                            id,
                            recipient_id,
                            details: $crate::programs::NewAssessment {
                                service_id: socert_domain::ServiceId::from_uuid(service),
                                units_per_month: socert_domain::Units::new(units).map_err($crate::rows::corrupt)?,
                                valid_from: $crate::rows::date(&from)?,
                                valid_to: $crate::rows::date(&to)?,
                                source_document,
                            },
                        })
                    })
                    .collect::<$crate::Result<Vec<_>>>()?;
                // Reading a person's file is itself recorded: who looked, when, at whom.
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "recipient.read",
                    object_kind: "recipient",
                    object_id: id.to_string(),
                    diff: serde_json::json!({}),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok($crate::programs::RecipientFile { recipient, representatives, assessments })
            }

            async fn add_representative(
                &self,
                authority: socert_domain::AuthorityId,
                recipient: uuid::Uuid,
                new: &$crate::programs::NewRepresentative,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::programs::Representative> {
                let now = $crate::rows::now();
                let id = uuid::Uuid::now_v7();
                let mut tx = self.begin_write().await?;
                Self::require_recipient(&mut tx, authority, recipient).await?;
                sqlx::query($crate::programs::sql::INSERT_REPRESENTATIVE)
                    .bind(id)
                    .bind(recipient)
                    .bind(&new.full_name)
                    .bind(new.relation.as_str())
                    .bind(&new.power_document)
                    .bind(new.valid_to.map($crate::rows::date_text))
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "recipient.add_representative",
                    object_kind: "recipient",
                    object_id: recipient.to_string(),
                    diff: serde_json::json!({ "after": {
                        "representative_id": id,
                        "full_name": new.full_name,
                        "relation": new.relation.as_str(),
                        "power_document": new.power_document,
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok($crate::programs::Representative { id, recipient_id: recipient, details: new.clone() })
            }

            async fn add_assessment(
                &self,
                authority: socert_domain::AuthorityId,
                recipient: uuid::Uuid,
                new: &$crate::programs::NewAssessment,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::programs::Assessment> {
                socert_domain::program::check_assessment(new.valid_from, new.valid_to, new.units_per_month)?;
                let now = $crate::rows::now();
                let id = uuid::Uuid::now_v7();
                let mut tx = self.begin_write().await?;
                Self::require_recipient(&mut tx, authority, recipient).await?;
                let known: Option<uuid::Uuid> =
                    sqlx::query_scalar("SELECT id FROM services WHERE id = $1 AND authority_id = $2")
                        .bind(new.service_id.as_uuid())
                        .bind(authority.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?;
                known.ok_or($crate::Error::NotFound { what: "service" })?;
                sqlx::query($crate::programs::sql::INSERT_ASSESSMENT)
                    .bind(id)
                    .bind(recipient)
                    .bind(new.service_id.as_uuid())
                    .bind(new.units_per_month.count())
                    .bind($crate::rows::date_text(new.valid_from))
                    .bind($crate::rows::date_text(new.valid_to))
                    .bind(&new.source_document)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "recipient.add_assessment",
                    object_kind: "recipient",
                    object_id: recipient.to_string(),
                    diff: serde_json::json!({ "after": {
                        "assessment_id": id,
                        "service_id": new.service_id.as_uuid(),
                        "units_per_month": new.units_per_month.count(),
                        "valid_from": $crate::rows::date_text(new.valid_from),
                        "valid_to": $crate::rows::date_text(new.valid_to),
                    } }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok($crate::programs::Assessment { id, recipient_id: recipient, details: new.clone() })
            }

            async fn issue(
                &self,
                authority: socert_domain::AuthorityId,
                program: uuid::Uuid,
                recipients: &[uuid::Uuid],
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<Vec<$crate::programs::IssueOutcome>> {
                let mut attempt = 1;
                loop {
                    let result = async {
                        let mut tx = self.begin_write().await?;
                        let (outcomes, _) = self.issue_step(&mut tx, authority, program, recipients, today, actor).await?;
                        tx.commit().await?;
                        $crate::Result::Ok(outcomes)
                    }
                    .await;
                    match result {
                        Err(err) if attempt < $crate::ledger::MAX_ATTEMPTS && $crate::ledger::is_transient(&err) => {
                            tokio::time::sleep($crate::ledger::backoff(attempt)).await;
                            attempt += 1;
                        }
                        result => return result,
                    }
                }
            }

            async fn serve_waitlist(
                &self,
                authority: socert_domain::AuthorityId,
                program: uuid::Uuid,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<usize> {
                let mut served = 0;
                loop {
                    let mut tx = self.begin_write().await?;
                    let (_, step) = self.issue_step(&mut tx, authority, program, &[], today, actor).await?;
                    tx.commit().await?;
                    served += step.served;
                    // A full page served: more may be waiting behind it.
                    if !step.page_exhausted {
                        return Ok(served);
                    }
                }
            }

            async fn certificate(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::programs::Certificate> {
                let row: Option<$crate::programs::CertificateRow> =
                    sqlx::query_as($crate::programs::sql::GET_CERTIFICATE)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .fetch_optional(&self.pool)
                        .await?;
                row.ok_or($crate::Error::NotFound { what: "certificate" })?.into_domain()
            }

            async fn certificate_by_number(
                &self,
                authority: socert_domain::AuthorityId,
                number: &socert_domain::CertificateNumber,
            ) -> $crate::Result<$crate::programs::Certificate> {
                let row: Option<$crate::programs::CertificateRow> =
                    sqlx::query_as($crate::programs::sql::CERTIFICATE_BY_NUMBER)
                        .bind(number.as_str())
                        .bind(authority.as_uuid())
                        .fetch_optional(&self.pool)
                        .await?;
                row.ok_or($crate::Error::NotFound { what: "certificate" })?.into_domain()
            }

            async fn certificates_of_recipient(
                &self,
                authority: socert_domain::AuthorityId,
                recipient: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::programs::Certificate>> {
                let rows: Vec<$crate::programs::CertificateRow> =
                    sqlx::query_as($crate::programs::sql::CERTIFICATES_OF_RECIPIENT)
                        .bind(recipient)
                        .bind(authority.as_uuid())
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn certificates_of_program(
                &self,
                authority: socert_domain::AuthorityId,
                program: uuid::Uuid,
                page: &$crate::PageRequest<uuid::Uuid>,
            ) -> $crate::Result<$crate::Page<$crate::programs::Certificate, uuid::Uuid>> {
                let rows: Vec<$crate::programs::CertificateRow> =
                    sqlx::query_as($crate::programs::sql::CERTIFICATES_OF_PROGRAM)
                        .bind(program)
                        .bind(authority.as_uuid())
                        .bind(page.after)
                        .bind(i64::from(page.limit) + 1)
                        .fetch_all(&self.pool)
                        .await?;
                let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
                let mut items = rows.into_iter().map(|r| r.into_domain()).collect::<$crate::Result<Vec<_>>>()?;
                let has_more = items.len() > limit;
                items.truncate(limit);
                let next = if has_more { items.last().map(|c| c.id) } else { None };
                Ok($crate::Page { items, next })
            }

            async fn waitlist(
                &self,
                authority: socert_domain::AuthorityId,
                program: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::programs::WaitlistItem>> {
                self.program(authority, program).await?;
                let rows: Vec<(uuid::Uuid, uuid::Uuid, bool, i64, String, Option<uuid::Uuid>, Option<String>)> =
                    sqlx::query_as($crate::programs::sql::WAITLIST_OF_PROGRAM)
                        .bind(program)
                        .bind(authority.as_uuid())
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter()
                    .map(|(id, recipient_id, priority, at, status, certificate_id, reason)| {
                        Ok($crate::programs::WaitlistItem {
                            id,
                            recipient_id,
                            priority,
                            requested_at: $crate::rows::timestamp(at)?,
                            status: $crate::programs::waitlist_status(&status)?,
                            certificate_id,
                            reason,
                        })
                    })
                    .collect()
            }

            async fn revoke_certificate(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                reason: &str,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::programs::Certificate> {
                let program = self
                    .close_certificate(authority, id, socert_domain::CertificateEvent::Revoke, Some(reason), actor)
                    .await?;
                $crate::programs::ProgramStore::serve_waitlist(self, authority, program, today, actor).await?;
                $crate::programs::ProgramStore::certificate(self, authority, id).await
            }

            async fn expire_certificates(
                &self,
                authority: socert_domain::AuthorityId,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<usize> {
                let mut expired = 0;
                let mut programs = std::collections::BTreeSet::new();
                loop {
                    let due: Vec<uuid::Uuid> = sqlx::query_scalar($crate::programs::sql::DUE_TO_EXPIRE)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(today))
                        .fetch_all(&self.pool)
                        .await?;
                    if due.is_empty() {
                        break;
                    }
                    for id in due {
                        let program = self
                            .close_certificate(authority, id, socert_domain::CertificateEvent::Expire, None, actor)
                            .await?;
                        programs.insert(program);
                        expired += 1;
                    }
                }
                for program in programs {
                    $crate::programs::ProgramStore::serve_waitlist(self, authority, program, today, actor).await?;
                }
                Ok(expired)
            }

            async fn create_run(
                &self,
                authority: socert_domain::AuthorityId,
                program: uuid::Uuid,
                file_name: &str,
                rows_total: i64,
            ) -> $crate::Result<$crate::programs::IssuanceRun> {
                self.program(authority, program).await?;
                let id = uuid::Uuid::now_v7();
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::programs::sql::INSERT_RUN)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .bind(program)
                    .bind(file_name)
                    .bind(rows_total)
                    .bind($crate::rows::micros($crate::rows::now()))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                $crate::programs::ProgramStore::run(self, authority, id).await
            }

            async fn record_run_rows(
                &self,
                run: uuid::Uuid,
                rows: &[$crate::programs::RunRow],
            ) -> $crate::Result<()> {
                let count = |outcome: &str| rows.iter().filter(|r| r.outcome == outcome).count() as i64;
                let mut tx = self.begin_write().await?;
                for chunk in rows.chunks(1000) {
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO issuance_run_rows (run_id, line, outcome, recipient_id, certificate_number, detail) ",
                    );
                    sql.push_values(chunk, |mut row, r| {
                        row.push_bind(run)
                            .push_bind(r.line)
                            .push_bind(r.outcome)
                            .push_bind(r.recipient_id)
                            .push_bind(r.certificate_number.clone())
                            .push_bind(r.detail.clone());
                    });
                    sql.build().execute(&mut *tx).await?;
                }
                sqlx::query($crate::programs::sql::ADD_TO_RUN)
                    .bind(run)
                    .bind(rows.len() as i64)
                    .bind(count("issued"))
                    .bind(count("waitlisted"))
                    .bind(count("refused"))
                    .bind(count("already_issued"))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn finish_run(&self, run: uuid::Uuid, error: Option<&str>) -> $crate::Result<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query($crate::programs::sql::FINISH_RUN)
                    .bind(run)
                    .bind(if error.is_some() { "failed" } else { "done" })
                    .bind(error)
                    .bind($crate::rows::micros($crate::rows::now()))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn interrupt_running_runs(&self) -> $crate::Result<u64> {
                let mut tx = self.begin_write().await?;
                let interrupted = sqlx::query(
                    "UPDATE issuance_runs SET status = 'failed', error = $1, finished_at_us = $2 WHERE status = 'running'",
                )
                .bind("interrupted by a restart; upload the file again to finish (nothing is issued twice)")
                .bind($crate::rows::micros($crate::rows::now()))
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok(interrupted)
            }

            async fn run(
                &self,
                authority: socert_domain::AuthorityId,
                run: uuid::Uuid,
            ) -> $crate::Result<$crate::programs::IssuanceRun> {
                let row: Option<$crate::programs::RunRecord> = sqlx::query_as($crate::programs::sql::GET_RUN)
                    .bind(run)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                row.ok_or($crate::Error::NotFound { what: "issuance run" })?.into_domain()
            }

            async fn run_rows(
                &self,
                authority: socert_domain::AuthorityId,
                run: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::programs::RunRow>> {
                $crate::programs::ProgramStore::run(self, authority, run).await?;
                let rows: Vec<(i64, String, Option<uuid::Uuid>, Option<String>, String)> =
                    sqlx::query_as($crate::programs::sql::RUN_ROWS)
                        .bind(run)
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter()
                    .map(|(line, outcome, recipient_id, certificate_number, detail)| {
                        Ok($crate::programs::RunRow {
                            line,
                            outcome: $crate::programs::outcome_name(&outcome)?,
                            recipient_id,
                            certificate_number,
                            detail,
                        })
                    })
                    .collect()
            }

            async fn verify_programs(
                &self,
                authority: Option<socert_domain::AuthorityId>,
            ) -> $crate::Result<Vec<$crate::ledger::Violation>> {
                use $crate::ledger::Violation;
                let scope = authority.map(|a| a.as_uuid());
                let mut violations = Vec::new();
                let budgets: Vec<(uuid::Uuid, i64, i64, i64)> =
                    sqlx::query_as($crate::programs::sql::V_PROGRAM_BUDGETS)
                        .bind(scope)
                        .fetch_all(&self.pool)
                        .await?;
                for (program, budget, allocated, funded) in budgets {
                    violations.push(Violation {
                        rule: "program_budget_mismatch",
                        subject: format!("program {program}"),
                        detail: format!(
                            "funded {funded} but budget left {budget} + held by certificates {allocated} = {}",
                            budget + allocated
                        ),
                    });
                }
                let certificates: Vec<(uuid::Uuid, i64, i64, i64, i64)> =
                    sqlx::query_as($crate::programs::sql::V_CERTIFICATES)
                        .bind(scope)
                        .fetch_all(&self.pool)
                        .await?;
                for (certificate, net, available, held, spent) in certificates {
                    violations.push(Violation {
                        rule: "certificate_mismatch",
                        subject: format!("certificate {certificate}"),
                        detail: format!(
                            "issued minus returned is {net} but available {available} + held {held} + spent {spent} = {}",
                            available + held + spent
                        ),
                    });
                }
                Ok(violations)
            }

            async fn recipient_by_national_id(
                &self,
                authority: socert_domain::AuthorityId,
                national_id: &socert_domain::program::NationalId,
            ) -> $crate::Result<Option<uuid::Uuid>> {
                let found: Option<(uuid::Uuid, String, String)> =
                    sqlx::query_as($crate::programs::sql::SAME_NATIONAL_ID)
                        .bind(authority.as_uuid())
                        .bind(national_id.digits())
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(found.map(|(id, _, _)| id))
            }
        }

        impl $store {
            async fn load_program(
                conn: &mut <$db as sqlx::Database>::Connection,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::programs::Program> {
                let row: Option<$crate::programs::ProgramRow> = sqlx::query_as($crate::programs::sql::GET_PROGRAM)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut *conn)
                    .await?;
                let row = row.ok_or($crate::Error::NotFound { what: "program" })?;
                let services: Vec<uuid::Uuid> = sqlx::query_scalar($crate::programs::sql::PROGRAM_SERVICES)
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await?;
                row.into_domain(services)
            }

            async fn load_recipient(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::programs::Recipient> {
                let row: Option<$crate::programs::RecipientRow> = sqlx::query_as($crate::programs::sql::GET_RECIPIENT)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut **tx)
                    .await?;
                let row = row.ok_or($crate::Error::NotFound { what: "recipient" })?;
                let categories: Vec<(uuid::Uuid, String, Option<String>)> =
                    sqlx::query_as($crate::programs::sql::CATEGORIES_OF_RECIPIENT)
                        .bind(id)
                        .fetch_all(&mut **tx)
                        .await?;
                let mut categories = $crate::programs::categories_of(categories)?;
                row.into_domain(categories.remove(&id).unwrap_or_default())
            }

            async fn require_recipient(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<()> {
                let found: Option<uuid::Uuid> = sqlx::query_scalar($crate::programs::sql::RECIPIENT_EXISTS)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut **tx)
                    .await?;
                found.map(|_| ()).ok_or($crate::Error::NotFound { what: "recipient" })
            }

            /// Someone on file this person may be: same national id, or same name and birth date.
            async fn suspected_duplicate(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                new: &socert_domain::program::NewRecipient,
            ) -> $crate::Result<Option<(uuid::Uuid, &'static str)>> {
                let same_id: Option<(uuid::Uuid, String, String)> =
                    sqlx::query_as($crate::programs::sql::SAME_NATIONAL_ID)
                        .bind(authority.as_uuid())
                        .bind(new.national_id.digits())
                        .fetch_optional(&mut **tx)
                        .await?;
                if let Some((existing, _, _)) = same_id {
                    return Ok(Some((existing, "a recipient with this national id is already on file")));
                }
                let same_name: Option<uuid::Uuid> = sqlx::query_scalar($crate::programs::sql::SAME_NAME_AND_BIRTH)
                    .bind(authority.as_uuid())
                    .bind(new.name.key())
                    .bind($crate::rows::date_text(new.birth_date))
                    .fetch_optional(&mut **tx)
                    .await?;
                Ok(same_name.map(|existing| {
                    (existing, "a recipient with the same name and birth date is already on file")
                }))
            }

            #[allow(clippy::too_many_arguments)]
            async fn insert_recipient(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                new: &socert_domain::program::NewRecipient,
                duplicate_of: Option<uuid::Uuid>,
                duplicate_reason: Option<&str>,
                now: socert_domain::Timestamp,
            ) -> $crate::Result<()> {
                sqlx::query($crate::programs::sql::INSERT_RECIPIENT)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .bind(&new.name.last)
                    .bind(&new.name.first)
                    .bind(&new.name.middle)
                    .bind(new.name.key())
                    .bind($crate::rows::date_text(new.birth_date))
                    .bind(new.national_id.kind())
                    .bind(new.national_id.digits())
                    .bind(&new.municipality)
                    .bind(&new.address)
                    .bind(&new.phone)
                    .bind(&new.email)
                    .bind(duplicate_of)
                    .bind(duplicate_reason.filter(|_| duplicate_of.is_some()))
                    .bind($crate::rows::micros(now))
                    .execute(&mut **tx)
                    .await?;
                let mut seen = std::collections::HashSet::new();
                for evidence in new.categories.iter().filter(|c| seen.insert(c.category)) {
                    sqlx::query($crate::programs::sql::INSERT_CATEGORY)
                        .bind(id)
                        .bind(evidence.category.as_str())
                        .bind(evidence.valid_to.map($crate::rows::date_text))
                        .execute(&mut **tx)
                        .await?;
                }
                Ok(())
            }

            /// Birth date, municipality and categories of `ids` in `authority`.
            async fn persons(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                ids: &[uuid::Uuid],
            ) -> $crate::Result<std::collections::HashMap<uuid::Uuid, socert_domain::certificate::Person>> {
                let mut persons = std::collections::HashMap::with_capacity(ids.len());
                for chunk in ids.chunks(500) {
                    // By id only, the authority checked below: with statistics from when the
                    // table was small (bulk loads outrun autovacuum), `authority_id = $1` looks so
                    // selective to PostgreSQL that it scans the table instead of probing ids.
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "SELECT id, authority_id, birth_date, municipality FROM recipients WHERE id",
                    );
                    $crate::programs::push_in!(sql, chunk.iter());
                    let rows: Vec<(uuid::Uuid, uuid::Uuid, String, String)> = sql.build_query_as().fetch_all(&mut **tx).await?;
                    let rows = rows.into_iter().filter(|r| r.1 == authority.as_uuid()).map(|(id, _, birth, municipality)| (id, birth, municipality));
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "SELECT recipient_id, category, valid_to FROM recipient_categories WHERE recipient_id",
                    );
                    $crate::programs::push_in!(sql, chunk.iter());
                    let categories: Vec<(uuid::Uuid, String, Option<String>)> =
                        sql.build_query_as().fetch_all(&mut **tx).await?;
                    let mut categories = $crate::programs::categories_of(categories)?;
                    for (id, birth, municipality) in rows {
                        persons.insert(id, socert_domain::certificate::Person {
                            birth_date: $crate::rows::date(&birth)?,
                            municipality,
                            categories: categories.remove(&id).unwrap_or_default(),
                        });
                    }
                }
                Ok(persons)
            }

            /// One issuance step inside `tx` (see the module documentation).
            async fn issue_step(
                &self,
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                program_id: uuid::Uuid,
                requests: &[uuid::Uuid],
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<(Vec<$crate::programs::IssueOutcome>, $crate::programs::StepSummary)> {
                use $crate::programs::{sql, InLine, IssueOutcome, NotIssued, Step};
                use socert_domain::certificate::WaitlistEntry;
                const QUEUE_PAGE: i64 = 1000;
                let now = $crate::rows::now();
                let locked: Option<uuid::Uuid> = sqlx::query_scalar(sql::LOCK_PROGRAM)
                    .bind(program_id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut **tx)
                    .await?;
                locked.ok_or($crate::Error::NotFound { what: "program" })?;
                let program = Self::load_program(&mut **tx, authority, program_id).await?;
                let spec = &program.spec;
                let (budget_id, budget_minor, currency): (uuid::Uuid, i64, String) = sqlx::query_as(sql::LOCK_BUDGET)
                    .bind(authority.as_uuid())
                    .bind(program_id)
                    .fetch_one(&mut **tx)
                    .await?;
                let currency = $crate::programs::currency_of(&currency)?;

                // Who is asking, who already holds a certificate, who is waiting.
                let mut unique_requests: Vec<uuid::Uuid> = requests.to_vec();
                unique_requests.sort();
                unique_requests.dedup();
                let requested = Self::persons(tx, authority, &unique_requests).await?;
                let mut holding: std::collections::HashMap<uuid::Uuid, uuid::Uuid> = Default::default();
                for chunk in unique_requests.chunks(500) {
                    // By person only (each has a few certificates), then the program in Rust: a
                    // filter on the program could lead the planner to scan all of its certificates.
                    let mut q = sqlx::QueryBuilder::<$db>::new(
                        "SELECT recipient_id, id, program_id FROM certificates WHERE status IN ('draft', 'issued', 'active', 'exhausted') AND recipient_id",
                    );
                    $crate::programs::push_in!(q, chunk.iter());
                    let rows: Vec<(uuid::Uuid, uuid::Uuid, uuid::Uuid)> = q.build_query_as().fetch_all(&mut **tx).await?;
                    holding.extend(rows.into_iter().filter(|(_, _, p)| *p == program_id).map(|(r, c, _)| (r, c)));
                }
                let queue: Vec<(uuid::Uuid, uuid::Uuid, bool, i64)> = sqlx::query_as(sql::WAITING)
                    .bind(program_id)
                    .bind(QUEUE_PAGE)
                    .fetch_all(&mut **tx)
                    .await?;
                let page_full = queue.len() as i64 == QUEUE_PAGE;
                let queued_ids: Vec<uuid::Uuid> = queue.iter().map(|q| q.1).collect();
                let mut queued_persons = Self::persons(tx, authority, &queued_ids).await?;

                let mut line = Vec::new();
                let mut in_line = std::collections::HashSet::new();
                for (entry, recipient, priority, at) in &queue {
                    let Some(person) = queued_persons.remove(recipient) else { continue };
                    in_line.insert(*recipient);
                    line.push(InLine {
                        recipient: *recipient,
                        person,
                        entry: WaitlistEntry { priority: *priority, requested_at: $crate::rows::timestamp(*at)?, id: *entry },
                        stored: true,
                        assessed_per_month: None,
                    });
                }
                for recipient in &unique_requests {
                    if holding.contains_key(recipient) || in_line.contains(recipient) {
                        continue;
                    }
                    let Some(person) = requested.get(recipient) else { continue };
                    // A person already waiting beyond the page read keeps their place (when the
                    // page was not full, it held everyone waiting).
                    let waiting: Option<(uuid::Uuid, bool, i64)> = if !page_full { None } else { sqlx::query_as(
                        "SELECT id, priority, requested_at_us FROM waitlist WHERE program_id = $1 AND recipient_id = $2 AND status = 'waiting'",
                    )
                    .bind(program_id)
                    .bind(*recipient)
                    .fetch_optional(&mut **tx)
                    .await? };
                    let (entry, stored) = match waiting {
                        Some((id, priority, at)) => (WaitlistEntry { priority, requested_at: $crate::rows::timestamp(at)?, id }, true),
                        None => (WaitlistEntry { priority: spec.is_priority(person, today), requested_at: now, id: uuid::Uuid::now_v7() }, false),
                    };
                    in_line.insert(*recipient);
                    line.push(InLine { recipient: *recipient, person: person.clone(), entry, stored, assessed_per_month: None });
                }

                // What the certificates are worth.
                let service = spec.template.value.service();
                let normative: Option<socert_domain::Money> = match service {
                    Some(service) => sqlx::query_scalar::<_, i64>(sql::NORMATIVE_ON)
                        .bind(service.as_uuid())
                        .bind($crate::rows::date_text(today))
                        .fetch_optional(&mut **tx)
                        .await?
                        .map(|minor| socert_domain::Money::from_minor(minor, currency)),
                    None => None,
                };
                if let (Some(service), socert_domain::program::TemplateValue::Assessed { .. }) = (service, &spec.template.value) {
                    let ids: Vec<uuid::Uuid> = line.iter().map(|p| p.recipient).collect();
                    let mut assessed: std::collections::HashMap<uuid::Uuid, i64> = Default::default();
                    for chunk in ids.chunks(500) {
                        let mut q = sqlx::QueryBuilder::<$db>::new(
                            "SELECT recipient_id, MAX(units_per_month) FROM need_assessments WHERE service_id = ",
                        );
                        q.push_bind(service.as_uuid())
                            .push(" AND valid_from <= ")
                            .push_bind($crate::rows::date_text(today))
                            .push(" AND valid_to >= ")
                            .push_bind($crate::rows::date_text(today))
                            .push(" AND recipient_id");
                        $crate::programs::push_in!(q, chunk.iter());
                        q.push(" GROUP BY recipient_id");
                        let rows: Vec<(uuid::Uuid, i64)> = q.build_query_as().fetch_all(&mut **tx).await?;
                        assessed.extend(rows);
                    }
                    for person in &mut line {
                        person.assessed_per_month = assessed.get(&person.recipient).and_then(|u| socert_domain::Units::new(*u).ok());
                    }
                }

                let line = $crate::programs::into_order(line);
                let quota_left = spec.quota.map(|q| i64::from(q) - program.live_certificates);
                let budget_left = socert_domain::Money::from_minor(budget_minor, currency);
                let steps = $crate::programs::plan(spec, &line, quota_left, budget_left, normative, today)?;

                // Certificates for those served.
                let served: Vec<(usize, socert_domain::program::IssuedValue)> = steps
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| match s { Step::Issue(v) => Some((i, *v)), _ => None })
                    .collect();
                let (valid_from, valid_to) = spec.validity(today)?;
                let status = socert_domain::CertificateStatus::Draft
                    .apply(socert_domain::CertificateEvent::Issue, None)?
                    .apply(socert_domain::CertificateEvent::Activate, None)?;
                let mut issued: std::collections::HashMap<usize, $crate::programs::Certificate> = Default::default();
                if !served.is_empty() {
                    let region: String = sqlx::query_scalar(sql::REGION_OF_AUTHORITY)
                        .bind(authority.as_uuid())
                        .fetch_one(&mut **tx)
                        .await?;
                    let year = today.year();
                    let count = served.len() as i64;
                    let last: i64 = sqlx::query_scalar(sql::TAKE_SERIALS)
                        .bind(authority.as_uuid())
                        .bind(i32::from(year))
                        .bind(count)
                        .fetch_one(&mut **tx)
                        .await
                        .map_err(|err| match err.as_database_error() {
                            Some(db) if db.is_check_violation() => $crate::Error::Conflict(format!(
                                "certificate numbers for {year} are used up (999 999 per region and year)"
                            )),
                            _ => err.into(),
                        })?;
                    for (k, (i, value)) in served.iter().enumerate() {
                        let serial = u32::try_from(last - count + 1 + k as i64).map_err($crate::rows::corrupt)?;
                        let number = socert_domain::CertificateNumber::new(&region, year, serial)?;
                        issued.insert(*i, $crate::programs::Certificate {
                            id: uuid::Uuid::now_v7(),
                            authority_id: authority,
                            program_id,
                            recipient_id: line[*i].recipient,
                            number,
                            status,
                            value: value.money,
                            units: value.units,
                            returned: socert_domain::Money::from_minor(0, currency),
                            available: value.money,
                            held: socert_domain::Money::from_minor(0, currency),
                            valid_from,
                            valid_to,
                            reason: None,
                            issued_at: now,
                        });
                    }
                    let mut certificates: Vec<&$crate::programs::Certificate> = issued.values().collect();
                    certificates.sort_by_key(|c| c.id);
                    self.write_certificates(tx, authority, budget_id, &certificates, currency, now).await?;
                    let counted = sqlx::query(sql::COUNT_LIVE)
                        .bind(program_id)
                        .bind(count)
                        .bind($crate::rows::micros(now))
                        .execute(&mut **tx)
                        .await?
                        .rows_affected();
                    if counted == 0 {
                        return Err($crate::Error::Corrupt("the quota count moved under the program lock".into()));
                    }
                }

                // The line as it now stands.
                let mut position = 0_i64;
                let mut by_recipient: std::collections::HashMap<uuid::Uuid, IssueOutcome> = Default::default();
                let mut waitlisted = 0_usize;
                let mut refused = 0_usize;
                let mut served_from_queue = 0_usize;
                for (i, (person, step)) in line.iter().zip(&steps).enumerate() {
                    let outcome = match step {
                        Step::Issue(_) => {
                            let certificate = issued.remove(&i).ok_or_else(|| $crate::Error::Corrupt("lost certificate".into()))?;
                            if person.stored {
                                served_from_queue += 1;
                                sqlx::query(sql::SET_WAITLIST)
                                    .bind(person.entry.id)
                                    .bind($crate::programs::WaitlistStatus::Offered.as_str())
                                    .bind(Some(certificate.id))
                                    .bind(None::<String>)
                                    .bind($crate::rows::micros(now))
                                    .execute(&mut **tx)
                                    .await?;
                            }
                            IssueOutcome::Issued(certificate)
                        }
                        Step::Wait => {
                            position += 1;
                            waitlisted += 1;
                            if !person.stored {
                                sqlx::query(
                                    "INSERT INTO waitlist (id, authority_id, program_id, recipient_id, priority, requested_at_us, \
                                     status, certificate_id, reason, updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', NULL, NULL, $6)",
                                )
                                .bind(person.entry.id)
                                .bind(authority.as_uuid())
                                .bind(program_id)
                                .bind(person.recipient)
                                .bind(person.entry.priority)
                                .bind($crate::rows::micros(person.entry.requested_at))
                                .execute(&mut **tx)
                                .await?;
                            }
                            IssueOutcome::Waitlisted { entry: person.entry.id, position }
                        }
                        Step::Refuse(why) => {
                            refused += 1;
                            if person.stored {
                                // No longer eligible when their turn came: they leave the line.
                                sqlx::query(sql::SET_WAITLIST)
                                    .bind(person.entry.id)
                                    .bind($crate::programs::WaitlistStatus::Expired.as_str())
                                    .bind(None::<uuid::Uuid>)
                                    .bind(Some("no longer eligible"))
                                    .bind($crate::rows::micros(now))
                                    .execute(&mut **tx)
                                    .await?;
                            }
                            IssueOutcome::Refused(why.clone())
                        }
                    };
                    by_recipient.insert(person.recipient, outcome);
                }

                let mut outcomes = Vec::with_capacity(requests.len());
                let mut already = 0_usize;
                for recipient in requests {
                    let outcome = if let Some(certificate) = holding.get(recipient) {
                        already += 1;
                        let row: $crate::programs::CertificateRow = sqlx::query_as(sql::GET_CERTIFICATE)
                            .bind(*certificate)
                            .bind(authority.as_uuid())
                            .fetch_one(&mut **tx)
                            .await?;
                        IssueOutcome::AlreadyIssued(row.into_domain()?)
                    } else if let Some(outcome) = by_recipient.get(recipient) {
                        outcome.clone()
                    } else {
                        IssueOutcome::Refused(NotIssued::UnknownRecipient)
                    };
                    outcomes.push(outcome);
                }

                let numbers: Vec<String> = outcomes
                    .iter()
                    .chain(by_recipient.values())
                    .filter_map(|o| match o { IssueOutcome::Issued(c) => Some(c.number.as_str().to_owned()), _ => None })
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                if !numbers.is_empty() || waitlisted > 0 || refused > 0 {
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "certificate.issue",
                        object_kind: "program",
                        object_id: program_id.to_string(),
                        diff: serde_json::json!({
                            "issued": numbers,
                            "served_from_waitlist": served_from_queue,
                            "waitlisted": waitlisted,
                            "refused": refused,
                            "already_issued": already,
                        }),
                    };
                    $crate::audit::append_audit!(&mut **tx, actor, draft, now);
                }
                let summary = $crate::programs::StepSummary {
                    served: served_from_queue,
                    // Everyone read from the queue was served: read the next page.
                    page_exhausted: page_full && served_from_queue as i64 == QUEUE_PAGE,
                };
                Ok((outcomes, summary))
            }

            /// Inserts certificates with their two ledger accounts and moves their value out of
            /// the budget as one ledger transaction (set-based: a few statements per batch).
            async fn write_certificates(
                &self,
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                budget_id: uuid::Uuid,
                certificates: &[&$crate::programs::Certificate],
                currency: socert_domain::Currency,
                now: socert_domain::Timestamp,
            ) -> $crate::Result<()> {
                let now_us = $crate::rows::micros(now);
                let mut accounts: Vec<(uuid::Uuid, uuid::Uuid, &'static str, i64)> = Vec::with_capacity(certificates.len() * 2);
                for chunk in certificates.chunks(500) {
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO certificates (id, authority_id, program_id, recipient_id, number, status, currency, \
                         value_minor, units, returned_minor, valid_from, valid_to, reason, issued_at_us, updated_at_us) ",
                    );
                    sql.push_values(chunk, |mut row, c| {
                        row.push_bind(c.id)
                            .push_bind(authority.as_uuid())
                            .push_bind(c.program_id)
                            .push_bind(c.recipient_id)
                            .push_bind(c.number.as_str().to_owned())
                            .push_bind(c.status.as_str())
                            .push_bind(currency.code())
                            .push_bind(c.value.minor())
                            .push_bind(c.units.map(|u| u.count()))
                            .push_bind(0_i64)
                            .push_bind($crate::rows::date_text(c.valid_from))
                            .push_bind($crate::rows::date_text(c.valid_to))
                            .push_bind(None::<String>)
                            .push_bind(now_us)
                            .push_bind(now_us);
                    });
                    sql.build().execute(&mut **tx).await.map_err(|err| {
                        if $crate::error::is_unique_violation(&err, "certificates_one_live", "certificates.recipient_id, certificates.program_id") {
                            $crate::Error::Conflict("a certificate of this program was issued to the person meanwhile; retry".into())
                        } else {
                            err.into()
                        }
                    })?;
                }
                for c in certificates {
                    accounts.push((uuid::Uuid::now_v7(), c.id, "available", c.value.minor()));
                    accounts.push((uuid::Uuid::now_v7(), c.id, "held", 0));
                }
                for chunk in accounts.chunks(500) {
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO ledger_accounts (id, authority_id, kind, owner_id, currency, balance_minor, last_seq, created_at_us) ",
                    );
                    sql.push_values(chunk, |mut row, (id, owner, kind, balance)| {
                        row.push_bind(*id)
                            .push_bind(authority.as_uuid())
                            .push_bind(*kind)
                            .push_bind(*owner)
                            .push_bind(currency.code())
                            .push_bind(*balance)
                            .push_bind(i64::from(*balance != 0))
                            .push_bind(now_us);
                    });
                    sql.build().execute(&mut **tx).await?;
                }
                let total: i64 = certificates.iter().map(|c| c.value.minor()).sum();
                if total == 0 {
                    return Ok(());
                }
                let transaction = uuid::Uuid::now_v7();
                sqlx::query($crate::programs::sql::INSERT_LEDGER_TRANSACTION)
                    .bind(transaction)
                    .bind(authority.as_uuid())
                    .bind(socert_domain::ledger::TransactionKind::Transfer.as_str())
                    .bind($crate::programs::issue_key(transaction))
                    .bind(format!("issue|{}", certificates.len()))
                    .bind(Some(format!("{} certificate(s) issued", certificates.len())))
                    .bind(now_us)
                    .execute(&mut **tx)
                    .await?;
                let moved = Self::move_and_post(tx, budget_id, -total, transaction).await?;
                if moved.is_none() {
                    return Err($crate::Error::InsufficientFunds {
                        account: socert_domain::ledger::AccountRef::new(
                            socert_domain::ledger::AccountKind::Budget,
                            certificates[0].program_id,
                        ),
                        requested: socert_domain::Money::from_minor(total, currency),
                    });
                }
                let postings: Vec<(uuid::Uuid, i64)> = accounts
                    .iter()
                    .filter(|(_, _, kind, balance)| *kind == "available" && *balance != 0)
                    .map(|(id, _, _, balance)| (*id, *balance))
                    .collect();
                for chunk in postings.chunks(1000) {
                    let mut sql = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO ledger_postings (account_id, seq, transaction_id, amount_minor, balance_after_minor) ",
                    );
                    sql.push_values(chunk, |mut row, (account, amount)| {
                        row.push_bind(*account)
                            .push_bind(1_i64)
                            .push_bind(transaction)
                            .push_bind(*amount)
                            .push_bind(*amount);
                    });
                    sql.build().execute(&mut **tx).await?;
                }
                Ok(())
            }

            /// Revokes or expires a certificate: its available value returns to the budget.
            /// Returns the program, whose waitlist the caller serves next.
            async fn close_certificate(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                event: socert_domain::CertificateEvent,
                reason: Option<&str>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<uuid::Uuid> {
                use $crate::programs::sql;
                use socert_domain::ledger::{AccountKind, AccountRef};
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let program: Option<uuid::Uuid> = sqlx::query_scalar(sql::PROGRAM_OF_CERTIFICATE)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await?;
                let program = program.ok_or($crate::Error::NotFound { what: "certificate" })?;
                // Lock order: program, certificate, then ledger accounts (as issuance does).
                sqlx::query(sql::LOCK_PROGRAM).bind(program).bind(authority.as_uuid()).execute(&mut *tx).await?;
                let (status, _returned, currency): (String, i64, String) = sqlx::query_as(sql::LOCK_CERTIFICATE)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                let currency = $crate::programs::currency_of(&currency)?;
                let from: socert_domain::CertificateStatus = status.parse().map_err($crate::rows::corrupt)?;
                let reason = reason.map(str::trim).filter(|r| !r.is_empty());
                let next = from.apply(event, reason)?;
                let available: Option<(uuid::Uuid, i64)> = sqlx::query_as(sql::LOCK_ACCOUNT)
                    .bind(authority.as_uuid())
                    .bind(AccountKind::Available.as_str())
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let (available_id, amount) = available.unwrap_or((uuid::Uuid::nil(), 0));
                if amount > 0 {
                    let (budget_id, _, _): (uuid::Uuid, i64, String) = sqlx::query_as(sql::LOCK_BUDGET)
                        .bind(authority.as_uuid())
                        .bind(program)
                        .fetch_one(&mut *tx)
                        .await?;
                    let transaction = uuid::Uuid::now_v7();
                    sqlx::query(sql::INSERT_LEDGER_TRANSACTION)
                        .bind(transaction)
                        .bind(authority.as_uuid())
                        .bind(socert_domain::ledger::TransactionKind::Transfer.as_str())
                        .bind(format!("return:{id}"))
                        .bind(format!("return|{id}"))
                        .bind(Some(format!("certificate {}: unspent value returned", event.as_str())))
                        .bind($crate::rows::micros(now))
                        .execute(&mut *tx)
                        .await?;
                    let money = |minor| socert_domain::Money::from_minor(minor, currency);
                    let moves = $crate::ledger::deltas(&[
                        (available_id, AccountRef::new(AccountKind::Available, id), money(-amount)),
                        (budget_id, AccountRef::new(AccountKind::Budget, program), money(amount)),
                    ])?;
                    for (account_id, account, delta) in moves {
                        Self::move_and_post(&mut tx, account_id, delta.minor(), transaction)
                            .await?
                            .ok_or($crate::Error::InsufficientFunds { account, requested: money(-delta.minor()) })?;
                    }
                }
                sqlx::query(sql::CLOSE_CERTIFICATE)
                    .bind(id)
                    .bind(next.as_str())
                    .bind(amount)
                    .bind(reason)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(sql::COUNT_LIVE)
                    .bind(program)
                    .bind(-1_i64)
                    .bind($crate::rows::micros(now))
                    .execute(&mut *tx)
                    .await?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: if next == socert_domain::CertificateStatus::Revoked { "certificate.revoke" } else { "certificate.expire" },
                    object_kind: "certificate",
                    object_id: id.to_string(),
                    diff: serde_json::json!({
                        "before": { "status": from.as_str() },
                        "after": { "status": next.as_str(), "reason": reason, "returned_minor": amount },
                    }),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok(program)
            }
        }
    };
}

/// What an issuance step did with the waitlist.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StepSummary {
    pub served: usize,
    pub page_exhausted: bool,
}

pub(crate) use impl_programs;
pub(crate) use push_in;
