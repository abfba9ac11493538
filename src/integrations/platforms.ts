/**
 * The platforms whose consent APIs Keksi drives: Shopify's Customer Privacy API (shopify.ts) and the
 * WP Consent API (wordpress.ts). One lazy chunk: the controller only checks whether the page has a
 * platform (`window.Shopify`, `wp_set_consent`) or the `platform` attribute is set, and imports this;
 * everything else is here, so a page without a platform pays nothing and a returning visitor's
 * controller does not grow. Here: the `platform` attribute's values, `configure({ platforms })` (read
 * from every configure() input, which merge-options.ts keeps in `given`), and each platform's start.
 * Docs: docs/platforms.md.
 */
import type { KeksiConfig } from '../controller/config.js';
import { CATEGORY_ID, NECESSARY } from '../core/attributes.js';
import { guard, warn } from '../core/log.js';
import { own } from '../core/doc.js';
import { given } from '../core/options.js';
import { SHOPIFY_PURPOSES, startShopify } from './shopify.js';
import { WP_CATEGORIES, startWordPress } from './wordpress.js';

/** The values of the `platform` attribute; `detected` (the default) follows the page. */
export const PLATFORMS = ['detected', 'shopify', 'wordpress'] as const;

/** Each platform's purposes and the Keksi category that decides each by default. */
const PURPOSES: Record<string, Record<string, string>> = { shopify: SHOPIFY_PURPOSES, wordpress: WP_CATEGORIES };

/** Whether `granted` allows a Keksi category (`necessary` always). */
export type Allows = (category: string) => boolean;

/**
 * Whether the category that decides `platform:purpose` is granted: the default category, or the one
 * the latest `configure({ platforms: { 'platform:purpose': category } })` names. The configure() inputs
 * are read at each decision (own properties only), so a call made at any time counts; a bad entry is
 * skipped with a `[keksi]` message, as merge-options.ts skips bad entries of its maps.
 */
export const allows =
  (platform: string, granted: Allows) =>
  (purpose: string): boolean => {
    let category = PURPOSES[platform][purpose];
    // `given` holds the inputs the latest first (merge-options.ts): read them in order, the latest wins.
    for (const input of [...given].reverse()) {
      // An input whose getters throw is skipped (merge-options.ts has said so when it was given).
      guard('configure()', () => {
        const map = input && typeof input == 'object' ? ({ __proto__: null, ...input } as { platforms?: unknown }).platforms : undefined;
        if (map !== undefined && (!map || typeof map != 'object' || Array.isArray(map))) warn('configure(): platforms skipped.', map);
        for (const [key, value] of Object.entries(map && typeof map == 'object' ? map : {})) {
          const [p, name] = key.split(':');
          const known = Object.hasOwn(PURPOSES, p) && Object.hasOwn(PURPOSES[p], name);
          if (!known || typeof value != 'string' || !CATEGORY_ID.test(value)) warn(`configure(): platforms.${key} skipped.`, value);
          else if (p == platform && name == purpose) category = value;
        }
      });
    }
    return category == NECESSARY || granted(category);
  };

/** Start the platforms on this page; returns what to do after each decision. */
export function start(config: KeksiConfig, granted: Allows): () => void {
  const named = config.platform;
  if (named != null && !(PLATFORMS as readonly string[]).includes(named)) {
    warn(`platform="${named}" is not one of ${PLATFORMS.join(', ')}; using "detected".`);
  }
  const after: (() => void)[] = [];
  // Each platform is told on its own: one that throws (a theme's broken shim) does not silence the ones after it.
  const add = (name: string, begin: () => () => void) => {
    const tell = guard(name, begin, () => {});
    after.push(() => guard(name, tell));
  };
  // An element of that id or name is none (own(): DOM clobbering).
  if (own('Shopify') || named == 'shopify') add('Shopify', () => startShopify(config, allows('shopify', granted)));
  if (own('wp_set_consent') || named == 'wordpress') add('the WP Consent API', () => startWordPress(allows('wordpress', granted)));
  return () => after.map((fn) => fn());
}
