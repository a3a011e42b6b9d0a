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

## Portal: recipient cabinet (enrolling, enrollments, deliveries, notifications, complaints)

portal-recipient-nav-enrollments = Enrollments
portal-recipient-nav-deliveries = Deliveries
portal-recipient-nav-notifications = Notifications
portal-recipient-nav-notifications-unread = { $count ->
    [one] Notifications ({ $count } new)
   *[other] Notifications ({ $count } new)
}
portal-recipient-nav-complaints = Complaints
portal-recipient-enroll = Enroll with this offer
portal-recipient-enroll-title = Enroll: { $offer }
portal-recipient-enroll-title-errors = Check the form: { $offer }
portal-recipient-enroll-heading = Enroll with a provider
portal-recipient-no-certificate = Nobody you act for has an active certificate of this region that could pay for this offer.
portal-recipient-certificate = Certificate
portal-recipient-certificate-option = No. { $number } — { $program } — { $person } (available { $available })
portal-recipient-volume = Units of service
portal-recipient-volume-hint = Visits, hours or lessons, as the provider counts them.
portal-recipient-starts-on = Start date
portal-recipient-starts-on-hint = Today or later; service runs until the certificate's last valid day.
portal-recipient-show-quote = Show the cost
portal-recipient-quote-title = What it costs
portal-recipient-price-per-unit = Price per unit
portal-recipient-normative-per-unit = Paid by the certificate per unit at most
portal-recipient-period = Period
portal-recipient-total = Total
portal-recipient-copay-agree = I agree to pay the provider the co-payment of
portal-recipient-enroll-submit = Enroll
portal-recipient-units = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
portal-recipient-error-certificate = Choose the certificate that pays.
portal-recipient-error-volume = Enter a whole number of units from 1 to 10000.
portal-recipient-error-starts-on = Enter the start date as YYYY-MM-DD.
portal-recipient-error-stars = Choose from 1 to 5 stars.
portal-recipient-error-complaint-empty = Write what went wrong.
portal-recipient-error-complaint-long = The complaint is too long: at most 4000 characters.
portal-recipient-refused-certificate-not-active = The certificate is not active: only an active certificate pays for services.
portal-recipient-refused-offer-of-other-authority = The offer is in another region than the certificate.
portal-recipient-refused-provider-not-admitted = The provider is not admitted in the registry now.
portal-recipient-refused-service-not-in-program = The certificate's program does not pay for this service.
portal-recipient-refused-offer-full = Every seat of this offer is taken.
portal-recipient-refused-outside-validity = The service must start today or later and stay within the certificate's validity.
portal-recipient-refused-funding-cap-reached = The program has funded all the certificates it can.
portal-recipient-refused-already-ending = This enrollment is already ending.
portal-recipient-refused-reason-required = Say what was wrong: the provider and the officer will read it.
portal-recipient-refused-nothing-to-rate = You can rate the provider once a delivery is confirmed.
portal-recipient-refused-invalid-complaint = The complaint cannot be filed as written.
portal-recipient-refused-illegal-transition = This cannot be done any more: it has changed meanwhile.
portal-recipient-refused-copay-not-agreed = Tick the box to agree to the co-payment, or choose another offer.
portal-recipient-refused-not-covered = The certificate does not pay for this service.
portal-recipient-refused-zero-units = Enroll for at least one unit of service.
portal-recipient-refused-insufficient-funds = The certificate has not enough left for this.
portal-recipient-refused-idempotency-key-reused = This form was already sent with other values: open it again.
portal-recipient-refused-invalid = Some value is not valid.
portal-recipient-refused-other = This was refused. Check the details and try again.
portal-recipient-enrollments-title = My enrollments
portal-recipient-enrollments-none = No enrollments yet. Find a service and enroll from its page.
portal-recipient-enrollment-title = Enrollment: { $offer }
portal-recipient-enrollment-title-errors = Check the form: { $offer }
portal-recipient-enrollment-requested = Requested, waiting for the provider
portal-recipient-enrollment-active = Active
portal-recipient-enrollment-completed = Completed
portal-recipient-enrollment-cancelled = Cancelled
portal-recipient-enrollment-declined = Declined by the provider
portal-recipient-enrollment-ending = Ending on { $date }
portal-recipient-enrollment-suspended = the provider is suspended
portal-recipient-offer-gone = (offer no longer listed)
portal-recipient-offer-link = The offer
portal-recipient-provider-link = The provider
portal-recipient-service = Service
portal-recipient-provider = Provider
portal-recipient-status = Status
portal-recipient-delivered = Delivered so far
portal-recipient-captured = Paid to the provider
portal-recipient-reason = Reason
portal-recipient-back = All my enrollments
portal-recipient-cancel = Cancel or switch provider
portal-recipient-cancel-title = Cancel the enrollment?
portal-recipient-cancel-active = Service goes on until the notice period set by your authority ends; then what the certificate still holds for it returns to the certificate.
portal-recipient-cancel-requested = The provider has not accepted yet: the request is withdrawn and the money returns to the certificate at once.
portal-recipient-cancel-switch = To switch provider, cancel here and then enroll with another offer.
portal-recipient-cancel-confirm = Yes, cancel the enrollment
portal-recipient-cancel-keep = No, keep it
portal-recipient-deliveries-of = Deliveries
portal-recipient-deliveries-none = No deliveries recorded yet.
portal-recipient-deliveries-go = Confirm or dispute deliveries
portal-recipient-delivered-on = Delivered
portal-recipient-worker = Delivered by
portal-recipient-delivery-recorded = Awaiting your confirmation
portal-recipient-delivery-confirmed = Confirmed
portal-recipient-delivery-disputed = Disputed
portal-recipient-delivery-auto-confirmed = Confirmed automatically
portal-recipient-delivery-voided = Voided
portal-recipient-confirm-due = Confirmed automatically on { $date } unless you dispute it.
portal-recipient-deliveries-title = Deliveries
portal-recipient-deliveries-title-errors = Check the form: deliveries
portal-recipient-deliveries-heading = Deliveries to confirm
portal-recipient-awaiting = Awaiting your answer
portal-recipient-awaiting-none = Nothing is waiting for your confirmation.
portal-recipient-confirm = Confirm: delivered as recorded
portal-recipient-dispute-reason = What was wrong (to dispute)
portal-recipient-dispute = Dispute
portal-recipient-earlier = Earlier deliveries
portal-recipient-rating-title = Rate the provider
portal-recipient-rating-legend = Your rating
portal-recipient-rate-not-yet = You can rate the provider once a delivery is confirmed.
portal-recipient-rated = { $count ->
    [one] Your rating: { $count } star
   *[other] Your rating: { $count } stars
}
portal-recipient-stars = { $count ->
    [one] { $count } star
   *[other] { $count } stars
}
portal-recipient-rate = Save the rating
portal-recipient-complaint-title = File a complaint
portal-recipient-complaint-text = What went wrong
portal-recipient-complaint-hint = Only you, your representatives and the authority's officers read it. At most 4000 characters.
portal-recipient-complaint-submit = File the complaint
portal-recipient-notifications-title = Notifications
portal-recipient-notifications-unread = Unread:
portal-recipient-notifications-none = No notifications.
portal-recipient-new = New
portal-recipient-mark-read = Mark as read
portal-recipient-notice-enrollment-requested = Your enrollment request was sent to the provider.
portal-recipient-notice-enrollment-accepted = The provider accepted your enrollment.
portal-recipient-notice-enrollment-declined = The provider declined your enrollment; the money returned to the certificate.
portal-recipient-notice-enrollment-ended = An enrollment has ended.
portal-recipient-notice-delivery-to-confirm = A delivery is waiting for your confirmation.
portal-recipient-notice-delivery-auto-confirmed = A delivery was confirmed automatically.
portal-recipient-notice-auto-confirmation-soon = A delivery will soon be confirmed automatically: check it.
portal-recipient-notice-complaint-decided = The authority has answered your complaint.
portal-recipient-notice-provider-suspended = Your provider is suspended for now.
portal-recipient-notice-provider-excluded = Your provider was excluded from the registry; the enrollment ended.
portal-recipient-notice-other = Something changed in your enrollments.
portal-recipient-complaints-title = My complaints
portal-recipient-complaints-none = No complaints.
portal-recipient-filed-on = Filed on
portal-recipient-complaint-yours = Your complaint
portal-recipient-complaint-response = The officer's response
portal-recipient-complaint-open = Open
portal-recipient-complaint-in-review = Under review
portal-recipient-complaint-upheld = Upheld
portal-recipient-complaint-dismissed = Dismissed
portal-recipient-complaint-withdrawn = Withdrawn
portal-recipient-withdraw = Withdraw the complaint
portal-recipient-person = Person
portal-recipient-person-all = Everyone
portal-recipient-person-show = Show
portal-recipient-print-toolbar = Certificate actions
portal-recipient-print-back = Back to the certificate
portal-recipient-print = Print
portal-recipient-locate = Use my location
portal-recipient-locate-waiting = Finding your location…
portal-recipient-locate-done = Location filled in.
portal-recipient-locate-failed = Your location could not be found: enter it by hand.
portal-recipient-sort-rating = Provider rating, best first
portal-recipient-provider-rating = Provider rating
portal-recipient-rating-summary = { $count ->
    [one] { $average } ★ ({ $count } rating)
   *[other] { $average } ★ ({ $count } ratings)
}
portal-recipient-rating-none = not rated yet
portal-recipient-how-title = How it works
portal-recipient-how-more = How social certificates work, step by step
portal-recipient-how-lead = A social certificate is money the region sets aside for a service you need. You choose who provides it; the certificate pays them.
portal-recipient-how-contents = Contents
portal-recipient-how-who-title = Who can get a certificate
portal-recipient-how-who-text = Each program of your region's social protection authority says who it is for: for example older people who need care at home, or families of children with disabilities. Ask your local office which programs you may apply to.
portal-recipient-how-get-title = Getting a certificate
portal-recipient-how-get-text = The authority checks your documents and issues a certificate with a number, a value and a validity period. You can see it and its balance under My certificates and print it.
portal-recipient-how-choose-title = Choosing a provider
portal-recipient-how-choose-text = Search the public registry: every provider there has been checked by the authority. Compare prices, the part the certificate pays, distance, accessibility and ratings by other families.
portal-recipient-how-enroll-title = Enrolling
portal-recipient-how-enroll-text = On an offer's page choose Enroll, say how much service you need and when to start, and see the cost first. If the price is above what the certificate pays, you see the co-payment and decide whether to agree to it. The provider then accepts your request.
portal-recipient-how-confirm-title = Confirming the services you received
portal-recipient-how-confirm-text = The provider records each visit or lesson. You confirm it, or dispute it if it did not happen as recorded. Records you leave unanswered are confirmed automatically after a few days.
portal-recipient-how-switch-title = Switching provider
portal-recipient-how-switch-text = You may cancel an enrollment at any time and enroll with another provider. Service goes on until the authority's notice period ends; money not spent returns to the certificate.
portal-recipient-how-complain-title = If something goes wrong
portal-recipient-how-complain-text = File a complaint from the enrollment's page. An officer of the authority reviews it and answers you; you can withdraw it while it is being reviewed. Once a service is confirmed, you can also rate the provider.
portal-recipient-how-data-title = Your personal data
portal-recipient-how-data-text = Only you, the people you authorised to act for you and the authority's officers see your data. Every time an officer opens your file, it is recorded.
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
portal-provider-csv-hint = A CSV file or Excel workbook (.xlsx) whose first row names the columns:
portal-provider-csv-file = CSV or XLSX file
portal-provider-csv-submit = Upload and record
portal-provider-csv-report = Report on the file
portal-provider-csv-summary = Recorded: { $recorded }. Refused: { $refused }.
portal-provider-csv-line = Line
portal-provider-csv-outcome = Result
portal-provider-csv-reason = Reason
portal-provider-csv-recorded = recorded
portal-provider-csv-refused = refused
portal-provider-csv-why = { $reason } (column { $column })
portal-provider-csv-error-missing = Choose the authority and a CSV or XLSX file.
portal-provider-csv-error-size = The file is larger than 10 MB.
portal-provider-csv-error-file = The file could not be read as a table with the columns named below.
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
## Portal: officer's cabinet (provider review, programs, recipients)

