//! Demo data: two Russian regions with a realistic catalogue, so that `socert serve` shows something
//! useful on a fresh machine. Costs are plausible 2026 regional normatives in rubles, not official.

use jiff::civil::date;
use socert_domain::{
    Authority, AuthorityId, AuthoritySettings, Country, Currency, Locale, LocalizedText, Money,
    NewService, ServiceCategory as C, ServiceCode, Timestamp, Unit as U,
};

use socert_domain::demo_registry::{DemoRegion, demo_providers};
use socert_domain::identity::{Grant, Login, Role};
use socert_domain::registry::LegalForm;
use socert_domain::secret;
use socert_domain::{ServiceId, search};
use uuid::Uuid;

use crate::audit::Actor;
use crate::identity::NewUser;
use crate::prelude::*;
use crate::registry::{Accessibility, Location, NewOffer, NewProvider};
use crate::{Error, Result, ServiceUpdate};

/// The password of every demo user. For local use only: `socert demo` prints it.
pub const DEMO_PASSWORD: &str = "socert-demo-2026";

/// What a demo load created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub authorities: usize,
    pub services: usize,
    /// Admitted providers and their published offers (only with [`load_with_registry`]).
    pub providers: usize,
    pub offers: usize,
    /// Logins of the demo users, all with [`DEMO_PASSWORD`].
    pub logins: Vec<String>,
}

struct DemoService {
    code: &'static str,
    ru: &'static str,
    uk: &'static str,
    en: &'static str,
    category: C,
    unit: U,
    /// Normative cost per unit in kopecks for Khabarovsk and Krasnoyarsk.
    cost: [i64; 2],
    /// Indexation from 1 July 2026, in percent, for services whose cost changed mid-year.
    indexed_pct: Option<i64>,
}

/// One row of the table below; positional so that each service fits on one line.
#[allow(clippy::too_many_arguments)]
const fn s(
    code: &'static str,
    ru: &'static str,
    uk: &'static str,
    en: &'static str,
    category: C,
    unit: U,
    cost: [i64; 2],
    indexed_pct: Option<i64>,
) -> DemoService {
    DemoService {
        code,
        ru,
        uk,
        en,
        category,
        unit,
        cost,
        indexed_pct,
    }
}

#[rustfmt::skip]
const CATALOGUE: &[DemoService] = &[
    s("PAL-HOME-VISIT", "Паллиативная помощь на дому", "Паліативна допомога вдома", "Palliative care at home", C::PalliativeCare, U::Visit, [285_000, 264_000], Some(5)),
    s("PAL-HOSPICE-DAY", "Паллиативная помощь в хосписе", "Паліативна допомога в хоспісі", "Hospice palliative care", C::PalliativeCare, U::Day, [640_000, 590_000], None),
    s("HOME-CARE-HOUR", "Социальное обслуживание на дому", "Соціальне обслуговування вдома", "Home care for the elderly", C::HomeCare, U::Hour, [41_200, 38_950], Some(4)),
    s("HOME-RESPITE-DAY", "Социальная передышка для семей, ухаживающих за пожилыми", "Соціальний перепочинок для родин, що доглядають за літніми", "Respite care for family carers", C::HomeCare, U::Day, [310_000, 295_000], None),
    s("SICK-CARE-HOUR", "Услуги сиделки для тяжелобольных", "Послуги доглядальниці для тяжкохворих", "Care for the seriously ill", C::CareForSeriouslyIll, U::Hour, [35_000, 33_000], None),
    s("EDU-TECH-LESSON", "Дополнительное образование: техническое творчество", "Позашкільна освіта: технічна творчість", "Extra education: engineering and robotics", C::ExtraEducation, U::Lesson, [24_000, 22_000], None),
    s("EDU-ARTS-LESSON", "Дополнительное образование: художественное направление", "Позашкільна освіта: мистецький напрям", "Extra education: arts", C::ExtraEducation, U::Lesson, [21_000, 20_000], None),
    s("SPORT-TRAIN-LESSON", "Спортивная подготовка", "Спортивна підготовка", "Sports training", C::Sports, U::Lesson, [26_000, 25_000], None),
    s("SCHOOL-TOUR-DAY", "Школьный туризм", "Шкільний туризм", "School tourism", C::SchoolTourism, U::Day, [320_000, 290_000], None),
    s("SOCIAL-TAXI-TRIP", "Социальное такси", "Соціальне таксі", "Social taxi", C::SocialTaxi, U::Trip, [65_000, 60_000], Some(6)),
    s("CHILDCARE-HOUR", "Кратковременный присмотр за детьми", "Короткочасний догляд за дітьми", "Short-term childcare", C::ShortTermChildcare, U::Hour, [30_000, 28_000], None),
    s("JOB-TRAIN-COURSE", "Профессиональное обучение женщин в отпуске по уходу за ребёнком", "Професійне навчання жінок у відпустці по догляду за дитиною", "Vocational training for parents on childcare leave", C::EmploymentTraining, U::Course, [4_500_000, 4_200_000], None),
    s("JOB-SENIOR-COURSE", "Профессиональное обучение граждан предпенсионного возраста", "Професійне навчання громадян передпенсійного віку", "Vocational training for older workers", C::EmploymentTraining, U::Course, [3_800_000, 3_600_000], None),
    s("SANATORIUM-DAY", "Санаторно-курортное лечение", "Санаторно-курортне лікування", "Sanatorium treatment", C::Sanatorium, U::Day, [380_000, 350_000], None),
    s("HOMELESS-SHELTER-DAY", "Временное проживание лиц без определённого места жительства", "Тимчасове проживання бездомних осіб", "Temporary shelter for homeless people", C::HomelessSupport, U::Day, [115_000, 105_000], None),
    s("HOMELESS-MEAL-VISIT", "Горячее питание для лиц без определённого места жительства", "Гаряче харчування для бездомних осіб", "Hot meals for homeless people", C::HomelessSupport, U::Visit, [28_000, 26_000], None),
];

