//! Pages anyone may read: what socert is, the registry search, offers, providers, open data.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use socert_domain::registry::{LegalForm, price_breakdown};
use socert_domain::{Locale, Money, ServiceCategory, Timestamp};
use socert_store::registry::{Offer, OfferHit, OfferQuery};
use uuid::Uuid;

use super::{Ctx, Failure, FieldError, Layout, find_error, html, parse_id};
use crate::AppState;
use crate::api::registry::{OfferHitDto, SearchQuery, search_offers};
use crate::error::ApiError;
use crate::extract::ApiQuery;
use crate::i18n::message;

const PAGE_SIZE: u32 = 20;

/// The search's fields that may be wrong, by the id of their input.
const LAT: &str = "lat";
const LON: &str = "lon";

// ---------------------------------------------------------------------------------------------
// Home
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal/home.html")]
struct HomePage {
    layout: Layout,
}

pub async fn home(ctx: Ctx) -> Response {
    let page = HomePage {
        layout: ctx.layout(ctx.t("portal-home-title")),
    };
    ctx.respond(html(&page))
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/// The search form as the browser sends it: every field is text, and a checkbox is there or not.
#[derive(Debug, Default, Deserialize)]
pub struct SearchForm {
    q: Option<String>,
    authority_id: Option<String>,
    category: Option<String>,
    municipality: Option<String>,
    wheelchair_access: Option<String>,
    sign_language: Option<String>,
    home_visits: Option<String>,
    transport: Option<String>,
    free_seats: Option<String>,
    sort: Option<String>,
    lat: Option<String>,
    lon: Option<String>,
    cursor: Option<String>,
}

/// A text field as typed, `None` when left empty.
fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct Checkbox {
    pub name: &'static str,
    pub label: String,
    pub checked: bool,
}

pub struct ResultRow {
    pub offer_href: String,
    pub title: String,
    pub provider_href: String,
    pub provider: String,
    pub municipality: String,
    pub price: String,
    pub normative: Option<String>,
    /// `None` when the recipient pays nothing extra.
    pub copay: Option<String>,
    pub distance: Option<String>,
    pub free_seats: u32,
    pub rating: String,
}

#[derive(Template)]
#[template(path = "portal/search.html")]
struct SearchPage {
    layout: Layout,
    q: String,
    municipality: String,
    lat: String,
    lon: String,
    authorities: Vec<SelectOption>,
    categories: Vec<SelectOption>,
    sorts: Vec<SelectOption>,
    features: Vec<Checkbox>,
    free_seats: bool,
    errors: Vec<FieldError>,
    results: Vec<ResultRow>,
    /// Whether a search ran (the form may only have been opened).
    searched: bool,
    next_href: Option<String>,
}

impl SearchPage {
    fn error(&self, field: &str) -> Option<&str> {
        find_error(&self.errors, field)
    }
}

/// An offer's title in `locale`, or in any language it was given in.
pub(super) fn offer_title(locale: Locale, offer: &Offer) -> String {
    let t = &offer.details.titles;
    title_in(locale, [&t[0], &t[1], &t[2]])
}

/// The title in the reader's language, or in any language it was given in.
pub(super) fn title_in(locale: Locale, titles: [&str; 3]) -> String {
    let own = match locale {
        Locale::Ru => titles[0],
        Locale::Uk => titles[1],
        Locale::En => titles[2],
    };
    std::iter::once(own)
        .chain(titles)
        .find(|t| !t.trim().is_empty())
        .unwrap_or_default()
        .to_owned()
}

fn distance(locale: Locale, km: f64) -> String {
    let number = format!("{km:.1}");
    let number = match locale {
        Locale::Ru | Locale::Uk => number.replace('.', ","),
        Locale::En => number,
    };
    message(locale, "portal-distance", &[("km", number.into())])
}

fn category_key(category: ServiceCategory) -> String {
    format!("portal-category-{}", category.as_str().replace('_', "-"))
}

fn money_of(dto: &crate::api::dto::MoneyDto) -> Option<Money> {
    dto.parse("money").ok()
}

fn result_row(ctx: &Ctx, hit: &OfferHitDto) -> ResultRow {
    let o = &hit.offer;
    let price = money_of(&o.price);
    let copay = hit
        .copay
        .as_ref()
        .and_then(money_of)
        .filter(|m| m.is_positive());
    ResultRow {
        offer_href: format!("/offers/{}", o.id),
        title: title_in(ctx.locale, [&o.title_ru, &o.title_uk, &o.title_en]),
        provider_href: format!("/providers/{}", o.provider_id),
        provider: hit.provider_name.clone(),
        municipality: o.location.municipality.clone(),
        price: price.map(|m| ctx.money(m)).unwrap_or_default(),
        normative: hit
            .normative_cost
            .as_ref()
            .and_then(money_of)
            .map(|m| ctx.money(m)),
        copay: copay.map(|m| ctx.money(m)),
        distance: hit.distance_km.map(|km| distance(ctx.locale, km)),
        free_seats: o.free_seats,
        rating: super::recipient::rating_text(
            ctx,
            hit.provider_rating.count,
            hit.provider_rating.average,
        ),
    }
}

/// A coordinate as typed: `48.48` or `48,48`.
fn coordinate(text: &str, range: f64) -> Option<f64> {
    text.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= range)
}

