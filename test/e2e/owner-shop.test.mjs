// A small Finnish shop installed from the README alone, as its agency would (helper "owner"): Google's
// gtag.js and Tag Manager snippets and Meta's pixel base code pasted as the vendors document them and
// gated as "The vendor's own snippets" says, a YouTube embed, Hotjar by attribute, the pre-load queue,
// a footer `data-keksi-open` button, all under a nonce CSP with 'strict-dynamic'
// (test/pages/holds-owner-shop.html), and the privacy notice page (holds-owner-notice.html). Chromium and
// Firefox. The vendor scripts are the harness's stand-ins; every other outside request is recorded and aborted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, gateDone, keksiReady, poll, settled, startHarness, TRACKER_COOKIE, TRACKER_HOSTS, waitFor } from './harness.mjs';

const TRACKERS = new RegExp(`${TRACKER_HOSTS.source}|hotjar\\.com|youtube`);

/** Text of an element of Keksi's UI, found through the shadow roots: `part` of keksi-banner, or the preferences dialog. */
function uiText(what) {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  const el = deep(document).find((e) => (what === 'dialog' ? e.tagName === 'DIALOG' && e.open : e.getAttribute('part')?.split(' ').includes(what)));
  return el ? el.textContent.replace(/\s+/g, ' ') : null;
}
/** Click a control of Keksi's UI: a `part` of the banner or the dialog, or a category's switch (`#c-<id>`). */
function uiClick(selector) {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
  const el = deep(document).find((e) => e.matches(selector) && e.getClientRects().length);
  el.click();
}
/** Page errors but the blocked YouTube frame: the test server's CSP has `frame-src 'self'` (a real shop's would allow youtube-nocookie.com). */
const pageErrors = (errors) => errors.filter((e) => !/frame-src/.test(e));
const consentModeOf = () => {
  const last = [...window.dataLayer].reverse().find((e) => Object.prototype.toString.call(e) === '[object Arguments]' && e[0] === 'consent');
  return `${last[1]} analytics:${last[2].analytics_storage} ads:${last[2].ad_storage}`;
};

/** The preferences dialog, opened through the API, lists each service of the shop's snippets and attributes. */
async function dialogListsEveryVendor(page) {
  await page.evaluate(() => keksi.showPreferences());
  await waitFor(page, uiText, 'dialog');
  const dialog = await page.evaluate(uiText, 'dialog');
  // YouTube from its gated iframe (data-service="youtube"), without configure({ services }) (src/ui/views.ts videos()).
  for (const service of ['Google Analytics', 'Google Tag Manager', 'Meta Pixel', 'Hotjar', 'YouTube', 'VISITOR_INFO1_LIVE'])
    assert.ok(dialog.includes(service), `the dialog lists ${service}: ${dialog}`);
}

