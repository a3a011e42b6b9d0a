//! Enrollments, delivery records, claims, settlements and the notifications inbox in storage.
//!
//! Money moves like this (every step one database transaction, with its ledger transaction and
//! audit event):
//! - **enroll**: the certificate's `available` → `held`, the part the certificate covers
//!   ([`socert_domain::enrollment::quote`]); the enrollment row remembers what it holds;
//! - **decline / cancel / end**: what the enrollment still holds beyond the value of delivery
//!   records not yet paid goes back `held` → `available` at once;
//! - **claim**: each approved line moves `min(units × covered per unit, still held)` from the
//!   certificate's `held` to the provider's `payable`; the rest of the agreed price is the
//!   recipient's co-payment, paid to the provider outside socert and only recorded here;
//! - **mark paid**: a settlement batch moves each provider's total `payable` → `paid`.
//!
//! Locks are always taken in the order certificate, offer, enrollment(s) (by id), ledger accounts
//! (by the ledger's own order), so concurrent commands cannot deadlock. Capacity is a conditional
//! UPDATE of the offer's `seats_taken`; a volume is a conditional UPDATE of the enrollment's
//! `recorded_units`; a delivery record is paid once by a partial unique index on approved lines.

use std::collections::{BTreeMap, BTreeSet};

use async_trait::async_trait;
use socert_domain::enrollment::{
    ClaimReason, DeliveryEvent, DeliveryRefusal, DeliveryStatus, EnrollmentStatus, Quote,
};
use socert_domain::ledger::IdempotencyKey;
use socert_domain::{AuthorityId, Currency, Date, Money, Timestamp, Units};
use uuid::Uuid;

use crate::audit::Actor;
use crate::ledger::Violation;
use crate::{Error, Result};

pub(crate) use crate::enrollments_sql as sql;

/// A recipient's request to enroll with an offer, paid from a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrollmentRequest {
    pub certificate_id: Uuid,
    pub offer_id: Uuid,
    pub volume: Units,
    pub starts_on: Date,
    /// The last day of service; the certificate's last valid day when not given.
    pub ends_on: Option<Date>,
    /// The recipient agrees to pay what the certificate does not cover.
    pub copay_agreed: bool,
}

/// What an enrollment would cost, shown before the recipient confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrollmentQuote {
    pub price_per_unit: Money,
    /// The normative cost per unit on the start date.
    pub normative_per_unit: Money,
    pub volume: Units,
    pub quote: Quote,
    /// What the certificate can spend now.
    pub available: Money,
    pub starts_on: Date,
    pub ends_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrollment {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub certificate_id: Uuid,
    pub recipient_id: Uuid,
    pub offer_id: Uuid,
    pub provider_id: Uuid,
    pub service_id: Uuid,
    pub status: EnrollmentStatus,
    pub volume: Units,
    pub price_per_unit: Money,
    pub covered_per_unit: Money,
    pub total: Money,
    pub covered: Money,
    pub copay: Money,
    pub copay_agreed: bool,
    /// Still held on the certificate for this enrollment.
    pub held: Money,
    pub captured: Money,
    pub released: Money,
    pub recorded_units: Units,
    pub claimed_units: Units,
    pub starts_on: Date,
    pub ends_on: Date,
    /// `provider_suspended` while the provider's admission is suspended.
    pub flag: Option<String>,
    pub reason: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A delivery the provider's staff recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeliveryRecord {
    pub enrollment_id: Uuid,
    pub delivered_on: Date,
    /// Local time of day, `HH:MM`.
    pub delivered_at: Option<String>,
    pub units: Units,
    pub worker: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRecord {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    pub recipient_id: Uuid,
    pub delivered_on: Date,
    pub delivered_at: Option<String>,
    pub units: Units,
    pub worker: String,
    pub note: String,
    pub status: DeliveryStatus,
    pub recorded_on: Date,
    /// Confirmed automatically on this day unless disputed first.
    pub confirm_due_on: Date,
    pub dispute_reason: Option<String>,
    pub created_at: Timestamp,
}

/// Why one record of a batch was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordRefusal {
    Rule(DeliveryRefusal),
    /// No enrollment with this id with this provider.
    NoEnrollment,
}

