// Accessibility of everything Keksi shows, in the demo shop: axe-core with the WCAG 2.2 AA tags in
// light and dark, at 320 and 1280 px, in fi, sv and en; keyboard-only use; focus not obscured by the
// banner (2.4.11); target sizes (2.5.8); reflow at 320 px (1.4.10); the banner's accessible name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { keksiReady, newPage, startHarness, ui } from './harness.mjs';

let h;
before(async () => (h = await startHarness()));
after(async () => h?.close());

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Open a demo page with the page language switched to `lang`. */
async function open(path, { lang = 'fi', width = 1280, colorScheme = 'light' } = {}) {
  const p = await newPage(h.browser, { viewport: { width, height: 800 }, colorScheme, reducedMotion: 'reduce' });
  await p.context.route(/localhost:\d+\/[^?]*\.html|localhost:\d+\/(\?|$)/, async (route) => {
    const res = await route.fetch();
    route.fulfill({ response: res, body: (await res.text()).replace('<html lang="fi">', `<html lang="${lang}">`) });
  });
  await p.page.goto(h.server.url + path);
  await keksiReady(p.page);
  return p;
}

async function axe(page, include) {
  await page.evaluate(AXE);
  return page.evaluate(
    async ([include, tags]) => {
      const r = await window.axe.run({ include: include.map((s) => [s]) }, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
    },
    [include, TAGS],
  );
}

describe('accessibility (WCAG 2.2 AA)', () => {
  for (const lang of ['fi', 'sv', 'en']) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [320, 1280]) {
        test(`axe: banner, embed placeholder, dialog and notice — ${lang}, ${colorScheme}, ${width}px`, async () => {
          const { context, page } = await open('/tuote.html', { lang, width, colorScheme });
          await page.locator('keksi-embed').waitFor();
          assert.deepEqual(await axe(page, ['keksi-consent', 'keksi-embed']), [], 'banner and placeholder');
          await ui.bannerButton(page, 'settings').click();
          await page.locator('keksi-preferences [aria-expanded] >> nth=1').click();
          assert.deepEqual(await axe(page, ['keksi-consent']), [], 'dialog');
          await page.goto(h.server.url + '/tietosuojaseloste.html');
          await keksiReady(page);
          await page.locator('keksi-notice [part~="consent"]').waitFor();
          assert.deepEqual(await axe(page, ['keksi-notice']), [], 'notice');
          await context.close();
        });
      }
    }
  }

  test('the banner is a region named by its heading and described by its text', async () => {
    const { context, page } = await open('/');
    await ui.banner(page).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Evästeet' }).count(), 1);
    const description = await ui.banner(page).evaluate((b) => b.getRootNode().getElementById(b.getAttribute('aria-describedby')).textContent);
    assert.match(description, /^Käytämme välttämättömiä evästeitä/);
    await context.close();
  });

  test('keyboard only: reach every control, open the dialog, Esc closes it and focus returns', async () => {
    const { context, page } = await open('/');
    await ui.banner(page).waitFor();
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el && (el.getAttribute('part') || el.id || el.tagName.toLowerCase());
      });
    const seen = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    assert.deepEqual(seen, ['notice-link', 'button accept-all', 'button reject-all', 'button settings']);
    await page.keyboard.press('Enter');
    await ui.dialog(page).waitFor();
    const inDialog = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      inDialog.push(await focused());
    }
    for (const part of ['button close', 'toggle', 'button accept-all', 'button reject-all', 'button save']) assert.ok(inDialog.includes(part), part);
    assert.ok(!inDialog.includes('notice-link'), 'focus stays in the modal dialog');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences').shadowRoot.querySelector('dialog').open,
    );
    assert.equal(await focused(), 'button settings');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await ui.banner(page).count(), 0);
    assert.deepEqual(await page.evaluate(() => window.keksi.getConsent().accepted), ['necessary']);
    await context.close();
  });

  for (const width of [320, 1280]) {
    test(`the banner never hides the focused element (2.4.11) — ${width}px`, async () => {
      const { context, page } = await open('/', { width });
      await ui.banner(page).waitFor();
      const worst = await page.evaluate(async () => {
        const box = document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-banner').shadowRoot.querySelector('.banner');
        const targets = [...document.querySelectorAll('a[href], button:not([hidden])')].filter((e) => e.offsetParent);
        let worst = 0;
        for (const t of targets) {
          t.focus();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const a = t.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          const overlap =
            Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)) * Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
          worst = Math.max(worst, overlap / (a.width * a.height));
        }
        return worst;
      });
      assert.ok(worst < 1, `an element was entirely hidden (worst overlap ${worst})`);
      assert.equal(worst, 0, `focused elements are fully visible (worst overlap ${worst})`);
      await context.close();
    });
  }

  test('targets are at least 24×24 px and nothing scrolls sideways at 320 px', async () => {
    const { context, page } = await open('/tuote.html', { width: 320 });
    await page.locator('keksi-embed').waitFor();
    const small = async () =>
      page.evaluate(() => {
        const all = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) walk(el.shadowRoot);
            if (el.matches('button, input, summary, a') && el.closest('keksi-consent, keksi-banner, keksi-preferences, keksi-embed, .banner, dialog, .embed')) {
              const r = el.getBoundingClientRect();
              if (r.width && (r.width < 24 || r.height < 24) && !(el.matches('a') && el.closest('p')))
                all.push(`${el.getAttribute('part') || el.localName} ${r.width}x${r.height}`);
            }
          }
        };
        walk(document);
        return all;
      });
    assert.deepEqual(await small(), []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll with the banner');
    await ui.bannerButton(page, 'settings').click();
    assert.deepEqual(await small(), []);
    assert.ok(await ui.dialog(page).evaluate((d) => d.scrollWidth <= d.clientWidth), 'no horizontal scroll in the dialog');
    await context.close();
  });
});
