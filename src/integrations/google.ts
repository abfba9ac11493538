/**
 * Google Consent Mode v2, gtag.js (GA4, Google Ads) and Google Tag Manager.
 * The consent default is pushed before any other Google command; gtag.js only acts on `Arguments`
 * objects, so commands go through a classic `function gtag(){dataLayer.push(arguments)}`.
 */
import type { KeksiConfig } from '../controller/config.js';
import { VENDOR_SNIPPETS, gatedSnippet, isVendorSnippet } from '../core/trackers.js';
import { CATEGORY_ID } from '../core/attributes.js';
import { loadScript } from '../core/gating.js';
import { warn } from '../core/log.js';
import { options } from '../core/options.js';
import type { BUILT_IN } from './built-in.js';
import { doc, own } from '../core/doc.js';

type GoogleWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };
type Signal = 'granted' | 'denied';

/** Google's part of the one tracker detector (core/trackers.ts). */
const GOOGLE_SNIPPET = VENDOR_SNIPPETS.slice(0, 1);

/** Which Consent Mode types each built-in category grants. */
export const CONSENT_MAP: Record<string, string[]> = {
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  analytics: ['analytics_storage'],
  preferences: ['functionality_storage', 'personalization_storage'],
};
/**
 * The seven Consent Mode v2 types, in controller/consent-types.ts's order (test/integrations/holds-vendors.test.ts
 * checks): the six the categories grant and `security_storage`. Made here, not imported: this chunk imports
 * nothing of the controller's (which has CONSENT_TYPES for configure()'s checks), so a controller asked for
 * again at a new address is the only one (src/entry/lazy.ts).
 */
const TYPES = [...Object.values(CONSENT_MAP).flat(), 'security_storage'];

export const GTAG_URL = 'https://www.googletagmanager.com/gtag/js?id=';
export const GTM_URL = 'https://www.googletagmanager.com/gtm.js?id=';

/**
 * Per-service choice (issue 15): Consent Mode knows only categories, so a category's types also need
 * the switch of Google's own service in it: analytics_storage needs Google Analytics (`analytics:ga`),
 * the ad types need Google Ads (`marketing:google-ads`). Marketing granted with Google Ads switched off
 * (or with only other services on) denies the ad types; Meta and the rest follow their own switches.
 */
const GOOGLE_SERVICE: Record<string, string> = { analytics: ':ga', marketing: ':google-ads' };

/** Consent Mode signals for the granted categories; `security_storage` is always granted. */
export function consentModeSignals(granted: (category: string) => boolean): Record<string, Signal> {
  const signals: Record<string, Signal> = {};
  for (const type of TYPES) signals[type] = type === 'security_storage' ? 'granted' : 'denied';
  // Own keys only: what another script put on Object.prototype is never a category's mapping.
  for (const [category, types] of Object.entries({ ...CONSENT_MAP, ...options.consentMode })) {
    if (granted(category + (GOOGLE_SERVICE[category] || '')) && Array.isArray(types)) for (const type of types) signals[type] = 'granted';
  }
  return signals;
}

/** GTM, a built-in service without cookies of its own (the rest: built-in.ts), in the dialog's order. */
const GTM = ['analytics:gtm', 'gtm'] as const;

/**
 * The `category:service` names a `keksi_consent_update` reports: the built-in integrations and the
 * trackers configured by their attributes, the `configure({ services })` entries with an `id`, and the
 * services the page's gated elements name (`data-service`), of the configured categories.
 */
export function servicesOf(config: KeksiConfig, builtIn: typeof BUILT_IN): string[] {
  const names = [builtIn[0], GTM, ...builtIn.slice(1)].filter(([, attribute]) => config[attribute].length).map(([name]) => name);
  for (const [name, { category }] of Object.entries(config.trackers)) names.push(category + ':' + name);
  // A service without an id has a switch in the dialog (an id made from its name, ui/views.ts), but the
  // dataLayer names only the ids a shop gave: one GTM reads by a name that changes with the service's name would break.
  for (const s of options.services)
    if (typeof s.id == 'string') names.push(s.category + ':' + s.id);
    else warn(`configure(): the service "${s.name}" has no id; keksi_consent_update leaves it out: give it one.`);
  // Read here, not with the core's parsers: a name the core exported for this chunk would cost every page bytes.
  // Not a <form>: its getAttribute may be a control (see core/gating.ts SELECTOR).
  for (const el of doc('querySelectorAll')('[data-category][data-service]:not(form)'))
    for (const category of el.getAttribute('data-category')!.split(/\s+/)) names.push(category + ':' + el.getAttribute('data-service'));
  // "!name" (cookieconsent's negation) is the same service seen from the other side.
  return [...new Set(names.map((name) => name.replace(/!/g, '')))].filter((name) => {
    const [category, service] = name.split(':');
    return config.categories.includes(category) && CATEGORY_ID.test(service);
  });
}

// globalThis (the window in a browser): importing this module in Node must not throw.
const w = globalThis as unknown as GoogleWindow;

/**
 * The page's dataLayer; one that is not an array (an element with id="dataLayer") is replaced, with a message.
 * Read only where Google is on the page (`present()` below, which an element does not make true): there the
 * message says that Google's queue was an element or a page's non-array, which a shop wants to know.
 */
