// attack8: the UI chunk that failed and is asked for again at the visitor's next press or key (controller _uiAgain),
// in Chromium and Firefox: several presses while the network is down, a decision made meanwhile, the element removed
// while armed, the dialog asked for meanwhile. Fail closed throughout, no page error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, idle, keksiReady, newPage, poll, startHarness, waitFor } from './harness.mjs';
import { accept, bannerOpen, focusBannerButton, liveRegion, otherTab, reject, reset } from './tabs-kit.mjs';

const UI = /\/dist\/chunks\/ui-[^/]*\.mjs/;
const said = (warnings, re) => poll(() => warnings.some((w) => re.test(w)), `${re} (said: ${warnings.join(' | ')})`, 15000);
const uiFailed = /^\[keksi\] the Keksi UI could not be loaded/;

/** In the page: every element of `tag` through shadow roots. */
const deepCount = (tag) => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  return deep(document).filter((e) => e.localName == tag).length;
};

/** In the page: whether `part` of the first `tag` through shadow roots is shown. */
const shown = ([tag, part]) => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  const el = deep(document).find((e) => e.localName == tag);
  const target = part ? el?.shadowRoot?.querySelector(`[part~="${part}"]`) : el;
  return !!target && target.getBoundingClientRect().height > 0;
};

/**
 * A first visit of a shop page on keksi.mjs whose UI chunk fails (a network error) until `mend()`; `asked` and
 * `ended` list the requests for it and those that failed or finished.
 */
async function openShop(h, body = '', head = '<script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing"></script>') {
  const t = await newPage(h.browser);
  const html = t.hold(/\/shop-page\.html$/);
  let failing = true;
  const asked = [];
  const ended = [];
  const blip = () => t.hold(UI).then((r) => (asked.push(1), failing ? (r.abort(), ended.push(1), blip()) : (r.continue(), ended.push(1))));
  blip();
  const loading = t.page.goto(`${h.server.url}/shop-page.html`, { waitUntil: 'domcontentloaded' });
  (await html).fulfill(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>' +
      `${head}</head><body><p>Shop</p><button type="button" data-keksi-open>Cookie settings</button>` +
      `<script type="text/plain" data-category="analytics">window.__ran = true</script>${body}</body></html>`,
    'text/html',
  );
  await loading;
  await said(t.warnings, uiFailed);
  await t.page.evaluate(idle);
  return { ...t, asked, ended, mend: () => (failing = false) };
}

