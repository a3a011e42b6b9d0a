//! Demo data for the provider registry: providers and their offers in the two demo regions,
//! Khabarovsk Krai and Krasnoyarsk Krai, generated deterministically.
//!
//! Each region gets 100 providers (20 state and municipal institutions, 40 NGOs, 30 businesses,
//! 10 individual entrepreneurs) with three offers each on average, 302 in all, covering every
//! service of the demo catalogue. Providers sit in real municipalities of the krai, near their
//! centres, with the municipality's telephone area code and real or typical street names; the
//! regional capital gets half of them.
//!
//! Everything else is invented. Organisation names are combined from curated word lists,
//! entrepreneurs' names from made-up "nature" surnames (Облепихина, Ручейников). INN, OGRN and
//! OGRNIP are random digits after the region code, the tax office code and (OGRN) the
//! registration year, finished with correct check digits: they pass validation but come from no
//! register (a random number of the right shape can of course coincide with a real one). E-mail
//! addresses use the reserved `.example` domain, so no demo message can reach a real mailbox.
//!
//! Pure and deterministic: a xorshift64 generator with a fixed seed per region walks the lists, so
//! every call returns the same data. Names, e-mail domains, identifiers and phone numbers are
//! unique across both regions: generating Krasnoyarsk first replays Khabarovsk to know what it
//! took.

use std::collections::BTreeSet;

/// The regions the demo data covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemoRegion {
    Khabarovsk,
    Krasnoyarsk,
}

impl DemoRegion {
    pub const ALL: [DemoRegion; 2] = [DemoRegion::Khabarovsk, DemoRegion::Krasnoyarsk];

    const fn index(self) -> usize {
        match self {
            DemoRegion::Khabarovsk => 0,
            DemoRegion::Krasnoyarsk => 1,
        }
    }
}

/// One provider of the registry with its offers.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoProvider {
    /// The full official name, e.g. "Автономная некоммерческая организация «Забота рядом»".
    pub full_name: String,
    /// The abbreviated name, e.g. "АНО «Забота рядом»".
    pub short_name: String,
    /// One of [`LEGAL_FORMS`].
    pub legal_form: &'static str,
    /// 10 digits for organisations, 12 for individual entrepreneurs, with valid check digits.
    pub inn: String,
    /// OGRN (13 digits) for organisations, OGRNIP (15 digits) for individual entrepreneurs.
    pub ogrn: String,
    pub municipality: &'static str,
    /// E.g. "г. Комсомольск-на-Амуре, ул. Ленина, д. 12".
    pub address: String,
    pub latitude: f64,
    pub longitude: f64,
    /// E.g. "+7 4212 45-67-89", with the area code of the municipality.
    pub phone: String,
    /// ASCII, always under the `.example` top-level domain.
    pub email: String,
    /// One or two sentences in Russian.
    pub description: String,
    pub offers: Vec<DemoOffer>,
}

/// What a provider offers under one service of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOffer {
    /// One of [`SERVICE_CODES`].
    pub service_code: &'static str,
    pub title: String,
    /// One to three sentences in Russian.
    pub description: String,
    /// Per unit of the service: 80% to 140% of the normative cost; above 100% means a co-payment.
    pub price_kopecks: i64,
    pub capacity: u32,
    /// E.g. "Пн–Пт 9:00–18:00".
    pub schedule: String,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub wheelchair_access: bool,
    pub sign_language: bool,
    pub home_visits: bool,
    pub transport: bool,
    /// ISO 639-1 codes; always "ru", sometimes also "en".
    pub languages: Vec<&'static str>,
}

/// The values of [`DemoProvider::legal_form`].
pub const LEGAL_FORMS: [&str; 5] = [
    "state",
    "municipal",
    "ngo",
    "business",
    "individual_entrepreneur",
];

/// The service codes of the demo catalogue, the ones [`DemoOffer::service_code`] takes.
#[rustfmt::skip]
pub const SERVICE_CODES: [&str; 16] = [
    "PAL-HOME-VISIT", "PAL-HOSPICE-DAY", "HOME-CARE-HOUR", "HOME-RESPITE-DAY", "SICK-CARE-HOUR", "EDU-TECH-LESSON",
    "EDU-ARTS-LESSON", "SPORT-TRAIN-LESSON", "SCHOOL-TOUR-DAY", "SOCIAL-TAXI-TRIP", "CHILDCARE-HOUR",
    "JOB-TRAIN-COURSE", "JOB-SENIOR-COURSE", "SANATORIUM-DAY", "HOMELESS-SHELTER-DAY", "HOMELESS-MEAL-VISIT",
];

/// The normative cost of one unit of a catalogue service in the region, in kopecks; `None` for a
/// code that is not in the demo catalogue.
pub fn normative_kopecks(region: DemoRegion, code: &str) -> Option<i64> {
    service(code).map(|s| s.normative[region.index()])
}

/// The demo offers' titles and descriptions of `region` with their search documents: realistic
/// text for generated registries (the search benchmark, tests of search at scale).
pub fn demo_offer_texts(region: DemoRegion) -> Vec<(String, String, String)> {
    demo_providers(region)
        .into_iter()
        .flat_map(|p| p.offers)
        .map(|o| {
            let document = crate::search::search_document(&[&o.title, &o.description]);
            (o.title, o.description, document)
        })
        .collect()
}

/// The 100 demo providers of `region`, the same on every call.
pub fn demo_providers(region: DemoRegion) -> Vec<DemoProvider> {
    let mut taken = Taken::default();
    for earlier in DemoRegion::ALL {
        if earlier == region {
            break;
        }
        generate(earlier, &mut taken);
    }
    generate(region, &mut taken)
}

// ---------------------------------------------------------------------------------------------
// The catalogue: normative costs and what offers of each service look like.
// ---------------------------------------------------------------------------------------------

type Ages = (Option<u8>, Option<u8>);

const ANY_AGE: Ages = (None, None);
const ADULTS: Ages = (Some(18), None);
const SENIORS: Ages = (Some(60), None);
const PRE_RETIREMENT: Ages = (Some(50), Some(64));

const fn kids(min: u8, max: u8) -> Ages {
    (Some(min), Some(max))
}

/// Offer flag: the provider comes to the client.
const HOME: u8 = 1;
/// Offer flag: transport is included.
const RIDE: u8 = 2;
/// Offer flag: always accessible for wheelchair users.
const STEP_FREE: u8 = 4;
const NO_FLAGS: u8 = 0;

/// One way a provider may word an offer. `{dest}` stands for a tour destination of the region.
struct OfferTemplate {
    ages: Ages,
    flags: u8,
    title: &'static str,
    text: &'static str,
}

const fn t(ages: Ages, flags: u8, title: &'static str, text: &'static str) -> OfferTemplate {
    OfferTemplate {
        ages,
        flags,
        title,
        text,
    }
}

struct Service {
    code: &'static str,
    /// Kopecks per unit: Khabarovsk, Krasnoyarsk.
    normative: [i64; 2],
    capacity: (u32, u32),
    schedules: &'static [&'static str],
    /// At least four, so that a provider can offer a service up to four times, worded differently.
    offers: &'static [OfferTemplate],
}

#[rustfmt::skip]
mod schedules {
    pub const AT_HOME: &[&str] = &["Пн–Пт 8:00–20:00", "Ежедневно 8:00–20:00", "Пн–Сб 9:00–19:00", "Пн–Пт 9:00–18:00"];
    pub const RESIDENTIAL: &[&str] =
        &["Ежедневно, круглосуточно", "Круглосуточно, приём Пн–Пт 9:00–17:00", "Заезды по понедельникам, круглосуточно"];
    pub const LESSONS: &[&str] = &["Пн, Ср, Пт 16:00–18:00", "Вт, Чт 15:00–17:00", "Сб 10:00–13:00",
        "Вт, Чт, Сб 17:00–19:00", "Пн–Пт 14:00–20:00 по расписанию групп"];
    pub const TOURS: &[&str] = &["Выезды по субботам", "Весенние и осенние каникулы", "Июнь–август, смены по 5 дней",
        "Круглый год по заявке школы"];
    pub const TAXI: &[&str] = &["Пн–Пт 8:00–20:00, заказ за сутки", "Ежедневно 7:00–22:00", "Пн–Сб 8:00–18:00"];
    pub const CHILDCARE: &[&str] = &["Пн–Пт 8:00–19:00", "Пн–Сб 9:00–21:00", "Ежедневно 10:00–20:00"];
    pub const COURSES: &[&str] =
        &["Пн–Пт 10:00–13:00, 3 месяца", "Вт, Чт 18:00–21:00, 2 месяца", "Пн, Ср 10:00–14:00, 10 недель"];
    pub const SANATORIUM: &[&str] =
        &["Заезды по 14 дней, круглый год", "Заезды по 21 дню, круглый год", "Заезды каждый понедельник"];
    pub const SHELTER: &[&str] =
        &["Ежедневно, круглосуточно", "Ежедневно, приём 18:00–22:00", "Октябрь–апрель, ежедневно 19:00–8:00"];
    pub const MEALS: &[&str] = &["Ежедневно 12:00–14:00", "Пн–Пт 13:00–15:00", "Вт, Чт, Сб 18:00–20:00"];
}

use schedules::*;

