// A page with every integration at once (test/pages/all-integrations.html, the single-file build):
// before a decision each vendor's queue holds only its documented consent-first calls and no vendor
// script is asked for; after "Accept all" each queue has its grant after the hold and each script is
// asked for. Chromium and Firefox through the harness.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, newPage, poll, startHarness, waitFor } from './harness.mjs';

/** Each vendor's queue as method names, read in the page. */
function queues() {
  const args = (e) => Array.from(e);
  const ttq = window.ttq ? window.ttq.map((c) => c[0]) : null;
  return {
    google: (window.dataLayer || [])
      .filter((e) => Object.prototype.toString.call(e) === '[object Arguments]')
      .map((e) => `${e[0]} ${e[1]}`)
      .slice(0, 3),
    meta: window.fbq ? window.fbq.queue.map((e) => args(e).slice(0, 2).join(' ')) : null,
    matomo: window._paq ? window._paq.map((c) => c[0]) : null,
    clarity: window.clarity?.q ? window.clarity.q.map((e) => `${e[0]} ${e[1].analytics_Storage}`) : null,
    uet: window.uetq ? window.uetq.filter((e) => typeof e === 'object').map((e) => e.ad_storage) : null,
    tiktok: ttq,
    pinterest: window.pintrk ? window.pintrk.queue.map((c) => c[0]) : null,
    youtube: document.querySelector('iframe').getAttribute('src'),
  };
}
const VENDOR_SCRIPT = /stats\.example\.fi\/matomo\.js|clarity\.ms\/tag|bat\.bing\.com|analytics\.tiktok\.com|pinimg\.com|snap\.licdn\.com|static\.hotjar\.com/;

for (const browser of BROWSERS) {
  describe(`every integration at once (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('consent first for every vendor, nothing loaded before the decision, each granted after accept', async () => {
      const { page, requests, errors } = await newPage(h.browser);
      await page.goto(`${h.server.url}/test/pages/all-integrations.html`);
      await keksiReady(page);
      await waitFor(page, () => window._paq && window.clarity && window.uetq && window.ttq);
      const before = await page.evaluate(queues);
      assert.deepEqual(before.google, ['consent default', 'set ads_data_redaction']);
      assert.deepEqual(before.meta, ['consent revoke', 'init 1234567890', 'track PageView']);
      assert.deepEqual(before.matomo, ['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking']);
      assert.deepEqual(before.clarity, ['consentv2 denied']);
      assert.deepEqual(before.uet, ['denied']);
      assert.deepEqual(before.tiktok, ['holdConsent']);
      assert.equal(before.pinterest, null);
      assert.equal(before.youtube, null);
      assert.deepEqual(
        requests.filter((u) => VENDOR_SCRIPT.test(u)),
        [],
      );

      await page.evaluate(() => keksi.acceptAll());
      await waitFor(page, () => window.pintrk && document.querySelector('iframe').getAttribute('src'));
      const now = await page.evaluate(queues);
      assert.deepEqual(now.matomo.slice(-1), ['setConsentGiven']);
      assert.deepEqual(now.clarity, ['consentv2 denied', 'consentv2 granted']);
      assert.deepEqual(now.uet.slice(0, 2), ['denied', 'granted']);
      assert.deepEqual(now.tiktok.slice(0, 3), ['holdConsent', 'grantConsent', 'page']);
      assert.deepEqual(now.pinterest, ['load', 'page']);
      assert.equal(now.youtube, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
      await poll(
        () => ['matomo.js', 'clarity.ms', 'bat.bing', 'tiktok', 'pinimg', 'licdn', 'hotjar'].every((v) => requests.some((u) => u.includes(v))),
        'every vendor script asked for',
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    // A chunk that fails to load (held, then answered with a throwing body): one vendor's, or the trackers' own.
    for (const [name, chunkName, message] of [
      [
        'a tracker module that fails to load: a [keksi] message, and nothing of that vendor runs (ES module build)',
        'matomo',
        'matomo: its module did not load',
      ],
      ['the trackers chunk itself failing to load: a [keksi] message, and no vendor runs (ES module build)', 'trackers', 'the trackers module did not load'],
    ]) {
      test(name, async () => {
        const { page, requests, warnings, hold } = await newPage(h.browser);
        const chunk = hold(new RegExp(`/dist/chunks/${chunkName}-[^/]*\\.mjs$`));
        // The chunk may be asked for before the page's load event, which the held answer then holds back:
        // answer it first, then wait for the navigation (Firefox timed out the other way round).
        const loaded = page.goto(`${h.server.url}/test/pages/trackers-esm.html`);
        (await chunk).fulfill('throw new Error("the chunk broke")');
        await loaded;
        await poll(() => warnings.some((w) => w.includes(`[keksi] ${message}`)), 'the [keksi] message');
        await page.evaluate(() => keksi.acceptAll());
        assert.equal(await page.evaluate(() => typeof window._paq), 'undefined');
        assert.deepEqual(
          requests.filter((u) => VENDOR_SCRIPT.test(u)),
          [],
        );
        await page.close();
      });
    }
  });
}
