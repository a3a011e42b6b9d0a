# Українська. Кожне повідомлення має бути і в en.ftl, і в ru.ftl, з тими самими змінними
# (це перевіряє тест у src/i18n.rs).
#
# Роки після числа: [one] 1, 21, 31 рік; [few] 2-4, 22-24 роки; [many] 0, 5-20, 25 років;
# [other] дробові (1,5 року).

## Категорії отримувачів

category-disability-group-1 = інвалідність I групи
category-disability-group-2 = інвалідність II групи
category-disability-group-3 = інвалідність III групи
category-disabled-child = дитина з інвалідністю
category-pensioner = пенсіонер
category-large-family = багатодітна сімʼя
category-maternity-leave = відпустка по догляду за дитиною
category-low-income = малозабезпечена сімʼя
category-veteran = ветеран

## Відмови за умовами програми

refusal-too-young = Мінімальний вік учасника програми — { $min } { NUMBER($min) ->
        [one] рік
        [few] роки
        [many] років
       *[other] року
    }, а отримувачеві { $age } { NUMBER($age) ->
        [one] рік
        [few] роки
        [many] років
       *[other] року
    }.
refusal-too-old = Максимальний вік учасника програми — { $max } { NUMBER($max) ->
        [one] рік
        [few] роки
        [many] років
       *[other] року
    }, а отримувачеві { $age } { NUMBER($age) ->
        [one] рік
        [few] роки
        [many] років
       *[other] року
    }.
refusal-wrong-municipality = Програма не діє в громаді «{ $municipality }», де проживає отримувач.
refusal-missing-category = { $count ->
        [1] Потрібен документ, що підтверджує категорію: { $categories }.
       *[other] Потрібен документ, що підтверджує одну з категорій: { $categories }.
    }
refusal-category-expired = Документ про категорію «{ $category }» діяв до { $valid_to } включно: принесіть чинний документ.
refusal-low-income-required = Потрібен чинний документ про визнання сімʼї малозабезпеченою.

## Друкований сертифікат

cert-title = Соціальний сертифікат
cert-page-title = Соціальний сертифікат № { $number }
cert-number = Номер
cert-holder = Отримувач
cert-program = Програма
cert-value = Номінал
cert-units = Послуги
cert-valid = Строк дії
cert-valid-range = з { $from } по { $to }
cert-status = Статус
cert-issued-on = Дата видачі
cert-qr-label = QR-код з номером сертифіката { $number }

cert-status-draft = Чернетка, ще не виданий
cert-status-issued = Виданий, ще не активований
cert-status-active = Діє
cert-status-exhausted = Використаний
cert-status-expired = Строк дії минув
cert-status-revoked = Відкликаний

## Портал: рамка кожної сторінки

portal-skip-to-content = Перейти до основного вмісту
portal-site-tagline = соціальні сертифікати
portal-languages-label = Мова
portal-main-nav-label = Головне меню
portal-signed-in-as = Ви увійшли як
portal-sign-in = Увійти
portal-sign-out = Вийти
portal-nav-home = Головна
portal-nav-search = Знайти послугу
portal-nav-open-data = Відкриті дані
portal-nav-certificates = Мої сертифікати
portal-nav-officer = Зведення
portal-footer-text = socert ведуть регіональні органи соціального захисту. Реєстр надавачів відкритий для всіх.
portal-footer-api = API для розробників
portal-error-prefix = Помилка:
portal-form-errors = Будь ласка, виправте

## Портал: сторінки помилок

portal-error-not-found-title = Сторінку не знайдено
portal-error-not-found-text = За цією адресою сторінки немає. Перевірте адресу або почніть з головної сторінки.
portal-error-forbidden-title = Доступ заборонено
portal-error-forbidden-text = Ваш обліковий запис не дає доступу до цієї сторінки. Якщо це помилка, зверніться до вашого органу соцзахисту.
portal-error-internal-title = Щось пішло не так
portal-error-internal-text = Сторінку не вдалося показати через помилку на нашому боці. Спробуйте ще раз за кілька хвилин.
portal-error-request-id = Якщо звертатиметеся до підтримки, назвіть цей номер:
portal-error-home = На головну сторінку

