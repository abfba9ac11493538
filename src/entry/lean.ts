/**
 * A returning visit without the controller (issue 17, item 4). When the core gated the page on a stored
 * choice that applies (returning-visitor.ts) and the page needs nothing more of Keksi's, the controller
 * chunk is not fetched: the core tells `keksi-ready`, draws the reopen button (entry/reopen.ts) and
 * fetches the controller (`wake`) only when something needs it: the reopen button's click, a
 * `data-keksi-open` or `data-cc` click, a call of the page's API that acts (api.ts), a blocked
 * `<iframe>` (its placeholder), a choice made in another tab (returning-visitor.ts `moved`); and the
 * visitor's first press (pointer or key), so that a decision made through the API is not late.
 *
 * The controller comes as before (after the first paint) whenever it would do more on this page view:
 * Google or Meta tags (also a snippet of theirs gated or held since start-up, or a dataLayer), no choice that applies, the page's own `<keksi-consent>`, an attribute beyond
 * the plain ones below or with a bad value (its `[keksi]` message), configure() called, `<keksi-notice>`
 * on the page, Shopify or the WP Consent API, a vendor's own script outside the gate (the ungated-vendor
 * message), or a rejection on a page with other cookies (the clean-up of trackers' cookies).
 */
import { PLAIN, type Read } from '../core/attributes.js';
import { resolveLang } from '../core/lang.js';
import { vendorHold } from '../core/gating.js';
import { given } from '../core/options.js';
import { hasTrackers, isVendorSnippet } from '../core/trackers.js';
import { reopenButton } from './reopen.js';
import { whenIdle } from '../core/schedule.js';
import { VENDOR_ADDRESS } from '../core/vendor-address.js';
import type { KeksiConsent } from '../controller/keksi-consent.js';
import { early, earlyConsent, holdController, moved, otherCookies, tellReady, woke } from './returning-visitor.js';
import { doc, openerOf, own } from '../core/doc.js';

/**
 * Hold the controller back if the page needs nothing of it now; returns whether it did.
 * @param names the tag's attribute names; `read` its data-* values
 * @param el the `<keksi-consent>` the controller will run as (made from the tag, not in the page yet)
 * @param load fetches and starts the controller, once
 */
export function holdBack(names: string[], read: Read, el: HTMLElement, load: () => Promise<unknown>): boolean {
  const consent = earlyConsent();
  const lang = read('lang');
  if (
    !consent ||
    early.troubled ||
    vendorHold.held ||
    hasTrackers(read) ||
    early.blockedFrame ||
    given.length ||
    // The page's own, not an element of that id (injected HTML: it fetched the controller; test/e2e/holds-clobber-loads).
    own('Shopify') ||
    own('wp_set_consent') ||
    doc('querySelector')('keksi-notice') ||
    // An attribute beyond the plain ones, or one with a bad value (core/attributes.ts, the controller's own checks).
    names.some((n) => n.startsWith('data-') && !(n.slice(5) in PLAIN && PLAIN[n.slice(5)](read(n.slice(5))))) ||
    (consent.rejected.length && otherCookies()) ||
    VENDOR_ADDRESS.test([...doc('querySelectorAll')<HTMLScriptElement>('script:not([type="text/plain"],[data-keksi])')].map((s) => s.src) + '')
  )
    return false;
  let waking: Promise<unknown> | undefined;
  const live = () => (customElements.get('keksi-consent') as typeof KeksiConsent | undefined)?.live;
  // If the controller cannot be loaded (its [keksi] message), the failure is forgotten and it is fetched again at
  // the next need (the next press of an opener, an API call), by both builds (script-tag.ts).
  holdController(() => (waking ||= load().finally(() => (waking = undefined))));
  // A Google or Meta snippet gated later (a single-page shop's router) waits for their queues: the controller's integrations.
  vendorHold.ok = (el) => !isVendorSnippet(el) || (woke(), false);
  // Beside <body>, after it: where the controller puts its element once the banner is closed (last in the
  // tab order). `held`: Keksi runs without the controller for now (the tests' keksiReady() looks for it).
  doc('documentElement').append(Object.assign(el, { held: true }));
  tellReady();
  if (read('reopen') != 'none' && read('no-reopen-button') === null)
    whenIdle(
      () => live() || reopenButton(el.shadowRoot || el.attachShadow({ mode: 'open' }), resolveLang(lang), (b) => woke().then(() => live()?.showPreferences(b))),
    );
  // The shop's own openers: the click is handed to the controller once it runs; when none can come any more
  // (keksi.mjs's failed, its [keksi] message), the opener does what it does without Keksi (a link goes to its page).
  doc('addEventListener')('click', (event) => {
    const opener = openerOf(event);
    if (opener && !live() && early.wake) {
      event.preventDefault();
      woke().then(() => (live() || !early.wake) && opener.click());
    }
  });
  // A visitor's first press (pointer or key) starts fetching it: a decision the shop's own button makes
  // through the API (keksi.rejectAll() before a navigation) is then not a chunk's round trip late.
  for (const type of ['pointerdown', 'keydown']) doc('addEventListener')(type, woke, { once: true, passive: true });
  doc('addEventListener')('visibilitychange', moved);
  // own(): where the browser has no Cookie Store (plain http, Safari before 18.4) an element of that id is window.cookieStore,
  // and two of them (no addEventListener) or a <form> whose control is named addEventListener threw here (holds-clobber-forms).
  (own('cookieStore') as EventTarget | undefined)?.addEventListener('change', moved);
  return true;
}
