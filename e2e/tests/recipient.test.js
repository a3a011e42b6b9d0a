// The recipient's cabinet in a real browser: a family member signs in, finds a home-care offer,
// sees what the certificate covers and what they would pay, enrolls, is told why rating has to
// wait, files a complaint and withdraws it, switches language on a cabinet page, and cancels the
// enrollment again (so that the demo certificate keeps its money for whoever comes next).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { follow, launch, newPage, go, checkA11y, screenshots, h1, lang, signIn } from './support.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a recipient enrolls from an offer, complains, withdraws and cancels', async () => {
  const page = await newPage(browser, 'en-GB');
  await signIn(page, 'recipient@khabarovsk.demo');
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  for (const name of ['My certificates', 'Enrollments', 'Deliveries', 'Complaints']) {
    assert.equal(await nav.getByRole('link', { name }).count(), 1, `${name} in the menu`);
  }
  assert.equal(await nav.getByRole('link', { name: /^Notifications/ }).count(), 1);

  // A home-care offer in Khabarovsk with free seats.
  await go(page, '/search');
  const khabarovsk = await page.locator('#authority_id option', { hasText: /Khabarovsk/ }).first().getAttribute('value');
  await go(page, `/search?authority_id=${khabarovsk}&category=home_care&free_seats=true&sort=price`);
  const results = page.locator('ol.cards > li');
  assert.ok((await results.count()) > 0, 'home care is offered');
  await follow(page, results.first().locator('h3 a'));
  await checkA11y(page, 'offer with enroll (en)');
  await follow(page, page.getByRole('link', { name: 'Enroll with this offer' }));

  assert.equal(await h1(page), 'Enroll with a provider');
  await checkA11y(page, 'enroll form (en)');
  // A volume of nothing is said next to its field (by the server: the browser's own check of
  // the number field is switched off to get there).
  await page.locator('form.enroll-form').evaluate((form) => {
    form.noValidate = true;
  });
  await page.getByLabel('Units of service').fill('0');
  await follow(page, page.getByRole('button', { name: 'Show the cost' }));
  assert.equal(await page.locator('#volume').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#volume-error').textContent(), /whole number/);
  await checkA11y(page, 'enroll form with an error (en)');

  await page.getByLabel('Units of service').fill('2');
  await follow(page, page.getByRole('button', { name: 'Show the cost' }));
  const quote = page.getByRole('region', { name: 'What it costs' });
  for (const line of ['Price per unit', 'Total', 'Covered by the certificate', 'Your co-payment']) {
    assert.equal(await quote.getByText(line, { exact: true }).count(), 1, `${line} in the quote`);
  }
  await checkA11y(page, 'quote (en)');
  await screenshots(page, 'recipient-quote');
  const copay = page.locator('#copay_agreed');
  if ((await copay.count()) > 0) {
    await copay.check();
  }
  await follow(page, page.getByRole('button', { name: 'Enroll', exact: true }));
  assert.match(page.url(), /\/cabinet\/enrollments\/[0-9a-f-]{36}$/);
  const enrollment = page.url();
  assert.match(await h1(page), /^Enrollment: /);
  assert.ok(await page.getByText('Requested, waiting for the provider').first().isVisible());
  // No delivery yet: no stars, and the page says why.
  assert.equal(await page.locator('input[name=stars]').count(), 0);
  assert.ok(await page.getByText('You can rate the provider once a delivery is confirmed.').isVisible());
  await checkA11y(page, 'enrollment (en)');
  await screenshots(page, 'recipient-enrollment');

  // A complaint: an empty one is refused at its field, a written one is listed, then withdrawn.
  await follow(page, page.getByRole('button', { name: 'File the complaint' }));
  assert.equal(await page.locator('#complaint-text').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'complaint with an error (en)');
  await page.getByLabel('What went wrong').fill('Nobody called back to agree on the first visit.');
  await follow(page, page.getByRole('button', { name: 'File the complaint' }));
  assert.match(page.url(), /\/cabinet\/complaints$/);
  assert.equal(await h1(page), 'My complaints');
  const mine = page.locator('ul.cards > li', { hasText: 'Nobody called back to agree on the first visit.' }).first();
  assert.ok(await mine.getByText('Open', { exact: true }).isVisible());
  await checkA11y(page, 'complaints (en)');
  await screenshots(page, 'recipient-complaints');
  await follow(page, mine.getByRole('button', { name: 'Withdraw the complaint' }));
  const withdrawn = page.locator('ul.cards > li', { hasText: 'Nobody called back to agree on the first visit.' }).first();
  assert.ok(await withdrawn.getByText('Withdrawn', { exact: true }).isVisible());

  // The list of enrollments, then the same page in Ukrainian.
  await follow(page, nav.getByRole('link', { name: 'Enrollments' }));
  assert.equal(await h1(page), 'My enrollments');
  assert.ok((await page.locator(`a[href="${new URL(enrollment).pathname}"]`).count()) > 0);
  await checkA11y(page, 'enrollments (en)');
  await screenshots(page, 'recipient-enrollments');
  await follow(page, page.locator('nav.languages a[hreflang=uk]'));
  assert.equal(await lang(page), 'uk');
  assert.equal(await h1(page), 'Мої записи на послуги');
  await checkA11y(page, 'enrollments (uk)');
  await screenshots(page, 'recipient-enrollments-uk');
  await follow(page, page.locator('nav.languages a[hreflang=en]'));

  for (const [path, heading, shot] of [
    ['/cabinet/deliveries', 'Deliveries to confirm', 'recipient-deliveries'],
    ['/cabinet/notifications', 'Notifications', 'recipient-notifications'],
  ]) {
    await go(page, path);
    assert.equal(await h1(page), heading);
    await checkA11y(page, `${path} (en)`);
    await screenshots(page, shot);
  }

  // Cancelling asks first; a request the provider has not taken yet ends at once.
  await go(page, new URL(enrollment).pathname);
  await follow(page, page.getByRole('link', { name: 'Cancel or switch provider' }));
  assert.equal(await h1(page), 'Cancel the enrollment?');
  await checkA11y(page, 'cancel (en)');
  await screenshots(page, 'recipient-cancel');
  await follow(page, page.getByRole('button', { name: 'Yes, cancel the enrollment' }));
  assert.equal(page.url(), enrollment);
  assert.ok(await page.getByText('Cancelled', { exact: true }).first().isVisible());
  await page.context().close();
});

test('a citizen reads how it works and sorts the search by provider rating', async () => {
  const page = await newPage(browser, 'ru-RU');
  await go(page, '/');
  await follow(page, page.getByRole('contentinfo').getByRole('link', { name: 'Как это работает' }));
  assert.equal(await h1(page), 'Как это работает');
  await checkA11y(page, 'how it works (ru)');
  await screenshots(page, 'recipient-how-it-works');

  await go(page, '/search?category=home_care');
  // With scripts on, the search form offers to fill in the location.
  assert.ok(await page.getByRole('button', { name: 'Определить моё местоположение' }).isVisible());
  await page.getByLabel('Сортировать').selectOption('rating');
  await follow(page, page.getByRole('button', { name: 'Найти' }));
  assert.match(page.url(), /sort=rating/);
  const cards = page.locator('ol.cards > li');
  assert.ok((await cards.count()) > 0);
  assert.equal(await cards.first().getByText('Рейтинг поставщика').count(), 1);
  await checkA11y(page, 'search by rating (ru)');
  await screenshots(page, 'recipient-search-rating');
  await page.context().close();
});