#[rustfmt::skip]
static SERVICES: [Service; 16] = [
    Service { code: "PAL-HOME-VISIT", normative: [285_000, 264_000], capacity: (10, 40), schedules: AT_HOME, offers: &[
        t(ADULTS, HOME, "Паллиативная помощь на дому: визиты медсестры", "Медсестра выездной службы приезжает к пациенту по графику: обезболивание по назначению врача, перевязки, профилактика пролежней. Объём паллиативной помощи на дому согласуем с лечащим врачом и семьёй."),
        t(kids(0, 17), HOME, "Выездная паллиативная помощь детям", "Выездная бригада оказывает паллиативную помощь детям с неизлечимыми заболеваниями и поддерживает их родителей. В визит входят осмотр, уход и консультация психолога."),
        t(ADULTS, HOME, "Паллиативная помощь взрослым на дому", "Помогаем семьям, в которых есть тяжелобольной человек: визиты медсестры и социального работника, обучение родственников уходу. Тем, кто нуждается в паллиативной помощи, подбираем технические средства реабилитации."),
        t(ANY_AGE, HOME, "Визиты медицинской сестры к паллиативным пациентам", "Регулярные визиты медицинской сестры к пациентам, получающим паллиативную помощь: контроль боли, уход за стомой, консультации для родственников."),
    ] },
    Service { code: "PAL-HOSPICE-DAY", normative: [640_000, 590_000], capacity: (5, 20), schedules: RESIDENTIAL, offers: &[
        t(ADULTS, STEP_FREE, "Паллиативная помощь в хосписе: круглосуточное пребывание", "Круглосуточное пребывание в хосписе для пациентов, нуждающихся в паллиативной помощи: сестринский уход, обезболивание, поддержка психолога. Родственники могут находиться рядом в любое время."),
        t(ADULTS, STEP_FREE, "Дневной стационар хосписа", "Пациент проводит день в хосписе под наблюдением врача и медсестёр, а вечером возвращается домой. Семья получает передышку и консультации по уходу."),
        t(kids(0, 17), STEP_FREE, "Детский хоспис: пребывание вместе с родителями", "Палаты для совместного пребывания ребёнка и родителя, паллиативная помощь детям с тяжёлыми заболеваниями, занятия с игровым терапевтом."),
        t(ADULTS, STEP_FREE, "Кратковременное пребывание в хосписе", "Размещение в хосписе на срок до двух недель, пока близкие восстанавливают силы. Пациенту обеспечивают паллиативную медицинскую помощь и круглосуточный уход."),
    ] },
    Service { code: "HOME-CARE-HOUR", normative: [41_200, 38_950], capacity: (20, 60), schedules: AT_HOME, offers: &[
        t(SENIORS, HOME, "Социальное обслуживание на дому: помощь по хозяйству", "Социальный работник приходит к пожилому человеку домой: покупает продукты и лекарства, помогает с уборкой и готовкой, оплачивает коммунальные услуги."),
        t(SENIORS, HOME, "Уход за пожилыми людьми на дому", "Почасовой уход за пожилыми людьми и людьми с инвалидностью: гигиенические процедуры, кормление, прогулки. Помощники по уходу прошли обучение в школе ухода."),
        t(SENIORS, HOME, "Помощь одиноко проживающим пенсионерам", "Сопровождаем одиноких пенсионеров в поликлинику, доставляем продукты и лекарства, помогаем оформить документы. Работаем по индивидуальной программе социального обслуживания."),
        t(ADULTS, HOME, "Социальный помощник для человека с инвалидностью", "Помощник поддерживает человека с инвалидностью дома и на улице: бытовые дела, покупки, поездки по городу."),
        t(SENIORS, HOME, "Патронаж пожилых людей на дому", "Регулярные визиты к пожилым людям: контроль самочувствия, приём лекарств по назначению врача, общение и прогулки. О каждом визите сообщаем родственникам."),
    ] },
    Service { code: "HOME-RESPITE-DAY", normative: [310_000, 295_000], capacity: (5, 20), schedules: RESIDENTIAL, offers: &[
        t(SENIORS, STEP_FREE, "Социальная передышка для семей, ухаживающих за пожилыми", "Пока родственники отдыхают или лечатся, пожилой человек живёт у нас до 21 дня: питание, уход, досуг. Социальная передышка помогает семьям, ухаживающим за пожилыми, избежать выгорания."),
        t(SENIORS, STEP_FREE, "Временное проживание пожилого человека на время отпуска родственников", "Принимаем пожилых людей, пока родственники в отпуске или в больнице: отдельная комната, пятиразовое питание, наблюдение медсестры."),
        t(SENIORS, NO_FLAGS, "Школа ухода и социальная передышка", "Родственники учатся ухаживать за лежачим близким, а на время передышки уход берут на себя наши специалисты. Пожилому человеку подбирают режим, питание и занятия."),
        t(ADULTS, STEP_FREE, "Передышка для семей, воспитывающих взрослых детей с инвалидностью", "Кратковременное проживание для взрослых людей с инвалидностью, за которыми ухаживают пожилые родители: уход, занятия в мастерских, прогулки."),
    ] },
    Service { code: "SICK-CARE-HOUR", normative: [35_000, 33_000], capacity: (10, 40), schedules: AT_HOME, offers: &[
        t(ADULTS, HOME, "Услуги сиделки для тяжелобольных", "Сиделка ухаживает за тяжелобольным человеком дома или в больнице: смена белья, кормление, гигиена, профилактика пролежней."),
        t(ADULTS, HOME, "Сиделка на дому для лежачих больных", "Почасовая помощь сиделки лежачим больным после инсульта или операции. У каждой сиделки есть медицинская книжка и опыт ухода за тяжелобольными."),
        t(ADULTS, HOME, "Ночная сиделка", "Сиделка остаётся с больным на ночь, чтобы родственники могли выспаться: помогает с туалетом, даёт воду и лекарства по графику, следит за состоянием."),
        t(ADULTS, HOME, "Уход за тяжелобольными в стационаре", "Сиделка дежурит у постели пациента в больнице: кормит и переворачивает больного, помогает медперсоналу и держит семью в курсе его самочувствия."),
    ] },
    Service { code: "EDU-TECH-LESSON", normative: [24_000, 22_000], capacity: (8, 24), schedules: LESSONS, offers: &[
        t(kids(7, 14), NO_FLAGS, "Робототехника для школьников", "Занятия робототехникой в группах до 10 человек: конструируем и программируем роботов, готовимся к соревнованиям по робототехнике."),
        t(kids(11, 17), NO_FLAGS, "Программирование на Python для подростков", "Курс программирования для подростков: от первых программ до собственных игр и чат-ботов. Занятия проходят в оборудованном компьютерном классе."),
        t(kids(10, 17), NO_FLAGS, "3D-моделирование и прототипирование", "Учимся 3D-моделированию и печатаем детали на 3D-принтере; итог курса — собственный проект ученика."),
        t(kids(7, 11), NO_FLAGS, "Юный инженер: конструирование и электроника", "Младшие школьники собирают простые электрические схемы, конструируют механизмы и знакомятся с основами инженерной графики."),
        t(kids(10, 17), NO_FLAGS, "Авиамоделирование и беспилотники", "Сборка авиамоделей и основы управления квадрокоптерами на учебном полигоне. Ученики участвуют в краевых соревнованиях по авиамодельному спорту."),
    ] },
    Service { code: "EDU-ARTS-LESSON", normative: [21_000, 20_000], capacity: (8, 30), schedules: LESSONS, offers: &[
        t(kids(5, 14), NO_FLAGS, "Изостудия для детей", "Занятия рисунком, живописью и композицией; работы учеников участвуют в городских выставках детского творчества."),
        t(kids(6, 16), NO_FLAGS, "Детская хоровая студия", "Пение в хоре и вокальном ансамбле: постановка голоса, сольфеджио, отчётные концерты для родителей."),
        t(kids(10, 18), NO_FLAGS, "Театральная студия для подростков", "Актёрское мастерство, сценическая речь и пластика. Каждый сезон студия ставит спектакль на настоящей сцене."),
        t(kids(5, 17), NO_FLAGS, "Хореография и народный танец", "Занятия классической хореографией и народным танцем; ансамбль выступает на городских праздниках."),
        t(kids(7, 17), NO_FLAGS, "Гончарная мастерская для детей", "Лепим из глины и работаем на гончарном круге, обжигаем и расписываем готовые изделия."),
        t(kids(8, 18), NO_FLAGS, "Обучение игре на гитаре", "Индивидуальные и групповые занятия игрой на гитаре для начинающих и продолжающих, подготовка к выступлениям."),
    ] },
    Service { code: "SPORT-TRAIN-LESSON", normative: [26_000, 25_000], capacity: (10, 40), schedules: LESSONS, offers: &[
        t(kids(6, 14), NO_FLAGS, "Обучение плаванию детей", "Занятия в бассейне с тренером: учим детей держаться на воде, правильно дышать и плавать разными стилями."),
        t(kids(7, 17), NO_FLAGS, "Секция дзюдо", "Тренировки по дзюдо для мальчиков и девочек: общая физическая подготовка, техника бросков, участие в турнирах."),
        t(kids(6, 14), NO_FLAGS, "Детский футбол", "Футбольные тренировки на крытом поле круглый год; команды играют в городском первенстве."),
        t(kids(8, 17), NO_FLAGS, "Лыжные гонки: тренировки для школьников", "Тренировки по лыжным гонкам зимой и на лыжероллерах летом, выезды на соревнования по краю."),
        t(kids(5, 18), STEP_FREE, "Адаптивная физкультура для детей с инвалидностью", "Тренировки по программе адаптивной физической культуры для детей с ограниченными возможностями здоровья; группы до шести человек."),
        t(kids(5, 12), NO_FLAGS, "Спортивная гимнастика для детей", "Гимнастика для детей младшего школьного возраста: гибкость, координация, акробатика."),
    ] },
    Service { code: "SCHOOL-TOUR-DAY", normative: [320_000, 290_000], capacity: (15, 45), schedules: TOURS, offers: &[
        t(kids(11, 17), RIDE, "Школьный туризм: многодневный поход", "Многодневный поход для школьников с опытными инструкторами: учимся ставить палатки, ориентироваться и готовить на костре. Снаряжение выдаём."),
        t(kids(10, 17), RIDE, "Экскурсионный тур для школьников: {dest}", "Поездка для школьных групп с экскурсоводом, маршрут — {dest}. В стоимость входят трансфер, питание и страховка."),
        t(kids(12, 17), RIDE, "Эколого-краеведческая экспедиция", "Школьники изучают природу и историю края, ведут полевые дневники и готовят исследовательские проекты под руководством педагогов."),
        t(kids(10, 17), RIDE, "Туристский слёт и школа выживания", "Учебно-тренировочные сборы для школьников: вязка узлов, первая помощь, переправы и ориентирование на местности."),
    ] },
    Service { code: "SOCIAL-TAXI-TRIP", normative: [65_000, 60_000], capacity: (10, 50), schedules: TAXI, offers: &[
        t(ANY_AGE, RIDE | STEP_FREE, "Социальное такси для людей с инвалидностью", "Поездки на автомобиле с подъёмником для колясок к врачу, в МФЦ и на реабилитацию. Заказ по телефону за сутки."),
        t(ANY_AGE, RIDE, "Социальное такси до медицинских учреждений", "Доставляем пожилых людей и людей с инвалидностью в поликлиники, больницы и диагностические центры и обратно."),
        t(ANY_AGE, RIDE | HOME, "Поездка с сопровождением", "Водитель-помощник встречает пассажира у двери квартиры, помогает спуститься и сопровождает до кабинета врача."),
        t(ANY_AGE, RIDE, "Социальное такси для семей с детьми-инвалидами", "Поездки семей с детьми-инвалидами на занятия, в реабилитационные центры и больницы; в машине есть детское кресло."),
        t(ADULTS, RIDE, "Трансфер на гемодиализ", "Регулярные поездки пациентов на гемодиализ и обратно по расписанию процедур."),
    ] },
    Service { code: "CHILDCARE-HOUR", normative: [30_000, 28_000], capacity: (5, 25), schedules: CHILDCARE, offers: &[
        t(kids(3, 7), NO_FLAGS, "Кратковременный присмотр за детьми", "Присмотр за детьми от трёх до семи лет на несколько часов, пока родители на работе или у врача: игры, прогулки, дневной сон."),
        t(kids(1, 10), HOME, "Няня на час", "Няня приходит домой и присматривает за ребёнком несколько часов; у всех нянь есть справка об отсутствии судимости и медицинская книжка."),
        t(kids(7, 11), NO_FLAGS, "Группа продлённого дня для младших школьников", "Присмотр за детьми после уроков: помощь с домашними заданиями, обед, прогулка и кружки."),
        t(kids(3, 14), STEP_FREE, "Присмотр за детьми с особенностями развития", "Кратковременный присмотр за детьми с инвалидностью и особенностями развития; с детьми занимаются дефектолог и тьютор."),
        t(kids(2, 7), NO_FLAGS, "Детская комната на время занятий родителей", "Пока родители на курсах или на приёме у специалиста, дети играют под присмотром воспитателя."),
    ] },
    Service { code: "JOB-TRAIN-COURSE", normative: [4_500_000, 4_200_000], capacity: (8, 30), schedules: COURSES, offers: &[
        t(ADULTS, NO_FLAGS, "Профессиональное обучение женщин в отпуске по уходу за ребёнком", "Курсы бухгалтерского учёта и кадрового делопроизводства для мам в декретном отпуске. По окончании обучения выдаём удостоверение о повышении квалификации."),
        t(ADULTS, NO_FLAGS, "Курсы парикмахера для родителей в декретном отпуске", "Профессиональное обучение парикмахерскому делу с практикой в учебном салоне; на время занятий работает детская комната."),
        t(ADULTS, NO_FLAGS, "Графический дизайн для женщин в отпуске по уходу за ребёнком", "Очные и онлайн-занятия по графическому дизайну и вёрстке, итоговый проект в портфолио. Помогаем найти первых заказчиков."),
        t(ADULTS, NO_FLAGS, "Переподготовка для родителей, выходящих из декретного отпуска", "Обновляем профессиональные навыки перед выходом на работу: цифровые сервисы, деловая переписка, охрана труда."),
        t(ADULTS, NO_FLAGS, "Курсы мастера маникюра для мам в декрете", "Практика на моделях, санитарные нормы и основы ведения собственного дела; по окончании курса выдаём свидетельство о профессии."),
    ] },
    Service { code: "JOB-SENIOR-COURSE", normative: [3_800_000, 3_600_000], capacity: (8, 30), schedules: COURSES, offers: &[
        t(PRE_RETIREMENT, NO_FLAGS, "Профессиональное обучение граждан предпенсионного возраста", "Переобучение граждан предпенсионного возраста: компьютерная грамотность, работа с порталом госуслуг, основы делопроизводства."),
        t(PRE_RETIREMENT, NO_FLAGS, "Компьютерная грамотность для людей старше 50 лет", "Уверенная работа с компьютером и смартфоном, электронная почта, офисные программы; занятия в небольших группах."),
        t(PRE_RETIREMENT, NO_FLAGS, "Курсы помощника по уходу для граждан предпенсионного возраста", "Обучение востребованной профессии помощника по уходу с практикой в учреждениях социального обслуживания."),
        t(PRE_RETIREMENT, NO_FLAGS, "Курсы продавца-кассира для граждан предпенсионного возраста", "Работа с кассовым оборудованием, товароведение, охрана труда; после обучения помогаем с трудоустройством."),
        t(PRE_RETIREMENT, NO_FLAGS, "Повышение квалификации водителей предпенсионного возраста", "Курс для водителей категорий B и C: безопасное вождение, первая помощь, новые правила перевозки пассажиров."),
    ] },
    Service { code: "SANATORIUM-DAY", normative: [380_000, 350_000], capacity: (20, 60), schedules: SANATORIUM, offers: &[
        t(SENIORS, NO_FLAGS, "Санаторно-курортное лечение пенсионеров", "Лечение заболеваний сердца и суставов: физиотерапия, лечебная физкультура, массаж, диетическое питание. Путёвка на 14 или 21 день."),
        t(ADULTS, STEP_FREE, "Санаторное лечение для людей с инвалидностью", "Доступная среда в корпусах и столовой, реабилитационные программы для людей с нарушениями опорно-двигательного аппарата."),
        t(kids(6, 17), NO_FLAGS, "Оздоровление детей в санатории", "Оздоровительные смены для детей с хроническими заболеваниями: лечение, учёба по школьной программе, досуг."),
        t(ADULTS, STEP_FREE, "Реабилитация после инсульта в санатории", "Восстановительное лечение после инсульта: занятия с инструктором лечебной физкультуры, логопедом и психологом."),
        t(SENIORS, RIDE, "Санаторно-курортное лечение ветеранов труда", "Путёвки для ветеранов труда: лечение, процедуры, культурная программа и трансфер от вокзала."),
    ] },
    Service { code: "HOMELESS-SHELTER-DAY", normative: [115_000, 105_000], capacity: (10, 50), schedules: SHELTER, offers: &[
        t(ADULTS, NO_FLAGS, "Временное проживание лиц без определённого места жительства", "Койко-место, питание, санитарная обработка и помощь в восстановлении документов для людей без определённого места жительства."),
        t(ADULTS, NO_FLAGS, "Ночное пребывание в холодный период", "В морозы принимаем всех, кому негде ночевать: тёплое место, горячий ужин, чистая одежда."),
        t(ADULTS, NO_FLAGS, "Социальная гостиница для людей, оказавшихся на улице", "Проживание до шести месяцев с сопровождением социального работника: восстановление документов, поиск работы, оформление пенсии."),
        t(ADULTS, NO_FLAGS, "Приют для бездомных людей после выписки из больницы", "Долечивание и уход за бездомными людьми после выписки из стационара, пока они не восстановят силы."),
    ] },
    Service { code: "HOMELESS-MEAL-VISIT", normative: [28_000, 26_000], capacity: (20, 60), schedules: MEALS, offers: &[
        t(ADULTS, NO_FLAGS, "Горячее питание для лиц без определённого места жительства", "Ежедневная раздача горячих обедов людям без определённого места жительства; при необходимости — консультация медика и социального работника."),
        t(ADULTS, NO_FLAGS, "Благотворительная столовая", "Бесплатные обеды из двух блюд для бездомных и малоимущих людей, чай и хлеб с собой."),
        t(ADULTS, NO_FLAGS, "Мобильный пункт горячего питания", "Автомобиль с горячей едой приезжает туда, где ночуют бездомные люди; вместе с едой раздаём тёплые вещи."),
        t(ADULTS, NO_FLAGS, "Горячие обеды и продуктовые наборы для бездомных", "Горячий обед в пункте питания и продуктовый набор на следующий день для людей, оставшихся без жилья."),
    ] },
];