## Портал: головна

portal-home-title = Соціальний сертифікат: гроші йдуть за вами
portal-home-lead = Соціальний сертифікат — це ваше право на соціальну послугу, яку оплачує регіон. Хто її надасть, обираєте ви: державна установа, громадська організація чи компанія з відкритого реєстру.
portal-home-find = Знайти послугу
portal-home-my-certificates = Мої сертифікати
portal-how-title = Як це працює
portal-how-1-title = Отримайте сертифікат
portal-how-1-text = Зверніться до органу соціального захисту. Якщо ви маєте право на послугу, вам видадуть сертифікат із номіналом і строком дії.
portal-how-2-title = Оберіть надавача
portal-how-2-text = Знайдіть послугу поруч із домом у реєстрі. У кожній пропозиції вказано ціну, скільки покриває сертифікат і чи є доплата.
portal-how-3-title = Отримайте послугу
portal-how-3-text = Надавач надає послугу й фіксує її. Ви підтверджуєте кожне відвідування або оскаржуєте його.
portal-how-4-title = Регіон платить надавачеві
portal-how-4-text = Після вашого підтвердження надавач отримує оплату з коштів сертифіката. Кожен рух балансу ви бачите.
portal-home-who-title = Якщо ви представляєте іншу людину
portal-home-who-text = Батьки, опікуни й піклувальники бачать сертифікати своїх підопічних і користуються ними з одного облікового запису.

## Портал: пошук

portal-search-title = Знайти послугу
portal-search-title-errors = Помилка: знайти послугу
portal-search-heading = Знайти соціальну послугу
portal-search-text = Що ви шукаєте?
portal-search-text-hint = Наприклад: догляд удома, плавання, соціальне таксі.
portal-search-authority = Регіон
portal-search-any-authority = Усі регіони
portal-search-category = Вид послуги
portal-search-any-category = Усі види
portal-search-municipality = Місто або район
portal-search-features = Доступність
portal-search-free-seats = Лише де є вільні місця
portal-search-order = Порядок результатів
portal-search-sort = Сортувати
portal-search-sort-relevance = за відповідністю
portal-search-sort-price = спершу дешевші
portal-search-sort-distance = спершу ближчі
portal-search-lat = Ваша широта
portal-search-lon = Ваша довгота
portal-search-coords-hint = Потрібні для сортування за відстанню, наприклад 48,48 і 135,07.
portal-search-submit = Знайти
portal-search-results = Результати
portal-search-nothing = Нічого не знайдено. Спробуйте інші слова або приберіть частину фільтрів.
portal-search-error-lat = Вкажіть широту числом від -90 до 90.
portal-search-error-lon = Вкажіть довготу числом від -180 до 180.
portal-search-error-both = Вкажіть і широту, і довготу — або жодної.
portal-search-error-distance = Щоб сортувати за відстанню, вкажіть широту й довготу.
portal-next-page = Наступна сторінка
portal-price = Ціна за одиницю
portal-normative = Регіон оплачує до
portal-covered = Покриває сертифікат
portal-copay = Ваша доплата
portal-no-copay = немає
portal-free-seats = Вільних місць
portal-distance = { $km } км
portal-feature-wheelchair-access = Доступно на візку
portal-feature-sign-language = Жестова мова
portal-feature-home-visits = Виїзд додому
portal-feature-transport = Підвезення

## Портал: види послуг

portal-category-palliative-care = Паліативна допомога
portal-category-home-care = Догляд удома
portal-category-extra-education = Позашкільна освіта
portal-category-school-tourism = Дитячий туризм
portal-category-social-taxi = Соціальне таксі
portal-category-short-term-childcare = Короткочасний догляд за дітьми
portal-category-care-for-seriously-ill = Догляд за тяжкохворими
portal-category-employment-training = Профнавчання та сприяння зайнятості
portal-category-sports = Спорт
portal-category-sanatorium = Санаторно-курортне лікування
portal-category-homeless-support = Допомога бездомним

## Портал: пропозиції та надавачі

