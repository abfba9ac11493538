// Consent that holds when a single-page shop adds a vendor's snippet after Keksi started (issue 11,
// "whatever the timing"): the page had no Google tag at start-up, so Keksi set no Consent Mode default;
// a GA4 snippet gated on analytics, added later, must still hear the default and the visitor's choice
// before its own commands — else Google takes ad_storage as granted for a visitor who allowed analytics
// only (the stand-in then sets _gcl_au). First visit and returning visit (where the core alone gates
// until the controller has loaded), in Chromium and Firefox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, startHarness, TRACKER_COOKIE, waitFor } from './harness.mjs';

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

for (const browser of BROWSERS) {
  describe(`${browser}: a GA4 snippet added after start-up`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());
    const url = () => `${h.server.url}/test/pages/holds-vendor-spa.html`;
    const adCookie = async (context) => (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIE.test(n));
    // The shop's router adds the snippet at DOMContentLoaded: the core has gated the page by then, the controller is not there yet.
    const onNextLoad = (page) =>
      (page.addInitScript || page.evaluateOnNewDocument).call(page, () => document.addEventListener('DOMContentLoaded', () => window.addGa4()));

    test('first visit, analytics only: default and update come before the snippet; no ad cookie', async () => {
      const { context, page, errors } = await newPage(h.browser);
      await page.goto(url());
      await keksiReady(page);
      await page.evaluate(() => keksi.setConsent(['analytics']));
      await page.evaluate(() => window.addGa4());
      await waitFor(page, () => window.__fakeGtag?.loaded);
      assert.deepEqual(await page.evaluate(dataLayerRows), [...EXPECTED, ...PUSHES]);
      const cookies = await adCookie(context);
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
      await onNextLoad(page);
      await page.goto(url());
      await keksiReady(page);
      await waitFor(page, () => window.__fakeGtag?.loaded);
      assert.deepEqual(await page.evaluate(dataLayerRows), [...EXPECTED, ...PUSHES]);
      assert.ok(!(await adCookie(context)).includes('_gcl_au'), 'no ad cookie: marketing was not allowed');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
