/**
 * Each language's texts module (src/i18n/fi.ts, sv.ts, en.ts; nothing when it cannot be loaded), fetched when asked for: on the ES module
 * build each is a chunk of its own (issue 17), so a visitor fetches only their language's. The core (on a
 * first visit, beside the UI chunk and the controller's: entry/lazy.ts) and the controller (its `texts()`)
 * import this, so it is the core's and adds no chunk shared with the UI. The module build replaces it
 * with one address for the three (rollup.config.mjs); keksi-rest.js inlines all three.
 */
import type { Lang } from '../core/lang.js';
import type { Texts } from './translation.js';
import { chunk } from '../entry/chunk.js';

export const textsModule = (lang: Lang): Promise<Texts | void> =>
  (lang == 'fi'
    ? chunk((_fetchChunk) => import('./fi.js'))
    : lang == 'sv'
      ? chunk((_fetchChunk) => import('./sv.js'))
      : chunk((_fetchChunk) => import('./en.js'))
  ).catch(() => {});
