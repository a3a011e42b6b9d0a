//! Bulk issuance: an officer uploads a CSV file or XLSX workbook of recipients for a program;
//! every row is checked, the people are matched or registered, and certificates are issued in
//! batches. The API answers at once with a run to poll; the report says per row issued /
//! waitlisted / refused (with reasons) / already issued. Re-uploading the same file issues nothing
//! twice: people are matched on their national id, and a person holding a certificate of the
//! program gets `already_issued`.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use socert_domain::{AuthorityId, Date, Locale};
use socert_store::Store;
use socert_store::audit::Actor;
use socert_store::programs::{
    DuplicateReason, IssuanceRun, IssueOutcome, RunRow, Upserted, detail_json,
};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::dto::{CSV, attachment, today_in};
use crate::api::programs::refusal_dtos;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiPath, ApiQuery, LIST_UPLOAD_LIMIT, Upload};
use crate::recipient_csv::{ParsedRow, parse_recipients};

/// Rows per transaction: large enough to make issuance set-based, small enough to keep locks
/// short and progress visible.
pub const BATCH_ROWS: usize = 500;

#[derive(Debug, Serialize, ToSchema)]
pub struct RunDto {
    pub id: Uuid,
    pub program_id: Uuid,
    pub file_name: String,
    /// `running`, `done` or `failed`.
    pub status: String,
    pub rows_total: i64,
    pub rows_done: i64,
    pub issued: i64,
    pub waitlisted: i64,
    pub refused: i64,
    pub already_issued: i64,
    pub error: Option<String>,
    pub created_at: String,
    pub finished_at: Option<String>,
    /// Where to download the per-row report (CSV).
    pub report_url: String,
}

