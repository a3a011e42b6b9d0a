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

## Portal: frame of every page

portal-skip-to-content = Skip to main content
portal-site-tagline = social certificates
portal-languages-label = Language
portal-main-nav-label = Main menu
portal-signed-in-as = Signed in as
portal-sign-in = Sign in
portal-sign-out = Sign out
portal-nav-home = Home
portal-nav-search = Find a service
portal-nav-open-data = Open data
portal-nav-certificates = My certificates
portal-nav-officer = Dashboard
portal-footer-text = socert is run by regional social protection authorities. The registry of providers is open to everyone.
portal-footer-api = API for developers
portal-error-prefix = Error:
portal-form-errors = Please correct the following

## Portal: error pages

portal-error-not-found-title = Page not found
portal-error-not-found-text = There is no page at this address. Check the address, or start again from the home page.
portal-error-forbidden-title = Access denied
portal-error-forbidden-text = Your account does not give access to this page. If you think it should, contact your authority.
portal-error-internal-title = Something went wrong
portal-error-internal-text = The page could not be shown because of an error on our side. Please try again in a few minutes.
portal-error-request-id = If you contact support, quote this number:
portal-error-home = Go to the home page

## Portal: home

portal-home-title = Social certificates: the money follows you
portal-home-lead = A social certificate is your right to a social service paid for by the region. You choose who provides it: a state institution, a non-profit or a business from the public registry.
portal-home-find = Find a service
portal-home-my-certificates = My certificates
portal-how-title = How it works
portal-how-1-title = Get a certificate
portal-how-1-text = Apply to the social protection office. If you are eligible, you get a certificate with its value and validity.
portal-how-2-title = Choose a provider
portal-how-2-text = Search the registry for a service near you. Every offer shows its price, what the certificate covers and any co-payment.
portal-how-3-title = Receive the service
portal-how-3-text = The provider delivers the service and records it. You confirm each visit or dispute it.
portal-how-4-title = The region pays the provider
portal-how-4-text = Once you have confirmed the service, the provider is paid from your certificate. You see every movement of your balance.
portal-home-who-title = Acting for someone else
portal-home-who-text = Parents, guardians and trustees can see and use the certificates of the people they represent from one account.

## Portal: search

portal-search-title = Find a service
portal-search-title-errors = Error: find a service
portal-search-heading = Find a social service
portal-search-text = What are you looking for?
portal-search-text-hint = For example: home care, swimming, social taxi.
portal-search-authority = Region
portal-search-any-authority = All regions
portal-search-category = Type of service
portal-search-any-category = All types
portal-search-municipality = Town or district
portal-search-features = Accessibility
portal-search-free-seats = Only with free places
portal-search-order = Order of results
portal-search-sort = Sort by
portal-search-sort-relevance = Relevance
portal-search-sort-price = Price, lowest first
portal-search-sort-distance = Distance, nearest first
portal-search-lat = Your latitude
portal-search-lon = Your longitude
portal-search-coords-hint = Needed to sort by distance, e.g. 48.48 and 135.07.
portal-search-submit = Search
portal-search-results = Results
portal-search-nothing = Nothing found. Try other words or fewer filters.
portal-search-error-lat = Enter the latitude as a number from -90 to 90.
portal-search-error-lon = Enter the longitude as a number from -180 to 180.
portal-search-error-both = Enter both the latitude and the longitude, or neither.
portal-search-error-distance = Enter your latitude and longitude to sort by distance.
portal-next-page = Next page
portal-price = Price per unit
portal-normative = Paid by the region up to
portal-covered = Covered by the certificate
portal-copay = Your co-payment
portal-no-copay = none
portal-free-seats = Free places
portal-distance = { $km } km
portal-feature-wheelchair-access = Wheelchair access
portal-feature-sign-language = Sign language
portal-feature-home-visits = Home visits
portal-feature-transport = Transport provided

## Portal: service categories

portal-category-palliative-care = Palliative care
portal-category-home-care = Home care
portal-category-extra-education = Extracurricular education
portal-category-school-tourism = School tourism
portal-category-social-taxi = Social taxi
portal-category-short-term-childcare = Short-term childcare
portal-category-care-for-seriously-ill = Care for the seriously ill
portal-category-employment-training = Job training and employment support
portal-category-sports = Sports
portal-category-sanatorium = Sanatorium treatment
portal-category-homeless-support = Support for homeless people

## Portal: offers and providers

