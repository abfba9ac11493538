// Consent that holds when a page script replaces the body's markup (`document.body.innerHTML = …`, a
// home-made single-page shop): Keksi's own element, beside <body>, is untouched; the page's own
// <keksi-consent> in <body> is removed: with one in the new markup, one controller runs on (the running
// one or the copy, see below), and what a removed one is asked changes nothing (a late acceptAll() on it
// does not undo a rejection); with none, Keksi stops and nothing more runs (fail closed).
// Turbo/Swup body replacement: holds-config.test.mjs; the tab-order move: tab-order.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, consentRecord, gateDone, keksiReady, startHarness, waitFor } from './harness.mjs';

/** Accept analytics on page one, keep the element, then put page two's markup into <body>. */
async function acceptAndReplace(page, next) {
  await page.evaluate((next) => {
    window.__old = document.querySelector('keksi-consent');
    keksi.setConsent(['analytics']);
    document.body.innerHTML = next ?? document.getElementById('next').innerHTML;
  }, next);
}

/** The elements that have started, which of them is connected and running, and what ran. */
const seen = (page) =>
  page.evaluate(() => {
    const started = [window.__old, ...document.querySelectorAll('keksi-consent')].filter((el, i, all) => el.store && all.indexOf(el) === i);
    const live = customElements.get('keksi-consent').live;
    return {
      started: started.length,
      running: started.filter((el) => el.isConnected && el === live).length,
      oldRuns: window.__old === live,
      ran: window.__ran,
    };
  });

for (const browser of BROWSERS) {
  describe(`${browser}: document.body.innerHTML replaced by a page script`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    // Chromium connects the new markup's <keksi-consent> before it disconnects the running one: that copy
    // gives way and the running one moves into its place (as with Turbo). Firefox disconnects the running
    // one first: it stops, and the copy starts.
    test("the page's own <keksi-consent> in the new markup: one runs on, once; a removed one changes nothing", async () => {
      const { context, page, errors, warnings } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/holds-body-own.html`);
      await keksiReady(page);
      await acceptAndReplace(page);
      await keksiReady(page);
      await waitFor(page, () => window.__ran.length === 1);
      await gateDone(page);
      const survives = browser === 'chromium';
      assert.deepEqual(await seen(page), { started: survives ? 1 : 2, running: 1, oldRuns: survives, ran: ['page-2 analytics'] });
      assert.equal(await page.evaluate(() => keksi.has('analytics')), true);
      await page.evaluate(() => {
        keksi.rejectAll();
        if (window.__old !== customElements.get('keksi-consent').live) window.__old.acceptAll();
      });
      assert.deepEqual((await consentRecord(context)).a, []);
      assert.equal(await page.evaluate(() => keksi.has('analytics')), false);
      if (!survives)
        assert.ok(
          warnings.some((w) => w.startsWith('[keksi] <keksi-consent> not running')),
          warnings.join('\n'),
        );
      assert.ok(!warnings.some((w) => /more than one/.test(w)), warnings.join('\n'));
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("the page's own <keksi-consent> gone from the new markup: Keksi stops, nothing more runs, has() answers false", async () => {
      const { context, page, errors } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/holds-body-own.html`);
      await keksiReady(page);
      await acceptAndReplace(page, '<p>Page two</p><script type="text/plain" data-category="analytics">window.__ran.push("page-2 analytics")</script>');
      assert.deepEqual(await seen(page), { started: 1, running: 0, oldRuns: false, ran: [] });
      assert.equal(await page.evaluate(() => keksi.has('analytics')), false);
      await page.evaluate(() => window.__old.acceptAll());
      assert.deepEqual((await consentRecord(context)).a, ['analytics'], 'the choice made before stays as it was');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("Keksi's own element (beside <body>) is untouched: it gates the new markup, once", async () => {
      const { context, page, errors } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/holds-body.html`);
      await keksiReady(page);
      await page.evaluate(() => {
        keksi.setConsent(['analytics']);
        window.__ran = [];
      });
      await acceptAndReplace(page);
      await waitFor(page, () => window.__ran.length === 1);
      await gateDone(page);
      assert.deepEqual(await seen(page), { started: 1, running: 1, oldRuns: true, ran: ['page-2 analytics'] });
      await page.evaluate(() => keksi.rejectAll());
      assert.deepEqual((await consentRecord(context)).a, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
