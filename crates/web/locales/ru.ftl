# Русский. Каждое сообщение должно быть и в en.ftl, и в uk.ftl, с теми же переменными
# (это проверяет тест в src/i18n.rs).
#
# Годы после числа: [one] 1, 21, 31 год; [few] 2-4, 22-24 года; [many] 0, 5-20, 25 лет;
# [other] дробные (1,5 года).

## Категории получателей

category-disability-group-1 = инвалидность I группы
category-disability-group-2 = инвалидность II группы
category-disability-group-3 = инвалидность III группы
category-disabled-child = ребёнок-инвалид
category-pensioner = пенсионер
category-large-family = многодетная семья
category-maternity-leave = отпуск по уходу за ребёнком
category-low-income = малоимущая семья
category-veteran = ветеран

## Отказы по условиям программы

refusal-too-young = Минимальный возраст участника программы — { $min } { NUMBER($min) ->
        [one] год
        [few] года
        [many] лет
       *[other] года
    }, а получателю { $age } { NUMBER($age) ->
        [one] год
        [few] года
        [many] лет
       *[other] года
    }.
refusal-too-old = Максимальный возраст участника программы — { $max } { NUMBER($max) ->
        [one] год
        [few] года
        [many] лет
       *[other] года
    }, а получателю { $age } { NUMBER($age) ->
        [one] год
        [few] года
        [many] лет
       *[other] года
    }.
refusal-wrong-municipality = Программа не действует в муниципальном образовании «{ $municipality }», где живёт получатель.
refusal-missing-category = { $count ->
        [1] Нужен документ, подтверждающий категорию: { $categories }.
       *[other] Нужен документ, подтверждающий одну из категорий: { $categories }.
    }
refusal-category-expired = Документ о категории «{ $category }» действовал по { $valid_to }: принесите действующий документ.
refusal-low-income-required = Нужен действующий документ о признании семьи малоимущей.

## Печатный сертификат

cert-title = Социальный сертификат
cert-page-title = Социальный сертификат № { $number }
cert-number = Номер
cert-holder = Получатель
cert-program = Программа
cert-value = Номинал
cert-units = Услуги
cert-valid = Срок действия
cert-valid-range = с { $from } по { $to }
cert-status = Статус
cert-issued-on = Дата выдачи
cert-qr-label = QR-код с номером сертификата { $number }

cert-status-draft = Черновик, ещё не выдан
cert-status-issued = Выдан, ещё не активирован
cert-status-active = Действует
cert-status-exhausted = Израсходован
cert-status-expired = Срок истёк
cert-status-revoked = Отозван

## Портал: рамка каждой страницы

portal-skip-to-content = Перейти к основному содержанию
portal-site-tagline = социальные сертификаты
portal-languages-label = Язык
portal-main-nav-label = Главное меню
portal-signed-in-as = Вы вошли как
portal-sign-in = Войти
portal-sign-out = Выйти
portal-nav-home = Главная
portal-nav-search = Найти услугу
portal-nav-open-data = Открытые данные
portal-nav-certificates = Мои сертификаты
portal-nav-officer = Сводка
portal-footer-text = socert ведут региональные органы социальной защиты. Реестр поставщиков открыт для всех.
portal-footer-api = API для разработчиков
portal-error-prefix = Ошибка:
portal-form-errors = Исправьте, пожалуйста

## Портал: страницы ошибок

portal-error-not-found-title = Страница не найдена
portal-error-not-found-text = По этому адресу страницы нет. Проверьте адрес или начните с главной страницы.
portal-error-forbidden-title = Доступ запрещён
portal-error-forbidden-text = Ваша учётная запись не даёт доступа к этой странице. Если это ошибка, обратитесь в ваш орган соцзащиты.
portal-error-internal-title = Что-то пошло не так
portal-error-internal-text = Страницу не удалось показать из-за ошибки на нашей стороне. Попробуйте ещё раз через несколько минут.
portal-error-request-id = Если будете обращаться в поддержку, назовите этот номер:
portal-error-home = На главную страницу

## Портал: главная

portal-home-title = Социальный сертификат: деньги следуют за вами
portal-home-lead = Социальный сертификат — это ваше право на социальную услугу, которую оплачивает регион. Кто её окажет, выбираете вы: государственное учреждение, некоммерческая организация или компания из открытого реестра.
portal-home-find = Найти услугу
portal-home-my-certificates = Мои сертификаты
portal-how-title = Как это работает
portal-how-1-title = Получите сертификат
portal-how-1-text = Обратитесь в орган социальной защиты. Если вы имеете право на услугу, вам выдадут сертификат с номиналом и сроком действия.
portal-how-2-title = Выберите поставщика
portal-how-2-text = Найдите услугу рядом с домом в реестре. У каждого предложения указаны цена, сколько покрывает сертификат и есть ли доплата.
portal-how-3-title = Получите услугу
portal-how-3-text = Поставщик оказывает услугу и отмечает её. Вы подтверждаете каждое посещение или оспариваете его.
portal-how-4-title = Регион платит поставщику
portal-how-4-text = После вашего подтверждения поставщик получает оплату из средств сертификата. Каждое движение по балансу видно вам.
portal-home-who-title = Если вы представляете другого человека
portal-home-who-text = Родители, опекуны и попечители видят сертификаты своих подопечных и пользуются ими из одной учётной записи.

## Портал: поиск

portal-search-title = Найти услугу
portal-search-title-errors = Ошибка: найти услугу
portal-search-heading = Найти социальную услугу
portal-search-text = Что вы ищете?
portal-search-text-hint = Например: уход на дому, плавание, социальное такси.
portal-search-authority = Регион
portal-search-any-authority = Все регионы
portal-search-category = Вид услуги
portal-search-any-category = Все виды
portal-search-municipality = Город или район
portal-search-features = Доступность
portal-search-free-seats = Только где есть свободные места
portal-search-order = Порядок результатов
portal-search-sort = Сортировать
portal-search-sort-relevance = по соответствию
portal-search-sort-price = сначала дешевле
portal-search-sort-distance = сначала ближе
portal-search-lat = Ваша широта
portal-search-lon = Ваша долгота
portal-search-coords-hint = Нужны для сортировки по расстоянию, например 48,48 и 135,07.
portal-search-submit = Найти
portal-search-results = Результаты
portal-search-nothing = Ничего не найдено. Попробуйте другие слова или уберите часть фильтров.
portal-search-error-lat = Укажите широту числом от -90 до 90.
portal-search-error-lon = Укажите долготу числом от -180 до 180.
portal-search-error-both = Укажите и широту, и долготу — или ни то ни другое.
portal-search-error-distance = Чтобы сортировать по расстоянию, укажите широту и долготу.
portal-next-page = Следующая страница
portal-price = Цена за единицу
portal-normative = Регион оплачивает до
portal-covered = Покрывает сертификат
portal-copay = Ваша доплата
portal-no-copay = нет
portal-free-seats = Свободных мест
portal-distance = { $km } км
portal-feature-wheelchair-access = Доступно на коляске
portal-feature-sign-language = Жестовый язык
portal-feature-home-visits = Выезд на дом
portal-feature-transport = Подвоз

