//! `EnrollmentStore` for both backends (expanded in `sqlite.rs` and `postgres.rs`): the same SQL
//! text, the backend's transaction type.

/// What an enrollment request was priced from (read before the transaction).
pub(crate) struct Pricing {
    pub provider_id: uuid::Uuid,
    /// The certificate is one of account: the enrollment funds it from the program's budget.
    pub of_account: bool,
    pub max_funded: Option<u32>,
    /// What the program's budget can still fund (certificates of account only).
    pub budget: socert_domain::Money,
    /// A certificate of account's yearly nominal (money templates): funding stops there.
    pub nominal: Option<socert_domain::Money>,
    pub service_id: uuid::Uuid,
    pub price: socert_domain::Money,
    pub normative: socert_domain::Money,
    pub starts_on: socert_domain::Date,
    pub ends_on: socert_domain::Date,
}

impl Pricing {
    /// What the program may still put on a certificate of account that has `funded` already,
    /// with `budget` left: up to its nominal. Nothing for other certificates.
    pub(crate) fn fundable(&self, funded: i64, budget: i64) -> i64 {
        if !self.of_account {
            return 0;
        }
        let room = self.nominal.map_or(budget, |n| n.minor() - funded);
        room.min(budget).max(0)
    }
}

macro_rules! impl_enrollments {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::enrollments::EnrollmentStore for $store {
            async fn quote_enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                request: &$crate::enrollments::EnrollmentRequest,
                today: socert_domain::Date,
            ) -> $crate::Result<$crate::enrollments::EnrollmentQuote> {
                let certificate = $crate::ProgramStore::certificate(self, authority, request.certificate_id).await?;
                let pricing = self.pricing(authority, request, &certificate, today).await?;
                let fundable = pricing.fundable(certificate.value.minor(), pricing.budget.minor());
                let available = socert_domain::Money::from_minor(certificate.available.minor() + fundable, certificate.available.currency());
                let quote = socert_domain::enrollment::quote(
                    pricing.price,
                    Some(pricing.normative),
                    request.volume,
                    available,
                    request.copay_agreed,
                )?;
                Ok($crate::enrollments::EnrollmentQuote {
                    price_per_unit: pricing.price,
                    normative_per_unit: pricing.normative,
                    volume: request.volume,
                    quote,
                    available,
                    starts_on: pricing.starts_on,
                    ends_on: pricing.ends_on,
                })
            }

            async fn enroll(
                &self,
                authority: socert_domain::AuthorityId,
                request: &$crate::enrollments::EnrollmentRequest,
                key: &socert_domain::ledger::IdempotencyKey,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<($crate::enrollments::Enrollment, bool)> {
                use $crate::enrollments::sql;
                use socert_domain::ledger::{AccountKind, AccountRef, TransactionKind};
                if let Some(first) = self.enrollment_by_key(authority, key).await? {
                    return Self::replayed_enrollment(first, request);
                }
                let certificate = $crate::ProgramStore::certificate(self, authority, request.certificate_id).await?;
                let pricing = self.pricing(authority, request, &certificate, today).await?;
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let first: Option<$crate::enrollments::EnrollmentRow> = sqlx::query_as(sql::ENROLLMENT_BY_KEY)
                        .bind(authority.as_uuid())
                        .bind(key.as_str())
                        .fetch_optional(&mut *tx)
                        .await?;
                    if let Some(first) = first {
                        tx.rollback().await?;
                        return Self::replayed_enrollment(first.into_domain()?, request);
                    }
                    // Lock order: program (for a certificate of account, which draws on its
                    // budget), certificate, ledger accounts; as issuance and revocation do.
                    let budget: Option<(uuid::Uuid, i64, String)> = if pricing.of_account {
                        sqlx::query($crate::programs::sql::LOCK_PROGRAM)
                            .bind(certificate.program_id)
                            .bind(authority.as_uuid())
                            .execute(&mut *tx)
                            .await?;
                        sqlx::query_as($crate::programs::sql::LOCK_BUDGET)
                            .bind(authority.as_uuid())
                            .bind(certificate.program_id)
                            .fetch_optional(&mut *tx)
                            .await?
                    } else {
                        None
                    };
                    let locked: Option<(String, i64)> = sqlx::query_as(sql::LOCK_CERTIFICATE)
                        .bind(request.certificate_id)
                        .bind(authority.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?;
                    let (status, funded) = locked.ok_or($crate::Error::NotFound { what: "certificate" })?;
                    if status != socert_domain::CertificateStatus::Active.as_str() {
                        return Err($crate::enrollments::refused(
                            "certificate_not_active",
                            format!("the certificate is {status}: only an active certificate pays for services"),
                        ));
                    }
                    let (available_id, available, held_id) = self.certificate_accounts(&mut tx, authority, request.certificate_id).await?;
                    let currency = pricing.price.currency();
                    let budget_left = budget.as_ref().map_or(0, |(_, left, _)| pricing.fundable(funded, *left));
                    let quote = socert_domain::enrollment::quote(
                        pricing.price,
                        Some(pricing.normative),
                        request.volume,
                        socert_domain::Money::from_minor(available + budget_left, currency),
                        request.copay_agreed,
                    )?;
                    let id = uuid::Uuid::now_v7();
                    let cert = request.certificate_id;
                    let funding = quote.covered.minor() - available;
                    if let (Some((budget_id, _, _)), true) = (&budget, funding > 0) {
                        let unfunded = funded == 0;
                        if let (Some(cap), true) = (pricing.max_funded, unfunded) {
                            let funded: i64 = sqlx::query_scalar(sql::FUNDED_OF_PROGRAM)
                                .bind(certificate.program_id)
                                .fetch_one(&mut *tx)
                                .await?;
                            if funded >= i64::from(cap) {
                                return Err($crate::enrollments::refused(
                                    "funding_cap_reached",
                                    format!("the program funds at most {cap} certificates and has funded them all"),
                                ));
                            }
                        }
                        $crate::enrollments::post_within!(
                            &mut tx,
                            authority.as_uuid(),
                            TransactionKind::Transfer,
                            format!("fund:{id}"),
                            format!("enrollment {id}: certificate of account funded"),
                            &[
                                (*budget_id, AccountRef::new(AccountKind::Budget, certificate.program_id), socert_domain::Money::from_minor(-funding, currency)),
                                (available_id, AccountRef::new(AccountKind::Available, cert), socert_domain::Money::from_minor(funding, currency)),
                            ],
                            now_us
                        );
                        sqlx::query(sql::FUND_CERTIFICATE).bind(cert).bind(funding).bind(now_us).execute(&mut *tx).await?;
                    }
                    let covered_per_unit = pricing.price.minor().min(pricing.normative.minor());
                    sqlx::query(sql::INSERT_ENROLLMENT)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .bind(request.certificate_id)
                        .bind(certificate.recipient_id)
                        .bind(request.offer_id)
                        .bind(pricing.provider_id)
                        .bind(pricing.service_id)
                        .bind(request.volume.count())
                        .bind(currency.code())
                        .bind(pricing.price.minor())
                        .bind(covered_per_unit)
                        .bind(quote.total.minor())
                        .bind(quote.covered.minor())
                        .bind(quote.copay.minor())
                        .bind(request.copay_agreed)
                        .bind($crate::rows::date_text(pricing.starts_on))
                        .bind($crate::rows::date_text(pricing.ends_on))
                        .bind(key.as_str())
                        .bind(now_us)
                        .execute(&mut *tx)
                        .await?;
                    if quote.covered.is_positive() {
                        $crate::enrollments::post_within!(
                            &mut tx,
                            authority.as_uuid(),
                            TransactionKind::Hold,
                            format!("hold:{id}"),
                            format!("enrollment {id}: hold"),
                            &[
                                (available_id, AccountRef::new(AccountKind::Available, cert), quote.covered.checked_neg().map_err(socert_domain::ledger::LedgerError::from)?),
                                (held_id, AccountRef::new(AccountKind::Held, cert), quote.covered),
                            ],
                            now_us
                        );
                    }
                    Self::notify(&mut tx, authority, $crate::enrollments::Audience::Provider(pricing.provider_id),
                        "enrollment_requested",
                        serde_json::json!({ "enrollment_id": id, "offer_id": request.offer_id, "volume": request.volume.count() }),
                        now_us).await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "enrollment.request",
                        object_kind: "enrollment",
                        object_id: id.to_string(),
                        diff: serde_json::json!({ "after": {
                            "certificate_id": request.certificate_id, "offer_id": request.offer_id,
                            "volume": request.volume.count(), "price_minor": pricing.price.minor(),
                            "covered_minor": quote.covered.minor(), "copay_minor": quote.copay.minor(),
                            "copay_agreed": request.copay_agreed,
                        }}),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    let row: $crate::enrollments::EnrollmentRow = sqlx::query_as(sql::GET_ENROLLMENT)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .fetch_one(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Ok((row.into_domain()?, false))
                })
            }

            async fn enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::enrollments::Enrollment> {
                let row: Option<$crate::enrollments::EnrollmentRow> = sqlx::query_as($crate::enrollments::sql::GET_ENROLLMENT)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                row.ok_or($crate::Error::NotFound { what: "enrollment" })?.into_domain()
            }

            async fn enrollments_of_recipient(
                &self,
                authority: socert_domain::AuthorityId,
                recipient: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::enrollments::Enrollment>> {
                let rows: Vec<$crate::enrollments::EnrollmentRow> = sqlx::query_as($crate::enrollments::sql::ENROLLMENTS_OF_RECIPIENT)
                    .bind(recipient)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|r| r.into_domain())
                    .filter(|e| !matches!(e, Ok(e) if e.authority_id != authority))
                    .collect()
            }

            async fn enrollments_of_provider(
                &self,
                provider: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::enrollments::Enrollment>> {
                let rows: Vec<$crate::enrollments::EnrollmentRow> = sqlx::query_as($crate::enrollments::sql::ENROLLMENTS_OF_PROVIDER)
                    .bind(provider)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn decide_enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                decision: $crate::enrollments::ProviderDecision,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::enrollments::Enrollment> {
                use $crate::enrollments::{sql, Audience, ProviderDecision};
                use socert_domain::enrollment::{EnrollmentEvent, EnrollmentStatus};
                let current = $crate::enrollments::EnrollmentStore::enrollment(self, authority, id).await?;
                let event = match &decision {
                    ProviderDecision::Accept => EnrollmentEvent::Accept,
                    ProviderDecision::Decline { reason } => EnrollmentEvent::Decline { reason: reason.trim().to_owned() },
                };
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let enrollment = Self::lock_with_offer(&mut tx, authority, &current).await?;
                    let next = enrollment.status.apply(&event)?;
                    let reason = match &event {
                        EnrollmentEvent::Decline { reason } => Some(reason.clone()),
                        _ => None,
                    };
                    if next == EnrollmentStatus::Active {
                        // A suspended provider keeps the people it serves but takes no new ones.
                        let admission: Option<String> = sqlx::query_scalar(sql::ADMISSION_STATUS)
                            .bind(enrollment.provider_id)
                            .bind(authority.as_uuid())
                            .fetch_optional(&mut *tx)
                            .await?;
                        if admission.as_deref() != Some("admitted") {
                            return Err($crate::enrollments::refused(
                                "provider_not_admitted",
                                "the provider is not admitted in the registry now and cannot take new people",
                            ));
                        }
                        let seat: Option<i64> = sqlx::query_scalar(sql::TAKE_SEAT)
                            .bind(enrollment.offer_id)
                            .fetch_optional(&mut *tx)
                            .await?;
                        if seat.is_none() {
                            return Err($crate::enrollments::refused(
                                "offer_full",
                                "every seat of this offer is taken: decline the request or raise the capacity",
                            ));
                        }
                        Self::set_status(&mut tx, &enrollment, next, None, enrollment.ends_on, enrollment.flag.as_deref(), now_us).await?;
                    } else {
                        Self::set_status(&mut tx, &enrollment, next, reason.as_deref(), enrollment.ends_on, None, now_us).await?;
                        Self::release_unneeded(&mut tx, authority, id, now_us).await?;
                    }
                    let kind = if next == EnrollmentStatus::Active { "enrollment_accepted" } else { "enrollment_declined" };
                    Self::notify(&mut tx, authority, Audience::Recipient(enrollment.recipient_id), kind,
                        serde_json::json!({ "enrollment_id": id, "offer_id": enrollment.offer_id, "reason": reason }), now_us).await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: if next == EnrollmentStatus::Active { "enrollment.accept" } else { "enrollment.decline" },
                        object_kind: "enrollment",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "before": { "status": enrollment.status.as_str() },
                            "after": { "status": next.as_str(), "reason": reason },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    let after = Self::lock_enrollment(&mut tx, authority, id).await?;
                    tx.commit().await?;
                    Ok(after)
                })
            }

            async fn cancel_enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::enrollments::Enrollment> {
                use $crate::enrollments::Audience;
                use socert_domain::enrollment::{EnrollmentEvent, EnrollmentStatus};
                let current = $crate::enrollments::EnrollmentStore::enrollment(self, authority, id).await?;
                let (_, notice_days, ..) = self.settings(authority).await?;
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let enrollment = Self::lock_with_offer(&mut tx, authority, &current).await?;
                    if enrollment.flag.as_deref() == Some("ending") {
                        return Err($crate::enrollments::refused(
                            "already_ending",
                            format!("the enrollment already ends on {}", enrollment.ends_on),
                        ));
                    }
                    let next = enrollment.status.apply(&EnrollmentEvent::Cancel)?;
                    let with_notice = enrollment.status == EnrollmentStatus::Active && notice_days > 0;
                    let ends_on = if with_notice {
                        enrollment.ends_on.min(today.saturating_add(jiff::Span::new().days(i64::from(notice_days))))
                    } else {
                        enrollment.ends_on.min(today).max(enrollment.starts_on)
                    };
                    if with_notice {
                        // Service goes on until the notice ends; the daily job closes it then.
                        Self::set_status(&mut tx, &enrollment, enrollment.status, Some("cancelled by the recipient"), ends_on, Some("ending"), now_us).await?;
                    } else {
                        Self::close(&mut tx, authority, &enrollment, next, Some("cancelled by the recipient"), ends_on, now_us).await?;
                    }
                    Self::notify(&mut tx, authority, Audience::Provider(enrollment.provider_id), "enrollment_ended",
                        serde_json::json!({ "enrollment_id": id, "ends_on": ends_on.to_string() }), now_us).await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "enrollment.cancel",
                        object_kind: "enrollment",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "before": { "status": enrollment.status.as_str(), "ends_on": enrollment.ends_on.to_string() },
                            "after": { "status": if with_notice { enrollment.status.as_str() } else { next.as_str() }, "ends_on": ends_on.to_string() },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    let after = Self::lock_enrollment(&mut tx, authority, id).await?;
                    tx.commit().await?;
                    Ok(after)
                })
            }

            async fn record_deliveries(
                &self,
                authority: socert_domain::AuthorityId,
                provider: uuid::Uuid,
                records: &[$crate::enrollments::NewDeliveryRecord],
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<Vec<std::result::Result<$crate::enrollments::DeliveryRecord, $crate::enrollments::RecordRefusal>>> {
                use $crate::enrollments::{sql, Audience, RecordRefusal};
                use socert_domain::enrollment::{check_delivery, DeliveryRefusal, EnrollmentView, NewDelivery};
                let (window, ..) = self.settings(authority).await?;
                let due = socert_domain::enrollment::auto_confirm_due(today, window);
                // Enrollments are locked in id order, as claims lock them.
                let mut order: Vec<usize> = (0..records.len()).collect();
                order.sort_by_key(|&i| (records[i].enrollment_id, i));
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let mut out: Vec<Option<std::result::Result<$crate::enrollments::DeliveryRecord, RecordRefusal>>> =
                        (0..records.len()).map(|_| None).collect();
                    let mut per_recipient: std::collections::BTreeMap<uuid::Uuid, i64> = Default::default();
                    for &i in &order {
                        let record = &records[i];
                        let row: Option<$crate::enrollments::EnrollmentRow> = sqlx::query_as(sql::GET_ENROLLMENT)
                            .bind(record.enrollment_id)
                            .bind(authority.as_uuid())
                            .fetch_optional(&mut *tx)
                            .await?;
                        let enrollment = match row.map(|r| r.into_domain()).transpose()? {
                            Some(e) if e.provider_id == provider => e,
                            _ => {
                                out[i] = Some(Err(RecordRefusal::NoEnrollment));
                                continue;
                            }
                        };
                        let view = EnrollmentView {
                            status: enrollment.status,
                            volume: enrollment.volume,
                            starts_on: enrollment.starts_on,
                            ends_on: enrollment.ends_on,
                            recorded: enrollment.recorded_units,
                        };
                        let new = NewDelivery { delivered_on: record.delivered_on, units: record.units };
                        if let Err(refusal) = check_delivery(&view, &new) {
                            out[i] = Some(Err(RecordRefusal::Rule(refusal)));
                            continue;
                        }
                        let counted: Option<i64> = sqlx::query_scalar(sql::COUNT_RECORDED)
                            .bind(enrollment.id)
                            .bind(record.units.count())
                            .bind(now_us)
                            .fetch_optional(&mut *tx)
                            .await?;
                        if counted.is_none() {
                            // Another record took the volume between the read and the update.
                            out[i] = Some(Err(RecordRefusal::Rule(DeliveryRefusal::OverVolume {
                                volume: enrollment.volume,
                                left: enrollment.volume.checked_sub(enrollment.recorded_units).unwrap_or(socert_domain::Units::ZERO),
                                requested: record.units,
                            })));
                            continue;
                        }
                        let id = uuid::Uuid::now_v7();
                        sqlx::query(sql::INSERT_RECORD)
                            .bind(id)
                            .bind(authority.as_uuid())
                            .bind(enrollment.id)
                            .bind(provider)
                            .bind(enrollment.recipient_id)
                            .bind($crate::rows::date_text(record.delivered_on))
                            .bind(record.delivered_at.as_deref())
                            .bind(record.units.count())
                            .bind(&record.worker)
                            .bind(&record.note)
                            .bind($crate::rows::date_text(today))
                            .bind($crate::rows::date_text(due))
                            .bind(now_us)
                            .execute(&mut *tx)
                            .await?;
                        *per_recipient.entry(enrollment.recipient_id).or_default() += 1;
                        out[i] = Some(Ok($crate::enrollments::DeliveryRecord {
                            id,
                            authority_id: authority,
                            enrollment_id: enrollment.id,
                            provider_id: provider,
                            recipient_id: enrollment.recipient_id,
                            delivered_on: record.delivered_on,
                            delivered_at: record.delivered_at.clone(),
                            units: record.units,
                            worker: record.worker.clone(),
                            note: record.note.clone(),
                            status: socert_domain::enrollment::DeliveryStatus::Recorded,
                            recorded_on: today,
                            confirm_due_on: due,
                            dispute_reason: None,
                            created_at: now,
                        }));
                    }
                    let recorded: i64 = per_recipient.values().sum();
                    if recorded > 0 {
                        for (recipient, count) in &per_recipient {
                            Self::notify(&mut tx, authority, Audience::Recipient(*recipient), "delivery_to_confirm",
                                serde_json::json!({ "records": count, "confirm_due_on": due.to_string() }), now_us).await?;
                        }
                        let draft = $crate::audit::Draft {
                            chain: Some(authority),
                            action: "delivery.record",
                            object_kind: "provider",
                            object_id: provider.to_string(),
                            diff: serde_json::json!({ "after": {
                                "recorded": recorded,
                                "refused": records.len() as i64 - recorded,
                                "records": out.iter().flatten().filter_map(|r| r.as_ref().ok().map(|r| r.id)).collect::<Vec<_>>(),
                            }}),
                        };
                        $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    }
                    tx.commit().await?;
                    Ok(out.into_iter().map(|r| r.unwrap_or(Err(RecordRefusal::NoEnrollment))).collect())
                })
            }

            async fn delivery_record(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::enrollments::DeliveryRecord> {
                let row: Option<$crate::enrollments::RecordRow> = sqlx::query_as($crate::enrollments::sql::GET_RECORD)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                row.ok_or($crate::Error::NotFound { what: "delivery record" })?.into_domain()
            }

            async fn delivery_records_of_enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                enrollment: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::enrollments::DeliveryRecord>> {
                let rows: Vec<$crate::enrollments::RecordRow> = sqlx::query_as($crate::enrollments::sql::RECORDS_OF_ENROLLMENT)
                    .bind(enrollment)
                    .fetch_all(&self.pool)
                    .await?;
                let records: Vec<_> = rows.into_iter().map(|r| r.into_domain()).collect::<$crate::Result<_>>()?;
                Ok(records.into_iter().filter(|r| r.authority_id == authority).collect())
            }

            async fn delivery_records_of_recipient(
                &self,
                authority: socert_domain::AuthorityId,
                recipient: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::enrollments::DeliveryRecord>> {
                let rows: Vec<$crate::enrollments::RecordRow> = sqlx::query_as($crate::enrollments::sql::RECORDS_OF_RECIPIENT)
                    .bind(recipient)
                    .fetch_all(&self.pool)
                    .await?;
                let records: Vec<_> = rows.into_iter().map(|r| r.into_domain()).collect::<$crate::Result<_>>()?;
                Ok(records.into_iter().filter(|r| r.authority_id == authority).collect())
            }

            async fn resolve_delivery(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                event: socert_domain::enrollment::DeliveryEvent,
                reason: Option<&str>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::enrollments::DeliveryRecord> {
                use $crate::enrollments::{sql, Audience};
                use socert_domain::enrollment::{DeliveryEvent, DeliveryStatus};
                let reason = reason.map(str::trim).filter(|r| !r.is_empty());
                if event == DeliveryEvent::Dispute && reason.is_none() {
                    return Err($crate::enrollments::refused(
                        "reason_required",
                        "say what was wrong with the delivery: the provider and the officer will read it",
                    ));
                }
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let row: Option<$crate::enrollments::RecordRow> = sqlx::query_as(sql::GET_RECORD)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?;
                    let record = row.ok_or($crate::Error::NotFound { what: "delivery record" })?.into_domain()?;
                    let next = record.status.apply(event)?;
                    if next == DeliveryStatus::Voided {
                        // Lock order: enrollment before anything else it touches.
                        Self::lock_enrollment(&mut tx, authority, record.enrollment_id).await?;
                    }
                    let moved = sqlx::query(sql::SET_RECORD_STATUS)
                        .bind(id)
                        .bind(next.as_str())
                        .bind(if event == DeliveryEvent::Dispute { reason } else { None })
                        .bind(now_us)
                        .bind(record.status.as_str())
                        .execute(&mut *tx)
                        .await?;
                    if moved.rows_affected() != 1 {
                        return Err($crate::Error::Conflict("the record was changed meanwhile; reload it".into()));
                    }
                    if next == DeliveryStatus::Voided {
                        sqlx::query(sql::UNCOUNT_RECORDED)
                            .bind(record.enrollment_id)
                            .bind(record.units.count())
                            .bind(now_us)
                            .execute(&mut *tx)
                            .await?;
                        Self::release_unneeded(&mut tx, authority, record.enrollment_id, now_us).await?;
                    }
                    if event == DeliveryEvent::Dispute {
                        Self::notify(&mut tx, authority, Audience::Provider(record.provider_id), "delivery_disputed",
                            serde_json::json!({ "delivery_record_id": id, "delivered_on": record.delivered_on.to_string() }), now_us).await?;
                    }
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: match event {
                            DeliveryEvent::Confirm => "delivery.confirm",
                            DeliveryEvent::Dispute => "delivery.dispute",
                            DeliveryEvent::AutoConfirm => "delivery.auto_confirm",
                            DeliveryEvent::Void => "delivery.void",
                        },
                        object_kind: "delivery_record",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "before": { "status": record.status.as_str() },
                            "after": { "status": next.as_str(), "reason": reason },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok($crate::enrollments::DeliveryRecord {
                        status: next,
                        dispute_reason: if event == DeliveryEvent::Dispute { reason.map(str::to_owned) } else { record.dispute_reason.clone() },
                        ..record
                    })
                })
            }

            async fn submit_claim(
                &self,
                authority: socert_domain::AuthorityId,
                request: &$crate::enrollments::ClaimRequest,
                key: &socert_domain::ledger::IdempotencyKey,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<($crate::enrollments::ClaimDetail, bool)> {
                use $crate::enrollments::{sql, Audience, ClaimLineRequest};
                use socert_domain::ledger::{AccountKind, AccountRef, TransactionKind};
                if request.period_from > request.period_to {
                    return Err($crate::enrollments::refused("invalid_period", "the period must not end before it starts"));
                }
                let auth = $crate::CatalogueStore::authority(self, authority).await?;
                let currency = auth.currency;
                // The provider's payable account: from the cache after its first claim.
                let payable_ref = AccountRef::new(AccountKind::Payable, request.provider_id);
                let payable = match self.resolve_account(authority, payable_ref).await {
                    Ok((id, _)) => id,
                    Err($crate::Error::NoAccount(_)) => {
                        $crate::LedgerStore::open_account(self, authority, payable_ref, currency).await?.id
                    }
                    Err(err) => return Err(err),
                };
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let first: Option<uuid::Uuid> = sqlx::query_scalar(sql::CLAIM_BY_KEY)
                        .bind(authority.as_uuid())
                        .bind(request.provider_id)
                        .bind(key.as_str())
                        .fetch_optional(&mut *tx)
                        .await?;
                    if let Some(first) = first {
                        tx.rollback().await?;
                        return Ok(($crate::enrollments::EnrollmentStore::claim(self, authority, first).await?, true));
                    }
                    let requested: Vec<ClaimLineRequest> = match &request.lines {
                        Some(lines) => lines.clone(),
                        None => {
                            let ids: Vec<uuid::Uuid> = sqlx::query_scalar(sql::CLAIMABLE_RECORDS)
                                .bind(authority.as_uuid())
                                .bind(request.provider_id)
                                .bind($crate::rows::date_text(request.period_from))
                                .bind($crate::rows::date_text(request.period_to))
                                .fetch_all(&mut *tx)
                                .await?;
                            ids.into_iter()
                                .map(|id| ClaimLineRequest { delivery_record_id: id, units: None, price_per_unit: None })
                                .collect()
                        }
                    };
                    if requested.is_empty() {
                        return Err($crate::enrollments::refused(
                            "nothing_to_claim",
                            "no confirmed delivery record of this period is left to claim",
                        ));
                    }
                    let record_ids: Vec<uuid::Uuid> = {
                        let set: std::collections::BTreeSet<uuid::Uuid> = requested.iter().map(|l| l.delivery_record_id).collect();
                        set.into_iter().collect()
                    };
                    let mut records = std::collections::BTreeMap::new();
                    let mut claimed_before = std::collections::BTreeSet::new();
                    for chunk in record_ids.chunks(500) {
                        let mut q = sqlx::QueryBuilder::<$db>::new(sql::RECORDS_BY_ID);
                        $crate::programs::push_in!(q, chunk);
                        let rows: Vec<$crate::enrollments::RecordFacts> = q.build_query_as().fetch_all(&mut *tx).await?;
                        for r in rows {
                            records.insert(r.id, r);
                        }
                        let mut q = sqlx::QueryBuilder::<$db>::new(sql::CLAIMED_BEFORE);
                        $crate::programs::push_in!(q, chunk);
                        let done: Vec<uuid::Uuid> = q.build_query_scalar().fetch_all(&mut *tx).await?;
                        claimed_before.extend(done);
                    }
                    let enrollment_ids: Vec<uuid::Uuid> = {
                        let set: std::collections::BTreeSet<uuid::Uuid> = records.values().map(|r| r.enrollment_id).collect();
                        set.into_iter().collect()
                    };
                    let mut enrollments = std::collections::BTreeMap::new();
                    for chunk in enrollment_ids.chunks(500) {
                        // Locks the enrollments (in id order, as the index scan visits them).
                        let mut q = sqlx::QueryBuilder::<$db>::new(sql::LOCK_ENROLLMENTS);
                        $crate::programs::push_in!(q, chunk);
                        q.push(" RETURNING id, provider_id, certificate_id, volume, price_minor, covered_per_unit_minor, \
                                starts_on, ends_on, claimed_units, held_minor, authority_id");
                        let rows: Vec<$crate::enrollments::EnrollmentFacts> = q.build_query_as().fetch_all(&mut *tx).await?;
                        for e in rows {
                            enrollments.insert(e.id, e);
                        }
                    }
                    let lines = $crate::enrollments::decide_claim(
                        authority.as_uuid(),
                        request,
                        &requested,
                        $crate::enrollments::ClaimFacts { records, enrollments, claimed_before },
                        currency,
                    )?;
                    let id = uuid::Uuid::now_v7();
                    let approved: Vec<&$crate::enrollments::DecidedLine> = lines.iter().filter(|l| l.reason.is_none()).collect();
                    let sum = |f: fn(&$crate::enrollments::DecidedLine) -> i64| approved.iter().map(|l| f(l)).sum::<i64>();
                    let (amount, captured, copay) = (sum(|l| l.amount_minor), sum(|l| l.captured_minor), sum(|l| l.copay_minor));
                    sqlx::query(sql::INSERT_CLAIM)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .bind(request.provider_id)
                        .bind($crate::rows::date_text(request.period_from))
                        .bind($crate::rows::date_text(request.period_to))
                        .bind(currency.code())
                        .bind(lines.len() as i64)
                        .bind(approved.len() as i64)
                        .bind(amount)
                        .bind(captured)
                        .bind(copay)
                        .bind(key.as_str())
                        .bind(now_us)
                        .execute(&mut *tx)
                        .await?;
                    let numbered: Vec<(i64, &$crate::enrollments::DecidedLine)> = lines.iter().enumerate().map(|(i, l)| (i as i64 + 1, l)).collect();
                    for chunk in numbered.chunks(500) {
                        let mut q = sqlx::QueryBuilder::<$db>::new(
                            "INSERT INTO claim_lines (claim_id, line_no, delivery_record_id, enrollment_id, certificate_id, delivered_on, \
                             units_claimed, units_approved, price_minor, amount_minor, captured_minor, copay_minor, status, reason) ",
                        );
                        q.push_values(chunk, |mut row, (no, l)| {
                            row.push_bind(id)
                                .push_bind(*no)
                                .push_bind(l.delivery_record_id)
                                .push_bind(l.enrollment_id)
                                .push_bind(l.certificate_id)
                                .push_bind(l.delivered_on.map($crate::rows::date_text))
                                .push_bind(l.units_claimed)
                                .push_bind(l.units_approved)
                                .push_bind(l.price_minor)
                                .push_bind(l.amount_minor)
                                .push_bind(l.captured_minor)
                                .push_bind(l.copay_minor)
                                .push_bind(if l.reason.is_none() { "approved" } else { "rejected" })
                                .push_bind(l.reason.map(|r| r.as_str()));
                        });
                        q.build().execute(&mut *tx).await.map_err(|err| {
                            if $crate::error::is_unique_violation(&err, "claim_lines_paid_once", "claim_lines.delivery_record_id") {
                                $crate::Error::Conflict("a delivery record of this claim was paid by another claim meanwhile; submit again".into())
                            } else {
                                err.into()
                            }
                        })?;
                    }
                    // Per enrollment: units and money taken; per certificate: money moved.
                    let mut per_enrollment: std::collections::BTreeMap<uuid::Uuid, (i64, i64)> = Default::default();
                    let mut per_certificate: std::collections::BTreeMap<uuid::Uuid, i64> = Default::default();
                    for l in &approved {
                        if let (Some(e), Some(c)) = (l.enrollment_id, l.certificate_id) {
                            let slot = per_enrollment.entry(e).or_default();
                            slot.0 += l.units_approved;
                            slot.1 += l.captured_minor;
                            *per_certificate.entry(c).or_default() += l.captured_minor;
                        }
                    }
                    for (enrollment, (units, money)) in &per_enrollment {
                        let moved = sqlx::query(sql::CAPTURE_ON_ENROLLMENT)
                            .bind(*enrollment)
                            .bind(*units)
                            .bind(*money)
                            .bind(now_us)
                            .execute(&mut *tx)
                            .await?;
                        if moved.rows_affected() != 1 {
                            return Err($crate::Error::Corrupt(format!("enrollment {enrollment} cannot pay what its claim lines were approved for")));
                        }
                    }
                    if captured > 0 {
                        let mut moves = Vec::with_capacity(per_certificate.len() + 1);
                        for (certificate, money) in &per_certificate {
                            if *money == 0 {
                                continue;
                            }
                            let held: uuid::Uuid = sqlx::query_scalar(sql::ACCOUNT_OF)
                                .bind(authority.as_uuid())
                                .bind(AccountKind::Held.as_str())
                                .bind(*certificate)
                                .fetch_one(&mut *tx)
                                .await?;
                            moves.push((held, AccountRef::new(AccountKind::Held, *certificate), socert_domain::Money::from_minor(-*money, currency)));
                        }
                        moves.push((payable, payable_ref, socert_domain::Money::from_minor(captured, currency)));
                        $crate::enrollments::post_within!(
                            &mut tx,
                            authority.as_uuid(),
                            TransactionKind::Capture,
                            format!("claim:{id}"),
                            format!("claim {id}: {} line(s) approved", approved.len()),
                            &moves,
                            now_us
                        );
                    }
                    Self::notify(&mut tx, authority, Audience::Provider(request.provider_id), "claim_decided",
                        serde_json::json!({ "claim_id": id, "lines": lines.len(), "approved_lines": approved.len(), "captured_minor": captured }), now_us).await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "claim.submit",
                        object_kind: "claim",
                        object_id: id.to_string(),
                        diff: serde_json::json!({ "after": {
                            "provider_id": request.provider_id,
                            "period": [request.period_from.to_string(), request.period_to.to_string()],
                            "lines": lines.len(), "approved_lines": approved.len(),
                            "approved_minor": amount, "captured_minor": captured, "copay_minor": copay,
                        }}),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    let claim = $crate::enrollments::Claim {
                        id,
                        authority_id: authority,
                        provider_id: request.provider_id,
                        period_from: request.period_from,
                        period_to: request.period_to,
                        lines: lines.len() as i64,
                        approved_lines: approved.len() as i64,
                        approved: socert_domain::Money::from_minor(amount, currency),
                        captured: socert_domain::Money::from_minor(captured, currency),
                        copay: socert_domain::Money::from_minor(copay, currency),
                        batch_id: None,
                        batch_status: None,
                        created_at: now,
                    };
                    let lines = lines
                        .iter()
                        .enumerate()
                        .map(|(i, l)| l.to_line(i as i64 + 1, currency))
                        .collect::<$crate::Result<_>>()?;
                    Ok(($crate::enrollments::ClaimDetail { claim, lines }, false))
                })
            }

            async fn claim(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::enrollments::ClaimDetail> {
                use $crate::enrollments::sql;
                let row: Option<$crate::enrollments::ClaimRow> = sqlx::query_as(sql::GET_CLAIM)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let claim = row.ok_or($crate::Error::NotFound { what: "claim" })?.into_domain()?;
                let paid = claim.batch_status.as_deref() == Some("paid");
                let rows: Vec<$crate::enrollments::LineRow> = sqlx::query_as(sql::CLAIM_LINES)
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
                let currency = claim.approved.currency();
                let lines = rows.into_iter().map(|r| r.into_domain(currency, paid)).collect::<$crate::Result<_>>()?;
                Ok($crate::enrollments::ClaimDetail { claim, lines })
            }

            async fn claims_of_provider(
                &self,
                provider: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::enrollments::Claim>> {
                let rows: Vec<$crate::enrollments::ClaimRow> = sqlx::query_as($crate::enrollments::sql::CLAIMS_OF_PROVIDER)
                    .bind(provider)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn open_claims(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::enrollments::Claim>> {
                let rows: Vec<$crate::enrollments::ClaimRow> = sqlx::query_as($crate::enrollments::sql::OPEN_CLAIMS)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn paid_lines_of_certificate(
                &self,
                certificate: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::enrollments::CertificateLine>> {
                let rows: Vec<(uuid::Uuid, Option<String>, i64, i64, i64, Option<String>)> =
                    sqlx::query_as($crate::enrollments::sql::CLAIM_LINES_OF_CERTIFICATE)
                        .bind(certificate)
                        .fetch_all(&self.pool)
                        .await?;
                let currency: Option<String> = sqlx::query_scalar("SELECT currency FROM certificates WHERE id = $1")
                    .bind(certificate)
                    .fetch_optional(&self.pool)
                    .await?;
                let currency = $crate::programs::currency_of(&currency.ok_or($crate::Error::NotFound { what: "certificate" })?)?;
                rows.into_iter()
                    .map(|(record, on, units, captured, copay, batch)| {
                        Ok($crate::enrollments::CertificateLine {
                            delivery_record_id: record,
                            delivered_on: on.as_deref().map($crate::rows::date).transpose()?,
                            units: $crate::enrollments::units(units)?,
                            captured: socert_domain::Money::from_minor(captured, currency),
                            copay: socert_domain::Money::from_minor(copay, currency),
                            paid: batch.as_deref() == Some("paid"),
                        })
                    })
                    .collect()
            }

            async fn settle(
                &self,
                authority: socert_domain::AuthorityId,
                period_to: socert_domain::Date,
                key: &socert_domain::ledger::IdempotencyKey,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<Option<$crate::enrollments::BatchDetail>> {
                use $crate::enrollments::sql;
                let auth = $crate::CatalogueStore::authority(self, authority).await?;
                let created: $crate::Result<Option<uuid::Uuid>> = $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let first: Option<uuid::Uuid> = sqlx::query_scalar(sql::BATCH_BY_KEY)
                        .bind(authority.as_uuid())
                        .bind(key.as_str())
                        .fetch_optional(&mut *tx)
                        .await?;
                    if first.is_some() {
                        tx.rollback().await?;
                        return Ok(first);
                    }
                    let id = uuid::Uuid::now_v7();
                    sqlx::query(sql::INSERT_BATCH)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(period_to))
                        .bind(auth.currency.code())
                        .bind(0_i64)
                        .bind(0_i64)
                        .bind(0_i64)
                        .bind(key.as_str())
                        .bind(now_us)
                        .execute(&mut *tx)
                        .await?;
                    // Claim the claims first, then sum what was claimed: a claim committed in
                    // between is either in both or in neither.
                    let assigned = sqlx::query(sql::ASSIGN_CLAIMS)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(period_to))
                        .bind(id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if assigned == 0 {
                        tx.rollback().await?;
                        return Ok(None);
                    }
                    let sums: Vec<(uuid::Uuid, i64, i64, i64)> = sqlx::query_as(sql::BATCH_SUMS)
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?;
                    let mut total = 0_i64;
                    for (provider, amount, claims, lines) in &sums {
                        sqlx::query(sql::INSERT_PAYMENT)
                            .bind(uuid::Uuid::now_v7())
                            .bind(id)
                            .bind(*provider)
                            .bind(*amount)
                            .bind(*claims)
                            .bind(*lines)
                            .execute(&mut *tx)
                            .await?;
                        total += amount;
                    }
                    sqlx::query(sql::SET_BATCH_TOTALS)
                        .bind(id)
                        .bind(total)
                        .bind(sums.len() as i64)
                        .bind(assigned as i64)
                        .execute(&mut *tx)
                        .await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "settlement.create",
                        object_kind: "payment_batch",
                        object_id: id.to_string(),
                        diff: serde_json::json!({ "after": {
                            "period_to": period_to.to_string(), "total_minor": total,
                            "payments": sums.len(), "claims": assigned,
                        }}),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok(Some(id))
                });
                match created? {
                    Some(id) => Ok(Some($crate::enrollments::EnrollmentStore::batch(self, authority, id).await?)),
                    None => Ok(None),
                }
            }

            async fn batch(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::enrollments::BatchDetail> {
                use $crate::enrollments::sql;
                let row: Option<$crate::enrollments::BatchRow> = sqlx::query_as(sql::GET_BATCH)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let batch = row.ok_or($crate::Error::NotFound { what: "payment batch" })?.into_domain()?;
                let currency = batch.total.currency();
                let rows: Vec<(uuid::Uuid, uuid::Uuid, String, String, String, String, String, i64, i64, i64)> =
                    sqlx::query_as(sql::PAYMENTS_OF_BATCH).bind(id).fetch_all(&self.pool).await?;
                let claims: Vec<(uuid::Uuid, uuid::Uuid)> = sqlx::query_as(sql::CLAIMS_OF_BATCH).bind(id).fetch_all(&self.pool).await?;
                let mut by_provider: std::collections::BTreeMap<uuid::Uuid, Vec<uuid::Uuid>> = Default::default();
                for (provider, claim) in claims {
                    by_provider.entry(provider).or_default().push(claim);
                }
                let payments = rows
                    .into_iter()
                    .map(|(pid, provider, short, full, tax_id, account, bank, total, _claims, lines)| $crate::enrollments::Payment {
                        id: pid,
                        provider_id: provider,
                        provider_name: short,
                        provider_full_name: full,
                        tax_id,
                        bank_account: account,
                        bank_id: bank,
                        total: socert_domain::Money::from_minor(total, currency),
                        claims: by_provider.remove(&provider).unwrap_or_default(),
                        lines,
                    })
                    .collect();
                Ok($crate::enrollments::BatchDetail { batch, payments })
            }

            async fn batches(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::enrollments::PaymentBatch>> {
                let rows: Vec<$crate::enrollments::BatchRow> = sqlx::query_as($crate::enrollments::sql::BATCHES)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn mark_paid(
                &self,
                authority: socert_domain::AuthorityId,
                batch: uuid::Uuid,
                paid_on: socert_domain::Date,
                bank_reference: &str,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::enrollments::BatchDetail> {
                use $crate::enrollments::{sql, Audience};
                use socert_domain::ledger::{AccountKind, AccountRef, TransactionKind};
                let bank_reference = bank_reference.trim();
                if bank_reference.is_empty() {
                    return Err($crate::enrollments::refused("reference_required", "give the bank's reference of the payment order"));
                }
                let detail = $crate::enrollments::EnrollmentStore::batch(self, authority, batch).await?;
                if detail.batch.status == "paid" {
                    return Err(Self::already_paid(&detail.batch));
                }
                let currency = detail.batch.total.currency();
                let mut accounts = Vec::with_capacity(detail.payments.len());
                for p in &detail.payments {
                    let payable = $crate::LedgerStore::open_account(self, authority, AccountRef::new(AccountKind::Payable, p.provider_id), currency).await?;
                    let paid = $crate::LedgerStore::open_account(self, authority, AccountRef::new(AccountKind::Paid, p.provider_id), currency).await?;
                    accounts.push((p, payable.id, paid.id));
                }
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let marked = sqlx::query(sql::MARK_PAID)
                        .bind(batch)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(paid_on))
                        .bind(bank_reference)
                        .bind(now_us)
                        .execute(&mut *tx)
                        .await?;
                    if marked.rows_affected() != 1 {
                        tx.rollback().await?;
                        let now_batch = $crate::enrollments::EnrollmentStore::batch(self, authority, batch).await?;
                        return Err(Self::already_paid(&now_batch.batch));
                    }
                    let mut moves = Vec::with_capacity(accounts.len() * 2);
                    for (p, payable, paid) in &accounts {
                        moves.push((*payable, AccountRef::new(AccountKind::Payable, p.provider_id), socert_domain::Money::from_minor(-p.total.minor(), currency)));
                        moves.push((*paid, AccountRef::new(AccountKind::Paid, p.provider_id), p.total));
                    }
                    $crate::enrollments::post_within!(
                        &mut tx,
                        authority.as_uuid(),
                        TransactionKind::Transfer,
                        format!("pay:{batch}"),
                        format!("payment batch {batch} paid, bank reference {bank_reference}"),
                        &moves,
                        now_us
                    );
                    for p in &detail.payments {
                        Self::notify(&mut tx, authority, Audience::Provider(p.provider_id), "payment_made",
                            serde_json::json!({ "batch_id": batch, "amount_minor": p.total.minor(), "paid_on": paid_on.to_string() }), now_us).await?;
                    }
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "settlement.paid",
                        object_kind: "payment_batch",
                        object_id: batch.to_string(),
                        diff: serde_json::json!({
                            "before": { "status": "open" },
                            "after": { "status": "paid", "paid_on": paid_on.to_string(), "bank_reference": bank_reference },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok(())
                })?;
                $crate::enrollments::EnrollmentStore::batch(self, authority, batch).await
            }

            async fn provider_admission_changed(
                &self,
                authority: socert_domain::AuthorityId,
                provider: uuid::Uuid,
                admission: &str,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<u64> {
                use $crate::enrollments::{sql, Audience};
                use socert_domain::enrollment::EnrollmentStatus;
                let ids: Vec<uuid::Uuid> = sqlx::query_scalar(sql::ACTIVE_OF_PROVIDER)
                    .bind(authority.as_uuid())
                    .bind(provider)
                    .fetch_all(&self.pool)
                    .await?;
                let mut changed = 0;
                for id in ids {
                    let current = $crate::enrollments::EnrollmentStore::enrollment(self, authority, id).await?;
                    $crate::enrollments::retrying!(async {
                        let now = $crate::rows::now();
                        let now_us = $crate::rows::micros(now);
                        let mut tx = self.begin_write().await?;
                        let e = Self::lock_with_offer(&mut tx, authority, &current).await?;
                        if e.status.is_final() {
                            tx.rollback().await?;
                            return Ok(());
                        }
                        let kind = match admission {
                            "suspended" => {
                                sqlx::query(sql::FLAG_ENROLLMENT).bind(id).bind(Some("provider_suspended")).bind(now_us).execute(&mut *tx).await?;
                                "provider_suspended"
                            }
                            "excluded" | "rejected" => {
                                let ends_on = e.ends_on.min(today).max(e.starts_on);
                                Self::close(&mut tx, authority, &e, EnrollmentStatus::Cancelled, Some("the provider was excluded from the registry"), ends_on, now_us).await?;
                                "provider_excluded"
                            }
                            _ => {
                                if e.flag.as_deref() == Some("provider_suspended") {
                                    sqlx::query(sql::FLAG_ENROLLMENT).bind(id).bind(None::<String>).bind(now_us).execute(&mut *tx).await?;
                                }
                                tx.commit().await?;
                                return Ok(());
                            }
                        };
                        Self::notify(&mut tx, authority, Audience::Recipient(e.recipient_id), kind,
                            serde_json::json!({ "enrollment_id": id, "provider_id": provider }), now_us).await?;
                        let draft = $crate::audit::Draft {
                            chain: Some(authority),
                            action: if kind == "provider_excluded" { "enrollment.cancel" } else { "enrollment.flag" },
                            object_kind: "enrollment",
                            object_id: id.to_string(),
                            diff: serde_json::json!({ "after": { "reason": kind } }),
                        };
                        $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                        tx.commit().await?;
                        Ok(())
                    })?;
                    changed += 1;
                }
                Ok(changed)
            }

            async fn run_daily_jobs(
                &self,
                authority: socert_domain::AuthorityId,
                today: socert_domain::Date,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::enrollments::JobReport> {
                use $crate::enrollments::{sql, Audience, JobReport};
                let mut report = JobReport::default();
                let (_, _, calendar) = self.settings(authority).await?;
                let now_us = $crate::rows::micros($crate::rows::now());
                {
                    let mut tx = self.begin_write().await?;
                    let confirmed: Vec<(uuid::Uuid, uuid::Uuid, uuid::Uuid)> = sqlx::query_as(sql::AUTO_CONFIRM)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(today))
                        .bind(now_us)
                        .fetch_all(&mut *tx)
                        .await?;
                    report.auto_confirmed = confirmed.len() as u64;
                    let mut per_recipient: std::collections::BTreeMap<uuid::Uuid, i64> = Default::default();
                    for (_, recipient, _) in &confirmed {
                        *per_recipient.entry(*recipient).or_default() += 1;
                    }
                    for (recipient, count) in per_recipient {
                        Self::notify(&mut tx, authority, Audience::Recipient(recipient), "delivery_auto_confirmed",
                            serde_json::json!({ "records": count }), now_us).await?;
                    }
                    let tomorrow = today.saturating_add(jiff::Span::new().days(1));
                    let due: Vec<(uuid::Uuid, uuid::Uuid)> = sqlx::query_as(sql::DUE_TOMORROW)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(tomorrow))
                        .fetch_all(&mut *tx)
                        .await?;
                    report.reminded = due.len() as u64;
                    let mut per_recipient: std::collections::BTreeMap<uuid::Uuid, i64> = Default::default();
                    for (_, recipient) in &due {
                        *per_recipient.entry(*recipient).or_default() += 1;
                    }
                    for (recipient, count) in per_recipient {
                        Self::notify(&mut tx, authority, Audience::Recipient(recipient), "auto_confirmation_soon",
                            serde_json::json!({ "records": count, "confirm_due_on": tomorrow.to_string() }), now_us).await?;
                    }
                    if report.auto_confirmed > 0 {
                        let draft = $crate::audit::Draft {
                            chain: Some(authority),
                            action: "delivery.auto_confirm",
                            object_kind: "authority",
                            object_id: authority.to_string(),
                            diff: serde_json::json!({ "after": {
                                "records": confirmed.iter().map(|(id, _, _)| *id).collect::<Vec<_>>(),
                            }}),
                        };
                        $crate::audit::append_audit!(&mut *tx, actor, draft, $crate::rows::now());
                    }
                    tx.commit().await?;
                }
                // Enrollments past their last day, or of a certificate no longer active, end.
                loop {
                    let ended: Vec<uuid::Uuid> = sqlx::query_scalar(sql::ENDED_ENROLLMENTS)
                        .bind(authority.as_uuid())
                        .bind($crate::rows::date_text(today))
                        .fetch_all(&self.pool)
                        .await?;
                    if ended.is_empty() {
                        break;
                    }
                    for id in &ended {
                        self.end_enrollment(authority, *id, None, actor).await?;
                        report.enrollments_ended += 1;
                    }
                }
                let orphaned: Vec<uuid::Uuid> = sqlx::query_scalar(sql::OPEN_OF_CLOSED_CERTIFICATES)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                for id in &orphaned {
                    self.end_enrollment(authority, *id, Some("the certificate was revoked or expired"), actor).await?;
                    report.enrollments_ended += 1;
                }
                let excluded: Vec<uuid::Uuid> = sqlx::query_scalar(sql::OPEN_OF_EXCLUDED_PROVIDERS)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                for id in &excluded {
                    self.end_enrollment(authority, *id, Some("the provider was excluded from the registry"), actor).await?;
                    report.enrollments_ended += 1;
                }
                let holding: Vec<uuid::Uuid> = sqlx::query_scalar(sql::CLOSED_WITH_HOLD)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                for id in holding {
                    let released = $crate::enrollments::retrying!(async {
                        let now_us = $crate::rows::micros($crate::rows::now());
                        let mut tx = self.begin_write().await?;
                        Self::lock_enrollment(&mut tx, authority, id).await?;
                        let released = Self::release_unneeded(&mut tx, authority, id, now_us).await?;
                        tx.commit().await?;
                        $crate::Result::Ok(released)
                    })?;
                    if released > 0 {
                        report.holds_released += 1;
                    }
                }
                if $crate::enrollments::settlement_day(&calendar, today) {
                    let yesterday = today.saturating_sub(jiff::Span::new().days(1));
                    let key = socert_domain::ledger::IdempotencyKey::parse(&format!("auto-settle:{today}"))
                        .map_err($crate::rows::corrupt)?;
                    if $crate::enrollments::EnrollmentStore::settle(self, authority, yesterday, &key, actor).await?.is_some() {
                        report.batches += 1;
                    }
                }
                Ok(report)
            }

            async fn inbox(
                &self,
                authority: socert_domain::AuthorityId,
                audience: $crate::enrollments::Audience,
            ) -> $crate::Result<Vec<$crate::enrollments::Notification>> {
                let rows: Vec<(uuid::Uuid, uuid::Uuid, String, uuid::Uuid, String, String, i64, Option<i64>)> =
                    sqlx::query_as($crate::enrollments::sql::INBOX)
                        .bind(audience.id())
                        .bind(authority.as_uuid())
                        .bind(audience.kind())
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter()
                    .map(|(id, authority_id, _, _, kind, payload, created, read)| {
                        Ok($crate::enrollments::Notification {
                            id,
                            authority_id: socert_domain::AuthorityId::from_uuid(authority_id),
                            audience,
                            kind,
                            payload: serde_json::from_str(&payload).map_err($crate::rows::corrupt)?,
                            created_at: $crate::rows::timestamp(created)?,
                            read_at: read.map($crate::rows::timestamp).transpose()?,
                        })
                    })
                    .collect()
            }

            async fn mark_read(
                &self,
                authority: socert_domain::AuthorityId,
                audience: $crate::enrollments::Audience,
                id: uuid::Uuid,
            ) -> $crate::Result<()> {
                let done = sqlx::query($crate::enrollments::sql::MARK_READ)
                    .bind(id)
                    .bind(audience.id())
                    .bind(authority.as_uuid())
                    .bind($crate::rows::micros($crate::rows::now()))
                    .execute(&self.pool)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::Error::NotFound { what: "notification" });
                }
                Ok(())
            }

            async fn budget_burn(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::enrollments::ProgramBurn>> {
                use $crate::enrollments::sql;
                let auth = $crate::CatalogueStore::authority(self, authority).await?;
                let money = |minor| socert_domain::Money::from_minor(minor, auth.currency);
                let rows: Vec<(uuid::Uuid, String, String, String, i64, i64, i64, i64, i64)> = sqlx::query_as(sql::BUDGET_BURN)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                let open: Vec<(uuid::Uuid, i64, i64)> = sqlx::query_as(sql::CAPTURED_PER_PROGRAM)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                let open: std::collections::HashMap<uuid::Uuid, (i64, i64)> = open.into_iter().map(|(p, c, o)| (p, (c, o))).collect();
                Ok(rows
                    .into_iter()
                    .map(|(id, name_en, _, _, budget, allocated, available, held, certificates)| {
                        let (captured, open_enrollments) = open.get(&id).copied().unwrap_or_default();
                        $crate::enrollments::ProgramBurn {
                            program_id: id,
                            name_en,
                            budget_left: money(budget),
                            allocated: money(allocated),
                            available: money(available),
                            held: money(held),
                            spent: money(captured),
                            certificates,
                            open_enrollments,
                        }
                    })
                    .collect())
            }

            async fn verify_enrollments(
                &self,
                authority: Option<socert_domain::AuthorityId>,
            ) -> $crate::Result<Vec<$crate::ledger::Violation>> {
                use $crate::enrollments::sql;
                use $crate::ledger::Violation;
                let scope = authority.map(|a| a.as_uuid());
                let mut violations = Vec::new();
                let held: Vec<(uuid::Uuid, i64, i64)> = sqlx::query_as(sql::V_HELD).bind(scope).fetch_all(&self.pool).await?;
                for (certificate, ledger, enrollments) in held {
                    violations.push(Violation {
                        rule: "enrollment_holds_mismatch",
                        subject: format!("certificate {certificate}"),
                        detail: format!("held balance {ledger} but its enrollments hold {enrollments}"),
                    });
                }
                let claims: Vec<(uuid::Uuid, i64, i64)> = sqlx::query_as(sql::V_CLAIMS).bind(scope).fetch_all(&self.pool).await?;
                for (claim, total, lines) in claims {
                    violations.push(Violation {
                        rule: "claim_total_mismatch",
                        subject: format!("claim {claim}"),
                        detail: format!("claim says {total} captured, its approved lines {lines}"),
                    });
                }
                let providers: Vec<(uuid::Uuid, uuid::Uuid, i64, i64)> = sqlx::query_as(sql::V_PROVIDERS).bind(scope).fetch_all(&self.pool).await?;
                for (authority, provider, captured, ledger) in providers {
                    violations.push(Violation {
                        rule: "provider_balance_mismatch",
                        subject: format!("provider {provider} in authority {authority}"),
                        detail: format!("claims captured {captured}, payable + paid is {ledger}"),
                    });
                }
                Ok(violations)
            }

            async fn disputed_deliveries(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<Vec<$crate::enrollments::DeliveryRecord>> {
                let rows: Vec<$crate::enrollments::RecordRow> = sqlx::query_as($crate::enrollments::sql::DISPUTED_RECORDS)
                    .bind(authority.as_uuid())
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn unread_count(
                &self,
                authority: socert_domain::AuthorityId,
                audience: $crate::enrollments::Audience,
            ) -> $crate::Result<u64> {
                let count: i64 = sqlx::query_scalar($crate::enrollments::sql::UNREAD_COUNT)
                    .bind(audience.id())
                    .bind(authority.as_uuid())
                    .bind(audience.kind())
                    .fetch_one(&self.pool)
                    .await?;
                u64::try_from(count).map_err($crate::rows::corrupt)
            }
        }

        impl $store {
            async fn enrollment_by_key(
                &self,
                authority: socert_domain::AuthorityId,
                key: &socert_domain::ledger::IdempotencyKey,
            ) -> $crate::Result<Option<$crate::enrollments::Enrollment>> {
                let row: Option<$crate::enrollments::EnrollmentRow> = sqlx::query_as($crate::enrollments::sql::ENROLLMENT_BY_KEY)
                    .bind(authority.as_uuid())
                    .bind(key.as_str())
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|r| r.into_domain()).transpose()
            }

            fn replayed_enrollment(
                first: $crate::enrollments::Enrollment,
                request: &$crate::enrollments::EnrollmentRequest,
            ) -> $crate::Result<($crate::enrollments::Enrollment, bool)> {
                if first.certificate_id == request.certificate_id
                    && first.offer_id == request.offer_id
                    && first.volume == request.volume
                {
                    Ok((first, true))
                } else {
                    Err($crate::Error::IdempotencyConflict)
                }
            }

            fn already_paid(batch: &$crate::enrollments::PaymentBatch) -> $crate::Error {
                $crate::enrollments::refused(
                    "already_paid",
                    format!(
                        "payment batch {} was already marked paid on {}",
                        batch.id,
                        batch.paid_on.map(|d| d.to_string()).unwrap_or_default()
                    ),
                )
            }

            /// The authority's confirmation window, switch notice (days) and settlement calendar.
            async fn settings(
                &self,
                authority: socert_domain::AuthorityId,
            ) -> $crate::Result<(u16, u16, String)> {
                let row: Option<(i64, i64, String, String, String)> = sqlx::query_as($crate::enrollments::sql::AUTHORITY_SETTINGS)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                let (window, notice, calendar, _, _) = row.ok_or($crate::Error::NotFound { what: "authority" })?;
                Ok((window.clamp(0, 365) as u16, notice.clamp(0, 90) as u16, calendar))
            }

            /// Checks an enrollment request against the certificate, the offer and the program
            /// (before any lock: the transaction re-checks what can change).
            async fn pricing(
                &self,
                authority: socert_domain::AuthorityId,
                request: &$crate::enrollments::EnrollmentRequest,
                certificate: &$crate::programs::Certificate,
                today: socert_domain::Date,
            ) -> $crate::Result<$crate::enrollments_impl::Pricing> {
                use $crate::enrollments::{refused, sql};
                if certificate.status != socert_domain::CertificateStatus::Active {
                    return Err(refused(
                        "certificate_not_active",
                        format!("the certificate is {}: only an active certificate pays for services", certificate.status.as_str()),
                    ));
                }
                let offer: Option<(uuid::Uuid, uuid::Uuid, uuid::Uuid, i64, String, i64, i64, Option<String>)> =
                    sqlx::query_as(sql::OFFER_FACTS).bind(request.offer_id).fetch_optional(&self.pool).await?;
                let (offer_authority, provider_id, service_id, price, currency, capacity, taken, admission) =
                    offer.ok_or($crate::Error::NotFound { what: "offer" })?;
                if offer_authority != authority.as_uuid() {
                    return Err(refused("offer_of_other_authority", "the offer is not in the certificate's region"));
                }
                if admission.as_deref() != Some("admitted") {
                    return Err(refused("provider_not_admitted", "the provider is not admitted in the registry now"));
                }
                let covers: Option<i32> = sqlx::query_scalar(sql::PROGRAM_COVERS)
                    .bind(certificate.program_id)
                    .bind(service_id)
                    .fetch_optional(&self.pool)
                    .await?;
                if covers.is_none() {
                    return Err(refused("service_not_in_program", "the certificate's program does not pay for this service"));
                }
                if taken >= capacity {
                    return Err(refused("offer_full", "every seat of this offer is taken"));
                }
                let ends_on = request.ends_on.unwrap_or(certificate.valid_to);
                if request.starts_on < today || request.starts_on < certificate.valid_from || ends_on > certificate.valid_to || request.starts_on > ends_on {
                    return Err(refused(
                        "outside_validity",
                        format!(
                            "the enrollment must start today or later and run within the certificate's validity, {} to {}",
                            certificate.valid_from, certificate.valid_to
                        ),
                    ));
                }
                let currency = $crate::programs::currency_of(&currency)?;
                let normative: Option<i64> = sqlx::query_scalar($crate::programs::sql::NORMATIVE_ON)
                    .bind(service_id)
                    .bind($crate::rows::date_text(request.starts_on))
                    .fetch_optional(&self.pool)
                    .await?;
                let normative = normative.ok_or(socert_domain::enrollment::EnrollmentError::NotCovered)?;
                let program = $crate::ProgramStore::program(self, authority, certificate.program_id).await?;
                Ok($crate::enrollments_impl::Pricing {
                    provider_id,
                    of_account: program.spec.template.of_account,
                    max_funded: program.spec.max_funded,
                    budget: program.budget,
                    nominal: match &program.spec.template.value {
                        socert_domain::program::TemplateValue::Money { amount } => Some(*amount),
                        _ => None,
                    },
                    service_id,
                    price: socert_domain::Money::from_minor(price, currency),
                    normative: socert_domain::Money::from_minor(normative, currency),
                    starts_on: request.starts_on,
                    ends_on,
                })
            }

            async fn certificate_accounts(
                &self,
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                certificate: uuid::Uuid,
            ) -> $crate::Result<(uuid::Uuid, i64, uuid::Uuid)> {
                let rows: Vec<(String, uuid::Uuid, i64)> = sqlx::query_as($crate::enrollments::sql::CERTIFICATE_ACCOUNTS)
                    .bind(authority.as_uuid())
                    .bind(certificate)
                    .fetch_all(&mut **tx)
                    .await?;
                let find = |kind: &str| rows.iter().find(|(k, _, _)| k == kind).map(|(_, id, b)| (*id, *b));
                let (available, balance) = find("available").ok_or($crate::Error::Corrupt(format!("certificate {certificate} has no available account")))?;
                let (held, _) = find("held").ok_or($crate::Error::Corrupt(format!("certificate {certificate} has no held account")))?;
                Ok((available, balance, held))
            }

            /// Locks the enrollment's offer, then the enrollment (the fixed order: offer,
            /// enrollment, ledger accounts) and reads the enrollment as it is now. `current` is
            /// an earlier read, for the offer's id.
            async fn lock_with_offer(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                current: &$crate::enrollments::Enrollment,
            ) -> $crate::Result<$crate::enrollments::Enrollment> {
                sqlx::query($crate::enrollments::sql::LOCK_OFFER)
                    .bind(current.offer_id)
                    .execute(&mut **tx)
                    .await?;
                Self::lock_enrollment(tx, authority, current.id).await
            }

            async fn lock_enrollment(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
            ) -> $crate::Result<$crate::enrollments::Enrollment> {
                let row: Option<$crate::enrollments::EnrollmentRow> = sqlx::query_as($crate::enrollments::sql::LOCK_ENROLLMENT)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut **tx)
                    .await?;
                row.ok_or($crate::Error::NotFound { what: "enrollment" })?.into_domain()
            }

            async fn set_status(
                tx: &mut sqlx::Transaction<'static, $db>,
                enrollment: &$crate::enrollments::Enrollment,
                status: socert_domain::enrollment::EnrollmentStatus,
                reason: Option<&str>,
                ends_on: socert_domain::Date,
                flag: Option<&str>,
                now_us: i64,
            ) -> $crate::Result<()> {
                sqlx::query($crate::enrollments::sql::SET_ENROLLMENT_STATUS)
                    .bind(enrollment.id)
                    .bind(status.as_str())
                    .bind(reason)
                    .bind($crate::rows::date_text(ends_on))
                    .bind(flag)
                    .bind(now_us)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Ends an open enrollment (`status` cancelled or completed) whose offer and row the
            /// caller has locked: frees its seat if it had one and releases what it holds beyond
            /// unpaid records.
            async fn close(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                enrollment: &$crate::enrollments::Enrollment,
                status: socert_domain::enrollment::EnrollmentStatus,
                reason: Option<&str>,
                ends_on: socert_domain::Date,
                now_us: i64,
            ) -> $crate::Result<()> {
                if enrollment.status.is_active() {
                    sqlx::query($crate::enrollments::sql::FREE_SEAT).bind(enrollment.offer_id).execute(&mut **tx).await?;
                }
                Self::set_status(tx, enrollment, status, reason, ends_on, None, now_us).await?;
                Self::release_unneeded(tx, authority, enrollment.id, now_us).await?;
                Ok(())
            }

            /// Ends an enrollment whose last day passed (completed; cancelled if it was only
            /// requested or the recipient gave notice) or whose certificate closed (cancelled).
            async fn end_enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                reason: Option<&str>,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<()> {
                use $crate::enrollments::Audience;
                use socert_domain::enrollment::EnrollmentStatus;
                let current = $crate::enrollments::EnrollmentStore::enrollment(self, authority, id).await?;
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let e = Self::lock_with_offer(&mut tx, authority, &current).await?;
                    if e.status.is_final() {
                        tx.rollback().await?;
                        return Ok(());
                    }
                    let status = if reason.is_none() && e.status.is_active() && e.flag.as_deref() != Some("ending") {
                        EnrollmentStatus::Completed
                    } else {
                        EnrollmentStatus::Cancelled
                    };
                    let reason = reason.or(e.reason.as_deref()).map(str::to_owned);
                    Self::close(&mut tx, authority, &e, status, reason.as_deref(), e.ends_on, now_us).await?;
                    Self::notify(&mut tx, authority, Audience::Recipient(e.recipient_id), "enrollment_ended",
                        serde_json::json!({ "enrollment_id": id, "status": status.as_str() }), now_us).await?;
                    Self::notify(&mut tx, authority, Audience::Provider(e.provider_id), "enrollment_ended",
                        serde_json::json!({ "enrollment_id": id, "status": status.as_str() }), now_us).await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "enrollment.end",
                        object_kind: "enrollment",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "before": { "status": e.status.as_str() },
                            "after": { "status": status.as_str(), "reason": reason },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok(())
                })
            }

            /// For a closed enrollment (row locked by the caller): releases what it holds beyond
            /// the value of its records not yet paid, to the certificate's `available`, or to the
            /// program's budget if the certificate is closed. Returns the amount released.
            async fn release_unneeded(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                now_us: i64,
            ) -> $crate::Result<i64> {
                use $crate::enrollments::sql;
                use socert_domain::ledger::{AccountKind, AccountRef, TransactionKind};
                let row: $crate::enrollments::EnrollmentRow = sqlx::query_as(sql::GET_ENROLLMENT)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_one(&mut **tx)
                    .await?;
                let e = row.into_domain()?;
                if !e.status.is_final() || !e.held.is_positive() {
                    return Ok(0);
                }
                let outstanding: i64 = sqlx::query_scalar(sql::OUTSTANDING_UNITS).bind(id).fetch_one(&mut **tx).await?;
                let keep = outstanding.saturating_mul(e.covered_per_unit.minor()).min(e.held.minor());
                let release = e.held.minor() - keep;
                if release <= 0 {
                    return Ok(0);
                }
                let moved = sqlx::query(sql::RELEASE_HOLD).bind(id).bind(release).bind(now_us).execute(&mut **tx).await?;
                if moved.rows_affected() != 1 {
                    return Err($crate::Error::Corrupt(format!("enrollment {id} holds less than it releases")));
                }
                let currency = e.held.currency();
                let amount = socert_domain::Money::from_minor(release, currency);
                let (status, program): (String, uuid::Uuid) = sqlx::query_as(sql::CERTIFICATE_STATUS)
                    .bind(e.certificate_id)
                    .fetch_one(&mut **tx)
                    .await?;
                let held_id: uuid::Uuid = sqlx::query_scalar(sql::ACCOUNT_OF)
                    .bind(authority.as_uuid()).bind(AccountKind::Held.as_str()).bind(e.certificate_id)
                    .fetch_one(&mut **tx).await?;
                let minus = socert_domain::Money::from_minor(-release, currency);
                if status == socert_domain::CertificateStatus::Active.as_str() {
                    let available_id: uuid::Uuid = sqlx::query_scalar(sql::ACCOUNT_OF)
                        .bind(authority.as_uuid()).bind(AccountKind::Available.as_str()).bind(e.certificate_id)
                        .fetch_one(&mut **tx).await?;
                    $crate::enrollments::post_within!(
                        tx,
                        authority.as_uuid(),
                        TransactionKind::Release,
                        format!("release:{id}:{}", uuid::Uuid::now_v7()),
                        format!("enrollment {id} ended: unspent hold returned"),
                        &[
                            (held_id, AccountRef::new(AccountKind::Held, e.certificate_id), minus),
                            (available_id, AccountRef::new(AccountKind::Available, e.certificate_id), amount),
                        ],
                        now_us
                    );
                } else {
                    // A revoked or expired certificate cannot spend it: back to the program.
                    let budget_id: uuid::Uuid = sqlx::query_scalar(sql::ACCOUNT_OF)
                        .bind(authority.as_uuid()).bind(AccountKind::Budget.as_str()).bind(program)
                        .fetch_one(&mut **tx).await?;
                    $crate::enrollments::post_within!(
                        tx,
                        authority.as_uuid(),
                        TransactionKind::Transfer,
                        format!("return:{id}:{}", uuid::Uuid::now_v7()),
                        format!("enrollment {id} ended on a closed certificate: hold returned to the program"),
                        &[
                            (held_id, AccountRef::new(AccountKind::Held, e.certificate_id), minus),
                            (budget_id, AccountRef::new(AccountKind::Budget, program), amount),
                        ],
                        now_us
                    );
                    sqlx::query(sql::RETURN_TO_PROGRAM).bind(e.certificate_id).bind(release).bind(now_us).execute(&mut **tx).await?;
                }
                Ok(release)
            }

            async fn notify(
                tx: &mut sqlx::Transaction<'static, $db>,
                authority: socert_domain::AuthorityId,
                audience: $crate::enrollments::Audience,
                kind: &str,
                payload: serde_json::Value,
                now_us: i64,
            ) -> $crate::Result<()> {
                sqlx::query($crate::enrollments::sql::INSERT_NOTIFICATION)
                    .bind(uuid::Uuid::now_v7())
                    .bind(authority.as_uuid())
                    .bind(audience.kind())
                    .bind(audience.id())
                    .bind(kind)
                    .bind(payload.to_string())
                    .bind(now_us)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_enrollments;
