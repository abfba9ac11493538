// DOM clobbering of `document` and `window`, Chromium and Firefox, the module tag and keksi.js, with and
// without a nonce CSP. Injected HTML (no script, no nonce) names elements after document's own methods and
// accessors: Document has [LegacyOverrideBuiltIns], so `<img name="createElement">` (or a <form>, <embed>,
// <object> of that name) IS document.createElement, in both browsers; element ids shadow window globals
// (gtag, dataLayer, fbq…). Keksi must still show its banner and act on it (accept all runs the gated
// script, reject all runs nothing, the choice is read on the next visit), run nothing optional before a
// choice, and throw nothing into the page. Before the fix: Keksi stopped on any such page (no banner).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, newPage, poll, startHarness, waitFor } from './harness.mjs';

const NONCE = 'aG9sZHMtY2xvYmJlcg==';
// Document's methods and accessors Keksi and Lit read (probed in both browsers: every one is clobbered,
// `location` alone is not: it is [LegacyUnforgeable]).
const DOC = [
  'createElement',
  'createTextNode',
  'createComment',
  'createTreeWalker',
  'importNode',
  'createDocumentFragment',
  'cookie',
  'querySelector',
  'querySelectorAll',
  'getElementsByTagName',
  'head',
  'body',
  'documentElement',
  'currentScript',
  'scripts',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
  'readyState',
  'visibilityState',
  'hidden',
  'activeElement',
  'baseURI',
  'defaultView',
  'adoptedStyleSheets',
];
const TAGS = [(n) => `<img name="${n}">`, (n) => `<form name="${n}"></form>`, (n) => `<embed name="${n}">`, (n) => `<object name="${n}"></object>`];
const INJECTED =
  DOC.map((n, i) => TAGS[i % TAGS.length](n)).join('') + ['gtag', 'dataLayer', 'fbq', 'KeksiConfig', 'keksi'].map((id) => `<img id="${id}" alt="">`).join('');

// Run in the page through the prototypes: the page's own document.querySelector is an <img> here.
const D = 'Object.getPrototypeOf(document)';
const deep = `((sel) => { const q = (root, s) => ${D}.querySelector.call(root, s) || Element.prototype.querySelector.call(root, s);
  const el = ${D}.querySelector.call(document, 'keksi-consent'); const ui = el?.shadowRoot && [...el.shadowRoot.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean);
  for (const r of ui || []) { const b = r.querySelector(sel); if (b) return b; } return null; })`;
const shown = (page) => page.evaluate(`!!${deep}('[part~="banner"]')`);
const press = (page, action) => page.evaluate(`${deep}('[part~="${action}"]').click()`);
const cookie = (page) => page.evaluate(`Object.getOwnPropertyDescriptor(Document.prototype, 'cookie').get.call(document)`);
// In the order they ran is not the point (a returning visit runs them in the page's order): sorted.
const ran = (page) => page.evaluate(() => [...window.__ran].sort());

for (const browser of BROWSERS) {
  describe(`injected elements named after document's and window's own properties (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const tag of ['type="module" src="/dist/keksi.mjs"', 'defer src="/dist/keksi.js"']) {
      for (const csp of [true, false]) {
        const n = csp ? ` nonce="${NONCE}"` : '';
        const page = () =>
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Product</title>
          <script${n}>window.__ran = []; addEventListener('error', (e) => __ran.push('page-error: ' + e.message));</script>
          <script${n} ${tag} data-categories="analytics marketing"></script>
          <script type="text/plain" data-category="analytics"${n}>__ran.push('analytics');</script></head>
          <body><h1>A product</h1><p>A review: ${INJECTED}</p>
          <script type="text/plain" data-category="necessary"${n}>__ran.push('marker');</script></body></html>`;
        const headers = csp ? { 'content-security-policy': `script-src 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'` } : {};

        for (const [action, expected] of [
          ['accept-all', ['analytics', 'marker']],
          ['reject-all', ['marker']],
        ]) {
          test(`${tag.includes('mjs') ? 'keksi.mjs' : 'keksi.js'}${csp ? ', nonce CSP' : ''}: the banner shows, ${action} holds, and is read on the next visit`, async () => {
            const { context, page: p, errors, warnings, hold } = await newPage(h.browser);
            const serve = () => hold(/\/shop\.html/).then((r) => r.fulfill(page(), 'text/html', headers));
            let served = serve();
            await p.goto(`${h.server.url}/shop.html`, { waitUntil: 'domcontentloaded' });
            await served;
            // The banner, or Keksi's refusal, or an error in the page. No message about the injected <img id="dataLayer">
            // either: the page has no Google tag, and an element is no dataLayer (test/e2e/holds-clobber-loads.test.mjs).
            const refused = () => warnings.filter((w) => w.startsWith('[keksi] '));
            await poll(async () => (await shown(p)) || refused().length || errors.length, 'the banner, a [keksi] message or a page error', 15000);
            assert.deepEqual(
              { shown: await shown(p), ran: await ran(p), refused: refused(), errors },
              { shown: true, ran: ['marker'], refused: [], errors: [] },
            );

            await press(p, action);
            await waitFor(
              p,
              (a) => Object.getOwnPropertyDescriptor(Document.prototype, 'cookie').get.call(document).includes('keksi_consent=') && window.__ran.length === a,
              expected.length,
            );
            assert.deepEqual({ ran: await ran(p), errors }, { ran: expected, errors: [] });
            assert.match(decodeURIComponent(await cookie(p)), action === 'accept-all' ? /"a":\["analytics","marketing"\]/ : /"a":\[\]/);

            // The next visit: the stored choice is read (no banner), and runs what it granted only.
            served = serve();
            await p.reload({ waitUntil: 'domcontentloaded' });
            await served;
            await waitFor(p, (a) => window.__ran?.length === a && window.__ran.includes('marker'), expected.length);
            assert.deepEqual(
              { ran: await ran(p), shown: await shown(p), refused: refused(), errors },
              { ran: expected, shown: false, refused: [], errors: [] },
            );
            await context.close();
          });
        }
      }
    }
  });
}