portal-offer-by = Надавач:
portal-offer-price-title = Скільки це коштує вам
portal-offer-price-hint = Сертифікат оплачує послугу в межах нормативу регіону за одиницю; різницю понад норматив ви доплачуєте за домовленістю з надавачем.
portal-offer-details = Подробиці
portal-offer-authority = Регіон
portal-offer-municipality = Місто або район
portal-offer-address = Адреса
portal-offer-schedule = Розклад
portal-offer-normative = Норматив за одиницю
portal-offer-free-seats = Вільних місць
portal-seats = { $free } з { $capacity }
portal-offer-ages = Вік
portal-offer-languages = Мови
portal-back-to-search = Повернутися до пошуку
portal-legal-form-state = Державна установа
portal-legal-form-municipal = Комунальна установа
portal-legal-form-ngo = Громадська організація
portal-legal-form-business = Комерційна організація
portal-legal-form-individual-entrepreneur = Фізична особа — підприємець
portal-provider-full-name = Повна назва
portal-provider-legal-form = Організаційна форма
portal-provider-phone = Телефон
portal-provider-email = Електронна пошта
portal-provider-tax-id = Податковий номер
portal-provider-website = Сайт
portal-provider-offers = Послуги
portal-provider-no-offers = У цього надавача ще немає опублікованих пропозицій.

## Портал: відкриті дані

portal-open-data-title = Відкриті дані
portal-open-data-lead = Реєстр допущених надавачів та їхніх пропозицій — відкриті дані: їх можна завантажувати, використовувати й будувати на них власні сервіси.
portal-open-data-privacy = Банківські реквізити не публікуються, а податкові номери фізичних осіб — підприємців не показуються, бо вони вказують на конкретну людину.
portal-open-data-downloads = Завантажити реєстр
portal-open-data-scope = Реєстр
portal-open-data-all = Усі регіони
portal-open-data-json = Завантажити JSON
portal-open-data-csv = Завантажити CSV
portal-open-data-schema = Один запис на пропозицію; суми в копійках. Нові стовпці додаються лише в кінець.

## Портал: вхід

portal-login-title = Вхід
portal-login-title-error = Помилка: вхід
portal-login-heading = Вхід до socert
portal-login-login = Логін (електронна пошта)
portal-login-password = Пароль
portal-login-error-credentials = Неправильний логін або пароль. Перевірте обидва й спробуйте ще раз.
portal-login-error-expired = Форма застаріла. Введіть логін і пароль ще раз.
portal-login-error-throttled = Забагато невдалих спроб. Спробуйте знову через { $seconds } { $seconds ->
        [one] секунду
        [few] секунди
       *[other] секунд
    }.

## Портал: кабінет отримувача

portal-certificates-title = Мої сертифікати
portal-certificates-nobody = Ваш обліковий запис поки не повʼязаний із жодним отримувачем. Зверніться до органу соцзахисту, який видав сертифікат.
portal-certificates-none = Сертифікатів поки немає.
portal-certificate-number = Сертифікат №
portal-cert-available = Доступно
portal-cert-held = Зарезервовано під записи
portal-cert-print = Надрукувати сертифікат
portal-cert-back = Усі мої сертифікати
portal-cert-history = Історія балансу
portal-cert-history-empty = Рухів коштів ще не було.
portal-cert-history-date = Дата
portal-cert-history-what = Операція
portal-cert-history-amount = Сума
portal-cert-history-balance = Залишок після
portal-tx-transfer = Переказ
portal-tx-hold = Резерв під запис на послугу
portal-tx-capture = Оплата надавачеві
portal-tx-release = Зняття резерву
portal-tx-reversal = Виправлення (сторно)
portal-tx-adjustment = Коригування органом соцзахисту

## Портал: зведення фахівця

portal-officer-title = Зведення
portal-officer-programs = Програми
portal-officer-no-programs = Програм поки немає.
portal-officer-period = Період
portal-officer-budget = Залишок бюджету
portal-officer-live = Чинних сертифікатів
portal-officer-quota = Квота
portal-officer-no-quota = без обмеження
portal-officer-waiting = У черзі
portal-officer-review = Заявки надавачів на розгляді
portal-officer-review-none = Заявок на розгляді немає.
portal-officer-services = послуг:
portal-admission-applied = подана
portal-admission-under-review = на розгляді

