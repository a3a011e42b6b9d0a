// The portal in a real browser: languages, search, sign-in, a recipient's certificates, an
// officer's dashboard; axe-core on every main page in each role; screenshots of each.
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

test('the language switch goes ru → uk → en and is remembered', async () => {
  const page = await newPage(browser, 'ru-RU');
  await go(page, '/');
  assert.equal(await lang(page), 'ru');
  assert.equal(await h1(page), 'Социальный сертификат: деньги следуют за вами');
  assert.match(await page.title(), /socert/);
  await checkA11y(page, 'home (ru)');
  await screenshots(page, 'home-ru');

  await page.locator('nav.languages a[hreflang=uk]').click();
  await page.waitForLoadState();
  assert.equal(await lang(page), 'uk');
  assert.equal(await h1(page), 'Соціальний сертифікат: гроші йдуть за вами');
  await checkA11y(page, 'home (uk)');
  await screenshots(page, 'home-uk');

  await page.locator('nav.languages a[hreflang=en]').click();
  await page.waitForLoadState();
  assert.equal(await lang(page), 'en');
  assert.equal(await h1(page), 'Social certificates: the money follows you');
  await checkA11y(page, 'home (en)');

  // The choice sticks without ?lang= on the next page.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Open data' }).click();
  await page.waitForLoadState();
  assert.equal(await lang(page), 'en');
  assert.equal(await h1(page), 'Open data');
  await checkA11y(page, 'open data (en)');
  await screenshots(page, 'open-data-en');
  await page.context().close();
});

