// Attacks on the shop's single Keksi tag by injected HTML only (no script, no nonce), Chromium and
// Firefox: an injected <keksi-consent>, an injected <base href> before a relative embed, an injected
// un-nonced copy of Keksi's file (another folder, another version, or before the shop's tag), and the
// controller moved into a frame and back. The tag with the page's nonce is the configuration.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, startHarness, waitFor } from './harness.mjs';

const NONCE = 'YXR0YWNrLXRhZw==';
/** A search cookie whose value the attacker chooses (?q=…), shaped as a consent to everything. */
const FORGED = JSON.stringify({ v: 1, id: '0f0e0d0c-1111-4222-8333-444455556666', r: 0, t: new Date().toISOString(), a: ['analytics', 'marketing'], x: [] });
const SEARCH = `<script nonce="${NONCE}">window.__ran = []; const q = new URLSearchParams(location.search).get('q');
  if (q) document.cookie = 'last_search=' + encodeURIComponent(q) + '; path=/';</script>`;

/**
 * Open `html` at /shop.html?q=<forged consent> under `policy` (a nonce CSP), answered by the test; `also`:
 * more held-back addresses and their bodies (a copy of Keksi's files elsewhere on the shop's server).
 */
async function open(h, html, { policy = `script-src 'self' 'nonce-${NONCE}'`, also = [] } = {}) {
  const opened = await newPage(h.browser);
  // Only the page is awaited: a copy's second file is asked for only if the copy runs.
  const [served] = [[/\/shop\.html/, html, 'text/html', { 'content-security-policy': policy }], ...also].map(([re, body, type, headers]) =>
    opened.hold(re).then((r) => r.fulfill(body, type, headers)),
  );
  await opened.page.goto(`${h.server.url}/shop.html?q=${encodeURIComponent(FORGED)}`, { waitUntil: 'domcontentloaded' });
  await served;
  return opened;
}

/** What the running controller took as its configuration. */
const config = (page) =>
  page.evaluate(() => {
    const { categories, cookieName, noticeUrl, ga, lang } = customElements.get('keksi-consent').live.config;
    return { categories, cookieName, noticeUrl, ga, lang };
  });

/** Wait until the gate has worked through its queue: a necessary gated script with the shop's nonce, added now, has run. */
const gateDone = async (page) => {
  const marker = await page.evaluate((nonce) => {
    const s = Object.assign(document.createElement('script'), { type: 'text/plain', nonce, text: "window.__ran.push('gate-done')" });
    s.dataset.category = 'necessary';
    document.body.append(s);
  }, NONCE);
  await waitFor(page, () => window.__ran.includes('gate-done'), marker);
  await page.evaluate(() => window.__ran.splice(window.__ran.indexOf('gate-done'), 1));
};

const said = (warnings, re) =>
  assert.ok(
    warnings.some((w) => w.startsWith('[keksi] ') && re.test(w)),
    warnings.join(' | '),
  );

