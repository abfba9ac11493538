/**
 * What `keksi.zip` holds, with no DOM: Keksi's built files in the folder of step 1 (so the tag's `src`
 * and the zip agree: unzipped in the site's root, `/keksi/keksi.mjs` is there; with GTM chosen, its
 * consent template `gtm/keksi-consent.tpl`), `keksi-config.js` with
 * the shop's own services when it has any, and once step 4 is
 * started, `notice.json` beside them and the ready notice page at the notice's address (or
 * `tietosuojaseloste.html` in the root), on Shopify and WordPress also the notice as a page body to paste
 * (`tietosuojaseloste-sisalto.html`), and `keksi-testi.html`, a test shop page, in the root (not for Shopify).
 */
import { texts, type ConfiguratorLang } from '../i18n/configurator.js';
import { attributes, configureScript, DEFAULT_ACCENT, DEFAULT_NOTICE_URL, embeds, folder, moduleTag, type State } from './model.js';
import type { ZipEntry } from './zip.js';

/** Step 1's folder as a path inside the zip: `/keksi/` → `keksi/`; an https folder → its path. */
export function zipFolder(s: State): string {
  const f = folder(s);
  const path = /^https:\/\//i.test(f) ? new URL(f).pathname : f;
  return path.replace(/^\/+/, '');
}

/** The notice page's path inside the zip: the notice's address when it is a page of the site (`/….html`), else `tietosuojaseloste.html`. */
export function noticePagePath(s: State): string {
  const url = s['notice-url'].trim();
  return /^\/[\w\-./]*\.html?$/i.test(url) && !url.includes('..') ? url.slice(1) : 'tietosuojaseloste.html';
}

const escapeHtml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * `keksi-testi.html`: a ready test shop page (issue 16's five-minute path) with the tag of step 5, the
 * gated videos, a footer link to the notice and a `data-keksi-open` button. No inline script and no
 * inline style (the accent's rule and the own services' `configure()` call are left inline out; the call
 * comes from `keksi-config.js`), so it works under `script-src 'self'; style-src 'self'` as the notice page
 * does. The vendors' tags come from the attributes even when the shop pastes their snippets itself: a
 * pasted snippet runs as inline script once allowed.
 */
export function testShopPage(s: State, lang: ConfiguratorLang): string {
  const t = texts[lang].testPage;
  const page = { ...s, setup: 'attributes' as const, theme: 'auto' as const, accent: DEFAULT_ACCENT };
  const notice = attributes(page).find(([n]) => n === 'notice-url')?.[1] || DEFAULT_NOTICE_URL;
  const name = s.name.trim();
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(name ? `${t.title} | ${name}` : t.title)}</title>
  ${configureScript(s) ? `<script src="${escapeHtml(folder(s))}keksi-config.js"></script>\n  ` : ''}${moduleTag(page)}
</head>
<body>
  <main>
    <h1>${escapeHtml(name || t.title)}</h1>
    <p>${escapeHtml(t.text)}</p>
${embeds(s)
  .map((e) => `    ${e.markup.replace(/\n/g, '\n    ')}\n`)
  .join('')}  </main>
  <footer>
    <a href="${escapeHtml(notice)}">${escapeHtml(t.notice)}</a>
    <button type="button" data-keksi-open>${escapeHtml(t.reopen)}</button>
  </footer>
</body>
</html>
`;
}

/** The notice's page body in keksi.zip, for Shopify's and WordPress's page editors. */
export const NOTICE_FRAGMENT = 'tietosuojaseloste-sisalto.html';

/** The zip's entries: the built files in the folder, then (with a notice) notice.json there and the page, then the test page (not for Shopify). */
export function shopFiles(
  s: State,
  built: Readonly<Record<string, string>>,
  notice?: { json: string; page: string; fragment?: string },
  testPage?: string,
): ZipEntry[] {
  const dir = zipFolder(s);
  // The GTM consent template (walk 3's N3) only for a shop that chose GTM: the others never import it.
  const entries: ZipEntry[] = Object.entries(built)
    .filter(([name]) => !name.startsWith('gtm/') || s.gtm.trim())
    .map(([name, data]) => ({ name: dir + name, data }));
  // The shop's own services as a file: the notice page, which has no inline script, loads it.
  if (configureScript(s)) entries.push({ name: dir + 'keksi-config.js', data: configureScript(s) });
  if (notice) entries.push({ name: dir + 'notice.json', data: notice.json }, { name: noticePagePath(s), data: notice.page });
  // Shopify and WordPress: no loose page in the root; the notice is a page of theirs, this its body to paste (issue 16).
  if (notice?.fragment && s.platform !== 'html') entries.push({ name: NOTICE_FRAGMENT, data: notice.fragment });
  // Shopify's pages are the theme's, not files in a root: its notes say where the tag goes instead.
  if (testPage && s.platform !== 'shopify') entries.push({ name: 'keksi-testi.html', data: testPage });
  return entries;
}
