// Run after `npx rollup -c --silent`: `node scripts/configurator-walk.mjs` (Chromium through the e2e harness; writes docs/img/configurator-walk/*.png).
// The five-minute walk (issue 16), walk 5: a newcomer with only the configurator, from nothing to a working
// banner and notice on the test shop page through "Kokeile testisivulla" (no upload). Times are human-equivalent
// estimates from what the page shows: words read at 200 words/min, characters typed at 200/min, 3 s per
// click or copy, plus the extras named in each row; the automation's own time is printed beside.
import { statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, keksiReady, settled, waitFor } from '../test/e2e/harness.mjs';
import { openConfigurator, fill, visibleWords, catchDownloads } from '../test/e2e/configurator-kit.mjs';

const OUT = 'docs/img/configurator-walk';
mkdirSync(OUT, { recursive: true });
const h = await startHarness({ browser: 'chromium' });
const rows = [];
const human = ({ words = 0, chars = 0, clicks = 0, extra = 0 }) => (words / 200) * 60 + (chars / 200) * 60 + clicks * 3 + extra;
const fmt = (s) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
async function shot(page, file, selector, maxHeight = 720) {
  const path = join(OUT, file);
  // Small PNGs (≤ 60 KB): the element's box, at most 720 px tall.
  const box = selector ? await page.locator(selector).first().boundingBox() : null;
  const vp = page.viewportSize();
  if (box) {
    const b = await page.locator(selector).first().boundingBox();
    b.y += await page.evaluate(() => window.scrollY);
    await page.screenshot({
      path,
      scale: 'css',
      fullPage: true,
      clip: { x: Math.max(0, b.x - 8), y: Math.max(0, b.y - 8), width: Math.min(b.width + 16, vp.width), height: Math.min(b.height + 16, maxHeight) },
    });
  } else await page.screenshot({ path, scale: 'css' });
  return `${file} (${Math.round(statSync(path).size / 1024)} KB)`;
}
const step = async (name, what, fn) => {
  const t0 = performance.now();
  const r = await fn();
  rows.push({ name, what, human: human(r), auto: (performance.now() - t0) / 1000, shot: r.shot, words: r.words, note: r.note });
};

const { page, context } = await openConfigurator(h, { width: 760, height: 640 });
const count = (sel) => visibleWords(page, `keksi-configurator ${sel}`);
await step('Open the configurator', 'read the title and the one-line intro', async () => ({
  words: await visibleWords(page, 'keksi-configurator header'),
  clicks: 0,
  extra: 5,
  shot: await shot(page, '01-open.png'),
}));
const shop = [
  ['name', 'Kahvipaahtimo Oy'],
  ['business-id', '0112038-9'],
  ['address', 'Paahtimokuja 1, 33100 Tampere'],
  ['email', 'tietosuoja@kahvipaahtimo.example'],
];
await step('1. Kauppa', 'typed name, Y-tunnus, address, e-mail; left the notice address empty (default) and the folder', async () => {
  for (const [n, v] of shop) await fill(page, n, v);
  const words = await count('form > fieldset:nth-of-type(1)');
  return {
    words,
    chars: shop.reduce((a, [, v]) => a + v.length, 0),
    clicks: 5,
    shot: await shot(page, '02-shop.png', 'keksi-configurator form > fieldset:nth-of-type(1)'),
  };
});
const services = [
  ['ga', 'G-CONF1GA4'],
  ['meta-pixel', '1122334455667788'],
  ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
];
await step(
  '2. Mitä kauppa käyttää',
  'pasted the GA4 ID, the Meta pixel ID and the video address; opened "Mistä löydän?" under GA4 and Meta and followed them (the dashboards: 20 s each)',
  async () => {
    for (const [n, v] of services) await fill(page, n, v);
    // The two hints read: their disclosures opened (a click each), their sentences read.
    const hintWords = await page.evaluate(() =>
      ['ga', 'meta-pixel']
        .map((a) => document.querySelector(`keksi-configurator details.where[data-for="${a}"]`))
        .map((d) => {
          d.open = true;
          return d
            .querySelector('p')
            .textContent.split(/\s+/)
            .filter((w) => /\p{L}|\p{N}/u.test(w)).length;
        })
        .reduce((a, b) => a + b, 0),
    );
    const words = await count('form > fieldset:nth-of-type(2)');
    const shotName = await shot(page, '03-services.png', 'keksi-configurator form > fieldset:nth-of-type(2)', 600);
    await page.evaluate(() => document.querySelectorAll('keksi-configurator details.where').forEach((d) => (d.open = false)));
    return { words, chars: 0, clicks: 8, extra: 60, shot: shotName, note: `${hintWords} of them the two hints` };
  },
);
await catchDownloads(page);
let zipBytes;
await step('Valmis — hae tiedostot', 'read the button and its hint, pressed it: keksi.zip saved, focus on step 5', async () => {
  const words = await count('form > .fast-path');
  await page.click('keksi-configurator button[name="fast-path"]');
  await waitFor(page, () => window.__downloads.some((d) => d.file === 'keksi.zip'));
  zipBytes = Buffer.from(
    await page.evaluate(async () => {
      const d = window.__downloads.find((x) => x.file === 'keksi.zip');
      const bytes = new Uint8Array(await d.blob.arrayBuffer());
      let b = '';
      for (const x of bytes) b += String.fromCharCode(x);
      return btoa(b);
    }),
    'base64',
  );
  const focus = await page.evaluate(() => document.activeElement.id);
  if (focus !== 'outputs-h') throw new Error('focus: ' + focus);
  return { words, clicks: 1, extra: 5, shot: await shot(page, '04-fast-path.png', 'keksi-configurator form > .fast-path') };
});
// Walk 5 does not read step 5's three steps: the test page is tried first, from here (they are for the real shop later).
let popup;
await step('Kokeile testisivulla', 'read the link beside keksi.zip’s button and pressed it: the test shop page opened in a new tab', async () => {
  const words = await page.evaluate(() => document.querySelector('keksi-configurator a[name="try-page"]').textContent.trim().split(/\s+/).length);
  const shotName = await shot(page, '05-try-link.png', 'keksi-configurator .output.files');
  [popup] = await Promise.all([context.waitForEvent('page'), page.click('keksi-configurator a[name="try-page"]')]);
  return { words, clicks: 1, shot: shotName };
});
const mobile = await openConfigurator(h, { width: 360, height: 740 });
rows.push({
  name: '(360 px)',
  what: 'the same page on a phone: no horizontal scroll',
  human: 0,
  auto: 0,
  shot: await shot(mobile.page, '06-mobile-360.png'),
  words: 0,
});
const sw = await mobile.page.evaluate(() => document.documentElement.scrollWidth);
await mobile.context.close();

