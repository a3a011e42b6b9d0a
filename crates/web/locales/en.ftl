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
portal-officer-bulk-lead = Upload a CSV of recipients: every row is checked, people are matched on their national id or registered, and certificates are issued. Uploading the same file again issues nothing twice.
portal-officer-bulk-file = CSV file of recipients
portal-officer-bulk-file-hint = UTF-8, separated by commas or semicolons, with the header row first (columns as in the API documentation).
portal-officer-bulk-submit = Upload and issue
portal-officer-bulk-again = Upload another file
portal-officer-error-file-empty = Choose a file to upload.
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
