// Issue 17, item 4: a returning visit that the core gated (a choice that applies, no Google or Meta
// tags) does not fetch or run the controller until something needs it: the reopen button is the core's
// own (same place, look and name), and the controller comes on its first click (the dialog opens on
// that click, focus moves into it and comes back to the button) or on a call of the page's API.
// The built files, Chromium and Firefox through the harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, chunkRequests, consentRecord, idle, newPage, poll, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/plain-esm.html';

const reopenButton = () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('[part~="reopen"]:not([hidden])');
/** The reopen button's centre, its accessible name and its box. */
const reopenInfo = () => {
  const b = document.querySelector('keksi-consent').shadowRoot.querySelector('[part~="reopen"]');
  const r = b.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, label: b.getAttribute('aria-label'), box: [r.left, r.bottom, r.width, r.height].map(Math.round) };
};
const dialogOpen = () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]');
/** Whether focus is inside the open dialog. */
const focusInDialog = () => {
  const prefs = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences');
  const dialog = prefs?.shadowRoot?.querySelector('dialog[open]');
  return !!dialog && document.activeElement === document.querySelector('keksi-consent') && dialog.contains(prefs.shadowRoot.activeElement);
};

/** A visitor who accepted analytics, back on the plain page: returns the page with its chunk requests since the return. */
async function returning(h) {
  const p = await newPage(h.browser);
  await p.page.goto(`${h.server.url}${PAGE}`);
  await waitFor(p.page, () => !!window.keksi && !!customElements.get('keksi-consent')?.live);
  await p.page.evaluate(() => keksi.setConsent(['analytics']));
  await waitFor(p.page, () => document.cookie.includes('keksi_consent'));
  const asked = chunkRequests(p.page);
  await p.page.goto(`${h.server.url}${PAGE}`);
  // Gated by the core, and the reopen button drawn (when the page is idle).
  await waitFor(p.page, () => !!window.fetchedWhenGatedRan);
  await waitFor(p.page, reopenButton);
  await p.page.evaluate(idle);
  return { ...p, asked };
}

/** Store the visitor's record changed by `change` (as another tab's Keksi would write it); returns the record stored. */
async function storeRecord({ context, setCookie }, change) {
  const record = { ...(await consentRecord(context)), ...change };
  const cookie = (await context.cookies()).find((c) => c.name == 'keksi_consent');
  await setCookie({ ...cookie, value: encodeURIComponent(JSON.stringify(record)) });
  return record;
}

/** Once the controller has started and the page is idle (a waiting call made or refused): what is stored and granted, the refusals, the errors. */
async function afterStart({ context, page, warnings, errors }) {
  await waitFor(page, () => !!customElements.get('keksi-consent')?.live && !!keksi.getConsent());
  await page.evaluate(idle);
  const stored = await consentRecord(context);
  const seen = {
    accepted: stored.a,
    granted: await page.evaluate(() => keksi.has('analytics')),
    refused: warnings.filter((w) => /another tab/.test(w)),
    errors,
  };
  return { stored, seen };
}