function dataLayer(): unknown[] {
  if (!Array.isArray(w.dataLayer)) {
    if (w.dataLayer) warn('window.dataLayer is not an array (an element with id="dataLayer"?); Google gets a new one.');
    w.dataLayer = [];
  }
  return w.dataLayer;
}

/**
 * A gtag command: an `Arguments` object pushed onto the dataLayer, as Google's snippet's `gtag` pushes
 * it (gtag.js acts on nothing else), defining that `gtag` if the page has none. Never through the
 * page's own `gtag`: one that pushes arrays (rest arguments) or throws would lose the consent commands.
 */
export function gtag(..._args: unknown[]): void {
  // An element named gtag (window's named property) is no gtag.
  if (typeof w.gtag != 'function')
    w.gtag = function () {
      // eslint-disable-next-line prefer-rest-params
      dataLayer().push(arguments);
    };
  // eslint-disable-next-line prefer-rest-params
  dataLayer().push(arguments);
}

const isArguments = (entry: unknown): entry is IArguments => Object.prototype.toString.call(entry) === '[object Arguments]';

/** Put the all-denied default before anything else Google, unless the page already has a default. */
export function pushConsentDefault(): void {
  const layer = dataLayer();
  if (layer.some((e) => isArguments(e) && e[0] === 'consent' && e[1] === 'default')) return;
  // What the page queued before Keksi ran still comes after the default while gtag.js or GTM has not
  // read it (each replaces `push` when it loads); once one has, the default can only follow.
  const queued = layer.push == [].push ? layer.splice(0) : [];
  gtag('consent', 'default', { ...consentModeSignals(() => false), wait_for_update: 500 });
  gtag('set', 'ads_data_redaction', true);
  layer.push(...queued);
}

/**
 * Drive Google for one configuration: default at once, the stored choice replayed as one update,
 * tags loaded when allowed (basic mode: after consent; advanced: at once), an update and a
 * `keksi_consent_update` dataLayer event on every decision. Whatever brings Google (the attributes,
 * the page's own snippet gated, a `dataLayer` or `gtag` that appears later) hears the default first.
 */
export function startGoogle(config: KeksiConfig, granted: (category: string) => boolean, decided: boolean, builtIn: typeof BUILT_IN) {
  const configured = new Set<string>();
  const attributes = config.ga.length + config.googleAds.length + config.gtm.length;
  // A gated snippet runs only after a decision: the default must be in the dataLayer before it.
  const snippet = gatedSnippet(GOOGLE_SNIPPET);
  if (attributes && snippet) warn('ga/google-ads/gtm and a gated Google snippet both run; keep one.');
  // A snippet gated later (a single-page shop's next view) brings Google too: see `before`.
  let late = false;
  // The page's own dataLayer or gtag, never an element of that id (injected HTML on a Meta-only page made a dataLayer and a message).
  const present = () => attributes || snippet || late || own('dataLayer') || own('gtag');
  const advanced = config.consentMode === 'advanced';
  let gtagLoaded = false;
  let gtmLoaded = false;

  const load = () => {
    const tags = [
      ...config.ga.filter(() => advanced || granted('analytics:ga')),
      ...config.googleAds.filter(() => advanced || granted('marketing:google-ads')),
    ];
    for (const id of tags) {
      if (configured.has(id)) continue;
      if (!gtagLoaded) {
        gtagLoaded = true;
        loadScript((options.scriptUrls.gtag || GTAG_URL) + id);
        gtag('js', new Date());
      }
      configured.add(id);
      gtag('config', id);
    }
    // GTM is an analytics service: switched off there, it stays off; with analytics rejected, marketing still brings it.
    if (config.gtm.length && !gtmLoaded && (advanced || (granted('analytics') ? granted('analytics:gtm') : granted('marketing')))) {
      gtmLoaded = true;
      for (const id of config.gtm) {
        dataLayer().push({ 'gtm.start': Date.now(), event: 'gtm.js' });
        loadScript((options.scriptUrls.gtm || GTM_URL) + id);
      }
    }
  };

  // What the dataLayer was last told, and which one: a decision that changes nothing for Google (the
  // choice a take-over made, heard again when the chunk starts after it) is not pushed twice.
  let told: [layer: unknown[], state: string] | undefined;
  const update = () => {
    if (!present()) return;
    pushConsentDefault();
    const signals = consentModeSignals(granted);
    const names = [...config.categories, ...servicesOf(config, builtIn)];
    const on = Object.fromEntries(names.map((name) => [name, granted(name)]));
    const state = JSON.stringify(on) + JSON.stringify(signals);
    if (told && told[0] === w.dataLayer && told[1] === state) return;
    told = [dataLayer(), state];
    gtag('consent', 'update', signals);
    dataLayer().push({
      event: 'keksi_consent_update',
      keksi_categories: config.categories.filter(granted),
      keksi_services: names.filter((name) => name.includes(':') && on[name]),
      keksi_granted: on,
      keksi_consent_mode: signals,
    });
  };

  if (present()) pushConsentDefault();
  if (decided) update();
  load();
  return {
    after() {
      update();
      load();
    },
    /**
     * Before a gated script runs: the first Google snippet of a page that started without one hears the
     * default and the choice (once more if the page's own dataLayer has heard them already: harmless).
     */
    before(el: Element) {
      if (!late && !attributes && !snippet && isVendorSnippet(el, GOOGLE_SNIPPET)) {
        late = true;
        update();
      }
    },
  };
}
