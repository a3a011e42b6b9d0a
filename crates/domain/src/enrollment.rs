//! Enrollment, delivery and claim rules (DESIGN.md sections 3-5): the enrollment and delivery-record
//! state machines, what an enrollment costs the certificate and the recipient (`quote`), whether a
//! delivery record may be made (`check_delivery`), and which lines of a provider's claim are paid
//! (`check_claim_lines`).
//!
//! Pure: callers load the facts (statuses, sums, ids already claimed) and store the outcome.
//! All amounts are whole minor units and all volumes whole units, so nothing here rounds.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::registry::{RegistryError, price_breakdown};
use crate::{Date, Money, MoneyError, Units};

/// Why an enrollment or delivery-record step, or a quote, was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrollmentError {
    #[error("unknown enrollment status {0:?}")]
    UnknownStatus(String),
    #[error("unknown delivery record status {0:?}")]
    UnknownDeliveryStatus(String),
    #[error("cannot {event} an enrollment that is {from}")]
    IllegalTransition {
        from: EnrollmentStatus,
        event: EnrollmentEvent,
    },
    #[error("say why: {event} needs a reason the recipient will see")]
    ReasonRequired { event: EnrollmentEvent },
    #[error("cannot {event} a delivery record that is {from}")]
    IllegalDeliveryTransition {
        from: DeliveryStatus,
        event: DeliveryEvent,
    },
    #[error("the price must be more than zero")]
    NonPositivePrice,
    #[error("an enrollment needs at least one unit of service")]
    ZeroUnits,
    /// No (or a zero) normative cost: the certificate does not pay for this service.
    #[error("the certificate does not cover this service: it has no normative cost")]
    NotCovered,
    /// The certificate does not pay for everything and the recipient has not agreed to pay the
    /// rest.
    #[error("the recipient would pay {copay}: a co-payment needs their explicit agreement")]
    CopayNotAgreed { copay: Money },
    #[error(transparent)]
    Money(#[from] MoneyError),
}

// ---------------------------------------------------------------------------------------------
// Enrollment status
// ---------------------------------------------------------------------------------------------

/// Where an enrollment stands (DESIGN.md section 4):
/// `requested -> active -> completed | cancelled`, `requested -> declined | cancelled`.
/// `completed`, `cancelled` and `declined` are final; switching provider is a cancel and a new
/// request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrollmentStatus {
    Requested,
    Active,
    Completed,
    Cancelled,
    Declined,
}

/// What happens to an enrollment. Who may send which event (the provider accepts and declines,
/// the recipient cancels a request) is the caller's authorization check, not modelled here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum EnrollmentEvent {
    /// The provider takes the recipient.
    Accept,
    /// The provider turns the request down; the reason is shown to the recipient.
    Decline { reason: String },
    /// The request is withdrawn, or the running enrollment is ended early.
    Cancel,
    /// The enrollment ran its course.
    Complete,
}

impl EnrollmentStatus {
    pub const ALL: [EnrollmentStatus; 5] = [
        EnrollmentStatus::Requested,
        EnrollmentStatus::Active,
        EnrollmentStatus::Completed,
        EnrollmentStatus::Cancelled,
        EnrollmentStatus::Declined,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            EnrollmentStatus::Requested => "requested",
            EnrollmentStatus::Active => "active",
            EnrollmentStatus::Completed => "completed",
            EnrollmentStatus::Cancelled => "cancelled",
            EnrollmentStatus::Declined => "declined",
        }
    }

    /// Only an active enrollment takes delivery records.
    pub const fn is_active(self) -> bool {
        matches!(self, EnrollmentStatus::Active)
    }

    /// Nothing can happen to it any more.
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            EnrollmentStatus::Completed | EnrollmentStatus::Cancelled | EnrollmentStatus::Declined
        )
    }

    /// The state after `event`, or why it cannot happen. A decline needs a non-blank reason.
    pub fn apply(self, event: &EnrollmentEvent) -> Result<Self, EnrollmentError> {
        use EnrollmentEvent as E;
        use EnrollmentStatus as S;
        let next = match (self, event) {
            (S::Requested, E::Accept) => S::Active,
            (S::Requested, E::Decline { .. }) => S::Declined,
            (S::Requested | S::Active, E::Cancel) => S::Cancelled,
            (S::Active, E::Complete) => S::Completed,
            (from, event) => {
                return Err(EnrollmentError::IllegalTransition {
                    from,
                    event: event.clone(),
                });
            }
        };
        if let E::Decline { reason } = event
            && reason.trim().is_empty()
        {
            return Err(EnrollmentError::ReasonRequired {
                event: event.clone(),
            });
        }
        Ok(next)
    }
}

impl fmt::Display for EnrollmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EnrollmentStatus {
    type Err = EnrollmentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EnrollmentStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| EnrollmentError::UnknownStatus(s.to_owned()))
    }
}

impl EnrollmentEvent {
    pub const fn as_str(&self) -> &'static str {
        match self {
            EnrollmentEvent::Accept => "accept",
            EnrollmentEvent::Decline { .. } => "decline",
            EnrollmentEvent::Cancel => "cancel",
            EnrollmentEvent::Complete => "complete",
        }
    }
}

/// The event's name only: a decline's reason is the recipient's to read, not an error's.
impl fmt::Display for EnrollmentEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// Quote
// ---------------------------------------------------------------------------------------------