for (const browser of BROWSERS) {
  describe(`injected HTML against the shop's Keksi tag (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    const TAG = `<script nonce="${NONCE}" src="/dist/keksi.js" data-categories="analytics" data-ga="G-SHOP1234" data-notice-url="/privacy"></script>`;
    const INJECTED =
      '<keksi-consent categories="marketing" lang="sv" notice-url="https://evil.keksi.test/privacy" ga="G-EVIL1234" cookie-name="last_search"></keksi-consent>';
    for (const [where, head, body] of [
      ['after the tag (in <head>, deferred)', TAG.replace(' src', ' defer src'), INJECTED],
      ['before the tag (at the end of <body>)', '', INJECTED + TAG],
    ]) {
      test(`an injected <keksi-consent> ${where} does not replace the tag's configuration (categories, notice, GA ID, language)`, async () => {
        const { context, page, errors, warnings } = await open(
          h,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${SEARCH}${head}</head>
          <body><h1>Coffee</h1><p>A review: ${body}</p></body></html>`,
        );
        await keksiReady(page);
        assert.deepEqual(await config(page), {
          categories: ['analytics'],
          cookieName: 'keksi_consent',
          noticeUrl: '/privacy',
          ga: ['G-SHOP1234'],
          lang: undefined,
        });
        said(warnings, /keksi-consent/);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }

    test("a relative data-src embed after an injected <base href> loads from the shop's own origin", async () => {
      const { context, page, errors } = await open(
        h,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${SEARCH}
        <script nonce="${NONCE}" defer src="/dist/keksi.js" data-categories="marketing"></script></head>
        <body><h1>Coffee</h1><p>A review: <base href="http://evil.keksi.test/"></p>
        <iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Video"></iframe></body></html>`,
        { policy: `script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'` },
      );
      await keksiReady(page);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => document.querySelector('iframe[data-category]').getAttribute('src'));
      assert.equal(await page.evaluate(() => new URL(document.querySelector('iframe[data-category]').src).origin), h.server.url);
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Under `script-src 'self' 'nonce-…'` injected HTML can load any copy of Keksi on the shop's server.
    const keksiJs = () => readFileSync('dist/keksi.js', 'utf8');
    const restJs = () => readFileSync('dist/keksi-rest.js', 'utf8');
    const SHOP_MARKETING = `<script type="text/plain" data-category="marketing" nonce="${NONCE}">window.__ran.push('marketing');</script>`;
    const COPY = (src) => `<script src="${src}" data-categories="analytics marketing" data-cookie-name="last_search"></script>`;
    for (const [what, head, body, also] of [
      [
        "the shop's tag with a version query (?v=1), the copy without",
        `<script nonce="${NONCE}" defer src="/dist/keksi.js?v=1" data-categories="analytics marketing"></script>`,
        COPY('/dist/keksi.js'),
      ],
      [
        'a copy in another folder (an old version left on the server)',
        `<script nonce="${NONCE}" defer src="/dist/keksi.js" data-categories="analytics marketing"></script>`,
        COPY('/old/keksi.js'),
        () => [
          [/\/old\/keksi\.js$/, keksiJs(), 'text/javascript'],
          [/\/old\/keksi-rest\.js/, restJs(), 'text/javascript'],
        ],
      ],
      [
        "the shop's tag at the end of <body>, after the injected copy",
        '',
        COPY('/dist/keksi.js') + `<p>More</p><script nonce="${NONCE}" src="/dist/keksi.js" data-categories="analytics marketing"></script>`,
      ],
    ]) {
      test(`an injected un-nonced copy of Keksi does not take over: ${what}`, async () => {
        const { context, page, errors, warnings } = await open(
          h,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>${SEARCH}${head}${SHOP_MARKETING}</head>
          <body><h1>Search results</h1>${body}<p>No results.</p></body></html>`,
          { also: also?.() },
        );
        await keksiReady(page);
        await gateDone(page);
        // The visitor never decided: the forged "consent" in the search cookie is nothing.
        assert.deepEqual(await page.evaluate(() => window.__ran), []);
        assert.equal(await page.evaluate(() => window.keksi.getConsent()), null);
        assert.equal((await config(page)).cookieName, 'keksi_consent');
        said(warnings, /nonce/);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }

    // Named properties of window (DOM clobbering) for Keksi's, Google's and Meta's globals and the
    // platform objects Keksi or Lit look up, before Keksi's tag. Firefox ESR and Safari have no
    // Trusted Types: there `<img name="trustedTypes">` is window.trustedTypes.
    const CLOBBERS =
      '<iframe name="keksi" title="x"></iframe><form name="dataLayer"><input name="push"></form><img name="gtag" alt=""><a id="fbq"></a>' +
      '<div id="KeksiConsent"></div><img name="keksiConfig" alt=""><embed name="_fbq"><img name="trustedTypes" alt=""><img name="cookieStore" alt="">';
    for (const tag of ['src="/dist/keksi.js"', 'type="module" src="/dist/keksi.mjs"']) {
      test(`elements named keksi, dataLayer, gtag, fbq, trustedTypes, … before Keksi's tag (${tag}): the banner, nothing before the choice, Google hears it`, async () => {
        const { context, page, errors, requests } = await open(
          h,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${SEARCH}</head>
          <body><h1>Coffee</h1><p>A review: ${CLOBBERS}</p>
          <script nonce="${NONCE}" ${tag} data-categories="analytics" data-ga="G-SHOP1234"></script>
          <script type="text/plain" data-category="analytics" nonce="${NONCE}">window.__ran.push('analytics');</script></body></html>`,
          { policy: `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self' 'nonce-${NONCE}'` },
        );
        await keksiReady(page);
        await waitFor(page, () =>
          document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]'),
        );
        await gateDone(page);
        assert.deepEqual([await page.evaluate(() => window.__ran), requests], [[], []]);
        await page.evaluate(() => keksi.acceptAll());
        await waitFor(page, () => window.__ran.includes('analytics') && window.__fakeGtag?.consent.analytics_storage === 'granted');
        assert.deepEqual(errors, []);
        await context.close();
      });
    }

    test('<keksi-consent> moved into a frame and back: no error in the page, and it runs again', async () => {
      const { context, page, errors } = await open(
        h,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${SEARCH}
        <script nonce="${NONCE}" defer src="/dist/keksi.js" data-categories="analytics"></script>
        <script type="text/plain" data-category="analytics" nonce="${NONCE}">window.__ran.push('analytics');</script></head>
        <body><h1>Coffee</h1><iframe srcdoc="<p>frame</p>" title="Frame"></iframe></body></html>`,
      );
      await keksiReady(page);
      // With the banner shown: its elements in the controller's shadow tree move with it.
      await waitFor(page, () =>
        document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]'),
      );
      await page.evaluate(() => {
        const el = document.querySelector('keksi-consent');
        const frame = document.querySelector('iframe').contentDocument;
        frame.body.append(frame.adoptNode(el));
        document.head.after(document.adoptNode(el));
      });
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => window.__ran.includes('analytics'));
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
