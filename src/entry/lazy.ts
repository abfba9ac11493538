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
/**
 * Whether the core asks for the controller again after a failed load (keksi.js does: src/single/loader.ts).
 * Not here: the chunks that import the controller's chunk (vendors, diagnostics, configure()'s) would
 * fetch it at its first address, a second copy after a retry at a new one (src/entry/chunk.ts); measured
 * (scripts/probe-import-retry.mjs): Chromium evaluates it twice, Firefox fails those chunks, and a retry at
 * the same address never loads in Firefox. docs/architecture.md, "Why keksi.mjs does not retry its controller".
 */
export const loadsAgain = false;
/**
 * The UI chunk, and on a first visit (`lang`) the visitor's texts beside it: both asked for with the
 * controller's chunk, not after the controller has run (issue 17; the controller asks for the same
 * modules and gets these loads, or their failures, which it reports).
 */
export const loadUi = (lang?: Lang) => {
  if (lang) textsModule(lang);
  return chunk((_fetchChunk) => import('../ui/index.js'));
};