## Портал: кабінет фахівця (заявки надавачів, програми, отримувачі)

portal-officer-link-programs = Програми та бюджет
portal-officer-link-admissions = Заявки надавачів
portal-officer-link-recipients = Знайти отримувача
portal-officer-admission-applied = подана
portal-officer-admission-under-review = на розгляді
portal-officer-admission-admitted = включено до реєстру
portal-officer-admission-rejected = відхилена
portal-officer-admission-suspended = призупинено
portal-officer-admission-excluded = виключено
portal-officer-queues = Заявки за статусом
portal-officer-queue-awaiting = Чекають рішення
portal-officer-queue-admitted = У реєстрі
portal-officer-queue-suspended = Призупинені
portal-officer-queue-rejected = Відхилені
portal-officer-queue-excluded = Виключені
portal-officer-queue-awaiting-title = Заявки надавачів, що чекають рішення
portal-officer-queue-admitted-title = Надавачі в реєстрі
portal-officer-queue-suspended-title = Призупинені надавачі
portal-officer-queue-rejected-title = Відхилені заявки
portal-officer-queue-excluded-title = Виключені надавачі
portal-officer-queue-empty = Тут нікого немає.
# $count: скільки надавачів у списку.
portal-officer-queue-count = { $count ->
        [one] { $count } надавач
        [few] { $count } надавачі
       *[many] { $count } надавачів
    }