## Портал: виды услуг

portal-category-palliative-care = Паллиативная помощь
portal-category-home-care = Уход на дому
portal-category-extra-education = Дополнительное образование
portal-category-school-tourism = Детский туризм
portal-category-social-taxi = Социальное такси
portal-category-short-term-childcare = Кратковременный присмотр за детьми
portal-category-care-for-seriously-ill = Уход за тяжелобольными
portal-category-employment-training = Профобучение и содействие занятости
portal-category-sports = Спорт
portal-category-sanatorium = Санаторно-курортное лечение
portal-category-homeless-support = Помощь бездомным

## Портал: предложения и поставщики

portal-offer-by = Поставщик:
portal-offer-price-title = Сколько это стоит вам
portal-offer-price-hint = Сертификат оплачивает услугу в пределах норматива региона за единицу; разницу сверх норматива вы доплачиваете по договорённости с поставщиком.
portal-offer-details = Подробности
portal-offer-authority = Регион
portal-offer-municipality = Город или район
portal-offer-address = Адрес
portal-offer-schedule = Расписание
portal-offer-normative = Норматив за единицу
portal-offer-free-seats = Свободных мест
portal-seats = { $free } из { $capacity }
portal-offer-ages = Возраст
portal-offer-languages = Языки
portal-back-to-search = Вернуться к поиску
portal-legal-form-state = Государственное учреждение
portal-legal-form-municipal = Муниципальное учреждение
portal-legal-form-ngo = Некоммерческая организация
portal-legal-form-business = Коммерческая организация
portal-legal-form-individual-entrepreneur = Индивидуальный предприниматель
portal-provider-full-name = Полное наименование
portal-provider-legal-form = Организационная форма
portal-provider-phone = Телефон
portal-provider-email = Электронная почта
portal-provider-tax-id = ИНН
portal-provider-website = Сайт
portal-provider-offers = Услуги
portal-provider-no-offers = У этого поставщика пока нет опубликованных предложений.

## Портал: открытые данные

portal-open-data-title = Открытые данные
portal-open-data-lead = Реестр допущенных поставщиков и их предложений — открытые данные: их можно скачивать, использовать и строить на них свои сервисы.
portal-open-data-privacy = Банковские реквизиты не публикуются, а ИНН индивидуальных предпринимателей не показывается, потому что он указывает на конкретного человека.
portal-open-data-downloads = Скачать реестр
portal-open-data-scope = Реестр
portal-open-data-all = Все регионы
portal-open-data-json = Скачать JSON
portal-open-data-csv = Скачать CSV
portal-open-data-schema = Одна запись на предложение; суммы в копейках. Новые столбцы добавляются только в конец.

## Портал: вход

portal-login-title = Вход
portal-login-title-error = Ошибка: вход
portal-login-heading = Вход в socert
portal-login-login = Логин (электронная почта)
portal-login-password = Пароль
portal-login-error-credentials = Неверный логин или пароль. Проверьте оба и попробуйте ещё раз.
portal-login-error-expired = Форма устарела. Введите логин и пароль ещё раз.
portal-login-error-throttled = Слишком много неудачных попыток. Попробуйте снова через { $seconds } { $seconds ->
        [one] секунду
        [few] секунды
       *[other] секунд
    }.

## Портал: кабинет получателя

portal-certificates-title = Мои сертификаты
portal-certificates-nobody = Ваша учётная запись пока не связана ни с одним получателем. Обратитесь в орган соцзащиты, выдавший сертификат.
portal-certificates-none = Сертификатов пока нет.
portal-certificate-number = Сертификат №
portal-cert-available = Доступно
portal-cert-held = Зарезервировано под записи
portal-cert-print = Распечатать сертификат
portal-cert-back = Все мои сертификаты
portal-cert-history = История баланса
portal-cert-history-empty = Движений пока не было.
portal-cert-history-date = Дата
portal-cert-history-what = Операция
portal-cert-history-amount = Сумма
portal-cert-history-balance = Остаток после
portal-tx-transfer = Перевод
portal-tx-hold = Резерв под запись на услугу
portal-tx-capture = Оплата поставщику
portal-tx-release = Снятие резерва
portal-tx-reversal = Исправление (сторно)
portal-tx-adjustment = Корректировка органом соцзащиты

## Портал: сводка специалиста

portal-officer-title = Сводка
portal-officer-programs = Программы
portal-officer-no-programs = Программ пока нет.
portal-officer-period = Период
portal-officer-budget = Остаток бюджета
portal-officer-live = Действующих сертификатов
portal-officer-quota = Квота
portal-officer-no-quota = без ограничения
portal-officer-waiting = В очереди
portal-officer-review = Заявки поставщиков на рассмотрении
portal-officer-review-none = Заявок на рассмотрении нет.
portal-officer-services = услуг:
portal-admission-applied = подана
portal-admission-under-review = на рассмотрении

## Portal: recipient cabinet (enrolling, enrollments, deliveries, notifications, complaints)

