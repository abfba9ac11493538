// The cookieconsent v3 migration table as tests (issue 15): the same markup on a page with
// vanilla-cookieconsent 3.1.0 (the devDependency, configured with the same categories) and on a page
// with Keksi, side by side; every row is "same" or a difference docs/migration.md states. Then the
// take-over of a cc_cookie that cookieconsent itself wrote.
/* global CookieConsent -- vanilla-cookieconsent's global, in the functions run inside its page */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, dataLayerRows, gateDone, keksiReady, poll, settled, startHarness, waitFor } from './harness.mjs';

/** The shop's markup, unchanged from its cookieconsent days. */
const MARKUP = `
  <script>window.__ran = [];</script>
  <script type="text/plain" data-category="analytics">__ran.push('analytics')</script>
  <script type="text/plain" data-category="!analytics">__ran.push('!analytics')</script>
  <script type="text/plain" data-category="socialMedia">__ran.push('socialMedia')</script>
  <button type="button" id="prefs" data-cc="show-preferencesModal">Cookie settings</button>
  <button type="button" id="all" data-cc="accept-all">Accept all</button>
  <a href="#" id="necessary" data-cc="accept-necessary">Necessary only</a>`;

const CC_CONFIG = {
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, socialMedia: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies',
          description: 'We use cookies.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Settings',
        },
        preferencesModal: {
          title: 'Cookie settings',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save',
          sections: [
            { title: 'Analytics', linkedCategory: 'analytics' },
            { title: 'Social media', linkedCategory: 'socialMedia' },
          ],
        },
      },
    },
  },
};

/** The two widgets: how each page is made, and the same operations on each. */
const WIDGETS = {
  cookieconsent: {
    // cookieconsent's run() needs document.body: loaded at the end of body, as its docs say.
    page: (markup) => `<!doctype html><html lang="en"><head><title>cc</title>
      <link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css"></head>
      <body>${markup}<script src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
      <script>window.__started = CookieConsent.run(${JSON.stringify(CC_CONFIG)});</script></body></html>`,
    ready: (page) => page.evaluate(() => window.__started),
    // Inline gated scripts run while cookieconsent handles the call. On a first visit it shows its
    // banner and, once the banner's fade-in ends, moves focus into it: wait for that, or a key the test
    // presses on the page goes to cookieconsent's banner (Firefox in CI: the preferences never opened).
    settle: (page) => waitFor(page, () => CookieConsent.validConsent() || !!document.getElementById('cc-main')?.contains(document.activeElement)),
    acceptAll: (page) => page.evaluate(() => CookieConsent.acceptCategory('all')),
    rejectAll: (page) => page.evaluate(() => CookieConsent.acceptCategory([])),
    accept: (page, categories) => page.evaluate((c) => CookieConsent.acceptCategory(c), categories),
    has: (page, category) => page.evaluate((c) => CookieConsent.acceptedCategory(c), category),
    dialogOpen: (page) => page.evaluate(() => document.documentElement.classList.contains('show--preferences')),
    decided: (page) => page.evaluate(() => CookieConsent.validConsent()),
  },
  keksi: {
    page: (markup, attrs = '') => `<!doctype html><html lang="en"><head><title>keksi</title>
      <script src="/dist/keksi.js" data-categories="analytics socialMedia" ${attrs}></script></head>
      <body><main><h1>Shop</h1></main>${markup}</body></html>`,
    ready: (page) => settled(page),
    settle: (page) => gateDone(page),
    acceptAll: (page) => page.evaluate(() => keksi.acceptAll()),
    rejectAll: (page) => page.evaluate(() => keksi.rejectAll()),
    accept: (page, categories) => page.evaluate((c) => keksi.setConsent(c), categories),
    has: (page, category) => page.evaluate((c) => keksi.has(c), category),
    dialogOpen: (page) =>
      page.evaluate(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot.querySelector('dialog[open]')),
    decided: (page) => page.evaluate(() => !!keksi.getConsent()),
  },
};

