// The gallery (demo/gallery.html, issue 13): every variant of the banner and the dialog is a live Keksi
// in a frame of its own (demo/gallery-frame.html). In Chromium and Firefox, each frame, scrolled to (they
// load lazily), shows the banner or the dialog in its language, at its position, in its colour scheme and
// accent (computed styles, read through the same-origin frames), with no console message, no page error and
// no focus taken from the gallery. In Chromium also: the pinned light and dark colours equal Keksi's own
// dark mode (prefers-color-scheme), and the page works at 360 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { translations } from '../../dist/esm/i18n/all.js';
import { BROWSERS, cookieNames, settled, startHarness, ui, waitFor } from './harness.mjs';

const ACCENT = { light: 'rgb(43, 43, 48)', dark: 'rgb(232, 232, 237)', brand: 'rgb(180, 83, 31)' };
const BG = { light: 'rgb(255, 255, 255)', dark: 'rgb(29, 29, 31)' };

/** What frame `i` of the gallery shows, read in the gallery page; null until Keksi has shown it. */
const frameState = (i) => {
  const f = document.querySelectorAll('.variants iframe')[i];
  const root = f.contentDocument?.querySelector('keksi-consent')?.shadowRoot;
  const view = f.dataset.view;
  const host = root?.querySelector(view === 'banner' ? 'keksi-banner[open]' : 'keksi-preferences');
  const box = host?.shadowRoot?.querySelector(view === 'banner' ? '.banner' : 'dialog[open]');
  // Shown, and its entry animation (a slide of 8 px) over.
  if (!box || !box.getBoundingClientRect().height || box.getAnimations().some((a) => a.playState === 'running')) return null;
  const win = f.contentWindow;
  const r = box.getBoundingClientRect();
  const accept = box.querySelector('[part~="accept-all"]');
  return {
    ...f.dataset,
    title: box.querySelector('h2')?.textContent.trim(),
    shownLang: box.closest('[lang]')?.getAttribute('lang'),
    top: r.top,
    bottom: win.innerHeight - r.bottom,
    background: win.getComputedStyle(box).backgroundColor,
    accentColor: win.getComputedStyle(accept).backgroundColor,
    acceptText: accept.textContent.trim(),
  };
};

async function openGallery(h, options) {
  const p = await h.newPage(options);
  await p.page.goto(h.server.url + '/gallery.html');
  await waitFor(p.page, () => document.querySelectorAll('.variants iframe').length === 48);
  return p;
}

for (const browser of BROWSERS) {
  describe(`${browser}: the gallery`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    test('48 lazily loaded, titled frames; each shows its variant of the banner or dialog; no message, no error, focus stays', async () => {
      const { context, page, errors, warnings } = await openGallery(h);
      const frames = await page.evaluate(() =>
        [...document.querySelectorAll('.variants iframe')].map((f) => ({
          loading: f.loading,
          title: f.title,
          inert: f.inert,
          caption: !!f.nextElementSibling?.textContent,
        })),
      );
      assert.equal(new Set(frames.map((f) => f.title)).size, 48, 'every frame has a title of its own');
      assert.ok(
        frames.every((f) => f.loading === 'lazy' && f.inert && f.caption && f.title),
        'lazy, inert, titled, captioned',
      );
      // Lazy: once the first frame shows its banner, the last one (far below) has not loaded.
      await waitFor(page, frameState, 0);
      assert.equal(await page.evaluate(() => document.querySelectorAll('.variants iframe')[47].contentWindow.location.href), 'about:blank');
      // A keyboard user on the first caption's link: no frame (a dialog's showModal()) takes the focus away.
      await page.evaluate(() => document.querySelector('.variants figcaption a').focus());
      const seen = { banner: new Set(), dialog: new Set() };
      for (let i = 0; i < 48; i++) {
        await page.evaluate((i) => document.querySelectorAll('.variants iframe')[i].scrollIntoView({ block: 'center' }), i);
        await waitFor(page, frameState, i);
        const s = await page.evaluate(frameState, i);
        const t = translations[s.lang];
        const what = JSON.stringify(s);
        assert.equal(s.shownLang, s.lang, what);
        assert.equal(s.title, s.view === 'banner' ? t.title : t.prefsTitle, what);
        assert.equal(s.acceptText, t.acceptAll, what);
        assert.equal(s.background, BG[s.scheme], what);
        assert.equal(s.accentColor, ACCENT[s.accent === 'brand' ? 'brand' : s.scheme], what);
        if (s.view === 'banner') {
          const gaps = { top: s.top, bottom: s.bottom };
          if (s.position === 'center') assert.ok(Math.abs(s.top - s.bottom) <= 2, `centred: ${what}`);
          else {
            const other = s.position === 'top' ? 'bottom' : 'top';
            assert.ok(gaps[s.position] <= 16 && gaps[other] > 32, `at the ${s.position}: ${what}`);
          }
        }
        seen[s.view].add([s.lang, s.scheme, s.position, s.accent].join());
      }
      assert.equal(seen.banner.size, 36, 'banner: 3 languages × 2 schemes × 3 positions × 2 accents');
      assert.equal(seen.dialog.size, 12, 'dialog: 3 languages × 2 schemes × 2 accents');
      assert.deepEqual(errors, []);
      assert.deepEqual(warnings, []);
      await waitFor(page, () => document.activeElement === document.querySelector('.variants figcaption a'), undefined, 5000);
      await context.close();
    });
  });
}

