// A decoy of Keksi's tag with a made-up nonce, Chromium and Firefox. Under `script-src 'self' 'nonce-…'`
// injected HTML `<script src="/dist/keksi.js" nonce="made-up">` runs (a file on the shop's own server is
// allowed by 'self'; the nonce is not checked), and "a Keksi tag with a nonce" took over the shop's
// configuration: its cookie-name pointed at a search cookie the attacker writes, shaped as a consent to
// everything, and the shop's marketing embed loaded. When Keksi's tags carry different nonces, neither's
// configuration is believed: Keksi does not start (nothing optional runs) and says so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, newPage, poll, startHarness } from './harness.mjs';

const NONCE = 'aG9sZHMtZGVjb3k=';
/** A search cookie whose value the attacker chooses (?q=…), shaped as a consent to everything. */
const FORGED = JSON.stringify({ v: 1, id: '0f0e0d0c-1111-4222-8333-444455556666', r: 0, t: new Date().toISOString(), a: ['analytics', 'marketing'], x: [] });
const SEARCH = `<script nonce="${NONCE}">window.__ran = []; const q = new URLSearchParams(location.search).get('q');
  if (q) document.cookie = 'last_search=' + encodeURIComponent(q) + '; path=/';</script>`;
const SHOP_MARKETING =
  `<script type="text/plain" data-category="marketing" nonce="${NONCE}">window.__ran.push('marketing');</script>` +
  '<iframe data-category="marketing" data-src="/test/fixtures/holds-frame.html" title="Video"></iframe>';
const DECOY = (src) => `<script src="${src}" nonce="made-up" data-categories="analytics marketing" data-cookie-name="last_search"></script>`;
const SHOP = (attrs) => `<script nonce="${NONCE}" ${attrs} data-categories="analytics marketing"></script>`;

for (const browser of BROWSERS) {
  describe(`a decoy Keksi tag with a made-up nonce (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [what, head, body] of [
      ["the shop's deferred tag in <head>, the decoy in <body>", SHOP('defer src="/dist/keksi.js"'), DECOY('/dist/keksi.js')],
      // The shop's async tag may run after the decoy's copy has seen the page parsed: it still counts.
      ["the shop's async tag in <head>, the decoy in <body>", SHOP('async src="/dist/keksi.js"'), DECOY('/dist/keksi.js')],
      ["the shop's tag at the end of <body>, after the decoy", '', DECOY('/dist/keksi.js') + '<p>More</p>' + SHOP('src="/dist/keksi.js"')],
      ["the shop's module tag, the decoy of the single file", SHOP('type="module" src="/dist/keksi.mjs"'), DECOY('/dist/keksi.js')],
    ]) {
      test(`${what}: neither configuration is believed, nothing optional runs, a [keksi] message`, async () => {
        const opened = await newPage(h.browser);
        const { context, page, errors, warnings, hold } = opened;
        const served = hold(/\/shop\.html/).then((r) =>
          r.fulfill(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>${SEARCH}${head}${SHOP_MARKETING}</head>
            <body><h1>Search results</h1><p>You searched: ${body}</p><p>No results.</p></body></html>`,
            'text/html',
            { 'content-security-policy': `script-src 'self' 'nonce-${NONCE}'` },
          ),
        );
        await page.goto(`${h.server.url}/shop.html?q=${encodeURIComponent(FORGED)}`, { waitUntil: 'domcontentloaded' });
        await served;
        const embed = () => page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src'));
        const distrusted = () => warnings.some((w) => w.startsWith('[keksi] ') && /different nonces/.test(w));
        // Either Keksi refused (the message), or the decoy's configuration let the embed load.
        await poll(async () => distrusted() || (await embed()), 'the [keksi] message or the embed loaded', 15000);
        assert.deepEqual(
          { embed: await embed(), ran: await page.evaluate(() => window.__ran), distrusted: distrusted(), errors },
          { embed: null, ran: [], distrusted: true, errors: [] },
        );
        await context.close();
      });
    }
  });
}