fn authorities() -> Result<[Authority; 2]> {
    let text =
        |ru, uk, en| LocalizedText::new(ru, uk, en).map_err(|e| Error::Corrupt(e.to_string()));
    let now = Timestamp::now();
    let region = |names, code: &str, tz: &str| Authority {
        id: AuthorityId::new(),
        names,
        region_code: code.to_owned(),
        country: Country::Russia,
        currency: Currency::Rub,
        locale: Locale::Ru,
        time_zone: tz.to_owned(),
        settings: AuthoritySettings::default(),
        created_at: now,
    };
    Ok([
        region(
            text(
                "Министерство социальной защиты Хабаровского края",
                "Міністерство соціального захисту Хабаровського краю",
                "Khabarovsk Krai Ministry of Social Protection",
            )?,
            "27",
            "Asia/Vladivostok",
        ),
        region(
            text(
                "Министерство социальной политики Красноярского края",
                "Міністерство соціальної політики Красноярського краю",
                "Krasnoyarsk Krai Ministry of Social Policy",
            )?,
            "24",
            "Asia/Krasnoyarsk",
        ),
    ])
}

/// Loads the demo data into `store`, which should be empty.
pub async fn load(store: &dyn Store) -> Result<DemoSummary> {
    let actor = Actor::system("demo");
    let actor = &actor;
    let authorities = authorities()?;
    let mut services = 0;
    // One hash for all demo users: hashing is deliberately slow, and they share a password.
    let password_hash =
        secret::hash_password(DEMO_PASSWORD).map_err(|e| Error::Config(e.to_string()))?;
    let mut logins = vec![
        demo_user(
            store,
            "superadmin@socert.demo",
            "Demo Superadmin",
            &password_hash,
            Grant::new(Role::Superadmin, None, None),
            actor,
        )
        .await?,
    ];
    for (region, authority) in authorities.iter().enumerate() {
        store.create_authority(authority, actor).await?;
        let place = ["khabarovsk", "krasnoyarsk"][region.min(1)];
        for role in [
            Role::Admin,
            Role::Officer,
            Role::Auditor,
            Role::Provider,
            Role::Recipient,
        ] {
            let subject = matches!(role, Role::Provider | Role::Recipient).then(Uuid::now_v7);
            let login = format!("{role}@{place}.demo");
            let name = format!("Demo {role} ({place})");
            logins.push(
                demo_user(
                    store,
                    &login,
                    &name,
                    &password_hash,
                    Grant::new(role, Some(authority.id), subject),
                    actor,
                )
                .await?,
            );
        }
        for entry in CATALOGUE {
            let service = store
                .create_service(
                    NewService {
                        authority_id: authority.id,
                        code: ServiceCode::parse(entry.code)?,
                        names: LocalizedText::new(entry.ru, entry.uk, entry.en)
                            .map_err(|e| Error::Corrupt(e.to_string()))?,
                        category: entry.category,
                        unit: entry.unit,
                        cost: Money::from_minor(entry.cost[region], authority.currency),
                        cost_from: date(2026, 1, 1),
                    },
                    actor,
                )
                .await?;
            if let Some(pct) = entry.indexed_pct {
                let indexed = entry.cost[region] * (100 + pct) / 100;
                let update = ServiceUpdate {
                    names: None,
                    cost: Some((
                        Money::from_minor(indexed, authority.currency),
                        date(2026, 7, 1),
                    )),
                };
                store
                    .update_service(authority.id, service.id, update, None, actor)
                    .await?;
            }
            services += 1;
        }
    }
    Ok(DemoSummary {
        authorities: authorities.len(),
        services,
        providers: 0,
        offers: 0,
        logins,
    })
}