test('a citizen searches the registry and opens an offer and its provider', async () => {
  const page = await newPage(browser, 'ru-RU');
  await go(page, '/search');
  assert.equal(await h1(page), 'Найти социальную услугу');
  // An inflected form of the words in the offer's title («Обучение плаванию детей»).
  await page.getByLabel('Что вы ищете?').fill('плавание для детей');
  const khabarovsk = await page.locator('#authority_id option', { hasText: 'Хабаровск' }).first().getAttribute('value');
  await page.getByLabel('Регион').selectOption(khabarovsk);
  await page.getByLabel('Сортировать').selectOption('price');
  await follow(page, page.getByRole('button', { name: 'Найти' }));
  const results = page.locator('ol.cards > li');
  assert.ok((await results.count()) > 0, 'the search finds offers');
  const firstTitle = (await results.first().locator('h3 a').textContent()).trim();
  assert.match(firstTitle, /плава/i);
  await checkA11y(page, 'search results (ru)');
  await screenshots(page, 'search-ru');

  // Twenty to a page; the next page keeps the filters and goes on from there.
  await go(page, '/search?category=sports&sort=price');
  assert.equal(await page.locator('ol.cards > li').count(), 20);
  const lastPrice = await page.locator('ol.cards > li').last().locator('dd').first().textContent();
  await follow(page, page.getByRole('link', { name: 'Следующая страница' }));
  assert.match(page.url(), /category=sports&sort=price&cursor=20$/);
  assert.equal(await page.locator('#category').inputValue(), 'sports');
  const firstPrice = await page.locator('ol.cards > li').first().locator('dd').first().textContent();
  const amount = (text) => Number(text.replace(/[^0-9,]/g, '').replace(',', '.'));
  assert.ok(amount(firstPrice) >= amount(lastPrice), `${firstPrice} follows ${lastPrice}`);

  // A wrong coordinate is reported next to its field.
  await go(page, '/search?q=%D1%83%D1%85%D0%BE%D0%B4&sort=distance&lat=100&lon=135');
  assert.equal(await page.locator('#lat').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#lat-error').textContent(), /широту/);
  await checkA11y(page, 'search with an error (ru)');
  await screenshots(page, 'search-error-ru');

  await go(page, '/search?q=%D0%BF%D0%BB%D0%B0%D0%B2%D0%B0%D0%BD%D0%B8%D0%B5&sort=price');
  await follow(page, page.locator('ol.cards > li h3 a').first());
  assert.match(page.url(), /\/offers\//);
  assert.match(await h1(page), /плава/i);
  assert.ok(await page.getByText('Ваша доплата').isVisible());
  await checkA11y(page, 'offer (ru)');
  await screenshots(page, 'offer-ru');

  await follow(page, page.locator('p.provider a'));
  assert.match(page.url(), /\/providers\//);
  await h1(page);
  await checkA11y(page, 'provider (ru)');
  await screenshots(page, 'provider-ru');
  await page.context().close();
});

test('a recipient signs in, sees the certificate and its history, and signs out', async () => {
  const page = await newPage(browser, 'ru-RU');
  await go(page, '/login');
  assert.equal(await h1(page), 'Вход в socert');
  await checkA11y(page, 'sign-in form (ru)');
  await screenshots(page, 'login-ru');

  // A wrong password: the form again, the message tied to the field.
  await page.getByLabel('Логин (электронная почта)').fill('recipient@khabarovsk.demo');
  await page.getByLabel('Пароль').fill('wrong password');
  await follow(page, page.getByRole('button', { name: 'Войти' }).last());
  assert.equal(await page.locator('#password').getAttribute('aria-describedby'), 'password-error');
  assert.match(await page.locator('#password-error').textContent(), /Неверный логин или пароль/);
  await checkA11y(page, 'sign-in form with an error (ru)');
  await screenshots(page, 'login-error-ru');

  await signIn(page, 'recipient@khabarovsk.demo');
  assert.match(page.url(), /\/cabinet\/certificates$/);
  assert.equal(await h1(page), 'Мои сертификаты');
  const card = page.locator('.card').first();
  assert.match(await card.textContent(), /Уход на дому для пожилых/);
  assert.match(await card.textContent(), /Действует/);
  assert.match(await card.textContent(), /60\s000,00\s₽/);
  await checkA11y(page, 'my certificates (ru)');
  await screenshots(page, 'certificates-ru');

  await follow(page, card.locator('h3 a'));
  assert.match(await h1(page), /^Сертификат № \d{2}-\d{4}-\d{6}-\d$/);
  assert.match(await page.title(), /^Социальный сертификат № \d{2}-\d{4}-\d{6}-\d · socert$/);
  assert.ok((await page.locator('table tbody tr').count()) >= 1, 'the history has the issue');
  assert.equal(await page.getByRole('link', { name: 'Распечатать сертификат' }).count(), 1);
  await checkA11y(page, 'certificate (ru)');
  await screenshots(page, 'certificate-ru');

  // The printable page opens for the same session.
  const print = await page.getByRole('link', { name: 'Распечатать сертификат' }).getAttribute('href');
  const printed = await go(page, print);
  assert.equal(printed.status(), 200);
  assert.equal(await h1(page), 'Социальный сертификат');

  // A recipient has no business on the officer's dashboard.
  const refused = await go(page, '/cabinet/officer');
  assert.equal(refused.status(), 403);
  assert.equal(await h1(page), 'Доступ запрещён');
  await checkA11y(page, 'forbidden (ru)');

  // Public pages keep passing with the signed-in header and its sign-out form.
  await go(page, '/');
  await checkA11y(page, 'home (recipient)');
  await screenshots(page, 'home-recipient-ru');
  await follow(page, page.getByRole('button', { name: 'Выйти' }));
  assert.ok(await page.getByRole('link', { name: 'Войти' }).isVisible());
  const again = await go(page, '/cabinet/certificates');
  assert.match(page.url(), /\/login\?next=\/cabinet\/certificates$/);
  assert.equal(again.status(), 200);
  await page.context().close();
});

test('an officer signs in and sees the dashboard of the authority', async () => {
  const page = await newPage(browser, 'uk-UA');
  await go(page, '/cabinet/officer');
  assert.match(page.url(), /\/login\?next=\/cabinet\/officer$/);
  await page.getByLabel('Логін (електронна пошта)').fill('officer@khabarovsk.demo');
  await page.getByLabel('Пароль').fill('socert-demo-2026');
  await follow(page, page.locator('form.narrow-form button[type=submit]'));
  assert.match(page.url(), /\/cabinet\/officer$/);
  assert.equal(await lang(page), 'uk');
  assert.equal(await h1(page), 'Зведення');
  const row = page.locator('tbody tr', { hasText: 'Догляд вдома для літніх людей' });
  assert.equal(await row.count(), 1);
  // Ten certificates fit the demo budget; two of the twelve people wait.
  const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
  assert.equal(cells.at(-1), '2', `waiting list in ${cells}`);
  assert.equal(cells.at(-3), '10', `live certificates in ${cells}`);
  await checkA11y(page, 'officer dashboard (uk)');
  await screenshots(page, 'officer-uk');

  await go(page, '/search?q=%D0%B4%D0%BE%D0%B3%D0%BB%D1%8F%D0%B4');
  assert.ok((await page.locator('ol.cards > li').count()) > 0, 'Ukrainian words find offers');
  await checkA11y(page, 'search (officer, uk)');

  await go(page, '/cabinet/officer');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForLoadState();
  assert.equal(await h1(page), 'Dashboard');
  await checkA11y(page, 'officer dashboard (en)');
  await screenshots(page, 'officer-en');
  await page.context().close();
});
