// The officer's cabinet in a real browser: reviewing a provider's application (made through the
// API here) and admitting it, finding a person by SNILS and issuing a certificate, bulk uploads
// with one bad row (a CSV file, then an XLSX workbook), settlement, complaints and, for the
// auditor, the audit log. Every object is this file's own: the demo data stays as other files
// expect it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { BASE, api, apiSession, follow, launch, newPage, go, checkA11y, screenshots, h1, signIn } from './support.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// An API session of `login`: a function calling the API that fails the test on an error status
/// and answers with the JSON (or the text) of the response.
async function apiAs(login) {
  const session = await apiSession(login);
  return async (method, path, body, headers = {}) => {
    const answer = await api(session, method, path, body, headers);
    assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.json ?? answer.text;
  };
}

function checkDigit(digits, weights) {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return String((sum % 11) % 10);
}

/// A valid 10-digit INN of an organisation and its 13-digit OGRN, from a seed.
function orgIds(seed) {
  const inn9 = String(770000000 + (seed % 99999999)).padStart(9, '0').slice(0, 9);
  const inn = inn9 + checkDigit(inn9, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
  const ogrn12 = `1027${String(seed % 100000000).padStart(8, '0')}`;
  const ogrn = ogrn12 + String((BigInt(ogrn12) % 11n) % 10n);
  return { inn, ogrn };
}

/// A valid SNILS with the nine-digit serial `serial`.
function snils(serial) {
  const body = String(serial).padStart(9, '0');
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (9 - i), 0);
  const control = sum % 101 === 100 ? 0 : sum % 101;
  return body + String(control).padStart(2, '0');
}

const seed = Date.now() % 100000000;
const today = new Date().toISOString().slice(0, 10);
const shift = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

let authority;
let program;
let personSnils;

before(async () => {
  const authorities = await (await fetch(`${BASE}/api/v1/authorities`)).json();
  authority = authorities.items.find((a) => a.region_code === '27').id;

  // A provider applies to Khabarovsk, with a document.
  const provider = await apiAs('provider@khabarovsk.demo');
  const { inn, ogrn } = orgIds(seed);
  const registered = await provider('POST', '/api/v1/providers', {
    legal_form: 'ngo',
    full_name: `Автономная некоммерческая организация «Рассвет ${seed}»`,
    short_name: `АНО «Рассвет ${seed}»`,
    country: 'RU',
    tax_id: inn,
    registration_number: ogrn,
    phone: '+7 4212 11-22-33',
    email: 'rassvet@example.org',
    location: { address: 'г. Хабаровск, ул. Карла Маркса, д. 7', municipality: 'Хабаровск' },
    bank_account: '40703810000000000077',
    bank_id: '040813608',
  });
  const services = [];
  for (let cursor = ''; ; ) {
    const page = await (await fetch(`${BASE}/api/v1/authorities/${authority}/services?limit=200${cursor}`)).json();
    services.push(...page.items);
    if (!page.next_cursor) break;
    cursor = `&cursor=${encodeURIComponent(page.next_cursor)}`;
  }
  const palliative = services.find((s) => s.code === 'PAL-HOME-VISIT').id;
  const admission = await provider('POST', `/api/v1/providers/${registered.id}/admissions`, {
    authority_id: authority,
    service_ids: [palliative],
  });
  await provider(
    'POST',
    `/api/v1/providers/${registered.id}/admissions/${admission.id}/documents`,
    new TextEncoder().encode('%PDF-1.4\n% e2e charter\n'),
    { 'content-type': 'application/pdf', 'x-file-name': 'charter.pdf' },
  );

  // A funded program of the officer's own, and one person on file.
  const officer = await apiAs('officer@khabarovsk.demo');
  const homeCare = services.filter((s) => s.code.startsWith('HOME')).map((s) => s.id);
  const created = await officer('POST', `/api/v1/authorities/${authority}/programs`, {
    names: { ru: `Помощь e2e ${seed}`, uk: `Допомога e2e ${seed}`, en: `E2E help ${seed}` },
    services: homeCare,
    starts: shift(-10),
    ends: shift(300),
    eligibility: { min_age: 18 },
    certificate: { value: { kind: 'money', amount: { amount_minor: 1000000, currency: 'RUB' } }, validity_months: 6 },
  });
  program = created.id;
  await officer(
    'POST',
    `/api/v1/authorities/${authority}/programs/${program}/funding`,
    { amount: { amount_minor: 10000000, currency: 'RUB' } },
    { 'idempotency-key': `e2e-fund-${program}` },
  );
  personSnils = snils(600000000 + (seed % 1000000));
  await officer('POST', `/api/v1/authorities/${authority}/recipients`, {
    last_name: 'Киселёва',
    first_name: 'Алла',
    middle_name: 'Борисовна',
    birth_date: '1949-07-14',
    national_id: personSnils,
    municipality: '08701000',
    address: 'г. Хабаровск, ул. Ленина, д. 40',
  });
});