portal-offer-by = Provided by
portal-offer-price-title = What it costs you
portal-offer-price-hint = The certificate pays up to the region's normative cost per unit; above it you pay the difference, by agreement with the provider.
portal-offer-details = Details
portal-offer-authority = Region
portal-offer-municipality = Town or district
portal-offer-address = Address
portal-offer-schedule = Schedule
portal-offer-normative = Normative cost per unit
portal-offer-free-seats = Free places
portal-seats = { $free } of { $capacity }
portal-offer-ages = Ages
portal-offer-languages = Languages
portal-back-to-search = Back to the search
portal-legal-form-state = State institution
portal-legal-form-municipal = Municipal institution
portal-legal-form-ngo = Non-profit organisation
portal-legal-form-business = Company
portal-legal-form-individual-entrepreneur = Individual entrepreneur
portal-provider-full-name = Full name
portal-provider-legal-form = Legal form
portal-provider-phone = Phone
portal-provider-email = Email
portal-provider-tax-id = Tax id
portal-provider-website = Website
portal-provider-offers = Services offered
portal-provider-no-offers = This provider has no published offers yet.

## Portal: open data

portal-open-data-title = Open data
portal-open-data-lead = The registry of admitted providers and their offers is open data: anyone may download it, reuse it and build services on it.
portal-open-data-privacy = Bank details are never published, and the tax ids of individual entrepreneurs are left out because they identify a person.
portal-open-data-downloads = Downloads of the registry
portal-open-data-scope = Registry
portal-open-data-all = All regions
portal-open-data-json = Download JSON
portal-open-data-csv = Download CSV
portal-open-data-schema = One record per offer; money in minor units (kopecks). New columns are only ever added at the end.

## Portal: sign in

portal-login-title = Sign in
portal-login-title-error = Error: sign in
portal-login-heading = Sign in to socert
portal-login-login = Login (email)
portal-login-password = Password
portal-login-error-credentials = The login or the password is wrong. Check both and try again.
portal-login-error-expired = The form had expired. Please enter your login and password again.
portal-login-error-throttled = Too many failed attempts. Try again in { $seconds } { $seconds ->
        [one] second
       *[other] seconds
    }.

## Portal: recipient cabinet

portal-certificates-title = My certificates
portal-certificates-nobody = Your account does not act for any recipient yet. Contact the social protection office that issued your certificate.
portal-certificates-none = No certificates yet.
portal-certificate-number = Certificate No.
portal-cert-available = Available
portal-cert-held = Reserved for enrollments
portal-cert-print = Print the certificate
portal-cert-back = All my certificates
portal-cert-history = Balance history
portal-cert-history-empty = No movements yet.
portal-cert-history-date = Date
portal-cert-history-what = Operation
portal-cert-history-amount = Amount
portal-cert-history-balance = Balance after
portal-tx-transfer = Transfer
portal-tx-hold = Reserved for an enrollment
portal-tx-capture = Paid to the provider
portal-tx-release = Reservation released
portal-tx-reversal = Correction (reversal)
portal-tx-adjustment = Correction by the authority

## Portal: officer dashboard

portal-officer-title = Dashboard
portal-officer-programs = Programs
portal-officer-no-programs = No programs yet.
portal-officer-period = Period
portal-officer-budget = Budget left
portal-officer-live = Live certificates
portal-officer-quota = Quota
portal-officer-no-quota = no limit
portal-officer-waiting = Waiting list
portal-officer-review = Provider applications awaiting review
portal-officer-review-none = No applications are waiting.
portal-officer-services = services:
portal-admission-applied = applied
portal-admission-under-review = under review

## Portal: provider's cabinet

