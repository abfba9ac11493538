// A strict Content-Security-Policy page that must work with zero violations, and page-level faults
// that must end in a [keksi] message and a safe state, never in an uncaught error from Keksi.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { consentRecord, keksiReady, newPage, poll, startHarness, ui } from './harness.mjs';

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

/** keksi.js?v=1 next to keksi.js: the second copy's message names both addresses and what to do. */
async function twiceWithQuery(h) {
  const { context, page, errors, warnings, hold } = await newPage(h.browser);
  const held = hold(/\/twice-query\.html$/);
  const loaded = page.goto(`${h.server.url}/twice-query.html`);
  (await held).fulfill(
    `<!doctype html><html lang="en"><head>
      <script src="/dist/keksi.js?v=1" data-categories="analytics"></script>
      <script src="/dist/keksi.js" data-categories="analytics"></script></head><body><p>Twice</p></body></html>`,
    'text/html',
  );
  await loaded;
  await keksiReady(page);
  const base = h.server.url;
  const said = `[keksi] Keksi is loaded twice (${base}/dist/keksi.js?v=1, then ${base}/dist/keksi.js); the second does not run: keep one <script> tag, at one address (?v=1 is another).`;
  await poll(() => warnings.includes(said), `${said} in ${JSON.stringify(warnings)}`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('keksi-consent').length), 1);
  assert.deepEqual(errors, []);
  await context.close();
}

const keksiErrors = (errors) => errors.filter((e) => !/a broken shop script/.test(e));

