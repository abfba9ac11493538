// Issue 11, "Consent that holds", in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi): Keksi
// survives body replacement (Turbo, Swup) and works on a Trusted Types page: Firefox 148 and later
// (ESR 153) enforce them, Debian's firefox-esr 140 does not know them (the page must work in both).
// The Chromium cases, and injected HTML in both browsers: holds-config.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { keksiReady as ready, startHarness, waitFor } from './harness.mjs';
import { navigate } from './holds-navigate.mjs';

let ff;
before(async () => (ff = await startHarness({ browser: 'firefox' })));
after(async () => ff?.close());

/** A fresh context with the harness's network guard. */
const fresh = () => ff.newPage();

describe('Firefox: body replaced (Turbo, Swup)', () => {
  for (const [file, how, ran] of [
    ['holds-body.html', 'replaceWith', ['page-1 analytics', 'page-2 analytics']],
    ['holds-body-own.html', 'permanent', ['page-2 analytics']],
  ]) {
    test(`${file}, ${how}: the new page is gated on the choice, its opener works, one controller answers`, async () => {
      const { context, page } = await fresh();
      await page.goto(`${ff.server.url}/test/pages/${file}`);
      await ready(page);
      await page.evaluate(() => {
        window.__controller = document.querySelector('keksi-consent');
        keksi.setConsent(['analytics']);
      });
      await navigate(page, how);
      await waitFor(page, (n) => window.__ran.length === n, ran.length);
      assert.deepEqual(
        await page.evaluate(() => {
          const started = [...document.querySelectorAll('keksi-consent')].filter((el) => el.store);
          return {
            hasOnArrival: window.__hasOnArrival,
            has: keksi.has('analytics'),
            ran: window.__ran,
            started: started.length,
            first: started[0] === window.__controller,
          };
        }),
        { hasOnArrival: true, has: true, ran, started: 1, first: true },
      );
      await page.evaluate(() => document.getElementById('open-2').click());
      await page.waitForFunction(() =>
        document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]'),
      );
      const stillAnalytics = await page.evaluate(async () => {
        const changed = new Promise((resolve) => document.addEventListener('keksi-change', resolve, { once: true }));
        keksi.rejectAll();
        await changed;
        return keksi.has('analytics');
      });
      assert.equal(stillAnalytics, false);
      await context.close();
    });
  }
});

describe('Firefox: Trusted Types', () => {
  test("require-trusted-types-for 'script' with policies lit-html and keksi, enforced (Firefox 148+) or not (ESR 140): banner, accept, reopen button, no error", async () => {
    const { context, page, errors, warnings } = await fresh();
    await page.goto(`${ff.server.url}/test/pages/holds-tt.html?tt=lit-html%20keksi`);
    const version = Number(/Firefox\/(\d+)/.exec(await page.evaluate(() => navigator.userAgent))[1]);
    // Trusted Types from Firefox 148 on; before it, the CSP directive is unknown and nothing is enforced.
    assert.equal(await page.evaluate(() => typeof trustedTypes), version >= 148 ? 'object' : 'undefined');
    await ready(page);
    // waitFor, not page.waitForFunction: puppeteer's needs Function(), which the page's CSP blocks in Firefox 140.
    const inBanner = (part) =>
      `document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="${part}"]')`;
    await waitFor(
      page,
      (part) => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner')?.shadowRoot?.querySelector(`[part~="${part}"]`),
      'accept-all',
    );
    await page.evaluate(`${inBanner('accept-all')}.click()`);
    await waitFor(page, () => document.querySelector('keksi-consent').shadowRoot.querySelector('[part~="reopen"]:not([hidden])'));
    assert.equal(await page.evaluate(() => keksi.has('marketing')), true);
    assert.equal(await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), '/embed/video.html');
    assert.deepEqual(
      warnings.filter((w) => w.includes('[keksi]')),
      [],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