for (const browser of BROWSERS) {
  describe(`${browser}: the README's shop (vendor snippets, YouTube, Hotjar, nonce CSP)`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    async function visit(path = 'holds-owner-shop.html') {
      const p = await h.newPage();
      await p.page.goto(`${h.server.url}/test/pages/${path}`);
      await keksiReady(p.page);
      // The banner comes with the UI chunk, after the first paint: wait for it, then for its render.
      await waitFor(p.page, uiText, 'banner');
      await settled(p.page);
      return p;
    }
    const trackerCookies = async (context) =>
      (await context.cookies())
        .map((c) => c.name)
        .filter((n) => TRACKER_COOKIE.test(n) || n.startsWith('_hj'))
        .sort();

    test('first visit, then reject all: no tracker is asked for, only the denied Consent Mode default and update', async () => {
      const { context, page, requests, errors } = await visit();
      assert.match(await page.evaluate(uiText, 'banner'), /Tietosuojaseloste/);
      assert.equal(await page.evaluate(consentModeOf), 'default analytics:denied ads:denied');
      assert.equal(await page.evaluate(() => typeof window.fbq), 'undefined');
      await page.evaluate(uiClick, '[part~="reject-all"]');
      await gateDone(page);
      assert.equal(await page.evaluate(consentModeOf), 'update analytics:denied ads:denied');
      assert.deepEqual(await page.evaluate(() => keksi.getConsent().accepted), ['necessary']);
      assert.deepEqual(
        requests.filter((r) => TRACKERS.test(r)),
        [],
      );
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-src]').getAttribute('src')), null);
      assert.deepEqual(await trackerCookies(context), []);
      assert.deepEqual(pageErrors(errors), []);
      await context.close();
    });

    test('accept all: Google granted before its scripts, Meta’s PageView, Hotjar, YouTube from youtube-nocookie.com', async () => {
      const { context, page, requests, errors } = await visit();
      await page.evaluate(uiClick, '[part~="accept-all"]');
      await waitFor(page, () => window.__fakeGtag?.loaded === 2 && window.__fakeFbq);
      assert.equal(await page.evaluate(consentModeOf), 'update analytics:granted ads:granted');
      assert.deepEqual(await page.evaluate(() => window.__fakeFbq.sent), ['PageView']);
      assert.deepEqual(
        requests.filter((r) => TRACKERS.test(r)).sort(),
        [
          'https://connect.facebook.net/en_US/fbevents.js',
          'https://static.hotjar.com/c/hotjar-3456789.js?sv=6',
          'https://www.googletagmanager.com/gtag/js?id=G-MOKKI42',
          'https://www.googletagmanager.com/gtm.js?id=GTM-MOKKI42',
          ...(browser === 'firefox' ? ['https://www.youtube-nocookie.com/embed/VIDEO'] : []),
        ].sort(),
      );
      assert.equal(await page.evaluate(() => document.querySelector('iframe[data-src]').getAttribute('src')), 'https://www.youtube-nocookie.com/embed/VIDEO');
      assert.deepEqual(pageErrors(errors), []);
      await context.close();
    });

    test('the dialog grants analytics alone; the footer button withdraws it: denied update, its cookies deleted', async () => {
      const { context, page, requests, errors } = await visit();
      await page.evaluate(uiClick, '[part~="settings"]');
      await waitFor(page, uiText, 'dialog');
      await page.evaluate(uiClick, '#c-analytics');
      await page.evaluate(uiClick, '[part~="save"]');
      await waitFor(page, () => window.__fakeGtag?.loaded === 2);
      assert.deepEqual(await page.evaluate(() => [keksi.has('analytics'), keksi.has('marketing'), typeof window.fbq]), [true, false, 'undefined']);
      assert.equal(await page.evaluate(consentModeOf), 'update analytics:granted ads:denied');
      assert.equal(requests.filter((r) => /facebook|youtube/.test(r)).length, 0);
      await page.evaluate(() => (document.cookie = '_hjSessionUser_3456789=1; path=/'));
      await poll(async () => (await trackerCookies(context)).includes('_ga'), 'the _ga cookie');
      await page.evaluate(() => document.querySelector('footer [data-keksi-open]').click());
      await waitFor(page, uiText, 'dialog');
      await page.evaluate(uiClick, '#c-analytics');
      await page.evaluate(uiClick, '[part~="save"]');
      await waitFor(page, () => !keksi.has('analytics'));
      assert.equal(await page.evaluate(consentModeOf), 'update analytics:denied ads:denied');
      await poll(async () => (await trackerCookies(context)).length === 0, 'no tracker cookie left');
      assert.deepEqual(pageErrors(errors), []);
      await context.close();
    });

    test('the banner and the dialog name every vendor whose gated snippet is on the page', async () => {
      const { context, page, errors } = await visit();
      const banner = await page.evaluate(uiText, 'banner');
      for (const provider of ['Google', 'Meta', 'Hotjar']) assert.match(banner, new RegExp(provider), `the banner names ${provider}: ${banner}`);
      // The video's placeholder names it as the dialog does, not by its data-service id.
      await waitFor(page, uiText, 'embed');
      const placeholder = await page.evaluate(uiText, 'embed');
      assert.match(placeholder, /evästeet \(YouTube\)/, placeholder);
      await dialogListsEveryVendor(page);
      assert.deepEqual(pageErrors(errors), []);
      await context.close();
    });

    test('a returning visitor who accepted all: the dialog still names the vendors of the snippets that ran', async () => {
      const { context, page, errors } = await visit();
      await page.evaluate(uiClick, '[part~="accept-all"]');
      await waitFor(page, () => window.__fakeGtag?.loaded === 2 && window.__fakeFbq);
      await page.reload();
      await keksiReady(page);
      await gateDone(page);
      await dialogListsEveryVendor(page);
      assert.deepEqual(pageErrors(errors), []);
      await context.close();
    });

    // attack7: snippets() (src/ui/views.ts) reads every element its selectors match. Injected markup (a comment's HTML):
    // an SVG and a MathML <script> match them too (no .text, no .src), and a gated script whose text is markup. After a
    // withdrawal the snippets that ran are still on the page (data-keksi="on"): the dialog still names their vendors.
    test('injected script-like markup, then a withdrawal: the dialog still names every vendor, nothing injected runs, no [keksi] failure', async () => {
      const { context, page, errors, warnings } = await visit();
      await page.evaluate(uiClick, '[part~="accept-all"]');
      await waitFor(page, () => window.__fakeGtag?.loaded === 2 && window.__fakeFbq);
      await page.evaluate(() => {
        const div = document.createElement('div');
        div.innerHTML =
          '<svg><script type="text/plain" data-category="analytics" href="x">window.__svg = 1</script><script data-keksi="on" data-src="x"></script></svg>' +
          '<math><script type="text/plain" data-category="marketing">window.__math = 1</script></math>' +
          '<script type="text/plain" data-category="analytics"><img src=x onerror="window.__img = 1">G-</script>';
        document.querySelector('main').append(div);
      });
      await page.evaluate(() => keksi.rejectAll());
      await waitFor(page, () => !keksi.has('analytics') && !keksi.has('marketing'));
      await gateDone(page);
      await dialogListsEveryVendor(page);
      assert.deepEqual(await page.evaluate(() => [window.__svg, window.__math, window.__img]), [undefined, undefined, undefined]);
      assert.deepEqual(pageErrors(errors), []);
      assert.deepEqual(
        warnings.filter((w) => /\[keksi\].*fail/i.test(w)),
        [],
      );
      await context.close();
    });

    for (const [lang, heading] of [
      ['fi', 'Evästeet'],
      ['sv', 'Kakor'],
      ['en', 'Cookies'],
    ])
      test(`the privacy notice in ${lang}: its cookie section lists the snippets’ cookies and the visitor’s choice`, async () => {
        const { context, page, errors } = await visit(`holds-owner-notice.html?lang=${lang}`);
        const notice = () => {
          const n = document.querySelector('keksi-notice');
          return (n.shadowRoot || n).textContent.replace(/\s+/g, ' ');
        };
        await waitFor(page, (heading) => (document.querySelector('keksi-notice')?.shadowRoot?.textContent || '').includes(heading), heading);
        const text = await page.evaluate(notice);
        for (const cookie of ['_ga_MOKKI42', '_fbp', '_hjSession_3456789'])
          assert.ok(text.includes(cookie), `the notice lists ${cookie}: ${text.slice(-1500)}`);
        assert.deepEqual(pageErrors(errors), []);
        await context.close();
      });
  });
}