/// The query of this page without `cursor` and `lang`, plus the next page's cursor.
fn next_page_href(query: Option<&str>, cursor: &str) -> String {
    let mut pairs: Vec<String> = query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("cursor=") && !p.starts_with("lang="))
        .map(str::to_owned)
        .collect();
    pairs.push(format!("cursor={cursor}"));
    format!("/search?{}", pairs.join("&"))
}

pub async fn search(
    ctx: Ctx,
    State(state): State<AppState>,
    form: Result<Query<SearchForm>, QueryRejection>,
) -> Response {
    let form = form.map(|Query(f)| f).unwrap_or_default();
    let result = search_page(&ctx, &state, form).await;
    ctx.respond(result)
}

async fn search_page(ctx: &Ctx, state: &AppState, form: SearchForm) -> Result<Response, Failure> {
    let (query, choice, errors) = api_query(ctx, &form);
    let (results, next_href) = if errors.is_empty() {
        run_search(ctx, state, query).await?
    } else {
        (Vec::new(), None)
    };
    let (status, title) = if errors.is_empty() {
        (StatusCode::OK, ctx.t("portal-search-title"))
    } else {
        (StatusCode::BAD_REQUEST, ctx.t("portal-search-title-errors"))
    };
    let page = SearchPage {
        layout: ctx.layout(title),
        q: form.q.clone().unwrap_or_default(),
        municipality: form.municipality.clone().unwrap_or_default(),
        lat: form.lat.clone().unwrap_or_default(),
        lon: form.lon.clone().unwrap_or_default(),
        authorities: authority_options(ctx, state, choice.authority).await?,
        categories: category_options(ctx, choice.category),
        sorts: ["relevance", "price", "distance", "rating"]
            .into_iter()
            .map(|s| SelectOption {
                value: s.to_owned(),
                label: if s == "rating" {
                    ctx.t("portal-recipient-sort-rating")
                } else {
                    ctx.t(&format!("portal-search-sort-{s}"))
                },
                selected: s == choice.sort,
            })
            .collect(),
        features: [
            ("wheelchair_access", &form.wheelchair_access),
            ("sign_language", &form.sign_language),
            ("home_visits", &form.home_visits),
            ("transport", &form.transport),
        ]
        .into_iter()
        .map(|(name, value)| Checkbox {
            name,
            label: ctx.t(&format!("portal-feature-{}", name.replace('_', "-"))),
            checked: value.is_some(),
        })
        .collect(),
        free_seats: form.free_seats.is_some(),
        searched: errors.is_empty(),
        errors,
        results,
        next_href,
    };
    Ok((status, html(&page)?).into_response())
}

/// What the reader chose in the form's lists, to show it chosen again.
struct Choice {
    authority: Option<Uuid>,
    category: Option<ServiceCategory>,
    sort: &'static str,
}