fn service(code: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.code == code)
}

// ---------------------------------------------------------------------------------------------
// Regions and municipalities.
// ---------------------------------------------------------------------------------------------

struct RegionData {
    /// The first two digits of INN and the region digits of OGRN.
    code: &'static str,
    /// "Хабаровского края".
    krai_genitive: &'static str,
    /// The regional public organisation form, full and abbreviated.
    public_organisation: (&'static str, &'static str),
    tour_destinations: &'static [&'static str],
    seed: u64,
    /// The regional capital first.
    municipalities: &'static [Municipality],
}

struct Municipality {
    name: &'static str,
    /// "г." or "рп.", as written before the name in an address.
    settlement: &'static str,
    /// "в Хабаровске".
    locative: &'static str,
    /// For institution names: "по г. Хабаровску", "Центр ... г. Хабаровска".
    dative: &'static str,
    genitive: &'static str,
    /// Stems of city district adjectives: "Индустриальн" + "ому району".
    districts: &'static [&'static str],
    /// ASCII, for e-mail domains.
    slug: &'static str,
    /// Latitude and longitude of the centre.
    centre: (f64, f64),
    /// How far providers spread from the centre, in km: north-south, east-west.
    spread_km: (f64, f64),
    /// The telephone area code; the local number has the rest of the ten digits.
    area_code: &'static str,
    /// Digits local numbers start with.
    first_digits: &'static [u8],
    /// Tax office codes (INN digits 3 and 4).
    tax_offices: &'static [&'static str],
    /// How many of the region's 100 providers are here.
    providers: usize,
    streets: &'static [&'static str],
}

#[rustfmt::skip]
static KHABAROVSK: RegionData = RegionData {
    code: "27",
    krai_genitive: "Хабаровского края",
    public_organisation: ("Хабаровская краевая общественная организация", "ХКОО"),
    tour_destinations: &["Большехехцирский заповедник", "петроглифы Сикачи-Аляна", "Шаман-гора и Амурские столбы",
        "Хабаровск — город воинской славы"],
    seed: 0x2700_C0DE_5EED_4212,
    municipalities: &[
        Municipality { name: "Хабаровск", settlement: "г.", locative: "в Хабаровске", dative: "г. Хабаровску",
            genitive: "г. Хабаровска", districts: &["Центральн", "Железнодорожн", "Индустриальн", "Кировск", "Краснофлотск"],
            slug: "khabarovsk", centre: (48.4800, 135.0950), spread_km: (7.0, 3.5), area_code: "4212",
            first_digits: b"2345679", tax_offices: &["21", "22", "23", "24"], providers: 50,
            streets: &["ул. Муравьёва-Амурского", "Амурский бульвар", "Уссурийский бульвар", "ул. Карла Маркса",
                "ул. Ленина", "ул. Серышева", "ул. Дзержинского", "ул. Ким Ю Чена", "ул. Тихоокеанская", "ул. Запарина",
                "ул. Волочаевская", "проспект 60-летия Октября", "ул. Шеронова", "ул. Калинина", "ул. Краснодарская",
                "ул. Пушкина", "ул. Комсомольская", "ул. Фрунзе"] },
        Municipality { name: "Комсомольск-на-Амуре", settlement: "г.", locative: "в Комсомольске-на-Амуре",
            dative: "г. Комсомольску-на-Амуре", genitive: "г. Комсомольска-на-Амуре", districts: &["Центральн", "Ленинск"],
            slug: "komsomolsk", centre: (50.5500, 137.0100), spread_km: (4.0, 4.0), area_code: "4217",
            first_digits: b"2345", tax_offices: &["03"], providers: 14,
            streets: &["проспект Ленина", "проспект Мира", "проспект Интернациональный", "проспект Первостроителей",
                "ул. Кирова", "ул. Советская", "ул. Вокзальная", "ул. Комсомольская", "ул. Пионерская", "ул. Юбилейная"] },
        Municipality { name: "Амурск", settlement: "г.", locative: "в Амурске", dative: "г. Амурску",
            genitive: "г. Амурска", districts: &[], slug: "amursk", centre: (50.2270, 136.8970), spread_km: (2.0, 2.0),
            area_code: "42142", first_digits: b"239", tax_offices: &["06"], providers: 6,
            streets: &["проспект Мира", "проспект Комсомольский", "проспект Строителей", "ул. Амурская", "ул. Лесная",
                "ул. Пионерская"] },
        Municipality { name: "Советская Гавань", settlement: "г.", locative: "в Советской Гавани",
            dative: "г. Советская Гавань", genitive: "г. Советская Гавань", districts: &[], slug: "sovgavan",
            centre: (48.9700, 140.2850), spread_km: (2.5, 2.5), area_code: "42138", first_digits: b"4",
            tax_offices: &["04"], providers: 5,
            streets: &["ул. Ленина", "ул. Пионерская", "ул. Советская", "ул. Гончарова", "ул. Театральная", "ул. Осипенко"] },
        Municipality { name: "Николаевск-на-Амуре", settlement: "г.", locative: "в Николаевске-на-Амуре",
            dative: "г. Николаевску-на-Амуре", genitive: "г. Николаевска-на-Амуре", districts: &[], slug: "nikolaevsk",
            centre: (53.1420, 140.7300), spread_km: (2.0, 2.5), area_code: "42135", first_digits: b"2",
            tax_offices: &["05"], providers: 5,
            streets: &["ул. Советская", "ул. Ленина", "ул. Орлова", "ул. Кантера", "ул. Пионерская", "ул. Гоголя"] },
        Municipality { name: "Ванино", settlement: "рп.", locative: "в Ванино", dative: "Ванинскому району",
            genitive: "Ванинского района", districts: &[], slug: "vanino", centre: (49.0870, 140.2540),
            spread_km: (1.5, 2.0), area_code: "42137", first_digits: b"7", tax_offices: &["09"], providers: 4,
            streets: &["ул. Железнодорожная", "ул. Октябрьская", "ул. Молодёжная", "ул. Невского", "ул. Строителей",
                "ул. Мира"] },
        Municipality { name: "Бикин", settlement: "г.", locative: "в Бикине", dative: "г. Бикину", genitive: "г. Бикина",
            districts: &[], slug: "bikin", centre: (46.8180, 134.2550), spread_km: (1.5, 1.5), area_code: "42155",
            first_digits: b"2", tax_offices: &["07"], providers: 4,
            streets: &["ул. Бонивура", "ул. Лазо", "ул. Октябрьская", "ул. Советская", "ул. Дзержинского"] },
        Municipality { name: "Вяземский", settlement: "г.", locative: "в Вяземском", dative: "г. Вяземскому",
            genitive: "г. Вяземского", districts: &[], slug: "vyazemsky", centre: (47.5350, 134.7550),
            spread_km: (1.5, 1.5), area_code: "42153", first_digits: b"3", tax_offices: &["08"], providers: 4,
            streets: &["ул. Карла Маркса", "ул. Коваленко", "ул. Ленина", "ул. Вокзальная", "ул. Шоссейная"] },
        Municipality { name: "Солнечный", settlement: "рп.", locative: "в посёлке Солнечный", dative: "Солнечному району",
            genitive: "Солнечного района", districts: &[], slug: "solnechny", centre: (50.7230, 136.6400),
            spread_km: (1.2, 1.5), area_code: "42146", first_digits: b"2", tax_offices: &["17"], providers: 4,
            streets: &["ул. Ленина", "ул. Парковая", "ул. Геологов", "ул. Строителей", "ул. Молодёжная"] },
        Municipality { name: "Переяславка", settlement: "рп.", locative: "в Переяславке", dative: "району имени Лазо",
            genitive: "района имени Лазо", districts: &[], slug: "pereyaslavka", centre: (47.9990, 135.0850),
            spread_km: (1.5, 1.5), area_code: "42154", first_digits: b"2", tax_offices: &["13"], providers: 4,
            streets: &["ул. Ленина", "ул. Октябрьская", "ул. Постышева", "ул. Клубная", "ул. Чапаева"] },
    ],
};