portal-recipient-nav-enrollments = Записи на услуги
portal-recipient-nav-deliveries = Оказанные услуги
portal-recipient-nav-notifications = Уведомления
portal-recipient-nav-notifications-unread = { $count ->
    [one] Уведомления ({ $count } новое)
    [few] Уведомления ({ $count } новых)
    [many] Уведомления ({ $count } новых)
   *[other] Уведомления ({ $count } новых)
}
portal-recipient-nav-complaints = Жалобы
portal-recipient-enroll = Записаться по этому предложению
portal-recipient-enroll-title = Запись: { $offer }
portal-recipient-enroll-title-errors = Проверьте форму: { $offer }
portal-recipient-enroll-heading = Запись к поставщику
portal-recipient-no-certificate = Ни у кого из тех, за кого вы действуете, нет действующего сертификата этого региона, который оплатил бы это предложение.
portal-recipient-certificate = Сертификат
portal-recipient-certificate-option = № { $number } — { $program } — { $person } (доступно { $available })
portal-recipient-volume = Объём услуги
portal-recipient-volume-hint = Посещения, часы или занятия — как считает поставщик.
portal-recipient-starts-on = Дата начала
portal-recipient-starts-on-hint = Сегодня или позже; услуга оказывается до последнего дня действия сертификата.
portal-recipient-show-quote = Показать стоимость
portal-recipient-quote-title = Сколько это стоит
portal-recipient-price-per-unit = Цена за единицу
portal-recipient-normative-per-unit = Сертификат оплачивает за единицу не более
portal-recipient-period = Период
portal-recipient-total = Всего
portal-recipient-copay-agree = Я согласен(на) доплатить поставщику
portal-recipient-enroll-submit = Записаться
portal-recipient-units = { $count ->
    [one] { $count } единица
    [few] { $count } единицы
    [many] { $count } единиц
   *[other] { $count } единицы
}
portal-recipient-error-certificate = Выберите сертификат, которым оплачивается услуга.
portal-recipient-error-volume = Введите целое число единиц от 1 до 10000.
portal-recipient-error-starts-on = Введите дату начала в виде ГГГГ-ММ-ДД.
portal-recipient-error-stars = Выберите от 1 до 5 звёзд.
portal-recipient-error-complaint-empty = Опишите, что пошло не так.
portal-recipient-error-complaint-long = Жалоба слишком длинная: не более 4000 знаков.
portal-recipient-refused-certificate-not-active = Сертификат не действует: оплачивать услуги может только действующий сертификат.
portal-recipient-refused-offer-of-other-authority = Предложение относится к другому региону, чем сертификат.
portal-recipient-refused-provider-not-admitted = Поставщик сейчас не допущен в реестр.
portal-recipient-refused-service-not-in-program = Программа сертификата не оплачивает эту услугу.
portal-recipient-refused-offer-full = Все места по этому предложению заняты.
portal-recipient-refused-outside-validity = Услуга должна начинаться сегодня или позже и укладываться в срок действия сертификата.
portal-recipient-refused-funding-cap-reached = Программа уже профинансировала все сертификаты, какие могла.
portal-recipient-refused-already-ending = Эта запись уже завершается.
portal-recipient-refused-reason-required = Опишите, что было не так: это прочтут поставщик и специалист.
portal-recipient-refused-nothing-to-rate = Оценить поставщика можно после подтверждения оказанной услуги.
portal-recipient-refused-invalid-complaint = Жалобу в таком виде подать нельзя.
portal-recipient-refused-illegal-transition = Это уже невозможно: за это время всё изменилось.
portal-recipient-refused-copay-not-agreed = Отметьте согласие на доплату или выберите другое предложение.
portal-recipient-refused-not-covered = Сертификат не оплачивает эту услугу.
portal-recipient-refused-zero-units = Запишитесь хотя бы на одну единицу услуги.
portal-recipient-refused-insufficient-funds = На сертификате недостаточно средств.
portal-recipient-refused-idempotency-key-reused = Эта форма уже была отправлена с другими данными: откройте её заново.
portal-recipient-refused-invalid = Какое-то значение указано неверно.
portal-recipient-refused-other = Отказано. Проверьте данные и попробуйте ещё раз.
portal-recipient-enrollments-title = Мои записи на услуги
portal-recipient-enrollments-none = Записей пока нет. Найдите услугу и запишитесь на её странице.
portal-recipient-enrollment-title = Запись: { $offer }
portal-recipient-enrollment-title-errors = Проверьте форму: { $offer }
portal-recipient-enrollment-requested = Заявка отправлена, ждёт поставщика
portal-recipient-enrollment-active = Действует
portal-recipient-enrollment-completed = Завершена
portal-recipient-enrollment-cancelled = Отменена
portal-recipient-enrollment-declined = Отклонена поставщиком
portal-recipient-enrollment-ending = Завершается { $date }
portal-recipient-enrollment-suspended = деятельность поставщика приостановлена
portal-recipient-offer-gone = (предложение больше не публикуется)
portal-recipient-offer-link = Предложение
portal-recipient-provider-link = Поставщик
portal-recipient-service = Услуга
portal-recipient-provider = Поставщик
portal-recipient-status = Состояние
portal-recipient-delivered = Оказано на сегодня
portal-recipient-captured = Оплачено поставщику
portal-recipient-reason = Причина
portal-recipient-back = Все мои записи
portal-recipient-cancel = Отменить или сменить поставщика
portal-recipient-cancel-title = Отменить запись?
portal-recipient-cancel-active = Услуга продолжится до конца срока уведомления, установленного органом соцзащиты; затем удержанные по записи средства вернутся на сертификат.
portal-recipient-cancel-requested = Поставщик ещё не принял заявку: она отзывается, и деньги сразу возвращаются на сертификат.
portal-recipient-cancel-switch = Чтобы сменить поставщика, отмените запись здесь и запишитесь по другому предложению.
portal-recipient-cancel-confirm = Да, отменить запись
portal-recipient-cancel-keep = Нет, оставить
portal-recipient-deliveries-of = Оказанные услуги
portal-recipient-deliveries-none = Оказанных услуг пока не записано.
portal-recipient-deliveries-go = Подтвердить или оспорить
portal-recipient-delivered-on = Когда оказана
portal-recipient-worker = Кто оказал
portal-recipient-delivery-recorded = Ждёт вашего подтверждения
portal-recipient-delivery-confirmed = Подтверждена
portal-recipient-delivery-disputed = Оспорена
portal-recipient-delivery-auto-confirmed = Подтверждена автоматически
portal-recipient-delivery-voided = Аннулирована
portal-recipient-confirm-due = Будет подтверждена автоматически { $date }, если вы её не оспорите.
portal-recipient-deliveries-title = Оказанные услуги
portal-recipient-deliveries-title-errors = Проверьте форму: оказанные услуги
portal-recipient-deliveries-heading = Подтверждение оказанных услуг
portal-recipient-awaiting = Ждут вашего ответа
portal-recipient-awaiting-none = Ничего не ждёт вашего подтверждения.
portal-recipient-confirm = Подтвердить: оказано, как записано
portal-recipient-dispute-reason = Что было не так (чтобы оспорить)
portal-recipient-dispute = Оспорить
portal-recipient-earlier = Ранее оказанные услуги
portal-recipient-rating-title = Оценить поставщика
portal-recipient-rating-legend = Ваша оценка
portal-recipient-rate-not-yet = Оценить поставщика можно после подтверждения оказанной услуги.
portal-recipient-rated = { $count ->
    [one] Ваша оценка: { $count } звезда
    [few] Ваша оценка: { $count } звезды
    [many] Ваша оценка: { $count } звёзд
   *[other] Ваша оценка: { $count } звезды
}
portal-recipient-stars = { $count ->
    [one] { $count } звезда
    [few] { $count } звезды
    [many] { $count } звёзд
   *[other] { $count } звезды
}
portal-recipient-rate = Сохранить оценку
portal-recipient-complaint-title = Подать жалобу
portal-recipient-complaint-text = Что пошло не так
portal-recipient-complaint-hint = Её прочтут только вы, ваши представители и специалисты органа соцзащиты. Не более 4000 знаков.
portal-recipient-complaint-submit = Подать жалобу
portal-recipient-notifications-title = Уведомления
portal-recipient-notifications-unread = Непрочитанных:
portal-recipient-notifications-none = Уведомлений нет.
portal-recipient-new = Новое
portal-recipient-mark-read = Отметить прочитанным
portal-recipient-notice-enrollment-requested = Ваша заявка на запись отправлена поставщику.
portal-recipient-notice-enrollment-accepted = Поставщик принял вашу запись.
portal-recipient-notice-enrollment-declined = Поставщик отклонил запись; деньги вернулись на сертификат.
portal-recipient-notice-enrollment-ended = Запись на услугу завершилась.
portal-recipient-notice-delivery-to-confirm = Оказанная услуга ждёт вашего подтверждения.
portal-recipient-notice-delivery-auto-confirmed = Оказанная услуга подтверждена автоматически.
portal-recipient-notice-auto-confirmation-soon = Скоро услуга будет подтверждена автоматически: проверьте её.
portal-recipient-notice-complaint-decided = Орган соцзащиты ответил на вашу жалобу.
portal-recipient-notice-provider-suspended = Деятельность вашего поставщика временно приостановлена.
portal-recipient-notice-provider-excluded = Ваш поставщик исключён из реестра; запись завершена.
portal-recipient-notice-other = В ваших записях произошли изменения.
portal-recipient-complaints-title = Мои жалобы
portal-recipient-complaints-none = Жалоб нет.
portal-recipient-filed-on = Подана
portal-recipient-complaint-yours = Ваша жалоба
portal-recipient-complaint-response = Ответ специалиста
portal-recipient-complaint-open = Подана
portal-recipient-complaint-in-review = Рассматривается
portal-recipient-complaint-upheld = Удовлетворена
portal-recipient-complaint-dismissed = Отклонена
portal-recipient-complaint-withdrawn = Отозвана
portal-recipient-withdraw = Отозвать жалобу
portal-recipient-person = Человек
portal-recipient-person-all = Все
portal-recipient-person-show = Показать
portal-recipient-print-toolbar = Действия с сертификатом
portal-recipient-print-back = Вернуться к сертификату
portal-recipient-print = Распечатать
portal-recipient-locate = Определить моё местоположение
portal-recipient-locate-waiting = Определяем местоположение…
portal-recipient-locate-done = Координаты заполнены.
portal-recipient-locate-failed = Не удалось определить местоположение: введите его вручную.
portal-recipient-sort-rating = сначала с лучшим рейтингом
portal-recipient-provider-rating = Рейтинг поставщика
portal-recipient-rating-summary = { $count ->
    [one] { $average } ★ ({ $count } оценка)
    [few] { $average } ★ ({ $count } оценки)
    [many] { $average } ★ ({ $count } оценок)
   *[other] { $average } ★ ({ $count } оценки)
}
portal-recipient-rating-none = оценок пока нет
portal-recipient-how-title = Как это работает
portal-recipient-how-more = Как работает социальный сертификат — по шагам
portal-recipient-how-lead = Социальный сертификат — это деньги, которые регион выделяет на нужную вам услугу. Вы выбираете, кто её окажет, а сертификат оплачивает работу.
portal-recipient-how-contents = Содержание
portal-recipient-how-who-title = Кто может получить сертификат
portal-recipient-how-who-text = В каждой программе органа соцзащиты вашего региона сказано, для кого она: например, для пожилых людей, которым нужен уход на дому, или для семей детей с инвалидностью. Узнайте в местном отделении, в какие программы вы можете подать заявление.
portal-recipient-how-get-title = Получение сертификата
portal-recipient-how-get-text = Орган соцзащиты проверяет документы и выдаёт сертификат с номером, номиналом и сроком действия. Сертификат и его остаток видны в разделе «Мои сертификаты», его можно распечатать.
portal-recipient-how-choose-title = Выбор поставщика
portal-recipient-how-choose-text = Ищите в открытом реестре: каждого поставщика в нём проверил орган соцзащиты. Сравнивайте цены, оплачиваемую сертификатом часть, расстояние, доступность и оценки других семей.
portal-recipient-how-enroll-title = Запись на услугу
portal-recipient-how-enroll-text = На странице предложения нажмите «Записаться», укажите объём услуги и дату начала и сначала посмотрите стоимость. Если цена выше того, что оплачивает сертификат, вы увидите доплату и решите, согласны ли вы. Затем поставщик принимает заявку.
portal-recipient-how-confirm-title = Подтверждение оказанных услуг
portal-recipient-how-confirm-text = Поставщик записывает каждое посещение или занятие. Вы подтверждаете запись или оспариваете её, если всё было не так. Записи без ответа подтверждаются автоматически через несколько дней.
portal-recipient-how-switch-title = Смена поставщика
portal-recipient-how-switch-text = Запись можно отменить в любой момент и записаться к другому поставщику. Услуга продолжается до конца срока уведомления, неизрасходованные деньги возвращаются на сертификат.
portal-recipient-how-complain-title = Если что-то пошло не так
portal-recipient-how-complain-text = Подайте жалобу со страницы записи. Специалист органа соцзащиты рассмотрит её и ответит; пока жалоба рассматривается, её можно отозвать. После подтверждения услуги можно также оценить поставщика.
portal-recipient-how-data-title = Ваши персональные данные
portal-recipient-how-data-text = Ваши данные видят только вы, люди, которым вы доверили действовать за вас, и специалисты органа соцзащиты. Каждое открытие вашего дела специалистом записывается.
## Портал: кабинет поставщика