impl RecordRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            RecordRefusal::Rule(rule) => rule.code(),
            RecordRefusal::NoEnrollment => "NO_ENROLLMENT",
        }
    }

    pub fn message(&self) -> String {
        match self {
            RecordRefusal::Rule(rule) => rule.to_string(),
            RecordRefusal::NoEnrollment => {
                "no enrollment with this id belongs to this provider".to_owned()
            }
        }
    }
}

/// One line a provider asks to be paid for. Without explicit lines a claim asks for every
/// confirmed record of its period not paid yet, at the agreed price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimLineRequest {
    pub delivery_record_id: Uuid,
    /// All of the record's units when not given.
    pub units: Option<Units>,
    /// The agreed price when not given.
    pub price_per_unit: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRequest {
    pub provider_id: Uuid,
    pub period_from: Date,
    pub period_to: Date,
    pub lines: Option<Vec<ClaimLineRequest>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub provider_id: Uuid,
    pub period_from: Date,
    pub period_to: Date,
    pub lines: i64,
    pub approved_lines: i64,
    /// Approved at the agreed prices.
    pub approved: Money,
    /// Paid by certificates (moved to the provider's payable).
    pub captured: Money,
    /// Paid by recipients to the provider directly.
    pub copay: Money,
    pub batch_id: Option<Uuid>,
    /// `open` or `paid` once in a settlement batch.
    pub batch_status: Option<String>,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStatus {
    Approved,
    Rejected(ClaimReason),
    /// Approved, and its settlement batch is marked paid.
    Paid,
}

impl LineStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            LineStatus::Approved => "approved",
            LineStatus::Rejected(_) => "rejected",
            LineStatus::Paid => "paid",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimLine {
    pub line_no: i64,
    pub delivery_record_id: Uuid,
    pub enrollment_id: Option<Uuid>,
    pub certificate_id: Option<Uuid>,
    pub delivered_on: Option<Date>,
    pub units_claimed: Units,
    pub units_approved: Units,
    pub price_per_unit: Money,
    pub amount: Money,
    pub captured: Money,
    pub copay: Money,
    pub status: LineStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimDetail {
    pub claim: Claim,
    pub lines: Vec<ClaimLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentBatch {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub period_to: Date,
    /// `open` or `paid`.
    pub status: String,
    pub total: Money,
    pub payments: i64,
    pub claims: i64,
    pub paid_on: Option<Date>,
    pub bank_reference: Option<String>,
    pub created_at: Timestamp,
    pub paid_at: Option<Timestamp>,
}

/// One provider's payment in a batch, with what the bank needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub provider_name: String,
    pub provider_full_name: String,
    pub tax_id: String,
    pub bank_account: String,
    pub bank_id: String,
    pub total: Money,
    pub claims: Vec<Uuid>,
    pub lines: i64,
}

impl Payment {
    /// The payment reference for the bank transfer: batch and claim ids, so the provider can match
    /// the money to its claims.
    pub fn reference(&self, batch: Uuid) -> String {
        let claims: Vec<String> = self.claims.iter().map(Uuid::to_string).collect();
        format!("socert batch {batch} claims {}", claims.join(" "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchDetail {
    pub batch: PaymentBatch,
    pub payments: Vec<Payment>,
}

/// Who a notification is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Recipient(Uuid),
    Provider(Uuid),
}

impl Audience {
    pub const fn kind(self) -> &'static str {
        match self {
            Audience::Recipient(_) => "recipient",
            Audience::Provider(_) => "provider",
        }
    }

    pub const fn id(self) -> Uuid {
        match self {
            Audience::Recipient(id) | Audience::Provider(id) => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub audience: Audience,
    /// `enrollment_requested`, `enrollment_accepted`, `enrollment_declined`, `enrollment_ended`,
    /// `delivery_to_confirm`, `auto_confirmation_soon`, `delivery_auto_confirmed`,
    /// `delivery_disputed`, `provider_suspended`, `provider_excluded`, `claim_decided`,
    /// `payment_made`.
    pub kind: String,
    /// Ids and figures (no personal data).
    pub payload: serde_json::Value,
    pub created_at: Timestamp,
    pub read_at: Option<Timestamp>,
}

/// What the daily jobs did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobReport {
    pub auto_confirmed: u64,
    pub reminded: u64,
    pub enrollments_ended: u64,
    pub holds_released: u64,
    pub batches: u64,
}

/// Budget burn of one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramBurn {
    pub program_id: Uuid,
    pub name_en: String,
    pub budget_left: Money,
    /// Value given to certificates, net of what was returned.
    pub allocated: Money,
    pub available: Money,
    pub held: Money,
    /// Paid out of certificates to providers' payable (captured by claims).
    pub spent: Money,
    pub certificates: i64,
    pub open_enrollments: i64,
}

/// What the provider did with an enrollment request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderDecision {
    Accept,
    Decline { reason: String },
}

#[async_trait]
pub trait EnrollmentStore {
    /// Prices an enrollment without making it (the same checks and numbers `enroll` uses).
    async fn quote_enrollment(
        &self,
        authority: AuthorityId,
        request: &EnrollmentRequest,
        today: Date,
    ) -> Result<EnrollmentQuote>;

    /// Makes the enrollment (status `requested`) and holds what the certificate covers, once per
    /// key: a replay returns the first enrollment (`true`), another request under the key is
    /// refused.
    async fn enroll(
        &self,
        authority: AuthorityId,
        request: &EnrollmentRequest,
        key: &IdempotencyKey,
        today: Date,
        actor: &Actor,
    ) -> Result<(Enrollment, bool)>;

    async fn enrollment(&self, authority: AuthorityId, id: Uuid) -> Result<Enrollment>;

    async fn enrollments_of_recipient(
        &self,
        authority: AuthorityId,
        recipient: Uuid,
    ) -> Result<Vec<Enrollment>>;

    async fn enrollments_of_provider(&self, provider: Uuid) -> Result<Vec<Enrollment>>;

    /// The provider accepts (takes a seat; refused when the offer is full) or declines (the hold
    /// goes back to the certificate).
    async fn decide_enrollment(
        &self,
        authority: AuthorityId,
        id: Uuid,
        decision: ProviderDecision,
        actor: &Actor,
    ) -> Result<Enrollment>;

    /// The recipient ends the enrollment (switching provider): it stops after the authority's
    /// notice, and what it holds beyond unpaid records returns to the certificate.
    async fn cancel_enrollment(
        &self,
        authority: AuthorityId,
        id: Uuid,
        today: Date,
        actor: &Actor,
    ) -> Result<Enrollment>;

    /// Makes every record that passes the checks (one transaction); the others are refused with a
    /// reason, in the order given.
    async fn record_deliveries(
        &self,
        authority: AuthorityId,
        provider: Uuid,
        records: &[NewDeliveryRecord],
        today: Date,
        actor: &Actor,
    ) -> Result<Vec<std::result::Result<DeliveryRecord, RecordRefusal>>>;

    async fn delivery_record(&self, authority: AuthorityId, id: Uuid) -> Result<DeliveryRecord>;

    async fn delivery_records_of_enrollment(
        &self,
        authority: AuthorityId,
        enrollment: Uuid,
    ) -> Result<Vec<DeliveryRecord>>;

    async fn delivery_records_of_recipient(
        &self,
        authority: AuthorityId,
        recipient: Uuid,
    ) -> Result<Vec<DeliveryRecord>>;

    /// Confirms, disputes, or (after a dispute) confirms or voids a record.
    async fn resolve_delivery(
        &self,
        authority: AuthorityId,
        id: Uuid,
        event: DeliveryEvent,
        reason: Option<&str>,
        actor: &Actor,
    ) -> Result<DeliveryRecord>;

    /// Builds and decides a claim once per key (replay returns it with `true`).
    async fn submit_claim(
        &self,
        authority: AuthorityId,
        request: &ClaimRequest,
        key: &IdempotencyKey,
        actor: &Actor,
    ) -> Result<(ClaimDetail, bool)>;

    async fn claim(&self, authority: AuthorityId, id: Uuid) -> Result<ClaimDetail>;

    async fn claims_of_provider(&self, provider: Uuid) -> Result<Vec<Claim>>;

    /// Claims not yet in a paid batch, oldest first.
    async fn open_claims(&self, authority: AuthorityId) -> Result<Vec<Claim>>;

    /// Claims approved on certificates, per line, for the recipient's view.
    async fn paid_lines_of_certificate(&self, certificate: Uuid) -> Result<Vec<CertificateLine>>;

    /// Closes a period: every claim of a period ending on or before `period_to` with money to
    /// pay and no batch yet goes into one new batch, one payment per provider. Once per key.
    /// `None` when there is nothing to settle.
    async fn settle(
        &self,
        authority: AuthorityId,
        period_to: Date,
        key: &IdempotencyKey,
        actor: &Actor,
    ) -> Result<Option<BatchDetail>>;

    async fn batch(&self, authority: AuthorityId, id: Uuid) -> Result<BatchDetail>;

    async fn batches(&self, authority: AuthorityId) -> Result<Vec<PaymentBatch>>;

    /// Records that the bank paid the batch: each provider's payable moves to paid. Refused
    /// (`already_paid`) when the batch is paid already.
    async fn mark_paid(
        &self,
        authority: AuthorityId,
        batch: Uuid,
        paid_on: Date,
        bank_reference: &str,
        actor: &Actor,
    ) -> Result<BatchDetail>;

    /// The provider's admission was suspended (flag its enrollments, tell the recipients),
    /// reinstated (clear the flag) or ended (cancel them and release the holds).
    async fn provider_admission_changed(
        &self,
        authority: AuthorityId,
        provider: Uuid,
        admission: &str,
        today: Date,
        actor: &Actor,
    ) -> Result<u64>;

    /// Auto-confirms records whose window passed, reminds recipients of records confirming
    /// tomorrow, ends enrollments past their last day and releases holds nothing can use; on a
    /// settlement day also settles the period up to yesterday.
    async fn run_daily_jobs(
        &self,
        authority: AuthorityId,
        today: Date,
        actor: &Actor,
    ) -> Result<JobReport>;

    async fn inbox(&self, authority: AuthorityId, audience: Audience) -> Result<Vec<Notification>>;

    async fn mark_read(&self, authority: AuthorityId, audience: Audience, id: Uuid) -> Result<()>;

    async fn budget_burn(&self, authority: AuthorityId) -> Result<Vec<ProgramBurn>>;

    /// Enrollment holds against the certificates' `held` accounts, claim totals against their
    /// lines, providers' payable + paid against their claims.
    async fn verify_enrollments(&self, authority: Option<AuthorityId>) -> Result<Vec<Violation>>;

    /// The authority's delivery records a recipient disputed, waiting for an officer to confirm
    /// or void them, oldest delivery first (at most 500).
    async fn disputed_deliveries(&self, authority: AuthorityId) -> Result<Vec<DeliveryRecord>>;

    /// How many of the audience's notifications in the authority are unread.
    async fn unread_count(&self, authority: AuthorityId, audience: Audience) -> Result<u64>;
}

/// An approved claim line on a certificate (what the recipient sees as paid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateLine {
    pub delivery_record_id: Uuid,
    pub delivered_on: Option<Date>,
    pub units: Units,
    pub captured: Money,
    pub copay: Money,
    /// Its batch is marked paid.
    pub paid: bool,
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
pub(crate) struct EnrollmentRow {
    id: Uuid,
    authority_id: Uuid,
    certificate_id: Uuid,
    recipient_id: Uuid,
    offer_id: Uuid,
    provider_id: Uuid,
    service_id: Uuid,
    status: String,
    volume: i64,
    currency: String,
    price_minor: i64,
    covered_per_unit_minor: i64,
    total_minor: i64,
    covered_minor: i64,
    copay_minor: i64,
    copay_agreed: bool,
    held_minor: i64,
    captured_minor: i64,
    released_minor: i64,
    recorded_units: i64,
    claimed_units: i64,
    starts_on: String,
    ends_on: String,
    flag: Option<String>,
    reason: Option<String>,
    #[allow(dead_code)]
    request_key: String,
    created_at_us: i64,
    updated_at_us: i64,
}

pub(crate) fn units(count: i64) -> Result<Units> {
    Units::new(count).map_err(crate::rows::corrupt)
}

impl EnrollmentRow {
    pub(crate) fn into_domain(self) -> Result<Enrollment> {
        use crate::rows::{date, timestamp};
        let currency = crate::programs::currency_of(&self.currency)?;
        let money = |minor| Money::from_minor(minor, currency);
        Ok(Enrollment {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            certificate_id: self.certificate_id,
            recipient_id: self.recipient_id,
            offer_id: self.offer_id,
            provider_id: self.provider_id,
            service_id: self.service_id,
            status: self.status.parse().map_err(crate::rows::corrupt)?,
            volume: units(self.volume)?,
            price_per_unit: money(self.price_minor),
            covered_per_unit: money(self.covered_per_unit_minor),
            total: money(self.total_minor),
            covered: money(self.covered_minor),
            copay: money(self.copay_minor),
            copay_agreed: self.copay_agreed,
            held: money(self.held_minor),
            captured: money(self.captured_minor),
            released: money(self.released_minor),
            recorded_units: units(self.recorded_units)?,
            claimed_units: units(self.claimed_units)?,
            starts_on: date(&self.starts_on)?,
            ends_on: date(&self.ends_on)?,
            flag: self.flag,
            reason: self.reason,
            created_at: timestamp(self.created_at_us)?,
            updated_at: timestamp(self.updated_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RecordRow {
    id: Uuid,
    authority_id: Uuid,
    enrollment_id: Uuid,
    provider_id: Uuid,
    recipient_id: Uuid,
    delivered_on: String,
    delivered_at: Option<String>,
    units: i64,
    worker: String,
    note: String,
    status: String,
    recorded_on: String,
    confirm_due_on: String,
    dispute_reason: Option<String>,
    created_at_us: i64,
    #[allow(dead_code)]
    updated_at_us: i64,
}

impl RecordRow {
    pub(crate) fn into_domain(self) -> Result<DeliveryRecord> {
        use crate::rows::{date, timestamp};
        Ok(DeliveryRecord {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            enrollment_id: self.enrollment_id,
            provider_id: self.provider_id,
            recipient_id: self.recipient_id,
            delivered_on: date(&self.delivered_on)?,
            delivered_at: self.delivered_at,
            units: units(self.units)?,
            worker: self.worker,
            note: self.note,
            status: self.status.parse().map_err(crate::rows::corrupt)?,
            recorded_on: date(&self.recorded_on)?,
            confirm_due_on: date(&self.confirm_due_on)?,
            dispute_reason: self.dispute_reason,
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ClaimRow {
    id: Uuid,
    authority_id: Uuid,
    provider_id: Uuid,
    period_from: String,
    period_to: String,
    currency: String,
    lines: i64,
    approved_lines: i64,
    approved_minor: i64,
    captured_minor: i64,
    copay_minor: i64,
    batch_id: Option<Uuid>,
    batch_status: Option<String>,
    created_at_us: i64,
}

impl ClaimRow {
    pub(crate) fn into_domain(self) -> Result<Claim> {
        use crate::rows::{date, timestamp};
        let currency = crate::programs::currency_of(&self.currency)?;
        Ok(Claim {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            provider_id: self.provider_id,
            period_from: date(&self.period_from)?,
            period_to: date(&self.period_to)?,
            lines: self.lines,
            approved_lines: self.approved_lines,
            approved: Money::from_minor(self.approved_minor, currency),
            captured: Money::from_minor(self.captured_minor, currency),
            copay: Money::from_minor(self.copay_minor, currency),
            batch_id: self.batch_id,
            batch_status: self.batch_status,
            created_at: timestamp(self.created_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LineRow {
    line_no: i64,
    delivery_record_id: Uuid,
    enrollment_id: Option<Uuid>,
    certificate_id: Option<Uuid>,
    delivered_on: Option<String>,
    units_claimed: i64,
    units_approved: i64,
    price_minor: i64,
    amount_minor: i64,
    captured_minor: i64,
    copay_minor: i64,
    status: String,
    reason: Option<String>,
}

impl LineRow {
    pub(crate) fn into_domain(self, currency: Currency, paid: bool) -> Result<ClaimLine> {
        let money = |minor| Money::from_minor(minor, currency);
        let status = match (self.status.as_str(), self.reason) {
            ("approved", _) if paid => LineStatus::Paid,
            ("approved", _) => LineStatus::Approved,
            (_, Some(reason)) => {
                LineStatus::Rejected(reason.parse().map_err(crate::rows::corrupt)?)
            }
            (other, None) => {
                return Err(Error::Corrupt(format!(
                    "claim line {other:?} without a reason"
                )));
            }
        };
        Ok(ClaimLine {
            line_no: self.line_no,
            delivery_record_id: self.delivery_record_id,
            enrollment_id: self.enrollment_id,
            certificate_id: self.certificate_id,
            delivered_on: self
                .delivered_on
                .as_deref()
                .map(crate::rows::date)
                .transpose()?,
            units_claimed: Units::new(self.units_claimed.max(0)).map_err(crate::rows::corrupt)?,
            units_approved: units(self.units_approved)?,
            price_per_unit: money(self.price_minor),
            amount: money(self.amount_minor),
            captured: money(self.captured_minor),
            copay: money(self.copay_minor),
            status,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct BatchRow {
    id: Uuid,
    authority_id: Uuid,
    period_to: String,
    status: String,
    currency: String,
    total_minor: i64,
    payments: i64,
    claims: i64,
    paid_on: Option<String>,
    bank_reference: Option<String>,
    created_at_us: i64,
    paid_at_us: Option<i64>,
}

impl BatchRow {
    pub(crate) fn into_domain(self) -> Result<PaymentBatch> {
        use crate::rows::{date, timestamp};
        let currency = crate::programs::currency_of(&self.currency)?;
        Ok(PaymentBatch {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            period_to: date(&self.period_to)?,
            status: self.status,
            total: Money::from_minor(self.total_minor, currency),
            payments: self.payments,
            claims: self.claims,
            paid_on: self.paid_on.as_deref().map(date).transpose()?,
            bank_reference: self.bank_reference,
            created_at: timestamp(self.created_at_us)?,
            paid_at: self.paid_at_us.map(timestamp).transpose()?,
        })
    }
}

/// What a claim check loads about one delivery record.
#[derive(sqlx::FromRow)]
pub(crate) struct RecordFacts {
    pub id: Uuid,
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    pub delivered_on: String,
    pub units: i64,
    pub status: String,
    pub authority_id: Uuid,
}

/// What a claim check loads about one enrollment.
#[derive(sqlx::FromRow)]
pub(crate) struct EnrollmentFacts {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub certificate_id: Uuid,
    pub volume: i64,
    pub price_minor: i64,
    pub covered_per_unit_minor: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub claimed_units: i64,
    pub held_minor: i64,
    pub authority_id: Uuid,
}

/// What a claim check loaded: the records its lines name, their enrollments (locked), and which
/// records were paid before.
pub(crate) struct ClaimFacts {
    pub records: BTreeMap<Uuid, RecordFacts>,
    pub enrollments: BTreeMap<Uuid, EnrollmentFacts>,
    pub claimed_before: BTreeSet<Uuid>,
}

/// One decided line, ready to write.
pub(crate) struct DecidedLine {
    pub delivery_record_id: Uuid,
    pub enrollment_id: Option<Uuid>,
    pub certificate_id: Option<Uuid>,
    pub delivered_on: Option<Date>,
    pub units_claimed: i64,
    pub units_approved: i64,
    pub price_minor: i64,
    pub amount_minor: i64,
    pub captured_minor: i64,
    pub copay_minor: i64,
    pub reason: Option<ClaimReason>,
}

impl DecidedLine {
    /// The line as stored, numbered `line_no` (1-based), without reading it back.
    pub(crate) fn to_line(&self, line_no: i64, currency: Currency) -> Result<ClaimLine> {
        let money = |minor| Money::from_minor(minor, currency);
        Ok(ClaimLine {
            line_no,
            delivery_record_id: self.delivery_record_id,
            enrollment_id: self.enrollment_id,
            certificate_id: self.certificate_id,
            delivered_on: self.delivered_on,
            units_claimed: Units::new(self.units_claimed.max(0)).map_err(crate::rows::corrupt)?,
            units_approved: units(self.units_approved)?,
            price_per_unit: money(self.price_minor),
            amount: money(self.amount_minor),
            captured: money(self.captured_minor),
            copay: money(self.copay_minor),
            status: match self.reason {
                None => LineStatus::Approved,
                Some(reason) => LineStatus::Rejected(reason),
            },
        })
    }
}

/// Decides a claim's lines (the domain rules) and splits each approved amount into what the
/// certificate pays (up to what the enrollment still holds, at the covered rate) and the
/// recipient's co-payment.
pub(crate) fn decide_claim(
    authority: Uuid,
    request: &ClaimRequest,
    requested: &[ClaimLineRequest],
    facts: ClaimFacts,
    currency: Currency,
) -> Result<Vec<DecidedLine>> {
    let ClaimFacts {
        records,
        enrollments,
        claimed_before,
    } = facts;
    let (provider, period) = (
        request.provider_id,
        (request.period_from, request.period_to),
    );
    let (records, enrollments) = (&records, &enrollments);
    use socert_domain::enrollment::{
        ClaimContext, ClaimEnrollment, ClaimLineDecision, ClaimLineInput, check_claim_lines,
    };
    let money = |minor| Money::from_minor(minor, currency);
    let mut context = ClaimContext {
        enrollments: BTreeMap::new(),
        claimed_before,
    };
    for e in enrollments.values() {
        if e.provider_id != provider || e.authority_id != authority {
            continue;
        }
        context.enrollments.insert(
            e.id,
            ClaimEnrollment {
                volume: units(e.volume)?,
                price_per_unit: money(e.price_minor),
                starts_on: crate::rows::date(&e.starts_on)?,
                ends_on: crate::rows::date(&e.ends_on)?,
                claimed_units: units(e.claimed_units)?,
            },
        );
    }
    // A record that is not this provider's in this authority reads as "no enrollment": the line
    // names an enrollment the context does not have.
    let mut inputs = Vec::with_capacity(requested.len());
    for line in requested {
        let input = match records.get(&line.delivery_record_id) {
            Some(r) if r.provider_id == provider && r.authority_id == authority => {
                let recorded = units(r.units)?;
                let enrollment = enrollments.get(&r.enrollment_id);
                ClaimLineInput {
                    delivery_record: r.id,
                    enrollment: r.enrollment_id,
                    delivered_on: crate::rows::date(&r.delivered_on)?,
                    units: line.units.unwrap_or(recorded),
                    recorded_units: recorded,
                    status: r.status.parse().map_err(crate::rows::corrupt)?,
                    price_per_unit: line.price_per_unit.unwrap_or_else(|| {
                        money(enrollment.map(|e| e.price_minor).unwrap_or_default())
                    }),
                }
            }
            _ => ClaimLineInput {
                delivery_record: line.delivery_record_id,
                enrollment: Uuid::nil(),
                delivered_on: period.0,
                units: line.units.unwrap_or(Units::ZERO),
                recorded_units: Units::ZERO,
                status: DeliveryStatus::Recorded,
                price_per_unit: line.price_per_unit.unwrap_or(money(0)),
            },
        };
        inputs.push(input);
    }
    let decisions = check_claim_lines(period, &inputs, &context);
    // What each enrollment still holds, as approved lines take from it in order.
    let mut held: BTreeMap<Uuid, i64> =
        enrollments.values().map(|e| (e.id, e.held_minor)).collect();
    let mut out = Vec::with_capacity(inputs.len());
    for (input, decision) in inputs.iter().zip(decisions) {
        let known = context.enrollments.contains_key(&input.enrollment);
        let enrollment = enrollments.get(&input.enrollment).filter(|_| known);
        let mut line = DecidedLine {
            delivery_record_id: input.delivery_record,
            enrollment_id: enrollment.map(|e| e.id),
            certificate_id: enrollment.map(|e| e.certificate_id),
            delivered_on: records
                .get(&input.delivery_record)
                .map(|r| crate::rows::date(&r.delivered_on))
                .transpose()?,
            units_claimed: input.units.count(),
            units_approved: 0,
            price_minor: input.price_per_unit.minor(),
            amount_minor: 0,
            captured_minor: 0,
            copay_minor: 0,
            reason: None,
        };
        match decision {
            ClaimLineDecision::Approved { units, amount } => {
                let e = enrollment.ok_or_else(|| {
                    Error::Corrupt("approved claim line without an enrollment".into())
                })?;
                let left = held.entry(e.id).or_default();
                let coverable = e
                    .covered_per_unit_minor
                    .checked_mul(units.count())
                    .ok_or_else(|| Error::Corrupt("claim amount overflows".into()))?;
                let captured = coverable.min(*left).max(0);
                *left -= captured;
                line.units_approved = units.count();
                line.amount_minor = amount.minor();
                line.captured_minor = captured;
                line.copay_minor = amount.minor() - captured;
            }
            ClaimLineDecision::Rejected(reason) => line.reason = Some(reason),
        }
        out.push(line);
    }
    Ok(out)
}

/// A settlement calendar: days of the month (`"1,16"`) on which the period up to yesterday is
/// settled. Unreadable entries are ignored.
pub fn settlement_day(calendar: &str, today: Date) -> bool {
    calendar
        .split(',')
        .filter_map(|d| d.trim().parse::<i8>().ok())
        .any(|d| d == today.day())
}

pub(crate) fn refused(code: &'static str, message: impl Into<String>) -> Error {
    Error::Refused {
        code,
        message: message.into(),
    }
}

/// Repeats `$body` (an async block) while it fails with a transient error (serialization failure,
/// deadlock, busy database), a few times with backoff.
macro_rules! retrying {
    ($body:expr) => {{
        let mut attempt = 1;
        loop {
            match $body.await {
                Err(err)
                    if attempt < $crate::ledger::MAX_ATTEMPTS
                        && $crate::ledger::is_transient(&err) =>
                {
                    tokio::time::sleep($crate::ledger::backoff(attempt)).await;
                    attempt += 1;
                }
                result => break result,
            }
        }
    }};
}

/// Posts one ledger transaction of `$moves` (`(account id, AccountRef, Money)`) inside the caller's
/// database transaction, in the ledger's lock order; `InsufficientFunds` when an account would go
/// below zero. Evaluates to the transaction id.
macro_rules! post_within {
    ($tx:expr, $authority:expr, $kind:expr, $key:expr, $memo:expr, $moves:expr, $now_us:expr) => {{
        let transaction = uuid::Uuid::now_v7();
        let key: String = $key;
        sqlx::query($crate::enrollments_sql::INSERT_LEDGER_TRANSACTION)
            .bind(transaction)
            .bind($authority)
            .bind(socert_domain::ledger::TransactionKind::as_str($kind))
            .bind(&key)
            .bind(&key)
            .bind(Some::<String>($memo))
            .bind($now_us)
            .execute(&mut **$tx)
            .await?;
        for (account_id, account, delta) in $crate::ledger::deltas($moves)? {
            Self::move_and_post($tx, account_id, delta.minor(), transaction)
                .await?
                .ok_or($crate::Error::InsufficientFunds {
                    account,
                    requested: socert_domain::Money::from_minor(-delta.minor(), delta.currency()),
                })?;
        }
        transaction
    }};
}

pub(crate) use post_within;
pub(crate) use retrying;