/// [`load`], plus the demo registry: 100 admitted providers with about 300 offers in each
/// region, so that search is worth trying. Takes a few seconds; tests use [`load`].
pub async fn load_with_registry(store: &dyn Store) -> Result<DemoSummary> {
    let mut summary = load(store).await?;
    let actor = Actor::system("demo");
    for authority in store.list_authorities().await? {
        let (region, place) = match authority.region_code.as_str() {
            "27" => (DemoRegion::Khabarovsk, "khabarovsk"),
            "24" => (DemoRegion::Krasnoyarsk, "krasnoyarsk"),
            _ => continue,
        };
        let catalogue = store
            .services(
                authority.id,
                &crate::ServiceFilter::default(),
                &crate::PageRequest {
                    after: None,
                    limit: 1000,
                },
            )
            .await?
            .items;
        let by_code: std::collections::HashMap<&str, &socert_domain::Service> =
            catalogue.iter().map(|s| (s.code.as_str(), s)).collect();
        let mut first_provider = None;
        for demo in demo_providers(region) {
            let legal_form: LegalForm =
                demo.legal_form
                    .parse()
                    .map_err(|e: socert_domain::registry::RegistryError| {
                        Error::Corrupt(e.to_string())
                    })?;
            let location = Location {
                address: demo.address.clone(),
                municipality: demo.municipality.to_owned(),
                latitude: Some(demo.latitude),
                longitude: Some(demo.longitude),
            };
            let mut services: Vec<ServiceId> = demo
                .offers
                .iter()
                .filter_map(|o| by_code.get(o.service_code).map(|s| s.id))
                .collect();
            services.sort();
            services.dedup();
            let provider = NewProvider {
                legal_form,
                full_name: demo.full_name.clone(),
                short_name: demo.short_name.clone(),
                country: Country::Russia,
                tax_id: demo.inn.clone(),
                registration_number: demo.ogrn.clone(),
                phone: demo.phone.clone(),
                email: demo.email.clone(),
                website: String::new(),
                description: demo.description.clone(),
                location: location.clone(),
                bank_account: "40702810000000000000".to_owned(),
                bank_id: "040813608".to_owned(),
                licences: Vec::new(),
            };
            let (provider_id, _) = store
                .import_provider(provider, authority.id, &services, &actor)
                .await?;
            first_provider.get_or_insert(provider_id);
            summary.providers += 1;
            for offer in &demo.offers {
                let Some(service) = by_code.get(offer.service_code) else {
                    continue;
                };
                let search_text = search::search_document(&[
                    &offer.title,
                    &offer.description,
                    &demo.short_name,
                    &demo.full_name,
                    service.names.get(Locale::Ru),
                    service.names.get(Locale::Uk),
                    service.names.get(Locale::En),
                    demo.municipality,
                ]);
                let new = NewOffer {
                    provider_id,
                    authority_id: authority.id,
                    service_id: service.id,
                    titles: [offer.title.clone(), String::new(), String::new()],
                    description: offer.description.clone(),
                    price: Money::from_minor(offer.price_kopecks, authority.currency),
                    capacity: offer.capacity,
                    schedule: offer.schedule.clone(),
                    location: location.clone(),
                    age_min: offer.age_min,
                    age_max: offer.age_max,
                    accessibility: Accessibility {
                        wheelchair: offer.wheelchair_access,
                        sign_language: offer.sign_language,
                        home_visits: offer.home_visits,
                        transport: offer.transport,
                    },
                    languages: offer.languages.iter().map(|l| (*l).to_owned()).collect(),
                };
                store.publish_offer(new, search_text, &actor).await?;
                summary.offers += 1;
            }
        }
        // The demo provider user works for the region's first demo provider.
        if let Some(provider_id) = first_provider {
            let login = Login::parse(&format!("provider@{place}.demo"))
                .map_err(|e| Error::Corrupt(e.to_string()))?;
            if let Some(user) = store.credentials(&login).await? {
                let grant = Grant::new(Role::Provider, None, Some(provider_id))
                    .map_err(|e| Error::Corrupt(e.to_string()))?;
                store.grant(user.user, grant, &actor).await?;
            }
        }
        demo_program(store, &authority, place, &catalogue, &actor).await?;
    }
    Ok(summary)
}

