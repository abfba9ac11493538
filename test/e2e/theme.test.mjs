// Theme-proof: Keksi on pages whose own CSS does what real shop themes do (test/pages/theme.html:
// root font size 62.5 %, grid, flex and multi-column bodies, transformed bodies, sticky headers, a
// z-index 9999 cart bar, rules for the body's children, aggressive resets), measured by computed
// geometry in Chromium and Firefox: text size, banner width, no box for the host, no layout shift,
// the banner and the reopen button in the viewport.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, settled, startHarness, waitFor } from './harness.mjs';

/** Open the fixture with theme rules `t` as a first-time visitor; resolves once the banner is shown and settled. */
async function open(h, t) {
  // Chromium at 1280×800; Firefox at puppeteer's 800×600 (its viewport override is not in Firefox's WebDriver BiDi).
  const p = await h.newPage();
  await p.page.goto(`${h.server.url}/test/pages/theme.html?t=${t}`);
  await waitFor(p.page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]')?.shadowRoot?.querySelector('.banner'));
  await settled(p.page);
  return p;
}

/** The banner's box, its text size and its viewport, in the page. */
const bannerGeometry = (page) =>
  page.evaluate(() => {
    const box = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('.banner');
    const r = box.getBoundingClientRect();
    const center = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      top: r.top,
      bottom: r.bottom,
      width: r.width,
      maxWidth: getComputedStyle(box).maxWidth,
      text: parseFloat(getComputedStyle(box.querySelector('p')).fontSize),
      buttonText: parseFloat(getComputedStyle(box.querySelector('button')).fontSize),
      title: parseFloat(getComputedStyle(box.querySelector('h2')).fontSize),
      onTop: center?.localName === 'keksi-consent',
      viewport: innerHeight,
    };
  });

const LAYOUTS = ['grid', 'flex', 'columns', 'children', 'owl', 'reset', 'root62,grid,sticky', 'reset-buttons,reset-hidden'];
const CONTAINING = ['transform', 'filter', 'contain', 'will-change', 'perspective'];

for (const browser of BROWSERS) {
  describe(`${browser}: theme-proof`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('html { font-size: 62.5% }: the banner keeps 16 px text and its full width', async () => {
      const { context, page } = await open(h, 'root62');
      const g = await bannerGeometry(page);
      assert.ok(g.text >= 16, `text ${g.text}px`);
      assert.ok(g.buttonText >= 16, `button text ${g.buttonText}px`);
      assert.ok(g.title > g.text, `title ${g.title}px`);
      assert.ok(g.width >= 700, `banner ${g.width}px wide`);
      await context.close();
    });

    test('--keksi-font-size sets the base of every size in the banner', async () => {
      const { context, page } = await open(h, 'root62');
      await page.evaluate(() => document.querySelector('keksi-consent').style.setProperty('--keksi-font-size', '20px'));
      const g = await bannerGeometry(page);
      assert.equal(g.text, 20);
      assert.equal(g.maxWidth, '920px');
      await context.close();
    });

    for (const t of LAYOUTS) {
      test(`${t}: the page's own boxes do not move when Keksi comes, and its host has no box`, async () => {
        const { context, page } = await open(h, t);
        const after = await page.evaluate(() =>
          [...document.querySelectorAll('body > header, body > .announcement, body > main, body > footer')].map((e) =>
            JSON.stringify(e.getBoundingClientRect()),
          ),
        );
        assert.deepEqual(after, await page.evaluate(() => window.__before));
        const host = await page.evaluate(() => {
          const r = document.querySelector('keksi-consent').getBoundingClientRect();
          return [r.width, r.height];
        });
        assert.deepEqual(host, [0, 0]);
        if (browser === 'chromium') assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
        const g = await bannerGeometry(page);
        assert.ok(g.top >= 0 && g.bottom <= g.viewport, `banner at ${g.top}–${g.bottom} of ${g.viewport}`);
        assert.ok(g.text >= 16, `text ${g.text}px`);
        assert.ok(g.onTop, 'the banner is on top of the page');
        await context.close();
      });
    }

    test('demo/dawn.html (a Dawn-style shop): nothing moves, 16 px text, the banner above the cart bar, its host no box', async () => {
      const { context, page } = await h.newPage();
      const init = () => {
        window.__shifts = [];
        if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift'))
          new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
        const rects = () =>
          [...document.body.children].filter((e) => e.localName !== 'keksi-consent').map((e) => e.className + JSON.stringify(e.getBoundingClientRect()));
        window.__rects = rects;
        document.addEventListener('DOMContentLoaded', () => (window.__before = rects()));
      };
      await (page.addInitScript ? page.addInitScript(init) : page.evaluateOnNewDocument(init));
      await page.goto(`${h.server.url}/dawn.html`);
      await waitFor(page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]')?.shadowRoot?.querySelector('.banner'));
      await settled(page);
      assert.deepEqual(await page.evaluate(() => window.__rects()), await page.evaluate(() => window.__before));
      if (browser === 'chromium') assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
      assert.equal(await page.evaluate(() => document.querySelector('keksi-consent').getBoundingClientRect().height), 0);
      const g = await bannerGeometry(page);
      assert.ok(g.text >= 16 && g.buttonText >= 16, `text ${g.text}px, buttons ${g.buttonText}px`);
      assert.ok(g.width >= 700, `banner ${g.width}px wide`);
      assert.ok(g.top >= 0 && g.bottom <= g.viewport && g.onTop, 'in the viewport, on top');
      await context.close();
    });

    for (const t of CONTAINING) {
      test(`body { ${t} } on a long page: the banner, then the reopen button, stay in the viewport`, async () => {
        const { context, page } = await open(h, t);
        const g = await bannerGeometry(page);
        assert.ok(g.top >= 0 && g.bottom <= g.viewport, `banner at ${g.top}–${g.bottom} of ${g.viewport}`);
        assert.ok(g.onTop, 'the banner is on top of the z-index 9999 cart bar');
        await page.evaluate(() => document.querySelector('keksi-consent').rejectAll());
        await waitFor(page, () => {
          const b = document.querySelector('keksi-consent').shadowRoot.querySelector('[part~="reopen"]');
          return b && !b.hidden;
        });
        const reopen = await page.evaluate(() => {
          const r = document.querySelector('keksi-consent').shadowRoot.querySelector('[part~="reopen"]').getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, viewport: innerHeight };
        });
        assert.ok(reopen.top >= 0 && reopen.bottom <= reopen.viewport, `reopen button at ${reopen.top}–${reopen.bottom} of ${reopen.viewport}`);
        await context.close();
      });
    }
  });
}
