// Run after `npx rollup -c --silent`: `node scripts/configurator-walk.mjs` (Chromium through the e2e harness; writes docs/img/configurator-walk/*.png).
// The five-minute walk (issue 16): a newcomer with only the configurator. Times are human-equivalent
// estimates from what the page shows: words read at 200 words/min, characters typed at 200/min, 3 s per
// click or copy; the automation's own time is printed beside.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
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
  rows.push({ name, what, human: human(r), auto: (performance.now() - t0) / 1000, shot: r.shot, words: r.words });
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
await step('2. Mitä kauppa käyttää', 'pasted the GA4 ID, the Meta pixel ID and the video address (copied from their dashboards: 20 s each)', async () => {
  for (const [n, v] of services) await fill(page, n, v);
  const words = await count('form > fieldset:nth-of-type(2)');
  return { words, chars: 0, clicks: 6, extra: 60, shot: await shot(page, '03-services.png', 'keksi-configurator form > fieldset:nth-of-type(2)', 600) };
});
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
await step('5. Vie kauppaan', 'read the three steps and the checklist; copied the two codes for <head> and the video code', async () => {
  const words = await count('form > section.outputs');
  const copied = await page.evaluate(() =>
    ['script-tag', 'configure', 'embed-youtube'].map((n) => document.querySelector(`textarea[name="${n}"]`)?.value || ''),
  );
  if (copied.some((c) => !c)) throw new Error('step 5 lacks a code to copy');
  return { words, clicks: 3, shot: await shot(page, '05-outputs.png', 'keksi-configurator form > section.outputs', 500) };
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
await context.close();

// The shop: keksi.zip unzipped into an empty site root, served as a web host does.
const root = mkdtempSync(join(tmpdir(), 'keksi-walk-shop-'));
writeFileSync(join(root, 'keksi.zip'), zipBytes);
const files = execFileSync('unzip', ['-o', 'keksi.zip'], { cwd: root, encoding: 'utf8' });
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };
const server = createServer((req, res) => {
  const p = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream' }).end(readFileSync(join(root, p)));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
await step('Put it in the shop', 'unzipped keksi.zip into the site root and uploaded it (the test page needs no pasting)', async () => ({
  clicks: 4,
  extra: 80,
}));
const s1 = await h.newPage({ viewport: { width: 760, height: 560 } });
await step('Try the test shop page', 'opened /keksi-testi.html: the banner, the gated video; accepted; footer link and “Evästeasetukset”', async () => {
  await s1.page.goto(base + '/keksi-testi.html');
  await keksiReady(s1.page);
  await s1.page.locator('keksi-banner [part~="banner"]').waitFor();
  await settled(s1.page);
  await s1.page.evaluate(() => document.fonts.ready);
  const shotName = await shot(s1.page, '07-test-page-banner.png');
  await s1.page.evaluate(() => window.keksi.acceptAll());
  await waitFor(s1.page, () => window.__fakeGtag?.loaded && window.__fakeFbq?.loaded && document.querySelector('iframe').getAttribute('src'));
  await s1.page.click('footer [data-keksi-open]');
  await s1.page.locator('keksi-preferences dialog[open]').waitFor();
  // ≈ 60 words: the banner's text and the test page's two sentences.
  return { words: 60, clicks: 3, extra: 10, shot: shotName };
});
await s1.context.close();
const s2 = await h.newPage({ viewport: { width: 760, height: 560 } });
await step('The notice page', 'opened /tietosuojaseloste.html (linked from the banner and the footer): all sections and the cookie list', async () => {
  await s2.page.goto(base + '/tietosuojaseloste.html');
  await waitFor(s2.page, () =>
    document.querySelector('keksi-notice')?.shadowRoot?.querySelector('#keksi-cookies')?.parentElement.textContent.includes('_ga_CONF1GA4'),
  );
  await s2.page.evaluate(() => window.keksi.rejectAll());
  await waitFor(s2.page, () => document.cookie.includes('keksi_consent='));
  // ≈ 80 words: a skim of the notice's headings and the cookie list, not a full read.
  return { words: 80, clicks: 1, extra: 5, shot: await shot(s2.page, '08-notice-page.png') };
});
await s2.context.close();
server.close();
await h.close();
let total = 0;
for (const r of rows) {
  total += r.human;
  console.log(`| ${r.name} | ${r.what} | ${r.words ?? ''} | ${r.shot ?? ''} | ${r.human ? fmt(r.human) : '—'} | ${r.auto.toFixed(1)} s |`);
}
console.log('TOTAL human-equivalent', fmt(total), 'scrollWidth at 360:', sw);
console.log(files.split('\n').filter((l) => /inflating|extracting/.test(l)).length, 'files unzipped');
