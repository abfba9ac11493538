/**
 * What `keksi.zip` holds, with no DOM: Keksi's built files in the folder of step 1 (so the tag's `src`
 * and the zip agree: unzipped in the site's root, `/keksi/keksi.mjs` is there; with GTM chosen, its
 * consent template `gtm/keksi-consent.tpl`), `keksi-config.js` with
 * the shop's own services when it has any, and once step 4 is
 * started, `notice.json` beside them and the ready notice page at the notice's address (or
 * `tietosuojaseloste.html` in the root).
 */
import { configureScript, folder, type State } from './model.js';
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

/** The zip's entries: the built files in the folder, then (with a notice) notice.json there and the page. */
export function shopFiles(s: State, built: Readonly<Record<string, string>>, notice?: { json: string; page: string }): ZipEntry[] {
  const dir = zipFolder(s);
  // The GTM consent template (walk 3's N3) only for a shop that chose GTM: the others never import it.
  const entries: ZipEntry[] = Object.entries(built)
    .filter(([name]) => !name.startsWith('gtm/') || s.gtm.trim())
    .map(([name, data]) => ({ name: dir + name, data }));
  // The shop's own services as a file: the notice page, which has no inline script, loads it.
  if (configureScript(s)) entries.push({ name: dir + 'keksi-config.js', data: configureScript(s) });
  if (notice) entries.push({ name: dir + 'notice.json', data: notice.json }, { name: noticePagePath(s), data: notice.page });
  return entries;
}
