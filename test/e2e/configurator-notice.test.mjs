// The configurator's step 4 (issue 16), the privacy notice, in Chromium and Firefox: filled from the
// template for a shop with GA4 + Meta, the produced notice.json validates against
// schema/notice.schema.json and renders in <keksi-notice> on a fresh page whose cookie section lists
// GA's and Meta's cookies; the produced tietosuojaseloste.html renders under a strict CSP (no inline
// script); each seed pasted into the step shows exactly the findings `keksi check` gives for
// `keksi import` of the same seed; axe, keyboard only, 360 px.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv/dist/2020.js';
import { BROWSERS, startHarness, waitFor } from './harness.mjs';
import { axeViolations, fill, openConfigurator, output, SHOP, visibleWords } from './configurator-kit.mjs';

const SEEDS = ['000-kruununjalokivi.txt', '001-kehobalanssi.txt', '002-kalvokeskus.txt'];
/** A strict policy for a static page: scripts and styles from the site only, nothing inline. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const schema = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('schema/notice.schema.json', 'utf8')));

const click = (page, selector) =>
  page.evaluate((selector) => {
    document.querySelector(selector).click();
    return document.querySelector('keksi-configurator').updateComplete.then(() => document.querySelector('keksi-notice-step')?.updateComplete);
  }, selector);
/** The findings step 4 shows, as "rule: message", sorted. */
const shownFindings = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('keksi-notice-step [data-rule]')]
      .map((li) => `${li.dataset.rule}: ${li.querySelector('.message').textContent.trim()}`)
      .sort(),
  );
const deepText = () => {
  const deep = (root) => [...root.childNodes].map((n) => (n.shadowRoot ? deep(n.shadowRoot) : '') + (n.nodeType === 3 ? n.textContent : deep(n))).join('');
  return deep(document.body);
};