portal-nav-provider = Provider's cabinet
portal-provider-tabs-label = Provider's cabinet
portal-provider-tab-dashboard = Admissions
portal-provider-tab-offers = Offers
portal-provider-tab-requests = Requests
portal-provider-tab-deliveries = Deliveries
portal-provider-tab-claims = Claims
portal-provider-choose-title = Choose a provider
portal-provider-choose = Choose…
portal-provider-done-applied = The application was sent to the authority.
portal-provider-done-document = The document was attached to the application.
portal-provider-done-published = The offer was published.
portal-provider-done-accepted = The request was accepted: the recipient is enrolled.
portal-provider-done-declined = The request was declined; the recipient has been told why.
portal-provider-done-recorded = The delivery was recorded; the recipient is asked to confirm it.
portal-provider-done-claimed = The claim was submitted.
portal-provider-dashboard-title = Provider's cabinet
portal-provider-admissions = Admission by authorities
portal-provider-admissions-none = The provider has not applied to any authority yet.
portal-provider-admission-status = Status
portal-provider-admission-reason = Reason given by the authority
portal-provider-admission-services = Services
portal-provider-admission-applied = Applied, waiting for review
portal-provider-admission-under-review = Under review
portal-provider-admission-admitted = Admitted
portal-provider-admission-rejected = Rejected
portal-provider-admission-suspended = Suspended
portal-provider-admission-excluded = Excluded from the registry
portal-provider-documents = Documents
portal-provider-documents-none = No documents attached yet.
portal-provider-doc-size = { $kib } KB
portal-provider-doc-file = Attach a document
portal-provider-doc-hint = A PDF, JPEG or PNG file of up to 10 MB: a licence, the charter, a certificate of registration.
portal-provider-doc-upload = Attach
portal-provider-doc-error-missing = Choose a file to attach.
portal-provider-doc-error-size = The file is larger than 10 MB.
portal-provider-doc-error-name = The file has no usable name; rename it and try again.
portal-provider-doc-error-type = Only PDF, JPEG and PNG files are accepted.
portal-provider-apply = Apply to an authority
portal-provider-apply-services = Services you want to deliver in
portal-provider-apply-submit = Send the application
portal-provider-apply-error-services = Choose at least one service.
portal-provider-offers-title = Offers
portal-provider-offers-title-errors = Offers: correct the form
portal-provider-offers-list = Your offers
portal-provider-offers-none = No offers yet.
portal-provider-offer-title = Title
portal-provider-offer-municipality = Municipality
portal-provider-offer-price = Price per unit
portal-provider-offer-capacity = Seats
portal-provider-offer-seats = { $free } of { $capacity } { $capacity ->
        [one] seat
       *[other] seats
    } free
portal-provider-publish = Publish a new offer
portal-provider-publish-not-admitted = Offers can be published once an authority has admitted the provider.
portal-provider-offer-service = Service and authority
portal-provider-offer-title-ru = Title in Russian
portal-provider-offer-title-uk = Title in Ukrainian
portal-provider-offer-title-en = Title in English
portal-provider-offer-title-hint = Give the title in at least one language.
portal-provider-offer-description = Description
portal-provider-offer-price-hint = In the authority's currency, e.g. 650.00.
portal-provider-offer-schedule = Schedule
portal-provider-offer-address = Address
portal-provider-offer-latitude = Latitude
portal-provider-offer-longitude = Longitude
portal-provider-offer-coords-hint = Optional; give both or neither, e.g. 48.4802 and 135.0719.
portal-provider-offer-age-min = Youngest age
portal-provider-offer-age-max = Oldest age
portal-provider-offer-accessibility = Accessibility
portal-provider-offer-languages = Languages of the service
portal-provider-publish-submit = Publish the offer
portal-provider-offer-error-service = Choose a service the provider is admitted for.
portal-provider-offer-error-title-ru = Give the title in at least one language.
portal-provider-offer-error-price = Enter a price above zero, e.g. 650.00.
portal-provider-offer-error-capacity = Enter the number of seats, a whole number above zero.
portal-provider-offer-error-address = Enter the address and the municipality.
portal-provider-offer-error-latitude = Enter the latitude as a number from -90 to 90, together with the longitude.
portal-provider-offer-error-longitude = Enter the longitude as a number from -180 to 180, together with the latitude.
portal-provider-offer-error-age-min = Enter the age as a whole number of years.
portal-provider-offer-error-age-max = Enter the age as a whole number of years, not below the youngest age.
portal-provider-offer-error-lang-ru = Choose the languages from the list.
portal-provider-requests-title = Enrollment requests
portal-provider-requests-none = No requests are waiting for a decision.
portal-provider-request-id = Enrollment number
portal-provider-request-volume = Units requested
portal-provider-request-period = Period
portal-provider-request-total = Total
portal-provider-request-copay = Paid by the recipient
portal-provider-accept = Accept
portal-provider-decline = Decline
portal-provider-decline-reason = Reason for declining (the recipient reads it)
portal-provider-decline-error-reason = Say why the request is declined.
portal-provider-refused-offer-full = No seat is left in this offer.
portal-provider-refused-reason-required = Say why.
portal-provider-refused-provider-not-admitted = The provider is not admitted for this service.
portal-provider-refused-invalid-period = The period must not end before it starts.
portal-provider-refused-nothing-to-claim = There are no confirmed deliveries in this period that have not been claimed.
portal-provider-refused-conflict = Someone changed this in the meantime; look at it again.
portal-provider-refused-other = This cannot be done now; the page shows the current state.
portal-provider-deliveries-title = Deliveries
portal-provider-record = Record a delivery
portal-provider-record-none = There are no active enrollments to record deliveries for.
portal-provider-record-submit = Record the delivery
portal-provider-enrollment-option = { $offer } — { $recorded } of { $volume } { $volume ->
        [one] unit
       *[other] units
    } recorded — { $id }