// Window's named properties: an element's id (or an <iframe>'s name, a WindowProxy) is window[id] where the
// page defined nothing of that name. Keksi's integrations find their vendors' queues and functions there:
// an element must count as none (Keksi makes its own), never be called, pushed to or spread.
const GLOBALS = ['gtag', 'dataLayer', 'fbq', '_fbq', '_paq', 'clarity', 'uetq', 'UET', 'ttq', 'pintrk', 'lintrk', 'hj', '_hjSettings'];
const QUEUES = ['gtag', 'dataLayer', 'fbq', '_paq', 'clarity', 'uetq', 'ttq', 'pintrk', 'lintrk', 'hj'];
for (const browser of BROWSERS) {
  describe(`injected elements named after the vendors' globals, every integration configured (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    const INJECTED = {
      'one element an id':
        // <embed> and <object> too: browsers once made them callable (legacycaller), typeof "function".
        GLOBALS.map((id, i) => [`<img id="${id}" alt="">`, `<embed id="${id}">`, `<object id="${id}"></object>`][i % 3]).join('') +
        // A <form> is iterable (its controls): spread into LinkedIn's partner ids it would add elements.
        '<form id="_linkedin_data_partner_ids"><input name="q"></form><iframe name="TiktokAnalyticsObject"></iframe>',
      // Two elements of one id: window[id] is an HTMLCollection (no Node, no window), iterable; an <a>'s
      // string is its href, so spread into LinkedIn's ids it would add the attacker's partner ids.
      'two elements an id (an HTMLCollection)':
        [...GLOBALS, '_linkedin_data_partner_ids'].map((id) => `<a id="${id}" href="666">x</a><img id="${id}" alt="">`).join('') +
        '<iframe name="TiktokAnalyticsObject"></iframe><iframe name="TiktokAnalyticsObject"></iframe>',
    };
    for (const [what, injected] of Object.entries(INJECTED))
      for (const tag of ['type="module" src="/dist/keksi.mjs"', 'defer src="/dist/keksi.js"']) {
        test(`${tag.includes('mjs') ? 'keksi.mjs' : 'keksi.js'}, ${what}: accept all drives every vendor's own queue, none of the elements; nothing thrown`, async () => {
          const { context, page: p, errors, warnings, hold } = await newPage(h.browser);
          const served = hold(/\/shop\.html/).then((r) =>
            r.fulfill(
              `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
            <script>window.__ran = [];</script>
            <script ${tag} data-categories="preferences analytics marketing" data-ga="G-ABC123" data-google-ads="AW-123456" data-meta-pixel="1234567890"
              data-matomo="https://stats.example.fi/ 3" data-clarity="abcdefghij" data-uet="12345678" data-tiktok-pixel="CABCDEFGHIJ1234567"
              data-pinterest-tag="2612345678901" data-linkedin-partner="123456" data-hotjar="1234567"></script>
            <script type="text/plain" data-category="marketing">__ran.push('marketing');</script></head>
            <body><h1>Shop</h1><p>A review: ${injected}</p></body></html>`,
              'text/html',
            ),
          );
          await p.goto(`${h.server.url}/shop.html`, { waitUntil: 'domcontentloaded' });
          await served;
          await poll(async () => (await shown(p)) || errors.length, 'the banner or a page error', 15000);
          assert.deepEqual({ shown: await shown(p), ran: await ran(p), errors }, { shown: true, ran: [], errors: [] });
          await press(p, 'accept-all');
          const failed = () => warnings.filter((w) => w.startsWith('[keksi] ') && /failed|is not/.test(w) && !w.includes('an element with id="dataLayer"'));
          // LinkedIn's ids are the last of accept all's integrations to be set up (after-consent.ts), or a failure.
          await waitFor(p, () => window.__ran.includes('marketing'));
          await poll(
            async () => failed().length || errors.length || (await p.evaluate(() => Array.isArray(window._linkedin_data_partner_ids))),
            "LinkedIn's ids, a failure or an error",
            15000,
          );
          const state = await p.evaluate(
            (names) => ({
              elements: names.filter((n) => window[n] instanceof Node || window[n] instanceof HTMLCollection),
              linkedin: window._linkedin_data_partner_ids,
            }),
            QUEUES,
          );
          assert.deepEqual({ ...state, failed: failed(), errors }, { elements: [], linkedin: ['123456'], failed: [], errors: [] });
          await context.close();
        });
      }
  });
}
