/**
 * Shopify's Customer Privacy API (https://shopify.dev/docs/api/customer-privacy, "Loading the
 * Customer Privacy API" and "Collect and register consent"): Keksi is the shop's consent banner, so
 * Shopify's own pixels, apps and checkout follow the visitor's choice. Part of the platforms chunk
 * (platforms.ts), started on a page with `window.Shopify` or `platform="shopify"`. The API is loaded
 * as documented, with `Shopify.loadFeatures([{name: 'consent-tracking-api', version: '0.1'}], cb)`,
 * unless `Shopify.customerPrivacy` is there already; then `setTrackingConsent` is told the state at
 * start (nothing allowed before a decision: fail closed; not when `currentVisitorConsent()` shows
 * Shopify holds that state already) and after every decision.
 */
import type { KeksiConfig } from '../controller/config.js';
import { guard, warn } from '../core/log.js';
import { own } from '../core/doc.js';

/** What `setTrackingConsent` answers: its callback gets `{ error }` on failure; newer storefronts also return a promise. */
type Reply = { error?: unknown } | undefined;
type Privacy = {
  setTrackingConsent(consent: Record<string, boolean>, cb: (reply: Reply) => void): unknown;
  currentVisitorConsent?(): Record<string, unknown> | null | undefined;
};

/**
 * Whether Shopify already holds `consent`: `currentVisitorConsent()` answers each purpose. Its shape
 * is not in Shopify's documentation; Shopify's own Hydrogen code has typed it `'true' | 'false' | ''`
 * and later `boolean | undefined`, and storefront code reads `'yes' | 'no' | ''`. Only those answers,
 * for every purpose, count as the same choice; anything else (no choice yet, another shape, a throw)
 * is not, and Keksi sets its choice as before.
 */
const holds = (privacy: Privacy, consent: Record<string, boolean>): boolean => {
  const now = privacy.currentVisitorConsent?.();
  return !!now && Object.entries(consent).every(([purpose, on]) => [on, String(on), on ? 'yes' : 'no'].includes(now[purpose] as never));
};
type ShopifyWindow = Window & { Shopify?: { customerPrivacy?: Privacy; loadFeatures?(features: object[], cb: (error?: unknown) => void): void } };

/** Shopify's purposes and the Keksi category that decides each; `configure({platforms: {'shopify:…': …}})` changes them. */
export const SHOPIFY_PURPOSES = { analytics: 'analytics', marketing: 'marketing', preferences: 'preferences', sale_of_data: 'marketing' };

/** Drive Shopify's Customer Privacy API; `allows(purpose)` says what the visitor allows now. Returns what to do after each decision. */
export function startShopify(config: KeksiConfig, allows: (purpose: string) => boolean): () => void {
  // Not an element (DOM clobbering): an injected <form id="Shopify"> with a control named customerPrivacy threw at every decision.
  const shop = own('Shopify') as ShopifyWindow['Shopify'];
  let ready = false;
  // The page start: a returning visitor's choice that Shopify holds already is not set again.
  let start = true;
  const refused = (error: unknown) => warn('Shopify refused the consent:', error);
  const tell = () => {
    if (!ready) return;
    // Global Privacy Control is an opt-out of the sale of data wherever the law says so (CCPA).
    const gpc = !config.ignoreGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
    const consent: Record<string, boolean> = {};
    for (const purpose of Object.keys(SHOPIFY_PURPOSES)) consent[purpose] = allows(purpose) && !(gpc && purpose == 'sale_of_data');
    const privacy = shop!.customerPrivacy!;
    // Only at the start: after a decision Shopify may not yet show the one set just before it.
    const first = start;
    start = false;
    if (first && guard("reading Shopify's consent", () => holds(privacy, consent), false)) return;
    const answer = privacy.setTrackingConsent(consent, (reply) => reply && reply.error && refused(reply.error));
    if (answer instanceof Promise) answer.catch(refused);
  };
  // Shopify calls this back: nothing Keksi does in it may throw into Shopify's code.
  const loaded = (error?: unknown) =>
    guard('telling Shopify the consent', () => {
      if (error || !shop!.customerPrivacy) return warn("Shopify's Customer Privacy API did not load; Shopify is not told the consent.", error);
      ready = true;
      tell();
    });
  if (!shop) warn('platform="shopify" on a page without window.Shopify; Shopify is not told the consent.');
  else if (shop.customerPrivacy) loaded();
  else if (typeof shop.loadFeatures == 'function') shop.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], loaded);
  else loaded('no Shopify.loadFeatures');
  return tell;
}