#[rustfmt::skip]
static KRASNOYARSK: RegionData = RegionData {
    code: "24",
    krai_genitive: "Красноярского края",
    public_organisation: ("Красноярская региональная общественная организация", "КРОО"),
    tour_destinations: &["заповедник «Столбы»", "Красноярская ГЭС и Дивногорск", "природный парк «Ергаки»",
        "музей-заповедник «Шушенское»"],
    seed: 0x2400_C0DE_5EED_0391,
    municipalities: &[
        Municipality { name: "Красноярск", settlement: "г.", locative: "в Красноярске", dative: "г. Красноярску",
            genitive: "г. Красноярска", districts: &["Центральн", "Железнодорожн", "Кировск", "Ленинск", "Октябрьск",
                "Свердловск", "Советск"],
            slug: "krasnoyarsk", centre: (56.0150, 92.8700), spread_km: (5.0, 10.0), area_code: "391",
            first_digits: b"2", tax_offices: &["60", "61", "62", "63", "64", "65", "66"], providers: 50,
            streets: &["проспект Мира", "проспект Свободный", "проспект имени газеты «Красноярский рабочий»",
                "ул. Карла Маркса", "ул. Ленина", "ул. Партизана Железняка", "ул. Весны", "ул. 9 Мая", "ул. Взлётная",
                "ул. Киренского", "ул. Маерчака", "ул. Урицкого", "ул. Дубровинского", "ул. Авиаторов",
                "ул. 78 Добровольческой бригады", "ул. Копылова", "ул. Парижской Коммуны", "ул. Щорса"] },
        Municipality { name: "Норильск", settlement: "г.", locative: "в Норильске", dative: "г. Норильску",
            genitive: "г. Норильска", districts: &[], slug: "norilsk", centre: (69.3490, 88.2010),
            spread_km: (2.5, 3.0), area_code: "3919", first_digits: b"234", tax_offices: &["57"], providers: 10,
            streets: &["Ленинский проспект", "ул. Комсомольская", "ул. Севастопольская", "ул. Орджоникидзе",
                "ул. Талнахская", "ул. Мира", "ул. Советская", "ул. Лауреатов"] },
        Municipality { name: "Ачинск", settlement: "г.", locative: "в Ачинске", dative: "г. Ачинску", genitive: "г. Ачинска",
            districts: &[], slug: "achinsk", centre: (56.2690, 90.4990), spread_km: (3.0, 3.0), area_code: "39151",
            first_digits: b"47", tax_offices: &["43"], providers: 8,
            streets: &["ул. Ленина", "ул. Кирова", "ул. Декабристов", "ул. Советская", "ул. Назарова", "ул. Свердлова",
                "ул. Трудовая"] },
        Municipality { name: "Канск", settlement: "г.", locative: "в Канске", dative: "г. Канску", genitive: "г. Канска",
            districts: &[], slug: "kansk", centre: (56.2050, 95.7050), spread_km: (2.5, 3.0), area_code: "39161",
            first_digits: b"23", tax_offices: &["50"], providers: 7,
            streets: &["ул. 40 лет Октября", "ул. Ленина", "ул. Куйбышева", "ул. Красной Армии", "ул. Эйдемана",
                "ул. Московская"] },
        Municipality { name: "Железногорск", settlement: "г.", locative: "в Железногорске", dative: "г. Железногорску",
            genitive: "г. Железногорска", districts: &[], slug: "zheleznogorsk", centre: (56.2510, 93.5320),
            spread_km: (2.0, 2.5), area_code: "3919", first_digits: b"7", tax_offices: &["52"], providers: 6,
            streets: &["ул. Ленина", "проспект Курчатова", "проспект Ленинградский", "ул. Свердлова", "ул. Советская",
                "ул. Маяковского", "ул. 60 лет ВЛКСМ"] },
        Municipality { name: "Минусинск", settlement: "г.", locative: "в Минусинске", dative: "г. Минусинску",
            genitive: "г. Минусинска", districts: &[], slug: "minusinsk", centre: (53.7100, 91.6870),
            spread_km: (2.0, 2.5), area_code: "39132", first_digits: b"2", tax_offices: &["55"], providers: 5,
            streets: &["ул. Ботаническая", "ул. Гоголя", "ул. Абаканская", "ул. Комсомольская", "ул. Октябрьская",
                "ул. Тимирязева"] },
        Municipality { name: "Лесосибирск", settlement: "г.", locative: "в Лесосибирске", dative: "г. Лесосибирску",
            genitive: "г. Лесосибирска", districts: &[], slug: "lesosibirsk", centre: (58.2360, 92.4830),
            spread_km: (2.0, 3.0), area_code: "39145", first_digits: b"56", tax_offices: &["54"], providers: 4,
            streets: &["ул. Победы", "ул. Мира", "ул. Горького", "ул. Привокзальная", "ул. Белинского", "ул. Юбилейная"] },
        Municipality { name: "Дивногорск", settlement: "г.", locative: "в Дивногорске", dative: "г. Дивногорску",
            genitive: "г. Дивногорска", districts: &[], slug: "divnogorsk", centre: (55.9580, 92.3800),
            spread_km: (1.5, 2.0), area_code: "39144", first_digits: b"3", tax_offices: &["46"], providers: 3,
            streets: &["ул. Бочкина", "ул. Комсомольская", "ул. Заводская", "ул. Чкалова", "ул. Набережная"] },
        Municipality { name: "Шарыпово", settlement: "г.", locative: "в Шарыпово", dative: "г. Шарыпово",
            genitive: "г. Шарыпово", districts: &[], slug: "sharypovo", centre: (55.5390, 89.1800), spread_km: (1.5, 2.0),
            area_code: "39153", first_digits: b"3", tax_offices: &["59"], providers: 3,
            streets: &["ул. Горького", "ул. Российская", "ул. Октябрьская", "ул. Пионерская", "ул. Труда"] },
        Municipality { name: "Сосновоборск", settlement: "г.", locative: "в Сосновоборске", dative: "г. Сосновоборску",
            genitive: "г. Сосновоборска", districts: &[], slug: "sosnovoborsk", centre: (56.1200, 93.3350),
            spread_km: (1.5, 1.5), area_code: "39131", first_digits: b"2", tax_offices: &["58"], providers: 4,
            streets: &["ул. Ленинского Комсомола", "ул. Солнечная", "ул. Юности", "ул. Энтузиастов", "ул. Весенняя",
                "проспект Мира"] },
    ],
};

const fn region_data(region: DemoRegion) -> &'static RegionData {
    match region {
        DemoRegion::Khabarovsk => &KHABAROVSK,
        DemoRegion::Krasnoyarsk => &KRASNOYARSK,
    }
}

// ---------------------------------------------------------------------------------------------
// Kinds of providers and what they do.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    State,
    Municipal,
    Ngo,
    Business,
    Entrepreneur,
}

impl Kind {
    const fn legal_form(self) -> &'static str {
        LEGAL_FORMS[self as usize]
    }

    /// Prices in thousandths of the normative cost: institutions charge the normative or less,
    /// businesses up to 140% (the client pays the difference).
    const fn price_permille(self) -> (u32, u32) {
        match self {
            Kind::State => (900, 1000),
            Kind::Municipal => (880, 1000),
            Kind::Ngo => (800, 1120),
            Kind::Business => (850, 1400),
            Kind::Entrepreneur => (800, 1250),
        }
    }

    /// The years the provider may have been registered in.
    const fn registered(self) -> (u32, u32) {
        match self {
            Kind::State => (2002, 2004),
            Kind::Municipal => (2002, 2012),
            Kind::Ngo => (2008, 2023),
            Kind::Business => (2006, 2024),
            Kind::Entrepreneur => (2010, 2024),
        }
    }
}

/// What a provider does, which decides its name and its offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[rustfmt::skip]
enum Profile {
    SocialCare, Palliative, HomeNursing, TechEducation, ArtsEducation, Sports, Tourism, Taxi, Childcare, JobTraining,
    Sanatorium, Homeless,
}

/// The name pattern of a state or municipal institution. In `name`, `{dat}` and `{gen}` stand for
/// the municipality (or a district of it) in the dative and genitive, `{brand}` for a word of the
/// profile, `{n}` for a number.
struct Institution {
    form: &'static str,
    form_short: &'static str,
    name: &'static str,
    /// ASCII abbreviation for the e-mail domain.
    slug: &'static str,
}

#[rustfmt::skip]
const fn inst(form: &'static str, form_short: &'static str, name: &'static str, slug: &'static str) -> Institution {
    Institution { form, form_short, name, slug }
}

const KGBU: &str = "Краевое государственное бюджетное учреждение";
const KGAU: &str = "Краевое государственное автономное учреждение";
const KGKU: &str = "Краевое государственное казённое учреждение";
const KGBUZ: &str = "Краевое государственное бюджетное учреждение здравоохранения";
const KGAU_DPO: &str =
    "Краевое государственное автономное учреждение дополнительного профессионального образования";
const MBU: &str = "Муниципальное бюджетное учреждение";
const MAU: &str = "Муниципальное автономное учреждение";
const MBU_DO: &str = "Муниципальное бюджетное учреждение дополнительного образования";
const MAU_DO: &str = "Муниципальное автономное учреждение дополнительного образования";

struct ProfileData {
    /// Services offered: a provider with n offers takes the first n, cycling, and words a service
    /// it offers again differently.
    codes: &'static [&'static str],
    /// Names of NGOs and businesses; also `{brand}` in institution names.
    words: &'static [&'static str],
    /// What may precede a word: "Школа плавания" + «Дельфин».
    prefixes: &'static [&'static str],
    /// How often (in %) a name has a prefix.
    prefix_percent: u32,
    /// The first sentence of the provider description; `{loc}` is "в Хабаровске".
    about: [&'static str; 2],
    /// Name patterns for the state or municipal institutions of the profile (no profile has both).
    institutions: &'static [Institution],
}

