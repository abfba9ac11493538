// Visual regression (issue 13): screenshots of the banner and of the open dialog in fi/sv/en ×
// light/dark/forced colours × 360 and 1280 px wide viewports (36 images), compared with the goldens in
// test/goldens/ with a tolerance for anti-aliasing: a pixel differs when one of its channels differs by
// more than 32 (of 255), and an image fails when more than 0.3 % of its pixels differ.
//   KEKSI_UPDATE_GOLDENS=1 node --test test/e2e/visual.test.mjs    rewrites the goldens (look at them, commit)
// A missing golden fails and says so. A failed comparison writes test-results/visual/<name>-actual.png and
// <name>-diff.png (differing pixels red over a faded copy of the actual image) and names them.
//
// Chromium only: goldens are the pixels of one engine. Firefox rasterises text differently, so it would need
// a second set of 36 images to review and keep up to date; and the schemes and forced colours are emulated
// with Playwright's emulateMedia, which drives Chromium here (Firefox runs under puppeteer). The layouts the
// screenshots show are checked by computed geometry in Firefox too (theme, theme-a11y and gallery tests).
//
// Deterministic: a fixture page with fixed content (test/pages/visual.html) and a font every Debian Chromium
// has (DejaVu Sans, checked first); reduced motion, and the entry animation waited out (settled()); fonts
// loaded; the caret hidden; each image cropped to the banner's or the dialog's box.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { frames, settled, startHarness, ui, waitFor } from './harness.mjs';

const GOLDENS = new URL('../goldens/', import.meta.url);
const RESULTS = new URL('../../test-results/visual/', import.meta.url);
const UPDATE = process.env.KEKSI_UPDATE_GOLDENS === '1';
const CHANNEL = 32;
const SHARE = 0.003;
const SCHEMES = {
  light: { colorScheme: 'light', forcedColors: 'none' },
  dark: { colorScheme: 'dark', forcedColors: 'none' },
  forced: { colorScheme: 'light', forcedColors: 'active' },
};
const VIEWPORTS = { 360: { width: 360, height: 640 }, 1280: { width: 1280, height: 800 } };

/**
 * Compare two PNGs (base64) in the page (decoded by the browser, as theme-a11y.test.mjs does): the share of
 * differing pixels, and a diff PNG when over the limit.
 */
const compare = async ([actual, golden, channel, share]) => {
  const load = async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    return img;
  };
  const [a, g] = await Promise.all([load(actual), load(golden)]);
  const size = (i) => `${i.naturalWidth}×${i.naturalHeight}`;
  if (size(a) !== size(g)) return { sizes: [size(a), size(g)] };
  const w = a.naturalWidth;
  const h = a.naturalHeight;
  const canvas = new OffscreenCanvas(w, h);
  const c = canvas.getContext('2d', { willReadFrequently: true });
  const pixels = (img) => {
    c.clearRect(0, 0, w, h);
    c.drawImage(img, 0, 0);
    return c.getImageData(0, 0, w, h);
  };
  const p = pixels(a).data;
  const q = pixels(g).data;
  const diff = new ImageData(w, h);
  let differing = 0;
  for (let i = 0; i < p.length; i += 4) {
    const off = Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2]), Math.abs(p[i + 3] - q[i + 3])) > channel;
    if (off) differing++;
    const grey = 255 - (255 - (p[i] + p[i + 1] + p[i + 2]) / 3) / 4;
    diff.data.set(off ? [255, 0, 0, 255] : [grey, grey, grey, 255], i);
  }
  const result = { differing, share: differing / (w * h) };
  if (result.share <= share) return result;
  c.putImageData(diff, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ...result, diff: btoa(s) };
};

