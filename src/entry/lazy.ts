/**
 * What the script-tag entry loads later: the controller (`<keksi-consent>`) and the UI. In
 * `dist/keksi.mjs` each is a lazy chunk; `dist/keksi.js` swaps this module for src/single/loader.ts,
 * which fetches both as one second file (`keksi-rest.js`) after the page's first paint.
 */
export const loadController = () => import('../controller/keksi-consent.js');
export const loadUi = () => import('../ui/index.js');