/// What an enrollment of some volume costs and who pays it. `total = covered + copay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// `units * price_per_unit`.
    pub total: Money,
    /// Paid from the certificate: `min(units * min(price, normative), available)`.
    pub covered: Money,
    /// Paid by the recipient, by agreement: `total - covered`. It comes from the price exceeding
    /// the normative, from the certificate balance falling short, or both.
    pub copay: Money,
}

/// Prices an enrollment of `units` at `price_per_unit` against a certificate with
/// `certificate_available` left.
///
/// Entitled recipients pay nothing up to the normative cost; any co-payment needs their explicit
/// agreement (`copay_agreed`), otherwise the quote is refused with the amount they would pay.
/// The per-unit split is [`price_breakdown`], the one place that rule lives.
///
/// - No normative cost (`None`, or zero or less) means the service is not covered by the
///   certificate: refused as [`EnrollmentError::NotCovered`] rather than quoted as a 100% co-payment.
/// - A negative `certificate_available` (which the ledger forbids) covers nothing.
/// - Rounding: none. Amounts are integer minor units and units are integers, so every figure is
///   exact; an overflow is an error, never a wrong number.
/// - All amounts must be in one currency, else [`MoneyError::CurrencyMismatch`].
pub fn quote(
    price_per_unit: Money,
    normative_per_unit: Option<Money>,
    units: Units,
    certificate_available: Money,
    copay_agreed: bool,
) -> Result<Quote, EnrollmentError> {
    let currency = price_per_unit.currency();
    // Check every currency up front, so a mismatch is reported whatever else is wrong.
    for other in normative_per_unit
        .into_iter()
        .chain([certificate_available])
    {
        if other.currency() != currency {
            return Err(MoneyError::CurrencyMismatch {
                left: currency,
                right: other.currency(),
            }
            .into());
        }
    }
    if !price_per_unit.is_positive() {
        return Err(EnrollmentError::NonPositivePrice);
    }
    let normative = normative_per_unit
        .filter(|n| n.is_positive())
        .ok_or(EnrollmentError::NotCovered)?;
    if units == Units::ZERO {
        return Err(EnrollmentError::ZeroUnits);
    }
    let per_unit = price_breakdown(price_per_unit, normative).map_err(|e| match e {
        RegistryError::Money(e) => EnrollmentError::Money(e),
        _ => EnrollmentError::NonPositivePrice,
    })?;
    let total = price_per_unit.checked_mul(units.count())?;
    let coverable = per_unit.covered.checked_mul(units.count())?;
    let available = certificate_available.minor().max(0);
    let covered = Money::from_minor(coverable.minor().min(available), currency);
    let copay = total.checked_sub(covered)?;
    if copay.is_positive() && !copay_agreed {
        return Err(EnrollmentError::CopayNotAgreed { copay });
    }
    Ok(Quote {
        total,
        covered,
        copay,
    })
}

// ---------------------------------------------------------------------------------------------
// Delivery record status
// ---------------------------------------------------------------------------------------------

/// Where a delivery record stands (DESIGN.md section 4):
/// `recorded -> confirmed | disputed | auto_confirmed`, `disputed -> confirmed | voided`.
/// `confirmed`, `auto_confirmed` and `voided` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    Recorded,
    Confirmed,
    Disputed,
    AutoConfirmed,
    Voided,
}

/// What happens to a delivery record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryEvent {
    /// The recipient (or, for a disputed record, the officer settling it) confirms.
    Confirm,
    /// The recipient says the service was not delivered as recorded.
    Dispute,
    /// The confirmation window passed without a dispute (see [`is_due_for_auto_confirmation`]).
    AutoConfirm,
    /// A disputed record is found wrong and no longer counts.
    Void,
}

impl DeliveryStatus {
    pub const ALL: [DeliveryStatus; 5] = [
        DeliveryStatus::Recorded,
        DeliveryStatus::Confirmed,
        DeliveryStatus::Disputed,
        DeliveryStatus::AutoConfirmed,
        DeliveryStatus::Voided,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Recorded => "recorded",
            DeliveryStatus::Confirmed => "confirmed",
            DeliveryStatus::Disputed => "disputed",
            DeliveryStatus::AutoConfirmed => "auto_confirmed",
            DeliveryStatus::Voided => "voided",
        }
    }

    /// Confirmed either way: the only records a provider can be paid for.
    pub const fn is_confirmed(self) -> bool {
        matches!(
            self,
            DeliveryStatus::Confirmed | DeliveryStatus::AutoConfirmed
        )
    }

    /// Whether the record uses up the enrollment's volume: everything but a voided record does,
    /// so a provider cannot record past the volume while earlier records are still in dispute.
    pub const fn counts_toward_volume(self) -> bool {
        !matches!(self, DeliveryStatus::Voided)
    }

    /// The state after `event`, or why it cannot happen.
    pub fn apply(self, event: DeliveryEvent) -> Result<Self, EnrollmentError> {
        use DeliveryEvent as E;
        use DeliveryStatus as S;
        match (self, event) {
            (S::Recorded | S::Disputed, E::Confirm) => Ok(S::Confirmed),
            (S::Recorded, E::Dispute) => Ok(S::Disputed),
            (S::Recorded, E::AutoConfirm) => Ok(S::AutoConfirmed),
            (S::Disputed, E::Void) => Ok(S::Voided),
            (from, event) => Err(EnrollmentError::IllegalDeliveryTransition { from, event }),
        }
    }
}

impl fmt::Display for DeliveryStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DeliveryStatus {
    type Err = EnrollmentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DeliveryStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| EnrollmentError::UnknownDeliveryStatus(s.to_owned()))
    }
}

