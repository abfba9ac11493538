// The core flows (first visit, accept, reject, returning visitor) in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi (playwright-core cannot drive a stock Firefox).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFirefox } from './firefox-harness.mjs';

const ff = useFirefox();

async function fresh() {
  const context = await ff.browser.createBrowserContext();
  const page = await context.newPage();
  const outside = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (/^https?:\/\/(localhost|127\.0\.0\.1)/.test(r.url())) r.continue();
    else {
      outside.push(r.url());
      r.abort();
    }
  });
  return { context, page, outside };
}

const ready = (page) => page.waitForFunction(() => document.querySelector('keksi-consent')?.store);
/** Open a demo page as a first-time visitor and wait for the banner. */
async function firstVisit(page, path = '/') {
  await page.goto(`${ff.server.url}${path}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
}
const bannerShown = (page) => page.evaluate(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
const click = (page, part) =>
  page.evaluate((part) => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector(`[part~="${part}"]`).click(), part);
const shopEvents = (page) => page.evaluate(() => (window.shopEvents || []).map((e) => e.replace(/ \d.*/, '')));

describe('Firefox core flows', () => {
  test('first visit: banner, nothing gated runs, no outside request', async () => {
    const { context, page, outside } = await fresh();
    await firstVisit(page, '/?vendors=real');
    assert.equal(await bannerShown(page), true);
    assert.deepEqual(await shopEvents(page), []);
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('accept all, then a returning visit: no banner, accepted scripts run at load', async () => {
    const { context, page } = await fresh();
    await firstVisit(page);
    await click(page, 'accept-all');
    await page.waitForFunction(() => (window.shopEvents || []).length === 3);
    assert.deepEqual(await shopEvents(page), ['shop-analytics.js loaded', 'inline analytics snippet ran', 'inline marketing snippet ran']);
    const cookie = (await context.cookies()).find((c) => c.name === 'keksi_consent');
    assert.deepEqual(JSON.parse(decodeURIComponent(cookie.value)).a, ['preferences', 'analytics', 'marketing']);
    await page.goto(`${ff.server.url}/tuote.html`);
    await ready(page);
    await page.waitForFunction(() => (window.shopEvents || []).length === 1);
    assert.equal(await bannerShown(page), false);
    assert.equal(await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), '/embed/video.html');
    await context.close();
  });

  test('returning visit on a page without Google or Meta tags: the core gates before the controller is defined', async () => {
    const { context, page } = await fresh();
    await page.goto(`${ff.server.url}/test/pages/early.html`);
    await ready(page);
    await page.evaluate(() => keksi.setConsent(['analytics']));
    await page.waitForFunction(() => window.__ran.length === 4);
    await page.goto(`${ff.server.url}/test/pages/early.html`);
    await page.waitForFunction(() => window.__ran.length === 4);
    assert.deepEqual(await page.evaluate(() => window.atRun), {
      analytics: true, marketing: false, accepted: ['necessary', 'analytics'], controllerDefined: false,
    });
    await ready(page);
    await page.evaluate(() => keksi.acceptAll());
    await page.waitForFunction(() => document.querySelector('iframe[data-category]').getAttribute('src') === '/test/fixtures/holds-frame.html#video');
    assert.deepEqual(await page.evaluate(() => window.__ran), ['inline-1', 'ext-a', 'inline-2', 'ext-b']);
    await context.close();
  });

  test('reject all: stored, nothing runs, no banner on the next page', async () => {
    const { context, page } = await fresh();
    await firstVisit(page);
    await click(page, 'reject-all');
    await page.goto(`${ff.server.url}/`);
    await ready(page);
    assert.equal(await bannerShown(page), false);
    assert.deepEqual(await shopEvents(page), []);
    assert.equal(await page.evaluate(() => window.keksi.getConsent().rejected.join()), 'preferences,analytics,marketing');
    await context.close();
  });
});
