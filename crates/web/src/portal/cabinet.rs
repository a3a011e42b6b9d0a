//! Cabinets of signed-in users: a recipient's certificates (for every person they act for) and an
//! officer's dashboard of their authority.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use socert_domain::Authority;
use socert_domain::identity::{Action, Decision, Principal, Role};
use socert_domain::registry::AdmissionStatus;
use socert_store::programs::{Certificate, WaitlistStatus};
use uuid::Uuid;

use super::public::{Fact, fact};
use super::{Ctx, Failure, Layout, html};
use crate::AppState;
use crate::api::me::{balance_history, certificate_of, represented};
use crate::i18n::{format_date, message, status_name};

fn signed_in(ctx: &Ctx) -> Result<&Principal, Failure> {
    ctx.principal().ok_or(Failure::SignIn)
}

fn validity(ctx: &Ctx, c: &Certificate) -> String {
    message(
        ctx.locale,
        "cert-valid-range",
        &[
            ("from", format_date(ctx.locale, c.valid_from).into()),
            ("to", format_date(ctx.locale, c.valid_to).into()),
        ],
    )
}

pub struct CertificateRow {
    pub href: String,
    pub number: String,
    pub program: String,
    pub status: String,
    pub status_code: &'static str,
    pub available: String,
    pub held: String,
    pub validity: String,
}

pub struct Person {
    pub name: String,
    pub certificates: Vec<CertificateRow>,
}

#[derive(Template)]
#[template(path = "portal/certificates.html")]
struct CertificatesPage {
    layout: Layout,
    people: Vec<Person>,
}

pub async fn certificates(ctx: Ctx, State(state): State<AppState>) -> Response {
    let result = certificates_page(&ctx, &state).await;
    ctx.respond(result)
}

async fn certificates_page(ctx: &Ctx, state: &AppState) -> Result<Response, Failure> {
    let principal = signed_in(ctx)?;
    let actor = ctx.actor(Role::Recipient);
    let mut people = Vec::new();
    for (authority, person) in represented(principal) {
        let certificates = state
            .store
            .certificates_of_recipient(authority, person)
            .await?;
        // The name comes from the person's file, and that read is audited like every other.
        let name = match state.store.recipient_file(authority, person, &actor).await {
            Ok(file) => file.recipient.details.name.to_string(),
            // A grant for someone with no file yet: nothing to show for them.
            Err(socert_store::Error::NotFound { .. }) if certificates.is_empty() => continue,
            Err(err) => return Err(err.into()),
        };
        let mut rows = Vec::with_capacity(certificates.len());
        for c in &certificates {
            let program = state.store.program(c.authority_id, c.program_id).await?;
            rows.push(CertificateRow {
                href: format!("/cabinet/certificates/{}", c.id),
                number: c.number.to_string(),
                program: program.spec.name.get(ctx.locale).to_owned(),
                status: status_name(ctx.locale, c.status),
                status_code: c.status.as_str(),
                available: ctx.money(c.available),
                held: ctx.money(c.held),
                validity: validity(ctx, c),
            });
        }
        people.push(Person {
            name,
            certificates: rows,
        });
    }
    let page = CertificatesPage {
        layout: ctx.layout(ctx.t("portal-certificates-title")),
        people,
    };
    html(&page)
}

pub struct HistoryRow {
    pub date: String,
    pub what: String,
    pub amount: String,
    pub balance: String,
}

#[derive(Template)]
#[template(path = "portal/certificate.html")]
struct CertificatePage {
    layout: Layout,
    number: String,
    facts: Vec<Fact>,
    print_href: String,
    history: Vec<HistoryRow>,
}

pub async fn certificate(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let result = certificate_page(&ctx, &state, &id).await;
    ctx.respond(result)
}