impl From<&IssuanceRun> for RunDto {
    fn from(r: &IssuanceRun) -> Self {
        Self {
            id: r.id,
            program_id: r.program_id,
            file_name: r.file_name.clone(),
            status: r.status.clone(),
            rows_total: r.rows_total,
            rows_done: r.rows_done,
            issued: r.issued,
            waitlisted: r.waitlisted,
            refused: r.refused,
            already_issued: r.already,
            error: r.error.clone(),
            created_at: r.created_at.to_string(),
            finished_at: r.finished_at.map(|t| t.to_string()),
            report_url: format!(
                "/api/v1/authorities/{}/issuance-runs/{}/report.csv",
                r.authority_id, r.id
            ),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    /// The uploaded file's name, kept with the run.
    pub file_name: Option<String>,
}

/// Issues certificates of `program` to the people of `rows` (already parsed), writing the
/// report as it goes. `progress` gets the number of rows done so far.
#[allow(clippy::too_many_arguments)]
pub async fn run_issuance(
    store: &dyn Store,
    authority: AuthorityId,
    program: Uuid,
    run: Uuid,
    rows: &[ParsedRow],
    today: Date,
    locale: Locale,
    actor: &Actor,
    progress: &(dyn Fn(usize) + Send + Sync),
) -> Result<(), socert_store::Error> {
    let mut done = 0;
    for batch in rows.chunks(BATCH_ROWS) {
        let mut report: Vec<RunRow> = Vec::with_capacity(batch.len());
        let valid: Vec<(&ParsedRow, &socert_domain::program::NewRecipient)> = batch
            .iter()
            .filter_map(|row| row.result.as_ref().ok().map(|r| (row, r)))
            .collect();
        let people: Vec<_> = valid.iter().map(|(_, r)| (*r).clone()).collect();
        let matched = if people.is_empty() {
            Vec::new()
        } else {
            store.upsert_recipients(authority, &people, actor).await?
        };
        let mut to_issue: Vec<(i64, Uuid)> = Vec::new();
        for ((row, _), upserted) in valid.iter().zip(matched) {
            let line = row.line as i64;
            match upserted {
                Upserted::Created(id) | Upserted::Existing(id) => to_issue.push((line, id)),
                Upserted::SuspectedDuplicate { existing, reason } => report.push(RunRow {
                    line,
                    outcome: "refused",
                    recipient_id: Some(existing),
                    certificate_number: None,
                    detail: detail_json(&[(
                        "national_id".to_owned(),
                        suspected_duplicate(locale, reason, existing),
                    )]),
                }),
            }
        }
        let ids: Vec<Uuid> = to_issue.iter().map(|(_, id)| *id).collect();
        let outcomes = if ids.is_empty() {
            Vec::new()
        } else {
            store.issue(authority, program, &ids, today, actor).await?
        };
        for ((line, recipient), outcome) in to_issue.into_iter().zip(outcomes) {
            let (name, number, detail) = match &outcome {
                IssueOutcome::Issued(c) => ("issued", Some(c.number.to_string()), Vec::new()),
                IssueOutcome::AlreadyIssued(c) => {
                    ("already_issued", Some(c.number.to_string()), Vec::new())
                }
                IssueOutcome::Waitlisted { position, .. } => (
                    "waitlisted",
                    None,
                    vec![("waitlist".to_owned(), format!("position {position}"))],
                ),
                IssueOutcome::Refused(why) => (
                    "refused",
                    None,
                    refusal_dtos(why, locale)
                        .into_iter()
                        .map(|r| (r.code, r.message))
                        .collect(),
                ),
            };
            report.push(RunRow {
                line,
                outcome: name,
                recipient_id: Some(recipient),
                certificate_number: number,
                detail: detail_json(&detail),
            });
        }
        for row in batch {
            if let Err(errors) = &row.result {
                report.push(RunRow {
                    line: row.line as i64,
                    outcome: "refused",
                    recipient_id: None,
                    certificate_number: None,
                    detail: detail_json(
                        &errors
                            .iter()
                            .map(|e| (e.field.clone(), e.message.clone()))
                            .collect::<Vec<_>>(),
                    ),
                });
            }
        }
        report.sort_by_key(|r| r.line);
        store.record_run_rows(run, &report).await?;
        done += batch.len();
        progress(done);
    }
    // A large run changes the tables faster than autovacuum refreshes the planner's statistics;
    // refresh them now so that the queries that follow are planned for the real sizes.
    if rows.len() >= ANALYZE_AFTER_ROWS {
        store.analyze().await?;
    }
    Ok(())
}

/// Why a row was not matched to the person on file it resembles, in `locale`.
fn suspected_duplicate(locale: Locale, reason: DuplicateReason, existing: Uuid) -> String {
    let key = match reason {
        DuplicateReason::OtherPersonWithId => "row-duplicate-other-person-with-id",
        DuplicateReason::SamePersonOtherId => "row-duplicate-same-person-other-id",
    };
    crate::i18n::message(locale, key, &[("recipient", existing.to_string().into())])
}

/// Runs at least this large refresh the planner's statistics when they finish.
const ANALYZE_AFTER_ROWS: usize = 5_000;

/// Uploads a CSV file or XLSX workbook of recipients (columns in the README) and starts issuing
/// certificates of the program to them. Answers at once with the run; poll it for progress and
/// download the report.
#[utoipa::path(post, path = "/api/v1/authorities/{authority_id}/programs/{program_id}/issuance-runs", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("program_id" = Uuid, Path, description = "Program id"),
        UploadQuery,
    ),
    request_body(description = "UTF-8 CSV (`,` or `;` separated, header row first), or an XLSX workbook (its first visible sheet; rows above the header are skipped). The format is told by the file's bytes.",
        content(
            (String = "text/csv"),
            (inline(crate::api::dto::FileBytes) = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
    responses(
        (status = 202, description = "Started; poll the run", body = RunDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a readable CSV or workbook of recipients (the file as a whole)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn start_run(
    State(state): State<AppState>,
    ApiPath((authority, program)): ApiPath<(AuthorityId, Uuid)>,
    ApiQuery(query): ApiQuery<UploadQuery>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    Upload(bytes): Upload<LIST_UPLOAD_LIMIT>,
) -> Result<Response, ApiError> {
    let tenant = state.store.authority(authority).await?;
    let locale = crate::api::programs::locale_of(&headers, tenant.locale);
    let file_name = query.file_name.as_deref();
    let run = start_issuance(&state, &tenant, program, file_name, &bytes, locale, actor).await?;
    let run_id = run.id;
    let location = format!("/api/v1/authorities/{authority}/issuance-runs/{run_id}");
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, location)],
        Json(RunDto::from(&run)),
    )
        .into_response())
}

/// Checks a file of recipients, records a run and starts issuing in the background: the API's
/// and the portal's one path. A file that is not a readable table of recipients is refused as a
/// whole (field `file`); rows with errors are reported per row by the run. A file sent without
/// a name is named for its format.
pub(crate) async fn start_issuance(
    state: &AppState,
    tenant: &socert_domain::Authority,
    program: Uuid,
    file_name: Option<&str>,
    bytes: &[u8],
    locale: Locale,
    actor: Actor,
) -> Result<IssuanceRun, ApiError> {
    let authority = tenant.id;
    state.store.program(authority, program).await?;
    let today = today_in(tenant);
    let rows = parse_recipients(bytes, tenant.country, today, locale)
        .map_err(|err| ApiError::invalid("file", err.said(locale)))?;
    let file_name = file_name.unwrap_or_else(|| crate::table::default_file_name(bytes));
    let file_name = file_name.chars().take(200).collect::<String>();
    let run = state
        .store
        .create_run(authority, program, &file_name, rows.len() as i64)
        .await?;
    let store = state.store.clone();
    let run_id = run.id;
    // The work outlives the request; its failure is recorded on the run for the poller.
    tokio::spawn(async move {
        let result = run_issuance(
            store.as_ref(),
            authority,
            program,
            run_id,
            &rows,
            today,
            locale,
            &actor,
            &|_| {},
        )
        .await;
        let error = result.as_ref().err().map(|err| {
            tracing::error!(error = %err, run = %run_id, "issuance run failed");
            "the run stopped on a storage error; rows reported so far stand, upload the file again to finish".to_owned()
        });
        if let Err(err) = store.finish_run(run_id, error.as_deref()).await {
            tracing::error!(error = %err, run = %run_id, "could not record the end of an issuance run");
        }
    });
    Ok(run)
}

/// Where a run stands: counts so far, and `done` or `failed` at the end.
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/issuance-runs/{run_id}", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("run_id" = Uuid, Path, description = "Run id"),
    ),
    responses(
        (status = 200, body = RunDto),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_run(
    State(state): State<AppState>,
    ApiPath((authority, run)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Json<RunDto>, ApiError> {
    let run = state.store.run(authority, run).await?;
    Ok(Json(RunDto::from(&run)))
}

/// The per-row report: `line,outcome,certificate_number,recipient_id,field,message`, one line
/// per reason (a refused row with three failed rules has three lines).
#[utoipa::path(get, path = "/api/v1/authorities/{authority_id}/issuance-runs/{run_id}/report.csv", tag = "programs",
    params(
        ("authority_id" = Uuid, Path, description = "Authority id"),
        ("run_id" = Uuid, Path, description = "Run id"),
    ),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn run_report(
    State(state): State<AppState>,
    ApiPath((authority, run)): ApiPath<(AuthorityId, Uuid)>,
) -> Result<Response, ApiError> {
    let rows = state.store.run_rows(authority, run).await?;
    let csv = report_csv(&rows).map_err(|err| {
        tracing::error!(error = %err, "report CSV");
        ApiError::Internal
    })?;
    Ok(attachment(CSV, &format!("issuance-{run}.csv"), csv))
}

/// The report as CSV text (also written by `socert issue`).
pub fn report_csv(rows: &[RunRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "line",
        "outcome",
        "certificate_number",
        "recipient_id",
        "field",
        "message",
    ])?;
    for row in rows {
        let line = row.line.to_string();
        let number = row.certificate_number.clone().unwrap_or_default();
        let recipient = row.recipient_id.map(|r| r.to_string()).unwrap_or_default();
        let details = row.details();
        if details.is_empty() {
            writer.write_record([line.as_str(), row.outcome, &number, &recipient, "", ""])?;
        }
        for (field, message) in details {
            writer.write_record([
                line.as_str(),
                row.outcome,
                &number,
                &recipient,
                &field,
                &message,
            ])?;
        }
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suspected_duplicates_are_said_in_the_readers_language() {
        let existing = Uuid::now_v7();
        for (reason, why) in [
            (
                DuplicateReason::OtherPersonWithId,
                "the national id is on file with another name or birth date",
            ),
            (
                DuplicateReason::SamePersonOtherId,
                "a person with the same name and birth date is on file with another national id",
            ),
        ] {
            let english = suspected_duplicate(Locale::En, reason, existing);
            assert_eq!(
                english,
                format!("suspected duplicate: {why} (recipient {existing})")
            );
            for locale in [Locale::Ru, Locale::Uk] {
                let said = suspected_duplicate(locale, reason, existing);
                assert!(
                    said != english && said.contains(&existing.to_string()),
                    "{said}"
                );
            }
        }
    }
}
