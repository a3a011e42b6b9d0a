# English. Every message here must exist in ru.ftl and uk.ftl too, with the same variables
# (a test in src/i18n.rs checks both).

## Recipient categories

category-disability-group-1 = disability group I
category-disability-group-2 = disability group II
category-disability-group-3 = disability group III
category-disabled-child = disabled child
category-pensioner = pensioner
category-large-family = large family
category-maternity-leave = maternity leave
category-low-income = low income
category-veteran = veteran

## Eligibility refusals

refusal-too-young = The program is for people aged { $min } and over; the recipient is { $age } { NUMBER($age) ->
        [one] year
       *[other] years
    } old.
refusal-too-old = The program is for people aged up to { $max }; the recipient is { $age } { NUMBER($age) ->
        [one] year
       *[other] years
    } old.
refusal-wrong-municipality = The program does not cover “{ $municipality }”, where the recipient lives.
# $categories: the needed categories' names, joined with commas; $count: how many there are.
refusal-missing-category = { $count ->
        [1] The program needs proof of this category: { $categories }.
       *[other] The program needs proof of one of these categories: { $categories }.
    }
# $valid_to: the last day the proof was valid, already formatted.
refusal-category-expired = The proof of { $category } was valid until { $valid_to }: bring a current document.
refusal-low-income-required = The program needs current proof of low income.

## Printable certificate

cert-title = Social certificate
cert-page-title = Social certificate { $number }
cert-number = Number
cert-holder = Holder
cert-program = Program
cert-value = Value
cert-units = Services
cert-valid = Valid
cert-valid-range = { $from } to { $to }
cert-status = Status
cert-issued-on = Issued on
cert-qr-label = QR code of certificate number { $number }

cert-status-draft = Draft, not yet issued
cert-status-issued = Issued, not yet active
cert-status-active = Active
cert-status-exhausted = Used up
cert-status-expired = Expired
cert-status-revoked = Revoked