#[rustfmt::skip]
static SOCIAL_CARE: ProfileData = ProfileData {
    codes: &["HOME-CARE-HOUR", "SOCIAL-TAXI-TRIP", "HOME-RESPITE-DAY", "SICK-CARE-HOUR"],
    words: &["Тёплый дом", "Добрые руки", "Забота рядом", "Серебряная нить", "Рука помощи", "Надёжное плечо",
        "Родные люди", "Участие", "Время заботы", "Мы рядом", "Долголетие", "Соседская помощь"],
    prefixes: &["Центр социального обслуживания", "Служба заботы"], prefix_percent: 25,
    about: ["Помогаем пожилым людям и людям с инвалидностью {loc} жить дома: уход, покупки, сопровождение к врачу.",
        "Предоставляем социальные услуги на дому одиноким пенсионерам и семьям, ухаживающим за пожилыми родственниками, {loc}."],
    institutions: &[inst(KGBU, "КГБУ", "Комплексный центр социального обслуживания населения по {dat}", "kcson"),
        inst(KGBU, "КГБУ", "Центр социального обслуживания граждан пожилого возраста и инвалидов {gen}", "cso"),
        inst(KGAU, "КГАУ", "Реабилитационный центр «{brand}»", "rehab")],
};

#[rustfmt::skip]
static PALLIATIVE: ProfileData = ProfileData {
    codes: &["PAL-HOME-VISIT", "PAL-HOSPICE-DAY", "SICK-CARE-HOUR"],
    words: &["Свет в окне", "Тихая гавань", "Путь милосердия", "Не одни", "Вера и надежда", "Сострадание",
        "Доброе сердце", "Хранитель", "Тёплые ладони", "Берег"],
    prefixes: &["Хоспис", "Служба паллиативной помощи"], prefix_percent: 35,
    about: ["Оказываем паллиативную помощь взрослым и детям {loc}: выездная служба, хоспис и поддержка родственников.",
        "Помогаем неизлечимо больным людям и их семьям {loc}: обезболивание, уход, психологическая поддержка."],
    institutions: &[inst(KGBUZ, "КГБУЗ", "Хоспис {gen}", "hospice"),
        inst(KGBUZ, "КГБУЗ", "Центр паллиативной медицинской помощи {gen}", "palliativ")],
};

#[rustfmt::skip]
static HOME_NURSING: ProfileData = ProfileData {
    codes: &["SICK-CARE-HOUR", "HOME-CARE-HOUR", "PAL-HOME-VISIT"],
    words: &["Ваша сиделка", "Заботливые руки", "Опора", "Помощница", "Домашний уход", "Берегиня", "Уход и забота",
        "Сестра милосердия", "Мой патронаж"],
    prefixes: &["Патронажная служба"], prefix_percent: 30,
    about: ["Подбираем сиделок и помощников по уходу за лежачими и тяжелобольными людьми {loc}.",
        "Патронажная служба {loc}: сиделки с медицинским образованием, уход на дому и в больнице."],
    institutions: &[],
};

#[rustfmt::skip]
static TECH_EDUCATION: ProfileData = ProfileData {
    codes: &["EDU-TECH-LESSON", "EDU-TECH-LESSON", "CHILDCARE-HOUR"],
    words: &["Робототехника для всех", "Юный конструктор", "Техносфера", "Шестерёнка", "Лаборатория изобретателей",
        "Цифровой двор", "Байт", "Мастерская роботов", "Инженеры завтрашнего дня", "Схема", "Кибердом"],
    prefixes: &["Центр технического творчества", "Школа программирования", "Клуб робототехники"], prefix_percent: 35,
    about: ["Детский технический центр {loc}: робототехника, программирование и 3D-моделирование для школьников.",
        "Учим детей {loc} конструировать, программировать и доводить инженерные проекты до результата."],
    institutions: &[inst(MBU_DO, "МБУ ДО", "Центр детского технического творчества {gen}", "cdtt"),
        inst(MAU_DO, "МАУ ДО", "Станция юных техников «{brand}»", "syut")],
};

#[rustfmt::skip]
static ARTS_EDUCATION: ProfileData = ProfileData {
    codes: &["EDU-ARTS-LESSON", "EDU-ARTS-LESSON", "CHILDCARE-HOUR"],
    words: &["Радуга", "Палитра", "Камертон", "Жар-птица", "Акварель", "Весёлые нотки", "Глиняный кот", "Синяя птица",
        "Пуанты", "Береста", "Свирель", "Зазеркалье"],
    prefixes: &["Студия", "Творческая мастерская", "Школа искусств"], prefix_percent: 35,
    about: ["Творческие студии для детей и подростков {loc}: музыка, рисование, театр и танец.",
        "Развиваем творческие способности детей {loc}; ученики выступают на городских и краевых конкурсах."],
    institutions: &[inst(MBU_DO, "МБУ ДО", "Детская школа искусств № {n}", "dshi"),
        inst(MBU_DO, "МБУ ДО", "Дом детского творчества «{brand}»", "ddt")],
};

#[rustfmt::skip]
static SPORTS: ProfileData = ProfileData {
    codes: &["SPORT-TRAIN-LESSON", "SPORT-TRAIN-LESSON", "SCHOOL-TOUR-DAY"],
    words: &["Дельфин", "Чемпион", "Старт", "Атлант", "Вираж", "Тигрёнок", "Нерпа", "Витязь", "Снежинка", "Юниор",
        "Барс", "Медвежонок"],
    prefixes: &["Школа плавания", "Спортивный клуб", "Клуб единоборств", "Детский футбольный клуб"], prefix_percent: 60,
    about: ["Спортивные секции для детей и подростков {loc}, в том числе группы адаптивной физкультуры.",
        "Тренируем детей {loc} с пяти лет; у всех тренеров высшее физкультурное образование."],
    institutions: &[inst(MBU, "МБУ", "Спортивная школа № {n}", "sport"),
        inst(MAU, "МАУ", "Спортивная школа олимпийского резерва «{brand}»", "sshor")],
};

#[rustfmt::skip]
static TOURISM: ProfileData = ProfileData {
    codes: &["SCHOOL-TOUR-DAY", "SCHOOL-TOUR-DAY", "SPORT-TRAIN-LESSON"],
    words: &["Компас", "Азимут", "Таёжная тропа", "Дальние горизонты", "Рюкзак", "Следопыт", "Маршрут", "Перевал",
        "Кедровый край", "Северный ветер"],
    prefixes: &["Турклуб", "Школа путешествий", "Центр детского туризма"], prefix_percent: 50,
    about: ["Организуем походы, экскурсии и экспедиции для школьников {loc} и по всему краю.",
        "Детский туристский клуб {loc}: походы выходного дня, сплавы и краеведческие экспедиции."],
    institutions: &[inst(MBU_DO, "МБУ ДО", "Станция юных туристов {gen}", "syt"),
        inst(MBU_DO, "МБУ ДО", "Центр детского и юношеского туризма «{brand}»", "cdyut")],
};

#[rustfmt::skip]
static TAXI_SERVICE: ProfileData = ProfileData {
    codes: &["SOCIAL-TAXI-TRIP"],
    words: &["Милосердие", "Доступная среда", "Попутчик", "Дорога к дому", "Мобильность", "Без барьеров",
        "Колесо добра", "Вместе в пути", "Добрая дорога"],
    prefixes: &["Социальное такси", "Служба перевозок"], prefix_percent: 50,
    about: ["Перевозим людей с инвалидностью и маломобильных пожилых жителей {loc} на автомобилях с подъёмниками.",
        "Социальное такси {loc}: поездки к врачу, в МФЦ и на реабилитацию с помощью водителя."],
    institutions: &[],
};

#[rustfmt::skip]
static CHILDCARE_SERVICE: ProfileData = ProfileData {
    codes: &["CHILDCARE-HOUR", "CHILDCARE-HOUR", "EDU-ARTS-LESSON"],
    words: &["Умка", "Нянюшка", "Теремок", "Мама может", "Солнышко", "Совята", "Почемучки", "Ладушки",
        "Маленькая страна", "Карусель"],
    prefixes: &["Детский клуб", "Мини-сад", "Семейный центр"], prefix_percent: 45,
    about: ["Кратковременный присмотр за детьми {loc}, пока родители работают, учатся или лечатся.",
        "Детский клуб {loc}: присмотр, развивающие занятия и прогулки для дошкольников и младших школьников."],
    institutions: &[inst(MBU, "МБУ", "Центр психолого-педагогической помощи семье «{brand}»", "cppp"),
        inst(MAU, "МАУ", "Центр семейного досуга «{brand}»", "csd")],
};

#[rustfmt::skip]
static JOB_TRAINING: ProfileData = ProfileData {
    codes: &["JOB-TRAIN-COURSE", "JOB-SENIOR-COURSE"],
    words: &["Профи", "Новая профессия", "Ступени", "Навык", "Вторая молодость", "Мама в деле", "Перспектива",
        "Квалификация", "Старт карьеры"],
    prefixes: &["Учебный центр", "Центр карьеры", "Курсы"], prefix_percent: 55,
    about: ["Профессиональное обучение и переподготовка взрослых {loc}: мамы в декрете, граждане предпенсионного возраста, ищущие работу.",
        "Учебный центр {loc}: короткие курсы с выдачей документа о квалификации и помощью в трудоустройстве."],
    institutions: &[inst(KGKU, "КГКУ", "Центр занятости населения {gen}", "czn"),
        inst(KGAU_DPO, "КГАУ ДПО", "Учебный центр профессиональной подготовки {gen}", "ucpp")],
};

#[rustfmt::skip]
static SANATORIUM_SERVICE: ProfileData = ProfileData {
    codes: &["SANATORIUM-DAY", "SANATORIUM-DAY", "HOME-RESPITE-DAY"],
    words: &["Кедровая роща", "Тёплые ключи", "Сосновый бор", "Таёжный", "Речные зори", "Берёзка", "Лесная сказка",
        "Серебряный ключ", "Голубые ели"],
    prefixes: &["Санаторий", "Пансионат", "Оздоровительный центр"], prefix_percent: 80,
    about: ["Санаторно-курортное лечение и оздоровление пенсионеров, ветеранов и людей с инвалидностью {loc}.",
        "Санаторий {loc}: лечебная физкультура, физиотерапия, минеральные ванны и диетическое питание."],
    institutions: &[inst(KGBU, "КГБУ", "Социально-оздоровительный центр «{brand}»", "soc"),
        inst(KGAU, "КГАУ", "Санаторий «{brand}»", "sanatorium")],
};

#[rustfmt::skip]
static HOMELESS: ProfileData = ProfileData {
    codes: &["HOMELESS-SHELTER-DAY", "HOMELESS-MEAL-VISIT"],
    words: &["Тёплый ночлег", "Дом надежды", "Второй шанс", "Путь домой", "Горячий обед", "Открытая дверь",
        "Хлеб и кров", "Пристань", "Рука друга"],
    prefixes: &["Приют", "Центр помощи бездомным"], prefix_percent: 30,
    about: ["Помогаем людям без определённого места жительства {loc}: ночлег, горячее питание, восстановление документов.",
        "Приют и социальное сопровождение для людей, оказавшихся на улице, {loc}."],
    institutions: &[inst(KGKU, "КГКУ", "Центр социальной адаптации {gen}", "csa"),
        inst(KGBU, "КГБУ", "Дом ночного пребывания {gen}", "dnp")],
};

const fn profile_data(profile: Profile) -> &'static ProfileData {
    match profile {
        Profile::SocialCare => &SOCIAL_CARE,
        Profile::Palliative => &PALLIATIVE,
        Profile::HomeNursing => &HOME_NURSING,
        Profile::TechEducation => &TECH_EDUCATION,
        Profile::ArtsEducation => &ARTS_EDUCATION,
        Profile::Sports => &SPORTS,
        Profile::Tourism => &TOURISM,
        Profile::Taxi => &TAXI_SERVICE,
        Profile::Childcare => &CHILDCARE_SERVICE,
        Profile::JobTraining => &JOB_TRAINING,
        Profile::Sanatorium => &SANATORIUM_SERVICE,
        Profile::Homeless => &HOMELESS,
    }
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    kind: Kind,
    profile: Profile,
    offers: usize,
}

