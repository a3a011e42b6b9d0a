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

## Portal: recipient cabinet (enrolling, enrollments, deliveries, notifications, complaints)

portal-recipient-nav-enrollments = Записи на послуги
portal-recipient-nav-deliveries = Надані послуги
portal-recipient-nav-notifications = Сповіщення
portal-recipient-nav-notifications-unread = { $count ->
    [one] Сповіщення ({ $count } нове)
    [few] Сповіщення ({ $count } нових)
    [many] Сповіщення ({ $count } нових)
   *[other] Сповіщення ({ $count } нових)
}
portal-recipient-nav-complaints = Скарги
portal-recipient-enroll = Записатися за цією пропозицією
portal-recipient-enroll-title = Запис: { $offer }
portal-recipient-enroll-title-errors = Перевірте форму: { $offer }
portal-recipient-enroll-heading = Запис до надавача
portal-recipient-no-certificate = Ні в кого з тих, за кого ви дієте, немає чинного сертифіката цього регіону, який оплатив би цю пропозицію.
portal-recipient-certificate = Сертифікат
portal-recipient-certificate-option = № { $number } — { $program } — { $person } (доступно { $available })
portal-recipient-volume = Обсяг послуги
portal-recipient-volume-hint = Відвідування, години або заняття — як рахує надавач.
portal-recipient-starts-on = Дата початку
portal-recipient-starts-on-hint = Сьогодні або пізніше; послуга надається до останнього дня дії сертифіката.
portal-recipient-show-quote = Показати вартість
portal-recipient-quote-title = Скільки це коштує
portal-recipient-price-per-unit = Ціна за одиницю
portal-recipient-normative-per-unit = Сертифікат оплачує за одиницю не більше
portal-recipient-period = Період
portal-recipient-total = Усього
portal-recipient-copay-agree = Я погоджуюся доплатити надавачеві
portal-recipient-enroll-submit = Записатися
portal-recipient-units = { $count ->
    [one] { $count } одиниця
    [few] { $count } одиниці
    [many] { $count } одиниць
   *[other] { $count } одиниці
}
portal-recipient-error-certificate = Оберіть сертифікат, яким оплачується послуга.
portal-recipient-error-volume = Введіть ціле число одиниць від 1 до 10000.
portal-recipient-error-starts-on = Введіть дату початку у вигляді РРРР-ММ-ДД.
portal-recipient-error-stars = Оберіть від 1 до 5 зірок.
portal-recipient-error-complaint-empty = Опишіть, що пішло не так.
portal-recipient-error-complaint-long = Скарга задовга: не більше 4000 знаків.
portal-recipient-refused-certificate-not-active = Сертифікат не чинний: оплачувати послуги може лише чинний сертифікат.
portal-recipient-refused-offer-of-other-authority = Пропозиція належить до іншого регіону, ніж сертифікат.
portal-recipient-refused-provider-not-admitted = Надавач зараз не допущений до реєстру.
portal-recipient-refused-service-not-in-program = Програма сертифіката не оплачує цю послугу.
portal-recipient-refused-offer-full = Усі місця за цією пропозицією зайняті.
portal-recipient-refused-outside-validity = Послуга має починатися сьогодні або пізніше і вкладатися в строк дії сертифіката.
portal-recipient-refused-funding-cap-reached = Програма вже профінансувала всі сертифікати, які могла.
portal-recipient-refused-already-ending = Цей запис уже завершується.
portal-recipient-refused-reason-required = Опишіть, що було не так: це прочитають надавач і фахівець.
portal-recipient-refused-nothing-to-rate = Оцінити надавача можна після підтвердження наданої послуги.
portal-recipient-refused-invalid-complaint = Скаргу в такому вигляді подати не можна.
portal-recipient-refused-illegal-transition = Це вже неможливо: за цей час усе змінилося.
portal-recipient-refused-copay-not-agreed = Позначте згоду на доплату або оберіть іншу пропозицію.
portal-recipient-refused-not-covered = Сертифікат не оплачує цю послугу.
portal-recipient-refused-zero-units = Запишіться хоча б на одну одиницю послуги.
portal-recipient-refused-insufficient-funds = На сертифікаті недостатньо коштів.
portal-recipient-refused-idempotency-key-reused = Цю форму вже було надіслано з іншими даними: відкрийте її знову.
portal-recipient-refused-invalid = Якесь значення вказано неправильно.
portal-recipient-refused-other = Відмовлено. Перевірте дані та спробуйте ще раз.
portal-recipient-enrollments-title = Мої записи на послуги
portal-recipient-enrollments-none = Записів поки немає. Знайдіть послугу і запишіться на її сторінці.
portal-recipient-enrollment-title = Запис: { $offer }
portal-recipient-enrollment-title-errors = Перевірте форму: { $offer }
portal-recipient-enrollment-requested = Заявку надіслано, чекає на надавача
portal-recipient-enrollment-active = Чинний
portal-recipient-enrollment-completed = Завершений
portal-recipient-enrollment-cancelled = Скасований
portal-recipient-enrollment-declined = Відхилений надавачем
portal-recipient-enrollment-ending = Завершується { $date }
portal-recipient-enrollment-suspended = діяльність надавача призупинено
portal-recipient-offer-gone = (пропозиція більше не публікується)
portal-recipient-offer-link = Пропозиція
portal-recipient-provider-link = Надавач
portal-recipient-service = Послуга
portal-recipient-provider = Надавач
portal-recipient-status = Стан
portal-recipient-delivered = Надано на сьогодні
portal-recipient-captured = Сплачено надавачеві
portal-recipient-reason = Причина
portal-recipient-back = Усі мої записи
portal-recipient-cancel = Скасувати або змінити надавача
portal-recipient-cancel-title = Скасувати запис?
portal-recipient-cancel-active = Послуга триватиме до кінця строку повідомлення, встановленого органом соцзахисту; потім утримані за записом кошти повернуться на сертифікат.
portal-recipient-cancel-requested = Надавач ще не прийняв заявку: її відкликано, і гроші одразу повертаються на сертифікат.
portal-recipient-cancel-switch = Щоб змінити надавача, скасуйте запис тут і запишіться за іншою пропозицією.
portal-recipient-cancel-confirm = Так, скасувати запис
portal-recipient-cancel-keep = Ні, залишити
portal-recipient-deliveries-of = Надані послуги
portal-recipient-deliveries-none = Наданих послуг поки не записано.
portal-recipient-deliveries-go = Підтвердити або оскаржити
portal-recipient-delivered-on = Коли надано
portal-recipient-worker = Хто надав
portal-recipient-delivery-recorded = Чекає вашого підтвердження
portal-recipient-delivery-confirmed = Підтверджено
portal-recipient-delivery-disputed = Оскаржено
portal-recipient-delivery-auto-confirmed = Підтверджено автоматично
portal-recipient-delivery-voided = Анульовано
portal-recipient-confirm-due = Буде підтверджено автоматично { $date }, якщо ви не оскаржите.
portal-recipient-deliveries-title = Надані послуги
portal-recipient-deliveries-title-errors = Перевірте форму: надані послуги
portal-recipient-deliveries-heading = Підтвердження наданих послуг
portal-recipient-awaiting = Чекають вашої відповіді
portal-recipient-awaiting-none = Ніщо не чекає вашого підтвердження.
portal-recipient-confirm = Підтвердити: надано, як записано
portal-recipient-dispute-reason = Що було не так (щоб оскаржити)
portal-recipient-dispute = Оскаржити
portal-recipient-earlier = Раніше надані послуги
portal-recipient-rating-title = Оцінити надавача
portal-recipient-rating-legend = Ваша оцінка
portal-recipient-rate-not-yet = Оцінити надавача можна після підтвердження наданої послуги.
portal-recipient-rated = { $count ->
    [one] Ваша оцінка: { $count } зірка
    [few] Ваша оцінка: { $count } зірки
    [many] Ваша оцінка: { $count } зірок
   *[other] Ваша оцінка: { $count } зірки
}
portal-recipient-stars = { $count ->
    [one] { $count } зірка
    [few] { $count } зірки
    [many] { $count } зірок
   *[other] { $count } зірки
}
portal-recipient-rate = Зберегти оцінку
portal-recipient-complaint-title = Подати скаргу
portal-recipient-complaint-text = Що пішло не так
portal-recipient-complaint-hint = Її прочитають лише ви, ваші представники та фахівці органу соцзахисту. Не більше 4000 знаків.
portal-recipient-complaint-submit = Подати скаргу
portal-recipient-notifications-title = Сповіщення
portal-recipient-notifications-unread = Непрочитаних:
portal-recipient-notifications-none = Сповіщень немає.
portal-recipient-new = Нове
portal-recipient-mark-read = Позначити прочитаним
portal-recipient-notice-enrollment-requested = Вашу заявку на запис надіслано надавачеві.
portal-recipient-notice-enrollment-accepted = Надавач прийняв ваш запис.
portal-recipient-notice-enrollment-declined = Надавач відхилив запис; гроші повернулися на сертифікат.
portal-recipient-notice-enrollment-ended = Запис на послугу завершився.
portal-recipient-notice-delivery-to-confirm = Надана послуга чекає вашого підтвердження.
portal-recipient-notice-delivery-auto-confirmed = Надану послугу підтверджено автоматично.
portal-recipient-notice-auto-confirmation-soon = Незабаром послугу буде підтверджено автоматично: перевірте її.
portal-recipient-notice-complaint-decided = Орган соцзахисту відповів на вашу скаргу.
portal-recipient-notice-provider-suspended = Діяльність вашого надавача тимчасово призупинено.
portal-recipient-notice-provider-excluded = Вашого надавача виключено з реєстру; запис завершено.
portal-recipient-notice-other = У ваших записах відбулися зміни.
portal-recipient-complaints-title = Мої скарги
portal-recipient-complaints-none = Скарг немає.
portal-recipient-filed-on = Подано
portal-recipient-complaint-yours = Ваша скарга
portal-recipient-complaint-response = Відповідь фахівця
portal-recipient-complaint-open = Подано
portal-recipient-complaint-in-review = Розглядається
portal-recipient-complaint-upheld = Задоволено
portal-recipient-complaint-dismissed = Відхилено
portal-recipient-complaint-withdrawn = Відкликано
portal-recipient-withdraw = Відкликати скаргу
portal-recipient-person = Людина
portal-recipient-person-all = Усі
portal-recipient-person-show = Показати
portal-recipient-print-toolbar = Дії із сертифікатом
portal-recipient-print-back = Повернутися до сертифіката
portal-recipient-print = Роздрукувати
portal-recipient-locate = Визначити моє місцезнаходження
portal-recipient-locate-waiting = Визначаємо місцезнаходження…
portal-recipient-locate-done = Координати заповнено.
portal-recipient-locate-failed = Не вдалося визначити місцезнаходження: введіть його вручну.
portal-recipient-sort-rating = спершу з найкращим рейтингом
portal-recipient-provider-rating = Рейтинг надавача
portal-recipient-rating-summary = { $count ->
    [one] { $average } ★ ({ $count } оцінка)
    [few] { $average } ★ ({ $count } оцінки)
    [many] { $average } ★ ({ $count } оцінок)
   *[other] { $average } ★ ({ $count } оцінки)
}
portal-recipient-rating-none = оцінок поки немає
portal-recipient-how-title = Як це працює
portal-recipient-how-more = Як працює соціальний сертифікат — крок за кроком
portal-recipient-how-lead = Соціальний сертифікат — це гроші, які регіон виділяє на потрібну вам послугу. Ви обираєте, хто її надасть, а сертифікат оплачує роботу.
portal-recipient-how-contents = Зміст
portal-recipient-how-who-title = Хто може отримати сертифікат
portal-recipient-how-who-text = У кожній програмі органу соцзахисту вашого регіону сказано, для кого вона: наприклад, для літніх людей, яким потрібен догляд удома, або для родин дітей з інвалідністю. Дізнайтеся в місцевому відділенні, до яких програм ви можете подати заяву.
portal-recipient-how-get-title = Отримання сертифіката
portal-recipient-how-get-text = Орган соцзахисту перевіряє документи і видає сертифікат з номером, номіналом і строком дії. Сертифікат і його залишок видно в розділі «Мої сертифікати», його можна роздрукувати.
portal-recipient-how-choose-title = Вибір надавача
portal-recipient-how-choose-text = Шукайте у відкритому реєстрі: кожного надавача в ньому перевірив орган соцзахисту. Порівнюйте ціни, частину, яку оплачує сертифікат, відстань, доступність і оцінки інших родин.
portal-recipient-how-enroll-title = Запис на послугу
portal-recipient-how-enroll-text = На сторінці пропозиції натисніть «Записатися», вкажіть обсяг послуги й дату початку та спершу подивіться вартість. Якщо ціна вища за те, що оплачує сертифікат, ви побачите доплату і вирішите, чи згодні. Потім надавач приймає заявку.
portal-recipient-how-confirm-title = Підтвердження наданих послуг
portal-recipient-how-confirm-text = Надавач записує кожне відвідування чи заняття. Ви підтверджуєте запис або оскаржуєте його, якщо все було не так. Записи без відповіді підтверджуються автоматично за кілька днів.
portal-recipient-how-switch-title = Зміна надавача
portal-recipient-how-switch-text = Запис можна скасувати будь-коли й записатися до іншого надавача. Послуга триває до кінця строку повідомлення, невитрачені гроші повертаються на сертифікат.
portal-recipient-how-complain-title = Якщо щось пішло не так
portal-recipient-how-complain-text = Подайте скаргу зі сторінки запису. Фахівець органу соцзахисту розгляне її та відповість; поки скарга розглядається, її можна відкликати. Після підтвердження послуги можна також оцінити надавача.
portal-recipient-how-data-title = Ваші персональні дані
portal-recipient-how-data-text = Ваші дані бачать лише ви, люди, яким ви довірили діяти за вас, і фахівці органу соцзахисту. Кожне відкриття вашої справи фахівцем записується.
## Портал: кабінет постачальника

