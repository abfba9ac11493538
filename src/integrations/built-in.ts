/**
 * The tracker cookies of the built-in integrations, and the built-in services' names. A module of its
 * own so that the controller's clean-up (index.ts) and the vendors chunk (google.ts) read one list
 * without an import cycle; the build keeps it in the controller's chunk, which is loaded before the
 * vendors chunk (the vendors chunk already imports the Consent Mode types from there).
 */
/**
 * Tracker cookies deleted when a category is withdrawn (plus the shop's own, see `configure`). Like
 * `options.cookies`, a map without a prototype: a category named `constructor` finds nothing.
 */
export const TRACKER_COOKIES = {
  __proto__: null,
  analytics: ['_ga', '_ga_*', '_gid', '_gat*', '_dc_gtm_*', '_gac_*'],
  marketing: ['_gcl_*', '_fbp', '_fbc'],
} as unknown as Record<string, string[]>;

/**
 * The built-in services with cookies of their own (issue 15's per-service choice): each one's
 * `category:service` name, the attribute that configures it, and its cookies, deleted when its switch
 * is off. One list for the clean-up (index.ts) and Google's `keksi_consent_update` (google.ts adds GTM).
 * The dialog's, with texts: ui/views.ts.
 */
// Only for a service the page configures (its attribute): asking the store about one it does not would
// name it in every keksi-change (the store reports each service it was asked about).
export const BUILT_IN: [service: string, attribute: 'ga' | 'googleAds' | 'metaPixel', cookies: string[]][] = [
  ['analytics:ga', 'ga', TRACKER_COOKIES.analytics],
  ['marketing:google-ads', 'googleAds', ['_gcl_*']],
  ['marketing:meta-pixel', 'metaPixel', ['_fbp', '_fbc']],
];
