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
portal-officer-bulk-lead = Загрузите CSV-файл со списком получателей: каждая строка проверяется, люди сопоставляются по СНИЛС или регистрируются, и им выдаются сертификаты. Повторная загрузка того же файла ничего не выдаёт дважды.
portal-officer-bulk-file = CSV-файл со списком получателей
portal-officer-bulk-file-hint = UTF-8, разделитель — запятая или точка с запятой, первая строка — заголовок (столбцы как в документации API).
portal-officer-bulk-submit = Загрузить и выдать
portal-officer-bulk-again = Загрузить другой файл
portal-officer-error-file-empty = Выберите файл для загрузки.
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
