// Consent that holds with the vendors' own snippets (issue 11, defect 5): Google's GA4, Ads and Tag
// Manager snippets and Meta's pixel base code, as documented, gated the way the README recommends
// (`type="text/plain" data-category`, no `ga`/`gtm`/`meta-pixel` attribute). Accept, reject, withdraw in
// the same page view and a returning visit, asserting the dataLayer and the fbq calls in order. The
// vendor scripts are the stand-ins of demo/vendor/ (they set cookies and record the hits the real tags
// would send). Chromium through the harness; the GA4 withdrawal also in Firefox (the same harness).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { keksiReady, newPage, startHarness, poll, TRACKER_COOKIE, TRACKER_HOSTS, waitFor } from './harness.mjs';

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

const pageUrl = (name) => `${h.server.url}/test/pages/holds-vendor-${name}.html`;

/** The dataLayer as readable rows, in order: gtag commands (consent ones with two of their signals) and events. */
function dataLayerRows() {
  return (window.dataLayer || []).map((e) => {
    if (Object.prototype.toString.call(e) !== '[object Arguments]') return `event ${e.event}`;
    const [a, b, c] = e;
    if (a === 'consent') return `consent ${b} analytics:${c.analytics_storage} ads:${c.ad_storage}`;
    return a === 'js' ? 'js' : `${a} ${b}`;
  });
}
const rows = (page) => page.evaluate(dataLayerRows);
const trackerCookies = async (context) =>
  (await context.cookies())
    .filter((c) => TRACKER_COOKIE.test(c.name))
    .map((c) => c.name)
    .sort();

const DEFAULT = ['consent default analytics:denied ads:denied', 'set ads_data_redaction'];
const DENIED = ['consent update analytics:denied ads:denied', 'event keksi_consent_update'];

/** Each Google snippet: its page, what accepting grants, what the snippet pushes, its cookie, and an event of the page's. */
const GOOGLE = {
  'GA4 gtag.js': {
    name: 'ga4',
    granted: 'consent update analytics:granted ads:denied',
    pushes: ['js', 'config G-HOLDS4GA4'],
    cookie: '_ga',
    event: () => window.gtag('event', 'add_to_cart'),
    eventRow: 'event add_to_cart',
  },
  'Google Ads gtag.js': {
    name: 'ads',
    granted: 'consent update analytics:denied ads:granted',
    pushes: ['js', 'config AW-987654321'],
    cookie: '_gcl_au',
    event: () => window.gtag('event', 'add_to_cart'),
    eventRow: 'event add_to_cart',
  },
  'GTM container': {
    name: 'gtm',
    granted: 'consent update analytics:granted ads:granted',
    pushes: ['event gtm.js'],
    cookie: '_ga',
    event: () => window.dataLayer.push({ event: 'add_to_cart' }),
    eventRow: 'event add_to_cart',
  },
};

async function firstVisit(name) {
  const p = await newPage(h.browser);
  await p.page.goto(pageUrl(name));
  await keksiReady(p.page);
  return p;
}

