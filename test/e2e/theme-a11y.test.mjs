// Accessibility beyond axe, by computed geometry and pixels (issue 13): forced colours (switch on and
// off differ in a black-and-white rendering; banner and dialog have edges), print media, the embed
// placeholder at 320 px with WCAG 1.4.12 text spacing, hyphenation instead of arbitrary breaks, the
// notice's landmarks, and text on any accent at AA contrast with equal accept and reject buttons.
// Forced colours, print and landmarks are Chromium's (Playwright's emulateMedia and role engine); the
// geometry also runs in Firefox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSERS, keksiReady, settled, startHarness, waitFor } from './harness.mjs';

const banner = () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('.banner');
const dialog = () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot.querySelector('dialog');

/** A first visit to a demo page, banner shown and settled. */
async function firstVisit(h, path = '/', options = {}) {
  const p = await h.newPage({ reducedMotion: 'reduce', ...options });
  await p.page.goto(h.server.url + path);
  await keksiReady(p.page);
  await waitFor(p.page, () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner[open]'));
  await settled(p.page);
  return p;
}

async function openDialog(page) {
  await page.evaluate(() => document.querySelector('keksi-consent').showPreferences());
  await waitFor(page, () => document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]'));
  await settled(page);
}

/** Pixels whose black-or-white rendering differs between two PNG screenshots (decoded in the page). */
function bwDifference(page, a, b) {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (src) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + src;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const [p, q] = await Promise.all([pixels(a), pixels(b)]);
      const dark = (d, i) => 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2] < 128;
      let n = 0;
      for (let i = 0; i < p.length; i += 4) if (dark(p, i) !== dark(q, i)) n++;
      return n;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** WCAG contrast ratio of two computed rgb() colours (in the page: it also resolves color(xyz …)). */
const CONTRAST = `(a, b) => {
  const lum = (c) => {
    const x = document.createElement('canvas').getContext('2d');
    x.fillStyle = c; x.fillRect(0, 0, 1, 1);
    const [r, g, bl] = x.getImageData(0, 0, 1, 1).data;
    const f = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}`;

describe('chromium: forced colours, print, landmarks, accent', () => {
  let h;
  before(async () => (h = await startHarness({ browser: 'chromium' })));
  after(async () => h?.close());

  test('forced colours: a switch on and off differ in black and white, not by colour alone', async () => {
    const { context, page } = await firstVisit(h);
    await page.emulateMedia({ forcedColors: 'active' });
    await openDialog(page);
    const toggle = page.locator('keksi-preferences #c-analytics');
    const off = await toggle.screenshot();
    await toggle.click();
    await settled(page);
    assert.equal(await toggle.isChecked(), true);
    const on = await toggle.screenshot();
    const differing = await bwDifference(page, off, on);
    assert.ok(differing >= 60, `${differing} pixels differ`);
    await context.close();
  });

  test('forced colours: banner, dialog and embed placeholder keep a visible edge', async () => {
    const { context, page } = await firstVisit(h, '/tuote.html');
    await page.emulateMedia({ forcedColors: 'active' });
    await page.locator('keksi-embed').waitFor();
    const edge = (el) => {
      const s = getComputedStyle(el);
      return s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1 ? s.borderTopColor : 'none';
    };
    assert.notEqual(await page.evaluate(`(${edge})((${banner})())`), 'none', 'banner');
    assert.notEqual(await page.evaluate(`(${edge})(document.querySelector('keksi-embed').shadowRoot.querySelector('.embed'))`), 'none', 'placeholder');
    await openDialog(page);
    assert.notEqual(await page.evaluate(`(${edge})((${dialog})())`), 'none', 'dialog');
    await context.close();
  });

  test('print: banner, dialog and reopen button are not printed', async () => {
    const { context, page } = await firstVisit(h);
    const printed = (fn) => page.evaluate(`(${fn})().getClientRects().length > 0`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await printed(banner), false, 'banner');
    await page.emulateMedia({ media: 'screen' });
    await openDialog(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await printed(dialog), false, 'dialog');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.querySelector('keksi-consent').rejectAll());
    await waitFor(page, () => document.querySelector('keksi-consent').shadowRoot.querySelector('[part~="reopen"]:not([hidden])'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(
      await page.evaluate(() => document.querySelector('keksi-consent').shadowRoot.querySelector('[part~="reopen"]').getClientRects().length),
      0,
      'reopen',
    );
    await context.close();
  });

  test('print: the notice page prints the notice and nothing of the banner', async () => {
    const { context, page } = await firstVisit(h, '/tietosuojaseloste.html');
    await page.locator('keksi-notice [part~="consent"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate(`(${banner})().getClientRects().length`), 0);
    assert.ok(await page.evaluate(() => document.querySelector('keksi-notice').getBoundingClientRect().height > 500));
    await context.close();
  });

  test('the notice has landmarks only where they help: its table of contents, no named region per section', async () => {
    const { context, page } = await firstVisit(h, '/tietosuojaseloste.html');
    await page.locator('keksi-notice [part~="consent"]').waitFor();
    const notice = page.locator('keksi-notice');
    const count = async (role) => notice.getByRole(role).count();
    assert.equal(await count('region'), 0, 'regions');
    assert.equal(await count('navigation'), 1, 'navigation');
    for (const role of ['complementary', 'contentinfo', 'banner', 'main', 'form', 'search']) assert.equal(await count(role), 0, role);
    assert.ok((await notice.getByRole('heading').count()) >= 10, 'the sections are headings');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`any --keksi-accent: button text at AA contrast, accept and reject alike, settings never smaller (${colorScheme})`, async () => {
      const { context, page } = await firstVisit(h, '/', { colorScheme });
      for (const accent of [null, '#5b3a29', '#ffeb3b', '#1a73e8', '#767676', '#00a86b', '#e60023', '#fff', '#000']) {
        const r = await page.evaluate(
          ([accent, contrast]) => {
            const host = document.querySelector('keksi-consent');
            if (accent) host.style.setProperty('--keksi-accent', accent);
            const box = host.shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('.banner');
            const [accept, reject, settings] = ['accept-all', 'reject-all', 'settings'].map((p) => box.querySelector(`[part~="${p}"]`));
            const s = (el) => getComputedStyle(el);
            const look = (el) =>
              ['backgroundColor', 'color', 'fontSize', 'fontWeight', 'borderTopWidth', 'paddingTop'].map((k) => s(el)[k]).join() + el.offsetHeight;
            return {
              ratio: eval(contrast)(s(accept).color, s(accept).backgroundColor),
              alike: look(accept) === look(reject),
              settings: [parseFloat(s(settings).fontSize) >= parseFloat(s(accept).fontSize), settings.offsetHeight >= accept.offsetHeight],
              settingsRatio: eval(contrast)(
                s(settings).color,
                s(settings).backgroundColor === 'rgba(0, 0, 0, 0)' ? s(box).backgroundColor : s(settings).backgroundColor,
              ),
            };
          },
          [accent, CONTRAST],
        );
        assert.ok(r.ratio >= 4.5, `${accent}: ${r.ratio.toFixed(2)}:1`);
        assert.ok(r.alike, `${accent}: accept and reject look alike`);
        assert.deepEqual(r.settings, [true, true], `${accent}: settings as large as accept`);
        assert.ok(r.settingsRatio >= 4.5, `${accent}: settings ${r.settingsRatio.toFixed(2)}:1`);
      }
      await context.close();
    });
  }
});

for (const browser of BROWSERS) {
  describe(`${browser}: embed placeholder and hyphenation`, () => {
    let h;
    before(async () => (h = await startHarness({ browser })));
    after(async () => h?.close());

    /** A 320 px wide page: Chromium's viewport; Firefox's body (its viewport override is not in WebDriver BiDi). */
    async function narrow(path) {
      const p = await firstVisit(h, path, browser === 'chromium' ? { viewport: { width: 320, height: 640 } } : {});
      if (browser !== 'chromium') await p.page.evaluate(() => (document.body.style.width = '320px'));
      return p;
    }

    test('embed placeholder at 320 px with 1.4.12 text spacing: no overflow, no overlap with the heading above', async () => {
      const { context, page } = await narrow('/tuote.html');
      await waitFor(page, () => document.querySelector('keksi-embed')?.shadowRoot?.querySelector('.embed'));
      const g = await page.evaluate(async () => {
        const embed = document.querySelector('keksi-embed');
        // What a visitor's text-spacing style sheet (or bookmarklet) does, inside the shadow root too.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(
          '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
        );
        embed.shadowRoot.adoptedStyleSheets = [...embed.shadowRoot.adoptedStyleSheets, sheet];
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const box = embed.shadowRoot.querySelector('.embed');
        const b = box.getBoundingClientRect();
        const host = embed.getBoundingClientRect();
        const heading = embed.previousElementSibling.getBoundingClientRect();
        const children = [...box.children].map((c) => c.getBoundingClientRect());
        return {
          inside: children.every((c) => c.top >= b.top - 0.5 && c.bottom <= b.bottom + 0.5 && c.left >= b.left - 0.5 && c.right <= b.right + 0.5),
          boxInHost: b.top >= host.top - 0.5 && b.bottom <= host.bottom + 0.5,
          belowHeading: Math.min(b.top, ...children.map((c) => c.top)) >= heading.bottom,
          scrolls: box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1,
          ratio: host.width / host.height,
        };
      });
      assert.deepEqual({ ...g, ratio: undefined }, { inside: true, boxInHost: true, belowHeading: true, scrolls: false, ratio: undefined });
      assert.ok(g.ratio <= 16 / 9 + 0.01, `grew past 16:9 rather than overflow (${g.ratio.toFixed(2)})`);
      await context.close();
    });

    test('at 320 px no word in the banner or dialog breaks where it would fit on a line; hyphenation with lang instead', async () => {
      const { context, page } = await narrow('/');
      await openDialog(page);
      const r = await page.evaluate((strict) => {
        const k = document.querySelector('keksi-consent').shadowRoot;
        const roots = ['keksi-banner', 'keksi-preferences'].map((t) => k.querySelector(t).shadowRoot);
        const split = [];
        const styles = [];
        for (const root of roots) {
          const box = root.querySelector('.box');
          styles.push([box.lang, box.matches(':lang(fi)'), getComputedStyle(box).hyphens]);
          const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            const parent = node.parentElement;
            const s = getComputedStyle(parent);
            if (s.wordBreak === 'break-all' || s.overflowWrap === 'anywhere') split.push(`${s.wordBreak}/${s.overflowWrap} on ${parent.localName}`);
            for (const m of node.data.matchAll(/[^\s\-–]{6,}/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const rects = [...range.getClientRects()].filter((q) => q.width > 0);
              const width = rects.reduce((n, q) => n + q.width, 0);
              // A word split over lines though it would fit on one line of its box: an arbitrary break
              // (Chromium on Linux has no hyphenation dictionaries; Firefox may hyphenate, which is right).
              if (strict && new Set(rects.map((q) => Math.round(q.top))).size > 1 && width < parent.getBoundingClientRect().width) split.push(m[0]);
            }
          }
        }
        return { split, styles };
      }, browser === 'chromium');
      assert.deepEqual(r.split, []);
      assert.deepEqual(r.styles, [
        ['fi', true, 'auto'],
        ['fi', true, 'auto'],
      ]);
      await context.close();
    });
  });
}