test('an officer reviews an application and admits the provider', async () => {
  const page = await newPage(browser, 'en-US');
  await signIn(page, 'officer@khabarovsk.demo');
  assert.match(page.url(), /\/cabinet\/officer$/);
  assert.equal(await h1(page), 'Dashboard');
  await checkA11y(page, 'officer dashboard');
  await screenshots(page, 'officer-dashboard');

  await follow(page, page.getByRole('link', { name: 'Provider applications' }).first());
  assert.equal(await h1(page), 'Provider applications awaiting a decision');
  await checkA11y(page, 'officer review queue');
  await screenshots(page, 'officer-admissions');

  await follow(page, page.getByRole('link', { name: `АНО «Рассвет ${seed}»` }));
  assert.equal(await h1(page), `Application of АНО «Рассвет ${seed}»`);
  assert.equal(await page.getByRole('link', { name: 'charter.pdf' }).count(), 1);
  await checkA11y(page, 'officer application');
  await screenshots(page, 'officer-admission');

  // Rejecting without a reason: the form comes back with the message tied to the field.
  await page.getByLabel('Reject the application').check();
  await follow(page, page.getByRole('button', { name: 'Record the decision' }));
  assert.equal(await page.locator('#reason').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#reason-error').textContent(), /Give the reason/);
  await checkA11y(page, 'officer application with an error');
  await screenshots(page, 'officer-admission-error');

  await page.getByLabel('Admit the provider').check();
  await follow(page, page.getByRole('button', { name: 'Record the decision' }));
  assert.match(await page.locator('[role=status]').textContent(), /The decision is recorded/);
  assert.match(await page.locator('dl.facts').textContent(), /admitted/);
  assert.equal(await page.getByLabel('Suspend the provider').count(), 1);
  await page.context().close();
});

test('an officer finds a person by SNILS and issues a certificate', async () => {
  const page = await newPage(browser, 'en-US');
  await signIn(page, 'officer@khabarovsk.demo');
  await go(page, `/cabinet/officer/${authority}/recipients`);
  assert.equal(await h1(page), 'Find a recipient');
  await checkA11y(page, 'officer find recipient');
  await screenshots(page, 'officer-find');

  // A mistyped number first.
  await page.getByLabel(/National id/).fill('123-456-789 00');
  await follow(page, page.getByRole('button', { name: 'Find', exact: true }));
  assert.equal(await page.locator('#national_id').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'officer find recipient with an error');

  const written = `${personSnils.slice(0, 3)}-${personSnils.slice(3, 6)}-${personSnils.slice(6, 9)} ${personSnils.slice(9)}`;
  await page.getByLabel(/National id/).fill(written);
  await follow(page, page.getByRole('button', { name: 'Find', exact: true }));
  assert.equal(await h1(page), "Recipient's file");
  assert.match(await page.locator('dl.facts').textContent(), /Киселёва Алла Борисовна/);
  await checkA11y(page, 'officer recipient file');
  await screenshots(page, 'officer-recipient');

  await page.getByLabel('Program').selectOption(program);
  await follow(page, page.getByRole('button', { name: 'Issue', exact: true }));
  assert.match(await page.locator('[role=status]').textContent(), /The certificate is issued/);
  assert.match(await page.locator('table').textContent(), new RegExp(`E2E help ${seed}`));
  await checkA11y(page, 'officer recipient file after issuance');
  await page.context().close();
});

test('an officer uploads a list with one bad row and sees the report', async () => {
  const page = await newPage(browser, 'en-US');
  await signIn(page, 'officer@khabarovsk.demo');
  await go(page, `/cabinet/officer/${authority}/issuance`);
  assert.equal(await h1(page), 'Issue certificates from a file');
  await checkA11y(page, 'officer bulk issuance');
  await screenshots(page, 'officer-bulk');

  const csv = [
    'last_name,first_name,middle_name,birth_date,national_id,municipality,address,phone,email,categories',
    `Зуева,Ольга,Ивановна,1950-02-02,${snils(610000000 + (seed % 1000000))},08701000,г. Хабаровск,,,`,
    'Носов,Пётр,,1951-03-03,12345678900,08701000,г. Хабаровск,,,',
  ].join('\n');
  await page.getByLabel('Program').selectOption(program);
  await page.setInputFiles('#file', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await follow(page, page.getByRole('button', { name: 'Upload and issue' }));
  for (let i = 0; i < 40 && (await h1(page)) !== 'Issuance finished'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await page.reload();
  }
  assert.equal(await h1(page), 'Issuance finished');
  const report = await page.locator('table tbody').textContent();
  assert.match(report, /3\s*refused\s*national_id/);
  await checkA11y(page, 'officer bulk report');
  await screenshots(page, 'officer-bulk-report');

  // The same kind of list as LibreOffice Calc saved it (a title above the header, date cells):
  // the report counts rows as the sheet shows them.
  await go(page, `/cabinet/officer/${authority}/issuance`);
  await page.getByLabel('Program').selectOption(program);
  await page.setInputFiles('#file', fileURLToPath(new URL('../../crates/web/tests/fixtures/recipients-libreoffice.xlsx', import.meta.url)));
  await follow(page, page.getByRole('button', { name: 'Upload and issue' }));
  for (let i = 0; i < 40 && (await h1(page)) !== 'Issuance finished'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await page.reload();
  }
  assert.equal(await h1(page), 'Issuance finished');
  assert.match(await page.locator('main').textContent(), /recipients-libreoffice\.xlsx/);
  assert.match(await page.locator('table tbody').textContent(), /6\s*refused\s*birth_date/);
  await page.context().close();
});

test('an officer opens programs, settlement and complaints; an auditor the audit log', async () => {
  const page = await newPage(browser, 'en-US');
  await signIn(page, 'officer@khabarovsk.demo');
  for (const [path, heading, name] of [
    ['programs', 'Programs and budget', 'programs'],
    ['settlement', 'Settlement with providers', 'settlement'],
    ['complaints', 'Complaints: New', 'complaints'],
  ]) {
    await go(page, `/cabinet/officer/${authority}/${path}`);
    assert.equal(await h1(page), heading);
    await checkA11y(page, `officer ${name}`);
    await screenshots(page, `officer-${name}`);
  }
  // Settling a period with no approved claim says so next to the date.
  await go(page, `/cabinet/officer/${authority}/settlement`);
  await page.getByLabel('Settle claims of periods ending by').fill(today);
  await follow(page, page.getByRole('button', { name: 'Create the payment batch' }));
  assert.equal(await page.locator('#period_to').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'officer settlement with an error');
  await page.context().close();

  const auditor = await newPage(browser, 'en-US');
  await signIn(auditor, 'auditor@khabarovsk.demo');
  await go(auditor, `/cabinet/officer/${authority}/audit?kind=recipient`);
  assert.equal(await h1(auditor), 'Audit log');
  assert.match(await auditor.locator('table').textContent(), /recipient\.read/);
  await checkA11y(auditor, 'auditor audit log');
  await screenshots(auditor, 'officer-audit');
  await auditor.context().close();
});
