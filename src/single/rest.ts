/**
 * `dist/keksi-rest.js`: the second file of `dist/keksi.js` (see loader.ts) — the controller with its
 * integrations, and the UI, in one classic script. Its core modules are not in it: the build maps
 * them, and loader.ts, to keksi.js's own (rollup.config.mjs), so nothing of the core runs twice.
 */
import { restLoaded } from './loader.js';

restLoaded({ controller: () => import('../controller/keksi-consent.js'), ui: () => import('../ui/index.js') });
