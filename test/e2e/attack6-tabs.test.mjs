// Another tab's decision closes this tab's banner (controller _onChange, the store's sync()). A cookie that another
// writer leaves and that holds no choice for this configuration must not close it: then nothing would ask the visitor.
// Garbage, two copies that differ (on other paths), a record from more than a day in the future, one of an older
// revision, one that leaves a configured category undecided: the banner stays open and nothing is granted. A record of
// the right shape is a choice (documented: a forged one counts), and closes it: the control that the look happened.
// Chromium and Firefox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, idle, newPage, startHarness, waitFor } from './harness.mjs';

const PAGE = '/test/pages/attack6-tabs.html';
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
  <script type="module" src="/dist/keksi.mjs" data-categories="analytics marketing" data-revision="2"></script>
  <script type="text/plain" data-category="analytics">window.gatedRan = true;</script></head>
  <body><h1>A shop</h1></body></html>`;
const DAY = 864e5;
const record = ({ r = 2, t = new Date().toISOString(), a = ['analytics'], x = ['marketing'] } = {}) =>
  encodeURIComponent(JSON.stringify({ v: 2, id: '0f0e0d0c-1111-4222-8333-444455556666', r, t, a, x }));
const bannerOpen = () =>
  !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner')?.shadowRoot?.querySelector('[part~="accept-all"]');

// Each: the cookies another writer leaves (name keksi_consent), made when written: a record older than this page's start that
// grants more is taken for a stale copy and written over (store.ts sync), which is another case.
const NO_CHOICE = {
  garbage: () => [{ value: 'garbage', path: '/' }],
  'two copies that differ, on two paths': () => [
    { value: record({ a: ['analytics', 'marketing'], x: [] }), path: '/' },
    { value: record({ a: [], x: ['analytics', 'marketing'] }), path: '/test' },
  ],
  'a record two days in the future': () => [{ value: record({ t: new Date(Date.now() + 2 * DAY).toISOString() }), path: '/' }],
  'a record of an older revision': () => [{ value: record({ r: 1 }), path: '/' }],
};

for (const browser of BROWSERS) {
  describe(`${browser}: a cookie another writer leaves closes this tab's banner only when it holds a choice`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    const firstVisit = async () => {
      const p = await newPage(h.browser);
      const served = p.hold(/\/test\/pages\/attack6-tabs\.html/).then((r) => r.fulfill(html, 'text/html'));
      await p.page.goto(`${h.server.url}${PAGE}`);
      await served;
      await waitFor(p.page, bannerOpen);
      return p;
    };
    /** Another writer leaves `cookies`; the visitor comes back to this tab; once it has looked, what does it hold? */
    const comeBack = async ({ page }, cookies) => {
      // Written from the page: the same cookie jar another tab writes to.
      // Read back in the same task: Keksi hears the write (Cookie Store) only in a later one.
      const copies = await page.evaluate((cookies) => {
        for (const { value, path } of cookies) document.cookie = `keksi_consent=${value}; path=${path}`;
        return document.cookie.split('; ').filter((c) => c.startsWith('keksi_consent=')).length;
      }, cookies);
      assert.equal(copies, cookies.length, 'the copies the page sees');
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      // The look is made in the listener; what it tells comes in microtasks, the banner's close after them.
      await page.evaluate(idle);
      return page.evaluate(`({ banner: (${bannerOpen})(), consent: keksi.getConsent(), analytics: keksi.has('analytics'), ran: !!window.gatedRan })`);
    };

    for (const [name, cookies] of Object.entries(NO_CHOICE))
      test(`${name}: the banner stays open, nothing granted, nothing run`, async () => {
        const p = await firstVisit();
        assert.deepEqual(await comeBack(p, cookies()), { banner: true, consent: null, analytics: false, ran: false });
        assert.deepEqual(p.errors, []);
        await p.context.close();
      });

    // A category added since (here: never decided) is asked for; what the record decided holds meanwhile (as on a reload).
    test('a record that leaves marketing undecided: the banner stays open to ask for it', async () => {
      const p = await firstVisit();
      const held = await comeBack(p, [{ value: record({ x: [] }), path: '/' }]);
      assert.deepEqual({ banner: held.banner, marketing: await p.page.evaluate(() => keksi.has('marketing')) }, { banner: true, marketing: false });
      assert.deepEqual(p.errors, []);
      await p.context.close();
    });

    test('the control: a record of the right shape is a choice, and closes the banner', async () => {
      const p = await firstVisit();
      const held = await comeBack(p, [{ value: record(), path: '/' }]);
      assert.deepEqual(
        { banner: held.banner, accepted: held.consent?.accepted, analytics: held.analytics },
        { banner: false, accepted: ['necessary', 'analytics'], analytics: true },
      );
      await waitFor(p.page, () => !!window.gatedRan);
      assert.deepEqual(p.errors, []);
      await p.context.close();
    });
  });
}
