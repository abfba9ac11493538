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
import { applicableConsent, copyConsent, grants, parseConsentCookie, type Consent } from '../core/record.js';
import { doc } from '../core/doc.js';

type Granted = (category: string) => boolean;

/** The choice the early gate acts on, until the controller takes over. */
let consent: Consent | null = null;

/** What the core knows of this returning visit until the controller takes over (issue 17, item 4). */
export const early: {
  /** The cookie's values the choice was read from, or none on a first visit (the controller's store starts from them: a change since is a change it reports). */
  values?: string[];
  /** The consent cookie's name, as the tag says. */
  cookieName: string;
  /**
   * Fetch and start the controller (set by the script-tag entry while it holds the controller back on a
   * returning visit, see lean.ts): whatever needs it calls this; undefined when the controller comes anyway.
   */
  wake?: () => Promise<unknown>;
  /** Once the controller is on its way, the early gate runs nothing new (it runs it once it has taken over, after the calls that woke it). */
  woken: boolean;
  /** Whether the core told keksi-ready for this page view (the controller it then woke does not tell it again). */
  told: boolean;
  /** Whether a gating attribute has a problem (the controller's messages say which): the controller must come. */
  troubled: boolean;
  /** A blocked embed was noted before the controller was held back: its placeholder is the controller's. */
  blockedFrame: boolean;
} = { cookieName: '', woken: false, told: false, troubled: false, blockedFrame: false };

export const holdController = (load?: () => Promise<unknown>) => (early.wake = load && (() => ((early.woken = true), load())));
/** Fetch the held-back controller (settles at once when none is held back). */
export const woke = (): Promise<unknown> => (early.wake ? early.wake() : Promise.resolve());
/** Calls of the page's API made while the controller was held back: the controller makes them as it starts, before it gates. */
export const pending: Array<() => void> = [];
/** Whether the cookie no longer holds what the page was gated on (another tab decided): then the controller must come. */
export const moved = (): boolean => !!early.wake && cookieValues(early.cookieName).join('\n') != early.values!.join('\n') && (early.wake(), true);
// Until the controller takes over, a choice made in another tab grants nothing more (fail closed) and fetches it.
const grantsNow: Granted = (c) => !moved() && grants(consent, c);
let granted: Granted = (c) => !early.woken && grantsNow(c);
let known: Granted = () => false;
// Embeds that stay blocked get their placeholder from the controller, whose first update passes them;
// while the core holds it back, a blocked frame fetches it (`wake`), and before that it is noted.
let blocked = (el: Element): unknown => el instanceof HTMLIFrameElement && (early.wake ? early.wake() : (early.blockedFrame = true));
let gate: Gate | undefined;
/** The page's cookies are more than the consent cookie's copies (a rejection may leave trackers' cookies to clean up). */
export const otherCookies = (): boolean => doc('cookie').split(';').length > early.values!.length;
/** The core tells the page Keksi runs (keksi-ready, with the choice) when it holds the controller back. */
export const tellReady = (): void => {
  early.told = true;
  doc('dispatchEvent')(new CustomEvent('keksi-ready', { detail: { consent: copyConsent(consent) } }));
};
/** Whether the core told keksi-ready for this page view (asked once, by the controller it then woke: no second one). */
export const toldReady = (): boolean => early.told && !(early.told = false);

/**
 * Gate the page on the stored choice if one applies and the page has no Google or Meta tags.
 * @returns whether a consent cookie exists (a returning visitor), whatever its value
 */
export function gateEarly(read: Read): boolean {
  const config = parseGating(read, () => (early.troubled = true));
  // None found (a first visit): the controller's store starts from this look (keksi-consent.ts _start()).
  const found = (early.values = cookieValues((early.cookieName = config.cookieName)));
  if (!found.length || gate || hasTrackers(read)) return !!found.length;
  const { categories, revision, expiresDays } = config;
  const agreed = found.every((v) => v === found[0]) && found[0];
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
/** Whether the early gate grants `category` (before the controller started). */
export const earlyGrants = (category: string): boolean => grantsNow(category);
/** The cookie's values the early gate was started on, for the controller's store (see `values`); undefined once taken or when none. */
export const earlyValues = (): string[] | undefined => gate && early.values;

/**
 * The controller takes over: the early gate (if any) now asks the controller's store. It is handed over
 * once: a controller started after that one was removed makes a gate of its own.
 */
export function adoptGate(nowGranted: Granted, nowKnown: Granted, nowBlocked: typeof blocked): Gate | undefined {
  const adopted = gate;
  gate = undefined;
  consent = null;
  early.wake = undefined;
  if (adopted) {
    granted = nowGranted;
    known = nowKnown;
    blocked = nowBlocked;
  }
  return adopted;
}