portal-officer-provider = Надавач
portal-officer-status = Статус
portal-officer-applied = Дата заявки
portal-officer-services-count = Послуги
# $provider: коротка назва надавача.
portal-officer-admission-title = Заявка: { $provider }
portal-officer-admission-title-error = Помилка: заявка { $provider }
portal-officer-back-to-queue = До списку заявок
portal-officer-provider-full-name = Повна назва
portal-officer-provider-legal-form = Організаційно-правова форма
portal-officer-provider-tax-id = Податковий номер
portal-officer-provider-registration = Реєстраційний номер
portal-officer-provider-address = Адреса
portal-officer-provider-phone = Телефон
portal-officer-provider-email = Електронна пошта
portal-officer-reason = Зазначена причина
portal-officer-legal-form-state = державна установа
portal-officer-legal-form-municipal = комунальна установа
portal-officer-legal-form-ngo = неприбуткова організація
portal-officer-legal-form-business = комерційна організація
portal-officer-legal-form-individual-entrepreneur = фізична особа-підприємець
portal-officer-services-applied = Заявлені послуги
portal-officer-documents = Документи
portal-officer-documents-none = Надавач не додав документів.
# $kb: розмір файлу в кілобайтах.
portal-officer-document-size = { $kb } КБ
portal-officer-decision = Рішення
portal-officer-decision-none = Щодо цієї заявки рішень більше ухвалити не можна.
portal-officer-decision-legend = Яке рішення ви ухвалюєте?
portal-officer-event-start-review = Почати розгляд
portal-officer-event-admit = Включити до реєстру
portal-officer-event-reject = Відхилити заявку
portal-officer-event-suspend = Призупинити
portal-officer-event-reinstate = Відновити
portal-officer-event-exclude = Виключити з реєстру
portal-officer-reason-label = Причина
portal-officer-reason-hint = Обов'язкова для відхилення, призупинення та виключення. Її побачить надавач, отримувачі отримають повідомлення.
portal-officer-decide = Записати рішення
portal-officer-decided = Рішення записано.
portal-officer-error-event = Оберіть рішення.
portal-officer-error-reason = Зазначте причину, яку побачить надавач.
portal-officer-error-transition = Це рішення вже неможливе: статус заявки змінився. Перевірте його та ухваліть рішення знову.
portal-officer-programs-title = Програми та бюджет
portal-officer-allocated = Передано на сертифікати
portal-officer-available = Залишок на сертифікатах
portal-officer-held = Зарезервовано під записи
portal-officer-spent = Сплачено надавачам
portal-officer-certificates = Сертифікати
portal-officer-find-title = Знайти отримувача
portal-officer-find-title-error = Помилка: знайти отримувача
portal-officer-find-heading = Знайти отримувача
portal-officer-national-id = РНОКПП (або СНІЛС)
portal-officer-national-id-hint = Лише цифри або як у документі, наприклад 112-233-445 95.
portal-officer-find = Знайти
portal-officer-error-national-id = Номер зазначено неправильно: перевірте цифри.
portal-officer-error-no-recipient = Отримувача з таким номером у вашому органі немає.
portal-officer-back-to-find = Знайти іншого отримувача
portal-officer-recipient-title = Особова справа отримувача
portal-officer-recipient-title-error = Помилка: особова справа отримувача
portal-officer-recipient-name = ПІБ
portal-officer-recipient-birth = Дата народження
portal-officer-recipient-national-id = Ідентифікаційний номер
portal-officer-recipient-municipality = Громада
portal-officer-recipient-address = Адреса
portal-officer-recipient-categories = Категорії
portal-officer-held-certificates = Сертифікати
portal-officer-no-certificates = Сертифікатів в отримувача немає.
portal-officer-certificate-number = Номер
portal-officer-issue = Видати сертифікат
portal-officer-issue-button = Видати
portal-officer-error-program = Оберіть програму вашого органу.
portal-officer-outcome-issued = Сертифікат видано.
portal-officer-outcome-already-issued = Отримувач уже має сертифікат цієї програми; новий не видано.
portal-officer-outcome-waitlisted = Квоту або бюджет програми вичерпано: отримувача поставлено в чергу.
portal-officer-link-bulk = Видати за списком
portal-officer-bulk-title = Видача сертифікатів за списком
portal-officer-bulk-title-error = Помилка: видача сертифікатів за списком
portal-officer-bulk-lead = Завантажте CSV-файл зі списком отримувачів: кожен рядок перевіряється, людей зіставляють за ідентифікаційним номером або реєструють, і їм видають сертифікати. Повторне завантаження того самого файлу нічого не видає двічі.
portal-officer-bulk-file = CSV-файл зі списком отримувачів
portal-officer-bulk-file-hint = UTF-8, роздільник — кома або крапка з комою, перший рядок — заголовок (стовпці як у документації API).
portal-officer-bulk-submit = Завантажити та видати
portal-officer-bulk-again = Завантажити інший файл
portal-officer-error-file-empty = Оберіть файл для завантаження.
# $detail: що не так із файлом.
portal-officer-error-file = Файл не вдалося прочитати як список отримувачів: { $detail }
portal-officer-run-title-running = Триває видача сертифікатів…
portal-officer-run-title-done = Видачу завершено
portal-officer-run-running = Файл обробляється.
portal-officer-run-refresh = Оновіть сторінку, щоб побачити перебіг роботи
portal-officer-run-failed = Обробка зупинилася через помилку. Оброблені рядки збережено; завантажте файл знову, щоб завершити.
portal-officer-run-file = Файл
portal-officer-run-progress = Оброблено рядків
# $done: оброблено рядків; $total: рядків у файлі.
portal-officer-run-rows = { $done } з { $total }
portal-officer-run-issued = Видано
portal-officer-run-waitlisted = Поставлено в чергу
portal-officer-run-already = Уже мали сертифікат
portal-officer-run-refused = Відмовлено
portal-officer-run-download = Завантажити повний звіт (CSV)
portal-officer-run-report = Рядки, що потребують уваги
portal-officer-run-report-empty = Сертифікати видано за всіма рядками.
portal-officer-run-line = Рядок
portal-officer-run-outcome = Результат
portal-officer-run-field = Поле
portal-officer-run-message = Що не так
portal-officer-outcome-word-waitlisted = у черзі
portal-officer-outcome-word-refused = відмова
portal-officer-link-settlement = Розрахунки
portal-officer-batch-open = очікує оплати
portal-officer-batch-paid = сплачено
portal-officer-settlement-title = Розрахунки з надавачами
portal-officer-settlement-title-error = Помилка: розрахунки з надавачами
portal-officer-resolved = Спірний запис про надання послуги розглянуто.
portal-officer-open-claims = Несплачених заявок на оплату:
portal-officer-settle = Закрити період
portal-officer-period-to = Сплатити заявки за періоди, що закінчуються не пізніше
portal-officer-period-to-hint = Схвалені заявки групуються за надавачами в один платіжний реєстр.
portal-officer-settle-button = Сформувати реєстр
portal-officer-batches = Платіжні реєстри
portal-officer-batches-none = Платіжних реєстрів поки немає.
portal-officer-batch-period = Період по
portal-officer-batch-total = Сума
portal-officer-batch-payments = Платежів
portal-officer-batch-claims = Заявок
portal-officer-batch-paid-on = Дата оплати
portal-officer-disputes = Спірні записи про надання послуг
portal-officer-disputes-none = Спірних записів немає.
portal-officer-units = одиниць:
portal-officer-dispute-reason = Отримувач повідомляє:
portal-officer-dispute-confirm = Послугу надано: сплатити
portal-officer-dispute-void = Послугу не надано: анулювати
portal-officer-error-date = Зазначте дату, наприклад 2026-12-15.
portal-officer-error-nothing-to-settle = Схвалених заявок за періоди, що закінчуються не пізніше цієї дати, немає.
portal-officer-back-to-settlement = До розрахунків
portal-officer-batch-title = Платіжний реєстр
portal-officer-batch-title-error = Помилка: платіжний реєстр
portal-officer-register-csv = Завантажити реєстр платежів (CSV)
portal-officer-register-xlsx = Завантажити реєстр платежів (Excel)
portal-officer-payments = Платежі
portal-officer-bank-account = Рахунок
portal-officer-amount = Сума
portal-officer-lines = Рядків про надання
portal-officer-pay = Позначити оплату банком
portal-officer-batch-reference = Номер платіжного доручення
portal-officer-pay-button = Позначити реєстр сплаченим
portal-officer-error-reference = Зазначте номер платіжного доручення.
portal-officer-link-complaints = Скарги
portal-officer-complaint-open = Нові
portal-officer-complaint-in-review = На розгляді
portal-officer-complaint-upheld = Задоволені
portal-officer-complaint-dismissed = Відхилені
portal-officer-complaint-withdrawn = Відкликані
portal-officer-complaint-statuses = Скарги за статусом
# $status: статус скарг у списку.
portal-officer-complaints-title = Скарги: { $status }
portal-officer-complaint-filed = Дата подання
portal-officer-complaint-age = Очікує
# $count: повних днів від подання скарги.
portal-officer-days = { $count ->
        [one] { $count } день
        [few] { $count } дні
       *[many] { $count } днів
    }
