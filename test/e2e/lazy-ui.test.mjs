// Issue 17: on the ES module build a first visit fetches the banner's chunk; the dialog and the
// placeholders are chunks of their own, fetched when needed (the dialog's on the visitor's reach for
// "Customise", never at idle). A held dialog chunk
// shows on the pressed button (busy) until the dialog opens; a failing one is a [keksi] message and the
// banner's own buttons still work. Chromium and Firefox through the harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, chunkRequests, consentRecord, idle, newPage, poll, settled, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/plain-esm.html';
const DIALOG_CHUNK = /\/dist\/chunks\/dialog-[^/]*\.mjs(\?\d+)?$/;
const UI_CHUNK = /\/dist\/chunks\/ui-[^/]*\.mjs(\?\d+)?$/;
/** A language's texts chunk (issue 17: one per language; the page is in Finnish). */
const TEXTS_CHUNK = (lang) => new RegExp(`/dist/chunks/texts-${lang}-[^/]*\\.mjs(\\?\\d+)?$`);
/** The banner's section, in the page: its `lang` and the reject button's label. */
const bannerText = () => {
  const section = document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="banner"]');
  return section && { lang: section.lang, reject: section.querySelector('[part~="reject-all"]').textContent.trim() };
};

/** The held request `hold` resolves with, or a failure naming `what` after 10 s (the timer is a deadline, not a wait). */
const asked = (hold, what) =>
  Promise.race([hold, new Promise((_, reject) => setTimeout(() => reject(new Error(`no request for ${what} within 10 s`)), 10000).unref())]);

/** Open the test page and give it `window.button(part)`: the banner's button of that part (or undefined). */
async function open(page, url) {
  // Not until the load event: a held chunk asked for before it would hold the navigation back.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    window.button = (part) =>
      document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector(`[part~="${part}"]`);
  });
}
/** Whether the preferences dialog is open, in the page. */
const dialogOpen = () => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]');
/** The chunks of dist/ the page has fetched, by name. */
const fetchedChunks = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/chunks/'))
    // Rollup's content hash is 8 characters of base64url, `-` among them.
    .map((p) => p.slice('/dist/chunks/'.length).replace(/-[\w-]{8}\.mjs$/, ''))
    .sort();

/** The centre of the banner's button of `part`, in the viewport. */
const centre = (part) => {
  const r = window.button(part).getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
};

