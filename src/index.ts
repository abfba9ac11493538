/**
 * Public ESM API: re-exports only, no side effects. To put the widget on a page, import
 * `keksi/keksi.mjs` (or use the script tag); this module gives typed access to the same functions.
 */
export { acceptAll, configure, getConsent, has, rejectAll, reset, setConsent, showBanner, showPreferences, version } from './entry/api.js';
// The type of window.keksi (and its declaration on Window) for TypeScript pages; a type-only export, so importing index runs no entry code.
export type { KeksiApi } from './entry/script-tag.js';
export { KeksiConsent, type KeksiEventDetail } from './controller/keksi-consent.js';
export type { KeksiConfig, Lang } from './controller/config.js';
export type { Consent } from './core/record.js';
export type { KeksiOptions, ServiceInfo, CookieInfo, LocalText } from './core/options.js';
export { consentModeSignals, CONSENT_MAP } from './integrations/google.js';
