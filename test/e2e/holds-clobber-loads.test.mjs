// DOM clobbering that "only makes Keksi load more": an element's id (or an <iframe>'s name) is a window global
// wherever the page defined none, and Keksi looks at window.dataLayer, gtag, fbq, Shopify and wp_set_consent to
// decide what to fetch. Injected HTML (a review, no script) must not make a returning visit the core gated fetch the
// controller (issue 17 item 4: keksi.mjs alone), nor make the controller fetch Google's and Meta's chunk or the
// platforms' chunk, nor earn a [keksi] message about a vendor the page does not have. Chromium and Firefox; the
// returning visit with keksi.js too (the same core: it must not fetch keksi-rest.js).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, chunkRequests, idle, newPage, settled, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/clobber-loads.html';
const MJS = 'type="module" src="/dist/keksi.mjs"';
const html = (injected, tag = MJS) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Product</title>
  <script ${tag} data-categories="analytics"></script>
  <script type="text/plain" data-category="analytics">window.gatedRan = true;</script></head>
  <body><h1>A product</h1><p>A review: ${injected}</p></body></html>`;
const reopenButton = () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]:not([hidden])');

/** The chunks a page asks for from now on, and keksi.js's second file. */
const beyondTheCore = (page) => {
  const names = chunkRequests(page);
  page.on('request', (r) => new URL(r.url()).pathname == '/dist/keksi-rest.js' && names.push('keksi-rest.js'));
  return names;
};

/** A page whose every load of PAGE is answered with `injected` in its body. */
async function clobbered(h, injected, tag) {
  const p = await newPage(h.browser);
  const visit = async () => {
    const served = p.hold(/\/test\/pages\/clobber-loads\.html/).then((r) => r.fulfill(html(injected, tag), 'text/html'));
    await p.page.goto(`${h.server.url}${PAGE}`);
    await served;
  };
  return { ...p, visit };
}

// One element (the id is window[id]), two (an HTMLCollection), an <iframe>'s name (its WindowProxy).
const RETURNING = {
  dataLayer: '<img id="dataLayer" alt="">',
  'dataLayer, two elements': '<a id="dataLayer" href="x">x</a><img id="dataLayer" alt="">',
  'dataLayer, an iframe': '<iframe name="dataLayer"></iframe>',
  // Named (not id) <embed>, <object> and <img> pairs are window[name] too (attack6).
  'dataLayer, an embed': '<embed name="dataLayer">',
  'dataLayer, an object': '<object name="dataLayer"></object>',
  'Shopify, two images by name': '<img name="Shopify" alt=""><img name="Shopify" alt="">',
  Shopify: '<img id="Shopify" alt="">',
  wp_set_consent: '<form id="wp_set_consent"></form>',
};

for (const browser of BROWSERS) {
  describe(`${browser}: injected elements named after the globals Keksi looks for fetch nothing more`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [file, tag] of [
      ['keksi.mjs', MJS],
      ['keksi.js', 'defer src="/dist/keksi.js"'],
    ])
      for (const [name, injected] of Object.entries(RETURNING))
        test(`a returning visit with an injected ${name} fetches ${file} alone, no controller`, async () => {
          const { context, page, visit, errors, warnings } = await clobbered(h, injected, tag);
          await visit();
          await waitFor(page, () => !!customElements.get('keksi-consent')?.live);
          await page.evaluate(() => keksi.setConsent(['analytics']));
          await waitFor(page, () => document.cookie.includes('keksi_consent'));
          const asked = beyondTheCore(page);
          await visit();
          // Gated (by the core, or by a controller it fetched), and the reopen button drawn (when the page is idle).
          await waitFor(page, () => !!window.gatedRan);
          await waitFor(page, reopenButton);
          await page.evaluate(idle);
          assert.deepEqual({ asked, warnings, errors }, { asked: [], warnings: [], errors: [] });
          await context.close();
        });

    test("a first visit with injected dataLayer, gtag, fbq, Shopify and wp_set_consent: accept all fetches neither Google's and Meta's chunk nor the platforms'", async () => {
      const injected = ['dataLayer', 'gtag', 'fbq', 'Shopify', 'wp_set_consent'].map((id) => `<img id="${id}" alt="">`).join('');
      const { context, page, visit, errors, warnings } = await clobbered(h, injected);
      const asked = chunkRequests(page);
      await visit();
      await settled(page);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => document.cookie.includes('keksi_consent') && window.gatedRan);
      await settled(page);
      await page.evaluate(idle);
      assert.deepEqual(
        {
          extra: asked.filter((n) => /vendors|platforms/.test(n)),
          warnings,
          errors,
          elements: await page.evaluate(() => [dataLayer, gtag, fbq].map((e) => e.tagName)),
        },
        { extra: [], warnings: [], errors: [], elements: ['IMG', 'IMG', 'IMG'] },
      );
      await context.close();
    });

    // A <form>'s controls are its properties too: an <input name="closest"> IS form.closest, so Keksi's click listener
    // (the shop's data-keksi-open openers) threw at a click on the form's text; a form that is an opener had its
    // hasAttribute and click clobbered the same way.
    test('clicks on injected forms whose controls are named closest, hasAttribute and click throw nothing into the page, held back or with the controller', async () => {
      const forms =
        '<form id="r1">A review<input name="closest"></form><form id="r2" data-keksi-open>Settings<input name="hasAttribute"><input name="click"></form>';
      const { context, page, visit, errors } = await clobbered(h, forms);
      await visit();
      await waitFor(page, () => !!customElements.get('keksi-consent')?.live);
      await page.evaluate(() => keksi.setConsent(['analytics']));
      await waitFor(page, () => document.cookie.includes('keksi_consent'));
      await visit();
      await waitFor(page, () => !!window.gatedRan);
      await waitFor(page, reopenButton);
      await page.evaluate(() => HTMLElement.prototype.click.call(document.getElementById('r1')));
      await page.evaluate(idle);
      const held = [...errors];
      // The controller, fetched by an API call, takes the clicks over.
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => !!customElements.get('keksi-consent')?.live);
      await page.evaluate(() => ['r1', 'r2'].forEach((id) => HTMLElement.prototype.click.call(document.getElementById(id))));
      await page.evaluate(idle);
      assert.deepEqual({ held, errors }, { held: [], errors: [] });
      await context.close();
    });
  });
}
