// Walk 3's N1, in Chromium and Firefox: a shop pasted Keksi's tag above Google's own gtag.js snippet,
// left ungated. Keksi cannot stop it (gtag.js is fetched before any consent), but it says so, once, in
// one [keksi] message naming the address and the fix.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, poll, startHarness, TRACKER_HOSTS } from './harness.mjs';

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-UNGATED1';
const MESSAGE = `[keksi] a vendor's script runs without consent (Keksi cannot stop a script that is not gated): ${GTAG} — mark it type="text/plain" data-category="analytics" or remove it and use the \`ga\` attribute.`;

for (const browser of BROWSERS) {
  describe(`a vendor's snippet left ungated, in ${browser}`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('Google’s snippet kept below Keksi’s tag: fetched before consent, and one [keksi] message names it and the fix', async () => {
      const { context, page, requests, warnings } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/ungated-ga4.html`);
      await keksiReady(page);
      await poll(() => warnings.some((w) => w.includes('without consent')), 'the [keksi] message');
      assert.ok(
        requests.some((r) => TRACKER_HOSTS.test(r) && r.startsWith(GTAG)),
        'the shop’s own gtag.js was fetched before consent',
      );
      assert.deepEqual(
        warnings.filter((w) => w.includes('without consent')),
        [MESSAGE],
      );
      await context.close();
    });
  });
}