impl DeliveryEvent {
    pub const ALL: [DeliveryEvent; 4] = [
        DeliveryEvent::Confirm,
        DeliveryEvent::Dispute,
        DeliveryEvent::AutoConfirm,
        DeliveryEvent::Void,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            DeliveryEvent::Confirm => "confirm",
            DeliveryEvent::Dispute => "dispute",
            DeliveryEvent::AutoConfirm => "auto_confirm",
            DeliveryEvent::Void => "void",
        }
    }
}

impl fmt::Display for DeliveryEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first day on which a record made on `recorded_on` is auto-confirmed if still undisputed:
/// `recorded_on + window_days`. Recorded on the 10th with a 5-day window, the recipient can
/// dispute on the 10th to the 14th (five days) and the record is auto-confirmed from the 15th.
/// A window of 0 auto-confirms on the day itself. Saturates at the last representable date.
pub fn auto_confirm_due(recorded_on: Date, window_days: u16) -> Date {
    recorded_on.saturating_add(jiff::Span::new().days(i64::from(window_days)))
}

/// Whether on `today` the window has passed: `today >= auto_confirm_due(..)` (the due day itself
/// is included). Only says when; the status machine allows auto-confirmation from `recorded`
/// alone, so a disputed record is never auto-confirmed.
pub fn is_due_for_auto_confirmation(recorded_on: Date, window_days: u16, today: Date) -> bool {
    today >= auto_confirm_due(recorded_on, window_days)
}

// ---------------------------------------------------------------------------------------------
// Making a delivery record
// ---------------------------------------------------------------------------------------------

/// What `check_delivery` needs to know about the enrollment a record is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnrollmentView {
    pub status: EnrollmentStatus,
    /// The enrolled volume.
    pub volume: Units,
    /// First day of service, inclusive.
    pub starts_on: Date,
    /// Last day of service, inclusive.
    pub ends_on: Date,
    /// Units of the enrollment's earlier records that count toward the volume (all but voided
    /// ones, see [`DeliveryStatus::counts_toward_volume`]).
    pub recorded: Units,
}

/// A delivery record a provider wants to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewDelivery {
    pub delivered_on: Date,
    pub units: Units,
}

/// Why a delivery record was refused. [`DeliveryRefusal::code`] is stable for APIs and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryRefusal {
    #[error("a delivery record needs at least one unit")]
    ZeroUnits,
    #[error("the enrollment is {status}: only an active enrollment takes delivery records")]
    NotActive { status: EnrollmentStatus },
    #[error("{delivered_on} is outside the enrollment, which runs from {starts_on} to {ends_on}")]
    OutOfPeriod {
        delivered_on: Date,
        starts_on: Date,
        ends_on: Date,
    },
    #[error("only {left} of {volume} units are left on the enrollment, {requested} recorded")]
    OverVolume {
        volume: Units,
        left: Units,
        requested: Units,
    },
}

impl DeliveryRefusal {
    pub const fn code(self) -> &'static str {
        match self {
            DeliveryRefusal::ZeroUnits => "ZERO_UNITS",
            DeliveryRefusal::NotActive { .. } => "NOT_ACTIVE",
            DeliveryRefusal::OutOfPeriod { .. } => "OUT_OF_PERIOD",
            DeliveryRefusal::OverVolume { .. } => "OVER_VOLUME",
        }
    }
}

/// Whether `record` may be made on `enrollment`. Checked in this order, first failure wins: zero
/// units, enrollment not active, date outside `starts_on..=ends_on`, earlier records plus this
/// one above the volume.
pub fn check_delivery(
    enrollment: &EnrollmentView,
    record: &NewDelivery,
) -> Result<(), DeliveryRefusal> {
    if record.units == Units::ZERO {
        return Err(DeliveryRefusal::ZeroUnits);
    }
    if !enrollment.status.is_active() {
        return Err(DeliveryRefusal::NotActive {
            status: enrollment.status,
        });
    }
    if !(enrollment.starts_on..=enrollment.ends_on).contains(&record.delivered_on) {
        return Err(DeliveryRefusal::OutOfPeriod {
            delivered_on: record.delivered_on,
            starts_on: enrollment.starts_on,
            ends_on: enrollment.ends_on,
        });
    }
    let fits = enrollment
        .recorded
        .checked_add(record.units)
        .is_ok_and(|after| after <= enrollment.volume);
    if !fits {
        return Err(DeliveryRefusal::OverVolume {
            volume: enrollment.volume,
            left: enrollment
                .volume
                .checked_sub(enrollment.recorded)
                .unwrap_or(Units::ZERO),
            requested: record.units,
        });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

/// Why a claim line was rejected. The codes ([`ClaimReason::as_str`]) are stable: they appear in
/// APIs, exports and payment registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ClaimReason {
    NoEnrollment,
    OverVolume,
    PriceMismatch,
    Duplicate,
    NotConfirmed,
    OutOfPeriod,
}

impl ClaimReason {
    pub const ALL: [ClaimReason; 6] = [
        ClaimReason::NoEnrollment,
        ClaimReason::OverVolume,
        ClaimReason::PriceMismatch,
        ClaimReason::Duplicate,
        ClaimReason::NotConfirmed,
        ClaimReason::OutOfPeriod,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimReason::NoEnrollment => "NO_ENROLLMENT",
            ClaimReason::OverVolume => "OVER_VOLUME",
            ClaimReason::PriceMismatch => "PRICE_MISMATCH",
            ClaimReason::Duplicate => "DUPLICATE",
            ClaimReason::NotConfirmed => "NOT_CONFIRMED",
            ClaimReason::OutOfPeriod => "OUT_OF_PERIOD",
        }
    }

    /// A sentence in English for officers and providers.
    pub const fn description(self) -> &'static str {
        match self {
            ClaimReason::NoEnrollment => {
                "the delivery record does not belong to an enrollment of this provider"
            }
            ClaimReason::OverVolume => {
                "more units than the delivery record has, or the enrolled volume is used up"
            }
            ClaimReason::PriceMismatch => {
                "the price differs from the price agreed in the enrollment"
            }
            ClaimReason::Duplicate => "this delivery record has already been claimed",
            ClaimReason::NotConfirmed => {
                "the delivery record is not confirmed by the recipient or the confirmation window"
            }
            ClaimReason::OutOfPeriod => {
                "the service was delivered outside the claim period or the enrollment's dates"
            }
        }
    }
}

