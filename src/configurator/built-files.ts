/**
 * Keksi's built files a shop uploads, by their path in Keksi's folder (`keksi.mjs`, `chunks/…`,
 * `keksi.js`, `keksi-rest.js`, `keksi-notice.js`): empty here; the configurator's build
 * (rollup.config.mjs, `builtFiles`) fills it with the files it has just built, so `keksi.zip` is made
 * in the browser from disk or any host, with nothing fetched.
 */
export const BUILT_FILES: Readonly<Record<string, string>> = {};