portal-nav-provider = Кабінет постачальника
portal-provider-tabs-label = Кабінет постачальника
portal-provider-tab-dashboard = Допуск
portal-provider-tab-offers = Пропозиції
portal-provider-tab-requests = Заявки
portal-provider-tab-deliveries = Надання послуг
portal-provider-tab-claims = Рахунки
portal-provider-choose-title = Оберіть постачальника
portal-provider-choose = Оберіть…
portal-provider-done-applied = Заяву надіслано до органу соцзахисту.
portal-provider-done-document = Документ додано до заяви.
portal-provider-done-published = Пропозицію опубліковано.
portal-provider-done-accepted = Заявку прийнято: отримувача зараховано.
portal-provider-done-declined = Заявку відхилено; отримувачу повідомлено причину.
portal-provider-done-recorded = Надання послуги записано; отримувача попросять його підтвердити.
portal-provider-done-claimed = Рахунок виставлено.
portal-provider-dashboard-title = Кабінет постачальника
portal-provider-admissions = Допуск у регіонах
portal-provider-admissions-none = Постачальник ще не подавав заяв.
portal-provider-admission-status = Статус
portal-provider-admission-reason = Причина, зазначена органом
portal-provider-admission-services = Послуги
portal-provider-admission-applied = Заяву подано, чекає на розгляд
portal-provider-admission-under-review = На розгляді
portal-provider-admission-admitted = Допущено
portal-provider-admission-rejected = Відмовлено
portal-provider-admission-suspended = Допуск призупинено
portal-provider-admission-excluded = Виключено з реєстру
portal-provider-documents = Документи
portal-provider-documents-none = Документи ще не додано.
portal-provider-doc-size = { $kib } КБ
portal-provider-doc-file = Додати документ
portal-provider-doc-hint = Файл PDF, JPEG або PNG до 10 МБ: ліцензія, статут, свідоцтво про реєстрацію.
portal-provider-doc-upload = Додати
portal-provider-doc-error-missing = Оберіть файл.
portal-provider-doc-error-size = Файл більший за 10 МБ.
portal-provider-doc-error-name = Файл не має придатної назви; перейменуйте його і спробуйте знову.
portal-provider-doc-error-type = Приймаються лише файли PDF, JPEG і PNG.
portal-provider-apply = Подати заяву про допуск
portal-provider-apply-services = Послуги, які ви хочете надавати: 
portal-provider-apply-submit = Подати заяву
portal-provider-apply-error-services = Оберіть хоча б одну послугу.
portal-provider-offers-title = Пропозиції
portal-provider-offers-title-errors = Пропозиції: виправте форму
portal-provider-offers-list = Ваші пропозиції
portal-provider-offers-none = Пропозицій поки немає.
portal-provider-offer-title = Назва
portal-provider-offer-municipality = Населений пункт
portal-provider-offer-price = Ціна за одиницю
portal-provider-offer-capacity = Місць
portal-provider-offer-seats = вільно { $free } з { $capacity } { $capacity ->
        [one] місця
       *[other] місць
    }