describe('strict CSP', () => {
  test('banner, dialog, notice, placeholder and gated scripts work with zero violations', async () => {
    const { context, page, errors, requests } = await newPage(h.browser);
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(`${h.server.url}/csp.html?vendors=real`);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'nonce-/);
    await keksiReady(page);
    await page.locator('keksi-embed').waitFor();
    await page.locator('keksi-notice [part~="toc"]').waitFor();
    await ui.bannerButton(page, 'settings').click();
    await ui.dialogButton(page, 'accept-all').click();
    await page.waitForFunction(() => window.__fakeGtag?.loaded && window.__fakeFbq && window.shopEvents?.length === 2);
    assert.deepEqual(await page.evaluate(() => window.shopEvents.map((e) => e.replace(/ \d.*/, ''))), ['inline with nonce ran', 'shop-analytics.js loaded']);
    assert.ok(requests.includes('https://www.googletagmanager.com/gtag/js?id=G-PAAHTIMO1'), 'vendor script allowed by the nonce');
    assert.equal(await page.locator('iframe[data-category]').getAttribute('src'), '/embed/video.html');
    assert.equal(await ui.bannerButton(page, 'accept-all').count(), 0);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('faults', () => {
  test('loaded twice, queued calls, a 404 and a throwing gated script, hostile host CSS', async () => {
    const { context, page, errors, warnings } = await newPage(h.browser);
    await page.goto(`${h.server.url}/test/pages/faults.html`);
    await keksiReady(page);
    assert.ok(
      warnings.some((w) => w.startsWith('[keksi] Keksi is loaded twice')),
      warnings.join('\n'),
    );
    assert.equal(await page.locator('keksi-consent').count(), 1);
    assert.equal(await page.evaluate(() => window.__queued), 'function', 'a call queued before load ran');
    // Shadow DOM holds against the page's CSS; parts are the one way in.
    const accept = ui.bannerButton(page, 'accept-all');
    assert.equal(await accept.isVisible(), true);
    const s = await accept.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).outlineColor]);
    assert.deepEqual(s, ['rgb(43, 43, 48)', 'rgb(0, 128, 0)']); // the default accent
    await accept.click();
    await page.waitForFunction(() => window.__ran.length === 4);
    assert.deepEqual(await page.evaluate(() => window.__ran), ['ext-a', 'throws', 'inline-after-throw', 'ext-b']);
    assert.ok(
      warnings.some((w) => /^\[keksi\] the gated script \/test\/fixtures\/missing\.js did not load/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => /^\[keksi\] the gated script http:.*throws\.js threw/.test(w)),
      warnings.join('\n'),
    );
    assert.deepEqual(keksiErrors(errors), []);
    await context.close();
  });

  test('two versions on one page (the ES module build and the IIFE): the first runs, the second says so', async () => {
    const { context, page, errors, warnings } = await newPage(h.browser);
    await page.route(/\/two-versions\.html$/, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head>
          <script type="module" src="/dist/keksi.mjs" data-categories="analytics"></script>
          <script defer src="/dist/keksi.js" data-categories="analytics marketing"></script></head><body><p>Two versions</p></body></html>`,
      }),
    );
    await page.goto(`${h.server.url}/two-versions.html`);
    await keksiReady(page);
    const base = h.server.url;
    const said = `[keksi] Keksi is loaded twice (${base}/dist/keksi.mjs, then ${base}/dist/keksi.js); the second does not run: keep one <script> tag, at one address (?v=1 is another).`;
    await poll(() => warnings.includes(said), `${said} in ${JSON.stringify(warnings)}`);
    assert.equal(await page.locator('keksi-consent').count(), 1);
    await ui.banner(page).waitFor();
    assert.equal(await ui.banner(page).isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the single file twice, once with ?v=1: the message names both addresses and what to do', () => twiceWithQuery(h));

  test('document.cookie that throws: banner, in-memory choice, a [keksi] message, no uncaught error', async () => {
    const { context, page, errors, warnings } = await newPage(h.browser);
    await context.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'cookie', {
        get() {
          throw new Error('SecurityError: cookies are disabled');
        },
        set() {
          throw new Error('SecurityError: cookies are disabled');
        },
      });
    });
    await page.goto(`${h.server.url}/?vendors=real`);
    await keksiReady(page);
    await ui.banner(page).waitFor();
    assert.equal(await ui.banner(page).isVisible(), true);
    await ui.bannerButton(page, 'reject-all').click();
    assert.equal(await page.evaluate(() => window.keksi.getConsent().accepted.join()), 'necessary');
    assert.ok(
      warnings.some((w) => w.startsWith('[keksi]') && /cookie/.test(w)),
      warnings.join('\n'),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('cookies silently blocked: the choice holds for the page and Keksi says so', async () => {
    const { context, page, errors, warnings } = await newPage(h.browser);
    await context.addInitScript(() => {
      const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      Object.defineProperty(Document.prototype, 'cookie', {
        get() {
          return real.get.call(this);
        },
        set() {},
      });
    });
    await page.goto(`${h.server.url}/?vendors=real`);
    await keksiReady(page);
    await ui.bannerButton(page, 'accept-all').click();
    assert.equal(await page.evaluate(() => window.keksi.has('analytics')), true);
    assert.equal(await consentRecord(context), undefined);
    assert.ok(
      warnings.some((w) => w.includes('did not store the consent cookie')),
      warnings.join('\n'),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a tampered cookie is no consent: banner again, no tracker, a [keksi] message', async () => {
    const { context, page, requests, warnings } = await newPage(h.browser);
    await context.addCookies([
      {
        name: 'keksi_consent',
        value: encodeURIComponent('{"v":1,"id":"x","r":0,"t":"2026-01-01T00:00:00Z","a":["analytics","marketing"],"x":[]}'),
        url: h.server.url,
      },
    ]);
    await page.goto(`${h.server.url}/?vendors=real`);
    await keksiReady(page);
    await ui.banner(page).waitFor();
    assert.equal(await ui.banner(page).isVisible(), true);
    assert.deepEqual(requests, []);
    assert.ok(warnings.some((w) => w.startsWith('[keksi] the cookie "keksi_consent"')));
    await context.close();
  });

  test('reload-on-withdraw reloads after a category that already ran is withdrawn', async () => {
    const { context, page } = await newPage(h.browser);
    await context.route(/localhost:\d+\/(\?|$)/, async (route) => {
      const res = await route.fetch();
      route.fulfill({ response: res, body: (await res.text()).replace('data-categories=', 'data-reload-on-withdraw data-categories=') });
    });
    await page.goto(`${h.server.url}/?vendors=real`);
    await keksiReady(page);
    await ui.bannerButton(page, 'accept-all').click();
    await page.evaluate(() => (window.__before = 1));
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.keksi.rejectAll())]);
    await keksiReady(page);
    assert.equal(await page.evaluate(() => window.__before), undefined, 'the page was reloaded');
    assert.deepEqual((await consentRecord(context)).a, []);
    await context.close();
  });

  test('reload-on-withdraw: a service that ran, switched off alone, reloads; switching one on does not', async () => {
    const { context, page } = await newPage(h.browser);
    await context.route(/localhost:\d+\/(\?|$)/, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace('data-categories=', 'data-reload-on-withdraw data-google-ads="AW-123456789" data-categories=');
      route.fulfill({ response: res, body });
    });
    await page.goto(`${h.server.url}/?vendors=real`);
    await keksiReady(page);
    /** Decide in the page; resolves with keksi-change's `changed` (a reload, if any, starts in the same task). */
    const decide = (names) =>
      page.evaluate(
        (names) =>
          new Promise((resolve) => {
            document.addEventListener('keksi-change', (e) => resolve(e.detail.changed), { once: true });
            window.keksi.setConsent(names);
          }),
        names,
      );
    assert.deepEqual(await decide(['analytics', 'marketing:google-ads']), ['analytics', 'marketing', 'analytics:ga', 'marketing:google-ads']);
    await page.evaluate(() => (window.__before = 1));
    // Meta switched on: nothing withdrawn, no reload.
    assert.deepEqual(await decide(['analytics', 'marketing']), ['marketing:meta-pixel']);
    assert.equal(await page.evaluate(() => window.__before), 1, 'not reloaded');
    // Meta switched off again (marketing stays granted with Google Ads): its code ran, so the page reloads.
    await Promise.all([page.waitForEvent('load'), decide(['analytics', 'marketing:google-ads'])]);
    await keksiReady(page);
    assert.equal(await page.evaluate(() => window.__before), undefined, 'the page was reloaded');
    assert.deepEqual((await consentRecord(context)).s, { marketing: ['google-ads'] });
    await context.close();
  });
});

describe('faults in Firefox', () => {
  let firefox;
  before(async () => (firefox = await startHarness({ browser: 'firefox' })));
  after(async () => firefox?.close());
  test('the single file twice, once with ?v=1: the message names both addresses and what to do', () => twiceWithQuery(firefox));
});
