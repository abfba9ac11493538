// Attack 3, Chromium and Firefox: the decoy-nonce rule (src/entry/script-tag.ts), the chunks' registry
// (once `Symbol.for('keksi.chunks')`; now src/entry/chunk.ts, in the core) and the vendor-address check
// (src/core/vendor-address.ts) must not stop a legitimate shop. Each page here is a shop that does
// nothing wrong: Keksi starts, the banner shows, nothing optional runs before a choice, and no `[keksi]`
// message refuses it (no "different nonces", no "ignored", no ungated vendor).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, newPage, poll, startHarness, waitFor } from './harness.mjs';

const NONCE = 'YXR0YWNrMy1sZWdpdA==';
const MARKETING = `<script type="text/plain" data-category="marketing" nonce="${NONCE}">window.__ran.push('marketing');</script>`;
const TAG = (attrs) => `<script nonce="${NONCE}" ${attrs} data-categories="analytics marketing"></script>`;
const FIRST = `<script nonce="${NONCE}">window.__ran = [];</script>`;
const IMAGES = ['tiktok-logo.svg', 'clarity-serum.jpg', 'gtag.jpg', 'hotjar-mug.png', 'matomo-plant.webp'];

// Lit's templates need Symbol.for: without it Keksi's UI cannot run, so Keksi does not start (fails closed) and says so.
const REFUSES = /Symbol\.for/;

const PAGES = [
  ['two Keksi tags with the same nonce (the platform inserts the tag twice)', '', TAG('defer src="/dist/keksi.js"') + TAG('defer src="/dist/keksi.js"')],
  ['keksi.mjs module and keksi.js nomodule with the same nonce', '', TAG('type="module" src="/dist/keksi.mjs"') + TAG('nomodule defer src="/dist/keksi.js"')],
  [
    'a modulepreload of keksi.mjs with another nonce than the tag',
    '<link rel="modulepreload" href="/dist/keksi.mjs" nonce="cHJlbG9hZA==">',
    TAG('type="module" src="/dist/keksi.mjs"'),
  ],
  [
    'an inert <template> holding a Keksi tag with another nonce',
    '',
    TAG('defer src="/dist/keksi.js"') + '<template><script src="/dist/keksi.js" nonce="dGVtcGxhdGU="></script></template>',
  ],
  [
    'a page that replaced window.Symbol before Keksi (module build)',
    `<script nonce="${NONCE}">window.Symbol = function Symbol() {};</script>`,
    TAG('type="module" src="/dist/keksi.mjs"'),
    REFUSES,
  ],
  [
    'a page that replaced window.Symbol before Keksi (single file)',
    `<script nonce="${NONCE}">window.Symbol = function Symbol() {};</script>`,
    TAG('defer src="/dist/keksi.js"'),
    REFUSES,
  ],
  [
    'a page that froze Symbol and Object before Keksi (module build)',
    `<script nonce="${NONCE}">Object.freeze(Symbol); Object.freeze(Object); Object.freeze(Object.prototype);</script>`,
    TAG('type="module" src="/dist/keksi.mjs"'),
  ],
  [
    'a hardened page that froze the built-ins and their prototypes before Keksi (single file)',
    `<script nonce="${NONCE}">for (const c of [Array, Promise, Function, Map, Set, WeakMap, String, Number, RegExp, Error, JSON, Math, Reflect, URL]) Object.freeze(c), c.prototype && Object.freeze(c.prototype);</script>`,
    TAG('defer src="/dist/keksi.js"'),
  ],
  [
    'a hardened page that froze the built-ins and their prototypes before Keksi (module build)',
    `<script nonce="${NONCE}">for (const c of [Array, Promise, Function, Map, Set, WeakMap, String, Number, RegExp, Error, JSON, Math, Reflect, URL]) Object.freeze(c), c.prototype && Object.freeze(c.prototype);</script>`,
    TAG('type="module" src="/dist/keksi.mjs"'),
  ],
  [
    "a clean shop whose images are named after vendors (module build: the check fetches the messages' chunk)",
    '',
    TAG('type="module" src="/dist/keksi.mjs"') + IMAGES.map((name) => `<img src="/test/fixtures/${name}" alt="">`).join(''),
  ],
];

for (const browser of BROWSERS) {
  describe(`a legitimate shop starts Keksi (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [what, head, body, refuses] of PAGES) {
      test(`${what}: ${refuses ? 'Keksi does not start and says why' : 'the banner shows, no refusal'}, nothing optional runs`, async () => {
        const { context, page, errors, warnings, hold } = await newPage(h.browser);
        const served = hold(/\/shop\.html/).then((r) =>
          r.fulfill(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${FIRST}${head}${MARKETING}</head>
            <body><h1>Shop</h1>${body}<p>Welcome.</p></body></html>`,
            'text/html',
            { 'content-security-policy': `script-src 'self' 'nonce-${NONCE}'` },
          ),
        );
        await page.goto(`${h.server.url}/shop.html`, { waitUntil: 'domcontentloaded' });
        await served;
        const open = () => page.evaluate(() => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
        const refused = () => warnings.some((w) => w.startsWith('[keksi] ') && refuses?.test(w));
        if (refuses) {
          // The refusal, or a page error or the banner (then the assertion below names them).
          await poll(async () => refused() || errors.length || (await open()), 'the [keksi] refusal, a page error or the banner', 15000);
          assert.deepEqual(
            { refused: refused(), open: await open(), ran: await page.evaluate(() => window.__ran), errors },
            { refused: true, open: false, ran: [], errors: [] },
          );
          return context.close();
        }
        // The images have been fetched (or failed) before Keksi looks: their names are in the resource entries.
        await waitFor(page, () => [...document.images].every((i) => i.complete));
        // The banner, or a page error or a refusal (then the assertion below names them).
        const REFUSAL = /different nonces|ignored|without consent|could not be loaded/;
        const refusals = () => warnings.filter((w) => w.startsWith('[keksi] ') && REFUSAL.test(w));
        await poll(async () => errors.length || refusals().length || (await open()), 'the banner, a page error or a refusal', 15000);
        assert.deepEqual({ open: await open(), errors, refusals: refusals() }, { open: true, errors: [], refusals: [] });
        // The post-paint work (and so the ungated-vendor look) is done.
        await page.evaluate(() => document.querySelector('keksi-consent')._postPaintLoading);
        assert.deepEqual({ ran: await page.evaluate(() => window.__ran), refusals: refusals(), errors }, { ran: [], refusals: [], errors: [] });
        if (body.includes('<img')) {
          // The attack reached the vendor check: the images' names matched it, so the messages' chunk was fetched (and said nothing).
          const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/chunks\/diagnostics-/.test(e.name)));
          await poll(fetched, 'the diagnostics chunk fetched for the vendor-named images', 15000);
          assert.deepEqual(
            warnings.filter((w) => w.startsWith('[keksi] ')),
            [],
          );
        }
        await context.close();
      });
    }
  });
}
