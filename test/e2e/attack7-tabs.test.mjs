// attack7: another tab's decisions and resets in quick succession, this tab's own reset, a reset heard while the UI
// chunk cannot load, reopen="none" and the shop's own <keksi-consent>, in Chromium and Firefox. The banner ends open
// iff this tab holds no choice (nothing optional runs while none is held), focus never ends on <body>, no page error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, poll, reload, startHarness, waitFor } from './harness.mjs';
import { accept, bannerOpen, deepFocus, focusBannerButton, focusSettles, lateGatedStaysOff, liveRegion, otherTab, reject, reset } from './tabs-kit.mjs';

const held = () => !!document.cookie.includes('keksi_consent=');
const failed = (warnings) => warnings.filter((w) => /\[keksi\].*fail/i.test(w));

for (const browser of BROWSERS) {
  describe(`${browser}: attack7, another tab`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    async function shopTab(path = '/test/pages/holds-queue.html', options) {
      const t = await newPage(h.browser, options);
      await t.page.goto(`${h.server.url}${path}`);
      await keksiReady(t.page);
      return t;
    }

    test('focus on a button of this banner, another tab decides: the banner closes, focus moves on, never to <body>', async () => {
      const { context, page, errors, warnings } = await shopTab();
      await waitFor(page, bannerOpen);
      await focusBannerButton(page, 'reject-all');
      await otherTab(context, page, [accept]);
      await waitFor(page, () => keksi.has('analytics'));
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
      await focusSettles(page, (f) => f?.body === false, 'focus off <body>');
      // The screen reader hears why the banner went away: the choice was made there, not saved here.
      await poll(async () => (await page.evaluate(liveRegion)) === 'Choice made in another tab.', 'the live region to say so');
      assert.deepEqual(errors, []);
      assert.deepEqual(failed(warnings), []);
      await context.close();
    });

    test('this tab rejected; another tab resets, then accepts, before this tab looks: this tab holds the acceptance, no banner', async () => {
      const { context, page, errors, warnings } = await shopTab();
      await waitFor(page, bannerOpen);
      await page.evaluate(() => keksi.rejectAll());
      await waitFor(page, held);
      await otherTab(context, page, [reset, accept]);
      await waitFor(page, () => keksi.has('analytics'));
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to stay closed');
      assert.equal(await page.evaluate(bannerOpen), false);
      assert.deepEqual(errors, []);
      assert.deepEqual(failed(warnings), []);
      await context.close();
    });

    test('this tab accepted; another tab decides, resets, decides, resets: the banner asks, nothing optional runs', async () => {
      const { context, page, errors, warnings } = await shopTab();
      await waitFor(page, bannerOpen);
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, held);
      await otherTab(context, page, [reject, reset, accept, reset]);
      await waitFor(page, () => keksi.getConsent() === null);
      await poll(() => page.evaluate(bannerOpen), 'the banner to ask again');
      await lateGatedStaysOff(page, 'while no choice is held');
      assert.deepEqual(errors, []);
      assert.deepEqual(failed(warnings), []);
      await context.close();
    });

    test("this tab's own reset() while its banner is open, focus in it: it stays open, then another tab's decision closes it", async () => {
      const { context, page, errors, warnings } = await shopTab();
      await waitFor(page, bannerOpen);
      await focusBannerButton(page, 'accept-all');
      await page.evaluate(() => keksi.reset());
      await lateGatedStaysOff(page, 'while no choice is held');
      assert.equal(await page.evaluate(bannerOpen), true);
      assert.match((await page.evaluate(deepFocus))?.part ?? '', /\baccept-all\b/, 'focus left the button the visitor was on');
      await otherTab(context, page, [reject]);
      await waitFor(page, () => !!keksi.getConsent());
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
      await focusSettles(page, (f) => f?.body === false, 'focus off <body>');
      assert.deepEqual(errors, []);
      assert.deepEqual(failed(warnings), []);
      await context.close();
    });

    test('reopen="none": focus in the banner, another tab decides: focus goes to the shop\'s own opener; another tab resets: the banner asks', async () => {
      const { context, page, errors, warnings } = await shopTab('/test/pages/reopen-none.html');
      await waitFor(page, bannerOpen);
      await focusBannerButton(page, 'accept-all');
      await otherTab(context, page, [reject]);
      await poll(async () => !(await page.evaluate(bannerOpen)), 'the banner to close');
      await focusSettles(page, (f) => f?.body === false, 'focus off <body>');
      await otherTab(context, page, [reset]);
      await poll(() => page.evaluate(bannerOpen), 'the banner to ask again');
      assert.notEqual((await page.evaluate(deepFocus))?.body, true, 'focus on <body>');
      await lateGatedStaysOff(page, 'while no choice is held');
      assert.deepEqual(errors, []);
      assert.deepEqual(failed(warnings), []);
      await context.close();
    });

    test("the shop's own <keksi-consent>: focus on its reopen button, another tab resets: focus moves into the banner that asks", async () => {
      const { context, page, errors, warnings } = await shopTab('/test/pages/holds-config-own.html');
      await waitFor(page, bannerOpen);
      await page.evaluate(() => keksi.acceptAll());
      const reopen = `document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]:not([hidden])')`;
      await page.waitForFunction(reopen);
      await page.evaluate(`${reopen}.focus()`);
      await otherTab(context, page, [reset]);
      await poll(() => page.evaluate(bannerOpen), 'the banner to ask again');
      await focusSettles(page, (f) => f?.part === 'banner', 'focus in the banner that asks');
      assert.deepEqual(errors, []);
      assert.deepEqual(failed(warnings), []);
      await context.close();
    });

    /** A returning visit held back by the core, its UI chunk failing once: another tab resets; until the [keksi] message. */
    async function resetWhileUiFails() {
      const t = await shopTab();
      const { context, page, warnings } = t;
      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, held);
      await reload(page);
      await keksiReady(page);
      t.hold(/\/dist\/chunks\/ui-[^/]*\.mjs/).then((r) => r.abort());
      await otherTab(context, page, [reset]);
      await waitFor(page, () => keksi.getConsent() === null);
      await poll(() => warnings.some((w) => /^\[keksi\] the Keksi UI could not be loaded/.test(w)), 'the [keksi] message', 15000);
      return t;
    }

    test("a returning visit held back by the core, its UI chunk failing: another tab's reset: nothing optional runs, a [keksi] message, no page error", async () => {
      const { context, page, errors } = await resetWhileUiFails();
      await lateGatedStaysOff(page, 'while no choice is held');
      // Another tab decides: this tab follows, the reopen button stays.
      await otherTab(context, page, [accept]);
      await waitFor(page, () => keksi.has('analytics'));
      assert.deepEqual(errors, []);
      await context.close();
    });

    // The banner that should ask never came: nothing optional ran, but nothing asked either, until a reload.
    test("another tab's reset while this tab's UI chunk fails once: the visitor's next key brings the banner that asks", async () => {
      const { context, page, errors } = await resetWhileUiFails();
      await page.keyboard.press('Shift');
      await poll(() => page.evaluate(bannerOpen), 'the banner to ask');
      assert.equal(await page.evaluate(() => keksi.getConsent()), null);
      await lateGatedStaysOff(page, 'while the banner asks');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