portal-provider-column-enrollment-id = Enrollment
portal-provider-column-delivered-on = Date
portal-provider-column-delivered-at = Time
portal-provider-column-units = Units
portal-provider-column-worker = Delivered by
portal-provider-column-note = Note
portal-provider-delivery-code-zero-units = Enter at least one unit.
portal-provider-delivery-code-not-active = The enrollment is not active.
portal-provider-delivery-code-out-of-period = The date is outside the enrollment's period.
portal-provider-delivery-code-over-volume = This is more than the units left in the enrollment.
portal-provider-delivery-code-no-enrollment = Choose an enrollment of this provider.
portal-provider-delivery-code-invalid = The row could not be read.
portal-provider-delivery-error-enrollment = Choose an enrollment of this provider.
portal-provider-delivery-error-delivered-on = Enter the date of the delivery.
portal-provider-delivery-error-units = Enter the units as a whole number above zero.
portal-provider-delivery-error-worker = Say who delivered the service (up to 200 characters).
portal-provider-delivery-error-note = The note is longer than 2000 characters.
portal-provider-csv = Upload a file of deliveries
portal-provider-csv-hint = A CSV file whose first line names the columns:
portal-provider-csv-file = CSV file
portal-provider-csv-submit = Upload and record
portal-provider-csv-report = Report on the file
portal-provider-csv-summary = Recorded: { $recorded }. Refused: { $refused }.
portal-provider-csv-line = Line
portal-provider-csv-outcome = Result
portal-provider-csv-reason = Reason
portal-provider-csv-recorded = recorded
portal-provider-csv-refused = refused
portal-provider-csv-why = { $reason } (column { $column })
portal-provider-csv-error-missing = Choose the authority and a CSV file.
portal-provider-csv-error-size = The file is larger than 10 MB.
portal-provider-csv-error-file = The file could not be read as CSV with the columns named below.
portal-provider-claims-title = Claims
portal-provider-claim-new = Submit a claim
portal-provider-claim-hint = Every confirmed delivery of the period not claimed before goes into the claim; each line is checked and approved or rejected with a reason.
portal-provider-claim-from = First day of the period
portal-provider-claim-to = Last day of the period
portal-provider-claim-submit = Submit the claim
portal-provider-claim-error-authority = Choose the authority.
portal-provider-claim-error-date = Enter a date.
portal-provider-claim-error-order = The last day must not be before the first.
portal-provider-claims-list = Submitted claims
portal-provider-claims-none = No claims yet.
portal-provider-claim-lines-title = Lines
portal-provider-claim-lines = { $approved } of { $lines } { $lines ->
        [one] line
       *[other] lines
    } approved
portal-provider-claim-approved = Approved
portal-provider-claim-submitted = approved, waiting for settlement
portal-provider-claim-in-batch = in a payment batch
portal-provider-claim-paid = paid
portal-provider-claim-title = Claim for { $period }
portal-provider-claim-units = { $approved } of { $claimed } approved
portal-provider-line-approved = approved
portal-provider-line-rejected = rejected
portal-provider-line-paid = paid
portal-provider-line-reason-no-enrollment = The delivery record does not belong to an enrollment of this provider.
portal-provider-line-reason-over-volume = More units than the delivery record has, or the enrolled volume is used up.
portal-provider-line-reason-price-mismatch = The price differs from the price agreed in the enrollment.
portal-provider-line-reason-duplicate = This delivery record has already been claimed.
portal-provider-line-reason-not-confirmed = The recipient has not confirmed the delivery, and the time to confirm has not passed.
portal-provider-line-reason-out-of-period = The service was delivered outside the claim period or the enrollment's dates.
portal-provider-balance = Balances
portal-provider-balance-payable = Approved, not yet paid
portal-provider-balance-paid = Paid
portal-provider-inbox = Messages
portal-provider-inbox-none = No messages yet.
portal-provider-inbox-new = New:
portal-provider-inbox-enrollment-requested = A family asks to enroll with one of your offers.
portal-provider-inbox-enrollment-accepted = An enrollment was accepted.
portal-provider-inbox-enrollment-declined = An enrollment was declined.
portal-provider-inbox-enrollment-ended = An enrollment has ended.
portal-provider-inbox-delivery-to-confirm = A delivery waits for the recipient's confirmation.
portal-provider-inbox-auto-confirmation-soon = A delivery will be confirmed automatically soon.
portal-provider-inbox-delivery-auto-confirmed = A delivery was confirmed automatically.
portal-provider-inbox-delivery-disputed = A recipient disputes a delivery.
portal-provider-inbox-provider-suspended = The authority suspended the provider's admission.
portal-provider-inbox-provider-excluded = The authority excluded the provider from the registry.
portal-provider-inbox-claim-decided = A claim was checked.
portal-provider-inbox-payment-made = The authority made a payment.
