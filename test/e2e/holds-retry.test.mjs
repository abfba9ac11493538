// A lazy chunk that fails to load once (a network blip) is fetched again the next time it is needed,
// Chromium and Firefox, ES module build: browsers keep a failed dynamic import() of an address for the
// page's life, and Keksi kept the failed promise, so the banner, the dialog or the placeholders never
// came. The first request for the chunk is aborted; the next trigger shows what it holds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, idle, newPage, poll, settled, startHarness, waitFor } from './harness.mjs';

const said = (warnings, re) => poll(() => warnings.some((w) => re.test(w)), `${re} (said: ${warnings.join(' | ')})`, 15000);

/**
 * A shop page on keksi.mjs whose requests for the chunk matching `chunk` fail (a network error) until
 * `mend()` is called: Chromium fetches a failed import() again, Firefox does not; Keksi asks up to twice
 * (a prefetch, then the need), so the blip lasts until Keksi has said that the chunk could not be loaded.
 */
async function openShop(
  h,
  chunk,
  body = '',
  lang = 'en',
  head = '<script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing"></script>',
) {
  const t = await newPage(h.browser);
  const html = t.hold(/\/shop-page\.html$/);
  let failing = true;
  const blip = () => t.hold(chunk).then((r) => (failing ? (r.abort(), blip()) : r.continue()));
  blip();
  const loading = t.page.goto(`${h.server.url}/shop-page.html`, { waitUntil: 'domcontentloaded' });
  (await html).fulfill(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title>` +
      `${head}</head>` +
      `<body><p>Shop</p><button type="button" data-keksi-open>Cookie settings</button>${body}</body></html>`,
    'text/html',
  );
  await loading;
  return { ...t, mend: () => (failing = false) };
}

/** In the page: the banner's "Customise" button as window.settingsButton(), and its box in the viewport. */
const settingsBox = () => {
  window.settingsButton = () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('[part~="settings"]');
  return window.settingsButton().getBoundingClientRect().toJSON();
};

const visible = (page, tag, part) =>
  waitFor(
    page,
    ([tag, part]) => {
      const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
      const el = deep(document).find((e) => e.localName == tag);
      const target = part ? el?.shadowRoot?.querySelector(`[part~="${part}"]`) : el;
      return target && target.getBoundingClientRect().height > 0;
    },
    [tag, part],
    15000,
  );

for (const browser of BROWSERS) {
  describe(`a lazy chunk that failed once is fetched again (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    // Nothing asked the visitor after a failed UI chunk until the page called showBanner() (fail closed, but no question).
    test("the UI chunk, a first visit: the visitor's next key brings the banner and the blocked embed's placeholder; nothing optional ran", async () => {
      const frame = '<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Map" width="300" height="150"></iframe>';
      const { context, page, errors, warnings, mend } = await openShop(h, /\/dist\/chunks\/ui-[^/]*\.mjs/, frame);
      await said(warnings, /^\[keksi\] the Keksi UI could not be loaded/);
      mend();
      await page.keyboard.press('Shift');
      await visible(page, 'keksi-banner', 'accept-all');
      await visible(page, 'keksi-embed', 'button');
      assert.equal(await page.evaluate(() => keksi.getConsent()), null);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the UI chunk: keksi.showBanner() shows the banner; then the dialog and a placeholder', async () => {
      const { context, page, errors, warnings, mend } = await openShop(h, /\/dist\/chunks\/ui-[^/]*\.mjs/);
      await said(warnings, /^\[keksi\] the Keksi UI could not be loaded/);
      mend();
      await page.evaluate(() => keksi.showBanner());
      await visible(page, 'keksi-banner', 'accept-all');
      // The dialog's and the placeholders' chunks work with the UI chunk fetched again (not a second copy
      // of it at its first address: one definition of each element, no [keksi] message about it).
      await page.click('button[data-keksi-open]');
      await visible(page, 'keksi-preferences', 'save');
      await page.evaluate(() =>
        document.body.insertAdjacentHTML('beforeend', '<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Map"></iframe>'),
      );
      await visible(page, 'keksi-embed', 'button');
      assert.deepEqual(
        warnings.filter((w) => /defined by other code/.test(w)),
        [],
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the dialog chunk: "Cookie settings" pressed while the network is down, then again: the dialog opens', async () => {
      const { context, page, errors, warnings, mend } = await openShop(h, /\/dist\/chunks\/dialog-[^/]*\.mjs/);
      await visible(page, 'keksi-banner', 'accept-all');
      // The dialog's chunk is asked for on the visitor's reach for it (issue 17): the first press fails.
      await page.click('button[data-keksi-open]');
      await said(warnings, /^\[keksi\] the preferences dialog could not be loaded/);
      mend();
      await page.click('button[data-keksi-open]');
      await visible(page, 'keksi-preferences', 'save');
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Issue "chunks" 2d: the press waited for the prefetch that then failed, and nothing more happened.
    test('the dialog chunk: "Customise" pressed while its prefetch is on its way and then fails: the press fetches it again, the dialog opens', async () => {
      const { context, page, errors, hold } = await openShop(h, /^never$/);
      await visible(page, 'keksi-banner', 'accept-all');
      let held;
      hold(/\/dist\/chunks\/dialog-[^/]*\.mjs/).then((r) => (held = r));
      // Measured once the banner's entry animation is over: mid-slide the pointer missed the button and no
      // prefetch came (under load this waited for ever), and a missed prefetch now fails the test.
      await settled(page);
      const { x, y, width, height } = await page.evaluate(settingsBox);
      await page.mouse.move(x + width / 2, y + height / 2);
      await poll(() => held, 'the prefetch of the dialog chunk on the reach for "Customise"', 15000);
      await page.mouse.click(x + width / 2, y + height / 2);
      await waitFor(page, () => window.settingsButton().getAttribute('aria-busy') == 'true', undefined, 15000);
      held.abort();
      await visible(page, 'keksi-preferences', 'save');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the dialog chunk: one failed fetch on the reach for "Customise", no more on further moves or focus while the network is down', async () => {
      const { context, page, errors, warnings } = await openShop(h, /\/dist\/chunks\/dialog-[^/]*\.mjs/);
      const asked = [];
      const ended = [];
      page.on('request', (r) => /\/dist\/chunks\/dialog-/.test(r.url()) && asked.push(r.url()));
      page.on('requestfailed', (r) => /\/dist\/chunks\/dialog-/.test(r.url()) && ended.push(r.url()));
      await visible(page, 'keksi-banner', 'accept-all');
      // The prefetch on the pointer over "Customise" is the failed request.
      const { x, y, width, height } = await page.evaluate(settingsBox);
      await page.mouse.move(x + width / 2, y + height / 2);
      await said(warnings, /^\[keksi\] the preferences dialog could not be loaded/);
      // The network still down: the pointer wandering over "Customise", and focus on it, ask for nothing more.
      for (let i = 1; i <= 6; i++) await page.mouse.move(x + (width * i) / 8, y + height / 2);
      await page.evaluate(() => window.settingsButton().focus());
      // Every request asked for so far has ended (failed).
      const failed = () => warnings.filter((w) => /preferences dialog could not be loaded/.test(w)).length;
      await page.evaluate(idle);
      await poll(() => ended.length == asked.length, 'every request for the dialog chunk ended');
      assert.deepEqual([asked.length, failed()], [1, 1], `one request and one message while the network is down (asked: ${asked.join(' | ')})`);
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Not retried within the page: the visitor's language that failed to load falls back to English
    // (a [keksi] message), which is what this checks.
    test("the visitor's texts chunk (fi): the banner comes in English, a [keksi] message", async () => {
      const { context, page, errors, warnings } = await openShop(h, /\/dist\/chunks\/texts-fi-[^/]*\.mjs/, '', 'fi');
      await said(warnings, /^\[keksi\] the texts in "fi" could not be loaded; showing English/);
      await visible(page, 'keksi-banner', 'accept-all');
      assert.equal(
        await page.evaluate(() =>
          document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('[part~="accept-all"]').textContent.trim(),
        ),
        'Accept all',
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Issue "chunks" 2a: with the visitor's language and English both failing there is nothing to show (fail
    // closed, one [keksi] message); the visitor's next interaction once the network is back shows the banner.
    test("the visitor's texts (fi) and English's both fail: no banner and one message; the next press shows it in Finnish", async () => {
      const { context, page, errors, warnings, mend } = await openShop(h, /\/dist\/chunks\/texts-(fi|en)-[^/]*\.mjs/, '', 'fi');
      await said(warnings, /^\[keksi\] the texts (in "en" )?could not be loaded/);
      const shown = () =>
        page.evaluate(() => {
          const banner = document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner');
          return !!banner?.open && !!banner.shadowRoot?.querySelector('[part~="accept-all"]');
        });
      assert.equal(await shown(), false, 'no banner without texts');
      mend();
      await page.mouse.click(5, 5);
      await visible(page, 'keksi-banner', 'accept-all');
      assert.equal(
        await page.evaluate(() =>
          document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('[part~="accept-all"]').textContent.trim(),
        ),
        'Hyväksy kaikki',
      );
      assert.deepEqual(
        warnings.filter((w) => /texts/.test(w)),
        ['[keksi] the texts could not be loaded: nothing is shown until they can be.'],
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Google's and Meta's chunk kept its failed load for the page's life: they stayed off for good.
    test("Google's and Meta's chunk (GA4 configured): the visitor's next press fetches it again and Google hears the consent default", async () => {
      const tag = '<script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing" data-ga="G-RETRY1234"></script>';
      const { context, page, errors, warnings, mend } = await openShop(h, /\/dist\/chunks\/vendors-[^/]*\.mjs/, '', 'en', tag);
      await said(warnings, /^\[keksi\] Google and Meta could not be loaded/);
      const heard = () => (window.dataLayer || []).some((a) => a[0] == 'consent' && a[1] == 'default');
      assert.equal(await page.evaluate(heard), false);
      mend();
      await page.mouse.click(5, 5);
      await waitFor(page, heard, undefined, 15000);
      assert.deepEqual(errors, []);
      await context.close();
    });

    // Offline, every gate pass that met a held Google or Meta snippet asked for their chunk again: a request per
    // gated element added, per decision. One failed request, then none until the visitor's next press or key (or
    // the network's return: core/schedule.ts atNextChance), then one more.
    test("Google's and Meta's chunk offline: asked for once until the visitor's next press, however often the gate meets a held snippet; once more after it", async () => {
      const t = await newPage(h.browser);
      const html = t.hold(/\/shop-page\.html$/);
      let asked = 0;
      const fail = () => t.hold(/\/dist\/chunks\/vendors-[^/]*\.mjs/).then((r) => (asked++, r.abort(), fail()));
      fail();
      const snippet = (n) =>
        `<script type="text/plain" data-category="analytics">window.dataLayer = window.dataLayer || []; window.__google = ${n};</script>` +
        `<script type="text/plain" data-category="analytics">window.__passes = ${n};</script>`;
      const loading = t.page.goto(`${h.server.url}/shop-page.html`, { waitUntil: 'domcontentloaded' });
      (await html).fulfill(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>' +
          '<script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing"></script></head>' +
          `<body><p>Shop</p>${snippet(0)}</body></html>`,
        'text/html',
      );
      await loading;
      const { page, warnings, errors, context } = t;
      await said(warnings, /^\[keksi\] Google and Meta could not be loaded/);
      // The requests of the start (the core's alongside the controller's, then the controller's need) have ended.
      await page.evaluate(idle);
      const atStart = asked;
      // Gate passes without a press or key: a decision made through the API, and gated snippets added one by one
      // (each pass has run once the plain script after the snippet has).
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => window.__passes === 0);
      const passes = async (from, to) => {
        for (let n = from; n <= to; n++) {
          await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), snippet(n));
          await waitFor(page, (n) => window.__passes === n, n);
        }
        await page.evaluate(idle);
      };
      await passes(1, 3);
      const beforePress = asked - atStart;
      // The visitor's next press asks once more (and fails: still offline); further passes ask nothing.
      await page.mouse.click(5, 5);
      await poll(() => asked > atStart + beforePress, 'the press asks for the chunk again', 15000);
      await passes(4, 6);
      assert.deepEqual(
        { beforePress, afterPress: asked - atStart - beforePress, google: await page.evaluate(() => window.__google ?? null), errors },
        { beforePress: 0, afterPress: 1, google: null, errors: [] },
        `requests for the vendors chunk: ${asked} in all, ${atStart} at the start`,
      );
      await context.close();
    });

    // configure()'s chunk kept its failed load for the page's life: the shop's own services were never shown.
    test("configure()'s chunk: the visitor's next press fetches it again, the dialog lists the service configure() added", async () => {
      const service =
        "{ name: 'Chat Oy', category: 'analytics', provider: 'Chat Oy (FI)', purpose: { en: 'Customer chat.' }, cookies: [{ name: 'chat_id', days: 30 }] }";
      const head = `<script>window.keksi = [(k) => k.configure({ services: [${service}] })];</script>`;
      const tag = '<script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing"></script>';
      const { context, page, errors, warnings, mend } = await openShop(h, /\/dist\/chunks\/merge-options-[^/]*\.mjs/, '', 'en', head + tag);
      await said(warnings, /^\[keksi\] configure\(\) could not be loaded/);
      const added = () => !!customElements.get('keksi-consent')?.live?.options.services.some((s) => s.name == 'Chat Oy');
      assert.equal(await page.evaluate(added), false);
      mend();
      await page.mouse.click(5, 5);
      await waitFor(page, added, undefined, 15000);
      await page.click('button[data-keksi-open]');
      await visible(page, 'keksi-preferences', 'save');
      await waitFor(
        page,
        () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot.textContent.includes('Chat Oy'),
        undefined,
        15000,
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the placeholders chunk: the next blocked embed gets its placeholder', async () => {
      const { context, page, errors, warnings, mend } = await openShop(
        h,
        /\/dist\/chunks\/embed-[^/]*\.mjs/,
        '<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Video"></iframe>',
      );
      await said(warnings, /^\[keksi\] the placeholders could not be loaded/);
      mend();
      await page.evaluate(() =>
        document.body.insertAdjacentHTML('beforeend', '<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Map"></iframe>'),
      );
      await visible(page, 'keksi-embed', 'button');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