/** Check a screenshot against its golden (or write it with KEKSI_UPDATE_GOLDENS=1). */
async function match(page, name, png) {
  const golden = new URL(name + '.png', GOLDENS);
  const actualFile = new URL(name + '-actual.png', RESULTS);
  if (UPDATE) {
    mkdirSync(GOLDENS, { recursive: true });
    writeFileSync(golden, png);
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(golden)) {
    writeFileSync(actualFile, png);
    assert.fail(
      `no golden test/goldens/${name}.png (the screenshot is in test-results/visual/${name}-actual.png). ` +
        'Create the goldens with KEKSI_UPDATE_GOLDENS=1 node --test test/e2e/visual.test.mjs, look at them, commit them.',
    );
  }
  const r = await page.evaluate(compare, [png.toString('base64'), readFileSync(golden).toString('base64'), CHANNEL, SHARE]);
  if (r.sizes) {
    writeFileSync(actualFile, png);
    assert.fail(`${name}: ${r.sizes[0]} px, the golden ${r.sizes[1]} px. Actual: test-results/visual/${name}-actual.png`);
  }
  if (r.diff) {
    writeFileSync(actualFile, png);
    writeFileSync(new URL(name + '-diff.png', RESULTS), Buffer.from(r.diff, 'base64'));
    assert.fail(
      `${name}: ${r.differing} pixels (${(r.share * 100).toFixed(2)} %) differ from test/goldens/${name}.png (limit ${SHARE * 100} %). ` +
        `Actual: test-results/visual/${name}-actual.png, diff: test-results/visual/${name}-diff.png. ` +
        'If the change is intended: KEKSI_UPDATE_GOLDENS=1 node --test test/e2e/visual.test.mjs, look at the images, commit them.',
    );
  }
}

/** Emulate a scheme and wait until the page has rendered with it (restyles, resize observers, animations). */
async function scheme(page, name) {
  await page.emulateMedia({ reducedMotion: 'reduce', ...SCHEMES[name] });
  await frames(page);
  await settled(page);
}

describe('chromium: visual regression of the banner and the dialog', () => {
  let h;
  before(async () => (h = await startHarness({ browser: 'chromium' })));
  after(async () => h?.close());

  test('the fixture font is installed (DejaVu Sans, which fontconfig-config depends on)', async () => {
    const { context, page } = await h.newPage();
    await page.goto(h.server.url + '/test/pages/visual.html');
    const widths = await page.evaluate(() => {
      const c = document.createElement('canvas').getContext('2d');
      return ['16px "DejaVu Sans", monospace', '16px monospace', '16px "DejaVu Sans", serif', '16px serif'].map((font) => {
        c.font = font;
        return c.measureText('Hyväksy kaikki – Godkänn alla').width;
      });
    });
    assert.ok(widths[0] !== widths[1] || widths[2] !== widths[3], 'DejaVu Sans is missing: apt-get install fonts-dejavu-core');
    assert.equal(widths[0], widths[2], 'DejaVu Sans is missing: apt-get install fonts-dejavu-core');
    await context.close();
  });

  for (const lang of ['fi', 'sv', 'en']) {
    for (const width of Object.keys(VIEWPORTS)) {
      describe(`${lang}, ${width} px`, () => {
        let p;
        before(async () => {
          p = await h.newPage({ viewport: VIEWPORTS[width], reducedMotion: 'reduce', colorScheme: 'light' });
          await p.page.goto(`${h.server.url}/test/pages/visual.html?lang=${lang}`);
          await waitFor(p.page, () => document.querySelector('keksi-consent')?.shadowRoot?.querySelector('keksi-banner[open]'));
          await p.page.evaluate(() => document.fonts.ready);
          await settled(p.page);
        });
        after(async () => {
          assert.deepEqual([p.errors, p.warnings], [[], []]);
          await p.context.close();
        });

        for (const view of ['banner', 'dialog']) {
          for (const s of Object.keys(SCHEMES)) {
            const name = `${view}-${lang}-${s}-${width}`;
            test(name, async () => {
              const { page } = p;
              if (view === 'dialog' && !(await ui.dialog(page).isVisible())) {
                await page.evaluate(() => document.querySelector('keksi-consent').showPreferences());
                await waitFor(page, () =>
                  document.querySelector('keksi-consent').shadowRoot.querySelector('keksi-preferences')?.shadowRoot?.querySelector('dialog[open]'),
                );
              }
              await scheme(page, s);
              const box = view === 'banner' ? ui.banner(page) : ui.dialog(page);
              await match(page, name, await box.screenshot({ caret: 'hide', animations: 'disabled', scale: 'css' }));
            });
          }
        }
      });
    }
  }
});
