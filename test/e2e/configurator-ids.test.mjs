// Where to find the IDs (issue 16, walk 4: fetching the IDs from the dashboards took a minute): under each
// service's ID field a closed disclosure says where in the vendor's dashboard the ID is, in fi, sv and en,
// for every integration Keksi has. Closed, it adds only its summary to the five-minute path's words.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, startHarness } from './harness.mjs';
import { axeViolations, openConfigurator } from './configurator-kit.mjs';

const ATTRS = ['ga', 'google-ads', 'gtm', 'meta-pixel', 'matomo', 'clarity', 'hotjar', 'uet', 'tiktok-pixel', 'pinterest-tag', 'linkedin-partner'];
/** What each hint must name: the ID's own form where it has one, else the vendor's place for it. */
const NAMES = {
  ga: /G-…/,
  'google-ads': /AW-…/,
  gtm: /GTM-…/,
  'meta-pixel': /Events Manager/,
  matomo: /Matomo/,
  clarity: /Clarity/,
  hotjar: /Hotjar/,
  uet: /UET/,
  'tiktok-pixel': /TikTok/,
  'pinterest-tag': /Pinterest/,
  'linkedin-partner': /Insight Tag/,
};

for (const browser of BROWSERS) {
  describe(`configurator: where to find the IDs in ${browser}`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('each ID field has a closed "where is it" disclosure in fi, sv and en; axe clean at 360 px with them open', async () => {
      const { context, page } = await openConfigurator(h, browser === 'chromium' ? { width: 360, height: 740 } : undefined);
      // Chromium's viewport; Firefox's body (its viewport override is not in WebDriver BiDi), as configurator.test.mjs does.
      if (browser !== 'chromium') await page.evaluate(() => Object.assign(document.body.style, { width: '360px', margin: '0' }));
      const seen = {};
      for (const lang of ['fi', 'sv', 'en']) {
        const hints = await page.evaluate(async (lang) => {
          const select = document.querySelector('#ui-lang');
          select.value = lang;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await document.querySelector('keksi-configurator').updateComplete;
          return Object.fromEntries(
            [...document.querySelectorAll('keksi-configurator details.where')].map((d) => [
              d.dataset.for,
              {
                open: d.open,
                summary: d.querySelector('summary').textContent.trim(),
                text: d.querySelector('p').textContent.trim(),
                after: d.previousElementSibling?.querySelector('input')?.name,
              },
            ]),
          );
        }, lang);
        assert.deepEqual(Object.keys(hints).sort(), [...ATTRS].sort(), `${lang}: every integration has its hint`);
        for (const attr of ATTRS) {
          const hint = hints[attr];
          assert.equal(hint.open, false, `${lang} ${attr}: closed`);
          assert.equal(hint.after, attr, `${lang} ${attr}: right under its field`);
          assert.match(hint.text, NAMES[attr], `${lang} ${attr}: ${hint.text}`);
          assert.ok(hint.summary && hint.text.split(/\s+/).length >= 6, `${lang} ${attr}: a summary and a sentence`);
        }
        seen[lang] = hints.ga.text;
      }
      assert.equal(new Set(Object.values(seen)).size, 3, 'each language has its own text');
      await page.evaluate(() => {
        document.querySelector('keksi-configurator details.more').open = true;
        for (const d of document.querySelectorAll('keksi-configurator details.where')) d.open = true;
        return document.querySelector('keksi-configurator').updateComplete;
      });
      assert.deepEqual(await axeViolations(page, ['keksi-configurator form > fieldset:nth-of-type(2)']), []);
      const wider = await page.evaluate(() =>
        [...document.querySelectorAll('keksi-configurator details.where *')].filter((e) => e.getBoundingClientRect().right > 360.5).map((e) => e.localName),
      );
      assert.deepEqual(wider, [], 'the open hints fit in 360 px');
      await context.close();
    });
  });
}