portal-officer-link-programs = Programs and budget
portal-officer-link-admissions = Provider applications
portal-officer-link-recipients = Find a recipient
portal-officer-admission-applied = applied
portal-officer-admission-under-review = under review
portal-officer-admission-admitted = admitted
portal-officer-admission-rejected = rejected
portal-officer-admission-suspended = suspended
portal-officer-admission-excluded = excluded
portal-officer-queues = Applications by status
portal-officer-queue-awaiting = Awaiting a decision
portal-officer-queue-admitted = Admitted
portal-officer-queue-suspended = Suspended
portal-officer-queue-rejected = Rejected
portal-officer-queue-excluded = Excluded
portal-officer-queue-awaiting-title = Provider applications awaiting a decision
portal-officer-queue-admitted-title = Admitted providers
portal-officer-queue-suspended-title = Suspended providers
portal-officer-queue-rejected-title = Rejected applications
portal-officer-queue-excluded-title = Excluded providers
portal-officer-queue-empty = There is nobody here.
# $count: how many providers the list shows.
portal-officer-queue-count = { $count ->
        [one] { $count } provider
       *[other] { $count } providers
    }
portal-officer-provider = Provider
portal-officer-status = Status
portal-officer-applied = Applied on
portal-officer-services-count = Services
# $provider: the provider's short name.
portal-officer-admission-title = Application of { $provider }
portal-officer-admission-title-error = Error: application of { $provider }
portal-officer-back-to-queue = Back to the applications
portal-officer-provider-full-name = Full name
portal-officer-provider-legal-form = Legal form
portal-officer-provider-tax-id = Tax id
portal-officer-provider-registration = Registration number
portal-officer-provider-address = Address
portal-officer-provider-phone = Phone
portal-officer-provider-email = Email
portal-officer-reason = Reason given
portal-officer-legal-form-state = state institution
portal-officer-legal-form-municipal = municipal institution
portal-officer-legal-form-ngo = non-profit organisation
portal-officer-legal-form-business = business
portal-officer-legal-form-individual-entrepreneur = individual entrepreneur
portal-officer-services-applied = Services applied for
portal-officer-documents = Documents
portal-officer-documents-none = The provider has not attached any documents.
# $kb: the file's size in kilobytes.
portal-officer-document-size = { $kb } KB
portal-officer-decision = Decision
portal-officer-decision-none = No decision can be taken on this application any more.
portal-officer-decision-legend = What do you decide?
portal-officer-event-start-review = Start the review
portal-officer-event-admit = Admit the provider
portal-officer-event-reject = Reject the application
portal-officer-event-suspend = Suspend the provider
portal-officer-event-reinstate = Reinstate the provider
portal-officer-event-exclude = Exclude the provider from the registry
portal-officer-reason-label = Reason
portal-officer-reason-hint = Required to reject, suspend or exclude. The provider sees it, and enrolled recipients are told.
portal-officer-decide = Record the decision
portal-officer-decided = The decision is recorded.
portal-officer-error-event = Choose a decision.
portal-officer-error-reason = Give the reason the provider will see.
portal-officer-error-transition = This decision is not possible any more: the application's status has changed. Check it and decide again.
portal-officer-programs-title = Programs and budget
portal-officer-allocated = Given to certificates
portal-officer-available = Unspent on certificates
portal-officer-held = Held for enrollments
portal-officer-spent = Paid to providers
portal-officer-certificates = Certificates
portal-officer-find-title = Find a recipient
portal-officer-find-title-error = Error: find a recipient
portal-officer-find-heading = Find a recipient
portal-officer-national-id = National id (SNILS or RNOKPP)
portal-officer-national-id-hint = Digits only or as written on the document, e.g. 112-233-445 95.
portal-officer-find = Find
portal-officer-error-national-id = This is not a valid national id: check the digits.
portal-officer-error-no-recipient = Nobody with this national id is on file in your authority.
portal-officer-back-to-find = Find another recipient
portal-officer-recipient-title = Recipient's file
portal-officer-recipient-title-error = Error: recipient's file
portal-officer-recipient-name = Name
portal-officer-recipient-birth = Date of birth
portal-officer-recipient-national-id = National id
portal-officer-recipient-municipality = Municipality
portal-officer-recipient-address = Address
portal-officer-recipient-categories = Categories
portal-officer-held-certificates = Certificates
portal-officer-no-certificates = This person holds no certificates.
portal-officer-certificate-number = Number
portal-officer-issue = Issue a certificate
portal-officer-issue-button = Issue
portal-officer-error-program = Choose one of your authority's programs.
portal-officer-outcome-issued = The certificate is issued.
portal-officer-outcome-already-issued = This person already holds a certificate of the program; nothing new was issued.
portal-officer-outcome-waitlisted = The program's quota or budget is used up: the person is on the waiting list.
portal-officer-link-bulk = Issue from a file
portal-officer-bulk-title = Issue certificates from a file
portal-officer-bulk-title-error = Error: issue certificates from a file
portal-officer-bulk-lead = Upload a list of recipients (CSV or an Excel workbook): every row is checked, people are matched on their national id or registered, and certificates are issued. Uploading the same file again issues nothing twice.
portal-officer-bulk-file = File of recipients (CSV or XLSX)
portal-officer-bulk-file-hint = CSV: UTF-8, separated by commas or semicolons, the header row first. XLSX: the first sheet; a title above the header row is skipped. Columns as in the API documentation.
portal-officer-bulk-template = Download an empty list to fill in (XLSX, columns named and formatted)
portal-officer-bulk-submit = Upload and issue
portal-officer-bulk-again = Upload another file
portal-officer-error-file-empty = Choose a file to upload.
portal-officer-error-file-size = The file is larger than { $megabytes } MB: split the list into several files.
# $detail: what is wrong with the file, as the checker says it.
portal-officer-error-file = The file cannot be read as a list of recipients: { $detail }
portal-officer-run-title-running = Issuing certificates…
portal-officer-run-title-done = Issuance finished
portal-officer-run-running = The file is being processed.
portal-officer-run-refresh = Refresh to see the progress
portal-officer-run-failed = The run stopped on an error. Rows reported so far stand; upload the file again to finish.
portal-officer-run-file = File
portal-officer-run-progress = Rows processed
# $done: rows processed so far; $total: rows in the file.
portal-officer-run-rows = { $done } of { $total }
portal-officer-run-issued = Issued
portal-officer-run-waitlisted = On the waiting list
portal-officer-run-already = Already held a certificate
portal-officer-run-refused = Refused
portal-officer-run-download = Download the full report (CSV)
portal-officer-run-report = Rows that need attention
portal-officer-run-report-empty = Every row was issued.
portal-officer-run-line = Row
portal-officer-run-outcome = Outcome
portal-officer-run-field = Field
portal-officer-run-message = What is wrong
portal-officer-outcome-word-waitlisted = on the waiting list
portal-officer-outcome-word-refused = refused
portal-officer-link-settlement = Settlement
portal-officer-batch-open = awaiting payment
portal-officer-batch-paid = paid
portal-officer-settlement-title = Settlement with providers
portal-officer-settlement-title-error = Error: settlement with providers
portal-officer-resolved = The disputed delivery is resolved.
portal-officer-open-claims = Claims not yet paid:
portal-officer-settle = Close a period
portal-officer-period-to = Settle claims of periods ending by
portal-officer-period-to-hint = Approved claims are grouped per provider into one payment batch.
portal-officer-settle-button = Create the payment batch
portal-officer-batches = Payment batches
portal-officer-batches-none = No payment batches yet.
portal-officer-batch-period = Period up to
portal-officer-batch-total = Total
portal-officer-batch-payments = Payments
portal-officer-batch-claims = Claims
portal-officer-batch-paid-on = Paid on
portal-officer-disputes = Disputed deliveries to resolve
portal-officer-disputes-none = No delivery is disputed.
portal-officer-units = units:
portal-officer-dispute-reason = The recipient says:
portal-officer-dispute-confirm = It was delivered: pay it
portal-officer-dispute-void = It was not delivered: void it
portal-officer-error-date = Give a date, for example 2026-12-15.
portal-officer-error-nothing-to-settle = No approved claim of a period ending by this date waits for payment.
portal-officer-back-to-settlement = Back to settlement
portal-officer-batch-title = Payment batch
portal-officer-batch-title-error = Error: payment batch
portal-officer-register-csv = Download the payment register (CSV)
portal-officer-register-xlsx = Download the payment register (Excel)
portal-officer-payments = Payments
portal-officer-bank-account = Bank account
portal-officer-amount = Amount
portal-officer-lines = Delivery lines
portal-officer-pay = Record the bank's payment
portal-officer-batch-reference = Bank's reference of the payment order
portal-officer-pay-button = Mark the batch paid
portal-officer-error-reference = Give the bank's reference of the payment order.
portal-officer-link-complaints = Complaints
portal-officer-complaint-open = New
portal-officer-complaint-in-review = In review
portal-officer-complaint-upheld = Upheld
portal-officer-complaint-dismissed = Dismissed
portal-officer-complaint-withdrawn = Withdrawn
portal-officer-complaint-statuses = Complaints by status
# $status: the status of the complaints listed, as a tab names it.
portal-officer-complaints-title = Complaints: { $status }
portal-officer-complaint-filed = Filed on
portal-officer-complaint-age = Waiting
# $count: whole days since the complaint was filed.
portal-officer-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
portal-officer-complaint-title = Complaint
portal-officer-complaint-title-error = Error: complaint
portal-officer-back-to-complaints = Back to the complaints
portal-officer-complaint-response = Response given
portal-officer-complaint-words = What the recipient wrote
portal-officer-complaint-closed = This complaint is closed.
portal-officer-complaint-event-start-review = Start reviewing it
portal-officer-complaint-event-uphold = Uphold: the complaint is justified
portal-officer-complaint-event-dismiss = Dismiss: the complaint is not justified
portal-officer-response-label = Response to the recipient
portal-officer-response-hint = Required to uphold or dismiss. The recipient reads it in their notifications.
portal-officer-error-response = Write the response the recipient will read.
portal-officer-link-audit = Audit log
portal-officer-audit-title = Audit log
portal-officer-audit-title-error = Error: audit log
portal-officer-audit-kind = Object
portal-officer-audit-kind-any = any
portal-officer-audit-from = From
portal-officer-audit-to = To
portal-officer-audit-filter = Show
portal-officer-audit-csv = Download as CSV
portal-officer-audit-none = No events match.
portal-officer-audit-at = When
portal-officer-audit-actor = Who
portal-officer-audit-action = Action
portal-officer-audit-object = Object
portal-officer-audit-older = Older events