/** The words a visitor reads on a page: the page's own text and what Keksi shows (its shadow roots), shown parts only. */
const pageWords = (p) =>
  p.evaluate(() => {
    const deep = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    const texts = [document.body.innerText];
    for (const e of deep(document))
      if (e.shadowRoot) texts.push(...[...e.shadowRoot.children].filter((c) => c.checkVisibility?.()).map((c) => c.innerText || ''));
    return texts
      .join(' ')
      .split(/\s+/)
      .filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  });
await popup.setViewportSize({ width: 760, height: 560 });
await step(
  'The test shop page',
  'testisivu.html: read the page and the banner, saw the video behind its placeholder; accepted → the video loads (GA and Meta are refused by the test page’s policy: they load on the shop itself); reloaded → no banner; “Evästeasetukset” opens the settings',
  async () => {
    await keksiReady(popup);
    await popup.locator('keksi-banner [part~="banner"]').waitFor();
    await settled(popup);
    await popup.evaluate(() => document.fonts.ready);
    const words = await pageWords(popup);
    const shotName = await shot(popup, '07-test-page-banner.png');
    await popup.locator('keksi-banner [part~="accept-all"]').click();
    await waitFor(popup, () => document.querySelector('iframe[data-category]').getAttribute('src'));
    await popup.reload();
    await keksiReady(popup);
    await waitFor(popup, () => document.querySelector('iframe[data-category]').getAttribute('src'));
    if (await popup.locator('keksi-banner [part~="banner"]').isVisible()) throw new Error('the banner came back after a reload');
    await popup.click('footer [data-keksi-open]');
    await popup.locator('keksi-preferences dialog[open]').waitFor();
    return { words, clicks: 3, extra: 10, shot: shotName };
  },
);
await step('The notice page', 'the footer’s link: seloste.html, the template’s sections and the cookie list (skimmed, ≈ 80 words)', async () => {
  await popup.keyboard.press('Escape');
  await Promise.all([popup.waitForURL(/seloste\.html/), popup.click('footer a')]);
  await waitFor(popup, () =>
    document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-cookies')?.parentElement.textContent.includes('_ga_CONF1GA4'),
  );
  const all = await pageWords(popup);
  return { words: 80, clicks: 1, extra: 5, shot: await shot(popup, '08-notice-page.png'), note: `${all} words on the page` };
});
await context.close();
await h.close();
let total = 0;
for (const r of rows) {
  total += r.human;
  console.log(
    `| ${r.name} | ${r.what}${r.note ? ` (${r.note})` : ''} | ${r.words ?? ''} | ${r.shot ?? ''} | ${r.human ? fmt(r.human) : '—'} | ${r.auto.toFixed(1)} s |`,
  );
}
console.log('TOTAL human-equivalent', fmt(total), 'scrollWidth at 360:', sw, `keksi.zip ${Math.round(zipBytes.length / 1024)} KB (for the real shop later)`);
