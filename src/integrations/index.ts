/**
 * The integrations, started together: each gets the configuration and the store's view of what is
 * granted, and returns what to do after each decision. Also: cookie clean-up on withdrawal and the
 * consent log beacon.
 */
import { deleteCookies } from '../controller/cleanup.js';
import { NECESSARY, type KeksiConfig, type Lang } from '../controller/config.js';
import { guard, warn } from '../core/log.js';
import { options } from '../core/options.js';
import type { Consent } from '../core/record.js';
import { vendorHold } from '../core/gating.js';
import { startGoogle } from './google.js';
import { startMeta } from './meta.js';
import type { TrackerModule } from './tracker-kit.js';

/**
 * Tracker cookies deleted when a category is withdrawn (plus the shop's own, see `configure`). Like
 * `options.cookies`, a map without a prototype: a category named `constructor` finds nothing.
 */
export const TRACKER_COOKIES = {
  __proto__: null,
  analytics: ['_ga', '_ga_*', '_gid', '_gat*', '_dc_gtm_*', '_gac_*'],
  marketing: ['_gcl_*', '_fbp', '_fbc'],
} as unknown as Record<string, string[]>;

/** Delete the tracker cookies of every category that is not granted. */
export function cleanUp(categories: readonly string[], granted: (c: string) => boolean): string[] {
  const patterns = categories.filter((c) => c !== NECESSARY && !granted(c)).flatMap((c) => [...(TRACKER_COOKIES[c] || []), ...(options.cookies[c] || [])]);
  return patterns.length ? deleteCookies(patterns) : [];
}

/** Send the consent record to the shop's endpoint without blocking anything. */
export function logConsent(url: string, consent: Consent, lang: Lang): void {
  guard('sending the consent log', () => {
    const body = JSON.stringify({ ...consent, language: lang, url: location.origin + location.pathname });
    const blob = new Blob([body], { type: 'application/json' });
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, blob))) {
      fetch(url, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => {});
    }
  });
}

/** Issue 15 trackers: each its own chunk, imported only when its attribute is set (config.ts TRACKERS). */
const TRACKER_MODULES: Record<string, () => Promise<TrackerModule>> = {
  matomo: () => import('./matomo.js'),
  clarity: () => import('./clarity.js'),
  uet: () => import('./uet.js'),
  'tiktok-pixel': () => import('./tiktok.js'),
  'pinterest-tag': () => import('./after-consent.js'),
  'linkedin-partner': () => import('./after-consent.js'),
  hotjar: () => import('./after-consent.js'),
};

/** Start every configured integration; returns the function to call after each decision. */
export function startIntegrations(config: KeksiConfig, granted: (c: string) => boolean, decided: boolean): () => void {
  const google = startGoogle(config, granted, decided);
  const after = [google.after, startMeta(config, granted)];
  for (const [name, { category, ids }] of Object.entries(config.trackers)) {
    let tell = () => {};
    // `granted` is the store's live view: a decision made while the module loads is applied when it starts.
    TRACKER_MODULES[name]().then(
      (m) =>
        guard(name, () => {
          const list = (TRACKER_COOKIES[category] ||= []);
          for (const c of Array.isArray(m.cookies) ? m.cookies : m.cookies[name]) list.includes(c) || list.push(c);
          tell = m.start(name, ids, config, granted);
          if (decided) cleanUp(config.categories, granted);
        }),
      () => warn(`${name}: its module did not load; it stays off.`),
    );
    after.push(() => tell());
  }
  // From now on a vendor's snippet runs once its queue knows the consent (Meta's base code carries it).
  vendorHold.ok = (el) => (google.before(el), true);
  if (decided) cleanUp(config.categories, granted);
  return () => {
    for (const fn of after) guard('an integration', fn);
    cleanUp(config.categories, granted);
  };
}
