// The core flows (first visit, accept, reject, returning visitor), written once and run in Chromium
// (playwright-core) and Debian's Firefox ESR (puppeteer-core over WebDriver BiDi).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, consentRecord, keksiReady, settled, startHarness, waitFor } from './harness.mjs';

/** Open a demo page as a first-time visitor and wait for the banner. */
async function firstVisit(h, page, path = '/') {
  await page.goto(`${h.server.url}${path}`);
  await keksiReady(page);
  await waitFor(page, () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
}
const bannerShown = (page) => page.evaluate(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
const click = (page, part) =>
  page.evaluate(
    (part) => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector(`[part~="${part}"]`).click(),
    part,
  );
const shopEvents = (page) => page.evaluate(() => (window.shopEvents || []).map((e) => e.replace(/ \d.*/, '')));

for (const browser of BROWSERS) {
  describe(`${browser}: core flows`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('first visit: banner, nothing gated runs, no outside request', async () => {
      const { context, page, requests } = await h.newPage();
      await firstVisit(h, page, '/?vendors=real');
      await settled(page);
      assert.equal(await bannerShown(page), true);
      assert.deepEqual(await shopEvents(page), []);
      assert.deepEqual(requests, []);
      await context.close();
    });

    test('accept all, then a returning visit: no banner, accepted scripts run at load', async () => {
      const { context, page } = await h.newPage();
      await firstVisit(h, page);
      await click(page, 'accept-all');
      await waitFor(page, () => (window.shopEvents || []).length === 3);
      assert.deepEqual(await shopEvents(page), ['shop-analytics.js loaded', 'inline analytics snippet ran', 'inline marketing snippet ran']);
      assert.deepEqual((await consentRecord(context)).a, ['preferences', 'analytics', 'marketing']);
      await page.goto(`${h.server.url}/tuote.html`);
      await keksiReady(page);
      await waitFor(page, () => (window.shopEvents || []).length === 1);
      assert.equal(await bannerShown(page), false);
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), '/embed/video.html');
      await context.close();
    });

    test('returning visit on a page without Google or Meta tags: the core gates before the controller is defined', async () => {
      const { context, page } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/early.html`);
      await keksiReady(page);
      await page.evaluate(() => keksi.setConsent(['analytics']));
      await waitFor(page, () => window.__ran.length === 4);
      await page.goto(`${h.server.url}/test/pages/early.html`);
      await waitFor(page, () => window.__ran.length === 4);
      assert.deepEqual(await page.evaluate(() => window.atRun), {
        analytics: true,
        marketing: false,
        accepted: ['necessary', 'analytics'],
        controllerDefined: false,
      });
      await keksiReady(page);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => document.querySelector('iframe[data-category]').getAttribute('src') === '/test/fixtures/holds-frame.html#video');
      assert.deepEqual(await page.evaluate(() => window.__ran), ['inline-1', 'ext-a', 'inline-2', 'ext-b']);
      await context.close();
    });

    test('returning visit gated by the core: a decision made before the controller has started is queued, not lost', async () => {
      const { context, page, hold } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/early.html`);
      await keksiReady(page);
      await page.evaluate(() => keksi.setConsent(['analytics']));
      await waitFor(page, () => window.__ran.length === 4);
      // The next page view: the controller's chunk is held back until the page has used the API.
      const controller = hold(/\/chunks\/controller-/);
      await page.goto(`${h.server.url}/test/pages/early.html`, { waitUntil: 'domcontentloaded' });
      const chunk = await controller;
      await waitFor(page, () => window.__ran.length === 4);
      await page.evaluate(() => keksi.rejectAll());
      // Until the controller starts, the core's choice answers and nothing more runs.
      assert.deepEqual(await page.evaluate(() => [!!customElements.get('keksi-consent'), keksi.has('analytics'), keksi.has('marketing')]), [
        false,
        true,
        false,
      ]);
      chunk.continue();
      await keksiReady(page);
      await waitFor(page, () => !keksi.has('analytics'));
      const record = await consentRecord(context);
      assert.deepEqual([record.a, record.x], [[], ['analytics', 'marketing']]);
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), null);
      await context.close();
    });

    test('reject all: stored, nothing runs, no banner on the next page', async () => {
      const { context, page } = await h.newPage();
      await firstVisit(h, page);
      await click(page, 'reject-all');
      await waitFor(page, () => document.cookie.includes('keksi_consent'));
      await page.goto(`${h.server.url}/`);
      await settled(page);
      assert.equal(await bannerShown(page), false);
      assert.deepEqual(await shopEvents(page), []);
      assert.equal(await page.evaluate(() => window.keksi.getConsent().rejected.join()), 'preferences,analytics,marketing');
      await context.close();
    });
  });
}