describe('chromium: the gallery against Keksi itself', () => {
  let h;
  before(async () => (h = await startHarness({ browser: 'chromium' })));
  after(async () => h?.close());

  /** The banner's colours on /gallery-frame.html with `scheme`, the system set to `system`. */
  async function colours(scheme, system, accent = 'neutral') {
    const { context, page, errors, warnings } = await h.newPage({ colorScheme: system });
    await page.goto(`${h.server.url}/gallery-frame.html?lang=fi&scheme=${scheme}&accent=${accent}`);
    await waitFor(page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
    await settled(page);
    const result = await page.evaluate(() => {
      const box = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('.banner');
      const style = (el) => getComputedStyle(el);
      const accept = box.querySelector('[part~="accept-all"]');
      const settings = box.querySelector('[part~="settings"]');
      return {
        background: style(box).backgroundColor,
        text: style(box).color,
        accept: [style(accept).backgroundColor, style(accept).color],
        settings: [style(settings).backgroundColor, style(settings).color, style(settings).borderTopColor],
      };
    });
    assert.deepEqual([errors, warnings], [[], []]);
    await context.close();
    return result;
  }

  test("the pinned light and dark colours are Keksi's own light and dark mode, whatever the visitor's system says", async () => {
    for (const accent of ['neutral', 'brand']) {
      assert.deepEqual(await colours('dark', 'light', accent), await colours('auto', 'dark', accent), `dark, ${accent}`);
      assert.deepEqual(await colours('light', 'dark', accent), await colours('auto', 'light', accent), `light, ${accent}`);
    }
  });

  test('a variant on its own page: a choice is undone, the banner or dialog shows again, no cookie kept, no vendor script', async () => {
    for (const view of ['banner', 'dialog']) {
      const { context, page, errors, warnings, requests } = await h.newPage();
      await page.goto(`${h.server.url}/gallery-frame.html?view=${view}&lang=sv&position=top`);
      const shown = (view) =>
        document
          .querySelector('keksi-consent')
          ?.shadowRoot?.querySelector(view === 'banner' ? 'keksi-banner[open]' : 'keksi-preferences')
          ?.shadowRoot?.querySelector(view === 'banner' ? '.banner' : 'dialog[open]');
      await waitFor(page, shown, view);
      await settled(page);
      await page.evaluate(() => {
        window.__decided = 0;
        document.addEventListener('keksi-change', (e) => e.detail.consent && window.__decided++);
      });
      await (view === 'banner' ? ui.bannerButton(page, 'accept-all') : ui.dialogButton(page, 'accept-all')).click();
      await waitFor(
        page,
        (view) => {
          const root = document.querySelector('keksi-consent').shadowRoot;
          const open =
            view === 'banner' ? root.querySelector('keksi-banner[open]') : root.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]');
          return window.__decided === 1 && window.keksi.getConsent() === null && !!open;
        },
        view,
      );
      await settled(page);
      assert.deepEqual(await cookieNames(context), [], view);
      assert.deepEqual(requests, [], view);
      assert.deepEqual([errors, warnings], [[], []], view);
      await context.close();
    }
  });

  test('axe (WCAG 2.2 AA) finds nothing on the gallery page, at 1280 and 360 px; headings in order', async () => {
    for (const width of [1280, 360]) {
      const { context, page } = await openGallery(h, { viewport: { width, height: 800 } });
      // The frames are inert previews: axe, like assistive technology, passes them by; their captions name them.
      await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
      const violations = await page.evaluate(async () => {
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
        const r = await window.axe.run(document, { iframes: false, runOnly: { type: 'tag', values: tags } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
      });
      assert.deepEqual(violations, [], `${width} px`);
      const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3')].map((e) => +e.localName[1]));
      assert.equal(levels[0], 1);
      assert.ok(
        levels.every((l, i) => i === 0 || l <= levels[i - 1] + 1),
        `no level skipped: ${levels}`,
      );
      await context.close();
    }
  });

  test('at 360 px: no sideways scrolling, the frames fit, every caption is there', async () => {
    const { context, page } = await openGallery(h, { viewport: { width: 360, height: 640 } });
    const g = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('.variants iframe')].map((f) => f.getBoundingClientRect().right)),
      captions: document.querySelectorAll('.variants figcaption a').length,
    }));
    assert.ok(g.scrollWidth <= 360 && g.widest <= 360, JSON.stringify(g));
    assert.equal(g.captions, 48);
    await context.close();
  });
});