/// A home-care program with budget for ten certificates, twelve elderly people registered and
/// issued to (so two wait in line), and the demo recipient user acting for the first of them.
async fn demo_program(
    store: &dyn Store,
    authority: &Authority,
    place: &str,
    catalogue: &[socert_domain::Service],
    actor: &Actor,
) -> Result<()> {
    use socert_domain::program::{CertificateTemplate, ProgramSpec, TemplateValue};
    let services: Vec<ServiceId> = catalogue
        .iter()
        .filter(|s| s.category == C::HomeCare)
        .map(|s| s.id)
        .collect();
    if services.is_empty() {
        return Ok(());
    }
    let value = Money::from_minor(6_000_000, authority.currency);
    let spec = ProgramSpec {
        name: LocalizedText::new(
            "Уход на дому для пожилых",
            "Догляд вдома для літніх людей",
            "Home care for older people",
        )
        .map_err(|e| Error::Corrupt(e.to_string()))?,
        services,
        starts: date(2026, 1, 1),
        ends: date(2027, 12, 31),
        quota: Some(50),
        max_funded: None,
        rules: socert_domain::certificate::EligibilityRules {
            min_age: Some(60),
            ..Default::default()
        },
        priority_categories: vec![socert_domain::certificate::RecipientCategory::DisabilityGroup1],
        template: CertificateTemplate {
            value: TemplateValue::Money { amount: value },
            validity_months: 12,
            of_account: false,
        },
    };
    let program = store.create_program(authority.id, &spec, actor).await?;
    let today = authority
        .date_at(Timestamp::now())
        .clamp(spec.starts, spec.ends);
    let budget = value
        .checked_mul(10)
        .map_err(socert_domain::ledger::LedgerError::from)?;
    let key = socert_domain::ledger::IdempotencyKey::parse(&format!("demo-budget-{}", program.id))?;
    store
        .fund_program(authority.id, program.id, budget, &key, today, actor)
        .await?;
    let seed = u64::from(authority.region_code.parse::<u8>().unwrap_or(1));
    // Older people only, so that everyone is eligible and the line forms on the budget.
    let people: Vec<_> = socert_domain::demo_people::people(60, seed, &[place])
        .into_iter()
        .filter(|p| socert_domain::certificate::age_on(p.birth_date, today) >= 60)
        .take(12)
        .collect();
    let ids: Vec<Uuid> = store
        .upsert_recipients(authority.id, &people, actor)
        .await?
        .into_iter()
        .filter_map(|u| match u {
            crate::programs::Upserted::Created(id) | crate::programs::Upserted::Existing(id) => {
                Some(id)
            }
            crate::programs::Upserted::SuspectedDuplicate { .. } => None,
        })
        .collect();
    store
        .issue(authority.id, program.id, &ids, today, actor)
        .await?;
    let login = Login::parse(&format!("recipient@{place}.demo"))
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    if let (Some(user), Some(first)) = (store.credentials(&login).await?, ids.first()) {
        let grant = Grant::new(Role::Recipient, Some(authority.id), Some(*first))
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        store.grant(user.user, grant, actor).await?;
    }
    Ok(())
}

async fn demo_user(
    store: &dyn Store,
    login: &str,
    display_name: &str,
    password_hash: &str,
    grant: std::result::Result<Grant, socert_domain::identity::IdentityError>,
    actor: &Actor,
) -> Result<String> {
    let grant = grant.map_err(|e| Error::Corrupt(e.to_string()))?;
    let login = Login::parse(login).map_err(|e| Error::Corrupt(e.to_string()))?;
    store
        .create_user(
            NewUser {
                login: login.clone(),
                display_name: display_name.to_owned(),
                password_hash: password_hash.to_owned(),
                grants: vec![grant],
            },
            actor,
        )
        .await?;
    Ok(login.to_string())
}

/// Loads the full demo data only into an empty database; `None` when data was already there.
pub async fn load_if_empty(store: &dyn Store) -> Result<Option<DemoSummary>> {
    if store.list_authorities().await?.is_empty() {
        load_with_registry(store).await.map(Some)
    } else {
        Ok(None)
    }
}

/// Deletes everything and loads the full demo data afresh.
pub async fn reset(store: &dyn Store) -> Result<DemoSummary> {
    store.wipe().await?;
    load_with_registry(store).await
}
