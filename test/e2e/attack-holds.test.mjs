// Attacks on issue 11's guarantees (README "## Security", "### The consent cookie"), in Chromium
// (playwright-core): each test reproduces a break found in review (all failed before their fix).
// Threat model as in the README: HTML injection only, a nonce CSP with 'strict-dynamic'.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { keksiReady, newPage, startHarness } from './harness.mjs';

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

const ran = (page) => page.evaluate(() => window.__ran);

describe('injected HTML must not become running code under a nonce CSP', () => {
  test("an injected <base href> must not send the shop's nonce'd gated script to another origin", async () => {
    const { context, page, errors } = await newPage(h.browser);
    // The attacker's origin: anything it serves records where it was loaded from.
    const evil = [];
    await page.route(/^http:\/\/evil\.keksi\.test\//, (route) => {
      evil.push(route.request().url());
      route.fulfill({ contentType: 'text/javascript', body: readFileSync('test/fixtures/holds-src.js') });
    });
    const response = await page.goto(`${h.server.url}/test/pages/holds-attack-base.html`);
    assert.match(response.headers()['content-security-policy'], /'strict-dynamic'/);
    await keksiReady(page);
    await page.waitForFunction(() => window.__ran.length > 0);
    // The shop's script, from the shop's origin, and nothing fetched from the attacker's.
    assert.deepEqual(evil, []);
    assert.deepEqual(await ran(page), ['/test/fixtures/holds-src.js?shop']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('dangling markup', () => {
  test("an unclosed injected tag that swallows the next gated script's nonce must not run (browsers refuse such a nonce)", async () => {
    const { context, page, errors } = await newPage(h.browser);
    const evil = [];
    await page.route(/^http:\/\/evil\.keksi\.test\//, (route) => {
      evil.push(route.request().url());
      route.fulfill({ contentType: 'text/javascript', body: "window.__ran.push('evil')" });
    });
    await page.goto(`${h.server.url}/test/pages/holds-attack-dangling.html`);
    await keksiReady(page);
    await page.waitForFunction(() => window.__ran.includes('marker'));
    assert.deepEqual(evil, []);
    assert.ok(!(await ran(page)).includes('evil'), String(await ran(page)));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('an injected <keksi-consent> changes what is asked, never what runs without consent', () => {
  test('a consent for a retired revision (and long expired) does not run analytics because injected markup says revision="1"', async () => {
    const { context, page, errors } = await newPage(h.browser);
    // The visitor accepted analytics under revision 1, a year ago; the shop is now at revision 2 with 180-day consents.
    const t = new Date(Date.now() - 365 * 864e5).toISOString();
    const value = encodeURIComponent(`{"v":1,"id":"0f0e0d0c-1111-4222-8333-444455556666","r":1,"t":"${t}","a":["analytics"],"x":[]}`);
    await context.addCookies([{ name: 'keksi_consent', value, url: h.server.url }]);
    await page.goto(`${h.server.url}/test/pages/holds-attack-revision.html`);
    await keksiReady(page);
    await page.waitForFunction(() => window.__ran.includes('marker'));
    assert.deepEqual(await ran(page), ['marker']);
    // The shop's configuration, not the injected one, is in force: the visitor is asked again.
    assert.equal(await page.evaluate(() => keksi.getConsent()), null);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('an injected <keksi-consent ignore-gpc>', () => {
  test('turns Global Privacy Control off: "accept all" must still leave marketing out', async () => {
    const { context, page, errors } = await newPage(h.browser);
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(`${h.server.url}/test/pages/holds-attack-gpc.html`);
    await keksiReady(page);
    await page.waitForFunction(() => window.__ran.includes('marker'));
    await page.evaluate(() => keksi.acceptAll());
    await page.waitForFunction(() => keksi.getConsent());
    assert.deepEqual(await page.evaluate(() => keksi.getConsent().rejected), ['marketing']);
    assert.deepEqual(await ran(page), ['marker']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('an injected <keksi-consent cookie-name>', () => {
  test('points Keksi at a shop cookie whose value an attacker can choose (a remembered search): marketing must not run for a visitor who never decided', async () => {
    const { context, page, errors } = await newPage(h.browser);
    const forged = JSON.stringify({
      v: 1,
      id: '0f0e0d0c-1111-4222-8333-444455556666',
      r: 0,
      t: new Date().toISOString(),
      a: ['analytics', 'marketing'],
      x: [],
    });
    // The visitor follows the attacker's link to the shop's search; they never saw Keksi's banner.
    await page.goto(`${h.server.url}/test/pages/holds-attack-cookie-name.html?q=${encodeURIComponent(forged)}`);
    await keksiReady(page);
    await page.waitForFunction(() => window.__ran.includes('marker'));
    assert.deepEqual(await ran(page), ['marker']);
    assert.equal(await page.evaluate(() => keksi.getConsent()), null);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("DOM clobbering of the vendors' globals", () => {
  test('an injected <img name="gtag">: the visitor accepts analytics only, and Google must still hear ads denied (no _gcl_au)', async () => {
    const { context, page, errors } = await newPage(h.browser);
    await page.goto(`${h.server.url}/test/pages/holds-attack-gtag.html`);
    await keksiReady(page);
    await page.evaluate(() => keksi.setConsent(['analytics']));
    await page.waitForFunction(() => window.__fakeGtag?.loaded && document.cookie.includes('_ga='));
    const consent = await page.evaluate(() => window.__fakeGtag.consent);
    assert.equal(consent.ad_storage, 'denied', JSON.stringify(consent));
    assert.ok(!(await page.evaluate(() => document.cookie)).includes('_gcl_au'));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// querySelector(All) and cookie made Keksi fail closed (no banner) until Keksi read document through its
// prototype (src/core/doc.ts); every name at once, in both browsers: test/e2e/holds-clobber.test.mjs.
describe('DOM clobbering of document.head, .body, .documentElement, .querySelector(All), .cookie (each an <img> then): Keksi keeps working', () => {
  for (const name of ['head', 'body', 'documentElement', 'querySelectorAll', 'querySelector', 'cookie']) {
    test(`an injected <img name="${name}">: nothing runs before the choice, no uncaught error, and an acceptance runs and is stored`, async () => {
      const { context, page, errors } = await newPage(h.browser);
      await page.goto(`${h.server.url}/test/pages/holds-attack-clobber.html?name=${name}`);
      // keksiReady(), through the prototype: the page's document.querySelector may be the <img>.
      await page.waitForFunction(() => Document.prototype.querySelector.call(document, 'keksi-consent')?.store);
      assert.equal(await page.evaluate((n) => String(document[n]), name).then((s) => /Image|Collection/.test(s)), true);
      assert.deepEqual(await ran(page), ['marker']);
      await page.evaluate(() => keksi.acceptAll());
      await page.waitForFunction(() => window.__ran.includes('analytics'));
      assert.match((await context.cookies()).map((c) => c.name).join(), /keksi_consent/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the consent cookie: a rejection is never outvoted', () => {
  const record = (a, x) => encodeURIComponent(JSON.stringify({ v: 1, id: '0f0e0d0c-1111-4222-8333-444455556666', r: 0, t: new Date().toISOString(), a, x }));
  test('an acceptance planted by a sibling under a percent-encoded name (keksi%5Fconsent): Keksi reads it as a copy but cannot delete it, so the rejection must stand', async () => {
    const { context, page } = await newPage(h.browser);
    const shop = `${h.server.url.replace('localhost', 'shop.keksi.test')}/test/pages/holds-cookies.html`;
    const expires = Date.now() / 1000 + 864e3;
    // Planted by evil.keksi.test on the parent domain; then the visitor's own rejection on the shop.
    await context.addCookies([{ name: 'keksi%5Fconsent', value: record(['analytics', 'marketing'], []), domain: '.keksi.test', path: '/', expires }]);
    await context.addCookies([{ name: 'keksi_consent', value: record([], ['analytics', 'marketing']), url: shop, expires }]);
    await page.goto(shop);
    await keksiReady(page);
    // Names are matched as written: the planted cookie is another cookie, and the rejection stands.
    assert.deepEqual(await page.evaluate(() => keksi.getConsent()?.accepted), ['necessary']);
    // And holds on the next page.
    await page.goto(shop);
    await keksiReady(page);
    assert.deepEqual(await page.evaluate(() => [keksi.getConsent()?.accepted, window.__ran]), [['necessary'], []]);
    await context.close();
  });
});
