// Shared pieces of the browser tests: Debian's Chromium through playwright-core, axe-core checks,
// screenshots at desktop and phone widths.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = process.env.SOCERT_BASE_URL ?? 'http://127.0.0.1:8080';
export const PASSWORD = 'socert-demo-2026';
const SCREENSHOTS = process.env.SOCERT_SCREENSHOTS ?? path.resolve('../target/screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.SOCERT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/// A fresh browser profile (no cookies) speaking `locale`, failing the test on any console error
/// (a blocked inline script or style shows up there as a CSP violation).
export async function newPage(browser, locale = 'ru-RU') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (message) => {
    // A page answered with 4xx on purpose (a form with errors, a 403) logs its own status here;
    // failed subresources are caught below instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      page.consoleErrors.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) {
      page.consoleErrors.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return page;
}

export async function go(page, pathname) {
  const response = await page.goto(BASE + pathname);
  return response;
}

/// Runs axe-core on the page: no serious or critical violations allowed. Injected through the
/// DevTools protocol, so the page's CSP stays as strict as it is for users.
export async function checkA11y(page, name) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const report = bad
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n'))
      .join('\n');
    assert.fail(`axe found ${bad.length} serious/critical violation(s) on ${name}:\n${report}`);
  }
  assert.deepEqual(page.consoleErrors, [], `console errors on ${name}`);
}

/// Full-page screenshots at 1280 px and 360 px wide.
export async function screenshots(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    // Nothing may stick out sideways on a phone.
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 360px`);
    }
  }
  await page.setViewportSize(original);
}

export async function h1(page) {
  const headings = await page.locator('h1').allTextContents();
  assert.equal(headings.length, 1, 'one h1 per page');
  return headings[0].trim();
}

export async function lang(page) {
  return page.locator('html').getAttribute('lang');
}

/// Clicks a link or a form's button and waits for the page it leads to.
export async function follow(page, target) {
  await Promise.all([page.waitForNavigation(), target.click()]);
}

export async function signIn(page, login) {
  await go(page, '/login');
  await page.getByLabel(/Логин|Логін|Login/).fill(login);
  await page.getByLabel(/Пароль|Password/).fill(PASSWORD);
  await follow(page, page.locator('form.narrow-form button[type=submit]'));
}

/// Signs in to the API as `login`: the session cookie and CSRF token for the calls that follow.
export async function apiSession(login) {
  const response = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  assert.equal(response.status, 200, `sign-in of ${login}: ${await response.clone().text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await response.json();
  return { cookie, csrf };
}

/// Calls the API in `session`: a body of bytes goes as it is, any other as JSON. The answer's
/// status, its JSON (null when it is not JSON) and its text.
export async function api(session, method, pathname, body, headers = {}) {
  const raw = body instanceof Uint8Array;
  const response = await fetch(BASE + pathname, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body == null || raw ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body == null ? undefined : raw ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

/// The home page of the demo provider's cabinet once signed in as its user. The user may work for
/// more providers (the officer's browser story registers one with the same user): the chooser
/// lists them in the order the user joined them, the demo provider first.
export async function demoProviderHome(page) {
  if (new URL(page.url()).pathname === '/cabinet/provider') {
    await go(page, await page.locator('main a[href^="/cabinet/provider/"]').first().getAttribute('href'));
  }
  const match = new URL(page.url()).pathname.match(/^\/cabinet\/provider\/([0-9a-f-]{36})$/);
  assert.ok(match, `landed on ${page.url()}`);
  return `/cabinet/provider/${match[1]}`;
}