for (const browser of BROWSERS) {
  describe(`configurator step 4 (the privacy notice) in ${browser}`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    async function open(viewport) {
      const p = await openConfigurator(h, viewport);
      assert.ok(await p.page.evaluate(() => !!document.querySelector('keksi-configurator keksi-notice-step')), 'step 4 is on the page');
      return p;
    }

    /** The configurator filled in for a shop with GA4 + Meta, its notice started from the template. */
    async function gaMetaShop() {
      const p = await open();
      const { page } = p;
      await fill(page, 'name', 'Kahvipaahtimo Oy');
      await fill(page, 'business-id', '0112038-9');
      await fill(page, 'address', 'Paahtimokuja 1, 33100 Tampere');
      await fill(page, 'email', 'tietosuoja@kahvipaahtimo.example');
      await fill(page, 'path', '/dist/');
      await fill(page, 'notice-url', '/tietosuojaseloste.html');
      await fill(page, 'ga', 'G-CONF1GA4');
      await fill(page, 'meta-pixel', '1122334455667788');
      await click(page, 'keksi-notice-step button[data-start="template"]');
      await waitFor(page, () => document.querySelector('textarea[name="notice-json"]')?.value.includes('"controller"'));
      return p;
    }

    test('GA4 + Meta from the template: notice.json is valid against the schema and renders in <keksi-notice> with the cookies listed', async () => {
      const { context, page, errors } = await gaMetaShop();
      // Step 1's answers are the controller's fields.
      assert.equal(await page.evaluate(() => document.querySelector('[name="notice.controller.name"]').value), 'Kahvipaahtimo Oy');
      assert.equal(await page.evaluate(() => document.querySelector('[name="notice.controller.businessId"]').value), '0112038-9');
      await fill(page, 'notice.updated', '2026-12-01');
      await fill(page, 'notice.retention', 'Asiakastietoja säilytetään asiakassuhteen ajan ja kirjanpitoaineistoa kirjanpitolain mukaisesti kuusi vuotta.');
      const json = JSON.parse(await output(page, 'notice-json'));
      assert.ok(schema(json), `valid against the schema: ${JSON.stringify(schema.errors)}`);
      assert.equal(json.controller.name, 'Kahvipaahtimo Oy');
      assert.equal(json.controller.email, 'tietosuoja@kahvipaahtimo.example');
      assert.equal(json.updated, '2026-12-01');
      // The cookie section the page will show, generated from step 2, is previewed in step 4.
      const preview = await page.evaluate(() => document.querySelector('keksi-notice-step .cookie-preview').textContent);
      for (const cookie of ['_ga', '_ga_CONF1GA4', '_fbp', '_fbc']) assert.ok(preview.includes(cookie), `the preview lists ${cookie}`);
      const tag = await output(page, 'script-tag-js');
      assert.deepEqual(errors, []);
      await context.close();

      const shop = await h.newPage();
      const served = shop.hold(/\/configured-notice\.html$/);
      const notice = shop.hold(/\/configured-notice\.json$/);
      const loading = shop.page.goto(h.server.url + '/configured-notice.html');
      (await served).fulfill(
        `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Tietosuojaseloste</title>\n${tag}\n<script defer src="/dist/keksi-notice.js"></script>\n</head><body><main><keksi-notice src="/configured-notice.json" heading-level="1"></keksi-notice></main></body></html>`,
        'text/html',
      );
      await loading;
      (await notice).fulfill(JSON.stringify(json), 'application/json');
      await waitFor(shop.page, () => {
        const root = document.querySelector('keksi-notice')?.shadowRoot;
        // The notice itself, not the cookie section <keksi-notice> shows alone while the JSON is on its way.
        return root?.querySelector('#keksi-controller') && root.querySelector('#keksi-cookies')?.parentElement.textContent.includes('_fbp');
      });
      const headings = await shop.page.evaluate(() =>
        [...document.querySelector('keksi-notice').shadowRoot.querySelectorAll('h1, h2')].map((e) => e.textContent.trim()),
      );
      for (const h2 of [
        'Rekisterinpitäjä',
        'Henkilötietojen käsittelyn tarkoitus ja oikeusperuste',
        'Tietojen säilytysaika',
        'Rekisteröidyn oikeudet',
        'Evästeet',
      ])
        assert.ok(headings.includes(h2), `heading ${h2} in ${JSON.stringify(headings)}`);
      const cookies = await shop.page.evaluate(
        () => document.querySelector('keksi-notice').shadowRoot.querySelector('#keksi-cookies').parentElement.textContent,
      );
      for (const cookie of ['_ga', '_ga_CONF1GA4', '_fbp', '_fbc']) assert.ok(cookies.includes(cookie), `the cookie section lists ${cookie}`);
      assert.deepEqual(shop.errors, []);
      assert.deepEqual(
        shop.warnings.filter((w) => /\[keksi\]/.test(w)),
        [],
        'no [keksi] message about the notice',
      );
      await shop.context.close();
    });

    test('GA4 + Meta + a YouTube video (walk 3’s N2): notice.json names YouTube and Google, the notice lists YouTube’s cookies, `keksi check` finds nothing, and a shop with only a video names Google', async () => {
      const { context, page, errors } = await open();
      for (const [name, value] of [...SHOP, ['path', '/dist/'], ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']]) await fill(page, name, value);
      await click(page, 'keksi-notice-step button[data-start="template"]');
      await waitFor(page, () => document.querySelector('textarea[name="notice-json"]')?.value.includes('"controller"'));
      // Nothing typed in step 4: the template's defaults are the notice.
      const json = JSON.parse(await output(page, 'notice-json'));
      assert.ok(schema(json), JSON.stringify(schema.errors));
      const google = json.recipients.list.find((r) => r.name.startsWith('Google'));
      assert.deepEqual([google?.role, google?.country, google?.mechanism], ['Google Analytics, YouTube', 'US', 'dpf'], JSON.stringify(json.recipients.list));
      assert.match(await page.evaluate(() => document.querySelector('keksi-notice-step .cookie-preview').textContent), /YouTube[^]*VISITOR_INFO1_LIVE/);
      // `keksi check` on the same notice.json: nothing, as step 4 shows.
      const file = join(mkdtempSync(join(tmpdir(), 'keksi-n2-')), 'notice.json');
      writeFileSync(file, JSON.stringify(json));
      const checked = spawnSync(process.execPath, ['bin/keksi.mjs', 'check', file, '--json'], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(checked.stdout)[file], [], checked.stdout);
      assert.deepEqual(await shownFindings(page), []);
      const [configure, tag] = [await output(page, 'configure'), await output(page, 'script-tag-js')];
      assert.match(configure ?? '', /"name": "YouTube"/, 'the video is described to Keksi');

      // The notice rendered on a page with the shop's tag: YouTube and its cookies in the cookie section.
      const shop = await h.newPage();
      const served = shop.hold(/\/n2-notice\.html$/);
      const loading = shop.page.goto(h.server.url + '/n2-notice.html');
      (await served).fulfill(
        `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Tietosuojaseloste</title>\n${configure}\n${tag}\n<script defer src="/dist/keksi-notice.js"></script>\n</head><body><main><keksi-notice heading-level="1"><script type="application/json">${JSON.stringify(json).replace(/</g, '\\u003c')}</script></keksi-notice></main></body></html>`,
        'text/html',
      );
      await loading;
      await waitFor(shop.page, () =>
        document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-cookies')?.parentElement.textContent.includes('VISITOR_INFO1_LIVE'),
      );
      const section = await shop.page.evaluate(
        () => document.querySelector('keksi-notice').shadowRoot.querySelector('#keksi-cookies').parentElement.textContent,
      );
      for (const name of ['YouTube', 'YSC', '_ga_CONF1GA4', '_fbp']) assert.ok(section.includes(name), `the cookie section lists ${name}`);
      assert.deepEqual(shop.errors, []);
      await shop.context.close();

      // Only a video: the banner says who else sets cookies (Google), and the video has its own switch.
      for (const name of ['ga', 'meta-pixel']) await fill(page, name, '');
      const [videoConfigure, videoTag, embed] = [await output(page, 'configure'), await output(page, 'script-tag'), await output(page, 'embed-youtube')];
      assert.deepEqual(errors, []);
      await context.close();
      const video = await h.newPage();
      const servedVideo = video.hold(/\/n2-video\.html$/);
      const loadingVideo = video.page.goto(h.server.url + '/n2-video.html');
      (await servedVideo).fulfill(
        `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kauppa</title>\n${videoConfigure}\n${videoTag}\n</head><body><main>${embed}</main></body></html>`,
        'text/html',
      );
      await loadingVideo;
      const bannerText = () => {
        const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
        return deep(document).find((e) => e.matches('[part~="banner"]') && e.getBoundingClientRect().height > 0)?.textContent ?? '';
      };
      await waitFor(video.page, bannerText);
      assert.match(await video.page.evaluate(bannerText), /Evästeitä asettavat myös Google\./);
      assert.equal(await video.page.evaluate(() => document.querySelector('iframe').getAttribute('src')), null, 'no video before consent');
      await video.page.evaluate(() => keksi.setConsent(['marketing:youtube']));
      await waitFor(video.page, () => document.querySelector('iframe').getAttribute('src'));
      assert.equal(await video.page.evaluate(() => document.querySelector('iframe').getAttribute('src')), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
      assert.deepEqual(video.errors, []);
      assert.deepEqual(
        video.warnings.filter((w) => /\[keksi\]/.test(w)),
        [],
        'Keksi has nothing to say about the produced code',
      );
      await video.context.close();
    });

    test('reading time: after "start from the template" only what the shop fills in or confirms is in front (walk 2: 658 words)', async () => {
      const { context, page } = await gaMetaShop();
      const words = await visibleWords(page, 'keksi-notice-step');
      console.log(`# words in step 4 after the template (${browser}): ${words}`);
      // 250 → 230: the retention is proposed (its text is read, not typed), step 1's note is said once, shorter guides.
      assert.ok(words <= 230, `${words} words`);
      // Nothing to type: the template as it is leaves the checker nothing to say, and its proposal is marked to check.
      assert.match(await page.evaluate(() => document.querySelector('keksi-notice-step .summary').textContent), /0 virhettä, 0 varoitusta, 0 huomiota/);
      const marker = () =>
        page.evaluate(() => {
          const field = document.querySelector('[name="notice.retention"]');
          const hints = (field.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id));
          return hints.filter((p) => p?.classList.contains('check-this')).map((p) => p.textContent.replace(/\s+/g, ' ').trim());
        });
      assert.deepEqual(await marker(), ['⚑ Tarkista: Keksin ehdotus palveluidesi tiedoista. Muuta se käytäntösi mukaiseksi.']);
      const front = await page.evaluate(() =>
        [...document.querySelectorAll('keksi-notice-step [name^="notice."]')].filter((f) => f.checkVisibility()).map((f) => f.name),
      );
      assert.ok(front.includes('notice.controller.name') && front.includes('notice.retention'), JSON.stringify(front));
      assert.ok(!front.includes('notice.purposes.0.purpose') && !front.includes('notice.transfers.text'), 'the template’s prose is behind its disclosure');
      // A section the checker has something to say about is open: the retention is in front, and an emptied text opens its section.
      assert.equal(await page.evaluate(() => document.querySelector('summary[data-more="data"]').parentElement.open), false);
      await fill(page, 'notice.data', '');
      await waitFor(page, () => document.querySelector('summary[data-more="data"]').parentElement.open);
      // The notice is complete with the retention written: the template's prose is valid as it is.
      await fill(page, 'notice.data', 'Nimi ja osoite.');
      await fill(page, 'notice.retention', 'Kuusi vuotta tilikauden päättymisestä.');
      assert.match(await page.evaluate(() => document.querySelector('keksi-notice-step .summary').textContent), /0 virhettä, 0 varoitusta/);
      assert.deepEqual(await marker(), [], 'the shop’s own text is not marked');
      await context.close();
    });

    test('the data protection officer and the EU representative, when the shop has them, are fields of the form', async () => {
      const { context, page, errors } = await gaMetaShop();
      await fill(page, 'notice.dpo.name', 'Tietosuojapalvelu Esimerkki Oy');
      await fill(page, 'notice.dpo.email', 'tsv@tietosuojapalvelu.example');
      await fill(page, 'notice.representative.name', 'Edustaja Esimerkki GmbH');
      const json = JSON.parse(await output(page, 'notice-json'));
      assert.deepEqual(json.dpo, { name: 'Tietosuojapalvelu Esimerkki Oy', email: 'tsv@tietosuojapalvelu.example' });
      assert.deepEqual(json.representative, { name: 'Edustaja Esimerkki GmbH' });
      assert.ok(schema(json), JSON.stringify(schema.errors));
      // Optional: behind their disclosures, closed until opened.
      assert.deepEqual(
        await page.evaluate(() => ['dpo', 'representative'].map((k) => document.querySelector(`summary[data-more="${k}"]`)?.parentElement.open)),
        [false, false],
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the produced tietosuojaseloste.html renders under a strict CSP with no inline script', async () => {
      const { context, page } = await gaMetaShop();
      const html = await output(page, 'notice-page');
      await context.close();
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, 'every script is a file or a JSON data block');
      assert.doesNotMatch(html, /<style|style=/, 'no inline style either');

      const shop = await h.newPage();
      const served = shop.hold(/\/tietosuojaseloste-test\.html$/);
      const loading = shop.page.goto(h.server.url + '/tietosuojaseloste-test.html');
      (await served).fulfill(html, 'text/html', { 'content-security-policy': STRICT_CSP });
      await loading;
      await waitFor(shop.page, () => document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-controller'));
      await waitFor(shop.page, () =>
        document.querySelector('keksi-notice').shadowRoot.querySelector('#keksi-cookies').parentElement.textContent.includes('_ga_CONF1GA4'),
      );
      const text = await shop.page.evaluate(deepText);
      assert.match(text, /Kahvipaahtimo Oy/);
      assert.match(text, /0112038-9/);
      assert.match(text, /_fbp/);
      assert.ok(await shop.page.evaluate(() => document.querySelector('keksi-consent')?.store), 'the banner’s Keksi runs on the page too');
      assert.deepEqual(shop.errors, []);
      assert.deepEqual(
        shop.warnings.filter((w) => /Content.Security.Policy|CSP|\[keksi\]/i.test(w)),
        [],
        'no CSP violation, no [keksi] message',
      );
      await shop.context.close();
    });

    for (const seed of SEEDS) {
      test(`seed ${seed} pasted into step 4: the findings shown equal \`keksi check\` of \`keksi import\``, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'keksi-seed-'));
        const file = join(dir, 'notice.json');
        const imported = spawnSync(process.execPath, ['bin/keksi.mjs', 'import', `test/fixtures/seeds/${seed}`, '-o', file], { encoding: 'utf8' });
        assert.equal(imported.status, 0, imported.stderr);
        const checked = spawnSync(process.execPath, ['bin/keksi.mjs', 'check', file, '--json'], { encoding: 'utf8' });
        const report = JSON.parse(checked.stdout)[file];
        const cli = report.map((f) => `${f.rule}: ${f.message.fi}`).sort();
        assert.ok(cli.length > 5, 'the seed has findings');

        const { context, page, errors } = await open();
        await fill(page, 'notice-source', readFileSync(`test/fixtures/seeds/${seed}`, 'utf8'));
        await click(page, 'keksi-notice-step button[data-start="import"]');
        assert.deepEqual(await shownFindings(page), cli);
        assert.deepEqual(JSON.parse(await output(page, 'notice-json')), JSON.parse(readFileSync(file, 'utf8')), 'the same notice as the CLI made');
        // The summary counts them by severity.
        const summary = await page.evaluate(() => document.querySelector('keksi-notice-step .summary').textContent);
        const count = (s) => report.filter((f) => f.severity === s).length;
        assert.match(summary, new RegExp(`${count('error')} virhe`));
        assert.match(summary, new RegExp(`${count('warning')} varoitus`));
        // Each finding is tied to its field (aria-describedby), and an error is told in words, not colour only.
        const tied = await page.evaluate(() =>
          [...document.querySelectorAll('keksi-notice-step .findings[id]')].map((list) => ({
            id: list.id,
            fields: [...document.querySelectorAll('keksi-notice-step [aria-describedby]')].filter((f) =>
              f.getAttribute('aria-describedby').split(' ').includes(list.id),
            ).length,
            general: list.classList.contains('general'),
            words: [...list.querySelectorAll('[data-rule]')].every((li) => /^(Virhe|Varoitus|Huomio):/.test(li.querySelector('.severity').textContent.trim())),
          })),
        );
        for (const t of tied) {
          assert.ok(t.general || t.fields > 0, `${t.id} describes a field`);
          assert.ok(t.words, `${t.id}: severity in words`);
        }
        assert.deepEqual(errors, []);
        await context.close();
      });
    }

    test('the notice survives a reload, and "start over" clears it', async () => {
      const { context, page } = await gaMetaShop();
      await fill(page, 'notice.retention', 'Kuusi vuotta tilikauden päättymisestä.');
      const before = await output(page, 'notice-json');
      await page.reload();
      await waitFor(page, () => document.querySelector('textarea[name="notice-json"]')?.value.includes('Kuusi vuotta'));
      assert.equal(await output(page, 'notice-json'), before);
      await click(page, 'keksi-configurator .save button:last-of-type');
      assert.equal(await output(page, 'notice-json'), null, 'no notice after starting over');
      await context.close();
    });

    test('keyboard only: start from the template, edit the controller, copy notice.json; focus never drops to the page', async () => {
      const { context, page } = await open();
      await fill(page, 'name', 'Kahvipaahtimo Oy');
      await page.evaluate(() => document.querySelector('[name="notice-source"]').focus());
      const active = () =>
        page.evaluate(() => {
          const a = document.activeElement;
          return (
            a?.getAttribute('name') ||
            a?.dataset.start ||
            a?.dataset.for ||
            (a?.dataset.add && 'add ' + a.dataset.add) ||
            (a?.dataset.more && 'more ' + a.dataset.more) ||
            a?.textContent.trim() ||
            a?.localName
          );
        });
      const tabTo = async (name) => {
        for (let i = 0; i < 80 && (await active()) !== name; i++) {
          await page.keyboard.press('Tab');
          assert.notEqual(await active(), 'body', 'focus never drops to the page');
        }
        assert.equal(await active(), name);
      };
      await tabTo('template');
      await page.keyboard.press('Enter');
      await waitFor(page, () => document.querySelector('textarea[name="notice-json"]')?.value.includes('Kahvipaahtimo Oy'));
      await tabTo('notice.controller.phone');
      await page.keyboard.type('+358 40 123 4567');
      await waitFor(page, () => document.querySelector('textarea[name="notice-json"]').value.includes('+358 40 123 4567'));
      // The purposes are the template's, behind their disclosure: opened by keyboard. Removing a purpose by
      // keyboard: focus goes to "add a purpose", not to the page.
      await tabTo('more purposes');
      await page.keyboard.press('Enter');
      await waitFor(page, () => document.querySelector('keksi-notice-step summary[data-more="purposes"]').parentElement.open);
      await tabTo('Poista tarkoitus 4');
      await page.keyboard.press('Enter');
      await waitFor(page, () => !JSON.parse(document.querySelector('textarea[name="notice-json"]').value).purposes.some((p) => /evästeet/.test(p.purpose)));
      assert.equal(await active(), 'add purposes');
      await tabTo('notice-json');
      await page.keyboard.press('Tab');
      assert.equal(await active(), 'notice-json', 'the copy button for notice.json follows it');
      await page.keyboard.press('Enter');
      await waitFor(page, () => document.querySelector('keksi-notice-step .status').textContent.trim() === 'Kopioitu');
      await context.close();
    });

    test('at 360 px nothing in step 4 is wider than the page', async () => {
      const { context, page } = await open(browser === 'chromium' ? { width: 360, height: 740 } : undefined);
      if (browser !== 'chromium') await page.evaluate(() => Object.assign(document.body.style, { width: '360px', margin: '0' }));
      await fill(page, 'ga', 'G-CONF1GA4');
      await fill(page, 'notice-source', readFileSync('test/fixtures/seeds/001-kehobalanssi.txt', 'utf8'));
      await click(page, 'keksi-notice-step button[data-start="import"]');
      const wider = await page.evaluate(() =>
        [...document.querySelectorAll('keksi-notice-step *')]
          .filter((e) => e.getBoundingClientRect().right > 360.5)
          .map((e) => `${e.localName}${e.getAttribute('name') ? `[name=${e.getAttribute('name')}]` : ''}`),
      );
      assert.deepEqual(wider, []);
      if (browser === 'chromium') assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll');
      await context.close();
    });

    test('axe finds nothing in step 4, with findings showing', async () => {
      const { context, page } = await gaMetaShop();
      await fill(page, 'notice-source', readFileSync('test/fixtures/seeds/002-kalvokeskus.txt', 'utf8'));
      const run = () => axeViolations(page, [['keksi-notice-step']]);
      assert.deepEqual(await run(), [], 'from the template');
      await click(page, 'keksi-notice-step button[data-start="import"]');
      assert.ok((await shownFindings(page)).length > 0);
      assert.deepEqual(await run(), [], 'an imported seed with findings');
      await context.close();
    });
  });
}
