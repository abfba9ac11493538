// `window.keksi` from the built files is exactly the documented API (the internal controller lookup is
// not on it), its version is package.json's, and tests reach the running controller through the
// element class (`customElements.get('keksi-consent').live`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { keksiReady, newPage, startHarness } from './harness.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const API = ['acceptAll', 'configure', 'getConsent', 'has', 'push', 'rejectAll', 'reset', 'setConsent', 'showBanner', 'showPreferences', 'version'];

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

describe('window.keksi', () => {
  for (const [file, type] of [
    ['keksi.js', 'defer'],
    ['keksi.mjs', 'type="module"'],
  ]) {
    test(`dist/${file}: the documented API only, at package.json's version`, async () => {
      const { context, page, errors } = await newPage(h.browser);
      await page.route(/\/api-page\.html$/, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><script ${type} src="/dist/${file}" data-categories="analytics"></script></head><body><p>API</p></body></html>`,
        }),
      );
      await page.goto(`${h.server.url}/api-page.html`);
      await keksiReady(page);
      const seen = await page.evaluate(() => ({
        keys: Object.keys(window.keksi).sort(),
        version: window.keksi.version,
        live: customElements.get('keksi-consent').live === document.querySelector('keksi-consent'),
      }));
      assert.deepEqual(seen.keys, API);
      assert.equal(seen.version, version);
      assert.equal(seen.live, true, 'the element class knows the running controller');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
