// Issue 17's lazily loaded dialog, for a visitor who sees it arrive: its styles come with its code, so
// the first frame that shows it is styled (no flash of an unstyled dialog), and the banner does not
// move while the chunk loads; at 320 px (400 % zoom) the dialog fits. Chromium and Firefox, the ES
// module build.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, newPage, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/plain-esm.html';
const DIALOG_CHUNK = /\/dist\/chunks\/dialog-[^/]*\.mjs$/;

for (const browser of BROWSERS) {
  describe(`the lazily loaded dialog as it arrives (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    // 320 px: 1280 px at 400 % zoom. Chromium only: Firefox's viewport override is not in WebDriver BiDi.
    for (const viewport of [{ width: 1280, height: 800 }, ...(browser === 'chromium' ? [{ width: 320, height: 640 }] : [])]) {
      test(`${viewport.width} px: the banner does not move while the dialog's chunk loads, and the first frame with the dialog open is styled`, async () => {
        const { page, hold, errors } = await newPage(h.browser, browser === 'chromium' ? { viewport } : {});
        const dialog = hold(DIALOG_CHUNK);
        await page.goto(`${h.server.url}${PAGE}`, { waitUntil: 'domcontentloaded' });
        await waitFor(
          page,
          () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="settings"]'),
        );
        // The banner's entry animation over (it slides in), then record, in the page, every frame from now on: the banner's box, and the dialog's state once open.
        await page.evaluate(async () => {
          const root = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot;
          await Promise.all(root.getAnimations().map((a) => a.finished.catch(() => {})));
          const banner = () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('[part~="banner"]');
          const open = () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]');
          window.__frames = [];
          const frame = () => {
            const b = banner()?.getBoundingClientRect();
            const d = open();
            const s = d && getComputedStyle(d);
            window.__frames.push({
              banner: b && `${Math.round(b.x)},${Math.round(b.y)},${Math.round(b.width)}x${Math.round(b.height)}`,
              dialog: d && { bg: s.backgroundColor, border: s.borderStyle, width: d.getBoundingClientRect().width },
            });
            if (!d) requestAnimationFrame(frame);
          };
          frame();
          document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('[part~="settings"]').click();
        });
        const chunk = await dialog;
        await waitFor(
          page,
          () =>
            document
              .querySelector('keksi-consent')
              .shadowRoot.querySelector('keksi-banner')
              .shadowRoot.querySelector('[part~="settings"]')
              .getAttribute('aria-busy') === 'true',
        );
        chunk.continue();
        await waitFor(page, () => window.__frames.at(-1)?.dialog);
        const frames = await page.evaluate(() => window.__frames);
        const before = frames.filter((f) => !f.dialog && f.banner);
        // The banner kept its box through every frame until the dialog opened.
        assert.deepEqual([...new Set(before.map((f) => f.banner))].length, 1, JSON.stringify(before.map((f) => f.banner)));
        // The dialog's first frame: its own background (not transparent), its width within the viewport.
        const { dialog: first } = frames.at(-1);
        assert.notEqual(first.bg, 'rgba(0, 0, 0, 0)', JSON.stringify(first));
        assert.ok(first.width > 0 && first.width <= viewport.width, JSON.stringify(first));
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
}