impl fmt::Display for ClaimReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimReason {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClaimReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown claim reason {s:?}"))
    }
}

/// One line of a provider's claim: one delivery record, as the store loaded it, and the price the
/// provider asks for it. Ids are the records' and enrollments' UUIDs (typed ids to follow in
/// `ids.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimLineInput {
    pub delivery_record: Uuid,
    /// The enrollment the record was made on.
    pub enrollment: Uuid,
    pub delivered_on: Date,
    /// Units the line asks to be paid for.
    pub units: Units,
    /// Units on the delivery record: a line cannot ask for more.
    pub recorded_units: Units,
    pub status: DeliveryStatus,
    /// Price per unit as claimed.
    pub price_per_unit: Money,
}

/// The provider's enrollments that a claim may draw on, and what earlier claims took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimContext {
    /// The provider's enrollments, by id. A line naming any other enrollment is `NO_ENROLLMENT`.
    pub enrollments: BTreeMap<Uuid, ClaimEnrollment>,
    /// Delivery records approved in earlier claims (not rejected ones: those may be claimed again).
    pub claimed_before: BTreeSet<Uuid>,
}

/// What the claim check needs from one enrollment. Its status does not matter: deliveries made
/// while it was active are paid even after it is completed or cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimEnrollment {
    pub volume: Units,
    /// The agreed price per unit; a line must ask exactly this.
    pub price_per_unit: Money,
    /// First day of service, inclusive.
    pub starts_on: Date,
    /// Last day of service, inclusive.
    pub ends_on: Date,
    /// Units approved on this enrollment in earlier claims.
    pub claimed_units: Units,
}

/// The decision on one claim line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimLineDecision {
    /// Pay `amount = units * agreed price`; `units` may be fewer than the line asked for when
    /// only that much of the enrollment's volume was left.
    Approved {
        units: Units,
        amount: Money,
    },
    Rejected(ClaimReason),
}

/// Decides every line of a claim for `period` (both days inclusive); the result is in the order of
/// `lines`. Lines are decided one by one and independently: a rejected line never affects another,
/// but approved lines use up the enrollment's volume in order.
///
/// Per line, the first failing check gives the reason:
/// 1. `DUPLICATE`: the record was approved in an earlier claim or on an earlier line of this one;
/// 2. `NO_ENROLLMENT`: the enrollment is not in `context`;
/// 3. `NOT_CONFIRMED`: the record is not confirmed or auto-confirmed;
/// 4. `OUT_OF_PERIOD`: delivered outside `period` or outside the enrollment's dates;
/// 5. `PRICE_MISMATCH`: the price (or currency) is not the agreed one;
/// 6. `OVER_VOLUME`: the line asks for more units than its record has, or nothing of the volume
///    is left (or the amount would overflow).
///
/// Otherwise approved for `min(units, volume left)` at the agreed price. A zero-unit line (which
/// `check_delivery` never lets exist) is approved for nothing if any volume is left.
pub fn check_claim_lines(
    period: (Date, Date),
    lines: &[ClaimLineInput],
    context: &ClaimContext,
) -> Vec<ClaimLineDecision> {
    let mut approved_records: BTreeSet<Uuid> = BTreeSet::new();
    // Units approved per enrollment so far in this claim.
    let mut approved_units: BTreeMap<Uuid, Units> = BTreeMap::new();
    let claim_period = period.0..=period.1;
    lines
        .iter()
        .map(|line| {
            let decision = decide_line(
                line,
                &claim_period,
                context,
                &approved_records,
                &approved_units,
            );
            if let ClaimLineDecision::Approved { units, .. } = decision {
                approved_records.insert(line.delivery_record);
                let used = approved_units.entry(line.enrollment).or_insert(Units::ZERO);
                // Cannot overflow: approved units never exceed the enrollment's volume.
                *used = used.checked_add(units).unwrap_or(*used);
            }
            decision
        })
        .collect()
}

