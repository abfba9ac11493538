// Platforms with the built ES module build under a strict CSP (nonce + 'strict-dynamic'): the Shopify
// chunk is fetched only on a Shopify page and drives the Customer Privacy API; a Shopify chunk that
// fails to load tells Shopify nothing (fail closed) and says so. Chromium and Firefox, one harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, poll, startHarness, waitFor } from './harness.mjs';

const ALL = JSON.stringify({ analytics: true, marketing: true, preferences: true, sale_of_data: true });
const NONE = JSON.stringify({ analytics: false, marketing: false, preferences: false, sale_of_data: false });
const chunks = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('/chunks/'))
      .map((n) => n.replace(/.*\/chunks\/|-[\w-]{8}\.mjs$/g, '')),
  );

for (const browser of BROWSERS) {
  describe(`platforms (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('a Shopify page fetches the Shopify chunk, which tells Shopify the start and each decision', async () => {
      const { page, errors } = await newPage(h.browser);
      await page.goto(`${h.server.url}/test/pages/holds-platform-shopify.html`);
      await keksiReady(page);
      await waitFor(page, () => window.__shopify.length >= 2);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => window.__shopify.length >= 3);
      assert.deepEqual(await page.evaluate(() => window.__shopify), [
        ['loadFeatures', JSON.stringify([{ name: 'consent-tracking-api', version: '0.1' }])],
        ['setTrackingConsent', NONE],
        ['setTrackingConsent', ALL],
      ]);
      assert.ok((await chunks(page)).includes('platforms'));
      assert.deepEqual(errors, []);
    });

    test('a page without a platform fetches no platform chunk', async () => {
      const { page } = await newPage(h.browser);
      await page.goto(`${h.server.url}/test/pages/holds-config-esm.html`);
      await keksiReady(page);
      await page.evaluate(() => keksi.acceptAll());
      const fetched = await chunks(page);
      assert.ok(fetched.includes('controller'), fetched.join());
      assert.ok(!fetched.includes('platforms'), fetched.join());
    });

    test('a decision made while the platforms chunk loads is the one Shopify gets', async () => {
      const { page, hold, errors } = await newPage(h.browser);
      const chunk = hold(/\/chunks\/platforms-/);
      // Not the load event: the held chunk, asked for before it, would hold it back (Firefox timed out).
      await page.goto(`${h.server.url}/test/pages/holds-platform-shopify.html`, { waitUntil: 'domcontentloaded' });
      const held = await chunk;
      await waitFor(page, () => !!document.querySelector('keksi-consent')?.store);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => document.cookie.includes('keksi_consent'));
      assert.deepEqual(await page.evaluate(() => window.__shopify), []);
      await held.continue();
      await waitFor(page, () => window.__shopify.length >= 2);
      assert.deepEqual(await page.evaluate(() => window.__shopify), [
        ['loadFeatures', JSON.stringify([{ name: 'consent-tracking-api', version: '0.1' }])],
        ['setTrackingConsent', ALL],
      ]);
      assert.deepEqual(errors, []);
    });

    test('a platforms chunk that fails to load tells Shopify nothing, and says so', async () => {
      const { page, hold, warnings } = await newPage(h.browser);
      const chunk = hold(/\/chunks\/platforms-/);
      // Not the load event: the held chunk, asked for before it, would hold it back (stop-time CI, Firefox:
      // "Navigation timeout of 30000 ms exceeded").
      await page.goto(`${h.server.url}/test/pages/holds-platform-shopify.html`, { waitUntil: 'domcontentloaded' });
      (await chunk).fulfill('export const start = ;');
      await waitFor(page, () => !!document.querySelector('keksi-consent')?.store);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => document.cookie.includes('keksi_consent'));
      await poll(() => warnings.some((w) => w.includes('[keksi]') && w.includes('an integration failed')), 'the [keksi] message');
      assert.deepEqual(await page.evaluate(() => window.__shopify), []);
    });
  });
}