/// The mix of providers in every region: 12 state and 8 municipal institutions, 40 NGOs,
/// 30 businesses and 10 individual entrepreneurs, with 302 offers in all.
#[rustfmt::skip]
fn slots() -> Vec<Slot> {
    use Profile::*;
    const STATE: [Profile; 12] = [SocialCare, SocialCare, Homeless, Palliative, JobTraining, SocialCare, Sanatorium,
        Homeless, SocialCare, Palliative, JobTraining, SocialCare];
    const MUNICIPAL: [Profile; 8] = [TechEducation, ArtsEducation, Sports, Tourism, Childcare, Sports, ArtsEducation,
        TechEducation];
    const NGO: [Profile; 10] = [SocialCare, Palliative, Homeless, Taxi, TechEducation, ArtsEducation, Childcare, Sports,
        HomeNursing, JobTraining];
    const BUSINESS: [Profile; 10] = [TechEducation, Sports, Tourism, Taxi, Sanatorium, JobTraining, HomeNursing,
        Childcare, ArtsEducation, SocialCare];
    const ENTREPRENEUR: [Profile; 10] = [ArtsEducation, Sports, Childcare, HomeNursing, Taxi, TechEducation, Tourism,
        Childcare, ArtsEducation, HomeNursing];
    // Offer counts averaging three, shifted every ten providers so that a profile does not always
    // get the same count.
    const COUNTS: [usize; 5] = [3, 4, 2, 3, 3];
    let varied = |i: usize| COUNTS[(i + i / 10) % COUNTS.len()];
    let slot = |kind, profile, offers| Slot { kind, profile, offers };
    let state = STATE.iter().map(|&p| slot(Kind::State, p, 4));
    let municipal = MUNICIPAL.iter().map(|&p| slot(Kind::Municipal, p, 3));
    let ngos = (0..40).map(|i| slot(Kind::Ngo, NGO[i % NGO.len()], varied(i)));
    let businesses = (0..30).map(|i| slot(Kind::Business, BUSINESS[i % BUSINESS.len()], varied(i)));
    let entrepreneurs = ENTREPRENEUR.iter().map(|&p| slot(Kind::Entrepreneur, p, 2));
    state.chain(municipal).chain(ngos).chain(businesses).chain(entrepreneurs).collect()
}

// Made-up surnames (masculine, feminine), first names and patronymics for entrepreneurs.
#[rustfmt::skip]
const SURNAMES: [(&str, &str); 20] = [
    ("Кедров", "Кедрова"), ("Снегирёв", "Снегирёва"), ("Рябинин", "Рябинина"), ("Ольховский", "Ольховская"),
    ("Берёзкин", "Берёзкина"), ("Ясенев", "Ясенева"), ("Клюквин", "Клюквина"), ("Зарецкий", "Зарецкая"),
    ("Туманов", "Туманова"), ("Ручейников", "Ручейникова"), ("Ветлугин", "Ветлугина"), ("Сосновцев", "Сосновцева"),
    ("Брусникин", "Брусникина"), ("Полевой", "Полевая"), ("Ласточкин", "Ласточкина"), ("Лучинин", "Лучинина"),
    ("Черёмухин", "Черёмухина"), ("Облепихин", "Облепихина"), ("Кленов", "Кленова"), ("Родников", "Родникова"),
];
#[rustfmt::skip]
const MALE_NAMES: [&str; 12] = ["Андрей", "Павел", "Илья", "Григорий", "Семён", "Тимофей", "Артём", "Степан", "Фёдор",
    "Матвей", "Владислав", "Роман"];
#[rustfmt::skip]
const FEMALE_NAMES: [&str; 12] = ["Мария", "Анна", "Екатерина", "Ольга", "Дарья", "Полина", "Вера", "Наталья", "Алёна",
    "Ксения", "Людмила", "Варвара"];
#[rustfmt::skip]
const PATRONYMICS: [(&str, &str); 12] = [
    ("Сергеевич", "Сергеевна"), ("Викторович", "Викторовна"), ("Андреевич", "Андреевна"), ("Игоревич", "Игоревна"),
    ("Олегович", "Олеговна"), ("Николаевич", "Николаевна"), ("Петрович", "Петровна"), ("Алексеевич", "Алексеевна"),
    ("Юрьевич", "Юрьевна"), ("Михайлович", "Михайловна"), ("Ильич", "Ильинична"), ("Борисович", "Борисовна"),
];

const ANO: (&str, &str) = ("Автономная некоммерческая организация", "АНО");
const ANO_DO: (&str, &str) = (
    "Автономная некоммерческая организация дополнительного образования",
    "АНО ДО",
);
const FUND: (&str, &str) = ("Благотворительный фонд", "БФ");
const OOO: (&str, &str) = ("Общество с ограниченной ответственностью", "ООО");
const AO: (&str, &str) = ("Акционерное общество", "АО");

// ---------------------------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------------------------

/// xorshift64 (Marsaglia, 2003): tiny, and the same sequence on every platform.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        let mut rng = Rng(seed | 1);
        for _ in 0..8 {
            rng.next();
        }
        rng
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (the modulo bias does not matter for demo data).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }

    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.between(0, 99) < percent
    }

    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A number in `[-1, 1)`.
    fn signed_unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    pub(crate) fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect()
    }
}

/// What earlier providers took: names, e-mail, identifiers and phones are unique across both
/// regions, name words within a region (while the lists last).
#[derive(Default)]
struct Taken {
    names: BTreeSet<String>,
    words: BTreeSet<&'static str>,
    emails: BTreeSet<String>,
    domains: BTreeSet<String>,
    ids: BTreeSet<String>,
    phones: BTreeSet<String>,
}

struct Named {
    full: String,
    short: String,
    email: String,
}

fn generate(region: DemoRegion, taken: &mut Taken) -> Vec<DemoProvider> {
    let data = region_data(region);
    let mut rng = Rng::new(data.seed);
    let mut slots = slots();
    rng.shuffle(&mut slots);
    let mut places: Vec<&'static Municipality> = (data.municipalities.iter())
        .flat_map(|m| std::iter::repeat_n(m, m.providers))
        .collect();
    rng.shuffle(&mut places);
    debug_assert_eq!(slots.len(), places.len());
    taken.words.clear();
    let mut generator = Generator {
        region,
        data,
        rng,
        taken,
    };
    (slots.into_iter().zip(places))
        .map(|(slot, place)| generator.provider(slot, place))
        .collect()
}

struct Generator<'t> {
    region: DemoRegion,
    data: &'static RegionData,
    rng: Rng,
    taken: &'t mut Taken,
}

