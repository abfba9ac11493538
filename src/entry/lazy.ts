/**
 * What the script-tag entry loads later: the controller (`<keksi-consent>`) and the UI. In
 * `dist/keksi.mjs` each is a lazy chunk; `dist/keksi.js` swaps this module for src/single/loader.ts,
 * which fetches both as one second file (`keksi-rest.js`) after the page's first paint.
 */
import { chunk } from './chunk.js';
import type { Lang } from '../core/lang.js';
import { textsModule } from '../i18n/load.js';

// With Google or Meta tags on the page (`vendors`), their chunk is fetched alongside the controller's,
// not after the controller has run: their tags then wait one round trip, not two (issue 17). The
// controller's own import of it (integrations/index.ts) gets this same module; if it fails, that import says so.
export const loadController = (vendors?: boolean) => {
  if (vendors) chunk((_fetchChunk) => import('../integrations/vendors.js')).catch(() => {});
  return chunk((_fetchChunk) => import('../controller/keksi-consent.js'));
};
// A failed controller is asked for again (script-tag.ts: at the next press or key, or the network's return) at a new
// address (chunk.ts). One controller: no chunk imports the controller's chunk (test/node/fresh-chunks.test.mjs), so none
// fetches its first, failed address (Firefox would fail that chunk) or a second copy (Chromium would evaluate it twice).
// docs/architecture.md, "How keksi.mjs asks for its controller again".
/**
 * The UI chunk, and on a first visit (`lang`) the visitor's texts beside it: both asked for with the
 * controller's chunk, not after the controller has run (issue 17; the controller asks for the same
 * modules and gets these loads, or their failures, which it reports).
 */
export const loadUi = (lang?: Lang) => {
  if (lang) textsModule(lang);
  return chunk((_fetchChunk) => import('../ui/index.js'));
};
