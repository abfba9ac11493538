// The single-file tag (issue 17): dist/keksi.js is the core alone (the early gate, window.keksi) and
// fetches everything else as dist/keksi-rest.js from beside itself, after the page's first paint. Under
// a nonce CSP with 'strict-dynamic' and Trusted Types (test/pages/holds-tt.html): the second file
// comes after the first paint with the tag's nonce and no violation; a returning visitor's page is
// gated by keksi.js alone while the second file is held back; a second file that does not load, is
// not Keksi's, or does not match the tag's integrity runs nothing gated and says so.
// Chromium and Firefox, one harness.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, poll, startHarness, waitFor } from './harness.mjs';

// Shadow DOM queries run in the page (the same in both browsers' drivers).
const bannerShown = () =>
  !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]');
const said = (warnings, re) => poll(() => warnings.some((w) => re.test(w)), `${re} (said: ${warnings.join(' | ')})`);
const FAILED = /^\[keksi\] Keksi could not be loaded; nothing gated runs/;

const TT = '/test/pages/holds-tt.html?tt=lit-html%20keksi';
const REST = /\/dist\/keksi-rest\.js\?v=/;
const watchCsp = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};
const addInit = (context, page, fn) => (typeof context.addInitScript === 'function' ? context.addInitScript(fn) : page.evaluateOnNewDocument(fn));
const accepted = {
  name: 'keksi_consent',
  value: encodeURIComponent(
    JSON.stringify({ v: 1, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date().toISOString(), a: ['necessary', 'analytics', 'marketing'], x: [] }),
  ),
  domain: 'localhost',
  path: '/',
};

/** A shop page with keksi.js alone in /alone/ (its second file is not there unless the test serves it). */
async function openAlone(url, page, hold) {
  const html = hold(/\/alone\.html$/);
  const core = hold(/\/alone\/keksi\.js$/);
  const loading = page.goto(`${url}/alone.html`, { waitUntil: 'domcontentloaded' });
  (await html).fulfill(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Alone</title><script defer src="/alone/keksi.js" data-categories="marketing"></script></head>' +
      '<body><p>Shop</p><iframe data-category="marketing" data-src="/embed/video.html" title="Video"></iframe></body></html>',
    'text/html',
  );
  (await core).fulfill(readFileSync('dist/keksi.js', 'utf8'));
  await loading;
}

