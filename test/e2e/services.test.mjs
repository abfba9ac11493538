// Per-service choice (issue 15) for a returning visitor: the core's early gate, before the controller
// is even defined, runs only the services whose switches are on (and an element naming no service only
// when its category is granted whole), in Chromium and Firefox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, settled, startHarness, waitFor } from './harness.mjs';

const record = (more) =>
  encodeURIComponent(
    JSON.stringify({ id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a: ['marketing'], x: ['analytics'], ...more }),
  );

for (const browser of BROWSERS) {
  describe(`${browser}: per-service choice, returning visitor`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    const visit = async (value) => {
      const { context, page, setCookie } = await h.newPage();
      const { hostname } = new URL(h.server.url);
      await setCookie({ name: 'keksi_consent', value, domain: hostname, path: '/' });
      await page.goto(`${h.server.url}/test/pages/services-early.html`);
      return { context, page };
    };

    test('the early gate runs the switched-on service and the negated one, never the switched-off service', async () => {
      const { context, page } = await visit(record({ v: 2, s: { marketing: ['klarna'] } }));
      await waitFor(page, () => window.__ran.length === 2);
      assert.deepEqual(await page.evaluate(() => window.atRun), { controllerDefined: false, klarna: true, chat: false });
      await keksiReady(page);
      await settled(page);
      // The marketing script that names no service waits for marketing granted whole (it could be chat).
      assert.deepEqual(await page.evaluate(() => window.__ran), ['klarna', 'no-chat']);
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-service]').getAttribute('src')), null);
      await context.close();
    });

    test('a schema 1 record: every service of the granted category runs', async () => {
      const { context, page } = await visit(record({ v: 1 }));
      await waitFor(page, () => window.__ran.length === 3);
      await keksiReady(page);
      await settled(page);
      assert.deepEqual(await page.evaluate(() => window.__ran), ['klarna', 'chat', 'marketing']);
      await context.close();
    });

    test('a record of a newer schema is no choice: nothing runs, the visitor is asked', async () => {
      const { context, page } = await visit(record({ v: 3, s: {} }));
      await keksiReady(page);
      await settled(page);
      await waitFor(page, () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
      assert.deepEqual(await page.evaluate(() => window.__ran), []);
      await context.close();
    });
  });
}
