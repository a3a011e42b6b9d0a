//! Recipient feedback: star ratings of the provider of an enrollment, and complaints with their
//! workflow (`socert_domain::feedback`). Both backends share the SQL below and the implementation
//! in [`impl_feedback`].

use async_trait::async_trait;
use socert_domain::feedback::{ComplaintEvent, ComplaintStatus, RatingSummary, Stars};
use socert_domain::ledger::IdempotencyKey;
use socert_domain::{AuthorityId, Timestamp};
use uuid::Uuid;

use crate::Result;
use crate::audit::Actor;
use crate::rows::{corrupt, timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub enrollment_id: Uuid,
    pub provider_id: Uuid,
    pub stars: Stars,
    pub rated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complaint {
    pub id: Uuid,
    pub authority_id: AuthorityId,
    pub enrollment_id: Uuid,
    pub recipient_id: Uuid,
    pub provider_id: Uuid,
    pub status: ComplaintStatus,
    /// The recipient's words (personal data: never log them).
    pub body: String,
    pub response: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[async_trait]
pub trait FeedbackStore {
    /// Rates the provider of an enrollment from 1 to 5 stars; rating the same enrollment again
    /// replaces the rating. Refused (`nothing_to_rate`) until one of its delivery records is
    /// confirmed: people rate a service they received.
    async fn rate(
        &self,
        authority: AuthorityId,
        enrollment: Uuid,
        stars: Stars,
        actor: &Actor,
    ) -> Result<Rating>;

    async fn rating_of_enrollment(
        &self,
        authority: AuthorityId,
        enrollment: Uuid,
    ) -> Result<Option<Rating>>;

    /// Every rating of the provider, summed up.
    async fn provider_rating(&self, provider: Uuid) -> Result<RatingSummary>;

    /// Files a complaint about an enrollment, once per key (a replay returns it with `true`).
    async fn file_complaint(
        &self,
        authority: AuthorityId,
        enrollment: Uuid,
        body: &str,
        key: &IdempotencyKey,
        actor: &Actor,
    ) -> Result<(Complaint, bool)>;

    /// Opens a complaint. An officer's read (`audited_for`) is recorded in the audit log as a read
    /// of personal data (its words); the recipient reading their own complaint is not.
    async fn complaint(
        &self,
        authority: AuthorityId,
        id: Uuid,
        audited_for: Option<&Actor>,
    ) -> Result<Complaint>;

    /// Newest first.
    async fn complaints_of_recipient(
        &self,
        authority: AuthorityId,
        recipient: Uuid,
    ) -> Result<Vec<Complaint>>;

    /// Oldest first (the queue), optionally only those in one status.
    async fn complaints_of_authority(
        &self,
        authority: AuthorityId,
        status: Option<ComplaintStatus>,
    ) -> Result<Vec<Complaint>>;

    /// Moves a complaint through its workflow; a decision is sent to the recipient's inbox.
    async fn decide_complaint(
        &self,
        authority: AuthorityId,
        id: Uuid,
        event: &ComplaintEvent,
        actor: &Actor,
    ) -> Result<Complaint>;
}

pub(crate) mod sql {
    pub const CONFIRMED_RECORDS_OF_ENROLLMENT: &str = "SELECT COUNT(*) FROM delivery_records \
         WHERE enrollment_id = $1 AND status IN ('confirmed', 'auto_confirmed')";

    pub const RATING_OF_ENROLLMENT: &str = "SELECT enrollment_id, provider_id, stars, rated_at_us \
         FROM ratings WHERE enrollment_id = $1 AND authority_id = $2";

    pub const INSERT_RATING: &str = "INSERT INTO ratings (enrollment_id, authority_id, provider_id, \
         stars, rated_at_us) VALUES ($1, $2, $3, $4, $5)";

    pub const UPDATE_RATING: &str =
        "UPDATE ratings SET stars = $2, rated_at_us = $3 WHERE enrollment_id = $1";

    /// Locks the provider's row: ratings of one provider are summed one at a time.
    pub const ADD_TO_PROVIDER_RATING: &str = "UPDATE providers SET rating_count = rating_count + $2, \
         rating_stars_sum = rating_stars_sum + $3 WHERE id = $1 RETURNING rating_count, rating_stars_sum";

    /// Offers show and sort by their provider's ratings (a copy kept for the search, migration 11).
    pub const SET_OFFERS_RATING: &str = "UPDATE offers SET rating_millistars = $2, rating_count = $3, \
         rating_stars_sum = $4 WHERE provider_id = $1";

    pub const PROVIDER_RATING: &str =
        "SELECT rating_count, rating_stars_sum FROM providers WHERE id = $1";

    macro_rules! complaint_columns {
        () => {
            "id, authority_id, enrollment_id, recipient_id, provider_id, status, body, response, \
             created_at_us, updated_at_us"
        };
    }

    pub const INSERT_COMPLAINT: &str = "INSERT INTO complaints (id, authority_id, enrollment_id, \
         recipient_id, provider_id, status, body, response, request_key, created_at_us, updated_at_us) \
         VALUES ($1, $2, $3, $4, $5, 'open', $6, NULL, $7, $8, $8)";

    pub const COMPLAINT: &str = concat!(
        "SELECT ",
        complaint_columns!(),
        " FROM complaints WHERE id = $1 AND authority_id = $2"
    );

    pub const COMPLAINT_BY_KEY: &str = concat!(
        "SELECT ",
        complaint_columns!(),
        ", enrollment_id AS keyed_enrollment, body AS keyed_body FROM complaints \
         WHERE authority_id = $1 AND request_key = $2"
    );

    pub const LOCK_COMPLAINT: &str = concat!(
        "UPDATE complaints SET updated_at_us = updated_at_us WHERE id = $1 AND authority_id = $2 RETURNING ",
        complaint_columns!()
    );

    pub const COMPLAINTS_OF_RECIPIENT: &str = concat!(
        "SELECT ",
        complaint_columns!(),
        " FROM complaints WHERE authority_id = $1 AND recipient_id = $2 \
         ORDER BY created_at_us DESC, id DESC LIMIT 500"
    );

    pub const COMPLAINTS_OF_AUTHORITY: &str = concat!(
        "SELECT ",
        complaint_columns!(),
        " FROM complaints WHERE authority_id = $1 AND ($2 IS NULL OR status = $2) \
         ORDER BY created_at_us, id LIMIT 1000"
    );

    pub const SET_COMPLAINT_STATUS: &str = "UPDATE complaints SET status = $2, response = COALESCE($3, response), updated_at_us = $4 WHERE id = $1";
}

#[derive(sqlx::FromRow)]
pub(crate) struct RatingRow {
    enrollment_id: Uuid,
    provider_id: Uuid,
    stars: i16,
    rated_at_us: i64,
}

impl RatingRow {
    pub(crate) fn into_domain(self) -> Result<Rating> {
        Ok(Rating {
            enrollment_id: self.enrollment_id,
            provider_id: self.provider_id,
            stars: Stars::new(i64::from(self.stars)).map_err(corrupt)?,
            rated_at: timestamp(self.rated_at_us)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ComplaintRow {
    id: Uuid,
    authority_id: Uuid,
    enrollment_id: Uuid,
    recipient_id: Uuid,
    provider_id: Uuid,
    status: String,
    body: String,
    response: Option<String>,
    created_at_us: i64,
    updated_at_us: i64,
}

impl ComplaintRow {
    pub(crate) fn into_domain(self) -> Result<Complaint> {
        Ok(Complaint {
            id: self.id,
            authority_id: AuthorityId::from_uuid(self.authority_id),
            enrollment_id: self.enrollment_id,
            recipient_id: self.recipient_id,
            provider_id: self.provider_id,
            status: self.status.parse().map_err(corrupt)?,
            body: self.body,
            response: self.response,
            created_at: timestamp(self.created_at_us)?,
            updated_at: timestamp(self.updated_at_us)?,
        })
    }
}

/// A complaint found by its request key, with what it was filed about (to tell a replay from a
/// different complaint under the same key).
#[derive(sqlx::FromRow)]
pub(crate) struct KeyedComplaintRow {
    #[sqlx(flatten)]
    complaint: ComplaintRow,
    keyed_enrollment: Uuid,
    keyed_body: String,
}

impl KeyedComplaintRow {
    /// The complaint if it is the same one filed again, `IdempotencyConflict` otherwise.
    pub(crate) fn replay_of(self, enrollment: Uuid, body: &str) -> Result<Complaint> {
        if self.keyed_enrollment == enrollment && self.keyed_body == body {
            self.complaint.into_domain()
        } else {
            Err(crate::Error::IdempotencyConflict)
        }
    }
}

macro_rules! impl_feedback {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::feedback::FeedbackStore for $store {
            async fn rate(
                &self,
                authority: socert_domain::AuthorityId,
                enrollment: uuid::Uuid,
                stars: socert_domain::feedback::Stars,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::feedback::Rating> {
                use $crate::feedback::sql;
                use socert_domain::feedback::RatingSummary;
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let found = Self::lock_enrollment(&mut tx, authority, enrollment).await?;
                    let confirmed: i64 = sqlx::query_scalar(sql::CONFIRMED_RECORDS_OF_ENROLLMENT)
                        .bind(enrollment)
                        .fetch_one(&mut *tx)
                        .await?;
                    if confirmed == 0 {
                        return Err($crate::enrollments::refused(
                            "nothing_to_rate",
                            "rate the provider once a delivery of this enrollment is confirmed",
                        ));
                    }
                    let previous: Option<$crate::feedback::RatingRow> = sqlx::query_as(sql::RATING_OF_ENROLLMENT)
                        .bind(enrollment)
                        .bind(authority.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?;
                    let previous = previous.map(|r| r.into_domain()).transpose()?;
                    let stars_value = i16::from(stars.get());
                    match &previous {
                        Some(_) => {
                            sqlx::query(sql::UPDATE_RATING)
                                .bind(enrollment)
                                .bind(stars_value)
                                .bind(now_us)
                                .execute(&mut *tx)
                                .await?;
                        }
                        None => {
                            sqlx::query(sql::INSERT_RATING)
                                .bind(enrollment)
                                .bind(authority.as_uuid())
                                .bind(found.provider_id)
                                .bind(stars_value)
                                .bind(now_us)
                                .execute(&mut *tx)
                                .await?;
                        }
                    }
                    let (count_delta, sum_delta) = match &previous {
                        Some(old) => (0i64, i64::from(stars.get()) - i64::from(old.stars.get())),
                        None => (1, i64::from(stars.get())),
                    };
                    let (count, stars_sum): (i64, i64) = sqlx::query_as(sql::ADD_TO_PROVIDER_RATING)
                        .bind(found.provider_id)
                        .bind(count_delta)
                        .bind(sum_delta)
                        .fetch_one(&mut *tx)
                        .await?;
                    let key = RatingSummary { count, stars_sum }.ranking_millistars();
                    sqlx::query(sql::SET_OFFERS_RATING)
                        .bind(found.provider_id)
                        .bind(i32::try_from(key).map_err($crate::rows::corrupt)?)
                        .bind(count)
                        .bind(stars_sum)
                        .execute(&mut *tx)
                        .await?;
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "enrollment.rate",
                        object_kind: "enrollment",
                        object_id: enrollment.to_string(),
                        diff: serde_json::json!({
                            "before": { "stars": previous.as_ref().map(|r| r.stars.get()) },
                            "after": { "stars": stars.get() },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok($crate::feedback::Rating {
                        enrollment_id: enrollment,
                        provider_id: found.provider_id,
                        stars,
                        rated_at: now,
                    })
                })
            }

            async fn rating_of_enrollment(
                &self,
                authority: socert_domain::AuthorityId,
                enrollment: uuid::Uuid,
            ) -> $crate::Result<Option<$crate::feedback::Rating>> {
                let row: Option<$crate::feedback::RatingRow> = sqlx::query_as($crate::feedback::sql::RATING_OF_ENROLLMENT)
                    .bind(enrollment)
                    .bind(authority.as_uuid())
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|r| r.into_domain()).transpose()
            }

            async fn provider_rating(
                &self,
                provider: uuid::Uuid,
            ) -> $crate::Result<socert_domain::feedback::RatingSummary> {
                let row: Option<(i64, i64)> = sqlx::query_as($crate::feedback::sql::PROVIDER_RATING)
                    .bind(provider)
                    .fetch_optional(&self.pool)
                    .await?;
                let (count, stars_sum) = row.ok_or($crate::Error::NotFound { what: "provider" })?;
                Ok(socert_domain::feedback::RatingSummary { count, stars_sum })
            }

            async fn file_complaint(
                &self,
                authority: socert_domain::AuthorityId,
                enrollment: uuid::Uuid,
                body: &str,
                key: &socert_domain::ledger::IdempotencyKey,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<($crate::feedback::Complaint, bool)> {
                use $crate::feedback::{KeyedComplaintRow, sql};
                let body = socert_domain::feedback::complaint_text(body)
                    .map_err(|e| $crate::enrollments::refused("invalid_complaint", e.to_string()))?;
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let earlier: Option<KeyedComplaintRow> = sqlx::query_as(sql::COMPLAINT_BY_KEY)
                        .bind(authority.as_uuid())
                        .bind(key.as_str())
                        .fetch_optional(&mut *tx)
                        .await?;
                    if let Some(earlier) = earlier {
                        return Ok((earlier.replay_of(enrollment, &body)?, true));
                    }
                    let found = Self::lock_enrollment(&mut tx, authority, enrollment).await?;
                    let id = uuid::Uuid::now_v7();
                    sqlx::query(sql::INSERT_COMPLAINT)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .bind(enrollment)
                        .bind(found.recipient_id)
                        .bind(found.provider_id)
                        .bind(&body)
                        .bind(key.as_str())
                        .bind(now_us)
                        .execute(&mut *tx)
                        .await?;
                    // The audit trail names the complaint and its enrollment, never its words.
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "complaint.file",
                        object_kind: "complaint",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "after": { "status": "open", "enrollment_id": enrollment, "provider_id": found.provider_id },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok(($crate::feedback::Complaint {
                        id,
                        authority_id: authority,
                        enrollment_id: enrollment,
                        recipient_id: found.recipient_id,
                        provider_id: found.provider_id,
                        status: socert_domain::feedback::ComplaintStatus::Open,
                        body: body.clone(),
                        response: None,
                        created_at: now,
                        updated_at: now,
                    }, false))
                })
            }

            async fn complaint(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                audited_for: Option<&$crate::audit::Actor>,
            ) -> $crate::Result<$crate::feedback::Complaint> {
                let Some(actor) = audited_for else {
                    let row: Option<$crate::feedback::ComplaintRow> = sqlx::query_as($crate::feedback::sql::COMPLAINT)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .fetch_optional(&self.pool)
                        .await?;
                    return row.ok_or($crate::Error::NotFound { what: "complaint" })?.into_domain();
                };
                let now = $crate::rows::now();
                let mut tx = self.begin_write().await?;
                let row: Option<$crate::feedback::ComplaintRow> = sqlx::query_as($crate::feedback::sql::COMPLAINT)
                    .bind(id)
                    .bind(authority.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await?;
                let complaint = row.ok_or($crate::Error::NotFound { what: "complaint" })?.into_domain()?;
                let draft = $crate::audit::Draft {
                    chain: Some(authority),
                    action: "complaint.read",
                    object_kind: "complaint",
                    object_id: id.to_string(),
                    diff: serde_json::json!({}),
                };
                $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                tx.commit().await?;
                Ok(complaint)
            }

            async fn complaints_of_recipient(
                &self,
                authority: socert_domain::AuthorityId,
                recipient: uuid::Uuid,
            ) -> $crate::Result<Vec<$crate::feedback::Complaint>> {
                let rows: Vec<$crate::feedback::ComplaintRow> = sqlx::query_as($crate::feedback::sql::COMPLAINTS_OF_RECIPIENT)
                    .bind(authority.as_uuid())
                    .bind(recipient)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn complaints_of_authority(
                &self,
                authority: socert_domain::AuthorityId,
                status: Option<socert_domain::feedback::ComplaintStatus>,
            ) -> $crate::Result<Vec<$crate::feedback::Complaint>> {
                let rows: Vec<$crate::feedback::ComplaintRow> = sqlx::query_as($crate::feedback::sql::COMPLAINTS_OF_AUTHORITY)
                    .bind(authority.as_uuid())
                    .bind(status.map(|s| s.as_str()))
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(|r| r.into_domain()).collect()
            }

            async fn decide_complaint(
                &self,
                authority: socert_domain::AuthorityId,
                id: uuid::Uuid,
                event: &socert_domain::feedback::ComplaintEvent,
                actor: &$crate::audit::Actor,
            ) -> $crate::Result<$crate::feedback::Complaint> {
                use $crate::feedback::sql;
                use socert_domain::feedback::ComplaintEvent;
                $crate::enrollments::retrying!(async {
                    let now = $crate::rows::now();
                    let now_us = $crate::rows::micros(now);
                    let mut tx = self.begin_write().await?;
                    let row: Option<$crate::feedback::ComplaintRow> = sqlx::query_as(sql::LOCK_COMPLAINT)
                        .bind(id)
                        .bind(authority.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await?;
                    let complaint = row.ok_or($crate::Error::NotFound { what: "complaint" })?.into_domain()?;
                    let next = complaint.status.apply(event).map_err(|e| match e {
                        socert_domain::feedback::FeedbackError::ResponseRequired { .. } => {
                            $crate::enrollments::refused("response_required", e.to_string())
                        }
                        other => $crate::enrollments::refused("illegal_transition", other.to_string()),
                    })?;
                    let response = event.response().map(str::to_owned);
                    sqlx::query(sql::SET_COMPLAINT_STATUS)
                        .bind(id)
                        .bind(next.as_str())
                        .bind(&response)
                        .bind(now_us)
                        .execute(&mut *tx)
                        .await?;
                    if matches!(event, ComplaintEvent::Uphold { .. } | ComplaintEvent::Dismiss { .. }) {
                        Self::notify(&mut tx, authority, $crate::enrollments::Audience::Recipient(complaint.recipient_id),
                            "complaint_decided",
                            serde_json::json!({ "complaint_id": id, "status": next.as_str() }), now_us).await?;
                    }
                    let draft = $crate::audit::Draft {
                        chain: Some(authority),
                        action: "complaint.decide",
                        object_kind: "complaint",
                        object_id: id.to_string(),
                        diff: serde_json::json!({
                            "before": { "status": complaint.status.as_str() },
                            "after": { "status": next.as_str() },
                        }),
                    };
                    $crate::audit::append_audit!(&mut *tx, actor, draft, now);
                    tx.commit().await?;
                    Ok($crate::feedback::Complaint {
                        status: next,
                        response: response.or(complaint.response.clone()),
                        updated_at: now,
                        ..complaint.clone()
                    })
                })
            }
        }
    };
}

pub(crate) use impl_feedback;
