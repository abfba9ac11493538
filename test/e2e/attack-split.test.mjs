// Attacks on issue 17's split (keksi.js + keksi-rest.js, keksi.mjs + its chunks) by injected HTML only
// (no script, no nonce) under a nonce CSP with 'strict-dynamic', with and without Trusted Types:
// nothing the attacker writes may change where Keksi's code comes from, or cost Keksi its own tag.
// Chromium and Firefox, one harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, startHarness, waitFor } from './harness.mjs';

const bannerShown = () =>
  !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]');
/**
 * What gated scripts ran, once the gate has worked through its queue: a necessary gated script with
 * the nonce of Keksi's tag, added now, runs after everything already queued (external, so Trusted
 * Types need no inline text from the test).
 */
const ranAfterGate = async (page) => {
  const marker = await page.evaluate(() => {
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.nonce = document.querySelector('script[src*="/dist/keksi"]').nonce;
    s.dataset.category = 'necessary';
    s.dataset.src = `/test/fixtures/holds-src.js?marker-${Math.random().toString(36).slice(2)}`;
    document.body.append(s);
    return s.dataset.src;
  });
  await waitFor(page, (marker) => window.__ran.includes(marker), marker);
  return page.evaluate(() => window.__ran.filter((r) => !r.includes('?marker-')));
};
/** Every request the page makes to the attacker's origin (the injected <base href>'s). */
const evilRequests = (page) => {
  const evil = [];
  page.on('request', (r) => /^https?:\/\/evil\.keksi\.test\//.test(r.url()) && evil.push(r.url()));
  return evil;
};

for (const browser of BROWSERS) {
  describe(`injected HTML against the split bundles (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [file, tt] of [
      ['js', ''],
      ['js', '?tt=lit-html%20keksi'],
      ['mjs', ''],
      ['mjs', '?tt=lit-html%20keksi'],
    ]) {
      test(`keksi.${file}${tt ? ' under Trusted Types' : ''}: an injected <base href> after Keksi's tag neither moves Keksi's code to the attacker's origin nor lets an injected gated script run`, async () => {
        const { context, page, errors } = await newPage(h.browser);
        const evil = evilRequests(page);
        await page.goto(`${h.server.url}/test/pages/holds-attack-base-${file}.html${tt}`, { waitUntil: 'domcontentloaded' });
        if (file === 'js') {
          // keksi.js's second file is asked for from beside keksi.js, on the shop's origin.
          await waitFor(page, () => [...document.scripts].some((s) => /keksi-rest\.js/.test(s.getAttribute('src'))));
          assert.equal(
            await page.evaluate(() => new URL([...document.scripts].find((s) => /keksi-rest\.js/.test(s.getAttribute('src'))).src).origin),
            h.server.url,
          );
        }
        await keksiReady(page);
        await waitFor(page, bannerShown);
        // The injected gated script (no nonce) is refused: Keksi still knows its tag and its nonce.
        assert.deepEqual(await ranAfterGate(page), []);
        await page.evaluate(() => window.keksi.acceptAll());
        assert.deepEqual(await ranAfterGate(page), []);
        assert.deepEqual(evil, []);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }

    // A common policy, `script-src 'self' 'nonce-…'` (no 'strict-dynamic'), lets an injected tag of Keksi's own
    // file run; written in the body without `defer`, it runs before the shop's deferred or module tag.
    for (const shop of ['defer src="/dist/keksi.js"', 'type="module" src="/dist/keksi.mjs"']) {
      test(`an injected <script src="/dist/keksi.js"> without the nonce, under script-src 'self' 'nonce-…', does not take over from the shop's nonce'd tag (${shop})`, async () => {
        const { context, page, errors, warnings, hold } = await newPage(h.browser);
        const nonce = 'bm9uY2UtYXR0YWNr';
        const forged = JSON.stringify({
          v: 1,
          id: '0f0e0d0c-1111-4222-8333-444455556666',
          r: 0,
          t: new Date().toISOString(),
          a: ['analytics', 'marketing'],
          x: [],
        });
        const html = hold(/\/self-csp\.html/);
        const loading = page.goto(`${h.server.url}/self-csp.html?q=${encodeURIComponent(forged)}`, { waitUntil: 'domcontentloaded' });
        (await html).fulfill(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>
          <script nonce="${nonce}">window.__ran = []; const q = new URLSearchParams(location.search).get('q');
            if (q) document.cookie = 'last_search=' + encodeURIComponent(q) + '; path=/';</script>
          <script nonce="${nonce}" ${shop} data-categories="analytics marketing"></script>
          <script type="text/plain" data-category="marketing" nonce="${nonce}">window.__ran.push('marketing');</script></head>
          <body><h1>Search results</h1>
          <!-- Injected by an attacker (HTML only, no nonce): Keksi's own file, pointed at the search cookie. -->
          <script src="/dist/keksi.js" data-categories="analytics marketing" data-cookie-name="last_search"></script>
          <p>No results.</p></body></html>`,
          'text/html',
          { 'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'` },
        );
        await loading;
        await keksiReady(page);
        // The visitor never decided: the forged "consent" in the search cookie is nothing, marketing does not run.
        assert.deepEqual(await ranAfterGate(page), []);
        assert.equal(await page.evaluate(() => window.keksi.getConsent()), null);
        await waitFor(page, bannerShown);
        assert.ok(
          warnings.some((w) => w.startsWith('[keksi] ')),
          warnings.join(' | '),
        );
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  });
}
