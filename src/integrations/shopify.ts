/**
 * Shopify's Customer Privacy API (https://shopify.dev/docs/api/customer-privacy): Keksi is the
 * shop's consent banner, so Shopify's own pixels, apps and checkout follow the visitor's choice.
 * Loaded only on a page with `window.Shopify` or `platform="shopify"` (its own chunk). The API is
 * loaded as documented, with `Shopify.loadFeatures([{name: 'consent-tracking-api', version: '0.1'}])`,
 * unless `Shopify.customerPrivacy` is there already; then `setTrackingConsent` is told the state at
 * start (nothing allowed before a decision: fail closed) and after every decision.
 */
import type { KeksiConfig } from '../controller/config.js';
import { warn } from '../core/log.js';
import { options } from '../core/options.js';

type Privacy = { setTrackingConsent(consent: Record<string, boolean>, cb: (response?: { error?: unknown }) => void): void };
type ShopifyWindow = Window & { Shopify?: { customerPrivacy?: Privacy; loadFeatures?(features: object[], cb: (error?: unknown) => void): void } };

/** Shopify's purposes and the Keksi category that decides each; `configure({platforms: {'shopify:…': …}})` changes them. */
export const SHOPIFY_PURPOSES = { analytics: 'analytics', marketing: 'marketing', preferences: 'preferences', sale_of_data: 'marketing' };

/** Drive Shopify's Customer Privacy API; returns what to do after each decision. */
export function start(config: KeksiConfig, granted: (category: string) => boolean): () => void {
  const shop = (window as ShopifyWindow).Shopify;
  let ready = false;
  const tell = () => {
    if (!ready) return;
    // Global Privacy Control is an opt-out of the sale of data wherever the law says so (CCPA).
    const gpc = !config.ignoreGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
    const consent: Record<string, boolean> = {};
    for (const [purpose, category] of Object.entries(SHOPIFY_PURPOSES)) {
      consent[purpose] = granted(options.platforms[`shopify:${purpose}`] || category) && !(gpc && purpose == 'sale_of_data');
    }
    shop!.customerPrivacy!.setTrackingConsent(consent, (response) => {
      if (response && response.error) warn('Shopify refused the consent:', response.error);
    });
  };
  const loaded = (error?: unknown) => {
    if (error || !shop!.customerPrivacy) return warn("Shopify's Customer Privacy API did not load; Shopify is not told the consent.", error);
    ready = true;
    tell();
  };
  if (!shop) warn('platform="shopify" on a page without window.Shopify; Shopify is not told the consent.');
  else if (shop.customerPrivacy) loaded();
  else if (typeof shop.loadFeatures == 'function') shop.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], loaded);
  else loaded('no Shopify.loadFeatures');
  return tell;
}