/// The form as the parameters of `GET /api/v1/public/offers`, or what the reader has to correct.
/// A list value that is not one of ours (an edited address) is ignored rather than refused.
fn api_query(
    ctx: &Ctx,
    form: &SearchForm,
) -> (
    serde_json::Map<String, serde_json::Value>,
    Choice,
    Vec<FieldError>,
) {
    let mut errors = Vec::new();
    let mut query = serde_json::Map::new();
    for (name, value) in [
        ("q", &form.q),
        ("municipality", &form.municipality),
        ("cursor", &form.cursor),
    ] {
        if let Some(value) = filled(value) {
            query.insert(name.into(), value.into());
        }
    }
    let authority = filled(&form.authority_id).and_then(|a| a.parse::<Uuid>().ok());
    if let Some(id) = authority {
        query.insert("authority_id".into(), id.to_string().into());
    }
    let category = filled(&form.category).and_then(|c| c.parse::<ServiceCategory>().ok());
    if let Some(c) = category {
        query.insert("category".into(), c.as_str().into());
    }
    for (name, value) in [
        ("wheelchair_access", &form.wheelchair_access),
        ("sign_language", &form.sign_language),
        ("home_visits", &form.home_visits),
        ("transport", &form.transport),
        ("free_seats", &form.free_seats),
    ] {
        if value.is_some() {
            query.insert(name.into(), true.into());
        }
    }
    let mut field_error = |field: &str, key: &str| {
        errors.push(FieldError {
            field: field.to_owned(),
            message: ctx.t(key),
        });
    };
    let near = match (filled(&form.lat), filled(&form.lon)) {
        (None, None) => None,
        (Some(lat), Some(lon)) => {
            let lat = coordinate(lat, 90.0);
            let lon = coordinate(lon, 180.0);
            if lat.is_none() {
                field_error(LAT, "portal-search-error-lat");
            }
            if lon.is_none() {
                field_error(LON, "portal-search-error-lon");
            }
            lat.zip(lon)
        }
        (None, Some(_)) => {
            field_error(LAT, "portal-search-error-both");
            None
        }
        (Some(_), None) => {
            field_error(LON, "portal-search-error-both");
            None
        }
    };
    let sort = match filled(&form.sort) {
        Some("price") => "price",
        Some("distance") => "distance",
        Some("rating") => "rating",
        _ => "relevance",
    };
    if sort == "distance"
        && near.is_none()
        && filled(&form.lat).is_none()
        && filled(&form.lon).is_none()
    {
        field_error(LAT, "portal-search-error-distance");
    }
    if let Some((lat, lon)) = near {
        query.insert("near".into(), format!("{lat},{lon}").into());
    }
    query.insert("sort".into(), sort.into());
    query.insert("limit".into(), PAGE_SIZE.into());
    let choice = Choice {
        authority,
        category,
        sort,
    };
    (query, choice, errors)
}

/// The search, run by the API's own handler so that the two cannot come to disagree on filters,
/// pricing or paging; the page's result cards and the next page's address.
async fn run_search(
    ctx: &Ctx,
    state: &AppState,
    query: serde_json::Map<String, serde_json::Value>,
) -> Result<(Vec<ResultRow>, Option<String>), Failure> {
    let query: SearchQuery = serde_json::from_value(query.into()).map_err(|err| {
        tracing::error!(%err, "portal search built a query the API does not accept");
        Failure::Internal
    })?;
    let page = match search_offers(State(state.clone()), ApiQuery(query)).await {
        Ok(axum::Json(page)) => page,
        // Only a cursor edited by hand gets here (the rest was checked): nothing on that page.
        Err(ApiError::BadParameter { .. }) => return Ok((Vec::new(), None)),
        Err(err) => return Err(err.into()),
    };
    let rows = page.items.iter().map(|hit| result_row(ctx, hit)).collect();
    let next = page
        .next_cursor
        .map(|c| next_page_href(ctx.query.as_deref(), &c));
    Ok((rows, next))
}

async fn authority_options(
    ctx: &Ctx,
    state: &AppState,
    chosen: Option<Uuid>,
) -> Result<Vec<SelectOption>, Failure> {
    let mut options = vec![SelectOption {
        value: String::new(),
        label: ctx.t("portal-search-any-authority"),
        selected: chosen.is_none(),
    }];
    for a in state.store.list_authorities().await? {
        options.push(SelectOption {
            value: a.id.to_string(),
            label: a.names.get(ctx.locale).to_owned(),
            selected: chosen == Some(a.id.as_uuid()),
        });
    }
    Ok(options)
}

