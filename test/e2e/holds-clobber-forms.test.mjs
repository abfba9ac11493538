// Form clobbering of gated elements. A <form>'s controls are its properties (HTMLFormElement has
// [LegacyOverrideBuiltIns]): in an injected <form><input name="hasAttribute"></form>, form.hasAttribute IS the input.
// Keksi's gating selectors matched any element with `data-category` and `data-src` (an embed), so an injected form
// carrying those attributes (or `data-keksi="on"`, or `data-service`, or added later with a control named
// `querySelectorAll`) was handed to the gate, which called its methods: injected HTML (a review, no script) must
// neither throw into the page nor stop the shop's own gated elements after it from running. Chromium and Firefox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, dataLayerRows, idle, newPage, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/clobber-forms.html';
const html = (injected, { attributes = '', extra = '' } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Product</title>
  <script type="module" src="/dist/keksi.mjs" data-categories="analytics"${attributes}></script></head>
  <body><h1>A product</h1><p>A review:</p>${injected}
  <script type="text/plain" data-category="analytics">window.gatedRan = true;</script>${extra}</body></html>`;

/** A page whose every load of PAGE is answered with `injected` before the shop's own gated script. */
async function clobbered(h, injected, options) {
  const p = await newPage(h.browser);
  const visit = async () => {
    const served = p.hold(/\/test\/pages\/clobber-forms\.html/).then((r) => r.fulfill(html(injected, options), 'text/html'));
    await p.page.goto(`${h.server.url}${PAGE}`);
    await served;
  };
  return { ...p, visit };
}

// Each form reaches a different read of the gate: the withdrawal sweep (data-keksi="on"), the look at each element
// (hasAttribute, matches, isConnected, getAttribute, attributes, setAttribute).
const FORMS = {
  'data-keksi="on" and setAttribute': '<form data-keksi="on" data-src="/x.html"><input name="setAttribute"></form>',
  'data-category, data-src and hasAttribute': '<form data-category="analytics" data-src="/x.html"><input name="hasAttribute"></form>',
  'data-category, data-src and getAttribute': '<form data-category="analytics" data-src="/x.html"><input name="getAttribute"></form>',
  'data-category, data-src, attributes and setAttribute':
    '<form data-category="analytics" data-src="/x.html"><input name="attributes"><input name="setAttribute"><input name="isConnected"></form>',
};

for (const browser of BROWSERS) {
  describe(`${browser}: injected forms with controls named after Element's methods do not stop gating`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [name, form] of Object.entries(FORMS)) {
      test(`a form with ${name}: a first visit's accept and the returning visit run the shop's gated script after it, nothing thrown`, async () => {
        const { context, page, visit, errors } = await clobbered(h, form);
        await visit();
        await waitFor(page, () => !!customElements.get('keksi-consent')?.live);
        await page.evaluate(() => keksi.acceptAll());
        await waitFor(page, () => document.cookie.includes('keksi_consent'));
        await page.evaluate(idle);
        const first = { ran: await page.evaluate(() => !!window.gatedRan), errors: [...errors] };
        // The returning visit: gated by the core alone (no controller).
        await visit();
        await waitFor(page, () => !!window.keksi && document.readyState == 'complete');
        await page.evaluate(idle);
        const returning = { ran: await page.evaluate(() => !!window.gatedRan), errors: errors.slice(first.errors.length) };
        assert.deepEqual({ first, returning }, { first: { ran: true, errors: [] }, returning: { ran: true, errors: [] } });
        await context.close();
      });
    }

    // A single-page shop renders a review (injected HTML) and its next view's gated script in one go: the gate's
    // MutationObserver looks into each added element (querySelectorAll) and at it (hasAttribute).
    test('a review added later with forms whose controls are named querySelectorAll and hasAttribute: the gated script added with it runs, nothing thrown', async () => {
      const { context, page, visit, errors } = await clobbered(h, '');
      await visit();
      await waitFor(page, () => !!customElements.get('keksi-consent')?.live);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => !!window.gatedRan);
      // Each top-level node is an added node of one mutation record.
      await page.evaluate(() =>
        document.body.insertAdjacentHTML(
          'beforeend',
          '<form><input name="querySelectorAll"></form><form><input name="hasAttribute"></form>' +
            '<script type="text/plain" data-category="analytics">window.laterRan = true;</script>',
        ),
      );
      await page.evaluate(idle);
      assert.deepEqual({ ran: await page.evaluate(() => !!window.laterRan), errors }, { ran: true, errors: [] });
      await context.close();
    });

    // Google's integration names the services of the page's gated elements (data-service) in keksi_consent_update.
    test('a form with data-category, data-service and getAttribute on a Google page: accept all still tells Google and loads gtag.js, nothing thrown', async () => {
      const form = '<form data-category="analytics" data-service="reviews"><input name="getAttribute"></form>';
      const { context, page, visit, errors, requests } = await clobbered(h, form, { attributes: ' data-ga="G-TEST123"' });
      await visit();
      await waitFor(page, () => !!customElements.get('keksi-consent')?.live);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => !!window.gatedRan);
      await page.evaluate(idle);
      const rows = await page.evaluate(dataLayerRows);
      assert.deepEqual(
        {
          update: rows.some((r) => r.startsWith('consent update analytics:granted')),
          event: rows.includes('event keksi_consent_update'),
          gtag: requests.some((u) => u.includes('googletagmanager.com/gtag/js?id=G-TEST123')),
          errors,
        },
        { update: true, event: true, gtag: true, errors: [] },
      );
      await context.close();
    });
  });
}