for (const browser of BROWSERS) {
  describe(`${browser}: attack8, the UI chunk asked for again`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('the network down for three presses: one request per press, none between; then up: one banner, one UI', async () => {
      const { context, page, errors, warnings, asked, ended, mend } = await openShop(h);
      const atStart = asked.length;
      for (let i = 1; i <= 3; i++) {
        await (i % 2 ? page.keyboard.press('Shift') : page.mouse.click(5, 5));
        await poll(() => asked.length == atStart + i && ended.length == asked.length, `press ${i}: its request asked and failed`, 15000);
        await page.evaluate(idle);
        assert.equal(asked.length, atStart + i, `press ${i}: one request`);
      }
      assert.equal(await page.evaluate(shown, ['keksi-banner', 'accept-all']), false);
      mend();
      await page.keyboard.press('Shift');
      await waitFor(page, shown, ['keksi-banner', 'accept-all'], 15000);
      assert.equal(asked.length, atStart + 4);
      assert.equal(await page.evaluate(deepCount, 'keksi-banner'), 1);
      assert.deepEqual(
        warnings.filter((w) => /defined by other code/.test(w)),
        [],
      );
      assert.equal(await page.evaluate(() => keksi.getConsent()), null);
      assert.equal(await page.evaluate(() => window.__ran ?? false), false, 'nothing optional ran');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the visitor decides while the UI chunk fails: the next key brings no banner, the reopen button shows', async () => {
      const { context, page, errors, asked, mend } = await openShop(h);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => window.__ran === true);
      mend();
      const before = asked.length;
      await page.keyboard.press('Shift');
      await waitFor(page, () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]:not([hidden])'), undefined, 15000);
      await page.evaluate(idle);
      assert.equal(asked.length, before, 'nothing asked for the UI');
      assert.equal(await page.evaluate(deepCount, 'keksi-banner'), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the element removed while the UI is armed to be asked for again: nothing from it at the next key', async () => {
      const { context, page, errors, warnings, asked, mend } = await openShop(h);
      await page.evaluate(() => document.querySelector('keksi-consent').remove());
      mend();
      const before = asked.length;
      await page.keyboard.press('Shift');
      await page.evaluate(idle);
      assert.deepEqual(
        { requests: asked.length - before, banners: await page.evaluate(deepCount, 'keksi-banner'), said: warnings.filter((w) => /not running/.test(w)) },
        { requests: 0, banners: 0, said: [] },
        'the removed element asked for its UI or spoke',
      );
      assert.equal(await page.evaluate(() => window.__ran ?? false), false, 'nothing optional ran');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a second <keksi-consent> added while the UI is armed: the key brings one banner, from the running one', async () => {
      const { context, page, errors, warnings, asked, mend } = await openShop(h);
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('keksi-consent'), { id: 'second' })));
      mend();
      const before = asked.length;
      await page.keyboard.press('Shift');
      await waitFor(page, shown, ['keksi-banner', 'accept-all'], 15000);
      assert.equal(asked.length, before + 1, 'one request');
      assert.equal(await page.evaluate(deepCount, 'keksi-banner'), 1);
      assert.equal(await page.evaluate(() => !!document.getElementById('second').shadowRoot), false, 'the second one stays stopped');
      assert.deepEqual(
        warnings.filter((w) => /^\[keksi\]/.test(w) && !/could not be loaded|more than one <keksi-consent>/.test(w)),
        [],
      );
      assert.equal(await page.evaluate(() => window.__ran ?? false), false, 'nothing optional ran');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('"Cookie settings" pressed while the UI chunk fails: the next key brings the banner, no dialog the visitor did not ask for', async () => {
      const { context, page, errors, asked, ended, mend } = await openShop(h);
      const before = asked.length;
      await page.click('button[data-keksi-open]');
      await poll(() => asked.length > before && ended.length == asked.length, 'the press asks for the UI, which fails', 15000);
      await page.evaluate(idle);
      // The press's pointerdown asks again (armed by the failure), and the click's need asks once more when that request
      // has failed before the click (Firefox, or a network that fails at once): one or two, never more.
      assert.ok([1, 2].includes(asked.length - before), `${asked.length - before} requests for the press and the click it makes`);
      mend();
      await page.keyboard.press('Shift');
      await waitFor(page, shown, ['keksi-banner', 'accept-all'], 15000);
      await page.evaluate(idle);
      assert.equal(await page.evaluate(shown, ['keksi-preferences', 'save']), false, 'a dialog popped up at a key press');
      assert.equal(await page.evaluate(() => keksi.getConsent()), null);
      assert.deepEqual(errors, []);
      await context.close();
    });

    // The network back before the key: the new body's blocked iframe asks for the UI at once and gets its placeholder;
    // the key brings the banner. (With the network still down, a key pressed while that request is on its way joins it,
    // and only the key after its failure asks again: one request at a time.)
    test("<body> replaced (Turbo-style) between the failure and the key: the new body's gated iframe gets its placeholder, the key one banner", async () => {
      const { context, page, errors, asked, mend } = await openShop(h);
      const before = asked.length;
      mend();
      await page.evaluate(() => {
        const body = document.createElement('body');
        body.innerHTML =
          '<p>Next page</p><iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Map" width="300" height="150"></iframe>' +
          '<script type="text/plain" data-category="analytics">window.__ran = true</script>';
        document.documentElement.replaceChild(body, document.body);
      });
      await waitFor(page, shown, ['keksi-embed', 'button'], 15000);
      assert.equal(asked.length, before + 1, 'one request, by the new iframe');
      await page.keyboard.press('Shift');
      await waitFor(page, shown, ['keksi-banner', 'accept-all'], 15000);
      assert.equal(asked.length, before + 1, 'no second request');
      assert.equal(await page.evaluate(deepCount, 'keksi-banner'), 1);
      assert.equal(await page.evaluate(() => document.querySelectorAll('keksi-consent').length), 1);
      assert.equal(await page.evaluate(() => window.__ran ?? false), false, 'nothing optional ran');
      assert.equal(await page.evaluate(() => document.querySelector('iframe[title=Map]').getAttribute('src')), null, 'the iframe stays unloaded');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

for (const browser of BROWSERS) {
  describe(`${browser}: attack8, what the live region says after another tab's decision`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    /** A first visit of a shop page in `lang` (keksi.mjs), its banner open. */
    async function shopTab(lang = 'en') {
      const t = await newPage(h.browser);
      const html = t.hold(/\/shop-page\.html$/);
      const loading = t.page.goto(`${h.server.url}/shop-page.html`, { waitUntil: 'domcontentloaded' });
      (await html).fulfill(
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title>` +
          '<script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing"></script></head>' +
          '<body><p>Shop</p><script type="text/plain" data-category="analytics">window.__ran = true</script></body></html>',
        'text/html',
      );
      await loading;
      await keksiReady(t.page);
      await waitFor(t.page, bannerOpen, undefined, 15000);
      return t;
    }

    /** Another tab of the same shop (this tab's page is made up in the test: not at an address of its own). */
    const elsewhere = (context, page, steps) => otherTab(context, page, steps, `${h.server.url}/test/pages/holds-queue.html`);

    for (const [lang, says] of [
      ['fi', 'Valinta tehtiin toisessa välilehdessä.'],
      ['sv', 'Valet gjordes i en annan flik.'],
    ])
      test(`${lang}: another tab's decision closes the banner that had focus; the live region says so in ${lang}`, async () => {
        const { context, page, errors } = await shopTab(lang);
        await focusBannerButton(page, 'reject-all');
        await elsewhere(context, page, [accept]);
        await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
        await poll(async () => (await page.evaluate(liveRegion)) === says, `the live region to say ${says}`);
        assert.deepEqual(errors, []);
        await context.close();
      });

    // A screen reader's user reading the banner without focus in it (browse mode) heard nothing as it went away.
    test('focus not in the banner, another tab decides: the banner closes, the live region says the choice was made there, focus stays put', async () => {
      const { context, page, errors } = await shopTab();
      await page.evaluate(() => document.activeElement?.blur());
      await elsewhere(context, page, [accept]);
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
      await poll(async () => (await page.evaluate(liveRegion)) === 'Choice made in another tab.', 'the live region to say so');
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus was not moved');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('two quick decisions in another tab (accept, then reject): the banner closes once, the live region says the choice was made there', async () => {
      const { context, page, errors } = await shopTab();
      await focusBannerButton(page, 'accept-all');
      await elsewhere(context, page, [accept, reject]);
      await waitFor(page, () => !!keksi.getConsent() && !keksi.has('analytics'));
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
      await poll(async () => (await page.evaluate(liveRegion)) === 'Choice made in another tab.', 'the live region to say so');
      assert.deepEqual(await page.evaluate(() => keksi.getConsent().accepted), ['necessary'], "the other tab's last choice holds here");
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('this tab saved; another tab resets, then decides: the banner asks meanwhile, then closes; the live region tells each', async () => {
      const { context, page, errors } = await shopTab();
      await focusBannerButton(page, 'reject-all');
      await page.keyboard.press('Enter');
      await poll(async () => (await page.evaluate(liveRegion)) === 'Choice saved.', 'the live region to say the choice was saved');
      await elsewhere(context, page, [reset]);
      await poll(() => page.evaluate(bannerOpen), 'the banner to ask again');
      // While the banner asks, no choice is held: the live region does not still say one was saved.
      assert.notEqual(await page.evaluate(liveRegion), 'Choice saved.', 'the live region still says "Choice saved." while the banner asks');
      await focusBannerButton(page, 'reject-all');
      await elsewhere(context, page, [accept]);
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
      await poll(async () => (await page.evaluate(liveRegion)) === 'Choice made in another tab.', 'the live region to say so');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