portal-nav-provider = Кабинет поставщика
portal-provider-tabs-label = Кабинет поставщика
portal-provider-tab-dashboard = Допуск
portal-provider-tab-offers = Предложения
portal-provider-tab-requests = Заявки
portal-provider-tab-deliveries = Оказание услуг
portal-provider-tab-claims = Счета
portal-provider-choose-title = Выберите поставщика
portal-provider-choose = Выберите…
portal-provider-done-applied = Заявление отправлено в орган соцзащиты.
portal-provider-done-document = Документ приложен к заявлению.
portal-provider-done-published = Предложение опубликовано.
portal-provider-done-accepted = Заявка принята: получатель зачислен.
portal-provider-done-declined = Заявка отклонена; получателю сообщена причина.
portal-provider-done-recorded = Оказание услуги записано; получателя попросят его подтвердить.
portal-provider-done-claimed = Счёт выставлен.
portal-provider-dashboard-title = Кабинет поставщика
portal-provider-admissions = Допуск в регионах
portal-provider-admissions-none = Поставщик ещё не подавал заявлений.
portal-provider-admission-status = Статус
portal-provider-admission-reason = Причина, указанная органом
portal-provider-admission-services = Услуги
portal-provider-admission-applied = Заявление подано, ждёт рассмотрения
portal-provider-admission-under-review = На рассмотрении
portal-provider-admission-admitted = Допущен
portal-provider-admission-rejected = Отказано
portal-provider-admission-suspended = Допуск приостановлен
portal-provider-admission-excluded = Исключён из реестра
portal-provider-documents = Документы
portal-provider-documents-none = Документы ещё не приложены.
portal-provider-doc-size = { $kib } КБ
portal-provider-doc-file = Приложить документ
portal-provider-doc-hint = Файл PDF, JPEG или PNG до 10 МБ: лицензия, устав, свидетельство о регистрации.
portal-provider-doc-upload = Приложить
portal-provider-doc-error-missing = Выберите файл.
portal-provider-doc-error-size = Файл больше 10 МБ.
portal-provider-doc-error-name = У файла нет пригодного имени; переименуйте его и попробуйте снова.
portal-provider-doc-error-type = Принимаются только файлы PDF, JPEG и PNG.
portal-provider-apply = Подать заявление о допуске
portal-provider-apply-services = Услуги, которые вы хотите оказывать: 
portal-provider-apply-submit = Подать заявление
portal-provider-apply-error-services = Выберите хотя бы одну услугу.
portal-provider-offers-title = Предложения
portal-provider-offers-title-errors = Предложения: исправьте форму
portal-provider-offers-list = Ваши предложения
portal-provider-offers-none = Предложений пока нет.
portal-provider-offer-title = Название
portal-provider-offer-municipality = Населённый пункт
portal-provider-offer-price = Цена за единицу
portal-provider-offer-capacity = Мест
portal-provider-offer-seats = свободно { $free } из { $capacity } { $capacity ->
        [one] места
       *[other] мест
    }
