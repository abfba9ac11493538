// Issue 11, "Consent that holds": HTML injected into a shop page (no script, no nonce) must not change
// what Keksi loads, and an element named "keksi" does not turn it off (Chromium and Firefox); Keksi
// survives Turbo/Swup-style body replacement and works under Trusted Types (Chromium here; Firefox:
// holds-config-firefox.test.mjs, whose clicks go through page.evaluate).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, startHarness, ui } from './harness.mjs';
import { navigate } from './holds-navigate.mjs';

/** Accept everything and list the Google Tag Manager scripts Keksi has put in the page by then. */
async function gtmAfterAcceptAll(page) {
  return page.evaluate(async () => {
    const changed = new Promise((resolve) => document.addEventListener('keksi-change', resolve, { once: true }));
    keksi.acceptAll();
    await changed;
    return [...document.querySelectorAll('script[src*="googletagmanager"]')].map((s) => [new URL(s.src).searchParams.get('id'), !!s.nonce]);
  });
}

for (const browser of BROWSERS) {
  describe(browser, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    describe('injected HTML does not change what Keksi loads (nonce CSP with strict-dynamic)', () => {
      test("an injected <keksi-consent> without the nonce is removed: the tag's container loads, not its tags, consent mode or log URL", async () => {
        const { context, page, requests, warnings, errors } = await h.newPage();
        const response = await page.goto(`${h.server.url}/test/pages/holds-config-element.html`);
        assert.match(response.headers()['content-security-policy'], /'strict-dynamic'/);
        await keksiReady(page);
        assert.deepEqual(
          await page.evaluate(() => [document.querySelector('keksi-consent').config.consentMode, document.querySelector('keksi-consent').config.logUrl]),
          ['basic', undefined],
        );
        assert.deepEqual(await gtmAfterAcceptAll(page), [['GTM-SHOP1', true]]);
        assert.ok(!requests.some((u) => u.includes('GTM-EVIL1')), requests.join('\n'));
        assert.ok(
          warnings.some((w) => w.startsWith('[keksi] <keksi-consent') && w.includes('GTM-EVIL1') && w.endsWith('removed.')),
          warnings.join('\n'),
        );
        assert.deepEqual(errors, []);
        await context.close();
      });

      test("the shop's own <keksi-consent> carrying the nonce keeps its tags", async () => {
        const { context, page, warnings } = await h.newPage();
        await page.goto(`${h.server.url}/test/pages/holds-config-own.html`);
        await keksiReady(page);
        assert.deepEqual(await gtmAfterAcceptAll(page), [['GTM-SHOP2', true]]);
        assert.ok(!warnings.some((w) => /ignored/.test(w)), warnings.join('\n'));
        await context.close();
      });

      test('a clobbered document.currentScript (<img name="currentScript">): the tag is still the configuration', async () => {
        const { context, page, requests } = await h.newPage();
        await page.goto(`${h.server.url}/test/pages/holds-config-clobber.html`);
        await keksiReady(page);
        assert.deepEqual(await gtmAfterAcceptAll(page), [['GTM-SHOP1', true]]);
        assert.ok(!requests.some((u) => u.includes('GTM-EVIL')), requests.join('\n'));
        await context.close();
      });

      test('the ES module build with clobbered currentScript and scripts: the tag is still the configuration', async () => {
        const { context, page, requests } = await h.newPage();
        await page.goto(`${h.server.url}/test/pages/holds-config-esm.html`);
        await keksiReady(page);
        assert.deepEqual(await gtmAfterAcceptAll(page), [['GTM-SHOP1', true]]);
        assert.ok(!requests.some((u) => u.includes('GTM-EVIL')), requests.join('\n'));
        await context.close();
      });

      test("a decoy script tag with Keksi's address and a guessed nonce: no tag is trusted", async () => {
        const { context, page, requests, warnings } = await h.newPage();
        await page.goto(`${h.server.url}/test/pages/holds-config-decoy.html`);
        await keksiReady(page);
        assert.deepEqual(await gtmAfterAcceptAll(page), []);
        assert.ok(!requests.some((u) => u.includes('GTM-EVIL')), requests.join('\n'));
        assert.ok(
          warnings.some((w) => w.startsWith('[keksi] several <script> tags load Keksi: data-* ignored')),
          warnings.join('\n'),
        );
        await context.close();
      });
    });

    describe('an element named "keksi", a consent log elsewhere', () => {
      test('<div id="keksi"> does not turn Keksi off; a log-url on another origin is refused', async () => {
        const { context, page, warnings, errors } = await h.newPage();
        await page.goto(`${h.server.url}/test/pages/holds-config-named.html`);
        await keksiReady(page);
        assert.deepEqual(await page.evaluate(() => [typeof keksi.acceptAll, keksi.version, document.querySelector('keksi-consent').config.logUrl]), [
          'function',
          '0.1.0',
          undefined,
        ]);
        assert.ok(
          warnings.some((w) => w.startsWith('[keksi] log-url="//elsewhere.keksi.test/consent-log"')),
          warnings.join('\n'),
        );
        assert.ok(!warnings.some((w) => /loaded twice/.test(w)), warnings.join('\n'));
        assert.deepEqual(errors, []);
        await context.close();
      });
    });

    /** What the new page sees after a body replacement, and that the one controller still answers. */
    async function afterNavigation(page) {
      return page.evaluate(async () => {
        const started = [...document.querySelectorAll('keksi-consent')].filter((el) => el.store);
        return {
          hasOnArrival: window.__hasOnArrival,
          has: keksi.has('analytics'),
          ran: window.__ran,
          started: started.length,
          first: started[0] === window.__controller,
        };
      });
    }

    async function rejectAllWorks(page) {
      return page.evaluate(async () => {
        const changed = new Promise((resolve) => document.addEventListener('keksi-change', resolve, { once: true }));
        keksi.rejectAll();
        await changed;
        return keksi.has('analytics');
      });
    }

    if (browser === 'chromium')
      describe('body replaced (Turbo, Swup)', () => {
        for (const how of ['replaceWith', 'replaceChild']) {
          test(`${how}: the new page is gated on the choice, its opener works, the API answers`, async () => {
            const { context, page, errors } = await h.newPage();
            await page.goto(`${h.server.url}/test/pages/holds-body.html`);
            await keksiReady(page);
            await page.evaluate(() => {
              window.__controller = document.querySelector('keksi-consent');
              keksi.setConsent(['analytics']);
            });
            await page.waitForFunction(() => window.__ran.length === 1);
            await navigate(page, how);
            await page.waitForFunction(() => window.__ran.length === 2);
            assert.deepEqual(await afterNavigation(page), {
              hasOnArrival: true,
              has: true,
              ran: ['page-1 analytics', 'page-2 analytics'],
              started: 1,
              first: true,
            });
            await page.waitForFunction(() => document.querySelector('iframe').getAttribute('src') === '/test/fixtures/holds-frame.html#page-2');
            await page.locator('#open-2').click();
            await ui.dialog(page).waitFor();
            await page.keyboard.press('Escape');
            assert.equal(await rejectAllWorks(page), false);
            assert.deepEqual(errors, []);
            await context.close();
          });
        }

        test("a first visit's banner stays through navigation; accepting there runs the new page's scripts", async () => {
          const { context, page, errors } = await h.newPage();
          await page.goto(`${h.server.url}/test/pages/holds-body.html`);
          await keksiReady(page);
          await ui.banner(page).waitFor();
          await navigate(page, 'replaceWith');
          await ui.bannerButton(page, 'accept-all').click();
          await page.waitForFunction(() => window.__ran.length === 2);
          assert.deepEqual(await page.evaluate(() => window.__ran), ['page-2 analytics', 'page-2 marketing']);
          assert.deepEqual(errors, []);
          await context.close();
        });

        for (const how of ['permanent', 'replaceWith']) {
          test(`the page's own <keksi-consent> in both pages (${how === 'permanent' ? 'a Turbo permanent element' : 'a new copy'}): one controller runs on`, async () => {
            const { context, page, errors, warnings } = await h.newPage();
            await page.goto(`${h.server.url}/test/pages/holds-body-own.html`);
            await keksiReady(page);
            await page.evaluate(() => {
              window.__controller = document.querySelector('keksi-consent');
              keksi.setConsent(['analytics']);
            });
            await navigate(page, how);
            await page.waitForFunction(() => window.__ran.length === 1);
            assert.deepEqual(await afterNavigation(page), { hasOnArrival: true, has: true, ran: ['page-2 analytics'], started: 1, first: true });
            await page.locator('#open-2').click();
            await ui.dialog(page).waitFor();
            await page.keyboard.press('Escape');
            assert.equal(await rejectAllWorks(page), false);
            assert.ok(!warnings.some((w) => /more than one/.test(w)), warnings.join('\n'));
            assert.deepEqual(errors, []);
            await context.close();
          });
        }
      });

    if (browser === 'chromium')
      describe('Trusted Types', () => {
        test("require-trusted-types-for 'script' with policies lit-html and keksi: banner, accept, reopen button, no error", async () => {
          const { context, page, errors, warnings } = await h.newPage();
          await context.addInitScript(() => {
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.sample}`));
          });
          const response = await page.goto(`${h.server.url}/test/pages/holds-tt.html?tt=lit-html%20keksi`);
          assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'; trusted-types lit-html keksi/);
          assert.equal(await page.evaluate(() => typeof trustedTypes), 'object');
          await keksiReady(page);
          await ui.bannerButton(page, 'accept-all').click();
          await page.locator('keksi-consent [part~="reopen"]').waitFor();
          // The icon is drawn by CSS (no markup to parse): a clip path on the button's ::before.
          assert.match(await page.locator('keksi-consent [part~="reopen"]').evaluate((b) => getComputedStyle(b, '::before').clipPath), /^path\(/);
          assert.equal(await page.locator('iframe[data-category]').getAttribute('src'), '/embed/video.html');
          assert.equal(await page.evaluate(() => keksi.has('marketing')), true);
          await page.locator('keksi-consent [part~="reopen"]').click();
          await ui.dialog(page).waitFor();
          assert.deepEqual(await page.evaluate(() => window.__csp), []);
          assert.deepEqual(
            warnings.filter((w) => w.startsWith('[keksi]')),
            [],
          );
          assert.deepEqual(errors, []);
          await context.close();
        });
      });
  });
}
