/**
 * The returning visitor's fast path, run by the script-tag entry before the rest of Keksi is even
 * fetched: read the attributes gating depends on and the stored choice, and activate what that choice
 * allows. The controller (`<keksi-consent>`, a lazy chunk of `keksi.mjs`) adopts this gate when it
 * starts, so nothing runs twice and the page's order is kept.
 *
 * Skipped (the controller gates, as before) when there is no choice that applies, and on pages with
 * Google or Meta tags: their queues must hear the consent before any gated tag runs, which is the
 * controller's post-paint work. Every cookie of the name is read (core/cookie-jar.ts): copies that
 * disagree (another domain or path), or a cookie that is not Keksi's, are no choice to gate on; the
 * controller says why. This module only reads the cookie: the controller's store writes it.
 */
import { cookieValues } from '../core/cookie-jar.js';
import { NECESSARY, parseGating, type Read } from '../core/attributes.js';
import { hasTrackers } from '../core/trackers.js';
import { Gate } from '../core/gating.js';
import { applicableConsent, grants, parseConsentCookie, type Consent } from '../core/record.js';

type Granted = (category: string) => boolean;

/** The choice the early gate acts on, until the controller takes over. */
let consent: Consent | null = null;
let granted: Granted = (c) => grants(consent, c);
let known: Granted = () => false;
// Embeds that stay blocked get their placeholder from the controller, whose first update passes them.
let blocked = (_el: Element): void => {};
let gate: Gate | undefined;

/**
 * Gate the page on the stored choice if one applies and the page has no Google or Meta tags.
 * @returns whether a consent cookie exists (a returning visitor), whatever its value
 */
export function gateEarly(read: Read): boolean {
  const config = parseGating(read, () => {});
  const values = cookieValues(config.cookieName);
  if (!values.length || gate || hasTrackers(read)) return !!values.length;
  const { categories, revision, expiresDays } = config;
  const agreed = values.every((v) => v === values[0]) && values[0];
  consent = applicableConsent(parseConsentCookie(agreed), categories, revision, expiresDays, Date.now()).consent;
  if (consent) {
    known = (c) => c === NECESSARY || categories.includes(c);
    gate = new Gate(
      (c) => granted(c),
      (c) => known(c),
      (el) => blocked(el),
    );
    gate.update();
  }
  return true;
}

/** The choice the page was gated on before the controller started (null when none, or after it started). */
export const earlyConsent = (): Consent | null => consent;

/**
 * The controller takes over: the early gate (if any) now asks the controller's store. It is handed over
 * once: a controller started after that one was removed makes a gate of its own.
 */
export function adoptGate(nowGranted: Granted, nowKnown: Granted, nowBlocked: typeof blocked): Gate | undefined {
  const early = gate;
  gate = undefined;
  consent = null;
  if (early) {
    granted = nowGranted;
    known = nowKnown;
    blocked = nowBlocked;
  }
  return early;
}