portal-provider-publish = Опубликовать новое предложение
portal-provider-publish-not-admitted = Публиковать предложения можно после допуска поставщика органом соцзащиты.
portal-provider-offer-service = Услуга и регион
portal-provider-offer-title-ru = Название на русском
portal-provider-offer-title-uk = Название на украинском
portal-provider-offer-title-en = Название на английском
portal-provider-offer-title-hint = Укажите название хотя бы на одном языке.
portal-provider-offer-description = Описание
portal-provider-offer-price-hint = В валюте региона, например 650,00.
portal-provider-offer-schedule = Расписание
portal-provider-offer-address = Адрес
portal-provider-offer-latitude = Широта
portal-provider-offer-longitude = Долгота
portal-provider-offer-coords-hint = Необязательно; укажите обе координаты или ни одной, например 48.4802 и 135.0719.
portal-provider-offer-age-min = Возраст от
portal-provider-offer-age-max = Возраст до
portal-provider-offer-accessibility = Доступность
portal-provider-offer-languages = Языки оказания услуги
portal-provider-publish-submit = Опубликовать
portal-provider-offer-error-service = Выберите услугу, по которой поставщик допущен.
portal-provider-offer-error-title-ru = Укажите название хотя бы на одном языке.
portal-provider-offer-error-price = Укажите цену больше нуля, например 650,00.
portal-provider-offer-error-capacity = Укажите число мест — целое число больше нуля.
portal-provider-offer-error-address = Укажите адрес и населённый пункт.
portal-provider-offer-error-latitude = Укажите широту числом от -90 до 90 вместе с долготой.
portal-provider-offer-error-longitude = Укажите долготу числом от -180 до 180 вместе с широтой.
portal-provider-offer-error-age-min = Укажите возраст целым числом лет.
portal-provider-offer-error-age-max = Укажите возраст целым числом лет, не меньше возраста «от».
portal-provider-offer-error-lang-ru = Выберите языки из списка.
portal-provider-requests-title = Заявки на зачисление
portal-provider-requests-none = Заявок, ждущих решения, нет.
portal-provider-request-id = Номер зачисления
portal-provider-request-volume = Запрошено единиц
portal-provider-request-period = Период
portal-provider-request-total = Сумма
portal-provider-request-copay = Доплата получателя
portal-provider-accept = Принять
portal-provider-decline = Отклонить
portal-provider-decline-reason = Причина отказа (её прочтёт получатель)
portal-provider-decline-error-reason = Укажите причину отказа.
portal-provider-refused-offer-full = Свободных мест в предложении не осталось.
portal-provider-refused-reason-required = Укажите причину.
portal-provider-refused-provider-not-admitted = Поставщик не допущен к этой услуге.
portal-provider-refused-invalid-period = Период не может заканчиваться раньше, чем начинается.
portal-provider-refused-nothing-to-claim = За этот период нет подтверждённых и ещё не предъявленных услуг.
portal-provider-refused-conflict = Тем временем это кто-то изменил; посмотрите ещё раз.
portal-provider-refused-other = Сейчас это сделать нельзя; на странице — текущее состояние.
portal-provider-deliveries-title = Оказание услуг
portal-provider-record = Записать оказанную услугу
portal-provider-record-none = Нет действующих зачислений, по которым можно записать услугу.
portal-provider-record-submit = Записать
portal-provider-enrollment-option = { $offer } — оказано { $recorded } из { $volume } — { $id }
portal-provider-column-enrollment-id = Зачисление
portal-provider-column-delivered-on = Дата
portal-provider-column-delivered-at = Время
portal-provider-column-units = Единиц
portal-provider-column-worker = Кто оказал
portal-provider-column-note = Примечание
portal-provider-delivery-code-zero-units = Укажите хотя бы одну единицу.
portal-provider-delivery-code-not-active = Зачисление не действует.
portal-provider-delivery-code-out-of-period = Дата вне периода зачисления.
portal-provider-delivery-code-over-volume = Это больше, чем осталось единиц по зачислению.
portal-provider-delivery-code-no-enrollment = Выберите зачисление этого поставщика.
portal-provider-delivery-code-invalid = Строку не удалось прочитать.
portal-provider-delivery-error-enrollment = Выберите зачисление этого поставщика.
portal-provider-delivery-error-delivered-on = Укажите дату оказания услуги.
portal-provider-delivery-error-units = Укажите число единиц — целое число больше нуля.
portal-provider-delivery-error-worker = Укажите, кто оказал услугу (до 200 символов).
portal-provider-delivery-error-note = Примечание длиннее 2000 символов.
portal-provider-csv = Загрузить файл с оказанными услугами
portal-provider-csv-hint = Файл CSV или книга Excel (.xlsx), первая строка которых называет столбцы:
portal-provider-csv-file = Файл CSV или XLSX
portal-provider-csv-submit = Загрузить и записать
portal-provider-csv-report = Отчёт по файлу
portal-provider-csv-summary = Записано: { $recorded }. Отклонено: { $refused }.
portal-provider-csv-line = Строка
portal-provider-csv-outcome = Результат
portal-provider-csv-reason = Причина
portal-provider-csv-recorded = записана
portal-provider-csv-refused = отклонена
portal-provider-csv-why = { $reason } (столбец { $column })
portal-provider-csv-error-missing = Выберите регион и файл CSV или XLSX.
portal-provider-csv-error-size = Файл больше 10 МБ.
portal-provider-csv-error-file = Файл не удалось прочитать как таблицу со столбцами, названными ниже.
portal-provider-claims-title = Счета
portal-provider-claim-new = Выставить счёт
portal-provider-claim-hint = В счёт входят все подтверждённые и ещё не предъявленные услуги периода; каждая строка проверяется и одобряется или отклоняется с указанием причины.
portal-provider-claim-from = Первый день периода
portal-provider-claim-to = Последний день периода
portal-provider-claim-submit = Выставить счёт
portal-provider-claim-error-authority = Выберите регион.
portal-provider-claim-error-date = Укажите дату.
portal-provider-claim-error-order = Последний день не может быть раньше первого.
portal-provider-claims-list = Выставленные счета
portal-provider-claims-none = Счетов пока нет.
portal-provider-claim-lines-title = Строки
portal-provider-claim-lines = одобрено { $approved } из { $lines } { $lines ->
        [one] строки
       *[other] строк
    }
