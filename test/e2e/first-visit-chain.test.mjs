// Issue 17 (first visit's time): on a first visit the core asks for the UI chunk and the visitor's texts
// beside the controller's chunk, not after the controller has run: the three are fetched in parallel.
// The controller's chunk is held back (never answered) until the UI chunk and the texts have been
// asked for, so the order is one of events, not of wall-clock time. Chromium and Firefox through the harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, chunkRequests, newPage, poll, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/plain-esm.html';
const CONTROLLER_CHUNK = /\/dist\/chunks\/controller-[^/]*\.mjs(\?\d+)?$/;

/** The banner's reject button's label, in the page (undefined until it is shown). */
const rejectLabel = () =>
  document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="reject-all"]')?.textContent.trim();

for (const browser of BROWSERS) {
  describe(`the first visit's requests on the ES module build (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('the UI chunk and the visitor’s texts are asked for while the controller’s chunk is still on its way', async () => {
      const { page, errors, hold } = await newPage(h.browser);
      const asked = chunkRequests(page);
      const controller = hold(CONTROLLER_CHUNK);
      // Not until the load event: the held chunk would hold the navigation back.
      await page.goto(`${h.server.url}${PAGE}`, { waitUntil: 'domcontentloaded' });
      const held = await controller;
      // The controller has not been answered, so it has not run: whatever is asked for now, the core asked for.
      try {
        await poll(
          () => asked.includes('ui') && asked.includes('texts-fi'),
          `the UI chunk and the Finnish texts asked for while the controller's chunk was held (asked for: ${asked.join(', ')})`,
        );
      } finally {
        held.continue();
      }
      assert.deepEqual(
        asked.filter((c) => /^texts-/.test(c)),
        ['texts-fi'],
        'only the visitor’s language',
      );
      // And the banner shows, in Finnish, once the controller has come.
      await waitFor(page, rejectLabel);
      assert.equal(await page.evaluate(rejectLabel), 'Hylkää kaikki');
      assert.deepEqual(asked.filter((c) => /^(ui|texts-fi)$/.test(c)).sort(), ['texts-fi', 'ui'], 'each asked for once');
      assert.deepEqual(errors, []);
      await page.close();
    });

    // Issue 17 (the first visit at 4× CPU): each look at document.cookie costs a synchronous trip to the
    // browser's cookie store. The controller's store starts from the core's look (no cookie), and looks
    // again once as it gates (another tab may have decided since): two looks before the banner, not three.
    test('document.cookie is read twice before the banner: the core’s look, and the controller’s one look again', async () => {
      const { context, page, errors } = await newPage(h.browser);
      const count = () => {
        const { get, set } = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
        const shown = () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner');
        window.__cookieReads = [];
        Object.defineProperty(Document.prototype, 'cookie', {
          configurable: true,
          set,
          get() {
            if (!shown()) window.__cookieReads.push(new Error().stack.split('\n').slice(1, 4).join(' < '));
            return get.call(this);
          },
        });
      };
      await (context.addInitScript ? context.addInitScript(count) : page.evaluateOnNewDocument(count));
      await page.goto(`${h.server.url}${PAGE}`);
      await waitFor(page, rejectLabel);
      const reads = await page.evaluate(() => window.__cookieReads);
      assert.equal(reads.length, 2, `reads before the banner:\n${reads.join('\n')}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