for (const browser of BROWSERS) {
  describe(browser, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    /** Open `html` at a page of the test server (its own origin: cookies are the site's). */
    async function open(html, p) {
      p ||= await h.newPage();
      const held = p.hold(/\/migration-page\.html$/);
      const loaded = p.page.goto(`${h.server.url}/migration-page.html`);
      (await held).fulfill(html, 'text/html');
      await loaded;
      return p;
    }

    /** Run `scenario(widget, page)` on both widgets; returns { cookieconsent, keksi } of what it returned. */
    async function sideBySide(scenario, { markup = MARKUP, before } = {}) {
      const result = {};
      for (const [name, w] of Object.entries(WIDGETS)) {
        const p = await h.newPage();
        if (before) await before(p, name);
        await open(w.page(markup), p);
        await w.ready(p.page);
        await w.settle(p.page);
        try {
          result[name] = await scenario(w, p.page);
        } catch (e) {
          // Say which widget: a side-by-side failure is otherwise the same message for both.
          e.message = `${name}: ${e.message}`;
          throw e;
        }
        assert.deepEqual(p.errors, [], `${name}: no page errors`);
        await p.context.close();
      }
      return result;
    }
    const ran = (page) => page.evaluate(() => window.__ran.slice());
    const same = (result) => assert.deepEqual(result.keksi, result.cookieconsent, JSON.stringify(result));

    describe('data-category="!analytics"', () => {
      test('first visit, no choice yet: does not run (same)', async () => {
        same(await sideBySide((w, page) => ran(page)));
      });

      test('first choice rejects analytics: does not run (same)', async () => {
        same(
          await sideBySide(async (w, page) => {
            await w.rejectAll(page);
            await w.settle(page);
            return ran(page);
          }),
        );
      });

      test('granted, then withdrawn during the page: runs, once only (same)', async () => {
        const result = await sideBySide(async (w, page) => {
          const steps = [];
          for (const act of [w.acceptAll, w.rejectAll, w.acceptAll, w.rejectAll]) {
            await act(page);
            await w.settle(page);
            steps.push(await ran(page));
          }
          return steps;
        });
        same(result);
        assert.deepEqual(result.keksi.at(-1), ['analytics', 'socialMedia', '!analytics']);
      });
    });

    test('a returning visitor: who rejected, nothing at load; who accepted, runs at the withdrawal (same)', async () => {
      const earlier = (decide) => async (p, name) => {
        const w = WIDGETS[name];
        await open(w.page(MARKUP), p);
        await w.ready(p.page);
        await w[decide](p.page);
        await w.settle(p.page);
      };
      same(await sideBySide((w, page) => ran(page), { before: earlier('rejectAll') }));
      const result = await sideBySide(
        async (w, page) => {
          const atLoad = await ran(page);
          await w.rejectAll(page);
          await w.settle(page);
          return [atLoad, await ran(page)];
        },
        { before: earlier('acceptAll') },
      );
      same(result);
      assert.deepEqual(result.keksi, [
        ['analytics', 'socialMedia'],
        ['analytics', 'socialMedia', '!analytics'],
      ]);
    });

    test('category ids keep their case: data-category="socialMedia" runs once socialMedia is accepted (same)', async () => {
      const result = await sideBySide(async (w, page) => {
        await w.accept(page, ['socialMedia']);
        await w.settle(page);
        return [await ran(page), await w.has(page, 'socialMedia'), await w.has(page, 'socialmedia')];
      });
      same(result);
      assert.deepEqual(result.keksi, [['socialMedia'], true, false]);
    });

    describe('data-cc buttons and links', () => {
      test('show-preferencesModal, by keyboard: opens the preferences (same)', async () => {
        const result = await sideBySide(async (w, page) => {
          await page.focus('#prefs');
          await page.keyboard.press('Enter');
          await waitFor(
            page,
            () =>
              document.documentElement.classList.contains('show--preferences') ||
              !!document.querySelector('keksi-consent')?.shadowRoot.querySelector('keksi-preferences'),
          );
          if (w === WIDGETS.keksi) await settled(page);
          return w.dialogOpen(page);
        });
        same(result);
        assert.equal(result.keksi, true);
      });

      test('accept-all (a button, clicked) accepts every category; accept-necessary (a link, Enter) rejects them (same)', async () => {
        const result = await sideBySide(async (w, page) => {
          await page.click('#all');
          await waitFor(page, () => window.__ran.includes('socialMedia'));
          const all = [await w.has(page, 'analytics'), await w.has(page, 'socialMedia')];
          await page.focus('#necessary');
          await page.keyboard.press('Enter');
          await waitFor(page, () => window.__ran.includes('!analytics'));
          return [all, await w.has(page, 'analytics'), await w.has(page, 'socialMedia'), new URL(page.url()).hash];
        });
        same(result);
        assert.deepEqual(result.keksi, [[true, true], false, false, '']);
      });
    });

    test('under a nonce CSP, an injected page-wide data-cc="accept-all" grants nothing; the shop\'s own button with the nonce does', async () => {
      const { context, page, errors, warnings } = await h.newPage();
      await page.goto(`${h.server.url}/test/pages/holds-attack-data-cc.html`);
      await settled(page);
      await page.click('#injected');
      await poll(() => warnings.some((w) => w.startsWith('[keksi] ') && w.includes('accept-all')), 'the [keksi] message');
      assert.equal(await WIDGETS.keksi.decided(page), false);
      await page.evaluate(() => document.getElementById('injected').remove());
      await page.click('#shop');
      await waitFor(page, () => !!keksi.getConsent());
      assert.equal(await WIDGETS.keksi.has(page, 'marketing'), true);
      assert.deepEqual(errors, []);
      await context.close();
    });

    describe('the stored choice: migrate-from="cookieconsent"', () => {
      /** A visitor's choice stored by cookieconsent itself: accept exactly `categories`. */
      async function ccVisit(categories) {
        const p = await open(WIDGETS.cookieconsent.page(MARKUP));
        await WIDGETS.cookieconsent.ready(p.page);
        await WIDGETS.cookieconsent.accept(p.page, categories);
        const cookie = (await p.context.cookies()).find((c) => c.name === 'cc_cookie');
        assert.ok(cookie, 'cookieconsent stored its cookie');
        return p;
      }

      test("the next page with Keksi takes over cookieconsent's choice: no banner, the same scripts run, cc_cookie is gone", async () => {
        const p = await ccVisit(['analytics']);
        const cc = JSON.parse(decodeURIComponent((await p.context.cookies()).find((c) => c.name === 'cc_cookie').value));
        await open(WIDGETS.keksi.page(MARKUP, 'data-migrate-from="cookieconsent"'), p);
        await keksiReady(p.page);
        await gateDone(p.page);
        assert.deepEqual(await ran(p.page), ['analytics']);
        assert.equal(await WIDGETS.keksi.has(p.page, 'socialMedia'), false);
        const consent = await p.page.evaluate(() => keksi.getConsent());
        assert.equal(consent.id, cc.consentId);
        assert.equal(consent.timestamp, cc.lastConsentTimestamp);
        assert.deepEqual(consent.rejected, ['socialMedia']);
        assert.equal(await p.page.evaluate(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]')), false);
        const names = (await p.context.cookies()).map((c) => c.name).sort();
        assert.deepEqual(names, ['keksi_consent']);
        assert.ok(
          p.requests.every((u) => !/cookieconsent/.test(u)),
          'nothing from outside',
        );
        assert.deepEqual(p.errors, []);
        await p.context.close();
      });

      test('a take-over on a page with Google: one Consent Mode update and one keksi_consent_update, then one per change', async () => {
        const p = await ccVisit(['analytics']);
        await open(WIDGETS.keksi.page(MARKUP, 'data-migrate-from="cookieconsent" data-ga="G-MIGRATE1"'), p);
        await keksiReady(p.page);
        await gateDone(p.page);
        await p.page.waitForFunction(() => window.__fakeGtag?.loaded);
        const rows = () => p.page.evaluate(dataLayerRows);
        assert.deepEqual(await rows(), [
          'consent default analytics:denied ads:denied',
          'set ads_data_redaction',
          'consent update analytics:granted ads:denied',
          'event keksi_consent_update',
          'js',
          'config G-MIGRATE1',
        ]);
        // The same choice again changes nothing for Google; a withdrawal is told once.
        await WIDGETS.keksi.accept(p.page, ['analytics']);
        await WIDGETS.keksi.accept(p.page, []);
        assert.deepEqual((await rows()).slice(6), ['consent update analytics:denied ads:denied', 'event keksi_consent_update']);
        assert.deepEqual(p.errors, []);
        await p.context.close();
      });

      test('without the attribute Keksi asks, leaves cc_cookie alone and never fetches the cookieconsent chunk', async () => {
        const p = await ccVisit(['analytics', 'socialMedia']);
        const fetched = [];
        p.page.on('request', (r) => fetched.push(r.url()));
        await open(WIDGETS.keksi.page(MARKUP).replace('/dist/keksi.js"', '/dist/keksi.mjs" type="module"'), p);
        await settled(p.page);
        await gateDone(p.page);
        assert.deepEqual(await ran(p.page), []);
        assert.equal(await WIDGETS.keksi.decided(p.page), false);
        assert.ok((await p.context.cookies()).some((c) => c.name === 'cc_cookie'));
        assert.deepEqual(
          fetched.filter((u) => /chunks\/cookieconsent-/.test(u)),
          [],
        );
        await p.context.close();
      });
    });
  });
}