portal-officer-complaint-title = Скарга
portal-officer-complaint-title-error = Помилка: скарга
portal-officer-back-to-complaints = До списку скарг
portal-officer-complaint-response = Надана відповідь
portal-officer-complaint-words = Текст скарги
portal-officer-complaint-closed = Скаргу закрито.
portal-officer-complaint-event-start-review = Почати розгляд
portal-officer-complaint-event-uphold = Задовольнити: скарга обґрунтована
portal-officer-complaint-event-dismiss = Відхилити: скарга не обґрунтована
portal-officer-response-label = Відповідь отримувачу
portal-officer-response-hint = Обов'язкова, щоб задовольнити або відхилити скаргу. Отримувач прочитає її в повідомленнях.
portal-officer-error-response = Напишіть відповідь, яку прочитає отримувач.
portal-officer-link-audit = Журнал аудиту
portal-officer-audit-title = Журнал аудиту
portal-officer-audit-title-error = Помилка: журнал аудиту
portal-officer-audit-kind = Об'єкт
portal-officer-audit-kind-any = будь-який
portal-officer-audit-from = З
portal-officer-audit-to = По
portal-officer-audit-filter = Показати
portal-officer-audit-csv = Завантажити в CSV
portal-officer-audit-none = Відповідних подій немає.
portal-officer-audit-at = Коли
portal-officer-audit-actor = Хто
portal-officer-audit-action = Дія
portal-officer-audit-object = Об'єкт
portal-officer-audit-older = Давніші події
