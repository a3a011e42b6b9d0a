//! The recipient's cabinet: their certificates, for every person they act for (the officer's
//! cabinet is in `officer.rs`).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use socert_domain::identity::{Principal, Role};
use socert_store::programs::Certificate;
use uuid::Uuid;

use super::public::{Fact, fact};
use super::{Ctx, Failure, Layout, html, parse_id};
use crate::AppState;
use crate::api::me::{balance_history, certificate_of, represented};
use crate::i18n::{message, status_name};

fn validity(ctx: &Ctx, c: &Certificate) -> String {
    ctx.period(c.valid_from, c.valid_to)
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
    let principal = ctx.signed_in()?;
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
    let principal = ctx.signed_in()?;
    let id: Uuid = parse_id(id)?;
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
            date: ctx.date(authority.date_at(l.at)),
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
