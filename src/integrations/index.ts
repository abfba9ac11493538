/**
 * The integrations, started together: each gets the configuration and the store's view of what is
 * granted, and returns what to do after each decision. Google and Meta (vendors.ts), the platforms and
 * the other trackers are lazy chunks, fetched only when the page has something of theirs. Also here:
 * cookie clean-up on withdrawal and the consent log beacon.
 */
import { deleteCookies } from '../controller/cleanup.js';
import { NECESSARY, type KeksiConfig, type Lang } from '../controller/config.js';
import { guard, warn } from '../core/log.js';
import { options } from '../core/options.js';
import type { Consent } from '../core/record.js';
import { vendorHold } from '../core/gating.js';
import { gatedSnippet, isVendorSnippet } from '../core/trackers.js';
import { BUILT_IN, TRACKER_COOKIES } from './built-in.js';
import { chunk } from '../entry/chunk.js';
import { atNextChance } from '../core/schedule.js';
import { own } from '../core/doc.js';

export { TRACKER_COOKIES };

/** Delete the tracker cookies of every category that is not granted, and of every service switched off. */
export function cleanUp(config: KeksiConfig, granted: (c: string) => boolean): string[] {
  const { categories } = config;
  const patterns = categories.filter((c) => c !== NECESSARY && !granted(c)).flatMap((c) => [...(TRACKER_COOKIES[c] || []), ...(options.cookies[c] || [])]);
  for (const [name, attribute, own] of BUILT_IN)
    if (config[attribute].length && categories.includes(name.split(':')[0]) && !granted(name)) patterns.push(...own);
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

/**
 * Start every configured integration. Returns what to call after each decision, and `ready`, which
 * settles once Google and Meta have heard the consent on a page that has them (at once on one without).
 * `regate` runs the gate again: a vendor's snippet held until its queue knows the consent may run then.
 */
export function startIntegrations(config: KeksiConfig, granted: (c: string) => boolean, decided: () => boolean, regate: () => void) {
  const after: Array<() => void> = [];
  // Google and Meta (issue 17: their own chunk), fetched when the page has something of theirs: their
  // attributes or gated snippets at start, a snippet gated later, or the page's own dataLayer, gtag or
  // fbq (also one that appears later: it hears the next decision). They start with what is granted
  // when they arrive; until then their snippets stay held (fail closed). A failed load is kept until the visitor's
  // next press or key, or the network's return, which asks again: offline, the gate meets a held snippet at every
  // pass (a decision, an element added), and each would otherwise ask for the chunk once more.
  let vendors: Promise<void> | undefined;
  const startVendors = (): Promise<void> =>
    (vendors ||= chunk((_fetchChunk) => import('./vendors.js')).then(
      (m) => {
        const started = m.startVendors(config, granted, decided(), BUILT_IN);
        after.unshift(...started.after);
        // From now on a vendor's snippet runs once its queue knows the consent (Meta's base code carries it).
        vendorHold.ok = (el) => (started.before(el), true);
        regate();
      },
      (e) => {
        atNextChance(() => ((vendors = undefined), startVendors()));
        warn('Google and Meta could not be loaded; they stay off until they can be', e);
      },
    ));
  // The page's own, never an element of that id (injected HTML: it fetched this chunk, and the platforms' below; test/e2e/holds-clobber-loads).
  const queues = () => own('dataLayer') || own('gtag') || own('fbq');
  vendorHold.ok = (el) => !isVendorSnippet(el) || (startVendors(), false);
  const ready = config.ga.length + config.googleAds.length + config.gtm.length + config.metaPixel.length || queues() || gatedSnippet() ? startVendors() : 0;
  // Platforms (Shopify, WP Consent API): one lazy chunk, fetched only on a page that has one or names
  // one; it starts with what is granted when it arrives (a decision made while it loads is not lost).
  if (own('Shopify') || own('wp_set_consent') || config.platform)
    chunk((_fetchChunk) => import('./platforms.js')).then(
      (m) => after.push(m.start(config, granted)),
      (e) => warn('an integration failed', e),
    );
  // The other trackers: their chunk, only when one of their attributes is set (integrations/trackers.ts).
  if (Object.keys(config.trackers).length) {
    let tell = () => {};
    chunk((_fetchChunk) => import('./trackers.js')).then(
      (m) => (tell = m.startTrackers(config, granted, decided(), TRACKER_COOKIES, cleanUp)),
      () => warn('the trackers module did not load; they stay off.'),
    );
    after.push(() => tell());
  }
  if (decided()) cleanUp(config, granted);
  return {
    after() {
      if (queues()) startVendors();
      for (const fn of after) guard('an integration', fn);
      cleanUp(config, granted);
    },
    ready: Promise.resolve(ready),
  };
}