// window.cookieStore is [SecureContext]: on a shop served over plain http (and in Safari before 18.4) the browser has
// none, and an element of that id is window.cookieStore. Keksi listens to its 'change' (another tab's choice): two
// elements of that id (in Chromium an HTMLCollection, no addEventListener; Firefox gives the first) or a
// <form id="cookieStore"> whose control is named addEventListener made that a TypeError: thrown from the controller's
// start (no banner) and the core's hold-back.
// Served as files (test/pages/clobber-cookiestore-*.html): Chromium does not let a page answered by request interception on
// a plain-http host load keksi.mjs from loopback (Private Network Access).
const STORES = {
  'two elements of that id': 'two',
  'a form whose control is named addEventListener': 'form',
};
const acceptAll = () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]');

for (const browser of BROWSERS) {
  describe(`${browser}: an injected window.cookieStore on a plain-http shop does not stop Keksi`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [name, file] of Object.entries(STORES))
      test(`${name}: the first visit shows the banner, its accept runs the gated script, the returning visit is gated, nothing thrown or failed`, async () => {
        const { context, page, errors, warnings } = await newPage(h.browser);
        const visit = () => page.goto(`${h.server.url.replace('localhost', 'shop.keksi.test')}/test/pages/clobber-cookiestore-${file}.html`);
        await visit();
        // The premise: no Cookie Store here, so the element is window.cookieStore.
        assert.ok(await page.evaluate(() => window.cookieStore instanceof Node || window.cookieStore instanceof HTMLCollection));
        await waitFor(page, acceptAll);
        await page.evaluate(`(${acceptAll})().click()`);
        await waitFor(page, () => document.cookie.includes('keksi_consent') && window.gatedRan);
        await visit();
        await waitFor(page, () => !!window.gatedRan && document.readyState == 'complete');
        await page.evaluate(idle);
        assert.deepEqual({ errors, failed: warnings.filter((w) => /failed/.test(w)) }, { errors: [], failed: [] });
        await context.close();
      });
  });
}

// After a decision the pressed button goes with the banner, and focus moves on (src/ui/keksi-ui.ts _decided()): with no
// reopen button (reopen="none"), to the shop's own `data-keksi-open` control. An injected form carrying that attribute
// and a control named focus came first in the page: its focus() was the input, the move failed ('[keksi] moving focus
// failed') and focus was left on <body>. A form is no opener (src/core/doc.ts openerOf()), nor a place for focus.
for (const browser of BROWSERS) {
  describe(`${browser}: an injected form with data-keksi-open and a control named focus`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test("a decision in the banner by keyboard moves focus to the shop's own opener, not <body>; nothing failed", async () => {
      const form = '<form data-keksi-open><input name="focus" type="hidden"></form>';
      const { context, page, visit, errors, warnings } = await clobbered(h, form, {
        attributes: ' data-reopen="none"',
        extra: '<footer><a href="#" id="settings" data-keksi-open>Cookie settings</a></footer>',
      });
      await visit();
      await waitFor(page, acceptAll);
      await page.evaluate(`(${acceptAll})().focus()`);
      await page.keyboard.press('Enter');
      await waitFor(page, () => document.cookie.includes('keksi_consent'));
      await waitFor(page, () => document.activeElement !== document.body && document.activeElement?.localName !== 'keksi-consent').catch(() => {});
      const where = await page.evaluate(() => document.activeElement?.id || document.activeElement?.localName);
      assert.deepEqual({ where, errors, failed: warnings.filter((w) => /failed/.test(w)) }, { where: 'settings', errors: [], failed: [] });
      await context.close();
    });
  });
}
