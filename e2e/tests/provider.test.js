// The provider's cabinet in the browser: the demo provider signs in, sees its admissions, attaches
// a document, publishes an offer, accepts a family's request (made through the API here), records
// a delivery and uploads a CSV file with one bad row. axe-core on every page; screenshots of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { follow, launch, newPage, go, checkA11y, screenshots, h1, signIn, apiSession, api, demoProviderHome } from './support.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the demo provider publishes an offer, accepts a request and records deliveries', async () => {
  const page = await newPage(browser, 'ru-RU');
  await signIn(page, 'provider@khabarovsk.demo');
  const home = await demoProviderHome(page);
  assert.match(await h1(page), /^Кабинет поставщика: /);
  assert.match(await page.locator('.provider-admission').first().textContent(), /Допущен/);
  await checkA11y(page, 'provider dashboard (ru)');
  await screenshots(page, 'provider-dashboard');

  // A text file is refused next to the file field; a PDF is attached.
  const admission = page.locator('.provider-admission').first();
  await admission.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await follow(page, admission.getByRole('button', { name: 'Приложить', exact: true }));
  assert.match(await page.locator('.provider-admission .field-error').first().textContent(), /PDF, JPEG и PNG/);
  await checkA11y(page, 'provider dashboard with an error (ru)');
  await screenshots(page, 'provider-dashboard-error');
  await page.locator('.provider-admission').first().locator('input[type=file]')
    .setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 e2e') });
  await follow(page, page.locator('.provider-admission').first().getByRole('button', { name: 'Приложить', exact: true }));
  assert.match(await page.locator('.provider-done').textContent(), /Документ приложен/);
  assert.match(await page.locator('.provider-admission').first().textContent(), /licence\.pdf/);

  // Publishing: a price left out is said next to it; then the offer is published.
  await go(page, `${home}/offers`);
  await checkA11y(page, 'provider offers (ru)');
  await screenshots(page, 'provider-offers');
  await page.locator('#service').selectOption({ index: 1 });
  const [authorityId, serviceId] = (await page.locator('#service').inputValue()).split(':');
  const title = `Уход e2e ${Date.now()}`;
  await page.getByLabel('Название на русском').fill(title);
  await page.getByLabel('Мест', { exact: true }).fill('3');
  await follow(page, page.getByRole('button', { name: 'Опубликовать', exact: true }));
  assert.equal(await page.locator('#price').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#price-error').textContent(), /Укажите цену/);
  assert.equal(await page.locator('#title_ru').inputValue(), title, 'what was typed is kept');
  await checkA11y(page, 'provider offer form with an error (ru)');
  await screenshots(page, 'provider-offer-error');
  await page.locator('#price').fill('412,00');
  await follow(page, page.getByRole('button', { name: 'Опубликовать', exact: true }));
  assert.match(await page.locator('.provider-done').textContent(), /Предложение опубликовано/);
  const link = page.getByRole('link', { name: title, exact: true });
  const offerId = (await link.getAttribute('href')).split('/').pop();

  // A correction: one seat more.
  const edit = page.locator(`a[href="${home}/offers/${offerId}"]`);
  assert.match(await edit.textContent(), new RegExp(`^Изменить: ${title}$`));
  await go(page, await edit.getAttribute('href'));
  assert.equal(await h1(page), 'Изменение предложения');
  assert.equal(await page.locator('#price').inputValue(), '412.00');
  await checkA11y(page, 'provider offer edit (ru)');
  await screenshots(page, 'provider-offer-edit');
  await page.getByLabel('Мест', { exact: true }).fill('4');
  await follow(page, page.getByRole('button', { name: 'Сохранить изменения' }));
  assert.match(await page.locator('.provider-done').textContent(), /Предложение изменено/);

  // A family asks for the offer (through the API): the officer starts a program for its service
  // and issues the demo family a certificate of it first.
  const family = await apiSession('recipient@khabarovsk.demo');
  const mine = await api(family, 'GET', '/api/v1/me/certificates');
  const held = mine.json.items[0];
  const officer = await apiSession('officer@khabarovsk.demo');
  const program = await api(officer, 'POST', `/api/v1/authorities/${authorityId}/programs`, {
    names: { ru: `Программа e2e ${offerId}`, uk: `Програма e2e ${offerId}`, en: `Program e2e ${offerId}` },
    services: [serviceId],
    starts: held.valid_from,
    ends: held.valid_to,
    quota: null,
    max_funded: null,
    certificate: { value: { kind: 'money', amount: { amount_minor: 1000000, currency: 'RUB' } }, validity_months: 12 },
  });
  assert.equal(program.status, 201, program.text);
  const funded = await api(
    officer,
    'POST',
    `/api/v1/authorities/${authorityId}/programs/${program.json.id}/funding`,
    { amount: { amount_minor: 1000000, currency: 'RUB' } },
    { 'idempotency-key': `e2e-fund-${offerId}` },
  );
  assert.ok(funded.status < 300, funded.text);
  const issued = await api(officer, 'POST', `/api/v1/authorities/${authorityId}/programs/${program.json.id}/certificates`, {
    recipient_id: held.recipient_id,
  });
  assert.equal(issued.status, 201, issued.text);
  const enrolled = await api(
    family,
    'POST',
    '/api/v1/me/enrollments',
    { certificate_id: issued.json.certificate.id, offer_id: offerId, volume: 4, starts_on: issued.json.certificate.valid_from, copay_agreed: true },
    { 'idempotency-key': `e2e-provider-${offerId}` },
  );
  assert.equal(enrolled.status, 201, enrolled.text);
  const enrollment = enrolled.json;
  await go(page, `${home}/requests`);
  const request = page.locator('.provider-request', { hasText: enrollment.id });
  assert.equal(await request.count(), 1);
  await checkA11y(page, 'provider requests (ru)');
  await screenshots(page, 'provider-requests');
  await follow(page, request.getByRole('button', { name: 'Принять' }));
  assert.match(await page.locator('.provider-done').textContent(), /Заявка принята/);

  // A delivery through the form.
  await go(page, `${home}/deliveries`);
  await page.locator('#enrollment').selectOption(`${enrollment.authority_id}:${enrollment.id}`);
  await page.locator('#delivered_on').fill(enrollment.starts_on);
  await page.locator('#units').fill('1');
  await checkA11y(page, 'provider deliveries (ru)');
  await screenshots(page, 'provider-deliveries');
  await follow(page, page.getByRole('button', { name: 'Записать', exact: true }));
  assert.match(await page.locator('.provider-done').textContent(), /Оказание услуги записано/);

  // A file with a good row and a bad one: a report line for each.
  const csv = 'enrollment_id,delivered_on,delivered_at,units,worker,note\n'
    + `${enrollment.id},${enrollment.starts_on},10:00,1,Анна,\n`
    + `${enrollment.id},32.13.2026,,1,Анна,\n`;
  await page.locator('#file').setInputFiles({ name: 'visits.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#authority_id').selectOption(enrollment.authority_id);
  await follow(page, page.getByRole('button', { name: 'Загрузить и записать' }));
  assert.match(await page.locator('[role=status]').last().textContent(), /Записано: 1\. Отклонено: 1\./);
  const rows = page.locator('table tbody tr');
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(1).textContent(), /отклонена/);
  await checkA11y(page, 'provider CSV report (ru)');
  await screenshots(page, 'provider-csv-report');

  // Claims: the form and the list.
  await go(page, `${home}/claims`);
  assert.equal(await h1(page), 'Счета');
  await checkA11y(page, 'provider claims (ru)');
  await screenshots(page, 'provider-claims');
  await page.context().close();
});