for (const browser of BROWSERS) {
  describe(`${browser}: a returning visit gated by the core fetches no controller until it is needed`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('a plain gated page: no controller chunk, the reopen button drawn, keksi.has() and getConsent() answer', async () => {
      const { page, asked, errors, warnings } = await returning(h);
      assert.deepEqual(asked, [], 'chunks fetched on a plain returning visit');
      assert.deepEqual(await page.evaluate(() => [keksi.has('analytics'), keksi.getConsent()?.accepted]), [true, ['necessary', 'analytics']]);
      assert.equal((await page.evaluate(reopenInfo)).label, 'Evästeasetukset');
      assert.deepEqual(errors, []);
      assert.deepEqual(warnings, []);
      await page.close();
    });

    test('the reopen button’s first click fetches the controller and opens the dialog, focus in it; Escape brings it back to the button', async () => {
      const { page, asked, errors } = await returning(h);
      const before = await page.evaluate(reopenInfo);
      const earlier = asked.length;
      await page.mouse.click(before.x, before.y);
      await waitFor(page, dialogOpen);
      assert.deepEqual(
        [asked.slice(0, earlier).includes('controller'), asked.slice(earlier).includes('controller')],
        [false, true],
        'the controller fetched on the click',
      );
      await waitFor(page, focusInDialog);
      await page.keyboard.press('Escape');
      await waitFor(
        page,
        () => !document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]'),
      );
      await waitFor(page, () => document.querySelector('keksi-consent').shadowRoot.activeElement?.getAttribute('part') === 'reopen');
      // One reopen button, where it was, with its name.
      assert.equal(await page.evaluate(() => document.querySelector('keksi-consent').shadowRoot.querySelectorAll('[part~="reopen"]').length), 1);
      assert.deepEqual(await page.evaluate(reopenInfo), before);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a call of the page’s API fetches the controller and acts: keksi.rejectAll() stores the rejection and tells keksi-change', async () => {
      const { context, page, asked, errors } = await returning(h);
      const earlier = asked.length;
      await page.evaluate(() => {
        window.changes = [];
        document.addEventListener('keksi-change', (e) => window.changes.push(e.detail.changed));
        keksi.rejectAll();
      });
      await waitFor(page, () => window.changes.length === 1);
      assert.deepEqual(
        [asked.slice(0, earlier).includes('controller'), asked.slice(earlier).includes('controller')],
        [false, true],
        'the controller fetched on the call',
      );
      assert.deepEqual(await page.evaluate(() => [window.changes, keksi.has('analytics')]), [[['analytics']], false]);
      await poll(async () => (await consentRecord(context))?.x?.includes('analytics'), 'the rejection stored');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

// A decision the page's API asks for while the held-back controller is on its way is made when it arrives.
// A choice the visitor stored in another tab meanwhile is newer: a grant asked for before it must not
// overwrite it (the other tab's "no" would be undone, and its trackers run here); a withdrawal still applies.
for (const browser of BROWSERS) {
  describe(`${browser}: an API call waiting for the held-back controller, and another tab's newer choice`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [call, other, stands] of [
      ['acceptAll', 'rejectAll', []],
      // Fails closed: an older withdrawal is still made after the other tab's newer grant.
      ['rejectAll', 'acceptAll', []],
    ]) {
      test(`${call}() asked for before another tab's ${other}(): the stored choice is ${JSON.stringify(stands)}`, async () => {
        const p = await returning(h);
        const controller = p.hold(/\/chunks\/controller-/);
        await p.page.evaluate((call) => keksi[call](), call);
        const held = await controller;
        // Another tab of the shop: the visitor decides there, after the call above was made. (Written as that tab's
        // Keksi writes it: a tab of its own would wait for the same held chunk, in the browser's HTTP cache.)
        const cats = other == 'acceptAll' ? { a: ['analytics'], x: [] } : { a: [], x: ['analytics'] };
        const newer = (await storeRecord(p, { id: crypto.randomUUID(), t: new Date().toISOString(), ...cats })).id;
        held.continue();
        const { stored, seen } = await afterStart(p);
        assert.deepEqual(
          { ...seen, newerStands: stored.id == newer },
          {
            accepted: stands,
            granted: false,
            refused: call == 'acceptAll' ? ["[keksi] acceptAll(): a newer choice (another tab's) stands."] : [],
            errors: [],
            newerStands: call == 'acceptAll',
          },
        );
        await p.context.close();
      });
    }
  });
}

// attack4: the grant rule compared the stored choice's time with this tab's clock. A choice stored before the
// call, with a time ahead of the clock (the clock was set back since, by up to the day a record may be ahead;
// or a forged cookie dated hours ahead), made every grant asked for while the controller was held back stand
// down as "another tab's newer choice": the shop's own "accept" button (keksi.acceptAll()) did nothing, on
// every page, for as long. Only a choice stored after the call stands.
for (const browser of BROWSERS) {
  describe(`${browser}: an API grant waiting for the held-back controller, and a stored choice dated ahead of the clock`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('the stored rejection dated an hour ahead, then keksi.acceptAll(): the grant is made', async () => {
      const p = await returning(h);
      const { page } = p;
      await storeRecord(p, { t: new Date(Date.now() + 3600_000).toISOString(), a: [], x: ['analytics'] });
      await page.goto(`${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.keksi?.getConsent());
      await waitFor(page, reopenButton);
      await page.evaluate(idle);
      assert.equal(await page.evaluate(() => keksi.has('analytics')), false, 'gated on the stored rejection');
      await page.evaluate(() => keksi.acceptAll());
      assert.deepEqual((await afterStart(p)).seen, { accepted: ['analytics'], granted: true, refused: [], errors: [] });
      await p.context.close();
    });
  });
}
