/**
 * The WP Consent API (https://github.com/WordPress/wp-consent-level-api, readme "javascript, consent
 * management plugin"; assets/js/wp-consent-api.js): Keksi is the site's consent banner, so WordPress
 * and WooCommerce plugins that ask `wp_has_consent()` follow the visitor's choice. Part of the
 * platforms chunk (platforms.ts), started on a page with `wp_set_consent` or `platform="wordpress"`.
 * In the documented order: `window.wp_consent_type = 'optin'`, the `wp_consent_type_defined` event,
 * then `wp_set_consent(category, 'allow' | 'deny')` for every category at start (a stale `allow` from an
 * earlier choice is overwritten: fail closed) and after every decision. The API's own `wp_set_consent`
 * fires `wp_listen_for_consent_change` for each change, so Keksi does not fire it a second time.
 */
import { guard, warn } from '../core/log.js';
import { doc } from '../core/doc.js';

type WpWindow = Window & { wp_consent_type?: string; wp_set_consent?: (category: string, value: 'allow' | 'deny') => void };

/** The API's categories and the Keksi category that decides each; `configure({platforms: {'wordpress:…': …}})` changes them. */
export const WP_CATEGORIES = {
  functional: 'necessary',
  preferences: 'preferences',
  statistics: 'analytics',
  // Anonymous statistics still set cookies or read the device: consent first, as for analytics.
  'statistics-anonymous': 'analytics',
  marketing: 'marketing',
};

/** Drive the WP Consent API; `allows(category)` says what the visitor allows now. Returns what to do after each decision. */
export function startWordPress(allows: (category: string) => boolean): () => void {
  const w = window as WpWindow;
  w.wp_consent_type = 'optin';
  doc('dispatchEvent')(new CustomEvent('wp_consent_type_defined'));
  const tell = () => {
    if (typeof w.wp_set_consent != 'function') return warn('platform="wordpress" but no wp_set_consent: is the WP Consent API plugin active?');
    for (const category of Object.keys(WP_CATEGORIES)) w.wp_set_consent(category, allows(category) ? 'allow' : 'deny');
  };
  // The API's script may come later in the page (WordPress enqueues it in the footer).
  if (typeof w.wp_set_consent != 'function' && doc('readyState') != 'complete')
    addEventListener('load', () => guard('the WP Consent API', tell), { once: true });
  else tell();
  return tell;
}
