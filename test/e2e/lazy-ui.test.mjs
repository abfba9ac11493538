// Issue 17: on the ES module build a first visit fetches the banner's chunk; the dialog and the
// placeholders are chunks of their own, fetched when needed. A held dialog chunk
// shows on the pressed button (busy) until the dialog opens; a failing one is a [keksi] message and the
// banner's own buttons still work. Chromium and Firefox through the harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, consentRecord, newPage, poll, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/plain-esm.html';
const DIALOG_CHUNK = /\/dist\/chunks\/dialog-[^/]*\.mjs$/;

/** The held request `hold` resolves with, or a failure naming `what` after 10 s (the timer is a deadline, not a wait). */
const asked = (hold, what) =>
  Promise.race([hold, new Promise((_, reject) => setTimeout(() => reject(new Error(`no request for ${what} within 10 s`)), 10000).unref())]);

/** Open the test page and give it `window.button(part)`: the banner's button of that part (or undefined). */
async function open(page, url) {
  // Not until the load event: a held chunk asked for before it would hold the navigation back.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    window.button = (part) =>
      document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector(`[part~="${part}"]`);
  });
}
/** Whether the preferences dialog is open, in the page. */
const dialogOpen = () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]');
/** The chunks of dist/ the page has fetched, by name. */
const fetchedChunks = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/chunks/'))
    .map((p) => p.slice('/dist/chunks/'.length).replace(/-[^-]*\.mjs$/, ''))
    .sort();

for (const browser of BROWSERS) {
  describe(`the lazily loaded UI on the ES module build (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('a first visit fetches the banner’s chunk and no dialog code before the banner shows', async () => {
      const { page, hold, errors } = await newPage(h.browser);
      // Held, so the idle-time prefetch of the dialog cannot have arrived when the banner shows.
      const dialog = hold(DIALOG_CHUNK);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('accept-all'));
      const chunks = await page.evaluate(fetchedChunks);
      assert.deepEqual(
        chunks.filter((c) => /^(ui|dialog|embed)$/.test(c)),
        ['ui'],
      );
      (await asked(dialog, 'the dialog chunk')).continue();
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a held dialog chunk: the pressed "Customise" button says it is busy, then the dialog opens with focus in it', async () => {
      const { page, hold, errors } = await newPage(h.browser);
      const dialog = hold(DIALOG_CHUNK);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('settings'));
      await page.evaluate(() => window.button('settings').focus());
      await page.keyboard.press('Enter');
      const chunk = await asked(dialog, 'the dialog chunk');
      await waitFor(page, () => window.button('settings').getAttribute('aria-busy') === 'true');
      assert.equal(await page.evaluate(dialogOpen), false);
      chunk.continue();
      await waitFor(page, dialogOpen);
      assert.equal(await page.evaluate(() => window.button('settings').hasAttribute('aria-busy')), false);
      // Focus went into the dialog (the modal's first focusable element), not to <body>.
      const focused = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.closest('dialog') ? 'dialog' : el?.localName;
      });
      assert.equal(focused, 'dialog');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a dialog chunk that fails to load: a [keksi] message, the button is no longer busy, and the banner’s own buttons still decide', async () => {
      const { page, hold, warnings, context, errors } = await newPage(h.browser);
      const dialog = hold(DIALOG_CHUNK);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('settings'));
      await page.evaluate(() => window.button('settings').click());
      (await asked(dialog, 'the dialog chunk')).fulfill('throw new Error("the chunk broke")');
      await poll(() => warnings.some((w) => w.includes('[keksi] the preferences dialog could not be loaded')), 'the [keksi] message');
      await waitFor(page, () => !window.button('settings').hasAttribute('aria-busy'));
      assert.equal(await page.evaluate(dialogOpen), false);
      await page.evaluate(() => window.button('reject-all').click());
      await poll(async () => (await consentRecord(context))?.x?.includes('analytics'), 'the rejection stored');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
