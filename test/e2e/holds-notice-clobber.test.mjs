// Browsers without Trusted Types (Safari, Firefox ESR before 145): there injected HTML
// `<img name="trustedTypes">` is window.trustedTypes (DOM clobbering), which Lit takes for the policy
// factory. The privacy-notice page's <keksi-notice> (dist/keksi-notice.js and .mjs) renders anyway, with
// no error in the page. Chromium and Firefox, both with Trusted Types: the factory is removed before any
// of the page's scripts, as in a browser without it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, newPage, startHarness, waitFor } from './harness.mjs';

for (const browser of BROWSERS) {
  describe(`<keksi-notice> under a clobbered window.trustedTypes (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const tag of ['src="/dist/keksi-notice.js"', 'type="module" src="/dist/keksi-notice.mjs"']) {
      test(`<img name="trustedTypes"> before ${tag}: the notice renders`, async () => {
        const { context, page, errors, hold } = await newPage(h.browser);
        const withoutTrustedTypes = () => {
          delete window.trustedTypes;
          delete Window.prototype.trustedTypes;
        };
        await (page.addInitScript ? page.addInitScript(withoutTrustedTypes) : page.evaluateOnNewDocument(withoutTrustedTypes));
        const served = hold(/\/privacy\.html/).then((r) =>
          r.fulfill(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy</title></head>
            <body><p>A comment: <img name="trustedTypes" alt=""></p>
            <script>window.__clobbered = window.trustedTypes instanceof HTMLImageElement;</script>
            <script ${tag}></script>
            <main><keksi-notice><h1>Privacy notice</h1><p>The shop's own notice.</p></keksi-notice></main></body></html>`,
            'text/html',
          ),
        );
        await page.goto(`${h.server.url}/privacy.html`, { waitUntil: 'domcontentloaded' });
        await served;
        // Every script of the page has run by the load event; then the element is defined and rendered, or not at all.
        await waitFor(page, () => document.readyState === 'complete');
        const rendered = await page.evaluate(async () => {
          const el = document.querySelector('keksi-notice');
          if (!customElements.get('keksi-notice')) return 'not defined';
          await el.updateComplete;
          return el.hasUpdated && !!el.shadowRoot;
        });
        const clobbered = await page.evaluate(() => window.__clobbered);
        assert.deepEqual({ clobbered, errors, rendered }, { clobbered: true, errors: [], rendered: true });
        await context.close();
      });
    }
  });
}
