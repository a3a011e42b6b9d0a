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