portal-provider-publish = Опублікувати нову пропозицію
portal-provider-publish-not-admitted = Публікувати пропозиції можна після допуску постачальника органом соцзахисту.
portal-provider-offer-service = Послуга і регіон
portal-provider-offer-title-ru = Назва російською
portal-provider-offer-title-uk = Назва українською
portal-provider-offer-title-en = Назва англійською
portal-provider-offer-title-hint = Вкажіть назву хоча б однією мовою.
portal-provider-offer-description = Опис
portal-provider-offer-price-hint = У валюті регіону, наприклад 650,00.
portal-provider-offer-schedule = Розклад
portal-provider-offer-address = Адреса
portal-provider-offer-latitude = Широта
portal-provider-offer-longitude = Довгота
portal-provider-offer-coords-hint = Необов'язково; вкажіть обидві координати або жодної, наприклад 48.4802 і 135.0719.
portal-provider-offer-age-min = Вік від
portal-provider-offer-age-max = Вік до
portal-provider-offer-accessibility = Доступність
portal-provider-offer-languages = Мови надання послуги
portal-provider-publish-submit = Опублікувати
portal-provider-offer-error-service = Оберіть послугу, до якої постачальника допущено.
portal-provider-offer-error-title-ru = Вкажіть назву хоча б однією мовою.
portal-provider-offer-error-price = Вкажіть ціну більше нуля, наприклад 650,00.
portal-provider-offer-error-capacity = Вкажіть кількість місць — ціле число більше нуля.
portal-provider-offer-error-address = Вкажіть адресу і населений пункт.
portal-provider-offer-error-latitude = Вкажіть широту числом від -90 до 90 разом із довготою.
portal-provider-offer-error-longitude = Вкажіть довготу числом від -180 до 180 разом із широтою.
portal-provider-offer-error-age-min = Вкажіть вік цілим числом років.
portal-provider-offer-error-age-max = Вкажіть вік цілим числом років, не менше за вік «від».
portal-provider-offer-error-lang-ru = Оберіть мови зі списку.
portal-provider-requests-title = Заявки на зарахування
portal-provider-requests-none = Заявок, що чекають на рішення, немає.
portal-provider-request-id = Номер зарахування
portal-provider-request-volume = Запитано одиниць
portal-provider-request-period = Період
portal-provider-request-total = Сума
portal-provider-request-copay = Доплата отримувача
portal-provider-accept = Прийняти
portal-provider-decline = Відхилити
portal-provider-decline-reason = Причина відмови (її прочитає отримувач)
portal-provider-decline-error-reason = Вкажіть причину відмови.
portal-provider-refused-offer-full = Вільних місць у пропозиції не залишилося.
portal-provider-refused-reason-required = Вкажіть причину.
portal-provider-refused-provider-not-admitted = Постачальника не допущено до цієї послуги.
portal-provider-refused-invalid-period = Період не може закінчуватися раніше, ніж починається.
portal-provider-refused-nothing-to-claim = За цей період немає підтверджених і ще не пред'явлених послуг.
portal-provider-refused-conflict = Тим часом це хтось змінив; перегляньте ще раз.
portal-provider-refused-other = Зараз це зробити не можна; на сторінці — поточний стан.
portal-provider-deliveries-title = Надання послуг
portal-provider-record = Записати надану послугу
portal-provider-record-none = Немає чинних зарахувань, за якими можна записати послугу.
portal-provider-record-submit = Записати
portal-provider-enrollment-option = { $offer } — надано { $recorded } з { $volume } — { $id }
portal-provider-column-enrollment-id = Зарахування
portal-provider-column-delivered-on = Дата
portal-provider-column-delivered-at = Час
portal-provider-column-units = Одиниць
portal-provider-column-worker = Хто надав
portal-provider-column-note = Примітка
portal-provider-delivery-code-zero-units = Вкажіть хоча б одну одиницю.
portal-provider-delivery-code-not-active = Зарахування не чинне.
portal-provider-delivery-code-out-of-period = Дата поза періодом зарахування.
portal-provider-delivery-code-over-volume = Це більше, ніж залишилося одиниць за зарахуванням.
portal-provider-delivery-code-no-enrollment = Оберіть зарахування цього постачальника.
portal-provider-delivery-code-invalid = Рядок не вдалося прочитати.
portal-provider-delivery-error-enrollment = Оберіть зарахування цього постачальника.
portal-provider-delivery-error-delivered-on = Вкажіть дату надання послуги.
portal-provider-delivery-error-units = Вкажіть кількість одиниць — ціле число більше нуля.
portal-provider-delivery-error-worker = Вкажіть, хто надав послугу (до 200 символів).
portal-provider-delivery-error-note = Примітка довша за 2000 символів.
portal-provider-csv = Завантажити файл із наданими послугами
portal-provider-csv-hint = Файл CSV або книга Excel (.xlsx), перший рядок яких називає стовпці:
portal-provider-csv-file = Файл CSV або XLSX
portal-provider-csv-submit = Завантажити і записати
portal-provider-csv-report = Звіт за файлом
portal-provider-csv-summary = Записано: { $recorded }. Відхилено: { $refused }.
portal-provider-csv-line = Рядок
portal-provider-csv-outcome = Результат
portal-provider-csv-reason = Причина
portal-provider-csv-recorded = записано
portal-provider-csv-refused = відхилено
portal-provider-csv-why = { $reason } (стовпець { $column })
portal-provider-csv-error-missing = Оберіть регіон і файл CSV або XLSX.
portal-provider-csv-error-size = Файл більший за 10 МБ.
portal-provider-csv-error-file = Файл не вдалося прочитати як таблицю зі стовпцями, названими нижче.
portal-provider-claims-title = Рахунки
portal-provider-claim-new = Виставити рахунок
portal-provider-claim-hint = До рахунку входять усі підтверджені й ще не пред'явлені послуги періоду; кожен рядок перевіряється і схвалюється або відхиляється із зазначенням причини.
portal-provider-claim-from = Перший день періоду
portal-provider-claim-to = Останній день періоду
portal-provider-claim-submit = Виставити рахунок
portal-provider-claim-error-authority = Оберіть регіон.
portal-provider-claim-error-date = Вкажіть дату.
portal-provider-claim-error-order = Останній день не може бути раніше за перший.
portal-provider-claims-list = Виставлені рахунки
portal-provider-claims-none = Рахунків поки немає.
portal-provider-claim-lines-title = Рядки
portal-provider-claim-lines = схвалено { $approved } з { $lines } { $lines ->
        [one] рядка
       *[other] рядків
    }