portal-provider-claim-approved = Одобрено
portal-provider-claim-submitted = одобрен, ждёт оплаты
portal-provider-claim-in-batch = в реестре на оплату
portal-provider-claim-paid = оплачен
portal-provider-claim-title = Счёт за { $period }
portal-provider-claim-units = одобрено { $approved } из { $claimed }
portal-provider-line-approved = одобрена
portal-provider-line-rejected = отклонена
portal-provider-line-paid = оплачена
portal-provider-line-reason-no-enrollment = Запись об оказании не относится к зачислению этого поставщика.
portal-provider-line-reason-over-volume = Единиц больше, чем в записи об оказании, или объём зачисления исчерпан.
portal-provider-line-reason-price-mismatch = Цена отличается от согласованной при зачислении.
portal-provider-line-reason-duplicate = Эта запись об оказании уже предъявлена к оплате.
portal-provider-line-reason-not-confirmed = Получатель не подтвердил оказание, и срок подтверждения ещё не истёк.
portal-provider-line-reason-out-of-period = Услуга оказана вне периода счёта или сроков зачисления.
portal-provider-balance = Расчёты
portal-provider-balance-payable = Одобрено, не оплачено
portal-provider-balance-paid = Оплачено
portal-provider-inbox = Сообщения
portal-provider-inbox-none = Сообщений пока нет.
portal-provider-inbox-new = Новое:
portal-provider-inbox-enrollment-requested = Семья просит зачислить её по одному из ваших предложений.
portal-provider-inbox-enrollment-accepted = Зачисление принято.
portal-provider-inbox-enrollment-declined = В зачислении отказано.
portal-provider-inbox-enrollment-ended = Зачисление завершено.
portal-provider-inbox-delivery-to-confirm = Оказание услуги ждёт подтверждения получателя.
portal-provider-inbox-auto-confirmation-soon = Оказание услуги скоро будет подтверждено автоматически.
portal-provider-inbox-delivery-auto-confirmed = Оказание услуги подтверждено автоматически.
portal-provider-inbox-delivery-disputed = Получатель оспаривает оказание услуги.
portal-provider-inbox-provider-suspended = Орган приостановил допуск поставщика.
portal-provider-inbox-provider-excluded = Орган исключил поставщика из реестра.
portal-provider-inbox-claim-decided = Счёт проверен.
portal-provider-inbox-payment-made = Орган произвёл оплату.
## Портал: кабинет специалиста (заявки поставщиков, программы, получатели)

portal-officer-link-programs = Программы и бюджет
portal-officer-link-admissions = Заявки поставщиков
portal-officer-link-recipients = Найти получателя
portal-officer-admission-applied = подана
portal-officer-admission-under-review = на рассмотрении
portal-officer-admission-admitted = включён в реестр
portal-officer-admission-rejected = отклонена
portal-officer-admission-suspended = приостановлен
portal-officer-admission-excluded = исключён
portal-officer-queues = Заявки по статусу
portal-officer-queue-awaiting = Ждут решения
portal-officer-queue-admitted = В реестре
portal-officer-queue-suspended = Приостановлены
portal-officer-queue-rejected = Отклонены
portal-officer-queue-excluded = Исключены
portal-officer-queue-awaiting-title = Заявки поставщиков, ждущие решения
portal-officer-queue-admitted-title = Поставщики в реестре
portal-officer-queue-suspended-title = Приостановленные поставщики
portal-officer-queue-rejected-title = Отклонённые заявки
portal-officer-queue-excluded-title = Исключённые поставщики
portal-officer-queue-empty = Здесь никого нет.
# $count: сколько поставщиков в списке.
portal-officer-queue-count = { $count ->
        [one] { $count } поставщик
        [few] { $count } поставщика
       *[many] { $count } поставщиков
    }
