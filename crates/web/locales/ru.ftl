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