## Provider's cabinet: editing an offer
portal-provider-offer-edit = Edit
portal-provider-offer-edit-title = Edit the offer
portal-provider-offer-edit-title-errors = Edit the offer: correct the form
portal-provider-offer-edit-heading = The offer as families see it
portal-provider-offer-save = Save the changes
portal-provider-done-saved = The offer was changed. Families already enrolled keep the price they agreed.
portal-provider-offer-error-version = Someone changed this offer after you opened it: open it again and make your change there.
portal-provider-offer-error-capacity-below-seats = More seats than this are taken: end enrollments first.

## Rows of uploaded files (bulk issuance reports)

taxid-snils = SNILS
taxid-rnokpp = RNOKPP
row-field-count = the row has { $fields } fields but the header has { $header }: look for a missing or extra delimiter, or a field that needs quotes
row-required = { $field } is required
row-too-long = { $field } may have at most { $max } characters
row-same-person = the same person is on line { $line }
row-name-digits = a name may not contain digits: is the column shifted?
row-date-format = write the date as YYYY-MM-DD (or DD.MM.YYYY)
row-date-no-such-day = there is no such day in the calendar: check the day and the month
row-born-in-future = the birth date is in the future
row-born-before-1900 = the birth date is before 1900: check the year
row-phone = a phone number may contain only digits, spaces and + - ( )
row-email = this does not look like an e-mail address (name@example.org)
row-category-twice = { $category } is listed twice
row-category-unknown = unknown recipient category { $name }: use one of disability_group_1, disability_group_2, disability_group_3, disabled_child, pensioner, large_family, maternity_leave, low_income, veteran
row-id-length = { $kind } must have { $digits } digits, got { $got }
row-id-not-digit = { $kind } may contain only digits, spaces and dashes; { $found } is not allowed
row-id-control-number = { $kind } control number should be { $expected }, not { $found }: look for a mistyped digit
row-id-check-digits = { $kind } { $count ->
    [one] check digit
   *[other] check digits
} should be { $expected }, not { $found }: look for a mistyped digit
row-duplicate-other-person-with-id = suspected duplicate: the national id is on file with another name or birth date (recipient { $recipient })
row-duplicate-same-person-other-id = suspected duplicate: a person with the same name and birth date is on file with another national id (recipient { $recipient })
row-cell-error = cell { $cell }: the cell shows the error { $error }: fix its formula or type the value

## Uploaded files as a whole

file-not-utf8 = line { $line } is not UTF-8 text: save the file as "CSV UTF-8"
file-no-header = the file has no header
file-no-header-columns = the file has no header: its first row must name the columns ({ $columns })
file-missing-columns = the header has no column { $missing }: the header row must name the columns ({ $columns })
file-duplicate-column = the header has the column { $column } twice
file-too-many-rows = the file has more than { $max } rows: split it into several files
file-old-excel = this is an Excel 97-2003 workbook (.xls): save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"
file-broken-workbook = the file cannot be read as an XLSX workbook ({ $detail }): save it again as "Excel Workbook (.xlsx)" or "CSV UTF-8"
file-no-worksheet = the workbook has no visible worksheet
file-too-wide = the header row has text beyond column { $max }: the table must start in the first columns