// The shop's deferred single file runs, and starts (the page is parsed), before the decoy module after it
// in the page runs: the decoy finds Keksi started and stops ("loaded twice"); the shop's configuration holds.
for (const browser of BROWSERS) {
  describe(`a decoy module tag after the shop's deferred single file (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test("the shop's configuration holds, the decoy's is not read", async () => {
      const { context, page, errors, warnings, hold } = await newPage(h.browser);
      const served = hold(/\/shop\.html/).then((r) =>
        r.fulfill(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>${SEARCH}${SHOP('defer src="/dist/keksi.js"')}${SHOP_MARKETING}</head>
          <body><h1>Search results</h1><p>You searched: ${DECOY('/dist/keksi.mjs').replace('<script', '<script type="module"')}</p></body></html>`,
          'text/html',
          { 'content-security-policy': `script-src 'self' 'nonce-${NONCE}'` },
        ),
      );
      await page.goto(`${h.server.url}/shop.html?q=${encodeURIComponent(FORGED)}`, { waitUntil: 'domcontentloaded' });
      await served;
      const shown = () => page.evaluate(() => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
      const embed = () => page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src'));
      await poll(async () => (await shown()) || (await embed()), "the shop's banner or the embed loaded", 15000);
      assert.deepEqual(
        {
          shown: await shown(),
          embed: await embed(),
          ran: await page.evaluate(() => window.__ran),
          twice: warnings.filter((w) => /loaded twice/.test(w)).length,
          errors,
        },
        { shown: true, embed: null, ran: [], twice: 1, errors: [] },
      );
      await context.close();
    });
  });
}

