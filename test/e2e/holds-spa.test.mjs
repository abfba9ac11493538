// Consent that holds when a single-page shop adds a vendor's snippet after Keksi started (issue 11,
// "whatever the timing"): the page had no Google tag at start-up, so Keksi set no Consent Mode default;
// a GA4 snippet gated on analytics, added later, must still hear the default and the visitor's choice
// before its own commands — else Google takes ad_storage as granted for a visitor who allowed analytics
// only (the stand-in then sets _gcl_au). First visit and returning visit (where the core alone gates
// until the controller has loaded), in Chromium; the returning visit also in Firefox.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { useFirefox } from './firefox-harness.mjs';
import { keksiReady, newPage, startHarness, TRACKER_COOKIE } from './harness.mjs';

const EXPECTED = ['consent default analytics:denied ads:denied', 'set ads_data_redaction', 'consent update analytics:granted ads:denied'];
const PUSHES = ['js', 'config G-HOLDSSPA'];

/** The dataLayer as rows: gtag commands (consent ones with two signals) and events (keksi's own left out). */
function dataLayerRows() {
  return (window.dataLayer || [])
    .map((e) => {
      if (Object.prototype.toString.call(e) !== '[object Arguments]') return e.event === 'keksi_consent_update' ? '' : `event ${e.event}`;
      const [a, b, c] = e;
      if (a === 'consent') return `consent ${b} analytics:${c.analytics_storage} ads:${c.ad_storage}`;
      return a === 'js' ? 'js' : `${a} ${b}`;
    })
    .filter(Boolean);
}

describe('Chromium: a GA4 snippet added after start-up', () => {
  let h;
  before(async () => (h = await startHarness()));
  after(async () => h?.close());
  const url = () => `${h.server.url}/test/pages/holds-vendor-spa.html`;

  test('first visit, analytics only: default and update come before the snippet; no ad cookie', async () => {
    const { context, page, errors } = await newPage(h.browser);
    await page.goto(url());
    await keksiReady(page);
    await page.evaluate(() => keksi.setConsent(['analytics']));
    await page.evaluate(() => window.addGa4());
    await page.waitForFunction(() => window.__fakeGtag?.loaded);
    assert.deepEqual(await page.evaluate(dataLayerRows), [...EXPECTED, ...PUSHES]);
    const cookies = (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIE.test(n));
    assert.ok(cookies.includes('_ga'), 'analytics allowed');
    assert.ok(!cookies.includes('_gcl_au'), 'no ad cookie: marketing was not allowed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('returning visit, analytics only, snippet added before the controller has loaded', async () => {
    const { context, page, errors } = await newPage(h.browser);
    await page.goto(url());
    await keksiReady(page);
    await page.evaluate(() => keksi.setConsent(['analytics']));
    // At DOMContentLoaded the core has gated the page and the controller is not there yet.
    await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => window.addGa4()));
    await page.goto(url());
    await keksiReady(page);
    await page.waitForFunction(() => window.__fakeGtag?.loaded);
    assert.deepEqual(await page.evaluate(dataLayerRows), [...EXPECTED, ...PUSHES]);
    const cookies = (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIE.test(n));
    assert.ok(!cookies.includes('_gcl_au'), 'no ad cookie: marketing was not allowed');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('Firefox: a GA4 snippet added after start-up', () => {
  const ff = useFirefox();

  test('returning visit, analytics only: default and update before the snippet', async () => {
    const context = await ff.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (/^https?:\/\/(localhost|127\.0\.0\.1)/.test(r.url())) r.continue();
      else if (/^https:\/\/www\.googletagmanager\.com\/gtag\/js/.test(r.url())) r.respond({ status: 200, contentType: 'text/javascript', body: readFileSync('demo/vendor/gtag.js', 'utf8') });
      else r.abort();
    });
    const url = `${ff.server.url}/test/pages/holds-vendor-spa.html`;
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('keksi-consent')?.store);
    await page.evaluate(() => keksi.setConsent(['analytics']));
    await page.evaluateOnNewDocument(() => document.addEventListener("DOMContentLoaded", () => window.addGa4()));
    await page.goto(url);
    await page.waitForFunction(() => window.__fakeGtag?.loaded);
    assert.deepEqual(await page.evaluate(dataLayerRows), [...EXPECTED, ...PUSHES]);
    assert.ok(!(await page.evaluate(() => document.cookie)).includes('_gcl_au'), 'no ad cookie');
    await context.close();
  });
});