impl Generator<'_> {
    fn provider(&mut self, slot: Slot, place: &'static Municipality) -> DemoProvider {
        let profile = profile_data(slot.profile);
        let (first, last) = slot.kind.registered();
        let year = self.rng.between(first, last);
        let named = match slot.kind {
            Kind::State | Kind::Municipal => self.institution(slot.kind, profile, place),
            Kind::Ngo | Kind::Business => self.organisation(slot, profile, place),
            Kind::Entrepreneur => self.entrepreneur(),
        };
        let (inn, ogrn) = self.tax_ids(slot.kind, place, year);
        let (latitude, longitude) = self.coordinates(place);
        DemoProvider {
            full_name: named.full,
            short_name: named.short,
            legal_form: slot.kind.legal_form(),
            inn,
            ogrn,
            municipality: place.name,
            address: self.address(slot, place),
            latitude,
            longitude,
            phone: self.phone(place),
            email: named.email,
            description: self.description(slot.kind, profile, place, year),
            offers: self.offers(slot, profile),
        }
    }

    fn institution(
        &mut self,
        kind: Kind,
        profile: &'static ProfileData,
        place: &Municipality,
    ) -> Named {
        // The slots give institutions only profiles with templates of their kind.
        let templates = profile.institutions;
        let start = self.rng.below(templates.len());
        for attempt in 0.. {
            let template = &templates[(start + attempt) % templates.len()];
            let brand = self.rng.pick(profile.words);
            let number = self.rng.between(1, 12).to_string();
            let branded = template.name.contains("{brand}");
            if branded && attempt < 40 && self.taken.words.contains(brand) {
                continue;
            }
            // The whole municipality under every template first, then its city districts.
            let placed = template.name.contains("{dat}") || template.name.contains("{gen}");
            let district = match place.districts {
                districts if placed && attempt >= templates.len() && !districts.is_empty() => {
                    Some(self.rng.pick(districts))
                }
                _ => None,
            };
            let (dative, genitive) = match district {
                Some(d) => (
                    format!("{d}ому району {}", place.genitive),
                    format!("{d}ого района {}", place.genitive),
                ),
                None => (place.dative.to_owned(), place.genitive.to_owned()),
            };
            let mut name = (template.name.replace("{dat}", &dative))
                .replace("{gen}", &genitive)
                .replace("{brand}", brand)
                .replace("{n}", &number);
            if attempt >= 40 {
                // Only if every variant is taken, which the lists are long enough to prevent.
                name = format!("{name} № {}", attempt - 38);
            }
            let short = format!("{} «{name}»", template.form_short);
            if !self.taken.names.insert(short.clone()) {
                continue;
            }
            // kcson-khabarovsk, kcson-khabarovsk-industrialnyy, dshi3-kansk, syut-shesterenka.
            let mut domain = template.slug.to_owned();
            if template.name.contains("{n}") {
                domain.push_str(&number);
            }
            if branded {
                self.taken.words.insert(brand);
                domain = format!("{domain}-{}", slug(brand));
            } else {
                domain = format!("{domain}-{}", place.slug);
            }
            if let Some(d) = district {
                let ending = if d.ends_with('к') { "ий" } else { "ый" };
                domain = format!("{domain}-{}", slug(&format!("{d}{ending}")));
            }
            let mailbox = if kind == Kind::State { "priem" } else { "info" };
            return Named {
                full: format!("{} «{name}»", template.form),
                short,
                email: self.email(mailbox, &domain, None),
            };
        }
        unreachable!("the loop only ends by returning")
    }

    fn organisation(
        &mut self,
        slot: Slot,
        profile: &'static ProfileData,
        place: &Municipality,
    ) -> Named {
        let public = self.data.public_organisation;
        let forms: &[(&str, &str)] = match (slot.kind, slot.profile) {
            (Kind::Ngo, Profile::TechEducation | Profile::ArtsEducation | Profile::Childcare) => {
                &[ANO_DO, ANO_DO, ANO]
            }
            (Kind::Ngo, Profile::Palliative | Profile::Homeless | Profile::SocialCare) => {
                &[ANO, ANO, FUND, public]
            }
            (Kind::Ngo, Profile::Sports | Profile::Tourism) => &[ANO, ANO, public],
            (Kind::Ngo, _) => &[ANO],
            (_, Profile::Sanatorium | Profile::Taxi) => &[OOO, OOO, AO],
            _ => &[OOO],
        };
        for attempt in 0.. {
            let word = self.rng.pick(profile.words);
            if attempt < 60 && self.taken.words.contains(word) {
                continue;
            }
            let mut brand = word.to_owned();
            if !profile.prefixes.is_empty() && self.rng.chance(profile.prefix_percent) {
                brand = format!("{} «{word}»", self.rng.pick(profile.prefixes));
            }
            if attempt >= 200 {
                // Only if the lists run out: tell namesakes apart by their town.
                brand = format!("{brand} ({})", place.name);
            }
            let (form, form_short) = self.rng.pick(forms);
            let short = format!("{form_short} «{brand}»");
            if self.taken.names.insert(short.clone()) {
                self.taken.words.insert(word);
                let mailbox = self.rng.pick(&["info", "office", "mail", "hello"]);
                return Named {
                    full: format!("{form} «{brand}»"),
                    short,
                    email: self.email(mailbox, &slug(word), Some(place.slug)),
                };
            }
        }
        unreachable!("the loop only ends by returning")
    }

    fn entrepreneur(&mut self) -> Named {
        loop {
            let female = self.rng.chance(70);
            let (his, her) = self.rng.pick(&SURNAMES);
            let (son, daughter) = self.rng.pick(&PATRONYMICS);
            let (surname, first, patronymic) = if female {
                (her, self.rng.pick(&FEMALE_NAMES), daughter)
            } else {
                (his, self.rng.pick(&MALE_NAMES), son)
            };
            let person = format!("{surname} {first} {patronymic}");
            let short = format!("ИП {person}");
            if self.taken.names.insert(short.clone()) {
                let login = format!("{}.{}", slug(surname), slug(first));
                let email = (1..)
                    .map(|n| match n {
                        1 => format!("{login}@mail.example"),
                        _ => format!("{login}{n}@mail.example"),
                    })
                    .find(|email| self.taken.emails.insert(email.clone()))
                    .expect("endless candidates");
                return Named {
                    full: format!("Индивидуальный предприниматель {person}"),
                    short,
                    email,
                };
            }
        }
    }

    /// `mailbox@domain.example` with a domain no other provider has: if `domain` is taken, the
    /// town is added to it, then a number.
    fn email(&mut self, mailbox: &str, domain: &str, town: Option<&str>) -> String {
        let domain = std::iter::once(domain.to_owned())
            .chain(town.map(|town| format!("{domain}-{town}")))
            .chain((2..).map(|n| format!("{domain}-{n}")))
            .find(|candidate| self.taken.domains.insert(candidate.clone()))
            .expect("endless candidates");
        let email = format!("{mailbox}@{domain}.example");
        self.taken.emails.insert(email.clone());
        email
    }

    /// INN and OGRN (organisations) or INN and OGRNIP (entrepreneurs), never used before: the
    /// region and tax office codes, the registration year, random digits and the check digits.
    fn tax_ids(&mut self, kind: Kind, place: &Municipality, year: u32) -> (String, String) {
        let region = self.data.code;
        let office = self.rng.pick(place.tax_offices);
        let yy = year % 100;
        loop {
            let (inn, ogrn) = if kind == Kind::Entrepreneur {
                let inn = format!("{region}{office}{}", self.rng.digits(6));
                let ogrnip = format!("3{yy:02}{region}{}", self.rng.digits(9));
                (
                    with_inn_check(&with_inn_check(&inn)),
                    with_mod_check(&ogrnip, 13),
                )
            } else {
                let inn = format!("{region}{office}{}", self.rng.digits(5));
                let ogrn = format!("1{yy:02}{region}{office}{}", self.rng.digits(5));
                (with_inn_check(&inn), with_mod_check(&ogrn, 11))
            };
            if !self.taken.ids.contains(&inn) && !self.taken.ids.contains(&ogrn) {
                self.taken.ids.insert(inn.clone());
                self.taken.ids.insert(ogrn.clone());
                return (inn, ogrn);
            }
        }
    }

    fn address(&mut self, slot: Slot, place: &Municipality) -> String {
        let street = self.rng.pick(place.streets);
        let house = self
            .rng
            .between(1, if place.providers >= 10 { 150 } else { 60 });
        let letter = if self.rng.chance(10) { "А" } else { "" };
        let town = format!("{} {}", place.settlement, place.name);
        let mut address = format!("{town}, {street}, д. {house}{letter}");
        let institution = matches!(slot.kind, Kind::State | Kind::Municipal);
        if institution && self.rng.chance(20) {
            address.push_str(&format!(", корп. {}", self.rng.between(1, 3)));
        } else if !institution && slot.profile != Profile::Sanatorium && self.rng.chance(40) {
            match self.rng.chance(50) {
                true => address.push_str(&format!(", оф. {}", self.rng.between(1, 320))),
                false => address.push_str(&format!(", пом. {}", self.rng.between(1, 15))),
            }
        }
        address
    }

    /// A point within the spread around the municipality centre, to five decimals (about a metre).
    fn coordinates(&mut self, place: &Municipality) -> (f64, f64) {
        let (lat, lon) = place.centre;
        let (north_south, east_west) = place.spread_km;
        let latitude = lat + self.rng.signed_unit() * north_south / 111.0;
        let longitude = lon + self.rng.signed_unit() * east_west / (111.3 * lat.to_radians().cos());
        let round = |x: f64| (x * 100_000.0).round() / 100_000.0;
        (round(latitude), round(longitude))
    }

    /// "+7 4212 45-67-89", "+7 391 234-56-78", "+7 42142 2-34-56", never used before.
    fn phone(&mut self, place: &Municipality) -> String {
        let length = 10 - place.area_code.len();
        let split = length - 4;
        loop {
            let first = char::from(self.rng.pick(place.first_digits));
            let local = format!("{first}{}", self.rng.digits(length - 1));
            let (a, rest) = local.split_at(split);
            let phone = format!("+7 {} {a}-{}-{}", place.area_code, &rest[..2], &rest[2..]);
            if self.taken.phones.insert(phone.clone()) {
                return phone;
            }
        }
    }

    fn description(
        &mut self,
        kind: Kind,
        profile: &ProfileData,
        place: &Municipality,
        year: u32,
    ) -> String {
        let about = self
            .rng
            .pick(&profile.about)
            .replace("{loc}", place.locative);
        #[rustfmt::skip]
        let second: &[&str] = match kind {
            Kind::State => &["Государственное учреждение {krai}, работает с {year} года."],
            Kind::Municipal => &["Муниципальное учреждение, работает с {year} года."],
            Kind::Ngo => &[
                "Некоммерческая организация, работает с {year} года; в команде специалисты и волонтёры.",
                "Включены в реестр поставщиков социальных услуг {krai}.",
                "Работаем с {year} года на пожертвования, гранты и по социальным сертификатам.",
            ],
            Kind::Business => &[
                "Работаем с {year} года.",
                "Принимаем социальные сертификаты {krai} и оплату по договору.",
                "Коммерческая организация, работает с {year} года.",
            ],
            Kind::Entrepreneur => &[
                "Услуги оказывает лично предприниматель, опыт работы — более {experience}.",
                "Работает с {year} года, принимает социальные сертификаты {krai}.",
            ],
        };
        let experience = 2026 - year + self.rng.between(1, 5);
        let years = if experience % 10 == 1 && experience % 100 != 11 {
            "года"
        } else {
            "лет"
        };
        let second = (self.rng.pick(second))
            .replace("{krai}", self.data.krai_genitive)
            .replace("{year}", &year.to_string())
            .replace("{experience}", &format!("{experience} {years}"));
        format!("{about} {second}")
    }

    fn offers(&mut self, slot: Slot, profile: &ProfileData) -> Vec<DemoOffer> {
        // Each service starts at a random wording; offering it again takes the next one.
        let mut wordings: Vec<(&str, usize)> = Vec::new();
        let mut offers = Vec::with_capacity(slot.offers);
        for j in 0..slot.offers {
            let code = profile.codes[j % profile.codes.len()];
            let service = service(code).expect("profiles use catalogue codes");
            let variant = match wordings.iter_mut().find(|(c, _)| *c == code) {
                Some((_, v)) => {
                    *v += 1;
                    *v
                }
                None => {
                    let v = self.rng.below(service.offers.len());
                    wordings.push((code, v));
                    v
                }
            };
            let template = &service.offers[variant % service.offers.len()];
            offers.push(self.offer(slot.kind, service, template));
        }
        offers
    }

    fn offer(
        &mut self,
        kind: Kind,
        service: &'static Service,
        template: &OfferTemplate,
    ) -> DemoOffer {
        let destination = self.rng.pick(self.data.tour_destinations);
        let normative = service.normative[self.region.index()];
        let (fewest, most) = if kind == Kind::Entrepreneur {
            (5, 12)
        } else {
            service.capacity
        };
        let home_visits = template.flags & HOME != 0;
        let sanatorium_transfer = service.code == "SANATORIUM-DAY" && self.rng.chance(40);
        let step_free_percent = match kind {
            Kind::State | Kind::Municipal => 80,
            Kind::Ngo => 60,
            Kind::Business => 45,
            Kind::Entrepreneur => 20,
        };
        let wheelchair_access =
            template.flags & STEP_FREE != 0 || self.rng.chance(step_free_percent);
        let sign_language = self.rng.chance(if kind == Kind::State { 15 } else { 6 });
        let lessons = service.code.ends_with("-LESSON");
        let on_the_road = matches!(service.code, "SCHOOL-TOUR-DAY" | "SOCIAL-TAXI-TRIP");
        let english = self.rng.chance(if lessons || on_the_road { 12 } else { 4 });
        let mut description = template.text.replace("{dest}", destination);
        if sign_language {
            description.push_str(" Есть специалист, владеющий русским жестовым языком.");
        } else if english && lessons {
            description.push_str(" Возможны занятия на английском языке.");
        } else if english {
            description.push_str(" Сотрудники говорят по-английски.");
        } else if wheelchair_access && !home_visits && !on_the_road && self.rng.chance(35) {
            description.push_str(" Вход и помещения доступны для людей на колясках.");
        }
        DemoOffer {
            service_code: service.code,
            title: template.title.replace("{dest}", destination),
            description,
            price_kopecks: self.price(kind, normative),
            capacity: self.rng.between(fewest, most),
            schedule: self.rng.pick(service.schedules).to_owned(),
            age_min: template.ages.0,
            age_max: template.ages.1,
            wheelchair_access,
            sign_language,
            home_visits,
            transport: template.flags & RIDE != 0 || sanatorium_transfer,
            languages: if english {
                vec!["ru", "en"]
            } else {
                vec!["ru"]
            },
        }
    }

    /// A round price within 80%–140% of the normative, in the range the kind of provider charges;
    /// state institutions charge exactly the normative half of the time.
    fn price(&mut self, kind: Kind, normative: i64) -> i64 {
        let (lowest, highest) = kind.price_permille();
        let permille = match kind {
            Kind::State if self.rng.chance(50) => 1000,
            _ => i64::from(self.rng.between(lowest, highest)),
        };
        let step = match normative {
            1_000_000.. => 10_000,
            100_000.. => 1_000,
            _ => 100,
        };
        let rounded = (normative * permille / 1000 + step / 2) / step * step;
        let least = (normative * 8 + 10 * step - 1) / (10 * step) * step;
        let most = normative * 14 / (10 * step) * step;
        rounded.clamp(least, most)
    }
}

/// `digits` followed by their INN check digit: the weighted sum mod 11 mod 10, with the last 9, 10
/// or 11 of the weights below (the Federal Tax Service rule).
fn with_inn_check(digits: &str) -> String {
    const WEIGHTS: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    let weights = &WEIGHTS[WEIGHTS.len() - digits.len()..];
    let sum: u32 = (digits.bytes().zip(weights))
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!("{digits}{}", sum % 11 % 10)
}

/// `digits` followed by the last digit of (the number they spell mod `modulus`): 11 for OGRN,
/// 13 for OGRNIP.
fn with_mod_check(digits: &str, modulus: u64) -> String {
    let number: u64 = digits.parse().expect("at most 14 digits");
    format!("{digits}{}", number % modulus % 10)
}