portal-provider-claim-approved = Схвалено
portal-provider-claim-submitted = схвалено, чекає на оплату
portal-provider-claim-in-batch = у реєстрі на оплату
portal-provider-claim-paid = оплачено
portal-provider-claim-title = Рахунок за { $period }
portal-provider-claim-units = схвалено { $approved } з { $claimed }
portal-provider-line-approved = схвалено
portal-provider-line-rejected = відхилено
portal-provider-line-paid = оплачено
portal-provider-line-reason-no-enrollment = Запис про надання не належить до зарахування цього постачальника.
portal-provider-line-reason-over-volume = Одиниць більше, ніж у записі про надання, або обсяг зарахування вичерпано.
portal-provider-line-reason-price-mismatch = Ціна відрізняється від погодженої під час зарахування.
portal-provider-line-reason-duplicate = Цей запис про надання вже пред'явлено до оплати.
portal-provider-line-reason-not-confirmed = Отримувач не підтвердив надання, і строк підтвердження ще не минув.
portal-provider-line-reason-out-of-period = Послугу надано поза періодом рахунку або строками зарахування.
portal-provider-balance = Розрахунки
portal-provider-balance-payable = Схвалено, не оплачено
portal-provider-balance-paid = Оплачено
portal-provider-inbox = Повідомлення
portal-provider-inbox-none = Повідомлень поки немає.
portal-provider-inbox-new = Нове:
portal-provider-inbox-enrollment-requested = Родина просить зарахувати її за однією з ваших пропозицій.
portal-provider-inbox-enrollment-accepted = Зарахування прийнято.
portal-provider-inbox-enrollment-declined = У зарахуванні відмовлено.
portal-provider-inbox-enrollment-ended = Зарахування завершено.
portal-provider-inbox-delivery-to-confirm = Надання послуги чекає на підтвердження отримувача.
portal-provider-inbox-auto-confirmation-soon = Надання послуги незабаром буде підтверджено автоматично.
portal-provider-inbox-delivery-auto-confirmed = Надання послуги підтверджено автоматично.
portal-provider-inbox-delivery-disputed = Отримувач оскаржує надання послуги.
portal-provider-inbox-provider-suspended = Орган призупинив допуск постачальника.
portal-provider-inbox-provider-excluded = Орган виключив постачальника з реєстру.
portal-provider-inbox-claim-decided = Рахунок перевірено.
portal-provider-inbox-payment-made = Орган здійснив оплату.
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
portal-officer-bulk-lead = Завантажте список отримувачів (CSV або книгу Excel): кожен рядок перевіряється, людей зіставляють за ідентифікаційним номером або реєструють, і їм видають сертифікати. Повторне завантаження того самого файлу нічого не видає двічі.
portal-officer-bulk-file = Файл зі списком отримувачів (CSV або XLSX)
portal-officer-bulk-file-hint = CSV: UTF-8, роздільник — кома або крапка з комою, перший рядок — заголовок. XLSX: перший аркуш; назва над рядком заголовка пропускається. Стовпці як у документації API.
portal-officer-bulk-template = Завантажити порожній список для заповнення (XLSX, стовпці названі й відформатовані)
portal-officer-bulk-submit = Завантажити та видати
portal-officer-bulk-again = Завантажити інший файл
portal-officer-error-file-empty = Оберіть файл для завантаження.
portal-officer-error-file-size = Файл більший за { $megabytes } МБ: розділіть список на кілька файлів.
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