// Under `script-src 'nonce-…'` alone (no 'self') the decoy never runs: the browser blocks it. It must not
// count as one of Keksi's tags either, or one injected tag with a made-up nonce would stop Keksi on every
// shop with a strict policy (no banner; a denial of service). Only copies that ran count, and one that may
// still run (async) is waited for: the page's load event.
for (const browser of BROWSERS) {
  describe(`a blocked decoy with a made-up nonce under a nonce-only policy (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [what, head, body] of [
      ["the shop's deferred tag in <head>, the decoy in <body>", SHOP('defer src="/dist/keksi.js"'), DECOY('/dist/keksi.js')],
      ["the shop's module tag, the decoy of the single file", SHOP('type="module" src="/dist/keksi.mjs"'), DECOY('/dist/keksi.js')],
      [
        "the shop's module tag, an async decoy of the module build",
        SHOP('type="module" src="/dist/keksi.mjs"'),
        DECOY('/dist/keksi.mjs?v=2').replace('<script', '<script type="module" async'),
      ],
      [
        "the shop's tag at the end of <body>, after an async decoy",
        '',
        DECOY('/dist/keksi.js').replace('<script', '<script async') + SHOP('src="/dist/keksi.js"'),
      ],
    ]) {
      test(`${what}: Keksi starts on the shop's tag and shows its banner`, async () => {
        const { context, page, errors, warnings, hold } = await newPage(h.browser);
        const served = hold(/\/shop\.html/).then((r) =>
          r.fulfill(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>${SEARCH}${head}${SHOP_MARKETING}</head>
            <body><h1>Search results</h1><p>You searched: ${body}</p><p>No results.</p></body></html>`,
            'text/html',
            { 'content-security-policy': `script-src 'nonce-${NONCE}'` },
          ),
        );
        await page.goto(`${h.server.url}/shop.html?q=${encodeURIComponent(FORGED)}`, { waitUntil: 'domcontentloaded' });
        await served;
        const shown = () => page.evaluate(() => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
        const refused = () => warnings.filter((w) => w.startsWith('[keksi] ') && /nonce|does not start|could not be loaded/.test(w));
        await poll(async () => refused().length || (await shown()), 'the banner or a [keksi] refusal', 15000);
        const embed = await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src'));
        assert.deepEqual(
          // Firefox logs the policy's block of the decoy as an error: the browser's, not Keksi's.
          {
            shown: await shown(),
            refused: refused(),
            embed,
            ran: await page.evaluate(() => window.__ran),
            errors: errors.filter((e) => !/Content-Security-Policy/.test(e)),
          },
          { shown: true, refused: [], embed: null, ran: [], errors: [] },
        );
        await context.close();
      });
    }
  });
}

// The module build knows its tag only by address, and one module runs once however many tags ask for it:
// an injected `<script type="module">` at the address of the shop's module tag, with a made-up nonce, made
// the tag ambiguous. Keksi then ignored the shop's data-* and took a nonce no element has, so no gated script
// of the shop's ran after "accept all": one injected tag switched the shop's consent off (a denial of service).
// An inline script runs only with the page's nonce under `script-src 'nonce-…'` and `'self' 'nonce-…'`: that
// probe tells the shop's tag. Under 'strict-dynamic' a script-inserted inline script runs whatever its nonce
// (Chromium and Firefox), so no probe can tell: Keksi stays as before there, failing closed (the decoy's
// configuration is not believed either, and nothing optional runs).
for (const browser of BROWSERS) {
  describe(`a decoy at the address of the shop's module tag (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    for (const [policy, told] of [
      [`script-src 'nonce-${NONCE}'`, true],
      [`script-src 'self' 'nonce-${NONCE}'`, true],
      // The probe's script text through Keksi's Trusted Types policy, the one its gated scripts use.
      [`script-src 'nonce-${NONCE}'; require-trusted-types-for 'script'; trusted-types keksi lit-html`, true],
      [`script-src 'nonce-${NONCE}' 'strict-dynamic'`, false],
    ]) {
      test(`${policy}: ${told ? "the shop's tag is Keksi's, its nonce and data-* hold" : 'neither tag is believed, nothing optional runs'}`, async () => {
        const { context, page, errors, warnings, hold } = await newPage(h.browser);
        const served = hold(/\/shop\.html/).then((r) =>
          r.fulfill(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>${SEARCH}${SHOP('type="module" src="/dist/keksi.mjs"')}${SHOP_MARKETING}</head>
            <body><h1>Search results</h1><p>You searched: ${DECOY('/dist/keksi.mjs').replace('<script', '<script type="module"')}</p></body></html>`,
            'text/html',
            { 'content-security-policy': policy },
          ),
        );
        await page.goto(`${h.server.url}/shop.html?q=${encodeURIComponent(FORGED)}`, { waitUntil: 'domcontentloaded' });
        await served;
        const shown = () => page.evaluate(() => !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
        const embed = () => page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src'));
        await poll(async () => (await shown()) || (await embed()), "the shop's banner or the embed loaded", 15000);
        const before = { shown: await shown(), embed: await embed(), ran: await page.evaluate(() => window.__ran) };
        await page.evaluate(() => window.keksi.acceptAll());
        const cookie = async () => (await context.cookies()).map((c) => c.name).filter((n) => n != 'last_search');
        await poll(async () => (await cookie()).length, 'the choice stored', 15000);
        // Told: the shop's gated script runs with its nonce. Not told: Keksi refuses it ("no nonce") at once.
        const refusedGated = () => warnings.some((w) => /window\.__ran\.push\('marketing'\).*no nonce; not run/.test(w));
        await poll(async () => (await page.evaluate(() => window.__ran.length)) || refusedGated(), "the shop's gated script ran or was refused", 15000);
        assert.deepEqual(
          {
            before,
            ran: await page.evaluate(() => window.__ran),
            cookie: await cookie(),
            ambiguous: warnings.filter((w) => /several <script> tags/.test(w)).length,
            // The browsers log the policy's block of the decoy (and of a probe) as errors: theirs, not Keksi's.
            errors: errors.filter((e) => !/Content-Security-Policy/.test(e)),
          },
          {
            before: { shown: true, embed: null, ran: [] },
            ran: told ? ['marketing'] : [],
            cookie: ['keksi_consent'],
            ambiguous: told ? 0 : 1,
            errors: [],
          },
        );
        await context.close();
      });
    }
  });
}

// attack4: the probe against a hostile page. Injected HTML cannot make a made-up nonce's probe run, nor the
// shop's fail into believing the decoy: clobbered names (document's createElement and head, a form or image
// named `self`) leave the page's own properties read through the prototypes; a report-only
// policy blocks nothing, so the made-up nonce's probe runs and nothing is believed; a policy in a <meta> of the
// shop's is enforced like the header. No probe's global is left on window.
for (const browser of BROWSERS) {
  describe(`the decoy module tag's probe on a hostile page (${browser})`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    const enforced = `script-src 'self' 'nonce-${NONCE}'`;
    for (const [what, headers, head, body, told] of [
      ['report-only policy', { 'content-security-policy-report-only': enforced }, '', '', false],
      ['the policy in a <meta> of the shop', {}, `<meta http-equiv="Content-Security-Policy" content="${enforced}">`, '', true],
      [
        'names clobbered by the injected HTML',
        { 'content-security-policy': enforced },
        '',
        '<form name="head"></form><form name="scripts"></form><img name="currentScript"><iframe name="self"></iframe><img id="__keksi">',
        true,
      ],
      [
        'a decoy whose nonce is empty, as the shop’s attribute reads when hidden',
        { 'content-security-policy': enforced },
        '',
        '<script type="module" src="/dist/keksi.mjs" nonce=""></script>',
        true,
      ],
    ]) {
      test(`${what}: ${told ? "the shop's tag is Keksi's" : 'neither tag is believed'}`, async () => {
        const { context, page, errors, warnings, hold } = await newPage(h.browser);
        const served = hold(/\/shop\.html/).then((r) =>
          r.fulfill(
            `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>Search</title>${SEARCH}${SHOP('type="module" src="/dist/keksi.mjs"')}${SHOP_MARKETING}</head>
            <body><h1>Search results</h1><p>You searched: ${DECOY('/dist/keksi.mjs').replace('<script', '<script type="module"')}${body}</p></body></html>`,
            'text/html',
            headers,
          ),
        );
        await page.goto(`${h.server.url}/shop.html?q=${encodeURIComponent(FORGED)}`, { waitUntil: 'domcontentloaded' });
        await served;
        const settled = () =>
          page.evaluate(
            () =>
              !!document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]') ||
              !!document.querySelector('iframe[data-category]').getAttribute('src'),
          );
        const ambiguous = () => warnings.filter((w) => /several <script> tags/.test(w)).length;
        await poll(async () => (await settled()) || ambiguous(), "the shop's banner, the embed, or the ambiguity said", 15000);
        await page.evaluate(() => window.keksi.acceptAll());
        const refusedGated = () => warnings.some((w) => /window\.__ran\.push\('marketing'\).*no nonce; not run/.test(w));
        await poll(async () => (await page.evaluate(() => window.__ran.length)) || refusedGated(), "the shop's gated script ran or was refused", 15000);
        assert.deepEqual(
          {
            ran: await page.evaluate(() => window.__ran),
            embed: await page.evaluate(() => document.querySelector('iframe[data-category]').getAttribute('src')),
            cookies: (await context.cookies()).map((c) => c.name).sort(),
            ambiguous: ambiguous(),
            leaked: await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__keksi'))),
            errors: errors.filter((e) => !/Content-Security-Policy|Trusted Type/i.test(e)),
          },
          {
            ran: told ? ['marketing'] : [],
            embed: told ? '/test/fixtures/holds-frame.html' : null,
            cookies: ['keksi_consent', 'last_search'],
            ambiguous: told ? 0 : 1,
            leaked: [],
            errors: [],
          },
        );
        await context.close();
      });
    }
  });
}
