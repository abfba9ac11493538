// Consent that holds (issue 11) across tabs: the consent cookie is shared by every tab of the shop, so
// a withdrawal made in one tab stops what another open tab still has queued, and that tab's Consent
// Mode and API follow. Found by the consent model test (consent-model.test.mjs, other-tab command).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, dataLayerRows, keksiReady, newPage, poll, reload, settled, startHarness, waitFor } from './harness.mjs';
import { bannerOpen, deepFocus, focusBannerButton, focusSettles, lateGatedStaysOff, liveRegion } from './tabs-kit.mjs';

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

test('a rejection in another tab stops what this tab still has queued behind a slow script', async () => {
  const { context, page, errors } = await newPage(h.browser);
  let asked;
  const request = new Promise((resolve) => (asked = resolve));
  await page.route(/\/holds-slow\.js$/, (route) => asked((body) => route.fulfill({ contentType: 'text/javascript', body })));
  await page.goto(`${h.server.url}/test/pages/holds-queue.html`);
  await keksiReady(page);
  await page.evaluate(() => keksi.acceptAll());
  const respond = await request;

  // The visitor withdraws in a second tab of the same shop.
  const other = await context.newPage();
  await other.goto(`${h.server.url}/test/pages/holds-queue.html`);
  await keksiReady(other);
  await other.evaluate(() => keksi.rejectAll());
  // Issue 17: the second tab is a returning visit the core gated without the controller; the call fetches
  // it first (src/entry/lean.ts), so the rejection is stored a round trip later: wait for it before closing.
  await other.waitForFunction(() => !keksi.has('analytics'));
  await other.close();

  await page.evaluate(() => {
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.setAttribute('data-category', 'necessary');
    s.text = "window.__ran.push('marker')";
    document.body.append(s);
  });
  await respond("window.__ran.push('slow')");
  await page.waitForFunction(() => window.__ran.includes('marker'));
  assert.deepEqual(await page.evaluate(() => window.__ran), ['slow', 'marker']);
  assert.equal(await page.locator('iframe[data-category]').getAttribute('src'), null);
  // This tab now answers with the stored choice and has told its listeners.
  await page.waitForFunction(() => !keksi.has('analytics'));
  assert.deepEqual(await page.evaluate(() => keksi.getConsent().accepted), ['necessary']);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A first visit to the test shop, in a context of its own. */
// This tab's banner, as an expression evaluated in the page.
const BANNER = "document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')";

async function shopTab(harness = h, page = '/test/pages/holds-queue.html') {
  const t = await newPage(harness.browser);
  await t.page.goto(`${harness.server.url}${page}`);
  await keksiReady(t.page);
  return t;
}

/**
 * The visitor decides (`decide`, in the page) in another tab of the same shop, closes it and comes back to `page`.
 * `done`, in the other tab: the decision is stored (a returning visit's API call fetches the controller first).
 */
async function decideInAnotherTab(context, page, decide, done) {
  const other = await context.newPage();
  await other.goto(page.url());
  await keksiReady(other);
  await other.evaluate(decide);
  if (done) await waitFor(other, done);
  await other.close();
  await page.bringToFront();
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

test("coming back to a tab after deciding in another: keksi-change fires with the other tab's choice", async () => {
  const { context, page, errors } = await shopTab();
  await page.evaluate(() => {
    window.__changes = [];
    document.addEventListener('keksi-change', (e) => window.__changes.push(e.detail.changed));
  });
  await decideInAnotherTab(context, page, () => keksi.setConsent(['analytics']));
  await page.waitForFunction(() => window.__changes.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__changes), [['analytics']]);
  assert.equal(await page.evaluate(() => keksi.has('analytics')), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("another tab's decision closes this tab's banner; focus that was in it moves on, never to <body>", async () => {
  const { context, page, errors } = await shopTab();
  await page.waitForFunction(`${BANNER}?.open`);
  // The visitor is on "Reject all" in this tab's banner.
  await page.evaluate(`${BANNER}.shadowRoot.querySelector('[part~="reject-all"]').focus()`);
  await decideInAnotherTab(context, page, () => keksi.acceptAll());
  await page.waitForFunction(() => keksi.has('analytics'));
  await page.waitForFunction(`!${BANNER}.open`, null, { timeout: 5000 });
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

// Found by the consent model (otherTab.setConsent([]) on a first visit): a rejection changes no category's grant,
// but it is a decision all the same.
test("another tab's rejection closes this tab's banner too, and this tab tells keksi-change", async () => {
  const { context, page, errors } = await shopTab();
  await page.waitForFunction(`${BANNER}?.open`);
  await page.evaluate(() => {
    window.__changes = [];
    document.addEventListener('keksi-change', (e) => window.__changes.push(e.detail));
  });
  await decideInAnotherTab(context, page, () => keksi.rejectAll());
  await page.waitForFunction(() => !!keksi.getConsent());
  await page.waitForFunction(`!${BANNER}.open`, null, { timeout: 5000 });
  assert.deepEqual(await page.evaluate(() => window.__changes.map((d) => [d.consent.accepted, d.changed])), [[['necessary'], []]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("another tab's decision while this tab's dialog is open: the dialog stays open and modal, the visitor's switches as they were", async () => {
  const { context, page, errors } = await shopTab();
  const prefs = () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-preferences')?.shadowRoot;
  await page.evaluate(() => keksi.showPreferences());
  await page.waitForFunction(`!!(${prefs})()?.querySelector('dialog:modal')`);
  await decideInAnotherTab(context, page, () => keksi.setConsent(['analytics']));
  await page.waitForFunction(() => keksi.has('analytics'));
  // The visitor's switches stay as they were (they start from the choice when the dialog opened).
  assert.equal(await page.evaluate(`(${prefs})().querySelector('#c-analytics').checked`), false);
  assert.equal(await page.evaluate(`!!(${prefs})().querySelector('dialog:modal')`), true, 'the dialog is still open and modal');
  assert.deepEqual(errors, []);
  await context.close();
});

// In the page (self-contained: both browsers' drivers send its source): this tab's dialog open and modal.
const dialogModal = () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog:modal');

/**
 * A first visit whose visitor opened the dialog from the banner ("Customise") with the keyboard (focus on the button,
 * then Enter), and then decided in another tab (analytics only); resolves once this tab has heard it.
 */
async function dialogThenAnotherTab(harness) {
  const t = await shopTab(harness);
  await waitFor(t.page, bannerOpen);
  await focusBannerButton(t.page, 'settings');
  await t.page.keyboard.press('Enter');
  await waitFor(t.page, dialogModal);
  await decideInAnotherTab(t.context, t.page, () => keksi.setConsent(['analytics']));
  await waitFor(t.page, () => keksi.has('analytics'));
  return t;
}

for (const browser of BROWSERS) {
  describe(`${browser}: another tab decides while this tab's dialog, opened from its banner, is open`, () => {
    let hb;
    before(async () => (hb = await startHarness({ browser })));
    after(async () => hb?.close());

    for (const how of ['Escape', 'the close button']) {
      test(`closed without saving (${how}): the banner does not come back, focus moves on as after a decision, the other tab's choice stands`, async () => {
        const { context, page, errors } = await dialogThenAnotherTab(hb);
        const stored = await page.evaluate(() => document.cookie);
        assert.equal(await page.evaluate(dialogModal), true, 'the dialog stays open while the visitor works in it');
        // The visitor closes it without saving; its close event (a task after the close) ends that.
        await page.evaluate(() => {
          const root = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot;
          window.__closed = new Promise((r) => root.addEventListener('close', r, { capture: true, once: true }));
        });
        if (how === 'Escape') await page.keyboard.press('Escape');
        else
          await page.evaluate(() =>
            document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot.querySelector('[part~="close"]').click(),
          );
        await page.evaluate(() => window.__closed.then(() => true));
        await settled(page);
        assert.equal(await page.evaluate(bannerOpen), false, "this tab's banner is open again, though this tab holds the other tab's choice");
        // Focus goes where it goes after a decision in this tab: here the reopen button (never <body>).
        await waitFor(page, () => document.activeElement !== document.body, null, 5000);
        assert.deepEqual(await page.evaluate(deepFocus), { tag: 'button', id: '', part: 'reopen', body: false });
        // Said as what happened: the choice was made in the other tab, not saved here.
        await poll(async () => (await page.evaluate(liveRegion)) === 'Choice made in another tab.', 'the live region to say so');
        assert.equal(await page.evaluate(() => document.cookie), stored, "the other tab's choice stands");
        assert.deepEqual(errors, []);
        await context.close();
      });
    }

    test("saved: this tab's own decision, as without the other tab", async () => {
      const { context, page, errors } = await dialogThenAnotherTab(hb);
      // The visitor's switches, as they set them: marketing only.
      await page.evaluate(() => {
        const root = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot;
        root.querySelector('#c-marketing').click();
        root.querySelector('[part~="save"]').click();
      });
      await waitFor(page, () => keksi.has('marketing'));
      assert.deepEqual(await page.evaluate(() => keksi.getConsent().accepted), ['necessary', 'marketing']);
      await settled(page);
      assert.equal(await page.evaluate(bannerOpen), false);
      assert.equal(await page.evaluate(dialogModal), false);
      await waitFor(page, () => document.activeElement !== document.body, null, 5000);
      assert.deepEqual(await page.evaluate(deepFocus), { tag: 'button', id: '', part: 'reopen', body: false });
      await poll(async () => (await page.evaluate(liveRegion)) === 'Choice saved.', 'the live region to say the choice was saved');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('another tab forgets the choice while the dialog is open: it stays open; closed unsaved, the banner asks again', async () => {
      const { context, page, errors } = await shopTab(hb);
      await waitFor(page, bannerOpen);
      await page.evaluate(() => keksi.acceptAll());
      await page.evaluate(() => keksi.showPreferences());
      await waitFor(page, dialogModal);
      await decideInAnotherTab(
        context,
        page,
        () => keksi.reset(),
        () => !document.cookie.includes('keksi_consent='),
      );
      await waitFor(page, () => keksi.getConsent() === null);
      await settled(page);
      assert.equal(await page.evaluate(dialogModal), true, 'the dialog stays open while the visitor works in it');
      assert.equal(await page.evaluate(bannerOpen), false, 'no banner under the open dialog');
      await page.evaluate(() => {
        const root = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot;
        window.__closed = new Promise((r) => root.addEventListener('close', r, { capture: true, once: true }));
      });
      await page.keyboard.press('Escape');
      await page.evaluate(() => window.__closed.then(() => true));
      await poll(() => page.evaluate(bannerOpen), "this tab's banner to ask again");
      assert.equal(await page.evaluate(() => document.cookie.includes('keksi_consent=')), false, 'nothing stored');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

// Another tab's reset (keksi.reset() there, or the cookie deleted there): keksi-change answers every decision and
// reset (README), another tab's too: its detail is the reset's, `consent: null` and `changed` what this tab granted
// that it no longer does (nothing after a rejection). This tab has no choice any more, so it asks again (fails closed).
for (const browser of BROWSERS) {
  describe(`${browser}: another tab forgets the choice this tab holds`, () => {
    let hb;
    before(async () => (hb = await startHarness({ browser })));
    after(async () => hb?.close());

    const resets = [
      ['keksi.reset()', () => keksi.reset()],
      ['the cookie deleted', () => (document.cookie = 'keksi_consent=; path=/; max-age=0')],
    ];
    const choices = [
      ['accepted', () => keksi.acceptAll(), ['analytics', 'analytics:ga']],
      ['rejected', () => keksi.rejectAll(), []],
    ];
    for (const [held, decide, changed] of choices)
      for (const [how, reset] of resets)
        test(`this tab ${held}, the other tab: ${how}: keksi-change tells the reset, the banner asks again, nothing optional runs, Google hears denied`, async () => {
          // GA4's own snippet, gated on analytics: Consent Mode says what Google may do.
          const { context, page, errors } = await shopTab(hb, '/test/pages/holds-vendor-ga4.html');
          await waitFor(page, bannerOpen);
          await page.evaluate(decide);
          await waitFor(page, () => !!keksi.getConsent());
          await page.evaluate(() => {
            window.__changes = [];
            document.addEventListener('keksi-change', (e) => window.__changes.push(JSON.parse(JSON.stringify(e.detail))));
          });
          await decideInAnotherTab(context, page, reset, () => !document.cookie.includes('keksi_consent='));
          await waitFor(page, () => window.__changes.length > 0);
          assert.deepEqual(await page.evaluate(() => window.__changes), [{ consent: null, changed }]);
          assert.equal(await page.evaluate(() => keksi.getConsent()), null);
          assert.equal(await page.evaluate(() => keksi.has('analytics')), false);
          await poll(() => page.evaluate(bannerOpen), "this tab's banner to ask again");
          // Fails closed: a gated element added now does not run, and Google's last word is denied.
          await lateGatedStaysOff(page);
          const consentRows = (await page.evaluate(dataLayerRows)).filter((r) => r.startsWith('consent '));
          assert.equal(consentRows.at(-1), 'consent update analytics:denied ads:denied');
          assert.deepEqual(errors, []);
          await context.close();
        });

    // The visitor was on this tab's reopen button (it hides as the banner opens, and the element holding both moves
    // before <body>): focus goes into the banner that asks, never to <body>.
    for (const heldBack of [false, true])
      test(`focus on this tab's reopen button (${heldBack ? 'a returning visit held back by the core' : 'decided in this tab'}), the other tab forgets the choice: focus moves into the banner that asks again`, async () => {
        const { context, page, errors } = await shopTab(hb);
        if (heldBack) {
          await page.evaluate(() => keksi.acceptAll());
          await waitFor(page, () => document.cookie.includes('keksi_consent='));
          await reload(page);
          await keksiReady(page);
        } else {
          await waitFor(page, bannerOpen);
          await page.evaluate(() => keksi.acceptAll());
        }
        const reopen = `document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]:not([hidden])')`;
        await page.waitForFunction(reopen);
        await page.evaluate(`${reopen}.focus()`);
        assert.equal(await page.evaluate(() => document.activeElement?.localName), 'keksi-consent');
        await decideInAnotherTab(
          context,
          page,
          () => keksi.reset(),
          () => !document.cookie.includes('keksi_consent='),
        );
        await poll(() => page.evaluate(bannerOpen), "this tab's banner to ask again");
        // The banner's region (part="banner", focusable by script), never <body>.
        await focusSettles(page, (f) => f?.part === 'banner', 'focus in the banner that asks');
        assert.deepEqual(errors, []);
        await context.close();
      });

    // A returning visit the core gated without the controller (src/entry/lean.ts): the reset fetches it, and it tells it.
    for (const [how, reset] of resets)
      test(`this tab a returning visit held back by the core, the other tab: ${how}: keksi-change tells the reset, the banner asks again, nothing optional runs`, async () => {
        const { context, page, errors } = await shopTab(hb);
        await page.evaluate(() => keksi.acceptAll());
        await waitFor(page, () => document.cookie.includes('keksi_consent='));
        await reload(page);
        await keksiReady(page);
        await page.evaluate(() => {
          window.__changes = [];
          document.addEventListener('keksi-change', (e) => window.__changes.push(JSON.parse(JSON.stringify(e.detail))));
        });
        await decideInAnotherTab(context, page, reset, () => !document.cookie.includes('keksi_consent='));
        await waitFor(page, () => window.__changes.length > 0);
        assert.deepEqual(await page.evaluate(() => window.__changes), [{ consent: null, changed: ['analytics', 'marketing'] }]);
        assert.equal(await page.evaluate(() => keksi.has('analytics')), false);
        await poll(() => page.evaluate(bannerOpen), "this tab's banner to ask again");
        await lateGatedStaysOff(page);
        assert.deepEqual(errors, []);
        await context.close();
      });
  });
}