/// Lowercase ASCII for e-mail: Russian transliterated, words joined by dashes.
pub(crate) fn slug(text: &str) -> String {
    const CYRILLIC: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    #[rustfmt::skip]
    const LATIN: [&str; 33] = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"];
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match CYRILLIC.chars().position(|letter| letter == c) {
            Some(i) => out.push_str(LATIN[i]),
            None if c.is_ascii_alphanumeric() => out.push(c),
            None => out.push('-'),
        }
    }
    let words: Vec<&str> = out.split('-').filter(|word| !word.is_empty()).collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::taxid::{Inn, Ogrn, Ogrnip};

    fn all() -> Vec<(DemoRegion, Vec<DemoProvider>)> {
        DemoRegion::ALL.map(|r| (r, demo_providers(r))).into()
    }

    fn offers(providers: &[DemoProvider]) -> impl Iterator<Item = &DemoOffer> {
        providers.iter().flat_map(|p| &p.offers)
    }

    #[test]
    fn each_region_has_100_mixed_providers_and_at_least_300_offers() {
        for (region, providers) in all() {
            assert_eq!(providers.len(), 100, "{region:?}");
            let count = offers(&providers).count();
            assert!((300..=330).contains(&count), "{region:?}: {count} offers");
            assert!(providers.iter().all(|p| (2..=4).contains(&p.offers.len())));

            let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
            providers
                .iter()
                .for_each(|p| *kinds.entry(p.legal_form).or_default() += 1);
            let expected = LEGAL_FORMS.into_iter().zip([12, 8, 40, 30, 10]);
            assert_eq!(kinds, expected.collect(), "{region:?}");

            let capital = region_data(region).municipalities[0].name;
            let in_capital = providers
                .iter()
                .filter(|p| p.municipality == capital)
                .count();
            assert!((40..=60).contains(&in_capital), "{capital}: {in_capital}");
            let places: BTreeSet<&str> = providers.iter().map(|p| p.municipality).collect();
            assert_eq!(places.len(), region_data(region).municipalities.len());
        }
    }

    #[test]
    fn every_catalogue_code_has_offers_in_both_regions() {
        let codes: Vec<&str> = SERVICES.iter().map(|s| s.code).collect();
        assert_eq!(codes, SERVICE_CODES);
        for (region, providers) in all() {
            let offered: BTreeSet<&str> = offers(&providers).map(|o| o.service_code).collect();
            assert_eq!(offered, BTreeSet::from(SERVICE_CODES), "{region:?}");
        }
    }

    #[test]
    fn normative_costs_are_the_published_ones() {
        use DemoRegion::*;
        assert_eq!(
            normative_kopecks(Khabarovsk, "HOME-CARE-HOUR"),
            Some(41_200)
        );
        assert_eq!(
            normative_kopecks(Krasnoyarsk, "HOME-CARE-HOUR"),
            Some(38_950)
        );
        assert_eq!(normative_kopecks(Khabarovsk, "NO-SUCH-CODE"), None);
        // The sums of the published table, so that no entry can be mistyped unnoticed.
        let total = |r| {
            SERVICE_CODES
                .map(|c| normative_kopecks(r, c).unwrap())
                .iter()
                .sum::<i64>()
        };
        assert_eq!(total(Khabarovsk), 10_620_200);
        assert_eq!(total(Krasnoyarsk), 9_946_950);
    }

    #[test]
    fn names_follow_the_legal_form() {
        for p in all().iter().flat_map(|(_, providers)| providers) {
            if p.legal_form == "individual_entrepreneur" {
                let person = p.short_name.strip_prefix("ИП ").expect("ИП");
                assert_eq!(person.split(' ').count(), 3, "{person}");
                assert_eq!(
                    p.full_name,
                    format!("Индивидуальный предприниматель {person}")
                );
                continue;
            }
            let form = match p.legal_form {
                "state" => "Краевое государственное ",
                "municipal" => "Муниципальное ",
                _ => "",
            };
            assert!(p.full_name.starts_with(form), "{p:?}");
            let (_, name) = p.short_name.split_once(" «").expect("a quoted name");
            assert!(p.full_name.ends_with(&format!(" «{name}")), "{p:?}");
            assert!(!name.contains('('), "the name lists ran out: {name}");
        }
    }

    #[test]
    fn tax_identifiers_are_valid_unique_and_of_the_region() {
        let mut seen = BTreeSet::new();
        for (region, providers) in all() {
            let code = region_data(region).code;
            for p in &providers {
                let inn = Inn::parse(&p.inn).unwrap_or_else(|e| panic!("{}: {e}", p.inn));
                if p.legal_form == "individual_entrepreneur" {
                    assert!(!inn.is_legal_entity() && p.ogrn.starts_with('3'), "{p:?}");
                    Ogrnip::parse(&p.ogrn).unwrap_or_else(|e| panic!("{}: {e}", p.ogrn));
                } else {
                    assert!(inn.is_legal_entity() && p.ogrn.starts_with('1'), "{p:?}");
                    Ogrn::parse(&p.ogrn).unwrap_or_else(|e| panic!("{}: {e}", p.ogrn));
                }
                assert!(p.inn.starts_with(code) && &p.ogrn[3..5] == code, "{p:?}");
                assert!(seen.insert(p.inn.clone()), "duplicate INN {}", p.inn);
                assert!(seen.insert(p.ogrn.clone()), "duplicate OGRN {}", p.ogrn);
            }
        }
    }

    #[test]
    fn places_are_inside_the_krai_near_the_municipality() {
        for (region, providers) in all() {
            let (latitudes, longitudes) = match region {
                DemoRegion::Khabarovsk => (46.5..=62.5, 130.5..=147.5),
                DemoRegion::Krasnoyarsk => (51.5..=81.5, 79.5..=114.0),
            };
            for p in &providers {
                assert!(latitudes.contains(&p.latitude), "{p:?}");
                assert!(longitudes.contains(&p.longitude), "{p:?}");
                let place = (region_data(region).municipalities.iter())
                    .find(|m| m.name == p.municipality)
                    .expect("a municipality of the region");
                assert!((p.latitude - place.centre.0).abs() < 0.1, "{p:?}");
                assert!((p.longitude - place.centre.1).abs() < 0.2, "{p:?}");
                assert!(
                    p.address
                        .starts_with(&format!("{} {}, ", place.settlement, place.name))
                );
                assert!(
                    p.phone.starts_with(&format!("+7 {} ", place.area_code)),
                    "{}",
                    p.phone
                );
                let digits = p.phone.chars().filter(char::is_ascii_digit).count();
                assert_eq!(digits, 11, "{}", p.phone);
            }
        }
    }

    #[test]
    fn prices_are_80_to_140_percent_of_the_normative_and_some_need_a_co_payment() {
        for (region, providers) in all() {
            let mut above = 0;
            for o in offers(&providers) {
                let normative = normative_kopecks(region, o.service_code).unwrap();
                let price = o.price_kopecks;
                assert!(price * 10 >= normative * 8, "{price} < 80% of {normative}");
                assert!(
                    price * 10 <= normative * 14,
                    "{price} > 140% of {normative}"
                );
                above += usize::from(price > normative);
            }
            assert!(
                (30..150).contains(&above),
                "{region:?}: {above} above the normative"
            );
        }
    }

    #[test]
    fn offers_are_plausible() {
        for (_, providers) in all() {
            for p in &providers {
                let titles: BTreeSet<&str> = p.offers.iter().map(|o| o.title.as_str()).collect();
                assert_eq!(titles.len(), p.offers.len(), "{}", p.short_name);
            }
            for o in offers(&providers) {
                assert!((5..=60).contains(&o.capacity), "{o:?}");
                assert!(
                    o.age_min.unwrap_or(0) <= o.age_max.unwrap_or(u8::MAX),
                    "{o:?}"
                );
                if o.service_code.starts_with("EDU-") || o.service_code == "SCHOOL-TOUR-DAY" {
                    let (min, max) = (o.age_min.unwrap(), o.age_max.unwrap());
                    assert!(min >= 5 && max <= 18, "{o:?}");
                }
                let at_home = ["HOME-CARE-HOUR", "PAL-HOME-VISIT", "SICK-CARE-HOUR"];
                assert!(o.home_visits || !at_home.contains(&o.service_code), "{o:?}");
                assert!(o.transport || o.service_code != "SOCIAL-TAXI-TRIP", "{o:?}");
                assert!(o.languages[0] == "ru" && o.languages[1..].iter().all(|l| *l == "en"));
                let sentences = o.description.matches(['.', '!', '?']).count();
                assert!((1..=3).contains(&sentences), "{}", o.description);
            }
            assert!(offers(&providers).any(|o| o.languages.len() > 1));
            assert!(offers(&providers).any(|o| o.sign_language));
        }
    }

    #[test]
    fn texts_inflect_so_that_a_search_finds_other_forms() {
        for (region, providers) in all() {
            let palliative: Vec<&DemoOffer> = offers(&providers)
                .filter(|o| o.service_code.starts_with("PAL-"))
                .collect();
            let in_text = |form: &str| palliative.iter().any(|o| o.description.contains(form));
            assert!(in_text("паллиативной помощи"), "{region:?}");
            assert!(in_text("паллиативную помощь"), "{region:?}");
            assert!(
                palliative
                    .iter()
                    .any(|o| o.title.contains("Паллиативная помощь"))
            );
        }
    }

    #[test]
    fn names_emails_and_phones_are_unique_and_emails_are_example_ascii() {
        let (mut names, mut emails, mut phones) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for p in all().iter().flat_map(|(_, providers)| providers) {
            assert!(names.insert(p.short_name.clone()), "{}", p.short_name);
            assert!(emails.insert(p.email.clone()), "{}", p.email);
            assert!(phones.insert(p.phone.clone()), "{}", p.phone);
            let (mailbox, domain) = p.email.split_once('@').expect("an @");
            assert!(
                !mailbox.is_empty() && domain.ends_with(".example"),
                "{}",
                p.email
            );
            assert!(
                domain
                    .split('.')
                    .all(|label| (1..=63).contains(&label.len()))
            );
            let allowed =
                |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "@.-".contains(c);
            assert!(p.email.chars().all(allowed), "{}", p.email);
        }
    }

    #[test]
    fn no_string_is_empty_or_keeps_a_placeholder() {
        for p in all().iter().flat_map(|(_, providers)| providers) {
            let texts = [
                &p.full_name,
                &p.short_name,
                &p.inn,
                &p.ogrn,
                &p.address,
                &p.phone,
            ];
            let texts = texts.into_iter().chain([&p.email, &p.description]);
            let offer_texts = p
                .offers
                .iter()
                .flat_map(|o| [&o.title, &o.description, &o.schedule]);
            let texts = texts.chain(offer_texts).map(String::as_str);
            for text in texts.chain([p.municipality]) {
                assert!(!text.trim().is_empty(), "{p:?}");
                assert!(!text.contains('{') && !text.contains("  "), "{text}");
            }
        }
    }

    #[test]
    fn the_same_data_every_time() {
        for region in DemoRegion::ALL {
            assert_eq!(demo_providers(region), demo_providers(region));
        }
    }

    #[test]
    fn helpers_follow_the_published_examples() {
        // Sberbank's INN and OGRN, and an individual's INN from the taxid tests.
        assert_eq!(with_inn_check("770708389"), "7707083893");
        assert_eq!(
            with_inn_check(&with_inn_check("1588139986")),
            "158813998680"
        );
        assert_eq!(with_mod_check("102770013219", 11), "1027700132195");
        assert_eq!(slug("Школа плавания «Дельфин»"), "shkola-plavaniya-delfin");
        assert_eq!(
            slug("Жар-птица, Щёкино и Подъём"),
            "zhar-ptitsa-shchekino-i-podem"
        );
    }
}
