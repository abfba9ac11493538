/**
 * The public JavaScript API: `window.keksi` for script-tag users and the same functions as named ESM
 * exports. Each acts on the page's `<keksi-consent>`; calls made before it has started wait for it.
 */
import type { KeksiConsent } from '../controller/keksi-consent.js';
import { guard, warn } from '../core/log.js';
import { configure as addOptions, type KeksiOptions } from '../core/options.js';
import { copyConsent, type Consent } from '../core/record.js';
import { early, earlyConsent, earlyGrants, pending } from './returning-visitor.js';
import { doc } from '../core/doc.js';

// Set by the build (rollup.config.mjs) and the test runner from package.json.
declare const __KEKSI_VERSION__: string;
/** Keksi's version. */
export const version: string = __KEKSI_VERSION__;

/**
 * The page's started controller, if any: the one `<keksi-consent>` that runs, also while Turbo or
 * Swup move it into a new `<body>` (whose scripts run before it has followed). Internal: tests use
 * `customElements.get('keksi-consent').live`. Undefined without a DOM (Node, server rendering).
 */
const defined = () => globalThis.customElements?.get('keksi-consent') as typeof KeksiConsent | undefined;
const controller = (): KeksiConsent | undefined => defined()?.live;

/**
 * Call `fn` with the running controller, now or when one runs (fetched now when the core held it back):
 * `keksi-ready` is dispatched by one that starts and by a removed one put back (it runs again). With the element defined and none running (it
 * was removed, or is not in the page yet) the call says that it waits.
 */
function whenStarted(what: string, fn: (c: KeksiConsent) => void): void {
  // Without a DOM (server rendering) this warns instead of throwing.
  guard(what, () => {
    const c = controller();
    if (c) return fn(c);
    // Held back on a returning visit (lean.ts): fetched now, and the call made as it starts, before it gates.
    if (early.wake) return void (pending.push(() => whenStarted(what, fn)), early.wake());
    if (defined()) warn(`no <keksi-consent> runs: ${what} waits for one.`);
    doc('addEventListener')('keksi-ready', () => whenStarted(what, fn), { once: true });
  });
}

/**
 * A grant the controller makes after it was asked for (held back on a returning visit, or not started yet)
 * stands down when a choice was stored in the meantime (another tab's): the visitor's newer "no" is not undone
 * by an older call. A withdrawal (rejectAll(), reset()) always applies. The choice the page was gated on is not
 * "newer", whatever its time: dated ahead of this tab's clock (the clock set back since, or a forged cookie), it
 * made every such grant stand down.
 */
function grant(what: string, fn: (c: KeksiConsent) => void): void {
  const asked = !controller() && Date.now();
  const was = earlyConsent()?.timestamp;
  whenStarted(what, (c) => {
    const since = asked && c.store.lookAgain()?.timestamp;
    if (since && since != was && Date.parse(since) > asked) warn(`${what}: a newer choice (another tab's) stands.`);
    else fn(c);
  });
}

// Before the controller has started, the choice the page was gated on answers (see returning-visitor.ts).
/** The visitor's current decision, or null when there is none (yet). */
export const getConsent = (): Consent | null => {
  const c = controller();
  return c ? c.getConsent() : copyConsent(earlyConsent());
};
/**
 * Whether a category (`marketing`) or one of its services (`marketing:meta-pixel`) is granted now;
 * before start-up, whether the stored choice grants it.
 */
export const has = (category: string): boolean => {
  const c = controller();
  return c ? c.has(category) : earlyGrants(category);
};
/** Accept every category (under Global Privacy Control, all but marketing). */
export const acceptAll = (): void => grant('acceptAll()', (c) => c.acceptAll());
/** Reject every optional category. */
export const rejectAll = (): void => whenStarted('rejectAll()', (c) => c.rejectAll());
/** Accept exactly these categories, reject the rest. */
export const setConsent = (categories: string[]): void => grant('setConsent()', (c) => c.setConsent(categories));
/** Show the banner. */
export const showBanner = (): void => whenStarted('showBanner()', (c) => c.showBanner());
/** Open the preferences dialog. */
export const showPreferences = (): void => whenStarted('showPreferences()', (c) => c.showPreferences());
/** Forget the decision, delete the cookie and show the banner again. */
export const reset = (): void => whenStarted('reset()', (c) => c.reset());
/** Texts for custom categories, extra services, extra cookies to clean up, Consent Mode map. */
export const configure = (options: KeksiOptions): void => guard('configure()', () => addOptions(options));