for (const browser of BROWSERS) {
  describe(`the single file, keksi.js + keksi-rest.js (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('first visit under nonce + strict-dynamic + Trusted Types: the second file comes after the first paint, with the nonce, no violation', async () => {
      const { context, page, errors, hold } = await newPage(h.browser);
      await addInit(context, page, watchCsp);
      const rest = hold(REST);
      await page.goto(`${h.server.url}${TT}`, { waitUntil: 'domcontentloaded' });
      const held = await rest;
      // Asked for only once the page has painted; until it arrives, keksi.js alone is on the page.
      const state = await page.evaluate(() => ({
        painted: performance.getEntriesByName('first-contentful-paint').length,
        api: typeof window.keksi?.acceptAll,
        element: !!document.querySelector('keksi-consent'),
        nonce: [...document.scripts].find((s) => s.src.includes('keksi-rest.js')).nonce !== '',
      }));
      assert.deepEqual(state, { painted: 1, api: 'function', element: false, nonce: true });
      await held.continue();
      await keksiReady(page);
      await waitFor(page, bannerShown);
      await page.evaluate(() => window.keksi.acceptAll());
      await waitFor(page, () => !!document.querySelector('iframe[data-category]')?.getAttribute('src'));
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Issue 17: on a returning visit the core gated, with nothing more to do now, the second file is not
    // fetched at all (src/entry/lean.ts) until something needs it: here, the shop's "Cookie settings" button.
    test("a returning visitor's page is gated by keksi.js alone; the second file comes only when needed", async () => {
      const { context, page, errors, hold, setCookie } = await newPage(h.browser);
      await setCookie(accepted);
      const asked = [];
      page.on('request', (r) => REST.test(r.url()) && asked.push(r.url()));
      await page.goto(`${h.server.url}${TT}`, { waitUntil: 'domcontentloaded' });
      await waitFor(page, () => document.querySelector('iframe[data-category]')?.getAttribute('src') === '/embed/video.html');
      assert.equal(await page.evaluate(() => window.keksi.has('marketing')), true);
      await keksiReady(page);
      await waitFor(page, () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]'));
      assert.equal(await page.evaluate(bannerShown), false);
      assert.deepEqual(asked, []);
      // Held back now: the page has used it before the second file arrived.
      const rest = hold(REST);
      await page.evaluate(() => document.querySelector('[data-keksi-open]').click());
      const held = await rest;
      assert.equal(await page.evaluate(() => !!customElements.get('keksi-consent')), false);
      await held.continue();
      await waitFor(
        page,
        () => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]'),
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Not Keksi's: another version's file, or whatever a server answers for a name it does not know.
    test('a second file that is not Keksi’s: nothing gated runs, no banner, a [keksi] message, no page error', async () => {
      const { context, page, errors, warnings, hold } = await newPage(h.browser);
      const rest = hold(REST);
      await page.goto(`${h.server.url}${TT}`, { waitUntil: 'domcontentloaded' });
      (await rest).fulfill('/* not keksi */');
      await said(warnings, /^\[keksi\] http:\S+\/dist\/keksi-rest\.js\?v=\w+ is not Keksi’s second file/);
      await said(warnings, FAILED);
      await page.evaluate(() => window.keksi.acceptAll());
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), null);
      assert.equal(await page.evaluate(() => !!document.querySelector('keksi-consent')), false);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('keksi.js uploaded without keksi-rest.js (a 404): nothing gated runs, a [keksi] message naming the file, no page error', async () => {
      const { context, page, errors, warnings, hold } = await newPage(h.browser);
      await openAlone(h.server.url, page, hold);
      await said(warnings, /^\[keksi\] http:\S+\/alone\/keksi-rest\.js\?v=\w+ did not load \(it must sit beside keksi\.js\)/);
      await said(warnings, FAILED);
      await page.evaluate(() => window.keksi.acceptAll());
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')), null);
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Issue "chunks" 2b: keksi.js kept its failed load of the second file, so a network blip on it left the
    // page without Keksi for good. The next press or key once the network is back fetches it again.
    test('the second file fails once (the network down): nothing gated runs, a [keksi] message; the next press fetches it again and the banner shows', async () => {
      const { context, page, errors, warnings, hold } = await newPage(h.browser);
      let failing = true;
      const rest = () => hold(/\/alone\/keksi-rest\.js\?v=/).then((r) => (failing ? r.abort() : r.fulfill(readFileSync('dist/keksi-rest.js', 'utf8')), rest()));
      rest();
      await openAlone(h.server.url, page, hold);
      await said(warnings, /^\[keksi\] http:\S+\/alone\/keksi-rest\.js\?v=\w+ did not load/);
      await said(warnings, FAILED);
      failing = false;
      await page.mouse.click(5, 5);
      await waitFor(
        page,
        () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]'),
        undefined,
        15000,
      );
      await page.evaluate(() => window.keksi.acceptAll());
      await waitFor(page, () => document.querySelector('iframe[data-category]').getAttribute('src') == '/embed/video.html', undefined, 15000);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("the tag's integrity reaches the second file: a changed keksi-rest.js is refused, and Keksi says so", async () => {
      const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(file)).digest('base64');
      const page0 = (extra) =>
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title>` +
        `<script defer src="/dist/keksi.js" integrity="${sri('dist/keksi.js')}" crossorigin="anonymous" data-categories="marketing"></script></head>` +
        `<body><p>Shop</p><iframe data-category="marketing" data-src="/embed/video.html" title="Video"></iframe>${extra}</body></html>`;
      for (const tampered of [false, true]) {
        const { context, page, errors, warnings, hold } = await newPage(h.browser);
        const html = hold(/\/sri\.html$/);
        const rest = hold(REST);
        const loading = page.goto(`${h.server.url}/sri.html`, { waitUntil: 'domcontentloaded' });
        (await html).fulfill(page0(''), 'text/html');
        await loading;
        const held = await rest;
        if (tampered) held.fulfill(readFileSync('dist/keksi-rest.js', 'utf8') + '\n;');
        else held.continue();
        if (tampered) {
          await said(warnings, /^\[keksi\] http:\S+\/dist\/keksi-rest\.js\?v=\w+ did not load/);
          await said(warnings, FAILED);
          assert.equal(await page.evaluate(() => !!document.querySelector('keksi-consent')), false);
        } else {
          await keksiReady(page);
          await waitFor(page, bannerShown);
          await page.evaluate(() => window.keksi.acceptAll());
          await waitFor(page, () => !!document.querySelector('iframe[data-category]')?.getAttribute('src'));
        }
        // Firefox reports the refused file as a page error of its own (not Keksi's): that one is expected.
        assert.deepEqual(
          errors.filter((e) => !(tampered && /integrity attribute/.test(e))),
          [],
        );
        await context.close();
      }
    });
  });
}