## Кабінет надавача: зміна пропозиції
portal-provider-offer-edit = Змінити
portal-provider-offer-edit-title = Зміна пропозиції
portal-provider-offer-edit-title-errors = Зміна пропозиції: виправте форму
portal-provider-offer-edit-heading = Пропозиція, якою її бачать родини
portal-provider-offer-save = Зберегти зміни
portal-provider-done-saved = Пропозицію змінено. Уже зараховані зберігають погоджену ціну.
portal-provider-offer-error-version = Хтось змінив пропозицію після того, як ви її відкрили: відкрийте її знову й внесіть зміни там.
portal-provider-offer-error-capacity-below-seats = Зайнято більше місць: спершу завершіть зарахування.

## Rows of uploaded files (bulk issuance reports)

taxid-snils = СНІЛС
taxid-rnokpp = РНОКПП
row-field-count = у рядку { $fields } полів, а в заголовку { $header }: перевірте, чи немає зайвого або пропущеного роздільника і чи не потрібні полю лапки
row-required = поле { $field } обов’язкове
row-too-long = у полі { $field } не більше { $max } символів
row-same-person = ця людина вже є в рядку { $line }
row-name-digits = в імені не може бути цифр: чи не зсунулися стовпці?
row-date-format = запишіть дату як РРРР-ММ-ДД (або ДД.ММ.РРРР)
row-date-no-such-day = такого дня немає в календарі: перевірте день і місяць
row-born-in-future = дата народження в майбутньому
row-born-before-1900 = дата народження раніше 1900 року: перевірте рік
row-phone = у номері телефону можуть бути лише цифри, пробіли та + - ( )
row-email = це не схоже на адресу електронної пошти (name@example.org)
row-category-twice = категорію { $category } вказано двічі
row-category-unknown = невідома категорія отримувача { $name }: використайте одну з disability_group_1, disability_group_2, disability_group_3, disabled_child, pensioner, large_family, maternity_leave, low_income, veteran
row-id-length = у номері { $kind } має бути { $digits } цифр, а не { $got }
row-id-not-digit = у номері { $kind } можуть бути лише цифри, пробіли та дефіси; { $found } неприпустимо
row-id-control-number = контрольне число { $kind } має бути { $expected }, а не { $found }: перевірте, чи немає помилки в цифрах
row-id-check-digits = { $count ->
    [one] контрольна цифра
   *[other] контрольні цифри
} { $kind }: має бути { $expected }, а не { $found }; перевірте, чи немає помилки в цифрах
row-duplicate-other-person-with-id = можливий дублікат: цей номер уже записано за людиною з іншим ім’ям або датою народження (отримувач { $recipient })
row-duplicate-same-person-other-id = можливий дублікат: людину з тим самим ім’ям і датою народження вже записано з іншим номером (отримувач { $recipient })
row-cell-error = у клітинці { $cell } помилка { $error }: виправте формулу або введіть значення

## Uploaded files as a whole

file-not-utf8 = рядок { $line } не в кодуванні UTF-8: збережіть файл як «CSV UTF-8»
file-no-header = у файлі немає заголовка
file-no-header-columns = у файлі немає заголовка: перший рядок має називати стовпці ({ $columns })
file-missing-columns = у заголовку немає стовпця { $missing }: рядок заголовка має називати стовпці ({ $columns })
file-duplicate-column = у заголовку двічі стовпець { $column }
file-too-many-rows = у файлі більше { $max } рядків: розділіть його на кілька файлів
file-old-excel = це книга Excel 97-2003 (.xls): збережіть її як «Книга Excel (.xlsx)» або «CSV UTF-8»
file-broken-workbook = файл не вдалося прочитати як книгу XLSX ({ $detail }): збережіть його знову як «Книга Excel (.xlsx)» або «CSV UTF-8»
file-no-worksheet = у книзі немає видимого аркуша
file-too-wide = у рядку заголовка є текст правіше стовпця { $max }: таблиця має починатися з перших стовпців