for (const browser of BROWSERS) {
  describe(`the lazily loaded UI on the ES module build (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('a first visit fetches the banner’s chunk and no dialog code before the banner shows', async () => {
      const { page, errors } = await newPage(h.browser);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('accept-all'));
      const chunks = await page.evaluate(fetchedChunks);
      assert.deepEqual(
        chunks.filter((c) => /^(ui|dialog|embed)$/.test(c)),
        ['ui'],
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a first visit asks for no dialog code, also once the page is idle, until the pointer is over "Customise"', async () => {
      const { page, errors } = await newPage(h.browser);
      const asked = chunkRequests(page);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('settings'));
      await settled(page);
      await page.evaluate(idle);
      assert.deepEqual(
        asked.filter((c) => c === 'dialog'),
        [],
        'the dialog chunk asked for before the visitor reached for "Customise"',
      );
      // Over "Accept all": no intent to customise.
      const accept = await page.evaluate(centre, 'accept-all');
      await page.mouse.move(accept.x, accept.y);
      await page.evaluate(idle);
      assert.deepEqual(
        asked.filter((c) => c === 'dialog'),
        [],
        'the dialog chunk asked for on the pointer over "Accept all"',
      );
      const settings = await page.evaluate(centre, 'settings');
      await page.mouse.move(settings.x, settings.y);
      await poll(() => asked.includes('dialog'), 'the dialog chunk asked for with the pointer over "Customise"');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a clean first visit (right attributes, no vendor script) asks for the controller, the UI and its texts only: no diagnostics', async () => {
      const { page, warnings, errors } = await newPage(h.browser);
      const asked = chunkRequests(page);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('settings'));
      await settled(page);
      await page.evaluate(idle);
      assert.deepEqual(asked.slice().sort(), ['controller', 'texts-fi', 'ui']);
      assert.deepEqual(warnings, []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a first visit fetches the texts of the visitor’s language only, asked for beside the UI chunk (not after it)', async () => {
      const { page, hold, errors } = await newPage(h.browser);
      // The UI chunk is held: the texts must be asked for while it is still on its way.
      const ui = hold(UI_CHUNK);
      const texts = hold(TEXTS_CHUNK('fi'));
      await open(page, `${h.server.url}${PAGE}`);
      const uiRoute = await asked(ui, 'the UI chunk');
      (await asked(texts, 'the Finnish texts while the UI chunk is held')).continue();
      uiRoute.continue();
      await waitFor(page, () => !!window.button('reject-all'));
      assert.deepEqual(await page.evaluate(bannerText), { lang: 'fi', reject: 'Hylkää kaikki' });
      const chunks = await page.evaluate(fetchedChunks);
      assert.deepEqual(
        chunks.filter((c) => c.startsWith('texts-')),
        ['texts-fi'],
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('the banner’s language changed at run time: that language’s texts are fetched then, and the banner shows them', async () => {
      const { page, errors } = await newPage(h.browser);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('reject-all'));
      assert.deepEqual(
        (await page.evaluate(fetchedChunks)).filter((c) => c.startsWith('texts-')),
        ['texts-fi'],
      );
      await page.evaluate(() => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').setAttribute('lang', 'sv'));
      await waitFor(page, () => window.button('reject-all')?.textContent.trim() === 'Avvisa alla');
      assert.deepEqual(await page.evaluate(bannerText), { lang: 'sv', reject: 'Avvisa alla' });
      assert.deepEqual(
        (await page.evaluate(fetchedChunks)).filter((c) => c.startsWith('texts-')),
        ['texts-fi', 'texts-sv'],
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('the visitor’s texts fail to load: a [keksi] message and the banner in English, whose buttons decide', async () => {
      const { page, hold, warnings, context, errors } = await newPage(h.browser);
      // Broken at every request: a failed table is asked for again at the next need (a render).
      const broken = () => hold(TEXTS_CHUNK('fi')).then((r) => void (r.fulfill('throw new Error("the chunk broke")'), broken()));
      const texts = broken();
      await open(page, `${h.server.url}${PAGE}`);
      await asked(texts, 'the Finnish texts');
      await waitFor(page, () => !!window.button('reject-all'));
      assert.deepEqual(await page.evaluate(bannerText), { lang: 'en', reject: 'Reject all' });
      assert.ok(
        warnings.some((w) => w.includes('[keksi] the texts in "fi" could not be loaded; showing English')),
        warnings.join('\n'),
      );
      await page.evaluate(() => window.button('reject-all').click());
      await poll(async () => (await consentRecord(context))?.x?.includes('analytics'), 'the rejection stored');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('no texts can be loaded: a [keksi] message, no banner, no choice stored and nothing gated runs', async () => {
      const { page, hold, warnings, context, errors } = await newPage(h.browser);
      // Broken at every request: a failed table is asked for again at the next need.
      const broken = (lang) => hold(TEXTS_CHUNK(lang)).then((r) => void (r.fulfill('throw new Error("the chunk broke")'), broken(lang)));
      const fi = broken('fi');
      const en = broken('en');
      await open(page, `${h.server.url}${PAGE}`);
      await asked(fi, 'the Finnish texts');
      await asked(en, 'the English texts');
      await poll(() => warnings.some((w) => w.includes('[keksi] the texts could not be loaded: nothing is shown')), 'the [keksi] message');
      await settled(page);
      // No banner is opened, and none is drawn: no empty box, no buttons.
      assert.equal(await page.evaluate(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]')), false);
      assert.equal(
        await page.evaluate(() => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner')?.shadowRoot?.childElementCount ?? 0),
        0,
      );
      assert.equal(await page.evaluate(() => window.fetchedWhenGatedRan), undefined);
      assert.equal(await consentRecord(context), undefined);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a held dialog chunk: the pressed "Customise" button says it is busy, then the dialog opens with focus in it', async () => {
      const { page, hold, errors } = await newPage(h.browser);
      const dialog = hold(DIALOG_CHUNK);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('settings'));
      await page.evaluate(() => window.button('settings').focus());
      await page.keyboard.press('Enter');
      const chunk = await asked(dialog, 'the dialog chunk');
      await waitFor(page, () => window.button('settings').getAttribute('aria-busy') === 'true');
      assert.equal(await page.evaluate(dialogOpen), false);
      chunk.continue();
      await waitFor(page, dialogOpen);
      assert.equal(await page.evaluate(() => window.button('settings').hasAttribute('aria-busy')), false);
      // Focus went into the dialog (the modal's first focusable element), not to <body>.
      const focused = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.closest('dialog') ? 'dialog' : el?.localName;
      });
      assert.equal(focused, 'dialog');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a dialog chunk that fails to load: a [keksi] message, the button is no longer busy, and the banner’s own buttons still decide', async () => {
      const { page, hold, warnings, context, errors } = await newPage(h.browser);
      const dialog = hold(DIALOG_CHUNK);
      await open(page, `${h.server.url}${PAGE}`);
      await waitFor(page, () => !!window.button('settings'));
      await page.evaluate(() => window.button('settings').click());
      (await asked(dialog, 'the dialog chunk')).fulfill('throw new Error("the chunk broke")');
      await poll(() => warnings.some((w) => w.includes('[keksi] the preferences dialog could not be loaded')), 'the [keksi] message');
      await waitFor(page, () => !window.button('settings').hasAttribute('aria-busy'));
      assert.equal(await page.evaluate(dialogOpen), false);
      await page.evaluate(() => window.button('reject-all').click());
      await poll(async () => (await consentRecord(context))?.x?.includes('analytics'), 'the rejection stored');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