fn decide_line(
    line: &ClaimLineInput,
    claim_period: &std::ops::RangeInclusive<Date>,
    context: &ClaimContext,
    approved_records: &BTreeSet<Uuid>,
    approved_units: &BTreeMap<Uuid, Units>,
) -> ClaimLineDecision {
    use ClaimLineDecision::Rejected;
    if context.claimed_before.contains(&line.delivery_record)
        || approved_records.contains(&line.delivery_record)
    {
        return Rejected(ClaimReason::Duplicate);
    }
    let Some(enrollment) = context.enrollments.get(&line.enrollment) else {
        return Rejected(ClaimReason::NoEnrollment);
    };
    if !line.status.is_confirmed() {
        return Rejected(ClaimReason::NotConfirmed);
    }
    let in_enrollment = (enrollment.starts_on..=enrollment.ends_on).contains(&line.delivered_on);
    if !claim_period.contains(&line.delivered_on) || !in_enrollment {
        return Rejected(ClaimReason::OutOfPeriod);
    }
    if line.price_per_unit != enrollment.price_per_unit {
        return Rejected(ClaimReason::PriceMismatch);
    }
    if line.units > line.recorded_units {
        return Rejected(ClaimReason::OverVolume);
    }
    let used = approved_units
        .get(&line.enrollment)
        .copied()
        .unwrap_or(Units::ZERO);
    let left = enrollment
        .claimed_units
        .checked_add(used)
        .and_then(|taken| enrollment.volume.checked_sub(taken))
        .unwrap_or(Units::ZERO);
    if left == Units::ZERO {
        return Rejected(ClaimReason::OverVolume);
    }
    let units = line.units.min(left);
    match enrollment.price_per_unit.checked_mul(units.count()) {
        Ok(amount) => ClaimLineDecision::Approved { units, amount },
        Err(_) => Rejected(ClaimReason::OverVolume),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn rub(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Rub)
    }

    fn units(count: i64) -> Units {
        Units::new(count).unwrap()
    }

    // --- enrollment status ----------------------------------------------------------------

    use EnrollmentStatus as S;

    fn decline() -> EnrollmentEvent {
        EnrollmentEvent::Decline {
            reason: "no free seats this term".into(),
        }
    }

    fn all_events() -> [EnrollmentEvent; 4] {
        [
            EnrollmentEvent::Accept,
            decline(),
            EnrollmentEvent::Cancel,
            EnrollmentEvent::Complete,
        ]
    }

    /// Every legal transition, by event name; all other pairs must be refused.
    const LEGAL: [(S, &str, S); 5] = [
        (S::Requested, "accept", S::Active),
        (S::Requested, "decline", S::Declined),
        (S::Requested, "cancel", S::Cancelled),
        (S::Active, "cancel", S::Cancelled),
        (S::Active, "complete", S::Completed),
    ];

    fn legal(from: S, event: &EnrollmentEvent) -> Option<S> {
        LEGAL
            .iter()
            .find(|(f, e, _)| *f == from && *e == event.as_str())
            .map(|(_, _, to)| *to)
    }

    #[test]
    fn every_pair_of_enrollment_status_and_event() {
        let mut allowed = 0;
        for from in S::ALL {
            for event in all_events() {
                let got = from.apply(&event);
                match legal(from, &event) {
                    Some(to) => {
                        allowed += 1;
                        assert_eq!(got, Ok(to), "{from} --{event}-->");
                        assert!(!from.is_final());
                    }
                    None => assert_eq!(
                        got,
                        Err(EnrollmentError::IllegalTransition {
                            from,
                            event: event.clone()
                        }),
                        "{from} --{event}--> should be refused"
                    ),
                }
            }
        }
        assert_eq!(allowed, LEGAL.len());
        for status in S::ALL {
            assert_eq!(status.is_active(), status == S::Active);
        }
    }

    #[test]
    fn a_decline_needs_a_reason_but_an_illegal_one_is_reported_as_illegal() {
        for blank in ["", "  \t"] {
            let event = EnrollmentEvent::Decline {
                reason: blank.into(),
            };
            assert_eq!(
                S::Requested.apply(&event),
                Err(EnrollmentError::ReasonRequired {
                    event: event.clone()
                })
            );
            assert_eq!(
                S::Active.apply(&event),
                Err(EnrollmentError::IllegalTransition {
                    from: S::Active,
                    event
                })
            );
        }
        assert_eq!(
            S::Active.apply(&decline()).unwrap_err().to_string(),
            "cannot decline an enrollment that is active"
        );
    }

    #[test]
    fn enrollment_names_round_trip() {
        for status in S::ALL {
            assert_eq!(status.as_str().parse(), Ok(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{status}\"")
            );
        }
        assert!("Active".parse::<S>().is_err());
        assert_eq!(
            serde_json::to_string(&decline()).unwrap(),
            r#"{"event":"decline","reason":"no free seats this term"}"#
        );
    }

    // --- quote ----------------------------------------------------------------------------

    #[test]
    fn a_price_at_or_below_the_normative_is_fully_covered() {
        for price in [25_000, 26_000] {
            let q = quote(
                rub(price),
                Some(rub(26_000)),
                units(10),
                rub(1_000_000),
                false,
            )
            .unwrap();
            assert_eq!(
                q,
                Quote {
                    total: rub(price * 10),
                    covered: rub(price * 10),
                    copay: rub(0)
                }
            );
        }
    }

    #[test]
    fn a_price_above_the_normative_needs_an_agreed_copayment() {
        let args = (rub(30_000), Some(rub(26_000)), units(10), rub(1_000_000));
        assert_eq!(
            quote(args.0, args.1, args.2, args.3, false),
            Err(EnrollmentError::CopayNotAgreed { copay: rub(40_000) })
        );
        assert_eq!(
            quote(args.0, args.1, args.2, args.3, true),
            Ok(Quote {
                total: rub(300_000),
                covered: rub(260_000),
                copay: rub(40_000)
            })
        );
    }

    #[test]
    fn a_short_balance_caps_what_the_certificate_covers() {
        // 10 units at 250.00, all within the normative, but only 2000.00 left.
        assert_eq!(
            quote(
                rub(25_000),
                Some(rub(26_000)),
                units(10),
                rub(200_000),
                false
            ),
            Err(EnrollmentError::CopayNotAgreed { copay: rub(50_000) })
        );
        let q = quote(
            rub(25_000),
            Some(rub(26_000)),
            units(10),
            rub(200_000),
            true,
        )
        .unwrap();
        assert_eq!(
            (q.total, q.covered, q.copay),
            (rub(250_000), rub(200_000), rub(50_000))
        );
        // A negative balance (impossible in a sound ledger) covers nothing.
        let q = quote(rub(100), Some(rub(100)), units(1), rub(-5), true).unwrap();
        assert_eq!((q.covered, q.copay), (rub(0), rub(100)));
    }

    #[test]
    fn no_normative_means_not_covered_and_bad_inputs_are_refused() {
        let full = rub(1_000_000);
        assert_eq!(
            quote(rub(100), None, units(1), full, true),
            Err(EnrollmentError::NotCovered)
        );
        assert_eq!(
            quote(rub(100), Some(rub(0)), units(1), full, true),
            Err(EnrollmentError::NotCovered)
        );
        assert_eq!(
            quote(rub(0), Some(rub(100)), units(1), full, true),
            Err(EnrollmentError::NonPositivePrice)
        );
        assert_eq!(
            quote(rub(100), Some(rub(100)), Units::ZERO, full, true),
            Err(EnrollmentError::ZeroUnits)
        );
        let uah = Money::from_minor(100, Currency::Uah);
        let mismatch = |e: Result<Quote, EnrollmentError>| {
            matches!(
                e,
                Err(EnrollmentError::Money(MoneyError::CurrencyMismatch { .. }))
            )
        };
        assert!(mismatch(quote(rub(100), Some(uah), units(1), full, true)));
        assert!(mismatch(quote(
            rub(100),
            Some(rub(100)),
            units(1),
            uah,
            true
        )));
        assert!(mismatch(quote(rub(100), None, units(1), uah, true)));
        assert_eq!(
            quote(rub(i64::MAX), Some(rub(1)), units(2), full, true),
            Err(EnrollmentError::Money(MoneyError::Overflow))
        );
    }

    proptest! {
        #[test]
        fn a_quote_always_adds_up(
            price in 1i64..100_000,
            normative in 1i64..100_000,
            count in 1i64..1_000,
            available in 0i64..10_000_000,
        ) {
            let q = quote(rub(price), Some(rub(normative)), units(count), rub(available), true)
                .unwrap();
            prop_assert_eq!(q.total.checked_sub(q.covered).unwrap(), q.copay);
            prop_assert!(q.covered.minor() <= available);
            prop_assert!(q.covered.minor() <= normative * count);
            prop_assert!(!q.copay.is_negative());
        }
    }

    // --- delivery status ------------------------------------------------------------------

    use DeliveryEvent as DE;
    use DeliveryStatus as DS;

    const DELIVERY_LEGAL: [(DS, DE, DS); 5] = [
        (DS::Recorded, DE::Confirm, DS::Confirmed),
        (DS::Recorded, DE::Dispute, DS::Disputed),
        (DS::Recorded, DE::AutoConfirm, DS::AutoConfirmed),
        (DS::Disputed, DE::Confirm, DS::Confirmed),
        (DS::Disputed, DE::Void, DS::Voided),
    ];

    #[test]
    fn every_pair_of_delivery_status_and_event() {
        let mut allowed = 0;
        for from in DS::ALL {
            for event in DE::ALL {
                let expected = DELIVERY_LEGAL
                    .iter()
                    .find(|(f, e, _)| (*f, *e) == (from, event))
                    .map(|(_, _, to)| *to);
                let got = from.apply(event);
                match expected {
                    Some(to) => {
                        allowed += 1;
                        assert_eq!(got, Ok(to), "{from} --{event}-->");
                    }
                    None => assert_eq!(
                        got,
                        Err(EnrollmentError::IllegalDeliveryTransition { from, event }),
                        "{from} --{event}--> should be refused"
                    ),
                }
            }
        }
        assert_eq!(allowed, DELIVERY_LEGAL.len());
        for status in DS::ALL {
            assert_eq!(
                status.is_confirmed(),
                matches!(status, DS::Confirmed | DS::AutoConfirmed)
            );
            assert_eq!(status.counts_toward_volume(), status != DS::Voided);
            assert_eq!(status.as_str().parse(), Ok(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{status}\"")
            );
        }
    }

    #[test]
    fn auto_confirmation_is_due_the_day_after_the_window_closes() {
        let recorded = date(2026, 3, 10);
        assert_eq!(auto_confirm_due(recorded, 5), date(2026, 3, 15));
        assert!(!is_due_for_auto_confirmation(
            recorded,
            5,
            date(2026, 3, 14)
        ));
        assert!(is_due_for_auto_confirmation(recorded, 5, date(2026, 3, 15)));
        assert!(is_due_for_auto_confirmation(recorded, 5, date(2026, 4, 1)));
        // Across a month end and a leap day.
        assert_eq!(auto_confirm_due(date(2028, 2, 27), 3), date(2028, 3, 1));
        // A zero window is due the same day, never the day before.
        assert!(is_due_for_auto_confirmation(recorded, 0, recorded));
        assert!(!is_due_for_auto_confirmation(recorded, 0, date(2026, 3, 9)));
        // Near the end of the calendar it saturates instead of panicking.
        assert_eq!(
            auto_confirm_due(date(9999, 12, 30), u16::MAX),
            date(9999, 12, 31)
        );
    }

    // --- check_delivery -------------------------------------------------------------------

    fn enrollment_view() -> EnrollmentView {
        EnrollmentView {
            status: S::Active,
            volume: units(40),
            starts_on: date(2026, 2, 1),
            ends_on: date(2026, 4, 30),
            recorded: units(30),
        }
    }

    fn delivery(on: Date, count: i64) -> NewDelivery {
        NewDelivery {
            delivered_on: on,
            units: units(count),
        }
    }

    #[test]
    fn a_delivery_on_the_first_and_last_day_up_to_the_volume_is_accepted() {
        let e = enrollment_view();
        assert_eq!(check_delivery(&e, &delivery(date(2026, 2, 1), 1)), Ok(()));
        assert_eq!(check_delivery(&e, &delivery(date(2026, 4, 30), 10)), Ok(()));
    }

    #[test]
    fn deliveries_outside_the_dates_over_the_volume_or_not_active_are_refused() {
        let e = enrollment_view();
        for day in [date(2026, 1, 31), date(2026, 5, 1)] {
            let refusal = check_delivery(&e, &delivery(day, 1)).unwrap_err();
            assert_eq!(refusal.code(), "OUT_OF_PERIOD", "{day}");
        }
        let over = check_delivery(&e, &delivery(date(2026, 3, 1), 11)).unwrap_err();
        assert_eq!(
            over,
            DeliveryRefusal::OverVolume {
                volume: units(40),
                left: units(10),
                requested: units(11)
            }
        );
        assert_eq!(over.code(), "OVER_VOLUME");
        assert_eq!(
            over.to_string(),
            "only 10 of 40 units are left on the enrollment, 11 recorded"
        );
        let huge = NewDelivery {
            delivered_on: date(2026, 3, 1),
            units: units(i64::MAX),
        };
        assert_eq!(check_delivery(&e, &huge).unwrap_err().code(), "OVER_VOLUME");
        for status in S::ALL.into_iter().filter(|s| *s != S::Active) {
            let e = EnrollmentView { status, ..e };
            let refusal = check_delivery(&e, &delivery(date(2026, 3, 1), 1)).unwrap_err();
            assert_eq!(refusal, DeliveryRefusal::NotActive { status });
            assert_eq!(refusal.code(), "NOT_ACTIVE");
        }
        assert_eq!(
            check_delivery(&e, &delivery(date(2026, 3, 1), 0)),
            Err(DeliveryRefusal::ZeroUnits)
        );
    }

    // --- claims ---------------------------------------------------------------------------

    #[test]
    fn claim_reason_codes_are_stable() {
        let codes: Vec<&str> = ClaimReason::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            codes,
            [
                "NO_ENROLLMENT",
                "OVER_VOLUME",
                "PRICE_MISMATCH",
                "DUPLICATE",
                "NOT_CONFIRMED",
                "OUT_OF_PERIOD"
            ]
        );
        for reason in ClaimReason::ALL {
            assert_eq!(reason.as_str().parse(), Ok(reason));
            assert_eq!(
                serde_json::to_string(&reason).unwrap(),
                format!("\"{reason}\"")
            );
            assert!(!reason.description().is_empty());
        }
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    const ENROLLMENT: u128 = 1_000;
    const MARCH: (Date, Date) = (date(2026, 3, 1), date(2026, 3, 31));

    fn claim_context(volume: i64, price: i64, claimed_units: i64) -> ClaimContext {
        ClaimContext {
            enrollments: BTreeMap::from([(
                id(ENROLLMENT),
                ClaimEnrollment {
                    volume: units(volume),
                    price_per_unit: rub(price),
                    starts_on: date(2026, 2, 1),
                    ends_on: date(2026, 4, 30),
                    claimed_units: units(claimed_units),
                },
            )]),
            claimed_before: BTreeSet::new(),
        }
    }

    fn line(record: u128, day: u8, count: i64) -> ClaimLineInput {
        ClaimLineInput {
            delivery_record: id(record),
            enrollment: id(ENROLLMENT),
            delivered_on: date(2026, 3, day as i8),
            units: units(count),
            recorded_units: units(count),
            status: DS::Confirmed,
            price_per_unit: rub(50_000),
        }
    }

    fn approved(count: i64, price: i64) -> ClaimLineDecision {
        ClaimLineDecision::Approved {
            units: units(count),
            amount: rub(count * price),
        }
    }

    #[test]
    fn a_duplicate_and_an_over_volume_line_are_the_only_rejections() {
        // 20 units enrolled, 8 claimed in February.
        let context = claim_context(20, 50_000, 8);
        let lines = [
            line(1, 3, 4),
            line(2, 10, 4),
            line(1, 3, 4), // the same record again
            line(3, 17, 4),
            line(4, 24, 2), // the volume is used up by now
        ];
        let decisions = check_claim_lines(MARCH, &lines, &context);
        assert_eq!(
            decisions,
            [
                approved(4, 50_000),
                approved(4, 50_000),
                ClaimLineDecision::Rejected(ClaimReason::Duplicate),
                approved(4, 50_000),
                ClaimLineDecision::Rejected(ClaimReason::OverVolume),
            ]
        );
    }

    #[test]
    fn a_line_asking_more_units_than_its_record_has_is_over_volume() {
        let context = claim_context(20, 50_000, 0);
        let greedy = ClaimLineInput {
            units: units(3),
            ..line(1, 3, 2)
        };
        let decisions = check_claim_lines(MARCH, &[greedy, line(2, 4, 2)], &context);
        assert_eq!(
            decisions,
            [
                ClaimLineDecision::Rejected(ClaimReason::OverVolume),
                approved(2, 50_000),
            ]
        );
    }

    #[test]
    fn each_reason_on_its_own_line() {
        let mut context = claim_context(20, 50_000, 0);
        context.claimed_before.insert(id(9));
        let other_enrollment = ClaimLineInput {
            enrollment: id(7),
            ..line(2, 3, 1)
        };
        let disputed = ClaimLineInput {
            status: DS::Disputed,
            ..line(3, 3, 1)
        };
        let recorded = ClaimLineInput {
            status: DS::Recorded,
            ..line(4, 3, 1)
        };
        let auto = ClaimLineInput {
            status: DS::AutoConfirmed,
            ..line(5, 31, 1)
        };
        let february = ClaimLineInput {
            delivered_on: date(2026, 2, 28),
            ..line(6, 1, 1)
        };
        let dearer = ClaimLineInput {
            price_per_unit: rub(50_001),
            ..line(7, 3, 1)
        };
        let other_currency = ClaimLineInput {
            price_per_unit: Money::from_minor(50_000, Currency::Uah),
            ..line(8, 3, 1)
        };
        let lines = [
            line(9, 3, 1),
            other_enrollment,
            disputed,
            recorded,
            auto,
            february,
            dearer,
            other_currency,
            line(10, 1, 25),
        ];
        use ClaimLineDecision::Rejected;
        assert_eq!(
            check_claim_lines(MARCH, &lines, &context),
            [
                Rejected(ClaimReason::Duplicate),
                Rejected(ClaimReason::NoEnrollment),
                Rejected(ClaimReason::NotConfirmed),
                Rejected(ClaimReason::NotConfirmed),
                approved(1, 50_000),
                Rejected(ClaimReason::OutOfPeriod),
                Rejected(ClaimReason::PriceMismatch),
                Rejected(ClaimReason::PriceMismatch),
                // 25 asked, 19 left: capped, not refused.
                approved(19, 50_000),
            ]
        );
    }

    #[test]
    fn a_record_rejected_first_can_be_approved_on_a_later_line() {
        let context = claim_context(20, 50_000, 0);
        let wrong_price = ClaimLineInput {
            price_per_unit: rub(1),
            ..line(1, 3, 2)
        };
        let lines = [wrong_price, line(1, 3, 2), line(1, 3, 2)];
        assert_eq!(
            check_claim_lines(MARCH, &lines, &context),
            [
                ClaimLineDecision::Rejected(ClaimReason::PriceMismatch),
                approved(2, 50_000),
                ClaimLineDecision::Rejected(ClaimReason::Duplicate),
            ]
        );
    }

    #[test]
    fn delivery_outside_the_enrollment_dates_is_out_of_period() {
        let mut context = claim_context(20, 50_000, 0);
        if let Some(e) = context.enrollments.get_mut(&id(ENROLLMENT)) {
            e.ends_on = date(2026, 3, 15);
        }
        let decisions = check_claim_lines(MARCH, &[line(1, 15, 1), line(2, 16, 1)], &context);
        assert_eq!(
            decisions,
            [
                approved(1, 50_000),
                ClaimLineDecision::Rejected(ClaimReason::OutOfPeriod)
            ]
        );
    }

    fn claim_line() -> impl Strategy<Value = ClaimLineInput> {
        (
            0u128..12,
            1u8..=31,
            0i64..15,
            0usize..DS::ALL.len(),
            prop::bool::weighted(0.8),
            prop::bool::weighted(0.95),
        )
            .prop_map(|(record, day, count, status, good_price, known)| {
                let mut l = line(record, day, count);
                l.status = DS::ALL[status];
                if !good_price {
                    l.price_per_unit = rub(49_999);
                }
                if !known {
                    l.enrollment = id(ENROLLMENT + 1);
                }
                l
            })
    }

    proptest! {
        #[test]
        fn claims_never_exceed_the_volume_nor_pay_a_record_twice(
            volume in 0i64..60,
            claimed_units in 0i64..20,
            claimed_before in prop::collection::btree_set(0u128..12, 0..4),
            lines in prop::collection::vec(claim_line(), 0..30),
        ) {
            let price = 50_000;
            let mut context = claim_context(volume, price, claimed_units.min(volume));
            context.claimed_before = claimed_before.iter().map(|n| id(*n)).collect();
            let decisions = check_claim_lines(MARCH, &lines, &context);
            prop_assert_eq!(decisions.len(), lines.len());
            let mut paid = 0i64;
            let mut paid_units = 0i64;
            let mut records = BTreeSet::new();
            for (line, decision) in lines.iter().zip(&decisions) {
                if let ClaimLineDecision::Approved { units, amount } = decision {
                    prop_assert!(records.insert(line.delivery_record), "paid twice");
                    prop_assert!(!context.claimed_before.contains(&line.delivery_record));
                    prop_assert!(line.status.is_confirmed());
                    prop_assert!(*units <= line.units);
                    prop_assert_eq!(amount.minor(), units.count() * price);
                    paid += amount.minor();
                    paid_units += units.count();
                }
            }
            prop_assert!(paid <= volume * price);
            prop_assert!(paid_units + claimed_units.min(volume) <= volume);
        }
    }
}
