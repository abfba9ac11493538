// Issue 11 "Consent that holds", defect 2: a rejection sticks when the browser holds more than one
// consent cookie of the same name (the shop added or removed cookie-domain after visitors chose, an
// older copy on a longer path, one planted by a sibling subdomain). Chromium and Firefox, with
// *.keksi.test mapped to 127.0.0.1 in both (test/e2e/harness.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { keksiReady, newPage, startHarness } from './harness.mjs';

const PAGE = '/test/pages/holds-cookies.html';
/** A consent cookie's value as an earlier visit stored it. */
const record = (a, x) =>
  encodeURIComponent(JSON.stringify({ v: 1, id: '6f1c1b2e-1111-4aaa-8bbb-123456789abc', r: 0, t: new Date(Date.now() - 864e5).toISOString(), a, x }));
const ACCEPT = record(['analytics', 'marketing'], []);
const REJECT = record([], ['analytics', 'marketing']);
const consentCookies = async (context) =>
  (await context.cookies())
    .filter((c) => c.name === 'keksi_consent')
    .map((c) => `${c.domain}${c.path}`)
    .sort();
const state = (page) => page.evaluate(() => ({ accepted: keksi.getConsent()?.accepted ?? null, ran: window.__ran }));
const bannerOpen = (page) => page.evaluate(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));

describe('Chromium: a rejection holds against other consent cookies of the same name', () => {
  let h;
  before(async () => (h = await startHarness()));
  after(async () => h?.close());
  const shop = (query = '') => `${h.server.url.replace('localhost', 'shop.keksi.test')}${PAGE}${query}`;

  async function open(cookies, query) {
    const p = await newPage(h.browser);
    // One at a time: the browser orders cookies of equal path length by creation, the oldest first.
    for (const c of cookies) await p.context.addCookies([{ name: 'keksi_consent', expires: Date.now() / 1000 + 864e3, ...c }]);
    await p.page.goto(shop(query));
    await keksiReady(p.page);
    return p;
  }

  test('reject survives reload with a stale accept cookie on the parent domain', async () => {
    // The visitor accepted while the shop had cookie-domain="keksi.test"; the shop then removed it.
    const { context, page, warnings } = await open([{ value: ACCEPT, domain: '.keksi.test', path: '/' }]);
    assert.deepEqual(await state(page), { accepted: ['necessary', 'analytics', 'marketing'], ran: ['analytics', 'marketing'] });
    await page.evaluate(() => keksi.rejectAll());
    await page.reload();
    await keksiReady(page);
    assert.deepEqual(await state(page), { accepted: ['necessary'], ran: [] });
    assert.equal(await bannerOpen(page), false);
    assert.deepEqual(await consentCookies(context), ['shop.keksi.test/']);
    assert.deepEqual(
      warnings.filter((w) => w.includes('cookies blocked')),
      [],
    );
    await context.close();
  });

  test('reject survives reload when cookie-domain was added after an accept stored host-only', async () => {
    const { context, page } = await open([{ value: ACCEPT, url: shop() }], '?cookie-domain=keksi.test');
    assert.deepEqual((await state(page)).accepted, ['necessary', 'analytics', 'marketing']);
    await page.evaluate(() => keksi.rejectAll());
    await page.reload();
    await keksiReady(page);
    assert.deepEqual(await state(page), { accepted: ['necessary'], ran: [] });
    assert.deepEqual(await consentCookies(context), ['.keksi.test/']);
    await context.close();
  });

  for (const [label, stale] of [
    ['planted on the parent domain by a sibling subdomain', { domain: '.keksi.test', path: '/' }],
    ['left on a longer path', { domain: 'shop.keksi.test', path: '/test/pages' }],
  ]) {
    test(`an accept ${label} disagreeing with a rejection: asked again, nothing optional runs, every copy deleted`, async () => {
      const { context, page, warnings } = await open([
        { value: ACCEPT, ...stale },
        { value: REJECT, url: shop() },
      ]);
      assert.deepEqual(await state(page), { accepted: null, ran: [] });
      // The banner's UI chunk may still be on its way when Keksi is ready: wait for it (bounded).
      await page.waitForFunction(() => !!document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
      assert.deepEqual(await consentCookies(context), []);
      assert.ok(
        warnings.some((w) => w.startsWith('[keksi]') && w.includes('"keksi_consent"')),
        warnings.join('\n'),
      );
      await context.close();
    });
  }

  test('identical copies on two domains are one choice', async () => {
    const { context, page } = await open([
      { value: REJECT, domain: '.keksi.test', path: '/' },
      { value: REJECT, url: shop() },
    ]);
    assert.deepEqual(await state(page), { accepted: ['necessary'], ran: [] });
    assert.equal(await bannerOpen(page), false);
    await context.close();
  });
});

describe('Firefox: a rejection holds against other consent cookies of the same name', () => {
  let h;
  before(async () => (h = await startHarness({ browser: 'firefox' })));
  after(async () => h?.close());

  test('reject survives reload with a stale accept cookie on the parent domain', async () => {
    const { context, page, warnings } = await h.newPage();
    const url = `${h.server.url.replace('localhost', 'shop.keksi.test')}${PAGE}`;
    await page.goto(url.replace(PAGE, '/test/fixtures/ext-a.js'));
    await page.evaluate((v) => (document.cookie = `keksi_consent=${v}; domain=keksi.test; path=/; max-age=864000`), ACCEPT);
    await page.goto(url);
    await keksiReady(page);
    assert.deepEqual((await state(page)).accepted, ['necessary', 'analytics', 'marketing']);
    await page.evaluate(() => keksi.rejectAll());
    await page.reload();
    await keksiReady(page);
    assert.deepEqual(await state(page), { accepted: ['necessary'], ran: [] });
    assert.equal(await page.evaluate(() => document.cookie.split('; ').filter((c) => c.startsWith('keksi_consent=')).length), 1);
    assert.deepEqual(
      warnings.filter((w) => w.includes('cookies blocked')),
      [],
    );
    await context.close();
  });
});