portal-officer-provider = Поставщик
portal-officer-status = Статус
portal-officer-applied = Дата заявки
portal-officer-services-count = Услуги
# $provider: краткое наименование поставщика.
portal-officer-admission-title = Заявка: { $provider }
portal-officer-admission-title-error = Ошибка: заявка { $provider }
portal-officer-back-to-queue = К списку заявок
portal-officer-provider-full-name = Полное наименование
portal-officer-provider-legal-form = Организационно-правовая форма
portal-officer-provider-tax-id = ИНН
portal-officer-provider-registration = ОГРН / ОГРНИП
portal-officer-provider-address = Адрес
portal-officer-provider-phone = Телефон
portal-officer-provider-email = Электронная почта
portal-officer-reason = Указанная причина
portal-officer-legal-form-state = государственное учреждение
portal-officer-legal-form-municipal = муниципальное учреждение
portal-officer-legal-form-ngo = некоммерческая организация
portal-officer-legal-form-business = коммерческая организация
portal-officer-legal-form-individual-entrepreneur = индивидуальный предприниматель
portal-officer-services-applied = Заявленные услуги
portal-officer-documents = Документы
portal-officer-documents-none = Поставщик не приложил документов.
# $kb: размер файла в килобайтах.
portal-officer-document-size = { $kb } КБ
portal-officer-decision = Решение
portal-officer-decision-none = По этой заявке решений больше принять нельзя.
portal-officer-decision-legend = Какое решение вы принимаете?
portal-officer-event-start-review = Начать рассмотрение
portal-officer-event-admit = Включить в реестр
portal-officer-event-reject = Отклонить заявку
portal-officer-event-suspend = Приостановить
portal-officer-event-reinstate = Возобновить
portal-officer-event-exclude = Исключить из реестра
portal-officer-reason-label = Причина
portal-officer-reason-hint = Обязательна при отклонении, приостановлении и исключении. Её увидит поставщик, получателям придёт уведомление.
portal-officer-decide = Записать решение
portal-officer-decided = Решение записано.
portal-officer-error-event = Выберите решение.
portal-officer-error-reason = Укажите причину, которую увидит поставщик.
portal-officer-error-transition = Это решение уже невозможно: статус заявки изменился. Проверьте его и примите решение снова.
portal-officer-programs-title = Программы и бюджет
portal-officer-allocated = Передано на сертификаты
portal-officer-available = Остаток на сертификатах
portal-officer-held = Зарезервировано под записи
portal-officer-spent = Оплачено поставщикам
portal-officer-certificates = Сертификаты
portal-officer-find-title = Найти получателя
portal-officer-find-title-error = Ошибка: найти получателя
portal-officer-find-heading = Найти получателя
portal-officer-national-id = СНИЛС (или РНОКПП)
portal-officer-national-id-hint = Только цифры или как в документе, например 112-233-445 95.
portal-officer-find = Найти
portal-officer-error-national-id = Номер указан неверно: проверьте цифры.
portal-officer-error-no-recipient = Получателя с таким номером в вашем ведомстве нет.
portal-officer-back-to-find = Найти другого получателя
portal-officer-recipient-title = Личное дело получателя
portal-officer-recipient-title-error = Ошибка: личное дело получателя
portal-officer-recipient-name = ФИО
portal-officer-recipient-birth = Дата рождения
portal-officer-recipient-national-id = СНИЛС
portal-officer-recipient-municipality = Муниципальное образование
portal-officer-recipient-address = Адрес
portal-officer-recipient-categories = Категории
portal-officer-held-certificates = Сертификаты
portal-officer-no-certificates = Сертификатов у получателя нет.
portal-officer-certificate-number = Номер
portal-officer-issue = Выдать сертификат
portal-officer-issue-button = Выдать
portal-officer-error-program = Выберите программу вашего ведомства.
portal-officer-outcome-issued = Сертификат выдан.
portal-officer-outcome-already-issued = У получателя уже есть сертификат этой программы; новый не выдан.
portal-officer-outcome-waitlisted = Квота или бюджет программы исчерпаны: получатель поставлен в очередь.
portal-officer-link-bulk = Выдать по списку
portal-officer-bulk-title = Выдача сертификатов по списку
portal-officer-bulk-title-error = Ошибка: выдача сертификатов по списку
portal-officer-bulk-lead = Загрузите список получателей (CSV или книгу Excel): каждая строка проверяется, люди сопоставляются по СНИЛС или регистрируются, и им выдаются сертификаты. Повторная загрузка того же файла ничего не выдаёт дважды.
portal-officer-bulk-file = Файл со списком получателей (CSV или XLSX)
portal-officer-bulk-file-hint = CSV: UTF-8, разделитель — запятая или точка с запятой, первая строка — заголовок. XLSX: первый лист; название над строкой заголовка пропускается. Столбцы как в документации API.
portal-officer-bulk-template = Скачать пустой список для заполнения (XLSX, столбцы названы и отформатированы)
portal-officer-bulk-submit = Загрузить и выдать
portal-officer-bulk-again = Загрузить другой файл
portal-officer-error-file-empty = Выберите файл для загрузки.
portal-officer-error-file-size = Файл больше { $megabytes } МБ: разделите список на несколько файлов.
# $detail: что не так с файлом.
portal-officer-error-file = Файл не удалось прочитать как список получателей: { $detail }
portal-officer-run-title-running = Идёт выдача сертификатов…
portal-officer-run-title-done = Выдача завершена
portal-officer-run-running = Файл обрабатывается.
portal-officer-run-refresh = Обновите страницу, чтобы увидеть ход работы
portal-officer-run-failed = Обработка остановилась из-за ошибки. Обработанные строки сохранены; загрузите файл снова, чтобы закончить.
portal-officer-run-file = Файл
portal-officer-run-progress = Обработано строк
# $done: обработано строк; $total: строк в файле.
portal-officer-run-rows = { $done } из { $total }
portal-officer-run-issued = Выдано
portal-officer-run-waitlisted = Поставлено в очередь
portal-officer-run-already = Уже имели сертификат
portal-officer-run-refused = Отказано
portal-officer-run-download = Скачать полный отчёт (CSV)
portal-officer-run-report = Строки, требующие внимания
portal-officer-run-report-empty = Сертификаты выданы по всем строкам.
portal-officer-run-line = Строка
portal-officer-run-outcome = Результат
portal-officer-run-field = Поле
portal-officer-run-message = Что не так
portal-officer-outcome-word-waitlisted = в очереди
portal-officer-outcome-word-refused = отказ
portal-officer-link-settlement = Расчёты
portal-officer-batch-open = ожидает оплаты
portal-officer-batch-paid = оплачен
portal-officer-settlement-title = Расчёты с поставщиками
portal-officer-settlement-title-error = Ошибка: расчёты с поставщиками
portal-officer-resolved = Спорная запись об оказании услуги рассмотрена.
portal-officer-open-claims = Неоплаченных заявок на оплату:
portal-officer-settle = Закрыть период
portal-officer-period-to = Оплатить заявки за периоды, оканчивающиеся не позднее
portal-officer-period-to-hint = Одобренные заявки группируются по поставщикам в один платёжный реестр.
portal-officer-settle-button = Сформировать реестр
portal-officer-batches = Платёжные реестры
portal-officer-batches-none = Платёжных реестров пока нет.
portal-officer-batch-period = Период по
portal-officer-batch-total = Сумма
portal-officer-batch-payments = Платежей
portal-officer-batch-claims = Заявок
portal-officer-batch-paid-on = Дата оплаты
portal-officer-disputes = Спорные записи об оказании услуг
portal-officer-disputes-none = Спорных записей нет.
portal-officer-units = единиц:
portal-officer-dispute-reason = Получатель сообщает:
portal-officer-dispute-confirm = Услуга оказана: оплатить
portal-officer-dispute-void = Услуга не оказана: аннулировать
portal-officer-error-date = Укажите дату, например 2026-12-15.
portal-officer-error-nothing-to-settle = Одобренных заявок за периоды, оканчивающиеся не позднее этой даты, нет.
portal-officer-back-to-settlement = К расчётам
portal-officer-batch-title = Платёжный реестр
portal-officer-batch-title-error = Ошибка: платёжный реестр
portal-officer-register-csv = Скачать реестр платежей (CSV)
portal-officer-register-xlsx = Скачать реестр платежей (Excel)
portal-officer-payments = Платежи
portal-officer-bank-account = Расчётный счёт
portal-officer-amount = Сумма
portal-officer-lines = Строк об оказании
portal-officer-pay = Отметить оплату банком
portal-officer-batch-reference = Номер платёжного поручения
portal-officer-pay-button = Отметить реестр оплаченным
portal-officer-error-reference = Укажите номер платёжного поручения.
portal-officer-link-complaints = Жалобы
portal-officer-complaint-open = Новые
portal-officer-complaint-in-review = На рассмотрении
portal-officer-complaint-upheld = Удовлетворены
portal-officer-complaint-dismissed = Отклонены
portal-officer-complaint-withdrawn = Отозваны
portal-officer-complaint-statuses = Жалобы по статусу
# $status: статус жалоб в списке.
portal-officer-complaints-title = Жалобы: { $status }
portal-officer-complaint-filed = Дата подачи
portal-officer-complaint-age = Ожидает
# $count: полных дней с подачи жалобы.
portal-officer-days = { $count ->
        [one] { $count } день
        [few] { $count } дня
       *[many] { $count } дней
    }
