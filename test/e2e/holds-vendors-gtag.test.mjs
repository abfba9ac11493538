// gtag.js and a shop that pastes both Google snippets, GA4's and Google Ads' (each with its own
// `<script async src="https://www.googletagmanager.com/gtag/js?id=…">`), gated. Google's advice is one
// gtag.js with a `gtag('config', …)` per tag ID; pasted twice, the page asks for gtag.js twice, with or
// without Keksi. Keksi does not rewrite the shop's tags: it lets each run once, after consent, and
// hears no more of gtag.js than the page asks for; its own attributes (ga + google-ads) load gtag.js
// once with both configs. The requests are counted at the network guard (the stand-in answers them).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, dataLayerRows, gateDone, keksiReady, startHarness, waitFor } from './harness.mjs';

const GTAG = /^https:\/\/www\.googletagmanager\.com\/gtag\/js/;

const BOTH_SNIPPETS = `<!doctype html><html lang="en"><head><title>Two Google snippets</title>
  <script defer src="/dist/keksi.js" data-categories="analytics marketing"></script>
  <script type="text/plain" data-category="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-TWICE1GA4"></script>
  <script type="text/plain" data-category="analytics">
    window.dataLayer = window.dataLayer || [];
    function gtag(){dataLayer.push(arguments);}
    gtag('js', new Date());
    gtag('config', 'G-TWICE1GA4');
  </script>
  <script type="text/plain" data-category="marketing" async src="https://www.googletagmanager.com/gtag/js?id=AW-111222333"></script>
  <script type="text/plain" data-category="marketing">
    window.dataLayer = window.dataLayer || [];
    function gtag(){dataLayer.push(arguments);}
    gtag('js', new Date());
    gtag('config', 'AW-111222333');
  </script></head><body><main><h1>Shop</h1></main></body></html>`;

const ATTRIBUTES = `<!doctype html><html lang="en"><head><title>Keksi's attributes</title>
  <script defer src="/dist/keksi.js" data-categories="analytics marketing" data-ga="G-TWICE1GA4" data-google-ads="AW-111222333"></script>
  </head><body><main><h1>Shop</h1></main></body></html>`;

for (const browser of BROWSERS) {
  describe(`${browser}: gtag.js with GA4 and Google Ads`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    async function open(html) {
      const p = await h.newPage();
      const held = p.hold(/\/two-google\.html$/);
      const loaded = p.page.goto(`${h.server.url}/two-google.html`);
      (await held).fulfill(html, 'text/html');
      await loaded;
      await keksiReady(p.page);
      await gateDone(p.page);
      return p;
    }

    test('both snippets pasted: nothing before consent, then gtag.js once per snippet (as without Keksi), each config once', async () => {
      const p = await open(BOTH_SNIPPETS);
      assert.deepEqual(
        p.requests.filter((u) => GTAG.test(u)),
        [],
      );
      await p.page.evaluate(() => keksi.acceptAll());
      await waitFor(p.page, () => window.__fakeGtag?.loaded === 2);
      await gateDone(p.page);
      assert.deepEqual(
        p.requests.filter((u) => GTAG.test(u)),
        ['https://www.googletagmanager.com/gtag/js?id=G-TWICE1GA4', 'https://www.googletagmanager.com/gtag/js?id=AW-111222333'],
      );
      const rows = await p.page.evaluate(dataLayerRows);
      assert.deepEqual(rows.slice(0, 4), [
        'consent default analytics:denied ads:denied',
        'set ads_data_redaction',
        'consent update analytics:granted ads:granted',
        'event keksi_consent_update',
      ]);
      assert.deepEqual(
        rows.filter((r) => r.startsWith('config')),
        ['config G-TWICE1GA4', 'config AW-111222333'],
      );
      assert.deepEqual(p.errors, []);
      await p.context.close();
    });

    test("Keksi's attributes: gtag.js once, a config for each tag ID", async () => {
      const p = await open(ATTRIBUTES);
      await p.page.evaluate(() => keksi.acceptAll());
      await waitFor(p.page, () => window.__fakeGtag?.loaded === 1);
      assert.deepEqual(
        p.requests.filter((u) => GTAG.test(u)),
        ['https://www.googletagmanager.com/gtag/js?id=G-TWICE1GA4'],
      );
      const rows = await p.page.evaluate(dataLayerRows);
      assert.deepEqual(
        rows.filter((r) => r === 'js' || r.startsWith('config')),
        ['js', 'config G-TWICE1GA4', 'config AW-111222333'],
      );
      assert.deepEqual(p.errors, []);
      await p.context.close();
    });
  });
}