fn category_options(ctx: &Ctx, chosen: Option<ServiceCategory>) -> Vec<SelectOption> {
    let any = SelectOption {
        value: String::new(),
        label: ctx.t("portal-search-any-category"),
        selected: chosen.is_none(),
    };
    std::iter::once(any)
        .chain(ServiceCategory::ALL.iter().map(|c| SelectOption {
            value: c.as_str().to_owned(),
            label: ctx.t(&category_key(*c)),
            selected: chosen == Some(*c),
        }))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Offers and providers
// ---------------------------------------------------------------------------------------------

/// Offers of admitted providers that `keep` selects.
///
/// The store has no lookup of one offer or of one provider's offers yet, so this reads the whole
/// public registry (what the open-data export reads) and filters it. Fine for a regional registry
/// of a few thousand offers; at the 300 000 of the search benchmark it wants an indexed lookup in
/// `RegistryStore`.
pub(super) async fn offers_where(
    state: &AppState,
    narrow: impl FnOnce(&mut OfferQuery),
) -> Result<Vec<OfferHit>, Failure> {
    // A provider's page lists its offers on one page: more than this is not a provider, it is a
    // bulk load.
    const PROVIDER_LIMIT: u32 = 1_000;
    let today = jiff::tz::TimeZone::UTC.to_datetime(Timestamp::now()).date();
    let mut query = OfferQuery::everything(today, PROVIDER_LIMIT);
    narrow(&mut query);
    query.limit = query
        .limit
        .max(u32::try_from(query.offers.len()).unwrap_or(u32::MAX));
    Ok(state.store.search_offers(&query).await?)
}

fn legal_form_name(ctx: &Ctx, form: LegalForm) -> String {
    ctx.t(&format!(
        "portal-legal-form-{}",
        form.as_str().replace('_', "-")
    ))
}

/// A labelled line of a description list.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub(super) fn fact(ctx: &Ctx, key: &str, value: impl Into<String>) -> Fact {
    Fact {
        label: ctx.t(key),
        value: value.into(),
    }
}

#[derive(Template)]
#[template(path = "portal/offer.html")]
struct OfferPage {
    layout: Layout,
    title: String,
    provider: String,
    provider_href: String,
    description: String,
    price: String,
    covered: Option<String>,
    copay: Option<String>,
    facts: Vec<Fact>,
    features: Vec<String>,
    /// For a signed-in recipient: where to enroll.
    enroll_href: Option<String>,
}

pub async fn offer(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let result = offer_page(&ctx, &state, &id).await;
    ctx.respond(result)
}

