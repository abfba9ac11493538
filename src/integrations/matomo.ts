/**
 * Matomo with its consent API (https://developer.matomo.org/guides/tracking-consent), category
 * analytics. `_paq` hears `requireConsent` before anything else (the tracker URL, the site id,
 * `trackPageView`), so Matomo sends nothing and sets no cookie until `setConsentGiven`. Keksi keeps the
 * choice, so consent is given per page (`setConsentGiven`, not `rememberConsentGiven` and its
 * `mtm_consent` cookie); withdrawal is `forgetConsentGiven`. basic mode loads matomo.js only after consent.
 * `consent-mode="advanced"` is Matomo's cookieless mode: `requireCookieConsent` first, matomo.js at
 * once, tracking without cookies until `setCookieConsentGiven` (`forgetCookieConsentGiven` on withdrawal).
 */
import { loadScript } from '../core/gating.js';
import { options } from '../core/options.js';
import type { TrackerModule } from './tracker-kit.js';

type MatomoWindow = Window & { _paq?: unknown[] };

export const cookies = ['_pk_id*', '_pk_ses*', '_pk_ref*', '_pk_cvar*', '_pk_hsr*', 'mtm_consent*', 'mtm_cookie_consent*'];

export const start: TrackerModule['start'] = (_name, [url, site], config, granted, follow) => {
  const w = window as MatomoWindow;
  // An element named _paq (window's named properties) is not Matomo's queue.
  const paq = (w._paq = Array.isArray(w._paq) ? w._paq : []);
  const cookieless = config.consentMode == 'advanced';
  const base = url.replace(/\/?$/, '/');
  let loaded = false;
  paq.push([cookieless ? 'requireCookieConsent' : 'requireConsent']);
  const after = follow((now, first) => {
    if (now || !first) paq.push([(now ? 'set' : 'forget') + (cookieless ? 'CookieConsentGiven' : 'ConsentGiven')]);
    if (!loaded && (now || cookieless)) {
      loaded = true;
      loadScript(options.scriptUrls.matomo || base + 'matomo.js');
    }
  });
  // Queued after the consent call: matomo.js runs them in order when it loads.
  paq.push(['setTrackerUrl', base + 'matomo.php'], ['setSiteId', site], ['trackPageView'], ['enableLinkTracking']);
  return after;
};
