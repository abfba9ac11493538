// Issue 12, "Lit-shaped elements" (Chromium): in a browser without adoptedStyleSheets, under a nonce
// CSP whose style-src allows no inline <style> without the nonce, Keksi's elements are still styled:
// their <style> elements carry the nonce of Keksi's own tag. The feature is removed before any script.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newPage, startHarness, ui } from './harness.mjs';

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

async function open(page) {
  const { context, page: p, errors } = await newPage(h.browser);
  await p.addInitScript(() => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  });
  const response = await p.goto(`${h.server.url}/test/pages/${page}`);
  assert.match(response.headers()['content-security-policy'], /style-src 'self' 'nonce-/);
  return { context, page: p, errors };
}

/** The element's <style> elements (nonce set or not), a computed style inside it, and CSP reports. */
const inspect = (page, tag, selector, property) =>
  page.evaluate(
    ([tag, selector, property]) => {
      // The banner lives in <keksi-consent>'s shadow root.
      const el = document.querySelector(tag) || document.querySelector('keksi-consent').shadowRoot.querySelector(tag);
      const target = selector ? el.shadowRoot.querySelector(selector) : el;
      return {
        adopted: 'adoptedStyleSheets' in el.shadowRoot,
        nonces: [...el.shadowRoot.querySelectorAll('style')].map((s) => s.nonce === document.scripts[0].nonce && s.nonce !== ''),
        value: getComputedStyle(target)[property],
        csp: window.__csp,
      };
    },
    [tag, selector, property],
  );

describe('styles without adoptedStyleSheets under a nonce CSP', () => {
  for (const build of ['js', 'mjs']) {
    test(`the banner of dist/keksi.${build} is styled`, async () => {
      const { context, page, errors } = await open(`holds-style-fallback-${build}.html`);
      await ui.banner(page).waitFor();
      assert.deepEqual(await inspect(page, 'keksi-banner', '.banner', 'position'), { adopted: false, nonces: [true, true, true], value: 'fixed', csp: [] });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the notice of dist/keksi-notice.js is styled', async () => {
    const { context, page, errors } = await open('holds-style-fallback-notice.html');
    await page.waitForFunction(() => document.querySelector('keksi-notice')?.hasUpdated);
    assert.deepEqual(await inspect(page, 'keksi-notice', '', 'display'), { adopted: false, nonces: [true, true], value: 'block', csp: [] });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