async fn offer_page(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, Failure> {
    let id = parse_id(id)?;
    let hit = offers_where(state, |q| q.offers = vec![id])
        .await?
        .into_iter()
        .next()
        .ok_or(Failure::NotFound)?;
    let d = &hit.offer.details;
    let authority = state.store.authority(d.authority_id).await?;
    let breakdown = hit.normative.and_then(|n| price_breakdown(d.price, n).ok());
    let title = offer_title(ctx.locale, &hit.offer);
    let mut facts = vec![
        fact(
            ctx,
            "portal-offer-authority",
            authority.names.get(ctx.locale),
        ),
        fact(ctx, "portal-offer-municipality", &d.location.municipality),
        fact(ctx, "portal-offer-address", &d.location.address),
    ];
    if !d.schedule.is_empty() {
        facts.push(fact(ctx, "portal-offer-schedule", &d.schedule));
    }
    if let Some(normative) = hit.normative {
        facts.push(fact(ctx, "portal-offer-normative", ctx.money(normative)));
    }
    facts.push(fact(
        ctx,
        "portal-recipient-provider-rating",
        super::recipient::rating_of(ctx, hit.rating),
    ));
    facts.push(fact(
        ctx,
        "portal-offer-free-seats",
        message(
            ctx.locale,
            "portal-seats",
            &[
                (
                    "free",
                    d.capacity.saturating_sub(hit.offer.seats_taken).into(),
                ),
                ("capacity", d.capacity.into()),
            ],
        ),
    ));
    if d.age_min.is_some() || d.age_max.is_some() {
        let ages = match (d.age_min, d.age_max) {
            (Some(min), Some(max)) => format!("{min}–{max}"),
            (Some(min), None) => format!("{min}+"),
            (None, Some(max)) => format!("0–{max}"),
            (None, None) => String::new(),
        };
        facts.push(fact(ctx, "portal-offer-ages", ages));
    }
    if !d.languages.is_empty() {
        let names: Vec<&str> = d
            .languages
            .iter()
            .filter_map(|l| Locale::parse(l).ok())
            .map(super::language_name)
            .collect();
        facts.push(fact(ctx, "portal-offer-languages", names.join(", ")));
    }
    let a = &d.accessibility;
    let features = [
        (a.wheelchair, "wheelchair-access"),
        (a.sign_language, "sign-language"),
        (a.home_visits, "home-visits"),
        (a.transport, "transport"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, key)| ctx.t(&format!("portal-feature-{key}")))
    .collect();
    let page = OfferPage {
        layout: ctx.layout(title.clone()),
        title,
        provider: hit.provider_name.clone(),
        provider_href: format!("/providers/{}", d.provider_id),
        description: d.description.clone(),
        price: ctx.money(d.price),
        covered: breakdown.map(|b| ctx.money(b.covered)),
        copay: breakdown
            .filter(|b| b.copay.is_positive())
            .map(|b| ctx.money(b.copay)),
        facts,
        features,
        enroll_href: ctx
            .principal()
            .is_some_and(|p| {
                crate::api::me::represented(p)
                    .iter()
                    .any(|(a, _)| *a == d.authority_id)
            })
            .then(|| format!("/cabinet/enroll?offer={}", hit.offer.id)),
    };
    html(&page)
}

pub struct OfferLink {
    pub href: String,
    pub title: String,
    pub price: String,
    pub municipality: String,
}

#[derive(Template)]
#[template(path = "portal/provider.html")]
struct ProviderPage {
    layout: Layout,
    name: String,
    description: String,
    facts: Vec<Fact>,
    website: String,
    offers: Vec<OfferLink>,
}

pub async fn provider(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let result = provider_page(&ctx, &state, &id).await;
    ctx.respond(result)
}

async fn provider_page(ctx: &Ctx, state: &AppState, id: &str) -> Result<Response, Failure> {
    let id = parse_id(id)?;
    let provider = state.store.provider(id).await?;
    let p = &provider.details;
    let mut facts = vec![
        fact(ctx, "portal-provider-full-name", &p.full_name),
        fact(
            ctx,
            "portal-provider-legal-form",
            legal_form_name(ctx, p.legal_form),
        ),
        fact(ctx, "portal-offer-address", &p.location.address),
        fact(ctx, "portal-provider-phone", &p.phone),
        fact(ctx, "portal-provider-email", &p.email),
    ];
    facts.push(fact(
        ctx,
        "portal-recipient-provider-rating",
        super::recipient::rating_of(ctx, state.store.provider_rating(id).await?),
    ));
    // An entrepreneur's INN identifies a person: the API withholds it too.
    if !p.legal_form.is_person() {
        facts.push(fact(ctx, "portal-provider-tax-id", &p.tax_id));
    }
    let offers = offers_where(state, |q| q.provider = Some(id))
        .await?
        .iter()
        .map(|h| {
            let d = &h.offer.details;
            OfferLink {
                href: format!("/offers/{}", h.offer.id),
                title: offer_title(ctx.locale, &h.offer),
                price: ctx.money(d.price),
                municipality: d.location.municipality.clone(),
            }
        })
        .collect();
    let page = ProviderPage {
        layout: ctx.layout(p.short_name.clone()),
        name: p.short_name.clone(),
        description: p.description.clone(),
        facts,
        website: p.website.clone(),
        offers,
    };
    html(&page)
}

// ---------------------------------------------------------------------------------------------
// Open data
// ---------------------------------------------------------------------------------------------

pub struct Download {
    pub label: String,
    pub json: String,
    pub csv: String,
}

#[derive(Template)]
#[template(path = "portal/open_data.html")]
struct OpenDataPage {
    layout: Layout,
    downloads: Vec<Download>,
}

pub async fn open_data(ctx: Ctx, State(state): State<AppState>) -> Response {
    let result = open_data_page(&ctx, &state).await;
    ctx.respond(result)
}

async fn open_data_page(ctx: &Ctx, state: &AppState) -> Result<Response, Failure> {
    let base = "/api/v1/open/registry";
    let mut downloads = vec![Download {
        label: ctx.t("portal-open-data-all"),
        json: format!("{base}.json"),
        csv: format!("{base}.csv"),
    }];
    for a in state.store.list_authorities().await? {
        downloads.push(Download {
            label: a.names.get(ctx.locale).to_owned(),
            json: format!("{base}.json?authority_id={}", a.id),
            csv: format!("{base}.csv?authority_id={}", a.id),
        });
    }
    let page = OpenDataPage {
        layout: ctx.layout(ctx.t("portal-open-data-title")),
        downloads,
    };
    html(&page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_fall_back_to_any_language_given() {
        assert_eq!(title_in(Locale::Uk, ["Плавание", "", ""]), "Плавание");
        assert_eq!(
            title_in(Locale::En, ["Плавание", "", "Swimming"]),
            "Swimming"
        );
        assert_eq!(title_in(Locale::Ru, ["", "", ""]), "");
    }

    #[test]
    fn distances_use_the_locale_decimal_separator() {
        assert_eq!(distance(Locale::Ru, 2.345), "2,3 км");
        assert_eq!(distance(Locale::En, 12.0), "12.0 km");
    }

    #[test]
    fn coordinates_accept_a_decimal_comma() {
        assert_eq!(coordinate("48,48", 90.0), Some(48.48));
        assert_eq!(coordinate("91", 90.0), None);
        assert_eq!(coordinate("NaN", 90.0), None);
    }

    fn reader() -> Ctx {
        Ctx {
            locale: Locale::En,
            caller: crate::auth::Caller::Anonymous,
            user_name: None,
            path: "/search".into(),
            query: None,
            request_id: None,
            unread: 0,
        }
    }

    fn form(pairs: &str) -> SearchForm {
        let uri: axum::http::Uri = format!("/search?{pairs}").parse().unwrap();
        axum::extract::Query::<SearchForm>::try_from_uri(&uri)
            .unwrap()
            .0
    }

    #[test]
    fn the_form_becomes_the_apis_query() {
        let (query, choice, errors) = api_query(
            &reader(),
            &form(
                "q=+home+care&category=home_care&wheelchair_access=true&lat=48,48&lon=135.07&sort=distance&authority_id=nonsense",
            ),
        );
        assert!(errors.is_empty());
        assert_eq!(query["q"], "home care");
        assert_eq!(query["category"], "home_care");
        assert_eq!(query["wheelchair_access"], true);
        assert_eq!(query["near"], "48.48,135.07");
        assert_eq!(query["sort"], "distance");
        assert!(!query.contains_key("authority_id") && !query.contains_key("free_seats"));
        assert_eq!(choice.authority, None);
        assert_eq!(choice.category, Some(ServiceCategory::HomeCare));
    }

    #[test]
    fn coordinates_are_checked_field_by_field() {
        for (pairs, field, key) in [
            ("lat=48.5", LON, "portal-search-error-both"),
            ("lon=135", LAT, "portal-search-error-both"),
            ("lat=91&lon=135", LAT, "portal-search-error-lat"),
            ("lat=48&lon=east", LON, "portal-search-error-lon"),
            ("sort=distance", LAT, "portal-search-error-distance"),
        ] {
            let (_, _, errors) = api_query(&reader(), &form(pairs));
            assert_eq!(errors.len(), 1, "{pairs}");
            assert_eq!(errors[0].field, field, "{pairs}");
            assert_eq!(errors[0].message, reader().t(key), "{pairs}");
        }
    }

    #[test]
    fn the_next_page_keeps_the_filters() {
        assert_eq!(
            next_page_href(Some("q=a&cursor=20&lang=uk&sort=price"), "40"),
            "/search?q=a&sort=price&cursor=40"
        );
        assert_eq!(next_page_href(None, "20"), "/search?cursor=20");
    }
}