/// One of the reader's certificates; someone else's does not exist for them.
async fn own_certificate(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<Certificate, Failure> {
    certificate_of(state, principal, id)
        .await
        .ok_or(Failure::NotFound)
}

async fn certificate_page(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, Failure> {
    let principal = signed_in(ctx)?;
    let id: Uuid = id.parse().map_err(|_| Failure::NotFound)?;
    let c = own_certificate(state, principal, id).await?;
    let program = state.store.program(c.authority_id, c.program_id).await?;
    let authority = state.store.authority(c.authority_id).await?;
    let lines = balance_history(state, &c).await?;
    let number = c.number.to_string();
    let heading = message(
        ctx.locale,
        "cert-page-title",
        &[("number", number.as_str().into())],
    );
    let line = |key: &str, value: String| fact(ctx, key, value);
    let facts = vec![
        line("cert-program", program.spec.name.get(ctx.locale).to_owned()),
        line(
            "portal-offer-authority",
            authority.names.get(ctx.locale).to_owned(),
        ),
        line("cert-status", status_name(ctx.locale, c.status)),
        line("cert-value", ctx.money(c.value)),
        line("portal-cert-available", ctx.money(c.available)),
        line("portal-cert-held", ctx.money(c.held)),
        line("cert-valid", validity(ctx, &c)),
    ];
    let history = lines
        .items
        .iter()
        .map(|l| HistoryRow {
            date: format_date(ctx.locale, authority.date_at(l.at)),
            what: ctx.t(&format!("portal-tx-{}", l.kind)),
            amount: ctx.money(l.amount),
            balance: ctx.money(l.balance_after),
        })
        .collect();
    let page = CertificatePage {
        layout: ctx.layout(heading),
        number,
        facts,
        print_href: format!("/cabinet/certificates/{}/print", c.id),
        history,
    };
    html(&page)
}

// ---------------------------------------------------------------------------------------------
// Officer
// ---------------------------------------------------------------------------------------------

pub struct ProgramRow {
    pub name: String,
    pub period: String,
    pub budget: String,
    pub live: i64,
    pub quota: String,
    pub waiting: usize,
}

pub struct AdmissionRow {
    pub provider: String,
    pub provider_href: String,
    pub status: String,
    pub applied: String,
    pub services: usize,
}

pub struct Board {
    pub name: String,
    pub programs: Vec<ProgramRow>,
    /// `None` when the reader may not review providers (an auditor).
    pub admissions: Option<Vec<AdmissionRow>>,
}

#[derive(Template)]
#[template(path = "portal/officer.html")]
struct OfficerPage {
    layout: Layout,
    boards: Vec<Board>,
}

pub async fn officer(ctx: Ctx, State(state): State<AppState>) -> Response {
    let result = officer_page(&ctx, &state).await;
    ctx.respond(result)
}

/// Authorities whose programs the reader may read, by the same rule as the API's
/// `programs.read` routes.
fn readable(principal: &Principal, authorities: Vec<Authority>) -> Vec<Authority> {
    authorities
        .into_iter()
        .filter(|a| {
            matches!(
                principal.decide(Action::ProgramsRead, Some(a.id)),
                Decision::Allow(_)
            )
        })
        .collect()
}

async fn officer_page(ctx: &Ctx, state: &AppState) -> Result<Response, Failure> {
    let principal = signed_in(ctx)?;
    let authorities = readable(principal, state.store.list_authorities().await?);
    if authorities.is_empty() {
        return Err(Failure::Forbidden);
    }
    let mut boards = Vec::with_capacity(authorities.len());
    for authority in authorities {
        // Counts and money only: no recipient's file is opened here.
        let mut programs = Vec::new();
        for p in state.store.programs(authority.id).await? {
            let waiting = state
                .store
                .waitlist(authority.id, p.id)
                .await?
                .iter()
                .filter(|w| w.status == WaitlistStatus::Waiting)
                .count();
            programs.push(ProgramRow {
                name: p.spec.name.get(ctx.locale).to_owned(),
                period: message(
                    ctx.locale,
                    "cert-valid-range",
                    &[
                        ("from", format_date(ctx.locale, p.spec.starts).into()),
                        ("to", format_date(ctx.locale, p.spec.ends).into()),
                    ],
                ),
                budget: ctx.money(p.budget),
                live: p.live_certificates,
                quota: p
                    .spec
                    .quota
                    .map_or_else(|| ctx.t("portal-officer-no-quota"), |q| q.to_string()),
                waiting,
            });
        }
        let reviews = matches!(
            principal.decide(Action::AdmissionsDecide, Some(authority.id)),
            Decision::Allow(_)
        );
        let admissions = if reviews {
            let mut rows = Vec::new();
            for status in [AdmissionStatus::Applied, AdmissionStatus::UnderReview] {
                for a in state
                    .store
                    .admissions_of_authority(authority.id, Some(status))
                    .await?
                {
                    let provider = state.store.provider(a.provider_id).await?;
                    rows.push(AdmissionRow {
                        provider: provider.details.short_name,
                        provider_href: format!("/providers/{}", a.provider_id),
                        status: ctx.t(&format!(
                            "portal-admission-{}",
                            a.status.to_string().replace('_', "-")
                        )),
                        applied: format_date(ctx.locale, authority.date_at(a.applied_at)),
                        services: a.services.len(),
                    });
                }
            }
            Some(rows)
        } else {
            None
        };
        boards.push(Board {
            name: authority.names.get(ctx.locale).to_owned(),
            programs,
            admissions,
        });
    }
    let page = OfficerPage {
        layout: ctx.layout(ctx.t("portal-officer-title")),
        boards,
    };
    html(&page)
}
