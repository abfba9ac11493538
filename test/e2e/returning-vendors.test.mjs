// Issue 17: on a page with Google or Meta tags, the ES module core fetches the vendors chunk (Google's
// Consent Mode, gtag.js, GTM, Meta's pixel) alongside the controller chunk, not after the controller
// has run: a returning Google/Meta shop waits one round trip before its tags run, as before the
// vendors were split off. Held responses show the order: the vendors chunk is asked for while the
// controller chunk's response is still held back. The consent still reaches Google's queue first.
// Chromium and Firefox through the harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, consentRecord, dataLayerRows, keksiReady, newPage, poll, startHarness, waitFor } from './harness.mjs';

const CONTROLLER = /\/dist\/chunks\/controller-[^/]*\.mjs$/;
const VENDORS = /\/dist\/chunks\/vendors-[^/]*\.mjs$/;

/** The held request `hold` resolves with, or a failure naming `what` after 5 s (the timer is a deadline, not a wait). */
const asked = (hold, what) =>
  Promise.race([hold, new Promise((_, reject) => setTimeout(() => reject(new Error(`no request for ${what} within 5 s`)), 5000).unref())]);

/** The page's tags: by attribute (the tag names GA4 and a pixel), and Google Ads' own snippet gated (no attribute). */
const PAGES = {
  'the tag’s ga and meta-pixel attributes': '/test/pages/returning-vendors.html',
  'a gated gtag.js snippet': '/test/pages/holds-vendor-ads.html',
};

for (const browser of BROWSERS) {
  describe(`the vendors chunk on a page with Google or Meta tags, module tag (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [label, path] of Object.entries(PAGES)) {
      for (const returning of [true, false]) {
        test(`${returning ? 'returning' : 'first'} visit, ${label}: the vendors chunk is asked for while the controller chunk is still held`, async () => {
          const { context, page, hold, errors } = await newPage(h.browser);
          const url = `${h.server.url}${path}`;
          if (returning) {
            await page.goto(url);
            await keksiReady(page);
            await page.evaluate(() => keksi.acceptAll());
            await poll(() => consentRecord(context), 'the consent cookie');
          }
          const controller = hold(CONTROLLER);
          const vendors = hold(VENDORS);
          // Not until the load event: a held chunk asked for before it would hold the navigation back.
          await page.goto(url, { waitUntil: 'domcontentloaded' });
          const heldController = await asked(controller, 'the controller chunk');
          const heldVendors = await asked(vendors, 'the vendors chunk while the controller chunk is held');
          // Nothing of Google's ran before the controller: its queue is empty or holds only what the page pushed.
          assert.deepEqual(
            (await page.evaluate(dataLayerRows)).filter((r) => r.startsWith('consent') || r.startsWith('config')),
            [],
          );
          heldVendors.continue();
          heldController.continue();
          await keksiReady(page);
          await waitFor(page, () => window.dataLayer?.some((e) => e[0] === 'consent' && e[1] === 'default'));
          const rows = await page.evaluate(dataLayerRows);
          assert.match(rows[0], /^consent default /, 'the consent default comes first');
          if (returning) {
            await waitFor(page, () => window.dataLayer.some((e) => e[0] === 'config'));
            const all = await page.evaluate(dataLayerRows);
            const config = all.findIndex((r) => r.startsWith('config'));
            const update = all.findIndex((r) => r.startsWith('consent update'));
            assert.ok(update > 0 && update < config, `the stored choice before the tag's config: ${all.join(' | ')}`);
          }
          assert.deepEqual(errors, []);
          await context.close();
        });
      }
    }
  });
}