for (const [label, v] of Object.entries(GOOGLE)) {
  describe(`${label} snippet, gated`, () => {
    test('accept: the consent default, then the granted update, then the snippet’s commands', async () => {
      const { context, page, errors } = await firstVisit(v.name);
      assert.deepEqual(await rows(page), DEFAULT, 'the default is there before any decision');
      await page.evaluate(() => keksi.acceptAll());
      await page.waitForFunction(() => window.__fakeGtag?.loaded);
      assert.deepEqual(await rows(page), [...DEFAULT, v.granted, 'event keksi_consent_update', ...v.pushes]);
      assert.ok((await trackerCookies(context)).includes(v.cookie), `${v.cookie} set once allowed`);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('reject: default and a denied update; the snippet never runs, nothing is requested', async () => {
      const { context, page, requests, errors } = await firstVisit(v.name);
      await page.evaluate(() => keksi.rejectAll());
      // The decision gates at once: had the snippet been let through, its script would be in the page now.
      assert.equal(await page.evaluate(() => document.querySelectorAll('script[data-keksi]').length), 0);
      assert.deepEqual(await rows(page), [...DEFAULT, ...DENIED]);
      assert.deepEqual(
        requests.filter((r) => TRACKER_HOSTS.test(r)),
        [],
      );
      assert.deepEqual(await trackerCookies(context), []);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('withdraw in the same page view: a denied update, and the page’s next event sets no cookie and sends nothing', async () => {
      const { context, page, errors } = await firstVisit(v.name);
      await page.evaluate(() => keksi.acceptAll());
      await page.waitForFunction(() => window.__fakeGtag?.loaded);
      await page.evaluate(v.event);
      assert.ok((await page.evaluate(() => window.__fakeGtag.sent)).includes('add_to_cart'), 'sent while allowed');
      await page.evaluate(() => keksi.rejectAll());
      assert.deepEqual(await trackerCookies(context), [], 'cleaned up on withdrawal');
      const sent = await page.evaluate(() => window.__fakeGtag.sent.length);
      await page.evaluate(v.event);
      assert.deepEqual((await rows(page)).slice(-3), [...DENIED, v.eventRow], 'Google heard the withdrawal before the event');
      assert.deepEqual(await trackerCookies(context), [], 'no cookie recreated');
      assert.equal(await page.evaluate(() => window.__fakeGtag.sent.length), sent, 'nothing sent after the withdrawal');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('returning visit: the default and the stored choice come before the snippet’s commands', async () => {
      const { context, page, errors } = await firstVisit(v.name);
      await page.evaluate(() => keksi.acceptAll());
      await page.goto(pageUrl(v.name));
      await keksiReady(page);
      await page.waitForFunction(() => window.__fakeGtag?.loaded);
      assert.deepEqual(await rows(page), [...DEFAULT, v.granted, 'event keksi_consent_update', ...v.pushes]);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

describe('Meta pixel base code, gated', () => {
  const calls = (page) => page.evaluate(() => window.__fakeFbq.calls);
  const sent = (page) => page.evaluate(() => window.__fakeFbq.sent);
  const BASE = ['init 1122334455667788', 'track PageView'];

  test('accept: the base code runs with consent implied, PageView is sent', async () => {
    const { context, page, errors } = await firstVisit('meta');
    await page.evaluate(() => keksi.acceptAll());
    await page.waitForFunction(() => window.__fakeFbq);
    assert.deepEqual(await calls(page), BASE);
    assert.deepEqual(await sent(page), ['PageView']);
    // document.cookie reaches the browser's cookie store (what context.cookies() reads) a moment later.
    await poll(async () => (await trackerCookies(context)).length, 'the _fbp cookie in the cookie store');
    assert.deepEqual(await trackerCookies(context), ['_fbp']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('reject: no fbq, nothing requested', async () => {
    const { context, page, requests, errors } = await firstVisit('meta');
    await page.evaluate(() => keksi.rejectAll());
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[data-keksi]').length), 0);
    assert.equal(await page.evaluate(() => typeof window.fbq), 'undefined');
    assert.equal(await page.evaluate(() => typeof window.dataLayer), 'undefined', 'no Google queue on a Meta-only page');
    assert.deepEqual(
      requests.filter((r) => TRACKER_HOSTS.test(r)),
      [],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('withdraw in the same page view: revoke before the next track, which is not sent; a re-grant grants', async () => {
    const { context, page, errors } = await firstVisit('meta');
    await page.evaluate(() => keksi.acceptAll());
    await page.waitForFunction(() => window.__fakeFbq);
    await page.evaluate(() => keksi.rejectAll());
    await page.evaluate(() => fbq('track', 'AddToCart'));
    assert.deepEqual(await calls(page), [...BASE, 'consent revoke', 'track AddToCart']);
    assert.deepEqual(await sent(page), ['PageView']);
    assert.deepEqual(await trackerCookies(context), []);
    await page.evaluate(() => keksi.acceptAll());
    await page.evaluate(() => fbq('track', 'Purchase'));
    assert.deepEqual((await calls(page)).slice(-2), ['consent grant', 'track Purchase']);
    assert.deepEqual(await sent(page), ['PageView', 'Purchase']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('returning visit: the base code runs once, PageView sent, withdrawal revokes', async () => {
    const { context, page, errors } = await firstVisit('meta');
    await page.evaluate(() => keksi.acceptAll());
    await page.goto(pageUrl('meta'));
    await keksiReady(page);
    await page.waitForFunction(() => window.__fakeFbq);
    assert.deepEqual(await calls(page), BASE);
    await page.evaluate(() => keksi.rejectAll());
    await page.evaluate(() => fbq('track', 'AddToCart'));
    assert.deepEqual(await calls(page), [...BASE, 'consent revoke', 'track AddToCart']);
    assert.deepEqual(await sent(page), ['PageView']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('Firefox: GA4 gtag.js snippet, gated', () => {
  let ff;
  before(async () => (ff = await startHarness({ browser: 'firefox' })));
  after(async () => ff?.close());

  test('withdraw in the same page view: a denied update, no _ga recreated, nothing sent', async () => {
    const { context, page } = await ff.newPage();
    const cookies = async () => (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIE.test(n));
    await page.goto(pageUrl('ga4'));
    await keksiReady(page);
    await page.evaluate(() => keksi.acceptAll());
    await waitFor(page, () => window.__fakeGtag?.loaded && document.cookie.includes('_ga='));
    assert.deepEqual(await page.evaluate(dataLayerRows), [...DEFAULT, GOOGLE['GA4 gtag.js'].granted, 'event keksi_consent_update', 'js', 'config G-HOLDS4GA4']);
    await page.evaluate(() => keksi.rejectAll());
    const sent = await page.evaluate(() => window.__fakeGtag.sent.length);
    await page.evaluate(() => gtag('event', 'add_to_cart'));
    assert.deepEqual((await page.evaluate(dataLayerRows)).slice(-3), [...DENIED, 'event add_to_cart']);
    assert.deepEqual(await cookies(), []);
    assert.equal(await page.evaluate(() => window.__fakeGtag.sent.length), sent);
    await context.close();
  });
});