portal-officer-complaint-title = Жалоба
portal-officer-complaint-title-error = Ошибка: жалоба
portal-officer-back-to-complaints = К списку жалоб
portal-officer-complaint-response = Данный ответ
portal-officer-complaint-words = Текст жалобы
portal-officer-complaint-closed = Жалоба закрыта.
portal-officer-complaint-event-start-review = Начать рассмотрение
portal-officer-complaint-event-uphold = Удовлетворить: жалоба обоснована
portal-officer-complaint-event-dismiss = Отклонить: жалоба не обоснована
portal-officer-response-label = Ответ получателю
portal-officer-response-hint = Обязателен, чтобы удовлетворить или отклонить жалобу. Получатель прочтёт его в уведомлениях.
portal-officer-error-response = Напишите ответ, который прочтёт получатель.
portal-officer-link-audit = Журнал аудита
portal-officer-audit-title = Журнал аудита
portal-officer-audit-title-error = Ошибка: журнал аудита
portal-officer-audit-kind = Объект
portal-officer-audit-kind-any = любой
portal-officer-audit-from = С
portal-officer-audit-to = По
portal-officer-audit-filter = Показать
portal-officer-audit-csv = Скачать в CSV
portal-officer-audit-none = Подходящих событий нет.
portal-officer-audit-at = Когда
portal-officer-audit-actor = Кто
portal-officer-audit-action = Действие
portal-officer-audit-object = Объект
portal-officer-audit-older = Более ранние события

## Кабинет поставщика: изменение предложения
portal-provider-offer-edit = Изменить
portal-provider-offer-edit-title = Изменение предложения
portal-provider-offer-edit-title-errors = Изменение предложения: исправьте форму
portal-provider-offer-edit-heading = Предложение, каким его видят семьи
portal-provider-offer-save = Сохранить изменения
portal-provider-done-saved = Предложение изменено. Уже зачисленные сохраняют согласованную цену.
portal-provider-offer-error-version = Кто-то изменил предложение после того, как вы его открыли: откройте его заново и внесите изменения там.
portal-provider-offer-error-capacity-below-seats = Занято больше мест: сначала завершите зачисления.

## Rows of uploaded files (bulk issuance reports)

taxid-snils = СНИЛС
taxid-rnokpp = РНОКПП
row-field-count = в строке { $fields } полей, а в заголовке { $header }: проверьте, нет ли лишнего или пропущенного разделителя и не нужны ли полю кавычки
row-required = поле { $field } обязательно
row-too-long = в поле { $field } не больше { $max } символов
row-same-person = этот человек уже есть в строке { $line }
row-name-digits = в имени не может быть цифр: не сдвинулись ли столбцы?
row-date-format = запишите дату как ГГГГ-ММ-ДД (или ДД.ММ.ГГГГ)
row-date-no-such-day = такого дня нет в календаре: проверьте день и месяц
row-born-in-future = дата рождения в будущем
row-born-before-1900 = дата рождения раньше 1900 года: проверьте год
row-phone = в номере телефона могут быть только цифры, пробелы и + - ( )
row-email = это не похоже на адрес электронной почты (name@example.org)
row-category-twice = категория { $category } указана дважды
row-category-unknown = неизвестная категория получателя { $name }: используйте одну из disability_group_1, disability_group_2, disability_group_3, disabled_child, pensioner, large_family, maternity_leave, low_income, veteran
row-id-length = в номере { $kind } должно быть { $digits } цифр, а не { $got }
row-id-not-digit = в номере { $kind } могут быть только цифры, пробелы и дефисы; { $found } недопустимо
row-id-control-number = контрольное число { $kind } должно быть { $expected }, а не { $found }: проверьте, нет ли опечатки в цифрах
row-id-check-digits = { $count ->
    [one] контрольная цифра
   *[other] контрольные цифры
} { $kind }: должно быть { $expected }, а не { $found }; проверьте, нет ли опечатки в цифрах
row-duplicate-other-person-with-id = возможный дубль: этот номер уже записан за человеком с другим именем или датой рождения (получатель { $recipient })
row-duplicate-same-person-other-id = возможный дубль: человек с тем же именем и датой рождения уже записан с другим номером (получатель { $recipient })
row-cell-error = в ячейке { $cell } ошибка { $error }: исправьте формулу или введите значение

## Uploaded files as a whole

file-not-utf8 = строка { $line } не в кодировке UTF-8: сохраните файл как «CSV UTF-8»
file-no-header = в файле нет заголовка
file-no-header-columns = в файле нет заголовка: первая строка должна называть столбцы ({ $columns })
file-missing-columns = в заголовке нет столбца { $missing }: строка заголовка должна называть столбцы ({ $columns })
file-duplicate-column = в заголовке дважды столбец { $column }
file-too-many-rows = в файле больше { $max } строк: разделите его на несколько файлов
file-old-excel = это книга Excel 97-2003 (.xls): сохраните её как «Книга Excel (.xlsx)» или «CSV UTF-8»
file-broken-workbook = файл не удалось прочитать как книгу XLSX ({ $detail }): сохраните его заново как «Книга Excel (.xlsx)» или «CSV UTF-8»
file-no-worksheet = в книге нет видимого листа
file-too-wide = в строке заголовка есть текст правее столбца { $max }: таблица должна начинаться с первых столбцов
