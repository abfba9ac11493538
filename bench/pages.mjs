// The benchmark's pages, written to bench/pages/generated/ (not committed): for each page (the bench
// shop page, a heavier shop-like page, a minimal page) one copy per widget, from one template, and the
// images they show (PNG, made here so no binary is committed but the font).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const GATED = '  <script type="text/plain" data-category="analytics" src="/bench/pages/ga.js"></script>\n';
const KEKSI_ATTRS = 'data-categories="preferences analytics marketing" data-notice-url="#" data-lang="fi"';
/** What each widget adds to a page (`ga`: whether the page runs the stand-in for gtag.js). */
const widgets = (ga) => ({
  none: { head: ga ? '  <script src="/bench/pages/ga.js" defer></script>\n' : '', body: '' },
  keksi: { head: `  <script defer src="/dist/keksi.js" ${KEKSI_ATTRS}></script>\n${ga ? GATED : ''}`, body: '' },
  // The tag the README recommends: a module script at low fetch priority (never ahead of the page's own content).
  'keksi-esm': { head: `  <script type="module" fetchpriority="low" src="/dist/keksi.mjs" ${KEKSI_ATTRS}></script>\n${ga ? GATED : ''}`, body: '' },
  cookieconsent: {
    head: `  <link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">\n${ga ? GATED : ''}`,
    // cookieconsent's run() needs document.body: loaded at the end of body, as its docs say.
    body: '  <script src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>\n  <script src="/bench/pages/cookieconsent-config.js"></script>\n',
  },
});
export const WIDGETS = Object.keys(widgets(true));
/**
 * The floor on the minimal page: one 114-byte deferred script and nothing else. Lantern counts any
 * request that ended before the observed LCP as needed for it, so this is what any external script in
 * the page's <head> costs there, whatever it does (Lighthouse runs only).
 */
export const FLOOR = { head: '  <script defer src="/bench/pages/ga.js"></script>\n', body: '' };

// A PNG from a pixel function (8-bit RGB, no filter, deflate -9).
const chunk = (type, data) => {
  const b = Buffer.alloc(12 + data.length);
  b.writeUInt32BE(data.length, 0);
  b.write(type, 4, 'latin1');
  data.copy(b, 8);
  b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
  return b;
};
function png(w, h, pixel) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(pixel(x, y), y * (w * 3 + 1) + 1 + x * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
// A photo-like hero: a gradient with 4 × 4 blocks of noise compresses about as a JPEG photo would (≈ 125 kB).
const noise = (a, b) => {
  let h = (a * 374761393 + b * 668265263) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return (h >>> 16) & 255;
};
const photo = (w, h, tint) =>
  png(w, h, (x, y) => {
    const n = noise((x / 4) | 0, (y / 4) | 0) % 32;
    return [(tint[0] + x / 16 + n) & 255, (tint[1] + y / 10 + n) & 255, (tint[2] + n) & 255];
  });

const PRODUCTS = ['Aamu', 'Tumma Tampere', 'Näsi espresso', 'Pyynikki', 'Hervanta', 'Kalevan kulma'];
export const PAGES = {
  // The shop page the bench has always measured (its baseline runs gtag.js's stand-in).
  shop: { template: 'bench/pages/shop.template.html', ga: true },
  // Heavier: a hero image (the LCP element), a web font served locally, 30 products with thumbnails.
  heavy: { template: 'bench/pages/heavy.template.html', ga: true },
  // A heading, one paragraph, a flat-colour image and nothing else (no analytics either): whatever a
  // widget requests before the first paint is on this page's critical path.
  minimal: { template: 'bench/pages/minimal.template.html', ga: false },
};

/** The page of the build being compared (`--against`): the same tag, from dist/against/ (bench/build.mjs, buildRef). */
export const AGAINST = (widget) => `${widget}-b`;

/** Write every page × widget, and the images, to bench/pages/generated/ (with `against`, the bench shop page's Keksi tags from dist/against/ too). */
export function writePages(against = false) {
  const dir = 'bench/pages/generated';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/hero.png`, photo(960, 540, [120, 80, 60]));
  writeFileSync(
    `${dir}/flat.png`,
    png(320, 180, () => [200, 120, 60]),
  );
  PRODUCTS.forEach((_, i) => writeFileSync(`${dir}/product-${i}.png`, photo(200, 200, [60 + i * 20, 90, 140 - i * 10])));
  const products = Array.from({ length: 30 }, (_, i) => {
    const name = `${PRODUCTS[i % PRODUCTS.length]} ${Math.floor(i / PRODUCTS.length) + 1}`;
    return `      <li><img src="/bench/pages/generated/product-${i % PRODUCTS.length}.png" width="200" height="200" loading="lazy" alt=""><h3>${name}</h3><p>${(9.9 + i).toFixed(2).replace('.', ',')} € / 250 g</p><button type="button">Lisää ostoskoriin</button></li>`;
  }).join('\n');
  for (const [page, { template, ga }] of Object.entries(PAGES)) {
    const html = readFileSync(template, 'utf8').replace('<!-- products -->', products);
    for (const [widget, { head, body }] of Object.entries(widgets(ga))) {
      // The bench shop page keeps its old names (bench/pages/generated/keksi.html …).
      const name = page === 'shop' ? widget : `${page}-${widget}`;
      writeFileSync(`${dir}/${name}.html`, html.replace('<!-- widget:head -->', head).replace('<!-- widget:body -->', body));
    }
    if (against && page === 'shop')
      for (const widget of ['keksi', 'keksi-esm']) {
        const { head, body } = widgets(ga)[widget];
        writeFileSync(
          `${dir}/${AGAINST(widget)}.html`,
          html.replace('<!-- widget:head -->', head.replace('/dist/', '/dist/against/')).replace('<!-- widget:body -->', body),
        );
      }
    if (page === 'minimal') writeFileSync(`${dir}/minimal-floor.html`, html.replace('<!-- widget:head -->', FLOOR.head).replace('<!-- widget:body -->', ''));
  }
}
export const pageName = (page, widget) => (page === 'shop' ? widget : `${page}-${widget}`);
